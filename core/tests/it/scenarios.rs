//! What the faces ask of core: scenarios and their slider marks, benefit diffs, the nearest
//! reachable tier, probes, metric descriptions and engine assembly. Run over every fixture
//! case and every demo persona, on each shipped ruleset.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use strata_core::benefits;
use strata_core::probes::AxisKind;
use strata_core::profile::Education;
use strata_core::recommend::Options;
use strata_core::scenario::{Scenario, ScenarioKind};
use strata_core::{
    CatalogChoice, Document, Engine, Money, Profile, catalogs, parse_catalog, rulesets,
};

use crate::fixtures::Case;

/// `(ruleset id, as-of, profile)` of every fixture case and every demo persona.
fn profiles() -> Vec<(String, NaiveDate, Profile)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let cases = root.join("tests/fixtures/cases");
    for e in fs::read_dir(&cases).unwrap() {
        let path = e.unwrap().path();
        let case: Case = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let profile = Profile::from_json(&case.profile.to_string()).unwrap();
        out.push((case.ruleset, case.as_of, profile));
    }
    // The app's demo personas (cn-retail), wherever the UI crates keep them.
    let demo = ["../web/demo", "../web/app/demo"]
        .iter()
        .map(|d| root.join(d))
        .find(|d| d.is_dir())
        .expect("the demo personas' folder");
    for e in fs::read_dir(demo).unwrap() {
        let path = e.unwrap().path();
        let v: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let anchor: NaiveDate = v["anchor"].as_str().unwrap().parse().unwrap();
        let profile = Profile::from_json(&v["profile"].to_string()).unwrap();
        out.push(("cn-retail".to_owned(), anchor, profile));
    }
    assert!(out.len() > 40, "fixtures and personas are found");
    out
}

fn engine(id: &str) -> Engine {
    Engine::assemble(rulesets::builtin(id).unwrap(), CatalogChoice::Shipped).unwrap()
}

fn money(s: &str) -> Money {
    Money(s.parse().unwrap())
}

#[test]
fn moving_up_a_ladder_never_loses_a_benefit() {
    // cn-corporate's tiers are segments with services of their own (an SME's online lending
    // is not part of a key-credit customer's package), so a move there may lose a kind.
    for id in ["cn-retail", "cn-retail-5k", "cn-star", "us-rewards"] {
        let rs = rulesets::builtin(id).unwrap();
        for low in 0..rs.tiers.len() {
            for high in 0..low {
                let d = benefits::diff(&rs, low, high);
                let what = format!("{id}: {} → {}", rs.tiers[low].id, rs.tiers[high].id);
                assert!(d.lost.is_empty(), "{what} loses {:?}", d.lost);
                assert!(
                    d.downgraded.is_empty(),
                    "{what} downgrades {:?}",
                    d.downgraded
                );
                assert!(!d.is_unchanged(), "{what} changes nothing");
            }
        }
    }
}

#[test]
fn a_gold_debit_card_is_an_upgrade_and_a_student_keeps_her_loan() {
    let rs = rulesets::cn_retail();
    let at = |id: &str| rs.tiers.iter().position(|t| t.id == id).unwrap();
    let d = benefits::diff(&rs, at("mid_lower"), at("mid_upper"));
    assert!(d.lost.is_empty());
    assert!(d.kept.iter().any(|b| b.kind == "debit_card"));
    let d = benefits::diff(&rs, at("potential"), at("mid_lower"));
    let loans = d.upgraded.iter().find(|u| u.to.kind == "loans").unwrap();
    assert_eq!(loans.from.text.get("en"), "Student loans");
    let card = d
        .upgraded
        .iter()
        .find(|u| u.to.kind == "signature_card")
        .unwrap();
    assert_eq!(card.to.text.get("en"), "Gold debit card");
    // Down the ladder the same kinds are downgrades, never gains.
    let d = benefits::diff(&rs, at("mid_upper"), at("mid_lower"));
    assert!(d.gained.is_empty());
    assert!(!d.downgraded.is_empty());
}

