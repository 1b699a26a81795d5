//! Segment: classified blocks into article seeds (headline groups, bylines) and the units of text between them.
//!
//! A single heading-shaped block is either a headline or a subhead; which one is decided here from
//! what surrounds it: a byline under it, a credit above it, and whether the text on its two sides
//! reads as one story.

use crate::blocks::{Block, BlockId};
use crate::classify::{Class, Shape};
use crate::lang::{Lang, Params};
use crate::model::cohesion::{sim, Bag, Idf, Profile};
use typed_index_collections::{TiSlice, TiVec};

mod roundup;
mod stack;

/// Where an article starts: its headline group and bylines (either may be missing, not both).
#[derive(Debug, Clone)]
pub struct Seed {
    /// Heading blocks of the headline group, top to bottom.
    pub heads: Vec<BlockId>,
    /// Byline blocks, and dateline blocks standing between them and the text.
    pub bylines: Vec<BlockId>,
    /// Index into `units` of the first unit below the seed (`units.len()` at the page's end).
    pub at: usize,
    /// A lone heading that may head a new story or a section of the one above: the log-odds that
    /// it is a headline. The linker decides, and a weak seed that wins no text becomes a subhead.
    pub weak: Option<f32>,
}

impl Seed {
    /// The seed's headline is a rubric over notices (Sales by Auction., see `Lang::notice_rubric`)
    /// or over a roundup's items (`Class::roundup`).
    pub fn is_rubric(&self, classes: &TiSlice<BlockId, Class>) -> bool {
        self.heads.first().is_some_and(|&h| classes[h].notice_rubric || classes[h].roundup)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Para,
    Subhead,
    Caption,
    Credit,
    Jump,
}

/// A block of article text in page order.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub block: BlockId,
    pub kind: UnitKind,
    /// For a subhead that was a lone heading weighed as a possible headline: its log-odds.
    pub weak: Option<f32>,
}

crate::id::id! {
    /// A seed's place in `Segments::seeds`. The linker labels text under no headline with the id
    /// after the last seed (`TiVec::next_key`).
    SeedId
}

#[derive(Debug, Default, Clone)]
pub struct Segments {
    pub seeds: TiVec<SeedId, Seed>,
    pub units: Vec<Unit>,
}

impl Segments {
    /// For each unit position, and the page's end, whether a seed stands there.
    pub fn seed_starts(&self) -> Vec<bool> {
        let mut at = vec![false; self.units.len() + 1];
        for s in &self.seeds {
            at[s.at] = true;
        }
        at
    }
}

/// What decides whether a lone heading starts a new story or heads a section of the one above.
#[derive(Debug, Clone, Copy)]
struct WeakFeatures {
    /// Cohesion of the text above the heading with the text below it.
    cont: f32,
    /// Cohesion of the heading with the text below it, and with the text above it.
    own: f32,
    own_before: f32,
    /// Best cohesion of the text below with another story's opening.
    elsewhere: f32,
    /// The text above stops mid-sentence: a column ended there.
    prev_open: bool,
    /// Ends in a bracketed column name, as headlines do.
    tagged: bool,
    comma: bool,
    chars: u32,
    /// Units between the story's last seed and the heading: sections come deep in a story.
    since_seed: usize,
    /// Numbered or bulleted like a section (一、, （二）, ●): the language's `section_number`.
    numbered: bool,
    /// A photo's caption follows within a few paragraphs, before any other heading: a picture
    /// story (heading, a paragraph or two, the photo credit), not a section.
    caption_soon: bool,
    /// Set apart from the text above by blank space: a title is spaced off from what it follows.
    apart: bool,
}

impl WeakFeatures {
    /// Log-odds that the heading is a headline, less one (so a settling threshold of -1 is even
    /// odds): a logistic regression whose coefficients are the `odds_*` weights (lang/weights.toml,
    /// docs/TUNING.md). Cohesions enter as square roots, as their spread is mostly near 0.
    fn headline_odds(&self, p: &Params) -> f32 {
        let sqrt = |x: f32| x.max(0.0).sqrt();
        let flag = |on: bool, w: f32| if on { w } else { 0.0 };
        p.odds_intercept + p.odds_cont * sqrt(self.cont) + p.odds_own * sqrt(self.own) + p.odds_own_before * sqrt(self.own_before)
            + p.odds_elsewhere * sqrt(self.elsewhere)
            + flag(self.prev_open, p.odds_prev_open)
            + flag(self.tagged, p.odds_tagged)
            + flag(self.comma, p.odds_comma)
            + p.odds_chars * self.chars.min(p.odds_chars_max) as f32
            + p.odds_since_seed * (self.since_seed as f32).ln_1p()
            + flag(self.numbered, p.odds_numbered)
            + flag(self.caption_soon, p.odds_caption_soon)
            + flag(self.apart, p.odds_apart)
    }
}

