//! Batch runs: finding the pages, processing them in parallel, writing their JSON atomically,
//! showing progress, reporting failures and summing up. The only module with threads.
//!
//! Inputs are walked lazily and fed through a bounded window of pages in flight, so memory stays
//! flat however many files a run has; results leave the window in input order, so what is written
//! does not depend on the number of threads.

use crate::config::Config;
use crate::emit;
use crate::error::{Error, ErrorKind, Result};
use crate::process_page;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
use std::fmt;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

/// One page to process.
#[derive(Debug, Clone)]
pub enum Input {
    /// The whole of standard input is one page.
    Stdin,
    /// One `{"id","text"}` record of a JSON Lines stream on standard input.
    Record { line: u64, id: String, text: String },
    /// A file; `rel` is its path below the input it was found in, already stripped of anything
    /// (`..`, roots) that could lead an output path out of the output folder.
    File { path: PathBuf, rel: PathBuf },
}

impl Input {
    /// How the input is named in messages and the report.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::Record { line, id, .. } => format!("-:{line} (id {id})"),
            Input::File { path, .. } => path.display().to_string(),
        }
    }

    /// The page's id in its JSON.
    fn id(&self) -> String {
        match self {
            Input::Stdin => "stdin".into(),
            Input::Record { id, .. } => id.clone(),
            Input::File { rel, .. } => rel_key(&without_gz(rel).with_extension("")),
        }
    }

    /// Where its JSON goes below the output folder.
    fn out_rel(&self) -> PathBuf {
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
}

/// A path without a trailing `.gz`, so `p1.xml.gz` is named and written as `p1.xml` would be (and
/// the two clash like `p1.txt` and `p1.md` do).
fn without_gz(p: &Path) -> PathBuf {
    match p.extension() {
        Some(e) if e.eq_ignore_ascii_case("gz") => p.with_extension(""),
        _ => p.to_path_buf(),
    }
}

/// A relative path as a stable string: components joined by `/` whatever the platform.
fn rel_key(rel: &Path) -> String {
    let parts: Vec<_> = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}

/// Keeps only the plain names of a path, so joining it to the output folder can never leave it.
fn clean_rel(p: &Path) -> PathBuf {
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
    fn tag(shard: Option<Shard>) -> String {
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

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct Job {
    pub inputs: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    pub cfg: Config,
    pub threads: Option<usize>,
    pub quiet: bool,
    pub pretty: bool,
    /// Skip pages whose output file already exists (needs `out`).
    pub resume: bool,
    /// Flush each page's file to disk before renaming it into place.
    pub fsync: bool,
    /// Where to write the JSON run summary.
    pub report: Option<PathBuf>,
    pub shard: Option<Shard>,
    /// Read `-` as JSON Lines of `{"id","text"}` pages instead of one page.
    pub stdin_jsonl: bool,
}

impl Job {
    /// Checks what clap cannot: errors here are usage errors.
    fn validate(&self) -> Result<()> {
        let usage = |m: &str| Err(Error::new(ErrorKind::Config, m.to_string()));
        let dashes = self.inputs.iter().filter(|p| p.as_os_str() == "-").count();
        if dashes > 1 {
            return usage("'-' (standard input) can be given only once");
        }
        if self.stdin_jsonl && dashes == 0 {
            return usage("--stdin-jsonl reads pages from standard input: give - as an input");
        }
        if self.resume && self.out.is_none() {
            return usage("--resume needs an output folder (-o DIR)");
        }
        if self.threads == Some(0) {
            return usage("--threads must be at least 1");
        }
        Ok(())
    }
}

/// An input that could not be processed, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    pub input: String,
    pub kind: String,
    pub reason: String,
}

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Pages processed in this run.
    pub pages: usize,
    pub articles: usize,
    /// Input bytes of the pages processed.
    pub bytes: u64,
    /// Pages skipped by `--resume` because their output was already there.
    pub skipped: usize,
    pub failures: Vec<Failure>,
    pub warnings: usize,
    pub seconds: f64,
    /// Time spent on pages (reading, pipeline, writing), summed: about threads × seconds when busy.
    pub page_seconds: f64,
    /// The slowest pages, slowest first.
    pub slowest: Vec<(String, f64)>,
    /// Standard output was closed by its reader; the run stopped early on purpose.
    pub broken_pipe: bool,
}

