//! Review policy: upgrades at once, downgrades deferred, grace, tenure, manual floors.

use serde_json::{Value, json};
use strata_core::evaluation::{Basis, ChangeReason, Evaluation};
use strata_core::profile::{ManualAssignment, TierHistory};
use strata_core::{Engine, Profile, rulesets};

use crate::common::{as_of, customer, date, retail};

fn with_review(review: Value) -> Engine {
    let mut v: Value = serde_json::from_str(rulesets::json("cn-retail").unwrap()).unwrap();
    v["review"] = review;
    Engine::from_json(&v.to_string()).unwrap()
}

/// A customer the bank holds at `tier`, who now has `aum`.
fn held(
    aum: &str,
    tier: &str,
    since: &str,
    reviews_below: u32,
    below_since: Option<&str>,
) -> Profile {
    let mut p = customer(aum, "1980-01-01", "bachelor");
    p.tier_history = Some(TierHistory {
        tier: tier.into(),
        since: date(since),
        reviews_below,
        below_since: below_since.map(date),
    });
    p
}

fn eval(engine: &Engine, p: &Profile) -> Evaluation {
    engine.evaluate(p, as_of()).unwrap()
}

#[test]
fn upgrades_are_immediate() {
    let e = eval(
        &retail(),
        &held("1200000", "mid_upper", "2024-01-01", 0, None),
    );
    assert_eq!(e.tier.id, "high_end");
    assert_eq!(e.basis, Basis::Qualified);
    let c = e.change.unwrap();
    assert_eq!(
        (c.from.as_str(), c.reason),
        ("mid_upper", ChangeReason::Upgrade)
    );
}

#[test]
fn one_bad_month_never_flips_a_customer_down() {
    // cn-retail: downgrade after 3 consecutive monthly reviews below the bar, one tier down.
    let e = eval(
        &retail(),
        &held("900000", "high_end", "2024-01-01", 0, None),
    );
    assert_eq!(e.tier.id, "high_end");
    assert_eq!(e.qualified.id, "mid_upper");
    assert_eq!(
        e.basis,
        Basis::DeferredDowngrade {
            reviews_below: 0,
            reviews_allowed: 3,
            downgrade_review: date("2027-01-31")
        }
    );
    assert!(e.change.is_none());
    let r = e.retention.unwrap();
    assert!(!r.on_track);
    assert_eq!(r.requirements[0].margin.to_string(), "-100000");
    // The tier is at stake at the third review below, not at the next one.
    assert_eq!(r.review_date, date("2027-01-31"));

    let e = eval(
        &retail(),
        &held("900000", "high_end", "2024-01-01", 2, None),
    );
    assert_eq!(e.tier.id, "high_end");
    assert!(
        matches!(e.basis, Basis::DeferredDowngrade { downgrade_review, .. } if downgrade_review == date("2026-11-30"))
    );
}

#[test]
fn downgrade_after_enough_reviews_goes_one_tier_down() {
    let e = eval(&retail(), &held("30000", "high_end", "2024-01-01", 3, None));
    assert_eq!(e.qualified.id, "ordinary");
    assert_eq!(e.tier.id, "mid_upper");
    assert_eq!(
        e.basis,
        Basis::StepDown {
            qualified: "ordinary".into()
        }
    );
    assert_eq!(e.change.unwrap().reason, ChangeReason::Downgrade);
}

#[test]
fn downgrade_straight_to_the_qualified_tier() {
    let engine = with_review(json!({
        "schedule": { "type": "monthly" },
        "downgrade": { "type": "after_reviews", "reviews": 1 },
        "downgrade_to": "qualified"
    }));
    let e = eval(&engine, &held("30000", "high_end", "2024-01-01", 1, None));
    assert_eq!(e.tier.id, "ordinary");
    assert_eq!(e.basis, Basis::Qualified);
}

#[test]
fn grace_period_then_expiry() {
    let engine = with_review(json!({
        "schedule": { "type": "monthly" },
        "downgrade": { "type": "grace", "months": 3 },
        "downgrade_to": "qualified"
    }));
    let e = eval(
        &engine,
        &held("900000", "high_end", "2024-01-01", 1, Some("2026-10-01")),
    );
    assert_eq!(e.tier.id, "high_end");
    assert_eq!(
        e.basis,
        Basis::Grace {
            until: date("2027-01-01")
        }
    );

    let e = eval(
        &engine,
        &held("900000", "high_end", "2024-01-01", 3, Some("2026-08-01")),
    );
    assert_eq!(e.tier.id, "mid_upper");
    assert_eq!(e.change.unwrap().reason, ChangeReason::GraceExpired);
}

