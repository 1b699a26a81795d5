//! Golden pages: every fixtures/<case>/page.* (text, ALTO, PAGE-XML or hOCR) must give exactly
//! fixtures/<case>/expected.json. A difference prints a line diff; `NEWSSEG_BLESS=1 cargo test
//! golden` rewrites the expected files (read the diff first: a golden file is a reviewed answer,
//! not a recording).

use newsseg::{emit, process_page, Config};
use std::path::{Path, PathBuf};

/// The names a fixture's page may have: the kinds of file the pipeline reads. A case holds one.
const PAGE_FILES: &[&str] = &["page.txt", "page.md", "page.xml", "page.alto", "page.hocr", "page.html", "page.htm"];

/// A fixture's page file; a case folder with none, or with two, is a broken fixture.
pub fn page_file(dir: &Path) -> Option<PathBuf> {
    let found: Vec<PathBuf> = PAGE_FILES.iter().map(|f| dir.join(f)).filter(|p| p.exists()).collect();
    assert!(found.len() <= 1, "{} holds more than one page file: {found:?}", dir.display());
    found.into_iter().next()
}

pub fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for d in &dirs {
        assert!(page_file(d).is_some(), "{} holds no page file (one of {PAGE_FILES:?})", d.display());
    }
    dirs
}

/// Runs a fixture: the text its spans index (the page's bytes, or for a structured page the text
/// derived from it), and its page.
pub fn run(dir: &Path) -> (Vec<u8>, newsseg::Page) {
    let file = page_file(dir).expect("a page file");
    let bytes = std::fs::read(&file).expect("page file readable");
    let id = dir.file_name().expect("named").to_string_lossy().into_owned();
    let name = file.file_name().expect("named").to_string_lossy().into_owned();
    let page = process_page(&Config::default(), &id, Some(&format!("fixtures/{id}/{name}")), &bytes).expect("page processes");
    let spans_index = page.source.text.as_ref().map_or(bytes, |t| t.as_bytes().to_vec());
    (spans_index, page)
}

#[test]
fn fixtures_match_their_expected_json() {
    let bless = std::env::var_os("NEWSSEG_BLESS").is_some();
    let mut failed = Vec::new();
    for dir in fixture_dirs() {
        let (_, page) = run(&dir);
        // The version that made a page is in its JSON; a golden page is the same whatever the
        // version, so it holds a stand-in for it.
        let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
        let got = emit::to_json_pretty(&page).replacen(&version, "\"version\": \"(any)\"", 1);
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
        let (text, page) = run(&dir);
        let problems = super::coverage::problems(&text, &page);
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

fn millbrook(format: &str) -> newsseg::Page {
    run(&Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/en-millbrook-1911-{format}"))).1
}

/// The Millbrook page is one page written three ways: ALTO and PAGE-XML with the same words and
/// boxes (set by hand), and hOCR as Tesseract read a rendering of it.
#[test]
fn one_page_as_alto_page_xml_and_hocr_gives_one_set_of_articles() {
    let alto = millbrook("alto");
    let page = millbrook("page");
    assert_eq!((alto.source.format.as_deref(), page.source.format.as_deref()), (Some("alto"), Some("page-xml")));
    super::common::assert_same_articles(&alto, &page, "PAGE-XML against ALTO");
    let regions = |p: &newsseg::Page| p.articles.iter().map(|a| a.regions.iter().map(|r| r.id.clone()).collect::<Vec<_>>()).collect::<Vec<_>>();
    assert_eq!(regions(&alto), regions(&page));

    let heads: Vec<_> = alto.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert_eq!(heads, [Some("RIVER RISES TO THE MILL DAM"), Some("NEW SCHOOL HOUSE OPENED"), Some("COUNCIL VOTES ON STREET LAMPS")]);
    assert_eq!(alto.articles[0].bylines.iter().map(|b| b.name.as_deref()).collect::<Vec<_>>(), [Some("HENRY L. MARSH")]);
    let first = &alto.articles[0].sections[0].paragraphs;
    // Cut at a line's end with HYP (and SUBS_CONTENT), and run on from the foot of the first column
    // to the head of the second.
    assert!(first[1].text.contains("the ferry lay at its landing until noon."), "{}", first[1].text);
    assert!(first[2].text.contains("believes that the worst of the flood has passed"), "{}", first[2].text);
    assert_eq!(alto.articles[0].regions.len(), 6);
    // The running head is in no article.
    assert_eq!(alto.lines[0].role, newsseg::classify::Role::Furniture);

    // Tesseract read the rendering without a mistake, so its page has the same articles too; its
    // blocks are its own.
    let hocr = millbrook("hocr");
    assert_eq!(hocr.source.format.as_deref(), Some("hocr"));
    super::common::assert_same_articles(&alto, &hocr, "hOCR against ALTO");
}