/// Splits the page into seeds and units. `bags` holds every block's features, `idf` the page's.
/// `loose_heads`: the page sets a blank line after every line of large type (an OCR engine's
/// reading of a printed page, see `blocks::wrap`), so a headline group's lines may stand apart.
pub fn segment(blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>, bags: &TiSlice<BlockId, Bag>, idf: &Idf, lang: &Lang, p: &Params, loose_heads: bool) -> Segments {
    let items: Vec<BlockId> = blocks.keys().filter(|&i| !matches!(classes[i].shape, Shape::Furniture | Shape::Noise)).collect();
    let mut seg = Segments::default();
    // Where the geometry found headline type, stories start at its headline groups alone: a
    // byline, a dispatch or a heading in body type inside a story is that story's.
    let driven = classes.iter().any(|c| c.display);
    // Single headings whose fate waits for cohesion: (item position, block).
    let mut weak: Vec<(usize, BlockId)> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let b = items[i];
        // A banner just above (FEUILLETON DU GAULOIS) heads a piece that begins here.
        let after_prev = i.checked_sub(1).map_or(0, |j| usize::from(items[j]) + 1);
        let bannered = classes.raw[after_prev..b.into()].iter().any(|c| c.banner);
        match classes[b].shape {
            Shape::Heading => {
                let mut k = i;
                // A headline group the geometry found stands on its own: a run of headings ends
                // where one begins or ends.
                let same_type = |x: BlockId| (classes[x].display, classes[x].group) == (classes[b].display, classes[b].group);
                while k < items.len() && classes[items[k]].shape == Shape::Heading && same_type(items[k]) {
                    k += 1;
                }
                // A byline, dateline or dispatch standing at `x` closes the heading run above it.
                let closed_at = |x: usize| items.get(x).is_some_and(|&n| classes[n].starts_story());
                // A column name ends a title: only a deck ("——…") follows it in its own group, so
                // headings under it that a byline or dispatch closes are the next story's group.
                if let Some(j) = (i + 1..k).find(|&j| !classes[items[j]].deck_marker && lang.is_tagged(&blocks[items[j - 1]].text))
                    && closed_at(k)
                {
                    k = j;
                }
                let mut m = k;
                while m < items.len() && matches!(classes[items[m]].shape, Shape::Byline | Shape::Dateline) {
                    m += 1;
                }
                let mut run: Vec<BlockId> = items[i..k].to_vec();
                // A kicker too long or too punctuated to read as a heading, set tight above a title
                // that carries a column name (…，…，…升级 / 消费“引擎”动力足（消费视窗）), is the title's.
                if let Some(&above) = i.checked_sub(1).map(|j| &items[j])
                    && seg.units.last().is_some_and(|u| u.block == above && u.kind == UnitKind::Para)
                    && seg.seeds.last().is_none_or(|s| s.at < seg.units.len())
                    && blocks[above].blank_after == 0
                    && blocks[above].n_lines() == 1
                    && blocks[above].stats.chars <= lang.classify.kicker_max
                    && classes[above].bylines.is_empty()
                    && classes[above].dateline.is_none()
                    && !blocks[above].text.contains(['。', '！', '？'])
                    && lang.is_tagged(&blocks[b].text)
                {
                    seg.units.pop();
                    run.insert(0, above);
                }
                if run.len() == 1 && m == k && classes[b].deck_marker {
                    // "——某某" alone under text: an attribution, not a deck.
                    seg.units.push(Unit { block: b, kind: UnitKind::Para, weak: None });
                    i += 1;
                    continue;
                }
                // Headline groups the geometry found: each is a story's headline, whatever follows.
                if let Some(g) = classes[b].group.filter(|_| classes[b].display && run[0] == b) {
                    let glen = run.iter().take_while(|&&h| classes[h].group == Some(g)).count();
                    if glen < run.len() {
                        seg.seeds.push(Seed { heads: run[..glen].to_vec(), bylines: Vec::new(), at: seg.units.len(), weak: None });
                        i += glen;
                        continue;
                    }
                }
                let bylines: Vec<BlockId> = items[k..m].to_vec();
                // Under a heading and a deck or two, all set tight: the same story's headline stack.
                // (Not where the geometry found the headline groups, nor over a kicker taken in above.)
                let stack = if driven || run[0] != b { None } else { stack::stacked_on(&seg, &items, (i, k, m), &weak, blocks, classes, lang) };
                if let Some(stack) = stack {
                    stack::join(&mut seg, &mut weak, stack, &run, &bylines);
                    i = m;
                    continue;
                }
                let closed = closed_at(k);
                // A headline group is set tight (kicker, title, deck on adjacent lines) or closed by a
                // byline; headings spaced apart without one are a headline and then subheads.
                let glen = if closed || classes[b].display {
                    run.len()
                } else {
                    1 + run[1..].iter().take_while(|&&h| blocks[h].blank_before == 0 || loose_heads || classes[h].deck_marker || classes[h].wraps).count()
                };
                // A standing label (核心阅读) set under a title group is the first line of the
                // story's text, never a line of its group.
                let label = |h: BlockId| lang.is_standing_label(&blocks[h].text);
                let glen = run.iter().position(|&h| label(h)).filter(|&p| p > 0).map_or(glen, |p| glen.min(p));
                // A rubric heads the run of notices under it, whatever they are about. A heading
                // under a line that sends the story above elsewhere ((A suivre)., Continued on Page 4)
                // heads no section of it: that story has ended here.
                let sent_on = seg.units.last().is_some_and(|u| u.kind == UnitKind::Jump && classes[u.block].sends_on());
                let strong = closed || glen >= 2 || classes[b].display || bannered || classes[b].notice_rubric || classes[b].roundup || sent_on;
                if driven && !classes[b].display && !bannered {
                    seg.units.extend(run.iter().map(|&h| Unit { block: h, kind: UnitKind::Subhead, weak: None }));
                    i = k;
                    continue;
                }
                if strong {
                    seg.seeds.push(Seed { heads: run[..glen].to_vec(), bylines, at: seg.units.len(), weak: None });
                } else {
                    weak.push((seg.units.len(), b));
                    seg.units.push(Unit { block: b, kind: UnitKind::Subhead, weak: None });
                }
                let mut r = glen;
                while r < run.len() {
                    let h = run[r];
                    // Lines set tight further down the run (a title over a "——" deck, a kicker
                    // over a title) are another story's headline group, as they would be at the
                    // run's top: a subhead is one line.
                    let below = run[r + 1..].iter().take_while(|&&d| blocks[d].blank_before == 0 || loose_heads || classes[d].wraps).count();
                    if below > 0 && !classes[h].deck_marker {
                        seg.seeds.push(Seed { heads: run[r..=r + below].to_vec(), bylines: Vec::new(), at: seg.units.len(), weak: None });
                        r += 1 + below;
                        continue;
                    }
                    // A heading further down the run that carries a column name is another
                    // story's headline (the one above it then stands without text); so is each
                    // heading of a run that ends the page's text: no text follows for it to head.
                    // So is a roundup's rubric, over the heading of its first item.
                    if lang.is_tagged(&blocks[h].text) || m == items.len() || classes[h].roundup {
                        seg.seeds.push(Seed { heads: vec![h], bylines: Vec::new(), at: seg.units.len(), weak: None });
                    } else {
                        // Straight under the headline group, with no text between: its first
                        // section, or a story of its own under a headline that landed away from
                        // its story; cohesion tells (see `weigh_weak`).
                        if strong && !label(h) && seg.seeds.last().is_some_and(|s| s.at == seg.units.len()) {
                            weak.push((seg.units.len(), h));
                        }
                        seg.units.push(Unit { block: h, kind: UnitKind::Subhead, weak: None });
                    }
                    r += 1;
                }
                i = m;
            }
            Shape::Byline | Shape::Dateline if classes[b].shape == Shape::Byline || !classes[b].bylines.is_empty() => {
                let mut m = i;
                while m < items.len() && matches!(classes[items[m]].shape, Shape::Byline | Shape::Dateline) {
                    m += 1;
                }
                // A byline a line or two under a headline belongs to it: the lines between are decks
                // (stacked headline lines that did not read as headings, e.g. through OCR noise).
                let decks = seg.seeds.last().filter(|s| !s.heads.is_empty() && s.bylines.is_empty()).map(|s| s.at).filter(|&at| {
                    let n = seg.units.len() - at;
                    let t = &lang.classify;
                    n <= t.byline_decks_max && seg.units[at..].iter().all(|u| u.kind == UnitKind::Para && blocks[u.block].stats.chars <= t.byline_deck_chars && blocks[u.block].n_lines() <= t.byline_deck_lines)
                });
                let under = seg.seeds.last().is_some_and(|s| s.at == seg.units.len());
                match decks {
                    _ if driven && !under && decks.is_none() => {
                        seg.units.extend(items[i..m].iter().map(|&x| Unit { block: x, kind: UnitKind::Para, weak: None }));
                    }
                    Some(at) => {
                        let moved: Vec<BlockId> = seg.units.drain(at..).map(|u| u.block).collect();
                        let seed = seg.seeds.last_mut().expect("checked above");
                        seed.heads.extend(moved);
                        seed.bylines.extend(&items[i..m]);
                        seed.at = seg.units.len();
                    }
                    None => seg.seeds.push(Seed { heads: Vec::new(), bylines: items[i..m].to_vec(), at: seg.units.len(), weak: None }),
                }
                i = m;
            }
            shape => {
                let kind = match shape {
                    Shape::Caption => UnitKind::Caption,
                    Shape::Credit => UnitKind::Credit,
                    Shape::Jump => UnitKind::Jump,
                    _ => UnitKind::Para,
                };
                // A dispatch line (本报北京2月3日电（记者X）) opens a story even with no headline above,
                // unless it is the next item of a roundup of dispatches running above it.
                let dispatch = kind == UnitKind::Para && classes[b].opens_story() && !roundup::continues_roundup(b, &seg, classes, lang);
                // A standfirst is a few lines (`lead_max` characters of the language's script): a
                // longer paragraph under a headline is the story's first.
                let summary = |x: BlockId| blocks[x].stats.chars <= lang.classify.lead_max;
                // Directly under a seed, or under a headline and a line or two of summary (a standfirst):
                // the dispatch opens that story, not another.
                let under_seed = seg.seeds.last().is_some_and(|s| {
                    s.at == seg.units.len()
                        || (!s.heads.is_empty()
                            && seg.units.len() - s.at <= lang.classify.lead_units_max
                            && seg.units[s.at..].iter().all(|u| summary(u.block) && classes[u.block].bylines.is_empty()))
                });
                // Text right under a photographer's credit (本报记者 吕强摄) starts after a story's
                // end: it opens the next one, as a byline there did. Unless its first character is
                // no word on its own (织路线: the end of 组织, cut at some column's foot).
                // (The segmentation asked last: it is the one test that costs.)
                let after_close = kind == UnitKind::Para
                    && seg.units.last().is_some_and(|u| u.kind == UnitKind::Caption && classes[u.block].closes_story)
                    && seg.seeds.last().is_none_or(|s| s.at < seg.units.len())
                    && !(lang.code.is_cjk() && crate::lang::lexicon::first_char_alone(&blocks[b].text));
                // A lone heading a paragraph over the dispatch (春节移动数据流量消费增长翻倍,
                // a summary, then 本报北京2月13日电（记者王政、韩鑫）) is the headline of the story
                // the dispatch opens, not a subhead of the story above. (Where the geometry found
                // the headline groups, a heading in body type is none: 239家, a graphic's figure
                // over its gloss and the story's dispatch.)
                let lead_heading = seg.units.len().checked_sub(2).filter(|&p| {
                    let lead = seg.units[p + 1];
                    dispatch
                        && !driven
                        && !under_seed
                        && seg.units[p].kind == UnitKind::Subhead
                        && lead.kind == UnitKind::Para
                        && classes[lead.block].bylines.is_empty()
                        && summary(lead.block)
                        && seg.seeds.last().is_none_or(|s| s.at <= p)
                });
                if let Some(p) = lead_heading {
                    let h = seg.units.remove(p).block;
                    weak.retain(|&(ui, _)| ui != p);
                    seg.seeds.push(Seed { heads: vec![h], bylines: Vec::new(), at: p, weak: None });
                } else if ((dispatch && !under_seed) || after_close || bannered) && !driven {
                    seg.seeds.push(Seed { heads: Vec::new(), bylines: Vec::new(), at: seg.units.len(), weak: None });
                }
                seg.units.push(Unit { block: b, kind, weak: None });
                i += 1;
            }
        }
    }
    weigh_weak(&mut seg, &weak, blocks, classes, bags, idf, lang, p);
    seg
}

