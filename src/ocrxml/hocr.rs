//! The hOCR reader (XHTML from Tesseract and others, or HTML that closes its elements): pages,
//! content areas, paragraphs, lines and words known by their `class`, boxes and confidences read
//! from their `title` properties.

use super::xml::{Ev, Tag, Xml, num, unescape};
use super::{BBox, Block, Document, Format, Hyphen, Line, RegionKind, Style, Word, finish_block, finish_line};
use crate::error::Result;

/// What an element is, from the first hOCR class it carries.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    Page,
    Area,
    Par,
    Line(Option<RegionKind>),
    Word,
    /// Separators, pictures and noise: no text worth reading.
    Skip,
    Plain,
}

fn class_of(classes: &str) -> Class {
    for c in classes.split_ascii_whitespace() {
        return match c {
            "ocr_page" => Class::Page,
            "ocr_carea" | "ocrx_block" => Class::Area,
            "ocr_par" => Class::Par,
            "ocr_line" | "ocrx_line" | "ocr_textfloat" => Class::Line(None),
            "ocr_header" => Class::Line(Some(RegionKind::Heading)),
            "ocr_caption" => Class::Line(Some(RegionKind::Caption)),
            "ocrx_word" => Class::Word,
            "ocr_separator" | "ocr_photo" | "ocr_image" | "ocr_linedrawing" | "ocr_noise" | "ocr_math" | "ocr_chem" => {
                Class::Skip
            }
            _ => continue,
        };
    }
    Class::Plain
}

/// The `title` properties the reader uses.
#[derive(Default)]
struct Title {
    bbox: Option<BBox>,
    wconf: Option<f32>,
    x_size: Option<f32>,
    x_fsize: Option<f32>,
    image: Option<String>,
}

