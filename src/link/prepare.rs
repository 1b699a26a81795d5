//! Before the assignment: lone headings settled by their odds, headlines standing away from any
//! text married to the headless stories they fit, and what the assignment reads of the page (orphan
//! seeds, structural fragments, stories that end where they are printed).

use super::{Ctx, Labelling};
use crate::blocks::BlockId;
use crate::classify::Class;
use crate::model::cohesion::{sim, Bag};
use crate::segment::{merge_bags, SeedId, Segments, Unit, UnitKind};
use typed_index_collections::{TiSlice, TiVec};

/// Where the language's tables set a threshold for them (`Params::weak_threshold`), decides lone
/// headings by their log-odds alone: above it a headline (a strong seed), else a subhead.
pub(super) fn settle_weak(l: &mut Labelling, ctx: &Ctx) {
    let Some(t) = ctx.params.weak_threshold() else { return };
    let seg = &l.seg;
    let hmm: Vec<usize> = (0..seg.units.len()).collect();
    let labels = vec![SeedId::from(0); seg.units.len()];
    let demote: TiVec<SeedId, bool> = seg.seeds.iter().map(|s| s.weak.is_some_and(|o| o <= t)).collect();
    // Nothing is labelled yet: the labels `rebuild` keeps are dropped.
    let mut out = rebuild(seg, &hmm, &labels, &demote).seg;
    for s in &mut out.seeds {
        s.weak = None;
    }
    l.seg = out;
}

/// Turns the `demoted` seeds into subhead units, keeping every unit's label (seed indices renumbered).
pub(super) fn rebuild(seg: &Segments, hmm: &[usize], labels: &[SeedId], demoted: &TiSlice<SeedId, bool>) -> Labelling {
    let headless = seg.seeds.next_key();
    let mut new_id: TiVec<SeedId, SeedId> = TiVec::with_capacity(seg.seeds.len() + 1);
    let mut k = 0;
    for &gone in demoted.iter() {
        new_id.push(SeedId::from(k));
        if !gone {
            k += 1;
        }
    }
    // The story under no headline stays after the last seed.
    new_id.push(SeedId::from(k));
    let label_of_unit: Vec<Option<SeedId>> = {
        let mut v = vec![None; seg.units.len()];
        for (i, &u) in hmm.iter().enumerate() {
            v[u] = Some(labels[i]);
        }
        v
    };
    let mut out = Segments::default();
    let mut hmm2 = Vec::new();
    let mut labels2 = Vec::new();
    let mut index = vec![0usize; seg.units.len() + 1];
    // Seeds in position order (index order among equals), and the nearest label at or below and
    // strictly above each position: one pass each, so many seeds cost no scan of the page apiece.
    let mut by_pos: Vec<SeedId> = seg.seeds.keys().filter(|&s| seg.seeds[s].at <= seg.units.len()).collect();
    by_pos.sort_by_key(|&s| seg.seeds[s].at);
    let mut label_below: Vec<Option<SeedId>> = vec![None; seg.units.len() + 1];
    for x in (0..seg.units.len()).rev() {
        label_below[x] = label_of_unit[x].or(label_below[x + 1]);
    }
    let mut label_above: Vec<Option<SeedId>> = vec![None; seg.units.len() + 1];
    for x in 1..=seg.units.len() {
        label_above[x] = label_of_unit[x - 1].or(label_above[x - 1]);
    }
    let mut next = 0;
    for pos in 0..=seg.units.len() {
        while next < by_pos.len() && seg.seeds[by_pos[next]].at == pos {
            let s = by_pos[next];
            let seed = &seg.seeds[s];
            next += 1;
            if demoted[s] {
                // The heading goes with the text below it (else the text above).
                let label = label_below[pos].or(label_above[pos]).unwrap_or(headless);
                hmm2.push(out.units.len());
                labels2.push(new_id[label]);
                out.units.push(Unit { block: seed.heads[0], kind: UnitKind::Subhead, weak: seed.weak });
            } else {
                let mut s2 = seed.clone();
                s2.at = out.units.len();
                out.seeds.push(s2);
            }
        }
        if pos == seg.units.len() {
            break;
        }
        index[pos] = out.units.len();
        if let Some(l) = label_of_unit[pos] {
            hmm2.push(out.units.len());
            labels2.push(new_id[l]);
        }
        out.units.push(seg.units[pos]);
    }
    // Seeds standing at the page's end keep `at` = number of units.
    for s in &mut out.seeds {
        s.at = s.at.min(out.units.len());
    }
    Labelling { seg: out, hmm: hmm2, labels: labels2 }
}

