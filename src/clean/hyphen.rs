//! End-of-line hyphenation in Latin text: decide from the page's own vocabulary and a word list
//! whether "dif-" + "ficult" is one word or a real compound such as "well-known"; in a language
//! without a word list, from the page's own words alone.

pub use super::vocab::{is_word, Vocab};
use crate::lang::Lang;

const SUFFIXES: &[&str] = &[
    "ing", "ings", "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ence",
    "ances", "ences", "ous", "ive", "ives", "able", "ible", "ally", "ly", "ed", "er", "ers", "est", "ure", "ures",
    "ial", "ical", "ant", "ants", "ent", "ents", "ism", "ist", "ists", "ize", "ized", "ise", "ised", "ship", "ty",
];

/// What to do with a hyphen at the end of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dehyphen {
    /// A word broken by the line end: drop the hyphen and join.
    Join,
    /// A real hyphen (a compound, a range): keep it and join without a space.
    Keep,
    /// Cannot tell: keep the hyphen, and say so.
    Unsure,
}

/// A break no word list or page count can join: a side with no letters, or a capital after the
/// break, which begins a name of its own (Hewlett-Packard, Saint-Jean, Elsaß-Lothringen).
fn keeps_whatever_the_words(left: &str, right: &str) -> bool {
    left.is_empty() || right.is_empty() || right.chars().next().is_some_and(char::is_uppercase)
}

/// Decides for `left-` at a line end followed by `right` on the next line. `left` and `right` are the
/// alphabetic fragments touching the hyphen.
pub fn decide(left: &str, right: &str, vocab: &Vocab) -> Dehyphen {
    if keeps_whatever_the_words(left, right) {
        return Dehyphen::Keep;
    }
    let l = left.to_lowercase();
    let r = right.to_lowercase();
    let joined = format!("{l}{r}");
    if vocab.has_compound(&format!("{l}-{r}")) {
        return Dehyphen::Keep;
    }
    if vocab.count(&joined) > 0 || is_word(&joined) {
        return Dehyphen::Join;
    }
    let lw = l.chars().count() >= 2 && vocab.known(&l);
    let rw = r.chars().count() >= 2 && vocab.known(&r);
    if r.chars().count() <= 2 || SUFFIXES.contains(&r.as_str()) {
        return Dehyphen::Join;
    }
    match (lw, rw) {
        (true, true) => Dehyphen::Keep,
        // A fragment that is no word on either side: a word broken in two, known or not (a name).
        (false, false) | (true, false) => Dehyphen::Join,
        (false, true) => Dehyphen::Unsure,
    }
}

/// Decides for `left-` + `right` at a line's end on a page in `lang`: with the word list where the
/// language has one ([`decide`], whose answers on English pages stay as they were), else
/// [`decide_by_page`] with the page's vocabulary.
pub fn decide_in(left: &str, right: &str, vocab: &Vocab, lang: &Lang) -> Dehyphen {
    if lang.has_word_list() {
        decide(left, right, vocab)
    } else {
        decide_by_page(left, right, lang, &|w| vocab.count(w), &|c| vocab.has_compound(c))
    }
}

/// Decides for "left- right" inside a line (a break an earlier tool unwrapped, or a dash set
/// tight): where the language has no word list, the halves are joined only if the page spells
/// the whole word elsewhere, as "et- d'une" is no word broken.
pub fn decide_inline(left: &str, right: &str, vocab: &Vocab, lang: &Lang) -> Dehyphen {
    if lang.has_word_list() {
        return decide(left, right, vocab);
    }
    let joined = format!("{left}{right}").to_lowercase();
    if right.chars().next().is_some_and(char::is_lowercase) && vocab.count(&joined) > 0 { Dehyphen::Join } else { Dehyphen::Keep }
}

