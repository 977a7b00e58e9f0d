//! The domains of `strata_core::domain`: the money grammar is the schema's, values past the
//! domains are refused with their path, and whatever validation accepts, evaluation evaluates
//! for every profile that parses (no overflow, no panic).

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use strata_core::error::ProfileError;
use strata_core::profile::{Family, Holding};
use strata_core::recommend::Options;
use strata_core::{Engine, Money, Profile, catalogs, dec, lint, parse_catalog, parse_ruleset};

use crate::common::{as_of, retail};

/// Strings and whether the money grammar takes them.
const MONEY_TABLE: &[(&str, bool)] = &[
    ("0", true),
    ("50000", true),
    ("50000.5", true),
    ("50000.00", true),
    ("0.01", true),
    ("007", true),
    ("999999999999999.99", true),
    ("1000000000000000", false),
    ("40000000000000000000000000000", false),
    ("79228162514264337593543950335", false),
    ("50000.001", false),
    ("0.00000000000000000000000000000001", false),
    ("1e5", false),
    ("1E5", false),
    ("1e-5", false),
    ("1_000_000", false),
    ("50,000", false),
    (" 50000 ", false),
    (" 50000", false),
    ("50000 ", false),
    ("+50000", false),
    (".5", false),
    ("5.", false),
    (".", false),
    ("", false),
    ("-", false),
    ("--5", false),
    ("0x10", false),
    ("Infinity", false),
    ("NaN", false),
    ("５００００", false),
    ("5\u{0}", false),
    ("1.2.3", false),
];

fn balance_profile(balance: &str) -> String {
    json!({
        "id": "c", "birth_date": "1990-01-01", "education": "bachelor",
        "holdings": [{ "product": "demand", "family": "deposit", "balance": balance }]
    })
    .to_string()
}

/// The reader (with validation) and the published pattern agree on every string.
#[test]
fn money_grammar_is_the_schemas() {
    let pattern = regex_lite::Regex::new(&dec::pattern(false, dec::MONEY_DECIMALS)).unwrap();
    let engine = retail();
    for (s, ok) in MONEY_TABLE {
        assert_eq!(pattern.is_match(s), *ok, "the pattern on {s:?}");
        let read = Profile::from_json(&balance_profile(s))
            .map_err(|e| e.0)
            .and_then(|p| engine.evaluate(&p, as_of()).map_err(|e| e.0));
        match read {
            Ok(_) => assert!(ok, "{s:?} was accepted"),
            Err(errors) => {
                assert!(!ok, "{s:?} was refused: {errors:?}");
                assert_eq!(errors[0].path(), "$.holdings[0].balance", "{s:?}");
            }
        }
    }
    // A sign is read, then refused where money cannot be negative.
    let p = Profile::from_json(&balance_profile("-5")).unwrap();
    let e = engine.evaluate(&p, as_of()).unwrap_err();
    assert_eq!(e.0[0].kind(), "negative");
    assert!(!pattern.is_match("-5"));
    let signed = regex_lite::Regex::new(&dec::pattern(true, dec::MONEY_DECIMALS)).unwrap();
    assert!(signed.is_match("-5000.25") && !signed.is_match("-5000.255"));
}

#[cfg(feature = "schema")]
#[test]
fn the_published_schemas_carry_the_patterns() {
    let profile = strata_core::schema::schema("profile").unwrap().to_string();
    for p in [
        dec::pattern(false, dec::MONEY_DECIMALS),
        dec::pattern(true, dec::MONEY_DECIMALS),
        dec::pattern(true, dec::MAX_DECIMALS),
    ] {
        let quoted = serde_json::to_string(&p).unwrap();
        assert!(profile.contains(&quoted), "profile schema lacks {p}");
    }
}

