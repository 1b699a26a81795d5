//! One round of the assignment: the best path over the page's units, and what each step on it
//! costs (cohesion with a story, the seam crossed, the headline passed).

use super::assign::{candidates, Env};
use super::prepare::FragId;
use crate::blocks::BlockId;
use crate::model::cohesion::{Among, Bag, Minus, Profiles};
use crate::model::seam::measure_share;
use crate::segment::{merge_bags, SeedId, UnitKind};
use rustc_hash::FxHashMap;
use typed_index_collections::TiVec;

/// One round of the assignment: the label (a story) of every unit in `env.hmm` on the best path
/// over the whole page, scored against the stories as `labels` (the last round's) made them
/// (`profiles`; whole stories where `full`, else their headlines and opening units, see
/// `Params::opening_units`). A unit's score in a story is its cohesion with the story's text (less the
/// unit's own fragment, so a run cannot vouch for itself) and following the headline or byline
/// directly above it; a step between units costs staying (the seam down the column, a subhead or a
/// closing line between) or moving (the best seam from the story's open ends near the unit, see
/// `NearEnds`). Moving costs the same whichever story is left, so only the previous unit's best two
/// states are weighed for a move: a unit costs its candidates, not their square. `round` keys the
/// fragments' texts kept across rounds (`frag_bags`).
pub(super) fn viterbi(env: &Env, labels: &[SeedId], profiles: &Profiles, full: bool, round: usize, frag_bags: &mut FragBags) -> Vec<SeedId> {
    let (seg, ctx, hmm) = (env.seg, env.ctx, env.hmm);
    let p = ctx.params;
    let n_states = env.n_states;
    let headless = SeedId::from(n_states - 1);
    let n = hmm.len();
    if n == 0 {
        return Vec::new();
    }
    // Open ends of each article (by the current labels) that its next unit does not continue: where
    // a unit starting mid-sentence may belong, wherever on the page they are (among the nearest
    // open ends, `env.near`).
    let is_tail: Vec<bool> = (0..n).map(|k| !(k + 1 < n && labels[k + 1] == labels[k])).collect();
    // Each story's measure by the last round's labels (see `story_measures`).
    let story_measure = story_measures(env, labels);
    let mut dot = vec![0.0f32; n_states];
    // Each unit's cosine with every story, by the model's number for it (0 where `sims` lists none).
    let mut sim_of = vec![0.0f32; n_states];
    // Each story's best seam into the unit being scored from its open ends (none: -inf).
    let mut tail_best: TiVec<SeedId, f32> = vec![f32::NEG_INFINITY; n_states].into();
    let mut sims: Vec<(usize, f32)> = Vec::new();
    // The lattice keeps, for each unit, how each of its candidates was reached: from the same
    // story, or from the previous unit's best or second-best (`top`), in two bits' worth of a byte
    // (`via`); candidates are worked out again when the path is traced back, and scores are kept
    // for the previous unit only. Candidates times units of pointers and scores made the lattice
    // the largest thing a long page held.
    let mut at: Vec<u32> = Vec::with_capacity(n + 1);
    let mut via: Vec<u8> = Vec::new();
    let mut top: Vec<(u32, u32)> = Vec::with_capacity(n);
    let (mut prev_c, mut cs, mut score, mut prev): (Vec<SeedId>, Vec<SeedId>, Vec<f32>, Vec<f32>) = Default::default();
    let (mut all, mut emit, mut entry, mut follow) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    at.push(0);
    for k in 0..n {
        let u = hmm[k];
        let unit = seg.units[u];
        let b = unit.block;
        let cl = &ctx.classes[b];
        let bag = &ctx.bags[b];
        let weight = cohesion_weight(bag, p.full_weight_features);
        std::mem::swap(&mut prev_c, &mut cs);
        std::mem::swap(&mut prev, &mut score);
        unit_candidates(env, u, full, &mut all, &mut cs);
        crate::work::add(cs.len() as u64);
        // The best seam into this unit from each article's open ends (by story; reset below).
        for t in env.near.of(k) {
            if is_tail[t] {
                let sc = ctx.seam_score(seg.units[hmm[t]].block, b);
                let e = &mut tail_best[labels[t]];
                *e = e.max(sc);
            }
        }
        // The seed directly above this unit, if one stands between it and the previous unit.
        let crossed = env.under[k];
        // A story's opening fragment (under its seed) is scored against the story without itself
        // only; any other fragment without the whole fragment, so a run placed by position alone
        // cannot vouch for itself. Only the stories the fragment's text is counted in need it.
        let anchor = env.anchor[env.frag[k]];
        // The story's norm without this unit is worked out by sims as it walks the unit's features.
        // (The first round counts only a fragment's opening units in its story: past them the
        // unit is not in the profile to be left out.)
        let counted = full || env.in_opening(k);
        let own = anchor.filter(|&a| labels[k] == a && counted).map(|a| Minus { state: a.into(), bag, norm2: None });
        let l = labels[k];
        let whole = if Some(l) != anchor && (full || l == headless) {
            let (fb, n2) = frag_bags.get(env, labels, env.frag[k], l, round, profiles);
            Some(Minus { state: l.into(), bag: fb, norm2: Some(n2) })
        } else {
            None
        };
        let (one, two);
        let minus: &[Minus] = match (own, whole) {
            (Some(a), Some(b)) => {
                two = [a, b];
                &two
            }
            (Some(a), None) | (None, Some(a)) => {
                one = [a];
                &one
            }
            (None, None) => &[],
        };
        // A page of more stories than a unit is weighed against asks the index about the unit's
        // candidates only (ascending, the story under no headline last), by the index's numbers.
        let state = usize::from;
        let among = match cs[..] {
            _ if n_states <= ctx.max_candidates + 1 => Among::ALL,
            [first, ref rest @ .., last] if last == headless => Among { lo: state(first), hi: state(*rest.last().unwrap_or(&first)) + 1, extra: Some(state(headless)) },
            [first, .., last] => Among { lo: state(first), hi: state(last) + 1, extra: None },
            [one] => Among { lo: state(one), hi: state(one) + 1, extra: None },
            [] => Among::ALL,
        };
        profiles.sims_weighted(bag, &env.weights[k], ctx.idf, minus, among, &mut dot, &mut sims);
        for &(s, v) in &sims {
            sim_of[s] = v;
        }
        // The unit's measure, weighed against each candidate story's.
        let measure = unit_measure(env, k);
        emit.clear();
        emit.extend(cs.iter().map(|&a| {
            let mut sim = sim_of[usize::from(a)];
            if a < headless && seg.seeds[a].weak.is_some() {
                // A story known only by its heading: text that fits nothing else may be its.
                sim = sim.max(p.weak_tau);
            }
            let mut e = p.cohesion * weight * sim;
            // Text set to another measure than the story's is another column's.
            if let (Some(um), Some(sm)) = (measure, story_measure[usize::from(a)]) {
                e -= p.story_measure_apart * measure_share(um, sm, &p);
            }
            if a == headless && env.last_seed[u].is_some() { e - p.headless } else { e }
        }));
        for &(s, _) in &sims {
            sim_of[s] = 0.0;
        }
        // Entering an article from elsewhere: how well this unit continues one of its open ends.
        entry.clear();
        entry.extend(cs.iter().map(|&a| {
            if unit.kind != UnitKind::Para || crossed == Some(a) {
                return 0.0;
            }
            // Text above a seed's own place belongs to it only as a column read out of turn.
            // (A headline standing away from any text has no place of its own.)
            let above = if a < headless && !env.orphan[a] && u < seg.seeds[a].at { -p.above_own_seed } else { 0.0 };
            let best = tail_best[a];
            above
                + if best > f32::NEG_INFINITY {
                    best.clamp(p.entry_seam_min, p.entry_seam_max) * p.entry_seam_weight
                } else if cl.start.continues() {
                    -p.continues_no_cut
                } else {
                    0.0
                }
        }));
        for t in env.near.of(k) {
            tail_best[labels[t]] = f32::NEG_INFINITY;
        }
        let crossed_weak = crossed.and_then(|s| seg.seeds[s].weak);
        follow.clear();
        follow.extend(cs.iter().map(|&a| match (crossed == Some(a), crossed_weak) {
            (true, Some(odds)) => p.weak_follow + p.weak_odds * odds,
            // A dispatch (新华社杭州2月27日电（记者X）) right under a headline opens that story, however
            // much its wording matches another story's dispatch from the same desk.
            (true, None) if cl.opens_story() && unit.kind == UnitKind::Para => p.follow_seed + p.follow_dispatch,
            (true, None) => p.follow_seed,
            _ => 0.0,
        }));
        score.clear();
        if k == 0 {
            for j in 0..cs.len() {
                score.push(emit[j] + follow[j] + entry[j]);
                via.push(VIA_FIRST);
            }
            top.push((u32::MAX, u32::MAX));
        } else {
            let pk = k - 1;
            let pb = seg.units[hmm[pk]].block;
            let pcl = &ctx.classes[pb];
            // A credit or a "continued on" line between two pieces of text closes the story above.
            let credit_between = (hmm[pk] + 1..u).any(|x| {
                let k = seg.units[x].kind;
                k == UnitKind::Credit
                    || (k == UnitKind::Caption && ctx.classes[seg.units[x].block].closes_story)
                    || (k == UnitKind::Jump && ctx.classes[seg.units[x].block].sends_on())
            }) || ctx.classes[pb].sends_on();
            let prev_is_sub = seg.units[hmm[pk]].kind == UnitKind::Subhead && !credit_between;
            let seam_adj = ctx.seam_score(pb, b);
            // The cut above goes on far better in the paragraph after this one (…将持 | 天色已晚… |
            // 续到2月2日…): this one was dropped into the column from another story, and going
            // on with it is doubtful.
            let outbid = p.outbid > 0.0
                && pcl.open_end
                && unit.kind == UnitKind::Para
                && hmm.get(k + 1).is_some_and(|&nu| {
                    seg.units[nu].kind == UnitKind::Para && {
                        let skip = ctx.seam_score(pb, seg.units[nu].block);
                        skip >= p.outbid_seam && skip >= seam_adj + p.outbid_margin
                    }
                });
            let outbid_pen = if outbid { p.outbid } else { 0.0 };
            // Moving from another article costs the same whichever it is, so only the best and
            // second-best previous states can win a move: each state is weighed in constant time,
            // not against every previous state (which made a unit cost candidates squared).
            let (b1, b2) = top_two(&prev);
            top.push((b1.map_or(u32::MAX, |i| i as u32), b2.map_or(u32::MAX, |i| i as u32)));
            debug_assert!(prev_c.windows(2).all(|w| w[0] < w[1]), "candidates are ascending");
            for (j, &a) in cs.iter().enumerate() {
                let mut best = f32::NEG_INFINITY;
                let mut arg = VIA_FIRST;
                let same = prev_c.binary_search(&a).ok().filter(|&i| prev[i] != f32::NEG_INFINITY);
                let other = if b1 != same { b1 } else { b2 };
                let mut tries = [(same, true), (other, false)];
                // In index order, so that a tie goes to the earlier state as a scan over all would.
                if tries[1].0 < tries[0].0 {
                    tries.swap(0, 1);
                }
                for (i, stays) in tries {
                    let Some(i) = i else { continue };
                    let s0 = prev[i];
                    let t = if stays {
                        let mut t = p.stay + if prev_is_sub { p.subhead_stay } else { 0.0 };
                        if unit.kind == UnitKind::Para && !prev_is_sub {
                            t += seam_adj.min(p.stay_seam_max) - outbid_pen;
                        }
                        if crossed.is_some_and(|s| s != a) {
                            t -= if crossed_weak.is_some() { p.cross_weak } else { p.cross_seed };
                        }
                        if credit_between {
                            t -= p.credit_between;
                        }
                        t
                    } else {
                        let mut t = -p.switch + entry[j];
                        if pcl.open_end && !prev_is_sub {
                            // The column broke here for certain; the next text may be anyone's.
                            t += p.column_broke;
                        }
                        if prev_is_sub {
                            t -= p.subhead_switch;
                        }
                        t
                    };
                    let v = s0 + t;
                    if v > best {
                        best = v;
                        arg = if stays {
                            VIA_SAME
                        } else if Some(i) == b1 {
                            VIA_BEST
                        } else {
                            VIA_SECOND
                        };
                    }
                }
                score.push(best + emit[j] + follow[j]);
                via.push(arg);
            }
        }
        at.push(via.len() as u32);
    }
    // Traced back: each unit's candidates worked out again, each step's pointer read from `via`.
    let mut out = vec![headless; n];
    let mut j = (0..score.len()).max_by(|&x, &y| score[x].total_cmp(&score[y]).then(y.cmp(&x))).unwrap_or(0);
    unit_candidates(env, hmm[n - 1], full, &mut all, &mut cs);
    for k in (0..n).rev() {
        let a = cs[j];
        out[k] = a;
        if k == 0 {
            break;
        }
        let code = via[at[k] as usize + j];
        unit_candidates(env, hmm[k - 1], full, &mut all, &mut cs);
        let (b1, b2) = top[k];
        j = match code {
            VIA_SAME => cs.binary_search(&a).expect("the same story was a candidate"),
            VIA_BEST => b1 as usize,
            VIA_SECOND => b2 as usize,
            _ => 0,
        };
    }
    out
}

