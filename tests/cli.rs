//! The `newsseg process` command as a batch tool: determinism, resume, failures, exit codes,
//! shards, broken pipes, output confinement, JSON Lines on stdin and --lang, run on the built binary.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Stdio;

use crate::common::run_bin as run;
use crate::common::{newsseg, text};

/// A small deterministic generator, so the pages differ without any file shipped with the tests.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const EN_WORDS: &[&str] = &[
    "the", "market", "rose", "sharply", "on", "tuesday", "after", "officials", "said", "prices", "would", "fall",
    "company", "shares", "bank", "government", "trade", "talks", "in", "and", "of", "to", "a", "new", "plan",
    "growth", "oil", "exports", "farmers", "council", "minister", "quarter", "earnings", "record", "week",
];
const ZH_CHARS: &str = "本市今年经济发展农业科技工作会议召开记者报道群众生活改善城乡建设推进项目服务企业创新文化教育医疗卫生";

fn en_page(rng: &mut Lcg, i: usize) -> String {
    let mut s = format!("THE DAILY GAZETTE, MONDAY, MARCH {}, 1987.\n\n", 1 + i % 28);
    for a in 0..2 + rng.next(3) {
        let head: Vec<&str> = (0..3 + rng.next(4)).map(|_| EN_WORDS[rng.next(EN_WORDS.len())]).collect();
        s += &format!("{} {a}\n\nBy Jane Doe{i}, Reuters\n\n  NEW YORK, March 3 - ", head.join(" ").to_uppercase());
        let mut col = 20;
        for w in 0..40 + rng.next(120) {
            let word = EN_WORDS[rng.next(EN_WORDS.len())];
            if col + word.len() > 60 {
                s.push('\n');
                col = 0;
            }
            s += word;
            s += if w % 11 == 10 { ". " } else { " " };
            col += word.len() + 1;
        }
        s += ".\n\n";
    }
    s
}

fn zh_page(rng: &mut Lcg, i: usize) -> String {
    let chars: Vec<char> = ZH_CHARS.chars().collect();
    let mut s = String::new();
    for _ in 0..2 + rng.next(3) {
        let head: String = (0..6 + rng.next(6)).map(|_| chars[rng.next(chars.len())]).collect();
        s += &format!("## {head}\n\n本报记者 王{}\n\n", chars[rng.next(chars.len())]);
        for _ in 0..1 + rng.next(4) {
            let para: String = (0..40 + rng.next(120)).map(|_| chars[rng.next(chars.len())]).collect();
            s += &format!("{para}。\n\n");
        }
    }
    s += &format!("第{}版\n", 1 + i % 8);
    s
}

/// Writes `n` pages, half English, half Chinese, into `dir` and a few subfolders.
fn corpus(dir: &Path, n: usize) {
    let mut rng = Lcg(n as u64);
    for i in 0..n {
        let sub = dir.join(format!("vol{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        let page = if i % 2 == 0 { en_page(&mut rng, i) } else { zh_page(&mut rng, i) };
        std::fs::write(sub.join(format!("p{i:04}.txt")), page).unwrap();
    }
}

/// Every file below `dir` (hidden ones too) with its bytes, by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(p.strip_prefix(root).unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// Page JSON files below `dir`, counted while another process may be writing there.
fn count_json(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => count_json(&e.path()),
            _ => e.file_name().to_string_lossy().ends_with(".json") as usize,
        })
        .sum()
}

