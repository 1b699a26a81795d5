//! Headwrap: a headline the OCR engine gave as two or more lines, rejoined from its shape.
//!
//! A headline set in large type wraps where the type's measure ends, and an OCR engine reads each
//! of its lines as a line of its own, often with a blank line between: 商务部已暂停办理直销相 / 关的
//! 审批、备案, Philippine Central Banker Faces Corruption / Charges. The line below is then no
//! title of its own (a deck or kicker) but the rest of the one above. It is told by its shape: a
//! short line set apart, with no sentence in it, under a heading line that has not ended; in
//! Chinese, a word or a bracket runs across the break, or the line is a character or two; in
//! English, the line is a word or a few in the same case as the line above.

use crate::blocks::{Block, Layout};
use crate::classify::{is_caps, Class, Shape};
use crate::lang::{is_cjk, lexicon, Lang};

/// Most CJK characters a line may hold and be the tail of the title above it on that alone (义,
/// “窃密”): a title line is not that short.
const TAIL_MAX_CJK: usize = 2;

/// Most CJK characters a line set tight under a title line (no blank line between: one block of
/// the OCR engine's) may hold and be that title's rest (事事兴, 程序上线): a kicker or deck set
/// tight against its headline runs longer.
const TIGHT_TAIL_MAX_CJK: usize = 4;

/// Most lines below a title's line searched for the one closing the bracket it left open: a
/// title runs to five lines in a narrow column, its column name to the last two or three.
const CLOSE_REACH: usize = 3;

/// Most words the rest of an English headline may run to on its line (Charges, Suspend Payments,
/// INCOME ROSE 0.9 PCT): a deck or a line of text runs longer.
const TAIL_MAX_WORDS: usize = 4;

/// Marks each heading line that goes on the heading line above it (`Class::wraps`), making it a
/// heading where it read as text. Plain text only: a structured page's geometry groups its
/// headlines itself.
pub fn wrapped_heads(blocks: &[Block], classes: &mut [Class], layout: &Layout, lang: &Lang) {
    let text: Vec<usize> = (0..classes.len()).filter(|&i| !matches!(classes[i].shape, Shape::Furniture | Shape::Noise)).collect();
    // The title rejoined so far, through the heading line above (a bracket opened on an earlier
    // line of it may close lines below).
    let mut title = String::new();
    for (k, w) in text.windows(2).enumerate() {
        let (h, b) = (w[0], w[1]);
        let (ch, cb) = (&classes[h], &classes[b]);
        // (A page that marks its headings, Markdown-style, marks each line of them.)
        if !ch.wraps {
            title.clear();
        }
        title.push_str(blocks[h].text.trim());
        if ch.shape != Shape::Heading || blocks[b].n_lines() != 1 || cb.deck_marker || blocks[b].md_heading > 0 || blocks[h].md_heading > 0 {
            continue;
        }
        let plain = match cb.shape {
            Shape::Heading => true,
            Shape::Body => cb.bylines.is_empty() && cb.dateline.is_none() && cb.jump_tail.is_none() && !cb.start.continues(),
            // A column name in brackets reads like the name that closes a story ((人民时评) as
            // (许志峰)), but under a title line it closes the title: a story's closing name stands
            // under its text. Not over text going on mid-sentence: the line above is then no
            // title but the OCR's scraps amid a paragraph (多 息 / (说道) / 容易。以灯笼为例…).
            Shape::Credit => lang.is_title_tail(&blocks[b].text) && text.get(k + 2).is_none_or(|&n| !classes[n].start.continues()),
            _ => false,
        };
        // A heading-shaped line that ends on 的 may be text cut off at a column's end (…的生意一):
        // only where the column was measured and the line is too short or too wide to be one of
        // its lines is it sure to be a title's.
        let title_line = layout.measure.is_some_and(|m| m.indent > 0 && blocks[h].n_lines() == 1 && !m.column_line(&blocks[h].text));
        // A title line no wider than the measured column: its type wrapped within one column.
        let narrow = layout.measure.is_some_and(|m| crate::blocks::wrap::print_cols(blocks[h].text.trim()) <= m.col);
        // A Latin line set apart from the title but tight over the text under it heads that text
        // (NOUVELLES PREUVES, then DEUX LETTRES over its letters): a title's rest is set with the
        // title, not with the text.
        let heads_text = blocks[b].blank_before > 0 && blocks[b].blank_after == 0 && text.get(k + 2).is_some_and(|&n| classes[n].shape == Shape::Body && blocks[n].blank_before == 0);
        // On a page of measured columns, where the OCR engine sets every line of large type apart,
        // the bracket a title left open closes a few lines below, on a line of its own that ends
        // no sentence (text under a title runs on in blocks of the column's lines).
        let closes_below = title_line
            && text
                .iter()
                .skip(k + 2)
                .take(CLOSE_REACH)
                .map(|&n| &blocks[n])
                .take_while(|n| n.n_lines() == 1 && n.cjk && !lang.ends_sentence(n.text.trim()))
                .any(|n| closes_bracket(n.text.trim(), lang));
        let goes_on = if blocks[h].cjk { cjk_tail(&blocks[h], &blocks[b], &title, title_line, narrow, closes_below, lang) } else { !heads_text && latin_tail(&blocks[h], &blocks[b], lang) };
        let opens = |n: usize| match classes[n].shape {
            Shape::Body => !classes[n].start.continues(),
            Shape::Dateline | Shape::Byline => true,
            _ => false,
        };
        let lower = !blocks[h].cjk && cb.shape == Shape::Body && text.get(k + 2).is_some_and(|&n| opens(n)) && lower_rest(&blocks[h], &blocks[b], lang);
        if (plain && goes_on) || lower {
            let mut c = Class::of(Shape::Heading);
            c.caps = is_caps(&blocks[b]);
            c.wraps = true;
            classes[b] = c;
        }
    }
}

