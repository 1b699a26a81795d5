//! After the assignment: the seeds its labels call for. Text sharing nothing with its story split
//! off as a story whose headline is missing, lone headings over straying sections promoted to
//! headlines, and lone headings that won no text demoted to subheads.

use super::prepare::rebuild;
use super::series::heading_shape;
use super::{Ctx, Labelling};
use crate::blocks::BlockId;
use crate::model::cohesion::{sim, Bag, PartOf};
use crate::segment::{merge_bags, SeedId, Segments, UnitKind};
use rustc_hash::FxHashMap;
use typed_index_collections::TiVec;


/// Text that shares (almost) nothing with the rest of its story is a story of its own whose
/// headline is missing: the assignment only had the seeded stories to give it to. Such text is a
/// run of the story's units that stands apart from the rest of it on the page (after other stories'
/// text) and starts a fresh paragraph, or the tail of a run after a finished paragraph.
pub(super) fn split_headless_runs(l: &mut Labelling, ctx: &Ctx) {
    // Where the page's geometry found headline type, its headline groups are where stories
    // start: a section under a heading in body type, however far its topic from the rest, is a
    // part of the story (a composite report), not a story whose headline is missing.
    if ctx.driven() {
        return;
    }
    let (seg, hmm, labels) = (&l.seg, &l.hmm, &l.labels);
    let n = hmm.len();
    let n_seeds = seg.seeds.len();
    let headless = seg.seeds.next_key();
    let (tau, min_chars) = (ctx.params.detach_tau, ctx.params.detach_min_chars);
    let seeds_upto = seeds_upto(seg);
    let seed_between = |lo: usize, hi: usize| seeds_upto[hi] > seeds_upto[lo];
    let block = |k: usize| seg.units[hmm[k]].block;
    // Runs of units in page order that share a story with nothing between them.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < n {
        let mut j = k + 1;
        while j < n && labels[j] == labels[k] && !seed_between(hmm[j - 1], hmm[j]) {
            j += 1;
        }
        runs.push((k, j));
        k = j;
    }
    // Each story's units, and its runs: a part of a story is weighed against the whole story (its
    // text and headline) less that part.
    // And how many paragraphs each story has, so a split can leave it some.
    let mut members: TiVec<SeedId, Vec<BlockId>> = vec![Vec::new(); n_seeds].into();
    let mut paras: TiVec<SeedId, usize> = vec![0; n_seeds].into();
    let mut story_chars: TiVec<SeedId, u32> = vec![0; n_seeds].into();
    for k in 0..n {
        if labels[k] < headless {
            members[labels[k]].push(block(k));
            paras[labels[k]] += usize::from(seg.units[hmm[k]].kind == UnitKind::Para);
            story_chars[labels[k]] += ctx.blocks[block(k)].stats.chars;
        }
    }
    let mut runs_of: TiVec<SeedId, Vec<usize>> = vec![Vec::new(); n_seeds].into();
    for (r, &(lo, _)) in runs.iter().enumerate() {
        if labels[lo] < headless {
            runs_of[labels[lo]].push(r);
        }
    }
    let (tau2, min2) = (ctx.params.topic_tau, ctx.params.topic_min_chars);
    let parallel = parallel_subheads(seg, ctx, hmm, labels);
    let mut scan = PartOf::new(ctx.idf, ctx.n_features);
    let mut new: Vec<(usize, usize)> = Vec::new();
    for a in seg.seeds.keys() {
        // A rubric's notices share few words with each other by nature: none is a story astray.
        if members[a].is_empty() || seg.seeds[a].is_rubric(ctx.classes) {
            continue;
        }
        scan.set_whole(members[a].iter().chain(&seg.seeds[a].heads).map(|&b| &ctx.bags[b]));
        let first_new = new.len();
        // Within a run: where a finished paragraph is followed by a fresh one and what follows (to
        // the run's end) shares almost nothing with the rest of the story, a story without its
        // headline begins; the lowest such point in a run, if any. The tail grows from the run's end.
        if tau2 > 0.0 {
            for &r in &runs_of[a] {
                let (lo, hi) = runs[r];
                scan.clear_part();
                let mut chars = 0u32;
                let mut best: Option<(f32, usize)> = None;
                let mut tail_paras = 0;
                let par_from = (lo..hi).find(|&k| parallel[k]);
                // Where the page allows a story to begin (a finished paragraph, then a fresh one,
                // not past parallel subheads); the tail need grow no further than the first.
                let may_split = |m: usize| {
                    seg.units[hmm[m]].kind == UnitKind::Para
                        && !ctx.classes[block(m - 1)].open_end
                        && !ctx.classes[block(m)].start.continues()
                        && par_from.is_none_or(|p| m <= p)
                };
                let Some(first) = (lo + 1..hi).find(|&m| may_split(m)) else { continue };
                for m in (first..hi).rev() {
                    scan.add(&ctx.bags[block(m)]);
                    chars += ctx.blocks[block(m)].stats.chars;
                    tail_paras += usize::from(seg.units[hmm[m]].kind == UnitKind::Para);
                    // The story must keep some text of its own: a headline over nothing but a
                    // standing label (核心阅读) is not a story whose text went astray. And enough
                    // of it to be weighed: a one-line lead (越是细微处，越是见真情。) shares no
                    // words with any body, however much the body is its own.
                    if tail_paras == paras[a] || story_chars[a] - chars < ctx.params.lead_min {
                        continue;
                    }
                    let (pb, b) = (block(m - 1), block(m));
                    if seg.units[hmm[m]].kind != UnitKind::Para || ctx.classes[pb].open_end || ctx.classes[b].start.continues() || chars < min2 {
                        continue;
                    }
                    // Past the first of a set of parallel subheads: sections each on its own side
                    // of the topic, as their siblings are.
                    if par_from.is_some_and(|p| m > p) {
                        continue;
                    }
                    let s = scan.sim();
                    if s < tau2 && best.is_none_or(|(bs, _)| s <= bs) {
                        best = Some((s, m));
                    }
                }
                if let Some((_, m)) = best {
                    new.push((m, hi));
                }
            }
        }
        for &r in &runs_of[a] {
            let (lo, hi) = runs[r];
            // The run right under the story's seed is where the story starts, not a stray part of it.
            let seed_at = seg.seeds[a].at;
            if hmm[lo] >= seed_at && !(seed_at..hmm[lo]).any(|x| matches!(seg.units[x].kind, UnitKind::Para | UnitKind::Subhead)) {
                continue;
            }
            // Only a run after other stories' text: one right after the story's own text goes on
            // past a heading.
            let prev_other = r > 0 && labels[runs[r - 1].0] != a;
            if !prev_other || ctx.classes[block(lo)].start.continues() || seg.units[hmm[lo]].kind != UnitKind::Para {
                continue;
            }
            // A paragraph opening on a connective (实际上，…, However, …) goes on with an argument
            // made above it: it opens no story.
            if ctx.lang.opens_on_connective(&ctx.blocks[block(lo)].text) {
                continue;
            }
            let chars: u32 = (lo..hi).map(|x| ctx.blocks[block(x)].stats.chars).sum();
            // The story must have something besides this run to be weighed against.
            if chars < min_chars || (members[a].len() == hi - lo && seg.seeds[a].heads.is_empty()) {
                continue;
            }
            scan.clear_part();
            for x in lo..hi {
                scan.add(&ctx.bags[block(x)]);
            }
            if scan.sim() < tau && !new[first_new..].iter().any(|&(l, h)| l < hi && lo < h) {
                new.push((lo, hi));
            }
        }
    }
    if new.is_empty() {
        return;
    }
    // Headless seeds at the runs' first units; old seeds keep their order around them. (Each
    // entry's last number is an old seed's, or for a fresh one its run's in `new`.)
    let mut order: Vec<(usize, bool, usize)> = seg.seeds.iter_enumerated().map(|(s, seed)| (seed.at, false, usize::from(s))).collect();
    new.sort_unstable();
    order.extend(new.iter().enumerate().map(|(i, &(lo, _))| (hmm[lo], true, i)));
    // At one position a new seed goes after the old ones: they stand above the unit it opens at.
    order.sort_by_key(|&(at, fresh, i)| (at, fresh, i));
    let mut seeds: TiVec<SeedId, _> = TiVec::with_capacity(order.len());
    let mut old_to_new: TiVec<SeedId, SeedId> = vec![headless; n_seeds + 1].into();
    let mut fresh_to_new = vec![headless; new.len()];
    for &(at, fresh, i) in &order {
        let idx = seeds.next_key();
        if fresh {
            fresh_to_new[i] = idx;
            seeds.push(crate::segment::Seed { heads: Vec::new(), bylines: Vec::new(), at, weak: None });
        } else {
            let i = SeedId::from(i);
            old_to_new[i] = idx;
            seeds.push(seg.seeds[i].clone());
        }
    }
    old_to_new[headless] = seeds.next_key();
    let mut labels2: Vec<SeedId> = labels.iter().map(|&a| old_to_new[a]).collect();
    for (i, &(lo, hi)) in new.iter().enumerate() {
        for x in &mut labels2[lo..hi] {
            *x = fresh_to_new[i];
        }
    }
    // The units stay as they are: the new seeds stand at units already there.
    l.seg.seeds = seeds;
    l.labels = labels2;
}