/// The measure (`Block::measure`) of the paragraph at `k` in `env.hmm`; `None` for a heading or a
/// block too short to have one.
fn unit_measure(env: &Env, k: usize) -> Option<u32> {
    let unit = env.seg.units[env.hmm[k]];
    if unit.kind == UnitKind::Para { env.ctx.blocks[unit.block].measure } else { None }
}

/// Each story's measure by `labels`: the median of its paragraphs' measures, where it has
/// `STORY_MEASURE_UNITS` of them at least (the story under no headline, whatever text fits no other,
/// has none). All `None` where the language weighs no measure (`story_measure_apart` 0).
fn story_measures(env: &Env, labels: &[SeedId]) -> Vec<Option<u32>> {
    if env.ctx.params.story_measure_apart <= 0.0 {
        return vec![None; env.n_states];
    }
    let mut by: Vec<Vec<u32>> = vec![Vec::new(); env.n_states];
    for (k, &l) in labels.iter().enumerate() {
        if let Some(m) = unit_measure(env, k) {
            by[usize::from(l)].push(m);
        }
    }
    let headless = env.n_states - 1;
    by.into_iter()
        .enumerate()
        .map(|(i, mut v)| {
            (i != headless && v.len() >= STORY_MEASURE_UNITS).then(|| {
                let mid = v.len() / 2;
                *v.select_nth_unstable(mid).1
            })
        })
        .collect()
}

