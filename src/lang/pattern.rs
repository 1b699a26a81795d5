//! A language-table pattern: its compiled regex, and what its anchored ends say any match must
//! start or end with, so most texts are turned away before the regex engine is asked.
//!
//! Classifying a block asks a dozen or more patterns, nearly all anchored at one end (`^来源…`,
//! `…版）$`), and nearly all fail. A regex call costs on the order of a thousand instructions
//! before it looks at the text; checking the text's first or last bytes against the literals a
//! match must start or end with costs a few. The literals come from `regex-syntax` (the parser the
//! regex itself was compiled with): a pattern fully anchored at its start matches only texts that
//! start with one of its prefix literals, and likewise at its end. Where no finite set of such
//! literals exists, the regex alone decides, as before. A pattern anchored at neither end by a
//! literal (`^[\w.+-]+@[\w-]+…$`) may still have literals every match holds somewhere (`@`): a
//! text without them is turned away by a `memchr` scan, where the regex engine would walk the whole
//! line first.
//!
//! The regex itself is compiled on the first text that gets past those literals: compiling a
//! table costs more instructions than a batch of pages spends matching it, and many patterns
//! (a jump line, a dated deck) turn every text of a page away at their literals.

use regex::{Captures, Regex};
use std::sync::OnceLock;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One pattern of a language table.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: Box<str>,
    re: OnceLock<Regex>,
    /// Every match starts at the text's start with one of these, if known.
    starts: Option<Affixes>,
    /// Every match ends at the text's end with one of these, if known.
    ends: Option<Affixes>,
    /// Groups of literals of which every match holds one somewhere, asked of patterns with
    /// neither end known.
    needs: Vec<Vec<memchr::memmem::Finder<'static>>>,
}

/// Literals one end of a match must be, with the bytes they may begin at that end, so a text is
/// usually turned away by one table lookup.
#[derive(Debug, Clone)]
struct Affixes {
    /// By byte: whether some literal has it at the end checked (first byte for prefixes, last for
    /// suffixes).
    edge: [bool; 256],
    lits: Vec<Box<[u8]>>,
    suffix: bool,
}

impl Affixes {
    fn of(hir: &Hir, kind: ExtractKind) -> Option<Affixes> {
        let suffix = matches!(kind, ExtractKind::Suffix);
        let anchored = if suffix { hir.properties().look_set_suffix().contains(Look::End) } else { hir.properties().look_set_prefix().contains(Look::Start) };
        if !anchored {
            return None;
        }
        let mut ex = Extractor::new();
        ex.kind(kind).limit_class(20);
        let seq = ex.extract(hir);
        let full: Vec<&[u8]> = seq.literals()?.iter().map(|l| l.as_bytes()).collect();
        if full.is_empty() || full.iter().any(|l| l.is_empty()) {
            // No literal (the pattern matches nothing) or an empty one (anything may follow):
            // leave the decision to the regex.
            return None;
        }
        // Optional spaces and case-blind letters multiply literals; cut them to their first (or
        // last) k bytes, the longest k that leaves a few to compare. A shorter literal still
        // starts (ends) every match.
        let cut = |k: usize| -> Vec<Box<[u8]>> {
            let mut v: Vec<Box<[u8]>> = full.iter().map(|l| if suffix { &l[l.len().saturating_sub(k)..] } else { &l[..k.min(l.len())] }.into()).collect();
            v.sort();
            v.dedup();
            v
        };
        let longest = full.iter().map(|l| l.len()).max().unwrap_or(1);
        let mut lits = cut(1);
        for k in 2..=longest {
            let v = cut(k);
            if v.len() > AFFIXES_MAX {
                break;
            }
            lits = v;
        }
        let mut edge = [false; 256];
        for l in &lits {
            edge[usize::from(if suffix { l[l.len() - 1] } else { l[0] })] = true;
        }
        Some(Affixes { edge, lits, suffix })
    }

    fn admit(&self, text: &[u8]) -> bool {
        let at = if self.suffix { text.last() } else { text.first() };
        let Some(&b) = at else { return false };
        self.edge[usize::from(b)] && self.lits.iter().any(|l| if self.suffix { text.ends_with(l) } else { text.starts_with(l) })
    }
}

/// Collects what every match of `hir` holds somewhere, as groups of literals of which a match
/// holds at least one: the literal pieces of its top-level sequence and its classes of a few
/// characters (省|市|县 parses to one), looking into groups and into repetitions that must occur at
/// least once (not into alternations or optional parts, which a match may skip).
fn required(hir: &Hir, out: &mut Vec<Vec<Box<[u8]>>>) {
    match hir.kind() {
        HirKind::Literal(l) => out.push(vec![l.0.clone()]),
        HirKind::Class(Class::Unicode(c)) => {
            let n: u32 = c.ranges().iter().map(|r| u32::from(r.end()) - u32::from(r.start()) + 1).sum();
            if n <= CLASS_CHARS_MAX {
                let mut buf = [0u8; 4];
                out.push(c.iter().flat_map(|r| r.start()..=r.end()).map(|ch| ch.encode_utf8(&mut buf).as_bytes().into()).collect());
            }
        }
        HirKind::Capture(c) => required(&c.sub, out),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub, out),
        HirKind::Concat(items) => items.iter().for_each(|h| required(h, out)),
        _ => {}
    }
}

