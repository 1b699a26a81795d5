//! The index of a run's review pages: one row per page, a few numbers each (articles, flagged
//! articles, flags, lowest confidence, weak joins, warnings), sortable by any column so a reviewer
//! can start with the worst pages. The rows travel as JSON in the file and the script draws a couple
//! of hundred at a time, so a run of thousands of pages opens at once.

use super::{escape, head, script_json, tail};
use crate::emit::page::Page;
use std::fmt::Write;

const JS: &str = include_str!("index.js");

/// What the index says of one page: small, so a run's rows can be kept until its end.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The input, as the run names it in messages.
    pub name: String,
    /// The page's review page, relative to the index; none for a page that failed.
    pub href: Option<String>,
    pub language: String,
    pub articles: usize,
    /// Articles with at least one flag.
    pub flagged: usize,
    pub flags: usize,
    /// The lowest confidence of any article; none on a page without articles.
    pub lowest: Option<f64>,
    /// Continuations below a score of 0.5.
    pub weak_joins: usize,
    pub warnings: usize,
    /// The distinct codes of the page's warnings, in the order they first come.
    pub codes: Vec<String>,
    /// Why the page has no review page: it failed.
    pub failed: Option<String>,
}

fn distinct(codes: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in codes {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

impl Row {
    pub fn of(page: &Page, name: String, href: String) -> Row {
        let a = &page.articles;
        Row {
            name,
            href: Some(href),
            language: page.language.clone(),
            articles: a.len(),
            flagged: a.iter().filter(|x| !x.flags.is_empty()).count(),
            flags: a.iter().map(|x| x.flags.len()).sum(),
            lowest: a.iter().map(|x| x.confidence).min_by(f64::total_cmp),
            weak_joins: a.iter().flat_map(|x| &x.continuations).filter(|c| c.low_confidence).count(),
            warnings: page.warnings.len(),
            codes: distinct(page.warnings.iter().map(|w| w.code.clone())),
            failed: None,
        }
    }

    /// The row of a page written by an earlier run (one `--resume` skipped), from its JSON.
    pub fn of_json(page: &serde_json::Value, name: String, href: String) -> Row {
        let list = |v: &serde_json::Value| v.as_array().cloned().unwrap_or_default();
        let articles = list(&page["articles"]);
        let warnings = list(&page["warnings"]);
        Row {
            name,
            href: Some(href),
            language: page["language"].as_str().unwrap_or("").to_string(),
            articles: articles.len(),
            flagged: articles.iter().filter(|x| !list(&x["flags"]).is_empty()).count(),
            flags: articles.iter().map(|x| list(&x["flags"]).len()).sum(),
            lowest: articles.iter().filter_map(|x| x["confidence"].as_f64()).min_by(f64::total_cmp),
            weak_joins: articles.iter().flat_map(|x| list(&x["continuations"])).filter(|c| c["low_confidence"].as_bool() == Some(true)).count(),
            warnings: warnings.len(),
            codes: distinct(warnings.iter().filter_map(|w| w["code"].as_str().map(str::to_string))),
            failed: None,
        }
    }

    pub fn failed(name: String, reason: String) -> Row {
        Row {
            name,
            href: None,
            language: String::new(),
            articles: 0,
            flagged: 0,
            flags: 0,
            lowest: None,
            weak_joins: 0,
            warnings: 0,
            codes: Vec::new(),
            failed: Some(reason),
        }
    }

    /// The row as the script reads it: an array, as short as JSON allows (see index.js).
    fn cells(&self) -> serde_json::Value {
        let failed = self.failed.is_some();
        let n = |x: usize| if failed { serde_json::Value::Null } else { x.into() };
        serde_json::json!([
            self.name,
            self.href,
            self.language,
            n(self.articles),
            n(self.flagged),
            n(self.flags),
            self.lowest,
            n(self.weak_joins),
            n(self.warnings),
            self.codes.join(", "),
            self.failed,
        ])
    }
}

/// Builds the index of a run's pages, `rows` in input order.
pub fn index(rows: &[Row]) -> Vec<u8> {
    let mut out = String::with_capacity(rows.len() * 120 + 24_000);
    let pages = rows.iter().filter(|r| r.failed.is_none()).count();
    let failed = rows.len() - pages;
    let articles: usize = rows.iter().map(|r| r.articles).sum();
    let flagged: usize = rows.iter().map(|r| r.flagged).sum();
    let weak: usize = rows.iter().map(|r| r.weak_joins).sum();
    let title = format!("newsseg review · {pages} page{}", if pages == 1 { "" } else { "s" });
    head(&mut out, "en", &title, JS);
    out.push_str("<body class=\"index\">\n<header class=\"top\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let _ = write!(out, "<p class=\"facts\"><b>{pages}</b> pages · <b>{articles}</b> articles · <b>{flagged}</b> flagged · <b>{weak}</b> weak joins");
    if failed > 0 {
        let _ = write!(out, " · <b class=\"doubt\">{failed}</b> failed");
    }
    out.push_str("</p>\n");
    out.push_str(
        "<details class=\"legend\"><summary>How to read this list</summary><p>One row per page, in the order the run took \
         them. Click a column's title to sort by it, worst first (lowest confidence, most flags, weak joins or warnings); \
         click again to turn the order round. A page's name opens its review page. <i>Flagged</i> counts articles with \
         doubts, <i>Flags</i> the doubts themselves; a <i>weak join</i> is a continuation scored below 0.5.</p></details>\n",
    );
    out.push_str("</header>\n<main>\n<div class=\"tools\"><label>Find a page <input id=\"find\" type=\"search\" autocomplete=\"off\"></label>");
    out.push_str("<button id=\"prev\" type=\"button\">← previous</button><span id=\"count\" aria-live=\"polite\"></span><button id=\"next\" type=\"button\">next →</button></div>\n");
    out.push_str("<table class=\"pages\"><thead><tr>");
    let columns = [
        ("0", "", "Page"),
        ("2", "", "Language"),
        ("3", "n", "Articles"),
        ("4", "n", "Flagged"),
        ("5", "n", "Flags"),
        ("6", "n", "Lowest confidence"),
        ("7", "n", "Weak joins"),
        ("8", "n", "Warnings"),
    ];
    for (k, class, label) in columns {
        let _ = write!(out, "<th scope=\"col\" class=\"{class}\" data-k=\"{k}\"><button type=\"button\">{label}</button></th>");
    }
    out.push_str("</tr></thead><tbody id=\"rows\"></tbody></table>\n");
    out.push_str("<noscript><p class=\"note\">This list is drawn by its script; each page's review page sits beside its JSON, named like it with .html.</p></noscript>\n</main>\n");
    let cells: Vec<serde_json::Value> = rows.iter().map(Row::cells).collect();
    out.push_str("<script type=\"application/json\" id=\"data\">");
    out.push_str(&script_json(&cells));
    out.push_str("</script>\n");
    tail(&mut out, JS);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_name_cannot_close_the_data_block() {
        let rows = vec![
            Row::failed("</script><script>alert(1)</script>.txt".into(), "cannot read <it>".into()),
            Row { codes: vec!["hyphen-kept".into()], lowest: Some(0.55), ..Row::failed("a<!--b.txt".into(), String::new()) },
        ];
        let html = String::from_utf8(index(&rows)).expect("UTF-8");
        assert_eq!(html.matches("<script").count(), 2, "the data block and the index's script only");
        assert_eq!(html.matches("</script>").count(), 2);
        assert!(!html.contains("<!--b"));
        let data = &html[html.find("id=\"data\">").expect("data") + 10..];
        let data = &data[..data.find("</script>").expect("closed")];
        let back: serde_json::Value = serde_json::from_str(data).expect("the data is JSON");
        assert_eq!(back[0][0], "</script><script>alert(1)</script>.txt");
        assert_eq!(back[1][6], 0.55);
    }

    #[test]
    fn a_row_says_what_its_page_json_says() {
        let text = include_str!("../../../fixtures/zh-qingpu-sample/page.txt");
        let page = crate::process_page(&crate::Config::default(), "p", None, text.as_bytes()).expect("processed");
        let row = Row::of(&page, "p.txt".into(), "p.html".into());
        assert_eq!((row.articles, row.flagged), (7, 2));
        assert!(row.weak_joins >= 1 && row.lowest.is_some_and(|x| x < 1.0));
        let json: serde_json::Value = serde_json::from_str(&crate::emit::to_json_line(&page)).expect("JSON");
        assert_eq!(Row::of_json(&json, "p.txt".into(), "p.html".into()), row);
    }
}
