//! Recommendations: eligibility → suitability (never overridden) → exclusions and contact
//! policy → scoring → diversity → top N. Every factor of the score and every exclusion is
//! returned, so a product team can see why an offer shows or never does.
//!
//! `score = relevance × value × lever`, where relevance = 1 + new-family, life-stage and
//! bundle factors, value = 1 + next-tier and external-assets factors, lever = the product's
//! business priority. Each factor is `weight × strength`, with weights from the catalog
//! scaled by the tier's strategy.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{Catalog, Prerequisite, Product, RiskRating, Scenario, Strategy};
use crate::dec::Dec;
use crate::domain;
use crate::error::RulesetError;
use crate::evaluation::TierRef;
use crate::metrics::age_on;
use crate::profile::{Family, Profile, RiskLevel};
use crate::ruleset::{Ruleset, Vulnerability};
use crate::text::Text;

/// A recommended product with its score and reasons.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Recommendation {
    /// Product id.
    pub product: String,
    /// Name per locale.
    pub name: Text,
    /// Pitch per locale.
    pub pitch: Text,
    /// Family.
    pub family: Family,
    /// Risk rating, for investments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskRating>,
    /// Minimum amount.
    pub min_amount: Dec,
    /// Maximum amount, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_amount: Option<Dec>,
    /// A yearly contribution cap, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_cap: Option<Dec>,
    /// Term or lock-up in months, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_months: Option<u32>,
    /// Hours after buying during which the customer may cancel, where there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cooling_off_hours: Option<u32>,
    /// The risk disclosure the product's page must show (理财非存款、产品有风险、投资须谨慎).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Text>,
    /// Reason codes with their numbers, for a sentence per locale.
    pub reasons: Vec<Reason>,
    // How the offer ranked: the business lever and the factors are the bank's reasons, not
    // the customer's, so a customer-audience result leaves these five out.
    /// Staff only: `relevance × value × lever`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Dec>,
    /// Staff only: 1 + the relevance factors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relevance: Option<Dec>,
    /// Staff only: 1 + the value factors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Dec>,
    /// Staff only: the product's business priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lever: Option<Dec>,
    /// Staff only: every factor that counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factors: Option<Vec<Factor>>,
}

impl Recommendation {
    /// Whether it is recommended because it lifts the customer a tier.
    #[must_use]
    pub fn lifts_tier(&self) -> bool {
        self.reasons
            .iter()
            .any(|r| matches!(r, Reason::LiftsTier { .. }))
    }
}

/// One scoring factor.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Factor {
    /// Which.
    pub factor: FactorKind,
    /// Catalog weight × strategy multiplier.
    pub weight: Dec,
    /// How strongly it applies, 0–1.
    pub strength: Dec,
    /// `weight × strength`, added to relevance or value.
    pub points: Dec,
}

/// The scoring factors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum FactorKind {
    /// Helps reach the next tier (value).
    NextTier,
    /// Brings in assets held elsewhere (value).
    ExternalAssets,
    /// Fills a product family not yet held (relevance).
    NewFamily,
    /// Fits the customer's life stage and interests (relevance).
    LifeStage,
    /// Part of the tier's bundle (relevance).
    Bundle,
    /// Meant for the customer's tier (relevance).
    TierFit,
}

/// Why a product is recommended, with the numbers a sentence needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Reason {
    /// "Bring ¥50,000 from another bank into this product and you reach High-end." Given to
    /// at most one offer, and only when the customer shows the means for that new money
    /// (see [`crate::catalog::Lift`]).
    LiftsTier {
        /// The tier.
        tier: TierRef,
        /// New money to put in (the gap, at least the product's minimum).
        amount: Dec,
        /// Where the new money would come from.
        source: LiftSource,
    },
    /// "Brings your ¥900,000 held elsewhere under one roof."
    BringsAssets {
        /// Declared external assets.
        amount: Dec,
    },
    /// "You don't hold a fund yet."
    NewFamily {
        /// The family.
        family: Family,
    },
    /// "Fits your plans: retirement."
    LifeStage {
        /// Matching scenarios.
        tags: Vec<Scenario>,
    },
    /// "Part of the Wealth bundle for your tier."
    InBundle {
        /// Bundle name.
        bundle: Text,
    },
}

