//! Exact decimals at the serialization boundary.
//!
//! Money and thresholds travel as decimal *strings* (JS numbers lose digits silently).
//! Whole JSON numbers up to 2^53 − 1 are accepted too (`50000`, also written `5e4` or
//! `50000.0`), read from their digits by [`crate::json`]; numbers with a fraction or beyond
//! that bound (where JS numbers lose digits) are refused with a message that says to quote
//! them.

use std::fmt;
use std::ops::Deref;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// An exact decimal that serializes as a string, e.g. `"50000.00"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "string"))]
pub struct Dec(pub Decimal);

impl Dec {
    /// Zero.
    pub const ZERO: Dec = Dec(Decimal::ZERO);
}

impl Deref for Dec {
    type Target = Decimal;
    fn deref(&self) -> &Decimal {
        &self.0
    }
}

impl From<Decimal> for Dec {
    fn from(d: Decimal) -> Self {
        Dec(d)
    }
}

impl From<Dec> for Decimal {
    fn from(d: Dec) -> Self {
        d.0
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.normalize().fmt(f)
    }
}

impl std::str::FromStr for Dec {
    type Err = rust_decimal::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim().parse::<Decimal>().map(Dec)
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Normalized so that equal values always print the same way (golden files, JS).
        s.collect_str(&self.0.normalize())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal as a string (\"50000.00\"); whole numbers may also be given as JSON integers.",
            "oneOf": [
                { "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$" },
                { "type": "integer" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_integers_parse_fractions_are_refused() {
        use crate::json::from_str;
        let d: Dec = from_str("\"49999.99\"").expect("string");
        assert_eq!(d.to_string(), "49999.99");
        let d: Dec = from_str("50000").expect("integer");
        assert_eq!(d.to_string(), "50000");
        let e = from_str::<Dec>("0.1").expect_err("float");
        assert!(e.to_string().contains("decimal string"), "{e}");
        let e = from_str::<Dec>("\"12abc\"").expect_err("garbage");
        assert!(e.to_string().contains("not a decimal"), "{e}");
    }

    #[test]
    fn serializes_normalized() {
        let d: Dec = "50000.00".parse().expect("parse");
        assert_eq!(serde_json::to_string(&d).expect("ser"), "\"50000\"");
    }
}