#[test]
fn cumulative_ladders_keep_what_the_tiers_below_bring() {
    let rs = rulesets::builtin("us-rewards").unwrap();
    let gold = rs.tiers.iter().position(|t| t.id == "gold").unwrap();
    let all = benefits::of_tier(&rs, gold);
    // Gold lists rewards and rate discounts; checking and accounts come from Member below.
    assert!(all.iter().any(|b| b.kind == "checking"));
    assert!(all.iter().any(|b| b.kind == "card_rewards" && b.level == 1));
}

#[test]
fn every_mark_is_the_least_amount_that_reaches_its_tier() {
    let opts = Options::default();
    let cent = Money(Decimal::new(1, 2));
    for (id, as_of, p) in profiles() {
        let engine = engine(&id);
        let today = engine.evaluate(&p, as_of).unwrap();
        for kind in [ScenarioKind::Add, ScenarioKind::Move, ScenarioKind::Keep] {
            let range = engine.scenario_range(&p, as_of, kind).unwrap();
            assert!(
                range.start.0 <= range.max.0 || kind == ScenarioKind::Keep,
                "{id} {kind:?}"
            );
            for m in &range.marks {
                let what = format!("{id} {} {kind:?} → {}", p.id, m.tier.id);
                assert!(
                    m.amount.0 <= range.max.0 || kind == ScenarioKind::Keep,
                    "{what}"
                );
                let at = engine
                    .what_if(&p, as_of, &Scenario::new(kind, Money(m.amount.0)), &opts)
                    .unwrap();
                assert!(at.after.rank <= m.tier.rank, "{what}: the mark reaches");
                if m.amount.0 > Decimal::ZERO {
                    let below = Money(m.amount.0 - cent.0);
                    let short = engine
                        .what_if(&p, as_of, &Scenario::new(kind, below), &opts)
                        .unwrap();
                    assert!(
                        short.after.rank > m.tier.rank,
                        "{what}: a cent less does not"
                    );
                }
            }
            if kind == ScenarioKind::Add
                && let Some(first) = range.marks.iter().max_by_key(|m| m.tier.rank)
            {
                assert_eq!(
                    range.start, first.amount,
                    "{id} {}: starts at the gap",
                    p.id
                );
            }
        }
        // The engine's nearest reachable tier is the add slider's nearest mark when money
        // here closes it today (an average needs months, so adding today may not).
        if let Some(reach) = &today.reach {
            let range = engine.scenario_range(&p, as_of, ScenarioKind::Add).unwrap();
            if let Some(m) = range.marks.iter().find(|m| m.tier.id == reach.tier.id) {
                assert!(
                    m.amount.0 >= reach.amount.0 || id != "cn-retail",
                    "{}",
                    p.id
                );
            }
            assert!(reach.progress.0 >= Decimal::ZERO && reach.progress.0 <= Decimal::ONE);
        }
    }
}

#[test]
fn adding_the_gap_lifts_li_wei_and_says_what_she_gains() {
    let engine = engine("cn-retail");
    let (_, as_of, li) = profiles()
        .into_iter()
        .find(|(_, _, p)| p.id.contains("li-wei"))
        .unwrap();
    let e = engine.evaluate(&li, as_of).unwrap();
    let reach = e.reach.unwrap();
    assert_eq!(reach.tier.id, "mid_upper");
    let s = Scenario::new(ScenarioKind::Add, Money(reach.amount.0));
    let out = engine.what_if(&li, as_of, &s, &Options::default()).unwrap();
    assert_eq!(out.before.id, "mid_lower");
    assert_eq!(out.after.id, "mid_upper");
    assert!(out.benefits.lost.is_empty());
    assert!(!out.benefits.upgraded.is_empty());
    // Moving is capped at what is declared elsewhere.
    let s = Scenario::new(ScenarioKind::Move, money("99999999"));
    let out = engine.what_if(&li, as_of, &s, &Options::default()).unwrap();
    let declared: Decimal = li.external_assets.iter().map(|a| a.balance.0).sum();
    assert_eq!(out.scenario.amount().0, declared);
}