#[test]
fn minimum_tenure_then_grace() {
    let engine = with_review(json!({
        "schedule": { "type": "monthly" },
        "downgrade": { "type": "grace", "months": 3 },
        "downgrade_to": "qualified",
        "min_tenure_months": 12
    }));
    let e = eval(
        &engine,
        &held("900000", "high_end", "2026-03-01", 0, Some("2026-06-01")),
    );
    assert_eq!(
        e.basis,
        Basis::MinimumTenure {
            until: date("2027-03-01")
        }
    );
    // Tenure ended 2026-09-01; the grace runs from then, not from when the balance fell.
    let e = eval(
        &engine,
        &held("900000", "high_end", "2025-09-01", 0, Some("2026-06-01")),
    );
    assert_eq!(
        e.basis,
        Basis::Grace {
            until: date("2026-12-01")
        }
    );
}

#[test]
fn never_downgrade() {
    let engine =
        with_review(json!({ "schedule": { "type": "monthly" }, "downgrade": { "type": "never" } }));
    let e = eval(
        &engine,
        &held("0", "private_banking", "2020-01-01", 40, None),
    );
    assert_eq!(e.tier.id, "private_banking");
    assert_eq!(e.basis, Basis::NeverDowngraded);
}

#[test]
fn fixed_rating_dates() {
    let engine = with_review(json!({
        "schedule": { "type": "dates", "dates": ["06-30", "12-31"] },
        "downgrade": { "type": "after_reviews", "reviews": 2 }
    }));
    let e = eval(&engine, &held("900000", "high_end", "2024-01-01", 0, None));
    assert!(
        matches!(e.basis, Basis::DeferredDowngrade { downgrade_review, .. } if downgrade_review == date("2027-06-30"))
    );
    assert_eq!(e.retention.unwrap().review_date, date("2027-06-30"));
}

#[test]
fn manual_assignment_is_a_floor_until_it_expires() {
    let mut p = customer("80000", "1980-01-01", "bachelor");
    p.manual_assignment = Some(ManualAssignment {
        tier: "high_end".into(),
        reason: "founder of a key payroll client".into(),
        expires: date("2027-01-01"),
    });
    let e = eval(&retail(), &p);
    assert_eq!(e.tier.id, "high_end");
    assert_eq!(e.qualified.id, "mid_lower");
    // The manager's reason is for staff; the customer's result carries only the date.
    assert_eq!(
        e.basis,
        Basis::ManualFloor {
            until: date("2027-01-01"),
            reason: None
        }
    );
    let staff = strata_core::recommend::Options {
        audience: strata_core::recommend::Audience::Staff,
        ..Default::default()
    };
    assert_eq!(
        retail().evaluate_with(&p, as_of(), &staff).unwrap().basis,
        Basis::ManualFloor {
            until: date("2027-01-01"),
            reason: Some("founder of a key payroll client".into())
        }
    );

    // A floor below the earned tier changes nothing.
    let mut rich = p.clone();
    rich.holdings[0].balance = "20000000".parse().unwrap();
    assert_eq!(eval(&retail(), &rich).tier.id, "private_banking");

    // Expired: ignored, with a warning.
    let mut old = p;
    old.manual_assignment.as_mut().unwrap().expires = date("2026-11-25");
    let e = eval(&retail(), &old);
    assert_eq!(e.tier.id, "mid_lower");
    assert!(
        e.warnings
            .contains(&strata_core::evaluation::Warning::ManualExpired {
                expired: date("2026-11-25")
            })
    );
}

