//! Regressions, each named after the bug it pins down.

use newsseg::emit::Article;
use crate::common::{headed, headlines};
use newsseg::{process_page, Config, Page};

fn run(text: &str) -> Page {
    process_page(&Config::default(), "t", None, text.as_bytes()).expect("page processes")
}

/// The article whose text holds `text` (a dateline, a phrase of its own).
fn article_with<'a>(p: &'a Page, text: &str) -> &'a Article {
    p.articles.iter().find(|a| a.text.contains(text)).unwrap_or_else(|| panic!("no article holds {text:?}: {:#?}", p.articles))
}

/// The article's headline group as printed: kicker, headline, deck, those it has.
fn head_group(a: &Article) -> Vec<&str> {
    [&a.kicker, &a.headline, &a.deck].into_iter().filter_map(|x| x.as_deref()).collect()
}

/// The headings of the article's sections, in order.
fn section_heads(a: &Article) -> Vec<&str> {
    a.sections.iter().filter_map(|s| s.heading.as_deref()).collect()
}

fn all_paragraphs(p: &Page) -> Vec<String> {
    p.articles.iter().flat_map(|a| a.sections.iter().flat_map(|s| s.paragraphs.iter().map(|x| x.text.clone()))).collect()
}

/// A column set 18 characters wide; the headline lines run wider and sat directly on the text.
const WRAPPED: &str = "许其亮在武警海警总队机关看望慰问官兵强调指出\n肩负起党和人民赋予的神圣使命\n\n　　新华社北京2月3日电　（记者梅世雄）\n农历新年来临之际，中共中央政治局委员、\n中央军委副主席许其亮来到武警海警总队机\n关看望慰问官兵，代表军委其他领导，向部\n队官兵致以新春祝福。他强调，要深入学习\n贯彻新时代中国特色社会主义思想，增强四\n个意识、坚定四个自信、做到两个维护，切\n实肩负起党和人民赋予的神圣使命\n。\n";

#[test]
fn headline_lines_wider_than_the_column_are_not_wrapped_prose() {
    let p = run(WRAPPED);
    assert_eq!(p.articles.len(), 1);
    let a = &p.articles[0];
    let heads = head_group(a);
    assert_eq!(heads, ["许其亮在武警海警总队机关看望慰问官兵强调指出", "肩负起党和人民赋予的神圣使命"]);
    assert_eq!(p.articles[0].bylines[0].name.as_deref(), Some("梅世雄"));
}

#[test]
fn a_closing_mark_alone_on_a_wrapped_line_is_not_noise() {
    let p = run(WRAPPED);
    let paras = all_paragraphs(&p);
    assert!(paras.last().unwrap().ends_with("神圣使命。"), "{paras:?}");
}

#[test]
fn unpunctuated_cjk_stack_is_headline_lines_not_a_paragraph() {
    let page = "县城新开通三条公交线路\n覆盖城区十二个社区\n\n　　8月3日，县交通运输局宣布，新开通\n的三条公交线路正式投入运营，覆盖城区\n东部和南部的十二个社区，居民出行更加\n方便。据介绍，三条线路共设站点四十五\n个，早晚高峰发车间隔不超过十分钟。\n";
    let p = run(page);
    assert_eq!(p.articles[0].headline.as_deref(), Some("县城新开通三条公交线路"));
    assert_eq!(p.articles[0].deck.as_deref(), Some("覆盖城区十二个社区"));
}

#[test]
fn a_credit_closes_its_story_so_the_next_text_is_not_pulled_in() {
    let page = "## 西瓜新鲜上市\n\n通讯员 高军\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n\n（青浦文明网）\n\n暑假来临，图书馆吸引了不少学生前来阅读，开启文化消暑模式。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
    assert_eq!(p.articles[0].credit.as_deref(), Some("（青浦文明网）"));
}

#[test]
fn a_graphics_credit_line_belongs_to_the_story_above_and_the_desk_credit_does_not() {
    let page = "## 春节旅游市场火热\n\n本报记者 王珂\n\n春节假期，各地旅游市场持续升温，游客人数同比增长。\n\n本版制图：蔡华伟\n\n本版责编：李  昕\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].credit.as_deref(), Some("本版制图：蔡华伟"));
    let roles: Vec<_> = p.lines.iter().map(|l| format!("{:?}", l.role)).collect();
    assert_eq!(roles.last().map(String::as_str), Some("Furniture"), "{roles:?}");
    // An essay's illustrator and writer, set like a heading, close it too rather than heading a story.
    let page = "## 春联的魅力\n\n小时候，每年正月十五前，爸爸领着我们看谁家的春联写得好。\n\n曹  一图  杨立新文\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].credit.as_deref(), Some("曹一图杨立新文"));
}

#[test]
fn a_short_line_cut_inside_a_word_is_prose_not_a_subhead() {
    // "签了合" looks like a heading on its own line; the word 合同 runs on into the block below.
    let page = "## 保洁员的新年\n\n本报记者 王珂\n\n刘福有今年五十岁，在城里做保洁已经三年。\n\n刘福有跟保洁公司签了合\n\n同，月工资一千多元，夫妻俩的日子渐渐好了起来。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let paras = all_paragraphs(&p);
    assert!(paras.iter().any(|t| t.contains("签了合同，月工资")), "{paras:?}");
}

#[test]
fn a_two_line_headline_with_a_comma_is_not_a_wrapped_paragraph() {
    // The kicker fills the 20-character column; the title under it balances two halves on a comma.
    let page = "教育部发布2018年全国教育事业发展基本情况\n这张成绩单，有看点\n\n　　本报北京2月26日电　记者今天从教\n育部获悉，2018年全国各级各类学历\n教育在校生达2.76亿人，比上年增加\n了四百多万人，教育普及水平继续提高。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let a = &p.articles[0];
    // The long line over a short one is the kicker (引题) over the title.
    assert_eq!(a.kicker.as_deref(), Some("教育部发布2018年全国教育事业发展基本情况"), "{a:#?}");
    assert_eq!(a.headline.as_deref(), Some("这张成绩单，有看点"));
}

#[test]
fn text_resuming_with_a_bare_de_continues_a_cut_sentence_but_de_que_starts_one() {
    let page = "## 纪录片走向世界\n\n本报记者 王珂\n\n随着中国的和平崛起，世界各国的观众，更加渴望了解一个真实\n\n## 乡村公路通到家门口\n\n本报记者 李明\n\n今年春节，村里的公路修好了，村民出行更加方便。\n\n的中国。近年来，中国主题的纪录片越来越多。\n";
    let p = run(page);
    let paras = all_paragraphs(&p);
    assert!(paras.iter().any(|t| t.contains("一个真实的中国。")), "{paras:?}");
    let page = "## 博物馆里过大年\n\n本报记者 王珂\n\n活动开始前，科学博物馆集团总裁兼\n\n## 乡村公路通到家门口\n\n本报记者 李明\n\n今年春节，村里的公路修好了，村民出行更加方便。\n\n的确，只有走出国门，才知道这份安宁的可贵。\n";
    let p = run(page);
    let paras = all_paragraphs(&p);
    assert!(!paras.iter().any(|t| t.contains("总裁兼的确")), "{paras:?}");
}

