//! The product catalogs shipped with Strata, embedded as JSON.

use crate::catalog::Catalog;

/// `(ruleset id, JSON text)` of every shipped catalog.
pub const ALL: [(&str, &str); 1] = [("cn-retail", crate::minify!("../catalogs/cn-retail.json"))];

/// The JSON text of the default catalog for a shipped ruleset.
#[must_use]
pub fn json(ruleset: &str) -> Option<&'static str> {
    ALL.iter().find(|(r, _)| *r == ruleset).map(|(_, j)| *j)
}

/// The default catalog for a shipped ruleset.
#[must_use]
pub fn for_ruleset(ruleset: &str) -> Option<Catalog> {
    json(ruleset).and_then(|j| crate::parse_catalog(j).ok())
}
