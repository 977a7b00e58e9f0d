//! Recommendations, contact policy, customer value and key moments on hand-built customers.

use serde_json::json;
use strata_core::catalog::RiskRating;
use strata_core::moments::{ActionCode, MomentKind};
use strata_core::profile::RiskLevel;
use strata_core::recommend::{ExclusionRule, LiftSource, Options, Reason};
use strata_core::{Engine, Profile, catalogs, parse_catalog, rulesets};

use crate::common::as_of;

fn engine() -> Engine {
    Engine::new(rulesets::cn_retail())
        .unwrap()
        .with_catalog(catalogs::for_ruleset("cn-retail").unwrap())
        .unwrap()
}

fn profile(v: serde_json::Value) -> Profile {
    Profile::from_json(&v.to_string()).unwrap()
}

/// A 35-year-old mid-tier customer with a valid C3 questionnaire, plus `extra` fields.
fn mid_tier(extra: serde_json::Value) -> Profile {
    let mut v = json!({
        "id": "m", "birth_date": "1991-06-01", "education": "bachelor",
        "risk": { "level": "C3", "assessed_on": "2026-06-01" },
        "holdings": [
            { "product": "demand-cny", "family": "deposit", "balance": "120000" },
            { "product": "gold-debit-card", "family": "card" }
        ]
    });
    for (k, val) in extra.as_object().unwrap() {
        v[k] = val.clone();
    }
    profile(v)
}

fn explain(p: &Profile) -> strata_core::Evaluation {
    engine()
        .evaluate_with(
            p,
            as_of(),
            &Options {
                top_n: None,
                explain: true,
                audience: strata_core::recommend::Audience::Staff,
            },
        )
        .unwrap()
}

fn rule_of<'a>(e: &'a strata_core::Evaluation, id: &str) -> &'a ExclusionRule {
    &e.not_recommended
        .iter()
        .find(|x| x.product == id)
        .unwrap_or_else(|| panic!("{id} not excluded"))
        .rule
}

#[test]
fn first_offer_explains_itself_with_numbers() {
    // ¥500,000 declared at another bank: the means for the ¥80,000 the next tier needs.
    let e = explain(&mid_tier(json!({
        "external_assets": [{ "institution": "another bank", "balance": "500000" }]
    })));
    assert_eq!(e.tier.id, "mid_lower");
    let lifts: Vec<_> = e
        .recommendations
        .iter()
        .filter_map(|r| {
            r.reasons.iter().find_map(|x| match x {
                Reason::LiftsTier {
                    tier,
                    amount,
                    source,
                } => Some((
                    r.product.as_str(),
                    tier.id.as_str(),
                    amount.to_string(),
                    *source,
                )),
                _ => None,
            })
        })
        .collect();
    assert_eq!(
        lifts.len(),
        1,
        "one offer at most claims the lift: {lifts:?}"
    );
    let (_, tier, amount, source) = &lifts[0];
    assert_eq!((*tier, source), ("mid_upper", &LiftSource::ExternalAssets));
    assert!(amount.parse::<f64>().unwrap() >= 80000.0, "{amount}");
    // The score is the product of its parts, every factor visible to staff.
    let first = &e.recommendations[0];
    let part = |d: Option<strata_core::Dec>| d.unwrap().0;
    assert_eq!(
        part(first.score),
        (part(first.relevance) * part(first.value) * part(first.lever)).round_dp(4)
    );
    assert!(!first.factors.as_ref().unwrap().is_empty());
    assert_eq!(e.recommendations.len(), 5);
}

