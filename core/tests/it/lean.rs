//! The lean path ([`Engine::lean`]) against the summary of the full evaluation: the same
//! answer, or the same errors, for every fixture and for random variations of them on every
//! shipped ruleset, with and without a catalog, for customers and staff.

use std::fs;
use std::path::Path;

use chrono::Days;
use proptest::prelude::*;
use rust_decimal::Decimal;
use strata_core::profile::{ExternalAsset, ManualAssignment, TierHistory};
use strata_core::recommend::{Audience, Options};
use strata_core::summary::Summary;
use strata_core::{Dec, Engine, Money, Profile, catalogs, rulesets};

use crate::fixtures::Case;

/// Every fixture case, with its engines: without a catalog, and with the ruleset's own when
/// it ships one.
struct Fixture {
    case: Case,
    profile: Profile,
    engines: Vec<Engine>,
}

fn fixtures() -> Vec<Fixture> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cases"));
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|path| {
            let case: Case = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
            let plain = Engine::new(rulesets::builtin(&case.ruleset).unwrap()).unwrap();
            let mut engines = vec![plain.clone()];
            if let Some(catalog) = catalogs::for_ruleset(&case.ruleset) {
                engines.push(plain.with_catalog(catalog).unwrap());
            }
            let profile = Profile::from_json(&case.profile.to_string()).unwrap();
            Fixture {
                case,
                profile,
                engines,
            }
        })
        .collect()
}

/// The lean answer and the full answer's summary, each as JSON (or the errors).
fn both(
    engine: &Engine,
    profile: &Profile,
    as_of: chrono::NaiveDate,
    options: &Options,
) -> (
    Result<serde_json::Value, String>,
    Result<serde_json::Value, String>,
) {
    let lean = engine
        .lean(profile, as_of, options)
        .map(|l| serde_json::to_value(Summary::of_lean(engine, profile, &l)).unwrap())
        .map_err(|e| format!("{e:?}"));
    let full = engine
        .evaluate_with(profile, as_of, options)
        .map(|e| serde_json::to_value(Summary::of(&e)).unwrap())
        .map_err(|e| format!("{e:?}"));
    (lean, full)
}

fn every_option() -> Vec<Options> {
    let mut all = Vec::new();
    for audience in [Audience::Customer, Audience::Staff] {
        for top_n in [None, Some(0), Some(1), Some(3)] {
            for explain in [false, true] {
                all.push(Options {
                    top_n,
                    explain,
                    audience,
                });
            }
        }
    }
    all
}

#[test]
fn every_fixture_summarizes_as_its_full_evaluation() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 30, "the fixtures went missing");
    let rulesets: std::collections::BTreeSet<_> =
        fixtures.iter().map(|f| f.case.ruleset.as_str()).collect();
    for (id, _) in rulesets::ALL {
        assert!(
            rulesets.contains(id),
            "no fixture for the shipped ruleset {id}"
        );
    }
    let mut offers = 0;
    for f in &fixtures {
        for engine in &f.engines {
            for options in every_option() {
                let (lean, full) = both(engine, &f.profile, f.case.as_of, &options);
                let lean = lean.unwrap_or_else(|e| panic!("{}: {e}", f.profile.id));
                assert_eq!(lean, full.unwrap(), "{} with {options:?}", f.profile.id);
                offers += usize::from(lean.get("offers").is_some());
            }
        }
    }
    assert!(offers > 0, "no fixture gave offers");
}

/// A fixture changed in what placement, gaps, potential, retention and offers read: every
/// amount scaled, assets declared elsewhere, a tier held before, a manual tier, another date.
#[derive(Debug, Clone)]
struct Variation {
    fixture: usize,
    engine: usize,
    options: usize,
    /// Per amount: a scale in percent (0 to 100,000 %).
    scales: Vec<u32>,
    external: Option<u64>,
    history: Option<(usize, u64, u32, Option<u64>)>,
    manual: Option<(usize, i64)>,
    days_later: u64,
}

