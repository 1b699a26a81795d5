//! The page object: the JSON newsseg writes for one page, and how it is assembled from the plans.

use crate::blocks::{Block, BlockId, Layout};
use crate::classify::{Byline, Class, Jump, Role, Shape};
use crate::clean::cjk::{heading_halves, mend_brackets, mend_pieces, squeeze_spaces};
use crate::clean::Line;
use crate::furniture::{self, Furniture};
use crate::lang::{Lang, LangCode};
use crate::link::{Plan, Report};
use crate::segment::{Segments, UnitKind};
use crate::source::{Source, SpanBase, Span, Warning};
use schemars::JsonSchema;
use serde::Serialize;
use typed_index_collections::{TiSlice, TiVec};

pub const SCHEMA_VERSION: &str = "1";

/// One page: its source, its articles, and what every line of it was taken for.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Page {
    pub schema_version: String,
    /// What made this JSON: newsseg and its version.
    pub generator: Generator,
    /// The page's name: its file stem, or the id it came with on a JSON Lines stream.
    pub id: String,
    pub source: SourceInfo,
    /// The language whose rules were applied, detected per page unless forced: a BCP 47 tag, `zh`,
    /// `en`, `fr`, `de`, or `und-Latn` for another language in Latin script (or one not told apart).
    #[schemars(extend("enum" = ["zh", "en", "fr", "de", "und-Latn"]))]
    pub language: String,
    /// `markdown` (a line per paragraph) or `wrapped` (hard-wrapped column lines).
    pub layout: String,
    pub articles: Vec<Article>,
    /// The page's running heads (date, page number, section label), each line with its span.
    pub furniture: Vec<Furniture>,
    /// Every non-blank line of the source, in order.
    pub lines: Vec<LineOut>,
    pub warnings: Vec<Warning>,
}

/// The program that wrote a page's JSON, so pages made by different versions can be told apart.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Generator {
    /// Always `newsseg`.
    pub name: String,
    /// Its version (`newsseg --version`).
    pub version: String,
}