/// Parses `bbox 10 20 110 40; x_wconf 93; image "a;b.png"`: properties split at `;` outside quotes.
fn title(raw: &str) -> Title {
    let raw = unescape(raw);
    let mut t = Title::default();
    let (mut start, mut quoted) = (0, false);
    let mut props = Vec::new();
    for (i, c) in raw.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => {
                props.push(&raw[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    props.push(&raw[start..]);
    for p in props {
        let p = p.trim();
        let (key, rest) = p.split_once(char::is_whitespace).unwrap_or((p, ""));
        let rest = rest.trim();
        match key {
            "bbox" => {
                let v: Vec<f32> = rest.split_whitespace().map(num).collect();
                if let [x0, y0, x1, y1] = v[..] {
                    t.bbox = Some(BBox { x: x0, y: y0, w: (x1 - x0).max(0.0), h: (y1 - y0).max(0.0) });
                }
            }
            "x_wconf" => t.wconf = Some((num(rest) / 100.0).clamp(0.0, 1.0)),
            "x_size" => t.x_size = Some(num(rest)).filter(|s| *s > 0.0),
            "x_fsize" => t.x_fsize = Some(num(rest)).filter(|s| *s > 0.0),
            "image" => t.image = Some(rest.trim_matches('"').to_string()).filter(|s| !s.is_empty()),
            _ => {}
        }
    }
    t
}

/// An element's attributes the reader uses.
struct Attrs {
    class: Class,
    title: Title,
    id: Option<String>,
    lang: Option<String>,
    bold: bool,
    italic: bool,
}

fn attrs(t: &Tag, xml: &Xml) -> Result<Attrs> {
    let is = |n: &str| t.local().eq_ignore_ascii_case(n);
    let mut a = Attrs {
        class: Class::Plain,
        title: Title::default(),
        id: None,
        lang: None,
        bold: is("strong") || is("b"),
        italic: is("em") || is("i"),
    };
    t.each_attr(xml, |k, v| match k {
        "class" => a.class = class_of(v),
        "title" => a.title = title(v),
        "id" => a.id = Some(unescape(v).into_owned()),
        "lang" => a.lang = Some(unescape(v).into_owned()).filter(|l| !l.trim().is_empty()),
        _ => {}
    })?;
    if is("script") || is("style") {
        a.class = Class::Skip;
    }
    Ok(a)
}

/// A block being filled: `level` is the depth of its element, or for one made up for loose lines,
/// of the element holding them.
struct OpenBlock {
    block: Block,
    level: usize,
    made_up: bool,
    /// An ocr_carea's own block keeps the place it opened at, ahead of its paragraphs.
    slot: Option<usize>,
}

struct OpenLine {
    line: Line,
    level: usize,
    made_up: bool,
    /// Text written straight into a line with no word elements.
    loose: String,
}

struct OpenWord {
    word: Word,
    text: String,
}

#[derive(Clone, Copy)]
enum Frame {
    Block,
    Line,
    Word,
    Other,
}

/// Reads an hOCR file.
pub fn read(bytes: &[u8]) -> Result<Document> {
    let text = super::xml::decode(bytes);
    let mut xml = Xml::new(&text, "hOCR", true);
    let mut doc = Document {
        format: Format::Hocr,
        width: 0.0,
        height: 0.0,
        unit: "pixel".into(),
        image: None,
        blocks: Vec::new(),
        language: None,
        producer: None,
    };
    let mut page: Option<BBox> = None;
    let mut frames: Vec<Frame> = Vec::new();
    let mut blocks: Vec<OpenBlock> = Vec::new();
    let mut line: Option<OpenLine> = None;
    let mut word: Option<OpenWord> = None;
    loop {
        match xml.pull()? {
            Ev::Open(t) => {
                let a = attrs(&t, &xml)?;
                if let Some(w) = &mut word {
                    // Inside a word only type style matters; its text is all of its text.
                    w.word.style.bold |= a.bold;
                    w.word.style.italic |= a.italic;
                    frames.push(Frame::Other);
                    continue;
                }
                let frame = match a.class {
                    Class::Skip => {
                        xml.skip()?;
                        continue;
                    }
                    Class::Page => {
                        if page.is_none() {
                            page = a.title.bbox;
                            doc.image = a.title.image;
                        }
                        Frame::Other
                    }
                    Class::Area | Class::Par => {
                        end_line(&mut line, &mut blocks);
                        close_made_up(&mut blocks, &mut doc, usize::MAX);
                        let area = blocks.iter().rev().find(|b| b.slot.is_some()).and_then(|b| b.block.id.clone());
                        let is_area = a.class == Class::Area;
                        if !is_area && doc.language.is_none() {
                            doc.language = a.lang;
                        }
                        let group = if is_area { a.id.clone() } else { area };
                        let block = Block {
                            id: a.id,
                            bbox: a.title.bbox.unwrap_or_default(),
                            lines: Vec::new(),
                            group,
                            kind: None,
                            order: 0,
                        };
                        let slot = is_area.then_some(doc.blocks.len());
                        blocks.push(OpenBlock { block, level: xml.depth(), made_up: false, slot });
                        Frame::Block
                    }
                    Class::Line(kind) => {
                        end_line(&mut line, &mut blocks);
                        line = Some(OpenLine {
                            line: new_line(a.id, &a.title, kind),
                            level: xml.depth(),
                            made_up: false,
                            loose: String::new(),
                        });
                        Frame::Line
                    }
                    Class::Word => {
                        if line.is_none() {
                            line = Some(OpenLine {
                                line: new_line(None, &Title::default(), None),
                                level: xml.depth() - 1,
                                made_up: true,
                                loose: String::new(),
                            });
                        }
                        let style = Style { bold: a.bold, italic: a.italic, caps: false, face: 0 };
                        let w = Word {
                            id: a.id,
                            text: String::new(),
                            bbox: a.title.bbox.unwrap_or_default(),
                            conf: a.title.wconf,
                            subs_content: None,
                            font_size: a.title.x_fsize,
                            style,
                        };
                        word = Some(OpenWord { word: w, text: String::new() });
                        Frame::Word
                    }
                    Class::Plain => Frame::Other,
                };
                frames.push(frame);
            }
            Ev::Text(s) => {
                if let Some(w) = &mut word {
                    xml.gather(&mut w.text, &s)?;
                } else if let Some(l) = &mut line
                    && l.line.words.is_empty()
                {
                    xml.gather(&mut l.loose, &s)?;
                }
            }
            Ev::Close => {
                match frames.pop() {
                    Some(Frame::Word) => {
                        if let (Some(mut w), Some(l)) = (word.take(), &mut line) {
                            let text = w.text.trim_matches(|c: char| c.is_ascii_whitespace());
                            if !text.is_empty() {
                                w.word.text = text.to_string();
                                l.line.words.push(w.word);
                            }
                        }
                    }
                    Some(Frame::Line) => end_line(&mut line, &mut blocks),
                    Some(Frame::Block) => {
                        end_line(&mut line, &mut blocks);
                        close_made_up(&mut blocks, &mut doc, usize::MAX);
                        if let Some(b) = blocks.pop() {
                            store(b, &mut doc);
                        }
                    }
                    Some(Frame::Other) | None => {}
                }
                // Lines and blocks made up for loose words end with the element holding them.
                if line.as_ref().is_some_and(|l| l.made_up && xml.depth() < l.level) {
                    end_line(&mut line, &mut blocks);
                }
                close_made_up(&mut blocks, &mut doc, xml.depth());
            }
            Ev::Eof => break,
        }
    }
    end_line(&mut line, &mut blocks);
    while let Some(b) = blocks.pop() {
        store(b, &mut doc);
    }
    for (i, b) in doc.blocks.iter_mut().enumerate() {
        b.order = i;
    }
    let (w, h) = page.filter(|p| !p.is_empty()).map(|p| (p.right(), p.bottom())).unwrap_or_else(|| super::extent(&doc.blocks));
    (doc.width, doc.height) = (w, h);
    Ok(doc)
}

fn new_line(id: Option<String>, t: &Title, kind: Option<RegionKind>) -> Line {
    Line {
        id,
        bbox: t.bbox.unwrap_or_default(),
        words: Vec::new(),
        font_size: t.x_fsize,
        x_size: t.x_size,
        style: Style::default(),
        hyphen: Hyphen::None,
        kind,
    }
}

/// Ends the open line, if any, into the innermost open block (one is made up for a line that has
/// none).
fn end_line(line: &mut Option<OpenLine>, blocks: &mut Vec<OpenBlock>) {
    let Some(mut l) = line.take() else { return };
    if l.line.words.is_empty() {
        let text = l.loose.trim();
        if text.is_empty() {
            return;
        }
        let bbox = l.line.bbox;
        l.line.words.push(Word {
            id: None,
            text: text.to_string(),
            bbox,
            conf: None,
            subs_content: None,
            font_size: l.line.font_size,
            style: Style::default(),
        });
    }
    finish_line(&mut l.line);
    if blocks.is_empty() {
        let level = if l.made_up { l.level } else { l.level - 1 };
        let block = Block { id: None, bbox: BBox::default(), lines: Vec::new(), group: None, kind: None, order: 0 };
        blocks.push(OpenBlock { block, level, made_up: true, slot: None });
    }
    if let Some(b) = blocks.last_mut() {
        b.block.lines.push(l.line);
    }
}

/// Ends made-up blocks whose holding element has closed (all of them for `usize::MAX`).
fn close_made_up(blocks: &mut Vec<OpenBlock>, doc: &mut Document, depth: usize) {
    while blocks.last().is_some_and(|b| b.made_up && (depth == usize::MAX || depth < b.level)) {
        if let Some(b) = blocks.pop() {
            store(b, doc);
        }
    }
}

fn store(mut b: OpenBlock, doc: &mut Document) {
    if b.block.lines.is_empty() {
        return;
    }
    finish_block(&mut b.block);
    match b.slot {
        Some(at) if at < doc.blocks.len() => doc.blocks.insert(at, b.block),
        _ => doc.blocks.push(b.block),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head>
  <title></title>
  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
  <meta name='ocr-system' content='tesseract 5.3.0' />
 </head>
 <body>
  <div class='ocr_page' id='page_1' title='image "scan &amp; co/p1.png"; bbox 0 0 3200 4600; ppageno 0'>
   <div class='ocr_carea' id='block_1_1' title="bbox 100 100 900 200">
    <p class='ocr_par' id='par_1_1' lang='deu' title="bbox 100 100 900 200">
     <span class='ocr_header' id='line_1_1' title="bbox 100 100 900 160; baseline 0 -4; x_size 60.5; x_descenders 6">
      <span class='ocrx_word' id='word_1_1' title='bbox 100 100 400 160; x_wconf 95'><strong>BIG</strong></span>
      <span class='ocrx_word' id='word_1_2' title='bbox 420 100 900 160; x_wconf 7'>&lt;NEWS&gt;</span>
     </span>
     <span class='ocr_line' id='line_1_2' title="bbox 100 170 900 200; x_size 20; x_fsize 9">
      <span class='ocrx_word' id='word_1_3' title='bbox 100 170 300 200; x_wconf 90'><em>hy</em>phen-</span>
      <span class='ocrx_word' id='word_1_4' title='bbox 310 170 320 200; x_wconf 90'>  </span>
     </span>
    </p>
   </div>
   <div class='ocr_separator' id='block_1_2' title="bbox 96 144 3104 150"><span class='ocr_line'>rule</span></div>
   <div class='ocr_carea' id='block_1_3' title="bbox 100 300 500 400">
    <span class='ocr_caption' id='line_1_3' title="bbox 100 300 500 340">Loose caption text</span>
    <span class='ocr_line' id='line_1_4' title="bbox 100 350 500 400"><span class='ocrx_word' title='bbox 100 350 200 400'>ated</span></span>
   </div>
   <div class='ocr_carea' id='block_1_4' title="bbox 100 500 500 600">
    <p class='ocr_par' id='par_1_2'><span class='ocr_line' title="bbox 100 500 500 600"><span class='ocrx_word'>a</span></span></p>
    <p class='ocr_par' id='par_1_3'><span class='ocr_textfloat' title="bbox 100 500 500 600"><span class='ocrx_word'>b</span></span></p>
   </div>
  </div>
 </body>
</html>"#;

    #[test]
    fn tesseract_page_every_field() {
        let d = read(PAGE.as_bytes()).unwrap();
        assert_eq!((d.format, d.width, d.height, d.unit.as_str()), (Format::Hocr, 3200.0, 4600.0, "pixel"));
        assert_eq!((d.image.as_deref(), d.language.as_deref()), (Some("scan & co/p1.png"), Some("deu")));
        let ids: Vec<_> = d.blocks.iter().map(|b| (b.id.as_deref(), b.group.as_deref(), b.order)).collect();
        assert_eq!(
            ids,
            [
                (Some("par_1_1"), Some("block_1_1"), 0),
                (Some("block_1_3"), Some("block_1_3"), 1),
                (Some("par_1_2"), Some("block_1_4"), 2),
                (Some("par_1_3"), Some("block_1_4"), 3),
            ]
        );
        let b = &d.blocks[0];
        assert_eq!(b.bbox, BBox { x: 100.0, y: 100.0, w: 800.0, h: 100.0 });
        let (l1, l2) = (&b.lines[0], &b.lines[1]);
        assert_eq!(
            (l1.kind, l1.x_size, l1.font_size, l1.id.as_deref()),
            (Some(RegionKind::Heading), Some(60.5), None, Some("line_1_1"))
        );
        assert_eq!(l1.words[0].text, "BIG");
        assert!(l1.words[0].style.bold && !l1.words[1].style.bold);
        assert_eq!((l1.words[1].text.as_str(), l1.words[1].conf), ("<NEWS>", Some(0.07)));
        assert_eq!(l1.words[0].bbox, BBox { x: 100.0, y: 100.0, w: 300.0, h: 60.0 });
        assert_eq!(l2.words.len(), 1, "a word of spaces is dropped");
        assert_eq!((l2.words[0].text.as_str(), l2.words[0].style.italic), ("hyphen-", true));
        assert_eq!((l2.font_size, l2.hyphen.clone()), (Some(9.0), Hyphen::Cut { mark: "-".into() }));

        let area = &d.blocks[1];
        assert_eq!(area.lines.len(), 2);
        assert_eq!(area.lines[0].kind, Some(RegionKind::Caption));
        assert_eq!(area.lines[0].words[0].text, "Loose caption text");
        assert_eq!(area.lines[0].words[0].bbox, area.lines[0].bbox);
        assert_eq!(area.lines[1].words[0].text, "ated");
        assert_eq!(d.blocks[3].lines[0].kind, None);
    }

    #[test]
    fn html_without_paragraphs_or_lines() {
        let html = "<html><head><meta name=ocr-system content=x><title>t</title></head><body>\
            <div class=ocr_page title='bbox 0 0 100 50'><div class=ocr_carea id=c1>\
            <span class=ocrx_word title='bbox 1 2 11 12; x_wconf 50'>one</span><span class=ocrx_word>two</span>\
            </div><span class=ocr_line title='bbox 0 20 100 30'><span class=ocrx_word>three</span></span><br></div></body></html>";
        let d = read(html.as_bytes()).unwrap();
        assert_eq!(d.blocks.len(), 2);
        assert_eq!((d.blocks[0].id.as_deref(), d.blocks[0].group.as_deref()), (Some("c1"), Some("c1")));
        let words: Vec<_> = d.blocks[0].lines[0].words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(words, ["one", "two"]);
        assert_eq!(d.blocks[0].lines[0].bbox, BBox { x: 1.0, y: 2.0, w: 10.0, h: 10.0 });
        assert_eq!((d.blocks[1].id.as_deref(), d.blocks[1].lines[0].words[0].text.as_str()), (None, "three"));
        assert_eq!((d.width, d.height), (100.0, 50.0));
    }

    #[test]
    fn title_properties() {
        let t = title(r#"image "/a;b/p.png"; bbox 1 2 3.5 4; x_wconf 101; x_size junk"#);
        assert_eq!(t.image.as_deref(), Some("/a;b/p.png"));
        assert_eq!(t.bbox, Some(BBox { x: 1.0, y: 2.0, w: 2.5, h: 2.0 }));
        assert_eq!((t.wconf, t.x_size), (Some(1.0), None));
        assert!(title("bbox 1 2 3").bbox.is_none());
    }
}
