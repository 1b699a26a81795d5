//! Wrap: where the paragraphs of a hard-wrapped CJK column end, told from the lines' printed widths.
//!
//! A column set to an exact measure breaks a line only where the next character would not fit: a
//! line ends short because its paragraph ends, or because what opens the next line could not stand
//! in the room left (a Latin word or a number is not broken, a closing mark is not set at a line's
//! start, an opening one not at its end). An OCR engine drops the indent of a paragraph's first
//! line, which then falls short by the indent: that is no paragraph's end either.

use crate::clean::Line;
use crate::lang::{is_cjk, Lang};

/// How the page's column is set, measured from its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Measure {
    /// Printed width of a full column line, in columns (a CJK character is two).
    pub col: u32,
    /// Columns a paragraph's first line falls short of `col` where the indent was lost (0: none).
    pub indent: u32,
}

/// Fewest inner lines (text tight above and below) a page must have for its column to be measured:
/// a story of a few paragraphs; a page as an OCR engine reads it has hundreds.
const MEASURED_MIN: usize = 12;

/// Least share of a column's inner lines that stand within `FULL_SLACK` of its measure for the page
/// to read as set to one exact measure (a justified column): prose wrapped by a tool at a count of
/// characters, or ragged lines, vary more.
const EXACT_SHARE: f32 = 0.6;

/// Columns an inner line may fall short of the measure and still be full: one CJK character, for a
/// character the OCR dropped or a mark it read narrow.
const FULL_SLACK: u32 = 2;

/// Fewest paragraph openings, and the least share of them, that must fall short by one amount for
/// that amount to be read as a lost indent.
const INDENT_MIN: usize = 5;
const INDENT_SHARE: f32 = 0.4;

/// What a lost indent may measure: one to four CJK characters.
const INDENT_COLS: std::ops::RangeInclusive<u32> = 2..=8;

/// Printed width of a line as set in a CJK column: ideographs, full-width forms and the curly
/// quotes a CJK font sets full width count two columns, other characters one, and spaces (which
/// OCR puts between CJK characters at will) none.
pub fn print_cols(text: &str) -> u32 {
    text.chars()
        .map(|c| match c {
            ' ' | '\t' => 0,
            '“' | '”' | '‘' | '’' | '…' | '—' | '·' => 2,
            c => crate::clean::cols(c),
        })
        .sum()
}

/// Measures the column of a hard-wrapped CJK page, or `None` when its lines do not stand at one
/// exact measure. `cjk_line` tells the lines set in CJK text.
pub fn measure(lines: &[Line], cjk_line: impl Fn(&Line) -> bool) -> Option<Measure> {
    // Inner lines (text above and below, no blank between) of CJK text: full lines, nearly all.
    let n = lines.len();
    let inner = |i: usize| i > 0 && i + 1 < n && lines[i].blank_before == 0 && lines[i + 1].blank_before == 0 && lines[i].md_heading == 0;
    let mut widths: Vec<u32> = (0..n).filter(|&i| inner(i) && cjk_line(&lines[i])).map(|i| print_cols(&lines[i].text)).collect();
    if widths.len() < MEASURED_MIN {
        return None;
    }
    widths.sort_unstable();
    let col = mode(&widths)?;
    let near = widths.iter().filter(|&&w| w + FULL_SLACK >= col && w <= col + FULL_SLACK).count();
    if (near as f32) < EXACT_SHARE * widths.len() as f32 {
        return None;
    }
    // Paragraph openings: a line after a blank with text tight under it, not indented in the text.
    let shortfalls: Vec<u32> = (0..n)
        .filter(|&i| (i == 0 || lines[i].blank_before > 0) && i + 1 < n && lines[i + 1].blank_before == 0)
        .filter(|&i| lines[i].indent == 0 && lines[i].md_heading == 0 && cjk_line(&lines[i]))
        .filter_map(|i| col.checked_sub(print_cols(&lines[i].text)))
        .collect();
    let mut candidates: Vec<u32> = shortfalls.iter().copied().filter(|d| INDENT_COLS.contains(d)).collect();
    candidates.sort_unstable();
    let indent = mode(&candidates)
        .filter(|&d| {
            let count = shortfalls.iter().filter(|&&x| x == d).count();
            count >= INDENT_MIN && count as f32 >= INDENT_SHARE * shortfalls.len() as f32
        })
        .unwrap_or(0);
    Some(Measure { col, indent })
}

/// The most frequent value of a sorted list (the larger on a tie: a column's lines fall short of
/// its measure, never over it).
fn mode(sorted: &[u32]) -> Option<u32> {
    let mut best: Option<(u32, usize)> = None;
    let mut i = 0;
    while i < sorted.len() {
        let j = i + sorted[i..].iter().take_while(|&&w| w == sorted[i]).count();
        if best.is_none_or(|(_, c)| j - i >= c) {
            best = Some((sorted[i], j - i));
        }
        i = j;
    }
    best.map(|(w, _)| w)
}

/// Printed width of what must open a line: opening marks, then a run of Latin letters and digits
/// or one character, then the closing marks that may not start a line.
fn first_unit_cols(text: &str, lang: &Lang) -> u32 {
    let mut cs = text.chars().filter(|c| *c != ' ').peekable();
    let mut unit = String::new();
    while let Some(&c) = cs.peek() {
        if !lang.openers.contains(&c) {
            break;
        }
        unit.push(c);
        cs.next();
    }
    match cs.next() {
        Some(c) if c.is_ascii_alphanumeric() => {
            unit.push(c);
            while let Some(&d) = cs.peek() {
                if !(d.is_ascii_alphanumeric() || matches!(d, '.' | ',' | '%' | '-')) {
                    break;
                }
                unit.push(d);
                cs.next();
            }
        }
        Some(c) => unit.push(c),
        None => {}
    }
    while let Some(&c) = cs.peek() {
        if !(lang.nonstarters.contains(&c) || lang.closers.contains(&c)) || is_cjk(c) {
            break;
        }
        unit.push(c);
        cs.next();
    }
    print_cols(&unit)
}