/// Where the new money of a tier lift would come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum LiftSource {
    /// Assets the customer declared at another bank.
    ExternalAssets,
    /// Money that came in recently.
    RecentInflow,
    /// A top-up small against what the customer holds here.
    TopUp,
}

/// Who an evaluation is for. A customer-audience result leaves out every staff-only field
/// (the customer-value score and stars, the churn alarm, retention moments, offers' scores,
/// levers and factors, a manager's reason for a manual tier): absent, not hidden.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Audience {
    /// The customer's own device: the app, the widget, the kiosk (the default).
    #[default]
    Customer,
    /// Relationship managers and list-based marketing: everything.
    Staff,
}

crate::json_names!(Audience {
    Customer = "customer",
    Staff = "staff",
});

/// A product not recommended, and the rule that kept it out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "ExclusionRule & { product: string }"))]
pub struct Exclusion {
    /// Product id.
    pub product: String,
    /// The first rule that excluded it.
    #[serde(flatten)]
    pub rule: ExclusionRule,
}

/// Rules that keep a product out, checked in this order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ExclusionRule {
    /// Priority 0: switched off by the product team.
    SwitchedOff,
    /// Not offered to the customer's tier.
    IneligibleTier {
        /// The customer's tier.
        tier: String,
    },
    /// Outside the product's age limits (or the age is unknown).
    Age {
        /// The customer's age, when known.
        #[serde(skip_serializing_if = "Option::is_none")]
        age: Option<i32>,
    },
    /// The ruleset's elderly policy: from `from_age`, not above `max_risk` or beyond
    /// `max_term_months`; not proactively recommended whatever it scores.
    ElderlyPolicy {
        /// The customer's age.
        age: i32,
        /// The band that keeps it out.
        from_age: u32,
    },
    /// The ruleset's minors policy: no credit, and investments only with a guardian.
    MinorPolicy {
        /// The customer's age.
        age: i32,
    },
    /// Outside its availability window.
    Unavailable,
    /// Already held.
    Held,
    /// Needs a holding the customer does not have yet (a fund account, say).
    MissingPrerequisite {
        /// The product or family needed.
        requires: Prerequisite,
    },
    /// Declined recently; rests until the date.
    Declined {
        /// First day it may show again.
        until: NaiveDate,
    },
    /// Dismissed or shown too often without acting; rests until the date.
    Resting {
        /// First day it may show again.
        until: NaiveDate,
    },
    /// The minimum is beyond the customer's means (assets here and declared elsewhere).
    BelowMinimum {
        /// The product's minimum.
        min_amount: Dec,
        /// The customer's means.
        means: Dec,
    },
    /// The product's risk exceeds the customer's tolerance.
    Unsuitable {
        /// Product rating.
        rating: RiskRating,
        /// Customer tolerance.
        tolerance: RiskLevel,
    },
    /// The questionnaire is missing or expired: only the lowest-risk products are offered.
    RiskAssessmentDue {
        /// Product rating.
        rating: RiskRating,
    },
    /// For qualified investors only, and the customer does not meet the catalog's test.
    NotQualifiedInvestor,
    /// Diversity: the family already has its share of offers.
    FamilyLimit,
    /// Ranked below the top N.
    RankedOut {
        /// Its rank among eligible products (1-based).
        rank: usize,
    },
}

/// Options for one evaluation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Options {
    /// Offers to return (default: the catalog's `top_n`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_n: Option<u32>,
    /// Also list every product not recommended, with the rule that excluded it.
    #[serde(default)]
    pub explain: bool,
    /// Who the result is for (default: the customer).
    #[serde(default)]
    pub audience: Audience,
}

crate::json_struct!(Options {
    top_n: optional,
    explain: or_default,
    audience: or_default,
});