impl Summary {
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 { self.bytes as f64 / 1e6 / self.seconds } else { 0.0 }
    }

    fn note_slow(&mut self, name: String, secs: f64) {
        const KEEP: usize = 10;
        if self.slowest.len() == KEEP && self.slowest[KEEP - 1].1 >= secs {
            return;
        }
        let at = self.slowest.partition_point(|(_, t)| *t >= secs);
        self.slowest.insert(at, (name, secs));
        self.slowest.truncate(KEEP);
    }
}

/// What a folder's pages are called: plain text, and ALTO, hOCR or PAGE-XML (told apart by content,
/// not by name), each of them also gzipped (`p1.xml.gz`).
const PAGE_EXTENSIONS: &[&str] = &["txt", "md", "xml", "alto", "hocr", "html", "htm"];

fn is_page_file(p: &Path) -> bool {
    let p = without_gz(p);
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| PAGE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// What the input walk yields, in input order.
enum Item {
    Page(Input),
    Fail(Failure),
    Warn(String),
}

fn fail(input: impl Into<String>, kind: ErrorKind, reason: impl Into<String>) -> Item {
    Item::Fail(Failure { input: input.into(), kind: kind.to_string(), reason: reason.into() })
}

/// The inputs as a lazy stream: folders are walked one entry at a time (each folder's entries
/// sorted by name), so only the folders being walked are held, never the whole list.
struct Walk {
    roots: std::vec::IntoIter<PathBuf>,
    dir: Option<(PathBuf, walkdir::IntoIter)>,
    records: Option<Records>,
    shard: Option<Shard>,
    jsonl: bool,
    max_record: usize,
}

impl Walk {
    fn new(job: &Job) -> Walk {
        Walk {
            roots: job.inputs.clone().into_iter(),
            dir: None,
            records: None,
            shard: job.shard,
            jsonl: job.stdin_jsonl,
            // A record escapes its text at most about twice over (CJK as \uXXXX); past that it
            // cannot hold a page under the limit, and reading it whole would cost the memory.
            max_record: job.cfg.max_page_bytes.saturating_mul(2).saturating_add(64 << 10),
        }
    }

    fn in_shard(&self, key: &str) -> bool {
        self.shard.is_none_or(|s| s.holds(key))
    }

    fn walk_entry(&self, root: &Path, entry: walkdir::Result<walkdir::DirEntry>) -> Option<Item> {
        match entry {
            Ok(e) if e.file_type().is_file() && is_page_file(e.path()) => {
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
                if is_page_file(&path) {
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
                match recs.next(self.max_record) {
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
                return Some(Item::Page(Input::Stdin));
            }
            match std::fs::metadata(&root) {
                Ok(m) if m.is_dir() => {
                    let it = walkdir::WalkDir::new(&root).follow_links(true).sort_by_file_name().into_iter();
                    self.dir = Some((root, it));
                }
                Ok(_) => {
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

#[derive(Deserialize)]
struct Record {
    id: RecordId,
    text: String,
}

/// Ids come as strings, but a numbered stream (a Spark row index) is taken too.
#[derive(Deserialize)]
#[serde(untagged)]
enum RecordId {
    Text(String),
    Number(serde_json::Number),
}

impl Records {
    fn new() -> Records {
        Records { stdin: std::io::stdin().lock(), line: 0, buf: Vec::new() }
    }

    /// The next record, or a failure naming its line; blank lines are passed over.
    fn next(&mut self, max: usize) -> Option<Item> {
        loop {
            self.buf.clear();
            self.line += 1;
            let name = format!("-:{}", self.line);
            let (n, whole) = match read_line_capped(&mut self.stdin, &mut self.buf, max) {
                Ok(r) => r,
                Err(e) => return Some(fail(name, ErrorKind::Io, e.to_string())),
            };
            if n == 0 {
                return None;
            }
            if !whole {
                return Some(fail(
                    name,
                    ErrorKind::TooLarge,
                    format!("record of {n} bytes is over the limit of {max} bytes (raise it with --max-page-bytes)"),
                ));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(match serde_json::from_slice::<Record>(&self.buf) {
                Ok(r) => {
                    let id = match r.id {
                        RecordId::Text(s) => s,
                        RecordId::Number(n) => n.to_string(),
                    };
                    if clean_rel(Path::new(&id)).as_os_str().is_empty() {
                        fail(name, ErrorKind::BadInput, format!("id {id:?} is empty or names no file"))
                    } else {
                        Item::Page(Input::Record { line: self.line, id, text: r.text })
                    }
                }
                Err(e) => fail(name, ErrorKind::BadInput, format!("not an {{\"id\",\"text\"}} record: {e}")),
            });
        }
    }
}

/// Reads up to and including the next newline, keeping at most `max` bytes and skipping the rest
/// of a longer line. Returns the line's full length and whether it was kept whole.
fn read_line_capped(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<(usize, bool)> {
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

/// How one page went.
enum Outcome {
    Page { articles: usize, bytes: u64, json: Option<Vec<u8>>, secs: f64 },
    Skipped,
    Failed(Failure),
    Warned(String),
}

/// What every worker needs to know about where output goes.
struct Sink<'a> {
    out: Option<&'a Path>,
    pretty: bool,
    resume: bool,
}

fn read_input(inp: &Input) -> Result<std::borrow::Cow<'_, [u8]>> {
    match inp {
        Input::Stdin => {
            let mut v = Vec::new();
            std::io::stdin().read_to_end(&mut v).map_err(|e| Error::io("-", e))?;
            Ok(v.into())
        }
        Input::Record { text, .. } => Ok(text.as_bytes().into()),
        Input::File { path, .. } => std::fs::read(path).map(Into::into).map_err(|e| Error::io(path, e)),
    }
}

fn process_one(cfg: &Config, sink: &Sink, inp: Input) -> Outcome {
    let failed = |e: Error| Outcome::Failed(Failure { input: inp.name(), kind: e.kind().to_string(), reason: e.message().to_string() });
    if sink.resume
        && let Some(dir) = sink.out
        && is_complete(&dir.join(inp.out_rel()))
    {
        return Outcome::Skipped;
    }
    let t0 = Instant::now();
    let bytes = match read_input(&inp) {
        Ok(b) => b,
        Err(e) => return failed(e),
    };
    let path = match &inp {
        Input::File { path, .. } => Some(path.to_string_lossy().into_owned()),
        _ => None,
    };
    let page = match process_page(cfg, &inp.id(), path.as_deref(), &bytes) {
        Ok(p) => p,
        Err(e) => return failed(e),
    };
    let articles = page.articles.len();
    let n = bytes.len() as u64;
    // JSON runs a few times the size of its page (spans and the text itself); sizing the buffer
    // once saves the doublings.
    let mut json = Vec::with_capacity(bytes.len() * 4 + 1024);
    emit::write_json(&page, sink.pretty && sink.out.is_some(), &mut json);
    drop(page);
    Outcome::Page { articles, bytes: n, json: Some(json), secs: t0.elapsed().as_secs_f64() }
}

/// Runs one page's work so that a panic in it (a bug the page brought out) fails that page only:
/// unguarded, it would never report back, and the run would wait for it forever.
fn guarded(name: &str, work: impl FnOnce() -> Outcome) -> Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Outcome::Failed(Failure {
            input: name.to_string(),
            kind: "panic".into(),
            reason: format!("newsseg failed on this page ({what}); please report it with the page"),
        })
    })
}

/// Whether a page's output file is one whole JSON document as `emit::write_json` writes it. A file
/// cut short by power loss (the rename reached the disk, the data did not) is empty, or zeros, or
/// ends part-way through; a whole one ends its top-level object on the last line: `}\n` after a
/// one-line document, `\n}\n` after an indented one, where no inner brace sits at column 0.
fn is_complete(path: &Path) -> bool {
    use std::io::{Seek, SeekFrom};
    let Ok(m) = std::fs::symlink_metadata(path) else { return false };
    if !m.is_file() || m.len() < 3 {
        return false;
    }
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    let (mut head, mut tail) = ([0u8; 2], [0u8; 3]);
    let read = f.read_exact(&mut head).and_then(|()| f.seek(SeekFrom::End(-3))).and_then(|_| f.read_exact(&mut tail));
    if read.is_err() || head[0] != b'{' {
        return false;
    }
    if head[1] == b'\n' { &tail == b"\n}\n" } else { &tail[1..] == b"}\n" }
}

/// A page's JSON on its way to its file.
struct WriteJob {
    seq: u64,
    name: String,
    rel: PathBuf,
    articles: usize,
    bytes: u64,
    json: Vec<u8>,
    secs: f64,
}

/// How many threads write files. Creating, filling and renaming a file is kernel work beside the
/// page workers', and with `--fsync` mostly waiting for the disk to confirm a flush (about a
/// millisecond a file here): a few writers keep that off the workers and the disk's queue busy.
const WRITERS: usize = 4;

fn writer(root: &Path, tag: &str, fsync: bool, jobs: &std::sync::Mutex<mpsc::Receiver<WriteJob>>, done: mpsc::Sender<(u64, Outcome)>) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => match rx.recv() {
                Ok(j) => j,
                Err(_) => return,
            },
            Err(_) => return,
        };
        let t0 = Instant::now();
        let o = guarded(&job.name, || match write_atomic(root, &job.rel, &job.json, tag, fsync) {
            Ok(()) => Outcome::Page { articles: job.articles, bytes: job.bytes, json: None, secs: job.secs + t0.elapsed().as_secs_f64() },
            Err(e) => Outcome::Failed(Failure { input: job.name.clone(), kind: e.kind().to_string(), reason: e.message().to_string() }),
        });
        if done.send((job.seq, o)).is_err() {
            return;
        }
    }
}

/// The temporary name a page's JSON is written under before it is renamed into place: hidden, not
/// ending in `.json`, and tagged with the shard so a resumed shard cleans only its own.
fn tmp_name(name: &str, tag: &str) -> String {
    format!(".{name}.~newsseg-{tag}-{}.tmp", std::process::id())
}

fn is_tmp_of(name: &str, tag: Option<&str>) -> bool {
    name.starts_with('.')
        && name.ends_with(".tmp")
        && match tag {
            Some(t) => name.contains(&format!(".~newsseg-{t}-")),
            None => name.contains(".~newsseg-"),
        }
}

/// Creates the folders below `root` that `rel` needs, refusing to go through a symbolic link: an
/// output must land inside the output folder whatever is already in it.
fn ensure_dirs(root: &Path, rel: Option<&Path>) -> Result<PathBuf> {
    let check = |cur: &Path| match std::fs::symlink_metadata(cur) {
        Ok(m) if m.is_dir() => Ok(true),
        Ok(m) if m.file_type().is_symlink() => Err(Error::new(
            ErrorKind::Output,
            format!("{} is a symbolic link; newsseg does not write through links inside the output folder", cur.display()),
        )),
        Ok(_) => Err(Error::new(ErrorKind::Output, format!("{} is in the way of a folder", cur.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::new(ErrorKind::Output, format!("cannot reach {}: {e}", cur.display()))),
    };
    let mut cur = root.to_path_buf();
    for c in rel.into_iter().flat_map(Path::components) {
        cur.push(c);
        if !check(&cur)? {
            match std::fs::create_dir(&cur) {
                Ok(()) => {}
                // Another worker made it first; make sure it is a real folder.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    check(&cur)?;
                }
                Err(e) => return Err(Error::new(ErrorKind::Output, format!("cannot create {}: {e}", cur.display()))),
            }
        }
    }
    Ok(cur)
}

/// Writes a page's JSON under a temporary name, then renames it into place, so a crash or kill
/// leaves either the whole file or none. Without `fsync` the rename can reach the disk before the
/// data does: power loss may then leave an empty or short file, which `is_complete` catches on
/// `--resume`. Flushing every file costs a disk round trip per page (a third of the run's time on
/// the development VM), so it is asked for, not imposed.
fn write_atomic(root: &Path, rel: &Path, data: &[u8], tag: &str, fsync: bool) -> Result<()> {
    let dir = ensure_dirs(root, rel.parent())?;
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let path = dir.join(&name);
    let tmp = dir.join(tmp_name(&name, tag));
    let res = (|| {
        let create = || std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp);
        let mut f = match create() {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                // Left by a killed run that had the process id we have now.
                std::fs::remove_file(&tmp)?;
                create()?
            }
            r => r?,
        };
        f.write_all(data)?;
        if fsync {
            f.sync_data()?;
        }
        drop(f);
        std::fs::rename(&tmp, &path)
    })();
    res.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::new(ErrorKind::Output, format!("cannot write {}: {e}", path.display()))
    })
}

