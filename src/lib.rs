//! newsseg turns the raw OCR text of a newspaper page into its articles, as JSON.
//!
//! The pipeline is a chain of plain functions between typed values, each in its own module:
//! [`source`] (bytes and spans) → [`clean`] (lines) → [`blocks`] (paragraphs) → [`classify`] (roles)
//! → [`segment`] (article seeds and units) → [`link`] (articles in reading order) → [`emit`] (JSON).
//! Every unit keeps byte spans into the source, and no stage rewrites them.
//!
//! ```
//! let cfg = newsseg::Config::default();
//! let page = newsseg::process_page(&cfg, "p1", None, "## 西瓜上市\n\n通讯员 高军\n\n眼下，西瓜陆续成熟，新鲜上市。\n".as_bytes()).unwrap();
//! assert_eq!(page.articles.len(), 1);
//! assert_eq!(page.articles[0].headline.as_deref(), Some("西瓜上市"));
//! assert_eq!(page.articles[0].bylines[0].name.as_deref(), Some("高军"));
//!
//! let en = "MARKETS RALLY\n\nBy Jane Doe, Reuters\n\n  NEW YORK, March 3 - Stocks rose sharp-\nly on Tuesday.\n";
//! let page = newsseg::process_page(&cfg, "p2", None, en.as_bytes()).unwrap();
//! let a = &page.articles[0];
//! assert_eq!(a.headline.as_deref(), Some("MARKETS RALLY"));
//! assert_eq!(a.dateline.as_deref(), Some("NEW YORK, March 3 -"));
//! assert_eq!(a.sections[0].paragraphs[0].text, "NEW YORK, March 3 - Stocks rose sharply on Tuesday.");
//! ```

pub mod batch;
pub mod blocks;
pub mod classify;
pub mod clean;
pub mod cli;
pub mod config;
pub mod emit;
pub mod error;
pub mod lang;
pub mod link;
pub mod model;
pub mod segment;
pub mod source;

pub use config::{Config, LangChoice};
pub use emit::Page;
pub use error::{Error, ErrorKind, Result};

use classify::Role;
use config::LangChoice as L;
use lang::{Lang, LangCode};
use model::cohesion::{Bag, Idf};

/// Runs the whole pipeline on one page's bytes. `id` names the page in its JSON; `path` is reported
/// as the source's path.
pub fn process_page(cfg: &Config, id: &str, path: Option<&str>, bytes: &[u8]) -> Result<Page> {
    if bytes.len() > cfg.max_page_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("{} bytes is over the page limit of {} bytes (raise it with --max-page-bytes)", bytes.len(), cfg.max_page_bytes),
        ));
    }
    let src = source::Source::utf8(path.map(str::to_string), bytes);
    Ok(process_source(cfg, id, &src))
}

/// Runs the pipeline on a decoded source.
pub fn process_source(cfg: &Config, id: &str, src: &source::Source) -> Page {
    let mut warnings = src.warnings.clone();
    let lines = clean::lines(src, cfg, &mut warnings);
    let code = match cfg.lang {
        L::Zh => LangCode::Zh,
        L::En => LangCode::En,
        L::Auto => detect(&lines),
    };
    let lang = Lang::get(code);
    let line_roles = classify::line_roles(&lines, lang);
    let solo: Vec<bool> = line_roles.iter().map(Option::is_some).collect();
    let layout = blocks::layout(&lines, lang);
    let blocks = blocks::build(&lines, &layout, lang, &solo);
    let mut classes: Vec<classify::Class> = blocks
        .iter()
        .map(|b| {
            let role = if b.n_lines() == 1 { line_roles[b.lines.start] } else { None::<Role> };
            classify::classify(b, role, &layout, lang)
        })
        .collect();
    let grams = if lang.code.is_cjk() {
        model::seam::PageGrams::of(blocks.iter().map(|b| b.text.as_str()))
    } else {
        model::seam::PageGrams::default()
    };
    classify::demote_cut_headings(&blocks, &mut classes, lang, &grams);
    let mut features = model::cohesion::Features::with_capacity(blocks.iter().map(|b| b.text.len()).sum::<usize>() / 3);
    let bags: Vec<Bag> = blocks
        .iter()
        .zip(&classes)
        .map(|(b, c)| match c.shape {
            classify::Shape::Furniture | classify::Shape::Noise => Bag::default(),
            _ => features.bag(&b.text, lang),
        })
        .collect();
    let idf = Idf::new(bags.iter().filter(|b| !b.is_empty()), features.len());
    let seg = segment::segment(&blocks, &classes, &bags, &idf, lang);
    let ctx = link::Ctx {
        blocks: &blocks,
        classes: &classes,
        bags: &bags,
        idf: &idf,
        lang,
        grams: &grams,
        column_blanks: layout.blank_is_column_break,
        n_features: features.len(),
        seam_cache: Default::default(),
        params: link::Params::default(),
        max_candidates: cfg.max_link_candidates,
    };
    let (seg, plans) = link::link(&seg, &ctx);
    emit::page::build(emit::page::Parts {
        src,
        id: id.to_string(),
        lang: code.as_str(),
        lines: &lines,
        layout: &layout,
        blocks: &blocks,
        classes: &classes,
        seg: &seg,
        plans,
        warnings,
    })
}

/// Chinese if CJK characters are a fair share of the page's letters (a Chinese page quotes English
/// names; an English page rarely holds more than a few CJK characters).
fn detect(lines: &[clean::Line]) -> LangCode {
    let (cjk, latin) = lines.iter().fold((0u64, 0u64), |(c, l), x| (c + x.stats.cjk as u64, l + x.stats.latin as u64));
    if cjk > 0 && cjk * 4 >= latin { LangCode::Zh } else { LangCode::En }
}