/// How many scoring factors there are.
const N_FACTORS: usize = 6;

/// The factors in the order of `[bool; N_FACTORS]` flags: value factors first, then relevance.
const KINDS: [FactorKind; N_FACTORS] = [
    FactorKind::NextTier,
    FactorKind::ExternalAssets,
    FactorKind::NewFamily,
    FactorKind::LifeStage,
    FactorKind::Bundle,
    FactorKind::TierFit,
];

/// The flags as bits, to index the precomputed scores.
fn bits(a: [bool; N_FACTORS]) -> u8 {
    a.iter()
        .enumerate()
        .fold(0, |acc, (k, on)| acc | (u8::from(*on) << k))
}

/// The flags of `bits`.
fn pattern(bits: u8) -> [bool; N_FACTORS] {
    std::array::from_fn(|k| bits & (1 << k) != 0)
}

/// `(relevance, value)`: 1 + the weights of the relevance and of the value factors that apply.
fn parts(weights: &[Decimal; N_FACTORS], a: [bool; N_FACTORS]) -> (Decimal, Decimal) {
    let sum = |range: std::ops::Range<usize>| {
        Decimal::ONE + range.filter(|k| a[*k]).map(|k| weights[k]).sum::<Decimal>()
    };
    (sum(2..N_FACTORS), sum(0..2))
}

/// Whether a product's page must carry a risk disclosure: anything with a risk rating, and
/// insurance.
fn needs_disclosure(pr: &Product) -> bool {
    pr.risk.is_some() || pr.family == Family::Insurance
}

/// Families that are investments: they need a risk rating.
fn is_investment(f: Family) -> bool {
    matches!(
        f,
        Family::WealthProduct
            | Family::Fund
            | Family::Bond
            | Family::Stock
            | Family::Trust
            | Family::PreciousMetal
            | Family::Derivative
    )
}

/// Families that never carry a risk rating.
fn is_riskless(f: Family) -> bool {
    matches!(
        f,
        Family::Deposit
            | Family::TimeDeposit
            | Family::Card
            | Family::Loan
            | Family::Payment
            | Family::SafeDepositBox
    )
}

fn invalid(errs: &mut Vec<RulesetError>, path: String, message: String) {
    errs.push(RulesetError::Invalid { path, message });
}

