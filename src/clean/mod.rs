//! Clean: the page's text as lines, each with its span into the source and its cleaned text.
//!
//! Cleaning never moves a span: a line's span is its content in the source, and every later unit
//! points back through the lines it was built from.

pub mod cjk;
pub mod columns;
pub mod hyphen;
pub mod ocr;
pub mod vocab;
pub mod unicode;

use crate::lang::{is_alphabetic, is_cjk, is_uppercase};
use crate::source::{Source, Span, Warning};
use std::borrow::Cow;

/// Counts over a line's cleaned text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Stats {
    pub chars: u32,
    pub cjk: u32,
    pub latin: u32,
    pub upper: u32,
    pub digits: u32,
    /// Columns when set in a CJK font: CJK and full-width forms count two, the rest one.
    pub width: u32,
}

impl Stats {
    pub fn of(s: &str) -> Stats {
        let mut st = Stats::default();
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // ASCII without decoding or the Unicode tables.
                st.chars += 1;
                st.width += 1;
                if b.is_ascii_alphabetic() {
                    st.latin += 1;
                    st.upper += u32::from(b.is_ascii_uppercase());
                } else if b.is_ascii_digit() {
                    st.digits += 1;
                }
                i += 1;
                continue;
            }
            // A three-byte sequence led by E5 to E9 is U+5000 to U+9FFF, and one led by E4 B8 to
            // E4 BF is U+4E00 to U+4FFF: a CJK ideograph either way, most of a Chinese page,
            // counted without decoding.
            if (0xE5..=0xE9).contains(&b) || (b == 0xE4 && bytes.get(i + 1).is_some_and(|&b1| b1 >= 0xB8)) {
                st.chars += 1;
                st.cjk += 1;
                st.width += 2;
                i += 3;
                continue;
            }
            let c = s[i..].chars().next().expect("on a character boundary");
            i += c.len_utf8();
            st.chars += 1;
            if is_cjk(c) {
                st.cjk += 1;
                st.width += 2;
                continue;
            }
            st.width += cols(c);
            if is_alphabetic(c) {
                st.latin += 1;
                if is_uppercase(c) {
                    st.upper += 1;
                }
            } else if c.is_ascii_digit() {
                st.digits += 1;
            }
        }
        st
    }
    /// The counts of two texts laid end to end.
    pub fn plus(&self, o: &Stats) -> Stats {
        Stats {
            chars: self.chars + o.chars,
            cjk: self.cjk + o.cjk,
            latin: self.latin + o.latin,
            upper: self.upper + o.upper,
            digits: self.digits + o.digits,
            width: self.width + o.width,
        }
    }

    /// Letters, digits and CJK characters: the part of a line that is text rather than marks.
    pub fn wordy(&self) -> u32 {
        self.cjk + self.latin + self.digits
    }
}

/// A character's display columns as a CJK font sets it: CJK and full-width forms (from U+2E80)
/// two, the rest one. What `Stats::width` adds up.
pub(crate) fn cols(c: char) -> u32 {
    if (c as u32) >= 0x2E80 { 2 } else { 1 }
}

/// One non-blank line of the page.
#[derive(Debug, Clone)]
pub struct Line {
    /// The line's content in the source: from its first to its last non-whitespace byte.
    pub span: Span,
    /// Cleaned text: NFC, invisibles dropped, whitespace collapsed, Markdown heading marks removed,
    /// half-width punctuation in CJK text made full-width. Spaces between CJK characters are kept
    /// here (a byline's name padding needs them) and removed when a block is built.
    pub text: String,
    pub indent: u16,
    /// Blank lines between this line and the previous non-blank one (or the top of the page).
    pub blank_before: u16,
    /// Markdown heading level (`## ` is 2), 0 for none.
    pub md_heading: u8,
    /// Ends in two spaces: a Markdown hard line break inside one block.
    pub hard_break: bool,
    /// Ended in a soft hyphen: the word goes on at the start of the next line.
    pub soft_hyphen_end: bool,
    /// The structured file says the line's last word is cut and goes on at the start of the next
    /// line (ALTO's HYP with the whole word in SUBS_CONTENT): the hyphen ending it goes.
    pub word_cut: bool,
    pub stats: Stats,
}

