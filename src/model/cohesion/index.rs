//! The page's stories as profiles the assignment asks about, unit by unit: each unit's cosine with
//! every story (or the stories among its candidates), less what the unit itself puts in.

use super::*;

/// Every story's profile on a page at once, as an inverted index (feature → stories and counts)
/// laid out flat by feature id: scoring a piece against all stories costs one pass over the piece's
/// own features, with no hashing.
#[derive(Default)]
pub struct Profiles {
    /// Feature `f`'s (story, count) entries are `slots[start[f]..end[f]]`; its room runs to
    /// `start[f + 1]` (one slot per member holding `f`), so the build needs no compaction.
    start: Vec<u32>,
    end: Vec<u32>,
    slots: Vec<Entry>,
    norm2: Vec<f32>,
}

/// One story's count of one feature, with its weight `w(count, idf)` worked out once: every piece
/// scored in a round asks for it.
#[derive(Debug, Clone, Copy)]
struct Entry {
    story: u32,
    count: f32,
    weight: f32,
}

/// The stories a scorer asks about: those numbered `lo..hi`, and `extra` (the story of text
/// under no headline, numbered after all the others) beside them.
#[derive(Debug, Clone, Copy)]
pub struct Among {
    pub lo: usize,
    pub hi: usize,
    pub extra: Option<usize>,
}

impl Among {
    pub const ALL: Among = Among { lo: 0, hi: usize::MAX, extra: None };

    /// Two stories.
    pub fn pair(a: usize, b: usize) -> Among {
        Among { lo: a.min(b), hi: a.min(b) + 1, extra: Some(a.max(b)) }
    }
}

/// Counts to take out of one story's profile before scoring (a piece must not vouch for itself),
/// with that story's squared norm once they are out. `None` for the norm asks `sims` to work it
/// out on its way (allowed only where `bag` is the bag scored: its walk meets every feature).
pub struct Minus<'a> {
    pub state: usize,
    pub bag: &'a Bag,
    pub norm2: Option<f32>,
}

