//! Two tierings of one portfolio side by side: what the studio shows a product team before a
//! ruleset changes (the migration matrix, upgrades and downgrades, customers just under a
//! line, the yearly cost of benefits, AUM per tier).

use std::ops::Range;

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
    let mut m = Migration::new(current.0, candidate.0);
    m.add_rows(current.1, candidate.1, assets, 0..current.1.tier.len());
    m
}

impl Migration {
    /// An empty matrix for two ladders, to fill slice by slice with [`Migration::add_rows`].
    #[must_use]
    pub fn new(current: &Ruleset, candidate: &Ruleset) -> Migration {
        let from: Vec<String> = current.tiers.iter().map(|t| t.id.clone()).collect();
        let to: Vec<String> = candidate.tiers.iter().map(|t| t.id.clone()).collect();
        Migration {
            customers: vec![0; from.len() * to.len()],
            assets_cents: vec![0; from.len() * to.len()],
            from,
            to,
            ..Migration::default()
        }
    }

    /// Counts `rows` (clamped to both tierings) into the matrix; slices that cover the
    /// tierings once, in any order, give [`migration`]'s matrix.
    pub fn add_rows(
        &mut self,
        current: &Tiering,
        candidate: &Tiering,
        assets: &[i64],
        rows: Range<usize>,
    ) {
        let end = rows.end.min(current.tier.len()).min(candidate.tier.len());
        let rows = rows.start.min(end)..end;
        let on_candidate: Vec<Option<usize>> = self
            .from
            .iter()
            .map(|id| self.to.iter().position(|t| t == id))
            .collect();
        for row in rows {
            let (a, b) = (current.tier[row], candidate.tier[row]);
            if a == NONE || b == NONE {
                self.not_tiered += 1;
                continue;
            }
            let (a, b) = (usize::from(a), usize::from(b));
            if a >= self.from.len() || b >= self.to.len() {
                self.not_tiered += 1;
                continue;
            }
            let cell = self.cell(a, b);
            self.customers[cell] += 1;
            self.assets_cents[cell] += i128::from(assets.get(row).copied().unwrap_or(0));
            match on_candidate[a] {
                Some(p) if b < p => self.upgrades += 1,
                Some(p) if b > p => self.downgrades += 1,
                _ => {}
            }
        }
    }
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
        self.near_thresholds_in(engine, percent, 0..self.len())
    }

    /// [`Portfolio::near_thresholds`] over `rows` only (clamped): the same thresholds in the
    /// same order, so the counts of slices that cover the portfolio once add up to the
    /// whole. Metric columns are filled up to the slice's end.
    pub fn near_thresholds_in(
        &mut self,
        engine: &Engine,
        percent: u32,
        rows: Range<usize>,
    ) -> Vec<NearThreshold> {
        let mut leaves = Vec::new();
        for (tier, c) in engine.criteria.iter().enumerate() {
            if let Some(c) = c {
                money_leaves(engine, c, tier, &mut leaves);
            }
        }
        let end = rows.end.min(self.len());
        let rows = rows.start.min(end)..end;
        let mut out = Vec::new();
        for (tier, slot, value) in leaves {
            let def = &engine.metrics[slot];
            let i = self.cache.ensure(&def.kind, &self.data, end);
            let column = &self.cache.column(i).values;
            // Values are `2·⌊v·10⁶⌋ + fraction`; the bars are whole millionths.
            let Some(top) = super::columns::fixed(value) else {
                continue;
            };
            let low = value * Decimal::from(100 - percent.min(100)) / Decimal::from(100);
            let Some(bottom) = super::columns::fixed(low.round_dp(6)) else {
                continue;
            };
            let customers = column[rows.clone()]
                .iter()
                .zip(&self.data.rejected[rows.clone()])
                .filter(|(g, rejected)| !**rejected && **g >= bottom && **g < top)
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
    let mut out = vec![0u64; tiers * (edges.len() + 1)];
    histogram_add(&mut out, tiering, assets, edges, 0..tiering.tier.len());
    out
}

/// Adds `rows` (clamped) to a [`histogram`]'s counts `out` (its length gives the tiers), so
/// that a large portfolio is counted slice by slice.
pub fn histogram_add(
    out: &mut [u64],
    tiering: &Tiering,
    assets: &[i64],
    edges: &[i64],
    rows: Range<usize>,
) {
    let bins = edges.len() + 1;
    let tiers = out.len() / bins;
    let end = rows.end.min(tiering.tier.len()).min(assets.len());
    let rows = rows.start.min(end)..end;
    for (&t, &a) in tiering.tier[rows.clone()].iter().zip(&assets[rows]) {
        if t == NONE || usize::from(t) >= tiers {
            continue;
        }
        let bin = edges.partition_point(|e| *e <= a);
        out[usize::from(t) * bins + bin] += 1;
    }
}
