//! The ALTO reader (v1 to v4, with or without a namespace): Description, Styles and the Layout's
//! blocks, lines and words read into the page model, type styles resolved through STYLEREFS.

use super::xml::{Ev, Tag, Xml, num, unescape};
use super::{BBox, Block, Document, Format, Hyphen, Line, Style, Word, finish_block, finish_line, kind_of};
use crate::error::Result;
use rustc_hash::FxHashMap;

/// What a TextStyle gives; None where it says nothing (no FONTSIZE, no TextStyle at all), so a
/// word's own style can fall back to its line's and block's field by field.
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

/// Style flags from FONTSTYLE or STYLE tokens; `underline`, `subscript`, `superscript` are not kept.
fn flags(tokens: &str) -> Style {
    let mut s = Style::default();
    for t in tokens.split_whitespace() {
        match t.to_ascii_lowercase().as_str() {
            "bold" => s.bold = true,
            "italics" | "italic" => s.italic = true,
            "smallcaps" | "allcaps" => s.caps = true,
            _ => {}
        }
    }
    s
}

/// The open elements the reader acts on when they close.
#[derive(Clone, Copy)]
enum Frame {
    Composed,
    Block,
    Line,
    Unit,
    FileName,
    Other,
}

struct Reader<'x, 'a> {
    xml: &'x mut Xml<'a>,
    doc: Document,
    page_size: Option<(f32, f32)>,
    styles: FxHashMap<String, Given>,
    /// Enclosing ComposedBlocks, innermost last: id and what its TYPE says.
    composed: Vec<(Option<String>, Option<super::RegionKind>)>,
    block: Option<(Block, Given)>,
    line: Option<(Line, Given)>,
    text: String,
}

/// Reads an ALTO file.
pub fn read(bytes: &[u8]) -> Result<Document> {
    let text = super::xml::decode(bytes);
    let mut xml = Xml::new(&text, "ALTO", false);
    let doc = Document {
        format: Format::Alto,
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
        page_size: None,
        styles: FxHashMap::default(),
        composed: Vec::new(),
        block: None,
        line: None,
        text: String::new(),
    };
    r.run()?;
    let mut doc = r.doc;
    let (w, h) = r.page_size.unwrap_or_else(|| super::extent(&doc.blocks));
    (doc.width, doc.height) = (w, h);
    Ok(doc)
}

impl Reader<'_, '_> {
    fn run(&mut self) -> Result<()> {
        match self.xml.pull()? {
            Ev::Open(t) if t.local() == "alto" => {}
            Ev::Open(t) => return Err(self.xml.error(format!("the root is <{}>, not <alto>", t.local()))),
            _ => return Err(self.xml.error("no root element")),
        }
        let mut frames: Vec<Frame> = Vec::new();
        loop {
            match self.xml.pull()? {
                Ev::Open(t) => {
                    if let Some(f) = self.open(&t)? {
                        frames.push(f);
                    }
                }
                Ev::Text(s) => {
                    if matches!(frames.last(), Some(Frame::Unit | Frame::FileName)) {
                        self.xml.gather(&mut self.text, &s)?;
                    }
                }
                Ev::Close => match frames.pop() {
                    Some(f) => self.close(f),
                    None => return Ok(()), // the root
                },
                Ev::Eof => return Ok(()),
            }
        }
    }

