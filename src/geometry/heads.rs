//! Heads: which display pieces of a structured page stand together as one headline group, with
//! the kickers and decks set beside, over and under them, and the title's ink read apart.

use super::order::{Piece, LEAD_WORDS_CHARS};
use super::{overlap, x_overlap, GeoParams, LineGeo};
use crate::ocrxml::{BBox, Document};

/// How far two pieces share a band (their vertical overlap) and how far apart they stand along
/// it (the gap between their boxes, below zero where they overlap).
fn side_by_side(a: &Piece, b: &Piece) -> (f32, f32) {
    (overlap(a.bbox.y, a.bbox.bottom(), b.bbox.y, b.bbox.bottom()), a.bbox.x.max(b.bbox.x) - a.bbox.right().min(b.bbox.right()))
}

/// Whether piece `b` belongs with the headline pieces of `g`: side by side on one band, or stacked
/// tight above or below one of them.
fn touches(b: &Piece, g: &[usize], pieces: &[Piece], p: &GeoParams, unit_h: f32) -> bool {
    let columns_of = |pc: &Piece, lines: usize| super::apart::column_under(pc, pieces, lines);
    // A piece reaching out of its column into a gutter is part of a title set across columns: so
    // is the piece beside it. The column is read off text, not off a deck set narrower. (Its
    // letters reach out: marks an engine read off specks in the gutter beside a title do not.)
    let reaches = |left: &Piece, right: &Piece| {
        let out = |pc: &Piece| columns_of(pc, COLUMN_LINES).is_some_and(|c| pc.letters.0 < c.0 - OVERHANG * unit_h || pc.letters.1 > c.1 + OVERHANG * unit_h);
        out(left) || out(right)
    };
    g.iter().any(|&k| {
        let h = &pieces[k];
        let em = h.bbox.h.max(b.bbox.h).max(unit_h);
        let (y_ov, x_gap) = side_by_side(b, h);
        let lines = |pc: &Piece| (pc.lines.len() as f32).max(1.0);
        let line_h = (h.bbox.h / lines(h)).max(b.bbox.h / lines(b));
        // Measured in body lines: a title an engine read in pieces splits at a word space; but
        // two titles each set over a column of its own are the titles of two stories.
        let (left, right) = if b.bbox.x <= h.bbox.x { (b, h) } else { (h, b) };
        let own_columns = || match (columns_of(left, 2), columns_of(right, 2)) {
            (Some(cl), Some(cr)) => overlap(cl.0, cl.1, cr.0, cr.1) <= 0.0 && !reaches(left, right),
            _ => false,
        };
        // An engine may lose a Chinese title's character (美好生活新 | 待, 期 lost): its halves
        // stand a character of the title's own size apart, more than a word space of the body's.
        // (Latin titles side by side stand that far apart: LUFTHANSA SAYS … | Leading Industrial.)
        // An aside in brackets after a title stands off it by the space its marks hold (！（).
        let aside = right.bracket && x_gap < ASIDE_GAP * line_h;
        // (Halves of one line: their first lines stand on one band, tops level.)
        let level = (b.bbox.y - h.bbox.y).abs() <= 0.5 * (b.bbox.h / lines(b)).min(h.bbox.h / lines(h));
        // (A full-width mark closing the left half leaves the blank of its em to the gap: 村子大家管，
        // | 子更美满, 日 lost.)
        let blank = if left.mark_end { MARK_BLANK * line_h } else { 0.0 };
        let lost = b.cjk && h.cjk && level && x_gap < LOST_CHARACTER * line_h + blank;
        let near = x_gap < p.band_gap * unit_h || lost || aside;
        // An aside over a column of its own is still the title's on its line: a story's own title
        // does not open on a bracket.
        let band = y_ov >= 0.5 * b.bbox.h.min(h.bbox.h) && (aside || (near && !own_columns()));
        let below = b.bbox.y - h.bbox.bottom();
        let above = h.bbox.y - b.bbox.bottom();
        // Boxes of a title's two lines may overlap a little (a tall mark's ink, 《, reaching into
        // the line under it: 技术创新要真正聚焦应用《创新 / 谈).
        // (Lines of display type only: a kicker or deck in smaller type is set clear of its title.)
        // (A kicker or deck may touch its title's box by a speck of ink, the engine's box of a mark
        // reaching down: 栗战书参加审议 under …工作报告稿.)
        let touch = -(if b.display && h.display { TALL_INK } else { SPECK_INK }) * b.bbox.h.min(h.bbox.h);
        let stacked = x_overlap(&b.bbox, &h.bbox) > 0.0 && ((touch..p.stack_gap * line_h.max(em / 4.0)).contains(&below) || (touch..p.stack_gap * line_h).contains(&above));
        band || stacked
    })
}

