//! Link: assigns every unit of text to an article, puts each article's fragments in reading order,
//! joins paragraphs cut at column breaks, and gives orphan headlines to the story they fit.
//!
//! Assignment is a best path over the whole page (Viterbi), not first-come: each unit's article is
//! scored by its cohesion with the article's text, and each step between units by what the seam
//! says (a sentence cut and resumed, a headline crossed, a paragraph begun). Article texts are
//! re-estimated from the labels and the path found again until it settles.

use crate::blocks::Block;
use crate::classify::{Class, Start};
use crate::lang::Lang;
use crate::model::cohesion::{norm2, sim, sim_norm, Among, Bag, Idf, Minus, PartOf, Profile, Profiles, Weights};
use crate::model::seam::{self, Seam};
use crate::segment::{merge_bags, Seed, Segments, Unit, UnitKind};
use rustc_hash::FxHashMap;

/// Weights of the assignment; the defaults are measured on generated pages (see README).
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Cohesion weight (a unit's cosine with an article's text, 0..1, times this).
    pub cohesion: f32,
    /// Staying in the same article from one unit to the next.
    pub stay: f32,
    /// Moving to another article.
    pub switch: f32,
    /// Going on in an article across one of its own headlines: nearly never.
    pub cross_seed: f32,
    /// The first unit under a headline or byline belongs to it.
    pub follow_seed: f32,
    /// More so when that unit is a dispatch (新华社…电（记者X）), which opens a story.
    pub follow_dispatch: f32,
    /// Text that exists before any headline, in an article of its own.
    pub headless: f32,
    /// A lone heading's story is chosen by text that fits no other story better than this cohesion.
    pub weak_tau: f32,
    /// Following a lone heading (plus `weak_odds` times its headline log-odds).
    pub weak_follow: f32,
    pub weak_odds: f32,
    /// Going on in an article across a lone heading (as across a subhead).
    pub cross_weak: f32,
    /// Settle lone headings before the assignment: headline above this log-odds, else subhead.
    /// (`None`: let the assignment decide.)
    pub weak_threshold: Option<f32>,
    /// Passes after the first that score against whole stories (leaving out the scored fragment).
    pub full_rounds: bool,
    /// A subhead section whose cohesion with the rest of its story is below this starts a story.
    pub split_tau: f32,
    /// A run of a story's text standing apart from the rest, whose cohesion with it is below this,
    /// is a story whose headline is missing.
    pub detach_tau: f32,
    /// The same for the tail of a run after a finished paragraph (0: off). Set for CJK pages only:
    /// over Latin content words cohesion runs lower, and the split cost English pages more than it
    /// gave (see `for_lang`).
    pub topic_tau: f32,
    /// Headlines standing away from any text (and not given to a headless story) may take text anywhere.
    pub free_orphans: bool,
    /// What staying in an article costs at a paragraph whose cut above goes on far better in the
    /// paragraph after it (0: off). Set for CJK pages only: over English seams (OCR'd above all)
    /// it cost more joins than it made (see `for_lang`).
    pub outbid: f32,
    /// Ordering an article's fragments: the seam bonus for a fragment below the cut it would
    /// resume, and the more for the article's next fragment down the page: columns are read in
    /// order, so a cut goes on below far more often than above, most often in the next piece.
    pub order_ahead: f32,
    pub order_next: f32,
    /// The page's text stands in its reading order, found from its geometry: each unit stays in
    /// the story above it, and the assignment by cohesion is not run.
    pub positional: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            cohesion: 32.0,
            stay: 1.0,
            switch: 1.0,
            cross_seed: 3.0,
            follow_seed: 3.0,
            follow_dispatch: 3.0,
            headless: 0.5,
            weak_tau: 0.04,
            weak_follow: 1.0,
            weak_odds: 0.5,
            cross_weak: 0.5,
            weak_threshold: Some(-1.0),
            full_rounds: true,
            split_tau: 0.05,
            detach_tau: 0.06,
            topic_tau: 0.0,
            free_orphans: true,
            outbid: 0.0,
            order_ahead: 0.5,
            order_next: 1.5,
            positional: false,
        }
    }
}

impl Params {
    /// The defaults, with what depends on the page's script: its features (character bigrams or
    /// words) set the scale of cohesion. Measured on five generated zh page sets (seeds 3, 5, 7,
    /// 11, 13). The topic split's threshold: 0.01-0.04 swept, 0.02 best (exact +11 of 1,761); on
    /// English pages at 0.02 it lost articles (en seeds 3 and 7, and the 19th-century OCR set), so
    /// it is off there. With the headless splits in place, cohesion 32 -> 38 and the lone-heading
    /// threshold -1.0 -> -0.5 gave zh assign 0.844 -> 0.851, joins +14, headlines +9, exact -4; on
    /// the English OCR set they cost assign 0.617 -> 0.596 (seed 3), so English keeps the defaults.
    /// The doubt on a paragraph outbid by the next (`outbid`): 1, 2 and 3 tried, 3 best on zh (exact
    /// +6, joins +4 on the five seeds); on English it lost the OCR set 55 joins over those seeds.
    /// Reading order in the ordering (`order_ahead`, `order_next`): of 130 joins missed inside one
    /// article on the zh seeds, 102 resumed below the cut, and 0.5 / 1.5 against 0.3 / 0 gave exact
    /// +9, joins +23. English seams (a split word, a hyphen) say more: there 1.5 cost 6 exact over
    /// en seeds 3-19, and 0.5 keeps the Reuters set even (exact -1, joins +8) while the OCR set
    /// gains 31 joins (seeds 3, 7, 17).
    /// The parameters for a page: its language's, and on a page derived from a structured file,
    /// the geometry's evidence weighed in. Where the file's own order stands (`positional`), each
    /// unit stays in the story above it; where the geometry found the order, moving to another
    /// story costs three times as much as on a page of text (1, 3, 6 and 12 tried on the scan
    /// sets: 3 kept every Latin article that 1 rebuilt and rebuilt 5 more Chinese ones; 6 and 12
    /// lost articles in both).
    ///
    /// On a text page an OCR engine read off a print (`printed`: its column was measured with a
    /// lost indent, see `blocks::wrap`) every heading line stands alone between blank lines, so
    /// standing alone says nothing of a subhead: a lone heading is settled as a headline from lower
    /// odds. Over the lone headings of the scanned Chinese pages (10 pages, 59 headings whose role
    /// the gold knows), the fitted odds of headlines spread from -6 to 4 and of subheads from -10.5
    /// to -1.9. Swept from -1.5 to -3.5 on those pages, exact and headlines stay within one article
    /// of each other (0.22-0.25, 0.37-0.38); -2.0 is best on text placed (assign 0.885 against
    /// 0.851-0.883) and joins (0.712 against 0.68-0.70).
    pub fn for_page(lang: &Lang, geometric: bool, positional: bool, printed: bool) -> Params {
        let base = Params::for_lang(lang);
        if geometric {
            return Params { positional, switch: base.switch * GEOMETRIC_SWITCH, ..base };
        }
        if printed { Params { weak_threshold: Some(PRINTED_WEAK_THRESHOLD), ..base } } else { base }
    }

    pub fn for_lang(lang: &Lang) -> Params {
        let base = Params::default();
        if lang.code.is_cjk() {
            Params { topic_tau: 0.02, cohesion: 38.0, weak_threshold: Some(-0.5), outbid: 3.0, ..base }
        } else {
            Params { order_next: 0.5, ..base }
        }
    }
}

/// How much more moving to another story costs where the page's geometry found the reading order.
const GEOMETRIC_SWITCH: f32 = 3.0;
/// The headline log-odds from which a lone heading is settled as a headline on a page read off a
/// print (see `Params::for_page`).
const PRINTED_WEAK_THRESHOLD: f32 = -2.0;

/// One place where an article's text goes on elsewhere or a paragraph was joined.
#[derive(Debug, Clone)]
pub struct Continuation {
    /// Unit where the text breaks off, and unit where it resumes.
    pub from: usize,
    pub to: usize,
    pub score: f32,
    pub evidence: Vec<String>,
    /// The paragraph at `from` and the one at `to` were made one.
    pub joined: bool,
}

/// An article as the linker built it: references into the segments.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub seed: Option<usize>,
    /// Seeds whose headline was found away from its text and given to this article.
    pub adopted: Vec<usize>,
    /// Units in reading order.
    pub units: Vec<usize>,
    /// For each unit after the first: whether it continues the previous unit's paragraph.
    pub join_prev: Vec<bool>,
    pub continuations: Vec<Continuation>,
    pub flags: Vec<String>,
    pub confidence: f32,
    /// Stories of a series set in this article under its headline, in page order.
    pub reports: Vec<Report>,
    /// How many of the seed's heading lines head the article (all when `None`); the rest title
    /// its first part.
    pub own_heads: Option<usize>,
}

/// A story of a series (reports under one rubric, each with its own title and byline) taken into
/// the article that heads the series: its title lines open a section before `units[at]` (or after
/// the last unit when `at` is past them), and its bylines are the article's too.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub at: usize,
    pub heads: Vec<usize>,
    pub bylines: Vec<usize>,
}

pub struct Ctx<'a> {
    pub blocks: &'a [Block],
    pub classes: &'a [Class],
    pub bags: &'a [Bag],
    pub idf: &'a Idf,
    pub lang: &'a Lang,
    pub grams: &'a seam::PageGrams,
    /// Blank lines on this page mark column breaks, not paragraph ends.
    pub column_blanks: bool,
    /// How many distinct features the page's bags use.
    pub n_features: usize,
    /// Seam scores already computed, by (from block, to block).
    pub seam_cache: std::cell::RefCell<rustc_hash::FxHashMap<(u32, u32), f32>>,
    /// What the seam tests read at each block's ends, worked out the first time a seam asks.
    pub seam_ends: Vec<std::cell::OnceCell<seam::Ends<'a>>>,
    pub params: Params,
    pub max_candidates: usize,
}

impl<'a> Ctx<'a> {
    fn ends(&self, block: usize) -> &seam::Ends<'a> {
        self.seam_ends[block].get_or_init(|| seam::Ends::of(&self.blocks[block].text, self.lang, self.classes[block].open_end))
    }

    fn seam_of(&self, from_block: usize, to_block: usize, evidence: bool) -> Seam {
        let (a, b) = (&self.classes[from_block], &self.classes[to_block]);
        let full = self.blocks[from_block].last_full || self.column_blanks;
        seam::score_ends(self.ends(from_block), a.open_end, full, self.ends(to_block), b.start, self.lang, self.grams, evidence)
    }

    fn seam(&self, from_block: usize, to_block: usize) -> Seam {
        self.seam_of(from_block, to_block, true)
    }

    /// The seam's score alone, remembered: the assignment asks about the same pairs every round.
    fn seam_score(&self, from_block: usize, to_block: usize) -> f32 {
        // Keyed by 32-bit block numbers: a long page remembers a few seams per unit.
        let key = (from_block as u32, to_block as u32);
        if let Some(s) = self.seam_cache.borrow().get(&key) {
            return *s;
        }
        let s = self.seam_of(from_block, to_block, false).score;
        crate::work::add(1);
        self.seam_cache.borrow_mut().insert(key, s);
        s
    }
}

