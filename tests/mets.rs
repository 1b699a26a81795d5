//! `--mets`: an ALTO page's articles written back as METS, read back two ways. In Rust: every
//! article's areas name the ALTO blocks its JSON says it was read from, each block once, in the
//! parts the JSON puts them. Through the eval's own scripts where ../shared/eval is there: the METS
//! and ALTO turned back into gold by mets_pages.py (the reader of the Europeana/docWorks profile),
//! and newsseg's JSON scored against that gold by score.py, which must find every article exact.

use quick_xml::events::Event;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::run_bin as newsseg;
use crate::common::{fixture, text};

/// One area of the METS: the types of the divs around it, innermost last, from the ARTICLE down.
#[derive(Debug, Clone, PartialEq)]
struct Area {
    article: String,
    divs: Vec<String>,
    file: String,
    block: String,
}

/// Each ARTICLE div's ID with its areas in file order.
type Articles = Vec<(String, Vec<Area>)>;

/// What the METS says, read with quick-xml: its articles, and the files their areas point into
/// (FLocat href by file ID).
fn read_mets(xml: &str) -> (Articles, Vec<(String, String)>) {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<(String, Option<String>)> = Vec::new();
    let (mut articles, mut files): (Articles, Vec<(String, String)>) = (Vec::new(), Vec::new());
    let mut file_id = String::new();
    loop {
        let ev = r.read_event().expect("the METS is well-formed XML");
        let (start, empty) = match &ev {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            Event::End(_) => {
                stack.pop();
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        let Some(e) = start else { continue };
        let name = e.local_name().as_ref().to_string();
        let attr = |k: &str| {
            e.attributes().flatten().find(|a| a.key.as_ref() == k).map(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned())
        };
        match name.as_str() {
            "div" if attr("TYPE").as_deref() == Some("ARTICLE") => articles.push((attr("ID").unwrap(), Vec::new())),
            "file" => file_id = attr("ID").unwrap(),
            "FLocat" => files.push((file_id.clone(), attr("xlink:href").unwrap())),
            "area" => {
                let divs: Vec<String> = stack.iter().filter_map(|(n, t)| (n == "div").then(|| t.clone()).flatten()).collect();
                let at = divs.iter().position(|t| t == "ARTICLE").expect("an area stands in an article");
                let (id, areas) = articles.last_mut().unwrap();
                areas.push(Area { article: id.clone(), divs: divs[at..].to_vec(), file: attr("FILEID").unwrap(), block: attr("BEGIN").unwrap() });
            }
            _ => {}
        }
        if !empty {
            stack.push((name, attr("TYPE")));
        }
    }
    (articles, files)
}

/// The ALTO fixture copied into `dir` as `name`, run with -o and --mets `mets` (the page's folder
/// when None): its JSON and METS.
fn run_alto(dir: &Path, name: &str, mets: Option<&Path>) -> (serde_json::Value, String) {
    let input = dir.join(name);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::copy(fixture("en-millbrook-1911-alto", "page.xml"), &input).unwrap();
    let out = dir.join("json");
    let mets = mets.unwrap_or(dir);
    let o = newsseg(&["process", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--mets", mets.to_str().unwrap(), "-q"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stem = name.trim_end_matches(".xml");
    let json = serde_json::from_slice(&std::fs::read(out.join(format!("{stem}.json"))).unwrap()).unwrap();
    (json, std::fs::read_to_string(mets.join(format!("{stem}.mets.xml"))).unwrap())
}

#[test]
fn the_mets_names_each_article_by_the_blocks_its_json_gives() {
    let t = tempfile::tempdir().unwrap();
    let (json, mets) = run_alto(t.path(), "millbrook.xml", None);
    let (articles, files) = read_mets(&mets);
    // The ALTO file, by a reference from where the METS stands: beside it.
    assert_eq!(files, [("ALTO1".to_string(), "millbrook.xml".to_string())]);
    assert!(mets.contains(&format!("CHECKSUM=\"{}\"", json["source"]["sha256"].as_str().unwrap())));
    let js = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), js.len());
    for ((id, areas), a) in articles.iter().zip(js) {
        assert_eq!(id, &format!("ART_{}", a["id"].as_str().unwrap()));
        let mut named: Vec<&str> = areas.iter().map(|x| x.block.as_str()).collect();
        let mut regions: Vec<&str> = a["regions"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        named.sort();
        regions.sort();
        assert_eq!(named, regions, "{id}");
        assert!(areas.iter().all(|x| x.file == "ALTO1"));
    }
    let mut all: Vec<&str> = articles.iter().flat_map(|(_, a)| a.iter().map(|x| x.block.as_str())).collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "a block is named twice");
    // The parts: headline block under HEADING/TITLE, the byline's under AUTHOR, a paragraph per
    // PARAGRAPH, and the paragraph that runs from column one into column two one PARAGRAPH of two.
    let parts = |areas: &[Area]| areas.iter().map(|x| (x.divs[1..].join("/"), x.block.clone())).collect::<Vec<_>>();
    let want: Vec<(String, String)> = [
        ("HEADING/TITLE", "TB01"),
        ("AUTHOR", "TB02"),
        ("BODY/PARAGRAPH", "TB03"),
        ("BODY/PARAGRAPH", "TB04"),
        ("BODY/PARAGRAPH", "TB05"),
        ("BODY/PARAGRAPH", "TB06"),
    ]
    .iter()
    .map(|(d, b)| (d.to_string(), b.to_string()))
    .collect();
    assert_eq!(parts(&articles[0].1), want);
    let paragraphs = mets.matches("TYPE=\"PARAGRAPH\"").count();
    assert_eq!(paragraphs, 2 + 1 + 2 + 2, "TB05 and TB06 are one paragraph");
    assert!(mets.contains("<mets:seq>"), "the joined paragraph lists its two blocks in order");
    assert_eq!(parts(&articles[1].1)[0], ("HEADING/TITLE".to_string(), "TB07".to_string()));
}

#[test]
fn ids_and_headlines_are_escaped() {
    let t = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(fixture("en-millbrook-1911-alto", "page.xml"))
        .unwrap()
        .replace("\"TB01\"", "\"TB&amp;01 &lt;&quot;&apos;&gt;\"")
        .replace("CONTENT=\"RIVER\"", "CONTENT=\"R&amp;D&lt;/mets:div&gt;\"");
    std::fs::write(t.path().join("odd.xml"), page).unwrap();
    let (out, mets) = (t.path().join("json"), t.path().join("mets"));
    let o = newsseg(&["process", t.path().join("odd.xml").to_str().unwrap(), "-o", out.to_str().unwrap(), "--mets", mets.to_str().unwrap(), "-q"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let xml = std::fs::read_to_string(mets.join("odd.mets.xml")).unwrap();
    let (articles, _) = read_mets(&xml);
    assert_eq!(articles[0].1[0].block, "TB&01 <\"'>");
    assert!(xml.contains("LABEL=\"R&amp;D&lt;/mets:div&gt; RISES TO THE MILL DAM\""), "{xml}");
}

#[test]
fn mets_is_written_for_alto_only_the_same_at_any_thread_count() {
    let t = tempfile::tempdir().unwrap();
    let input = t.path().join("in");
    for (i, sub) in ["a", "b", "c"].iter().enumerate() {
        let d = input.join(sub);
        std::fs::create_dir_all(&d).unwrap();
        for k in 0..3 {
            std::fs::copy(fixture("en-millbrook-1911-alto", "page.xml"), d.join(format!("p{i}{k}.xml"))).unwrap();
        }
    }
    std::fs::copy(fixture("en-millbrook-1911-page", "page.xml"), input.join("b/page-xml.xml")).unwrap();
    std::fs::copy(fixture("en-millbrook-1911-hocr", "page.hocr"), input.join("a/tesseract.hocr")).unwrap();
    std::fs::write(input.join("c/plain.txt"), "HEADLINE\n\nSome text of a page.\n").unwrap();
    let run = |j: &str, tag: &str| {
        let (out, mets) = (t.path().join(format!("json{tag}")), t.path().join(format!("mets{tag}")));
        let o = newsseg(&["process", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--mets", mets.to_str().unwrap(), j]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        (text(&o.stderr), tree(&mets))
    };
    let (err1, one) = run("-j1", "1");
    let (err2, two) = run("-j2", "2");
    let names: Vec<&String> = one.keys().collect();
    assert_eq!(names.len(), 9, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".mets.xml")));
    assert!(one.contains_key("b/p11.mets.xml"), "paths are mirrored: {names:?}");
    assert!(text(&one["b/p11.mets.xml"]).contains("xlink:href=\"../../in/b/p11.xml\""));
    // mets1 and mets2 stand side by side, so even the references to the ALTO files are the same.
    assert!(one == two, "the METS differ between -j1 and -j2");
    for err in [&err1, &err2] {
        assert_eq!(err.matches("--mets writes METS for ALTO pages only").count(), 1, "{err}");
        // Named in input order: a/tesseract.hocr is the first page that is not ALTO.
        assert!(err.contains("a/tesseract.hocr is hocr"), "{err}");
    }
}

/// Every file below `dir` with its bytes, by relative path.
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// The eval scripts, where the shared folder is beside the repository.
fn eval_script(name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval").join(name);
    let python = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    (p.exists() && python).then_some(p)
}

#[test]
fn mets_round_trip_through_the_eval_scripts_is_exact() {
    let (Some(mets_pages), Some(score)) = (eval_script("mets_pages.py"), eval_script("score.py")) else {
        eprintln!("note: mets round trip skipped: needs python3 and ../shared/eval/{{mets_pages,score}}.py");
        return;
    };
    let t = tempfile::tempdir().unwrap();
    // An issue folder as mets_pages.py reads one: its METS named *-mets.xml beside its ALTO.
    let issue = t.path().join("issue/millbrook");
    let (json, _) = run_alto(&issue, "millbrook.xml", None);
    std::fs::rename(issue.join("millbrook.mets.xml"), issue.join("millbrook-mets.xml")).unwrap();
    std::fs::remove_dir_all(issue.join("json")).unwrap();
    let gold = t.path().join("gold");
    let o = Command::new("python3").arg(&mets_pages).arg(&gold).arg(&issue).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let gold_file = gold.join("gold/millbrook-p1.gold.json");
    assert!(gold_file.exists(), "mets_pages.py wrote no gold: {}", text(&o.stdout));
    let pred = t.path().join("pred");
    std::fs::create_dir_all(&pred).unwrap();
    std::fs::write(pred.join("millbrook-p1.json"), serde_json::to_vec(&json).unwrap()).unwrap();
    let o = Command::new("python3").arg(&score).arg(gold.join("gold")).arg(&pred).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["gold_articles"], 3, "{s}");
    assert_eq!(s["exact"], 1.0, "{s}");
    assert_eq!((s["joins"].as_f64(), s["bylines"].as_f64()), (Some(1.0), Some(1.0)), "{s}");
}
