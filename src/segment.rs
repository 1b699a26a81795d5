//! Segment: classified blocks into article seeds (headline groups, bylines) and the units of text between them.
//!
//! A single heading-shaped block is either a headline or a subhead; which one is decided here from
//! what surrounds it: a byline under it, a credit above it, and whether the text on its two sides
//! reads as one story.

use crate::blocks::Block;
use crate::classify::{Class, Shape};
use crate::lang::Lang;
use crate::model::cohesion::{sim, Bag, Idf, Profile};

/// Where an article starts: its headline group and bylines (either may be missing, not both).
#[derive(Debug, Clone)]
pub struct Seed {
    /// Heading blocks of the headline group, top to bottom.
    pub heads: Vec<usize>,
    /// Byline blocks, and dateline blocks standing between them and the text.
    pub bylines: Vec<usize>,
    /// Index into `units` of the first unit below the seed (`units.len()` at the page's end).
    pub at: usize,
    /// A lone heading that may head a new story or a section of the one above: the log-odds that
    /// it is a headline. The linker decides, and a weak seed that wins no text becomes a subhead.
    pub weak: Option<f32>,
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
    pub block: usize,
    pub kind: UnitKind,
    /// For a subhead that was a lone heading weighed as a possible headline: its log-odds.
    pub weak: Option<f32>,
}

#[derive(Debug, Default, Clone)]
pub struct Segments {
    pub seeds: Vec<Seed>,
    pub units: Vec<Unit>,
}

/// A paragraph that carries a dispatch or a dateline ("本报北京2月3日电（记者X）", "MONTREAL, Feb 26 -")
/// is the first paragraph of a story.
fn opens_story(c: &Class) -> bool {
    c.shape == Shape::Body && (!c.bylines.is_empty() || c.dateline.is_some())
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
}

impl WeakFeatures {
    /// Log-odds that the heading is a headline. The weights were fitted (logistic regression) on
    /// generated pages and rounded; only page-independent features take part.
    fn headline_odds(&self) -> f32 {
        let len = if self.chars <= 8 { -1.0 } else if self.chars >= 16 { 1.0 } else { 0.0 };
        -2.0 - 5.0 * self.cont + 6.0 * self.own - 2.0 * self.own_before - 3.0 * self.elsewhere
            + if self.prev_open { 2.8 } else { 0.0 }
            + if self.tagged { 4.0 } else { 0.0 }
            - if self.comma { 1.5 } else { 0.0 }
            + 0.7 * len
    }
}

/// Splits the page into seeds and units. `bags` holds every block's features, `idf` the page's.
pub fn segment(blocks: &[Block], classes: &[Class], bags: &[Bag], idf: &Idf, lang: &Lang) -> Segments {
    let items: Vec<usize> =
        (0..blocks.len()).filter(|&i| !matches!(classes[i].shape, Shape::Furniture | Shape::Noise)).collect();
    let mut seg = Segments::default();
    // Single headings whose fate waits for cohesion: (item position, block).
    let mut weak: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let b = items[i];
        match classes[b].shape {
            Shape::Heading => {
                let mut k = i;
                while k < items.len() && classes[items[k]].shape == Shape::Heading {
                    k += 1;
                }
                let mut m = k;
                while m < items.len() && matches!(classes[items[m]].shape, Shape::Byline | Shape::Dateline) {
                    m += 1;
                }
                let run: Vec<usize> = items[i..k].to_vec();
                if run.len() == 1 && m == k && classes[b].deck_marker {
                    // "——某某" alone under text: an attribution, not a deck.
                    seg.units.push(Unit { block: b, kind: UnitKind::Para, weak: None });
                    i += 1;
                    continue;
                }
                let bylines: Vec<usize> = items[k..m].to_vec();
                let next_has_byline = items.get(m).is_some_and(|&n| opens_story(&classes[n]));
                let closed = !bylines.is_empty() || next_has_byline;
                // A headline group is set tight (kicker, title, deck on adjacent lines) or closed by a
                // byline; headings spaced apart without one are a headline and then subheads.
                let glen = if closed {
                    run.len()
                } else {
                    1 + run[1..].iter().take_while(|&&h| blocks[h].blank_before == 0 || classes[h].deck_marker).count()
                };
                let strong = closed || glen >= 2;
                if strong {
                    seg.seeds.push(Seed { heads: run[..glen].to_vec(), bylines, at: seg.units.len(), weak: None });
                } else {
                    weak.push((seg.units.len(), b));
                    seg.units.push(Unit { block: b, kind: UnitKind::Subhead, weak: None });
                }
                for &h in &run[glen..] {
                    // A heading further down the run that carries a column name is another
                    // story's headline (the one above it then stands without text).
                    if lang.headline_tag.iter().any(|r| r.is_match(blocks[h].text.trim())) {
                        seg.seeds.push(Seed { heads: vec![h], bylines: Vec::new(), at: seg.units.len(), weak: None });
                    } else {
                        seg.units.push(Unit { block: h, kind: UnitKind::Subhead, weak: None });
                    }
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
                    n <= 2 && seg.units[at..].iter().all(|u| u.kind == UnitKind::Para && blocks[u.block].stats.chars <= 90 && blocks[u.block].n_lines() <= 2)
                });
                match decks {
                    Some(at) => {
                        let moved: Vec<usize> = seg.units.drain(at..).map(|u| u.block).collect();
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
                // A dispatch line (本报北京2月3日电（记者X）) opens a story even with no headline above.
                let dispatch = kind == UnitKind::Para && opens_story(&classes[b]);
                // Directly under a seed, or under a headline and a line or two of summary (a standfirst):
                // the dispatch opens that story, not another.
                let under_seed = seg.seeds.last().is_some_and(|s| {
                    s.at == seg.units.len()
                        || (!s.heads.is_empty()
                            && seg.units.len() - s.at <= 2
                            && seg.units[s.at..].iter().all(|u| blocks[u.block].stats.chars <= 90 && classes[u.block].bylines.is_empty()))
                });
                if dispatch && !under_seed {
                    seg.seeds.push(Seed { heads: Vec::new(), bylines: Vec::new(), at: seg.units.len(), weak: None });
                }
                seg.units.push(Unit { block: b, kind, weak: None });
                i += 1;
            }
        }
    }
    weigh_weak(&mut seg, &weak, blocks, classes, bags, idf, lang);
    seg
}

