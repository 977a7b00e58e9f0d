//! Life scenarios: named by the catalog (products for a scenario) and by the profile (a
//! customer's scenarios), so they live apart from both.

use serde::Serialize;

use crate::json::FromJson;

/// Life scenarios for scenario marketing: `LifeScenario`, apart from a what-if `Scenario`
/// (TypeScript names a type by its Rust name). Rust code may still call it `catalog::Scenario`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, FromJson)]
#[serde(rename = "LifeScenario", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum LifeScenario {
    /// Travel.
    Travel,
    /// Children's or own education.
    Education,
    /// Retirement.
    Retirement,
    /// Buying or running a home.
    Home,
    /// Young customers starting out.
    Youth,
    /// Running a business.
    Business,
    /// Growing wealth.
    Wealth,
    /// Protecting family (insurance, estate).
    Family,
}
