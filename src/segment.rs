//! Segment: classified blocks into article seeds (headline groups, bylines) and the units of text between them.
//!
//! A single heading-shaped block is either a headline or a subhead; which one is decided here from
//! what surrounds it: a byline under it, a credit above it, and whether the text on its two sides
//! reads as one story.

use crate::blocks::Block;
use crate::classify::{Class, Shape};
use crate::model::cohesion::{sim, Bag, Idf, Profile};

/// Where an article starts: its headline group and bylines (either may be missing, not both).
#[derive(Debug, Clone)]
pub struct Seed {
    /// Heading blocks of the headline group, top to bottom.
    pub heads: Vec<usize>,
    /// Byline blocks, and dateline blocks standing between them and the text.
    pub bylines: Vec<usize>,
    /// Index into `units` of the first unit below the seed (`units.len()` at the page's end).
    pub at: usize,
    /// A weak seed is a single heading promoted on cohesion alone.
    pub weak: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Para,
    Subhead,
    Caption,
    Credit,
    Jump,
}

/// A block of article text in page order.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub block: usize,
    pub kind: UnitKind,
}

#[derive(Debug, Default)]
pub struct Segments {
    pub seeds: Vec<Seed>,
    pub units: Vec<Unit>,
}

/// Similarity of two runs of text below which they are taken for different stories.
const SAME_STORY: f32 = 0.06;

/// Splits the page into seeds and units. `bags` holds every block's features, `idf` the page's.
pub fn segment(blocks: &[Block], classes: &[Class], bags: &[Bag], idf: &Idf) -> Segments {
    let items: Vec<usize> =
        (0..blocks.len()).filter(|&i| !matches!(classes[i].shape, Shape::Furniture | Shape::Noise)).collect();
    let mut seg = Segments::default();
    // Single headings whose fate waits for cohesion: (item position, block).
    let mut weak: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let b = items[i];
        match classes[b].shape {
            Shape::Heading => {
                let mut k = i;
                while k < items.len() && classes[items[k]].shape == Shape::Heading {
                    k += 1;
                }
                let mut m = k;
                while m < items.len() && matches!(classes[items[m]].shape, Shape::Byline | Shape::Dateline) {
                    m += 1;
                }
                let group: Vec<usize> = items[i..k].to_vec();
                let bylines: Vec<usize> = items[k..m].to_vec();
                let next_has_byline = items.get(m).is_some_and(|&n| !classes[n].bylines.is_empty());
                let strong = !bylines.is_empty()
                    || group.len() >= 2
                    || group.iter().any(|&g| classes[g].deck_marker)
                    || next_has_byline
                    || classes[b].caps;
                if strong {
                    seg.seeds.push(Seed { heads: group, bylines, at: seg.units.len(), weak: false });
                } else {
                    weak.push((seg.units.len(), b));
                    seg.units.push(Unit { block: b, kind: UnitKind::Subhead });
                }
                i = m;
            }
            Shape::Byline | Shape::Dateline if classes[b].shape == Shape::Byline || !classes[b].bylines.is_empty() => {
                let mut m = i;
                while m < items.len() && matches!(classes[items[m]].shape, Shape::Byline | Shape::Dateline) {
                    m += 1;
                }
                seg.seeds.push(Seed { heads: Vec::new(), bylines: items[i..m].to_vec(), at: seg.units.len(), weak: false });
                i = m;
            }
            shape => {
                let kind = match shape {
                    Shape::Caption => UnitKind::Caption,
                    Shape::Credit => UnitKind::Credit,
                    Shape::Jump => UnitKind::Jump,
                    _ => UnitKind::Para,
                };
                seg.units.push(Unit { block: b, kind });
                i += 1;
            }
        }
    }
    resolve_weak(&mut seg, &weak, classes, bags, idf);
    seg
}

/// The blocks of up to `n` paragraph units from `from` going in direction `step`, stopping at a seed.
fn context(seg: &Segments, from: isize, step: isize, n: usize, seed_at: &[bool]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = from;
    while i >= 0 && (i as usize) < seg.units.len() && out.len() < n {
        let u = seg.units[i as usize];
        if u.kind == UnitKind::Para {
            out.push(u.block);
        }
        if step > 0 && seed_at.get(i as usize + 1).copied().unwrap_or(false) {
            break;
        }
        if step < 0 && seed_at[i as usize] {
            break;
        }
        i += step;
    }
    out
}

fn resolve_weak(seg: &mut Segments, weak: &[(usize, usize)], classes: &[Class], bags: &[Bag], idf: &Idf) {
    if weak.is_empty() {
        return;
    }
    let n = seg.units.len();
    let mut seed_at = vec![false; n + 1];
    for s in &seg.seeds {
        seed_at[s.at] = true;
    }
    // The opening text of each strong seed: what a subhead's story would most likely be.
    let openings: Vec<Profile> = seg
        .seeds
        .iter()
        .map(|s| {
            let blocks_of = context(seg, s.at as isize, 1, 3, &seed_at);
            Profile::build(blocks_of.iter().map(|&b| &bags[b]).chain(s.heads.iter().map(|&h| &bags[h])), idf)
        })
        .collect();
    let mut promote = Vec::new();
    for &(ui, b) in weak {
        let before = if seed_at[ui] { Vec::new() } else { context(seg, ui as isize - 1, -1, 3, &seed_at) };
        let after = context(seg, ui as isize + 1, 1, 3, &seed_at);
        let prev_unit = if ui > 0 && !seed_at[ui] { Some(seg.units[ui - 1]) } else { None };
        let headline = if after.is_empty() {
            // Nothing under it: a headline that landed away from its story, if anything.
            true
        } else if seed_at[ui] {
            // Straight under a headline group or byline: a subhead (or a standfirst label).
            false
        } else if prev_unit.is_none() {
            true
        } else if prev_unit.is_some_and(|u| u.kind == UnitKind::Credit) {
            true
        } else {
            let bag_after = merge(&after, bags);
            let bag_before = merge(&before, bags);
            let cont = sim(&bag_before, &bag_after, idf);
            let elsewhere = openings.iter().map(|p| p.sim(&bag_after, idf, false)).fold(0.0f32, f32::max);
            let prev_open = prev_unit.is_some_and(|u| u.kind == UnitKind::Para && classes[u.block].open_end);
            let own = sim(&bags[b], &bag_after, idf);
            cont.max(elsewhere) < SAME_STORY && !(prev_open && own < SAME_STORY)
        };
        if headline {
            promote.push(ui);
        }
    }
    if promote.is_empty() {
        return;
    }
    // Turn promoted subhead units into seeds, renumbering what follows them.
    let mut units = Vec::with_capacity(n);
    let mut new_index = vec![0usize; n + 1];
    let mut new_seeds = Vec::new();
    for (i, u) in seg.units.iter().enumerate() {
        new_index[i] = units.len();
        if promote.contains(&i) {
            new_seeds.push(Seed { heads: vec![u.block], bylines: Vec::new(), at: units.len(), weak: true });
        } else {
            units.push(*u);
        }
    }
    new_index[n] = units.len();
    for s in &mut seg.seeds {
        s.at = new_index[s.at];
    }
    seg.seeds.extend(new_seeds);
    seg.seeds.sort_by_key(|s| (s.at, s.heads.first().or(s.bylines.first()).copied()));
    seg.units = units;
}

fn merge(blocks: &[usize], bags: &[Bag]) -> Bag {
    Bag::sum(blocks.iter().map(|&b| &bags[b]))
}

pub fn merge_bags(blocks: &[usize], bags: &[Bag]) -> Bag {
    merge(blocks, bags)
}