/// For each unit position, how many seeds stand at or before it: whether a seed stands between two
/// positions is then one subtraction, not a scan of the seeds.
fn seeds_upto(seg: &Segments) -> Vec<usize> {
    let mut upto = vec![0usize; seg.units.len() + 1];
    for sd in &seg.seeds {
        if let Some(x) = upto.get_mut(sd.at) {
            *x += 1;
        }
    }
    for pos in 1..upto.len() {
        upto[pos] += upto[pos - 1];
    }
    upto
}

/// A lone heading taken for a subhead whose section shares (almost) nothing with the rest of its
/// story was a headline after all: the section becomes a story of its own under it. Judged with the
/// whole story's text, which a heading's neighbourhood alone cannot give.
pub(super) fn split_weak_sections(l: &mut Labelling, ctx: &Ctx) {
    // A page whose geometry found headline type heads no story with a heading in body type (see
    // `split_headless_runs`).
    if ctx.driven() {
        return;
    }
    let (seg, hmm, labels) = (&l.seg, &l.hmm, &l.labels);
    let n = hmm.len();
    let seeds_upto = seeds_upto(seg);
    let seed_between = |lo: usize, hi: usize| seeds_upto[hi] > seeds_upto[lo];
    let mut promote: Vec<(usize, Vec<usize>)> = Vec::new();
    let parallel = parallel_subheads(seg, ctx, hmm, labels);
    // Subheads of stories longer than `LONG_STORY` units: (story, subhead, section's text, section).
    let mut long: Vec<(SeedId, usize, Bag, Vec<usize>)> = Vec::new();
    // Each story's units in page order: the rest of a story is found among its own units, not by
    // a walk over the page's for every subhead.
    let headless = seg.seeds.next_key();
    let mut story_units: TiVec<SeedId, Vec<usize>> = vec![Vec::new(); seg.seeds.len() + 1].into();
    // How many subheads each story has: a story's only one is judged more readily a title.
    let mut subheads: TiVec<SeedId, usize> = vec![0; seg.seeds.len() + 1].into();
    for (x, &a) in labels.iter().enumerate() {
        story_units[a].push(x);
        subheads[a] += usize::from(seg.units[hmm[x]].kind == UnitKind::Subhead);
    }
    // A story's only subhead is held to a higher bar if it reads as a whole title: not a label
    // that leads into the text under it on a dash (河南卢氏县兴贤里社区——), nor a piece of a
    // headline broken across lines, whose brackets the other piece opens or closes (先锋风采）),
    // nor a quotation set off in a feature, which quotes the text around it, nor a label of a few
    // letters (a name, a figure: 63, 296户), nor a line whose sentence goes on under it.
    let tau = |a: SeedId, b: BlockId, below: BlockId| {
        let t = ctx.blocks[b].text.trim();
        let quoted = t.starts_with('“') && t.ends_with('”');
        let (open, close) = crate::classify::PAIRS[crate::classify::ROUND];
        let whole = !t.ends_with(['—', '-']) && !quoted && t.matches(open).count() == t.matches(close).count()
            && t.chars().filter(|c| c.is_alphabetic()).count() >= ctx.params.lone_title_min as usize
            && !ctx.classes[below].start.continues();
        if subheads[a] == 1 && whole { ctx.params.split_lone_tau.max(ctx.params.split_tau) } else { ctx.params.split_tau }
    };
    for k in 0..n {
        let unit = seg.units[hmm[k]];
        if unit.kind != UnitKind::Subhead || unit.weak.is_none() {
            continue;
        }
        // Numbered like a section (二, 三、, （四）): a part of the story, however far its text strays.
        if ctx.lang.is_section_numbered(&ctx.blocks[unit.block].text) {
            continue;
        }
        // One of a set of parallel subheads: sibling sections, each on its own side of the topic.
        if parallel[k] {
            continue;
        }
        let a = labels[k];
        let mut section = Vec::new();
        let mut j = k + 1;
        while j < n && labels[j] == a && seg.units[hmm[j]].kind == UnitKind::Para && !seed_between(hmm[j - 1], hmm[j]) {
            section.push(j);
            j += 1;
        }
        if section.is_empty() {
            continue;
        }
        // The rest of the story: its units but the subhead and its section (the run right after it).
        if story_units[a].len() <= j - k {
            continue;
        }
        let sec_bag = merge_bags(&section.iter().map(|&x| seg.units[hmm[x]].block).collect::<Vec<_>>(), ctx.bags);
        if story_units[a].len() > LONG_STORY {
            long.push((a, k, sec_bag, section));
            continue;
        }
        let mut rest_blocks: Vec<BlockId> = story_units[a].iter().copied().filter(|&x| x != k && !(k + 1..j).contains(&x)).map(|x| seg.units[hmm[x]].block).collect();
        crate::work::add(story_units[a].len() as u64);
        if a < headless {
            rest_blocks.extend(&seg.seeds[a].heads);
        }
        let s = sim(&sec_bag, &merge_bags(&rest_blocks, ctx.bags), ctx.idf);
        if s < tau(a, unit.block, seg.units[hmm[section[0]]].block) {
            promote.push((k, section));
        }
    }
    // A long story's sections are weighed against the story's whole text less each section,
    // added up once per story, not once per subhead (a story of thousands of subheads was
    // quadratic). The same cosine, in another order of addition.
    long.sort_by_key(|x| (x.0, x.1));
    let mut total = PartOf::new(ctx.idf, ctx.n_features);
    let mut last = None;
    for (a, k, sec_bag, section) in long {
        if last != Some(a) {
            let heads = if a < headless { seg.seeds[a].heads.as_slice() } else { &[] };
            total.set_whole(story_units[a].iter().map(|&x| &ctx.bags[seg.units[hmm[x]].block]).chain(heads.iter().map(|&h| &ctx.bags[h])));
            crate::work::add(story_units[a].len() as u64);
            last = Some(a);
        }
        let s = total.sim_less(&sec_bag, &ctx.bags[seg.units[hmm[k]].block]);
        if s < tau(a, seg.units[hmm[k]].block, seg.units[hmm[section[0]]].block) {
            promote.push((k, section));
        }
    }
    promote.sort_by_key(|x| x.0);
    if promote.is_empty() {
        return;
    }
    // New seeds for the promoted headings; old seed indices shift to make room in page order.
    let n_seeds = seg.seeds.len();
    // Each seed with its old id (none for a new one), in the new order once sorted.
    let mut seeds: TiVec<SeedId, (crate::segment::Seed, Option<SeedId>)> = seg.seeds.iter_enumerated().map(|(i, s)| (s.clone(), Some(i))).collect();
    // Ascending, as `promote` is in page order: looked up by bisection.
    let promoted_units: Vec<usize> = promote.iter().map(|(k, _)| hmm[*k]).collect();
    // Positions are recomputed below; `at` here is in old unit numbering.
    for &(k, _) in &promote {
        let u = hmm[k];
        seeds.push((crate::segment::Seed { heads: vec![seg.units[u].block], bylines: Vec::new(), at: u, weak: None }, None));
    }
    seeds.sort_by_key(|(s, _)| (s.at, s.heads.first().or(s.bylines.first()).copied()));
    let mut old_to_new: TiVec<SeedId, SeedId> = vec![seeds.next_key(); n_seeds + 1].into();
    let mut unit_to_new_seed: Vec<(usize, SeedId)> = Vec::new();
    for (i, (s, old)) in seeds.iter_enumerated() {
        match old {
            Some(o) => old_to_new[*o] = i,
            None => unit_to_new_seed.push((s.at, i)),
        }
    }
    // (The story under no headline, after the last seed, is there already.)
    let mut new_label: Vec<SeedId> = labels.iter().map(|&a| old_to_new[a]).collect();
    for (k, section) in &promote {
        // In position order, as the seeds were sorted.
        let seed_idx = unit_to_new_seed.binary_search_by_key(&hmm[*k], |x| x.0).map(|i| unit_to_new_seed[i].1).expect("promoted seed");
        for &x in section {
            new_label[x] = seed_idx;
        }
    }
    // Drop the promoted subhead units and renumber unit positions.
    let mut out = Segments::default();
    let mut index = vec![0usize; seg.units.len() + 1];
    for (u, unit) in seg.units.iter().enumerate() {
        index[u] = out.units.len();
        if promoted_units.binary_search(&u).is_err() {
            out.units.push(*unit);
        }
    }
    index[seg.units.len()] = out.units.len();
    out.seeds = seeds
        .into_iter()
        .map(|(mut s, _)| {
            s.at = index[s.at];
            s
        })
        .collect();
    let mut hmm2 = Vec::new();
    let mut labels2 = Vec::new();
    for (k, &u) in hmm.iter().enumerate() {
        if promoted_units.binary_search(&u).is_ok() {
            continue;
        }
        hmm2.push(index[u]);
        labels2.push(new_label[k]);
    }
    *l = Labelling { seg: out, hmm: hmm2, labels: labels2 };
}

