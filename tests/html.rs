//! `--html` through the binary: a review page beside every JSON and an index, the JSON the same as
//! without the flag, the same bytes at any -j and after a killed run resumed, the index never
//! overwritten by a page, scans found (or not) under `--images` and referenced relative to the page.
//! What the pages do in a browser is tested in `browser`.

use std::path::{Path, PathBuf};

use crate::common::run_bin as newsseg;
use crate::common::{fixture, text};

/// Every file below `dir`, by its path below it, with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    out.sort();
    out
}

/// A folder of three pages: the sample page, the ALTO fixture, and a page whose text is markup.
fn inputs(dir: &Path) -> PathBuf {
    let inp = dir.join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    std::fs::copy(fixture("zh-qingpu-sample", "page.txt"), inp.join("qingpu.txt")).unwrap();
    std::fs::copy(fixture("en-millbrook-1911-alto", "page.xml"), inp.join("sub/millbrook.xml")).unwrap();
    std::fs::write(inp.join("sub/hostile.txt"), "NOTICE <script>alert(1)</script>\n\nBy A. <img src=x onerror=alert(2)> Writer\n\nText </script><!-- here.\n").unwrap();
    inp
}

#[test]
fn html_pages_sit_beside_the_json_which_is_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = inputs(tmp.path());
    let (plain, html) = (tmp.path().join("plain"), tmp.path().join("html"));
    let a = newsseg(&["process", inp.to_str().unwrap(), "-o", plain.to_str().unwrap(), "-q"]);
    let b = newsseg(&["process", inp.to_str().unwrap(), "-o", html.to_str().unwrap(), "-q", "--html"]);
    assert!(a.status.success() && b.status.success(), "{}{}", text(&a.stderr), text(&b.stderr));
    let (plain, html) = (tree(&plain), tree(&html));
    let names: Vec<&str> = html.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["index.html", "qingpu.html", "qingpu.json", "sub/hostile.html", "sub/hostile.json", "sub/millbrook.html", "sub/millbrook.json"]);
    let json: Vec<_> = html.iter().filter(|(n, _)| n.ends_with(".json")).cloned().collect();
    assert_eq!(json, plain, "the JSON does not change with --html");
    let page = |n: &str| text(&html.iter().find(|(x, _)| x == n).unwrap().1);
    // Each page links back to the index, wherever it sits; the index links to each page.
    assert!(page("qingpu.html").contains("<a href=\"index.html\">"));
    assert!(page("sub/millbrook.html").contains("<a href=\"../index.html\">"));
    let index = page("index.html");
    for p in ["qingpu.html", "sub/hostile.html", "sub/millbrook.html"] {
        assert!(index.contains(&format!("\"{p}\"")), "{p} in the index");
    }
    let hostile = page("sub/hostile.html");
    assert_eq!(hostile.matches("<script").count(), 1);
    assert!(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !hostile.contains("<img"));
    // The structured page draws its blocks and lines in its own units.
    let alto = page("sub/millbrook.html");
    assert!(alto.contains("<svg viewBox=\"0 0 2000 1900\""), "the page size of the ALTO");
    assert!(alto.contains("<rect class=\"blk c0\" data-article=\""));
}