/// Whether a line closes more brackets and quotes than it opens.
fn closes_bracket(t: &str, lang: &Lang) -> bool {
    let count = |set: &[char]| t.chars().filter(|c| set.contains(c)).count();
    count(&lang.closers) > count(&lang.openers)
}

/// Whether `b` is the rest of the Chinese title line `h` (`title`: the title so far, through
/// `h`): neither ends a sentence, `b` is no longer than `h`, and a word or a bracket runs across
/// the break, `b` is a character or two, or a few set tight under a line twice its length, or
/// the two bare lines of a title no wider than the column (`narrow`), or `h` ends on a character
/// that leans on what follows (where it is sure to be a `title_line`).
fn cjk_tail(h: &Block, b: &Block, title: &str, title_line: bool, narrow: bool, closes_below: bool, lang: &Lang) -> bool {
    let (ht, bt) = (h.text.trim(), b.text.trim());
    // The column name that closes the title, alone ((人民时评)) or with a character or a few
    // carried over (亮 / 剑 （干部状态新观察）), tight under the title line or set apart from it:
    // the name is not counted in the line's length.
    let tagged_tail = lang.is_title_tail(bt);
    // A title its column name has closed is whole (文明力量 （新论） / 图片报道, its opening quote's
    // close lost to the OCR), and a standing label (图片报道) is a title of its own.
    let label = |t: &str| lang.is_tagged(t) && !t.contains(|c| lang.openers.contains(&c));
    if lang.is_tagged(title) || label(title) || label(bt) {
        return false;
    }
    let count = |t: &str, set: &[char]| t.chars().filter(|c| set.contains(c)).count();
    let open = count(title, &lang.openers) > count(title, &lang.closers);
    // (A section's number standing alone under a title, 一, is no tail of it.) Inside a column
    // name the title left open a 。 is the OCR engine's reading of the name's · (（中国道路中国梦。
    // 在奋斗者身边人）), though a line closing on one is a sentence, not the name's rest. (Inside
    // a quote left open it is a sentence's end: a quotation runs on over sentences.)
    let (name_opens, name_closes) = &lang.column_name_brackets;
    let in_name = count(title, name_opens) > count(title, name_closes);
    let sentence = if in_name { lang.ends_sentence(bt) } else { lang.ends_sentence(ht) || bt.contains('。') };
    if sentence || lang.is_section_numbered(bt) {
        return false;
    }
    // The line that closes a bracket the title left open is the title's rest, however long and
    // though it holds no CJK (（共建 / 一带一路）, 摘金（动感 / 2019）); not one that goes on to end a
    // sentence after it: a quotation cut at a column's end runs on into its text (“让青春之花绽 /
    // 放在祖国最需要的地方”……回忆…的顶梁柱！”).
    if open && closes_bracket(bt, lang) && !lang.ends_sentence(bt) {
        return true;
    }
    if !b.cjk || (b.stats.chars > h.stats.chars + 1 && !tagged_tail) {
        return false;
    }
    // A bracket the title opened and has not closed: the line below closes it, or goes on inside
    // it set tight under the title (the OCR engine's one block: 〈深入 / 学习贯彻… / 思想）) or
    // with a line of the title's below it closing it (…(在习近平新 / 时代中国特色社会主义思 / …).
    let tight = b.blank_before == 0;
    let left_open = open && (count(bt, &lang.closers) > 0 || tight || closes_below);
    // A title line does not end on a character that leans on what follows (摸准体育产业的 / 矿脉),
    // unless it closes a noun (成都).
    let dangling = title_line && ht.chars().last().is_some_and(|c| lang.dangling_finals.contains(&c)) && !lexicon::ends_in_noun(ht);
    // (A figure with its unit, 9.73万亿, is a graphic's label, not a title's last characters.)
    let bn = bt.chars().filter(|&c| is_cjk(c)).count();
    let hn = ht.chars().filter(|c| !c.is_whitespace()).count();
    let figures = bt.contains(|c: char| c.is_ascii_digit());
    let tiny = bn <= TAIL_MAX_CJK && !figures;
    // A few characters set tight under a title line at least twice as long (marks and all): the
    // end of its last word, or its last word, carried over (对缅 / 甸有益).
    let short_tight = tight && bn <= TIGHT_TAIL_MAX_CJK && 2 * bn <= hn && !figures;
    // Two lines of a title a column wide, set tight and apart from all else, neither with a mark
    // in it but quotes or brackets it closes, the lower no longer than the upper (西南种质资源库保存
    // / 种子超万种, 授予北京榜样优秀群体 / “时代楷模”称号): large type wraps within a column's
    // measure, where a kicker or a deck over or under a title runs wider. The lower line may open
    // the title's column name, to go on below (作为重大课题 〈深入).
    let bare = |t: &str| {
        t.chars().all(|c| is_cjk(c) || c.is_whitespace() || lang.openers.contains(&c) || lang.closers.contains(&c)) && count(t, &lang.openers) == count(t, &lang.closers)
    };
    let named = bt.find(|c| lang.openers.contains(&c)).is_some_and(|i| i > 0 && bare(&bt[..i]) && count(bt, &lang.closers) == 0);
    let pair = narrow && tight && bn <= hn && bare(ht) && ((bare(bt) && b.blank_after > 0) || named) && !figures;
    tiny || short_tight || pair || left_open || dangling || tagged_tail || lexicon::split_word(ht, bt).is_some()
}

