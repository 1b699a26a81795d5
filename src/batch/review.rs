//! `--html`: each page's review page made beside its JSON, the scan found for it under `--images`,
//! and the run's index, built at the end from the small row each page leaves on its way out.

use super::walk::{Input, Shard, href, rel_key, uri_path};
use newsseg::config::Config;
use newsseg::emit::html::{self, PageView, Row, Scan};
use newsseg::emit::Page;
use newsseg::source::{Source, SpanBase};
use std::borrow::Cow;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// What a run with `--html` needs to make a page's review page.
pub(super) struct Review<'a> {
    /// Where to look for scans (`--images`).
    pub(super) images: Option<&'a Path>,
    /// The index's file name in the output folder.
    pub(super) index: String,
}

/// A page's review, made by its worker: the page's row of the index, and why its scan was not
/// found where `--images` asked for one.
pub(super) struct Reviewed {
    pub(super) row: Row,
    pub(super) no_scan: Option<String>,
}

/// The index's name: `index.html`, or `index-s3of16.html` for a shard, so shards that share an
/// output folder each keep theirs.
pub(super) fn index_name(shard: Option<Shard>) -> String {
    match shard {
        Some(s) => format!("index-{}.html", Shard::tag(Some(s))),
        None => "index.html".into(),
    }
}

/// The text the page's spans index. A structured page carries it; for a text page it is the input
/// as read (unzipped), or for input in another encoding its UTF-8 decoding, made again as the
/// pipeline made it (only runs with `--html` pay for that).
fn span_text<'a>(cfg: &Config, page: &'a Page, input: &'a [u8]) -> Cow<'a, [u8]> {
    if let Some(t) = &page.source.text {
        return Cow::Borrowed(t.as_bytes());
    }
    let content: Cow<[u8]> = match newsseg::ocrxml::gunzip(input, cfg.max_page_bytes) {
        Ok(Some(unzipped)) => Cow::Owned(unzipped),
        _ => Cow::Borrowed(input),
    };
    if page.source.spans == SpanBase::Input {
        return content;
    }
    match Source::decode(None, &content, cfg.encoding.as_deref()) {
        Ok(src) => Cow::Owned(src.text.into_owned()),
        Err(_) => content,
    }
}

/// Image files a browser shows. Archive masters are TIFF or JPEG 2000, which it does not: for
/// those, a derivative of the same name in one of these is looked for.
const SHOWN: &[&str] = &["png", "jpg", "jpeg", "webp", "gif"];

/// A file name's last part, if it can only name a file inside the folder it is joined to.
fn plain_name(s: &str) -> Option<&str> {
    let name = s.rsplit(['/', '\\']).next()?;
    (!name.is_empty() && name != "." && name != ".." && !name.contains('\0')).then_some(name)
}

/// Finds the scan of a structured page under `dir`: the image its file names (`source.image`), or
/// failing that one named like the page itself; each first in the folder mirroring the page's own
/// below the inputs, then at the top of `dir`; each as named if a browser shows it, then as PNG,
/// JPEG, WebP or GIF of the same stem. Returns the file, or what was looked for.
fn find_scan(dir: &Path, page: &Page, inp: &Input) -> Result<PathBuf, String> {
    let rel = inp.out_rel();
    let mut folders = vec![dir.join(rel.parent().unwrap_or(Path::new("")))];
    if folders[0] != dir {
        folders.push(dir.to_path_buf());
    }
    let own = rel.file_stem().map(|s| s.to_string_lossy().into_owned());
    let names: Vec<&str> = page.source.image.as_deref().and_then(plain_name).into_iter().chain(own.as_deref()).collect();
    let mut tried: Vec<String> = Vec::new();
    for name in &names {
        let stem = Path::new(name).file_stem().map_or(name.to_string(), |s| s.to_string_lossy().into_owned());
        let shown = Path::new(name).extension().is_some_and(|e| SHOWN.iter().any(|x| e.eq_ignore_ascii_case(x)));
        let candidates = shown.then(|| name.to_string()).into_iter().chain(SHOWN.iter().map(|x| format!("{stem}.{x}")));
        for c in candidates {
            if tried.contains(&c) {
                continue;
            }
            for f in &folders {
                let p = f.join(&c);
                if p.is_file() {
                    return Ok(p);
                }
            }
            tried.push(c);
        }
    }
    let named = page.source.image.as_deref().map_or_else(|| "the file names no image".to_string(), |i| format!("the file names {i}"));
    Err(format!("No scan found in {} ({named}; looked for {}): the regions are drawn without it.", dir.display(), tried.join(", ")))
}

/// Makes a page's review page, and its row of the index.
pub(super) fn view(cfg: &Config, review: &Review, out: &Path, inp: &Input, page: &Page, input: &[u8]) -> (Vec<u8>, Reviewed) {
    let rel = inp.html_rel();
    let depth = rel.components().count().saturating_sub(1);
    let index = format!("{}{}", "../".repeat(depth), review.index);
    let folder = out.join(rel.parent().unwrap_or(Path::new("")));
    let structured = page.source.format.is_some();
    let (scan, no_scan) = match review.images {
        Some(dir) if structured => match find_scan(dir, page, inp) {
            Ok(file) => (Some(href(&folder, &file)), None),
            Err(why) => (None, Some(why)),
        },
        _ => (None, None),
    };
    let text = span_text(cfg, page, input);
    let view = PageView {
        text: &text,
        index: Some(&index),
        scan: match (&scan, &no_scan) {
            (Some(h), _) => Scan::Found(h),
            (None, Some(why)) => Scan::Missing(why),
            (None, None) => Scan::None,
        },
    };
    let bytes = html::page(page, &view);
    let row = Row::of(page, inp.name(), uri_path(&rel_key(&rel)));
    (bytes, Reviewed { row, no_scan })
}

/// Whether a review page is whole: written last to the end of its closing tag.
pub(super) fn is_complete(path: &Path) -> bool {
    const END: &[u8] = b"</html>\n";
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    let mut tail = [0u8; END.len()];
    f.seek(SeekFrom::End(-(END.len() as i64))).and_then(|_| f.read_exact(&mut tail)).is_ok() && tail == END
}

/// The row of a page an earlier run wrote, which `--resume` skips: read back from its JSON (only
/// those pages' are read; the others' rows are made as they are written).
pub(super) fn resumed_row(out: &Path, inp: &Input) -> Row {
    let json = std::fs::read(out.join(inp.out_rel())).ok().and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
    match json {
        Some(v) => Row::of_json(&v, inp.name(), uri_path(&rel_key(&inp.html_rel()))),
        None => Row::failed(inp.name(), "its JSON, written by an earlier run, cannot be read back".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_name_cannot_leave_its_folder() {
        assert_eq!(plain_name("../../etc/passwd"), Some("passwd"));
        assert_eq!(plain_name("C:\\scans\\0001.tif"), Some("0001.tif"));
        assert_eq!(plain_name("scans/.."), None);
        assert_eq!(plain_name("scans/"), None);
    }

    #[test]
    fn shards_keep_an_index_each() {
        assert_eq!(index_name(None), "index.html");
        assert_eq!(index_name(Some(Shard { index: 3, count: 16 })), "index-s3of16.html");
    }
}
