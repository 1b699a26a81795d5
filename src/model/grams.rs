//! The page's own strings: the 2- to 4-character strings of CJK text and the word pairs (and word
//! counts) of Latin text a page holds, built from its blocks' texts and asked whether what spans a
//! cut occurs elsewhere on the page.

use crate::bits::{Bits, PRESIZE_MAX};
use crate::lang::{is_cjk, Lang};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

fn gram_char(c: char) -> bool {
    is_cjk(c) || c.is_ascii_alphanumeric()
}

/// A pair of words as one hash, case folded: the page's word pairs are kept as hashes only.
fn hash_pair(a: &str, b: &str) -> u64 {
    let mut h = FxHasher::default();
    // Nearly every pair is two short ASCII words: lower-cased on the stack and hashed in one write
    // (a word is alphabetic, so the 0 between them cannot occur in either).
    if a.is_ascii() && b.is_ascii() && a.len() + b.len() < 96 {
        let mut buf = [0u8; 96];
        let n = a.len() + 1 + b.len();
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len() + 1..n].copy_from_slice(b.as_bytes());
        buf[..n].make_ascii_lowercase();
        h.write(&buf[..n]);
        return h.finish();
    }
    for c in a.chars().flat_map(char::to_lowercase) {
        h.write_u32(c as u32);
    }
    h.write_u32(0);
    for c in b.chars().flat_map(char::to_lowercase) {
        h.write_u32(c as u32);
    }
    h.finish()
}

fn hash_gram(cs: &[char]) -> u64 {
    let mut h = FxHasher::default();
    for c in cs {
        h.write_u32(*c as u32);
    }
    h.finish()
}

/// The 2- to 4-character strings of CJK (and digits) a page holds: a tiny language model made from
/// the page's own words, asked whether a string that spans a cut occurs elsewhere on the page. For
/// Latin text, the pairs of words it holds, and for a language without a word list
/// ([`PageGrams::of_words_in`]) how often it spells each word.
#[derive(Default)]
pub struct PageGrams(Hashes, FxHashMap<u64, u32>);


/// A set of 64-bit string hashes: open addressing with linear probing over one flat array (0
/// marks an empty slot; a hash that is 0 is kept aside). A page puts in tens of thousands and asks
/// about a few hundred, so inserting is what counts: one multiply and, mostly, one cache line.
#[derive(Default)]
struct Hashes {
    slots: Vec<u64>,
    len: usize,
    zero: bool,
}

impl Hashes {
    /// Room for about `n` hashes, at most [`PRESIZE_MAX`] before the set grows: `n` is a guess
    /// from the text's length, and a long page that repeats itself holds far fewer distinct
    /// strings than its length suggests, while every slot of a table sized to its length is
    /// touched and kept in memory.
    fn with_capacity(n: usize) -> Hashes {
        Hashes { slots: vec![0; (n.min(PRESIZE_MAX) * 4 / 3 + 1).next_power_of_two().max(16)], len: 0, zero: false }
    }