#[test]
fn a_deck_over_a_dispatch_is_not_prose_running_into_it() {
    // "保护工作" over "新华社…": the string 作新 across the join recurs on the page (工作新局面),
    // but a dispatch opens a story, so nothing above it runs on into it.
    let page = "韩正在生物多样性保护委员会会议上强调\n切实增强责任感进一步做好生物多样性保护工作\n\n新华社北京2月13日电  国务院副总理韩正13日主持召开会议，要求开创保护工作新局面。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].deck.as_deref(), Some("切实增强责任感进一步做好生物多样性保护工作"), "{:#?}", p.articles[0]);
}

#[test]
fn a_long_kicker_tight_over_a_tagged_title_is_the_titles() {
    let page = "## 春节市场观察\n\n各地年货市场供应充足，价格总体平稳。\n\n去年消费增速有所放缓，但消费规模稳步扩大，消费结构不断升级\n消费“引擎”动力足（消费视窗）\n\n刚刚过去的春节黄金周，全国零售和餐饮企业销售额首破万亿元。\n";
    let p = run(page);
    let a = headed(&p, "消费“引擎”动力足（消费视窗）");
    assert_eq!(a.kicker.as_deref(), Some("去年消费增速有所放缓，但消费规模稳步扩大，消费结构不断升级"), "{a:#?}");
    // The same in a page set in 18-character columns, where the two lines could be read as one
    // wrapped paragraph.
    let page = "各地年货市场供应充足，价格总体平稳，\n市民采购热情高涨。\n\n去年消费增速放缓，但消费规模扩大，结构升级\n消费“引擎”动力足（消费视窗）\n\n　　刚刚过去的春节黄金周，全国零售和\n餐饮企业销售额首破万亿元，从城市到\n村镇，人们消费热情高涨。\n";
    let p = run(page);
    let a = headed(&p, "消费“引擎”动力足（消费视窗）");
    assert_eq!(a.kicker.as_deref(), Some("去年消费增速放缓，但消费规模扩大，结构升级"), "{a:#?}");
}

#[test]
fn a_section_numbered_with_a_bare_numeral_stays_in_its_story() {
    // An essay in numbered parts whose second part shares hardly a word with the first.
    let page = "## 贺州四章\n\n本报记者 王珂\n\n风雅贺州，在时代的意蕴里，成就了另一个桃源。\n\n二\n\n不必谈及所有的来龙去脉，那些甜甜的水，那些搅动味觉的美食，足以让人流连。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(section_heads(&p.articles[0]), ["二"]);
}

#[test]
fn title_case_headline_with_ticker_symbols_is_a_headline() {
    let page = "Leucadia <luk> Has 7.2 Pct of Minstar <mnst>\n\n  WASHINGTON, March 2 - Leucadia National Corp\nsaid two of its subsidiaries have acquired a\n7.2 pct stake in Minstar Inc.\n";
    let p = run(page);
    assert_eq!(p.articles[0].headline.as_deref(), Some("Leucadia <luk> Has 7.2 Pct of Minstar <mnst>"));
    assert_eq!(p.articles[0].dateline.as_deref(), Some("WASHINGTON, March 2 -"));
}

#[test]
fn byline_under_noisy_decks_stays_with_its_headline() {
    let page = "W. H. DONALD !\nRESCUED\nEarlier Report to\nBluff Enemy? !\nOUR WAR CORRESPONDENT,\nJACK PERCIVAL\nMANILA, Feb. 25.-Among the prisoners rescued at Los Banos was\nW. H. Donald, an Australian who was confidential adviser to the\nGeneralissimo and was held by the Japanese for three years.\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert!(p.articles[0].bylines.iter().any(|b| b.name.as_deref() == Some("JACK PERCIVAL")));
}

#[test]
fn a_paragraph_ending_in_mr_is_cut_not_finished() {
    let lang = newsseg::lang::Lang::get(newsseg::lang::LangCode::En);
    assert!(!lang.ends_sentence("the statement was read by Mr."));
}

#[test]
fn a_tagged_title_with_a_short_first_clause_is_a_headline_not_prose() {
    // 春运，… splits at a comma two characters in, which reads as prose cut at a column's edge; the
    // column name closing the line says it is a title. Read as prose it was joined onto the cut
    // sentence above it.
    let page = "上一篇评论说到，走好回家\n\n春运，一场共享发展的旅程（评论员观察）\n\n不断提速的车轮，让赶路的身影更加从容，让发展的阳光照进每一个角落。\n\n这几天，春运拉开了大幕，数以亿计的人踏上旅程。\n";
    let p = run(page);
    let heads = headlines(&p);
    assert!(heads.contains(&Some("春运，一场共享发展的旅程（评论员观察）")), "{heads:?}");
}

#[test]
fn a_wire_story_opened_by_ju_xinhuashe_starts_an_article_of_its_own() {
    // "据新华社…电" (a shortened wire story) is a dispatch like "新华社…电": without a headline
    // above it, it still opens a story rather than running on in the one above.
    let page = "## 两国外长举行会谈\n\n中方愿同各方一道，推动两国关系持续向前发展。\n\n双方还就共同关心的国际和地区问题交换了意见。\n\n据新华社蒲甘2月20日电　（记者庄北宁）文化部长昂哥在澜湄合作文艺活动上表示，两国民间交流日益密切。\n\n昂哥说，演出精彩纷呈，受到当地观众欢迎。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 2, "{:?}", p.articles.iter().map(|a| &a.text).collect::<Vec<_>>());
    let wire = &p.articles[1];
    assert!(wire.text.starts_with("据新华社蒲甘2月20日电"), "{}", wire.text);
    assert_eq!(wire.bylines.first().and_then(|b| b.name.as_deref()), Some("庄北宁"));
}

#[test]
fn a_photographers_credit_is_the_caption_of_the_story_above_not_the_next_ones_byline() {
    // "新华社记者 白雪骐摄" parses as a byline (role and a name 白雪骐摄) but credits the photo of
    // the story above; it came out as the next story's byline, with 摄 in the name.
    let page = "## 图片报道\n\n第五届莫斯科武术明星大赛日前在俄罗斯首都莫斯科举行。图为选手在比赛中。\n\n新华社记者 白雪骐摄\n\n织物展销会开幕当天，数百家企业参展，吸引了大批采购商。\n";
    let p = run(page);
    let photo = &p.articles[0];
    assert_eq!(photo.headline.as_deref(), Some("图片报道"));
    assert!(photo.captions.iter().any(|c| c.text == "新华社记者白雪骐摄" || c.text == "新华社记者 白雪骐摄"), "{:?}", photo.captions);
    assert!(p.articles.iter().all(|a| a.bylines.is_empty()), "{:?}", p.articles.iter().map(|a| &a.bylines).collect::<Vec<_>>());
}

#[test]
fn a_dispatch_under_its_headline_stays_there_when_another_dispatch_from_the_desk_reads_alike() {
    // Both dispatches are from the same desk, place and reporter; the second, right under its
    // own headline, was pulled into the first story by its wording.
    let page = "## 王毅会见印度外长斯瓦拉杰\n\n新华社杭州2月27日电　（记者温馨、吴帅帅）国务委员兼外长王毅27日在杭州会见来华出席中俄印外长会晤的印度外长斯瓦拉杰。\n\n王毅说，去年习近平主席和莫迪总理在武汉成功举行非正式会晤，中印关系保持良好发展势头。\n\n斯瓦拉杰表示，双方应共同努力，维护边境地区的和平与安宁。\n\n## 图片报道\n\n第五届莫斯科武术明星大赛日前在俄罗斯莫斯科武术宫举行。图为俄罗斯儿童在表演武术。\n\n新华社记者 白雪骐摄\n\n织路线，不断强化各级各类党组织的政治属性和政治功能，把党的政治建设摆在首位，形成党的组织体系。\n\n中俄印举行三方外长会晤\n\n新华社杭州2月27日电　（记者温馨、翁忻旸）国务委员兼外长王毅27日在杭州同来华出席中俄印外长会晤的印度外长斯瓦拉杰、俄罗斯外长拉夫罗夫举行会晤，双方应共同努力。\n\n王毅表示，当前世界处于百年未有之大变局，中俄印应加强沟通协调。\n\n会晤结束后三国发表了联合公报。\n";
    let p = run(page);
    let trio = headed(&p, "中俄印举行三方外长会晤");
    assert!(trio.text.contains("（记者温馨、翁忻旸）"), "{}", trio.text);
    assert!(trio.bylines.iter().any(|b| b.name.as_deref() == Some("翁忻旸")), "{:?}", trio.bylines);
}

#[test]
fn a_picture_story_label_heads_a_story_of_its_own() {
    // 图片报道 heads a picture story (a paragraph or two and the photo's credit). Set under a story
    // about the same festival, it was weighed as a subhead of that story.
    let page = "## 春节假期旅游市场火热\n\n春节假期，各地旅游市场持续升温，游客出游热情高涨，景区接待人数创新高。\n\n各地景区推出丰富多彩的春节活动，吸引大批游客前来游玩。\n\n图片报道\n\n春节假期，游客在景区观看舞龙表演，感受浓浓的节日气氛。\n\n许多游客表示，今年春节假期的旅游体验更加丰富。\n";
    let p = run(page);
    let heads = headlines(&p);
    assert!(heads.contains(&Some("图片报道")), "{heads:?}");
}

#[test]
fn a_further_reading_label_heads_a_section_of_the_story_above() {
    // 延伸阅读 ("further reading") opens a side section of its story, whose text may share few
    // words with the story; it was split off as a story of its own under that headline.
    let page = "## 春节假期旅游市场火热\n\n春节假期，各地旅游市场持续升温，游客出游热情高涨，景区接待人数创新高。\n\n各地景区推出丰富多彩的春节活动，吸引大批游客前来游玩。\n\n延伸阅读\n\n据统计，去年全国国内旅游人数达五十五亿人次，比上年增长百分之十点八。\n\n入境旅游人数一亿四千万人次，国际旅游收入一千二百多亿美元。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:?}", p.articles.iter().map(|a| &a.headline).collect::<Vec<_>>());
    assert!(p.articles[0].sections.iter().any(|s| s.heading.as_deref() == Some("延伸阅读")));
}

#[test]
fn a_clause_cut_at_a_column_foot_and_resumed_after_another_story_is_prose_not_a_subhead() {
    // 还没进门，只见4只红 stands alone at a column's foot and goes on (红|灯笼) after the next story.
    // Taken for a subhead, it made the next story's headline a subhead of the first story too.
    let page = "## 小区改造让居民生活更方便\n\n本报记者 王明\n\n今年以来，城南街道对辖区内的老旧小区进行了全面改造，加装电梯、修缮屋顶、铺设管网，居民们纷纷点赞。\n\n改造前，街道工作人员挨家挨户征求意见，把居民最关心的问题列成清单，逐项落实。\n\n还没进门，只见4只红\n\n## 春节假期旅游市场火热\n\n春节假期，各地旅游市场持续升温，游客出游热情高涨，景区接待人数创新高。\n\n各地景区推出丰富多彩的春节活动，吸引大批游客前来游玩。\n\n灯笼高高挂在小区门口，新装的电梯正在运行，居民们有说有笑。\n";
    let p = run(page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("小区改造让居民生活更方便"), Some("春节假期旅游市场火热")]);
    assert!(p.articles.iter().all(|a| a.sections.iter().all(|s| s.heading.is_none())), "no subheads");
    assert!(p.articles[0].text.contains("还没进门，只见4只红灯笼高高挂在小区门口"), "{}", p.articles[0].text);
}

#[test]
fn a_story_whose_text_shares_no_words_with_its_headline_keeps_its_text() {
    // Under the headline stands only a standing label (核心阅读), then the story's text, which uses
    // none of the headline's words. The topic split took all the text away as a story without a
    // headline, and left the headline over nothing but the label.
    let page = "## 只要案情需要，什么知识都得学\n\n核心阅读\n\n监察体制改革后，内设机构调整，执纪与执法贯通，一支平均年龄不到三十岁的办案队伍挑起了重担。\n\n一串铃声从老旧手机上传来，成为突破口。办案人员立即核查，很快有了结果，号码的主人与当事人联系频繁。\n\n面对一直不肯开口的当事人，办案人员一筹莫展。后来，他们调整思路，从生活细节入手，终于找到了关键证据。\n\n这支队伍成员来自不同部门，起初在工作理念和方式上有过摩擦，如今已经配合默契，成了攻坚克难的尖兵。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:?}", p.articles.iter().map(|a| &a.headline).collect::<Vec<_>>());
    assert_eq!(all_paragraphs(&p).len(), 4);
}

#[test]
fn a_headline_ending_in_a_place_name_is_a_headline() {
    // 都 alone cannot end a heading (他们都…), so 泛舟锦江游成都 was taken for prose cut at a column's
    // foot; 成都 is a noun that ends it whole.
    let page = "泛舟锦江游成都\n\n春节期间，成都锦江上的游船格外热闹，不少市民和游客乘船夜游，欣赏两岸灯火。\n\n游船从九眼桥码头出发，沿途经过多座古桥，船上还有川剧变脸表演。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1);
    assert_eq!(p.articles[0].headline.as_deref(), Some("泛舟锦江游成都"));
}

#[test]
fn a_headline_over_a_dispatch_stays_a_headline_whatever_it_makes_with_text_elsewhere() {
    // 河湖连通，这里四季能赏景 is made of clauses, and its last character makes a word (景区) with the
    // start of a paragraph further down; but a dispatch stands right under it, so it heads that
    // story. It was taken for prose cut at a column's foot, and the story lost its headline.
    let page = "河湖连通，这里四季能赏景\n\n本报长春2月13日电（记者王明）春节过后，记者来到吉林西部的一处湿地，湖面开阔，鱼虾成群。\n\n水好鱼多，是因为湖面大了。村民们说，过去这里十年九旱。\n\n## 冰雪节开幕\n\n本报哈尔滨2月13日电（记者李华）冰雪节昨日开幕，各地游客纷至沓来。\n\n区内游人如织，五彩的冰灯吸引了不少游客，大家纷纷拍照留念。\n";
    let p = run(page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("河湖连通，这里四季能赏景"), Some("冰雪节开幕")]);
}

#[test]
fn text_set_above_its_own_headline_ends_the_story_rather_than_opening_it() {
    // The story's last column was read before its headline: the piece above the headline is where
    // the cut sentence at the story's foot goes on.
    let page = "COUNCIL MEETING.\n\nThe council met on Monday evening and passed the estimates for the coming year. The mayor presided over a full attendance of aldermen.\n\nisland, reports that the Albion picked up by wireless the news that the explorer had been found by a British yacht.\n\nAMUNDSEN.\nSTILL MISSING.\nLONDON, July 1.\nThe correspondent of the press at Tromsoe telegraphed to London to-day that the explorer Amundsen had been rescued near the coast of Spitzbergen by the yacht Albion.\nSince the receipt of that message, however, the Albion, which is north of the\n";
    let p = run(page);
    let a = headed(&p, "AMUNDSEN.");
    let paras: Vec<&str> = a.sections.iter().flat_map(|s| s.paragraphs.iter().map(|x| x.text.as_str())).collect();
    assert!(paras[0].starts_with("LONDON"), "{paras:?}");
    assert!(paras.last().unwrap().contains("north of the island, reports that"), "{paras:?}");
}