/// Whether `b` is the rest of the English headline line `h`: neither ends a sentence, `b` is a
/// few words in `h`'s case (capitals under capitals, capitalised words under a title-case line).
fn latin_tail(h: &Block, b: &Block, lang: &Lang) -> bool {
    let (ht, bt) = (h.text.trim(), b.text.trim());
    let words: Vec<&str> = bt.split_whitespace().collect();
    if b.cjk || ends_line(ht, lang) || ends_line(bt, lang) || words.is_empty() || words.len() > TAIL_MAX_WORDS || b.stats.latin == 0 {
        return false;
    }
    if is_caps(h) {
        return is_caps(b);
    }
    // Every word capitalised but the small ones (Succeed - Nz, Stocks/anacomp Inc <aac>: a
    // ticker in brackets is no word).
    let initial = |w: &str| w.chars().find(|c| c.is_alphabetic());
    let capitalised = |w: &&str| w.starts_with('<') || initial(w).is_none_or(char::is_uppercase) || lang.is_title_small(w);
    !is_caps(b) && initial(words[0]).is_some_and(char::is_uppercase) && words.iter().all(capitalised)
}

/// Most words of a title's rest in lower case under its capitals (à l'Hôtel de Ville de Paris): a
/// line of text runs longer.
const LOWER_REST_MAX_WORDS: usize = 8;