#[test]
fn keeping_too_little_for_months_downgrades_a_deferred_customer() {
    let engine = engine("cn-retail");
    let (_, as_of, zhou) = profiles()
        .into_iter()
        .find(|(_, _, p)| p.id.contains("zhou-tao"))
        .unwrap();
    let now = engine.evaluate(&zhou, as_of).unwrap();
    assert_eq!(now.tier.id, "high_end");
    let keep = |a: &str| {
        engine
            .what_if(
                &zhou,
                as_of,
                &Scenario::new(ScenarioKind::Keep, money(a)),
                &Options::default(),
            )
            .unwrap()
    };
    let aum = now
        .metrics
        .iter()
        .find(|m| m.metric == "aum")
        .unwrap()
        .value
        .0;
    let low = keep(&aum.to_string());
    assert_eq!(low.after.id, "mid_upper");
    assert!(low.as_of > as_of);
    assert!(low.benefits.gained.is_empty() && !low.benefits.downgraded.is_empty());
    assert_eq!(keep("1000000").after.id, "high_end");
    // The keep slider marks what keeps the tier.
    let range = engine
        .scenario_range(&zhou, as_of, ScenarioKind::Keep)
        .unwrap();
    let mark = range
        .marks
        .iter()
        .find(|m| m.tier.id == "high_end")
        .unwrap();
    assert_eq!(mark.amount.0, Decimal::from(1_000_000));
    // cn-retail rates today's assets: the keep sentence names no average.
    assert_eq!(range.months, None);
}

#[test]
fn a_range_names_the_months_its_tiers_average_over() {
    for (id, as_of, p) in profiles() {
        let months = match id.as_str() {
            "us-rewards" => Some(3),
            "cn-retail" | "cn-retail-5k" => None,
            _ => continue,
        };
        let range = engine(&id)
            .scenario_range(&p, as_of, ScenarioKind::Keep)
            .unwrap();
        assert_eq!(range.months, months, "{id} {}", p.id);
    }
}

#[test]
fn a_scenario_refuses_a_negative_or_huge_amount() {
    let engine = engine("cn-retail");
    let (_, as_of, p) = profiles().into_iter().next().unwrap();
    for a in ["-1", "10000000000000.01"] {
        let s = Scenario::new(ScenarioKind::Add, money(a));
        let e = engine.what_if(&p, as_of, &s, &Options::default());
        let errs = e.expect_err("refused");
        assert_eq!(errs.0[0].path(), "scenario.amount");
    }
}

#[test]
fn probes_give_the_ladders_cut_points() {
    let engine = engine("cn-retail");
    let axes = engine.probes();
    let assets = axes.iter().find(|a| a.kind == AxisKind::Assets).unwrap();
    let cuts: Vec<String> = assets.cuts.iter().map(ToString::to_string).collect();
    for c in ["50000", "200000", "1000000", "10000000"] {
        assert!(cuts.iter().any(|x| x == c), "{c} in {cuts:?}");
    }
    let age = axes.iter().find(|a| a.kind == AxisKind::Age).unwrap();
    // `age >= 16` and `age <= 28` cut at 16 and 29.
    let age_cuts: Vec<String> = age.cuts.iter().map(ToString::to_string).collect();
    assert_eq!(age_cuts, ["16", "29"]);
    assert!(axes.iter().any(|a| a.kind == AxisKind::Education));
}

#[test]
fn every_metric_of_every_ruleset_is_described() {
    for (id, _) in rulesets::ALL {
        let engine = engine(id);
        let rs = engine.ruleset();
        for m in engine.metric_infos() {
            for locale in &rs.locales {
                let label = m.label.get(locale);
                assert!(
                    !label.is_empty() && label != m.id,
                    "{id}: {} in {locale}",
                    m.id
                );
            }
            if m.unit == strata_core::ruleset::Unit::Money {
                assert_eq!(
                    m.currency.as_deref(),
                    Some(rs.currency.as_str()),
                    "{id} {}",
                    m.id
                );
            }
        }
    }
    let us = engine("us-rewards");
    let avg = us.metric_info("aum_avg_3m").unwrap();
    assert_eq!(avg.currency.as_deref(), Some("USD"));
    assert_eq!(avg.months, Some(3));
}