/// The most literals one end check compares. Chinese role and agency lists run to a dozen or two
/// alternatives; cut shorter to fit fewer, they kept only bytes that every CJK character of a
/// block shares, and nearly every line got through to the regex.
const AFFIXES_MAX: usize = 32;

/// The most characters a class may have for `required` to search for each of them.
const CLASS_CHARS_MAX: u32 = 12;

impl Pattern {
    /// A pattern that does not parse is an error here, not at its first use. (The parse is the
    /// one the regex will be compiled from, with the same default syntax options.)
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        let hir = regex_syntax::parse(pattern).map_err(|e| regex::Error::Syntax(e.to_string()))?;
        let starts = Affixes::of(&hir, ExtractKind::Prefix);
        let ends = Affixes::of(&hir, ExtractKind::Suffix);
        let mut groups = Vec::new();
        if starts.is_none() && ends.is_none() {
            required(&hir, &mut groups);
            groups.sort();
            groups.dedup();
        }
        let needs = groups.iter().map(|g| g.iter().map(|l| memchr::memmem::Finder::new(&l[..]).into_owned()).collect()).collect();
        Ok(Pattern { source: pattern.into(), re: OnceLock::new(), starts, ends, needs })
    }

    /// The compiled regex. A pattern that parsed compiles unless it is over the regex crate's
    /// size limit, which no table pattern comes near (the tables' test compiles every one).
    pub fn regex(&self) -> &Regex {
        self.re.get_or_init(|| Regex::new(&self.source).unwrap_or_else(|e| panic!("pattern {:?}: {e}", self.source)))
    }

    /// False only where no match can exist: the text does not start or end as every match must,
    /// or lacks a literal every match holds.
    fn may_match(&self, text: &str) -> bool {
        let t = text.as_bytes();
        self.starts.as_ref().is_none_or(|a| a.admit(t)) && self.ends.as_ref().is_none_or(|a| a.admit(t)) && self.needs.iter().all(|g| g.iter().any(|f| f.find(t).is_some()))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.regex().is_match(text)
    }

    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        if self.may_match(text) { self.regex().captures(text) } else { None }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchored_ends_turn_texts_away() {
        let p = Pattern::new(r"^(?:来源|稿件来源)[：:].{1,40}$").unwrap();
        assert!(p.starts.is_some() && p.ends.is_none());
        assert!(p.is_match("来源：新华社"));
        assert!(!p.may_match("今天来源：新华社"));
        let p = Pattern::new(r"[（(]\s*(?P<dir>下转|转)\s*第?\s*(?P<page>[0-9]+)\s*版\s*[）)]$").unwrap();
        assert!(p.starts.is_none() && p.ends.is_some());
        assert!(p.captures("正文（下转第2版）").is_some());
        assert!(!p.may_match("正文（下转第2版）。"));
        // Case-insensitive literals keep every case (and Unicode's other forms of s and k).
        let p = Pattern::new(r"^(?i:by)\s+\w+$").unwrap();
        assert!(p.is_match("BY Jane") && p.is_match("by Jane") && p.is_match("bY x"));
        let p = Pattern::new(r"^(?i:special)\s").unwrap();
        assert!(p.is_match("ſpecial to"));
        // Unanchored, or anchored with nothing fixed: the regex alone decides.
        assert!(Pattern::new(r"摄").unwrap().starts.is_none());
        assert!(Pattern::new(r"^\d+").unwrap().starts.is_none());
        assert!(Pattern::new(r"^(?:x)?y").unwrap().is_match("y"));
    }

    #[test]
    fn literals_every_match_holds_turn_texts_away() {
        let p = Pattern::new(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$").unwrap();
        assert!(p.starts.is_none() && p.ends.is_none());
        assert!(p.is_match("tougao@people.cn"));
        assert!(!p.may_match("记者王某某在北京采访时说") && !p.may_match("someone@localhost"));
        // A class of a few characters (省|市|县 parses to one): a match holds one of them.
        let p = Pattern::new(r"^[\p{Han}]{2,8}(?:省|市|县)\s+[\p{Han}](?:\s*[\p{Han}]){1,2}$").unwrap();
        assert!(p.is_match("浙江省 李 明"));
        assert!(!p.may_match("浙江 李 明"));
        // What a match may skip demands nothing: optional parts, alternations, large classes.
        assert!(Pattern::new(r"^[\p{Han}]+(?:x)?(?:ab|cd)\d+$").unwrap().is_match("中文ab1"));
        assert!(Pattern::new(r"^[\p{Han}]+(?:x)?(?:ab|cd)\d+$").unwrap().is_match("中文cd1"));
        assert!(Pattern::new(r"^[\p{Han}]+[a-z]\d$").unwrap().is_match("中文q1"));
    }

    #[test]
    fn many_prefixes_are_all_kept() {
        // Twelve roles: cut to their first bytes (which every CJK character shares with thousands
        // of others) they would admit nearly every line.
        let p = Pattern::new(r"^(?:统筹|策划|整理|采写|撰文|文字|制图|绘图|设计|美编|版式|摄影)\s*[：:]\s*\p{Han}{2,4}$").unwrap();
        assert!(p.is_match("制图：郭祥") && p.is_match("摄影：李明"));
        assert!(!p.may_match("制造：郭祥") && !p.may_match("记者：李明"));
    }
}
