//! Lexical cohesion: how much two pieces of a page share their content words (Latin) or character
//! bigrams (CJK), weighted by how rare each is on the page.

use crate::lang::{is_cjk, Lang};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// A piece of text as counts of its features, sorted by feature.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    pub feats: Vec<(u64, f32)>,
}

fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

/// The feature of a CJK character pair, as `Bag::of` makes it.
pub fn pair_feature(a: char, b: char) -> u64 {
    hash_pair(a, b)
}

fn hash_pair(a: char, b: char) -> u64 {
    let mut h = FxHasher::default();
    h.write_u32(a as u32);
    h.write_u32(b as u32);
    h.finish() | 1
}

impl Bag {
    pub fn of(text: &str, lang: &Lang) -> Bag {
        let mut raw: Vec<u64> = Vec::new();
        let mut prev: Option<char> = None;
        let mut word = String::new();
        let flush = |word: &mut String, raw: &mut Vec<u64>| {
            if word.is_empty() {
                return;
            }
            let w = word.to_lowercase();
            let digits = w.bytes().all(|b| b.is_ascii_digit());
            let keep = if digits { w.len() >= 2 } else { w.chars().count() >= 3 && !lang.is_stopword(&w) };
            if keep {
                // A crude stem: OCR noise and inflection mostly touch a word's end.
                let stem: String = w.chars().take(7).collect();
                raw.push(hash_str(&stem) & !1);
            }
            word.clear();
        };
        for c in text.chars() {
            if is_cjk(c) {
                flush(&mut word, &mut raw);
                if let Some(p) = prev {
                    raw.push(hash_pair(p, c));
                }
                prev = Some(c);
                continue;
            }
            prev = None;
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut raw);
            }
        }
        flush(&mut word, &mut raw);
        raw.sort_unstable();
        let mut feats: Vec<(u64, f32)> = Vec::with_capacity(raw.len());
        for f in raw {
            match feats.last_mut() {
                Some((g, n)) if *g == f => *n += 1.0,
                _ => feats.push((f, 1.0)),
            }
        }
        Bag { feats }
    }

    pub fn len(&self) -> usize {
        self.feats.len()
    }

    /// The count of one feature.
    pub fn get(&self, f: u64) -> f32 {
        self.feats.binary_search_by_key(&f, |x| x.0).map_or(0.0, |i| self.feats[i].1)
    }

    /// The sum of several bags.
    pub fn sum<'a>(bags: impl Iterator<Item = &'a Bag>) -> Bag {
        let mut feats: Vec<(u64, f32)> = bags.flat_map(|b| b.feats.iter().copied()).collect();
        feats.sort_unstable_by_key(|f| f.0);
        let mut out: Vec<(u64, f32)> = Vec::with_capacity(feats.len());
        for (f, c) in feats {
            match out.last_mut() {
                Some((g, n)) if *g == f => *n += c,
                _ => out.push((f, c)),
            }
        }
        Bag { feats: out }
    }

    pub fn is_empty(&self) -> bool {
        self.feats.is_empty()
    }
}

/// Inverse document frequencies over the pieces of one page.
pub struct Idf {
    df: FxHashMap<u64, u32>,
    n: f32,
}

impl Idf {
    pub fn new<'a>(bags: impl Iterator<Item = &'a Bag>) -> Idf {
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        let mut n = 0u32;
        for b in bags {
            n += 1;
            for (f, _) in &b.feats {
                *df.entry(*f).or_default() += 1;
            }
        }
        Idf { df, n: n.max(1) as f32 }
    }

    /// Whether any piece of the page has the feature.
    pub fn contains(&self, f: u64) -> bool {
        self.df.contains_key(&f)
    }

    pub fn get(&self, f: u64) -> f32 {
        let d = self.df.get(&f).copied().unwrap_or(1) as f32;
        ((self.n + 1.0) / (d + 0.5)).ln().max(0.0)
    }
}

fn w(tf: f32, idf: f32) -> f32 {
    if tf <= 0.0 { 0.0 } else { (1.0 + tf.ln()) * idf }
}

/// The summed features of an article (or any group of pieces).
#[derive(Debug, Clone, Default)]
pub struct Profile {
    counts: FxHashMap<u64, f32>,
    norm2: f32,
}

