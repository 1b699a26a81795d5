//! newsseg turns the raw OCR text of a newspaper page into its articles, as JSON.
//!
//! The pipeline is a chain of plain functions between typed values, each in its own module:
//! [`source`] (bytes and spans) → [`clean`] (lines) → [`blocks`] (paragraphs) → [`classify`] (roles)
//! → [`segment`] (article seeds and units) → [`link`] (articles in reading order) → [`emit`] (JSON).
//! Every unit keeps byte spans into the source, and no stage rewrites them.
//!
//! A page may come in UTF-8 (damaged or not), UTF-16, or a legacy encoding such as GB18030, Big5
//! or Windows-1252 ([`source::Source::decode`] finds which, or takes `Config::encoding`; spans of a
//! decoded page count bytes of its UTF-8 decoding, and `source.spans` says so); binaries
//! are refused with [`ErrorKind::Binary`]. No page costs more than linear time: past
//! `Config::max_line_bytes` a line is analysed in pieces, past `Config::max_link_candidates` the
//! linker compares with the nearest stories only, and the page's warnings say so. Nor does a page
//! hold memory beyond its size and a bound: past `Config::window_bytes` a text page is processed
//! in windows ([`window`]).
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

mod bits;
pub mod blocks;
pub mod classify;
pub mod clean;
pub mod config;
pub mod emit;
pub mod error;
pub mod furniture;
pub mod geometry;
pub mod headwrap;
mod id;
pub mod lang;
pub mod link;
pub mod model;
pub mod ocrxml;
pub mod segment;
mod sets;
pub mod source;
pub mod window;
pub mod work;

pub use config::{Config, LangChoice};
pub use emit::Page;
pub use error::{Error, ErrorKind, Result};

use config::LangChoice as L;
use lang::{Lang, LangCode};
use model::cohesion::{Bag, Idf};
use rustc_hash::FxHashSet;
use typed_index_collections::TiSlice;

/// Runs the whole pipeline on one page's bytes. `id` names the page in its JSON; `path` is reported
/// as the source's path. The bytes may be in any encoding [`source::Source::decode`] reads; a binary
/// file, an unknown `cfg.encoding` label or a page over `cfg.max_page_bytes` is an error, never a panic.
///
/// With `cfg.page_timeout` set, a page whose work goes past it is stopped where the pipeline next
/// counts its work (see [`work`]) and the page fails with [`ErrorKind::Timeout`]; the thread is
/// free for the next page.
///
/// A text page longer than `cfg.window_bytes` is processed in windows (see [`window`]); the page
/// returned holds them all. [`process_page_json`] gives the same page as JSON without holding it.
pub fn process_page(cfg: &Config, id: &str, path: Option<&str>, bytes: &[u8]) -> Result<Page> {
    let mut whole = Whole::default();
    let warnings = within_time(cfg, path, || page_of(cfg, id, path, bytes, &mut |part| whole.add(part)))?;
    Ok(whole.page(warnings))
}

/// [`process_page`], giving the page's JSON rather than a [`Page`]: one compact line, or indented
/// when `pretty`, and a newline (the bytes [`emit::write_json`] writes), in pieces to be written one
/// after another. A long page is written window by window, so no more than one window's page
/// object is held at once, and its JSON past [`emit::stream::SPILL_BYTES`] waits in temporary
/// files. Returns how many articles the page has, and the pieces.
pub fn process_page_json(cfg: &Config, id: &str, path: Option<&str>, bytes: &[u8], pretty: bool) -> Result<(usize, [emit::stream::Piece; 3])> {
    // JSON runs a few times the size of its page (spans and the text itself); sizing the buffer
    // once saves the doublings.
    let mut json = emit::stream::PageJson::new(pretty, bytes.len() * 4 + 1024);
    let warnings = within_time(cfg, path, || page_of(cfg, id, path, bytes, &mut |part| json.part(&part)))?;
    Ok(json.finish(&warnings))
}