/// Whether `b` is the rest of the capitals title line `h` set in lower case (M. WILSON / auprès du
/// maréchal Foch; LE PRESIDENT WILSON / à l'Hôtel de Ville de Paris): set tight under it and
/// apart from the text below, opening in lower case, a few words that end no sentence. Text under
/// its heading opens on a capital; a line in lower case there goes on from the line above.
fn lower_rest(h: &Block, b: &Block, lang: &Lang) -> bool {
    let bt = b.text.trim();
    let words = bt.split_whitespace().count();
    is_caps(h)
        && b.n_lines() == 1
        && b.blank_before == 0
        && b.blank_after > 0
        && in_lower_case(bt)
        && (1..=LOWER_REST_MAX_WORDS).contains(&words)
        && !ends_line(bt, lang)
        && !ends_line(h.text.trim(), lang)
}

/// Whether a line opens in lower case and is mostly set in it: a line in capitals whose first
/// letter the OCR engine misread (l5 CENTIMES, la PLUS IMPORTANTE) is not.
fn in_lower_case(t: &str) -> bool {
    // (The first letter decides most lines: the count is taken only of those opening in lower case.)
    let mostly_lower = || {
        let (lower, upper) = t.chars().fold((0usize, 0usize), |(l, u), c| (l + usize::from(c.is_lowercase()), u + usize::from(c.is_uppercase())));
        lower > upper
    };
    t.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase) && mostly_lower()
}

/// Whether a headline line ends a sentence: a full stop, unless on initials (TALKING POINT/U.S.).
fn ends_line(t: &str, lang: &Lang) -> bool {
    let last = t.rsplit(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
    let initials = last.len() >= 4 && last.split_terminator('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    lang.ends_sentence(t) && !initials
}

/// Whether the title line `rest`, marked as wrapping the line `above`, runs on from it as one
/// title line: where the language lists what a title's rest opens on (`title_rest_openers`), a
/// line of several words opening on another under a line that has not run on is a title line of
/// its own in the group (a caption's name or a table's header over the next title). The group
/// and its story stay as they are; only the lines' roles are told apart.
pub fn runs_on(above: &str, rest: &str, lang: &Lang) -> bool {
    if lang.title_rest_openers.is_empty() {
        return true;
    }
    // (A title line of its own opens on a capital: a rest in lower case runs on, à l'Hôtel de Ville.)
    if in_lower_case(rest) {
        return true;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    let last = above.split_whitespace().last().unwrap_or("");
    // (A name runs on into a line opening on one of those words: M. NAME / DEVANT LA COMMISSION.)
    lang.opens_title_rest(words.first().copied().unwrap_or("")) || (!signs_off(above, lang) && (words.len() <= 1 || lang.is_function_word(last)))
}

/// Whether a title line of a group, in a language that lists `title_rest_openers`, reads as a
/// name closing the piece above rather than a title: a signature naming no one (`signed_as`, an
/// article and a noun) or a name with an initial (a caption's M. NAME under a portrait). A name
/// without an initial is left alone: two words in capitals read as one as often as a title does.
pub fn signs_off(text: &str, lang: &Lang) -> bool {
    if lang.title_rest_openers.is_empty() {
        return false;
    }
    let t = text.trim();
    let initial = t.split_whitespace().any(|w| w.ends_with('.') && (2..=3).contains(&w.chars().count()) && w.chars().next().is_some_and(char::is_uppercase));
    crate::classify::apart::is_name(t, lang) && (initial || lang.signed_as.iter().any(|r| r.is_match(t)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangCode;

    #[test]
    fn a_rest_in_lower_case_runs_on_but_capitals_with_a_misread_first_letter_do_not() {
        let fr = Lang::get(LangCode::Fr);
        assert!(runs_on("LE PRESIDENT WILSON", "à l'Hôtel de Ville de Paris", fr));
        assert!(runs_on("M. WILSON", "auprès du maréchal Foch", fr));
        for caps in ["l5 CENTIMES", "la PLUS IMPORTANTE FA-"] {
            assert!(!runs_on("LE PETIT JOURNAL", caps, fr), "{caps}");
        }
    }
}
