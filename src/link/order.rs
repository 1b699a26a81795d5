//! Articles from the labels: captions, credits and jump lines placed, each article's fragments
//! chained by their seams into reading order and its paragraphs joined, and headlines found away
//! from their text given to the story they fit.

use super::assign::candidates;
use super::{drop_marked, unit_owners, Continuation, Ctx, Labelling, Plan};
use crate::blocks::Start;
use crate::model::cohesion::{norm2, sim_norm, Bag, Profile};
use crate::model::seam::Seam;
use crate::segment::{merge_bags, Seed, SeedId, Segments, UnitKind};
use typed_index_collections::TiVec;


/// The articles of the labelled units: the units the assignment left out (captions, credits, jump
/// lines) placed, each story's units put in reading order (`order`), and headlines left without
/// text given to a story (`adopt_orphans`).
pub(super) fn plans(l: &Labelling, ctx: &Ctx) -> Vec<Plan> {
    let (seg, hmm, labels) = (&l.seg, &l.hmm, &l.labels);
    let headless = seg.seeds.next_key();
    let n_states = seg.seeds.len() + 1;
    let mut unit_label: Vec<Option<SeedId>> = vec![None; seg.units.len()];
    for (k, &u) in hmm.iter().enumerate() {
        unit_label[u] = Some(labels[k]);
    }
    // Captions go to the story they share words with; credits and "continued on" lines close the
    // text above them; "continued from" lines open the text below.
    let mut by_state: TiVec<SeedId, Vec<usize>> = vec![Vec::new(); n_states].into();
    for (&u, &a) in hmm.iter().zip(labels) {
        by_state[a].push(u);
    }
    // The label of the first assigned unit after each position, and the last seed at or above it.
    let mut next_label: Vec<Option<SeedId>> = vec![None; seg.units.len() + 1];
    for x in (0..seg.units.len()).rev() {
        next_label[x] = if hmm.binary_search(&x).is_ok() { unit_label[x] } else { next_label[x + 1] };
    }
    let mut last_seed: Vec<Option<SeedId>> = vec![None; seg.units.len() + 1];
    for (s, sd) in seg.seeds.iter_enumerated() {
        if sd.at <= seg.units.len() {
            last_seed[sd.at] = last_seed[sd.at].max(Some(s));
        }
    }
    for pos in 1..last_seed.len() {
        last_seed[pos] = last_seed[pos].max(last_seed[pos - 1]);
    }
    // Built for the first caption that needs them: most pages place every caption without.
    let mut profiles: Option<TiVec<SeedId, Profile>> = None;
    let mut near: Vec<SeedId> = Vec::new();
    for u in 0..seg.units.len() {
        if unit_label[u].is_some() {
            continue;
        }
        let prev = (0..u).rev().find_map(|x| unit_label[x]);
        let next = next_label[u + 1];
        let unit = seg.units[u];
        let label = match unit.kind {
            UnitKind::Caption => {
                // A photographer's credit has no words of the photo's story (its agency's name may
                // be another story's word): it goes with the caption it is printed beside, the
                // one under it first.
                let credit = |x: usize| crate::segment::is_photo_credit(seg.units[x].block, ctx.blocks, ctx.classes, ctx.lang);
                let is_caption = |x: usize| seg.units[x].kind == UnitKind::Caption;
                let unit = if credit(u) {
                    let below = (u + 1..seg.units.len()).take_while(|&x| is_caption(x)).find(|&x| !credit(x));
                    let Some(x) = below else {
                        // The caption above it, if any, is placed already: the credit follows it.
                        let above = (0..u).rev().take_while(|&x| is_caption(x)).find(|&x| !credit(x));
                        unit_label[u] = above.and_then(|x| unit_label[x]).or(prev).or(next).or(Some(headless));
                        continue;
                    };
                    seg.units[x]
                } else {
                    unit
                };
                // Each story's units in page order, as `by_state` holds them.
                let profiles = profiles.get_or_insert_with(|| by_state.iter().map(|us| Profile::build(us.iter().map(|&u| &ctx.bags[seg.units[u].block]), ctx.idf)).collect());
                let bag = &ctx.bags[unit.block];
                // The stories near it, as the assignment weighs them (all of them on a page of
                // fewer seeds than the bound).
                candidates(n_states, last_seed[u], ctx.max_candidates, &mut near);
                let best = near
                    .iter()
                    .copied()
                    .map(|a| (profiles[a].sim(bag, ctx.idf, false) + if Some(a) == prev { ctx.params.caption_prev_bonus } else { 0.0 }, a))
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
                match best {
                    Some((s, a)) if s > ctx.params.caption_fit_min => Some(a),
                    _ => prev.or(next),
                }
            }
            UnitKind::Jump if ctx.classes[unit.block].jump.as_ref().is_some_and(|j| j.direction == "from") => next.or(prev),
            _ => prev.or(next),
        };
        unit_label[u] = label.or(Some(headless));
    }

    let mut out: Vec<Plan> = Vec::new();
    by_state = vec![Vec::new(); n_states].into();
    for (u, label) in unit_label.iter().enumerate() {
        if let Some(a) = *label {
            by_state[a].push(u);
        }
    }
    for (a, units) in by_state.iter_enumerated() {
        let seed = if a < headless { Some(a) } else { None };
        if units.is_empty() && seed.is_none() {
            continue;
        }
        let mut plan = order(seg, ctx, units, seed, &unit_label, a);
        plan.seed = seed;
        out.push(plan);
    }
    adopt_orphans(seg, ctx, &mut out);
    out
}

