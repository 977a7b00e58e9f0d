//! One evaluation: values, placement, history, gaps, potential, retention, value, moments and
//! recommendations, assembled into an [`Evaluation`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::Engine;
use crate::dec::Dec;
use crate::error::ProfileErrors;
use crate::evaluate::gaps::bar;
use crate::evaluate::gaps::{nearest, reach};
use crate::evaluate::ladder::{Placed, here};
use crate::evaluate::overflow;
use crate::evaluation::{Evaluation, Gap, MetricValue, RulesetRef, Service, TierCheck};
use crate::metrics::{Ctx, Kind};
use crate::profile::Profile;
use crate::recommend::{Audience, Exclusion, Options, Recommendation, RiskStatus, recommend};
use crate::ruleset::Unit;

impl Engine {
    /// Evaluates one profile on `as_of` with default options.
    pub fn evaluate(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
    ) -> Result<Evaluation, ProfileErrors> {
        self.evaluate_with(profile, as_of, &Options::default())
    }

    /// Evaluates one profile on `as_of`: tier, gaps, value, moments and recommendations.
    pub fn evaluate_with(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
        options: &Options,
    ) -> Result<Evaluation, ProfileErrors> {
        let staff = options.audience == Audience::Staff;
        let Placed {
            profile,
            vals,
            qualified,
            tier,
            basis,
            change,
            warnings,
        } = self.placed(profile, as_of, staff)?;
        let profile = profile.as_ref();
        let ctx = here(profile, as_of);
        // The trace of each tier down to the one the ladder gave.
        let ladder = self.criteria[..=qualified]
            .iter()
            .enumerate()
            .map(|(i, crit)| {
                let trace = crit.as_ref().map(|c| self.trace(c, &vals));
                TierCheck {
                    tier: self.ruleset.tiers[i].id.clone(),
                    matched: trace.as_ref().is_none_or(|t| t.held),
                    criteria: trace,
                }
            })
            .collect();

        let above: Vec<Gap> = (0..tier).rev().map(|j| self.gap(j, &vals)).collect();
        let t = &self.ruleset.tiers[tier];
        let at_stake = self.at_stake(&basis, profile, as_of);
        let retention = self.retention(tier, &vals, as_of, at_stake);
        let value = self
            .customer_value(&ctx, &vals)
            .map_err(|e| overflow(e, "value"))?;
        let risk = self.risk(profile, as_of);
        let near = nearest(&above);
        let (recommendations, not_recommended) = self.offers(
            &ctx,
            tier,
            near.map(|(g, a)| (g.tier.rank, a)),
            risk,
            options,
        )?;
        let mut moments = crate::moments::moments(&crate::moments::Inputs {
            profile,
            as_of,
            policy: &self.ruleset.moments,
            near: near.map(|(g, a)| (g.tier.clone(), a, bar(g))),
            // A tier that cannot be lost is never at risk.
            retention: retention
                .as_ref()
                .filter(|_| at_stake.is_some())
                .and_then(|r| {
                    // The tightest money bar decides.
                    r.requirements
                        .iter()
                        .filter(|q| q.comparison.unit == Unit::Money)
                        .min_by_key(|q| q.margin)
                        .map(|q| {
                            (
                                r.tier.clone(),
                                r.review_date,
                                -q.margin.0,
                                q.comparison.threshold.0,
                            )
                        })
                }),
            churn: value
                .as_ref()
                .and_then(|v| v.churn_risk.as_ref())
                .map(|c| c.drop_percent.0),
            risk: self.catalog.is_some().then_some(risk),
            recommendations: &recommendations,
        });
        if !staff {
            moments.retain(|m| !m.kind.is_staff_only());
        }
        Ok(Evaluation {
            ruleset: RulesetRef {
                id: self.ruleset.id.clone(),
                version: self.ruleset.version.clone(),
            },
            customer_id: profile.id.clone(),
            as_of,
            tier: self.tier_ref(tier),
            qualified: self.tier_ref(qualified),
            basis,
            change,
            service: Service {
                maintained_by: t.maintained_by,
                route: t.service_route,
                priority: t.priority,
            },
            assets: Dec(ctx.value(&Kind::Aum).map_err(|e| overflow(e, "aum"))?),
            metrics: self
                .metrics
                .iter()
                .zip(&vals)
                .map(|(d, v)| MetricValue {
                    metric: d.id.clone(),
                    unit: d.unit,
                    value: Dec(v.round_dp(2)),
                })
                .collect(),
            ladder,
            next: above.first().cloned(),
            reach: near.map(|(g, a)| reach(g, a)),
            potential: self.potential(profile, as_of, tier, &vals)?,
            retention,
            above,
            value: value.filter(|_| staff),
            moments,
            recommendations,
            not_recommended,
            warnings,
        })
    }
}

impl Engine {
    /// Where the customer stands on risk, by the catalog's validity (12 months without one).
    pub(crate) fn risk(&self, profile: &Profile, as_of: NaiveDate) -> RiskStatus {
        let valid_months = self
            .catalog
            .as_ref()
            .map_or(12, |c| c.policy.risk_valid_months);
        RiskStatus::of(profile, as_of, valid_months)
    }

    /// The catalog's offers for a placed customer (none without a catalog), and with
    /// `explain` the products left out; `near` is the nearest reachable tier above, by
    /// position, and the money that reaches it.
    pub(crate) fn offers(
        &self,
        ctx: &Ctx,
        tier: usize,
        near: Option<(usize, Decimal)>,
        risk: RiskStatus,
        options: &Options,
    ) -> Result<(Vec<Recommendation>, Vec<Exclusion>), ProfileErrors> {
        let Some(catalog) = &self.catalog else {
            return Ok((Vec::new(), Vec::new()));
        };
        Ok(recommend(&crate::recommend::Inputs {
            catalog,
            index: &self.catalog_index,
            tier_idx: tier,
            profile: ctx.profile,
            as_of: ctx.as_of,
            tier: &self.ruleset.tiers[tier].id,
            next: near.map(|(rank, a)| (self.tier_ref(rank), a)),
            aum: ctx.value(&Kind::Aum).map_err(|e| overflow(e, "aum"))?,
            risk,
            options,
            vulnerability: self.ruleset.vulnerability.as_ref(),
        }))
    }
}
