//! Seam plausibility: how likely it is that one piece of text goes on in another, judged at the cut.

use super::grams::{gram_head, gram_tail, Grams, PageGrams};
use crate::blocks::Start;
use crate::lang::{is_cjk, Lang, Params};

/// A scored seam, with what the score rests on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seam {
    pub score: f32,
    pub evidence: Vec<String>,
}

fn last_word(s: &str) -> &str {
    let t = s.trim_end();
    let start = t.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    &t[start..]
}

fn first_word(s: &str) -> &str {
    let t = s.trim_start();
    let end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    &t[..end]
}

/// What the seam tests read of one text at its start (as the text after a cut) and, for a text
/// that may be the one before a cut, at its end. A page's seams pair each of its open ends with
/// each of its paragraphs, so these are worked out once per block rather than once per pair;
/// what only a rare seam asks (brackets left open, a list of noted items) is left to it.
#[derive(Debug, Clone)]
pub struct Ends<'a> {
    text: &'a str,
    // Latin: the words meeting at a cut.
    last_word: &'a str,
    first_word: &'a str,
    /// Ends on a letter (untrimmed), on a hyphen (trimmed).
    ends_alpha: bool,
    ends_hyphen: bool,
    /// The first word starts in lower case.
    lower_start: bool,
    last_is_function: bool,
    // Chinese: the strings and the segmentation at a cut.
    gram_tail: Grams,
    gram_head: Grams,
    cut_tail: crate::lang::lexicon::Side,
    cut_head: crate::lang::lexicon::Side,
    /// Starts with an opening bracket.
    opens_bracket: bool,
    /// By pair of `PAIRS`: the text closes the pair before opening another (`closes_first`).
    closes_first: u8,
    /// Opens with the note of an item of a list that goes on (`list_head`).
    list_head: bool,
}

