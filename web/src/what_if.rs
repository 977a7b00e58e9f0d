//! What-if scenarios: a modified copy of the profile (and date) to evaluate again. The engine
//! takes ~10 µs per evaluation, so every slider step re-evaluates in full.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use strata_core::evaluation::Evaluation;
use strata_core::profile::{ExternalAsset, Family, Holding, Month, MonthlyBalance, Profile};
use strata_core::ruleset::Schedule;
use strata_core::{Engine, Money};

use crate::state::Mode;

/// Product id of the money a scenario adds, so it never matches a catalog product.
pub const ADDED: &str = "what-if";

/// Months the "stays for" scenario looks ahead.
pub const STAY_MONTHS: u32 = 3;

/// The customer's assets here: the `aum` metric, else the sum of asset holdings.
#[must_use]
pub fn aum(p: &Profile, e: &Evaluation) -> Decimal {
    e.metrics.iter().find(|m| m.metric == "aum").map_or_else(
        || {
            p.holdings
                .iter()
                .filter(|h| h.family.is_asset())
                .map(|h| h.balance.0)
                .sum()
        },
        |m| m.value.0,
    )
}

/// Declared assets at other banks.
#[must_use]
pub fn external(p: &Profile) -> Decimal {
    p.external_assets.iter().map(|a| a.balance.0).sum()
}

/// The money gap to the nearest tier above that money reaches.
#[must_use]
pub fn next_gap(e: &Evaluation) -> Option<Decimal> {
    e.above
        .iter()
        .find(|g| g.reachable && g.amount.is_some())
        .and_then(|g| g.amount.map(|a| a.0))
}

/// The amount a scenario starts from.
#[must_use]
pub fn start(mode: Mode, p: &Profile, e: &Evaluation) -> Decimal {
    match mode {
        Mode::Add | Mode::Move => Decimal::ZERO,
        Mode::Stay => aum(p, e),
    }
}

/// A round slider maximum and step for the scenario.
#[must_use]
pub fn range(mode: Mode, p: &Profile, e: &Evaluation) -> (Decimal, Decimal) {
    let hundred_k = Decimal::from(100_000);
    let max = match mode {
        Mode::Add => (next_gap(e).unwrap_or(hundred_k) * Decimal::TWO).max(hundred_k),
        Mode::Move => external(p),
        Mode::Stay => (aum(p, e) * Decimal::TWO).max(hundred_k),
    };
    let step = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
        .into_iter()
        .map(Decimal::from)
        .find(|s| *s * Decimal::ONE_HUNDRED >= max)
        .unwrap_or(Decimal::from(1_000_000));
    // Round up to a whole step so the slider's end is reachable.
    let max = (max / step).ceil() * step;
    (max, step)
}

/// The profile and date to evaluate for `mode` with `amount`.
#[must_use]
pub fn apply(
    engine: &Engine,
    p: &Profile,
    as_of: NaiveDate,
    mode: Mode,
    amount: Decimal,
) -> (Profile, NaiveDate) {
    let amount = amount.max(Decimal::ZERO);
    let mut q = p.clone();
    let added = |balance: Decimal| Holding {
        product: ADDED.to_owned(),
        family: Family::Deposit,
        balance: Money(balance),
        currency: None,
        maturity_date: None,
    };
    match mode {
        Mode::Add => {
            if amount > Decimal::ZERO {
                q.holdings.push(added(amount));
            }
            (q, as_of)
        }
        Mode::Move => {
            let moved = amount.min(external(p));
            if moved > Decimal::ZERO {
                q.holdings.push(added(moved));
                let mut left = moved;
                for a in &mut q.external_assets {
                    let take = left.min(a.balance.0);
                    a.balance = Money(a.balance.0 - take);
                    left -= take;
                }
                q.external_assets
                    .retain(|a: &ExternalAsset| a.balance.0 > Decimal::ZERO);
            }
            (q, as_of)
        }
        Mode::Stay => {
            let later = as_of
                .checked_add_months(Months::new(STAY_MONTHS))
                .unwrap_or(as_of);
            // Assets here become one balance of `amount`; liabilities and services stay.
            q.holdings.retain(|h| !h.family.is_asset());
            q.holdings.push(added(amount));
            let mut month = Month::of(later).prev();
            for _ in 0..STAY_MONTHS {
                q.monthly.retain(|m| m.month != month);
                q.monthly.push(MonthlyBalance {
                    month,
                    avg_daily: [(Family::Deposit, Money(amount))].into_iter().collect(),
                    fee_income: None,
                });
                month = month.prev();
            }
            q.monthly.sort_by_key(|m| m.month);
            // The bank counts reviews below the bar; the reviews in between are simulated:
            // below the held tier's bar at each of them, or back above it.
            if let Some(h) = q.tier_history.clone() {
                let mut plain = q.clone();
                plain.tier_history = None;
                plain.manual_assignment = None;
                let held = engine.tier_ids().position(|t| t == h.tier);
                let qualified = engine.evaluate(&plain, later).ok().map(|e| e.tier.rank);
                if let (Some(held), Some(qualified), Some(th)) =
                    (held, qualified, &mut q.tier_history)
                {
                    if qualified > held {
                        th.reviews_below += reviews_between(engine, as_of, later);
                        th.below_since = th.below_since.or(Some(as_of));
                    } else {
                        th.reviews_below = 0;
                        th.below_since = None;
                    }
                }
            }
            (q, later)
        }
    }
}

