//! Structured OCR in: ALTO, hOCR and PAGE-XML files read into one page model of blocks, lines and
//! words with their boxes, font sizes and styles, hyphenation marks and confidences.
//!
//! The readers only read: they keep the file's own order and ids. Reading order, headline levels
//! and the page text the pipeline runs on are worked out from this model elsewhere (`geometry`).

pub mod alto;
pub mod hocr;
pub mod page;
pub mod xml;

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
        line.bbox = line.words.iter().fold(BBox::default(), |b, w| b.union(&w.bbox));
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
        b.bbox = b.lines.iter().fold(BBox::default(), |u, l| u.union(&l.bbox));
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
}
