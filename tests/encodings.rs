//! Encodings end to end: a page's articles do not depend on how its bytes were encoded.

use crate::common::{assert_same_articles, run, QINGPU};
use newsseg::source::SpanBase;
use newsseg::{Config, ErrorKind};

fn utf16le_with_bom(s: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    v
}

#[test]
fn gb18030_copy_gives_the_same_articles() {
    let original = run(QINGPU.as_bytes());
    assert!(original.articles.len() >= 5, "the sample has several stories");
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(QINGPU);
    assert!(!unmappable);
    let page = run(&gb);
    assert_eq!(page.source.encoding, "gb18030");
    assert_eq!(page.source.spans, SpanBase::DecodedUtf8);
    assert_eq!(page.source.bytes, gb.len());
    assert_same_articles(&original, &page, "GB18030 copy");
}

#[test]
fn crlf_copy_gives_the_same_articles() {
    let original = run(QINGPU.as_bytes());
    let page = run(QINGPU.replace('\n', "\r\n").as_bytes());
    assert_eq!(page.source.spans, SpanBase::Input);
    assert_same_articles(&original, &page, "CRLF copy");
}

#[test]
fn utf16_and_bom_copies_give_the_same_articles() {
    let original = run(QINGPU.as_bytes());
    let page = run(&utf16le_with_bom(QINGPU));
    assert_eq!(page.source.encoding, "UTF-16LE");
    assert_same_articles(&original, &page, "UTF-16LE copy");
    let page = run(format!("\u{feff}{QINGPU}").as_bytes());
    assert_eq!(page.source.encoding, "UTF-8 (BOM)");
    assert_same_articles(&original, &page, "UTF-8 copy with a BOM");
}

#[test]
fn utf16_copies_without_bom_give_the_same_articles() {
    let original = run(QINGPU.as_bytes());
    for le in [true, false] {
        let bytes: Vec<u8> = QINGPU.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect();
        let page = run(&bytes);
        assert_eq!(page.source.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
        assert_same_articles(&original, &page, "UTF-16 copy without a BOM");
    }
}

#[test]
fn decoded_spans_index_the_decoding() {
    let (gb, _, _) = encoding_rs::GB18030.encode(QINGPU);
    let page = run(&gb);
    for l in &page.lines {
        let t = &QINGPU[l.span.0..l.span.1];
        assert!(!t.trim().is_empty() && t.trim() == t, "{:?} -> {t:?}", l.span);
    }
}

#[test]
fn forced_encoding_and_bad_labels() {
    let (gb, _, _) = encoding_rs::GB18030.encode(QINGPU);
    let cfg = Config { encoding: Some("gbk".into()), ..Config::default() };
    let page = newsseg::process_page(&cfg, "t", None, &gb).unwrap();
    assert_eq!(page.source.encoding, "GBK");
    assert_same_articles(&run(QINGPU.as_bytes()), &page, "GBK forced");
    let cfg = Config { encoding: Some("no-such-charset".into()), ..Config::default() };
    let e = newsseg::process_page(&cfg, "t", Some("a/b.txt"), b"x").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadInput);
    assert!(e.to_string().starts_with("a/b.txt: unknown encoding label 'no-such-charset'"), "{e}");
}

#[test]
fn binary_error_names_the_file() {
    let e = newsseg::process_page(&Config::default(), "t", Some("scans/p1.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Binary);
    assert_eq!(e.to_string(), "scans/p1.txt: not a text page: the file is a PNG image");
}

fn newsseg(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_newsseg")).args(args).output().expect("newsseg runs")
}

#[test]
fn cli_encoding_flag() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.txt");
    // Latin-1 bytes that are also plausible as other single-byte encodings: the flag decides.
    std::fs::write(&page, b"CAF\xc9 REOPENS\n\nThe caf\xe9 reopened on Tuesday.\n").unwrap();
    let out = newsseg(&["process".as_ref(), "-q".as_ref(), "--encoding".as_ref(), "latin1".as_ref(), page.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"]["encoding"], "windows-1252");
    assert_eq!(json["source"]["spans"], "decoded-utf8");
    assert_eq!(json["articles"][0]["headline"], "CAFÉ REOPENS");

    let out = newsseg(&["process".as_ref(), "--encoding".as_ref(), "utf-9".as_ref(), page.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown encoding label 'utf-9'"), "{err}");
}

#[test]
fn cli_binary_is_a_failed_input_and_the_rest_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::write(pages.join("a.txt"), QINGPU).unwrap();
    std::fs::write(pages.join("b.txt"), b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = newsseg(&["process".as_ref(), "-q".as_ref(), pages.as_os_str(), "-o".as_ref(), out_dir.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("b.txt") && err.contains("PDF document"), "{err}");
    assert!(out_dir.join("a.json").exists());
    assert!(!out_dir.join("b.json").exists());
}
