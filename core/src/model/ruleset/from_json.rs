//! How the strict reader reads a ruleset's untagged types, [`Criterion`] and [`Threshold`];
//! the others derive `FromJson` from their serde attributes.

use crate::dec::Dec;
use crate::json::{Error, FromJson, Json, Path, expected};
use crate::ruleset::Criterion;
use crate::ruleset::Threshold;
use crate::ruleset::criterion::RawCriterion;

impl FromJson for Criterion {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        RawCriterion::read(v, path)?
            .try_into()
            .map_err(|m: String| Error::at(path, m))
    }
}

impl FromJson for Threshold {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        // A string that is not a decimal is a level name; the engine checks the name.
        match v {
            // A string that starts like a number is read as one, so that "1e5" or too many
            // decimals get the grammar's message rather than "unknown level".
            Json::String(s) if s.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c)) => {
                s.parse::<Dec>()
                    .map(Threshold::Number)
                    .map_err(|m| crate::json::Error::at(path, m))
            }
            Json::String(s) => Ok(Threshold::Name(s.to_string())),
            Json::Number(n) => crate::json::number_dec(n, path).map(|d| Threshold::Number(Dec(d))),
            _ => expected(
                v,
                path,
                "a decimal string such as \"50000\", or a level name",
            ),
        }
    }
}
