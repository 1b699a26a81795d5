//! Regressions of pages in languages other than Chinese and English, each named after the bug it
//! pins down. The pages are written for these tests.

use newsseg::emit::Article;
use crate::common::{headed, headlines};
use newsseg::{process_page, Config, Page};

fn run(text: &str) -> Page {
    process_page(&Config::default(), "t", None, text.as_bytes()).expect("page processes")
}

/// An article's bylines as (role, name).
fn signed(a: &Article) -> Vec<(&str, Option<&str>)> {
    a.bylines.iter().map(|b| (b.role.as_str(), b.name.as_deref())).collect()
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect()
}

/// Every word of `expected` stands in the page's only article, in this order of appearance.
fn keeps_words(p: &Page, expected: &[&str]) {
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let got = words(&p.articles[0].text);
    let mut at = 0;
    for w in expected {
        match got[at..].iter().position(|g| g == w) {
            Some(i) => at += i + 1,
            None => panic!("{w:?} is not in the article (in order): {}", p.articles[0].text),
        }
    }
}

const FRENCH: &str = "LA SÉANCE D'HIER

PARIS, 2 décembre. — La Chambre a discuté hier le projet
de loi sur les chemins de fer. Le ministre a dit qu'il faut
attendre encore une fois le rapport de la commission, et
il a donc demandé le renvoi. Les députés de la droite ont
voté contre le renvoi, mais la majorité l'a emporté. La
séance fut belle et animée jusqu'au soir, et l'on ne sait
pas encore quand la discussion pourra reprendre à la Cham-
bre, où les partis attendent le rapport de la commission.
";

#[test]
fn english_corrector_rewrites_french_words() {
    // The English list and its corrector made taut, fors, done, out, centre, belie of these.
    let p = run(FRENCH);
    assert_eq!(p.language, "fr");
    keeps_words(&p, &["faut", "fois", "donc", "ont", "contre", "belle"]);
    let a = &p.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("PARIS, 2 décembre. —"));
    assert!(a.text.contains("à la Chambre, où"), "a word broken at the line's end is joined: {}", a.text);
}

const GERMAN: &str = "DER REICHSTAG

Berlin, 22. Nov. Der Reichstag hat gestern die ganze Sitzung
über den Haushalt beraten. Der Minister sagte, man darf die
Vorlage nicht verschieben, denn die Regierung braucht das
Geld noch in diesem Jahre. Die Abgeordneten der Linken
stimmten gegen die Vorlage, aber die Mehrheit nahm sie an.
Die Beratung wird morgen fortgesetzt, wenn die Regie-
rung die Zahlen vorgelegt hat, die der Ausschuß verlangt.
";

#[test]
fn english_corrector_rewrites_german_words() {
    // The English list and its corrector made gauze, dart, dean, sic, wean of these.
    let p = run(GERMAN);
    assert_eq!(p.language, "de");
    keeps_words(&p, &["ganze", "darf", "denn", "sie", "wenn"]);
    let a = &p.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("Berlin, 22. Nov."));
    assert!(a.text.contains("wenn die Regierung die Zahlen"), "{}", a.text);
}

#[test]
fn english_word_list_decides_hyphens_on_a_french_page() {
    // Ille-|et-Vilaine and Saint-|Jean are names printed with their hyphens; con-|tre is a
    // word broken by the line.
    let page = "NOUVELLES DES DÉPARTEMENTS\n\nRENNES, 3 mars. — Un incendie a détruit hier une ferme à Saint-\nJean, près de Vitré (Ille-\net-Vilaine). Les pompiers ont lutté con-\ntre le feu toute la nuit, et le fermier a pu sauver ses bêtes.\n";
    let p = run(page);
    assert_eq!(p.language, "fr");
    let t = &p.articles[0].text;
    assert!(t.contains("Saint-Jean") && t.contains("(Ille-et-Vilaine)") && t.contains("lutté contre le feu"), "{t}");
}