impl Generator {
    pub fn this() -> Generator {
        Generator { name: "newsseg".into(), version: env!("CARGO_PKG_VERSION").into() }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceInfo {
    /// The input's path as given; null for standard input and JSON Lines records.
    pub path: Option<String>,
    /// Size of the input in bytes.
    pub bytes: usize,
    /// SHA-256 of the input, hex.
    pub sha256: String,
    /// The encoding the input was read in.
    pub encoding: String,
    /// What span offsets count: bytes of the input (`input`), of its UTF-8 decoding
    /// (`decoded-utf8`), or of the page text derived from a structured file (`derived-text`).
    pub spans: SpanBase,
    /// The structured format the input was read as (`alto`, `hocr`, `page-xml`); absent for text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The page text derived from a structured file, which the spans index: its words a line per
    /// file line in reading order, a blank line between paragraphs. Absent for text input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The image the structured file was read from, as the file names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The page's size in the structured file's units, and the unit (`pixel`, `mm10`, `inch1200`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<PageSize>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PageSize {
    pub width: f64,
    pub height: f64,
    /// The file's MeasurementUnit (ALTO), `pixel` for hOCR and PAGE-XML.
    pub unit: String,
}

/// A block of a structured file: its id there (ALTO `TextBlock@ID`, hOCR `ocr_par@id`, PAGE
/// `TextRegion@id`) and its box `[x, y, w, h]` in the file's units.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Region {
    /// The block's id in the file; null where it has none.
    pub id: Option<String>,
    /// The block's box `[x, y, w, h]` in the file's units.
    pub bbox: [f64; 4],
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Article {
    /// Stable id: the page's content hash and the article's position.
    pub id: String,
    pub headline: Option<String>,
    pub kicker: Option<String>,
    pub deck: Option<String>,
    pub bylines: Vec<Byline>,
    pub dateline: Option<String>,
    pub credit: Option<String>,
    pub sections: Vec<Section>,
    pub captions: Vec<Paragraph>,
    /// Jump lines ("continued on page 4") found in the article.
    pub jumps: Vec<Jump>,
    /// The whole article as plain text: headline block, sections, captions, credit.
    pub text: String,
    /// Every place the article's text jumps elsewhere on the page, or a paragraph was joined.
    pub continuations: Vec<ContinuationOut>,
    /// 0..1: how sure newsseg is that this article is whole and alone.
    pub confidence: f64,
    pub flags: Vec<String>,
    /// For structured input: the file's blocks the article was read from, in reading order, so a
    /// viewer can draw it on the scan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Paragraph {
    pub text: String,
    /// The source lines it was built from, in reading order.
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ContinuationOut {
    /// Byte offset where the text breaks off (end of its last line).
    pub from: usize,
    /// Byte offset where it resumes (start of the line it goes on in).
    pub to: usize,
    pub score: f64,
    pub evidence: Vec<String>,
    /// The two pieces were made one paragraph.
    pub joined: bool,
    pub low_confidence: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct LineOut {
    pub span: Span,
    pub role: Role,
    /// The article the line belongs to; null for furniture, noise and anything not placed.
    pub article: Option<String>,
    /// For structured input: the file block the line stands in, with the line's own box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<LineRegion>,
}

/// Where a line of a structured file stands: its block, its own id and its box.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LineRegion {
    /// The file block's id.
    pub id: Option<String>,
    /// The line's id in the file, where it has one.
    pub line: Option<String>,
    /// The line's box `[x, y, w, h]` in the file's units.
    pub bbox: [f64; 4],
}

/// A structured page's geometry as the page object reports it.
pub struct GeoParts<'a> {
    pub doc: &'a crate::ocrxml::Document,
    pub hints: &'a [crate::geometry::Hint],
    /// The hint of each cleaned line.
    pub line_hint: &'a [Option<usize>],
}

fn bbox4(b: &crate::ocrxml::BBox) -> [f64; 4] {
    [b.x, b.y, b.w, b.h].map(|v| ((v as f64) * 10.0).round() / 10.0)
}

pub struct Parts<'a> {
    pub src: &'a Source<'a>,
    pub id: String,
    pub lang: &'a str,
    pub lines: &'a [Line],
    pub layout: &'a Layout,
    pub blocks: &'a TiSlice<BlockId, Block>,
    pub classes: &'a TiSlice<BlockId, Class>,
    pub seg: &'a Segments,
    pub plans: Vec<Plan>,
    /// How many articles the page's windows before this one made: its articles are numbered on.
    pub first_article: usize,
    pub geo: Option<GeoParts<'a>>,
    /// The page's words and word pairs: what tells, in a language without a word list, whether
    /// two pieces of a paragraph cut inside a word make one.
    pub grams: &'a crate::model::grams::PageGrams,
}

fn round3(x: f32) -> f64 {
    ((x as f64) * 1000.0).round() / 1000.0
}

impl Parts<'_> {
    fn block_text(&self, b: BlockId) -> String {
        let blk = &self.blocks[b];
        let t = match self.classes[b].jump_tail {
            Some(k) => blk.text[..blk.text.len() - k].trim_end(),
            None => blk.text.as_str(),
        };
        if blk.cjk { squeeze_spaces(t) } else { t.to_string() }
    }

    fn heading_text(&self, b: BlockId) -> String {
        let t = self.blocks[b].text.trim();
        if self.blocks[b].cjk && !self.blocks[b].stacked { squeeze_cjk_keep_gaps(t) } else { t.to_string() }
    }
}

/// Opens a series report taken into article `ai`: each title line heads a section of its own, and
/// the report's bylines join the article's. A byline line printed under the report's title (本报记者
/// 尹晓宇) heads a section too, so the article reads in the order printed: which report is whose
/// shows there, not only in the article's list of bylines.
fn open_report(p: &Parts, part: &Report, ai: usize, sections: &mut Vec<Section>, bylines: &mut Vec<Byline>, block_role: &mut TiSlice<BlockId, Option<(Role, usize)>>) {
    for &h in &part.heads {
        block_role[h] = Some((Role::Subhead, ai));
        push_heading(sections, p.heading_text(h));
    }
    for &b in &part.bylines {
        if p.classes[b].shape == Shape::Byline {
            push_heading(sections, p.heading_text(b));
        }
        block_role[b] = Some((if p.classes[b].shape == Shape::Dateline { Role::Dateline } else { Role::Byline }, ai));
        for bl in &p.classes[b].bylines {
            if !bylines.contains(bl) {
                bylines.push(bl.clone());
            }
        }
    }
}

