//! One test binary for the whole crate, a module per area: golden pages, the sample page, the
//! nothing-lost rule, English pages, regressions named after the bug they pin down, the command
//! line, encodings, degenerate pages, property tests and the fuzz corpus replayed.

mod cli;
mod common;
mod coverage;
mod degenerate;
mod encodings;
mod english;
mod fuzz_corpus;
mod golden;
mod props;
mod regression;
mod sample;
