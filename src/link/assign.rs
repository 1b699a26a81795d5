//! The assignment: every paragraph and subhead labelled with a story, in rounds, each round's best
//! path (`viterbi`) scored against the stories the last round made, until the labels settle.

use super::prepare::{closed_runs, fragments, next_seed_at, orphan_seeds, FragId};
use super::viterbi::{cohesion_weight, viterbi, FragBags};
use super::{Ctx, Labelling, Params};
use crate::blocks::BlockId;
use crate::classify::Class;
use crate::model::cohesion::{Among, Bag, Idf, Profiles, Weights};
use crate::segment::{merge_bags, SeedId, Segments, UnitKind};
use typed_index_collections::{TiSlice, TiVec};

/// Labels every paragraph and subhead unit with a story: those units are `hmm`, positions in
/// `seg.units`, and their labels a seed, or `seg.seeds.next_key()` for text under no headline.
/// (The cohesion model numbers the same stories, its states, as plain `usize`.)
pub(super) fn assign(l: &mut Labelling, ctx: &Ctx) {
    let seg = &l.seg;
    let headless = seg.seeds.next_key();
    let n_states = seg.seeds.len() + 1;
    let hmm: Vec<usize> = (0..seg.units.len()).filter(|&i| matches!(seg.units[i].kind, UnitKind::Para | UnitKind::Subhead)).collect();
    // The last seed at or before each unit position, and the seed that sits directly above it.
    let mut seed_above: Vec<Option<SeedId>> = vec![None; seg.units.len() + 1];
    let mut last_seed: Vec<Option<SeedId>> = vec![None; seg.units.len() + 1];
    {
        let mut seeds = seg.seeds.iter_enumerated().peekable();
        let mut cur = None;
        for pos in 0..=seg.units.len() {
            while let Some((s, _)) = seeds.next_if(|(_, sd)| sd.at == pos) {
                cur = Some(s);
                seed_above[pos] = Some(s);
            }
            last_seed[pos] = cur;
        }
    }
    let orphan = orphan_seeds(seg, ctx);
    let frag = fragments(seg, ctx, &hmm);
    let n_frags = frag.last().map_or(0, |&f| usize::from(f) + 1);
    // For each unit, the seed (not an orphan) standing between it and the previous unit, if any:
    // the headline or byline directly above it.
    let under: Vec<Option<SeedId>> = hmm
        .iter()
        .enumerate()
        .map(|(k, &u)| {
            let lo = if k == 0 { 0 } else { hmm[k - 1] + 1 };
            (lo..=u).rev().find_map(|pos| seed_above[pos]).filter(|&s| !orphan[s])
        })
        .collect();
    let mut anchor: TiVec<FragId, Option<SeedId>> = vec![None; n_frags].into();
    for k in 0..hmm.len() {
        if k == 0 || frag[k] != frag[k - 1] {
            anchor[frag[k]] = under[k];
        }
    }
    // Start from position: each unit in the story of the last strong seed above it (the highest
    // such seed index at or before each position, found in one pass rather than a search per unit).
    let mut strong_upto: Vec<Option<SeedId>> = vec![None; seg.units.len() + 1];
    for (s, sd) in seg.seeds.iter_enumerated() {
        if !orphan[s] && sd.weak.is_none() && sd.at <= seg.units.len() {
            strong_upto[sd.at] = strong_upto[sd.at].max(Some(s));
        }
    }
    for pos in 1..strong_upto.len() {
        strong_upto[pos] = strong_upto[pos].max(strong_upto[pos - 1]);
    }
    let mut labels: Vec<SeedId> = hmm.iter().map(|&u| strong_upto[u].unwrap_or(headless)).collect();
    let near = near_open_ends(seg, &hmm, ctx.classes, ctx.max_candidates);
    let block_of = |k: usize| seg.units[hmm[k]].block;
    let seed_bags: Vec<Bag> = seg.seeds.iter().map(|s| merge_bags(&s.heads, ctx.bags)).collect();
    let mut frag_range: TiVec<FragId, (usize, usize)> = vec![(0, 0); n_frags].into();
    for (k, &f) in frag.iter().enumerate() {
        if k == 0 || frag[k - 1] != f {
            frag_range[f].0 = k;
        }
        frag_range[f].1 = k + 1;
    }
    let weights: Vec<Weights> = hmm.iter().map(|&u| Weights::of(&ctx.bags[seg.units[u].block], ctx.idf)).collect();
    let closed = closed_runs(seg, ctx, &orphan);
    let mut closed_in: Vec<Option<SeedId>> = vec![None; seg.units.len()];
    for (a, run) in closed.iter_enumerated() {
        if let Some((lo, hi)) = *run {
            closed_in[lo..hi].fill(Some(a));
        }
    }
    let env = Env {
        seg,
        ctx,
        hmm: &hmm,
        under: &under,
        last_seed: &last_seed,
        orphan: &orphan,
        frag: &frag,
        anchor: &anchor,
        frag_range: &frag_range,
        weights: &weights,
        n_states,
        near: &near,
        closed: &closed,
        closed_in: &closed_in,
        driven: ctx.driven(),
    };
    let mut frag_bags = FragBags::default();
    let mut profiles = Profiles::default();

    // The first pass knows a story only by its headline and the text directly under it (the
    // opening units of the fragment there, `Params::opening_units`), so text
    // given to it by mere position cannot vouch for itself; later passes use all of a story's text
    // but the fragment being scored.
    let mut before: Vec<SeedId> = Vec::new();
    let rounds = if ctx.params.positional { 0 } else { ROUNDS };
    for round in 0..rounds {
        let full = round > 0 && ctx.params.full_rounds;
        let heads = seed_bags.iter().enumerate();
        let texts = (0..hmm.len())
            .filter(|&k| {
                let a = labels[k];
                full || a == headless || (!orphan[a] && seg.seeds[a].weak.is_none() && anchor[frag[k]] == Some(a) && env.in_opening(k))
            })
            .map(|k| (usize::from(labels[k]), &ctx.bags[block_of(k)]));
        if full && round >= 2 {
            // The same members as the last (full) round, in the same order: only their stories differ.
            profiles.refill(n_states, heads.chain(texts), ctx.idf, ctx.n_features);
        } else {
            profiles.rebuild(n_states, heads.chain(texts), ctx.idf, ctx.n_features);
        }
        let new = viterbi(&env, &labels, &profiles, full, round, &mut frag_bags);
        if new == labels {
            break;
        }
        // A round is a function of the labels alone (from the second on, when every round is
        // full), so labels that come back after two rounds would alternate in every round left:
        // the units that trade stories are settled now, by what the rest of the page says.
        if round >= 2 && new == before {
            let units: Vec<Settling> =
                (0..hmm.len()).map(|k| Settling { bag: &ctx.bags[block_of(k)], weights: &weights[k], under: under[k] }).collect();
            labels = settle_alternation(&ctx.params, &units, &seed_bags, ctx.idf, &labels, &new, (ROUNDS - 1 - round).is_multiple_of(2));
            break;
        }
        before = std::mem::replace(&mut labels, new);
    }
    l.hmm = hmm;
    l.labels = labels;
}

