//! Classify: what each line and block of the page is (headline, byline, body, caption, furniture, ...), from its own shape.
//!
//! This stage looks at one block at a time; whether a heading-shaped block is a headline, a kicker,
//! a deck or a subhead depends on its neighbours and is settled by `segment`.

use crate::blocks::{Block, Layout};
use crate::clean::Line;
use crate::lang::Lang;
use regex::Regex;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::OnceLock;

pub mod apart;
pub mod labelled;

/// What a line of the page was taken for, as reported in the page JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Headline,
    Kicker,
    Deck,
    Subhead,
    Byline,
    Dateline,
    Body,
    Caption,
    Credit,
    Jump,
    Furniture,
    Noise,
}

/// A block's shape: what it looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Furniture,
    Noise,
    Heading,
    Byline,
    /// A dispatch or dateline standing alone as a line.
    Dateline,
    Caption,
    Credit,
    Jump,
    Body,
}

/// One person (or agency) credited by a byline.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Byline {
    /// The role word as printed: 本报记者, 通讯员, By, Special to, correspondent...
    pub role: String,
    /// One name; null where the byline names an organisation or a role only.
    pub name: Option<String>,
    /// The byline's whole text as cleaned.
    pub text: String,
}

/// Where a jump line sends the reader.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Jump {
    /// `to` (continued on) or `from` (continued from).
    pub direction: String,
    pub page: Option<String>,
    /// The keyword of a "See FIRE, Page A3" line.
    pub key: Option<String>,
    pub text: String,
}

/// How a block starts: does its first sentence begin here or further back?
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Start {
    /// Clearly a fresh paragraph (indented where the page indents).
    Fresh,
    Unknown,
    /// Goes on with a paragraph begun elsewhere: an unindented first line where the page indents its
    /// paragraphs (the sentence above may or may not have ended).
    Cont,
    /// Clearly the middle of a sentence (lower case, a comma).
    Mid,
}

impl Start {
    /// Continues text from elsewhere (mid-sentence or mid-paragraph).
    pub fn continues(self) -> bool {
        matches!(self, Start::Mid | Start::Cont)
    }
}

#[derive(Debug, Clone)]
pub struct Class {
    pub shape: Shape,
    pub bylines: Vec<Byline>,
    pub dateline: Option<String>,
    pub jump: Option<Jump>,
    /// Heading starting with a deck mark (——记…).
    pub deck_marker: bool,
    /// All capitals (Latin).
    pub caps: bool,
    /// Body text that stops mid-sentence.
    pub open_end: bool,
    pub start: Start,
    /// Byte length of a jump line glued to the end of the block's text, cut off from it.
    pub jump_tail: Option<usize>,
    /// A photographer's credit standing alone (本报记者 吕强摄): the story above ends with it.
    pub closes_story: bool,
    /// Set in headline type, as the page's geometry measured it (structured input only).
    pub display: bool,
    /// The headline group the page's geometry put the block in (structured input only).
    pub group: Option<u32>,
    /// Type size against the body text's, where the geometry measured it (0 for plain text).
    pub size: f32,
    /// A credit that is the author's signature (a name closing the piece): the piece's bylines,
    /// role "signature".
    pub signs: Vec<Byline>,
    /// A heading line that goes on the heading line above it: a headline the OCR gave as two or
    /// more lines (see `headwrap`), one title with it.
    pub wraps: bool,
    /// Furniture that is a banner over a piece (FEUILLETON DU GAULOIS): the piece under it
    /// begins there.
    pub banner: bool,
}

impl Class {
    /// A paragraph that carries a dispatch or a dateline ("本报北京2月3日电（记者X）", "MONTREAL, Feb 26 -")
    /// is the first paragraph of a story.
    pub fn opens_story(&self) -> bool {
        self.shape == Shape::Body && (!self.bylines.is_empty() || self.dateline.is_some())
    }

    /// A byline, a dateline, or a paragraph that opens a story: a heading set directly over one
    /// heads that story.
    pub fn starts_story(&self) -> bool {
        matches!(self.shape, Shape::Byline | Shape::Dateline) || self.opens_story()
    }

    pub(crate) fn of(shape: Shape) -> Class {
        Class {
            shape,
            bylines: Vec::new(),
            dateline: None,
            jump: None,
            deck_marker: false,
            caps: false,
            open_end: false,
            start: Start::Unknown,
            jump_tail: None,
            closes_story: false,
            display: false,
            group: None,
            size: 0.0,
            signs: Vec::new(),
            wraps: false,
            banner: false,
        }
    }
}