fn assert_same_tree(expected: &Path, got: &Path) {
    let (e, g) = (tree(expected), tree(got));
    let (ek, gk): (Vec<_>, Vec<_>) = (e.keys().collect(), g.keys().collect());
    assert_eq!(ek, gk, "\nexpected files:\n{ek:?}\ngot files:\n{gk:?}");
    for (k, v) in &e {
        assert!(v == &g[k], "{k} differs:\nexpected:\n{}\ngot:\n{}", text(v), text(&g[k]));
    }
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 60);
    let p = pages.to_str().unwrap();
    let j1 = run(&["process", p, "-j1", "-q"]);
    let j2 = run(&["process", p, "-j2", "-q"]);
    let j2b = run(&["process", p, "-j2", "-q"]);
    assert!(j1.status.success(), "{}", text(&j1.stderr));
    assert_eq!(text(&j1.stdout).lines().count(), 60);
    assert!(j1.stdout == j2.stdout, "stdout differs between -j1 and -j2");
    assert!(j2.stdout == j2b.stdout, "stdout differs between two -j2 runs");
    // Input order: the folders' entries sorted by name.
    let ids: Vec<String> = text(&j1.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);

    let (o1, o2) = (t.path().join("o1"), t.path().join("o2"));
    assert!(run(&["process", p, "-o", o1.to_str().unwrap(), "-j1", "-q"]).status.success());
    assert!(run(&["process", p, "-o", o2.to_str().unwrap(), "-j2", "-q"]).status.success());
    assert_eq!(tree(&o1).len(), 60);
    assert_same_tree(&o1, &o2);
    assert!(tree(&o1).contains_key("vol1/p0001.json"));
}

