//! The title group over a standing label, in Chinese plain text.
//!
//! People's Daily prints a standing label (核心阅读, "key points") over the summary that opens a
//! story, right under the story's headline group. Read off a print by an OCR engine, a title line
//! there may not look like a title: it ends on ！ or ？ (返乡创业有干头！, 干部节后收心了吗？…), or its
//! column name's brackets and · came out as 《 and 。. What stands straight over the label, up to
//! the text of the story above, is the headline group all the same: short lines, none of them
//! ending a sentence with a full stop.

use super::{text_blocks, Class, Shape};
use crate::blocks::Block;
use crate::lang::Lang;

/// Marks as headings the short lines of body text that stand straight over a standing label.
pub fn over_labels(blocks: &[Block], classes: &mut [Class], lang: &Lang) {
    if !lang.code.is_cjk() || lang.standing_label.is_empty() {
        return;
    }
    let text = text_blocks(classes);
    for (k, &l) in text.iter().enumerate() {
        if classes[l].shape != Shape::Heading || !lang.is_standing_label(&blocks[l].text) {
            continue;
        }
        for &i in text[..k].iter().rev().take(lang.classify.label_group_max) {
            let (b, c) = (&blocks[i], &classes[i]);
            if c.shape == Shape::Heading {
                continue;
            }
            let t = b.text.trim();
            let plain = c.shape == Shape::Body && c.bylines.is_empty() && c.dateline.is_none() && c.jump.is_none();
            // A title may end on ！ or ？, or a misread column name (…《倾听。 关注基层治理）); a
            // paragraph ends on a full stop or is long, and prose cut at a column's foot may end on
            // a character that leans on what follows (…的生意一).
            let leans_on = t.chars().last().is_some_and(|c| lang.dangling_finals.contains(&c)) && !crate::lang::lexicon::ends_in_noun(t);
            let title = b.cjk
                && b.n_lines() <= lang.classify.label_title_max_lines
                && t.chars().count() <= lang.classify.label_title_max_chars
                && !t.ends_with(['。', '；', '…', '，', '、', '：'])
                && t.matches(['，', ',']).count() <= 1
                && !leans_on
                && !stop_outside_brackets(t, lang);
            if !plain || !title {
                break;
            }
            classes[i] = Class::of(Shape::Heading);
        }
    }
}

/// Whether a full stop stands outside any bracket: a sentence ended, where a 。 inside one is the
/// column name's · misread.
fn stop_outside_brackets(t: &str, lang: &Lang) -> bool {
    let mut depth = 0usize;
    for c in t.chars() {
        if lang.openers.contains(&c) {
            depth += 1;
        } else if lang.closers.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if c == '。' && depth == 0 {
            return true;
        }
    }
    false
}