#[test]
fn no_lift_claim_without_the_means_for_new_money() {
    // ¥120,000 here, ¥80,000 short, nothing elsewhere and no inflow: moving money between
    // products changes no tier, so no offer may say it does.
    let e = explain(&mid_tier(json!({})));
    assert!(e.recommendations.iter().all(|r| !r.lifts_tier()));
    // A recent salary of ¥90,000 is new money.
    let e = explain(&mid_tier(json!({
        "cash_flows": [{ "date": "2026-11-20", "amount": "90000", "kind": "salary" }]
    })));
    let lifting: Vec<_> = e
        .recommendations
        .iter()
        .filter(|r| r.lifts_tier())
        .collect();
    assert_eq!(lifting.len(), 1);
    assert!(lifting[0].reasons.iter().any(|r| matches!(
        r,
        Reason::LiftsTier {
            source: LiftSource::RecentInflow,
            ..
        }
    )));
    // ¥195,000 here and ¥5,000 short: a small top-up.
    let mut p = mid_tier(json!({}));
    p.holdings[0].balance = strata_core::Money("195000".parse().unwrap());
    let e = explain(&p);
    assert!(
        e.recommendations
            .iter()
            .any(|r| r.reasons.iter().any(|x| matches!(
                x,
                Reason::LiftsTier {
                    source: LiftSource::TopUp,
                    ..
                }
            )))
    );
}

#[test]
fn a_liability_is_not_an_external_asset() {
    let p = mid_tier(json!({
        "external_assets": [{ "institution": "another bank", "family": "loan", "balance": "2000000" }]
    }));
    let e = engine().evaluate(&p, as_of()).unwrap_err();
    assert_eq!(e.0[0].path(), "$.external_assets[0].family");
    // Liabilities held here never add to AUM.
    let p = mid_tier(json!({
        "holdings": [
            { "product": "demand-cny", "family": "deposit", "balance": "120000" },
            { "product": "mortgage", "family": "loan", "balance": "5000000" }
        ]
    }));
    let e = engine().evaluate(&p, as_of()).unwrap();
    assert_eq!(e.tier.id, "mid_lower");
}

#[test]
fn every_exclusion_rule_is_reported() {
    let e = explain(&mid_tier(json!({
        "offers": [
            { "product": "fund-money-market", "declined_on": "2026-10-01" },
            { "product": "td-3y", "dismissed_on": "2026-11-20" },
            { "product": "td-2y", "shown": 3, "last_shown": "2026-11-20" },
            { "product": "td-1y", "shown": 3, "last_shown": "2026-10-01" }
        ]
    })));
    assert!(
        matches!(rule_of(&e, "trust-family"), ExclusionRule::IneligibleTier { tier } if tier == "mid_lower")
    );
    assert!(matches!(
        rule_of(&e, "loan-student"),
        ExclusionRule::IneligibleTier { .. }
    ));
    assert!(matches!(
        rule_of(&e, "demand-cny-junior"),
        ExclusionRule::Age { age: Some(35) }
    ));
    assert!(matches!(
        rule_of(&e, "wm-kaimenhong-2026"),
        ExclusionRule::Unavailable
    ));
    assert!(matches!(rule_of(&e, "demand-cny"), ExclusionRule::Held));
    assert!(
        matches!(rule_of(&e, "fund-money-market"), ExclusionRule::Declined { until } if until.to_string() == "2026-12-30")
    );
    assert!(
        matches!(rule_of(&e, "td-3y"), ExclusionRule::Resting { until } if until.to_string() == "2026-12-20")
    );
    assert!(
        matches!(rule_of(&e, "td-2y"), ExclusionRule::Resting { until } if until.to_string() == "2026-12-04")
    );
    assert!(matches!(
        rule_of(&e, "td-3y-large-cd"),
        ExclusionRule::BelowMinimum { .. }
    ));
    assert!(matches!(
        rule_of(&e, "fund-equity-growth"),
        ExclusionRule::Unsuitable {
            rating: RiskRating::R4,
            tolerance: RiskLevel::C3
        }
    ));
    // td-1y's rest after three showings ended on 2026-10-15: it may show again.
    assert!(!matches!(
        e.not_recommended
            .iter()
            .find(|x| x.product == "td-1y")
            .map(|x| &x.rule),
        Some(ExclusionRule::Resting { .. })
    ));
    assert!(
        e.not_recommended
            .iter()
            .any(|x| matches!(x.rule, ExclusionRule::RankedOut { .. }))
    );
}