#[test]
fn a_cut_line_without_a_comma_over_a_headline_is_prose_when_a_paragraph_opens_inside_its_last_word() {
    // 为落实和推进习近平主席访问阿联酋成 ends a column over the next story's headline and goes on
    // (成|果，) after that story: taken for a kicker, it gave that story a wrong headline block.
    let page = "## 海外华侨华人热议春节团拜会讲话\n\n本报记者 王明\n\n海外华侨华人纷纷表示，讲话令人倍感温暖，对祖国发展充满信心。\n\n为落实和推进习近平主席访问阿联酋成\n\n国际组织负责人和多国政要通过各种方式——\n向中国人民致以新春祝福\n\n本报北京2月4日电  综合本报驻外记者报道：联合国秘书长古特雷斯2月4日发表新春贺词，向中国人民致以节日问候。\n\n多国政要通过视频等方式表达新春祝福。\n\n果，驻迪拜的华侨华人企业纷纷表示，讲话令人倍感温暖，对祖国发展充满信心。\n";
    let p = run(page);
    let a = headed(&p, "向中国人民致以新春祝福");
    assert_eq!(a.kicker.as_deref(), Some("国际组织负责人和多国政要通过各种方式——"), "{a:#?}");
    assert!(p.articles[0].text.contains("访问阿联酋成果，驻迪拜"), "{}", p.articles[0].text);
}

#[test]
fn an_authors_note_with_a_bracketed_place_in_it_is_a_credit() {
    let page = "## 不负军人职责，不负家人期盼\n\n春节来临，思亲甚切。身在非洲，我时常想起家中的亲人。\n\n（作者为中国第五批赴南苏丹（朱巴）维和步兵营连长）\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].credit.as_deref(), Some("（作者为中国第五批赴南苏丹（朱巴）维和步兵营连长）"));
}

#[test]
fn a_headline_set_apart_on_top_of_another_storys_headline_goes_to_its_own_headless_story() {
    // The Heritage headline landed over the Finnish story's headline, a blank line apart; read as
    // one group, it became that story's headline and left its own story headless.
    let page = "Belgium Revises Down 1987 Gnp Growth Forecasts\n\nBRUSSELS, March 16 - The Belgian government revised down its forecast for growth in gross national product this year, the finance ministry said. Exports to Germany fell sharply in the last quarter.\n\nDES MOINES, Iowa, March 30 - Heritage Communications Inc said it expects to hold a special meeting of shareholders in May to vote on the proposed merger. Heritage Communications shareholders will receive cash for each share.\n\nHeritage Communications <hci> in Special Meeting\n\nConservative Gains May Speed Finnish Market Reform\n\nHELSINKI, March 17 - Gains by the conservative party in the Finnish general election may speed reform of the financial market, bankers said. The conservatives favour freer capital movements and a market reform.\n";
    let p = run(page);
    assert_eq!(article_with(&p, "DES MOINES").headline.as_deref(), Some("Heritage Communications <hci> in Special Meeting"));
    let finnish = article_with(&p, "HELSINKI");
    assert_eq!(finnish.headline.as_deref(), Some("Conservative Gains May Speed Finnish Market Reform"));
    assert_eq!((finnish.kicker.as_deref(), finnish.deck.as_deref()), (None, None));
}

#[test]
fn a_wire_sign_off_alone_on_its_line_closes_the_story_and_heads_nothing() {
    // "  REUTER" set apart at a story's foot was taken for a headline, over the next story's.
    let page = "ABM GOLD FILES FOR INITIAL OFFERING\n\nVANCOUVER, March 17 - ABM Gold Corp said it filed for an initial public offering of four million shares.\n\n  REUTER\n\nNYSE RULE COULD AFFECT TRADING IN LONDON\n\nLONDON, March 9 - An existing New York Stock Exchange rule might affect trading in London, dealers said.\n";
    let p = run(page);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("ABM GOLD FILES FOR INITIAL OFFERING"), Some("NYSE RULE COULD AFFECT TRADING IN LONDON")]);
    assert_eq!(p.articles[0].credit.as_deref(), Some("REUTER"));
}

#[test]
fn a_capitals_headline_with_a_dash_is_a_headline_not_a_dateline() {
    let page = "ECONOMIC SPOTLIGHT - SAUDI CORPORATE DEBT\n\nBy Stephen Jukes, Reuters\n\nRIYADH, March 17 - Bankers in Saudi Arabia are negotiating a delicate balance between western business practice and oriental justice.\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    assert_eq!(p.articles[0].headline.as_deref(), Some("ECONOMIC SPOTLIGHT - SAUDI CORPORATE DEBT"));
    assert_eq!(p.articles[0].dateline.as_deref(), Some("RIYADH, March 17 -"));
}

#[test]
fn a_headline_set_apart_under_another_storys_headline_goes_to_its_own_headless_story() {
    let page = "LEIDSCHENDAM, Netherlands, March 17 - Billiton International said it is seeking a change in Surinam policies on bauxite mining. Billiton has mined bauxite in Surinam for decades.\n\nTEXAS COMMERCE <TCB> SEES IMPROVEMENT IN 1987\n\nBilliton Seeks Change in Surinam Policies\n\nHOUSTON, March 18 - Texas Commerce Bancshares Inc said it expects earnings to improve in 1987 as loan losses decline. Texas Commerce reported a loss last year.\n";
    let p = run(page);
    assert_eq!(article_with(&p, "LEIDSCHENDAM").headline.as_deref(), Some("Billiton Seeks Change in Surinam Policies"));
    let texas = article_with(&p, "HOUSTON");
    assert_eq!(texas.headline.as_deref(), Some("TEXAS COMMERCE <TCB> SEES IMPROVEMENT IN 1987"));
    assert_eq!(texas.deck, None);
}

#[test]
fn each_of_two_headlines_spaced_apart_at_the_page_foot_finds_its_own_story() {
    // The lower of the two was a subhead of nothing: no text followed it.
    let page = "WASHINGTON, March 18 - The American Bankers Association said bank profits fell last year as loan losses at farm banks rose.\n\nNew York, Feb 26 - American Express Co remained silent on market rumors that it would spin off its Shearson Lehman brokerage unit.\n\nBANKING TRADE GROUP SAYS BANK PROFITS DOWN\n\nAMERICAN EXPRESS <AXP> SEEN IN POSSIBLE SPINNOFF\n";
    let p = run(page);
    assert_eq!(article_with(&p, "WASHINGTON").headline.as_deref(), Some("BANKING TRADE GROUP SAYS BANK PROFITS DOWN"));
    assert_eq!(article_with(&p, "New York").headline.as_deref(), Some("AMERICAN EXPRESS <AXP> SEEN IN POSSIBLE SPINNOFF"));
}

#[test]
fn a_bracketed_date_under_a_title_is_a_line_of_the_headline_not_a_credit() {
    // As a credit it closed the story under its own title, and the text went to the story above.
    let page = "## 春节假期旅游市场火热\n\n春节假期，各地旅游市场持续升温，游客出游热情高涨。\n\n中共中央关于加强党的政治建设的意见\n## （2019年1月31日）\n\n为深入贯彻落实党的十九大精神，切实加强党的政治建设，现提出如下意见。\n";
    let p = run(page);
    let a = headed(&p, "中共中央关于加强党的政治建设的意见");
    assert_eq!(a.deck.as_deref(), Some("（2019年1月31日）"));
    assert!(a.text.contains("为深入贯彻落实"), "{}", a.text);
    assert_eq!(a.credit, None);
}

#[test]
fn a_headline_group_set_under_another_group_heads_the_text_below_it() {
    // A headline group whose story stood elsewhere landed over another story's group; the lower
    // group was read as two subheads of the upper one, which took its text.
    let page = "## 春节假期旅游市场火热\n\n春节假期，各地旅游市场持续升温，游客出游热情高涨，景区接待人数创新高。\n\n文化进万家\n翰墨飘香 年味渐浓\n\n县城新开通三条公交线路\n覆盖城区十二个社区\n\n8月3日，县交通运输局宣布，新开通的三条公交线路正式投入运营，覆盖城区东部和南部的十二个社区，居民出行更加方便。\n";
    let p = run(page);
    let bus = article_with(&p, "8月3日");
    assert_eq!((bus.headline.as_deref(), bus.deck.as_deref()), (Some("县城新开通三条公交线路"), Some("覆盖城区十二个社区")));
    assert!(bus.sections.iter().all(|s| s.heading.is_none()), "{:#?}", bus.sections);
}

#[test]
fn a_digit_misread_in_a_bylines_name_is_read_as_the_letter() {
    let page = "GERMAN BANKS OUTLOOK CLOUDIER AFTER RECORD 1986\n\nBy Al1an Saunderson, Reuters\n\nFRANKFURT, March 2 - West German banks face a cloudier outlook this year after record profits in 1986.\n";
    let p = run(page);
    let names: Vec<Option<&str>> = p.articles[0].bylines.iter().map(|b| b.name.as_deref()).collect();
    assert_eq!(names, [Some("Allan Saunderson")]);
}

/// A feature under one headline in sections named in parallel (灯会添喜气 / 冰雪有乐趣 / 车站暖人心):
/// each section is on its own side of the topic, and was split off as a story of its own.
const PARALLEL_SECTIONS: &str = "## 城市公交开通夜间线路\n\n本报讯　市交通部门近日开通三条夜间公交线路，覆盖主要商圈和医院，方便市民夜间出行。\n\n新线路每半小时一班，票价与日间线路相同，乘客可使用交通卡和手机扫码乘车。\n\n（本报记者　李　明）\n\n## 春回大地 万象更新\n\n锣鼓声声，笑语盈盈。新春佳节，城乡各地处处洋溢着喜庆祥和的气氛。\n\n## 灯会添喜气\n\n正月初三，古城南门外的灯会游人如织。彩灯沿护城河排开，龙灯、鱼灯、莲花灯竞相争艳。\n\n扎灯艺人老陈说，今年的彩灯用上了节能灯珠，颜色更鲜亮，耗电却少了一半。\n\n## 冰雪有乐趣\n\n北山滑雪场里，孩子们在教练指导下练习滑行，雪道上不时传来欢快的尖叫声。\n\n雪场负责人介绍，春节期间每天接待滑雪爱好者三千多人次，初级雪道格外热闹。\n\n## 车站暖人心\n\n凌晨四点，火车站候车大厅灯火通明。志愿者为抱着婴儿的旅客送上热水和毛毯。\n\n客运值班员小刘已经连续五年在岗位上过年，她说，看到旅客平安回家就是最大的幸福。\n";

#[test]
fn sections_under_parallel_subheads_stay_in_their_feature() {
    let p = run(PARALLEL_SECTIONS);
    let a = article_with(&p, "古城南门外的灯会");
    assert_eq!(a.headline.as_deref(), Some("春回大地 万象更新"));
    let heads = section_heads(a);
    assert_eq!(heads, ["灯会添喜气", "冰雪有乐趣", "车站暖人心"]);
    for text in ["北山滑雪场", "客运值班员小刘"] {
        assert!(a.text.contains(text), "{text} went elsewhere: {:#?}", p.articles);
    }
    assert_eq!(p.articles.len(), 2);
}

