//! Regressions on pages in the shape an OCR engine reads a printed broadsheet (Tesseract's text):
//! hard-wrapped columns whose first lines lost their indent, running heads on lines of their own,
//! headlines wrapped over two lines, misread brackets and dashes. Each test is named after the bug.

use crate::common::{headed, headlines};
use newsseg::emit::Article;
use newsseg::{process_page, Config, Page};

fn run(text: &str) -> Page {
    process_page(&Config::default(), "t", None, text.as_bytes()).expect("page processes")
}

/// Marks a CJK line may not start with: the character before one goes down with it.
const NO_START: &str = "，。、；：！？）》”’";

/// Sets Chinese paragraphs in a column `width` characters wide as an OCR engine reads it: the
/// first line of each paragraph short by its (lost) two-character indent, a line never opening on
/// a closing mark, a number or a Latin word never broken, a blank line between paragraphs.
fn column(paragraphs: &[&str], width: usize) -> String {
    let mut out = String::new();
    for p in paragraphs {
        let cs: Vec<char> = p.chars().collect();
        let mut i = 0;
        let mut room = width - 2;
        while i < cs.len() {
            let mut end = (i + room).min(cs.len());
            while end < cs.len() && end > i + 1 && (NO_START.contains(cs[end]) || (cs[end].is_ascii_alphanumeric() && cs[end - 1].is_ascii_alphanumeric())) {
                end -= 1;
            }
            out.extend(&cs[i..end]);
            out.push('\n');
            i = end;
            room = width;
        }
        out.push('\n');
    }
    out
}

/// The article's headline group as printed: kicker, headline, deck, those it has.
fn head_group(a: &Article) -> Vec<&str> {
    [&a.kicker, &a.headline, &a.deck].into_iter().filter_map(|x| x.as_deref()).collect()
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.sections.iter().flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str())).collect()
}

/// A story of seven paragraphs, enough lines for the page's column to be measured. The first
/// one's last line fills the column and ends a sentence.
const LIBRARY: [&str; 7] = [
    "镇上的新图书馆上周正式开放了，三层楼里摆满两万多册新书，周末前来借阅的居民排起了长队。",
    "馆长介绍，新馆设有少儿阅览区、电子阅览室和自习区，每天开放到晚上九点，方便上班族下班后来看书，节假日也照常开放。",
    "不少家长带着孩子一起来。一位母亲说：“以前要坐一个小时的车去县城借书，现在走路十分钟就到了，孩子每个周末都吵着要来。”",
    "据了解，图书馆还将每月举办两次读书会，邀请作家和老师与读者交流，今年计划开展各类活动30场以上，并为行动不便的老人送书上门。",
    "为了建好这座图书馆，镇里前后用了两年时间，先后征求了数百位居民的意见，从书目的选择到座椅的高度，都尽量照顾到不同年龄读者的需要。",
    "开馆第一周，借出的图书已经超过三千册，办理借书证的居民有一千二百多人，其中一半以上是中小学生，图书馆的工作人员忙得脚不沾地。",
    "镇里还打算在下面的五个村各建一个分馆，和镇上的新馆通借通还，让住得远的村民也能在家门口借到想看的书，明年春天前全部建成。",
];

