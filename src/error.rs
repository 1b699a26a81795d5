//! The library's error type: what went wrong with one page or one run, with a kind callers can match on.

use std::fmt;
use std::path::PathBuf;

/// What kind of failure an [`Error`] is; new kinds may be added.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input could not be read (permissions, missing file, I/O fault).
    Io,
    /// The input is not text: a binary file named like a page.
    Binary,
    /// The input exceeds a configured limit and was refused.
    TooLarge,
    /// The input is text but in a form newsseg cannot take (bad JSON Lines record, unknown encoding label).
    BadInput,
    /// Writing output failed.
    Output,
    /// A flag or configuration value is invalid.
    Config,
    /// The page's work went past its deadline (`Config::page_timeout`) and was stopped.
    Timeout,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::Io => "io",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::BadInput => "bad-input",
            ErrorKind::Output => "output",
            ErrorKind::Config => "config",
            ErrorKind::Timeout => "timeout",
        })
    }
}

/// An error on one page or in the run's set-up, naming the file it concerns where there is one.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    message: String,
    source: Option<std::io::Error>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, path: None, message: message.into(), source: None }
    }

    pub fn io(path: impl Into<PathBuf>, err: std::io::Error) -> Self {
        let message = err.to_string();
        Error { kind: ErrorKind::Io, path: Some(path.into()), message, source: Some(err) }
    }

    /// Attaches the path of the file this error concerns, if none is set yet.
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        if self.path.is_none() {
            self.path = Some(path.into());
        }
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
