//! The lean view of an evaluation: what a screen or a marketing list needs, nothing more.
//!
//! [`Summary::of`] borrows from a full [`Evaluation`] (no copy of its strings): the tier and the
//! tier the plain ladder gives, the nearest tier above that money can reach with the amount and
//! the progress towards it, the tier declared assets elsewhere would give, what keeps the tier
//! at the next review, reason codes, and the offers' ids with their reasons. Ids only: names
//! are the ruleset's, read once by the caller. The CLI's `--output tier` lines and the JS
//! API's default result are this shape.

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::SerializeSeq;

use crate::dec::Dec;
use crate::engine::Lean;
use crate::evaluation::{Basis, Change, ChangeReason, Evaluation, Potential, Retention};
use crate::json::FromJson;
use crate::recommend::{Audience, Options, Reason, Recommendation};
use crate::ruleset::Unit;
use crate::{Engine, Profile, ProfileErrors};

/// How much of an evaluation a caller wants back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Detail {
    /// The [`Summary`]: what a screen needs (the JS API's default).
    #[default]
    Lean,
    /// The whole [`Evaluation`]: ladder trace, every gap, metrics, value, moments, factors.
    Full,
}

/// The lean view of one evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Summary<'a> {
    /// The customer id from the profile.
    pub id: &'a str,
    /// The tier the customer has.
    pub tier: &'a str,
    /// The tier the plain ladder gives, before grace, deferral or a manual floor.
    pub qualified: &'a str,
    /// The nearest tier above that money can reach, and how much it takes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target<'a>>,
    /// The tier declared assets at other banks would give, and the money to move here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub potential: Option<PotentialSummary<'a>>,
    /// What keeps the tier at the next review.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<RetentionSummary>,
    /// Why the tier is what it is: the basis (`qualified`, `grace`, `deferred_downgrade`,
    /// `minimum_tenure`, `never_downgraded`, `step_down`, `manual_floor`), then the change
    /// from the tier held, if any (`upgrade`, `downgrade`, `grace_expired`, `manual`).
    pub reasons: Reasons,
    /// The offers, best first: product id and reasons (with a catalog).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<Offer<'a>>,
}

/// The nearest tier above within reach of money (the evaluation's `reach`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Target<'a> {
    /// The tier id.
    pub tier: &'a str,
    /// The money that reaches it.
    pub amount: Dec,
    /// The share of the deciding bar already met, from 0 to 1.
    pub progress: Dec,
}

/// The tier declared external assets would give.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct PotentialSummary<'a> {
    /// The tier id.
    pub tier: &'a str,
    /// How much must move here to reach it, when money closes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_needed: Option<Dec>,
}

/// What keeps the tier, and the date that decides it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RetentionSummary {
    /// The date the tier is next at stake (see `Retention::review_date`).
    pub review_date: NaiveDate,
    /// Whether the customer meets the bar today.
    pub on_track: bool,
    /// The tightest money margin above the bar (negative: how much is short).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<Dec>,
}

/// One offer: the product id and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Offer<'a> {
    /// Product id.
    pub product: &'a str,
    /// Reason codes with their numbers.
    pub reasons: &'a [Reason],
}

/// Reason codes, written as a JSON array of strings without a vector behind them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
pub struct Reasons {
    /// The basis code.
    pub basis: &'static str,
    /// The change code, if the tier changed.
    pub change: Option<&'static str>,
}

impl Serialize for Reasons {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(1 + usize::from(self.change.is_some())))?;
        seq.serialize_element(self.basis)?;
        if let Some(c) = self.change {
            seq.serialize_element(c)?;
        }
        seq.end()
    }
}

impl<'a> Summary<'a> {
    /// The lean view of `e`.
    #[must_use]
    pub fn of(e: &'a Evaluation) -> Self {
        Self::from_parts(
            &e.customer_id,
            &e.tier.id,
            &e.qualified.id,
            Parts {
                basis: &e.basis,
                change: e.change.as_ref(),
                target: e.reach.as_ref().map(|r| Target {
                    tier: &r.tier.id,
                    amount: r.amount,
                    progress: r.progress,
                }),
                potential: e.potential.as_ref(),
                retention: e.retention.as_ref(),
                recommendations: &e.recommendations,
            },
        )
    }

