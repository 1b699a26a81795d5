//! The review page of one page: its source text line by line, each line tinted and numbered by the
//! article it went to and marked with its role; the articles beside it with everything the JSON says
//! of them; and for a structured page its regions drawn in page coordinates, over the scan when
//! there is one. Everything is in the HTML as written; the script only links the parts on click.

use super::{escape, escape_into, head, num, tail};
use crate::classify::Role;
use crate::emit::page::{Article, ContinuationOut, Page};
use std::collections::HashMap;
use std::fmt::Write;

const JS: &str = include_str!("view.js");

/// How many tints articles cycle through: Paul Tol's light scheme, whose colours stay apart for
/// colour-blind readers and carry black text. Past eight articles a tint repeats, so every tinted
/// thing also carries its article's number.
const TINTS: usize = 8;

/// An article's confidence below this is shown as doubtful: a missing headline costs 0.2, a cut
/// left unjoined 0.15 and a weak join 0.1, so below 0.7 takes several doubts together (a missing
/// headline with a loose cut, say) or an article with no text of its own (0.4), not one alone.
const DOUBTFUL: f64 = 0.7;

/// What the page view needs beside the page object.
pub struct PageView<'a> {
    /// The text the page's spans index: the input as read (or its UTF-8 decoding for input in
    /// another encoding), or `source.text` for structured input.
    pub text: &'a [u8],
    /// The run's index, as a reference relative to this page's file.
    pub index: Option<&'a str>,
    pub scan: Scan<'a>,
}

/// The scan image under a structured page's regions.
pub enum Scan<'a> {
    /// None was asked for: the regions are drawn on a blank page.
    None,
    /// The image, as a reference relative to the page's file.
    Found(&'a str),
    /// One was asked for and not found: what to tell the reviewer.
    Missing(&'a str),
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Headline => "headline",
        Role::Kicker => "kicker",
        Role::Deck => "deck",
        Role::Subhead => "subhead",
        Role::Byline => "byline",
        Role::Dateline => "dateline",
        Role::Body => "body",
        Role::Caption => "caption",
        Role::Credit => "credit",
        Role::Jump => "jump",
        Role::Furniture => "furniture",
        Role::Noise => "noise",
    }
}

/// The page's lines as the view numbers them: by their line in the text (what a reviewer opening
/// the file sees), and found by the offsets spans and continuations give.
struct Lines {
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// 1-based line of the text each starts on.
    no: Vec<usize>,
    /// A blank line stands before it: a paragraph or column gap in the text.
    gap: Vec<bool>,
}

impl Lines {
    fn of(page: &Page, text: &[u8]) -> Lines {
        let n = page.lines.len();
        let (mut starts, mut ends, mut no, mut gap) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut at, mut line) = (0usize, 1usize);
        for (i, l) in page.lines.iter().enumerate() {
            let s = l.span.0.min(text.len()).max(at);
            let breaks = memchr::memchr_iter(b'\n', &text[at..s]).count();
            line += breaks;
            at = s;
            starts.push(l.span.0);
            ends.push(l.span.1);
            no.push(line);
            gap.push(i > 0 && breaks >= 2);
        }
        Lines { starts, ends, no, gap }
    }

    /// The line starting at `offset`, or the first after it.
    fn starting(&self, offset: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&s| s < offset);
        (i < self.starts.len()).then_some(i)
    }

    /// The line ending at `offset`, or the last before it.
    fn ending(&self, offset: usize) -> Option<usize> {
        self.ends.partition_point(|&e| e <= offset).checked_sub(1)
    }
}

/// Where each article's continuations stand among the lines: (article, continuation, line cut,
/// line resumed).
type Link = (usize, usize, usize, usize);

fn links(page: &Page, lines: &Lines) -> Vec<Link> {
    let mut out = Vec::new();
    for (ai, a) in page.articles.iter().enumerate() {
        for (ci, c) in a.continuations.iter().enumerate() {
            if let (Some(f), Some(t)) = (lines.ending(c.from), lines.starting(c.to)) {
                out.push((ai, ci, f, t));
            }
        }
    }
    out
}

fn tint(ai: Option<usize>) -> String {
    match ai {
        Some(i) => format!("c{}", i % TINTS),
        None => "cx".into(),
    }
}

