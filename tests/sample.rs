//! The sample page (fixtures/zh-qingpu-sample, a real district newspaper page as OCR gave it) must
//! come out as its seven articles, each whole, in order, with the right heads and bylines.

use newsseg::emit::Article;

fn paragraphs(a: &Article) -> Vec<String> {
    a.sections.iter().flat_map(|s| s.paragraphs.iter().map(|p| p.text.clone())).collect()
}

fn headings(a: &Article) -> Vec<String> {
    a.sections.iter().filter_map(|s| s.heading.clone()).collect()
}

fn names(a: &Article) -> Vec<String> {
    a.bylines.iter().filter_map(|b| b.name.clone()).collect()
}

#[test]
fn sample_page_gives_its_seven_articles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/zh-qingpu-sample");
    let (_, page) = super::golden::run(&dir);
    let a = &page.articles;
    assert_eq!(a.len(), 7, "{:#?}", a.iter().map(|x| &x.headline).collect::<Vec<_>>());
    assert_eq!(page.language, "zh");

    // 1. Kicker over a Markdown headline; cut at "不断拓展丰富", resumed 27 lines below; a paragraph
    //    cut at a column break ("所" / "需材料"); three subheads that stay in the article.
    assert_eq!(a[0].kicker.as_deref(), Some("徐泾镇社区事务受理服务中心上半年受理事项逾4万件，办结率100%"));
    assert_eq!(a[0].headline.as_deref(), Some("微笑缩短距离 服务延伸真情"));
    assert_eq!(names(&a[0]), ["袁丹凤"]);
    assert_eq!(headings(&a[0]), ["“勤”字当头促成长", "以“老”带新传帮带", "以“人”为本优服务"]);
    let p0 = paragraphs(&a[0]);
    assert!(p0.iter().any(|p| p.contains("不断拓展丰富“家门口”的服务功能")), "{p0:#?}");
    assert!(p0.iter().any(|p| p.contains("办理一项业务所需材料")), "{p0:#?}");
    assert!(p0.last().unwrap().starts_with("2021年"));

    // 2. No headline at all, only a byline.
    assert_eq!(a[1].headline, None);
    assert_eq!(names(&a[1]), ["王蓓"]);
    assert_eq!(paragraphs(&a[1]).len(), 5);

    // 3. A photo caption set apart under the story.
    assert_eq!(a[2].headline.as_deref(), Some("黑皮黄瓤西瓜新鲜上市"));
    assert_eq!(names(&a[2]), ["高军"]);
    assert_eq!(a[2].captions.len(), 1);
    assert_eq!(a[2].captions[0].text, "黄瓤西瓜皮薄多汁，脆甜清新。");

    // 4. Its headline stands alone at the very end of the page.
    assert_eq!(a[3].headline.as_deref(), Some("基层治理激活文明建设"));
    assert_eq!(names(&a[3]), ["倪彬礼"]);
    assert_eq!(headings(&a[3]).len(), 3);

    // 5. A two-line headline (Markdown hard break) over a deck.
    assert_eq!(a[4].headline.as_deref(), Some("关注家庭和谐 守护心理健康"));
    assert_eq!(a[4].deck.as_deref(), Some("夏阳街道开展心理健康科普活动"));
    assert_eq!(names(&a[4]), ["夏阳"]);

    // 6. A "——记…" deck and a source credit.
    assert_eq!(a[5].headline.as_deref(), Some("用爱点燃母亲生活的信心"));
    assert_eq!(a[5].deck.as_deref(), Some("——记“青浦区文明家庭”冯桂萍家庭"));
    assert_eq!(a[5].credit.as_deref(), Some("（青浦文明网）"));

    // 7. A ranked list cut at "中步村" and resumed 30 lines earlier on the page; plain subheads.
    assert_eq!(a[6].headline.as_deref(), Some("青浦区7月生活垃圾分类实效考评结果公布"));
    assert_eq!(headings(&a[6]), ["居住区", "行政村", "单位"]);
    let p6 = paragraphs(&a[6]);
    assert!(p6.iter().any(|p| p.contains("曙光村（白鹤镇）、中步村（赵巷镇）、新联村（重固镇）")), "{p6:#?}");
    assert!(p6.last().unwrap().starts_with("垃圾分类和资源化利用"));
}