/// Validates a catalog against the ruleset it names; every problem with its path.
pub(crate) fn validate(c: &Catalog, rs: &Ruleset) -> Vec<RulesetError> {
    let mut errs = Vec::new();
    if c.ruleset != rs.id {
        invalid(
            &mut errs,
            "$.ruleset".into(),
            format!(
                "the catalog is for ruleset `{}`, not `{}`",
                c.ruleset, rs.id
            ),
        );
    }
    let tier_ok = |id: &str| rs.tiers.iter().any(|t| t.id == id);
    let p = &c.policy;
    let mut count = |path: &str, n: u32, lo: u32, hi: u32| {
        if !(lo..=hi).contains(&n) {
            let message = format!("must be between {lo} and {hi} (got {n})");
            invalid(&mut errs, path.into(), message);
        }
    };
    count("$.policy.top_n", p.top_n, 1, domain::MAX_TOP_N);
    count("$.policy.per_family", p.per_family, 1, domain::MAX_TOP_N);
    let months = domain::MAX_POLICY_MONTHS;
    count("$.policy.risk_valid_months", p.risk_valid_months, 1, months);
    count(
        "$.policy.lift.inflow_days",
        p.lift.inflow_days,
        0,
        domain::MAX_DAYS,
    );
    let k = &p.contact;
    for (name, days) in [
        ("rest_after_dismiss_days", k.rest_after_dismiss_days),
        ("rest_after_decline_days", k.rest_after_decline_days),
        ("rest_after_impressions_days", k.rest_after_impressions_days),
    ] {
        count(
            &format!("$.policy.contact.{name}"),
            days,
            0,
            domain::MAX_DAYS,
        );
    }
    let mut within = |path: String, v: Decimal, hi: u32| {
        if v.is_sign_negative() || v > Decimal::from(hi) {
            invalid(
                &mut errs,
                path,
                format!("must be between 0 and {hi} (got {v})"),
            );
        }
    };
    let w = &p.weights;
    for (name, v) in [
        ("next_tier", w.next_tier),
        ("new_family", w.new_family),
        ("life_stage", w.life_stage),
        ("bundle", w.bundle),
        ("external_assets", w.external_assets),
        ("tier_fit", w.tier_fit),
    ] {
        within(format!("$.policy.weights.{name}"), v.0, domain::MAX_WEIGHT);
    }
    within(
        "$.policy.lift.top_up_percent".into(),
        p.lift.top_up_percent.0,
        100,
    );
    for (i, pr) in c.products.iter().enumerate() {
        let path = format!("$.products[{i}].priority");
        within(path, pr.priority.0, domain::MAX_PRIORITY);
    }
    for (family, text) in &p.disclosures {
        let path = format!("$.policy.disclosures.{}", family.name());
        errs.extend(text.missing(&c.locales, &path));
    }
    let mut ids = BTreeSet::new();
    for (i, pr) in c.products.iter().enumerate() {
        let path = format!("$.products[{i}]");
        if let Err(m) = domain::id(&pr.id) {
            invalid(&mut errs, format!("{path}.id"), m);
        } else if !ids.insert(pr.id.as_str()) {
            errs.push(RulesetError::DuplicateId {
                path: format!("{path}.id"),
                id: pr.id.clone(),
            });
        }
        for (field, text) in [("name", &pr.name), ("pitch", &pr.pitch)] {
            errs.extend(text.missing(&c.locales, &format!("{path}.{field}")));
        }
        match (pr.risk, is_investment(pr.family), is_riskless(pr.family)) {
            (None, true, _) => invalid(
                &mut errs,
                format!("{path}.risk"),
                "an investment product needs a risk rating R1–R5".into(),
            ),
            (Some(_), _, true) => invalid(
                &mut errs,
                format!("{path}.risk"),
                "deposits, cards, loans and services carry no risk rating".into(),
            ),
            _ => {}
        }
        if pr.min_amount.is_sign_negative() && !pr.min_amount.is_zero() {
            invalid(
                &mut errs,
                format!("{path}.min_amount"),
                "must not be negative".into(),
            );
        }
        if let Some(max) = pr.max_amount
            && max.0 < pr.min_amount.0
        {
            let message = format!("{max} is below the minimum {}", pr.min_amount);
            invalid(&mut errs, format!("{path}.max_amount"), message);
        }
        if let Some(t) = pr.term_months.filter(|t| *t > domain::MAX_TERM_MONTHS) {
            let message = format!("must be at most {} (got {t})", domain::MAX_TERM_MONTHS);
            invalid(&mut errs, format!("{path}.term_months"), message);
        }
        if let Some(h) = pr
            .cooling_off_hours
            .filter(|h| *h > domain::MAX_COOLING_OFF_HOURS)
        {
            let message = format!(
                "must be at most {} (got {h})",
                domain::MAX_COOLING_OFF_HOURS
            );
            invalid(&mut errs, format!("{path}.cooling_off_hours"), message);
        }
        for (k, need) in pr.requires.iter().enumerate() {
            let at = format!("{path}.requires[{k}]");
            match (&need.product, need.family) {
                (Some(id), None) => {
                    if let Err(m) = domain::id(id) {
                        invalid(&mut errs, format!("{at}.product"), m);
                    } else if *id == pr.id {
                        let message = "a product cannot require itself".into();
                        invalid(&mut errs, format!("{at}.product"), message);
                    }
                }
                (None, Some(_)) => {}
                _ => invalid(
                    &mut errs,
                    at,
                    "name exactly one of `product` or `family`".into(),
                ),
            }
        }
        if pr.qualified_investor && c.policy.qualified_investor.is_none() {
            let message = "needs the catalog's `policy.qualified_investor` test".into();
            invalid(&mut errs, format!("{path}.qualified_investor"), message);
        }
        if needs_disclosure(pr) && c.disclosure(pr).is_none() {
            let message = format!(
                "its page must show a risk disclosure: give `disclosure`, or one for `{}` in \
                 `policy.disclosures`",
                pr.family.name()
            );
            invalid(&mut errs, format!("{path}.disclosure"), message);
        }
        if let Some(d) = &pr.disclosure {
            errs.extend(d.missing(&c.locales, &format!("{path}.disclosure")));
        }
        if let Some(a) = pr.age {
            for (end, v) in [("min", a.min), ("max", a.max)] {
                if let Some(v) = v.filter(|v| *v > domain::MAX_AGE) {
                    let max = domain::MAX_AGE;
                    let message = format!("must be between 0 and {max} (got {v})");
                    invalid(&mut errs, format!("{path}.age.{end}"), message);
                }
            }
        }
        if let Some(a) = pr.age
            && let (Some(lo), Some(hi)) = (a.min, a.max)
            && lo > hi
        {
            invalid(
                &mut errs,
                format!("{path}.age"),
                format!("min {lo} is above max {hi}"),
            );
        }
        if let Some(w) = pr.available
            && let (Some(from), Some(until)) = (w.from, w.until)
            && from > until
        {
            invalid(
                &mut errs,
                format!("{path}.available"),
                format!("from {from} is after until {until}"),
            );
        }
        for (k, t) in pr.tiers.iter().enumerate() {
            if !tier_ok(t) {
                invalid(
                    &mut errs,
                    format!("{path}.tiers[{k}]"),
                    format!("unknown tier `{t}`"),
                );
            }
        }
    }
    for (tier, b) in &c.bundles {
        let path = format!("$.bundles.{tier}");
        if !tier_ok(tier) {
            errs.push(RulesetError::Invalid {
                path: path.clone(),
                message: format!("unknown tier `{tier}`"),
            });
        }
        errs.extend(b.name.missing(&c.locales, &format!("{path}.name")));
        for (k, id) in b.products.iter().enumerate() {
            match c.products.iter().find(|p| &p.id == id) {
                None => errs.push(RulesetError::Invalid {
                    path: format!("{path}.products[{k}]"),
                    message: format!("unknown product `{id}`"),
                }),
                Some(p) if !p.tiers.is_empty() && !p.tiers.contains(tier) => {
                    errs.push(RulesetError::Invalid {
                        path: format!("{path}.products[{k}]"),
                        message: format!("`{id}` is not offered to `{tier}`"),
                    });
                }
                Some(_) => {}
            }
        }
    }
    for tier in c.strategy.keys() {
        if !tier_ok(tier) {
            errs.push(RulesetError::Invalid {
                path: format!("$.strategy.{tier}"),
                message: format!("unknown tier `{tier}`"),
            });
        }
    }
    errs
}

