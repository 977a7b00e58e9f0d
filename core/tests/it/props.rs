//! Invariants over random customers (native only).

use proptest::prelude::*;
use rust_decimal::Decimal;
use strata_core::profile::{Education, Family, Holding, Profile};
use strata_core::{Engine, Money, rulesets};

use crate::common::as_of;

/// Amounts spread over every order of magnitude the ladder cares about, in cents.
fn amount() -> impl Strategy<Value = Decimal> {
    (0u32..=9, 0u64..1_000_000_000)
        .prop_map(|(mag, n)| Decimal::new(i64::try_from(n % 10u64.pow(mag + 2)).unwrap(), 2))
}

fn customer() -> impl Strategy<Value = Profile> {
    (amount(), 1930i32..2020, 1u32..=12, 1u32..=28, 0usize..7).prop_map(|(aum, y, m, d, e)| {
        Profile {
            id: "p".into(),
            birth_date: chrono::NaiveDate::from_ymd_opt(y, m, d),
            education: Some(Education::ALL[e]),
            occupation: None,
            risk: None,
            holdings: vec![Holding {
                product: "demand".into(),
                family: Family::Deposit,
                balance: Money(aum),
                currency: None,
                maturity_date: None,
            }],
            external_assets: vec![],
            monthly: vec![],
            tier_history: None,
            manual_assignment: None,
            ..Default::default()
        }
    })
}

fn engine() -> Engine {
    Engine::new(rulesets::cn_retail()).unwrap()
}

/// A fresh engine from cn-retail's JSON text: two of them share no state (each has its own
/// hash seeds), so comparing their results can catch an order that depends on one.
fn engine_from_text() -> Engine {
    Engine::from_json(rulesets::json("cn-retail").expect("cn-retail ships")).unwrap()
}

proptest! {
    #[test]
    fn more_assets_never_give_a_lower_tier(p in customer(), extra in amount()) {
        let engine = engine();
        let before = engine.evaluate(&p, as_of()).unwrap();
        let mut richer = p.clone();
        richer.holdings[0].balance = Money(richer.holdings[0].balance.0 + extra);
        let after = engine.evaluate(&richer, as_of()).unwrap();
        prop_assert!(after.tier.rank <= before.tier.rank, "{} -> {}", before.tier.id, after.tier.id);
    }

    #[test]
    fn evaluation_is_deterministic(p in customer()) {
        let (a, b) = (engine_from_text(), engine_from_text());
        let (a, b) = (a.evaluate(&p, as_of()).unwrap(), b.evaluate(&p, as_of()).unwrap());
        // The JSON text too: it is what the faces read, and it keeps every order.
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
        prop_assert_eq!(a, b);
    }

    #[test]
    fn every_profile_lands_in_exactly_one_tier(p in customer()) {
        let e = engine().evaluate(&p, as_of()).unwrap();
        let matched: Vec<_> = e.ladder.iter().filter(|c| c.matched).collect();
        prop_assert_eq!(matched.len(), 1);
        prop_assert_eq!(&matched[0].tier, &e.qualified.id);
        prop_assert_eq!(&e.ladder.last().unwrap().tier, &e.qualified.id);
    }

    #[test]
    fn adding_the_gap_reaches_the_tier(p in customer()) {
        let engine = engine();
        let e = engine.evaluate(&p, as_of()).unwrap();
        for gap in e.above.iter().filter(|g| g.reachable) {
            let mut q = p.clone();
            let amount = gap.amount.expect("a reachable gap has an amount");
            q.holdings[0].balance = Money(q.holdings[0].balance.0 + amount.0);
            let after = engine.evaluate(&q, as_of()).unwrap();
            prop_assert!(after.tier.rank <= gap.tier.rank, "adding {:?} for {} gave {}", gap.amount, gap.tier.id, after.tier.id);
        }
    }
}

mod recommendations {
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use strata_core::catalog::{Catalog, RiskRating};
    use strata_core::profile::{Family, OfferHistory, RiskAssessment, RiskLevel};
    use strata_core::recommend::{ExclusionRule, Options};
    use strata_core::{Engine, Profile, catalogs, rulesets};

    use super::{amount, customer};
    use crate::common::as_of;

    fn engine_with(catalog: Catalog) -> Engine {
        Engine::new(rulesets::cn_retail())
            .unwrap()
            .with_catalog(catalog)
            .unwrap()
    }

