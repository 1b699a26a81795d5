//! English and historical pages: bylines, datelines, jump lines, running heads, noise, hyphenation.

use crate::common::{headed, headlines};
use newsseg::{process_page, Config, Page};

fn run(text: &str) -> Page {
    process_page(&Config::default(), "t", None, text.as_bytes()).expect("page processes")
}

fn roles(p: &Page, text: &str) -> Vec<String> {
    p.lines.iter().map(|l| format!("{:?}:{}", l.role, &text[l.span.0..l.span.1])).collect()
}

const STORY: &str = "  The council voted on Monday to widen the harbor road and to build a new\nbridge over the river, ending a long debate over the cost of both projects.\n  Work is expected to begin in the spring, the mayor said after the vote.\n";

#[test]
fn byline_forms() {
    for (line, name) in [
        ("By JOHN SMITH", Some("JOHN SMITH")),
        ("By Jane Arraf, Reuters", Some("Jane Arraf")),
        ("BY THE ASSOCIATED PRESS", Some("THE ASSOCIATED PRESS")),
        ("Special to The Star", Some("The Star")),
        ("From Our Own Correspondent", None),
        // In brackets under the title, and as OCR reads it: F as P, a speck before OUR. The
        // capitals form was a section heading of the story.
        ("(From our own Correspondent.)", None),
        ("(PROM 'OUR OWN CORRESPONDENT.)", None),
    ] {
        let page = format!("COUNCIL WIDENS HARBOR ROAD\n\n{line}\n\n{STORY}");
        let p = run(&page);
        assert_eq!(p.articles.len(), 1, "{line}");
        let a = &p.articles[0];
        assert_eq!(a.bylines.len(), 1, "{line}: {:?}", a.bylines);
        assert_eq!(a.bylines[0].text, line);
        assert_eq!(a.bylines[0].name.as_deref(), name, "{line}");
    }
}

#[test]
fn datelines_open_the_first_paragraph_and_stay_in_it() {
    for (opening, dateline) in [
        ("MONTREAL, Feb 26 - The council voted", "MONTREAL, Feb 26 -"),
        ("WASHINGTON, March 3.—The council voted", "WASHINGTON, March 3.—"),
        ("PALO ALTO, Calif., March 3 - The council voted", "PALO ALTO, Calif., March 3 -"),
        // A roundup's dispatch closes its place and date with a stop, its agency's initials after.
        ("LONDON, Feb. 16. The council voted", "LONDON, Feb. 16."),
        ("SOFIA, Aug. 25. (A.A.P.) The council voted", "SOFIA, Aug. 25. (A.A.P.)"),
    ] {
        let page = format!("COUNCIL WIDENS HARBOR ROAD\n\n{opening} on Monday to widen the road.\n\nWork is expected to begin in the spring.\n");
        let p = run(&page);
        let a = &p.articles[0];
        assert_eq!(a.dateline.as_deref(), Some(dateline), "{opening}");
        assert!(a.sections[0].paragraphs[0].text.starts_with(dateline));
    }
}

#[test]
fn jump_lines_are_jumps_not_text() {
    for (line, direction, page) in [
        ("Continued on Page 4", "to", "4"),
        ("(Continued from First Page.)", "from", "First"),
        ("See FIRE, Page A3", "to", "A3"),
        ("Turn to Page 5", "to", "5"),
    ] {
        let text = format!("COUNCIL WIDENS HARBOR ROAD\n\n{STORY}\n{line}\n");
        let p = run(&text);
        let jumps: Vec<_> = p.articles.iter().flat_map(|a| a.jumps.iter()).collect();
        assert_eq!(jumps.len(), 1, "{line}: {:?}", roles(&p, &text));
        assert_eq!(jumps[0].direction, direction, "{line}");
        assert_eq!(jumps[0].page.as_deref(), Some(page), "{line}");
        assert!(p.articles.iter().all(|a| !a.text.contains(line)), "{line} leaked into text");
    }
}

#[test]
fn running_heads_page_numbers_and_garbage_lines() {
    let text = format!(
        "THE EVENING STAR, WASHINGTON, D.C., MONDAY, JUNE 1, 1925.\n\nCOUNCIL WIDENS HARBOR ROAD\n\n{STORY}',.-~ ~' , ;\n\n12\n"
    );
    let p = run(&text);
    let r = roles(&p, &text);
    assert!(r[0].starts_with("Furniture:THE EVENING STAR"), "{r:?}");
    assert!(r.iter().any(|x| x == "Noise:',.-~ ~' , ;"), "{r:?}");
    assert!(r.last().unwrap() == "Furniture:12", "{r:?}");
    assert!(!p.articles[0].text.contains("EVENING STAR"));
}

#[test]
fn hyphenation_is_undone_only_where_the_page_says_so() {
    let text = "HARBOR WORK BEGINS\n\n  It was a dif-\nficult year for the well-\nknown firm, which built the well-known\npier at half-\npast two, the man said of the soft\u{00AD}\nware and the bro- ken gate.\n";
    let p = run(text);
    let para = &p.articles[0].sections[0].paragraphs[0].text;
    assert!(para.contains("difficult year"), "{para}");
    assert!(para.contains("the well-known firm"), "{para}");
    assert!(para.contains("half-past"), "{para}");
    assert!(para.contains("software"), "{para}");
    assert!(para.contains("broken gate"), "{para}");
}

