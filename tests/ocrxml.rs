//! The structured-OCR readers against hostile files (entity bombs, external entities, deep
//! nesting, truncation, huge values, gzip bombs), each written by the test itself, the readers
//! alone and a folder of them through the command line, and against the real ALTO and hOCR
//! samples in the shared folder where it is there.

use newsseg::ErrorKind;
use newsseg::ocrxml::{self, Document, Format};
use std::io::Write;
use std::path::{Path, PathBuf};

/// An ALTO page around `body` (the inside of one TextLine), with `doctype` before the root.
fn alto(doctype: &str, file_name: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n{doctype}\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Description>\
         <MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation><fileName>{file_name}</fileName>\
         </sourceImageInformation></Description><Layout><Page WIDTH=\"100\" HEIGHT=\"100\"><PrintSpace>\
         <TextBlock ID=\"b\"><TextLine ID=\"l\">{body}</TextLine></TextBlock></PrintSpace></Page></Layout></alto>"
    )
}

fn words(doc: &Document) -> Vec<String> {
    doc.blocks.iter().flat_map(|b| &b.lines).flat_map(|l| &l.words).map(|w| w.text.clone()).collect()
}

const LAUGHS: &str = r#"<!DOCTYPE alto [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"#;

#[test]
fn billion_laughs_are_not_expanded() {
    let file = alto(LAUGHS, "&lol9;", r#"<String CONTENT="&lol9;"/><SP/><String CONTENT="a&amp;b"/>"#);
    let doc = ocrxml::read(file.as_bytes()).expect("an unexpanded entity is only text");
    assert_eq!(words(&doc), ["&lol9;", "a&b"]);
    assert_eq!(doc.image.as_deref(), Some("&lol9;"));
}

#[test]
fn external_entities_are_never_read() {
    let dtd = r#"<!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/passwd"> <!ENTITY y SYSTEM "http://127.0.0.1:9/x">]>"#;
    let file = alto(dtd, "&x;", r#"<String CONTENT="&x;"/><SP/><String CONTENT="&y;"/>"#);
    let doc = ocrxml::read(file.as_bytes()).expect("an external entity is only text");
    assert_eq!(words(&doc), ["&x;", "&y;"]);
    assert_eq!(doc.image.as_deref(), Some("&x;"));
    let all = format!("{doc:?}");
    assert!(!all.contains("root:") && !all.contains("/bin/"), "passwd contents leaked: {all}");

    // The same in PAGE text and hOCR text.
    let page = format!(
        "<?xml version=\"1.0\"?>{}<PcGts><Page imageWidth=\"9\" imageHeight=\"9\"><TextRegion id=\"r\"><TextLine>\
         <TextEquiv><Unicode>&x; here</Unicode></TextEquiv></TextLine></TextRegion></Page></PcGts>",
        dtd.replace("alto", "PcGts")
    );
    let doc = ocrxml::read(page.as_bytes()).unwrap();
    assert_eq!(words(&doc), ["&x;", "here"]);
    let hocr = format!(
        "{}<html><head><meta name='ocr-system' content='t'/></head><body><div class='ocr_page'>\
         <span class='ocr_line'><span class='ocrx_word'>&x;</span></span></div></body></html>",
        dtd.replace("alto", "html")
    );
    assert_eq!(words(&ocrxml::read(hocr.as_bytes()).unwrap()), ["&x;"]);
}

#[test]
fn deep_nesting_is_refused() {
    const DEEP: usize = 200_000;
    let mut s = String::from("<alto><Layout>");
    s.push_str(&"<x>".repeat(DEEP));
    s.push_str(&"</x>".repeat(DEEP));
    s.push_str("</Layout></alto>");
    let e = ocrxml::read(s.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadInput);
    assert!(e.message().starts_with("ALTO nested deeper than 256 elements at byte "), "{}", e.message());

    let hocr = format!("<html><body class='ocr_page'>{}", "<span>".repeat(DEEP));
    assert!(ocrxml::read(hocr.as_bytes()).unwrap_err().message().starts_with("hOCR nested deeper than 256"));
    let page = format!("<PcGts><Page>{}", "<TextRegion>".repeat(DEEP));
    assert!(ocrxml::read(page.as_bytes()).unwrap_err().message().starts_with("PAGE-XML nested deeper than 256"));
}

#[test]
fn truncated_files_are_errors() {
    let file = alto("", "p.tif", r#"<String CONTENT="one"/><SP/><String CONTENT="two" WC="0.9"/><SP/><String CONTENT="three"/>"#);
    let at = file.find("<SP/><String CONTENT=\"two\"").unwrap();
    // Between two words of the line, and in the middle of a word's attributes.
    let e = ocrxml::read(&file.as_bytes()[..at]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadInput);
    assert_eq!(e.message(), format!("malformed ALTO: unexpected end of file inside <TextLine> at byte {at}"));
    let e = ocrxml::read(&file.as_bytes()[..at + 20]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadInput);
    assert!(e.message().starts_with("malformed ALTO: ") && e.message().contains("inside <TextLine>"), "{}", e.message());
    // Every cut of the page is an error, never a panic and never a partial page.
    for cut in (0..file.len()).filter(|&i| file.is_char_boundary(i)) {
        let r = ocrxml::read(&file.as_bytes()[..cut]);
        assert!(r.is_err(), "cut at {cut} was read as a page");
    }
}

#[test]
fn huge_values_are_refused_without_copying() {
    const BIG: usize = 50 << 20;
    let big = "a".repeat(BIG);
    let file = alto("", "p.tif", &format!("<String CONTENT=\"{big}\"/>"));
    let e = ocrxml::read(file.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadInput);
    assert!(e.message().contains("attribute CONTENT of <String> is over the 4 MiB limit"), "{}", e.message());
    // In an element no reader looks at, and as one text node.
    let file = alto("", "p.tif", &format!("<Glyph x=\"{big}\"/>"));
    assert!(ocrxml::read(file.as_bytes()).unwrap_err().message().contains("over the 4 MiB limit"));
    let file = alto("", &big, "");
    assert!(ocrxml::read(file.as_bytes()).unwrap_err().message().contains("text node is over the 4 MiB limit"));
    // Text gathered from many small pieces is bounded as well.
    let hocr = format!(
        "<html><body><div class='ocr_page'><span class='ocr_line'><span class='ocrx_word'>{}</span></span></div></body></html>",
        "&amp;a".repeat(BIG / 5)
    );
    assert!(ocrxml::read(hocr.as_bytes()).unwrap_err().message().contains("text value is over the 4 MiB limit"));
}

#[test]
fn damaged_files_never_panic() {
    let files: [&[u8]; 3] = [
        include_bytes!("data/ocrxml/harbour.alto.xml"),
        include_bytes!("data/ocrxml/harbour.hocr"),
        include_bytes!("data/ocrxml/harbour.page.xml"),
    ];
    const BITS: [&[u8]; 14] =
        [b"<", b">", b"&", b"\"", b"'", b"/", b"<!--", b"]]>", b"&#x0;", b"&#99999999;", b"\xff\xfe", b"<x>", b"</x>", b"="];
    // xorshift: the same damage on every run.
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut rand = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for f in files {
        for _ in 0..300 {
            let mut v = f.to_vec();
            for _ in 0..1 + rand(4) {
                let at = rand(v.len());
                match rand(3) {
                    0 => drop(v.remove(at)),
                    1 => drop(v.splice(at..at, BITS[rand(BITS.len())].iter().copied())),
                    _ => v[at] = rand(256) as u8,
                }
            }
            // Each reader, also on the other formats' files: Ok or Err, never a panic.
            let _ = ocrxml::read(&v);
            let _ = ocrxml::alto::read(&v);
            let _ = ocrxml::hocr::read(&v);
            let _ = ocrxml::page::read(&v);
        }
    }
}

/// The heap a document holds, counted from its types' sizes and its strings' and vectors' capacities.
fn model_bytes(d: &Document) -> usize {
    use ocrxml::{Block, Line, Word};
    use std::mem::size_of;
    let s = |o: &Option<String>| o.as_ref().map_or(0, String::capacity);
    let mut n = size_of::<Document>() + d.blocks.capacity() * size_of::<Block>();
    for b in &d.blocks {
        n += s(&b.id) + s(&b.group) + b.lines.capacity() * size_of::<Line>();
        for l in &b.lines {
            n += s(&l.id) + l.words.capacity() * size_of::<Word>();
            n += l.words.iter().map(|w| w.text.capacity() + s(&w.id) + s(&w.subs_content)).sum::<usize>();
        }
    }
    n
}

#[test]
fn the_model_stays_within_a_few_times_the_file() {
    // The densest words ALTO can write: the model's fixed size per word against 20 bytes of file.
    let body = "<String CONTENT=\"ab\"/>".repeat(100_000);
    let file = alto("", "p.tif", &body);
    let doc = ocrxml::read(file.as_bytes()).unwrap();
    assert_eq!(words(&doc).len(), 100_000);
    let ratio = model_bytes(&doc) as f64 / file.len() as f64;
    assert!(ratio < 8.0, "the model costs {ratio:.1} times the file");
    // Lines and blocks with no words cost nothing.
    let empty = alto("", "p.tif", "").replace(
        "<TextBlock ID=\"b\"><TextLine ID=\"l\"></TextLine></TextBlock>",
        &"<TextBlock><TextLine/></TextBlock>".repeat(50_000),
    );
    assert!(ocrxml::read(empty.as_bytes()).unwrap().blocks.is_empty());
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

#[test]
fn gzip_round_trip_corruption_and_bombs() {
    let file = alto("", "p.tif", r#"<String CONTENT="zipped"/>"#);
    let packed = gzip(file.as_bytes());
    let unpacked = ocrxml::gunzip(&packed, 1 << 20).unwrap().expect("gzip magic");
    assert_eq!(unpacked, file.as_bytes());
    assert_eq!(words(&ocrxml::read(&unpacked).unwrap()), ["zipped"]);
    // Two members one after the other, as `cat a.gz b.gz` makes.
    let twice = [packed.clone(), packed.clone()].concat();
    assert_eq!(ocrxml::gunzip(&twice, 1 << 20).unwrap().unwrap().len(), 2 * file.len());
    assert_eq!(ocrxml::gunzip(file.as_bytes(), 1 << 20).unwrap(), None);
    assert_eq!(ocrxml::gunzip(b"", 1 << 20).unwrap(), None);

    let mut corrupt = packed.clone();
    let mid = corrupt.len() / 2;
    corrupt[mid..mid + 8].copy_from_slice(b"\xff\x00\xff\x00\xff\x00\xff\x00");
    assert_eq!(ocrxml::gunzip(&corrupt, 1 << 20).unwrap_err().kind(), ErrorKind::BadInput);
    let truncated = &packed[..packed.len() - 10];
    assert_eq!(ocrxml::gunzip(truncated, 1 << 20).unwrap_err().kind(), ErrorKind::BadInput);

    // 64 MiB of zeros packs to about 64 KB; unpacking stops at the limit.
    let bomb = gzip(&vec![0u8; 64 << 20]);
    assert!(bomb.len() < 1 << 20);
    let e = ocrxml::gunzip(&bomb, 1 << 20).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    assert_eq!(ocrxml::gunzip(&bomb, 64 << 20).unwrap().unwrap().len(), 64 << 20);
}

#[test]
fn plain_text_and_other_markup_are_not_ocr() {
    for not in ["plain text page", "", "<html><body>news</body></html>", "<?xml version='1.0'?><rss/>", "<!-- only a comment -->"]
    {
        assert_eq!(ocrxml::sniff(not.as_bytes()), None, "{not}");
        assert_eq!(ocrxml::read(not.as_bytes()).unwrap_err().kind(), ErrorKind::BadInput);
    }
}

/// What the files below `dir` hold, all of them together.
fn all_bytes(dir: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        out.extend(if p.is_dir() { all_bytes(&p) } else { std::fs::read(&p).unwrap() });
    }
    out
}

#[test]
fn hostile_files_through_the_command_line() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("issue");
    std::fs::create_dir_all(&dir).unwrap();
    // Entities declared in the DOCTYPE stay what they are in the file, unexpanded references: the
    // bomb and the external entity are read as pages holding "&lol9;" and "&x;".
    std::fs::write(dir.join("a-laughs.xml"), alto(LAUGHS, "p.tif", r#"<String CONTENT="&lol9;"/><SP/><String CONTENT="laughs"/>"#)).unwrap();
    let xxe = r#"<!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/passwd"> <!ENTITY y SYSTEM "http://127.0.0.1:9/x">]>"#;
    std::fs::write(dir.join("b-xxe.xml"), alto(xxe, "&x;", r#"<String CONTENT="&x;"/><SP/><String CONTENT="&y;"/>"#)).unwrap();
    let deep = format!("<alto><Layout>{}{}</Layout></alto>", "<x>".repeat(200_000), "</x>".repeat(200_000));
    std::fs::write(dir.join("c-deep.xml"), deep).unwrap();
    let whole = alto("", "p.tif", r#"<String CONTENT="one"/><SP/><String CONTENT="two"/>"#);
    std::fs::write(dir.join("d-truncated.xml"), &whole[..whole.find("<SP/>").unwrap()]).unwrap();
    std::fs::write(dir.join("e-huge.xml"), alto("", "p.tif", &format!("<String CONTENT=\"{}\"/>", "a".repeat(50 << 20)))).unwrap();
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/en-millbrook-1911-alto/page.xml"), dir.join("f-good.xml")).unwrap();
    let out = t.path().join("json");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_newsseg"))
        .args(["process", dir.to_str().unwrap(), "-o", out.to_str().unwrap(), "-q", "-j2"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let said = |file: &str, why: &str| err.lines().any(|l| l.starts_with(&format!("newsseg: {}: ", dir.join(file).display())) && l.contains(why));
    assert!(said("c-deep.xml", "ALTO nested deeper than 256 elements"), "{err}");
    assert!(said("d-truncated.xml", "malformed ALTO: unexpected end of file inside <TextLine>"), "{err}");
    assert!(said("e-huge.xml", "attribute CONTENT of <String> is over the 4 MiB limit"), "{err}");
    assert_eq!(err.lines().count(), 3, "the three refused files, nothing else: {err}");
    let mut names: Vec<String> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["a-laughs.json", "b-xxe.json", "f-good.json"]);
    let good: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("f-good.json")).unwrap()).unwrap();
    assert_eq!(good["articles"].as_array().unwrap().len(), 3);
    let laughs = std::fs::read_to_string(out.join("a-laughs.json")).unwrap();
    assert!(laughs.contains("&lol9; laughs") && laughs.len() < 20_000, "{laughs}");
    let xxe = std::fs::read_to_string(out.join("b-xxe.json")).unwrap();
    assert!(xxe.contains("\"&x; &y;"), "{xxe}");
    // Not a line of the real /etc/passwd anywhere: the outputs, stdout, stderr.
    let everything = [all_bytes(&out), o.stdout.clone(), o.stderr.clone()].concat();
    let everything = String::from_utf8_lossy(&everything);
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_else(|_| "root:x:0:0:root:/root:/bin/bash".into());
    for line in passwd.lines().filter(|l| l.len() >= 8) {
        assert!(!everything.contains(line), "/etc/passwd leaked: {line}");
    }
    assert!(!everything.contains("root:x:0:0"));
}

/// The shared folder of real samples, where this machine has it.
fn shared() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    [PathBuf::from("/work/shared"), beside].into_iter().find(|p| p.join("eval").is_dir())
}

#[test]
fn real_samples_read_sanely() {
    let Some(root) = shared() else {
        eprintln!("real_samples_read_sanely: no shared folder here, skipped");
        return;
    };
    let sets = [
        ("eval/real/fr/alto", "xml", Format::Alto),
        ("eval/real/de/alto", "xml", Format::Alto),
        ("eval/real/en/alto", "xml", Format::Alto),
        ("eval/scan/zh/alto", "xml", Format::Alto),
        ("eval/scan/en/alto", "xml", Format::Alto),
        ("eval/scan/zh/hocr", "hocr", Format::Hocr),
        ("eval/scan/en/hocr", "hocr", Format::Hocr),
    ];
    let (mut files, mut bytes, mut model, mut blocks, mut lines, mut words, mut secs) = (0, 0, 0, 0, 0, 0, 0.0);
    for (dir, ext, format) in sets {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == ext)).collect();
        paths.sort();
        for p in paths {
            let data = std::fs::read(&p).unwrap();
            assert_eq!(ocrxml::sniff(&data), Some(format), "{}", p.display());
            let t = std::time::Instant::now();
            let doc = ocrxml::read(&data).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            secs += t.elapsed().as_secs_f64();
            let name = p.display();
            assert!(!doc.blocks.is_empty(), "{name}: no blocks");
            assert!(doc.width > 0.0 && doc.height > 0.0, "{name}: no page size");
            let inside = |b: &ocrxml::BBox| b.x >= 0.0 && b.y >= 0.0 && b.right() <= doc.width && b.bottom() <= doc.height;
            for b in &doc.blocks {
                assert!(inside(&b.bbox) && !b.lines.is_empty(), "{name}: block {:?} {:?}", b.id, b.bbox);
                for l in &b.lines {
                    assert!(inside(&l.bbox) && !l.words.is_empty(), "{name}: line {:?} {:?}", l.id, l.bbox);
                    for w in &l.words {
                        assert!(!w.text.trim().is_empty(), "{name}: empty word {:?}", w.id);
                        assert!(inside(&w.bbox), "{name}: word {:?} {:?} outside {}x{}", w.id, w.bbox, doc.width, doc.height);
                        assert!(w.conf.is_none_or(|c| (0.0..=1.0).contains(&c)), "{name}: confidence {:?}", w.conf);
                    }
                }
            }
            assert!(model_bytes(&doc) < 2 * data.len(), "{name}: the model costs {} bytes", model_bytes(&doc));
            files += 1;
            bytes += data.len();
            model += model_bytes(&doc);
            blocks += doc.blocks.len();
            lines += doc.blocks.iter().map(|b| b.lines.len()).sum::<usize>();
            words += doc.blocks.iter().flat_map(|b| &b.lines).map(|l| l.words.len()).sum::<usize>();
        }
    }
    eprintln!(
        "real samples: {files} files, {bytes} bytes (model {model} bytes), {blocks} blocks, {lines} lines, {words} words, read in {secs:.2} s"
    );
}
