//! Columns: lines a text OCR engine ran across column gutters, cut back into the columns they
//! span and read a column at a time.
//!
//! Tesseract reads a row of side-by-side headlines, or lines of two columns that stand level, as
//! one line, its columns apart by runs of spaces that keep their place on the page
//! (`王裔会见美国前政要     查体制改革…` over `代表团          家机构改革…`). Read as they
//! stand, the titles of three stories make one line of a fourth. Each such row is cut where a
//! gutter runs through it; the pieces that stand over one another make a column; and the columns
//! are read one after another: those to the right first, titles waiting for their stories, and
//! the leftmost last, for the page goes on down its column under it. Only the page's top rows are
//! taken apart (`TOP_ROWS`), and only into columns that hold text (`COLUMN_MIN_CHARS`).

use super::{clean_line, cols, Line};
use crate::sets::Sets;
use crate::source::Source;

/// A run of this many spaces inside a line is a gutter: a word space, a title's spaced halves
/// (首个工作日  干事有状态) and a byline's padding take one to three.
const GUTTER_SPACES: usize = 4;
/// Longest line, in bytes, taken for a printed row: a broadsheet's row runs to a few hundred, and
/// a longer line is a file's paragraph set on one line, not a row read across columns. It bounds
/// the work at a page's top whatever the page holds.
const ROW_MAX_BYTES: usize = 1024;
/// Fewest letters, digits or ideographs a column holds: a row of scraps (人     外     司|, specks
/// the engine read off a picture) is no row of columns, and is left as read.
const COLUMN_MIN_CHARS: u32 = 3;
/// Rows this many lines deep at the page's top are read as columns: there stories' titles stand
/// level under the running head, and the engine runs them together. Further down, a row of wide
/// gaps is as often a credit or a jump line set beside a column, read into the rows around it, and
/// taken apart there it takes text out of the rows it was read with (a 10-page test of Tesseract's
/// broadsheets lost 350 characters of one story so).
const TOP_ROWS: usize = 6;
/// A single space is a gutter too where a cut in a row above or below starts within this many
/// display columns of the text after it: the engine spaces the columns by where they stand, and
/// two rows' words seldom break at one place by chance.
const ALIGN: u32 = 2;

/// A run of a line's text between spaces, or a piece of a row between gutters: its bytes in the
/// source and the display columns it stands at in its row.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    col: u32,
    col_end: u32,
    /// Spaces before it on its line (0 for the first).
    gap: usize,
}

/// The page's lines with each band of rows at its top run across gutters cut into its columns
/// and read a column at a time; the lines as they were where no row there runs across a gutter.
/// `page_top`: the lines open the page (the first window of a long one). Its first line is read
/// on its own: it is the running head when anything is (a date, a section label and a page number
/// set across the top above a rule, whose pieces stand over the titles' columns).
pub fn read_columns(src: &Source, lines: Vec<Line>, page_top: bool) -> Vec<Line> {
    let Some(text) = src.valid.filter(|_| page_top) else { return lines };
    let gutter = " ".repeat(GUTTER_SPACES);
    let wide = |l: &Line| l.span.len() <= ROW_MAX_BYTES && text[l.span.0..l.span.1].contains(gutter.as_str());
    if !lines.iter().take(TOP_ROWS).any(wide) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + 8);
    let mut buf = String::new();
    let mut i = 0;
    // Only the top rows are looked at; the page's other lines are moved over as they are.
    while i < TOP_ROWS.min(lines.len()) {
        if !wide(&lines[i]) {
            out.push(lines[i].clone());
            i += 1;
            continue;
        }
        // A band: wide lines one under another, no blank line between them.
        let mut j = i + 1;
        while i > 0 && j < TOP_ROWS.min(lines.len()) && lines[j].blank_before == 0 && wide(&lines[j]) {
            j += 1;
        }
        match band_columns(text, &lines[i..j]) {
            Some(columns) => {
                for (g, column) in columns.iter().enumerate() {
                    for (k, &(_, p)) in column.iter().enumerate() {
                        // Each column a block of its own: the gutter set them apart.
                        let blank = match (g, k) {
                            (0, 0) => lines[i].blank_before,
                            (_, 0) => lines[i].blank_before.max(1),
                            _ => 0,
                        };
                        out.extend(clean_line(&text[p.start..p.end], p.start, p.end, blank, &mut buf));
                    }
                }
            }
            None => out.extend_from_slice(&lines[i..j]),
        }
        i = j;
    }
    out.extend(lines.into_iter().skip(i));
    out
}

