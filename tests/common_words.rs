//! The acceptance check for pages in French and German: common words come out of newsseg as often
//! as they went in. On the real pages of the shared folder (skipped where this machine has none),
//! each common word of the language is counted on the input lines that went into an article's
//! text and in the articles' text; a word the output holds less often was rewritten on the way
//! (the English corrector made taut of faut and dart of darf). `benches/common_words.py` counts
//! the same on any build's output folder.

use newsseg::classify::Role;
use newsseg::{process_page, Config};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Each language's own common function words, from general knowledge of the language (the same
/// lists as benches/common_words.py).
const FRENCH: &str = "le la les un une des du et est dans pour par sur avec qui que pas plus mais donc faut
    fois contre dont sont été aussi même tout leur nous sans comme cette entre elle";
const GERMAN: &str = "der die das und nicht ist ein eine den dem des mit von zu auf für sich auch als wie aber
    noch nur denn darf ganze doch schon wird wurde sind hat über nach bei";

fn shared() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    [PathBuf::from("/work/shared"), beside].into_iter().find(|p| p.join("eval/real").is_dir())
}

fn count_into(counts: &mut HashMap<String, i64>, text: &str, sign: i64) {
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '_') {
        if let Some(n) = counts.get_mut(&w.to_lowercase()) {
            *n += sign;
        }
    }
}

/// Input count minus output count of each word over the pages of `dir`, and how often the input
/// holds each word. A line ending in a hyphen is read joined to the next line of its article
/// (quel-|que is "quelque"), as the output has it where the hyphen broke a word.
fn balance(dir: &Path, list: &str) -> (HashMap<String, i64>, HashMap<String, i64>) {
    let mut diff: HashMap<String, i64> = list.split_whitespace().map(|w| (w.to_string(), 0)).collect();
    let mut input = diff.clone();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).expect("pages folder").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let text_roles = [Role::Headline, Role::Kicker, Role::Deck, Role::Subhead, Role::Body, Role::Dateline, Role::Caption, Role::Credit];
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "txt")) {
        let bytes = std::fs::read(f).expect("page");
        let page = process_page(&Config::default(), "p", None, &bytes).expect("page processes");
        let mut run = String::new();
        let mut run_article: Option<&str> = None;
        let mut flush = |run: &str| {
            count_into(&mut diff, run, 1);
            count_into(&mut input, run, 1);
        };
        for l in &page.lines {
            let Some(article) = l.article.as_deref() else { continue };
            if !text_roles.contains(&l.role) {
                continue;
            }
            let text = String::from_utf8_lossy(&bytes[l.span.0..l.span.1]);
            if run_article == Some(article) && run.ends_with(['-', '\u{ad}', '¬']) {
                run.pop();
                run.push_str(&text);
                continue;
            }
            flush(&run);
            run = text.into_owned();
            run_article = Some(article);
        }
        flush(&run);
        for a in &page.articles {
            count_into(&mut diff, &a.text, -1);
        }
    }
    (diff, input)
}

fn check(lang: &str, list: &str) {
    let Some(root) = shared() else {
        eprintln!("common_words ({lang}): no shared folder here, skipped");
        return;
    };
    let (diff, input) = balance(&root.join("eval/real").join(lang).join("pages"), list);
    let lost: Vec<String> = list.split_whitespace().filter(|w| diff[*w] > 0).map(|w| format!("{w} {} lost of {}", diff[w], input[w])).collect();
    assert!(input.values().sum::<i64>() > 0, "no common word on the {lang} pages: wrong list or folder");
    assert!(lost.is_empty(), "common {lang} words rewritten on the way: {lost:?}");
}

#[test]
fn common_french_words_are_kept() {
    check("fr", FRENCH);
}

#[test]
fn common_german_words_are_kept() {
    check("de", GERMAN);
}
