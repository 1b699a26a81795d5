//! Emit: the page object (the JSON contract), built from the linker's plans; JSON, JSON Lines, the
//! schema, the METS an ALTO page's articles are written back as, and the HTML review pages.

pub mod html;
pub mod mets;
pub mod page;
pub mod stream;

pub use page::{Article, LineOut, Page, Paragraph, Section, SourceInfo};

use schemars::schema_for;

/// The JSON Schema of the page object, generated from the Rust types and closed: every object
/// lists the fields it has and no other (`additionalProperties: false`), every field written on
/// every page is required (a null one too), and fields that take a fixed set of values say which.
pub fn schema() -> serde_json::Value {
    let mut s = serde_json::to_value(schema_for!(Page)).expect("schema serializes");
    close(&mut s, "Page");
    if let Some(defs) = s.get_mut("$defs").and_then(|d| d.as_object_mut()) {
        for (name, def) in defs.iter_mut() {
            close(def, name);
        }
    }
    let set = |s: &mut serde_json::Value, path: &[&str], key: &str, v: serde_json::Value| {
        let mut at = &mut *s;
        for p in path {
            at = &mut at[*p];
        }
        if let Some(o) = at.as_object_mut() {
            o.insert(key.to_string(), v);
        }
    };
    use serde_json::json;
    set(&mut s, &["properties", "schema_version"], "const", json!(page::SCHEMA_VERSION));
    set(&mut s, &["properties", "layout"], "enum", json!(["markdown", "wrapped"]));
    set(&mut s, &["$defs", "Generator", "properties", "name"], "const", json!("newsseg"));
    set(&mut s, &["$defs", "Jump", "properties", "direction"], "enum", json!(["to", "from"]));
    set(&mut s, &["$defs", "PageSize", "properties", "unit"], "enum", json!(["pixel", "mm10", "inch1200"]));
    set(&mut s, &["$defs", "SourceInfo", "properties", "format"], "enum", json!(["alto", "hocr", "page-xml"]));
    s
}

/// Fields a page leaves out where they have nothing to say (all others are always written):
/// the structured-input additions, and a warning's spans.
const OPTIONAL: &[(&str, &str)] = &[
    ("SourceInfo", "format"),
    ("SourceInfo", "text"),
    ("SourceInfo", "image"),
    ("SourceInfo", "page_size"),
    ("Article", "regions"),
    ("LineOut", "region"),
    ("Warning", "spans"),
];

/// Makes an object schema closed: no other properties, and every one not in [`OPTIONAL`] required.
fn close(def: &mut serde_json::Value, name: &str) {
    let Some(props) = def.get("properties").and_then(|p| p.as_object()) else { return };
    let mut required: Vec<String> = props.keys().filter(|k| !OPTIONAL.contains(&(name, k.as_str()))).cloned().collect();
    required.sort();
    def["required"] = serde_json::json!(required);
    def["additionalProperties"] = serde_json::json!(false);
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
