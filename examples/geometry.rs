//! Prints what newsseg's geometry reads on a structured page (ALTO, hOCR, PAGE-XML): each line of
//! the derived text with its type size, headline group, paragraph start and margin mark, in
//! reading order. For looking at a page while working on the geometry.
//!
//!     cargo run --release --example geometry -- page.xml [auto|file|geometry]

use newsseg::geometry::{cut_at_gutters, derive, GeoParams, ReadingOrder};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: geometry FILE [auto|file|geometry]");
        std::process::exit(2);
    };
    let order: ReadingOrder = args.next().map_or(Ok(ReadingOrder::Auto), |s| s.parse()).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    });
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let doc = newsseg::ocrxml::read(&bytes).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    println!("# {} by {:?}, order {:?}", doc.format.as_str(), doc.producer, order.resolve(&doc));
    // As the pipeline reads it: lines run across a gutter are cut where the geometry orders the page.
    let doc = if order.resolve(&doc) == ReadingOrder::Geometry { cut_at_gutters(&doc).into_owned() } else { doc };
    let d = derive(&doc, order, &GeoParams::default());
    for h in &d.hints {
        let text = &d.text[h.span.0..h.span.1];
        let group = h.group.map_or(String::from("  "), |g| format!("{g:2}"));
        let marks = format!("{}{}{}{}", if h.para_start { '¶' } else { ' ' }, if h.display { 'H' } else { ' ' }, if h.margin { 'M' } else { ' ' }, if h.full { '|' } else { ' ' });
        let id = doc.blocks[h.block].id.as_deref().unwrap_or("-");
        println!("{group} {:4.2} {marks} {id:>12} {text}", h.ratio);
    }
}
