//! Property tests: whatever the bytes, process_page does not panic, gives JSON that parses back,
//! keeps every span inside the text it indexes and on its character boundaries, and puts every
//! non-whitespace byte in some line's span (the rule of coverage.py, in `common::problems`).

use crate::common::{problems, QINGPU};
use newsseg::Config;
use proptest::prelude::*;

/// Lines an English page is made of: headlines, bylines, datelines, wrapped and hyphenated body
/// text, captions, credits, jumps, running heads, page numbers, and OCR debris.
const EN_LINES: &[&str] = &[
    "MARKETS RALLY ON RATE HOPES",
    "Fire Destroys Warehouse Downtown",
    "By Jane Doe, Reuters",
    "BY THE ASSOCIATED PRESS",
    "  NEW YORK, March 3 - Stocks rose sharp-",
    "ly on Tuesday as investors bet that the central bank would",
    "cut rates before the summer, traders said.",
    "The well-known firm, which had been losing money for years, said",
    "it would close the plant by the end of the year.",
    "\"We are not done yet,\" the mayor told re-",
    "porters outside city hall.",
    "Continued on Page 4",
    "See FIRE, Page A3",
    "AP Photo of the scene after the fire",
    "Photo by: John Smith",
    "Copyright 2024 The Daily Planet",
    "(Reuters)",
    "THE DAILY PLANET    TUESDAY, MARCH 3, 1987    PAGE 2",
    "A4",
    "- 12 -",
    "## Weather",
    "# Sports",
    "Council Approves Budget  ",
    "ﬁrst oﬃce ſtreet in the Ｃｉｔｙ",
    "lnvestors sald the rnarket was tbe best in years,",
    ".,;:'!?",
    "* * *",
    "\t\tIndented with tabs and a soft hyphen at the end\u{ad}",
];

fn qingpu_lines() -> Vec<&'static str> {
    QINGPU.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// A page assembled from real lines: each line from the sample page or the English set, with
/// its line end, blank lines, indentation or a Markdown mark in front.
fn mixed_page() -> impl Strategy<Value = String> {
    let zh = qingpu_lines();
    let line = prop_oneof![
        3 => proptest::sample::select(zh),
        3 => proptest::sample::select(EN_LINES.to_vec()),
    ];
    let piece = (line, 0..4usize, 0..6usize, 0..8usize);
    proptest::collection::vec(piece, 0..120).prop_map(|pieces| {
        let mut page = String::new();
        for (line, lead, end, blanks) in pieces {
            page.push_str(["", "  ", "\u{3000}\u{3000}", "## "][lead]);
            page.push_str(line);
            page.push_str(["\n", "\n", "\n", "\r\n", "  \n", "\u{200b}\n"][end]);
            for _ in 0..blanks.saturating_sub(5) {
                page.push('\n');
            }
        }
        page
    })
}

fn config() -> impl Strategy<Value = Config> {
    // The line limit is set low now and then, so that long lines are cut into pieces.
    prop_oneof![
        4 => Just(Config::default()),
        1 => (16usize..300).prop_map(|n| Config { max_line_bytes: n, ..Config::default() }),
        1 => (1usize..8).prop_map(|n| Config { max_link_candidates: n, ..Config::default() }),
    ]
}

/// Runs the page and fails with every problem found. Errors are allowed only where they are
/// typed refusals (binary, a limit); a panic fails the test by itself.
fn holds(cfg: &Config, bytes: &[u8]) -> Result<(), TestCaseError> {
    match newsseg::process_page(cfg, "p", None, bytes) {
        Ok(page) => {
            let bad = problems(cfg, bytes, &page);
            prop_assert!(bad.is_empty(), "{bad:#?}");
        }
        Err(e) => {
            prop_assert!(matches!(e.kind(), newsseg::ErrorKind::Binary | newsseg::ErrorKind::BadInput), "{e}");
        }
    }
    Ok(())
}

/// Cases per property: few enough for every `cargo test`; PROPTEST_CASES=10000 for a deep run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000), cfg in config()) {
        // Detected (most random bytes are refused as binary), and read as UTF-8 and as two legacy
        // encodings by force, which takes them through the whole pipeline.
        holds(&cfg, &bytes)?;
        for label in ["utf-8", "windows-1252", "gb18030", "utf-16be"] {
            holds(&Config { encoding: Some(label.into()), ..cfg.clone() }, &bytes)?;
        }
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}(\n\\PC{0,80}){0,40}", cfg in config()) {
        holds(&cfg, text.as_bytes())?;
    }

    #[test]
    fn mixes_of_real_page_lines(page in mixed_page(), cfg in config()) {
        holds(&cfg, page.as_bytes())?;
    }

    #[test]
    fn mixes_damaged_byte_by_byte(page in mixed_page(), hits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12)) {
        // Stray bytes in an otherwise UTF-8 page: kept as UTF-8, every byte still covered.
        let mut bytes = page.into_bytes();
        if !bytes.is_empty() {
            for (at, b) in hits {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
        }
        holds(&Config::default(), &bytes)?;
    }

    #[test]
    fn mixes_in_other_encodings(page in mixed_page(), which in 0..4usize) {
        let bytes = match which {
            0 => encoding_rs::GB18030.encode(&page).0.into_owned(),
            1 => {
                let mut v = vec![0xFF, 0xFE];
                v.extend(page.encode_utf16().flat_map(u16::to_le_bytes));
                v
            }
            2 => page.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            _ => page.replace('\n', "\r\n").into_bytes(),
        };
        holds(&Config::default(), &bytes)?;
    }
}

#[test]
fn the_checker_sees_a_lost_line_and_a_bad_span() {
    let cfg = Config::default();
    let mut page = newsseg::process_page(&cfg, "p", None, QINGPU.as_bytes()).unwrap();
    assert!(problems(&cfg, QINGPU.as_bytes(), &page).is_empty());
    let lost = page.lines.remove(3);
    assert!(problems(&cfg, QINGPU.as_bytes(), &page).iter().any(|p| p.contains("in no line span")));
    page.lines.insert(3, lost);
    // Inside the first CJK character of a line.
    let l = page.lines.iter_mut().find(|l| !QINGPU.is_char_boundary(l.span.0 + 1)).unwrap();
    l.span.0 += 1;
    assert!(problems(&cfg, QINGPU.as_bytes(), &page).iter().any(|p| p.contains("cuts a character")));
}