/// Runs one page's work under `cfg.page_timeout`.
fn within_time<T>(cfg: &Config, path: Option<&str>, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let deadline = cfg.page_timeout.map(|t| std::time::Instant::now() + t);
    work::within(deadline, f).unwrap_or_else(|work::TimedOut| {
        let secs = cfg.page_timeout.map_or(0.0, |t| t.as_secs_f64());
        let e = Error::new(ErrorKind::Timeout, format!("stopped after {secs} s (--page-timeout): the page's work ran past the time allowed"));
        Err(match path {
            Some(p) => e.with_path(p),
            None => e,
        })
    })
}

/// A page put together from its windows' parts: the first part's page, with the articles, running
/// heads and lines of the parts after it appended, and the page's warnings.
#[derive(Default)]
struct Whole(Option<Page>);

impl Whole {
    fn add(&mut self, part: Page) {
        match &mut self.0 {
            None => self.0 = Some(part),
            Some(page) => {
                page.articles.extend(part.articles);
                page.furniture.extend(part.furniture);
                page.lines.extend(part.lines);
            }
        }
    }

    fn page(self, warnings: Vec<source::Warning>) -> Page {
        let mut page = self.0.expect("a page has a window at least");
        page.warnings = warnings;
        page
    }
}

/// The page's windows' parts, each handed to `each` as it is made; returns the page's warnings.
fn page_of(cfg: &Config, id: &str, path: Option<&str>, bytes: &[u8], each: &mut dyn FnMut(Page)) -> Result<Vec<source::Warning>> {
    let named = |e: Error| match path {
        Some(p) => e.with_path(p),
        None => e,
    };
    if bytes.len() > cfg.max_page_bytes {
        return Err(named(Error::new(
            ErrorKind::TooLarge,
            format!("{} bytes is over the page limit of {} bytes (raise it with --max-page-bytes)", bytes.len(), cfg.max_page_bytes),
        )));
    }
    let unzipped = ocrxml::gunzip(bytes, cfg.max_page_bytes).map_err(named)?;
    let content = unzipped.as_deref().unwrap_or(bytes);
    let format = ocrxml::identify(content).map_err(|what| named(Error::new(ErrorKind::BadInput, format!("not a page: {what}"))))?;
    if let Some(format) = format {
        // A structured page is one window (its text is a thirtieth of its size), handed on once
        // the document read from the file is freed: the two together made the page's peak.
        let (whole, warnings) = {
            let doc = ocrxml::read_as(content, format).map_err(named)?;
            let mut whole = Whole::default();
            let warnings = document_parts(cfg, id, path, bytes, &doc, &mut |part| whole.add(part));
            (whole, warnings)
        };
        drop(unzipped);
        each(whole.0.expect("a page has a window at least"));
        return Ok(warnings);
    }
    let src = source::Source::decode(path.map(str::to_string), content, cfg.encoding.as_deref()).map_err(named)?;
    Ok(run(cfg, id, &src, None, each))
}

/// Runs the pipeline on a decoded source.
pub fn process_source(cfg: &Config, id: &str, src: &source::Source) -> Page {
    let mut whole = Whole::default();
    let warnings = run(cfg, id, src, None, &mut |part| whole.add(part));
    whole.page(warnings)
}

/// Runs the pipeline on a structured page read from `input` (ALTO, hOCR, PAGE-XML): the page text
/// is derived from its words in the reading order its geometry gives, and the geometry's hints
/// (headline type, paragraphs, regions) go along with it.
pub fn process_document(cfg: &Config, id: &str, path: Option<&str>, input: &[u8], doc: &ocrxml::Document) -> Page {
    let mut whole = Whole::default();
    let warnings = document_parts(cfg, id, path, input, doc, &mut |part| whole.add(part));
    whole.page(warnings)
}

fn document_parts(cfg: &Config, id: &str, path: Option<&str>, input: &[u8], doc: &ocrxml::Document, each: &mut dyn FnMut(Page)) -> Vec<source::Warning> {
    // Where the geometry works out the reading order, a line the engine ran across a gutter is
    // cut back into its columns first; a file read in its own order keeps its lines as they are.
    let cut;
    let doc = if cfg.reading_order.resolve(doc) == geometry::ReadingOrder::Geometry {
        cut = geometry::cut_at_gutters(doc);
        &*cut
    } else {
        doc
    };
    let derived = geometry::derive(doc, cfg.reading_order, &geometry::GeoParams::default());
    let src = source::Source::derived(path.map(str::to_string), input, derived.text);
    // The file's own order is the producer's reading of its articles: the text stays where it
    // stands. An order the geometry found is a guess that the text's own evidence may correct.
    let positional = cfg.reading_order.resolve(doc) == geometry::ReadingOrder::File;
    run(cfg, id, &src, Some(Geo { doc, hints: &derived.hints, positional }), each)
}

