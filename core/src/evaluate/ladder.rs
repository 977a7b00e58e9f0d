//! Where a profile lands on the ladder: metric values, the first tier whose criteria hold, and
//! the trace of each criterion.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::Engine;
use crate::dec::Dec;
use crate::error::ProfileErrors;
use crate::evaluate::Placement;
use crate::evaluate::gaps::window_of;
use crate::evaluate::overflow;
use crate::evaluation::{Comparison, TierRef, Trace, TraceNode};
use crate::metrics::{Ctx, Kind};
use crate::profile::Profile;
use crate::validate::Crit;

impl Engine {
    /// The tier and the plain-ladder tier only, by the same steps as [`Engine::evaluate`]
    /// (validation, currency, ladder, history, manual floor) without building a result: for
    /// scenarios that evaluate many times.
    pub(crate) fn place(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
    ) -> Result<Placement, ProfileErrors> {
        self.validate(profile, as_of)?;
        let converted = self.in_currency(profile)?;
        let profile = converted.as_ref();
        let ctx = Ctx {
            profile,
            as_of,
            with_external: false,
        };
        let vals = self.values(&ctx)?;
        let qualified = self
            .criteria
            .iter()
            .position(|c| c.as_ref().is_none_or(|c| c.holds(&vals)))
            .unwrap_or(self.criteria.len() - 1);
        let (mut tier, _, _) = self.apply_history(qualified, profile, as_of);
        if let Some(m) = &profile.manual_assignment
            && as_of < m.expires
            && let Some(floor) = self.tier_index(&m.tier)
        {
            tier = tier.min(floor);
        }
        Ok(Placement { tier, qualified })
    }

    /// The longest history window any metric reads, in months.
    pub(crate) fn longest_window(&self) -> u32 {
        self.metrics
            .iter()
            .map(|d| window_of(&d.kind))
            .max()
            .unwrap_or(0)
    }

    /// The customer's assets here (the `aum` metric's value), in the ruleset's currency.
    pub(crate) fn assets_here(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
    ) -> Result<Decimal, ProfileErrors> {
        let converted = self.in_currency(profile)?;
        let profile = converted.as_ref();
        let ctx = Ctx {
            profile,
            as_of,
            with_external: false,
        };
        ctx.value(&Kind::Aum).map_err(|e| overflow(e, "aum"))
    }

    /// How many reviews fall after `from` and on or before `to`.
    pub(crate) fn reviews_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        self.reviews.count_between(from, to)
    }

    /// A tier by position, as results name it.
    pub(crate) fn tier_at(&self, i: usize) -> TierRef {
        self.tier_ref(i)
    }

    /// Every metric's value, in slot order.
    pub(crate) fn values(&self, ctx: &Ctx) -> Result<Vec<Decimal>, ProfileErrors> {
        let mut vals = Vec::with_capacity(self.metrics.len());
        for d in &self.metrics {
            vals.push(ctx.value(&d.kind).map_err(|e| overflow(e, &d.id))?);
        }
        Ok(vals)
    }

    pub(crate) fn trace(&self, c: &Crit, vals: &[Decimal]) -> Trace {
        match c {
            Crit::All(cs) => {
                let all: Vec<Trace> = cs.iter().map(|c| self.trace(c, vals)).collect();
                Trace {
                    held: all.iter().all(|t| t.held),
                    node: TraceNode::All { all },
                }
            }
            Crit::Any(cs) => {
                let any: Vec<Trace> = cs.iter().map(|c| self.trace(c, vals)).collect();
                Trace {
                    held: any.iter().any(|t| t.held),
                    node: TraceNode::Any { any },
                }
            }
            Crit::Cmp { slot, op, value } => {
                let d = &self.metrics[*slot];
                Trace {
                    held: op.holds(vals[*slot], *value),
                    node: TraceNode::Compare(Comparison {
                        metric: d.id.clone(),
                        unit: d.unit,
                        op: *op,
                        threshold: Dec(*value),
                        actual: Dec(vals[*slot].round_dp(2)),
                    }),
                }
            }
        }
    }
}