fn page_number_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(?:[-–—]\s*)?(?:(?i:page|p\.)\s*)?[A-Z]?\d{1,3}(?:\s*[-–—])?$|^第\s*\d{1,3}\s*页$|^[A-Z]\d{1,2}$")
            .expect("page number pattern")
    })
}

/// Whether a line is a bare page number (12, Page 4, A3, 第3页).
pub fn is_page_number(t: &str) -> bool {
    page_number_re().is_match(t)
}

/// Marks lines that are furniture (running heads, page numbers, desk credits, and a section label
/// standing among them) or noise; they become blocks of their own.
pub fn line_roles(lines: &[Line], lang: &Lang) -> Vec<Option<Role>> {
    let mut roles = own_roles(lines, lang);
    crate::furniture::edge_labels(lines, &mut roles, lang);
    roles
}

/// Each line's role as its own shape and place tell.
fn own_roles(lines: &[Line], lang: &Lang) -> Vec<Option<Role>> {
    let n = lines.len();
    let mut roles: Vec<Option<Role>> = (0..n)
        .map(|i| {
            let l = &lines[i];
            let t = l.text.as_str();
            if t.is_empty() {
                return Some(Role::Noise);
            }
            let st = &l.stats;
            // A line of nothing but closing marks (。”), or a character or two and its closing
            // marks (来。”, set down with them: a line may not open on a mark), right under text is
            // the end of a wrapped sentence, not noise.
            let mark = |c: &char| lang.terminal.contains(c) || lang.closers.contains(c) || lang.nonstarters.contains(c);
            let tail_marks = l.blank_before == 0
                && i > 0
                && st.chars <= 4
                && (t.chars().all(|c| mark(&c))
                    || (!lang.ends_sentence(&lines[i - 1].text) && t.chars().skip_while(|c| crate::lang::is_cjk(*c)).all(|c| mark(&c))));
            if !tail_marks && (st.wordy() == 0 || (st.chars >= 3 && st.wordy() * 10 < st.chars * 4)) {
                return Some(Role::Noise);
            }
            if st.chars > 120 {
                return None;
            }
            if lang.furniture.iter().chain(&lang.banner).any(|r| r.is_match(t)) {
                return Some(Role::Furniture);
            }
            if lang.credit_line.iter().any(|r| r.is_match(t)) {
                return Some(Role::Credit);
            }
            if l.md_heading > 0 {
                return None;
            }
            let edge = i < 3 || i + 3 >= n;
            let alone = l.blank_before > 0 && lines.get(i + 1).is_none_or(|x| x.blank_before > 0);
            let alone = alone || i == 0 || i + 1 == n;
            if (edge || alone) && lang.running_head.iter().any(|r| r.is_match(t)) {
                return Some(Role::Furniture);
            }
            if (edge || alone) && page_number_re().is_match(t) {
                return Some(Role::Furniture);
            }
            None
        })
        .collect();
    // The date set tight under a banner (FEUILLETON DU GAULOIS / DU 8 FÉVRIER 1882) is the
    // banner's, wherever it stands on the page.
    for i in 1..n {
        if roles[i].is_none() && roles[i - 1] == Some(Role::Furniture) && lines[i].blank_before == 0 && lang.running_head.iter().any(|r| r.is_match(&lines[i].text)) {
            roles[i] = Some(Role::Furniture);
        }
    }
    roles
}

/// Every block's class: a one-line block takes its line's role (furniture, noise, a credit line).
pub fn classify_all(blocks: &[Block], line_roles: &[Option<Role>], layout: &Layout, lang: &Lang) -> Vec<Class> {
    blocks
        .iter()
        .map(|b| {
            let role = if b.n_lines() == 1 { line_roles[b.lines.start] } else { None };
            let mut c = classify(b, role, layout, lang);
            c.banner = c.shape == Shape::Furniture && lang.banner.iter().any(|r| r.is_match(b.text.trim()));
            c
        })
        .collect()
}

/// The block's text with OCR's spaces inside CJK text taken out (a copy only where there are any).
fn squeeze(b: &Block) -> std::borrow::Cow<'_, str> {
    if b.cjk && b.text.contains(' ') { crate::clean::cjk::squeeze_spaces(&b.text).into() } else { b.text.as_str().into() }
}

