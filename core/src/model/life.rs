//! Life scenarios: named by the catalog (products for a scenario) and by the profile (a
//! customer's scenarios), so they live apart from both.

use crate::json_names;
use serde::Serialize;

/// Life scenarios for scenario marketing. Named `LifeScenario` in the TypeScript and JSON
/// Schema definitions, apart from a what-if `Scenario`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename = "LifeScenario", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Scenario {
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

json_names!(Scenario {
    Travel = "travel",
    Education = "education",
    Retirement = "retirement",
    Home = "home",
    Youth = "youth",
    Business = "business",
    Wealth = "wealth",
    Family = "family",
});