/// Fewest paragraphs with a measure for a story's to be read: one is as often a stray piece's as
/// the story's own.
const STORY_MEASURE_UNITS: usize = 2;

/// How the lattice reached a candidate: from the same story, from the previous unit's best or
/// second-best state, or (the first unit, or no finite score before it) from its first.
const VIA_SAME: u8 = 0;
const VIA_BEST: u8 = 1;
const VIA_SECOND: u8 = 2;
const VIA_FIRST: u8 = 3;

/// The stories unit `u` may go to in the assignment, ascending (the story under no headline last):
/// the nearest (or all) stories, less those closed to it.
fn unit_candidates(env: &Env, u: usize, full: bool, all: &mut Vec<SeedId>, out: &mut Vec<SeedId>) {
    let (seg, ctx, p) = (env.seg, env.ctx, env.ctx.params);
    let headless = SeedId::from(env.n_states - 1);
    candidates(env.n_states, env.last_seed[u], ctx.max_candidates, all);
    if let Some(own) = env.closed_in[u] {
        all.clear();
        all.push(own);
    }
    out.clear();
    out.extend(all.iter().copied().filter(|&a| {
        if a == headless {
            return !(env.driven && env.last_seed[u].is_some());
        }
        (env.orphan[a] && p.free_orphans)
            || (!env.orphan[a] && (seg.seeds[a].weak.is_none() || (full && u >= seg.seeds[a].at)) && env.closed[a].is_none_or(|(lo, hi)| (lo..hi).contains(&u)))
    }));
    if out.is_empty() {
        // Every story above is closed to it: the unit stands alone, as text before any seed.
        out.push(headless);
    }
}

