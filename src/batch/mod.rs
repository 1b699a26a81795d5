//! Batch runs: pages processed in parallel and taken in input order, progress shown, failures
//! reported, the run summed up; finding the pages (`walk`), writing their files (`files`) and
//! their review pages (`review`) are its submodules. The only module with threads.
//!
//! Inputs are walked lazily and fed through a bounded window of pages in flight, so memory stays
//! flat however many files a run has; results leave the window in input order, so what is written
//! does not depend on the number of threads.

mod files;
mod review;
mod walk;

pub use walk::{Input, Shard};

use walk::{Item, Walk, read_input, rel_key};

use newsseg::config::Config;
use newsseg::emit::stream::Piece;
use newsseg::emit::{self, html};
use newsseg::error::{Error, ErrorKind, Result};
use newsseg::{process_page, process_page_json};
use files::{Roots, WRITERS, WriteJob, clean_stale, is_complete, made_by_this_version, tmp_name, write_atomic, writer};
use review::{Review, Reviewed};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

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
    /// Where to write each ALTO page's METS (`<page>.mets.xml`, paths mirrored as in `out`).
    pub mets: Option<PathBuf>,
    /// Write each page's review page beside its JSON (`<page>.html`), and the run's index.
    pub html: bool,
    /// Where review pages look for the scans of structured pages.
    pub images: Option<PathBuf>,
    /// Extensions a folder's pages may have besides the built-in ones (`--ext`), without the dot.
    pub ext: Vec<String>,
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
        if self.html && self.out.is_none() {
            return usage("--html writes review pages beside the JSON files: give an output folder (-o DIR)");
        }
        if self.images.is_some() && !self.html {
            return usage("--images is where the review pages find their scans: give --html too");
        }
        if let Some(e) = self.ext.iter().find(|e| e.is_empty() || e.contains(['/', '.', '*'])) {
            return usage(&format!("--ext takes extensions without a dot or a pattern (e.g. --ext tei,ocr), not '{e}'"));
        }
        Ok(())
    }

    /// Checks before the first page that every place the run writes to can be written: a run
    /// that could not save its work must not spend hours on it first.
    fn check_writable(&self) -> Result<()> {
        let usage = |m: String| Err(Error::new(ErrorKind::Config, m));
        for (flag, dir) in [("-o", &self.out), ("--mets", &self.mets)] {
            let Some(dir) = dir else { continue };
            if dir.exists() && !dir.is_dir() {
                return usage(format!(
                    "{flag} {}: is a file; {flag} names the folder each page's output goes into (it is made if it is not there)",
                    dir.display()
                ));
            }
            std::fs::create_dir_all(dir).map_err(|e| Error::new(ErrorKind::Config, format!("{flag} {}: cannot make the folder: {e}", dir.display())))?;
            probe(dir).map_err(|e| Error::new(ErrorKind::Config, format!("{flag} {}: cannot write in the folder: {e}", dir.display())))?;
        }
        if let Some(rep) = &self.report {
            if rep.is_dir() {
                return usage(format!("--report {}: is a folder; --report names the file the run's summary is written to", rep.display()));
            }
            let parent = match rep.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            probe(&parent).map_err(|e| Error::new(ErrorKind::Config, format!("--report {}: cannot write in {}: {e}", rep.display(), parent.display())))?;
        }
        Ok(())
    }
}