/// Review dates after `from` up to and including `to`.
fn reviews_between(engine: &Engine, from: NaiveDate, to: NaiveDate) -> u32 {
    let mut count = 0;
    let mut day = from;
    while day < to {
        day = day.checked_add_days(Days::new(1)).unwrap_or(to);
        let is_review = match &engine.ruleset().review.schedule {
            Schedule::Monthly => day
                .checked_add_days(Days::new(1))
                .is_some_and(|n| n.day() == 1),
            Schedule::Dates { dates } => dates
                .iter()
                .any(|d| *d == format!("{:02}-{:02}", day.month(), day.day())),
        };
        count += u32::from(is_review);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|e| panic!("`{s}`: {e}"))
    }

    #[test]
    fn adding_the_gap_lifts_the_tier_and_one_less_does_not() {
        let engine = data::default_engine().expect("engine");
        let personas = data::personas();
        let li = personas.iter().find(|p| p.id == "li-wei").expect("li-wei");
        let as_of = li.anchor;
        let e = engine.evaluate(&li.profile, as_of).expect("evaluates");
        let gap = next_gap(&e).expect("a gap");
        let (p, day) = apply(&engine, &li.profile, as_of, Mode::Add, gap);
        assert_eq!(engine.evaluate(&p, day).expect("eval").tier.id, "mid_upper");
        let (p, day) = apply(&engine, &li.profile, as_of, Mode::Add, gap - d("0.01"));
        assert_eq!(engine.evaluate(&p, day).expect("eval").tier.id, "mid_lower");
    }

    #[test]
    fn moving_is_limited_to_what_is_declared() {
        let engine = data::default_engine().expect("engine");
        let personas = data::personas();
        let sun = personas.iter().find(|p| p.id == "sun-li").expect("sun-li");
        let (p, day) = apply(&engine, &sun.profile, sun.anchor, Mode::Move, d("5000000"));
        assert_eq!(external(&p), Decimal::ZERO);
        let e = engine.evaluate(&p, day).expect("eval");
        assert_eq!(e.tier.id, "high_end");
        assert_eq!(aum(&p, &e), d("1080000"));
    }

    #[test]
    fn staying_low_for_three_months_downgrades_a_deferred_customer() {
        let engine = data::default_engine().expect("engine");
        let personas = data::personas();
        let zhou = personas
            .iter()
            .find(|p| p.id == "zhou-tao")
            .expect("zhou-tao");
        let now = engine.evaluate(&zhou.profile, zhou.anchor).expect("eval");
        assert_eq!(now.tier.id, "high_end");
        let (p, day) = apply(
            &engine,
            &zhou.profile,
            zhou.anchor,
            Mode::Stay,
            aum(&zhou.profile, &now),
        );
        assert_eq!(engine.evaluate(&p, day).expect("eval").tier.id, "mid_upper");
        let (p, day) = apply(
            &engine,
            &zhou.profile,
            zhou.anchor,
            Mode::Stay,
            d("1000000"),
        );
        assert_eq!(engine.evaluate(&p, day).expect("eval").tier.id, "high_end");
    }

    #[test]
    fn slider_range_is_round() {
        let engine = data::default_engine().expect("engine");
        let personas = data::personas();
        let li = personas.iter().find(|p| p.id == "li-wei").expect("li-wei");
        let e = engine.evaluate(&li.profile, li.anchor).expect("eval");
        assert_eq!(range(Mode::Add, &li.profile, &e), (d("100000"), d("1000")));
    }
}