    fn catalog() -> Catalog {
        catalogs::for_ruleset("cn-retail").unwrap()
    }

    /// A fresh engine and catalog from their JSON text, sharing nothing with another.
    fn engine_from_text() -> Engine {
        let catalog = catalogs::json("cn-retail").expect("cn-retail's catalog ships");
        super::engine_from_text()
            .with_catalog(strata_core::parse_catalog(catalog).unwrap())
            .unwrap()
    }

    /// A customer with a risk questionnaire of some level and age, and some products held.
    fn investor() -> impl Strategy<Value = Profile> {
        (
            customer(),
            0usize..5,
            0i64..800,
            proptest::option::of(0usize..10),
            proptest::collection::vec(0usize..60, 0..4),
        )
            .prop_map(|(mut p, level, days_ago, missing, held)| {
                let levels = [
                    RiskLevel::C1,
                    RiskLevel::C2,
                    RiskLevel::C3,
                    RiskLevel::C4,
                    RiskLevel::C5,
                ];
                if missing != Some(0) {
                    p.risk = Some(RiskAssessment {
                        level: levels[level],
                        assessed_on: as_of() - chrono::Days::new(days_ago as u64),
                    });
                }
                let products = catalog().products;
                for i in held {
                    let pr = &products[i % products.len()];
                    p.holdings.push(strata_core::profile::Holding {
                        product: pr.id.clone(),
                        family: pr.family,
                        balance: strata_core::Money::ZERO,
                        currency: None,
                        maturity_date: None,
                    });
                    p.offers.push(OfferHistory {
                        product: products[(i + 7) % products.len()].id.clone(),
                        shown: 5,
                        last_shown: Some(as_of()),
                        ..Default::default()
                    });
                }
                p
            })
    }

    /// An investor who may also declare assets elsewhere, have money coming in or going out,
    /// a manual tier and history: every input an offer's reasons and the staff fields read.
    fn any_customer() -> impl Strategy<Value = Profile> {
        (
            investor(),
            proptest::option::of(amount()),
            proptest::collection::vec((0u64..60, amount(), any::<bool>()), 0..3),
            any::<bool>(),
        )
            .prop_map(|(mut p, external, flows, manual)| {
                if let Some(e) = external {
                    p.external_assets.push(strata_core::profile::ExternalAsset {
                        institution: Some("another bank".into()),
                        family: None,
                        balance: strata_core::Money(e),
                        currency: None,
                    });
                }
                for (days, amount, inflow) in flows {
                    p.cash_flows.push(strata_core::profile::CashFlow {
                        date: as_of() - chrono::Days::new(days),
                        amount: strata_core::Money(if inflow { amount } else { -amount }),
                        kind: strata_core::profile::FlowKind::Transfer,
                    });
                }
                if manual {
                    p.manual_assignment = Some(strata_core::profile::ManualAssignment {
                        tier: "high_end".into(),
                        reason: "branch manager's call".into(),
                        expires: as_of() + chrono::Days::new(30),
                    });
                }
                let months = (1..=6).map(|m| strata_core::profile::MonthlyBalance {
                    month: strata_core::profile::Month {
                        year: 2026,
                        month: m,
                    },
                    avg_daily: [(
                        Family::Deposit,
                        strata_core::Money(Decimal::from(9_000_000 / m)),
                    )]
                    .into_iter()
                    .collect(),
                    fee_income: None,
                });
                p.monthly.extend(months);
                p
            })
    }

    /// Staff-only keys, by where they appear in an evaluation's JSON.
    fn staff_keys(e: &serde_json::Value) -> Vec<String> {
        let mut found = Vec::new();
        if e.get("value").is_some() {
            found.push("value".into());
        }
        if e["basis"].get("reason").is_some() {
            found.push("basis.reason".into());
        }
        for r in e["recommendations"].as_array().into_iter().flatten() {
            for k in ["score", "relevance", "value", "lever", "factors"] {
                if r.get(k).is_some() {
                    found.push(format!("recommendations[].{k}"));
                }
            }
        }
        for m in e["moments"].as_array().into_iter().flatten() {
            let t = m["type"].as_str().expect("a moment has a type");
            if matches!(t, "churn_risk" | "large_outflow") {
                found.push(format!("moments[].{t}"));
            }
        }
        found
    }

