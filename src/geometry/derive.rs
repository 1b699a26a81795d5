//! Derive: the page text of a structured page, a line per file line in reading order with a blank
//! line between paragraphs, and the hint each line carries into the pipeline.

use super::heads;
use super::order::{self, Piece, Placed, ReadingOrder};
use super::{GeoParams, LineGeo};
use crate::ocrxml::{BBox, Document, Hyphen, Line};
use crate::source::Span;

/// What the geometry says about one line of the derived text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    /// Where the line's text stands in the derived text.
    pub span: Span,
    /// The file block (index into `Document::blocks`) and the line within it.
    pub block: usize,
    pub line: usize,
    pub bbox: BBox,
    /// Type size against the body text's.
    pub ratio: f32,
    pub bold: bool,
    /// Set in headline type, or a heading in body type set apart (see `apart`).
    pub display: bool,
    /// A heading in body type, told by its placing (centred, capitals or bold) rather than size.
    pub apart: bool,
    /// The headline group the line belongs to (kicker, title, deck), numbered in reading order.
    pub group: Option<u32>,
    /// The line opens a paragraph.
    pub para_start: bool,
    /// The first line of its block, set in from the block's edge where the line under it is not:
    /// a paragraph's indent, so the paragraph opens there, never inside a quotation begun above.
    pub indented: bool,
    /// The line runs to its column's right edge: a paragraph ending on it may go on elsewhere.
    pub full: bool,
    /// The line stands in the page's head or foot margin, outside its text: a running head.
    pub margin: bool,
    /// The file says the last word is cut and names the whole word (ALTO HYP with SUBS_CONTENT):
    /// the line's hyphen joins, whatever a word list would say.
    pub word_cut: bool,
    /// A line of its own set flush right in its column, well in from the left (a signature).
    pub flush_right: bool,
}

/// A structured page as text, with its hints, one per non-empty file line, in text order.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub text: String,
    pub hints: Vec<Hint>,
}

/// Two type sizes this far apart (as a ratio) are two levels of a headline group: a kicker or a
/// deck is set at most four fifths of its title's size, while the pieces of one title, measured
/// apart, differ by up to a fifth.
const LEVEL_STEP: f32 = 1.25;

/// A line set flush right starts at least this share of the column's width in from its left edge.
const FLUSH_RIGHT_INSET: f32 = 0.3;

/// A piece of a headline group this short is too short to size (a title's last character or two
/// wrapped to a line of their own): it goes with the piece before it.
const UNMEASURED_CHARS: usize = 3;

/// Characters that close a sentence or a quotation in any of the scripts newsseg reads.
const ENDS: &[char] = &['.', '!', '?', ':', ';', '。', '！', '？', '：', '；', '…', '"', '”', '»', '」', '』', ')', '）'];

fn cjk_like(c: char) -> bool {
    crate::lang::is_cjk(c) || c as u32 >= 0x3000
}

/// A file line's words as text: a space between words, none between CJK characters (engines
/// read each ideograph as a word), the line's hyphen mark put back where the file keeps it apart.
pub(crate) fn line_text(l: &Line, out: &mut String) {
    for w in &l.words {
        if w.text.is_empty() {
            continue;
        }
        let glue = out.chars().next_back().is_some_and(|c| !c.is_whitespace() && !cjk_like(c))
            && !w.text.chars().next().is_some_and(cjk_like);
        if glue {
            out.push(' ');
        }
        out.push_str(&w.text);
    }
    if let Hyphen::Cut { mark } = &l.hyphen
        && !mark.is_empty()
        && !out.ends_with(mark.as_str())
        && !out.ends_with(['-', '¬', '‐', '‑', '⸗', '='])
    {
        out.push_str(mark);
    }
}

