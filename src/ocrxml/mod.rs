//! Structured OCR in: ALTO, hOCR and PAGE-XML files read into one page model of blocks, lines and
//! words with their boxes, font sizes and styles, hyphenation marks and confidences.
//!
//! The readers only read: they keep the file's own order and ids. Reading order, headline levels
//! and the page text the pipeline runs on are worked out from this model elsewhere (`geometry`).

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