/// Splits the names of a Chinese byline: separated by 、 ， or spaces; single characters padded with
/// spaces ("张 枨") are one name.
pub fn zh_names(s: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in s.split(['、', '，', ',', '；']) {
        let toks: Vec<&str> = part.split_whitespace().collect();
        let mut single = String::new();
        for t in toks {
            if t.chars().count() == 1 && single.chars().count() < 4 {
                single.push_str(t);
                continue;
            }
            if !single.is_empty() {
                names.push(std::mem::take(&mut single));
            }
            names.push(t.to_string());
        }
        if !single.is_empty() {
            names.push(single);
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Splits the names of a Latin byline at the table's joiners (" and ", " et ", " und ").
fn latin_names(s: &str, lang: &Lang) -> Vec<String> {
    let mut parts = vec![s];
    for j in &lang.name_joiners {
        parts = parts.into_iter().flat_map(|p| p.split(j.as_str())).collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim().trim_end_matches(['.', ',']).split(' ').map(letters_for_digits).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A name holds no digits: in a word of letters, 1 and 0 are OCR's reading of l and o (Al1an);
/// at the word's start, of I and O.
fn letters_for_digits(w: &str) -> String {
    if !w.chars().any(char::is_alphabetic) || !w.contains(['0', '1']) {
        return w.to_string();
    }
    w.chars()
        .enumerate()
        .map(|(i, c)| match (c, i) {
            ('1', 0) => 'I',
            ('0', 0) => 'O',
            ('1', _) => 'l',
            ('0', _) => 'o',
            _ => c,
        })
        .collect()
}

fn parse_byline(text: &str, lang: &Lang) -> Option<Vec<Byline>> {
    for re in &lang.byline {
        let Some(c) = re.captures(text) else { continue };
        let role = c.name("role").map(|m| m.as_str().trim().to_string()).unwrap_or_else(|| {
            let first = text.split_whitespace().next().unwrap_or("");
            if first.eq_ignore_ascii_case("by") { "By".into() } else { "credit".into() }
        });
        let names = c.name("names").map(|m| m.as_str().trim()).unwrap_or("");
        let org = c.name("org").map(|m| m.as_str().trim().to_string());
        let mut list = if lang.code.is_cjk() { zh_names(names) } else { latin_names(names, lang) };
        if list.iter().any(|n| lang.not_names.iter().any(|x| x == n)) {
            return None;
        }
        if list.is_empty() {
            list.extend(org.clone());
        }
        let whole = text.trim().to_string();
        if list.is_empty() {
            return Some(vec![Byline { role, name: None, text: whole }]);
        }
        return Some(list.into_iter().map(|n| Byline { role: role.clone(), name: Some(n), text: whole.clone() }).collect());
    }
    None
}

/// The names inside a dispatch's brackets: "记者王珂、郑海鸥", "记者冯雪珺 通讯员花放".
fn dispatch_names(inner: &str, lang: &Lang, text: &str) -> Vec<Byline> {
    let mut out = Vec::new();
    let mut role = "记者".to_string();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        if let Some(r) = lang.dispatch_roles.iter().find(|r| rest.starts_with(r.as_str())) {
            role = r.clone();
            rest = rest[r.len()..].trim_start();
            continue;
        }
        let next_role = lang.dispatch_roles.iter().filter_map(|r| rest.find(r.as_str())).filter(|&i| i > 0).min();
        let (chunk, tail) = match next_role {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        for n in zh_names(chunk) {
            if n.chars().count() <= 5 && n.chars().all(|c| crate::lang::is_cjk(c) || c == '·') {
                out.push(Byline { role: role.clone(), name: Some(n), text: text.to_string() });
            }
        }
        rest = tail.trim_start();
    }
    out
}

fn ends_open(text: &str, lang: &Lang) -> bool {
    if lang.ends_sentence(text) {
        return false;
    }
    // A paragraph ending in a colon introduces what follows: a list, a quotation.
    !text.trim_end().ends_with(['：', ':'])
}

pub(crate) fn is_caps(b: &Block) -> bool {
    b.stats.latin >= 2 && b.stats.upper * 10 >= b.stats.latin * 8
}

/// Whether a word is one title case leaves in lower case in the language (of, the, to).
pub(crate) fn title_small(word: &str, lang: &Lang) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    lang.title_small_words.iter().any(|x| *x == letters.to_lowercase())
}

/// A title in title case: its words capitalised but for the language's small words (of, the).
pub(crate) fn title_case(text: &str, lang: &Lang) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 || !words[0].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '<') {
        return false;
    }
    let mut caps = 0;
    for w in &words {
        // Ticker symbols (<slb>), numbers and quotes are not words that title case capitalises.
        if !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.is_empty() || lang.title_small_words.iter().any(|x| *x == letters.to_lowercase()) {
            continue;
        }
        if letters.chars().next().is_some_and(char::is_uppercase) {
            caps += usize::from(letters.chars().count() >= 3);
        } else {
            // A lower-case word that is not a small word: prose, not a title.
            return false;
        }
    }
    caps >= 2
}

fn heading_shaped(b: &Block, text: &str, lang: &Lang) -> bool {
    let st = &b.stats;
    let first = text.chars().next().unwrap_or(' ');
    if lang.nonstarters.contains(&first) {
        return false;
    }
    if lang.code.is_cjk() || b.cjk {
        let n = text.chars().count();
        if b.md_heading > 0 {
            return n <= 64 && !(n > 30 && lang.ends_sentence(text));
        }
        if b.n_lines() > 1 && !b.stacked {
            return false;
        }
        // A kicker ends in a dash (…杨岭村——) or a short label and colon (国台办：) and may run
        // long; a headline with a column name (…（人民观点）) too.
        if text.ends_with("——") && n <= 64 {
            return true;
        }
        if (text.ends_with('：') || text.ends_with(':')) && n <= 8 {
            return true;
        }
        // Longer than any heading may be, tagged or not: the tests below cannot pass.
        if n > 64 {
            return false;
        }
        let tagged = lang.is_tagged(text);
        let inner_stop = text.trim_end_matches(['。', '.']).contains('。');
        // Headings with a comma balance two short halves (攻坚，二十七年磨一剑); a comma near
        // either end is prose cut off at a column's edge, unless a column name closes the line
        // (春运，一场共享发展的旅程（评论员观察）): prose does not end that way.
        let commas: Vec<&str> = text.split(['，', ',']).collect();
        let balanced = commas.len() == 1
            || (commas.len() == 2 && commas.iter().all(|p| p.chars().filter(|c| !c.is_whitespace()).count() >= 3))
            || (tagged && commas.len() <= 3);
        let limit = if tagged { 64 } else { 34 };
        return n <= limit && !inner_stop && balanced && ends_open(text, lang) && !text.ends_with(['、']);
    }
    let words = text.split_whitespace().count();
    if b.md_heading > 0 {
        return words <= 24;
    }
    if words > 16 || st.chars > 110 || text.ends_with([',', ';']) {
        return false;
    }
    if b.n_lines() > 3 && !b.stacked {
        return false;
    }
    if is_caps(b) {
        return true;
    }
    // A title-case headline may wrap onto a second line (U.s. Willing to Talk to / Moscow on Wheat
    // Price): prose is not set in title case that long.
    let set_apart = (b.blank_before > 0 || b.lines.start == 0) && b.blank_after > 0;
    (b.n_lines() == 1 || (b.n_lines() <= 3 && set_apart && !b.indent && wordy_title(text)))
        && title_case(text, lang)
        && !lang.ends_sentence(text.trim_end_matches(['?', '!']))
}

/// A title of words that may run over two or three lines (International Sugar / Pact to Be /
/// Renegotiated), set apart by blank lines: it ends on a word, and numbers are few in it, where the
/// rows of a table set in capitalised words (Illinois Central / 101 1/2) end on figures.
fn wordy_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let figures = words.iter().filter(|w| !w.chars().any(char::is_alphabetic)).count();
    words.last().is_some_and(|w| w.chars().filter(|c| c.is_alphanumeric()).all(char::is_alphabetic) && w.chars().any(char::is_alphabetic))
        && figures * 4 <= words.len()
}

/// What a structured page's geometry says of one line: set in headline type, and in which
/// headline group.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineType {
    pub display: bool,
    pub group: Option<u32>,
    /// In the page's head or foot margin.
    pub margin: bool,
    /// Type size against the body text's.
    pub ratio: f32,
    /// A heading in body type, told by its placing: its size says nothing of its level.
    pub apart: bool,
}

