//! The review pages in a real browser: headless Chromium loads the sample page's, the ALTO
//! fixture's and two hostile pages' review pages (a text page and an ALTO page whose words and block
//! id are markup) with the run's index into a harness (tests/data/review_harness.js), which clicks
//! and hovers them and reports what the DOM then holds: every article there, clicking an article
//! marks its lines and boxes and scrolls to them, clicking a line brings its article, a narrow
//! window gets one column, no injected `<script>` or `onerror=` ran, and (the control) the same text
//! written unescaped does run, so the checks can tell. Chromium is `chromium` on the PATH, or
//! `NEWSSEG_CHROMIUM`; without it the test is skipped with a note, except under CI (`CI` set),
//! where it fails.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const HARNESS: &str = include_str!("data/review_harness.js");

/// The injected code: each would set a global and change the title if it ran.
const SCRIPT: &str = "<script>window.pwned=1;document.title='pwned'</script>";
const IMG: &str = "<img src=x onerror=\"window.pwned2=1;document.title='pwned2'\">";

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSSEG_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n))).find(|p| p.is_file())
}

/// Whether a missing browser is a failure: under CI, where .ci/run installs it.
fn required() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

use crate::common::fixture;

/// The ALTO fixture with markup for words and for a block's id, as a hostile file could have them.
fn hostile_alto() -> String {
    let alto = std::fs::read_to_string(fixture("en-millbrook-1911-alto", "page.xml")).unwrap();
    let attr = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;");
    let swapped = alto
        .replacen("CONTENT=\"RIVER\"", &format!("CONTENT=\"{}\"", attr(SCRIPT)), 1)
        .replacen("CONTENT=\"Heavy\"", &format!("CONTENT=\"{}\"", attr(IMG)), 1)
        .replacen("TextBlock ID=\"TB01\"", &format!("TextBlock ID=\"{}\"", attr("TB01\" onmouseover=\"window.pwned3=1")), 1);
    assert_eq!(swapped.matches("pwned").count(), 5, "the fixture still has the words replaced");
    swapped
}

