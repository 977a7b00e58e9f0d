//! What a host passes, checked: the options, the ruleset and catalog, the profile. Pure (no
//! JS): every failure becomes the faces' one [`LoadError`], whose envelope has the engine's
//! `StrataError` shape (`{ kind, errors: [{ type, path, message }] }`), for the error card
//! and the host's `onError`.

use std::cell::OnceCell;
use std::rc::Rc;

use chrono::NaiveDate;
use strata_core::evaluation::Evaluation;
use strata_core::recommend::Options;
use strata_core::{Engine, Profile};
use strata_ui::error::{ErrorKind, LoadError};

thread_local! {
    /// The embedded cn-retail engine, built once however many widgets a page has.
    static DEFAULT: OnceCell<Result<Rc<Engine>, LoadError>> = const { OnceCell::new() };
}

/// The engine for the host's ruleset and catalog (JSON text; `None` for the embedded
/// cn-retail ones), assembled as every face assembles it
/// ([`strata_ui::engine::engine_from_json`]).
pub fn engine(ruleset: Option<&str>, catalog: Option<&str>) -> Result<Rc<Engine>, LoadError> {
    if ruleset.is_none() && catalog.is_none() {
        // Built once however many widgets a page has.
        return DEFAULT.with(|d| {
            d.get_or_init(|| {
                strata_ui::engine::default_engine()
                    .map(Rc::new)
                    .map_err(|e| LoadError::of_assembly(&e, None))
            })
            .clone()
        });
    }
    strata_ui::engine::engine_from_json(ruleset, catalog)
        .map(Rc::new)
        .map_err(|e| LoadError::of_assembly(&e, None))
}

/// The as-of date: `text` (`YYYY-MM-DD`), or `today` when empty.
pub fn as_of(text: Option<&str>, today: NaiveDate) -> Result<NaiveDate, LoadError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(today),
        Some(t) => t.parse().map_err(|_| {
            LoadError::one(
                ErrorKind::Input,
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
) -> Result<(Rc<Profile>, Rc<Evaluation>), LoadError> {
    let profile = Profile::from_json(profile).map_err(|e| LoadError::of_profile(&e, None))?;
    let options = Options {
        top_n: Some(TOP_N),
        explain: false,
        audience: strata_core::recommend::Audience::Customer,
    };
    let eval = engine
        .evaluate_with(&profile, as_of, &options)
        .map_err(|e| LoadError::of_profile(&e, None))?;
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
        assert_eq!(failure.kind, ErrorKind::Profile);
        assert!(
            failure
                .problems
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
        assert_eq!(failure.problems[0].kind, "parse");
    }

    #[test]
    fn bad_rulesets_and_catalogs_are_told_apart() {
        let failure = engine(Some(r#"{ "id": 3 }"#), None).expect_err("bad ruleset");
        assert_eq!(failure.kind, ErrorKind::Ruleset);
        assert!(!failure.problems.is_empty());
        let failure = engine(None, Some("[]")).expect_err("bad catalog");
        assert_eq!(failure.kind, ErrorKind::Catalog);
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
        assert_eq!(failure.kind, ErrorKind::Input);
        assert_eq!(failure.problems[0].path, "asOf");
    }
}
