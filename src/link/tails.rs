//! Tails: a headline's rest that the OCR engine read away from it goes back on the headline.
//!
//! A headline set across columns is read in blocks: its first line, then the story's first column
//! under it, then the rest of the title that stood to the right (讲好文创的时代故事 … (新语);
//! 摸准体育产业的 … 矿脉 (体坛观澜)). That rest lands a few paragraphs down its own story, as a
//! credit-like bracket line, or as a headline of its own with no text, or where another story's
//! column ends, just above its own story's next column. It is told by its shape (the
//! language's `title_tail`), by where it stands (early in the story whose text surrounds it) and
//! by the headline it completes, which has no column name yet. A subhead anywhere in the story is
//! one too where a word runs across the title's end into it (正风反腐和依 … 法治国最受关注), or
//! where it parts a sentence of the story and runs no longer than a line of the title (…的可行 |
//! 变干净了 | 路径。…): a subhead opens a paragraph.

use super::{drop_marked, unit_owners, Ctx, Plan};
use crate::blocks::{BlockId, Start};
use crate::segment::{Segments, UnitKind};

/// Moves each story's headline rest (`Plan::tails`) out of its text, and folds each text-less
/// headline that is one into the story it stands inside.
pub(super) fn rejoin_title_tails(seg: &Segments, ctx: &Ctx, plans: &mut Vec<Plan>) {
    if ctx.lang.title_tail.is_empty() {
        return;
    }
    for pl in plans.iter_mut() {
        let Some(head) = title_line(pl, seg) else { continue };
        // Counted in page order (the reading order sets a closing credit last): the rest stands
        // after a few of the story's paragraphs and before its end, where a note in brackets
        // closing the story stands.
        let mut by_page = pl.units.clone();
        by_page.sort_unstable();
        let last = by_page.len().saturating_sub(1);
        let found = by_page[..ctx.params.tail_reach.min(last)]
            .iter()
            .find(|&&u| {
                let unit = seg.units[u];
                matches!(unit.kind, UnitKind::Credit | UnitKind::Subhead | UnitKind::Para) && is_tail(ctx, unit.block) && completes(ctx, head, unit.block)
            })
            // A word cut between the title and a subhead is evidence enough wherever in the story
            // the subhead stands (the engine may read several of the story's columns first).
            .or_else(|| by_page[..last].iter().find(|&&u| seg.units[u].kind == UnitKind::Subhead && ends_word(ctx, head, seg.units[u].block) && completes(ctx, head, seg.units[u].block)))
            // So is a heading no longer than a line of the title that parts a sentence of the story:
            // a subhead opens a paragraph, the title's wrapped line was read beside the column.
            .or_else(|| by_page[..last].iter().find(|&&u| {
                let b = seg.units[u].block;
                seg.units[u].kind == UnitKind::Subhead
                    && parts_sentence(seg, ctx, pl, u)
                    // (A line ending on a dash leads into the title under it, 陈科含——: a
                    // kicker, never a title's rest.)
                    && !ctx.lang.ends_kicker(&ctx.blocks[b].text)
                    && pl.title(seg).is_some_and(|(_, t)| short_rest(ctx, t, b))
                    && !ctx.lang.is_tagged(&ctx.blocks[head].text)
            }));
        let Some(k) = found.and_then(|u| pl.units.iter().position(|v| v == u)) else { continue };
        let u = super::order::take_out(seg, ctx, pl, k);
        pl.tails.push(seg.units[u].block);
    }
    take_tails_at_cuts(seg, ctx, plans);
    fold_textless_tails(seg, ctx, plans);
}

