//! The app's routes, in the browser's history so the back button and deep links work.

use yew_router::prelude::*;

/// Every screen.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// Tier, progress, moments, recommendations.
    #[at("/")]
    Home,
    /// Everything the tier brings.
    #[at("/benefits")]
    Benefits,
    /// All tiers side by side.
    #[at("/compare")]
    Compare,
    /// What-if scenarios.
    #[at("/what-if")]
    WhatIf,
    /// One product.
    #[at("/product/:id")]
    Product {
        /// Catalog product id.
        id: String,
    },
    /// Language and demo persona.
    #[at("/settings")]
    Settings,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}