/// Where the customer stands on risk, for suitability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RiskStatus {
    /// A valid questionnaire.
    Valid(RiskLevel),
    /// Expired on that date.
    Expired(NaiveDate),
    /// Never taken.
    Missing,
}

impl RiskStatus {
    pub(crate) fn of(p: &Profile, as_of: NaiveDate, valid_months: u32) -> Self {
        match &p.risk {
            None => RiskStatus::Missing,
            Some(r) => {
                let expires = r
                    .assessed_on
                    .checked_add_months(Months::new(valid_months))
                    .unwrap_or(NaiveDate::MAX);
                if as_of >= expires {
                    RiskStatus::Expired(expires)
                } else {
                    RiskStatus::Valid(r.level)
                }
            }
        }
    }
}

/// What the recommender reads from the evaluation.
pub(crate) struct Inputs<'a> {
    pub catalog: &'a Catalog,
    /// Per product, in catalog order: precomputed masks.
    pub index: &'a [ProductIndex],
    /// The customer's tier, as a ladder position.
    pub tier_idx: usize,
    pub profile: &'a Profile,
    pub as_of: NaiveDate,
    pub tier: &'a str,
    /// The nearest tier above that money reaches, and the money missing.
    pub next: Option<(TierRef, Decimal)>,
    pub aum: Decimal,
    pub risk: RiskStatus,
    pub options: &'a Options,
    /// The ruleset's elderly and minors policies.
    pub vulnerability: Option<&'a Vulnerability>,
}