/// Splits the source into lines and cleans each one.
pub fn lines(src: &Source, max_line_bytes: usize, warnings: &mut Vec<Warning>) -> Vec<Line> {
    let mut splits = Splits::default();
    let out = lines_in(src, max_line_bytes, 0..src.text.len(), &mut splits);
    splits.warn(max_line_bytes, warnings);
    out
}

/// The over-long lines a page's windows cut into pieces, counted across its windows so the page
/// says so once.
#[derive(Debug, Default)]
pub struct Splits {
    n: usize,
    /// The first [`SPLITS_SHOWN`] pieces.
    spans: Vec<Span>,
}

/// Pieces of over-long lines a page's warning points to: the count says how many more there are.
const SPLITS_SHOWN: usize = 32;

impl Splits {
    /// The page's `line-split` warning, if any line was cut.
    pub fn warn(self, max_line_bytes: usize, warnings: &mut Vec<Warning>) {
        if self.n > 0 {
            warnings.push(Warning::new(
                "line-split",
                format!("{} piece(s) of lines longer than {} bytes were analysed as separate lines", self.n, max_line_bytes),
                self.spans,
            ));
        }
    }

    fn push(&mut self, span: Span) {
        self.n += 1;
        if self.spans.len() < SPLITS_SHOWN {
            self.spans.push(span);
        }
    }
}

/// [`lines`] over the source's bytes `range` only (a window of a long page: it starts at a line's
/// start, or at the page's), its spans still into the whole source; the lines cut into pieces are
/// counted in `splits`.
pub fn lines_in(src: &Source, max_line_bytes: usize, range: std::ops::Range<usize>, splits: &mut Splits) -> Vec<Line> {
    let bytes: &[u8] = &src.text[..range.end];
    // Valid UTF-8 (nearly every page) was checked once when the page was read, not once per line.
    let valid = src.valid;
    // One Line per line at most (pieces of over-long lines aside): counting them first spares
    // growing the vector a dozen times.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', &bytes[range.start..]).count() + 1);
    let mut blank = 0u16;
    let mut buf = String::new();
    let mut start = range.start;
    let mut piece = |ps: usize, pe: usize, out: &mut Vec<Line>, buf: &mut String| {
        // Line ends and piece cuts fall on character boundaries, so a valid page slices cleanly.
        let raw = match valid {
            Some(text) => Cow::Borrowed(&text[ps..pe]),
            None => String::from_utf8_lossy(&bytes[ps..pe]),
        };
        match clean_line(&raw, ps, pe, blank, buf) {
            Some(line) => {
                out.push(line);
                blank = 0;
            }
            None => blank = blank.saturating_add(1),
        }
    };
    while start <= bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let mut e = end;
        if e > start && bytes[e - 1] == b'\r' {
            e -= 1;
        }
        if e - start <= max_line_bytes || max_line_bytes < 16 {
            piece(start, e, &mut out, &mut buf);
        } else {
            for (ps, pe) in pieces(bytes, start, e, max_line_bytes) {
                if pe - ps < e - start {
                    splits.push(Span(ps, pe));
                }
                piece(ps, pe, &mut out, &mut buf);
            }
        }
        if end >= bytes.len() {
            break;
        }
        start = end + 1;
    }
    mend_across(&mut out);
    out
}

/// Lines below a misread opener that may hold its closer: an aside in a column runs over a line
/// break or two (〈记者 / 温馨）), rarely further.
const CLOSER_LINES: usize = 2;

