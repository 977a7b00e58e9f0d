//! The engine: validates a ruleset once, then evaluates profiles against it.
//!
//! Compilation resolves every metric id to a slot and every threshold to a decimal, and
//! collects *every* problem with its JSON path. Evaluation is a pure function of the
//! profile and the as-of date: no clock, no I/O.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::catalog::Catalog;
use crate::dec::{Dec, Money};
use crate::domain;
use crate::error::{ProfileError, ProfileErrors, RulesetError, RulesetErrors};
use crate::evaluation::{
    Basis, Change, ChangeReason, Comparison, Equivalent, Evaluation, Gap, MetricValue, Potential,
    Reach, Requirement, Retention, RulesetRef, Service, Shortfall, TierCheck, TierRef, Trace,
    TraceNode, Warning,
};
use crate::metrics::{self, Ctx, Kind, MAX_MONTHS, TermSource};
use crate::profile::{Education, Profile};
use crate::recommend::{Audience, Options, RiskStatus, recommend};
use crate::review::{Reviews, add_months};
use crate::ruleset::{
    Criterion, Downgrade, DowngradeTo, MomentPolicy, Op, Ruleset, Source, Threshold, Unit,
    ValueModel,
};
use crate::text::Text;
use crate::value::{
    ChurnRisk, CustomerValue, IndicatorKind, IndicatorScore, drop_percent, indicator_score, stars,
};

/// A validated ruleset, ready to evaluate profiles.
#[derive(Clone, Debug)]
pub struct Engine {
    ruleset: Ruleset,
    pub(crate) metrics: Vec<metrics::Def>,
    /// Original sources of derived-metric terms, for gap equivalents.
    sources: HashMap<String, Vec<(Source, Decimal, Decimal)>>,
    pub(crate) criteria: Vec<Option<Crit>>,
    reviews: Reviews,
    uses_assets: bool,
    /// Value indicators compiled to metric slots, in the model's order.
    value: Option<[(IndicatorKind, usize); 4]>,
    catalog: Option<Catalog>,
    /// Per-product masks of the catalog, in its order.
    catalog_index: Vec<crate::recommend::ProductIndex>,
}

/// Where a profile lands on the ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Placement {
    /// The tier the customer has (history and manual floor applied).
    pub(crate) tier: usize,
    /// The plain ladder's first match.
    pub(crate) qualified: usize,
}

/// A compiled criterion: metric slots and decimal thresholds.
#[derive(Clone, Debug)]
pub(crate) enum Crit {
    All(Vec<Crit>),
    Any(Vec<Crit>),
    Cmp { slot: usize, op: Op, value: Decimal },
}

impl Crit {
    /// Whether the criterion holds for these metric values.
    pub(crate) fn holds(&self, vals: &[Decimal]) -> bool {
        match self {
            Crit::All(cs) => cs.iter().all(|c| c.holds(vals)),
            Crit::Any(cs) => cs.iter().any(|c| c.holds(vals)),
            Crit::Cmp { slot, op, value } => op.holds(vals[*slot], *value),
        }
    }

    /// How many comparisons fail (for `any`, in its nearest alternative).
    pub(crate) fn misses(&self, vals: &[Decimal]) -> usize {
        match self {
            Crit::All(cs) => cs.iter().map(|c| c.misses(vals)).sum(),
            Crit::Any(cs) => cs.iter().map(|c| c.misses(vals)).min().unwrap_or(0),
            Crit::Cmp { slot, op, value } => usize::from(!op.holds(vals[*slot], *value)),
        }
    }

    /// How many comparisons the criterion has.
    pub(crate) fn leaves(&self) -> usize {
        match self {
            Crit::All(cs) | Crit::Any(cs) => cs.iter().map(Crit::leaves).sum(),
            Crit::Cmp { .. } => 1,
        }
    }
}

/// Which product catalog an engine gets. The one way to assemble an engine is
/// [`Engine::assemble`], so every face picks the catalog the same way, and says which.
#[derive(Clone, Debug)]
pub enum CatalogChoice {
    /// No catalog: no offers.
    None,
    /// The catalog shipped for the ruleset's id, when there is one and it fits (a bank's own
    /// ruleset under a shipped id may rename tiers; then there are no offers).
    Shipped,
    /// This catalog; it must fit the ruleset.
    Given(Box<Catalog>),
}

/// Which document an assembly problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// The ruleset.
    Ruleset,
    /// The product catalog.
    Catalog,
}

impl Document {
    /// `ruleset` or `catalog`, as error envelopes name it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Document::Ruleset => "ruleset",
            Document::Catalog => "catalog",
        }
    }
}

/// Why an engine could not be assembled: the document and every problem in it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}: {errors}", document.name())]
pub struct AssemblyError {
    /// The document at fault.
    pub document: Document,
    /// Every problem, with its path.
    pub errors: RulesetErrors,
}

impl Engine {
    /// Validates a ruleset and adds the chosen catalog: the one way faces build an engine.
    pub fn assemble(ruleset: Ruleset, catalog: CatalogChoice) -> Result<Self, AssemblyError> {
        let engine = Engine::new(ruleset).map_err(|errors| AssemblyError {
            document: Document::Ruleset,
            errors,
        })?;
        match catalog {
            CatalogChoice::None => Ok(engine),
            CatalogChoice::Shipped => Ok(match crate::catalogs::for_ruleset(&engine.ruleset.id) {
                Some(c) => engine.with_catalog_if_it_fits(c),
                None => engine,
            }),
            CatalogChoice::Given(c) => engine.with_catalog(*c).map_err(|errors| AssemblyError {
                document: Document::Catalog,
                errors,
            }),
        }
    }

    /// [`Engine::assemble`] from JSON text: the ruleset, and the catalog's text or `None` for
    /// the shipped one (`CatalogChoice::Shipped`).
    pub fn assemble_json(ruleset: &str, catalog: Option<&str>) -> Result<Self, AssemblyError> {
        let rs = parse_ruleset(ruleset).map_err(|errors| AssemblyError {
            document: Document::Ruleset,
            errors,
        })?;
        let choice = match catalog {
            None => CatalogChoice::Shipped,
            Some(json) => {
                let catalog = parse_catalog(json).map_err(|errors| AssemblyError {
                    document: Document::Catalog,
                    errors,
                })?;
                CatalogChoice::Given(Box::new(catalog))
            }
        };
        Engine::assemble(rs, choice)
    }

