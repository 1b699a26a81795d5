//! Lexical cohesion: how much two pieces of a page share their content words (Latin) or character
//! bigrams (CJK), weighted by how rare each is on the page.
//!
//! This module owns the bags and how they are weighed (idf, profiles, a part against its whole,
//! cosines); `features` makes the bags from text, and `index` weighs a unit against every story at
//! once for the assignment.

mod features;
mod index;

pub use features::Features;
pub use index::{Among, Minus, Profiles, Weights};

use rustc_hash::FxHashMap;

/// A piece of text as counts of its features (dense per-page ids), sorted by feature.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    pub feats: Vec<(u32, f32)>,
}

impl Bag {
    pub fn len(&self) -> usize {
        self.feats.len()
    }

    /// The count of one feature.
    pub fn get(&self, f: u32) -> f32 {
        self.feats.binary_search_by_key(&f, |x| x.0).map_or(0.0, |i| self.feats[i].1)
    }

    /// The sum of several bags.
    pub fn sum<'a>(bags: impl Iterator<Item = &'a Bag>) -> Bag {
        let bags: Vec<&Bag> = bags.collect();
        match bags.len() {
            0 => Bag::default(),
            1 => bags[0].clone(),
            _ => Bag { feats: sum_sorted(&bags) },
        }
    }

    pub fn is_empty(&self) -> bool {
        self.feats.is_empty()
    }
}

/// The features of two or more bags added up, sorted by feature. Two sorted bags merge in one
/// pass; more are added into a dense per-feature scratch (reused by the thread), whose touched
/// features a bitmap gives back in order, instead of merging pairwise with a branch per feature.
/// Counts are whole numbers, which f32 adds exactly in any order below 2^24 (a page would need
/// 16 million of one word or bigram to reach that), so the order of the additions does not show.
fn sum_sorted(bags: &[&Bag]) -> Vec<(u32, f32)> {
    match bags {
        [] => Vec::new(),
        [a] => a.feats.clone(),
        [a, b] => merge_feats(&a.feats, &b.feats),
        _ => {
            thread_local! {
                static SCRATCH: std::cell::RefCell<Dense> = Default::default();
            }
            SCRATCH.with(|d| d.borrow_mut().sum(bags))
        }
    }
}

/// Scratch for adding bags: a count per feature and a bit per touched feature, left zeroed.
#[derive(Default)]
struct Dense {
    counts: Vec<f32>,
    touched: Vec<u64>,
}

impl Dense {
    fn sum(&mut self, bags: &[&Bag]) -> Vec<(u32, f32)> {
        let top = bags.iter().filter_map(|b| b.feats.last()).map(|x| x.0 as usize + 1).max().unwrap_or(0);
        if self.counts.len() < top {
            self.counts.resize(top, 0.0);
            self.touched.resize(top.div_ceil(64), 0);
        }
        let (mut lo, mut hi) = (usize::MAX, 0);
        let mut n = 0;
        for b in bags {
            for &(f, c) in &b.feats {
                let f = f as usize;
                let (word, bit) = (f / 64, 1u64 << (f % 64));
                if self.touched[word] & bit == 0 {
                    self.touched[word] |= bit;
                    lo = lo.min(word);
                    hi = hi.max(word);
                    n += 1;
                }
                self.counts[f] += c;
            }
        }
        let mut out = Vec::with_capacity(n);
        let span = (hi + 1).saturating_sub(lo);
        crate::work::add(bags.iter().map(|b| b.feats.len() as u64).sum::<u64>() + span.min(16 * n) as u64);
        if span > 16 * n {
            // A few features far apart (short bags on a page of many features): sorting them costs
            // less than walking the bitmap between them, which grows with the page.
            let mut fs: Vec<u32> = bags.iter().flat_map(|b| b.feats.iter().map(|x| x.0)).collect();
            fs.sort_unstable();
            fs.dedup();
            for f in fs {
                let f = f as usize;
                self.touched[f / 64] = 0;
                out.push((f as u32, std::mem::take(&mut self.counts[f])));
            }
            return out;
        }
        for word in lo..=hi.min(self.touched.len().saturating_sub(1)) {
            let mut bits = std::mem::take(&mut self.touched[word]);
            while bits != 0 {
                let f = word * 64 + bits.trailing_zeros() as usize;
                out.push((f as u32, std::mem::take(&mut self.counts[f])));
                bits &= bits - 1;
            }
        }
        out
    }
}