    /// The summary of a lean evaluation ([`Engine::lean`]) of `profile` by `engine`: the
    /// same as [`Summary::of`] the full evaluation.
    #[must_use]
    pub fn of_lean(engine: &'a Engine, profile: &'a Profile, l: &'a Lean) -> Self {
        Self::from_parts(
            &profile.id,
            engine.tier_id(l.tier),
            engine.tier_id(l.qualified),
            Parts {
                basis: &l.basis,
                change: l.change.as_ref(),
                target: l.reach.map(|n| Target {
                    tier: engine.tier_id(n.tier),
                    amount: n.amount,
                    progress: n.progress,
                }),
                potential: l.potential.as_ref(),
                retention: l.retention.as_ref(),
                recommendations: &l.recommendations,
            },
        )
    }

    fn from_parts(id: &'a str, tier: &'a str, qualified: &'a str, p: Parts<'a>) -> Self {
        Summary {
            id,
            tier,
            qualified,
            target: p.target,
            potential: p.potential.map(|p| PotentialSummary {
                tier: &p.tier.id,
                move_needed: p.move_needed,
            }),
            retention: p.retention.map(|r| RetentionSummary {
                review_date: r.review_date,
                on_track: r.on_track,
                margin: r
                    .requirements
                    .iter()
                    .filter(|q| q.comparison.unit == Unit::Money)
                    .map(|q| q.margin)
                    .min(),
            }),
            reasons: Reasons {
                basis: basis_code(p.basis),
                change: p.change.map(|c| change_code(c.reason)),
            },
            offers: p
                .recommendations
                .iter()
                .map(|r| Offer {
                    product: &r.product,
                    reasons: &r.reasons,
                })
                .collect(),
        }
    }
}

impl Summary<'_> {
    /// Appends the summary's strings to `out`, each followed by U+001F, which no id, date or
    /// decimal contains: the id, the target's amount and progress, the potential's move, the
    /// retention's review date and margin (absent ones empty), each as it serializes. For a
    /// binding that builds the object itself (the JS API's lean result).
    pub fn write_strings(&self, out: &mut String) {
        let dec = |out: &mut String, d: Option<Dec>| {
            if let Some(d) = d {
                d.write_to(out);
            }
            out.push('\u{1f}');
        };
        out.push_str(self.id);
        out.push('\u{1f}');
        dec(out, self.target.as_ref().map(|t| t.amount));
        dec(out, self.target.as_ref().map(|t| t.progress));
        dec(out, self.potential.as_ref().and_then(|p| p.move_needed));
        if let Some(r) = &self.retention {
            write_date(out, r.review_date);
        }
        out.push('\u{1f}');
        dec(out, self.retention.as_ref().and_then(|r| r.margin));
    }
}

/// Appends `YYYY-MM-DD` as `NaiveDate`'s `Display` writes it, without a formatter for the
/// years 0 to 9999.
fn write_date(out: &mut String, d: NaiveDate) {
    use chrono::Datelike;
    use std::fmt::Write;
    let y = d.year();
    match u32::try_from(y) {
        Ok(y) if y <= 9999 => {
            let (m, day) = (d.month(), d.day());
            let digits = [y / 1000, y / 100 % 10, y / 10 % 10, y % 10];
            let digit = |n: u32| char::from_digit(n, 10).unwrap_or('0');
            out.extend(digits.map(digit));
            out.extend(['-', digit(m / 10), digit(m % 10), '-']);
            out.extend([digit(day / 10), digit(day % 10)]);
        }
        // Writing to a String cannot fail.
        _ => drop(write!(out, "{d}")),
    }
}

/// What a summary reads of an evaluation, full or lean.
struct Parts<'a> {
    basis: &'a Basis,
    change: Option<&'a Change>,
    target: Option<Target<'a>>,
    potential: Option<&'a Potential>,
    retention: Option<&'a Retention>,
    recommendations: &'a [Recommendation],
}

/// Every code [`Reasons`] may hold: the basis codes, then the change codes. A binding can
/// name them by position (the JS API makes their strings once per engine).
pub const REASON_CODES: [&str; 11] = [
    "qualified",
    "grace",
    "deferred_downgrade",
    "minimum_tenure",
    "never_downgraded",
    "step_down",
    "manual_floor",
    "upgrade",
    "downgrade",
    "grace_expired",
    "manual",
];

fn basis_code(b: &Basis) -> &'static str {
    REASON_CODES[match b {
        Basis::Qualified => 0,
        Basis::Grace { .. } => 1,
        Basis::DeferredDowngrade { .. } => 2,
        Basis::MinimumTenure { .. } => 3,
        Basis::NeverDowngraded => 4,
        Basis::StepDown { .. } => 5,
        Basis::ManualFloor { .. } => 6,
    }]
}

