//! A fixed set of small integers, a bit each: the lookup bitmaps of the character tables, the word
//! list and the page strings, kept in one type rather than a shift and mask written at each; and
//! how large the page's lookup tables are made before they fill.

/// The most entries a page's table of strings or words is sized for before it holds them: a
/// page of a megabyte or less (every ordinary one) gets its table at once, a longer one grows
/// its table as its distinct strings need.
pub(crate) const PRESIZE_MAX: usize = 1 << 18;

/// Integers below the size given at `new`, each in or out.
#[derive(Debug, Clone)]
pub(crate) struct Bits(Box<[u64]>);

impl Bits {
    /// Room for `0..n`, all out.
    pub(crate) fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)].into_boxed_slice())
    }

    /// Puts `i` in; `i` must be below the size.
    pub(crate) fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    /// Whether `i` is in; `i` must be below the size.
    pub(crate) fn get(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }

    /// Whether `i` is in, or `None` where `i` is past the size.
    pub(crate) fn try_get(&self, i: usize) -> Option<bool> {
        self.0.get(i / 64).map(|w| w >> (i % 64) & 1 == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_hold_what_was_set() {
        let mut b = Bits::new(130);
        for i in [0, 63, 64, 129] {
            b.set(i);
        }
        assert!((0..130).all(|i| b.get(i) == [0, 63, 64, 129].contains(&i)));
        assert_eq!(b.try_get(129), Some(true));
        assert_eq!(b.try_get(128), Some(false));
        assert_eq!(b.try_get(192), None);
    }
}