/// Where the nearest paragraph units and seeds stand from each unit position, so that gathering a
/// heading's context jumps from paragraph to paragraph instead of walking every unit between
/// (a page of headings and captions without text made that walk quadratic).
struct Walk {
    /// First paragraph unit at or after each position (`n` for none).
    next_para: Vec<usize>,
    /// Last paragraph unit at or before each position.
    prev_para: Vec<Option<usize>>,
    /// First position at or after each position where a seed stands (`n + 1` for none).
    next_seed: Vec<usize>,
    /// Last position at or before each position where a seed stands.
    prev_seed: Vec<Option<usize>>,
}

impl Walk {
    fn new(seg: &Segments, seed_at: &[bool]) -> Walk {
        let n = seg.units.len();
        let is_para = |i: usize| seg.units[i].kind == UnitKind::Para;
        let mut next_para = vec![n; n + 1];
        for i in (0..n).rev() {
            next_para[i] = if is_para(i) { i } else { next_para[i + 1] };
        }
        let mut prev_para = vec![None; n];
        for i in 0..n {
            prev_para[i] = if is_para(i) { Some(i) } else if i > 0 { prev_para[i - 1] } else { None };
        }
        let mut next_seed = vec![n + 1; n + 2];
        for i in (0..=n).rev() {
            next_seed[i] = if seed_at[i] { i } else { next_seed[i + 1] };
        }
        let mut prev_seed = vec![None; n + 1];
        for i in 0..=n {
            prev_seed[i] = if seed_at[i] { Some(i) } else if i > 0 { prev_seed[i - 1] } else { None };
        }
        Walk { next_para, prev_para, next_seed, prev_seed }
    }