/// A line centred tight over a title is its kicker set this much bigger than the body: its place
/// says what a size a shade under the kicker size (`GeoParams::minor`) leaves open.
pub(crate) const CENTRED_KICKER: f32 = 1.05;
/// The halves of a kicker's line are measured within this share of each other's size.
const HALF_LIKE: f32 = 0.12;

/// Stacked lines of a title may overlap by this share of the shorter's box.
const TALL_INK: f32 = 0.3;
/// A kicker or deck set clear of its title may still overlap its box by this share of the
/// shorter's: a speck's or a mark's box the engine drew a few pixels too tall.
const SPECK_INK: f32 = 0.1;

/// An aside in brackets set after a title on its line stands at most this many of its lines
/// off it: a full-width mark's blank on either side of the gap, and a word space.
const ASIDE_GAP: f32 = 2.0;

/// Halves of one title the engine lost a character between stand this many of its lines apart.
const LOST_CHARACTER: f32 = 1.2;
/// The blank part of a full-width mark's em after its ink, in its lines: a comma's ink takes the
/// left third of the em.
const MARK_BLANK: f32 = 0.6;

/// A column is read off text of at least this many lines under or over a title: a deck of two
/// lines is set narrower than the column.
const COLUMN_LINES: usize = 3;

/// A title over a column of its own stands inside it, give or take this many body lines (ink,
/// a skewed box); one reaching further runs on over the next column.
const OVERHANG: f32 = 0.75;