/// A structured page's geometry, as the pipeline reads it beside the derived text.
#[derive(Clone, Copy)]
pub struct Geo<'a> {
    pub doc: &'a ocrxml::Document,
    /// One per line of the derived text, in text order.
    pub hints: &'a [geometry::Hint],
    /// The text stands in its reading order: the linker keeps each unit in the story above it.
    pub positional: bool,
}

impl Geo<'_> {
    /// The hint of each cleaned line (by where the line starts), `None` for none.
    fn per_line(&self, lines: &[clean::Line]) -> Vec<Option<usize>> {
        let mut k = 0;
        lines
            .iter()
            .map(|l| {
                while k < self.hints.len() && self.hints[k].span.1 <= l.span.0 {
                    k += 1;
                }
                (k < self.hints.len() && self.hints[k].span.0 <= l.span.0).then_some(k)
            })
            .collect()
    }
}

/// An OCR engine's word confidence (0..1) at or above which a word is taken as read right and
/// never mended: engines score the words they misread far lower.
const SURE_CONFIDENCE: f32 = 0.9;

/// The words of a structured page its engine read with high confidence, lower-cased.
fn sure_words(doc: &ocrxml::Document) -> FxHashSet<Box<str>> {
    doc.blocks
        .iter()
        .flat_map(|b| &b.lines)
        .flat_map(|l| &l.words)
        .filter(|w| w.conf.is_some_and(|c| c >= SURE_CONFIDENCE))
        .flat_map(|w| w.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase().into_boxed_str())
        .collect()
}

