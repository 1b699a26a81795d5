//! Each Latin table's patterns against lines written in its language's newspaper conventions: a
//! dateline, a running head, a byline, a jump line, the words detection and hyphens lean on.

use super::{Lang, LangCode};

fn dateline(l: &Lang, text: &str) -> Option<String> {
    l.dateline_captures(text).and_then(|c| c.name("dateline").map(|m| m.as_str().trim().to_string()))
}

fn running_head(l: &Lang, text: &str) -> bool {
    l.running_head.iter().any(|p| p.is_match(text))
}

/// The byline's role and names, as its pattern captures them.
fn byline(l: &Lang, text: &str) -> Option<(String, String)> {
    l.byline.iter().find_map(|p| p.captures(text)).map(|c| {
        let get = |k: &str| c.name(k).map_or(String::new(), |m| m.as_str().to_string());
        (get("role"), get("names"))
    })
}

/// The jump's page and whether it says where the story came from.
fn jump(l: &Lang, text: &str) -> Option<(Option<String>, bool)> {
    l.jump.iter().find_map(|p| p.captures(text)).map(|c| (c.name("page").or(c.name("pagew")).map(|m| m.as_str().to_string()), c.name("from").is_some()))
}

#[test]
fn french_table() {
    let fr = Lang::get(LangCode::Fr);
    assert_eq!(dateline(fr, "PARIS, 2 décembre. — Le conseil des ministres s'est réuni hier.").as_deref(), Some("PARIS, 2 décembre. —"));
    assert_eq!(dateline(fr, "Londres, 1er février. Le Parlement a repris ses travaux.").as_deref(), Some("Londres, 1er février."));
    // The first of the month as OCR reads 1er: a letter for the 1, a quote mark for the raised er.
    assert_eq!(dateline(fr, "Bordeaux, l« avril. Stock des sucres.").as_deref(), Some("Bordeaux, l« avril."));
    assert_eq!(dateline(fr, "Havre, 1\" avril. Cafés en baisse.").as_deref(), Some("Havre, 1\" avril."));
    assert_eq!(dateline(fr, "Vienne, ler. avril. Par service spécial.").as_deref(), Some("Vienne, ler. avril."));
    // Its comma as a stop or a closing guillemet (PARIS. 17 décembre. / Francfort» 1« avril.).
    assert_eq!(dateline(fr, "DIJON. 17 décembre. Le conseil s'est réuni.").as_deref(), Some("DIJON. 17 décembre."));
    assert_eq!(dateline(fr, "Francfort» 1« avril. Clôture.").as_deref(), Some("Francfort» 1« avril."));
    assert_eq!(dateline(fr, "Paris, le ministre a dit."), None);
    assert!(running_head(fr, "LE GAULOIS. - MERCREDI 8 FÉVRIER 1882"));
    assert!(running_head(fr, "2 LE PETIT JOURNAL DIMANCHE 3 JUIN 1900"));
    assert!(!running_head(fr, "Le ministre est parti mercredi pour Lyon avec sa famille."));
    assert_eq!(byline(fr, "Par Jean Dupont et Paul Martin"), Some(("Par".into(), "Jean Dupont et Paul Martin".into())));
    assert_eq!(byline(fr, "PAR M. DURAND"), Some(("PAR".into(), "M. DURAND".into())));
    assert_eq!(byline(fr, "(De notre correspondant particulier.)").map(|b| b.0), Some("De notre correspondant particulier".into()));
    assert_eq!(byline(fr, "Par suite de la pluie, la séance est levée."), None);
    assert_eq!(byline(fr, "Par Monts et Vallées"), None);
    assert_eq!(byline(fr, "Par M. de Cassagnac"), Some(("Par".into(), "M. de Cassagnac".into())));
    assert_eq!(jump(fr, "Suite page 3"), Some((Some("3".into()), false)));
    assert_eq!(jump(fr, "(Voir la suite en 2e page.)"), Some((Some("2".into()), false)));
    assert_eq!(jump(fr, "Suite de la première page"), Some((Some("première".into()), true)));
    assert_eq!(jump(fr, "(À suivre.)"), Some((None, false)));
    assert!(fr.ends_sentence("« Il faut partir. »"));
    assert!(!fr.ends_sentence("une lettre adressée à M."));
    assert!(fr.opens_on_connective("Cependant, le ministre"));
    assert!(!fr.opens_on_connective("Orléans a voté"));
    assert!(fr.signature.iter().any(|p| p.is_match("H. Fouquier.")));
    assert!(fr.opens_on_speck("i Un tel mélange"));
    assert!(!fr.opens_on_speck("à Paris, le ministre") && !fr.opens_on_speck("a Berlin entraîné"));
}

