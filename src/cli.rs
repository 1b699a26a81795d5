//! Command-line flags, parsed into a run's settings; nothing else.

use crate::batch::{Job, Shard};
use newsseg::config::{Config, LangChoice};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  newsseg process page.txt                      one page, JSON Lines on stdout
  newsseg process scans/ -o json/               a folder tree, one JSON file per page
  newsseg process - < page.txt                  a page on stdin
  newsseg process scans/ -o json/ --lang zh -j 8
  newsseg process scans/ -o json/ --resume      finish a run that was stopped
  newsseg process scans/ -o json/ --shard 3/16  the 4th of 16 slices (a Slurm array task)
  newsseg process issue/ -o json/ --mets issue/ ALTO pages: JSON, and METS beside the ALTO files
  newsseg process issue/ -o json/ --html         review pages beside the JSON: open json/index.html
  newsseg process --stdin-jsonl - < pages.jsonl {\"id\",\"text\"} lines in, JSON Lines out
  newsseg process tei/ -o json/ --ext tei       pages named *.tei as well
  newsseg schema > page.schema.json             the JSON Schema of a page
  newsseg completions bash                      shell completions; newsseg man: the manual page

Exit status: 0 every input processed, 1 some failed (each reported on stderr), 2 usage error.";

#[derive(Debug, Parser)]
#[command(name = "newsseg", version, about = "Turns the raw OCR text of newspaper pages into articles, as JSON.", after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub cmd: Cmd,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Split pages into articles and write them as JSON.
    #[command(after_help = EXAMPLES)]
    Process(Box<ProcessArgs>),
    /// Print the JSON Schema of the page object.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(after_help = "Install for bash:  newsseg completions bash > ~/.local/share/bash-completion/completions/newsseg\nfor zsh:           newsseg completions zsh > ~/.zfunc/_newsseg   (with fpath+=~/.zfunc)\nfor fish:          newsseg completions fish > ~/.config/fish/completions/newsseg.fish")]
    Completions {
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): newsseg man > newsseg.1; man ./newsseg.1
    Man,
}

#[derive(Debug, Args)]
pub struct ProcessArgs {
    /// Page files, folders (searched recursively, in name order, for *.txt and *.md, and for ALTO,
    /// hOCR and PAGE-XML in *.xml, *.alto, *.hocr, *.html and *.htm, any of them gzipped; more
    /// with --ext), or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Also take a folder's files with these extensions as pages (comma-separated, no dot: --ext
    /// tei,ocr), gzipped or not. A file named on the command line is read whatever its name.
    #[arg(long, value_name = "EXT,...", value_delimiter = ',')]
    pub ext: Vec<String>,
    /// Write one JSON file per page here, mirroring the inputs' paths below the folders given
    /// (in/sub/p.txt -> DIR/sub/p.json). Without it, JSON Lines go to stdout, one page per line,
    /// in input order.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Language rules to apply: auto (decide per page), zh, en, fr, de, or latin (any other
    /// language in Latin script: no word list, no OCR mending; `und-Latn` in the JSON).
    #[arg(long, default_value = "auto", value_name = "auto|zh|en|fr|de|latin")]
    pub lang: LangChoice,
    /// Worker threads (default: all cores). The output is the same whatever the number.
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub threads: Option<u32>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Indent the JSON files written with -o.
    #[arg(long)]
    pub pretty: bool,
    /// Skip pages whose JSON is already in the output folder (from a run that was stopped).
    /// A file left empty or cut short (by power loss) is written again.
    #[arg(long, requires = "out")]
    pub resume: bool,
    /// Flush each page's JSON to disk before renaming it into place. Without it a page is still
    /// never seen half-written after a crash or kill, but power loss can leave the last pages
    /// empty, which --resume then redoes.
    #[arg(long, requires = "out")]
    pub fsync: bool,
    /// Write a JSON summary of the run here: counts, failures with reasons, timings.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Process only shard I of N (0 <= I < N): the inputs whose path below the folder given hashes
    /// to I, the same split on every machine.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Read - as JSON Lines of {"id","text"} pages, or {"id","bytes_b64"} for a page's bytes as
    /// they are in its file (any encoding, ALTO, gzip), e.g. from Spark's RDD.pipe; bad records
    /// are reported by their id and skipped.
    #[arg(long)]
    pub stdin_jsonl: bool,
    /// Stop a page still being worked on after this many seconds and report it as failed (kind
    /// "timeout"); the run goes on with the next page.
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    pub page_timeout: Option<std::time::Duration>,
    /// Change the linker's weights for this run: a TOML file of `name = value` lines (every
    /// language) and `[zh]`, `[en]`, `[fr]`, `[de]`, `[und-Latn]` (or `[latin]`) tables (one language's), over
    /// the built-in ones; e.g. one `tools/fit.py` wrote for a paper's pages. An unknown name or a
    /// bad value stops the run before any page is read.
    #[arg(long, value_name = "FILE", value_parser = tuning_file)]
    pub params: Option<std::sync::Arc<newsseg::lang::Tuning>>,
    /// Refuse pages larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Config::default().max_page_bytes)]
    pub max_page_bytes: usize,
    /// Analyse lines longer than this many bytes in pieces.
    #[arg(long, value_name = "BYTES", default_value_t = Config::default().max_line_bytes)]
    pub max_line_bytes: usize,
    /// Read every page in this encoding instead of detecting it (a WHATWG label: utf-8, utf-16le,
    /// gb18030, gbk, big5, windows-1252, latin1, ...).
    #[arg(long, value_name = "LABEL", value_parser = encoding_label)]
    pub encoding: Option<String>,
    /// How to read a structured page (ALTO, hOCR, PAGE-XML): in the file's own block order
    /// (archive vendors write blocks article by article), from the geometry (each headline owns
    /// the columns under it; for Tesseract, which writes blocks by layout region), or auto (by
    /// what made the file). On a text page, `file` says its text is already in reading order,
    /// article after article (an archive's text export): each paragraph stays under the story it
    /// is printed in. Not for text read column by column, whose stories resume further down.
    #[arg(long, value_name = "auto|file|geometry", default_value = "auto")]
    pub reading_order: newsseg::geometry::ReadingOrder,
    /// Also write each ALTO page's articles back as METS here: DIR/PAGE.mets.xml, paths mirrored
    /// as -o does, whose logical structMap names the ALTO TextBlocks of each article's headline,
    /// bylines and paragraphs (the Europeana Newspapers / docWorks profile). hOCR, PAGE-XML and text
    /// pages get none; the run says so once.
    #[arg(long, value_name = "DIR")]
    pub mets: Option<PathBuf>,
    /// Also write a review page beside each page's JSON (DIR/PAGE.html: its lines tinted by
    /// article, its articles, continuations and doubts, its regions for ALTO, hOCR and PAGE-XML),
    /// and DIR/index.html listing the run's pages. Self-contained: opens from disk, offline.
    #[arg(long, requires = "out")]
    pub html: bool,
    /// Where review pages find the scans of ALTO, hOCR and PAGE-XML pages, to draw the regions
    /// over: the image the file names (or one named like the page) in DIR, in the page's own
    /// subfolder or at the top; as PNG, JPEG, WebP or GIF, which browsers show (TIFF and JPEG 2000
    /// they do not). Referenced, not copied.
    #[arg(long, value_name = "DIR", requires = "html")]
    pub images: Option<PathBuf>,
}

