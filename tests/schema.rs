//! The page schema (`newsseg schema`) is a contract a reader can check pages against: every
//! fixture's JSON, text and structured, validates; the schema is closed (a field it does not
//! name, a null where a value is required, a language or role outside its list are all refused).

use newsseg::emit;

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&emit::schema()).expect("the schema is a valid JSON Schema")
}

fn errors(v: &jsonschema::Validator, page: &serde_json::Value) -> Vec<String> {
    v.iter_errors(page).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn every_fixture_validates() {
    let v = validator();
    for dir in super::golden::fixture_dirs() {
        let (_, page) = super::golden::run(&dir);
        let json = serde_json::to_value(&page).unwrap();
        let errs = errors(&v, &json);
        assert!(errs.is_empty(), "{}: {errs:#?}", dir.display());
    }
}

#[test]
fn the_schema_is_closed() {
    let v = validator();
    let dir = super::golden::fixture_dirs().into_iter().find(|d| d.ends_with("en-wire-1987")).unwrap();
    let page = serde_json::to_value(super::golden::run(&dir).1).unwrap();
    assert!(errors(&v, &page).is_empty());
    let bad = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut p = page.clone();
        f(&mut p);
        !errors(&v, &p).is_empty()
    };
    assert!(bad(&|p| p["extra"] = 1.into()), "an unknown top-level field");
    assert!(bad(&|p| p["articles"][0]["summary"] = "x".into()), "an unknown article field");
    assert!(bad(&|p| p["schema_version"] = "2".into()), "another schema version");
    assert!(bad(&|p| p["language"] = "xx".into()), "an unknown language");
    assert!(bad(&|p| p["layout"] = "columns".into()), "an unknown layout");
    assert!(bad(&|p| p["lines"][0]["role"] = "story".into()), "an unknown role");
    assert!(bad(&|p| p["articles"][0]["jumps"][0]["direction"] = "up".into()), "an unknown jump direction");
    assert!(bad(&|p| {
        p["articles"][0].as_object_mut().unwrap().remove("headline");
    }), "a field written on every page, left out");
    assert!(bad(&|p| {
        p.as_object_mut().unwrap().remove("generator");
    }), "no generator");
}
