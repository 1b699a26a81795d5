//! Link: assigns every unit of text to an article, puts each article's fragments in reading order,
//! joins paragraphs cut at column breaks, and gives orphan headlines to the story they fit.
//!
//! Assignment is a best path over the whole page (Viterbi), not first-come: each unit's article is
//! scored by its cohesion with the article's text, and each step between units by what the seam
//! says (a sentence cut and resumed, a headline crossed, a paragraph begun). Article texts are
//! re-estimated from the labels and the path found again until it settles.
//!
//! This module owns the linker's types, its `Params` and the driver, [`link`], which runs the passes
//! in order: `prepare` (lone headings settled, orphan headlines married), `assign` (the rounds
//! of the assignment, each a best path found by `viterbi`), `split` (stories the labels call
//! for split off, unused lone headings demoted), `order` (articles built and put in reading order)
//! and `series` (a series' reports made one article).

mod assign;
mod order;
mod prepare;
mod series;
mod split;
mod viterbi;

use crate::blocks::Block;
use crate::classify::Class;
use crate::lang::Lang;
use crate::model::cohesion::{Bag, Idf};
use crate::model::seam::{self, Seam};
use crate::segment::Segments;

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
    ///
    /// A text page whose user says its text stands in reading order (`--reading-order file`: an
    /// archive's text export, article after article) is linked as a structured page in its
    /// file's order: each unit stays in the story above it.
    pub fn for_page(lang: &Lang, geometric: bool, positional: bool, printed: bool) -> Params {
        let base = Params::for_lang(lang);
        if geometric {
            return Params { positional, switch: base.switch * GEOMETRIC_SWITCH, ..base };
        }
        let base = Params { positional, ..base };
        if printed { Params { weak_threshold: Some(PRINTED_WEAK_THRESHOLD), ..base } } else { base }
    }

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
    pub grams: &'a crate::model::grams::PageGrams,
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
    /// The page's geometry found headline type, and stories start at its headline groups: text
    /// under one is some story's, never a story without a headline.
    fn driven(&self) -> bool {
        self.classes.iter().any(|c| c.display)
    }

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
            settled = prepare::settle_weak(seg, t);
            &settled
        }
        None => seg,
    };
    let married = prepare::marry_orphans(seg, ctx);
    let seg = &married;
    let (hmm, mut labels) = assign::assign(seg, ctx);
    assign::stacked_first_units(seg, &hmm, &mut labels);
    // Where the page's geometry found headline type, its headline groups are where stories
    // start: a section under a heading in body type, however far its topic from the rest, is a
    // part of the story (a composite report), not a story whose headline is missing.
    let driven = ctx.driven();
    let (seg0, hmm0, labels0) = if driven { (seg.clone(), hmm, labels) } else { split::split_headless_runs(seg, ctx, &hmm, &labels) };
    let (seg1, hmm1, labels1) = if driven { (seg0, hmm0, labels0) } else { split::split_weak_sections(&seg0, ctx, &hmm0, &labels0) };
    let (seg2, hmm2, labels2) = split::demote_unused_weak(&seg1, &hmm1, &labels1);
    let n_states2 = seg2.seeds.len() + 1;
    let mut plans = order::plans(&seg2, ctx, &hmm2, &labels2, n_states2);
    series::merge_series(&seg2, ctx, &mut plans);
    let mut seg2 = seg2;
    order::promote_displaced_heads(&mut seg2, ctx, &mut plans);
    (seg2, plans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::lang::{Lang, LangCode};
    use crate::source::Source;
    use crate::Analysed;

    /// A page's analysis up to segmentation, for tests that build the linker's input by hand.
    pub(super) fn analysed(page: &str, code: LangCode) -> Analysed {
        let src = Source::utf8(None, page.as_bytes());
        let lines = crate::clean::lines(&src, &Config::default(), &mut Vec::new());
        Analysed::of(&lines, Lang::get(code))
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

    #[test]
    fn english_lower_case_resumption_joins_its_story() {
        let page = "HARBOR BOARD APPROVES PIER\n\n  The harbor board voted on Monday to build a new cargo pier at the north basin, and work is expected to\n\nRAIL STRIKE ENDS\n\n  Freight workers returned to the rail yards on Monday after a strike that stranded grain shipments.\n\nbegin in the autumn once the state approves the dredging plan.\n";
        let s = stories(page, LangCode::En);
        assert_eq!(s.len(), 2);
        assert!(s[0].last().unwrap().starts_with("begin in the autumn"), "{s:#?}");
    }
}
