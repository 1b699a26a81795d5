//! Order: a structured page's lines cut into pieces of one type size, and the order the pieces
//! are read in — the file's own, or one worked out from where they stand.

use super::{overlap, x_overlap, GeoParams, LineGeo};
use crate::ocrxml::{BBox, Document};
pub use crate::config::ReadingOrder;

/// Producers whose block order follows their own layout regions, not articles: a column read
/// through headline after headline, a headline's halves apart. Matched in the producer's name,
/// lower-cased. Every other producer's order is taken as the reading order it wrote.
const REGION_ORDER_PRODUCERS: &[&str] = &["tesseract", "ocropus", "kraken", "calamari"];

impl ReadingOrder {
    /// The order for a document: `Auto` resolved by what made the file.
    pub fn resolve(self, doc: &Document) -> ReadingOrder {
        match self {
            ReadingOrder::Auto => {
                let p = doc.producer.as_deref().unwrap_or("").to_lowercase();
                if REGION_ORDER_PRODUCERS.iter().any(|n| p.contains(n)) { ReadingOrder::Geometry } else { ReadingOrder::File }
            }
            o => o,
        }
    }
}

/// A run of one block's lines set in one kind of type.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub block: usize,
    /// Indices into the page's measured lines.
    pub lines: std::ops::Range<usize>,
    pub display: bool,
    pub bbox: BBox,
    pub ratio: f32,
    pub chars: usize,
    /// The piece opens on an opening bracket: an aside or a column's name set after a title on
    /// its line (返乡创业有干头！ | （经济聚焦·回乡看变化⑥）).
    pub bracket: bool,
    /// Most of the piece's first line is ideographs: set on a square grid, one lost to the engine
    /// leaves a gap of its own size.
    pub cjk: bool,
    /// The piece's first line ends on a full-width mark inked at the left of its em (，): the rest
    /// of the em stands blank after the box.
    pub mark_end: bool,
    /// How far across the page its letters reach, left and right: its box without the marks an
    /// engine read off specks beside them.
    pub letters: (f32, f32),
}

/// A piece in reading order, with the headline group it belongs to (if any).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed {
    pub piece: usize,
    pub group: Option<usize>,
}

