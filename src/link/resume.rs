//! Which fragment each cut paragraph goes on in: the pairing of an article's open ends to the
//! fragments that may continue them, best seams first, then bettered by exchanges.

use crate::sets::Sets;
use std::collections::HashMap;

/// Articles of up to this many fragments have their best-first pairing bettered by exchanges. An
/// exchange costs a walk of the chains it touches, so beyond this the best-first pairing alone keeps
/// an article of thousands of fragments at linear cost; a story runs to a few dozen pieces at most.
const EXCHANGE_MAX_FRAGMENTS: usize = 64;

/// Rounds of exchanges: each round tries every pair once, and a later one finds what an earlier
/// one opened up. Ten rounds changed no page from three on the bench's sets and on zh and en-ocr
/// seeds 1-10.
const EXCHANGE_ROUNDS: usize = 3;

/// Pairs cuts to continuations: `pairs` holds (score, cut fragment, continuing fragment) for every
/// pair allowed, all scores positive. Each fragment goes on in one other and is gone on from by one,
/// and no chain closes on itself; an exchange must raise the total by `gain_min`. Returns each
/// fragment's successor with the pair's score.
///
/// Best-first alone can take a pair that leaves a better one impossible: `re-` takes `proaching`,
/// the nearer, although `re-|maining` is a word too, and `ap-` is left with nothing to go on in.
/// An exchange hands a continuation to another cut, the first cut taking another continuation,
/// wherever the total of the pairs' scores rises.
pub(super) fn pair_cuts(nf: usize, mut pairs: Vec<(f32, u32, u32)>, gain_min: f32) -> Vec<Option<(usize, f32)>> {
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut to: Vec<Option<(usize, f32)>> = vec![None; nf];
    let mut from: Vec<Option<usize>> = vec![None; nf];
    // Chains are paths (one successor, one predecessor each); x ends one and y starts one, so x -> y
    // closes a cycle exactly when they are on the same path: a union-find answers in near-constant
    // time where walking y's chain cost its length.
    let mut chain = Sets::new(nf);
    for &(s, x, y) in &pairs {
        let (x, y) = (x as usize, y as usize);
        if to[x].is_some() || from[y].is_some() || !chain.join(x, y) {
            continue;
        }
        to[x] = Some((y, s));
        from[y] = Some(x);
    }
    if nf <= EXCHANGE_MAX_FRAGMENTS {
        exchange(&pairs, &mut to, &mut from, gain_min);
    }
    to
}

/// Betters the pairing by exchanges, each raising the total score and closing no chain on itself:
/// cut x1 leaves y1 for another continuation y2; y2's cut x2, if it had one, takes y1, and if y2 was
/// free, y1 goes to the best cut left without a continuation, if any may take it.
fn exchange(pairs: &[(f32, u32, u32)], to: &mut [Option<(usize, f32)>], from: &mut [Option<usize>], gain_min: f32) {
    let nf = to.len();
    // Each cut's continuations and each continuation's cuts, best first (pairs are sorted so), and
    // every pair's score.
    let (mut by_x, mut by_y) = (vec![Vec::new(); nf], vec![Vec::new(); nf]);
    let mut score: HashMap<(usize, usize), f32> = HashMap::with_capacity(pairs.len());
    for &(s, x, y) in pairs {
        by_x[x as usize].push((y as usize, s));
        by_y[y as usize].push((x as usize, s));
        score.insert((x as usize, y as usize), s);
    }
    for _ in 0..EXCHANGE_ROUNDS {
        let mut changed = false;
        for x1 in 0..nf {
            let Some((y1, s11)) = to[x1] else { continue };
            for &(y2, s12) in &by_x[x1] {
                if y2 == y1 {
                    continue;
                }
                // Who takes y1 when x1 leaves it: y2's cut, or the best cut with no continuation.
                let (taker, gain) = match from[y2] {
                    Some(x2) => match (score.get(&(x2, y1)), to[x2]) {
                        (Some(&s21), Some((_, s22))) => (Some((x2, s21)), s12 + s21 - s11 - s22),
                        _ => continue,
                    },
                    None => {
                        let x3 = by_y[y1].iter().find(|&&(x3, _)| x3 != x1 && to[x3].is_none()).copied();
                        (x3, s12 - s11 + x3.map_or(0.0, |(_, s31)| s31))
                    }
                };
                if gain < gain_min {
                    continue;
                }
                let before = (to.to_vec(), from.to_vec());
                from[y1] = None;
                if let Some((x2, s21)) = taker {
                    to[x2] = Some((y1, s21));
                    from[y1] = Some(x2);
                }
                to[x1] = Some((y2, s12));
                from[y2] = Some(x1);
                if closes_cycle(to, x1) || taker.is_some_and(|(x2, _)| closes_cycle(to, x2)) {
                    to.copy_from_slice(&before.0);
                    from.copy_from_slice(&before.1);
                    continue;
                }
                changed = true;
                break;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Whether following successors from `x` comes back to it.
fn closes_cycle(to: &[Option<(usize, f32)>], x: usize) -> bool {
    let mut at = x;
    for _ in 0..to.len() {
        match to[at] {
            Some((y, _)) if y == x => return true,
            Some((y, _)) => at = y,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::pair_cuts;

    const GAIN: f32 = 0.5;

    #[test]
    fn a_cut_hands_its_nearer_continuation_to_a_cut_that_has_no_other() {
        // re- goes on in 0 or 1 (both make words), ap- only in 0; best-first gives 0 to re-.
        let pairs = vec![(2.5, 2, 0), (2.3, 2, 1), (2.0, 3, 0)];
        let to = pair_cuts(4, pairs, GAIN);
        assert_eq!(to[2].map(|p| p.0), Some(1));
        assert_eq!(to[3].map(|p| p.0), Some(0));
    }

    #[test]
    fn two_cuts_swap_continuations_where_the_total_rises() {
        let pairs = vec![(3.0, 0, 2), (2.9, 1, 3), (2.5, 0, 3), (0.5, 1, 2)];
        // Best-first: 0->2 (3.0), 1->3 (2.9) = 5.9; the swap 0->3, 1->2 gives 3.0: kept as is.
        assert_eq!(pair_cuts(4, pairs, GAIN).iter().map(|p| p.map(|p| p.0)).collect::<Vec<_>>(), [Some(2), Some(3), None, None]);
        let pairs = vec![(3.0, 0, 2), (1.0, 1, 3), (2.9, 0, 3), (2.0, 1, 2)];
        // Best-first: 0->2, 1->3 = 4.0; swapped: 0->3, 1->2 = 4.9.
        assert_eq!(pair_cuts(4, pairs, GAIN).iter().map(|p| p.map(|p| p.0)).collect::<Vec<_>>(), [Some(3), Some(2), None, None]);
    }

    #[test]
    fn an_exchange_that_would_close_a_chain_on_itself_is_not_made() {
        // Best-first: 0->1 and 2->0. Cut 0 taking 2 and cut 3 taking 1 would raise the total, but
        // 0->2->0 is a ring: no reading order.
        let pairs = vec![(3.0, 0, 1), (2.8, 2, 0), (2.9, 0, 2), (2.0, 3, 1)];
        assert_eq!(pair_cuts(4, pairs, GAIN).iter().map(|p| p.map(|p| p.0)).collect::<Vec<_>>(), [Some(1), None, Some(0), None]);
    }
}
