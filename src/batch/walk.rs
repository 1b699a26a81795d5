//! Finding a run's pages: the inputs walked lazily (folders, files, standard input, JSON Lines
//! records), named, sharded, and where each one's output goes below the output folder.

use super::{Failure, Job};
use newsseg::error::{Error, ErrorKind, Result};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::{BufRead, Read};
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;

/// One page to process.
#[derive(Debug, Clone)]
pub enum Input {
    /// The whole of standard input is one page.
    Stdin,
    /// One record of a JSON Lines stream on standard input: its page's bytes, from its `text` or
    /// its `bytes_b64`.
    Record { line: u64, id: String, data: Vec<u8> },
    /// A file; `rel` is its path below the input it was found in, already stripped of anything
    /// (`..`, roots) that could lead an output path out of the output folder.
    File { path: PathBuf, rel: PathBuf },
}

impl Input {
    /// How the input is named in messages and the report.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::Record { line, id, .. } => record_name(Some(id), *line),
            Input::File { path, .. } => path.display().to_string(),
        }
    }

    /// The page's id in its JSON.
    pub(super) fn id(&self) -> String {
        match self {
            Input::Stdin => "stdin".into(),
            Input::Record { id, .. } => id.clone(),
            Input::File { rel, .. } => rel_key(&without_gz(rel).with_extension("")),
        }
    }

    /// Where its JSON goes below the output folder.
    pub(super) fn out_rel(&self) -> PathBuf {
        match self {
            Input::Stdin => PathBuf::from("stdin.json"),
            Input::Record { id, .. } => {
                let mut p = clean_rel(Path::new(id));
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                // Appended, not `with_extension`, so ids "a.1" and "a.2" do not both become a.json.
                p.set_file_name(format!("{name}.json"));
                p
            }
            Input::File { rel, .. } => without_gz(rel).with_extension("json"),
        }
    }

    /// Where its METS goes below the METS folder: where its JSON goes, `.mets.xml` for `.json`.
    pub(super) fn mets_rel(&self) -> PathBuf {
        self.out_rel().with_extension("mets.xml")
    }

    /// How its METS, written below `dir`, names the page's file: by a relative reference from the
    /// METS file's folder, so the two can be moved together. A page read from standard input has no
    /// file, and is named by its id.
    pub(super) fn alto_href(&self, dir: &Path) -> String {
        let Input::File { path, .. } = self else { return uri_path(&self.id()) };
        href(dir.join(self.mets_rel()).parent().unwrap_or(dir), path)
    }

    /// Where its review page goes below the output folder: where its JSON goes, `.html` for `.json`.
    pub(super) fn html_rel(&self) -> PathBuf {
        self.out_rel().with_extension("html")
    }
}

/// A reference to the file `to` from a document in the folder `from`, relative, so the two can be
/// moved together; the path itself, as a URI, where either cannot be made absolute.
pub(super) fn href(from: &Path, to: &Path) -> String {
    let (Some(from), Some(to)) = (absolute(from), absolute(to)) else {
        return uri_path(&to.to_string_lossy());
    };
    let common = from.components().zip(to.components()).take_while(|(a, b)| a == b).count();
    let up = from.components().count() - common;
    let parts: Vec<String> = std::iter::repeat_n("..".to_string(), up)
        .chain(to.components().skip(common).map(|c| c.as_os_str().to_string_lossy().into_owned()))
        .collect();
    uri_path(&parts.join("/"))
}

/// How a JSON Lines record is named in messages: by its id, which is what its sender knows it
/// by (a stream's line numbers restart in every Spark partition), with its line as a second hint.
fn record_name(id: Option<&str>, line: u64) -> String {
    match id {
        Some(id) => format!("record {id:?} (line {line} of standard input)"),
        None => format!("record at line {line} of standard input (no id found)"),
    }
}

