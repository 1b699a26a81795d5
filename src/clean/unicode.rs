//! Character-level cleanup: NFC, full-width ASCII, ligatures and long s, invisible and control characters, whitespace.

use crate::lang::is_cjk;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What one input character becomes.
enum Mapped {
    Keep(char),
    Str(&'static str),
    Space,
    Drop,
}

fn map(c: char) -> Mapped {
    use Mapped::*;
    match c {
        // Full-width digits and Latin letters are ASCII that a CJK font set wide; punctuation is not
        // touched here because in CJK text its full width is correct (see cjk.rs).
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            Keep(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c))
        }
        'ﬀ' => Str("ff"),
        'ﬁ' => Str("fi"),
        'ﬂ' => Str("fl"),
        'ﬃ' => Str("ffi"),
        'ﬄ' => Str("ffl"),
        'ﬅ' | 'ﬆ' => Str("st"),
        'ſ' => Keep('s'),
        'Ĳ' => Str("IJ"),
        'ĳ' => Str("ij"),
        // Soft hyphen, zero-width and bidi controls carry no text; a soft hyphen at a line end is
        // handled by the caller before this runs.
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{180E}' => Drop,
        '\t' => Space,
        c if c.is_control() => Drop,
        c if c.is_whitespace() => Space,
        c => Keep(c),
    }
}

/// Characters that leave a string in NFC whatever surrounds them: the NFC quick check says Yes
/// for them and they have combining class 0 (checked for every one of them in the tests). A
/// string of nothing else is NFC, so the quick check itself runs only on strings holding others.
fn surely_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{2FF}' | '\u{2010}'..='\u{2027}' | '\u{3000}'..='\u{3029}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF5E}')
}

/// What [`clean_chars`] met in the text it wrote: whether it holds a CJK character, and one of
/// the ASCII marks CJK text may have set half-width (`, : ; ! ? ( )`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    pub cjk: bool,
    pub marks: bool,
}

/// Cleans one line's content: NFC, the mappings above, whitespace runs collapsed to one space, trimmed.
pub fn clean_chars(s: &str, out: &mut String) -> Seen {
    // Nearly every line is NFC as it stands: it is cleaned as it is, and normalised first only
    // if a character that may leave it otherwise turns up and the quick check says it does.
    match clean_as_is(s, out, true) {
        Some(seen) => seen,
        None => {
            let nfc = s.nfc().collect::<String>();
            clean_as_is(&nfc, out, false).expect("not checked")
        }
    }
}

/// [`clean_chars`] of `s` taken to be NFC, or `None` if `check` is set and the quick check
/// does not say it is.
fn clean_as_is(s: &str, out: &mut String, check: bool) -> Option<Seen> {
    out.clear();
    let mut seen = Seen::default();
    // Whether a character that may leave the text not NFC is yet to be met.
    let mut unchecked = check;
    let mut pending_space = false;
    // Characters kept as they are go out as runs of the input (`run..` up to the next character
    // that is not), instead of one push per character.
    let mut run: Option<usize> = None;
    let bytes = s.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let (i, b) = (next, bytes[next]);
        // Printable ASCII, the space and the ideographs U+4E00 to U+9FFF (three bytes led by E4 B8
        // to E4 BF or by E5 to E9) are nearly every character of a page: all leave the text NFC,
        // and they are told apart by their first byte, without decoding.
        let mapped = if (b'!'..=b'~').contains(&b) {
            seen.marks |= matches!(b, b',' | b':' | b';' | b'!' | b'?' | b'(' | b')');
            next += 1;
            None
        } else if b == b' ' {
            next += 1;
            Some(Mapped::Space)
        } else if (0xE5..=0xE9).contains(&b) || (b == 0xE4 && bytes.get(i + 1).is_some_and(|&b1| b1 >= 0xB8)) {
            seen.cjk = true;
            next += 3;
            None
        } else {
            let c = s[i..].chars().next().expect("on a character boundary");
            next += c.len_utf8();
            if unchecked && !surely_nfc(c) {
                if !matches!(is_nfc_quick(s.chars()), IsNormalized::Yes) {
                    return None;
                }
                unchecked = false;
            }
            match c {
                // CJK ideographs, kana and hangul are none of the characters `map` changes.
                c if is_cjk(c) => {
                    seen.cjk = true;
                    None
                }
                c => match map(c) {
                    Mapped::Keep(k) if k == c => None,
                    m => Some(m),
                },
            }
        };
        let Some(m) = mapped else {
            if run.is_none() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                run = Some(i);
            }
            continue;
        };
        if let Some(r) = run.take() {
            out.push_str(&s[r..i]);
        }
        match m {
            Mapped::Keep(k) => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(k);
            }
            Mapped::Str(t) => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push_str(t);
            }
            Mapped::Space => pending_space = true,
            Mapped::Drop => {}
        }
    }
    if let Some(r) = run {
        out.push_str(&s[r..]);
    }
    Some(seen)
}

/// Display columns of leading whitespace (tab = 4, ideographic space = 2).
pub fn indent_columns(s: &str) -> u16 {
    let mut n: u16 = 0;
    for c in s.chars() {
        match c {
            ' ' | '\u{00A0}' => n = n.saturating_add(1),
            '\t' => n = n.saturating_add(4),
            '\u{3000}' => n = n.saturating_add(2),
            c if c.is_whitespace() => n = n.saturating_add(1),
            '\u{FEFF}' | '\u{200B}' => {}
            _ => break,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        let mut o = String::new();
        clean_chars(s, &mut o);
        o
    }

    #[test]
    fn fullwidth_ascii_ligatures_and_invisibles() {
        assert_eq!(clean("２０２３年ＡＢｃ"), "2023年ABc");
        assert_eq!(clean("ﬁrst oﬃce ſtreet"), "first office street");
        assert_eq!(clean("a\u{200B}b\u{202E}c\u{0007}d"), "abcd");
        assert_eq!(clean("a \t\u{3000} b"), "a b");
        // Not NFC (e + combining acute, a Greek question mark): normalised first.
        assert_eq!(clean("caf\u{65}\u{301} x\u{37E}"), "caf\u{E9} x;");
        let mut o = String::new();
        assert_eq!(clean_chars("中文\u{37E}", &mut o), Seen { cjk: true, marks: true });
        assert_eq!(clean_chars("abc", &mut o), Seen { cjk: false, marks: false });
    }

    #[test]
    fn surely_nfc_characters_pass_the_quick_check_alone() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| surely_nfc(*c)) {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{:04X}", c as u32);
            assert_eq!(canonical_combining_class(c), 0, "{:04X}", c as u32);
        }
    }

    #[test]
    fn cjk_characters_map_to_themselves() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| is_cjk(*c)) {
            assert!(matches!(map(c), Mapped::Keep(k) if k == c), "{:04X}", c as u32);
        }
    }

    #[test]
    fn keeps_cjk_punctuation_and_composes() {
        assert_eq!(clean("你好，世界（一）"), "你好，世界（一）");
        assert_eq!(clean("e\u{0301}"), "\u{00e9}");
    }
}
