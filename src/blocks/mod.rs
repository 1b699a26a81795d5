//! Blocks: lines grouped into paragraphs, undoing the hard wrap of a column (and its hyphenation).

pub mod wrap;

use crate::clean::hyphen::{self, Dehyphen, Vocab};
use crate::clean::ocr::Corrector;
use crate::clean::{Line, Stats};
use crate::lang::Lang;
use crate::source::Span;
use std::ops::Range;

/// How the page's lines are set, measured from the page itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// Paragraphs are hard-wrapped at a column width (else: one line per paragraph, Markdown-style).
    pub wrapped: bool,
    /// Typical length of a full column line, in characters and in display columns.
    pub width_chars: u32,
    pub width_cols: u32,
    /// The page indents the first line of its paragraphs.
    pub indents: bool,
    /// Paragraphs follow each other without blank lines, so a blank line marks a column break, not
    /// a paragraph's end (old newspaper OCR).
    pub blank_is_column_break: bool,
    /// The text was derived from a structured file: a blank line is a paragraph's end, and nothing
    /// else is (the geometry found the paragraphs).
    pub geometric: bool,
    /// A CJK column set to one exact measure (as an OCR engine reads a printed page): its lines'
    /// printed widths tell where paragraphs end (see `wrap`).
    pub measure: Option<wrap::Measure>,
}

crate::id::id! {
    /// A block's place in the page's list of blocks, and in the lists made beside it, one entry
    /// per block (classes, feature bags): what seeds, units and articles name their text by.
    BlockId
}

/// A paragraph-like run of lines.
#[derive(Debug, Clone)]
pub struct Block {
    /// Indices into the page's lines.
    pub lines: Range<usize>,
    /// The lines' cleaned text joined: CJK lines without a space, Latin lines with one, hyphenation undone.
    pub text: String,
    pub indent: bool,
    pub blank_before: u16,
    pub blank_after: u16,
    pub md_heading: u8,
    /// Several short lines stacked with hard breaks (a two-line headline).
    pub stacked: bool,
    /// Two or three short lines of capitalised words set tight over a line of prose: a title set
    /// directly over its text, as narrow columns set theirs (`title_over_text`).
    pub title_run: bool,
    /// The last line reaches the column's width: the paragraph was not finished there.
    pub last_full: bool,
    /// The block's own measure: the width (display columns) most of its lines before the last reach,
    /// where it has enough of them to say (`measure_of`). Columns of one page set to different
    /// measures tell their stories apart where the words cannot.
    pub measure: Option<u32>,
    /// Where the page's column was measured (`Layout::measure`, with a lost indent): whether the
    /// first line falls short by the indent, opening a paragraph (`Some(true)`), or fills the
    /// column, going on with one begun elsewhere (`Some(false)`).
    pub opening: Option<bool>,
    pub cjk: bool,
    pub stats: Stats,
    /// Line-end hyphens kept because newsseg could not tell whether they are real.
    pub unsure_hyphens: Vec<Span>,
    /// Words mended from common OCR misreadings.
    pub mended: usize,
}

impl Block {
    pub fn span(&self, lines: &[Line]) -> Span {
        Span(lines[self.lines.start].span.0, lines[self.lines.end - 1].span.1)
    }
    pub fn line_spans(&self, lines: &[Line]) -> Vec<Span> {
        lines[self.lines.clone()].iter().map(|l| l.span).collect()
    }
    pub fn n_lines(&self) -> usize {
        self.lines.len()
    }
}

fn percentile(mut v: Vec<u32>, p: f32) -> u32 {
    if v.is_empty() {
        return 0;
    }
    v.sort_unstable();
    v[((v.len() - 1) as f32 * p).round() as usize]
}

/// How a block starts: does its first sentence begin here or further back? Worked out by
/// `classify`, kept with the blocks so that the seam model reads it without the classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Start {
    /// Clearly a fresh paragraph (indented where the page indents).
    Fresh,
    Unknown,
    /// Goes on with a paragraph begun elsewhere: an unindented first line where the page indents its
    /// paragraphs (the sentence above may or may not have ended).
    Cont,
    /// Clearly the middle of a sentence (lower case, a comma).
    Mid,
}

impl Start {
    /// Continues text from elsewhere (mid-sentence or mid-paragraph).
    pub fn continues(self) -> bool {
        matches!(self, Start::Mid | Start::Cont)
    }
}