/// Cuts each block into pieces of display type and of text type.
pub(crate) fn pieces(geo: &[LineGeo], p: &GeoParams, doc: &Document) -> Vec<Piece> {
    let mut disp: Vec<bool> = geo.iter().map(|g| is_display(g, p, doc)).collect();
    // A title's last line may be mostly figures (动感 / 2019)): set like the line above it in its
    // block, it is that title's end, not a figure of a graphic.
    for i in 1..geo.len() {
        let (a, b) = (&geo[i - 1], &geo[i]);
        if !disp[i] && disp[i - 1] && a.block == b.block && b.ratio >= p.display && (b.ratio / a.ratio - 1.0).abs() <= FIGURE_LINE_LIKE {
            disp[i] = true;
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < geo.len() {
        let display = disp[i];
        let mut j = i + 1;
        while j < geo.len() && geo[j].block == geo[i].block && disp[j] == display {
            j += 1;
        }
        out.push(piece(geo, i..j, display, doc));
        i = j;
    }
    // A long run of display type is a lead set big, text rather than a headline; so is display
    // type a little bigger than the body between two runs of text in one block, a measure gone
    // wrong in mid-paragraph (a skewed or noisy line). An engine may read a headline into the
    // paragraph around it: type twice the body's size, or at a block's end or start, stands.
    for k in 0..out.len() {
        let text_at = |j: Option<usize>| j.and_then(|j| out.get(j)).is_some_and(|q: &Piece| q.block == out[k].block && !q.display);
        let inside = text_at(k.checked_sub(1)) && text_at(Some(k + 1)) && out[k].ratio < MISMEASURED;
        // Under text of its own block, a line opening in lower case goes on with the sentence
        // above: a paragraph's line mismeasured (a smudge, a skewed scan), whatever its size.
        let goes_on = text_at(k.checked_sub(1)) && opens_lower(&geo[out[k].lines.start], doc);
        // A line the engine cut in two, its halves side by side on one band of a block of text, is
        // text however tall a half's box came out (a skewed or blotted stretch of a column). (Not
        // in Chinese, where an engine's block may hold a title beside the text it heads.)
        let halved = || {
            let g = &geo[out[k].lines.start];
            out[k].lines.len() == 1
                && !out[k].cjk
                && out.iter().any(|q| q.block == out[k].block && !q.display && geo[q.lines.clone()].iter().any(|h| overlap(g.bbox.y, g.bbox.bottom(), h.bbox.y, h.bbox.bottom()) >= 0.5 * g.bbox.h.min(h.bbox.h)))
        };
        if out[k].display && (out[k].chars > p.group_chars || inside || goes_on || halved()) {
            out[k].display = false;
        }
    }
    super::apart::kicker_lines(&mut out, geo, p, doc);
    out
}

/// The piece of the measured lines `lines`, of one block.
pub(crate) fn piece(geo: &[LineGeo], lines: std::ops::Range<usize>, display: bool, doc: &Document) -> Piece {
    let (i, j) = (lines.start, lines.end);
    let bbox = BBox::around(geo[i..j].iter().map(|g| &g.bbox));
    let ratio = geo[i..j].iter().map(|g| g.ratio).fold(0.0, f32::max);
    let chars = || line_chars(&geo[i], doc);
    let bracket = chars().next().is_some_and(|c| OPENING_BRACKETS.contains(c));
    let cjk = chars().filter(|&c| crate::lang::is_cjk(c)).count() * 2 > chars().filter(|c| c.is_alphanumeric()).count();
    let mark_end = chars().last().is_some_and(|c| LEFT_SET_MARKS.contains(c));
    let across = geo[i..j].iter().filter_map(|g| super::gutter::letters_across(&doc.blocks[g.block].lines[g.line]));
    let letters = across.reduce(|a, b| (a.0.min(b.0), a.1.max(b.1))).unwrap_or((bbox.x, bbox.right()));
    Piece { block: geo[i].block, lines: i..j, display, bbox, ratio, chars: geo[i..j].iter().map(|g| g.chars).sum(), bracket, cjk, mark_end, letters }
}

/// A figure line is a title's last when its size is within this share of the title line's above
/// (the two are measured differently, by height and by advance).
const FIGURE_LINE_LIKE: f32 = 0.3;

/// The characters of a measured line's words, in order.
fn line_chars<'a>(g: &LineGeo, doc: &'a Document) -> impl Iterator<Item = char> + 'a {
    doc.blocks[g.block].lines[g.line].words.iter().flat_map(|w| w.text.chars())
}

/// The line's first letter is a lower-case one (scripts without case never are).
fn opens_lower(g: &LineGeo, doc: &Document) -> bool {
    line_chars(g, doc).find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)
}

/// A piece of at most this many characters set right over a title is the title's first words
/// set small (an article, a preposition), whatever its size.
pub(crate) const LEAD_WORDS_CHARS: usize = 6;

/// A line measured up to this much bigger than the body in mid-paragraph may be a measure gone
/// wrong (skew, noise); headline type read into a paragraph is set bigger.
const MISMEASURED: f32 = 1.8;

/// A line in headline type: big against the body, with words in it (a page number set huge is
/// not; an ideograph is a word; marks with no letter, a rule or an engraving's edge the engine
/// boxed as a line, are not), and not mostly digits (a figure set big in a graphic, 459个).
fn is_display(g: &LineGeo, p: &GeoParams, doc: &Document) -> bool {
    let chars = || line_chars(g, doc);
    // (A bracket alone at that size is a title's closing mark the engine read on a line of its own.)
    let mark = || g.chars >= 1 && chars().all(|c| CLOSING_BRACKETS.contains(c));
    g.ratio >= p.display && !super::figures(chars()) && (mark() || ((g.chars >= 2 || chars().any(crate::lang::is_cjk)) && chars().any(char::is_alphabetic) && !specks(g, doc)))
}

/// A line of specks (see `classify::garbled`) measures big as the blot it is, not as type does.
fn specks(g: &LineGeo, doc: &Document) -> bool {
    let mut t = String::new();
    super::derive::line_text(&doc.blocks[g.block].lines[g.line], &mut t);
    crate::classify::garbled(&t, crate::classify::SCATTERED_SIZE)
}

/// Marks that open an aside or a column's name, as set or as an engine reads them (〈 for （).
/// Not 《: a title may open on a book's or a show's name (《流浪地球》…).
const OPENING_BRACKETS: &str = "(（〈[【";

