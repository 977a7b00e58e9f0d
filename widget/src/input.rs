//! What a host passes, checked: the options, the ruleset and catalog, the profile. Pure (no
//! JS): every failure becomes a [`Failure`] whose issues have the engine's `StrataError`
//! shape (`{ type, path, message }`), for the error card and the host's `onError`.

use std::cell::OnceCell;
use std::rc::Rc;

use chrono::NaiveDate;
use serde::Serialize;
use strata_core::evaluation::Evaluation;
use strata_core::recommend::Options;
use strata_core::{Engine, Profile, RulesetErrors, parse_catalog};
use strata_web::i18n::{Locale, Msg, t};
use strata_web::problems::{Problem, Zh};

use crate::i18n::{WidgetMsg, wt};

/// Which input was at fault (the `kind` of the engine's `StrataError`, plus `network`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// An option (`asOf`).
    Input,
    /// The ruleset.
    Ruleset,
    /// The product catalog.
    Catalog,
    /// The customer profile.
    Profile,
    /// A `profile-src` or `ruleset-src` that could not be fetched.
    Network,
    /// A fetched body whose SHA-256 is not the pinned one (`ruleset-sha256`).
    Integrity,
}

impl FailureKind {
    /// The name the host sees.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            FailureKind::Input => "input",
            FailureKind::Ruleset => "ruleset",
            FailureKind::Catalog => "catalog",
            FailureKind::Profile => "profile",
            FailureKind::Network => "network",
            FailureKind::Integrity => "integrity",
        }
    }

    /// The kind for a host's name (`network` for anything unknown: only the loader calls it).
    #[must_use]
    pub fn from_tag(tag: &str) -> Self {
        match tag {
            "input" => FailureKind::Input,
            "ruleset" => FailureKind::Ruleset,
            "catalog" => FailureKind::Catalog,
            "profile" => FailureKind::Profile,
            "integrity" => FailureKind::Integrity,
            _ => FailureKind::Network,
        }
    }

    /// The error card's title.
    #[must_use]
    pub fn title(self, l: Locale) -> &'static str {
        let msg = match self {
            FailureKind::Input => return wt(l, WidgetMsg::OptionsErrorTitle),
            FailureKind::Ruleset => Msg::RulesetErrorTitle,
            FailureKind::Catalog => Msg::CatalogErrorTitle,
            FailureKind::Profile => Msg::ProfileErrorTitle,
            FailureKind::Network => Msg::NetworkErrorTitle,
            FailureKind::Integrity => Msg::IntegrityErrorTitle,
        };
        t(l, msg)
    }
}

/// One problem: the engine's `{ type, path, message }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Stable machine-readable type (`parse`, `negative`, `missing` …).
    #[serde(rename = "type")]
    pub kind: String,
    /// JSON path of the field at fault (`$.holdings[0].balance`), or the option's name.
    pub path: String,
    /// What is wrong, in English (as the engine says it).
    pub message: String,
    /// How the Chinese error card says it (not sent to the host: `message` is the API's).
    #[serde(skip)]
    pub zh: Zh,
}

/// Why the card cannot be shown: which input, and every problem in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// Which input.
    #[serde(serialize_with = "kind_tag")]
    pub kind: FailureKind,
    /// Every problem, in document order.
    pub errors: Vec<Issue>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `serialize_with` passes a reference.
fn kind_tag<S: serde::Serializer>(kind: &FailureKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.tag())
}

impl Failure {
    /// A failure with one problem.
    #[must_use]
    pub fn one(kind: FailureKind, issue_type: &str, path: &str, message: &str) -> Self {
        let lead = match kind {
            FailureKind::Input => "参数有误",
            FailureKind::Network => "无法读取",
            FailureKind::Integrity => "校验未通过",
            FailureKind::Ruleset | FailureKind::Catalog | FailureKind::Profile => "格式有误",
        };
        Failure {
            kind,
            errors: vec![Issue {
                kind: issue_type.to_owned(),
                path: path.to_owned(),
                message: message.to_owned(),
                zh: Zh::Lead(lead),
            }],
        }
    }

    /// Every problem with its type, as the engine's error lists give them.
    fn of(kind: FailureKind, problems: impl Iterator<Item = (&'static str, Problem)>) -> Self {
        let errors = problems
            .map(|(kind, p)| Issue {
                kind: kind.to_owned(),
                path: p.path,
                message: p.en,
                zh: p.zh,
            })
            .collect();
        Failure { kind, errors }
    }

    fn of_ruleset(kind: FailureKind, e: &RulesetErrors) -> Self {
        let each = |p: &strata_core::RulesetError| (p.kind(), Problem::of_ruleset(p));
        Failure::of(kind, e.0.iter().map(each))
    }

    fn of_profile(e: &strata_core::ProfileErrors) -> Self {
        let each = |p: &strata_core::ProfileError| (p.kind(), Problem::of_profile(p));
        Failure::of(FailureKind::Profile, e.0.iter().map(each))
    }

    /// The failure as JSON text: `{ "kind": "profile", "errors": [{ type, path, message }] }`.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Strings and a list of string triples always serialize.
        serde_json::to_string(self).unwrap_or_else(|_| "null".to_owned())
    }
}

thread_local! {
    /// The embedded cn-retail engine, built once however many widgets a page has.
    static DEFAULT: OnceCell<Result<Rc<Engine>, Failure>> = const { OnceCell::new() };
}

