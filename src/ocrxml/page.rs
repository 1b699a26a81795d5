//! The PAGE-XML reader (any PcGts namespace, 2010 to 2019): text regions, lines and words with
//! their polygons turned into boxes, TextEquiv text and confidence, TextStyle, and the page's
//! ReadingOrder as the blocks' order.

use super::xml::{Ev, Tag, Xml, num, unescape};
use super::{BBox, Block, Document, Format, Hyphen, Line, Style, Word, finish_block, finish_line, kind_of};
use crate::error::Result;
use rustc_hash::FxHashMap;

/// What a TextStyle element gives; None where it says nothing, so a word falls back to its line's
/// and region's field by field.
#[derive(Debug, Clone, Copy, Default)]
struct Given {
    size: Option<f32>,
    style: Option<Style>,
}

impl Given {
    fn or(self, o: Given) -> Given {
        Given { size: self.size.or(o.size), style: self.style.or(o.style) }
    }
}

/// The first TextEquiv's text and confidence.
#[derive(Default)]
struct Equiv {
    text: Option<String>,
    conf: Option<f32>,
}

struct OpenRegion {
    block: Block,
    given: Given,
    equiv: Equiv,
    /// Each line with its own style and its words' own styles: a TextStyle comes after the
    /// lines and words it covers, so styles are settled when the region closes.
    lines: Vec<(Line, Given, Vec<Given>)>,
    /// Where it opened among the regions, and the ids of the regions around it, innermost first.
    seq: usize,
    outer: Vec<String>,
}

struct OpenLine {
    line: Line,
    given: Given,
    equiv: Equiv,
    word_given: Vec<Given>,
}

struct OpenWord {
    word: Word,
    given: Given,
    equiv: Equiv,
}

/// A ReadingOrder group being read: its own region first, then its members by index (ordered) or
/// as written (unordered).
struct Group {
    ordered: bool,
    head: Option<String>,
    index: i64,
    members: Vec<(i64, usize, Vec<String>)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Frame {
    Region,
    OtherRegion,
    Line,
    Word,
    Coords,
    Equiv,
    Unicode,
    Group,
    Other,
}

/// Which open element a Coords, TextEquiv or TextStyle belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Owner {
    Region,
    Line,
    Word,
    None,
}

struct Reader<'x, 'a> {
    xml: &'x mut Xml<'a>,
    doc: Document,
    size: (f32, f32),
    frames: Vec<Frame>,
    regions: Vec<OpenRegion>,
    /// Ids of all open regions, text or not, for the group of a nested region.
    region_ids: Vec<Option<String>>,
    seq: usize,
    line: Option<OpenLine>,
    word: Option<OpenWord>,
    /// The box gathered from a Coords being read (its Point children, 2010 style).
    coords: Option<BBox>,
    coords_owner: Owner,
    equiv_owner: Owner,
    equiv_text: String,
    equiv_conf: Option<f32>,
    groups: Vec<Group>,
    order: Vec<String>,
    done: Vec<(Block, usize, Vec<String>)>,
}

/// Reads a PAGE-XML file.
pub fn read(bytes: &[u8]) -> Result<Document> {
    let text = super::xml::decode(bytes);
    let mut xml = Xml::new(&text, "PAGE-XML", false);
    let doc = Document {
        format: Format::PageXml,
        width: 0.0,
        height: 0.0,
        unit: "pixel".into(),
        image: None,
        blocks: Vec::new(),
        language: None,
        producer: None,
    };
    let mut r = Reader {
        xml: &mut xml,
        doc,
        size: (0.0, 0.0),
        frames: Vec::new(),
        regions: Vec::new(),
        region_ids: Vec::new(),
        seq: 0,
        line: None,
        word: None,
        coords: None,
        coords_owner: Owner::None,
        equiv_owner: Owner::None,
        equiv_text: String::new(),
        equiv_conf: None,
        groups: Vec::new(),
        order: Vec::new(),
        done: Vec::new(),
    };
    r.run()?;
    Ok(r.finish())
}

/// The box of a polygon written `x,y x,y ...`; unreadable points are left out.
fn polygon(points: &str) -> BBox {
    let mut b: Option<(f32, f32, f32, f32)> = None;
    for p in points.split_whitespace() {
        if let Some((x, y)) = p.split_once(',') {
            b = Some(grow(b, num(x), num(y)));
        }
    }
    b.map_or_else(BBox::default, |(x0, y0, x1, y1)| BBox { x: x0, y: y0, w: x1 - x0, h: y1 - y0 })
}