/// A headline's rest read where one story's column ends and the next column of its own story
/// begins ((行走中国) between another story's last line and its story's next paragraph) goes on the
/// title of the story that goes on under it: the engine reads the rest of the title with the
/// columns to its right, so what follows the rest is its story's text, what precedes it another's.
fn take_tails_at_cuts(seg: &Segments, ctx: &Ctx, plans: &mut [Plan]) {
    let owner = unit_owners(plans, seg.units.len());
    for u in 0..seg.units.len().saturating_sub(1) {
        let (Some(i), Some(j)) = (owner[u], owner[u + 1]) else { continue };
        let unit = seg.units[u];
        if i == j || !matches!(unit.kind, UnitKind::Credit | UnitKind::Para) || !is_tail(ctx, unit.block) || !plans[j].tails.is_empty() {
            continue;
        }
        // The title stands above the rest on the page, and the story has text above it too.
        let above = plans[j].seed.is_some_and(|s| seg.seeds[s].at <= u) && plans[j].units.iter().any(|&v| v < u);
        if !above || !title_line(&plans[j], seg).is_some_and(|h| completes(ctx, h, unit.block)) {
            continue;
        }
        let Some(k) = plans[i].units.iter().position(|&v| v == u) else { continue };
        super::order::take_out(seg, ctx, &mut plans[i], k);
        plans[j].tails.push(unit.block);
    }
}

/// A story's headline left with nothing but a headline's rest (矿脉 (体坛观澜), read between two
/// lines of a paragraph; or a short line read with scraps of the title's type, 天 / 展第二月尽工作)
/// goes on the headline of the story whose text stands just above it.
fn fold_textless_tails(seg: &Segments, ctx: &Ctx, plans: &mut Vec<Plan>) {
    let owner = unit_owners(plans, seg.units.len());
    let mut gone = vec![false; plans.len()];
    for i in 0..plans.len() {
        let pl = &plans[i];
        let Some(s) = pl.seed else { continue };
        let seed = &seg.seeds[s];
        let lone = pl.units.is_empty() && pl.adopted.is_empty() && seed.bylines.is_empty();
        // Scraps the engine read with the rest (天 / 展第二月尽工作: 开 misread) go with it.
        let Some((&rest, scraps)) = seed.heads.split_last().filter(|_| lone) else { continue };
        if !scraps.iter().all(|&b| ctx.lang.is_scrap(&ctx.blocks[b].text)) {
            continue;
        }
        // Inside the story: its text stands on both sides of the line.
        let Some(j) = seed.at.checked_sub(1).and_then(|u| owner[u]) else { continue };
        if j == i || gone[j] || !plans[j].tails.is_empty() || owner.get(seed.at).copied().flatten() != Some(j) {
            continue;
        }
        let Some((_, title)) = plans[j].title(seg) else { continue };
        let Some(&head) = title.last() else { continue };
        // A short heading alone amid a story is as often a credit, a note's signature or another
        // story's title (剧照摄影：刘海栋, —编者); read in pieces with scraps, it is big type broken.
        if (is_tail(ctx, rest) || (!scraps.is_empty() && short_rest(ctx, title, rest))) && completes(ctx, head, seed.heads[0]) {
            plans[j].tails.extend_from_slice(&seed.heads);
            gone[i] = true;
        }
    }
    drop_marked(plans, &gone);
}

/// Whether a heading line, read with no text of its own amid a story, is short enough to be the
/// rest of the story's `title` (展第二月尽工作 under 顺利度过月夜; 作 under …保护合): one CJK line
/// that ends no sentence and runs no longer than any of the title's lines (a character's slack),
/// as a title wraps; a title of another story set there runs on (新春走基层 人和家顺事事兴).
fn short_rest(ctx: &Ctx, title: &[BlockId], rest: BlockId) -> bool {
    // Counted without spaces: the engine spaces big type apart (众 更好发挥代表作用).
    let ink = |b: BlockId| ctx.blocks[b].text.chars().filter(|c| !c.is_whitespace()).count();
    let r = &ctx.blocks[rest];
    let shortest = title.iter().map(|&b| ink(b)).min();
    r.cjk && r.n_lines() == 1 && !ctx.lang.ends_sentence(r.text.trim()) && shortest.is_some_and(|n| ink(rest) <= n + 1)
}

