//! Gutter: lines an OCR engine ran across a column gutter, cut back into the columns they span.
//!
//! Tesseract's layout analysis sometimes takes a row of text that crosses columns for one line: a
//! headline's first line, the one beside it and the first line of the text next to them read as
//! one line, with a gap of several ems between the words of each column. Read as one line, the
//! row puts three stories' words into one, and the headlines in it are lost. The gap tells it: no
//! line of type is spaced that wide. Each run of words between such gaps becomes a line of its
//! own, and the block is cut into the columns its runs stand in.

use crate::ocrxml::{BBox, Block, Document, Hyphen, Line};
use std::borrow::Cow;

/// A gap between two words of a line at least this many times its words' height is a column
/// gutter, not a word space: justified type and a Chinese title's spaced words stay under 2.5
/// heights on the scan pages, and most rows read across columns leave gaps of 3 and up.
const GUTTER_GAP: f32 = 3.0;

/// In a line wider than a column, a gap of this many heights is a gutter already: a row read
/// across columns leaves gaps of 2 and up, and a column's justified line, with its widest word
/// spaces between 2 and 2.5, is no wider than its column.
const WIDE_GUTTER_GAP: f32 = 2.0;

/// A line at least this many times as wide as the page's median line runs wider than a column.
const WIDE_LINE: f32 = 1.5;

/// The document with every line that runs across a gutter cut at it, or the document itself
/// where none does.
pub fn cut_at_gutters(doc: &Document) -> Cow<'_, Document> {
    let lines = || doc.blocks.iter().flat_map(|b| b.lines.iter());
    let column = super::median(lines().map(|l| l.bbox.w).collect(), 0.0);
    let mut starts: Vec<f32> = lines().map(|l| l.bbox.x).collect();
    starts.sort_by(f32::total_cmp);
    let mut ends: Vec<f32> = lines().map(|l| l.bbox.right()).collect();
    ends.sort_by(f32::total_cmp);
    let body = super::median(lines().map(|l| l.bbox.h).collect(), 0.0);
    let page = Page { column, starts, ends, body };
    let crossing: Vec<bool> = doc.blocks.iter().map(|b| b.lines.iter().any(|l| runs(l, &page).len() > 1)).collect();
    if !crossing.contains(&true) {
        return Cow::Borrowed(doc);
    }
    let mut blocks = Vec::with_capacity(doc.blocks.len() + 4);
    for (b, &cut) in doc.blocks.iter().zip(&crossing) {
        if cut {
            blocks.extend(cut_block(b, &page));
        } else {
            blocks.push(b.clone());
        }
    }
    // (Field by field: `..doc.clone()` would copy every block once more only to drop them.)
    Cow::Owned(Document {
        format: doc.format,
        width: doc.width,
        height: doc.height,
        unit: doc.unit.clone(),
        image: doc.image.clone(),
        blocks,
        language: doc.language.clone(),
        producer: doc.producer.clone(),
    })
}

/// What a line's gaps are read against: the page's median line width and its lines' left edges.
struct Page {
    column: f32,
    /// Every line's left edge, in order.
    starts: Vec<f32>,
    /// Every line's right edge, in order.
    ends: Vec<f32>,
    /// The median line's height: the body text's.
    body: f32,
}

impl Page {
    /// Whether `x` is a left edge many of the page's lines start at, give or take `tol`: a column's.
    fn column_edge(&self, x: f32, tol: f32) -> bool {
        many_at(&self.starts, x, tol)
    }

    /// Whether `x` is a right edge many of the page's lines end at, give or take `tol`: a column's.
    fn column_end(&self, x: f32, tol: f32) -> bool {
        many_at(&self.ends, x, tol)
    }
}

/// Whether at least `COLUMN_EDGE_LINES` of the sorted `edges` lie within `tol` of `x`.
fn many_at(edges: &[f32], x: f32, tol: f32) -> bool {
    let from = edges.partition_point(|&s| s < x - tol);
    let to = edges.partition_point(|&s| s <= x + tol);
    to - from >= COLUMN_EDGE_LINES
}

/// A column's left edge is one at least this many lines of the page start at.
const COLUMN_EDGE_LINES: usize = 5;