/// Labels every unit with an article and orders each article's units.
pub fn link(seg: &Segments, ctx: &Ctx) -> (Segments, Vec<Plan>) {
    let settled;
    let seg = match ctx.params.weak_threshold {
        Some(t) => {
            settled = settle_weak(seg, t);
            &settled
        }
        None => seg,
    };
    let married = marry_orphans(seg, ctx);
    let seg = &married;
    let n_seeds = seg.seeds.len();
    let headless = n_seeds;
    let n_states = n_seeds + 1;
    let hmm: Vec<usize> = (0..seg.units.len()).filter(|&i| matches!(seg.units[i].kind, UnitKind::Para | UnitKind::Subhead)).collect();
    // The last seed at or before each unit position, and the seed that sits directly above it.
    let mut seed_above: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    let mut last_seed: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    {
        let mut s = 0;
        let mut cur = None;
        for pos in 0..=seg.units.len() {
            while s < n_seeds && seg.seeds[s].at == pos {
                cur = Some(s);
                seed_above[pos] = Some(s);
                s += 1;
            }
            last_seed[pos] = cur;
        }
    }
    let orphan = orphan_seeds(seg, ctx);
    let frag = fragments(seg, ctx, &hmm);
    let n_frags = frag.last().map_or(0, |f| f + 1);
    // For each unit, the seed (not an orphan) standing between it and the previous unit, if any:
    // the headline or byline directly above it.
    let under: Vec<Option<usize>> = hmm
        .iter()
        .enumerate()
        .map(|(k, &u)| {
            let lo = if k == 0 { 0 } else { hmm[k - 1] + 1 };
            (lo..=u).rev().find_map(|pos| seed_above[pos]).filter(|&s| !orphan[s])
        })
        .collect();
    let mut anchor: Vec<Option<usize>> = vec![None; n_frags];
    for k in 0..hmm.len() {
        if k == 0 || frag[k] != frag[k - 1] {
            anchor[frag[k]] = under[k];
        }
    }
    // Start from position: each unit in the story of the last strong seed above it (the highest
    // such seed index at or before each position, found in one pass rather than a search per unit).
    let mut strong_upto: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    for (s, sd) in seg.seeds.iter().enumerate() {
        if !orphan[s] && sd.weak.is_none() && sd.at <= seg.units.len() {
            strong_upto[sd.at] = strong_upto[sd.at].max(Some(s));
        }
    }
    for pos in 1..strong_upto.len() {
        strong_upto[pos] = strong_upto[pos].max(strong_upto[pos - 1]);
    }
    let mut labels: Vec<usize> = hmm.iter().map(|&u| strong_upto[u].unwrap_or(headless)).collect();
    let near = near_open_ends(seg, &hmm, ctx.classes, ctx.max_candidates);
    let block_of = |k: usize| seg.units[hmm[k]].block;
    let seed_bags: Vec<Bag> = seg.seeds.iter().map(|s| merge_bags(&s.heads, ctx.bags)).collect();
    let mut frag_range: Vec<(usize, usize)> = vec![(0, 0); n_frags];
    for (k, &f) in frag.iter().enumerate() {
        if k == 0 || frag[k - 1] != f {
            frag_range[f].0 = k;
        }
        frag_range[f].1 = k + 1;
    }
    let weights: Vec<Weights> = hmm.iter().map(|&u| Weights::of(&ctx.bags[seg.units[u].block], ctx.idf)).collect();
    let closed = closed_runs(seg, ctx, &orphan);
    let mut closed_in: Vec<Option<usize>> = vec![None; seg.units.len()];
    for (a, run) in closed.iter().enumerate() {
        if let Some((lo, hi)) = *run {
            closed_in[lo..hi].fill(Some(a));
        }
    }
    let env = Env {
        seg,
        ctx,
        hmm: &hmm,
        under: &under,
        last_seed: &last_seed,
        orphan: &orphan,
        frag: &frag,
        anchor: &anchor,
        frag_range: &frag_range,
        weights: &weights,
        n_states,
        near: &near,
        closed: &closed,
        closed_in: &closed_in,
        driven: ctx.classes.iter().any(|c| c.display),
    };
    let mut frag_bags = FragBags::default();
    let mut profiles = Profiles::default();

    // The first pass knows a story only by its headline and the text directly under it (the
    // opening units of the fragment there, `OPENING_UNITS`), so text
    // given to it by mere position cannot vouch for itself; later passes use all of a story's text
    // but the fragment being scored.
    let mut before: Vec<usize> = Vec::new();
    let rounds = if ctx.params.positional { 0 } else { ROUNDS };
    for round in 0..rounds {
        let full = round > 0 && ctx.params.full_rounds;
        let heads = (0..n_seeds).map(|a| (a, &seed_bags[a]));
        let texts = (0..hmm.len())
            .filter(|&k| {
                let a = labels[k];
                full || a == headless || (!orphan[a] && seg.seeds[a].weak.is_none() && anchor[frag[k]] == Some(a) && env.in_opening(k))
            })
            .map(|k| (labels[k], &ctx.bags[block_of(k)]));
        if full && round >= 2 {
            // The same members as the last (full) round, in the same order: only their stories differ.
            profiles.refill(n_states, heads.chain(texts), ctx.idf, ctx.n_features);
        } else {
            profiles.rebuild(n_states, heads.chain(texts), ctx.idf, ctx.n_features);
        }
        let new = viterbi(&env, &labels, &profiles, full, round, &mut frag_bags);
        if new == labels {
            break;
        }
        // A round is a function of the labels alone (from the second on, when every round is
        // full), so labels that come back after two rounds would alternate in every round left:
        // the units that trade stories are settled now, by what the rest of the page says.
        if round >= 2 && new == before {
            let units: Vec<Settling> =
                (0..hmm.len()).map(|k| Settling { bag: &ctx.bags[block_of(k)], weights: &weights[k], under: under[k] }).collect();
            labels = settle_alternation(&units, &seed_bags, ctx.idf, ctx.n_features, &labels, &new, (ROUNDS - 1 - round).is_multiple_of(2));
            break;
        }
        before = std::mem::replace(&mut labels, new);
    }
    stacked_first_units(seg, &hmm, &mut labels);
    // Where the page's geometry found headline type, its headline groups are where stories
    // start: a section under a heading in body type, however far its topic from the rest, is a
    // part of the story (a composite report), not a story whose headline is missing.
    let driven = env.driven;
    let (seg0, hmm0, labels0) = if driven { (seg.clone(), hmm.clone(), labels.clone()) } else { split_headless_runs(seg, ctx, &hmm, &labels) };
    let (seg1, hmm1, labels1) = if driven { (seg0, hmm0, labels0) } else { split_weak_sections(&seg0, ctx, &hmm0, &labels0) };
    let (seg2, hmm2, labels2) = demote_unused_weak(&seg1, &hmm1, &labels1);
    let n_states2 = seg2.seeds.len() + 1;
    let mut plans = plans(&seg2, ctx, &hmm2, &labels2, n_states2);
    merge_series(&seg2, ctx, &mut plans);
    let mut seg2 = seg2;
    promote_displaced_heads(&mut seg2, ctx, &mut plans);
    (seg2, plans)
}

/// A story left without a headline that holds a heading with none of its text under it (the next
/// unit down the page is another story's) holds its own headline, printed away from it: the
/// assignment gave the heading to the story whose words it shares, as a subhead. It becomes the
/// story's headline (a seed of its own, adopted). Section labels (一、, 核心阅读) stay subheads.
fn promote_displaced_heads(seg: &mut Segments, ctx: &Ctx, plans: &mut [Plan]) {
    let mut owner: Vec<Option<usize>> = vec![None; seg.units.len()];
    for (i, pl) in plans.iter().enumerate() {
        for &u in &pl.units {
            owner[u] = Some(i);
        }
    }
    for (i, pl) in plans.iter_mut().enumerate() {
        let headless = pl.seed.is_none_or(|s| seg.seeds[s].heads.is_empty()) && pl.adopted.is_empty();
        if !headless {
            continue;
        }
        let displaced = pl.units.iter().position(|&u| {
            let unit = seg.units[u];
            let text = &ctx.blocks[unit.block].text;
            unit.kind == UnitKind::Subhead
                && owner.get(u + 1).copied().flatten() != Some(i)
                && !ctx.lang.is_section_numbered(text)
                && !ctx.lang.is_standing_label(text)
        });
        let Some(k) = displaced else { continue };
        let u = pl.units.remove(k);
        pl.join_prev.remove(k);
        if let Some(first) = pl.join_prev.first_mut() {
            *first = false;
        }
        pl.continuations.retain(|c| c.from != u && c.to != u);
        seg.seeds.push(Seed { heads: vec![seg.units[u].block], bylines: Vec::new(), at: u, weak: None });
        pl.adopted.push(seg.seeds.len() - 1);
        pl.flags.push("headline found away from its text, among its sections".into());
    }
}

/// Headlines stacked with nothing between them share the text under them: by position its first
/// paragraph goes to the nearest, though by its words the rest goes to another of the stack. One
/// paragraph under a stacked headline, with the text straight after it in a sibling's story, is
/// that sibling's first paragraph: the headline's own text is elsewhere on the page (or, if it has
/// none, the headline is left for a headless story to adopt).
fn stacked_first_units(seg: &Segments, hmm: &[usize], labels: &mut [usize]) {
    let n_seeds = seg.seeds.len();
    for k in 0..hmm.len().saturating_sub(1) {
        let (b, a) = (labels[k], labels[k + 1]);
        if b >= n_seeds || a >= n_seeds || a == b {
            continue;
        }
        let (sa, sb) = (&seg.seeds[a], &seg.seeds[b]);
        // Both stand right above this paragraph, and the sibling's text goes on under it.
        let top = hmm[k];
        if sa.at != sb.at || sb.at > top || seg.units[sb.at..top].iter().any(|u| matches!(u.kind, UnitKind::Para | UnitKind::Subhead)) {
            continue;
        }
        if sa.heads.is_empty() || sb.heads.is_empty() || !sb.bylines.is_empty() || sa.weak.is_some() || sb.weak.is_some() {
            continue;
        }
        if seg.units[top].kind != UnitKind::Para || seg.units[hmm[k + 1]].kind != UnitKind::Para || hmm[k + 1] != top + 1 {
            continue;
        }
        labels[k] = a;
    }
}

