//! Tier criteria: comparisons of a metric against a threshold, combined with all/any.

use serde::Serialize;

use crate::dec::Dec;

/// A condition over metrics. JSON: `{"all": […]}`, `{"any": […]}` or
/// `{"metric": "aum", "op": ">=", "value": "50000"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged, try_from = "RawCriterion")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Criterion {
    /// Every child holds.
    All {
        /// Children.
        all: Vec<Criterion>,
    },
    /// At least one child holds.
    Any {
        /// Children.
        any: Vec<Criterion>,
    },
    /// A comparison.
    Compare(Comparison),
}

/// `metric op value`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Comparison {
    /// Metric id: built-in (`aum`, `aum_avg_3m`, `age`, `education`, …), a declared input or
    /// a derived metric.
    pub metric: String,
    /// Operator.
    pub op: Op,
    /// Threshold: a decimal, or for `education` a level name such as `college`.
    pub value: Threshold,
}

/// A threshold as written: a decimal or a level name.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Threshold {
    /// A number.
    Number(Dec),
    /// A named level (education).
    Name(String),
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Op {
    /// At least.
    #[serde(rename = ">=")]
    Gte,
    /// More than.
    #[serde(rename = ">")]
    Gt,
    /// At most.
    #[serde(rename = "<=")]
    Lte,
    /// Less than.
    #[serde(rename = "<")]
    Lt,
    /// Equal.
    #[serde(rename = "==")]
    Eq,
    /// Not equal.
    #[serde(rename = "!=")]
    Ne,
}

impl Op {
    /// Whether `actual op threshold` holds.
    #[must_use]
    pub fn holds(self, actual: rust_decimal::Decimal, threshold: rust_decimal::Decimal) -> bool {
        match self {
            Op::Gte => actual >= threshold,
            Op::Gt => actual > threshold,
            Op::Lte => actual <= threshold,
            Op::Lt => actual < threshold,
            Op::Eq => actual == threshold,
            Op::Ne => actual != threshold,
        }
    }
}

/// The criterion as parsed, before checking that exactly one form is used; gives a precise
/// message instead of serde's "did not match any variant".
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
pub(super) struct RawCriterion {
    pub(super) all: Option<Vec<Criterion>>,
    pub(super) any: Option<Vec<Criterion>>,
    pub(super) metric: Option<String>,
    pub(super) op: Option<Op>,
    pub(super) value: Option<Threshold>,
}

impl TryFrom<RawCriterion> for Criterion {
    type Error = String;

    fn try_from(raw: RawCriterion) -> Result<Self, String> {
        let compare = raw.metric.is_some() || raw.op.is_some() || raw.value.is_some();
        match (raw.all, raw.any, compare) {
            (Some(all), None, false) => Ok(Criterion::All { all }),
            (None, Some(any), false) => Ok(Criterion::Any { any }),
            (None, None, true) => match (raw.metric, raw.op, raw.value) {
                (Some(metric), Some(op), Some(value)) => {
                    Ok(Criterion::Compare(Comparison { metric, op, value }))
                }
                _ => Err("a comparison needs `metric`, `op` and `value`".to_owned()),
            },
            (None, None, false) => {
                Err("a criterion needs `all`, `any`, or `metric` with `op` and `value`".to_owned())
            }
            _ => Err(
                "a criterion is one of `all`, `any` or a comparison, not several at once"
                    .to_owned(),
            ),
        }
    }
}

// Reading the documents (`crate::json`); each field as documented above.