/// Decides without a word list (the English list would call "contre" no word and "ganze" a
/// misspelling): only what the page itself spells and the language's table count. `count` is how
/// often the page spells a lower-case word, the two halves at this break included; `compound`
/// whether it prints words joined by a hyphen within a line.
pub fn decide_by_page(left: &str, right: &str, lang: &Lang, count: &dyn Fn(&str) -> u32, compound: &dyn Fn(&str) -> bool) -> Dehyphen {
    if keeps_whatever_the_words(left, right) {
        return Dehyphen::Keep;
    }
    let l = left.to_lowercase();
    let r = right.to_lowercase();
    if compound(&format!("{l}-{r}")) {
        return Dehyphen::Keep;
    }
    if count(&format!("{l}{r}")) > 0 {
        return Dehyphen::Join;
    }
    if lang.hyphen_keeps.contains(&r) {
        // A word that follows a printed hyphen (dit-|il, Ille-|et-Vilaine, Ein-|und Ausfuhr).
        return Dehyphen::Keep;
    }
    // Two words the page uses elsewhere too and a whole it never spells: a compound
    // (porte-monnaie) as likely as a word broken (pour-tant); keep the hyphen and say so.
    // Otherwise a fragment stands on one side at least (con-|tre, Regie-|rung): a word broken by
    // the line, as nearly every line-end hyphen of a column is.
    let lw = l.chars().count() >= 2 && count(&l) >= 2;
    let rw = r.chars().count() >= 3 && count(&r) >= 2;
    if lw && rw { Dehyphen::Unsure } else { Dehyphen::Join }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions() {
        let v = Vocab::from_lines(["the well-known SuperAmerica chain", "prewar"].into_iter());
        assert_eq!(decide("dif", "ficult", &v), Dehyphen::Join);
        assert_eq!(decide("well", "known", &v), Dehyphen::Keep);
        assert_eq!(decide("Super", "America", &v), Dehyphen::Keep);
        assert_eq!(decide("SuperA", "merica", &v), Dehyphen::Join);
        assert_eq!(decide("refor", "m", &v), Dehyphen::Join);
        assert_eq!(decide("drafting", "plotter", &v), Dehyphen::Keep);
        assert_eq!(decide("pre", "war", &v), Dehyphen::Join);
        assert_eq!(decide("xq", "war", &Vocab::default()), Dehyphen::Unsure);
    }

    #[test]
    fn a_name_broken_at_a_line_end_is_joined_though_the_page_counts_its_halves() {
        // The page's vocabulary holds the halves at the break themselves (wil, liam): once each,
        // which makes neither a word.
        let v = Vocab::from_lines(["sentences were passed on Wil-", "liam Morris at Mel-", "bourne"].into_iter());
        assert_eq!(decide("Wil", "liam", &v), Dehyphen::Join);
        assert_eq!(decide("Mel", "bourne", &v), Dehyphen::Join);
        // A name the page spells again on its own is a word: Henderson-road stays a compound.
        let v = Vocab::from_lines(["Mr. Henderson of Henderson-", "road, and his road"].into_iter());
        assert_eq!(decide("Henderson", "road", &v), Dehyphen::Keep);
    }

    #[test]
    fn decisions_without_a_word_list() {
        use crate::lang::{Lang, LangCode};
        let (fr, de) = (Lang::get(LangCode::Fr), Lang::get(LangCode::De));
        let v = Vocab::from_words(["Il faut le dire contre tous : le porte-monnaie, pour et tant, aujourd'hui, l'Assemblée, pour tant"].into_iter());
        let by_page = |l: &str, r: &str, v: &Vocab, lang: &Lang| decide_by_page(l, r, lang, &|w| v.count(w), &|c| v.has_compound(c));
        assert_eq!(by_page("con", "tre", &v, fr), Dehyphen::Join);
        assert_eq!(by_page("Saint", "Jean", &v, fr), Dehyphen::Keep);
        assert_eq!(by_page("porte", "monnaie", &v, fr), Dehyphen::Keep);
        assert_eq!(by_page("dit", "il", &v, fr), Dehyphen::Keep);
        assert_eq!(by_page("pour", "tant", &v, fr), Dehyphen::Unsure);
        assert_eq!(by_page("aujour", "d", &v, fr), Dehyphen::Join);
        assert_eq!(by_page("Assem", "blée", &v, fr), Dehyphen::Join);
        let v = Vocab::from_words(["Die Regierung hat den ganzen Vertrag über Elsaß-Lothringen nicht gesehen."].into_iter());
        assert_eq!(by_page("Regie", "rung", &v, de), Dehyphen::Join);
        assert_eq!(by_page("Elsaß", "Lothringen", &v, de), Dehyphen::Keep);
        assert_eq!(by_page("Ein", "und", &v, de), Dehyphen::Keep);
        assert_eq!(by_page("gan", "zen", &v, de), Dehyphen::Join);
        let v = Vocab::from_words(["à Rennes (Ille-et-Vilaine), et- d'une part"].into_iter());
        assert_eq!(by_page("Ille", "et", &v, fr), Dehyphen::Keep);
        assert_eq!(decide_inline("et", "d", &v, fr), Dehyphen::Keep);
    }
}
