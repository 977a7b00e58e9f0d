//! Benchmarks of the columnar batch path over 1,000,000 generated customers: loading rows,
//! tiering with the metric columns cold, re-tiering under a moved threshold (columns cached),
//! and per-ruleset re-tiering. `cargo xtask bench -- batch` runs them; numbers, not assertions.

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

use chrono::NaiveDate;
use strata_core::batch::{History, Portfolio, Row, TierOptions};
use strata_core::profile::{Education, Family};
use strata_core::ruleset::{Criterion, Threshold};
use strata_core::{Dec, Engine, Ruleset, rulesets};

fn main() {
    divan::main();
}

const N: u64 = 1_000_000;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A deterministic customer spread over the whole ladder, with three to six months of
/// history and some tier history, written into `r` (reused, as a reader reuses its buffer).
fn fill(r: &mut Row, i: u64, months: u8, tiers: &[u16]) {
    // A small LCG: reproducible without a rand dependency.
    let x = i
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let magnitude = (x >> 60) % 9; // 10^0 … 10^8 yuan
    let assets = ((x >> 20) % 1_000_000) as i64 * 10i64.pow(magnitude as u32);
    r.assets = assets;
    r.product_families = 1 + (x % 4) as u8;
    r.external = if x.is_multiple_of(5) { assets * 2 } else { 0 };
    r.birth_date = NaiveDate::from_ymd_opt(
        1940 + (x % 70) as i32,
        1 + ((x >> 8) % 12) as u32,
        1 + ((x >> 12) % 28) as u32,
    );
    r.education = Some(Education::ALL[((x >> 16) % 7) as usize]);
    r.balances.clear();
    for k in 1..=months {
        let drift = 90 + ((x >> (k * 3)) % 20) as i64;
        r.balances
            .push((k, Family::Deposit, assets / 100 * drift / 2));
        r.balances.push((k, Family::Fund, assets / 100 * drift / 2));
        if x.is_multiple_of(7) {
            r.balances.push((k, Family::Loan, assets / 3));
        }
    }
    r.history = x.is_multiple_of(3).then(|| History {
        tier: tiers[((x >> 24) % tiers.len() as u64) as usize],
        since: NaiveDate::from_ymd_opt(2025, 1 + ((x >> 28) % 12) as u32, 1).unwrap(),
        reviews_below: ((x >> 32) % 4) as u32,
        below_since: None,
    });
}

fn load(engine: &Engine, months: u8) -> Portfolio {
    let mut p = Portfolio::new(engine, as_of()).unwrap();
    let ids: Vec<String> = engine.tier_ids().map(str::to_owned).collect();
    let tiers: Vec<u16> = ids.iter().map(|t| p.tier(t)).collect();
    let mut r = Row::default();
    p.reserve(N as usize);
    for i in 0..N {
        fill(&mut r, i, months, &tiers);
        p.push_row(&r).unwrap();
    }
    p
}

fn engine(id: &str) -> Engine {
    Engine::new(rulesets::builtin(id).unwrap()).unwrap()
}

/// cn-retail with mid-upper's bar at `bar` yuan.
fn mid_upper_at(bar: i64) -> Ruleset {
    let mut rs = rulesets::cn_retail();
    if let Some(Criterion::Compare(c)) = &mut rs.tiers[2].criteria {
        c.value = Threshold::Number(Dec(bar.into()));
    }
    rs
}

/// Loading 1,000,000 rows into the columns.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn load_1m_rows(bencher: divan::Bencher) {
    let engine = engine("cn-retail");
    bencher.bench_local(|| black_box(load(&engine, 3).len()));
}

/// The first tiering of a loaded portfolio: metric columns computed, then the ladder.
#[divan::bench(sample_count = 3, sample_size = 1, args = ["cn-retail", "us-rewards", "cn-star"])]
fn tier_all_1m_cold(bencher: divan::Bencher, id: &str) {
    let engine = engine(id);
    let months = if id == "cn-star" { 6 } else { 3 };
    bencher
        .with_inputs(|| load(&engine, months))
        .bench_local_values(|mut p| {
            black_box(p.tier_all(&engine, TierOptions::default()).unwrap())
        });
}

/// Re-tiering 1,000,000 customers under a moved threshold: the metric columns are reused.
#[divan::bench(sample_count = 10, sample_size = 1, args = [false, true])]
fn retier_1m_moved_threshold(bencher: divan::Bencher, targets: bool) {
    let current = engine("cn-retail");
    let mut p = load(&current, 3);
    p.tier_all(&current, TierOptions::default()).unwrap();
    let mut bar = 200_000;
    bencher.bench_local(|| {
        bar += 1_000;
        let candidate = Engine::new(mid_upper_at(bar)).unwrap();
        black_box(p.tier_all(&candidate, TierOptions { targets }).unwrap())
    });
}

/// Re-tiering with every column cached, per ruleset (averages and derived scores included).
#[divan::bench(sample_count = 10, sample_size = 1, args = ["cn-retail", "us-rewards", "cn-star"])]
fn retier_1m_warm(bencher: divan::Bencher, id: &str) {
    let engine = engine(id);
    let mut p = load(&engine, if id == "cn-star" { 6 } else { 3 });
    p.tier_all(&engine, TierOptions::default()).unwrap();
    bencher.bench_local(|| black_box(p.tier_all(&engine, TierOptions::default()).unwrap()));
}
