//! Review pages: what newsseg did to a page, as one self-contained HTML file to open in a browser
//! (`view`), and an index of a run's pages (`index`). Built from the page object alone, like the
//! METS; CSS and JS are inline, nothing is loaded from outside, and the same page gives the same
//! bytes.
//!
//! Safety rests on two things. Every piece of page text goes through [`escape`], and JSON put in a
//! `<script>` block through [`script_json`]. Behind that, each document carries a Content Security
//! Policy that lets run only its own script, named by its SHA-256: were some text to slip through
//! unescaped, an injected `<script>` or `onerror=` would still not run.

pub mod index;
pub mod view;

pub use index::{Row, index};
pub use view::{PageView, Scan, page};

use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::sync::OnceLock;

/// The one stylesheet of both kinds of page.
const CSS: &str = include_str!("review.css");

/// Appends `s` to `out` with everything HTML could read as markup escaped, in text and in quoted
/// attribute values alike. Control characters, which an HTML parser turns into errors or drops, are
/// shown as their Unicode control pictures (U+0000 as ␀), so a reviewer sees they are there.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\u{7f}' => out.push('\u{2421}'),
            c => out.push(c),
        }
    }
}

/// [`escape_into`] into a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    escape_into(&mut out, s);
    out
}

/// JSON for a `<script type="application/json">` block. The HTML parser ends a script element at
/// the first `</script` whatever JSON thinks of it, and `<!--` inside one changes how it looks for
/// the end; U+2028 and U+2029 end a line in older JavaScript. Each of those is written as a JSON
/// `\u` escape, which reads back as the same string.
pub fn script_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let raw = serde_json::to_string(value).expect("review data serializes");
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Standard base64 with padding, for the hashes a Content Security Policy names.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A CSP source naming a script or stylesheet by its content.
fn csp_hash(content: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(content.as_bytes())))
}

/// The policy of a document whose only script is `js`: nothing from the network, no plugins, no
/// forms, no base URL; images (the scan) only from the page's own place (`'self'`, `file:` when the
/// page is opened from disk) or inline data.
fn csp(js: &str) -> String {
    static STYLE: OnceLock<String> = OnceLock::new();
    let style = STYLE.get_or_init(|| csp_hash(CSS));
    format!(
        "default-src 'none'; img-src 'self' file: data:; style-src {style}; script-src {}; base-uri 'none'; form-action 'none'",
        csp_hash(js)
    )
}

/// The document's head up to and including `<body>`: encoding, policy, title and stylesheet.
fn head(out: &mut String, lang: &str, title: &str, js: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    escape_into(out, lang);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", escape(&csp(js)));
    out.push_str("<meta name=\"generator\" content=\"newsseg\">\n<title>");
    escape_into(out, title);
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n");
}

/// Closes the document with its script.
fn tail(out: &mut String, js: &str) {
    out.push_str("<script>");
    out.push_str(js);
    out.push_str("</script>\n</body>\n</html>\n");
}

/// A number for display: at most `places` decimals, no trailing zeros.
fn num(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(escape(r#"<script>alert("x")</script> & <img src=x onerror='y'>"#), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;y&#39;&gt;");
        assert_eq!(escape("a\u{0}b\u{1b}c\td\u{7f}"), "a\u{2400}b\u{241b}c\td\u{2421}");
        assert_eq!(escape("眼下，西瓜"), "眼下，西瓜");
    }

    #[test]
    fn json_in_a_script_block_cannot_close_it() {
        let v = serde_json::json!({"name": "</script><!--<script>x\u{2028}y\u{2029}&"});
        let s = script_json(&v);
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!s.contains(bad), "{bad:?} left in {s}");
        }
        let back: serde_json::Value = serde_json::from_str(&s).expect("still JSON");
        assert_eq!(back, v);
    }

    #[test]
    fn base64_matches_the_standard_vectors() {
        let cases = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")];
        for (plain, coded) in cases {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        // The hash form browsers compare a script with: sha256 of "alert(1)".
        assert_eq!(csp_hash("alert(1)"), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    }

    #[test]
    fn numbers_lose_trailing_zeros() {
        assert_eq!((num(1.0, 2), num(0.5, 2), num(0.347, 2), num(12.0, 0)), ("1".into(), "0.5".into(), "0.35".into(), "12".into()));
    }
}
