//! The gap to each tier above: shortfalls per criterion, the money that closes them, and the
//! nearest reachable tier with progress toward it.

use rust_decimal::Decimal;

use crate::Engine;
use crate::dec::Dec;
use crate::evaluation::{Comparison, Equivalent, Gap, Reach, Shortfall, Trace, TraceNode};
use crate::metrics::{Kind, TermSource};
use crate::ruleset::{Op, Source, Unit};

impl Engine {
    pub(crate) fn gap(&self, j: usize, vals: &[Decimal]) -> Gap {
        let o = self.open(j, vals);
        Gap {
            tier: self.tier_ref(j),
            reachable: o.reachable,
            amount: o.amount,
            shortfalls: o.shortfalls,
        }
    }

    /// The gap to tier `j` without the tier's names (which cost copies to make).
    pub(crate) fn open(&self, j: usize, vals: &[Decimal]) -> Open {
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
        Open {
            rank: j,
            reachable: shortfalls.iter().all(|s| s.actionable),
            amount: money_amount(&shortfalls),
            shortfalls,
        }
    }

    /// The failing comparisons of a failing trace; for `any`, the easiest alternative.
    pub(crate) fn shortfalls(&self, t: &Trace) -> Vec<Shortfall> {
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

    pub(crate) fn shortfall(&self, c: &Comparison) -> Shortfall {
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
}

/// The gap to a tier, as [`Gap`] has it, with the tier as a ladder position.
pub(crate) struct Open {
    pub(crate) rank: usize,
    pub(crate) reachable: bool,
    pub(crate) amount: Option<Dec>,
    pub(crate) shortfalls: Vec<Shortfall>,
}

/// What finding the nearest reachable gap reads of a gap.
pub(crate) trait Closable {
    /// Whether money or products can close it.
    fn reachable(&self) -> bool;
    /// The money that closes it.
    fn amount(&self) -> Option<Dec>;
}

impl Closable for Gap {
    fn reachable(&self) -> bool {
        self.reachable
    }
    fn amount(&self) -> Option<Dec> {
        self.amount
    }
}

impl Closable for Open {
    fn reachable(&self) -> bool {
        self.reachable
    }
    fn amount(&self) -> Option<Dec> {
        self.amount
    }
}

impl<T: Closable> Closable for &T {
    fn reachable(&self) -> bool {
        (*self).reachable()
    }
    fn amount(&self) -> Option<Dec> {
        (*self).amount()
    }
}

/// The nearest tier above that money reaches, from gaps nearest first: the first reachable
/// gap, with its amount (none when that gap has no money amount).
pub(crate) fn nearest<G: Closable>(gaps: impl IntoIterator<Item = G>) -> Option<(G, Decimal)> {
    let g = gaps.into_iter().find(Closable::reachable)?;
    let amount = g.amount()?.0;
    Some((g, amount))
}

/// The nearest reachable gap as a screen shows it: its amount, the share of the deciding bar
/// already met, and that bar when it is money.
pub(crate) fn reach(g: &Gap, amount: Decimal) -> Reach {
    let (progress, bar) = progress(&g.shortfalls, amount);
    Reach {
        tier: g.tier.clone(),
        amount: Dec(amount),
        progress: Dec(progress),
        bar,
    }
}

/// The share of the deciding bar of a gap's shortfalls already met (the shortfall whose
/// money `amount` is), and that bar when it is money.
pub(crate) fn progress(shortfalls: &[Shortfall], amount: Decimal) -> (Decimal, Option<Dec>) {
    // The shortfall whose money the amount is; its comparison is the deciding bar.
    let deciding = shortfalls
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
    let bar = deciding
        .filter(|s| s.comparison.unit == Unit::Money)
        .map(|s| s.comparison.threshold);
    (progress, bar)
}

/// The bar of a gap's money shortfall (for "within X% of the next tier").
pub(crate) fn bar(g: &Gap) -> Decimal {
    g.shortfalls
        .iter()
        .filter(|s| s.comparison.unit == Unit::Money && s.missing.is_some())
        .map(|s| s.comparison.threshold.0)
        .max()
        .unwrap_or_default()
}

/// Whether a customer can move this metric by bringing money or products.
pub(crate) fn actionable(kind: &Kind) -> bool {
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
pub(crate) fn window_of(kind: &Kind) -> u32 {
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
pub(crate) fn money_amount(s: &[Shortfall]) -> Option<Dec> {
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
pub(crate) fn round_up(v: Decimal, step: Decimal) -> Option<Decimal> {
    v.checked_div(step)?.ceil().checked_mul(step)
}