/// A heading opens a new section, unless the last one has neither heading nor text yet.
fn push_heading(sections: &mut Vec<Section>, heading: String) {
    let last = sections.last_mut().expect("a section");
    if last.paragraphs.is_empty() && last.heading.is_none() {
        last.heading = Some(heading);
    } else {
        sections.push(Section { heading: Some(heading), paragraphs: Vec::new() });
    }
}

/// Removes single stray spaces between CJK characters but keeps a wider gap, which in a headline
/// separates its two halves.
fn squeeze_cjk_keep_gaps(t: &str) -> String {
    if t.contains("  ") {
        heading_halves(t).map(squeeze_spaces).collect::<Vec<_>>().join(" ")
    } else {
        t.to_string()
    }
}

/// Joins two pieces of one paragraph cut at a column break.
#[cfg(test)]
fn join_text(a: &str, b: &str, cjk: bool) -> String {
    let mut a = a.to_string();
    join_onto(&mut a, b, cjk, &BY_LIST);
    a
}

/// Whether `l-` and `r` at a column cut make one word by the built-in word list.
fn joins_by_list(l: &str, r: &str) -> bool {
    r.chars().next().is_some_and(char::is_lowercase) && crate::clean::hyphen::is_word(&format!("{l}{r}").to_lowercase())
}

/// Whether `l-` and `r` at a column cut are one word, decided as a hyphen at a line's end: by the
/// word list, or by the page's words (`count`, the cut's own halves included). A name broken at
/// the cut (Aus-|tralia) is in no list: halves that neither the list nor the page knows as words
/// are a word broken in two.
fn joins_at_cut(l: &str, r: &str, lang: &Lang, count: &dyn Fn(&str) -> u32) -> bool {
    let by_page = || crate::clean::hyphen::decide_by_page(l, r, lang, count, &|_| false) == crate::clean::hyphen::Dehyphen::Join;
    if lang.has_word_list() {
        let listed = |w: &str| crate::clean::hyphen::is_word(&w.to_lowercase());
        joins_by_list(l, r) || (!listed(l) && !listed(r) && by_page())
    } else {
        by_page()
    }
}

/// A line ending on a word's first half and its hyphen (CON-), not on a dash set apart (BARBADOES, -).
fn cut_word(t: &str) -> bool {
    t.strip_suffix('-').is_some_and(|w| w.ends_with(char::is_alphabetic))
}

/// What tells the words of the page's language at a column cut (lower-case strings).
struct CutWords<'a> {
    /// A whole made by joining the two sides.
    whole: &'a dyn Fn(&str) -> bool,
    /// One side alone, which the cut itself spells once.
    half: &'a dyn Fn(&str) -> bool,
    /// Whether the word before a hyphen at the cut and the word after make one.
    at_hyphen: &'a dyn Fn(&str, &str) -> bool,
}

/// [`CutWords`] by the built-in word list.
#[cfg(test)]
const BY_LIST: CutWords<'static> = CutWords { whole: &crate::clean::hyphen::is_word, half: &crate::clean::hyphen::is_word, at_hyphen: &joins_by_list };

/// Joins `b` onto `a`, two pieces of one paragraph cut at a column break. Appends in place: a
/// paragraph joined from many pieces is not copied once per piece. `words` tells the words of the
/// page's language.
fn join_onto(a: &mut String, b: &str, cjk: bool, words: &CutWords) {
    let touches_cjk = a.chars().next_back().is_some_and(crate::lang::is_cjk_context) || b.chars().next().is_some_and(crate::lang::is_cjk_context);
    if cjk || touches_cjk {
        a.push_str(b);
        return;
    }
    let lw: String = a.chars().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
    let nw: String = b.chars().take_while(|c| c.is_alphabetic()).collect();
    if let Some(stem) = a.strip_suffix('-') {
        let l2: String = stem.chars().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
        // A title in capitals is asked of in lower case (CON-|SUMPTIVES, consumptives).
        let caps = |w: &str| w.chars().all(char::is_uppercase);
        let (l2, nw) = if caps(&l2) && caps(&nw) { (l2.to_lowercase(), nw.to_lowercase()) } else { (l2, nw) };
        if !l2.is_empty() && (words.at_hyphen)(&l2, &nw) {
            a.pop();
        }
        a.push_str(b);
        return;
    }
    if !(!lw.is_empty()
        && nw.chars().next().is_some_and(char::is_lowercase)
        && (words.whole)(&format!("{lw}{nw}").to_lowercase())
        && !((words.half)(&lw.to_lowercase()) && (words.half)(&nw.to_lowercase())))
    {
        a.push(' ');
    }
    a.push_str(b);
}