fn evidence(c: &ContinuationOut) -> String {
    let mut s = format!("score {}", num(c.score, 2));
    if c.joined {
        s.push_str(", joined into one paragraph");
    }
    if c.low_confidence {
        s.push_str(", low confidence");
    }
    for e in &c.evidence {
        s.push_str("; ");
        s.push_str(e);
    }
    s
}

/// Builds the review page of `page`.
pub fn page(page: &Page, view: &PageView) -> Vec<u8> {
    let mut out = String::with_capacity(view.text.len() * 4 + 24_000);
    let index: HashMap<&str, usize> = page.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let art_of: Vec<Option<usize>> = page.lines.iter().map(|l| l.article.as_deref().and_then(|a| index.get(a).copied())).collect();
    let lines = Lines::of(page, view.text);
    let links = links(page, &lines);
    head(&mut out, &page.language, &format!("{} · newsseg review", page.id), JS);
    out.push_str("<body>\n");
    header(&mut out, page, view);
    let geo = frame(page);
    out.push_str(if geo.is_some() { "<main class=\"with-scan\">\n" } else { "<main>\n" });
    if let Some(size) = geo {
        scan(&mut out, page, view, &art_of, &lines, size);
    }
    text_pane(&mut out, page, view.text, &art_of, &lines, &links);
    out.push_str("<section id=\"articles\" class=\"pane\" aria-label=\"Articles\">\n<h2 class=\"pane-title\">Articles</h2>\n");
    if page.articles.is_empty() {
        out.push_str("<p class=\"none\">No article was found on this page.</p>\n");
    }
    // Each article's lines and continuations, gathered once: a page of many lines and many
    // articles would otherwise be scanned once per article.
    let mut mine: Vec<(Vec<usize>, Vec<&Link>)> = vec![(Vec::new(), Vec::new()); page.articles.len()];
    for (i, a) in art_of.iter().enumerate() {
        if let Some(a) = a {
            mine[*a].0.push(i);
        }
    }
    for l in &links {
        mine[l.0].1.push(l);
    }
    for (ai, a) in page.articles.iter().enumerate() {
        article(&mut out, ai, a, &mine[ai].0, &lines, &mine[ai].1);
    }
    out.push_str("</section>\n</main>\n<footer id=\"status\" role=\"status\" aria-live=\"polite\">Click an article or a line.</footer>\n");
    tail(&mut out, JS);
    out.into_bytes()
}

fn header(out: &mut String, page: &Page, view: &PageView) {
    out.push_str("<header class=\"top\">\n");
    if let Some(ix) = view.index {
        let _ = writeln!(out, "<nav><a href=\"{}\">← all pages</a></nav>", escape(ix));
    }
    let _ = writeln!(out, "<h1>{}</h1>", escape(&page.id));
    let s = &page.source;
    let mut facts = vec![s.path.clone().unwrap_or_else(|| "standard input".into())];
    facts.push(match s.format.as_deref() {
        Some("alto") => "ALTO".into(),
        Some("hocr") => "hOCR".into(),
        Some("page-xml") => "PAGE-XML".into(),
        Some(other) => other.to_string(),
        None => format!("text, {}", s.encoding),
    });
    facts.push(format!("language {}", page.language));
    facts.push(format!("layout {}", page.layout));
    facts.push(format!("{} lines", page.lines.len()));
    out.push_str("<p class=\"facts\">");
    escape_into(out, &facts.join(" · "));
    out.push_str("</p>\n<p class=\"facts\">");
    let flagged = page.articles.iter().filter(|a| !a.flags.is_empty()).count();
    let weak = page.articles.iter().flat_map(|a| &a.continuations).filter(|c| c.low_confidence).count();
    let _ = write!(out, "<b>{}</b> articles", page.articles.len());
    if flagged > 0 {
        let _ = write!(out, " · <span class=\"badge flag\">⚑ {flagged} flagged</span>");
    }
    if weak > 0 {
        let _ = write!(out, " · <span class=\"badge weak\">⚠ {weak} weak join{}</span>", if weak == 1 { "" } else { "s" });
    }
    if let Some(low) = page.articles.iter().map(|a| a.confidence).min_by(f64::total_cmp) {
        let _ = write!(out, " · lowest confidence <b{}>{}</b>", if low < DOUBTFUL { " class=\"doubt\"" } else { "" }, num(low, 2));
    }
    out.push_str("</p>\n");
    if !page.warnings.is_empty() {
        let _ = writeln!(out, "<details class=\"warnings\"><summary>{} warning{}</summary><ul>", page.warnings.len(), if page.warnings.len() == 1 { "" } else { "s" });
        for w in &page.warnings {
            let _ = writeln!(out, "<li><code>{}</code> {}</li>", escape(&w.code), escape(&w.message));
        }
        out.push_str("</ul></details>\n");
    }
    out.push_str(
        "<details class=\"legend\"><summary>How to read this page</summary><p>Each source line shows its line number, \
         the number of the article it went to and the role it was taken for. Lines are tinted by article; the eight tints \
         repeat, the number tells articles apart. Grey lines (–) are furniture and noise, in no article. Click an article to \
         mark its lines, a line to find its article; <kbd>Esc</kbd> clears. ⤵ marks where an article's text breaks off and \
         links to where it goes on (⤴); ⚠ is a join below a score of 0.5, ⚑ an article with doubts.</p></details>\n",
    );
    out.push_str("</header>\n");
}

