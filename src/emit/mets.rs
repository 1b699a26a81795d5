//! METS write-back: a page's articles as the logical structure of a METS file over its ALTO blocks,
//! in the profile of Europeana Newspapers' docWorks METS (ENMAP) that METS+ALTO archives and their
//! readers (impresso's importers, the eval's mets_pages.py) take.
//!
//! Built from the page object alone: what the METS says of an article is what its JSON says. Each
//! article is a `div TYPE="ARTICLE"` holding a HEADING (OVERLINE, TITLE, SUBHEADLINE: kicker,
//! headline, deck), an AUTHOR per byline block, a BODY of PARAGRAPHs and body HEADINGs, and its
//! captions under an ILLUSTRATION; every one names ALTO blocks by `TextBlock@ID` in `area BEGIN`.

use super::page::{Article, Page};
use crate::classify::Role;
use crate::source::Span;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::borrow::Cow;
use std::io;

const METS_NS: &str = "http://www.loc.gov/METS/";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
const METS_XSD: &str = "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd";
/// The one file the METS points into.
const FILE_ID: &str = "ALTO1";

/// Which part of its article a line was put in, as the page JSON tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Kicker,
    Headline,
    Deck,
    Byline,
    /// A heading inside the body, of section `n`.
    Subhead(usize),
    Body,
    /// A caption or a photo credit.
    Caption,
}

/// A line's article (by index) and part, or None for a line in no article's text.
type Place = Option<(usize, Part)>;

/// A paragraph of the JSON: its article, section and place in the section.
type ParaAt = (usize, usize, usize);

/// Where each line of the page went.
struct Places {
    place: Vec<Place>,
    /// For a body line: its paragraph (article, section, paragraph) and its position among the
    /// paragraph's lines.
    para: Vec<Option<(ParaAt, usize)>>,
}

/// Letters and digits only, lower case: how a line's text is found in a field built from cleaned
/// lines (spaces, hyphens and punctuation change on the way; the words stay).
fn fold(s: &str) -> Vec<char> {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A field of an article, folded, with its letter pairs.
struct Field {
    chars: Vec<char>,
    pairs: rustc_hash::FxHashSet<(char, char)>,
}

impl Field {
    fn of(s: &str) -> Field {
        let chars = fold(s);
        let pairs = chars.windows(2).map(|w| (w[0], w[1])).collect();
        Field { chars, pairs }
    }

    /// Whether a line's (folded) text stands in the field. The field was built from cleaned lines,
    /// and OCR mending may have changed a letter or two ("fait" read back as "fail"), so a line
    /// counts as in the field when at least half of its letter pairs are; a line of one or two
    /// letters must be there whole.
    fn holds(&self, line: &[char]) -> bool {
        if line.is_empty() || self.chars.is_empty() {
            return false;
        }
        if line.len() < 3 {
            return self.chars.windows(line.len()).any(|w| w == line);
        }
        let found = line.windows(2).filter(|w| self.pairs.contains(&(w[0], w[1]))).count();
        found * 2 >= line.len() - 1
    }
}

fn places(page: &Page, text: &str) -> Places {
    let lines = &page.lines;
    let mut place: Vec<Place> = vec![None; lines.len()];
    let mut para = vec![None; lines.len()];
    let at = |s: &Span| lines.binary_search_by_key(&s.0, |l| l.span.0).ok().filter(|&i| lines[i].span == *s);
    for (ai, a) in page.articles.iter().enumerate() {
        for (si, s) in a.sections.iter().enumerate() {
            for (pi, p) in s.paragraphs.iter().enumerate() {
                for (j, i) in p.spans.iter().filter_map(at).enumerate() {
                    place[i] = Some((ai, Part::Body));
                    para[i] = Some(((ai, si, pi), j));
                }
            }
        }
        for i in a.captions.iter().flat_map(|c| c.spans.iter()).filter_map(at) {
            place[i] = Some((ai, Part::Caption));
        }
    }
    let index: rustc_hash::FxHashMap<&str, usize> = page.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let line_text = |i: usize| fold(text.get(lines[i].span.0..lines[i].span.1).unwrap_or(""));
    let fields: Vec<Fields> = page.articles.iter().map(Fields::of).collect();
    // Where the last body heading matched, per article: headings are looked for from there on, so
    // two sections with one heading text get a line each in the order they come.
    let mut next_section = vec![0usize; page.articles.len()];
    for i in 0..lines.len() {
        let Some(ai) = lines[i].article.as_deref().and_then(|id| index.get(id).copied()) else { continue };
        if place[i].is_some() {
            continue;
        }
        let (a, f, t) = (&page.articles[ai], &fields[ai], line_text(i));
        // The JSON's role says which field a line went to, but not every line with a role has its
        // text in the article: the headlines of a story the linker took in are marked deck and
        // printed nowhere, a dateline on a line of its own goes to `dateline`, which the profile
        // has no place for (its readers take any other div for body text), and a jump line to
        // `jumps`. Those lines are in no part.
        let part = match lines[i].role {
            Role::Kicker => Some(Part::Kicker),
            Role::Headline => Some(Part::Headline),
            Role::Deck => f.deck.holds(&t).then_some(Part::Deck),
            Role::Credit => f.credit.holds(&t).then_some(Part::Caption),
            Role::Byline if f.bylines.holds(&t) => Some(Part::Byline),
            // A report's title, or its byline printed under it, heads a section.
            Role::Byline | Role::Subhead => {
                let n = a.sections.len();
                let found = (0..n).map(|k| (next_section[ai] + k) % n).find(|&si| f.headings[si].holds(&t));
                if let Some(si) = found {
                    next_section[ai] = si;
                }
                found.map(Part::Subhead)
            }
            _ => None,
        };
        place[i] = part.map(|p| (ai, p));
    }
    Places { place, para }
}

/// An article's fields as folded text, to find lines in.
struct Fields {
    deck: Field,
    credit: Field,
    bylines: Field,
    headings: Vec<Field>,
}

impl Fields {
    fn of(a: &Article) -> Fields {
        let bylines: String = a.bylines.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" ");
        Fields {
            deck: Field::of(a.deck.as_deref().unwrap_or("")),
            credit: Field::of(a.credit.as_deref().unwrap_or("")),
            bylines: Field::of(&bylines),
            headings: a.sections.iter().map(|s| Field::of(s.heading.as_deref().unwrap_or(""))).collect(),
        }
    }
}

