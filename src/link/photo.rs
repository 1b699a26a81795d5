//! Picture stories whose standing headline (图片报道) landed away from them: the label goes to the photo's text.
//!
//! A picture story is a photo, a paragraph about it and the photographer's credit, under a standing
//! label (`Lang::photo_label`). Read column by column, the label may stand at one end of the page and
//! the paragraph and credit inside another story, which then takes them as its own text and caption.
//! The label shares no words with the paragraph, so the orphan headlines' cohesion cannot find it.

use std::collections::BTreeMap;

use super::prepare::orphan_seeds;
use super::{Ctx, Labelling};
use crate::model::cohesion::sim;
use crate::segment::{merge_bags, photo_story_end, Seed, UnitKind};

/// Gives each picture-story label that heads no text of its own (an orphan seed, or the top line
/// of another headline's group: a picture's label is no kicker) the nearest photo's text that no
/// headline heads: a paragraph that opens a sentence, closed at once by a photographer's credit
/// (`photo_story_end`). The label's seed moves there, so the paragraph and credit open a story.
pub(super) fn place_labels(l: &mut Labelling, ctx: &Ctx) {
    if ctx.lang.photo_label.is_empty() {
        return;
    }
    let seg = &l.seg;
    let is_label = |s: &Seed| s.heads.first().is_some_and(|&h| ctx.lang.is_photo_label(&ctx.blocks[h].text));
    if !seg.seeds.iter().any(is_label) {
        return;
    }
    let orphan = orphan_seeds(seg, ctx);
    let lonely: Vec<usize> = (0..seg.seeds.len())
        .filter(|&k| {
            let s = &seg.seeds.raw[k];
            is_label(s) && (s.heads.len() > 1 || (s.bylines.is_empty() && orphan.raw[k]))
        })
        .collect();
    if lonely.is_empty() {
        return;
    }
    let n = seg.units.len();
    let seed_at = seg.seed_starts();
    // One paragraph only, opening a sentence (it may stand where a column broke off): a story's own
    // paragraphs may stand above it, and the credit closes the photo's text at once.
    let photos: Vec<usize> = (0..n)
        .filter(|&i| seg.units[i].kind == UnitKind::Para && !seed_at[i] && !ctx.classes[seg.units[i].block].start.continues())
        .filter(|&i| photo_story_end(&seg.units[i..(i + 2).min(n)], |j| seed_at[i + j], ctx.blocks, ctx.classes, ctx.lang) == Some(1))
        .collect();
    crate::work::add(n as u64);
    // The photo's text may run to a paragraph or two more above: each that reads with it more than
    // with the text above it (26日，…丹寨县… over 近年来，丹寨县…, under another story's end).
    let para = |p: usize| seg.units[p].kind == UnitKind::Para;
    let bag = |p: usize| &ctx.bags[seg.units[p].block];
    let opening = |i: usize| {
        let mut top = i;
        while i - top + 1 < ctx.lang.classify.photo_story_max && top > 0 && para(top - 1) && !seed_at[top] {
            let text = merge_bags(&(top..=i).map(|p| seg.units[p].block).collect::<Vec<_>>(), ctx.bags);
            let with_photo = sim(bag(top - 1), &text, ctx.idf);
            let with_above = if top > 1 && para(top - 2) { sim(bag(top - 1), bag(top - 2), ctx.idf) } else { 0.0 };
            if with_photo <= with_above {
                break;
            }
            top -= 1;
        }
        top
    };
    // A headless story that opens there is the photo's text already: the label heads it.
    let mut headless_at: Vec<Option<usize>> = vec![None; n + 1];
    for (k, s) in seg.seeds.iter().enumerate().rev() {
        if s.heads.is_empty() && s.bylines.is_empty() {
            headless_at[s.at] = Some(k);
        }
    }
    // By position, so that each label finds its nearest photo in a bisection, however many there are.
    let mut photos: BTreeMap<usize, Option<usize>> = photos.into_iter().map(opening).map(|top| (top, headless_at[top])).collect();
    let mut seeds: Vec<Seed> = std::mem::take(&mut l.seg.seeds).into();
    let mut gone = vec![false; seeds.len()];
    for k in lonely {
        let at = seeds[k].at;
        let above = photos.range(..=at).next_back().map(|(&p, _)| p);
        let below = photos.range(at..).next().map(|(&p, _)| p);
        let Some(photo) = above.into_iter().chain(below).min_by_key(|&p| (p.abs_diff(at), p)) else { break };
        let story = photos.remove(&photo).flatten();
        let label = if seeds[k].heads.len() > 1 {
            // The headline under the label keeps its place, bylines and text.
            seeds[k].heads.remove(0)
        } else {
            gone[k] = true;
            seeds[k].heads[0]
        };
        match story {
            Some(h) => seeds[h].heads = vec![label],
            None => seeds.push(Seed { heads: vec![label], bylines: Vec::new(), at: photo, weak: None }),
        }
    }
    // The labels' old seeds go; the rest back into page order (seeds at one position keep theirs).
    gone.resize(seeds.len(), false);
    let mut seeds: Vec<Seed> = seeds.into_iter().zip(gone).filter_map(|(s, gone)| (!gone).then_some(s)).collect();
    seeds.sort_by_key(|s| s.at);
    l.seg.seeds = seeds.into();
}