fn variation(n_fixtures: usize, n_options: usize) -> impl Strategy<Value = Variation> {
    (
        0..n_fixtures,
        0usize..2,
        0..n_options,
        proptest::collection::vec(prop_oneof![Just(100u32), 0u32..200, 0u32..100_000], 8),
        proptest::option::of(0u64..50_000_000),
        proptest::option::of((
            0usize..8,
            0u64..2000,
            0u32..4,
            proptest::option::of(0u64..800),
        )),
        proptest::option::of((0usize..8, -60i64..120)),
        prop_oneof![Just(0u64), 0u64..400],
    )
        .prop_map(
            |(fixture, engine, options, scales, external, history, manual, days_later)| Variation {
                fixture,
                engine,
                options,
                scales,
                external,
                history,
                manual,
                days_later,
            },
        )
}

fn scaled(v: Decimal, percent: u32) -> Decimal {
    (v * Decimal::from(percent) / Decimal::ONE_HUNDRED).round_dp(2)
}

fn apply(v: &Variation, f: &Fixture, engine: &Engine) -> (Profile, chrono::NaiveDate) {
    let mut p = f.profile.clone();
    let as_of = f.case.as_of + Days::new(v.days_later);
    let mut scale = v.scales.iter().cycle();
    for h in &mut p.holdings {
        h.balance = Money(scaled(h.balance.0, *scale.next().unwrap()));
    }
    for a in p.attributes.values_mut() {
        *a = Dec(scaled(a.0, *scale.next().unwrap()).round());
    }
    if let Some(e) = v.external {
        p.external_assets.push(ExternalAsset {
            institution: None,
            family: None,
            balance: Money(Decimal::from(e)),
            currency: None,
        });
    }
    let tiers: Vec<String> = engine.tier_ids().map(str::to_owned).collect();
    if let Some((t, since, below, below_since)) = v.history {
        p.tier_history = Some(TierHistory {
            tier: tiers[t % tiers.len()].clone(),
            since: as_of - Days::new(since),
            reviews_below: below,
            below_since: below_since.map(|d| as_of - Days::new(d.min(since))),
        });
    }
    if let Some((t, expires)) = v.manual {
        p.manual_assignment = Some(ManualAssignment {
            tier: tiers[t % tiers.len()].clone(),
            reason: "a test".into(),
            expires: as_of
                .checked_add_signed(chrono::TimeDelta::days(expires))
                .unwrap(),
        });
    }
    (p, as_of)
}

#[test]
fn random_variations_summarize_as_their_full_evaluation() {
    let fixtures = fixtures();
    let options = every_option();
    let seen = std::cell::RefCell::new(std::collections::BTreeSet::new());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 2000,
        ..ProptestConfig::default()
    });
    runner
        .run(&variation(fixtures.len(), options.len()), |v| {
            let f = &fixtures[v.fixture];
            let engine = &f.engines[v.engine % f.engines.len()];
            let (profile, as_of) = apply(&v, f, engine);
            let (lean, full) = both(engine, &profile, as_of, &options[v.options]);
            if let Ok(s) = &lean {
                let mut seen = seen.borrow_mut();
                for key in ["target", "potential", "retention", "offers"] {
                    if s.get(key).is_some() {
                        seen.insert(key.to_owned());
                    }
                }
                for r in s["reasons"].as_array().unwrap() {
                    seen.insert(r.as_str().unwrap().to_owned());
                }
            }
            prop_assert_eq!(lean, full);
            Ok(())
        })
        .unwrap();
    // The variations reach every part of the summary and most reasons.
    let seen = seen.into_inner();
    for part in [
        "target",
        "potential",
        "retention",
        "offers",
        "qualified",
        "grace",
        "manual_floor",
        "upgrade",
        "downgrade",
        "manual",
    ] {
        assert!(seen.contains(part), "no variation gave {part}: {seen:?}");
    }
}
