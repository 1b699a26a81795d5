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
    pub fn from_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vocab {
        let mut v = Vocab::default();
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

/// A dictionary word, allowing regular inflections of one.
pub fn is_word(w: &str) -> bool {
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

