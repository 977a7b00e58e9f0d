//! Core's layout has no import circles: the `crate::…` paths between its top-level modules
//! and folders form a layered graph, and so do the files of `model/` and `output/`. Old
//! paths kept as re-exports (`crate::engine`, `crate::ruleset`, …) count as their new home.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Old names re-exported at the crate root, and where each now lives.
const HOMES: &[(&str, &str)] = &[
    ("engine", "evaluate"),
    ("benefits", "evaluate/benefits"),
    ("moments", "evaluate/moments"),
    ("review", "evaluate/review"),
    ("scenario", "evaluate/scenario"),
    ("value", "evaluate/value"),
    ("catalog", "model/catalog"),
    ("metrics", "model/metrics"),
    ("profile", "model/profile"),
    ("ruleset", "model/ruleset"),
    ("text", "model/text"),
    ("evaluation", "output/evaluation"),
    ("json", "read"),
    ("Engine", "evaluate"),
    ("AssemblyError", "evaluate"),
    ("CatalogChoice", "evaluate"),
    ("Document", "evaluate"),
    ("parse_catalog", "model"),
    ("parse_ruleset", "model"),
    ("Profile", "model/profile"),
    ("Ruleset", "model/ruleset"),
    ("Text", "model/text"),
    ("Evaluation", "output/evaluation"),
    ("Dec", "dec"),
    ("Money", "dec"),
    ("ProfileError", "error"),
    ("ProfileErrors", "error"),
    ("RulesetError", "error"),
    ("RulesetErrors", "error"),
    ("json_struct", "read"),
    ("json_names", "read"),
    ("minify", "embed"),
];

/// The text without `#[cfg(test)] mod … { … }` blocks and `//` lines: test-only imports and
/// doc links are not the design.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]\nmod ") {
        out.push_str(&rest[..at]);
        let body = &rest[at..];
        let open = body.find('{').expect("a test module has a body");
        let mut depth = 0;
        let mut end = body.len();
        for (i, c) in body[open..].char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = open + i + 1;
                break;
            }
        }
        rest = &body[end..];
    }
    out.push_str(rest);
    out.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `crate::a::b` paths a file names, as `(a, b)`; `crate::{a, b}` gives each.
fn paths(code: &str) -> Vec<(String, String)> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let after = &code[at + "crate::".len()..];
        if let Some(list) = after.strip_prefix('{') {
            let list = &list[..list.find('}').unwrap_or(list.len())];
            for name in list.split(',') {
                out.push((ident(name.trim()), String::new()));
            }
        } else {
            let a = ident(after);
            let b = after[a.len()..]
                .strip_prefix("::")
                .map(ident)
                .unwrap_or_default();
            out.push((a, b));
        }
    }
    out
}

/// Every `.rs` file under `dir`, as its path relative to `root` without `.rs`.
fn files(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(root)
                .expect("under src")
                .with_extension("");
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push((rel, fs::read_to_string(&path).expect("read file")));
        }
    }
}

/// The nodes left over after repeatedly removing those with no edges left: empty when acyclic.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let mut left = edges.clone();
    for targets in edges.values() {
        for t in targets {
            left.entry(t.clone()).or_default();
        }
    }
    loop {
        let ready: BTreeSet<String> = left
            .iter()
            .filter(|(_, ts)| ts.is_empty())
            .map(|(n, _)| n.clone())
            .collect();
        if ready.is_empty() {
            return left;
        }
        left.retain(|n, _| !ready.contains(n));
        for ts in left.values_mut() {
            ts.retain(|t| !ready.contains(t));
        }
    }
}

/// The graph's edges, with `node` mapping a file to its node and `target` a named path to
/// the node it reaches (`None` when outside the graph).
fn graph(
    all: &[(String, String)],
    node: impl Fn(&str) -> Option<String>,
    target: impl Fn(&str, &str) -> Option<String>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in all {
        let Some(from) = node(rel) else { continue };
        for (a, b) in paths(&code(text)) {
            if let Some(to) = target(&a, &b).filter(|to| *to != from) {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    edges
}

fn home(a: &str) -> &str {
    HOMES
        .iter()
        .find(|(old, _)| *old == a)
        .map_or(a, |(_, new)| new)
}

#[test]
fn core_has_no_import_circles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&root, &root, &mut all);
    // Unit tests in their own file are test-only too.
    all.retain(|(rel, _)| rel != "lib" && !rel.ends_with("/tests"));

    let top = graph(
        &all,
        |rel| Some(rel.split('/').next().unwrap_or(rel).to_owned()),
        |a, _| Some(home(a).split('/').next().unwrap_or(a).to_owned()),
    );
    assert!(top.len() > 10, "the graph was read: {top:?}");
    let left = cycle(&top);
    assert!(
        left.is_empty(),
        "import circle among top-level modules: {left:?}"
    );

    // Within model/ and output/, a folder module with its children is one node.
    let within = |rel: &str| -> Option<String> {
        let parts: Vec<&str> = rel.split('/').filter(|p| *p != "mod").collect();
        (matches!(parts[0], "model" | "output") && parts.len() > 1).then(|| parts[..2].join("/"))
    };
    let files = graph(&all, within, |a, b| {
        let path = if matches!(a, "model" | "output") {
            format!("{a}/{b}")
        } else {
            home(a).to_owned()
        };
        within(&path)
    });
    assert!(files.contains_key("output/evaluation"), "{files:?}");
    let left = cycle(&files);
    assert!(
        left.is_empty(),
        "import circle among model/ and output/ files: {left:?}"
    );
}