#[test]
fn the_same_bytes_at_any_thread_count_and_after_a_resume() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = inputs(tmp.path());
    let (one, two) = (tmp.path().join("j1"), tmp.path().join("j2"));
    for (dir, j) in [(&one, "1"), (&two, "2")] {
        let o = newsseg(&["process", inp.to_str().unwrap(), "fixtures", "-o", dir.to_str().unwrap(), "-q", "--html", "-j", j]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let first = tree(&one);
    assert_eq!(first, tree(&two));
    // As a killed run leaves it: one page without its review page, one without anything.
    std::fs::remove_file(one.join("qingpu.html")).unwrap();
    std::fs::remove_file(one.join("sub/millbrook.html")).unwrap();
    std::fs::remove_file(one.join("sub/millbrook.json")).unwrap();
    std::fs::write(one.join("sub/hostile.html"), "<!DOCTYPE html>\n<p>cut short").unwrap();
    std::fs::remove_file(one.join("index.html")).unwrap();
    let o = newsseg(&["process", inp.to_str().unwrap(), "fixtures", "-o", one.to_str().unwrap(), "--html", "-j", "2", "--resume"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("3 pages") && text(&o.stderr).contains("7 skipped"), "{}", text(&o.stderr));
    assert_eq!(tree(&one), first, "the resumed run's files, index included, are the clean run's");
}

#[test]
fn no_page_overwrites_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = tmp.path().join("in");
    std::fs::create_dir_all(inp.join("deeper")).unwrap();
    std::fs::write(inp.join("index.txt"), "A PAGE CALLED INDEX\n\nIts text.\n").unwrap();
    std::fs::write(inp.join("deeper/index.txt"), "ANOTHER\n\nIts text.\n").unwrap();
    // Another file on Linux, the index itself on a case-blind file system.
    std::fs::write(inp.join("INDEX.md"), "A PAGE CALLED INDEX\n\nIts text.\n").unwrap();
    let out = tmp.path().join("out");
    let o = newsseg(&["process", inp.to_str().unwrap(), "-o", out.to_str().unwrap(), "--html", "-q"]);
    assert_eq!(o.status.code(), Some(1));
    for page in ["index.txt", "INDEX.md"] {
        assert!(text(&o.stderr).contains(&format!("{page}: its review page would be the run's index, index.html")), "{}", text(&o.stderr));
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("newsseg review · 1 page<") && index.contains("would be the run") && index.contains("\"deeper/index.html\""));
    assert!(out.join("deeper/index.html").is_file());
    // A shard's index has a name of its own, so shards can share the folder.
    let shard = tmp.path().join("shard");
    let o = newsseg(&["process", inp.to_str().unwrap(), "-o", shard.to_str().unwrap(), "--html", "-q", "--shard", "0/1"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(shard.join("index-s0of1.html").is_file() && shard.join("index.html").is_file() && shard.join("index.json").is_file());
    assert!(std::fs::read_to_string(shard.join("index.html")).unwrap().contains("href=\"index-s0of1.html\""));
}

#[test]
fn scans_are_found_and_referenced_not_copied() {
    let tmp = tempfile::tempdir().unwrap();
    let (inp, scans) = (tmp.path().join("in/2019"), tmp.path().join("scans/2019"));
    std::fs::create_dir_all(&inp).unwrap();
    std::fs::create_dir_all(&scans).unwrap();
    // The hOCR names page.png; the scan is there as a JPEG only, in the folder mirroring the page's.
    std::fs::copy(fixture("en-millbrook-1911-hocr", "page.hocr"), inp.join("p1.hocr")).unwrap();
    std::fs::copy(fixture("en-millbrook-1911-hocr", "page.png"), scans.join("page.jpg")).unwrap();
    // The ALTO names millbrook-1911-05-06-p3.png, which is nowhere.
    std::fs::copy(fixture("en-millbrook-1911-alto", "page.xml"), inp.join("p2.xml")).unwrap();
    let out = tmp.path().join("out");
    let o = newsseg(&["process", tmp.path().join("in").to_str().unwrap(), "-o", out.to_str().unwrap(), "--html", "--images", tmp.path().join("scans").to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let found = std::fs::read_to_string(out.join("2019/p1.html")).unwrap();
    let href = "../../scans/2019/page.jpg";
    assert!(found.contains(&format!("<image href=\"{href}\"")), "the scan by a relative reference");
    assert!(out.join("2019").join(href).is_file(), "which leads to the scan");
    assert_eq!(walkdir::WalkDir::new(&out).into_iter().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "jpg")).count(), 0, "no copy");
    let missing = std::fs::read_to_string(out.join("2019/p2.html")).unwrap();
    assert!(!missing.contains("<image ") && missing.contains("No scan found in") && missing.contains("millbrook-1911-05-06-p3.png"));
    let stderr = text(&o.stderr);
    let warned: Vec<&str> = stderr.lines().filter(|l| l.contains("--images")).collect();
    assert_eq!(warned.len(), 1, "said once: {stderr}");
    assert!(warned[0].contains("p2.xml"));
}

#[test]
fn html_needs_an_output_folder() {
    let page = fixture("en-wire-1987", "page.txt");
    let o = newsseg(&["process", page.to_str().unwrap(), "--html"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--out"), "{}", text(&o.stderr));
    let o = newsseg(&["process", page.to_str().unwrap(), "-o", "/tmp/never-made", "--images", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!Path::new("/tmp/never-made").exists());
}

/// Regression: a run over a folder that held review pages read each of them as a text page of
/// markup, and wrote its "articles" without a word of warning. They are refused, each named.
#[test]
fn review_pages_and_other_web_pages_are_refused_not_read_as_text() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = newsseg(&["process", fixture("en-wire-1987", "page.txt").to_str().unwrap(), "-o", out.to_str().unwrap(), "--html", "-q"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    std::fs::write(out.join("web.html"), "<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Harbor board meets</p></body></html>\n").unwrap();
    let again = tmp.path().join("again");
    let o = newsseg(&["process", out.to_str().unwrap(), "-o", again.to_str().unwrap()]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("index.html") && err.contains("a newsseg review page"), "{err}");
    assert!(err.contains("page.html") && err.contains("web.html") && err.contains("no hOCR"), "{err}");
    assert!(!again.join("index.json").exists() && !again.join("web.json").exists());
}