/// Gives the geometry the last word on headline type: a block set in it is a heading of its
/// group, whatever its words look like (a title of plain words, or one the OCR broke), and a
/// byline or dateline reading stays with text set in body type.
pub fn display_type(blocks: &[Block], classes: &mut [Class], types: &[LineType]) {
    for (b, c) in blocks.iter().zip(classes.iter_mut()) {
        let ts = &types[b.lines.clone()];
        if !ts.is_empty() && ts.iter().all(|t| t.margin) {
            *c = Class::of(Shape::Furniture);
            continue;
        }
        if ts.is_empty() || !ts.iter().all(|t| t.display) {
            continue;
        }
        if matches!(c.shape, Shape::Furniture | Shape::Noise) {
            continue;
        }
        // A line set apart by its placing alone may be a byline or a credit set centred: its
        // words tell.
        let apart = ts.iter().any(|t| t.apart);
        if apart && (matches!(c.shape, Shape::Byline | Shape::Dateline | Shape::Credit | Shape::Jump | Shape::Caption) || !c.bylines.is_empty()) {
            continue;
        }
        let caps = is_caps(b);
        *c = Class::of(Shape::Heading);
        c.caps = caps;
        c.display = true;
        c.group = ts[0].group;
        c.size = if ts.iter().any(|t| t.apart) { 0.0 } else { ts.iter().map(|t| t.ratio).fold(0.0, f32::max) };
    }
}