fn change_code(c: ChangeReason) -> &'static str {
    REASON_CODES[match c {
        ChangeReason::Upgrade => 7,
        ChangeReason::Downgrade => 8,
        ChangeReason::GraceExpired => 9,
        ChangeReason::Manual => 10,
    }]
}

/// A binding's evaluation options: the engine's [`Options`] and the view to return.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct EvaluateOptions {
    /// Offers to return (default: the catalog's `top_n`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_n: Option<u32>,
    /// Also list every product not recommended, with the rule that excluded it (in the full
    /// view).
    #[serde(default)]
    pub explain: bool,
    /// Who the result is for (default: the customer).
    #[serde(default)]
    pub audience: Audience,
    /// `lean` (default): the [`Summary`]; `full`: the whole evaluation.
    #[serde(default)]
    pub detail: Detail,
}

impl EvaluateOptions {
    /// The engine's options for this request. A lean request never explains: the summary
    /// has no place for the exclusions.
    #[must_use]
    pub fn options(&self) -> Options {
        Options {
            top_n: self.top_n,
            explain: self.explain && self.detail == Detail::Full,
            audience: self.audience,
        }
    }
}

/// An evaluation as the caller asked for it, serializing as the [`Summary`] or the whole
/// [`Evaluation`], so a binding can hand either to one serializer.
// Unboxed: it lives for one call, and a box would cost an allocation per call.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Shaped<'a> {
    /// A lean evaluation of `profile` by `engine`, serializing as its summary.
    Lean {
        /// The engine that evaluated.
        engine: &'a Engine,
        /// The profile evaluated.
        profile: &'a Profile,
        /// What the summary reads.
        lean: Lean,
    },
    /// The whole evaluation.
    Full(Evaluation),
}

impl Serialize for Shaped<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shaped::Lean {
                engine,
                profile,
                lean,
            } => Summary::of_lean(engine, profile, lean).serialize(s),
            Shaped::Full(evaluation) => evaluation.serialize(s),
        }
    }
}