/// What the harness expects of a review page, from the page's JSON.
fn expect_page(json: &serde_json::Value, frame: &str) -> serde_json::Value {
    let lines = json["lines"].as_array().unwrap();
    let articles: Vec<serde_json::Value> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let id = a["id"].as_str().unwrap();
            let mine = lines.iter().filter(|l| l["article"] == id);
            serde_json::json!({
                "id": id,
                "lines": mine.clone().count(),
                "boxes": mine.filter(|l| l.get("region").is_some()).count(),
                "regions": a.get("regions").and_then(|r| r.as_array()).map_or(0, Vec::len),
            })
        })
        .collect();
    let continuations: usize = json["articles"].as_array().unwrap().iter().map(|a| a["continuations"].as_array().unwrap().len()).sum();
    serde_json::json!({
        "frame": frame,
        "articles": articles,
        "structured": json["source"].get("format").is_some(),
        "continuations": continuations,
        "title": format!("{} · newsseg review", json["id"].as_str().unwrap()),
    })
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).expect("percent escape"));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// Loads `harness` in headless Chromium and returns the DOM it dumps once its script has run.
fn dump_dom(browser: &Path, harness: &Path, profile: &Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            // Frames of file:// pages are one origin only so; the harness reads their DOM.
            "--allow-file-access-from-files",
            "--virtual-time-budget=20000",
            "--window-size=1400,1000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", harness.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let t0 = Instant::now();
    loop {
        if child.try_wait().expect("chromium can be waited for").is_some() {
            break;
        }
        if t0.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 180 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("the reader ends")
}

#[test]
fn review_pages_work_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(!required(), "CI is set and Chromium is missing: .ci/run installs Debian's chromium (or set NEWSSEG_CHROMIUM)");
        // Past the test harness's capture, so the skip is seen in an ordinary `cargo test`.
        let _ = writeln!(std::io::stderr(), "note: browser test skipped: no chromium on the PATH (apt-get install chromium, or set NEWSSEG_CHROMIUM)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (inp, out) = (tmp.path().join("in"), tmp.path().join("out"));
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    std::fs::copy(fixture("zh-qingpu-sample", "page.txt"), inp.join("qingpu.txt")).unwrap();
    std::fs::copy(fixture("en-millbrook-1911-alto", "page.xml"), inp.join("sub/millbrook.xml")).unwrap();
    let hostile = format!("FLOOD {SCRIPT} WARNING\n\nBy Ann {IMG} Lee\n\nThe river rose </script><!-- all night and the town slept.\n");
    std::fs::write(inp.join("sub/hostile.txt"), &hostile).unwrap();
    std::fs::write(inp.join("sub/hostile-alto.xml"), hostile_alto()).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_newsseg")).args(["process", "-q", "--html", "-o"]).arg(&out).arg(&inp).output().expect("newsseg runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let json = |rel: &str| -> serde_json::Value { serde_json::from_slice(&std::fs::read(out.join(rel)).unwrap()).unwrap() };
    let (qingpu, millbrook) = (json("qingpu.json"), json("sub/millbrook.json"));
    assert_eq!(qingpu["articles"].as_array().unwrap().len(), 7, "the sample page's seven articles");
    let all = ["qingpu.json", "sub/hostile-alto.json", "sub/hostile.json", "sub/millbrook.json"].map(json);
    let lowest = all.iter().flat_map(|p| p["articles"].as_array().unwrap().iter().map(|a| a["confidence"].as_f64().unwrap())).fold(f64::INFINITY, f64::min);
    let expect = serde_json::json!({
        "pages": [expect_page(&qingpu, "qingpu"), expect_page(&millbrook, "millbrook")],
        "narrow": [expect_page(&qingpu, "narrow")],
        "hostile": [expect_page(&json("sub/hostile.json"), "hostile"), expect_page(&json("sub/hostile-alto.json"), "hostile_alto")],
        "index": {"pages": 4, "lowest": lowest, "hrefs": ["qingpu.html", "sub/hostile-alto.html", "sub/hostile.html", "sub/millbrook.html"]},
    });
    // The control: the hostile text written into a page as it is, which must run.
    std::fs::write(tmp.path().join("control.html"), format!("<!DOCTYPE html><html><head><title>control</title></head><body><p>{hostile}</p></body></html>")).unwrap();
    let frames = [
        ("qingpu", "out/qingpu.html", 1280),
        ("narrow", "out/qingpu.html", 420),
        ("millbrook", "out/sub/millbrook.html", 1280),
        ("hostile", "out/sub/hostile.html", 1280),
        ("hostile_alto", "out/sub/hostile-alto.html", 1280),
        ("control", "control.html", 400),
        ("index", "out/index.html", 1280),
    ];
    let mut harness = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>harness</title></head><body>\n");
    for (id, src, width) in frames {
        harness.push_str(&format!("<iframe id=\"{id}\" src=\"{src}\" width=\"{width}\" height=\"800\"></iframe>\n"));
    }
    let expect = serde_json::to_string(&expect).unwrap().replace('<', "\\u003c");
    harness.push_str(&format!("<pre id=\"out\">not run</pre>\n<script>var EXPECT = {expect};</script>\n<script>{HARNESS}</script>\n</body></html>\n"));
    let page = tmp.path().join("harness.html");
    std::fs::write(&page, harness).unwrap();

    let dom = dump_dom(&browser, &page, &tmp.path().join("profile"));
    let at = dom.find("<pre id=\"out\">").unwrap_or_else(|| panic!("no result block in what Chromium dumped:\n{}", &dom[..dom.len().min(2000)])) + 14;
    let raw = &dom[at..at + dom[at..].find("</pre>").expect("the block closes")];
    assert_ne!(raw, "not run", "the harness never reported (its script did not run, or the pages did not load)");
    let result: serde_json::Value = serde_json::from_str(&percent_decode(raw)).expect("the harness's report is JSON");
    assert_eq!(result["done"], true);
    let checks = result["checks"].as_array().unwrap();
    let failed: Vec<String> = checks.iter().filter(|c| c["ok"] != true).map(|c| format!("{}: {}", c["name"].as_str().unwrap(), c["detail"].as_str().unwrap())).collect();
    assert!(failed.is_empty(), "{} of {} browser checks failed:\n{}", failed.len(), checks.len(), failed.join("\n"));
    let names: Vec<&str> = checks.iter().map(|c| c["name"].as_str().unwrap()).collect();
    for must in [
        "qingpu: every article appears",
        "qingpu: clicking article 7 marks its lines",
        "qingpu: clicking article 7 scrolls to its lines",
        "qingpu: clicking a line shows its article",
        "millbrook: every article appears",
        "millbrook: clicking article 2 marks its boxes",
        "narrow: one column in a narrow window",
        "hostile: no injected script ran",
        "hostile: the markup is shown as text",
        "hostile_alto: no injected script ran",
        "hostile_alto: the title is its own",
        "control: the same text unescaped runs (the checks can see it)",
        "index: sorted worst first by lowest confidence",
    ] {
        assert!(names.contains(&must), "the harness did not check {must:?}; it checked {names:#?}");
    }
}
