//! The [`FromJson`] trait, strict objects ([`Obj`]: unknown fields refused), enums by name,
//! and the macros that declare a type's fields.

use std::borrow::Cow;
use std::fmt::{self, Write};

use crate::read::Error;
use crate::read::Json;
use crate::read::Path;

/// A type read from a [`Json`] value; the input documents' types implement it.
pub trait FromJson: Sized {
    /// Reads the value at `path`.
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error>;
}

/// The error for a value of the wrong kind: "expected a string, found a number".
pub fn expected<T>(v: &Json<'_>, path: &Path<'_>, what: &str) -> Result<T, Error> {
    Err(wrong_kind(v, path, what))
}

// Error builders stay out of line: the generic readers that call them are instantiated per
// type, and a `format!` inlined into each would be repeated as many times.
#[cold]
#[inline(never)]
fn wrong_kind(v: &Json<'_>, path: &Path<'_>, what: &str) -> Error {
    Error::at(path, format!("expected {what}, found {}", v.kind()))
}

/// `` `a`, `b`, `c` ``, for messages.
fn quoted_list(names: impl Iterator<Item = impl fmt::Display>) -> String {
    let mut s = String::new();
    for (i, n) in names.enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(s, "{sep}`{n}`");
    }
    s
}

/// Reads a name from a fixed list, e.g. an enum's spellings.
pub fn one_of<T: Copy>(v: &Json<'_>, path: &Path<'_>, names: &[(&str, T)]) -> Result<T, Error> {
    let all = || quoted_list(names.iter().map(|(n, _)| n));
    match v {
        Json::String(s) => names
            .iter()
            .find(|(n, _)| n == s)
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                Error::at(
                    path,
                    format!("unknown value `{s}`; expected one of {}", all()),
                )
            }),
        _ => expected(v, path, &format!("one of {}", all())),
    }
}

#[cold]
#[inline(never)]
fn missing(path: &Path<'_>, key: &str) -> Error {
    Error::at(path, format!("missing field `{key}`"))
}

/// An object's members, read by name.
pub struct Obj<'j, 'a> {
    members: &'j [(Cow<'a, str>, Json<'a>)],
    path: &'j Path<'j>,
}

impl<'j, 'a> Obj<'j, 'a> {
    /// The object at `path`, refusing members not in `fields`.
    pub fn new(v: &'j Json<'a>, path: &'j Path<'j>, fields: &[&str]) -> Result<Self, Error> {
        let o = Self::open(v, path)?;
        o.only(fields)?;
        Ok(o)
    }

    /// The object at `path`, with any members.
    pub fn open(v: &'j Json<'a>, path: &'j Path<'j>) -> Result<Self, Error> {
        match v {
            Json::Object(members) => Ok(Obj { members, path }),
            _ => expected(v, path, "an object"),
        }
    }

    /// Refuses members not in `fields`.
    pub fn only(&self, fields: &[&str]) -> Result<(), Error> {
        match self.members.iter().find(|(k, _)| !fields.contains(&&**k)) {
            Some((k, _)) => Err(Error::at(
                &self.path.key(k),
                format!(
                    "unknown field `{k}`; expected one of {}",
                    quoted_list(fields.iter())
                ),
            )),
            None => Ok(()),
        }
    }

    /// The member `key`, if present.
    #[must_use]
    #[inline(never)]
    pub fn get(&self, key: &str) -> Option<&'j Json<'a>> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Reads the member `key`, which must be present.
    pub fn required<T: FromJson>(&self, key: &str) -> Result<T, Error> {
        let path = self.path.key(key);
        match self.get(key) {
            Some(v) => T::read(v, &path),
            None => Err(missing(&path, key)),
        }
    }

    /// Reads the member `key`; absent or `null` is `None` (as `Option`'s own reader says).
    pub fn optional<T: FromJson>(&self, key: &str) -> Result<Option<T>, Error> {
        self.or_default(key)
    }

    /// Reads the member `key`, or `T::default()` when it is absent.
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, Error> {
        self.or_else(key, T::default)
    }

    /// Reads the member `key`, or `default()` when it is absent.
    pub fn or_else<T: FromJson>(&self, key: &str, default: impl FnOnce() -> T) -> Result<T, Error> {
        match self.get(key) {
            Some(v) => T::read(v, &self.path.key(key)),
            None => Ok(default()),
        }
    }
}

/// Implements [`FromJson`] for a struct with named fields, refusing unknown ones. Each field
/// says how it is read: `required`, `optional`, `or_default`, or `or_else(f)`.
#[macro_export]
macro_rules! json_struct {
    ($ty:ident { $($field:ident: $how:ident $(($default:expr))?),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn read(
                v: &$crate::json::Json<'_>,
                path: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::json::Error> {
                let o = $crate::json::Obj::new(v, path, &[$(stringify!($field)),*])?;
                Ok($ty { $($field: o.$how(stringify!($field) $(, $default)?)?),* })
            }
        }
    };
}

/// Implements [`FromJson`] for a fieldless enum from its JSON names, and `name()`, the
/// variant's JSON name, from the same table.
#[macro_export]
macro_rules! json_names {
    ($ty:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            /// The JSON name (`time_deposit`, `>=`).
            #[must_use]
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),*
                }
            }
        }

        impl $crate::json::FromJson for $ty {
            fn read(
                v: &$crate::json::Json<'_>,
                path: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::json::Error> {
                const NAMES: &[(&str, $ty)] = &[$(($name, $ty::$variant)),*];
                $crate::json::one_of(v, path, NAMES)
            }
        }
    };
}
