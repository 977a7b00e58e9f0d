//! The cut points of each axis a ruleset compares: the values at which some criterion's
//! outcome changes. `lint` probes on both sides of every cut; the kiosk asks its questions
//! in the bands between them.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::dec::Dec;
use crate::engine::{Crit, Engine};
use crate::metrics::Kind;
use crate::ruleset::{Op, Unit};

/// What an axis measures, for a questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum AxisKind {
    /// Financial assets held here (`aum`, its averages): one question for all of them.
    Assets,
    /// Age in whole years.
    Age,
    /// Education, by rank (1 = primary … 7 = doctorate).
    Education,
    /// Anything else, one axis per metric.
    Other,
}

/// The cut points of one axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Axis {
    /// What it measures.
    pub kind: AxisKind,
    /// The metrics on it.
    pub metrics: Vec<String>,
    /// Their unit.
    pub unit: Unit,
    /// Whether a metric on it is an average over months (a profile needs monthly history).
    pub averaged: bool,
    /// Sorted, distinct values at which some criterion's outcome changes: values `>= cut`
    /// and `< cut` fall on different sides of it.
    pub cuts: Vec<Dec>,
    /// The smallest step between two values (1 for whole numbers, 0.01 otherwise).
    pub step: Dec,
}

impl Engine {
    /// The axes the criteria compare, with their cut points: assets, age and education
    /// first (where compared), then one axis per other metric.
    #[must_use]
    pub fn probes(&self) -> Vec<Axis> {
        let mut per_slot: Vec<Vec<Decimal>> = vec![Vec::new(); self.metrics.len()];
        for c in self.criteria.iter().flatten() {
            cuts(c, &mut per_slot, &|slot| step(&self.metrics[slot].kind));
        }
        let mut axes: Vec<Axis> = Vec::new();
        for (slot, mut cuts) in per_slot.into_iter().enumerate() {
            if cuts.is_empty() {
                continue;
            }
            let d = &self.metrics[slot];
            let kind = axis_kind(&d.kind);
            // Assets, age and education are one axis each; other metrics one axis apiece.
            let at = if kind == AxisKind::Other {
                None
            } else {
                axes.iter().position(|a| a.kind == kind)
            };
            let at = at.unwrap_or_else(|| {
                axes.push(Axis {
                    kind,
                    metrics: Vec::new(),
                    unit: d.unit,
                    averaged: false,
                    cuts: Vec::new(),
                    step: Dec(step(&d.kind)),
                });
                axes.len() - 1
            });
            let entry = &mut axes[at];
            entry.metrics.push(d.id.clone());
            entry.averaged |= matches!(d.kind, Kind::AumAvg(_));
            entry.cuts.extend(cuts.drain(..).map(Dec));
            entry.cuts.sort();
            entry.cuts.dedup();
        }
        axes.sort_by_key(|a| match a.kind {
            AxisKind::Assets => 0,
            AxisKind::Age => 1,
            AxisKind::Education => 2,
            AxisKind::Other => 3,
        });
        axes
    }

    /// The cut points of one metric slot, sorted and distinct.
    pub(crate) fn cuts_of_slot(&self, slot: usize) -> Vec<Decimal> {
        let mut per_slot: Vec<Vec<Decimal>> = vec![Vec::new(); self.metrics.len()];
        for c in self.criteria.iter().flatten() {
            cuts(c, &mut per_slot, &|s| step(&self.metrics[s].kind));
        }
        let mut v = per_slot.swap_remove(slot);
        v.sort();
        v.dedup();
        v
    }
}

/// The smallest step of a metric's values.
pub(crate) fn step(kind: &Kind) -> Decimal {
    if kind.is_integral() {
        Decimal::ONE
    } else {
        Decimal::new(1, 2)
    }
}

pub(crate) fn axis_kind(kind: &Kind) -> AxisKind {
    match kind {
        Kind::Aum | Kind::AumAvg(_) => AxisKind::Assets,
        Kind::Age => AxisKind::Age,
        Kind::Education => AxisKind::Education,
        _ => AxisKind::Other,
    }
}

/// Adds each comparison's cut points to its slot: `>= v` and `< v` cut at `v`; `> v` and
/// `<= v` at `v + step`; `== v` and `!= v` at both.
fn cuts(c: &Crit, out: &mut [Vec<Decimal>], step: &dyn Fn(usize) -> Decimal) {
    match c {
        Crit::All(cs) | Crit::Any(cs) => cs.iter().for_each(|c| cuts(c, out, step)),
        Crit::Cmp { slot, op, value } => {
            let up = value.checked_add(step(*slot));
            let v = &mut out[*slot];
            match op {
                Op::Gte | Op::Lt => v.push(*value),
                Op::Gt | Op::Lte => v.extend(up),
                Op::Eq | Op::Ne => {
                    v.push(*value);
                    v.extend(up);
                }
            }
        }
    }
}
