//! Profile input errors: typed, naming the field, all at once.

use strata_core::{Profile, ProfileErrors};

use crate::common::{as_of, retail};

fn eval_errors(json: &str) -> ProfileErrors {
    let result = Profile::from_json(json).and_then(|p| retail().evaluate(&p, as_of()));
    match result {
        Ok(e) => panic!("expected an error, got tier {}", e.tier.id),
        Err(e) => e,
    }
}

fn first(e: &ProfileErrors) -> (&str, &str) {
    (e.0[0].kind(), e.0[0].path())
}

#[test]
fn syntax_and_shape_errors_name_the_field() {
    let table = [
        (
            r#"{"id":"a","education":"phd","birth_date":"1990-01-01"}"#,
            "parse",
            "$.education",
        ),
        (
            r#"{"id":"a","birth_date":"1990-13-01","education":"college"}"#,
            "parse",
            "$.birth_date",
        ),
        (
            r#"{"id":"a","holdings":[{"product":"x","family":"deposit","balance":1.5}]}"#,
            "parse",
            "$.holdings[0].balance",
        ),
        (
            r#"{"id":"a","holdings":[{"product":"x","family":"gold","balance":"1"}]}"#,
            "parse",
            "$.holdings[0].family",
        ),
        (r#"{"id":"a","nickname":"Li"}"#, "parse", "$.nickname"),
        (
            r#"{"id":"a","monthly":[{"month":"2026-13","avg_daily":{}}]}"#,
            "parse",
            "$.monthly[0].month",
        ),
        ("not json", "parse", "$"),
    ];
    for (json, kind, path) in table {
        let e = eval_errors(json);
        assert_eq!(first(&e), (kind, path), "{json}: {e}");
    }
}

#[test]
fn semantic_errors_are_all_reported() {
    let e = eval_errors(
        r#"{ "id": "a", "birth_date": "2030-01-01",
             "holdings": [{ "product": "x", "family": "deposit", "balance": "-5" }],
             "tier_history": { "tier": "gold", "since": "2025-01-01" } }"#,
    );
    let got: Vec<(&str, &str)> = e.0.iter().map(|e| (e.kind(), e.path())).collect();
    assert_eq!(
        got,
        [
            ("negative", "$.holdings[0].balance"),
            ("future_date", "$.birth_date"),
            ("unknown_tier", "$.tier_history.tier"),
            ("missing", "$.education"),
        ]
    );
    assert_eq!(e.0[0].to_string(), "must not be negative (got -5)");
}
