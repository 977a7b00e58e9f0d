//! Benchmarks: one evaluation on each shipped ruleset, and a batch of 1,000,000 synthetic
//! customers on the default ruleset. `cargo xtask bench` runs them; numbers, not assertions.

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use strata_core::profile::{Education, ExternalAsset, Family, Holding, Profile};
use strata_core::{Engine, Money, rulesets};

fn main() {
    divan::main();
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A deterministic customer spread over the whole ladder.
fn synthetic(i: u64) -> Profile {
    // A small LCG: reproducible without a rand dependency.
    let x = i
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let magnitude = (x >> 60) % 9; // 10^0 … 10^8 yuan
    let aum = Decimal::new(
        ((x >> 20) % 1_000_000) as i64 * 10i64.pow(magnitude as u32) / 100,
        2,
    );
    Profile {
        id: format!("c{i}"),
        birth_date: NaiveDate::from_ymd_opt(
            1940 + (x % 70) as i32,
            1 + ((x >> 8) % 12) as u32,
            1 + ((x >> 12) % 28) as u32,
        ),
        education: Some(Education::ALL[((x >> 16) % 7) as usize]),
        occupation: None,
        risk: None,
        holdings: vec![
            Holding {
                product: "demand".into(),
                family: Family::Deposit,
                balance: Money(aum),
                currency: None,
                maturity_date: None,
            },
            Holding {
                product: "card".into(),
                family: Family::Card,
                balance: Money::ZERO,
                currency: None,
                maturity_date: None,
            },
        ],
        external_assets: if x.is_multiple_of(5) {
            vec![ExternalAsset {
                institution: None,
                family: None,
                balance: Money(aum * Decimal::TWO),
                currency: None,
            }]
        } else {
            vec![]
        },
        monthly: vec![],
        tier_history: None,
        manual_assignment: None,
        ..Default::default()
    }
}

#[divan::bench(args = ["cn-retail", "us-rewards", "cn-star", "cn-corporate"])]
fn evaluate_one(bencher: divan::Bencher, id: &str) {
    let engine = Engine::new(rulesets::builtin(id).unwrap()).unwrap();
    let profiles: Vec<Profile> = (0..1000).map(synthetic).collect();
    let mut i = 0;
    bencher.bench_local(|| {
        i = (i + 1) % profiles.len();
        // Rulesets needing inputs the synthetic profile lacks return an error: still timed.
        black_box(engine.evaluate(black_box(&profiles[i]), as_of()).ok())
    });
}

#[divan::bench(sample_count = 1, sample_size = 1)]
fn batch_1m_cn_retail(bencher: divan::Bencher) {
    let engine = Engine::new(rulesets::cn_retail()).unwrap();
    let profiles: Vec<Profile> = (0..1_000_000).map(synthetic).collect();
    bencher.bench_local(|| {
        let mut tiers = [0usize; 8];
        for p in &profiles {
            let e = engine.evaluate(p, as_of()).unwrap();
            tiers[e.tier.rank] += 1;
        }
        black_box(tiers)
    });
}

#[divan::bench]
fn parse_and_compile_cn_retail() -> Engine {
    Engine::from_json(rulesets::json("cn-retail").unwrap()).unwrap()
}

/// The default catalog grown to 500 products (copies with new ids), as issue-sized catalogs.
fn catalog_500() -> strata_core::catalog::Catalog {
    let mut c = strata_core::catalogs::for_ruleset("cn-retail").unwrap();
    let base = c.products.clone();
    let mut i = 0;
    while c.products.len() < 500 {
        let mut p = base[i % base.len()].clone();
        p.id = format!("{}-v{i}", p.id);
        c.products.push(p);
        i += 1;
    }
    c
}

/// A synthetic customer with a risk questionnaire, so suitability has work to do.
fn investor(i: u64) -> Profile {
    let mut p = synthetic(i);
    p.risk = Some(strata_core::profile::RiskAssessment {
        level: [
            strata_core::profile::RiskLevel::C1,
            strata_core::profile::RiskLevel::C3,
            strata_core::profile::RiskLevel::C5,
        ][(i % 3) as usize],
        assessed_on: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    });
    p
}

#[divan::bench]
fn evaluate_and_recommend_500_products(bencher: divan::Bencher) {
    let engine = Engine::new(rulesets::cn_retail())
        .unwrap()
        .with_catalog(catalog_500())
        .unwrap();
    let profiles: Vec<Profile> = (0..1000).map(investor).collect();
    let mut i = 0;
    bencher.bench_local(|| {
        i = (i + 1) % profiles.len();
        black_box(engine.evaluate(black_box(&profiles[i]), as_of()).unwrap())
    });
}

#[divan::bench(sample_count = 1, sample_size = 1)]
fn batch_100k_recommend_500_products(bencher: divan::Bencher) {
    let engine = Engine::new(rulesets::cn_retail())
        .unwrap()
        .with_catalog(catalog_500())
        .unwrap();
    let profiles: Vec<Profile> = (0..100_000).map(investor).collect();
    bencher.bench_local(|| {
        let mut offers = 0usize;
        for p in &profiles {
            offers += engine.evaluate(p, as_of()).unwrap().recommendations.len();
        }
        black_box(offers)
    });
}

/// What the engine package's `evaluate(p, asOf, { detail: "full" })` does in wasm, natively:
/// the shipped ruleset and catalog, a full evaluation with offers, written as JSON text.
#[divan::bench]
fn full_with_offers_to_json(bencher: divan::Bencher) {
    let engine = Engine::assemble(
        rulesets::builtin("cn-retail").unwrap(),
        strata_core::CatalogChoice::Shipped,
    )
    .unwrap();
    let profiles: Vec<Profile> = (0..1000).map(synthetic).collect();
    let mut i = 0;
    bencher.bench_local(|| {
        i = (i + 1) % profiles.len();
        let e = engine
            .evaluate_with(
                black_box(&profiles[i]),
                as_of(),
                &strata_core::recommend::Options::default(),
            )
            .unwrap();
        black_box(serde_json::to_string(&e).unwrap())
    });
}