/// Measures the page's layout from its lines.
pub fn layout(lines: &[Line], lang: &Lang) -> Layout {
    let mut in_long_runs = 0usize;
    let mut run_start = 0usize;
    let mut inner_chars = Vec::new();
    let mut inner_cols = Vec::new();
    let n = lines.len();
    for i in 0..=n {
        let new_run = i == n || lines[i].blank_before > 0 || lines[i].md_heading > 0 || i == 0;
        if new_run && i > run_start {
            let len = i - run_start;
            if len >= 3 {
                in_long_runs += len;
            }
            if len >= 2 {
                for l in &lines[run_start..i - 1] {
                    inner_chars.push(l.stats.chars);
                    inner_cols.push(l.stats.width);
                }
            }
        }
        if new_run {
            run_start = i;
        }
    }
    let wrapped = n > 0 && in_long_runs as f32 / n as f32 >= 0.3;
    let indented = lines.iter().filter(|l| l.indent >= 2).count();
    let mut lay = Layout {
        wrapped,
        width_chars: percentile(inner_chars, 0.75),
        width_cols: percentile(inner_cols, 0.75),
        indents: wrapped && indented >= 2 && indented * 50 >= n && indented * 10 <= n * 9,
        blank_is_column_break: false,
        geometric: false,
        measure: None,
    };
    if lay.wrapped && !lay.indents && lang.code.is_cjk() {
        lay.measure = wrap::measure(lines, |l| l.stats.cjk >= l.stats.latin);
    }
    if lay.wrapped && !lay.indents && lay.width_chars > 0 {
        // Count runs of lines that hold a paragraph's end inside them (a short line closing a
        // sentence, with more lines under it before any blank line).
        let (mut runs, mut with_inner_end) = (0usize, 0usize);
        let mut i = 0;
        while i < n {
            let mut j = i + 1;
            while j < n && lines[j].blank_before == 0 && lines[j].md_heading == 0 {
                j += 1;
            }
            if j - i >= 4 {
                runs += 1;
                let inner = (i..j - 1).any(|k| {
                    let l = &lines[k];
                    l.stats.chars * 10 < lay.width_chars * 7 && lang.ends_sentence(&l.text)
                });
                with_inner_end += usize::from(inner);
            }
            i = j;
        }
        lay.blank_is_column_break = runs >= 3 && with_inner_end * 2 >= runs;
    }
    lay
}

fn is_caps_line(l: &Line) -> bool {
    l.stats.latin >= 3 && l.stats.upper * 10 >= l.stats.latin * 8
}

impl Layout {
    fn full(&self, l: &Line, cjk: bool) -> bool {
        if self.width_chars == 0 {
            return false;
        }
        if cjk {
            l.stats.chars + 1 >= self.width_chars || l.stats.width + 2 >= self.width_cols
        } else {
            reaches(l.stats.chars, self.width_chars)
        }
    }

    fn over_wide(&self, l: &Line) -> bool {
        if self.width_chars == 0 {
            return false;
        }
        // CJK columns are set to an exact count; Latin lines are ragged, so allow more.
        let cjk = l.stats.cjk >= l.stats.latin;
        if let (Some(m), true) = (self.measure, cjk) {
            return wrap::print_cols(&l.text) > m.col + 4 + m.col / 8;
        }
        let limit = if cjk { self.width_chars + 2 + self.width_chars / 8 } else { self.width_chars * 13 / 10 + 2 };
        l.stats.chars > limit
    }

    /// A byline set tight over its story's first line stands on its own (By Greg McCune, Reuters),
    /// on a page of text or in a block of a structured file, unless it breaks off at a comma: its
    /// names go on below (OUR WAR CORRESPONDENT, / JACK PERCIVAL).
    fn byline_over(&self, prev: &Line, lang: &Lang) -> bool {
        let byline = prev.text.trim();
        !byline.ends_with(',') && lang.byline.iter().any(|r| r.is_match(byline))
    }

