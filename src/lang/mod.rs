//! Language knowledge as data: one table per language (zh, en, fr, de, and latin.toml for any
//! other language in Latin script), compiled once, plus script tests, the words of Latin text,
//! the linker's weights (`weights.toml` under each table's `[link]`, read by `params`) and the
//! classifier's and segmenter's thresholds (`weights.toml`'s `[classify]` under each table's own,
//! read by `thresholds`).

pub mod detect;
pub mod lexicon;
pub mod params;
mod pattern;
pub mod thresholds;
pub mod words;

pub use params::{Params, Tuning};
pub use pattern::Pattern;
pub use thresholds::Thresholds;
use crate::bits::Bits;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::OnceLock;

/// The languages newsseg has tables for. `Latin` is any other language written in Latin script
/// (Dutch, Italian, Spanish, ...), and a Latin page whose language the detector cannot tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LangCode {
    Zh,
    En,
    Fr,
    De,
    Latin,
}

impl LangCode {
    /// Every language, in the order detection weighs the Latin ones.
    pub const ALL: [LangCode; 5] = [LangCode::Zh, LangCode::En, LangCode::Fr, LangCode::De, LangCode::Latin];

    /// The page JSON's `language`: a BCP 47 tag, `und-Latn` ("undetermined, Latin script") for
    /// the fallback, so a consumer's tag parser reads every value.
    pub fn as_str(self) -> &'static str {
        match self {
            LangCode::Zh => "zh",
            LangCode::En => "en",
            LangCode::Fr => "fr",
            LangCode::De => "de",
            LangCode::Latin => "und-Latn",
        }
    }

    /// The language a page's `language` tag names.
    pub fn from_tag(tag: &str) -> Option<LangCode> {
        LangCode::ALL.into_iter().find(|c| c.as_str() == tag)
    }

    pub fn is_cjk(self) -> bool {
        matches!(self, LangCode::Zh)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLang {
    code: String,
    terminal: String,
    closers: String,
    #[serde(default)]
    openers: String,
    #[serde(default)]
    column_name_brackets: (String, String),
    nonstarters: String,
    #[serde(default)]
    bound_starters: String,
    #[serde(default)]
    ocr_confusions: Vec<(String, String)>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    dangling_finals: String,
    #[serde(default)]
    reported_speech: Vec<String>,
    #[serde(default)]
    numerals: String,
    deck_prefixes: Vec<String>,
    #[serde(default)]
    kicker_dashes: Vec<String>,
    #[serde(default)]
    headline_tag: Vec<String>,
    #[serde(default)]
    title_tail: Vec<String>,
    byline: Vec<String>,
    not_names: Vec<String>,
    dispatch: Vec<String>,
    dispatch_roles: Vec<String>,
    #[serde(default)]
    dateline: Vec<String>,
    #[serde(default)]
    roundup_item: Vec<String>,
    #[serde(default)]
    headings_open_pieces: bool,
    #[serde(default)]
    apart_headings_open_pieces: bool,
    #[serde(default)]
    sentence_case_titles: bool,
    #[serde(default)]
    headed_roundups: bool,
    #[serde(default)]
    titles_under_rubrics: bool,
    credit: Vec<String>,
    #[serde(default)]
    section_number: Vec<String>,
    #[serde(default)]
    standing_label: Vec<String>,
    #[serde(default)]
    photo_label: Vec<String>,
    #[serde(default)]
    notice_rubric: Vec<String>,
    #[serde(default)]
    notice_max_chars: u32,
    #[serde(default)]
    letter_address: Vec<String>,
    #[serde(default)]
    connectives: Vec<String>,
    #[serde(default)]
    credit_line: Vec<String>,
    #[serde(default)]
    signature: Vec<String>,
    #[serde(default)]
    signed_by: Vec<String>,
    #[serde(default)]
    signed_as: Vec<String>,
    #[serde(default)]
    signing_body: Vec<String>,
    #[serde(default)]
    dated_deck: Vec<String>,
    #[serde(default)]
    series_item: Vec<String>,
    caption: Vec<String>,
    #[serde(default)]
    photo_credit: Vec<String>,
    jump: Vec<String>,
    jump_tail: Vec<String>,
    running_head: Vec<String>,
    #[serde(default)]
    page_date: Vec<String>,
    #[serde(default)]
    page_number: Vec<String>,
    furniture: Vec<String>,
    #[serde(default)]
    banner: Vec<String>,
    stopwords: Vec<String>,
    #[serde(default)]
    function_words: Vec<String>,
    #[serde(default)]
    profile: Vec<String>,
    #[serde(default)]
    title_small_words: Vec<String>,
    #[serde(default)]
    letter_words: String,
    #[serde(default)]
    weekdays: Vec<String>,
    #[serde(default)]
    title_rest_openers: Vec<String>,
    #[serde(default)]
    name_joiners: Vec<String>,
    #[serde(default)]
    elisions: Vec<String>,
    #[serde(default)]
    hyphen_keeps: Vec<String>,
    #[serde(default)]
    link: toml::Table,
    #[serde(default)]
    classify: toml::Table,
}

/// One language's compiled table.
pub struct Lang {
    pub code: LangCode,
    pub terminal: Vec<char>,
    pub closers: Vec<char>,
    /// Opening quotes and brackets (“, 《, （): text does not end on one.
    pub openers: Vec<char>,
    /// The marks a column's name opens and closes in after a title (（人民观点）), as printed and
    /// as OCR engines misread them. Empty where the papers name no columns so.
    pub column_name_brackets: (Vec<char>, Vec<char>),
    pub nonstarters: Vec<char>,
    /// Words that lean on the word before them (的, 们, 吗): text starting with one was cut mid-sentence.
    pub bound_starters: Vec<char>,
    /// Common OCR misreadings, as (misread, printed).
    pub ocr_confusions: Vec<(String, String)>,
    /// Words written with a full stop that does not end the sentence (Mr., Dr.).
    pub abbreviations: Vec<String>,
    pub dangling_finals: Vec<char>,
    /// A clause of reported speech (陶忠虎称，…): prose, never a heading.
    pub reported_speech: Vec<Pattern>,
    /// Numerals written as characters (一, 十, 〇): what a numbered paragraph (一、) opens with.
    pub numerals: Vec<char>,
    pub deck_prefixes: Vec<String>,
    /// Dashes a kicker ends on, pointing at the title under it (X——), as printed and as OCR
    /// engines read them.
    pub kicker_dashes: Vec<String>,
    pub headline_tag: Vec<Pattern>,
    /// A headline's rest read away from it, down its story's first column: a bracketed column
    /// name alone, or a title word or two carried over with it (矿脉 (体坛观澜)).
    pub title_tail: Vec<Pattern>,
    pub byline: Vec<Pattern>,
    pub not_names: Vec<String>,
    pub dispatch: Vec<Pattern>,
    pub dispatch_roles: Vec<String>,
    pub dateline: Vec<Pattern>,
    /// A dateline (as `dateline` captures it) that, under no headline of its own, opens the next
    /// dispatch of a news roundup (PARIS, 2 décembre., Neapel, 22. Nov., LONDON, Feb. 16.): an
    /// item of the roundup running above it, not a story of its own.
    pub roundup_item: Vec<Pattern>,
    /// The language's papers head no sections inside a piece (their reports run on, or number
    /// their parts): a heading set after finished text opens a piece of its own, whatever the
    /// text around it is about.
    pub headings_open_pieces: bool,
    /// The same, but only for a heading set apart by blank space above and below it, in capitals
    /// or closed by a full stop: the language's papers head sections tight against their text
    /// (LAW. / INSOLVENCY COURT. over the report), and set a piece's title off from the piece
    /// above. (A modern line in title case set apart, without a stop, is as often a list's item
    /// or a headline printed away from its text.)
    pub apart_headings_open_pieces: bool,
    /// The language's papers set titles in body type in sentence case too (Discours de M.
    /// Veillat, Der Kampf gegen das Bleiweiß.): a short line of it set apart may be a title.
    /// Where they do not (English sets them in capitals or title case), such a line is a
    /// paragraph of one sentence.
    pub sentence_case_titles: bool,
    /// The language's papers run short news as a roundup under a rubric in lower case, each item
    /// headed in capitals (Nouvelles Diverses / UN SAUVETAGE, CHRONIQUE DU FEU): see
    /// `classify::apart`'s roundups. Where they do not, a line in lower case over capitals is a
    /// poem's title or a line the OCR broke.
    pub headed_roundups: bool,
    /// The language's papers head a piece with a rubric in capitals over its own title in body
    /// type (RENNES / Les baisers de Strasbourg, LA SITUATION / Le budget des colonies): see
    /// `classify::apart`'s titles under rubrics. Where they do not, a short line set apart under
    /// capitals is an advertisement's address or a line of its text.
    pub titles_under_rubrics: bool,
    pub credit: Vec<Pattern>,
    /// How a section heading is numbered, bulleted or labelled (一、, （二）, ●, 延伸阅读): a lone
    /// heading so marked heads a section, not a story.
    pub section_number: Vec<Pattern>,
    /// A standing label over a story's summary box (核心阅读): the first line of a story's text,
    /// never its headline.
    pub standing_label: Vec<Pattern>,
    /// The standing headline of a picture story (图片报道): it heads a photo's text and its
    /// photographer's credit, wherever the OCR set the two down.
    pub photo_label: Vec<Pattern>,
    /// A rubric set in black letter over a run of classified notices (Sales by Auction., Wanted.),
    /// as the OCR reads that face: a few words closed by a full stop. Set apart over text, it
    /// heads every notice under it down to the next rubric (see `classify::apart::rubrics`).
    pub notice_rubric: Vec<Pattern>,
    /// Most characters of text a notice under a rubric runs to: a heading over more is weighed as
    /// any lone heading is.
    pub notice_max_chars: u32,
    /// The line a letter to the paper opens on (To the Editor of the Standard.): the letter's
    /// address, never a title, whatever its type; the letter stands in the correspondence run above.
    pub letter_address: Vec<Pattern>,
    /// Words a paragraph opens on that tie it to an argument made above it (实际上, However):
    /// such a paragraph goes on with a story, it does not open one.
    pub connectives: Vec<String>,
    /// A line of its own crediting the article's graphics or layout (制图：X): it closes the article above.
    pub credit_line: Vec<Pattern>,
    /// A line signing the piece above it (a reader's place and name, 辽宁沈阳市 王志平): the last
    /// line of that piece's text. Unlike a credit it does not close the story, as several signed
    /// letters may stand under one rubric.
    pub signature: Vec<Pattern>,
    /// A name on a line of its own closing a piece (PAUL DELÉAGE, Heinrich Keimer, G. D., Ein
    /// Schmelzer): the author's signature, a byline of the piece above where it stands at the
    /// piece's end. `names` captures the name.
    pub signed_by: Vec<Pattern>,
    /// A signature that names no one, a reader or a body by what they are (Ein Schmelzer, Der
    /// Vorstand): it opens on an article, which would make a `signed_by` line words cut off.
    /// `names` captures it.
    pub signed_as: Vec<Pattern>,
    /// A body or an office signing a notice (Der Vorstand): it closes the piece above whatever
    /// follows it.
    pub signing_body: Vec<Pattern>,
    /// A date alone in brackets (（2019年1月31日）): under a title it is the document's date, a line
    /// of the headline group; elsewhere a note that closes the text above.
    pub dated_deck: Vec<Pattern>,
    /// A kicker line and the title under it that, in two bylined stories of a page, mark reports of
    /// one series (河南卢氏县兴贤里社区—— over “…”); empty, or exactly these two.
    pub series_item: Vec<Pattern>,
    pub caption: Vec<Pattern>,
    /// A photographer's credit on a line of its own (刘念海摄（人民视觉）): it closes the photo
    /// story above, where it is printed.
    pub photo_credit: Vec<Pattern>,
    pub jump: Vec<Pattern>,
    pub jump_tail: Vec<Pattern>,
    pub running_head: Vec<Pattern>,
    /// Which running heads are the date, and which its page number (the page JSON's
    /// `furniture` says which is which).
    pub page_date: Vec<Pattern>,
    pub page_number: Vec<Pattern>,
    pub furniture: Vec<Pattern>,
    /// A banner over a piece, the paper's and not the piece's title (FEUILLETON DU GAULOIS, over
    /// the serial novel): furniture, under which a piece begins.
    pub banner: Vec<Pattern>,
    pub stopwords: FxHashSet<String>,
    /// Words a sentence or a headline line does not end on (the, of, to): text cut after one goes on.
    pub function_words: FxHashSet<String>,
    /// The language's commonest words, lower case, which its running text is full of and other
    /// languages' is not: what detection counts on a page.
    pub profile: FxHashSet<String>,
    /// Words a title in title case leaves in lower case (of, the): they do not make it prose.
    pub title_small_words: Vec<String>,
    /// The words of one letter the language writes in lower case (a, à, y): any other letter alone
    /// before a capital at a text's opening (i Un tel mélange…) is a speck the OCR engine read off
    /// an ornament or a drop cap.
    pub letter_words: Vec<char>,
    /// The days of the week, lower case: a dateline's place is never one (WEDNESDAY, AUGUST 2. is
    /// a court's sitting date over its cases, not a dispatch from a place).
    pub weekdays: FxHashSet<String>,
    /// Words the rest of a wrapped title line opens on (de, et): where the language lists them, a
    /// title line opening on another word (an article, a noun) is a title of its own. Empty: any
    /// function word.
    pub title_rest_openers: FxHashSet<String>,
    /// What stands between two names of one byline (" and ", " et "), tried in order.
    pub name_joiners: Vec<String>,
    /// Elided words written onto the next with an apostrophe (l', d', qu'), lower case without
    /// the apostrophe: "l'Assemblée" is the word "Assemblée" for what a text is about.
    pub elisions: Vec<String>,
    /// Words that, right after a hyphen at a line's end, show the hyphen is printed (dit-|il,
    /// Ein-|und Ausfuhr), not a word broken by the line.
    pub hyphen_keeps: FxHashSet<String>,
    /// The linker's weights where this language's papers differ from `WEIGHTS` (its `[link]`
    /// table), read by `link::params`.
    pub link: toml::Table,
    /// The classifier's and segmenter's thresholds: `weights.toml`'s `[classify]` under this
    /// language's own.
    pub classify: Thresholds,
}

/// The linker's weights every language starts from (`weights.toml`), and under `[classify]` the
/// classifier's and segmenter's thresholds.
pub const WEIGHTS: &str = include_str!("weights.toml");

fn compile(list: &[String], what: &str, code: &str) -> Vec<Pattern> {
    list.iter()
        .map(|p| Pattern::new(p).unwrap_or_else(|e| panic!("{code}.toml: bad {what} pattern {p:?}: {e}")))
        .collect()
}

impl Lang {
    fn load(src: &str) -> Lang {
        let raw: RawLang = toml::from_str(src).expect("language table is valid TOML");
        let code = LangCode::from_tag(&raw.code).unwrap_or_else(|| panic!("no such language code {}", raw.code));
        let c = raw.code.as_str();
        Lang {
            code,
            terminal: raw.terminal.chars().collect(),
            closers: raw.closers.chars().collect(),
            openers: raw.openers.chars().collect(),
            column_name_brackets: (raw.column_name_brackets.0.chars().collect(), raw.column_name_brackets.1.chars().collect()),
            nonstarters: raw.nonstarters.chars().collect(),
            bound_starters: raw.bound_starters.chars().collect(),
            ocr_confusions: raw.ocr_confusions,
            abbreviations: raw.abbreviations,
            dangling_finals: raw.dangling_finals.chars().collect(),
            reported_speech: compile(&raw.reported_speech, "reported_speech", c),
            numerals: raw.numerals.chars().collect(),
            deck_prefixes: raw.deck_prefixes,
            kicker_dashes: raw.kicker_dashes,
            headline_tag: compile(&raw.headline_tag, "headline_tag", c),
            title_tail: compile(&raw.title_tail, "title_tail", c),
            byline: compile(&raw.byline, "byline", c),
            not_names: raw.not_names,
            dispatch: compile(&raw.dispatch, "dispatch", c),
            dispatch_roles: raw.dispatch_roles,
            dateline: compile(&raw.dateline, "dateline", c),
            roundup_item: compile(&raw.roundup_item, "roundup_item", c),
            headings_open_pieces: raw.headings_open_pieces,
            apart_headings_open_pieces: raw.apart_headings_open_pieces,
            sentence_case_titles: raw.sentence_case_titles,
            headed_roundups: raw.headed_roundups,
            titles_under_rubrics: raw.titles_under_rubrics,
            credit: compile(&raw.credit, "credit", c),
            section_number: compile(&raw.section_number, "section_number", c),
            standing_label: compile(&raw.standing_label, "standing_label", c),
            photo_label: compile(&raw.photo_label, "photo_label", c),
            notice_rubric: compile(&raw.notice_rubric, "notice_rubric", c),
            notice_max_chars: raw.notice_max_chars,
            letter_address: compile(&raw.letter_address, "letter_address", c),
            connectives: raw.connectives,
            credit_line: compile(&raw.credit_line, "credit_line", c),
            signature: compile(&raw.signature, "signature", c),
            signed_by: compile(&raw.signed_by, "signed_by", c),
            signed_as: compile(&raw.signed_as, "signed_as", c),
            signing_body: compile(&raw.signing_body, "signing_body", c),
            dated_deck: compile(&raw.dated_deck, "dated_deck", c),
            series_item: compile(&raw.series_item, "series_item", c),
            caption: compile(&raw.caption, "caption", c),
            photo_credit: compile(&raw.photo_credit, "photo_credit", c),
            jump: compile(&raw.jump, "jump", c),
            jump_tail: compile(&raw.jump_tail, "jump_tail", c),
            running_head: compile(&raw.running_head, "running_head", c),
            page_date: compile(&raw.page_date, "page_date", c),
            page_number: compile(&raw.page_number, "page_number", c),
            furniture: compile(&raw.furniture, "furniture", c),
            banner: compile(&raw.banner, "banner", c),
            stopwords: raw.stopwords.into_iter().collect(),
            function_words: raw.function_words.into_iter().collect(),
            profile: raw.profile.into_iter().collect(),
            title_small_words: raw.title_small_words,
            letter_words: raw.letter_words.chars().collect(),
            weekdays: raw.weekdays.into_iter().collect(),
            title_rest_openers: raw.title_rest_openers.into_iter().collect(),
            name_joiners: raw.name_joiners,
            elisions: raw.elisions,
            hyphen_keeps: raw.hyphen_keeps.into_iter().collect(),
            link: raw.link,
            classify: Thresholds::over_defaults(&raw.classify, c).unwrap_or_else(|e| panic!("{c}.toml: {e}")),
        }
    }

    pub fn get(code: LangCode) -> &'static Lang {
        static ZH: OnceLock<Lang> = OnceLock::new();
        static EN: OnceLock<Lang> = OnceLock::new();
        static FR: OnceLock<Lang> = OnceLock::new();
        static DE: OnceLock<Lang> = OnceLock::new();
        static LATIN: OnceLock<Lang> = OnceLock::new();
        match code {
            LangCode::Zh => ZH.get_or_init(|| Lang::load(include_str!("zh.toml"))),
            LangCode::En => EN.get_or_init(|| Lang::load(include_str!("en.toml"))),
            LangCode::Fr => FR.get_or_init(|| Lang::load(include_str!("fr.toml"))),
            LangCode::De => DE.get_or_init(|| Lang::load(include_str!("de.toml"))),
            LangCode::Latin => LATIN.get_or_init(|| Lang::load(include_str!("latin.toml"))),
        }
    }

    /// Whether newsseg bundles a word list for the Latin words of this language's pages: the
    /// English list, for English pages and the English words a Chinese page quotes. Without one,
    /// nothing is mended and only the page's own words tell a broken word from two.
    pub fn has_word_list(&self) -> bool {
        match self.code {
            LangCode::En | LangCode::Zh => true,
            LangCode::Fr | LangCode::De | LangCode::Latin => false,
        }
    }

    /// Whether `text` ends a sentence: a terminal mark, optionally followed by closing quotes or brackets.
    pub fn ends_sentence(&self, text: &str) -> bool {
        for (i, c) in text.char_indices().rev() {
            if self.terminal.contains(&c) {
                // "Mr." or an initial ("H.") ends a word, not a sentence.
                if c == '.' {
                    let word = text[..i].rsplit(|x: char| x.is_whitespace()).next().unwrap_or("");
                    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                    if initial || self.abbreviations.iter().any(|a| a == word) {
                        return false;
                    }
                }
                return true;
            }
            if self.closers.contains(&c) || c.is_whitespace() {
                continue;
            }
            return false;
        }
        false
    }

    /// Whether a heading ends in a bracketed column name, as headlines do (标题（人民观点）), or is a
    /// picture story's standing headline (图片报道).
    pub fn is_tagged(&self, heading: &str) -> bool {
        let t = heading.trim();
        self.headline_tag.iter().any(|r| r.is_match(t)) || self.is_photo_label(t)
    }

    /// Whether a line signs the piece above it (`signature`: a reader's place and name, ——编者).
    pub fn is_signature(&self, line: &str) -> bool {
        let t = line.trim();
        self.signature.iter().any(|r| r.is_match(t))
    }

    /// Whether a title line ends on a dash pointing at the title under it (`kicker_dashes`).
    pub fn ends_kicker(&self, line: &str) -> bool {
        let t = line.trim_end();
        self.kicker_dashes.iter().any(|d| t.ends_with(d.as_str()))
    }

    /// Whether a line ends by opening a column's name the OCR engine left unclosed (台北孔庙的前世今生
    /// 〈宝岛纪行, its closer lost or read onto the next line): after a title, an opener of
    /// `column_name_brackets` and a short name, with no clause mark and nothing closed after it.
    pub fn opens_column_name(&self, line: &str) -> bool {
        let t = line.trim_end();
        let opens = &self.column_name_brackets.0;
        let Some((k, c)) = t.char_indices().rev().find(|&(_, c)| opens.contains(&c) || self.column_name_brackets.1.contains(&c)) else { return false };
        let (title, name) = (&t[..k], &t[k + c.len_utf8()..]);
        opens.contains(&c)
            && title.chars().filter(|&c| is_cjk(c)).count() >= COLUMN_TITLE_MIN_CJK
            && (1..=COLUMN_NAME_MAX).contains(&name.chars().count())
            && name.chars().all(|c| is_cjk(c) || c == '·' || c == '.' || c == '。' || c.is_whitespace())
    }

    /// Whether a line is a headline's rest printed away from it (`title_tail`).
    pub fn is_title_tail(&self, line: &str) -> bool {
        let t = line.trim();
        self.title_tail.iter().any(|r| r.is_match(t))
    }

    /// Whether a Chinese title line is a scrap the OCR engine read off a picture (品, 了邢,
    /// 11.73亿人) or off a title's misread character, not words: at most `SCRAP_MAX_CJK` CJK
    /// characters, and neither a column name nor a title's bracketed rest.
    pub fn is_scrap(&self, text: &str) -> bool {
        text.chars().filter(|&c| is_cjk(c)).count() <= SCRAP_MAX_CJK && !self.is_tagged(text) && !self.is_title_tail(text)
    }

    /// Whether a heading is numbered or bulleted like a section: 一、, （二）, ●.
    pub fn is_section_numbered(&self, heading: &str) -> bool {
        let t = heading.trim();
        self.section_number.iter().any(|r| r.is_match(t))
    }

    /// Whether a dateline (as `dateline` captured it) opens an item of a news roundup.
    pub fn is_roundup_item(&self, dateline: &str) -> bool {
        let t = dateline.trim();
        self.roundup_item.iter().any(|r| r.is_match(t))
    }

    /// Whether a line reads as a rubric over classified notices (`notice_rubric`).
    pub fn is_notice_rubric(&self, line: &str) -> bool {
        let t = line.trim();
        self.notice_rubric.iter().any(|r| r.is_match(t))
    }

    /// Whether a line is a letter's address to the editor (`letter_address`).
    pub fn is_letter_address(&self, line: &str) -> bool {
        let t = line.trim();
        self.letter_address.iter().any(|r| r.is_match(t))
    }

    /// Whether a heading is a standing label over a story's summary (核心阅读).
    pub fn is_standing_label(&self, heading: &str) -> bool {
        let t = heading.trim();
        self.standing_label.iter().any(|r| r.is_match(t))
    }

    /// Whether a heading is a picture story's standing headline (`photo_label`).
    pub fn is_photo_label(&self, heading: &str) -> bool {
        let t = heading.trim();
        self.photo_label.iter().any(|r| r.is_match(t))
    }

    /// Whether a paragraph opens on a connective (实际上，…; However, …). Latin connectives are
    /// whole words.
    pub fn opens_on_connective(&self, text: &str) -> bool {
        let t = text.trim_start();
        self.connectives.iter().any(|c| {
            t.strip_prefix(c.as_str()).is_some_and(|rest| self.code.is_cjk() || rest.starts_with(|x: char| !x.is_alphanumeric()))
        })
    }

    pub fn is_function_word(&self, w: &str) -> bool {
        !w.is_empty() && self.function_words.contains(&w.to_lowercase())
    }

    /// Whether a title line opening on `w` may be the rest of the line above: `w` is one of the
    /// language's `title_rest_openers` (its letters before an elision's apostrophe, D'ALSACE), or
    /// where it lists none, a function word.
    pub fn opens_title_rest(&self, w: &str) -> bool {
        if self.title_rest_openers.is_empty() {
            return self.is_function_word(w);
        }
        let head = w.split(['\'', '’']).next().unwrap_or("");
        let letters: String = head.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        !letters.is_empty() && self.title_rest_openers.contains(&letters)
    }

    /// The first of the language's dateline shapes that `text` opens on, unless what stands for the
    /// place is a day of the week (see `weekdays`).
    pub fn dateline_captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        let c = self.dateline.iter().find_map(|r| r.captures(text))?;
        // (Lower-cased only where the language lists its weekdays: every dated line is asked.)
        let weekday = || {
            let place = c.name("dateline").map_or("", |m| m.as_str()).split([',', '.']).next().unwrap_or("");
            self.weekdays.contains(&place.trim().to_lowercase())
        };
        (self.weekdays.is_empty() || !weekday()).then_some(c)
    }

    /// Whether a text opens on a speck before its first word: a lower-case letter alone that is no
    /// word of the language (see `letter_words`), then a capital.
    pub fn opens_on_speck(&self, text: &str) -> bool {
        let mut words = text.split_whitespace();
        let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
        let mut cs = first.chars();
        let letter = cs.next().filter(|c| c.is_lowercase() && cs.next().is_none());
        letter.is_some_and(|c| !self.letter_words.contains(&c)) && second.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_stopword(&self, w: &str) -> bool {
        self.stopwords.contains(w)
    }

    /// Whether a word (its letters, whatever marks stand around them) is one title case leaves in
    /// lower case in the language (of, the, to).
    pub fn is_title_small(&self, word: &str) -> bool {
        let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        self.title_small_words.contains(&letters)
    }
}

