//! Where a profile lands on the ladder: metric values, the first tier whose criteria hold, and
//! the trace of each criterion.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::Engine;
use crate::dec::Dec;
use crate::error::ProfileErrors;
use crate::evaluate::Placement;
use crate::evaluate::gaps::window_of;
use crate::evaluate::overflow;
use crate::evaluation::{
    Basis, Change, ChangeReason, Comparison, TierRef, Trace, TraceNode, Warning,
};
use crate::metrics::{Ctx, Kind};
use crate::profile::Profile;
use crate::validate::Crit;

/// A profile placed on the ladder, with what placing it measured.
pub(crate) struct Placed<'p> {
    /// The profile in the ruleset's currency (borrowed when it already was).
    pub(crate) profile: Cow<'p, Profile>,
    /// Every metric's value, in slot order.
    pub(crate) vals: Vec<Decimal>,
    /// The plain ladder's first match.
    pub(crate) qualified: usize,
    /// The tier the customer has.
    pub(crate) tier: usize,
    /// Why the tier is `tier`.
    pub(crate) basis: Basis,
    /// The change from the tier held, if any.
    pub(crate) change: Option<Change>,
    /// Validation's warnings, and an expired manual tier's.
    pub(crate) warnings: Vec<Warning>,
}

/// What metrics read of a profile held here (external assets apart).
pub(crate) fn here(profile: &Profile, as_of: NaiveDate) -> Ctx<'_> {
    Ctx {
        profile,
        as_of,
        with_external: false,
    }
}

impl Engine {
    /// Validates, converts and measures a profile, then places it: the plain ladder's first
    /// match, then review history and a manual floor. The one place these steps live:
    /// [`Engine::evaluate_with`], [`Engine::summarize`] and [`Engine::place`] all start here.
    /// `staff` keeps a manual floor's reason in the basis.
    pub(crate) fn placed<'p>(
        &self,
        profile: &'p Profile,
        as_of: NaiveDate,
        staff: bool,
    ) -> Result<Placed<'p>, ProfileErrors> {
        let mut warnings = self.validate(profile, as_of)?;
        // From here on every amount is in the ruleset's currency.
        let profile = self.in_currency(profile)?;
        let vals = self.values(&here(&profile, as_of))?;
        let qualified = self
            .criteria
            .iter()
            .position(|c| c.as_ref().is_none_or(|c| c.holds(&vals)))
            .unwrap_or(self.criteria.len() - 1);
        let (mut tier, mut basis, mut change) = self.apply_history(qualified, &profile, as_of);
        if let Some(m) = &profile.manual_assignment {
            // Validation refuses a manual tier the ruleset lacks.
            let floor = self.tier_index(&m.tier).unwrap_or(tier);
            if as_of >= m.expires {
                warnings.push(Warning::ManualExpired { expired: m.expires });
            } else if floor < tier {
                tier = floor;
                basis = Basis::ManualFloor {
                    until: m.expires,
                    reason: staff.then(|| m.reason.clone()),
                };
                // A change only from a tier held before, and only when it differs.
                change = profile
                    .tier_history
                    .as_ref()
                    .filter(|h| h.tier != m.tier)
                    .map(|h| Change {
                        from: h.tier.clone(),
                        reason: ChangeReason::Manual,
                    });
            }
        }
        Ok(Placed {
            profile,
            vals,
            qualified,
            tier,
            basis,
            change,
            warnings,
        })
    }

    /// The tier and the plain-ladder tier only, by the same steps as [`Engine::evaluate`]:
    /// for scenarios that evaluate many times.
    pub(crate) fn place(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
    ) -> Result<Placement, ProfileErrors> {
        let p = self.placed(profile, as_of, false)?;
        Ok(Placement {
            tier: p.tier,
            qualified: p.qualified,
        })
    }

    /// The longest history window the tiers' criteria read, in months (0 when they read none):
    /// how long an average must be held for the ladder to see it.
    pub(crate) fn criteria_window(&self) -> u32 {
        fn slots(c: &Crit, out: &mut Vec<usize>) {
            match c {
                Crit::All(cs) | Crit::Any(cs) => cs.iter().for_each(|c| slots(c, out)),
                Crit::Cmp { slot, .. } => out.push(*slot),
            }
        }
        let mut used = Vec::new();
        self.criteria
            .iter()
            .flatten()
            .for_each(|c| slots(c, &mut used));
        used.iter()
            .filter_map(|&i| self.metrics.get(i))
            .map(|d| window_of(&d.kind))
            .max()
            .unwrap_or(0)
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
        let profile = self.in_currency(profile)?;
        here(&profile, as_of)
            .value(&Kind::Aum)
            .map_err(|e| overflow(e, "aum"))
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