/// The blocks of up to `n` paragraph units from `from` going in direction `step`, stopping at a seed.
fn context(seg: &Segments, from: isize, step: isize, n: usize, seed_at: &[bool]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = from;
    while i >= 0 && (i as usize) < seg.units.len() && out.len() < n {
        let u = seg.units[i as usize];
        if u.kind == UnitKind::Para {
            out.push(u.block);
        }
        if step > 0 && seed_at.get(i as usize + 1).copied().unwrap_or(false) {
            break;
        }
        if step < 0 && seed_at[i as usize] {
            break;
        }
        i += step;
    }
    out
}

fn weigh_weak(seg: &mut Segments, weak: &[(usize, usize)], blocks: &[Block], classes: &[Class], bags: &[Bag], idf: &Idf, lang: &Lang) {
    if weak.is_empty() {
        return;
    }
    let n = seg.units.len();
    let mut seed_at = vec![false; n + 1];
    for s in &seg.seeds {
        seed_at[s.at] = true;
    }
    // The opening text of each strong seed: what a subhead's story would most likely be.
    // Built for the first heading that needs them (one with text on both sides).
    let mut openings: Option<Vec<Profile>> = None;
    let mut promote: Vec<(usize, Option<f32>)> = Vec::new();
    for &(ui, b) in weak {
        let before = if seed_at[ui] { Vec::new() } else { context(seg, ui as isize - 1, -1, 3, &seed_at) };
        let after = context(seg, ui as isize + 1, 1, 3, &seed_at);
        let prev_unit = if ui > 0 && !seed_at[ui] { Some(seg.units[ui - 1]) } else { None };
        let decision: Option<Option<f32>> = if after.is_empty() {
            // Nothing under it: a headline that landed away from its story, if anything.
            Some(None)
        } else if seed_at[ui] {
            // Straight under a headline group or byline: a subhead (or a standfirst label).
            None
        } else if prev_unit.is_none() || prev_unit.is_some_and(|u| u.kind == UnitKind::Credit) {
            // At the top of the page or under a story's closing credit: a new story.
            Some(None)
        } else {
            let bag_after = merge(&after, bags);
            let bag_before = merge(&before, bags);
            let prev_open = prev_unit.is_some_and(|u| u.kind == UnitKind::Para && classes[u.block].open_end);
            let f = WeakFeatures {
                cont: sim(&bag_before, &bag_after, idf),
                own: sim(&bags[b], &bag_after, idf),
                own_before: sim(&bags[b], &bag_before, idf),
                elsewhere: openings
                    .get_or_insert_with(|| {
                        seg.seeds
                            .iter()
                            .map(|s| {
                                let blocks_of = context(seg, s.at as isize, 1, 3, &seed_at);
                                Profile::build(blocks_of.iter().map(|&b| &bags[b]).chain(s.heads.iter().map(|&h| &bags[h])), idf)
                            })
                            .collect()
                    })
                    .iter()
                    .map(|p| p.sim(&bag_after, idf, false))
                    .fold(0.0f32, f32::max),
                prev_open,
                tagged: lang.headline_tag.iter().any(|r| r.is_match(blocks[b].text.trim())),
                comma: blocks[b].text.contains(['，', ',']),
                chars: blocks[b].stats.chars,
            };
            if std::env::var_os("NEWSSEG_DEBUG").is_some() {
                eprintln!("WEAK {:?} odds={:.2} {}", f, f.headline_odds(), blocks[b].text);
            }
            Some(Some(f.headline_odds()))
        };
        if let Some(w) = decision {
            promote.push((ui, w));
        }
    }
    if promote.is_empty() {
        return;
    }
    // Turn promoted subhead units into seeds, renumbering what follows them.
    let mut units = Vec::with_capacity(n);
    let mut new_index = vec![0usize; n + 1];
    let mut new_seeds = Vec::new();
    for (i, u) in seg.units.iter().enumerate() {
        new_index[i] = units.len();
        if let Some(&(_, w)) = promote.iter().find(|(p, _)| *p == i) {
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

fn merge(blocks: &[usize], bags: &[Bag]) -> Bag {
    Bag::sum(blocks.iter().map(|&b| &bags[b]))
}

pub fn merge_bags(blocks: &[usize], bags: &[Bag]) -> Bag {
    merge(blocks, bags)
}