    /// Whether `cur` starts a new block after `prev` (both non-blank, `cur` directly below).
    /// `first`: `prev` opens its block; `next`: the line set tight under `cur`, if any.
    fn breaks(&self, prev: &Line, cur: &Line, first: bool, next: Option<&Line>, lang: &Lang) -> bool {
        if self.geometric {
            return cur.blank_before > 0 || self.byline_over(prev, lang);
        }
        if cur.blank_before > 0 || cur.md_heading > 0 || prev.md_heading > 0 {
            return true;
        }
        if prev.hard_break {
            return false;
        }
        if !self.wrapped {
            return true;
        }
        if self.indents && cur.indent >= 2 && cur.indent > prev.indent {
            return true;
        }
        // A line wider than the column is not a column line: a headline set across columns.
        if self.over_wide(prev) || self.over_wide(cur) {
            return true;
        }
        let cjk = prev.stats.cjk >= prev.stats.latin;
        if cjk {
            return match self.measure {
                Some(m) => m.ends_at(prev, cur, first, lang) || m.opens_at(prev, cur, next, lang),
                None => !self.full(prev, true),
            };
        }
        if self.byline_over(prev, lang) {
            return true;
        }
        // A line that opens on a dated dateline goes on into its paragraph, however short and
        // whatever it ends on (WASHINGTON, MARCH 23 - U.S.).
        let dated = |t: &str| lang.dateline_captures(t).and_then(|c| c.name("dateline")).is_some_and(|m| m.as_str().contains(|c: char| c.is_ascii_digit()));
        if dated(&prev.text) {
            return false;
        }
        if !self.full(prev, false) && lang.ends_sentence(&prev.text) {
            return true;
        }
        // A capitals line over a line in lower case: a heading set directly above its text. Two
        // capitals lines are two headline lines (a headline and its deck), unless one breaks at a
        // function word (ADVANCES ANNOUNCED / IN COMMUNIQUE), which the headline group rejoins.
        if is_caps_line(prev) && is_caps_line(cur) {
            // ...unless the first line breaks off at a comma ("OUR WAR CORRESPONDENT," / "JACK PERCIVAL").
            return !prev.text.trim_end().ends_with(',');
        }
        is_caps_line(prev) && !is_caps_line(cur) && prev.stats.chars < self.width_chars.max(20)
    }
}

/// Groups lines into blocks. Lines marked `solo` (furniture, noise) stand as blocks of their own.
pub fn build(lines: &[Line], layout: &Layout, lang: &Lang, solo: &[bool]) -> Vec<Block> {
    build_sure(lines, layout, lang, solo, None)
}

