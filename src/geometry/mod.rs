//! Geometry: what a structured page's boxes say — each line's type size against the page's body
//! text, headline groups, paragraphs, the order the page is read in — and the page text the
//! pipeline runs on, with a hint per line.
//!
//! The text is the file's words, a line per file line, in reading order, with a blank line between
//! paragraphs; every word of the file lands in exactly one line of it. The hints carry what the
//! text alone has lost (type size, the region a line came from, where a headline group is), and
//! the stages after read them as evidence beside the text's own.

mod apart;
mod derive;
mod gutter;
mod heads;
mod order;
mod sizes;

pub use derive::{derive, Derived, Hint};
pub use gutter::cut_at_gutters;
pub use order::ReadingOrder;

use crate::ocrxml::{BBox, Document};

/// What the page's geometry is read with: each a measured property of type and layout, with the
/// reason for its value.
#[derive(Debug, Clone, Copy)]
pub struct GeoParams {
    /// A line set at least this much bigger than the body text is display type: a headline line.
    /// Decks and kickers of news pages run 1.15-1.3x the body, headlines 1.4x and up.
    pub display: f32,
    /// A short line at least this much bigger, touching a headline group, is its kicker or deck.
    pub minor: f32,
    /// A kicker or deck holds at most this many characters (longer is a standfirst, body text).
    pub minor_chars: usize,
    /// A headline group holds at most this many characters: display type running longer is a
    /// display paragraph (a lead set big), not a headline.
    pub group_chars: usize,
    /// Stacked headline lines stand at most this many of their own em apart.
    pub stack_gap: f32,
    /// Pieces side by side on one band are one headline when at most this many body lines apart
    /// (an engine reads a Chinese title in pieces across a word space, up to two body lines wide
    /// in display type) and not each set over a column of its own.
    pub band_gap: f32,
    /// A first line indented by this many body em opens a paragraph.
    pub indent: f32,
    /// A line ending this many body em short of its column's right edge ends its paragraph when
    /// its text ends a sentence.
    pub short: f32,
}

impl Default for GeoParams {
    fn default() -> Self {
        GeoParams { display: 1.3, minor: 1.12, minor_chars: 60, group_chars: 240, stack_gap: 1.0, band_gap: 1.6, indent: 0.8, short: 2.0 }
    }
}

/// The size, place and style of one file line, measured once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineGeo {
    pub block: usize,
    pub line: usize,
    pub bbox: BBox,
    /// The line's type size in the page's own unit (points, or pixels where the file gives none).
    pub em: f32,
    /// `em` over the body text's.
    pub ratio: f32,
    pub bold: bool,
    pub chars: usize,
    /// Most of the line is set in a typeface the file names, other than the body text's.
    pub other_face: bool,
}

/// The middle value of `v` (the upper of the two middles of an even count), or `none` where `v`
/// is empty.
pub(crate) fn median(mut v: Vec<f32>, none: f32) -> f32 {
    v.sort_by(f32::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(none)
}

/// How far two ranges overlap (0 when apart).
pub(crate) fn overlap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    (a1.min(b1) - a0.max(b0)).max(0.0)
}

/// Whether box `a` stands centred on box `b`: their centres at most `heads::APART_DECK_CENTRED`
/// of `b`'s width apart.
pub(crate) fn centred_on(a: &BBox, b: &BBox) -> bool {
    ((a.x + a.w / 2.0) - (b.x + b.w / 2.0)).abs() <= heads::APART_DECK_CENTRED * b.w
}

/// Whether a line in box `k` stands as a kicker over a title in box `t`: narrower than it,
/// centred on it, and tight over it (less than `gap` above it).
pub(crate) fn kicker_over(k: &BBox, t: &BBox, gap: f32) -> bool {
    k.w < t.w && centred_on(k, t) && (0.0..gap).contains(&(t.y - k.bottom()))
}

/// Whether text of `chars` is figures (459个, 3.57万亿, a price, a date): at least half digits,
/// and words of its own beside them make it a rubric or a title (2019春运一线), however many.
pub(crate) fn figures(chars: impl Iterator<Item = char>) -> bool {
    let (mut digits, mut words, mut all) = (0usize, 0usize, 0usize);
    for c in chars.filter(|c| !c.is_whitespace()) {
        all += 1;
        digits += usize::from(c.is_ascii_digit());
        words += usize::from(c.is_alphanumeric() && !c.is_ascii_digit());
    }
    digits * 2 >= all.max(1) && words < FIGURE_WORDS
}

/// Figures hold fewer letters or characters than this beside their digits (万亿, 个, %): a rubric
/// naming its year or a title quoting a figure holds a word or two of its own.
const FIGURE_WORDS: usize = 4;

/// Horizontal overlap of two boxes.
pub(crate) fn x_overlap(a: &BBox, b: &BBox) -> f32 {
    overlap(a.x, a.right(), b.x, b.right())
}

/// The measured lines of a page, in the file's order.
pub(crate) fn measure(doc: &Document) -> Vec<LineGeo> {
    sizes::measure(doc)
}
