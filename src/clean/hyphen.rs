//! End-of-line hyphenation in Latin text: decide from the page's own vocabulary and a word list
//! whether "dif-" + "ficult" is one word or a real compound such as "well-known".

use crate::lang::en_words;
use rustc_hash::{FxHashMap, FxHashSet};

/// The words a page uses, lower-cased, and the hyphenated compounds it spells out within lines.
#[derive(Default)]
pub struct Vocab {
    words: FxHashMap<String, u32>,
    compounds: FxHashSet<String>,
}

impl Vocab {
    pub fn from_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vocab {
        let mut v = Vocab::default();
        for line in lines {
            for tok in line.split(|c: char| !(c.is_alphabetic() || c == '-')) {
                let tok = tok.trim_matches('-');
                if tok.len() < 2 {
                    continue;
                }
                let lower = tok.to_lowercase();
                if lower.contains('-') {
                    for part in lower.split('-').filter(|p| p.len() >= 2) {
                        *v.words.entry(part.to_string()).or_default() += 1;
                    }
                    v.compounds.insert(lower);
                } else {
                    *v.words.entry(lower).or_default() += 1;
                }
            }
        }
        v
    }

    fn known(&self, w: &str) -> bool {
        self.words.contains_key(w) || is_word(w)
    }
}

/// A dictionary word, allowing regular inflections of one.
pub fn is_word(w: &str) -> bool {
    let words = en_words();
    if words.contains(w) {
        return true;
    }
    for suf in ["s", "es", "ed", "d", "ing", "ly", "er", "ers"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.len() >= 3 && (words.contains(stem) || words.contains(format!("{stem}e").as_str())) {
                return true;
            }
        }
    }
    false
}

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
    if vocab.compounds.contains(&format!("{l}-{r}")) {
        return Dehyphen::Keep;
    }
    if vocab.words.contains_key(&joined) || is_word(&joined) {
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
