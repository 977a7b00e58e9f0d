//! What more than one face reads off a tier or an evaluation to show it: the badge colour,
//! the headline benefits, the assets here.

use strata_core::ruleset::Tier;

/// A tier's badge colour, with a neutral grey when the ruleset gives none.
#[must_use]
pub fn colour(tier: Option<&Tier>) -> String {
    tier.and_then(|t| t.color.clone())
        .unwrap_or_else(|| "#56606b".to_owned())
}

/// The first item of each benefit category: the headline of what a tier brings (Home, the
/// widget, the kiosk).
#[must_use]
pub fn headline_benefits(tier: Option<&Tier>, tag: &str) -> Vec<String> {
    tier.map(|tier| {
        tier.benefits
            .categories()
            .iter()
            .filter_map(|(_, items)| items.first().map(|i| i.text.get(tag).to_owned()))
            .collect()
    })
    .unwrap_or_default()
}
