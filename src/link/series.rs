//! Series: reports under one rubric, each titled in parallel over its own byline, taken into one
//! article as the paper publishes them.

use super::{Ctx, Plan, Report};
use crate::blocks::BlockId;
use crate::segment::{SeedId, Segments, UnitKind};
use crate::sets::Sets;
use rustc_hash::FxHashMap;

/// What marks a headline group as an item of a series: a line of parallel halves (高升村 步步高:
/// each half a few characters, all alike in length, or the exact lengths of another item's), or
/// the language's kicker-over-title pair (河南卢氏县兴贤里社区—— over “…”), or a short label over
/// the title (云南昆明 over 五彩缤纷年宵花, 新技术 over 航班行李可全程追踪), as reports under one
/// rubric (非遗年集·花市, 2019春运一线) are labelled by place or by topic.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum SeriesMark {
    Even,
    Halves(Vec<usize>),
    KickerTitle,
    Label,
}

/// Longest label over a series report's title.
const SERIES_LABEL_MAX: usize = 4;
/// Longest half of a series title.
const SERIES_HALF_MAX: usize = 8;
/// Halves alike in length and this short or shorter mark a series in two stories; other halves
/// only in three stories alike, for headlines of two matched phrases are common (微笑缩短距离
/// 服务延伸真情 / 关注家庭和谐 守护心理健康 are two stories).
const SERIES_EVEN_MAX: usize = 5;

fn series_marks(heads: &[BlockId], ctx: &Ctx) -> Vec<SeriesMark> {
    let mut marks = Vec::new();
    for &h in heads {
        let parts = heading_shape(ctx, h);
        if parts.len() >= 2 && parts.iter().all(|&n| (2..=SERIES_HALF_MAX).contains(&n)) {
            marks.push(if parts.iter().all(|&n| n == parts[0] && n <= SERIES_EVEN_MAX) { SeriesMark::Even } else { SeriesMark::Halves(parts) });
        }
    }
    if let [kicker, title] = &ctx.lang.series_item[..]
        && heads.windows(2).any(|w| kicker.is_match(ctx.blocks[w[0]].text.trim()) && title.is_match(ctx.blocks[w[1]].text.trim()))
    {
        marks.push(SeriesMark::KickerTitle);
    }
    if heads.windows(2).any(|w| is_label(ctx, w[0]) && ctx.blocks[w[1]].stats.chars > ctx.blocks[w[0]].stats.chars) {
        marks.push(SeriesMark::Label);
    }
    marks
}

/// A short label set over a report's title (云南昆明, 新技术): a few CJK characters, no mark.
fn is_label(ctx: &Ctx, h: BlockId) -> bool {
    let t = ctx.blocks[h].text.trim();
    ctx.blocks[h].cjk && (2..=SERIES_LABEL_MAX).contains(&t.chars().count()) && t.chars().all(crate::lang::is_cjk)
}

/// Reports of a series (新春走基层: items under one rubric, each titled in parallel over its own
/// byline) are one article, as the paper publishes them: the article of the report whose headline
/// group carries the rubric (else the first) takes the others as parts in page order.
pub(super) fn merge_series(seg: &Segments, ctx: &Ctx, plans: &mut Vec<Plan>) {
    // Without a kicker/title pattern, only CJK titles' halves can mark a series.
    if ctx.lang.series_item.is_empty() && !ctx.lang.code.is_cjk() {
        return;
    }
    // Titled, bylined stories and what marks them.
    let items: Vec<(usize, SeedId, Vec<SeriesMark>)> = plans
        .iter()
        .enumerate()
        .filter_map(|(i, pl)| {
            let s = pl.seed?;
            let seed = &seg.seeds[s];
            // Signed by a byline, or by the dispatch the report opens with (本报上海2月10日电（记者X）).
            let signed = !seed.bylines.is_empty()
                || pl.units.first().is_some_and(|&u| seg.units[u].kind == UnitKind::Para && ctx.classes[seg.units[u].block].opens_story());
            (!seed.heads.is_empty() && signed && !pl.units.is_empty()).then(|| (i, s, series_marks(&seed.heads, ctx)))
        })
        .filter(|(_, _, m)| !m.is_empty())
        .collect();
    let mut count: FxHashMap<&SeriesMark, usize> = FxHashMap::default();
    for (_, _, marks) in &items {
        for m in marks.iter().collect::<rustc_hash::FxHashSet<_>>() {
            *count.entry(m).or_default() += 1;
        }
    }
    let series = |m: &SeriesMark| count[m] >= if matches!(m, SeriesMark::Halves(_)) { 3 } else { 2 };
    // Stories that share a mark making a series are reports of one series; a page may hold two.
    let mut sets = Sets::new(items.len());
    let mut first_with: FxHashMap<&SeriesMark, usize> = FxHashMap::default();
    for (k, (_, _, marks)) in items.iter().enumerate() {
        for m in marks.iter().filter(|m| series(m)) {
            sets.join(*first_with.entry(m).or_insert(k), k);
        }
    }
    // A story with no such mark stays a group of one, and one is no series.
    let mut groups: FxHashMap<usize, Vec<(usize, SeedId)>> = FxHashMap::default();
    for (k, &(i, s, _)) in items.iter().enumerate() {
        groups.entry(sets.root(k)).or_default().push((i, s));
    }
    let mut groups: Vec<Vec<(usize, SeedId)>> = groups.into_values().filter(|g| g.len() >= 2).collect();
    groups.sort_unstable();
    let mut gone: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
    for members in groups {
        gone.extend(merge_reports(seg, plans, members));
    }
    let mut i = 0;
    plans.retain(|_| {
        i += 1;
        !gone.contains(&(i - 1))
    });
}

