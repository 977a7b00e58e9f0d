//! How the strict reader reads a profile's [`Month`] and [`Family`] map keys; the other
//! types derive `FromJson` from their serde attributes.

use crate::json::{Error, FromJson, Json, JsonKey, Path, expected};
use crate::profile::Family;
use crate::profile::Month;

impl JsonKey for Family {
    fn read_key(k: &str, path: &Path<'_>) -> Result<Self, Error> {
        Family::read(&Json::String(k.into()), path)
    }
}

impl FromJson for Month {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            Json::String(s) => s.parse().map_err(|m: String| Error::at(path, m)),
            _ => expected(v, path, "a month string such as \"2026-10\""),
        }
    }
}