/// The ALTO blocks of the page, in the order their first lines are read, and where each is named.
///
/// An area of this profile is a whole block (`BEGIN` = `TextBlock@ID`; it has no way to name a line
/// of a block), but newsseg places lines: where one ALTO block holds lines of two parts (a headline
/// line over body lines, the end of one story and the start of the next), the block is named once,
/// in the part most of its lines went to (the first of those parts on a tie), and the other lines
/// are left unnamed. Lines in no article vote too, so a block mostly of furniture is named nowhere.
struct Owners {
    blocks: Vec<(String, Place)>,
    /// Each line's block, as an index into `blocks`.
    of_line: Vec<Option<usize>>,
    /// Each block's first and last line in text order: where a paragraph enters and leaves it.
    ends: Vec<(usize, usize)>,
}

fn owners(page: &Page, places: &Places) -> Owners {
    let mut blocks: Vec<(String, Place)> = Vec::new();
    let mut tallies: Vec<Vec<(Place, usize)>> = Vec::new();
    let mut seen: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut of_line = vec![None; page.lines.len()];
    let mut ends: Vec<(usize, usize)> = Vec::new();
    for (i, l) in page.lines.iter().enumerate() {
        // A block with no ID cannot be named.
        let Some(id) = l.region.as_ref().and_then(|r| r.id.as_deref()) else { continue };
        let b = *seen.entry(id).or_insert_with(|| {
            blocks.push((id.to_string(), None));
            tallies.push(Vec::new());
            ends.push((i, i));
            blocks.len() - 1
        });
        of_line[i] = Some(b);
        ends[b].1 = i;
        let p = places.place[i];
        match tallies[b].iter_mut().find(|(q, _)| *q == p) {
            Some(e) => e.1 += 1,
            None => tallies[b].push((p, 1)),
        }
    }
    for (b, tally) in tallies.iter().enumerate() {
        let best = tally.iter().map(|e| e.1).max().unwrap_or(0);
        blocks[b].1 = tally.iter().find(|e| e.1 == best).and_then(|e| e.0);
    }
    Owners { blocks, of_line, ends }
}