/// The retention's date is the one that decides the tier, whatever the review policy.
#[test]
fn one_date_decides_the_tier() {
    let at_stake = |engine: &Engine, p: &Profile| {
        let e = eval(engine, p);
        let r = e.retention.expect("retention");
        (
            e.basis,
            r.review_date,
            r.amount_to_keep.map(|a| a.to_string()),
        )
    };
    // On track: the next review, nothing to keep.
    let (basis, d, keep) = at_stake(
        &retail(),
        &held("1500000", "high_end", "2024-01-01", 0, None),
    );
    assert_eq!(
        (basis, d, keep),
        (Basis::Qualified, date("2026-11-30"), None)
    );

    // Deferred: the review at which the downgrade happens, the same date the basis names.
    for below in 0..3 {
        let (basis, d, keep) = at_stake(
            &retail(),
            &held("900000", "high_end", "2024-01-01", below, None),
        );
        let Basis::DeferredDowngrade {
            downgrade_review, ..
        } = basis
        else {
            panic!("deferred expected, got {basis:?}");
        };
        assert_eq!(d, downgrade_review);
        assert_eq!(keep.as_deref(), Some("100000"));
    }

    // Grace: the day it ends.
    let grace = with_review(json!({
        "schedule": { "type": "monthly" },
        "downgrade": { "type": "grace", "months": 3 },
        "downgrade_to": "qualified"
    }));
    let (_, d, _) = at_stake(
        &grace,
        &held("900000", "high_end", "2024-01-01", 1, Some("2026-10-01")),
    );
    assert_eq!(d, date("2027-01-01"));

    // Minimum tenure, then grace: tenure ends 2027-03-01, the grace runs three months on.
    let tenure_grace = with_review(json!({
        "schedule": { "type": "monthly" },
        "downgrade": { "type": "grace", "months": 3 },
        "min_tenure_months": 12
    }));
    let (basis, d, _) = at_stake(
        &tenure_grace,
        &held("900000", "high_end", "2026-03-01", 0, Some("2026-06-01")),
    );
    assert_eq!(
        basis,
        Basis::MinimumTenure {
            until: date("2027-03-01")
        }
    );
    assert_eq!(d, date("2027-06-01"));

    // Minimum tenure, then reviews: the later of the tenure's end and the last review allowed.
    let tenure_reviews = |months: u32| {
        with_review(json!({
            "schedule": { "type": "monthly" },
            "downgrade": { "type": "after_reviews", "reviews": 3 },
            "min_tenure_months": months
        }))
    };
    // Tenure to 2027-03-01, after the third review below (2027-01-31): at stake on its end.
    let (_, d, _) = at_stake(
        &tenure_reviews(12),
        &held("900000", "high_end", "2026-03-01", 0, None),
    );
    assert_eq!(d, date("2027-03-01"));
    // Tenure to 2026-12-01, before the third review below: at stake at that review.
    let (_, d, _) = at_stake(
        &tenure_reviews(12),
        &held("900000", "high_end", "2025-12-01", 0, None),
    );
    assert_eq!(d, date("2027-01-31"));

    // A manager's floor: the day it lapses.
    let mut p = customer("80000", "1980-01-01", "bachelor");
    p.manual_assignment = Some(ManualAssignment {
        tier: "high_end".into(),
        reason: "payroll client".into(),
        expires: date("2027-02-15"),
    });
    let (_, d, _) = at_stake(&retail(), &p);
    assert_eq!(d, date("2027-02-15"));

    // Never downgraded: nothing at stake, nothing to keep, no downgrade-risk moment.
    let never =
        with_review(json!({ "schedule": { "type": "monthly" }, "downgrade": { "type": "never" } }));
    let p = held("900000", "high_end", "2024-01-01", 5, None);
    let e = eval(&never, &p);
    assert_eq!(e.basis, Basis::NeverDowngraded);
    let r = e.retention.expect("retention");
    assert!(!r.on_track);
    assert_eq!(r.amount_to_keep, None);
    assert!(!e.moments.iter().any(|m| matches!(
        m.kind,
        strata_core::moments::MomentKind::DowngradeRisk { .. }
    )));
}

/// The downgrade-risk moment names the same date as the retention.
#[test]
fn the_downgrade_moment_names_the_deciding_date() {
    let e = eval(
        &retail(),
        &held("990000", "high_end", "2024-01-01", 1, None),
    );
    let r = e.retention.as_ref().expect("retention");
    let dates: Vec<_> = e
        .moments
        .iter()
        .filter_map(|m| match &m.kind {
            strata_core::moments::MomentKind::DowngradeRisk { review_date, .. } => {
                Some(*review_date)
            }
            _ => None,
        })
        .collect();
    assert_eq!(dates, vec![r.review_date]);
    assert_eq!(r.review_date, date("2026-12-31"));
}
