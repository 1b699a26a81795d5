//! The classifier's and the segmenter's thresholds as data: `weights.toml`'s `[classify]` table,
//! a language's own `[classify]` table over it. They weigh what a language's papers print (how
//! long their titles, decks, signatures and standfirsts run), so a new language or paper is a
//! table to extend, not code to change.

use serde::Deserialize;
use std::sync::OnceLock;

/// The values, with a reason each, are in `weights.toml`'s `[classify]` table; a language's table
/// changes any of them.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Most characters of a line signing a piece, and of a place or date under it.
    pub signature_max: u32,
    /// Most lines and characters of a heading set apart in body type (`classify::apart`).
    pub apart_max_lines: usize,
    pub apart_max_chars: u32,
    /// Share of the column's width every line of such a heading stays under.
    pub apart_line_share: f32,
    /// How many times the heading's length the text under it runs at least.
    pub text_over_head: u32,
    /// Fewest letters of a rubric over notices.
    pub rubric_min_letters: u32,
    /// Most characters of a Chinese title wrapped over two or three lines.
    pub wrapped_title_max: u32,
    /// Fewest CJK characters in each of a title's parallel phrases, parted by spaces.
    pub parallel_phrase_min: usize,
    /// Most characters of a deck set tight under its title.
    pub tight_deck_max: u32,
    /// Most characters of a dash-led attribution under a quotation.
    pub attribution_max: u32,
    /// Most blocks of a title group over a standing label, and lines and characters of each.
    pub label_group_max: usize,
    pub label_title_max_lines: usize,
    pub label_title_max_chars: usize,
    /// Most characters of a paragraph of standfirst between a headline and a dispatch.
    pub lead_max: u32,
    /// Most paragraphs of a photo story between its heading and its photographer's credit.
    pub photo_story_max: usize,
    /// Most characters of a line of a title set tight over its text in short lines (`blocks`).
    pub title_line_max: u32,
    /// Most deck lines, and characters of each, between two headings of one headline stack
    /// (`segment::stack`).
    pub stack_gap_max: usize,
    pub stack_line_max: u32,
    /// Most characters of a Chinese title (`classify::heading_shaped`), and of one carrying its
    /// column name, ending on a kicker's dash or marked as a heading.
    pub title_max: usize,
    pub long_title_max: usize,
    /// Over this many characters, a marked heading ending a sentence is a paragraph.
    pub marked_sentence_min: usize,
    /// Most characters of a label closed by a colon (国台办：).
    pub colon_label_max: usize,
    /// Fewest characters of each half of a Chinese title parted by a comma.
    pub comma_half_min: usize,
    /// Most words of a Latin title, and of one marked as a heading; most letters and lines.
    pub title_max_words: usize,
    pub marked_title_max_words: usize,
    pub title_max_letters: u32,
    pub title_max_lines: usize,
    /// Most characters and lines of a block read as a jump line or a byline; most characters of
    /// a credit and of a caption.
    pub short_block_max: u32,
    pub short_block_lines: usize,
    pub credit_max: u32,
    pub caption_max: u32,
    /// Most characters of a kicker set tight over a title, however punctuated.
    pub kicker_max: u32,
    /// Most units between a headline and the byline under it read as its decks, and most
    /// characters and lines of each.
    pub byline_decks_max: usize,
    pub byline_deck_chars: u32,
    pub byline_deck_lines: usize,
    /// Page lines (`classify::line_roles`): most characters of a line of closing marks under
    /// text; the share of letters and digits, in percent, under which a line is noise; most
    /// characters of a running head or page number; how many lines at either end of the page
    /// are its edges.
    pub tail_marks_max: u32,
    pub noise_letters_pct: u32,
    pub furniture_line_max: u32,
    pub edge_lines: usize,
    /// Most characters after a Chinese heading-shaped line's last comma for it to read as prose
    /// cut off at a column's edge (`classify::demote_cut_headings`).
    pub cut_tail_max: usize,
    /// Most paragraphs of standfirst between a headline and the dispatch that opens its story.
    pub lead_units_max: usize,
    /// Most characters and lines of a sentence set apart by extra space, read as a photo's caption.
    pub apart_caption_max: u32,
    pub apart_caption_lines: usize,
    /// Most characters of a reporter's name in a Chinese dispatch's brackets.
    pub dispatch_name_max: usize,
}

impl Thresholds {
    /// `own` (a language's `[classify]` table) over the defaults. A name the defaults do not
    /// have, or a value of the wrong type, is an error that says which, as for the linker's weights.
    pub fn over_defaults(own: &toml::Table, code: &str) -> Result<Thresholds, String> {
        let mut t = defaults().clone();
        for (k, v) in own {
            if !t.contains_key(k) {
                return Err(format!("unknown threshold '{k}' in the [classify] table of {code}; the names are those of weights.toml's [classify]"));
            }
            t.insert(k.clone(), v.clone());
        }
        t.try_into().map_err(|e: toml::de::Error| format!("{} (in the [classify] table of {code})", e.message()))
    }
}

/// `weights.toml`'s `[classify]` table.
pub(super) fn defaults() -> &'static toml::Table {
    static D: OnceLock<toml::Table> = OnceLock::new();
    D.get_or_init(|| {
        let mut w: toml::Table = super::WEIGHTS.parse().expect("weights.toml is valid TOML");
        match w.remove("classify") {
            Some(toml::Value::Table(t)) => t,
            _ => panic!("weights.toml has a [classify] table"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, LangCode};

    #[test]
    fn a_table_changes_a_threshold_for_its_language_only() {
        let base = Thresholds::over_defaults(&toml::Table::new(), "test").unwrap();
        for code in LangCode::ALL {
            let own = Lang::get(code).classify;
            // Chinese standfirsts run longer in characters, captions shorter; German nouns are capitalised, so no
            // title is told by its case; nothing else differs.
            let expect = match code {
                LangCode::Zh => Thresholds { lead_max: 200, caption_max: 120, apart_caption_max: 40, ..base },
                LangCode::De => Thresholds { title_line_max: 0, ..base },
                _ => base,
            };
            assert_eq!(own, expect, "{}", code.as_str());
        }
        let own: toml::Table = "signature_max = 30".parse().unwrap();
        assert_eq!(Thresholds::over_defaults(&own, "test").unwrap(), Thresholds { signature_max: 30, ..base });
        assert_eq!(base.apart_line_share, 0.85, "read as the f32 the constant was");
    }

    #[test]
    fn a_bad_table_is_refused_with_its_fault_named() {
        let e = Thresholds::over_defaults(&"signature_mx = 30".parse().unwrap(), "zh").unwrap_err();
        assert!(e.contains("unknown threshold 'signature_mx'") && e.contains("zh"), "{e}");
        let e = Thresholds::over_defaults(&"signature_max = \"long\"".parse().unwrap(), "en").unwrap_err();
        assert!(e.contains("en"), "{e}");
        let e = Thresholds::over_defaults(&"cohesion = 30.0".parse().unwrap(), "en").unwrap_err();
        assert!(e.contains("unknown threshold 'cohesion'"), "a linker weight is no threshold: {e}");
    }
}
