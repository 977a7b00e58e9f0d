//! The columnar batch path against per-customer `evaluate`: the same tier, qualified tier,
//! basis and nearest reachable target for every customer of generated portfolios, on every
//! shipped ruleset and on edited copies of them (thresholds moved, review policy changed).

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use serde_json::{Value, json};
use strata_core::batch::{NONE, Portfolio, Rule, TierOptions};
use strata_core::ruleset::{Criterion, Downgrade, DowngradeTo, Threshold};
use strata_core::{Dec, Engine, Profile, Ruleset, rulesets};

use crate::hostile::FAMILIES;

const AS_OF: [&str; 4] = ["2026-11-25", "2026-12-31", "2027-01-01", "2026-06-30"];
const CURRENCIES: [&str; 3] = ["CNY", "USD", "HKD"];
const INPUTS: [&str; 7] = [
    "head_office_strategic",
    "branch_strategic",
    "credit_line",
    "annual_revenue",
    "overdue_days",
    "reputation",
    "linked_customers",
];

/// An amount in cents across every magnitude a ladder cares about, written with the scale a
/// bank's file might use ("1200", "1200.5", "1200.50").
fn amount() -> impl Strategy<Value = String> {
    (0u32..=10, any::<u64>(), 0u8..3).prop_map(|(mag, n, style)| {
        let cents = n % 10u64.pow(mag + 2);
        let (whole, frac) = (cents / 100, cents % 100);
        match style {
            0 if frac == 0 => whole.to_string(),
            1 if frac % 10 == 0 => format!("{whole}.{}", frac / 10),
            _ => format!("{whole}.{frac:02}"),
        }
    })
}

fn family() -> impl Strategy<Value = &'static str> {
    prop::sample::select(FAMILIES.to_vec())
}

fn days_before(as_of: NaiveDate, days: i64) -> String {
    (as_of - Duration::days(days)).to_string()
}

/// A profile as JSON: holdings in several currencies, monthly history, tier history and
/// manual floors (ids of `tiers` and sometimes an unknown one), inputs, household.
fn profile(
    tiers: Vec<String>,
    currency: &'static str,
    as_of: NaiveDate,
) -> impl Strategy<Value = Value> {
    let mut tier_ids = tiers;
    tier_ids.push("retired_tier".into());
    let holdings = prop::collection::vec(
        (
            family(),
            amount(),
            prop::option::weighted(0.15, prop::sample::select(CURRENCIES.to_vec())),
        ),
        0..5,
    );
    let external = prop::collection::vec(
        (
            prop::option::of(prop::sample::select(vec![
                "deposit", "fund", "stock", "loan",
            ])),
            amount(),
        ),
        0..3,
    );
    let monthly = prop::collection::btree_map(
        -2i64..40,
        (
            prop::collection::btree_map(family(), amount(), 0..4),
            prop::option::of(amount()),
        ),
        0..8,
    );
    let history = prop::option::of((
        prop::sample::select(tier_ids.clone()),
        0i64..1500,
        0u32..5,
        prop::option::of(0i64..400),
    ));
    let manual = prop::option::weighted(0.2, (prop::sample::select(tier_ids), -200i64..200));
    let attributes = prop::collection::btree_map(
        prop::sample::select(INPUTS.to_vec()),
        (0u64..1_000_000_000, 0u8..3),
        0..5,
    );
    let person = (
        prop::option::weighted(0.95, 0i64..40_000),
        prop::option::weighted(0.95, 0usize..7),
        prop::collection::vec(amount(), 0..2),
        (1u32..=100_000, 1u32..=100_000),
    );
    (holdings, external, monthly, history, manual, attributes, person).prop_map(
        move |(holdings, external, monthly, history, manual, attributes, person)| {
            let (birth, education, household, (usd, hkd)) = person;
            let mut rates = serde_json::Map::new();
            for (code, r) in [("USD", usd), ("HKD", hkd)] {
                if code != currency {
                    rates.insert(code.into(), json!(format!("{}.{:04}", r / 10_000, r % 10_000)));
                }
            }
            let mut p = json!({
                "id": "c",
                "holdings": holdings.iter().enumerate().map(|(i, (f, a, c))| {
                    let mut h = json!({ "product": format!("p{i}"), "family": f, "balance": a });
                    if let Some(c) = c { h["currency"] = json!(c); }
                    h
                }).collect::<Vec<_>>(),
                "external_assets": external.iter().map(|(f, a)| {
                    let mut e = json!({ "balance": a });
                    if let Some(f) = f { e["family"] = json!(f); }
                    e
                }).collect::<Vec<_>>(),
                "monthly": monthly.iter().map(|(k, (avg, fee))| {
                    let month = strata_core::profile::Month::of(as_of);
                    let mut m = month;
                    let mut k = *k;
                    while k > 0 { m = m.prev(); k -= 1; }
                    if k < 0 { m = strata_core::profile::Month { year: month.year + 1, month: month.month }; }
                    let mut r = json!({ "month": m.to_string(), "avg_daily": avg });
                    if let Some(f) = fee { r["fee_income"] = json!(f); }
                    r
                }).collect::<Vec<_>>(),
                "household": household.iter().enumerate().map(|(i, a)| json!({ "id": format!("h{i}"), "aum": a })).collect::<Vec<_>>(),
                "fx_rates": rates,
                "attributes": attributes.iter().map(|(k, (v, style))| {
                    let v = match style { 0 => (v % 2).to_string(), 1 => (v % 100_000_000).to_string(), _ => format!("{}.{:02}", v / 100, v % 100) };
                    ((*k).to_owned(), json!(v))
                }).collect::<serde_json::Map<_, _>>(),
            });
            if let Some(days) = birth {
                p["birth_date"] = json!(days_before(as_of, days - 300));
            }
            if let Some(e) = education {
                let levels = ["primary", "junior_secondary", "senior_secondary", "college", "bachelor", "master", "doctorate"];
                p["education"] = json!(levels[e]);
            }
            if let Some((tier, since, reviews, below)) = history {
                let mut h = json!({ "tier": tier, "since": days_before(as_of, since), "reviews_below": reviews });
                if let Some(b) = below { h["below_since"] = json!(days_before(as_of, b)); }
                p["tier_history"] = h;
            }
            if let Some((tier, days)) = manual {
                p["manual_assignment"] = json!({ "tier": tier, "reason": "r", "expires": days_before(as_of, days) });
            }
            p
        },
    )
}

