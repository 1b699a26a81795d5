//! OCR confusions in Latin text: a word that neither the page nor the word list knows, one common
//! confusion away (c for e, rn for m, 1 for l) from a word they do know, is mended.

use super::vocab::{is_word, Vocab};

/// Mends words of one page; built once per page.
pub struct Corrector<'a> {
    vocab: &'a Vocab,
    /// (as misread, as printed) pairs, from the language table.
    pairs: &'a [(String, String)],
}

impl<'a> Corrector<'a> {
    pub fn new(vocab: &'a Vocab, pairs: &'a [(String, String)]) -> Self {
        Corrector { vocab, pairs }
    }

    fn known(&self, w: &str) -> bool {
        self.vocab.count(w) >= 2 || is_word(w)
    }

    /// A rare spelling one confusion away from a word the page uses far more often ("tho" on a page
    /// with a hundred "the"): the common word, even where the rare one is in the word list.
    fn common_twin(&self, lower: &str) -> Option<String> {
        let own = self.vocab.count(lower);
        let mut best: Option<(u32, String)> = None;
        for (seen, meant) in self.pairs {
            let mut from = 0;
            while let Some(i) = lower[from..].find(seen.as_str()).map(|i| i + from) {
                let cand = format!("{}{}{}", &lower[..i], meant, &lower[i + seen.len()..]);
                from = i + seen.len().max(1);
                let c = self.vocab.count(&cand);
                if c >= 8 && c >= 10 * own.max(1) && best.as_ref().is_none_or(|b| c > b.0) && is_word(&cand) {
                    best = Some((c, cand));
                }
            }
        }
        best.map(|b| b.1)
    }

    /// The one best mending of `lower` (a lower-cased word), if there is exactly one.
    fn mend(&self, lower: &str, capital: bool) -> Option<String> {
        let mut best: Option<(u32, String)> = None;
        let mut tie = false;
        for (seen, meant) in self.pairs {
            let mut from = 0;
            while let Some(i) = lower[from..].find(seen.as_str()).map(|i| i + from) {
                let cand = format!("{}{}{}", &lower[..i], meant, &lower[i + seen.len()..]);
                from = i + seen.len().max(1);
                if cand.bytes().any(|b| b.is_ascii_digit()) {
                    continue;
                }
                let on_page = self.vocab.count(&cand);
                // A capitalised word may be a name no list holds: mend it only towards a word the
                // page itself spells that way elsewhere.
                let ok = if capital { on_page >= 2 } else { on_page >= 1 || is_word(&cand) };
                if !ok {
                    continue;
                }
                let score = on_page * 2 + u32::from(is_word(&cand));
                match &best {
                    Some((s, w)) if *s == score && *w != cand => tie = true,
                    Some((s, _)) if *s >= score => {}
                    _ => {
                        best = Some((score, cand));
                        tie = false;
                    }
                }
            }
        }
        if tie { None } else { best.map(|b| b.1) }
    }

    /// Returns the text with its misread words mended, and how many were, or `None` if none was.
    pub fn correct(&self, text: &str) -> Option<(String, usize)> {
        let mut out = String::with_capacity(text.len());
        let mut fixed = 0;
        let mut last = 0;
        let bytes = text.as_bytes();
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
            let letters = word.bytes().filter(u8::is_ascii_alphabetic).count();
            let digits_ok = word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'0' || b == b'1');
            if letters < 2 || !digits_ok || word.len() < 3 {
                continue;
            }
            let upper = word.bytes().filter(u8::is_ascii_uppercase).count();
            if upper > 1 {
                continue; // acronyms, tickers, headlines in capitals
            }
            let capital = upper == 1 && word.as_bytes()[0].is_ascii_uppercase();
            if upper == 1 && !capital {
                continue;
            }
            let lower = word.to_ascii_lowercase();
            // Only short, rare words have a common twin worth checking ("tho", "bo", "ho").
            let mended = if self.known(&lower) {
                if lower.len() <= 4 && self.vocab.count(&lower) <= 2 { self.common_twin(&lower) } else { None }
            } else {
                self.mend(&lower, capital)
            };
            if let Some(m) = mended {
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
        let c = Corrector::new(&v, &p);
        let (t, n) = c.correct("tbe rnarket was steady, 1ike the cornpany said. Bue and NYSE stay.").unwrap();
        let many = "the ".repeat(12) + "tho man";
        let v2 = Vocab::from_lines([many.as_str()].into_iter());
        let p2 = vec![("o".to_string(), "e".to_string())];
        assert_eq!(Corrector::new(&v2, &p2).correct("tho man").map(|x| x.0).as_deref(), Some("the man"));
        assert_eq!(t, "the market was steady, like the company said. Bue and NYSE stay.");
        assert_eq!(n, 4);
        assert!(c.correct("nothing to mend here").is_none());
    }
}