    /// Validates and compiles a ruleset, reporting every problem found.
    pub fn new(ruleset: Ruleset) -> Result<Self, RulesetErrors> {
        let mut c = Compiler::new(&ruleset);
        c.check();
        let criteria: Vec<Option<Crit>> = ruleset
            .tiers
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.criteria
                    .as_ref()
                    .and_then(|k| c.criterion(k, &format!("$.tiers[{i}].criteria")))
            })
            .collect();
        c.check_order(&criteria);
        let value = ruleset.value.as_ref().and_then(|v| c.value_model(v));
        c.moment_policy(&ruleset.moments);
        let reviews = match Reviews::compile(&ruleset.review.schedule) {
            Ok(r) => Some(r),
            Err(errs) => {
                for (i, message) in errs {
                    c.err(RulesetError::Invalid {
                        path: format!("$.review.schedule.dates[{i}]"),
                        message,
                    });
                }
                None
            }
        };
        if !c.errors.is_empty() {
            return Err(RulesetErrors(c.errors));
        }
        let uses_assets = c.defs.iter().any(|d| d.kind.uses_assets());
        Ok(Engine {
            metrics: c.defs,
            sources: c.sources,
            criteria,
            reviews: reviews.unwrap_or(Reviews::Monthly),
            uses_assets,
            value,
            catalog: None,
            catalog_index: Vec::new(),
            ruleset,
        })
    }

    /// Adds a product catalog, validated against this ruleset; every problem with its path.
    pub fn with_catalog(self, catalog: Catalog) -> Result<Self, RulesetErrors> {
        let errs = crate::recommend::validate(&catalog, &self.ruleset);
        if errs.is_empty() {
            Ok(self.attach(catalog))
        } else {
            Err(RulesetErrors(errs))
        }
    }

    /// Adds `catalog` if it fits this ruleset, else gives the engine back without it: for a
    /// shipped catalog offered to a bank's own ruleset, which may rename its tiers.
    #[must_use]
    pub fn with_catalog_if_it_fits(self, catalog: Catalog) -> Self {
        if crate::recommend::validate(&catalog, &self.ruleset).is_empty() {
            self.attach(catalog)
        } else {
            self
        }
    }

    /// Adds a validated catalog and its index.
    fn attach(mut self, catalog: Catalog) -> Self {
        let tiers: Vec<&str> = self.tier_ids().collect();
        self.catalog_index = crate::recommend::index(&catalog, &tiers);
        self.catalog = Some(catalog);
        self
    }

    /// The catalog, if one was added.
    #[must_use]
    pub fn catalog(&self) -> Option<&Catalog> {
        self.catalog.as_ref()
    }

    /// Parses ruleset JSON text and compiles it.
    pub fn from_json(json: &str) -> Result<Self, RulesetErrors> {
        Self::new(parse_ruleset(json)?)
    }

    /// The ruleset this engine evaluates.
    #[must_use]
    pub fn ruleset(&self) -> &Ruleset {
        &self.ruleset
    }

    /// The tier ids, highest first.
    pub fn tier_ids(&self) -> impl Iterator<Item = &str> {
        self.ruleset.tiers.iter().map(|t| t.id.as_str())
    }

    /// How the metric a comparison names is computed.
    fn kind_of(&self, metric: &str) -> Option<&Kind> {
        self.metrics
            .iter()
            .find(|d| d.id == metric)
            .map(|d| &d.kind)
    }

    fn tier_index(&self, id: &str) -> Option<usize> {
        self.ruleset.tiers.iter().position(|t| t.id == id)
    }

    fn tier_ref(&self, i: usize) -> TierRef {
        let t = &self.ruleset.tiers[i];
        TierRef {
            id: t.id.clone(),
            name: t.customer_name().clone(),
            rank: i,
        }
    }

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
        let converted = self
            .in_ruleset_currency(profile)
            .map_err(|e| overflow(e, "fx_rates"))?;
        let profile = converted.as_ref().unwrap_or(profile);
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

    /// The tier and the plain-ladder tier only, by the same steps as [`Engine::evaluate`]
    /// (validation, currency, ladder, history, manual floor) without building a result: for
    /// scenarios that evaluate many times.
    pub(crate) fn place(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
    ) -> Result<Placement, ProfileErrors> {
        self.validate(profile, as_of)?;
        let converted = self
            .in_ruleset_currency(profile)
            .map_err(|e| overflow(e, "fx_rates"))?;
        let profile = converted.as_ref().unwrap_or(profile);
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
        let converted = self
            .in_ruleset_currency(profile)
            .map_err(|e| overflow(e, "fx_rates"))?;
        let profile = converted.as_ref().unwrap_or(profile);
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
    fn values(&self, ctx: &Ctx) -> Result<Vec<Decimal>, ProfileErrors> {
        let mut vals = Vec::with_capacity(self.metrics.len());
        for d in &self.metrics {
            vals.push(ctx.value(&d.kind).map_err(|e| overflow(e, &d.id))?);
        }
        Ok(vals)
    }

    fn customer_value(
        &self,
        ctx: &Ctx,
        vals: &[Decimal],
    ) -> Result<Option<CustomerValue>, metrics::Overflow> {
        let (Some(model), Some(slots)) = (self.ruleset.value.as_ref(), self.value) else {
            return Ok(None);
        };
        let indicators: Vec<IndicatorScore> = slots
            .iter()
            .map(|(kind, slot)| {
                let ind = match kind {
                    IndicatorKind::Contribution => &model.contribution,
                    IndicatorKind::Risk => &model.risk,
                    IndicatorKind::Reputation => &model.reputation,
                    IndicatorKind::Relatedness => &model.relatedness,
                };
                IndicatorScore {
                    indicator: *kind,
                    metric: ind.metric.clone(),
                    actual: Dec(vals[*slot].round_dp(2)),
                    score: Dec(indicator_score(vals[*slot], ind.full_at.0, ind.invert)),
                    weight: ind.weight,
                }
            })
            .collect();
        let total_weight: Decimal = indicators.iter().map(|i| i.weight.0).sum();
        let score = if total_weight.is_zero() {
            Decimal::ZERO
        } else {
            (indicators
                .iter()
                .map(|i| i.score.0 * i.weight.0)
                .sum::<Decimal>()
                / total_weight)
                .round_dp(2)
        };
        let mut churn_risk = None;
        if let Some(c) = model.churn.as_ref().filter(|c| score >= c.min_score.0) {
            let recent = ctx.asset_average(0, c.months)?;
            let before = ctx.asset_average(c.months, c.months)?;
            churn_risk = drop_percent(before, recent)
                .filter(|d| *d >= c.drop_percent.0)
                .map(|d| ChurnRisk {
                    before: Dec(before.round_dp(2)),
                    recent: Dec(recent.round_dp(2)),
                    drop_percent: Dec(d),
                });
        }
        Ok(Some(CustomerValue {
            score: Dec(score),
            stars: stars(score, &model.stars),
            indicators,
            churn_risk,
        }))
    }

    /// Semantic checks of a profile against this ruleset, all at once; returns warnings.
    fn validate(&self, p: &Profile, as_of: NaiveDate) -> Result<Vec<Warning>, ProfileErrors> {
        let mut errs = Vec::new();
        let mut warnings = Vec::new();
        let mut neg = |path: String, v: Money| {
            if v.is_sign_negative() && !v.is_zero() {
                errs.push(ProfileError::Negative {
                    path,
                    value: v.to_string(),
                });
            }
        };
        for (i, h) in p.holdings.iter().enumerate() {
            neg(format!("$.holdings[{i}].balance"), h.balance);
        }
        for (i, e) in p.external_assets.iter().enumerate() {
            neg(format!("$.external_assets[{i}].balance"), e.balance);
        }
        for (i, m) in p.monthly.iter().enumerate() {
            for (f, v) in &m.avg_daily {
                neg(format!("$.monthly[{i}].avg_daily.{}", f.name()), *v);
            }
            if let Some(fee) = m.fee_income {
                neg(format!("$.monthly[{i}].fee_income"), fee);
            }
        }
        for (i, m) in p.household.iter().enumerate() {
            neg(format!("$.household[{i}].aum"), m.aum);
        }
        // Only assets count as assets: a loan or a card at another bank is a debt, and
        // counting it would tell the customer to "move" money they owe.
        for (i, e) in p.external_assets.iter().enumerate() {
            if let Some(f) = e.family.filter(|f| !f.is_asset()) {
                errs.push(ProfileError::Invalid {
                    path: format!("$.external_assets[{i}].family"),
                    message: format!(
                        "`{}` is not an asset: external assets hold only what the customer owns",
                        f.name()
                    ),
                });
            }
        }
        if let Err(message) = domain::key(&p.id) {
            errs.push(ProfileError::Invalid {
                path: "$.id".into(),
                message,
            });
        }
        for (i, h) in p.holdings.iter().enumerate() {
            if let Err(message) = domain::key(&h.product) {
                let path = format!("$.holdings[{i}].product");
                errs.push(ProfileError::Invalid { path, message });
            }
        }
        for (i, m) in p.household.iter().enumerate() {
            if let Err(message) = domain::key(&m.id) {
                let path = format!("$.household[{i}].id");
                errs.push(ProfileError::Invalid { path, message });
            }
        }
        errs.extend(self.currency_errors(p));
        let years = domain::FIRST_YEAR..=domain::LAST_YEAR;
        if !years.contains(&as_of.year()) {
            errs.push(ProfileError::Invalid {
                // The JS API's name for the argument (`evaluate(profile, asOf)`).
                path: "asOf".into(),
                message: format!(
                    "the as-of date {as_of} is outside {}–{}",
                    domain::FIRST_YEAR,
                    domain::LAST_YEAR
                ),
            });
        }
        if let Some(b) = p.birth_date
            && b <= as_of
            && metrics::age_on(b, as_of) > domain::MAX_AGE as i32
        {
            errs.push(ProfileError::Invalid {
                path: "$.birth_date".into(),
                message: format!(
                    "{b} makes the customer older than {} on {as_of}",
                    domain::MAX_AGE
                ),
            });
        }
        for (name, v) in &p.attributes {
            let Some(def) = self.ruleset.inputs.get(name) else {
                continue;
            };
            let path = format!("$.attributes.{name}");
            let whole = matches!(def.unit, Unit::Count | Unit::Years | Unit::Rank);
            if (def.unit == Unit::Money || whole) && v.is_sign_negative() && !v.is_zero() {
                let value = v.to_string();
                errs.push(ProfileError::Negative { path, value });
                continue;
            }
            let decimals = if whole {
                0
            } else {
                crate::dec::MONEY_DECIMALS as u32
            };
            if (whole || def.unit == Unit::Money) && v.normalize().scale() > decimals {
                let message = if whole {
                    format!("{v} is not a whole number")
                } else {
                    format!("{v} has more than {decimals} decimals; money has {decimals}")
                };
                errs.push(ProfileError::Invalid { path, message });
            }
        }
        let mut seen = BTreeSet::new();
        for (i, m) in p.monthly.iter().enumerate() {
            if !seen.insert(m.month) {
                errs.push(ProfileError::Invalid {
                    path: format!("$.monthly[{i}].month"),
                    message: format!("month {} is listed twice", m.month),
                });
            }
        }
        let mut future = |path: &str, d: Option<NaiveDate>| {
            if let Some(d) = d.filter(|d| *d > as_of) {
                errs.push(ProfileError::FutureDate {
                    path: path.to_owned(),
                    date: d.to_string(),
                    as_of: as_of.to_string(),
                });
            }
        };
        future("$.birth_date", p.birth_date);
        future("$.risk.assessed_on", p.risk.as_ref().map(|r| r.assessed_on));
        future(
            "$.tier_history.since",
            p.tier_history.as_ref().map(|h| h.since),
        );
        future(
            "$.tier_history.below_since",
            p.tier_history.as_ref().and_then(|h| h.below_since),
        );
        if let Some(h) = &p.tier_history
            && self.tier_index(&h.tier).is_none()
        {
            errs.push(ProfileError::UnknownTier {
                path: "$.tier_history.tier".into(),
                tier: h.tier.clone(),
            });
        }
        if let Some(m) = &p.manual_assignment
            && self.tier_index(&m.tier).is_none()
        {
            errs.push(ProfileError::UnknownTier {
                path: "$.manual_assignment.tier".into(),
                tier: m.tier.clone(),
            });
        }
        for d in &self.metrics {
            let missing = match &d.kind {
                Kind::Age if p.birth_date.is_none() => Some("$.birth_date".to_owned()),
                Kind::Education if p.education.is_none() => Some("$.education".to_owned()),
                Kind::Input {
                    name,
                    default: None,
                    ..
                } if !p.attributes.contains_key(name) => Some(format!("$.attributes.{name}")),
                _ => None,
            };
            if let Some(path) = missing {
                errs.push(ProfileError::Missing {
                    path,
                    metric: d.id.clone(),
                });
            }
        }
        for name in p.attributes.keys() {
            if !self.ruleset.inputs.contains_key(name) {
                warnings.push(Warning::UnknownAttribute { name: name.clone() });
            }
        }
        // Months an average reads but the profile lacks count as zero: say so.
        let window = self.longest_window();
        if window > 0 && p.monthly.is_empty() {
            warnings.push(Warning::NoHistory { months: window });
        } else if window > 0 {
            for m in metrics::window(as_of, window) {
                if !p.monthly.iter().any(|r| r.month == m) {
                    warnings.push(Warning::MissingMonth {
                        month: m.to_string(),
                    });
                }
            }
        }
        if errs.is_empty() {
            Ok(warnings)
        } else {
            Err(ProfileErrors(errs))
        }
    }

    /// The rate of `currency` into the ruleset's currency: 1 for the ruleset's own (or none
    /// given), else the profile's `fx_rates`, else the ruleset's.
    fn rate(&self, p: &Profile, currency: Option<&str>) -> Option<Decimal> {
        match currency {
            None => Some(Decimal::ONE),
            Some(c) if c == self.ruleset.currency => Some(Decimal::ONE),
            Some(c) => p
                .fx_rates
                .get(c)
                .or_else(|| self.ruleset.fx_rates.get(c))
                .map(|r| r.0),
        }
    }

    /// The profile's rates and the currency of each amount: codes, a rate for each currency
    /// used, and converted amounts within money's domain.
    fn currency_errors(&self, p: &Profile) -> Vec<ProfileError> {
        let mut errs = Vec::new();
        for (code, r) in &p.fx_rates {
            let path = format!("$.fx_rates.{code}");
            if let Err(message) = fx_rate(code, r.0) {
                errs.push(ProfileError::Invalid { path, message });
            } else if *code == self.ruleset.currency {
                let message = format!("{code} is the ruleset's own currency");
                errs.push(ProfileError::Invalid { path, message });
            }
        }
        let amounts = p
            .holdings
            .iter()
            .enumerate()
            .map(|(i, h)| (format!("$.holdings[{i}]"), h.currency.as_deref(), h.balance))
            .chain(p.external_assets.iter().enumerate().map(|(i, e)| {
                let at = format!("$.external_assets[{i}]");
                (at, e.currency.as_deref(), e.balance)
            }));
        let into = &self.ruleset.currency;
        for (at, currency, balance) in amounts {
            let Some(c) = currency else { continue };
            let path = format!("{at}.currency");
            if let Err(message) = fx_rate(c, Decimal::ONE) {
                errs.push(ProfileError::Invalid { path, message });
                continue;
            }
            match self.rate(p, Some(c)) {
                None => errs.push(ProfileError::NoRate {
                    path,
                    currency: c.to_owned(),
                    into: into.clone(),
                }),
                // A bad rate is reported above.
                Some(rate) if fx_rate(c, rate).is_err() => {}
                Some(rate) => {
                    let max = Decimal::from(crate::dec::MAX_WHOLE);
                    if metrics::convert(balance.0, rate).is_none_or(|v| v > max) {
                        errs.push(ProfileError::Invalid {
                            path: format!("{at}.balance"),
                            message: format!(
                                "{balance} {c} at {rate} is 10^15 {into} or more, beyond what an \
                                 amount may be"
                            ),
                        });
                    }
                }
            }
        }
        errs
    }

    /// The profile with every amount in the ruleset's currency, or `None` when it already is.
    fn in_ruleset_currency(&self, p: &Profile) -> Result<Option<Profile>, metrics::Overflow> {
        let foreign = |c: &Option<String>| c.as_ref().is_some_and(|c| *c != self.ruleset.currency);
        if !p.holdings.iter().any(|h| foreign(&h.currency))
            && !p.external_assets.iter().any(|e| foreign(&e.currency))
        {
            return Ok(None);
        }
        let mut q = p.clone();
        let convert = |currency: &mut Option<String>, balance: &mut Money, at: &'static str| {
            let rate = self
                .rate(p, currency.as_deref())
                .ok_or(metrics::Overflow(at))?;
            balance.0 = metrics::convert(balance.0, rate).ok_or(metrics::Overflow(at))?;
            *currency = None;
            Ok(())
        };
        for h in &mut q.holdings {
            convert(&mut h.currency, &mut h.balance, "$.holdings")?;
        }
        for e in &mut q.external_assets {
            convert(&mut e.currency, &mut e.balance, "$.external_assets")?;
        }
        Ok(Some(q))
    }

    fn trace(&self, c: &Crit, vals: &[Decimal]) -> Trace {
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

    /// Grace, deferral, tenure and never-downgrade against the tier the bank held.
    fn apply_history(
        &self,
        qualified: usize,
        p: &Profile,
        as_of: NaiveDate,
    ) -> (usize, Basis, Option<Change>) {
        let Some((h, prev)) = p
            .tier_history
            .as_ref()
            .and_then(|h| self.tier_index(&h.tier).map(|i| (h, i)))
        else {
            return (qualified, Basis::Qualified, None);
        };
        let change = |reason| {
            Some(Change {
                from: h.tier.clone(),
                reason,
            })
        };
        if qualified <= prev {
            let c = (qualified < prev)
                .then_some(())
                .and(change(ChangeReason::Upgrade));
            return (qualified, Basis::Qualified, c);
        }
        let review = &self.ruleset.review;
        let landing = match review.downgrade_to {
            DowngradeTo::OneDown => prev + 1,
            DowngradeTo::Qualified => qualified,
        };
        let landed = |reason| {
            let basis = if landing == qualified {
                Basis::Qualified
            } else {
                Basis::StepDown {
                    qualified: self.ruleset.tiers[qualified].id.clone(),
                }
            };
            (landing, basis, change(reason))
        };
        let tenure_end = add_months(h.since, review.min_tenure_months);
        if review.min_tenure_months > 0 && as_of < tenure_end {
            return (prev, Basis::MinimumTenure { until: tenure_end }, None);
        }
        match review.downgrade {
            Downgrade::Never => (prev, Basis::NeverDowngraded, None),
            Downgrade::AfterReviews { reviews } => {
                if h.reviews_below >= reviews {
                    landed(ChangeReason::Downgrade)
                } else {
                    let k = reviews - h.reviews_below - 1;
                    (
                        prev,
                        Basis::DeferredDowngrade {
                            reviews_below: h.reviews_below,
                            reviews_allowed: reviews,
                            downgrade_review: self.reviews.nth_from(as_of, k),
                        },
                        None,
                    )
                }
            }
            Downgrade::Grace { months } => {
                let mut start = h.below_since.unwrap_or(as_of);
                if review.min_tenure_months > 0 && start < tenure_end {
                    start = tenure_end;
                }
                let until = add_months(start, months);
                if as_of < until {
                    (prev, Basis::Grace { until }, None)
                } else {
                    landed(ChangeReason::GraceExpired)
                }
            }
        }
    }

    fn gap(&self, j: usize, vals: &[Decimal]) -> Gap {
        let shortfalls = match &self.criteria[j] {
            Some(c) => {
                let t = self.trace(c, vals);
                if t.held {
                    Vec::new()
                } else {
                    self.shortfalls(&t)
                }
            }
            None => Vec::new(),
        };
        Gap {
            tier: self.tier_ref(j),
            reachable: shortfalls.iter().all(|s| s.actionable),
            amount: money_amount(&shortfalls),
            shortfalls,
        }
    }

    /// The failing comparisons of a failing trace; for `any`, the easiest alternative.
    fn shortfalls(&self, t: &Trace) -> Vec<Shortfall> {
        match &t.node {
            TraceNode::Compare(c) => vec![self.shortfall(c)],
            TraceNode::All { all } => all
                .iter()
                .filter(|t| !t.held)
                .flat_map(|t| self.shortfalls(t))
                .collect(),
            TraceNode::Any { any } => any
                .iter()
                .map(|t| self.shortfalls(t))
                .min_by_key(|s| {
                    (
                        !s.iter().all(|s| s.actionable),
                        s.len(),
                        money_amount(s).map(|d| d.0),
                    )
                })
                .unwrap_or_default(),
        }
    }

    fn shortfall(&self, c: &Comparison) -> Shortfall {
        let kind = self.kind_of(&c.metric);
        let step = if kind.is_some_and(Kind::is_integral) {
            Decimal::ONE
        } else {
            Decimal::new(1, 2)
        };
        let missing = match c.op {
            Op::Gte => Some(c.threshold.0 - c.actual.0),
            Op::Gt => Some(c.threshold.0 - c.actual.0 + step),
            _ => None,
        }
        .filter(|m| *m > Decimal::ZERO)
        .and_then(|m| round_up(m, step).map(Dec));
        let actionable = missing.is_some() && kind.is_some_and(actionable);
        let equivalents = match (missing, self.sources.get(&c.metric)) {
            (Some(m), Some(terms)) => terms
                .iter()
                .filter(|(_, points, _)| *points > Decimal::ZERO)
                // An equivalent too large to write is left out rather than overflowing.
                .filter_map(|(source, points, per)| {
                    let amount = m.0.checked_mul(*per)?.checked_div(*points)?;
                    Some(Equivalent {
                        source: source.clone(),
                        amount: Dec(round_up(amount, Decimal::new(1, 2))?),
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        Shortfall {
            comparison: c.clone(),
            missing,
            actionable,
            equivalents,
        }
    }

    fn potential(
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

    fn retention(&self, tier: usize, vals: &[Decimal], as_of: NaiveDate) -> Option<Retention> {
        let t = self.trace(self.criteria[tier].as_ref()?, vals);
        let mut requirements = Vec::new();
        self.requirements(&t, &mut requirements);
        let amount_to_keep = requirements
            .iter()
            .filter(|q| q.comparison.unit == Unit::Money && q.margin.0 < Decimal::ZERO)
            .map(|q| Dec(-q.margin.0))
            .max()
            .filter(|_| !t.held);
        (!requirements.is_empty()).then(|| Retention {
            tier: self.ruleset.tiers[tier].id.clone(),
            review_date: self.reviews.next_on_or_after(as_of),
            on_track: t.held,
            amount_to_keep,
            requirements,
        })
    }

    /// The money and product bars the customer must stay above.
    fn requirements(&self, t: &Trace, out: &mut Vec<Requirement>) {
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

/// The nearest reachable gap as a screen shows it: its amount and the share of the deciding
/// bar already met.
fn reach(g: &Gap, amount: Decimal) -> Reach {
    // The shortfall whose money the amount is; its comparison is the deciding bar.
    let deciding = g
        .shortfalls
        .iter()
        .filter(|s| s.actionable)
        .find(|s| money_amount(std::slice::from_ref(s)).is_some_and(|m| m.0 == amount));
    let progress = deciding.map_or(Decimal::ZERO, |s| {
        let (actual, bar) = (s.comparison.actual.0, s.comparison.threshold.0);
        if bar <= Decimal::ZERO {
            Decimal::ONE
        } else {
            // Past Decimal's range only when far past the bar.
            actual
                .max(Decimal::ZERO)
                .checked_div(bar)
                .unwrap_or(Decimal::ONE)
                .min(Decimal::ONE)
                .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::ToZero)
        }
    });
    Reach {
        tier: g.tier.clone(),
        amount: Dec(amount),
        progress: Dec(progress),
    }
}

/// The bar of a gap's money shortfall (for "within X% of the next tier").
fn bar(g: &Gap) -> Decimal {
    g.shortfalls
        .iter()
        .filter(|s| s.comparison.unit == Unit::Money && s.missing.is_some())
        .map(|s| s.comparison.threshold.0)
        .max()
        .unwrap_or_default()
}

/// Whether a customer can move this metric by bringing money or products.
fn actionable(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Aum
            | Kind::AumAvg(_)
            | Kind::AumWithExternal
            | Kind::AumHousehold
            | Kind::ProductFamilies
            | Kind::LoanBalance
            | Kind::FeeIncome(_)
            | Kind::Derived(_)
    )
}

/// Months of history a metric reads.
fn window_of(kind: &Kind) -> u32 {
    match kind {
        Kind::AumAvg(n) | Kind::FeeIncome(n) => *n,
        Kind::Derived(terms) => terms
            .iter()
            .map(|t| match &t.source {
                TermSource::Metric(k) => window_of(k),
                TermSource::AverageBalance { months, .. } | TermSource::FeeIncome { months } => {
                    *months
                }
            })
            .max()
            .unwrap_or(0),
        _ => 0,
    }
}

/// The money a customer can bring to close a gap: the largest actionable money shortfall, or
/// for a score the least money in assets that closes it alone (its cheapest asset
/// equivalent; loans also score, but a tier is not a reason to borrow).
fn money_amount(s: &[Shortfall]) -> Option<Dec> {
    s.iter()
        .filter(|s| s.actionable)
        .filter_map(|s| {
            if s.comparison.unit == Unit::Money {
                s.missing
            } else {
                s.equivalents
                    .iter()
                    .filter(|e| match &e.source {
                        Source::AverageBalance { families, .. } => {
                            families.iter().all(|f| f.is_asset())
                        }
                        Source::Metric(m) => m.starts_with("aum"),
                        Source::FeeIncome { .. } => false,
                    })
                    .map(|e| e.amount)
                    .min()
            }
        })
        .max()
}

/// Rounds up to a multiple of `step`, so that adding the amount always reaches the bar;
/// `None` past [`Decimal`]'s range.
fn round_up(v: Decimal, step: Decimal) -> Option<Decimal> {
    v.checked_div(step)?.ceil().checked_mul(step)
}

/// A profile error for an overflow while computing `metric`.
fn overflow(e: metrics::Overflow, metric: &str) -> ProfileErrors {
    ProfileErrors(vec![ProfileError::Overflow {
        path: e.0.to_owned(),
        metric: metric.to_owned(),
    }])
}

/// Parses ruleset JSON text, naming the field of the first syntax problem.
pub fn parse_ruleset(json: &str) -> Result<Ruleset, RulesetErrors> {
    parse(json)
}

/// Parses ruleset or catalog JSON text, naming the field of the first syntax problem.
fn parse<T: crate::json::FromJson>(json: &str) -> Result<T, RulesetErrors> {
    crate::json::from_str(json).map_err(|e| {
        RulesetErrors(vec![RulesetError::Parse {
            path: e.path,
            message: e.message,
        }])
    })
}

/// Parses catalog JSON text, naming the field of the first syntax problem.
pub fn parse_catalog(json: &str) -> Result<Catalog, RulesetErrors> {
    parse(json)
}

/// Validation state while compiling.
struct Compiler<'a> {
    rs: &'a Ruleset,
    errors: Vec<RulesetError>,
    defs: Vec<metrics::Def>,
    slots: HashMap<String, usize>,
    derived: BTreeMap<String, (Kind, Unit)>,
    sources: HashMap<String, Vec<(Source, Decimal, Decimal)>>,
}

impl<'a> Compiler<'a> {
    fn new(rs: &'a Ruleset) -> Self {
        Compiler {
            rs,
            errors: Vec::new(),
            defs: Vec::new(),
            slots: HashMap::new(),
            derived: BTreeMap::new(),
            sources: HashMap::new(),
        }
    }

    fn err(&mut self, e: RulesetError) {
        self.errors.push(e);
    }

    fn invalid(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.err(RulesetError::Invalid {
            path: path.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, t: &Text, path: &str) {
        self.errors.extend(t.missing(&self.rs.locales, path));
    }

    /// Everything but criteria and their order.
    fn check(&mut self) {
        let rs = self.rs;
        if let Err(m) = domain::id(&rs.id) {
            self.invalid("$.id", m);
        }
        if rs.version.trim().is_empty() {
            self.invalid("$.version", "must not be empty");
        }
        if rs.currency.len() != 3 || !rs.currency.chars().all(|c| c.is_ascii_uppercase()) {
            self.invalid(
                "$.currency",
                format!("`{}` is not an ISO 4217 code such as CNY", rs.currency),
            );
        }
        for (code, r) in &rs.fx_rates {
            let path = format!("$.fx_rates.{code}");
            if let Err(m) = fx_rate(code, r.0) {
                self.invalid(path, m);
            } else if *code == rs.currency {
                self.invalid(path, format!("{code} is the ruleset's own currency"));
            }
        }
        if rs.locales.is_empty() {
            self.invalid("$.locales", "at least one locale is needed");
        }
        if !rs.name.is_empty() {
            self.text(&rs.name, "$.name");
        }
        for (name, def) in &rs.inputs {
            let path = format!("$.inputs.{name}");
            if let Err(m) = domain::id(name) {
                self.invalid(path.clone(), m);
            }
            if metrics::builtin(name).is_some() {
                self.err(RulesetError::DuplicateId {
                    path: path.clone(),
                    id: name.clone(),
                });
            }
            if !def.label.is_empty() {
                self.text(&def.label, &format!("{path}.label"));
            }
        }
        for (name, m) in &rs.metrics {
            let path = format!("$.metrics.{name}");
            if let Err(e) = domain::id(name) {
                self.invalid(path.clone(), e);
            }
            if metrics::builtin(name).is_some() || rs.inputs.contains_key(name) {
                self.err(RulesetError::DuplicateId {
                    path: path.clone(),
                    id: name.clone(),
                });
            }
            self.text(&m.label, &format!("{path}.label"));
            if m.terms.is_empty() {
                self.invalid(format!("{path}.terms"), "at least one term is needed");
            }
            let mut terms = Vec::new();
            for (i, t) in m.terms.iter().enumerate() {
                let tp = format!("{path}.terms[{i}]");
                if t.per.0 <= Decimal::ZERO {
                    self.invalid(format!("{tp}.per"), "must be greater than zero");
                    continue;
                }
                let source = match &t.source {
                    Source::Metric(id) => {
                        if let Some((k, _)) = metrics::builtin(id) {
                            TermSource::Metric(Box::new(k))
                        } else if let Some(def) = rs.inputs.get(id) {
                            TermSource::Metric(Box::new(Kind::Input {
                                name: id.clone(),
                                default: def.default.map(|d| d.0),
                                unit: def.unit,
                            }))
                        } else {
                            self.err(RulesetError::UnknownMetric {
                                path: format!("{tp}.source.metric"),
                                metric: id.clone(),
                            });
                            continue;
                        }
                    }
                    Source::AverageBalance { families, months } => {
                        if families.is_empty() {
                            self.invalid(
                                format!("{tp}.source.average_balance.families"),
                                "at least one family is needed",
                            );
                        }
                        self.months(*months, &format!("{tp}.source.average_balance.months"));
                        TermSource::AverageBalance {
                            families: families.clone(),
                            months: *months,
                        }
                    }
                    Source::FeeIncome { months } => {
                        self.months(*months, &format!("{tp}.source.fee_income.months"));
                        TermSource::FeeIncome { months: *months }
                    }
                };
                terms.push(metrics::Term {
                    source,
                    points: t.points.0,
                    per: t.per.0,
                });
            }
            self.metric_bound(&terms, &path);
            self.sources.insert(
                name.clone(),
                m.terms
                    .iter()
                    .map(|t| (t.source.clone(), t.points.0, t.per.0))
                    .collect(),
            );
            self.derived
                .insert(name.clone(), (Kind::Derived(terms), m.unit));
        }
        match &rs.review.downgrade {
            Downgrade::AfterReviews { reviews } => {
                self.count(
                    *reviews,
                    1,
                    domain::MAX_REVIEWS,
                    "$.review.downgrade.reviews",
                );
            }
            Downgrade::Grace { months } => {
                let max = domain::MAX_POLICY_MONTHS;
                self.count(*months, 1, max, "$.review.downgrade.months");
            }
            Downgrade::Never => {}
        }
        let max = domain::MAX_POLICY_MONTHS;
        self.count(
            rs.review.min_tenure_months,
            0,
            max,
            "$.review.min_tenure_months",
        );
        if let Some(v) = &rs.vulnerability {
            for (i, band) in v.elderly.iter().enumerate() {
                let path = format!("$.vulnerability.elderly[{i}]");
                self.count(
                    band.from_age,
                    0,
                    domain::MAX_AGE,
                    &format!("{path}.from_age"),
                );
                if let Some(t) = band.max_term_months {
                    let at = format!("{path}.max_term_months");
                    self.count(t, 0, domain::MAX_TERM_MONTHS, &at);
                }
            }
            if let Some(m) = &v.minors {
                let path = "$.vulnerability.minors.below_age";
                self.count(m.below_age, 0, domain::MAX_AGE, path);
            }
        }
        if rs.tiers.is_empty() {
            self.invalid("$.tiers", "at least one tier is needed");
        } else if rs.tiers.len() > 64 {
            self.invalid("$.tiers", "at most 64 tiers");
        }
        let mut ids = BTreeSet::new();
        let last = rs.tiers.len().saturating_sub(1);
        for (i, t) in rs.tiers.iter().enumerate() {
            let path = format!("$.tiers[{i}]");
            if let Err(m) = domain::id(&t.id) {
                self.invalid(format!("{path}.id"), m);
            } else if !ids.insert(t.id.as_str()) {
                self.err(RulesetError::DuplicateId {
                    path: format!("{path}.id"),
                    id: t.id.clone(),
                });
            }
            self.text(&t.name, &format!("{path}.name"));
            if !t.display_name.is_empty() {
                self.text(&t.display_name, &format!("{path}.display_name"));
            }
            if !t.description.is_empty() {
                self.text(&t.description, &format!("{path}.description"));
            }
            for (cat, items) in [
                ("brand_cards", &t.benefits.brand_cards),
                ("branch_channels", &t.benefits.branch_channels),
                ("e_channels", &t.benefits.e_channels),
                ("products", &t.benefits.products),
                ("extra_services", &t.benefits.extra_services),
            ] {
                for (k, item) in items.iter().enumerate() {
                    let at = format!("{path}.benefits.{cat}[{k}]");
                    if let Err(m) = domain::id(&item.kind) {
                        self.invalid(format!("{at}.kind"), m);
                    }
                    self.count(item.level, 0, domain::MAX_LEVEL, &format!("{at}.level"));
                    self.text(&item.text, &format!("{at}.text"));
                }
            }
            if let Some(c) = &t.color
                && !is_hex_colour(c)
            {
                self.invalid(
                    format!("{path}.color"),
                    format!("`{c}` is not a colour like #1a2b3c"),
                );
            }
            match (&t.criteria, i == last) {
                (Some(_), true) => self.err(RulesetError::NoFallback { path: format!("{path}.criteria") }),
                (None, false) => self.invalid(
                    format!("{path}.criteria"),
                    "only the last tier may have no criteria: it would match everyone and hide the tiers below",
                ),
                _ => {}
            }
        }
    }

    /// Compiles the value model's indicator metrics; checks weights, stars and the churn rule.
    fn value_model(&mut self, v: &ValueModel) -> Option<[(IndicatorKind, usize); 4]> {
        let mut slots = Vec::new();
        for (kind, name, ind) in [
            (IndicatorKind::Contribution, "contribution", &v.contribution),
            (IndicatorKind::Risk, "risk", &v.risk),
            (IndicatorKind::Reputation, "reputation", &v.reputation),
            (IndicatorKind::Relatedness, "relatedness", &v.relatedness),
        ] {
            let path = format!("$.value.{name}");
            if ind.full_at.0 <= Decimal::ZERO {
                self.invalid(format!("{path}.full_at"), "must be greater than zero");
            }
            let max_weight = Decimal::from(domain::MAX_WEIGHT);
            self.within(
                ind.weight.0,
                Decimal::ZERO,
                max_weight,
                &format!("{path}.weight"),
            );
            if let Some(slot) = self.slot(&ind.metric, &format!("{path}.metric")) {
                slots.push((kind, slot));
            }
        }
        if v.stars.windows(2).any(|w| w[0].0 >= w[1].0) {
            self.invalid("$.value.stars", "thresholds must rise");
        }
        for (i, star) in v.stars.iter().enumerate() {
            let path = format!("$.value.stars[{i}]");
            self.within(star.0, Decimal::ZERO, Decimal::ONE_HUNDRED, &path);
        }
        if let Some(c) = &v.churn {
            self.months(c.months, "$.value.churn.months");
            let hundred = Decimal::ONE_HUNDRED;
            self.within(
                c.min_score.0,
                Decimal::ZERO,
                hundred,
                "$.value.churn.min_score",
            );
            if c.drop_percent.0 <= Decimal::ZERO || c.drop_percent.0 > Decimal::ONE_HUNDRED {
                self.invalid("$.value.churn.drop_percent", "must be between 0 and 100");
            }
        }
        slots.try_into().ok()
    }

    fn moment_policy(&mut self, m: &MomentPolicy) {
        if m.large_flow.is_sign_negative() && !m.large_flow.is_zero() {
            self.invalid("$.moments.large_flow", "must not be negative");
        }
        for (name, v) in [
            ("near_tier_percent", m.near_tier_percent),
            ("downgrade_margin_percent", m.downgrade_margin_percent),
        ] {
            let path = format!("$.moments.{name}");
            self.within(v.0, Decimal::ZERO, Decimal::ONE_HUNDRED, &path);
        }
    }

    fn months(&mut self, n: u32, path: &str) {
        self.count(n, 1, MAX_MONTHS, path);
    }

    /// A whole number within `lo..=hi`.
    fn count(&mut self, n: u32, lo: u32, hi: u32, path: &str) {
        if !(lo..=hi).contains(&n) {
            self.invalid(path, format!("must be between {lo} and {hi} (got {n})"));
        }
    }

    /// A decimal within `lo..=hi`.
    fn within(&mut self, v: Decimal, lo: Decimal, hi: Decimal, path: &str) {
        if v < lo || v > hi {
            self.invalid(path, format!("must be between {lo} and {hi} (got {v})"));
        }
    }

    /// Refuses a derived metric that some customer could push beyond [`domain::MAX_METRIC`]:
    /// each term's largest value is `|points| × the source's largest / per`.
    fn metric_bound(&mut self, terms: &[metrics::Term], path: &str) {
        let limit = Decimal::from_i128_with_scale(domain::MAX_METRIC, 0);
        let mut bound = Some(Decimal::ZERO);
        for t in terms {
            let largest = match &t.source {
                TermSource::Metric(k) => k.largest(),
                TermSource::AverageBalance { .. } | TermSource::FeeIncome { .. } => {
                    domain::max_total()
                }
            };
            let term = t.points.abs().checked_mul(largest).and_then(|x| {
                (x <= limit * Decimal::ONE_HUNDRED)
                    .then_some(x)?
                    .checked_div(t.per)
            });
            bound = bound.zip(term).and_then(|(b, t)| b.checked_add(t));
        }
        if bound.is_none_or(|b| b > limit) {
            self.invalid(
                format!("{path}.terms"),
                "`points` and `per` let this metric reach beyond 10^25 for some customer: \
                 lower `points` or raise `per`",
            );
        }
    }

    fn slot(&mut self, id: &str, path: &str) -> Option<usize> {
        if let Some(&s) = self.slots.get(id) {
            return Some(s);
        }
        let (kind, unit) = if let Some(b) = metrics::builtin(id) {
            b
        } else if let Some(def) = self.rs.inputs.get(id) {
            (
                Kind::Input {
                    name: id.to_owned(),
                    default: def.default.map(|d| d.0),
                    unit: def.unit,
                },
                def.unit,
            )
        } else if let Some(d) = self.derived.get(id) {
            d.clone()
        } else {
            self.err(RulesetError::UnknownMetric {
                path: path.to_owned(),
                metric: id.to_owned(),
            });
            return None;
        };
        self.defs.push(metrics::Def {
            id: id.to_owned(),
            kind,
            unit,
        });
        self.slots.insert(id.to_owned(), self.defs.len() - 1);
        Some(self.defs.len() - 1)
    }

    fn criterion(&mut self, c: &Criterion, path: &str) -> Option<Crit> {
        match c {
            Criterion::All { all } | Criterion::Any { any: all } => {
                let key = if matches!(c, Criterion::All { .. }) {
                    "all"
                } else {
                    "any"
                };
                if all.is_empty() {
                    self.invalid(
                        format!("{path}.{key}"),
                        format!("`{key}` needs at least one criterion"),
                    );
                    return None;
                }
                let kids: Vec<Option<Crit>> = all
                    .iter()
                    .enumerate()
                    .map(|(i, k)| self.criterion(k, &format!("{path}.{key}[{i}]")))
                    .collect();
                let kids: Vec<Crit> = kids.into_iter().collect::<Option<_>>()?;
                if key == "all" {
                    self.never_holds_all(&kids, &format!("{path}.all"));
                    Some(Crit::All(kids))
                } else {
                    Some(Crit::Any(kids))
                }
            }
            Criterion::Compare(cmp) => {
                let slot = self.slot(&cmp.metric, &format!("{path}.metric"));
                let value = match &cmp.value {
                    Threshold::Number(d) => Some(d.0),
                    Threshold::Name(n) if cmp.metric == "education" => {
                        let e = Education::from_name(n).map(|e| Decimal::from(e.rank()));
                        if e.is_none() {
                            let names: Vec<&str> =
                                Education::ALL.iter().map(|e| e.name()).collect();
                            self.invalid(
                                format!("{path}.value"),
                                format!(
                                    "unknown education level `{n}`; expected one of {}",
                                    names.join(", ")
                                ),
                            );
                        }
                        e
                    }
                    Threshold::Name(n) => {
                        self.invalid(format!("{path}.value"), format!("`{n}` is not a number"));
                        None
                    }
                };
                let (slot, value) = (slot?, value?);
                self.threshold(slot, value, &format!("{path}.value"));
                let crit = Crit::Cmp {
                    slot,
                    op: cmp.op,
                    value,
                };
                self.never_holds_all(std::slice::from_ref(&crit), path);
                Some(crit)
            }
        }
    }

    /// A threshold within its metric's domain: ages up to [`domain::MAX_AGE`], money with at
    /// most two decimals (the currency's), counts, years and ranks whole.
    fn threshold(&mut self, slot: usize, value: Decimal, path: &str) {
        let d = &self.defs[slot];
        let (kind, unit) = (d.kind.clone(), d.unit);
        if kind == Kind::Age {
            let max = Decimal::from(domain::MAX_AGE);
            self.within(value, Decimal::ZERO, max, path);
        }
        if unit == Unit::Money && value.scale() > crate::dec::MONEY_DECIMALS as u32 {
            let n = crate::dec::MONEY_DECIMALS;
            self.invalid(
                path,
                format!("`{value}` has more than {n} decimals; money has {n}"),
            );
        }
    }

    /// Reports an `all` whose comparisons on one metric leave no value possible.
    fn never_holds_all(&mut self, kids: &[Crit], path: &str) {
        let mut by_slot: BTreeMap<usize, Vec<(Op, Decimal)>> = BTreeMap::new();
        for k in kids {
            if let Crit::Cmp { slot, op, value } = k {
                by_slot.entry(*slot).or_default().push((*op, *value));
            }
        }
        for (slot, cmps) in by_slot {
            let d = &self.defs[slot];
            let mut iv = Interval::domain(&d.kind);
            for (op, v) in &cmps {
                iv.apply(*op, *v, d.kind.is_integral());
            }
            if iv.is_empty() {
                let text: Vec<String> = cmps
                    .iter()
                    .map(|(op, v)| format!("{} {} {v}", d.id, op.name()))
                    .collect();
                let reason = if cmps.len() == 1 {
                    format!("{} is outside the values {} can take", text.join(""), d.id)
                } else {
                    format!("{} contradict each other", text.join(" and "))
                };
                self.err(RulesetError::NeverHolds {
                    path: path.to_owned(),
                    reason,
                });
            }
        }
    }

    /// Lower bounds down the ladder must not rise: a lower tier asking more than the one
    /// above it is almost always a typo.
    fn check_order(&mut self, criteria: &[Option<Crit>]) {
        let mut last: HashMap<usize, (Decimal, String)> = HashMap::new();
        for (i, c) in criteria.iter().enumerate() {
            let mut bounds = Vec::new();
            match c {
                Some(Crit::Cmp {
                    slot,
                    op: Op::Gte | Op::Gt,
                    value,
                }) => {
                    bounds.push((*slot, *value, format!("$.tiers[{i}].criteria.value")));
                }
                Some(Crit::All(kids)) => {
                    for (k, kid) in kids.iter().enumerate() {
                        if let Crit::Cmp {
                            slot,
                            op: Op::Gte | Op::Gt,
                            value,
                        } = kid
                        {
                            bounds.push((
                                *slot,
                                *value,
                                format!("$.tiers[{i}].criteria.all[{k}].value"),
                            ));
                        }
                    }
                }
                _ => {}
            }
            let id = self.rs.tiers[i].id.clone();
            for (slot, value, path) in bounds {
                if let Some((above_v, above)) = last.get(&slot)
                    && value > *above_v
                {
                    self.err(RulesetError::ThresholdOrder {
                        path,
                        tier: id.clone(),
                        above: above.clone(),
                        metric: self.defs[slot].id.clone(),
                        op: ">=".into(),
                        value: value.normalize().to_string(),
                    });
                }
                last.insert(slot, (value, id.clone()));
            }
        }
    }
}

/// Whether `c` is written as an ISO 4217 code: three capital letters.
fn is_currency_code(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// Checks an exchange rate and its currency code.
fn fx_rate(code: &str, rate: Decimal) -> Result<(), String> {
    let max = Decimal::from(domain::MAX_FX_RATE);
    if !is_currency_code(code) {
        Err(format!(
            "`{}` is not an ISO 4217 code such as USD",
            crate::dec::clip(&code.escape_default().to_string())
        ))
    } else if rate <= Decimal::ZERO || rate > max {
        Err(format!("a rate is above 0 and at most {max} (got {rate})"))
    } else {
        Ok(())
    }
}

fn is_hex_colour(c: &str) -> bool {
    c.strip_prefix('#')
        .is_some_and(|h| matches!(h.len(), 3 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The values a metric may take under some comparisons.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Interval {
    lo: Option<(Decimal, bool)>,
    hi: Option<(Decimal, bool)>,
}

impl Interval {
    pub(crate) fn domain(kind: &Kind) -> Self {
        let (lo, hi) = kind.domain();
        Interval {
            lo: lo.map(|v| (v, true)),
            hi: hi.map(|v| (v, true)),
        }
    }

    pub(crate) fn apply(&mut self, op: Op, v: Decimal, integral: bool) {
        // On whole-valued metrics, `> 28` is `>= 29` and `< 16` is `<= 15`.
        let (op, v) = match (op, integral) {
            (Op::Gt, true) => (Op::Gte, v.floor() + Decimal::ONE),
            (Op::Gte, true) => (Op::Gte, v.ceil()),
            (Op::Lt, true) => (Op::Lte, v.ceil() - Decimal::ONE),
            (Op::Lte, true) => (Op::Lte, v.floor()),
            (op, _) => (op, v),
        };
        let tighten_lo = |cur: Option<(Decimal, bool)>, new: (Decimal, bool)| match cur {
            Some(c) if c.0 > new.0 || (c.0 == new.0 && !c.1) => Some(c),
            _ => Some(new),
        };
        let tighten_hi = |cur: Option<(Decimal, bool)>, new: (Decimal, bool)| match cur {
            Some(c) if c.0 < new.0 || (c.0 == new.0 && !c.1) => Some(c),
            _ => Some(new),
        };
        match op {
            Op::Gte => self.lo = tighten_lo(self.lo, (v, true)),
            Op::Gt => self.lo = tighten_lo(self.lo, (v, false)),
            Op::Lte => self.hi = tighten_hi(self.hi, (v, true)),
            Op::Lt => self.hi = tighten_hi(self.hi, (v, false)),
            Op::Eq => {
                self.lo = tighten_lo(self.lo, (v, true));
                self.hi = tighten_hi(self.hi, (v, true));
            }
            Op::Ne => {}
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match (self.lo, self.hi) {
            (Some((l, li)), Some((h, hi))) => l > h || (l == h && !(li && hi)),
            _ => false,
        }
    }
}
