//! Furniture: a page's running heads (date, weekday, section label, page number) as the page's own
//! metadata, never a story's text or headline.
//!
//! An OCR engine reads a running head set across the page's top as lines of its own, in any order:
//! 2019年2月1日 星期五 / 要闻 / 第12版. The date and the page number read as running heads by their
//! shape; the section label (要闻, 经济) does not, and would head the first story. It is told by
//! where it stands: among the page's other running-head lines at its top or foot.

use crate::classify::Role;
use crate::clean::Line;
use crate::lang::Lang;
use schemars::JsonSchema;
use serde::Serialize;

/// How many lines at a page's top or foot are looked at for its running heads: a date, a weekday,
/// a label and a page number, each maybe misread into two lines.
const EDGE_LINES: usize = 6;

/// Longest section label, in CJK characters (要闻, 国际, 体育新闻) and in Latin words (WORLD NEWS).
const LABEL_MAX_CJK: u32 = 4;
const LABEL_MAX_WORDS: usize = 2;

/// What a line of furniture holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The date (and weekday) of the issue.
    Date,
    /// The page number (第12版, 16, Page A3).
    Page,
    /// The page's section label (要闻, 经济).
    Section,
    /// Any other running head (the paper's name with the date on one line) or page furniture (a
    /// desk credit, 本版责编).
    RunningHead,
}

/// One line of the page's furniture, as reported in the page JSON.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Furniture {
    /// The line's text as cleaned.
    pub text: String,
    pub kind: Kind,
    /// The line's span in the source.
    pub span: crate::source::Span,
}

/// Marks as furniture the short lines standing among a page's running heads at its top or its
/// foot: where two or more of the lines there are running heads (`roles`), a short line between
/// or beside them, with no sentence in it, is the page's section label, or the OCR's reading of
/// it (综合 as 综公 / <不口).
/// Marks lines that are furniture (running heads, page numbers, desk credits, and a section label
/// standing among them) or noise; they become blocks of their own.
pub fn line_roles(lines: &[Line], lang: &Lang) -> Vec<Option<Role>> {
    let mut roles = crate::classify::own_roles(lines, lang);
    edge_labels(lines, &mut roles, lang);
    roles
}

pub fn edge_labels(lines: &[Line], roles: &mut [Option<Role>], lang: &Lang) {
    let n = lines.len();
    // The zone is read from the page's edge inwards; it ends at a blank line, and a label in it
    // stands between the edge and its innermost running head (one past it is a kicker or a
    // headline: 检察机关 over its title).
    let zone = |order: &mut dyn Iterator<Item = usize>, roles: &[Option<Role>]| -> Vec<usize> {
        let z: Vec<usize> = order.take(EDGE_LINES).take_while(|&i| lines[i].md_heading == 0 && (roles[i] == Some(Role::Furniture) || is_label(&lines[i], lang))).collect();
        let heads: Vec<usize> = (0..z.len()).filter(|&k| roles[z[k]] == Some(Role::Furniture)).collect();
        match heads.last() {
            Some(&last) if heads.len() >= 2 => z[..=last].to_vec(),
            _ => Vec::new(),
        }
    };
    let head = zone(&mut (0..n), roles);
    let foot = zone(&mut (0..n).rev(), roles);
    for i in head.into_iter().chain(foot) {
        roles[i].get_or_insert(Role::Furniture);
    }
}

/// A line short enough to be a section label, and not a sentence or a clause.
fn is_label(l: &Line, lang: &Lang) -> bool {
    l.md_heading == 0 && !lang.ends_sentence(l.text.trim()) && label_shaped(&l.text)
}

/// A few CJK characters or a word or two of letters, with no clause mark: 要闻, WORLD NEWS.
fn label_shaped(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.contains(['，', '。', ',', ';', '；', '：', ':']) {
        return false;
    }
    if t.chars().any(crate::lang::is_cjk) {
        t.chars().filter(|c| !c.is_whitespace()).count() <= LABEL_MAX_CJK as usize
    } else {
        t.split_whitespace().count() <= LABEL_MAX_WORDS && t.chars().any(char::is_alphabetic)
    }
}

/// What a line of furniture holds: a page number, a date, a short label, or a running head of
/// another shape.
pub fn kind(text: &str, lang: &Lang) -> Kind {
    let t = text.trim();
    if crate::classify::is_page_number(t) || lang.page_number.iter().any(|r| r.is_match(t)) {
        Kind::Page
    } else if lang.page_date.iter().any(|r| r.is_match(t)) {
        Kind::Date
    } else if label_shaped(t) {
        Kind::Section
    } else {
        Kind::RunningHead
    }
}