/// Whether the heading at unit `u` stands between two paragraphs of the story `pl` (down the page)
/// that are one sentence: the one above ends none, the one below opens inside it (its first line
/// full, where the page's paragraphs open short, or on a mark no sentence opens with).
fn parts_sentence(seg: &Segments, ctx: &Ctx, pl: &Plan, u: usize) -> bool {
    let ours = |v: usize| seg.units[v].kind == UnitKind::Para && pl.units.contains(&v);
    if u == 0 || u + 1 >= seg.units.len() || !ours(u - 1) || !ours(u + 1) {
        return false;
    }
    let (above, below) = (seg.units[u - 1].block, seg.units[u + 1].block);
    ctx.classes[above].open_end && matches!(ctx.classes[below].start, Start::Cont | Start::Mid)
}

/// The last line of the story's title, where it has one.
fn title_line(pl: &Plan, seg: &Segments) -> Option<BlockId> {
    pl.title(seg).and_then(|(_, h)| h.last().copied())
}

fn is_tail(ctx: &Ctx, block: BlockId) -> bool {
    let b = &ctx.blocks[block];
    b.n_lines() == 1 && ctx.lang.is_title_tail(&b.text)
}

/// Whether a heading line read down the story is the rest of its title line `head` by a word cut
/// between them (正风反腐和依 … 法治国最受关注: 依|法治国), not a subhead of the story: one line that
/// ends no sentence, in a language whose words the lexicon knows, the word cut after the title's
/// last character and at least `CUT_WORD_MIN` characters long.
fn ends_word(ctx: &Ctx, head: BlockId, line: BlockId) -> bool {
    let (h, b) = (&ctx.blocks[head], &ctx.blocks[line]);
    let cut = || crate::lang::lexicon::split_word(&h.text, &b.text).is_some_and(|(l, r)| l.chars().count() == 1 && 1 + r.chars().count() >= CUT_WORD_MIN);
    h.cjk && b.cjk && b.n_lines() == 1 && !ctx.lang.ends_sentence(b.text.trim()) && cut()
}

/// Fewest characters of a word cut between a title and a subhead of its story for the subhead to
/// be the title's rest: any two characters may meet as a word across a finished title and a
/// subhead (幸福路 | 向心合力: 路向), a longer word from one left on the title seldom does
/// (依|法治国; a title's whole last word may, 迎春 | 花灯: 迎春花).
const CUT_WORD_MIN: usize = 3;

/// Whether `tail` can finish the headline line `head`: the headline has no column name of its
/// own, and a tail that carries title words goes on a line that has not ended its sentence.
fn completes(ctx: &Ctx, head: BlockId, tail: BlockId) -> bool {
    let (h, t) = (ctx.blocks[head].text.trim(), ctx.blocks[tail].text.trim());
    let closers = &ctx.lang.closers;
    let words_first = !t.starts_with(|c| ctx.lang.openers.contains(&c));
    let tagged = h.ends_with(|c| closers.contains(&c)) || ctx.lang.is_tagged(h);
    let ended = words_first && ctx.lang.ends_sentence(h);
    !tagged && !ended
}

#[cfg(test)]
mod tests {
    use crate::Analysed;
    use super::*;
    use crate::config::Config;
    use crate::lang::LangCode;
    use crate::segment::{Seed, SeedId};

    fn headlines(text: &str) -> Vec<Option<String>> {
        let page = crate::process_page(&crate::Config::default(), "p", None, text.as_bytes()).expect("processed");
        page.articles.iter().map(|a| a.headline.clone()).collect()
    }

    #[test]
    fn a_column_name_read_down_the_story_goes_back_on_its_headline() {
        let text = "讲好文创的时代故事\n\n世界是在各种文明交流交融中才成为今天的模样。当下，大家共同面对的问题是，如何让文化遗产接近青春的心灵。\n\n（新语）\n\n雪后放晴的巴黎，天空绽放令人心动的蓝色。同一天，一项中法合作的文创展览开幕。\n\n文创产品让文物走进生活，也让年轻人爱上传统文化。\n";
        assert_eq!(headlines(text), [Some("讲好文创的时代故事（新语）".to_string())]);
    }

