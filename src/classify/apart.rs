//! Headings a plain-text page sets apart in any case: a short line standing on its own between finished text and a fresh paragraph.
//!
//! Old papers set many titles in the body's own type and case ("Der Kampf gegen das Bleiweiß.",
//! "Autour du Parlement"): on a page flattened to text nothing but their placing tells them from a
//! short paragraph. A line is taken for a heading only from what the page shows around it, never
//! from its words: it stands apart (blank lines, or a block of its own), reads as one phrase (no
//! sentence ends inside it, none runs on from it), the text above it has closed, and a paragraph of
//! its own opens under it.

use super::{Class, Shape, Start, text_blocks, title_case};
use crate::blocks::{Block, Layout};
use crate::clean::Line;
use crate::lang::Lang;

/// Marks blocks of body text that the page sets apart as headings. Text pages in Latin script
/// only: a structured page's geometry measures type and placing itself, and Chinese pages have
/// their own heading shapes.
pub fn apart_headings(blocks: &[Block], lines: &[Line], classes: &mut [Class], layout: &Layout, lang: &Lang) {
    if lang.code.is_cjk() || layout.geometric || !layout.wrapped {
        return;
    }
    let text = text_blocks(classes);
    // (Rubrics first, from the headings the page set in heading shape: a line in body type set
    // apart over a deck in capitals is a title, not a rubric.)
    if lang.headed_roundups {
        roundups(blocks, &text, classes, lang);
    }
    // A title is set short, where a paragraph fills its first line; but a title as wide as the
    // column is one line that no stop closes (La délégation française au Congrès de la Paix),
    // where a paragraph of one line ends its sentence.
    let short = |b: &Block| {
        lines[b.lines.clone()].iter().all(|l| (l.stats.chars as f32) < lang.classify.apart_line_share * layout.width_chars as f32)
            || (b.n_lines() == 1 && !lang.ends_sentence(&b.text))
    };
    let mut candidate: Vec<bool> = (0..text.len()).map(|k| short(&blocks[text[k]]) && stands_apart(k, &text, blocks, classes, lang)).collect();
    let mut deck = vec![false; text.len()];
    for k in 0..text.len().saturating_sub(1) {
        if !candidate[k] && !candidate[k + 1] && short(&blocks[text[k]]) && short(&blocks[text[k + 1]]) && title_over_deck(k, &text, blocks, classes, lang) {
            (candidate[k], candidate[k + 1], deck[k + 1]) = (true, true, true);
        }
    }
    if lang.titles_under_rubrics {
        for k in 1..text.len() {
            if !candidate[k] && title_under_rubric(k, &text, blocks, classes, lang) {
                (candidate[k], deck[k]) = (true, true);
            }
        }
    }
    for (k, &i) in text.iter().enumerate() {
        if !candidate[k] {
            continue;
        }
        // A name set apart over another heading is the signature closing the piece above
        // (Robert Seidel. over Klosterregen, Klostersturm.): `signatures` takes it.
        let heading_below = text.get(k + 1).is_some_and(|&n| candidate[k + 1] || classes[n].shape == Shape::Heading);
        if (heading_below && is_name(&blocks[i].text, lang)) || lang.is_letter_address(&blocks[i].text) {
            continue;
        }
        // (The deck of a title over one is a line of its headline group, blank line or none.)
        classes[i] = Class { deck_marker: deck[k], ..Class::of(Shape::Heading) };
    }
    rubrics(blocks, &text, classes, lang);
}

/// Marks the rubrics over headed roundups: a heading of one line in lower case standing apart
/// (Nouvelles Diverses, Échos de la Ville), with a heading in capitals straight under it, over
/// text (LA TÉLÉGRAPHIE A CHEVAL). A paper heads each item of such a run in the capitals it heads
/// a story with: the rubric above them, set in another case, is what makes them one piece. (A
/// line in body type over such a heading is no rubric: papers set a town's name so over its
/// correspondents' items, and their libraries zone each item apart.)
fn roundups(blocks: &[Block], text: &[usize], classes: &mut [Class], lang: &Lang) {
    for k in 0..text.len().saturating_sub(2) {
        let (i, j, n) = (text[k], text[k + 1], text[k + 2]);
        let (b, c) = (&blocks[i], &classes[i]);
        let apart = (k == 0 || b.blank_before > 0) && b.blank_after > 0 && b.n_lines() == 1 && b.stats.chars <= lang.classify.apart_max_chars;
        let lower = b.stats.latin.saturating_sub(b.stats.upper) > b.stats.upper && one_phrase(b.text.trim(), lang);
        let item = classes[j].shape == Shape::Heading && classes[j].caps && !classes[j].display && classes[n].shape == Shape::Body;
        if c.shape == Shape::Heading && !c.display && !c.notice_rubric && apart && lower && item {
            classes[i] = Class { roundup: true, ..Class::of(Shape::Heading) };
        }
    }
}

