//! The page's own vocabulary (its words and hyphenated compounds, with counts) and the built-in word
//! list: what hyphenation and OCR repairs check a word against.

use crate::bits::Bits;
use crate::lang::{en_words, is_alphabetic};
use rustc_hash::{FxHashMap, FxHashSet};

/// A word of up to 16 bytes as one integer, its bytes in order and zeros after: looked up in a
/// hash table it is compared in place, where a string key sends every probe through a pointer to
/// text elsewhere in memory and a `memcmp`. Words are letters (and the digits OCR mistakes for
/// them), never NUL, so no two words share a key.
fn packed(w: &[u8]) -> Option<u128> {
    let mut b = [0u8; 16];
    b.get_mut(..w.len())?.copy_from_slice(w);
    Some(u128::from_le_bytes(b))
}

/// A set of words: the short ones (nearly all) by their packed key, the rest as strings.
#[derive(Default)]
struct WordSet<K> {
    short: FxHashSet<u128>,
    long: FxHashSet<K>,
}

impl<K: std::borrow::Borrow<str> + Eq + std::hash::Hash> WordSet<K> {
    fn insert(&mut self, w: K) {
        match packed(w.borrow().as_bytes()) {
            Some(k) => self.short.insert(k),
            None => self.long.insert(w),
        };
    }

    fn contains(&self, w: &str) -> bool {
        self.contains_bytes(w.as_bytes())
    }

    fn contains_bytes(&self, w: &[u8]) -> bool {
        match packed(w) {
            Some(k) => self.short.contains(&k),
            None => std::str::from_utf8(w).is_ok_and(|w| self.long.contains(w)),
        }
    }
}

/// Words with counts, keyed like a [`WordSet`].
#[derive(Default)]
struct WordCounts {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<String, u32>,
}

impl WordCounts {
    fn add(&mut self, w: &str) {
        match packed(w.as_bytes()) {
            Some(k) => *self.short.entry(k).or_insert(0) += 1,
            None => match self.long.get_mut(w) {
                Some(n) => *n += 1,
                None => {
                    self.long.insert(w.to_string(), 1);
                }
            },
        }
    }

    fn get(&self, w: &str) -> u32 {
        match packed(w.as_bytes()) {
            Some(k) => self.short.get(&k),
            None => self.long.get(w),
        }
        .copied()
        .unwrap_or(0)
    }
}

/// The words a page uses, lower-cased, and the hyphenated compounds it spells out within lines.
#[derive(Default)]
pub struct Vocab {
    words: WordCounts,
    compounds: WordSet<String>,
}

