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
    let mut widths: Vec<f32> = doc.blocks.iter().flat_map(|b| b.lines.iter().map(|l| l.bbox.w)).collect();
    widths.sort_by(f32::total_cmp);
    let column = widths.get(widths.len() / 2).copied().unwrap_or(0.0);
    let crossing: Vec<bool> = doc.blocks.iter().map(|b| b.lines.iter().any(|l| runs(l, column).len() > 1)).collect();
    if !crossing.contains(&true) {
        return Cow::Borrowed(doc);
    }
    let mut blocks = Vec::with_capacity(doc.blocks.len() + 4);
    for (b, &cut) in doc.blocks.iter().zip(&crossing) {
        if cut {
            blocks.extend(cut_block(b, column));
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

/// The word ranges of a line between its gutters (`column`: the page's median line width).
fn runs(l: &Line, column: f32) -> Vec<std::ops::Range<usize>> {
    // Measured by its words' own height: a line run across a headline and text stands as tall as
    // both together.
    let mut hs: Vec<f32> = l.words.iter().map(|w| w.bbox.h).collect();
    hs.sort_by(f32::total_cmp);
    let h = hs.get(hs.len() / 2).copied().unwrap_or(l.bbox.h);
    let gutter = if column > 0.0 && l.bbox.w >= WIDE_LINE * column { WIDE_GUTTER_GAP } else { GUTTER_GAP };
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..l.words.len() {
        let gap = l.words[i].bbox.x - l.words[i - 1].bbox.right();
        if h > 0.0 && gap >= gutter * h {
            out.push(start..i);
            start = i;
        }
    }
    out.push(start..l.words.len());
    out
}

/// A block with lines across gutters, as the columns its lines' runs stand in: each run joins the
/// first column it overlaps, or starts one, and every column keeps its lines top to bottom.
fn cut_block(b: &Block, column: f32) -> Vec<Block> {
    let mut cols: Vec<(f32, f32, Vec<Line>)> = Vec::new();
    for l in &b.lines {
        let rs = runs(l, column);
        let last = rs.len() - 1;
        for (k, r) in rs.into_iter().enumerate() {
            let words = l.words[r].to_vec();
            let bbox = BBox::around(words.iter().map(|w| &w.bbox));
            // (A line's hyphen cuts its last word: it goes with the last run.)
            let hyphen = if k == last { l.hyphen.clone() } else { Hyphen::None };
            let run = Line { words, bbox, hyphen, ..l.clone() };
            let (x0, x1) = (bbox.x, bbox.right());
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
