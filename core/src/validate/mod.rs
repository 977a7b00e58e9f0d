//! Validation of documents before use: a ruleset (`ruleset`, compiling it into `Crit`s)
//! and a catalog against its ruleset (`catalog`). Every problem is collected with its JSON
//! path, so a product team fixes all of them in one pass.

pub(crate) mod catalog;
mod compiled;
pub(crate) mod ruleset;

pub(crate) use compiled::{Crit, Interval};

use rust_decimal::Decimal;

use crate::domain;

/// Whether `c` is written as an ISO 4217 code: three capital letters.
pub(crate) fn is_currency_code(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// Checks an exchange rate and its currency code.
pub(crate) fn fx_rate(code: &str, rate: Decimal) -> Result<(), String> {
    let max = Decimal::from(domain::MAX_FX_RATE);
    if !is_currency_code(code) {
        Err(format!(
            "`{}` is not an ISO 4217 code such as USD",
            crate::dec::clip(&code.escape_default().to_string())
        ))
    } else if rate <= Decimal::ZERO || rate > max {
        Err(format!("a rate is above 0 and at most {max} (got {rate})"))
    } else {
        Ok(())
    }
}

pub(crate) fn is_hex_colour(c: &str) -> bool {
    c.strip_prefix('#')
        .is_some_and(|h| matches!(h.len(), 3 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit()))
}