#[test]
fn long_s_and_ligatures_are_read_as_letters() {
    let p = run("FIRE AT THE WHARF\n\nThe ſtores of Meſſrs. Barton were deſtroyed by ﬁre early yesterday.\n");
    assert_eq!(p.articles[0].sections[0].paragraphs[0].text, "The stores of Messrs. Barton were destroyed by fire early yesterday.");
}

#[test]
fn a_cut_resumed_lower_down_after_another_story_is_joined() {
    let text = "HARBOR BOARD APPROVES PIER\n\n  The harbor board voted on Monday to build a new cargo pier at the north basin after two years of debate, and work is expected to\n\nRAIL STRIKE ENDS\n\n  Freight workers returned to the rail yards on Monday after a nine-day strike that stranded grain shipments across the Midwest.\n\nbegin in the autumn once the state approves the dredging plan for the basin.\n";
    let p = run(text);
    assert_eq!(p.articles.len(), 2);
    let harbor = &p.articles[0];
    assert!(harbor.sections[0].paragraphs[0].text.ends_with("work is expected to begin in the autumn once the state approves the dredging plan for the basin."));
    assert!(harbor.continuations.iter().any(|c| c.joined));
}

#[test]
fn a_headline_split_over_two_lines_is_one_headline_and_decks_stay_decks() {
    let p = run(&format!("ADVANCES ANNOUNCED\nIN COMMUNIQUE\n\n{STORY}"));
    assert_eq!(p.articles[0].headline.as_deref(), Some("ADVANCES ANNOUNCED IN COMMUNIQUE"));
    let p = run(&format!("FIRE ON THE WATERFRONT.\nWAREHOUSES DESTROYED.\nLOSS ESTIMATED AT £20,000.\n\n{STORY}"));
    assert_eq!(p.articles[0].headline.as_deref(), Some("FIRE ON THE WATERFRONT."));
    assert_eq!(p.articles[0].deck.as_deref(), Some("WAREHOUSES DESTROYED. LOSS ESTIMATED AT £20,000."));
}

#[test]
fn a_headline_broken_inside_a_word_runs_on_whole() {
    // The word is rejoined where the word list knows it, in capitals as in lower case.
    let p = run(&format!("EXPLOSION IN FIRE-\nPLACE.\nDYNAMITE IN THE WOOD.\n\n{STORY}"));
    assert_eq!(p.articles[0].headline.as_deref(), Some("EXPLOSION IN FIREPLACE."));
    assert_eq!(p.articles[0].deck.as_deref(), Some("DYNAMITE IN THE WOOD."));
    // A dash set apart is no word's half: the lines stay apart.
    let p = run(&format!("FIRE AT THE DOCKS.\nWAREHOUSE BURNT, -\nLOSS HEAVY.\n\n{STORY}"));
    assert_eq!(p.articles[0].deck.as_deref(), Some("WAREHOUSE BURNT, - LOSS HEAVY."));
}

#[test]
fn two_complete_headlines_stacked_are_not_run_together() {
    let p = run(&format!("SRI LANKA TO UPROOT DISEASED RUBBER TREES\nBELGIAN MINISTER SEES NEW ACCORD ON OILS\n\n{STORY}"));
    assert_eq!(p.articles[0].headline.as_deref(), Some("SRI LANKA TO UPROOT DISEASED RUBBER TREES"));
}

/// `--reading-order file` on a text page: the user says the text stands in reading order (an
/// archive's text export, article after article), so a paragraph stays in the story it is printed
/// under even where its words are another story's. By default the linker weighs it by its words.
#[test]
fn reading_order_file_keeps_a_text_page_paragraph_under_its_own_headline() {
    let page = "THE HARBOUR BOARD MEETS\n\nThe harbour board met on Monday to hear the engineers on the new pier. The engineers said the pier\nwould cost more than the board had hoped, and the board asked them for a second plan.\n\nThe chairman said the harbour must have its pier before the winter storms, whatever the cost.\n\nA FIRE ON MILL STREET\n\nA fire broke out on Mill Street last night and burned two houses to the ground before the firemen\ncould bring it under control.\n\nThe harbour board chairman, who lives on Mill Street, said the engineers and the board would meet\nagain about the pier and the harbour, and the board would hear the engineers on the cost.\n";
    let last = |cfg: &newsseg::Config| {
        let p = newsseg::process_page(cfg, "t", None, page.as_bytes()).expect("page processes");
        assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
        p.articles.iter().find(|a| a.text.contains("who lives on Mill Street")).and_then(|a| a.headline.clone())
    };
    let by_words = last(&newsseg::Config::default());
    assert_eq!(by_words.as_deref(), Some("THE HARBOUR BOARD MEETS"));
    let file = newsseg::Config { reading_order: "file".parse().expect("an order"), ..newsseg::Config::default() };
    assert_eq!(last(&file).as_deref(), Some("A FIRE ON MILL STREET"));
}