/// Takes the reports of one series (plan index, seed) into one article; returns the plans emptied.
fn merge_reports(seg: &Segments, plans: &mut [Plan], mut members: Vec<(usize, SeedId)>) -> Vec<usize> {
    members.sort_by_key(|&(_, s)| seg.seeds[s].at);
    // The reports' own headline groups are this many lines (the lower median); a group with
    // more carries the rubric above its report's title and heads the article, wherever the
    // reading order put it. Else the first report does.
    let mut lens: Vec<usize> = members.iter().map(|&(_, s)| seg.seeds[s].heads.len()).collect();
    lens.sort_unstable();
    let item_len = lens[(lens.len() - 1) / 2];
    if let Some(k) = members.iter().position(|&(_, s)| seg.seeds[s].heads.len() > item_len) {
        let rubric = members.remove(k);
        members.insert(0, rubric);
    }
    let (home, home_seed) = members[0];
    let home_heads = &seg.seeds[home_seed].heads;
    let mut merged = std::mem::take(&mut plans[home]);
    if home_heads.len() > item_len {
        let keep = home_heads.len() - item_len;
        merged.own_heads = Some(keep);
        // Its bylines stay the article's too (the emitter lists each once).
        merged.reports.push(Report { at: 0, heads: home_heads[keep..].to_vec(), bylines: seg.seeds[home_seed].bylines.clone() });
    }
    for &(i, s) in &members[1..] {
        let item = std::mem::take(&mut plans[i]);
        let at = merged.units.len();
        let mut heads = seg.seeds[s].heads.clone();
        for &a in &item.adopted {
            heads.extend(&seg.seeds[a].heads);
        }
        merged.reports.push(Report { at, heads, bylines: seg.seeds[s].bylines.clone() });
        merged.units.extend(&item.units);
        merged.join_prev.extend(item.join_prev.iter().enumerate().map(|(k, &j)| k > 0 && j));
        merged.continuations.extend(item.continuations);
        for f in item.flags {
            if !merged.flags.contains(&f) {
                merged.flags.push(f);
            }
        }
        merged.confidence = merged.confidence.min(item.confidence);
        merged.reports.extend(item.reports.into_iter().map(|p| Report { at: p.at + at, ..p }));
    }
    merged.flags.push(format!("series of {} reports", members.len()));
    plans[home] = merged;
    members[1..].iter().map(|&(i, _)| i).collect()
}

/// A CJK heading's halves, by characters (`heading_halves`: the parts a wide gap separates, else
/// those single spaces do). Nothing for a Latin heading.
pub(super) fn heading_shape(ctx: &Ctx, block: BlockId) -> Vec<usize> {
    let b = &ctx.blocks[block];
    if !b.cjk {
        return Vec::new();
    }
    crate::clean::cjk::heading_halves(b.text.trim()).map(|p| p.chars().filter(|c| !c.is_whitespace()).count()).collect()
}
