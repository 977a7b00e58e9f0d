//! Tiering a whole portfolio: the ladder over metric columns, then the review policy and
//! manual floors per row, as [`crate::Engine::evaluate`] applies them.

use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::Engine;
use crate::engine::Crit;
use crate::error::ProfileError;
use crate::evaluation::Basis;
use crate::metrics::Kind;
use crate::review::add_months;
use crate::ruleset::{Downgrade, DowngradeTo, Op, Source, Unit};

use super::BatchError;
use super::columns::{cents, fixed};
use super::portfolio::{Data, Portfolio};

/// One in millionths, the columns' scale.
const MICROS: i128 = 1_000_000;

/// No tier: a row that could not be tiered, or no reachable tier above.
pub const NONE: u16 = u16::MAX;

/// No amount: no tier above that money reaches.
pub const NO_AMOUNT: i64 = i64::MIN;

/// What decided a customer's tier: the `type` of an evaluation's `basis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Rule {
    /// The plain ladder result.
    Qualified = 0,
    /// Moved one tier down; the ladder gives lower still.
    StepDown = 1,
    /// Kept during a grace period.
    Grace = 2,
    /// Kept until more reviews below the bar.
    DeferredDowngrade = 3,
    /// Kept for the minimum tenure.
    MinimumTenure = 4,
    /// The ruleset never downgrades.
    NeverDowngraded = 5,
    /// A manual assignment's floor.
    ManualFloor = 6,
}

impl Rule {
    /// Every rule, in code order.
    pub const ALL: [Rule; 7] = [
        Rule::Qualified,
        Rule::StepDown,
        Rule::Grace,
        Rule::DeferredDowngrade,
        Rule::MinimumTenure,
        Rule::NeverDowngraded,
        Rule::ManualFloor,
    ];

    /// The `basis.type` an evaluation writes.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Rule::Qualified => "qualified",
            Rule::StepDown => "step_down",
            Rule::Grace => "grace",
            Rule::DeferredDowngrade => "deferred_downgrade",
            Rule::MinimumTenure => "minimum_tenure",
            Rule::NeverDowngraded => "never_downgraded",
            Rule::ManualFloor => "manual_floor",
        }
    }

    /// The rule of an evaluation's basis.
    #[must_use]
    pub fn of(basis: &Basis) -> Rule {
        match basis {
            Basis::Qualified => Rule::Qualified,
            Basis::StepDown { .. } => Rule::StepDown,
            Basis::Grace { .. } => Rule::Grace,
            Basis::DeferredDowngrade { .. } => Rule::DeferredDowngrade,
            Basis::MinimumTenure { .. } => Rule::MinimumTenure,
            Basis::NeverDowngraded => Rule::NeverDowngraded,
            Basis::ManualFloor { .. } => Rule::ManualFloor,
        }
    }
}

/// What [`Portfolio::tier_all`] computes beyond the tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierOptions {
    /// The nearest reachable tier above and the money it takes (a little more work per row).
    pub targets: bool,
}

impl Default for TierOptions {
    fn default() -> Self {
        TierOptions { targets: true }
    }
}

/// Every row's tier, as columns. Tier indices are ladder positions (0 = highest).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tiering {
    /// The tier: an evaluation's `tier.rank`, or [`NONE`] for a row that could not be tiered.
    pub tier: Vec<u16>,
    /// The plain ladder result: `qualified.rank`.
    pub qualified: Vec<u16>,
    /// What decided the tier ([`Rule`] as `u8`; `u8::MAX` for a row not tiered).
    pub rule: Vec<u8>,
    /// An evaluation's `reach.tier.rank`: the nearest tier above whose gap the customer can
    /// close, when money closes it; else [`NONE`]. Empty without [`TierOptions::targets`].
    pub target: Vec<u16>,
    /// `reach.amount` in cents: [`NO_AMOUNT`] without a target, `i64::MAX` when beyond i64
    /// (far past money's domain). Empty without [`TierOptions::targets`].
    pub target_cents: Vec<i64>,
    /// Rows not tiered under this ruleset, each with the index of a reason in `reasons`
    /// (a row may have several; rows rejected when added are not repeated here).
    pub not_tiered: Vec<(usize, u32)>,
    /// The reasons `not_tiered` points at; a reason many rows share is listed once.
    pub reasons: Vec<ProfileError>,
}

