//! What the fuzz targets share: the shipped engines (built once), a few fixed profiles, one
//! as-of date, a full evaluation that touches every output, and shipped documents whose
//! leaves can be replaced (the `evaluate` target mutates their numbers, dates and names).
//!
//! A target panics only where core would: every `Result` core returns is accepted, since a
//! refusal with a message is the right answer to hostile input.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use strata_core::json::Json;
use strata_core::recommend::{Audience, Options};
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
    audience: Audience::Staff,
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

/// Evaluates every fixture profile against `engine` with [`OPTIONS`], on [`as_of`].
pub fn evaluate_fixtures(engine: &Engine) {
    for profile in profiles() {
        evaluate(engine, profile, as_of(), &OPTIONS);
    }
}

/// The engine, or `None` after rendering its errors as the CLI would (formatting runs too).
pub fn built(engine: Result<Engine, strata_core::RulesetErrors>) -> Option<Engine> {
    engine.map_err(|errors| errors.to_string()).ok()
}

/// A shipped JSON document whose leaves (null, booleans, numbers, strings; not keys) can
/// be replaced: their byte spans are found once, so an edit is a splice of the text, not a
/// rewrite of the tree (which took most of each `evaluate` run).
pub struct Doc {
    /// The text as shipped.
    pub text: &'static str,
    /// Byte ranges of the leaves, in document order.
    spans: Vec<Range<usize>>,
}

impl Doc {
    /// Finds the leaves of `text`, which must be valid JSON (a shipped document).
    #[must_use]
    pub fn new(text: &'static str) -> Self {
        let bytes = text.as_bytes();
        let mut spans = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    let start = i;
                    i += 1;
                    while bytes[i] != b'"' {
                        // Skip the escaped byte too, so `\"` does not end the string.
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                    let after = text[i..].trim_start();
                    if !after.starts_with(':') {
                        spans.push(start..i);
                    }
                }
                b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                    let start = i;
                    while i < bytes.len()
                        && !matches!(bytes[i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                    {
                        i += 1;
                    }
                    spans.push(start..i);
                }
                _ => i += 1,
            }
        }
        Doc { text, spans }
    }

    /// How many leaves the document has.
    #[must_use]
    pub fn leaves(&self) -> usize {
        self.spans.len()
    }

    /// The text with some leaves replaced: `(leaf index, JSON text)`; the last edit of a
    /// leaf wins. The text goes in as it is, so a mutated number reaches core exactly as
    /// the fuzzer made it.
    #[must_use]
    pub fn edited(&self, edits: &[(usize, String)]) -> String {
        let mut chosen: Vec<(usize, &str)> = Vec::new();
        for (leaf, text) in edits.iter().rev() {
            if *leaf < self.spans.len() && !chosen.iter().any(|(l, _)| l == leaf) {
                chosen.push((*leaf, text));
            }
        }
        chosen.sort_unstable_by_key(|(leaf, _)| *leaf);
        let mut out = String::with_capacity(self.text.len() + 64);
        let mut at = 0;
        for (leaf, text) in chosen {
            let span = &self.spans[leaf];
            out.push_str(&self.text[at..span.start]);
            out.push_str(text);
            at = span.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// The JSON path of leaf `n` (in document order) of a parsed tree, to describe an edit:
/// `$.tiers[0].id`.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_and_engines_load() {
        assert_eq!(profiles().len(), PROFILES.len());
        assert_eq!(engines().len(), rulesets::ALL.len());
    }

    #[test]
    fn edits_splice_leaves() {
        let doc = Doc::new(r#"{"a":[1,-0.50,1E+3,"x\"\\\u0001é",true,false,null],"b":{}}"#);
        assert_eq!(doc.leaves(), 7);
        assert_eq!(doc.edited(&[]), doc.text);
        let edited = doc.edited(&[(6, "1".into()), (0, "\"1e-28\"".into()), (6, "-0".into())]);
        assert_eq!(
            edited,
            r#"{"a":["1e-28",-0.50,1E+3,"x\"\\\u0001é",true,false,-0],"b":{}}"#
        );
        let tree = strata_core::json::parse(doc.text).expect("parses");
        assert_eq!(leaf_path(&tree, 6).as_deref(), Some("$.a[6]"));
        assert_eq!(leaf_path(&tree, 7), None);
    }

    /// The spans agree with core's reader on every shipped document: same leaves, in the
    /// same order, and replacing each leaf by itself changes nothing.
    #[test]
    fn spans_match_the_parsed_leaves() {
        let texts = rulesets::ALL
            .iter()
            .chain(catalogs::ALL.iter())
            .map(|(_, t)| *t)
            .chain(PROFILES);
        for text in texts {
            let doc = Doc::new(text);
            let tree = strata_core::json::parse(text).expect("parses");
            let mut count = 0;
            while leaf_path(&tree, count).is_some() {
                count += 1;
            }
            assert_eq!(doc.leaves(), count);
            let same: Vec<(usize, String)> = doc
                .spans
                .iter()
                .enumerate()
                .map(|(i, span)| (i, text[span.clone()].to_owned()))
                .collect();
            assert_eq!(doc.edited(&same), text);
            let nulls: Vec<(usize, String)> = (0..count).map(|i| (i, "null".into())).collect();
            assert!(strata_core::json::parse(&doc.edited(&nulls)).is_ok());
        }
    }
}