/// A story of more units than this (none on an ordinary page) has its sections weighed against
/// its whole text once, not its text gathered again for each subhead.
const LONG_STORY: usize = 512;

/// Longest part of a parallel subhead: sibling sections are named in a few words (看点二, 民俗多乐趣);
/// two long headings of one length are a coincidence.
const PARALLEL_PART_MAX: usize = 12;

/// For each unit in `hmm`: a subhead set in parallel with another subhead of its story (民俗多乐趣 /
/// 出游添新彩: as many characters in each half, see `heading_shape`), so one of a set of sibling
/// sections. A column-named title (…（人民论坛）) is never a sibling section.
fn parallel_subheads(seg: &Segments, ctx: &Ctx, hmm: &[usize], labels: &[SeedId]) -> Vec<bool> {
    let key = |k: usize| {
        let b = seg.units[hmm[k]].block;
        (seg.units[hmm[k]].kind == UnitKind::Subhead && !ctx.lang.is_tagged(&ctx.blocks[b].text))
            .then(|| (labels[k], heading_shape(ctx, b)))
            .filter(|(_, parts)| !parts.is_empty() && parts.iter().all(|&n| n <= PARALLEL_PART_MAX))
    };
    let keys: Vec<_> = (0..hmm.len()).map(key).collect();
    let mut count: FxHashMap<&(SeedId, Vec<usize>), u32> = FxHashMap::default();
    for k in keys.iter().flatten() {
        *count.entry(k).or_default() += 1;
    }
    keys.iter().map(|k| k.as_ref().is_some_and(|k| count[k] >= 2)).collect()
}