/// In a line wider than a column, a gap of this many heights after which the words start at a
/// column's left edge is a gutter: a justified Chinese line's marks hang into the gutter and
/// narrow it to under two heights, but no word space reaches a height.
const EDGE_GAP: f32 = 1.0;

/// In display type, the gap past marks read off the gutter that tells a gutter: a title's own
/// mark, full width, takes one cell between two characters, and half a cell more is no mark's.
const TITLE_EDGE_GAP: f32 = 1.5;

/// A row of a block read across a gutter is cut at a gap of this many heights where the rows
/// around it were cut: a Chinese line's hanging marks leave the gutter under a height, and its
/// characters stand under two thirds of one apart.
const EDGE_ROW_GAP: f32 = 0.75;

/// Brackets and quotes a line may open on, as printed and as engines read them.
const OPENING_MARKS: &str = "(（〈《[【「『“‘\"'";

/// Words at most this much taller than the body's lines are set in body type.
const BODY_LIKE: f32 = 1.2;

/// A run after a gutter starts at its column's left edge within this many of its heights (the
/// box of a narrow character is set in from its cell).
const EDGE_TOLERANCE: f32 = 0.75;

/// The word ranges of a line between its gutters.
fn runs(l: &Line, page: &Page) -> Vec<std::ops::Range<usize>> {
    let column = page.column;
    // Measured by its words' own height: a line run across a headline and text stands as tall as
    // both together.
    let h = word_height(l);
    let wide = column > 0.0 && l.bbox.w >= WIDE_LINE * column;
    let gutter = if wide { WIDE_GUTTER_GAP } else { GUTTER_GAP };
    let body = h <= BODY_LIKE * page.body;
    let tol = EDGE_TOLERANCE * h;
    cut_where(l, |i| {
        let gap = l.words[i].bbox.x - l.words[i - 1].bbox.right();
        // (Body type only: a title across columns may have a word space at a column's edge.)
        let edge = || wide && body && gap >= EDGE_GAP * h && page.column_edge(l.words[i].bbox.x, tol);
        // Marks the engine read off specks in the gutter (约瑟 。 。 隆迪, 签 ”等) fill it: measured
        // from the column's last character to the next one's first, past them, the gutter shows
        // where one line of a column ends at its right edge and the next column's starts at its left.
        // A title's own marks stand a cell wide between its characters: a wider gap is wanted there.
        let hidden = || {
            let Some(k) = (0..i).rev().find(|&k| !marks_only(&l.words[k])) else { return false };
            let (from, to) = (l.words[k].bbox.right(), text_start(&l.words[i], h));
            let need = if body { EDGE_GAP } else { TITLE_EDGE_GAP };
            (k + 1 < i || to > l.words[i].bbox.x) && to - from >= need * h && page.column_end(from, tol) && page.column_edge(to, tol)
        };
        h > 0.0 && (gap >= gutter * h || edge() || (wide && !marks_only(&l.words[i]) && hidden()))
    })
}

/// Whether a word is marks only (。。, ”), no letter, digit or character of a script.
fn marks_only(w: &crate::ocrxml::Word) -> bool {
    !w.text.chars().any(char::is_alphanumeric)
}

/// Where a word's first letter or character stands: past the marks it opens on that open nothing
/// (”等: a line opens on an opening bracket or quote, never on a closing mark or a stop), each
/// taken as wide as the word's characters on average, and its letters no wider than square at
/// the line's height `h` (a speck's box may stand far left of the character it is read with).
fn text_start(w: &crate::ocrxml::Word, h: f32) -> f32 {
    let n = w.text.chars().count().max(1);
    let lead = w.text.chars().take_while(|&c| !c.is_alphanumeric() && !OPENING_MARKS.contains(c)).count();
    if lead >= n {
        return w.bbox.x;
    }
    let even = w.bbox.x + w.bbox.w * lead as f32 / n as f32;
    if lead == 0 { even } else { even.max(w.bbox.right() - h * (n - lead) as f32) }
}

/// A line's words as ranges, cut before each word `i` (from the second on) that `cut` says.
fn cut_where(l: &Line, cut: impl Fn(usize) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..l.words.len() {
        if cut(i) {
            out.push(start..i);
            start = i;
        }
    }
    out.push(start..l.words.len());
    out
}

