//! Embedded JSON without its layout: [`minify!`] strips the whitespace between tokens of an
//! `include_str!` at compile time, so the shipped rulesets, catalog and demo profiles stay
//! readable in the repository but cost the wasm bundle no indentation (about a third of
//! their bytes).

/// Where the scan stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    /// Outside strings, after a bracket, brace, colon or comma (or at the start).
    Between,
    /// Just after a byte of a number or literal.
    Word,
    /// After a number or literal and some whitespace.
    WordGap,
    /// Inside a string.
    Str,
    /// Inside a string, just after a backslash.
    Escape,
}

/// The scan, and whether it found two values separated only by whitespace.
#[derive(Clone, Copy)]
struct Scan {
    at: At,
    run_together: bool,
}

/// Whether byte `b` is kept, and the scan after it.
///
/// Whitespace between two numbers or literals (`[1 2]`) is invalid JSON that removing it
/// would turn into valid JSON (`[12]`): the scan notes it, and [`minify!`] stops the build.
const fn step(scan: Scan, b: u8) -> (bool, Scan) {
    let word = b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+');
    let (keep, at) = match scan.at {
        At::Str if b == b'\\' => (true, At::Escape),
        At::Str if b == b'"' => (true, At::Between),
        At::Escape | At::Str => (true, At::Str),
        At::Between | At::Word | At::WordGap if matches!(b, b' ' | b'\n' | b'\r' | b'\t') => {
            let at = if matches!(scan.at, At::Between) {
                At::Between
            } else {
                At::WordGap
            };
            (false, at)
        }
        _ if b == b'"' => (true, At::Str),
        _ if word => (true, At::Word),
        _ => (true, At::Between),
    };
    let run_together = scan.run_together || (word && matches!(scan.at, At::WordGap));
    (keep, Scan { at, run_together })
}

const START: Scan = Scan {
    at: At::Between,
    run_together: false,
};

/// Length of `json` without whitespace outside strings, or `None` when stripping it would
/// run two values together.
#[must_use]
pub const fn minified_len(json: &[u8]) -> Option<usize> {
    let (mut i, mut n, mut scan) = (0, 0, START);
    while i < json.len() {
        let (keep, next) = step(scan, json[i]);
        n += keep as usize;
        scan = next;
        i += 1;
    }
    if scan.run_together { None } else { Some(n) }
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
        // A file past about 400 KB trips rustc's long-running evaluation lint; ours are
        // under 40 KB, and a bigger one should fail the build loudly, not slowly.
        const LEN: usize = match $crate::embed::minified_len(RAW) {
            Some(len) => len,
            None => panic!("embedded JSON has two values separated only by whitespace"),
        };
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
        const LEN: usize = match super::minified_len(JSON.as_bytes()) {
            Some(len) => len,
            None => 0,
        };
        let out = super::minify::<LEN>(JSON.as_bytes());
        assert_eq!(
            std::str::from_utf8(&out),
            Ok(r#"{"a b":[1,2],"c":"x \" y\\","d":"中 文"}"#)
        );
    }

    #[test]
    fn refuses_values_run_together_by_the_stripping() {
        assert_eq!(super::minified_len(b"[1 2]"), None);
        assert_eq!(super::minified_len(b"[true\nfalse]"), None);
        assert_eq!(super::minified_len(b"[1, 2, \"a b\"]"), Some(11));
    }

    #[test]
    fn shipped_files_keep_their_meaning() {
        let rulesets = crate::rulesets::ALL.map(|(id, json)| (format!("rulesets/{id}.json"), json));
        let catalogs = crate::catalogs::ALL.map(|(id, json)| (format!("catalogs/{id}.json"), json));
        for (id, json) in rulesets.into_iter().chain(catalogs) {
            let text = std::fs::read_to_string(&id).unwrap_or_else(|e| panic!("{id}: {e}"));
            let pretty: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{id}: {e}"));
            let minified: serde_json::Value =
                serde_json::from_str(json).unwrap_or_else(|e| panic!("{id}, minified: {e}"));
            assert_eq!(pretty, minified, "{id}");
        }
    }
}