/// Removes temporary files that a killed run left in the output folder. Without a shard the run
/// owns the whole folder; with one, only that shard's files are touched, so shards sharing a folder
/// do not delete each other's work in progress.
fn clean_stale(root: &Path, shard: Option<Shard>) -> (usize, Vec<String>) {
    let tag = shard.map(|s| Shard::tag(Some(s)));
    let mut removed = 0;
    let mut problems = Vec::new();
    for e in walkdir::WalkDir::new(root).follow_links(false).into_iter().flatten() {
        if e.file_type().is_file() && is_tmp_of(&e.file_name().to_string_lossy(), tag.as_deref()) {
            match std::fs::remove_file(e.path()) {
                Ok(()) => removed += 1,
                Err(err) => problems.push(format!("{}: cannot remove stale temporary file: {err}", e.path().display())),
            }
        }
    }
    (removed, problems)
}

/// Where messages go: through the progress bar when there is one, so they do not garble it.
struct Log {
    bar: Option<ProgressBar>,
}

impl Log {
    fn line(&self, msg: &str) {
        // Not eprintln!: a closed stderr (its reader gone) must not turn into a panic mid-run.
        let say = || {
            let _ = writeln!(std::io::stderr(), "newsseg: {msg}");
        };
        match &self.bar {
            Some(bar) => bar.suspend(say),
            None => say(),
        }
    }
}