    /// Acts on an opening tag; the frame to push, or None where its subtree was read or skipped.
    fn open(&mut self, t: &Tag) -> Result<Option<Frame>> {
        let name = t.local();
        if self.line.is_some() {
            match name {
                "String" => self.word(t)?,
                "HYP" => {
                    let mark = t.attr(self.xml, "CONTENT")?.filter(|m| !m.is_empty()).unwrap_or_else(|| "-".into());
                    if let Some((line, _)) = &mut self.line {
                        line.hyphen = Hyphen::Cut { mark };
                    }
                }
                _ => {}
            }
            self.xml.skip()?;
            return Ok(None);
        }
        if self.block.is_some() {
            if name == "TextLine" {
                self.open_line(t)?;
                return Ok(Some(Frame::Line));
            }
            self.xml.skip()?;
            return Ok(None);
        }
        let frame = match name {
            "TextBlock" => {
                self.open_block(t)?;
                Frame::Block
            }
            "ComposedBlock" => {
                let (mut id, mut kind) = (None, None);
                t.each_attr(self.xml, |k, v| match k {
                    "ID" => id = Some(unescape(v).into_owned()),
                    "TYPE" => kind = kind_of(v),
                    _ => {}
                })?;
                // A TYPE-less ComposedBlock inside a typed one is still part of that.
                let kind = kind.or_else(|| self.composed.last().and_then(|c| c.1));
                self.composed.push((id, kind));
                Frame::Composed
            }
            "Page" => {
                let (mut w, mut h) = (0.0, 0.0);
                t.each_attr(self.xml, |k, v| match k {
                    "WIDTH" => w = num(v),
                    "HEIGHT" => h = num(v),
                    _ => {}
                })?;
                // Only the first Page sizes the document; a multi-page file's blocks all come.
                if self.page_size.is_none() && w > 0.0 && h > 0.0 {
                    self.page_size = Some((w, h));
                }
                Frame::Other
            }
            "TextStyle" => {
                let (mut id, mut given) = (None, Given { size: None, style: Some(Style::default()) });
                let mut face = 0;
                t.each_attr(self.xml, |k, v| match k {
                    "ID" => id = Some(unescape(v).into_owned()),
                    "FONTSIZE" => given.size = Some(num(v)).filter(|s| *s > 0.0),
                    "FONTSTYLE" => given.style = Some(flags(v)),
                    "FONTFAMILY" => face = super::face_id(&unescape(v)),
                    _ => {}
                })?;
                if let Some(s) = given.style.as_mut() {
                    s.face = face;
                }
                if let Some(id) = id {
                    self.styles.insert(id, given);
                }
                self.xml.skip()?;
                return Ok(None);
            }
            "MeasurementUnit" => {
                self.text.clear();
                Frame::Unit
            }
            "fileName" => {
                self.text.clear();
                Frame::FileName
            }
            // Pictures and rules carry no text; their shapes can be large.
            "Illustration" | "GraphicalElement" | "Shape" | "ParagraphStyle" | "Tags" | "OCRProcessing" | "Processing" => {
                self.xml.skip()?;
                return Ok(None);
            }
            _ => Frame::Other,
        };
        Ok(Some(frame))
    }

    fn close(&mut self, f: Frame) {
        match f {
            Frame::Composed => {
                self.composed.pop();
            }
            Frame::Block => {
                if let Some((mut b, _)) = self.block.take()
                    && !b.lines.is_empty()
                {
                    finish_block(&mut b);
                    b.order = self.doc.blocks.len();
                    self.doc.blocks.push(b);
                }
            }
            Frame::Line => {
                if let (Some((mut line, given)), Some((b, bg))) = (self.line.take(), &mut self.block)
                    && !line.words.is_empty()
                {
                    let own = given.or(*bg);
                    line.font_size = own.size;
                    line.style = own.style.unwrap_or_default();
                    finish_line(&mut line);
                    b.lines.push(line);
                }
            }
            Frame::Unit => {
                let unit = self.text.trim();
                if !unit.is_empty() {
                    self.doc.unit = unit.to_string();
                }
            }
            Frame::FileName => {
                let name = self.text.trim();
                if self.doc.image.is_none() && !name.is_empty() {
                    self.doc.image = Some(name.to_string());
                }
            }
            Frame::Other => {}
        }
    }

    /// The TextStyles a STYLEREFS list names, the first to say a thing winning; ParagraphStyle ids
    /// and unknown ids add nothing.
    fn resolve(&self, refs: &str) -> Given {
        refs.split_whitespace().filter_map(|id| self.styles.get(id)).fold(Given::default(), |acc, g| acc.or(*g))
    }

    fn lang(&mut self, v: &str) {
        if self.doc.language.is_none() && !v.trim().is_empty() {
            self.doc.language = Some(unescape(v.trim()).into_owned());
        }
    }

    fn open_block(&mut self, t: &Tag) -> Result<()> {
        let (group, inherited) = self.composed.last().cloned().unwrap_or_default();
        let mut b = Block { id: None, bbox: BBox::default(), lines: Vec::new(), group, kind: inherited, order: 0 };
        let (mut refs, mut lang, mut kind) = (String::new(), None, None);
        t.each_attr(self.xml, |k, v| match k {
            "ID" => b.id = Some(unescape(v).into_owned()),
            "HPOS" => b.bbox.x = num(v),
            "VPOS" => b.bbox.y = num(v),
            "WIDTH" => b.bbox.w = num(v),
            "HEIGHT" => b.bbox.h = num(v),
            "STYLEREFS" => refs = v.to_string(),
            "LANG" => lang = Some(v.to_string()),
            "TYPE" => kind = kind_of(v),
            _ => {}
        })?;
        b.kind = kind.or(b.kind);
        if let Some(l) = lang {
            self.lang(&l);
        }
        self.block = Some((b, self.resolve(&refs)));
        Ok(())
    }