fn grow(b: Option<(f32, f32, f32, f32)>, x: f32, y: f32) -> (f32, f32, f32, f32) {
    match b {
        None => (x, y, x, y),
        Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
    }
}

fn new_line() -> Line {
    Line {
        id: None,
        bbox: BBox::default(),
        words: Vec::new(),
        font_size: None,
        x_size: None,
        style: Style::default(),
        hyphen: Hyphen::None,
        kind: None,
    }
}

/// One word per space-separated piece of a line's or region's own text, each with its box.
fn words_of(text: &str, bbox: BBox, conf: Option<f32>) -> Vec<Word> {
    text.split_whitespace()
        .map(|t| Word { id: None, text: t.to_string(), bbox, conf, subs_content: None, font_size: None, style: Style::default() })
        .collect()
}

impl Reader<'_, '_> {
    fn run(&mut self) -> Result<()> {
        match self.xml.pull()? {
            Ev::Open(t) if t.local() == "PcGts" => {}
            Ev::Open(t) => return Err(self.xml.error(format!("the root is <{}>, not <PcGts>", t.local()))),
            _ => return Err(self.xml.error("no root element")),
        }
        loop {
            match self.xml.pull()? {
                Ev::Open(t) => {
                    if let Some(f) = self.open(&t)? {
                        self.frames.push(f);
                    }
                }
                Ev::Text(s) => {
                    if self.frames.last() == Some(&Frame::Unicode) {
                        self.xml.gather(&mut self.equiv_text, &s)?;
                    }
                }
                Ev::Close => match self.frames.pop() {
                    Some(f) => self.close(f),
                    None => return Ok(()),
                },
                Ev::Eof => return Ok(()),
            }
        }
    }

    /// The innermost open region, line or word.
    fn owner(&self) -> Owner {
        for f in self.frames.iter().rev() {
            match f {
                Frame::Word => return Owner::Word,
                Frame::Line => return Owner::Line,
                Frame::Region => return Owner::Region,
                Frame::OtherRegion => return Owner::None,
                _ => {}
            }
        }
        Owner::None
    }

    fn equiv_of(&mut self, o: Owner) -> Option<&mut Equiv> {
        match o {
            Owner::Word => self.word.as_mut().map(|w| &mut w.equiv),
            Owner::Line => self.line.as_mut().map(|l| &mut l.equiv),
            Owner::Region => self.regions.last_mut().map(|r| &mut r.equiv),
            Owner::None => None,
        }
    }