/// A product's tiers, scenario tags and bundles as bit masks, computed once per catalog so
/// that ranking 500 products does no string comparisons.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ProductIndex {
    /// Bit `t`: offered to tier `t` (all bits when the product names no tiers).
    tiers: u64,
    /// Bit per `Scenario`.
    tags: u16,
    /// Bit `t`: in tier `t`'s bundle.
    bundles: u64,
    /// Business priority in millionths, for integer ranking.
    priority_micros: i64,
}

/// A small non-negative decimal in millionths, saturating.
fn micros(d: Decimal) -> i64 {
    (d * Decimal::from(1_000_000))
        .round()
        .mantissa()
        .clamp(0, i128::from(i64::MAX)) as i64
}

fn scenario_bit(s: Scenario) -> u16 {
    1 << (s as u16)
}

/// Masks for every product; `tier_ids` in ladder order (validation keeps it within 64).
pub(crate) fn index(c: &Catalog, tier_ids: &[&str]) -> Vec<ProductIndex> {
    let bit = |id: &str| {
        tier_ids
            .iter()
            .position(|t| *t == id)
            .map_or(0, |i| 1u64 << i)
    };
    c.products
        .iter()
        .map(|p| ProductIndex {
            tiers: if p.tiers.is_empty() {
                u64::MAX
            } else {
                p.tiers.iter().map(|t| bit(t)).fold(0, |a, b| a | b)
            },
            tags: p
                .tags
                .iter()
                .map(|t| scenario_bit(*t))
                .fold(0, |a, b| a | b),
            bundles: c
                .bundles
                .iter()
                .filter(|(_, b)| b.products.contains(&p.id))
                .map(|(t, _)| bit(t))
                .fold(0, |a, b| a | b),
            priority_micros: micros(p.priority.0),
        })
        .collect()
}