    /// The blocks of up to `n` paragraph units from `from` going in direction `step`, stopping at a
    /// seed (going down: before the next seed; going up: at the seed's own position).
    fn context(&self, seg: &Segments, from: isize, step: isize, n: usize) -> Vec<BlockId> {
        let mut out = Vec::new();
        let len = seg.units.len();
        if from < 0 || from as usize >= len {
            return out;
        }
        let from = from as usize;
        if step > 0 {
            let end = self.next_seed[from + 1].min(len);
            let mut j = self.next_para[from];
            while j < end && out.len() < n {
                out.push(seg.units[j].block);
                j = self.next_para[j + 1];
            }
        } else {
            let lo = self.prev_seed[from].unwrap_or(0);
            let mut j = self.prev_para[from];
            while let Some(x) = j.filter(|&x| x >= lo) {
                if out.len() >= n {
                    break;
                }
                out.push(seg.units[x].block);
                j = if x > 0 { self.prev_para[x - 1] } else { None };
            }
        }
        out
    }
}

#[allow(clippy::too_many_arguments)]
fn weigh_weak(seg: &mut Segments, weak: &[(usize, BlockId)], blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>, bags: &TiSlice<BlockId, Bag>, idf: &Idf, lang: &Lang, p: &Params) {
    if weak.is_empty() {
        return;
    }
    let n = seg.units.len();
    let seed_at = seg.seed_starts();
    let walk = Walk::new(seg, &seed_at);
    let items = roundup::headed_items(seg, blocks, classes);
    // Seeds are counted here, in page order (how many stand above a heading, the nearest so
    // many), not named: the segmenter reads them as the plain list they are.
    // The opening text of each strong seed: what a subhead's story would most likely be.
    // Built for the first heading that needs them (one with text on both sides).
    let mut openings: Option<Vec<Profile>> = None;
    // A lone heading's text is compared with the openings of the seeds nearest it only (every seed
    // on a page of fewer than the bound), so a page of thousands of headings stays linear.
    const REACH: usize = 128;
    let mut promote: Vec<(usize, Option<f32>)> = Vec::new();
    // Standing labels that open a story whose headline is elsewhere: a headless seed above each.
    let mut labels: Vec<usize> = Vec::new();
    for &(ui, b) in weak {
        let before = if seed_at[ui] { Vec::new() } else { walk.context(seg, ui as isize - 1, -1, 3) };
        let after = walk.context(seg, ui as isize + 1, 1, 3);
        let prev_unit = if ui > 0 && !seed_at[ui] { Some(seg.units[ui - 1]) } else { None };
        // A headline group straight under it, whose story the heading shares no words with: the
        // heading heads no text of its own (one that does may be that headline's kicker).
        // Seeds are in page order: those standing at a position are found by bisection, not by a
        // walk over every seed of the page for every heading.
        let seeds_at = |pos: usize| &seg.seeds.raw[seg.seeds.raw.partition_point(|s| s.at < pos)..seg.seeds.raw.partition_point(|s| s.at <= pos)];
        let over_headline = seeds_at(ui + 1).iter().any(|s| !s.heads.is_empty())
            && sim(&bags[b], &merge(&after, bags), idf) < p.kicker_cohesion;
        // Under a rubric (Sales by Auction.), a heading over a notice's few lines heads a section
        // of the run; over more, it may be the title of a piece set after the run, as cohesion
        // tells, but finished text above it says nothing, as every notice is finished.
        let under_rubric = seg.seeds.raw[..seg.seeds.raw.partition_point(|s| s.at <= ui)].last().is_some_and(|s| s.is_rubric(classes));
        let notice = || {
            let text = seg.units[ui + 1..].iter().enumerate().take_while(|&(i, u)| u.kind == UnitKind::Para && !seed_at[ui + 1 + i]);
            text.map(|(_, u)| blocks[u.block].stats.chars).sum::<u32>() <= lang.notice_max_chars
        };
        // Text broken off right above: another story's column came in here, so what stood above
        // (finished text, a rubric's run of notices) no longer decides what the heading heads.
        let broke_above = prev_unit.is_some_and(|u| broke_off_over(u, b, blocks, classes));
        let decision: Option<Option<f32>> = if (under_rubric && !classes[b].notice_rubric && notice()) || items[ui] {
            None
        } else if after.is_empty() || over_headline {
            // Nothing under it: a headline that landed away from its story, if anything.
            Some(None)
        } else if seed_at[ui] {
            // Straight under a headline group or byline: a subhead (or a standfirst label), unless
            // the headline shares no words with the text under it: then the headline stands away
            // from its story and the heading heads a story of its own.
            // The story it belongs to must be on the page: one that opens without a headline and
            // reads as the headline's.
            let bag_after = merge(&after, bags);
            // The headless stories it may be are looked for among the seeds nearest it (every
            // seed on a page of fewer than the bound).
            let here = seg.seeds.raw.partition_point(|s| s.at < ui);
            let near = &seg.seeds.raw[here.saturating_sub(REACH)..(here + REACH).min(seg.seeds.len())];
            let stray = seeds_at(ui).iter().filter(|s| !s.heads.is_empty()).any(|s| {
                let head = merge(&s.heads, bags);
                sim(&head, &bag_after, idf) < p.kicker_cohesion
                    && near.iter().filter(|o| o.heads.is_empty()).any(|o| {
                        sim(&head, &merge(&walk.context(seg, o.at as isize, 1, 3), bags), idf) >= p.stray_headline_fit
                    })
            });
            stray.then_some(None)
        } else if prev_unit.is_none()
            || prev_unit.is_some_and(|u| u.kind == UnitKind::Credit)
            || under_photo_credit(&seg.units[..ui], blocks, classes, lang)
            || (opens_pieces(b, after.first().copied(), blocks, classes, lang)
                && (broke_above || (!under_rubric && prev_unit.is_some_and(|u| u.kind == UnitKind::Para && !classes[u.block].open_end))))
        {
            // At the top of the page or under a story's closing credit (a photographer's among its
            // captions included), or after finished text (or text broken off, going on elsewhere)
            // where the language's papers head no sections (`headings_open_pieces`): a new story.
            // A standing label (核心阅读) opens it without being its headline: the story's headline
            // stands elsewhere on the page, for the orphan headlines to find.
            if lang.is_standing_label(&blocks[b].text) {
                labels.push(ui);
                None
            } else {
                Some(None)
            }
        } else if photo_story_end(&seg.units[ui + 1..], |i| seed_at[ui + 1 + i], blocks, classes, lang).is_some() {
            // A photo story's headline (图片报道) over its text and photographer's credit.
            Some(None)
        } else {
            let bag_after = merge(&after, bags);
            let bag_before = merge(&before, bags);
            let prev_open = prev_unit.is_some_and(|u| u.kind == UnitKind::Para && classes[u.block].open_end);
            // Seeds standing at or above the heading (they are in page order).
            let above = seg.seeds.raw.partition_point(|s| s.at <= ui);
            let f = WeakFeatures {
                cont: sim(&bag_before, &bag_after, idf),
                own: sim(&bags[b], &bag_after, idf),
                own_before: sim(&bags[b], &bag_before, idf),
                elsewhere: {
                    let openings = openings.get_or_insert_with(|| {
                        seg.seeds
                            .iter()
                            .map(|s| {
                                let blocks_of = walk.context(seg, s.at as isize, 1, 3);
                                Profile::build(blocks_of.iter().map(|&b| &bags[b]).chain(s.heads.iter().map(|&h| &bags[h])), idf)
                            })
                            .collect()
                    });
                    let window = above.saturating_sub(REACH)..(above + REACH).min(openings.len());
                    crate::work::add(window.len() as u64);
                    openings[window].iter().map(|p| p.sim(&bag_after, idf, false)).fold(0.0f32, f32::max)
                },
                prev_open,
                tagged: lang.is_tagged(&blocks[b].text),
                comma: blocks[b].text.contains(['，', ',']),
                chars: blocks[b].stats.chars,
                since_seed: above.checked_sub(1).map_or(ui, |i| ui - seg.seeds.raw[i].at),
                numbered: lang.is_section_numbered(&blocks[b].text),
                caption_soon: seg.units[ui + 1..]
                    .iter()
                    .enumerate()
                    .take_while(|(i, u)| u.kind != UnitKind::Subhead && !seed_at[ui + 1 + i])
                    .take(4)
                    .any(|(_, u)| u.kind == UnitKind::Caption),
                apart: blocks[b].blank_before > 0,
            };
            Some(Some(f.headline_odds(p)))
        };
        if let Some(w) = decision {
            promote.push((ui, w));
        }
    }
    if promote.is_empty() && labels.is_empty() {
        return;
    }
    // Turn promoted subhead units into seeds, renumbering what follows them.
    let mut units = Vec::with_capacity(n);
    let mut new_index = vec![0usize; n + 1];
    let mut new_seeds = Vec::new();
    let mut promoted: Vec<Option<Option<f32>>> = vec![None; n];
    for &(p, w) in promote.iter().rev() {
        promoted[p] = Some(w);
    }
    let mut labels = labels.into_iter().peekable();
    for (i, u) in seg.units.iter().enumerate() {
        new_index[i] = units.len();
        if labels.next_if_eq(&i).is_some() {
            new_seeds.push(Seed { heads: Vec::new(), bylines: Vec::new(), at: units.len(), weak: None });
            units.push(*u);
        } else if let Some(w) = promoted[i] {
            new_seeds.push(Seed { heads: vec![u.block], bylines: Vec::new(), at: units.len(), weak: w });
        } else {
            units.push(*u);
        }
    }
    new_index[n] = units.len();
    for s in &mut seg.seeds {
        s.at = new_index[s.at];
    }
    seg.seeds.extend(new_seeds);
    seg.seeds.sort_by_key(|s| (s.at, s.heads.first().or(s.bylines.first()).copied()));
    seg.units = units;
}