/// The pieces of a band's lines (line in the band, piece) column by column, in the order they
/// are read; `None` where the band is one column after all.
fn band_columns(text: &str, band: &[Line]) -> Option<Vec<Vec<(usize, Run)>>> {
    let runs: Vec<Vec<Run>> = band.iter().map(|l| runs_of(text, l)).collect();
    // Where each line is cut: before a run after a gutter's spaces, or after a single space that
    // a cut in a neighbouring row stands level with.
    let cut_at = |l: usize, r: &Run| -> bool {
        r.gap >= GUTTER_SPACES
            || [l.wrapping_sub(1), l + 1]
                .iter()
                .filter_map(|&m| runs.get(m))
                .any(|other| other.iter().skip(1).any(|o| o.col.abs_diff(r.col) <= ALIGN))
    };
    let mut pieces: Vec<(usize, Run)> = Vec::new();
    for (l, line_runs) in runs.iter().enumerate() {
        let first = pieces.len();
        for (k, r) in line_runs.iter().enumerate() {
            if k == 0 || cut_at(l, r) {
                pieces.push((l, *r));
            } else if let Some((_, p)) = pieces.last_mut() {
                p.end = r.end;
                p.col_end = r.col_end;
            }
        }
        // Specks the engine read off the gutter (。。, ”) go with the text beside them.
        let mut k = first;
        while k < pieces.len() {
            let speck = !text[pieces[k].1.start..pieces[k].1.end].chars().any(char::is_alphanumeric);
            if speck && pieces.len() - first > 1 {
                let (into, from) = if k + 1 < pieces.len() { (k + 1, k) } else { (k - 1, k) };
                let (a, b) = (pieces[into.min(from)].1, pieces[into.max(from)].1);
                pieces[into].1 = Run { start: a.start, end: b.end, col: a.col, col_end: b.col_end, gap: a.gap };
                pieces.remove(from);
                continue;
            }
            k += 1;
        }
    }
    // Pieces of neighbouring rows that stand over one another are one column.
    let mut sets = Sets::new(pieces.len());
    for a in 0..pieces.len() {
        for b in a + 1..pieces.len() {
            let ((la, pa), (lb, pb)) = (pieces[a], pieces[b]);
            if lb == la + 1 && pa.col < pb.col_end && pb.col < pa.col_end {
                sets.join(a, b);
            }
        }
    }
    let mut columns: Vec<Vec<(usize, Run)>> = Vec::new();
    let mut column_of = vec![usize::MAX; pieces.len()];
    for (k, &piece) in pieces.iter().enumerate() {
        let r = sets.root(k);
        if column_of[r] == usize::MAX {
            column_of[r] = columns.len();
            columns.push(Vec::new());
        }
        columns[column_of[r]].push(piece);
    }
    let wordy = |c: &[(usize, Run)]| c.iter().map(|(_, p)| super::Stats::of(&text[p.start..p.end]).wordy()).sum::<u32>();
    if columns.len() < 2 || columns.iter().any(|c| wordy(c) < COLUMN_MIN_CHARS) {
        return None;
    }
    // Left to right, the leftmost last: the page goes on down its column.
    columns.sort_by_key(|c| c.iter().map(|(_, p)| p.col).min());
    columns.rotate_left(1);
    Some(columns)
}

