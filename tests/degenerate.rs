//! Degenerate pages: each gives a page that keeps every invariant (or a clear error for a page over
//! a limit), never a panic; and pages built to be large cost linear time. The regression tests for
//! pipeline steps that were quadratic use sizes that finish in seconds now and would take minutes
//! to hours if the step were quadratic again; none measures time.

use crate::common::{check, QINGPU};
use newsseg::{Config, ErrorKind, Page};

fn codes(page: &Page) -> Vec<&str> {
    page.warnings.iter().map(|w| w.code.as_str()).collect()
}

#[test]
fn empty_page() {
    let page = check(&Config::default(), b"");
    assert!(page.lines.is_empty() && page.articles.is_empty());
}

#[test]
fn whitespace_only_page() {
    let page = check(&Config::default(), " \t\r\n\n\u{3000}\u{a0}\n\u{2028}\x0b\x0c  \r\n".as_bytes());
    assert!(page.lines.is_empty() && page.articles.is_empty());
}

#[test]
fn one_character_pages() {
    for one in ["x", "字", ".", "\u{feff}", "\u{200b}", "-", "#"] {
        let page = check(&Config::default(), one.as_bytes());
        assert_eq!(page.lines.len(), 1, "{one:?}");
    }
    check(&Config::default(), b"\xff");
}

#[test]
fn nul_bytes() {
    check(&Config::default(), b"\0");
    check(&Config::default(), b"HEADLINE\0HERE\n\nText \0with NULs.\n\0\0\0\n");
    let mut page = QINGPU.as_bytes().to_vec();
    for i in (0..page.len()).step_by(997) {
        page.insert(i, 0);
    }
    check(&Config::default(), &page);
    // A transfer cut short and padded with NULs: the text is read, the padding reported.
    let mut padded = QINGPU.as_bytes().to_vec();
    padded.extend(std::iter::repeat_n(0u8, 100_000));
    let page = check(&Config::default(), &padded);
    assert!(codes(&page).contains(&"nul-padding"));
    assert!(!page.articles.is_empty());
}

#[test]
fn control_characters() {
    let all_c0: Vec<u8> = (0u8..0x20).chain([0x7f]).collect();
    check(&Config::default(), &all_c0);
    let mut mixed = Vec::new();
    for (i, line) in QINGPU.lines().enumerate() {
        mixed.extend_from_slice(line.as_bytes());
        mixed.push([0x07, 0x1b, 0x0c, 0x1c, 0x1f, 0x0b, b'\r'][i % 7]);
        mixed.extend_from_slice("\u{85}\u{9b}".as_bytes());
        mixed.push(b'\n');
    }
    let page = check(&Config::default(), &mixed);
    assert!(!page.articles.is_empty());
}

#[test]
fn zero_width_and_bidi_characters() {
    let page = "\u{202e}\u{2066}MARKETS\u{200b} RALLY\u{2069}\n\n\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\n\n\u{200f}By Jane Doe\u{200e}\n\n\u{61c}Stocks \u{202a}rose\u{202c} on Tuesday.\u{2067}\n\u{202d}\u{202b}\n";
    let out = check(&Config::default(), page.as_bytes());
    assert_eq!(out.articles[0].headline.as_deref(), Some("MARKETS RALLY"));
    // A line of invisible characters only is still a line: its bytes are accounted for.
    assert!(out.lines.iter().any(|l| &page[l.span.0..l.span.1] == "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}"));
}

#[test]
fn thirty_megabytes_without_a_newline() {
    let cfg = Config::default();
    let words: Vec<u8> = b"word ".iter().copied().cycle().take(30 << 20).collect();
    let page = check(&cfg, &words);
    assert!(codes(&page).contains(&"line-split"));
    let han = "字".repeat(1 << 20);
    let page = check(&cfg, han.as_bytes());
    assert!(codes(&page).contains(&"line-split"));
}

#[test]
fn three_hundred_thousand_one_word_lines() {
    let words = ["alpha", "beta", "Gamma", "DELTA", "eps.", "通讯员", "标题"];
    let mut page = String::new();
    for i in 0..300_000usize {
        page.push_str(words[(i * 7 + i / 3) % words.len()]);
        page.push('\n');
    }
    let out = check(&Config::default(), page.as_bytes());
    assert_eq!(out.lines.len(), 300_000);
}