/// For each seed, where the next seed further down the page stands: the first later seed at a
/// greater position (`seg.units.len()` for the last ones).
pub(super) fn next_seed_at(seg: &Segments) -> TiVec<SeedId, usize> {
    let mut end_of: TiVec<SeedId, usize> = vec![seg.units.len(); seg.seeds.len()].into();
    let mut waiting: Vec<SeedId> = Vec::new();
    for t in seg.seeds.keys() {
        while let Some(&s) = waiting.last() {
            if seg.seeds[t].at > seg.seeds[s].at {
                end_of[s] = seg.seeds[t].at;
                waiting.pop();
            } else {
                break;
            }
        }
        waiting.push(t);
    }
    end_of
}

/// Seeds with no text of their own below them: the next thing is another seed, the page's end, or
/// text that starts mid-sentence or completes a sentence cut off above the headline (so continues
/// something else). Their headlines landed away from their stories; they take no text in the
/// assignment and are given to a story afterwards.
pub(super) fn orphan_seeds(seg: &Segments, ctx: &Ctx) -> TiVec<SeedId, bool> {
    // For each seed, where the next seed further down stands; and for each position, the first
    // paragraph at or after it. Both in one pass each, so a page of many seeds is not scanned once
    // per seed.
    let end_of = next_seed_at(seg);
    let mut para_from: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    for u in (0..seg.units.len()).rev() {
        para_from[u] = if seg.units[u].kind == UnitKind::Para { Some(u) } else { para_from[u + 1] };
    }
    // The sentence cut off just above a headline goes on in the paragraph straight under it (the
    // seam across says so), and the headline shares no words with it: the headline was set down
    // inside another story, and what is under it is that story's. A byline under the headline
    // says the text is the headline's own.
    let cut_across = |s: SeedId, u: usize| {
        let at = seg.seeds[s].at;
        u == at
            && at > 0
            && seg.seeds[s].bylines.is_empty()
            && seg.units[at - 1].kind == UnitKind::Para
            && ctx.classes[seg.units[at - 1].block].open_end
            && ctx.seam_score(seg.units[at - 1].block, seg.units[u].block) >= ctx.params.orphan_seam
            && sim(&merge_bags(&seg.seeds[s].heads, ctx.bags), &ctx.bags[seg.units[u].block], ctx.idf) < ctx.params.kicker_cohesion
    };
    seg.seeds
        .keys()
        .map(|s| {
            if seg.seeds[s].weak.is_some() {
                return false;
            }
            let at = seg.seeds[s].at;
            let end = end_of[s];
            let next_seed_same = seg.seeds.raw.get(usize::from(s) + 1).is_some_and(|t| t.at == at);
            if next_seed_same || seg.seeds[s].heads.is_empty() {
                return next_seed_same && !seg.seeds[s].heads.is_empty();
            }
            match para_from.get(at).copied().flatten().filter(|&u| u < end) {
                None => true,
                // In a reading order found from the page's geometry, the text under a headline is
                // its own, however it begins.
                // So is a rubric's, whose first notice may open on anything.
                Some(u) => !ctx.params.positional && !seg.seeds[s].is_rubric(ctx.classes) && (ctx.classes[seg.units[u].block].start.continues() || cut_across(s, u)),
            }
        })
        .collect()
}


