//! One test binary for the whole crate's outside view; each module covers one area.

mod cli;
