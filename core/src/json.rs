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

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::{self, Write};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::dec::{Dec, MAX_DECIMALS, MAX_INT_DIGITS, MAX_WHOLE, MONEY_DECIMALS, Money, clip};

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

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// A syntax error at byte `at`, with its line and column (counted in characters).
    fn fail<T>(&self, at: usize, path: &Path<'_>, message: &str) -> Result<T, Error> {
        let before = self.text.get(..at).unwrap_or(self.text);
        let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Err(Error::at(
            path,
            format!("{message} at line {line}, column {column}"),
        ))
    }

    /// What stands at byte `at`, for messages: a word, one character, or the end.
    fn found(&self, at: usize) -> String {
        let rest = self.text.get(at..).unwrap_or_default();
        let word: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .take(20)
            .collect();
        match rest.chars().next() {
            None => "the end of the input".to_owned(),
            Some(_) if !word.is_empty() => format!("`{word}`"),
            Some(c) => format!("`{c}`"),
        }
    }

    fn unexpected<T>(&self, path: &Path<'_>, expected: &str) -> Result<T, Error> {
        let msg = format!("expected {expected}, found {}", self.found(self.pos));
        self.fail(self.pos, path, &msg)
    }

    fn value(&mut self, path: &Path<'_>, depth: usize) -> Result<Json<'a>, Error> {
        self.ws();
        match self.peek() {
            Some(b'{') => self.object(path, depth + 1),
            Some(b'[') => self.array(path, depth + 1),
            Some(b'"') => self.string(path).map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(path),
            Some(b't') => self.literal("true", Json::Bool(true), path),
            Some(b'f') => self.literal("false", Json::Bool(false), path),
            Some(b'n') => self.literal("null", Json::Null, path),
            _ => self.unexpected(path, "a value"),
        }
    }

    fn literal(&mut self, word: &str, v: Json<'a>, path: &Path<'_>) -> Result<Json<'a>, Error> {
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let after = rest.as_bytes().get(word.len()).copied();
        if rest.starts_with(word) && !after.is_some_and(|b| b.is_ascii_alphanumeric()) {
            self.pos += word.len();
            Ok(v)
        } else {
            self.unexpected(path, "a value")
        }
    }

    fn nested(&self, path: &Path<'_>, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            let msg = format!("nested more than {MAX_DEPTH} levels deep");
            return self.fail(self.pos, path, &msg);
        }
        Ok(())
    }

    fn object(&mut self, path: &Path<'_>, depth: usize) -> Result<Json<'a>, Error> {
        self.nested(path, depth)?;
        self.pos += 1;
        let mut members: Vec<(Cow<'a, str>, Json<'a>)> = Vec::new();
        // Past a few keys, duplicates are found with a set instead of a scan, so a huge
        // object cannot make parsing quadratic.
        let mut seen: Option<std::collections::BTreeSet<String>> = None;
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                if self.peek() == Some(b'}') {
                    return self.fail(self.pos, path, "trailing comma before `}`");
                }
                return self.unexpected(path, "a string key");
            }
            let key_at = self.pos;
            let key = self.string(path)?;
            let duplicate = match &mut seen {
                Some(set) => !set.insert(key.to_string()),
                None => members.iter().any(|(k, _)| *k == key),
            };
            if duplicate {
                let msg = format!("duplicate key `{key}`");
                return self.fail(key_at, &path.key(&key), &msg);
            }
            if seen.is_none() && members.len() >= 16 {
                let mut set = std::collections::BTreeSet::new();
                for (k, _) in &members {
                    set.insert(k.to_string());
                }
                set.insert(key.to_string());
                seen = Some(set);
            }
            let member = path.key(&key);
            self.ws();
            if self.peek() != Some(b':') {
                return self.unexpected(&member, "`:` after the key");
            }
            self.pos += 1;
            let v = self.value(&member, depth)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    members.push((key, v));
                    return Ok(Json::Object(members));
                }
                _ => return self.unexpected(&member, "`,` or `}`"),
            }
            members.push((key, v));
        }
    }

    fn array(&mut self, path: &Path<'_>, depth: usize) -> Result<Json<'a>, Error> {
        self.nested(path, depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            let item = path.index(items.len());
            self.ws();
            if self.peek() == Some(b']') {
                return self.fail(self.pos, path, "trailing comma before `]`");
            }
            items.push(self.value(&item, depth)?);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return self.unexpected(&item, "`,` or `]`"),
            }
        }
    }

    fn string(&mut self, path: &Path<'_>) -> Result<Cow<'a, str>, Error> {
        let open = self.pos;
        self.pos += 1;
        // Most strings have no escapes: borrow them.
        let start = self.pos;
        loop {
            match self.peek() {
                Some(b'"') => {
                    let s = self.text.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(_) => self.plain_run(open, path)?,
                None => return self.fail(open, path, "unterminated string"),
            }
        }
        let mut out = self
            .text
            .get(start..self.pos)
            .unwrap_or_default()
            .to_owned();
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => self.escape(&mut out, path)?,
                Some(_) => {
                    let run = self.pos;
                    self.plain_run(open, path)?;
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                }
                None => return self.fail(open, path, "unterminated string"),
            }
        }
    }

    /// Skips characters that stand for themselves in a string; control characters must be
    /// escaped.
    fn plain_run(&mut self, open: usize, path: &Path<'_>) -> Result<(), Error> {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        match rest
            .iter()
            .position(|&b| matches!(b, b'"' | b'\\' | 0..0x20))
        {
            Some(n) => {
                self.pos += n;
                if rest.get(n).is_some_and(|&b| b < 0x20) {
                    self.fail(
                        self.pos,
                        path,
                        "control character in a string (escape it, e.g. `\\n`)",
                    )
                } else {
                    Ok(())
                }
            }
            None => self.fail(open, path, "unterminated string"),
        }
    }

    fn escape(&mut self, out: &mut String, path: &Path<'_>) -> Result<(), Error> {
        let at = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let c = self.unicode(at, path)?;
                out.push(c);
                return Ok(());
            }
            None => return self.fail(at, path, "unterminated string"),
            _ => return self.fail(at, path, "invalid escape in a string"),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self, at: usize, path: &Path<'_>) -> Result<u32, Error> {
        let digits = self.text.get(self.pos..self.pos + 4).unwrap_or_default();
        if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            self.pos += 4;
            u32::from_str_radix(digits, 16).or_else(|_| self.fail(at, path, "invalid `\\u` escape"))
        } else {
            self.fail(at, path, "`\\u` must be followed by 4 hex digits")
        }
    }

    /// A `\u` escape, joining a UTF-16 surrogate pair; a lone surrogate is not a character.
    fn unicode(&mut self, at: usize, path: &Path<'_>) -> Result<char, Error> {
        let hi = self.hex4(at, path)?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            let rest = self.text.get(self.pos..).unwrap_or_default();
            if !rest.starts_with("\\u") {
                return self.fail(at, path, "lone surrogate in a `\\u` escape");
            }
            self.pos += 2;
            let lo = self.hex4(at, path)?;
            if !(0xDC00..0xE000).contains(&lo) {
                return self.fail(at, path, "lone surrogate in a `\\u` escape");
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.fail(at, path, "lone surrogate in a `\\u` escape"),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self, path: &Path<'_>) -> Result<Json<'a>, Error> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return self.fail(start, path, "invalid number: no leading zeros");
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.unexpected(path, "a digit"),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.unexpected(path, "a digit after `.`");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.unexpected(path, "a digit in the exponent");
            }
        }
        Ok(Json::Number(
            self.text.get(start..self.pos).unwrap_or_default(),
        ))
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (String, String) {
        let e = parse(text).expect_err("invalid");
        (e.path, e.message)
    }

    fn check(text: &str, path: &str, message: &str) {
        let (p, m) = err(text);
        assert_eq!(p, path, "{text}: {m}");
        assert!(m.starts_with(message), "{text}: {m}");
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(r#" { "a": [1, -2.5e3, true, false, null, "x"], "b": {} , "c": [] } "#)
            .expect("valid");
        let Json::Object(m) = v else { panic!("object") };
        assert_eq!(m[0].0, "a");
        assert_eq!(
            m[0].1,
            Json::Array(vec![
                Json::Number("1"),
                Json::Number("-2.5e3"),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::String("x".into()),
            ])
        );
        assert_eq!(m[1].1, Json::Object(vec![]));
        assert_eq!(m[2].1, Json::Array(vec![]));
    }

    #[test]
    fn numbers_are_kept_as_written() {
        let big = "123456789012345678901234567890123456789";
        assert_eq!(parse(big), Ok(Json::Number(big)));
        assert_eq!(
            parse("0.10000000000000000001"),
            Ok(Json::Number("0.10000000000000000001"))
        );
        let d: Dec = from_str("\"123456789012345.123456\"").expect("decimal");
        assert_eq!(d.to_string(), "123456789012345.123456");
        let e = from_str::<Dec>("\"1234567890123456\"").expect_err("16 digits");
        assert!(e.message.contains("at most 15"), "{e}");
        let e = from_str::<Dec>("\"1.1234567\"").expect_err("7 decimals");
        assert!(e.message.contains("at most 6"), "{e}");
        let d: Dec = from_str("999999999999999").expect("the largest whole number");
        assert_eq!(d.to_string(), "999999999999999");
        let d: Dec = from_str("-999999999999999").expect("and its negative");
        assert_eq!(d.to_string(), "-999999999999999");
        let d: Dec = from_str("1e3").expect("whole");
        assert_eq!(d.to_string(), "1000");
        let d: Dec = from_str("-0").expect("zero");
        assert_eq!(d.to_string(), "0");
        for (n, d) in [
            ("5.0", "5"),
            ("-1.50e2", "-150"),
            ("9.99999999999999e14", "999999999999999"),
            ("12000e-3", "12"),
            ("0.000e99999999999999999999", "0"),
        ] {
            assert_eq!(
                from_str::<Dec>(n).map(|d| d.to_string()),
                Ok(d.to_owned()),
                "{n}"
            );
        }
        for n in ["0.1", "1e-1", "12001e-3", "1e-99999999999999999999"] {
            let e = from_str::<Dec>(n).expect_err(n);
            assert!(
                e.message.contains("found a number with a fraction"),
                "{n}: {e}"
            );
        }
        // 10^15 and beyond are refused, which also covers 2^53 and what `JSON.stringify`
        // makes of 12345678901234567890123 (digits already lost).
        for n in [
            "1000000000000000",
            "-1000000000000000",
            "9007199254740992",
            "1.2345678901234568e+22",
            "1E+21",
            "79228162514264337593543950336",
            "1e99999999999999999999",
        ] {
            let e = from_str::<Dec>(n).expect_err(n);
            assert!(e.message.contains("values are below 10^15"), "{n}: {e}");
        }
        // A long number is cut in the message.
        let long = format!("1{}", "0".repeat(10_000));
        let e = from_str::<Dec>(&long).expect_err("long");
        assert!(e.message.len() < 200, "{}", e.message.len());
    }

    #[test]
    fn paths_quote_odd_keys_as_json_would() {
        let root = Path::Root;
        let tiers = root.key("tiers");
        let second = tiers.index(2);
        assert_eq!(
            second.key("min aum").to_string(),
            r#"$.tiers[2]["min aum"]"#
        );
        assert_eq!(root.key("a\u{1}\"b\\").to_string(), r#"$["a\u0001\"b\\"]"#);
        assert_eq!(root.key("中文").to_string(), r#"$["中文"]"#);
    }

    #[test]
    fn counts_say_what_is_wrong() {
        let read = |n: &str| u32::read(&Json::Number(n), &Path::Root).map_err(|e| e.message);
        assert_eq!(read("42"), Ok(42));
        assert_eq!(
            read("1e2"),
            Err("expected a whole number in plain digits, found 1e2".to_owned())
        );
        assert_eq!(
            read("-1"),
            Err("expected a whole number from 0 to 4294967295, found -1".to_owned())
        );
    }

    #[test]
    fn strings_unescape() {
        assert_eq!(
            from_str::<String>(r#""a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d""#),
            Ok("a\"b\\c/d\u{8}\u{c}\n\r\té中".to_owned())
        );
        assert_eq!(from_str::<String>(r#""\ud83d\ude00""#), Ok("😀".to_owned()));
        assert_eq!(from_str::<String>("\"中文 ok\""), Ok("中文 ok".to_owned()));
        check(r#""\ud83d""#, "$", "lone surrogate");
        check(r#""\ud83dx""#, "$", "lone surrogate");
        check(r#""\ud83d\u0041""#, "$", "lone surrogate");
        check(r#""\ude00""#, "$", "lone surrogate");
        check(r#""\u12""#, "$", "`\\u` must be followed by 4 hex digits");
        check(r#""\u+123""#, "$", "`\\u` must be followed by 4 hex digits");
        check(r#""\x""#, "$", "invalid escape");
        check("\"a\nb\"", "$", "control character");
        check(r#"{"a": "open"#, "$.a", "unterminated string");
        check(r#"{"a": "ok\"#, "$.a", "unterminated string");
    }

    #[test]
    fn every_syntax_error_names_its_place() {
        check(
            "",
            "$",
            "expected a value, found the end of the input at line 1, column 1",
        );
        check(
            "not json",
            "$",
            "expected a value, found `not` at line 1, column 1",
        );
        check("nul", "$", "expected a value, found `nul`");
        check("nullx", "$", "expected a value");
        check(
            "{} x",
            "$",
            "unexpected text after the JSON value at line 1, column 4",
        );
        check(r#"{"a": 1,}"#, "$", "trailing comma before `}`");
        check(r#"{"a": [1,]}"#, "$.a", "trailing comma before `]`");
        check(
            r#"{"a": [1 2]}"#,
            "$.a[0]",
            "expected `,` or `]`, found `2`",
        );
        check(r#"{"a": 1 "b": 2}"#, "$.a", "expected `,` or `}`");
        check(r#"{"a" 1}"#, "$.a", "expected `:` after the key, found `1`");
        check("{a: 1}", "$", "expected a string key, found `a`");
        check(r#"{"a": {"b": }}"#, "$.a.b", "expected a value, found `}`");
        check("[01]", "$[0]", "invalid number: no leading zeros");
        check("[1.]", "$[0]", "expected a digit after `.`");
        check("[-]", "$[0]", "expected a digit, found `]`");
        check("[1e]", "$[0]", "expected a digit in the exponent");
        check("[.5]", "$[0]", "expected a value, found `.`");
        check("[+1]", "$[0]", "expected a value, found `+`");
        check("// no\n{}", "$", "expected a value, found `/`");
        check(
            "{\n  \"a\": [\n    1,\n    x\n  ]\n}",
            "$.a[1]",
            "expected a value, found `x` at line 4, column 5",
        );
        check(
            "{\"名前\": ?}",
            "$[\"名前\"]",
            "expected a value, found `?` at line 1, column 8",
        );
    }

    #[test]
    fn duplicate_keys_are_refused() {
        check(
            r#"{"a": 1, "a": 2}"#,
            "$.a",
            "duplicate key `a` at line 1, column 10",
        );
        check(
            r#"{"x": {"b": 1, "c": 2, "b": 3}}"#,
            "$.x.b",
            "duplicate key `b`",
        );
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k33\": 0}}", many.join(", "));
        check(&text, "$.k33", "duplicate key `k33`");
        assert!(parse(&format!("{{{}}}", many.join(", "))).is_ok());
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let (p, m) = err(&deep);
        assert!(m.starts_with("nested more than 128 levels deep"), "{m}");
        assert!(p.starts_with("$[0][0]"), "{p}");
        let hostile = "[".repeat(1_000_000);
        assert!(parse(&hostile).is_err());
        let objects = "{\"a\":".repeat(200);
        assert!(err(&objects).1.starts_with("nested more than"));
    }

    #[test]
    fn size_is_limited() {
        let fits = format!("\"{}\"", "a".repeat(MAX_BYTES - 2));
        assert!(parse(&fits).is_ok());
        let over = format!("\"{}\"", "a".repeat(MAX_BYTES - 1));
        let (p, m) = err(&over);
        assert_eq!(p, "$");
        assert_eq!(
            m,
            "the document is 4194305 bytes; at most 4194304 (4 MiB) are read"
        );
    }

    #[test]
    fn typed_reads_name_the_field() {
        let e = from_str::<Vec<u32>>("[1, -1]").expect_err("negative");
        assert_eq!(
            (e.path.as_str(), e.message.as_str()),
            (
                "$[1]",
                "expected a whole number from 0 to 4294967295, found -1"
            )
        );
        let e = from_str::<Vec<u32>>(r#"[1, "2"]"#).expect_err("string");
        assert_eq!(
            e.to_string(),
            "$[1]: expected a whole number, found a string"
        );
        let e = from_str::<String>("1.5").expect_err("number");
        assert_eq!(
            e.message,
            "expected a string, found a number with a fraction"
        );
        let e = from_str::<BTreeMap<String, Dec>>(r#"{"a b": 0.5}"#).expect_err("fraction");
        assert_eq!(e.path, "$[\"a b\"]");
        assert!(e.message.contains("decimal string"), "{}", e.message);
        assert_eq!(from_str::<Option<bool>>("null"), Ok(None));
        let e = from_str::<NaiveDate>(r#""2026-02-30""#).expect_err("no such day");
        assert_eq!(
            e.message,
            "`2026-02-30` is not a date like \"2026-11-25\" between 1900 and 2200"
        );
        for out in ["1899-12-31", "2201-01-01", "0000-01-01", "9999-12-31"] {
            assert_eq!(parse_date(out), None, "{out}");
        }
        assert_eq!(
            parse_date("2026-11-25"),
            NaiveDate::from_ymd_opt(2026, 11, 25)
        );
        for bad in [
            "2026-1-25",
            "+2026-11-2",
            "2026/11/25",
            "2026-11-25 ",
            "２０２６-11-25",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    fn doc_err<T: FromJson + fmt::Debug>(text: &str) -> (String, String) {
        let e = from_str::<T>(text).expect_err("invalid");
        (e.path, e.message)
    }

    #[test]
    fn documents_name_the_field_at_fault() {
        use crate::Profile;
        use crate::ruleset::{Criterion, Schedule, Source};
        let p = |t: &str| doc_err::<Profile>(t);
        assert_eq!(
            p(r#"{"id":"a","nick":"x"}"#),
            (
                "$.nick".into(),
                "unknown field `nick`; expected one of `id`, `birth_date`, \
              `education`, `occupation`, `risk`, `holdings`, `external_assets`, `monthly`, \
              `tier_history`, `manual_assignment`, `attributes`, `interests`, `offers`, \
              `cash_flows`, `guardian`, `annual_income`, `investment_experience_years`, \
              `fx_rates`, `household`"
                    .into()
            )
        );
        assert_eq!(
            p(r#"{"id":"a","holdings":[{"product":"x"}]}"#),
            (
                "$.holdings[0].family".into(),
                "missing field `family`".into()
            )
        );
        assert_eq!(p("{}"), ("$.id".into(), "missing field `id`".into()));
        assert_eq!(
            p(r#"{"id":7}"#),
            ("$.id".into(), "expected a string, found a number".into())
        );
        assert_eq!(
            p(r#"{"id":"a","holdings":null}"#),
            ("$.holdings".into(), "expected an array, found null".into())
        );
        assert_eq!(
            p(r#"{"id":"a","education":"phd"}"#),
            (
                "$.education".into(),
                "unknown value `phd`; expected one of `primary`, \
              `junior_secondary`, `senior_secondary`, `college`, `bachelor`, `master`, \
              `doctorate`"
                    .into()
            )
        );
        assert_eq!(
            p(r#"{"id":"a","holdings":[{"product":"x","family":"deposit","balance":1.5}]}"#).0,
            "$.holdings[0].balance"
        );
        assert_eq!(
            p(r#"{"id":"a","monthly":[{"month":"2026-13","avg_daily":{}}]}"#),
            (
                "$.monthly[0].month".into(),
                "`2026-13` is not a month like \"2026-10\" between 1900 and 2200".into()
            )
        );
        assert_eq!(
            p(r#"{"id":"a","monthly":[{"month":"2026-10","avg_daily":{"gold":"1"}}]}"#).0,
            "$.monthly[0].avg_daily.gold"
        );
        assert_eq!(
            p(r#"{"id":"a","attributes":{"x":"1","x":"2"}}"#).0,
            "$.attributes.x"
        );
        // Absent and null optional fields are both absent.
        let ok = from_str::<Profile>(r#"{"id":"a","education":null,"birth_date":null}"#);
        assert_eq!(ok.map(|p| p.education), Ok(None));

        assert_eq!(
            doc_err::<Schedule>(r#"{"type":"yearly"}"#),
            (
                "$.type".into(),
                "unknown value `yearly`; expected one of `monthly`, `dates`".into()
            )
        );
        assert_eq!(doc_err::<Schedule>(r#"{"dates":[]}"#).0, "$.type");
        assert_eq!(
            doc_err::<Schedule>(r#"{"type":"monthly","dates":[]}"#).0,
            "$.dates"
        );
        assert_eq!(
            from_str::<Schedule>(r#"{"type":"dates","dates":["06-30"]}"#),
            Ok(Schedule::Dates {
                dates: vec!["06-30".into()]
            })
        );
        assert_eq!(
            from_str::<Source>(r#"{"fee_income":{"months":3}}"#),
            Ok(Source::FeeIncome { months: 3 })
        );
        assert_eq!(
            doc_err::<Source>(r#"{"fee_income":{"months":3,"x":1}}"#).0,
            "$.fee_income.x"
        );
        assert_eq!(doc_err::<Source>(r#"{"salary":{}}"#).0, "$.salary");
        assert_eq!(
            doc_err::<Source>(r#"{"metric":"a","fee_income":{"months":1}}"#).0,
            "$"
        );
        assert_eq!(
            doc_err::<Criterion>(r#"{"metric":"aum","op":">="}"#),
            (
                "$".into(),
                "a comparison needs `metric`, `op` and `value`".into()
            )
        );
        assert_eq!(
            doc_err::<Criterion>(r#"{"all":[{"metric":"aum","op":"=>","value":"1"}]}"#).0,
            "$.all[0].op"
        );
        assert!(
            from_str::<Criterion>(r#"{"metric":"education","op":">=","value":"college"}"#).is_ok()
        );
        assert_eq!(
            doc_err::<Criterion>(r#"{"metric":"aum","op":">=","value":0.5}"#).0,
            "$.value"
        );
    }

    #[test]
    fn paths_quote_unusual_keys() {
        let root = Path::Root;
        let a = root.key("holdings");
        let b = a.index(2);
        let c = b.key("a.b");
        assert_eq!(c.to_string(), "$.holdings[2][\"a.b\"]");
        assert_eq!(root.key("").to_string(), "$[\"\"]");
    }
}
