//! Exact decimals at the serialization boundary, and the one grammar they are written in.
//!
//! Money and other quantities travel as decimal *strings* (JS numbers lose digits silently):
//! an optional `-`, 1 to 15 digits, and optionally a point with 1 to [`MONEY_DECIMALS`]
//! (money, [`Money`]) or [`MAX_DECIMALS`] (points, weights, percents, scores, [`Dec`])
//! digits: `^-?[0-9]{1,15}(\.[0-9]{1,N})?$`. Nothing else: no exponent, sign `+`, spaces,
//! separators or a bare point; more decimals than allowed are refused, never rounded. Whole
//! JSON numbers below 10^15 are accepted too (`50000`, also written `5e4` or `50000.0`),
//! read from their digits by [`crate::json`]; numbers with a fraction are refused with a
//! message that says to quote them. The bound of 15 digits keeps every sum, product and
//! ratio the engine forms within the range of [`Decimal`] (about 7.9 × 10^28): see
//! [`crate::domain`].

use std::fmt;
use std::ops::Deref;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// Digits before the point: every decimal is below 10^15 in magnitude.
pub const MAX_INT_DIGITS: usize = 15;
/// The largest whole number in the grammar, 10^15 − 1 (below JS's 2^53 − 1, so exact there).
pub const MAX_WHOLE: i64 = 999_999_999_999_999;
/// Digits after the point in money: the currencies Strata handles have two minor units.
pub const MONEY_DECIMALS: usize = 2;
/// Digits after the point in any other quantity.
pub const MAX_DECIMALS: usize = 6;

/// The JSON Schema pattern of a decimal string with up to `decimals` digits after the point.
#[must_use]
pub fn pattern(signed: bool, decimals: usize) -> String {
    let sign = if signed { "-?" } else { "" };
    format!("^{sign}[0-9]{{1,{MAX_INT_DIGITS}}}(\\.[0-9]{{1,{decimals}}})?$")
}

/// Reads a decimal string in the grammar above, with up to `decimals` digits after the point;
/// the message says what is wrong in the writer's terms.
pub(crate) fn read(s: &str, decimals: usize) -> Result<Decimal, String> {
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err(format!(
            "`{}` is not a decimal such as \"50000.00\": digits with an optional point, \
             no exponent, sign, spaces or separators",
            clip(s)
        ));
    }
    if int.len() > MAX_INT_DIGITS {
        return Err(format!(
            "`{}` has {} digits before the point; at most {MAX_INT_DIGITS} (values below 10^15)",
            clip(s),
            int.len()
        ));
    }
    if let Some(f) = frac.filter(|f| f.len() > decimals) {
        return Err(format!(
            "`{}` has {} decimals; at most {decimals} here (nothing is rounded)",
            clip(s),
            f.len()
        ));
    }
    s.parse::<Decimal>()
        .map_err(|_| format!("`{}` is not a decimal", clip(s)))
}

/// `text` cut to a length a message can carry.
pub(crate) fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(24) {
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..at])),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// An exact decimal that serializes as a string, e.g. `"50000.00"`: points, weights,
/// percents, scores and thresholds, with up to [`MAX_DECIMALS`] decimals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "string"))]
pub struct Dec(pub Decimal);

/// An amount of money in the ruleset's currency, with up to [`MONEY_DECIMALS`] decimals;
/// serializes as a string like [`Dec`]. Where it cannot be negative, validation says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "string"))]
pub struct Money(pub Decimal);

impl Dec {
    /// Zero.
    pub const ZERO: Dec = Dec(Decimal::ZERO);
}

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(Decimal::ZERO);
}

/// The traits both decimal types share; `$decimals` is the grammar's bound after the point.
macro_rules! decimal_type {
    ($ty:ident, $decimals:expr) => {
        impl Deref for $ty {
            type Target = Decimal;
            fn deref(&self) -> &Decimal {
                &self.0
            }
        }

        impl From<$ty> for Decimal {
            fn from(d: $ty) -> Self {
                d.0
            }
        }

        impl $ty {
            /// Appends the value as it displays (normalized) to `out`, faster than `Display`
            /// for every value below 2^64 in its last unit (see [`write_normalized`]).
            pub fn write_to(&self, out: &mut String) {
                write_normalized(self.0, out);
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.normalize().fmt(f)
            }
        }

        impl std::str::FromStr for $ty {
            type Err = String;
            /// Reads the grammar of the module docs; the error says what is wrong.
            fn from_str(s: &str) -> Result<Self, String> {
                read(s, $decimals).map($ty)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                // Normalized so that equal values always print the same way (golden files, JS).
                s.collect_str(&self.0.normalize())
            }
        }
    };
}

