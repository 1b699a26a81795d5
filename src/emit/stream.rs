//! Stream: a page's JSON written part by part as its windows are done, byte for byte what
//! [`super::write_json`] writes for the whole page, so a long page's object is never held whole.
//!
//! The page's fields come in a fixed order (its head, then articles, running heads, lines and
//! warnings), while every window adds to the three arrays in the middle: each array is written
//! into a piece of its own (its JSON, a fraction of the page objects it was made from), and the
//! pieces are written out one after another once the last window is done.

use super::page::{Generator, Page, SourceInfo};
use crate::source::Warning;
use serde::Serialize;
use std::io::{Seek, SeekFrom, Write};

/// The fields of [`Page`] before its articles, in its order and with its names.
#[derive(Serialize)]
struct Head<'a> {
    schema_version: &'a str,
    generator: &'a Generator,
    id: &'a str,
    source: &'a SourceInfo,
    language: &'a str,
    layout: &'a str,
}

/// A piece of a page's JSON: in memory, or past [`SPILL_BYTES`] in a temporary file.
#[derive(Debug)]
pub enum Piece {
    Bytes(Vec<u8>),
    Spilled(std::fs::File),
}

impl Piece {
    /// Writes the piece to `w`.
    pub fn write_to(&mut self, w: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Piece::Bytes(b) => w.write_all(b),
            Piece::Spilled(f) => {
                f.seek(SeekFrom::Start(0))?;
                std::io::copy(f, w).map(|_| ())
            }
        }
    }
}

/// The pieces of a page's JSON, joined in memory.
pub fn joined(pieces: impl IntoIterator<Item = Piece>) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for mut p in pieces {
        p.write_to(&mut out)?;
    }
    Ok(out)
}

/// How much of one piece of a page's JSON is held in memory: past it, the piece goes on in a
/// temporary file. An ordinary page's JSON is a few hundred kilobytes; a page of tens of
/// megabytes has JSON of four times its size, more than all its windows' working state.
pub const SPILL_BYTES: usize = 8 << 20;

/// One array of the page's JSON as written so far, after its key.
struct Items {
    bytes: Vec<u8>,
    n: usize,
    /// Where the bytes go once they pass [`SPILL_BYTES`]; `Err` once a file could not be made
    /// (then they stay in memory).
    spill: Option<Result<std::fs::File, ()>>,
}

impl Items {
    fn with_capacity(capacity: usize) -> Items {
        Items { bytes: Vec::with_capacity(capacity), n: 0, spill: None }
    }

    /// `,"key":[`, indented when pretty: the array follows the field before it.
    fn after(key: &str, pretty: bool, capacity: usize) -> Items {
        let mut items = Items::with_capacity(capacity);
        let bytes = &mut items.bytes;
        bytes.push(b',');
        if pretty {
            bytes.extend_from_slice(FIELD_INDENT);
        }
        bytes.push(b'"');
        bytes.extend_from_slice(key.as_bytes());
        bytes.extend_from_slice(if pretty { b"\": [" } else { b"\":[" });
        items
    }

    fn push(&mut self, pretty: bool, scratch: &mut Vec<u8>, value: &impl Serialize, spill_at: usize) {
        item(&mut self.bytes, pretty, scratch, self.n, value);
        self.n += 1;
        if self.bytes.len() >= spill_at {
            self.spill();
        }
    }

    /// Moves the bytes held to the spill file, made the first time.
    fn spill(&mut self) {
        let file = self.spill.get_or_insert_with(|| spill_file().map_err(|_| ()));
        if let Ok(f) = file {
            if f.write_all(&self.bytes).is_ok() {
                // The buffer's room is kept: it is filled again, not grown.
                self.bytes.clear();
            } else {
                *file = Err(());
            }
        }
    }

    fn close(mut self, pretty: bool) -> Piece {
        if pretty && self.n > 0 {
            self.bytes.extend_from_slice(FIELD_INDENT);
        }
        self.bytes.push(b']');
        self.piece()
    }