/// One piece of an article's body, in reading order.
enum BodyItem {
    Heading(usize),
    /// Blocks one paragraph runs through: more than one where it goes on from a block's last line
    /// into the next block's first.
    Paragraph(Vec<usize>),
}

/// What the METS says of one article: its blocks by part.
struct ArticleAreas {
    kicker: Vec<usize>,
    headline: Vec<usize>,
    deck: Vec<usize>,
    bylines: Vec<usize>,
    body: Vec<BodyItem>,
    captions: Vec<usize>,
}

fn article_areas(page: &Page, ai: usize, places: &Places, owners: &Owners) -> ArticleAreas {
    let a = &page.articles[ai];
    let mut named = vec![false; owners.blocks.len()];
    // The blocks owned by (ai, part) among lines `ls`, each once, in the lines' order.
    let mut take = |ls: &mut dyn Iterator<Item = usize>, part: Part| -> Vec<usize> {
        let mut out = Vec::new();
        for i in ls {
            if places.place[i] != Some((ai, part)) {
                continue;
            }
            if let Some(b) = owners.of_line[i]
                && owners.blocks[b].1 == Some((ai, part))
                && !named[b]
            {
                named[b] = true;
                out.push(b);
            }
        }
        out
    };
    let all = || 0..page.lines.len();
    let kicker = take(&mut all(), Part::Kicker);
    let headline = take(&mut all(), Part::Headline);
    let deck = take(&mut all(), Part::Deck);
    let bylines = take(&mut all(), Part::Byline);
    let captions = take(&mut all(), Part::Caption);
    let span_line = |s: &Span| page.lines.binary_search_by_key(&s.0, |l| l.span.0).ok();
    // A body block stands where most of its lines are in the article's order: the linker may have
    // taken a block's last line (a signature, a line cut off) into a paragraph far from the rest.
    let mut home: rustc_hash::FxHashMap<usize, Vec<(ParaAt, usize)>> = Default::default();
    for (si, s) in a.sections.iter().enumerate() {
        for (pi, p) in s.paragraphs.iter().enumerate() {
            for i in p.spans.iter().filter_map(span_line) {
                let Some(b) = owners.of_line[i].filter(|&b| owners.blocks[b].1 == Some((ai, Part::Body))) else { continue };
                let tally = home.entry(b).or_default();
                match tally.iter_mut().find(|e| e.0 == (ai, si, pi)) {
                    Some(e) => e.1 += 1,
                    None => tally.push(((ai, si, pi), 1)),
                }
            }
        }
    }
    let is_home = |b: usize, at: ParaAt| {
        home.get(&b).is_some_and(|t| {
            let best = t.iter().map(|e| e.1).max().unwrap_or(0);
            t.iter().find(|e| e.1 == best).is_some_and(|e| e.0 == at)
        })
    };
    let mut body: Vec<BodyItem> = Vec::new();
    for (si, s) in a.sections.iter().enumerate() {
        if s.heading.is_some() {
            for b in take(&mut all(), Part::Subhead(si)) {
                body.push(BodyItem::Heading(b));
            }
        }
        for (pi, p) in s.paragraphs.iter().enumerate() {
            let mut here = p.spans.iter().filter_map(span_line).filter(|&i| owners.of_line[i].is_some_and(|b| is_home(b, (ai, si, pi))));
            for b in take(&mut here, Part::Body) {
                // A paragraph runs on from the previous block into this one (the two are one
                // PARAGRAPH) when the previous block's last line and this one's first are
                // neighbours in one paragraph of the JSON, however few of its lines are theirs: a
                // paragraph opening on a column's last line and going on in the next is one.
                let runs_on = match body.last() {
                    Some(BodyItem::Paragraph(bs)) => {
                        let prev = *bs.last().expect("a paragraph names a block");
                        match (places.para[owners.ends[prev].1], places.para[owners.ends[b].0]) {
                            (Some((pa, ja)), Some((pb, jb))) => pa == pb && jb == ja + 1,
                            _ => false,
                        }
                    }
                    _ => false,
                };
                match body.last_mut() {
                    Some(BodyItem::Paragraph(bs)) if runs_on => bs.push(b),
                    _ => body.push(BodyItem::Paragraph(vec![b])),
                }
            }
        }
    }
    ArticleAreas { kicker, headline, deck, bylines, body, captions }
}

