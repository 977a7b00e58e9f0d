//! The compiled forms validation hands to the engine: criteria over metric slots ([`Crit`])
//! and the interval a metric may take under some comparisons ([`Interval`]).

use rust_decimal::Decimal;

use crate::metrics::Kind;
use crate::ruleset::Op;

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
