//! Sizes: each line's type size, from the file's font sizes where it gives them, else from the
//! line's box: the advance of its characters for CJK (set on a square grid; a short line whose
//! advance miscounts a character, by its height), its height read against the letters it holds
//! for other scripts.
//!
//! Tesseract's hOCR `x_size` is not used: it is estimated per paragraph, so a kicker set above its
//! title in one paragraph gets the title's size.

use super::LineGeo;
use crate::ocrxml::{Document, Line};

/// Share of a page's characters (or lines) that must carry a measure for the page to be sized by
/// it: a measure on some lines only would mix units.
const COVERED: f32 = 0.8;

/// How much of an em a text's box spans, judged from its letters: ideographs fill most of the
/// em; capitals, digits and ascenders reach cap height; descenders add below. A word in capitals
/// is as tall as one in lower case set a third smaller, and only this reading tells them apart.
fn em_share(text: &str) -> f32 {
    let (mut cjk, mut tall, mut deep) = (false, false, false);
    for c in text.chars() {
        if crate::lang::is_cjk(c) || c as u32 >= 0x3000 {
            cjk = true;
        } else if c.is_uppercase() || c.is_ascii_digit() || "bdfhklt()[]/'\"ij!?".contains(c) || (!c.is_ascii() && c.is_alphabetic()) {
            tall = true;
        }
        if "gjpqy,;()[]".contains(c) {
            deep = true;
        }
    }
    let top = if cjk { 0.88 } else if tall { 0.72 } else { 0.5 };
    top + if deep && !cjk { 0.21 } else { 0.0 }
}

/// The em of a line from its words' heights, each read against its own letters: words are boxed
/// level even where the scan is skewed, when the line's box grows with the skew.
fn height_em(line: &Line) -> f32 {
    let words: Vec<(f32, usize)> =
        line.words.iter().filter(|w| w.bbox.h > 0.0).map(|w| (w.bbox.h / em_share(&w.text), w.text.chars().count())).collect();
    weighted_median(words).unwrap_or_else(|| {
        let text: String = line.words.iter().map(|w| w.text.as_str()).collect();
        if line.bbox.h > 0.0 { line.bbox.h / em_share(&text) } else { 0.0 }
    })
}

/// The em of a CJK line: the advance of its characters (ideographs and full-width marks take a
/// whole em, digits, Latin letters and half-width marks about half) over the width they are set
/// in. Gaps wider than a character between the line's words are left out of that width: an engine
/// may string one line across a gap between columns, or between a title's halves. With it, the
/// ems its characters count. `None` for a line that is not mostly CJK.
fn cjk_em(line: &Line) -> Option<(f32, f32)> {
    let ems = |text: &str| -> f32 {
        text.chars().filter(|c| !c.is_whitespace()).map(|ch| if crate::lang::is_cjk(ch) || ch as u32 >= 0x3000 { 1.0 } else { HALF_WIDTH }).sum()
    };
    let cjk = line.words.iter().flat_map(|w| w.text.chars()).filter(|&c| crate::lang::is_cjk(c) || c as u32 >= 0x3000).count();
    let n: f32 = line.words.iter().map(|w| ems(&w.text)).sum();
    if cjk < 2 || (cjk as f32) < n / 2.0 || line.bbox.w <= 0.0 {
        return None;
    }
    // A character's width as its words are boxed (to the ink, a little under the advance).
    let ink = weighted_median(line.words.iter().filter(|w| !w.bbox.is_empty()).map(|w| (w.bbox.w / ems(&w.text).max(0.5), 1)).collect()).unwrap_or(line.bbox.w / n);
    let mut boxes: Vec<(f32, f32)> = line.words.iter().filter(|w| !w.bbox.is_empty()).map(|w| (w.bbox.x, w.bbox.right())).collect();
    boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
    // A gap past half a character is space the line spans, not space its characters take.
    let spanned: f32 = boxes.windows(2).map(|p| (p[1].0 - p[0].1 - ink * 0.5).max(0.0)).sum();
    let set = (line.bbox.w - spanned).max(line.bbox.w * 0.25);
    Some((set / n, n))
}

/// Most ems a CJK line may count for its height to check its advance: one character more or
/// less changes the count of a short line by a fifth and more.
const SHORT_LINE_EMS: f32 = 5.0;
/// Least ems a CJK line counts for its height against its advance to measure the page's own
/// ratio of the two (the engine's line boxes run about 1.04 ems high).
const LONG_LINE_EMS: f32 = 10.0;
/// A short line whose height runs past its advance by more than this share of the page's own
/// ratio counts a character the engine read out of a stroke (了明意见 for 明意见); up to
/// `MISCOUNT_MAX`, which one such character in a line of two explains (3/2, with slack), its
/// em is its height's. Further off, the line is no text (specks, a rule).
const MISCOUNT_MIN: f32 = 1.2;
const MISCOUNT_MAX: f32 = 1.6;