/// Characters XML 1.0 cannot carry at all, even escaped, taken out of a text the file writes.
fn xml_chars(s: &str) -> Cow<'_, str> {
    let ok = |c: char| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}');
    if s.chars().all(ok) { Cow::Borrowed(s) } else { Cow::Owned(s.chars().filter(|&c| ok(c)).collect()) }
}

/// Writes the METS document: quick-xml escapes every attribute value and text.
struct Out {
    w: Writer<Vec<u8>>,
}

impl Out {
    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let mut e = quick_xml::events::BytesStart::new(name);
        for (k, v) in attrs {
            e.push_attribute((*k, xml_chars(v).as_ref()));
        }
        self.w.write_event(Event::Start(e))
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let mut e = quick_xml::events::BytesStart::new(name);
        for (k, v) in attrs {
            e.push_attribute((*k, xml_chars(v).as_ref()));
        }
        self.w.write_event(Event::Empty(e))
    }

    fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(quick_xml::events::BytesEnd::new(name)))
    }

    fn text(&mut self, name: &str, text: &str) -> io::Result<()> {
        self.open(name, &[])?;
        self.w.write_event(Event::Text(BytesText::new(&xml_chars(text))))?;
        self.close(name)
    }

    /// A div of `kind` naming `blocks` in order: one area in its fptr, or several in a seq.
    fn div(&mut self, kind: &str, blocks: &[usize], owners: &Owners) -> io::Result<()> {
        self.open("mets:div", &[("TYPE", kind)])?;
        self.areas(blocks, owners)?;
        self.close("mets:div")
    }

    fn areas(&mut self, blocks: &[usize], owners: &Owners) -> io::Result<()> {
        if blocks.is_empty() {
            return Ok(());
        }
        self.open("mets:fptr", &[])?;
        if blocks.len() > 1 {
            self.open("mets:seq", &[])?;
        }
        for &b in blocks {
            self.empty("mets:area", &[("FILEID", FILE_ID), ("BEGIN", &owners.blocks[b].0), ("BETYPE", "IDREF")])?;
        }
        if blocks.len() > 1 {
            self.close("mets:seq")?;
        }
        self.close("mets:fptr")
    }
}

/// The METS file of an ALTO page processed into `page`, its ALTO file named by `alto_href` (a
/// URI reference, relative to where the METS file is written). Deterministic: the same page gives
/// the same bytes. Text input has no blocks to name: every article is written without areas.
pub fn write(page: &Page, alto_href: &str) -> Vec<u8> {
    let mut out = Out { w: Writer::new_with_indent(Vec::with_capacity(16 << 10), b' ', 1) };
    document(&mut out, page, alto_href).expect("writing to memory does not fail");
    let mut bytes = out.w.into_inner();
    bytes.push(b'\n');
    bytes
}

