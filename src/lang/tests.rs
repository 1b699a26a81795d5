//! Unit tests of the language tables' loading and their matchers.

use super::*;

#[test]
fn a_misspelt_key_in_a_language_table_is_refused_not_passed_over() {
    // (A misspelt key's rules would be dropped without a word: signed_by spelt singed_by
    // would sign nothing.)
    let zh = include_str!("zh.toml");
    assert!(toml::from_str::<RawLang>(zh).is_ok());
    let err = toml::from_str::<RawLang>(&format!("singed_by = []\n{zh}")).err().expect("refused");
    assert!(err.message().contains("singed_by"), "{err}");
}

#[test]
fn tables_compile() {
    let zh = Lang::get(LangCode::Zh);
    let en = Lang::get(LangCode::En);
    assert!(!zh.byline.is_empty() && !en.byline.is_empty());
    assert!(en_words().contains("difficult"));
    // Patterns compile on first use in the pipeline: here every one is compiled, so a table
    // pattern over the regex size limit fails this test rather than a page.
    for l in LangCode::ALL.map(Lang::get) {
        assert_eq!(LangCode::from_tag(l.code.as_str()), Some(l.code));
        let lists = [&l.reported_speech, &l.headline_tag, &l.title_tail, &l.byline, &l.dispatch, &l.dateline, &l.credit, &l.section_number, &l.standing_label, &l.photo_label,
            &l.credit_line, &l.signature, &l.signed_by, &l.signed_as, &l.signing_body, &l.dated_deck, &l.series_item, &l.notice_rubric, &l.letter_address, &l.caption, &l.photo_credit, &l.jump, &l.jump_tail, &l.running_head, &l.page_date, &l.page_number, &l.furniture];
        for p in lists.into_iter().flatten() {
            assert_eq!(p.regex().as_str(), p.as_str());
        }
    }
}

#[test]
fn a_column_name_left_open_after_a_title_is_told_from_prose() {
    let zh = Lang::get(LangCode::Zh);
    assert!(zh.opens_column_name("台北孔庙的前世今生 〈宝岛纪行"));
    assert!(zh.opens_column_name("科幻成为中国故事创作新天地 (艺"));
    // A name closed, a clause after the opener, a name too long, or a title too short.
    assert!(!zh.opens_column_name("台北孔庙的前世今生（宝岛纪行）"));
    assert!(!zh.opens_column_name("村里的新书屋（记者走访了三个村，"));
    assert!(!zh.opens_column_name("村里的新书屋（记者走访了几个村子里的书屋"));
    assert!(!zh.opens_column_name("书屋 〈城市纪行"));
}

#[test]
fn looked_up_properties_agree_with_the_standard_library() {
    for c in (0..=0x10FFFFu32).step_by(1).filter_map(char::from_u32) {
        assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:04X}", c as u32);
        assert_eq!(is_uppercase(c), c.is_uppercase(), "{:04X}", c as u32);
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:04X}", c as u32);
    }
}

#[test]
fn sentence_endings() {
    let zh = Lang::get(LangCode::Zh);
    assert!(zh.ends_sentence("口感好。”"));
    assert!(!zh.ends_sentence("不断拓展丰富"));
    assert!(!zh.ends_sentence("比如说人才培养，“"));
    let en = Lang::get(LangCode::En);
    assert!(en.ends_sentence("he said.\""));
    assert!(!en.ends_sentence("which are currently"));
    assert!(!en.ends_sentence("a letter to Mr."));
    assert!(!en.ends_sentence("signed by John H."));
    assert!(en.ends_sentence("he said in the U.S."));
}

#[test]
fn connectives_open_a_paragraph_as_whole_words() {
    let zh = Lang::get(LangCode::Zh);
    assert!(zh.opens_on_connective("　　实际上，人和万物一样"));
    assert!(!zh.opens_on_connective("实施方案已经出台"));
    let en = Lang::get(LangCode::En);
    assert!(en.opens_on_connective("However, the council"));
    assert!(en.opens_on_connective("But the mayor said"));
    assert!(!en.opens_on_connective("Butte County officials"));
    assert!(!en.opens_on_connective("Yesterday the council"));
}

#[test]
fn a_letters_address_to_the_editor() {
    let en = Lang::get(LangCode::En);
    assert!(en.is_letter_address("TO THE EDITOR OF THE LIVERPOOL STANDARD."));
    assert!(en.is_letter_address("To' the Editor of the Herald."));
    assert!(!en.is_letter_address("TO CORRESPONDENTS."));
    assert!(!en.is_letter_address("TO THE EDITORIAL STAFF OF THE PAPER"));
    // A French letter opens on its salutation, closed by its comma.
    let fr = Lang::get(LangCode::Fr);
    assert!(fr.is_letter_address("« Cher Monsieur,"));
    assert!(fr.is_letter_address("Mon cher ami,"));
    assert!(!fr.is_letter_address("Monsieur le ministre a dit hier."));
    assert!(!fr.is_letter_address("Les fureurs de Tempête,"));
    assert!(Lang::get(LangCode::De).letter_address.is_empty());
}

#[test]
fn a_picture_label_is_told_from_a_headline_that_names_pictures() {
    let zh = Lang::get(LangCode::Zh);
    assert!(zh.is_photo_label("图片报道") && zh.is_photo_label(" 图片新闻 "));
    assert!(!zh.is_photo_label("图片报道里的春节") && !zh.is_photo_label("核心阅读"));
    assert!(Lang::get(LangCode::En).photo_label.is_empty());
    // The label heads its article as a title tagged with a column name does: one table entry says so.
    assert!(zh.is_tagged("图片报道") && !zh.is_tagged("图片报道里的春节"));
}

#[test]
fn a_column_tag_holding_a_bracketed_part_still_marks_a_headline() {
    let zh = Lang::get(LangCode::Zh);
    assert!(zh.is_tagged("降本增效，物流发展高质量（感言·岁末年初看经济（11））"));
    assert!(zh.is_tagged("平台卖家，别想着打擦边球（政策解读·电商法施行一月（下））"));
    assert!(zh.is_tagged("心中常念“为了谁”（一线行走）"));
    assert!(!zh.is_tagged("物流发展高质量（11））") && !zh.is_tagged("全年增长（同比，下同）"));
}
