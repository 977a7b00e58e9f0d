//! CSV rows read straight into a portfolio's columns (`Layout::push`) against the long way
//! round (`Layout::read` into a profile, then `Portfolio::push`): the same rows load with the
//! same values and tier the same, on every shipped ruleset, over generated rows with good
//! and bad cells in every column.

use chrono::NaiveDate;
use proptest::prelude::*;
use strata_core::batch::{Portfolio, Row, TierOptions};
use strata_core::csv::{Layout, columns};
use strata_core::{Engine, rulesets};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Cells a warehouse export might hold for `column`, good and bad, often empty.
fn cell(column: &'static str, tiers: &'static [&'static str]) -> BoxedStrategy<String> {
    let pick = |v: Vec<&'static str>| prop::sample::select(v).prop_map(str::to_owned).boxed();
    let money = prop_oneof![
        3 => (0u64..100_000_000_000).prop_map(|c| format!("{}.{:02}", c / 100, c % 100)),
        1 => (0u64..3_000_000).prop_map(|c| c.to_string()),
        1 => pick(vec!["", "", "-5", "1.001", "abc", "0", "1e5", "1000000000000000"]),
    ]
    .boxed();
    let date = pick(vec![
        "",
        "1960-02-29",
        "1991-04-18",
        "2001-12-31",
        "2026-11-25",
        "2026-11-26",
        "2030-01-01",
        "1890-01-01",
        "2026-13-01",
        "yesterday",
    ]);
    match column {
        "id" => pick(vec!["c-1", "c 2", "\"c,3\"", "", " ", "\"a \"\"q\"\"\""]),
        "birth_date" | "risk_assessed_on" | "tier_since" | "below_since" | "manual_expires" => date,
        "education" => pick(vec![
            "",
            "bachelor",
            "master",
            "doctorate",
            "primary",
            "phd",
        ]),
        "risk_level" => pick(vec!["", "C1", "C3", "C5", "C9"]),
        "tier" | "manual_tier" => prop_oneof![
            3 => prop::sample::select(tiers.to_vec()).prop_map(str::to_owned),
            2 => Just(String::new()),
            1 => Just("retired_tier".to_owned()),
        ]
        .boxed(),
        "reviews_below" | "investment_experience_years" => {
            pick(vec!["", "", "0", "1", "3", "1001", "x"])
        }
        "guardian" => pick(vec!["", "true", "0", "yes"]),
        "occupation" | "manual_reason" => pick(vec!["", "teacher", "\"a, b\""]),
        _ => money,
    }
}

/// A cell that reads well for `column` (the manual group left empty).
fn good(column: &'static str, tiers: &'static [&'static str]) -> BoxedStrategy<String> {
    let pick = |v: Vec<&'static str>| prop::sample::select(v).prop_map(str::to_owned).boxed();
    match column {
        "id" => pick(vec!["c-1", "c 2", "\"c,3\""]),
        "birth_date" => pick(vec!["1960-02-29", "1991-04-18", "2001-12-31", "2026-11-25"]),
        "risk_assessed_on" | "tier_since" | "below_since" => {
            pick(vec!["2020-02-29", "2025-04-18", "2026-11-25"])
        }
        "education" => pick(vec!["bachelor", "master", "doctorate", "primary"]),
        "risk_level" => pick(vec!["C1", "C3", "C5"]),
        "tier" => prop::sample::select(tiers.to_vec())
            .prop_map(str::to_owned)
            .boxed(),
        "reviews_below" | "investment_experience_years" => pick(vec!["0", "1", "3"]),
        "guardian" => pick(vec!["true", "0"]),
        "occupation" => pick(vec!["", "teacher", "\"a, b\""]),
        "manual_tier" | "manual_expires" | "manual_reason" => Just(String::new()).boxed(),
        // The 6-month average at least half the 3-month one.
        "aum_avg_6m" => Just("150000.00".to_owned()).boxed(),
        "aum_avg_3m" => (0u64..30_000_000)
            .prop_map(|c| format!("{}.{:02}", c / 100, c % 100))
            .boxed(),
        _ => prop_oneof![
            2 => (0u64..100_000_000_000).prop_map(|c| format!("{}.{:02}", c / 100, c % 100)),
            1 => (0u64..3_000_000).prop_map(|c| c.to_string()),
            1 => Just(String::new()),
        ]
        .boxed(),
    }
}

/// A row of the full layout: half of them good in every cell, the others with a few cells
/// from anywhere (bad ones included).
fn line(tiers: &'static [&'static str]) -> impl Strategy<Value = String> {
    let goods: Vec<BoxedStrategy<String>> = columns().map(|c| good(c, tiers)).collect();
    let wild: Vec<BoxedStrategy<String>> = columns().map(|c| cell(c, tiers)).collect();
    let n = goods.len();
    (
        goods,
        wild,
        prop::collection::vec(0..n, 0..4),
        any::<bool>(),
    )
        .prop_map(|(mut good, wild, at, manual)| {
            for i in at {
                good[i].clone_from(&wild[i]);
            }
            let cols: Vec<&str> = columns().collect();
            if manual {
                let tier = cols.iter().position(|c| *c == "tier").unwrap_or(0);
                let manual = good[tier].clone();
                for (c, v) in cols.iter().zip(good.iter_mut()) {
                    match *c {
                        "manual_tier" => v.clone_from(&manual),
                        "manual_expires" => "2027-01-01".clone_into(v),
                        "manual_reason" => "vip".clone_into(v),
                        _ => {}
                    }
                }
            }
            good.join(",")
        })
}

fn tier_ids(id: &str) -> &'static [&'static str] {
    let rs = rulesets::builtin(id).unwrap();
    let ids: Vec<&'static str> = rs
        .tiers
        .iter()
        .map(|t| &*Box::leak(t.id.clone().into_boxed_str()))
        .collect();
    Box::leak(ids.into_boxed_slice())
}

