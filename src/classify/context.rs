//! Classes settled by context: passes over the page's classified blocks that decide a block by its
//! neighbours (a date or a tight line under a title, a kicker set tight over one, a stray deck, a
//! lone lead-in, a heading that is prose cut off at a column's foot, text opening inside a quote).

use super::{ends_open, start_of, text_blocks, Class, Shape, Start};
use crate::blocks::{Block, Layout};
use crate::lang::Lang;

/// How many text blocks either side of a heading are asked whether they go on from it: enough for
/// any page as printed, and a bound on the work a page of thousands of headings can ask for.
const FAR_REACH: usize = 128;

/// A date in brackets set under a title (（2019年1月31日）) is a line of its headline group, not a
/// credit closing the text above.
pub fn date_decks(blocks: &[Block], classes: &mut [Class], lang: &Lang) {
    if lang.dated_deck.is_empty() {
        return;
    }
    let text_blocks = text_blocks(classes);
    for (k, &i) in text_blocks.iter().enumerate() {
        let above = k.checked_sub(1).map(|j| text_blocks[j]);
        if classes[i].shape == Shape::Credit
            && above.is_some_and(|a| classes[a].shape == Shape::Heading)
            && lang.dated_deck.iter().any(|r| r.is_match(blocks[i].text.trim()))
        {
            let mut c = Class::of(Shape::Heading);
            c.deck_marker = true;
            classes[i] = c;
        }
    }
}

/// A line set apart above and tight over a heading whose group then ends is that heading's kicker,
/// however long or punctuated (国内票房突破40亿元，观影人次超过8500万，海外票房创近5年来最好成绩
/// over 《流浪地球》，爆款如何打造), so long as no sentence ends in it: an ellipsis closing a list
/// (写春联、赏年画、进博物馆……) ends none. Only where blank lines part paragraphs: there a
/// paragraph does not sit tight on a heading.
pub fn tight_kickers(blocks: &[Block], classes: &mut [Class], layout: &Layout, lang: &Lang) {
    if layout.wrapped || layout.blank_is_column_break {
        return;
    }
    for i in 0..blocks.len().saturating_sub(1) {
        let (b, h) = (&blocks[i], &blocks[i + 1]);
        let c = &classes[i];
        if plain_line(b, c)
            && b.stats.chars <= lang.classify.kicker_max
            && (b.blank_before > 0 || i == 0 || matches!(classes[i - 1].shape, Shape::Furniture | Shape::Noise))
            && b.blank_after == 0
            && !b.text.trim_end().trim_end_matches('…').contains(&lang.terminal[..])
            && classes[i + 1].shape == Shape::Heading
            && !classes[i + 1].deck_marker
            && h.n_lines() == 1
            && (h.blank_after > 0 || i + 2 == blocks.len())
        {
            classes[i] = Class::of(Shape::Heading);
        }
    }
}

