//! Structured OCR in: ALTO, hOCR and PAGE-XML files read into one page model of blocks, lines and
//! words with their boxes, font sizes and styles, hyphenation marks and confidences.
//!
//! The readers only read: they keep the file's own order and ids. Reading order, headline levels
//! and the page text the pipeline runs on are worked out from this model elsewhere (`geometry`).
//!
//! [`read`] knows the format by content ([`sniff`]); [`gunzip`] unpacks a gzipped file first. The
//! readers stream over the bytes in memory (no DOM), never expand an entity other than the five
//! predefined ones and character references, never read anything outside the file, and refuse a
//! file nested deeper than [`MAX_DEPTH`] or with a value over [`MAX_VALUE`] bytes; a
//! truncated or malformed file is an error of kind BadInput, never a partial page.

pub mod alto;
pub mod hocr;
pub mod page;
mod xml;

pub use xml::{MAX_DEPTH, MAX_VALUE};

use crate::error::{Error, ErrorKind, Result};
use std::io::Read;

/// An axis-aligned box in the file's own units (pixels, mm/10, inch/1200 ...): x, y of the top-left
/// corner, width and height. Files that give no box for an element give it the union of its
/// children's boxes, or zero.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BBox {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl BBox {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn is_empty(&self) -> bool {
        self.w <= 0.0 || self.h <= 0.0
    }
    /// The smallest box holding both (an empty box adds nothing).
    pub fn union(&self, o: &BBox) -> BBox {
        if self.is_empty() {
            return *o;
        }
        if o.is_empty() {
            return *self;
        }
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        BBox { x, y, w: self.right().max(o.right()) - x, h: self.bottom().max(o.bottom()) - y }
    }
    /// The smallest box holding all of `boxes` (empty where there are none).
    pub fn around<'a>(boxes: impl IntoIterator<Item = &'a BBox>) -> BBox {
        boxes.into_iter().fold(BBox::default(), |u, b| u.union(b))
    }
}

/// Which format a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Alto,
    Hocr,
    PageXml,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Alto => "alto",
            Format::Hocr => "hocr",
            Format::PageXml => "page-xml",
        }
    }
}

/// Type style flags a line or word is set in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    /// Small capitals or all capitals by style (ALTO `smallcaps`).
    pub caps: bool,
    /// The typeface (ALTO FONTFAMILY) as a number standing for its name, 0 where the file names
    /// none or calls it unknown. Only ever compared: a face other than the body text's marks a
    /// heading set in body size (a sans-serif title over roman text).
    pub face: u32,
}

/// The number [`Style::face`] keeps for a typeface's name: the same for the same name whatever
/// its case, 0 for none.
pub(crate) fn face_id(name: &str) -> u32 {
    let n = name.trim().to_ascii_lowercase();
    if n.is_empty() || n == "unknown" {
        return 0;
    }
    // FNV-1a: stable across runs, and never 0 for a name.
    let h = n.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    h.max(1)
}

/// How a word at a line's end is hyphenated, as the file marks it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Hyphen {
    #[default]
    None,
    /// The word is cut at the line's end and goes on at the start of the next line; `mark` is the
    /// hyphen character as printed (ALTO `HYP CONTENT`, or the word's own trailing `-`/`¬`).
    Cut { mark: String },
}

/// One word (ALTO `String`, hOCR `ocrx_word`, PAGE `Word`, or a whole PAGE `TextLine` whose text
/// has no word children).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub id: Option<String>,
    /// The word as printed (entities decoded, nothing else changed).
    pub text: String,
    pub bbox: BBox,
    /// Recognition confidence, 0..1 (ALTO `WC`, hOCR `x_wconf`/100, PAGE `TextEquiv@conf`).
    pub conf: Option<f32>,
    /// The whole word, for the first or second half of a word hyphenated across lines (ALTO
    /// `SUBS_CONTENT` with `SUBS_TYPE` HypPart1/HypPart2).
    pub subs_content: Option<String>,
    /// The word's font size in points where the file says (ALTO TextStyle FONTSIZE via STYLEREFS),
    /// else None.
    pub font_size: Option<f32>,
    pub style: Style,
}

