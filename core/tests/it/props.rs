//! Invariants over random customers (native only).

use proptest::prelude::*;
use rust_decimal::Decimal;
use strata_core::profile::{Education, Family, Holding, Profile};
use strata_core::{Dec, Engine, rulesets};

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
                balance: Dec(aum),
                maturity_date: None,
            }],
            external_assets: vec![],
            monthly: vec![],
            tier_history: None,
            manual_assignment: None,
            attributes: Default::default(),
        }
    })
}

fn engine() -> Engine {
    Engine::new(rulesets::cn_retail()).unwrap()
}

proptest! {
    #[test]
    fn more_assets_never_give_a_lower_tier(p in customer(), extra in amount()) {
        let engine = engine();
        let before = engine.evaluate(&p, as_of()).unwrap();
        let mut richer = p.clone();
        richer.holdings[0].balance = Dec(richer.holdings[0].balance.0 + extra);
        let after = engine.evaluate(&richer, as_of()).unwrap();
        prop_assert!(after.tier.rank <= before.tier.rank, "{} -> {}", before.tier.id, after.tier.id);
    }

    #[test]
    fn evaluation_is_deterministic(p in customer()) {
        let engine = engine();
        prop_assert_eq!(engine.evaluate(&p, as_of()).unwrap(), engine.evaluate(&p, as_of()).unwrap());
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
            q.holdings[0].balance = Dec(q.holdings[0].balance.0 + gap.amount.unwrap_or_default().0);
            let after = engine.evaluate(&q, as_of()).unwrap();
            prop_assert!(after.tier.rank <= gap.tier.rank, "adding {:?} for {} gave {}", gap.amount, gap.tier.id, after.tier.id);
        }
    }
}