impl<'a> Ends<'a> {
    /// `text`'s ends; what it ends with only if `as_tail` (the text may be the one before a cut).
    pub fn of(text: &'a str, lang: &Lang, as_tail: bool) -> Ends<'a> {
        let mut e = Ends {
            text,
            last_word: "",
            first_word: "",
            ends_alpha: false,
            ends_hyphen: false,
            lower_start: false,
            last_is_function: false,
            gram_tail: Grams::default(),
            gram_head: Grams::default(),
            cut_tail: Default::default(),
            cut_head: Default::default(),
            opens_bracket: false,
            closes_first: 0,
            list_head: false,
        };
        if !lang.code.is_cjk() {
            e.first_word = first_word(text);
            e.lower_start = e.first_word.chars().next().is_some_and(char::is_lowercase);
            if as_tail {
                e.ends_alpha = text.ends_with(|c: char| c.is_alphabetic());
                e.ends_hyphen = text.trim_end().ends_with('-');
                // Before a hyphen at the cut, the word's first half (con- of con-|tinue).
                e.last_word = if e.ends_hyphen { last_word(text.trim_end().trim_end_matches('-')) } else { last_word(text) };
                e.last_is_function = lang.is_function_word(e.last_word);
            }
        } else {
            e.gram_head = gram_head(text);
            e.cut_head = crate::lang::lexicon::cut_head(text);
            e.opens_bracket = text.trim_start().starts_with(['（', '(']);
            e.closes_first = closes_first(text);
            e.list_head = list_head(text);
            if as_tail {
                e.gram_tail = gram_tail(text);
                e.cut_tail = crate::lang::lexicon::cut_tail(text);
            }
        }
        e
    }
}

/// How plausible it is that `prev` (ending open or not) continues with `next`, judged with the page's
/// own strings (`grams`).
pub fn score(prev: &str, prev_open: bool, prev_full: bool, next: &str, next_start: Start, lang: &Lang, grams: &PageGrams) -> Seam {
    score_ends(&Ends::of(prev, lang, true), prev_open, prev_full, &Ends::of(next, lang, false), next_start, lang, grams, &Params::for_lang(lang), true)
}

/// The score [`score`] gives, without putting its evidence into words (what the assignment asks
/// for, many times per page).
pub fn score_only(prev: &str, prev_open: bool, prev_full: bool, next: &str, next_start: Start, lang: &Lang, grams: &PageGrams) -> f32 {
    score_ends(&Ends::of(prev, lang, true), prev_open, prev_full, &Ends::of(next, lang, false), next_start, lang, grams, &Params::for_lang(lang), false).score
}

/// [`score`] of two texts' [`Ends`] (`prev`'s taken as a tail when `prev_open`), with its
/// evidence in words if `evidence` is set. Every weight is a `Params` field (`seam_*`).
#[allow(clippy::too_many_arguments)]
pub fn score_ends(prev: &Ends, prev_open: bool, prev_full: bool, next: &Ends, next_start: Start, lang: &Lang, grams: &PageGrams, w: &Params, evidence: bool) -> Seam {
    let mut s = Seam::default();
    let mut add = |v: f32, why: &dyn Fn() -> String| {
        s.score += v;
        if evidence {
            s.evidence.push(why());
        }
    };
    match (prev_open, next_start) {
        (true, Start::Mid) => add(w.seam_cut_mid, &|| "cut mid-sentence, resumes mid-sentence".into()),
        (true, Start::Cont) => add(w.seam_cut_cont, &|| "cut mid-sentence, resumes mid-paragraph".into()),
        // A column's top resuming a paragraph under one that finished its sentence: the same
        // paragraph only if the column broke exactly between two sentences; more often another's.
        (false, Start::Cont) => add(w.seam_done_cont, &|| "finished sentence, next resumes a paragraph from elsewhere".into()),
        (true, Start::Unknown) => add(w.seam_cut, &|| "cut mid-sentence".into()),
        (true, Start::Fresh) => add(w.seam_cut_fresh, &|| "cut mid-sentence, but next starts a paragraph".into()),
        (false, Start::Mid) => add(w.seam_done_mid, &|| "finished sentence, but next starts mid-sentence".into()),
        // A paragraph whose last line fills the column was not finished there.
        (false, Start::Unknown) if prev_full => add(w.seam_full_column, &|| "paragraph runs to the column's foot".into()),
        (false, _) => {}
    }
    if !prev_open {
        return s;
    }
    if !lang.code.is_cjk() {
        // A whole made of the two sides is a word anywhere on the page; a side alone, only where
        // the page spells it other than at this cut.
        let (whole, half) = (|w: &str| grams.is_word(w, 0, lang), |w: &str| grams.is_word(w, 1, lang));
        let (lw, nw) = (prev.last_word, next.first_word);
        // A word ends the text before the cut and another opens the text after it.
        let words_meet = !lw.is_empty() && !nw.is_empty() && prev.ends_alpha;
        if prev.ends_hyphen && next.lower_start {
            add(w.seam_hyphen, &|| "hyphen at the cut".into());
            // The halves make a word the page or the word list knows (con|tinue, for|mer): this
            // text, and not any other lower-case start, goes on. A first half that is a word by
            // itself (for-) says no less: another text rarely completes it into a word.
            if !lw.is_empty() && joined_lower(lw, nw, whole) {
                add(w.seam_hyphen_word, &|| format!("word split at the cut: {lw}-|{nw}"));
            }
        } else if words_meet
            && next.lower_start
            && joined_lower(lw, nw, whole)
            && !(joined_lower(lw, "", half) && joined_lower(nw, "", half))
        {
            add(w.seam_word_across, &|| format!("word split at the cut: {lw}|{nw}"));
        }
        if prev.last_is_function && next_start != Start::Fresh {
            add(w.seam_after_function, &|| format!("cut after '{lw}'"));
        }
        if words_meet && grams.has_pair(lw, nw) {
            add(w.seam_pair_elsewhere, &|| format!("'{lw} {nw}' occurs elsewhere on the page"));
        }
    } else {
        if let Some((i, j)) = grams.across_sides(&prev.gram_tail, &next.gram_head) {
            let w = match i + j {
                2 => w.seam_gram_2,
                3 => w.seam_gram_3,
                _ => w.seam_gram_more,
            };
            add(w, &|| {
                let (l, r) = grams.across(prev.text, next.text).expect("found above");
                format!("'{l}|{r}' occurs elsewhere on the page")
            });
        }
        if crate::lang::lexicon::word_across(&prev.cut_tail, &next.cut_head).is_some() {
            add(w.seam_cjk_word, &|| {
                let (l, r) = crate::lang::lexicon::split_word(prev.text, next.text).expect("found above");
                format!("word split at the cut: {l}|{r}")
            });
        }
        if next.list_head && list_tail(prev.text) {
            add(w.seam_list, &|| "a list of X（Y） items resumes".into());
        } else if next.opens_bracket && open_bracket(prev.text) {
            add(w.seam_bracket_reopened, &|| "a bracket left open, but next opens another".into());
        }
        // The first pair the text after closes first that the text before leaves open.
        if next.closes_first != 0
            && let Some(&(o, c)) = PAIRS.iter().enumerate().find(|&(k, _)| next.closes_first >> k & 1 == 1 && leaves_open(prev.text, k)).map(|(_, p)| p)
        {
            add(w.seam_bracket_closed, &|| format!("closes the {o}…{c} left open"));
        }
    }
    s
}

/// What two pieces' measures (`Block::measure`) take from the seam between them: nothing where
/// they are within `measure_gap_low` of each other, all of `seam_measure_apart` from
/// `measure_gap_high` apart, a share of it between.
pub fn measure_gap(a: u32, b: u32, w: &Params) -> Option<f32> {
    let share = measure_share(a, b, w);
    (share > 0.0 && w.seam_measure_apart != 0.0).then_some(share * w.seam_measure_apart)
}

/// How far apart two measures are, from 0 (within `measure_gap_low` of each other) to 1
/// (`measure_gap_high` apart or more).
pub fn measure_share(a: u32, b: u32, w: &Params) -> f32 {
    let (a, b) = (a as f32, b as f32);
    let gap = (a - b).abs() / a.max(b).max(1.0);
    ((gap - w.measure_gap_low) / (w.measure_gap_high - w.measure_gap_low).max(f32::EPSILON)).clamp(0.0, 1.0)
}

/// `f` asked about `a` and `b` joined and lower-cased: built on the stack when they are short
/// and ASCII (nearly always), else as `format!("{a}{b}").to_lowercase()`.
fn joined_lower<T>(a: &str, b: &str, f: impl FnOnce(&str) -> T) -> T {
    let n = a.len() + b.len();
    if n <= 64 && a.is_ascii() && b.is_ascii() {
        let mut buf = [0u8; 64];
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()..n].copy_from_slice(b.as_bytes());
        buf[..n].make_ascii_lowercase();
        f(std::str::from_utf8(&buf[..n]).expect("ASCII"))
    } else {
        f(&format!("{a}{b}").to_lowercase())
    }
}

