//! Golden pages: every fixtures/<case>/page.txt must give exactly fixtures/<case>/expected.json.
//! A difference prints a line diff; `NEWSSEG_BLESS=1 cargo test golden` rewrites the expected files
//! (read the diff first: a golden file is a reviewed answer, not a recording).

use newsseg::{emit, process_page, Config};
use std::path::{Path, PathBuf};

pub fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("page.txt").exists())
        .collect();
    dirs.sort();
    dirs
}

pub fn run(dir: &Path) -> (Vec<u8>, newsseg::Page) {
    let bytes = std::fs::read(dir.join("page.txt")).expect("page.txt readable");
    let id = dir.file_name().expect("named").to_string_lossy().into_owned();
    let page = process_page(&Config::default(), &id, Some(&format!("fixtures/{id}/page.txt")), &bytes).expect("page processes");
    (bytes, page)
}

#[test]
fn fixtures_match_their_expected_json() {
    let bless = std::env::var_os("NEWSSEG_BLESS").is_some();
    let mut failed = Vec::new();
    for dir in fixture_dirs() {
        let (_, page) = run(&dir);
        let got = emit::to_json_pretty(&page);
        let path = dir.join("expected.json");
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got == want {
            continue;
        }
        if bless {
            std::fs::write(&path, &got).expect("expected.json writable");
            continue;
        }
        let diff = similar::TextDiff::from_lines(&want, &got);
        let mut report = format!("\n=== {} differs (- expected, + got):\n", dir.display());
        for hunk in diff.unified_diff().context_radius(2).iter_hunks().take(6) {
            report.push_str(&hunk.to_string());
        }
        failed.push(report);
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn fixtures_lose_nothing() {
    for dir in fixture_dirs() {
        let (bytes, page) = run(&dir);
        let problems = super::coverage::problems(&bytes, &page);
        assert!(problems.is_empty(), "{}: {:?}", dir.display(), problems);
    }
}

#[test]
fn output_is_deterministic() {
    for dir in fixture_dirs() {
        let a = emit::to_json_pretty(&run(&dir).1);
        let b = emit::to_json_pretty(&run(&dir).1);
        assert_eq!(a, b, "{}", dir.display());
    }
}
