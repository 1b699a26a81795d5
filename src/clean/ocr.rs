//! OCR confusions in Latin text: a word that neither the page nor the word list knows, one common
//! confusion away (c for e, rn for m, 1 for l) from a word they do know, is mended.

use super::vocab::{is_word, Vocab};
use rustc_hash::{FxHashMap, FxHashSet};

/// Mends words of one page; built once per page.
pub struct Corrector<'a> {
    vocab: &'a Vocab,
    /// (as misread, as printed) pairs, from the language table.
    pairs: &'a [(String, String)],
    /// What each word the page does not use just once came to, by whether it was mended strictly
    /// (capitalised, or half a word at a cut) then by its lower-case spelling: a page repeats its words, and the verdict depends on
    /// nothing else (the vocabulary is fixed).
    memo: [FxHashMap<Box<str>, Option<Box<str>>>; 2],
    /// Scratch for the candidate spellings, so trying one costs no allocation.
    cand: String,
    /// Words (lower-cased) the OCR engine read with high confidence: never mended.
    sure: Option<&'a FxHashSet<Box<str>>>,
}

/// The first place at or after `from` where `needle` occurs in `hay`. `str::find` builds a
/// two-way searcher per call, which costs more than the search in words this short.
fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    let (first, rest) = (needle[0], &needle[1..]);
    let mut i = from;
    while i + needle.len() <= hay.len() {
        // Compared byte by byte: a slice comparison calls memcmp, dear for one or two bytes.
        if hay[i] == first && hay[i + 1..i + needle.len()].iter().zip(rest).all(|(a, b)| a == b) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The ASCII bytes a word holds, as bits: most confusion pairs start with a letter the word
/// lacks, and are passed over without a search.
fn bytes_in(w: &str) -> u128 {
    w.bytes().filter(u8::is_ascii).fold(0, |m, b| m | 1 << b)
}

/// Whether `seen` may occur in a word holding the bytes `has` (its first byte is among them, or
/// is not ASCII and so was not recorded).
fn may_hold(has: u128, seen: &str) -> bool {
    seen.as_bytes().first().is_none_or(|&b| !b.is_ascii() || has >> b & 1 == 1)
}

/// Writes `lower` with `seen` at byte `i` replaced by `meant` into `out`.
fn spell(out: &mut String, lower: &str, i: usize, seen: &str, meant: &str) {
    out.clear();
    out.push_str(&lower[..i]);
    out.push_str(meant);
    out.push_str(&lower[i + seen.len()..]);
}

/// Calls `f` with each spelling of `lower` one confusion away (one occurrence of a pair's misread
/// form put back as what was meant), built in `scratch`.
fn each_spelling(pairs: &[(String, String)], scratch: &mut String, lower: &str, mut f: impl FnMut(&str)) {
    let has = bytes_in(lower);
    for (seen, meant) in pairs {
        if !may_hold(has, seen) {
            continue;
        }
        let mut from = 0;
        while let Some(i) = find_from(lower.as_bytes(), seen.as_bytes(), from) {
            spell(scratch, lower, i, seen, meant);
            from = i + seen.len().max(1);
            f(scratch);
        }
    }
}

impl<'a> Corrector<'a> {
    pub fn new(vocab: &'a Vocab, pairs: &'a [(String, String)]) -> Self {
        Corrector { vocab, pairs, memo: Default::default(), cand: String::new(), sure: None }
    }

    /// Leaves alone every word the OCR engine was sure of (a structured file's word confidences):
    /// mending is for the words it doubted.
    pub fn sure_of(mut self, sure: Option<&'a FxHashSet<Box<str>>>) -> Self {
        self.sure = sure;
        self
    }


    /// A rare spelling one confusion away from a word the page uses far more often ("tho" on a page
    /// with a hundred "the"): the common word, even where the rare one is in the word list.
    /// `own` is how often the page uses `lower`.
    fn common_twin(&mut self, lower: &str, own: u32) -> Option<Box<str>> {
        let vocab = self.vocab;
        let mut best: Option<(u32, Box<str>)> = None;
        each_spelling(self.pairs, &mut self.cand, lower, |cand| {
            let c = vocab.count(cand);
            if c >= 8 && c >= 10 * own.max(1) && best.as_ref().is_none_or(|b| c > b.0) && is_word(cand) {
                best = Some((c, cand.into()));
            }
        });
        best.map(|b| b.1)
    }

    /// The one best mending of `lower` (a lower-cased word), if there is exactly one.
    fn mend(&mut self, lower: &str, strict: bool) -> Option<Box<str>> {
        let vocab = self.vocab;
        let mut best: Option<(u32, Box<str>)> = None;
        let mut tie = false;
        each_spelling(self.pairs, &mut self.cand, lower, |cand| {
            if cand.bytes().any(|b| b.is_ascii_digit()) {
                return;
            }
            let on_page = vocab.count(cand);
            // A capitalised word may be a name no list holds (and a word at a cut, half of one):
            // mend it only towards a word the page itself spells that way elsewhere.
            if if strict { on_page < 2 } else { on_page == 0 && !is_word(cand) } {
                return;
            }
            // A word the page lacks got here for being listed: asked once, not twice.
            let listed = on_page == 0 || is_word(cand);
            let score = on_page * 2 + u32::from(listed);
            match &best {
                Some((s, w)) if *s == score && **w != *cand => tie = true,
                Some((s, _)) if *s >= score => {}
                _ => {
                    best = Some((score, cand.into()));
                    tie = false;
                }
            }
        });
        if tie { None } else { best.map(|b| b.1) }
    }

    /// What `lower` (a lower-cased word used `on_page` times on the page; `strict` where it is
    /// capitalised there or may be half a word at a cut) is mended to, if anything.
    fn verdict(&mut self, lower: &str, strict: bool, on_page: u32) -> Option<Box<str>> {
        // Known: used more than once, or listed. Only short, rare words have a common twin worth
        // checking ("tho", "bo", "ho").
        if on_page >= 2 || is_word(lower) {
            if lower.len() <= 4 && on_page <= 2 { self.common_twin(lower, on_page) } else { None }
        } else {
            self.mend(lower, strict)
        }
    }

    /// Returns the text with its misread words mended, and how many were, or `None` if none was.
    pub fn correct(&mut self, text: &str) -> Option<(String, usize)> {
        let mut out = String::new();
        let mut fixed = 0;
        let mut last = 0;
        let bytes = text.as_bytes();
        let mut lower = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let c = text[i..].chars().next().expect("in bounds");
            if !(c.is_ascii_alphanumeric()) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            // A word glued to a non-ASCII letter is not one to judge.
            if text[i..].chars().next().is_some_and(char::is_alphabetic) || text[..start].chars().next_back().is_some_and(char::is_alphabetic) {
                continue;
            }
            let word = &text[start..i];
            // Letters, capitals, and digits other than 0 and 1, in one pass over the word.
            let (mut letters, mut upper, mut other_digits) = (0, 0, false);
            for b in word.bytes() {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    upper += usize::from(b.is_ascii_uppercase());
                } else {
                    other_digits |= b != b'0' && b != b'1';
                }
            }
            if letters < 2 || other_digits || word.len() < 3 {
                continue;
            }
            if upper > 1 {
                continue; // acronyms, tickers, headlines in capitals
            }
            let capital = upper == 1 && word.as_bytes()[0].is_ascii_uppercase();
            if upper == 1 && !capital {
                continue;
            }
            // A text that opens on a word in lower case may open on the second half of a word a
            // column cut (distinc-|tion), and one that ends on a hyphen holds the first half of
            // one: neither half is a word alone, and the join across the cut makes it whole. Such
            // a word is mended, as a name is, only towards a word the page spells elsewhere.
            let half = (start == text.len() - text.trim_start().len() && !capital) || text[i..].trim_end() == "-";
            let strict = capital || half;
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            // A word the page uses more than once is known, and has no common twin to check unless
            // it is short and used just twice: the verdict (nothing) needs neither the memo nor
            // the word list.
            let on_page = self.vocab.count(&lower);
            if on_page >= 2 && (lower.len() > 4 || on_page > 2) {
                continue;
            }
            if self.sure.is_some_and(|s| s.contains(lower.as_str())) {
                continue;
            }
            // A word the page uses once is mostly met once: remembering its verdict costs more
            // than working it out again the rare time it comes back.
            let mended = if on_page == 1 {
                self.verdict(&lower, strict, on_page)
            } else {
                match self.memo[usize::from(strict)].get(lower.as_str()).cloned() {
                    Some(m) => m,
                    None => {
                        let m = self.verdict(&lower, strict, on_page);
                        self.memo[usize::from(strict)].insert(lower.as_str().into(), m.clone());
                        m
                    }
                }
            };
            if let Some(m) = mended {
                if fixed == 0 {
                    out.reserve(text.len());
                }
                out.push_str(&text[last..start]);
                if capital {
                    let mut cs = m.chars();
                    if let Some(f) = cs.next() {
                        out.extend(f.to_uppercase());
                        out.push_str(cs.as_str());
                    }
                } else {
                    out.push_str(&m);
                }
                last = i;
                fixed += 1;
            }
        }
        if fixed == 0 {
            return None;
        }
        out.push_str(&text[last..]);
        Some((out, fixed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs() -> Vec<(String, String)> {
        [("c", "e"), ("rn", "m"), ("1", "l"), ("0", "o"), ("b", "h")].iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn mends_misread_words_only() {
        let v = Vocab::from_lines(["The Bue company said the market was steady. Bue Bue"].into_iter());
        let p = pairs();
        let mut c = Corrector::new(&v, &p);
        let (t, n) = c.correct("tbe rnarket was steady, 1ike the cornpany said. Bue and NYSE stay.").unwrap();
        let many = "the ".repeat(12) + "tho man";
        let v2 = Vocab::from_lines([many.as_str()].into_iter());
        let p2 = vec![("o".to_string(), "e".to_string())];
        assert_eq!(Corrector::new(&v2, &p2).correct("tho man").map(|x| x.0).as_deref(), Some("the man"));
        assert_eq!(t, "the market was steady, like the company said. Bue and NYSE stay.");
        assert_eq!(n, 4);
        assert!(c.correct("nothing to mend here").is_none());
    }

    #[test]
    fn a_word_the_engine_was_sure_of_is_never_mended() {
        let many = "the ".repeat(12) + "tho man";
        let v = Vocab::from_lines([many.as_str()].into_iter());
        let p = vec![("o".to_string(), "e".to_string())];
        let sure: FxHashSet<Box<str>> = ["tho".into()].into_iter().collect();
        assert_eq!(Corrector::new(&v, &p).sure_of(Some(&sure)).correct("tho man"), None);
        assert!(Corrector::new(&v, &p).sure_of(None).correct("tho man").is_some());
    }
}
