//! Key moments (关键时点): maturities, birthdays, salary, large flows, a tier within reach, a
//! tier at risk, a valuable customer drifting away, a risk questionnaire due. Each carries the
//! action a bank takes and, where one fits, a product.

pub use crate::output::moment::{ActionCode, Moment, MomentKind};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::dec::Dec;
use crate::evaluation::TierRef;
use crate::profile::{Family, FlowKind, Profile};
use crate::recommend::{Recommendation, RiskStatus};
use crate::ruleset::MomentPolicy;

/// What moments read beyond the profile.
pub(crate) struct Inputs<'a> {
    pub profile: &'a Profile,
    pub as_of: NaiveDate,
    pub policy: &'a MomentPolicy,
    /// The nearest tier above that money reaches: tier, money missing, its bar.
    pub near: Option<(TierRef, Decimal, Decimal)>,
    /// The tier held, next review, money short of the bar (≤ 0 when above), and the bar.
    pub retention: Option<(String, NaiveDate, Decimal, Decimal)>,
    pub churn: Option<Decimal>,
    /// The questionnaire's state, when a catalog makes it matter.
    pub risk: Option<RiskStatus>,
    pub recommendations: &'a [Recommendation],
}

fn pick(recs: &[Recommendation], families: &[Family]) -> Option<String> {
    recs.iter()
        .find(|r| families.contains(&r.family))
        .map(|r| r.product.clone())
}

/// Every moment, in a stable order: time-bound ones first.
pub(crate) fn moments(i: &Inputs) -> Vec<Moment> {
    use Family::{Deposit, Fund, Pension, TimeDeposit, WealthProduct};
    let mut out = Vec::new();
    let p = i.profile;
    let mut maturing: Vec<_> = p
        .holdings
        .iter()
        .filter_map(|h| h.maturity_date.map(|d| (d, h)))
        .filter(|(d, _)| {
            *d >= i.as_of && (*d - i.as_of).num_days() <= i64::from(i.policy.maturity_days)
        })
        .collect();
    maturing.sort_by_key(|(d, _)| *d);
    for (date, h) in maturing {
        let loan = h.family == Family::Loan;
        out.push(Moment {
            kind: MomentKind::Maturity {
                holding: h.product.clone(),
                family: h.family,
                date,
                days: (date - i.as_of).num_days(),
                amount: h.balance.into(),
            },
            action: if loan {
                ActionCode::ReviewLoan
            } else {
                ActionCode::Reinvest
            },
            product: if loan {
                None
            } else {
                pick(
                    i.recommendations,
                    &[TimeDeposit, WealthProduct, Fund, Family::Bond],
                )
            },
        });
    }
    let recent =
        |d: NaiveDate| d <= i.as_of && (i.as_of - d).num_days() <= i64::from(i.policy.recent_days);
    let mut flows: Vec<_> = p.cash_flows.iter().filter(|f| recent(f.date)).collect();
    flows.sort_by_key(|f| std::cmp::Reverse(f.date));
    if let Some(f) = flows.iter().find(|f| f.kind == FlowKind::Salary) {
        out.push(Moment {
            kind: MomentKind::Salary {
                date: f.date,
                amount: f.amount.into(),
            },
            action: ActionCode::AutoInvest,
            product: pick(i.recommendations, &[Fund, Pension, TimeDeposit, Deposit]),
        });
    }
    for f in flows
        .iter()
        .filter(|f| f.amount.0.abs() >= i.policy.large_flow.0)
    {
        let (kind, action, product) = if f.amount.is_sign_positive() {
            (
                MomentKind::LargeInflow {
                    date: f.date,
                    amount: f.amount.into(),
                },
                ActionCode::Advise,
                pick(i.recommendations, &[WealthProduct, TimeDeposit, Fund]),
            )
        } else {
            (
                MomentKind::LargeOutflow {
                    date: f.date,
                    amount: Dec(f.amount.0.abs()),
                },
                ActionCode::Retain,
                None,
            )
        };
        out.push(Moment {
            kind,
            action,
            product,
        });
    }
    if let Some(b) = p.birth_date
        && b.month() == i.as_of.month()
    {
        let date = NaiveDate::from_ymd_opt(i.as_of.year(), b.month(), b.day())
            .or_else(|| NaiveDate::from_ymd_opt(i.as_of.year(), 2, 28))
            .unwrap_or(i.as_of);
        out.push(Moment {
            kind: MomentKind::Birthday {
                date,
                age: i.as_of.year() - b.year(),
            },
            action: ActionCode::Greet,
            product: None,
        });
    }
    if let Some((tier, review_date, short, bar)) = &i.retention {
        let close = *short > -(bar * i.policy.downgrade_margin_percent.0 / Decimal::ONE_HUNDRED);
        if close {
            out.push(Moment {
                kind: MomentKind::DowngradeRisk {
                    tier: tier.clone(),
                    review_date: *review_date,
                    keep_amount: Dec((*short).max(Decimal::ZERO)),
                },
                action: ActionCode::Retain,
                product: pick(i.recommendations, &[TimeDeposit, WealthProduct, Deposit]),
            });
        }
    }
    if let Some((tier, amount, bar)) = &i.near
        && *amount <= bar * i.policy.near_tier_percent.0 / Decimal::ONE_HUNDRED
    {
        out.push(Moment {
            kind: MomentKind::NearNextTier {
                tier: tier.clone(),
                amount: Dec(*amount),
            },
            action: ActionCode::Upgrade,
            product: i
                .recommendations
                .iter()
                .find(|r| r.lifts_tier())
                .map(|r| r.product.clone()),
        });
    }
    if let Some(drop) = i.churn {
        out.push(Moment {
            kind: MomentKind::ChurnRisk {
                drop_percent: Dec(drop),
            },
            action: ActionCode::ContactManager,
            product: None,
        });
    }
    let due = match i.risk {
        Some(RiskStatus::Expired(d)) => Some(Some(d)),
        Some(RiskStatus::Missing) => Some(None),
        _ => None,
    };
    if let Some(expired_on) = due {
        out.push(Moment {
            kind: MomentKind::RiskAssessmentDue { expired_on },
            action: ActionCode::ReassessRisk,
            product: None,
        });
    }
    out
}