/// Full-width marks set at the left of their em, its right part blank.
const LEFT_SET_MARKS: &str = "，、。：；！？";

/// Marks that close an aside or a column's name after a title, as set or as an engine reads them.
const CLOSING_BRACKETS: &str = ")）〉]】";

/// Pieces in the page's head or foot margin: short pieces standing wholly above the first or
/// below the last of the page's substantial pieces (a headline group, or text of several lines).
/// They are the running head (date, section, page number, the paper's name) and the foot line.
pub(crate) fn margins(pieces: &[Piece], groups: &[Vec<usize>]) -> Vec<bool> {
    let mut grouped = vec![false; pieces.len()];
    for g in groups {
        for &k in g {
            grouped[k] = true;
        }
    }
    let substantial = |k: usize| grouped[k] || pieces[k].lines.len() >= MARGIN_MIN_LINES;
    let top = (0..pieces.len()).filter(|&k| substantial(k)).map(|k| pieces[k].bbox.y).fold(f32::INFINITY, f32::min);
    let bottom = (0..pieces.len()).filter(|&k| substantial(k)).map(|k| pieces[k].bbox.bottom()).fold(f32::NEG_INFINITY, f32::max);
    (0..pieces.len())
        .map(|k| {
            let pc = &pieces[k];
            !substantial(k) && pc.lines.len() <= 2 && pc.chars <= MARGIN_MAX_CHARS && (pc.bbox.bottom() <= top || pc.bbox.y >= bottom)
        })
        .collect()
}

/// Pieces in a strip at the page's left or right edge, wholly outside its text and narrower than
/// a fraction of its columns: the facing page's edge, caught in the scan of a bound volume, its
/// lines cut off mid-word. They are read as one run of text: their boxes, cut through words and
/// blots, say nothing of type size, and no title stands among them.
pub(crate) fn edge_strips(pieces: &[Piece]) -> Vec<bool> {
    let widths: Vec<f32> = pieces.iter().filter(|q| q.lines.len() >= MARGIN_MIN_LINES).map(|q| q.bbox.w).collect();
    if widths.len() < EDGE_MIN_COLUMNS {
        return vec![false; pieces.len()];
    }
    let column = super::median(widths, 0.0);
    let text = || pieces.iter().filter(|q| q.lines.len() >= MARGIN_MIN_LINES && q.bbox.w >= 0.5 * column);
    let left = text().map(|q| q.bbox.x).fold(f32::INFINITY, f32::min);
    let right = text().map(|q| q.bbox.right()).fold(f32::NEG_INFINITY, f32::max);
    pieces.iter().map(|pc| pc.bbox.w <= EDGE_SHARE * column && (pc.bbox.right() <= left || pc.bbox.x >= right)).collect()
}

/// A strip at the edge is at most this share of a column wide.
const EDGE_SHARE: f32 = 0.2;
/// Columns are measured off at least this many pieces of text.
const EDGE_MIN_COLUMNS: usize = 4;

/// Text of this many lines is a page's text, not its margin.
const MARGIN_MIN_LINES: usize = 3;
/// A running head or foot line holds at most this many characters (paper, date, page, section).
const MARGIN_MAX_CHARS: usize = 90;

/// The body text's line height in the file's units: tolerances between boxes are measured in it.
pub(crate) fn body_height(geo: &[LineGeo], p: &GeoParams) -> f32 {
    let mut v: Vec<(f32, usize)> = geo.iter().filter(|g| g.ratio < p.minor && g.bbox.h > 0.0).map(|g| (g.bbox.h, g.chars)).collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = v.iter().map(|x| x.1).sum();
    let mut seen = 0;
    for (h, n) in &v {
        seen += n;
        if seen * 2 >= total {
            return *h;
        }
    }
    1.0
}

/// The pieces in reading order, each with its headline group.
pub(crate) fn place(doc: &Document, pieces: &[Piece], groups: &[Vec<usize>], order: ReadingOrder, unit_h: f32) -> Vec<Placed> {
    let mut group_of: Vec<Option<usize>> = vec![None; pieces.len()];
    for (gi, g) in groups.iter().enumerate() {
        for &k in g {
            group_of[k] = Some(gi);
        }
    }
    match order.resolve(doc) {
        ReadingOrder::Geometry => by_zones(pieces, groups, &group_of, unit_h),
        _ => in_file_order(doc, pieces, groups, &group_of),
    }
}