/// Creates and removes a file in `dir`: the one sure test that the run may write there.
fn probe(dir: &Path) -> std::io::Result<()> {
    let p = dir.join(tmp_name("probe", "check"));
    std::fs::OpenOptions::new().write(true).create_new(true).open(&p)?;
    std::fs::remove_file(&p)
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
    /// Inputs the walk found, in every shard (page files, standard input, records).
    pub found: u64,
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

/// How one page went.
enum Outcome {
    /// `json` is the page's JSON until it is written (or printed); `mets` its METS and `html` its
    /// review page until written; `no_mets` the format of a page that `--mets` asked a METS of and
    /// that is not ALTO; `review` its row of the index. The JSON comes in pieces, written one
    /// after another (see `emit::stream`).
    Page {
        articles: usize,
        bytes: u64,
        json: Option<Vec<Piece>>,
        mets: Option<Vec<u8>>,
        html: Option<Vec<u8>>,
        no_mets: Option<String>,
        review: Option<Box<Reviewed>>,
        secs: f64,
    },
    /// Left alone: by `--resume` (with the page's row of the index, read back, under `--html`), or
    /// never started once output could go nowhere.
    Skipped(Option<Box<html::Row>>),
    Failed(Failure),
    Warned(String),
}

/// What every worker needs to know about where output goes.
struct Sink<'a> {
    out: Option<&'a Path>,
    mets: Option<&'a Path>,
    pretty: bool,
    resume: bool,
    review: Option<Review<'a>>,
    /// Pages `--resume` found whole but made by another version of newsseg, and made again.
    redone: AtomicUsize,
}

