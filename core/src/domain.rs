//! The domains of the values Strata reads, decided once.
//!
//! Every value a document may hold is bounded so that every sum, product, ratio and date step
//! the engine forms stays in range: **whatever validation accepts, evaluation can evaluate**
//! for every profile that parses (a property test in `core/tests/it/props.rs` holds the engine
//! to it). Arithmetic is checked as well, as a net beneath the domains for values built in
//! code rather than read.
//!
//! | value | domain |
//! | --- | --- |
//! | money (balances, averages, fees, flows, amounts, money thresholds) | below 10^15, 2 decimals ([`crate::dec`]) |
//! | other decimals (points, per, weights, percents, scores, attributes) | below 10^15, 6 decimals |
//! | exchange rates (`fx_rates`) | above 0, at most [`MAX_FX_RATE`], 6 decimals |
//! | an amount converted into the ruleset's currency | money's: below 10^15 |
//! | dates | 1900-01-01 to 2200-12-31 |
//! | ages (age thresholds, product age limits, a birth date's age) | 0 to [`MAX_AGE`] |
//! | `after_reviews.reviews` | 1 to [`MAX_REVIEWS`] |
//! | grace and tenure months, risk questionnaire validity | up to [`MAX_POLICY_MONTHS`] |
//! | averaging windows | 1 to 36 months ([`crate::metrics::MAX_MONTHS`]) |
//! | weights, priorities, percents, benefit levels | 0 to [`MAX_WEIGHT`] / [`MAX_PRIORITY`] / 100 / [`MAX_LEVEL`] |
//! | contact-policy rests | up to [`MAX_DAYS`] days |
//! | product terms / cooling-off periods | up to [`MAX_TERM_MONTHS`] months / [`MAX_COOLING_OFF_HOURS`] hours |
//! | a derived metric | at most [`MAX_METRIC`] for any customer, worked out from its terms |
//! | ids (ruleset, tiers, inputs, metrics, products) | [`id`]'s grammar |
//!
//! A document is at most 4 MiB ([`crate::json::MAX_BYTES`]), so it holds fewer than
//! 10^6 amounts: a sum of amounts stays below [`MAX_TOTAL`].

use rust_decimal::Decimal;

/// The oldest age a birth date or a threshold may give.
pub const MAX_AGE: u32 = 130;
/// The first year of a date.
pub const FIRST_YEAR: i32 = 1900;
/// The last year of a date.
pub const LAST_YEAR: i32 = 2200;
/// The most reviews a downgrade may wait for.
pub const MAX_REVIEWS: u32 = 24;
/// The longest grace, tenure or questionnaire validity, in months (ten years).
pub const MAX_POLICY_MONTHS: u32 = 120;
/// The longest term or lock-up of a product, in months (fifty years).
pub const MAX_TERM_MONTHS: u32 = 600;
/// The longest cooling-off period, in hours (thirty days).
pub const MAX_COOLING_OFF_HOURS: u32 = 720;
/// The longest rest of the contact policy, in days (ten years).
pub const MAX_DAYS: u32 = 3650;
/// The largest weight of a scoring factor or a value indicator.
pub const MAX_WEIGHT: u32 = 100;
/// The highest level of a benefit within its kind.
pub const MAX_LEVEL: u32 = 100;
/// The largest business priority of a product.
pub const MAX_PRIORITY: u32 = 100;
/// The largest exchange rate: units of the ruleset's currency per unit of another. A product
/// of an amount and a rate stays below 10^21, well inside [`Decimal`]; validation then refuses
/// a converted amount past money's domain, so sums keep below [`MAX_TOTAL`].
pub const MAX_FX_RATE: u32 = 1_000_000;
/// The most offers a customer is shown.
pub const MAX_TOP_N: u32 = 1000;

/// Above any sum of amounts one document can hold: fewer than 10^6 amounts below 10^15.
#[must_use]
pub fn max_total() -> Decimal {
    Decimal::from_i128_with_scale(MAX_TOTAL, 0)
}

/// [`max_total`] as an integer.
pub const MAX_TOTAL: i128 = 1_000_000_000_000_000_000_000;

/// The largest value a derived metric may reach for some customer (10^25): well inside
/// [`Decimal`]'s range (about 7.9 × 10^28), with room for the gap arithmetic on top.
pub const MAX_METRIC: i128 = 10_000_000_000_000_000_000_000_000;

/// Checks an id: 1 to 64 ASCII letters, digits, `_`, `-` or `.`, starting with a letter or a
/// digit. Ids are keys for machines (`private_banking`, `demand-cny`); names are text.
pub fn id(s: &str) -> Result<(), String> {
    let ok = s.len() <= 64
        && s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{}` is not an id: 1 to 64 ASCII letters, digits, `_`, `-` or `.`, starting with a \
             letter or a digit",
            // escape_default, not escape_debug: the latter links Unicode tables into the wasm.
            crate::dec::clip(&s.escape_default().to_string())
        ))
    }
}

/// Checks a free-text key such as a customer or held product id: not blank, at most 256
/// characters, no control or invisible formatting characters.
pub fn key(s: &str) -> Result<(), String> {
    let invisible = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
    };
    if s.trim().is_empty() {
        Err("must not be blank".into())
    } else if s.chars().count() > 256 {
        Err("at most 256 characters".into())
    } else if s.chars().any(invisible) {
        // The path says where; repeating a key full of invisible characters would not help.
        Err("holds a control or invisible character".into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in [
            "private_banking",
            "cn-retail",
            "demand-cny",
            "a",
            "v1.2",
            "0",
        ] {
            assert!(id(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            " ",
            " \u{200b}",
            "-a",
            "a b",
            "a\u{0}",
            "é",
            &"a".repeat(65),
        ] {
            assert!(id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn keys() {
        assert!(key("客户 0001").is_ok());
        for bad in ["", "  ", " \u{200b}", "a\nb", "\u{feff}x"] {
            assert!(key(bad).is_err(), "{bad:?}");
        }
    }
}