impl Tiering {
    /// Every `(row, reason)` a row was not tiered for.
    pub fn errors(&self) -> impl Iterator<Item = (usize, &ProfileError)> {
        self.not_tiered
            .iter()
            .map(|(row, r)| (*row, &self.reasons[*r as usize]))
    }
}

/// Rows found not tierable, and why.
struct Failures {
    first: usize,
    valid: Vec<bool>,
    rows: Vec<(usize, u32)>,
    reasons: Vec<ProfileError>,
}

impl Failures {
    /// Marks `row`, with a reason shared through `shared` (its index once added).
    fn shared(&mut self, row: usize, shared: &mut Option<u32>, e: impl FnOnce() -> ProfileError) {
        let r = *shared.get_or_insert_with(|| {
            self.reasons.push(e());
            (self.reasons.len() - 1) as u32
        });
        self.valid[row - self.first] = false;
        self.rows.push((row, r));
    }

    /// Marks `row` with a reason of its own.
    fn own(&mut self, row: usize, e: ProfileError) {
        let mut none = None;
        self.shared(row, &mut none, || e);
    }
}

/// A compiled comparison over a metric column.
#[derive(Debug)]
struct Leaf {
    column: usize,
    op: Op,
    /// `2·t·10⁶`, the threshold in the columns' fixed point.
    bar: i128,
    /// The smallest step of the metric in millionths (1 for whole-valued metrics, else a
    /// cent).
    step: i128,
    /// Whether bringing money or products moves the metric.
    actionable: bool,
    money: bool,
    /// `(per, points)` of each asset source of a derived metric, for its money equivalent.
    equivalents: Vec<(Decimal, Decimal)>,
}

#[derive(Debug)]
enum Node {
    All(Vec<Node>),
    Any(Vec<Node>),
    Leaf(Box<Leaf>),
}

/// Gap of a failing criterion: every shortfall actionable, how many, and the money amount
/// in cents.
type Summary = (bool, usize, Option<i128>);

impl Portfolio {
    /// Every row's tier under `engine` by the rules of [`Engine::evaluate`]: the ladder, the
    /// review policy against the tier held, and manual floors. Metric columns are computed
    /// on first use and kept for later calls, keyed by each metric's definition.
    pub fn tier_all(
        &mut self,
        engine: &Engine,
        options: TierOptions,
    ) -> Result<Tiering, BatchError> {
        self.tier_rows(engine, options, 0..self.len())
    }