/// The built-in English word list (SCOWL size 35, American and British; see en_words.LICENSE).
pub fn en_words() -> &'static FxHashSet<&'static str> {
    static W: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    W.get_or_init(|| include_str!("en_words.txt").lines().collect())
}

/// Letter properties as bitmaps, built once from the standard library's own answers: the same
/// answers, without a search of Unicode's tables for every CJK punctuation mark or accented letter
/// of a page. They cover Latin, Greek, Cyrillic, punctuation and symbols up to U+33FF, and the
/// compatibility, presentation and full-width forms from U+F900; the ideographs between are told
/// apart by `is_cjk` before these are asked, and anything else asks the standard library.
struct Props {
    alphabetic: Bits,
    uppercase: Bits,
    numeric: Bits,
}

/// Most CJK characters a Chinese title line may hold and be a scrap the OCR engine read off a
/// picture rather than words (`Lang::is_scrap`). A real kicker that short (社论) is no headline
/// over a title line either.
const SCRAP_MAX_CJK: usize = 2;
/// Most characters of a column's name before its closer (人民观察, 新春走基层·代表委员履职 runs
/// longer, cut by the line's end).
const COLUMN_NAME_MAX: usize = 8;
/// Least CJK characters of the title before a column's name: a line that is mostly the name is a
/// label, not a title with its name.
const COLUMN_TITLE_MIN_CJK: usize = 4;

