//! A piece of text's features: content words (Latin) or character bigrams (CJK), each given a
//! dense per-page id as the page's bags are made.

use super::Bag;
use crate::lang::words::content_words;
use crate::lang::{is_alphanumeric, is_cjk, Lang, LangCode};
use rustc_hash::FxHasher;
use std::hash::Hasher;

fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

fn hash_pair(a: char, b: char) -> u64 {
    let mut h = FxHasher::default();
    h.write_u32(a as u32);
    h.write_u32(b as u32);
    h.finish() | 1
}

/// The page's feature vocabulary: each distinct feature gets a small dense id, so scoring indexes
/// arrays instead of hashing.
#[derive(Debug, Default)]
pub struct Features {
    ids: IdMap,
    /// Scratch for one bag's feature ids before they are counted: reused, so a page's bags do
    /// not each grow a vector of their own from nothing.
    scratch: Vec<u32>,
    tally: Tally,
}

/// Counts of feature ids, dense by id, with a bit per id met: ids are small and dense on a page,
/// so counting them there and reading the touched ones back in order costs less than sorting
/// them. Left zeroed after each use.
#[derive(Debug, Default)]
struct Tally {
    counts: Vec<u32>,
    touched: Vec<u64>,
}

impl Tally {
    /// Each distinct id of `ids` (all below `n`) with how often it occurs, by id.
    fn count(&mut self, ids: &[u32], n: usize) -> Vec<(u32, f32)> {
        if self.counts.len() < n {
            self.counts.resize(n, 0);
            self.touched.resize(n.div_ceil(64), 0);
        }
        let (mut lo, mut hi, mut distinct) = (usize::MAX, 0, 0);
        for &f in ids {
            let f = f as usize;
            if self.counts[f] == 0 {
                self.touched[f / 64] |= 1 << (f % 64);
                (lo, hi) = (lo.min(f / 64), hi.max(f / 64));
                distinct += 1;
            }
            self.counts[f] += 1;
        }
        let mut feats = Vec::with_capacity(distinct);
        for word in lo..=hi.min(self.touched.len().saturating_sub(1)) {
            let mut bits = std::mem::take(&mut self.touched[word]);
            while bits != 0 {
                let f = word * 64 + bits.trailing_zeros() as usize;
                // A whole count, as adding 1.0 that many times gives it.
                feats.push((f as u32, std::mem::take(&mut self.counts[f]) as f32));
                bits &= bits - 1;
            }
        }
        feats
    }
}