#[test]
fn a_dutch_page_is_neither_english_nor_mended() {
    let page = "DE GEMEENTERAAD\n\nAmsterdam, 3 maart. De gemeenteraad heeft gisteren besloten een nieuwe brug\nte bouwen over het IJ. De wethouder zei dat het werk nog dit jaar zal\nbeginnen, maar de raad wil eerst de kosten kennen.\n";
    let p = run(page);
    assert_eq!(p.language, "und-Latn");
    keeps_words(&p, &["heeft", "een", "het", "dat", "nog", "maar", "de", "raad"]);
    assert_eq!(p.articles[0].dateline.as_deref(), Some("Amsterdam, 3 maart."));
}

#[test]
fn forcing_a_language_applies_its_table() {
    let cfg = Config { lang: "latin".parse().expect("a language"), ..Config::default() };
    let p = process_page(&cfg, "t", None, FRENCH.as_bytes()).expect("page processes");
    assert_eq!(p.language, "und-Latn");
    keeps_words(&p, &["faut", "fois", "donc", "contre"]);
    assert!("xx".parse::<newsseg::LangChoice>().is_err());
}

#[test]
fn regression_signature_read_as_a_subhead_glued_the_next_article_on() {
    // A name closing a piece is its author's signature, not a heading over the next piece's text.
    // (A page written for this test.)
    let page = "DER STREIT UM DAS WASSER\n\nSeit Wochen streiten die Bauern des Tales mit der Stadt um das Wasser des\nBaches, das die Stadt für ihre neue Leitung fassen will. Die Bauern fürchten\num ihre Wiesen und haben sich an die Regierung gewandt.\n\nHeinrich Keimer\n\nDIE NEUE BRÜCKE\n\nDie neue Brücke über den Fluß wird im Frühjahr eröffnet. Sie ist aus Eisen\ngebaut und trägt auch die schwersten Wagen.\n";
    let p = newsseg::process_page(&newsseg::Config::default(), "t", None, page.as_bytes()).expect("page processes");
    let first = p.articles.iter().find(|a| a.text.contains("Bauern")).expect("first piece");
    assert_eq!(signed(first), [("signature", Some("Heinrich Keimer"))], "{:#?}", p.articles);
    assert!(!first.text.contains("Brücke"), "the next piece glued on: {:#?}", p.articles);
    assert!(p.articles.iter().any(|a| a.headline.as_deref() == Some("DIE NEUE BRÜCKE")), "{:#?}", p.articles);
}

