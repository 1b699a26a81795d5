//! Fuzz target `page`: any bytes through the whole page pipeline with the default settings. The
//! page must come out keeping every span invariant (the checks of tests/common.rs, the nothing-lost
//! rule of coverage.py), or be refused with a typed error; a panic is a crash.
//!
//!     cargo fuzz run -s none page -- -max_total_time=600
//!
//! Crashes become files in ../regressions/, which `cargo test` replays.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsseg::{Config, ErrorKind};

#[allow(dead_code)]
#[path = "../../tests/common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let cfg = Config::default();
    match newsseg::process_page(&cfg, "fuzz", None, data) {
        Ok(page) => {
            let bad = common::problems(&cfg, data, &page);
            assert!(bad.is_empty(), "{bad:#?}");
        }
        Err(e) => assert!(matches!(e.kind(), ErrorKind::Binary | ErrorKind::BadInput | ErrorKind::TooLarge), "{e}"),
    }
});