    fn open(&mut self, t: &Tag) -> Result<Option<Frame>> {
        let name = t.local();
        let frame = match name {
            "Page" => {
                let mut lang = None;
                t.each_attr(self.xml, |k, v| match k {
                    "imageFilename" => self.doc.image = Some(unescape(v).into_owned()).filter(|s| !s.is_empty()),
                    "imageWidth" => self.size.0 = num(v),
                    "imageHeight" => self.size.1 = num(v),
                    "primaryLanguage" => lang = Some(unescape(v).into_owned()),
                    _ => {}
                })?;
                self.doc.language = lang.or(self.doc.language.take());
                Frame::Other
            }
            "TextRegion" => {
                let mut b = Block { id: None, bbox: BBox::default(), lines: Vec::new(), group: None, kind: None, order: 0 };
                let mut lang = None;
                t.each_attr(self.xml, |k, v| match k {
                    "id" => b.id = Some(unescape(v).into_owned()),
                    "type" => b.kind = kind_of(v),
                    "primaryLanguage" => lang = Some(unescape(v).into_owned()),
                    _ => {}
                })?;
                if self.doc.language.is_none() {
                    self.doc.language = lang;
                }
                b.group = self.region_ids.iter().rev().flatten().next().cloned();
                let outer = self.region_ids.iter().rev().flatten().cloned().collect();
                self.region_ids.push(b.id.clone());
                self.seq += 1;
                let r = OpenRegion {
                    block: b,
                    given: Given::default(),
                    equiv: Equiv::default(),
                    lines: Vec::new(),
                    seq: self.seq,
                    outer,
                };
                self.regions.push(r);
                Frame::Region
            }
            n if n.ends_with("Region") => {
                self.region_ids.push(t.attr(self.xml, "id")?);
                Frame::OtherRegion
            }
            "TextLine" if self.owner() == Owner::Region => {
                let mut line = new_line();
                line.id = t.attr(self.xml, "id")?;
                self.line = Some(OpenLine { line, given: Given::default(), equiv: Equiv::default(), word_given: Vec::new() });
                Frame::Line
            }
            "Word" if self.owner() == Owner::Line => {
                let w = Word {
                    id: t.attr(self.xml, "id")?,
                    text: String::new(),
                    bbox: BBox::default(),
                    conf: None,
                    subs_content: None,
                    font_size: None,
                    style: Style::default(),
                };
                self.word = Some(OpenWord { word: w, given: Given::default(), equiv: Equiv::default() });
                Frame::Word
            }
            "Coords" => {
                self.coords_owner = self.owner();
                self.coords = None;
                if let Some(p) = t.attr(self.xml, "points")? {
                    self.coords = Some(polygon(&p));
                }
                Frame::Coords
            }
            "Point" if self.frames.last() == Some(&Frame::Coords) => {
                let (mut x, mut y) = (0.0, 0.0);
                t.each_attr(self.xml, |k, v| match k {
                    "x" => x = num(v),
                    "y" => y = num(v),
                    _ => {}
                })?;
                let b = self.coords.map(|b| (b.x, b.y, b.right(), b.bottom()));
                let (x0, y0, x1, y1) = grow(b, x, y);
                self.coords = Some(BBox { x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
                self.xml.skip()?;
                return Ok(None);
            }
            "TextEquiv" => {
                let o = self.owner();
                // Only the first TextEquiv of a region, line or word is its text.
                if self.equiv_of(o).is_none_or(|e| e.text.is_some()) {
                    self.xml.skip()?;
                    return Ok(None);
                }
                self.equiv_owner = o;
                self.equiv_text.clear();
                self.equiv_conf = t
                    .attr(self.xml, "conf")?
                    .and_then(|c| c.trim().parse::<f32>().ok())
                    .filter(|c| c.is_finite())
                    .map(|c| c.clamp(0.0, 1.0));
                Frame::Equiv
            }
            "Unicode" if self.frames.last() == Some(&Frame::Equiv) => Frame::Unicode,
            "TextStyle" => {
                let mut g = Given { size: None, style: Some(Style::default()) };
                t.each_attr(self.xml, |k, v| {
                    let yes = v.trim() == "true" || v.trim() == "1";
                    let s = g.style.get_or_insert_with(Style::default);
                    match k {
                        "fontSize" => g.size = Some(num(v)).filter(|s| *s > 0.0),
                        "bold" => s.bold = yes,
                        "italic" => s.italic = yes,
                        "smallCaps" => s.caps = yes,
                        "fontFamily" => s.face = super::face_id(&unescape(v)),
                        _ => {}
                    }
                })?;
                match self.owner() {
                    Owner::Word => self.word.iter_mut().for_each(|w| w.given = g),
                    Owner::Line => self.line.iter_mut().for_each(|l| l.given = g),
                    Owner::Region => self.regions.last_mut().iter_mut().for_each(|r| r.given = g),
                    Owner::None => {}
                }
                self.xml.skip()?;
                return Ok(None);
            }
            "OrderedGroup" | "OrderedGroupIndexed" | "UnorderedGroup" | "UnorderedGroupIndexed" => {
                let mut g = Group { ordered: name.starts_with("Ordered"), head: None, index: 0, members: Vec::new() };
                t.each_attr(self.xml, |k, v| match k {
                    "regionRef" => g.head = Some(unescape(v).into_owned()),
                    "index" => g.index = v.trim().parse().unwrap_or(0),
                    _ => {}
                })?;
                self.groups.push(g);
                Frame::Group
            }
            "RegionRefIndexed" | "RegionRef" => {
                let (mut id, mut index) = (None, 0);
                t.each_attr(self.xml, |k, v| match k {
                    "regionRef" => id = Some(unescape(v).into_owned()),
                    "index" => index = v.trim().parse().unwrap_or(0),
                    _ => {}
                })?;
                if let (Some(g), Some(id)) = (self.groups.last_mut(), id) {
                    let n = g.members.len();
                    g.members.push((index, n, vec![id]));
                }
                self.xml.skip()?;
                return Ok(None);
            }
            // Glyphs' own text and boxes, metadata, baselines and images are not read.
            "Metadata" | "Glyph" | "Baseline" | "AlternativeImage" | "PlainText" | "Border" | "PrintSpace" | "UserDefined"
            | "Labels" | "Relations" | "Layers" | "TextLine" | "Word" => {
                self.xml.skip()?;
                return Ok(None);
            }
            _ => Frame::Other,
        };
        Ok(Some(frame))
    }

    fn close(&mut self, f: Frame) {
        match f {
            Frame::Coords => {
                let b = self.coords.take().unwrap_or_default();
                match self.coords_owner {
                    Owner::Word => self.word.iter_mut().for_each(|w| w.word.bbox = b),
                    Owner::Line => self.line.iter_mut().for_each(|l| l.line.bbox = b),
                    Owner::Region => self.regions.last_mut().iter_mut().for_each(|r| r.block.bbox = b),
                    Owner::None => {}
                }
            }
            Frame::Equiv => {
                let (text, conf) = (std::mem::take(&mut self.equiv_text), self.equiv_conf);
                if let Some(e) = self.equiv_of(self.equiv_owner) {
                    *e = Equiv { text: Some(text), conf };
                }
            }
            Frame::Word => {
                if let (Some(w), Some(l)) = (self.word.take(), &mut self.line) {
                    let text = w.equiv.text.as_deref().unwrap_or("").trim();
                    if !text.is_empty() {
                        let mut word = w.word;
                        word.text = text.to_string();
                        word.conf = w.equiv.conf;
                        l.line.words.push(word);
                        l.word_given.push(w.given);
                    }
                }
            }
            Frame::Line => {
                if let (Some(mut l), Some(r)) = (self.line.take(), self.regions.last_mut()) {
                    if l.line.words.is_empty() {
                        l.line.words = words_of(l.equiv.text.as_deref().unwrap_or(""), l.line.bbox, l.equiv.conf);
                        l.word_given = vec![Given::default(); l.line.words.len()];
                    }
                    if !l.line.words.is_empty() {
                        r.lines.push((l.line, l.given, l.word_given));
                    }
                }
            }
            Frame::Region => {
                self.region_ids.pop();
                if let Some(r) = self.regions.pop() {
                    self.end_region(r);
                }
            }
            Frame::OtherRegion => {
                self.region_ids.pop();
            }
            Frame::Group => {
                if let Some(g) = self.groups.pop() {
                    let index = g.index;
                    let flat = flatten(g);
                    match self.groups.last_mut() {
                        Some(parent) => {
                            let n = parent.members.len();
                            parent.members.push((index, n, flat));
                        }
                        None if self.order.is_empty() => self.order = flat,
                        None => {}
                    }
                }
            }
            Frame::Unicode | Frame::Other => {}
        }
    }

    fn end_region(&mut self, mut r: OpenRegion) {
        if r.lines.is_empty()
            && let Some(text) = r.equiv.text.as_deref()
        {
            let mut line = new_line();
            line.bbox = r.block.bbox;
            line.words = words_of(text, r.block.bbox, r.equiv.conf);
            let n = line.words.len();
            if n > 0 {
                r.lines.push((line, Given::default(), vec![Given::default(); n]));
            }
        }
        let rg = r.given;
        for (mut line, lg, wg) in r.lines {
            let own = lg.or(rg);
            for (w, g) in line.words.iter_mut().zip(wg) {
                let g = g.or(own);
                w.font_size = g.size;
                w.style = g.style.unwrap_or_default();
            }
            line.font_size = own.size;
            line.style = own.style.unwrap_or_default();
            finish_line(&mut line);
            r.block.lines.push(line);
        }
        if !r.block.lines.is_empty() {
            finish_block(&mut r.block);
            self.done.push((r.block, r.seq, r.outer));
        }
    }

    /// The blocks in reading order: a region not named in it takes its nearest named
    /// enclosing region's place, and regions named nowhere come last, in file order.
    fn finish(mut self) -> Document {
        let mut pos: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, id) in self.order.iter().enumerate() {
            pos.entry(id.as_str()).or_insert(i);
        }
        let mut keyed: Vec<((usize, usize), Block)> = self
            .done
            .into_iter()
            .map(|(b, seq, outer)| {
                let at = b.id.iter().chain(outer.iter()).find_map(|id| pos.get(id.as_str()).copied()).unwrap_or(usize::MAX);
                ((at, seq), b)
            })
            .collect();
        keyed.sort_by_key(|(k, _)| *k);
        self.doc.blocks = keyed.into_iter().map(|(_, b)| b).collect();
        for (i, b) in self.doc.blocks.iter_mut().enumerate() {
            b.order = i;
        }
        let (w, h) = if self.size.0 > 0.0 && self.size.1 > 0.0 { self.size } else { super::extent(&self.doc.blocks) };
        (self.doc.width, self.doc.height) = (w, h);
        self.doc
    }
}

fn flatten(g: Group) -> Vec<String> {
    let mut members = g.members;
    if g.ordered {
        members.sort_by_key(|m| (m.0, m.1));
    }
    g.head.into_iter().chain(members.into_iter().flat_map(|m| m.2)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocrxml::RegionKind;

    const P2019: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
 <Metadata><Creator>hand</Creator><Created>2024-01-01T00:00:00</Created><LastChange>2024-01-01T00:00:00</LastChange></Metadata>
 <Page imageFilename="p1.png" imageWidth="1000" imageHeight="1500" primaryLanguage="English">
  <ReadingOrder>
   <OrderedGroup id="ro" caption="Regions reading order">
    <RegionRefIndexed index="2" regionRef="r1"/>
    <RegionRefIndexed index="0" regionRef="r2"/>
    <UnorderedGroupIndexed id="g" index="1"><RegionRef regionRef="r3"/></UnorderedGroupIndexed>
    <RegionRefIndexed index="3" regionRef="r5"/>
   </OrderedGroup>
  </ReadingOrder>
  <TextRegion id="r1" type="paragraph">
   <Coords points="100,600 500,600 500,700 100,700"/>
   <TextLine id="r1l1">
    <Coords points="100,600 500,600 500,650 100,650"/>
    <Word id="w1"><Coords points="100,600 200,600 200,650 100,650"/>
     <Glyph id="g1"><Coords points="0,0 1,1"/><TextEquiv><Unicode>X</Unicode></TextEquiv></Glyph>
     <TextEquiv conf="0.75" index="1"><PlainText>no</PlainText><Unicode>Text&amp;</Unicode></TextEquiv>
     <TextEquiv index="2"><Unicode>second</Unicode></TextEquiv>
     <TextStyle fontSize="9" italic="true"/>
    </Word>
    <Word id="w2"><Coords points="210,600 500,650"/><TextEquiv><Unicode>here</Unicode></TextEquiv></Word>
    <TextEquiv><Unicode>ignored line text</Unicode></TextEquiv>
    <TextStyle bold="true"/>
   </TextLine>
   <TextEquiv><Unicode>ignored region text</Unicode></TextEquiv>
  </TextRegion>
  <TextRegion id="r2" type="heading">
   <Coords points="100,100 900,100 900,200 100,200"/>
   <TextLine id="r2l1"><Coords points="100,100 900,100 900,200 100,200"/>
    <TextEquiv conf="0.5"><Unicode> Headline  words </Unicode></TextEquiv></TextLine>
   <TextStyle fontSize="24" fontFamily="Arial"/>
  </TextRegion>
  <TableRegion id="t1"><Coords points="0,0 1,1"/>
   <TextRegion id="r3" type="caption"><Coords points="1,1 2,2"/><TextEquiv><Unicode>cell</Unicode></TextEquiv></TextRegion>
   <TextRegion id="r4"><Coords points="1,1 2,2"/><TextEquiv><Unicode>other cell</Unicode></TextEquiv></TextRegion>
  </TableRegion>
  <ImageRegion id="i1"><Coords points="0,0 9,9"/></ImageRegion>
  <TextRegion id="r5" type="page-number"><TextRegion id="r5a"><TextLine><TextEquiv><Unicode>7</Unicode></TextEquiv></TextLine></TextRegion></TextRegion>
 </Page>
</PcGts>"#;

    #[test]
    fn reading_order_polygons_and_text() {
        let d = read(P2019.as_bytes()).unwrap();
        assert_eq!((d.format, d.width, d.height, d.unit.as_str()), (Format::PageXml, 1000.0, 1500.0, "pixel"));
        assert_eq!((d.image.as_deref(), d.language.as_deref()), (Some("p1.png"), Some("English")));
        let ids: Vec<_> = d.blocks.iter().map(|b| (b.id.as_deref().unwrap_or(""), b.order, b.group.as_deref())).collect();
        // r2 (index 0), the group at index 1 (r3), r1 (2), r5's place (3) for r5a inside it, and r4,
        // named nowhere, last.
        assert_eq!(ids, [("r2", 0, None), ("r3", 1, Some("t1")), ("r1", 2, None), ("r5a", 3, Some("r5")), ("r4", 4, Some("t1"))]);
        let r1 = &d.blocks[2];
        assert_eq!((r1.kind, r1.bbox), (Some(RegionKind::Paragraph), BBox { x: 100.0, y: 600.0, w: 400.0, h: 100.0 }));
        let l = &r1.lines[0];
        let words: Vec<_> =
            l.words.iter().map(|w| (w.text.as_str(), w.conf, w.font_size, w.style.italic, w.style.bold)).collect();
        assert_eq!(words, [("Text&", Some(0.75), Some(9.0), true, false), ("here", None, None, false, true)]);
        assert_eq!(l.words[1].bbox, BBox { x: 210.0, y: 600.0, w: 290.0, h: 50.0 });
        assert_eq!((l.bbox.h, l.style.bold), (50.0, false), "by characters: 5 italic against 4 bold");
        let r2 = &d.blocks[0];
        assert_eq!(r2.kind, Some(RegionKind::Heading));
        let hw: Vec<_> = r2.lines[0].words.iter().map(|w| (w.text.as_str(), w.bbox, w.conf)).collect();
        let lb = BBox { x: 100.0, y: 100.0, w: 800.0, h: 100.0 };
        assert_eq!(hw, [("Headline", lb, Some(0.5)), ("words", lb, Some(0.5))]);
        assert_eq!(r2.lines[0].font_size, Some(24.0));
        // The face as ALTO's FONTFAMILY gives it; none where unnamed.
        assert_eq!(r2.lines[0].words[0].style.face, super::super::face_id("arial"));
        assert_eq!(l.words[0].style.face, 0);
        assert_eq!((d.blocks[1].kind, d.blocks[1].lines[0].words[0].text.as_str()), (Some(RegionKind::Caption), "cell"));
        assert_eq!(d.blocks[3].lines[0].words[0].text, "7");
        let head = Group {
            ordered: true,
            head: Some("h".into()),
            index: 0,
            members: vec![(1, 0, vec!["b".into()]), (0, 1, vec!["a".into()])],
        };
        assert_eq!(flatten(head), ["h", "a", "b"]);
    }

    #[test]
    fn older_namespace_and_point_children() {
        let p2010 = r#"<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19"><Page imageFilename="a.tif" imageWidth="10" imageHeight="20">
            <TextRegion id="r"><Coords><Point x="1" y="2"/><Point x="5" y="2"/><Point x="5" y="9.5"/></Coords>
            <TextLine id="l"><Coords><Point x="1" y="2"/><Point x="5" y="9"/></Coords><TextEquiv><Unicode>old style</Unicode></TextEquiv></TextLine>
            </TextRegion></Page></PcGts>"#;
        let d = read(p2010.as_bytes()).unwrap();
        assert_eq!(d.blocks[0].bbox, BBox { x: 1.0, y: 2.0, w: 4.0, h: 7.5 });
        assert_eq!(d.blocks[0].lines[0].words.len(), 2);
        assert_eq!(d.blocks[0].lines[0].words[1].bbox, BBox { x: 1.0, y: 2.0, w: 4.0, h: 7.0 });

        let p2013 = r#"<pc:PcGts xmlns:pc="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15"><pc:Page imageWidth="10" imageHeight="20">
            <pc:TextRegion id="r"><pc:Coords points="0,0 10,10"/><pc:TextLine><pc:Coords points="0,0 10,5"/>
            <pc:Word><pc:Coords points="0,0 4,5"/><pc:TextEquiv><pc:Unicode>ns</pc:Unicode></pc:TextEquiv></pc:Word></pc:TextLine></pc:TextRegion></pc:Page></pc:PcGts>"#;
        let d = read(p2013.as_bytes()).unwrap();
        assert_eq!(d.blocks[0].lines[0].words[0].text, "ns");
        assert_eq!(d.blocks[0].lines[0].words[0].bbox, BBox { x: 0.0, y: 0.0, w: 4.0, h: 5.0 });
    }

    #[test]
    fn not_page_xml() {
        assert!(read(b"<alto/>").unwrap_err().message().contains("not <PcGts>"));
    }
}
