//! The linker's weights and thresholds as data: read from `lang/weights.toml`, a language's
//! `[link]` table over it, and a run's `--params` file over both; nothing is tuned in code.

use super::{Lang, LangCode};
use serde::Deserialize;
use std::sync::{Arc, OnceLock};

/// Every weight and threshold of the linker. The values, with a reason each, are in
/// `src/lang/weights.toml`; how they were measured is in docs/TUNING.md.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub cohesion: f32,
    pub stay: f32,
    pub switch: f32,
    pub cross_seed: f32,
    pub follow_seed: f32,
    pub follow_dispatch: f32,
    pub headless: f32,
    pub weak_tau: f32,
    pub weak_follow: f32,
    pub weak_odds: f32,
    pub cross_weak: f32,
    pub settle_weak: bool,
    pub weak_threshold: f32,
    pub printed_weak_threshold: f32,
    pub full_rounds: bool,
    pub opening_units: usize,
    pub settle_margin: f32,
    pub full_weight_features: f32,
    pub stay_seam_max: f32,
    pub entry_seam_min: f32,
    pub entry_seam_max: f32,
    pub entry_seam_weight: f32,
    pub above_own_seed: f32,
    pub continues_no_cut: f32,
    pub subhead_stay: f32,
    pub subhead_switch: f32,
    pub credit_between: f32,
    pub column_broke: f32,
    pub outbid: f32,
    pub outbid_seam: f32,
    pub outbid_margin: f32,
    pub geometric_switch: f32,
    pub odds_intercept: f32,
    pub odds_cont: f32,
    pub odds_own: f32,
    pub odds_own_before: f32,
    pub odds_elsewhere: f32,
    pub odds_prev_open: f32,
    pub odds_tagged: f32,
    pub odds_comma: f32,
    pub odds_chars: f32,
    pub odds_chars_max: u32,
    pub odds_since_seed: f32,
    pub odds_numbered: f32,
    pub odds_caption_soon: f32,
    pub odds_apart: f32,
    pub opening_span: usize,
    pub orphan_fit_min: f32,
    pub orphan_seam: f32,
    pub stray_line_min: f32,
    pub stray_line_ratio: f32,
    pub split_tau: f32,
    pub split_lone_tau: f32,
    pub lone_title_min: u32,
    pub detach_tau: f32,
    pub detach_min_chars: u32,
    pub topic_tau: f32,
    pub topic_min_chars: u32,
    pub lead_min: u32,
    pub free_orphans: bool,
    pub order_ahead: f32,
    pub order_next: f32,
    pub near_bonus: f32,
    pub adjacent_seam: f32,
    pub resume_seam_min: f32,
    pub exchange_gain_min: f32,
    pub caption_fit_min: f32,
    pub caption_prev_bonus: f32,
    pub adopt_fit_min: f32,
    pub tail_reach: usize,
    pub kicker_cohesion: f32,
    pub stray_headline_fit: f32,
    pub seam_cut_mid: f32,
    pub seam_cut_cont: f32,
    pub seam_done_cont: f32,
    pub seam_cut: f32,
    pub seam_cut_fresh: f32,
    pub seam_done_mid: f32,
    pub seam_full_column: f32,
    pub seam_hyphen: f32,
    pub seam_hyphen_word: f32,
    pub seam_word_across: f32,
    pub seam_after_function: f32,
    pub seam_pair_elsewhere: f32,
    pub seam_measure_apart: f32,
    pub measure_gap_low: f32,
    pub measure_gap_high: f32,
    pub story_measure_apart: f32,
    pub seam_gram_2: f32,
    pub seam_gram_3: f32,
    pub seam_gram_more: f32,
    pub seam_cjk_word: f32,
    pub seam_list: f32,
    pub seam_bracket_reopened: f32,
    pub seam_bracket_closed: f32,
    /// The page's text stands in its reading order, found from its geometry or told by the user:
    /// each unit stays in the story above it, and the assignment by cohesion is not run. A fact
    /// of the page, not a weight: never read from a table.
    #[serde(skip)]
    pub positional: bool,
}

