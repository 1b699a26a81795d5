//! Link: assigns every unit of text to an article, puts each article's fragments in reading order,
//! joins paragraphs cut at column breaks, and gives orphan headlines to the story they fit.
//!
//! Assignment is a best path over the whole page (Viterbi), not first-come: each unit's article is
//! scored by its cohesion with the article's text, and each step between units by what the seam
//! says (a sentence cut and resumed, a headline crossed, a paragraph begun). Article texts are
//! re-estimated from the labels and the path found again until it settles.
//!
//! This module owns the linker's types and the driver, [`link`], which runs the passes
//! in order: `prepare` (lone headings settled, orphan headlines married), `assign` (the rounds
//! of the assignment, each a best path found by `viterbi`, then the first paragraphs of stacked
//! headlines, and of a headline the rounds left empty, settled), `split` (stories the labels call
//! for split off, unused lone headings demoted), `order` (articles built and put in reading order,
//! each cut paired with its continuation by `resume`), `series` (a series' reports made one
//! article) and `tails` (a headline's rest read apart from it put back). Every weight they use is
//! a `Params` field, read from the language tables (`lang::params`).
//!
//! The passes up to the articles share one signature, `fn(&mut Labelling, &Ctx)`: a
//! `Labelling` holds the seeds and units with the labelled units and their labels, which a pass
//! that adds or drops a seed or a unit renumbers together, in place (nothing is copied where a
//! pass changes nothing). Each decides for itself whether it applies to the page. From `order`
//! on, the passes rewrite the articles (`Plan`s). Seeds, blocks and the assignment's fragments
//! are named by ids of their own (`SeedId`, `BlockId`, `FragId`), which only their own tables
//! take as an index; a label is a `SeedId`, the story under no headline the id after the last
//! seed. Units and labelled positions are plain `usize`: they are page positions, read with
//! their neighbours and in ranges on nearly every line that uses them.

mod assign;
mod order;
mod photo;
mod prepare;
mod resume;
mod series;
mod split;
mod tails;
mod viterbi;

use crate::blocks::{Block, BlockId};
use crate::classify::Class;
use crate::lang::Lang;
use crate::model::cohesion::{Bag, Idf};
use crate::model::seam::{self, Seam};
use crate::segment::{SeedId, Segments};

pub use crate::lang::params::{Params, Tuning};
use typed_index_collections::{TiSlice, TiVec};

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
    pub seed: Option<SeedId>,
    /// Seeds whose headline was found away from its text and given to this article.
    pub adopted: Vec<SeedId>,
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
    /// Blocks that are the rest of the headline, read away from it (`tails`): they go on its
    /// last line, in page order.
    pub tails: Vec<BlockId>,
}

impl Plan {
    /// Takes the unit at `k` out of the article's text, with the joins and continuations that
    /// name it; returns it.
    pub fn remove_unit(&mut self, k: usize) -> usize {
        let u = self.units.remove(k);
        self.join_prev.remove(k);
        if let Some(first) = self.join_prev.first_mut() {
            *first = false;
        }
        self.continuations.retain(|c| c.from != u && c.to != u);
        u
    }

    /// The seeds that head the article: its own, then those adopted.
    pub fn head_seeds(&self) -> impl Iterator<Item = SeedId> + '_ {
        self.seed.iter().chain(&self.adopted).copied()
    }

    /// The heading lines that title the article, with the place among `head_seeds` of the seed
    /// they are from: the first seed that has any (of its own seed, the first `own_heads` only;
    /// the rest title its first part). The headings of the seeds after it are its decks.
    pub fn title<'a>(&self, seg: &'a Segments) -> Option<(usize, &'a [BlockId])> {
        self.head_seeds().enumerate().find_map(|(k, s)| {
            let heads = &seg.seeds[s].heads;
            let own = if Some(s) == self.seed { self.own_heads.unwrap_or(heads.len()) } else { heads.len() };
            (own > 0).then(|| (k, &heads[..own]))
        })
    }
}

/// A story of a series (reports under one rubric, each with its own title and byline) taken into
/// the article that heads the series: its title lines open a section before `units[at]` (or after
/// the last unit when `at` is past them), and its bylines are the article's too.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub at: usize,
    pub heads: Vec<BlockId>,
    pub bylines: Vec<BlockId>,
}

pub struct Ctx<'a> {
    pub blocks: &'a TiSlice<BlockId, Block>,
    pub classes: &'a TiSlice<BlockId, Class>,
    pub bags: &'a TiSlice<BlockId, Bag>,
    pub idf: &'a Idf,
    pub lang: &'a Lang,
    pub grams: &'a crate::model::grams::PageGrams,
    /// Blank lines on this page mark column breaks, not paragraph ends.
    pub column_blanks: bool,
    /// How many distinct features the page's bags use.
    pub n_features: usize,
    /// Seam scores already computed, by (from block, to block).
    pub seam_cache: std::cell::RefCell<rustc_hash::FxHashMap<(BlockId, BlockId), f32>>,
    /// What the seam tests read at each block's ends, worked out the first time a seam asks.
    pub seam_ends: TiVec<BlockId, std::cell::OnceCell<seam::Ends<'a>>>,
    pub params: Params,
    pub max_candidates: usize,
}

impl<'a> Ctx<'a> {
    /// The page's geometry found headline type, and stories start at its headline groups: text
    /// under one is some story's, never a story without a headline.
    fn driven(&self) -> bool {
        self.classes.iter().any(|c| c.display)
    }

