//! The product catalogs shipped with Strata, embedded as JSON.

use crate::catalog::Catalog;

/// `(ruleset id, JSON text)` of every shipped catalog: the ruleset its `ruleset` field names.
pub const ALL: [(&str, &str); 1] = [("cn-retail", crate::minify!("../catalogs/cn-retail.json"))];

/// `(variant, ruleset)`: a shipped ruleset that keeps another's tier ids, and so its catalog.
/// `cn-retail-5k` differs from `cn-retail` in the potential tier's criteria only.
pub const VARIANTS: [(&str, &str); 1] = [("cn-retail-5k", "cn-retail")];

/// The JSON text of the catalog written for a shipped ruleset (its `ruleset` field names
/// `ruleset`); `None` for a variant, which borrows another's: see [`for_ruleset`].
#[must_use]
pub fn json(ruleset: &str) -> Option<&'static str> {
    ALL.iter().find(|(r, _)| *r == ruleset).map(|(_, j)| *j)
}

/// The default catalog for a shipped ruleset. A variant gets the catalog of the ruleset it
/// varies, addressed to the variant (its `ruleset` field set to `ruleset`); the engine still
/// checks it against the variant's tiers when it is added.
#[must_use]
pub fn for_ruleset(ruleset: &str) -> Option<Catalog> {
    let base = VARIANTS
        .iter()
        .find(|(v, _)| *v == ruleset)
        .map_or(ruleset, |(_, b)| *b);
    let mut catalog = json(base).and_then(|j| crate::parse_catalog(j).ok())?;
    ruleset.clone_into(&mut catalog.ruleset);
    Some(catalog)
}