const BAR_COUNTING: &str = "{spinner} {elapsed_precise} {msg} pages, {decimal_bytes} ({decimal_bytes_per_sec}), counting inputs…";
const BAR_KNOWN: &str =
    "{spinner} {elapsed_precise} [{wide_bar}] {msg} pages, {decimal_bytes}/{decimal_total_bytes} ({decimal_bytes_per_sec}, ETA {eta})";

/// A bar on stderr when it is a terminal, with a side thread counting the inputs' bytes so the bar
/// can show an ETA once the count is in.
fn progress(job: &Job, stop: &Arc<AtomicBool>) -> Option<ProgressBar> {
    if job.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(ProgressStyle::with_template(BAR_COUNTING).expect("bar template"));
    bar.set_message("0");
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    // Standard input cannot be counted ahead without being consumed.
    if job.inputs.iter().all(|p| p.as_os_str() != "-") {
        let (bar2, stop2) = (bar.clone(), stop.clone());
        let job2 = job.clone();
        let _ = std::thread::Builder::new().name("newsseg-count".into()).spawn(move || {
            let mut total = 0u64;
            for item in Walk::new(&job2) {
                if stop2.load(Ordering::Relaxed) {
                    return;
                }
                if let Item::Page(Input::File { path, .. }) = item {
                    total += std::fs::metadata(&path).map_or(0, |m| m.len());
                }
            }
            bar2.set_length(total);
            bar2.set_style(ProgressStyle::with_template(BAR_KNOWN).expect("bar template").progress_chars("=> "));
        });
    }
    Some(bar)
}

