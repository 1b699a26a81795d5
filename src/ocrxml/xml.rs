//! The XML layer the three readers share: a pull over the file's bytes in memory that yields
//! element opens, closes and text, enforces the size and depth limits, never expands an entity
//! beyond the five predefined ones and character references, and words its errors with the
//! format, what went wrong, the innermost open element and the byte.

use crate::error::{Error, ErrorKind, Result};
use quick_xml::Reader;
use quick_xml::events::attributes::Attributes;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;
use std::fmt::Display;

/// Open elements past this are refused: real ALTO, hOCR and PAGE files nest under 20 deep, and
/// the stack a hostile file builds otherwise grows with its size.
pub const MAX_DEPTH: usize = 256;

/// One attribute value, text node or gathered word text past this is refused: the largest real
/// ones (a PAGE polygon, a region's TextEquiv) stay far below 1 MiB, so a larger one is a hostile
/// file, not a page.
pub const MAX_VALUE: usize = 4 << 20;

/// HTML elements that never have an end tag: an hOCR file written as HTML, not XHTML, leaves
/// `<meta ...>` unclosed.
const HTML_VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// One step of the pull.
pub enum Ev<'a> {
    /// An element opens (an empty element opens and then closes at once).
    Open(Tag<'a>),
    /// The element opened last closes.
    Close,
    /// A piece of character data: text, CDATA, or one resolved reference. A text node may come in
    /// several pieces; readers join the ones they keep.
    Text(Cow<'a, str>),
    /// The root element has closed; anything after it is not read.
    Eof,
}

/// An opening tag, borrowed from the file.
pub struct Tag<'a> {
    start: BytesStart<'a>,
    html: bool,
}

impl Tag<'_> {
    /// The element's name without its namespace prefix.
    pub fn local(&self) -> &str {
        self.start.local_name().into_inner()
    }

    /// Calls `f` with each attribute's name (without prefix) and raw value (entities not yet
    /// resolved: pass it to [`unescape`] where it is text).
    pub fn each_attr(&self, xml: &Xml, mut f: impl FnMut(&str, &str)) -> Result<()> {
        let mut it: Attributes = if self.html { self.start.html_attributes() } else { self.start.attributes() };
        // The duplicate check compares every key with every earlier one: quadratic in a tag with a
        // million attributes. A repeated attribute does no harm here; the last one wins.
        it.with_checks(false);
        for a in it {
            let a = a.map_err(|e| xml.error(format!("bad attribute in <{}>: {e}", self.start.name().into_inner())))?;
            f(a.key.local_name().into_inner(), &a.value);
        }
        Ok(())
    }

    /// The value of one attribute, entities resolved.
    pub fn attr(&self, xml: &Xml, name: &str) -> Result<Option<String>> {
        let mut out = None;
        self.each_attr(xml, |k, v| {
            if k == name {
                out = Some(unescape(v).into_owned());
            }
        })?;
        Ok(out)
    }
}

/// A pull over one file. Empty elements come as an open and a close, so readers see one shape.
pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    format: &'static str,
    html: bool,
    /// The open elements' qualified names; strings are reused, so a deep file allocates once.
    names: Vec<String>,
    depth: usize,
    /// An empty element was just given as an open; its close comes next.
    pending_close: bool,
    started: bool,
}