/// `…、曙光村（白鹤镇）、中步村` + `（赵巷镇）、新联村…`: a list whose items carry a bracketed note resumes
/// with the note of the item that was cut. This is the text after the cut: it opens with an
/// item's note, and the list goes on.
fn list_head(next: &str) -> bool {
    let n = next.trim_start();
    if !(n.starts_with('（') || n.starts_with('(')) {
        return false;
    }
    let head: String = n.chars().take(24).collect();
    head.contains("）、") || head.contains(")、") || head.contains("），") || head.contains("）。")
}

/// The text before the cut of a list that resumes (see [`list_head`]): a list of noted items, its
/// last item still lacking its note (中步村 goes on with （赵巷镇）, 邮电大楼（白鹤 does not).
fn list_tail(prev: &str) -> bool {
    let p = prev.trim_end();
    let tail: String = p.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
    let prev_lists = tail.contains("）、") || tail.contains(")、");
    prev_lists && !open_bracket(p) && p.chars().last().is_some_and(is_cjk)
}

const PAIRS: &[(char, char)] = &[('《', '》'), ('“', '”'), ('（', '）'), ('(', ')'), ('「', '」'), ('【', '】'), ('‘', '’')];

/// Whether the text after a cut closes a bracket or quote the text before left open (《共|和国报》),
/// the half after the cut: by pair of `PAIRS` (bit k for pair k), whether the text closes the pair
/// before it opens one, in its first 40 characters. [`leaves_open`] asks the text before.
fn closes_first(next: &str) -> u8 {
    let mut met: [Option<char>; PAIRS.len()] = [None; PAIRS.len()];
    for ch in next.chars().take(40) {
        if !matches!(ch, '《' | '》' | '“' | '”' | '（' | '）' | '(' | ')' | '「' | '」' | '【' | '】' | '‘' | '’') {
            continue;
        }
        for (k, &(o, c)) in PAIRS.iter().enumerate() {
            if met[k].is_none() && (ch == o || ch == c) {
                met[k] = Some(ch);
            }
        }
    }
    PAIRS.iter().enumerate().filter(|&(k, &(_, c))| met[k] == Some(c)).fold(0, |m, (k, _)| m | 1 << k)
}