#[test]
fn notices_under_a_rubric_are_its_sections() {
    // Classified notices stand under a rubric set in black letter, which OCR reads as garble
    // (*ales by Auction., Mantcd.): each notice's heading heads a section of the rubric's piece,
    // though the notices share no words. (A page written for this test.)
    let page = "THE HARVEST.\n\nThe harvest in the northern counties is now nearly over, and the farmers\nreport a fair crop of wheat and a good crop of oats, though the barley\nsuffered much from the heavy rains of the last fortnight.\n\n*ales by Auction.\n\nFURNITURE IN HANOVER-ROW.\nTO BE SOLD BY AUCTION, on Monday next, at eleven o'clock,\nthe furniture of a gentleman leaving the town,\ncomprising oak tables, chairs, and a pianoforte.\n\nA VALUABLE MARE.\nOn Tuesday, at the Horse Bazaar, a grey mare, six years old,\nquiet in harness, and warranted sound.—Apply to the Auctioneer.\n\nMantcd.\n\nA YOUNG MAN, of good character, as clerk in a merchant's\noffice. Letters to be left at the bar of the Swan Inn.\n\nAPPRENTICE.\nA respectable youth is wanted by a chemist and apothecary.\nApply at No. 12, Mill-lane.\n";
    let p = run(page);
    let got: Vec<(Option<&str>, Vec<Option<&str>>)> =
        p.articles.iter().map(|a| (a.headline.as_deref(), a.sections.iter().map(|s| s.heading.as_deref()).collect())).collect();
    assert_eq!(
        got,
        [
            (Some("THE HARVEST."), vec![None]),
            (Some("*ales by Auction."), vec![Some("FURNITURE IN HANOVER-ROW."), Some("A VALUABLE MARE.")]),
            (Some("Mantcd."), vec![None, Some("APPRENTICE.")]),
        ],
        "{:#?}",
        p.articles
    );
    assert!(p.articles[1].text.contains("warranted sound") && p.articles[2].text.contains("chemist and apothecary"));
}

#[test]
fn a_rubrics_notices_stay_with_it_however_they_read() {
    // The notices under a rubric are printed whole between it and the next headline: the first
    // one opening in lower case (its initial lost) still heads nothing elsewhere, one that shares
    // words with a story on the page does not go over to it, and one sharing no words with the
    // others is no story astray. (A page written for this test.)
    let page = "THE CORN MARKET.\n\nWheat was in good demand at the corn market on Tuesday, and the farmers\nwho brought their wheat to market sold it at an advance of two shillings\non the prices of last week; oats and barley were unchanged.\n\nMantcd.\n\na steady MAN, who understands the management of a farm and can\nplough and sow, as bailiff to a gentleman in the country.\nApply, by letter, to the bar of the Swan Inn.\n\nWHEAT for the corn market: farmers who have good wheat to sell at the\nprices of last week may bring samples of their wheat and barley to the\ncorn market on Tuesday, to the stand of a miller.\n\nA PIANOFORTE, by Broadwood, with six octaves, in a rosewood case, nearly\nnew, to be disposed of on moderate terms; it may be seen at No. 9,\nBold-street, any day after two o'clock.\n";
    let p = run(page);
    let got: Vec<(Option<&str>, usize)> = p.articles.iter().map(|a| (a.headline.as_deref(), a.sections.iter().map(|s| s.paragraphs.len()).sum())).collect();
    assert_eq!(got, [(Some("THE CORN MARKET."), 1), (Some("Mantcd."), 3)], "{:#?}", p.articles);
    assert!(p.articles[1].text.contains("a steady MAN") && p.articles[1].text.contains("Bold-street"));
}

#[test]
fn regression_the_end_of_a_quoted_sentence_cut_at_a_column_was_a_notice_rubric() {
    // A wire story's quotation cut after its comma; the attribution (Morrison said.) stands apart
    // at the next column's top, shaped like a rubric over classified notices. It ends the
    // sentence, and heads nothing. (A page written for this test.)
    let page = "GRAIN DEALERS SLOW TO ACCEPT NEW CONTRACTS\n\n  CHICAGO, March 25 - Grain dealers have been\nslow to accept the new futures contracts that\nthe exchange began to offer last month, and\ntrading in them has stayed thin, dealers said.\n  The exchange had hoped the contracts would\ndraw farmers who now sell their crops forward\nto local elevators at fixed prices.\n  \"Properly run markets need contracts that\neveryone understands. This has not been true\nof some of the new ones so far,\"\n\nMorrison said.\n\nThe volume of wheat traded on the exchange\nfell by a third on Monday from a week ago, as\ndealers waited for the government crop report\ndue at the end of the week.\n  REUTER\n";
    let p = run(page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("GRAIN DEALERS SLOW TO ACCEPT NEW CONTRACTS")], "{:#?}", p.articles);
}

/// A title set in title case over a narrow column, with the rule under it read as a line of marks
/// (-«): the rule sets it off as a blank line would, and it heads a story of its own.
#[test]
fn regression_a_title_case_headline_over_a_rule_read_as_marks_was_taken_for_text() {
    let page = "HARBOUR ROAD TO BE WIDENED.\nThe council voted on Monday to widen the\nharbour road and to build a new bridge over\nthe river, ending a long debate over the\ncost of both projects. Work is expected to\nbegin in the spring, the mayor said.\n\nBoy Saved\nFrom Harbour\nBy Ferry Hand\n-«\nA deckhand of the Manly\nferry dived into the\nharbour at Circular Quay\nyesterday and brought a\nboy of six to the steps.\nThe boy had fallen from\nthe wharf while fishing\nwith his brother, and was\ntaken home none the worse.\n";
    let p = run(page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("HARBOUR ROAD TO BE WIDENED."), Some("Boy Saved From Harbour By Ferry Hand")], "{:?}", roles(&p, page));
    assert!(p.articles[1].text.contains("A deckhand of the Manly"));
}

