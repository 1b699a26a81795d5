//! Sets: disjoint sets of the integers `0..n` (a union-find), for the passes that group items by
//! what links them pairwise: pieces of a row into columns, reports into series, fragments into
//! chains.

/// Each integer's parent; a root is its own.
#[derive(Debug, Clone)]
pub(crate) struct Sets(Vec<usize>);

impl Sets {
    /// `0..n`, each a set of its own.
    pub(crate) fn new(n: usize) -> Sets {
        Sets((0..n).collect())
    }

    /// The root of `k`'s set, halving the path to it on the way so later finds are near-constant.
    pub(crate) fn root(&mut self, mut k: usize) -> usize {
        while self.0[k] != k {
            self.0[k] = self.0[self.0[k]];
            k = self.0[k];
        }
        k
    }

    /// Joins the sets of `a` and `b` under the smaller root; false where they were one already.
    pub(crate) fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        self.0[ra.max(rb)] = ra.min(rb);
        ra != rb
    }
}

#[cfg(test)]
mod tests {
    use super::Sets;

    #[test]
    fn joined_integers_share_a_root_and_a_second_join_says_so() {
        let mut s = Sets::new(5);
        assert!(s.join(3, 1) && s.join(1, 4));
        assert!(!s.join(4, 3));
        assert_eq!((s.root(3), s.root(4), s.root(1)), (1, 1, 1));
        assert_eq!((s.root(0), s.root(2)), (0, 2));
    }
}