/// Headline groups: display pieces that stand together, with the kickers and decks set beside them.
pub(crate) fn groups(pieces: &[Piece], p: &GeoParams, unit_h: f32) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..pieces.len()).filter(|&k| pieces[k].display).collect();
    order.sort_by(|&a, &b| pieces[a].bbox.y.total_cmp(&pieces[b].bbox.y).then(pieces[a].bbox.x.total_cmp(&pieces[b].bbox.x)));
    let mut gs: Vec<Vec<usize>> = Vec::new();
    for k in order {
        match gs.iter_mut().find(|g| touches(&pieces[k], g, pieces, p, unit_h)) {
            Some(g) => g.push(k),
            None => gs.push(vec![k]),
        }
    }
    // Taken top down, a piece joins the first group it touches, though it may touch a later one
    // too: an aside set a pixel higher than its title ((说道) over 你用过 | 加收的红包吗?) starts a
    // group before the title's halves do. Groups that touch are one.
    let mut i = 0;
    while i < gs.len() {
        match (i + 1..gs.len()).find(|&j| gs[j].iter().any(|&k| touches(&pieces[k], &gs[i], pieces, p, unit_h))) {
            Some(j) => {
                let g = gs.remove(j);
                gs[i].extend(g);
            }
            None => i += 1,
        }
    }
    // Kickers and decks: short pieces set a little bigger than the body, touching a group; and
    // a word or two set small right over a title and inside its width, the first words of the
    // title set down ("LES" over "DEUX GENDARMES"). Taken top down, a kicker's upper line, the
    // engine's block of its own, may touch only the kicker's last line, which joins after it: it
    // is taken again, where it stands tight over that line and is no narrower (a kicker's lines run
    // its full measure over a short last one).
    let mut joined: Vec<bool> = (0..pieces.len()).map(|k| gs.iter().any(|g| g.contains(&k))).collect();
    let mut again = true;
    let mut first = true;
    while again {
        again = false;
        for k in 0..pieces.len() {
            let pc = &pieces[k];
            let short = pc.chars <= p.minor_chars && pc.lines.len() <= 2;
            let minor = short && pc.ratio >= p.minor;
            let lead = pc.chars <= LEAD_WORDS_CHARS && pc.lines.len() == 1;
            let near_minor = short && pc.ratio >= CENTRED_KICKER;
            if joined[k] || pc.display || !(minor || lead || near_minor) {
                continue;
            }
            // Centred over the title, tight over it, narrower than it: its kicker, the title's
            // pieces taken together (the engine may box a title in halves a word space apart).
            let centred_over = |g: &Vec<usize>| {
                let t = BBox::around(g.iter().map(|&h| &pieces[h].bbox));
                let top = g.iter().map(|&h| &pieces[h]).min_by(|a, b| a.bbox.y.total_cmp(&b.bbox.y)).expect("groups are not empty");
                let line_h = top.bbox.h / top.lines.len().max(1) as f32;
                super::kicker_over(&pc.bbox, &t, p.stack_gap * line_h)
            };
            let over_title = |g: &Vec<usize>| {
                g.iter().any(|&h| {
                    let t = &pieces[h].bbox;
                    let centre = pc.bbox.x + pc.bbox.w / 2.0;
                    let gap = t.y - pc.bbox.bottom();
                    (t.x..=t.right()).contains(&centre) && (0.0..p.stack_gap * t.h.min(unit_h * 2.0)).contains(&gap)
                })
            };
            // (A kicker's or deck's line, joined before, stands in a group of display type.)
            let over_kicker = |g: &Vec<usize>| {
                g.iter().any(|&q| {
                    let b = &pieces[q].bbox;
                    let line_h = (pc.bbox.h / pc.lines.len() as f32).max(b.h / pieces[q].lines.len() as f32);
                    !pieces[q].display && x_overlap(&pc.bbox, b) > 0.0 && pc.bbox.w >= b.w && (0.0..p.stack_gap * line_h).contains(&(b.y - pc.bbox.bottom()))
                })
            };
            let joins = |g: &Vec<usize>| match (first, minor) {
                // (A piece of the kicker size is near it too.)
                (true, true) => touches(pc, g, pieces, p, unit_h) || centred_over(g),
                (true, false) => lead && over_title(g) || near_minor && centred_over(g),
                (false, _) => minor && over_kicker(g),
            };
            if let Some(g) = gs.iter_mut().find(|g| joins(g)) {
                g.push(k);
                joined[k] = true;
                again = true;
            }
        }
        first = false;
    }
    // A deck's last line set as big as the title (体会议上的工作报告 under ——在中国共产党第十九届
    // …三次全): it stands tight under the deck's line, over the same measure, and made a group
    // of its own before the deck joined the title's.
    let under_deck = |q: &Piece, g: &[usize]| {
        g.iter().any(|&d| {
            let dk = &pieces[d];
            let line_h = dk.bbox.h / dk.lines.len().max(1) as f32;
            !dk.display && x_overlap(&q.bbox, &dk.bbox) >= 0.5 * q.bbox.w.min(dk.bbox.w) && (0.0..p.stack_gap * line_h).contains(&(q.bbox.y - dk.bbox.bottom()))
        })
    };
    // (A group it joins holds a deck's line, so is no such group itself: one pass finds them all.)
    let lone_title = |g: &[usize]| g.iter().all(|&k| pieces[k].display);
    let deck_of: Vec<Option<usize>> =
        (0..gs.len()).map(|j| if lone_title(&gs[j]) { (0..gs.len()).find(|&i| i != j && gs[j].iter().any(|&k| under_deck(&pieces[k], &gs[i]))) } else { None }).collect();
    for (j, i) in deck_of.into_iter().enumerate() {
        if let Some(i) = i {
            let g = std::mem::take(&mut gs[j]);
            gs[i].extend(g);
        }
    }
    gs.retain(|g| !g.is_empty());
    // A kicker's or deck's line the engine boxed in two (香港治理城市噪 | 音办法多见成效): the half
    // measured a little under the kicker size stands tight beside the other, in the same type.
    let grouped: Vec<bool> = (0..pieces.len()).map(|k| gs.iter().any(|g| g.contains(&k))).collect();
    for k in 0..pieces.len() {
        let pc = &pieces[k];
        if grouped[k] || pc.display || pc.lines.len() != 1 || pc.chars > p.minor_chars || pc.ratio <= 1.0 {
            continue;
        }
        let beside = |q: &Piece| {
            let (y_ov, x_gap) = side_by_side(pc, q);
            !q.display && y_ov >= 0.5 * pc.bbox.h.min(q.bbox.h) && x_gap < p.band_gap * unit_h && (pc.ratio / q.ratio - 1.0).abs() <= HALF_LIKE
        };
        if let Some(g) = gs.iter_mut().find(|g| g.iter().any(|&q| beside(&pieces[q]))) {
            g.push(k);
        }
    }
    for g in &mut gs {
        read_in_rows(g, pieces);
    }
    stack_decks(gs, pieces)
}