/// A path made absolute against the working folder and rid of `.` and `..` by their names alone,
/// so it reads the same whether or not the folders exist yet (the METS folder may not).
fn absolute(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in std::path::absolute(p).ok()?.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// A path as a URI reference: `/` between names, and every byte a URI path may not hold bare
/// percent-encoded (spaces, `%`, `#`, `?`, and `:`, which in a first name would read as a scheme).
/// Letters beyond ASCII stay as they are, as an IRI has them.
pub(super) fn uri_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for c in p.chars() {
        let bare = !c.is_ascii() || c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=@/".contains(c);
        if bare {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A path without a trailing `.gz`, so `p1.xml.gz` is named and written as `p1.xml` would be (and
/// the two clash like `p1.txt` and `p1.md` do).
pub(super) fn without_gz(p: &Path) -> PathBuf {
    match p.extension() {
        Some(e) if e.eq_ignore_ascii_case("gz") => p.with_extension(""),
        _ => p.to_path_buf(),
    }
}

/// A relative path as a stable string: components joined by `/` whatever the platform.
pub(super) fn rel_key(rel: &Path) -> String {
    let parts: Vec<_> = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}

/// Keeps only the plain names of a path, so joining it to the output folder can never leave it.
pub(super) fn clean_rel(p: &Path) -> PathBuf {
    p.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s),
            _ => None,
        })
        .collect()
}

/// A slice of the inputs: shard `index` of `count`, chosen by a hash of each input's relative path
/// that is the same on every machine and every run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// The shard a key falls in: the first 8 bytes of SHA-256 of the key, big-endian, modulo the
    /// count. Spelled out so other tools (a Python one-liner) can compute the same split.
    pub fn of(key: &str, count: u64) -> u64 {
        let d = Sha256::digest(key.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&d[..8]);
        u64::from_be_bytes(first) % count
    }

    pub fn holds(&self, key: &str) -> bool {
        Shard::of(key, self.count) == self.index
    }

    /// Names a run's temporary files, so a resumed shard cleans only its own.
    pub(super) fn tag(shard: Option<Shard>) -> String {
        match shard {
            Some(s) => format!("s{}of{}", s.index, s.count),
            None => "all".into(),
        }
    }
}

impl FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let bad = || format!("'{s}' is not a shard: expected I/N with 0 <= I < N, e.g. 0/4");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = i.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// What a folder's pages are called: plain text, and ALTO, hOCR or PAGE-XML (told apart by content,
/// not by name), each of them also gzipped (`p1.xml.gz`).
const PAGE_EXTENSIONS: &[&str] = &["txt", "md", "xml", "alto", "hocr", "html", "htm"];

/// Whether a file found in a folder is a page: its extension (after any `.gz`) is one of
/// [`PAGE_EXTENSIONS`] or of `extra` (`--ext`).
pub(super) fn is_page_file(p: &Path, extra: &[String]) -> bool {
    let p = without_gz(p);
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)) || extra.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The extensions a folder is searched for, as a message lists them.
pub(super) fn extensions_list(extra: &[String]) -> String {
    PAGE_EXTENSIONS.iter().map(|e| format!("*.{e}")).chain(extra.iter().map(|e| format!("*.{e}"))).collect::<Vec<_>>().join(", ")
}

/// What the input walk yields, in input order.
pub(super) enum Item {
    Page(Input),
    Fail(Failure),
    Warn(String),
}

fn fail(input: impl Into<String>, kind: ErrorKind, reason: impl Into<String>) -> Item {
    Item::Fail(Failure { input: input.into(), kind: kind.to_string(), reason: reason.into() })
}

/// The inputs as a lazy stream: folders are walked one entry at a time (each folder's entries
/// sorted by name), so only the folders being walked are held, never the whole list.
pub(super) struct Walk {
    roots: std::vec::IntoIter<PathBuf>,
    dir: Option<(PathBuf, walkdir::IntoIter)>,
    records: Option<Records>,
    shard: Option<Shard>,
    jsonl: bool,
    max_record: usize,
    /// Extensions taken besides the built-in ones (`--ext`).
    ext: Vec<String>,
    /// Inputs found, in any shard: page files, standard input, records.
    pub(super) found: u64,
}

impl Walk {
    pub(super) fn new(job: &Job) -> Walk {
        Walk {
            roots: job.inputs.clone().into_iter(),
            dir: None,
            records: None,
            shard: job.shard,
            jsonl: job.stdin_jsonl,
            // A record escapes its text at most about twice over (CJK as \uXXXX); past that it
            // cannot hold a page under the limit, and reading it whole would cost the memory.
            max_record: job.cfg.max_page_bytes.saturating_mul(2).saturating_add(64 << 10),
            ext: job.ext.clone(),
            found: 0,
        }
    }

    fn in_shard(&self, key: &str) -> bool {
        self.shard.is_none_or(|s| s.holds(key))
    }