fn merge_feats(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (fa, fb) = (a[i].0, b[j].0);
        if fa < fb {
            out.push(a[i]);
            i += 1;
        } else if fb < fa {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((fa, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Inverse document frequencies over the pieces of one page, by feature id.
pub struct Idf {
    idf: Vec<f32>,
    /// The weight of a feature seen in one piece only (or none).
    rare: f32,
}

impl Idf {
    /// `n_features` is the page's feature count (`Features::len`).
    pub fn new<'a>(bags: impl Iterator<Item = &'a Bag>, n_features: usize) -> Idf {
        let mut df = vec![0u32; n_features];
        let mut n = 0u32;
        for b in bags {
            n += 1;
            for (f, _) in &b.feats {
                if let Some(d) = df.get_mut(*f as usize) {
                    *d += 1;
                }
            }
        }
        let n = n.max(1) as f32;
        let weight = |d: f32| ((n + 1.0) / (d + 0.5)).ln().max(0.0);
        let rare = weight(1.0);
        // Most features are in a handful of pieces: the weight of each small count is worked out
        // once (a logarithm per feature was most of the cost).
        let small: Vec<f32> = (0..64u32).map(|d| if d == 0 { rare } else { weight(d as f32) }).collect();
        Idf { idf: df.into_iter().map(|d| small.get(d as usize).copied().unwrap_or_else(|| weight(d as f32))).collect(), rare }
    }

    /// The page's feature count it was made for.
    pub fn n_features(&self) -> usize {
        self.idf.len()
    }

    pub fn get(&self, f: u32) -> f32 {
        self.idf.get(f as usize).copied().unwrap_or(self.rare)
    }
}

/// `1 + ln(i)` for i in 1..64, as f32 (and 0 for 0, as before any count): the small whole
/// counts that features almost always have. Written out rather than filled in on first use, so
/// the many weights a page works out need no check that the table is ready
/// (`log_tf_table_is_one_plus_ln` holds it to the computed values, bit for bit).
#[rustfmt::skip]
const LOG_TF: [f32; 64] = [
    0.0, 1.0, 1.6931472, 2.0986123, 2.3862944, 2.609438, 2.7917595, 2.94591,
    3.0794415, 3.1972246, 3.3025851, 3.3978953, 3.4849067, 3.5649493, 3.6390574, 3.7080503,
    3.7725887, 3.8332133, 3.8903718, 3.944439, 3.9957323, 4.0445223, 4.0910425, 4.135494,
    4.178054, 4.218876, 4.2580967, 4.295837, 4.332205, 4.3672957, 4.4011974, 4.433987,
    4.465736, 4.4965076, 4.5263605, 4.5553484, 4.583519, 4.610918, 4.637586, 4.663562,
    4.6888795, 4.713572, 4.73767, 4.7612, 4.7841897, 4.8066626, 4.8286414, 4.8501472,
    4.871201, 4.89182, 4.912023, 4.9318256, 4.9512434, 4.970292, 4.988984, 5.0073333,
    5.0253515, 5.0430512, 5.060443, 5.0775375, 5.0943446, 5.1108737, 5.1271343, 5.1431346,
];

/// 1 + ln(tf).
fn log_tf(tf: f32) -> f32 {
    // Through i32, not usize: a float to u64 conversion takes a dozen instructions on x86-64, to
    // i32 one (and saturation keeps anything out of range out of the table, NaN included).
    let i = tf as i32;
    if (0..64).contains(&i) && i as f32 == tf { LOG_TF[i as usize] } else { 1.0 + tf.ln() }
}

fn w(tf: f32, idf: f32) -> f32 {
    if tf <= 0.0 { 0.0 } else { log_tf(tf) * idf }
}

/// The summed features of an article (or any group of pieces).
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Sorted by feature, sized exactly: a page's profiles are kept together (one per story while
    /// captions are placed), and a hash map held them in two to three times the room.
    counts: Vec<(u32, f32)>,
    norm2: f32,
}

impl Profile {
    pub fn build<'a>(bags: impl Iterator<Item = &'a Bag>, idf: &Idf) -> Profile {
        let mut counts: FxHashMap<u32, f32> = FxHashMap::default();
        for b in bags {
            for (f, c) in &b.feats {
                *counts.entry(*f).or_default() += c;
            }
        }
        // Summed in the map's order, as it always was: a float sum's last bit depends on it.
        let norm2 = counts.iter().map(|(f, c)| w(*c, idf.get(*f)).powi(2)).sum();
        let mut counts: Vec<(u32, f32)> = counts.into_iter().collect();
        counts.sort_unstable_by_key(|x| x.0);
        Profile { counts, norm2 }
    }

    /// The count of feature `f`, if the profile holds it.
    fn count(&self, f: u32) -> Option<f32> {
        self.counts.binary_search_by_key(&f, |x| x.0).ok().map(|i| self.counts[i].1)
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
                if let Some(pc) = self.count(*f) {
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
        let mut at = 0;
        for (f, c) in &bag.feats {
            let i = idf.get(*f);
            let wb = w(*c, i);
            bn += wb * wb;
            // The bag's features come in order: each is sought from where the last was found.
            at = seek(&self.counts, at, *f);
            let pc = self.counts.get(at).filter(|x| x.0 == *f).map_or(0.0, |x| x.1);
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

/// The first position at or after `from` whose feature is not below `f`, by steps doubling from
/// `from` then bisection: a bag's features sought in order in a profile many times its size cost
/// a few steps each, where a search of the whole profile costs its logarithm.
fn seek(counts: &[(u32, f32)], from: usize, f: u32) -> usize {
    let (mut lo, mut step) = (from, 1);
    let mut hi = from;
    while hi < counts.len() && counts[hi].0 < f {
        lo = hi + 1;
        hi = from + step;
        step *= 2;
    }
    let hi = hi.min(counts.len());
    lo + counts[lo..hi].partition_point(|x| x.0 < f)
}

/// A part of a story's text, grown a piece at a time, weighed against the rest of the story (the
/// whole less the part): each piece costs its own size, so trying every split of a story costs the
/// story's size, not its square. Counts are kept dense by feature id and only the touched entries
/// are cleared, so one scratch serves every story of a page. They are whole numbers (as every
/// bag's are), kept as such so their weights are table lookups: the same weights `w` gives.
pub struct PartOf<'a> {
    idf: &'a Idf,
    whole: Vec<u32>,
    whole_touched: Vec<u32>,
    whole2: f32,
    part: Vec<u32>,
    part_touched: Vec<u32>,
    dot: f32,
    part2: f32,
    rest2: f32,
}

/// `w` of a whole count.
fn w_count(n: u32, idf: f32) -> f32 {
    match n {
        0 => 0.0,
        1..64 => LOG_TF[n as usize] * idf,
        _ => (1.0 + (n as f32).ln()) * idf,
    }
}

/// A bag's count of a feature as the whole number it is.
fn whole(c: f32) -> u32 {
    debug_assert!(c >= 0.0 && c.fract() == 0.0, "a bag's counts are whole: {c}");
    c as u32
}

impl<'a> PartOf<'a> {
    /// `n_features`: the page's feature count (every bag's ids are below it).
    pub fn new(idf: &'a Idf, n_features: usize) -> PartOf<'a> {
        PartOf {
            idf,
            whole: vec![0; n_features],
            whole_touched: Vec::new(),
            whole2: 0.0,
            part: vec![0; n_features],
            part_touched: Vec::new(),
            dot: 0.0,
            part2: 0.0,
            rest2: 0.0,
        }
    }

    /// Makes these bags the whole, with an empty part.
    pub fn set_whole<'b>(&mut self, bags: impl Iterator<Item = &'b Bag>) {
        for f in self.whole_touched.drain(..) {
            self.whole[f as usize] = 0;
        }
        for b in bags {
            for (f, c) in &b.feats {
                let x = &mut self.whole[*f as usize];
                if *x == 0 {
                    self.whole_touched.push(*f);
                }
                *x += whole(*c);
            }
        }
        self.whole2 = self.whole_touched.iter().map(|&f| w_count(self.whole[f as usize], self.idf.get(f)).powi(2)).sum();
        self.clear_part();
    }

    pub fn clear_part(&mut self) {
        for f in self.part_touched.drain(..) {
            self.part[f as usize] = 0;
        }
        (self.dot, self.part2, self.rest2) = (0.0, 0.0, self.whole2);
    }

    /// Moves a piece (whose counts are in the whole) from the rest into the part.
    pub fn add(&mut self, bag: &Bag) {
        for (f, c) in &bag.feats {
            let (total, t0) = (self.whole[*f as usize], self.part[*f as usize]);
            if t0 == 0 {
                self.part_touched.push(*f);
            }
            let i = self.idf.get(*f);
            let t1 = (t0 + whole(*c)).min(total);
            let (r0, r1) = (total - t0, total - t1);
            let (w0, w1, v0, v1) = (w_count(t0, i), w_count(t1, i), w_count(r0, i), w_count(r1, i));
            self.dot += w1 * v1 - w0 * v0;
            self.part2 += w1.powi(2) - w0.powi(2);
            self.rest2 += v1.powi(2) - v0.powi(2);
            self.part[*f as usize] = t1;
        }
    }

    /// Cosine of `sec` (a piece of the whole) with the whole less `sec` and `also` (another
    /// piece of it): what `sim` gives for the two bags, worked out from the whole's counts in the
    /// size of the two pieces. Leaves the part as it was.
    pub fn sim_less(&self, sec: &Bag, also: &Bag) -> f32 {
        let (mut dot, mut sn, mut rest2) = (0.0f32, 0.0f32, self.whole2);
        let also_of = |f: u32| also.get(f);
        for (f, c) in &sec.feats {
            let i = self.idf.get(*f);
            let total = self.whole[*f as usize];
            let left = total.saturating_sub(whole(*c) + whole(also_of(*f)));
            let ws = w_count(whole(*c), i);
            let wr = w_count(left, i);
            sn += ws * ws;
            dot += ws * wr;
            rest2 += wr * wr - w_count(total, i).powi(2);
        }
        for (f, c) in &also.feats {
            if sec.get(*f) > 0.0 {
                continue;
            }
            let i = self.idf.get(*f);
            let total = self.whole[*f as usize];
            rest2 += w_count(total.saturating_sub(whole(*c)), i).powi(2) - w_count(total, i).powi(2);
        }
        crate::work::add((sec.len() + also.len()) as u64);
        if sn <= 1e-9 || rest2 <= 1e-9 { 0.0 } else { dot / (sn.sqrt() * rest2.sqrt()) }
    }

    /// Cosine of the part with the rest (0 when either is empty).
    pub fn sim(&self) -> f32 {
        if self.dot <= 0.0 || self.part2 <= 1e-9 || self.rest2 <= 1e-9 { 0.0 } else { self.dot / (self.part2.sqrt() * self.rest2.sqrt()) }
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
    // One merge walk gives both norms and the dot product, each weight worked out once. Each sum
    // still takes its terms in the order three separate loops would (`na` in a's order, `nb` in
    // b's, `dot` in the merge's), so the result is the same to the bit.
    let (a, b) = (&a.feats, &b.feats);
    let (mut i, mut j) = (0, 0);
    let (mut dot, mut na, mut nb) = (0.0f32, 0.0f32, 0.0f32);
    while i < a.len() && j < b.len() {
        let (fa, ca) = a[i];
        let (fb, cb) = b[j];
        if fa == fb {
            let idf_f = idf.get(fa);
            let (wa, wb) = (w(ca, idf_f), w(cb, idf_f));
            na += wa.powi(2);
            nb += wb.powi(2);
            dot += wa * wb;
            i += 1;
            j += 1;
        } else if fa < fb {
            na += w(ca, idf.get(fa)).powi(2);
            i += 1;
        } else {
            nb += w(cb, idf.get(fb)).powi(2);
            j += 1;
        }
    }
    for (f, c) in &a[i..] {
        na += w(*c, idf.get(*f)).powi(2);
    }
    for (f, c) in &b[j..] {
        nb += w(*c, idf.get(*f)).powi(2);
    }
    if na <= 1e-9 || nb <= 1e-9 { 0.0 } else { dot / (na.sqrt() * nb.sqrt()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, LangCode};

    /// Two texts on one subject (students reading in a library) and one on another (watermelons),
    /// as bags of one feature table, with their idf: what the cohesion tests compare.
    pub(super) fn library_and_melons() -> (Features, [Bag; 3], Idf) {
        let zh = Lang::get(LangCode::Zh);
        let mut fs = Features::default();
        let a = fs.bag("图书馆里学生们在暑假阅读书籍", zh);
        let b = fs.bag("暑假来临，图书馆吸引学生阅读", zh);
        let c = fs.bag("西瓜成熟上市，瓜农采摘装箱", zh);
        let idf = Idf::new([&a, &b, &c].into_iter(), fs.len());
        (fs, [a, b, c], idf)
    }

    /// A seeded stream of pseudo-random numbers (a linear congruential generator), for tests
    /// that check a fast path against a plain one over many inputs.
    pub(super) fn lcg(mut x: u64) -> impl FnMut() -> u32 {
        move || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) as u32
        }
    }

    #[test]
    fn a_part_grown_piece_by_piece_weighs_as_the_part_against_the_rest() {
        let zh = Lang::get(LangCode::Zh);
        let texts = ["盛夏时节，脆甜多汁的西瓜深受消费者青睐。", "瓜农们每天凌晨就开始采摘西瓜、装箱。", "暑假来临，街道图书馆吸引了不少学生。", "黄瓤西瓜皮薄多汁，脆甜清新。"];
        let mut feats = Features::default();
        let bags: Vec<Bag> = texts.iter().map(|t| feats.bag(t, zh)).collect();
        let idf = Idf::new(bags.iter(), feats.len());
        let mut part = PartOf::new(&idf, feats.len());
        part.set_whole(bags.iter());
        for k in (1..bags.len()).rev() {
            part.add(&bags[k]);
            let direct = sim(&Bag::sum(bags[k..].iter()), &Bag::sum(bags[..k].iter()), &idf);
            assert!((part.sim() - direct).abs() < 1e-5, "{k}: {} vs {direct}", part.sim());
        }
        part.add(&bags[0]);
        assert_eq!(part.sim(), 0.0, "nothing left to weigh against");
    }

    #[test]
    fn a_section_weighs_against_the_whole_less_it_as_against_the_rest() {
        let zh = Lang::get(LangCode::Zh);
        let texts = ["盛夏时节，脆甜多汁的西瓜深受消费者青睐。", "瓜农们每天凌晨就开始采摘西瓜、装箱。", "暑假来临，街道图书馆吸引了不少学生。", "黄瓤西瓜皮薄多汁，脆甜清新。", "西瓜"];
        let mut feats = Features::default();
        let bags: Vec<Bag> = texts.iter().map(|t| feats.bag(t, zh)).collect();
        let idf = Idf::new(bags.iter(), feats.len());
        let mut part = PartOf::new(&idf, feats.len());
        part.set_whole(bags.iter());
        for (sec, also) in [(1, 4), (2, 0), (3, 4)] {
            let rest: Vec<&Bag> = (0..bags.len()).filter(|&i| i != sec && i != also).map(|i| &bags[i]).collect();
            let direct = sim(&bags[sec], &Bag::sum(rest.into_iter()), &idf);
            assert!((part.sim_less(&bags[sec], &bags[also]) - direct).abs() < 1e-5, "{sec}: {} vs {direct}", part.sim_less(&bags[sec], &bags[also]));
        }
    }

    #[test]
    fn whole_count_weights_are_w() {
        for n in [0u32, 1, 2, 7, 63, 64, 65, 300, 100_000] {
            for idf in [0.0f32, 0.37, 1.0, 4.2] {
                assert_eq!(w_count(n, idf).to_bits(), w(n as f32, idf).to_bits(), "{n} {idf}");
            }
        }
    }

    #[test]
    fn log_tf_table_is_one_plus_ln() {
        for i in 1..64u32 {
            assert_eq!(LOG_TF[i as usize].to_bits(), (1.0 + (i as f32).ln()).to_bits(), "{i}");
            assert_eq!(log_tf(i as f32).to_bits(), (1.0 + (i as f32).ln()).to_bits(), "{i}");
        }
        assert_eq!(log_tf(64.0), 1.0 + 64f32.ln());
        assert_eq!(log_tf(2.5), 1.0 + 2.5f32.ln());
    }

    #[test]
    fn a_profile_keeps_no_spare_room() {
        // A page keeps one profile per story at once while placing captions: each holds its
        // distinct features and nothing more (a hash map took two to three times the room).
        let zh = Lang::get(LangCode::Zh);
        let mut feats = Features::default();
        let texts = ["青浦区召开全区经济工作会议", "会议总结了全区经济工作", "西瓜陆续成熟，新鲜上市"];
        let bags: Vec<Bag> = texts.iter().map(|t| feats.bag(t, zh)).collect();
        let idf = Idf::new(bags.iter(), feats.len());
        let p = Profile::build(bags.iter(), &idf);
        let sum = Bag::sum(bags.iter());
        assert_eq!(p.counts.len(), sum.len());
        assert_eq!(p.counts.capacity(), sum.len());
        for (f, c) in &sum.feats {
            assert_eq!(p.count(*f), Some(*c));
        }
    }

    #[test]
    fn related_text_is_closer() {
        let (_, [a, b, c], idf) = library_and_melons();
        assert!(sim(&a, &b, &idf) > sim(&a, &c, &idf));
        let p = Profile::build([&a, &b].into_iter(), &idf);
        assert!(p.sim(&a, &idf, true) > 0.0);
        assert!((p.sim(&a, &idf, true) - sim(&a, &b, &idf)).abs() < 1e-4);
        assert_eq!(sim_norm(&a, &b, &idf, norm2(&b, &idf)), sim(&a, &b, &idf));
        let m = Some(&b);
        assert_eq!(p.sim_minus_norm(&a, &idf, m, p.norm2_minus(&idf, m)), p.sim_minus(&a, &idf, m));
    }
}

#[cfg(test)]
mod sum_tests {
    use super::*;

    /// Bag::sum as first written: all features sorted, equal ones added.
    fn sum_reference(bags: &[&Bag]) -> Vec<(u32, f32)> {
        let mut feats: Vec<(u32, f32)> = bags.iter().flat_map(|b| b.feats.iter().copied()).collect();
        feats.sort_by_key(|f| f.0);
        let mut out: Vec<(u32, f32)> = Vec::new();
        for (f, c) in feats {
            match out.last_mut() {
                Some((g, n)) if *g == f => *n += c,
                _ => out.push((f, c)),
            }
        }
        out
    }

    #[test]
    fn sums_agree_with_a_sort() {
        // Bags of pseudo-random features, some sharing, some far apart (several bitmap words).
        let mut next = super::tests::lcg(7);
        let bags: Vec<Bag> = (0..12)
            .map(|_| {
                let mut f: Vec<u32> = (0..(next() % 40)).map(|_| next() % 700).collect();
                f.sort_unstable();
                f.dedup();
                Bag { feats: f.into_iter().map(|f| (f, (1 + next() % 3) as f32)).collect() }
            })
            .collect();
        for k in 0..=bags.len() {
            let some: Vec<&Bag> = bags[..k].iter().collect();
            assert_eq!(Bag::sum(some.iter().copied()).feats, sum_reference(&some), "{k} bags");
        }
        // The scratch is left clean: a second sum sees nothing of the first.
        let one = [&bags[3], &bags[4], &bags[5]];
        assert_eq!(Bag::sum(one.iter().copied()).feats, sum_reference(&one));
    }

}
