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