/// Measures short CJK lines whose advance miscounts a character by their height instead, against
/// the page's ratio of line height to advance on its long lines (`ems`: each line's advance and
/// count, `geo` the lines as measured, both in `lines`' order).
fn mend_miscounted(lines: &[&Line], ems: &[Option<(f32, f32)>], geo: &mut [LineGeo]) {
    let ratios: Vec<(f32, usize)> = lines.iter().zip(ems).filter_map(|(l, e)| e.filter(|&(a, n)| n >= LONG_LINE_EMS && a > 0.0).map(|(a, _)| (l.bbox.h / a, 1))).collect();
    let Some(k) = weighted_median(ratios) else { return };
    for ((l, e), g) in lines.iter().zip(ems).zip(geo.iter_mut()) {
        // (Ideographs and full-width marks only: a digit's or a Latin letter's advance is a
        // guess, and 第4版 no miscount.)
        let ideographs = || l.words.iter().flat_map(|w| w.text.chars()).all(|c| crate::lang::is_cjk(c) || crate::lang::is_cjk_punct(c));
        if let Some((a, n)) = *e
            && n <= SHORT_LINE_EMS
            && a > 0.0
            && ideographs()
            && (MISCOUNT_MIN..=MISCOUNT_MAX).contains(&(l.bbox.h / a / k))
        {
            g.em = l.bbox.h / k;
        }
    }
}

/// The advance of a digit, Latin letter or half-width mark, in ems of CJK type.
const HALF_WIDTH: f32 = 0.55;

fn chars(line: &Line) -> usize {
    line.words.iter().map(|w| w.text.chars().count()).sum()
}

/// The face most of a line's characters are set in (0 where that is none the file names).
fn main_face(line: &Line) -> u32 {
    let mut best = (0u32, 0usize);
    let mut seen: Vec<(u32, usize)> = Vec::new();
    for w in &line.words {
        let n = w.text.chars().count();
        match seen.iter_mut().find(|s| s.0 == w.style.face) {
            Some(s) => s.1 += n,
            None => seen.push((w.style.face, n)),
        }
    }
    for s in seen {
        if s.1 > best.1 {
            best = s;
        }
    }
    best.0
}

/// The median of `(value, weight)` pairs by weight.
fn weighted_median(mut v: Vec<(f32, usize)>) -> Option<f32> {
    v.retain(|&(x, w)| x > 0.0 && x.is_finite() && w > 0);
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = v.iter().map(|p| p.1).sum();
    let mut seen = 0;
    for (x, w) in &v {
        seen += w;
        if seen * 2 >= total {
            return Some(*x);
        }
    }
    v.last().map(|p| p.0)
}