#[test]
fn an_engine_is_assembled_one_way_with_the_catalog_named() {
    assert!(engine("cn-retail").catalog().is_some());
    assert!(engine("cn-retail-5k").catalog().is_some());
    assert!(engine("cn-star").catalog().is_none());
    let none = Engine::assemble(rulesets::cn_retail(), CatalogChoice::None).unwrap();
    assert!(none.catalog().is_none());
    // A catalog for another ruleset's tiers is the catalog's fault, said so.
    let mut catalog = catalogs::for_ruleset("cn-retail").unwrap();
    "cn-star".clone_into(&mut catalog.ruleset);
    let star = rulesets::builtin("cn-star").unwrap();
    let err = Engine::assemble(star, CatalogChoice::Given(Box::new(catalog))).unwrap_err();
    assert_eq!(err.document, Document::Catalog);
    let err = Engine::assemble_json("{}", None).unwrap_err();
    assert_eq!(err.document, Document::Ruleset);
    let err = Engine::assemble_json(rulesets::ALL[0].1, Some("[]")).unwrap_err();
    assert_eq!(err.document, Document::Catalog);
    assert!(parse_catalog("[]").is_err());
}

#[test]
fn the_shipped_catalog_added_later_gives_the_same_answers() {
    // The customer app draws the tier card from an engine without its catalog, then adds
    // the shipped one: the tier is the same either way, and with the catalog added the
    // whole evaluation (offers included) is what assembling with it gives.
    for (id, as_of, profile) in profiles() {
        let shipped = engine(&id);
        let bare = Engine::assemble(rulesets::builtin(&id).unwrap(), CatalogChoice::None).unwrap();
        let first = bare.evaluate(&profile, as_of).unwrap();
        let later = bare.with_shipped_catalog();
        assert_eq!(
            later.catalog().is_some(),
            shipped.catalog().is_some(),
            "{id}"
        );
        let whole = shipped.evaluate(&profile, as_of).unwrap();
        assert_eq!(later.evaluate(&profile, as_of).unwrap(), whole, "{id}");
        assert_eq!(first.tier, whole.tier, "{id}");
        assert_eq!(first.reach, whole.reach, "{id}");
        assert_eq!(first.retention, whole.retention, "{id}");
    }
}

#[test]
fn conditions_merge_each_metrics_bounds() {
    use strata_core::conditions::{Bound, Condition};
    let engine = engine("cn-retail");
    let potential = engine.tier_ids().position(|t| t == "potential").unwrap();
    let c = engine.conditions(potential);
    let b = |v: i64, inclusive| {
        Some(Bound {
            value: strata_core::Dec(Decimal::from(v)),
            inclusive,
        })
    };
    let within = |metric: &str, min, max| Condition::Within {
        metric: metric.to_owned(),
        min,
        max,
    };
    assert_eq!(
        c,
        [
            within("aum", None, b(50_000, false)),
            within(
                "education",
                b(i64::from(Education::College.rank()), true),
                None
            ),
            within("age", b(16, true), b(28, true)),
        ]
    );
    assert!(engine.conditions(engine.tier_ids().count() - 1).is_empty());
}

#[test]
fn reach_names_the_money_bar_it_measures_progress_against() {
    // Li Wei: ¥162,500 here, mid-tier (lower); ¥200,000 makes mid-tier (upper).
    let retail = engine("cn-retail");
    let (_, as_of, li) = profiles()
        .into_iter()
        .find(|(_, _, p)| p.id.contains("li-wei"))
        .unwrap();
    let reach = retail.evaluate(&li, as_of).unwrap().reach.unwrap();
    assert_eq!(reach.tier.id, "mid_upper");
    assert_eq!(reach.bar.unwrap().0, Decimal::from(200_000));
    assert_eq!(reach.amount.0, Decimal::from(37_500));
    // Everywhere: the bar is the threshold of a money shortfall of the reached tier whose
    // missing money is the amount; a score's bar is not money, so there is none.
    let mut with_bar = 0;
    for (id, as_of, p) in profiles() {
        let engine = engine(&id);
        let e = engine.evaluate(&p, as_of).unwrap();
        let Some(reach) = &e.reach else { continue };
        let gap = e.above.iter().find(|g| g.tier.id == reach.tier.id).unwrap();
        match reach.bar {
            Some(bar) => {
                with_bar += 1;
                assert!(
                    gap.shortfalls.iter().any(|s| {
                        s.comparison.unit == strata_core::ruleset::Unit::Money
                            && s.comparison.threshold == bar
                            && s.missing == Some(reach.amount)
                    }),
                    "{id} {}: {bar:?}",
                    p.id
                );
            }
            None => assert!(
                gap.shortfalls
                    .iter()
                    .all(|s| s.missing != Some(reach.amount)
                        || s.comparison.unit != strata_core::ruleset::Unit::Money),
                "{id} {}",
                p.id
            ),
        }
        if id == "cn-star" {
            assert_eq!(reach.bar, None, "{}: a star is a score", p.id);
        }
    }
    assert!(with_bar > 10);
}