/// [`build`], mending no word of `sure` (lower-cased words an OCR engine read with high confidence).
pub fn build_sure(lines: &[Line], layout: &Layout, lang: &Lang, solo: &[bool], sure: Option<&rustc_hash::FxHashSet<Box<str>>>) -> Vec<Block> {
    let mut bounds = Vec::new();
    let mut start = 0;
    for i in 1..=lines.len() {
        if i == lines.len() || solo[i] || solo[i - 1] || layout.breaks(&lines[i - 1], &lines[i], start == i - 1, lines.get(i + 1).filter(|l| l.blank_before == 0), lang) || title_over_text(layout, &lines[start..i], &lines[i], lang) {
            bounds.push(start..i);
            start = i;
        }
    }
    if lines.is_empty() {
        bounds.clear();
    }
    if layout.wrapped && !layout.geometric {
        bounds = bounds.into_iter().flat_map(|r| split_stacked_heads(lines, r, lang)).collect();
    }
    let latin_page = !lang.code.is_cjk();
    let vocab = if latin_page || lines.iter().any(|l| l.text.ends_with('-') || l.text.contains("- ")) {
        let texts = lines.iter().map(|l| l.text.as_str());
        Some(if lang.has_word_list() { Vocab::from_lines(texts) } else { Vocab::from_words(texts) })
    } else {
        None
    };
    // Mending needs the language's word list to tell a misread word from a rare correct one: on a
    // page in another language the English list would "mend" its words into English ones.
    let mut corrector = vocab
        .as_ref()
        .filter(|_| latin_page && lang.has_word_list() && !lang.ocr_confusions.is_empty())
        .map(|v| Corrector::new(v, &lang.ocr_confusions).sure_of(sure));
    let mut blocks: Vec<Block> = Vec::with_capacity(bounds.len());
    for r in bounds {
        let ls = &lines[r.clone()];
        let cjk_n: u32 = ls.iter().map(|l| l.stats.cjk).sum();
        let lat_n: u32 = ls.iter().map(|l| l.stats.latin).sum();
        let cjk = cjk_n > 0 && cjk_n >= lat_n;
        let mut unsure = Vec::new();
        let mut text = join_lines(ls, cjk, vocab.as_ref(), lang, &mut unsure);
        let mut mended = 0;
        if let (Some(c), false) = (&mut corrector, cjk)
            && let Some((t, n)) = c.correct(&text) {
                text = t;
                mended = n;
            }
        let stats = if cjk {
            // A CJK block's text is its lines' texts end to end, with a space after a hard line
            // break (nothing else is put in or taken out), and the counts add up over text laid
            // end to end: the lines' counts, summed, and the spaces'.
            let spaces = (text.len() - ls.iter().map(|l| l.text.len()).sum::<usize>()) as u32;
            let mut st = ls.iter().fold(Stats::default(), |a, l| a.plus(&l.stats));
            st.chars += spaces;
            st.width += spaces;
            debug_assert_eq!(st, Stats::of(&text));
            st
        } else {
            Stats::of(&text)
        };
        let first = &ls[0];
        let last = &ls[ls.len() - 1];
        // A structured file's blocks are its engine's, in type of several sizes (a notice's
        // display lines, its small print): a count of characters is no measure there.
        let measure = if layout.geometric { None } else { measure_of(ls) };
        blocks.push(Block {
            lines: r.clone(),
            indent: layout.indents && first.indent >= 2,
            blank_before: first.blank_before,
            blank_after: 0,
            md_heading: ls.iter().map(|l| l.md_heading).max().unwrap_or(0),
            stacked: ls.len() > 1 && ls[..ls.len() - 1].iter().all(|l| l.hard_break),
            title_run: lines.get(r.end).is_some_and(|n| title_over_text(layout, ls, n, lang)),
            // A Latin block of its own measure runs to its own column's foot, however narrow the
            // column is beside the page's widest.
            last_full: layout.wrapped && ls.len() > 1 && match (layout.measure, cjk, measure) {
                (Some(m), true, _) => m.fills(last),
                (_, false, Some(w)) => reaches(last.stats.width, w),
                _ => layout.full(last, cjk),
            },
            measure,
            opening: layout.measure.filter(|m| cjk && m.indent > 0 && ls.len() > 1 && first.indent == 0).and_then(|m| m.opening(first, &ls[1], lang)),
            cjk,
            stats,
            text,
            unsure_hyphens: unsure,
            mended,
        });
    }
    for i in 0..blocks.len() {
        blocks[i].blank_after = if i + 1 < blocks.len() { blocks[i + 1].blank_before } else { 1 };
    }
    blocks
}

/// Whether a Latin line of `len` reaches a column `measure` wide: ragged lines end a word or more
/// short of it, so within 30%.
fn reaches(len: u32, measure: u32) -> bool {
    len * 10 >= measure * 7
}

/// Fewest lines before a block's last for its measure to be read: fewer are as often a short
/// paragraph's or a list's as a column's.
const MEASURE_LINES: usize = 3;

/// The width, in display columns, that three in four of a block's lines before its last (which a
/// paragraph's end leaves short) stay within: a column's measure, which the short lines of a list
/// or a paragraph's end inside the block do not pull down. `None` for a block of too few lines to
/// tell (`MEASURE_LINES`).
fn measure_of(ls: &[Line]) -> Option<u32> {
    (ls.len() > MEASURE_LINES).then(|| percentile(ls[..ls.len() - 1].iter().map(|l| l.stats.width).collect(), 0.75))
}

/// Whether `run`, the lines of a block so far, is a title set tight over `next`, a line of prose:
/// two or three short lines, each of a few capitalised words with no stop or comma (Dismissed /
/// Men In / Protest March over The 150 men dismissed…). A narrow column's prose breaks its lines
/// anywhere, so a line of it in lower case, or closed by a stop, soon comes; a title's lines
/// never hold one.
fn title_over_text(layout: &Layout, run: &[Line], next: &Line, lang: &Lang) -> bool {
    if !layout.wrapped || layout.geometric || lang.code.is_cjk() || !(2..=3).contains(&run.len()) || next.blank_before > 0 {
        return false;
    }
    let title_line = |l: &Line| {
        let words: Vec<&str> = l.text.split_whitespace().collect();
        l.stats.chars <= lang.classify.title_line_max
            && l.stats.cjk == 0
            && !l.text.trim_end().ends_with(['.', ',', ';', '!', '?'])
            && words.iter().all(|w| !w.ends_with([',', '.', ';']) || w.len() <= 3)
            && words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            && words.iter().all(|w| w.chars().find(|c| c.is_alphabetic()).is_none_or(|c| c.is_uppercase() || lang.is_title_small(w)))
    };
    let prose = |l: &Line| {
        l.text.chars().next().is_some_and(char::is_uppercase)
            && l.text.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_lowercase) && !lang.is_title_small(w))
    };
    run.iter().all(title_line) && prose(next)
}