/// Runs the pipeline over the page's windows (one, unless it is a text page longer than
/// `cfg.window_bytes`), handing each window's page object to `each` as it is made, its articles
/// numbered on from the window before; returns the page's warnings. Each window's working state is
/// dropped before the next is read.
fn run(cfg: &Config, id: &str, src: &source::Source, geo: Option<Geo>, each: &mut dyn FnMut(Page)) -> Vec<source::Warning> {
    // A structured page's geometry hints run over its whole derived text: it is one window.
    let windows = if geo.is_some() { std::iter::once(0..src.text.len()).collect() } else { window::cuts(&src.text, cfg.window_bytes) };
    let mut splits = clean::Splits::default();
    let mut code = None;
    let mut bound = LinkBound::default();
    let mut unsure = Vec::new();
    let mut articles = 0;
    for range in windows.iter().cloned() {
        let lines = clean::lines_in(src, cfg.max_line_bytes, range.clone(), &mut splits);
        // A text page's rows read across column gutters are read a column at a time; a structured
        // page's geometry has cut them already.
        let lines = if geo.is_none() { clean::columns::read_columns(src, lines, range.start == 0) } else { lines };
        // Each stage's work grows with the page's lines at least: counted between stages, which is
        // also where a page past its deadline stops (see `work`).
        work::add(lines.len() as u64);
        // A long page's language is its first window's: one page, one language.
        let code = *code.get_or_insert_with(|| match cfg.lang {
            L::Zh => LangCode::Zh,
            L::En => LangCode::En,
            L::Fr => LangCode::Fr,
            L::De => LangCode::De,
            L::Latin => LangCode::Latin,
            L::Auto => detect(&lines),
        });
        let line_hints = geo.map(|g| g.per_line(&lines));
        let mut lines = lines;
        if let (Some(g), Some(per)) = (&geo, &line_hints) {
            for (l, k) in lines.iter_mut().zip(per) {
                l.word_cut = k.is_some_and(|k| g.hints[k].word_cut);
            }
        }
        let params = *cfg.tuning.as_deref().unwrap_or(link::Tuning::builtin()).of(code);
        let page = match (&geo, &line_hints) {
            (Some(g), Some(h)) => Analysed { positional: g.positional, params, ..Analysed::with_geometry(&lines, Lang::get(code), g.hints, h, &sure_words(g.doc)) },
            // On a text page only the user can say that the text stands in its reading order.
            _ => Analysed { positional: cfg.reading_order == geometry::ReadingOrder::File, params, ..Analysed::of(&lines, Lang::get(code)) },
        };
        work::add(page.blocks.len() as u64);
        let seg = page.segments();
        work::add(seg.units.len() as u64);
        let ctx = page.ctx(cfg);
        let before = LinkBound::before(&seg, TiSlice::from_ref(&page.classes));
        work::linking(seg.units.len());
        let (seg, plans) = link::link(&seg, &ctx);
        // The seam scores and block ends the linker remembered are of no use to the page object.
        drop(ctx);
        bound.add(before.after(&seg, &plans, TiSlice::from_ref(&page.classes)), cfg.max_link_candidates);
        work::add(plans.len() as u64);
        unsure.extend(page.blocks.iter().flat_map(|b| b.unsure_hyphens.iter().copied()));
        let mut part = emit::page::build(emit::page::Parts {
            src,
            id: id.to_string(),
            lang: code.as_str(),
            lines: &lines,
            layout: &page.layout,
            blocks: TiSlice::from_ref(&page.blocks),
            classes: TiSlice::from_ref(&page.classes),
            seg: &seg,
            plans,
            first_article: articles,
            geo: geo.zip(line_hints.as_deref()).map(|(g, h)| emit::page::GeoParts { doc: g.doc, hints: g.hints, line_hint: h }),
            grams: &page.grams,
        });
        // A text page's lines are listed in the order they stand in the text, however they were read.
        if geo.is_none() {
            part.lines.sort_by_key(|l| l.span.0);
        }
        // The window's working state goes before its part is written out.
        drop((seg, page, lines, line_hints));
        articles += part.articles.len();
        each(part);
    }
    let mut warnings = src.warnings.clone();
    splits.warn(cfg.max_line_bytes, &mut warnings);
    if windows.len() > 1 {
        warnings.push(source::Warning::new(
            "page-windowed",
            format!(
                "{} bytes of text read in {} windows of about {} bytes, each linked on its own so the page is held in bounded memory: no article runs from one window into the next",
                src.text.len(),
                windows.len(),
                cfg.window_bytes
            ),
            Vec::new(),
        ));
    }
    if let Some(w) = bound.warning(cfg) {
        warnings.push(w);
    }
    if !unsure.is_empty() {
        warnings.push(source::Warning::new(
            "hyphen-kept",
            format!("{} line-end hyphen(s) kept: not sure whether they join a broken word", unsure.len()),
            unsure,
        ));
    }
    warnings
}

/// What the analysis of a structured page reads beside its lines: the geometry's hints, the hint
/// of each line, and the words the OCR engine was sure of.
#[derive(Clone, Copy)]
struct LineGeometry<'a> {
    hints: &'a [geometry::Hint],
    line_hint: &'a [Option<usize>],
    sure: &'a FxHashSet<Box<str>>,
}

/// A page's cleaned lines read as blocks, classified, with the statistics segmentation and linking
/// weigh them by: the one way every caller (the pipeline, the stage tests and the stage benchmarks)
/// reaches those stages.
pub struct Analysed {
    pub lang: &'static Lang,
    pub layout: blocks::Layout,
    pub blocks: Vec<blocks::Block>,
    pub classes: Vec<classify::Class>,
    pub grams: model::grams::PageGrams,
    pub bags: Vec<Bag>,
    pub idf: Idf,
    pub n_features: usize,
    /// The text stands in the reading order its file gives: the linker keeps each unit in the story
    /// above it rather than assigning units by cohesion.
    pub positional: bool,
    /// The page language's weights, as the run has them (built-in unless `Config::tuning`).
    pub params: link::Params,
}

impl Analysed {
    pub fn of(lines: &[clean::Line], lang: &'static Lang) -> Analysed {
        Analysed::analyse(lines, lang, None)
    }

    /// A plain-text page's analysis, its lines cut as a run cuts them, for tests of the stages.
    #[cfg(test)]
    pub(crate) fn of_text(page: &str, code: lang::LangCode) -> Analysed {
        let src = source::Source::utf8(None, page.as_bytes());
        let lines = clean::lines(&src, Config::default().max_line_bytes, &mut Vec::new());
        Analysed::of(&lines, Lang::get(code))
    }