#[test]
fn regression_french_line_heading_the_text_was_read_as_the_rest_of_the_title() {
    // A title set apart, then a line in capitals set tight over the text it heads: that line is
    // the text's, not the second half of the title. (A page written for this test.)
    let page = "LA SAISON DES VENDANGES\n\nLES COTEAUX DU SUD\nLes vendanges ont commencé cette semaine dans les coteaux du sud, et\nles vignerons disent que la récolte sera belle si le beau temps dure\nencore quelques jours. Les raisins sont sains et le vin sera bon.\n\nDans les vallées du nord, au contraire, la pluie a fait pourrir une\npartie des grappes, et les vignerons attendent avec inquiétude la fin\ndu mois pour savoir ce qui restera de leur travail de toute l'année.\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].headline.as_deref(), Some("LA SAISON DES VENDANGES"), "{:#?}", p.articles);
    assert!(p.articles[0].text.contains("LES COTEAUX DU SUD"));
}

#[test]
fn regression_english_title_closed_by_a_stop_after_finished_text_was_a_subhead() {
    // Old English papers close a title with a full stop and set it apart from the piece above:
    // under finished text it opens a piece, however many words the two pieces share. (A page
    // written for this test.)
    let page = "THE MARKETS.\n\nThe corn market was dull on Tuesday, and the price of wheat fell by\ntwo shillings a quarter from the rates of last week, the farmers\nbeing unwilling to sell wheat at the prices which the millers offered.\n\nTO CORRESPONDENTS.\n\nA farmer asks us why the price of wheat at the corn market fell on\nTuesday; the millers, we believe, had bought wheat enough last week,\nand the farmers must wait for the market to mend before they sell.\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("THE MARKETS."), Some("TO CORRESPONDENTS.")], "{:#?}", p.articles);
}

#[test]
fn regression_german_signature_naming_no_one_was_read_as_a_headline() {
    // A reader's letter signed by what the writer is (Ein Abonnent), over the next piece's title
    // in body type: the line signs the letter, and the title under it opens the next piece. (A
    // page written for this test.)
    let page = "DER STREIT UM DAS WASSER\n\nSeit Wochen streiten die Bauern des Tales mit der Stadt um das Wasser des\nBaches, das die Stadt für ihre neue Leitung fassen will. Die Bauern fürchten\num ihre Wiesen und haben sich an die Regierung gewandt.\n\nEin Abonnent\n\nDie neue Brücke\n\nDie neue Brücke über den Fluß wird im Frühjahr eröffnet. Sie ist aus Eisen\ngebaut und trägt auch die schwersten Wagen, und die Bauern freuen sich darauf.\n";
    let p = run(page);
    // Each article's headline, and its bylines as (role, name).
    type Signed<'a> = (Option<&'a str>, Vec<(&'a str, Option<&'a str>)>);
    let got: Vec<Signed> = p.articles.iter().map(|a| (a.headline.as_deref(), signed(a))).collect();
    assert_eq!(got, [(Some("DER STREIT UM DAS WASSER"), vec![("signature", Some("Ein Abonnent"))]), (Some("Die neue Brücke"), vec![])], "{:#?}", p.articles);
}

#[test]
fn regression_french_rubric_under_cut_text_was_read_as_a_signature() {
    // A rubric in capitalised words (Causeries Parisiennes) set apart over a title, under text cut
    // off on a hyphen: it heads what follows, and signs nothing, as a name closes finished text
    // only. (A page written for this test.)
    let page = "LA SÉANCE D'HIER\n\nLa Chambre a discuté hier le projet de loi sur les chemins de fer, et le ministre a\ndemandé le renvoi du projet à la commission, que la majorité a refusé aux bas-\n\nCauseries Parisiennes\n\nAU THÉÂTRE\n\nLe théâtre a donné hier soir une pièce nouvelle, que le public a fort applaudie, et les\nacteurs ont été rappelés trois fois à la fin du dernier acte par une salle comble.\n";
    let p = run(page);
    assert!(p.articles.iter().all(|a| a.bylines.is_empty()), "{:#?}", p.articles);
    let rubric = headed(&p, "Causeries Parisiennes");
    assert!(rubric.text.contains("AU THÉÂTRE") && rubric.text.contains("pièce nouvelle"), "{:#?}", p.articles);
}

#[test]
fn regression_notice_signed_by_its_body_was_read_as_the_next_item_s_headline() {
    // A roundup of local news: a meeting notice signed by the society's board, then the next item
    // with its run-in heading. The board signs the notice; it heads nothing. (A page written for
    // this test.)
    let page = "Aus der Stadt.\n\nDer Gesangverein hält Sonntag, den 17. Januar, nachmittags 2 Uhr seine\nGeneralversammlung im Vereinslokal ab. Die Tagesordnung lautet: Bericht\ndes Kassierers, Wahl des Vorstandes, Verschiedenes.\n\nDer Vorstand\n\nMarktbericht. Auf dem Wochenmarkt wurden am Samstag Kartoffeln, Butter und\nEier zu den Preisen der Vorwoche verkauft; nur das Obst war teurer.\n";
    let p = run(page);
    assert_eq!(p.articles[0].headline.as_deref(), Some("Aus der Stadt."), "{:#?}", p.articles);
    assert!(!headlines(&p).contains(&Some("Der Vorstand")), "{:#?}", p.articles);
    assert_eq!(signed(&p.articles[0]), [("signature", Some("Der Vorstand"))], "{:#?}", p.articles);
}

#[test]
fn regression_wire_credit_in_capitals_stays_a_credit_where_the_language_knows_no_signatures() {
    // English knows no signature shapes but its bodies' (The Committee): a wire agency's name in
    // capitals closing a story is its credit, not a signing author. (A page written for this test.)
    let page = "  The harbor board voted on Monday to build a new cargo\npier at the north basin, and work is expected to begin\nin the autumn, officials said.\n  The board said the pier would take two years to build\nand would double the port's grain trade, officials said.\n  REUTER\n\nRAIL STRIKE ENDS AFTER A WEEK\n\n  Freight workers returned to the rail yards on Monday\nafter a strike that stranded grain shipments.\n";
    let p = run(page);
    let at = page.find("  REUTER").expect("in the page") + 2;
    let line = p.lines.iter().find(|l| l.span.start() == at).expect("the credit's line");
    assert_eq!(format!("{:?}", line.role), "Credit", "{:#?}", p.lines);
}

#[test]
fn regression_french_pen_name_of_an_article_and_a_noun_was_glued_to_the_next_title() {
    // A chronicle signed with a pen name (Un Parisien) set tight under its last line, over the
    // next piece's title: the pen name signs the chronicle and heads nothing. (A page written for
    // this test.)
    let page = "LA VIE À PARIS\n\nOn ne parle plus que du bal de l'Opéra,\noù la foule était si grande hier qu'on\nne pouvait plus avancer dans le foyer\nni dans les couloirs!...\nUN PARISIEN\n\nLES THÉÂTRES\n\nLa Comédie-Française reprendra demain\nune pièce de Molière, avec les\ncomédiens qui l'ont jouée l'hiver\ndernier devant une salle comble.\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("LA VIE À PARIS"), Some("LES THÉÂTRES")], "{:#?}", p.articles);
    let names: Vec<Option<&str>> = signed(&p.articles[0]).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, [Some("UN PARISIEN")], "{:#?}", p.articles);
}

/// A short French story, finished, to stand above the piece a test is about.
const SEANCE: &str = "LA SÉANCE D'HIER\n\nLa Chambre a discuté hier le projet de loi sur les chemins de fer, et le ministre a\ndemandé le renvoi du projet à la commission, que la majorité a refusé.\n\n";

#[test]
fn regression_french_roundup_items_headed_in_capitals_were_cut_into_pieces_of_their_own() {
    // Short news under a rubric in lower case, each item headed in the capitals a story is
    // headed with, on subjects that share no words: the items are the rubric's, not pieces of
    // their own. A signature closes the run. (A page written for this test.)
    let page = format!("{SEANCE}Échos de la Ville\n\nUN INCENDIE RUE DE RIVOLI\nUn incendie a éclaté cette nuit dans un magasin de la rue de Rivoli; les pompiers\nont sauvé les locataires du troisième étage, et les dégâts sont considérables.\n\nLA NEIGE\nIl est tombé hier sur Paris une neige abondante, qui a rendu les rues glissantes; on\nsignale plusieurs chutes de chevaux sur les boulevards et au quai d'Orsay.\n\nUN CHIEN SAVANT\nUn montreur d'animaux présentait hier, place de la Bastille, un caniche qui compte\njusqu'à vingt et devine l'heure, au grand plaisir des enfants du quartier.\n");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("Échos de la Ville")], "{:#?}", p.articles);
    let roundup = &p.articles[1].text;
    assert!(roundup.contains("pompiers") && roundup.contains("neige abondante") && roundup.contains("caniche"), "{roundup}");
}

