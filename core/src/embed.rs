//! Embedded JSON without its layout: [`minify!`] strips the whitespace between tokens of an
//! `include_str!` at compile time, so the shipped rulesets, catalog and demo profiles stay
//! readable in the repository but cost the wasm bundle no indentation (about a third of
//! their bytes).

/// Where the scan stands: inside a string, and just after a backslash in one.
#[derive(Clone, Copy)]
struct Scan {
    in_string: bool,
    escaped: bool,
}

/// Whether byte `b` is kept, and the scan after it.
const fn step(scan: Scan, b: u8) -> (bool, Scan) {
    if scan.in_string {
        let escaped = !scan.escaped && b == b'\\';
        let in_string = scan.escaped || b != b'"';
        (true, Scan { in_string, escaped })
    } else if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
        (false, scan)
    } else {
        let scan = Scan {
            in_string: b == b'"',
            escaped: false,
        };
        (true, scan)
    }
}

const START: Scan = Scan {
    in_string: false,
    escaped: false,
};

/// Length of `json` without whitespace outside strings.
#[must_use]
pub const fn minified_len(json: &[u8]) -> usize {
    let (mut i, mut n, mut scan) = (0, 0, START);
    while i < json.len() {
        let (keep, next) = step(scan, json[i]);
        n += keep as usize;
        scan = next;
        i += 1;
    }
    n
}

/// `json` without whitespace outside strings; `N` is its [`minified_len`].
#[must_use]
pub const fn minify<const N: usize>(json: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut i, mut n, mut scan) = (0, 0, START);
    while i < json.len() {
        let (keep, next) = step(scan, json[i]);
        if keep {
            out[n] = json[i];
            n += 1;
        }
        scan = next;
        i += 1;
    }
    out
}

/// `include_str!` of a JSON file, minified at compile time, as a `&'static str`.
#[macro_export]
macro_rules! minify {
    ($path:literal) => {{
        const RAW: &[u8] = include_str!($path).as_bytes();
        const LEN: usize = $crate::embed::minified_len(RAW);
        const BYTES: [u8; LEN] = $crate::embed::minify::<LEN>(RAW);
        // Whitespace is ASCII and removed whole, so the rest is still UTF-8.
        const TEXT: &str = match core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("minified JSON is not UTF-8"),
        };
        TEXT
    }};
}

#[cfg(test)]
mod tests {
    #[test]
    fn strips_layout_but_not_strings() {
        const JSON: &str =
            "{\n  \"a b\": [1, 2],\n\t\"c\": \"x \\\" y\\\\\" , \"d\":\"中 文\"\r\n}";
        const LEN: usize = super::minified_len(JSON.as_bytes());
        let out = super::minify::<LEN>(JSON.as_bytes());
        assert_eq!(
            std::str::from_utf8(&out),
            Ok(r#"{"a b":[1,2],"c":"x \" y\\","d":"中 文"}"#)
        );
    }

    #[test]
    fn shipped_files_keep_their_meaning() {
        for (id, json) in crate::rulesets::ALL {
            let pretty: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(format!("rulesets/{id}.json")).unwrap_or_default(),
            )
            .unwrap_or_default();
            let minified: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
            assert!(!minified.is_null(), "{id}");
            assert_eq!(pretty, minified, "{id}");
        }
    }
}
