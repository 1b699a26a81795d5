//! CJK cleanup: half-width punctuation inside CJK text to full width, and the stray spaces OCR puts between CJK characters.

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
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut opened: Vec<bool> = Vec::new();
    let prev_of = |i: usize| chars[..i].iter().rev().copied().find(|c| *c != ' ');
    let next_of = |i: usize| chars[i + 1..].iter().copied().find(|c| *c != ' ');
    for (i, &c) in chars.iter().enumerate() {
        let Some(wide) = full_width(c) else {
            out.push(c);
            continue;
        };
        let p = prev_of(i);
        let n = next_of(i);
        let ctx = |x: Option<char>| x.is_some_and(is_cjk_context);
        let digits = p.is_some_and(|x| x.is_ascii_digit()) && n.is_some_and(|x| x.is_ascii_digit());
        let convert = match c {
            '(' => {
                let conv = ctx(p) || ctx(n);
                opened.push(conv);
                conv
            }
            ')' => opened.pop().unwrap_or(false) || ctx(p) || ctx(n),
            _ => !digits && (ctx(p) || ctx(n)),
        };
        out.push(if convert { wide } else { c });
    }
    Some(out)
}

/// Removes spaces OCR put inside CJK text: between two CJK characters, and next to CJK punctuation
/// (unless the other side is a Latin letter, where a space may be real).
pub fn squeeze_spaces(s: &str) -> String {
    if !s.contains(' ') {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 && i + 1 < chars.len() {
            let (l, r) = (chars[i - 1], chars[i + 1]);
            let both = is_cjk_context(l) && is_cjk_context(r);
            let punct = (is_cjk_punct(l) && !r.is_ascii_alphabetic()) || (is_cjk_punct(r) && !l.is_ascii_alphabetic());
            if both || punct {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_width_marks_in_cjk_text() {
        assert_eq!(fix_punct("今年以来,中心(明珠路800号)共受理:100%,好!").unwrap(), "今年以来，中心（明珠路800号）共受理：100%，好！");
        assert_eq!(fix_punct("时间10:30,共1,000人").unwrap(), "时间10:30，共1,000人");
        assert_eq!(fix_punct("hello, world"), None);
    }

    #[test]
    fn stray_spaces() {
        assert_eq!(squeeze_spaces("徐泾 镇社区 ，服务"), "徐泾镇社区，服务");
        assert_eq!(squeeze_spaces("使用 iPhone 手机"), "使用 iPhone 手机");
    }
}