/// A Chinese title the OCR engine wrapped over two or three lines of one block, closing on its
/// column name (何云：火线办报 鼓舞士气（为了民 / 族复兴·英雄烈士谱）), over a story's dispatch
/// or byline, or over a paragraph that opens under finished text or none, is a heading: its lines
/// run wider than the column, so they read as a paragraph.
/// The engine may as well give the two lines as two blocks, a blank line between them. Nothing
/// ends a sentence before the column name, and in it a 。 is the engine's ·.
pub fn wrapped_titles(blocks: &[Block], classes: &mut [Class], lang: &Lang) {
    if !lang.code.is_cjk() {
        return;
    }
    let text = text_blocks(classes);
    let plain = |i: usize, classes: &[Class]| {
        let (b, c) = (&blocks[i], &classes[i]);
        c.shape == Shape::Body && b.cjk && b.blank_after > 0 && c.bylines.is_empty() && c.dateline.is_none()
    };
    for (k, &i) in text.iter().enumerate() {
        if !plain(i, classes) {
            continue;
        }
        // The title's lines: the block's own, or this line and the one block after it.
        let two = text.get(k + 1).filter(|&&n| blocks[i].n_lines() == 1 && blocks[n].n_lines() == 1 && plain(n, classes)).copied();
        let (last, title, chars) = match two {
            Some(n) => (k + 1, format!("{}{}", blocks[i].text.trim(), blocks[n].text.trim()), blocks[i].stats.chars + blocks[n].stats.chars),
            None if (2..=3).contains(&blocks[i].n_lines()) => (k, blocks[i].text.trim().to_string(), blocks[i].stats.chars),
            None => continue,
        };
        if chars > lang.classify.wrapped_title_max {
            continue;
        }
        let t = title.as_str();
        let Some(open) = t.rfind(|ch| lang.openers.contains(&ch)) else { continue };
        let closes = t.ends_with(|ch| lang.closers.contains(&ch)) && open > 0;
        let under = text.get(last + 1).is_some_and(|&n| classes[n].dateline.is_some() || !classes[n].bylines.is_empty() || matches!(classes[n].shape, Shape::Byline | Shape::Dateline));
        // Or under finished text or as the page's first text, over a paragraph that opens, short
        // by its indent, where the column was measured: a paragraph of its own would have gone on
        // under the one above.
        let between = (k == 0 || !classes[text[k - 1]].open_end && classes[text[k - 1]].shape == Shape::Body) && text.get(last + 1).is_some_and(|&n| classes[n].start == Start::Fresh && blocks[n].opening == Some(true));
        // (A semicolon there is the engine's misread colon after a name: 谢翰文; 钻研理论.)
        if closes && (under || between) && !t[..open].contains(|ch: char| lang.terminal.contains(&ch) && !matches!(ch, ';' | '；')) {
            classes[i] = Class::of(Shape::Heading);
            if let Some(n) = two {
                classes[n] = Class::of(Shape::Heading);
                classes[n].wraps = true;
            }
        }
    }
}

/// A one-line block of body text that may be a line of a headline group set tight against a
/// heading: no byline or dateline in it, and not the rest of a sentence cut elsewhere.
fn plain_line(b: &Block, c: &Class) -> bool {
    c.shape == Shape::Body && c.bylines.is_empty() && c.dateline.is_none() && !c.start.continues() && b.n_lines() == 1
}

/// A line set tight under a heading and apart from what follows is a deck of that heading's group,
/// however long (经过5—10年左右时间，职业教育基本完成由政府举办为主向…, under 国务院印发《国家职业
/// 教育改革实施方案》). Only where blank lines part paragraphs: there no paragraph sits tight
/// under a heading, but for the summary under a standing label (核心阅读), which is text.
pub fn tight_decks(blocks: &[Block], classes: &mut [Class], layout: &Layout, lang: &Lang) {
    if layout.wrapped || layout.blank_is_column_break {
        return;
    }
    for i in 1..blocks.len() {
        let b = &blocks[i];
        let c = &classes[i];
        if plain_line(b, c)
            && b.stats.chars <= lang.classify.tight_deck_max
            && b.blank_before == 0
            && (b.blank_after > 0 || i + 1 == blocks.len())
            && classes[i - 1].shape == Shape::Heading
            && blocks[i - 1].n_lines() == 1
            && !lang.is_standing_label(&blocks[i - 1].text)
        {
            classes[i] = Class::of(Shape::Heading);
        }
    }
}

/// A line opening with a deck's dash (——北京大兴国际机场的拆迁居民们不会忘记：2017年2) that no
/// heading line stands over is no deck: it is a paragraph of a dashed list, and may be cut
/// mid-sentence like any other. A short one under a quotation is its attribution, and stays.
pub fn stray_decks(blocks: &[Block], classes: &mut [Class], layout: &Layout, lang: &Lang) {
    let text_blocks = text_blocks(classes);
    for (k, &i) in text_blocks.iter().enumerate() {
        let above = k.checked_sub(1).map(|j| text_blocks[j]);
        if classes[i].shape == Shape::Heading
            && classes[i].deck_marker
            && blocks[i].md_heading == 0
            && blocks[i].stats.chars > lang.classify.attribution_max
            && above.is_none_or(|a| classes[a].shape != Shape::Heading)
        {
            let text = blocks[i].text.trim_end();
            let mut c = Class::of(Shape::Body);
            c.open_end = ends_open(text, lang);
            c.start = start_of(&blocks[i], text, layout, lang);
            classes[i] = c;
        }
    }
}

