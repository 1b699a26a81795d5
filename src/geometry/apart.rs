//! Apart: headings set in body type, told by how they stand: a short piece centred in its column,
//! in capitals or bold, over text. Old papers set most of their headlines so.

use super::heads::CENTRED_KICKER;
use super::order::{piece, Piece};
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
/// A heading told by its face alone stops at least this many line heights short of its
/// column's right edge (a flush-right signature in that face stops an em or so short).
const FACE_INSET: f32 = 2.0;
/// Share of a piece's letters in capitals for it to be set in capitals.
const CAPS_SHARE: f32 = 0.7;

/// The column a piece stands in: the horizontal extent of the text pieces next above and below
/// it that share most of its width, or `None` where it stands alone.
pub(crate) fn column(k: usize, pieces: &[Piece]) -> Option<(f32, f32)> {
    column_under(&pieces[k], pieces, 2)
}

/// [`column`] for a piece given by itself, read off text of at least `lines` lines.
pub(crate) fn column_under(pc: &Piece, pieces: &[Piece], lines: usize) -> Option<(f32, f32)> {
    let shares = |q: &Piece| overlap(q.bbox.x, q.bbox.right(), pc.bbox.x, pc.bbox.right()) >= 0.8 * pc.bbox.w && q.lines.len() >= lines;
    let above = pieces.iter().filter(|q| q.bbox.bottom() <= pc.bbox.y + 1.0 && shares(q)).max_by(|a, b| a.bbox.bottom().total_cmp(&b.bbox.bottom()));
    let below = pieces.iter().filter(|q| q.bbox.y >= pc.bbox.bottom() - 1.0 && shares(q)).min_by(|a, b| a.bbox.y.total_cmp(&b.bbox.y));
    let (l, r) = match (above, below) {
        (Some(a), Some(b)) => (a.bbox.x.min(b.bbox.x), a.bbox.right().max(b.bbox.right())),
        (Some(a), None) | (None, Some(a)) => (a.bbox.x, a.bbox.right()),
        (None, None) => return None,
    };
    Some((l, r))
}