    /// [`Portfolio::tier_all`] for the rows in `rows` only (clamped to the portfolio): result
    /// `i` is row `rows.start + i`, and errors name absolute rows. For tiering a large
    /// portfolio in slices that each keep a page responsive; metric columns are computed up
    /// to the slice's end, so slices in order compute each value once.
    pub fn tier_rows(
        &mut self,
        engine: &Engine,
        options: TierOptions,
        rows: Range<usize>,
    ) -> Result<Tiering, BatchError> {
        let end = rows.end.min(self.len());
        let rows = rows.start.min(end)..end;
        let rs = engine.ruleset();
        if rs.currency != self.data.currency || rs.fx_rates != self.data.fx_rates {
            return Err(BatchError::Currency {
                portfolio: self.data.currency.clone(),
                ruleset: rs.currency.clone(),
            });
        }
        let mut nodes = Vec::with_capacity(engine.criteria.len());
        for (i, c) in engine.criteria.iter().enumerate() {
            let path = format!("$.tiers[{i}].criteria");
            nodes.push(match c {
                Some(c) => Some(self.compile(engine, c, &path, rows.end)?),
                None => None,
            });
        }
        let data = &self.data;
        let columns: Vec<&[i128]> = (0..self.cache.len())
            .map(|i| self.cache.column(i).values.as_slice())
            .collect();
        let Failures {
            valid,
            rows: not_tiered,
            reasons,
            ..
        } = self.validity(engine, rows.clone());
        let tiers: Vec<Option<usize>> = data
            .tier_names
            .iter()
            .map(|n| engine.tier_ids().position(|t| t == n))
            .collect();
        let n = rows.len();
        let mut out = Tiering {
            tier: Vec::with_capacity(n),
            qualified: Vec::with_capacity(n),
            rule: Vec::with_capacity(n),
            not_tiered,
            reasons,
            ..Tiering::default()
        };
        if options.targets {
            out.target.reserve(n);
            out.target_cents.reserve(n);
        }
        let last = nodes.len() - 1;
        for (row, ok) in rows.zip(valid) {
            if !ok {
                out.tier.push(NONE);
                out.qualified.push(NONE);
                out.rule.push(u8::MAX);
                if options.targets {
                    out.target.push(NONE);
                    out.target_cents.push(NO_AMOUNT);
                }
                continue;
            }
            let qualified = nodes
                .iter()
                .position(|c| c.as_ref().is_none_or(|c| holds(c, &columns, row)))
                .unwrap_or(last);
            let (mut tier, mut rule) = history(engine, data, &tiers, qualified, row);
            let m = data.manual_tier[row];
            if let Some(floor) = tiers.get(usize::from(m)).copied().flatten()
                && data.as_of < data.manual_expires[row]
                && floor < tier
            {
                tier = floor;
                rule = Rule::ManualFloor;
            }
            out.tier.push(tier as u16);
            out.qualified.push(qualified as u16);
            out.rule.push(rule as u8);
            if options.targets {
                let (target, amount) = (0..tier)
                    .rev()
                    .find_map(|j| {
                        let (reachable, amount) = match &nodes[j] {
                            Some(c) if !holds(c, &columns, row) => {
                                let (all, _, amount) = summary(c, &columns, row);
                                (all, amount)
                            }
                            _ => (true, None),
                        };
                        reachable.then_some((j as u16, amount))
                    })
                    // As an evaluation's `reach`: the nearest reachable gap, when money
                    // closes it.
                    .filter(|(_, amount)| amount.is_some())
                    .unwrap_or((NONE, None));
                out.target.push(target);
                out.target_cents
                    .push(amount.map_or(NO_AMOUNT, |a| i64::try_from(a).unwrap_or(i64::MAX)));
            }
        }
        Ok(out)
    }

    fn compile(
        &mut self,
        engine: &Engine,
        c: &Crit,
        path: &str,
        upto: usize,
    ) -> Result<Node, BatchError> {
        Ok(match c {
            Crit::All(cs) => Node::All(
                cs.iter()
                    .map(|c| self.compile(engine, c, path, upto))
                    .collect::<Result<_, _>>()?,
            ),
            Crit::Any(cs) => Node::Any(
                cs.iter()
                    .map(|c| self.compile(engine, c, path, upto))
                    .collect::<Result<_, _>>()?,
            ),
            Crit::Cmp { slot, op, value } => {
                let def = &engine.metrics[*slot];
                let bar =
                    fixed(*value)
                        .filter(|g| g % 2 == 0)
                        .ok_or_else(|| BatchError::Threshold {
                            path: path.to_owned(),
                        })?;
                let equivalents = engine
                    .sources
                    .get(&def.id)
                    .map(|terms| {
                        terms
                            .iter()
                            .filter(|(source, points, _)| {
                                *points > Decimal::ZERO && counts_as_money(source)
                            })
                            .map(|(_, points, per)| (*per, *points))
                            .collect()
                    })
                    .unwrap_or_default();
                Node::Leaf(Box::new(Leaf {
                    column: self.cache.ensure(&def.kind, &self.data, upto),
                    op: *op,
                    bar,
                    step: if def.kind.is_integral() {
                        MICROS
                    } else {
                        MICROS / 100
                    },
                    actionable: actionable(&def.kind),
                    money: def.unit == Unit::Money,
                    equivalents,
                }))
            }
        })
    }