/// A heading line that ends inside its sentence, on a comma or a colon, and has no heading line
/// below to finish it is the lead-in of what follows, not a title: a line of verse (生态尺寸功，),
/// a label over a list or a letter (数据来源：, 亲爱的祖国母亲：). A kicker of that shape (国台办：)
/// keeps its title below it.
pub fn lone_lead_ins(blocks: &[Block], classes: &mut [Class], lang: &Lang) {
    if !lang.code.is_cjk() {
        return;
    }
    let text_blocks = text_blocks(classes);
    // From the foot up, so a lead-in over another (这正是： over 漫漫归乡路，) sees it demoted.
    for (k, &i) in text_blocks.iter().enumerate().rev() {
        if classes[i].shape != Shape::Heading || classes[i].deck_marker {
            continue;
        }
        let t = blocks[i].text.trim_end();
        let comma = t.ends_with(['，', ',']);
        if !comma && !t.ends_with(['：', ':']) {
            continue;
        }
        if text_blocks.get(k + 1).is_some_and(|&j| classes[j].shape == Shape::Heading) {
            continue;
        }
        // Under a credit that closed the story above, a salutation (亲爱的祖国母亲：) opens a
        // letter: it stays the head of the story it starts.
        if k > 0 && (classes[text_blocks[k - 1]].shape == Shape::Credit || classes[text_blocks[k - 1]].closes_story) {
            continue;
        }
        let c = &mut classes[i];
        c.shape = Shape::Body;
        // A comma leaves the sentence to the next line; a colon has said what it introduces.
        c.open_end = comma;
        c.start = Start::Unknown;
    }
}

