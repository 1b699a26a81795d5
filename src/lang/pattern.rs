//! A language-table pattern: its compiled regex, and what its anchored ends say any match must
//! start or end with, so most texts are turned away before the regex engine is asked.
//!
//! Classifying a block asks a dozen or more patterns, nearly all anchored at one end (`^来源…`,
//! `…版）$`), and nearly all fail. A regex call costs on the order of a thousand instructions
//! before it looks at the text; checking the text's first or last bytes against the literals a
//! match must start or end with costs a few. The literals come from `regex-syntax` (the parser the
//! regex itself was compiled with): a pattern fully anchored at its start matches only texts that
//! start with one of its prefix literals, and likewise at its end. Where no finite set of such
//! literals exists, the regex alone decides, as before.
//!
//! The regex itself is compiled on the first text that gets past those literals: compiling a
//! table costs more instructions than a batch of pages spends matching it, and many patterns
//! (a jump line, a dated deck) turn every text of a page away at their literals.

use regex::{Captures, Regex};
use std::sync::OnceLock;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, Look};

/// One pattern of a language table.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: Box<str>,
    re: OnceLock<Regex>,
    /// Every match starts at the text's start with one of these, if known.
    starts: Option<Affixes>,
    /// Every match ends at the text's end with one of these, if known.
    ends: Option<Affixes>,
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
            if v.len() > 8 {
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

impl Pattern {
    /// A pattern that does not parse is an error here, not at its first use. (The parse is the
    /// one the regex will be compiled from, with the same default syntax options.)
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        let hir = regex_syntax::parse(pattern).map_err(|e| regex::Error::Syntax(e.to_string()))?;
        let starts = Affixes::of(&hir, ExtractKind::Prefix);
        let ends = Affixes::of(&hir, ExtractKind::Suffix);
        Ok(Pattern { source: pattern.into(), re: OnceLock::new(), starts, ends })
    }

    /// The compiled regex. A pattern that parsed compiles unless it is over the regex crate's
    /// size limit, which no table pattern comes near (the tables' test compiles every one).
    pub fn regex(&self) -> &Regex {
        self.re.get_or_init(|| Regex::new(&self.source).unwrap_or_else(|e| panic!("pattern {:?}: {e}", self.source)))
    }

    /// False only where no match can exist: the text does not start or end as every match must.
    fn may_match(&self, text: &str) -> bool {
        self.starts.as_ref().is_none_or(|a| a.admit(text.as_bytes())) && self.ends.as_ref().is_none_or(|a| a.admit(text.as_bytes()))
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
}
