//! Ids: the index types that name the items of a page's lists (its blocks, the segmenter's
//! seeds). Each is taken as an index by its own list alone (a `TiVec` or `TiSlice`, from
//! typed-index-collections), so that one kind of index cannot pass for another, as plain `usize`
//! indices of four lists all counted from 0 could.

/// Declares an id: 32 bits, as a page has nowhere near 2^32 of anything and the linker keeps
/// several per unit; converted to and from `usize` as typed-index-collections asks.
macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl From<usize> for $name {
            fn from(i: usize) -> $name {
                debug_assert!(u32::try_from(i).is_ok(), "{} {i}", stringify!($name));
                $name(i as u32)
            }
        }

        impl From<$name> for usize {
            fn from(i: $name) -> usize {
                i.0 as usize
            }
        }
    };
}

pub(crate) use id;