    fn piece(mut self) -> Piece {
        match self.spill {
            Some(Ok(_)) => {
                self.spill();
                match self.spill {
                    Some(Ok(f)) => Piece::Spilled(f),
                    _ => unreachable!("a spill that fails keeps its bytes"),
                }
            }
            _ => Piece::Bytes(self.bytes),
        }
    }
}

/// A temporary file no other process sees the name of for long: made in the system's temporary
/// folder and, where the system allows it, removed at once while it stays open.
fn spill_file() -> std::io::Result<std::fs::File> {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(".newsseg-json-{}-{n}.tmp", std::process::id()));
    let f = std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path)?;
    // Unix keeps an open file after its name is gone; elsewhere the name stays until the run ends.
    let _ = std::fs::remove_file(&path);
    Ok(f)
}

/// Writes one page's JSON from its windows' page objects ([`PageJson::part`]) and its warnings
/// ([`PageJson::finish`]), as consecutive pieces: the head and articles, the running heads, the
/// lines and warnings. Joined, they are the bytes [`super::write_json`] writes for the whole page;
/// kept apart, none is copied to make room for the others, and a long one waits in a file.
pub struct PageJson {
    pretty: bool,
    /// The first part is in: the page's head is written.
    started: bool,
    spill_at: usize,
    /// The page's head, then its articles; empty until the first part comes.
    articles: Items,
    furniture: Items,
    lines: Items,
    scratch: Vec<u8>,
}

/// Indentation of an item of the page's arrays in pretty JSON: two levels of two spaces.
const ITEM_INDENT: &[u8] = b"\n    ";
/// Indentation of the page's own fields, and of the closing bracket of its arrays.
const FIELD_INDENT: &[u8] = b"\n  ";

impl PageJson {
    /// `capacity`: room set aside for the head and articles, the largest piece.
    pub fn new(pretty: bool, capacity: usize) -> PageJson {
        PageJson::spilling_at(pretty, capacity, SPILL_BYTES)
    }

    fn spilling_at(pretty: bool, capacity: usize, spill_at: usize) -> PageJson {
        PageJson {
            pretty,
            started: false,
            spill_at,
            articles: Items::with_capacity(capacity),
            furniture: Items::after("furniture", pretty, 0),
            // Room set aside up front (untouched, it costs no memory) rather than grown by
            // doubling, each doubling a copy; past `spill_at` the piece is emptied into its file.
            lines: Items::after("lines", pretty, capacity.min(spill_at.saturating_add(1 << 16))),
            scratch: Vec::new(),
        }
    }

    /// Adds one window's page object: the first also gives the page's head.
    pub fn part(&mut self, page: &Page) {
        if !self.started {
            self.started = true;
            self.head(page);
        }
        for a in &page.articles {
            self.articles.push(self.pretty, &mut self.scratch, a, self.spill_at);
        }
        for f in &page.furniture {
            self.furniture.push(self.pretty, &mut self.scratch, f, self.spill_at);
        }
        for l in &page.lines {
            self.lines.push(self.pretty, &mut self.scratch, l, self.spill_at);
        }
    }

    /// Closes the page with its warnings and a newline; returns how many articles it has, and
    /// its JSON in pieces to be written one after another.
    pub fn finish(self, warnings: &[Warning]) -> (usize, [Piece; 3]) {
        assert!(self.started, "a page has a window at least");
        let PageJson { pretty, articles, furniture, mut lines, mut scratch, .. } = self;
        let n = articles.n;
        if pretty && lines.n > 0 {
            lines.bytes.extend_from_slice(FIELD_INDENT);
        }
        lines.bytes.push(b']');
        let mut w = Items::after("warnings", pretty, 0);
        for warning in warnings {
            w.push(pretty, &mut scratch, warning, usize::MAX);
        }
        let Piece::Bytes(w) = w.close(pretty) else { unreachable!("a page's warnings are few") };
        lines.bytes.extend_from_slice(&w);
        lines.bytes.extend_from_slice(if pretty { b"\n}\n" } else { b"}\n" });
        (n, [articles.close(pretty), furniture.close(pretty), lines.piece()])
    }

