//! Emit: the page object (the JSON contract), built from the linker's plans; JSON, JSON Lines, the
//! schema, the METS an ALTO page's articles are written back as, and the HTML review pages.

pub mod html;
pub mod mets;
pub mod page;

pub use page::{Article, LineOut, Page, Paragraph, Section, SourceInfo};

use schemars::schema_for;

/// The JSON Schema of the page object, generated from the Rust types.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schema_for!(Page)).expect("schema serializes")
}

/// Serializes a page as one compact JSON line (no trailing newline).
pub fn to_json_line(page: &Page) -> String {
    serde_json::to_string(page).expect("page serializes")
}

/// Appends a page's JSON and a newline to `out`: one compact line, or indented when `pretty`.
/// The same bytes as [`to_json_line`] + `\n` or [`to_json_pretty`], without the String between.
pub fn write_json(page: &Page, pretty: bool, out: &mut Vec<u8>) {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, page).expect("page serializes");
    } else {
        serde_json::to_writer(&mut *out, page).expect("page serializes");
    }
    out.push(b'\n');
}

/// Serializes a page as indented JSON with a trailing newline.
pub fn to_json_pretty(page: &Page) -> String {
    let mut s = serde_json::to_string_pretty(page).expect("page serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use crate::lang::LangCode;

    #[test]
    fn the_schema_names_every_language_code() {
        let s = super::schema();
        let listed: Vec<&str> = s["properties"]["language"]["enum"].as_array().expect("an enum").iter().filter_map(|v| v.as_str()).collect();
        assert_eq!(listed, LangCode::ALL.map(LangCode::as_str));
    }
}