/// The ranked offers, and (with `explain`) every product left out with its rule.
// Short names for the inputs, catalog, profile, weights and flags keep the formulas readable.
#[allow(clippy::many_single_char_names)]
pub(crate) fn recommend(i: &Inputs) -> (Vec<Recommendation>, Vec<Exclusion>) {
    let c = i.catalog;
    let p = i.profile;
    // Saturating: these only compare with minimum amounts, and a profile built in code may
    // hold more than a parsed one can (see `crate::domain`).
    let external = p
        .external_assets
        .iter()
        .fold(Decimal::ZERO, |a, e| a.saturating_add(e.balance.0));
    let means = i.aum.saturating_add(external);
    let lift = lift_means(i, external);
    let age = p.birth_date.map(|b| age_on(b, i.as_of));
    let held: BTreeSet<Family> = p.holdings.iter().map(|h| h.family).collect();
    let held_mask: u32 = held
        .iter()
        .map(|f| 1u32 << (*f as u32))
        .fold(0, |a, b| a | b);
    let mut scenarios: BTreeSet<Scenario> = p.interests.iter().copied().collect();
    if let Some(a) = age {
        if a <= 30 {
            scenarios.insert(Scenario::Youth);
        }
        if a >= 50 {
            scenarios.insert(Scenario::Retirement);
        }
    }
    let bundle = c.bundles.get(i.tier);
    let strategy = c
        .strategy
        .get(i.tier)
        .copied()
        .unwrap_or(Strategy::Maintain);
    let w = &c.policy.weights;
    let two = Decimal::TWO;
    let (next_w, ext_w, fam_w, life_w, bundle_w) = match strategy {
        Strategy::Nurture => (
            w.next_tier.0,
            w.external_assets.0,
            w.new_family.0,
            w.life_stage.0 * two,
            w.bundle.0,
        ),
        Strategy::Deepen => (
            w.next_tier.0,
            w.external_assets.0,
            w.new_family.0 * two,
            w.life_stage.0,
            w.bundle.0,
        ),
        Strategy::Compete => (
            w.next_tier.0,
            w.external_assets.0 * two,
            w.new_family.0,
            w.life_stage.0,
            w.bundle.0,
        ),
        Strategy::Maintain => (
            w.next_tier.0,
            w.external_assets.0,
            w.new_family.0,
            w.life_stage.0,
            w.bundle.0,
        ),
    };
    // Score every eligible product without allocating; only the offers shown get their
    // factors and reasons built (a 500-product catalog would otherwise clone 500 texts).
    let weights = [next_w, ext_w, fam_w, life_w, bundle_w, w.tier_fit.0];
    let scenario_mask: u16 = scenarios
        .iter()
        .map(|s| scenario_bit(*s))
        .fold(0, |a, b| a | b);
    let tier_bit = 1u64 << i.tier_idx;
    let applies = |pr: &Product, ix: &ProductIndex| -> [bool; N_FACTORS] {
        [
            lift.as_ref().is_some_and(|l| l.fits(pr)),
            pr.family.is_investable() && external > Decimal::ZERO,
            held_mask & (1 << (pr.family as u32)) == 0,
            ix.tags & scenario_mask != 0,
            ix.bundles & tier_bit != 0,
            // Named for the tier, not open to every tier.
            ix.tiers != u64::MAX && ix.tiers & tier_bit != 0,
        ]
    };
    // relevance × value depends only on which factors apply: 2^N_FACTORS patterns, computed
    // once.
    let combos: Vec<Decimal> = (0..1u8 << N_FACTORS)
        .map(|bits| {
            let (r, v) = parts(&weights, pattern(bits));
            r * v
        })
        .collect();
    // Ranking runs on integers (millionths): decimal arithmetic per product dominated the
    // cost in wasm. The exact decimal score is computed for the offers shown.
    let combo_micros: Vec<i64> = combos.iter().map(|d| micros(*d)).collect();
    let explain = i.options.explain;
    let mut excluded = Vec::new();
    let mut ranked: Vec<(i64, &Product, [bool; N_FACTORS])> = Vec::new();
    for (pr, ix) in c.products.iter().zip(i.index) {
        if let Some(rule) = exclusion(pr, ix.tiers & tier_bit != 0, i, age, means) {
            if explain {
                excluded.push(Exclusion {
                    product: pr.id.clone(),
                    rule,
                });
            }
            continue;
        }
        let a = applies(pr, ix);
        let key = combo_micros[usize::from(bits(a))].saturating_mul(ix.priority_micros);
        ranked.push((key, pr, a));
    }
    // Highest score first; ties keep catalog order (the sort is stable).
    ranked.sort_by_key(|(key, _, _)| std::cmp::Reverse(*key));
    // The one offer that may claim a tier lift: the first shown that fits it.
    let lift_given = std::cell::Cell::new(false);
    let staff = i.options.audience == Audience::Staff;
    let build = |pr: &Product, a: [bool; N_FACTORS], score: Decimal| {
        let (relevance, value) = parts(&weights, a);
        let factors: Vec<Factor> = KINDS
            .iter()
            .zip(weights)
            .zip(a)
            .filter(|((_, w), on)| *on && *w > Decimal::ZERO)
            .map(|((kind, w), _)| Factor {
                factor: *kind,
                weight: Dec(w),
                strength: Dec(Decimal::ONE),
                points: Dec(w),
            })
            .collect();
        let mut reasons = Vec::new();
        if a[0]
            && !lift_given.get()
            && let Some(l) = &lift
        {
            lift_given.set(true);
            reasons.push(Reason::LiftsTier {
                tier: l.tier.clone(),
                amount: Dec(l.amount(pr)),
                source: l.source,
            });
        }
        if a[1] {
            reasons.push(Reason::BringsAssets {
                amount: Dec(external),
            });
        }
        if a[2] {
            reasons.push(Reason::NewFamily { family: pr.family });
        }
        if a[3] {
            let tags = pr
                .tags
                .iter()
                .copied()
                .filter(|t| scenarios.contains(t))
                .collect();
            reasons.push(Reason::LifeStage { tags });
        }
        if let Some(b) = bundle.filter(|_| a[4]) {
            reasons.push(Reason::InBundle {
                bundle: b.name.clone(),
            });
        }
        Recommendation {
            product: pr.id.clone(),
            name: pr.name.clone(),
            pitch: pr.pitch.clone(),
            family: pr.family,
            risk: pr.risk,
            min_amount: pr.min_amount.into(),
            max_amount: pr.max_amount.map(Dec::from),
            annual_cap: pr.annual_cap.map(Dec::from),
            term_months: pr.term_months,
            cooling_off_hours: pr.cooling_off_hours,
            disclosure: c.disclosure(pr).cloned(),
            reasons,
            score: staff.then(|| Dec(score.round_dp(4))),
            relevance: staff.then_some(Dec(relevance)),
            value: staff.then_some(Dec(value)),
            lever: staff.then_some(pr.priority),
            factors: staff.then_some(factors),
        }
    };
    let top_n = i.options.top_n.unwrap_or(c.policy.top_n) as usize;
    let mut per_family: BTreeMap<Family, u32> = BTreeMap::new();
    let mut out = Vec::new();
    for (rank, (_, pr, a)) in ranked.into_iter().enumerate() {
        let count = per_family.entry(pr.family).or_default();
        let rule = if *count >= c.policy.per_family {
            ExclusionRule::FamilyLimit
        } else if out.len() >= top_n {
            ExclusionRule::RankedOut { rank: rank + 1 }
        } else {
            *count += 1;
            out.push(build(pr, a, combos[usize::from(bits(a))] * pr.priority.0));
            continue;
        };
        if explain {
            excluded.push(Exclusion {
                product: pr.id.clone(),
                rule,
            });
        }
    }
    (out, excluded)
}

