//! Specks: lines an OCR engine read off a torn edge, a blot or a cut, whose shape or type size would
//! otherwise make them headings.

/// Words of scattered letters that make a line specks, where its shape or its size (see `garbled`)
/// would make it a heading.
pub(crate) const SCATTERED_SHAPE: usize = 4;
pub(crate) const SCATTERED_SIZE: usize = 8;

/// Letters an OCR engine read off a torn edge, a blot or a cut (mi, Ce): no word of three letters
/// or more, unless in capitals (IV, XX: a number set as a title) or with a figure (No. 7.); or a
/// line of at least `scattered` words, most of them single letters (C T l a e c n k c s h). An
/// engine makes a title in display type it cannot read into a few such words too (jigripAf O° t &
/// a lX -n), so a heading told by its size is judged on longer lines than one told by its shape.
/// A heading's shape or size is then the speck's, and the line is text of whatever stands around it.
pub(crate) fn garbled(text: &str, scattered: usize) -> bool {
    // Counted in one pass over the words' letters, nothing allocated: every heading candidate
    // of every page is asked.
    let (mut words, mut longest, mut singles, mut capitals) = (0usize, 0usize, 0usize, true);
    for w in text.split_whitespace() {
        let (mut letters, mut upper) = (0usize, true);
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            if crate::lang::is_cjk(c) {
                return false;
            }
            letters += 1;
            upper &= c.is_uppercase();
        }
        if letters == 0 {
            continue;
        }
        words += 1;
        longest = longest.max(letters);
        // (An initial has its full stop: G. W. & S. HIBBERT.)
        singles += usize::from(letters == 1 && !w.ends_with('.'));
        capitals &= upper;
    }
    if words == 0 {
        return false;
    }
    let short = longest < 3 && !text.chars().any(|c| c.is_ascii_digit()) && !capitals;
    short || (words >= scattered && singles * 2 > words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specks_and_blots_but_not_numbers_initials_or_titles() {
        for speck in ["mi", "Ce", "M M M H", "a e i"] {
            assert!(garbled(speck, SCATTERED_SHAPE), "{speck}");
        }
        for words in ["IV", "No. 7.", "G. W. & S. HIBBERT.", "HARBOUR ROAD WIDENED.", "jigripAf O° t & a lX -n", "海港新路"] {
            assert!(!garbled(words, SCATTERED_SIZE), "{words}");
        }
        assert!(garbled("Hee e s h e at t ef l rid e ltl", SCATTERED_SIZE));
        assert!(!garbled("C T l a e house", SCATTERED_SIZE) && garbled("C T l a e house", SCATTERED_SHAPE));
    }
}