/// One text line, words in the file's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub id: Option<String>,
    pub bbox: BBox,
    pub words: Vec<Word>,
    /// Font size in points from the file's styles (the line's own STYLEREFS, else its block's),
    /// None where the file has no styles (Tesseract's ALTO, PAGE without TextStyle).
    pub font_size: Option<f32>,
    /// Tesseract's estimate of the line's x-height in pixels (hOCR `x_size`), a font size stand-in.
    pub x_size: Option<f32>,
    pub style: Style,
    /// The last word is cut and goes on at the next line's start.
    pub hyphen: Hyphen,
    /// The engine called the line a heading or a caption (hOCR `ocr_header`, `ocr_caption`; PAGE
    /// region type), where it says.
    pub kind: Option<RegionKind>,
}

/// What an engine or a vendor called a region, where the file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    Heading,
    Caption,
    Header,
    Footer,
    PageNumber,
    Paragraph,
    Other,
}

/// One block of text (ALTO `TextBlock`, hOCR `ocr_par` within `ocr_carea`, PAGE `TextRegion`).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub id: Option<String>,
    pub bbox: BBox,
    pub lines: Vec<Line>,
    /// The enclosing ALTO `ComposedBlock`, hOCR `ocr_carea` or PAGE parent region, where there is
    /// one: blocks sharing it were grouped by the engine.
    pub group: Option<String>,
    pub kind: Option<RegionKind>,
    /// The PAGE reading order position, or ALTO/hOCR file order (0, 1, 2, ...).
    pub order: usize,
}

/// One page as the file gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub format: Format,
    /// The page's size in file units where given (ALTO Page WIDTH/HEIGHT, hOCR ocr_page bbox, PAGE
    /// Page imageWidth/imageHeight), else the union of the blocks.
    pub width: f32,
    pub height: f32,
    /// The unit the file measures in (ALTO MeasurementUnit: pixel, mm10, inch1200), "pixel" for
    /// hOCR and PAGE.
    pub unit: String,
    /// The image file the OCR was made from, where the file names it.
    pub image: Option<String>,
    /// Blocks in the file's order (PAGE: in its ReadingOrder where given).
    pub blocks: Vec<Block>,
    /// The file's language where it says (hOCR `lang`, ALTO `LANG`, PAGE `primaryLanguage`).
    pub language: Option<String>,
    /// The software that made the file, as it names itself (ALTO `processingSoftware/softwareName`,
    /// the hOCR `ocr-system` meta, PAGE `Metadata/Creator`): how its block order was made.
    pub producer: Option<String>,
}

/// How far into a file [`sniff`] looks for its root element and hOCR's marks.
const SNIFF_WINDOW: usize = 64 << 10;

/// The format of a file by its content: the root element (`alto` with any prefix, `PcGts`, or an
/// `html` that names an OCR system or holds an `ocr_page` within the first 64 KB), after any BOM,
/// XML declaration, comments, processing instructions and DOCTYPE. Anything else is None; a page
/// of plain text costs one look at its first byte past the spaces.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    identify(bytes).ok().flatten()
}

/// What a file is, by one look at its head: structured OCR in the format named, text (`Ok(None)`),
/// or an HTML document that is no hOCR, with the reason it is refused: read as text it would be a
/// page of markup. (A folder may hold web pages beside its hOCR, or newsseg's own review pages.)
pub fn identify(bytes: &[u8]) -> std::result::Result<Option<Format>, &'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // UTF-16: the window's worth, decoded; its formats are told apart, nothing is refused.
        let head = &bytes[..bytes.len().min(2 * SNIFF_WINDOW)];
        return Ok(identify_utf8(xml::decode(head).as_bytes()).ok().flatten());
    }
    identify_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// [`identify`]'s reason for an HTML document that is no hOCR, None for anything else.
pub fn html_not_hocr(bytes: &[u8]) -> Option<&'static str> {
    identify(bytes).err()
}

fn identify_utf8(bytes: &[u8]) -> std::result::Result<Option<Format>, &'static str> {
    let Some((b, local)) = root_element(bytes) else { return Ok(None) };
    match local {
        b"alto" => Ok(Some(Format::Alto)),
        b"PcGts" => Ok(Some(Format::PageXml)),
        l if l.eq_ignore_ascii_case(b"html") => {
            let marks: [&[u8]; 3] = [b"ocr-system", b"ocr-capabilities", b"ocr_page"];
            if marks.iter().any(|m| memchr::memmem::find(b, m).is_some()) {
                Ok(Some(Format::Hocr))
            } else if memchr::memmem::find(b, b"<meta name=\"generator\" content=\"newsseg\">").is_some() {
                Err("a newsseg review page (--html output), not a page of OCR")
            } else {
                Err("an HTML document that is no hOCR (no ocr_page, ocr-system or ocr-capabilities in its first 64 KiB), not a page of OCR")
            }
        }
        _ => Ok(None),
    }
}