#[test]
fn probes_say_when_an_asset_axis_is_averaged() {
    let axes = engine("us-rewards").probes();
    let assets = axes.iter().find(|a| a.kind == AxisKind::Assets).unwrap();
    assert!(assets.averaged);
    let cuts: Vec<String> = assets.cuts.iter().map(ToString::to_string).collect();
    for c in ["20000", "50000", "100000", "1000000", "10000000"] {
        assert!(cuts.iter().any(|x| x == c), "{c} in {cuts:?}");
    }
    let retail = engine("cn-retail").probes();
    let assets = retail.iter().find(|a| a.kind == AxisKind::Assets).unwrap();
    assert!(!assets.averaged);
    // `education >= college`: college is rank 4.
    let education = retail
        .iter()
        .find(|a| a.kind == AxisKind::Education)
        .unwrap();
    let cuts: Vec<String> = education.cuts.iter().map(ToString::to_string).collect();
    assert_eq!(cuts, ["4"]);
}

#[test]
fn benefits_are_marked_against_the_tier_below_as_the_diff_says() {
    for id in [
        "cn-retail",
        "cn-retail-5k",
        "cn-star",
        "cn-corporate",
        "us-rewards",
    ] {
        let rs = rulesets::builtin(id).unwrap();
        let last = rs.tiers.len() - 1;
        for i in 0..rs.tiers.len() {
            let marked = benefits::against_below(&rs, i);
            assert_eq!(marked.len(), benefits::of_tier(&rs, i).len(), "{id} {i}");
            if i == last {
                assert!(
                    marked
                        .iter()
                        .all(|m| m.standing == benefits::Standing::Same)
                );
                continue;
            }
            let d = benefits::diff(&rs, i + 1, i);
            for m in &marked {
                let kind = &m.benefit.kind;
                let expected = if d.gained.iter().any(|b| &b.kind == kind) {
                    benefits::Standing::Gained
                } else if d.upgraded.iter().any(|u| &u.to.kind == kind) {
                    benefits::Standing::Upgraded
                } else {
                    benefits::Standing::Same
                };
                // A kind listed twice is upgraded at its best level only.
                if expected != benefits::Standing::Upgraded {
                    assert_eq!(m.standing, expected, "{id} {} {kind}", rs.tiers[i].id);
                }
            }
        }
    }
}

#[test]
fn highlights_put_what_a_tier_adds_first_one_category_at_a_time() {
    let rs = rulesets::cn_retail();
    let at = |id: &str| rs.tiers.iter().position(|t| t.id == id).unwrap();
    let texts = |id: &str| -> Vec<String> {
        benefits::highlights(&rs, at(id), 3)
            .iter()
            .map(|m| m.benefit.text.get("zh-CN").to_owned())
            .collect()
    };
    assert_eq!(
        texts("high_end"),
        ["专属AFP持证客户经理", "理财金账户白金卡", "财富管理中心"]
    );
    assert_eq!(
        texts("mid_lower"),
        ["部分增值服务", "金卡借记卡", "理财中心"]
    );
    // Nothing below the lowest tier: its own benefits, one category at a time.
    let ordinary = benefits::highlights(&rs, at("ordinary"), 3);
    assert_eq!(ordinary.len(), 3);
    assert!(
        ordinary
            .iter()
            .all(|m| m.standing == benefits::Standing::Same)
    );
    // Every tier of every ladder has three, unless it brings fewer.
    for id in [
        "cn-retail",
        "cn-retail-5k",
        "cn-star",
        "cn-corporate",
        "us-rewards",
    ] {
        let rs = rulesets::builtin(id).unwrap();
        for i in 0..rs.tiers.len() {
            let h = benefits::highlights(&rs, i, 3);
            assert_eq!(h.len(), benefits::of_tier(&rs, i).len().min(3), "{id} {i}");
        }
    }
}
