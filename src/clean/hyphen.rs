//! End-of-line hyphenation in Latin text: decide from the page's own vocabulary and a word list
//! whether "dif-" + "ficult" is one word or a real compound such as "well-known".

pub use super::vocab::{is_word, Vocab};

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

/// Decides for `left-` at a line end followed by `right` on the next line. `left` and `right` are the
/// alphabetic fragments touching the hyphen.
pub fn decide(left: &str, right: &str, vocab: &Vocab) -> Dehyphen {
    if left.is_empty() || right.is_empty() {
        return Dehyphen::Keep;
    }
    if right.chars().next().is_some_and(char::is_uppercase) {
        // Hewlett-Packard, Anglo-American: a capital after the break belongs to a name.
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
}