/// How many times the assignment is worked out, each round from the stories the last one made.
const ROUNDS: usize = 6;

/// What the assignment reads of a page in every round: worked out once, before the first.
pub(super) struct Env<'a, 'c> {
    pub(super) seg: &'a Segments,
    pub(super) ctx: &'a Ctx<'c>,
    pub(super) hmm: &'a [usize],
    /// For each unit (position in `hmm`), the seed directly above it: between it and the unit before.
    pub(super) under: &'a [Option<SeedId>],
    pub(super) last_seed: &'a [Option<SeedId>],
    pub(super) orphan: &'a TiSlice<SeedId, bool>,
    pub(super) frag: &'a [FragId],
    /// For each fragment, the seed it stands directly under.
    pub(super) anchor: &'a TiSlice<FragId, Option<SeedId>>,
    /// For each fragment, its units: positions `lo..hi` in `hmm`.
    pub(super) frag_range: &'a TiSlice<FragId, (usize, usize)>,
    /// Each unit's feature weights, the same in every round.
    pub(super) weights: &'a [Weights],
    pub(super) n_states: usize,
    /// For each unit, the open ends nearest it, with their seams into it.
    pub(super) near: &'a NearEnds,
    /// For each seed whose story ends where it is printed, the units it spans.
    pub(super) closed: &'a TiSlice<SeedId, Option<(usize, usize)>>,
    /// For each unit, the seed of the photo story it is part of: its only story.
    pub(super) closed_in: &'a [Option<SeedId>],
    /// Stories start at the page's headline groups (`Ctx::driven`).
    pub(super) driven: bool,
}