/// One title line of a headline group: a heading block, with the blocks that wrap it
/// (`Class::wraps`) joined on.
struct TitleLine {
    text: String,
    chars: u32,
    md: bool,
    deck: bool,
    size: f32,
}

/// Splits a headline group into kicker, headline and deck. A block that wraps the one above
/// (`Class::wraps`) is the rest of that title line, and takes its role.
fn head_roles(heads: &[BlockId], blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>, lang: &Lang, words: &CutWords) -> Vec<Role> {
    let mut lines: Vec<TitleLine> = Vec::new();
    let mut line_of = Vec::with_capacity(heads.len());
    for &h in heads {
        let (b, c) = (&blocks[h], &classes[h]);
        match lines.last_mut() {
            Some(l) if c.wraps && crate::headwrap::runs_on(&l.text, b.text.trim(), lang) => {
                join_onto(&mut l.text, b.text.trim(), b.cjk, words);
                l.chars += b.stats.chars;
                l.md |= b.md_heading > 0;
                l.size = l.size.max(c.size);
            }
            _ => lines.push(TitleLine { text: b.text.trim().to_string(), chars: b.stats.chars, md: b.md_heading > 0, deck: c.deck_marker, size: c.size }),
        }
        line_of.push(lines.len() - 1);
    }
    let roles = title_roles(&lines, lang);
    line_of.into_iter().map(|l| roles[l]).collect()
}

/// The role of each title line of a headline group: kicker, headline or deck.
fn title_roles(lines: &[TitleLine], lang: &Lang) -> Vec<Role> {
    let n = lines.len();
    let mut roles = vec![Role::Deck; n];
    if n == 0 {
        return roles;
    }
    if lines.iter().all(|l| l.size > 0.0) {
        // Sized by the geometry: the biggest type is the headline, smaller type above it the
        // kicker, below it the decks.
        let size = |i: usize| lines[i].size;
        let main = (0..n).fold(0, |m, i| if size(i) > size(m) * SAME_SIZE { i } else { m });
        for (i, r) in roles.iter_mut().enumerate() {
            *r = if i < main { Role::Kicker } else if i == main || size(i) * SAME_SIZE >= size(main) { Role::Headline } else { Role::Deck };
        }
        return roles;
    }
    if !lang.code.is_cjk() {
        // English stacks its decks under the headline; a headline line without a full stop runs on
        // into the next line ("ADVANCES ANNOUNCED" / "IN COMMUNIQUE" is one headline).
        let md: Vec<usize> = (0..n).filter(|&i| lines[i].md).collect();
        // A name closing the piece above (a caption's, a signature's) set over the title: the
        // headline is the line under the last such name.
        let signed = (0..n.saturating_sub(1)).rfind(|&i| crate::headwrap::signs_off(&lines[i].text, lang)).map_or(0, |i| i + 1);
        // A first line many times the length of the one under it is a slogan or a standfirst set
        // over the title, where the language lists what a title's rest opens on.
        let slogan = !lang.title_rest_openers.is_empty() && n > 1 && lines[0].chars >= OVER_TITLE * lines[1].chars;
        let signed = if signed == 0 && slogan { 1 } else { signed };
        let main = if md.len() == 1 { md[0] } else { signed };
        let mut end = main;
        let first_word = |t: &str| t.split_whitespace().next().unwrap_or("").to_string();
        let last_word = |t: &str| t.split_whitespace().last().unwrap_or("").to_string();
        // (So does one ending on a word's first half, HOSIE FOR THE CON- / SUMPTIVES.)
        while end + 1 < n
            && !lang.ends_sentence(&lines[end].text)
            && !lines[end + 1].deck
            && (lang.is_function_word(&last_word(&lines[end].text)) || lang.opens_title_rest(&first_word(&lines[end + 1].text)) || cut_word(&lines[end].text))
        {
            end += 1;
        }
        for (i, r) in roles.iter_mut().enumerate() {
            *r = if i < main { Role::Kicker } else if i <= end { Role::Headline } else { Role::Deck };
        }
        return roles;
    }
    // A deck mark (——) starts the decks; a Markdown heading among plain lines is the headline.
    let deck_at = lines.iter().position(|l| l.deck).filter(|&i| i > 0).unwrap_or(n);
    // The OCR engine's scraps of a picture's lettering set over a title (品 / ALo, 11.73亿人) are
    // no title of their own: the headline is chosen among the lines that read as words.
    let worded: Vec<usize> = (0..deck_at).filter(|&i| !lang.is_scrap(&lines[i].text)).collect();
    let top: Vec<&TitleLine> = if worded.is_empty() { lines[..deck_at].iter().collect() } else { worded.iter().map(|&i| &lines[i]).collect() };
    let md: Vec<usize> = (0..top.len()).filter(|&i| top[i].md).collect();
    // A column name closes the title (kicker above, dashed deck below), whatever the lengths.
    let tagged = (0..top.len()).find(|&i| lang.is_tagged(&top[i].text));
    let main = if md.len() == 1 && top.len() > 1 {
        md[0]
    } else if let Some(t) = tagged {
        t
    } else if let Some(k) = (0..top.len() - 1).rfind(|&i| lang.ends_kicker(&top[i].text)) {
        // A line ending on a dash points at the title under it (全国政协委员贺颖春—— /
        // 扛起责任 做好调研): it is the kicker, whatever the lengths.
        k + 1
    } else if top.len() >= 3 {
        1
    } else if top.len() == 2 {
        let (a, b) = (top[0].chars as f32, top[1].chars as f32);
        // A long line over a short one is a kicker over its headline; otherwise headline, then deck.
        if a >= 1.5 * b && deck_at == n { 1 } else { 0 }
    } else {
        0
    };
    let main = if worded.is_empty() { main } else { worded[main] };
    // A column name closes the title: a line under a headline left open that opens one in
    // brackets and closes it at its end (必须坚持扩大天 / 放 《新论， 解读九个必须坚持”WO)) is the
    // headline's rest, the engine having cut the title across a word (开放, its 开 misread).
    let open_title = |t: &str| !lang.ends_sentence(t) && !t.ends_with(|c: char| lang.closers.contains(&c));
    let names_column = |t: &str| {
        let (opens, closes) = &lang.column_name_brackets;
        let before = t.find(|c: char| opens.contains(&c)).map(|k| t[..k].chars().filter(|&c| crate::lang::is_cjk(c)).count());
        t.ends_with(|c: char| closes.contains(&c)) && before.is_some_and(|n| (1..=TITLE_REST_MAX_CJK).contains(&n))
    };
    let rest = main + 1 < deck_at && open_title(&lines[main].text) && names_column(&lines[main + 1].text);
    for (i, r) in roles.iter_mut().enumerate() {
        *r = if i < main { Role::Kicker } else if i == main || (rest && i == main + 1) { Role::Headline } else { Role::Deck };
    }
    roles
}