/// The page's text and hints, read in `order`.
pub fn derive(doc: &Document, order: ReadingOrder, p: &GeoParams) -> Derived {
    let geo = super::measure(doc);
    let unit_h = order::body_height(&geo, p);
    let mut pieces = order::pieces(&geo, p, doc);
    let edge = order::edge_strips(&pieces);
    for (pc, _) in pieces.iter_mut().zip(&edge).filter(|(_, e)| **e) {
        pc.display = false;
        pc.ratio = 1.0;
    }
    let mut groups = heads::groups(&pieces, p, unit_h);
    let ink = heads::title_ink(&mut groups, &pieces, &geo, doc, unit_h);
    let margin = order::margins(&pieces, &groups);
    let n_display = groups.len();
    let mut taken: Vec<bool> = margin.iter().zip(&edge).map(|(m, e)| m | e).collect();
    for &k in groups.iter().flatten() {
        taken[k] = true;
    }
    let apart = super::apart::set_apart(&pieces, &geo, doc, &taken, p);
    // A byline centred under its title is set apart like a deck; the language tables tell it.
    let byline = |g: &[usize]| {
        let mut t = String::new();
        for gi in pieces[g[0]].lines.clone() {
            line_text(&doc.blocks[geo[gi].block].lines[geo[gi].line], &mut t);
            t.push(' ');
        }
        let t = t.trim();
        crate::lang::LangCode::ALL.into_iter().any(|c| crate::lang::Lang::get(c).byline.iter().any(|p| p.is_match(t)))
    };
    let (bylines, apart): (Vec<_>, Vec<_>) = apart.into_iter().partition(|g| byline(g));
    let mut rest = heads::decks_set_apart(&mut groups, apart, &pieces);
    rest.extend(bylines);
    groups.extend(rest);
    let placed = order::place(doc, &pieces, &groups, order, unit_h);
    // The facing page's edge is read first, each strip down the page: it is no part of the
    // stories this page's columns hold, and text before the page's first title stands as a piece
    // of its own.
    let mut strips: Vec<Placed> = placed.iter().filter(|pl| edge[pl.piece]).copied().collect();
    strips.sort_by(|a, b| (pieces[a.piece].bbox.x > doc.width / 2.0).cmp(&(pieces[b.piece].bbox.x > doc.width / 2.0)).then(pieces[a.piece].bbox.y.total_cmp(&pieces[b.piece].bbox.y)));
    strips.extend(placed.into_iter().filter(|pl| !edge[pl.piece]));
    let placed = strips;
    write(doc, &geo, &pieces, &placed, &margin, &ink, n_display, p)
}

#[allow(clippy::too_many_arguments)]
fn write(doc: &Document, geo: &[LineGeo], pieces: &[Piece], placed: &[Placed], margin: &[bool], ink: &[Option<usize>], n_display: usize, p: &GeoParams) -> Derived {
    let mut d = Derived::default();
    let mut group_no: Vec<Option<u32>> = Vec::new();
    let mut next_group = 0u32;
    let mut prev: Option<&Placed> = None;
    for pl in placed {
        let pc = &pieces[pl.piece];
        // The column's right edge: a piece of several lines is set to it; a one-line piece is
        // measured against the text above and below it, and says nothing where it stands alone.
        let right = if pc.lines.len() >= 2 { Some(pc.bbox.right()) } else { super::apart::column(pl.piece, pieces).map(|c| c.1) };
        let group = pl.group.map(|g| {
            if group_no.len() <= g {
                group_no.resize(g + 1, None);
            }
            *group_no[g].get_or_insert_with(|| {
                next_group += 1;
                next_group - 1
            })
        });
        // A headline's pieces of one size run on as one block (a title wrapped, or read in halves);
        // a new size is a new level of the group.
        // (A heading in body type says nothing of its levels by its size: each of its pieces is a
        // level, the title first.)
        let sized = pl.group.is_some_and(|g| g < n_display);
        // (A title's ink read apart is measured as the title line it stands in.)
        let sizing = |k: usize| &pieces[ink[k].unwrap_or(k)];
        let runs_on = prev.is_some_and(|q| q.group.is_some() && q.group == pl.group && {
            let (qp, pp) = (sizing(q.piece), sizing(pl.piece));
            let (a, b) = (qp.ratio, pp.ratio);
            (sized && a.max(b) / a.min(b).max(0.01) < LEVEL_STEP) || qp.chars <= order::LEAD_WORDS_CHARS || pp.chars <= UNMEASURED_CHARS
        });
        for (i, gi) in pc.lines.clone().enumerate() {
            let g = &geo[gi];
            let line = &doc.blocks[g.block].lines[g.line];
            let para_start = if i == 0 { !runs_on } else { group.is_none() && opens_paragraph(geo, gi, pc, doc, p) };
            let indented = i == 0 && group.is_none() && pc.lines.len() > 1 && set_in(&geo[gi], &geo[gi + 1], pc, g.bbox.h.max(1.0), p);
            if !d.text.is_empty() {
                d.text.push('\n');
                if para_start {
                    d.text.push('\n');
                }
            }
            let start = d.text.len();
            line_text(line, &mut d.text);
            if d.text.len() == start {
                continue;
            }
            let em = (g.bbox.h).max(1.0);
            d.hints.push(Hint {
                span: Span(start, d.text.len()),
                block: g.block,
                line: g.line,
                bbox: g.bbox,
                ratio: g.ratio,
                bold: g.bold,
                display: pc.display || group.is_some(),
                apart: pl.group.is_some_and(|g| g >= n_display),
                group,
                para_start,
                indented,
                full: right.is_some_and(|r| g.bbox.right() >= r - em),
                margin: margin[pl.piece],
                word_cut: word_cut(line),
                flush_right: pc.lines.len() == 1
                    && super::apart::column(pl.piece, pieces).is_some_and(|(l, r)| {
                        g.bbox.right() >= r - em && g.bbox.x - l >= FLUSH_RIGHT_INSET * (r - l)
                    }),
            });
        }
        prev = Some(pl);
    }
    if !d.text.is_empty() {
        d.text.push('\n');
    }
    d
}

