//! A tier as outputs name it: id, customer-facing name and rank. Every output type points
//! at tiers this way, so it sits apart from all of them.

use serde::Serialize;

use crate::text::Text;

/// A tier by id, with the name a customer sees and its position (0 = top of the ladder).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TierRef {
    /// Id.
    pub id: String,
    /// The customer-facing name per locale: the tier's `display_name`, else its `name`.
    /// Staff read the internal name from the ruleset by `id`.
    pub name: Text,
    /// Position on the ladder, 0 = highest.
    pub rank: usize,
}
