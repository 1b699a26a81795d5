//! Headline stacks of the old style: a headline, a deck or two, and another headline, all set tight over one story.
//!
//! Old papers head a story with several decks, alternating capitals and lower case (BIGAMY CHARGE.
//! / Amazing Defence. / JUDGE DISCHARGES JURY. / MELBOURNE, Thursday.; IN PROBATE. / (Before Mr.
//! Justice Harvey.) / WILL OF AMY JONES.). The lower-case deck reads as a line of text between two
//! headings, so the first heading would head a story of one line, and the second the story.

use super::{Seed, Segments, UnitKind};
use crate::blocks::{Block, BlockId};
use crate::classify::{Class, Shape};
use crate::lang::Lang;
use typed_index_collections::TiSlice;

/// Where the stack that a heading run goes on begins.
#[derive(Debug, Clone, Copy)]
pub enum Stack {
    /// The last seed stands at this unit, with nothing under it but the decks.
    Seed(usize),
    /// A lone heading, still waiting to be weighed, is this unit; the decks follow it.
    Weak(usize),
}

/// The stack that the heading run `items[i..k]` (bylines and datelines to `m`) goes on, if it
/// does: the units since the heading above are a few short lines (decks, `stack_gap_max` lines in
/// all, `stack_line_max` characters each: phrases, or a rule read as a mark), and every line from
/// that heading to the run's last is set tight. `weak` lists the lone headings waiting to be
/// weighed (unit position, block). Only a stack over its story is one: a byline, a dateline or
/// text follows the run, not another listed line (THÉÂTRE FRANÇAIS. / La Mère rivale. / THÉÂTRE DU
/// VAUDEVILLE. / …).
pub fn stacked_on(seg: &Segments, items: &[BlockId], (i, k, m): (usize, usize, usize), weak: &[(usize, BlockId)], blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>, lang: &Lang) -> Option<Stack> {
    let t = &lang.classify;
    let b = items[i];
    let heading = |x: usize| items.get(x).is_some_and(|&h| classes[h].shape == Shape::Heading);
    let line = |x: usize| items.get(x).is_some_and(|&l| blocks[l].n_lines() == 1 && blocks[l].stats.chars <= t.stack_line_max);
    let over_text = m > k || items.get(k).is_some_and(|&x| classes[x].starts_story()) || (k < items.len() && !heading(k) && !(line(k) && heading(k + 1)));
    let tight = items[i..k].iter().all(|&h| blocks[h].blank_before == 0);
    if !over_text || !tight || !phrase(&blocks[b]) {
        return None;
    }
    let deck = |x: BlockId| {
        let (bl, cl) = (&blocks[x], &classes[x]);
        // A rule between decks, which the OCR reads as a mark or two (-«, ?), stands for no line.
        let rule = bl.stats.chars <= 2 && !bl.text.chars().any(char::is_alphanumeric);
        (phrase(bl) || rule) && bl.blank_before == 0 && bl.stats.chars <= t.stack_line_max && cl.bylines.is_empty() && cl.dateline.is_none() && !cl.opens_story()
    };
    // The decks' lines, counted up from the heading: `stack_gap_max` at most.
    let (mut n, mut lines) = (0, 0);
    for u in seg.units.iter().rev() {
        if u.kind != UnitKind::Para || !deck(u.block) {
            break;
        }
        lines += blocks[u.block].n_lines();
        if lines > t.stack_gap_max {
            return None;
        }
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let p = seg.units.len() - n;
    let (stack, top) = match seg.seeds.last().filter(|s| s.at == p) {
        Some(s) if s.heads.is_empty() || !s.bylines.is_empty() || s.weak.is_some() => return None,
        Some(s) => (Stack::Seed(p), s.heads[0]),
        None => {
            let q = p.checked_sub(1)?;
            let head = seg.units[q];
            if head.kind != UnitKind::Subhead || !weak.iter().any(|&(ui, _)| ui == q) || seg.seeds.last().is_some_and(|s| s.at > q) {
                return None;
            }
            (Stack::Weak(q), head.block)
        }
    };
    // The foot of a list (… / PRINCESS THEATRE. / The Rivals. / OLYMPIC THEATRE. / text) looks
    // like a stack: its top heading is a name listed under another's line.
    let listed = usize::from(top).checked_sub(2).is_some_and(|h| {
        let (h, l) = (BlockId::from(h), BlockId::from(h + 1));
        blocks[top].blank_before == 0 && deck(l) && classes[h].shape == Shape::Heading
    });
    (!listed).then_some(stack)
}

/// Makes the decks under the stack's top, and the heading run with its bylines, one seed's.
pub fn join(seg: &mut Segments, weak: &mut Vec<(usize, BlockId)>, stack: Stack, run: &[BlockId], bylines: &[BlockId]) {
    let from = match stack {
        Stack::Seed(p) | Stack::Weak(p) => p,
    };
    let decks: Vec<BlockId> = seg.units.drain(from..).map(|u| u.block).collect();
    if let Stack::Weak(q) = stack {
        weak.retain(|&(ui, _)| ui != q);
        seg.seeds.push(Seed { heads: Vec::new(), bylines: Vec::new(), at: from, weak: None });
    }
    let seed = seg.seeds.last_mut().expect("a stack has a seed");
    seed.heads.extend(decks.into_iter().chain(run.iter().copied()));
    seed.bylines.extend(bylines);
    seed.at = seg.units.len();
}

/// Words, not figures: a line of a table (763 » 765, S3/S ., *! 2IS J) is no heading or deck.
fn phrase(bl: &Block) -> bool {
    let letters = bl.stats.latin + bl.stats.cjk;
    letters >= 4 && letters >= 2 * bl.stats.digits
}

#[cfg(test)]
mod tests {
    use crate::lang::LangCode;
    use crate::Analysed;

    /// The head lines of each seed of `page` that has any.
    fn stacks(page: &str) -> Vec<Vec<String>> {
        let a = Analysed::of_text(page, LangCode::En);
        let seg = a.segments();
        seg.seeds.iter().filter(|s| !s.heads.is_empty()).map(|s| s.heads.iter().map(|&h| a.blocks[usize::from(h)].text.clone()).collect()).collect()
    }

    const BODY: &str = "The board met yesterday and approved the plans for a new wharf on the eastern side of the cove,\nto be built in the coming year by the department of harbours and rivers.\nThe engineer said the dredging would be finished before the works began.\n";

    #[test]
    fn a_deck_between_two_headings_set_tight_makes_one_headline_stack() {
        let s = stacks(&format!("THE HARBOUR WORKS.\nBoard Meets at Last.\nNEW WHARF APPROVED.\n{BODY}"));
        assert_eq!(s, [["THE HARBOUR WORKS.", "Board Meets at Last.", "NEW WHARF APPROVED."]]);
        // A bracketed court line is a deck as well, and a rule the OCR read as specks is no line.
        let s = stacks(&format!("IN PROBATE.\n(Before Mr. Justice Hale.)\n-«\nWILL OF JOHN SMITH.\n{BODY}"));
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].first().map(String::as_str), Some("IN PROBATE."));
        assert_eq!(s[0].last().map(String::as_str), Some("WILL OF JOHN SMITH."));
    }

    #[test]
    fn figures_and_listings_are_no_headline_stack() {
        // A share list's names over their prices, and a list of theatres over their bills.
        for page in ["SOCIETE GENERALE\n763 » 765 » 1921\nRENTE FONCIERE.\n", "ROYAL THEATRE.\nThe Tempest.\nPRINCESS THEATRE.\nThe Rivals.\nOLYMPIC THEATRE.\n"] {
            let s = stacks(&format!("{page}{BODY}"));
            assert!(s.iter().all(|h| h.iter().filter(|t| t.chars().filter(|c| c.is_uppercase()).count() > 8).count() <= 1), "{s:?}");
        }
    }
}