/// The page's extent in its own units, for a page whose lines have boxes: the size the file gives,
/// grown to hold every box (a file may give none, or one too small).
fn frame(page: &Page) -> Option<(f64, f64)> {
    page.source.format.as_ref()?;
    let boxes = page.lines.iter().filter_map(|l| l.region.as_ref().map(|r| r.bbox)).chain(page.articles.iter().flat_map(|a| a.regions.iter().map(|r| r.bbox)));
    let (mut w, mut h) = page.source.page_size.as_ref().map_or((0.0, 0.0), |s| (s.width, s.height));
    let mut any = false;
    for b in boxes {
        any = true;
        w = f64::max(w, b[0] + b[2]);
        h = f64::max(h, b[1] + b[3]);
    }
    (any && w > 0.0 && h > 0.0).then_some((w, h))
}

fn rect(out: &mut String, class: &str, b: [f64; 4], attrs: &str, title: &str) {
    let _ = writeln!(
        out,
        "<rect class=\"{class}\"{attrs} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>",
        b[0],
        b[1],
        b[2],
        b[3],
        escape(title)
    );
}

fn scan(out: &mut String, page: &Page, view: &PageView, art_of: &[Option<usize>], lines: &Lines, (w, h): (f64, f64)) {
    out.push_str("<section id=\"scan\" class=\"pane\" aria-label=\"The page's regions\">\n<h2 class=\"pane-title\">Page</h2>\n");
    if let Scan::Missing(why) = view.scan {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(why));
    }
    let unit = page.source.page_size.as_ref().map_or("", |s| s.unit.as_str());
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        escape(&format!("The page's regions in its own units ({w} × {h} {unit}), tinted by article"))
    );
    match view.scan {
        Scan::Found(href) => {
            let _ = writeln!(out, "<image href=\"{}\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" preserveAspectRatio=\"none\"/>", escape(href));
        }
        _ => {
            let _ = writeln!(out, "<rect class=\"paper\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\"/>");
        }
    }
    out.push_str("<g class=\"blocks\">\n");
    for (ai, a) in page.articles.iter().enumerate() {
        for r in &a.regions {
            let attrs = format!(" data-article=\"{}\"", escape(&a.id));
            let title = format!("article {} · block {}", ai + 1, r.id.as_deref().unwrap_or("(no id)"));
            rect(out, &format!("blk {}", tint(Some(ai))), r.bbox, &attrs, &title);
        }
    }
    out.push_str("</g>\n<g class=\"lines\">\n");
    for (i, l) in page.lines.iter().enumerate() {
        let Some(r) = &l.region else { continue };
        let mut attrs = format!(" data-line=\"{i}\"");
        if let Some(a) = &l.article {
            let _ = write!(attrs, " data-article=\"{}\"", escape(a));
        }
        let whose = art_of[i].map_or_else(|| "in no article".to_string(), |ai| format!("article {}", ai + 1));
        let title = format!("line {} · {} · {whose}", lines.no[i], role_name(l.role));
        rect(out, &format!("lnb {}", tint(art_of[i])), r.bbox, &attrs, &title);
    }
    out.push_str("</g>\n<g class=\"labels\" aria-hidden=\"true\">\n");
    // About 16 pixels where the page is drawn 400 pixels wide.
    let size = (w.max(h) / 28.0).round().max(1.0);
    for (ai, a) in page.articles.iter().enumerate() {
        if let Some(r) = a.regions.first() {
            let _ = writeln!(
                out,
                "<text class=\"lbl\" data-article=\"{}\" x=\"{}\" y=\"{}\" font-size=\"{size}\">{}</text>",
                escape(&a.id),
                r.bbox[0] + size * 0.2,
                r.bbox[1] + size * 0.9,
                ai + 1
            );
        }
    }
    out.push_str("</g>\n</svg>\n</section>\n");
}