/// The file marks the line's last word as cut (HYP) and names the whole word, which its half begins
/// and which holds no hyphen there (Elsaß-Lothringen keeps its own).
fn word_cut(l: &Line) -> bool {
    let Hyphen::Cut { mark } = &l.hyphen else { return false };
    let Some(last) = l.words.last() else { return false };
    let half = last.text.trim_end_matches(mark.as_str()).trim_end_matches(HYPHENS);
    last.subs_content.as_deref().is_some_and(|whole| {
        !half.is_empty() && whole.len() > half.len() && whole.starts_with(half) && !whole[half.len()..].starts_with(HYPHENS)
    })
}

/// The marks a line-end hyphen is printed or encoded with.
const HYPHENS: [char; 6] = ['-', '¬', '‐', '‑', '⸗', '='];

/// Whether `line` is set in from the piece's left edge by a paragraph's indent (`em` high) where
/// `other`, the line beside it in the piece, is not.
fn set_in(line: &LineGeo, other: &LineGeo, pc: &Piece, em: f32, p: &GeoParams) -> bool {
    let inset = |g: &LineGeo| g.bbox.x - pc.bbox.x;
    inset(line) >= p.indent * em && inset(other) < p.indent * em * 0.5
}

/// Whether line `gi` of a text piece opens a paragraph: set in from the piece's left edge where
/// the line above is not, or under a line that stops short of the column's edge at a sentence's end.
fn opens_paragraph(geo: &[LineGeo], gi: usize, pc: &Piece, doc: &Document, p: &GeoParams) -> bool {
    let (cur, above) = (&geo[gi], &geo[gi - 1]);
    let em = cur.bbox.h.max(above.bbox.h).max(1.0);
    if set_in(cur, above, pc, em, p) {
        return true;
    }
    let short = above.bbox.right() <= pc.bbox.right() - p.short * em;
    if !short {
        return false;
    }
    let mut t = String::new();
    line_text(&doc.blocks[above.block].lines[above.line], &mut t);
    // CJK text is set to the column's full width: a short line ends its paragraph (or is a
    // heading's line), whatever it ends in.
    t.trim_end().ends_with(ENDS) || t.chars().next_back().is_some_and(cjk_like)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::ocrxml::{Block, Format, Word};

    // (The geometry's other tests build their pages with these too.)
    pub(in crate::geometry) fn word(t: &str, x: f32, y: f32, w: f32, h: f32) -> Word {
        Word { id: None, text: t.into(), bbox: BBox { x, y, w, h }, conf: None, subs_content: None, font_size: None, style: Default::default() }
    }

    /// A line of words laid left to right from `x`, each 10 units a letter.
    fn line(text: &str, x: f32, y: f32, h: f32) -> Line {
        let mut words = Vec::new();
        let mut cx = x;
        for t in text.split(' ') {
            let w = t.chars().count() as f32 * h * 0.5;
            words.push(word(t, cx, y, w, h));
            cx += w + h * 0.3;
        }
        let bbox = BBox::around(words.iter().map(|w| &w.bbox));
        Line { id: None, bbox, words, font_size: None, x_size: None, style: Default::default(), hyphen: Hyphen::None, kind: None }
    }

    pub(in crate::geometry) fn block(lines: Vec<Line>, order: usize) -> Block {
        let bbox = BBox::around(lines.iter().map(|l| &l.bbox));
        Block { id: Some(format!("b{order}")), bbox, lines, group: None, kind: None, order }
    }

    pub(in crate::geometry) fn doc(blocks: Vec<Block>, producer: &str) -> Document {
        Document { format: Format::Alto, width: 2000.0, height: 2000.0, unit: "pixel".into(), image: None, blocks, language: None, producer: Some(producer.into()) }
    }

    /// Two stories side by side, each a two-line headline over one column; the file reads the
    /// left column's text first, then both headlines, as a layout engine's regions may.
    fn two_stories() -> Document {
        let col = |x: f32, words: &str| -> Block {
            block((0..6).map(|i| line(if i == 5 { "end of it." } else { words }, x, 200.0 + 30.0 * i as f32, 20.0)).collect(), 0)
        };
        let mut a = col(0.0, "body text of the left story runs");
        let mut b = col(600.0, "body words of the right story go");
        let mut ha = block(vec![line("LEFT STORY", 0.0, 60.0, 40.0), line("TITLE", 0.0, 105.0, 40.0)], 0);
        let mut hb = block(vec![line("RIGHT STORY", 600.0, 60.0, 40.0)], 0);
        a.order = 0;
        ha.order = 1;
        hb.order = 2;
        b.order = 3;
        doc(vec![a, ha, hb, b], "tesseract 5.3.0")
    }

    #[test]
    fn every_word_lands_once_in_order_of_the_geometry() {
        let d = two_stories();
        let out = derive(&d, ReadingOrder::Auto, &GeoParams::default());
        let words: usize = d.blocks.iter().flat_map(|b| &b.lines).map(|l| l.words.len()).sum();
        assert_eq!(out.text.split_whitespace().count(), words);
        let heads: Vec<&str> = out.hints.iter().filter(|h| h.display).map(|h| &out.text[h.span.0..h.span.1]).collect();
        assert_eq!(heads, ["LEFT STORY", "TITLE", "RIGHT STORY"]);
        // The left headline comes before its text, which the file read first.
        let pos = |s: &str| out.text.find(s).unwrap();
        assert!(pos("TITLE") < pos("body text of the left"));
        assert!(pos("end of it.") < pos("RIGHT STORY"));
        // The headline's two lines are one block; its text opens a paragraph.
        assert!(out.text.contains("LEFT STORY\nTITLE\n\nbody text"));
        assert_eq!(out.hints.iter().filter(|h| h.group == Some(0)).count(), 2);
    }

    #[test]
    fn the_file_order_is_kept_for_article_ordered_producers() {
        let d = two_stories();
        let out = derive(&d, ReadingOrder::Auto, &GeoParams::default());
        let mut vendor = d.clone();
        vendor.producer = Some("CCS docWorks".into());
        let kept = derive(&vendor, ReadingOrder::Auto, &GeoParams::default());
        assert!(kept.text.find("body text of the left").unwrap() < kept.text.find("LEFT STORY").unwrap());
        assert_ne!(out.text, kept.text);
    }

    /// A title in display type, a line in capitals of body size under it centred at `deck_x`
    /// (None: centred under the title), and text under both; the groups of title and deck line.
    fn title_and_deck(title: &str, deck_text: &str, deck_x: Option<f32>) -> (Option<u32>, Option<u32>) {
        let t = line(title, 0.0, 0.0, 40.0);
        let mut deck = line(deck_text, 0.0, 45.0, 16.0);
        let shift = deck_x.unwrap_or(t.bbox.x + t.bbox.w / 2.0) - (deck.bbox.x + deck.bbox.w / 2.0);
        for w in &mut deck.words {
            w.bbox.x += shift;
        }
        deck.bbox.x += shift;
        let text: Vec<Line> = (0..6).map(|i| line("body text of the story runs on here and on", 0.0, 80.0 + 30.0 * i as f32, 20.0)).collect();
        let d = doc(vec![block(vec![t], 0), block(vec![deck], 1), block(text, 2)], "ABBYY");
        let out = derive(&d, ReadingOrder::File, &GeoParams::default());
        let group = |s: &str| out.hints.iter().find(|h| out.text[h.span.0..h.span.1].starts_with(s)).and_then(|h| h.group);
        (group("CE QUI"), group(deck_text))
    }

    #[test]
    fn a_heading_in_body_type_centred_right_under_a_title_is_its_deck() {
        let (title, deck) = title_and_deck("CE QUI FAIT LE VITE", "PASSER L'HEURE", None);
        assert!(title.is_some());
        assert_eq!(title, deck, "one headline group");
        // Under one side of a banner across two columns it heads a story of its own.
        let (title, deck) = title_and_deck("CE QUI FAIT LE PLUS VITE DANS LA VILLE ET AUX CHAMPS", "PASSER L'HEURE", Some(240.0));
        assert!(title.is_some() && deck.is_some());
        assert_ne!(title, deck);
        // A byline set so stays a line of its own, for the byline rules to read.
        let (title, byline) = title_and_deck("CE QUI FAIT LE VITE", "By HENRY L. MARSH.", None);
        assert!(title.is_some() && byline.is_some());
        assert_ne!(title, byline);
    }

    #[test]
    fn a_big_line_under_text_of_its_block_opening_in_lower_case_is_text() {
        // The last line of a paragraph measured half as big again (a smudge on the scan) goes on
        // with the sentence above; the same size opening in capitals stands as a heading.
        let display = |last: &str| {
            let mut ls: Vec<Line> = (0..4).map(|i| line("the text of the story runs on here and on", 0.0, 30.0 * i as f32, 20.0)).collect();
            ls.push(line(last, 0.0, 120.0, 30.0));
            let body: Vec<Line> = (0..4).map(|i| line("the text of the story runs on here and on", 0.0, 160.0 + 30.0 * i as f32, 20.0)).collect();
            let d = doc(vec![block(ls, 0), block(body, 1)], "ABBYY");
            let out = derive(&d, ReadingOrder::File, &GeoParams::default());
            out.hints.iter().find(|h| out.text[h.span.0..h.span.1] == *last).map(|h| h.display)
        };
        assert_eq!(display("furnished lodgings."), Some(false));
        assert_eq!(display("Furnished Lodgings"), Some(true));
    }

    /// One word filling `x..x + w` on a line of height `h`.
    fn span_line(t: &str, x: f32, y: f32, w: f32, h: f32) -> Line {
        let mut l = line(t, x, y, h);
        l.words = vec![word(t, x, y, w, h)];
        l.bbox = l.words[0].bbox;
        l
    }

    /// A block of one line holding one word, `t`, filling `x..x + w`.
    fn title(t: &str, x: f32, y: f32, w: f32, h: f32, order: usize) -> Block {
        block(vec![span_line(t, x, y, w, h)], order)
    }

    /// Six lines of body text `w` wide from (`x`, `y`), 30 apart: the column under a title.
    fn text_column(x: f32, y: f32, w: f32, order: usize) -> Block {
        block((0..6).map(|i| span_line("bodytext", x, y + 30.0 * i as f32, w, 20.0)).collect(), order)
    }

    /// Tesseract's page of `blocks` read in the geometry's order: each line's hint, by its text.
    fn hints_of(blocks: Vec<Block>) -> impl Fn(&str) -> Hint {
        let out = derive(&doc(blocks, "tesseract 5.3.0"), ReadingOrder::Geometry, &GeoParams::default());
        move |s| out.hints.iter().find(|h| &out.text[h.span.0..h.span.1] == s).expect("a line of the page").clone()
    }

    /// [`hints_of`], each line's headline group.
    fn groups_of(blocks: Vec<Block>) -> impl Fn(&str) -> Option<u32> {
        let hint = hints_of(blocks);
        move |s| hint(s).group
    }

    #[test]
    fn a_first_line_set_in_from_the_lines_under_it_is_indented() {
        // Body lines 20 high: an inset of 40 is two em, a paragraph's indent; a block whose first
        // line starts at the edge has none.
        let para = |first: &str, x: f32, top: f32, order: usize| {
            let mut lines = vec![span_line(first, x, top, 360.0 - x, 20.0)];
            lines.extend((1..4).map(|i| span_line(&format!("{first}{i}"), 0.0, top + 30.0 * i as f32, 360.0, 20.0)));
            block(lines, order)
        };
        let hint = hints_of(vec![para("INDENTED", 40.0, 0.0, 0), para("FLUSH", 0.0, 200.0, 1)]);
        assert!(hint("INDENTED").indented);
        assert!(!hint("INDENTED1").indented && !hint("FLUSH").indented);
    }

    #[test]
    fn a_title_cut_at_a_gutter_is_one_headline_where_a_half_reaches_into_it() {
        // Two columns of text 400 wide, a gutter of 50; a title over each. The right one starting
        // 30 left of its column (摸准体育产业的 | 矿脉（体坛观澜）, the quotes between them lost) is the
        // left one's other half; starting inside its column it is a story's own title.
        let groups = |right_x: f32| {
            let group = groups_of(vec![title("MINING", 10.0, 0.0, 380.0, 40.0, 0), title("THE", right_x, 0.0, 300.0, 40.0, 1), text_column(0.0, 80.0, 400.0, 2), text_column(450.0, 80.0, 400.0, 3)]);
            (group("MINING"), group("THE"))
        };
        let (left, right) = groups(420.0);
        assert!(left.is_some());
        assert_eq!(left, right, "one headline across both columns");
        let (left, right) = groups(460.0);
        assert!(left.is_some() && right.is_some());
        assert_ne!(left, right, "two stories' titles");
    }

    #[test]
    fn a_title_the_engine_lost_a_character_of_stays_one_headline() {
        // 美好生活新 | 待: a gap of one title character (57) between the halves, over twice the
        // body's line (20). Latin titles standing so far apart are two stories' (LUFTHANSA SAYS
        // FARE POLICY … | Leading Industrial Nations …).
        let groups = |left: &str, right: &str| {
            let group = groups_of(vec![title(left, 100.0, 0.0, 300.0, 57.0, 0), title(right, 457.0, 0.0, 57.0 * right.chars().count() as f32, 57.0, 1), text_column(0.0, 80.0, 600.0, 2)]);
            (group(left), group(right))
        };
        let (left, right) = groups("美好生活新", "待");
        assert!(left.is_some());
        assert_eq!(left, right);
        let (left, right) = groups("LUFTHANSA", "LEADING");
        assert!(left.is_some() && right.is_some());
        assert_ne!(left, right);
    }

    #[test]
    fn an_aside_in_brackets_set_after_a_title_on_its_line_is_the_title_s() {
        // 返乡创业有干头！ | （经济聚焦·回乡看变化⑥）: 96 apart at a title line of 69, the blanks of
        // ！ and （ between them; words standing so far apart without the bracket are two titles.
        let groups = |aside: &str| {
            let group = groups_of(vec![title("FANXIANG", 100.0, 0.0, 520.0, 69.0, 0), title(aside, 716.0, 0.0, 400.0, 69.0, 1), text_column(0.0, 100.0, 1200.0, 2)]);
            (group("FANXIANG"), group(aside))
        };
        let (title_group, aside) = groups("(JINGJI");
        assert!(title_group.is_some());
        assert_eq!(title_group, aside);
        let (title_group, other) = groups("JINGJI");
        assert!(title_group.is_some() && other.is_some());
        assert_ne!(title_group, other);
        // 大漠“巡井人” | （行走中国）: each half over a column of its own, the aside still the title's.
        let group = groups_of(vec![title("DAMO", 100.0, 0.0, 300.0, 56.0, 0), title("(XINGZOU", 470.0, 0.0, 280.0, 56.0, 1), text_column(0.0, 100.0, 400.0, 2), text_column(450.0, 100.0, 400.0, 3)]);
        assert!(group("DAMO").is_some());
        assert_eq!(group("DAMO"), group("(XINGZOU"));
    }

    #[test]
    fn a_title_in_three_pieces_across_three_columns_is_one_group_whatever_their_tops() {
        // 你用过 | 回收的红包吗？ | （说道）over three columns: the middle piece reaches out of its
        // column to the left, the aside in brackets stands a pixel higher than the rest, so it is
        // taken first and starts a group of its own before the title's halves join it.
        let titles = [title("NIYONG", 200.0, 0.0, 190.0, 60.0, 0), title("HUISHOU", 420.0, 0.0, 420.0, 60.0, 1), title("(SHUODAO", 940.0, -1.0, 200.0, 60.0, 2)];
        let group = groups_of(titles.into_iter().chain([text_column(0.0, 100.0, 400.0, 3), text_column(450.0, 100.0, 400.0, 4), text_column(900.0, 100.0, 400.0, 5)]).collect());
        assert!(group("NIYONG").is_some());
        assert_eq!(group("NIYONG"), group("HUISHOU"));
        assert_eq!(group("NIYONG"), group("(SHUODAO"));
    }

    #[test]
    fn a_title_s_second_line_boxed_into_the_first_s_ink_is_its_own() {
        // 技术创新要真正聚焦应用《创新 / 谈: the first line's box, its 《 tall, reaches 14 into the
        // second's: too little overlap for one band, and a gap below zero, so it was not stacked.
        let group = groups_of(vec![title("JISHU", 0.0, 0.0, 800.0, 90.0, 0), title("TAN", 360.0, 76.0, 57.0, 56.0, 1), text_column(0.0, 200.0, 800.0, 2)]);
        assert!(group("JISHU").is_some());
        assert_eq!(group("JISHU"), group("TAN"));
    }

    #[test]
    fn a_kicker_line_boxed_in_two_is_one_kicker_though_one_half_measures_under_kicker_size() {
        // 香港治理城市噪 | 音办法多见成效 over 多管齐下标本兼治: the halves' advances measure 1.18 and
        // 1.09 of the body, the kicker size (minor) being 1.12.
        let kicker = title("香港治理城市噪", 100.0, 0.0, 178.0, 33.0, 0);
        let half = title("音办法多见成效", 281.0, 0.0, 164.0, 33.0, 1);
        let group = groups_of(vec![kicker, half, title("多管齐下标本兼治", 0.0, 60.0, 640.0, 80.0, 2), text_column(0.0, 180.0, 640.0, 3)]);
        assert!(group("多管齐下标本兼治").is_some());
        assert_eq!(group("香港治理城市噪"), group("多管齐下标本兼治"));
        assert_eq!(group("音办法多见成效"), group("多管齐下标本兼治"));
    }

    #[test]
    fn a_title_line_of_figures_under_the_title_ends_it() {
        // A kicker, a title and its last line mostly figures (宫乃莹摘金(动感 / 2019)): the figures
        // are the title's, not a graphic's, and the title stays display type.
        let ls = vec![span_line("snowboard world cup", 0.0, 0.0, 300.0, 24.0), span_line("GOLD", 0.0, 30.0, 300.0, 25.0), span_line("2019)", 0.0, 60.0, 100.0, 32.0)];
        let hint = hints_of(vec![block(ls, 0), text_column(0.0, 130.0, 400.0, 1)]);
        assert!(hint("GOLD").display && hint("2019)").display);
        assert_eq!(hint("GOLD").group, hint("2019)").group);
    }

    #[test]
    fn indents_and_short_lines_open_paragraphs() {
        let ls = vec![
            line("A first paragraph runs on across", 0.0, 0.0, 20.0),
            line("the column and stops.", 0.0, 30.0, 20.0),
            line("Then the next one starts here", 0.0, 60.0, 20.0),
            line("and runs to the edge of the col", 0.0, 90.0, 20.0),
            line("so with an indent it opens", 40.0, 120.0, 20.0),
        ];
        let d = doc(vec![block(ls, 0)], "ABBYY");
        let out = derive(&d, ReadingOrder::File, &GeoParams::default());
        let starts: Vec<bool> = out.hints.iter().map(|h| h.para_start).collect();
        assert_eq!(starts, [true, false, true, false, true]);
    }

    #[test]
    fn a_hyphen_kept_apart_by_the_file_is_put_back() {
        let mut l = line("a hyphen", 0.0, 0.0, 20.0);
        l.hyphen = Hyphen::Cut { mark: "-".into() };
        let mut s = String::new();
        line_text(&l, &mut s);
        assert_eq!(s, "a hyphen-");
        let mut c = line("国 家", 0.0, 0.0, 20.0);
        c.words[0].text = "国".into();
        let mut s = String::new();
        line_text(&c, &mut s);
        assert_eq!(s, "国家");
    }

    #[test]
    fn a_cut_the_file_names_joins_and_a_compound_keeps_its_hyphen() {
        let cut = |half: &str, whole: &str| {
            let mut l = line(half, 0.0, 0.0, 20.0);
            l.hyphen = Hyphen::Cut { mark: "-".into() };
            l.words[0].subs_content = Some(whole.into());
            word_cut(&l)
        };
        assert!(cut("tan", "tannerie"));
        assert!(cut("tan-", "tannerie"));
        assert!(!cut("Elsaß", "Elsaß-Lothringen"));
        assert!(!cut("tan", "mill"));
        let mut plain = line("tan", 0.0, 0.0, 20.0);
        plain.hyphen = Hyphen::Cut { mark: "-".into() };
        assert!(!word_cut(&plain), "no whole word named: the text decides");
    }
}