/// A paragraph tight under finished text, opening on a letter the OCR engine read off the column's
/// edge (t The works…): it goes on down its column, and is not the rest of a sentence cut off in
/// another story ("stored there for the").
#[test]
fn regression_a_stray_letter_at_a_paragraphs_start_sent_it_to_another_storys_cut() {
    let page = "FIRE AT THE MILLS.\nA fire broke out in the flour mills at Parramatta\nearly yesterday morning, and before the brigade\ncould reach the scene the whole of the upper floor\nhad been destroyed, with a great quantity of grain\nstored there for the\n\n\nHARBOUR WORKS.\nThe council voted on Monday to widen the harbour\nroad and to build a new bridge over the river, the\ncost to be met from a loan.\nt The works will employ two hundred men through\nthe winter, and the first of them will be engaged\nwhen the contracts are let at the end of the month.\n";
    let p = run(page);
    let harbour = headed(&p, "HARBOUR WORKS.");
    assert!(harbour.text.contains("The works will employ"), "{:?}", roles(&p, page));
    let fire = headed(&p, "FIRE AT THE MILLS.");
    assert!(!fire.text.contains("The works will employ"), "{}", fire.text);
}

/// A column's top that finishes the sentence cut at the foot of the one before ("bridge.") stood
/// alone under two blank lines, as a photo's caption does: it was placed as a caption of another
/// story. Text that opens inside a sentence is no caption.
#[test]
fn regression_a_sentences_end_resumed_alone_at_a_columns_top_was_read_as_a_caption() {
    let page = "FLOODS IN THE NORTH.\nHeavy rain fell over the northern districts on\nSunday and Monday, and by nightfall the river\nhad risen eleven feet, cutting the main road\nand carrying away part of the railway\n\n\nSHIPPING.\nThe steamer Arawatta arrived from Brisbane\nyesterday with a full cargo of sugar and maize,\nand sails again for the north on Saturday.\n\n\nbridge.\nThe residents of the low-lying streets were\nremoved to the school of arts, where the mayor\nhad arranged for their shelter until the water\nfalls.\n";
    let p = run(page);
    let floods = headed(&p, "FLOODS IN THE NORTH.");
    assert!(floods.text.contains("part of the railway bridge."), "{:?}", roles(&p, page));
    assert!(p.articles.iter().all(|a| a.captions.is_empty()), "{:?}", roles(&p, page));
}

/// A short sentence under two blank lines, on a page whose blank lines are its column breaks, was
/// placed as a photo's caption ("RUilty to a charge of assaulting…rob him.", a misread capital
/// hiding that it resumes "pleaded not"): there the space above it is the column break's, and the
/// sentence stays in its story's text, in its place.
#[test]
fn regression_a_short_sentence_at_a_columns_top_was_a_caption_where_blank_lines_are_column_breaks() {
    let page = "QUARTER SESSIONS.\nJohn Smith, a labourer, was charged with stealing\na horse, saddle, and bridle at Penrith.\nHe was found guilty and sentenced to two years.\nThe court then rose for the day.\n\n\nHenry Brown, a carter, was charged with stealing a\nwatch from a dwelling at Parramatta last month.\nThe jury found him not guilty.\nHe was discharged, and left the court with his\nfriends. William Knight, clerk, pleaded not\n\n\nRUilty to a charge of assaulting Rudolph\nWeber at Manly, on July 18, with intent to\nrob him.\nWeber, a pastrycook, said that two men attacked\nhim in a lane off the Corso and went through\nhis pockets until a police car frightened them\noff. The jury acquitted the accused.\n\n\nThe court will sit again on Monday.\nThe list for the week is a long one.\nSeveral cases of theft are to be heard\nbefore the end of the week.\n";
    let p = run(page);
    assert!(p.articles.iter().all(|a| a.captions.is_empty()), "{:?}", roles(&p, page));
    let text = &p.articles.iter().find(|a| a.text.contains("Rudolph")).expect("the report").text;
    assert!(text.contains("assaulting Rudolph Weber at Manly, on July 18, with intent to rob him."), "{text}");
}

/// A paragraph set straight under finished text, on a page whose blank lines are its column breaks,
/// is no column's top: its lower-case start ("i Arrived", a speck or a misread capital) resumes no
/// sentence cut elsewhere. Read as one, the shipping list under its heading went to the weather
/// report above, and the heading stood alone.
#[test]
fn regression_a_paragraph_opening_in_lower_case_straight_under_its_heading_was_sent_to_another_story() {
    let page = "THE WEATHER.\nFine weather prevailed over the whole of the colony\nyesterday, with light winds along the coast.\nRain is expected in the southern districts before the\nend of the week, and the rivers are falling.\n\n\nThe barometer stood at 30.1 inches at nine o'clock,\nand the highest reading of the shade thermometer was 74.\nLight showers fell at Bathurst and Goulburn.\n\n\nSHIPPING.\ni Arrived: Lady Loch (s.), 1200 tons, Captain Smith, from\nBrisbane 25th instant. Passengers: Mr. and Mrs. Brown,\nMiss Harley. Burns, Philp and Co., agents.\nClara, ketch, 85 tons, Captain Bennett, from the Richmond\nRiver 20th instant. Bennett and Co., agents.\n\n\nCleared: Konoowarra (s.), 1273 tons, Captain Tozer, for\nMelbourne. Howard Smith and Sons, agents.\nSouthern Cross, barque, 480 tons, Captain Erickson, for\nNewcastle in ballast.\n";
    let p = run(page);
    let shipping = headed(&p, "SHIPPING.");
    assert!(shipping.text.contains("Arrived: Lady Loch"), "{:?}", roles(&p, page));
    assert!(shipping.text.contains("Captain Erickson"), "{:?}", roles(&p, page));
}

