//! The page's own vocabulary (its words and hyphenated compounds, with counts) and the built-in word
//! list: what hyphenation and OCR repairs check a word against.

use crate::lang::{en_words, is_alphabetic};
use rustc_hash::{FxHashMap, FxHashSet};

/// The words a page uses, lower-cased, and the hyphenated compounds it spells out within lines.
#[derive(Default)]
pub struct Vocab {
    words: FxHashMap<String, u32>,
    compounds: FxHashSet<String>,
}

impl Vocab {
    pub fn from_lines<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Vocab {
        let mut v = Vocab::default();
        // About as many distinct words as a page's bytes over a dozen: room made once, not by
        // doubling (each doubling rehashes every word so far).
        v.words.reserve(lines.clone().map(str::len).sum::<usize>() / 12);
        // Words seen before only add to their count: the lower-cased token is built in one buffer
        // and becomes a key of its own only the first time.
        let mut lower = String::new();
        let count = |words: &mut FxHashMap<String, u32>, w: &str| match words.get_mut(w) {
            Some(n) => *n += 1,
            None => {
                words.insert(w.to_string(), 1);
            }
        };
        for line in lines {
            for tok in line.split(|c: char| !(is_alphabetic(c) || c == '-')) {
                let tok = tok.trim_matches('-');
                if tok.len() < 2 {
                    continue;
                }
                if tok.is_ascii() {
                    lower.clear();
                    lower.push_str(tok);
                    lower.make_ascii_lowercase();
                } else {
                    lower = tok.to_lowercase();
                }
                if lower.contains('-') {
                    for part in lower.split('-').filter(|p| p.len() >= 2) {
                        count(&mut v.words, part);
                    }
                    v.compounds.insert(lower.clone());
                } else {
                    count(&mut v.words, &lower);
                }
            }
        }
        v
    }

    pub fn known(&self, w: &str) -> bool {
        self.words.contains_key(w) || is_word(w)
    }

    /// How often the page uses the (lower-case) word.
    pub fn count(&self, w: &str) -> u32 {
        self.words.get(w).copied().unwrap_or(0)
    }

    pub fn has_compound(&self, w: &str) -> bool {
        self.compounds.contains(w)
    }
}

/// A code for a word's first three bytes: 27 values each (a to z, and anything else).
fn start_code(w: &[u8]) -> usize {
    let d = |b: u8| if b.is_ascii_lowercase() { usize::from(b - b'a') } else { 26 };
    (d(w[0]) * 27 + d(w[1])) * 27 + d(w[2])
}

/// The first three bytes of every word of three or more in the list, as a bitmap of their codes.
/// A word `is_word` accepts starts like one of them (itself, or the stem it inflects, is in the
/// list), so a word of three or more that starts like none is turned away without a lookup: most
/// of the spellings the OCR mending tries.
fn list_starts() -> &'static [u64] {
    static S: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let mut bits = vec![0u64; (27 * 27 * 27usize).div_ceil(64)];
        for w in en_words().iter().filter(|w| w.len() >= 3) {
            let c = start_code(w.as_bytes());
            bits[c / 64] |= 1 << (c % 64);
        }
        bits
    })
}

/// A dictionary word, allowing regular inflections of one.
pub fn is_word(w: &str) -> bool {
    if w.len() >= 3 {
        let c = start_code(w.as_bytes());
        if list_starts()[c / 64] >> (c % 64) & 1 == 0 {
            return false;
        }
    }
    let words = en_words();
    if words.contains(w) {
        return true;
    }
    let mut buf = [0u8; 48];
    for suf in ["s", "es", "ed", "d", "ing", "ly", "er", "ers"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.len() < 3 {
                continue;
            }
            if words.contains(stem) {
                return true;
            }
            // stem + "e" (hoped -> hope) without allocating: this runs for every word of a page.
            if stem.len() < buf.len() {
                buf[..stem.len()].copy_from_slice(stem.as_bytes());
                buf[stem.len()] = b'e';
                if std::str::from_utf8(&buf[..=stem.len()]).is_ok_and(|s| words.contains(s)) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// is_word without the first-three-bytes check.
    fn is_word_reference(w: &str) -> bool {
        let words = en_words();
        words.contains(w)
            || ["s", "es", "ed", "d", "ing", "ly", "er", "ers"].iter().any(|suf| {
                w.strip_suffix(suf).is_some_and(|stem| stem.len() >= 3 && (words.contains(stem) || words.contains(format!("{stem}e").as_str())))
            })
    }

    #[test]
    fn starts_turn_away_only_non_words() {
        for w in ["the", "hoped", "hoping", "difficult", "tbe", "rnarket", "xqz", "a", "ab", "zzz", "école", "co-op", "abacuses", "abbeyed", "Abbey"] {
            assert_eq!(is_word(w), is_word_reference(w), "{w}");
        }
        // Every list word, and each with every suffix, still passes the check.
        for w in en_words().iter().take(5000) {
            assert!(is_word(w));
            for suf in ["s", "es", "ed", "d", "ing", "ly", "er", "ers"] {
                let x = format!("{w}{suf}");
                assert_eq!(is_word(&x), is_word_reference(&x), "{x}");
            }
        }
    }
}