impl Params {
    /// These (a language's, under the run's tuning) for a page: on a page derived from a
    /// structured file, the geometry's evidence weighed in. Where the file's own order stands
    /// (`positional`), each unit stays in the story above it; where the geometry found the
    /// order, moving to another story costs `geometric_switch` times as much as on a page of text.
    ///
    /// On a text page an OCR engine read off a print (`printed`: its column was measured with a
    /// lost indent, see `blocks::wrap`) every heading line stands alone between blank lines, so
    /// standing alone says nothing of a subhead: a lone heading is settled as a headline from
    /// `printed_weak_threshold`; and as the engine leaves a headline broken into such lines, a
    /// story's only subhead is no likelier a title than any other (`split_lone_tau` is not used).
    pub fn on_page(self, geometric: bool, positional: bool, printed: bool) -> Params {
        let base = Params { positional, ..self };
        if geometric {
            return Params { switch: base.switch * base.geometric_switch, ..base };
        }
        if printed { Params { weak_threshold: base.printed_weak_threshold, split_lone_tau: base.split_tau, ..base } } else { base }
    }

    /// The threshold lone headings are settled by before the assignment, if they are.
    pub fn weak_threshold(&self) -> Option<f32> {
        self.settle_weak.then_some(self.weak_threshold)
    }

    /// What the built-in tables give `lang` (`tuning` aside): for tests and tools.
    pub fn for_lang(lang: &Lang) -> Params {
        *Tuning::builtin().of(lang.code)
    }
}

/// One `Params` per language, resolved once per run.
#[derive(Debug, Clone, PartialEq)]
pub struct Tuning {
    by_lang: [Params; LangCode::ALL.len()],
}