/// The file's order (PAGE's reading order where it gives one), a headline group's pieces
/// gathered where its first piece stands.
fn in_file_order(doc: &Document, pieces: &[Piece], groups: &[Vec<usize>], group_of: &[Option<usize>]) -> Vec<Placed> {
    let mut ks: Vec<usize> = (0..pieces.len()).collect();
    // Stable: pieces of one block keep their order.
    ks.sort_by_key(|&k| doc.blocks[pieces[k].block].order);
    let mut out = Vec::with_capacity(pieces.len());
    let mut done = vec![false; groups.len()];
    for k in ks {
        match group_of[k] {
            Some(g) if !done[g] => {
                done[g] = true;
                out.extend(groups[g].iter().map(|&piece| Placed { piece, group: Some(g) }));
            }
            Some(_) => {}
            None => out.push(Placed { piece: k, group: None }),
        }
    }
    out
}

/// Zones: each headline group owns the text pieces under it — first those with the group the
/// nearest above them in their column; then a piece heading a column goes on the zone of the piece
/// read before it when that piece stands in the column to its left (a story running on); then the
/// nearest group above it across the columns. Zones are read in the order of their first piece,
/// each its headline group and then its columns left to right.
fn by_zones(pieces: &[Piece], groups: &[Vec<usize>], group_of: &[Option<usize>], unit_h: f32) -> Vec<Placed> {
    let tol = unit_h * 0.3;
    let gbox: Vec<BBox> = groups.iter().map(|g| BBox::around(g.iter().map(|&k| &pieces[k].bbox))).collect();
    // (The text pieces by their tops, so a banner looks at the few just under it, not at all.)
    let mut by_top: Vec<usize> = (0..pieces.len()).filter(|&k| group_of[k].is_none()).collect();
    by_top.sort_by(|&a, &b| pieces[a].bbox.y.total_cmp(&pieces[b].bbox.y));
    let spans: Vec<BBox> = groups.iter().zip(&gbox).map(|(g, b)| if g.iter().map(|&k| pieces[k].chars).sum::<usize>() <= RUBRIC_CHARS { banner_span(b, &gbox, pieces, &by_top, unit_h) } else { *b }).collect();
    let above = |pc: &Piece| -> Vec<usize> { (0..groups.len()).filter(|&g| gbox[g].bottom() <= pc.bbox.y + tol).collect() };
    let in_column = |pc: &Piece| -> Option<usize> {
        above(pc)
            .into_iter()
            .filter(|&g| x_overlap(&pc.bbox, &spans[g]) >= 0.3 * pc.bbox.w.min(spans[g].w))
            .max_by(|&a, &b| gbox[a].bottom().total_cmp(&gbox[b].bottom()))
    };
    let across = |pc: &Piece| -> Option<usize> {
        let gap = |g: usize| (gbox[g].x - pc.bbox.right()).max(pc.bbox.x - gbox[g].right()).max(0.0);
        above(pc).into_iter().min_by(|&a, &b| gap(a).total_cmp(&gap(b)).then(gbox[b].bottom().total_cmp(&gbox[a].bottom())))
    };
    // Zone `groups.len()` holds text under no headline.
    let headless = groups.len();
    let mut zone: Vec<usize> = vec![headless; pieces.len()];
    let mut prev: Option<usize> = None;
    for k in 0..pieces.len() {
        if let Some(g) = group_of[k] {
            zone[k] = g;
            prev = Some(k);
            continue;
        }
        let pc = &pieces[k];
        let run_on = prev.filter(|&q| {
            let qp = &pieces[q];
            // A story runs on to the top of its next column, never above its own headline.
            group_of[q].is_none() && zone[q] != headless && qp.bbox.right() <= pc.bbox.x + tol && qp.bbox.bottom() >= pc.bbox.y && pc.bbox.y + tol >= gbox[zone[q]].y
        });
        // Under no headline in its column, a piece goes on the text standing straight above it
        // there, a paragraph's gap away, a story's or the text under no headline: a column runs on
        // down past a headline set beside it (the nearest across).
        // (Among the pieces read just before it: a column's blocks come in a row in the file.)
        let up_column = || {
            (k.saturating_sub(UP_COLUMN_REACH)..k)
                .filter(|&q| group_of[q].is_none() && pieces[q].bbox.bottom() <= pc.bbox.y + tol && pc.bbox.y - pieces[q].bbox.bottom() < BAND_GAP * unit_h)
                .filter(|&q| x_overlap(&pc.bbox, &pieces[q].bbox) >= 0.5 * pc.bbox.w.min(pieces[q].bbox.w))
                .max_by(|&a, &b| pieces[a].bbox.bottom().total_cmp(&pieces[b].bbox.bottom()))
                .map(|q| zone[q])
        };
        zone[k] = in_column(pc).or_else(|| run_on.map(|q| zone[q])).or_else(up_column).or_else(|| across(pc)).unwrap_or(headless);
        prev = Some(k);
    }
    let mut first = vec![usize::MAX; groups.len() + 1];
    for k in 0..pieces.len() {
        first[zone[k]] = first[zone[k]].min(k);
    }
    let mut zones: Vec<usize> = (0..=groups.len()).filter(|&z| first[z] != usize::MAX).collect();
    // The text under no headline opens the page: it runs on from a page before.
    zones.sort_by_key(|&z| (z != headless, first[z]));
    let mut out = Vec::with_capacity(pieces.len());
    for z in zones {
        if z < groups.len() {
            out.extend(groups[z].iter().map(|&piece| Placed { piece, group: Some(z) }));
        }
        let body: Vec<usize> = (0..pieces.len()).filter(|&k| zone[k] == z && group_of[k].is_none()).collect();
        out.extend(bands(pieces, &body, unit_h).into_iter().map(|piece| Placed { piece, group: None }));
    }
    out
}