/// Evaluates `profile` as `request` asks: the one core call behind a binding's `evaluate`.
/// A lean request computes only what the summary shows ([`Engine::lean`]).
pub fn evaluate<'a>(
    engine: &'a Engine,
    profile: &'a Profile,
    as_of: NaiveDate,
    request: &EvaluateOptions,
) -> Result<Shaped<'a>, ProfileErrors> {
    let options = request.options();
    Ok(match request.detail {
        Detail::Lean => Shaped::Lean {
            engine,
            profile,
            lean: engine.lean(profile, as_of, &options)?,
        },
        Detail::Full => Shaped::Full(engine.evaluate_with(profile, as_of, &options)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{catalogs, rulesets};
    use chrono::Datelike;

    fn evaluate(json: &str, catalog: bool) -> Evaluation {
        let mut engine = Engine::new(rulesets::cn_retail()).expect("valid");
        if catalog {
            engine = engine
                .with_catalog(catalogs::for_ruleset("cn-retail").expect("a catalog"))
                .expect("fits");
        }
        let profile = Profile::from_json(json).expect("valid profile");
        engine
            .evaluate(&profile, "2026-11-25".parse().expect("date"))
            .expect("evaluates")
    }

    #[test]
    fn the_summary_of_a_mid_tier_customer() {
        let e = evaluate(
            r#"{"id":"c-1","birth_date":"1991-04-18","education":"bachelor",
            "holdings":[{"product":"demand-cny","family":"deposit","balance":"162500.00"}],
            "external_assets":[{"balance":"300000.00"}]}"#,
            false,
        );
        let s = Summary::of(&e);
        let json = serde_json::to_value(&s).expect("serializes");
        assert_eq!(json["id"], "c-1");
        assert_eq!(json["tier"], "mid_lower");
        assert_eq!(json["qualified"], "mid_lower");
        assert_eq!(json["target"]["tier"], "mid_upper");
        assert_eq!(json["target"]["amount"], "37500");
        // 162,500 of the 200,000 bar.
        assert_eq!(json["target"]["progress"], "0.8125");
        assert_eq!(json["potential"]["tier"], "mid_upper");
        assert_eq!(json["reasons"], serde_json::json!(["qualified"]));
        assert!(json.get("offers").is_none());
    }

    #[test]
    fn a_change_adds_its_code_and_offers_keep_their_reasons() {
        let e = evaluate(
            r#"{"id":"c-2","birth_date":"1980-01-01","education":"master",
            "holdings":[{"product":"demand-cny","family":"deposit","balance":"1500000.00"}],
            "external_assets":[{"balance":"9000000.00"}],
            "tier_history":{"tier":"mid_upper","since":"2024-01-01"}}"#,
            true,
        );
        let s = Summary::of(&e);
        assert_eq!(s.tier, "high_end");
        assert_eq!(
            serde_json::to_value(s.reasons).expect("serializes"),
            serde_json::json!(["qualified", "upgrade"])
        );
        assert!(!s.offers.is_empty());
        assert_eq!(s.offers.len(), e.recommendations.len());
        assert_eq!(s.offers[0].product, e.recommendations[0].product);
        assert_eq!(s.offers[0].reasons, &e.recommendations[0].reasons[..]);
    }

    #[test]
    fn dates_are_written_as_they_display() {
        let mut d = NaiveDate::from_ymd_opt(-3, 1, 1).expect("date");
        let far = [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(10_000, 1, 1).expect("date"),
        ];
        while d.year() < 10_003 {
            let mut out = String::new();
            write_date(&mut out, d);
            assert_eq!(out, d.to_string());
            d = d + chrono::Days::new(7);
        }
        for d in far {
            let mut out = String::new();
            write_date(&mut out, d);
            assert_eq!(out, d.to_string());
        }
    }

    #[test]
    fn the_strings_are_the_serialized_ones() {
        for (json, catalog) in [
            (
                r#"{"id":"c-1","birth_date":"1991-04-18","education":"bachelor",
            "holdings":[{"product":"demand-cny","family":"deposit","balance":"162500.00"}],
            "external_assets":[{"balance":"300000.00"}]}"#,
                false,
            ),
            (
                r#"{"id":"客户-2","birth_date":"1980-01-01","education":"master",
            "holdings":[{"product":"demand-cny","family":"deposit","balance":"1500000.00"}],
            "tier_history":{"tier":"private_banking","since":"2024-01-01"}}"#,
                true,
            ),
        ] {
            let e = evaluate(json, catalog);
            let s = Summary::of(&e);
            let v = serde_json::to_value(&s).expect("serializes");
            let mut out = String::new();
            s.write_strings(&mut out);
            let parts: Vec<&str> = out.split('\u{1f}').collect();
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
            assert_eq!(parts[0], text(&v["id"]));
            assert_eq!(parts[1], text(&v["target"]["amount"]));
            assert_eq!(parts[2], text(&v["target"]["progress"]));
            assert_eq!(parts[3], text(&v["potential"]["move_needed"]));
            assert_eq!(parts[4], text(&v["retention"]["review_date"]));
            assert_eq!(parts[5], text(&v["retention"]["margin"]));
        }
    }

    #[test]
    fn shaped_serializes_the_view_asked_for() {
        let e = evaluate(
            r#"{"id":"c-3","birth_date":"1950-01-01","education":"primary","holdings":[{"product":"d","family":"deposit","balance":"10"}]}"#,
            false,
        );
        let engine = Engine::new(rulesets::cn_retail()).expect("valid");
        let profile = Profile::from_json(
            r#"{"id":"c-3","birth_date":"1950-01-01","education":"primary","holdings":[{"product":"d","family":"deposit","balance":"10"}]}"#,
        )
        .expect("valid profile");
        let lean = Shaped::Lean {
            engine: &engine,
            profile: &profile,
            lean: engine
                .lean(
                    &profile,
                    "2026-11-25".parse().expect("date"),
                    &Options::default(),
                )
                .expect("evaluates"),
        };
        let full = Shaped::Full(e.clone());
        let lean = serde_json::to_value(&lean).expect("serializes");
        assert_eq!(lean["tier"], "ordinary");
        assert!(lean.get("ladder").is_none());
        assert_eq!(
            serde_json::to_value(&full).expect("serializes"),
            serde_json::to_value(&e).expect("serializes")
        );
    }

    #[test]
    fn a_request_reads_like_options_plus_the_view() {
        let r: EvaluateOptions =
            crate::json::from_str(r#"{"top_n":3,"explain":true,"detail":"full"}"#).expect("valid");
        assert_eq!(r.detail, Detail::Full);
        assert!(r.options().explain);
        assert_eq!(r.options().top_n, Some(3));
        let lean: EvaluateOptions = crate::json::from_str(r#"{"explain":true}"#).expect("valid");
        assert_eq!(lean.detail, Detail::Lean);
        assert!(
            !lean.options().explain,
            "a lean result has no exclusions to show"
        );
        let err =
            crate::json::from_str::<EvaluateOptions>(r#"{"detail":"most"}"#).expect_err("bad");
        assert_eq!(err.path, "$.detail");
        assert!(crate::json::from_str::<EvaluateOptions>(r#"{"dteail":"full"}"#).is_err());
    }
}