/// Orders one article's units: fragments (runs unbroken by other articles' text) chained by their
/// seams, else in page order; marks paragraphs to join.
fn order(seg: &Segments, ctx: &Ctx, units: &[usize], seed: Option<SeedId>, unit_label: &[Option<SeedId>], me: SeedId) -> Plan {
    let mut plan = Plan::default();
    if units.is_empty() {
        return plan;
    }
    // Fragments: runs of this article's units with no other article's text between, cut after a
    // paragraph that stops mid-sentence and before one that starts mid-sentence (a column broke
    // there, so what follows in the page need not follow in the story).
    let mut frags: Vec<Vec<usize>> = Vec::new();
    let is_para = |u: usize| seg.units[u].kind == UnitKind::Para;
    // Text standing above the article's own headline came from a later column, never before it.
    let head_at = seed.map(|s| seg.seeds[s].at);
    for &u in units {
        let contiguous = frags.last().and_then(|f| f.last()).is_some_and(|&last| {
            (last + 1..u).all(|x| unit_label[x] == Some(me))
                && head_at.is_none_or(|h| !(last + 1..=u).contains(&h))
                && !(is_para(last) && ctx.classes[seg.units[last].block].open_end)
                && !(is_para(u) && ctx.classes[seg.units[u].block].start.continues())
        });
        if contiguous {
            frags.last_mut().expect("non-empty").push(u);
        } else {
            frags.push(vec![u]);
        }
    }
    let first_para = |f: &Vec<usize>| f.iter().copied().find(|&u| seg.units[u].kind == UnitKind::Para);
    let last_para = |f: &Vec<usize>| f.iter().rev().copied().find(|&u| seg.units[u].kind == UnitKind::Para);
    let start = match seed {
        Some(s) => frags.iter().position(|f| f[f.len() - 1] >= seg.seeds[s].at).unwrap_or(0),
        None => frags
            .iter()
            .position(|f| first_para(f).is_none_or(|u| !ctx.classes[seg.units[u].block].start.continues()))
            .unwrap_or(0),
    };
    // Match open ends to the fragments that best continue them (`resume::pair_cuts`).
    let nf = frags.len();
    // The paragraph a fragment may continue, if no subhead stands before it (only captions, credits
    // or jump lines may stand before the text that continues).
    let opens: Vec<Option<usize>> = frags.iter().map(|f| first_para(f).filter(|&yu| !f.iter().take_while(|&&u| u != yu).any(|&u| seg.units[u].kind == UnitKind::Subhead))).collect();
    // The seam from fragment x's last paragraph `xu` into fragment y (scored again for the pairs kept,
    // so the many pairs a long article weighs hold no evidence strings).
    let seam_xy = |x: usize, xu: usize, y: usize, yu: usize| -> Seam {
        let mut s = ctx.seam(seg.units[xu].block, seg.units[yu].block);
        // Straight below the cut: the column went on in place.
        let adjacent = frags[y][0] == frags[x][frags[x].len() - 1] + 1 && xu == frags[x][frags[x].len() - 1];
        if adjacent {
            s.score += ctx.params.adjacent_seam;
            s.evidence.push("adjacent".into());
        }
        s
    };
    // A cut is weighed against the fragments nearest it only (all of them in an article of fewer
    // fragments than the bound), so an article of thousands of fragments costs linear time.
    let reach = ctx.max_candidates.max(1);
    let mut pairs: Vec<(f32, u32, u32)> = Vec::new();
    for x in 0..nf {
        let Some(xu) = last_para(&frags[x]) else { continue };
        if !ctx.classes[seg.units[xu].block].open_end {
            continue;
        }
        for y in x.saturating_sub(reach)..(x + reach + 1).min(nf) {
            if y == x || y == start {
                continue;
            }
            let Some(yu) = opens[y] else { continue };
            let s = seam_xy(x, xu, y, yu);
            // Columns are read in order: a cut goes on further down the page far more often than
            // above it, and most often in the story's very next piece.
            let ahead = if frags[y][0] > frags[x][0] { ctx.params.order_ahead } else { 0.0 };
            let near = ctx.params.near_bonus / (1.0 + (frags[y][0] as f32 - frags[x][0] as f32).abs()) + if y == x + 1 { ctx.params.order_next } else { 0.0 };
            if s.score >= ctx.params.resume_seam_min {
                pairs.push((s.score + ahead + near, x as u32, y as u32));
            }
        }
    }
    let mut succ: Vec<Option<(usize, f32, Seam)>> = vec![None; nf];
    let mut has_pred = vec![false; nf];
    for (x, paired) in super::resume::pair_cuts(nf, pairs, ctx.params.exchange_gain_min).into_iter().enumerate() {
        let Some((y, sc)) = paired else { continue };
        let (xu, yu) = (last_para(&frags[x]).expect("x has a paragraph"), opens[y].expect("y has a paragraph"));
        let mut seam = seam_xy(x, xu, y, yu);
        if y == x + 1 {
            seam.evidence.push("the story's next piece down the page".into());
        } else if frags[y][0] > frags[x][0] {
            seam.evidence.push("further down the page".into());
        }
        succ[x] = Some((y, sc, seam));
        has_pred[y] = true;
    }
    // Walk: the opening fragment, then whatever its seams lead to; where a chain ends, the earliest
    // unplaced fragment after it that no seam claims (else the earliest anywhere).
    let mut seq: Vec<(usize, Option<(f32, Seam)>)> = Vec::new();
    let mut done = vec![false; nf];
    // Unplaced fragments, and those of them no seam claims, in page order (fragments are built in
    // page order): the next chain's start is a lookup, not a scan of the article.
    let mut left: std::collections::BTreeSet<usize> = (0..nf).collect();
    let mut free: std::collections::BTreeSet<usize> = (0..nf).filter(|&f| !has_pred[f]).collect();
    let mut next: Option<(usize, Option<(f32, Seam)>)> = Some((start, None));
    loop {
        while let Some((c, via)) = next.take() {
            if done[c] {
                break;
            }
            done[c] = true;
            left.remove(&c);
            free.remove(&c);
            seq.push((c, via));
            if let Some((y, sc, s)) = succ[c].clone()
                && !done[y] {
                    next = Some((y, Some((sc, s))));
                }
        }
        let last_pos = seq.last().map_or(0, |(f, _)| frags[*f][0]);
        let after = frags.partition_point(|f| f[0] < last_pos);
        let pick = free.range(after..).next().or_else(|| free.iter().next()).or_else(|| left.iter().next()).copied();
        match pick {
            Some(f) => next = Some((f, None)),
            None => break,
        }
    }
    // Flatten, deciding joins at every step between paragraphs (captions, credits and jump lines
    // standing between two pieces of a paragraph do not part them).
    let mut prev_text: Option<usize> = None;
    for (f, via) in seq {
        let mut pending = via;
        let mut first_text = true;
        for &u in &frags[f] {
            let uu = seg.units[u];
            let mut joined = false;
            if matches!(uu.kind, UnitKind::Para | UnitKind::Subhead) {
                if let Some(p) = prev_text {
                    joined = goes_on(seg, ctx, p, u);
                    let jump = first_text;
                    if jump || joined {
                        let (score, evidence) = match (jump, pending.take()) {
                            (true, Some((sc, s))) => (sc, s.evidence),
                            _ => seam_between(seg, ctx, p, u, !jump),
                        };
                        plan.continuations.push(Continuation { from: p, to: u, score, evidence, joined });
                    }
                }
                prev_text = Some(u);
                first_text = false;
            }
            plan.join_prev.push(joined);
            plan.units.push(u);
        }
    }
    plan
}