impl Profiles {
    pub fn build<'a>(n: usize, members: impl Iterator<Item = (usize, &'a Bag)> + Clone, idf: &Idf, n_features: usize) -> Profiles {
        let mut p = Profiles::default();
        p.rebuild(n, members, idf, n_features);
        p
    }

    /// Builds the index anew in the vectors of an earlier build: the rounds of one page build it
    /// several times over, and need not allocate it each time.
    pub fn rebuild<'a>(&mut self, n: usize, members: impl Iterator<Item = (usize, &'a Bag)> + Clone, idf: &Idf, n_features: usize) {
        // Counting sort by feature (two passes, no comparison sort): room per feature first, then
        // entries; a story met twice under one feature adds to its entry.
        let start = &mut self.start;
        start.clear();
        start.resize(n_features + 1, 0);
        for (_, bag) in members.clone() {
            for (f, _) in &bag.feats {
                start[*f as usize + 1] += 1;
            }
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        self.slots.clear();
        self.slots.resize(start[n_features] as usize, Entry { story: u32::MAX, count: 0.0, weight: 0.0 });
        self.fill(n, members, idf, n_features);
    }

    /// Builds the index anew for the same members as the last build, in the same order, with
    /// other stories: each feature's room (how many members hold it) is the same, so only the
    /// entries are filled again. The assignment's later rounds differ from each other only in
    /// the stories their units are given.
    pub fn refill<'a>(&mut self, n: usize, members: impl Iterator<Item = (usize, &'a Bag)>, idf: &Idf, n_features: usize) {
        debug_assert_eq!(self.start.len(), n_features + 1);
        self.fill(n, members, idf, n_features);
    }

    fn fill<'a>(&mut self, n: usize, members: impl Iterator<Item = (usize, &'a Bag)>, idf: &Idf, n_features: usize) {
        // Members are taken story by story (a stable counting sort), so each feature's entries
        // come out sorted by story and a story's second member under a feature meets its entry
        // last in the list: no search along the list, which on a page that repeats its text holds
        // one entry per copy of the story (the search made the build quadratic), and a scorer
        // asking about a few nearby stories can find them by bisection.
        let members: Vec<(usize, &Bag)> = members.collect();
        let mut first = vec![0u32; n + 1];
        for &(s, _) in &members {
            first[s + 1] += 1;
        }
        for k in 1..first.len() {
            first[k] += first[k - 1];
        }
        let mut order = vec![0u32; members.len()];
        for (i, &(s, _)) in members.iter().enumerate() {
            order[first[s] as usize] = i as u32;
            first[s] += 1;
        }
        let start = &self.start;
        let end = &mut self.end;
        end.clear();
        end.extend_from_slice(&start[..n_features]);
        let slots = &mut self.slots;
        for &i in &order {
            let (s, bag) = members[i as usize];
            for (f, c) in &bag.feats {
                let (lo, hi) = (start[*f as usize] as usize, end[*f as usize] as usize);
                if hi > lo && slots[hi - 1].story == s as u32 {
                    slots[hi - 1].count += c;
                } else {
                    slots[hi] = Entry { story: s as u32, count: *c, weight: 0.0 };
                    end[*f as usize] += 1;
                }
            }
        }
        crate::work::add(members.len() as u64 + slots.len() as u64);
        let norm2 = &mut self.norm2;
        norm2.clear();
        norm2.resize(n, 0.0);
        for f in 0..n_features {
            let (lo, hi) = (start[f] as usize, end[f] as usize);
            if hi > lo {
                let i = idf.get(f as u32);
                for e in &mut slots[lo..hi] {
                    e.weight = w(e.count, i);
                    norm2[e.story as usize] += e.weight.powi(2);
                }
            }
        }
    }

    fn list(&self, f: u32) -> &[Entry] {
        let f = f as usize;
        if f >= self.end.len() {
            return &[];
        }
        &self.slots[self.start[f] as usize..self.end[f] as usize]
    }

    pub fn is_empty(&self, s: usize) -> bool {
        self.norm2.get(s).is_none_or(|n| *n <= 1e-9)
    }

    /// Story `s`'s entry under feature `f`, by bisection: a feature's entries are sorted by story.
    fn entry(&self, f: u32, s: usize) -> Option<&Entry> {
        let list = self.list(f);
        list.binary_search_by_key(&s, |e| e.story as usize).ok().map(|i| &list[i])
    }

    /// Feature `f`'s entries of the stories `among` names: those in its range, then its extra one.
    fn entries(&self, f: u32, among: Among) -> (&[Entry], &[Entry]) {
        let list = self.list(f);
        if among.lo == 0 && among.hi >= self.norm2.len() {
            return (list, &[]);
        }
        let from = list.partition_point(|e| (e.story as usize) < among.lo);
        let to = from + list[from..].partition_point(|e| (e.story as usize) < among.hi);
        let extra = match among.extra {
            Some(x) if !(among.lo..among.hi).contains(&x) => {
                let i = list.partition_point(|e| (e.story as usize) < x);
                list.get(i..i + 1).filter(|e| e[0].story as usize == x).unwrap_or(&[])
            }
            _ => &[],
        };
        (&list[from..to], extra)
    }

    /// The squared norm of story `s` with `bag`'s counts taken out.
    pub fn norm2_minus(&self, s: usize, bag: &Bag, idf: &Idf) -> f32 {
        let mut n = self.norm2[s];
        for (f, c) in &bag.feats {
            if let Some(e) = self.entry(*f, s) {
                let i = idf.get(*f);
                n += w((e.count - c).max(0.0), i).powi(2) - e.weight.powi(2);
            }
        }
        crate::work::add(bag.feats.len() as u64);
        n
    }

    /// Cosine of `bag` with every story it shares a feature with: `out` receives (story, cosine)
    /// for each, in no particular order; stories not listed score 0. `dot` is scratch space of one
    /// slot per story, left zeroed.
    pub fn sims(&self, bag: &Bag, idf: &Idf, minus: &[Minus], dot: &mut [f32], out: &mut Vec<(usize, f32)>) {
        self.sims_weighted(bag, &Weights::of(bag, idf), idf, minus, Among::ALL, dot, out);
    }

    /// [`sims`](Self::sims) with the bag's weights worked out beforehand (they are the same in
    /// every round of a page), for the stories `among` names only: on a page of thousands of
    /// stories a piece is weighed against its nearest few, and a feature shared by every story
    /// (a page that repeats its text) must not cost a visit to each of them.
    #[allow(clippy::too_many_arguments)]
    pub fn sims_weighted(&self, bag: &Bag, weights: &Weights, idf: &Idf, minus: &[Minus], among: Among, dot: &mut [f32], out: &mut Vec<(usize, f32)>) {
        out.clear();
        let mut visited = bag.feats.len();
        // Where each minus bag stands in a walk alongside `bag` (both sorted by feature), so its
        // count of the current feature is found without a search; a minus bag that is `bag`
        // itself has the current count.
        let mut at = [0usize; 2];
        // The norms sims works out itself (see Minus), added to in the order norm2_minus would.
        let mut own: [f32; 2] = std::array::from_fn(|x| minus.get(x).map_or(0.0, |m| self.norm2[m.state]));
        let state = |x: usize| minus.get(x).map_or(usize::MAX, |m| m.state);
        let (s0, s1) = (state(0), state(1));
        for ((f, c), &wb) in bag.feats.iter().zip(&weights.w) {
            let (near, extra) = self.entries(*f, among);
            visited += near.len() + extra.len();
            for e in near.iter().chain(extra) {
                let s = e.story as usize;
                // The weight of the story's count less the minus bag's count: the stored weight
                // when nothing is taken out (w(pc - 0) is w(pc)). The first minus of the story
                // counts, as minus.iter().position() would find it.
                let x = if s == s0 {
                    Some(0)
                } else if s == s1 {
                    Some(1)
                } else if minus.len() > 2 {
                    minus.iter().position(|m| m.state == s)
                } else {
                    None
                };
                let pw = match x {
                    None => e.weight,
                    Some(x) => {
                        let m = &minus[x];
                        let mc = if std::ptr::eq(m.bag, bag) {
                            if m.norm2.is_none() && x < own.len() {
                                let less = w((e.count - *c).max(0.0), idf.get(*f));
                                own[x] += less.powi(2) - e.weight.powi(2);
                            }
                            *c
                        } else if x < at.len() {
                            let feats = &m.bag.feats;
                            while at[x] < feats.len() && feats[at[x]].0 < *f {
                                at[x] += 1;
                            }
                            feats.get(at[x]).filter(|g| g.0 == *f).map_or(0.0, |g| g.1)
                        } else {
                            m.bag.get(*f)
                        };
                        if mc == 0.0 { e.weight } else { w((e.count - mc).max(0.0), idf.get(*f)) }
                    }
                };
                let v = wb * pw;
                if v > 0.0 {
                    if dot[s] == 0.0 {
                        // Listed first with no cosine yet: the list doubles as the touched set.
                        out.push((s, 0.0));
                    }
                    dot[s] += v;
                }
            }
        }
        crate::work::add(visited as u64);
        let bn = weights.norm2;
        out.retain_mut(|(s, cos)| {
            let s = *s;
            let norm2 = match minus.iter().position(|m| m.state == s) {
                None => self.norm2[s],
                Some(x) => minus[x].norm2.unwrap_or_else(|| own.get(x).copied().expect("an own norm among the first two")),
            };
            let d = dot[s];
            dot[s] = 0.0;
            if norm2 > 1e-9 && bn > 1e-9 {
                *cos = d / (norm2.sqrt() * bn.sqrt());
                true
            } else {
                false
            }
        });
    }
}

