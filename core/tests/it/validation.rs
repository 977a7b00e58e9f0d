//! Ruleset validation: every problem at once, each with its JSON path.

use serde_json::{Value, json};
use strata_core::{Engine, RulesetErrors, lint::lint, parse_ruleset, rulesets};

fn base() -> Value {
    serde_json::from_str(rulesets::json("cn-retail").unwrap()).unwrap()
}

fn errors(v: &Value) -> RulesetErrors {
    match parse_ruleset(&v.to_string()).and_then(Engine::new) {
        Ok(_) => panic!("expected the ruleset to be refused"),
        Err(e) => e,
    }
}

fn kinds(e: &RulesetErrors) -> Vec<(String, String)> {
    e.0.iter()
        .map(|e| (e.kind().to_owned(), e.path().to_owned()))
        .collect()
}

#[test]
fn every_shipped_ruleset_is_valid_and_lint_finds_no_errors() {
    for (id, json) in rulesets::ALL {
        let engine = Engine::from_json(json).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(engine.ruleset().id, id);
        let findings = lint(engine.ruleset());
        assert!(
            findings
                .iter()
                .all(|f| f.severity == strata_core::lint::Severity::Info),
            "{id}: {findings:?}"
        );
    }
}

#[test]
fn single_problems_name_their_path() {
    type Mutation = fn(&mut Value);
    let cases: [(&str, Mutation, &str, &str); 17] = [
        (
            "unknown metric",
            |v| v["tiers"][0]["criteria"]["metric"] = json!("wealth"),
            "unknown_metric",
            "$.tiers[0].criteria.metric",
        ),
        (
            "duplicate id",
            |v| v["tiers"][1]["id"] = json!("private_banking"),
            "duplicate_id",
            "$.tiers[1].id",
        ),
        (
            "missing translation",
            |v| {
                v["tiers"][2]["name"].as_object_mut().unwrap().remove("en");
            },
            "missing_translation",
            "$.tiers[2].name",
        ),
        (
            "benefit translation",
            |v| {
                v["tiers"][0]["benefits"]["products"][1]["text"]
                    .as_object_mut()
                    .unwrap()
                    .remove("zh-CN");
            },
            "missing_translation",
            "$.tiers[0].benefits.products[1].text",
        ),
        (
            "benefit kind",
            |v| v["tiers"][0]["benefits"]["products"][1]["kind"] = json!("loans and more"),
            "invalid",
            "$.tiers[0].benefits.products[1].kind",
        ),
        (
            "benefit level",
            |v| v["tiers"][0]["benefits"]["products"][1]["level"] = json!(101),
            "invalid",
            "$.tiers[0].benefits.products[1].level",
        ),
        (
            "display name translation",
            |v| {
                v["tiers"][1]["display_name"]
                    .as_object_mut()
                    .unwrap()
                    .remove("en");
            },
            "missing_translation",
            "$.tiers[1].display_name",
        ),
        (
            "no fallback",
            |v| v["tiers"][5]["criteria"] = json!({ "metric": "aum", "op": ">=", "value": "0" }),
            "no_fallback",
            "$.tiers[5].criteria",
        ),
        (
            "fallback in the middle",
            |v| {
                v["tiers"][3].as_object_mut().unwrap().remove("criteria");
            },
            "invalid",
            "$.tiers[3].criteria",
        ),
        (
            "thresholds out of order",
            |v| v["tiers"][3]["criteria"]["value"] = json!("300000"),
            "threshold_order",
            "$.tiers[3].criteria.value",
        ),
        (
            "contradiction",
            |v| v["tiers"][4]["criteria"]["all"][3]["value"] = json!(12),
            "never_holds",
            "$.tiers[4].criteria.all",
        ),
        (
            "outside the domain",
            |v| {
                v["tiers"][0]["criteria"] =
                    json!({ "metric": "education", "op": ">", "value": "doctorate" });
            },
            "never_holds",
            "$.tiers[0].criteria",
        ),
        (
            "unknown education level",
            |v| v["tiers"][4]["criteria"]["all"][1]["value"] = json!("phd"),
            "invalid",
            "$.tiers[4].criteria.all[1].value",
        ),
        (
            "bad colour",
            |v| v["tiers"][0]["color"] = json!("red;background:url(x)"),
            "invalid",
            "$.tiers[0].color",
        ),
        (
            "bad review date",
            |v| v["review"] = json!({ "schedule": { "type": "dates", "dates": ["02-29"] }, "downgrade": { "type": "never" } }),
            "invalid",
            "$.review.schedule.dates[0]",
        ),
        (
            "zero reviews",
            |v| v["review"]["downgrade"] = json!({ "type": "after_reviews", "reviews": 0 }),
            "invalid",
            "$.review.downgrade.reviews",
        ),
        (
            "bad currency",
            |v| v["currency"] = json!("yuan"),
            "invalid",
            "$.currency",
        ),
    ];
    for (what, mutate, kind, path) in cases {
        let mut v = base();
        mutate(&mut v);
        let e = errors(&v);
        assert!(
            kinds(&e).contains(&(kind.to_owned(), path.to_owned())),
            "{what}: expected {kind} at {path}, got {e}"
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut v = base();
    v["tiers"][0]["criteria"]["metric"] = json!("wealth");
    v["tiers"][1]["id"] = json!("private_banking");
    v["tiers"][2]["name"].as_object_mut().unwrap().remove("en");
    v["tiers"][5]["criteria"] = json!({ "metric": "aum", "op": ">=", "value": "0" });
    let e = errors(&v);
    let got = kinds(&e);
    for want in [
        ("unknown_metric", "$.tiers[0].criteria.metric"),
        ("duplicate_id", "$.tiers[1].id"),
        ("missing_translation", "$.tiers[2].name"),
        ("no_fallback", "$.tiers[5].criteria"),
    ] {
        assert!(
            got.contains(&(want.0.to_owned(), want.1.to_owned())),
            "{want:?} in {got:?}"
        );
    }
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let mut v = base();
    v["tiers"][1]["benefits"]["perks"] = json!([]);
    let e = errors(&v);
    assert_eq!(
        kinds(&e),
        [("parse".to_owned(), "$.tiers[1].benefits.perks".to_owned())],
        "{e}"
    );
    assert!(e.0[0].to_string().contains("perks"), "{e}");

    let mut v = base();
    v["tiers"][0]["criteria"] = json!({ "metric": "aum", "op": ">=" });
    let e = errors(&v);
    assert_eq!(e.0[0].path(), "$.tiers[0].criteria");
    assert!(
        e.0[0]
            .to_string()
            .contains("needs `metric`, `op` and `value`"),
        "{e}"
    );
}

#[test]
fn fractional_json_numbers_are_refused() {
    let mut v = base();
    v["tiers"][0]["criteria"]["value"] = json!(10_000_000.5);
    let e = errors(&v);
    assert_eq!(e.0[0].path(), "$.tiers[0].criteria.value");
}

#[test]
fn errors_serialize_to_the_stable_shape() {
    let mut v = base();
    v["tiers"][0]["criteria"]["metric"] = json!("wealth");
    let json = serde_json::to_value(errors(&v)).unwrap();
    assert_eq!(
        json,
        json!([{ "type": "unknown_metric", "path": "$.tiers[0].criteria.metric", "message": "unknown metric `wealth`" }])
    );
}

#[test]
fn lint_reports_the_seed_table_gap_and_unreachable_tiers() {
    let findings = lint(&rulesets::cn_retail());
    let gap = findings.iter().find(|f| f.kind == "gap").unwrap();
    assert!(gap.message.contains("`ordinary`"), "{}", gap.message);

    // A tier hidden behind a broader one above it is never reached.
    let mut v = base();
    v["tiers"][2]["criteria"] = json!({ "metric": "aum", "op": ">=", "value": "1000000" });
    let rs = parse_ruleset(&v.to_string()).unwrap();
    let findings = lint(&rs);
    assert!(
        findings
            .iter()
            .any(|f| f.kind == "unreachable" && f.path == "$.tiers[2]"),
        "{findings:?}"
    );
}