    fn home(&self, h: u64) -> usize {
        // Fibonacci hashing: the top bits of the product, spread over the table.
        let bits = self.slots.len().trailing_zeros();
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    fn insert(&mut self, h: u64) {
        if h == 0 {
            self.zero = true;
            return;
        }
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            let bigger = vec![0; (self.slots.len() * 2).max(16)];
            let old = std::mem::replace(&mut self.slots, bigger);
            self.len = 0;
            for x in old.into_iter().filter(|&x| x != 0) {
                self.insert(x);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = h;
                    self.len += 1;
                    return;
                }
                x if x == h => return,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn contains(&self, h: u64) -> bool {
        if h == 0 {
            return self.zero;
        }
        if self.slots.is_empty() {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            match self.slots[i] {
                0 => return false,
                x if x == h => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// A set of characters: a bit for each of the Basic Multilingual Plane. A character past it is
/// always taken to be in: they are rare, and letting one in costs only a few extra strings.
struct CharSet(Bits);

impl CharSet {
    const SIZE: usize = 0x1_0000;

    fn new() -> CharSet {
        CharSet(Bits::new(Self::SIZE))
    }

    fn insert(&mut self, c: char) {
        if (c as usize) < Self::SIZE {
            self.0.set(c as usize);
        }
    }

    fn contains(&self, c: char) -> bool {
        self.0.try_get(c as usize).unwrap_or(true)
    }
}

/// The characters a string asked about by [`PageGrams::across_len`] may start with, for a tail
/// that is one of `texts`: the last three string characters before its end.
fn cut_starts<'a>(texts: impl Iterator<Item = &'a str>) -> CharSet {
    let mut set = CharSet::new();
    for t in texts {
        for c in t.trim_end().chars().rev().take_while(|c| gram_char(*c)).take(3) {
            set.insert(c);
        }
    }
    set
}

impl PageGrams {
    pub fn of<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> PageGrams {
        // Sized for the page up front: a CJK character is 3 bytes and starts at most 3 strings.
        let cap = texts.clone().map(str::len).sum();
        PageGrams::of_starting(texts, cap, |_| true)
    }

    /// The strings of [`of`](Self::of) that may run across a cut after one of `texts`: those
    /// starting on one of the last three string characters of a text, which is what
    /// [`across_len`](Self::across_len) asks about when its tail is one of `texts` (as every
    /// seam and heading of the page is). The answers for those tails are the same; a page holds
    /// tens of thousands of strings, and most start on characters that end no text.
    pub fn for_cuts<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> PageGrams {
        let starts = cut_starts(texts.clone());
        // A guess at the share kept; the set grows if the page needs more.
        let cap = texts.clone().map(str::len).sum::<usize>() / 4;
        PageGrams::of_starting(texts, cap, |c| starts.contains(c))
    }

    /// The strings of `texts` whose first character `admit` lets in, in a set sized for `cap`.
    fn of_starting<'a>(texts: impl Iterator<Item = &'a str>, cap: usize, admit: impl Fn(char) -> bool) -> PageGrams {
        let mut set = Hashes::with_capacity(cap);
        // The last four string characters of the run so far (the newest last), as many as the
        // run has, each with whether a string may start on it: all a new string can reach back to.
        let mut win = ['\0'; 4];
        let mut starts = [false; 4];
        for t in texts {
            let mut n = 0;
            for c in t.chars() {
                if gram_char(c) {
                    if n == 4 {
                        win.copy_within(1.., 0);
                        starts.copy_within(1.., 0);
                        n = 3;
                    }
                    win[n] = c;
                    starts[n] = admit(c);
                    n += 1;
                    for k in 2..=n {
                        if starts[n - k] {
                            set.insert(hash_gram(&win[n - k..n]));
                        }
                    }
                } else if c != ' ' || !(n > 0 && is_cjk(win[n - 1])) {
                    // A space between CJK characters does not end a run.
                    n = 0;
                }
            }
        }
        PageGrams(set, FxHashMap::default())
    }

    pub fn contains(&self, cs: &[char]) -> bool {
        self.0.contains(hash_gram(cs))
    }

    /// The pairs of adjacent words (lower-cased, within a sentence) a Latin page holds: whether
    /// the two words meeting at a cut (also|said, the|question) are a pair the page uses elsewhere.
    pub fn of_words<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> PageGrams {
        let mut set = Hashes::with_capacity(texts.clone().map(|t| t.len() / 5).sum());
        PageGrams::add_pairs(&mut set, texts);
        PageGrams(set, FxHashMap::default())
    }

    /// [`of_words`](Self::of_words) for a page in `lang`, with the page's words as well where the
    /// language has no word list: then they are all that tells whether two pieces make a word.
    pub fn of_words_in<'a>(texts: impl Iterator<Item = &'a str> + Clone, lang: &Lang) -> PageGrams {
        let mut g = PageGrams::of_words(texts.clone());
        if !lang.has_word_list() {
            let mut words = FxHashMap::default();
            words.reserve(texts.clone().map(|t| t.len() / 8).sum::<usize>().min(PRESIZE_MAX));
            for t in texts {
                for (_, w) in crate::lang::words::words(t) {
                    *words.entry(hash_pair(w, "")).or_insert(0) += 1;
                    // Each part of aujourd'hui or l'Assemblée too: a cut may leave one alone.
                    if w.contains(['\'', '’']) {
                        for part in w.split(['\'', '’']) {
                            *words.entry(hash_pair(part, "")).or_insert(0) += 1;
                        }
                    }
                }
            }
            g.1 = words;
        }
        g
    }

    /// How often the page spells `w` as a word (counted for a language without a word list).
    pub fn word_count(&self, w: &str) -> u32 {
        self.1.get(&hash_pair(w, "")).copied().unwrap_or(0)
    }

    /// Whether `w` (lower case) is a word of `lang` by its word list, or without one by the page:
    /// spelled on the page more than `here` times, the times a cut or a break being judged spells
    /// it itself (a half of con|tre, once; a whole made by joining them, never).
    pub fn is_word(&self, w: &str, here: u32, lang: &Lang) -> bool {
        if lang.has_word_list() { crate::clean::vocab::is_word(w) } else { self.word_count(w) > here }
    }

    fn add_pairs<'a>(set: &mut Hashes, texts: impl Iterator<Item = &'a str>) {
        for t in texts {
            let mut prev: Option<&str> = None;
            for tok in t.split_whitespace() {
                let w = tok.trim_matches(|c: char| !c.is_alphabetic());
                let ends_sentence = tok.ends_with(['.', '!', '?', ';', ':']);
                if w.is_empty() || !w.chars().all(char::is_alphabetic) {
                    prev = None;
                    continue;
                }
                // A word led by punctuation ("(the", "\"so") does not pair with the one before.
                if let Some(p) = prev.filter(|_| tok.starts_with(char::is_alphabetic)) {
                    set.insert(hash_pair(p, w));
                }
                prev = (!ends_sentence && tok.ends_with(char::is_alphabetic)).then_some(w);
            }
        }
    }

    pub fn has_pair(&self, a: &str, b: &str) -> bool {
        self.0.contains(hash_pair(a, b))
    }

    /// The longest string (2 to 4 characters) running across the cut between `tail` and `head` that
    /// occurs on the page, as (left part, right part).
    pub fn across(&self, tail: &str, head: &str) -> Option<(String, String)> {
        let (i, j) = self.across_len(tail, head)?;
        let t = tail.trim_end();
        let left: String = t[t.char_indices().rev().nth(i - 1).map_or(0, |(k, _)| k)..].to_string();
        Some((left, head.trim_start().chars().take(j).collect()))
    }

    /// What [`across`](Self::across) finds, as the number of characters on each side of the cut.
    pub fn across_len(&self, tail: &str, head: &str) -> Option<(usize, usize)> {
        self.across_sides(&gram_tail(tail), &gram_head(head))
    }

    /// [`across_len`](Self::across_len) of the string characters touching the cut (as
    /// [`gram_tail`] and [`gram_head`] give them).
    pub(super) fn across_sides(&self, l: &[char], r: &[char]) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        let mut g = ['\0'; 4];
        for i in 1..=l.len() {
            for j in 1..=r.len() {
                if i + j > 4 || best.is_some_and(|(a, b)| a + b >= i + j) {
                    continue;
                }
                g[..i].copy_from_slice(&l[l.len() - i..]);
                g[i..i + j].copy_from_slice(&r[..j]);
                if self.contains(&g[..i + j]) {
                    best = Some((i, j));
                }
            }
        }
        best
    }
}

/// Up to three string characters touching a cut, in reading order, on the stack.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Grams([char; 3], usize);

impl std::ops::Deref for Grams {
    type Target = [char];
    fn deref(&self) -> &[char] {
        &self.0[..self.1]
    }
}

/// The last three string characters of `tail`, before the cut.
pub(super) fn gram_tail(tail: &str) -> Grams {
    let mut l = Grams::default();
    for c in tail.trim_end().chars().rev().take_while(|c| gram_char(*c)).take(3) {
        l.1 += 1;
        l.0[3 - l.1] = c;
    }
    l.0.copy_within(3 - l.1.., 0);
    l
}

/// The first three string characters of `head`, after the cut.
pub(super) fn gram_head(head: &str) -> Grams {
    let mut r = Grams::default();
    for c in head.trim_start().chars().take_while(|c| gram_char(*c)).take(3) {
        r.0[r.1] = c;
        r.1 += 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `across` as it was first written (vectors of chars), to hold the stack version to.
    fn across_reference(g: &PageGrams, tail: &str, head: &str) -> Option<(String, String)> {
        let l: Vec<char> = tail.trim_end().chars().rev().take_while(|c| gram_char(*c)).take(3).collect::<Vec<_>>().into_iter().rev().collect();
        let r: Vec<char> = head.trim_start().chars().take_while(|c| gram_char(*c)).take(3).collect();
        let mut best: Option<(usize, usize)> = None;
        for i in 1..=l.len() {
            for j in 1..=r.len() {
                if i + j > 4 || best.is_some_and(|(a, b)| a + b >= i + j) {
                    continue;
                }
                let gr: Vec<char> = l[l.len() - i..].iter().chain(&r[..j]).copied().collect();
                if g.contains(&gr) {
                    best = Some((i, j));
                }
            }
        }
        best.map(|(i, j)| (l[l.len() - i..].iter().collect(), r[..j].iter().collect()))
    }

    #[test]
    fn hash_set_grows_and_keeps_zero_apart() {
        let mut s = Hashes::default();
        assert!(!s.contains(5) && !s.contains(0));
        for h in 0..5000u64 {
            s.insert(h * 7919);
        }
        assert!((0..5000u64).all(|h| s.contains(h * 7919)));
        assert!(!s.contains(3) && s.contains(0) && s.len == 4999);
    }

    #[test]
    fn across_agrees_with_its_first_form() {
        let grams = PageGrams::of(["所需材料", "在阿根廷举行", "2023年底", "需材"].into_iter());
        assert_eq!(grams.across("业务所", "需材料"), Some(("所".into(), "需材料".into())));
        let sides = ["业务所", "庙会在阿 ", "在", "20", "所", "x所", "。所", "", " ", "阿根"];
        let heads = ["需材料", " 根廷", "23年底", "x", "", "需", "廷举行", "。需"];
        for t in sides {
            for h in heads {
                let want = across_reference(&grams, t, h);
                assert_eq!(grams.across(t, h), want, "{t:?} | {h:?}");
                assert_eq!(grams.across_len(t, h), want.map(|(l, r)| (l.chars().count(), r.chars().count())));
            }
        }
    }

    #[test]
    fn strings_across_a_cut_after_a_page_text_are_found_as_in_the_whole_set() {
        let texts = ["如办理一项业务所", "需材料的“温馨提示便条”", "新年庙会在阿", "根廷国家公园", "所需材料", "在阿 根廷举行", "2023年底", "小区70", "2014年3月"];
        let (all, cuts) = (PageGrams::of(texts.into_iter()), PageGrams::for_cuts(texts.into_iter()));
        for t in texts {
            for h in texts {
                assert_eq!(cuts.across_len(t, h), all.across_len(t, h), "{t:?} | {h:?}");
                assert_eq!(cuts.across(t, h), all.across(t, h), "{t:?} | {h:?}");
            }
        }
        assert!(cuts.0.len < all.0.len);
    }
}
