//! The tier assets held elsewhere would give, and what keeps the tier at the next review.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::Engine;
use crate::dec::Dec;
use crate::error::ProfileErrors;
use crate::evaluate::gaps::actionable;
use crate::evaluate::overflow;
use crate::evaluation::{Potential, Requirement, Retention, Trace, TraceNode};
use crate::metrics::{Ctx, Kind};
use crate::profile::Profile;
use crate::ruleset::{Op, Unit};

impl Engine {
    pub(crate) fn potential(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
        tier: usize,
        vals: &[Decimal],
    ) -> Result<Option<Potential>, ProfileErrors> {
        let ctx = Ctx {
            profile,
            as_of,
            with_external: true,
        };
        let external = ctx
            .value(&Kind::External)
            .map_err(|e| overflow(e, "external_assets"))?;
        if !self.uses_assets || external <= Decimal::ZERO {
            return Ok(None);
        }
        let ext = self.values(&ctx)?;
        let Some(p) = self
            .criteria
            .iter()
            .position(|c| c.as_ref().is_none_or(|c| self.trace(c, &ext).held))
        else {
            return Ok(None);
        };
        if p >= tier {
            return Ok(None);
        }
        let gap = self.gap(p, vals);
        Ok(Some(Potential {
            tier: gap.tier,
            external_assets: Dec(external),
            move_needed: gap.amount,
            shortfalls: gap.shortfalls,
        }))
    }

    pub(crate) fn retention(
        &self,
        tier: usize,
        vals: &[Decimal],
        as_of: NaiveDate,
        at_stake: Option<NaiveDate>,
    ) -> Option<Retention> {
        let t = self.trace(self.criteria[tier].as_ref()?, vals);
        let mut requirements = Vec::new();
        self.requirements(&t, &mut requirements);
        let amount_to_keep = requirements
            .iter()
            .filter(|q| q.comparison.unit == Unit::Money && q.margin.0 < Decimal::ZERO)
            .map(|q| Dec(-q.margin.0))
            .max()
            // Nothing to keep when the tier cannot be lost.
            .filter(|_| !t.held && at_stake.is_some());
        (!requirements.is_empty()).then(|| Retention {
            tier: self.ruleset.tiers[tier].id.clone(),
            review_date: at_stake.unwrap_or_else(|| self.reviews.next_on_or_after(as_of)),
            on_track: t.held,
            amount_to_keep,
            requirements,
        })
    }

    /// The money and product bars the customer must stay above.
    pub(crate) fn requirements(&self, t: &Trace, out: &mut Vec<Requirement>) {
        match &t.node {
            TraceNode::Compare(c) => {
                let kind = self.kind_of(&c.metric);
                if matches!(c.op, Op::Gte | Op::Gt) && kind.is_some_and(actionable) {
                    out.push(Requirement {
                        comparison: c.clone(),
                        margin: Dec(c.actual.0 - c.threshold.0),
                    });
                }
            }
            TraceNode::All { all } => all.iter().for_each(|t| self.requirements(t, out)),
            TraceNode::Any { any } => {
                if let Some(t) = any.iter().find(|t| t.held).or_else(|| any.first()) {
                    self.requirements(t, out);
                }
            }
        }
    }
}