/// How many pages may be in flight or waiting to be written, per thread: enough that one slow page
/// does not idle the other threads for long, few enough that memory stays small.
const WINDOW_PER_THREAD: usize = 16;

/// Runs a job: every page processed, written, and counted. Failures of single pages are reported
/// on stderr as they come and collected, not raised; only a failure of the run itself is an error:
/// of kind `Config` for usage (bad flags, an output folder that cannot be made), else `Output`.
pub fn run(job: &Job) -> Result<Summary> {
    let t0 = Instant::now();
    job.validate()?;
    if let Some(dir) = &job.out {
        std::fs::create_dir_all(dir).map_err(|e| Error::new(ErrorKind::Config, format!("cannot create {}: {e}", dir.display())))?;
        if let Some(rep) = &job.report
            && inside(rep, dir)
        {
            return Err(Error::new(
                ErrorKind::Config,
                format!("--report {} is inside the output folder; put it elsewhere", rep.display()),
            ));
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(job.threads.unwrap_or(0))
        .thread_name(|i| format!("newsseg-{i}"))
        .build()
        .map_err(|e| Error::new(ErrorKind::Config, e.to_string()))?;
    let threads = pool.current_num_threads();
    let stop = Arc::new(AtomicBool::new(false));
    let log = Log { bar: progress(job, &stop) };
    let mut summary = Summary::default();

    if let Some(dir) = &job.out {
        let (removed, problems) = clean_stale(dir, job.shard);
        for p in &problems {
            log.line(&format!("warning: {p}"));
        }
        summary.warnings += problems.len();
        if removed > 0 {
            log.line(&format!("removed {removed} stale temporary file(s) from {}", dir.display()));
        }
    }

    let sink = Sink { out: job.out.as_deref(), pretty: job.pretty, resume: job.resume };
    let tmp_tag = Shard::tag(job.shard);
    let cancel = AtomicBool::new(false);
    let mut st = State {
        summary,
        log,
        out: std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock()),
        fatal: None,
        cancel: &cancel,
        taken: FxHashSet::default(),
    };
    let (tx, rx) = mpsc::channel::<(u64, Outcome)>();
    let (wtx, wrx) = mpsc::channel::<WriteJob>();
    let wrx = std::sync::Mutex::new(wrx);
    std::thread::scope(|threads| {
        let wtx = wtx;
        if let Some(dir) = job.out.as_deref() {
            for i in 0..WRITERS {
                let (wrx, tx, tag, fsync) = (&wrx, tx.clone(), tmp_tag.as_str(), job.fsync);
                let spawned = std::thread::Builder::new()
                    .name(format!("newsseg-write-{i}"))
                    .spawn_scoped(threads, move || writer(dir, tag, fsync, wrx, tx));
                if let Err(e) = spawned {
                    st.fatal = Some(Error::new(ErrorKind::Output, format!("cannot start a writer thread: {e}")));
                    return;
                }
            }
        }
        let window = pool.current_num_threads() * WINDOW_PER_THREAD;
        pool.in_place_scope(|scope| st.drive(job, &sink, window, scope, &tx, &wtx, &rx));
        // Every page is out of the window, so every write is done: the writers may go.
        drop(wtx);
    });
    let State { mut summary, log, mut out, mut fatal, .. } = st;
    stop.store(true, Ordering::Relaxed);
    if let Some(bar) = &log.bar {
        bar.finish_and_clear();
    }
    if fatal.is_none()
        && !summary.broken_pipe
        && let Err(e) = out.flush()
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            summary.broken_pipe = true;
        } else {
            fatal = Some(Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}")));
        }
    }
    if summary.broken_pipe || fatal.is_some() {
        // What is still buffered has nowhere to go; dropping the writer would try again.
        let (_, _) = out.into_parts();
    }
    summary.seconds = t0.elapsed().as_secs_f64();
    if let Some(rep) = &job.report {
        write_report(rep, job, threads, &summary)?;
    }
    match fatal {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// The run's state while pages go through the window, owned by the thread that started the run.
struct State<'c> {
    summary: Summary,
    log: Log,
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    fatal: Option<Error>,
    /// Set when output can no longer go anywhere (stdout closed or failing): stop starting pages.
    cancel: &'c AtomicBool,
    /// Hashes of the output paths handed out so far: two inputs that map to one output file (a.txt
    /// and a.md, or one name under two input folders) would otherwise overwrite each other in an
    /// order set by the threads. Eight bytes a page, the one thing that grows with the run.
    taken: FxHashSet<u64>,
}

