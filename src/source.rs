//! The page's original bytes, how they were decoded, and the byte spans that point back into them.

use schemars::JsonSchema;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::borrow::Cow;

/// A half-open byte range `[start, end)` into the page's text; serialized as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
pub struct Span(pub usize, pub usize);

impl Span {
    pub fn start(self) -> usize {
        self.0
    }
    pub fn end(self) -> usize {
        self.1
    }
    pub fn len(self) -> usize {
        self.1 - self.0
    }
    pub fn is_empty(self) -> bool {
        self.1 == self.0
    }
}

/// Something about the page worth telling the reader of its JSON: a repair, a limit applied, a doubt.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Warning {
    /// A stable machine-readable code, e.g. `invalid-utf8`, `line-split`, `unresolved-cut`.
    pub code: String,
    pub message: String,
    /// Where in the text it applies, if anywhere.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<Span>,
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>, spans: Vec<Span>) -> Self {
        Warning { code: code.to_string(), message: message.into(), spans }
    }
}

/// What the spans of a page count bytes of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SpanBase {
    /// Byte offsets into the input file exactly as read.
    Input,
    /// Byte offsets into the UTF-8 text the input was decoded to (the input was in another encoding).
    DecodedUtf8,
}

/// One page's input: the bytes as read, and the bytes every span indexes.
#[derive(Debug)]
pub struct Source<'a> {
    pub path: Option<String>,
    /// Length of the input as read.
    pub input_len: usize,
    pub sha256: String,
    /// The encoding found (or forced), as a WHATWG label such as `UTF-8`.
    pub encoding: String,
    pub span_base: SpanBase,
    /// The bytes that spans index: the input itself when it is UTF-8 (valid or not), else its UTF-8 decoding.
    pub text: Cow<'a, [u8]>,
    /// `text` as a string when it is valid UTF-8 as it stands (checked once, here), so the
    /// stages after need not check it again.
    pub valid: Option<&'a str>,
    pub warnings: Vec<Warning>,
}

impl<'a> Source<'a> {
    /// Takes UTF-8 (or nearly UTF-8) input as it is: spans index the input bytes; invalid sequences are
    /// reported and later decoded lossily line by line, so no byte is dropped.
    pub fn utf8(path: Option<String>, bytes: &'a [u8]) -> Source<'a> {
        let mut warnings = Vec::new();
        let encoding = if bytes.starts_with(b"\xEF\xBB\xBF") { "UTF-8 (BOM)" } else { "UTF-8" };
        let valid = std::str::from_utf8(bytes);
        if let Err(first) = valid {
            let bad = invalid_utf8_spans(bytes, first.valid_up_to());
            let n: usize = bad.iter().map(|s| s.len()).sum();
            let mut shown = bad;
            shown.truncate(32);
            warnings.push(Warning::new(
                "invalid-utf8",
                format!("{n} byte(s) are not valid UTF-8; they are read as U+FFFD and still covered by line spans"),
                shown,
            ));
        }
        Source {
            path,
            input_len: bytes.len(),
            sha256: sha256_hex(bytes),
            encoding: encoding.to_string(),
            span_base: SpanBase::Input,
            text: Cow::Borrowed(bytes),
            valid: valid.ok(),
            warnings,
        }
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Spans of the invalid sequences in `bytes`, scanning from `from` (everything before is valid).
fn invalid_utf8_spans(bytes: &[u8], mut from: usize) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    while from < bytes.len() {
        match std::str::from_utf8(&bytes[from..]) {
            Ok(_) => break,
            Err(e) => {
                let start = from + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - start);
                match out.last_mut() {
                    Some(last) if last.1 == start => last.1 = start + len,
                    _ => out.push(Span(start, start + len)),
                }
                from = start + len;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_are_located() {
        let s = Source::utf8(None, b"ab\xffcd\xfe\xfe");
        assert_eq!(s.warnings.len(), 1);
        assert_eq!(s.warnings[0].spans, vec![Span(2, 3), Span(5, 7)]);
    }

    #[test]
    fn bom_is_named() {
        assert_eq!(Source::utf8(None, "\u{feff}x".as_bytes()).encoding, "UTF-8 (BOM)");
    }
}