/// A positive number of seconds, whole or not.
fn seconds(s: &str) -> Result<std::time::Duration, String> {
    let bad = || format!("'{s}' is not a number of seconds above 0 (e.g. 60 or 2.5)");
    let v: f64 = s.trim().trim_end_matches('s').parse().map_err(|_| bad())?;
    if !(v > 0.0 && v.is_finite()) {
        return Err(bad());
    }
    std::time::Duration::try_from_secs_f64(v).map_err(|_| bad())
}

/// Reads and checks a `--params` file when the flags are read.
fn tuning_file(path: &str) -> Result<std::sync::Arc<newsseg::lang::Tuning>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    newsseg::lang::Tuning::from_file_text(&text).map(std::sync::Arc::new).map_err(|e| format!("{path}: {e}"))
}

/// Checks the label when the flags are read, so a typo stops the run before any page is read.
fn encoding_label(s: &str) -> Result<String, String> {
    newsseg::source::encoding_for_label(s).map(|_| s.to_string()).map_err(|e| e.message().to_string())
}

impl ProcessArgs {
    pub fn config(&self) -> Config {
        Config {
            lang: self.lang,
            max_page_bytes: self.max_page_bytes,
            max_line_bytes: self.max_line_bytes.max(256),
            encoding: self.encoding.clone(),
            reading_order: self.reading_order,
            page_timeout: self.page_timeout,
            tuning: self.params.clone(),
            ..Config::default()
        }
    }

    pub fn job(&self) -> Job {
        Job {
            inputs: self.inputs.clone(),
            out: self.out.clone(),
            cfg: self.config(),
            threads: self.threads.map(|n| n as usize),
            quiet: self.quiet,
            pretty: self.pretty,
            resume: self.resume,
            fsync: self.fsync,
            report: self.report.clone(),
            shard: self.shard,
            stdin_jsonl: self.stdin_jsonl,
            mets: self.mets.clone(),
            html: self.html,
            images: self.images.clone(),
            ext: self.ext.iter().map(|e| e.trim().trim_start_matches('.').to_string()).collect(),
        }
    }
}