/// A heading set tight after a finished report, over a report of its own that shares words with
/// the one above (stealing, horse, Penrith): shared words between reports side by side do not make
/// the heading a section of the report above.
#[test]
fn regression_a_reports_heading_was_a_subhead_of_the_report_above_that_shared_its_words() {
    let page = "QUARTER SESSIONS.\nJohn Smith, a labourer, was charged at the Quarter\nSessions yesterday with stealing a horse, saddle,\nand bridle, the property of a farmer of Penrith.\nHe was found guilty and sentenced to two years.\nHenry Brown was charged with stealing a watch from\na dwelling at Parramatta. The jury found him not\nguilty, and he was discharged.\nHORSE STEALING AT PENRITH.\nThe police at Penrith have arrested a young man\ncharged with stealing a horse from a paddock on\nthe river road last week. The horse was found\nin a yard at Windsor, and the accused will be\nbrought before the bench at Penrith to-day.\n";
    let p = run(page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("QUARTER SESSIONS."), Some("HORSE STEALING AT PENRITH.")], "{:?}", roles(&p, page));
}

/// A title in short lines of capitalised words set tight over its story's text in a narrow column
/// (Ferry Hand / Saves Boy / From Harbour): the story's headline, not the opening of its text.
#[test]
fn regression_a_title_in_short_lines_tight_over_its_text_was_read_as_the_text() {
    let page = "HARBOUR ROAD TO BE WIDENED.\nThe council voted on Monday to widen the\nharbour road and to build a new bridge over\nthe river, ending a long debate over the\ncost of both projects.\n\nFerry Hand\nSaves Boy\nFrom Harbour\nA deckhand of the Manly\nferry dived into the\nharbour at Circular Quay\nyesterday and brought a\nboy of six to the steps.\n";
    let p = run(page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("HARBOUR ROAD TO BE WIDENED."), Some("Ferry Hand Saves Boy From Harbour")], "{:?}", roles(&p, page));
    assert!(p.articles[1].sections[0].paragraphs[0].text.starts_with("A deckhand"), "{:#?}", p.articles[1].sections);
}

/// A heading set off by a blank line after a finished report, over a report that shares a word or
/// two with it (Penrith, charged): the space above it makes it the next report's title, not a
/// section of the one above.
#[test]
fn regression_a_heading_set_apart_after_a_finished_report_was_a_subhead_of_it() {
    let page = "QUARTER SESSIONS.\nJohn Smith, a labourer, was charged at the Quarter\nSessions yesterday with stealing a horse, saddle,\nand bridle, the property of a farmer of Penrith.\nHe was found guilty and sentenced to two years.\nHenry Brown was charged with stealing a watch from\na dwelling at Parramatta. The jury found him not\nguilty, and he was discharged.\n\nARREST AT PENRITH.\nThe police at Penrith have arrested a young man\ncharged with breaking into a store on the river\nroad last week. Goods taken from the store were\nfound in a hut at Windsor, and the accused will\nbe brought before the bench at Penrith to-day.\n";
    let p = run(page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("QUARTER SESSIONS."), Some("ARREST AT PENRITH.")], "{:?}", roles(&p, page));
}

/// A word cut at a column break (accom-|panied, distinc-|tion) lost its halves to the OCR mender,
/// which read each alone as a misread word (panicd, lion), so the join across the cut could no
/// longer make the word whole.
#[test]
fn regression_the_halves_of_a_word_cut_at_a_column_break_were_mended_each_alone() {
    let page = "THE VISIT.\nMr. Smith, the manager for Messrs. Allon Taylor and Co., accom-\n\npanied by Mrs. James, left Sydney on Thursday\nby the Niagara on a tour of inspection of the\nworks, and he won distinc-\n\ntion as a violinist and composer, but the close\nof his studies was broken by the outbreak of war.\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let text = &p.articles[0].text;
    assert!(text.contains("Co., accompanied by Mrs. James"), "{text}");
    assert!(text.contains("won distinction as a violinist"), "{text}");
}

/// A speck the OCR engine read before a title in capitals (;HARBOUR WORKS.) made the title the
/// rest of a sentence, and its story ran on as text of the story above.
#[test]
fn regression_a_mark_before_a_title_in_capitals_made_it_text() {
    let page = "QUARTER SESSIONS.\nJohn Smith, a labourer, was charged at the Quarter\nSessions yesterday with stealing a horse, saddle,\nand bridle, the property of a farmer of Penrith.\nHe was found guilty and sentenced to two years.\n\n\n;HARBOUR WORKS.\nThe dredge Samson has finished deepening the\neastern side of the Quay, and the new wharf will\nbe opened to shipping on Monday next, when the\nfirst steamer is expected from Melbourne.\n";
    let p = run(page);
    let heads = headlines(&p);
    assert!(heads.len() == 2 && heads[1].is_some_and(|h| h.ends_with("HARBOUR WORKS.")), "{:?}", roles(&p, page));
    assert!(p.articles[1].text.contains("The dredge Samson"), "{:#?}", p.articles);
}