/// Marks the rubrics over runs of classified notices (the language's `notice_rubric`): a line of
/// its own, set apart, over text or a notice's heading. Black letter comes out of OCR mostly in
/// lower case, where a line of names signing a notice is in capitals, and with a figure at most
/// for a misread letter, where a price or a date line holds several.
fn rubrics(blocks: &[Block], text: &[usize], classes: &mut [Class], lang: &Lang) {
    for (k, &i) in text.iter().enumerate() {
        let b = &blocks[i];
        let c = &classes[i];
        let plain = matches!(c.shape, Shape::Body | Shape::Heading) && !c.display && c.bylines.is_empty() && c.dateline.is_none();
        let lower = b.stats.latin.saturating_sub(b.stats.upper);
        let shaped = b.n_lines() == 1 && b.stats.latin >= lang.classify.rubric_min_letters && lower > b.stats.upper && b.stats.digits <= 1;
        // Not under text cut off on a comma: the line is that sentence's end (…,” / Hennicke
        // said.), however it is shaped. (A notice above a rubric may end on anything but that: a
        // price, an address, a date.)
        let on_comma = k > 0 && blocks[text[k - 1]].text.trim_end().trim_end_matches(['"', '”', '\'', '’']).ends_with(',');
        let apart = (k == 0 || (b.blank_before > 0 && !on_comma)) && b.blank_after > 0;
        // Straight over words: a line over a row of figures is a table's column head.
        let over = text.get(k + 1).is_some_and(|&n| {
            n == i + 1 && matches!(classes[n].shape, Shape::Body | Shape::Heading) && blocks[n].stats.latin > blocks[n].stats.digits
        });
        if plain && shaped && apart && over && lang.is_notice_rubric(&b.text) {
            classes[i] = Class { notice_rubric: true, ..Class::of(Shape::Heading) };
        }
    }
}

/// Whether the text block at `k` (of `text`, the page's text blocks in order) stands apart as a
/// heading: a short phrase on its own, the text above it closed and a paragraph opening under it.
fn stands_apart(k: usize, text: &[usize], blocks: &[Block], classes: &[Class], lang: &Lang) -> bool {
    lone_phrase(k, text, blocks, classes, lang) && closed_above(k, text, blocks, classes, lang) && opens_under(k, k + 1, text, blocks, classes, lang)
}

/// Whether the text blocks at `k` and `k + 1` are a title over its deck, both in body type and set
/// apart (Les élections anglaises / Le rote des femmes / LONDRES, 16 décembre. …): the title, a
/// phrase that does not end, reads as text running on into the deck, so neither stands apart on
/// its own; the pair does.
fn title_over_deck(k: usize, text: &[usize], blocks: &[Block], classes: &[Class], lang: &Lang) -> bool {
    k + 1 < text.len()
        && lone_phrase(k, text, blocks, classes, lang)
        && lone_phrase(k + 1, text, blocks, classes, lang)
        && blocks[text[k + 1]].n_lines() == 1
        && !is_name(&blocks[text[k + 1]].text, lang)
        && closed_above(k, text, blocks, classes, lang)
        && opens_under(k + 1, k + 2, text, blocks, classes, lang)
}

/// Fewest letters a word of a rubric in capitals runs to: a chapter's number in Roman figures (IV)
/// has fewer in all.
const RUBRIC_WORD_MIN: usize = 3;

/// Whether the text block at `k` is a piece's title in body type under its rubric in capitals, both
/// set apart (RENNES / Les baisers de Strasbourg / text): one line, a phrase of its own, straight
/// under a heading of one line in capitals and over a paragraph that opens. It goes in the
/// rubric's headline group as its deck. (A dateline under capitals is the text's opening.)
fn title_under_rubric(k: usize, text: &[usize], blocks: &[Block], classes: &[Class], lang: &Lang) -> bool {
    let (above, i) = (text[k - 1], text[k]);
    // (A chapter's number, IV, is no rubric.)
    let worded = || blocks[above].text.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= RUBRIC_WORD_MIN);
    let rubric = classes[above].shape == Shape::Heading && classes[above].caps && blocks[above].n_lines() == 1 && worded();
    // A place in capitals and a comma open a dispatch the dateline patterns missed (PARIS, 18
    // décembre, 1 heure du matin.), not a title.
    let t = blocks[i].text.trim();
    let place = t.split_once(',').is_some_and(|(w, _)| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == ' '));
    rubric && !place && blocks[i].n_lines() == 1 && !is_name(t, lang) && lone_phrase(k, text, blocks, classes, lang) && opens_under(k, k + 1, text, blocks, classes, lang)
}

