//! Helpers the integration test modules share: the sample page and what counts as "the same articles".

use newsseg::{Config, Page};

/// The sample page (People's Daily layout, UTF-8, LF line ends).
pub const QINGPU: &str = include_str!("../fixtures/qingpu/page.txt");

pub fn run(bytes: &[u8]) -> Page {
    newsseg::process_page(&Config::default(), "t", None, bytes).expect("the page is processed")
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
