//! Fetching a bank's profile or ruleset by URL (`?profile=`, `?ruleset=`).

/// The body of `url` as text, or a message saying why not.
pub async fn text(url: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    response.text().await.map_err(|e| e.to_string())
}
