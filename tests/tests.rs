//! One test binary for the whole crate, a module per area: batch runs at archive scale (limits,
//! timeouts, records, early failures, provenance), golden pages, the sample page, the
//! nothing-lost rule, English pages, regressions named after the bug they pin down (pages in other
//! languages in regression_lang), common words kept on the real French and German pages, the
//! command line, encodings, degenerate pages, property tests (of text and of random ALTO pages),
//! the fuzz corpus replayed, work that grows in proportion to a page's size, the structured-OCR
//! readers (ALTO, hOCR, PAGE-XML) against hostile and real files, the METS written back, the HTML
//! review pages (their files, and what they do in headless Chromium), the source tree's layout (no
//! import circle, no file over 800 lines), the README's example and its Slurm and Spark recipes,
//! and the page schema checked against every fixture.

mod alto_props;
mod archive;
mod browser;
mod cli;
mod common;
mod common_words;
mod coverage;
mod degenerate;
mod encodings;
mod english;
mod fuzz_corpus;
mod golden;
mod growth;
mod html;
mod layout;
mod mets;
mod ocrxml;
mod props;
mod readme;
mod recipes;
mod regression;
mod regression_lang;
mod sample;
mod scan;
mod schema;