fn process_one(cfg: &Config, sink: &Sink, inp: Input) -> Outcome {
    let failed = |e: Error| Outcome::Failed(Failure { input: inp.name(), kind: e.kind().to_string(), reason: e.message().to_string() });
    if sink.resume
        && let Some(dir) = sink.out
        && is_complete(&dir.join(inp.out_rel()))
        && sink.review.as_ref().is_none_or(|_| review::is_complete(&dir.join(inp.html_rel())))
    {
        if made_by_this_version(&dir.join(inp.out_rel())) {
            return Outcome::Skipped(sink.review.as_ref().map(|_| Box::new(review::resumed_row(dir, &inp))));
        }
        sink.redone.fetch_add(1, Ordering::Relaxed);
    }
    let t0 = Instant::now();
    let bytes = match read_input(&inp, cfg.max_page_bytes) {
        Ok(b) => b,
        Err(e) => return failed(e),
    };
    let path = match &inp {
        Input::File { path, .. } => Some(path.to_string_lossy().into_owned()),
        _ => None,
    };
    let n = bytes.len() as u64;
    let pretty = sink.pretty && sink.out.is_some();
    if sink.mets.is_none() && sink.review.is_none() {
        // Nothing but the JSON is wanted of the page: it is written as its windows are done,
        // and a long page's object is never held whole.
        let (articles, json) = match process_page_json(cfg, &inp.id(), path.as_deref(), &bytes, pretty) {
            Ok(a) => a,
            Err(e) => return failed(e),
        };
        drop(bytes);
        return Outcome::Page { articles, bytes: n, json: Some(Vec::from(json)), mets: None, html: None, no_mets: None, review: None, secs: t0.elapsed().as_secs_f64() };
    }
    let page = match process_page(cfg, &inp.id(), path.as_deref(), &bytes) {
        Ok(p) => p,
        Err(e) => return failed(e),
    };
    let articles = page.articles.len();
    // JSON runs a few times the size of its page (spans and the text itself); sizing the buffer
    // once saves the doublings.
    let mut json = Vec::with_capacity(bytes.len() * 4 + 1024);
    emit::write_json(&page, pretty, &mut json);
    let (mets, no_mets) = match sink.mets {
        None => (None, None),
        // The METS names ALTO blocks; hOCR and PAGE-XML have blocks too, but the profile is ALTO's.
        Some(dir) => match page.source.format.as_deref() {
            Some("alto") => (Some(emit::mets::write(&page, &inp.alto_href(dir))), None),
            other => (None, Some(other.unwrap_or("text").to_string())),
        },
    };
    let (html, review) = match (&sink.review, sink.out) {
        (Some(r), Some(out)) => {
            let (html, reviewed) = review::view(cfg, r, out, &inp, &page, &bytes);
            (Some(html), Some(Box::new(reviewed)))
        }
        _ => (None, None),
    };
    drop(page);
    Outcome::Page { articles, bytes: n, json: Some(vec![Piece::Bytes(json)]), mets, html, no_mets, review, secs: t0.elapsed().as_secs_f64() }
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
    job.check_writable()?;
    if let Some(dir) = &job.out
        && let Some(rep) = &job.report
        && inside(rep, dir)
    {
        return Err(Error::new(ErrorKind::Config, format!("--report {} is inside the output folder; put it elsewhere", rep.display())));
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

    let mets_apart = job.mets.as_ref().filter(|m| job.out.as_ref().is_none_or(|o| !same_dir(o, m)));
    for dir in job.out.iter().chain(mets_apart) {
        let (removed, problems) = clean_stale(dir, job.shard);
        for p in &problems {
            log.line(&format!("warning: {p}"));
        }
        summary.warnings += problems.len();
        if removed > 0 {
            log.line(&format!("removed {removed} stale temporary file(s) from {}", dir.display()));
        }
    }

    let review = job.html.then(|| Review { images: job.images.as_deref(), index: review::index_name(job.shard) });
    let sink = Sink { out: job.out.as_deref(), mets: job.mets.as_deref(), pretty: job.pretty, resume: job.resume, review, redone: AtomicUsize::new(0) };
    let tmp_tag = Shard::tag(job.shard);
    let cancel = AtomicBool::new(false);
    let mut st = State {
        summary,
        log,
        out: std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock()),
        fatal: None,
        cancel: &cancel,
        taken: FxHashSet::default(),
        mets_warned: false,
        rows: job.html.then(Vec::new),
        scan_warned: false,
    };
    let (tx, rx) = mpsc::channel::<(u64, Outcome)>();
    let (wtx, wrx) = mpsc::channel::<WriteJob>();
    let wrx = std::sync::Mutex::new(wrx);
    std::thread::scope(|threads| {
        let wtx = wtx;
        if job.out.is_some() || job.mets.is_some() {
            let roots = Roots { json: job.out.as_deref(), mets: job.mets.as_deref() };
            for i in 0..WRITERS {
                let (wrx, tx, tag, fsync) = (&wrx, tx.clone(), tmp_tag.as_str(), job.fsync);
                let spawned = std::thread::Builder::new()
                    .name(format!("newsseg-write-{i}"))
                    .spawn_scoped(threads, move || writer(roots, tag, fsync, wrx, tx));
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
    let State { mut summary, log, mut out, mut fatal, rows, .. } = st;
    let redone = sink.redone.load(Ordering::Relaxed);
    if redone > 0 {
        summary.warnings += 1;
        log.line(&format!(
            "--resume: {redone} page(s) in the output folder were made by another version of newsseg (or by one before pages named their maker) and were made again with {}",
            env!("CARGO_PKG_VERSION")
        ));
    }
    if summary.found == 0 && fatal.is_none() && !summary.broken_pipe && !cancel.load(Ordering::Relaxed) {
        // Nothing to do is not success: a wrong folder or extension would pass unnoticed.
        let f = Failure {
            input: job.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" "),
            kind: "no-input".into(),
            reason: format!("no page files found (a folder is searched for {}; name other extensions with --ext)", walk::extensions_list(&job.ext)),
        };
        log.line(&format!("{}: {}", f.input, f.reason));
        summary.failures.push(f);
    } else if let Some(sh) = job.shard
        && summary.pages + summary.skipped + summary.failures.len() == 0
        && fatal.is_none()
    {
        log.line(&format!("shard {sh} holds none of the {} input(s) found; nothing to do", summary.found));
    }
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
    // The index last, from the rows taken in input order: the same bytes at any -j.
    if fatal.is_none()
        && let (Some(rows), Some(dir), Some(r)) = (rows, &job.out, &sink.review)
        && let Err(e) = write_atomic(dir, Path::new(&r.index), &emit::html::index(&rows), &tmp_tag, job.fsync)
    {
        fatal = Some(e);
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
    /// A page that `--mets` wrote no METS for has been named (once a run is enough).
    mets_warned: bool,
    /// Under `--html`, each page's row of the index, in input order: a couple of hundred bytes a
    /// page (its name and link the most of it), what the index is made of at the end.
    rows: Option<Vec<html::Row>>,
    /// A page whose scan `--images` did not find has been named.
    scan_warned: bool,
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
                        let mets_rel = inp.mets_rel();
                        // The JSON and the METS of a page are named alike, so one check covers both.
                        if (sink.out.is_some() || sink.mets.is_some()) && !self.taken.insert(fnv1a(rel_key(&rel).as_bytes())) {
                            let why = format!(
                                "its output {} is taken by an earlier input; give the two separate runs or output folders",
                                rel_key(if sink.out.is_some() { &rel } else { &mets_rel })
                            );
                            let f = Failure { input: name.clone(), kind: ErrorKind::Output.to_string(), reason: why };
                            slots.push_back((name, Some(Outcome::Failed(f))));
                            continue;
                        }
                        let html_rel = inp.html_rel();
                        if let Some(r) = &sink.review
                            // Told apart as a case-blind file system (macOS, Windows) would.
                            && rel_key(&html_rel).eq_ignore_ascii_case(&r.index)
                        {
                            let why = format!("its review page would be the run's index, {}; rename it or put it in a folder", r.index);
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
                                let _ = tx.send((seq, Outcome::Skipped(None)));
                                return;
                            }
                            match guarded(&name, || process_one(cfg, sink, inp)) {
                                Outcome::Page { articles, bytes, json: Some(json), mets, html, no_mets, review, secs } if sink.out.is_some() || mets.is_some() => {
                                    // Without -o the JSON goes back to be printed in input order.
                                    let (json, stdout) = match sink.out {
                                        Some(_) => (Some((rel, json)), None),
                                        None => (None, Some(json)),
                                    };
                                    let outcome = Outcome::Page { articles, bytes, json: stdout, mets: None, html: None, no_mets, review, secs };
                                    let job = WriteJob { seq, name, mets: mets.map(|m| (mets_rel, m)), html: html.map(|h| (html_rel, h)), json, outcome };
                                    let _ = wtx.send(job);
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
                self.summary.found = walk.found;
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
            Outcome::Page { articles, bytes, json, no_mets, review, secs, .. } => {
                if let Some(format) = no_mets
                    && !self.mets_warned
                {
                    self.mets_warned = true;
                    s.warnings += 1;
                    self.log.line(&format!(
                        "warning: --mets writes METS for ALTO pages only: {name} is {format} and got none (nor will any other such page; this is said once)"
                    ));
                }
                if let Some(json) = json
                    && let Err(e) = json.into_iter().try_for_each(|mut piece| piece.write_to(&mut self.out))
                {
                    self.cancel.store(true, Ordering::Relaxed);
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        s.broken_pipe = true;
                    } else {
                        self.fatal = Some(Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}")));
                    }
                    return;
                }
                if let Some(r) = review {
                    let Reviewed { row, no_scan } = *r;
                    if let Some(why) = no_scan
                        && !self.scan_warned
                    {
                        self.scan_warned = true;
                        s.warnings += 1;
                        self.log.line(&format!("warning: --images: {name}: {why} (said for the first such page only)"));
                    }
                    if let Some(rows) = &mut self.rows {
                        rows.push(row);
                    }
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
            Outcome::Skipped(row) => {
                s.skipped += 1;
                if let (Some(rows), Some(row)) = (&mut self.rows, row) {
                    rows.push(*row);
                }
            }
            Outcome::Failed(f) => {
                self.log.line(&format!("{}: {}", f.input, f.reason));
                if let Some(rows) = &mut self.rows {
                    rows.push(html::Row::failed(f.input.clone(), f.reason.clone()));
                }
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

/// Whether two folders are one, judged on their real paths.
fn same_dir(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
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
    mets: Option<String>,
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
        mets: job.mets.as_ref().map(|p| p.display().to_string()),
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