/// A printed rule under a title, read by the OCR engine as a dash and a speck (-1), was a line of
/// text: the title and its story ran on as text of the story above.
#[test]
fn regression_a_rule_read_as_a_dash_and_a_digit_under_a_title_was_text() {
    let page = "HARBOUR ROAD TO BE WIDENED.\nThe council voted on Monday to widen the\nharbour road and to build a new bridge over\nthe river, ending a long debate over the\ncost of both projects.\n\nFerry Hand\nSaves Boy\nFrom Harbour\n-1\nA deckhand of the Manly\nferry dived into the\nharbour at Circular Quay\nyesterday and brought a\nboy of six to the steps.\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("HARBOUR ROAD TO BE WIDENED."), Some("Ferry Hand Saves Boy From Harbour")], "{:?}", roles(&p, page));
    assert!(roles(&p, page).contains(&"Noise:-1".to_string()), "{:?}", roles(&p, page));
}

/// A line of names in title case (Phillip Lazarus, Moss, Rosenfeld, and Joseph Raw), the last of a
/// column, was read as a heading: it took the title set apart under it for a section of its own.
#[test]
fn regression_a_line_listing_names_in_title_case_was_a_heading() {
    let page = "IN BANKRUPTCY.\nThe following estates were sequestrated yesterday by\nthe Registrar, and the official assignees named were\nappointed to them.\nCREDITORS PETITIONS\nPhillip Lazarus, Moss, Rosenfeld, and Joseph Raw\n\n\nHARBOUR WORKS.\nMITTAGONG, Thursday.\nThe new road to the caves is almost completed, and\nthe caves will be opened to visitors on Monday next.\n";
    let p = run(page);
    assert!(headlines(&p).contains(&Some("HARBOUR WORKS.")), "{:?}", roles(&p, page));
    assert!(roles(&p, page).contains(&"Body:Phillip Lazarus, Moss, Rosenfeld, and Joseph Raw".to_string()), "{:?}", roles(&p, page));
}

/// Letters the OCR engine read off a blot or a torn edge, standing between two paragraphs of a
/// story as a line of their own (M M M H), were a heading in capitals: the rest of the story
/// became a story of its own under them.
#[test]
fn regression_a_line_of_scattered_single_letters_was_a_heading() {
    let page = "HARBOUR ROAD TO BE WIDENED.\nThe council voted on Monday to widen the\nharbour road and to build a new bridge over\nthe river, ending a long debate over the\ncost of both projects.\n\nM M M H\n\nWork on the bridge is expected to begin in\nthe spring, the mayor said after the vote.\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("HARBOUR ROAD TO BE WIDENED.")], "{:?}", roles(&p, page));
    assert!(p.articles[0].text.contains("Work on the bridge"), "{:#?}", p.articles);
}

/// An ALTO page of one story in two columns under its title, with `speck` boxed as a line three
/// times the body's height at the head of the second column.
fn page_with_a_big_speck(speck: &str) -> Page {
    let line = |id: &str, x: u32, y: u32, h: u32, words: &str| {
        let mut s = format!("<TextLine ID=\"{id}\" HPOS=\"{x}\" VPOS=\"{y}\" WIDTH=\"900\" HEIGHT=\"{h}\">");
        for (k, w) in words.split(' ').enumerate() {
            s += &format!("<String CONTENT=\"{w}\" HPOS=\"{}\" VPOS=\"{y}\" WIDTH=\"60\" HEIGHT=\"{h}\"/><SP/>", x + 80 * k as u32);
        }
        s + "</TextLine>"
    };
    let block = |id: &str, x: u32, y: u32, rows: &[(u32, &str)]| {
        let mut s = format!("<TextBlock ID=\"{id}\" HPOS=\"{x}\" VPOS=\"{y}\" WIDTH=\"900\" HEIGHT=\"{}\">", rows.iter().map(|r| r.0 + 10).sum::<u32>());
        let mut at = y;
        for (k, (h, words)) in rows.iter().enumerate() {
            s += &line(&format!("{id}L{k}"), x, at, *h, words);
            at += h + 10;
        }
        s + "</TextBlock>"
    };
    let body = [
        "The council voted on Monday to widen the", "harbour road and to build a new bridge over", "the river, ending a long debate over the",
        "cost of both projects. Many in the town had", "Put off the work for want of money till now.", "Work is expected to begin in the spring,",
    ];
    let rows: Vec<(u32, &str)> = body.iter().map(|t| (40, *t)).collect();
    let title = block("T1", 100, 100, &[(90, "HARBOUR ROAD WIDENED.")]);
    let left = block("B1", 100, 220, &rows);
    let speck = block("S1", 1100, 100, &[(120, speck)]);
    let right = block("B2", 1100, 260, &rows);
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>\
         <Layout><Page WIDTH=\"2100\" HEIGHT=\"1000\"><PrintSpace>{title}{left}{speck}{right}</PrintSpace></Page></Layout></alto>"
    );
    process_page(&Config::default(), "t", None, xml.as_bytes()).expect("page processes")
}

/// A speck of two letters (mi) that the engine boxed as a line three times the body's height, at a
/// column's head, was taken for a headline in display type: a story of its own with no text, or
/// the title of the column's text under it.
#[test]
fn regression_a_speck_measured_big_was_a_headline_in_display_type() {
    let p = page_with_a_big_speck("mi");
    let heads = headlines(&p);
    assert!(!heads.contains(&Some("mi")), "{heads:?}");
    assert!(heads.contains(&Some("HARBOUR ROAD WIDENED.")), "{heads:?}");
}