#[test]
fn regression_french_title_in_body_type_over_a_deck_in_capitals_was_read_as_text() {
    // A title in sentence case set apart over its deck in capitals, the dispatch tight under the
    // deck: the title heads the story; it was taken for a paragraph of the story above, and the
    // deck for the headline. (A page written for this test.)
    let page = format!("{SEANCE}Une collision en gare de Lyon\n\nDEUX BLESSÉS\nLYON, 3 mars. — Un train de marchandises a heurté ce matin un train de voyageurs\nà l'entrée de la gare; deux employés ont été blessés, et la voie a été dégagée à midi.\n");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("Une collision en gare de Lyon")], "{:#?}", p.articles);
    assert!(p.articles[1].text.contains("train de marchandises"), "{:#?}", p.articles);
}

#[test]
fn regression_french_title_over_a_deck_both_in_body_type_was_read_as_text() {
    // A title and its deck in sentence case, each set apart, over a dispatch: the title runs on
    // into the deck by its shape (no stop), so neither stood apart as a heading and both were
    // read as text of the story above. (A page written for this test.)
    let page = format!("{SEANCE}Les élections anglaises\n\nLe vote des femmes\n\nLONDRES, 16 décembre. — Le correspondant parlementaire du Times dit que la\nnouvelle loi électorale donnera cette année le droit de vote à six millions\nde femmes, et que les partis ont déjà ouvert des bureaux pour les recevoir.\n");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("Les élections anglaises")], "{:#?}", p.articles);
    assert_eq!(p.articles[1].deck.as_deref(), Some("Le vote des femmes"), "{:#?}", p.articles);
}

