//! Command-line flags, parsed into a run's settings; nothing else.

use crate::config::{Config, LangChoice};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  newsseg process page.txt                      one page, JSON Lines on stdout
  newsseg process scans/ -o json/               a folder tree, one JSON file per page
  newsseg process - < page.txt                  a page on stdin
  newsseg process scans/ -o json/ --lang zh -j 8
  newsseg schema > page.schema.json             the JSON Schema of a page";

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
    Process(ProcessArgs),
    /// Print the JSON Schema of the page object.
    Schema,
}

#[derive(Debug, Args)]
pub struct ProcessArgs {
    /// Page files, folders (searched recursively for *.txt and *.md), or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write one JSON file per page here, mirroring the inputs' relative paths. Without it, JSON
    /// Lines go to stdout, one page per line, in input order.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Language rules to apply: auto (decide per page), zh or en.
    #[arg(long, default_value = "auto", value_name = "auto|zh|en")]
    pub lang: LangChoice,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Indent the JSON files written with -o.
    #[arg(long)]
    pub pretty: bool,
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
}

/// Checks the label when the flags are read, so a typo stops the run before any page is read.
fn encoding_label(s: &str) -> Result<String, String> {
    crate::source::encoding_for_label(s).map(|_| s.to_string()).map_err(|e| e.message().to_string())
}

impl ProcessArgs {
    pub fn config(&self) -> Config {
        Config {
            lang: self.lang,
            max_page_bytes: self.max_page_bytes,
            max_line_bytes: self.max_line_bytes.max(256),
            encoding: self.encoding.clone(),
            ..Config::default()
        }
    }
}
