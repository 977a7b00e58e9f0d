//! The one load-error type of the three faces: what could not be loaded or checked, and
//! every problem with its JSON path. The app's and the kiosk's error card and the widget's
//! draw it, and the widget hands the same envelope to its host's `onError`:
//! `{ kind, errors: [{ type, path, message }] }`.
//!
//! The engine's messages are English (they are also the API's, for developers). Here each
//! error type gets a Chinese sentence: whole where the app knows every part of it, or a
//! Chinese lead-in before the engine's own English detail where that detail is free text
//! (a parser message, an inconsistency described by the engine).

use std::fmt::Write;

use strata_core::{
    AssemblyError, Document, ProfileError, ProfileErrors, RulesetError, RulesetErrors,
};

use crate::i18n::{Locale, Msg, t};
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

    /// The error card's title.
    #[must_use]
    pub fn title(self, l: Locale) -> &'static str {
        t(
            l,
            match self {
                ErrorKind::Input => Msg::InputErrorTitle,
                ErrorKind::Profile => Msg::ProfileErrorTitle,
                ErrorKind::Ruleset => Msg::RulesetErrorTitle,
                ErrorKind::Catalog => Msg::CatalogErrorTitle,
                ErrorKind::Network => Msg::NetworkErrorTitle,
                ErrorKind::Integrity => Msg::IntegrityErrorTitle,
            },
        )
    }
}

/// How the Chinese card says a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Zh {
    /// The whole message in Chinese.
    Whole(String),
    /// A Chinese lead-in, then the English detail (marked `lang="en"`).
    Lead(&'static str),
}

/// One problem: the engine's `{ type, path, message }`, and how the Chinese card says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Stable machine-readable type (`parse`, `negative`, `missing`, `network` …).
    pub kind: String,
    /// JSON path of the field at fault (`$.holdings[0].balance`), an option's name, or empty.
    pub path: String,
    /// What is wrong, in English (as the engine says it).
    pub en: String,
    /// The Chinese rendering.
    pub zh: Zh,
}

impl Problem {
    /// A problem in a customer profile.
    #[must_use]
    pub fn of_profile(e: &ProfileError) -> Self {
        let zh = match e {
            ProfileError::Parse { .. } => Zh::Lead("数据格式有误"),
            ProfileError::Negative { value, .. } => {
                Zh::Whole(format!("不能为负数（当前为{value}）"))
            }
            ProfileError::FutureDate { date, as_of, .. } => {
                Zh::Whole(format!("日期{date}晚于计算日期{as_of}"))
            }
            ProfileError::Missing { metric, .. } => {
                Zh::Whole(format!("等级规则的“{metric}”指标需要此字段"))
            }
            ProfileError::UnknownTier { tier, .. } => Zh::Whole(format!("没有“{tier}”这个等级")),
            ProfileError::NoRate { currency, into, .. } => {
                Zh::Whole(format!("缺少{currency}兑{into}的汇率"))
            }
            ProfileError::Invalid { .. } => Zh::Lead("数据前后不一致"),
            ProfileError::Overflow { .. } => Zh::Lead("金额超出可计算的范围"),
        };
        Problem {
            kind: e.kind().to_owned(),
            path: e.path().to_owned(),
            en: e.to_string(),
            zh,
        }
    }

    /// A problem in a ruleset or catalog.
    #[must_use]
    pub fn of_ruleset(e: &RulesetError) -> Self {
        let zh = match e {
            RulesetError::Parse { .. } => Zh::Lead("格式有误"),
            RulesetError::UnknownMetric { metric, .. } => {
                Zh::Whole(format!("未知的指标“{metric}”"))
            }
            RulesetError::DuplicateId { id, .. } => Zh::Whole(format!("编号“{id}”重复")),
            RulesetError::NeverHolds { .. } => Zh::Lead("此条件永远无法满足"),
            RulesetError::ThresholdOrder { tier, above, .. } => {
                Zh::Whole(format!("等级“{tier}”的门槛高于其上一级“{above}”"))
            }
            RulesetError::MissingTranslation { locale, .. } => {
                Zh::Whole(format!("缺少“{locale}”语言的文字"))
            }
            RulesetError::NoFallback { .. } => {
                Zh::Whole("最后一个等级必须是没有条件的兜底等级".into())
            }
            RulesetError::Invalid { .. } => Zh::Lead("规则有误"),
        };
        Problem {
            kind: e.kind().to_owned(),
            path: e.path().to_owned(),
            en: e.to_string(),
            zh,
        }
    }

    /// Data that could not be fetched or was refused by its pin.
    #[must_use]
    pub fn of_fetch(e: &FetchError) -> Self {
        let (kind, zh) = match e {
            FetchError::Network(_) => ("network", Zh::Lead("无法读取")),
            FetchError::Unverifiable(_) => ("integrity", Zh::Lead("无法校验")),
            FetchError::Mismatch { expected, actual } => (
                "integrity",
                Zh::Whole(format!("SHA-256 为 {actual}，与指定的 {expected} 不符")),
            ),
        };
        Problem {
            kind: kind.to_owned(),
            path: String::new(),
            en: e.to_string(),
            zh,
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
    /// A failure with one problem whose detail is free text (a Chinese lead-in by kind).
    #[must_use]
    pub fn one(kind: ErrorKind, problem_type: &str, path: &str, message: &str) -> Self {
        let lead = match kind {
            ErrorKind::Input => "参数有误",
            ErrorKind::Network => "无法读取",
            ErrorKind::Integrity => "校验未通过",
            ErrorKind::Ruleset | ErrorKind::Catalog | ErrorKind::Profile => "格式有误",
        };
        LoadError {
            kind,
            source: None,
            problems: vec![Problem {
                kind: problem_type.to_owned(),
                path: path.to_owned(),
                en: message.to_owned(),
                zh: Zh::Lead(lead),
            }],
        }
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
                quoted(&p.kind),
                quoted(&p.path),
                quoted(&p.en)
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
    fn profile_problems_read_in_chinese() {
        let p = Problem::of_profile(&ProfileError::Negative {
            path: "$.holdings[0].balance".into(),
            value: "-500".into(),
        });
        assert_eq!(p.kind, "negative");
        assert_eq!(p.path, "$.holdings[0].balance");
        assert_eq!(p.en, "must not be negative (got -500)");
        assert_eq!(p.zh, Zh::Whole("不能为负数（当前为-500）".into()));
        let p = Problem::of_profile(&ProfileError::Parse {
            path: "$".into(),
            message: "expected value".into(),
        });
        assert_eq!(p.zh, Zh::Lead("数据格式有误"));
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
        assert_eq!(p.zh, Zh::Whole("SHA-256 为 bb，与指定的 aa 不符".into()));
        assert_eq!(p.en, "SHA-256 is bb, but aa was pinned");
        assert!(p.path.is_empty());
    }

    #[test]
    fn the_envelope_is_the_engines_error_shape() {
        let e = LoadError::one(ErrorKind::Input, "invalid", "asOf", "`x\"` is not a date\n");
        assert_eq!(
            e.to_json(),
            r#"{"kind":"input","errors":[{"type":"invalid","path":"asOf","message":"`x\"` is not a date\n"}]}"#
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
            assert!(!kind.title(Locale::ZhCn).is_empty());
        }
    }
}