#[test]
fn regression_french_title_in_body_type_under_a_rubric_in_capitals_was_read_as_text() {
    // A town's rubric in capitals, set apart over the piece's own title in sentence case, itself
    // set apart over the text: the title is the rubric's deck; it was read as the text's first
    // paragraph. (A page written for this test.)
    let page = format!("{SEANCE}LYON\n\nLa foire aux jambons\n\nLa foire aux jambons s'est ouverte hier matin sur la place Bellecour, où plus de\ncent marchands venus de toute la région avaient dressé leurs tréteaux dès l'aube;\nles acheteurs, nombreux malgré la pluie, ont fait monter les prix de moitié avant\nmidi, et la foire durera jusqu'à dimanche soir.\n");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("LYON")], "{:#?}", p.articles);
    assert_eq!(p.articles[1].deck.as_deref(), Some("La foire aux jambons"), "{:#?}", p.articles);
}

#[test]
fn regression_french_dispatch_under_capitals_is_no_title_though_its_dateline_was_missed() {
    // A place in capitals and a comma open a dispatch, whatever follows the date: under a heading
    // in capitals it is the text's opening line, not the heading's deck. (A page written for this
    // test.)
    let page = format!("DERNIÈRE HEURE\n\nLYON, 4 mars, 3 heures du soir.\n\n« Un incendie a détruit cette nuit un entrepôt de soieries du quai Saint-Vincent; les\npompiers ont protégé les maisons voisines, et personne n'a été blessé; les pertes\nsont estimées à deux cent mille francs, et une enquête a été ouverte ce matin par\nle commissaire du quartier. »\n\n{SEANCE}");
    let p = run(&page);
    let a = &p.articles[0];
    assert!(a.deck.is_none() && a.sections.iter().all(|s| s.heading.is_none()), "{a:#?}");
}

#[test]
fn regression_french_chapter_number_is_no_rubric_over_the_title_under_it() {
    // A serial's chapter number in Roman figures, set apart over a line in body type: the number
    // is no rubric, so the line is not made its deck. (A page written for this test.)
    let page = format!("{SEANCE}IV\n\nLe retour du marin\n\nLe lendemain, dès l'aube, Jean descendit au port avec son père pour attendre la\nbarque qui devait ramener son frère; le vent soufflait fort, et les femmes du\nvillage regardaient la mer sans rien dire, serrées les unes contre les autres.\n");
    let p = run(&page);
    assert!(p.articles.iter().all(|a| a.deck.as_deref() != Some("Le retour du marin")), "{:#?}", p.articles);
}

#[test]
fn regression_french_rubric_in_capitals_was_joined_onto_the_title_under_it() {
    // A rubric in capitals set apart over a title in capitals opening on an article: the title's
    // rest opens on a preposition or a conjunction, so the two are two lines of the group, not
    // one headline; a title wrapped before a preposition stays one. (A page written for this test.)
    let body = "La course organisée dimanche par la société vélocipédique de la ville a réuni plus de\ntrente coureurs venus de toute la région; le vainqueur a couvert les cent kilomètres\nen moins de quatre heures, malgré le vent et la pluie qui n'ont cessé de tomber.\n";
    let talk = "Les maires réunis hier au Palais du Luxembourg ont voté une adresse au gouvernement\nsur les finances des communes; le président du congrès a rappelé les charges\nnouvelles qui pèsent depuis la guerre sur les plus petites d'entre elles.\n";
    let page = format!("{SEANCE}VÉLOCIPÉDIE\n\nLA COURSE DE LYON\n\n{body}\nLE CONGRÈS DES MAIRES\n\nDE FRANCE\n\n{talk}");
    let p = run(&page);
    let heads: Vec<Option<&str>> = p.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert!(heads.contains(&Some("VÉLOCIPÉDIE")) && heads.contains(&Some("LE CONGRÈS DES MAIRES DE FRANCE")), "{heads:?}");
}

