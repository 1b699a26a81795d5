//! Classify: what each line and block of the page is (headline, byline, body, caption, furniture, ...), from its own shape.
//!
//! This stage looks at one block at a time; whether a heading-shaped block is a headline, a kicker,
//! a deck or a subhead depends on its neighbours and is settled by `segment`.

use crate::blocks::{Block, Layout};
pub use crate::blocks::Start;
pub(crate) use specks::{garbled, SCATTERED_SHAPE, SCATTERED_SIZE};
use crate::clean::Line;
use crate::lang::Lang;
use regex::Regex;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::OnceLock;

pub mod apart;
mod context;
mod specks;
pub mod labelled;

pub(crate) use context::{PAIRS, ROUND};
pub use context::{date_decks, demote_cut_headings, edge_marks, inside_starts, lone_lead_ins, stray_decks, tight_decks, tight_kickers, wrapped_titles};

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
    /// A rubric over classified notices (`Lang::notice_rubric`): the notices under it are its
    /// sections.
    pub notice_rubric: bool,
    /// A rubric over a roundup of items each headed in capitals (Nouvelles Diverses over UN
    /// SAUVETAGE, CHRONIQUE DU FEU…): the items under it are its sections.
    pub roundup: bool,
}

impl Class {
    /// A line that sends its story on elsewhere ((A suivre)., Continued on Page 4, （下转第10版）):
    /// the story has ended on this part of the page.
    pub fn sends_on(&self) -> bool {
        self.jump.as_ref().is_some_and(|j| j.direction == "to")
    }

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
            notice_rubric: false,
            roundup: false,
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

/// Marks lines that are furniture (running heads, page numbers, desk credits) or noise by their
/// own shape; `furniture::line_roles` adds what their place on the page tells.
pub fn own_roles(lines: &[Line], lang: &Lang) -> Vec<Option<Role>> {
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
                && st.chars <= lang.classify.tail_marks_max
                && (t.chars().all(|c| mark(&c))
                    || (!lang.ends_sentence(&lines[i - 1].text) && t.chars().skip_while(|c| crate::lang::is_cjk(*c)).all(|c| mark(&c))));
            // A printed rule the engine read as a dash and a speck (-1, -o, under a headline).
            let rule = st.chars == 2 && st.wordy() == 1 && t.starts_with(['-', '—', '–', '_', '=', '~']);
            // (Initials signing a piece, E. L. B., are more marks and spaces than letters too.)
            let sparse = st.chars >= 3 && st.wordy() * 100 < st.chars * lang.classify.noise_letters_pct && !lang.signed_by.iter().any(|r| r.is_match(t.trim()));
            if !tail_marks && (st.wordy() == 0 || rule || sparse) {
                return Some(Role::Noise);
            }
            if st.chars > lang.classify.furniture_line_max {
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
            let edge = i < lang.classify.edge_lines || i + lang.classify.edge_lines >= n;
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
        .enumerate()
        .map(|(i, b)| {
            let role = if b.n_lines() == 1 { line_roles[b.lines.start] } else { None };
            // A rule printed under a headline reaches the text as a line of marks (-«, -1): it
            // sets the headline off from its story as a blank line would.
            let ruled = blocks.get(i + 1).is_some_and(|n| n.n_lines() == 1 && n.blank_before == 0 && line_roles[n.lines.start] == Some(Role::Noise));
            let mut c = classify(b, role, ruled, layout, lang);
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
            if n.chars().count() <= lang.classify.dispatch_name_max && n.chars().all(|c| crate::lang::is_cjk(c) || c == '·') {
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
        if letters.is_empty() || lang.is_title_small(&letters) {
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

fn heading_shaped(b: &Block, text: &str, ruled: bool, layout: &Layout, lang: &Lang) -> bool {
    let (st, th) = (&b.stats, &lang.classify);
    let first = text.chars().next().unwrap_or(' ');
    // A mark before a line in capitals set apart from the text above (;SYDNEY RAGGED SCHOOLS.,
    // . SHIPPING.) is a speck the OCR engine read off the paper, not the rest of a sentence.
    let speck = || {
        !lang.code.is_cjk() && !b.cjk && (b.blank_before > 0 || b.lines.start == 0) && is_caps(b) && text[first.len_utf8()..].trim_start().starts_with(char::is_uppercase)
    };
    if lang.nonstarters.contains(&first) && !speck() {
        return false;
    }
    if lang.code.is_cjk() || b.cjk {
        let n = text.chars().count();
        if b.md_heading > 0 {
            return n <= th.long_title_max && !(n > th.marked_sentence_min && lang.ends_sentence(text));
        }
        if b.n_lines() > 1 && !b.stacked {
            return false;
        }
        // A kicker ends in a dash (…杨岭村——) or a short label and colon (国台办：) and may run
        // long; a headline with a column name (…（人民观点）) too.
        if text.ends_with("——") && n <= th.long_title_max {
            return true;
        }
        if (text.ends_with('：') || text.ends_with(':')) && n <= th.colon_label_max {
            return true;
        }
        // Longer than any heading may be, tagged or not: the tests below cannot pass.
        if n > th.long_title_max {
            return false;
        }
        let tagged = lang.is_tagged(text);
        let inner_stop = text.trim_end_matches(['。', '.']).contains('。');
        // Headings with a comma balance two short halves (攻坚，二十七年磨一剑); a comma near
        // either end is prose cut off at a column's edge, unless a column name closes the line
        // (春运，一场共享发展的旅程（评论员观察）): prose does not end that way. Nor does a line
        // standing alone between blank lines, well short of the column's width: no edge cut it
        // (看，苑爸的军功章).
        let commas: Vec<&str> = text.split(['，', ',']).collect();
        let halves = |least: usize| commas.iter().all(|p| p.chars().filter(|c| !c.is_whitespace()).count() >= least);
        let alone = layout.wrapped && b.n_lines() == 1 && !b.indent && (b.blank_before > 0 || b.lines.start == 0) && b.blank_after > 0
            && (n as f32) < lang.classify.apart_line_share * layout.width_chars as f32;
        let balanced = commas.len() == 1
            || (commas.len() == 2 && (halves(th.comma_half_min) || alone && halves(1)))
            || (tagged && commas.len() <= 3);
        let limit = if tagged { th.long_title_max } else { th.title_max };
        return n <= limit && !inner_stop && balanced && ends_open(text, lang) && !text.ends_with(['、']);
    }
    let words = text.split_whitespace().count();
    if b.md_heading > 0 {
        return words <= th.marked_title_max_words;
    }
    // A line in capitals alone between blank lines has nothing to run on into: a comma closing it is
    // its stop misread (FOR BEAUMARIS, BANGOR, AND MENAI BRIDGE,), unless it addresses a reader.
    let alone_caps = b.n_lines() == 1 && b.blank_before > 0 && b.blank_after > 0 && text.ends_with(',') && is_caps(b);
    if words > th.title_max_words || st.chars > th.title_max_letters || (text.ends_with([',', ';']) && !alone_caps) || garbled(text, SCATTERED_SHAPE) || lang.is_letter_address(text) {
        return false;
    }
    if b.n_lines() > th.title_max_lines && !b.stacked {
        return false;
    }
    if is_caps(b) {
        return true;
    }
    // A title-case headline may wrap onto a second line (U.s. Willing to Talk to / Moscow on Wheat
    // Price): prose is not set in title case that long.
    let set_apart = (b.blank_before > 0 || b.lines.start == 0) && (b.blank_after > 0 || ruled);
    // Two commas or more make a list (of names, of streets), which title case sets as it does a title.
    (b.n_lines() == 1 || (b.n_lines() <= th.title_max_lines && (set_apart || b.title_run) && !b.indent && wordy_title(text)))
        && text.matches(',').count() < 2
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
pub fn display_type(blocks: &[Block], classes: &mut [Class], types: &[LineType], lang: &Lang) {
    for (b, c) in blocks.iter().zip(classes.iter_mut()) {
        let ts = &types[b.lines.clone()];
        if !ts.is_empty() && ts.iter().all(|t| t.margin) {
            *c = Class::of(Shape::Furniture);
            continue;
        }
        if ts.is_empty() || !ts.iter().all(|t| t.display) {
            continue;
        }
        if matches!(c.shape, Shape::Furniture | Shape::Noise) || garbled(&b.text, SCATTERED_SIZE) || lang.is_letter_address(&b.text) {
            continue;
        }
        // A line set apart by its placing alone may be a byline or a credit set centred: its
        // words tell. A signature's words tell whatever its type (——编者, its dashes read tall,
        // under the editors' note): no title has that shape.
        let apart = ts.iter().any(|t| t.apart);
        let signs = b.n_lines() == 1 && lang.is_signature(&b.text);
        if signs || apart && (matches!(c.shape, Shape::Byline | Shape::Dateline | Shape::Credit | Shape::Jump | Shape::Caption) || !c.bylines.is_empty()) {
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
    if lang.signed_by.is_empty() && lang.signed_as.is_empty() && lang.signing_body.is_empty() {
        return;
    }
    let text: Vec<usize> = text_blocks(classes);
    for (k, &i) in text.iter().enumerate() {
        let b = &blocks[i];
        // (A line the geometry set apart only by its placing may be a signature; one set in
        // headline type is not.)
        let sized = classes[i].display && classes[i].size > 0.0;
        if b.n_lines() != 1 || sized || b.stats.chars > lang.classify.signature_max || !classes[i].bylines.is_empty() {
            continue;
        }
        // A signature closes finished text: under text cut off on a hyphen or a comma (…des bas-),
        // a line of capitalised words is a rubric over what follows (Bloc-Notes Parisien).
        let after_text = k > 0 && classes[text[k - 1]].shape == Shape::Body && !blocks[text[k - 1]].text.trim_end().ends_with(['-', ',', '¬']);
        let heads = |j: usize| text.get(j).is_none_or(|&n| matches!(classes[n].shape, Shape::Heading | Shape::Byline) || classes[n].display);
        // A name in capitals reads as a headline in capitals too: only its setting tells it from
        // one. Flush right where the geometry measured it; on a text page, set tight under the
        // text it closes, over a heading set apart (PAUL DELÉAGE over LA CHAMBRE DES DÉPUTÉS).
        let tight = !layout.geometric && b.blank_before == 0 && text.get(k + 1).is_some_and(|&n| blocks[n].blank_before > 0) && heads(k + 1);
        let names_in = |r: &crate::lang::Pattern| r.captures(b.text.trim()).and_then(|c| c.name("names").map(|m| m.as_str().trim().to_string()));
        let body = lang.signing_body.iter().find_map(names_in);
        let signed = body.clone().or_else(|| lang.signed_by.iter().chain(&lang.signed_as).find_map(names_in));
        // So set, a surname alone in capitals signs too (MERHEIX): nothing but its setting would.
        // (Only where the language's signatures are known: an agency's name closes a wire story as
        // its credit, REUTER.)
        let Some(names) = signed.or_else(|| (tight && is_caps(b) && !lang.signed_by.is_empty()).then(|| lone_surname(b.text.trim())).flatten()) else {
            continue;
        };
        // A line opening on a function word (La Chambre, The Inland) is words cut off, no name,
        // unless it signs as what the writer is (Ein Schmelzer).
        let anonymous = body.is_some() || lang.signed_as.iter().any(|r| r.is_match(b.text.trim()));
        if !anonymous && names.split_whitespace().next().is_some_and(|w| lang.is_function_word(&w.to_lowercase())) {
            continue;
        }
        // A place or a date may stand under the name (Heinrich Keimer / Bonneweg.).
        let place = |j: usize| text.get(j).is_some_and(|&n| blocks[n].n_lines() == 1 && blocks[n].stats.chars <= lang.classify.signature_max);
        // A body signing a notice closes it whatever follows: no headline is one. Nor is a line
        // of initials alone (E. L. B.; a lone one, E., is as likely a table's cell).
        let initial = |w: &str| w.strip_suffix('.').is_some_and(|l| l.chars().count() == 1 && l.chars().all(char::is_uppercase));
        let initials = b.text.split_whitespace().count() >= 2 && b.text.split_whitespace().all(initial);
        let closes = body.is_some() || initials || heads(k + 1) || (place(k + 1) && heads(k + 2));
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

/// A line that is one word of letters, long enough to be a surname (not an initial or a mark).
fn lone_surname(t: &str) -> Option<String> {
    let w = t.trim_end_matches('.');
    (w.chars().count() >= 3 && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')).then(|| w.to_string())
}

/// Classifies one block on its own.
/// `ruled`: a line of marks (a printed rule, as OCR reads it) stands tight under the block.
pub fn classify(b: &Block, role: Option<Role>, ruled: bool, layout: &Layout, lang: &Lang) -> Class {
    match role {
        Some(Role::Furniture) => return Class::of(Shape::Furniture),
        Some(Role::Noise) => return Class::of(Shape::Noise),
        Some(Role::Credit) => return Class::of(Shape::Credit),
        _ => {}
    }
    let text = b.text.as_str();
    let n = b.stats.chars;
    let short = n <= lang.classify.short_block_max && b.n_lines() <= lang.classify.short_block_lines;
    if short {
        for re in &lang.jump {
            if let Some(c) = re.captures(text) {
                let mut cl = Class::of(Shape::Jump);
                cl.jump = Some(jump_of(&c, text));
                return cl;
            }
        }
    }
    if b.n_lines() == 1 && lang.is_signature(text) {
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
    if n <= lang.classify.credit_max && lang.credit.iter().any(|r| r.is_match(&sq)) {
        return Class::of(Shape::Credit);
    }
    if n <= lang.classify.caption_max && lang.caption.iter().any(|r| r.is_match(&sq)) {
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
    if let Some(c) = lang.dateline_captures(text) {
        // A dateline opens prose: capitals on past it (ECONOMIC SPOTLIGHT - SAUDI CORPORATE
        // DEBT) are a headline with a dash in it.
        let end = c.get(0).map_or(0, |m| m.end());
        if text[end..].chars().any(char::is_lowercase) || !heading_shaped(b, &sq, ruled, layout, lang) {
            cl.dateline = c.name("dateline").map(|m| m.as_str().trim().to_string());
        }
    }
    // A line the geometry saw run to its column's edge is text cut off there, whatever its shape.
    let cut_off = layout.geometric && b.last_full;
    // Text with a jump line glued to its end ((下转第2版)) is a column's last paragraph, cut off.
    let jumps_on = || lang.jump_tail.iter().any(|re| re.captures(text).and_then(|c| c.get(0)).is_some_and(|m| m.start() > 0));
    if cl.dateline.is_none() && cl.bylines.is_empty() && !cut_off && heading_shaped(b, &sq, ruled, layout, lang) && !jumps_on() {
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
    // Two full stops and more closing a Chinese paragraph are the engine's reading of marks
    // hanging in the gutter beside its last line (…约合2.6埃镑)。。, 苏伊士经贸合作。。): no sentence
    // ends so, and what stands before them tells whether it goes on elsewhere.
    let gutter_marks = lang.code.is_cjk() && body.trim_end().ends_with("。。");
    cl.open_end = ends_open(if gutter_marks { body.trim_end().trim_end_matches(['。', ' ']) } else { body }, lang);
    cl.start = start_of(b, body, layout, lang);
    // A caption is a sentence of its own: text that opens inside one is a column's resumed text.
    // Where blank lines are column breaks, the space around a short sentence is the break's.
    if !layout.blank_is_column_break && set_apart_caption(b, body, lang) && cl.start != Start::Mid && cl.bylines.is_empty() && cl.dateline.is_none() {
        cl.shape = Shape::Caption;
    }
    cl
}

/// A single short sentence set apart by extra space above it: the caption under a photo.
fn set_apart_caption(b: &Block, text: &str, lang: &Lang) -> bool {
    let t = &lang.classify;
    if b.blank_before < 2 || b.n_lines() > t.apart_caption_lines || b.stats.chars > t.apart_caption_max || !lang.ends_sentence(text) {
        return false;
    }
    let inner = text.trim_end().trim_end_matches(|c: char| lang.terminal.contains(&c) || lang.closers.contains(&c));
    !inner.chars().any(|c| lang.terminal.contains(&c))
}

/// The blocks that are text, in page order: all but running heads and noise.
fn text_blocks(classes: &[Class]) -> Vec<usize> {
    (0..classes.len()).filter(|&i| !matches!(classes[i].shape, Shape::Furniture | Shape::Noise)).collect()
}

fn start_of(b: &Block, text: &str, layout: &Layout, lang: &Lang) -> Start {
    let Some(first) = text.chars().next() else { return Start::Unknown };
    if lang.nonstarters.contains(&first) || (lang.bound_starters.contains(&first) && crate::lang::lexicon::first_char_alone(text)) {
        return Start::Mid;
    }
    // In any Latin language a text that opens in lower case goes on from a sentence begun elsewhere,
    // but only a column's top can resume one: where only a column break leaves a blank line, a
    // paragraph set straight under finished text opens on a capital the OCR engine misread.
    let column_top = !layout.blank_is_column_break || b.blank_before > 0 || b.lines.start == 0;
    if !lang.code.is_cjk() && first.is_lowercase() && column_top {
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

}