fn document(o: &mut Out, page: &Page, alto_href: &str) -> io::Result<()> {
    let text = page.source.text.as_deref().unwrap_or("");
    let places = places(page, text);
    let owners = owners(page, &places);
    o.w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    o.w.write_event(Event::Comment(BytesText::new(
        " Articles found by newsseg. An area names a whole ALTO TextBlock: a block holding lines of two parts (a headline over body text, two stories) is named once, where most of its lines went. ",
    )))?;
    o.open("mets:mets", &[("xmlns:mets", METS_NS), ("xmlns:xlink", XLINK_NS), ("xmlns:xsi", XSI_NS), ("xsi:schemaLocation", METS_XSD), ("LABEL", &page.id)])?;
    o.open("mets:metsHdr", &[])?;
    o.open("mets:agent", &[("ROLE", "CREATOR"), ("TYPE", "OTHER"), ("OTHERTYPE", "SOFTWARE")])?;
    o.text("mets:name", concat!("newsseg ", env!("CARGO_PKG_VERSION")))?;
    o.close("mets:agent")?;
    o.close("mets:metsHdr")?;

    o.open("mets:fileSec", &[])?;
    o.open("mets:fileGrp", &[("ID", "ALTOGRP"), ("USE", "Text")])?;
    let size = page.source.bytes.to_string();
    o.open("mets:file", &[("ID", FILE_ID), ("MIMETYPE", "text/xml"), ("SIZE", &size), ("CHECKSUM", &page.source.sha256), ("CHECKSUMTYPE", "SHA-256")])?;
    o.empty("mets:FLocat", &[("LOCTYPE", "URL"), ("xlink:href", alto_href)])?;
    o.close("mets:file")?;
    o.close("mets:fileGrp")?;
    o.close("mets:fileSec")?;

    o.open("mets:structMap", &[("TYPE", "PHYSICAL")])?;
    o.open("mets:div", &[("ID", "PHYS1"), ("TYPE", "PAGE"), ("ORDER", "1")])?;
    o.empty("mets:fptr", &[("FILEID", FILE_ID)])?;
    o.close("mets:div")?;
    o.close("mets:structMap")?;

    o.open("mets:structMap", &[("TYPE", "LOGICAL")])?;
    o.open("mets:div", &[("ID", "LOG1"), ("TYPE", "Newspaper"), ("LABEL", &page.id)])?;
    for (ai, a) in page.articles.iter().enumerate() {
        let ar = article_areas(page, ai, &places, &owners);
        // The JSON's article id may start with a digit, which an XML ID may not.
        let id = format!("ART_{}", a.id);
        let mut attrs = vec![("ID", id.as_str()), ("TYPE", "ARTICLE")];
        if let Some(h) = &a.headline {
            attrs.push(("LABEL", h.as_str()));
        }
        o.open("mets:div", &attrs)?;
        if !(ar.kicker.is_empty() && ar.headline.is_empty() && ar.deck.is_empty()) {
            o.open("mets:div", &[("TYPE", "HEADING")])?;
            for (kind, blocks) in [("OVERLINE", &ar.kicker), ("TITLE", &ar.headline), ("SUBHEADLINE", &ar.deck)] {
                if !blocks.is_empty() {
                    o.div(kind, blocks, &owners)?;
                }
            }
            o.close("mets:div")?;
        }
        for &b in &ar.bylines {
            o.div("AUTHOR", &[b], &owners)?;
        }
        if !ar.body.is_empty() {
            o.open("mets:div", &[("TYPE", "BODY")])?;
            for item in &ar.body {
                match item {
                    BodyItem::Heading(b) => {
                        o.open("mets:div", &[("TYPE", "HEADING")])?;
                        o.div("TITLE", &[*b], &owners)?;
                        o.close("mets:div")?;
                    }
                    BodyItem::Paragraph(bs) => o.div("PARAGRAPH", bs, &owners)?,
                }
            }
            o.close("mets:div")?;
        }
        if !ar.captions.is_empty() {
            o.open("mets:div", &[("TYPE", "ILLUSTRATION")])?;
            for &b in &ar.captions {
                o.div("CAPTION", &[b], &owners)?;
            }
            o.close("mets:div")?;
        }
        o.close("mets:div")?;
    }
    o.close("mets:div")?;
    o.close("mets:structMap")?;
    o.close("mets:mets")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_found_in_its_field_through_a_mended_letter() {
        let f = Field::of("Le Temps qu'il fail");
        assert!(f.holds(&fold("Le Temps qu'il fait")));
        assert!(f.holds(&fold("qu'il")));
        assert!(!f.holds(&fold("Vente après décès")));
        // Short lines must be there whole.
        assert!(Field::of("IN MEMORIAM").holds(&fold("in")));
        assert!(!Field::of("IN MEMORIAM").holds(&fold("ox")));
        assert!(!Field::of("").holds(&fold("anything")));
    }

    #[test]
    fn characters_xml_cannot_hold_are_taken_out() {
        assert_eq!(xml_chars("a\u{1}b\tc\u{FFFF}"), "ab\tc");
        assert!(matches!(xml_chars("plain & <fine>"), Cow::Borrowed(_)));
    }
}
