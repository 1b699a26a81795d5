//! Chinese words: whether a cut between two pieces of text falls inside a word (合|同, 古|老), and
//! whether a text ends in a noun, judged by the best segmentation under jieba's dictionary.
//!
//! A paragraph cut at a column's foot splits a word about 43% of the time on generated pages; a cut
//! tail set against an unrelated paragraph's start makes a word across the join about 1% of the
//! time, against another cut piece's start 2%. So a word across the join is strong evidence that
//! the two pieces are one, and its absence is weak evidence against.

use crate::lang::is_cjk;
use jieba_rs::Jieba;
use std::sync::OnceLock;

/// How many characters on each side of the cut the segmentation looks at: enough for a
/// four-character word and the words competing with it.
const SIDE: usize = 4;

fn jieba() -> &'static Jieba {
    // Loading the dictionary costs about 0.1 s, paid once and only by Chinese pages.
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(Jieba::new)
}

/// The word that runs across the join of `tail` and `head`, split at the cut (`("合", "同")`),
/// if the best segmentation of the characters around the cut has one. Both halves must be
/// Chinese: a number run on into a number is not a word.
pub fn split_word(tail: &str, head: &str) -> Option<(String, String)> {
    let (left, right) = (cut_tail(tail), cut_head(head));
    let (l, r) = word_across(&left, &right)?;
    Some((left[left.len() - l..].iter().collect(), right[..r].iter().collect()))
}

/// The characters before a cut that [`word_across`] weighs: the last few of `tail`, if Chinese.
pub fn cut_tail(tail: &str) -> Side {
    let mut side = Side::default();
    for c in tail.trim_end().chars().rev().take(SIDE).take_while(|&c| is_cjk(c)) {
        side.0[SIDE - 1 - side.1] = c;
        side.1 += 1;
    }
    side.0.copy_within(SIDE - side.1.., 0);
    side
}

/// The characters after a cut that [`word_across`] weighs: the first few of `head`, if Chinese.
pub fn cut_head(head: &str) -> Side {
    let mut side = Side::default();
    for c in head.trim_start().chars().take(SIDE).take_while(|&c| is_cjk(c)) {
        side.0[side.1] = c;
        side.1 += 1;
    }
    side
}

/// Up to `SIDE` characters on one side of a cut, in reading order, on the stack.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Side([char; SIDE], usize);

impl std::ops::Deref for Side {
    type Target = [char];
    fn deref(&self) -> &[char] {
        &self.0[..self.1]
    }
}

/// The word of the best segmentation of `left` and `right` joined that runs across the join, as
/// how many of its characters stand on each side.
pub fn word_across(left: &[char], right: &[char]) -> Option<(usize, usize)> {
    if left.is_empty() || right.is_empty() {
        return None;
    }
    // The joined characters, with where each starts (and the end after the last).
    let mut joined = String::with_capacity(4 * 2 * SIDE);
    let mut at = [0usize; 2 * SIDE + 1];
    for (k, &c) in left.iter().chain(right).enumerate() {
        at[k] = joined.len();
        joined.push(c);
    }
    let chars = left.len() + right.len();
    at[chars] = joined.len();
    let joined = joined.as_str();
    let cut = at[left.len()];
    let j = jieba();
    // A token across the cut is a dictionary word across it: where the dictionary has none (most
    // cuts), no segmentation is worked out.
    if !(0..left.len()).any(|a| (left.len() + 1..=chars).any(|b| j.has_word(&joined[at[a]..at[b]]))) {
        return None;
    }
    let t = j.cut(joined, false).into_iter().find(|t| t.byte_start < cut && t.byte_end > cut)?;
    let count = |lo: usize, hi: usize| at[..=chars].iter().filter(|&&x| lo <= x && x < hi).count();
    Some((count(t.byte_start, cut), count(cut, t.byte_end)))
}

/// Whether the first character of `text` is a word on its own in the best segmentation of its
/// opening characters: 的 in 的中国, not in 的确.
pub fn first_char_alone(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(SIDE).collect();
    let Some(first) = head.chars().next() else { return false };
    jieba().cut(&head, false).first().is_some_and(|t| t.byte_end == first.len_utf8())
}

/// Whether `text` ends in a noun of two or more characters by jieba's dictionary (成都, 首都, 场所):
/// a heading may end on such a word even where its last character alone is a function word
/// (都, 所) that cannot end one.
pub fn ends_in_noun(text: &str) -> bool {
    let tail: String = {
        let t = text.trim_end();
        let start = t.char_indices().rev().nth(SIDE - 1).map_or(0, |(i, _)| i);
        t[start..].to_string()
    };
    jieba().tag(&tail, false).last().is_some_and(|t| t.word.chars().count() >= 2 && t.tag.starts_with('n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_cut_in_two_is_found_and_a_clean_cut_is_not() {
        assert_eq!(split_word("刘福有跟保洁公司签了合", "同，月工资1050元"), Some(("合".into(), "同".into())));
        assert_eq!(split_word("根基在于从中华大地古", "老生存方式里诞生"), Some(("古".into(), "老".into())));
        assert_eq!(split_word("多彩新春 欢乐元宵", "华灯初上，伴随着"), None);
        assert_eq!(split_word("了解一个真实", "的中国。"), None);
        // Digits either side are not a word: 小区70 | 2014年.
        assert_eq!(split_word("“候鸟”小区70", "2014年3月"), None);
    }

    /// split_word as first written: the cut of the joined characters, without the dictionary check.
    fn split_word_reference(tail: &str, head: &str) -> Option<(String, String)> {
        let left: Vec<char> = tail.trim_end().chars().rev().take(SIDE).take_while(|&c| is_cjk(c)).collect();
        let right: Vec<char> = head.trim_start().chars().take(SIDE).take_while(|&c| is_cjk(c)).collect();
        if left.is_empty() || right.is_empty() {
            return None;
        }
        let mut joined: String = left.iter().rev().collect();
        let cut = joined.len();
        joined.extend(right.iter());
        jieba()
            .cut(&joined, false)
            .into_iter()
            .find(|t| t.byte_start < cut && t.byte_end > cut)
            .map(|t| (joined[t.byte_start..cut].to_string(), joined[cut..t.byte_end].to_string()))
    }

    #[test]
    fn split_word_agrees_with_its_first_form() {
        let texts = ["刘福有跟保洁公司签了合", "同，月工资1050元", "根基在于从中华大地古", "老生存方式里诞生", "多彩新春 欢乐元宵", "华灯初上，伴随着",
            "了解一个真实", "的中国。", "“候鸟”小区70", "2014年3月", "中华人民共", "和国成立", "改革开放", "以来", "ひらがな漢字", "字典", "𠀀𠀁", "a", ""];
        for t in texts {
            for h in texts {
                assert_eq!(split_word(t, h), split_word_reference(t, h), "{t:?} | {h:?}");
            }
        }
    }

    #[test]
    fn a_place_or_thing_may_end_on_a_function_character() {
        assert!(ends_in_noun("泛舟锦江游成都"));
        assert!(ends_in_noun("在派出所"));
        assert!(!ends_in_noun("他们都"));
        assert!(!ends_in_noun("记者来到了"));
        assert!(!ends_in_noun("发展的"));
    }

    #[test]
    fn a_leading_character_is_alone_unless_it_starts_a_word() {
        assert!(first_char_alone("的中国。近年来"));
        assert!(!first_char_alone("的确，只有走出国门"));
    }
}
