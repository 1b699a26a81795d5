//! Config: the plain settings one run applies to every page, with their defaults.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which language's rules to apply to a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LangChoice {
    /// Decide per page: Chinese by its script, a Latin page by its commonest words.
    #[default]
    Auto,
    Zh,
    En,
    Fr,
    De,
    /// Latin script, language not told apart (Dutch, Italian, Spanish, ...): no word list, no OCR
    /// mending. Written `und-Latn` in the page JSON.
    Latin,
}

impl FromStr for LangChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(LangChoice::Auto),
            "zh" | "chi" | "zho" | "cmn" => Ok(LangChoice::Zh),
            "en" | "eng" => Ok(LangChoice::En),
            "fr" | "fre" | "fra" => Ok(LangChoice::Fr),
            "de" | "ger" | "deu" => Ok(LangChoice::De),
            "latin" | "und-latn" => Ok(LangChoice::Latin),
            other => Err(format!("unknown language '{other}' (expected auto, zh, en, fr, de or latin)")),
        }
    }
}

impl fmt::Display for LangChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LangChoice::Auto => "auto",
            LangChoice::Zh => "zh",
            LangChoice::En => "en",
            LangChoice::Fr => "fr",
            LangChoice::De => "de",
            LangChoice::Latin => "latin",
        })
    }
}

/// How the page's reading order is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadingOrder {
    /// The file's own order where its producer orders blocks by article (archive vendors' ALTO),
    /// the page's geometry where it orders them by layout region (Tesseract).
    #[default]
    Auto,
    /// The order of the blocks in the file, headline groups gathered.
    File,
    /// From the boxes: each headline owns the columns under it.
    Geometry,
}

impl std::str::FromStr for ReadingOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(ReadingOrder::Auto),
            "file" => Ok(ReadingOrder::File),
            "geometry" => Ok(ReadingOrder::Geometry),
            _ => Err(format!("unknown reading order {s:?} (auto, file or geometry)")),
        }
    }
}

/// Settings for processing pages. Plain data: build it, then hand it to [`crate::process_page`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    pub lang: LangChoice,
    /// Pages larger than this many bytes are refused (a whole volume dumped in one file is not a page).
    pub max_page_bytes: usize,
    /// Lines longer than this many bytes are cut into pieces of at most this size before analysis;
    /// every byte is still accounted for.
    pub max_line_bytes: usize,
    /// The linker compares each fragment with at most this many others (stories, open ends,
    /// fragments, headlines), the nearest on the page, so no page costs quadratic time. Pages
    /// made from real articles have at most a few dozen of each, and are compared in full.
    pub max_link_candidates: usize,
    /// An encoding label (WHATWG names such as "gb18030", "big5", "windows-1252", "utf-16le") that
    /// overrides detection.
    pub encoding: Option<String>,
    /// How the reading order of a structured page (ALTO, hOCR, PAGE) is found (resolved by
    /// `geometry`).
    pub reading_order: ReadingOrder,
    /// A page still being worked on this long after it started is stopped and fails with
    /// [`crate::ErrorKind::Timeout`]; `None` lets every page run to its end.
    pub page_timeout: Option<std::time::Duration>,
    /// The linker's weights, where a run changes the built-in tables' (`--params`); `None`: the
    /// built-in ones.
    #[serde(skip)]
    pub tuning: Option<std::sync::Arc<crate::lang::Tuning>>,
    /// A text page longer than this many bytes is analysed and linked in windows of about this
    /// size, one after another (see [`crate::window`]), so its memory stays bounded.
    pub window_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: LangChoice::Auto,
            max_page_bytes: 64 << 20,
            max_line_bytes: 64 << 10,
            max_link_candidates: 64,
            encoding: None,
            reading_order: Default::default(),
            page_timeout: None,
            tuning: None,
            window_bytes: crate::window::WINDOW_BYTES,
        }
    }
}