/// Whether paragraph unit `above` breaks off mid-sentence (…qu'il lui avait ap-) right over
/// heading `b`, set apart under it: the column broke there and the text goes on elsewhere, so the
/// heading is no section of that text's story, nor an item of a run of notices it stands in.
fn broke_off_over(above: Unit, b: BlockId, blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>) -> bool {
    above.kind == UnitKind::Para && classes[above.block].open_end && blocks[b].blank_before > 0 && crate::classify::apart::runs_on(&blocks[above.block].text)
}

/// Whether the language's papers make heading `b`, set after finished text, the title of a new
/// piece rather than a section of the one above (`headings_open_pieces`). Where they do so only
/// for a heading set apart by blank space, in capitals or closed by a full stop as old papers
/// close their titles (`apart_headings_open_pieces`), the heading must read as a title (one
/// phrase, not words cut off on "of"), and the paragraph under it (`below`) open
/// afresh: text that goes on from elsewhere ("rate of taxation…", "Nevertheless, …") says the
/// line above it is no title of its own.
fn opens_pieces(b: BlockId, below: Option<BlockId>, blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>, lang: &Lang) -> bool {
    if lang.headings_open_pieces {
        return true;
    }
    let h = &blocks[b];
    lang.apart_headings_open_pieces
        && h.blank_before > 0
        && h.blank_after > 0
        && (classes[b].caps || h.text.trim_end().ends_with('.'))
        && crate::classify::apart::one_phrase(h.text.trim(), lang)
        && below.is_some_and(|n| !classes[n].start.continues() && !lang.opens_on_connective(&blocks[n].text))
}