#[test]
fn page_over_the_size_limit_is_refused_with_the_flag_to_raise_it() {
    let cfg = Config { max_page_bytes: 1000, ..Config::default() };
    let e = newsseg::process_page(&cfg, "t", Some("big.txt"), &[b'a'; 1001]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    assert!(e.to_string().starts_with("big.txt: ") && e.to_string().contains("--max-page-bytes"), "{e}");
    assert!(newsseg::process_page(&cfg, "t", None, &[b'a'; 1000]).is_ok());
}

#[test]
fn long_lines_are_split_with_a_warning() {
    let cfg = Config { max_line_bytes: 256, ..Config::default() };
    let line = "The quick brown fox jumps over the lazy dog. ".repeat(40);
    let page = check(&cfg, format!("HEADLINE\n\n{line}\n").as_bytes());
    let w = page.warnings.iter().find(|w| w.code == "line-split").expect("a line-split warning");
    assert!(w.message.contains("256 bytes"), "{}", w.message);
}

/// Stories made of a caps headline and a short paragraph, `n` of them.
fn many_stories(n: usize) -> String {
    let mut page = String::new();
    for i in 0..n {
        page.push_str(&format!("STORY NUMBER {i}\n\nSomething happened in town {i} on Tuesday, officials said\n\n"));
    }
    page
}

#[test]
fn link_bound_is_reported_only_when_it_applies() {
    let page = check(&Config::default(), QINGPU.as_bytes());
    assert!(!codes(&page).contains(&"link-bounded"));
    let page = check(&Config::default(), many_stories(200).as_bytes());
    assert!(codes(&page).contains(&"link-bounded"));
    let cfg = Config { max_link_candidates: 1000, ..Config::default() };
    assert!(!codes(&check(&cfg, many_stories(200).as_bytes())).contains(&"link-bounded"));
}

// Regression tests for steps that cost quadratic time, each named after its bug. Each input has
// the shape that made its step quadratic, at a size the old code took seconds to minutes on in a
// release build, and the fixed one a fraction of a second.

#[test]
fn regression_link_viterbi_weighed_every_state_against_every_state() {
    // Thousands of stories: every unit had (candidates)² transitions, 256² per unit.
    check(&Config::default(), many_stories(2_000).as_bytes());
}

#[test]
fn regression_link_entry_scanned_every_open_end_of_an_article() {
    // One headless story of paragraphs that all stop mid-sentence: each unit was seamed with
    // every open end of the story (25 s in release for 5 000 before the fix).
    let mut page = String::new();
    for i in 0..5_000 {
        page.push_str(&format!("and then item {i} went on\n\n"));
    }
    check(&Config::default(), page.as_bytes());
}

#[test]
fn regression_link_order_paired_every_fragment_with_every_fragment() {
    // Hard-wrapped one-word lines: one story of thousands of fragments each cut mid-sentence, all
    // paired with each other (12 s in release for 20 000 lines before the fix, and gigabytes).
    let words = ["alpha", "beta", "Gamma", "DELTA", "eps."];
    let mut page = String::new();
    for i in 0..20_000usize {
        page.push_str(words[(i * 7 + i / 3) % words.len()]);
        page.push('\n');
    }
    check(&Config::default(), page.as_bytes());
}

#[test]
fn regression_link_fragment_bag_taken_out_once_per_unit() {
    // A story of finished sentences with distinct words: one long fragment, whose bag was taken
    // out of the story's profile afresh for each of its units.
    let mut page = String::new();
    for i in 0..8_000u64 {
        let w = |k: u64| format!("w{:x}", (i * 2654435761 + k) % 1_000_003);
        page.push_str(&format!("Sentence {} {} {}.\n\n", w(1), w(2), w(3)));
    }
    check(&Config::default(), page.as_bytes());
}

#[test]
fn regression_link_orphans_and_captions_weighed_against_every_story() {
    // Headlines whose text starts elsewhere, bylines, captions: thousands of each, every one
    // weighed against every story (and the headless stories' text merged for each headline).
    let mut page = String::new();
    for i in 0..2_000 {
        page.push_str(&format!("FIRE DOWNTOWN {i}\n\nand it went on burning {i}\n\nBy Reporter {i}\n\nAP Photo of the fire {i}\n\nThe fire {i} was put out.\n\n"));
    }
    check(&Config::default(), page.as_bytes());
}

#[test]
fn regression_segment_weak_heading_context_walked_every_unit() {
    // Lone headings separated by captions only: each heading's context walked to the page's end.
    let mut page = String::new();
    for i in 0..10_000 {
        page.push_str(&format!("Title Case Heading Number {i}\n\nAP Photo of the scene\n\n"));
    }
    check(&Config::default(), page.as_bytes());
}

#[test]
fn regression_emit_joined_paragraph_copied_for_each_piece() {
    // One paragraph joined from thousands of long pieces cut mid-sentence: each join copied the
    // paragraph so far.
    let mut page = String::new();
    for i in 0..3_000 {
        page.push_str(&format!("words of piece {i} ").repeat(25));
        page.push_str("and then\n\n");
    }
    let out = check(&Config::default(), page.as_bytes());
    assert_eq!(out.articles[0].sections[0].paragraphs.len(), 1);
}

#[test]
fn many_clause_headings_between_paragraphs_are_each_asked_against_nearby_paragraphs_only() {
    // Thousands of heading-shaped lines made of clauses, each between paragraphs: each is asked
    // whether it goes on in a paragraph elsewhere (a word across the join), within a bounded
    // reach, not against every paragraph of the page.
    let mut page = String::new();
    for i in 0..1_500 {
        page.push_str(&format!("春风吹过田野，花开满园{}\n\n村里的老人们坐在院子里晒太阳，孩子们在一旁追逐嬉戏，第{i}户人家。\n\n", ["红", "绿", "香", "美"][i % 4]));
    }
    let out = check(&Config::default(), page.as_bytes());
    assert!(!out.articles.is_empty());
}