/// Signatures: a line of its own in the shape of a name (the language's `signed_by`) that closes
/// a piece — at the page's end, or over a heading or a byline, or set flush right where the page's
/// geometry measured it — is the piece's author: a credit of the piece above, its name a byline.
/// Under it, a new piece begins. Over text it is a heading, as "Millerand." heads its story; and
/// a name in capitals is a signature only where it is set flush right (LAW COURTS. over IN
/// BANCO. is a headline and its deck).
pub fn signatures(blocks: &[Block], classes: &mut [Class], layout: &Layout, lang: &Lang, flush_right: &[bool]) {
    if lang.signed_by.is_empty() {
        return;
    }
    let text: Vec<usize> = text_blocks(classes);
    for (k, &i) in text.iter().enumerate() {
        let b = &blocks[i];
        // (A line the geometry set apart only by its placing may be a signature; one set in
        // headline type is not.)
        let sized = classes[i].display && classes[i].size > 0.0;
        if b.n_lines() != 1 || sized || b.stats.chars > SIGNATURE_MAX || !classes[i].bylines.is_empty() {
            continue;
        }
        let after_text = k > 0 && classes[text[k - 1]].shape == Shape::Body;
        let heads = |j: usize| text.get(j).is_none_or(|&n| matches!(classes[n].shape, Shape::Heading | Shape::Byline) || classes[n].display);
        // A name in capitals reads as a headline in capitals too: only its setting tells it from
        // one. Flush right where the geometry measured it; on a text page, set tight under the
        // text it closes, over a heading set apart (PAUL DELÉAGE over LA CHAMBRE DES DÉPUTÉS).
        let tight = !layout.geometric && b.blank_before == 0 && text.get(k + 1).is_some_and(|&n| blocks[n].blank_before > 0) && heads(k + 1);
        let signed = lang.signed_by.iter().find_map(|r| r.captures(b.text.trim()).and_then(|c| c.name("names").map(|m| m.as_str().trim().to_string())));
        // So set, a surname alone in capitals signs too (MERHEIX): nothing but its setting would.
        let Some(names) = signed.or_else(|| (tight && is_caps(b)).then(|| lone_surname(b.text.trim())).flatten()) else {
            continue;
        };
        // A line opening on a function word (La Chambre, The Inland) is words cut off, no name.
        if names.split_whitespace().next().is_some_and(|w| lang.is_function_word(&w.to_lowercase())) {
            continue;
        }
        // A place or a date may stand under the name (Heinrich Keimer / Bonneweg.).
        let place = |j: usize| text.get(j).is_some_and(|&n| blocks[n].n_lines() == 1 && blocks[n].stats.chars <= SIGNATURE_MAX);
        let closes = heads(k + 1) || (place(k + 1) && heads(k + 2));
        let flush = flush_right.get(b.lines.start).copied().unwrap_or(false);
        // Initials are capitals whatever the name; a name spelt out in capitals is what is meant.
        let caps_name = is_caps(b) && b.text.split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3);
        if !(after_text && ((closes && !caps_name) || flush || tight)) {
            continue;
        }
        let mut c = Class::of(Shape::Credit);
        c.signs = vec![Byline { role: "signature".into(), name: Some(names), text: b.text.trim().to_string() }];
        classes[i] = c;
    }
}

/// A signature is a name, a few words at most.
const SIGNATURE_MAX: u32 = 40;