/// The sniffing window and the local name of the document's root element, past the prolog.
fn root_element(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let b = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    let mut i = b.iter().position(|c| !c.is_ascii_whitespace())?;
    if b[i] != b'<' {
        return None;
    }
    // The prolog: declaration, processing instructions, comments, DOCTYPE.
    loop {
        i += b[i..].iter().position(|c| !c.is_ascii_whitespace())?;
        let rest = &b[i..];
        if rest.first() != Some(&b'<') {
            return None;
        }
        i += if rest.starts_with(b"<?") {
            memchr::memmem::find(rest, b"?>")? + 2
        } else if rest.starts_with(b"<!--") {
            4 + memchr::memmem::find(&rest[4..], b"-->")? + 3
        } else if rest.starts_with(b"<!") {
            doctype_len(rest)?
        } else {
            break;
        };
    }
    let tag = &b[i + 1..];
    let end = tag.iter().position(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')?;
    let name = &tag[..end];
    let local = name.iter().rposition(|c| *c == b':').map_or(name, |at| &name[at + 1..]);
    Some((b, local))
}

/// The length of a `<!DOCTYPE ...>` with any internal subset: to the `>` outside brackets and quotes.
fn doctype_len(b: &[u8]) -> Option<usize> {
    let (mut depth, mut quote) = (0usize, None);
    for (i, &c) in b.iter().enumerate().skip(2) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'[') => depth += 1,
            (None, b']') => depth = depth.saturating_sub(1),
            (None, b'>') if depth == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Reads a file in whichever of the three formats it is. Bytes of no known format are an error
/// of kind BadInput; so is a malformed file.
pub fn read(bytes: &[u8]) -> Result<Document> {
    match sniff(bytes) {
        Some(format) => read_as(bytes, format),
        None => Err(Error::new(ErrorKind::BadInput, "not structured OCR: no <alto>, <PcGts> or hOCR <html> root in the first 64 KB")),
    }
}

/// [`read`] for a file whose format is already known (from [`identify`]).
pub fn read_as(bytes: &[u8], format: Format) -> Result<Document> {
    let mut doc = match format {
        Format::Alto => alto::read(bytes),
        Format::Hocr => hocr::read(bytes),
        Format::PageXml => page::read(bytes),
    }?;
    doc.producer = producer(&bytes[..bytes.len().min(SNIFF_WINDOW)], doc.format);
    Ok(doc)
}

/// The software that made the file, from its header: ALTO's `softwareName` (the OCR step's, the
/// last one named), hOCR's `ocr-system` meta, PAGE's `Creator`.
fn producer(head: &[u8], format: Format) -> Option<String> {
    let text = String::from_utf8_lossy(head);
    // The text of each element named `name` (any prefix): its opening tags only, as the closing
    // tag names it too.
    let between = |name: &str, close: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = text[from..].find(name).map(|i| from + i) {
            from = i + name.len();
            let before = &text[..i];
            let open = before.ends_with('<') || (before.ends_with(':') && before.rfind('<').is_some_and(|lt| !text[lt + 1..i].contains(['/', '>', ' '])));
            if !open {
                continue;
            }
            let Some(gt) = text[from..].find('>') else { break };
            let body = &text[from + gt + 1..];
            let Some(end) = body.find(close) else { break };
            if !body[..end].trim().is_empty() {
                out.push(body[..end].trim().to_string());
            }
        }
        out
    };
    let name = match format {
        Format::Alto => between("softwareName", "</").pop(),
        Format::PageXml => between("Creator", "</").pop(),
        Format::Hocr => {
            let at = text.find("ocr-system")?;
            let rest = &text[at..];
            let c = rest.find("content=")? + "content=".len();
            let q = rest[c..].chars().next()?;
            let body = &rest[c + q.len_utf8()..];
            body.find(q).map(|e| body[..e].to_string())
        }
    };
    name.filter(|n| !n.is_empty() && n.len() <= 200)
}