/// Reports of a series under one rubric, each titled in parallel halves over its own byline: the
/// paper publishes them as one article, but each came out a story of its own, the rubric a kicker.
const SERIES: &str = "## 春节假期交通平稳有序\n\n本报北京2月10日电　记者从交通运输部获悉，春节假期全国道路运输总体平稳，重点路段未出现长时间拥堵。\n\n## 新春走基层 万家团圆时\n\n## 渔村灯火 年味正浓\n\n本报记者　林　海\n\n腊月二十九，海边的渔村挂满了红灯笼。渔民老郑把船停进港湾，和家人一起包饺子、贴春联。\n\n“今年打鱼收成好，过年心里踏实。”老郑笑着说，村里新修的码头让出海更安全了。\n\n## 山乡芦笙 唱响新春\n\n本报记者　周　岚\n\n大年初一清晨，山坳里的苗寨响起芦笙。寨子里的老人们围坐火塘，给远道回来的年轻人讲古歌。\n\n驻村干部说，去年寨子通了硬化路，开起了民宿，不少外出务工的青年回乡创业。\n\n## 哨所春联 温暖边关\n\n本报记者　吴　涛\n\n边防哨所海拔四千多米，官兵们在雪地里贴上春联，用卫星电话给家人拜年。\n\n指导员说，今年哨所装上了供暖设备，战士们过了一个温暖的新年。\n";

#[test]
fn reports_of_a_series_are_one_article_under_the_rubric() {
    let p = run(SERIES);
    assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
    let a = article_with(&p, "渔民老郑");
    assert_eq!(a.headline.as_deref(), Some("新春走基层 万家团圆时"));
    let heads = section_heads(a);
    // Each report's title, then the byline printed under it: who wrote which report shows.
    assert_eq!(heads, ["渔村灯火 年味正浓", "本报记者 林 海", "山乡芦笙 唱响新春", "本报记者 周 岚", "哨所春联 温暖边关", "本报记者 吴 涛"]);
    let names: Vec<&str> = a.bylines.iter().filter_map(|b| b.name.as_deref()).collect();
    assert_eq!(names, ["林海", "周岚", "吴涛"]);
    for text in ["苗寨响起芦笙", "供暖设备"] {
        assert!(a.text.contains(text), "{text}");
    }
}

/// Two stories, each with a byline, titled in matched phrases of six characters: a common headline
/// form, not a series.
const MATCHED_TITLES: &str = "## 志愿服务暖心 春运旅途安心\n\n本报记者　林　海\n\n春运首日，火车站广场上的志愿者为旅客指路、搬行李，帮助老人和孩子进站。\n\n车站负责人说，今年增开了夜间临客，候车室也增设了母婴室和充电设施。\n\n## 书屋延时开放 假期阅读升温\n\n本报记者　周　岚\n\n寒假期间，县里的乡村书屋延长开放时间，不少孩子在这里读书、写作业。\n\n图书管理员介绍，书屋新添了两千多册少儿读物，还开设了周末故事会。\n";

#[test]
fn two_stories_titled_in_long_matched_phrases_are_not_a_series() {
    let p = run(MATCHED_TITLES);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("志愿服务暖心 春运旅途安心"), Some("书屋延时开放 假期阅读升温")]);
}

/// A kicker too long and too punctuated to read as a heading by itself, set apart above and tight
/// over its title: it was a story of its own, one paragraph without a headline.
const LONG_KICKER: &str = "2019年3月1日　星期五　　第12版\n\n春节档电影票房突破五十亿元，观影人次再创新高，国产影片占比超过八成\n科幻片，如何拍出中国味道\n\n今年春节档，一部国产科幻片成为观众热议的话题。影院排片一再增加，不少城市出现一票难求的景象。\n\n业内人士认为，扎实的剧本和工业化的制作流程，是这部影片赢得口碑的关键。\n\n## 城市书房夜读人多了\n\n本报记者　林　海\n\n入夜，街角的城市书房依然灯火通明。下班后的年轻人在这里借书、自习，书房每天开放到晚上十点。\n";

#[test]
fn a_line_set_apart_and_tight_over_a_title_is_its_kicker() {
    let p = run(LONG_KICKER);
    assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
    let a = article_with(&p, "一票难求");
    assert_eq!(a.kicker.as_deref(), Some("春节档电影票房突破五十亿元，观影人次再创新高，国产影片占比超过八成"));
    assert_eq!(a.headline.as_deref(), Some("科幻片，如何拍出中国味道"));
}

/// The same series read in another order: the rubric sits over the second report's title.
const SERIES_RUBRIC_SECOND: &str = "## 春节假期交通平稳有序\n\n本报北京2月10日电　记者从交通运输部获悉，春节假期全国道路运输总体平稳，重点路段未出现长时间拥堵。\n\n## 渔村灯火 年味正浓\n\n本报记者　林　海\n\n腊月二十九，海边的渔村挂满了红灯笼。渔民老郑把船停进港湾，和家人一起包饺子、贴春联。\n\n“今年打鱼收成好，过年心里踏实。”老郑笑着说，村里新修的码头让出海更安全了。\n\n## 新春走基层 万家团圆时\n## 山乡芦笙 唱响新春\n\n本报记者　周　岚\n\n大年初一清晨，山坳里的苗寨响起芦笙。寨子里的老人们围坐火塘，给远道回来的年轻人讲古歌。\n\n驻村干部说，去年寨子通了硬化路，开起了民宿，不少外出务工的青年回乡创业。\n\n## 哨所春联 温暖边关\n\n本报记者　吴　涛\n\n边防哨所海拔四千多米，官兵们在雪地里贴上春联，用卫星电话给家人拜年。\n\n指导员说，今年哨所装上了供暖设备，战士们过了一个温暖的新年。\n";

#[test]
fn the_report_under_the_rubric_heads_its_series_wherever_it_was_read() {
    let p = run(SERIES_RUBRIC_SECOND);
    let a = article_with(&p, "渔民老郑");
    assert_eq!(a.headline.as_deref(), Some("新春走基层 万家团圆时"));
    let heads = section_heads(a);
    assert_eq!(heads, ["山乡芦笙 唱响新春", "本报记者 周 岚", "渔村灯火 年味正浓", "本报记者 林 海", "哨所春联 温暖边关", "本报记者 吴 涛"]);
}

/// A series of two reports, the rubric over the first one's title.
const SERIES_OF_TWO: &str = "## 春节假期交通平稳有序\n\n本报北京2月10日电　记者从交通运输部获悉，春节假期全国道路运输总体平稳，重点路段未出现长时间拥堵。\n\n## 新春走基层 万家团圆时\n\n## 渔村灯火 年味正浓\n\n本报记者　林　海\n\n腊月二十九，海边的渔村挂满了红灯笼。渔民老郑把船停进港湾，和家人一起包饺子、贴春联。\n\n“今年打鱼收成好，过年心里踏实。”老郑笑着说，村里新修的码头让出海更安全了。\n\n## 山乡芦笙 唱响新春\n\n本报记者　周　岚\n\n大年初一清晨，山坳里的苗寨响起芦笙。寨子里的老人们围坐火塘，给远道回来的年轻人讲古歌。\n\n驻村干部说，去年寨子通了硬化路，开起了民宿，不少外出务工的青年回乡创业。\n";

#[test]
fn in_a_series_of_two_the_rubric_still_heads_it() {
    let p = run(SERIES_OF_TWO);
    let a = article_with(&p, "渔民老郑");
    assert_eq!(a.headline.as_deref(), Some("新春走基层 万家团圆时"));
    let heads = section_heads(a);
    assert_eq!(heads, ["渔村灯火 年味正浓", "本报记者 林 海", "山乡芦笙 唱响新春", "本报记者 周 岚"]);
}

/// Two series on one page, one titled in parallel halves, one in dashed kickers over quoted titles:
/// all four reports were taken into one article.
const TWO_SERIES: &str = "## 春节假期交通平稳有序\n\n本报北京2月10日电　记者从交通运输部获悉，春节假期全国道路运输总体平稳，重点路段未出现长时间拥堵。\n\n## 新春走基层 万家团圆时\n\n## 渔村灯火 年味正浓\n\n本报记者　林　海\n\n腊月二十九，海边的渔村挂满了红灯笼。渔民老郑把船停进港湾，和家人一起包饺子、贴春联。\n\n“今年打鱼收成好，过年心里踏实。”老郑笑着说，村里新修的码头让出海更安全了。\n\n## 山乡芦笙 唱响新春\n\n本报记者　周　岚\n\n大年初一清晨，山坳里的苗寨响起芦笙。寨子里的老人们围坐火塘，给远道回来的年轻人讲古歌。\n\n驻村干部说，去年寨子通了硬化路，开起了民宿，不少外出务工的青年回乡创业。\n\n## 两地车站见闻\n\n## 江苏南京南站——\n## “候车室里有了母婴室”\n\n本报记者　陈　静\n\n南京南站候车大厅新设的母婴室宽敞明亮，不少带孩子出行的旅客在这里稍作休息。\n\n## 四川成都东站——\n## “志愿者帮我找到了站台”\n\n本报记者　刘　洋\n\n成都东站的志愿者戴着红袖标，在进站口为老人和外地旅客指路、提行李。\n";

#[test]
fn two_series_on_a_page_are_two_articles() {
    let p = run(TWO_SERIES);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("春节假期交通平稳有序"), Some("新春走基层 万家团圆时"), Some("两地车站见闻")]);
    let stations = article_with(&p, "南京南站候车大厅");
    assert!(stations.text.contains("成都东站的志愿者") && !stations.text.contains("渔民老郑"));
}

/// The same with a kicker that closes a list with an ellipsis, which ends no sentence.
const ELLIPSIS_KICKER: &str = "2019年3月1日　星期五　　第12版\n\n看电影、逛庙会、赏花灯……\n科幻片，如何拍出中国味道\n\n今年春节档，一部国产科幻片成为观众热议的话题。影院排片一再增加，不少城市出现一票难求的景象。\n\n业内人士认为，扎实的剧本和工业化的制作流程，是这部影片赢得口碑的关键。\n\n## 城市书房夜读人多了\n\n本报记者　林　海\n\n入夜，街角的城市书房依然灯火通明。下班后的年轻人在这里借书、自习，书房每天开放到晚上十点。\n";

#[test]
fn a_line_closing_a_list_with_an_ellipsis_over_a_title_is_in_its_headline_group() {
    let p = run(ELLIPSIS_KICKER);
    assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
    let a = article_with(&p, "一票难求");
    let heads = head_group(a);
    assert_eq!(heads, ["看电影、逛庙会、赏花灯……", "科幻片，如何拍出中国味道"]);
}

/// A photo-source line (图片来源：人民视觉) closing a story was taken for a heading: the next story
/// became two sections of this one.
const PHOTO_SOURCE: &str = "## 油菜花开满山坡\n\n三月的婺源，漫山遍野的油菜花竞相开放，吸引了各地游客前来踏青赏花。\n\n当地村民开起了农家乐，游客可以品尝地道的农家菜，体验采茶制茶。\n\n图片来源：人民视觉\n\n## 茶香里的春天\n\n清晨，茶园里雾气还没散尽，采茶人已经背着竹篓上山了。\n\n新茶上市的时节，镇上的茶叶市场一天比一天热闹。\n";

#[test]
fn a_photo_source_line_closes_the_story_above() {
    let p = run(PHOTO_SOURCE);
    let heads = headlines(&p);
    assert_eq!(heads, [Some("油菜花开满山坡"), Some("茶香里的春天")]);
    assert_eq!(p.articles[0].credit.as_deref(), Some("图片来源：人民视觉"));
}