    /// [`Analysed::of`] for a page derived from a structured file: paragraphs are the geometry's,
    /// a paragraph may run on past a column's end only where its last line is full, and blocks
    /// set in headline type are headings of their group.
    /// `sure` holds the words (lower-cased) the OCR engine read with high confidence: they are
    /// never mended.
    pub fn with_geometry(lines: &[clean::Line], lang: &'static Lang, hints: &[geometry::Hint], line_hint: &[Option<usize>], sure: &FxHashSet<Box<str>>) -> Analysed {
        Analysed::analyse(lines, lang, Some(LineGeometry { hints, line_hint, sure }))
    }

    fn analyse(lines: &[clean::Line], lang: &'static Lang, geo: Option<LineGeometry>) -> Analysed {
        let line_roles = furniture::line_roles(lines, lang);
        let solo: Vec<bool> = line_roles.iter().map(Option::is_some).collect();
        let mut layout = blocks::layout(lines, lang);
        if geo.is_some() {
            layout.wrapped = true;
            layout.indents = false;
            layout.blank_is_column_break = false;
            layout.geometric = true;
            layout.measure = None;
        }
        let sure = geo.map(|g| g.sure);
        let mut blocks = blocks::build_sure(lines, &layout, lang, &solo, sure);
        let hint_of = |line: usize| geo.and_then(|g| g.line_hint[line].map(|k| &g.hints[k]));
        if geo.is_some() {
            for b in &mut blocks {
                b.last_full = hint_of(b.lines.end - 1).is_some_and(|h| h.full);
            }
        }
        let mut classes = classify::classify_all(&blocks, &line_roles, &layout, lang);
        classify::date_decks(&blocks, &mut classes, lang);
        classify::stray_decks(&blocks, &mut classes, &layout, lang);
        let grams = if lang.code.is_cjk() {
            model::grams::PageGrams::for_cuts(blocks.iter().map(|b| b.text.as_str()))
        } else {
            model::grams::PageGrams::of_words_in(blocks.iter().map(|b| b.text.as_str()), lang)
        };
        if geo.is_none() {
            headwrap::wrapped_heads(&blocks, &mut classes, &layout, lang);
        }
        classify::demote_cut_headings(&blocks, &mut classes, &layout, lang, &grams);
        if geo.is_none() {
            classify::labelled::over_labels(&blocks, &mut classes, lang);
        }
        classify::wrapped_titles(&blocks, &mut classes, lang);
        classify::tight_kickers(&blocks, &mut classes, &layout, lang);
        classify::tight_decks(&blocks, &mut classes, &layout, lang);
        classify::lone_lead_ins(&blocks, &mut classes, lang);
        // The geometry measures the indent plain text loses (plain text keeps it in its starts).
        let indented: Vec<bool> = if geo.is_some() { blocks.iter().map(|b| hint_of(b.lines.start).is_some_and(|h| h.indented)).collect() } else { Vec::new() };
        classify::inside_starts(&blocks, &mut classes, lang, &indented);
        classify::edge_marks(&blocks, &mut classes, &layout, lang);
        if geo.is_some() {
            let types: Vec<classify::LineType> =
                (0..lines.len()).map(|i| hint_of(i).map_or_else(Default::default, |h| classify::LineType { display: h.display, group: h.group, margin: h.margin, ratio: h.ratio, apart: h.apart })).collect();
            classify::display_type(&blocks, &mut classes, &types, lang);
        }
        let flush_right: Vec<bool> = (0..lines.len()).map(|i| hint_of(i).is_some_and(|h| h.flush_right)).collect();
        classify::apart::apart_headings(&blocks, lines, &mut classes, &layout, lang);
        classify::signatures(&blocks, &mut classes, &layout, lang, &flush_right);
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
        Analysed { lang, layout, blocks, classes, grams, bags, idf, n_features: features.len(), positional: false, params: link::Params::for_lang(lang) }
    }

    pub fn segments(&self) -> segment::Segments {
        let loose_heads = self.layout.measure.is_some_and(|m| m.indent > 0);
        segment::segment(TiSlice::from_ref(&self.blocks), TiSlice::from_ref(&self.classes), TiSlice::from_ref(&self.bags), &self.idf, self.lang, &self.params, loose_heads)
    }

