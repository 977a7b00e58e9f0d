//! The published JSON Schemas and the strict reader agree. Each input document's schema is
//! walked from its root; every object it describes is placed, at the first path where it
//! occurs, in an otherwise minimal document that the reader reads whole, and:
//!
//! - the object with only its required members is accepted, and without any one of them
//!   refused, at or below that path;
//! - each allowed member, added with a value the schema allows, is accepted;
//! - an unknown member is refused (and the schema says `additionalProperties: false`);
//! - each name an enum allows (a value or a map key) is accepted, and another refused.
//!
//! Values are the smallest the schema allows (`0`, `[]`, a string matching the pattern), so
//! the checks are the reader's, not validation's (which `Engine::new` does after reading).

use std::collections::BTreeSet;
use std::fmt::Write;

use serde_json::{Map, Value, json};
use strata_core::catalog::Catalog;
use strata_core::json::{self, FromJson};
use strata_core::{Profile, Ruleset};

/// Reads a whole document as the type of its schema.
type Read = fn(&str) -> Result<(), json::Error>;

fn read<T: FromJson>(text: &str) -> Result<(), json::Error> {
    json::from_str::<T>(text).map(|_| ())
}

/// The documents Strata reads, with their readers. `evaluation` is output only.
const INPUTS: [(&str, Read); 3] = [
    ("ruleset", read::<Ruleset>),
    ("catalog", read::<Catalog>),
    ("profile", read::<Profile>),
];

/// A step of the path to the object under test.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    First,
}

/// The reader's spelling of a path (`$.tiers[0].name`); the keys here need no quoting.
fn show(path: &[Step]) -> String {
    let mut s = "$".to_owned();
    for step in path {
        match step {
            Step::Key(k) => {
                let _ = write!(s, ".{k}");
            }
            Step::First => s.push_str("[0]"),
        }
    }
    s
}

fn with(path: &[Step], key: Step) -> Vec<Step> {
    let mut p = path.to_vec();
    p.push(key);
    p
}

/// `doc` with the value at `path` (which exists) replaced by `v`.
fn set(doc: &Value, path: &[Step], v: Value) -> Value {
    let mut out = doc.clone();
    let mut at = &mut out;
    for step in path {
        at = match step {
            Step::Key(k) => at.get_mut(k.as_str()),
            Step::First => at.get_mut(0),
        }
        .unwrap_or_else(|| panic!("{} is not in the document", show(path)));
    }
    *at = v;
    out
}

/// Strings tried, in order, against a schema's `pattern`.
const CANDIDATES: [&str; 6] = ["x", "0", "USD", "2026-01", "06-30", "x-1"];

struct Walk<'s> {
    doc: &'static str,
    defs: &'s Map<String, Value>,
    read: Read,
    seen: BTreeSet<String>,
    checks: usize,
    failures: Vec<String>,
}