/// A cartoon's verse (这正是： then lines ending in commas, one set as a heading) was cut into
/// stories headed by its own lines. A salutation under a credit still opens its letter.
const VERSE: &str = "## 图片报道\n\n入冬以来，山区小学为留守儿童开设了周末课堂，志愿者轮流上课。\n\n这正是：\n\n## 山村冬日长，\n\n课堂暖心房。\n\n老师轮流到，\n\n书声满山岗。\n\n## 乡村振兴的新路子\n\n这几年，村里的年轻人陆续回乡创业，开起了网店，卖起了山货。\n\n（作者为某县县长）\n\n亲爱的同学们：\n\n新学期就要开始了，祝大家学业进步，身体健康。\n";

#[test]
fn verse_lines_ending_in_a_comma_or_colon_do_not_head_stories() {
    let p = run(VERSE);
    assert_eq!(headlines(&p), [Some("图片报道"), Some("乡村振兴的新路子"), Some("亲爱的同学们：")]);
    let verse = article_with(&p, "书声满山岗");
    assert_eq!(verse.headline.as_deref(), Some("图片报道"));
    assert!(section_heads(verse).is_empty(), "{:?}", section_heads(verse));
    assert!(verse.text.contains("山村冬日长，") && verse.text.contains("这正是："));
}

/// A photo story (a heading, a paragraph, the photographer's credit) printed under a story on
/// the same theme lost its paragraph and credit to that story and stood as a bare heading.
const PHOTO_STORY: &str = "## 春节假期乡村游火热\n\n春节假期，各地乡村旅游持续升温，农家乐、民宿预订量大幅增长，不少村子的民俗活动吸引了城里游客。\n\n在浙江安吉，竹林里的民宿早早被订满，村民们忙着接待游客，一个假期的收入抵得上过去半年。\n\n图片报道\n\n春节期间，江西婺源的乡村民俗活动吸引了大批游客，村民们舞起板龙灯，游客跟着队伍穿行在村子里。\n\n王小明摄（人民视觉）\n\n## 城市书房里的年味\n\n除夕前后，城市书房里读者不减，不少家长带着孩子来借书，书房还办起了写春联活动。\n";

#[test]
fn a_photo_story_keeps_its_text_and_credit() {
    let p = run(PHOTO_STORY);
    assert_eq!(headlines(&p), [Some("春节假期乡村游火热"), Some("图片报道"), Some("城市书房里的年味")]);
    let photo = &p.articles[1];
    assert!(photo.text.contains("舞起板龙灯"), "{:#?}", photo);
    assert_eq!(photo.captions.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["王小明摄（人民视觉）"]);
    assert!(!p.articles[0].text.contains("婺源"));
}

/// A picture story's label (图片报道) read at the page's foot, its paragraph and credit inside
/// another story's column: the other story kept the photo's text, the label stood bare.
const PHOTO_LABEL_AWAY: &str = "## 春节假期乡村游火热\n\n春节假期，各地乡村旅游持续升温，农家乐、民宿预订量大幅增长，不少村子的民俗活动吸引了城里游客。\n\n在浙江安吉，竹林里的民宿早早被订满，村民们忙着接待游客，一个假期的收入抵得上过去半年。\n\n2月10日，江西婺源的村民舞起板龙灯，大批游客跟着队伍穿行在古村落的石板路上。\n\n王小明摄（人民视觉）\n\n民宿主人们说，今年的客人比往年多了三成，不少是带着孩子来乡村过年的城里家庭。\n\n## 城市书房里的年味\n\n除夕前后，城市书房里读者不减，不少家长带着孩子来借书，书房还办起了写春联活动。\n\n图片报道\n";

#[test]
fn a_picture_label_away_from_its_photo_finds_the_photo_text() {
    let p = run(PHOTO_LABEL_AWAY);
    let photo = article_with(&p, "舞起板龙灯");
    assert_eq!(photo.headline.as_deref(), Some("图片报道"), "{:#?}", p.articles);
    assert_eq!(photo.captions.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["王小明摄（人民视觉）"]);
    assert!(!photo.text.contains("在浙江安吉") && !photo.text.contains("民宿主人们说"), "{}", photo.text);
    assert!(!p.articles.iter().any(|a| a.flags.iter().any(|f| f == "headline without text")), "{:#?}", p.articles);
}

/// The label over another headline at the page's top, its photo's text of two paragraphs and the
/// credit at the foot of a story on another theme: the label stood bare, the story took the text.
const PHOTO_LABEL_OVER_HEADLINE: &str = "## 图片报道\n\n## 城市书房里的年味\n\n本报记者 李明\n\n除夕前后，城市书房里读者不减，不少家长带着孩子来借书，书房还办起了写春联活动。\n\n书房的管理员说，春节期间每天有上千人次进馆，图书借阅量比平时翻了一番。\n\n## 春节假期乡村游火热\n\n春节假期，各地乡村旅游持续升温，农家乐、民宿预订量大幅增长，不少村子的民俗活动吸引了城里游客。\n\n在浙江安吉，竹林里的民宿早早被订满，村民们忙着接待游客，一个假期的收入抵得上过去半年。\n\n2月10日，江西婺源篁岭村的村民舞起板龙灯，大批游客跟着龙灯队伍穿行在古村落。\n\n近年来，婺源篁岭村把板龙灯等民俗搬上舞台，古村落成了游客过年的好去处。\n\n王小明摄（人民视觉）\n";

#[test]
fn a_picture_label_takes_both_paragraphs_of_its_photo_text() {
    let p = run(PHOTO_LABEL_OVER_HEADLINE);
    let photo = article_with(&p, "舞起板龙灯");
    assert_eq!(photo.headline.as_deref(), Some("图片报道"), "{:#?}", p.articles);
    assert!(photo.text.contains("把板龙灯等民俗搬上舞台") && !photo.text.contains("在浙江安吉"), "{}", photo.text);
    assert_eq!(article_with(&p, "书房的管理员说").headline.as_deref(), Some("城市书房里的年味"));
    assert_eq!(article_with(&p, "在浙江安吉").headline.as_deref(), Some("春节假期乡村游火热"));
}

/// A dash-led paragraph of a list (——…不会忘记：2018年3) cut at a column's foot was taken for a
/// deck with no title over it, so it was never joined to the rest of its sentence (月，…).
const DASHED_LIST: &str = "## 社区服务暖人心\n\n这几年，城南社区的服务一年比一年贴心，居民们说起来都竖大拇指。\n\n——城南社区的居民们不会忘记：2018年3\n\n月，新建的社区食堂正式开张，老人们在家门口吃上了热乎饭。\n\n——城北社区的居民们不会忘记：去年冬天，社区为独居老人装上了一键呼叫器。\n";

#[test]
fn a_cut_dashed_list_item_joins_the_rest_of_its_sentence() {
    let p = run(DASHED_LIST);
    let paras = all_paragraphs(&p);
    assert!(
        paras.iter().any(|t| t.contains("2018年3月，新建的社区食堂")),
        "{paras:#?}"
    );
}

/// Prose cut at a column's foot on an opening quote (…被“) or with a stray space in a short last
/// clause (随着科技进步，供 应方式) was taken for a subhead.
const CUT_LIKE_HEADINGS: &str = "## 古城灯会开幕\n\n今年的灯会共展出彩灯两百余组，吸引了大批市民和游客前来观赏。\n\n2月2日晚8点整，古城南门被“\n\n万盏彩灯”点亮，并迎来了全新的灯光秀首演。\n\n随着科技进步，展 示方式\n\n也在发生改变，不少彩灯用上了感应装置，游客走近就会亮起。\n";

#[test]
fn prose_cut_on_an_opening_quote_or_a_short_spaced_clause_is_no_subhead() {
    let p = run(CUT_LIKE_HEADINGS);
    assert_eq!(p.articles.len(), 1);
    assert!(section_heads(&p.articles[0]).is_empty(), "{:?}", section_heads(&p.articles[0]));
    let paras = all_paragraphs(&p);
    assert!(paras.iter().any(|t| t.contains("被“万盏彩灯”点亮")), "{paras:#?}");
    assert!(paras.iter().any(|t| t.contains("方式也在发生改变")), "{paras:#?}");
}

/// A line of prose cut at a column's foot with a quotation left open (“智能化设备的使用有) was a
/// subhead: a heading closes what it quotes.
const OPEN_QUOTE_CUT: &str = "## 春耕用上新农机\n\n眼下正是春耕备耕的关键时期，村里的合作社添置了一批智能农机。\n\n“智能化设备的使用有\n\n一定门槛，尤其对年纪大的农民来说更是如此。”合作社负责人说，他们专门请来技术员手把手教。\n";

#[test]
fn a_line_with_a_quotation_left_open_is_cut_prose() {
    let p = run(OPEN_QUOTE_CUT);
    assert!(section_heads(&p.articles[0]).is_empty(), "{:?}", section_heads(&p.articles[0]));
    assert!(all_paragraphs(&p).iter().any(|t| t.contains("使用有一定门槛")));
}

/// A line reporting speech (许猛认为，科技的力量) cut at a column's foot was a subhead.
const REPORTED_SPEECH: &str = "## 冰雪运动进校园\n\n今年冬天，市里二十多所中小学开设了滑冰课，孩子们的热情很高。\n\n体育老师王强认为，滑冰这项冰雪运动\n\n锻炼了孩子们的意志，也让他们更加热爱运动。学校计划明年再增加两个冰场。\n";

#[test]
fn a_line_reporting_speech_is_cut_prose() {
    let p = run(REPORTED_SPEECH);
    assert!(section_heads(&p.articles[0]).is_empty(), "{:?}", section_heads(&p.articles[0]));
    assert!(all_paragraphs(&p).iter().any(|t| t.contains("冰雪运动锻炼了孩子们")));
}

/// A headline with a line of summary under it and then the dispatch was weighed as a subhead of
/// the story above; the dispatch opened a story of its own without it.
const LEAD_OVER_DISPATCH: &str = "## 城乡公交一体化加快推进\n\n本报杭州2月12日电  （记者李明）今年以来，浙江加快推进城乡公交一体化，新开通农村公交线路八十多条。\n\n到今年年底，全省建制村通公交比例将达到百分之百。\n\n春节移动数据流量消费增长翻倍\n\n春节期间，全国移动互联网流量消费同比增长一倍多，视频拜年成为新时尚。\n\n本报北京2月13日电  （记者王政）记者13日从工信部获悉：春节期间，我国移动互联网用户累计消费流量再创新高。\n\n短视频、直播成为拉动流量增长的主力。\n";

#[test]
fn a_heading_over_a_summary_and_a_dispatch_heads_the_dispatchs_story() {
    let p = run(LEAD_OVER_DISPATCH);
    assert_eq!(headlines(&p), [Some("城乡公交一体化加快推进"), Some("春节移动数据流量消费增长翻倍")]);
    let flow = &p.articles[1];
    assert!(flow.text.contains("视频拜年") && flow.text.contains("短视频"), "{:#?}", flow);
    assert_eq!(flow.bylines.iter().filter_map(|b| b.name.as_deref()).collect::<Vec<_>>(), ["王政"]);
}