#[test]
fn expired_questionnaire_limits_to_lowest_risk_and_asks_to_reassess() {
    let p = mid_tier(json!({ "risk": { "level": "C5", "assessed_on": "2025-01-10" } }));
    let e = explain(&p);
    assert!(matches!(
        rule_of(&e, "fund-balanced-a"),
        ExclusionRule::RiskAssessmentDue {
            rating: RiskRating::R3
        }
    ));
    for r in &e.recommendations {
        assert!(
            r.risk.is_none_or(|x| x == RiskRating::R1),
            "{} is {:?}",
            r.product,
            r.risk
        );
    }
    let due = e
        .moments
        .iter()
        .find(|m| m.action == ActionCode::ReassessRisk)
        .unwrap();
    assert_eq!(
        due.kind,
        MomentKind::RiskAssessmentDue {
            expired_on: Some(crate::common::date("2026-01-10"))
        }
    );
}

#[test]
fn priority_zero_switches_a_product_off() {
    let mut v: serde_json::Value =
        serde_json::from_str(catalogs::json("cn-retail").unwrap()).unwrap();
    let products = v["products"].as_array_mut().unwrap();
    let first = explain(&mid_tier(json!({}))).recommendations[0]
        .product
        .clone();
    let p = products
        .iter_mut()
        .find(|p| p["id"] == first.as_str())
        .unwrap();
    p["priority"] = json!("0");
    let engine = Engine::new(rulesets::cn_retail())
        .unwrap()
        .with_catalog(parse_catalog(&v.to_string()).unwrap())
        .unwrap();
    let e = engine
        .evaluate_with(
            &mid_tier(json!({})),
            as_of(),
            &Options {
                top_n: None,
                explain: true,
                audience: strata_core::recommend::Audience::Staff,
            },
        )
        .unwrap();
    assert!(matches!(rule_of(&e, &first), ExclusionRule::SwitchedOff));
}

#[test]
fn key_moments() {
    let p = mid_tier(json!({
        "birth_date": "1991-11-30",
        "holdings": [
            { "product": "demand-cny", "family": "deposit", "balance": "120000" },
            { "product": "td-1y", "family": "time_deposit", "balance": "70000", "maturity_date": "2026-11-30" }
        ],
        "cash_flows": [
            { "date": "2026-11-20", "amount": "18500", "kind": "salary" },
            { "date": "2026-11-22", "amount": "-150000", "kind": "transfer" },
            { "date": "2026-10-01", "amount": "500000", "kind": "transfer" }
        ]
    }));
    let e = explain(&p);
    let kinds: Vec<&str> = e
        .moments
        .iter()
        .map(|m| match &m.kind {
            MomentKind::Maturity { .. } => "maturity",
            MomentKind::Birthday { .. } => "birthday",
            MomentKind::Salary { .. } => "salary",
            MomentKind::LargeInflow { .. } => "large_inflow",
            MomentKind::LargeOutflow { .. } => "large_outflow",
            MomentKind::NearNextTier { .. } => "near_next_tier",
            MomentKind::DowngradeRisk { .. } => "downgrade_risk",
            MomentKind::ChurnRisk { .. } => "churn_risk",
            MomentKind::RiskAssessmentDue { .. } => "risk_assessment_due",
        })
        .collect();
    // 190,000 is within 10% of 200,000; the old inflow is outside the 7-day window.
    assert_eq!(
        kinds,
        [
            "maturity",
            "salary",
            "large_outflow",
            "birthday",
            "near_next_tier"
        ]
    );
    let m = &e.moments[0];
    assert_eq!(m.action, ActionCode::Reinvest);
    assert!(matches!(&m.kind, MomentKind::Maturity { days: 5, .. }));
    assert!(m.product.is_some(), "a product to reinvest in");
    assert!(
        matches!(&e.moments[4].kind, MomentKind::NearNextTier { amount, .. } if amount.to_string() == "10000")
    );
}