/// A block with lines across gutters, as the columns its lines' runs stand in: each run joins the
/// first column it overlaps, or starts one, and every column keeps its lines top to bottom.
fn cut_block(b: &Block, page: &Page) -> Vec<Block> {
    let cuts: Vec<Vec<std::ops::Range<usize>>> = b.lines.iter().map(|l| runs(l, page)).collect();
    // Where a block's rows were read across a gutter, each of them was: a row whose gap there is
    // too narrow to tell alone is cut at the column edges its neighbours were cut at.
    let edges: Vec<f32> = b.lines.iter().zip(&cuts).flat_map(|(l, rs)| rs[1..].iter().map(|r| l.words[r.start].bbox.x)).collect();
    let mut cols: Vec<(f32, f32, Vec<Line>)> = Vec::new();
    for (l, rs) in b.lines.iter().zip(cuts) {
        let rs = at_edges(l, rs, &edges, page);
        let last = rs.len() - 1;
        for (k, r) in rs.into_iter().enumerate() {
            let words = l.words[r].to_vec();
            let bbox = BBox::around(words.iter().map(|w| &w.bbox));
            // (A line's hyphen cuts its last word: it goes with the last run.)
            let hyphen = if k == last { l.hyphen.clone() } else { Hyphen::None };
            // (Its column by its first character: a mark read off the gutter before it, ”等,
            // reaches into the column on its left.)
            let (x0, x1) = (text_start(&words[0], word_height(l)), bbox.right());
            let run = Line { words, bbox, hyphen, ..l.clone() };
            match cols.iter_mut().find(|c| c.0 < x1 && x0 < c.1) {
                Some(c) => {
                    c.0 = c.0.min(x0);
                    c.1 = c.1.max(x1);
                    c.2.push(run);
                }
                None => cols.push((x0, x1, vec![run])),
            }
        }
    }
    cols.into_iter()
        .map(|(_, _, lines)| {
            let bbox = BBox::around(lines.iter().map(|l| &l.bbox));
            Block { bbox, lines, ..b.clone() }
        })
        .collect()
}

/// How far across a line its letters reach, from the first letter to the last word of any: marks
/// an engine reads off specks in a gutter beside them (。。 after a title, ” before one) left out.
/// (A dash is a rule, no speck: ECONOMIC SPOTLIGHT - | JAPAN BUYING keeps its own.)
pub(super) fn letters_across(l: &Line) -> Option<(f32, f32)> {
    let speck = |w: &&crate::ocrxml::Word| w.text.chars().all(|c| SPECKS.contains(c));
    let first = l.words.iter().find(|w| !speck(w))?;
    let last = l.words.iter().rev().find(|w| !speck(w))?;
    Some((text_start(first, word_height(l)), last.bbox.right()))
}

/// Marks an engine reads off a speck of dirt: dots, commas and quotes.
const SPECKS: &str = "。.,，、·'\"”“‘’";

/// The median height of a line's words.
fn word_height(l: &Line) -> f32 {
    super::median(l.words.iter().map(|w| w.bbox.h).collect(), l.bbox.h)
}

/// A line's runs `rs` cut further where it crosses one of `edges` (the left edges of runs after a
/// gutter in the lines around it): at a gap of three quarters of a height or more in body type,
/// of a title's wider gap in display type, after which the words start at the edge, a column's
/// left edge on the page.
fn at_edges(l: &Line, rs: Vec<std::ops::Range<usize>>, edges: &[f32], page: &Page) -> Vec<std::ops::Range<usize>> {
    let h = word_height(l);
    let tol = EDGE_TOLERANCE * h;
    let need = if h <= BODY_LIKE * page.body { EDGE_ROW_GAP } else { TITLE_EDGE_GAP };
    cut_where(l, |i| {
        let (a, x) = (&l.words[i - 1].bbox, text_start(&l.words[i], h));
        let edge = || x - a.right() >= need * h && edges.iter().any(|&e| (x - e).abs() <= tol) && page.column_edge(x, tol);
        rs.iter().any(|r| r.start == i) || edge()
    })
}

