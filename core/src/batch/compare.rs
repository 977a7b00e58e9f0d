//! Two tierings of one portfolio side by side: what the studio shows a product team before a
//! ruleset changes (the migration matrix, upgrades and downgrades, customers just under a
//! line, the yearly cost of benefits, AUM per tier).

use rust_decimal::Decimal;

use crate::Engine;
use crate::benefits;
use crate::engine::Crit;
use crate::ruleset::{Op, Ruleset, Unit};

use super::portfolio::Portfolio;
use super::tiering::{NONE, Tiering};

/// Current tier × candidate tier, counted and summed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Migration {
    /// The current ladder's tier ids (rows of the matrix).
    pub from: Vec<String>,
    /// The candidate ladder's tier ids (columns).
    pub to: Vec<String>,
    /// Customers per cell, row-major (`from × to`).
    pub customers: Vec<u64>,
    /// Assets here per cell, in cents, row-major.
    pub assets_cents: Vec<i128>,
    /// Customers whose candidate tier is higher than their current one.
    pub upgrades: u64,
    /// Customers whose candidate tier is lower.
    pub downgrades: u64,
    /// Customers tiered by neither ruleset or by only one of them.
    pub not_tiered: u64,
}

impl Migration {
    /// The cell's index in `customers` and `assets_cents`.
    #[must_use]
    pub fn cell(&self, from: usize, to: usize) -> usize {
        from * self.to.len() + to
    }
}

/// Compares two tierings of the same rows. A move is an upgrade or a downgrade by the
/// candidate ladder's order: the current tier is placed on it by id (a tier the candidate
/// does not have counts as neither).
#[must_use]
pub fn migration(
    current: (&Ruleset, &Tiering),
    candidate: (&Ruleset, &Tiering),
    assets: &[i64],
) -> Migration {
    let from: Vec<String> = current.0.tiers.iter().map(|t| t.id.clone()).collect();
    let to: Vec<String> = candidate.0.tiers.iter().map(|t| t.id.clone()).collect();
    let on_candidate: Vec<Option<usize>> = from
        .iter()
        .map(|id| to.iter().position(|t| t == id))
        .collect();
    let mut m = Migration {
        customers: vec![0; from.len() * to.len()],
        assets_cents: vec![0; from.len() * to.len()],
        from,
        to,
        ..Migration::default()
    };
    for (row, (&a, &b)) in current.1.tier.iter().zip(&candidate.1.tier).enumerate() {
        if a == NONE || b == NONE {
            m.not_tiered += 1;
            continue;
        }
        let (a, b) = (usize::from(a), usize::from(b));
        let cell = m.cell(a, b);
        m.customers[cell] += 1;
        m.assets_cents[cell] += i128::from(assets.get(row).copied().unwrap_or(0));
        match on_candidate[a] {
            Some(p) if b < p => m.upgrades += 1,
            Some(p) if b > p => m.downgrades += 1,
            _ => {}
        }
    }
    m
}

/// The rows of one cell of a [`Migration`], in portfolio order.
#[must_use]
pub fn cell_rows(current: &Tiering, candidate: &Tiering, from: u16, to: u16) -> Vec<usize> {
    current
        .tier
        .iter()
        .zip(&candidate.tier)
        .enumerate()
        .filter(|(_, (a, b))| **a == from && **b == to)
        .map(|(row, _)| row)
        .collect()
}

/// A money threshold of a tier and how many customers sit just below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearThreshold {
    /// The tier's ladder position.
    pub tier: usize,
    /// The metric compared.
    pub metric: String,
    /// The threshold.
    pub value: Decimal,
    /// Customers whose metric is at least `(1 − fraction)·value` and below `value`.
    pub customers: u64,
}

impl Portfolio {
    /// For every `>=` / `>` money threshold of `engine`'s tiers, the customers whose metric
    /// lies within `percent` % below it (e.g. 5).
    pub fn near_thresholds(&mut self, engine: &Engine, percent: u32) -> Vec<NearThreshold> {
        let mut leaves = Vec::new();
        for (tier, c) in engine.criteria.iter().enumerate() {
            if let Some(c) = c {
                money_leaves(engine, c, tier, &mut leaves);
            }
        }
        let len = self.len();
        let mut out = Vec::new();
        for (tier, slot, value) in leaves {
            let def = &engine.metrics[slot];
            let i = self.cache.ensure(&def.kind, &self.data, len);
            let column = &self.cache.column(i).values;
            // Values are `2·⌊v·10⁶⌋ + fraction`; the bars are whole millionths.
            let Some(top) = super::columns::fixed(value) else {
                continue;
            };
            let low = value * Decimal::from(100 - percent.min(100)) / Decimal::from(100);
            let Some(bottom) = super::columns::fixed(low.round_dp(6)) else {
                continue;
            };
            let customers = column
                .iter()
                .enumerate()
                .filter(|(row, g)| !self.data.rejected[*row] && **g >= bottom && **g < top)
                .count() as u64;
            out.push(NearThreshold {
                tier,
                metric: def.id.clone(),
                value,
                customers,
            });
        }
        out
    }

    /// Each row's financial assets here, in cents (0 for a rejected row).
    #[must_use]
    pub fn assets(&self) -> &[i64] {
        &self.data.assets
    }
}

fn money_leaves(engine: &Engine, c: &Crit, tier: usize, out: &mut Vec<(usize, usize, Decimal)>) {
    match c {
        Crit::All(cs) | Crit::Any(cs) => {
            for c in cs {
                money_leaves(engine, c, tier, out);
            }
        }
        Crit::Cmp { slot, op, value } => {
            if matches!(op, Op::Gte | Op::Gt) && engine.metrics[*slot].unit == Unit::Money {
                out.push((tier, *slot, *value));
            }
        }
    }
}

/// What tier `i`'s benefits cost the bank per customer per year, in cents: the sum of the
/// `annual_cost` of everything the tier brings; `None` when no benefit gives a cost.
#[must_use]
pub fn yearly_cost_cents(rs: &Ruleset, i: usize) -> Option<i128> {
    let items = benefits::of_tier(rs, i);
    let mut any = false;
    let mut sum = Decimal::ZERO;
    for b in &items {
        if let Some(c) = b.annual_cost {
            any = true;
            sum += c.0;
        }
    }
    let cents = (sum * Decimal::from(100)).trunc();
    any.then(|| cents.mantissa() / 10i128.pow(cents.scale()))
}

/// Customers per tier in each AUM bin: bins are split at `edges` (cents, ascending), so
/// `edges.len() + 1` bins per tier, row-major by tier.
#[must_use]
pub fn histogram(tiering: &Tiering, tiers: usize, assets: &[i64], edges: &[i64]) -> Vec<u64> {
    let bins = edges.len() + 1;
    let mut out = vec![0u64; tiers * bins];
    for (&t, &a) in tiering.tier.iter().zip(assets) {
        if t == NONE || usize::from(t) >= tiers {
            continue;
        }
        let bin = edges.partition_point(|e| *e <= a);
        out[usize::from(t) * bins + bin] += 1;
    }
    out
}