/// Feature hash → id, by open addressing with linear probing over one flat array (an id of
/// u32::MAX marks an empty slot): every character of a CJK page looks up a bigram here.
#[derive(Debug, Default)]
struct IdMap {
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl IdMap {
    const EMPTY: u32 = u32::MAX;

    fn home(&self, h: u64) -> usize {
        // Fibonacci hashing: the top bits of the product, spread over the table.
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// The id of `h`, given the next one (the count so far) if it is new.
    fn id(&mut self, h: u64) -> u32 {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            let bigger = vec![(0, Self::EMPTY); (self.slots.len() * 2).max(1024)];
            let old = std::mem::replace(&mut self.slots, bigger);
            let mask = self.slots.len() - 1;
            for (k, v) in old.into_iter().filter(|s| s.1 != Self::EMPTY) {
                let mut i = self.home(k);
                while self.slots[i].1 != Self::EMPTY {
                    i = (i + 1) & mask;
                }
                self.slots[i] = (k, v);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            let (k, v) = self.slots[i];
            if v == Self::EMPTY {
                let id = self.len as u32;
                self.slots[i] = (h, id);
                self.len += 1;
                return id;
            }
            if k == h {
                return v;
            }
            i = (i + 1) & mask;
        }
    }
}

impl Features {
    /// A vocabulary with room for about `n` features before it grows (a page's text bytes over
    /// three is about its CJK bigrams): growing rehashes the whole table.
    pub fn with_capacity(n: usize) -> Features {
        Features {
            // At most the page tables' usual size up front (see `bits::PRESIZE_MAX`): a long page
            // that repeats its text has few distinct features, and grows the table if it has more.
            ids: IdMap { slots: vec![(0, IdMap::EMPTY); (n.min(crate::bits::PRESIZE_MAX) * 4 / 3 + 1).next_power_of_two().max(1024)], len: 0 },
            scratch: Vec::new(),
            tally: Tally::default(),
        }
    }

    /// How many distinct features the page has.
    pub fn len(&self) -> usize {
        self.ids.len
    }

    pub fn is_empty(&self) -> bool {
        self.ids.len == 0
    }

    /// The dense id of feature hash `h`, given out in order of first sight.
    fn id(&mut self, h: u64) -> u32 {
        self.ids.id(h)
    }

    /// The features of `text`: CJK character bigrams, and Latin content words (stop words out,
    /// crudely stemmed) and numbers.
    pub fn bag(&mut self, text: &str, lang: &Lang) -> Bag {
        let mut ids = std::mem::take(&mut self.scratch);
        ids.clear();
        // French, German and the other Latin languages take their words by Unicode's word
        // boundaries, an elided article off (l'Assemblée is about the Assemblée); English keeps
        // the letter runs its weights were measured with, and text holding CJK the bigrams below.
        let by_words = matches!(lang.code, LangCode::Fr | LangCode::De | LangCode::Latin);
        if by_words && !text.chars().any(is_cjk) {
            let mut lower = String::new();
            for w in content_words(text, lang) {
                if let Some(h) = word_feature(w, &mut lower, lang) {
                    ids.push(self.id(h));
                }
            }
            let feats = self.tally.count(&ids, self.ids.len);
            self.scratch = ids;
            return Bag { feats };
        }
        let mut prev: Option<char> = None;
        // A word is a run of non-CJK letters and digits, so a slice of `text`; it is lower-cased
        // into one reused buffer when it ends.
        let mut word_start: Option<usize> = None;
        let mut lower = String::new();
        for (i, c) in text.char_indices() {
            if is_cjk(c) {
                if let Some(h) = word_start.take().and_then(|s| word_feature(&text[s..i], &mut lower, lang)) {
                    ids.push(self.id(h));
                }
                if let Some(p) = prev {
                    ids.push(self.id(hash_pair(p, c)));
                }
                prev = Some(c);
                continue;
            }
            prev = None;
            if is_alphanumeric(c) {
                word_start.get_or_insert(i);
            } else if let Some(h) = word_start.take().and_then(|s| word_feature(&text[s..i], &mut lower, lang)) {
                ids.push(self.id(h));
            }
        }
        if let Some(h) = word_start.take().and_then(|s| word_feature(&text[s..], &mut lower, lang)) {
            ids.push(self.id(h));
        }
        let feats = self.tally.count(&ids, self.ids.len);
        self.scratch = ids;
        Bag { feats }
    }
}

/// The feature hash of one Latin word or number, or `None` for a stop word or one too short to
/// tell anything. `lower` is scratch for the lower-cased word.
fn word_feature(word: &str, lower: &mut String, lang: &Lang) -> Option<u64> {
    if word.is_ascii() {
        lower.clear();
        lower.push_str(word);
        lower.make_ascii_lowercase();
    } else {
        *lower = word.to_lowercase();
    }
    let w = lower.as_str();
    let digits = w.bytes().all(|b| b.is_ascii_digit());
    let keep = if digits { w.len() >= 2 } else { w.chars().count() >= 3 && !lang.is_stopword(w) };
    // A crude stem: OCR noise and inflection mostly touch a word's end.
    let stem = w.char_indices().nth(7).map_or(w, |(i, _)| &w[..i]);
    keep.then(|| hash_str(stem) & !1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_agree_with_a_sort() {
        let mut next = super::super::tests::lcg(11);
        let mut tally = Tally::default();
        for n in [0, 1, 5, 64, 65, 700] {
            let ids: Vec<u32> = (0..n * 2).map(|_| next() % (n as u32).max(1)).collect();
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            let mut want: Vec<(u32, f32)> = Vec::new();
            for f in sorted {
                match want.last_mut() {
                    Some((g, c)) if *g == f => *c += 1.0,
                    _ => want.push((f, 1.0)),
                }
            }
            assert_eq!(tally.count(&ids, n.max(1)), want, "{n}");
        }
    }
}