/// Heading-shaped blocks that are really prose cut off at a column's foot: they end on a word that
/// cannot end a heading (的, 在), split a comma clause short, run on into the block below (which
/// starts mid-sentence, repeats a string across the join found elsewhere on the page, or makes a
/// word with their last characters: 签了合|同), or are made of clauses and make a word with the
/// start of a paragraph elsewhere on the page. They become body text that stops mid-sentence.
/// `grams` holds the page's own strings.
pub fn demote_cut_headings(blocks: &[Block], classes: &mut [Class], layout: &Layout, lang: &Lang, grams: &crate::model::grams::PageGrams) {
    if !lang.code.is_cjk() {
        return;
    }
    // Where the column was measured, a line too short to be a paragraph's opening line, or wider
    // than the column, is no prose cut off at a column's end: a cut falls where a line is full.
    let apart = |b: &Block| b.n_lines() == 1 && layout.measure.is_some_and(|m| m.indent > 0 && !m.column_line(&b.text));
    let text_blocks = text_blocks(classes);
    for (k, &i) in text_blocks.iter().enumerate() {
        // A title line rejoined with the rest of it below (`headwrap`) is no prose cut off.
        let wrapped = classes[i].wraps || text_blocks.get(k + 1).is_some_and(|&j| classes[j].wraps);
        if classes[i].shape != Shape::Heading || blocks[i].md_heading > 0 || classes[i].deck_marker || wrapped || apart(&blocks[i]) {
            continue;
        }
        let t = blocks[i].text.trim();
        let last = t.chars().last().unwrap_or(' ');
        // A heading does not end on a bare digit (…小区70): a number cut in two at the column's foot.
        // 都 cannot end a heading, 成都 can: a final function character that closes a noun is no cut.
        // Nor on an opening quote or bracket (…吉萨金字塔群被“), nor with a quote or bracket left
        // open (“智能化设备的使用有): what it opens is closed below.
        let count = |cs: &[char]| t.chars().filter(|c| cs.contains(c)).count();
        let left_open = PAIRS.iter().any(|(open, close)| count(open) > count(close));
        let dangling = lang.openers.contains(&last)
            || left_open
            || lang.reported_speech.iter().any(|r| r.is_match(t))
            || (lang.dangling_finals.contains(&last) && !crate::lang::lexicon::ends_in_noun(t))
            || (last.is_ascii_digit() && t.chars().any(crate::lang::is_cjk));
        // Set tight under another heading line it is a deck, whose halves may be short (这张成绩单，有看点).
        let in_stack = blocks[i].blank_before == 0 && k > 0 && classes[text_blocks[k - 1]].shape == Shape::Heading;
        let short_tail = !in_stack
            && t.rsplit(['，', ',']).next().is_some_and(|tail| t.contains(['，', ',']) && tail.chars().filter(|c| !c.is_whitespace()).count() <= lang.classify.cut_tail_max);
        // Phrases of one length set apart by spaces (守正创新 技术突破 融合传播) are a title's
        // parallel clauses, not prose: the paragraph below going on mid-sentence goes on from
        // elsewhere, the OCR engine having read the title amid it.
        let parallel = parallel_phrases(t, lang.classify.parallel_phrase_min);
        let runs_on = !parallel && text_blocks.get(k + 1).is_some_and(|&j| {
            let next = &classes[j];
            // A dispatch or dateline (新华社北京2月13日电) opens a story: nothing runs on into it.
            next.shape == Shape::Body
                && !next.opens_story()
                && (next.start.continues()
                    || grams.across_len(t, &blocks[j].text).is_some()
                    || crate::lang::lexicon::split_word(t, &blocks[j].text).is_some())
        });
        // Or a line of the column's width runs on past a title's line the engine read amid the
        // column (这是克利夫兰奖设立90余年 / 队获克利夫兰奖 / 来，中国科学家…): the text after that
        // line goes on mid-sentence.
        let runs_past = || {
            !parallel
                && blocks[i].n_lines() == 1
                && layout.measure.is_some_and(|m| m.column_line(t))
                && text_blocks.get(k + 1).is_some_and(|&h| classes[h].shape == Shape::Heading && blocks[h].n_lines() == 1)
                && text_blocks.get(k + 2).is_some_and(|&j| classes[j].shape == Shape::Body && !classes[j].opens_story() && classes[j].start.continues())
        };
        // Prose cut at a column's foot may go on far from it, after other stories' text. A heading
        // is rarely made of clauses, and a piece of prose that is, and makes a word with the start
        // of a paragraph elsewhere (还收了一张礼品|卡), is that paragraph's first part. (Without the
        // comma a real heading too often makes a word with some paragraph's first characters.)
        let near = k.saturating_sub(FAR_REACH)..(k + FAR_REACH + 1).min(text_blocks.len());
        // A heading set over a byline or a dispatch heads the story they open. Asked last: each
        // paragraph in reach costs a segmentation.
        let over_byline = text_blocks.get(k + 1).is_some_and(|&j| classes[j].starts_story());
        // A paragraph that opens inside a word (果，驻迪拜…: one character, then a clause mark;
        // not a numeral, as 一、 opens a list item) vouches for a cut heading without a comma.
        let clauses = t.contains(['，', ',']);
        let opens_mid_word = |j: usize| {
            let mut cs = blocks[j].text.trim_start().chars();
            let (first, second) = (cs.next(), cs.next());
            classes[j].start == Start::Mid
                || (first.is_some_and(|c| crate::lang::is_cjk(c) && !lang.numerals.contains(&c)) && second.is_some_and(|c| lang.nonstarters.contains(&c)))
        };
        // A title ending on its column's name, the closer lost (…前世今生 〈宝岛纪行), is no prose
        // cut mid-word: the name's last characters make words with other text by chance.
        let named = lang.opens_column_name(t);
        let runs_on_far = || {
            !over_byline
                && !parallel
                && !named
                && text_blocks[near.clone()].iter().any(|&j| {
                    let next = &classes[j];
                    j != i
                        && next.shape == Shape::Body
                        && !next.opens_story()
                        && (if clauses { next.start != Start::Fresh } else { opens_mid_word(j) })
                        && crate::lang::lexicon::split_word(t, &blocks[j].text).is_some()
                })
        };
        // A line of the column's width (an opening line, short by its lost indent) set tight under
        // a paragraph opens the next one, cut off at the column's foot: the OCR engine sets a
        // title apart from the text above it (…之列。 / 在大部分区域都是无人区的塔).
        let under_prose = blocks[i].blank_before == 0
            && k > 0
            && classes[text_blocks[k - 1]].shape == Shape::Body
            && blocks[i].n_lines() == 1
            && layout.measure.is_some_and(|m| m.column_line(t));
        if dangling || short_tail || under_prose || runs_on || runs_past() || runs_on_far() {
            let c = &mut classes[i];
            c.shape = Shape::Body;
            c.open_end = true;
            c.start = Start::Unknown;
        }
    }
}

