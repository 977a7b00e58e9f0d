//! Fetching a bank's profile or ruleset by URL (`?profile=`, `?ruleset=`), with the
//! browser's `fetch` directly (no HTTP client crate: fewer bytes to download).

use gloo_utils::errors::JsError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What a rejected promise says: `TypeError: Failed to fetch` and the like.
fn message(value: JsValue) -> String {
    match JsError::try_from(value) {
        Ok(e) => e.to_string(),
        Err(e) => e.to_string(),
    }
}

/// The body of `url` as text, or a message saying why not.
pub async fn text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or_else(|| "no window".to_owned())?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(message)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let body = JsFuture::from(response.text().map_err(message)?)
        .await
        .map_err(message)?;
    Ok(body.as_string().unwrap_or_default())
}