/// Most CJK characters of a title's rest before its column name, on the line the engine cut it
/// onto (放 《新论…, 区建设水平 《新知…): a title line of its own over a column name runs longer
/// (晒晒咱家新年货（新春走基层）, under a kicker).
const TITLE_REST_MAX_CJK: usize = 5;

/// A line at least this many times the length of the title line under it is no title but a
/// slogan or a standfirst over it: a title line and its deck differ by twice or so at most.
const OVER_TITLE: u32 = 4;

/// Type sizes within this ratio of each other are one size: the pieces of one title, measured
/// apart, differ by up to a fifth, and a kicker or deck is set at most four fifths of its title.
const SAME_SIZE: f32 = 1.25;

fn join_some(v: Vec<String>) -> Option<String> {
    if v.is_empty() { None } else { Some(v.join(" ")) }
}

/// Assembles the page object of one window of the page (the whole page, unless it is long), without
/// the page's warnings.
pub fn build(mut p: Parts) -> Page {
    let seg = p.seg;
    let mut plans = std::mem::take(&mut p.plans);
    // Articles in the order their beginnings stand on the page.
    let key = |pl: &Plan| -> usize {
        // Where the story's own seed stands (its byline, if its headline was found elsewhere).
        let seed_block = pl.seed.and_then(|s| seg.seeds[s].heads.iter().chain(&seg.seeds[s].bylines).copied().min());
        seed_block.or_else(|| pl.units.first().map(|&u| seg.units[u].block)).map_or(usize::MAX, usize::from)
    };
    plans.sort_by_key(|pl| key(pl));
    let short = &p.src.sha256[..8];
    let mut block_role: TiVec<BlockId, Option<(Role, usize)>> = vec![None; p.blocks.len()].into();
    let mut articles = Vec::with_capacity(plans.len());
    let lang = Lang::get(LangCode::from_tag(p.lang).unwrap_or(LangCode::En));
    let grams = p.grams;
    let words_here = CutWords {
        whole: &|w| grams.is_word(w, 0, lang),
        half: &|w| grams.is_word(w, 1, lang),
        at_hyphen: &|l, r| joins_at_cut(l, r, lang, &|w| grams.word_count(w)),
    };
    for (ai, pl) in plans.iter().enumerate() {
        let id = format!("{short}-{:02}", p.first_article + ai + 1);
        let mut flags = pl.flags.clone();
        let title = pl.title(seg);
        let heads: Vec<BlockId> = title.map_or_else(Vec::new, |(_, h)| h.to_vec());
        let mut byline_blocks: Vec<BlockId> = Vec::new();
        for (k, s) in pl.head_seeds().enumerate() {
            let seed = &seg.seeds[s];
            if title.is_some_and(|(t, _)| k > t) {
                for &h in &seed.heads {
                    block_role[h] = Some((Role::Deck, ai));
                }
            }
            byline_blocks.extend(&seed.bylines);
        }
        let roles = head_roles(&heads, p.blocks, p.classes, lang, &words_here);
        let (mut kicker, mut headline, mut deck) = (Vec::new(), Vec::new(), Vec::<String>::new());
        for (k, (&h, &r)) in heads.iter().zip(&roles).enumerate() {
            block_role[h] = Some((r, ai));
            let t = p.heading_text(h);
            let part = match r {
                Role::Kicker => &mut kicker,
                Role::Headline => &mut headline,
                _ => &mut deck,
            };
            // The rest of a title line the OCR gave on a line of its own goes on the line above.
            match part.last_mut() {
                Some(last) if (p.classes[h].wraps || cut_word(last)) && k > 0 && roles[k - 1] == r => join_onto(last, &t, p.blocks[h].cjk, &words_here),
                _ => part.push(t),
            }
        }
        // A headline's rest read away from it goes on its last line (a headline group without a
        // headline line takes it as one).
        for &t in &pl.tails {
            block_role[t] = Some((Role::Headline, ai));
            let text = p.heading_text(t);
            match headline.last_mut() {
                Some(last) => join_onto(last, &text, p.blocks[t].cjk, &words_here),
                None => headline.push(text),
            }
        }
        let mut bylines: Vec<Byline> = Vec::new();
        let mut dateline: Option<String> = None;
        for &b in &byline_blocks {
            let shape = p.classes[b].shape;
            block_role[b] = Some((if shape == Shape::Dateline { Role::Dateline } else { Role::Byline }, ai));
            bylines.extend(p.classes[b].bylines.iter().cloned());
            if dateline.is_none() {
                dateline = p.classes[b].dateline.clone();
            }
        }
        let mut sections: Vec<Section> = vec![Section { heading: None, paragraphs: Vec::new() }];
        let mut captions = Vec::new();
        let mut credit = Vec::new();
        let mut jumps = Vec::new();
        let mut first_para = true;
        let mut parts = pl.reports.iter().peekable();
        for (k, &u) in pl.units.iter().enumerate() {
            while let Some(part) = parts.next_if(|part| part.at <= k) {
                open_report(&p, part, ai, &mut sections, &mut bylines, &mut block_role);
            }
            let unit = seg.units[u];
            let b = unit.block;
            let cl = &p.classes[b];
            let spans = p.blocks[b].line_spans(p.lines);
            match unit.kind {
                UnitKind::Para => {
                    block_role[b] = Some((if cl.shape == Shape::Dateline { Role::Dateline } else { Role::Body }, ai));
                    if first_para {
                        first_para = false;
                        if dateline.is_none() {
                            dateline = cl.dateline.clone();
                        }
                    }
                    for bl in &cl.bylines {
                        if !bylines.contains(bl) {
                            bylines.push(bl.clone());
                        }
                    }
                    if let Some(j) = &cl.jump {
                        jumps.push(j.clone());
                    }
                    let text = p.block_text(b);
                    let sec = sections.last_mut().expect("a section");
                    if k > 0 && pl.join_prev[k]
                        && let Some(last) = sec.paragraphs.last_mut() {
                            join_onto(&mut last.text, &text, p.blocks[b].cjk, &words_here);
                            last.spans.extend(spans);
                            continue;
                        }
                    sec.paragraphs.push(Paragraph { text, spans });
                }
                UnitKind::Subhead => {
                    block_role[b] = Some((Role::Subhead, ai));
                    push_heading(&mut sections, p.heading_text(b));
                }
                UnitKind::Caption => {
                    block_role[b] = Some((Role::Caption, ai));
                    captions.push(Paragraph { text: p.block_text(b), spans });
                }
                UnitKind::Credit if !cl.signs.is_empty() => {
                    block_role[b] = Some((Role::Byline, ai));
                    bylines.extend(cl.signs.iter().cloned());
                }
                UnitKind::Credit => {
                    block_role[b] = Some((Role::Credit, ai));
                    credit.push(p.block_text(b));
                }
                UnitKind::Jump => {
                    block_role[b] = Some((Role::Jump, ai));
                    jumps.extend(cl.jump.clone());
                }
            }
        }
        for part in parts {
            open_report(&p, part, ai, &mut sections, &mut bylines, &mut block_role);
        }
        sections.retain(|s| s.heading.is_some() || !s.paragraphs.is_empty());
        // A misread opener and its closer read apart, on two title lines or two parts of a paragraph.
        [&mut kicker, &mut headline, &mut deck].into_iter().for_each(|part| mend_pieces(part));
        for par in sections.iter_mut().flat_map(|s| &mut s.paragraphs) {
            if let Some(mended) = mend_brackets(&par.text) {
                par.text = mended;
            }
        }
        let headline = join_some(headline);
        if headline.is_none() {
            flags.push("no headline".into());
        }
        let mut continuations = Vec::new();
        let mut unresolved = 0;
        for c in &pl.continuations {
            let from = p.blocks[seg.units[c.from].block].span(p.lines).1;
            let to = p.blocks[seg.units[c.to].block].span(p.lines).0;
            let low = c.score < 0.5;
            continuations.push(ContinuationOut { from, to, score: round3(c.score), evidence: c.evidence.clone(), joined: c.joined, low_confidence: low });
        }
        for (k, &u) in pl.units.iter().enumerate() {
            let unit = seg.units[u];
            if unit.kind == UnitKind::Para && p.classes[unit.block].open_end {
                let next_joined = pl.join_prev.get(k + 1).copied().unwrap_or(false);
                if !next_joined {
                    unresolved += 1;
                }
            }
        }
        if unresolved > 0 {
            flags.push(format!("{unresolved} paragraph(s) end mid-sentence with no continuation found"));
        }
        let low = continuations.iter().filter(|c| c.low_confidence).count();
        let mut confidence: f32 = 1.0;
        if headline.is_none() {
            confidence -= 0.2;
        }
        confidence -= 0.15 * unresolved as f32 + 0.1 * low as f32;
        if !pl.adopted.is_empty() {
            confidence -= 0.1;
        }
        if pl.units.is_empty() {
            confidence -= 0.4;
        }
        let mut text_parts: Vec<String> = Vec::new();
        text_parts.extend(kicker.iter().cloned());
        text_parts.extend(headline.iter().cloned());
        text_parts.extend(deck.iter().cloned());
        for s in &sections {
            text_parts.extend(s.heading.iter().cloned());
            text_parts.extend(s.paragraphs.iter().map(|x| x.text.clone()));
        }
        text_parts.extend(captions.iter().map(|c: &Paragraph| c.text.clone()));
        text_parts.extend(credit.iter().cloned());
        articles.push(Article {
            id,
            headline,
            kicker: join_some(kicker),
            deck: join_some(deck),
            bylines,
            dateline,
            credit: join_some(credit),
            sections,
            captions,
            jumps,
            text: text_parts.join("\n\n"),
            continuations,
            confidence: round3(confidence.clamp(0.05, 1.0)),
            flags,
            regions: Vec::new(),
        });
    }
    let mut lines_out = Vec::with_capacity(p.lines.len());
    for (bi, blk) in p.blocks.iter_enumerated() {
        let (role, article) = match (block_role[bi], p.classes[bi].shape) {
            (Some((r, a)), _) => (r, Some(articles[a].id.clone())),
            (None, Shape::Furniture) => (Role::Furniture, None),
            (None, Shape::Noise) => (Role::Noise, None),
            (None, Shape::Heading) => (Role::Headline, None),
            (None, Shape::Byline) => (Role::Byline, None),
            (None, _) => (Role::Body, None),
        };
        for (li, l) in p.lines[blk.lines.clone()].iter().enumerate() {
            let region = p.geo.as_ref().and_then(|g| {
                let h = &g.hints[g.line_hint[blk.lines.start + li]?];
                let block = &g.doc.blocks[h.block];
                Some(LineRegion { id: block.id.clone(), line: block.lines[h.line].id.clone(), bbox: bbox4(&h.bbox) })
            });
            lines_out.push(LineOut { span: l.span, role, article: article.clone(), region });
        }
    }
    if let Some(g) = &p.geo {
        // An article's regions: the file blocks its lines stand in, in the order they are read.
        let index: std::collections::HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut seen = std::collections::HashSet::new();
        let mut order: Vec<(usize, usize)> = Vec::new();
        for (li, l) in lines_out.iter().enumerate() {
            if let (Some(a), Some(k)) = (&l.article, g.line_hint.get(li).copied().flatten()) {
                let ai = index[a.as_str()];
                let blk = g.hints[k].block;
                if seen.insert((ai, blk)) {
                    order.push((ai, blk));
                }
            }
        }
        for (ai, blk) in order {
            let b = &g.doc.blocks[blk];
            articles[ai].regions.push(Region { id: b.id.clone(), bbox: bbox4(&b.bbox) });
        }
    }
    let lang = Lang::get(if p.lang == LangCode::Zh.as_str() { LangCode::Zh } else { LangCode::En });
    let furniture = p
        .blocks
        .iter()
        .zip(p.classes.iter())
        .filter(|(_, c)| c.shape == Shape::Furniture)
        .flat_map(|(b, _)| &p.lines[b.lines.clone()])
        .map(|l| Furniture { text: l.text.clone(), kind: furniture::kind(&l.text, lang), span: l.span })
        .collect();
    Page {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: Generator::this(),
        id: p.id,
        source: SourceInfo {
            path: p.src.path.clone(),
            bytes: p.src.input_len,
            sha256: p.src.sha256.clone(),
            encoding: p.src.encoding.clone(),
            spans: p.src.span_base,
            format: p.geo.as_ref().map(|g| g.doc.format.as_str().to_string()),
            text: p.geo.as_ref().map(|_| String::from_utf8_lossy(&p.src.text).into_owned()),
            image: p.geo.as_ref().and_then(|g| g.doc.image.clone()),
            page_size: p.geo.as_ref().map(|g| PageSize { width: g.doc.width as f64, height: g.doc.height as f64, unit: g.doc.unit.clone() }),
        },
        language: p.lang.to_string(),
        layout: if p.layout.wrapped { "wrapped".into() } else { "markdown".into() },
        articles,
        furniture,
        lines: lines_out,
        // The page's warnings are known once all its windows are done (see `crate::run`).
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_across_cuts() {
        assert_eq!(join_text("办理一项业务所", "需材料", true), "办理一项业务所需材料");
        // Regression: a line holding only the closing mark is a block without CJK letters.
        assert_eq!(join_text("神圣使命", "。", false), "神圣使命。");
        assert_eq!(join_text("desktop publ", "ishing and", false), "desktop publishing and");
        assert_eq!(join_text("which are", "being discussed", false), "which are being discussed");
        assert_eq!(join_text("banking refor-", "m, which", false), "banking reform, which");
    }

    #[test]
    fn a_name_broken_at_a_column_cut_is_joined_a_compound_of_words_is_not() {
        let en = Lang::get(LangCode::En);
        let once = |_: &str| 1;
        assert!(joins_at_cut("Aus", "tralia", en, &once));
        assert!(joins_at_cut("Wil", "liam", en, &once));
        assert!(!joins_at_cut("Henderson", "road", en, &|w| if w == "henderson" { 3 } else { 1 }));
        assert!(!joins_at_cut("well", "known", en, &once));
    }

    #[test]
    fn regression_joined_paragraph_copied_for_each_piece() {
        // 200 000 pieces of 48 bytes: 10 MB appended in place; copied per piece it was 1 TB.
        let mut text = String::new();
        for i in 0..200_000 {
            join_onto(&mut text, &format!("piece {i:06} of a paragraph cut mid-sentence and"), i % 2 == 0, &BY_LIST);
        }
        assert!(text.len() >= 200_000 * 48);
    }
}