/// A line set wholly inside a title line's box, at most half its height, is that title's ink the
/// engine read apart as a line of its own (a character's strokes read as 包 Ar beside 为时代留下影,
/// its last character lost): no text stands inside a title's line. It goes with the title, next
/// to the line it stands in, before or after it as the engine read it (the parts of one line cut
/// at a gap, which keep its id, together), and at its size (returned: the title line each such
/// piece stands in). Left out, it heads or joins whatever story stands nearest.
pub(crate) fn title_ink(gs: &mut [Vec<usize>], pieces: &[Piece], geo: &[LineGeo], doc: &Document, unit_h: f32) -> Vec<Option<usize>> {
    let line_id = |k: usize| {
        let g = &geo[pieces[k].lines.start];
        doc.blocks[g.block].lines[g.line].id.as_deref()
    };
    let tol = TITLE_INK_TOL * unit_h;
    let mut host_of = vec![None; pieces.len()];
    let mut grouped = vec![false; pieces.len()];
    for &k in gs.iter().flatten() {
        grouped[k] = true;
    }
    for k in 0..pieces.len() {
        let pc = &pieces[k];
        if grouped[k] || pc.display || pc.lines.len() != 1 {
            continue;
        }
        let b = &pc.bbox;
        let inside = |h: &Piece| {
            h.display
                && geo[h.lines.clone()].iter().any(|g| {
                    let t = &g.bbox;
                    b.h * 2.0 <= t.h && b.x >= t.x - tol && b.right() <= t.right() + tol && b.y >= t.y - tol && b.bottom() <= t.bottom() + tol
                })
        };
        let host = gs.iter().enumerate().find_map(|(gi, g)| g.iter().position(|&h| inside(&pieces[h])).map(|i| (gi, i)));
        if let Some((gi, i)) = host {
            let h = gs[gi][i];
            let part_of = gs[gi].iter().rposition(|&j| host_of[j] == Some(h) && line_id(j).is_some() && line_id(j) == line_id(k));
            let at = match part_of {
                Some(j) => j + 1,
                None if pc.lines.start < pieces[h].lines.start => i,
                None => i + 1,
            };
            host_of[k] = Some(h);
            gs[gi].insert(at, k);
            grouped[k] = true;
        }
    }
    host_of
}

/// Title ink stands inside its title line's box give or take this many body lines (a stroke's
/// box reaching a little past the line's).
const TITLE_INK_TOL: f32 = 0.3;

/// Puts a headline group's pieces in reading order: row by row down the group, left to right
/// along a row. Pieces share a row where they overlap by half the shorter one's height: a title
/// line the engine cut into boxes (顺利度过月夜 | 天 | 展第二月尽工作) has tops a few pixels apart, and
/// ordering by top alone read its boxes out of order.
fn read_in_rows(g: &mut [usize], pieces: &[Piece]) {
    g.sort_by(|&a, &b| pieces[a].bbox.y.total_cmp(&pieces[b].bbox.y).then(pieces[a].bbox.x.total_cmp(&pieces[b].bbox.x)));
    let mut start = 0;
    while start < g.len() {
        let first = &pieces[g[start]].bbox;
        let (mut top, mut bottom) = (first.y, first.bottom());
        let mut end = start + 1;
        while end < g.len() {
            let b = &pieces[g[end]].bbox;
            let shorter = b.h.min(bottom - top);
            if overlap(top, bottom, b.y, b.bottom()) < 0.5 * shorter || shorter <= 0.0 {
                break;
            }
            top = top.min(b.y);
            bottom = bottom.max(b.bottom());
            end += 1;
        }
        g[start..end].sort_by(|&a, &b| pieces[a].bbox.x.total_cmp(&pieces[b].bbox.x).then(a.cmp(&b)));
        start = end;
    }
}

/// A group set right under another, smaller, over the same columns with no text between them, is
/// its deck: old papers stack a title and its decks, each smaller, with a rule and some space between
/// (RUSSIA IN TO STAY. / THE FEELING IN LONDON. / Only Force Can Turn Her Out…).
fn stack_decks(mut gs: Vec<Vec<usize>>, pieces: &[Piece]) -> Vec<Vec<usize>> {
    let bbox = |g: &[usize]| BBox::around(g.iter().map(|&k| &pieces[k].bbox));
    let mut in_group = vec![false; pieces.len()];
    for &k in gs.iter().flatten() {
        in_group[k] = true;
    }
    gs.sort_by(|a, b| bbox(a).y.total_cmp(&bbox(b).y));
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(gs.len());
    for g in gs {
        let below = bbox(&g);
        let deck_of = out.iter_mut().rev().find(|up: &&mut Vec<usize>| {
            let above = bbox(up);
            let last = &pieces[*up.last().expect("groups are not empty")];
            let line_h = last.bbox.h / last.lines.len().max(1) as f32;
            let gap = below.y - above.bottom();
            let shared = x_overlap(&above, &below) >= 0.5 * above.w.min(below.w);
            // Nothing but the rule between them: no text piece stands in the gap.
            let clear = || (0..pieces.len()).all(|k| in_group[k] || x_overlap(&pieces[k].bbox, &below) <= 0.0 || pieces[k].bbox.bottom() <= above.bottom() || pieces[k].bbox.y >= below.y);
            // A deck is set smaller than what it stands under.
            let smaller = g.iter().map(|&k| pieces[k].ratio).fold(0.0, f32::max) * DECK_SMALLER <= last.ratio;
            shared && smaller && (0.0..DECK_STACK * line_h).contains(&gap) && clear()
        });
        match deck_of {
            Some(up) => up.extend(g),
            None => out.push(g),
        }
    }
    out
}