/// A line that is one word of letters, long enough to be a surname (not an initial or a mark).
fn lone_surname(t: &str) -> Option<String> {
    let w = t.trim_end_matches('.');
    (w.chars().count() >= 3 && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')).then(|| w.to_string())
}

/// Classifies one block on its own.
pub fn classify(b: &Block, role: Option<Role>, layout: &Layout, lang: &Lang) -> Class {
    match role {
        Some(Role::Furniture) => return Class::of(Shape::Furniture),
        Some(Role::Noise) => return Class::of(Shape::Noise),
        Some(Role::Credit) => return Class::of(Shape::Credit),
        _ => {}
    }
    let text = b.text.as_str();
    let n = b.stats.chars;
    let short = n <= 90 && b.n_lines() <= 3;
    if short {
        for re in &lang.jump {
            if let Some(c) = re.captures(text) {
                let mut cl = Class::of(Shape::Jump);
                cl.jump = Some(jump_of(&c, text));
                return cl;
            }
        }
    }
    if b.n_lines() == 1 && lang.signature.iter().any(|r| r.is_match(text.trim())) {
        // Finished text of the piece above, whatever its shape.
        return Class::of(Shape::Body);
    }
    let sq = squeeze(b);
    if short && let Some(bylines) = parse_byline(text, lang) {
        // A photographer's credit (本报记者 吕强摄) reads like a byline but closes the photo's story
        // above: it is that story's caption, and opens none.
        if lang.caption.iter().any(|r| r.is_match(&sq)) {
            let mut cl = Class::of(Shape::Caption);
            cl.closes_story = true;
            return cl;
        }
        let mut cl = Class::of(Shape::Byline);
        cl.bylines = bylines;
        return cl;
    }
    if n <= 160 && lang.credit.iter().any(|r| r.is_match(&sq)) {
        return Class::of(Shape::Credit);
    }
    if n <= if lang.code.is_cjk() { 120 } else { 260 } && lang.caption.iter().any(|r| r.is_match(&sq)) {
        return Class::of(Shape::Caption);
    }
    let mut cl = Class::of(Shape::Body);
    for re in &lang.dispatch {
        if let Some(c) = re.captures(&sq) {
            cl.dateline = c.name("dateline").map(|m| m.as_str().to_string());
            if let Some(names) = c.name("names") {
                cl.bylines = dispatch_names(names.as_str(), lang, c.get(0).map_or("", |m| m.as_str()));
            }
            if sq[c.get(0).map_or(0, |m| m.end())..].trim().is_empty() {
                cl.shape = Shape::Dateline;
                return cl;
            }
            break;
        }
    }
    for re in &lang.dateline {
        if let Some(c) = re.captures(text) {
            // A dateline opens prose: capitals on past it (ECONOMIC SPOTLIGHT - SAUDI CORPORATE
            // DEBT) are a headline with a dash in it.
            let end = c.get(0).map_or(0, |m| m.end());
            if text[end..].chars().any(char::is_lowercase) || !heading_shaped(b, &sq, lang) {
                cl.dateline = c.name("dateline").map(|m| m.as_str().trim().to_string());
            }
            break;
        }
    }
    // A line the geometry saw run to its column's edge is text cut off there, whatever its shape.
    let cut_off = layout.geometric && b.last_full;
    // Text with a jump line glued to its end ((下转第2版)) is a column's last paragraph, cut off.
    let jumps_on = || lang.jump_tail.iter().any(|re| re.captures(text).and_then(|c| c.get(0)).is_some_and(|m| m.start() > 0));
    if cl.dateline.is_none() && cl.bylines.is_empty() && !cut_off && heading_shaped(b, &sq, lang) && !jumps_on() {
        cl.shape = Shape::Heading;
        cl.caps = is_caps(b);
        cl.deck_marker = lang.deck_prefixes.iter().any(|p| sq.starts_with(p.as_str()));
        return cl;
    }
    for re in &lang.jump_tail {
        if let Some(c) = re.captures(text) {
            let m = c.get(0).expect("whole match");
            if m.start() > 0 {
                cl.jump = Some(jump_of(&c, m.as_str()));
                cl.jump_tail = Some(text.len() - m.start());
            }
            break;
        }
    }
    let body = match cl.jump_tail {
        Some(k) => &text[..text.len() - k],
        None => text,
    };
    cl.open_end = ends_open(body, lang);
    cl.start = start_of(b, body, layout, lang);
    if set_apart_caption(b, body, lang) && cl.bylines.is_empty() && cl.dateline.is_none() {
        cl.shape = Shape::Caption;
    }
    cl
}

/// A single short sentence set apart by extra space above it: the caption under a photo.
fn set_apart_caption(b: &Block, text: &str, lang: &Lang) -> bool {
    let max = if lang.code.is_cjk() { 40 } else { 110 };
    if b.blank_before < 2 || b.n_lines() > 3 || b.stats.chars as usize > max || !lang.ends_sentence(text) {
        return false;
    }
    let inner = text.trim_end().trim_end_matches(|c: char| lang.terminal.contains(&c) || lang.closers.contains(&c));
    !inner.chars().any(|c| lang.terminal.contains(&c))
}

/// How many text blocks either side of a heading are asked whether they go on from it: enough for
/// any page as printed, and a bound on the work a page of thousands of headings can ask for.
const FAR_REACH: usize = 128;

/// The blocks that are text, in page order: all but running heads and noise.
fn text_blocks(classes: &[Class]) -> Vec<usize> {
    (0..classes.len()).filter(|&i| !matches!(classes[i].shape, Shape::Furniture | Shape::Noise)).collect()
}

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
            && b.stats.chars <= 64
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

/// A one-line block of body text that may be a line of a headline group set tight against a
/// heading: no byline or dateline in it, and not the rest of a sentence cut elsewhere.
fn plain_line(b: &Block, c: &Class) -> bool {
    c.shape == Shape::Body && c.bylines.is_empty() && c.dateline.is_none() && !c.start.continues() && b.n_lines() == 1
}

/// Longest line, in characters, that may be a deck set tight under its title.
const TIGHT_DECK_MAX: u32 = 160;

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
            && b.stats.chars <= TIGHT_DECK_MAX
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

/// Longest dash-led line that may be a quotation's attribution (——金铁铃, ——英国首相特雷莎·梅):
/// a name, not a cut sentence.
const ATTRIBUTION_MAX: u32 = 16;

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
            && blocks[i].stats.chars > ATTRIBUTION_MAX
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
pub fn demote_cut_headings(blocks: &[Block], classes: &mut [Class], layout: &Layout, lang: &Lang, grams: &crate::model::seam::PageGrams) {
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
            && t.rsplit(['，', ',']).next().is_some_and(|tail| t.contains(['，', ',']) && tail.chars().filter(|c| !c.is_whitespace()).count() <= 4);
        let runs_on = text_blocks.get(k + 1).is_some_and(|&j| {
            let next = &classes[j];
            // A dispatch or dateline (新华社北京2月13日电) opens a story: nothing runs on into it.
            next.shape == Shape::Body
                && !next.opens_story()
                && (next.start.continues()
                    || grams.across_len(t, &blocks[j].text).is_some()
                    || crate::lang::lexicon::split_word(t, &blocks[j].text).is_some())
        });
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
        let runs_on_far = || {
            !over_byline
                && text_blocks[near.clone()].iter().any(|&j| {
                    let next = &classes[j];
                    j != i
                        && next.shape == Shape::Body
                        && !next.opens_story()
                        && (if clauses { next.start != Start::Fresh } else { opens_mid_word(j) })
                        && crate::lang::lexicon::split_word(t, &blocks[j].text).is_some()
                })
        };
        if dangling || short_tail || runs_on || runs_on_far() {
            let c = &mut classes[i];
            c.shape = Shape::Body;
            c.open_end = true;
            c.start = Start::Unknown;
        }
    }
}