#[test]
fn resume_after_a_kill_gives_what_one_clean_run_gives() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 600);
    let p = pages.to_str().unwrap();
    let (clean, killed) = (t.path().join("clean"), t.path().join("killed"));
    let c = run(&["process", p, "-o", clean.to_str().unwrap(), "-q"]);
    assert!(c.status.success(), "{}", text(&c.stderr));

    let mut child = newsseg()
        .args(["process", p, "-o", killed.to_str().unwrap(), "-j1", "-q"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some pages are out; the wait is bounded by the run itself finishing.
    loop {
        if count_json(&killed) >= 30 || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // A kill can land between a temporary file's creation and its rename; make sure one is there.
    std::fs::write(killed.join("vol0").join(".p9999.json.~newsseg-all-4242.tmp"), b"{\"trunc").unwrap();

    let report = t.path().join("resume.json");
    let r = run(&["process", p, "-o", killed.to_str().unwrap(), "--resume", "-q", "--report", report.to_str().unwrap()]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    assert_same_tree(&clean, &killed);
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let (done, skipped) = (rep["pages"].as_u64().unwrap(), rep["skipped"].as_u64().unwrap());
    assert_eq!(done + skipped, 600, "{rep}");
    // The kill landed mid-run: the resumed run both kept earlier pages and made new ones.
    assert!(skipped >= 30 && done > 0, "{rep}");
}

#[test]
fn resume_redoes_a_page_that_power_loss_left_empty_or_short() {
    // Without --fsync a rename can reach the disk before the data: after power loss a page's file
    // may be empty, zeros, or cut short. --resume must take those for missing, whole ones for done.
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 8);
    let p = pages.to_str().unwrap();
    for pretty in [false, true] {
        let flags = |dir: &Path| {
            let mut a = vec!["process".to_string(), p.to_string(), "-o".into(), dir.to_str().unwrap().into(), "-q".into()];
            if pretty {
                a.push("--pretty".into());
            }
            a
        };
        let (clean, hurt) = (t.path().join(format!("clean{pretty}")), t.path().join(format!("hurt{pretty}")));
        let args = flags(&clean);
        assert!(run(&args.iter().map(String::as_str).collect::<Vec<_>>()).status.success());
        let mut args = flags(&hurt);
        args.push("--fsync".into());
        assert!(run(&args.iter().map(String::as_str).collect::<Vec<_>>()).status.success());
        // --fsync changes when bytes reach the disk, never which bytes.
        assert_same_tree(&clean, &hurt);

        let whole = std::fs::read(clean.join("vol0/p0000.json")).unwrap();
        // Cut just after an inner object closes, so the file still ends in a brace and newline
        // when indented.
        let inner = whole.windows(3).rposition(|w| w == b"}\n ").unwrap_or(whole.len() / 2);
        let hurt_files: [(&str, Vec<u8>); 4] = [
            ("vol0/p0000.json", Vec::new()),
            ("vol0/p0003.json", vec![0u8; 4096]),
            ("vol1/p0001.json", whole[..whole.len() / 2].to_vec()),
            ("vol1/p0004.json", whole[..inner + 2].to_vec()),
        ];
        for (rel, bytes) in &hurt_files {
            std::fs::write(hurt.join(rel), bytes).unwrap();
        }
        let report = t.path().join(format!("resume{pretty}.json"));
        let mut args = flags(&hurt);
        args.extend(["--resume".into(), "--report".into(), report.to_str().unwrap().into()]);
        let r = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(r.status.success(), "{}", text(&r.stderr));
        assert_same_tree(&clean, &hurt);
        let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        assert_eq!((rep["pages"].as_u64(), rep["skipped"].as_u64()), (Some(4), Some(4)), "pretty {pretty}: {rep}");
    }
}

#[test]
fn a_bad_page_is_reported_and_the_rest_written() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 6);
    // Unreadable: a link to nothing, named like a page.
    std::os::unix::fs::symlink(t.path().join("missing.txt"), pages.join("vol0/broken.txt")).unwrap();
    // Too large for the limit set below.
    std::fs::write(pages.join("vol1/huge.txt"), "x".repeat(40_000)).unwrap();
    let out = t.path().join("out");
    let o = run(&["process", pages.to_str().unwrap(), "-o", out.to_str().unwrap(), "--max-page-bytes", "20000"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("vol0/broken.txt: No such file or directory"), "{err}");
    assert!(err.contains("vol1/huge.txt: 40000 bytes is over the page limit"), "{err}");
    assert!(err.contains("6 pages") && err.contains("2 errors"), "{err}");
    assert_eq!(tree(&out).len(), 6);
}

#[test]
fn exit_codes_say_how_it_went() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 2);
    let p = pages.to_str().unwrap();
    let out = t.path().join("out");
    let o = out.to_str().unwrap();
    assert_eq!(run(&["process", p, "-q"]).status.code(), Some(0));
    assert_eq!(run(&["process", p, "/no/such/page.txt", "-q"]).status.code(), Some(1));
    for bad in [
        vec!["process", p, "--no-such-flag"],
        vec!["process"],
        vec!["process", p, "-j", "0"],
        vec!["process", p, "--shard", "3/3"],
        vec!["process", p, "--shard", "x"],
        vec!["process", p, "--resume"],
        vec!["process", p, "--stdin-jsonl"],
        vec!["process", "-", "-", "-q"],
        vec!["process", p, "-o", o, "--report", &format!("{o}/report.json")],
    ] {
        let r = run(&bad);
        assert_eq!(r.status.code(), Some(2), "{bad:?}: {}", text(&r.stderr));
        assert!(r.stdout.is_empty());
    }
    // --report inside the output folder was refused before any page was written there.
    assert!(tree(&out).is_empty());
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn shards_cover_every_input_exactly_once() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 40);
    let p = pages.to_str().unwrap();
    let all = t.path().join("all");
    assert!(run(&["process", p, "-o", all.to_str().unwrap(), "-q"]).status.success());
    let merged = t.path().join("merged");
    let mut seen = BTreeMap::new();
    for i in 0..3 {
        let dir = t.path().join(format!("s{i}"));
        let r = run(&["process", p, "-o", dir.to_str().unwrap(), "--shard", &format!("{i}/3"), "-q"]);
        assert!(r.status.success(), "{}", text(&r.stderr));
        let files = tree(&dir);
        assert!(!files.is_empty(), "shard {i} of 3 got no page out of 40");
        for (k, v) in files {
            assert!(seen.insert(k.clone(), i).is_none(), "{k} is in two shards");
            let dest = merged.join(&k);
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::write(dest, v).unwrap();
        }
    }
    assert_same_tree(&all, &merged);
    // The same split on a second pass: it hangs on nothing but the paths.
    let again = t.path().join("again");
    assert!(run(&["process", p, "-o", again.to_str().unwrap(), "--shard", "1/3", "-q"]).status.success());
    assert_same_tree(&t.path().join("s1"), &again);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 400);
    let mut child = newsseg()
        .args(["process", pages.to_str().unwrap(), "-j2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1000];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "stderr after a closed pipe:\n{err}");
    assert!(first.starts_with(b"{\"schema_version\""));
}

#[test]
fn output_never_lands_outside_the_output_folder() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path();
    std::fs::create_dir_all(root.join("work/in/deep")).unwrap();
    std::fs::create_dir_all(root.join("elsewhere")).unwrap();
    std::fs::write(root.join("up.txt"), en_page(&mut Lcg(1), 1)).unwrap();
    std::fs::write(root.join("elsewhere/far.txt"), zh_page(&mut Lcg(2), 2)).unwrap();
    std::fs::write(root.join("work/in/deep/near.txt"), en_page(&mut Lcg(3), 3)).unwrap();
    std::os::unix::fs::symlink(root.join("elsewhere"), root.join("work/in/link")).unwrap();
    let before = tree(root);
    let o = newsseg()
        .current_dir(root.join("work"))
        .args(["process", "../up.txt", "../work/in", "-o", "out", "-q"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let after = tree(root);
    let new: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert_eq!(new, ["work/out/deep/near.json", "work/out/link/far.json", "work/out/up.json"]);

    // Ids on a JSON Lines stream are paths too, and just as confined.
    let mut child = newsseg()
        .current_dir(root.join("work"))
        .args(["process", "--stdin-jsonl", "-", "-o", "out2", "-q"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let page = serde_json::to_string(&en_page(&mut Lcg(4), 4)).unwrap();
    let input = format!("{{\"id\":\"../../escaped\",\"text\":{page}}}\n{{\"id\":\"/abs/x\",\"text\":{page}}}\n");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    let jl: Vec<String> = tree(&root.join("work/out2")).into_keys().collect();
    assert_eq!(jl, ["abs/x.json", "escaped.json"]);
    assert!(!root.join("escaped.json").exists());

    // A link planted inside the output folder is not written through.
    let out3 = root.join("out3");
    std::fs::create_dir_all(&out3).unwrap();
    std::os::unix::fs::symlink(root.join("elsewhere"), out3.join("deep")).unwrap();
    let o = run(&["process", root.join("work/in").to_str().unwrap(), "-o", out3.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("symbolic link"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_dir(root.join("elsewhere")).unwrap().count(), 1);
}

#[test]
fn a_symlink_loop_is_skipped_with_a_warning() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 3);
    std::os::unix::fs::symlink(&pages, pages.join("vol0/loop")).unwrap();
    let o = run(&["process", pages.to_str().unwrap()]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("vol0/loop: symbolic link loop"), "{err}");
    assert_eq!(text(&o.stdout).lines().count(), 3);
}

#[test]
fn json_lines_on_stdin_come_out_in_order_and_bad_records_are_reported() {
    let page = |i| serde_json::to_string(&en_page(&mut Lcg(i), i as usize)).unwrap();
    let input = format!(
        "{{\"id\":\"a\",\"text\":{}}}\nnot json\n\n{{\"id\":7,\"text\":{}}}\n{{\"text\":\"no id\"}}\n{{\"id\":\"c\",\"text\":{}}}\n",
        page(1),
        page(2),
        page(3)
    );
    let mut child = newsseg()
        .args(["process", "--stdin-jsonl", "-", "-j2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let ids: Vec<String> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "7", "c"]);
    // Named by their id where they have one (a stream's line numbers restart in each Spark
    // partition), by their line where they have none.
    assert!(err.contains("record at line 2 of standard input (no id found): not a JSON record: expected ident (at character 2 of the record)"), "{err}");
    assert!(err.contains("record at line 5 of standard input (no id found): the record has no \"id\""), "{err}");
    assert!(!err.contains("at line 1 column"), "{err}");
    assert!(err.contains("3 pages") && err.contains("2 errors"), "{err}");
}

#[test]
fn report_counts_the_run_and_quiet_says_nothing() {
    let t = tempfile::tempdir().unwrap();
    let pages = t.path().join("in");
    corpus(&pages, 5);
    std::fs::write(pages.join("bad.txt"), "y".repeat(50_000)).unwrap();
    let report = t.path().join("report.json");
    let o = run(&[
        "process",
        pages.to_str().unwrap(),
        "-o",
        t.path().join("out").to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        "--max-page-bytes",
        "40000",
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(1));
    // Quiet keeps the failure (it is what the run owes its caller) but drops the summary.
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(rep["failed"], 1);
    assert_eq!(rep["pages"].as_u64().unwrap(), tree(&t.path().join("out")).len() as u64);
    assert_eq!(rep["failures"][0]["kind"], "too-large");
    assert!(rep["failures"][0]["input"].as_str().unwrap().ends_with("bad.txt"));
    assert!(rep["seconds"].as_f64().is_some());
}

#[test]
fn lang_takes_each_language_and_refuses_others() {
    let t = tempfile::tempdir().unwrap();
    let page = t.path().join("p.txt");
    std::fs::write(&page, "LE CONSEIL\n\nLe conseil a voté hier ; il faut attendre encore une fois le rapport.\n").unwrap();
    let p = page.to_str().unwrap();
    for (flag, tag) in [("auto", "fr"), ("fr", "fr"), ("de", "de"), ("en", "en"), ("latin", "und-Latn"), ("und-Latn", "und-Latn"), ("zh", "zh")] {
        let r = run(&["process", p, "-q", "--lang", flag]);
        assert_eq!(r.status.code(), Some(0), "{flag}: {}", text(&r.stderr));
        assert!(text(&r.stdout).contains(&format!("\"language\":\"{tag}\"")), "{flag}: {}", text(&r.stdout));
    }
    let r = run(&["process", p, "--lang", "xx"]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("expected auto, zh, en, fr, de or latin"), "{}", text(&r.stderr));
}

#[test]
fn a_params_file_changes_the_weights_and_a_bad_one_stops_the_run_first() {
    let t = tempfile::tempdir().unwrap();
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/zh-qingpu-sample/page.txt");
    let file = |name: &str, body: &str| {
        let p = t.path().join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_string()
    };
    let plain = run(&["process", page, "-q"]);
    assert_eq!(plain.status.code(), Some(0));
    // The built-in values restated, for every language and then for Chinese: the same output.
    let same = file("same.toml", "cohesion = 32.0\n[zh]\ncohesion = 38.0\n");
    let r = run(&["process", page, "-q", "--params", &same]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert_eq!(r.stdout, plain.stdout);
    // A headline no longer holds the text under it: other articles.
    let loose = file("loose.toml", "[zh]\nfollow_seed = -20.0\ncross_seed = -20.0\n");
    let r = run(&["process", page, "-q", "--params", &loose]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert_ne!(r.stdout, plain.stdout);
    // A misspelt name, a wrong type, a file that is not there: refused before any page, by name.
    for (body, says) in [("cohesoin = 1.0\n", "cohesoin"), ("[en]\nstay = \"high\"\n", "for en"), ("positional = true\n", "positional")] {
        let bad = file("bad.toml", body);
        let r = run(&["process", page, "-q", "--params", &bad]);
        assert_eq!(r.status.code(), Some(2), "{body}");
        assert!(text(&r.stderr).contains(says), "{body}: {}", text(&r.stderr));
        assert!(r.stdout.is_empty());
    }
    let r = run(&["process", page, "-q", "--params", "/no/such/params.toml"]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("cannot read"), "{}", text(&r.stderr));
}