fn text_pane(out: &mut String, page: &Page, text: &[u8], art_of: &[Option<usize>], lines: &Lines, links: &[Link]) {
    out.push_str("<section id=\"text\" class=\"pane\" aria-label=\"Source text, line by line\">\n<h2 class=\"pane-title\">Source text</h2>\n<ol class=\"lines\">\n");
    let mut outs: Vec<Vec<&Link>> = vec![Vec::new(); page.lines.len()];
    let mut ins: Vec<Vec<&Link>> = vec![Vec::new(); page.lines.len()];
    for l in links {
        outs[l.2].push(l);
        ins[l.3].push(l);
    }
    for (i, l) in page.lines.iter().enumerate() {
        let ai = art_of[i];
        let mut class = format!("ln {} r-{}", tint(ai), role_name(l.role));
        if lines.gap[i] {
            class.push_str(" gap");
        }
        let _ = write!(out, "<li id=\"l{i}\" class=\"{class}\" data-line=\"{i}\"");
        if let Some(a) = &l.article {
            let _ = write!(out, " data-article=\"{}\"", escape(a));
        }
        let place = l.region.as_ref().map(|r| format!(" · block {} · line {}", r.id.as_deref().unwrap_or("?"), r.line.as_deref().unwrap_or("?"))).unwrap_or_default();
        let _ = write!(out, "><a class=\"no\" href=\"#l{i}\" title=\"{}\">{}</a>", escape(&format!("line {}{place}", lines.no[i])), lines.no[i]);
        let _ = write!(out, "<span class=\"tag\"><b>{}</b> {}</span>", ai.map_or_else(|| "–".to_string(), |a| (a + 1).to_string()), role_name(l.role));
        for &&(lai, ci, from, _) in &ins[i] {
            let c = &page.articles[lai].continuations[ci];
            let _ = write!(
                out,
                "<a class=\"jmp in{}\" href=\"#l{from}\" title=\"{}\">⤴ {}</a>",
                if c.low_confidence { " low" } else { "" },
                escape(&format!("article {} goes on here from line {}: {}", lai + 1, lines.no[from], evidence(c))),
                lines.no[from]
            );
        }
        let t = text.get(l.span.0..l.span.1).unwrap_or_default();
        out.push_str("<span class=\"tx\">");
        escape_into(out, String::from_utf8_lossy(t).trim_end_matches(['\r', '\n']));
        out.push_str("</span>");
        for &&(lai, ci, _, to) in &outs[i] {
            let c = &page.articles[lai].continuations[ci];
            let _ = write!(
                out,
                "<a class=\"jmp out{}\" href=\"#l{to}\" title=\"{}\">⤵ {}</a>",
                if c.low_confidence { " low" } else { "" },
                escape(&format!("article {} breaks off here and goes on at line {}: {}", lai + 1, lines.no[to], evidence(c))),
                lines.no[to]
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

fn line_link(lines: &Lines, i: usize) -> String {
    format!("<a href=\"#l{i}\">line {}</a>", lines.no[i])
}

/// An article's card; `mine` are its lines, `links` its continuations' places.
fn article(out: &mut String, ai: usize, a: &Article, mine: &[usize], lines: &Lines, links: &[&Link]) {
    let n = ai + 1;
    let weak = a.continuations.iter().filter(|c| c.low_confidence).count();
    let mut class = format!("art {}", tint(Some(ai)));
    if !a.flags.is_empty() {
        class.push_str(" flagged");
    }
    if a.confidence < DOUBTFUL {
        class.push_str(" doubt");
    }
    if weak > 0 {
        class.push_str(" weak");
    }
    let _ = writeln!(out, "<article id=\"a{n}\" class=\"{class}\" data-article=\"{}\" tabindex=\"0\" aria-labelledby=\"h{n}\">", escape(&a.id));
    let _ = write!(out, "<div class=\"ah\"><span class=\"num\">{n}</span><span class=\"conf\">confidence <b>{}</b></span>", num(a.confidence, 2));
    if !a.flags.is_empty() {
        let _ = write!(out, "<span class=\"badge flag\">⚑ {} flag{}</span>", a.flags.len(), if a.flags.len() == 1 { "" } else { "s" });
    }
    if weak > 0 {
        let _ = write!(out, "<span class=\"badge weak\">⚠ {weak} weak join{}</span>", if weak == 1 { "" } else { "s" });
    }
    let _ = writeln!(out, "<code class=\"id\">{}</code></div>", escape(&a.id));
    if let Some(k) = &a.kicker {
        let _ = writeln!(out, "<p class=\"kicker\">{}</p>", escape(k));
    }
    match &a.headline {
        Some(h) => {
            let _ = writeln!(out, "<h3 id=\"h{n}\">{}</h3>", escape(h));
        }
        None => {
            let _ = writeln!(out, "<h3 id=\"h{n}\" class=\"none\">(no headline)</h3>");
        }
    }
    if let Some(d) = &a.deck {
        let _ = writeln!(out, "<p class=\"deck\">{}</p>", escape(d));
    }
    if !a.flags.is_empty() {
        out.push_str("<ul class=\"flags\">");
        for f in &a.flags {
            let _ = write!(out, "<li>⚑ {}</li>", escape(f));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<dl class=\"meta\">");
    if let Some(&first) = mine.first() {
        let _ = write!(out, "<dt>Lines</dt><dd>{} line{}, from {}</dd>", mine.len(), if mine.len() == 1 { "" } else { "s" }, line_link(lines, first));
    }
    if !a.bylines.is_empty() {
        out.push_str("<dt>Bylines</dt><dd><ul>");
        for b in &a.bylines {
            let name = b.name.as_deref().map_or_else(|| "<i>no name</i>".to_string(), |x| format!("<b>{}</b>", escape(x)));
            let _ = write!(out, "<li><span class=\"role\">{}</span> {name}", escape(&b.role));
            // The printed line, where it says more than its role and name.
            let bare = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            if bare(&b.text) != bare(&format!("{}{}", b.role, b.name.as_deref().unwrap_or(""))) {
                let _ = write!(out, " <small>“{}”</small>", escape(&b.text));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></dd>");
    }
    for (what, v) in [("Dateline", &a.dateline), ("Credit", &a.credit)] {
        if let Some(v) = v {
            let _ = write!(out, "<dt>{what}</dt><dd>{}</dd>", escape(v));
        }
    }
    if !a.jumps.is_empty() {
        out.push_str("<dt>Jumps</dt><dd><ul>");
        for j in &a.jumps {
            let to = j.page.as_deref().map_or_else(String::new, |p| format!(" page {p}"));
            let _ = write!(out, "<li>{}{} <small>{}</small></li>", escape(&j.direction), escape(&to), escape(&j.text));
        }
        out.push_str("</ul></dd>");
    }
    if !a.regions.is_empty() {
        let ids: Vec<&str> = a.regions.iter().map(|r| r.id.as_deref().unwrap_or("?")).collect();
        let _ = write!(out, "<dt>Blocks</dt><dd>{}</dd>", escape(&ids.join(", ")));
    }
    out.push_str("</dl>\n");
    if !links.is_empty() {
        out.push_str("<ol class=\"conts\" aria-label=\"Continuations\">");
        for &&(_, ci, from, to) in links {
            let c = &a.continuations[ci];
            let _ = write!(
                out,
                "<li class=\"cont{}\">{} ⤵ → ⤴ {} · score <b>{}</b>{}{}",
                if c.low_confidence { " low" } else { "" },
                line_link(lines, from),
                line_link(lines, to),
                num(c.score, 2),
                if c.joined { " · joined" } else { "" },
                if c.low_confidence { " · <strong>⚠ low confidence</strong>" } else { "" }
            );
            if !c.evidence.is_empty() {
                let _ = write!(out, "<br><small>{}</small>", escape(&c.evidence.join("; ")));
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>\n");
    }
    let paras: usize = a.sections.iter().map(|s| s.paragraphs.len()).sum();
    let _ = writeln!(out, "<details class=\"body\"><summary>Text: {paras} paragraph{}{}</summary>", if paras == 1 { "" } else { "s" }, if a.captions.is_empty() { String::new() } else { format!(", {} caption(s)", a.captions.len()) });
    for s in &a.sections {
        if let Some(h) = &s.heading {
            let _ = writeln!(out, "<h4>{}</h4>", escape(h));
        }
        for p in &s.paragraphs {
            paragraph(out, "", &p.text, p.spans.first().map(|s| s.0), lines);
        }
    }
    for c in &a.captions {
        paragraph(out, "caption", &c.text, c.spans.first().map(|s| s.0), lines);
    }
    out.push_str("</details>\n</article>\n");
}

fn paragraph(out: &mut String, class: &str, text: &str, start: Option<usize>, lines: &Lines) {
    let _ = write!(out, "<p class=\"para {class}\">");
    if let Some(i) = start.and_then(|s| lines.starting(s)) {
        let _ = write!(out, "<a class=\"src\" href=\"#l{i}\">{}</a> ", lines.no[i]);
    }
    if class == "caption" {
        out.push_str("<i>Caption:</i> ");
    }
    escape_into(out, text);
    out.push_str("</p>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view_of(text: &str) -> (Page, String) {
        let page = crate::process_page(&crate::Config::default(), "p", None, text.as_bytes()).expect("processed");
        let html = String::from_utf8(super::page(&page, &PageView { text: text.as_bytes(), index: None, scan: Scan::None })).expect("UTF-8");
        (page, html)
    }

    #[test]
    fn page_text_is_shown_not_run() {
        let text = "BRIDGE <script>document.title='pwned'</script> OPENS\n\nBy Jane <img src=x onerror=alert(1)> Doe\n\nThe new bridge opened on Monday, and </script><!-- traffic moved at once.\n";
        let (_, html) = view_of(text);
        assert_eq!(html.matches("<script").count(), 1, "only the view's own script");
        assert!(!html.contains("<img"), "no image element comes from the text");
        assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("&lt;/script&gt;&lt;!--"));
    }

    #[test]
    fn every_article_and_line_is_there_once() {
        let text = include_str!("../../../fixtures/zh-qingpu-sample/page.txt");
        let (page, html) = view_of(text);
        for (i, a) in page.articles.iter().enumerate() {
            let card = format!("<article id=\"a{}\" class=\"art c{}", i + 1, i % TINTS);
            assert_eq!(html.matches(&card).count(), 1, "{card}");
            assert!(html.contains(&format!("data-article=\"{}\" tabindex=\"0\"", a.id)));
        }
        for (i, l) in page.lines.iter().enumerate() {
            let at = html.find(&format!("<li id=\"l{i}\" ")).expect("the line is there");
            let tag = &html[at..at + html[at..].find('>').expect("a whole tag")];
            match &l.article {
                Some(a) => assert!(tag.ends_with(&format!(" data-article=\"{a}\"")), "{tag}"),
                None => assert!(!tag.contains("data-article"), "{tag}"),
            }
        }
        assert_eq!(html.matches("<li id=\"l").count(), page.lines.len());
    }

    #[test]
    fn continuations_link_the_cut_to_where_it_goes_on() {
        let text = include_str!("../../../fixtures/zh-qingpu-sample/page.txt");
        let (page, html) = view_of(text);
        let lines = Lines::of(&page, text.as_bytes());
        let all = links(&page, &lines);
        assert_eq!(all.len(), page.articles.iter().map(|a| a.continuations.len()).sum::<usize>());
        for &(ai, ci, from, to) in &all {
            let c = &page.articles[ai].continuations[ci];
            assert_eq!((page.lines[from].span.1, page.lines[to].span.0), (c.from, c.to));
            assert!(html.contains(&format!("<a class=\"jmp out{}\" href=\"#l{to}\"", if c.low_confidence { " low" } else { "" })));
            assert!(html.contains(&format!("<a class=\"jmp in{}\" href=\"#l{from}\"", if c.low_confidence { " low" } else { "" })));
        }
        assert!(all.iter().any(|&(ai, ci, ..)| page.articles[ai].continuations[ci].low_confidence), "the sample has a weak join to show");
        assert!(html.contains("class=\"badge weak\""));
    }

    #[test]
    fn lines_are_numbered_as_in_the_file() {
        let text = "HEAD LINE\n\n\nBy A. Writer\nThe text runs on.\n";
        let (page, _) = view_of(text);
        let lines = Lines::of(&page, text.as_bytes());
        assert_eq!(lines.no, [1, 4, 5]);
        assert_eq!(lines.gap, [false, true, false]);
    }
}