impl Env<'_, '_> {
    /// Whether the unit at `k` in `hmm` is among the first `Params::opening_units` of its fragment: the
    /// text the first round knows the fragment's story by, if the fragment stands under its seed.
    pub(super) fn in_opening(&self, k: usize) -> bool {
        k - self.frag_range[self.frag[k]].0 < self.ctx.params.opening_units
    }
}

/// For each paragraph unit, the `ctx.max_candidates` open-ended paragraphs nearest it on the page
/// (not itself, nor the one right above it, which is no jump): the open ends whose seams into it
/// the assignment weighs. Seams do not depend on the labels, and each one scored is remembered
/// (`Ctx::seam_score`) for all rounds, which weigh only the open ends that close their story's run
/// (about a fifth of them). A unit weighs a bounded number of open ends, so a page of many
/// (one-word lines, a whole volume) costs linear time. Ordinary pages have fewer open ends than
/// the bound, and see all of them. The nearest open ends of a unit are a run of the page's open
/// ends, kept as its bounds: a list per unit held a page's units times the bound.
pub(super) struct NearEnds {
    /// The open ends, as positions in `hmm`.
    open: Vec<u32>,
    /// For each unit, the run of `open` nearest it (empty for a unit that is not a paragraph).
    run: Vec<(u32, u32)>,
}

impl NearEnds {
    /// The open ends near unit `k`.
    pub(super) fn of(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        let (lo, hi) = self.run[k];
        self.open[lo as usize..hi as usize].iter().map(|&t| t as usize).filter(move |&t| t != k && t + 1 != k)
    }
}

fn near_open_ends(seg: &Segments, hmm: &[usize], classes: &TiSlice<BlockId, Class>, max_candidates: usize) -> NearEnds {
    let is_para = |k: usize| seg.units[hmm[k]].kind == UnitKind::Para;
    let open: Vec<usize> = (0..hmm.len()).filter(|&k| is_para(k) && classes[seg.units[hmm[k]].block].open_end).collect();
    let want = max_candidates.max(1);
    let run = (0..hmm.len())
        .map(|k| {
            if !is_para(k) {
                return (0, 0);
            }
            let usable = |t: usize| t != k && t + 1 != k;
            // Walk outwards from k, the nearer side first (the earlier on a tie).
            let mut taken = 0;
            let mid = open.partition_point(|&t| t < k);
            let (mut lo, mut hi) = (mid, mid);
            while taken < want && (lo > 0 || hi < open.len()) {
                let take_lo = match (lo > 0, hi < open.len()) {
                    (true, true) => k - open[lo - 1] <= open[hi] - k,
                    (l, _) => l,
                };
                let t = if take_lo {
                    lo -= 1;
                    open[lo]
                } else {
                    hi += 1;
                    open[hi - 1]
                };
                taken += usize::from(usable(t));
            }
            crate::work::add((hi - lo) as u64);
            (lo as u32, hi as u32)
        })
        .collect();
    NearEnds { open: open.into_iter().map(|t| t as u32).collect(), run }
}

/// The stories a unit may go to: all of them, or on a page with more seeds than `max`, the nearest
/// ones (and the headless story), written into `out`.
pub(super) fn candidates(n_states: usize, last: Option<SeedId>, max: usize, out: &mut Vec<SeedId>) {
    out.clear();
    let n_seeds = n_states - 1;
    if n_seeds <= max {
        out.extend((0..n_states).map(SeedId::from));
        return;
    }
    // Far from its seed a unit only weighs the nearest stories: keeps long pages linear.
    let c = last.map_or(0, usize::from);
    let lo = c.saturating_sub(max * 2 / 3);
    let hi = (c + max / 3 + 1).min(n_seeds);
    out.extend((lo..hi).map(SeedId::from));
    out.push(SeedId::from(n_seeds));
}