/// Gives each headline that stands away from any text to the headless story (a byline or dispatch
/// with no headline) whose opening it fits best, before the assignment; headlines left over compete
/// for text anywhere on the page.
pub(super) fn marry_orphans(l: &mut Labelling, ctx: &Ctx) {
    let seg = &l.seg;
    let orphan = orphan_seeds(seg, ctx);
    let mut ats: Vec<usize> = seg.seeds.iter().map(|t| t.at).collect();
    ats.sort_unstable();
    let opening = |s: SeedId| -> Bag {
        let at = seg.seeds[s].at;
        let next_at = ats.get(ats.partition_point(|&a| a <= at)).copied();
        let end = next_at.unwrap_or(seg.units.len()).min(at + ctx.params.opening_span);
        let blocks: Vec<BlockId> = (at..end).filter(|&u| seg.units[u].kind == UnitKind::Para).map(|u| seg.units[u].block).collect();
        merge_bags(&blocks, ctx.bags)
    };
    let headless: Vec<SeedId> = seg.seeds.keys().filter(|&s| seg.seeds[s].heads.is_empty() && !orphan[s]).collect();
    let openings: Vec<Bag> = headless.iter().map(|&s| opening(s)).collect();
    let mut pairs: Vec<(f32, SeedId, SeedId)> = Vec::new();
    // A headline is weighed against the headless stories among the nearest seeds only, as the
    // assignment weighs a unit against the nearest stories: a page of many seeds stays linear.
    let reach = ctx.max_candidates.max(1);
    // The headless stories within reach of seed `s`, as positions in `headless` (and `openings`).
    let near = |s: SeedId| {
        let s = usize::from(s);
        headless.partition_point(|&h| usize::from(h) + reach < s)..headless.partition_point(|&h| usize::from(h) <= s + reach)
    };
    for o in seg.seeds.keys().filter(|&o| orphan[o] && !seg.seeds[o].heads.is_empty()) {
        let head = merge_bags(&seg.seeds[o].heads, ctx.bags);
        for j in near(o) {
            let h = headless[j];
            let sc = sim(&head, &openings[j], ctx.idf);
            if sc > ctx.params.orphan_fit_min {
                pairs.push((sc, o, h));
            }
        }
    }
    // A headline that landed on or under another story's headline group reads as its kicker or
    // deck: an end line of a group goes to a headless story whose opening it fits clearly better
    // than the text under the group (HERITAGE COMMUNICATIONS IN SPECIAL MEETING over a Finnish
    // market story). Only a line set apart from the group by a blank line: one group is set tight.
    // (fit, seed, headless story, whether the line is the group's last)
    let mut strays: Vec<(f32, SeedId, SeedId, bool)> = Vec::new();
    for s in seg.seeds.keys().filter(|&s| !orphan[s] && seg.seeds[s].weak.is_none() && seg.seeds[s].heads.len() >= 2) {
        let heads = &seg.seeds[s].heads;
        let last = heads.len() - 1;
        let ends = [(false, ctx.blocks[heads[1]].blank_before > 0), (true, ctx.blocks[heads[last]].blank_before > 0)];
        // Most groups are set tight: their text is not gathered.
        if !ends.iter().any(|&(_, set_apart)| set_apart) {
            continue;
        }
        let mine = opening(s);
        for (bottom, set_apart) in ends {
            if !set_apart {
                continue;
            }
            let (line, rest) = if bottom { (heads[last], &heads[..last]) } else { (heads[0], &heads[1..]) };
            let (line, rest) = (&ctx.bags[line], merge_bags(rest, ctx.bags));
            let (own, rest_own) = (sim(line, &mine, ctx.idf), sim(&rest, &mine, ctx.idf));
            for j in near(s) {
                let h = headless[j];
                let sc = sim(line, &openings[j], ctx.idf);
                // The whole group fitting that story is a headline group astray, not a stray line.
                if sc > ctx.params.stray_line_min && sc > ctx.params.stray_line_ratio * own && sim(&rest, &openings[j], ctx.idf) <= rest_own {
                    strays.push((sc, s, h, bottom));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    strays.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    // Every pair and stray is weighed on the seeds as they came: only now are they rewritten.
    let seeds = &mut l.seg.seeds;
    let mut gone: TiVec<SeedId, bool> = vec![false; seeds.len()].into();
    let mut wed = gone.clone();
    for (_, o, h) in pairs {
        if gone[o] || wed[h] {
            continue;
        }
        // The orphan's seed is dropped below: its heads move, uncopied.
        seeds[h].heads = std::mem::take(&mut seeds[o].heads);
        gone[o] = true;
        wed[h] = true;
    }
    let mut split = gone.clone();
    for (_, s, h, bottom) in strays {
        if split[s] || wed[h] {
            continue;
        }
        let heads = &mut seeds[s].heads;
        let line = if bottom { heads.pop().expect("two heads or more") } else { heads.remove(0) };
        seeds[h].heads = vec![line];
        split[s] = true;
        wed[h] = true;
    }
    super::drop_marked(&mut seeds.raw, &gone.raw);
}

crate::id::id! {
    /// A structural fragment of the labelled units (`fragments`), numbered down the page.
    FragId
}

/// Structural fragments of the HMM units: runs the page gives no reason to break. A unit's cohesion
/// with an article is measured without its own fragment, so a run cannot vouch for itself.
pub(super) fn fragments(seg: &Segments, ctx: &Ctx, hmm: &[usize]) -> Vec<FragId> {
    let mut out = Vec::with_capacity(hmm.len());
    let mut id = 0;
    // Seeds standing at or above each position, counted once: whether one stands between two
    // units is then a subtraction, not a walk over every seed.
    let mut seeds_upto = vec![0usize; seg.units.len() + 1];
    for sd in &seg.seeds {
        if sd.at <= seg.units.len() {
            seeds_upto[sd.at] += 1;
        }
    }
    for pos in 1..seeds_upto.len() {
        seeds_upto[pos] += seeds_upto[pos - 1];
    }
    for k in 0..hmm.len() {
        if k > 0 {
            let (pu, u) = (hmm[k - 1], hmm[k]);
            let pb = seg.units[pu].block;
            let b = seg.units[u].block;
            let between_other = u > pu + 1;
            let seed_between = seeds_upto[u] > seeds_upto[pu];
            let cut = seg.units[pu].kind == UnitKind::Para && ctx.classes[pb].open_end;
            let mid = ctx.classes[b].start.continues();
            let gap = ctx.blocks[b].blank_before >= 2;
            if between_other || seed_between || cut || mid || gap {
                id += 1;
            }
        }
        out.push(FragId::from(id));
    }
    out
}

/// For each seed over a photo story (see `segment::photo_story_end`), the units the story spans:
/// it ends where it is printed, and takes no text from elsewhere. A heading known only by itself
/// is left open: it may be a subhead of the story above. (Closing a seed's text at a credit
/// (（作者为…）) instead cut stories' sections off as often as it kept briefs whole.)
pub(super) fn closed_runs(seg: &Segments, ctx: &Ctx, orphan: &TiSlice<SeedId, bool>) -> TiVec<SeedId, Option<(usize, usize)>> {
    let seed_at = seg.seed_starts();
    seg.seeds
        .keys()
        .map(|s| {
            let lo = seg.seeds[s].at;
            if seg.seeds[s].weak.is_some() || orphan[s] || lo >= seg.units.len() {
                return None;
            }
            let below = &seg.units[lo..];
            // (A roundup's rubric set under another heading, with no text between, still spans
            // its items: its seed is the one nearest the text.)
            let last_here = seg.seeds.get(SeedId::from(usize::from(s) + 1)).is_none_or(|t| t.at != lo);
            let shared = seg.seeds.iter().filter(|t| t.at == lo).count() > 1 && !(last_here && seg.seeds[s].heads.first().is_some_and(|&h| ctx.classes[h].roundup));
            crate::segment::photo_story_end(below, |i| i > 0 && seed_at[lo + i], ctx.blocks, ctx.classes, ctx.lang)
                .or_else(|| signed_end(below, |i| i > 0 && seed_at[lo + i], ctx.classes))
                .or_else(|| rubric_end(&seg.seeds[s], below, |i| i > 0 && seed_at[lo + i], ctx.classes).filter(|_| !shared))
                .map(|end| (lo, lo + end + 1))
        })
        .collect()
}

/// Where the run of notices under a rubric ends (see `Lang::notice_rubric`): at the unit before
/// the next seed. Notices are printed whole, one under another, and share few words with each
/// other or their rubric: by cohesion alone they would scatter over every story on the page.
fn rubric_end(seed: &crate::segment::Seed, below: &[Unit], seed_at: impl Fn(usize) -> bool, classes: &TiSlice<BlockId, Class>) -> Option<usize> {
    if !seed.is_rubric(classes) {
        return None;
    }
    (1..below.len()).find(|&i| seed_at(i)).unwrap_or(below.len()).checked_sub(1)
}

/// Where a piece under a seed ends at its author's signature, if it does: the index in `below` of
/// the first signature (a credit naming its author) before the next seed. The piece is printed
/// whole between its headline and its name.
fn signed_end(below: &[Unit], seed_at: impl Fn(usize) -> bool, classes: &TiSlice<BlockId, Class>) -> Option<usize> {
    below.iter().enumerate().take_while(|&(i, _)| !seed_at(i)).find(|(_, u)| u.kind == UnitKind::Credit && !classes[u.block].signs.is_empty()).map(|(i, _)| i)
}
