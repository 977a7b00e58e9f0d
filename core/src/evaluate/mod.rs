//! The engine: validates a ruleset once, then evaluates profiles against it.
//!
//! Compilation ([`crate::validate`]) resolves every metric id to a slot and every
//! threshold to a decimal, and collects *every* problem with its JSON path. Evaluation is a
//! pure function of the profile and the as-of date: no clock, no I/O.
//!
//! The pipeline lives in the modules below, one idea each: [`assemble`] builds an engine
//! from a ruleset and an optional catalog; `pipeline` runs one evaluation; `ladder` places a
//! profile; `lean` computes only the summary; `history` applies review and downgrade rules; `gaps` and `potential` say what is
//! missing and what keeps a tier; `currency` converts; `checks` refuses profiles the ruleset
//! cannot evaluate; [`value`], [`moments`], [`scenario`] and [`benefits`] answer the faces'
//! other questions. Output types live in [`crate::output`].

pub mod assemble;
pub mod benefits;
mod checks;
mod currency;
mod gaps;
mod history;
mod ladder;
mod lean;
pub mod moments;
mod pipeline;
mod potential;
pub mod review;
pub mod scenario;
pub mod value;

pub use crate::model::{parse_catalog, parse_ruleset};
pub(crate) use crate::validate::Crit;
pub use assemble::{AssemblyError, CatalogChoice, Document};
pub use lean::{Lean, Near};

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::catalog::Catalog;
use crate::error::{ProfileError, ProfileErrors};
use crate::evaluation::TierRef;
use crate::metrics::{self, Kind};
use crate::review::Reviews;
use crate::ruleset::{Ruleset, Source};
use crate::value::IndicatorKind;

/// A validated ruleset, ready to evaluate profiles.
#[derive(Clone, Debug)]
pub struct Engine {
    ruleset: Ruleset,
    pub(crate) metrics: Vec<metrics::Def>,
    /// Original sources of derived-metric terms, for gap equivalents.
    pub(crate) sources: HashMap<String, Vec<(Source, Decimal, Decimal)>>,
    pub(crate) criteria: Vec<Option<Crit>>,
    reviews: Reviews,
    uses_assets: bool,
    /// Value indicators compiled to metric slots, in the model's order.
    value: Option<[(IndicatorKind, usize); 4]>,
    catalog: Option<Catalog>,
    /// The catalog's per-product masks and per-tier scores.
    catalog_index: crate::recommend::Index,
}

/// Where a profile lands on the ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Placement {
    /// The tier the customer has (history and manual floor applied).
    pub(crate) tier: usize,
    /// The plain ladder's first match.
    pub(crate) qualified: usize,
}

impl Engine {
    /// The catalog, if one was added.
    #[must_use]
    pub fn catalog(&self) -> Option<&Catalog> {
        self.catalog.as_ref()
    }

    /// The ruleset this engine evaluates.
    #[must_use]
    pub fn ruleset(&self) -> &Ruleset {
        &self.ruleset
    }

    /// The tier ids, highest first.
    pub fn tier_ids(&self) -> impl Iterator<Item = &str> {
        self.ruleset.tiers.iter().map(|t| t.id.as_str())
    }

    /// How the metric a comparison names is computed.
    pub(crate) fn kind_of(&self, metric: &str) -> Option<&Kind> {
        self.metrics
            .iter()
            .find(|d| d.id == metric)
            .map(|d| &d.kind)
    }

    pub(crate) fn tier_index(&self, id: &str) -> Option<usize> {
        self.ruleset.tiers.iter().position(|t| t.id == id)
    }

    pub(crate) fn tier_ref(&self, i: usize) -> TierRef {
        let t = &self.ruleset.tiers[i];
        TierRef {
            id: t.id.clone(),
            name: t.customer_name().clone(),
            rank: i,
        }
    }
}

/// A profile error for an overflow while computing `metric`.
pub(crate) fn overflow(e: metrics::Overflow, metric: &str) -> ProfileErrors {
    ProfileErrors(vec![ProfileError::Overflow {
        path: e.0.to_owned(),
        metric: metric.to_owned(),
    }])
}