/// A short run of CJK lines that read as headline lines — without a single punctuation mark (a
/// column's prose has a comma every line or two), each a headline-like line broken between words, or
/// ending in a title with a column name — is not a wrapped paragraph but headline lines set one above
/// the other: one block each.
fn split_stacked_heads(lines: &[Line], r: Range<usize>, lang: &Lang) -> Vec<Range<usize>> {
    let ls = &lines[r.clone()];
    let n = ls.len();
    let cjk: u32 = ls.iter().map(|l| l.stats.cjk).sum();
    let short = (2..=3).contains(&n) && cjk >= 8 && ls[0].indent == 0 && ls.iter().all(|l| l.stats.chars <= 40);
    // Asked only of short runs: the rest of a page's paragraphs are read through for none of it.
    let unpunctuated = || ls.iter().all(|l| !l.text.contains(['，', '。', '、', '；', '：', '！', '？', ',', '.', ';', ':']));
    // A title ending in a bracketed column name (…（消费视窗）) under a kicker of any shape.
    let tagged_title = || ls.iter().all(|l| !l.text.contains(['。', '！', '？'])) && lang.is_tagged(&ls[n - 1].text);
    if short && (unpunctuated() || headline_lines(ls) || tagged_title()) {
        return r.map(|i| i..i + 1).collect();
    }
    vec![r]
}

/// Lines that each read as a headline line — no sentence mark, at most one comma balancing two
/// halves (这张成绩单，有看点) — and break between words, where a column's prose breaks inside a word
/// nearly half the time.
fn headline_lines(ls: &[Line]) -> bool {
    let line_ok = |t: &str| {
        let halves: Vec<&str> = t.split(['，', ',']).collect();
        !t.contains(['。', '；', '！', '？', ';', '!', '?', '、', '：', ':'])
            && halves.len() <= 2
            && halves.iter().all(|h| h.chars().filter(|c| crate::lang::is_cjk(*c)).count() >= 3)
    };
    ls.iter().all(|l| line_ok(&l.text))
        && ls.windows(2).all(|w| crate::lang::lexicon::split_word(&w[0].text, &w[1].text).is_none())
}

fn alpha_tail(s: &str) -> &str {
    let start = s.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map_or(s.len(), |(i, _)| i);
    &s[start..]
}