impl<'c> State<'c> {
    /// Feeds the walk's items through a window of at most `window`: pages go to the pool, and
    /// every item's outcome is taken in input order as soon as it and all before it are known.
    #[allow(clippy::too_many_arguments)]
    fn drive<'s>(
        &mut self,
        job: &'s Job,
        sink: &'s Sink<'s>,
        window: usize,
        scope: &rayon::Scope<'s>,
        tx: &mpsc::Sender<(u64, Outcome)>,
        wtx: &mpsc::Sender<WriteJob>,
        rx: &mpsc::Receiver<(u64, Outcome)>,
    ) where
        'c: 's,
    {
        let cancel: &'s AtomicBool = self.cancel;
        // Slot k holds item `emitted + k`: its name, and its outcome once known. Items leave from
        // the front only, which is what keeps the output in input order.
        let mut slots: VecDeque<(String, Option<Outcome>)> = VecDeque::new();
        let mut emitted: u64 = 0;
        let mut walk = Walk::new(job);
        loop {
            while slots.len() < window && !self.cancel.load(Ordering::Relaxed) {
                let Some(item) = walk.next() else { break };
                let seq = emitted + slots.len() as u64;
                match item {
                    Item::Page(inp) => {
                        let name = inp.name();
                        let rel = inp.out_rel();
                        if sink.out.is_some() && !self.taken.insert(fnv1a(rel_key(&rel).as_bytes())) {
                            let why = format!(
                                "its output {} is taken by an earlier input; give the two separate runs or output folders",
                                rel_key(&rel)
                            );
                            let f = Failure { input: name.clone(), kind: ErrorKind::Output.to_string(), reason: why };
                            slots.push_back((name, Some(Outcome::Failed(f))));
                            continue;
                        }
                        slots.push_back((name.clone(), None));
                        let (tx, wtx) = (tx.clone(), wtx.clone());
                        let cfg = &job.cfg;
                        scope.spawn(move |_| {
                            // Once the reader has gone, pages not yet started are not worth starting.
                            if cancel.load(Ordering::Relaxed) {
                                let _ = tx.send((seq, Outcome::Skipped));
                                return;
                            }
                            match guarded(&name, || process_one(cfg, sink, inp)) {
                                Outcome::Page { articles, bytes, json: Some(json), secs } if sink.out.is_some() => {
                                    let _ = wtx.send(WriteJob { seq, name, rel, articles, bytes, json, secs });
                                }
                                o => {
                                    let _ = tx.send((seq, o));
                                }
                            }
                        });
                    }
                    Item::Fail(f) => slots.push_back((f.input.clone(), Some(Outcome::Failed(f)))),
                    Item::Warn(w) => slots.push_back((String::new(), Some(Outcome::Warned(w)))),
                }
            }
            if slots.is_empty() {
                return;
            }
            // Wait for the front item, storing whatever else finishes in the meantime.
            while slots.front().is_some_and(|s| s.1.is_none()) {
                let (seq, o) = rx.recv().expect("a sender lives in this scope");
                slots[(seq - emitted) as usize].1 = Some(o);
            }
            while slots.front().is_some_and(|s| s.1.is_some()) {
                let (name, outcome) = slots.pop_front().expect("front is there");
                emitted += 1;
                if !self.cancel.load(Ordering::Relaxed) {
                    self.take(name, outcome.expect("front is ready"));
                }
            }
        }
    }

    /// Takes one item's outcome, in input order: its JSON line out, its failure said, its counts.
    fn take(&mut self, name: String, outcome: Outcome) {
        let s = &mut self.summary;
        match outcome {
            Outcome::Page { articles, bytes, json, secs } => {
                if let Some(json) = json
                    && let Err(e) = self.out.write_all(&json)
                {
                    self.cancel.store(true, Ordering::Relaxed);
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        s.broken_pipe = true;
                    } else {
                        self.fatal = Some(Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}")));
                    }
                    return;
                }
                s.pages += 1;
                s.articles += articles;
                s.bytes += bytes;
                s.page_seconds += secs;
                s.note_slow(name, secs);
                if let Some(bar) = &self.log.bar {
                    bar.inc(bytes);
                    bar.set_message(s.pages.to_string());
                }
            }
            Outcome::Skipped => s.skipped += 1,
            Outcome::Failed(f) => {
                self.log.line(&format!("{}: {}", f.input, f.reason));
                s.failures.push(f);
            }
            Outcome::Warned(w) => {
                s.warnings += 1;
                self.log.line(&format!("warning: {w}"));
            }
        }
    }
}