fn shipped(id: &str) -> Ruleset {
    rulesets::builtin(id).unwrap()
}

/// Moves every numeric threshold by a factor, rounded to cents.
fn scale(c: &mut Criterion, factor: rust_decimal::Decimal) {
    match c {
        Criterion::All { all } => all.iter_mut().for_each(|c| scale(c, factor)),
        Criterion::Any { any } => any.iter_mut().for_each(|c| scale(c, factor)),
        Criterion::Compare(cmp) => {
            if let Threshold::Number(Dec(v)) = &mut cmp.value {
                *v = (*v * factor).round_dp(2);
            }
        }
    }
}

/// An edited copy of a ruleset: thresholds moved, another downgrade policy.
fn edit(mut rs: Ruleset, factor: u32, policy: u8, to: bool, tenure: u32) -> Ruleset {
    let factor = rust_decimal::Decimal::new(i64::from(factor), 2);
    for t in &mut rs.tiers {
        if let Some(c) = &mut t.criteria {
            scale(c, factor);
        }
    }
    rs.review.downgrade = match policy % 3 {
        0 => Downgrade::Never,
        1 => Downgrade::AfterReviews {
            reviews: u32::from(policy % 4) + 1,
        },
        _ => Downgrade::Grace {
            months: u32::from(policy % 7) + 1,
        },
    };
    rs.review.downgrade_to = if to {
        DowngradeTo::OneDown
    } else {
        DowngradeTo::Qualified
    };
    rs.review.min_tenure_months = tenure;
    rs
}