/// Whether a line is two or more phrases of one length, each of at least `min` CJK characters,
/// parted by spaces and nothing else: the OCR engine's stray spaces inside prose part it at
/// random, not into equal runs.
fn parallel_phrases(t: &str, min: usize) -> bool {
    let mut lens = t.split_whitespace().map(|w| w.chars().all(crate::lang::is_cjk).then(|| w.chars().count()));
    let Some(Some(first)) = lens.next() else { return false };
    let mut n = 1;
    for l in lens {
        if l != Some(first) {
            return false;
        }
        n += 1;
    }
    n >= 2 && first >= min
}

/// A paragraph set tight under finished text goes on down the same column: a stray letter it
/// opens on, before a capitalised word (t Reuters Political…, t,Irefiarties…, i Loma (s.)…), is
/// what the OCR engine read off the column's edge or a rule, not the rest of a sentence cut
/// elsewhere. Its start is told by the word past it. (A mark alone, a comma, may be just that
/// rest: the cut fell before it.)
pub fn edge_marks(blocks: &[Block], classes: &mut [Class], layout: &Layout, lang: &Lang) {
    if lang.code.is_cjk() || layout.geometric {
        return;
    }
    for i in 1..blocks.len() {
        let (b, above) = (&blocks[i], &classes[i - 1]);
        if classes[i].shape == Shape::Body
            && classes[i].start == Start::Mid
            && b.blank_before == 0
            && above.shape == Shape::Body
            && !above.open_end
            && let Some(rest) = past_edge_mark(&b.text, lang)
        {
            classes[i].start = start_of(b, rest, layout, lang);
        }
    }
}

/// The text past the marks and the one stray lower-case letter (not a word of the language) it
/// opens on, where a capitalised word follows them.
fn past_edge_mark<'a>(text: &'a str, lang: &Lang) -> Option<&'a str> {
    let t = text.trim_start();
    let rest = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut letters = rest.chars();
    let (Some(c), next) = (letters.next(), letters.next()) else { return None };
    if !c.is_lowercase() || next.is_some_and(char::is_alphanumeric) || lang.is_stopword(&c.to_string()) {
        return None;
    }
    let rest = rest[c.len_utf8()..].trim_start_matches(|c: char| !c.is_alphanumeric());
    rest.chars().next().is_some_and(char::is_uppercase).then_some(rest)
}

/// Chinese body text that opens inside a quotation or a bracket (和国报》记者…) goes on from a
/// sentence cut elsewhere (…《共): it starts mid-sentence. Marked after the heading passes: a
/// heading over such a fragment, which the page's scrambled columns put there, is no cut prose.
/// An indented first line still opens a paragraph, and so does a dispatch (新华社电 《记者白田田) 位…:
/// its bracket misread as 《, closed by the engine's `)`). `indented` marks the blocks whose first
/// line a structured page's geometry measured set in (none on plain text, whose indent the
/// block's start already holds).
pub fn inside_starts(blocks: &[Block], classes: &mut [Class], lang: &Lang, indented: &[bool]) {
    if !lang.code.is_cjk() {
        return;
    }
    for (i, (b, c)) in blocks.iter().zip(classes.iter_mut()).enumerate() {
        // A paragraph set in from the column's edge opens one: a quotation running on over
        // paragraphs reopens on each, so a closing mark in an indented one is the OCR engine's.
        let fresh = indented.get(i).copied().unwrap_or(false);
        if c.shape == Shape::Body && c.dateline.is_none() && !fresh && !matches!(c.start, Start::Mid | Start::Fresh) && opens_inside(b.text.trim_start()) {
            c.start = Start::Mid;
        }
    }
}

/// Marks that pair up in Chinese text: a quote or a title's or a note's brackets. (A full-width
/// bracket closed by an ASCII one, as OCR prints it, counts as closed.)
pub(crate) const PAIRS: [(&[char], &[char]); 3] = [(&['“'], &['”']), (&['《'], &['》']), (&['（', '('], &['）', ')'])];

/// The title's and the round brackets' places in `PAIRS`.
const TITLE: usize = 1;
pub(crate) const ROUND: usize = 2;