fn start_of(b: &Block, text: &str, layout: &Layout, lang: &Lang) -> Start {
    let Some(first) = text.chars().next() else { return Start::Unknown };
    if lang.nonstarters.contains(&first) || (lang.bound_starters.contains(&first) && crate::lang::lexicon::first_char_alone(text)) {
        return Start::Mid;
    }
    // In any Latin language a text that opens in lower case goes on from a sentence begun elsewhere.
    if !lang.code.is_cjk() && first.is_lowercase() {
        return Start::Mid;
    }
    if layout.indents {
        return if b.indent { Start::Fresh } else { Start::Cont };
    }
    match b.opening {
        Some(true) => Start::Fresh,
        Some(false) => Start::Cont,
        None => Start::Unknown,
    }
}

/// Chinese body text that opens inside a quotation or a bracket (和国报》记者…) goes on from a
/// sentence cut elsewhere (…《共): it starts mid-sentence. Marked after the heading passes: a
/// heading over such a fragment, which the page's scrambled columns put there, is no cut prose.
/// An indented first line still opens a paragraph.
pub fn inside_starts(blocks: &[Block], classes: &mut [Class], lang: &Lang) {
    if !lang.code.is_cjk() {
        return;
    }
    for (b, c) in blocks.iter().zip(classes.iter_mut()) {
        if c.shape == Shape::Body && !matches!(c.start, Start::Mid | Start::Fresh) && opens_inside(b.text.trim_start()) {
            c.start = Start::Mid;
        }
    }
}

/// Marks that pair up in Chinese text: a quote or a title's or a note's brackets. (A full-width
/// bracket closed by an ASCII one, as OCR prints it, counts as closed.)
pub(crate) const PAIRS: [(&[char], &[char]); 3] = [(&['“'], &['”']), (&['《'], &['》']), (&['（', '('], &['）', ')'])];

