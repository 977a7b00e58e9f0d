//! Names the field a JSON parse error is about, from the error's line and column.
//!
//! `serde_json` reports where it stopped; a small scan of the text up to there tells which
//! object keys and array indices enclose that point. This gives every parse error a path
//! (`$.holdings[0].balance`) without wrapping each deserializer, which would duplicate the
//! code of every `Deserialize` impl in the wasm bundle.

/// A parse error: the path of the value being read and serde's message without its
/// "at line … column …" suffix.
pub(crate) fn parse_error(json: &str, e: &serde_json::Error) -> (String, String) {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    };
    let path = if e.line() == 0 {
        "$".to_owned()
    } else {
        path_at(json, offset(json, e.line(), e.column()))
    };
    (path, message)
}

/// Byte offset of a 1-based line and `serde_json`'s byte column on it.
fn offset(json: &str, line: usize, column: usize) -> usize {
    let start: usize = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(json.len())
}

use std::fmt::Write;

enum Frame {
    Object { key: Option<String>, in_value: bool },
    Array { index: usize },
}

/// The JSON path of the position `end` in `json`.
pub(crate) fn path_at(json: &str, end: usize) -> String {
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end.min(bytes.len()) {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    in_value: false,
                }) = stack.last_mut()
                {
                    *key = Some(
                        json.get(start..i.min(json.len()))
                            .unwrap_or_default()
                            .to_owned(),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::from("$");
    for f in &stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                if !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    path.push('.');
                    path.push_str(k);
                } else {
                    let _ = write!(path, "[{k:?}]");
                }
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_path(json: &str) -> (String, String) {
        let e = serde_json::from_str::<crate::Profile>(json).expect_err("invalid");
        parse_error(json, &e)
    }

    #[test]
    fn paths_of_typical_errors() {
        let (p, m) = err_path(r#"{"id":"a","education":"phd"}"#);
        assert_eq!(p, "$.education");
        assert!(m.starts_with("unknown variant `phd`"), "{m}");
        assert!(!m.contains("at line"), "{m}");
        let multi = "{\n  \"id\": \"a\",\n  \"holdings\": [\n    {\"product\": \"x\", \"family\": \"deposit\", \"balance\": \"1\"},\n    {\"product\": \"我的\", \"family\": \"deposit\", \"balance\": 1.5}\n  ]\n}";
        assert_eq!(err_path(multi).0, "$.holdings[1].balance");
        assert_eq!(err_path(r#"{"id":"a","nick":"x"}"#).0, "$.nick");
        assert_eq!(
            err_path(r#"{"id":"a","holdings":[{"product":"x"}]}"#).0,
            "$.holdings[0]"
        );
        assert_eq!(err_path("not json").0, "$");
        assert_eq!(
            err_path(r#"{"id":"a","monthly":[{"month":"2026-13","avg_daily":{}}]}"#).0,
            "$.monthly[0].month"
        );
    }
}
