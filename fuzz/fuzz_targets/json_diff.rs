//! Differential: core's strict JSON reader (`strata_core::json::parse`) against serde_json on
//! the same bytes.
//!
//! - Both accept: the trees must be equal: same objects, arrays, strings, and numbers as
//!   written (serde_json's `arbitrary_precision` keeps the text, spelling an exponent `e+5`
//!   where the text may say `E5`).
//! - serde_json accepts, strict refuses: only for the limits core documents (module docs of
//!   `core/src/read/`, README "Inputs are read strictly"), each checked to be true of the
//!   input: [`Refusal::DuplicateKey`], [`Refusal::TooDeep`], [`Refusal::TooLarge`].
//! - serde_json refuses: strict must refuse too. Lone surrogates, invalid UTF-8, control
//!   characters in strings, trailing commas, comments and leading zeros are refused by both.
//!
//! serde_json's own nesting limit (127 levels) is lifted when the input nests at most 256
//! levels, so its verdict is exact there; deeper input must be refused by strict anyway.
#![no_main]

use std::collections::BTreeSet;
use std::fmt;

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use strata_core::json::{self, Json, MAX_BYTES, MAX_DEPTH};

/// Why strict may refuse what serde_json accepts: its documented limits.
#[derive(Debug)]
enum Refusal {
    /// An object repeats a key (serde_json keeps the last).
    DuplicateKey,
    /// Arrays and objects nest deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The text is longer than [`MAX_BYTES`].
    TooLarge,
}

impl Refusal {
    /// The documented refusal a message names, by the words core's reader uses.
    fn of(message: &str) -> Option<Self> {
        if message.starts_with("duplicate key `") {
            Some(Refusal::DuplicateKey)
        } else if message.starts_with(&format!("nested more than {MAX_DEPTH} levels deep")) {
            Some(Refusal::TooDeep)
        } else if message.starts_with("the document is ") {
            Some(Refusal::TooLarge)
        } else {
            None
        }
    }

    /// Whether the refusal is true of `data`, checked without core's reader.
    fn holds(&self, data: &[u8]) -> bool {
        match self {
            Refusal::DuplicateKey => has_duplicate_key(data),
            Refusal::TooDeep => nesting(data) > MAX_DEPTH,
            Refusal::TooLarge => data.len() > MAX_BYTES,
        }
    }
}

/// Deepest nesting of `[` and `{` outside strings, as a JSON lexer sees it.
fn nesting(data: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in data {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A serde_json deserializer with its recursion limit lifted unless the input is deep
/// enough to overflow the stack (serde_json's recursion is not bounded then).
fn deserializer(data: &[u8]) -> serde_json::Deserializer<serde_json::de::SliceRead<'_>> {
    let mut de = serde_json::Deserializer::from_slice(data);
    if nesting(data) <= 2 * MAX_DEPTH {
        de.disable_recursion_limit();
    }
    de
}

/// serde_json's reading of the whole input.
fn serde_value(data: &[u8]) -> serde_json::Result<Value> {
    let mut de = deserializer(data);
    let value = Value::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Whether some object in `data` (valid JSON to serde_json) repeats a key.
fn has_duplicate_key(data: &[u8]) -> bool {
    NoDuplicates::deserialize(&mut deserializer(data)).is_err()
}

/// Any JSON value whose objects have unique keys; refuses a repeated key.
struct NoDuplicates;

impl<'de> Deserialize<'de> for NoDuplicates {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicates)
    }
}

impl<'de> Visitor<'de> for NoDuplicates {
    type Value = NoDuplicates;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<NoDuplicates>()?.is_some() {}
        Ok(self)
    }

    // serde_json hands an arbitrary-precision number over as a one-key map; it has no
    // duplicates, so it needs no special case.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        let mut keys = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !keys.insert(key) {
                return Err(de::Error::custom("duplicate key"));
            }
            map.next_value::<NoDuplicates>()?;
        }
        Ok(self)
    }
}

/// A number as serde_json's `arbitrary_precision` spells it: `e`, and a signed exponent.
fn serde_spelling(number: &str) -> String {
    let lower = number.replace('E', "e");
    match lower.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with(['+', '-']) => format!("{mantissa}e+{exp}"),
        _ => lower,
    }
}

/// Where the trees first differ, or `None` when they are equal.
fn differ(strict: &Json<'_>, serde: &Value, at: &str) -> Option<String> {
    let same = match (strict, serde) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => serde_spelling(a) == b.to_string(),
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("{at}: {} vs {} items", a.len(), b.len()));
            }
            return a
                .iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (a, b))| differ(a, b, &format!("{at}[{i}]")));
        }
        (Json::Object(a), Value::Object(b)) => {
            // Strict keeps unique keys in document order; serde_json, a sorted map.
            if a.len() != b.len() {
                return Some(format!("{at}: {} vs {} members", a.len(), b.len()));
            }
            return a.iter().find_map(|(k, v)| match b.get(k.as_ref()) {
                Some(w) => differ(v, w, &format!("{at}.{k:?}")),
                None => Some(format!("{at}: key {k:?} missing in serde_json's")),
            });
        }
        _ => false,
    };
    (!same).then(|| format!("{at}: strict {strict:?} vs serde_json {serde:?}"))
}

fuzz_target!(|data: &[u8]| {
    let serde = serde_value(data);
    let Ok(text) = std::str::from_utf8(data) else {
        // Core reads `&str`; JSON text is UTF-8, so serde_json must refuse the rest.
        assert!(serde.is_err(), "serde_json accepted invalid UTF-8");
        return;
    };
    match (json::parse(text), serde) {
        (Ok(strict), Ok(serde)) => {
            if let Some(difference) = differ(&strict, &serde, "$") {
                panic!("the readers disagree at {difference}");
            }
        }
        (Err(error), Ok(_)) => match Refusal::of(&error.message) {
            Some(refusal) => assert!(
                refusal.holds(data),
                "strict refused for {refusal:?}, which is not true of the input: {error}"
            ),
            None => panic!("strict refused valid JSON for an undocumented reason: {error}"),
        },
        (Ok(strict), Err(error)) => {
            panic!("strict accepted what serde_json refuses ({error}): {strict:?}")
        }
        (Err(_), Err(_)) => {}
    }
});