/// Headings set apart in body type (`apart`) that stand right under a headline group, over its
/// columns with no text between, are its decks: a title in display type over a line in capitals
/// or another face centred under it (CE QUI FAIT LE PLUS VITE / PASSER L'HEURE). Left apart, the
/// title heads nothing and the deck takes its story. They join the group; the rest come back.
pub(crate) fn decks_set_apart(display: &mut [Vec<usize>], apart: Vec<Vec<usize>>, pieces: &[Piece]) -> Vec<Vec<usize>> {
    let bbox = |g: &[usize]| BBox::around(g.iter().map(|&k| &pieces[k].bbox));
    let boxes: Vec<BBox> = display.iter().map(|g| bbox(g)).collect();
    let mut rest = Vec::with_capacity(apart.len());
    for g in apart {
        let below = bbox(&g);
        let top = &pieces[g[0]];
        let deck_of = (0..display.len()).find(|&d| {
            let above = &boxes[d];
            let last = &pieces[*display[d].last().expect("groups are not empty")];
            let line_h = last.bbox.h / last.lines.len().max(1) as f32;
            let gap = below.y - above.bottom();
            let shared = x_overlap(above, &below) >= 0.5 * above.w.min(below.w);
            // Nothing but space or a rule between them: no piece stands in the gap.
            let clear = || pieces.iter().all(|q| x_overlap(&q.bbox, &below) <= 0.0 || q.bbox.bottom() <= above.bottom() || q.bbox.y >= below.y);
            // Centred under the title: a line under one side of a banner across columns heads
            // a story of its own in that column.
            let centred = super::centred_on(&below, above);
            shared && centred && top.ratio * DECK_SMALLER <= last.ratio && (0.0..APART_DECK_STACK * line_h).contains(&gap) && clear()
        });
        match deck_of {
            Some(d) => display[d].extend(g),
            None => rest.push(g),
        }
    }
    rest
}

/// A deck in body type stands at most this many of the title's lines under it: closer than a
/// display deck (a rule's space), as a heading further down heads a section of its own.
const APART_DECK_STACK: f32 = 1.5;
/// A deck in body type is centred under its title, a kicker over it: its centre at most this
/// share of the title's width off the title's.
pub(crate) const APART_DECK_CENTRED: f32 = 0.15;
/// A deck stands at most this many of the title's lines under it (a rule and space between).
const DECK_STACK: f32 = 2.5;
/// A deck is set at least this much smaller than the line above it (a masthead's line over a
/// title of the same size is no title and deck).
const DECK_SMALLER: f32 = 1.05;

#[cfg(test)]
mod tests {
    use super::super::order::tests::piece;
    use super::*;

    #[test]
    fn a_title_line_cut_into_boxes_reads_left_to_right_whatever_their_tops() {
        // 巡娥四号着陆器… over 顺利度过月夜 | 天 | 展第二月尽工作, the lone character's top a few pixels
        // below its neighbours' (the boxes of the scan-zh page the bug showed on).
        let pieces = [piece(131.0, 1830.0, 897.0, 56.0), piece(131.0, 1902.0, 357.0, 56.0), piece(553.0, 1905.0, 34.0, 54.0), piece(595.0, 1902.0, 433.0, 57.0)];
        let mut g = vec![3, 2, 1, 0];
        read_in_rows(&mut g, &pieces);
        assert_eq!(g, [0, 1, 2, 3]);
        // Rows apart by more than half a line keep their order down the page.
        let pieces = [piece(500.0, 100.0, 100.0, 40.0), piece(100.0, 130.0, 100.0, 40.0)];
        let mut g = vec![1, 0];
        read_in_rows(&mut g, &pieces);
        assert_eq!(g, [0, 1]);
    }
}
