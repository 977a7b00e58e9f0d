//! Every type the engine returns, in one place, so the logic that builds them
//! ([`crate::evaluate`], [`crate::recommend`]) imports them from here and never from each
//! other: an [`evaluation`] with its parts, [`moment`]s, [`recommendation`]s and exclusions,
//! customer [`value`], [`benefits`] and their diff, and what-if [`scenario`] outcomes; each names tiers by a [`tier::TierRef`].

pub mod benefits;
pub mod evaluation;
pub mod moment;
pub mod recommendation;
pub mod scenario;
pub mod tier;
pub mod value;