/// Headlines stacked with nothing between them share the text under them: by position its first
/// paragraph goes to the nearest, though by its words the rest goes to another of the stack. One
/// paragraph under a stacked headline, with the text straight after it in a sibling's story, is
/// that sibling's first paragraph: the headline's own text is elsewhere on the page (or, if it has
/// none, the headline is left for a headless story to adopt).
pub(super) fn stacked_first_units(l: &mut Labelling, _ctx: &Ctx) {
    let Labelling { seg, hmm, labels } = l;
    let headless = seg.seeds.next_key();
    for k in 0..hmm.len().saturating_sub(1) {
        let (b, a) = (labels[k], labels[k + 1]);
        if b >= headless || a >= headless || a == b {
            continue;
        }
        let (sa, sb) = (&seg.seeds[a], &seg.seeds[b]);
        // Both stand right above this paragraph, and the sibling's text goes on under it.
        let top = hmm[k];
        if sa.at != sb.at || sb.at > top || seg.units[sb.at..top].iter().any(|u| matches!(u.kind, UnitKind::Para | UnitKind::Subhead)) {
            continue;
        }
        if sa.heads.is_empty() || sb.heads.is_empty() || !sb.bylines.is_empty() || sa.weak.is_some() || sb.weak.is_some() {
            continue;
        }
        if seg.units[top].kind != UnitKind::Para || seg.units[hmm[k + 1]].kind != UnitKind::Para || hmm[k + 1] != top + 1 {
            continue;
        }
        labels[k] = a;
    }
}

/// A headline left with no text of its own whose dispatch, right under it, went to another story:
/// two dispatches from one desk about one day's events (新华社杭州2月27日电（记者X）… 王毅 … 乌镇)
/// share so many words that the other story's profile draws this one's opening away, and the run
/// that goes on from it with it. A dispatch opens the story whose headline stands over it: the run,
/// up to the next seed or the next story's opening, goes back to the empty headline, as long as
/// the other story keeps text of its own.
pub(super) fn reclaim_dispatches(l: &mut Labelling, ctx: &Ctx) {
    let Labelling { seg, hmm, labels } = l;
    let headless = seg.seeds.next_key();
    let orphan = orphan_seeds(seg, ctx);
    let mut texts: TiVec<SeedId, usize> = vec![0; seg.seeds.len()].into();
    for &s in labels.iter().filter(|&&s| s < headless) {
        texts[s] += 1;
    }
    let opens = |k: usize| seg.units[hmm[k]].kind == UnitKind::Para && ctx.classes[seg.units[hmm[k]].block].opens_story();
    let next_at = next_seed_at(seg);
    for (a, sd) in seg.seeds.iter_enumerated() {
        if texts[a] > 0 || orphan[a] || sd.weak.is_some() || sd.heads.is_empty() {
            continue;
        }
        let k = hmm.partition_point(|&u| u < sd.at);
        let next = next_at[a];
        if k == hmm.len() || !opens(k) || next <= hmm[k] {
            continue;
        }
        // (A headline stacked with it shares the text under it: which of the two that text opens is
        // for `stacked_first_units`, and a piece of a title the engine set apart stands so too.)
        let b = labels[k];
        if b >= headless || b == a || seg.seeds[b].at == sd.at {
            continue;
        }
        let mut j = k + 1;
        while j < hmm.len() && labels[j] == b && hmm[j] < next && !opens(j) {
            j += 1;
        }
        if texts[b] > j - k {
            labels[k..j].iter_mut().for_each(|x| *x = a);
            texts[b] -= j - k;
            texts[a] += j - k;
        }
    }
}

/// What [`settle_alternation`] knows of a unit: its text, and the story whose headline (or
/// byline) stands directly above it, if any.
#[derive(Clone, Copy)]
struct Settling<'a> {
    bag: &'a Bag,
    weights: &'a Weights,
    under: Option<SeedId>,
}

