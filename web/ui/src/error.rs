//! The one load-error type of the three faces: what could not be loaded or checked, and
//! every problem with its JSON path. It is for developers, never for the screen: the app,
//! the kiosk and the widget show the customer one sentence in the customer's language
//! (`components::error_card`) and hand this envelope to the console ([`LoadError::report`])
//! and to the host's `onError`, in the shape of the engine's `StrataError`:
//! `{ kind, errors: [{ type, path, message }] }`.

use std::fmt::Write;

use strata_core::{
    AssemblyError, Document, ProfileError, ProfileErrors, RulesetError, RulesetErrors,
};

use crate::services::fetch::FetchError;

/// What failed to load (the `kind` of the engine's `StrataError`, plus `network` and
/// `integrity`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// An option the host gave (the widget's `asOf`).
    Input,
    /// The profile is not valid for the ruleset.
    Profile,
    /// The ruleset is not valid.
    Ruleset,
    /// The catalog is not valid for the ruleset.
    Catalog,
    /// The data could not be fetched at all.
    Network,
    /// The data is not what the host pinned (its SHA-256 differs), or cannot be checked.
    Integrity,
}

impl ErrorKind {
    /// The name the host sees.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            ErrorKind::Input => "input",
            ErrorKind::Profile => "profile",
            ErrorKind::Ruleset => "ruleset",
            ErrorKind::Catalog => "catalog",
            ErrorKind::Network => "network",
            ErrorKind::Integrity => "integrity",
        }
    }

    /// The kind for a host's name (`network` for anything unknown: only the widget's loader
    /// names kinds, for fetches).
    #[must_use]
    pub fn from_tag(tag: &str) -> Self {
        match tag {
            "input" => ErrorKind::Input,
            "profile" => ErrorKind::Profile,
            "ruleset" => ErrorKind::Ruleset,
            "catalog" => ErrorKind::Catalog,
            "integrity" => ErrorKind::Integrity,
            _ => ErrorKind::Network,
        }
    }
}

/// One problem: the engine's `{ type, path, message }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Stable machine-readable type (`parse`, `negative`, `missing`, `network` …).
    pub kind: &'static str,
    /// JSON path of the field at fault (`$.holdings[0].balance`), an option's name, or empty.
    pub path: String,
    /// What is wrong, in English (as the engine says it).
    pub message: String,
}

impl Problem {
    /// A problem in a customer profile.
    #[must_use]
    pub fn of_profile(e: &ProfileError) -> Self {
        Problem {
            kind: e.kind(),
            path: e.path().to_owned(),
            message: e.to_string(),
        }
    }

    /// A problem in a ruleset or catalog.
    #[must_use]
    pub fn of_ruleset(e: &RulesetError) -> Self {
        Problem {
            kind: e.kind(),
            path: e.path().to_owned(),
            message: e.to_string(),
        }
    }

    /// Data that could not be fetched or was refused by its pin.
    #[must_use]
    pub fn of_fetch(e: &FetchError) -> Self {
        Problem {
            kind: match e {
                FetchError::Network(_) => "network",
                _ => "integrity",
            },
            path: String::new(),
            message: e.to_string(),
        }
    }
}

