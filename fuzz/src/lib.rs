//! What the fuzz targets share: the shipped engines (built once), a few fixed profiles, one
//! as-of date, a full evaluation that touches every output, and a writer for
//! `strata_core::json::Json` trees that can replace leaves (the `evaluate` target mutates
//! the shipped documents' numbers, dates and names).
//!
//! A target panics only where core would: every `Result` core returns is accepted, since a
//! refusal with a message is the right answer to hostile input.

use std::fmt::Write;
use std::sync::OnceLock;

use chrono::NaiveDate;
use strata_core::json::Json;
use strata_core::recommend::Options;
use strata_core::{Engine, Profile, catalogs, rulesets};

/// The as-of date of the test fixtures, so the fixed profiles evaluate as they do there.
#[must_use]
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

/// Profile seeds, one or two per shipped ruleset: the other targets evaluate these.
pub const PROFILES: [&str; 6] = [
    include_str!("../corpus/profile/cn-retail--high-end-sme-owner-td-maturing.json"),
    include_str!("../corpus/profile/cn-retail--manual-floor-active.json"),
    include_str!("../corpus/profile/cn-star--seven-star-entrepreneur.json"),
    include_str!("../corpus/profile/cn-corporate--key-credit-manufacturer.json"),
    include_str!("../corpus/profile/us-rewards--diamond-grace.json"),
    include_str!("../corpus/profile/us-rewards--platinum-grace-expired.json"),
];

/// [`PROFILES`], parsed once.
pub fn profiles() -> &'static [Profile] {
    static PARSED: OnceLock<Vec<Profile>> = OnceLock::new();
    PARSED.get_or_init(|| {
        PROFILES
            .iter()
            .map(|p| Profile::from_json(p).expect("a profile seed parses"))
            .collect()
    })
}

/// Every shipped ruleset's engine, with its shipped catalog where there is one; built once,
/// since building is not what the profile target fuzzes.
pub fn engines() -> &'static [Engine] {
    static BUILT: OnceLock<Vec<Engine>> = OnceLock::new();
    BUILT.get_or_init(|| {
        rulesets::ALL
            .iter()
            .map(|(id, json)| {
                let engine = Engine::from_json(json).expect("a shipped ruleset compiles");
                match catalogs::for_ruleset(id) {
                    Some(catalog) => engine
                        .with_catalog(catalog)
                        .expect("a shipped catalog fits its ruleset"),
                    None => engine,
                }
            })
            .collect()
    })
}

/// Recommendations with every exclusion explained: the most code per evaluation.
pub const OPTIONS: Options = Options {
    top_n: Some(10),
    explain: true,
};

/// Evaluates `profile` with recommendations, then renders the result or the errors as the
/// CLI and the JS API would, so formatting and serialization run too.
pub fn evaluate(engine: &Engine, profile: &Profile, as_of: NaiveDate, options: &Options) {
    match engine.evaluate_with(profile, as_of, options) {
        Ok(evaluation) => {
            // Serializing an evaluation cannot fail (no maps with non-string keys); if it
            // does, that is a bug worth a crash.
            serde_json::to_string(&evaluation).expect("an evaluation serializes");
        }
        Err(errors) => {
            let _ = errors.to_string();
            serde_json::to_string(&errors).expect("profile errors serialize");
        }
    }
}

/// Writes a parsed tree back as JSON text. Numbers are written as they were read.
#[must_use]
pub fn write(json: &Json<'_>) -> String {
    write_edited(json, &[])
}

/// How many leaves (null, booleans, numbers, strings) a tree has, in document order.
#[must_use]
pub fn leaves(json: &Json<'_>) -> usize {
    match json {
        Json::Array(items) => items.iter().map(leaves).sum(),
        Json::Object(members) => members.iter().map(|(_, v)| leaves(v)).sum(),
        _ => 1,
    }
}

/// The JSON path of leaf `n` (in document order), to describe an edit: `$.tiers[0].id`.
#[must_use]
pub fn leaf_path(json: &Json<'_>, n: usize) -> Option<String> {
    fn find(json: &Json<'_>, n: &mut usize, path: &str) -> Option<String> {
        match json {
            Json::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| find(item, n, &format!("{path}[{i}]"))),
            Json::Object(members) => members
                .iter()
                .find_map(|(k, v)| find(v, n, &format!("{path}.{k}"))),
            _ if *n == 0 => Some(path.to_owned()),
            _ => {
                *n -= 1;
                None
            }
        }
    }
    find(json, &mut { n }, "$")
}

/// Writes a tree with some leaves replaced: `(leaf index, JSON text)`. The text goes in as
/// it is, so a mutated number reaches core exactly as the fuzzer made it.
#[must_use]
pub fn write_edited(json: &Json<'_>, edits: &[(usize, String)]) -> String {
    let mut out = String::new();
    write_into(&mut out, json, edits, &mut 0);
    out
}

fn write_into(out: &mut String, json: &Json<'_>, edits: &[(usize, String)], leaf: &mut usize) {
    match json {
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_into(out, item, edits, leaf);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_into(out, value, edits, leaf);
            }
            out.push('}');
        }
        value => {
            // The last edit of a leaf wins.
            match edits.iter().rev().find(|(i, _)| i == leaf) {
                Some((_, text)) => out.push_str(text),
                None => match value {
                    Json::Null => out.push_str("null"),
                    Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                    Json::Number(n) => out.push_str(n),
                    Json::String(s) => write_string(out, s),
                    Json::Array(_) | Json::Object(_) => {}
                },
            }
            *leaf += 1;
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_and_engines_load() {
        assert_eq!(profiles().len(), PROFILES.len());
        assert_eq!(engines().len(), rulesets::ALL.len());
    }

    #[test]
    fn write_round_trips() {
        let text = r#"{"a":[1,-0.50,1E+3,"x\"\\\u0001é",true,false,null],"b":{}}"#;
        let tree = strata_core::json::parse(text).expect("parses");
        let again = write(&tree);
        assert_eq!(strata_core::json::parse(&again).expect("reparses"), tree);
        assert_eq!(leaves(&tree), 7);
        assert_eq!(leaf_path(&tree, 6).as_deref(), Some("$.a[6]"));
        assert_eq!(leaf_path(&tree, 7), None);
        let edited = write_edited(&tree, &[(0, "\"1e-28\"".into()), (6, "-0".into())]);
        assert_eq!(
            edited,
            r#"{"a":["1e-28",-0.50,1E+3,"x\"\\\u0001é",true,false,-0],"b":{}}"#
        );
    }
}