/// Whether the paragraph at unit `u`, set next after the one at `p`, is the rest of it: `p` stops
/// mid-sentence, or `u` opens inside one, or the page shows the paragraph going on (its line full,
/// or blank lines that are column breaks), and `u` opens no paragraph of its own.
fn goes_on(seg: &Segments, ctx: &Ctx, p: usize, u: usize) -> bool {
    let (pu, uu) = (seg.units[p], seg.units[u]);
    let (pc, uc) = (&ctx.classes[pu.block], &ctx.classes[uu.block]);
    let paras = pu.kind == UnitKind::Para && uu.kind == UnitKind::Para && pc.jump_tail.is_none();
    let runs_on = ctx.blocks[pu.block].last_full || (ctx.column_blanks && ctx.blocks[uu.block].blank_before > 0);
    let cont = pc.open_end || uc.start == Start::Cont || (runs_on && uc.start != Start::Fresh);
    paras && cont && uc.start != Start::Fresh
}

/// Takes the unit at `k` out of the article's text (a heading read amid it that belongs to a
/// title), and joins the paragraphs either side of it where the one goes on into the other: the
/// heading had parted the halves of a sentence (…的关注热度 | 法治国最受关注 | 明显上升…).
pub(super) fn take_out(seg: &Segments, ctx: &Ctx, pl: &mut Plan, k: usize) -> usize {
    let u = pl.remove_unit(k);
    if k > 0 && k < pl.units.len() && !pl.join_prev[k] {
        let (p, v) = (pl.units[k - 1], pl.units[k]);
        if goes_on(seg, ctx, p, v) {
            pl.join_prev[k] = true;
            let (score, evidence) = seam_between(seg, ctx, p, v, true);
            pl.continuations.push(Continuation { from: p, to: v, score, evidence, joined: true });
        }
    }
    u
}

