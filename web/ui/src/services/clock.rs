//! The as-of date: `?asof=YYYY-MM-DD` when given (tests, demos), else today on the device's
//! clock. The engine itself never reads a clock.

use chrono::NaiveDate;

/// Today on the device's clock, in its local time zone.
#[must_use]
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The date to evaluate on.
#[must_use]
pub fn as_of() -> NaiveDate {
    super::url::param("asof")
        // The engine's date reader, not chrono's format parser: one less parser in the app.
        .and_then(|s| strata_core::json::parse_date(&s))
        .unwrap_or_else(today)
}
