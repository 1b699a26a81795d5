//! CJK cleanup: half-width punctuation inside CJK text to full width, opening brackets the OCR
//! misread mended by their closers, and the stray spaces OCR puts between CJK characters.

use crate::lang::{is_cjk, is_cjk_context, is_cjk_punct};

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Converts `, : ; ! ? ( )` to their full-width forms where they sit in CJK text. A mark between two
/// ASCII digits (1,000 or 10:30) stays; a closing bracket follows its opening one.
pub fn fix_punct(s: &str) -> Option<String> {
    if !s.bytes().any(|b| matches!(b, b',' | b':' | b';' | b'!' | b'?' | b'(' | b')')) || !s.chars().any(is_cjk) {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut opened: Vec<bool> = Vec::new();
    // The text up to `last` is in `out`; the marks are ASCII, so each is one byte at `i`.
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let Some(wide) = full_width(b as char) else { continue };
        let p = s[..i].chars().rev().find(|c| *c != ' ');
        let n = s[i + 1..].chars().find(|c| *c != ' ');
        let ctx = |x: Option<char>| x.is_some_and(is_cjk_context);
        let digits = p.is_some_and(|x| x.is_ascii_digit()) && n.is_some_and(|x| x.is_ascii_digit());
        let convert = match b {
            b'(' => {
                let conv = ctx(p) || ctx(n);
                opened.push(conv);
                conv
            }
            b')' => opened.pop().unwrap_or(false) || ctx(p) || ctx(n),
            _ => !digits && (ctx(p) || ctx(n)),
        };
        if convert {
            out.push_str(&s[last..i]);
            out.push(wide);
            last = i + 1;
        }
    }
    out.push_str(&s[last..]);
    Some(out)
}

/// What OCR engines read a round opening bracket as, in CJK type.
const MISREAD: [char; 2] = ['〈', '《'];

/// Whether `s` holds one of [`MISREAD`]: asked of every line and paragraph, so one character at a
/// time (a search for one character runs on its last byte; a set of them decodes the text).
fn has_misread(s: &str) -> bool {
    MISREAD.iter().any(|&c| s.contains(c))
}

/// Mends an opening bracket an OCR engine misread: 〈 or 《 closed by ） is （ (春节里的体育滋味
/// 《体坛观澜）, 〈记者林德韧）). The closer decides, as the nearer bracket after the opener: a
/// book's title closes on 》, an aside on ）. Run on text whose half-width marks are widened.
pub fn mend_brackets(s: &str) -> Option<String> {
    if !has_misread(s) {
        return None;
    }
    let mut out: Vec<char> = s.chars().collect();
    let mut changed = false;
    // Read from the end, so the nearest bracket after each opener is at hand: one pass, however
    // many openers the line holds.
    let mut next = None;
    for c in out.iter_mut().rev() {
        let bracket = is_bracket(*c);
        if MISREAD.contains(c) && matches!(next, Some('）' | ')')) {
            *c = '（';
            changed = true;
        }
        if bracket {
            next = Some(*c);
        }
    }
    changed.then(|| out.into_iter().collect())
}

/// [`mend_brackets`] over text the emitter joins from pieces read apart (a title's lines, a
/// paragraph's parts across a column break): an opener on one piece is mended by the closer on
/// another. Each piece keeps its place: a mend changes one character for one.
pub fn mend_pieces(pieces: &mut [String]) {
    if !pieces.iter().any(|p| has_misread(p)) {
        return;
    }
    let Some(mended) = mend_brackets(&pieces.concat()) else { return };
    let mut rest = mended.as_str();
    for p in pieces.iter_mut() {
        let cut = rest.char_indices().nth(p.chars().count()).map_or(rest.len(), |(i, _)| i);
        *p = rest[..cut].to_string();
        rest = &rest[cut..];
    }
}

/// Whether a line leaves a misread opener without any bracket after it (本报北京2月19日电〈记者 /
/// 温馨）), for the lines below to decide.
pub fn open_misread(s: &str) -> bool {
    has_misread(s) && s.chars().rev().find(|&c| is_bracket(c)).is_some_and(|c| MISREAD.contains(&c))
}

/// The brackets `mend_brackets` reads: round (a closer the OCR engine gave half-width, where no
/// CJK text stood beside it to widen it, counts), angle and book brackets.
fn is_bracket(c: char) -> bool {
    matches!(c, '（' | '〈' | '《' | '）' | '〉' | '》' | '(' | ')')
}