/// Mends the misread opener a line leaves open (`cjk::mend_brackets` sees one line only) by the
/// first bracket of the lines that go on below it, without a blank line between: the line and
/// those below are mended as pieces of one text, and the line takes its piece back.
fn mend_across(lines: &mut [Line]) {
    for i in 0..lines.len() {
        if !cjk::open_misread(&lines[i].text) {
            continue;
        }
        let below = lines[i + 1..].iter().take(CLOSER_LINES).take_while(|l| l.blank_before == 0).count();
        let mut pieces: Vec<String> = lines[i..=i + below].iter().map(|l| l.text.clone()).collect();
        cjk::mend_pieces(&mut pieces);
        let line = &mut lines[i];
        if pieces[0] != line.text {
            line.text = std::mem::take(&mut pieces[0]);
            line.stats = Stats::of(&line.text);
        }
    }
}

/// Cuts `[s, e)` into pieces of at most `max` bytes, at a space or a character boundary.
fn pieces(bytes: &[u8], s: usize, e: usize, max: usize) -> Vec<(usize, usize)> {
    if e - s <= max || max < 16 {
        return vec![(s, e)];
    }
    let mut v = Vec::new();
    let mut a = s;
    while e - a > max {
        let mut cut = a + max;
        // Prefer the last space in the window's second half; else back off to a UTF-8 boundary.
        if let Some(i) = memchr::memrchr(b' ', &bytes[a + max / 2..cut]) {
            cut = a + max / 2 + i + 1;
        } else {
            // A character has at most three continuation bytes: a longer run is invalid UTF-8,
            // where any cut splits nothing. (Backing off through such a run made one-byte pieces,
            // each costing a scan of the window.)
            let mut c = cut;
            while c > cut - 3 && (bytes[c] & 0xC0) == 0x80 {
                c -= 1;
            }
            if (bytes[c] & 0xC0) != 0x80 {
                cut = c;
            }
        }
        v.push((a, cut));
        a = cut;
    }
    v.push((a, e));
    v
}

