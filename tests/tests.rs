//! The integration tests, built as one binary: a module per area.

mod common;
mod degenerate;
mod encodings;
mod fuzz_corpus;
mod props;
