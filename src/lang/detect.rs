//! Which language a page is in: Chinese by its script; a page in Latin script by whose commonest
//! words fill its text (each table's `profile`), or the Latin fallback when no language is
//! clearly ahead.

use super::words::{lower_into, words};
use super::{Lang, LangCode};

/// The Latin languages weighed, the fallback last: its profile holds the commonest words of other
/// languages (Dutch, Italian, Spanish, Portuguese), so a page in one of those votes for it.
const LATIN: [LangCode; 4] = [LangCode::En, LangCode::Fr, LangCode::De, LangCode::Latin];

/// Words enough to decide on: past these a page's vote does not change, and a page of a million
/// words costs no more than one of a few thousand.
const MAX_WORDS: usize = 20_000;

/// The language whose profile words are at least this share of the page's words may win. Clean
/// running text has a fifth to a third of its words in its own profile; OCR that reads "tho" for
/// "the" on every line (19th-century English) keeps under a tenth, and is English all the same.
const MIN_SHARE: f32 = 0.05;

/// And it must have at least this many times the hits of the next language: a page in one of the
/// tabled languages has ten to a hundred times the next one's, a page in a language between two
/// (Spanish words are French words too: de, la, que) far less.
const LEAD: f32 = 3.0;

/// The page's language: Chinese if CJK characters are a fair share of its letters (a Chinese
/// page quotes English names; a Latin page rarely holds more than a few CJK characters), else
/// the Latin language its words vote for.
/// `cjk` and `latin` count the page's letters of each script, `texts` are its lines.
pub fn detect<'a>(cjk: u64, latin: u64, texts: impl Iterator<Item = &'a str>) -> LangCode {
    if cjk > 0 && cjk * 4 >= latin {
        return LangCode::Zh;
    }
    latin_language(texts)
}

/// How many of the words of `texts` are in each Latin language's profile, and how many words
/// were read, as ([hits per language of `LATIN`], words).
pub fn profile_hits<'a>(texts: impl Iterator<Item = &'a str>) -> ([u32; 4], u32) {
    let langs = LATIN.map(Lang::get);
    let mut hits = [0u32; 4];
    let mut n = 0usize;
    let mut lower = String::new();
    'page: for t in texts {
        for (_, w) in words(t) {
            if !w.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            n += 1;
            if n > MAX_WORDS {
                break 'page;
            }
            lower_into(w, &mut lower);
            for (h, l) in hits.iter_mut().zip(&langs) {
                *h += u32::from(l.profile.contains(lower.as_str()));
            }
        }
    }
    (hits, n.min(MAX_WORDS) as u32)
}

/// The Latin language of `texts` by the profile vote.
pub fn latin_language<'a>(texts: impl Iterator<Item = &'a str>) -> LangCode {
    let (hits, n) = profile_hits(texts);
    if hits.iter().all(|&h| h == 0) {
        // Not one common word of any language (a headline, a list of names): nothing to tell,
        // and such a page is read as English, as every Latin page was before there were others.
        return LangCode::En;
    }
    let mut order: Vec<usize> = (0..LATIN.len()).collect();
    // Highest first; on a tie the earlier language, so the vote is the same on every run.
    order.sort_by(|&a, &b| hits[b].cmp(&hits[a]).then(a.cmp(&b)));
    let (best, second) = (order[0], order[1]);
    let share = hits[best] as f32 / n.max(1) as f32;
    if share >= MIN_SHARE && hits[best] as f32 >= LEAD * hits[second] as f32 {
        LATIN[best]
    } else {
        LangCode::Latin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(text: &str) -> LangCode {
        latin_language(std::iter::once(text))
    }

    #[test]
    fn short_texts_in_each_language() {
        assert_eq!(lang_of("The council voted on Monday to build a new pier, and the mayor said that it would be finished within the year."), LangCode::En);
        assert_eq!(lang_of("Le conseil a voté hier la construction d'un nouveau quai ; le maire a dit qu'il faut le finir dans l'année, et que les travaux sont déjà prévus."), LangCode::Fr);
        assert_eq!(lang_of("Der Gemeinderat hat gestern den Bau einer neuen Brücke beschlossen, und der Bürgermeister sagte, daß sie noch in diesem Jahre fertig werden wird."), LangCode::De);
        assert_eq!(lang_of("De gemeenteraad heeft gisteren besloten een nieuwe brug te bouwen, en de burgemeester zei dat het werk dit jaar nog klaar zal zijn."), LangCode::Latin);
        assert_eq!(lang_of("Il consiglio comunale ha deciso ieri di costruire un nuovo ponte, e il sindaco ha detto che i lavori saranno finiti entro l'anno."), LangCode::Latin);
        assert_eq!(lang_of("El ayuntamiento decidió ayer construir un nuevo puente, y el alcalde dijo que las obras estarán terminadas antes del fin del año."), LangCode::Latin);
    }

    #[test]
    fn too_little_to_tell_is_english_as_before() {
        assert_eq!(lang_of("MARKETS RALLY"), LangCode::En);
        assert_eq!(lang_of(""), LangCode::En);
    }

    #[test]
    fn a_line_or_two_is_enough_when_its_words_agree() {
        assert_eq!(lang_of("Le ministre est arrivé."), LangCode::Fr);
        assert_eq!(lang_of("Der Minister ist angekommen."), LangCode::De);
        assert_eq!(lang_of("The minister arrived."), LangCode::En);
        // One word for each of two languages: neither is ahead.
        assert_eq!(lang_of("The Tour des Alpes"), LangCode::Latin);
    }

    #[test]
    fn a_page_of_two_languages_goes_to_the_one_that_fills_it() {
        let fr = "Le ministre est arrivé hier soir à Lyon, où il a été reçu par le préfet et les membres du conseil général. ";
        let en = "The steamer arrived yesterday. ";
        assert_eq!(lang_of(&(fr.repeat(3) + en)), LangCode::Fr);
    }
}
