//! The columnar batch path: a whole portfolio tiered at once.
//!
//! A [`Portfolio`] holds customers as columns (amounts in cents, dates, tier history), filled
//! from profiles or row by row, for one as-of date. [`Portfolio::tier_all`] gives every
//! customer's tier by the same rules as [`crate::Engine::evaluate`] (ladder, review policy,
//! grace, deferral, manual floors) without building an evaluation per customer. The metric
//! columns a ruleset's criteria read are computed once and cached by the metric's definition,
//! so re-tiering under an edited ruleset recomputes only the metrics that changed.

mod columns;
mod portfolio;
mod tiering;

pub use portfolio::{History, Manual, Portfolio, Row};
pub use tiering::{NONE, Rule, TierOptions, Tiering};

/// Why a whole batch could not be tiered (a row's own problems are reported per row).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// The portfolio's amounts were converted into another currency, or at other default
    /// exchange rates, than this ruleset's.
    #[error(
        "the portfolio is in {portfolio} at its ruleset's exchange rates; this ruleset needs \
         {ruleset} at its own: load the portfolio again with it"
    )]
    Currency {
        /// The portfolio's currency.
        portfolio: String,
        /// The ruleset's currency.
        ruleset: String,
    },
    /// A threshold with more than six decimals, which the ruleset grammar never writes.
    #[error("{path}: the batch path compares thresholds of at most six decimals")]
    Threshold {
        /// The criterion's JSON path.
        path: String,
    },
}