impl Vocab {
    pub fn from_lines<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Vocab {
        let mut v = Vocab::default();
        // About as many distinct words as a page's bytes over a dozen: room made once, not by
        // doubling (each doubling rehashes every word so far); on a long page only as much as a
        // long ordinary page needs (a page that repeats itself has far fewer distinct words).
        v.words.short.reserve((lines.clone().map(str::len).sum::<usize>() / 12).min(crate::bits::PRESIZE_MAX));
        // The lower-cased token is built in one buffer.
        let mut lower = String::new();
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
                        v.words.add(part);
                    }
                    v.compounds.insert(lower.clone());
                } else {
                    v.words.add(&lower);
                }
            }
        }
        v
    }

    /// The vocabulary of a page in a language without a word list, its words found by Unicode's
    /// word boundaries (UAX #29): "aujourd'hui" and "l'Assemblée" are words, and so are their parts
    /// ("hui", "Assemblée"), which a line-end hyphen may leave on their own (aujour-|d'hui,
    /// l'Assem-|blée). Words joined by a hyphen within a line are a compound, and so is each two of
    /// them side by side.
    pub fn from_words<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Vocab {
        let mut v = Vocab::default();
        v.words.short.reserve((lines.clone().map(str::len).sum::<usize>() / 12).min(crate::bits::PRESIZE_MAX));
        let mut lower = String::new();
        let mut compound = String::new();
        for line in lines {
            // Where the word before ended, to tell a hyphen joining two words from any other.
            let mut prev_end: Option<usize> = None;
            for (at, w) in crate::lang::words::words(line) {
                let glued = prev_end.is_some_and(|e| &line[e..at] == "-");
                prev_end = Some(at + w.len());
                if !w.chars().all(|c| is_alphabetic(c) || c == '\'' || c == '’') {
                    prev_end = None;
                    v.end_compound(&mut compound);
                    continue;
                }
                crate::lang::words::lower_into(w, &mut lower);
                if !glued {
                    v.end_compound(&mut compound);
                }
                if !compound.is_empty() {
                    compound.push('-');
                }
                compound.push_str(&lower);
                if lower.chars().count() >= 2 {
                    v.words.add(&lower);
                }
                if lower.contains(['\'', '’']) {
                    for part in lower.split(['\'', '’']).filter(|p| p.chars().count() >= 2) {
                        v.words.add(part);
                    }
                }
            }
            v.end_compound(&mut compound);
        }
        v
    }

    /// Records the words gathered in `compound` as a compound if they are two or more, and each
    /// two of them that stand side by side (Ille-et-Vilaine holds ille-et and et-vilaine, as a
    /// line's end may break it after either), and clears it.
    fn end_compound(&mut self, compound: &mut String) {
        let parts: Vec<&str> = compound.split('-').collect();
        if parts.len() > 2 {
            for w in parts.windows(2) {
                self.compounds.insert(format!("{}-{}", w[0], w[1]));
            }
        }
        if parts.len() > 1 {
            self.compounds.insert(compound.clone());
        }
        compound.clear();
    }

    /// Whether a half at a line-end break is a word: the list has it, or the page spells it
    /// elsewhere. The page's count holds the halves at this very break, so a name's halves
    /// (Wil-|liam, Mel-|bourne) count once and are no words.
    pub fn known(&self, w: &str) -> bool {
        is_word(w) || self.words.get(w) >= 2
    }

    /// How often the page uses the (lower-case) word.
    pub fn count(&self, w: &str) -> u32 {
        self.words.get(w)
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

/// The word list as `is_word` asks it: the first three bytes of every word of three or more, as a
/// bitmap of their codes, and the words themselves by packed key. A word `is_word` accepts starts
/// like one of them (itself, or the stem it inflects, is in the list), so a word of three or more
/// that starts like none is turned away without a lookup: most of the spellings the OCR mending
/// tries.
struct List {
    starts: Bits,
    words: WordSet<&'static str>,
    /// One bit per hash of a packed key, set for every listed word: 64 KB, which stays in cache
    /// where the word table (a megabyte) does not, and is clear for about 92% of the spellings
    /// not listed, which then cost no probe of the table.
    sieve: Bits,
}

const SIEVE_BITS: u32 = 19;

fn sieve_bit(k: u128) -> usize {
    let h = (k as u64 ^ (k >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - SIEVE_BITS)) as usize
}

impl List {
    fn has(&self, w: &[u8]) -> bool {
        match packed(w) {
            Some(k) => self.sieve.get(sieve_bit(k)) && self.words.short.contains(&k),
            None => self.words.contains_bytes(w),
        }
    }
}

fn list() -> &'static List {
    static L: std::sync::OnceLock<List> = std::sync::OnceLock::new();
    L.get_or_init(|| {
        let mut starts = Bits::new(27 * 27 * 27);
        let mut words = WordSet::default();
        words.short.reserve(en_words().len());
        let mut sieve = Bits::new(1 << SIEVE_BITS);
        for &w in en_words() {
            if w.len() >= 3 {
                starts.set(start_code(w.as_bytes()));
            }
            if let Some(k) = packed(w.as_bytes()) {
                sieve.set(sieve_bit(k));
            }
            words.insert(w);
        }
        List { starts, words, sieve }
    })
}

/// A dictionary word, allowing regular inflections of one.
pub fn is_word(w: &str) -> bool {
    let list = list();
    if w.len() >= 3 && !list.starts.get(start_code(w.as_bytes())) {
        return false;
    }
    if list.has(w.as_bytes()) {
        return true;
    }
    let mut buf = [0u8; 48];
    for suf in ["s", "es", "ed", "d", "ing", "ly", "er", "ers"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.len() < 3 {
                continue;
            }
            if list.has(stem.as_bytes()) {
                return true;
            }
            // stem + "e" (hoped -> hope) without allocating: this runs for every word of a page.
            if stem.len() < buf.len() {
                buf[..stem.len()].copy_from_slice(stem.as_bytes());
                buf[stem.len()] = b'e';
                if list.has(&buf[..=stem.len()]) {
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
    fn words_longer_than_a_packed_key_are_counted_and_listed() {
        // 17 and more bytes do not fit a packed key and take the string tables.
        let v = Vocab::from_lines(["Extraterrestrials met extraterrestrials; the well-characterised-ness test"].into_iter());
        assert_eq!(v.count("extraterrestrials"), 2);
        assert_eq!(v.count("met"), 1);
        assert!(v.has_compound("well-characterised-ness"));
        assert!(!v.has_compound("well-characterised"));
        assert!(is_word("indistinguishable") && is_word("characteristically"));
        assert!(is_word("industrialisations") && !is_word("industrialisationz"));
        assert_eq!(packed(b"0123456789abcdef").map(u128::to_le_bytes).map(|b| b[15]), Some(b'f'));
        assert_eq!(packed(b"0123456789abcdefg"), None);
    }

    #[test]
    fn starts_turn_away_only_non_words() {
        for w in ["the", "hoped", "hoping", "difficult", "tbe", "rnarket", "xqz", "a", "ab", "zzz", "école", "co-op", "abacuses", "abbeyed", "Abbey"] {
            assert_eq!(is_word(w), is_word_reference(w), "{w}");
        }
        // Every list word passes the start check and the sieve; the first 5000 with every suffix
        // too.
        assert!(en_words().iter().all(|w| is_word(w)));
        for w in en_words().iter().take(5000) {
            assert!(is_word(w));
            for suf in ["s", "es", "ed", "d", "ing", "ly", "er", "ers"] {
                let x = format!("{w}{suf}");
                assert_eq!(is_word(&x), is_word_reference(&x), "{x}");
            }
        }
    }
}