#[test]
fn customer_value_and_churn() {
    let months: Vec<serde_json::Value> = (5..=10)
        .map(|m| {
            let aum = if m <= 7 { 3_000_000 } else { 1_500_000 };
            json!({ "month": format!("2026-{m:02}"), "avg_daily": { "deposit": aum.to_string() }, "fee_income": "2000" })
        })
        .collect();
    let p = profile(json!({
        "id": "v", "birth_date": "1975-03-01", "education": "master",
        "holdings": [{ "product": "demand-cny", "family": "deposit", "balance": "1500000" }],
        "monthly": months,
        "attributes": { "reputation": "60", "linked_customers": "4", "overdue_days": "0" }
    }));
    let staff = Options {
        audience: strata_core::recommend::Audience::Staff,
        ..Options::default()
    };
    // The value model is for staff; a customer's result has none.
    assert!(engine().evaluate(&p, as_of()).unwrap().value.is_none());
    let v = engine()
        .evaluate_with(&p, as_of(), &staff)
        .unwrap()
        .value
        .unwrap();
    // Contribution: 0.5% of the 3-month average (7,500) + the fees given (6 × 2,000).
    let c = &v.indicators[0];
    assert_eq!(c.actual.to_string(), "19500");
    assert_eq!(c.score.to_string(), "97.5");
    // 0.4 × 97.5 + 0.3 × 100 (no overdue days) + 0.15 × 60 + 0.15 × 40 = 84.
    assert_eq!(v.score.to_string(), "84");
    assert_eq!(v.stars, 5);
    let churn = v.churn_risk.unwrap();
    assert_eq!(churn.drop_percent.to_string(), "50");
}

#[test]
fn catalog_validation_names_every_problem() {
    let mut v: serde_json::Value =
        serde_json::from_str(catalogs::json("cn-retail").unwrap()).unwrap();
    v["products"][0]["risk"] = json!("R2"); // a deposit with a risk rating
    v["products"][21]["risk"] = serde_json::Value::Null; // a fund without one
    v["products"][1]["id"] = json!("demand-cny");
    v["products"][9]["tiers"] = json!(["platinum"]);
    v["bundles"]["potential"]["products"][0] = json!("no-such-product");
    v["products"][2]["pitch"]
        .as_object_mut()
        .unwrap()
        .remove("en");
    let Err(errs) = Engine::new(rulesets::cn_retail())
        .unwrap()
        .with_catalog(parse_catalog(&v.to_string()).unwrap())
    else {
        panic!("expected the catalog to be refused");
    };
    let paths: Vec<&str> = errs.0.iter().map(strata_core::RulesetError::path).collect();
    for want in [
        "$.products[0].risk",
        "$.products[21].risk",
        "$.products[1].id",
        "$.products[9].tiers[0]",
        "$.bundles.potential.products[0]",
        "$.products[2].pitch",
    ] {
        assert!(paths.contains(&want), "{want} in {paths:?}");
    }
}

fn staff_explain(v: serde_json::Value) -> strata_core::Evaluation {
    let opts = Options {
        top_n: Some(100),
        explain: true,
        audience: strata_core::recommend::Audience::Staff,
    };
    engine().evaluate_with(&profile(v), as_of(), &opts).unwrap()
}

fn catalog_product(id: &str) -> strata_core::catalog::Product {
    catalogs::for_ruleset("cn-retail")
        .unwrap()
        .products
        .into_iter()
        .find(|p| p.id == id)
        .unwrap()
}

#[test]
fn the_elderly_policy_keeps_risky_and_long_products_out() {
    // 80, C5, ¥2m: only R1–R2 and terms up to 12 months, each exclusion with its band.
    let e = staff_explain(json!({
        "id": "old", "birth_date": "1946-01-10", "education": "bachelor",
        "risk": { "level": "C5", "assessed_on": "2026-06-01" },
        "holdings": [{ "product": "demand-cny", "family": "deposit", "balance": "2000000" }]
    }));
    assert!(!e.recommendations.is_empty());
    for r in &e.recommendations {
        let pr = catalog_product(&r.product);
        assert!(pr.risk.is_none_or(|x| x <= RiskRating::R2), "{}", r.product);
        assert!(pr.term_months.is_none_or(|t| t <= 12), "{}", r.product);
    }
    for id in ["td-3y", "fund-pension-target-2045", "fund-equity-growth"] {
        assert!(
            matches!(
                rule_of(&e, id),
                ExclusionRule::ElderlyPolicy { age: 80, .. }
            ),
            "{id}: {:?}",
            rule_of(&e, id)
        );
    }
}