/// Whether text opens inside a quotation or a bracket begun above it: one closes before any opens
/// (和国报》记者…, the rest of 《共|和国报》 cut at a column's foot).
fn opens_inside(text: &str) -> bool {
    let mut depth = [0u32; PAIRS.len()];
    for c in text.chars().take(INSIDE_REACH) {
        // Nearly every character is none of the marks: passed over with one test.
        if !matches!(c, '“' | '”' | '《' | '》' | '（' | '(' | '〈' | '）' | ')' | '〉') {
            continue;
        }
        for k in 0..PAIRS.len() {
            let (open, close) = PAIRS[k];
            // An engine reads （ as 〈 and ） as 〉: in a paragraph's opening they still pair up (a
            // heading's own test of an open bracket, above, keeps to the marks as printed).
            if open.contains(&c) || (k == ROUND && c == '〈') {
                depth[k] += 1;
            } else if close.contains(&c) || (k == ROUND && c == '〉') {
                if depth[k] == 0 {
                    // A round bracket closing a title's mark: the engine read the bracket's
                    // opening half as 《 (新华社电《记者X）).
                    if k == ROUND && depth[TITLE] > 0 {
                        depth[TITLE] -= 1;
                        continue;
                    }
                    return true;
                }
                depth[k] -= 1;
            }
        }
    }
    false
}

/// How far into a paragraph a closing mark still tells that it opened inside a quotation: a title
/// or a quote rarely runs longer, and a stray mark further on may be OCR's.
const INSIDE_REACH: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_inside_tests_every_mark_of_its_pairs() {
        for (open, close) in PAIRS {
            for &c in open.iter().chain(close) {
                assert!(matches!(c, '“' | '”' | '《' | '》' | '（' | '(' | '）' | ')'), "{c}");
            }
        }
    }

    #[test]
    fn an_indented_paragraph_with_a_stray_closing_mark_is_not_taken_to_open_inside_a_quote() {
        // Tesseract read a closing quote after a question mark (…作风建设?”记者…): on a page whose
        // geometry shows the paragraph's indent, the mark is the engine's, not the end of a quote
        // begun above.
        let page = "核心阅读\n\n新的一年有没有新举措？如何持之以恒正风肃纪，深入推进作风建设?”记者赴多地探访。\n";
        let a = crate::Analysed::of_text(page, crate::lang::LangCode::Zh);
        let at = a.blocks.iter().position(|b| b.text.contains("新举措")).expect("block");
        for (indent, start) in [(false, Start::Mid), (true, Start::Unknown)] {
            let mut classes = a.classes.clone();
            classes[at].start = Start::Unknown;
            let indented: Vec<bool> = (0..a.blocks.len()).map(|i| indent && i == at).collect();
            inside_starts(&a.blocks, &mut classes, Lang::get(crate::lang::LangCode::Zh), &indented);
            assert_eq!(classes[at].start, start, "indented: {indent}");
        }
    }

    #[test]
    fn a_dispatch_whose_bracket_the_engine_lost_opens_its_paragraph() {
        // 记者张伟) with the bracket's opening half lost: the paragraph opens on a dispatch, so on a
        // story, not inside a bracket begun above.
        let page = "乡村书屋迎来新读者\n\n新华社北京2月3日电 记者张伟) 村里的农家书屋今年添了三千册新书，冬闲时节来借书的村民比往年多了一倍。\n\n记者张伟) 说，来借农业技术书的年轻人最多。\n";
        let a = crate::Analysed::of_text(page, crate::lang::LangCode::Zh);
        let start = |t: &str| a.classes[a.blocks.iter().position(|b| b.text.contains(t)).expect("block")].start;
        assert_ne!(start("农家书屋"), Start::Mid);
        assert_eq!(start("农业技术"), Start::Mid);
    }

    #[test]
    fn text_opening_inside_a_quote_or_title() {
        assert!(opens_inside("和国报》记者阿卜杜勒哈利姆表示"));
        assert!(opens_inside("里过大年”已成为无数家庭欢度春节的首选"));
        assert!(opens_inside("记者张伟）今年以来"));
        assert!(!opens_inside("《共和国报》记者阿卜杜勒哈利姆表示"));
        assert!(!opens_inside("“博物馆里过大年”已成为无数家庭欢度春节的首选"));
        assert!(!opens_inside("（记者张伟）今年以来"));
        // Brackets as an OCR engine misreads them still pair up.
        assert!(!opens_inside("本报电〈记者张伟)今年以来"));
        assert!(!opens_inside("本报电《记者张伟)今年以来"));
        assert!(!opens_inside("全国10个省〈区、市)开展了试点"));
    }
}