/// Tiers `profiles` both ways and compares every row.
fn agree(
    load: &Engine,
    engine: &Engine,
    profiles: &[Value],
    as_of: NaiveDate,
) -> Result<(), TestCaseError> {
    let parsed: Vec<Profile> = profiles
        .iter()
        .map(|p| Profile::from_json(&p.to_string()).unwrap())
        .collect();
    let (mut portfolio, _) = Portfolio::from_profiles(load, as_of, &parsed).unwrap();
    // Tiered in two slices (columns filled as the slices go) on a fresh copy, then whole.
    let (mut sliced, _) = Portfolio::from_profiles(load, as_of, &parsed).unwrap();
    let half = parsed.len() / 2;
    let mut first = sliced
        .tier_rows(engine, TierOptions::default(), 0..half)
        .unwrap();
    let second = sliced
        .tier_rows(engine, TierOptions::default(), half..parsed.len())
        .unwrap();
    let columns = portfolio.tier_all(engine, TierOptions::default()).unwrap();
    first.tier.extend(second.tier);
    first.target_cents.extend(second.target_cents);
    prop_assert_eq!(&first.tier, &columns.tier);
    prop_assert_eq!(&first.target_cents, &columns.target_cents);
    for (i, p) in parsed.iter().enumerate() {
        let row = format!("row {i}: {}", profiles[i]);
        match engine.evaluate(p, as_of) {
            Ok(e) => {
                if portfolio.is_rejected(i) {
                    // Rejected under the ruleset the portfolio was loaded with; nothing to compare.
                    prop_assert!(!std::ptr::eq(load, engine), "{row}: rejected but evaluates");
                    continue;
                }
                prop_assert_eq!(usize::from(columns.tier[i]), e.tier.rank, "tier, {}", row);
                prop_assert_eq!(
                    usize::from(columns.qualified[i]),
                    e.qualified.rank,
                    "qualified, {}",
                    row
                );
                prop_assert_eq!(columns.rule[i], Rule::of(&e.basis) as u8, "rule, {}", row);
                let reach = e.reach.as_ref();
                // `reach` is the first reachable gap of `above`, when it has an amount.
                let near = e
                    .above
                    .iter()
                    .find(|g| g.reachable)
                    .filter(|g| g.amount.is_some());
                prop_assert_eq!(
                    reach.map(|r| r.tier.rank),
                    near.map(|g| g.tier.rank),
                    "reach, {}",
                    row
                );
                prop_assert_eq!(
                    columns.target[i],
                    reach.map_or(NONE, |r| r.tier.rank as u16),
                    "target, {}",
                    row
                );
                let cents = reach.map_or(strata_core::batch::NO_AMOUNT, |r| {
                    let c = r.amount.0 * rust_decimal::Decimal::ONE_HUNDRED;
                    i64::try_from(c.mantissa() / 10i128.pow(c.scale())).unwrap()
                });
                prop_assert_eq!(columns.target_cents[i], cents, "amount, {}", row);
            }
            Err(e) => {
                prop_assert_eq!(
                    columns.tier[i],
                    NONE,
                    "{}: evaluate refuses it ({})",
                    row,
                    e
                );
            }
        }
    }
    Ok(())
}

fn portfolio_of(id: &'static str) -> impl Strategy<Value = (Vec<Value>, NaiveDate)> {
    let rs = shipped(id);
    let tiers: Vec<String> = rs.tiers.iter().map(|t| t.id.clone()).collect();
    let currency: &'static str = CURRENCIES
        .iter()
        .find(|c| **c == rs.currency)
        .copied()
        .unwrap_or("CNY");
    prop::sample::select(AS_OF.to_vec()).prop_flat_map(move |d| {
        let as_of: NaiveDate = d.parse().unwrap();
        (
            prop::collection::vec(profile(tiers.clone(), currency, as_of), 1..24),
            Just(as_of),
        )
    })
}

const SHIPPED: [&str; 5] = [
    "cn-retail",
    "cn-retail-5k",
    "cn-star",
    "cn-corporate",
    "us-rewards",
];

#[test]
fn every_shipped_ruleset_is_tested() {
    let ids: Vec<&str> = rulesets::ALL.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, SHIPPED);
}

macro_rules! per_ruleset {
    ($($name:ident => $id:literal),* $(,)?) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(96))]
            $(
                #[test]
                fn $name(
                    (profiles, as_of) in portfolio_of($id),
                    factor in prop::sample::select(vec![50u32, 90, 100, 101, 150, 1000]),
                    policy in 0u8..12,
                    to in any::<bool>(),
                    tenure in prop::sample::select(vec![0u32, 3, 12]),
                ) {
                    let engine = Engine::new(shipped($id)).unwrap();
                    agree(&engine, &engine, &profiles, as_of)?;
                    if let Ok(edited) = Engine::new(edit(shipped($id), factor, policy, to, tenure)) {
                        agree(&engine, &edited, &profiles, as_of)?;
                    }
                }
            )*
        }
    };
}

per_ruleset! {
    columnar_equals_evaluate_cn_retail => "cn-retail",
    columnar_equals_evaluate_cn_retail_5k => "cn-retail-5k",
    columnar_equals_evaluate_cn_star => "cn-star",
    columnar_equals_evaluate_cn_corporate => "cn-corporate",
    columnar_equals_evaluate_us_rewards => "us-rewards",
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A portfolio loaded under one ruleset, tiered under another in its currency: rows the
    /// other ruleset cannot tier (unknown tier ids, missing inputs) are refused, as evaluate
    /// refuses them.
    #[test]
    fn columnar_equals_evaluate_across_rulesets(
        (profiles, as_of) in portfolio_of("cn-retail"),
        other in prop::sample::select(vec!["cn-retail-5k", "cn-star", "cn-corporate"]),
    ) {
        let load = Engine::new(shipped("cn-retail")).unwrap();
        let engine = Engine::new(shipped(other)).unwrap();
        agree(&load, &engine, &profiles, as_of)?;
    }
}