/// Where a photo story under a heading (图片报道) ends, if it is one: a few finished paragraphs
/// (captions among them), then a photographer's credit on its own line (刘念海摄（人民视觉）).
/// The index in `below` of that line. `seed_at(i)` says whether a seed stands at `below[i]`.
/// (A credit such as （作者为…） is no such end: it closes a story's last section too, and a
/// story's last section is no story of its own.)
pub fn photo_story_end(below: &[Unit], seed_at: impl Fn(usize) -> bool, blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>, lang: &Lang) -> Option<usize> {
    let mut paras = 0;
    for (i, u) in below.iter().enumerate() {
        if seed_at(i) {
            return None;
        }
        let closer = match u.kind {
            UnitKind::Para if paras < lang.classify.photo_story_max => {
                paras += 1;
                false
            }
            UnitKind::Caption => is_photo_credit(u.block, blocks, classes, lang),
            _ => return None,
        };
        if closer {
            let last_done = below[..i].iter().rev().find(|x| x.kind == UnitKind::Para).is_some_and(|x| !classes[x.block].open_end);
            return (paras > 0 && last_done).then_some(i);
        }
    }
    None
}

/// Whether the captions straight above a position (the last units of `above`) include a
/// photographer's credit, which closes the photo's story: 银 燕 牟 健摄影报道 over 图为….
fn under_photo_credit(above: &[Unit], blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>, lang: &Lang) -> bool {
    above
        .iter()
        .rev()
        .take_while(|u| u.kind == UnitKind::Caption)
        .any(|u| is_photo_credit(u.block, blocks, classes, lang))
}