    /// The page's fields up to its articles, and the articles' opening bracket.
    fn head(&mut self, page: &Page) {
        let head = Head {
            schema_version: &page.schema_version,
            generator: &page.generator,
            id: &page.id,
            source: &page.source,
            language: &page.language,
            layout: &page.layout,
        };
        let out = &mut self.articles.bytes;
        if self.pretty {
            serde_json::to_writer_pretty(&mut *out, &head).expect("page head serializes");
        } else {
            serde_json::to_writer(&mut *out, &head).expect("page head serializes");
        }
        // The object is left open for the fields after these: its closing brace (on a line of its
        // own when pretty) goes.
        out.truncate(out.len() - if self.pretty { 2 } else { 1 });
        out.extend_from_slice(&Items::after("articles", self.pretty, 0).bytes);
    }
}

/// Appends item `k` of an array of the page to `dst`. Pretty JSON is written at depth 0 and
/// indented to the item's depth: a string's own line breaks are escaped, so every raw line break is
/// the formatter's.
fn item(dst: &mut Vec<u8>, pretty: bool, scratch: &mut Vec<u8>, k: usize, value: &impl Serialize) {
    if k > 0 {
        dst.push(b',');
    }
    if !pretty {
        serde_json::to_writer(&mut *dst, value).expect("page item serializes");
        return;
    }
    dst.extend_from_slice(ITEM_INDENT);
    scratch.clear();
    serde_json::to_writer_pretty(&mut *scratch, value).expect("page item serializes");
    let mut rest = &scratch[..];
    while let Some(i) = memchr::memchr(b'\n', rest) {
        dst.extend_from_slice(&rest[..i]);
        dst.extend_from_slice(ITEM_INDENT);
        rest = &rest[i + 1..];
    }
    dst.extend_from_slice(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture_pages() -> Vec<Page> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut dirs: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
        dirs.sort();
        let cfg = crate::Config::default();
        dirs.iter()
            .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
            .filter(|p| p.file_stem().is_some_and(|s| s == "page"))
            .filter_map(|p| crate::process_page(&cfg, "p", p.to_str(), &std::fs::read(&p).unwrap()).ok())
            .collect()
    }

    #[test]
    fn a_page_streamed_in_one_part_is_written_as_serde_writes_it() {
        let pages = fixture_pages();
        assert_eq!(pages.len(), 7, "every fixture page, text and structured");
        for page in &pages {
            for pretty in [false, true] {
                let mut whole = Vec::new();
                super::super::write_json(page, pretty, &mut whole);
                let mut json = PageJson::new(pretty, 0);
                json.part(page);
                let (n, pieces) = json.finish(&page.warnings);
                assert_eq!(n, page.articles.len());
                let streamed = joined(pieces).unwrap();
                assert!(whole == streamed, "{}, pretty {pretty}:\n{}\n---\n{}", page.source.path.as_deref().unwrap_or(""), String::from_utf8_lossy(&whole), String::from_utf8_lossy(&streamed));
            }
        }
    }

    #[test]
    fn empty_arrays_and_a_page_in_parts_in_memory_or_spilled() {
        let mut page = fixture_pages().swap_remove(0);
        let (mut a, mut b) = (page.clone(), page.clone());
        page.furniture.clear();
        page.warnings.clear();
        a.furniture.clear();
        b.furniture.clear();
        let half = page.articles.len() / 2;
        b.articles = a.articles.split_off(half);
        let lines = page.lines.len() / 2;
        b.lines = a.lines.split_off(lines);
        for (pretty, spill_at) in [(false, usize::MAX), (true, usize::MAX), (false, 100), (true, 1)] {
            let mut whole = Vec::new();
            super::super::write_json(&page, pretty, &mut whole);
            let mut json = PageJson::spilling_at(pretty, 0, spill_at);
            json.part(&a);
            json.part(&b);
            let (_, pieces) = json.finish(&[]);
            assert_eq!(pieces.iter().any(|p| matches!(p, Piece::Spilled(_))), spill_at < usize::MAX);
            let streamed = joined(pieces).unwrap();
            assert!(whole == streamed, "pretty {pretty}:\n{}\n---\n{}", String::from_utf8_lossy(&whole), String::from_utf8_lossy(&streamed));
        }
    }
}