/// The cases of the issue that aborted the CLI: each is now refused with its path.
#[test]
fn values_past_the_domains_are_refused_with_their_path() {
    let max = "79228162514264337593543950335";
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"id": "c", "holdings": [
                {"product": "a", "family": "deposit", "balance": "40000000000000000000000000000"},
                {"product": "b", "family": "deposit", "balance": "40000000000000000000000000000"}]}),
            "$.holdings[0].balance",
        ),
        (
            json!({"id": "c", "external_assets": [{"balance": max}]}),
            "$.external_assets[0].balance",
        ),
        (
            json!({"id": "c", "monthly": [{"month": "2026-10", "avg_daily": {"deposit": max}}]}),
            "$.monthly[0].avg_daily.deposit",
        ),
        (
            json!({"id": "c", "attributes": {"reputation": 1e27}}),
            "$.attributes.reputation",
        ),
        (
            json!({"id": "c", "birth_date": "1850-01-01"}),
            "$.birth_date",
        ),
        (
            json!({"id": "c", "birth_date": "2201-01-01"}),
            "$.birth_date",
        ),
        (json!({"id": " \u{200b}"}), "$.id"),
    ];
    let engine = retail();
    for (doc, path) in cases {
        let text = doc.to_string();
        let errors = match Profile::from_json(&text) {
            Err(e) => e.0,
            Ok(p) => engine.evaluate(&p, as_of()).unwrap_err().0,
        };
        assert_eq!(errors[0].path(), path, "{text}");
    }
    // A birth date that parses but makes the customer 150 on the as-of date.
    let p = Profile::from_json(r#"{"id":"c","birth_date":"1950-01-01","education":"bachelor"}"#)
        .unwrap();
    let e = engine
        .evaluate(&p, crate::common::date("2100-06-01"))
        .unwrap_err();
    assert_eq!(e.0[0].path(), "$.birth_date");
}

/// Ruleset and catalog values that passed validation and then aborted every evaluation.
#[test]
fn ruleset_and_catalog_extremes_are_refused_with_their_path() {
    let retail: Value =
        serde_json::from_str(strata_core::rulesets::json("cn-retail").unwrap()).unwrap();
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "/tiers/0/criteria/value",
            json!("790000000000000000000000000"),
            "$.tiers[0].criteria.value",
        ),
        (
            "/metrics/contribution/terms/0/points",
            json!("0.0000000000000000000000000001"),
            "$.metrics.contribution.terms[0].points",
        ),
        (
            "/metrics/contribution/terms/0/per",
            json!("0.0000000000000000000000000001"),
            "$.metrics.contribution.terms[0].per",
        ),
        (
            "/metrics/contribution/terms/0/points",
            json!("999999999999999"),
            "$.metrics.contribution.terms",
        ),
        (
            "/value/contribution/full_at",
            json!("0.0000000000000000000000000001"),
            "$.value.contribution.full_at",
        ),
        (
            "/value/contribution/weight",
            json!("999999999999999"),
            "$.value.contribution.weight",
        ),
        (
            "/moments/near_tier_percent",
            json!("79228162514264337593543950335"),
            "$.moments.near_tier_percent",
        ),
        (
            "/moments/near_tier_percent",
            json!("1000"),
            "$.moments.near_tier_percent",
        ),
        (
            "/review/downgrade",
            json!({"type": "after_reviews", "reviews": 4_294_967_295_u32}),
            "$.review.downgrade.reviews",
        ),
        (
            "/review/min_tenure_months",
            json!(4_294_967_295_u32),
            "$.review.min_tenure_months",
        ),
        (
            "/tiers/4/criteria/all/3/value",
            json!(200),
            "$.tiers[4].criteria.all[3].value",
        ),
        (
            "/tiers/4/criteria/all/0/value",
            json!("1e30"),
            "$.tiers[4].criteria.all[0].value",
        ),
        ("/tiers/0/id", json!(" \u{200b}"), "$.tiers[0].id"),
    ];
    for (pointer, value, path) in cases {
        let mut doc = retail.clone();
        set(&mut doc, pointer, value.clone());
        let errors = parse_ruleset(&doc.to_string())
            .and_then(Engine::new)
            .unwrap_err();
        assert!(
            errors.0.iter().any(|e| e.path() == path),
            "{pointer} = {value}: {errors}"
        );
    }
    let catalog: Value = serde_json::from_str(catalogs::json("cn-retail").unwrap()).unwrap();
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "/products/0/priority",
            json!("999999999999999"),
            "$.products[0].priority",
        ),
        (
            "/policy/weights/bundle",
            json!("999999999999999"),
            "$.policy.weights.bundle",
        ),
        (
            "/products/0/min_amount",
            json!("79228162514264337593543950335"),
            "$.products[0].min_amount",
        ),
        (
            "/policy/risk_valid_months",
            json!(4_294_967_295_u32),
            "$.policy.risk_valid_months",
        ),
        (
            "/policy/contact/rest_after_decline_days",
            json!(4_294_967_295_u32),
            "$.policy.contact.rest_after_decline_days",
        ),
        ("/products/0/id", json!(" \u{200b}"), "$.products[0].id"),
    ];
    for (pointer, value, path) in cases {
        let mut doc = catalog.clone();
        set(&mut doc, pointer, value.clone());
        let errors = parse_catalog(&doc.to_string())
            .and_then(|c| retail_engine().with_catalog(c))
            .unwrap_err();
        assert!(
            errors.0.iter().any(|e| e.path() == path),
            "{pointer} = {value}: {errors}"
        );
    }
}