/// Every line of the page in the file's order, with its size against the body text's.
pub(crate) fn measure(doc: &Document) -> Vec<LineGeo> {
    let lines = || doc.blocks.iter().enumerate().flat_map(|(b, blk)| blk.lines.iter().enumerate().map(move |(l, line)| (b, l, line)));
    let total_chars: usize = lines().map(|(_, _, l)| chars(l)).sum();
    let sized_chars: usize = lines().map(|(_, _, l)| l.words.iter().filter(|w| w.font_size.is_some() || l.font_size.is_some()).map(|w| w.text.chars().count()).sum::<usize>()).sum();
    let by_font = total_chars > 0 && sized_chars as f32 >= COVERED * total_chars as f32;
    // A CJK line's em from its advance, with the ems it counts (none where the file gives sizes).
    let cjk: Vec<Option<(f32, f32)>> = lines().map(|(_, _, l)| if by_font { None } else { cjk_em(l) }).collect();
    let em_of = |l: &Line, cjk: Option<(f32, f32)>| -> f32 {
        if by_font {
            // The size most of the line's characters are set in.
            let sizes: Vec<(f32, usize)> = l.words.iter().filter_map(|w| w.font_size.or(l.font_size).map(|s| (s, w.text.chars().count()))).collect();
            return weighted_median(sizes).or(l.font_size).unwrap_or(0.0);
        }
        cjk.map_or_else(|| height_em(l), |(em, _)| em)
    };
    let mut out: Vec<LineGeo> = lines()
        .zip(&cjk)
        .map(|((b, i, l), &c)| {
            let n = chars(l);
            let bold_chars: usize = l.words.iter().filter(|w| w.style.bold || l.style.bold).map(|w| w.text.chars().count()).sum();
            LineGeo { block: b, line: i, bbox: l.bbox, em: em_of(l, c), ratio: 1.0, bold: n > 0 && bold_chars * 2 > n, chars: n, other_face: false }
        })
        .collect();
    if cjk.iter().any(Option::is_some) {
        let all: Vec<&Line> = lines().map(|(_, _, l)| l).collect();
        mend_miscounted(&all, &cjk, &mut out);
    }
    // The body's face is the one most of the page's characters are set in; a line set mostly in
    // another named face stands out from it. Faces the file does not name (0) say nothing.
    let faces: Vec<u32> = lines().map(|(_, _, l)| main_face(l)).collect();
    let mut count: rustc_hash::FxHashMap<u32, usize> = Default::default();
    for (f, g) in faces.iter().zip(&out) {
        *count.entry(*f).or_default() += g.chars;
    }
    if let Some((&body, _)) = count.iter().filter(|(f, _)| **f != 0).max_by_key(|(f, n)| (**n, **f)) {
        for (f, g) in faces.iter().zip(&mut out) {
            g.other_face = *f != 0 && *f != body;
        }
    }
    if let Some(body) = weighted_median(out.iter().map(|g| (g.em, g.chars)).collect()) {
        for g in &mut out {
            g.ratio = if g.em > 0.0 { g.em / body } else { 1.0 };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocrxml::{BBox, Block, Format, Line, Word};

    fn line(text: &str, h: f32) -> Line {
        Line {
            id: None,
            bbox: BBox { x: 0.0, y: 0.0, w: 100.0, h },
            words: text.split(' ').map(|t| Word { id: None, text: t.into(), bbox: BBox::default(), conf: None, subs_content: None, font_size: None, style: Default::default() }).collect(),
            font_size: None,
            x_size: None,
            style: Default::default(),
            hyphen: Default::default(),
            kind: None,
        }
    }

    fn doc(lines: Vec<Line>) -> Document {
        let blocks = lines.into_iter().enumerate().map(|(i, l)| Block { id: None, bbox: l.bbox, lines: vec![l], group: None, kind: None, order: i }).collect();
        Document { format: Format::Alto, width: 1000.0, height: 1000.0, unit: "pixel".into(), image: None, blocks, language: None, producer: None }
    }

    #[test]
    fn capitals_are_measured_by_cap_height() {
        // Body lines 28 px tall with ascenders and descenders; a headline in capitals 32 px tall
        // is set far bigger than its box's height says.
        let mut ls: Vec<Line> = (0..10).map(|_| line("the stock of Outboard Marine Corp, rising", 28.0)).collect();
        ls.push(line("U.S. PERSONAL", 32.0));
        let g = measure(&doc(ls));
        assert!((g[0].ratio - 1.0).abs() < 0.01);
        assert!(g[10].ratio > 1.4, "{}", g[10].ratio);
    }

    #[test]
    fn a_line_in_a_face_other_than_the_body_s_is_marked() {
        let face = |l: &mut Line, f: u32| l.words.iter_mut().for_each(|w| w.style.face = f);
        let mut ls: Vec<Line> = (0..5).map(|_| line("le corps du texte", 20.0)).collect();
        ls.iter_mut().for_each(|l| face(l, 7));
        let mut head = line("Lieber armer Teufel", 20.0);
        face(&mut head, 9);
        ls.push(head);
        // A face the file does not name says nothing.
        let mut unnamed = line("Ein Schmelzer", 20.0);
        face(&mut unnamed, 0);
        ls.push(unnamed);
        let marked: Vec<bool> = measure(&doc(ls)).iter().map(|g| g.other_face).collect();
        assert_eq!(marked, [false, false, false, false, false, true, false]);
    }

    /// A CJK line `h` high whose words (one per character) each advance `adv`.
    fn cjk_line(text: &str, h: f32, adv: f32) -> Line {
        let mut l = line(text, h);
        l.words = text.chars().enumerate().map(|(i, c)| Word { id: None, text: c.into(), bbox: BBox { x: i as f32 * adv, y: 0.0, w: adv * 0.9, h: h * 0.9 }, conf: None, subs_content: None, font_size: None, style: Default::default() }).collect();
        l.bbox.w = text.chars().count() as f32 * adv - adv * 0.1;
        l
    }

    #[test]
    fn a_short_cjk_line_with_a_character_read_out_of_a_stroke_is_measured_by_its_height() {
        // A title's last line 明意见, three characters 44 wide, read as 了明意见 (了 out of 明's
        // strokes): by advance its em is 33, a deck's size beside the title's 44. Its height says
        // 44. A line with a digit (第4版) keeps its advance, and so does one whose height is far
        // off its advance (specks).
        let mut ls: Vec<Line> = (0..10).map(|_| cjk_line("镇上的新图书馆上周正式开放了", 30.0, 30.0)).collect();
        ls.push(cjk_line("中央人民政府就香港特别", 44.0, 44.0));
        let mut spurious = cjk_line("了明意见", 44.0, 33.0);
        spurious.words[0].bbox.w = 10.0;
        ls.push(spurious);
        ls.push(cjk_line("第4版", 44.0, 33.0));
        ls.push(cjk_line("骑唾", 90.0, 20.0));
        let g = measure(&doc(ls));
        assert!((g[11].ratio - g[10].ratio).abs() < 0.1, "{} {}", g[11].ratio, g[10].ratio);
        assert!(g[12].ratio < 1.3, "{}", g[12].ratio);
        assert!(g[13].ratio < 1.0, "{}", g[13].ratio);
    }

    #[test]
    fn font_sizes_win_when_the_file_gives_them() {
        let mut ls: Vec<Line> = (0..5).map(|_| line("le corps du texte", 40.0)).collect();
        for l in &mut ls {
            l.font_size = Some(10.0);
        }
        let mut head = line("Autour du Parlement", 40.0);
        head.font_size = Some(19.0);
        ls.push(head);
        let g = measure(&doc(ls));
        assert!((g[5].ratio - 1.9).abs() < 0.01);
    }
}