    fn walk_entry(&mut self, root: &Path, entry: walkdir::Result<walkdir::DirEntry>) -> Option<Item> {
        match entry {
            Ok(e) if e.file_type().is_file() && is_page_file(e.path(), &self.ext) => {
                self.found += 1;
                let rel = clean_rel(e.path().strip_prefix(root).unwrap_or(e.path()));
                if !self.in_shard(&rel_key(&rel)) {
                    return None;
                }
                Some(Item::Page(Input::File { path: e.into_path(), rel }))
            }
            Ok(_) => None,
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                if let Some(anc) = e.loop_ancestor() {
                    return Some(Item::Warn(format!(
                        "{}: symbolic link loop back to {}, not followed",
                        path.display(),
                        anc.display()
                    )));
                }
                let reason = e.io_error().map_or_else(|| e.to_string(), |io| io.to_string());
                let not_found = e.io_error().is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound);
                if is_page_file(&path, &self.ext) {
                    let rel = clean_rel(path.strip_prefix(root).unwrap_or(&path));
                    self.in_shard(&rel_key(&rel)).then(|| fail(path.display().to_string(), ErrorKind::Io, reason))
                } else if !not_found {
                    // A folder that cannot be read may hold pages of any shard: every shard says so.
                    Some(fail(path.display().to_string(), ErrorKind::Io, reason))
                } else {
                    // A dangling link to something that is not a page is not a failed page.
                    Some(Item::Warn(format!("{}: {reason}, skipped", path.display())))
                }
            }
        }
    }
}

impl Iterator for Walk {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(recs) = &mut self.records {
                let item = recs.next(self.max_record);
                self.found += u64::from(item.is_some());
                match item {
                    Some(Item::Page(Input::Record { id, .. })) if !self.in_shard(&id) => continue,
                    Some(item) => return Some(item),
                    None => self.records = None,
                }
            }
            if let Some((root, it)) = &mut self.dir {
                match it.next() {
                    Some(entry) => {
                        let root = root.clone();
                        if let Some(item) = self.walk_entry(&root, entry) {
                            return Some(item);
                        }
                    }
                    None => self.dir = None,
                }
                continue;
            }
            let root = self.roots.next()?;
            if root.as_os_str() == "-" {
                if self.jsonl {
                    self.records = Some(Records::new());
                    continue;
                }
                self.found += 1;
                return Some(Item::Page(Input::Stdin));
            }
            match std::fs::metadata(&root) {
                Ok(m) if m.is_dir() => {
                    let it = walkdir::WalkDir::new(&root).follow_links(true).sort_by_file_name().into_iter();
                    self.dir = Some((root, it));
                }
                Ok(_) => {
                    self.found += 1;
                    let rel = clean_rel(Path::new(root.file_name().unwrap_or(root.as_os_str())));
                    if rel.as_os_str().is_empty() {
                        return Some(fail(root.display().to_string(), ErrorKind::BadInput, "has no file name"));
                    }
                    if self.in_shard(&rel_key(&rel)) {
                        return Some(Item::Page(Input::File { path: root, rel }));
                    }
                }
                Err(e) => return Some(fail(root.display().to_string(), ErrorKind::Io, e.to_string())),
            }
        }
    }
}

/// JSON Lines pages on standard input, read one line at a time.
struct Records {
    stdin: std::io::StdinLock<'static>,
    line: u64,
    buf: Vec<u8>,
}

/// A record as sent: the page as `text` (UTF-8, as JSON holds it) or as `bytes_b64` (its bytes
/// in base64, read like a file: any encoding, ALTO, gzip), under an `id`.
#[derive(Deserialize)]
struct Record {
    id: Option<RecordId>,
    text: Option<String>,
    bytes_b64: Option<String>,
}

/// Ids come as strings, but a numbered stream (a Spark row index) is taken too.
#[derive(Deserialize)]
#[serde(untagged)]
enum RecordId {
    Text(String),
    Number(serde_json::Number),
}

impl RecordId {
    fn into_string(self) -> String {
        match self {
            RecordId::Text(s) => s,
            RecordId::Number(n) => n.to_string(),
        }
    }
}

/// The id of a record that could not be read whole (cut short, too long, malformed), looked for
/// in what was read of it: `"id": "…"` or `"id": 17` as a sender writes it, before the page.
fn sniff_id(prefix: &[u8]) -> Option<String> {
    let at = memchr::memmem::find(prefix, br#""id""#)?;
    let rest = &prefix[at + 4..];
    let rest = rest.trim_ascii_start().strip_prefix(b":")?.trim_ascii_start();
    let mut de = serde_json::Deserializer::from_slice(rest).into_iter::<RecordId>();
    de.next()?.ok().map(RecordId::into_string)
}

/// A JSON error without serde's position (a record is one line, and its column is named instead).
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let what = full.rsplit_once(" at line ").map_or(full.as_str(), |(w, _)| w);
    format!("{what} (at character {} of the record)", e.column())
}