#[test]
fn a_first_line_short_by_its_lost_indent_does_not_end_its_paragraph() {
    let page = format!("新图书馆开门迎客\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(paragraphs(&p.articles[0]), LIBRARY);
}

#[test]
fn a_paragraph_set_tight_under_a_full_line_that_ends_a_sentence_opens_at_its_short_first_line() {
    // The second paragraph is set tight under the first, whose last line is full and ends a
    // sentence: its opening line, short by the lost indent, is where it starts.
    let first = column(&LIBRARY[..1], 15);
    assert!(first.trim_end().lines().last().is_some_and(|l| l.chars().count() == 15), "{first}");
    let page = format!("新图书馆开门迎客\n\n{}\n{}", first.trim_end(), column(&LIBRARY[1..], 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(paragraphs(&p.articles[0]), LIBRARY);
}

#[test]
fn a_character_set_down_with_its_closing_marks_is_not_noise() {
    // 来。” stands alone on the paragraph's last line: a line may not open on 。 or ”, so the
    // character before them went down with them.
    let page = format!("新图书馆开门迎客\n\n{}", column(&LIBRARY, 15));
    assert!(page.contains("\n来。”\n"));
    let p = run(&page);
    assert!(p.lines.iter().all(|l| l.role != newsseg::classify::Role::Noise), "{:?}", p.lines);
    assert!(paragraphs(&p.articles[0])[2].ends_with("吵着要来。”"));
}

#[test]
fn regression_a_line_short_because_the_next_opens_on_a_character_and_its_ellipsis_is_no_opening() {
    // Over a column break the paragraph goes on at a line two characters short, as short as an
    // opening line that lost its indent; but 子…… could not have stood in that room, so the line
    // is as full as the wrap let it be and opens nothing: 瓜|子 is one word.
    let cut = ["街上摆满各地运来的年货，红", "灯笼、春联和窗花挂满了街道两旁", "的摊位，叫卖声此起彼伏。店里核"];
    let rest = ["桃、花生、红枣、葡萄干和瓜", "子……一样样摆得整整齐齐，前来", "采购的居民把小街挤得满满当当。"];
    assert_eq!(rest.map(|l| l.chars().count()), [13, 15, 15]);
    let page = format!("新图书馆开门迎客\n\n{}{}\n\n{}\n", column(&LIBRARY, 15), cut.join("\n"), rest.join("\n"));
    let p = run(&page);
    let ps = paragraphs(&p.articles[0]);
    assert_eq!(ps.last().copied(), Some(format!("{}{}", cut.concat(), rest.concat()).as_str()), "{ps:#?}");
}

/// A running head as an OCR engine reads it across a page's top: date, section label and page
/// number on lines of their own.
const RUNNING_HEAD: &str = "2019年3月8日 星期五\n\n要闻\n\n第4版\n\n";

fn furniture(p: &Page) -> Vec<(&str, newsseg::furniture::Kind)> {
    p.furniture.iter().map(|f| (f.text.as_str(), f.kind)).collect()
}

#[test]
fn a_section_label_among_the_running_heads_is_furniture_not_the_first_headline() {
    use newsseg::furniture::Kind;
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(furniture(&p), [("2019年3月8日 星期五", Kind::Date), ("要闻", Kind::Section), ("第4版", Kind::Page)]);
    assert_eq!(p.articles.len(), 1);
    assert_eq!(p.articles[0].headline.as_deref(), Some("新图书馆开门迎客"));
    // Every furniture line is reported with its span into the page.
    for f in &p.furniture {
        assert_eq!(&page[f.span.0..f.span.1], f.text);
    }
}

#[test]
fn a_short_kicker_under_the_running_heads_stays_in_its_headline_group() {
    // 基层治理 stands alone and is short like a section label, but past the last running head:
    // it is the kicker over the title.
    let page = format!("{RUNNING_HEAD}基层治理\n\n新图书馆开门迎客\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.furniture.len(), 3);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    // (Which of two title lines is the headline is the headline group's to say; both are its.)
    assert_eq!(head_group(&p.articles[0]), ["基层治理", "新图书馆开门迎客"]);
}

#[test]
fn an_english_running_head_and_page_number_are_furniture() {
    use newsseg::furniture::Kind;
    let page = "THE DAILY GAZETTE, FRIDAY, MARCH 4, 1987.\n\n6\n\nHARBOR BOARD APPROVES NEW PIER\n\nPORTLAND, March 2 - The harbor board voted on Monday\nto build a new cargo pier on the east bank.\n";
    let p = run(page);
    assert_eq!(furniture(&p), [("THE DAILY GAZETTE, FRIDAY, MARCH 4, 1987.", Kind::RunningHead), ("6", Kind::Page)]);
    assert_eq!(p.articles[0].headline.as_deref(), Some("HARBOR BOARD APPROVES NEW PIER"));
}

/// An English story as an OCR engine reads a column of it: paragraphs hard-wrapped, a blank line
/// between them.
const PIER: &str = "PORTLAND, March 2 - The harbor board voted on\nMonday to build a new cargo pier on the east\nbank of the river, its chairman said.\n\nThe pier will cost about 40 mln dlrs and\nshould be ready by the end of next year, the\nboard said in a statement.\n";

#[test]
fn a_title_case_headline_wrapped_over_two_lines_is_seen() {
    let page = format!("Harbor Board Approves New Cargo Pier for\nEast Bank of the River\n\n{PIER}");
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].headline.as_deref(), Some("Harbor Board Approves New Cargo Pier for East Bank of the River"));
}

#[test]
fn a_dateline_in_capitals_opens_its_paragraph_and_heads_nothing() {
    let page = "HARBOR BOARD APPROVES NEW PIER\n\nWASHINGTON, MARCH 23 - U.S.\nharbor officials said on Monday a new\ncargo pier would be built in Portland.\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    assert_eq!(a.headline.as_deref(), Some("HARBOR BOARD APPROVES NEW PIER"));
    assert_eq!(a.dateline.as_deref(), Some("WASHINGTON, MARCH 23 -"));
    assert!(paragraphs(a)[0].starts_with("WASHINGTON, MARCH 23 - U.S. harbor officials"), "{a:#?}");
}

#[test]
fn a_see_line_whose_key_is_an_abbreviation_is_a_jump() {
    let page = format!("HARBOR BOARD APPROVES NEW PIER\n\n{PIER}\nSee U.S., Page 6\n");
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let j = &p.articles[0].jumps;
    assert_eq!((j[0].direction.as_str(), j[0].page.as_deref(), j[0].key.as_deref()), ("to", Some("6"), Some("U.S.")));
}

#[test]
fn an_english_headline_wrapped_onto_a_line_of_its_own_is_one_headline() {
    // The headline's last word stands on a line of its own, a blank line above and below it.
    let page = format!("Harbor Board Approves New Cargo Pier on East\n\nBank\n\nBy Martha Kell, Reuters\n\n{PIER}");
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    assert_eq!(a.headline.as_deref(), Some("Harbor Board Approves New Cargo Pier on East Bank"));
    assert_eq!((a.kicker.as_deref(), a.deck.as_deref()), (None, None));
    assert_eq!(a.bylines[0].name.as_deref(), Some("Martha Kell"));
}

#[test]
fn stacked_capitals_lines_of_one_headline_are_one_headline_not_a_headline_and_decks() {
    let page = format!("HARBOR BOARD\nAPPROVES NEW PIER\nFOR EAST BANK\n\n{PIER}");
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    assert_eq!(a.headline.as_deref(), Some("HARBOR BOARD APPROVES NEW PIER FOR EAST BANK"));
    assert_eq!(a.deck, None);
}

#[test]
fn a_chinese_headline_wrapped_inside_a_word_is_one_title() {
    // 开|放 is cut at the title's line end; the OCR set a blank line between the two halves.
    let page = format!("{RUNNING_HEAD}镇上新建的图书馆今日正式开\n\n放迎客\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].headline.as_deref(), Some("镇上新建的图书馆今日正式开放迎客"));
}

#[test]
fn a_chinese_title_wrapped_inside_its_column_name_is_one_title_under_its_kicker() {
    // The title's bracketed column name is cut at the line's end (（民生 / 新观察）), each line
    // standing apart; the kicker stands apart above.
    let page = format!("{RUNNING_HEAD}基层治理\n\n新图书馆开门迎客（民生\n\n新观察）\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    assert_eq!([a.kicker.as_deref(), a.headline.as_deref()], [Some("基层治理"), Some("新图书馆开门迎客（民生新观察）")]);
}

#[test]
fn a_byline_set_tight_over_the_first_line_is_the_story_s_byline() {
    let page = format!("Harbor Board Approves New Cargo Pier\n\nBy Martha Kell, Reuters\n{PIER}");
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    assert_eq!(a.bylines[0].name.as_deref(), Some("Martha Kell"));
    assert!(paragraphs(a)[0].starts_with("PORTLAND, March 2 - The harbor board"), "{a:#?}");
}

#[test]
fn a_capitals_headline_line_ending_on_initials_goes_on_below() {
    // U.S. ends the line, not the headline.
    let page = format!("BROKERS PLEAD GUILTY IN U.S.\n\nTAX SCHEME\n\n{PIER}");
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].headline.as_deref(), Some("BROKERS PLEAD GUILTY IN U.S. TAX SCHEME"));
}

#[test]
fn a_short_title_line_ending_on_a_function_character_is_no_prose_cut_at_a_column_s_end() {
    // 行为 ends on 为, which no heading ends on where prose is cut off; but a line this short,
    // in a column an OCR engine read, is no line of a paragraph cut at the column's foot.
    let page = format!("{RUNNING_HEAD}我国规范商标注册行为\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].headline.as_deref(), Some("我国规范商标注册行为"));
}

/// A second story, on another subject, for pages of two.
const RIVER: [&str; 5] = [
    "城南的护城河清淤工程本月底将全部完工，河道两岸新修的步道和绿地也将同步向市民开放。",
    "工程负责人说，这段河道已有二十多年没有系统清理，淤泥最深处超过一米，夏天常有异味，周边居民意见很大。",
    "施工队从去年十一月进场，先后清出淤泥四万多立方米，还对沿河十二个排污口进行了封堵和改造，河水明显变清了。",
    "住在河边的老李每天早上都来看看施工进度。他说：“小时候还在这条河里游过泳，希望以后孙子也能在河边玩。”",
    "据介绍，完工后河道将由专人负责日常保洁，环保部门也会每月对水质进行一次检测，并在网上公布结果。",
];

#[test]
fn a_paragraph_with_a_jump_line_glued_to_its_end_is_no_heading() {
    // A short last line of a column with its jump line on it, set tight over the next title.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}读者排起长队 （下转第2版）\n\n护城河清淤工程本月完工\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    assert!(p.articles.iter().all(|a| a.headline.as_deref() != Some("读者排起长队 （下转第2版）")), "{:#?}", p.articles);
    assert!(p.articles.iter().any(|a| a.jumps.iter().any(|j| j.page.as_deref() == Some("2"))), "{:#?}", p.articles);
}

#[test]
fn a_lone_title_standing_between_two_stories_on_a_printed_page_heads_the_second() {
    // Every line of large type stands alone on a page an OCR engine read off a print: a title
    // standing alone between two stories is no subhead of the first.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河清淤工程本月完工\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("新图书馆开门迎客"), Some("护城河清淤工程本月完工")], "{:#?}", p.articles);
}

#[test]
fn credits_photo_credits_and_jumps_in_brackets_the_ocr_misread_are_still_read() {
    // An OCR engine reads （ as 〈 or 《 and ） as ): the lines are still what they are.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}〈作者为本报记者)\n\n李明摄 《人民视觉)\n\n〈下转第2版)\n", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    // (The bracket, closed by ）, is mended.)
    assert_eq!(a.credit.as_deref(), Some("（作者为本报记者）"));
    assert!(a.captions.iter().any(|c| c.text.starts_with("李明摄")), "{a:#?}");
    assert_eq!(a.jumps.first().and_then(|j| j.page.as_deref()), Some("2"));
}

#[test]
fn a_column_address_the_engine_broke_across_lines_stays_with_its_story() {
    // The column's call for pieces under its story, the address cut at its @ and read as two
    // lines: the story's last lines, not the start of the story under it.
    let page = format!(
        "{RUNNING_HEAD}新图书馆开门迎客\n\n{}〈作者为本报记者)\n\n栏目投稿邮箱: readers2019@\n163.com\n\n护城河清淤工程本月完工\n\n{}",
        column(&LIBRARY, 15),
        column(&RIVER, 15)
    );
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("新图书馆开门迎客"), Some("护城河清淤工程本月完工")], "{:#?}", p.articles);
    let mailed = |a: &Article| a.credit.as_deref().is_some_and(|c| c.contains("readers2019@") && c.contains("163.com"));
    assert!(mailed(&p.articles[0]), "{:#?}", p.articles[0]);
    assert!(!paragraphs(&p.articles[1]).iter().any(|t| t.contains("163.com")), "{:#?}", p.articles[1]);
}

#[test]
fn a_kicker_ending_on_a_dash_the_engine_misread_heads_the_title_under_it() {
    // 市民读书节—— read as 一-, set tight over its title and longer than it: the kicker of the
    // title under it, not a headline over its deck.
    let page = format!("{RUNNING_HEAD}第三届市民读书节一-\n新图书馆开门迎客\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].kicker.as_deref(), Some("第三届市民读书节一-"));
    assert_eq!(p.articles[0].headline.as_deref(), Some("新图书馆开门迎客"));
}

#[test]
fn a_few_characters_set_tight_under_a_title_line_are_its_rest_not_its_headline() {
    // The OCR engine gives the title's two lines as one block (no blank line between), under
    // its kicker; the second line is three characters, the end of the title.
    let page = format!("{RUNNING_HEAD}全民阅读进社区\n镇上的新图书馆正式开放\n三天了\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["全民阅读进社区", "镇上的新图书馆正式开放三天了"]);
}

#[test]
fn a_column_name_opened_on_a_title_line_goes_on_over_the_lines_set_tight_below() {
    // 〈 is the OCR's （ (mended by the closer two lines below): the column name runs over three
    // lines of one block.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客 〈基层\n文化建设\n新观察)\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["新图书馆开门迎客 （基层文化建设新观察）"], "{:#?}", p.articles[0]);
}

#[test]
fn a_title_ending_on_an_exclamation_over_the_key_points_label_heads_the_story() {
    // 核心阅读 stands under the headline group; the title over it ends on ！, which reads as a
    // finished sentence, and the label is the story's first line, never its headline.
    let page = format!("{RUNNING_HEAD}家门口的图书馆真好！\n\n核心阅读\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["家门口的图书馆真好！"], "{:#?}", p.articles[0]);
}

#[test]
fn a_title_whose_column_name_the_ocr_misread_over_the_key_points_label_is_a_title() {
    // 《 and 。 are the OCR's （ and ·: the title line holds a full stop inside its column name.
    let page = format!("{RUNNING_HEAD}小镇探索全民阅读新办法\n新图书馆开门迎客，真方便 《走基层。 看变化)\n\n核心阅读\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    // (The bracket, closed by ）, is mended.)
    assert_eq!(head_group(a), ["小镇探索全民阅读新办法", "新图书馆开门迎客，真方便 （走基层。 看变化）"], "{a:#?}");
}

#[test]
fn prose_cut_at_a_column_s_foot_over_a_title_and_its_label_stays_prose() {
    // The first story's last line ends on 一, cut mid-word at the column's foot, over the next
    // story's title: it is not a line of that title.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河边的居民说，环境一\n\n护城河清淤工程本月完工！\n\n核心阅读\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    assert!(p.articles.iter().all(|a| a.kicker.as_deref() != Some("护城河边的居民说，环境一")), "{:#?}", p.articles);
    assert!(p.articles.iter().any(|a| a.headline.as_deref() == Some("护城河清淤工程本月完工！")), "{:#?}", p.articles);
}

#[test]
fn a_title_wrapped_over_two_lines_of_one_block_closing_on_its_column_name_over_a_dispatch_heads_the_story() {
    // The OCR engine read a title set across two columns as two lines of one block, wider than
    // the column, with its · as 。; a dispatch opens the story under it.
    let page = format!(
        "{RUNNING_HEAD}新图书馆开门迎客\n\n{}\n\n王小明：守护书香 服务乡邻（文化\n惠民。 基层图书馆巡礼）\n\n新华社电 （记者李华） 镇里还打\n算在下面的五个村各建一个分馆，\n和镇上的新馆通借通还，让住得远\n的村民也能在家门口借到想看的书。\n",
        column(&LIBRARY[..3], 15)
    );
    let p = run(&page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("新图书馆开门迎客"), Some("王小明：守护书香 服务乡邻（文化惠民。 基层图书馆巡礼）")], "{:#?}", p.articles);
    assert!(p.articles[1].text.contains("五个村"), "{:#?}", p.articles);
}

#[test]
fn a_bare_title_line_over_a_line_opening_its_column_name_tight_below_is_one_title() {
    // The title's second line, no longer than its first, opens its column name, which runs on
    // over the line below it.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}城南护城河清淤工程\n本月底完工 〈城市\n管理新观察)\n\n新华社电 （记者李华） 城南的护\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let river = p.articles.iter().find(|a| a.text.contains("护城河清淤")).expect("the second story");
    assert_eq!(head_group(river), ["城南护城河清淤工程本月底完工 （城市管理新观察）"], "{:#?}", p.articles);
}

#[test]
fn a_title_the_engine_gave_as_two_blocks_closing_on_its_column_name_over_a_dispatch_heads_the_story() {
    // As above, but with a blank line between the title's two lines, under a paragraph cut off
    // mid-sentence at the column's foot.
    let page = format!(
        "{RUNNING_HEAD}新图书馆开门迎客\n\n{}开馆第一周，借出的图书已经超过三\n千册，办理借书证的居民有一千二\n\n王小明：守护书香 服务乡邻（文化\n\n惠民。 基层图书馆巡礼）\n\n新华社电 （记者李华） 镇里还打\n算在下面的五个村各建一个分馆，\n和镇上的新馆通借通还，让住得远\n的村民也能在家门口借到想看的书。\n",
        column(&LIBRARY[..3], 15)
    );
    let p = run(&page);
    let titled = p.articles.iter().find(|a| a.text.contains("五个村")).expect("the second story");
    assert_eq!(titled.headline.as_deref(), Some("王小明：守护书香 服务乡邻（文化惠民。 基层图书馆巡礼）"), "{:#?}", p.articles);
}

#[test]
fn a_bare_title_wrapped_tight_within_the_column_s_width_is_one_headline() {
    // A one-column title in large type wraps at the column's measure: two bare lines set tight,
    // the lower shorter, over the story's dispatch.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河清淤工程\n本月底全部完工\n\n新华社电 （记者李华） 城南的护\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let river = p.articles.iter().find(|a| a.text.contains("护城河清淤")).expect("the second story");
    assert_eq!(head_group(river), ["护城河清淤工程本月底全部完工"], "{:#?}", p.articles);
}

#[test]
fn regression_a_title_wrapped_within_its_column_before_a_quoted_phrase_is_one_headline() {
    // The lower line of a one-column title holds a phrase in quotes (“时代楷模”): marks the line
    // closes itself, which a title's words have as often as a kicker's or a deck's.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河清淤工程\n评为“优质工程”\n\n新华社电 （记者李华） 城南的护\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let river = p.articles.iter().find(|a| a.text.contains("护城河清淤")).expect("the second story");
    assert_eq!(river.headline.as_deref(), Some("护城河清淤工程评为“优质工程”"), "{:#?}", p.articles);
}

#[test]
fn regression_a_title_s_column_name_wrapped_over_lines_set_apart_is_the_title_s_to_its_close() {
    // Each line of large type stands apart; the column name opened on the title's second line
    // closes on its fourth. The third, inside it, went to the deck: it neither closed the bracket
    // nor stood tight under the line above.
    let title = "护城河清淤推动经\n\n济发展 (城市更新\n\n行动一线建设者风\n\n采)";
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}{title}\n\n新华社电 （记者李华） 城南的护\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let river = p.articles.iter().find(|a| a.text.contains("护城河清淤")).expect("the second story");
    assert_eq!(head_group(river), ["护城河清淤推动经济发展 （城市更新行动一线建设者风采）"], "{:#?}", p.articles);
}

#[test]
fn a_paragraph_s_opening_line_cut_off_at_a_column_s_foot_is_no_kicker_over_the_next_title() {
    // A paragraph of the first story opens on the column's last line, set tight under the
    // paragraph before it, short by its lost indent and cut off mid-sentence on no mark: it is
    // no kicker over the next story's title.
    let page = format!(
        "{RUNNING_HEAD}新图书馆开门迎客\n\n{}\n镇里还打算在下面五个村各建\n\n护城河清淤工程本月完工\n\n新华社电 （记者李华） 城南的护\n{}",
        column(&LIBRARY[..6], 15).trim_end(),
        column(&RIVER, 15)
    );
    let p = run(&page);
    let river = p.articles.iter().find(|a| a.text.contains("淤泥最深处")).expect("the second story");
    assert_eq!(head_group(river), ["护城河清淤工程本月完工"], "{:#?}", p.articles);
}

#[test]
fn a_title_of_parallel_phrases_read_amid_a_sentence_is_no_prose_cut_off() {
    // The OCR engine read a title of three four-character phrases between two halves of a
    // sentence; the half below goes on mid-sentence, which made the title read as prose cut off
    // at a column's foot, running into it.
    let page = format!(
        "{RUNNING_HEAD}新图书馆开门迎客\n\n{}镇里还打算在下面的五个村各建\n\n书香满镇 服务到家 惠及乡邻\n\n一个分馆，和镇上的新馆通借通还，\n让住得远的村民也能借到想看的书。\n",
        column(&LIBRARY, 15)
    );
    let p = run(&page);
    let texts: Vec<&str> = p.articles.iter().flat_map(paragraphs).collect();
    assert!(texts.iter().any(|t| t.contains("五个村各建一个分馆")), "{texts:#?} {:#?}", p.articles.iter().map(head_group).collect::<Vec<_>>());
    assert!(texts.iter().all(|t| !t.contains("书香满镇")), "{:#?}", p.articles);
}

/// A page as Tesseract's hOCR gives it: each block its lines, each line `(text, x, y, height)`,
/// its words boxed 10 units a letter at that height, with a space's gap.
fn hocr(blocks: &[&[(&str, u32, u32, u32)]]) -> Vec<u8> {
    hocr_page(&hocr_blocks(blocks))
}

/// The blocks of an `hocr` page, numbered from 0.
fn hocr_blocks(blocks: &[&[(&str, u32, u32, u32)]]) -> String {
    let mut body = String::new();
    for (b, lines) in blocks.iter().enumerate() {
        body.push_str(&format!("<div class='ocr_carea' id='block_{b}'><p class='ocr_par' id='par_{b}'>"));
        for (l, &(text, x, y, h)) in lines.iter().enumerate() {
            let mut words = String::new();
            let mut wx = x;
            for (w, word) in text.split(' ').enumerate() {
                let ww = word.chars().count() as u32 * h / 2;
                words.push_str(&format!("<span class='ocrx_word' id='w_{b}_{l}_{w}' title='bbox {wx} {y} {} {}; x_wconf 95'>{word}</span> ", wx + ww, y + h));
                wx += ww + h / 3;
            }
            body.push_str(&format!("<span class='ocr_line' id='l_{b}_{l}' title='bbox {x} {y} {wx} {}'>{words}</span>", y + h));
        }
        body.push_str("</p></div>");
    }
    body
}

/// An hOCR page of Tesseract's around the blocks in `body`.
fn hocr_page(body: &str) -> Vec<u8> {
    format!("<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml'><head><meta name='ocr-system' content='tesseract 5.3.0'/></head><body><div class='ocr_page' id='page_1' title='bbox 0 0 1200 1600'>{body}</div></body></html>").into_bytes()
}

/// A word as the engine boxed it: `(text, x, y, w, h)`.
type Boxed<'a> = (&'a str, u32, u32, u32, u32);

/// A block of `hocr` lines whose words are boxed as given: where the engine drew a word's box off
/// its letters (a speck read as a mark and glued to them).
fn hocr_boxed(id: &str, lines: &[&[Boxed]]) -> String {
    let mut out = format!("<div class='ocr_carea' id='block_{id}'><p class='ocr_par' id='par_{id}'>");
    for (l, words) in lines.iter().enumerate() {
        let (x0, y0) = (words.iter().map(|w| w.1).min().unwrap_or(0), words.iter().map(|w| w.2).min().unwrap_or(0));
        let (x1, y1) = (words.iter().map(|w| w.1 + w.3).max().unwrap_or(0), words.iter().map(|w| w.2 + w.4).max().unwrap_or(0));
        out.push_str(&format!("<span class='ocr_line' id='l_{id}_{l}' title='bbox {x0} {y0} {x1} {y1}'>"));
        for (w, &(text, x, y, ww, h)) in words.iter().enumerate() {
            out.push_str(&format!("<span class='ocrx_word' id='w_{id}_{l}_{w}' title='bbox {x} {y} {} {}; x_wconf 95'>{text}</span> ", x + ww, y + h));
        }
        out.push_str("</span>");
    }
    out + "</p></div>"
}

#[test]
fn a_byline_the_engine_read_into_the_block_of_the_first_paragraph_is_the_story_s_byline() {
    // Tesseract boxes the byline and the dispatch under it as one paragraph (By Chaitanya Kalbag,
    // Reuters / MANILA, March 24 - A ...): the block's first line is the story's byline, not the
    // opening words of its first paragraph.
    let body: Vec<(&str, u32, u32, u32)> = ["By Martha Kell, Reuters", "PORTLAND, March 2 - The harbor board approved", "a new cargo pier on Monday after a year of talks", "with the shipping lines that call at the port and", "the unions that work its docks, the board said.", "Work on the pier starts in the spring, it said."]
        .iter()
        .enumerate()
        .map(|(i, &t)| (t, 40, 140 + 30 * i as u32, 20))
        .collect();
    let page = hocr(&[&[("Harbor Board Approves Pier", 40, 40, 60)], &body]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    assert_eq!(a.bylines.first().and_then(|b| b.name.as_deref()), Some("Martha Kell"), "{a:#?}");
    assert!(a.text.contains("\n\nPORTLAND, March 2 - The harbor board"), "{a:#?}");
}

#[test]
fn a_title_standing_alone_with_a_word_before_its_comma_is_a_headline() {
    // 看， is too short a half for a title balanced on its comma, and was read as prose cut off at
    // a column's edge; but a line standing alone between blank lines, well short of the column,
    // is no line an edge cut.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}看，护城河变清了\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("新图书馆开门迎客"), Some("看，护城河变清了")], "{:#?}", p.articles);
}

#[test]
fn a_column_name_set_apart_under_a_title_closes_the_title_not_the_story_above() {
    // (民生观察) has the shape of the bracketed name that closes a story, (李明); under a title it
    // is the title's column name.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}（李明）\n\n护城河清淤工程本月完工\n\n（民生观察）\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
    assert_eq!(p.articles[0].credit.as_deref(), Some("（李明）"));
    assert_eq!(p.articles[1].headline.as_deref(), Some("护城河清淤工程本月完工（民生观察）"));
}

#[test]
fn a_title_s_last_character_carried_over_with_its_column_name_goes_on_the_title() {
    // The line under the title is longer than the title's own (its column name), yet it holds one
    // character of the title's: it is the title's rest, not a deck.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}给护城河洗个\n澡（城市建设新观察）\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[1]), ["给护城河洗个澡（城市建设新观察）"]);
}

#[test]
fn a_column_name_under_scraps_amid_a_paragraph_is_no_title_s_rest() {
    // The OCR read scraps of a graphic (多 息) and a column name ((说道)) between two lines of a
    // paragraph; the text under them goes on mid-sentence, so the scraps are no title for the
    // column name to close.
    let cut = "馆长说，回收旧书再利用，看起来\n是件简单的事情，可还真不是那么\n\n多  息\n（说道）\n容易。每一本旧书都要先消毒，再\n修补，然后重新编号上架，工作人\n员常常要忙到晚上九点才能回家。\n";
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}{cut}", column(&LIBRARY, 15));
    let p = run(&page);
    assert!(p.articles.iter().all(|a| !a.headline.as_deref().unwrap_or("").contains("（说道）")), "{:#?}", p.articles);
}

#[test]
fn a_line_closing_the_bracket_a_title_line_opened_goes_on_the_title_however_long() {
    // The column name's bracket opens on a line of its own and closes on the line under it, which
    // is longer than the line it closes (（新春 / 走基层看变化）); the OCR's one block, whose first
    // line lost its closing quote.
    let page = format!("{RUNNING_HEAD}全民阅读“进社区\n（新春\n走基层看变化）\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["全民阅读“进社区（新春走基层看变化）"], "{:#?}", p.articles[0]);
}

#[test]
fn a_line_closing_a_title_s_bracket_on_figures_alone_goes_on_the_title() {
    // 2019） holds no CJK character, yet it closes the bracket the title line opened.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客（阅读\n2019）\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["新图书馆开门迎客（阅读2019）"], "{:#?}", p.articles[0]);
}

#[test]
fn scraps_read_off_a_picture_over_a_title_are_not_its_headline() {
    // The OCR engine read two scraps of a photo's lettering (品 / ALo) over the title, set tight
    // with it: three heading lines, of which the middle one would be the headline.
    let page = format!("{RUNNING_HEAD}品\nALo\n镇上的新图书馆正式开放\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].headline.as_deref(), Some("镇上的新图书馆正式开放"), "{:#?}", p.articles[0]);
}

#[test]
fn a_standing_label_takes_no_scrap_under_it_as_its_rest() {
    // 图片报道 is a title of its own; the character the OCR read off the photo under it is no
    // part of it.
    let page = format!("{RUNNING_HEAD}图片报道\n原\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles[0].headline.as_deref(), Some("图片报道"), "{:#?}", p.articles);
}

#[test]
fn a_title_closed_by_its_column_name_takes_no_label_under_it_though_a_quote_is_left_open() {
    // The OCR lost the title's closing quote, so a bracket looks open; the column name has closed
    // the title all the same, and the label set tight under it heads the next story.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客“书香 （民生观察）\n图片报道\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles[0].headline.as_deref(), Some("新图书馆开门迎客“书香 （民生观察）"), "{:#?}", p.articles);
}

#[test]
fn a_title_whose_colon_the_engine_read_as_a_semicolon_is_still_a_title_over_its_dispatch() {
    // 何云：火线办报… as the engine reads a two-line title closing on its column name, with the
    // colon after the name misread (何云; 火线办报), over the story's dispatch.
    let mut page = column(&LIBRARY[..3], 16);
    page.push_str("何云; 火线办报 鼓舞士气 (为了\n民族复兴英雄烈士谱)\n\n");
    page.push_str(&column(&["新华社电 （记者张伟） 何云是我国新闻战线的杰出代表，抗日战争时期主持华北敌后的报纸，在战火中坚持出版。", "在一次反扫荡中，何云带领报社人员转移，坚持工作和战斗，直到最后一刻。"], 16));
    let p = run(&page);
    assert!(p.articles.iter().any(|a| a.headline.as_deref().is_some_and(|h| h.starts_with("何云") && h.ends_with("英雄烈士谱）"))), "{:?}", p.articles.iter().map(head_group).collect::<Vec<_>>());
}

#[test]
fn a_title_s_closing_bracket_read_on_a_line_of_its_own_over_the_next_column_closes_the_title() {
    // Tesseract read the title's closing bracket, set big, as a line of its own at the top of the
    // next column's block, over the story's text going on there. Taken as a line of body type (one
    // character, no ideograph), it was read with the column's first line, the short end of a
    // paragraph, as a heading there; it is the title's last mark.
    let text: Vec<&'static str> = Box::leak(column(&LIBRARY[..6], 15).into_boxed_str()).lines().collect();
    let cut = text.iter().position(|l| l.ends_with("照常开放。")).expect("the second paragraph's end");
    let set = |ls: &[&'static str], x: u32| -> Vec<(&'static str, u32, u32, u32)> {
        let mut out = Vec::new();
        let mut first = true;
        for &l in ls {
            if l.is_empty() {
                first = true;
                continue;
            }
            out.push((l, if first { x + 20 } else { x }, 180 + 28 * out.len() as u32, 20));
            first = false;
        }
        out
    };
    let mut right = vec![("）", 300, 90, 60)];
    right.extend(set(&text[cut..], 240).into_iter().map(|(t, x, y, h)| (t, if t == text[cut] { 240 } else { x }, y, h)));
    let page = hocr(&[&[("新图书馆开门迎客（文化惠民", 40, 30, 60)], &set(&text[..cut], 40), &right]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].headline.as_deref(), Some("新图书馆开门迎客（文化惠民）"), "{:#?}", p.articles[0]);
    assert!(p.articles[0].text.contains("下班后来看书"), "{:#?}", p.articles[0]);
}

#[test]
fn a_title_s_ink_the_engine_read_as_a_line_inside_the_title_s_box_goes_on_the_title() {
    // Tesseract read a character's strokes as a line of scraps of its own (包 Ar), standing inside
    // the title line's box; set over no text of its own column, it was taken by the nearest
    // headline above it, the next story's, as a subhead.
    let left = hocr_column(&LIBRARY[..3], 40, 140);
    let right = hocr_column(&RIVER[..3], 700, 80);
    let page = hocr(&[&[("包 Ar", 100, 80, 8), ("新图书馆开门迎客", 40, 40, 80)], &left, &[("护城河清淤工程完工", 700, 20, 40)], &right]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
    let heads: Vec<Vec<&str>> = p.articles.iter().map(head_group).collect();
    assert_eq!(heads, [vec!["包Ar新图书馆开门迎客"], vec!["护城河清淤工程完工"]], "{:#?}", p.articles);
    assert!(p.articles[1].sections.iter().all(|s| s.heading.is_none()), "{:#?}", p.articles[1]);
}

/// Paragraphs set in a column 12 characters wide at (`x`, `y`) as `hocr` lines, 20 units high.
fn hocr_column(ps: &[&str], x: u32, y: u32) -> Vec<(&'static str, u32, u32, u32)> {
    let lines: Vec<&'static str> = Box::leak(column(ps, 12).into_boxed_str()).lines().filter(|l| !l.is_empty()).collect();
    lines.into_iter().enumerate().map(|(i, l)| (l, x, y + 28 * i as u32, 20)).collect()
}

#[test]
fn a_kicker_s_upper_line_standing_clear_of_the_title_stays_in_the_kicker() {
    // A kicker of two lines, each its own block: the upper one stands further from the title than
    // a kicker may, tight over the kicker's last line, which joined the title only after it was
    // passed over. It was left out of the kicker.
    let body = hocr_column(&LIBRARY[..3], 40, 190);
    let page = hocr(&[&[("从小镇到县城，几代读书人", 40, 20, 24)], &[("一路追着书香走进来", 100, 52, 24)], &[("新图书馆开门迎客", 40, 110, 60)], &body]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["从小镇到县城，几代读书人一路追着书香走进来", "新图书馆开门迎客"], "{:#?}", p.articles[0]);
}

/// The editors' note that opens a themed page, in a column of its own (`column`).
const NOTE: [&str; 3] = [
    "春节将至，城里的博物馆、美术馆纷纷推出新展，不少家庭把逛展当成了过年的新去处，馆里比平时热闹了许多。",
    "今天，本版邀请几位博物馆馆长，带读者走进节日里的展厅，听一听文物背后的故事，看一看馆里的新变化。",
    "这个春节，一起去博物馆里过大年吧！",
];

#[test]
fn the_editors_sign_off_under_their_note_is_the_note_s_last_line_not_a_headline() {
    // ——编者 read as 一编 者, standing alone under the editors' note: it was the headline of an
    // article of three characters, cutting the note off from the page's title.
    let page = format!("博物馆里过大年\n\n{}一编 者\n\n护城河清淤工程完工\n\n{}", column(&NOTE, 15), column(&RIVER, 15));
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("博物馆里过大年"), Some("护城河清淤工程完工")], "{:#?}", p.articles);
    assert!(p.articles[0].text.contains("过大年吧！\n\n一编者"), "{:#?}", p.articles[0]);
}

#[test]
fn the_editors_sign_off_whose_dash_reads_tall_is_no_headline_type() {
    // In hOCR the sign-off's dash, read as 一, makes its line half as tall again as the text's:
    // the size said headline type, and the sign-off headed an article of its own.
    let note = hocr_column(&NOTE, 40, 100);
    let bottom = note.last().map_or(0, |l| l.2) + 40;
    let river = hocr_column(&RIVER[..3], 40, bottom + 190);
    let page = hocr(&[&[("博物馆里过大年", 40, 20, 60)], &note, &[("一编者", 160, bottom, 30)], &[("护城河清淤工程完工", 40, bottom + 120, 50)], &river]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    assert_eq!(headlines(&p), [Some("博物馆里过大年"), Some("护城河清淤工程完工")], "{:#?}", p.articles);
    assert!(p.articles[0].text.ends_with("一编者"), "{:#?}", p.articles[0]);
}

#[test]
fn a_kicker_centred_over_a_title_boxed_in_halves_is_its_kicker_though_set_a_shade_small() {
    // A kicker set a shade under the kicker size (1.1 of the body), centred over a title the
    // engine boxed in two halves a word space apart: its centre fell in the gap between the
    // halves, and it was read as a heading of the story above.
    let above = hocr_column(&RIVER[..2], 40, 20);
    let top = above.last().map_or(0, |l| l.2) + 90;
    let body = hocr_column(&LIBRARY[..3], 40, top + 100);
    let page = hocr(&[&above, &[("从小镇到县城的读书路", 115, top - 42, 22)], &[("新图书馆开门", 40, top, 60)], &[("迎客", 240, top, 60)], &body]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    let heads: Vec<Vec<&str>> = p.articles.iter().map(head_group).collect();
    assert_eq!(heads.last().map(Vec::as_slice), Some(&["从小镇到县城的读书路", "新图书馆开门迎客"][..]), "{heads:?} {:#?}", p.articles);
}

#[test]
fn a_kicker_the_engine_read_as_the_last_line_of_the_text_above_is_the_title_s_kicker() {
    // Tesseract boxed the kicker with the column of text above it, as that block's last line:
    // set bigger than the text, centred tight over the title, it was read as the text's last line.
    let mut above = hocr_column(&RIVER[..2], 40, 20);
    let top = above.last().map_or(0, |l| l.2) + 90;
    above.push(("从小镇到县城的读书路", 100, top - 36, 24));
    let body = hocr_column(&LIBRARY[..3], 40, top + 100);
    let page = hocr(&[&above, &[("新图书馆开门迎客", 40, top, 60)], &body]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    let heads: Vec<Vec<&str>> = p.articles.iter().map(head_group).collect();
    assert_eq!(heads.last().map(Vec::as_slice), Some(&["从小镇到县城的读书路", "新图书馆开门迎客"][..]), "{heads:?} {:#?}", p.articles);
}

#[test]
fn two_titles_side_by_side_whose_lines_stand_on_different_bands_are_two_titles() {
    // A one-line title beside a two-line one set higher, a character's width apart: read as the
    // halves of one title line around a character the engine lost, the two made one headline.
    let top = 200;
    let river = hocr_column(&RIVER[..3], 40, top + 80);
    let library = hocr_column(&LIBRARY[..3], 300, top + 100);
    let page = hocr(&[&[("护城河清淤工程完工", 40, top, 40)], &[("新图书馆开门", 270, top - 40, 50), ("迎来读者", 270, top + 14, 50)], &river, &library]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    let mut heads: Vec<Vec<&str>> = p.articles.iter().map(head_group).collect();
    heads.sort();
    assert_eq!(heads, [vec!["护城河清淤工程完工"], vec!["新图书馆开门迎来读者"]], "{:#?}", p.articles);
}

#[test]
fn a_title_s_halves_around_a_lost_character_after_a_comma_are_one_title() {
    // 村子大家管， | 子更美满 (日 lost): the gap between the halves' boxes holds the lost character
    // and the blank right part of the comma's em, wider than a lost character alone. Without the
    // comma the same gap parts two titles.
    for (left, one) in [("村里的路灯，", true), ("村里的路灯", false)] {
        let top = 100;
        let right = 40 + left.chars().count() as u32 * 25 + 82;
        let page = hocr(&[&[(left, 40, top, 50)], &[("亮起来了", right, top, 50)], &hocr_column(&LIBRARY[..2], 40, top + 80), &hocr_column(&LIBRARY[2..4], 240, top + 80)]);
        let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
        let heads: Vec<Vec<&str>> = p.articles.iter().map(head_group).collect();
        let whole = format!("{left}亮起来了");
        assert_eq!(heads.iter().any(|h| h == &[whole.as_str()]), one, "{left}: {heads:?}");
    }
}

#[test]
fn a_deck_s_last_line_set_as_big_as_the_title_stays_in_the_deck() {
    // A speech's deck runs on into a line the engine measured in display type (——在全市图书馆
    // 工作会议上的讲 / 话（二〇一九年一月十一日）): too far under the title to touch it, that line
    // made a headline group of its own before the deck joined the title's, and headed the
    // speech's text as a story of its own.
    let body = hocr_column(&LIBRARY[..4], 40, 260);
    let page = hocr(&[&[("办好每一座家门口的图书馆", 40, 20, 40)], &[("——在全市图书馆工作会议上的讲", 40, 80, 24)], &[("话（二〇一九年一月十一日）", 60, 116, 27)], &body]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    let heads: Vec<Vec<&str>> = p.articles.iter().map(head_group).collect();
    assert_eq!(heads, [vec!["办好每一座家门口的图书馆", "——在全市图书馆工作会议上的讲话（二〇一九年一月十一日）"]], "{:#?}", p.articles);
}

#[test]
fn a_column_name_s_dot_the_engine_read_as_a_full_stop_ends_no_title_inside_its_bracket() {
    // The column name's · read as 。 on the middle one of the title's three lines: inside the
    // bracket the title opened, it is no sentence's end, and the name goes on to its closer.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客 〈基层\n文化建设。新\n观察)\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["新图书馆开门迎客 （基层文化建设。新观察）"], "{:#?}", p.articles[0]);
    // A line that closes on a full stop under an open bracket is a sentence: prose, not the name.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客 〈基层\n借书的人越来越多。\n\n{}", column(&LIBRARY, 15));
    let p = run(&page);
    assert!(p.articles.iter().all(|a| a.headline.as_deref().is_none_or(|h| !h.contains("借书的人"))), "{:#?}", p.articles);
}

#[test]
fn a_title_wrapped_over_two_lines_closing_on_its_column_name_between_finished_text_and_an_opening_paragraph_heads_the_story() {
    // The title and its column name, its （ read as 〈 and its · as 。, read as two lines of one
    // block, the first as wide as the column; under it no byline but an editors' note, its first
    // line short by the indent. It read as a paragraph, and the story ran on from the one above.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河边 步道新绿 〈城市更新。身边\n的变化)\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let heads = headlines(&p);
    assert_eq!(heads.len(), 2, "{:#?}", p.articles);
    assert!(heads[1].is_some_and(|h| h.starts_with("护城河边") && h.ends_with("的变化）")), "{heads:?}");
    assert!(p.articles[1].text.contains("城南的护城河清淤工程"), "{:#?}", p.articles[1]);
}

#[test]
fn a_paragraph_s_opening_line_read_apart_over_a_title_s_line_goes_on_past_it() {
    // The engine read a paragraph's opening line alone, then a line of a title set beside the
    // column, then the paragraph's rest, opening mid-sentence. The opening line, as wide as the
    // column less the lost indent, read as a kicker over the title's line and took the rest away.
    let para = "这是小镇建镇以来最大的文化工程，从选址到开馆，居民们一直关心着它的进展，如今终于如愿以偿。";
    let cut = column(&[para], 15);
    let (first, rest) = cut.split_once('\n').expect("two lines and more");
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}{first}\n\n读者点赞新馆\n\n{rest}{}", column(&LIBRARY[..4], 15), column(&LIBRARY[4..], 15));
    let p = run(&page);
    assert!(p.articles.iter().flat_map(paragraphs).any(|t| t == para), "{:#?}", p.articles);
}

#[test]
fn a_title_whose_column_name_opens_on_a_misread_bracket_heads_its_story() {
    // Tesseract read the column name's （ as 《 (and as 〈): the line did not read as a title
    // closing on its column name, and the story under it went on from the one above.
    for open in ['《', '〈'] {
        let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河边的新步道 {open}城市观察)\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
        let p = run(&page);
        let heads = headlines(&p);
        assert_eq!(heads.len(), 2, "{open}: {:#?}", p.articles);
        assert_eq!(heads[1], Some("护城河边的新步道 （城市观察）"), "{open}: {heads:?}");
        assert!(p.articles[1].text.contains("城南的护城河清淤工程"), "{open}: {:#?}", p.articles[1]);
    }
}

#[test]
fn a_title_cut_across_a_misread_word_goes_on_to_its_column_name_on_the_line_below() {
    // 护城河清淤工程全 / 面完工 （城市更新·身边的变化）, 全 misread as 金 and · as ，: no word
    // runs across the cut, and the line with the column name was made the deck of a headline cut
    // in mid-word.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河清淤工程金\n\n面完工 《城市更新， 身边\n\n的变化)\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let heads: Vec<Vec<&str>> = p.articles.iter().map(head_group).collect();
    assert_eq!(heads.len(), 2, "{heads:?}");
    assert!(p.articles[1].deck.is_none(), "{heads:?}");
    assert!(p.articles[1].headline.as_deref().is_some_and(|h| h.starts_with("护城河清淤工程金") && h.contains("面完工")), "{heads:?}");
}

#[test]
fn a_title_wrapped_onto_its_column_name_as_the_page_s_first_text_heads_the_story() {
    // The page's first story opens under the running heads on its title and column name read as
    // two lines of one block (春节，让我们的文化青春不老 (人 / 民时评)), a comma in it: with no
    // text above it, it read as a paragraph.
    let page = format!("{RUNNING_HEAD}护城河边，步道新绿铺就城市 (人\n民时评)\n\n{}新图书馆开门迎客\n\n{}", column(&RIVER, 15), column(&LIBRARY, 15));
    let p = run(&page);
    let heads = headlines(&p);
    assert_eq!(heads.first().copied().flatten(), Some("护城河边，步道新绿铺就城市 （人民时评）"), "{:#?}", p.articles);
    assert!(p.articles[0].text.contains("城南的护城河清淤工程"), "{:#?}", p.articles[0]);
}

#[test]
fn full_stops_the_engine_read_in_the_gutter_end_no_sentence() {
    // A column's last line closes on 。。, marks hanging in the gutter that the engine read with it
    // (…约合2.6埃镑)。。): it ended the paragraph as a sentence would, and the sentence's rest at
    // the next column's top went to the story beside it.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}镇里还打算在下面的五个村各建。。\n\n护城河清淤工程本月完工\n\n{}一个分馆，和镇上的新馆通借通还，\n让住得远的村民也能借到想看的书。\n", column(&LIBRARY[..4], 15), column(&RIVER, 15));
    let p = run(&page);
    let library = headed(&p, "新图书馆开门迎客");
    assert!(library.text.contains("各建。。一个分馆"), "{:#?}", p.articles);
}

#[test]
fn a_title_whose_column_name_lost_its_closer_is_no_prose_cut_off() {
    // Tesseract lost the column name's closer (…新步道 〈城市纪行): the title's last character
    // made a word (行|业) with a paragraph opening mid-word near it, so the title read as prose cut
    // at a column's foot and was glued to the story under it.
    let page = format!(
        "{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河边的新步道 〈城市纪行\n\n{}{}\n\n业，沿河的小店也多了起来。\n",
        column(&LIBRARY, 15),
        column(&RIVER, 15),
        column(&["清淤以后，河边的人气一天比一天旺，也带动了周边的餐饮行"], 15).trim_end()
    );
    let p = run(&page);
    let heads = headlines(&p);
    assert!(heads.contains(&Some("护城河边的新步道 〈城市纪行")), "{heads:?}");
    let river = p.articles.iter().find(|a| a.text.contains("城南的护城河清淤工程")).expect("the river story");
    assert_eq!(river.headline.as_deref(), Some("护城河边的新步道 〈城市纪行"), "{:#?}", p.articles);
}

#[test]
fn a_column_name_s_misread_opener_is_mended_by_its_closer_on_a_title_line_read_apart() {
    // The engine read the title's column name over two lines with a blank between (〈城市 /
    // 观察)): each line alone has no pair to mend, the title joined from them does.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n{}护城河边的新步道 〈城市\n\n观察)\n\n{}", column(&LIBRARY, 15), column(&RIVER, 15));
    let p = run(&page);
    let heads = headlines(&p);
    assert_eq!(heads.len(), 2, "{:#?}", p.articles);
    assert!(heads[1].is_some_and(|h| h.contains("（城市") && !h.contains('〈')), "{heads:?}");
}

#[test]
fn a_dispatch_s_misread_opener_is_mended_by_its_closer_across_a_column_break() {
    // The dispatch's （ read as 〈 at a column's foot, its closer at the next column's top: the
    // paragraph joined across the break keeps no 〈.
    let page = format!("{RUNNING_HEAD}新图书馆开门迎客\n\n本报北京3月7日电 〈记者\n\n王晓明）镇上的新图书馆上周正式开放了，三层楼里摆满两万多册新书。\n\n{}", column(&LIBRARY[1..], 15));
    let p = run(&page);
    let first = p.articles.iter().flat_map(paragraphs).next().expect("a paragraph");
    assert!(first.contains("（记者") && !first.contains('〈'), "{:#?}", p.articles);
}

/// Paragraphs set in a column 20 characters wide at (`x`, `y`) as `hocr` lines, 20 units high.
fn hocr_wide_column(ps: &[&str], x: u32, y: u32) -> Vec<(&'static str, u32, u32, u32)> {
    let lines: Vec<&'static str> = Box::leak(column(ps, 20).into_boxed_str()).lines().filter(|l| !l.is_empty()).collect();
    lines.into_iter().enumerate().map(|(i, l)| (l, x, y + 28 * i as u32, 20)).collect()
}

#[test]
fn two_titles_side_by_side_read_as_one_line_across_a_speck_in_the_gutter_are_two_titles() {
    // Tesseract read two titles set side by side, each over a column of its own, as one block of
    // two lines: a speck in the gutter read as 。 after the left title's first line, and one read
    // as ” glued to the right title's first character on the second. The marks filled the gutter,
    // so neither row was cut there, and the two titles made one headline.
    let title = hocr_boxed(
        "t",
        &[
            &[("新图书馆开", 40, 100, 200, 40), ("。", 252, 110, 20, 30), ("护城河清淤", 320, 100, 200, 40)],
            &[("门迎客", 40, 150, 120, 40), ("”工", 280, 150, 80, 40), ("程完工", 360, 150, 120, 40)],
        ],
    );
    let body = hocr_blocks(&[&hocr_wide_column(&LIBRARY[..3], 40, 220), &hocr_wide_column(&RIVER[..3], 320, 220)]);
    let p = process_page(&Config::default(), "t", None, &hocr_page(&(title + &body))).expect("page processes");
    let heads: Vec<Vec<&str>> = p.articles.iter().map(head_group).collect();
    assert_eq!(heads, [vec!["新图书馆开。门迎客"], vec!["护城河清淤”工程完工"]], "{:#?}", p.articles);
    assert!(p.articles[1].text.contains("城南的护城河"), "{:#?}", p.articles[1]);
}

#[test]
fn a_deck_whose_box_touches_the_title_s_by_a_speck_of_ink_is_the_title_s_deck() {
    // The engine drew a mark's box under the title a few units too tall, down into the deck's
    // line: the deck, set clear of the title on the page, overlapped its box and stood alone as a
    // headline, the title a headline with no text.
    let body = hocr_column(&LIBRARY[..3], 40, 220);
    let page = hocr(&[&[("新图书馆开门迎客", 40, 100, 60)], &[("两万多册新书上架", 40, 158, 24)], &body]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["新图书馆开门迎客", "两万多册新书上架"], "{:#?}", p.articles[0]);
}

#[test]
fn a_rubric_naming_its_year_set_big_over_a_story_heads_it() {
    // 2019春运一线 is half digits: read as a figure of a graphic, it was no headline type, and the
    // story under it went to the title beside it.
    let body = hocr_column(&RIVER[..3], 40, 100);
    let page = hocr(&[&[("2019春运一线", 40, 30, 50)], &body]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(head_group(&p.articles[0]), ["2019春运一线"], "{:#?}", p.articles[0]);
}

#[test]
fn a_graphic_s_figure_over_its_gloss_and_the_dispatch_is_no_headline_on_a_structured_page() {
    // A figure of a graphic (126家) set over its gloss and the story's dispatch read as a lone
    // heading a paragraph over a dispatch, which on plain text heads the story the dispatch opens.
    // The geometry had found the page's headline groups: the figure headed a story of its own,
    // cutting the title's story in two.
    let body = hocr_column(&LIBRARY[..2], 40, 120);
    let y = body.last().map_or(0, |l| l.2) + 40;
    let gloss = hocr_column(&["开馆以来，借出的图书已经超过三千册。"], 40, y + 50);
    let rest = hocr_column(&["新华社北京3月5日电（记者王川）开馆第一周，办理借书证的居民有一千二百多人。", LIBRARY[5]], 40, y + 160);
    let page = hocr(&[&[("新图书馆开门迎客", 40, 30, 60)], &body, &[("126家", 40, y, 28)], &gloss, &rest]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    assert_eq!(headlines(&p), [Some("新图书馆开门迎客")], "{:#?}", p.articles);
}

#[test]
fn a_rubric_centred_over_three_columns_heads_the_text_of_all_three() {
    // 春运一线 stands centred over three columns of items, its type covering the middle one only.
    // The left column's text was read with the story whose title stands higher in that column,
    // the story above the rubric, and its items came after the rubric's middle column.
    let river = hocr_column(&RIVER[..1], 40, 80);
    let top = river.last().map_or(0, |l| l.2) + 60;
    let (left, middle, right) = (hocr_column(&LIBRARY[..2], 40, top + 80), hocr_column(&LIBRARY[2..4], 260, top + 80), hocr_column(&LIBRARY[4..6], 480, top + 80));
    let page = hocr(&[&[("护城河清淤工程完工", 40, 20, 40)], &river, &[("春运一线", 270, top, 50)], &left, &middle, &right]);
    let p = process_page(&Config::default(), "t", None, &page).expect("page processes");
    let rubric = headed(&p, "春运一线");
    assert!(rubric.text.contains("镇上的新图书馆上周正式开放了"), "{:#?}", p.articles);
    let first = rubric.text.find("镇上的新图书馆").unwrap_or(usize::MAX);
    assert!(first < rubric.text.find("不少家长").unwrap_or(0), "{rubric:#?}");
}

/// A second story, a dispatch from the county's roads.
const ROADS: [&str; 2] = [
    "本报讯 今年春节前后，全县新修的十二条乡村公路陆续通车，沿线二十多个村的村民出行更方便了。",
    "县交通局负责人介绍，这些公路总长一百多公里，全部按照双车道标准建设，并配套安装了路灯和护栏。",
];

#[test]
fn regression_titles_standing_level_at_the_pages_top_read_as_one_row_became_one_headline() {
    // Tesseract reads two stories' two-line titles, side by side under the running head, as two
    // rows, the columns apart by runs of spaces; the library story's column goes on under them.
    let page = format!(
        "2019年2月21日 星期四                     要闻                     第5版\n\
         镇上新图书馆开门迎客     乡村公路通到\n\
         两万册新书等你来借阅         家门口\n{}{}",
        column(&LIBRARY[..2], 15),
        column(&ROADS, 15)
    );
    let p = run(&page);
    let library = headed(&p, "镇上新图书馆开门迎客");
    assert_eq!(library.deck.as_deref(), Some("两万册新书等你来借阅"));
    assert!(paragraphs(library)[0].starts_with(LIBRARY[0]), "{:#?}", library);
    let roads = headed(&p, "乡村公路通到家门口");
    assert!(paragraphs(roads).iter().any(|t| t.contains("乡村公路陆续通车")), "{:#?}", roads);
    // The page's lines are still listed in the order they stand in the text.
    assert!(p.lines.windows(2).all(|w| w[0].span.0 < w[1].span.0), "{:?}", p.lines);
}