/// The indices of the highest and second-highest finite scores, the earlier index first among equals.
fn top_two(scores: &[f32]) -> (Option<usize>, Option<usize>) {
    let (mut b1, mut b2): (Option<usize>, Option<usize>) = (None, None);
    for (i, &s) in scores.iter().enumerate() {
        if s == f32::NEG_INFINITY {
            continue;
        }
        match b1 {
            Some(x) if s <= scores[x] => {
                if b2.is_none_or(|y| s > scores[y]) {
                    b2 = Some(i);
                }
            }
            _ => {
                b2 = b1;
                b1 = Some(i);
            }
        }
    }
    (b1, b2)
}

/// A fragment and a round of the assignment.
type FragRound = (FragId, usize);

/// Each fragment's text per story, kept over the rounds of one page: labels move little from one
/// round to the next, so most of these bags are summed once, not once per round.
#[derive(Default)]
pub(super) struct FragBags {
    by_key: FxHashMap<(FragId, SeedId), FragBag>,
    /// Scratch: the units of the fragment being looked up that carry the story asked about.
    members: Vec<usize>,
    /// The (story, unit) pairs of one fragment in one round, sorted, and which (fragment, round).
    by_label: (Option<FragRound>, Vec<(SeedId, usize)>),
}

struct FragBag {
    /// The fragment's units (positions in `hmm`) whose text `bag` sums.
    members: Vec<usize>,
    bag: Bag,
    /// The round `norm2` was worked out in (it depends on that round's profiles).
    round: usize,
    /// The story's squared norm with `bag` taken out.
    norm2: f32,
}