    /// Which rows can be tiered under `engine`, and why the others cannot: the checks of
    /// [`Engine::evaluate`] that depend on the ruleset.
    fn validity(&self, engine: &Engine, rows: Range<usize>) -> Failures {
        let d = &self.data;
        let mut f = Failures {
            first: rows.start,
            valid: d.rejected[rows.clone()].iter().map(|r| !r).collect(),
            rows: Vec::new(),
            reasons: Vec::new(),
        };
        let known: Vec<bool> = d
            .tier_names
            .iter()
            .map(|n| engine.tier_ids().any(|t| t == n))
            .collect();
        let mut unknown = vec![[None, None]; d.tier_names.len()];
        for row in rows.clone() {
            if d.rejected[row] {
                continue;
            }
            for (which, (t, path)) in [
                (d.history_tier[row], "$.tier_history.tier"),
                (d.manual_tier[row], "$.manual_assignment.tier"),
            ]
            .into_iter()
            .enumerate()
            {
                let t = usize::from(t);
                if t < known.len() && !known[t] {
                    let tier = d.tier_names[t].clone();
                    let path = path.to_owned();
                    let e = || ProfileError::UnknownTier { path, tier };
                    f.shared(row, &mut unknown[t][which], e);
                }
            }
        }
        for def in &engine.metrics {
            let attr = |name: &str| d.attr_names.iter().position(|a| a == name);
            let missing: Box<dyn Fn(usize) -> bool> = match &def.kind {
                Kind::Age => Box::new(|row| d.age[row] == u8::MAX),
                Kind::Education => Box::new(|row| d.education[row] == 0),
                Kind::Input {
                    name,
                    default: None,
                    ..
                } => match attr(name) {
                    Some(a) => Box::new(move |row| d.attrs[a][row].is_none()),
                    None => Box::new(|_| true),
                },
                _ => continue,
            };
            let path = match &def.kind {
                Kind::Age => "$.birth_date".to_owned(),
                Kind::Education => "$.education".to_owned(),
                _ => format!("$.attributes.{}", def.id),
            };
            let mut reason = None;
            for row in rows.clone() {
                if !d.rejected[row] && missing(row) {
                    let e = || ProfileError::Missing {
                        path: path.clone(),
                        metric: def.id.clone(),
                    };
                    f.shared(row, &mut reason, e);
                }
            }
        }
        for (name, def) in &engine.ruleset().inputs {
            let Some(a) = d.attr_names.iter().position(|x| x == name) else {
                continue;
            };
            let whole = matches!(def.unit, Unit::Count | Unit::Years | Unit::Rank);
            let money = def.unit == Unit::Money;
            if !whole && !money {
                continue;
            }
            let decimals = if whole {
                0
            } else {
                crate::dec::MONEY_DECIMALS as u32
            };
            for row in rows.clone() {
                let v = &d.attrs[a][row];
                let Some(v) = v.filter(|_| !d.rejected[row]) else {
                    continue;
                };
                let path = || format!("$.attributes.{name}");
                if v.is_sign_negative() && !v.is_zero() {
                    let value = v.to_string();
                    let path = path();
                    f.own(row, ProfileError::Negative { path, value });
                } else if v.normalize().scale() > decimals {
                    let message = if whole {
                        format!("{v} is not a whole number")
                    } else {
                        format!("{v} has more than {decimals} decimals; money has {decimals}")
                    };
                    let path = path();
                    f.own(row, ProfileError::Invalid { path, message });
                }
            }
        }
        for def in engine.criteria.iter().flatten().flat_map(slots) {
            let def = &engine.metrics[def];
            if let Some(i) = self.cache.index(&def.kind) {
                let mut reason = None;
                for &row in &self.cache.column(i).overflow {
                    if rows.contains(&row) && !d.rejected[row] {
                        let e = || ProfileError::Overflow {
                            path: "$".into(),
                            metric: def.id.clone(),
                        };
                        f.shared(row, &mut reason, e);
                    }
                }
            }
        }
        f
    }
}

/// The metric slots a criterion reads.
fn slots(c: &Crit) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![c];
    while let Some(c) = stack.pop() {
        match c {
            Crit::All(cs) | Crit::Any(cs) => stack.extend(cs),
            Crit::Cmp { slot, .. } => out.push(*slot),
        }
    }
    out
}

fn holds(c: &Node, columns: &[&[i128]], row: usize) -> bool {
    match c {
        Node::All(cs) => cs.iter().all(|c| holds(c, columns, row)),
        Node::Any(cs) => cs.iter().any(|c| holds(c, columns, row)),
        Node::Leaf(l) => compare(l.op, columns[l.column][row], l.bar),
    }
}

fn compare(op: Op, g: i128, bar: i128) -> bool {
    match op {
        Op::Gte => g >= bar,
        Op::Gt => g > bar,
        Op::Lte => g <= bar,
        Op::Lt => g < bar,
        Op::Eq => g == bar,
        Op::Ne => g != bar,
    }
}

