//! A small strict JSON reader (RFC 8259) for the documents Strata reads: rulesets, catalogs,
//! profiles and options.
//!
//! [`parse`] turns text into a [`Json`] tree that keeps each number as its source text, so a
//! decimal never passes through `f64`. [`FromJson`] then reads an input type from the tree
//! and names the JSON path of any problem (`$.holdings[0].balance`).
//!
//! It replaces serde's derived deserializers: their code, one copy per type and per
//! deserializer, was a fifth of the web app's wasm, and serde's errors only gave a line and
//! column that had to be mapped back to a path.

mod from_json;
mod parser;
mod prims;
#[cfg(test)]
mod tests;

pub use from_json::{FromJson, Obj, expected, one_of};
pub(crate) use prims::number_dec;
pub use prims::{JsonKey, parse_date};

use std::borrow::Cow;
use std::fmt::{self, Write};

use crate::read::parser::Parser;

/// Deepest nesting of arrays and objects accepted, so hostile input cannot exhaust the
/// stack of the recursive parser.
pub const MAX_DEPTH: usize = 128;

/// Longest text read, 4 MiB: a ruleset is about 20 KB, a 500-product catalog about 250 KB.
/// The tree takes up to 16 times the text's bytes, so a bigger document (a mistake, or
/// hostile) is refused before it can use a phone's memory.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// A parsed JSON value. Strings borrow from the text unless they contain escapes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as written (`-12.50`, `1e3`), never rounded.
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object's members in document order; keys are unique.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl Json<'_> {
    /// What kind of value this is, for messages ("found a number").
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(n) if n.contains('.') => "a number with a fraction",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// A problem reading JSON: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// JSON path of the value at fault (`$` for the whole document).
    pub path: String,
    /// What is wrong; syntax errors end with the line and column.
    pub message: String,
}

impl Error {
    /// An error about the value at `path`.
    #[must_use]
    pub fn at(path: &Path<'_>, message: impl Into<String>) -> Self {
        Error {
            path: path.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Error {}

/// A JSON path as a chain on the stack: no allocation unless an error renders it.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// The document, `$`.
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The path of member `key` below this one.
    #[must_use]
    pub fn key<'b>(&'b self, key: &'b str) -> Path<'b> {
        Path::Key(self, key)
    }

    /// The path of element `i` below this one.
    #[must_use]
    pub fn index(&self, i: usize) -> Path<'_> {
        Path::Index(self, i)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_char('$'),
            Path::Key(parent, k) => {
                parent.fmt(f)?;
                if !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    write!(f, ".{k}")
                } else {
                    // Quoted as JSON would write the key.
                    f.write_str("[\"")?;
                    for c in k.chars() {
                        match c {
                            '"' => f.write_str("\\\"")?,
                            '\\' => f.write_str("\\\\")?,
                            c if u32::from(c) < 0x20 => write!(f, "\\u{:04x}", u32::from(c))?,
                            c => f.write_char(c)?,
                        }
                    }
                    f.write_str("\"]")
                }
            }
            Path::Index(parent, i) => {
                parent.fmt(f)?;
                write!(f, "[{i}]")
            }
        }
    }
}

/// Parses JSON text strictly: one value, no comments, no trailing commas, no duplicate
/// keys, at most [`MAX_DEPTH`] levels of nesting and [`MAX_BYTES`] of text.
pub fn parse(text: &str) -> Result<Json<'_>, Error> {
    if text.len() > MAX_BYTES {
        return Err(Error::at(
            &Path::Root,
            format!(
                "the document is {} bytes; at most {MAX_BYTES} (4 MiB) are read",
                text.len()
            ),
        ));
    }
    let mut p = Parser { text, pos: 0 };
    let v = p.value(&Path::Root, 0)?;
    p.ws();
    if p.pos < text.len() {
        return p.fail(p.pos, &Path::Root, "unexpected text after the JSON value");
    }
    Ok(v)
}

/// Parses `text` and reads a `T` from it.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    T::read(&parse(text)?, &Path::Root)
}