impl<'a> Xml<'a> {
    /// `format` names the file kind in errors ("ALTO"); `html` takes HTML leniencies (void
    /// elements left open, unquoted attributes, tag names in any case), for hOCR.
    pub fn new(text: &'a str, format: &'static str, html: bool) -> Xml<'a> {
        let mut reader = Reader::from_str(text);
        let cfg = reader.config_mut();
        // End names are checked here, against a stack that is bounded before it can grow.
        cfg.check_end_names = false;
        cfg.allow_unmatched_ends = true;
        // A bare `&` (a company name in a file name) is kept as text, not a reason to lose a page.
        cfg.allow_dangling_amp = true;
        cfg.expand_empty_elements = false;
        Xml { reader, format, html, names: Vec::new(), depth: 0, pending_close: false, started: false }
    }

    /// An error of kind BadInput at the current position.
    pub fn error(&self, what: impl Display) -> Error {
        self.error_at(what, self.reader.buffer_position())
    }

    fn error_at(&self, what: impl Display, at: u64) -> Error {
        let inside = match self.depth {
            0 => String::new(),
            d => format!(" inside <{}>", self.names[d - 1]),
        };
        Error::new(ErrorKind::BadInput, format!("malformed {}: {what}{inside} at byte {at}", self.format))
    }

    /// How many elements are open.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The next open, close or text; `Eof` once the root element has closed.
    pub fn pull(&mut self) -> Result<Ev<'a>> {
        if self.pending_close {
            self.pending_close = false;
            self.depth -= 1;
            return Ok(Ev::Close);
        }
        if self.started && self.depth == 0 {
            return Ok(Ev::Eof);
        }
        loop {
            let ev = match self.reader.read_event() {
                Ok(ev) => ev,
                Err(e) => return Err(self.error_at(e, self.reader.error_position())),
            };
            match ev {
                Event::Start(s) => {
                    let void = self.html && HTML_VOID.iter().any(|v| s.local_name().into_inner().eq_ignore_ascii_case(v));
                    return self.open(s, void);
                }
                Event::Empty(s) => return self.open(s, true),
                Event::End(e) => {
                    let name = e.name().into_inner();
                    if self.depth == 0 {
                        return Err(self.error(format!("</{name}> closes nothing")));
                    }
                    let top = &self.names[self.depth - 1];
                    let same = if self.html { top.eq_ignore_ascii_case(name) } else { top == name };
                    if !same {
                        if self.html && HTML_VOID.iter().any(|v| e.local_name().into_inner().eq_ignore_ascii_case(v)) {
                            continue;
                        }
                        return Err(self.error(format!("</{name}> closes <{top}>")));
                    }
                    self.depth -= 1;
                    return Ok(Ev::Close);
                }
                Event::Text(t) => {
                    if self.depth == 0 {
                        continue;
                    }
                    self.check_len(t.len(), "text")?;
                    return Ok(Ev::Text(t.xml10_content()));
                }
                Event::CData(t) => {
                    if self.depth == 0 {
                        continue;
                    }
                    self.check_len(t.len(), "CDATA section")?;
                    return Ok(Ev::Text(t.xml10_content()));
                }
                Event::GeneralRef(r) => {
                    if self.depth == 0 {
                        continue;
                    }
                    return Ok(Ev::Text(unescape_ref(&r).map_or_else(|| Cow::Owned(format!("&{};", &*r)), Cow::Owned)));
                }
                Event::Eof => {
                    return Err(match self.depth {
                        0 => self.error("no root element"),
                        _ => self.error("unexpected end of file"),
                    });
                }
                // The DOCTYPE, internal subset included, is skipped unread: no entity it declares
                // is ever expanded and nothing it names is ever fetched.
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
    }

    fn open(&mut self, start: BytesStart<'a>, empty: bool) -> Result<Ev<'a>> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::new(
                ErrorKind::BadInput,
                format!("{} nested deeper than {MAX_DEPTH} elements at byte {}", self.format, self.reader.buffer_position()),
            ));
        }
        let tag = Tag { start, html: self.html };
        if tag.start.len() > MAX_VALUE {
            // Only a tag this long can hold a value over the limit; shorter ones are not scanned.
            let mut over = None;
            tag.each_attr(self, |k, v| {
                if v.len() > MAX_VALUE && over.is_none() {
                    over = Some(k.to_string());
                }
            })?;
            if let Some(k) = over {
                let name = tag.start.name().into_inner().to_string();
                return Err(self.error(format!("attribute {k} of <{name}> is over the {} MiB limit", MAX_VALUE >> 20)));
            }
        }
        if self.names.len() == self.depth {
            self.names.push(String::new());
        }
        let slot = &mut self.names[self.depth];
        slot.clear();
        slot.push_str(tag.start.name().into_inner());
        self.depth += 1;
        self.started = true;
        self.pending_close = empty;
        Ok(Ev::Open(tag))
    }

    fn check_len(&self, len: usize, what: &str) -> Result<()> {
        if len > MAX_VALUE {
            return Err(self.error(format!("a {what} node is over the {} MiB limit", MAX_VALUE >> 20)));
        }
        Ok(())
    }

    /// Reads past the subtree of the element just opened.
    pub fn skip(&mut self) -> Result<()> {
        let level = self.depth;
        while self.depth >= level {
            if let Ev::Eof = self.pull()? {
                break;
            }
        }
        Ok(())
    }

    /// Appends a piece of text to a value being gathered, within the size limit.
    pub fn gather(&self, buf: &mut String, piece: &str) -> Result<()> {
        if buf.len() + piece.len() > MAX_VALUE {
            return Err(self.error(format!("a text value is over the {} MiB limit", MAX_VALUE >> 20)));
        }
        buf.push_str(piece);
        Ok(())
    }
}