/// Whether a caption block is a photographer's credit (新华社记者 白雪骐摄, 沈 果摄（新华社发）):
/// it names who took a photo and says nothing of what the photo shows.
pub fn is_photo_credit(block: BlockId, blocks: &TiSlice<BlockId, Block>, classes: &TiSlice<BlockId, Class>, lang: &Lang) -> bool {
    classes[block].closes_story || lang.photo_credit.iter().any(|r| r.is_match(blocks[block].text.trim()))
}

fn merge(blocks: &[BlockId], bags: &TiSlice<BlockId, Bag>) -> Bag {
    Bag::sum(blocks.iter().map(|&b| &bags[b]))
}

pub fn merge_bags(blocks: &[BlockId], bags: &TiSlice<BlockId, Bag>) -> Bag {
    merge(blocks, bags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangCode;
    use crate::Analysed;

    /// Runs the stages up to segmentation on `text`; returns the blocks' texts and the segments.
    fn segment_of(text: &str, code: LangCode) -> (TiVec<BlockId, String>, Segments) {
        let page = Analysed::of_text(text, code);
        let (bl, seg) = (&page.blocks, page.segments());
        (bl.iter().map(|b| b.text.clone()).collect(), seg)
    }

    #[test]
    fn headline_group_and_byline_make_one_seed() {
        let (texts, seg) = segment_of("徐泾镇社区服务中心上半年受理事项逾4万件\n## 微笑缩短距离 服务延伸真情\n\n通讯员 袁丹凤\n\n作为百姓家门口的政务服务窗口，中心业务涵盖社保、医保等十一个条线。\n", LangCode::Zh);
        assert_eq!(seg.seeds.len(), 1);
        let s = &seg.seeds.raw[0];
        assert_eq!(s.heads.iter().map(|&h| texts[h].as_str()).collect::<Vec<_>>(), ["徐泾镇社区服务中心上半年受理事项逾4万件", "微笑缩短距离 服务延伸真情"]);
        assert_eq!(s.bylines.len(), 1);
        assert_eq!(seg.units.len(), 1);
    }

    #[test]
    fn a_title_over_a_dash_deck_lower_in_a_heading_run_is_a_headline_group() {
        // The promotion line above is spaced apart from the title, so the run's top is no group;
        // the title and its deck below still are one.
        let (texts, seg) = segment_of("上一篇文章的最后一段，讲完了。\n\n## 看新闻视频　品百味人生\n\n加快绿色发展\n## ——写在新春之际的述评之四\n\n浩瀚宇宙中的这颗蓝色星球，是人类的共同家园。\n", LangCode::Zh);
        // (The promotion line shares no words with the story under the title, so it stands as a
        // headline of its own without text, for the orphan headlines to place.)
        let groups: Vec<Vec<&str>> = seg.seeds.iter().filter(|s| s.heads.len() > 1).map(|s| s.heads.iter().map(|&h| texts[h].as_str()).collect()).collect();
        assert_eq!(groups, [vec!["加快绿色发展", "——写在新春之际的述评之四"]]);
    }

    #[test]
    fn text_under_a_photo_credit_opens_a_story_unless_it_starts_inside_a_word() {
        let page = |under: &str| format!("## 图片报道\n\n第五届莫斯科武术明星大赛日前在俄罗斯莫斯科武术宫举行。图为俄罗斯儿童在表演武术。\n\n新华社记者 白雪骐摄\n\n{under}\n");
        // A fresh paragraph under the credit starts the next story.
        let (_, seg) = segment_of(&page("今年春节期间，各地文化活动丰富多彩，群众文化生活更加充实。"), LangCode::Zh);
        assert_eq!(seg.seeds.len(), 2);
        // 织路线 finishes a word (组织) cut somewhere above: it goes on a story, and opens none.
        let (_, seg) = segment_of(&page("织路线，不断强化各级党组织的政治属性和政治功能。"), LangCode::Zh);
        assert_eq!(seg.seeds.len(), 1);
    }

    #[test]
    fn a_byline_alone_opens_a_headless_story() {
        let (_, seg) = segment_of("通讯员 王蓓\n\n暑假来临，书香满溢的图书馆吸引了不少学生前来充电。\n\n走进街道图书馆，适宜的温度与室外的炎热形成鲜明对比。\n", LangCode::Zh);
        assert_eq!(seg.seeds.len(), 1);
        assert!(seg.seeds.raw[0].heads.is_empty());
        assert_eq!(seg.units.len(), 2);
    }

    #[test]
    fn a_dispatch_opens_a_story_without_a_headline() {
        let (_, seg) = segment_of("上一篇文章的最后一段，讲完了。\n\n本报北京2月3日电（记者王珂）记者从商务部获悉，春节黄金周期间，全国商品市场保持平稳较快增长。\n", LangCode::Zh);
        assert_eq!(seg.seeds.len(), 1);
        assert_eq!(seg.seeds.raw[0].at, 1);
    }

    #[test]
    fn a_numbered_heading_is_less_likely_a_headline() {
        let page = "## 意见全文\n\n加强党的政治建设，是新时代党的建设的重要任务，必须坚持不懈抓好。\n\n二、坚定政治信仰\n\n坚定政治信仰，是加强党的政治建设的首要任务，必须牢固树立。\n";
        let numbered = segment_of(page, LangCode::Zh).1.seeds.iter().find_map(|s| s.weak).expect("weighed");
        let plain = segment_of(&page.replace("二、", ""), LangCode::Zh).1.seeds.iter().find_map(|s| s.weak).expect("weighed");
        assert!(numbered < plain - 1.0, "{numbered} vs {plain}");
    }

    const PICTURE: &str = "## 电价再降一成\n\n今年一般工商业电价平均降低一成，让终端用户得到降价红利。\n\n南国春意浓\n\n1月31日，海南琼海阳光明媚，春色宜人，农民在田间忙着春耕。\n\n蒙钟德摄（影像中国）\n";

    #[test]
    fn a_heading_over_a_paragraph_and_a_caption_is_likely_a_picture_story() {
        let page = PICTURE.replace("蒙钟德摄（影像中国）", "图为琼海农民在田间春耕。");
        let photo = segment_of(&page, LangCode::Zh).1.seeds.iter().find_map(|s| s.weak).expect("weighed");
        let plain = segment_of(PICTURE.trim_end().trim_end_matches("蒙钟德摄（影像中国）"), LangCode::Zh).1.seeds.iter().find_map(|s| s.weak).expect("weighed");
        assert!(photo > plain + 2.0, "{photo} vs {plain}");
    }

    #[test]
    fn a_heading_over_a_paragraph_and_a_photographers_credit_heads_a_photo_story() {
        let (texts, seg) = segment_of(PICTURE, LangCode::Zh);
        let heads: Vec<(&str, bool)> = seg.seeds.iter().map(|s| (texts[s.heads[0]].as_str(), s.weak.is_none())).collect();
        assert_eq!(heads, [("电价再降一成", true), ("南国春意浓", true)]);
    }

    #[test]
    fn a_lone_heading_between_text_of_one_story_is_weighed_not_taken() {
        let page = "## 中心持续提升服务\n\n中心今年受理各类事项四万件，窗口服务质量不断提升，群众满意度持续提高。\n\n## 以老带新\n\n中心推出结对教学，老窗口人员带新人员，提升窗口服务质量和群众满意度。\n";
        let (texts, seg) = segment_of(page, LangCode::Zh);
        let weak: Vec<&str> = seg.seeds.iter().filter(|s| s.weak.is_some()).map(|s| texts[s.heads[0]].as_str()).collect();
        assert_eq!(weak, ["以老带新"], "a lone heading inside a story is a candidate, with odds, not a certain headline");
        assert!(seg.seeds.iter().find(|s| s.weak.is_some()).unwrap().weak.unwrap() < 0.0);
    }

    /// Two short English pieces, the second under a heading in capitals; `gap` stands between the
    /// heading and its text, `opening` opens that text.
    fn two_pieces(gap: &str, opening: &str) -> String {
        format!(
            "THE HARVEST.\n\nThe harvest in the northern parishes was gathered in good order this week, and the farmers report a fair yield.\n\nSHIPPING NEWS.{gap}{opening} the brig Mary arrived yesterday from Quebec with timber, after a passage of forty days.\n"
        )
    }

    /// The heading lines that head a story for certain, and those weighed as possible headlines.
    fn certain_and_weighed(page: &str) -> (Vec<String>, Vec<String>) {
        let (texts, seg) = segment_of(page, LangCode::En);
        let heads = |weak: bool| seg.seeds.iter().filter(|s| s.weak.is_some() == weak).flat_map(|s| s.heads.iter().map(|&h| texts[h].clone())).collect();
        (heads(false), heads(true))
    }

    #[test]
    fn an_english_heading_set_apart_after_finished_text_opens_a_piece() {
        let (certain, _) = certain_and_weighed(&two_pieces("\n\n", "Early in the morning"));
        assert_eq!(certain, ["THE HARVEST.", "SHIPPING NEWS."]);
    }

    #[test]
    fn an_english_heading_over_text_going_on_from_elsewhere_is_weighed() {
        let (certain, weighed) = certain_and_weighed(&two_pieces("\n\n", "Nevertheless,"));
        assert_eq!((certain, weighed), (vec!["THE HARVEST.".to_string()], vec!["SHIPPING NEWS.".to_string()]));
    }

    #[test]
    fn english_capitals_headline_over_a_dateline_is_certain() {
        let (_, seg) = segment_of("RAIL STRIKE ENDS\n\n  CHICAGO, March 2 - Freight workers returned to the yards on Monday.\n", LangCode::En);
        assert_eq!(seg.seeds.len(), 1);
        assert!(seg.seeds.raw[0].weak.is_none());
    }
}