    pub fn ctx(&self, cfg: &Config) -> link::Ctx<'_> {
        link::Ctx {
            blocks: TiSlice::from_ref(&self.blocks),
            classes: TiSlice::from_ref(&self.classes),
            bags: TiSlice::from_ref(&self.bags),
            idf: &self.idf,
            lang: self.lang,
            grams: &self.grams,
            column_blanks: self.layout.blank_is_column_break,
            n_features: self.n_features,
            seam_cache: Default::default(),
            seam_ends: vec![Default::default(); self.blocks.len()].into(),
            params: self.params.on_page(self.layout.geometric, self.positional, self.layout.measure.is_some_and(|m| m.indent > 0)),
            max_candidates: cfg.max_link_candidates,
        }
    }
}

/// What tells when the page is large enough that the linker compared its stories, open ends and
/// fragments with the nearest `max_link_candidates` only (so the page costs linear time), rather
/// than with all of them as on an ordinary page: stories and open ends counted before linking, and
/// the most fragments one article spans, from the articles made. Over a page's windows, the
/// counts add up and the widest article is the widest of any window.
#[derive(Debug, Default, Clone, Copy)]
struct LinkBound {
    seeds: usize,
    open: usize,
    widest: usize,
    /// Some window was bounded.
    bounded: bool,
}

impl LinkBound {
    fn before(seg: &segment::Segments, classes: &TiSlice<blocks::BlockId, classify::Class>) -> LinkBound {
        let open = seg.units.iter().filter(|u| u.kind == segment::UnitKind::Para && classes[u.block].open_end).count();
        LinkBound { seeds: seg.seeds.len(), open, widest: 0, bounded: false }
    }

    /// With the articles made (`plans`, over the linked segments).
    fn after(self, seg: &segment::Segments, plans: &[link::Plan], classes: &TiSlice<blocks::BlockId, classify::Class>) -> LinkBound {
        LinkBound { widest: plans.iter().map(|p| fragments_of(p, seg, classes)).max().unwrap_or(0), ..self }
    }

    fn add(&mut self, window: LinkBound, max: usize) {
        self.seeds += window.seeds;
        self.open += window.open;
        self.widest = self.widest.max(window.widest);
        self.bounded |= window.seeds > max || window.open > max || window.widest > 2 * max + 1;
    }

    fn warning(&self, cfg: &Config) -> Option<source::Warning> {
        let max = cfg.max_link_candidates;
        let LinkBound { seeds, open, widest, bounded } = *self;
        if !bounded {
            return None;
        }
        Some(source::Warning::new(
            "link-bounded",
            format!(
                "{seeds} story starts, {open} paragraphs ending mid-sentence, {widest} fragments in the widest story: each was weighed against the nearest {max} only, which keeps a page this long to time in proportion to its length"
            ),
            Vec::new(),
        ))
    }
}

/// How many fragments the linker orders an article in: runs of its units, cut where another
/// story's text stands between, after a paragraph that stops mid-sentence and before one that
/// starts mid-sentence (as `link` cuts them).
fn fragments_of(plan: &link::Plan, seg: &segment::Segments, classes: &TiSlice<blocks::BlockId, classify::Class>) -> usize {
    let mut units = plan.units.clone();
    units.sort_unstable();
    let para = |u: usize| seg.units[u].kind == segment::UnitKind::Para;
    let cut = |a: usize, b: usize| {
        b != a + 1
            || (para(a) && classes[seg.units[a].block].open_end)
            || (para(b) && classes[seg.units[b].block].start == classify::Start::Mid)
    };
    usize::from(!units.is_empty()) + units.windows(2).filter(|w| cut(w[0], w[1])).count()
}

/// The page's language: Chinese by script, a Latin page by its commonest words ([`lang::detect`]).
pub fn detect(lines: &[clean::Line]) -> LangCode {
    let (cjk, latin) = lines.iter().fold((0u64, 0u64), |(c, l), x| (c + x.stats.cjk as u64, l + x.stats.latin as u64));
    lang::detect::detect(cjk, latin, lines.iter().map(|l| l.text.as_str()))
}