/// A piece mostly of digits: a figure set apart in a graphic (459个), a price, a date line.
fn figure(pc: &Piece, geo: &[LineGeo], doc: &Document) -> bool {
    super::figures(geo[pc.lines.clone()].iter().flat_map(|g| doc.blocks[g.block].lines[g.line].words.iter()).flat_map(|w| w.text.chars()))
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

/// Pieces that are headings in body type: short, centred in their column, in capitals, bold or
/// another face (or a little bigger than the body), with text under them. Stacked ones (a title over a deck in
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
        // Bold marks a heading of two lines or more only where its first line stops short of the
        // column's right edge, as a title's lines do: a paragraph the engine read in bold runs
        // its first line to the edge (a death notice's, a name's).
        let bold = geo[pc.lines.clone()].iter().all(|g| g.bold)
            && (pc.lines.len() < 2
                || column(k, pieces).is_none_or(|(_, r)| geo[pc.lines.start].bbox.right() <= r - FACE_INSET * line_h(pc)));
        // Another face marks a heading only where the piece stops well short of its column's
        // right edge, as a title does: a paragraph's first line the engine read in another face
        // runs to the edge (or is cut there with a hyphen), and a signature set flush right
        // keeps an em or so from it.
        let face = geo[pc.lines.clone()].iter().all(|g| g.other_face)
            && column(k, pieces).is_none_or(|(_, r)| pc.bbox.right() <= r - FACE_INSET * line_h(pc));
        caps(pc, geo, doc) || bold || face || pc.ratio >= p.minor
    };
    // A piece that is a whole block of the file, of a line or two: the engine set it apart.
    let whole_block = |k: usize| {
        let pc = &pieces[k];
        pc.lines.len() <= 2
            && k.checked_sub(1).is_none_or(|j| pieces[j].block != pc.block)
            && pieces.get(k + 1).is_none_or(|q| q.block != pc.block)
    };
    let is_apart = |k: usize| {
        let pc = &pieces[k];
        !taken[k]
            && !pc.display
            && pc.lines.len() <= APART_LINES
            && pc.chars <= APART_CHARS
            && pc.chars >= 2
            && !figure(pc, geo, doc)
            && (centred(k) || whole_block(k))
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        if !(is_apart(k) && marked(k)) {
            k += 1;
            continue;
        }
        // Decks under it: centred pieces set tight below, marked or not (a deck in roman), or
        // marked blocks of their own. A plain line an engine boxed on its own under the heading
        // is no deck.
        let mut g = vec![k];
        let mut j = k + 1;
        while j < pieces.len()
            && is_apart(j)
            && (centred(j) || (whole_block(j) && marked(j)))
            && pieces[j].bbox.y - pieces[j - 1].bbox.bottom() < 1.5 * line_h(&pieces[j - 1])
        {
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

/// A kicker read into a block of text is set at least this much bigger than every line of the
/// block above it: a notice set a shade big throughout ends on a line of its own type.
const KICKER_OVER_TEXT: f32 = 1.1;

/// A kicker an engine read as the last line of a block of text (二〇一九年央视春晚—— closing a
/// block it ran across other columns' lines) is cut from the block into a piece of its own, so
/// that its title's group may take it: a line a shade bigger than the body, short, narrower than
/// a title it stands centred and tight over, and bigger than the block's other lines.
pub(crate) fn kicker_lines(pieces: &mut Vec<Piece>, geo: &[LineGeo], p: &GeoParams, doc: &Document) {
    let mut k = 0;
    while k < pieces.len() {
        let pc = &pieces[k];
        let last = pc.lines.end - 1;
        let g = &geo[last];
        let over = |t: &Piece| {
            let line_h = t.bbox.h / t.lines.len().max(1) as f32;
            t.display && super::kicker_over(&g.bbox, &t.bbox, p.stack_gap * line_h)
        };
        let above = geo[pc.lines.start..last].iter().map(|h| h.ratio).fold(0.0, f32::max);
        let bigger = g.ratio >= CENTRED_KICKER && g.ratio >= KICKER_OVER_TEXT * above;
        if !pc.display && pc.lines.len() >= 2 && bigger && g.chars <= p.minor_chars && pieces.iter().any(over) {
            let start = pc.lines.start;
            pieces[k] = piece(geo, start..last, false, doc);
            pieces.insert(k + 1, piece(geo, last..last + 1, false, doc));
            k += 1;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::order::Piece;
    use crate::ocrxml::{BBox, Block, Format, Line, Word};

    /// One block per entry: (text, x, y, width, lines), each line 20 units tall.
    fn page(spec: &[(&str, f32, f32, f32, usize)]) -> (Document, Vec<Piece>, Vec<LineGeo>) {
        let mut blocks = Vec::new();
        let mut geo = Vec::new();
        let mut pieces = Vec::new();
        for (b, &(text, x, y, w, n)) in spec.iter().enumerate() {
            let lines: Vec<Line> = (0..n)
                .map(|i| {
                    let bbox = BBox { x, y: y + 25.0 * i as f32, w, h: 20.0 };
                    let word = Word { id: None, text: text.into(), bbox, conf: None, subs_content: None, font_size: None, style: Default::default() };
                    Line { id: None, bbox, words: vec![word], font_size: None, x_size: None, style: Default::default(), hyphen: Default::default(), kind: None }
                })
                .collect();
            let start = geo.len();
            for (i, l) in lines.iter().enumerate() {
                geo.push(LineGeo { block: b, line: i, bbox: l.bbox, em: 20.0, ratio: 1.0, bold: false, chars: text.chars().count(), other_face: false });
            }
            let bbox = BBox::around(lines.iter().map(|l| &l.bbox));
            pieces.push(Piece { block: b, lines: start..geo.len(), display: false, bbox, ratio: 1.0, chars: text.chars().count() * n, bracket: false, cjk: false, mark_end: false, letters: (bbox.x, bbox.right()) });
            blocks.push(Block { id: None, bbox, lines, group: None, kind: None, order: b });
        }
        let doc = Document { format: Format::Alto, width: 1000.0, height: 2000.0, unit: "pixel".into(), image: None, blocks, language: None, producer: None };
        (doc, pieces, geo)
    }

    #[test]
    fn a_piece_mostly_of_digits_is_a_figure_unless_words_of_its_own_stand_beside_them() {
        let texts = ["459个", "3.57万亿", "1A", "2019春运一线"];
        let spec: Vec<(&str, f32, f32, f32, usize)> = texts.iter().enumerate().map(|(i, &t)| (t, 0.0, 100.0 * i as f32, 200.0, 1)).collect();
        let (doc, pieces, geo) = page(&spec);
        let figures: Vec<bool> = pieces.iter().map(|pc| figure(pc, &geo, &doc)).collect();
        assert_eq!(figures, [true, true, true, false]);
    }

    #[test]
    fn a_centred_title_in_capitals_and_its_deck_head_the_text_under_them() {
        let (doc, pieces, geo) = page(&[
            ("the end of the story above runs on here", 0.0, 0.0, 400.0, 4),
            ("L'ARMEE EN CAMPAGNE", 100.0, 120.0, 200.0, 1),
            ("Les cadres augmentes", 110.0, 150.0, 180.0, 1),
            ("the text of the new story starts here and", 0.0, 190.0, 400.0, 6),
        ]);
        let taken = vec![false; pieces.len()];
        assert_eq!(set_apart(&pieces, &geo, &doc, &taken, &GeoParams::default()), vec![vec![1, 2]]);
    }

    #[test]
    fn a_line_in_capitals_across_the_column_is_a_heading_only_as_a_block_of_its_own() {
        let (doc, pieces, geo) = page(&[
            ("the end of the story above runs on here", 0.0, 0.0, 400.0, 4),
            ("LE MASTIC ET LE CHAUSSON", 0.0, 120.0, 400.0, 1),
            ("the text of the new story starts here and", 0.0, 150.0, 400.0, 6),
        ]);
        let taken = vec![false; pieces.len()];
        assert_eq!(set_apart(&pieces, &geo, &doc, &taken, &GeoParams::default()), vec![vec![1]]);
        // The same line as the first of its paragraph's block heads nothing.
        let mut one_block = pieces.clone();
        one_block[1].block = 2;
        assert!(set_apart(&one_block, &geo, &doc, &taken, &GeoParams::default()).is_empty());
    }

    #[test]
    fn a_short_line_in_another_face_heads_the_text_under_it_but_not_one_set_flush_right() {
        // A title in a sans face over roman text, set off centre: only its face tells it.
        let spec = |x: f32, w: f32| [("the end of the story above runs on here", 0.0, 0.0, 400.0, 4), ("Lieber Teufel", x, 120.0, w, 1), ("the text of the new story starts here and", 0.0, 150.0, 400.0, 6)];
        let (doc, pieces, mut geo) = page(&spec(40.0, 200.0));
        let taken = vec![false; pieces.len()];
        assert!(set_apart(&pieces, &geo, &doc, &taken, &GeoParams::default()).is_empty(), "roman: a line of text");
        geo[4].other_face = true;
        assert_eq!(set_apart(&pieces, &geo, &doc, &taken, &GeoParams::default()), vec![vec![1]]);
        // The same line set flush right, an em from the edge, is a signature; run across the
        // column it is a paragraph's first line the engine read in another face.
        for (x, w) in [(290.0, 100.0), (0.0, 400.0)] {
            let (doc, pieces, mut geo) = page(&spec(x, w));
            geo[4].other_face = true;
            assert!(set_apart(&pieces, &geo, &doc, &taken, &GeoParams::default()).is_empty(), "at {x}");
        }
    }

    #[test]
    fn two_bold_lines_head_the_text_under_them_only_set_short() {
        // A title of two lines in bold, centred, heads the text under it; a paragraph of two lines
        // the engine read in bold runs its first line across the column and heads nothing.
        let spec = |x: f32, w: f32| [("the end of the story above runs on here", 0.0, 0.0, 400.0, 4), ("Same day, at his house in the town, Mr. John", x, 120.0, w, 2), ("the text of the new story starts here and", 0.0, 180.0, 400.0, 6)];
        for (x, w, heads) in [(100.0, 200.0, true), (0.0, 400.0, false)] {
            let (doc, pieces, mut geo) = page(&spec(x, w));
            geo[4].bold = true;
            geo[5].bold = true;
            let taken = vec![false; pieces.len()];
            let got = set_apart(&pieces, &geo, &doc, &taken, &GeoParams::default());
            assert_eq!(got, if heads { vec![vec![1]] } else { vec![] }, "at {x}");
        }
    }

    #[test]
    fn a_centred_line_with_no_text_under_it_heads_nothing() {
        // A signature or a date line closing a column.
        let (doc, pieces, geo) = page(&[("the end of the story above runs on here", 0.0, 0.0, 400.0, 4), ("PAUL FERRIER", 150.0, 120.0, 100.0, 1)]);
        let taken = vec![false; pieces.len()];
        assert!(set_apart(&pieces, &geo, &doc, &taken, &GeoParams::default()).is_empty());
    }
}
