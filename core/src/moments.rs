//! Key moments (关键时点): maturities, birthdays, salary, large flows, a tier within reach, a
//! tier at risk, a valuable customer drifting away, a risk questionnaire due. Each carries the
//! action a bank takes and, where one fits, a product.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::dec::Dec;
use crate::evaluation::TierRef;
use crate::profile::{Family, FlowKind, Profile};
use crate::recommend::{Recommendation, RiskStatus};
use crate::ruleset::MomentPolicy;

/// A moment worth acting on.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "wasm",
    tsify(type = "MomentKind & { action: ActionCode; product?: string }")
)]
pub struct Moment {
    /// What happened, with its numbers.
    #[serde(flatten)]
    pub kind: MomentKind,
    /// What the bank does.
    pub action: ActionCode,
    /// A product that fits, from the recommendations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
}

/// The kinds of moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum MomentKind {
    /// A holding matures soon.
    Maturity {
        /// Product id.
        holding: String,
        /// Its family.
        family: Family,
        /// Maturity date.
        date: NaiveDate,
        /// Days from the as-of date.
        days: i64,
        /// Balance.
        amount: Dec,
    },
    /// A birthday this month.
    Birthday {
        /// This year's birthday.
        date: NaiveDate,
        /// The age reached.
        age: i32,
    },
    /// Salary arrived.
    Salary {
        /// When.
        date: NaiveDate,
        /// How much.
        amount: Dec,
    },
    /// A large amount came in.
    LargeInflow {
        /// When.
        date: NaiveDate,
        /// How much.
        amount: Dec,
    },
    /// A large amount went out.
    LargeOutflow {
        /// When.
        date: NaiveDate,
        /// How much (positive).
        amount: Dec,
    },
    /// The next tier is within reach.
    NearNextTier {
        /// The tier.
        tier: TierRef,
        /// Money missing.
        amount: Dec,
    },
    /// The tier may be lost at the next review.
    DowngradeRisk {
        /// The tier.
        tier: String,
        /// The review.
        review_date: NaiveDate,
        /// Money to add to keep it (0 when still above the bar, but close).
        keep_amount: Dec,
    },
    /// A valuable customer's average assets fall fast.
    ChurnRisk {
        /// The fall, in percent.
        drop_percent: Dec,
    },
    /// The risk questionnaire is missing or expired: only the lowest-risk products are offered.
    RiskAssessmentDue {
        /// When it expired; absent when there is none.
        #[serde(skip_serializing_if = "Option::is_none")]
        expired_on: Option<NaiveDate>,
    },
}

impl MomentKind {
    /// Whether only staff see it: the churn alarm and a large outflow are the bank's cues to
    /// retain a customer, not news for the customer.
    #[must_use]
    pub fn is_staff_only(&self) -> bool {
        matches!(
            self,
            MomentKind::ChurnRisk { .. } | MomentKind::LargeOutflow { .. }
        )
    }
}

/// What the bank does at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ActionCode {
    /// Offer to reinvest a maturing holding.
    Reinvest,
    /// Review a maturing loan.
    ReviewLoan,
    /// Send greetings (emotional maintenance).
    Greet,
    /// Suggest putting part of the salary to work.
    AutoInvest,
    /// Advise on a large inflow.
    Advise,
    /// Call to understand and retain.
    Retain,
    /// Show how to reach the next tier.
    Upgrade,
    /// Have the relationship manager call.
    ContactManager,
    /// Ask the customer to re-take the risk questionnaire.
    ReassessRisk,
}

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