/// The decompressed bytes of a gzip file (several members in a row are read as one), None for
/// bytes that do not start with the gzip magic. Past `max` bytes it stops with an error of kind
/// TooLarge, never holding more than `max`; a corrupt or truncated stream is BadInput.
pub fn gunzip(bytes: &[u8], max: usize) -> Result<Option<Vec<u8>>> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(None);
    }
    let mut dec = flate2::read::MultiGzDecoder::new(bytes);
    let mut out: Vec<u8> = Vec::new();
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let n = match dec.read(&mut buf) {
            Ok(0) => return Ok(Some(out)),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(Error::new(ErrorKind::BadInput, format!("corrupt gzip stream after {} bytes out: {e}", out.len())));
            }
        };
        if out.len() + n > max {
            return Err(Error::new(ErrorKind::TooLarge, format!("gzip stream unpacks to over {max} bytes (the page limit)")));
        }
        if out.capacity() - out.len() < n {
            // Doubling, but never past `max`: a bomb is refused before it is held.
            let want = (out.capacity() * 2).max(out.len() + n).min(max);
            out.reserve_exact(want - out.len());
        }
        out.extend_from_slice(&buf[..n]);
    }
}

/// What a region TYPE (ALTO TextBlock or ComposedBlock, PAGE TextRegion) says the region is.
/// Container types that say nothing of the text's role (an article, a section) are None.
pub(crate) fn kind_of(t: &str) -> Option<RegionKind> {
    let t = t.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    Some(match t.as_str() {
        "" | "article" | "section" | "chapter" | "text" | "textblock" => return None,
        "heading" | "headline" | "title" | "subtitle" | "subheading" => RegionKind::Heading,
        "caption" => RegionKind::Caption,
        "header" | "running-title" | "running-head" => RegionKind::Header,
        "footer" => RegionKind::Footer,
        "page-number" | "pagenumber" => RegionKind::PageNumber,
        "paragraph" => RegionKind::Paragraph,
        _ => RegionKind::Other,
    })
}

/// The most common of a line's values by characters, the first seen on a tie.
fn most<T: Copy + PartialEq>(items: impl Iterator<Item = (T, usize)>) -> Option<T> {
    let mut tally: Vec<(T, usize)> = Vec::new();
    for (v, n) in items {
        match tally.iter_mut().find(|(t, _)| *t == v) {
            Some(e) => e.1 += n,
            None => tally.push((v, n)),
        }
    }
    let best = tally.iter().map(|e| e.1).max()?;
    tally.into_iter().find(|e| e.1 == best).map(|e| e.0)
}

/// Settles what a line's words say of it: its box where the file gave none, its font size and
/// style (the most common among its words by characters, else what the reader set), and a cut
/// marked only by the last word's own trailing hyphen.
pub(crate) fn finish_line(line: &mut Line) {
    if line.bbox.is_empty() {
        line.bbox = BBox::around(line.words.iter().map(|w| &w.bbox));
    }
    let chars = |w: &Word| w.text.chars().count();
    if let Some(size) = most(line.words.iter().filter_map(|w| w.font_size.map(|s| (s.to_bits(), chars(w))))) {
        line.font_size = Some(f32::from_bits(size));
    }
    if let Some(style) = most(line.words.iter().map(|w| (w.style, chars(w)))) {
        line.style = style;
    }
    if line.hyphen == Hyphen::None
        && let Some(last) = line.words.last()
        && let Some(mark) = last.text.chars().last().filter(|c| matches!(c, '-' | '¬' | '\u{2010}' | '\u{ad}'))
        && last.text[..last.text.len() - mark.len_utf8()].chars().any(char::is_alphabetic)
    {
        line.hyphen = Hyphen::Cut { mark: mark.to_string() };
    }
    line.words.shrink_to_fit();
}

/// A block's box where the file gave none: its lines'.
pub(crate) fn finish_block(b: &mut Block) {
    if b.bbox.is_empty() {
        b.bbox = BBox::around(b.lines.iter().map(|l| &l.bbox));
    }
    b.lines.shrink_to_fit();
}

