//! What an archive's batch run needs besides speed, each failure of issue 23's list pinned: an
//! oversized page refused before it is read, standard input and records read only up to the
//! limit, a runaway page stopped by --page-timeout while the run goes on, records named by their
//! id and sent as bytes, a run that finds nothing or cannot write saying so before any page, -o
//! naming a file, --ext, the version that made each page and --resume across versions, and
//! messages that name only flags users have. Run on the built binary.

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use crate::common::run_bin as run;
use crate::common::{newsseg, text};

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = newsseg().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The run may refuse before it has read everything: a closed pipe is what that looks like.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

const ZH: &str = "## 西瓜上市\n\n通讯员 高军\n\n眼下，西瓜陆续成熟，新鲜上市。瓜农们每天凌晨就开始采摘西瓜、装箱，运往各地市场。\n";
const EN: &str = "MARKETS RALLY\n\nBy Jane Doe, Reuters\n\nNEW YORK, March 3 - Stocks rose sharply on Tuesday.\n";

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    // 64 GiB of nothing (a sparse file): read whole, as before, it could not even be allocated.
    let t = tempfile::tempdir().unwrap();
    let big = t.path().join("volume.txt");
    std::fs::File::create(&big).unwrap().set_len(64 << 30).unwrap();
    let o = run(&["process", big.to_str().unwrap(), "-q"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("68719476736 bytes is over the page limit of 67108864 bytes (raise it with --max-page-bytes)"), "{err}");
}

#[test]
fn standard_input_and_records_are_read_up_to_the_limit() {
    let o = with_stdin(&["process", "-", "--max-page-bytes", "1000", "-q"], &vec![b'a'; 50_000]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("standard input is over the page limit of 1000 bytes"), "{}", text(&o.stderr));
    // A record too long is skipped, named by the id it starts with; the next one is read.
    let long = format!("{{\"id\":\"scans/p1.txt\",\"text\":\"{}\"}}\n{{\"id\":\"p2\",\"text\":{}}}\n", "x".repeat(200_000), serde_json::to_string(EN).unwrap());
    let o = with_stdin(&["process", "--stdin-jsonl", "-", "--max-page-bytes", "1000", "-q"], long.as_bytes());
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("record \"scans/p1.txt\" (line 1 of standard input): record of 200032 bytes is over the limit"), "{err}");
    assert_eq!(text(&o.stdout).lines().count(), 1);
}

#[test]
fn records_are_named_by_their_id_and_may_come_as_bytes() {
    // A GB18030 page sent as text is already garbled by whoever decoded it; sent as its bytes, it
    // is read as a file is, and comes out Chinese.
    use base64::Engine;
    let (gb, _, _) = encoding_rs::GB18030.encode(ZH);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&gb);
    let input = format!(
        "{{\"id\":\"hdfs:///a/gb.txt\",\"bytes_b64\":\"{b64}\"}}\n{{\"id\":\"hdfs:///a/bad.txt\",\"bytes_b64\":\"not base64!\"}}\n{{\"id\":\"hdfs:///a/broken.txt\",\"text\":\"cut\n{{\"id\":\"hdfs:///a/en.txt\",\"text\":{}}}\n",
        serde_json::to_string(EN).unwrap()
    );
    let o = with_stdin(&["process", "--stdin-jsonl", "-", "-q"], input.as_bytes());
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let pages: Vec<serde_json::Value> = text(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(pages.len(), 2, "{err}");
    assert_eq!((pages[0]["id"].as_str(), pages[0]["language"].as_str(), pages[0]["source"]["encoding"].as_str()), (Some("hdfs:///a/gb.txt"), Some("zh"), Some("gb18030")));
    assert_eq!(pages[0]["articles"][0]["headline"], "西瓜上市");
    assert!(err.contains("record \"hdfs:///a/bad.txt\" (line 2 of standard input): \"bytes_b64\" is not base64"), "{err}");
    assert!(err.contains("record \"hdfs:///a/broken.txt\" (line 3 of standard input): not a JSON record: EOF while parsing a string"), "{err}");
    assert!(!err.contains("-:"), "{err}");
}

#[test]
fn a_runaway_page_times_out_and_the_run_goes_on() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    std::fs::create_dir_all(&pages).unwrap();
    // Thousands of stories sharing their words: a page far too slow for a millisecond.
    let mut slow = String::new();
    for i in 0..20_000 {
        slow.push_str(&format!("FIRE NUMBER {i}\n\nThe fire burned the old mill down on Tuesday, and the town\nwatched it burn.\n\n"));
    }
    std::fs::write(pages.join("a-slow.txt"), slow).unwrap();
    std::fs::write(pages.join("b-quick.txt"), EN).unwrap();
    let report = t.path().join("report.json");
    let out = t.path().join("out");
    let o = run(&["process", pages.to_str().unwrap(), "-o", out.to_str().unwrap(), "--page-timeout", "0.001", "--report", report.to_str().unwrap(), "-q"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("a-slow.txt: stopped after 0.001 s (--page-timeout)"), "{err}");
    assert!(out.join("b-quick.json").exists() && !out.join("a-slow.json").exists());
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!((rep["pages"].as_u64(), rep["failures"][0]["kind"].as_str()), (Some(1), Some("timeout")), "{rep}");
    let r = run(&["process", pages.to_str().unwrap(), "--page-timeout", "soon"]);
    assert_eq!(r.status.code(), Some(2));
}

