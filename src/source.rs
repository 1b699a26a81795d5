//! The page's original bytes, how they were decoded (BOM, UTF-8, detected or forced legacy encoding),
//! binaries refused, and the byte spans that point back into the text.

use crate::error::{Error, ErrorKind, Result};
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
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
    /// Byte offsets into the page text newsseg derived from a structured file (ALTO, hOCR, PAGE),
    /// given in the page's `source.text`.
    DerivedText,
}

/// One page's input: the bytes as read, and the bytes every span indexes.
#[derive(Debug)]
pub struct Source<'a> {
    pub path: Option<String>,
    /// Length of the input as read.
    pub input_len: usize,
    pub sha256: String,
    /// The encoding found (or forced): `UTF-8`, `UTF-8 (BOM)`, or an encoding_rs name such as
    /// `UTF-16LE`, `gb18030`, `Big5`, `windows-1252`.
    pub encoding: String,
    pub span_base: SpanBase,
    /// The bytes that spans index: the input itself when it is UTF-8 (valid or not), else its UTF-8 decoding.
    pub text: Cow<'a, [u8]>,
    /// `text` as a string when it is valid UTF-8 as it stands (checked once, here), so the
    /// stages after need not check it again.
    pub valid: Option<&'a str>,
    pub warnings: Vec<Warning>,
}

/// `std::str::from_utf8`, with the check of valid text (nearly every page) done by SIMD: the
/// standard library's goes a character at a time through multi-byte (CJK) text. Invalid text
/// is checked again by the standard library, for where it goes wrong.
fn from_utf8(bytes: &[u8]) -> std::result::Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

/// How many bytes the sniffing tests look at: enough to judge, bounded so a huge page costs no more.
const SNIFF: usize = 64 << 10;
/// How many bytes the legacy-encoding detector is fed.
const DETECT: usize = 1 << 20;
/// Below this size the density tests say nothing (a one-line page with a NUL in it is still a page).
const MIN_SNIFF: usize = 64;

impl<'a> Source<'a> {
    /// Reads one page's bytes: a BOM decides first, then valid UTF-8, then detection of a legacy
    /// encoding (GB18030, Big5, Windows-1252, ...). `forced` (an encoding label) overrides all of it.
    /// Binaries are refused with [`ErrorKind::Binary`], an unknown label with [`ErrorKind::BadInput`].
    pub fn decode(path: Option<String>, bytes: &'a [u8], forced: Option<&str>) -> Result<Source<'a>> {
        if let Some(kind) = magic_kind(bytes) {
            return Err(Error::new(ErrorKind::Binary, format!("not a text page: the file is {kind}")));
        }
        if let Some(label) = forced {
            let enc = encoding_for_label(label)?;
            if enc == UTF_8 {
                return Ok(Source::utf8(path, bytes));
            }
            return Ok(Source::decoded(path, bytes, 0, enc, None));
        }
        if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
            return Err(Error::new(ErrorKind::BadInput, "UTF-32 text is not supported: convert it to UTF-8 (or UTF-16)"));
        }
        if let Some((enc, _)) = Encoding::for_bom(bytes) {
            if enc == UTF_8 {
                return Ok(Source::utf8(path, bytes));
            }
            // The BOM is left out of the decoding: it marks the encoding and is no part of the text.
            return Ok(Source::decoded(path, bytes, 2, enc, None));
        }
        // UTF-16 without a BOM is full of NULs; it must be recognised before NULs count against a file.
        if let Some(enc) = utf16_without_bom(bytes) {
            let why = format!("no BOM, but the NUL bytes fall where {} puts them", enc.name());
            return Ok(Source::decoded(path, bytes, 0, enc, Some(why)));
        }
        let body_len = bytes.len() - bytes.iter().rev().take_while(|&&b| b == 0).count();
        let body = &bytes[..body_len];
        let sample = &body[..body.len().min(SNIFF)];
        let nul = memchr::memchr_iter(0, sample).count();
        if sample.len() >= MIN_SNIFF && nul * 100 >= sample.len() * 30 {
            return Err(Error::new(
                ErrorKind::Binary,
                format!("not a text page: {}% of its first {} bytes are NUL", nul * 100 / sample.len(), sample.len()),
            ));
        }
        // Checked once here, and handed on: a second check in `utf8` would cost as much again.
        let checked = from_utf8(bytes);
        let utf8_err = checked.err();
        if utf8_err.is_some() && sample.len() >= MIN_SNIFF {
            let ctl = sample.iter().filter(|&&b| is_binary_control(b)).count();
            if ctl * 100 >= sample.len() * 5 {
                return Err(Error::new(
                    ErrorKind::Binary,
                    format!(
                        "not a text page: not UTF-8, and {}% of its first {} bytes are control codes no text encoding uses (if it is UTF-16 without a BOM, say so with --encoding utf-16le or utf-16be)",
                        ctl * 100 / sample.len(),
                        sample.len()
                    ),
                ));
            }
        }
        let mut src = match utf8_err {
            None => Source::utf8_checked(path, bytes, checked),
            Some(e) if mostly_utf8(bytes, e.valid_up_to()) => Source::utf8_checked(path, bytes, checked),
            Some(_) => {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(&bytes[..bytes.len().min(DETECT)], true);
                // No TLD hint: where a page came from says nothing reliable about an archive file.
                let mut enc = det.guess(None, chardetng::Utf8Detection::Deny);
                // encoding_rs decodes GBK and GB18030 alike; GB18030 is the name that covers both.
                if enc == encoding_rs::GBK {
                    enc = encoding_rs::GB18030;
                }
                let why = format!("no BOM and not UTF-8; detected as {}", enc.name());
                Source::decoded(path, bytes, 0, enc, Some(why))
            }
        };
        if body_len < bytes.len() && bytes.len() - body_len >= 16 {
            let at = match src.span_base {
                SpanBase::Input => vec![Span(body_len, bytes.len())],
                SpanBase::DecodedUtf8 | SpanBase::DerivedText => Vec::new(),
            };
            src.warnings.push(Warning::new(
                "nul-padding",
                format!(
                    "the file ends in {} NUL bytes (from byte {body_len}): it may have been cut short in transfer",
                    bytes.len() - body_len
                ),
                at,
            ));
        }
        Ok(src)
    }