#[test]
fn minors_get_no_credit_and_invest_only_with_a_guardian() {
    let minor = |guardian: bool| {
        staff_explain(json!({
            "id": "kid", "birth_date": "2010-03-01", "education": "junior_secondary",
            "risk": { "level": "C3", "assessed_on": "2026-06-01" }, "guardian": guardian,
            "holdings": [{ "product": "demand-cny-junior", "family": "deposit", "balance": "3000" }]
        }))
    };
    let e = minor(false);
    for r in &e.recommendations {
        let pr = catalog_product(&r.product);
        assert!(
            pr.risk.is_none() && r.family != strata_core::profile::Family::Loan,
            "{}",
            r.product
        );
    }
    assert!(matches!(
        rule_of(&e, "fund-money-market"),
        ExclusionRule::MinorPolicy { age: 16 }
    ));
    let e = minor(true);
    assert!(!matches!(
        e.not_recommended
            .iter()
            .find(|x| x.product == "fund-money-market")
            .map(|x| &x.rule),
        Some(ExclusionRule::MinorPolicy { .. })
    ));
}

#[test]
fn prerequisites_and_the_qualified_investor_test_are_rules() {
    // No deposit held: third-party custody needs one first.
    let e = staff_explain(json!({
        "id": "p", "birth_date": "1980-01-01", "education": "master",
        "risk": { "level": "C5", "assessed_on": "2026-06-01" },
        "holdings": [{ "product": "fund-bond-c", "family": "fund", "balance": "5000000" }]
    }));
    assert!(matches!(
        rule_of(&e, "stock-custody-3p"),
        ExclusionRule::MissingPrerequisite { requires }
            if requires.family == Some(strata_core::profile::Family::Deposit)
    ));
    // ¥5m but no declared experience: not a qualified investor for the trust.
    assert!(matches!(
        rule_of(&e, "trust-infra-24m"),
        ExclusionRule::NotQualifiedInvestor
    ));
    let e = staff_explain(json!({
        "id": "p", "birth_date": "1980-01-01", "education": "master",
        "risk": { "level": "C5", "assessed_on": "2026-06-01" },
        "investment_experience_years": 3,
        "holdings": [{ "product": "fund-bond-c", "family": "fund", "balance": "5000000" }]
    }));
    assert!(
        e.not_recommended
            .iter()
            .all(|x| !matches!(x.rule, ExclusionRule::NotQualifiedInvestor))
    );
}

#[test]
fn offers_carry_their_disclosure_and_cooling_off() {
    let e = staff_explain(json!({
        "id": "p", "birth_date": "1980-01-01", "education": "master",
        "risk": { "level": "C3", "assessed_on": "2026-06-01" },
        "holdings": [{ "product": "demand-cny", "family": "deposit", "balance": "300000" }]
    }));
    for r in &e.recommendations {
        let needs = r.risk.is_some() || r.family == strata_core::profile::Family::Insurance;
        // Every rated product and insurance has one; others may (USD savings: exchange rates).
        assert!(!needs || r.disclosure.is_some(), "{}", r.product);
    }
    // A rated product with no disclosure anywhere fails validation, with its path.
    let mut v: serde_json::Value =
        serde_json::from_str(catalogs::json("cn-retail").unwrap()).unwrap();
    v["policy"]["disclosures"]
        .as_object_mut()
        .unwrap()
        .remove("fund");
    let errors = Engine::new(rulesets::cn_retail())
        .unwrap()
        .with_catalog(parse_catalog(&v.to_string()).unwrap())
        .unwrap_err();
    assert!(
        errors.0.iter().any(|e| e.path().ends_with(".disclosure")),
        "{errors}"
    );
}

#[test]
fn a_private_banking_client_is_offered_products_meant_for_the_tier() {
    let e = staff_explain(json!({
        "id": "pb", "birth_date": "1970-01-01", "education": "master",
        "risk": { "level": "C4", "assessed_on": "2026-06-01" },
        "holdings": [{ "product": "demand-cny", "family": "deposit", "balance": "11800000" }]
    }));
    assert_eq!(e.tier.id, "private_banking");
    let first = catalog_product(&e.recommendations[0].product);
    assert!(
        first.tiers.contains(&"private_banking".to_owned()),
        "{}",
        first.id
    );
    assert!(
        !e.recommendations
            .iter()
            .take(3)
            .any(|r| r.product == "savings-bond-3y")
    );
}
