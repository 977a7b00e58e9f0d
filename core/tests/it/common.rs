//! Shared builders.

use chrono::NaiveDate;
use strata_core::{Engine, Profile, rulesets};

/// The as-of date most tests use.
pub fn as_of() -> NaiveDate {
    date("2026-11-25")
}

/// A `YYYY-MM-DD` date; a typo fails the test, naming it.
pub fn date(s: &str) -> NaiveDate {
    s.parse()
        .unwrap_or_else(|e| panic!("`{s}` is not a YYYY-MM-DD date: {e}"))
}

pub fn retail() -> Engine {
    Engine::new(rulesets::cn_retail()).unwrap()
}

/// A retail customer with `aum` in a demand deposit.
pub fn customer(aum: &str, birth: &str, education: &str) -> Profile {
    Profile::from_json(&format!(
        r#"{{ "id": "t", "birth_date": "{birth}", "education": "{education}",
             "holdings": [{{ "product": "demand", "family": "deposit", "balance": "{aum}" }}] }}"#
    ))
    .unwrap()
}