/// A load failure: what, from where, and every problem with its JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// What failed.
    pub kind: ErrorKind,
    /// Where it came from (a URL), when known.
    pub source: Option<String>,
    /// Every problem, in document order (no path for network failures).
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// A failure with one problem.
    #[must_use]
    pub fn one(kind: ErrorKind, problem_type: &'static str, path: &str, message: &str) -> Self {
        LoadError {
            kind,
            source: None,
            problems: vec![Problem {
                kind: problem_type,
                path: path.to_owned(),
                message: message.to_owned(),
            }],
        }
    }

    /// No profile to show: none was given, and this is not the demo.
    #[must_use]
    pub fn no_profile() -> Self {
        LoadError::one(
            ErrorKind::Input,
            "missing",
            "profile",
            "no profile: pass ?profile=URL, call strataSetProfile(profile), or open the demo with ?demo=1",
        )
    }

    /// Writes the envelope to the console, for the developer (never the screen):
    /// `strata: could not load the profile from /p.json: {"kind":"profile",…}`.
    pub fn report(&self) {
        let from = self
            .source
            .as_deref()
            .map_or_else(String::new, |s| format!(" from {s}"));
        let line = format!(
            "strata: could not load the {}{from}: {}",
            self.kind.tag(),
            self.to_json()
        );
        web_sys::console::error_1(&line.into());
    }

    /// Every problem of a profile.
    #[must_use]
    pub fn of_profile(e: &ProfileErrors, source: Option<String>) -> Self {
        LoadError {
            kind: ErrorKind::Profile,
            source,
            problems: e.0.iter().map(Problem::of_profile).collect(),
        }
    }

    /// Every problem of a ruleset or catalog (`kind` says which).
    #[must_use]
    pub fn of_ruleset(kind: ErrorKind, e: &RulesetErrors, source: Option<String>) -> Self {
        LoadError {
            kind,
            source,
            problems: e.0.iter().map(Problem::of_ruleset).collect(),
        }
    }

    /// An engine that could not be assembled: the document at fault and its problems.
    #[must_use]
    pub fn of_assembly(e: &AssemblyError, source: Option<String>) -> Self {
        let kind = match e.document {
            Document::Ruleset => ErrorKind::Ruleset,
            Document::Catalog => ErrorKind::Catalog,
        };
        LoadError::of_ruleset(kind, &e.errors, source)
    }

    /// A fetch that failed or was refused by its pin.
    #[must_use]
    pub fn of_fetch(e: &FetchError, source: Option<String>) -> Self {
        LoadError {
            kind: match e {
                FetchError::Network(_) => ErrorKind::Network,
                _ => ErrorKind::Integrity,
            },
            source,
            problems: vec![Problem::of_fetch(e)],
        }
    }

    /// The envelope as JSON text: `{"kind":"profile","errors":[{"type","path","message"}]}`,
    /// the shape of the engine's `StrataError`.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"kind\":{},\"errors\":[", quoted(self.kind.tag()));
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(
                out,
                "{{\"type\":{},\"path\":{},\"message\":{}}}",
                quoted(p.kind),
                quoted(&p.path),
                quoted(&p.message)
            );
        }
        out.push_str("]}");
        out
    }
}

/// A JSON string literal (no JSON serializer in the faces' wasm for one envelope).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_keep_the_engines_type_path_and_message() {
        let p = Problem::of_profile(&ProfileError::Negative {
            path: "$.holdings[0].balance".into(),
            value: "-500".into(),
        });
        assert_eq!(p.kind, "negative");
        assert_eq!(p.path, "$.holdings[0].balance");
        assert_eq!(p.message, "must not be negative (got -500)");
    }

    #[test]
    fn a_pin_mismatch_names_both_digests() {
        let e = LoadError::of_fetch(
            &FetchError::Mismatch {
                expected: "aa".into(),
                actual: "bb".into(),
            },
            Some("/p.json".into()),
        );
        assert_eq!(e.kind, ErrorKind::Integrity);
        let p = &e.problems[0];
        assert_eq!(p.message, "SHA-256 is bb, but aa was pinned");
        assert_eq!(p.kind, "integrity");
        assert!(p.path.is_empty());
    }

    #[test]
    fn the_envelope_is_the_engines_error_shape() {
        let e = LoadError::one(ErrorKind::Input, "invalid", "asOf", "`x\"` is not a date\n");
        assert_eq!(
            e.to_json(),
            r#"{"kind":"input","errors":[{"type":"invalid","path":"asOf","message":"`x\"` is not a date\n"}]}"#
        );
        assert!(
            LoadError::no_profile()
                .to_json()
                .contains(r#""path":"profile""#)
        );
        for kind in [
            ErrorKind::Input,
            ErrorKind::Profile,
            ErrorKind::Ruleset,
            ErrorKind::Catalog,
            ErrorKind::Network,
            ErrorKind::Integrity,
        ] {
            assert_eq!(ErrorKind::from_tag(kind.tag()), kind);
        }
    }
}
