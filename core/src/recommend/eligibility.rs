//! Eligibility and suitability: the rule that keeps a product out, and the money a customer
//! may bring.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::Inputs;
use crate::catalog::{Product, RiskRating};
use crate::dec::Dec;
use crate::evaluation::TierRef;
use crate::profile::Family;
use crate::recommend::ExclusionRule;
use crate::recommend::LiftSource;
use crate::recommend::RiskStatus;
use crate::recommend::score::is_investment;
use crate::ruleset::Vulnerability;

/// A tier lift the customer has the means for: the tier, the money missing and where the new
/// money would come from.
pub(super) struct LiftMeans {
    pub(super) tier: TierRef,
    pub(super) gap: Decimal,
    pub(super) source: LiftSource,
    /// The most new money the source covers.
    pub(super) means: Decimal,
}

impl LiftMeans {
    /// New money to put into `pr`: the gap, at least the product's minimum.
    pub(super) fn amount(&self, pr: &Product) -> Decimal {
        self.gap.max(pr.min_amount.0)
    }

    /// Whether `pr` can take the new money: an investable product (insurance premiums and
    /// capped pension contributions are not), whose maximum and yearly cap admit the amount,
    /// within the customer's means.
    pub(super) fn fits(&self, pr: &Product) -> bool {
        let amount = self.amount(pr);
        pr.family.is_investable()
            && pr.max_amount.is_none_or(|m| amount <= m.0)
            && pr.annual_cap.is_none_or(|m| amount <= m.0)
            && amount <= self.means
    }
}

/// The tier lift within the customer's means, if any: new money from assets declared
/// elsewhere, a recent inflow, or a top-up small against the assets here (in that order).
pub(crate) fn lift_means(i: &Inputs, external: Decimal) -> Option<LiftMeans> {
    let (tier, gap) = i.next.clone()?;
    let policy = &i.catalog.policy.lift;
    let since = i
        .as_of
        .checked_sub_days(Days::new(u64::from(policy.inflow_days)))
        .unwrap_or(NaiveDate::MIN);
    let inflow = i
        .profile
        .cash_flows
        .iter()
        .filter(|f| f.date > since && f.date <= i.as_of && f.amount.0 > Decimal::ZERO)
        .fold(Decimal::ZERO, |a, f| a.saturating_add(f.amount.0));
    // Percent ≤ 100 and assets below 10^22: no overflow.
    let top_up = i.aum.saturating_mul(policy.top_up_percent.0) / Decimal::ONE_HUNDRED;
    [
        (LiftSource::ExternalAssets, external),
        (LiftSource::RecentInflow, inflow),
        (LiftSource::TopUp, top_up),
    ]
    .into_iter()
    .find(|(_, means)| gap <= *means)
    .map(|(source, means)| LiftMeans {
        tier,
        gap,
        source,
        means,
    })
}