impl Tuning {
    /// The built-in tables: `weights.toml` under each language's `[link]`.
    pub fn builtin() -> &'static Arc<Tuning> {
        static T: OnceLock<Arc<Tuning>> = OnceLock::new();
        T.get_or_init(|| Arc::new(Tuning::with(&toml::Table::new()).expect("the built-in weights are complete and valid")))
    }

    /// The built-in tables with a run's `--params` file over them. Its top-level keys change
    /// every language; a table named for a language (`[zh]`, `[en]`, `[fr]`, `[de]`, `[und-Latn]`)
    /// changes that language's, after the top-level keys. Unknown names, and values of the wrong
    /// type, are errors that say where.
    pub fn from_file_text(text: &str) -> Result<Tuning, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.message().to_string())?;
        Tuning::with(&table)
    }

    fn with(overrides: &toml::Table) -> Result<Tuning, String> {
        let mut base: toml::Table = super::WEIGHTS.parse().map_err(|e: toml::de::Error| format!("weights.toml: {}", e.message()))?;
        // The classifier's thresholds are the language tables' (`Lang::classify`), not the linker's.
        base.remove("classify");
        let langs: Vec<&str> = LangCode::ALL.iter().map(|c| c.as_str()).collect();
        // `[latin]` is `--lang latin`'s table, as users name it: `und-Latn` is its tag in the JSON.
        if overrides.get("latin").is_some_and(toml::Value::is_table) && overrides.contains_key(LangCode::Latin.as_str()) {
            return Err(format!("[latin] and [{}] are the same language's table: give one", LangCode::Latin.as_str()));
        }
        let overrides = overrides.clone().into_iter().map(|(k, v)| if k == "latin" && v.is_table() { (LangCode::Latin.as_str().to_string(), v) } else { (k, v) });
        let (common, per_lang): (toml::Table, toml::Table) = overrides.partition(|(k, v)| !(v.is_table() && langs.contains(&k.as_str())));
        if let Some((k, _)) = common.iter().find(|(k, v)| v.is_table() && !base.contains_key(k.as_str())) {
            return Err(format!("unknown table [{k}]: a params file holds weights, and tables of weights for the languages [{}] (or [latin])", langs.join("], [")));
        }
        let mut by_lang = Vec::with_capacity(LangCode::ALL.len());
        for code in LangCode::ALL {
            let mut t = base.clone();
            let own = per_lang.get(code.as_str()).and_then(|v| v.as_table());
            for layer in [Some(&Lang::get(code).link), Some(&common), own].into_iter().flatten() {
                for (k, v) in layer {
                    if !t.contains_key(k) {
                        return Err(format!("unknown weight '{k}' (for {}); the names are those of weights.toml, see docs/TUNING.md", code.as_str()));
                    }
                    t.insert(k.clone(), v.clone());
                }
            }
            let p: Params = t.try_into().map_err(|e: toml::de::Error| format!("{} (for {})", e.message(), code.as_str()))?;
            by_lang.push(p);
        }
        Ok(Tuning { by_lang: by_lang.try_into().expect("one per language") })
    }

    pub fn of(&self, code: LangCode) -> &Params {
        &self.by_lang[LangCode::ALL.iter().position(|&c| c == code).expect("every language is in ALL")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_differ_only_where_their_tables_say() {
        let t = Tuning::builtin();
        for code in LangCode::ALL {
            let mut expect: toml::Table = crate::lang::WEIGHTS.parse().unwrap();
            expect.remove("classify");
            expect.extend(Lang::get(code).link.clone());
            let expect: Params = expect.try_into().unwrap();
            assert_eq!(t.of(code), &expect, "{}", code.as_str());
        }
        let zh = t.of(LangCode::Zh);
        assert_eq!((zh.cohesion, zh.order_next, zh.outbid), (38.0, 1.5, 3.0));
        assert_eq!(t.of(LangCode::De), t.of(LangCode::Fr));
        assert_eq!(t.of(LangCode::Latin), t.of(LangCode::Fr));
    }

    #[test]
    fn a_file_changes_every_language_then_its_own() {
        let t = Tuning::from_file_text("stay = 2.0\n[zh]\nstay = 3.0\ncohesion = 40\n").unwrap();
        assert_eq!(t.of(LangCode::Zh).stay, 3.0);
        assert_eq!(t.of(LangCode::Zh).cohesion, 40.0);
        assert_eq!(t.of(LangCode::En).stay, 2.0);
        assert_eq!(t.of(LangCode::En).cohesion, 32.0);
        assert_eq!(t.of(LangCode::Latin).stay, 2.0);
    }

    #[test]
    fn a_latin_table_is_the_latin_languages_as_lang_latin_names_them() {
        let t = Tuning::from_file_text("[latin]\nstay = 7.5\n").unwrap();
        assert_eq!(t.of(LangCode::Latin).stay, 7.5);
        assert_ne!(t.of(LangCode::Fr).stay, 7.5);
        assert!(Tuning::from_file_text("[latin]\nstay = 7.5\n[und-Latn]\nstay = 2.0\n").is_err(), "one table, under two names");
    }

    #[test]
    fn a_bad_file_is_refused_with_its_fault_named() {
        let e = Tuning::from_file_text("stya = 2.0\n").unwrap_err();
        assert!(e.contains("unknown weight 'stya'"), "{e}");
        let e = Tuning::from_file_text("[en]\nstay = \"high\"\n").unwrap_err();
        assert!(e.contains("for en"), "{e}");
        assert!(Tuning::from_file_text("stay = \n").is_err());
        assert!(Tuning::from_file_text("positional = true\n").is_err(), "a fact of the page is not a weight");
        assert!(Tuning::from_file_text("[classify]\nlead_max = 100\n").is_err(), "the classifier's thresholds are the language tables'");
        // A table for a language that has none is named as such, not as a weight of every language.
        let e = Tuning::from_file_text("[nl]\nstay = 2.0\n").unwrap_err();
        assert!(e.contains("unknown table [nl]") && e.contains("[und-Latn]"), "{e}");
    }

    #[test]
    fn the_fitting_tool_searches_only_weights_that_exist() {
        let weights: toml::Table = crate::lang::WEIGHTS.parse().unwrap();
        let space: toml::Table = include_str!("../../tools/fit-space.toml").parse().unwrap();
        for (name, values) in &space {
            assert!(weights.contains_key(name), "tools/fit-space.toml names {name}, which weights.toml does not have");
            let values = values.as_array().unwrap_or_else(|| panic!("{name}: a list of values"));
            assert!(values.iter().all(|v| v.same_type(&weights[name]) || (v.is_integer() && weights[name].is_float())), "{name}: values of its type");
        }
    }

    #[test]
    fn a_geometric_page_switches_dearer_and_a_printed_one_settles_lower() {
        let lang = Lang::get(LangCode::En);
        let t = Tuning::builtin();
        let base = *t.of(lang.code);
        assert_eq!(base.on_page(true, false, false).switch, base.switch * base.geometric_switch);
        assert_eq!(base.on_page(false, false, true).weak_threshold(), Some(base.printed_weak_threshold));
        assert!(base.on_page(true, true, false).positional);
        assert_eq!(base.on_page(false, false, false), base);
    }
}