/// Sets the member at `pointer`, adding it to its object when absent.
fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.insert(key.to_owned(), value);
        }
        Some(Value::Array(a)) => a[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer}"),
    }
}

fn retail_engine() -> Engine {
    retail()
}

/// A profile built in code, beyond what any document can hold: a typed overflow, not a panic.
#[test]
fn a_profile_built_in_code_overflows_into_a_typed_error() {
    let huge = Money(Decimal::MAX);
    let mut p =
        Profile::from_json(r#"{"id":"c","birth_date":"1990-01-01","education":"bachelor"}"#)
            .unwrap();
    for name in ["a", "b"] {
        p.holdings.push(Holding {
            product: name.into(),
            family: Family::Deposit,
            balance: huge,
            currency: None,
            maturity_date: None,
        });
    }
    let e = retail().evaluate(&p, as_of()).unwrap_err();
    assert!(
        matches!(&e.0[0], ProfileError::Overflow { path, .. } if path == "$.holdings"),
        "{e}"
    );
}

// ---- whatever validation accepts, evaluation evaluates ----

/// A customer using every profile field (from the hostile corpus).
const BASE_PROFILE: &str = include_str!("../hostile/base-profile.json");

/// Values at and near the domains' edges, for any decimal field.
const EDGES: &[&str] = &[
    "0",
    "0.000001",
    "0.01",
    "1",
    "7",
    "100",
    "130",
    "999999999999999",
    "999999999999999.99",
    "999999999999999.999999",
    "-999999999999999",
    "-0.000001",
];

/// Whole numbers at and near the edges, for counts, months, days and reviews.
const COUNTS: &[u64] = &[0, 1, 2, 12, 24, 36, 120, 130, 3650, 4_294_967_295];

/// Every numeric leaf of a document, as JSON pointers (decimal strings and numbers).
fn numeric_leaves(v: &Value, at: String, out: &mut Vec<(String, bool)>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                numeric_leaves(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                numeric_leaves(v, format!("{at}/{i}"), out);
            }
        }
        Value::Number(_) => out.push((at, true)),
        Value::String(s) if s.parse::<strata_core::Dec>().is_ok() => {
            out.push((at, false));
        }
        _ => {}
    }
}

/// A document with some of its numeric leaves set to edge values.
fn mutate(doc: &Value, picks: &[(usize, usize)]) -> Value {
    let mut leaves = Vec::new();
    numeric_leaves(doc, String::new(), &mut leaves);
    let mut out = doc.clone();
    if leaves.is_empty() {
        return out;
    }
    for (leaf, edge) in picks {
        let (pointer, whole) = &leaves[leaf % leaves.len()];
        if let Some(slot) = out.pointer_mut(pointer) {
            *slot = if *whole {
                json!(COUNTS[edge % COUNTS.len()])
            } else {
                json!(EDGES[edge % EDGES.len()])
            };
        }
    }
    out
}