    proptest! {
        #[test]
        fn a_customer_result_carries_no_staff_field(p in any_customer()) {
            let engine = engine_with(catalog());
            let opts = Options { top_n: Some(50), explain: true, ..Options::default() };
            let customer = serde_json::to_value(engine.evaluate_with(&p, as_of(), &opts).unwrap()).unwrap();
            prop_assert_eq!(staff_keys(&customer), Vec::<String>::new());
            // And staff do get them, so the check above can fail.
            let staff = Options { audience: strata_core::recommend::Audience::Staff, ..opts };
            let all = serde_json::to_value(engine.evaluate_with(&p, as_of(), &staff).unwrap()).unwrap();
            prop_assert!(all.get("value").is_some());
        }

        #[test]
        fn no_lift_claim_without_the_means(p in any_customer()) {
            use strata_core::recommend::{LiftSource, Reason};
            let engine = engine_with(catalog());
            let e = engine.evaluate_with(&p, as_of(), &Options { top_n: Some(50), explain: false, ..Options::default() }).unwrap();
            let external: Decimal = p.external_assets.iter().map(|x| x.balance.0).sum();
            let inflow: Decimal = p.cash_flows.iter()
                .filter(|f| f.amount.0 > Decimal::ZERO && as_of() - f.date < chrono::TimeDelta::days(30))
                .map(|f| f.amount.0).sum();
            let aum: Decimal = p.holdings.iter().filter(|h| h.family.is_asset()).map(|h| h.balance.0).sum();
            let catalog = catalog();
            let mut claims = 0;
            for r in &e.recommendations {
                for reason in &r.reasons {
                    if let Reason::LiftsTier { amount, source, .. } = reason {
                        claims += 1;
                        let means = match source {
                            LiftSource::ExternalAssets => external,
                            LiftSource::RecentInflow => inflow,
                            LiftSource::TopUp => aum / Decimal::TEN,
                        };
                        prop_assert!(amount.0 <= means, "{}: {amount} beyond {means} ({source:?})", r.product);
                        let pr = catalog.products.iter().find(|x| x.id == r.product).unwrap();
                        prop_assert!(!matches!(pr.family, Family::Insurance | Family::Pension));
                        prop_assert!(pr.max_amount.is_none_or(|m| amount.0 <= m.0));
                    }
                }
            }
            prop_assert!(claims <= 1, "{claims} offers claim a lift");
        }

        #[test]
        fn no_exclusion_rule_is_overridden_by_score(p in any_customer(), pick in 0usize..100) {
            let opts = Options { top_n: Some(1000), explain: true, ..Options::default() };
            let mut catalog = catalog();
            catalog.policy.per_family = 1000;
            let e = engine_with(catalog.clone()).evaluate_with(&p, as_of(), &opts).unwrap();
            let hard: Vec<&str> = e.not_recommended.iter()
                .filter(|x| !matches!(x.rule, ExclusionRule::RankedOut { .. } | ExclusionRule::FamilyLimit | ExclusionRule::SwitchedOff))
                .map(|x| x.product.as_str())
                .collect();
            prop_assume!(!hard.is_empty());
            let id = hard[pick % hard.len()].to_owned();
            // The highest priority and weights a catalog may give: still excluded.
            let hundred = strata_core::Dec(Decimal::ONE_HUNDRED);
            catalog.products.iter_mut().find(|x| x.id == id).unwrap().priority = hundred;
            let w = &mut catalog.policy.weights;
            (w.next_tier, w.new_family, w.life_stage, w.bundle, w.external_assets) = (hundred, hundred, hundred, hundred, hundred);
            let e = engine_with(catalog).evaluate_with(&p, as_of(), &opts).unwrap();
            prop_assert!(!e.recommendations.iter().any(|r| r.product == id), "{id} got in by score");
        }
    }