decimal_type!(Dec, MAX_DECIMALS);
decimal_type!(Money, MONEY_DECIMALS);

impl From<Decimal> for Dec {
    fn from(d: Decimal) -> Self {
        Dec(d)
    }
}

impl From<Money> for Dec {
    fn from(m: Money) -> Self {
        Dec(m.0)
    }
}

/// Appends `d.normalize()`'s `Display` to `out`. A mantissa that fits 64 bits (every
/// value of the grammar does) is written from native integer digits; `normalize` and
/// `Display` divide the 96-bit mantissa by ten for each digit, several times slower in a
/// lean result. Larger mantissas go through `Display`.
pub fn write_normalized(d: Decimal, out: &mut String) {
    use fmt::Write;
    let m = d.mantissa();
    let Ok(mut u) = u64::try_from(m.unsigned_abs()) else {
        // Writing to a String cannot fail.
        let _ = write!(out, "{}", d.normalize());
        return;
    };
    if u == 0 {
        out.push('0');
        return;
    }
    let mut scale = d.scale() as usize;
    while scale > 0 && u % 10 == 0 {
        u /= 10;
        scale -= 1;
    }
    if m < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    while u > 0 {
        start -= 1;
        digits[start] = b'0' + (u % 10) as u8;
        u /= 10;
    }
    let digits = &digits[start..];
    let push = |out: &mut String, ds: &[u8]| out.extend(ds.iter().map(|&b| char::from(b)));
    if scale >= digits.len() {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', scale - digits.len()));
        push(out, digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - scale);
        push(out, int);
        if !frac.is_empty() {
            out.push('.');
            push(out, frac);
        }
    }
}

/// The schema of a decimal string or a whole JSON number, in the grammar above.
#[cfg(feature = "schema")]
fn decimal_schema(description: &str, signed: bool, decimals: usize) -> schemars::Schema {
    let minimum = if signed { -MAX_WHOLE } else { 0 };
    let integer =
        schemars::json_schema!({ "type": "integer", "minimum": minimum, "maximum": MAX_WHOLE });
    schemars::json_schema!({
        "description": description,
        "oneOf": [
            { "type": "string", "pattern": pattern(signed, decimals) },
            integer
        ]
    })
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        decimal_schema(
            "An exact decimal as a string (\"0.005\"): up to 15 digits, a point and up to 6 decimals; whole numbers below 10^15 may also be given as JSON integers.",
            true,
            MAX_DECIMALS,
        )
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        decimal_schema(
            "An amount as a decimal string (\"50000.00\"): up to 15 digits, a point and up to 2 decimals, never negative; whole amounts below 10^15 may also be given as JSON integers.",
            false,
            MONEY_DECIMALS,
        )
    }
}

/// A signed amount (a cash flow: positive in, negative out), for the schema.
#[cfg(feature = "schema")]
pub struct SignedMoney;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SignedMoney {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SignedMoney".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        decimal_schema(
            "A signed amount as a decimal string (\"-5000.00\"): an optional minus, up to 15 digits, a point and up to 2 decimals; whole amounts may also be given as JSON integers.",
            true,
            MONEY_DECIMALS,
        )
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
    fn write_to_is_display() {
        let mut cases: Vec<Decimal> = [
            "0",
            "-0",
            "0.000",
            "-0.00",
            "1",
            "-1",
            "10",
            "100.00",
            "0.8125",
            "0.05",
            "-0.000001",
            "123456789012345.123456",
            "-999999999999999.99",
            "50000.10",
            "0.1000",
            "7922816251426433759354395033",
            "-79228162514264337593543950335",
            "18446744073709551615",
            "18446744073709551616",
            "1844674407370955161.6",
        ]
        .iter()
        .map(|s| s.parse().expect("decimal"))
        .collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let m = i64::from_ne_bytes(seed.to_ne_bytes()) >> (seed % 48);
            cases.push(Decimal::new(m, (seed >> 59) as u32 % 10));
        }
        for d in cases {
            let mut out = String::from("x");
            Dec(d).write_to(&mut out);
            assert_eq!(out, format!("x{}", d.normalize()), "{d:?}");
        }
    }

    #[test]
    fn serializes_normalized() {
        let d: Dec = "50000.00".parse().expect("parse");
        assert_eq!(serde_json::to_string(&d).expect("ser"), "\"50000\"");
    }
}