/// The columns a headline group heads: its own box, or, for a banner centred over several columns
/// whose text starts just under it (2019春运一线 over three columns of items, its type covering the
/// middle one only), the width of those columns. A column with a headline of its own beside the
/// banner (a row of titles, each over its story) is not the banner's.
/// (`by_top`: the text pieces, by their tops.)
fn banner_span(b: &BBox, gbox: &[BBox], pieces: &[Piece], by_top: &[usize], unit_h: f32) -> BBox {
    let titled = |q: &Piece| gbox.iter().any(|g| g != b && x_overlap(g, &q.bbox) > 0.0 && g.bottom() >= b.y - unit_h * 0.3 && g.bottom() <= q.bbox.y + unit_h * 0.3);
    let (lo, hi) = (b.bottom() - unit_h * 0.3, b.bottom() + BANNER_GAP * unit_h);
    let from = by_top.partition_point(|&k| pieces[k].bbox.y < lo);
    let tops: Vec<&Piece> = by_top[from..].iter().map(|&k| &pieces[k]).take_while(|q| q.bbox.y < hi).filter(|q| !titled(q)).collect();
    let Some(span) = tops.iter().map(|q| q.bbox).reduce(|a, c| a.union(&c)) else { return *b };
    let centre = |x: &BBox| x.x + x.w / 2.0;
    if span.w > b.w && tops.len() >= 2 && (centre(&span) - centre(b)).abs() <= BANNER_CENTRED * span.w {
        BBox { x: span.x, y: b.y, w: span.w, h: b.h }
    } else {
        *b
    }
}

/// A rubric over several columns of items (2019春运一线, 新春走基层) is a label of at most this many
/// characters; a title set over several columns is its own story's, however it is centred.
const RUBRIC_CHARS: usize = 12;

/// Text starting within this many body lines under a banner is text it heads.
const BANNER_GAP: f32 = 2.0;
/// A banner stands centred over its columns within this share of their width.
const BANNER_CENTRED: f32 = 0.05;

/// A zone's text read band by band, each band column by column: a story set in two tiers (its
/// columns, a rule, its columns again) is read tier by tier. A band ends where a gap runs across
/// all the zone's text, wider than the gap between paragraphs.
fn bands(pieces: &[Piece], ks: &[usize], unit_h: f32) -> Vec<usize> {
    let mut by_y = ks.to_vec();
    by_y.sort_by(|&a, &b| pieces[a].bbox.y.total_cmp(&pieces[b].bbox.y));
    let mut out = Vec::with_capacity(ks.len());
    let mut start = 0;
    let mut bottom = f32::NEG_INFINITY;
    for (i, &k) in by_y.iter().enumerate() {
        if i > start && pieces[k].bbox.y - bottom >= BAND_GAP * unit_h {
            out.extend(columns(pieces, &by_y[start..i]));
            start = i;
        }
        bottom = bottom.max(pieces[k].bbox.bottom());
    }
    out.extend(columns(pieces, &by_y[start..]));
    out
}