/// Settles labels that alternate from round to round between `a` and `b`. Such units are two
/// groups trading places: each, placed in one story, makes that story's profile draw the other
/// group, so neither labeling is what the text says (both may put half of one story in another).
/// Each run of alternating units (neighbours in page order trading the same two stories) goes to
/// whichever of its two stories its text is clearly closer to (by `Params::settle_margin`), judged by the
/// units that stay put: their stories' texts and headlines. A near tie keeps what the last round
/// would have left (`b` if `b_last`), as do runs with nothing to judge by.
fn settle_alternation(p: &Params, units: &[Settling], heads: &[Bag], idf: &Idf, a: &[SeedId], b: &[SeedId], b_last: bool) -> Vec<SeedId> {
    // One state per seed and the headless one, as in the rounds.
    let n_states = heads.len() + 1;
    let stable = (0..units.len()).filter(|&k| a[k] == b[k]).map(|k| (usize::from(a[k]), units[k].bag));
    let profiles = Profiles::build(n_states, heads.iter().enumerate().chain(stable), idf, idf.n_features());
    let mut dot = vec![0.0f32; n_states];
    let mut sims: Vec<(usize, f32)> = Vec::new();
    let mut out = if b_last { b.to_vec() } else { a.to_vec() };
    let mut k = 0;
    while k < units.len() {
        if a[k] == b[k] {
            k += 1;
            continue;
        }
        let mut j = k;
        let (mut to_a, mut to_b) = (0.0f32, 0.0f32);
        // The two stories as the cohesion index numbers them.
        let (sa, sb) = (usize::from(a[k]), usize::from(b[k]));
        while j < units.len() && a[j] == a[k] && b[j] == b[k] {
            let Settling { bag, weights, .. } = units[j];
            profiles.sims_weighted(bag, weights, idf, &[], Among::pair(sa, sb), &mut dot, &mut sims);
            let weight = cohesion_weight(bag, p.full_weight_features);
            for &(s, v) in &sims {
                if s == sa {
                    to_a += weight * v;
                } else if s == sb {
                    to_b += weight * v;
                }
            }
            j += 1;
        }
        // Text right under a story's headline opens that story: what the page's layout says
        // outweighs what the wording suggests.
        let under = units[k].under;
        if under == Some(a[k]) || under == Some(b[k]) {
            let pick = if under == Some(a[k]) { a } else { b };
            out[k..j].copy_from_slice(&pick[k..j]);
        } else if to_a.max(to_b) > p.settle_margin * to_a.min(to_b) {
            let pick = if to_a > to_b { a } else { b };
            out[k..j].copy_from_slice(&pick[k..j]);
        }
        k = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, LangCode};

    #[test]
    fn units_that_trade_stories_each_round_go_to_the_story_their_text_is_about() {
        // Two stories (watermelons, a library) and two groups of pieces that swap between them from
        // round to round: in `a` each group sits in the wrong story, in `b` in the right one.
        // Whichever labeling the last round would have left, each group goes where its text fits.
        use crate::model::cohesion::Features;
        let zh = Lang::get(LangCode::Zh);
        let p = Params::for_lang(zh);
        let texts = [
            "盛夏时节，脆甜多汁的西瓜深受消费者青睐，瓜农忙着采摘。",
            "暑假来临，街道图书馆吸引了不少学生前来阅读。",
            "图书馆延长开放时间，学生们在阅览室安静读书。",
            "图书馆还为学生开设了阅读分享课。",
            "瓜农们每天凌晨就下地采摘西瓜、装箱外运。",
            "今年西瓜产量高，瓜农收入稳步增长。",
        ];
        let mut feats = Features::default();
        let bags: Vec<Bag> = texts.iter().map(|t| feats.bag(t, zh)).collect();
        let heads = vec![feats.bag("西瓜上市", zh), feats.bag("图书馆暑期开放", zh)];
        let idf = Idf::new(bags.iter().chain(&heads), feats.len());
        let weights: Vec<Weights> = bags.iter().map(|b| Weights::of(b, &idf)).collect();
        let units: Vec<Settling> = bags.iter().zip(&weights).map(|(bag, weights)| Settling { bag, weights, under: None }).collect();
        let ids = |v: &[usize]| -> Vec<SeedId> { v.iter().map(|&s| SeedId::from(s)).collect() };
        let a = ids(&[0, 1, 0, 0, 1, 1]);
        let b = ids(&[0, 1, 1, 1, 0, 0]);
        for b_last in [false, true] {
            assert_eq!(settle_alternation(&p, &units, &heads, &idf, &a, &b, b_last), b.to_vec(), "b_last {b_last}");
        }
        // A run standing right under a story's headline stays with that story, whatever its words.
        let mut under = units.clone();
        under[4].under = Some(SeedId::from(1));
        assert_eq!(settle_alternation(&p, &under, &heads, &idf, &a, &b, true), ids(&[0, 1, 1, 1, 1, 1]));
        // A run whose text says nothing either way keeps what the last round would have left.
        let idle = feats.bag("今天天气晴朗，适合出门散步。", zh);
        let idle_w = Weights::of(&idle, &idf);
        let three = [units[0], units[1], Settling { bag: &idle, weights: &idle_w, under: None }];
        assert_eq!(settle_alternation(&p, &three, &heads, &idf, &ids(&[0, 1, 0]), &ids(&[0, 1, 1]), true), ids(&[0, 1, 1]));
        assert_eq!(settle_alternation(&p, &three, &heads, &idf, &ids(&[0, 1, 0]), &ids(&[0, 1, 1]), false), ids(&[0, 1, 0]));
        // Nothing alternates: the labels stand.
        assert_eq!(settle_alternation(&p, &units, &heads, &idf, &b, &b, false), b.to_vec());
    }
}
