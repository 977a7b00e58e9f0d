//! The tokenizer: JSON text to a [`Json`] tree, with depth and size limits.

use std::borrow::Cow;

use crate::read::Error;
use crate::read::Json;
use crate::read::MAX_DEPTH;
use crate::read::Path;

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub(super) fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// A syntax error at byte `at`, with its line and column (counted in characters).
    pub(super) fn fail<T>(&self, at: usize, path: &Path<'_>, message: &str) -> Result<T, Error> {
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

    pub(super) fn value(&mut self, path: &Path<'_>, depth: usize) -> Result<Json<'a>, Error> {
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