/// A summary of more than 90 characters (this one 150) between a headline and its dispatch made the
/// dispatch open a headless story of its own.
const LONG_SUMMARY: &str = "## 全国春运客流平稳有序\n\n春运进入节后返程阶段，各地交通部门加密班次、延长运营时间，铁路、公路、民航和水运客流总体平稳有序，重点地区和重点时段的运输保障有力，旅客出行体验持续改善，返程高峰预计将持续到本月下旬。各地还针对农民工、学生等重点群体推出定制客运、包车直达等服务，让返程旅客走得了、走得好，一路平安顺畅地回到工作和学习岗位。\n\n本报北京2月12日电  （记者刘志强）记者从交通运输部获悉：春节假期，全国共发送旅客近三亿人次，同比有所增长。\n\n其中铁路发送旅客五千多万人次，增长一成以上。\n";

#[test]
fn a_long_summary_between_headline_and_dispatch_keeps_them_one_story() {
    let p = run(LONG_SUMMARY);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles.iter().map(|a| (&a.headline, &a.text)).collect::<Vec<_>>());
    assert_eq!(p.articles[0].bylines.iter().filter_map(|b| b.name.as_deref()).collect::<Vec<_>>(), ["刘志强"]);
}

/// A commentary opening on a one-line lead (越是细微处，越是见真情。) lost its body to a headless
/// story: a lead that short shares no words with any body, so it read as a change of topic.
const ONE_LINE_LEAD: &str = "## 春节假期旅游市场火热\n\n今年春节假期，全国国内旅游接待总人数同比增长百分之七，实现旅游收入五千多亿元，各地景区游人如织。\n\n冰雪游、民俗游、乡村游受到游客青睐，不少景区推出了夜间游览项目，延长开放时间。\n\n## 小事见初心（今日谈）\n\n越是细微处，越是见真情。\n\n腊月二十八，社区干部挨家挨户走访独居老人，问暖气热不热、年货备齐没有，还帮着贴好了春联和窗花。\n\n一位老人拉着干部的手说，这些年日子一年比一年好，逢年过节总有人上门来看看，心里暖暖的。\n\n不少干部说，走进一户户人家，坐在炕头拉拉家常，才知道老人们最惦记的是看病方不方便、孩子回不回家过年。\n\n柴米油盐间有万家忧乐。把群众的冷暖放在心上，把每一件事情办好，日积月累，就是实实在在的民生答卷。\n\n## 多地出台稳就业措施\n\n为做好节后稳就业工作，多个省份出台措施，支持企业吸纳就业，加大对重点群体的就业帮扶力度。\n\n各地还将举办网络招聘会，为求职者和用人单位搭建对接平台。\n";

#[test]
fn a_one_line_lead_keeps_the_commentary_under_its_headline() {
    let p = run(ONE_LINE_LEAD);
    assert_eq!(headlines(&p), [Some("春节假期旅游市场火热"), Some("小事见初心（今日谈）"), Some("多地出台稳就业措施")]);
    let talk = &p.articles[1].text;
    assert!(talk.contains("挨家挨户") && talk.contains("民生答卷"), "{talk}");
}

/// A standing label over a story's summary box (核心阅读) at the top of a page was taken for the
/// story's headline, and the real headline, printed at the page's foot, stood alone.
const LABEL_OVER_SUMMARY: &str = "核心阅读\n春节期间，滑雪场、健身房迎来客流高峰，运动健身成为不少人过年的新选择。\n\n今年春节，北方多地滑雪场游客明显增多，不少家庭带着孩子来体验冰雪运动，滑雪教练的课程排得满满当当。\n\n健身房里，年轻人结伴锻炼，有的健身房春节期间照常营业，还推出了新春健身课程，吸引了不少会员。\n\n## 潜水员守护大桥安全\n\n本报记者 王明\n\n春节期间，铁路大桥的水下检测工作照常进行，潜水员每天下水检查桥墩的冲刷情况。\n\n检测队负责人说，大桥安全关系到千万旅客的出行，一点也马虎不得。\n\n一起过个健身年（关注春节消费）\n";

#[test]
fn a_standing_label_is_no_headline_and_leaves_the_story_for_its_own() {
    let p = run(LABEL_OVER_SUMMARY);
    assert_eq!(headlines(&p), [Some("一起过个健身年（关注春节消费）"), Some("潜水员守护大桥安全")]);
    let fit = &p.articles[0];
    assert_eq!(section_heads(fit), ["核心阅读"]);
    assert!(fit.text.contains("滑雪教练") && fit.text.contains("健身房里"), "{}", fit.text);
}

/// Two headlines stacked with nothing between them: the first paragraph under the stack went to the
/// nearer headline by position, though the rest of the text, which it begins, went to the other.
const STACKED_HEADLINES: &str = "## 全民健身长跑活动启动\n\n本报北京2月10日电  （记者张伟）全民健身冬季长跑活动10日在北京启动，上千名长跑爱好者参加了开跑仪式。\n\n据介绍，今年的冬季长跑活动将持续到三月底，各地将组织形式多样的健身跑步活动。\n\n“必须坚决同消极腐败现象作斗争。”纪检监察机关坚持无禁区、全覆盖、零容忍，坚持重遏制、强高压、长震慑，反腐败斗争压倒性胜利得到巩固发展。\n\n专家表示，惩治腐败要坚持标本兼治，在严厉惩治腐败、形成震慑的同时，扎牢不能腐的制度笼子，增强不想腐的思想自觉。\n\n多些“无声的联系”（人民论坛）\n\n坚决惩腐 巩固成果（解读全会精神④）\n\n春节刚过，不少人回味，这几天只与亲人团聚，过得清爽，过得惬意。\n\n这是一种好现象，正所谓无声胜有声。过去那种热衷于“热线联系”的做法少了，“无声的联系”多了。\n\n多些“无声的联系”，是一种静静的守望。“无声的联系”的可贵在于不打扰、不添乱。\n\n“君子之交淡若水”。“无声的联系”是一种“淡”的境界，也是一种清醒的自觉。\n";

#[test]
fn the_first_paragraph_under_stacked_headlines_goes_with_the_text_it_begins() {
    let p = run(STACKED_HEADLINES);
    let talk = article_with(&p, "春节刚过");
    assert_eq!(talk.headline.as_deref(), Some("多些“无声的联系”（人民论坛）"));
    assert!(talk.text.contains("君子之交淡若水"), "{}", talk.text);
}

/// A title cut at a column's foot (…《共 | 和国报》记者…): the part that opens inside the title's
/// brackets was taken for a fresh paragraph, so it was never joined and went to a headless story.
const CUT_INSIDE_A_TITLE: &str = "## 埃及媒体探访新疆\n\n新华社乌鲁木齐1月31日电  （记者孙哲）埃及媒体代表团近日在新疆参观访问，走访了清真寺、学校和村庄。\n\n在喀什和和田，记者们参观了清真寺，同宗教人士交谈，了解到信教群众的合法宗教活动受到了法律保护。《共\n\n## 冬季长跑活动启动\n\n本报北京2月10日电  （记者张伟）全民健身冬季长跑活动10日在北京启动，上千名长跑爱好者参加了开跑仪式。\n\n据介绍，今年的冬季长跑活动将持续到三月底，各地将组织形式多样的健身跑步活动。\n\n和国报》记者阿卜杜勒哈利姆表示，这里的寺院条件非常好，能感受到当地穆斯林充分享有宗教信仰自由。\n\n代表团还参观了职业技能教育培训中心，学员们正在学习烹饪、汽修等课程。\n";

#[test]
fn text_opening_inside_a_title_goes_on_from_where_the_title_was_cut() {
    let p = run(CUT_INSIDE_A_TITLE);
    assert_eq!(headlines(&p), [Some("埃及媒体探访新疆"), Some("冬季长跑活动启动")]);
    assert!(all_paragraphs(&p).iter().any(|t| t.contains("法律保护。《共和国报》记者")), "{:#?}", all_paragraphs(&p));
}

/// A paragraph of another story dropped between a cut and its resumption (…将持 | 天色已晚… |
/// 续到2月2日…) was taken for the cut's continuation, and the real one stood as a paragraph apart.
const DROPPED_BETWEEN: &str = "## 寒潮席卷美国中西部\n\n从1月28日开始，来自北极的一股强大寒流席卷美国中西部地区，多地气温创下历史新低。\n\n美国国家气象局的数据显示，中西部地区受极端严寒天气影响，预计这轮低温天气将持\n\n天色已晚，马修和我们通话，提醒我们出门一定注意保暖，还说邻居们都在互相照应。\n\n续到2月2日，然后冷空气将向东部移动，中西部地区的极端严寒天气才会逐渐结束。\n\n## 谢谢你们，中国记者（记者手记）\n\n马修是我们在芝加哥采访时认识的出租车司机，他热情地帮我们联系采访对象，还带我们去了社区。\n\n采访结束时，马修说，谢谢你们，中国记者，让更多人了解这里普通人的生活。\n";

#[test]
fn a_paragraph_dropped_between_a_cut_and_its_resumption_goes_to_its_own_story() {
    let p = run(DROPPED_BETWEEN);
    assert!(all_paragraphs(&p).iter().any(|t| t.contains("低温天气将持续到2月2日")), "{:#?}", all_paragraphs(&p));
    assert_eq!(article_with(&p, "天色已晚").headline.as_deref(), Some("谢谢你们，中国记者（记者手记）"));
}

/// Reports under one rubric (2019春运一线), each a short label over its title (新技术 / 航班行李…,
/// 新措施 / 铁路地铁…) and signed by its dispatch, came out as separate stories, the first headed
/// by the rubric as a kicker would be.
const LABELLED_REPORTS: &str = "## 2019春运一线\n\n新技术\n\n航班行李可全程追踪\n\n本报上海2月10日电  （记者沈文敏）春运期间，旅客在机场托运的行李贴上了电子标签，通过手机就能查到行李走到了哪里。\n\n该技术让行李运输数据的记录更加及时、准确，行李错运、漏运的情况明显减少。\n\n新措施\n\n## 铁路地铁能安检互认\n\n本报天津2月10日电  （记者靳博）今年春运，旅客从天津站下火车换乘地铁，不用再次排队安检。\n\n天津站工作人员介绍，安检互认让换乘时间平均缩短了十多分钟。\n\n## 民俗用好 治村有招（民生观）\n\n在乡村治理的过程中，用好民俗，往往事半功倍。起个大早给长辈拜年，是我们老家最重要的风俗之一。\n\n十里不同风，百里不同俗，但不同的是形式，相同的是内涵。\n";

#[test]
fn reports_labelled_under_one_rubric_are_one_article() {
    let p = run(LABELLED_REPORTS);
    assert_eq!(headlines(&p), [Some("2019春运一线"), Some("民俗用好 治村有招（民生观）")]);
    let series = &p.articles[0];
    assert_eq!(section_heads(series), ["新技术", "航班行李可全程追踪", "新措施", "铁路地铁能安检互认"]);
    assert_eq!(series.bylines.iter().filter_map(|b| b.name.as_deref()).collect::<Vec<_>>(), ["沈文敏", "靳博"]);
    assert!(series.text.contains("安检互认让换乘时间"));
}

