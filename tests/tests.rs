//! One test binary for the whole crate, a module per area: golden pages, the sample page, the
//! nothing-lost rule, English pages, regressions named after the bug they pin down, the command
//! line, encodings, degenerate pages, property tests, the fuzz corpus replayed and the structured-OCR
//! readers (ALTO, hOCR, PAGE-XML) against hostile and real files.

mod cli;
mod common;
mod coverage;
mod degenerate;
mod encodings;
mod english;
mod fuzz_corpus;
mod golden;
mod ocrxml;
mod props;
mod regression;
mod sample;
mod scan;