impl Records {
    fn new() -> Records {
        Records { stdin: std::io::stdin().lock(), line: 0, buf: Vec::new() }
    }

    /// The next record, or a failure naming it by its id (else its line); blank lines are passed over.
    fn next(&mut self, max: usize) -> Option<Item> {
        loop {
            self.buf.clear();
            self.line += 1;
            let line = self.line;
            let (n, whole) = match read_line_capped(&mut self.stdin, &mut self.buf, max) {
                Ok(r) => r,
                Err(e) => return Some(fail(record_name(None, line), ErrorKind::Io, e.to_string())),
            };
            if n == 0 {
                return None;
            }
            let named = |buf: &[u8]| record_name(sniff_id(buf).as_deref(), line);
            if !whole {
                return Some(fail(
                    named(&self.buf),
                    ErrorKind::TooLarge,
                    format!("record of {n} bytes is over the limit of {max} bytes (raise it with --max-page-bytes)"),
                ));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // The line's end is no part of the record: a record cut there ends, not holds a newline.
            let body = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
            let body = body.strip_suffix(b"\r").unwrap_or(body);
            let r = match serde_json::from_slice::<Record>(body) {
                Ok(r) => r,
                Err(e) => return Some(fail(named(&self.buf), ErrorKind::BadInput, format!("not a JSON record: {}", json_reason(&e)))),
            };
            let Some(id) = r.id.map(RecordId::into_string) else {
                return Some(fail(record_name(None, line), ErrorKind::BadInput, "the record has no \"id\"".to_string()));
            };
            let name = record_name(Some(&id), line);
            if clean_rel(Path::new(&id)).as_os_str().is_empty() {
                return Some(fail(name, ErrorKind::BadInput, format!("id {id:?} is empty or names no file")));
            }
            let data = match (r.text, r.bytes_b64) {
                (Some(t), None) => t.into_bytes(),
                (None, Some(b)) => {
                    use base64::Engine;
                    match base64::engine::general_purpose::STANDARD.decode(b.trim()) {
                        Ok(d) => d,
                        Err(e) => return Some(fail(name, ErrorKind::BadInput, format!("\"bytes_b64\" is not base64: {e}"))),
                    }
                }
                (Some(_), Some(_)) => return Some(fail(name, ErrorKind::BadInput, "the record has both \"text\" and \"bytes_b64\": send one".to_string())),
                (None, None) => return Some(fail(name, ErrorKind::BadInput, "the record has neither \"text\" nor \"bytes_b64\"".to_string())),
            };
            return Some(Item::Page(Input::Record { line, id, data }));
        }
    }
}

/// Reads up to and including the next newline, keeping at most `max` bytes and skipping the rest
/// of a longer line. Returns the line's full length and whether it was kept whole.
pub(super) fn read_line_capped(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<(usize, bool)> {
    let mut total = 0;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((total, total <= max));
        }
        let (len, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if total + len <= max {
            buf.extend_from_slice(&avail[..len]);
        }
        total += len;
        r.consume(len);
        if done {
            return Ok((total, total <= max));
        }
    }
}

/// A page over the limit, said as `process_page` says it.
fn too_large(what: String, max: usize) -> Error {
    Error::new(ErrorKind::TooLarge, format!("{what} is over the page limit of {max} bytes (raise it with --max-page-bytes)"))
}

/// An input's bytes, read no further than `max` (the page limit): a file's size is looked at
/// before it is read, and standard input (or a file that grows, or one with no size, as a pipe)
/// is refused once past the limit, so an oversized page costs no memory to refuse.
pub(super) fn read_input(inp: &Input, max: usize) -> Result<std::borrow::Cow<'_, [u8]>> {
    let capped = |r: &mut dyn Read, v: &mut Vec<u8>| r.take(max as u64 + 1).read_to_end(v);
    match inp {
        Input::Stdin => {
            // Room for the most a page may be, reserved, not touched: grown by doubling, the
            // buffer would hold up to twice the limit by the time the limit is passed.
            let mut v = Vec::with_capacity(max.saturating_add(1).min(isize::MAX as usize));
            capped(&mut std::io::stdin().lock(), &mut v).map_err(|e| Error::io("-", e))?;
            if v.len() > max {
                return Err(too_large("standard input".into(), max));
            }
            Ok(v.into())
        }
        Input::Record { data, .. } => Ok(data.as_slice().into()),
        Input::File { path, .. } => {
            let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            let len = f.metadata().map_err(|e| Error::io(path, e))?.len();
            if len > max as u64 {
                return Err(too_large(format!("{len} bytes"), max).with_path(path));
            }
            let mut v = Vec::with_capacity(len as usize);
            capped(&mut f, &mut v).map_err(|e| Error::io(path, e))?;
            if v.len() > max {
                return Err(too_large(format!("more than {max} bytes"), max).with_path(path));
            }
            Ok(v.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_cannot_climb() {
        assert_eq!(clean_rel(Path::new("../../a/./b/../c.txt")), PathBuf::from("a/b/c.txt"));
        assert_eq!(clean_rel(Path::new("/etc/passwd")), PathBuf::from("etc/passwd"));
        assert_eq!(clean_rel(Path::new("..")), PathBuf::new());
    }

    #[test]
    fn folders_take_text_and_structured_ocr_gzipped_or_not() {
        for yes in ["a/p.txt", "p.MD", "p.xml", "p.alto", "p.hocr", "p.html", "p.HTM", "p.xml.gz", "p.txt.GZ", "p.hocr.gz"] {
            assert!(is_page_file(Path::new(yes), &[]), "{yes}");
        }
        for no in ["p.json", "p.gz", "p.tar.gz", "p.xml.bz2", "p", "xml", ".gz", "p.gz.xml.zip"] {
            assert!(!is_page_file(Path::new(no), &[]), "{no}");
        }
    }

    #[test]
    fn gzipped_pages_are_named_without_the_gz() {
        let file = |rel: &str| Input::File { path: PathBuf::from("in").join(rel), rel: PathBuf::from(rel) };
        let id = |rel: &str| file(rel).id();
        let out = |rel: &str| file(rel).out_rel();
        assert_eq!(id("sub/p1.xml.gz"), "sub/p1");
        assert_eq!(out("sub/p1.xml.gz"), PathBuf::from("sub/p1.json"));
        assert_eq!((id("p1.hocr"), out("p1.hocr")), ("p1".to_string(), PathBuf::from("p1.json")));
        assert_eq!(out("p1.v2.txt.gz"), PathBuf::from("p1.v2.json"));
        // A page and its gzipped copy want one output file: the clash check turns the later away.
        assert_eq!(out("p1.xml.gz"), out("p1.xml"));
        assert_eq!(out("p1.txt.gz"), out("p1.md"));
    }

    #[test]
    fn the_mets_names_its_page_from_where_it_is_written() {
        let file = |path: &str, rel: &str| Input::File { path: PathBuf::from(path), rel: PathBuf::from(rel) };
        let p = file("/data/issue1/sub/p1.xml.gz", "sub/p1.xml.gz");
        assert_eq!(p.mets_rel(), PathBuf::from("sub/p1.mets.xml"));
        assert_eq!(p.alto_href(Path::new("/data/issue1")), "p1.xml.gz");
        assert_eq!(p.alto_href(Path::new("/out/mets")), "../../../data/issue1/sub/p1.xml.gz");
        assert_eq!(p.alto_href(Path::new("/data/issue1/./x/../mets")), "../../sub/p1.xml.gz");
        let odd = file("/d/a b#1?:%.xml", "a b#1?:%.xml");
        assert_eq!(odd.alto_href(Path::new("/d")), "a%20b%231%3F%3A%25.xml");
        assert_eq!(file("/d/été.xml", "été.xml").alto_href(Path::new("/d")), "été.xml");
        let rec = Input::Record { line: 1, id: "a.1".into(), data: Vec::new() };
        assert_eq!((rec.mets_rel(), rec.alto_href(Path::new("/d"))), (PathBuf::from("a.1.mets.xml"), "a.1".to_string()));
    }

    #[test]
    fn shard_parses() {
        assert_eq!("1/4".parse::<Shard>(), Ok(Shard { index: 1, count: 4 }));
        assert!("4/4".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
    }

    #[test]
    fn shard_hash_is_pinned() {
        // The rule the README spells out, with values from Python's hashlib: a change of hash would
        // silently re-split every archive already sharded. SHA-256("sub/p.txt") starts f4e08d1b3887d8ed.
        assert_eq!(Shard::of("sub/p.txt", 1_000_003), 0xf4e0_8d1b_3887_d8ed % 1_000_003);
        assert_eq!(Shard::of("sub/p.txt", 1_000_003), 6306);
        assert_eq!(Shard::of("sub/p.txt", 64), 45);
        assert_eq!(Shard::of("sub/p.txt", 1), 0);
    }

    #[test]
    fn long_lines_are_skipped_whole() {
        let mut r = std::io::Cursor::new(b"abcdef\nxy\n".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 4).unwrap(), (7, false));
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 4).unwrap(), (3, true));
        assert_eq!(buf, b"xy\n");
    }
}