/// The gap of a failing criterion, as the engine's shortfalls add up: `all` gathers its
/// failing children, `any` takes its easiest alternative (the first on ties).
fn summary(c: &Node, columns: &[&[i128]], row: usize) -> Summary {
    match c {
        Node::All(cs) => cs
            .iter()
            .filter(|c| !holds(c, columns, row))
            .map(|c| summary(c, columns, row))
            .fold((true, 0, None), |(a, n, m), (b, k, x)| {
                (a && b, n + k, m.max(x))
            }),
        Node::Any(cs) => {
            let mut best: Option<Summary> = None;
            for c in cs {
                let s = summary(c, columns, row);
                let key = |s: &Summary| (!s.0, s.1, s.2);
                if best.as_ref().is_none_or(|b| key(&s) < key(b)) {
                    best = Some(s);
                }
            }
            best.unwrap_or((true, 0, None))
        }
        Node::Leaf(l) => {
            // The engine's shortfall, in millionths: the bar less the value rounded to cents
            // (plus a step for `>`), rounded up to the metric's step. Exact: thresholds have
            // at most six decimals.
            let actual = cents(columns[l.column][row]) * (MICROS / 100);
            let threshold = l.bar / 2;
            let missing = match l.op {
                Op::Gte => Some(threshold - actual),
                Op::Gt => Some(threshold - actual + l.step),
                _ => None,
            }
            .filter(|m| *m > 0)
            .map(|m| (m + l.step - 1) / l.step * l.step);
            let actionable = missing.is_some() && l.actionable;
            let amount = match missing {
                Some(m) if actionable && l.money => Some(m / (MICROS / 100)),
                Some(m) if actionable => {
                    let m = Decimal::from_i128_with_scale(m, 6);
                    l.equivalents
                        .iter()
                        .filter_map(|(per, points)| {
                            let v = m.checked_mul(*per)?.checked_div(*points)?;
                            let c = round_up(v, Decimal::new(1, 2))? * Decimal::ONE_HUNDRED;
                            Some(c.mantissa() / 10i128.pow(c.scale()))
                        })
                        .min()
                }
                _ => None,
            };
            (actionable, 1, amount)
        }
    }
}

/// The tier after the review policy, as the engine's `apply_history`.
fn history(
    engine: &Engine,
    d: &Data,
    tiers: &[Option<usize>],
    qualified: usize,
    row: usize,
) -> (usize, Rule) {
    let Some(prev) = tiers
        .get(usize::from(d.history_tier[row]))
        .copied()
        .flatten()
    else {
        return (qualified, Rule::Qualified);
    };
    if qualified <= prev {
        return (qualified, Rule::Qualified);
    }
    let review = &engine.ruleset().review;
    let landing = match review.downgrade_to {
        DowngradeTo::OneDown => prev + 1,
        DowngradeTo::Qualified => qualified,
    };
    let landed = if landing == qualified {
        (landing, Rule::Qualified)
    } else {
        (landing, Rule::StepDown)
    };
    let as_of: NaiveDate = d.as_of;
    let tenure_end = add_months(d.history_since[row], review.min_tenure_months);
    if review.min_tenure_months > 0 && as_of < tenure_end {
        return (prev, Rule::MinimumTenure);
    }
    match review.downgrade {
        Downgrade::Never => (prev, Rule::NeverDowngraded),
        Downgrade::AfterReviews { reviews } => {
            if d.history_reviews[row] >= reviews {
                landed
            } else {
                (prev, Rule::DeferredDowngrade)
            }
        }
        Downgrade::Grace { months } => {
            let mut start = d.history_below[row].unwrap_or(as_of);
            if review.min_tenure_months > 0 && start < tenure_end {
                start = tenure_end;
            }
            if as_of < add_months(start, months) {
                (prev, Rule::Grace)
            } else {
                landed
            }
        }
    }
}

/// Whether a customer moves this metric by bringing money or products (the engine's rule).
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

/// Whether a derived metric's source is assets, whose equivalent is money to bring.
fn counts_as_money(source: &Source) -> bool {
    match source {
        Source::AverageBalance { families, .. } => families.iter().all(|f| f.is_asset()),
        Source::Metric(m) => m.starts_with("aum"),
        Source::FeeIncome { .. } => false,
    }
}

fn round_up(v: Decimal, step: Decimal) -> Option<Decimal> {
    v.checked_div(step)?.ceil().checked_mul(step)
}