    #[test]
    fn a_title_word_carried_over_with_its_column_name_between_two_lines_of_a_paragraph_goes_back_on_the_headline() {
        // The assignment gave the paragraph's two halves to the story above, leaving the line
        // read between them a headline with no text.
        let page = "体育产业也要摸准\n\n体育产业是一座有待开掘的“富矿”，都需要在市场的检验中不断更新升级。\n\n能否打造为竞赛表演业的精品，在很大程度上取决于能\n\n矿脉（体坛观澜）\n\n否整合各家俱乐部的利益诉求，为球迷提供高水准的观赛体验。\n\n体育产业大有可为已是共识。\n";
        let a = Analysed::of_text(page, LangCode::Zh);
        let ctx = a.ctx(&Config::default());
        let block = |t: &str| a.block_with(t);
        let para = |t: &str| a.unit_with(t, UnitKind::Para);
        let seed = |h: &str, at: usize| Seed { heads: vec![block(h)], bylines: Vec::new(), at, weak: None };
        let seg = Segments { seeds: vec![seed("也要摸准", 0), seed("矿脉", 2)].into(), units: vec![para("富矿"), para("取决于能"), para("否整合"), para("大有可为")] };
        let plan = |seed: Option<usize>, units: Vec<usize>| Plan { seed: seed.map(SeedId::from), join_prev: vec![false; units.len()], units, ..Plan::default() };
        let mut plans = vec![plan(Some(0), vec![0, 1, 2, 3]), plan(Some(1), Vec::new())];
        rejoin_title_tails(&seg, &ctx, &mut plans);
        assert_eq!(plans.len(), 1);
        assert_eq!(plans[0].tails, [block("矿脉")]);
        // Not where the story's text does not stand on both sides of it.
        let mut plans = vec![plan(Some(0), vec![0, 1]), plan(Some(1), Vec::new()), plan(None, vec![2, 3])];
        rejoin_title_tails(&seg, &ctx, &mut plans);
        assert_eq!(plans.len(), 3);
        assert!(plans[0].tails.is_empty());
    }