/// FNV-1a, 64 bits: a fixed hash, cheap enough to run on every output path.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether `path` would be inside `dir`, judged on the real paths of the folders that exist.
fn inside(path: &Path, dir: &Path) -> bool {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match (std::fs::canonicalize(&parent), std::fs::canonicalize(dir)) {
        (Ok(p), Ok(d)) => p.starts_with(d),
        _ => false,
    }
}

#[derive(Serialize)]
struct Report<'a> {
    newsseg: &'static str,
    inputs: Vec<String>,
    out: Option<String>,
    threads: usize,
    shard: Option<String>,
    resume: bool,
    pages: usize,
    skipped: usize,
    failed: usize,
    warnings: usize,
    articles: usize,
    bytes: u64,
    seconds: f64,
    mb_per_s: f64,
    page_seconds: f64,
    slowest: Vec<Slow<'a>>,
    stopped_by_broken_pipe: bool,
    failures: &'a [Failure],
}

#[derive(Serialize)]
struct Slow<'a> {
    input: &'a str,
    seconds: f64,
}

fn write_report(path: &Path, job: &Job, threads: usize, s: &Summary) -> Result<()> {
    let r = Report {
        newsseg: env!("CARGO_PKG_VERSION"),
        inputs: job.inputs.iter().map(|p| p.display().to_string()).collect(),
        out: job.out.as_ref().map(|p| p.display().to_string()),
        threads,
        shard: job.shard.map(|s| s.to_string()),
        resume: job.resume,
        pages: s.pages,
        skipped: s.skipped,
        failed: s.failures.len(),
        warnings: s.warnings,
        articles: s.articles,
        bytes: s.bytes,
        seconds: s.seconds,
        mb_per_s: s.mb_per_s(),
        page_seconds: s.page_seconds,
        slowest: s.slowest.iter().map(|(i, t)| Slow { input: i, seconds: *t }).collect(),
        stopped_by_broken_pipe: s.broken_pipe,
        failures: &s.failures,
    };
    let mut text = serde_json::to_vec_pretty(&r).expect("report serializes");
    text.push(b'\n');
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "report.json".into());
    let tmp = dir.join(tmp_name(&name, "report"));
    std::fs::write(&tmp, &text).and_then(|()| std::fs::rename(&tmp, path)).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::new(ErrorKind::Output, format!("cannot write report {}: {e}", path.display()))
    })
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
            assert!(is_page_file(Path::new(yes)), "{yes}");
        }
        for no in ["p.json", "p.gz", "p.tar.gz", "p.xml.bz2", "p", "xml", ".gz", "p.gz.xml.zip"] {
            assert!(!is_page_file(Path::new(no)), "{no}");
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
    fn temp_names_are_not_page_json() {
        let t = tmp_name("p.json", "s1of4");
        assert!(!t.ends_with(".json"));
        assert!(is_tmp_of(&t, Some("s1of4")));
        assert!(is_tmp_of(&t, None));
        assert!(!is_tmp_of(&t, Some("s2of4")));
        assert!(!is_tmp_of("p.json", None));
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

    #[test]
    fn a_panicking_page_fails_alone() {
        let o = guarded("p.txt", || panic!("index out of bounds"));
        match o {
            Outcome::Failed(f) => {
                assert_eq!((f.input.as_str(), f.kind.as_str()), ("p.txt", "panic"));
                assert!(f.reason.contains("index out of bounds"), "{}", f.reason);
            }
            _ => panic!("expected a failure"),
        }
    }

    #[test]
    fn slowest_keeps_the_top() {
        let mut s = Summary::default();
        for i in 0..30 {
            s.note_slow(format!("p{i}"), (i % 13) as f64);
        }
        assert_eq!(s.slowest.len(), 10);
        assert_eq!(s.slowest[0].1, 12.0);
        assert!(s.slowest.windows(2).all(|w| w[0].1 >= w[1].1));
    }
}