#[test]
fn regression_french_caption_name_over_a_title_in_capitals_was_read_as_the_headline() {
    // A portrait's caption, a name with an initial, set apart over the next title in capitals: the
    // name closes what stands above, and the title under it is the headline; a signature naming
    // no one (an article and a noun) likewise. (A page written for this test.)
    let body = "La commission a entendu hier le rapporteur du projet, qui a conclu au rejet des\namendements déposés par la minorité; la discussion reprendra lundi prochain en\nséance publique, et le vote est attendu avant la fin de la semaine.\n";
    let page = format!("{SEANCE}M. DURAND\n\nLA GRÈVE DES MINEURS\n\n{body}");
    let p = run(&page);
    let heads: Vec<Option<&str>> = p.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert!(heads.contains(&Some("LA GRÈVE DES MINEURS")), "{heads:?}");
}

#[test]
fn regression_french_slogan_over_a_title_in_capitals_was_read_as_the_headline() {
    // A line of capitals many times the length of the title under it (the paper's slogan or a
    // standfirst) is no headline: the short line under it is. (A page written for this test.)
    let body = "La foire d'hiver s'est ouverte hier sur la place du marché, où plus de deux cents\nmarchands de bestiaux étaient venus des cantons voisins; les prix sont restés fermes,\net les affaires ont été nombreuses jusqu'à la tombée de la nuit.\n";
    let page = format!("{SEANCE}LE SEUL JOURNAL QUI PUBLIE CHAQUE MATIN LES NOUVELLES DE TOUTES LES COMMUNES DU DÉPARTEMENT\n\nLA FOIRE D'HIVER\n\n{body}");
    let p = run(&page);
    let heads: Vec<Option<&str>> = p.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert!(heads.contains(&Some("LA FOIRE D'HIVER")), "{heads:?}");
}

#[test]
fn regression_french_signature_of_initials_was_dropped_as_noise_or_read_as_a_headline() {
    // Initials signing a piece are more marks and spaces than letters, which made the line noise;
    // kept as a line, a line of capitals over text cut off (its title's capital lost to the OCR)
    // read as a headline. Initials close the piece above whatever follows. (A page written for
    // this test.)
    let page = "LES ÉLECTIONS ANGLAISES\n\nLONDRES, 16 décembre. Le correspondant\nparlementaire du journal dit que la nouvelle\nloi donne aux femmes le droit de vote pour la\npremière fois, et que leur participation sera\nsans doute très forte dans toutes les circons-\ncriptions du pays. L'observation est tout à\nson honneur.\nE. L. B.\n\nles troupes françaises ont fait 250 prisonniers\n\nBALE, 16 décembre. Le commandant des troupes\nqui occupent la ville a défendu, sous les\npeines les plus sévères, de vendre ou de\nporter sur soi les journaux paraissant sur la\nrive droite du Rhin. Dimanche dernier, de\nnombreux soldats se sont rendus en ville.\n";
    let p = run(page);
    let first = p.articles.iter().find(|a| a.text.contains("circonscriptions")).expect("first piece");
    assert_eq!(signed(first), [("signature", Some("E. L. B."))], "{:#?}", p.articles);
    assert!(p.articles.iter().all(|a| a.headline.as_deref() != Some("E. L. B.")), "{:#?}", p.articles);
}

#[test]
fn regression_french_title_over_text_opening_on_a_speck_was_read_as_text() {
    // The OCR engine read a speck off the drop cap's ornament as a letter (i Un tel…): the
    // paragraph seemed to open mid-sentence, so the title and deck over it were read as text of
    // the story above. A letter that is a French word (a, à) still opens mid-sentence. (A page
    // written for this test.)
    let text = "Un tel mélange d'impressions comme en un kaléidoscope se reflète en images\nmultiples dans mon esprit, après tant de péripéties traversées, tant d'émotions\nressenties, que je ne sais par où commencer le récit de ma captivité.\n";
    let page = format!("{SEANCE}Impressions de captivité\n\nLa fourberie boche\n\ni {text}");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("Impressions de captivité")], "{:#?}", p.articles);
    assert_eq!(p.articles[1].deck.as_deref(), Some("La fourberie boche"), "{:#?}", p.articles);
    let page = format!("{SEANCE}Impressions de captivité\n\nLa fourberie boche\n\na {text}");
    assert_eq!(headlines(&run(&page)), [Some("LA SÉANCE D'HIER")]);
}