impl FragBags {
    /// The text of fragment `f` (units `range`) in story `l` by `labels`, with story `l`'s squared
    /// norm once that text is out of its profile: what `merge_bags` and `norm2_minus` give.
    fn get(&mut self, env: &Env, labels: &[SeedId], f: FragId, l: SeedId, round: usize, profiles: &Profiles) -> (&Bag, f32) {
        let FragBags { by_key, members, by_label } = self;
        let e = match by_key.entry((f, l)) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(FragBag { members: Vec::new(), bag: Bag::default(), round: usize::MAX, norm2: 0.0 })
            }
        };
        if e.round != round {
            let (lo, hi) = env.frag_range[f];
            members.clear();
            // A fragment's units by story, gathered once a round: a long fragment split among
            // many stories is asked about once for each of them.
            if by_label.0 != Some((f, round)) {
                by_label.1.clear();
                by_label.1.extend((lo..hi).map(|j| (labels[j], j)));
                by_label.1.sort_unstable();
                by_label.0 = Some((f, round));
                crate::work::add((hi - lo) as u64);
            }
            let at = by_label.1.partition_point(|&(x, _)| x < l);
            members.extend(by_label.1[at..].iter().take_while(|&&(x, _)| x == l).map(|&(_, j)| j));
            if *members != e.members || e.round == usize::MAX {
                let blocks: Vec<BlockId> = members.iter().map(|&j| env.seg.units[env.hmm[j]].block).collect();
                e.bag = merge_bags(&blocks, env.ctx.bags);
                std::mem::swap(&mut e.members, members);
            }
            e.norm2 = profiles.norm2_minus(l.into(), &e.bag, env.ctx.idf);
            e.round = round;
        }
        (&e.bag, e.norm2)
    }
}

/// How much a unit's cohesion counts, by how many features it has: a short piece says less, and
/// one of `full_at` features or more counts in full.
pub(super) fn cohesion_weight(bag: &Bag, full_at: f32) -> f32 {
    (bag.len() as f32 / full_at).min(1.0)
}