/// A blot the engine read as a long line of scattered letters (Hee e s h e at t ef l rid e ltl), boxed
/// three times the body's height at a column's head, was taken for a headline in display type.
#[test]
fn regression_a_blot_read_as_scattered_letters_was_a_headline_in_display_type() {
    let p = page_with_a_big_speck("Hee e s h e at t ef l rid e ltl");
    let heads = headlines(&p);
    assert!(!heads.iter().flatten().any(|h| h.starts_with("Hee")), "{heads:?}");
    assert!(heads.contains(&Some("HARBOUR ROAD WIDENED.")), "{heads:?}");
}

/// A letter's address to the editor, set in capitals apart over the letter (TO THE EDITOR OF THE
/// COURIER.), was taken for its title: each letter of the correspondence became a piece of its own
/// under the address, where the paper runs them as one column of letters.
#[test]
fn regression_a_letters_address_to_the_editor_was_its_title() {
    let page = "CORRESPONDENCE.\n\nThe following letters have reached us in the past week on\nthe matter of the new bridge over the river at the ferry.\n\nTO THE EDITOR OF THE COURIER.\n\nSir,—I beg leave to say that the bridge has been wanted\nthese many years, and that the town will be the better for it.\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("CORRESPONDENCE.")], "{:?}", roles(&p, page));
    assert!(p.articles[0].text.contains("TO THE EDITOR OF THE COURIER."), "{:#?}", p.articles);
}

/// An ALTO line `id` at (`x`, `y`), `w` by `h`, its words boxed 80 units apart.
fn alto_line(id: impl std::fmt::Display, x: u32, y: u32, w: u32, h: u32, text: &str) -> String {
    let words: String = text.split(' ').enumerate().map(|(k, word)| format!("<String CONTENT=\"{word}\" HPOS=\"{}\" VPOS=\"{y}\" WIDTH=\"60\" HEIGHT=\"{h}\"/><SP/>", x + 80 * k as u32)).collect();
    format!("<TextLine ID=\"L{id}\" HPOS=\"{x}\" VPOS=\"{y}\" WIDTH=\"{w}\" HEIGHT=\"{h}\">{words}</TextLine>")
}

/// A story's lines as a column of the ALTO pages below sets them.
const HARBOUR: [&str; 9] = [
    "The council voted on Monday to widen the", "harbour road and to build a new bridge over", "the river, ending a long debate over the",
    "cost of both projects. Many in the town had", "put off the work for want of money till now.", "Work is expected to begin in the spring,",
    "the mayor said, and the road will be closed", "to carts while the work goes on, though the", "ferry will run as it does now for the town.",
];

/// A line of a column that the engine cut in two, its first half boxed twice the body's height
/// (a skewed or blotted stretch), was taken for a title in display type: the column's text under
/// it became a story of its own under that half line.
#[test]
fn regression_half_a_line_boxed_tall_was_a_title_in_display_type() {
    let mut block = String::from("<TextBlock ID=\"B1\" HPOS=\"100\" VPOS=\"200\" WIDTH=\"900\" HEIGHT=\"600\">");
    let mut y = 200;
    for (k, t) in HARBOUR.iter().enumerate() {
        if k == 4 {
            // The line cut in two: "Put off" boxed tall, the rest of the line beside it.
            block += &alto_line(100, 100, y - 10, 150, 90, "Put off");
            block += &alto_line(101, 260, y, 740, 40, "the work for want of money till now.");
        } else {
            block += &alto_line(k, 100, y, 900, 40, t);
        }
        y += 50;
    }
    block += "</TextBlock>";
    let title = format!("<TextBlock ID=\"T1\" HPOS=\"100\" VPOS=\"100\" WIDTH=\"900\" HEIGHT=\"80\">{}</TextBlock>", alto_line(200, 100, 100, 900, 80, "HARBOUR ROAD WIDENED."));
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>\
         <Layout><Page WIDTH=\"1100\" HEIGHT=\"800\"><PrintSpace>{title}{block}</PrintSpace></Page></Layout></alto>"
    );
    let p = process_page(&Config::default(), "t", None, xml.as_bytes()).expect("page processes");
    assert_eq!(headlines(&p), [Some("HARBOUR ROAD WIDENED.")], "{:#?}", p.articles);
    assert!(p.articles[0].text.contains("Put off") && p.articles[0].text.contains("ferry will run"), "{:#?}", p.articles);
}

/// An engraving's edge or a rule that the engine boxed as one "line" of marks across half the
/// page measured as type a hundred times the body's size: as display type it drew every title
/// and short line it touched into one headline group, and the page's first story took the
/// titles of the stories under it.
#[test]
fn regression_a_line_of_marks_boxed_across_the_page_was_display_type() {
    let column = |c: u32, title: &str| {
        let x = 100 + 1000 * c;
        let mut out = format!("<TextBlock ID=\"T{c}\" HPOS=\"{}\" VPOS=\"300\" WIDTH=\"500\" HEIGHT=\"60\">{}</TextBlock>", x + 200, alto_line(format!("t{c}"), x + 200, 300, 500, 60, title));
        out += &format!("<TextBlock ID=\"B{c}\" HPOS=\"{x}\" VPOS=\"400\" WIDTH=\"900\" HEIGHT=\"450\">");
        for (k, t) in HARBOUR.iter().enumerate() {
            out += &alto_line(format!("{c}-{k}"), x, 400 + 50 * k as u32, 900, 40, t);
        }
        out + "</TextBlock>"
    };
    let marks = format!("<TextBlock ID=\"E\" HPOS=\"0\" VPOS=\"0\" WIDTH=\"2000\" HEIGHT=\"600\">{}</TextBlock>", alto_line("e", 0, 0, 2000, 600, "- ,"));
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>\
         <Layout><Page WIDTH=\"2100\" HEIGHT=\"1000\"><PrintSpace>{marks}{}{}</PrintSpace></Page></Layout></alto>",
        column(0, "HARBOUR ROAD WIDENED."),
        column(1, "THE FERRY KEPT ON.")
    );
    let p = process_page(&Config::default(), "t", None, xml.as_bytes()).expect("page processes");
    assert_eq!(headlines(&p), [Some("HARBOUR ROAD WIDENED."), Some("THE FERRY KEPT ON.")], "{:#?}", p.articles);
}

