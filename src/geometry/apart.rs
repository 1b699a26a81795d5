//! Apart: headings set in body type, told by how they stand: a short piece centred in its column,
//! in capitals or bold, over text. Old papers set most of their headlines so.

use super::order::Piece;
use super::{overlap, GeoParams, LineGeo};
use crate::ocrxml::Document;

/// A heading in body type holds at most this many lines and characters.
const APART_LINES: usize = 3;
const APART_CHARS: usize = 150;
/// Its two insets from the column's edges differ by at most this many line heights, or by this
/// share of the larger one: a centred line, not a paragraph's short last line or an indent.
const CENTRED_SLACK: f32 = 1.5;
const CENTRED_SHARE: f32 = 0.35;
/// Each inset is at least this many line heights: a line across the whole column is text.
const INSET_MIN: f32 = 0.8;
/// Share of a piece's letters in capitals for it to be set in capitals.
const CAPS_SHARE: f32 = 0.7;

/// The column a piece stands in: the horizontal extent of the text pieces next above and below
/// it that share most of its width, or `None` where it stands alone.
pub(crate) fn column(k: usize, pieces: &[Piece]) -> Option<(f32, f32)> {
    let pc = &pieces[k];
    let shares = |q: &Piece| overlap(q.bbox.x, q.bbox.right(), pc.bbox.x, pc.bbox.right()) >= 0.8 * pc.bbox.w && q.lines.len() >= 2;
    let above = pieces.iter().filter(|q| q.bbox.bottom() <= pc.bbox.y + 1.0 && shares(q)).max_by(|a, b| a.bbox.bottom().total_cmp(&b.bbox.bottom()));
    let below = pieces.iter().filter(|q| q.bbox.y >= pc.bbox.bottom() - 1.0 && shares(q)).min_by(|a, b| a.bbox.y.total_cmp(&b.bbox.y));
    let (l, r) = match (above, below) {
        (Some(a), Some(b)) => (a.bbox.x.min(b.bbox.x), a.bbox.right().max(b.bbox.right())),
        (Some(a), None) | (None, Some(a)) => (a.bbox.x, a.bbox.right()),
        (None, None) => return None,
    };
    Some((l, r))
}

fn caps(pc: &Piece, geo: &[LineGeo], doc: &Document) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for g in &geo[pc.lines.clone()] {
        for w in &doc.blocks[g.block].lines[g.line].words {
            for c in w.text.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                upper += usize::from(c.is_uppercase());
            }
        }
    }
    letters >= 3 && upper as f32 >= CAPS_SHARE * letters as f32
}

/// Pieces that are headings in body type: short, centred in their column, in capitals or bold
/// (or a little bigger than the body), with text under them. Stacked ones (a title over a deck in
/// italics) form one group; each group comes back as piece indices, top down.
pub(crate) fn set_apart(pieces: &[Piece], geo: &[LineGeo], doc: &Document, taken: &[bool], p: &GeoParams) -> Vec<Vec<usize>> {
    let line_h = |pc: &Piece| pc.bbox.h / pc.lines.len().max(1) as f32;
    let centred = |k: usize| {
        let pc = &pieces[k];
        let Some((l, r)) = column(k, pieces) else { return false };
        let (left, right) = (pc.bbox.x - l, r - pc.bbox.right());
        let h = line_h(pc);
        left >= INSET_MIN * h && right >= INSET_MIN * h && (left - right).abs() <= (CENTRED_SLACK * h).max(CENTRED_SHARE * left.max(right))
    };
    let marked = |k: usize| {
        let pc = &pieces[k];
        let bold = geo[pc.lines.clone()].iter().all(|g| g.bold);
        caps(pc, geo, doc) || bold || pc.ratio >= p.minor
    };
    let is_apart = |k: usize| {
        let pc = &pieces[k];
        !taken[k] && !pc.display && pc.lines.len() <= APART_LINES && pc.chars <= APART_CHARS && pc.chars >= 2 && centred(k)
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        if !(is_apart(k) && marked(k)) {
            k += 1;
            continue;
        }
        // Decks under it: centred pieces set tight below, marked or not (a deck in roman).
        let mut g = vec![k];
        let mut j = k + 1;
        while j < pieces.len() && is_apart(j) && pieces[j].bbox.y - pieces[j - 1].bbox.bottom() < 1.5 * line_h(&pieces[j - 1]) {
            g.push(j);
            j += 1;
        }
        // A heading stands over text: a centred run with nothing under it closes a page or a
        // column (a signature, a date line) and heads nothing.
        if j < pieces.len() && !taken[j] && pieces[j].lines.len() >= 2 {
            groups.push(g);
        }
        k = j;
    }
    groups
}
