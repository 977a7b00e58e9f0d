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

/// Room for any decimal [`plain`] writes: 20 digits, a sign, a point and a leading `0.`
/// with up to 28 zeros.
const PLAIN_LEN: usize = 56;

/// `d` normalized, as its `Display` writes it, when its digits fit a `u64` (every value in
/// the grammar does); `None` otherwise. Decimals are most of what a result holds, and
/// `Display` through the formatter cost about a tenth of serializing a full evaluation.
fn plain(d: Decimal, buf: &mut [u8; PLAIN_LEN]) -> Option<&str> {
    let mut n = u64::try_from(d.mantissa().unsigned_abs()).ok()?;
    // Normalized: no trailing zeros after the point (cheaper here than `normalize`).
    let mut scale = d.scale() as usize;
    while scale > 0 && n % 10 == 0 {
        n /= 10;
        scale -= 1;
    }
    let negative = d.is_sign_negative() && n != 0;
    let mut at = PLAIN_LEN;
    let mut push = |b: u8| {
        at -= 1;
        buf[at] = b;
    };
    for _ in 0..scale {
        push(b'0' + (n % 10) as u8);
        n /= 10;
    }
    if scale > 0 {
        push(b'.');
    }
    loop {
        push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        push(b'-');
    }
    std::str::from_utf8(&buf[at..]).ok()
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
            /// Appends the value as it displays (normalized) to `out`, without the formatter
            /// for every value of the grammar (see [`plain`]).
            pub fn write_to(&self, out: &mut String) {
                let mut buf = [0; PLAIN_LEN];
                match plain(self.0, &mut buf) {
                    Some(text) => out.push_str(text),
                    None => {
                        use fmt::Write;
                        // Writing to a String cannot fail.
                        let _ = write!(out, "{}", self.0.normalize());
                    }
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut buf = [0; PLAIN_LEN];
                match plain(self.0, &mut buf) {
                    Some(text) if f.width().is_none() && f.precision().is_none() => {
                        f.write_str(text)
                    }
                    _ => self.0.normalize().fmt(f),
                }
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
                let mut buf = [0; PLAIN_LEN];
                match plain(self.0, &mut buf) {
                    Some(text) => s.serialize_str(text),
                    None => s.collect_str(&self.0.normalize()),
                }
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
    fn plain_writes_what_display_does() {
        let mut cases: Vec<Decimal> = [
            "0",
            "-0",
            "0.0",
            "-0.00",
            "1",
            "-1",
            "10",
            "100.00",
            "0.005",
            "-0.005",
            "0.0548",
            "50000.00",
            "999999999999999",
            "-999999999999999.999999",
            "0.000001",
            "123.4500",
            "18446744073709551615",
            "0.0000000000000000000000000001",
        ]
        .iter()
        .map(|s| s.parse().expect("decimal"))
        .collect();
        // Every scale, both signs, digits of every length.
        for scale in 0..=28 {
            for m in [
                1i64,
                7,
                10,
                12_345,
                1_000_000,
                i64::MAX,
                -3,
                -100,
                i64::MIN + 1,
            ] {
                cases.push(Decimal::new(m, scale));
            }
        }
        cases.push(Decimal::MAX);
        cases.push(Decimal::MIN);
        for d in cases {
            let mut buf = [0; PLAIN_LEN];
            let want = d.normalize().to_string();
            if let Some(got) = plain(d, &mut buf) {
                assert_eq!(got, want, "{d:?}");
            }
            assert_eq!(Dec(d).to_string(), want, "{d:?}");
            let json = serde_json::to_string(&Dec(d)).expect("ser");
            assert_eq!(json, format!("\"{want}\""), "{d:?}");
        }
        assert_eq!(format!("{:>6}", Dec(Decimal::ONE)), "     1");
        assert_eq!(format!("{:.2}", Dec(Decimal::ONE)), "1.00");
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
