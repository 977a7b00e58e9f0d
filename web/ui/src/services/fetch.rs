//! Fetching a bank's profile, ruleset or catalog by URL (`?profile=`, `?ruleset=`,
//! `?catalog=`), with the browser's `fetch` directly (no HTTP client crate: fewer bytes to
//! download), optionally pinned to a SHA-256 the host gives (`?ruleset_sha256=`): a body
//! whose digest differs is refused before it is parsed.

use gloo_utils::errors::JsError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a fetch gave no usable text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request failed or the server said no.
    Network(String),
    /// The pinned digest cannot be checked (a malformed pin, or no Web Crypto here).
    Unverifiable(String),
    /// The body's SHA-256 is not the pinned one.
    Mismatch {
        /// The pin as the host gave it.
        expected: String,
        /// The body's digest, in the pin's notation.
        actual: String,
    },
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network(m) | FetchError::Unverifiable(m) => f.write_str(m),
            FetchError::Mismatch { expected, actual } => {
                write!(f, "SHA-256 is {actual}, but {expected} was pinned")
            }
        }
    }
}

/// A pinned SHA-256: 64 hex digits, or the Subresource Integrity form `sha256-<base64>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pin {
    /// Lower-case hex.
    Hex(String),
    /// Standard base64 of the 32 bytes (as in `integrity="sha256-…"`).
    Base64(String),
}

impl Pin {
    /// Reads a pin, or says what is wrong with it.
    pub fn parse(pin: &str) -> Result<Pin, FetchError> {
        let pin = pin.trim();
        if let Some(b64) = pin.strip_prefix("sha256-") {
            let ok = b64.len() == 44
                && b64.ends_with('=')
                && b64[..43]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
            return if ok {
                Ok(Pin::Base64(b64.to_owned()))
            } else {
                Err(FetchError::Unverifiable(format!(
                    "the pinned SHA-256 `{pin}` is not 32 bytes of base64"
                )))
            };
        }
        if pin.len() == 64 && pin.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(Pin::Hex(pin.to_ascii_lowercase()));
        }
        Err(FetchError::Unverifiable(format!(
            "the pinned SHA-256 `{pin}` is neither 64 hex digits nor sha256-<base64>"
        )))
    }

    /// Checks a digest against the pin.
    pub fn check(&self, digest: &[u8]) -> Result<(), FetchError> {
        let (expected, actual) = match self {
            Pin::Hex(h) => (h.clone(), hex(digest)),
            Pin::Base64(b) => (b.clone(), base64(digest)),
        };
        if expected == actual {
            Ok(())
        } else {
            let prefix = if matches!(self, Pin::Base64(_)) {
                "sha256-"
            } else {
                ""
            };
            Err(FetchError::Mismatch {
                expected: format!("{prefix}{expected}"),
                actual: format!("{prefix}{actual}"),
            })
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// What a rejected promise says: `TypeError: Failed to fetch` and the like.
fn message(value: JsValue) -> String {
    match JsError::try_from(value) {
        Ok(e) => e.to_string(),
        Err(e) => e.to_string(),
    }
}

/// The response the page started fetching for `url` before the wasm ran
/// (`window.strataPrefetch[url]`, set by `web/prefs.js`), taken once: a retry fetches anew.
fn prefetched(window: &web_sys::Window, url: &str) -> Option<js_sys::Promise> {
    let all = js_sys::Reflect::get(window, &JsValue::from_str("strataPrefetch")).ok()?;
    if !all.is_object() {
        return None;
    }
    let key = JsValue::from_str(url);
    let promise = js_sys::Reflect::get(&all, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(all.unchecked_ref::<js_sys::Object>(), &key);
    Some(promise)
}

/// The body of `url` as text, checked against `pin` when one is given.
pub async fn text(url: &str, pin: Option<&str>) -> Result<String, FetchError> {
    // A malformed pin is refused before anything is fetched.
    let pin = pin.map(Pin::parse).transpose()?;
    let net = |v| FetchError::Network(message(v));
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let request = prefetched(&window, url).unwrap_or_else(|| window.fetch_with_str(url));
    let response: web_sys::Response = JsFuture::from(request).await.map_err(net)?.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Network(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let body = JsFuture::from(response.array_buffer().map_err(net)?)
        .await
        .map_err(net)?;
    if let Some(pin) = pin {
        // Web Crypto exists only in secure contexts (https, localhost, file): fail closed.
        let subtle = window
            .crypto()
            .map(|c| c.subtle())
            .map_err(|_| FetchError::Unverifiable("Web Crypto is not available here".into()))?;
        let digest = subtle
            .digest_with_str_and_buffer_source("SHA-256", &body.clone().unchecked_into())
            .map_err(|e| FetchError::Unverifiable(message(e)))?;
        let digest = JsFuture::from(digest)
            .await
            .map_err(|e| FetchError::Unverifiable(message(e)))?;
        pin.check(&js_sys::Uint8Array::new(&digest).to_vec())?;
    }
    String::from_utf8(js_sys::Uint8Array::new(&body).to_vec())
        .map_err(|_| FetchError::Network(format!("{url} is not UTF-8 text")))
}

#[cfg(test)]
mod tests {
    use super::*;

    // SHA-256 of the empty string.
    const EMPTY: [u8; 32] = [
        0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9,
        0x24, 0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52,
        0xb8, 0x55,
    ];

    #[test]
    fn pins_in_hex_or_sri_form_match_the_digest() {
        let hex_pin = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";
        assert_eq!(Pin::parse(hex_pin).and_then(|p| p.check(&EMPTY)), Ok(()));
        let sri = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        assert_eq!(Pin::parse(sri).and_then(|p| p.check(&EMPTY)), Ok(()));
    }

    #[test]
    fn a_different_body_is_refused_with_both_digests() {
        let mut other = EMPTY;
        other[0] ^= 1;
        let sri = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        let err = Pin::parse(sri).and_then(|p| p.check(&other));
        assert!(matches!(
            &err,
            Err(FetchError::Mismatch { expected, actual })
                if expected == sri && actual.starts_with("sha256-") && actual != sri
        ));
    }

    #[test]
    fn malformed_pins_are_refused() {
        for bad in [
            "",
            "abc",
            "sha256-short=",
            "sha384-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        ] {
            assert!(
                matches!(Pin::parse(bad), Err(FetchError::Unverifiable(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
    }
}