/// Cleans one raw line starting at byte `offset`; `None` when it holds no text.
fn clean_line(raw: &str, offset: usize, end: usize, blank_before: u16, buf: &mut String) -> Option<Line> {
    // Whitespace is valid UTF-8 and U+FFFD is not whitespace, so the trimmed lengths at both ends are
    // the same in the raw bytes as in the lossy string, even when the middle held invalid bytes.
    let lead = raw.len() - raw.trim_start().len();
    let trail = raw.len() - raw.trim_end().len();
    let content = raw.trim();
    if content.is_empty() {
        return None;
    }
    let span = Span(offset + lead, end - trail);
    let hard_break = raw.ends_with("  ") || raw.ends_with("\u{3000}\u{3000}");
    let mut body = content;
    let mut md_heading = 0u8;
    let hashes = body.bytes().take_while(|b| *b == b'#').count();
    if (1..=6).contains(&hashes) && body[hashes..].starts_with([' ', '\t']) {
        md_heading = hashes as u8;
        body = body[hashes..].trim_start();
    }
    let soft_hyphen_end = body.ends_with('\u{00AD}');
    let seen = unicode::clean_chars(body, buf);
    // Only CJK text with a half-width mark has any to widen.
    let mut text = match (seen.cjk && seen.marks).then(|| cjk::fix_punct(buf)).flatten() {
        Some(fixed) => fixed,
        None => buf.clone(),
    };
    if let Some(mended) = seen.cjk.then(|| cjk::mend_brackets(&text)).flatten() {
        text = mended;
    }
    if text.is_empty() {
        // Only invisible characters: still a line the page holds, kept so its bytes are accounted for.
        return Some(Line {
            span,
            text,
            indent: 0,
            blank_before,
            md_heading: 0,
            hard_break: false,
            soft_hyphen_end: false,
            word_cut: false,
            stats: Stats::default(),
        });
    }
    let stats = Stats::of(&text);
    Some(Line { span, text, indent: unicode::indent_columns(raw), blank_before, md_heading, hard_break, soft_hyphen_end, word_cut: false, stats })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<Line> {
        let src = Source::utf8(None, s.as_bytes());
        lines(&src, crate::config::Config::default().max_line_bytes, &mut Vec::new())
    }

    #[test]
    fn spans_blanks_and_markdown() {
        let ls = run("\n\n## 标题\n\n  正文,第一行  \r\n第二行\n");
        assert_eq!(ls.len(), 3);
        assert_eq!(ls[0].md_heading, 2);
        assert_eq!(ls[0].text, "标题");
        assert_eq!(ls[0].blank_before, 2);
        assert_eq!(ls[1].text, "正文，第一行");
        assert_eq!(ls[1].indent, 2);
        assert!(ls[1].hard_break);
        assert_eq!(&"\n\n## 标题\n\n  正文,第一行  \r\n第二行\n"[ls[1].span.0..ls[1].span.1], "正文,第一行");
        assert_eq!(ls[2].blank_before, 0);
    }

    /// Stats::of as first written, one char at a time through the general tests.
    fn stats_reference(s: &str) -> Stats {
        let mut st = Stats::default();
        for c in s.chars() {
            st.chars += 1;
            if is_cjk(c) {
                st.cjk += 1;
                st.width += 2;
                continue;
            }
            st.width += if (c as u32) >= 0x2E80 { 2 } else { 1 };
            if c.is_alphabetic() {
                st.latin += 1;
                if c.is_uppercase() {
                    st.upper += 1;
                }
            } else if c.is_ascii_digit() {
                st.digits += 1;
            }
        }
        st
    }

    #[test]
    fn stats_agree_with_their_first_form() {
        for s in ["", "Harbor Board, 1987: ÉTÉ déjà", "本报北京2月3日电（记者王珂）“你好”，世界。", "一丁万亐乀乙", "龜龥鿿〇々ぁアｱＡ１", "𠀀𪜀 ß ǅ Ⅻ ﬁ"] {
            assert_eq!(Stats::of(s), stats_reference(s), "{s}");
        }
        // Every character of the Basic Multilingual Plane, one after another.
        let all: String = (0..0x10000u32).filter_map(char::from_u32).collect();
        assert_eq!(Stats::of(&all), stats_reference(&all));
    }

    #[test]
    fn regression_invalid_continuation_run_cut_into_one_byte_pieces() {
        let mut s = "é".repeat(200).into_bytes();
        s.extend(std::iter::repeat_n(0x80u8, 10_000));
        let src = Source::utf8(None, &s);
        let cfg = crate::config::Config { max_line_bytes: 64, ..Default::default() };
        let ls = lines(&src, cfg.max_line_bytes, &mut Vec::new());
        // Pieces of (nearly) the full width, not one byte each.
        assert!(ls.len() < s.len() / 32, "{} pieces", ls.len());
        assert_eq!(ls.iter().map(|l| l.span.len()).sum::<usize>(), s.len());
        for w in ls.windows(2) {
            assert_eq!(w[0].span.1, w[1].span.0);
        }
    }

    #[test]
    fn regression_a_misread_opener_closed_on_the_line_below_is_mended() {
        let ls = run("新华社北京2月19日电 〈记者\n温馨)国务委员兼外长\n\n读《红楼梦\n》有感\n\n〈大数据观察\n\n关注)\n");
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "新华社北京2月19日电 （记者");
        // A book's title closing below, and a closer past a blank line, leave the opener as printed.
        assert_eq!(texts[2], "读《红楼梦");
        assert_eq!(texts[4], "〈大数据观察");
    }

    #[test]
    fn long_lines_are_cut_on_boundaries() {
        let s = "字".repeat(100);
        let src = Source::utf8(None, s.as_bytes());
        let cfg = crate::config::Config { max_line_bytes: 64, ..Default::default() };
        let mut w = Vec::new();
        let ls = lines(&src, cfg.max_line_bytes, &mut w);
        assert!(ls.len() > 1);
        assert_eq!(ls.iter().map(|l| l.span.len()).sum::<usize>(), 300);
        assert_eq!(w[0].code, "line-split");
    }
}