impl<'s> Walk<'s> {
    /// The schema behind a `$ref`, with its name.
    fn resolve(&self, s: &'s Value) -> (Option<&'s str>, &'s Value) {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.strip_prefix("#/$defs/").expect("a local $ref");
                (Some(name), &self.defs[name])
            }
            None => (None, s),
        }
    }

    /// The alternatives of `anyOf` / `oneOf`, less `{"type": "null"}`.
    fn alternatives(s: &'s Value) -> Option<Vec<&'s Value>> {
        let alts = s.get("anyOf").or_else(|| s.get("oneOf"))?.as_array()?;
        Some(
            alts.iter()
                .filter(|a| a.get("type") != Some(&json!("null")))
                .collect(),
        )
    }

    /// The names an enum schema allows, if it is one (`enum`, `const`, or a `oneOf` of them).
    fn names(&self, s: &'s Value) -> Option<Vec<String>> {
        let (_, s) = self.resolve(s);
        if let Some(c) = s.get("const") {
            return Some(vec![c.as_str()?.to_owned()]);
        }
        if let Some(e) = s.get("enum") {
            return e
                .as_array()?
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect();
        }
        let alts = Self::alternatives(s)?;
        let mut out = Vec::new();
        for a in alts {
            out.extend(self.names(a)?);
        }
        Some(out)
    }

    /// The JSON types `s` allows, less `null`.
    fn types(s: &Value) -> Vec<&str> {
        match s.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(Value::as_str)
                .filter(|t| *t != "null")
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The smallest value `s` allows, not `null` where anything else is allowed.
    fn sample(&self, s: &'s Value) -> Value {
        let (_, s) = self.resolve(s);
        if let Some(names) = self.names(s) {
            return json!(names[0]);
        }
        if let Some(alts) = Self::alternatives(s) {
            return alts.first().map_or(Value::Null, |a| self.sample(a));
        }
        // A key's schema may give a pattern without a type.
        let string = s.get("pattern").map(|_| "string");
        match Self::types(s).first().copied().or(string) {
            Some("object") => {
                let mut m = Map::new();
                for r in Self::required(s) {
                    m.insert(r.clone(), self.sample(&s["properties"][r.as_str()]));
                }
                Value::Object(m)
            }
            Some("array") => {
                let n = s.get("minItems").and_then(Value::as_u64).unwrap_or(0);
                let items = &s["items"];
                Value::Array((0..n).map(|_| self.sample(items)).collect())
            }
            Some("string") => match (s.get("format"), s.get("pattern")) {
                (Some(f), _) if f == "date" => json!("2026-01-01"),
                (_, Some(p)) => {
                    let re = regex_lite::Regex::new(p.as_str().expect("a pattern")).unwrap();
                    let c = CANDIDATES.iter().find(|c| re.is_match(c));
                    json!(c.unwrap_or_else(|| panic!("no candidate matches {p}")))
                }
                _ => json!("x"),
            },
            Some("integer") => json!(s.get("minimum").and_then(Value::as_u64).unwrap_or(0)),
            Some("number") => json!(0),
            Some("boolean") => json!(true),
            _ => Value::Null,
        }
    }

    fn required(s: &Value) -> Vec<String> {
        s.get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn accepted(&mut self, doc: &Value, what: &str) {
        self.checks += 1;
        if let Err(e) = (self.read)(&doc.to_string()) {
            self.failures
                .push(format!("{}: {what} is valid but refused: {e}", self.doc));
        }
    }

    /// Refused by the reader, with an error at or below `path`.
    fn refused(&mut self, doc: &Value, path: &[Step], what: &str) {
        self.checks += 1;
        let at = show(path);
        match (self.read)(&doc.to_string()) {
            Ok(()) => self
                .failures
                .push(format!("{}: {what} is invalid but accepted", self.doc)),
            Err(e) if !e.path.starts_with(&at) => self.failures.push(format!(
                "{}: {what} is refused elsewhere than {at}: {e}",
                self.doc
            )),
            Err(_) => {}
        }
    }

    /// Each allowed name accepted at `path`, another refused.
    fn names_at(&mut self, names: &[String], doc: &Value, path: &[Step]) {
        for n in names {
            self.accepted(
                &set(doc, path, json!(n)),
                &format!("`{n}` at {}", show(path)),
            );
        }
        let other = set(doc, path, json!("no-such-name"));
        self.refused(&other, path, &format!("`no-such-name` at {}", show(path)));
    }

    /// Checks the value `s` describes at `path` of `doc`, then what it contains.
    fn visit(&mut self, s: &'s Value, doc: &Value, path: &[Step]) {
        let (name, s) = self.resolve(s);
        if let Some(name) = name
            && !self.seen.insert(name.to_owned())
        {
            return;
        }
        let names = self.names(s);
        if let Some(alts) = Self::alternatives(s) {
            // Through a `$ref` (an optional enum), so that the definition counts as reached.
            if names.is_none() || alts.iter().any(|a| a.get("$ref").is_some()) {
                for a in alts {
                    self.visit(a, doc, path);
                }
                return;
            }
        }
        if let Some(names) = names {
            return self.names_at(&names, doc, path);
        }
        match Self::types(s).first().copied() {
            Some("object") if s.get("properties").is_some() => self.object(s, doc, path),
            Some("object") => self.map(s, doc, path),
            Some("array") => {
                let items = &s["items"];
                let doc = set(doc, path, json!([self.sample(items)]));
                self.visit(items, &doc, &with(path, Step::First));
            }
            _ => {}
        }
    }

    fn object(&mut self, s: &'s Value, doc: &Value, path: &[Step]) {
        let at = show(path);
        let Value::Object(min) = self.sample(s) else {
            unreachable!("an object's sample is an object")
        };
        self.accepted(
            &set(doc, path, Value::Object(min.clone())),
            &format!("{at} with its required members only"),
        );
        for r in Self::required(s) {
            let mut m = min.clone();
            m.remove(&r);
            let what = format!("{at} without required `{r}`");
            self.refused(&set(doc, path, Value::Object(m)), path, &what);
        }
        if s.get("additionalProperties") != Some(&json!(false)) {
            self.failures.push(format!(
                "{}: {at} allows unknown members, which the reader refuses",
                self.doc
            ));
        }
        let mut unknown = min.clone();
        unknown.insert("no_such_field".into(), json!(true));
        let what = format!("{at} with an unknown member");
        self.refused(&set(doc, path, Value::Object(unknown)), path, &what);
        let props = s["properties"].as_object().expect("properties");
        for (p, ps) in props {
            let mut m = min.clone();
            m.insert(p.clone(), self.sample(ps));
            let doc = set(doc, path, Value::Object(m));
            self.accepted(&doc, &format!("{at} with `{p}`"));
            self.visit(ps, &doc, &with(path, Step::Key(p.clone())));
        }
    }

    /// A map: keys as `propertyNames` allows (each name of an enum), values as described.
    fn map(&mut self, s: &'s Value, doc: &Value, path: &[Step]) {
        let keys = s.get("propertyNames");
        let names = keys.and_then(|k| self.names(k));
        let key = match (&names, keys) {
            (Some(names), _) => names[0].clone(),
            (None, Some(k)) => self.sample(k).as_str().expect("a key").to_owned(),
            (None, None) => "k".to_owned(),
        };
        let values = match s.get("additionalProperties") {
            Some(v) if v.is_object() => v,
            _ => return,
        };
        let value = self.sample(values);
        if let Some(names) = names {
            for n in &names {
                let doc = set(doc, path, json!({ n.as_str(): value.clone() }));
                self.accepted(&doc, &format!("key `{n}` at {}", show(path)));
            }
            let doc = set(doc, path, json!({ "no-such-name": value.clone() }));
            let what = format!("key `no-such-name` at {}", show(path));
            self.refused(&doc, path, &what);
        }
        let doc = set(doc, path, json!({ key.as_str(): value }));
        self.accepted(&doc, &format!("key `{key}` at {}", show(path)));
        self.visit(values, &doc, &with(path, Step::Key(key)));
    }
}

#[test]
fn every_input_document_has_a_reader_here() {
    let inputs: Vec<&str> = INPUTS.iter().map(|(d, _)| *d).collect();
    let published: Vec<&str> = strata_core::schema::DOCUMENTS
        .into_iter()
        .filter(|d| *d != "evaluation")
        .collect();
    assert_eq!(inputs, published);
}

#[test]
fn the_reader_accepts_and_refuses_what_the_schemas_say() {
    let mut report = Vec::new();
    for (doc, read) in INPUTS {
        let schema = strata_core::schema::schema(doc).unwrap();
        let empty = Map::new();
        let defs = schema
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let mut walk = Walk {
            doc,
            defs,
            read,
            seen: BTreeSet::new(),
            checks: 0,
            failures: Vec::new(),
        };
        let start = walk.sample(&schema);
        walk.visit(&schema, &start, &[]);
        let unreached: Vec<&String> = defs.keys().filter(|d| !walk.seen.contains(*d)).collect();
        assert!(unreached.is_empty(), "{doc}: never reached {unreached:?}");
        assert!(walk.checks > 100, "{doc}: only {} checks", walk.checks);
        report.extend(walk.failures);
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