    fn open_line(&mut self, t: &Tag) -> Result<()> {
        let mut line = Line {
            id: None,
            bbox: BBox::default(),
            words: Vec::new(),
            font_size: None,
            x_size: None,
            style: Style::default(),
            hyphen: Hyphen::None,
            kind: None,
        };
        let (mut refs, mut lang) = (String::new(), None);
        t.each_attr(self.xml, |k, v| match k {
            "ID" => line.id = Some(unescape(v).into_owned()),
            "HPOS" => line.bbox.x = num(v),
            "VPOS" => line.bbox.y = num(v),
            "WIDTH" => line.bbox.w = num(v),
            "HEIGHT" => line.bbox.h = num(v),
            "STYLEREFS" => refs = v.to_string(),
            "LANG" => lang = Some(v.to_string()),
            _ => {}
        })?;
        if let Some(l) = lang {
            self.lang(&l);
        }
        self.line = Some((line, self.resolve(&refs)));
        Ok(())
    }

    fn word(&mut self, t: &Tag) -> Result<()> {
        let mut w = Word {
            id: None,
            text: String::new(),
            bbox: BBox::default(),
            conf: None,
            subs_content: None,
            font_size: None,
            style: Style::default(),
        };
        let (mut refs, mut extra, mut lang) = (String::new(), Style::default(), None);
        let (mut subs, mut subs_type) = (None, None);
        t.each_attr(self.xml, |k, v| match k {
            "CONTENT" => w.text = unescape(v).into_owned(),
            "ID" => w.id = Some(unescape(v).into_owned()),
            "HPOS" => w.bbox.x = num(v),
            "VPOS" => w.bbox.y = num(v),
            "WIDTH" => w.bbox.w = num(v),
            "HEIGHT" => w.bbox.h = num(v),
            "WC" => w.conf = v.trim().parse::<f32>().ok().filter(|c| c.is_finite()).map(|c| c.clamp(0.0, 1.0)),
            "SUBS_CONTENT" => subs = Some(unescape(v).into_owned()),
            "SUBS_TYPE" => subs_type = Some(v.to_string()),
            "STYLEREFS" => refs = v.to_string(),
            "STYLE" => extra = flags(v),
            "LANG" => lang = Some(v.to_string()),
            _ => {}
        })?;
        if let Some(l) = lang {
            self.lang(&l);
        }
        if w.text.trim().is_empty() {
            return Ok(());
        }
        // SUBS_CONTENT also spells out abbreviations; only the hyphenation halves are the whole word.
        if subs_type.as_deref().is_none_or(|t| t.starts_with("HypPart")) {
            w.subs_content = subs.filter(|s| !s.is_empty());
        }
        let own = self.resolve(&refs);
        let (Some((line, lg)), Some((_, bg))) = (&mut self.line, &self.block) else { return Ok(()) };
        let g = own.or(*lg).or(*bg);
        w.font_size = g.size;
        let s = g.style.unwrap_or_default();
        w.style = Style { bold: s.bold || extra.bold, italic: s.italic || extra.italic, caps: s.caps || extra.caps, face: s.face };
        // A HYP before this word was not at the line's end after all.
        line.hyphen = Hyphen::None;
        line.words.push(w);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocrxml::RegionKind;

    const V4: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
 <Description>
  <MeasurementUnit>mm10</MeasurementUnit>
  <sourceImageInformation><fileName> scans/p1.tif </fileName></sourceImageInformation>
 </Description>
 <Styles>
  <TextStyle ID="T1" FONTSIZE="8" FONTFAMILY="Times"/>
  <TextStyle ID="T2" FONTSIZE="20.5" FONTSTYLE="bold smallcaps"/>
  <TextStyle ID="T3" FONTSTYLE="italics"/>
  <ParagraphStyle ID="P1" ALIGN="Left"/>
 </Styles>
 <Layout>
  <Page ID="p" WIDTH="2000" HEIGHT="3000.5">
   <TopMargin><TextBlock ID="tm" HPOS="1" VPOS="2" WIDTH="3" HEIGHT="4"><TextLine><String CONTENT="3"/></TextLine></TextBlock></TopMargin>
   <PrintSpace>
    <ComposedBlock ID="art1" TYPE="Advertisement">
     <TextBlock ID="b1" HPOS="10" VPOS="20" WIDTH="500" HEIGHT="60" STYLEREFS="P1 T2" LANG="en">
      <Shape><Polygon POINTS="1,1 2,2"/></Shape>
      <TextLine ID="l1" HPOS="10" VPOS="20" WIDTH="500" HEIGHT="60">
       <String ID="s1" HPOS="10" VPOS="20" WIDTH="200" HEIGHT="60" CONTENT="Big" WC="0.9"/>
       <SP WIDTH="10"/>
       <String ID="s2" HPOS="220" VPOS="20" WIDTH="290" HEIGHT="60" CONTENT="News&amp;Co" WC="1.5"/>
      </TextLine>
     </TextBlock>
     <ComposedBlock ID="inner">
      <TextBlock ID="b2" HPOS="10" VPOS="100" WIDTH="300" HEIGHT="80" STYLEREFS="T1 P1">
       <TextLine ID="l2" STYLEREFS="T3">
        <String CONTENT="a" HPOS="10" VPOS="100" WIDTH="10" HEIGHT="20"/>
        <String CONTENT="long" HPOS="30" VPOS="100" WIDTH="40" HEIGHT="20" STYLEREFS="T2"/>
        <String CONTENT="hyphen" SUBS_TYPE="HypPart1" SUBS_CONTENT="hyphenated" STYLE="bold"
                HPOS="80" VPOS="100" WIDTH="60" HEIGHT="20" STYLEREFS="P1 T1"><ALTERNATIVE>x</ALTERNATIVE></String>
        <HYP CONTENT="&#xAC;"/>
       </TextLine>
       <TextLine ID="l3" HPOS="10" VPOS="130" WIDTH="100" HEIGHT="20">
        <String CONTENT="ated" SUBS_TYPE="HypPart2" SUBS_CONTENT="hyphenated" HPOS="10" VPOS="130" WIDTH="40" HEIGHT="20"/>
        <String CONTENT="  "/>
        <String CONTENT="Dr." SUBS_TYPE="Abbreviation" SUBS_CONTENT="Doctor"/>
       </TextLine>
       <TextLine ID="empty"><SP/></TextLine>
      </TextBlock>
     </ComposedBlock>
    </ComposedBlock>
    <Illustration ID="i1"><TextBlock ID="no"><TextLine><String CONTENT="hidden"/></TextLine></TextBlock></Illustration>
    <TextBlock ID="b3"><TextLine><String CONTENT="x-"/></TextLine></TextBlock>
    <TextBlock ID="nothing"/>
   </PrintSpace>
  </Page>
 </Layout>
</alto>"#;

    #[test]
    fn v4_every_field() {
        let d = read(V4.as_bytes()).unwrap();
        assert_eq!((d.format, d.width, d.height, d.unit.as_str()), (Format::Alto, 2000.0, 3000.5, "mm10"));
        assert_eq!((d.image.as_deref(), d.language.as_deref()), (Some("scans/p1.tif"), Some("en")));
        let ids: Vec<_> = d.blocks.iter().map(|b| b.id.as_deref().unwrap_or("")).collect();
        assert_eq!(ids, ["tm", "b1", "b2", "b3"]);
        assert_eq!(d.blocks.iter().map(|b| b.order).collect::<Vec<_>>(), [0, 1, 2, 3]);
        assert_eq!(d.blocks[0].bbox, BBox { x: 1.0, y: 2.0, w: 3.0, h: 4.0 });

        let b1 = &d.blocks[1];
        assert_eq!((b1.group.as_deref(), b1.kind), (Some("art1"), Some(RegionKind::Other)));
        let l1 = &b1.lines[0];
        assert_eq!((l1.font_size, l1.style), (Some(20.5), Style { bold: true, italic: false, caps: true, ..Default::default() }));
        let w = &l1.words;
        assert_eq!((w[0].text.as_str(), w[0].conf, w[0].font_size), ("Big", Some(0.9), Some(20.5)));
        assert_eq!(w[0].bbox, BBox { x: 10.0, y: 20.0, w: 200.0, h: 60.0 });
        assert_eq!((w[1].text.as_str(), w[1].conf, w[1].id.as_deref()), ("News&Co", Some(1.0), Some("s2")));

        let b2 = &d.blocks[2];
        assert_eq!((b2.group.as_deref(), b2.kind), (Some("inner"), Some(RegionKind::Other)));
        let l2 = &b2.lines[0];
        let sizes: Vec<_> = l2.words.iter().map(|w| w.font_size).collect();
        // Size from the block (the line's T3 has none), or the word's own T2; STYLE adds bold.
        assert_eq!(sizes, [Some(8.0), Some(20.5), Some(8.0)]);
        assert_eq!(l2.words[0].style, Style { bold: false, italic: true, caps: false, ..Default::default() });
        // The face comes with the word's own TextStyle, named whatever its case; "Unknown" is none.
        assert_eq!(l2.words[2].style, Style { bold: true, italic: false, caps: false, face: super::super::face_id("TIMES") });
        assert_ne!(l2.words[2].style.face, 0);
        assert_eq!(super::super::face_id(" Unknown "), 0);
        // By characters: 7 at 8 pt ("a", "hyphen") against 4 at 20.5.
        assert_eq!(l2.font_size, Some(8.0));
        assert_eq!(l2.hyphen, Hyphen::Cut { mark: "\u{ac}".into() });
        assert_eq!(l2.words[2].subs_content.as_deref(), Some("hyphenated"));
        // No box on the line: its words'.
        assert_eq!(l2.bbox, BBox { x: 10.0, y: 100.0, w: 130.0, h: 20.0 });
        let l3 = &b2.lines[1];
        let texts: Vec<_> = l3.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["ated", "Dr."]);
        assert_eq!(l3.words[0].subs_content.as_deref(), Some("hyphenated"));
        assert_eq!(l3.words[1].subs_content, None);
        assert_eq!(l3.hyphen, Hyphen::None);
        assert_eq!(b2.lines.len(), 2, "a line of no words is dropped");
        // A word's own trailing hyphen marks the cut where there is no HYP.
        assert_eq!(d.blocks[3].lines[0].hyphen, Hyphen::Cut { mark: "-".into() });
        assert_eq!(d.blocks[3].group, None);
    }

