//! The README's example is what the binary prints for `fixtures/en-wire-1987`, abridged by a fixed
//! rule (each list cut to its first items, long strings cut with …): it cannot go stale. After a
//! change of output, `NEWSSEG_BLESS=1 cargo test readme` writes the new one into the README.

use serde_json::Value;
use std::process::Command;

const MARK: &str = "<!-- generated from fixtures/en-wire-1987 by tests/readme.rs: NEWSSEG_BLESS=1 cargo test readme -->\n```json\n";

/// A JSON value that keeps its object's fields in the order they were written (serde_json's
/// own `Value` sorts them).
enum Json {
    Obj(Vec<(String, Json)>),
    Arr(Vec<Json>),
    Leaf(Value),
}

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, Json>()? {
                    out.push((k, v));
                }
                Ok(Json::Obj(out))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = s.next_element::<Json>()? {
                    out.push(v);
                }
                Ok(Json::Arr(out))
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::Leaf(Value::String(v.into())))
            }
            fn visit_string<E>(self, v: String) -> Result<Json, E> {
                Ok(Json::Leaf(Value::String(v)))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
                Ok(Json::Leaf(Value::Bool(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
                Ok(Json::Leaf(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
                Ok(Json::Leaf(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
                Ok(Json::Leaf(v.into()))
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Leaf(Value::Null))
            }
        }
        d.deserialize_any(V)
    }
}

/// The value abridged (lists cut to their first items, one for the long lists of a page, strings
/// to 60 characters) and written as serde_json's pretty printer writes, fields in their order.
fn abridged(v: &Json, key: &str, indent: usize, out: &mut String) {
    let pad = |n: usize| "  ".repeat(n);
    match v {
        Json::Obj(o) if o.is_empty() => out.push_str("{}"),
        Json::Obj(o) => {
            out.push_str("{\n");
            for (i, (k, x)) in o.iter().enumerate() {
                out.push_str(&format!("{}{}: ", pad(indent + 1), serde_json::to_string(k).unwrap()));
                abridged(x, k, indent + 1, out);
                out.push_str(if i + 1 < o.len() { ",\n" } else { "\n" });
            }
            out.push_str(&format!("{}}}", pad(indent)));
        }
        Json::Arr(a) => {
            let keep = if matches!(key, "articles" | "sections" | "paragraphs" | "lines" | "continuations" | "bylines") { 1 } else { 3 };
            let a: Vec<&Json> = a.iter().take(keep).collect();
            if a.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                abridged(x, key, indent + 1, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            out.push_str(&format!("{}]", pad(indent)));
        }
        Json::Leaf(Value::String(s)) if s.chars().count() > 60 => out.push_str(&serde_json::to_string(&(s.chars().take(60).collect::<String>() + "…")).unwrap()),
        Json::Leaf(x) => out.push_str(&serde_json::to_string(x).unwrap()),
    }
}

#[test]
fn the_readme_example_is_what_the_binary_prints() {
    let root = env!("CARGO_MANIFEST_DIR");
    let o = Command::new(env!("CARGO_BIN_EXE_newsseg"))
        .current_dir(root)
        .args(["process", "fixtures/en-wire-1987/page.txt", "-q"])
        .output()
        .expect("newsseg runs");
    assert!(o.status.success());
    let page: Json = serde_json::from_slice(&o.stdout).expect("one JSON page");
    let mut example = String::new();
    abridged(&page, "", 0, &mut example);
    example.push('\n');
    let path = std::path::Path::new(root).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(MARK).expect("the README marks its example") + MARK.len();
    let end = start + readme[start..].find("```\n").expect("the example block closes");
    if readme[start..end] == example {
        return;
    }
    if std::env::var_os("NEWSSEG_BLESS").is_some() {
        std::fs::write(&path, format!("{}{example}{}", &readme[..start], &readme[end..])).unwrap();
        return;
    }
    panic!("README.md's example is stale; NEWSSEG_BLESS=1 cargo test readme rewrites it. Now:\n{example}");
}