#[test]
fn a_run_that_finds_no_pages_says_so_and_fails() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("p1.tei"), EN).unwrap();
    std::fs::write(t.path().join("notes.json"), "{}").unwrap();
    let dir = t.path().to_str().unwrap();
    let o = run(&["process", dir]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("no page files found (a folder is searched for *.txt, *.md") && err.contains("--ext"), "{err}");
    // --ext names the others; a file named directly is read whatever its name.
    let o = run(&["process", dir, "--ext", "tei", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).lines().count(), 1);
    assert_eq!(run(&["process", t.path().join("p1.tei").to_str().unwrap(), "-q"]).status.code(), Some(0));
    assert_eq!(run(&["process", dir, "--ext", ".tei", "-q"]).status.code(), Some(0));
    assert_eq!(run(&["process", dir, "--ext", "*.tei"]).status.code(), Some(2));
}

/// A folder of `n` small pages.
fn pages(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(dir.join(format!("p{i:03}.txt")), if i % 2 == 0 { EN } else { ZH }).unwrap();
    }
}

#[test]
fn outputs_that_cannot_be_written_stop_the_run_before_its_first_page() {
    let t = tempfile::tempdir().unwrap();
    let input = t.path().join("in");
    pages(&input, 30);
    let i = input.to_str().unwrap();
    let afile = t.path().join("afile");
    std::fs::write(&afile, "x").unwrap();
    let a = afile.to_str().unwrap();
    let report_in_file = format!("{a}/report.json");
    let out_in_file = format!("{a}/out");
    let json_dir = t.path().join("json");
    for (args, says) in [
        (vec!["process", i, "-o", a], "-o {a}: is a file; -o names the folder each page's output goes into"),
        (vec!["process", i, "-o", &out_in_file], "-o {a}/out: cannot make the folder"),
        (vec!["process", i, "-o", json_dir.to_str().unwrap(), "--report", &report_in_file], "--report {a}/report.json: cannot write in {a}"),
        (vec!["process", i, "--report", i], "is a folder; --report names the file"),
    ] {
        let o = run(&args);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&says.replace("{a}", a)), "{args:?}: {err}");
        assert!(o.stdout.is_empty() && !err.contains("pages,"), "{args:?}: pages were processed first:\n{err}");
    }
    // No page was written to the folder the report could not join.
    assert!(std::fs::read_dir(&json_dir).map_or(0, |d| d.count()) == 0);
}

#[test]
fn every_page_names_its_maker_and_resume_redoes_another_versions_pages() {
    let t = tempfile::tempdir().unwrap();
    let input = t.path().join("in");
    pages(&input, 4);
    let out = t.path().join("out");
    let (i, o) = (input.to_str().unwrap(), out.to_str().unwrap());
    assert!(run(&["process", i, "-o", o, "-q"]).status.success());
    let page: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("p000.json")).unwrap()).unwrap();
    assert_eq!(page["generator"], serde_json::json!({"name": "newsseg", "version": env!("CARGO_PKG_VERSION")}));
    // One page as an older version wrote it, one with no maker at all.
    let mine = std::fs::read_to_string(out.join("p001.json")).unwrap();
    std::fs::write(out.join("p001.json"), mine.replace(&format!("\"version\":\"{}\"", env!("CARGO_PKG_VERSION")), "\"version\":\"0.0.1\"")).unwrap();
    let other = std::fs::read_to_string(out.join("p002.json")).unwrap();
    let no_maker = other.replacen(&format!("\"generator\":{{\"name\":\"newsseg\",\"version\":\"{}\"}},", env!("CARGO_PKG_VERSION")), "", 1);
    assert_ne!(other, no_maker);
    std::fs::write(out.join("p002.json"), no_maker).unwrap();
    let report = t.path().join("r.json");
    let r = run(&["process", i, "-o", o, "--resume", "--report", report.to_str().unwrap()]);
    let err = text(&r.stderr);
    assert!(r.status.success(), "{err}");
    assert!(err.contains("--resume: 2 page(s) in the output folder were made by another version of newsseg"), "{err}");
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!((rep["pages"].as_u64(), rep["skipped"].as_u64()), (Some(2), Some(2)), "{rep}");
    assert_eq!(std::fs::read_to_string(out.join("p001.json")).unwrap(), mine);
    // Pretty files are recognised too.
    let pretty = t.path().join("pretty");
    assert!(run(&["process", i, "-o", pretty.to_str().unwrap(), "--pretty", "-q"]).status.success());
    let r = run(&["process", i, "-o", pretty.to_str().unwrap(), "--pretty", "--resume"]);
    assert!(text(&r.stderr).contains("4 skipped"), "{}", text(&r.stderr));
}

#[test]
fn messages_name_only_flags_users_have() {
    let mut page = String::new();
    for i in 0..200 {
        page.push_str(&format!("STORY NUMBER {i}\n\nSomething happened in town {i} on Tuesday, officials said\n\n"));
    }
    let o = with_stdin(&["process", "-", "-q"], page.as_bytes());
    let out = text(&o.stdout);
    assert!(out.contains("link-bounded"), "the page is past the linker's bound");
    assert!(!out.contains("Config::") && !out.contains("max_link_candidates"), "{out}");
}

#[test]
fn completions_and_a_manual_page_come_from_the_flags() {
    let bash = run(&["completions", "bash"]);
    assert!(bash.status.success());
    assert!(text(&bash.stdout).contains("--page-timeout") && text(&bash.stdout).contains("--stdin-jsonl"));
    let man = run(&["man"]);
    assert!(man.status.success());
    let roff = text(&man.stdout);
    assert!(roff.starts_with(".ie") || roff.contains(".TH newsseg"), "{}", &roff[..200.min(roff.len())]);
    assert!(roff.contains("page\\-timeout") && roff.contains("max\\-page\\-bytes"), "the manual lists process's flags");
}