#[cfg(test)]
mod tests {
    use super::super::derive::tests::{block as block_at, doc as doc_by};
    use super::*;

    /// A word of square characters 30 units a side.
    fn word(text: &str, x: f32, y: f32) -> crate::ocrxml::Word {
        super::super::derive::tests::word(text, x, y, 30.0 * text.chars().count() as f32, 30.0)
    }

    fn line(words: Vec<crate::ocrxml::Word>) -> Line {
        let bbox = BBox::around(words.iter().map(|w| &w.bbox));
        Line { id: Some("l".into()), bbox, words, font_size: None, x_size: None, style: Default::default(), hyphen: Hyphen::None, kind: None }
    }

    fn block(lines: Vec<Line>) -> Block {
        block_at(lines, 0)
    }

    fn doc(blocks: Vec<Block>) -> Document {
        doc_by(blocks, "tesseract 5.3.0")
    }

    #[test]
    fn a_row_read_across_columns_is_cut_into_its_columns() {
        // 王裔会见美国前政要 / 代表团 read on the same two lines as the text of the column beside it.
        let b = block(vec![
            line(vec![word("王裔会见美国前政要", 100.0, 200.0), word("查体制改革专项小组", 700.0, 200.0)]),
            line(vec![word("代表团", 100.0, 240.0), word("家机构改革纪检监察", 700.0, 240.0)]),
        ]);
        let d = doc(vec![b]);
        let cut = cut_at_gutters(&d);
        let cols: Vec<Vec<String>> = cut.blocks.iter().map(|b| b.lines.iter().map(|l| l.words.iter().map(|w| w.text.clone()).collect()).collect()).collect();
        assert_eq!(cols, [vec!["王裔会见美国前政要", "代表团"], vec!["查体制改革专项小组", "家机构改革纪检监察"]]);
        assert_eq!(cut.blocks[1].bbox.x, 700.0);
    }

    /// Two columns of body lines, 18 characters wide, at x 100 and 700: their left edges are the
    /// page's column edges.
    fn columns() -> Vec<Block> {
        let col = |x: f32| block((0..6).map(|i| line(vec![word("一二三四五六七八九十一二三四五六七八", x, 1000.0 + 40.0 * i as f32)])).collect());
        vec![col(100.0), col(700.0)]
    }

    /// A row read across the gutter: 18 characters of the left column, a mark hanging into the
    /// gutter that ends `gap` short of the right column, then the right column's first words.
    fn row(y: f32, gap: f32) -> Line {
        let mark = 700.0 - gap - 640.0;
        line(vec![word("一二三四五六七八九十一二三四五六七八", 100.0, y), super::super::derive::tests::word("。", 640.0, y, mark, 30.0), word("九十一二三四五六七八", 700.0, y)])
    }

    #[test]
    fn a_narrow_gutter_before_a_column_edge_in_a_row_wider_than_a_column_is_cut() {
        // The mark leaves 45 units (1.5 heights) of gutter: under the two heights a wide row's gap
        // needs, but the words after it start where six lines of the page start.
        let mut blocks = columns();
        blocks.push(block(vec![row(200.0, 45.0)]));
        let d = doc(blocks);
        let cut = cut_at_gutters(&d);
        let firsts: Vec<String> = cut.blocks[2..].iter().map(|b| b.lines[0].words[0].text.clone()).collect();
        assert_eq!(firsts, ["一二三四五六七八九十一二三四五六七八", "九十一二三四五六七八"]);
    }

    #[test]
    fn the_rows_of_a_block_read_across_a_gutter_are_cut_where_their_neighbours_were() {
        // The second row's gap (25 units) is no gutter alone; the first row's, at the same edge, is.
        let mut blocks = columns();
        blocks.push(block(vec![row(200.0, 45.0), row(240.0, 25.0)]));
        let d = doc(blocks);
        let cut = cut_at_gutters(&d);
        let sizes: Vec<usize> = cut.blocks[2..].iter().map(|b| b.lines.len()).collect();
        assert_eq!(sizes, [2, 2]);
    }