/// Whether the text block at `k` is a short phrase on its own: body text, not indented, set apart
/// by blank lines or other blocks, one phrase, in a case the language's titles take.
fn lone_phrase(k: usize, text: &[usize], blocks: &[Block], classes: &[Class], lang: &Lang) -> bool {
    let i = text[k];
    let (b, c) = (&blocks[i], &classes[i]);
    if c.shape != Shape::Body || !c.bylines.is_empty() || c.dateline.is_some() || c.jump.is_some() || c.start == Start::Mid {
        return false;
    }
    // Indented where the page indents its paragraphs, it is one.
    if b.n_lines() > lang.classify.apart_max_lines || b.stats.chars > lang.classify.apart_max_chars || b.stacked || b.indent {
        return false;
    }
    // Apart: a blank line (or another block's end) above and below it.
    let top = k == 0 || b.blank_before > 0 || text[k - 1] + 1 != i;
    let bottom = b.blank_after > 0 || text.get(k + 1).is_none_or(|&n| n != i + 1);
    // A title's closing stop OCR read as a comma (Les fureurs de Tempête,) leaves the line a
    // phrase: set apart on both sides, a line that breaks off on a comma runs on into nothing.
    // (A letter's salutation, Cher Monsieur, is no title. Where titles are set in title case, a
    // line so shaped is as often a paragraph's opening words set in capitals: STUNNED by the
    // Budget, / everybody seems to…)
    let t = b.text.trim();
    let t = if b.n_lines() == 1 && lang.sentence_case_titles && !lang.is_letter_address(t) { t.strip_suffix(',').map_or(t, str::trim_end) } else { t };
    if !(top && bottom && one_phrase(t, lang)) {
        return false;
    }
    lang.sentence_case_titles || title_case(t, lang)
}

/// Whether the text above the block at `k` does not run on into it. (Under a heading, a line of
/// body type is a deck or a byline the heading's own group decides on; but a name closing the text
/// above it is a signature, which closes that text, stop or none: Ein Schmelzer over Die kleinen
/// Geschäftsleute.)
fn closed_above(k: usize, text: &[usize], blocks: &[Block], classes: &[Class], lang: &Lang) -> bool {
    k.checked_sub(1).is_none_or(|j| {
        let (ab, a) = (&blocks[text[j]], &classes[text[j]]);
        match a.shape {
            Shape::Heading => j > 0 && classes[text[j - 1]].shape == Shape::Body && is_name(&ab.text, lang),
            Shape::Body => !a.open_end || !(ab.last_full || runs_on(&ab.text)) || (ab.n_lines() == 1 && is_name(&ab.text, lang)),
            _ => true,
        }
    })
}

/// Whether a paragraph of its own opens at the text block at `at`, under the heading at `k`: longer
/// than the heading, or a deck in capitals over one (Un accident de chemin de fer / 9 MORTS 50
/// BLESSES / PONT-A-MOUSSON, 16 décembre. …).
fn opens_under(k: usize, at: usize, text: &[usize], blocks: &[Block], classes: &[Class], lang: &Lang) -> bool {
    let chars = blocks[text[k]].stats.chars;
    let opens = |n: usize| {
        let (nb, nc) = (&blocks[n], &classes[n]);
        match nc.shape {
            Shape::Byline | Shape::Dateline => true,
            // (A speck before the paragraph's first capital, i Un tel…, does not put it mid-sentence.)
            Shape::Body => (nc.start != Start::Mid || lang.opens_on_speck(&nb.text)) && nb.stats.chars >= lang.classify.text_over_head * chars,
            _ => false,
        }
    };
    let deck = |n: usize| classes[n].shape == Shape::Heading && classes[n].caps && !classes[n].display && blocks[n].n_lines() == 1;
    text.get(at).is_some_and(|&n| opens(n) || (deck(n) && text.get(at + 1).is_some_and(|&m| m == n + 1 && opens(m))))
}

/// Whether text that stopped before its sentence ended goes on in the next line: it breaks off on
/// a hyphen or a comma, or in the middle of words (a lower-case word last). One that stops on a
/// bracket, a quote or a name (a verse's last line, a table's) may well be finished, unless its
/// last line fills the column (asked of the block by the caller).
pub(crate) fn runs_on(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(['-', ',', '¬']) || t.chars().last().is_some_and(char::is_lowercase)
}