/// Customers at the edges of every domain: largest balances in every family, many of them,
/// every month of history, oldest and youngest, every attribute at its extremes.
fn extreme_profiles(inputs: &[String]) -> Vec<Profile> {
    let max = "999999999999999.99";
    let families = crate::hostile::FAMILIES;
    let holdings: Vec<Value> = (0..200)
        .map(|i| json!({"product": format!("p{i}"), "family": families[i % families.len()], "balance": max}))
        .collect();
    let months: Vec<Value> = (0..48)
        .map(|i| {
            let (y, m) = (2026 - (i + 1) / 12, 12 - (i + 1) % 12);
            let avg: serde_json::Map<String, Value> = families
                .iter()
                .map(|f| ((*f).to_owned(), json!(max)))
                .collect();
            json!({"month": format!("{y}-{m:02}"), "avg_daily": avg, "fee_income": max})
        })
        .collect();
    let external: Vec<Value> = (0..200)
        .map(|i| json!({"balance": max, "family": families[i % families.len()]}))
        .collect();
    let attrs = |v: &str| -> serde_json::Map<String, Value> {
        inputs.iter().map(|n| (n.clone(), json!(v))).collect()
    };
    let docs = [
        json!({"id": "rich", "birth_date": "1900-01-01", "education": "doctorate",
               "risk": {"level": "C5", "assessed_on": "2026-01-01"},
               "holdings": holdings, "external_assets": external, "monthly": months,
               "attributes": attrs("999999999999999"),
               "cash_flows": [{"date": "2026-11-20", "amount": max, "kind": "salary"},
                              {"date": "2026-11-21", "amount": "-999999999999999.99"}],
               "offers": [{"product": "demand-cny", "shown": 4_294_967_295_u32, "last_shown": "2026-11-24"}]}),
        json!({"id": "poor", "birth_date": "2026-11-25", "education": "primary",
               "attributes": attrs("0"),
               "holdings": [{"product": "loan", "family": "loan", "balance": max}],
               "monthly": [{"month": "2026-10", "avg_daily": {"loan": max}}]}),
        json!({"id": "fell", "birth_date": "1990-02-28", "education": "bachelor",
               "attributes": attrs("0.01"),
               "holdings": [{"product": "d", "family": "deposit", "balance": "0.01"}],
               "monthly": months,
               "external_assets": [{"balance": max}]}),
    ];
    docs.iter()
        .map(|d| Profile::from_json(&d.to_string()).unwrap())
        .collect()
}

fn check_accepts_evaluate(engine: &Engine, profiles: &[Profile]) -> Result<(), TestCaseError> {
    let options = Options {
        top_n: Some(1000),
        explain: true,
        audience: strata_core::recommend::Audience::Staff,
    };
    for p in profiles {
        if let Err(e) = engine.evaluate_with(p, as_of(), &options) {
            // Missing attributes or the like are the profile's own problems; overflow is not.
            prop_assert!(
                !e.0.iter().any(|e| e.kind() == "overflow"),
                "{} overflowed: {e}",
                p.id
            );
        }
    }
    Ok(())
}

proptest! {
    // A quarter of the mutated rulesets pass validation; 256 cases evaluate about 60 of
    // them against the extreme customers, with recommendations and explain.
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn whatever_validation_accepts_evaluates(
        which in 0usize..5,
        picks in proptest::collection::vec((0usize..10_000, 0usize..100), 1..5),
        customer in proptest::collection::vec((0usize..10_000, 0usize..100), 0..8),
    ) {
        let id = strata_core::rulesets::ALL[which].0;
        let doc: Value = serde_json::from_str(strata_core::rulesets::json(id).unwrap()).unwrap();
        let text = mutate(&doc, &picks).to_string();
        let Ok(ruleset) = parse_ruleset(&text) else { return Ok(()) };
        let _ = lint::lint(&ruleset);
        let inputs: Vec<String> = ruleset.inputs.keys().cloned().collect();
        let Ok(engine) = Engine::new(ruleset) else { return Ok(()) };
        let engine = match catalogs::for_ruleset(id) {
            Some(c) => engine.with_catalog_if_it_fits(c),
            None => engine,
        };
        let mut profiles = extreme_profiles(&inputs);
        // And a customer using every profile field, with some amounts, counts and dates at
        // the edges: whichever of them parses must evaluate.
        let base: Value = serde_json::from_str(BASE_PROFILE).unwrap();
        if let Ok(p) = Profile::from_json(&mutate(&base, &customer).to_string()) {
            profiles.push(p);
        }
        check_accepts_evaluate(&engine, &profiles)?;
    }

    #[test]
    fn whatever_catalog_validation_accepts_evaluates(
        picks in proptest::collection::vec((0usize..100_000, 0usize..100), 1..16),
    ) {
        let doc: Value = serde_json::from_str(catalogs::json("cn-retail").unwrap()).unwrap();
        let Ok(catalog) = parse_catalog(&mutate(&doc, &picks).to_string()) else { return Ok(()) };
        let Ok(engine) = retail().with_catalog(catalog) else { return Ok(()) };
        let inputs: Vec<String> = engine.ruleset().inputs.keys().cloned().collect();
        check_accepts_evaluate(&engine, &extreme_profiles(&inputs))?;
    }
}