    fn ends(&self, block: BlockId) -> &seam::Ends<'a> {
        self.seam_ends[block].get_or_init(|| seam::Ends::of(&self.blocks[block].text, self.lang, self.classes[block].open_end))
    }

    fn seam_of(&self, from_block: BlockId, to_block: BlockId, evidence: bool) -> Seam {
        let (a, b) = (&self.classes[from_block], &self.classes[to_block]);
        let full = self.blocks[from_block].last_full || self.column_blanks;
        let mut s = seam::score_ends(self.ends(from_block), a.open_end, full, self.ends(to_block), b.start, self.lang, self.grams, &self.params, evidence);
        // Where a column broke (the text above cut off, or the text below resuming one), whose
        // column goes on is the question the measure answers; between finished paragraphs a
        // notice's display lines, set to measures of their own, are still its own.
        if (a.open_end || b.start.continues())
            && let (Some(ma), Some(mb)) = (self.blocks[from_block].measure, self.blocks[to_block].measure)
            && let Some(gap) = seam::measure_gap(ma, mb, &self.params)
        {
            s.score -= gap;
            if evidence {
                s.evidence.push(format!("set to another measure ({ma} and {mb} columns)"));
            }
        }
        s
    }

    fn seam(&self, from_block: BlockId, to_block: BlockId) -> Seam {
        self.seam_of(from_block, to_block, true)
    }

    /// The seam's score alone, remembered: the assignment asks about the same pairs every round.
    fn seam_score(&self, from_block: BlockId, to_block: BlockId) -> f32 {
        // Keyed by block ids, 32 bits each: a long page remembers a few seams per unit.
        let key = (from_block, to_block);
        if let Some(s) = self.seam_cache.borrow().get(&key) {
            return *s;
        }
        let s = self.seam_of(from_block, to_block, false).score;
        crate::work::add(1);
        self.seam_cache.borrow_mut().insert(key, s);
        s
    }
}

/// The plan each unit is in (`None` for a unit in none), by unit.
fn unit_owners(plans: &[Plan], n_units: usize) -> Vec<Option<usize>> {
    let mut owner = vec![None; n_units];
    for (i, pl) in plans.iter().enumerate() {
        for &u in &pl.units {
            owner[u] = Some(i);
        }
    }
    owner
}

/// Drops the items marked `gone`, keeping the others in order: one pass, where removing them one
/// by one would move the rest each time.
fn drop_marked<T>(items: &mut Vec<T>, gone: &[bool]) {
    let mut k = 0;
    items.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// What the labelling passes read and rewrite: the page's seeds and units, the units the
/// assignment labels (`hmm`: positions in `seg.units`, ascending) and each one's label (a seed,
/// or the id after the last seed, `seg.seeds.next_key()`, for text under no headline). A pass
/// that adds or drops seeds or units renumbers all three together, so they never disagree.
/// Before `assign`, no unit is labelled.
#[derive(Debug, Default)]
struct Labelling {
    seg: Segments,
    hmm: Vec<usize>,
    labels: Vec<SeedId>,
}

/// Labels every unit with an article and orders each article's units.
pub fn link(seg: &Segments, ctx: &Ctx) -> (Segments, Vec<Plan>) {
    let mut l = Labelling { seg: seg.clone(), ..Labelling::default() };
    prepare::settle_weak(&mut l, ctx);
    photo::place_labels(&mut l, ctx);
    prepare::marry_orphans(&mut l, ctx);
    assign::assign(&mut l, ctx);
    assign::stacked_first_units(&mut l, ctx);
    assign::reclaim_dispatches(&mut l, ctx);
    split::split_headless_runs(&mut l, ctx);
    split::split_weak_sections(&mut l, ctx);
    split::demote_unused_weak(&mut l, ctx);
    // From here on the passes work on articles, not labels.
    let mut plans = order::plans(&l, ctx);
    let mut seg = l.seg;
    series::merge_series(&seg, ctx, &mut plans);
    order::promote_displaced_heads(&mut seg, ctx, &mut plans);
    tails::rejoin_title_tails(&seg, ctx, &mut plans);
    (seg, plans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::lang::LangCode;
    use crate::Analysed;

    impl Analysed {
        /// The first block whose text holds `t`, for tests that name blocks by their words.
        pub(super) fn block_with(&self, t: &str) -> BlockId {
            BlockId::from(self.blocks.iter().position(|b| b.text.contains(t)).expect("block"))
        }

        /// A unit of `kind` over the block whose text holds `t`.
        pub(super) fn unit_with(&self, t: &str, kind: crate::segment::UnitKind) -> crate::segment::Unit {
            crate::segment::Unit { block: self.block_with(t), kind, weak: None }
        }
    }

    /// Runs the pipeline up to linking; returns each plan as the block texts of its units in reading
    /// order, with its headline (if any) first.
    fn stories(text: &str, code: LangCode) -> Vec<Vec<String>> {
        let page = Analysed::of_text(text, code);
        let bl = TiSlice::from_ref(&page.blocks);
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

    #[test]
    fn english_lower_case_resumption_joins_its_story() {
        let page = "HARBOR BOARD APPROVES PIER\n\n  The harbor board voted on Monday to build a new cargo pier at the north basin, and work is expected to\n\nRAIL STRIKE ENDS\n\n  Freight workers returned to the rail yards on Monday after a strike that stranded grain shipments.\n\nbegin in the autumn once the state approves the dredging plan.\n";
        let s = stories(page, LangCode::En);
        assert_eq!(s.len(), 2);
        assert!(s[0].last().unwrap().starts_with("begin in the autumn"), "{s:#?}");
    }
}