fn alpha_head(s: &str) -> &str {
    let end = s.char_indices().find(|(_, c)| !c.is_alphabetic()).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

fn join_lines(ls: &[Line], cjk: bool, vocab: Option<&Vocab>, lang: &Lang, unsure: &mut Vec<Span>) -> String {
    let mut out = String::with_capacity(ls.iter().map(|l| l.text.len() + 1).sum());
    for (i, l) in ls.iter().enumerate() {
        if i == 0 || out.is_empty() {
            out.push_str(&l.text);
            continue;
        }
        let prev = &ls[i - 1];
        if prev.hard_break {
            out.push(' ');
            out.push_str(&l.text);
            continue;
        }
        if prev.soft_hyphen_end {
            out.push_str(&l.text);
            continue;
        }
        if prev.word_cut {
            if out.ends_with(['-', '¬', '‐', '‑', '⸗', '=']) {
                out.pop();
            }
            out.push_str(&l.text);
            continue;
        }
        if cjk {
            // A CJK column breaks anywhere, even inside a number or a Latin word: no space to restore.
            out.push_str(&l.text);
            continue;
        }
        if out.ends_with('-') && !out.ends_with("--") {
            let left = alpha_tail(&out[..out.len() - 1]);
            let right = alpha_head(&l.text);
            let decision = match vocab {
                Some(v) if !left.is_empty() && !right.is_empty() => hyphen::decide_in(left, right, v, lang),
                _ => Dehyphen::Keep,
            };
            match decision {
                Dehyphen::Join => {
                    out.pop();
                }
                Dehyphen::Keep => {}
                Dehyphen::Unsure => unsure.push(Span(prev.span.0, l.span.1)),
            }
            out.push_str(&l.text);
            continue;
        }
        out.push(' ');
        out.push_str(&l.text);
    }
    if !cjk && out.contains("- ")
        && let Some(v) = vocab {
            out = join_split_words(&out, v, lang);
        }
    out
}

/// Mends "dif- ficult" inside a line (a hyphenated break that an earlier tool already unwrapped).
fn join_split_words(s: &str, vocab: &Vocab, lang: &Lang) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("- ") {
        let (head, tail) = (&rest[..i], &rest[i + 2..]);
        let left = alpha_tail(head);
        let right = alpha_head(tail);
        out.push_str(head);
        if !left.is_empty() && !right.is_empty() && hyphen::decide_inline(left, right, vocab, lang) == Dehyphen::Join {
            rest = tail;
        } else {
            out.push_str("- ");
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::lang::{Lang, LangCode};
    use crate::source::Source;

    fn blocks_of(s: &str, code: LangCode) -> Vec<Block> {
        let src = Source::utf8(None, s.as_bytes());
        let ls = crate::clean::lines(&src, Config::default().max_line_bytes, &mut Vec::new());
        let lay = layout(&ls, Lang::get(code));
        build(&ls, &lay, Lang::get(code), &vec![false; ls.len()])
    }

    #[test]
    fn english_unwrap_and_dehyphenate() {
        let page = "HEADLINE HERE\n\n  It was a dif-\nficult day for the\nwell-\nknown well-known firm, said\nthe man.\n  Next para-\ngraph starts here and\ngoes on to the end.\n";
        let b = blocks_of(page, LangCode::En);
        assert_eq!(b.len(), 3, "{b:#?}");
        assert_eq!(b[1].text, "It was a difficult day for the well-known well-known firm, said the man.");
        assert_eq!(b[2].text, "Next paragraph starts here and goes on to the end.");
    }

    #[test]
    fn cjk_lines_join_without_space() {
        let page = "标题\n\n　　第一段第一行文字很长很\n长第二行文字也很长很长\n结束。\n　　第二段第一行文字很长\n";
        let b = blocks_of(page, LangCode::Zh);
        assert_eq!(b[1].text, "第一段第一行文字很长很长第二行文字也很长很长结束。");
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn a_blocks_measure_is_the_width_most_of_its_lines_reach() {
        // Three lines before the last or more: the measure is read, as the width most of them
        // reach where the column's lines end raggedly.
        let page = "The council met on Monday evening to consider\nthe report of the engineer upon the roads of\nthe western ward, and the work is to begin in\nthe spring, at a cost of two thousand pounds.\nThe rest waits.\n";
        let b = blocks_of(page, LangCode::En);
        assert_eq!(b.len(), 1, "{b:#?}");
        assert_eq!(b[0].measure, Some(45));
        // Two lines before the last are as often a short paragraph's or a list's as a column's.
        let b = blocks_of("The council met on Monday to consider the\nreport of the engineer on the roads in\nthe ward.\n", LangCode::En);
        assert_eq!(b[0].measure, None);
    }

    /// A narrow column's paragraph whose last line fills that column was read as finished there,
    /// since the line falls short of the page's wider columns: the seam to the paragraph's rest
    /// lost the evidence of a column's foot.
    #[test]
    fn regression_a_narrow_columns_full_last_line_was_read_as_a_paragraphs_end() {
        let wide = "The council met on Monday evening to consider the report of the\nengineer upon the state of the roads in the western ward, which\nhave suffered much from the heavy traffic of the past winter and\nfrom the rains of the last month, and the engineer advised that\nseveral of the worst be remade at once, at the borough's cost.\n";
        let narrow = "Wheat was in fair demand at the\nopening of the week, and prices were\nfirm for prime samples from the\nsouthern districts. Flour was dull.\n";
        let b = blocks_of(&format!("{wide}\n\n{wide}\n\n{narrow}"), LangCode::En);
        let narrow = b.last().expect("the narrow block");
        assert_eq!(narrow.measure, Some(36), "{b:#?}");
        assert!(narrow.last_full, "{narrow:#?}");
    }

    #[test]
    fn markdown_hard_break_stacks() {
        let b = blocks_of("关注家庭和谐  \n守护心理健康\n\n正文。\n", LangCode::Zh);
        assert_eq!(b[0].text, "关注家庭和谐 守护心理健康");
        assert!(b[0].stacked);
    }
}
