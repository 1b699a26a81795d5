//! One test binary for the whole crate: golden pages, the sample page, the nothing-lost rule,
//! regressions named after the bug they pin down, and the command line.

mod cli;
mod coverage;
mod english;
mod golden;
mod regression;
mod sample;