/// The halves of a CJK headline (高升村  步步高): the parts a wide gap of two spaces or more
/// separates when the line has one, else those single spaces separate.
pub fn heading_halves(t: &str) -> impl Iterator<Item = &str> {
    let gap = if t.contains("  ") { "  " } else { " " };
    t.split(gap).map(str::trim).filter(|p| !p.is_empty())
}

/// Removes spaces OCR put inside CJK text: between two CJK characters, and next to CJK punctuation
/// (unless the other side is a Latin letter, where a space may be real).
pub fn squeeze_spaces(s: &str) -> String {
    if !s.contains(' ') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    // The text up to `last` is in `out`; a space is one byte, its neighbours whole characters.
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        if b != b' ' || i == 0 || i + 1 == s.len() {
            continue;
        }
        let (Some(l), Some(r)) = (s[..i].chars().next_back(), s[i + 1..].chars().next()) else { continue };
        let both = is_cjk_context(l) && is_cjk_context(r);
        let punct = (is_cjk_punct(l) && !r.is_ascii_alphabetic()) || (is_cjk_punct(r) && !l.is_ascii_alphabetic());
        if both || punct {
            out.push_str(&s[last..i]);
            last = i + 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_halves_split_at_the_wide_gap_when_there_is_one() {
        assert_eq!(heading_halves("高升村 步步高").collect::<Vec<_>>(), ["高升村", "步步高"]);
        assert_eq!(heading_halves("东 莞  明 天 更 好").collect::<Vec<_>>(), ["东 莞", "明 天 更 好"]);
        assert_eq!(heading_halves(" 单独一行 ").collect::<Vec<_>>(), ["单独一行"]);
    }

    #[test]
    fn half_width_marks_in_cjk_text() {
        assert_eq!(fix_punct("今年以来,中心(明珠路800号)共受理:100%,好!").unwrap(), "今年以来，中心（明珠路800号）共受理：100%，好！");
        assert_eq!(fix_punct("时间10:30,共1,000人").unwrap(), "时间10:30，共1,000人");
        assert_eq!(fix_punct("hello, world"), None);
    }

    #[test]
    fn an_opener_misread_as_an_angle_or_book_bracket_is_mended_by_its_closer() {
        assert_eq!(mend_brackets("春节里的体育滋味《体坛观澜）").unwrap(), "春节里的体育滋味（体坛观澜）");
        assert_eq!(mend_brackets("本报北京2月14日电〈记者林德韧）经历").unwrap(), "本报北京2月14日电（记者林德韧）经历");
        // A book's title, and an opener left open on its line, stay as printed.
        assert_eq!(mend_brackets("读《红楼梦》（节选）"), None);
        assert_eq!(mend_brackets("这个年，真有范儿〈大数据观察。"), None);
        assert_eq!(mend_brackets("没有书名号"), None);
        // Each opener by the bracket nearest after it.
        assert_eq!(mend_brackets("《人民日报〈评论）").unwrap(), "《人民日报（评论）");
        assert_eq!(mend_brackets("为保障职工权益找办法〈新春走基层“代表委员履职)").unwrap(), "为保障职工权益找办法（新春走基层“代表委员履职)");
    }

    #[test]
    fn an_opener_left_open_at_the_line_end_is_found_for_the_lines_below() {
        assert!(open_misread("新华社北京2月19日电〈记者"));
        assert!(!open_misread("读《红楼梦》有感"));
        assert!(!open_misread("（记者温馨）国务委员"));
    }

    #[test]
    fn pieces_joined_by_the_emitter_are_mended_across_and_keep_their_places() {
        let mut title = vec!["首个工作日 干事有状态 〈干部状态".to_string(), "新观察）".to_string()];
        mend_pieces(&mut title);
        assert_eq!(title, ["首个工作日 干事有状态 （干部状态", "新观察）"]);
        let mut book = vec!["读《红楼梦".to_string(), "》有感".to_string()];
        mend_pieces(&mut book);
        assert_eq!(book, ["读《红楼梦", "》有感"]);
    }

    #[test]
    fn stray_spaces() {
        assert_eq!(squeeze_spaces("徐泾 镇社区 ，服务"), "徐泾镇社区，服务");
        assert_eq!(squeeze_spaces("使用 iPhone 手机"), "使用 iPhone 手机");
    }
}