/// How many of the pieces read before a piece are searched for the text straight above it in its
/// column: an engine reads a column's blocks in a row, a few dozen at most on a broadsheet page.
const UP_COLUMN_REACH: usize = 64;

/// A gap across a zone's text this many body lines high ends a band (paragraphs stand a fraction
/// of a line apart; a rule between tiers leaves more).
const BAND_GAP: f32 = 1.2;

/// Pieces read column by column: columns are pieces overlapping in x, left to right, each top down.
fn columns(pieces: &[Piece], ks: &[usize]) -> Vec<usize> {
    let mut by_x = ks.to_vec();
    by_x.sort_by(|&a, &b| pieces[a].bbox.x.total_cmp(&pieces[b].bbox.x));
    let mut cols: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for k in by_x {
        let b = &pieces[k].bbox;
        match cols.iter_mut().find(|c| overlap(b.x, b.right(), c.0, c.1) > 0.5 * b.w.min(c.1 - c.0)) {
            Some(c) => {
                c.0 = c.0.min(b.x);
                c.1 = c.1.max(b.right());
                c.2.push(k);
            }
            None => cols.push((b.x, b.right(), vec![k])),
        }
    }
    cols.sort_by(|a, b| a.0.total_cmp(&b.0));
    cols.into_iter()
        .flat_map(|mut c| {
            c.2.sort_by(|&a, &b| pieces[a].bbox.y.total_cmp(&pieces[b].bbox.y));
            c.2
        })
        .collect()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A one-line display piece in box (x, y, w, h), for tests that place pieces by hand.
    pub(in crate::geometry) fn piece(x: f32, y: f32, w: f32, h: f32) -> Piece {
        Piece { block: 0, lines: 0..1, display: true, bbox: BBox { x, y, w, h }, ratio: 1.0, chars: 1, bracket: false, cjk: false, mark_end: false, letters: (x, x + w) }
    }

    /// The pieces in the order `by_zones` reads them, body lines 30 units high.
    fn zone_order(pieces: &[Piece], groups: &[Vec<usize>], group_of: &[Option<usize>]) -> Vec<usize> {
        by_zones(pieces, groups, group_of, 30.0).iter().map(|p| p.piece).collect()
    }

    #[test]
    fn a_story_running_down_its_column_past_a_headline_beside_it_stays_one_story() {
        // A headline far up to the left; its story's column (two blocks, a paragraph's gap apart)
        // runs down past another story's headline set in the next column, the nearest group above
        // the lower block across the columns.
        let pieces = [
            piece(0.0, 0.0, 900.0, 80.0),
            piece(1000.0, 100.0, 400.0, 500.0),
            piece(1000.0, 620.0, 400.0, 380.0),
            piece(1450.0, 500.0, 400.0, 60.0),
            piece(1450.0, 580.0, 400.0, 420.0),
        ];
        let groups = vec![vec![0], vec![3]];
        let group_of = [Some(0), None, None, Some(1), None];
        assert_eq!(zone_order(&pieces, &groups, &group_of), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_column_top_above_the_headline_of_the_story_read_before_it_is_text_under_no_headline() {
        // Two stories down the left column, the lower one read last in the file; then a column at
        // the top right under no headline, which the lower story cannot run on into (it stands
        // above that story's headline), level with the top story's headline: it is read first,
        // its two blocks together.
        let pieces = [
            piece(0.0, 0.0, 900.0, 120.0),
            piece(0.0, 140.0, 400.0, 760.0),
            piece(0.0, 1000.0, 900.0, 80.0),
            piece(0.0, 1100.0, 400.0, 500.0),
            piece(1000.0, 100.0, 400.0, 300.0),
            piece(1000.0, 420.0, 400.0, 300.0),
        ];
        let groups = vec![vec![0], vec![2]];
        let group_of = [Some(0), None, Some(1), None, None, None];
        assert_eq!(zone_order(&pieces, &groups, &group_of), [4, 5, 0, 1, 2, 3]);
    }
}