#[test]
fn a_heading_straight_over_another_headline_it_shares_nothing_with_is_an_orphan_headline() {
    // The snow forecast's headline landed over the commentary's; its story, opened by a dispatch,
    // comes further down without one. The heading must not become a section of the commentary.
    let page = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，合作社的黄瓤西瓜陆续成熟上市。\n\n瓜农们每天凌晨就开始采摘西瓜、装箱，黄瓤西瓜皮薄多汁，脆甜清新。\n\n华北黄淮等地将有降雪\n\n用心审视舌尖上的需求（说道）\n\n没有买卖，就没有伤害。买卖珍稀野生动物，很多源于尝鲜、猎奇，甚至无来由的民间传说。比如穿山甲，有人说可以通乳，有人说可以抗癌，这些说法没有科学依据，却让穿山甲遭到大量捕杀，种群数量急剧下降。\n\n您知道长江刀鱼吗？刀鱼以前并不算罕见，但由于长期过度捕捞，如今已经难得一见，价格也一路攀升，成了餐桌上的奢侈品。\n\n拒绝野味，从每个人的餐桌做起，让珍稀野生动物远离舌尖，也让尝鲜、猎奇的消费观念慢慢改变。\n\n本报北京2月11日电  （记者赵贝佳）中央气象台预计，11日夜间至12日，华北北部、黄淮等地有小雪，局地中雪。\n\n气象专家提醒，降雪导致的积雪和道路结冰将对春运返程有较大影响，华北黄淮地区请注意出行安全。\n";
    let p = run(page);
    let snow = article_with(&p, "中央气象台预计");
    assert_eq!(snow.headline.as_deref(), Some("华北黄淮等地将有降雪"), "{:#?}", p.articles);
    let wild = article_with(&p, "没有买卖");
    assert!(section_heads(wild).is_empty(), "{:#?}", wild.sections);
}

#[test]
fn a_headline_group_over_a_heading_and_text_it_shares_nothing_with_is_an_orphan_headline() {
    // The education plan's headline and deck landed at the page's top, over the village feature's
    // first heading; the plan's story, opened by a dispatch, stands at the foot without them.
    let page = "## 国务院印发职业教育改革实施方案\n经过五年左右时间，职业教育由政府举办为主向社会多元办学转变\n\n## 巴吉村的幸福路\n\n炉火正旺，酥油茶飘香，格桑旺久在炉旁算起收入账，一辆大货车一年能挣十多万元。\n\n巴吉村距城区一公里，村民趁势跑货运、开家庭旅馆，日子越过越红火。\n\n村里的巨柏林吸引游客慕名而来，村民办起了农家乐，集体经济不断壮大。\n\n新华社北京2月13日电  国务院日前印发职业教育改革实施方案，提出职业教育与普通教育是两种不同教育类型。\n\n方案提出，到2022年，职业院校教学条件基本达标，职业教育改革取得明显成效。\n";
    let p = run(page);
    let school = article_with(&p, "职业院校教学条件");
    assert_eq!(school.headline.as_deref(), Some("国务院印发职业教育改革实施方案"), "{:#?}", p.articles);
    let village = article_with(&p, "酥油茶");
    assert_eq!(village.headline.as_deref(), Some("巴吉村的幸福路"), "{:#?}", p.articles);
    // A headline over its story's first section, sharing no words with it, keeps its story.
    let own = page.split("新华社北京").next().unwrap().to_string();
    let p = run(&own);
    assert_eq!(headlines(&p), [Some("国务院印发职业教育改革实施方案")], "{:#?}", p.articles);
    assert_eq!(section_heads(&p.articles[0]), ["巴吉村的幸福路"]);
}