/// The seam's score and evidence from unit `p` to unit `u`; where `u` is set `adjacent` to `p`
/// in the same piece (no column cut between), with the bonus and the word for it.
fn seam_between(seg: &Segments, ctx: &Ctx, p: usize, u: usize, adjacent: bool) -> (f32, Vec<String>) {
    let s = ctx.seam(seg.units[p].block, seg.units[u].block);
    let mut evidence = s.evidence;
    if adjacent {
        evidence.push("adjacent".into());
    }
    (s.score + if adjacent { ctx.params.adjacent_seam } else { 0.0 }, evidence)
}

/// A seed left without text (its headline landed away from its story) goes to the headless article
/// whose text it matches best.
fn adopt_orphans(seg: &Segments, ctx: &Ctx, plans: &mut Vec<Plan>) {
    // Each story's text, merged once (not once per orphan); adopted orphans are dropped at the end
    // (not one by one, which moved the whole list each time). A headline is weighed against the
    // stories among the nearest plans only: all of them on a page of fewer seeds than the bound.
    let bags: Vec<Option<(Bag, f32)>> = plans
        .iter()
        .map(|q| {
            let eligible = !q.units.is_empty() && q.seed.is_none_or(|t| seg.seeds[t].heads.is_empty());
            eligible.then(|| {
                let bag = merge_bags(&q.units.iter().map(|&u| seg.units[u].block).collect::<Vec<_>>(), ctx.bags);
                let norm = norm2(&bag, ctx.idf);
                (bag, norm)
            })
        })
        .collect();
    let reach = ctx.max_candidates.max(1);
    let mut gone = vec![false; plans.len()];
    for i in 0..plans.len() {
        let p = &plans[i];
        let orphan = p.units.is_empty() && p.seed.is_some_and(|s| !seg.seeds[s].heads.is_empty());
        if !orphan {
            continue;
        }
        let s = p.seed.expect("orphan has a seed");
        let head = merge_bags(&seg.seeds[s].heads, ctx.bags);
        let best = (i.saturating_sub(reach)..(i + reach + 1).min(plans.len()))
            .filter(|&j| j != i && !gone[j] && plans[j].adopted.is_empty())
            .filter_map(|j| bags[j].as_ref().map(|(b, nb)| (sim_norm(&head, b, ctx.idf, *nb), j)))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        match best {
            Some((score, j)) if score > ctx.params.adopt_fit_min => {
                plans[j].adopted.push(s);
                plans[j].flags.push(format!("headline found away from its text (cohesion {score:.2})"));
                gone[i] = true;
            }
            _ => plans[i].flags.push("headline without text".into()),
        }
    }
    drop_marked(plans, &gone);
}