/// Whether a line reads as one phrase, as a title does: it opens on a capital, no sentence ends
/// inside it, and it does not break off (on a comma, a colon, a hyphen or a function word).
pub(crate) fn one_phrase(t: &str, lang: &Lang) -> bool {
    let first = t.chars().find(|c| c.is_alphanumeric());
    if !first.is_some_and(char::is_uppercase) {
        return false;
    }
    if t.ends_with([',', ';', ':', '-', '—', '–']) {
        return false;
    }
    let last_word = t.rsplit(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty()).unwrap_or("");
    if lang.is_function_word(last_word) && !t.ends_with(['.', '!', '?']) {
        return false;
    }
    !ends_inside(t, lang)
}

/// Whether a sentence ends inside the text, before its last word: a terminal mark followed by a
/// space and more words, unless it closes an initial or an abbreviation (M. Veillat, Dr. Müller).
fn ends_inside(t: &str, lang: &Lang) -> bool {
    let body = t.trim_end_matches(|c: char| lang.terminal.contains(&c) || lang.closers.contains(&c) || c.is_whitespace());
    body.char_indices().any(|(i, c)| {
        lang.terminal.contains(&c)
            && body[i + c.len_utf8()..].starts_with(char::is_whitespace)
            && lang.ends_sentence(&body[..i + c.len_utf8()])
    })
}

/// Whether a line has the shape of a name signing a piece (the language's `signed_by`), or of a
/// signature naming no one (`signed_as`).
pub(crate) fn is_name(t: &str, lang: &Lang) -> bool {
    let t = t.trim();
    (lang.signed_by.iter().any(|r| r.is_match(t)) && t.split_whitespace().next().is_some_and(|w| !lang.is_function_word(&w.to_lowercase())))
        || lang.signed_as.iter().any(|r| r.is_match(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangCode;

    #[test]
    fn a_title_reads_as_one_phrase() {
        let fr = Lang::get(LangCode::Fr);
        assert!(one_phrase("Discours de M. Veillat", fr));
        assert!(one_phrase("Autour du Parlement", fr));
        assert!(!one_phrase("Si! ils le sont.", fr));
        assert!(!one_phrase("La Chambre a voté. Le Sénat", fr));
        assert!(!one_phrase("La transmission de la souveraineté et de", fr));
        let de = Lang::get(LangCode::De);
        assert!(one_phrase("Der Kampf gegen das Bleiweiß.", de));
        assert!(!one_phrase("und so weiter.", de));
    }

    /// The texts of the blocks `apart_headings` marks as rubrics on an English text page.
    fn rubrics_of(text: &str) -> Vec<String> {
        let page = crate::Analysed::of_text(text, LangCode::En);
        page.blocks.iter().zip(&page.classes).filter(|(_, c)| c.notice_rubric).map(|(b, _)| b.text.clone()).collect()
    }

    #[test]
    fn a_rubric_in_garbled_black_letter_stands_over_notices() {
        // (A page written for this test: two rubrics as OCR reads black letter, one opening on a
        // mark for its capital.)
        let notices = "*ales by Auction.\n\nFURNITURE IN HANOVER-ROW.\nOn Monday next, the furniture of a gentleman\nleaving the town.\n\nMantcd.\n\nA YOUNG MAN, of good character, as clerk in an office.\n";
        assert_eq!(rubrics_of(notices), ["*ales by Auction.", "Mantcd."]);
        // Names signing a notice are in capitals; the tail of a paragraph a column cut opens in
        // lower case; a line over figures heads a table's column.
        let not = "The sale will begin at eleven o'clock, and the goods may be seen the\nday before.\n\nSMITH and BROWN.\n\nTHE HARVEST.\n\nThe harvest is nearly over, and the farmers report a fair crop of\nwheat, though the barley suffered from the rains of the\n\nlast fortnight.\n\nThe Premium.\n\n1 9 10 113 7 2\n";
        assert!(rubrics_of(not).is_empty(), "{:?}", rubrics_of(not));
    }

    #[test]
    fn a_signature_names_someone_or_what_the_writer_is() {
        let de = Lang::get(LangCode::De);
        assert!(is_name("Heinrich Keimer", de));
        assert!(is_name("Ein Abonnent", de));
        assert!(is_name("Der Vorstand.", de));
        // An article and words in lower case are a cut sentence, no signature.
        assert!(!is_name("Der Kampf gegen das Bleiweiß", de));
        assert!(!is_name("Die neue brücke", de));
    }
}
