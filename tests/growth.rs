//! Work grows in proportion to a page's size, whatever its text: repeated, one line, one word per
//! line, all headlines, all bylines, varied. Measured by the pipeline's own count of its work
//! (`newsseg::work`: index entries visited, candidates weighed, seams scored), never by a clock:
//! each shape is run at two sizes, four times apart, and its work per byte may not grow by more
//! than half. Quadratic work would quadruple it. The sizes are past every bound the linker and
//! segmenter set (64 stories weighed, 128 seeds searched), where repetition made work quadratic.
//! A long page is linked in windows (`newsseg::window`): the units linked together stay a window's.

use newsseg::{process_page, Config};

/// The fixtures' text pages, concatenated: a page that repeats a few stories over and over.
fn fixtures() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut cases: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path().join("page.txt")).filter(|p| p.exists()).collect();
    cases.sort();
    cases.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n\n").collect()
}

/// `unit` repeated to at least `n` bytes.
fn fill(unit: &str, n: usize) -> String {
    unit.repeat(n / unit.len() + 1)
}

fn numbered(n: usize, line: impl Fn(usize) -> String) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < n {
        s.push_str(&line(i));
        i += 1;
    }
    s
}

/// Work per input byte of one page.
fn work_per_byte(page: &str) -> f64 {
    let before = newsseg::work::done();
    process_page(&Config::default(), "p", None, page.as_bytes()).expect("processed");
    (newsseg::work::done() - before) as f64 / page.len() as f64
}

fn assert_linear(shape: &str, small: usize, make: impl Fn(usize) -> String) {
    let (a, b) = (work_per_byte(&make(small)), work_per_byte(&make(4 * small)));
    assert!(b <= 1.5 * a, "{shape}: {a:.2} units of work per byte at {small} bytes, {b:.2} at four times that");
}

#[test]
fn repeated_stories() {
    let fx = fixtures();
    assert_linear("repeated fixtures", 256 << 10, |n| fill(&fx, n));
}

#[test]
fn one_long_line() {
    let fx = fixtures().replace('\n', " ");
    assert_linear("one line", 256 << 10, |n| fill(&fx, n));
}

#[test]
fn one_word_per_line() {
    let words = ["alpha", "beta", "Gamma", "DELTA", "eps.", "通讯员"];
    assert_linear("one word a line", 64 << 10, |n| numbered(n, |i| format!("{}\n", words[(i * 7 + i / 3) % words.len()])));
}

#[test]
fn headlines_only() {
    assert_linear("headlines", 64 << 10, |n| numbered(n, |i| format!("FIRE DOWNTOWN NUMBER {i}\n\n")));
    assert_linear("Chinese headlines", 64 << 10, |n| fill("## 西瓜上市\n\n", n));
}

#[test]
fn bylines_only() {
    assert_linear("bylines", 64 << 10, |n| numbered(n, |i| format!("By Reporter {i}, Reuters\n\n")));
}

#[test]
fn stories_that_share_their_words() {
    // Many short stories of one vocabulary: every story holds every feature of the page.
    assert_linear("shared words", 64 << 10, |n| {
        numbered(n, |i| format!("FIRE NUMBER {i}\n\nThe fire burned the old mill down on Tuesday, and the town\nwatched it burn.\n\n"))
    });
}

/// Units the linker held at once for one page, by its own gauge (`newsseg::work::linking`).
fn widest_link(cfg: &Config, page: &str) -> usize {
    newsseg::work::take_widest_link();
    process_page(cfg, "p", None, page.as_bytes()).expect("processed");
    newsseg::work::take_widest_link()
}

#[test]
fn a_long_page_is_linked_in_windows_of_bounded_size() {
    // The linker's working state grows with the units it links together: on a page sixteen windows
    // long it holds no more than on a page of one window (give or take a window's ragged end), where
    // linking the page whole held all sixteen windows' units at once.
    let fx = fixtures();
    let cfg = Config { window_bytes: fx.len(), ..Config::default() };
    let one = widest_link(&cfg, &fx);
    let long = fx.repeat(16);
    let widest = widest_link(&cfg, &long);
    assert!(one > 0 && widest <= 2 * one, "{widest} units linked at once on a page of 16 windows, {one} on a page of one");
    let whole = widest_link(&Config { window_bytes: long.len(), ..cfg.clone() }, &long);
    assert!(whole >= 8 * one, "{whole} units linked at once on the page taken whole, {one} on a page of one window");
}

#[test]
fn a_windowed_page_accounts_for_every_byte_and_streams_as_it_is_built() {
    let cfg = Config { window_bytes: 16 << 10, ..Config::default() };
    let long = fill(&fixtures(), 128 << 10);
    // Every span inside the text, lines not overlapping, every non-blank byte in a line, every
    // line's article one the page has.
    let page = crate::common::check(&cfg, long.as_bytes());
    assert!(page.warnings.iter().any(|w| w.code == "page-windowed"), "{:?}", page.warnings);
    let ids: std::collections::HashSet<&str> = page.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), page.articles.len(), "article ids are unique across windows");
    // The JSON written window by window is the page object's, byte for byte.
    for pretty in [false, true] {
        let mut whole = Vec::new();
        newsseg::emit::write_json(&page, pretty, &mut whole);
        let (n, pieces) = newsseg::process_page_json(&cfg, "t", None, long.as_bytes(), pretty).expect("processed");
        assert_eq!(n, page.articles.len());
        assert!(newsseg::emit::stream::joined(pieces).unwrap() == whole, "pretty {pretty}");
    }
}

#[test]
fn picture_labels_away_from_their_photos() {
    // Each story holds a photo's text and credit, and a picture label stands bare under it: every
    // label looks for its photo among all of the page's.
    assert_linear("picture labels", 256 << 10, |n| {
        numbered(n, |i| format!("## 第{i}个故事的标题\n\n第{i}段正文写在这里，说的是一件事情。\n\n{i}日，记者在现场拍下了这张照片。\n\n王小明摄（人民视觉）\n\n正文接着往下说，第{i}个故事讲完了。\n\n图片报道\n\n"))
    });
}
