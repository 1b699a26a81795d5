//! The nothing-lost rule, as ../shared/eval/coverage.py checks it: every non-whitespace byte of the
//! input lies in exactly one `lines[].span`, spans stay inside the text and on character boundaries,
//! and every line's article exists.

use newsseg::Page;

/// Returns the problems found, empty when the page accounts for every byte of `text`.
pub fn problems(text: &[u8], page: &Page) -> Vec<String> {
    let mut out = Vec::new();
    let mut boundary = vec![false; text.len() + 1];
    let mut i = 0;
    // Character boundaries as Python's surrogateescape decoding sees them: each invalid byte alone.
    while i < text.len() {
        boundary[i] = true;
        let n = match std::str::from_utf8(&text[i..]) {
            Ok(s) => s.chars().next().map_or(1, char::len_utf8),
            Err(e) if e.valid_up_to() > 0 => {
                let s = std::str::from_utf8(&text[i..i + e.valid_up_to()]).expect("valid prefix");
                s.chars().next().map_or(1, char::len_utf8)
            }
            Err(_) => 1,
        };
        i += n;
    }
    boundary[text.len()] = true;
    let ids: std::collections::HashSet<&str> = page.articles.iter().map(|a| a.id.as_str()).collect();
    let mut covered = vec![false; text.len()];
    for l in &page.lines {
        let (s, e) = (l.span.0, l.span.1);
        if !(s < e && e <= text.len()) {
            out.push(format!("line span {s}..{e} outside the text"));
            continue;
        }
        if !boundary[s] || !boundary[e] {
            out.push(format!("line span {s}..{e} cuts a character"));
        }
        if covered[s..e].iter().any(|c| *c) {
            out.push(format!("line span {s}..{e} overlaps another"));
        }
        covered[s..e].iter_mut().for_each(|c| *c = true);
        if let Some(a) = &l.article
            && !ids.contains(a.as_str()) {
                out.push(format!("line {s}..{e} names unknown article {a}"));
            }
    }
    let decoded = String::from_utf8_lossy(text);
    if decoded.len() == text.len() {
        for (i, c) in decoded.char_indices() {
            if !c.is_whitespace() && !covered[i] {
                out.push(format!("byte {i} ({c:?}) lies in no line span"));
                break;
            }
        }
    } else {
        for (i, b) in text.iter().enumerate() {
            if !b.is_ascii_whitespace() && !covered[i] {
                out.push(format!("byte {i} lies in no line span"));
                break;
            }
        }
    }
    for a in &page.articles {
        for s in &a.sections {
            for p in &s.paragraphs {
                for sp in &p.spans {
                    if sp.1 > text.len() || sp.0 > sp.1 {
                        out.push(format!("paragraph span {}..{} outside the text", sp.0, sp.1));
                    }
                }
            }
        }
    }
    out
}