/// A story left without a headline that holds a heading with none of its text under it (the next
/// unit down the page is another story's) holds its own headline, printed away from it: the
/// assignment gave the heading to the story whose words it shares, as a subhead. So does one that
/// stands amid a sentence of the story (`cuts_sentence`). It becomes the story's headline (a seed of
/// its own, adopted). Section labels (一、, 核心阅读) stay subheads.
pub(super) fn promote_displaced_heads(seg: &mut Segments, ctx: &Ctx, plans: &mut [Plan]) {
    let owner = unit_owners(plans, seg.units.len());
    for (i, pl) in plans.iter_mut().enumerate() {
        let headless = pl.seed.is_none_or(|s| seg.seeds[s].heads.is_empty()) && pl.adopted.is_empty();
        if !headless {
            continue;
        }
        let displaced = pl.units.iter().position(|&u| {
            let unit = seg.units[u];
            let text = &ctx.blocks[unit.block].text;
            unit.kind == UnitKind::Subhead
                && (owner.get(u + 1).copied().flatten() != Some(i) || cuts_sentence(seg, ctx, u, &owner, i))
                && !ctx.lang.is_section_numbered(text)
                && !ctx.lang.is_standing_label(text)
        });
        let Some(k) = displaced else { continue };
        let u = take_out(seg, ctx, pl, k);
        let s = seg.seeds.push_and_get_key(Seed { heads: vec![seg.units[u].block], bylines: Vec::new(), at: u, weak: None });
        pl.adopted.push(s);
        pl.flags.push("headline found away from its text, among its sections".into());
    }
}

/// Whether the heading at unit `u` stands inside a sentence of its story's text (`story`, by the
/// units' `owner`s): the line above ends no sentence and a word runs from it across the heading into the line below (这或许是爸
/// | 春联的魅力 | 爸写联…). A subhead opens a paragraph; a heading read amid a sentence was printed
/// beside the column, not in it. Told only where the lexicon knows the words (Chinese).
fn cuts_sentence(seg: &Segments, ctx: &Ctx, u: usize, owner: &[Option<usize>], story: usize) -> bool {
    let ours = |v: usize| owner.get(v).copied().flatten() == Some(story);
    if u == 0 || !ours(u - 1) || !ours(u + 1) {
        return false;
    }
    let (prev, next) = (seg.units[u - 1], seg.units[u + 1]);
    let (a, b) = (ctx.blocks[prev.block].text.trim_end(), &ctx.blocks[next.block].text);
    !ctx.lang.ends_sentence(a) && crate::lang::lexicon::split_word(a, b).is_some()
}

#[cfg(test)]
mod tests {
    use crate::Analysed;
    use super::*;
    use crate::config::Config;
    use crate::lang::LangCode;