#[test]
fn a_feature_s_compilers_and_a_column_s_address_close_the_text_above_not_head_a_story() {
    // Who put the feature together, several roles on one line, set like a heading over the next
    // story's headline: it closes the feature, and heads nothing.
    let page = "## 春运迎来返程客流高峰\n\n春节假期结束，各地铁路、公路、民航迎来返程客流高峰，多地加开列车和航班。\n\n## 本期统筹：许  诺  制图：郭  祥\n\n## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("春运迎来返程客流高峰"), Some("西瓜新鲜上市")], "{:#?}", p.articles);
    assert!(article_with(&p, "返程客流").credit.as_deref().is_some_and(|c| c.contains("统筹")), "{:#?}", p.articles);
    // A column's call for pieces, the label and the address on a line each.
    let page = "## 让服务更有温度（一线行走）\n\n窗口服务无小事，群众的每一件事都要用心办好，这是我们的承诺。\n\n（作者为本报记者）\n\n栏目投稿邮箱：\n\nyxxz8494@163.com\n\n## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("让服务更有温度（一线行走）"), Some("西瓜新鲜上市")], "{:#?}", p.articles);
}

#[test]
fn a_photo_report_s_photographers_close_its_text_and_head_no_story() {
    let page = "## 春节假期消费旺\n\n春节期间，各大商场客流不断，年货、餐饮和文化消费持续升温，线上线下消费都很火热。\n\n银  燕  牟  健摄影报道\n\n图为市民在商场选购年货。\n\n## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("春节假期消费旺"), Some("西瓜新鲜上市")], "{:#?}", p.articles);
    let shop = article_with(&p, "年货");
    assert!(shop.captions.iter().any(|c| c.text.contains("摄影报道")), "{:#?}", shop);
}

#[test]
fn a_photographer_s_credit_goes_with_the_caption_beside_it_not_a_story_sharing_its_agency() {
    // 新华社 is a word of the dispatch above and of the credit line, and no word of the photo's
    // story: the credit must stay with the photo's caption, under the photo story.
    let page = "## 新华社记者走进边防哨所\n\n新华社北京2月20日电  新华社记者日前走进边防哨所，新华社记者看到官兵们坚守岗位，新华社报道组与官兵一起过节。\n\n哨所官兵表示，将以饱满的精神状态守护祖国边疆。\n\n## 正月十六走太平\n\n20日是农历正月十六，安徽省全椒县举办传统民俗活动“走太平”，吸引众多群众参与。\n\n这项民俗活动延续至今，每年正月十六，人们纷纷走过太平桥，祈求平安。\n\n沈  果摄（新华社发）\n\n图为文艺表演队伍从太平桥上经过，献上精彩纷呈的民俗表演。\n";
    let p = run(page);
    let walk = article_with(&p, "走太平");
    let captions: Vec<&str> = walk.captions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(captions.len(), 2, "{:#?}", p.articles);
    assert!(captions.iter().any(|c| c.contains("摄")), "{:#?}", p.articles);
}

#[test]
fn a_document_s_later_sections_after_a_short_story_go_back_to_the_document() {
    // The opinion's first section, then a short village report, then the rest of the opinion (its
    // sections in finished paragraphs, no cut to tell where it resumes): the first of them repeat
    // the opening's words, the later ones drift. The first round knew the report by all the text
    // down the page from its headline, the opinion's later sections too, and those then stayed
    // with the report.
    let p = |s: &str| format!("{s}\n\n");
    let mut page = String::new();
    page += &p("## 中办国办印发关于促进小农户和现代农业发展有机衔接的意见");
    page += &p("新华社北京2月21日电  近日，中共中央办公厅、国务院办公厅印发了关于促进小农户和现代农业发展有机衔接的意见。");
    page += &p("党的十九大提出，实现小农户和现代农业发展有机衔接，这是巩固完善农村基本经营制度的重大举措。");
    page += &p("（一）促进小农户和现代农业发展有机衔接是巩固完善农村基本经营制度的重大举措。");
    page += &p("## 党员走在前 村民跟着干");
    page += &p("走进浙江乐清市虹桥镇建强村党群服务中心会议室，墙上挂满了党员承诺书和村务公开栏。");
    page += &p("黎明村党总支书记介绍，几个村以党建联盟为纽带，党员带头清理河道、修建村道，村民纷纷跟着干。");
    page += &p("党建强，村村强。近年来，乐清市整乡推进、整村提升，党员干部走在前面，村里的面貌焕然一新。");
    for (i, t) in ["促进小农户和现代农业发展有机衔接是推进中国特色农业现代化的必然要求。",
        "促进小农户和现代农业发展有机衔接是实施乡村振兴战略的客观要求。",
        "加强小农户科技装备应用，加快研发适合小农户的农业机械，推进小农户农机装备升级。",
        "改善小农户生产基础设施，鼓励各地通过以奖代补等方式，支持小农户开展农田水利建设。",
        "引导小农户开展合作与联合，支持小农户通过联户经营、联耕联种等方式发展规模经营。",
        "创新合作社组织小农户机制，坚持小农户成员在合作社中的主体地位，发挥合作社带动作用。",
        "发挥龙头企业对小农户带动作用，完善农业产业化带农惠农机制，让小农户分享产业链增值收益。",
        "支持小农户发展特色优质农产品，引导小农户发展高品质农业，推动小农户增收。"].iter().enumerate() {
        page += &p(&format!("（{}）{t}", ["二", "三", "四", "五", "六", "七", "八", "九"][i]));
    }
    let p = run(&page);
    let doc = article_with(&p, "新华社北京2月21日电");
    for t in ["农机装备升级", "联耕联种", "产业链增值收益", "推动小农户增收"] {
        assert!(doc.text.contains(t), "{t} left the opinion: {:#?}", p.articles);
    }
    assert!(!article_with(&p, "党群服务中心").text.contains("小农户"), "{:#?}", p.articles);
}

#[test]
fn a_long_line_set_tight_under_a_title_is_its_deck() {
    // Markdown-style page: blank lines part paragraphs, so the line tight under the title, too long
    // to read as a heading on its own, is the headline group's.
    let page = "国务院印发《国家职业教育改革实施方案》\n## 经过5—10年左右时间，职业教育基本完成由政府举办为主向政府统筹管理、社会多元办学的格局转变，由追求规模扩张向提高质量转变，由参照普通教育办学模式向企业社会参与\n\n新华社北京2月13日电  近日，国务院印发《国家职业教育改革实施方案》。\n\n《方案》指出，要把职业教育摆在教育改革创新和经济社会发展中更加突出的位置。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 1, "{:#?}", p.articles);
    let heads = head_group(&p.articles[0]);
    assert_eq!(heads.len(), 2, "{heads:?}");
    assert!(heads[1].starts_with("经过5—10年左右时间"), "{heads:?}");
}

#[test]
fn a_kicker_over_a_headline_at_the_foot_of_the_page_is_still_its_kicker() {
    // The page ends on the headline, with no blank line under it.
    let page = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n\n瓜农们每天凌晨就开始采摘、装箱，西瓜皮薄多汁，脆甜清新。\n\n写春联、赏年画、进博物馆……\n翰墨飘香 年味渐浓";
    let p = run(page);
    let a = headed(&p, "翰墨飘香 年味渐浓");
    assert_eq!(a.kicker.as_deref(), Some("写春联、赏年画、进博物馆……"), "{a:#?}");
}

#[test]
fn a_reader_s_place_and_name_sign_the_letter_above_and_head_nothing() {
    let page = "## 小区要设限速标志\n\n我家小区里车辆进出频繁，有的司机车速很快，老人孩子出行很不安全，建议物业设置限速标志。\n\n辽宁沈阳市 王志平\n\n## 零售药店定价随意（身边事）\n\n同一种药品，不同药店的价格相差不少，消费者很难分辨，希望有关部门加强监管。\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("小区要设限速标志"), Some("零售药店定价随意（身边事）")], "{:#?}", p.articles);
    assert!(article_with(&p, "限速标志").text.contains("王志平"), "{:#?}", p.articles);
    // A notice signed with who issued it and the date.
    let page = "## 寿光市第二届高层次人才创业大赛公告\n\n大赛面向海内外征集创新创业项目，报名截止日期为2019年4月30日，详情请登录大赛官网查询。\n\n寿光市高层次人才创业大赛组委会　　2019年2月26日\n\n## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("寿光市第二届高层次人才创业大赛公告"), Some("西瓜新鲜上市")], "{:#?}", p.articles);
    assert!(article_with(&p, "报名截止").text.contains("组委会"), "{:#?}", p.articles);
}

#[test]
fn a_photo_s_source_or_agency_alone_under_a_story_heads_nothing() {
    for line in ["图片由中科院国家天文台副研究员黎耕提供", "人民视觉"] {
        let page = format!("## 春节假期消费旺\n\n春节期间，各大商场客流不断，年货、餐饮和文化消费持续升温，线上线下消费都很火热。\n\n{line}\n\n## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n");
        let p = run(&page);
        assert_eq!(headlines(&p), [Some("春节假期消费旺"), Some("西瓜新鲜上市")], "{line}: {:#?}", p.articles);
        assert!(article_with(&p, "年货").text.contains(line), "{line}: {:#?}", p.articles);
    }
}

#[test]
fn an_advertorial_s_label_belongs_to_the_piece_it_marks() {
    let page = "## 武汉园博园诚邀您来  欢欢喜喜过大年\n\n春节期间，园博园推出灯会、庙会和民俗表演，市民游客可以在园里感受浓浓年味。\n\n·广告·\n\n## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n";
    let p = run(page);
    assert_eq!(p.articles.len(), 2, "{:#?}", p.articles);
    assert!(article_with(&p, "园博园推出灯会").text.contains("广告"), "{:#?}", p.articles);
}

#[test]
fn regression_dispatch_with_ocr_brackets_lost_its_reporter() {
    // Tesseract reads （ as 〈 or 《, ） as ), and the 1 of a date as ]: the dispatch still names
    // its reporter. (A page written for this test, in the shape Tesseract gives.)
    let page = "月背工作顺利\n\n本报北京]月31日电 〈记者冯华) 记者从国家航天局获\n悉，着陆器接受光照自主唤醒，两器状态良好。\n\n新华社电 《记者白田田) 春节期间，长沙的\n花鼓戏剧场里座无虚席，观众热情很高。\n";
    let p = run(page);
    let names: Vec<&str> = p.articles.iter().flat_map(|a| a.bylines.iter().filter_map(|b| b.name.as_deref())).collect();
    assert!(names.contains(&"冯华"), "{names:?}");
    assert!(names.contains(&"白田田"), "{names:?}");
}

#[test]
fn regression_dispatch_whose_bracket_the_engine_read_as_two_marks_lost_its_reporter() {
    // Tesseract reads a （ as two marks, 《〈, and the column cuts the reporter's name: the
    // dispatch still names him. (A page written for this test, in the shape Tesseract gives.)
    let page = "春运客流平稳\n\n本报北京2月5日电 《〈记者陈\n明远) 记者从铁路部门获悉，节前\n客流总体平稳，车站秩序良好。\n";
    let p = run(page);
    let names: Vec<&str> = p.articles.iter().flat_map(|a| a.bylines.iter().filter_map(|b| b.name.as_deref())).collect();
    assert_eq!(names, ["陈明远"], "{:#?}", p.articles);
}

#[test]
fn regression_a_storys_only_subhead_over_text_little_like_it_was_kept_a_section() {
    // A lone heading set after finished text, over a piece that shares a few words with the story
    // above (the same village, its co-operative) but reads little like it: as the story's only
    // subhead it is the title of a piece of its own. (A page written for this test.)
    let page = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，村里合作社的黄瓤西瓜陆续成熟上市，瓜农们每天忙着采摘。\n\n\
        瓜农们每天凌晨就开始采摘西瓜、装箱，黄瓤西瓜皮薄多汁，脆甜清新，合作社的订单一天比一天多，村里人忙得不亦乐乎。\n\n\
        村里图书室迎来读者\n\n暑假来临，村里图书室吸引了不少学生前来阅读，瓜农们的孩子也常来，黄瓤西瓜成熟时，合作社的西瓜阅览区的座位上坐满了学生，合作社每天派人整理书架。\n\n\
        图书室管理员说，今年新添了几百本图书，学生们每天一早就来排队借书，暑假的图书室比平时热闹得多。\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("西瓜新鲜上市"), Some("村里图书室迎来读者")], "{:#?}", p.articles);
}

/// A headline set down inside another story: the sentence cut off above it (两千|块钱) goes on
/// under it, and the headline shares no words with that text; its own story is further down.
const HEADLINE_INSIDE_A_STORY: &str = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐。合作社的黄瓤西瓜陆续成熟，瓜农老李说，往年一亩地只能卖两千\n\n## 图书馆里过暑假（民生观）\n\n块钱，今年合作社统一收购，每亩能多卖一千多块钱，瓜农的腰包鼓了起来。\n\n## 老街焕新颜\n\n本报记者 王蓓\n\n经过半年改造，老街的石板路重新铺好，沿街商铺也换上了统一的招牌，吸引市民前来游览。\n\n暑假来临，街道图书馆吸引了不少学生前来阅读，阅览区的座位上坐满了学生，管理员每天延长开放时间。\n";

#[test]
fn text_that_completes_a_sentence_cut_above_a_headline_stays_with_that_sentence() {
    let p = run(HEADLINE_INSIDE_A_STORY);
    let a = article_with(&p, "块钱，今年合作社");
    assert_eq!(a.headline.as_deref(), Some("西瓜新鲜上市"), "{:#?}", p.articles);
    assert!(a.text.contains("往年一亩地"), "{:#?}", p.articles);
    assert_eq!(article_with(&p, "街道图书馆吸引").headline.as_deref(), Some("图书馆里过暑假（民生观）"), "{:#?}", p.articles);
}

#[test]
fn a_dispatch_right_under_its_headline_stays_with_it_though_the_next_story_s_dispatch_shares_its_words() {
    // Two stories from one desk on one day: the second's dispatch shares nearly every word of the
    // first's (新华社苏州3月5日电, 记者林晓, 商务部部长李明, 江苏周庄), so the second story's text
    // drew the first's dispatch away, and the first headline was left with no text.
    let page = "中法德举行三方部长会晤\n\n新华社苏州3月5日电（记者林晓、何青）商务部部长李明和法国部长杜邦在江苏周庄共同举行会晤。\n\n李明会见德国部长\n\n新华社苏州3月5日电（记者林晓、王川）商务部部长李明在江苏周庄会见德国部长。\n";
    let p = run(page);
    assert_eq!(headlines(&p), [Some("中法德举行三方部长会晤"), Some("李明会见德国部长")], "{:#?}", p.articles);
    assert!(p.articles[0].text.contains("法国部长杜邦"), "{:#?}", p.articles[0]);
    assert!(!p.articles[1].text.contains("法国部长杜邦"), "{:#?}", p.articles[1]);
}

#[test]
fn a_law_s_adoption_note_under_its_title_is_its_deck_not_a_credit() {
    // （…会议通过）: the date and the body that adopted the law, in brackets under its title. Only a
    // bare date was known as a deck; the note was read as a credit of the story above.
    let page = "中华人民共和国森林保护法\n## （二〇一九年二月二十日第十三届全国人民代表大会常务委员会第九次会议通过）\n\n中华人民共和国主席令\n\n第二十号\n\n《中华人民共和国森林保护法》已由全国人民代表大会常务委员会第九次会议于2019年2月20日通过，现予公布，自2019年7月1日起施行。\n\n## 中华人民共和国主席  习近平\n\n## 2019年2月20日\n\n第一条　为了保护森林资源，制定本法。\n\n第二条　本法所称森林，包括天然林和人工林。\n";
    let p = run(page);
    let a = &p.articles[0];
    assert_eq!(head_group(a), ["中华人民共和国森林保护法", "（二〇一九年二月二十日第十三届全国人民代表大会常务委员会第九次会议通过）"], "{:#?}", p.articles);
    assert!(p.articles.iter().all(|a| a.credit.is_none()), "{:#?}", p.articles);
}

#[test]
fn a_quotation_cut_at_a_column_s_end_is_no_title_over_the_text_it_runs_on_into() {
    // A short line set apart that opens a quotation and breaks off (“让书香飘) read as a title,
    // and the paragraph closing the quote took it for the title's rest, however long: the line
    // closes the bracket the title left open. A line that goes on to end its sentence after the
    // closer is the quotation's text, and the two stay in the story above.
    let paras = [
        "“虽然开馆才一周，但借书的人已经超过了三千人次，这是我们没有想到的。”馆长笑着说。",
        "镇上的新图书馆上周正式开放了，三层楼里摆满两万多册新书，周末前来借阅的居民排起了长队。",
        "馆长介绍，新馆设有少儿阅览区、电子阅览室和自习区，每天开放到晚上九点，方便上班族下班后来看书，节假日也照常开放。",
        "“以前要坐一个小时的车去县城借书，现在走路十分钟就到了，孩子每个周末都吵着要来！”一位母亲说。",
        "“读书是最好的投资”“让书香飘",
        "进每一个家庭”……馆长说,这是开馆以来听到最多的两句话,她相信这两句话会成为全镇的共识!”",
        "据了解,图书馆还将每月举办两次读书会,邀请作家和老师与读者交流,今年计划开展各类活动30场以上。",
    ];
    let page = format!("2019年2月25日　星期日　　第4版\n\n## 新图书馆开门迎客（文化惠民新观察）\n\n{}\n", paras.join("\n\n"));
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("新图书馆开门迎客（文化惠民新观察）")], "{:#?}", p.articles);
}

#[test]
fn regression_capitals_title_whose_stop_ocr_read_as_a_comma_was_read_as_text() {
    // A notice's title in capitals, alone between blank lines, its closing stop read as a comma:
    // it heads its notice, under a column broken off mid-sentence too; it was text, and the
    // notice ran on from the story above. (A page written for this test.)
    let above = "The council met yesterday to consider the state\nof the roads in the township, and resolved that\nthe surveyor should report at the next meeting of\n\n";
    let notice = "The fast-sailing steam packet will leave the\nClarence Dock every Monday and Thursday at ten\no'clock, for passengers and light goods only.\n";
    let page = format!("THE TOWNSHIP ROADS.\n\n{above}FOR BEAUMARIS, BANGOR, AND MENAI BRIDGE,\n\n{notice}");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("THE TOWNSHIP ROADS."), Some("FOR BEAUMARIS, BANGOR, AND MENAI BRIDGE,")], "{:#?}", p.articles);
}

#[test]
fn regression_paragraph_opening_in_capitals_cut_at_a_comma_was_taken_for_a_title() {
    // A column's paragraph opening on a word in capitals (STUNNED by the Budget,), set apart by a
    // speck of OCR noise above and a speck before its next line: in English, whose titles are set
    // in title case, it is the paragraph's first line, not a title whose stop was misread. (A
    // page written for this test.)
    let above = "The Treasurer said last night that the figures\nwere the best the State had known, and that\nthe surplus would be larger than it had ever been.\n?K * *\n";
    let para = "STUNNED by the Budget,\n\n° everybody seems to have overlooked that on\nthe same day the council raised the water rates\nfor every householder in the city and suburbs.\n";
    let page = format!("THE BUDGET\n\n{above}{para}");
    let p = run(&page);
    assert_eq!(headlines(&p), [Some("THE BUDGET")], "{:#?}", p.articles);
}