    /// Takes UTF-8 (or nearly UTF-8) input as it is: spans index the input bytes; invalid sequences are
    /// reported and later decoded lossily line by line, so no byte is dropped.
    pub fn utf8(path: Option<String>, bytes: &'a [u8]) -> Source<'a> {
        Source::utf8_checked(path, bytes, from_utf8(bytes))
    }

    /// [`Source::utf8`] with `valid`, what `std::str::from_utf8(bytes)` gives, already in hand.
    fn utf8_checked(path: Option<String>, bytes: &'a [u8], valid: std::result::Result<&'a str, std::str::Utf8Error>) -> Source<'a> {
        let mut warnings = Vec::new();
        let encoding = if bytes.starts_with(b"\xEF\xBB\xBF") { "UTF-8 (BOM)" } else { "UTF-8" };
        if let Err(first) = valid {
            let bad = invalid_utf8_spans(bytes, first.valid_up_to());
            let n: usize = bad.iter().map(|s| s.len()).sum();
            let mut shown = bad;
            let listed = offsets_list(&shown);
            shown.truncate(32);
            warnings.push(Warning::new(
                "invalid-utf8",
                format!(
                    "{n} byte(s) are not valid UTF-8 (at input bytes {listed}); they are read as U+FFFD and still covered by line spans"
                ),
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

    /// Decodes `bytes[skip..]` (after a BOM) from `enc` into UTF-8, which the spans then index.
    /// Malformed sequences become U+FFFD and are reported with their offsets in the input. `guessed`
    /// says why `enc` was chosen when it was neither given nor marked.
    fn decoded(path: Option<String>, bytes: &[u8], skip: usize, enc: &'static Encoding, guessed: Option<String>) -> Source<'a> {
        let (text, mut bad) = decode_marking_errors(&bytes[skip..], enc);
        for (i, _) in &mut bad {
            *i = Span(i.0 + skip, i.1 + skip);
        }
        let mut warnings = Vec::new();
        if let Some(why) = guessed {
            warnings.push(Warning::new("encoding-guessed", why, Vec::new()));
        }
        if !bad.is_empty() {
            let n: usize = bad.iter().map(|(i, _)| i.len()).sum();
            let inputs: Vec<Span> = bad.iter().map(|(i, _)| *i).collect();
            let mut shown: Vec<Span> = bad.iter().map(|(_, o)| *o).collect();
            shown.truncate(32);
            warnings.push(Warning::new(
                "decode-error",
                format!(
                    "{n} byte(s) are not valid {} (at input bytes {}); each run is read as U+FFFD, which the spans point at",
                    enc.name(),
                    offsets_list(&inputs)
                ),
                shown,
            ));
        }
        Source {
            path,
            input_len: bytes.len(),
            sha256: sha256_hex(bytes),
            encoding: enc.name().to_string(),
            span_base: SpanBase::DecodedUtf8,
            text: Cow::Owned(text.into_bytes()),
            valid: None,
            warnings,
        }
    }
}

impl Source<'static> {
    /// The page text derived from a structured file: spans index `text`; the input's size and hash
    /// are the file's own.
    pub fn derived(path: Option<String>, input: &[u8], text: String) -> Source<'static> {
        Source {
            path,
            input_len: input.len(),
            sha256: sha256_hex(input),
            encoding: "UTF-8".to_string(),
            span_base: SpanBase::DerivedText,
            text: Cow::Owned(text.into_bytes()),
            valid: None,
            warnings: Vec::new(),
        }
    }
}

/// The encoding a label names (WHATWG labels, case-insensitive: "gb18030", "big5", "latin1", "utf-16le").
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label_no_replacement(label.trim().as_bytes()).ok_or_else(|| {
        Error::new(
            ErrorKind::BadInput,
            format!(
                "unknown encoding label '{label}' (expected a WHATWG label such as utf-8, utf-16le, utf-16be, gb18030, gbk, big5, windows-1252 or latin1)"
            ),
        )
    })
}

/// Decodes all of `bytes`, replacing each malformed sequence by U+FFFD; returns the text and, for
/// each replacement, its span in the input and in the text.
fn decode_marking_errors(bytes: &[u8], enc: &'static Encoding) -> (String, Vec<(Span, Span)>) {
    let mut dec = enc.new_decoder_without_bom_handling();
    let cap = dec.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(cap.min(bytes.len().saturating_mul(3)).saturating_add(16));
    let mut bad: Vec<(Span, Span)> = Vec::new();
    let mut pos = 0;
    loop {
        let (res, read) = dec.decode_to_string_without_replacement(&bytes[pos..], &mut out, true);
        pos += read;
        match res {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(out.capacity().max(64)),
            DecoderResult::Malformed(len, after) => {
                let end = pos.saturating_sub(after as usize);
                let input = Span(end.saturating_sub(len as usize), end);
                let at = out.len();
                out.push('\u{FFFD}');
                match bad.last_mut() {
                    Some((i, o)) if i.1 == input.0 && o.1 == at => {
                        i.1 = input.1;
                        o.1 = out.len();
                    }
                    _ => bad.push((input, Span(at, out.len()))),
                }
            }
        }
    }
    (out, bad)
}

/// "3..4, 17..19, …" for the first few spans: where to look, readable in a message.
fn offsets_list(spans: &[Span]) -> String {
    let mut s: Vec<String> = spans.iter().take(8).map(|x| format!("{}..{}", x.0, x.1)).collect();
    if spans.len() > 8 {
        s.push(format!("and {} more", spans.len() - 8));
    }
    s.join(", ")
}

/// A file format recognised by its first bytes, named for the error message.
pub fn magic_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"BZh91AY&SY", "bzip2-compressed data"),
        (b"\xFD7zXZ\x00", "xz-compressed data"),
        (b"\x28\xB5\x2F\xFD", "zstd-compressed data"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\x7FELF", "an ELF executable"),
        (b"\xCF\xFA\xED\xFE", "a Mach-O executable"),
        (b"\xCA\xFE\xBA\xBE", "a Java class or Mach-O universal binary"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an OLE document (old Word or Excel)"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"AT&TFORM", "a DjVu document"),
        (b"\x00\x00\x00\x0CjP  \r\n\x87\n", "a JPEG 2000 image"),
        (b"\x00asm", "a WebAssembly module"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    // A PE executable starts with MZ and says where its PE header is; two letters alone could be text.
    if bytes.starts_with(b"MZ") && bytes.len() >= 64 {
        let at = u32::from_le_bytes([bytes[60], bytes[61], bytes[62], bytes[63]]) as usize;
        if bytes.get(at..at + 4) == Some(b"PE\x00\x00") {
            return Some("a Windows executable");
        }
    }
    None
}

/// Control codes that text in UTF-8 or any legacy encoding newsseg reads does not contain (tab,
/// line feed, vertical tab, form feed, carriage return and escape do occur in OCR output).
fn is_binary_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// UTF-16 without a BOM. In text of mostly ASCII characters every other byte is NUL, always on the
/// same side. CJK text has few NULs, but its line ends are a line feed beside a NUL, which no
/// legacy encoding writes. Either way, what it decodes to must read as text: few control
/// characters or lone surrogates; and for the line-end evidence, characters of the scripts pages
/// are written in (CJK, kana, hangul, Latin, their punctuation), which random 16-bit data is not.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF) & !1];
    let pairs = sample.len() / 2;
    // Without a NUL byte no test below can pass: a memchr spares the walk over every pair.
    if pairs < MIN_SNIFF / 2 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut le, mut be, mut le_nl, mut be_nl) = (0usize, 0usize, 0usize, 0usize);
    for p in sample.chunks_exact(2) {
        match (p[0], p[1]) {
            (a, 0) if a != 0 => {
                le += 1;
                le_nl += usize::from(matches!(a, b'\n' | b'\r'));
            }
            (0, b) if b != 0 => {
                be += 1;
                be_nl += usize::from(matches!(b, b'\n' | b'\r'));
            }
            _ => {}
        }
    }
    let ascii = |hits: usize, other: usize| hits * 10 >= pairs * 3 && other * 10 <= hits;
    let line_ends = |hits: usize, other: usize| hits >= 2 && other == 0;
    let (enc, by_line_ends) = if ascii(le, be) {
        (UTF_16LE, false)
    } else if ascii(be, le) {
        (UTF_16BE, false)
    } else if line_ends(le_nl, be_nl) {
        (UTF_16LE, true)
    } else if line_ends(be_nl, le_nl) {
        (UTF_16BE, true)
    } else {
        return None;
    };
    let units = sample.chunks_exact(2).map(|p| if enc == UTF_16LE { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
    let (mut odd, mut known, mut chars) = (0usize, 0usize, 0usize);
    for r in char::decode_utf16(units) {
        chars += 1;
        match r {
            Ok(c) if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0B' | '\x0C' | '\x1B') => odd += 1,
            Ok(c) => known += usize::from(matches!(c as u32,
                0x20..=0x7E | 0x09..=0x0D | 0xA0..=0x24F | 0x2000..=0x206F | 0x3000..=0x30FF
                | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF)),
            Err(_) => odd += 1,
        }
    }
    if odd * 20 > pairs || (by_line_ends && known * 10 < chars * 9) { None } else { Some(enc) }
}

/// Whether input that is not valid UTF-8 is still UTF-8 with some damage (a cut, a stray byte)
/// rather than a legacy encoding: its non-ASCII characters are mostly well-formed UTF-8. A legacy
/// encoding forms a valid UTF-8 sequence only now and then, by chance.
fn mostly_utf8(bytes: &[u8], valid_up_to: usize) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    good += bytes[..valid_up_to].iter().filter(|&&b| b >= 0xC0).count();
    let mut rest = &bytes[valid_up_to..];
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|&b| b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let ok = e.valid_up_to();
                good += rest[..ok].iter().filter(|&&b| b >= 0xC0).count();
                bad += 1;
                match e.error_len() {
                    Some(n) => rest = &rest[ok + n..],
                    None => break,
                }
            }
        }
    }
    good >= 4 && bad * 4 <= good
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

    const ZH: &str = "## 微笑缩短距离 服务延伸真情\n\n通讯员 袁丹凤\n\n作为百姓家门口的政务服务窗口，徐泾镇社区事务受理服务中心的主中心和北大居分中心，业务涵盖社保、医保、民政和卫健等条线。\n";
    const ZH_HANT: &str = "## 微笑縮短距離 服務延伸真情\n\n通訊員 袁丹鳳\n\n作為百姓家門口的政務服務窗口，徐涇鎮社區事務受理服務中心的主中心和北大居分中心，業務涵蓋社保、醫保、民政和衛健等條線。\n";

    fn text(s: &Source) -> String {
        String::from_utf8(s.text.to_vec()).expect("decoded text is UTF-8")
    }

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut v = Vec::new();
        if bom {
            v.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    }

    fn kind(r: Result<Source>) -> ErrorKind {
        r.expect_err("should be refused").kind()
    }

    #[test]
    fn invalid_bytes_are_located() {
        let s = Source::utf8(None, b"ab\xffcd\xfe\xfe");
        assert_eq!(s.warnings.len(), 1);
        assert_eq!(s.warnings[0].spans, vec![Span(2, 3), Span(5, 7)]);
        assert!(s.warnings[0].message.contains("2..3, 5..7"), "{}", s.warnings[0].message);
    }

    #[test]
    fn bom_is_named() {
        assert_eq!(Source::utf8(None, "\u{feff}x".as_bytes()).encoding, "UTF-8 (BOM)");
        let s = Source::decode(None, "\u{feff}x".as_bytes(), None).unwrap();
        assert_eq!((s.encoding.as_str(), s.span_base), ("UTF-8 (BOM)", SpanBase::Input));
    }

    #[test]
    fn utf8_stays_as_read() {
        let s = Source::decode(None, ZH.as_bytes(), None).unwrap();
        assert_eq!((s.encoding.as_str(), s.span_base), ("UTF-8", SpanBase::Input));
        assert!(matches!(s.text, Cow::Borrowed(_)));
        assert!(s.warnings.is_empty());
    }

    #[test]
    fn utf16_with_bom_is_decoded_without_it() {
        for le in [true, false] {
            let bytes = utf16(ZH, le, true);
            let s = Source::decode(None, &bytes, None).unwrap();
            assert_eq!(s.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
            assert_eq!(s.span_base, SpanBase::DecodedUtf8);
            assert_eq!(text(&s), ZH);
            assert_eq!(s.input_len, bytes.len());
            assert!(s.warnings.is_empty(), "{:?}", s.warnings);
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised_before_its_nuls_count() {
        let en = "MARKETS RALLY\n\nBy Jane Doe, Reuters\n\nNEW YORK, March 3 - Stocks rose sharply on Tuesday.\n";
        for le in [true, false] {
            let bytes = utf16(en, le, false);
            let s = Source::decode(None, &bytes, None).unwrap();
            assert_eq!(s.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
            assert_eq!(text(&s), en);
            assert_eq!(s.warnings[0].code, "encoding-guessed");
        }
    }

    #[test]
    fn cjk_utf16_without_bom_is_recognised_by_its_line_ends() {
        let page = ZH.repeat(3);
        for le in [true, false] {
            let bytes = utf16(&page, le, false);
            let s = Source::decode(None, &bytes, None).unwrap();
            assert_eq!(s.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
            assert_eq!(text(&s), page);
        }
        // Random 16-bit data with a few line feeds beside NULs is not text.
        let mut x = 0x9E3779B9u32;
        let mut noise: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8 | 0x20
            })
            .collect();
        for i in [100, 900, 2000] {
            noise[i..i + 2].copy_from_slice(b"\n\0");
        }
        assert!(utf16_without_bom(&noise).is_none());
    }

    #[test]
    fn odd_utf16_tail_is_a_decode_error_with_offsets() {
        let mut bytes = utf16("abc", true, true);
        bytes.push(b'x');
        let s = Source::decode(None, &bytes, None).unwrap();
        assert_eq!(text(&s), "abc\u{FFFD}");
        let w = s.warnings.iter().find(|w| w.code == "decode-error").expect("a decode-error warning");
        assert_eq!(w.spans, vec![Span(3, 6)]);
        assert!(w.message.contains("8..9"), "{}", w.message);
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(ZH);
        let s = Source::decode(None, &bytes, None).unwrap();
        assert_eq!(s.encoding, "gb18030");
        assert_eq!(s.span_base, SpanBase::DecodedUtf8);
        assert_eq!(text(&s), ZH);
        assert_eq!(s.warnings[0].code, "encoding-guessed");
    }

    #[test]
    fn big5_is_detected() {
        let (bytes, _, unmappable) = encoding_rs::BIG5.encode(ZH_HANT);
        assert!(!unmappable);
        let s = Source::decode(None, &bytes, None).unwrap();
        assert_eq!(s.encoding, "Big5");
        assert_eq!(text(&s), ZH_HANT);
    }

    #[test]
    fn windows_1252_english_is_detected() {
        let en = "THE CAF\u{c9} REOPENS\n\nBy Ren\u{e9}e Smith\n\nThe owners\u{2019} plan \u{2014} \u{201c}a fresh start\u{201d} \u{2014} was approved on Tuesday.\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(en);
        let s = Source::decode(None, &bytes, None).unwrap();
        assert_eq!(s.encoding, "windows-1252");
        assert_eq!(text(&s), en);
    }

    #[test]
    fn forced_encoding_overrides_detection() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(ZH);
        let s = Source::decode(None, &bytes, Some("GBK")).unwrap();
        assert_eq!((s.encoding.as_str(), text(&s).as_str()), ("GBK", ZH));
        // Latin-1 is windows-1252 by the WHATWG rules; valid UTF-8 forced to it is read as asked.
        let s = Source::decode(None, "café".as_bytes(), Some("latin1")).unwrap();
        assert_eq!((s.encoding.as_str(), text(&s).as_str()), ("windows-1252", "cafÃ©"));
        let s = Source::decode(None, b"caf\xe9", Some("utf-8")).unwrap();
        assert_eq!((s.span_base, s.warnings[0].code.as_str()), (SpanBase::Input, "invalid-utf8"));
    }

    #[test]
    fn unknown_label_is_bad_input() {
        let e = Source::decode(None, b"x", Some("klingon")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadInput);
        assert!(e.message().contains("'klingon'"), "{}", e.message());
        assert_eq!(kind(Source::decode(None, b"x", Some("iso-2022-kr"))), ErrorKind::BadInput);
    }

    #[test]
    fn mostly_utf8_with_damage_stays_utf8() {
        let mut bytes = ZH.repeat(3).into_bytes();
        bytes[40] = 0xFF;
        bytes.truncate(bytes.len() - 2);
        let s = Source::decode(None, &bytes, None).unwrap();
        assert_eq!((s.encoding.as_str(), s.span_base), ("UTF-8", SpanBase::Input));
        let w = &s.warnings[0];
        assert_eq!(w.code, "invalid-utf8");
        assert!(w.spans.contains(&Span(40, 41)), "{w:?}");
        assert_eq!(w.spans.last().map(|s| s.1), Some(bytes.len()));
    }

    #[test]
    fn binaries_are_refused_by_magic() {
        let cases: &[(&[u8], &str)] = &[
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG"),
            (b"GIF89a\x01\0\x01\0", "GIF"),
            (b"PK\x03\x04\x14\0\0\0", "ZIP"),
            (b"\x1F\x8B\x08\0\0\0\0\0", "gzip"),
            (b"II*\0\x08\0\0\0", "TIFF"),
            (b"\x7FELF\x02\x01\x01\0", "ELF"),
        ];
        for (bytes, name) in cases {
            let e = Source::decode(None, bytes, None).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Binary, "{name}");
            assert!(e.message().contains(name), "{name}: {}", e.message());
            // A forced encoding does not turn a PNG into text.
            assert_eq!(kind(Source::decode(None, bytes, Some("windows-1252"))), ErrorKind::Binary);
        }
        let mut pe = vec![0u8; 200];
        pe[..2].copy_from_slice(b"MZ");
        pe[60] = 128;
        pe[128..132].copy_from_slice(b"PE\0\0");
        assert!(Source::decode(None, &pe, None).unwrap_err().message().contains("Windows executable"));
        assert!(Source::decode(None, b"MZ is not a file format here.", None).is_ok());
    }

    #[test]
    fn binaries_are_refused_by_density() {
        // No known magic: a table of little integers (NUL-heavy) and scrambled bytes (control-heavy).
        let table: Vec<u8> = (0..4096u32).flat_map(|i| (i * 7).to_be_bytes()).collect();
        assert_eq!(kind(Source::decode(None, &table, None)), ErrorKind::Binary);
        let mut x = 0x2545F491u32;
        let noise: Vec<u8> = (0..8192)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        let e = Source::decode(None, &noise, None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Binary);
        assert!(e.message().contains("control codes"), "{}", e.message());
    }

    #[test]
    fn text_with_a_few_controls_and_nuls_is_a_page() {
        let mut bytes = ZH.repeat(4).into_bytes();
        bytes.splice(10..10, *b"\0\x07\x1b\x0c");
        assert!(Source::decode(None, &bytes, None).is_ok());
        assert!(Source::decode(None, b"a\0b", None).is_ok());
        assert!(Source::decode(None, &[1u8, 2, 3, 4, 5, 6, 7, 8], None).is_ok());
    }

    #[test]
    fn trailing_nul_padding_is_text_cut_short() {
        let mut bytes = ZH.as_bytes().to_vec();
        let n = bytes.len();
        bytes.extend(std::iter::repeat_n(0u8, 4096));
        let s = Source::decode(None, &bytes, None).unwrap();
        let w = s.warnings.iter().find(|w| w.code == "nul-padding").expect("a nul-padding warning");
        assert_eq!(w.spans, vec![Span(n, bytes.len())]);
        assert!(Source::decode(None, &[0u8; 10_000], None).is_ok());
    }

    #[test]
    fn utf32_is_refused_with_a_reason() {
        let e = Source::decode(None, b"\xFF\xFE\0\0a\0\0\0", None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadInput);
        assert!(e.message().contains("UTF-32"));
    }
}