/// For each seed over a photo story (see `segment::photo_story_end`), the units the story spans:
/// it ends where it is printed, and takes no text from elsewhere. A heading known only by itself
/// is left open: it may be a subhead of the story above. (Closing a seed's text at a credit
/// (（作者为…）) instead cut stories' sections off as often as it kept briefs whole.)
fn closed_runs(seg: &Segments, ctx: &Ctx, orphan: &[bool]) -> Vec<Option<(usize, usize)>> {
    let mut seed_at = vec![false; seg.units.len() + 1];
    for s in &seg.seeds {
        seed_at[s.at] = true;
    }
    (0..seg.seeds.len())
        .map(|s| {
            let lo = seg.seeds[s].at;
            if seg.seeds[s].weak.is_some() || orphan[s] || lo >= seg.units.len() {
                return None;
            }
            let below = &seg.units[lo..];
            crate::segment::photo_story_end(below, |i| i > 0 && seed_at[lo + i], ctx.blocks, ctx.classes, ctx.lang)
                .or_else(|| signed_end(below, |i| i > 0 && seed_at[lo + i], ctx.classes))
                .map(|end| (lo, lo + end + 1))
        })
        .collect()
}

/// Where a piece under a seed ends at its author's signature, if it does: the index in `below` of
/// the first signature (a credit naming its author) before the next seed. The piece is printed
/// whole between its headline and its name.
fn signed_end(below: &[Unit], seed_at: impl Fn(usize) -> bool, classes: &[crate::classify::Class]) -> Option<usize> {
    below.iter().enumerate().take_while(|&(i, _)| !seed_at(i)).find(|(_, u)| u.kind == UnitKind::Credit && !classes[u.block].signs.is_empty()).map(|(i, _)| i)
}

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