/// The engine for the host's ruleset and catalog (JSON text; `None` for the embedded
/// cn-retail ones). A host ruleset without a catalog gets the shipped catalog for its id
/// when that catalog fits it, as in the app (`strata_web::data::engine_from_json`).
pub fn engine(ruleset: Option<&str>, catalog: Option<&str>) -> Result<Rc<Engine>, Failure> {
    let catalog = catalog
        .map(parse_catalog)
        .transpose()
        .map_err(|e| Failure::of_ruleset(FailureKind::Catalog, &e))?;
    match (ruleset, catalog) {
        (None, None) => DEFAULT.with(|d| {
            d.get_or_init(|| {
                strata_web::data::default_engine()
                    .map(Rc::new)
                    .map_err(|e| Failure::of_ruleset(FailureKind::Ruleset, &e))
            })
            .clone()
        }),
        (None, Some(c)) => Engine::new(strata_core::rulesets::cn_retail())
            .map_err(|e| Failure::of_ruleset(FailureKind::Ruleset, &e))?
            .with_catalog(c)
            .map(Rc::new)
            .map_err(|e| Failure::of_ruleset(FailureKind::Catalog, &e)),
        (Some(r), None) => strata_web::data::engine_from_json(r)
            .map(Rc::new)
            .map_err(|e| Failure::of_ruleset(FailureKind::Ruleset, &e)),
        (Some(r), Some(c)) => Engine::from_json(r)
            .map_err(|e| Failure::of_ruleset(FailureKind::Ruleset, &e))?
            .with_catalog(c)
            .map(Rc::new)
            .map_err(|e| Failure::of_ruleset(FailureKind::Catalog, &e)),
    }
}

/// The as-of date: `text` (`YYYY-MM-DD`), or `today` when empty.
pub fn as_of(text: Option<&str>, today: NaiveDate) -> Result<NaiveDate, Failure> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(today),
        Some(t) => t.parse().map_err(|_| {
            Failure::one(
                FailureKind::Input,
                "invalid",
                "asOf",
                &format!("`{t}` is not a date like 2026-11-25"),
            )
        }),
    }
}

/// Recommendations the widget shows (the full variant shows the top one).
const TOP_N: u32 = 1;

/// Parses and evaluates a profile: the profile and its evaluation, or every bad field.
pub fn evaluate(
    engine: &Engine,
    profile: &str,
    as_of: NaiveDate,
) -> Result<(Rc<Profile>, Rc<Evaluation>), Failure> {
    let profile = Profile::from_json(profile).map_err(|e| Failure::of_profile(&e))?;
    let options = Options {
        top_n: Some(TOP_N),
        explain: false,
        audience: strata_core::recommend::Audience::Customer,
    };
    let eval = engine
        .evaluate_with(&profile, as_of, &options)
        .map_err(|e| Failure::of_profile(&e))?;
    Ok((Rc::new(profile), Rc::new(eval)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: &str = "2026-11-25";
    const GOOD: &str = r#"{ "id": "c-1", "birth_date": "1991-04-18", "education": "bachelor",
        "holdings": [{ "product": "demand-cny", "family": "deposit", "balance": "162500.00" }] }"#;

    fn day() -> NaiveDate {
        DAY.parse().unwrap_or_else(|e| panic!("`{DAY}`: {e}"))
    }

    #[test]
    fn the_default_engine_evaluates_a_good_profile() {
        let engine = engine(None, None).expect("default engine");
        assert_eq!(engine.ruleset().id, "cn-retail");
        assert!(engine.catalog().is_some());
        let (_, eval) = evaluate(&engine, GOOD, day()).expect("evaluates");
        assert_eq!(eval.tier.id, "mid_lower");
        assert_eq!(eval.recommendations.len(), 1);
        // The same engine for every widget on the page.
        let again = super::engine(None, None).expect("default engine");
        assert!(Rc::ptr_eq(&engine, &again));
    }

    #[test]
    fn a_bad_profile_names_each_field() {
        let engine = engine(None, None).expect("default engine");
        let bad = r#"{ "id": "c-1", "birth_date": "1991-04-18",
            "holdings": [{ "product": "d", "family": "deposit", "balance": "-5" }] }"#;
        let failure = evaluate(&engine, bad, day()).expect_err("negative balance");
        assert_eq!(failure.kind, FailureKind::Profile);
        assert!(
            failure
                .errors
                .iter()
                .any(|i| i.path == "$.holdings[0].balance" && i.kind == "negative"),
            "{failure:?}"
        );
        let json = failure.to_json();
        assert!(
            json.starts_with(r#"{"kind":"profile","errors":[{"type":"#),
            "{json}"
        );

        let failure = evaluate(&engine, "{ not json", day()).expect_err("not JSON");
        assert_eq!(failure.errors[0].kind, "parse");
    }

    #[test]
    fn bad_rulesets_and_catalogs_are_told_apart() {
        let failure = engine(Some(r#"{ "id": 3 }"#), None).expect_err("bad ruleset");
        assert_eq!(failure.kind, FailureKind::Ruleset);
        assert!(!failure.errors.is_empty());
        let failure = engine(None, Some("[]")).expect_err("bad catalog");
        assert_eq!(failure.kind, FailureKind::Catalog);
    }

    #[test]
    fn a_shipped_ruleset_as_json_brings_its_catalog() {
        let json = serde_json::to_string(&strata_core::rulesets::cn_retail()).expect("JSON");
        let engine = engine(Some(&json), None).expect("valid");
        assert!(engine.catalog().is_some());
    }

    #[test]
    fn as_of_defaults_to_today_and_checks_dates() {
        assert_eq!(as_of(None, day()), Ok(day()));
        assert_eq!(as_of(Some(" "), day()), Ok(day()));
        assert_eq!(
            as_of(Some("2027-01-02"), day()).map(|d| d.to_string()),
            Ok("2027-01-02".to_owned())
        );
        let failure = as_of(Some("tomorrow"), day()).expect_err("not a date");
        assert_eq!(failure.kind, FailureKind::Input);
        assert_eq!(failure.errors[0].path, "asOf");
    }
}
