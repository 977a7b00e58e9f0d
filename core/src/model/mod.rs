//! The documents Strata reads and the values in them: a bank's [`ruleset`], a customer's
//! [`profile`], a product [`catalog`], translated [`text`], the [`life`] scenarios both a
//! catalog and a profile name, and the [`metrics`] a ruleset's criteria compare.
//!
//! These are plain data with their JSON shape; checking them against each other is
//! [`crate::validate`]'s job and using them is [`crate::evaluate`]'s. [`parse_ruleset`] and
//! [`parse_catalog`] read the two bank documents from JSON text.

pub mod catalog;
pub mod life;
pub mod metrics;
pub mod profile;
pub mod ruleset;
pub mod text;
pub mod what_if;

use crate::error::{RulesetError, RulesetErrors};
use catalog::Catalog;
use ruleset::Ruleset;

/// Parses ruleset JSON text, naming the field of the first syntax problem.
pub fn parse_ruleset(json: &str) -> Result<Ruleset, RulesetErrors> {
    parse(json)
}

/// Parses ruleset or catalog JSON text, naming the field of the first syntax problem.
fn parse<T: crate::json::FromJson>(json: &str) -> Result<T, RulesetErrors> {
    crate::json::from_str(json).map_err(|e| {
        RulesetErrors(vec![RulesetError::Parse {
            path: e.path,
            message: e.message,
        }])
    })
}

/// Parses catalog JSON text, naming the field of the first syntax problem.
pub fn parse_catalog(json: &str) -> Result<Catalog, RulesetErrors> {
    parse(json)
}