/// Loads `lines` both ways, compares, and says how many rows loaded.
fn check(id: &str, lines: &[String]) -> Result<usize, TestCaseError> {
    let engine = Engine::new(rulesets::builtin(id).unwrap()).unwrap();
    let header: Vec<&str> = columns().collect();
    let layout = Layout::from_header(&header.join(",")).unwrap();
    let mut long = Portfolio::new(&engine, as_of()).unwrap();
    let mut short = Portfolio::new(&engine, as_of()).unwrap();
    let mut scratch = Row::default();
    for (i, line) in lines.iter().enumerate() {
        let row = i as u64 + 2;
        let via_profile = if let Ok(p) = layout.read(line, row, as_of()) {
            long.push(&engine, &p).is_ok()
        } else {
            long.push_rejected(&layout.id_of(line));
            false
        };
        let direct = layout.push(line, row, &engine, &mut short, &mut scratch);
        prop_assert_eq!(via_profile, direct.is_ok(), "{}: row {}: {}", id, row, line);
        if let Err(e) = direct {
            prop_assert!(e.0.iter().all(|e| e.row == row));
        }
    }
    prop_assert!(long == short, "{id}: the columns differ");
    let loaded = (0..long.len()).filter(|i| !long.is_rejected(*i)).count();
    let a = long.tier_all(&engine, TierOptions::default());
    let b = short.tier_all(&engine, TierOptions::default());
    prop_assert_eq!(a, b);
    Ok(loaded)
}

/// A shipped ruleset and rows for it.
fn case() -> impl Strategy<Value = (usize, Vec<String>)> {
    (0..rulesets::ALL.len()).prop_flat_map(|which| {
        let tiers = tier_ids(rulesets::ALL[which].0);
        (Just(which), prop::collection::vec(line(tiers), 1..40))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn csv_into_columns_equals_csv_into_profiles((which, lines) in case()) {
        let _ = check(rulesets::ALL[which].0, &lines)?;
    }
}

#[test]
fn good_rows_load_on_every_shipped_ruleset() {
    for (id, _) in rulesets::ALL {
        let engine = Engine::new(rulesets::builtin(id).unwrap()).unwrap();
        let tiers = tier_ids(id);
        let good = |c: &str| match c {
            "id" => "c-1".to_owned(),
            "birth_date" => "1991-04-18".to_owned(),
            "education" => "master".to_owned(),
            "risk_level" => "C3".to_owned(),
            "risk_assessed_on" | "tier_since" => "2026-06-01".to_owned(),
            "below_since" => "2026-09-01".to_owned(),
            "tier" => tiers[tiers.len() - 1].to_owned(),
            "reviews_below" | "investment_experience_years" => "1".to_owned(),
            "guardian" => "false".to_owned(),
            "occupation" | "manual_reason" | "manual_tier" | "manual_expires" => String::new(),
            "aum_avg_3m" => "120000".to_owned(),
            "aum_avg_6m" => "110000.50".to_owned(),
            _ => "1000.25".to_owned(),
        };
        let row: Vec<String> = columns().map(good).collect();
        let row = row.join(",");
        let layout = Layout::from_header(&columns().collect::<Vec<_>>().join(",")).unwrap();
        let mut p = Portfolio::new(&engine, as_of()).unwrap();
        let pushed = layout.push(&row, 2, &engine, &mut p, &mut Row::default());
        // A ruleset whose criteria read a declared input cannot tier a CSV customer.
        let needs_input = pushed.as_ref().err().is_some_and(|e| {
            e.0.iter().all(|e| {
                matches!(
                    e.problem,
                    strata_core::csv::CsvProblem::MissingMetric { .. }
                )
            })
        });
        assert!(pushed.is_ok() || needs_input, "{id}: {pushed:?}");
        assert_eq!(check(id, &[row]).unwrap(), usize::from(!needs_input));
    }
}

#[test]
fn most_generated_rows_load() {
    // The property test compares loaded rows, not only rejected ones.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut loaded = 0;
    for _ in 0..8 {
        let lines = prop::collection::vec(line(tier_ids("cn-retail")), 40)
            .new_tree(&mut runner)
            .unwrap();
        let lines = proptest::strategy::ValueTree::current(&lines);
        loaded += check("cn-retail", &lines).unwrap();
    }
    assert!(loaded > 8 * 40 / 4, "only {loaded} of 320 rows loaded");
}