/// A scan of a bound volume catches the facing page's edge: a strip of words cut off mid-word
/// down the page's margin, boxed tall where the ink blots. Each scrap was read as a title in
/// display type and headed a story of its own, or took the column's text under it.
#[test]
fn regression_the_facing_pages_edge_was_read_as_titles() {
    let column = |c: u32, title: &str| {
        let x = 200 + 1000 * c;
        let mut out = format!("<TextBlock ID=\"T{c}\" HPOS=\"{}\" VPOS=\"100\" WIDTH=\"500\" HEIGHT=\"60\">{}</TextBlock>", x + 200, alto_line(format!("t{c}"), x + 200, 100, 500, 60, title));
        for half in 0..2u32 {
            out += &format!("<TextBlock ID=\"B{c}{half}\" HPOS=\"{x}\" VPOS=\"{}\" WIDTH=\"900\" HEIGHT=\"450\">", 200 + 500 * half);
            for (k, t) in HARBOUR.iter().enumerate() {
                out += &alto_line(format!("{c}-{half}-{k}"), x, 200 + 500 * half + 50 * k as u32, 900, 40, t);
            }
            out += "</TextBlock>";
        }
        out
    };
    let scraps = ["IERS .", "bbo ors", "fter fir", "was tr io", "eme oe", "ndl ur"];
    let strip: String =
        scraps.iter().enumerate().map(|(k, t)| format!("<TextBlock ID=\"S{k}\" HPOS=\"0\" VPOS=\"{}\" WIDTH=\"110\" HEIGHT=\"70\">{}</TextBlock>", 150 + 150 * k as u32, alto_line(format!("s{k}"), 0, 150 + 150 * k as u32, 110, 70, t))).collect();
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>\
         <Layout><Page WIDTH=\"2200\" HEIGHT=\"1200\"><PrintSpace>{}{strip}{}</PrintSpace></Page></Layout></alto>",
        column(0, "HARBOUR ROAD WIDENED."),
        column(1, "THE FERRY KEPT ON.")
    );
    let p = process_page(&Config::default(), "t", None, xml.as_bytes()).expect("page processes");
    assert_eq!(headlines(&p), [None, Some("HARBOUR ROAD WIDENED."), Some("THE FERRY KEPT ON.")], "{:#?}", p.articles);
    assert!(scraps.iter().all(|s| p.articles[0].text.contains(s)), "{:#?}", p.articles);
}

#[test]
fn a_dispatch_s_place_and_date_on_a_line_of_their_own_open_its_text_not_a_story() {
    // Under a headline and its deck, the dispatch's place and date stand on a line of their own,
    // closed by a stop and the agency's initials: they read as a headline in capitals, heading
    // the text, and the headline above kept only its deck.
    let page = "PRECAUTIONS OF THE POWERS.\nBulgarian Reservists.\nSOFIA, Aug. 25. (A.A.P.)\nIt is officially announced that Bulgarian reservists who were called up on\nAugust 1 will remain with the colours for a further three weeks, the Government\nsaid to-day, and the frontier posts have been strengthened along the river.\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert!(p.articles[0].text.contains("SOFIA, Aug. 25. (A.A.P.) It is officially"), "{:#?}", p.articles);
}

/// Two stories side by side in columns of different widths, each cut inside a sentence, and two
/// column tops below that resume a sentence: the wide column's rest, set right under the narrow
/// story, went to the narrow story (and the narrow one's to the wide), since the words at the
/// cuts say nothing either way. The lines' measure tells whose column each piece is.
#[test]
fn regression_pieces_set_to_another_columns_measure_went_to_the_story_above_them() {
    let page = "ROADS IN THE WESTERN WARD.\nThe council met on Monday evening to consider the report of the\nengineer upon the state of the roads in the western ward, which\nhave suffered much from the heavy traffic of the past winter and\nfrom the rains of the last month, and the engineer advised that\n\n\nTHE PRODUCE MARKETS.\nWheat was in fair demand at the\nopening of the week, and prices were\nfirm for prime samples from the\nsouthern districts, while flour moved\nslowly and\n\n\nseveral of the worst be remade at once, the cost to be met from\nthe general fund of the borough for the present year, and a loan\nto be raised for the balance if it should be needed before the\nend of the year.\n\n\nholders of oats were asking more than\nbuyers would give. Maize was in short\nsupply at the close, and sales were\nmade at an advance on the rates of the\nweek before.\n";
    let p = run(page);
    let roads = headed(&p, "ROADS IN THE WESTERN WARD.");
    assert!(roads.text.contains("the engineer advised that several of the worst be remade"), "{:?}", roles(&p, page));
    let markets = headed(&p, "THE PRODUCE MARKETS.");
    assert!(markets.text.contains("flour moved slowly and holders of oats"), "{:?}", roles(&p, page));
}
