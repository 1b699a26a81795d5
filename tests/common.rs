//! Helpers the integration test modules share: the sample page, what counts as "the same articles",
//! the fixtures' files and the built binary.

use newsseg::emit::Article;
use newsseg::{Config, Page};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The sample page (People's Daily layout, UTF-8, LF line ends).
pub const QINGPU: &str = include_str!("../fixtures/zh-qingpu-sample/page.txt");

pub fn run(bytes: &[u8]) -> Page {
    newsseg::process_page(&Config::default(), "t", None, bytes).expect("the page is processed")
}

/// Each article's headline, in page order.
pub fn headlines(page: &Page) -> Vec<Option<&str>> {
    page.articles.iter().map(|a| a.headline.as_deref()).collect()
}

/// The article headed `headline`; the test fails naming the page's headlines where none is.
pub fn headed<'a>(page: &'a Page, headline: &str) -> &'a Article {
    page.articles.iter().find(|a| a.headline.as_deref() == Some(headline)).unwrap_or_else(|| panic!("no article headed {headline:?} among {:#?}", headlines(page)))
}

/// What a reader gets from a page's articles: headline group, bylines, and every paragraph's text.
pub fn articles(page: &Page) -> Vec<String> {
    page.articles
        .iter()
        .map(|a| {
            let mut parts = vec![
                format!("kicker={:?} headline={:?} deck={:?}", a.kicker, a.headline, a.deck),
                format!("bylines={:?}", a.bylines.iter().map(|b| b.name.clone()).collect::<Vec<_>>()),
            ];
            for s in &a.sections {
                parts.push(format!("## {:?}", s.heading));
                parts.extend(s.paragraphs.iter().map(|p| p.text.clone()));
            }
            parts.extend(a.captions.iter().map(|c| format!("caption: {}", c.text)));
            parts.join("\n")
        })
        .collect()
}

/// Fails with an expected/got block per differing article.
pub fn assert_same_articles(expected: &Page, got: &Page, what: &str) {
    let (e, g) = (articles(expected), articles(got));
    if e != g {
        let mut msg = format!("{what}: {} articles expected, {} got\n", e.len(), g.len());
        for (i, (x, y)) in e.iter().zip(&g).enumerate().filter(|(_, (x, y))| x != y) {
            msg.push_str(&format!("--- article {i} expected:\n{x}\n--- got:\n{y}\n"));
        }
        panic!("{msg}");
    }
}

/// Whether Python's `str.isspace` holds, which the nothing-lost checker (coverage.py) uses: Rust's
/// whitespace plus the information separators U+001C..U+001F.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The characters of `text` as coverage.py sees them (UTF-8 decoded with surrogateescape: each
/// invalid byte is a character of its own): (start, end, is whitespace).
pub fn chars_of(text: &[u8]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for chunk in text.utf8_chunks() {
        for (i, c) in chunk.valid().char_indices() {
            out.push((pos + i, pos + i + c.len_utf8(), py_isspace(c)));
        }
        pos += chunk.valid().len();
        for _ in chunk.invalid() {
            out.push((pos, pos + 1, false));
            pos += 1;
        }
    }
    out
}

/// Checks what every page must satisfy, whatever its input: the JSON serializes and parses back;
/// every span lies inside the text the spans index and on its character boundaries; line spans do
/// not overlap; every non-whitespace character is in some line's span (the rule of coverage.py);
/// lines name only articles that exist. Returns the problems found.
pub fn problems(cfg: &Config, bytes: &[u8], page: &Page) -> Vec<String> {
    let mut bad = Vec::new();
    let json = serde_json::to_string(page).expect("the page serializes");
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        bad.push(format!("JSON does not parse back: {e}"));
    }
    let src = newsseg::source::Source::decode(None, bytes, cfg.encoding.as_deref()).expect("decodes as process_page did");
    assert_eq!(src.span_base, page.source.spans);
    let text: &[u8] = &src.text;
    let chars = chars_of(text);
    let mut boundary = vec![false; text.len() + 1];
    for &(s, e, _) in &chars {
        boundary[s] = true;
        boundary[e] = true;
    }
    boundary[0] = true;
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let check = |what: &str, s: usize, e: usize, bad: &mut Vec<String>| {
        if !(s <= e && e <= text.len()) {
            bad.push(format!("{what} span [{s}, {e}] outside the text of {} bytes", text.len()));
        } else if !boundary[s] || !boundary[e] {
            bad.push(format!("{what} span [{s}, {e}] cuts a character"));
        }
    };
    let ids: std::collections::HashSet<&str> = page.articles.iter().map(|a| a.id.as_str()).collect();
    for l in &page.lines {
        check("line", l.span.0, l.span.1, &mut bad);
        if l.span.0 >= l.span.1 {
            bad.push(format!("line span {:?} is empty", l.span));
        }
        spans.push((l.span.0, l.span.1));
        if let Some(a) = &l.article
            && !ids.contains(a.as_str()) {
                bad.push(format!("line {:?} names unknown article {a}", l.span));
            }
    }
    for a in &page.articles {
        for p in a.sections.iter().flat_map(|s| &s.paragraphs).chain(&a.captions) {
            for sp in &p.spans {
                check("paragraph", sp.0, sp.1, &mut bad);
            }
        }
    }
    for w in &page.warnings {
        for sp in &w.spans {
            check("warning", sp.0, sp.1, &mut bad);
        }
    }
    spans.sort_unstable();
    for w in spans.windows(2) {
        if w[1].0 < w[0].1 {
            bad.push(format!("line spans {:?} and {:?} overlap", w[0], w[1]));
        }
    }
    // Coverage: walk the sorted spans beside the characters.
    let mut k = 0;
    let mut lost = 0usize;
    let mut first_lost = None;
    for &(s, e, ws) in &chars {
        while k < spans.len() && spans[k].1 <= s {
            k += 1;
        }
        let covered = k < spans.len() && spans[k].0 <= s && e <= spans[k].1;
        if !ws && !covered {
            lost += e - s;
            first_lost.get_or_insert(s);
        }
    }
    if lost > 0 {
        bad.push(format!("{lost} non-whitespace bytes in no line span (first at {})", first_lost.unwrap_or(0)));
    }
    bad
}

/// Processes `bytes` with `cfg` and fails, printing the problems, unless every invariant holds.
pub fn check(cfg: &Config, bytes: &[u8]) -> Page {
    let page = newsseg::process_page(cfg, "t", None, bytes).expect("the page is processed");
    let bad = problems(cfg, bytes, &page);
    assert!(bad.is_empty(), "input of {} bytes: {bad:#?}", bytes.len());
    page
}

/// A file of a fixture page (`fixtures/<case>/<file>`).
pub fn fixture(case: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(case).join(file)
}

/// The built binary, ready for its arguments.
pub fn newsseg() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsseg"))
}

/// The built binary run to its end with `args`.
pub fn run_bin(args: &[&str]) -> Output {
    newsseg().args(args).output().expect("newsseg runs")
}

/// A stream the binary wrote, as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
