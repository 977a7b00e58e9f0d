//! A tier's criteria as conditions a sentence can be written from: each metric's bounds
//! merged ("16 ≤ age ≤ 28", not "age ≥ 16 and age ≤ 28"), alternatives kept apart.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::dec::Dec;
use crate::engine::{Crit, Engine};
use crate::ruleset::Op;

/// One end of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Bound {
    /// The value.
    pub value: Dec,
    /// Whether the value itself is inside (及以上 / 及以下) or not (以上 / 以下).
    pub inclusive: bool,
}

/// A condition on a customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Condition {
    /// A metric within bounds; either end may be open.
    Within {
        /// Metric id (see `Engine::metric_info` for its label and unit).
        metric: String,
        /// The lower end.
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<Bound>,
        /// The upper end.
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<Bound>,
    },
    /// A metric equal, or not equal, to a value.
    Equals {
        /// Metric id.
        metric: String,
        /// The value.
        value: Dec,
        /// `false` for "not equal".
        equal: bool,
    },
    /// Any one of several groups of conditions.
    AnyOf {
        /// The groups; every condition of one group must hold.
        any: Vec<Vec<Condition>>,
    },
}

impl Engine {
    /// The conditions of tier `i` (empty for the fallback tier or an unknown index).
    #[must_use]
    pub fn conditions(&self, i: usize) -> Vec<Condition> {
        self.criteria
            .get(i)
            .and_then(Option::as_ref)
            .map_or_else(Vec::new, |c| self.group(c))
    }

    /// The conditions that must all hold for `c`.
    fn group(&self, c: &Crit) -> Vec<Condition> {
        let mut out: Vec<Condition> = Vec::new();
        let leaves: Vec<&Crit> = match c {
            Crit::All(cs) => cs.iter().collect(),
            other => vec![other],
        };
        for leaf in leaves {
            match leaf {
                Crit::All(_) => out.extend(self.group(leaf)),
                Crit::Any(cs) => out.push(Condition::AnyOf {
                    any: cs.iter().map(|c| self.group(c)).collect(),
                }),
                Crit::Cmp { slot, op, value } => {
                    let metric = self.metrics[*slot].id.clone();
                    add(&mut out, metric, *op, *value);
                }
            }
        }
        out
    }
}

/// Adds one comparison, merging it into the metric's range when there is one.
fn add(out: &mut Vec<Condition>, metric: String, op: Op, value: Decimal) {
    let bound = |inclusive| {
        Some(Bound {
            value: Dec(value),
            inclusive,
        })
    };
    let (min, max) = match op {
        Op::Gte => (bound(true), None),
        Op::Gt => (bound(false), None),
        Op::Lte => (None, bound(true)),
        Op::Lt => (None, bound(false)),
        Op::Eq | Op::Ne => {
            out.push(Condition::Equals {
                metric,
                value: Dec(value),
                equal: op == Op::Eq,
            });
            return;
        }
    };
    for c in out.iter_mut() {
        if let Condition::Within {
            metric: m,
            min: lo,
            max: hi,
        } = c
            && *m == metric
            && (min.is_none() || lo.is_none())
            && (max.is_none() || hi.is_none())
        {
            *lo = lo.or(min);
            *hi = hi.or(max);
            return;
        }
    }
    out.push(Condition::Within { metric, min, max });
}