    #[test]
    fn a_heading_amid_a_sentence_of_a_headless_story_is_its_headline_a_heading_between_paragraphs_a_subhead() {
        // The OCR engine read the story's title, printed beside the column, between two halves of
        // a sentence (…这或许是爸 | 春联的魅力 | 爸写联…). Where the line above ends its sentence,
        // the heading opens a section.
        for (above, promoted) in [("小镇商会每年正月十五都要评选春联，我想，这或许是爸", true), ("小镇商会每年正月十五都要评选春联，这是爸爸的心愿。", false)] {
            let page = format!("镇上家家户户都要贴春联，爸爸总是早早备好红纸和笔墨。\n\n{above}\n\n春联的魅力\n\n爸写联“求质”与小镇春联“趋佳”的原因之一吧！\n\n如今，小镇的春联依旧红火。\n");
            let a = Analysed::of_text(&page, LangCode::Zh);
            let ctx = a.ctx(&Config::default());
            let block = |t: &str| a.block_with(t);
            let unit = |t: &str, kind: UnitKind| a.unit_with(t, kind);
            let mut seg = Segments {
                seeds: TiVec::new(),
                units: vec![unit("红纸", UnitKind::Para), unit(above, UnitKind::Para), unit("春联的魅力", UnitKind::Subhead), unit("原因之一", UnitKind::Para), unit("依旧红火", UnitKind::Para)],
            };
            let mut plans = vec![Plan { join_prev: vec![false; 5], units: (0..5).collect(), ..Plan::default() }];
            promote_displaced_heads(&mut seg, &ctx, &mut plans);
            let title = plans[0].title(&seg).map(|(_, h)| h.to_vec());
            assert_eq!(title == Some(vec![block("春联的魅力")]), promoted, "{above}");
            // Taken out of the text, the heading no longer parts the sentence's halves.
            assert_eq!(plans[0].join_prev[2], promoted, "{above}: {:?}", plans[0].join_prev);
        }
    }

    /// The ordering of the first story on a page of `n` units that alternate between two stories,
    /// the first's units at the even positions, under the first seed.
    fn order_alternating(page: &str, code: LangCode, n: usize) -> Plan {
        let a = Analysed::of_text(page, code);
        let seg = a.segments();
        let ctx = a.ctx(&Config::default());
        assert_eq!(seg.units.len(), n, "{:?}", seg.units);
        let unit_label: Vec<Option<SeedId>> = (0..n).map(|u| Some(SeedId::from(u % 2))).collect();
        let own: Vec<usize> = (0..n).step_by(2).collect();
        order(&seg, &ctx, &own, Some(SeedId::from(0)), &unit_label, SeedId::from(0))
    }

    #[test]
    fn a_cut_goes_on_in_the_next_piece_of_its_story_over_an_earlier_one_a_coincidence_favours() {
        // The watermelon story's units are 0, 2, 4 and 6 (the library's between them). Unit 4 stops
        // mid-sentence; unit 6, the next piece of the story down the page, resumes it. Unit 2,
        // higher up, would make 续|上 across the join, a string the page has elsewhere (持续上升):
        // a coincidence, against the reading order of the columns.
        let page = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，合作社的黄瓤西瓜今年喜获丰收，瓜价持续上升。\n\n## 图书馆里过暑假\n\n通讯员 王蓓\n\n暑假来临，街道图书馆吸引了不少学生前来阅读，阅览区的座位上坐满了学生。\n\n上市的西瓜装箱后销往周边城市，瓜农们的收入明显增加，西瓜合作社越办越红火。\n\n图书馆还为学生开设了阅读分享课，暑期科普活动也很受学生欢迎。\n\n瓜农们介绍，今年种植的黄瓤西瓜已经陆续\n\n图书馆延长了开放时间，学生们在阅览室安静读书。\n\n成熟，每天凌晨就开始采摘，黄瓤西瓜皮薄多汁，脆甜清新。\n";
        let plan = order_alternating(page, LangCode::Zh, 7);
        let at = |u: usize| plan.units.iter().position(|&x| x == u).expect("unit placed");
        assert_eq!(at(6), at(4) + 1, "{:?}", plan.units);
        assert!(plan.join_prev[at(6)], "{:?}", plan.join_prev);
    }

    #[test]
    fn on_english_pages_a_word_hyphenated_at_the_cut_outweighs_the_next_piece_down_the_page() {
        // Units 0, 2 and 4 are the harbor story's; 0 breaks off in contin-, and both 2 and 4 open in
        // lower case. 4 finishes the word (contin-|ue): the next piece (2) must not win by position alone.
        let page = "HARBOR BOARD APPROVES PIER\n\nThe harbor board voted on Monday to build a new cargo pier, and the board will contin-\n\nRAIL STRIKE ENDS\n\nFreight workers returned to the rail yards on Monday after a strike.\n\nbegin hearings next month on the dredging plan for the north basin.\n\nGrain shipments stranded by the strike began moving again on Tuesday.\n\nue its review of the pier plan next week, officials said.\n";
        let plan = order_alternating(page, LangCode::En, 5);
        let at = |u: usize| plan.units.iter().position(|&x| x == u).expect("unit placed");
        assert_eq!(at(4), at(0) + 1, "{:?} {:?}", plan.units, plan.continuations);
    }

