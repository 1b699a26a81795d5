//! Property tests on structured input: random small ALTO pages (blocks anywhere on the page, lines
//! of random words, TextStyles of random sizes and weights on blocks, lines and words, HYP at line
//! ends, vendor or Tesseract block order) run through the pipeline, and every String of the file
//! must land in the page JSON once: counted back through the line spans in `source.text` and the
//! `region.line` ids they carry, with no span overlapping another or leaving the text.

use newsseg::{Config, Page};
use proptest::prelude::*;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
struct Word {
    text: String,
    style: Option<usize>,
}

#[derive(Debug, Clone)]
struct Line {
    words: Vec<Word>,
    style: Option<usize>,
    /// The HYP CONTENT after the last word, where the line ends in a cut word.
    hyp: Option<&'static str>,
}

#[derive(Debug, Clone)]
struct Block {
    x: u32,
    y: u32,
    style: Option<usize>,
    lines: Vec<Line>,
}

#[derive(Debug, Clone)]
struct Alto {
    /// FONTSIZE and FONTSTYLE of each TextStyle.
    styles: Vec<(u32, &'static str)>,
    blocks: Vec<Block>,
    /// Name Tesseract as the producer, so the page is read in the geometry's order, not the file's.
    tesseract: bool,
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Alto {
    fn size(&self, s: Option<usize>) -> Option<u32> {
        s.map(|i| self.styles[i].0)
    }

    fn to_xml(&self) -> String {
        let mut o = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\">\n");
        let software = if self.tesseract { "tesseract 5.3.0" } else { "ABBYY FineReader Engine" };
        o += &format!("<Description><MeasurementUnit>pixel</MeasurementUnit><OCRProcessing ID=\"o\"><ocrProcessingStep><processingSoftware><softwareName>{software}</softwareName></processingSoftware></ocrProcessingStep></OCRProcessing></Description>\n<Styles>");
        for (i, (size, style)) in self.styles.iter().enumerate() {
            o += &format!("<TextStyle ID=\"S{i}\" FONTSIZE=\"{size}\" FONTSTYLE=\"{style}\"/>");
        }
        o += "</Styles>\n<Layout><Page ID=\"P1\" WIDTH=\"3000\" HEIGHT=\"4000\"><PrintSpace>\n";
        let refs = |s: Option<usize>| s.map_or(String::new(), |i| format!(" STYLEREFS=\"S{i}\""));
        for (bi, b) in self.blocks.iter().enumerate() {
            o += &format!("<TextBlock ID=\"B{bi}\" HPOS=\"{}\" VPOS=\"{}\"{}>\n", b.x, b.y, refs(b.style));
            let mut y = b.y;
            for (li, l) in b.lines.iter().enumerate() {
                let h = 4 * self.size(l.style).or(self.size(b.style)).unwrap_or(9);
                o += &format!("<TextLine ID=\"B{bi}_L{li}\" HPOS=\"{}\" VPOS=\"{y}\" HEIGHT=\"{h}\"{}>", b.x, refs(l.style));
                let mut x = b.x;
                for (wi, w) in l.words.iter().enumerate() {
                    let ww = h / 2 * w.text.chars().count() as u32;
                    if wi > 0 {
                        o += "<SP/>";
                    }
                    let subs = if l.hyp.is_some() && wi + 1 == l.words.len() { " SUBS_TYPE=\"HypPart1\" SUBS_CONTENT=\"whole\"" } else { "" };
                    o += &format!(
                        "<String ID=\"B{bi}_L{li}_S{wi}\" HPOS=\"{x}\" VPOS=\"{y}\" WIDTH=\"{ww}\" HEIGHT=\"{h}\" CONTENT=\"{}\"{}{subs}/>",
                        xml_attr(&w.text),
                        refs(w.style)
                    );
                    x += ww + h / 3;
                }
                if let Some(mark) = l.hyp {
                    o += &format!("<HYP CONTENT=\"{}\"/>", xml_attr(mark));
                }
                o += "</TextLine>\n";
                y += h + h / 4;
            }
            o += "</TextBlock>\n";
        }
        o += "</PrintSpace></Page></Layout></alto>\n";
        o
    }

    /// The Strings of each TextLine, by the line's ID.
    fn strings(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for (bi, b) in self.blocks.iter().enumerate() {
            for (li, l) in b.lines.iter().enumerate() {
                out.insert(format!("B{bi}_L{li}"), l.words.len());
            }
        }
        out
    }
}

/// Letters (with accents), digits, punctuation and the characters XML must escape; no spaces, so
/// a String is one word of the page text.
const WORD: &str = "[A-Za-zÀ-ÿ0-9&<>\"'.,;:!?()\\-]{1,10}";

fn alto() -> impl Strategy<Value = Alto> {
    let styles = proptest::collection::vec((5u32..48, prop::sample::select(vec!["", "bold", "italics", "bold italics", "smallcaps"])), 1..5);
    let style = proptest::option::weighted(0.5, 0usize..8);
    let word = (WORD, style.clone()).prop_map(|(text, style)| Word { text, style });
    let line = (proptest::collection::vec(word, 1..8), style.clone(), proptest::option::weighted(0.25, prop::sample::select(vec!["-", "¬", "‐"])))
        .prop_map(|(words, style, hyp)| Line { words, style, hyp });
    let block = (0u32..2800, 0u32..3800, style, proptest::collection::vec(line, 1..6)).prop_map(|(x, y, style, lines)| Block { x, y, style, lines });
    (styles, proptest::collection::vec(block, 1..7), any::<bool>()).prop_map(|(styles, blocks, tesseract)| {
        let n = styles.len();
        let mut a = Alto { styles, blocks, tesseract };
        // Style indices drawn up to 8 are folded onto the styles there are.
        let fold = |s: &mut Option<usize>| *s = s.map(|i| i % n);
        for b in &mut a.blocks {
            fold(&mut b.style);
            for l in &mut b.lines {
                fold(&mut l.style);
                l.words.iter_mut().for_each(|w| fold(&mut w.style));
            }
        }
        a
    })
}

/// What is wrong with `page` as the reading of a file whose lines hold `strings` Strings: a
/// String in no line span or in two, a line span overlapping another, outside the text or cutting
/// a character, a line without its file line's id.
fn problems(strings: &BTreeMap<String, usize>, page: &Page) -> Vec<String> {
    let mut out = Vec::new();
    let Some(text) = page.source.text.as_deref() else { return vec!["no source.text".into()] };
    let mut found: BTreeMap<String, usize> = BTreeMap::new();
    let mut end = 0;
    for l in &page.lines {
        let (s, e) = (l.span.0, l.span.1);
        if s < end {
            out.push(format!("span {s}..{e} overlaps the one before, which ends at {end}"));
        }
        end = end.max(e);
        let Some(t) = text.get(s..e) else {
            out.push(format!("span {s}..{e} is outside the text or cuts a character"));
            continue;
        };
        match l.region.as_ref().and_then(|r| r.line.clone()) {
            Some(id) => *found.entry(id).or_default() += t.split_whitespace().count(),
            None => out.push(format!("line {t:?} names no file line")),
        }
    }
    if &found != strings {
        for (id, n) in strings {
            let got = found.get(id).copied().unwrap_or(0);
            if got != *n {
                out.push(format!("{id}: {n} String(s) in the file, {got} word(s) in its line spans"));
            }
        }
        for id in found.keys().filter(|id| !strings.contains_key(*id)) {
            out.push(format!("{id} is no line of the file"));
        }
    }
    out
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_string_of_an_alto_page_lands_in_one_line_span(page in alto()) {
        let xml = page.to_xml();
        let out = newsseg::process_page(&Config::default(), "p", None, xml.as_bytes());
        let out = match out {
            Ok(p) => p,
            Err(e) => return Err(TestCaseError::fail(format!("{e}\n{xml}"))),
        };
        prop_assert_eq!(out.source.format.as_deref(), Some("alto"));
        let bad = problems(&page.strings(), &out);
        prop_assert!(bad.is_empty(), "{:#?}\n{}", bad, xml);
    }
}

#[test]
fn the_checker_sees_a_lost_word_a_stray_line_and_an_overlap() {
    let page = Alto {
        styles: vec![(20, "bold"), (9, "")],
        blocks: vec![
            Block { x: 100, y: 100, style: Some(0), lines: vec![Line { words: vec![Word { text: "HEAD".into(), style: None }], style: None, hyp: None }] },
            Block {
                x: 100,
                y: 300,
                style: Some(1),
                lines: vec![
                    Line { words: ["Some", "words", "of", "a", "cut"].iter().map(|t| Word { text: t.to_string(), style: None }).collect(), style: None, hyp: Some("-") },
                    Line { words: ["ting", "and", "more."].iter().map(|t| Word { text: t.to_string(), style: None }).collect(), style: None, hyp: None },
                ],
            },
        ],
        tesseract: false,
    };
    let out = newsseg::process_page(&Config::default(), "p", None, page.to_xml().as_bytes()).unwrap();
    let strings = page.strings();
    assert!(problems(&strings, &out).is_empty(), "{:?}", problems(&strings, &out));
    let mut lost = out.clone();
    lost.lines.pop();
    assert!(problems(&strings, &lost).iter().any(|p| p.contains("B1_L1: 3 String(s) in the file, 0 word(s)")));
    let mut more = strings.clone();
    more.insert("B1_L0".into(), 6);
    assert!(!problems(&more, &out).is_empty());
    let mut overlap = out.clone();
    overlap.lines[2].span.0 -= 3;
    assert!(problems(&strings, &overlap).iter().any(|p| p.contains("overlaps")));
    let mut outside = out;
    let n = outside.source.text.as_ref().unwrap().len();
    outside.lines.last_mut().unwrap().span.1 = n + 1;
    assert!(problems(&strings, &outside).iter().any(|p| p.contains("outside the text")));
}
