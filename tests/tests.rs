//! One test binary for the whole crate: golden pages, the sample page, the nothing-lost rule, and
//! regressions named after the bug they pin down.

mod coverage;
mod golden;
mod regression;
mod sample;
