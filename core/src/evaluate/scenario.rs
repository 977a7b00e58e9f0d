//! What-if scenarios: the profile changed as the customer imagines ("bring ¥X", "move ¥X from
//! another bank", "keep my assets at ¥X"), evaluated by the same pipeline as today (review
//! rules included), with what changes in tier and benefits; and the amounts at which each
//! tier is reached, found by evaluating, so a slider can mark them.

pub use crate::model::what_if::{ADDED, Scenario, ScenarioKind};
pub use crate::output::scenario::{Mark, Outcome, Range};

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::benefits::{self};
use crate::dec::{Dec, Money};
use crate::engine::Engine;
use crate::error::{ProfileError, ProfileErrors};
use crate::profile::{Family, Holding, Month, MonthlyBalance, Profile};
use crate::recommend::Options;

/// Scenario amounts stay below this (¥10 trillion), far inside money's domain.
const CAP: i64 = 10_000_000_000_000;

impl Engine {
    /// Evaluates `scenario` for `profile` on `as_of`.
    pub fn what_if(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
        scenario: &Scenario,
        options: &Options,
    ) -> Result<Outcome, ProfileErrors> {
        let amount = scenario.amount();
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(ProfileErrors(vec![ProfileError::Negative {
                path: "scenario.amount".into(),
                value: amount.to_string(),
            }]));
        }
        if amount.0 > Decimal::from(CAP) {
            return Err(ProfileErrors(vec![ProfileError::Invalid {
                path: "scenario.amount".into(),
                message: format!("{amount} is more than a scenario may add (10^13)"),
            }]));
        }
        let before = self.place(profile, as_of)?;
        let (changed, day, applied) = self.apply(profile, as_of, scenario)?;
        let evaluation = self.evaluate_with(&changed, day, options)?;
        let after = evaluation.tier.rank;
        Ok(Outcome {
            scenario: Scenario::new(scenario.kind(), applied),
            as_of: day,
            before: self.tier_at(before.tier),
            after: evaluation.tier.clone(),
            benefits: benefits::diff(self.ruleset(), before.tier, after),
            evaluation,
        })
    }

    /// The slider for scenarios of `kind`: every tier they can reach, found by evaluating.
    pub fn scenario_range(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
        kind: ScenarioKind,
    ) -> Result<Range, ProfileErrors> {
        let today = self.place(profile, as_of)?;
        let held = self.assets_here(profile, as_of)?;
        let external: Decimal = profile.external_assets.iter().map(|a| a.balance.0).sum();
        let cap = match kind {
            ScenarioKind::Move => external.min(Decimal::from(CAP)),
            ScenarioKind::Add | ScenarioKind::Keep => Decimal::from(CAP),
        };
        // Keep marks today's tier as well: its amount is what keeps it.
        let highest_wanted = match kind {
            ScenarioKind::Keep => today.tier,
            ScenarioKind::Add | ScenarioKind::Move => today.tier.saturating_sub(1),
        };
        let mut marks = Vec::new();
        if kind == ScenarioKind::Keep || today.tier > 0 {
            for j in (0..=highest_wanted).rev() {
                match self.least_amount(profile, as_of, kind, j, cap)? {
                    Some(a) => marks.push(Mark {
                        tier: self.tier_at(j),
                        amount: Dec(a),
                    }),
                    // A tier no amount reaches: none above it is reached either.
                    None => break,
                }
            }
        }
        marks.reverse();
        let highest = marks.iter().map(|m| m.amount.0).max().unwrap_or_default();
        let start = match kind {
            ScenarioKind::Keep => held,
            ScenarioKind::Add | ScenarioKind::Move => {
                marks.iter().map(|m| m.amount.0).min().unwrap_or_default()
            }
        };
        let reach = match kind {
            ScenarioKind::Move => external,
            // A fifth past the highest mark, so it sits inside the slider.
            ScenarioKind::Add | ScenarioKind::Keep => (highest * Decimal::new(12, 1))
                .max(held * Decimal::TWO)
                .max(Decimal::from(100_000)),
        };
        let step = step_for(reach);
        let max = match kind {
            ScenarioKind::Move => external,
            ScenarioKind::Add | ScenarioKind::Keep => {
                (reach / step).ceil().checked_mul(step).unwrap_or(reach)
            }
        };
        Ok(Range {
            kind,
            start: Dec(start),
            max: Dec(max),
            step: Dec(step),
            months: Some(self.criteria_window()).filter(|&m| m > 0),
            marks,
        })
    }

    /// The least amount, to the cent and at most `cap`, for which a scenario of `kind` gives
    /// tier `j` or higher; `None` when `cap` does not.
    fn least_amount(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
        kind: ScenarioKind,
        j: usize,
        cap: Decimal,
    ) -> Result<Option<Decimal>, ProfileErrors> {
        let reaches = |cents: i64| -> Result<bool, ProfileErrors> {
            let s = Scenario::new(kind, Money(Decimal::new(cents, 2)));
            let (p, day, _) = self.apply(profile, as_of, &s)?;
            Ok(self.place(&p, day)?.tier <= j)
        };
        let cap_cents = (cap * Decimal::ONE_HUNDRED)
            .floor()
            .try_into()
            .unwrap_or(CAP * 100);
        if !reaches(cap_cents)? {
            return Ok(None);
        }
        if reaches(0)? {
            return Ok(Some(Decimal::ZERO));
        }
        // Invariant: `lo` does not reach, `hi` does.
        let (mut lo, mut hi) = (0_i64, cap_cents);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if reaches(mid)? {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Ok(Some(Decimal::new(hi, 2)))
    }

    /// The profile and date a scenario describes, and the amount applied.
    fn apply(
        &self,
        p: &Profile,
        as_of: NaiveDate,
        scenario: &Scenario,
    ) -> Result<(Profile, NaiveDate, Money), ProfileErrors> {
        let amount = scenario.amount().0.max(Decimal::ZERO);
        let mut q = p.clone();
        let added = |balance: Decimal| Holding {
            product: ADDED.to_owned(),
            family: Family::Deposit,
            balance: Money(balance),
            currency: None,
            maturity_date: None,
        };
        match scenario {
            Scenario::Add { .. } => {
                if amount > Decimal::ZERO {
                    q.holdings.push(added(amount));
                }
                Ok((q, as_of, Money(amount)))
            }
            Scenario::Move { .. } => {
                let declared: Decimal = p.external_assets.iter().map(|a| a.balance.0).sum();
                let moved = amount.min(declared);
                if moved > Decimal::ZERO {
                    q.holdings.push(added(moved));
                    let mut left = moved;
                    for a in &mut q.external_assets {
                        let take = left.min(a.balance.0);
                        a.balance = Money(a.balance.0 - take);
                        left -= take;
                    }
                    q.external_assets.retain(|a| a.balance.0 > Decimal::ZERO);
                }
                Ok((q, as_of, Money(moved)))
            }
            Scenario::Keep { .. } => {
                let months = self.longest_window().max(1);
                let later = as_of
                    .checked_add_months(Months::new(months))
                    .unwrap_or(as_of);
                // Assets here become one balance of `amount`; liabilities and services stay.
                q.holdings.retain(|h| !h.family.is_asset());
                q.holdings.push(added(amount));
                let mut month = Month::of(later).prev();
                for _ in 0..months {
                    q.monthly.retain(|m| m.month != month);
                    q.monthly.push(MonthlyBalance {
                        month,
                        avg_daily: [(Family::Deposit, Money(amount))].into_iter().collect(),
                        fee_income: None,
                    });
                    month = month.prev();
                }
                q.monthly.sort_by_key(|m| m.month);
                // The reviews in between count as the bank would: below the held tier's bar
                // at each of them, or back above it.
                if let Some(h) = q.tier_history.clone() {
                    let mut plain = q.clone();
                    plain.tier_history = None;
                    plain.manual_assignment = None;
                    let held = self.tier_ids().position(|t| t == h.tier);
                    let qualified = self.place(&plain, later)?.qualified;
                    if let (Some(held), Some(th)) = (held, &mut q.tier_history) {
                        if qualified > held {
                            th.reviews_below = th
                                .reviews_below
                                .saturating_add(self.reviews_between(as_of, later));
                            th.below_since = th.below_since.or(Some(as_of));
                        } else {
                            th.reviews_below = 0;
                            th.below_since = None;
                        }
                    }
                }
                Ok((q, later, Money(amount)))
            }
        }
    }
}

/// A round step: the power of ten that divides `max` into at most about a hundred steps.
fn step_for(max: Decimal) -> Decimal {
    let mut step = Decimal::ONE;
    while step * Decimal::ONE_HUNDRED < max && step < Decimal::from(CAP) {
        step *= Decimal::TEN;
    }
    step
}