#[test]
fn regression_french_title_as_wide_as_its_column_was_read_as_text() {
    // A title in body type set apart over its story, but as wide as the narrow column, was held
    // to be a paragraph's full first line. A line of its own that no stop closes is a title; one
    // that ends its sentence stays a paragraph of one line. (A page written for this test.)
    let above = "La Chambre a discuté hier le projet de loi sur\nles chemins de fer, et le ministre a demandé\nle renvoi du projet à la commission, ce que la\nmajorité a refusé après un long débat.\n\n";
    let story = "Divers journaux ont publié des informations\nsur la composition de la délégation qui doit\nreprésenter la France au Congrès, et sur la\ndate de son départ, qui n'est pas encore fixée.\n";
    let page = format!("LA SÉANCE D'HIER\n\n{above}La délégation française au Congrès de la Paix\n\n{story}");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("La délégation française au Congrès de la Paix")], "{:#?}", p.articles);
    let page = format!("LA SÉANCE D'HIER\n\n{above}Le conseil municipal s'est réuni hier au soir.\n\n{story}");
    assert_eq!(headlines(&run(&page)), [Some("LA SÉANCE D'HIER")]);
}

#[test]
fn regression_french_heading_under_a_to_be_continued_line_was_a_subhead_of_the_serial() {
    // "(A suivre)." sends the serial above to the next issue: the heading under it heads a story
    // of its own, not a section of the serial, however many words the two share. (A page written
    // for this test.)
    let serial = "Elle se tut. Le comte la regarda longtemps sans rien dire, puis il\nprit son chapeau, salua et sortit sans se retourner, laissant la\njeune femme seule devant la fenêtre ouverte sur le jardin.\n\n(A suivre).\n\n";
    let page = format!("{SEANCE}LA REVANCHE D'AMOUR\n\n{serial}LE JARDIN DU COMTE\n\nLe comte a ouvert hier son jardin aux visiteurs, et la jeune femme\nqui le garde les a reçus devant la fenêtre ouverte, sans rien dire.\n");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("LA REVANCHE D'AMOUR"), Some("LE JARDIN DU COMTE")], "{:#?}", p.articles);
}

#[test]
fn regression_french_title_in_capitals_ending_in_lower_case_lost_its_rest_to_the_story_above() {
    // The paper sets a title's subject in capitals and its rest in lower case, tight under it (M.
    // WILSON / auprès du maréchal Foch): the rest, opening in lower case, read as text going on
    // from elsewhere and was glued to another story. (A page written for this test.)
    let page = format!("{SEANCE}M. WILSON\nauprès du maréchal Foch\n\nPARIS, 17 décembre. — Le Président quittera Paris aujourd'hui et se\nrendra au quartier général du maréchal, avec lequel il conférera.\n");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("M. WILSON auprès du maréchal Foch")], "{:#?}", p.articles);
    assert!(p.articles[1].text.contains("quittera Paris"), "{:#?}", p.articles);
}

#[test]
fn regression_french_title_under_text_broken_off_was_an_item_of_the_roundup_above() {
    // A serial's column, broken off mid-word, set in among a roundup's items: the heading in
    // capitals under it is no item of the roundup (another story's column came between) but the
    // title of a piece of its own. (A page written for this test.)
    let roundup = "Échos de la Ville\n\nUN INCENDIE RUE DE RIVOLI\nUn incendie a éclaté cette nuit dans un magasin de la rue de Rivoli; les pompiers\nont sauvé les locataires du troisième étage, et les dégâts sont considérables.\n\nLA NEIGE\nIl est tombé hier sur Paris une neige abondante, qui a rendu les rues glissantes; on\nsignale plusieurs chutes de chevaux sur les boulevards et au quai d'Orsay.\n\n";
    let serial = "Le comte la regarda longtemps sans rien dire, puis il prit son chapeau, salua et\nsortit du salon sans se retourner, laissant la jeune femme seule devant la fe-\n\n";
    let page = format!("{SEANCE}{roundup}{serial}LA MODE\n\nSous la neige abondante qui tombe sur Paris, les robes de cet hiver sont longues et\nsombres sur les boulevards, et les manteaux de fourrure reviennent rue de Rivoli.\n");
    let p = run(&page);
    let heads = headlines(&p);
    assert!(heads.contains(&Some("LA MODE")), "{:#?}", p.articles);
    let mode = headed(&p, "LA MODE");
    assert!(mode.text.contains("manteaux de fourrure"), "{:#?}", p.articles);
}

