//! Ruleset lint for the product team: validation problems, then the ladder's shape —
//! combinations of values no tier claims (they fall to the fallback), combinations two tiers
//! both claim (first match decides), and tiers no customer can reach.
//!
//! The shape is found by probing every cell of the grid the ruleset's own thresholds draw:
//! on each metric the values just below, at and just above every threshold.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::Engine;
use crate::ruleset::Ruleset;

/// Largest grid probed; beyond it the shape checks are skipped with a note.
const MAX_CELLS: usize = 50_000;
/// Examples kept per finding.
const EXAMPLES: usize = 3;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Severity {
    /// The ruleset cannot be used.
    Error,
    /// Probably a mistake.
    Warning,
    /// Worth knowing.
    Info,
}

/// One lint finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Finding {
    /// Severity.
    pub severity: Severity,
    /// Stable type: a validation error type, or `gap`, `overlap`, `unreachable`, `not_probed`.
    #[serde(rename = "type")]
    pub kind: String,
    /// JSON path.
    pub path: String,
    /// Human-readable explanation.
    pub message: String,
}

/// Lints a ruleset: every validation error, then the ladder's shape.
#[must_use]
pub fn lint(ruleset: &Ruleset) -> Vec<Finding> {
    match Engine::new(ruleset.clone()) {
        Err(errs) => errs
            .0
            .iter()
            .map(|e| Finding {
                severity: Severity::Error,
                kind: e.kind().to_owned(),
                path: e.path().to_owned(),
                message: e.to_string(),
            })
            .collect(),
        Ok(engine) => shape(&engine),
    }
}

fn shape(engine: &Engine) -> Vec<Finding> {
    let defs = &engine.metrics;
    let compared: Vec<bool> = (0..defs.len())
        .map(|slot| !engine.cuts_of_slot(slot).is_empty())
        .collect();
    // Probe values per metric slot: the domain's bottom, and both sides of every cut point
    // (the same cuts the kiosk asks its questions by, `Engine::probes`).
    let axes: Vec<Vec<Decimal>> = (0..defs.len())
        .map(|slot| {
            let kind = &defs[slot].kind;
            let step = crate::probes::step(kind);
            let (lo, hi) = kind.domain();
            let mut v: Vec<Decimal> = engine
                .cuts_of_slot(slot)
                .into_iter()
                .flat_map(|c| [c - step, c])
                .chain(lo)
                .filter(|x| lo.is_none_or(|l| *x >= l) && hi.is_none_or(|h| *x <= h))
                .collect();
            v.sort();
            v.dedup();
            // A metric no criterion compares (a value indicator, say) is probed at one value.
            if v.is_empty() {
                v.push(lo.unwrap_or_default());
            }
            v
        })
        .collect();
    // Checked: 64 metrics with a few probes each overflow any integer (a wrapped count once
    // read 0 and reported tiers unreachable).
    let cells = axes
        .iter()
        .try_fold(1usize, |n, a| n.checked_mul(a.len()))
        .filter(|n| *n <= MAX_CELLS);
    let Some(cells) = cells else {
        return vec![Finding {
            severity: Severity::Info,
            kind: "not_probed".into(),
            path: "$.tiers".into(),
            message: format!(
                "more than {MAX_CELLS} value combinations; gaps and overlaps were not checked"
            ),
        }];
    };
    let tiers = &engine.ruleset().tiers;
    let fallback = tiers.len() - 1;
    let mut reached = vec![false; tiers.len()];
    // Gap examples, nearest misses first: one comparison short of some tier is the telling case.
    // Ranked by (comparisons missed, fewest … most comparisons in the tier): one short of a
    // many-sided tier beats one short of a plain threshold.
    let mut gaps: Vec<((usize, std::cmp::Reverse<usize>), String)> = Vec::new();
    let mut gap_cells = 0usize;
    let mut overlaps: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    // `escapes[a][b]`: some customer matches `a` but not `b`. A plain ladder (a higher bar on
    // the same metric) never escapes, so its expected overlap is not worth reporting.
    let mut escapes = vec![vec![false; tiers.len()]; tiers.len()];
    let mut idx = vec![0usize; axes.len()];
    let mut vals: Vec<Decimal> = axes
        .iter()
        .map(|a| a.first().copied().unwrap_or_default())
        .collect();
    for _ in 0..cells.max(1) {
        let matching: Vec<usize> = engine
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| c.as_ref().is_some_and(|c| c.holds(&vals)))
            .map(|(i, _)| i)
            .collect();
        let describe = || {
            defs.iter()
                .zip(&vals)
                .enumerate()
                .filter(|(slot, _)| compared[*slot])
                .map(|(_, (d, v))| format!("{} = {}", d.id, v.normalize()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match matching.as_slice() {
            [] => {
                reached[fallback] = true;
                gap_cells += 1;
                let near = engine
                    .criteria
                    .iter()
                    .flatten()
                    .map(|c| (c.misses(&vals), std::cmp::Reverse(c.leaves())))
                    .min()
                    .unwrap_or((0, std::cmp::Reverse(0)));
                if gaps.len() < EXAMPLES || gaps.iter().any(|(n, _)| *n > near) {
                    gaps.push((near, describe()));
                    gaps.sort_by_key(|(n, _)| *n);
                    gaps.truncate(EXAMPLES);
                }
            }
            [first, rest @ ..] => {
                reached[*first] = true;
                for a in &matching {
                    for (b, e) in escapes[*a].iter_mut().enumerate() {
                        *e |= !matching.contains(&b);
                    }
                }
                for r in rest {
                    let ex = overlaps.entry((*first, *r)).or_default();
                    if ex.len() < EXAMPLES {
                        ex.push(describe());
                    }
                }
            }
        }
        // Next cell of the grid (odometer order).
        for (a, axis) in axes.iter().enumerate() {
            idx[a] += 1;
            if idx[a] < axis.len() {
                vals[a] = axis[idx[a]];
                break;
            }
            idx[a] = 0;
            vals[a] = axis[0];
        }
    }
    let mut out = Vec::new();
    for (i, r) in reached.iter().enumerate() {
        if !r && i != fallback {
            out.push(Finding {
                severity: Severity::Warning,
                kind: "unreachable".into(),
                path: format!("$.tiers[{i}]"),
                message: format!(
                    "no customer reaches `{}`: every one it matches is taken by a tier above",
                    tiers[i].id
                ),
            });
        }
    }
    if gap_cells > 0 {
        let examples: Vec<String> = gaps.into_iter().map(|(_, d)| d).collect();
        out.push(Finding {
            severity: Severity::Info,
            kind: "gap".into(),
            path: format!("$.tiers[{fallback}]"),
            message: format!(
                "some customers match no tier and fall to the fallback `{}`, e.g. {}",
                tiers[fallback].id,
                examples.join("; ")
            ),
        });
    }
    for ((a, b), ex) in overlaps {
        if !escapes[a][b] {
            continue;
        }
        out.push(Finding {
            severity: Severity::Info,
            kind: "overlap".into(),
            path: format!("$.tiers[{b}].criteria"),
            message: format!(
                "`{}` and `{}` both match some customers, who get `{}` (first match), e.g. {}",
                tiers[a].id,
                tiers[b].id,
                tiers[a].id,
                ex.join("; ")
            ),
        });
    }
    out
}