    proptest! {
        #[test]
        fn no_recommendation_breaks_suitability_or_eligibility(p in investor()) {
            let engine = engine_with(catalog());
            let e = engine.evaluate_with(&p, as_of(), &Options { top_n: Some(50), explain: false, audience: strata_core::recommend::Audience::Staff }).unwrap();
            let valid = p.risk.as_ref().filter(|r| r.assessed_on + chrono::Months::new(12) > as_of()).map(|r| r.level);
            let catalog = catalog();
            for r in &e.recommendations {
                let pr = catalog.products.iter().find(|x| x.id == r.product).unwrap();
                if let Some(rating) = pr.risk {
                    if let Some(level) = valid {
                        prop_assert!(level as u8 >= rating as u8, "{} {rating:?} for {level:?}", r.product);
                    } else {
                        prop_assert_eq!(rating, RiskRating::R1, "{} without a valid questionnaire", &r.product);
                    }
                }
                prop_assert!(!p.holdings.iter().any(|h| h.product == r.product), "{} is held", r.product);
                prop_assert!(pr.tiers.is_empty() || pr.tiers.contains(&e.tier.id), "{} not for {}", r.product, e.tier.id);
                prop_assert!(!p.offers.iter().any(|o| o.product == r.product && o.shown >= 3), "{} is resting", r.product);
                // cn-retail's age policy: from 65 at most R3 and 36 months, from 75 R2 and 12;
                // under 18 no credit and no rated product without a guardian.
                let age = strata_core::metrics::age_on(p.birth_date.unwrap(), as_of());
                let (risk, term) = (pr.risk, pr.term_months.unwrap_or(0));
                if age >= 75 {
                    prop_assert!(risk.is_none_or(|x| x <= RiskRating::R2) && term <= 12, "{} at {age}", r.product);
                } else if age >= 65 {
                    prop_assert!(risk.is_none_or(|x| x <= RiskRating::R3) && term <= 36, "{} at {age}", r.product);
                } else if age < 18 {
                    prop_assert!(pr.family != Family::Loan && (risk.is_none() || p.guardian), "{} at {age}", r.product);
                }
            }
            if valid.is_none() {
                prop_assert!(e.moments.iter().any(|m| m.action == strata_core::moments::ActionCode::ReassessRisk));
            }
        }

        #[test]
        fn recommendations_are_deterministic(p in investor()) {
            let (a, b) = (engine_from_text(), engine_from_text());
            let opts = Options { top_n: None, explain: true, audience: strata_core::recommend::Audience::Staff };
            let (a, b) = (a.evaluate_with(&p, as_of(), &opts).unwrap(), b.evaluate_with(&p, as_of(), &opts).unwrap());
            prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
            prop_assert_eq!(a, b);
        }

        #[test]
        fn raising_priority_never_lowers_rank(p in investor(), pick in 0usize..100) {
            let mut catalog = catalog();
            catalog.policy.per_family = 1000;
            let opts = Options { top_n: Some(1000), explain: true, audience: strata_core::recommend::Audience::Staff };
            let ranks = |c: Catalog| -> Vec<String> {
                engine_with(c).evaluate_with(&p, as_of(), &opts).unwrap().recommendations.into_iter().map(|r| r.product).collect()
            };
            let before = ranks(catalog.clone());
            prop_assume!(!before.is_empty());
            let id = before[pick % before.len()].clone();
            let product = catalog.products.iter_mut().find(|x| x.id == id).unwrap();
            product.priority = strata_core::Dec(product.priority.0 * rust_decimal::Decimal::TWO);
            let after = ranks(catalog);
            let pos = |v: &[String]| v.iter().position(|x| *x == id).unwrap();
            prop_assert!(pos(&after) <= pos(&before), "{id}: {} -> {}", pos(&before), pos(&after));
        }
    }

    #[test]
    fn explain_lists_every_product_once() {
        let p = super::super::common::customer("300000", "1980-01-01", "bachelor");
        let e = engine_with(catalog())
            .evaluate_with(
                &p,
                as_of(),
                &Options {
                    top_n: None,
                    explain: true,
                    audience: strata_core::recommend::Audience::Staff,
                },
            )
            .unwrap();
        let mut ids: Vec<&str> = e
            .recommendations
            .iter()
            .map(|r| r.product.as_str())
            .chain(e.not_recommended.iter().map(|x| x.product.as_str()))
            .collect();
        ids.sort_unstable();
        let mut all: Vec<String> = catalog().products.into_iter().map(|p| p.id).collect();
        all.sort_unstable();
        prop_assert_eq_all(&ids, &all);
        // No questionnaire: only R1 investments, and the rest say why.
        assert!(
            e.not_recommended
                .iter()
                .any(|x| matches!(x.rule, ExclusionRule::RiskAssessmentDue { .. }))
        );
    }

    fn prop_assert_eq_all(a: &[&str], b: &[String]) {
        assert_eq!(a.len(), b.len());
        assert!(a.iter().zip(b).all(|(x, y)| x == y));
    }
}