/// A line's runs of text between spaces, placed by display columns from the start of its row.
fn runs_of(text: &str, line: &Line) -> Vec<Run> {
    let row = text[..line.span.0].rfind('\n').map_or(0, |n| n + 1);
    let mut col: u32 = text[row..line.span.0].chars().map(cols).sum();
    let mut runs: Vec<Run> = Vec::new();
    let mut gap = 0;
    let mut open: Option<Run> = None;
    for (i, c) in text[line.span.0..line.span.1].char_indices() {
        let at = line.span.0 + i;
        if c.is_whitespace() {
            runs.extend(open.take());
            gap += 1;
        } else {
            let r = open.get_or_insert(Run { start: at, end: at, col, col_end: col, gap });
            r.end = at + c.len_utf8();
            r.col_end = col + cols(c);
            gap = 0;
        }
        col += cols(c);
    }
    runs.extend(open);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn read(s: &str) -> Vec<String> {
        let src = Source::utf8(None, s.as_bytes());
        let lines = super::super::lines(&src, 4096, &mut Vec::new());
        read_columns(&src, lines, true).into_iter().map(|l| format!("{}|{}", l.blank_before, l.text)).collect()
    }

    #[test]
    fn a_band_of_rows_read_across_gutters_is_read_a_column_at_a_time() {
        let page = "头版\n\n甲乙丙丁戊己庚辛壬癸子丑     寅卯辰巳午未申       酉戌亥天地玄黄\n宇宙洪荒日月盈昃辰宿     列张寒来暑往       秋收冬藏闰余成岁 律吕\n下文一行\n";
        assert_eq!(
            read(page),
            [
                "0|头版",
                "1|寅卯辰巳午未申",
                "0|列张寒来暑往",
                "1|酉戌亥天地玄黄",
                "0|秋收冬藏闰余成岁 律吕",
                "1|甲乙丙丁戊己庚辛壬癸子丑",
                "0|宇宙洪荒日月盈昃辰宿",
                "0|下文一行",
            ]
        );
    }

    #[test]
    fn a_single_space_is_a_gutter_only_where_a_neighbouring_rows_cut_stands_level() {
        // The second row's columns are a single space apart, under the first row's wide gutter.
        let page = "头版\n一二三四五六     七八九十     天地\n甲乙丙丁戊己庚辛 壬癸子丑     寅卯\n";
        assert_eq!(read(page)[1..], ["0|七八九十", "0|壬癸子丑", "1|天地", "0|寅卯", "1|一二三四五六", "0|甲乙丙丁戊己庚辛"]);
        // A byline's single space under no cut is no gutter.
        assert_eq!(read("头版\n本报记者 王云娜     七八九十\n")[1..], ["0|七八九十", "1|本报记者 王云娜"]);
    }

    #[test]
    fn specks_in_a_gutter_go_with_the_text_beside_them_and_one_column_is_left_alone() {
        assert_eq!(read("头版\n一二三四五六     。。     七八九十\n")[1..], ["0|。。 七八九十", "1|一二三四五六"]);
        // A wide title under a row's pieces makes them one column with it (the engine read the
        // title's top twice, as scraps).
        let page = "头版\n更战:     一十五次委员\n栗战书主持召开第二十五次委员长会议     九次会议\n";
        assert_eq!(read(page)[1..], ["0|九次会议", "1|更战：", "0|一十五次委员", "0|栗战书主持召开第二十五次委员长会议"]);
        assert_eq!(read("plain text\n"), ["0|plain text"]);
        // A row of scraps is no row of columns.
        assert_eq!(read("头版\n人     外     司|\n")[1..], ["0|人     外     司|".replace("     ", " ")]);
    }

    #[test]
    fn the_first_line_is_read_on_its_own_and_rows_below_the_pages_top_are_left_as_read() {
        // The running head's pieces stand over the titles' columns; they stay the running head's
        // (and it stays one line: a two-character label is no column).
        let page = "2019年2月27日 星期三     民生     第4版\n甲乙丙丁戊己庚辛壬癸     天地玄黄宇宙洪荒\n";
        assert_eq!(read(page), ["0|2019年2月27日 星期三 民生 第4版", "0|天地玄黄宇宙洪荒", "1|甲乙丙丁戊己庚辛壬癸"]);
        let mut deep = "正文一行。\n".repeat(super::TOP_ROWS);
        deep.push_str("甲乙丙丁戊己     天地玄黄宇宙\n");
        assert_eq!(read(&deep).last().map(String::as_str), Some("0|甲乙丙丁戊己 天地玄黄宇宙"));
    }
}
