//! What the studio asks core: the yearly cost of a benefit, a synthetic portfolio that is the
//! same for the same seed, and the comparison of two rulesets over one portfolio.

use chrono::NaiveDate;
use serde_json::Value;
use strata_core::batch::{
    Migration, Portfolio, Synthetic, TierOptions, cell_rows, histogram, histogram_add, migration,
    yearly_cost_cents,
};
use strata_core::ruleset::{Criterion, Threshold};
use strata_core::{Dec, Engine, Ruleset, rulesets};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn with_cost(cost: &str) -> Result<Ruleset, strata_core::RulesetErrors> {
    let mut v: Value = serde_json::to_value(rulesets::cn_retail()).unwrap();
    v["tiers"][0]["benefits"]["extra_services"][0]["annual_cost"] = Value::String(cost.into());
    let rs = strata_core::parse_ruleset(&v.to_string())?;
    Engine::new(rs.clone())?;
    Ok(rs)
}

#[test]
fn a_benefit_may_say_what_it_costs_a_year() {
    let rs = with_cost("1200.50").unwrap();
    let b = &rs.tiers[0].benefits.extra_services[0];
    assert_eq!(b.annual_cost.map(|c| c.to_string()), Some("1200.5".into()));
    assert_eq!(yearly_cost_cents(&rs, 0), Some(120_050));
    // No cost given anywhere else.
    assert_eq!(yearly_cost_cents(&rs, 5), None);
    let errors = with_cost("-1").unwrap_err();
    assert!(
        errors
            .0
            .iter()
            .any(|e| format!("{e:?}").contains("annual_cost")),
        "{errors:?}"
    );
    assert!(with_cost("1.001").is_err());
}

#[test]
fn the_synthetic_portfolio_is_the_same_for_a_seed() {
    let a: Vec<_> = (0..50)
        .map({
            let mut g = Synthetic::new(7);
            move |_| g.row(as_of())
        })
        .collect();
    let mut g = Synthetic::new(7);
    let b: Vec<_> = (0..50).map(|_| g.row(as_of())).collect();
    assert_eq!(a, b);
    let mut h = Synthetic::new(8);
    assert_ne!(h.row(as_of()), a[0]);
}

#[test]
fn the_comparison_counts_every_move() {
    let current = Engine::new(rulesets::cn_retail()).unwrap();
    let mut edited = rulesets::cn_retail();
    if let Some(Criterion::Compare(c)) = &mut edited.tiers[2].criteria {
        c.value = Threshold::Number(Dec(250_000.into()));
    }
    let candidate = Engine::new(edited.clone()).unwrap();
    let mut book = Portfolio::new(&current, as_of()).unwrap();
    Synthetic::new(1).fill(&mut book, 20_000).unwrap();
    let now = book.tier_all(&current, TierOptions::default()).unwrap();
    let then = book.tier_all(&candidate, TierOptions::default()).unwrap();
    let moves = migration((current.ruleset(), &now), (&edited, &then), book.assets());
    assert_eq!(moves.customers.iter().sum::<u64>(), 20_000);
    // Raising mid-upper's bar only moves customers down, from mid-upper to mid-lower.
    assert_eq!(moves.upgrades, 0);
    assert!(moves.downgrades > 0);
    assert_eq!(moves.customers[moves.cell(2, 3)], moves.downgrades);
    let rows = cell_rows(&now, &then, 2, 3);
    assert_eq!(rows.len() as u64, moves.downgrades);
    for r in rows {
        let aum = book.assets()[r];
        assert!((20_000_000..25_000_000).contains(&aum), "{aum}");
    }
    // Near the moved bar: customers with 237,500 ≤ aum < 250,000.
    let near = book.near_thresholds(&candidate, 5);
    let near_bar = near.iter().find(|t| t.tier == 2).unwrap();
    let expected = book
        .assets()
        .iter()
        .filter(|aum| (23_750_000..25_000_000).contains(*aum))
        .count() as u64;
    assert_eq!(near_bar.customers, expected);
    let hist = histogram(&then, 6, book.assets(), &[5_000_000, 25_000_000]);
    assert_eq!(hist.iter().sum::<u64>(), 20_000);
    // Mid-upper under the candidate has nobody below 250,000.
    assert_eq!(hist[2 * 3..2 * 3 + 2], [0, 0]);
}

#[test]
fn slices_of_the_comparison_add_up_to_the_whole() {
    let current = Engine::new(rulesets::cn_retail()).unwrap();
    let mut edited = rulesets::cn_retail();
    if let Some(Criterion::Compare(c)) = &mut edited.tiers[2].criteria {
        c.value = Threshold::Number(Dec(230_000.into()));
    }
    let candidate = Engine::new(edited.clone()).unwrap();
    let mut book = Portfolio::new(&current, as_of()).unwrap();
    Synthetic::new(3).fill(&mut book, 10_007).unwrap();
    let now = book.tier_all(&current, TierOptions::default()).unwrap();
    let then = book.tier_all(&candidate, TierOptions::default()).unwrap();
    let whole = migration((current.ruleset(), &now), (&edited, &then), book.assets());
    let near_whole = book.near_thresholds(&candidate, 5);
    let edges = [5_000_000, 25_000_000, 100_000_000];
    let hist_whole = histogram(&then, 6, book.assets(), &edges);
    // A fresh portfolio, so the metric columns are filled slice by slice too.
    let mut sliced = Portfolio::new(&current, as_of()).unwrap();
    Synthetic::new(3).fill(&mut sliced, 10_007).unwrap();
    let mut m = Migration::new(current.ruleset(), &edited);
    let mut near = near_whole.clone();
    for n in &mut near {
        n.customers = 0;
    }
    let mut hist = vec![0; hist_whole.len()];
    // Past the end is clamped, never a panic.
    for start in (0..12_000).step_by(1_000) {
        let rows = start..start + 1_000;
        m.add_rows(&now, &then, sliced.assets(), rows.clone());
        for (n, part) in near
            .iter_mut()
            .zip(sliced.near_thresholds_in(&candidate, 5, rows.clone()))
        {
            assert_eq!(
                (n.tier, &n.metric, n.value),
                (part.tier, &part.metric, part.value)
            );
            n.customers += part.customers;
        }
        histogram_add(&mut hist, &then, sliced.assets(), &edges, rows);
    }
    assert_eq!(m, whole);
    assert_eq!(near, near_whole);
    assert_eq!(hist, hist_whole);
}
