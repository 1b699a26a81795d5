//! Batch runs: finding the pages, processing them in parallel, writing their JSON, summing up.
//! The only module with threads.

use crate::config::Config;
use crate::error::{Error, ErrorKind, Result};
use crate::{emit, process_page};
use rayon::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One page to read.
#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    File { path: PathBuf, rel: PathBuf },
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }
    fn id(&self) -> String {
        match self {
            Input::Stdin => "stdin".into(),
            Input::File { rel, .. } => rel.with_extension("").to_string_lossy().replace('\\', "/"),
        }
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
}

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub pages: usize,
    pub articles: usize,
    pub bytes: u64,
    pub failures: Vec<(String, String)>,
    pub seconds: f64,
}

fn is_page_file(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Lists the pages the inputs name, folders walked in sorted order. Problems reaching an input are
/// returned beside the list, each naming its path.
pub fn find_inputs(inputs: &[PathBuf]) -> (Vec<Input>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for inp in inputs {
        if inp.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(inp) {
            Ok(m) if m.is_dir() => {
                for entry in walkdir::WalkDir::new(inp).follow_links(true).sort_by_file_name() {
                    match entry {
                        Ok(e) if e.file_type().is_file() && is_page_file(e.path()) => {
                            let rel = e.path().strip_prefix(inp).unwrap_or(e.path()).to_path_buf();
                            out.push(Input::File { path: e.path().to_path_buf(), rel });
                        }
                        Ok(_) => {}
                        Err(e) => errs.push((e.path().map_or(inp.display().to_string(), |p| p.display().to_string()), e.to_string())),
                    }
                }
            }
            Ok(_) => {
                let rel = PathBuf::from(inp.file_name().unwrap_or(inp.as_os_str()));
                out.push(Input::File { path: inp.clone(), rel });
            }
            Err(e) => errs.push((inp.display().to_string(), e.to_string())),
        }
    }
    (out, errs)
}

struct Done {
    articles: usize,
    bytes: u64,
    line: Option<String>,
}

fn read_input(inp: &Input) -> Result<Vec<u8>> {
    match inp {
        Input::Stdin => {
            let mut v = Vec::new();
            std::io::stdin().read_to_end(&mut v).map_err(|e| Error::io("-", e))?;
            Ok(v)
        }
        Input::File { path, .. } => std::fs::read(path).map_err(|e| Error::io(path, e)),
    }
}

fn write_atomic(path: &Path, data: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e).with_path(dir))?;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let res = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(data)?;
        f.sync_data()?;
        std::fs::rename(&tmp, path)
    })();
    res.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::new(ErrorKind::Output, format!("cannot write {}: {e}", path.display()))
    })
}

fn process_one(job: &Job, inp: &Input) -> Result<Done> {
    let bytes = read_input(inp)?;
    let path = match inp {
        Input::Stdin => None,
        Input::File { path, .. } => Some(path.to_string_lossy().into_owned()),
    };
    let page = process_page(&job.cfg, &inp.id(), path.as_deref(), &bytes).map_err(|e| e.with_path(inp.name()))?;
    let articles = page.articles.len();
    match (&job.out, inp) {
        (Some(dir), _) => {
            let rel = match inp {
                Input::Stdin => PathBuf::from("stdin.json"),
                Input::File { rel, .. } => rel.with_extension("json"),
            };
            let text = if job.pretty { emit::to_json_pretty(&page) } else { emit::to_json_line(&page) + "\n" };
            write_atomic(&dir.join(rel), text.as_bytes())?;
            Ok(Done { articles, bytes: bytes.len() as u64, line: None })
        }
        (None, _) => Ok(Done { articles, bytes: bytes.len() as u64, line: Some(emit::to_json_line(&page)) }),
    }
}

/// Runs a job: every page processed, written, and counted. Failures of single pages are collected,
/// not raised; only a failure of the run itself (the output folder) is an error.
pub fn run(job: &Job) -> Result<Summary> {
    let t0 = Instant::now();
    let (inputs, mut failures) = find_inputs(&job.inputs);
    if let Some(dir) = &job.out {
        std::fs::create_dir_all(dir).map_err(|e| Error::new(ErrorKind::Output, format!("cannot create {}: {e}", dir.display())))?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(job.threads.unwrap_or(0))
        .build()
        .map_err(|e| Error::new(ErrorKind::Config, e.to_string()))?;
    let mut summary = Summary::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for chunk in inputs.chunks(256) {
        let results: Vec<Result<Done>> = pool.install(|| chunk.par_iter().map(|inp| process_one(job, inp)).collect());
        for (inp, r) in chunk.iter().zip(results) {
            match r {
                Ok(d) => {
                    summary.pages += 1;
                    summary.articles += d.articles;
                    summary.bytes += d.bytes;
                    if let Some(line) = d.line {
                        if let Err(e) = writeln!(out, "{line}") {
                            if e.kind() == std::io::ErrorKind::BrokenPipe {
                                summary.seconds = t0.elapsed().as_secs_f64();
                                return Ok(summary);
                            }
                            return Err(Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}")));
                        }
                    }
                }
                Err(e) => failures.push((inp.name(), e.message().to_string())),
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}")));
        }
        _ => {}
    }
    summary.failures = failures;
    summary.seconds = t0.elapsed().as_secs_f64();
    Ok(summary)
}