    #[test]
    fn v1_without_namespace_and_prefixed_root() {
        let v1 = r#"<?xml version="1.0"?><alto><Layout><Page><PrintSpace>
            <TextBlock ID="A" HPOS="0" VPOS="0" WIDTH="50" HEIGHT="10"><TextLine HPOS="0" VPOS="0" WIDTH="50" HEIGHT="10">
            <String CONTENT="Old" HPOS="0" VPOS="0" WIDTH="20" HEIGHT="10"/><SP/><String CONTENT="ALTO" HPOS="25" VPOS="0" WIDTH="25" HEIGHT="10"/>
            </TextLine></TextBlock></PrintSpace></Page></Layout></alto>"#;
        let d = read(v1.as_bytes()).unwrap();
        assert_eq!((d.unit.as_str(), d.width, d.height), ("pixel", 50.0, 10.0));
        assert_eq!(d.blocks[0].lines[0].words.len(), 2);
        assert_eq!(d.blocks[0].lines[0].font_size, None);

        let pre = r#"<a:alto xmlns:a="http://www.loc.gov/standards/alto/ns-v2#"><a:Layout><a:Page WIDTH="9" HEIGHT="9">
            <a:PrintSpace><a:TextBlock><a:TextLine><a:String CONTENT="ns"/></a:TextLine></a:TextBlock></a:PrintSpace></a:Page></a:Layout></a:alto>"#;
        let d = read(pre.as_bytes()).unwrap();
        assert_eq!(d.blocks[0].lines[0].words[0].text, "ns");
        assert_eq!(d.width, 9.0);
    }

    #[test]
    fn wrong_root_and_truncation_are_errors() {
        let e = read(b"<PcGts/>").unwrap_err();
        assert!(e.message().contains("not <alto>"), "{}", e.message());
        let cut = &V4[..V4.find("<String CONTENT=\"a\"").unwrap()];
        let e = read(cut.as_bytes()).unwrap_err();
        assert!(e.message().starts_with("malformed ALTO: unexpected end of file inside <TextLine> at byte"), "{}", e.message());
    }
}
