//! The source tree's shape, as the project keeps it: no module of the library imports one that
//! imports it back (directly or round a longer circle), and no source file runs past 800 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Longest a source file may be before it is split at its seams.
const MAX_LINES: usize = 800;

fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|e| e.expect("src/ is readable").into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    out.sort();
    out
}

/// The top-level module a file belongs to (`src/link/viterbi.rs` -> `link`), `None` for the
/// crate's roots, which may use every module.
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("src")).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// The modules `crate::NAME` paths in a file's code name, its unit tests left out (a test may
/// build its input with any module).
fn imports(code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]\nmod tests").next().unwrap_or(code);
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

/// A circle of modules in `edges`, if there is one.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(n: &str, edges: &BTreeMap<String, BTreeSet<String>>, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == n) {
            return Some(path[at..].iter().cloned().chain([n.to_string()]).collect());
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in sources() {
        let Some(module) = module_of(&path) else { continue };
        let code = std::fs::read_to_string(&path).unwrap();
        let to = edges.entry(module.clone()).or_default();
        to.extend(imports(&code).into_iter().filter(|m| *m != module));
    }
    assert!(edges.len() > 10, "the modules were found: {:?}", edges.keys());
    assert_eq!(circle(&edges), None, "an import circle between modules");
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let edges: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
        .into_iter()
        .fold(BTreeMap::new(), |mut m, (x, y)| {
            m.entry(x.to_string()).or_insert_with(BTreeSet::new).insert(y.to_string());
            m
        });
    assert_eq!(circle(&edges), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    assert_eq!(imports("use crate::lang::Lang;\nfn f() { crate::bits::x() }\n#[cfg(test)]\nmod tests { use crate::link; }"), ["bits", "lang"].map(String::from).into());
}

#[test]
fn no_source_file_is_over_800_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(&p).unwrap().lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split at their seams: {long:?}");
}
