//! News roundups: dispatches that open on their place and date under no headline of their own are items of the roundup running above them.
//!
//! Old papers print their foreign and provincial news as a run of dispatches under one rubric
//! (DÉPÊCHES DE L'AGENCE HAVAS, then Londres, 7 février. …, Berlin, 7 février. …), or under none.
//! Each dispatch's dateline would open a story of its own; the paper prints them as one.

use super::{broke_off_over, Segments, UnitKind};
use crate::blocks::{Block, BlockId};
use crate::classify::{Class, Shape};
use crate::lang::Lang;
use typed_index_collections::TiSlice;

/// Which units head the items of a headed roundup (`Class::roundup`): the headings in capitals
/// under its rubric, until a story's own headline group, a heading in lower case, a signature or
/// a heading under text broken off closes the run. One pass, in page order.
pub fn headed_items(seg: &Segments, blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>) -> Vec<bool> {
    let mut item = vec![false; seg.units.len()];
    let mut open = false;
    let mut seeds = seg.seeds.iter().peekable();
    for (i, u) in seg.units.iter().enumerate() {
        // (Under a seed, what stands above the unit is that seed's headline, not text.)
        let mut above = i.checked_sub(1).map(|j| seg.units[j]);
        while let Some(s) = seeds.next_if(|s| s.at <= i) {
            above = None;
            if !s.heads.is_empty() || !s.bylines.is_empty() {
                open = s.heads.first().is_some_and(|&h| classes[h].roundup);
            }
        }
        let c = &classes[u.block];
        match u.kind {
            UnitKind::Subhead => {
                // A heading under text broken off is no item: another story's column came
                // between (LA MODE under a feuilleton set in among the radio programmes).
                let broke = above.is_some_and(|a| broke_off_over(a, u.block, blocks, classes));
                item[i] = open && c.caps && !broke;
                open &= c.caps && !broke;
            }
            UnitKind::Credit if !c.signs.is_empty() => open = false,
            _ => {}
        }
    }
    item
}

/// Whether the paragraph of block `b`, which opens on a dateline, is the next item of a roundup:
/// its dateline is of the kind the language's roundups use, and the story running above it (since
/// its last seed, not closed by a signature) already holds a dispatch of that kind.
pub fn continues_roundup(b: BlockId, seg: &Segments, classes: &TiSlice<BlockId, Class>, lang: &Lang) -> bool {
    let item = |x: BlockId| classes[x].dateline.as_deref().is_some_and(|d| lang.is_roundup_item(d));
    if !item(b) {
        return false;
    }
    let Some(seed) = seg.seeds.last() else { return false };
    let running = &seg.units[seed.at.min(seg.units.len())..];
    let signed = running.last().is_some_and(|u| !classes[u.block].signs.is_empty() || classes[u.block].shape == Shape::Credit);
    !signed && running.iter().any(|u| u.kind == UnitKind::Para && item(u.block))
}
