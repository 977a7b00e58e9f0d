//! [`FromJson`] for primitives: strings, booleans, whole numbers, dates, decimals and money,
//! lists, options and maps.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::dec::{Dec, MAX_DECIMALS, MAX_INT_DIGITS, MAX_WHOLE, MONEY_DECIMALS, Money, clip};
use crate::read::Error;
use crate::read::FromJson;
use crate::read::Json;
use crate::read::Path;
use crate::read::expected;

impl FromJson for String {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            Json::String(s) => Ok(s.to_string()),
            _ => expected(v, path, "a string"),
        }
    }
}

impl FromJson for bool {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => expected(v, path, "`true` or `false`"),
        }
    }
}

impl FromJson for u32 {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            Json::Number(n) => n.parse().map_err(|_| {
                let message = if n.contains(['.', 'e', 'E']) {
                    format!("expected a whole number in plain digits, found {}", clip(n))
                } else {
                    format!(
                        "expected a whole number from 0 to {}, found {}",
                        u32::MAX,
                        clip(n)
                    )
                };
                Error::at(path, message)
            }),
            _ => expected(v, path, "a whole number"),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            // Loops rather than `collect::<Result<_, _>>()`: that adapter, instantiated per
            // element type, cost tens of kilobytes of wasm.
            Json::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    out.push(T::read(item, &path.index(i))?);
                }
                Ok(out)
            }
            _ => expected(v, path, "an array"),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            Json::Null => Ok(None),
            _ => T::read(v, path).map(Some),
        }
    }
}

/// A map key read from an object member's name.
pub trait JsonKey: Ord + Sized {
    /// Reads the key `k`; `path` is the member's.
    fn read_key(k: &str, path: &Path<'_>) -> Result<Self, Error>;
}

impl JsonKey for String {
    fn read_key(k: &str, _: &Path<'_>) -> Result<Self, Error> {
        Ok(k.to_owned())
    }
}

impl<K: JsonKey, T: FromJson> FromJson for BTreeMap<K, T> {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            // Inserts rather than `collect()`, which sorts first: a stable sort per map type.
            Json::Object(members) => {
                let mut out = BTreeMap::new();
                for (k, v) in members {
                    let p = path.key(k);
                    out.insert(K::read_key(k, &p)?, T::read(v, &p)?);
                }
                Ok(out)
            }
            _ => expected(v, path, "an object"),
        }
    }
}

/// Parses a date written `YYYY-MM-DD`.
#[must_use]
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = s.get(r)?;
        d.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| d.parse().ok())?
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = num(0..4)? as i32;
    if !(crate::domain::FIRST_YEAR..=crate::domain::LAST_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

impl FromJson for NaiveDate {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            Json::String(s) => parse_date(s).ok_or_else(|| {
                Error::at(
                    path,
                    format!(
                        "`{}` is not a date like \"2026-11-25\" between {} and {}",
                        clip(s),
                        crate::domain::FIRST_YEAR,
                        crate::domain::LAST_YEAR
                    ),
                )
            }),
            _ => expected(v, path, "a date string such as \"2026-11-25\""),
        }
    }
}

/// A JSON number as an exact decimal: whole numbers below 10^15 only ([`MAX_WHOLE`]), since
/// a fraction written as a JSON number may already have lost digits on its way (JS numbers
/// are binary floats: `JSON.stringify` writes 12345678901234567890123 as
/// `1.2345678901234568e+22`), and the grammar of [`crate::dec`] bounds every value. Whole
/// numbers in any notation (`5.0`, `1e3`) are accepted, worked out on the digits so that
/// nothing is rounded.
pub(crate) fn number_dec(n: &str, path: &Path<'_>) -> Result<Decimal, Error> {
    let (sign, n) = n.strip_prefix('-').map_or(("", n), |r| ("-", r));
    let (mantissa, exp) = match n.split_once(['e', 'E']) {
        Some((m, e)) => {
            let huge = if e.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            };
            (m, e.parse::<i64>().unwrap_or(huge))
        }
        None => (n, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    let significant = digits.trim_end_matches('0');
    if significant.is_empty() {
        return Ok(Decimal::ZERO);
    }
    // The value is `significant × 10^scale`.
    let scale = exp
        .saturating_sub(frac.len() as i64)
        .saturating_add((digits.len() - significant.len()) as i64);
    if scale < 0 {
        return Err(Error::at(
            path,
            "expected a decimal string such as \"1234.56\", found a number with a fraction \
             (write it in quotes)",
        ));
    }
    let too_big = || {
        Error::at(
            path,
            format!(
                "the number {sign}{} is beyond {MAX_WHOLE}: values are below 10^15",
                clip(n)
            ),
        )
    };
    if scale.saturating_add(significant.len() as i64) > MAX_INT_DIGITS as i64 {
        return Err(too_big());
    }
    let zeros = "0".repeat(scale as usize);
    match format!("{sign}{significant}{zeros}").parse::<Decimal>() {
        Ok(d) if d.abs() <= Decimal::from(MAX_WHOLE) => Ok(d),
        _ => Err(too_big()),
    }
}

/// Reads a decimal string or a whole JSON number with up to `decimals` digits after the point.
fn decimal(v: &Json<'_>, path: &Path<'_>, decimals: usize) -> Result<Decimal, Error> {
    match v {
        Json::String(s) => crate::dec::read(s, decimals).map_err(|m| Error::at(path, m)),
        Json::Number(n) => number_dec(n, path),
        _ => expected(v, path, "a decimal string such as \"50000\""),
    }
}

impl FromJson for Dec {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        decimal(v, path, MAX_DECIMALS).map(Dec)
    }
}

impl FromJson for Money {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        decimal(v, path, MONEY_DECIMALS).map(Money)
    }
}