impl Measure {
    /// Whether the paragraph ends at `prev`, set directly over `cur` in the column. `first`: `prev`
    /// opens its paragraph (and so falls short by a lost indent).
    pub fn ends_at(&self, prev: &Line, cur: &Line, first: bool, lang: &Lang) -> bool {
        // A line set in from the column's edge in the text has that much less room; one whose
        // indent the OCR dropped, the lost indent's.
        let set_in = if prev.indent > 0 { u32::from(prev.indent) } else if first { self.indent } else { 0 };
        let room = self.col.saturating_sub(print_cols(&prev.text) + set_in);
        let need = first_unit_cols(&cur.text, lang);
        // A sentence that ends with room to spare ends its paragraph; one that does not end may
        // be a line the OCR read a character short.
        room >= need + if lang.ends_sentence(&prev.text) { 0 } else { FULL_SLACK }
    }

    /// Whether a line fills the column: no character would have fitted after it.
    pub fn fills(&self, l: &Line) -> bool {
        print_cols(&l.text) + u32::from(l.indent) + FULL_SLACK > self.col
    }

    /// What a block's first line (with `next` set under it) says of its paragraph: short by the
    /// lost indent, it opens one (`Some(true)`); filling the column, it goes on with one begun
    /// above (`Some(false)`); other lengths say nothing.
    pub fn opening(&self, first: &Line, next: &Line, lang: &Lang) -> Option<bool> {
        if self.indent == 0 {
            // Where no indent was lost, every line of a paragraph fills the column.
            return None;
        }
        let short = self.col.saturating_sub(print_cols(&first.text));
        // A line too short to take what must open the line under it (子……, a Latin word) fell
        // short by the wrap, and an indent lost as well cannot be told from that.
        if short >= FULL_SLACK && first_unit_cols(&next.text, lang) > short {
            return None;
        }
        if short + FULL_SLACK / 2 >= self.indent && short <= self.indent + FULL_SLACK / 2 {
            Some(true)
        } else if short < FULL_SLACK {
            Some(false)
        } else {
            None
        }
    }

    /// Whether a line could be set in the column as a line of a paragraph: no shorter than an
    /// opening line (less a character's slack, for one the OCR dropped) and no wider than the
    /// column. A paragraph's last line may be shorter, but it ends a sentence.
    pub fn column_line(&self, text: &str) -> bool {
        let w = print_cols(text);
        w + self.indent + FULL_SLACK >= self.col && w <= self.col + FULL_SLACK
    }

    /// Whether a paragraph opens at `cur` though `prev` fills its line: `prev` ends a sentence,
    /// and `cur` falls short by just the lost indent with its paragraph going on below it
    /// (`next`, set tight under it): a line that short and unfinished is an opening.
    pub fn opens_at(&self, prev: &Line, cur: &Line, next: Option<&Line>, lang: &Lang) -> bool {
        let Some(next) = next else { return false };
        if self.indent == 0 || cur.indent > 0 || !lang.ends_sentence(&prev.text) || lang.ends_sentence(&cur.text) {
            return false;
        }
        self.opening(cur, next, lang) == Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::lang::LangCode;
    use crate::source::Source;

    fn lines(s: &str) -> Vec<Line> {
        crate::clean::lines(&Source::utf8(None, s.as_bytes()), Config::default().max_line_bytes, &mut Vec::new())
    }

    #[test]
    fn widths_count_ideographs_and_curly_quotes_twice_and_spaces_not_at_all() {
        assert_eq!(print_cols("年味浓浓。"), 10);
        assert_eq!(print_cols("“2019年 春晚”"), 14);
    }

    #[test]
    fn what_must_open_a_line() {
        let zh = Lang::get(LangCode::Zh);
        assert_eq!(first_unit_cols("华。”带队督查", zh), 6);
        assert_eq!(first_unit_cols("“2019年春晚", zh), 6);
        assert_eq!(first_unit_cols("VR、AR、AI等", zh), 4);
        assert_eq!(first_unit_cols("选择到博物馆", zh), 2);
    }

    #[test]
    fn a_first_line_short_by_its_lost_indent_goes_on() {
        let zh = Lang::get(LangCode::Zh);
        let col = Measure { col: 30, indent: 4 };
        let ls = lines("为了迎接春节的到来，不少人\n选择到博物馆里感悟优秀传统文\n化。\n春节期间，多项文化大餐将送\n");
        assert!(!col.ends_at(&ls[0], &ls[1], true, zh));
        assert!(!col.ends_at(&ls[1], &ls[2], false, zh));
        assert!(col.ends_at(&ls[2], &ls[3], false, zh));
        // Without the lost indent the same opening line would end its paragraph.
        assert!(Measure { col: 30, indent: 0 }.ends_at(&ls[0], &ls[1], true, zh));
    }

    #[test]
    fn a_line_that_could_not_take_what_opens_the_next_says_nothing_of_an_opening() {
        let zh = Lang::get(LangCode::Zh);
        let col = Measure { col: 30, indent: 4 };
        let ls = lines("桃、花生、红枣、葡萄干和瓜\n子……一样样摆得整整齐齐，前来\n子和糖一样样摆得整整齐齐，前来\n");
        assert_eq!(col.opening(&ls[0], &ls[1], zh), None);
        assert_eq!(col.opening(&ls[0], &ls[2], zh), Some(true));
    }
}