/// Whether the text leaves pair `k` of `PAIRS` open: its last opener stands after its last closer.
fn leaves_open(prev: &str, k: usize) -> bool {
    let (o, c) = PAIRS[k];
    match (prev.rfind(o), prev.rfind(c)) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The text ends inside a bracket it opened.
fn open_bracket(s: &str) -> bool {
    let open = s.rfind(['（', '(']);
    let close = s.rfind(['）', ')']);
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangCode;

    #[test]
    fn english_seams() {
        let en = Lang::get(LangCode::En);
        let no = PageGrams::default();
        // A cut sentence resumed mid-sentence counts for; resumed after a finished one, against.
        let s = score("which are currently", true, false, "being discussed on Capitol Hill.", Start::Mid, en, &no);
        let done = score("which are current.", false, false, "being discussed on Capitol Hill.", Start::Mid, en, &no);
        assert!(s.score > 0.0 && done.score < 0.0, "{s:?} {done:?}");
        let s = score("can be used for desktop publ", true, false, "ishing, word processing", Start::Mid, en, &no);
        assert!(s.evidence.iter().any(|e| e.contains("publ|ishing")), "{s:?}");
        let s = score("The end.", false, false, "Another story begins", Start::Fresh, en, &no);
        assert_eq!(s.score, 0.0);
    }

    #[test]
    fn a_hyphenated_word_whose_first_half_is_a_word_is_told_by_its_whole() {
        // for-|mer: "for" is a word, and so is "former"; no other lower-case start makes one.
        let en = Lang::get(LangCode::En);
        let no = PageGrams::default();
        let whole = score("The hearing was told that the for-", true, false, "mer secretary of the club had left.", Start::Mid, en, &no);
        let other = score("The hearing was told that the for-", true, false, "the council had met on Monday.", Start::Mid, en, &no);
        assert!(whole.evidence.iter().any(|e| e.contains("for-|mer")), "{whole:?}");
        assert!(whole.score > other.score, "{whole:?} {other:?}");
    }

    #[test]
    fn a_latin_cut_between_words_the_page_pairs_elsewhere_scores_higher() {
        let en = Lang::get(LangCode::En);
        let page = PageGrams::of_words(["The company also said it would cut jobs.", "Sales rose. Also, the board met; said nothing."].into_iter());
        assert!(page.has_pair("ALSO", "Said"), "pairs are matched without case");
        assert!(!page.has_pair("rose", "also"), "no pair across a full stop");
        assert!(!page.has_pair("met", "said"), "nor across a semicolon");
        let with = score("VW also", true, false, "said it suspended six staff", Start::Mid, en, &page);
        let without = score("VW also", true, false, "said it suspended six staff", Start::Mid, en, &PageGrams::default());
        assert!(with.score > without.score, "{with:?}");
        assert!(with.evidence.iter().any(|e| e.contains("'also said'")), "{with:?}");
    }

    #[test]
    fn a_french_word_split_at_the_cut_is_told_by_the_page_alone() {
        let fr = Lang::get(LangCode::Fr);
        let texts = ["Les pompiers ont lutté con-", "tre le feu. Ils luttent contre tout.", "Un autre texte commence ici."];
        let page = PageGrams::of_words_in(texts.into_iter(), fr);
        assert_eq!((page.word_count("contre"), page.word_count("con"), page.word_count("tre")), (1, 1, 1));
        let split = score(texts[0], true, false, texts[1], Start::Mid, fr, &page);
        assert!(split.evidence.iter().any(|e| e.contains("con-|tre")), "{split:?}");
        let other = score(texts[0], true, false, "tout le monde le sait.", Start::Mid, fr, &page);
        assert!(split.score > other.score, "{split:?} {other:?}");
        // The English list is not asked: "contre" is no English word, and no page word here.
        assert!(!PageGrams::default().is_word("contre", 0, fr));
    }

    #[test]
    fn pair_characters_are_all_listed() {
        // closes_first skips characters outside its list: it must hold every pair's marks.
        for &(o, c) in PAIRS {
            for ch in [o, c] {
                assert!(matches!(ch, '《' | '》' | '“' | '”' | '（' | '）' | '(' | ')' | '「' | '」' | '【' | '】' | '‘' | '’'), "{ch}");
            }
        }
    }

    #[test]
    fn chinese_list_and_pairs() {
        let zh = Lang::get(LangCode::Zh);
        let grams = PageGrams::of(["所需材料", "在阿根廷举行"].into_iter());
        let s = score("如办理一项业务所", true, false, "需材料的“温馨提示便条”", Start::Unknown, zh, &grams);
        assert!(s.score > 1.5, "{s:?}");
        let s = score("宗教活动受到了法律保护。《共", true, false, "和国报》记者阿卜杜勒哈利姆表示", Start::Unknown, zh, &PageGrams::default());
        assert!(s.evidence.iter().any(|e| e.contains("《…》")), "{s:?}");
        let s = score("新年庙会在阿", true, false, "根廷国家公园", Start::Unknown, zh, &grams);
        assert!(s.evidence.iter().any(|e| e.contains("在阿|根廷")), "{s:?}");
        let s = score("天恩桥村（盈浦街道）、曙光村（白鹤镇）、中步村", true, false, "（赵巷镇）、新联村（重固镇）。", Start::Unknown, zh, &PageGrams::default());
        assert!(s.score > 1.5, "{s:?}");
        // Regression: an item cut inside its own note does not go on with another note.
        let s = score("外青松公路2965弄（白鹤镇）、邮电大楼（白鹤", true, false, "（赵巷镇）、新联村（重固镇）。", Start::Unknown, zh, &PageGrams::default());
        assert!(s.score < 0.0, "{s:?}");
    }

    #[test]
    fn measures_apart_take_from_the_seam_by_how_far_apart_they_are() {
        let w = Params { seam_measure_apart: 2.0, measure_gap_low: 0.1, measure_gap_high: 0.3, ..Params::for_lang(Lang::get(LangCode::En)) };
        // One column's measure, with OCR's ragged line ends: nothing.
        assert_eq!(measure_gap(60, 57, &w), None);
        // Two columns': all of it; in between, a share.
        assert_eq!(measure_gap(60, 40, &w), Some(2.0));
        let part = measure_gap(60, 48, &w).expect("a fifth apart");
        assert!((part - 1.0).abs() < 1e-4, "{part}");
        // A language that weighs no measure.
        assert_eq!(measure_gap(60, 40, &Params { seam_measure_apart: 0.0, ..w }), None);
        // The share a story's measure takes from a paragraph's cohesion with it: none within the
        // low gap, all from the high one, either way round.
        assert_eq!(measure_share(57, 60, &w), 0.0);
        assert_eq!(measure_share(40, 60, &w), 1.0);
        assert!((measure_share(48, 60, &w) - 0.5).abs() < 1e-4);
    }
}