/// Lone headings that won no text of their own head sections: they become subhead units of the
/// story that the text under them went to.
pub(super) fn demote_unused_weak(l: &mut Labelling, _ctx: &Ctx) {
    let seg = &l.seg;
    let mut used: TiVec<SeedId, bool> = vec![false; seg.seeds.len() + 1].into();
    for &a in &l.labels {
        used[a] = true;
    }
    let demoted: TiVec<SeedId, bool> = seg.seeds.iter_enumerated().map(|(s, seed)| seed.weak.is_some() && !used[s]).collect();
    *l = rebuild(seg, &l.hmm, &l.labels, &demoted);
}

#[cfg(test)]
mod tests {
    use crate::Analysed;
    use super::*;
    use crate::config::Config;
    use crate::lang::LangCode;

    const WATERMELONS: &str = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，合作社的黄瓤西瓜陆续成熟上市。\n\n瓜农们每天凌晨就开始采摘西瓜、装箱，黄瓤西瓜皮薄多汁，脆甜清新。\n\n";
    const LIBRARY: &str = "## 图书馆里过暑假\n\n暑假来临，街道图书馆吸引了不少学生前来阅读，阅览区的座位上坐满了学生。\n\n";
    const TIBET: &str = "5年多来，西藏自治区地区生产总值年均增长百分之九以上，城乡居民人均可支配收入持续较快增长，脱贫攻坚取得决定性进展。\n\n全区累计实施重点项目六百二十八个，完成投资四千多亿元，铁路公路机场建设加快推进，交通条件明显改善。\n";