    #[test]
    fn a_cut_leaves_the_nearer_continuation_to_the_cut_that_no_other_completes() {
        // The cricket story's units are 0, 2 and 4. Unit 0 breaks off in re-, unit 4 in ap-: re-
        // makes a word with both 2 (reproaching) and 4 (remaining), ap- only with 2 (approaching).
        // Best-first gave 2, the story's next piece, to re- and left ap- with nothing to go on in.
        let page = "CRICKET ASSOCIATION\n\nThe association met on Monday to fill the vacant places, and the selection of the re-\n\nRAIL STRIKE ENDS\n\nFreight workers returned to the rail yards on Monday after a strike.\n\nproaching dispute with the ground trustees was left to the committee.\n\nGrain shipments stranded by the strike began moving again on Tuesday.\n\nmaining umpire resulted in even voting for the two men named. In view of the ap-\n";
        let plan = order_alternating(page, LangCode::En, 5);
        let at = |u: usize| plan.units.iter().position(|&x| x == u).expect("unit placed");
        assert_eq!((at(4), at(2)), (at(0) + 1, at(0) + 2), "{:?} {:?}", plan.units, plan.continuations);
        assert!(plan.join_prev[at(4)] && plan.join_prev[at(2)], "{:?}", plan.join_prev);
    }

    #[test]
    fn a_headless_story_s_heading_with_another_story_s_text_under_it_is_its_headline() {
        // The assignment gave the snow forecast's headline, printed amid the watermelon story, to
        // the forecast (its words), as a subhead: the unit under it is the watermelon story's.
        let page = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐。\n\n华北黄淮等地将有降雪\n\n瓜农们每天凌晨就开始采摘西瓜、装箱。\n\n本报北京2月11日电  （记者赵贝佳）中央气象台预计，华北黄淮等地有小雪。\n\n气象专家提醒，降雪将对春运返程有较大影响。\n";
        let a = Analysed::of_text(page, LangCode::Zh);
        let ctx = a.ctx(&Config::default());
        let block = |t: &str| a.block_with(t);
        let para = |t: &str| a.unit_with(t, UnitKind::Para);
        let mut seg = Segments {
            seeds: vec![
                Seed { heads: vec![block("西瓜新鲜上市")], bylines: Vec::new(), at: 0, weak: None },
                Seed { heads: Vec::new(), bylines: Vec::new(), at: 3, weak: None },
            ]
            .into(),
            units: vec![
                para("盛夏时节"),
                a.unit_with("华北黄淮等地将有降雪", UnitKind::Subhead),
                para("瓜农们"),
                para("中央气象台"),
                para("气象专家"),
            ],
        };
        let plan = |seed: usize, units: Vec<usize>| Plan { seed: Some(SeedId::from(seed)), join_prev: vec![false; units.len()], units, ..Plan::default() };
        let mut plans = vec![plan(0, vec![0, 2]), plan(1, vec![1, 3, 4])];
        promote_displaced_heads(&mut seg, &ctx, &mut plans);
        assert_eq!(plans[0].units, [0, 2]);
        assert_eq!(plans[1].units, [3, 4]);
        assert_eq!(plans[1].join_prev.len(), 2);
        let adopted = plans[1].adopted.iter().map(|&s| seg.seeds[s].heads.clone()).collect::<Vec<_>>();
        assert_eq!(adopted, [vec![block("华北黄淮等地将有降雪")]]);
        // A subhead with its story's own text under it stays where it is.
        let mut plans = vec![plan(0, vec![0]), plan(1, vec![1, 2, 3, 4])];
        promote_displaced_heads(&mut seg, &ctx, &mut plans);
        assert!(plans[1].adopted.is_empty() && plans[1].units == [1, 2, 3, 4]);
    }
}