const LOW_END: u32 = 0x3400;
const HIGH_START: u32 = 0xF900;

/// Where code point `c` (in one of the two covered ranges) sits in the bitmaps.
fn prop_index(c: u32) -> Option<usize> {
    match c {
        0..LOW_END => Some(c as usize),
        HIGH_START..0x10000 => Some((c - HIGH_START + LOW_END) as usize),
        _ => None,
    }
}

fn props() -> &'static Props {
    static P: OnceLock<Props> = OnceLock::new();
    P.get_or_init(|| {
        let bits = |p: fn(char) -> bool| -> Bits {
            let mut v = Bits::new((LOW_END + 0x10000 - HIGH_START) as usize);
            for c in (0x80..LOW_END).chain(HIGH_START..0x10000).filter_map(char::from_u32).filter(|c| p(*c)) {
                v.set(prop_index(c as u32).expect("covered"));
            }
            v
        };
        Props { alphabetic: bits(char::is_alphabetic), uppercase: bits(char::is_uppercase), numeric: bits(char::is_numeric) }
    })
}

/// `char::is_alphabetic`, looked up.
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match prop_index(c as u32) {
        Some(i) => props().alphabetic.get(i),
        None => c.is_alphabetic(),
    }
}

/// `char::is_uppercase`, looked up.
pub fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match prop_index(c as u32) {
        Some(i) => props().uppercase.get(i),
        None => c.is_uppercase(),
    }
}

/// `char::is_alphanumeric`, looked up.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match prop_index(c as u32) {
        Some(i) => props().alphabetic.get(i) || props().numeric.get(i),
        None => c.is_alphanumeric(),
    }
}

/// Han ideographs, kana and hangul: characters of CJK running text.
#[inline]
pub fn is_cjk(c: char) -> bool {
    // Everything below U+3005 (ASCII, Latin, punctuation) is out at the first comparison.
    c as u32 >= 0x3005
        && matches!(c as u32,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0xF900..=0xFAFF
            | 0x3040..=0x30FF | 0xAC00..=0xD7AF | 0x3005 | 0x3007)
}

/// CJK punctuation and full-width forms: marks that only occur in CJK running text.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0xFE30..=0xFE4F)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// A character that sets CJK context for its neighbours.
pub fn is_cjk_context(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

#[cfg(test)]
mod tables;

#[cfg(test)]
mod tests;