/// A bag's feature weights `w(count, idf)` and their squared norm (added up in feature order):
/// fixed for a page, asked for by every round of the assignment.
pub struct Weights {
    pub w: Vec<f32>,
    pub norm2: f32,
}

impl Weights {
    pub fn of(bag: &Bag, idf: &Idf) -> Weights {
        let mut norm2 = 0.0f32;
        let w = bag
            .feats
            .iter()
            .map(|(f, c)| {
                let wb = w(*c, idf.get(*f));
                norm2 += wb * wb;
                wb
            })
            .collect();
        Weights { w, norm2 }
    }
}

#[cfg(test)]
mod index_tests {
    use super::*;

    #[test]
    fn index_agrees_with_profiles() {
        let (fs, [a, b, c], idf) = super::super::tests::library_and_melons();
        let ps = Profiles::build(2, [(0, &a), (0, &b), (1, &c)].into_iter(), &idf, fs.len());
        let p0 = Profile::build([&a, &b].into_iter(), &idf);
        let mut dot = vec![0.0; 2];
        let mut out = Vec::new();
        let m = [Minus { state: 0, bag: &a, norm2: Some(ps.norm2_minus(0, &a, &idf)) }];
        ps.sims(&a, &idf, &m, &mut dot, &mut out);
        let s0 = out.iter().find(|x| x.0 == 0).map_or(0.0, |x| x.1);
        assert!((s0 - p0.sim(&a, &idf, true)).abs() < 1e-5, "{s0} vs {}", p0.sim(&a, &idf, true));
        assert!(dot.iter().all(|d| *d == 0.0));
        // The norm worked out on the way is the one norm2_minus gives.
        let mut out2 = Vec::new();
        ps.sims(&a, &idf, &[Minus { state: 0, bag: &a, norm2: None }], &mut dot, &mut out2);
        assert_eq!(out, out2);
    }
}