impl Profile {
    pub fn build<'a>(bags: impl Iterator<Item = &'a Bag>, idf: &Idf) -> Profile {
        let mut counts: FxHashMap<u64, f32> = FxHashMap::default();
        for b in bags {
            for (f, c) in &b.feats {
                *counts.entry(*f).or_default() += c;
            }
        }
        let norm2 = counts.iter().map(|(f, c)| w(*c, idf.get(*f)).powi(2)).sum();
        Profile { counts, norm2 }
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Cosine similarity between `bag` and this profile with `bag`'s own counts taken out when
    /// `member` is set (so a piece is never compared with itself).
    pub fn sim(&self, bag: &Bag, idf: &Idf, member: bool) -> f32 {
        self.sim_minus(bag, idf, if member { Some(bag) } else { None })
    }

    /// Cosine similarity between `bag` and this profile less the counts of `minus` (pieces that must
    /// not vouch for themselves: the bag's own fragment).
    pub fn sim_minus(&self, bag: &Bag, idf: &Idf, minus: Option<&Bag>) -> f32 {
        if bag.is_empty() || self.counts.is_empty() {
            return 0.0;
        }
        self.sim_minus_norm(bag, idf, minus, self.norm2_minus(idf, minus))
    }

    /// The squared norm of this profile less the counts of `minus`: what [`Profile::sim_minus`]
    /// divides by. It costs the size of `minus`, so callers scoring many units against one
    /// fragment's `minus` compute it once.
    pub fn norm2_minus(&self, idf: &Idf, minus: Option<&Bag>) -> f32 {
        let mut norm2 = self.norm2;
        if let Some(m) = minus {
            for (f, c) in &m.feats {
                if let Some(&pc) = self.counts.get(f) {
                    let i = idf.get(*f);
                    norm2 += w((pc - c).max(0.0), i).powi(2) - w(pc, i).powi(2);
                }
            }
        }
        norm2
    }

    /// [`Profile::sim_minus`] with its norm given (from [`Profile::norm2_minus`] with the same
    /// `minus`): costs the size of `bag` only.
    pub fn sim_minus_norm(&self, bag: &Bag, idf: &Idf, minus: Option<&Bag>, norm2: f32) -> f32 {
        if bag.is_empty() || self.counts.is_empty() {
            return 0.0;
        }
        let mut dot = 0.0;
        let mut bn = 0.0;
        for (f, c) in &bag.feats {
            let i = idf.get(*f);
            let wb = w(*c, i);
            bn += wb * wb;
            let pc = self.counts.get(f).copied().unwrap_or(0.0);
            if pc <= 0.0 {
                continue;
            }
            let mc = minus.map_or(0.0, |m| m.get(*f));
            dot += wb * w((pc - mc).max(0.0), i);
        }
        if dot <= 0.0 || norm2 <= 1e-9 || bn <= 1e-9 {
            return 0.0;
        }
        dot / (norm2.sqrt() * bn.sqrt())
    }
}

/// The squared norm of a bag's weights, as [`sim`] computes it.
pub fn norm2(b: &Bag, idf: &Idf) -> f32 {
    let mut nb = 0.0f32;
    for (f, c) in &b.feats {
        nb += w(*c, idf.get(*f)).powi(2);
    }
    nb
}

/// [`sim`] with `b`'s squared norm given (from [`norm2`]): costs the size of `a` (times a search in
/// `b`), so a small bag can be weighed against a large one many times. Same result as `sim`.
pub fn sim_norm(a: &Bag, b: &Bag, idf: &Idf, nb: f32) -> f32 {
    let (mut dot, mut na) = (0.0f32, 0.0f32);
    for (f, c) in &a.feats {
        na += w(*c, idf.get(*f)).powi(2);
    }
    for &(fa, ca) in &a.feats {
        if let Ok(j) = b.feats.binary_search_by_key(&fa, |x| x.0) {
            let idf_f = idf.get(fa);
            dot += w(ca, idf_f) * w(b.feats[j].1, idf_f);
        }
    }
    if na <= 1e-9 || nb <= 1e-9 { 0.0 } else { dot / (na.sqrt() * nb.sqrt()) }
}

/// Cosine similarity of two bags.
pub fn sim(a: &Bag, b: &Bag, idf: &Idf) -> f32 {
    let (mut i, mut j) = (0, 0);
    let (mut dot, mut na, mut nb) = (0.0f32, 0.0f32, 0.0f32);
    for (f, c) in &a.feats {
        na += w(*c, idf.get(*f)).powi(2);
    }
    for (f, c) in &b.feats {
        nb += w(*c, idf.get(*f)).powi(2);
    }
    while i < a.feats.len() && j < b.feats.len() {
        let (fa, ca) = a.feats[i];
        let (fb, cb) = b.feats[j];
        if fa == fb {
            let idf_f = idf.get(fa);
            dot += w(ca, idf_f) * w(cb, idf_f);
            i += 1;
            j += 1;
        } else if fa < fb {
            i += 1;
        } else {
            j += 1;
        }
    }
    if na <= 1e-9 || nb <= 1e-9 { 0.0 } else { dot / (na.sqrt() * nb.sqrt()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangCode;

    #[test]
    fn related_text_is_closer() {
        let zh = Lang::get(LangCode::Zh);
        let a = Bag::of("图书馆里学生们在暑假阅读书籍", zh);
        let b = Bag::of("暑假来临，图书馆吸引学生阅读", zh);
        let c = Bag::of("西瓜成熟上市，瓜农采摘装箱", zh);
        let idf = Idf::new([&a, &b, &c].into_iter());
        assert!(sim(&a, &b, &idf) > sim(&a, &c, &idf));
        let p = Profile::build([&a, &b].into_iter(), &idf);
        assert!(p.sim(&a, &idf, true) > 0.0);
        assert!((p.sim(&a, &idf, true) - sim(&a, &b, &idf)).abs() < 1e-4);
        assert_eq!(sim_norm(&a, &b, &idf, norm2(&b, &idf)), sim(&a, &b, &idf));
        let m = Some(&b);
        assert_eq!(p.sim_minus_norm(&a, &idf, m, p.norm2_minus(&idf, m)), p.sim_minus(&a, &idf, m));
    }
}