/// A tier lift the customer has the means for: the tier, the money missing and where the new
/// money would come from.
struct LiftMeans {
    tier: TierRef,
    gap: Decimal,
    source: LiftSource,
    /// The most new money the source covers.
    means: Decimal,
}

impl LiftMeans {
    /// New money to put into `pr`: the gap, at least the product's minimum.
    fn amount(&self, pr: &Product) -> Decimal {
        self.gap.max(pr.min_amount.0)
    }

    /// Whether `pr` can take the new money: an investable product (insurance premiums and
    /// capped pension contributions are not), whose maximum and yearly cap admit the amount,
    /// within the customer's means.
    fn fits(&self, pr: &Product) -> bool {
        let amount = self.amount(pr);
        pr.family.is_investable()
            && pr.max_amount.is_none_or(|m| amount <= m.0)
            && pr.annual_cap.is_none_or(|m| amount <= m.0)
            && amount <= self.means
    }
}

/// The tier lift within the customer's means, if any: new money from assets declared
/// elsewhere, a recent inflow, or a top-up small against the assets here (in that order).
fn lift_means(i: &Inputs, external: Decimal) -> Option<LiftMeans> {
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
fn exclusion(
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
fn age_policy(v: &Vulnerability, pr: &Product, age: i32, guardian: bool) -> Option<ExclusionRule> {
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
fn qualified(i: &Inputs, means: Decimal) -> bool {
    let Some(q) = &i.catalog.policy.qualified_investor else {
        return false;
    };
    let p = i.profile;
    let wealth =
        means >= q.financial_assets.0 || p.annual_income.is_some_and(|a| a.0 >= q.average_income.0);
    wealth && p.investment_experience_years.unwrap_or(0) >= q.experience_years
}