#[test]
fn german_table() {
    let de = Lang::get(LangCode::De);
    assert_eq!(dateline(de, "Berlin, 22. Nov. Der Reichstag trat heute zusammen.").as_deref(), Some("Berlin, 22. Nov."));
    assert_eq!(dateline(de, "Bern, den 5. Jänner 1845. Der Große Rat hat beschlossen.").as_deref(), Some("Bern, den 5. Jänner 1845."));
    assert_eq!(dateline(de, "Wien, 3. December (Korr.) — Die Verhandlungen").as_deref(), Some("Wien, 3. December (Korr.) —"));
    assert_eq!(dateline(de, "Bern , 5 . Jänner . Der Große Rat").as_deref(), Some("Bern , 5 . Jänner ."));
    assert!(running_head(de, "Nr. 47. — Luxemburg, Samstag, 22. November 1904."));
    assert!(running_head(de, "Seite 3"));
    assert!(!running_head(de, "Der Kaiser ist am Samstag nach Potsdam abgereist."));
    assert_eq!(byline(de, "Von Hans Meier und Karl Huber"), Some(("Von".into(), "Hans Meier und Karl Huber".into())));
    assert_eq!(byline(de, "(Von unserem Korrespondenten.)").map(|b| b.0), Some("Von unserem Korrespondenten".into()));
    assert_eq!(byline(de, "Von der Grenze wird gemeldet, daß"), None);
    assert_eq!(byline(de, "Von Woche zu Woche"), None);
    assert_eq!(byline(de, "Von Nah und Fern"), None);
    assert_eq!(byline(de, "Von Dr. K. Huber"), Some(("Von".into(), "Dr. K. Huber".into())));
    assert_eq!(jump(de, "(Fortsetzung folgt.)"), Some((None, false)));
    assert_eq!(jump(de, "Fortsetzung auf Seite 3"), Some((Some("3".into()), false)));
    assert_eq!(jump(de, "(Fortsetzung von Seite 1)"), Some((Some("1".into()), true)));
    assert!(!de.ends_sentence("wie Hr."));
    assert!(de.hyphen_keeps.contains("und"));
    assert!(de.is_function_word("Der") && !de.is_function_word("an"));
}

#[test]
fn latin_fallback_table() {
    let la = Lang::get(LangCode::Latin);
    assert_eq!(la.code.as_str(), "und-Latn");
    assert_eq!(dateline(la, "Amsterdam, 3 maart. De Tweede Kamer heeft").as_deref(), Some("Amsterdam, 3 maart."));
    assert_eq!(dateline(la, "ROMA, 12 gennaio — Il Senato ha approvato").as_deref(), Some("ROMA, 12 gennaio —"));
    assert_eq!(dateline(la, "Madrid, 2 de mayo. El Congreso").as_deref(), Some("Madrid, 2 de mayo."));
    assert!(running_head(la, "DE TIJD — Zaterdag 4 Maart 1911"));
    assert!(running_head(la, "IL SECOLO, Lunedì 12 Gennaio 1920"));
    assert_eq!(byline(la, "Door Jan de Vries"), Some(("Door".into(), "Jan de Vries".into())));
    assert_eq!(byline(la, "Por Juan García y Pedro Ruiz"), Some(("Por".into(), "Juan García y Pedro Ruiz".into())));
    assert_eq!(jump(la, "(Wordt vervolgd.)"), Some((None, false)));
    assert_eq!(jump(la, "Continua a pagina 3"), Some((Some("3".into()), false)));
    assert!(!la.opens_on_speck("e Roma ha") && la.opens_on_speck("i De Tweede Kamer"));
}

#[test]
fn profiles_are_lower_case_and_english_keeps_its_title_words() {
    for l in LangCode::ALL.map(Lang::get) {
        assert!(l.profile.iter().chain(&l.stopwords).chain(&l.function_words).all(|w| w.to_lowercase() == *w), "{}", l.code.as_str());
    }
    let en = Lang::get(LangCode::En);
    assert_eq!(en.name_joiners, [" and ", " & ", " AND "]);
    assert!(en.title_small_words.iter().any(|w| w == "of"));
    assert!(en.elisions.is_empty() && en.hyphen_keeps.is_empty());
}

#[test]
fn a_weekday_is_no_dateline_s_place() {
    // A court's sitting date over its cases reads like a dispatch's place and date.
    let en = Lang::get(LangCode::En);
    assert_eq!(dateline(en, "WEDNESDAY, AUGUST 2. The court sat at ten."), None);
    assert_eq!(dateline(en, "LONDON, Aug. 2. The court sat at ten.").as_deref(), Some("LONDON, Aug. 2."));
    // But a weekday is the date of a colonial paper's dispatch, under its place in capitals, on
    // the dispatch's first line or a line of its own.
    assert_eq!(dateline(en, "MELBOURNE, Wednesday. The court sat at ten.").as_deref(), Some("MELBOURNE, Wednesday."));
    assert_eq!(dateline(en, "BRISBANE, Monday.").as_deref(), Some("BRISBANE, Monday."));
    assert_eq!(dateline(en, "Sydney, Monday. The court sat at ten."), None);
    let fr = Lang::get(LangCode::Fr);
    assert_eq!(dateline(fr, "Mercredi, 2 décembre. Le conseil s'est réuni."), None);
    for code in [LangCode::En, LangCode::Fr, LangCode::De, LangCode::Latin] {
        assert!(Lang::get(code).weekdays.iter().all(|d| *d == d.to_lowercase()), "{code:?}");
    }
}
