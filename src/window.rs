//! Windows: where a long text page is cut into pieces that are analysed, linked and written one
//! after another, so the memory a page holds at once stays bounded whatever its length.
//!
//! The linker's working state (stories' index, seam scores, fragment bags) and the analysis under
//! it come to tens of bytes per byte of text; on a page of many megabytes (a whole issue or a book
//! in one file) that, not the page, is what fills memory. Reading order across megabytes of text
//! means nothing, so a window is linked on its own: an article never runs from one window into the
//! next. A page no longer than one window is one window, processed exactly as it always was.

use std::ops::Range;

/// A text page longer than this is cut into windows of about this size. Ordinary pages, up to a
/// few hundred kilobytes, stay whole; a window's working state (about 30 bytes per byte) stays
/// within tens of megabytes.
pub const WINDOW_BYTES: usize = 1 << 20;

/// The byte ranges of `text`'s windows, in order: they cover it exactly, each ends where a line
/// ends, and each but the last holds at least `window` bytes. A window ends at the first blank
/// line past `window` bytes (between paragraphs, where no sentence goes on), else at the first
/// line's end past it; a page with no line end past that point is one window. Every window starts
/// at a line's start, and at the blank lines before it, so its lines see the same blank lines above
/// them as on the whole page.
pub fn cuts(text: &[u8], window: usize) -> Vec<Range<usize>> {
    let window = window.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > window {
        let from = start + window;
        // A blank line: a line end followed by an empty (or only `\r`) line. The window ends just
        // after the first line end, where the blank line begins.
        // Looked for within one more window only, so the search costs no more than the window: a
        // page whose blank lines are further apart is cut at a line's end instead.
        let near = &text[from..text.len().min(from + window + 2)];
        let blank = [memchr::memmem::find(near, b"\n\n"), memchr::memmem::find(near, b"\n\r\n")].into_iter().flatten().min().map(|i| from + i + 1);
        let Some(end) = blank.or_else(|| memchr::memchr(b'\n', &text[from..]).map(|i| from + i + 1)) else { break };
        if end >= text.len() {
            break;
        }
        out.push(start..end);
        start = end;
    }
    out.push(start..text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &[u8], window: usize) -> Vec<Range<usize>> {
        let w = cuts(text, window);
        assert_eq!(w.first().map(|r| r.start), Some(0));
        assert_eq!(w.last().map(|r| r.end), Some(text.len()));
        for p in w.windows(2) {
            assert_eq!(p[0].end, p[1].start);
            assert_eq!(text[p[0].end - 1], b'\n');
            assert!(p[0].len() >= window);
        }
        w
    }

    #[test]
    fn a_page_no_longer_than_a_window_is_one() {
        assert_eq!(check(b"", 10), vec![0..0]);
        assert_eq!(check(b"one\n\ntwo\n", 9), vec![0..9]);
    }

    #[test]
    fn windows_end_at_a_blank_line_past_their_size() {
        let t = b"aaaa\nbbbb\n\ncccc\ndddd\n\neeee\n";
        // Past 6 bytes, the first blank line starts at 10: the window ends after "bbbb\n".
        assert_eq!(check(t, 6), vec![0..10, 10..21, 21..27]);
        assert_eq!(&t[10..12], b"\nc");
    }

    #[test]
    fn without_a_blank_line_near_a_line_end_will_do() {
        let t = b"aaaa\nbbbb\ncccc\ndddd\neeee\nffff\n\n";
        assert_eq!(check(t, 6), vec![0..10, 10..20, 20..30, 30..31]);
        // One line with no end: it cannot be cut.
        assert_eq!(check(&[b'x'; 100], 10), vec![0..100]);
    }

    #[test]
    fn crlf_blank_lines_count() {
        let t = b"aaaa\r\nbbbb\r\n\r\ncccc\r\n";
        assert_eq!(check(t, 6), vec![0..12, 12..20]);
    }
}