/// The page size a file that gives none implies: to the right and bottom edges of its blocks.
pub(crate) fn extent(blocks: &[Block]) -> (f32, f32) {
    blocks.iter().fold((0.0f32, 0.0f32), |(w, h), b| (w.max(b.bbox.right()), h.max(b.bbox.bottom())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_around_boxes_skips_empty_ones() {
        let b = |x, y, w, h| BBox { x, y, w, h };
        assert!(BBox::around([]).is_empty());
        // An empty box (a word the file gave no place) does not drag the box to the origin.
        assert_eq!(BBox::around(&[b(10.0, 20.0, 5.0, 5.0), BBox::default(), b(30.0, 10.0, 10.0, 5.0)]), b(10.0, 10.0, 30.0, 15.0));
    }

    #[test]
    fn html_that_is_no_hocr_is_told_apart() {
        let review = b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"newsseg\">\n<title>p</title>";
        assert!(html_not_hocr(review).is_some_and(|w| w.contains("review page")));
        assert!(html_not_hocr(b"<html><body><p>News</p></body></html>").is_some_and(|w| w.contains("no hOCR")));
        assert_eq!(html_not_hocr(b"<html><body><div class='ocr_page'>"), None);
        assert_eq!(html_not_hocr(b"<alto xmlns='x'>"), None);
        assert_eq!(html_not_hocr(b"HARBOR BOARD <b>MEETS</b>\n"), None);
    }

    #[test]
    fn sniff_by_root_past_the_prolog() {
        let alto = "\u{feff} \n<?xml version='1.0'?>\n<!-- <PcGts> -->\n<?pi x?>\n<!DOCTYPE alto [<!ENTITY a '>]'>]>\n<alto:alto xmlns:alto='x'>";
        assert_eq!(sniff(alto.as_bytes()), Some(Format::Alto));
        assert_eq!(
            sniff(b"<PcGts xmlns='http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15'>"),
            Some(Format::PageXml)
        );
        assert_eq!(sniff(b"<alto/>"), Some(Format::Alto));
        let hocr = "<!DOCTYPE html><HTML><head><meta name='ocr-system' content='x'></head>";
        assert_eq!(sniff(hocr.as_bytes()), Some(Format::Hocr));
        assert_eq!(sniff(b"<html><body><div class='ocr_page'>"), Some(Format::Hocr));
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("<alto>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(sniff(&utf16), Some(Format::Alto));
        for not in ["", "   ", "Page one <alto>", "<altogether>", "<html><body>ocr</body></html>", "<!-- unclosed", "<alto"] {
            assert_eq!(sniff(not.as_bytes()), None, "{not}");
        }
        // The root must come within the window.
        let late = format!("<!--{}--><alto/>", " ".repeat(SNIFF_WINDOW));
        assert_eq!(sniff(late.as_bytes()), None);
    }

    #[test]
    fn region_types() {
        assert_eq!(kind_of("heading"), Some(RegionKind::Heading));
        assert_eq!(kind_of("page-number"), Some(RegionKind::PageNumber));
        assert_eq!(kind_of("Page_Number"), Some(RegionKind::PageNumber));
        assert_eq!(kind_of("Advertisement"), Some(RegionKind::Other));
        assert_eq!((kind_of("Article"), kind_of(" ")), (None, None));
    }

    fn word(text: &str, size: Option<f32>) -> Word {
        Word {
            id: None,
            text: text.into(),
            bbox: BBox::default(),
            conf: None,
            subs_content: None,
            font_size: size,
            style: Style::default(),
        }
    }

    #[test]
    fn a_line_is_settled_from_its_words() {
        let mut line = Line {
            id: None,
            bbox: BBox::default(),
            words: vec![word("Big", Some(20.0)), word("small", Some(8.0)), word("Ende¬", None)],
            font_size: Some(30.0),
            x_size: None,
            style: Style::default(),
            hyphen: Hyphen::None,
            kind: None,
        };
        line.words[0].bbox = BBox { x: 5.0, y: 5.0, w: 10.0, h: 10.0 };
        line.words[1].bbox = BBox { x: 20.0, y: 4.0, w: 10.0, h: 10.0 };
        finish_line(&mut line);
        assert_eq!((line.font_size, line.hyphen.clone()), (Some(8.0), Hyphen::Cut { mark: "¬".into() }));
        assert_eq!(line.bbox, BBox { x: 5.0, y: 4.0, w: 25.0, h: 11.0 });
        // A dash standing alone is not a cut word.
        line.words = vec![word("so", None), word("-", None)];
        line.hyphen = Hyphen::None;
        finish_line(&mut line);
        assert_eq!((line.hyphen, line.font_size), (Hyphen::None, Some(8.0)));
    }

    /// Each block's id, group and words, a cut word's hyphen taken off (ALTO writes it apart), with
    /// boxes, and each line's box.
    type Shape = Vec<(Option<String>, Vec<(BBox, Vec<(String, BBox)>)>)>;

    fn shape(d: &Document) -> Shape {
        d.blocks
            .iter()
            .map(|b| {
                let lines = b
                    .lines
                    .iter()
                    .map(|l| {
                        let mut words: Vec<_> = l.words.iter().map(|w| (w.text.clone(), w.bbox)).collect();
                        if let (Hyphen::Cut { mark }, Some(last)) = (&l.hyphen, words.last_mut())
                            && let Some(cut) = last.0.strip_suffix(mark.as_str())
                        {
                            last.0 = cut.to_string();
                        }
                        (l.bbox, words)
                    })
                    .collect();
                (b.id.clone(), lines)
            })
            .collect()
    }

    #[test]
    fn one_page_three_formats() {
        let alto = read(include_bytes!("../../tests/data/ocrxml/harbour.alto.xml")).unwrap();
        let hocr = read(include_bytes!("../../tests/data/ocrxml/harbour.hocr")).unwrap();
        let page = read(include_bytes!("../../tests/data/ocrxml/harbour.page.xml")).unwrap();
        assert_eq!((alto.format, hocr.format, page.format), (Format::Alto, Format::Hocr, Format::PageXml));
        for d in [&alto, &hocr, &page] {
            assert_eq!((d.width, d.height, d.image.as_deref()), (2000.0, 3000.0, Some("harbour-p1.png")));
            assert_eq!(d.blocks.len(), 5);
            // The headline and the first two body blocks were grouped by the engine, in all three.
            assert!(d.blocks[..4].iter().all(|b| b.group.as_deref() == Some("art1")));
            let cut = &d.blocks[1].lines[1];
            assert_eq!(cut.hyphen, Hyphen::Cut { mark: "-".into() });
        }
        assert_eq!(shape(&alto), shape(&hocr));
        assert_eq!(shape(&alto), shape(&page));
        let words = |d: &Document| d.blocks.iter().flat_map(|b| &b.lines).map(|l| l.words.len()).sum::<usize>();
        assert_eq!(words(&alto), 55);
        // The headline is set bigger: by its style in ALTO and PAGE, by its x-height in hOCR.
        for d in [&alto, &page] {
            assert_eq!((d.blocks[0].lines[0].font_size, d.blocks[1].lines[0].font_size), (Some(36.0), Some(10.0)));
            assert!(d.blocks[0].lines[0].style.bold && !d.blocks[1].lines[0].style.bold);
        }
        assert!(hocr.blocks[0].lines[0].x_size > hocr.blocks[1].lines[0].x_size);
        assert_eq!(hocr.blocks[0].lines[0].kind, Some(RegionKind::Heading));
        assert_eq!((page.blocks[0].kind, page.blocks[4].order), (Some(RegionKind::Heading), 4));
        let subs: Vec<_> =
            alto.blocks[1].lines[1..].iter().map(|l| l.words.iter().find_map(|w| w.subs_content.clone())).collect();
        assert_eq!(subs, [Some("construction".to_string()), Some("construction".to_string())]);
    }

    #[test]
    fn regression_producer_read_as_none_past_its_closing_tag() {
        // The closing tag names softwareName too; read as a second, empty name it hid the first.
        let alto = b"<alto><Description><OCRProcessing><ocrProcessingStep><processingSoftware>\n<softwareName>tesseract 5.3.0</softwareName>\n</processingSoftware></ocrProcessingStep></OCRProcessing></Description></alto>";
        assert_eq!(producer(alto, Format::Alto).as_deref(), Some("tesseract 5.3.0"));
        let two = b"<softwareName>CCS docWorks</softwareName><x/><softwareName>FineReader</softwareName>";
        assert_eq!(producer(two, Format::Alto).as_deref(), Some("FineReader"));
        let hocr = b"<meta name='ocr-system' content='tesseract 5.3.0' />";
        assert_eq!(producer(hocr, Format::Hocr).as_deref(), Some("tesseract 5.3.0"));
    }
}