/// A reference's replacement: the five predefined entities and character references. Anything
/// else (an entity a DOCTYPE declares, an HTML name) is None, and the caller keeps it as written.
fn unescape_ref(name: &str) -> Option<String> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse::<u32>().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some(c.to_string())
}

/// An attribute value with its references resolved as [`unescape_ref`] does; unknown ones and a
/// bare `&` stay as written.
pub fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Names longer than this are not references anyone writes; looking further for a `;`
        // would make a value of many `&` quadratic.
        let end = rest.bytes().take(40).position(|b| b == b';');
        match end.and_then(|e| unescape_ref(&rest[1..e]).map(|s| (e, s))) {
            Some((e, s)) => {
                out.push_str(&s);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A number attribute: integer or decimal, with spaces around; anything unreadable or not finite
/// is 0.
pub fn num(s: &str) -> f32 {
    s.trim().parse::<f32>().ok().filter(|v| v.is_finite()).unwrap_or(0.0)
}

/// The text of a file as UTF-8: a byte order mark or the XML declaration's encoding decides
/// (WINDOWS-1252, ISO-8859-x ...), else UTF-8 with damaged bytes replaced.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0;
    }
    if let Some(enc) = declared_encoding(bytes).and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        // Without a BOM, a UTF-16 label on bytes that spelled it in ASCII is wrong.
        && enc != encoding_rs::UTF_8
        && enc != encoding_rs::UTF_16LE
        && enc != encoding_rs::UTF_16BE
    {
        return enc.decode_without_bom_handling(bytes).0;
    }
    String::from_utf8_lossy(bytes)
}

/// The `encoding` of a leading `<?xml ...?>` declaration.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = head[start..].strip_prefix(b"<?xml")?;
    let end = memchr::memmem::find(head, b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let at = decl.find("encoding")? + "encoding".len();
    let rest = decl[at..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Result<Vec<String>> {
        let mut x = Xml::new(text, "TEST", false);
        let mut out = Vec::new();
        loop {
            match x.pull()? {
                Ev::Open(t) => out.push(format!("<{}", t.local())),
                Ev::Close => out.push(">".into()),
                Ev::Text(t) => out.push(t.into_owned()),
                Ev::Eof => return Ok(out),
            }
        }
    }

    #[test]
    fn empty_elements_open_and_close() {
        assert_eq!(events("<a:r xmlns:a='x'><b/>t</a:r>").unwrap(), ["<r", "<b", ">", "t", ">"]);
    }

    #[test]
    fn references_resolve_only_predefined_and_numeric() {
        let got = events("<r>&lt;&#65;&#x42;&lol;&amp;</r>").unwrap().concat();
        assert_eq!(got, "<r<AB&lol;&>");
        assert_eq!(unescape("a&amp;b&#x263A;&nope;&"), "a&b\u{263A}&nope;&");
        assert_eq!(unescape("&#0;&#xD800;"), "&#0;&#xD800;");
    }

    #[test]
    fn structure_errors_name_the_element_and_byte() {
        let e = events("<r><a></b></r>").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadInput);
        assert!(e.message().contains("</b> closes <a>"), "{}", e.message());
        let e = events("<r><a>").unwrap_err();
        assert_eq!(e.message(), "malformed TEST: unexpected end of file inside <a> at byte 6");
        assert!(events("").unwrap_err().message().contains("no root element"));
    }

    #[test]
    fn anything_after_the_root_is_not_read() {
        assert_eq!(events("<r/><junk").unwrap(), ["<r", ">"]);
    }

    #[test]
    fn html_void_elements_need_no_end() {
        let mut x = Xml::new("<html><head><meta name=a><META></head></html>", "hOCR", true);
        let mut opens = 0;
        while !matches!(x.pull().unwrap(), Ev::Eof) {
            opens += 1;
        }
        assert_eq!(opens, 8);
    }

    #[test]
    fn numbers_never_fail() {
        assert_eq!((num("12"), num(" 3.5 "), num("x"), num("NaN"), num("1e99")), (12.0, 3.5, 0.0, 0.0, 0.0));
    }

    #[test]
    fn declared_encodings_are_honoured() {
        let latin = b"<?xml version='1.0' encoding='ISO-8859-1'?><r>caf\xe9</r>";
        assert_eq!(decode(latin), "<?xml version='1.0' encoding='ISO-8859-1'?><r>caf\u{e9}</r>");
        assert_eq!(decode(b"\xef\xbb\xbf<r/>"), "<r/>");
        assert_eq!(decode(b"<r>\xff</r>"), "<r>\u{fffd}</r>");
    }
}