/// The first rule that keeps `pr` out, in the documented order.
pub(crate) fn exclusion(
    pr: &Product,
    tier_ok: bool,
    i: &Inputs,
    age: Option<i32>,
    means: Decimal,
) -> Option<ExclusionRule> {
    let p = i.profile;
    let policy = &i.catalog.policy.contact;
    if pr.priority.is_zero() {
        return Some(ExclusionRule::SwitchedOff);
    }
    if !tier_ok {
        return Some(ExclusionRule::IneligibleTier {
            tier: i.tier.to_owned(),
        });
    }
    if let Some(range) = pr.age {
        let ok = age.is_some_and(|a| {
            range.min.is_none_or(|m| a >= m as i32) && range.max.is_none_or(|m| a <= m as i32)
        });
        if !ok {
            return Some(ExclusionRule::Age { age });
        }
    }
    if let (Some(v), Some(age)) = (i.vulnerability, age)
        && let Some(rule) = age_policy(v, pr, age, p.guardian)
    {
        return Some(rule);
    }
    if let Some(w) = pr.available
        && (w.from.is_some_and(|f| i.as_of < f) || w.until.is_some_and(|u| i.as_of > u))
    {
        return Some(ExclusionRule::Unavailable);
    }
    if p.holdings.iter().any(|h| h.product == pr.id) {
        return Some(ExclusionRule::Held);
    }
    for need in &pr.requires {
        let held = p.holdings.iter().any(|h| {
            need.product.as_ref().is_some_and(|id| *id == h.product)
                || need.family.is_some_and(|f| f == h.family)
        });
        if !held {
            let requires = need.clone();
            return Some(ExclusionRule::MissingPrerequisite { requires });
        }
    }
    if let Some(h) = p.offers.iter().find(|o| o.product == pr.id) {
        let until = |d: NaiveDate, days: u32| {
            d.checked_add_days(Days::new(u64::from(days)))
                .unwrap_or(NaiveDate::MAX)
        };
        if let Some(d) = h
            .declined_on
            .map(|d| until(d, policy.rest_after_decline_days))
            .filter(|u| i.as_of < *u)
        {
            return Some(ExclusionRule::Declined { until: d });
        }
        let dismissed = h
            .dismissed_on
            .map(|d| until(d, policy.rest_after_dismiss_days));
        let tired = (h.shown >= policy.max_impressions && policy.max_impressions > 0)
            .then(|| {
                h.last_shown
                    .map(|d| until(d, policy.rest_after_impressions_days))
            })
            .flatten();
        if let Some(d) = dismissed
            .into_iter()
            .chain(tired)
            .filter(|u| i.as_of < *u)
            .max()
        {
            return Some(ExclusionRule::Resting { until: d });
        }
    }
    if pr.min_amount.0 > means && pr.family != Family::Loan {
        return Some(ExclusionRule::BelowMinimum {
            min_amount: pr.min_amount.into(),
            means: Dec(means),
        });
    }
    if let Some(rating) = pr.risk {
        match i.risk {
            RiskStatus::Valid(level) if (level as u8) < (rating as u8) => {
                return Some(ExclusionRule::Unsuitable {
                    rating,
                    tolerance: level,
                });
            }
            RiskStatus::Expired(_) | RiskStatus::Missing if rating > RiskRating::R1 => {
                return Some(ExclusionRule::RiskAssessmentDue { rating });
            }
            _ => {}
        }
    }
    if pr.qualified_investor && !qualified(i, means) {
        return Some(ExclusionRule::NotQualifiedInvestor);
    }
    None
}

/// The elderly band or minors rule that keeps `pr` out for a customer of `age`, if any.
pub(crate) fn age_policy(
    v: &Vulnerability,
    pr: &Product,
    age: i32,
    guardian: bool,
) -> Option<ExclusionRule> {
    for band in v.elderly.iter().filter(|b| age >= b.from_age as i32) {
        let too_risky = band.max_risk.zip(pr.risk).is_some_and(|(max, r)| r > max);
        let too_long = band
            .max_term_months
            .zip(pr.term_months)
            .is_some_and(|(max, t)| t > max);
        if too_risky || too_long {
            return Some(ExclusionRule::ElderlyPolicy {
                age,
                from_age: band.from_age,
            });
        }
    }
    let m = v.minors.as_ref().filter(|m| age < m.below_age as i32)?;
    let credit = pr.family == Family::Loan && !m.credit;
    let investment =
        (is_investment(pr.family) || pr.risk.is_some()) && m.investment_needs_guardian && !guardian;
    (credit || investment).then_some(ExclusionRule::MinorPolicy { age })
}

/// The catalog's qualified-investor test; without one, nobody qualifies.
pub(crate) fn qualified(i: &Inputs, means: Decimal) -> bool {
    let Some(q) = &i.catalog.policy.qualified_investor else {
        return false;
    };
    let p = i.profile;
    let wealth =
        means >= q.financial_assets.0 || p.annual_income.is_some_and(|a| a.0 >= q.average_income.0);
    wealth && p.investment_experience_years.unwrap_or(0) >= q.experience_years
}