    #[test]
    fn a_titles_rest_read_in_pieces_amid_its_story_goes_back_on_the_title_a_lone_credit_does_not() {
        // 天 is 开 misread, a scrap of the title's big type read with the rest (开 / 展借书活动); a
        // short heading alone amid the story, with no scrap, is as often a credit.
        for (heads, folded) in [(&["天", "展借书活动"][..], true), (&["剧照摄影：刘海栋"][..], false)] {
            let page = format!("镇上的新图书馆开馆\n\n镇上的新图书馆上周正式开放了，三层楼里摆满两万多册新书。\n\n{}\n\n周末前来借阅的居民排起了长队，馆里每天开放到晚上九点。\n", heads.join("\n\n"));
            let a = Analysed::of_text(&page, LangCode::Zh);
            let ctx = a.ctx(&Config::default());
            let block = |t: &str| a.block_with(t);
            let para = |t: &str| a.unit_with(t, UnitKind::Para);
            let lone = Seed { heads: heads.iter().map(|h| block(h)).collect(), bylines: Vec::new(), at: 1, weak: None };
            let seg = Segments { seeds: vec![Seed { heads: vec![block("开馆")], bylines: Vec::new(), at: 0, weak: None }, lone].into(), units: vec![para("三层楼"), para("排起了长队")] };
            let plan = |seed: usize, units: Vec<usize>| Plan { seed: Some(SeedId::from(seed)), join_prev: vec![false; units.len()], units, ..Plan::default() };
            let mut plans = vec![plan(0, vec![0, 1]), plan(1, Vec::new())];
            rejoin_title_tails(&seg, &ctx, &mut plans);
            assert_eq!(plans.len() == 1, folded, "{heads:?}");
            if folded {
                assert_eq!(plans[0].tails, heads.iter().map(|h| block(h)).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn a_subhead_down_the_story_that_finishes_a_word_the_title_cut_goes_on_the_title() {
        // The title's last line, read after some of the story's text as a subhead: 图书馆 runs
        // across the two (图 | 书馆). A subhead that meets a finished title in a word only by chance
        // (喜迎春 | 花灯: 迎春花) stays a subhead.
        for (title, sub, joined) in [("群众点赞镇上新图", "书馆借阅火爆", true), ("镇上喜迎春", "花灯展吸引市民", false)] {
            let page = format!("{title}\n\n镇上的新图书馆上周正式开放了，三层楼里摆满两万多册新书。\n\n{sub}\n\n周末前来借阅的居民排起了长队，馆里每天开放到晚上九点。\n\n不少家长带着孩子一起来借书。\n");
            let a = Analysed::of_text(&page, LangCode::Zh);
            let ctx = a.ctx(&Config::default());
            let block = |t: &str| a.block_with(t);
            let unit = |t: &str, kind: UnitKind| a.unit_with(t, kind);
            let seg = Segments {
                seeds: vec![Seed { heads: vec![block(title)], bylines: Vec::new(), at: 0, weak: None }].into(),
                units: vec![unit("三层楼", UnitKind::Para), unit(sub, UnitKind::Subhead), unit("排起了长队", UnitKind::Para), unit("带着孩子", UnitKind::Para)],
            };
            let mut plans = vec![Plan { seed: Some(SeedId::from(0)), join_prev: vec![false; 4], units: vec![0, 1, 2, 3], ..Plan::default() }];
            rejoin_title_tails(&seg, &ctx, &mut plans);
            assert_eq!(plans[0].tails == [block(sub)], joined, "{title} | {sub}");
        }
    }

    /// Sets paragraphs in a column `width` characters wide as an OCR engine reads a scan: each
    /// first line short by its lost two-character indent, a blank line after each paragraph.
    fn column(paragraphs: &[&str], width: usize) -> String {
        let mut out = String::new();
        for p in paragraphs {
            let cs: Vec<char> = p.chars().collect();
            let (mut i, mut room) = (0, width - 2);
            while i < cs.len() {
                let end = (i + room).min(cs.len());
                out.extend(&cs[i..end]);
                out.push('\n');
                (i, room) = (end, width);
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn a_heading_no_longer_than_the_title_that_parts_a_sentence_of_the_story_goes_on_the_title() {
        // The title's wrapped line (人气旺了 under “书香小镇”), printed beside the column, read
        // between two lines of a paragraph: the line above ends no sentence, the one below fills
        // the column. Between two paragraphs the heading opens a section; a heading longer than
        // the title's line by more than a character is no wrap of it.
        let story = [
            "镇上的新图书馆上周正式开放了，三层楼里摆满两万多册新书，周末前来借阅的居民排起了长队，不少人一待就是一整天。",
            "馆长介绍，新馆设有少儿阅览区、电子阅览室和自习区，每天开放到晚上九点，方便上班族下班后来看书，节假日也照常开放。",
            "不少家长带着孩子一起来，一位母亲说，以前要坐一个小时的车去县城借书，现在走路十分钟就到了，孩子每个周末都吵着要来。",
            "据了解，图书馆还将每月举办两次读书会，邀请作家和老师与读者交流，今年计划开展各类活动三十场以上，并为行动不便的老人送书上门。",
            "为了建好这座图书馆，镇里前后用了两年时间，先后征求了数百位居民的意见，从书目的选择到座椅的高度，都照顾到不同读者的需要。",
            "镇里还打算在下面的五个村各建一个分馆，和镇上的新馆通借通还，让住得远的村民也能在家门口借到想看的书，明年春天前全部建成。",
        ];
        let cut = column(&story[3..4], 15);
        let lines: Vec<&str> = cut.lines().collect();
        let amid = |sub: &str| format!("{}\n\n{sub}\n\n{}\n\n", lines[..2].join("\n"), lines[2..].join("\n").trim());
        let between = |sub: &str| format!("{cut}{sub}\n\n");
        // Spaces the engine set between big characters do not count (人气 越来越旺了 is no longer).
        let cases = [
            (amid("人气旺了"), "人气旺了", true),
            (amid("人气 越来越旺了"), "人气 越来越旺了", true),
            (between("人气旺了"), "人气旺了", false),
            (amid("城乡居民读书热情高涨"), "城乡居民读书热情高涨", false),
            (amid("馆长李明——"), "馆长李明——", false),
        ];
        for (part, sub, joined) in cases {
            let page = format!("“书香小镇”\n\n{}{part}{}", column(&story[..3], 15), column(&story[4..], 15));
            let a = Analysed::of_text(&page, LangCode::Zh);
            let ctx = a.ctx(&Config::default());
            let block = |t: &str| a.block_with(t);
            let unit = |t: &str, kind: UnitKind| a.unit_with(t, kind);
            let mut units = vec![unit("两万多册", UnitKind::Para), unit("少儿阅览区", UnitKind::Para), unit("县城借书", UnitKind::Para), unit("两次读书会", UnitKind::Para), unit(sub, UnitKind::Subhead)];
            if joined || sub != "人气旺了" {
                units.push(unit("老人送书", UnitKind::Para));
            }
            units.extend([unit("座椅的高度", UnitKind::Para), unit("通借通还", UnitKind::Para)]);
            let n = units.len();
            let seg = Segments { seeds: vec![Seed { heads: vec![block("书香小镇")], bylines: Vec::new(), at: 0, weak: None }].into(), units };
            let mut plans = vec![Plan { seed: Some(SeedId::from(0)), join_prev: vec![false; n], units: (0..n).collect(), ..Plan::default() }];
            rejoin_title_tails(&seg, &ctx, &mut plans);
            assert_eq!(plans[0].tails == [block(sub)], joined, "{sub}: {part}");
        }
    }

    #[test]
    fn a_column_name_read_where_another_storys_column_ends_goes_on_the_title_of_the_story_under_it() {
        // The rest (（乡村笔记）) was read between the other story's last line and its own story's
        // next column; a note closing the other story (opening on 本) stays where it is.
        for (line, moved) in [("（乡村笔记）", true), ("（本报记者李明采访整理）", false)] {
            let page = format!("山村里的新书屋\n\n镇上的新书屋上周正式开放了，三层楼里摆满两万多册新书。\n\n老街换新颜\n\n老街的石板路修好了，沿街的铺子也重新开了张。\n\n{line}\n\n周末前来借阅的居民排起了长队，馆里每天开放到晚上九点。\n");
            let a = Analysed::of_text(&page, LangCode::Zh);
            let ctx = a.ctx(&Config::default());
            let block = |t: &str| a.block_with(t);
            let unit = |t: &str, kind: UnitKind| a.unit_with(t, kind);
            let seed = |h: &str, at: usize| Seed { heads: vec![block(h)], bylines: Vec::new(), at, weak: None };
            let seg = Segments {
                seeds: vec![seed("新书屋", 0), seed("老街换新颜", 1)].into(),
                units: vec![unit("三层楼", UnitKind::Para), unit("石板路", UnitKind::Para), unit(line, UnitKind::Credit), unit("排起了长队", UnitKind::Para)],
            };
            let plan = |seed: usize, units: Vec<usize>| Plan { seed: Some(SeedId::from(seed)), join_prev: vec![false; units.len()], units, ..Plan::default() };
            let mut plans = vec![plan(0, vec![0, 3]), plan(1, vec![1, 2])];
            rejoin_title_tails(&seg, &ctx, &mut plans);
            assert_eq!(plans[0].tails == [block(line)], moved, "{line}");
            assert_eq!(plans[1].units.len(), if moved { 1 } else { 2 }, "{line}");
        }
    }

    #[test]
    fn a_note_in_brackets_closing_the_story_stays_where_it_is() {
        let text = "回家的路越走越顺\n\n春运是一场人口大迁徙，也是观察中国发展的窗口。回家的路越走越顺，离不开交通网络的完善。\n\n从绿皮车到高铁，变化的是速度，不变的是团圆的期盼。\n\n（本系列评论到此结束）\n";
        assert_eq!(headlines(text), [Some("回家的路越走越顺".to_string())]);
    }
}