    /// A row read across the gutter with a mark read off a speck in it, glued to the right
    /// column's first character: ”九 stands from 639 (inside the left column, which ends at 640)
    /// and its 九 from 700, the right column's edge, to 730, where the box ends.
    fn specked_row(y: f32) -> Line {
        let tie = super::super::derive::tests::word("”九", 639.0, y, 91.0, 30.0);
        line(vec![word("一二三四五六七八九十一二三四五六七八", 100.0, y), tie, word("十一二三四五六七八", 730.0, y)])
    }

    #[test]
    fn a_gutter_a_mark_fills_is_cut_where_one_column_ends_and_the_next_begins() {
        let mut blocks = columns();
        blocks.push(block(vec![specked_row(200.0), specked_row(240.0)]));
        let d = doc(blocks);
        let cut = cut_at_gutters(&d);
        let cols: Vec<Vec<String>> = cut.blocks[2..].iter().map(|b| b.lines.iter().map(|l| l.words[0].text.clone()).collect()).collect();
        // Both rows cut, and the runs after the gutter one column, though their marks reach left.
        assert_eq!(cols, [vec!["一二三四五六七八九十一二三四五六七八"; 2], vec!["”九"; 2]]);
    }

    #[test]
    fn a_title_row_is_cut_past_a_speck_in_the_gutter_but_not_past_a_mark_a_cell_wide() {
        // Display type over the columns at 100 and 700: the left title ends at its column's end,
        // 640, a speck read as 。 stands in the gutter, and the right title starts at 700. Sixty
        // units are 1.6 of the type's 38-unit cells, past any mark of the title's own; in type 44
        // units tall they are 1.4, a full-width mark's cell and its blank.
        for (h, cut) in [(38.0, true), (44.0, false)] {
            let title = |t: &str, x: f32, w: f32| super::super::derive::tests::word(t, x, 200.0, w, h);
            let row = line(vec![title("图书馆开门迎客读者", 100.0, 540.0), title("。", 650.0, 20.0), title("护城河清淤工程", 700.0, 7.0 * h)]);
            let mut blocks = columns();
            blocks.push(block(vec![row]));
            assert_eq!(cut_at_gutters(&doc(blocks)).blocks.len(), if cut { 4 } else { 3 }, "type {h}");
        }
    }

    #[test]
    fn a_title_across_columns_keeps_a_word_space_at_a_column_edge() {
        // Display type twice the body's height: its word space of one height is the title's own.
        let mut blocks = columns();
        let title = |t: &str, x: f32| super::super::derive::tests::word(t, x, 200.0, 60.0 * t.chars().count() as f32, 60.0);
        blocks.push(block(vec![line(vec![title("守正创新技术突破好", 100.0), title("融合传播", 700.0)])]));
        let d = doc(blocks);
        assert!(matches!(cut_at_gutters(&d), Cow::Borrowed(_)));
    }

    #[test]
    fn word_spaces_however_wide_in_type_leave_the_document_as_it_is() {
        let d = doc(vec![block(vec![line(vec![word("守正创新", 100.0, 200.0), word("技术突破", 250.0, 200.0)])])]);
        assert!(matches!(cut_at_gutters(&d), Cow::Borrowed(_)));
    }

    #[test]
    fn a_gap_of_two_heights_is_a_gutter_in_a_line_wider_than_a_column_and_a_word_space_in_a_column() {
        // Columns of 390-pixel lines; a gap of 2.4 heights (72 pixels) inside one of them is the
        // spacing of a justified line, and the same gap in a row three columns wide is a gutter.
        let column = |y: f32| line(vec![word("体育产业是一座有待开掘的", 100.0, y)]);
        let spaced = line(vec![word("体育", 100.0, 300.0), word("产业是一座有待开", 232.0, 300.0)]);
        let d = doc(vec![block(vec![column(200.0), column(240.0), spaced.clone(), column(340.0)])]);
        assert!(matches!(cut_at_gutters(&d), Cow::Borrowed(_)));
        let row = line(vec![word("王裔会见美国前政要", 100.0, 400.0), word("查体制改革专项小组、深化党和国", 442.0, 400.0)]);
        let d = doc(vec![block(vec![column(200.0), column(240.0), spaced, column(340.0)]), block(vec![row])]);
        assert_eq!(cut_at_gutters(&d).blocks.len(), 3);
    }
}