#[test]
fn regression_french_title_under_text_broken_off_was_a_section_of_that_story() {
    // A serial's column broken off mid-word: the heading set apart under it heads a piece of its
    // own, however many words its text shares with the serial's. (A page written for this test.)
    let serial = "Le comte la regarda longtemps sans rien dire, puis il prit son chapeau, salua et\nsortit du salon sans se retourner, laissant la jeune femme seule devant la fe-\n\n";
    let page = format!("{SEANCE}LA REVANCHE D'AMOUR\n\n{serial}LE JARDIN DU COMTE\n\nLe comte a ouvert hier son jardin aux visiteurs, et la jeune femme qui le garde les a\nreçus devant le salon, sans rien dire, puis elle a salué et elle est sortie.\n");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("LA REVANCHE D'AMOUR"), Some("LE JARDIN DU COMTE")], "{:#?}", p.articles);
}

#[test]
fn regression_french_dateline_on_the_first_of_the_month_read_ler_was_not_seen() {
    // OCR reads the 1 of "1er" as a letter, a speck after it: "Vienne, ler. avril." still opens
    // the dispatch under its headline, which had gone to the next story, from the same desk.
    // (A page written for this test.)
    let page = format!("{SEANCE}CUIRASSE A L'ÉPREUVE DES BALLES\n\nVienne, ler. avril. Par service spécial.\nOn a procédé hier, dans la fabrique de cartouches de cette ville, à des essais de\ntir sur une cuirasse; la balle de plomb a fondu contre l'enveloppe d'acier.\n\nINCENDIE A MANILLE\n\nMadrid, ler avril. Par service spécial.\nOn télégraphie de Manille qu'un terrible incendie a éclaté dans la banlieue de la\nville; plus de cent maisons ont été détruites par le feu.\n");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("CUIRASSE A L'ÉPREUVE DES BALLES"), Some("INCENDIE A MANILLE")], "{:#?}", p.articles);
    assert_eq!(p.articles[1].dateline.as_deref(), Some("Vienne, ler. avril."), "{:#?}", p.articles[1]);
    assert!(p.articles[1].text.contains("cuirasse") && !p.articles[2].text.contains("cuirasse"), "{:#?}", p.articles);
}

#[test]
fn regression_french_title_whose_stop_ocr_read_as_a_comma_was_read_as_text() {
    // A fait-divers' title set apart, its closing stop read as a comma: it still heads its story.
    // A letter's salutation, set the same way and closed by its comma, heads nothing. (A page
    // written for this test.)
    let above = "La Chambre a discuté hier le projet de loi sur\nles chemins de fer, et le ministre a demandé\nle renvoi du projet à la commission, ce que la\nmajorité a refusé après un long débat.\n\n";
    let farce = "Les figurants du théâtre des Variétés cachaient\nhier le pantalon d'un camarade nommé Tempête,\nqui a poursuivi les farceurs jusque dans la rue,\nen costume de scène, sous les rires des passants.\n\n";
    let letter = "Je vous prie d'insérer dans votre journal la\nrectification suivante, au sujet de l'article\nque vous avez consacré hier à notre société de\ngymnastique et à son dernier concours.\n";
    let page = format!("LA SÉANCE D'HIER\n\n{above}Les fureurs de Tempête,\n\n{farce}Le président de la société nous adresse, au\nsujet de ce concours, la lettre que voici.\n\n« Cher Monsieur,\n\n{letter}");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("LA SÉANCE D'HIER"), Some("Les fureurs de Tempête,")], "{:#?}", p.articles);
    assert!(p.articles[1].text.contains("Cher Monsieur") && p.articles[1].text.contains("gymnastique"), "{:#?}", p.articles[1]);
}
