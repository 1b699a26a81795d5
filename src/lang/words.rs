//! The words of Latin text by Unicode's word boundaries (UAX #29): "aujourd'hui", "l'Assemblée"
//! and "Bleiweiß" are one word each, and accented letters are letters, where splitting at every
//! character that is not an ASCII letter made "aujourd" and "hui" of one word.

use super::Lang;
use unicode_segmentation::UnicodeSegmentation;

/// The words of `text` with their byte offsets: the stretches between word boundaries that hold a
/// letter or a digit. A hyphen is a boundary (Saint-Jean is two words), an apostrophe between
/// letters is not.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices()
}

/// `word` without an elided word written onto it with an apostrophe, as the language's table
/// lists them: "l'Assemblée" is about the Assembly, as "Assemblée" is. A word whose part before
/// the apostrophe is not listed (aujourd'hui) stays whole.
pub fn without_elision<'a>(word: &'a str, lang: &Lang) -> &'a str {
    if lang.elisions.is_empty() {
        return word;
    }
    let Some((i, c)) = word.char_indices().find(|&(_, c)| c == '\'' || c == '’') else { return word };
    let head = &word[..i];
    let rest = &word[i + c.len_utf8()..];
    let listed = lang.elisions.iter().any(|e| head.chars().flat_map(char::to_lowercase).eq(e.chars()));
    if listed && !rest.is_empty() { rest } else { word }
}

/// The words of `text` that may say what it is about: words holding a letter, and numbers,
/// each without an elided article (l'Assemblée → Assemblée).
pub fn content_words<'a>(text: &'a str, lang: &'a Lang) -> impl Iterator<Item = &'a str> {
    words(text)
        .map(|(_, w)| w)
        .filter(|w| w.chars().any(char::is_alphabetic) || w.bytes().all(|b| b.is_ascii_digit()))
        .map(|w| without_elision(w, lang))
}

/// `word` in lower case, into `out` (cleared first); ASCII without the Unicode tables.
pub fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangCode;

    #[test]
    fn words_keep_apostrophes_and_accents_and_split_hyphens() {
        let w: Vec<&str> = words("L'Assemblée a voté aujourd'hui; Bleiweiß, Saint-Jean – «déjà» 1882.").map(|x| x.1).collect();
        assert_eq!(w, ["L'Assemblée", "a", "voté", "aujourd'hui", "Bleiweiß", "Saint", "Jean", "déjà", "1882"]);
        let w: Vec<&str> = words("qu’il l’a dit").map(|x| x.1).collect();
        assert_eq!(w, ["qu’il", "l’a", "dit"]);
    }

    #[test]
    fn elisions_come_off_by_the_table() {
        let fr = Lang::get(LangCode::Fr);
        assert_eq!(without_elision("L'Assemblée", fr), "Assemblée");
        assert_eq!(without_elision("qu’il", fr), "il");
        assert_eq!(without_elision("aujourd'hui", fr), "aujourd'hui");
        assert_eq!(without_elision("Bleiweiß", fr), "Bleiweiß");
        // English has no elisions in its table: a possessive stays one word.
        assert_eq!(without_elision("king's", Lang::get(LangCode::En)), "king's");
        let c: Vec<&str> = content_words("L'Assemblée, le 3 mai 1882 ; 1,5 % — ", fr).collect();
        assert_eq!(c, ["Assemblée", "le", "3", "mai", "1882"]);
        let mut s = String::new();
        lower_into("ÉTÉ", &mut s);
        assert_eq!(s, "été");
    }
}