fn series_marks(heads: &[usize], ctx: &Ctx) -> Vec<SeriesMark> {
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
fn is_label(ctx: &Ctx, h: usize) -> bool {
    let t = ctx.blocks[h].text.trim();
    ctx.blocks[h].cjk && (2..=SERIES_LABEL_MAX).contains(&t.chars().count()) && t.chars().all(crate::lang::is_cjk)
}

/// Reports of a series (新春走基层: items under one rubric, each titled in parallel over its own
/// byline) are one article, as the paper publishes them: the article of the report whose headline
/// group carries the rubric (else the first) takes the others as parts in page order.
fn merge_series(seg: &Segments, ctx: &Ctx, plans: &mut Vec<Plan>) {
    // Without a kicker/title pattern, only CJK titles' halves can mark a series.
    if ctx.lang.series_item.is_empty() && !ctx.lang.code.is_cjk() {
        return;
    }
    // Titled, bylined stories and what marks them.
    let items: Vec<(usize, usize, Vec<SeriesMark>)> = plans
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
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn root(parent: &mut [usize], mut k: usize) -> usize {
        while parent[k] != k {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        k
    }
    let mut first_with: FxHashMap<&SeriesMark, usize> = FxHashMap::default();
    for (k, (_, _, marks)) in items.iter().enumerate() {
        for m in marks.iter().filter(|m| series(m)) {
            let (a, b) = (root(&mut parent, *first_with.entry(m).or_insert(k)), root(&mut parent, k));
            parent[a.max(b)] = a.min(b);
        }
    }
    // A story with no such mark stays a group of one, and one is no series.
    let mut groups: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
    for (k, &(i, s, _)) in items.iter().enumerate() {
        groups.entry(root(&mut parent, k)).or_default().push((i, s));
    }
    let mut groups: Vec<Vec<(usize, usize)>> = groups.into_values().filter(|g| g.len() >= 2).collect();
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
fn merge_reports(seg: &Segments, plans: &mut [Plan], mut members: Vec<(usize, usize)>) -> Vec<usize> {
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
fn heading_shape(ctx: &Ctx, block: usize) -> Vec<usize> {
    let b = &ctx.blocks[block];
    if !b.cjk {
        return Vec::new();
    }
    crate::clean::cjk::heading_halves(b.text.trim()).map(|p| p.chars().filter(|c| !c.is_whitespace()).count()).collect()
}

/// Text a story keeps above a split for its cohesion with what follows to mean anything: more than a
/// one-line lead.
const LEAD_MIN: u32 = 60;

/// Text that shares (almost) nothing with the rest of its story is a story of its own whose
/// headline is missing: the assignment only had the seeded stories to give it to. Such text is a
/// run of the story's units that stands apart from the rest of it on the page (after other stories'
/// text) and starts a fresh paragraph, or the tail of a run after a finished paragraph.
fn split_headless_runs(seg: &Segments, ctx: &Ctx, hmm: &[usize], labels: &[usize]) -> (Segments, Vec<usize>, Vec<usize>) {
    let n = hmm.len();
    let n_seeds = seg.seeds.len();
    let (tau, min_chars) = (ctx.params.detach_tau, 80);
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
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_seeds];
    let mut paras: Vec<usize> = vec![0; n_seeds];
    let mut story_chars: Vec<u32> = vec![0; n_seeds];
    for k in 0..n {
        if labels[k] < n_seeds {
            members[labels[k]].push(block(k));
            paras[labels[k]] += usize::from(seg.units[hmm[k]].kind == UnitKind::Para);
            story_chars[labels[k]] += ctx.blocks[block(k)].stats.chars;
        }
    }
    let mut runs_of: Vec<Vec<usize>> = vec![Vec::new(); n_seeds];
    for (r, &(lo, _)) in runs.iter().enumerate() {
        if labels[lo] < n_seeds {
            runs_of[labels[lo]].push(r);
        }
    }
    let (tau2, min2) = (ctx.params.topic_tau, 150);
    let parallel = parallel_subheads(seg, ctx, hmm, labels);
    let mut scan = PartOf::new(ctx.idf, ctx.n_features);
    let mut new: Vec<(usize, usize)> = Vec::new();
    for a in 0..n_seeds {
        if members[a].is_empty() {
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
                    if tail_paras == paras[a] || story_chars[a] - chars < LEAD_MIN {
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
        return (seg.clone(), hmm.to_vec(), labels.to_vec());
    }
    // Headless seeds at the runs' first units; old seeds keep their order around them.
    let mut order: Vec<(usize, bool, usize)> = (0..n_seeds).map(|s| (seg.seeds[s].at, false, s)).collect();
    new.sort_unstable();
    order.extend(new.iter().enumerate().map(|(i, &(lo, _))| (hmm[lo], true, i)));
    // At one position a new seed goes after the old ones: they stand above the unit it opens at.
    order.sort_by_key(|&(at, fresh, i)| (at, fresh, i));
    let mut out = Segments { seeds: Vec::with_capacity(order.len()), units: seg.units.clone() };
    let mut old_to_new = vec![0usize; n_seeds + 1];
    let mut fresh_to_new = vec![0usize; new.len()];
    for (idx, &(at, fresh, i)) in order.iter().enumerate() {
        if fresh {
            fresh_to_new[i] = idx;
            out.seeds.push(crate::segment::Seed { heads: Vec::new(), bylines: Vec::new(), at, weak: None });
        } else {
            old_to_new[i] = idx;
            out.seeds.push(seg.seeds[i].clone());
        }
    }
    old_to_new[n_seeds] = out.seeds.len();
    let mut labels2: Vec<usize> = labels.iter().map(|&l| old_to_new[l]).collect();
    for (i, &(lo, hi)) in new.iter().enumerate() {
        for l in &mut labels2[lo..hi] {
            *l = fresh_to_new[i];
        }
    }
    (out, hmm.to_vec(), labels2)
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
fn split_weak_sections(seg: &Segments, ctx: &Ctx, hmm: &[usize], labels: &[usize]) -> (Segments, Vec<usize>, Vec<usize>) {
    let n = hmm.len();
    let seeds_upto = seeds_upto(seg);
    let seed_between = |lo: usize, hi: usize| seeds_upto[hi] > seeds_upto[lo];
    let mut promote: Vec<(usize, Vec<usize>)> = Vec::new();
    let parallel = parallel_subheads(seg, ctx, hmm, labels);
    // Subheads of stories longer than `LONG_STORY` units: (story, subhead, section's text, section).
    let mut long: Vec<(usize, usize, Bag, Vec<usize>)> = Vec::new();
    // Each story's units in page order: the rest of a story is found among its own units, not by
    // a walk over the page's for every subhead.
    let mut story_units: Vec<Vec<usize>> = vec![Vec::new(); seg.seeds.len() + 1];
    for (x, &l) in labels.iter().enumerate() {
        story_units[l].push(x);
    }
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
        let mut rest_blocks: Vec<usize> = story_units[a].iter().copied().filter(|&x| x != k && !(k + 1..j).contains(&x)).map(|x| seg.units[hmm[x]].block).collect();
        crate::work::add(story_units[a].len() as u64);
        if a < seg.seeds.len() {
            rest_blocks.extend(&seg.seeds[a].heads);
        }
        let s = sim(&sec_bag, &merge_bags(&rest_blocks, ctx.bags), ctx.idf);
        if s < ctx.params.split_tau {
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
            let heads = if a < seg.seeds.len() { seg.seeds[a].heads.as_slice() } else { &[] };
            total.set_whole(story_units[a].iter().map(|&x| &ctx.bags[seg.units[hmm[x]].block]).chain(heads.iter().map(|&h| &ctx.bags[h])));
            crate::work::add(story_units[a].len() as u64);
            last = Some(a);
        }
        let s = total.sim_less(&sec_bag, &ctx.bags[seg.units[hmm[k]].block]);
        if s < ctx.params.split_tau {
            promote.push((k, section));
        }
    }
    promote.sort_by_key(|x| x.0);
    if promote.is_empty() {
        return (seg.clone(), hmm.to_vec(), labels.to_vec());
    }
    // New seeds for the promoted headings; old seed indices shift to make room in page order.
    let n_seeds = seg.seeds.len();
    let mut seeds: Vec<(crate::segment::Seed, Option<usize>)> = seg.seeds.iter().cloned().enumerate().map(|(i, s)| (s, Some(i))).collect();
    // Ascending, as `promote` is in page order: looked up by bisection.
    let promoted_units: Vec<usize> = promote.iter().map(|(k, _)| hmm[*k]).collect();
    // Positions are recomputed below; `at` here is in old unit numbering.
    for &(k, _) in &promote {
        let u = hmm[k];
        seeds.push((crate::segment::Seed { heads: vec![seg.units[u].block], bylines: Vec::new(), at: u, weak: None }, None));
    }
    seeds.sort_by_key(|(s, _)| (s.at, s.heads.first().or(s.bylines.first()).copied()));
    let mut old_to_new = vec![0usize; n_seeds + 1];
    let mut unit_to_new_seed: Vec<(usize, usize)> = Vec::new();
    for (i, (s, old)) in seeds.iter().enumerate() {
        match old {
            Some(o) => old_to_new[*o] = i,
            None => unit_to_new_seed.push((s.at, i)),
        }
    }
    old_to_new[n_seeds] = seeds.len();
    let mut new_label: Vec<usize> = labels.iter().map(|&l| old_to_new[l]).collect();
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
    (out, hmm2, labels2)
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
fn parallel_subheads(seg: &Segments, ctx: &Ctx, hmm: &[usize], labels: &[usize]) -> Vec<bool> {
    let key = |k: usize| {
        let b = seg.units[hmm[k]].block;
        (seg.units[hmm[k]].kind == UnitKind::Subhead && !ctx.lang.is_tagged(&ctx.blocks[b].text))
            .then(|| (labels[k], heading_shape(ctx, b)))
            .filter(|(_, parts)| !parts.is_empty() && parts.iter().all(|&n| n <= PARALLEL_PART_MAX))
    };
    let keys: Vec<_> = (0..hmm.len()).map(key).collect();
    let mut count: FxHashMap<&(usize, Vec<usize>), u32> = FxHashMap::default();
    for k in keys.iter().flatten() {
        *count.entry(k).or_default() += 1;
    }
    keys.iter().map(|k| k.as_ref().is_some_and(|k| count[k] >= 2)).collect()
}

/// Decides lone headings by their log-odds alone: above `t` a headline (a strong seed), else a subhead.
fn settle_weak(seg: &Segments, t: f32) -> Segments {
    let hmm: Vec<usize> = (0..seg.units.len()).collect();
    let labels = vec![0usize; seg.units.len()];
    let demote: Vec<bool> = seg.seeds.iter().map(|s| s.weak.is_some_and(|o| o <= t)).collect();
    let (mut out, _, _) = rebuild(seg, &hmm, &labels, &demote);
    for s in &mut out.seeds {
        s.weak = None;
    }
    out
}

/// Lone headings that won no text of their own head sections: they become subhead units of the
/// story that the text under them went to.
fn demote_unused_weak(seg: &Segments, hmm: &[usize], labels: &[usize]) -> (Segments, Vec<usize>, Vec<usize>) {
    let n_seeds = seg.seeds.len();
    let mut used = vec![false; n_seeds + 1];
    for &l in labels {
        used[l] = true;
    }
    let demoted: Vec<bool> = (0..n_seeds).map(|s| seg.seeds[s].weak.is_some() && !used[s]).collect();
    rebuild(seg, hmm, labels, &demoted)
}

/// Turns the `demoted` seeds into subhead units, keeping every unit's label (seed indices renumbered).
fn rebuild(seg: &Segments, hmm: &[usize], labels: &[usize], demoted: &[bool]) -> (Segments, Vec<usize>, Vec<usize>) {
    let n_seeds = seg.seeds.len();
    let mut new_id = vec![0usize; n_seeds + 1];
    let mut k = 0;
    for s in 0..n_seeds {
        new_id[s] = k;
        if !demoted[s] {
            k += 1;
        }
    }
    new_id[n_seeds] = k;
    let label_of_unit: Vec<Option<usize>> = {
        let mut v = vec![None; seg.units.len()];
        for (i, &u) in hmm.iter().enumerate() {
            v[u] = Some(labels[i]);
        }
        v
    };
    let mut out = Segments::default();
    let mut hmm2 = Vec::new();
    let mut labels2 = Vec::new();
    let mut index = vec![0usize; seg.units.len() + 1];
    // Seeds in position order (index order among equals), and the nearest label at or below and
    // strictly above each position: one pass each, so many seeds cost no scan of the page apiece.
    let mut by_pos: Vec<usize> = (0..n_seeds).filter(|&s| seg.seeds[s].at <= seg.units.len()).collect();
    by_pos.sort_by_key(|&s| seg.seeds[s].at);
    let mut label_below: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    for x in (0..seg.units.len()).rev() {
        label_below[x] = label_of_unit[x].or(label_below[x + 1]);
    }
    let mut label_above: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    for x in 1..=seg.units.len() {
        label_above[x] = label_of_unit[x - 1].or(label_above[x - 1]);
    }
    let mut next = 0;
    for pos in 0..=seg.units.len() {
        while next < by_pos.len() && seg.seeds[by_pos[next]].at == pos {
            let s = by_pos[next];
            let seed = &seg.seeds[s];
            next += 1;
            if demoted[s] {
                // The heading goes with the text below it (else the text above).
                let label = label_below[pos].or(label_above[pos]).unwrap_or(n_seeds);
                hmm2.push(out.units.len());
                labels2.push(new_id[label]);
                out.units.push(Unit { block: seed.heads[0], kind: UnitKind::Subhead, weak: seed.weak });
            } else {
                let mut s2 = seed.clone();
                s2.at = out.units.len();
                out.seeds.push(s2);
            }
        }
        if pos == seg.units.len() {
            break;
        }
        index[pos] = out.units.len();
        if let Some(l) = label_of_unit[pos] {
            hmm2.push(out.units.len());
            labels2.push(new_id[l]);
        }
        out.units.push(seg.units[pos]);
    }
    // Seeds standing at the page's end keep `at` = number of units.
    for s in &mut out.seeds {
        s.at = s.at.min(out.units.len());
    }
    (out, hmm2, labels2)
}

struct Env<'a, 'c> {
    seg: &'a Segments,
    ctx: &'a Ctx<'c>,
    hmm: &'a [usize],
    /// For each unit (position in `hmm`), the seed directly above it: between it and the unit before.
    under: &'a [Option<usize>],
    last_seed: &'a [Option<usize>],
    orphan: &'a [bool],
    frag: &'a [usize],
    /// For each fragment, the seed it stands directly under.
    anchor: &'a [Option<usize>],
    /// For each fragment, its units: positions `lo..hi` in `hmm`.
    frag_range: &'a [(usize, usize)],
    /// Each unit's feature weights, the same in every round.
    weights: &'a [Weights],
    n_states: usize,
    /// For each unit, the open ends nearest it, with their seams into it.
    near: &'a NearEnds,
    /// For each seed whose story ends where it is printed, the units it spans.
    closed: &'a [Option<(usize, usize)>],
    /// For each unit, the seed of the photo story it is part of: its only story.
    closed_in: &'a [Option<usize>],
    /// The page's geometry found headline type, and stories start at its headline groups: text
    /// under one is some story's, never a story without a headline.
    driven: bool,
}

impl Env<'_, '_> {
    /// Whether the unit at `k` in `hmm` is among the first `OPENING_UNITS` of its fragment: the
    /// text the first round knows the fragment's story by, if the fragment stands under its seed.
    fn in_opening(&self, k: usize) -> bool {
        k - self.frag_range[self.frag[k]].0 < OPENING_UNITS
    }
}

/// For each paragraph unit, the `ctx.max_candidates` open-ended paragraphs nearest it on the page
/// (not itself, nor the one right above it, which is no jump): the open ends whose seams into it
/// the assignment weighs. Seams do not depend on the labels, and each one scored is remembered
/// (`Ctx::seam_score`) for all rounds, which weigh only the open ends that close their story's run
/// (about a fifth of them). A unit weighs a bounded number of open ends, so a page of many
/// (one-word lines, a whole volume) costs linear time. Ordinary pages have fewer open ends than
/// the bound, and see all of them. The nearest open ends of a unit are a run of the page's open
/// ends, kept as its bounds: a list per unit held a page's units times the bound.
struct NearEnds {
    /// The open ends, as positions in `hmm`.
    open: Vec<u32>,
    /// For each unit, the run of `open` nearest it (empty for a unit that is not a paragraph).
    run: Vec<(u32, u32)>,
}

impl NearEnds {
    /// The open ends near unit `k`.
    fn of(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        let (lo, hi) = self.run[k];
        self.open[lo as usize..hi as usize].iter().map(|&t| t as usize).filter(move |&t| t != k && t + 1 != k)
    }
}

fn near_open_ends(seg: &Segments, hmm: &[usize], classes: &[Class], max_candidates: usize) -> NearEnds {
    let is_para = |k: usize| seg.units[hmm[k]].kind == UnitKind::Para;
    let open: Vec<usize> = (0..hmm.len()).filter(|&k| is_para(k) && classes[seg.units[hmm[k]].block].open_end).collect();
    let want = max_candidates.max(1);
    let run = (0..hmm.len())
        .map(|k| {
            if !is_para(k) {
                return (0, 0);
            }
            let usable = |t: usize| t != k && t + 1 != k;
            // Walk outwards from k, the nearer side first (the earlier on a tie).
            let mut taken = 0;
            let mid = open.partition_point(|&t| t < k);
            let (mut lo, mut hi) = (mid, mid);
            while taken < want && (lo > 0 || hi < open.len()) {
                let take_lo = match (lo > 0, hi < open.len()) {
                    (true, true) => k - open[lo - 1] <= open[hi] - k,
                    (l, _) => l,
                };
                let t = if take_lo {
                    lo -= 1;
                    open[lo]
                } else {
                    hi += 1;
                    open[hi - 1]
                };
                taken += usize::from(usable(t));
            }
            crate::work::add((hi - lo) as u64);
            (lo as u32, hi as u32)
        })
        .collect();
    NearEnds { open: open.into_iter().map(|t| t as u32).collect(), run }
}

/// Seeds with no text of their own below them: the next thing is another seed, the page's end, or
/// text that starts mid-sentence (so continues something else). Their headlines landed away from
/// their stories; they take no text in the assignment and are given to a story afterwards.
fn orphan_seeds(seg: &Segments, ctx: &Ctx) -> Vec<bool> {
    let n = seg.seeds.len();
    // For each seed, where the next seed further down stands (the first later seed with a greater
    // position); and for each position, the first paragraph at or after it. Both in one pass, so
    // a page of many seeds is not scanned once per seed.
    let mut end_of: Vec<usize> = vec![seg.units.len(); n];
    let mut waiting: Vec<usize> = Vec::new();
    for t in 0..n {
        while let Some(&s) = waiting.last() {
            if seg.seeds[t].at > seg.seeds[s].at {
                end_of[s] = seg.seeds[t].at;
                waiting.pop();
            } else {
                break;
            }
        }
        waiting.push(t);
    }
    let mut para_from: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    for u in (0..seg.units.len()).rev() {
        para_from[u] = if seg.units[u].kind == UnitKind::Para { Some(u) } else { para_from[u + 1] };
    }
    (0..n)
        .map(|s| {
            if seg.seeds[s].weak.is_some() {
                return false;
            }
            let at = seg.seeds[s].at;
            let end = end_of[s];
            let next_seed_same = seg.seeds.get(s + 1).is_some_and(|t| t.at == at);
            if next_seed_same || seg.seeds[s].heads.is_empty() {
                return next_seed_same && !seg.seeds[s].heads.is_empty();
            }
            match para_from.get(at).copied().flatten().filter(|&u| u < end) {
                None => true,
                // In a reading order found from the page's geometry, the text under a headline is
                // its own, however it begins.
                Some(u) => !ctx.params.positional && ctx.classes[seg.units[u].block].start.continues(),
            }
        })
        .collect()
}

/// How well an end line of a headline group must fit a headless story's opening to go to it: at
/// least this cosine, and this many times its fit with the text under the group.
const STRAY_LINE_MIN: f32 = 0.06;
const STRAY_LINE_RATIO: f32 = 2.0;

/// Gives each headline that stands away from any text to the headless story (a byline or dispatch
/// with no headline) whose opening it fits best, before the assignment; headlines left over compete
/// for text anywhere on the page.
fn marry_orphans(seg: &Segments, ctx: &Ctx) -> Segments {
    let mut out = seg.clone();
    let orphan = orphan_seeds(seg, ctx);
    let n = seg.seeds.len();
    let mut ats: Vec<usize> = seg.seeds.iter().map(|t| t.at).collect();
    ats.sort_unstable();
    let opening = |s: usize| -> Bag {
        let at = seg.seeds[s].at;
        let next_at = ats.get(ats.partition_point(|&a| a <= at)).copied();
        let end = next_at.unwrap_or(seg.units.len()).min(at + 6);
        let blocks: Vec<usize> = (at..end).filter(|&u| seg.units[u].kind == UnitKind::Para).map(|u| seg.units[u].block).collect();
        merge_bags(&blocks, ctx.bags)
    };
    let headless: Vec<usize> = (0..n).filter(|&s| seg.seeds[s].heads.is_empty() && !orphan[s]).collect();
    let openings: Vec<Bag> = headless.iter().map(|&s| opening(s)).collect();
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    // A headline is weighed against the headless stories among the nearest seeds only, as the
    // assignment weighs a unit against the nearest stories: a page of many seeds stays linear.
    let reach = ctx.max_candidates.max(1);
    // The headless stories within reach of seed `s`, as positions in `headless` (and `openings`).
    let near = |s: usize| headless.partition_point(|&h| h + reach < s)..headless.partition_point(|&h| h <= s + reach);
    for o in (0..n).filter(|&o| orphan[o] && !seg.seeds[o].heads.is_empty()) {
        let head = merge_bags(&seg.seeds[o].heads, ctx.bags);
        for j in near(o) {
            let h = headless[j];
            let sc = sim(&head, &openings[j], ctx.idf);
            if sc > 0.05 {
                pairs.push((sc, o, h));
            }
        }
    }
    // A headline that landed on or under another story's headline group reads as its kicker or
    // deck: an end line of a group goes to a headless story whose opening it fits clearly better
    // than the text under the group (HERITAGE COMMUNICATIONS IN SPECIAL MEETING over a Finnish
    // market story). Only a line set apart from the group by a blank line: one group is set tight.
    // (fit, seed, headless story, whether the line is the group's last)
    let mut strays: Vec<(f32, usize, usize, bool)> = Vec::new();
    for s in (0..n).filter(|&s| !orphan[s] && seg.seeds[s].weak.is_none() && seg.seeds[s].heads.len() >= 2) {
        let heads = &seg.seeds[s].heads;
        let last = heads.len() - 1;
        let ends = [(false, ctx.blocks[heads[1]].blank_before > 0), (true, ctx.blocks[heads[last]].blank_before > 0)];
        // Most groups are set tight: their text is not gathered.
        if !ends.iter().any(|&(_, set_apart)| set_apart) {
            continue;
        }
        let mine = opening(s);
        for (bottom, set_apart) in ends {
            if !set_apart {
                continue;
            }
            let (line, rest) = if bottom { (heads[last], &heads[..last]) } else { (heads[0], &heads[1..]) };
            let (line, rest) = (&ctx.bags[line], merge_bags(rest, ctx.bags));
            let (own, rest_own) = (sim(line, &mine, ctx.idf), sim(&rest, &mine, ctx.idf));
            for j in near(s) {
                let h = headless[j];
                let sc = sim(line, &openings[j], ctx.idf);
                // The whole group fitting that story is a headline group astray, not a stray line.
                if sc > STRAY_LINE_MIN && sc > STRAY_LINE_RATIO * own && sim(&rest, &openings[j], ctx.idf) <= rest_own {
                    strays.push((sc, s, h, bottom));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    strays.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    let mut gone = vec![false; n];
    let mut wed = vec![false; n];
    for (_, o, h) in pairs {
        if gone[o] || wed[h] {
            continue;
        }
        out.seeds[h].heads = seg.seeds[o].heads.clone();
        gone[o] = true;
        wed[h] = true;
    }
    let mut split = vec![false; n];
    for (_, s, h, bottom) in strays {
        if split[s] || wed[h] {
            continue;
        }
        let heads = &mut out.seeds[s].heads;
        let line = if bottom { heads.pop().expect("two heads or more") } else { heads.remove(0) };
        out.seeds[h].heads = vec![line];
        split[s] = true;
        wed[h] = true;
    }
    let mut k = 0;
    out.seeds.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    out
}

/// Structural fragments of the HMM units: runs the page gives no reason to break. A unit's cohesion
/// with an article is measured without its own fragment, so a run cannot vouch for itself.
fn fragments(seg: &Segments, ctx: &Ctx, hmm: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(hmm.len());
    let mut id = 0;
    // Seeds standing at or above each position, counted once: whether one stands between two
    // units is then a subtraction, not a walk over every seed.
    let mut seeds_upto = vec![0usize; seg.units.len() + 1];
    for sd in &seg.seeds {
        if sd.at <= seg.units.len() {
            seeds_upto[sd.at] += 1;
        }
    }
    for pos in 1..seeds_upto.len() {
        seeds_upto[pos] += seeds_upto[pos - 1];
    }
    for k in 0..hmm.len() {
        if k > 0 {
            let (pu, u) = (hmm[k - 1], hmm[k]);
            let pb = seg.units[pu].block;
            let b = seg.units[u].block;
            let between_other = u > pu + 1;
            let seed_between = seeds_upto[u] > seeds_upto[pu];
            let cut = seg.units[pu].kind == UnitKind::Para && ctx.classes[pb].open_end;
            let mid = ctx.classes[b].start.continues();
            let gap = ctx.blocks[b].blank_before >= 2;
            if between_other || seed_between || cut || mid || gap {
                id += 1;
            }
        }
        out.push(id);
    }
    out
}

/// The stories a unit may go to: all of them, or on a page with more seeds than `max`, the nearest
/// ones (and the headless story), written into `out`.
fn candidates(n_states: usize, last: Option<usize>, max: usize, out: &mut Vec<usize>) {
    out.clear();
    let n_seeds = n_states - 1;
    if n_seeds <= max {
        out.extend(0..n_states);
        return;
    }
    // Far from its seed a unit only weighs the nearest stories: keeps long pages linear.
    let c = last.unwrap_or(0);
    let lo = c.saturating_sub(max * 2 / 3);
    let hi = (c + max / 3 + 1).min(n_seeds);
    out.extend(lo..hi);
    out.push(n_seeds);
}

/// A fragment and a round of the assignment.
type FragRound = (usize, usize);

/// Each fragment's text per story, kept over the rounds of one page: labels move little from one
/// round to the next, so most of these bags are summed once, not once per round.
#[derive(Default)]
struct FragBags {
    by_key: FxHashMap<(usize, usize), FragBag>,
    /// Scratch: the units of the fragment being looked up that carry the story asked about.
    members: Vec<usize>,
    /// The (story, unit) pairs of one fragment in one round, sorted, and which (fragment, round).
    by_label: (Option<FragRound>, Vec<(usize, usize)>),
}

struct FragBag {
    /// The fragment's units (positions in `hmm`) whose text `bag` sums.
    members: Vec<usize>,
    bag: Bag,
    /// The round `norm2` was worked out in (it depends on that round's profiles).
    round: usize,
    /// The story's squared norm with `bag` taken out.
    norm2: f32,
}

impl FragBags {
    /// The text of fragment `f` (units `range`) in story `l` by `labels`, with story `l`'s squared
    /// norm once that text is out of its profile: what `merge_bags` and `norm2_minus` give.
    fn get(&mut self, env: &Env, labels: &[usize], f: usize, l: usize, round: usize, profiles: &Profiles) -> (&Bag, f32) {
        let FragBags { by_key, members, by_label } = self;
        let e = match by_key.entry((f, l)) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(FragBag { members: Vec::new(), bag: Bag::default(), round: usize::MAX, norm2: 0.0 })
            }
        };
        if e.round != round {
            let (lo, hi) = env.frag_range[f];
            members.clear();
            // A fragment's units by story, gathered once a round: a long fragment split among
            // many stories is asked about once for each of them.
            if by_label.0 != Some((f, round)) {
                by_label.1.clear();
                by_label.1.extend((lo..hi).map(|j| (labels[j], j)));
                by_label.1.sort_unstable();
                by_label.0 = Some((f, round));
                crate::work::add((hi - lo) as u64);
            }
            let at = by_label.1.partition_point(|&(x, _)| x < l);
            members.extend(by_label.1[at..].iter().take_while(|&&(x, _)| x == l).map(|&(_, j)| j));
            if *members != e.members || e.round == usize::MAX {
                let blocks: Vec<usize> = members.iter().map(|&j| env.seg.units[env.hmm[j]].block).collect();
                e.bag = merge_bags(&blocks, env.ctx.bags);
                std::mem::swap(&mut e.members, members);
            }
            e.norm2 = profiles.norm2_minus(l, &e.bag, env.ctx.idf);
            e.round = round;
        }
        (&e.bag, e.norm2)
    }
}

/// What [`settle_alternation`] knows of a unit: its text, and the story whose headline (or
/// byline) stands directly above it, if any.
#[derive(Clone, Copy)]
struct Settling<'a> {
    bag: &'a Bag,
    weights: &'a Weights,
    under: Option<usize>,
}

/// Settles labels that alternate from round to round between `a` and `b`. Such units are two
/// groups trading places: each, placed in one story, makes that story's profile draw the other
/// group, so neither labeling is what the text says (both may put half of one story in another).
/// Each run of alternating units (neighbours in page order trading the same two stories) goes to
/// whichever of its two stories its text is clearly closer to (by `SETTLE_MARGIN`), judged by the
/// units that stay put: their stories' texts and headlines. A near tie keeps what the last round
/// would have left (`b` if `b_last`), as do runs with nothing to judge by.
fn settle_alternation(units: &[Settling], heads: &[Bag], idf: &Idf, n_features: usize, a: &[usize], b: &[usize], b_last: bool) -> Vec<usize> {
    // One state per seed and the headless one, as in the rounds.
    let n_states = heads.len() + 1;
    let stable = (0..units.len()).filter(|&k| a[k] == b[k]).map(|k| (a[k], units[k].bag));
    let profiles = Profiles::build(n_states, heads.iter().enumerate().chain(stable), idf, n_features);
    let mut dot = vec![0.0f32; n_states];
    let mut sims: Vec<(usize, f32)> = Vec::new();
    let mut out = if b_last { b.to_vec() } else { a.to_vec() };
    let mut k = 0;
    while k < units.len() {
        if a[k] == b[k] {
            k += 1;
            continue;
        }
        let mut j = k;
        let (mut to_a, mut to_b) = (0.0f32, 0.0f32);
        while j < units.len() && a[j] == a[k] && b[j] == b[k] {
            let Settling { bag, weights, .. } = units[j];
            profiles.sims_weighted(bag, weights, idf, &[], Among::pair(a[k], b[k]), &mut dot, &mut sims);
            let weight = cohesion_weight(bag);
            for &(s, v) in &sims {
                if s == a[k] {
                    to_a += weight * v;
                } else if s == b[k] {
                    to_b += weight * v;
                }
            }
            j += 1;
        }
        // Text right under a story's headline opens that story: what the page's layout says
        // outweighs what the wording suggests.
        let under = units[k].under;
        if under == Some(a[k]) || under == Some(b[k]) {
            let pick = if under == Some(a[k]) { a } else { b };
            out[k..j].copy_from_slice(&pick[k..j]);
        } else if to_a.max(to_b) > SETTLE_MARGIN * to_a.min(to_b) {
            let pick = if to_a > to_b { a } else { b };
            out[k..j].copy_from_slice(&pick[k..j]);
        }
        k = j;
    }
    out
}

/// How much a unit's cohesion counts, by how many features it has: a short piece says less.
fn cohesion_weight(bag: &Bag) -> f32 {
    (bag.len() as f32 / 12.0).min(1.0)
}

/// How much closer a run's text must be to one of the two stories it alternates between for that
/// to decide. Two stories on one subject (two reports on one policy document) are near ties, and
/// their text says little; measured on the zh seeds 3, 5, 7, 11, 13: 1.0 -> 1.25 gave joins +3,
/// headlines +3, assign +0.001; 1.5 lost exact and assign again.
const SETTLE_MARGIN: f32 = 1.25;

/// How many units of the fragment under its seed the first round knows a story by. The whole
/// fragment ran on, on pages without cuts, into the next story's text (an opinion's later sections
/// after a short report), and then drew that text to itself. Measured on the zh seeds 3, 5, 7, 11,
/// 13 (held out 17, 19): whole fragment -> 3 units gave exact 1010 -> 1042 (389 -> 395), joins
/// 1378 -> 1413 (561 -> 558), headlines 1443 -> 1468 (574 -> 575), assign 0.886 -> 0.904 (0.878 ->
/// 0.880); 2, 4, 5, 7 and 10 units each did less on the tuning seeds. English seeds 3-19: exact
/// 1757 -> 1767; the English OCR set lost 6 joins of 909 (seeds 3, 7, 17).
const OPENING_UNITS: usize = 3;

/// How many times the assignment is worked out, each round from the stories the last one made.
const ROUNDS: usize = 6;

/// How well the paragraph after the next must go on from a cut for the next to be doubted: a word
/// made across the cut, or a run the page repeats, not a mere open end.
const OUTBID_SEAM: f32 = 2.0;

fn viterbi(env: &Env, labels: &[usize], profiles: &Profiles, full: bool, round: usize, frag_bags: &mut FragBags) -> Vec<usize> {
    let (seg, ctx, hmm) = (env.seg, env.ctx, env.hmm);
    let p = ctx.params;
    let n_states = env.n_states;
    let headless = n_states - 1;
    let n = hmm.len();
    if n == 0 {
        return Vec::new();
    }
    // Open ends of each article (by the current labels) that its next unit does not continue: where
    // a unit starting mid-sentence may belong, wherever on the page they are (among the nearest
    // open ends, `env.near`).
    let is_tail: Vec<bool> = (0..n).map(|k| !(k + 1 < n && labels[k + 1] == labels[k])).collect();
    let mut dot = vec![0.0f32; n_states];
    // Each unit's cosine with every story, by story (0 where `sims` lists none).
    let mut sim_of = vec![0.0f32; n_states];
    // Each story's best seam into the unit being scored from its open ends (none: -inf).
    let mut tail_best = vec![f32::NEG_INFINITY; n_states];
    let mut sims: Vec<(usize, f32)> = Vec::new();
    // The lattice keeps, for each unit, how each of its candidates was reached: from the same
    // story, or from the previous unit's best or second-best (`top`), in two bits' worth of a byte
    // (`via`); candidates are worked out again when the path is traced back, and scores are kept
    // for the previous unit only. Candidates times units of pointers and scores made the lattice
    // the largest thing a long page held.
    let mut at: Vec<u32> = Vec::with_capacity(n + 1);
    let mut via: Vec<u8> = Vec::new();
    let mut top: Vec<(u32, u32)> = Vec::with_capacity(n);
    let (mut prev_c, mut cs, mut score, mut prev): (Vec<usize>, Vec<usize>, Vec<f32>, Vec<f32>) = Default::default();
    let (mut all, mut emit, mut entry, mut follow) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    at.push(0);
    for k in 0..n {
        let u = hmm[k];
        let unit = seg.units[u];
        let b = unit.block;
        let cl = &ctx.classes[b];
        let bag = &ctx.bags[b];
        let weight = cohesion_weight(bag);
        std::mem::swap(&mut prev_c, &mut cs);
        std::mem::swap(&mut prev, &mut score);
        unit_candidates(env, u, full, &mut all, &mut cs);
        crate::work::add(cs.len() as u64);
        // The best seam into this unit from each article's open ends (by story; reset below).
        for t in env.near.of(k) {
            if is_tail[t] {
                let sc = ctx.seam_score(seg.units[hmm[t]].block, b);
                let e = &mut tail_best[labels[t]];
                *e = e.max(sc);
            }
        }
        // The seed directly above this unit, if one stands between it and the previous unit.
        let crossed = env.under[k];
        // A story's opening fragment (under its seed) is scored against the story without itself
        // only; any other fragment without the whole fragment, so a run placed by position alone
        // cannot vouch for itself. Only the stories the fragment's text is counted in need it.
        let anchor = env.anchor[env.frag[k]];
        // The story's norm without this unit is worked out by sims as it walks the unit's features.
        // (The first round counts only a fragment's opening units in its story: past them the
        // unit is not in the profile to be left out.)
        let counted = full || env.in_opening(k);
        let own = anchor.filter(|&a| labels[k] == a && counted).map(|a| Minus { state: a, bag, norm2: None });
        let l = labels[k];
        let whole = if Some(l) != anchor && (full || l == headless) {
            let (fb, n2) = frag_bags.get(env, labels, env.frag[k], l, round, profiles);
            Some(Minus { state: l, bag: fb, norm2: Some(n2) })
        } else {
            None
        };
        let (one, two);
        let minus: &[Minus] = match (own, whole) {
            (Some(a), Some(b)) => {
                two = [a, b];
                &two
            }
            (Some(a), None) | (None, Some(a)) => {
                one = [a];
                &one
            }
            (None, None) => &[],
        };
        // A page of more stories than a unit is weighed against asks the index about the unit's
        // candidates only (ascending, the story under no headline last).
        let among = match cs[..] {
            _ if n_states <= ctx.max_candidates + 1 => Among::ALL,
            [first, ref rest @ .., last] if last == headless => Among { lo: first, hi: rest.last().unwrap_or(&first) + 1, extra: Some(headless) },
            [first, .., last] => Among { lo: first, hi: last + 1, extra: None },
            [one] => Among { lo: one, hi: one + 1, extra: None },
            [] => Among::ALL,
        };
        profiles.sims_weighted(bag, &env.weights[k], ctx.idf, minus, among, &mut dot, &mut sims);
        for &(s, v) in &sims {
            sim_of[s] = v;
        }
        emit.clear();
        emit.extend(cs.iter().map(|&a| {
            let mut sim = sim_of[a];
            if a < headless && seg.seeds[a].weak.is_some() {
                // A story known only by its heading: text that fits nothing else may be its.
                sim = sim.max(p.weak_tau);
            }
            let e = p.cohesion * weight * sim;
            if a == headless && env.last_seed[u].is_some() { e - p.headless } else { e }
        }));
        for &(s, _) in &sims {
            sim_of[s] = 0.0;
        }
        // Entering an article from elsewhere: how well this unit continues one of its open ends.
        entry.clear();
        entry.extend(cs.iter().map(|&a| {
            if unit.kind != UnitKind::Para || crossed == Some(a) {
                return 0.0;
            }
            // Text above a seed's own place belongs to it only as a column read out of turn.
            // (A headline standing away from any text has no place of its own.)
            let above = if a < headless && !env.orphan[a] && u < seg.seeds[a].at { -1.0 } else { 0.0 };
            let best = tail_best[a];
            above
                + if best > f32::NEG_INFINITY {
                    best.clamp(-2.0, 4.0) * 0.75
                } else if cl.start.continues() {
                    -1.0
                } else {
                    0.0
                }
        }));
        for t in env.near.of(k) {
            tail_best[labels[t]] = f32::NEG_INFINITY;
        }
        let crossed_weak = crossed.and_then(|s| seg.seeds[s].weak);
        follow.clear();
        follow.extend(cs.iter().map(|&a| match (crossed == Some(a), crossed_weak) {
            (true, Some(odds)) => p.weak_follow + p.weak_odds * odds,
            // A dispatch (新华社杭州2月27日电（记者X）) right under a headline opens that story, however
            // much its wording matches another story's dispatch from the same desk.
            (true, None) if cl.opens_story() && unit.kind == UnitKind::Para => p.follow_seed + p.follow_dispatch,
            (true, None) => p.follow_seed,
            _ => 0.0,
        }));
        score.clear();
        if k == 0 {
            for j in 0..cs.len() {
                score.push(emit[j] + follow[j] + entry[j]);
                via.push(VIA_FIRST);
            }
            top.push((u32::MAX, u32::MAX));
        } else {
            let pk = k - 1;
            let pb = seg.units[hmm[pk]].block;
            let pcl = &ctx.classes[pb];
            // A credit or a "continued on" line between two pieces of text closes the story above.
            let credit_between = (hmm[pk] + 1..u).any(|x| {
                let k = seg.units[x].kind;
                k == UnitKind::Credit
                    || (k == UnitKind::Caption && ctx.classes[seg.units[x].block].closes_story)
                    || (k == UnitKind::Jump && ctx.classes[seg.units[x].block].jump.as_ref().is_some_and(|j| j.direction == "to"))
            }) || ctx.classes[pb].jump.as_ref().is_some_and(|j| j.direction == "to");
            let prev_is_sub = seg.units[hmm[pk]].kind == UnitKind::Subhead && !credit_between;
            let seam_adj = ctx.seam_score(pb, b);
            // The cut above goes on far better in the paragraph after this one (…将持 | 天色已晚… |
            // 续到2月2日…): this one was dropped into the column from another story, and going
            // on with it is doubtful.
            let outbid = p.outbid > 0.0
                && pcl.open_end
                && unit.kind == UnitKind::Para
                && hmm.get(k + 1).is_some_and(|&nu| {
                    seg.units[nu].kind == UnitKind::Para && {
                        let skip = ctx.seam_score(pb, seg.units[nu].block);
                        skip >= OUTBID_SEAM && skip >= seam_adj + 1.0
                    }
                });
            let outbid_pen = if outbid { p.outbid } else { 0.0 };
            // Moving from another article costs the same whichever it is, so only the best and
            // second-best previous states can win a move: each state is weighed in constant time,
            // not against every previous state (which made a unit cost candidates squared).
            let (b1, b2) = top_two(&prev);
            top.push((b1.map_or(u32::MAX, |i| i as u32), b2.map_or(u32::MAX, |i| i as u32)));
            debug_assert!(prev_c.windows(2).all(|w| w[0] < w[1]), "candidates are ascending");
            for (j, &a) in cs.iter().enumerate() {
                let mut best = f32::NEG_INFINITY;
                let mut arg = VIA_FIRST;
                let same = prev_c.binary_search(&a).ok().filter(|&i| prev[i] != f32::NEG_INFINITY);
                let other = if b1 != same { b1 } else { b2 };
                let mut tries = [(same, true), (other, false)];
                // In index order, so that a tie goes to the earlier state as a scan over all would.
                if tries[1].0 < tries[0].0 {
                    tries.swap(0, 1);
                }
                for (i, stays) in tries {
                    let Some(i) = i else { continue };
                    let s0 = prev[i];
                    let t = if stays {
                        let mut t = p.stay + if prev_is_sub { 1.5 } else { 0.0 };
                        if unit.kind == UnitKind::Para && !prev_is_sub {
                            t += seam_adj.min(4.0) - outbid_pen;
                        }
                        if crossed.is_some_and(|s| s != a) {
                            t -= if crossed_weak.is_some() { p.cross_weak } else { p.cross_seed };
                        }
                        if credit_between {
                            t -= 3.0;
                        }
                        t
                    } else {
                        let mut t = -p.switch + entry[j];
                        if pcl.open_end && !prev_is_sub {
                            // The column broke here for certain; the next text may be anyone's.
                            t += 0.5;
                        }
                        if prev_is_sub {
                            t -= 1.5;
                        }
                        t
                    };
                    let v = s0 + t;
                    if v > best {
                        best = v;
                        arg = if stays {
                            VIA_SAME
                        } else if Some(i) == b1 {
                            VIA_BEST
                        } else {
                            VIA_SECOND
                        };
                    }
                }
                score.push(best + emit[j] + follow[j]);
                via.push(arg);
            }
        }
        at.push(via.len() as u32);
    }
    // Traced back: each unit's candidates worked out again, each step's pointer read from `via`.
    let mut out = vec![0usize; n];
    let mut j = (0..score.len()).max_by(|&x, &y| score[x].total_cmp(&score[y]).then(y.cmp(&x))).unwrap_or(0);
    unit_candidates(env, hmm[n - 1], full, &mut all, &mut cs);
    for k in (0..n).rev() {
        let a = cs[j];
        out[k] = a;
        if k == 0 {
            break;
        }
        let code = via[at[k] as usize + j];
        unit_candidates(env, hmm[k - 1], full, &mut all, &mut cs);
        let (b1, b2) = top[k];
        j = match code {
            VIA_SAME => cs.binary_search(&a).expect("the same story was a candidate"),
            VIA_BEST => b1 as usize,
            VIA_SECOND => b2 as usize,
            _ => 0,
        };
    }
    out
}

/// How the lattice reached a candidate: from the same story, from the previous unit's best or
/// second-best state, or (the first unit, or no finite score before it) from its first.
const VIA_SAME: u8 = 0;
const VIA_BEST: u8 = 1;
const VIA_SECOND: u8 = 2;
const VIA_FIRST: u8 = 3;

/// The stories unit `u` may go to in the assignment, ascending (the story under no headline last):
/// the nearest (or all) stories, less those closed to it.
fn unit_candidates(env: &Env, u: usize, full: bool, all: &mut Vec<usize>, out: &mut Vec<usize>) {
    let (seg, ctx, p) = (env.seg, env.ctx, env.ctx.params);
    let headless = env.n_states - 1;
    candidates(env.n_states, env.last_seed[u], ctx.max_candidates, all);
    if let Some(own) = env.closed_in[u] {
        all.clear();
        all.push(own);
    }
    out.clear();
    out.extend(all.iter().copied().filter(|&a| {
        if a == headless {
            return !(env.driven && env.last_seed[u].is_some());
        }
        (env.orphan[a] && p.free_orphans)
            || (!env.orphan[a] && (seg.seeds[a].weak.is_none() || (full && u >= seg.seeds[a].at)) && env.closed[a].is_none_or(|(lo, hi)| (lo..hi).contains(&u)))
    }));
    if out.is_empty() {
        // Every story above is closed to it: the unit stands alone, as text before any seed.
        out.push(headless);
    }
}

/// The indices of the highest and second-highest finite scores, the earlier index first among equals.
fn top_two(scores: &[f32]) -> (Option<usize>, Option<usize>) {
    let (mut b1, mut b2): (Option<usize>, Option<usize>) = (None, None);
    for (i, &s) in scores.iter().enumerate() {
        if s == f32::NEG_INFINITY {
            continue;
        }
        match b1 {
            Some(x) if s <= scores[x] => {
                if b2.is_none_or(|y| s > scores[y]) {
                    b2 = Some(i);
                }
            }
            _ => {
                b2 = b1;
                b1 = Some(i);
            }
        }
    }
    (b1, b2)
}

fn plans(seg: &Segments, ctx: &Ctx, hmm: &[usize], labels: &[usize], n_states: usize) -> Vec<Plan> {
    let n_seeds = n_states - 1;
    let mut unit_label: Vec<Option<usize>> = vec![None; seg.units.len()];
    for (k, &u) in hmm.iter().enumerate() {
        unit_label[u] = Some(labels[k]);
    }
    // Captions go to the story they share words with; credits and "continued on" lines close the
    // text above them; "continued from" lines open the text below.
    let mut by_state: Vec<Vec<usize>> = vec![Vec::new(); n_states];
    for (&u, &l) in hmm.iter().zip(labels) {
        by_state[l].push(u);
    }
    // The label of the first assigned unit after each position, and the last seed at or above it.
    let mut next_label: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    for x in (0..seg.units.len()).rev() {
        next_label[x] = if hmm.binary_search(&x).is_ok() { unit_label[x] } else { next_label[x + 1] };
    }
    let mut last_seed: Vec<Option<usize>> = vec![None; seg.units.len() + 1];
    for (s, sd) in seg.seeds.iter().enumerate() {
        if sd.at <= seg.units.len() {
            last_seed[sd.at] = last_seed[sd.at].max(Some(s));
        }
    }
    for pos in 1..last_seed.len() {
        last_seed[pos] = last_seed[pos].max(last_seed[pos - 1]);
    }
    // Built for the first caption that needs them: most pages place every caption without.
    let mut profiles: Option<Vec<Profile>> = None;
    let mut near: Vec<usize> = Vec::new();
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
                        unit_label[u] = above.and_then(|x| unit_label[x]).or(prev).or(next).or(Some(n_seeds));
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
                    .map(|a| (profiles[a].sim(bag, ctx.idf, false) + if Some(a) == prev { 0.02 } else { 0.0 }, a))
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
                match best {
                    Some((s, a)) if s > 0.03 => Some(a),
                    _ => prev.or(next),
                }
            }
            UnitKind::Jump if ctx.classes[unit.block].jump.as_ref().is_some_and(|j| j.direction == "from") => next.or(prev),
            _ => prev.or(next),
        };
        unit_label[u] = label.or(Some(n_seeds));
    }

    let mut out: Vec<Plan> = Vec::new();
    by_state = vec![Vec::new(); n_states];
    for (u, label) in unit_label.iter().enumerate() {
        if let Some(a) = *label {
            by_state[a].push(u);
        }
    }
    for (a, units) in by_state.iter().enumerate() {
        let seed = if a < n_seeds { Some(a) } else { None };
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
fn order(seg: &Segments, ctx: &Ctx, units: &[usize], seed: Option<usize>, unit_label: &[Option<usize>], me: usize) -> Plan {
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
    // Match open ends to the fragments that best continue them, best seams first.
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
            s.score += 1.0;
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
            let near = 0.2 / (1.0 + (frags[y][0] as f32 - frags[x][0] as f32).abs()) + if y == x + 1 { ctx.params.order_next } else { 0.0 };
            if s.score >= 0.4 {
                pairs.push((s.score + ahead + near, x as u32, y as u32));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut succ: Vec<Option<(usize, f32, Seam)>> = vec![None; nf];
    let mut has_pred = vec![false; nf];
    // Chains are paths (one successor, one predecessor each); x ends one and y starts one, so x -> y
    // closes a cycle exactly when they are on the same path: a union-find answers in near-constant
    // time where walking y's chain cost its length.
    let mut chain: Vec<usize> = (0..nf).collect();
    fn root(chain: &mut [usize], mut i: usize) -> usize {
        while chain[i] != i {
            chain[i] = chain[chain[i]];
            i = chain[i];
        }
        i
    }
    for (sc, x, y) in pairs {
        let (x, y) = (x as usize, y as usize);
        if succ[x].is_some() || has_pred[y] {
            continue;
        }
        let (rx, ry) = (root(&mut chain, x), root(&mut chain, y));
        if rx == ry {
            continue;
        }
        chain[ry] = rx;
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
                    let pu = seg.units[p];
                    let (pc, uc) = (&ctx.classes[pu.block], &ctx.classes[uu.block]);
                    let paras = pu.kind == UnitKind::Para && uu.kind == UnitKind::Para && pc.jump_tail.is_none();
                    // A cut sentence, or a paragraph that the page shows going on (unindented).
                    let runs_on = ctx.blocks[pu.block].last_full || (ctx.column_blanks && ctx.blocks[uu.block].blank_before > 0);
                    let cont = pc.open_end || uc.start == Start::Cont || (runs_on && uc.start != Start::Fresh);
                    joined = paras && cont && uc.start != Start::Fresh;
                    let jump = first_text;
                    if jump || joined {
                        let (score, evidence) = match (jump, pending.take()) {
                            (true, Some((sc, s))) => (sc, s.evidence),
                            _ => {
                                let s = ctx.seam(pu.block, uu.block);
                                let mut ev = s.evidence;
                                if !jump {
                                    ev.push("adjacent".into());
                                }
                                (s.score + if jump { 0.0 } else { 1.0 }, ev)
                            }
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
            Some((score, j)) if score > 0.02 => {
                plans[j].adopted.push(s);
                plans[j].flags.push(format!("headline found away from its text (cohesion {score:.2})"));
                gone[i] = true;
            }
            _ => plans[i].flags.push("headline without text".into()),
        }
    }
    let mut k = 0;
    plans.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::lang::{Lang, LangCode};
    use crate::source::Source;
    use crate::Analysed;

    /// A page's analysis up to segmentation, for tests that build the linker's input by hand.
    fn analysed(page: &str, code: LangCode) -> Analysed {
        let src = Source::utf8(None, page.as_bytes());
        let lines = crate::clean::lines(&src, &Config::default(), &mut Vec::new());
        Analysed::of(&lines, Lang::get(code))
    }

    /// The ordering of the first story on a page of `n` units that alternate between two stories,
    /// the first's units at the even positions, under the first seed.
    fn order_alternating(page: &str, code: LangCode, n: usize) -> Plan {
        let a = analysed(page, code);
        let seg = a.segments();
        let ctx = a.ctx(&Config::default());
        assert_eq!(seg.units.len(), n, "{:?}", seg.units);
        let unit_label: Vec<Option<usize>> = (0..n).map(|u| Some(u % 2)).collect();
        let own: Vec<usize> = (0..n).step_by(2).collect();
        order(&seg, &ctx, &own, Some(0), &unit_label, 0)
    }

    /// Runs the pipeline up to linking; returns each plan as the block texts of its units in reading
    /// order, with its headline (if any) first.
    fn stories(text: &str, code: LangCode) -> Vec<Vec<String>> {
        let src = Source::utf8(None, text.as_bytes());
        let lines = crate::clean::lines(&src, &Config::default(), &mut Vec::new());
        let page = Analysed::of(&lines, Lang::get(code));
        let bl = &page.blocks;
        let seg = page.segments();
        let ctx = page.ctx(&Config { max_link_candidates: 256, ..Config::default() });
        let (seg, plans) = link(&seg, &ctx);
        plans
            .iter()
            .map(|p| {
                let mut v: Vec<String> = p.seed.iter().flat_map(|&s| seg.seeds[s].heads.iter().map(|&h| bl[h].text.clone())).collect();
                v.extend(p.units.iter().map(|&u| bl[seg.units[u].block].text.clone()));
                v
            })
            .collect()
    }

    #[test]
    fn a_cut_resumed_after_another_story_goes_back_to_its_own() {
        // The second story's byline makes its headline certain: the test is of the cut, not of
        // weighing a lone heading (this one's odds sit at the lone-heading threshold).
        let page = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，合作社的黄瓤西瓜陆续成熟，瓜农们\n\n## 图书馆里过暑假\n\n通讯员 王蓓\n\n暑假来临，街道图书馆吸引了不少学生前来阅读，阅览区的座位上坐满了学生。\n\n每天凌晨就开始采摘西瓜、装箱，黄瓤西瓜皮薄多汁，脆甜清新。\n";
        let s = stories(page, LangCode::Zh);
        assert_eq!(s.len(), 2, "{s:#?}");
        assert_eq!(s[0].last().unwrap(), "每天凌晨就开始采摘西瓜、装箱，黄瓤西瓜皮薄多汁，脆甜清新。", "{s:#?}");
    }

    #[test]
    fn a_headline_standing_apart_goes_to_the_headless_story_it_fits() {
        let page = "通讯员 倪彬礼\n\n多年来，胜新村不断深化农村精神文明建设，以新体系、新面貌奏响文明音符，绘就文明村镇新画卷。\n\n深化社区治理活动品牌，定期开展社区治理茶话会，基层治理难题得到化解。\n\n## 西瓜新鲜上市\n\n通讯员 高军\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，黄瓤西瓜陆续成熟上市。\n\n基层治理激活文明建设\n";
        let s = stories(page, LangCode::Zh);
        assert_eq!(s.len(), 2, "{s:#?}");
        assert!(s.iter().any(|x| x[0] == "基层治理激活文明建设" && x[1].starts_with("多年来")), "{s:#?}");
    }

    const WATERMELONS: &str = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐，合作社的黄瓤西瓜陆续成熟上市。\n\n瓜农们每天凌晨就开始采摘西瓜、装箱，黄瓤西瓜皮薄多汁，脆甜清新。\n\n";
    const TIBET: &str = "5年多来，西藏自治区地区生产总值年均增长百分之九以上，城乡居民人均可支配收入持续较快增长，脱贫攻坚取得决定性进展。\n\n全区累计实施重点项目六百二十八个，完成投资四千多亿元，铁路公路机场建设加快推进，交通条件明显改善。\n";

    /// The headless-story splits on a page whose paragraphs the assignment labelled `labels`:
    /// the seeds after, and the labels after.
    fn split_with(page: &str, labels: &[usize]) -> (Vec<crate::segment::Seed>, Vec<usize>) {
        let a = analysed(page, LangCode::Zh);
        let seg = a.segments();
        let ctx = a.ctx(&Config::default());
        let hmm: Vec<usize> = (0..seg.units.len()).filter(|&i| seg.units[i].kind == UnitKind::Para).collect();
        assert_eq!(hmm.len(), labels.len());
        let (out, _, labels) = split_headless_runs(&seg, &ctx, &hmm, labels);
        (out.seeds, labels)
    }

    #[test]
    fn a_stray_run_that_shares_nothing_with_its_story_is_a_headless_story() {
        // The last two paragraphs, after the second story's, were given to the first story.
        let library = "## 图书馆里过暑假\n\n暑假来临，街道图书馆吸引了不少学生前来阅读，阅览区的座位上坐满了学生。\n\n";
        let (seeds, labels) = split_with(&format!("{WATERMELONS}{library}{TIBET}"), &[0, 0, 1, 0, 0]);
        assert!(seeds.len() == 3 && seeds[2].heads.is_empty());
        assert_eq!(labels, [0, 0, 1, 2, 2]);
        // The same run about the first story's watermelons stays with it.
        let more = "西瓜合作社今年种植黄瓤西瓜三百亩，瓜农们每天采摘的西瓜装箱后销往周边城市，脆甜多汁的西瓜很受欢迎。\n\n黄瓤西瓜上市以来供不应求，合作社的瓜农们收入明显增加，盛夏时节的西瓜地里一片忙碌景象。\n";
        let (seeds, labels) = split_with(&format!("{WATERMELONS}{library}{more}"), &[0, 0, 1, 0, 0]);
        assert_eq!(seeds.len(), 2);
        assert_eq!(labels, [0, 0, 1, 0, 0]);
    }

    #[test]
    fn a_stray_run_opening_on_a_connective_stays_with_its_story() {
        // 实际上 ("in fact") answers something said above: the run goes on with an argument, in
        // whichever story the assignment put it, and opens none.
        let library = "## 图书馆里过暑假\n\n暑假来临，街道图书馆吸引了不少学生前来阅读，阅览区的座位上坐满了学生。\n\n";
        let (seeds, labels) = split_with(&format!("{WATERMELONS}{library}实际上，{TIBET}"), &[0, 0, 1, 0, 0]);
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
    fn a_headless_story_s_heading_with_another_story_s_text_under_it_is_its_headline() {
        // The assignment gave the snow forecast's headline, printed amid the watermelon story, to
        // the forecast (its words), as a subhead: the unit under it is the watermelon story's.
        let page = "## 西瓜新鲜上市\n\n盛夏时节，脆甜多汁的西瓜深受消费者青睐。\n\n华北黄淮等地将有降雪\n\n瓜农们每天凌晨就开始采摘西瓜、装箱。\n\n本报北京2月11日电  （记者赵贝佳）中央气象台预计，华北黄淮等地有小雪。\n\n气象专家提醒，降雪将对春运返程有较大影响。\n";
        let a = analysed(page, LangCode::Zh);
        let ctx = a.ctx(&Config::default());
        let block = |t: &str| a.blocks.iter().position(|b| b.text.contains(t)).expect("block");
        let para = |t: &str| Unit { block: block(t), kind: UnitKind::Para, weak: None };
        let mut seg = Segments {
            seeds: vec![
                Seed { heads: vec![block("西瓜新鲜上市")], bylines: Vec::new(), at: 0, weak: None },
                Seed { heads: Vec::new(), bylines: Vec::new(), at: 3, weak: None },
            ],
            units: vec![
                para("盛夏时节"),
                Unit { block: block("华北黄淮等地将有降雪"), kind: UnitKind::Subhead, weak: None },
                para("瓜农们"),
                para("中央气象台"),
                para("气象专家"),
            ],
        };
        let plan = |seed: usize, units: Vec<usize>| Plan { seed: Some(seed), join_prev: vec![false; units.len()], units, ..Plan::default() };
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

    #[test]
    fn english_lower_case_resumption_joins_its_story() {
        let page = "HARBOR BOARD APPROVES PIER\n\n  The harbor board voted on Monday to build a new cargo pier at the north basin, and work is expected to\n\nRAIL STRIKE ENDS\n\n  Freight workers returned to the rail yards on Monday after a strike that stranded grain shipments.\n\nbegin in the autumn once the state approves the dredging plan.\n";
        let s = stories(page, LangCode::En);
        assert_eq!(s.len(), 2);
        assert!(s[0].last().unwrap().starts_with("begin in the autumn"), "{s:#?}");
    }

    #[test]
    fn units_that_trade_stories_each_round_go_to_the_story_their_text_is_about() {
        // Two stories (watermelons, a library) and two groups of pieces that swap between them from
        // round to round: in `a` each group sits in the wrong story, in `b` in the right one.
        // Whichever labeling the last round would have left, each group goes where its text fits.
        use crate::model::cohesion::Features;
        let zh = Lang::get(LangCode::Zh);
        let texts = [
            "盛夏时节，脆甜多汁的西瓜深受消费者青睐，瓜农忙着采摘。",
            "暑假来临，街道图书馆吸引了不少学生前来阅读。",
            "图书馆延长开放时间，学生们在阅览室安静读书。",
            "图书馆还为学生开设了阅读分享课。",
            "瓜农们每天凌晨就下地采摘西瓜、装箱外运。",
            "今年西瓜产量高，瓜农收入稳步增长。",
        ];
        let mut feats = Features::default();
        let bags: Vec<Bag> = texts.iter().map(|t| feats.bag(t, zh)).collect();
        let heads = vec![feats.bag("西瓜上市", zh), feats.bag("图书馆暑期开放", zh)];
        let idf = Idf::new(bags.iter().chain(&heads), feats.len());
        let weights: Vec<Weights> = bags.iter().map(|b| Weights::of(b, &idf)).collect();
        let units: Vec<Settling> = bags.iter().zip(&weights).map(|(bag, weights)| Settling { bag, weights, under: None }).collect();
        let a = [0, 1, 0, 0, 1, 1];
        let b = [0, 1, 1, 1, 0, 0];
        for b_last in [false, true] {
            assert_eq!(settle_alternation(&units, &heads, &idf, feats.len(), &a, &b, b_last), b.to_vec(), "b_last {b_last}");
        }
        // A run standing right under a story's headline stays with that story, whatever its words.
        let mut under = units.clone();
        under[4].under = Some(1);
        assert_eq!(settle_alternation(&under, &heads, &idf, feats.len(), &a, &b, true), vec![0, 1, 1, 1, 1, 1]);
        // A run whose text says nothing either way keeps what the last round would have left.
        let idle = feats.bag("今天天气晴朗，适合出门散步。", zh);
        let idle_w = Weights::of(&idle, &idf);
        let three = [units[0], units[1], Settling { bag: &idle, weights: &idle_w, under: None }];
        assert_eq!(settle_alternation(&three, &heads, &idf, feats.len(), &[0, 1, 0], &[0, 1, 1], true), vec![0, 1, 1]);
        assert_eq!(settle_alternation(&three, &heads, &idf, feats.len(), &[0, 1, 0], &[0, 1, 1], false), vec![0, 1, 0]);
        // Nothing alternates: the labels stand.
        assert_eq!(settle_alternation(&units, &heads, &idf, feats.len(), &b, &b, false), b.to_vec());
    }
}