/// Whether text opens inside a quotation or a bracket begun above it: one closes before any opens
/// (和国报》记者…, the rest of 《共|和国报》 cut at a column's foot).
fn opens_inside(text: &str) -> bool {
    let mut depth = [0u32; PAIRS.len()];
    for c in text.chars().take(INSIDE_REACH) {
        // Nearly every character is none of the marks: passed over with one test.
        if !matches!(c, '“' | '”' | '《' | '》' | '（' | '(' | '）' | ')') {
            continue;
        }
        for (d, (open, close)) in depth.iter_mut().zip(PAIRS) {
            if open.contains(&c) {
                *d += 1;
            } else if close.contains(&c) {
                if *d == 0 {
                    return true;
                }
                *d -= 1;
            }
        }
    }
    false
}

/// How far into a paragraph a closing mark still tells that it opened inside a quotation: a title
/// or a quote rarely runs longer, and a stray mark further on may be OCR's.
const INSIDE_REACH: usize = 100;

fn jump_of(c: &regex::Captures, text: &str) -> Jump {
    let dir = c.name("dir").map_or("", |m| m.as_str()).to_lowercase();
    // A table marks a line that says where the story came from with a `from` group (Suite de la
    // première page, Fortsetzung von Seite 1).
    let from = c.name("from").is_some() || dir.contains("from") || dir.contains('接') || text.to_lowercase().contains("from");
    let direction = if from { "from" } else { "to" };
    let page = c.name("page").or_else(|| c.name("pagew")).map(|m| m.as_str().to_string());
    Jump { direction: direction.into(), page, key: c.name("key").map(|m| m.as_str().to_string()), text: text.trim().to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangCode;

    fn zh() -> &'static Lang {
        Lang::get(LangCode::Zh)
    }
    fn en() -> &'static Lang {
        Lang::get(LangCode::En)
    }

    #[test]
    fn zh_bylines() {
        let b = parse_byline("通讯员 袁丹凤", zh()).unwrap();
        assert_eq!(b[0].name.as_deref(), Some("袁丹凤"));
        assert_eq!(b[0].role, "通讯员");
        let b = parse_byline("本报记者  杨文明  李 翔", zh()).unwrap();
        let names: Vec<_> = b.iter().map(|x| x.name.clone().unwrap()).collect();
        assert_eq!(names, ["杨文明", "李翔"]);
        let b = parse_byline("本报记者  倪  弋", zh()).unwrap();
        assert_eq!(b[0].name.as_deref(), Some("倪弋"));
        assert!(parse_byline("记者日前来到科学博物馆。进入展厅", zh()).is_none());
        assert!(parse_byline("记者手记", zh()).is_none());
    }

    #[test]
    fn en_bylines() {
        let b = parse_byline("By Jane Arraf, Reuters", en()).unwrap();
        assert_eq!(b[0].name.as_deref(), Some("Jane Arraf"));
        let b = parse_byline("BY THE ASSOCIATED PRESS", en()).unwrap();
        assert_eq!(b[0].name.as_deref(), Some("THE ASSOCIATED PRESS"));
        assert!(parse_byline("Special to The Star", en()).is_some());
        assert!(parse_byline("From Our Own Correspondent", en()).is_some());
        assert!(parse_byline("by a House Banking subcommittee", en()).is_none());
    }

    #[test]
    fn dispatch_yields_bylines() {
        let lang = zh();
        let out = dispatch_names("记者王珂、郑海鸥", lang, "x");
        let names: Vec<_> = out.iter().map(|b| b.name.clone().unwrap()).collect();
        assert_eq!(names, ["王珂", "郑海鸥"]);
    }

    #[test]
    fn opens_inside_tests_every_mark_of_its_pairs() {
        for (open, close) in PAIRS {
            for &c in open.iter().chain(close) {
                assert!(matches!(c, '“' | '”' | '《' | '》' | '（' | '(' | '）' | ')'), "{c}");
            }
        }
    }

    #[test]
    fn text_opening_inside_a_quote_or_title() {
        assert!(opens_inside("和国报》记者阿卜杜勒哈利姆表示"));
        assert!(opens_inside("里过大年”已成为无数家庭欢度春节的首选"));
        assert!(opens_inside("记者张伟）今年以来"));
        assert!(!opens_inside("《共和国报》记者阿卜杜勒哈利姆表示"));
        assert!(!opens_inside("“博物馆里过大年”已成为无数家庭欢度春节的首选"));
        assert!(!opens_inside("（记者张伟）今年以来"));
    }
}
