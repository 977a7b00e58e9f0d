//! One evaluation: values, placement, history, gaps, potential, retention, value, moments and
//! recommendations, assembled into an [`Evaluation`].

use chrono::NaiveDate;

use crate::Engine;
use crate::dec::Dec;
use crate::error::ProfileErrors;
use crate::evaluate::gaps::bar;
use crate::evaluate::gaps::reach;
use crate::evaluate::overflow;
use crate::evaluation::{
    Basis, Change, ChangeReason, Evaluation, Gap, MetricValue, RulesetRef, Service, TierCheck,
    Warning,
};
use crate::metrics::{Ctx, Kind};
use crate::profile::Profile;
use crate::recommend::{Audience, Options, RiskStatus, recommend};
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
        let mut warnings = self.validate(profile, as_of)?;
        let staff = options.audience == Audience::Staff;
        // From here on every amount is in the ruleset's currency.
        let converted = self.in_currency(profile)?;
        let profile = converted.as_ref();
        let ctx = Ctx {
            profile,
            as_of,
            with_external: false,
        };
        let vals = self.values(&ctx)?;

        let mut ladder = Vec::new();
        let mut qualified = self.criteria.len() - 1;
        for (i, crit) in self.criteria.iter().enumerate() {
            let trace = crit.as_ref().map(|c| self.trace(c, &vals));
            let matched = trace.as_ref().is_none_or(|t| t.held);
            ladder.push(TierCheck {
                tier: self.ruleset.tiers[i].id.clone(),
                matched,
                criteria: trace,
            });
            if matched {
                qualified = i;
                break;
            }
        }

        let (mut tier, mut basis, mut change) = self.apply_history(qualified, profile, as_of);
        if let Some(m) = &profile.manual_assignment {
            let floor = self.tier_index(&m.tier).unwrap_or(tier);
            if as_of >= m.expires {
                warnings.push(Warning::ManualExpired { expired: m.expires });
            } else if floor < tier {
                // `place` applies the same floor without the result objects.
                tier = floor;
                basis = Basis::ManualFloor {
                    until: m.expires,
                    reason: staff.then(|| m.reason.clone()),
                };
                let held = profile.tier_history.as_ref().map(|h| h.tier.as_str());
                change = (held != Some(m.tier.as_str())).then(|| Change {
                    from: held.unwrap_or_default().to_owned(),
                    reason: ChangeReason::Manual,
                });
                if held.is_none() {
                    change = None;
                }
            }
        }

        let above: Vec<Gap> = (0..tier).rev().map(|j| self.gap(j, &vals)).collect();
        let t = &self.ruleset.tiers[tier];
        let retention = self.retention(tier, &vals, as_of);
        let value = self
            .customer_value(&ctx, &vals)
            .map_err(|e| overflow(e, "value"))?;
        let valid_months = self
            .catalog
            .as_ref()
            .map_or(12, |c| c.policy.risk_valid_months);
        let risk = RiskStatus::of(profile, as_of, valid_months);
        let near = above
            .iter()
            .find(|g| g.reachable)
            .and_then(|g| g.amount.map(|a| (g, a.0)));
        let (recommendations, not_recommended) = match &self.catalog {
            Some(catalog) => recommend(&crate::recommend::Inputs {
                catalog,
                index: &self.catalog_index,
                tier_idx: tier,
                profile,
                as_of,
                tier: &t.id,
                next: near.map(|(g, a)| (g.tier.clone(), a)),
                aum: ctx.value(&Kind::Aum).map_err(|e| overflow(e, "aum"))?,
                risk,
                options,
                vulnerability: self.ruleset.vulnerability.as_ref(),
            }),
            None => (Vec::new(), Vec::new()),
        };
        let mut moments = crate::moments::moments(&crate::moments::Inputs {
            profile,
            as_of,
            policy: &self.ruleset.moments,
            near: near.map(|(g, a)| (g.tier.clone(), a, bar(g))),
            retention: retention.as_ref().and_then(|r| {
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