    /// The headless-story splits on a page whose paragraphs the assignment labelled `labels`:
    /// the seeds after, and the labels after.
    fn split_with(page: &str, labels: &[usize]) -> (Vec<crate::segment::Seed>, Vec<usize>) {
        let a = Analysed::of_text(page, LangCode::Zh);
        let seg = a.segments();
        let ctx = a.ctx(&Config::default());
        let hmm: Vec<usize> = (0..seg.units.len()).filter(|&i| seg.units[i].kind == UnitKind::Para).collect();
        assert_eq!(hmm.len(), labels.len());
        let mut l = Labelling { seg, hmm, labels: labels.iter().map(|&a| SeedId::from(a)).collect() };
        split_headless_runs(&mut l, &ctx);
        (l.seg.seeds.raw, l.labels.into_iter().map(usize::from).collect())
    }

    #[test]
    fn a_stray_run_that_shares_nothing_with_its_story_is_a_headless_story() {
        // The last two paragraphs, after the second story's, were given to the first story.
        let (seeds, labels) = split_with(&format!("{WATERMELONS}{LIBRARY}{TIBET}"), &[0, 0, 1, 0, 0]);
        assert!(seeds.len() == 3 && seeds[2].heads.is_empty());
        assert_eq!(labels, [0, 0, 1, 2, 2]);
        // The same run about the first story's watermelons stays with it.
        let more = "西瓜合作社今年种植黄瓤西瓜三百亩，瓜农们每天采摘的西瓜装箱后销往周边城市，脆甜多汁的西瓜很受欢迎。\n\n黄瓤西瓜上市以来供不应求，合作社的瓜农们收入明显增加，盛夏时节的西瓜地里一片忙碌景象。\n";
        let (seeds, labels) = split_with(&format!("{WATERMELONS}{LIBRARY}{more}"), &[0, 0, 1, 0, 0]);
        assert_eq!(seeds.len(), 2);
        assert_eq!(labels, [0, 0, 1, 0, 0]);
    }

    #[test]
    fn a_stray_run_opening_on_a_connective_stays_with_its_story() {
        // 实际上 ("in fact") answers something said above: the run goes on with an argument, in
        // whichever story the assignment put it, and opens none.
        let (seeds, labels) = split_with(&format!("{WATERMELONS}{LIBRARY}实际上，{TIBET}"), &[0, 0, 1, 0, 0]);
        assert_eq!(seeds.len(), 2);
        assert_eq!(labels, [0, 0, 1, 0, 0]);
    }

    #[test]
    fn text_after_a_finished_paragraph_that_shares_nothing_with_its_story_is_a_headless_story() {
        let rail = "\n拉萨至林芝铁路建设进展顺利，全区高等级公路通车里程超过六百公里，民航航线增至一百多条，通达国内外数十个城市。\n";
        let (seeds, labels) = split_with(&format!("{WATERMELONS}{TIBET}{rail}"), &[0, 0, 0, 0, 0]);
        assert!(seeds.len() == 2 && seeds[1].heads.is_empty());
        assert_eq!(labels, [0, 0, 1, 1, 1]);
    }
}
