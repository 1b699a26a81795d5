//! Replays the committed fuzz inputs (fuzz/regressions/: crashes the fuzzer found, and a few dozen
//! inputs from its corpus that reach far into the pipeline) as ordinary tests, so the fuzzer itself
//! stays out of CI.

use crate::common::problems;
use newsseg::{Config, ErrorKind};
use std::path::Path;

#[test]
fn fuzz_regressions_replay() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("fuzz/regressions exists").map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    let cfg = Config::default();
    let mut failed = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        // Each input on its own, so one failure names its file and the others still run.
        match std::panic::catch_unwind(|| newsseg::process_page(&cfg, "fuzz", None, &bytes)) {
            Err(_) => failed.push(format!("{name}: panicked")),
            Ok(Err(e)) if !matches!(e.kind(), ErrorKind::Binary | ErrorKind::BadInput | ErrorKind::TooLarge) => {
                failed.push(format!("{name}: unexpected error {e}"))
            }
            Ok(Err(_)) => {}
            Ok(Ok(page)) => failed.extend(problems(&cfg, &bytes, &page).into_iter().map(|p| format!("{name}: {p}"))),
        }
    }
    assert!(failed.is_empty(), "{} of {} inputs failed:\n{}", failed.len(), files.len(), failed.join("\n"));
}
