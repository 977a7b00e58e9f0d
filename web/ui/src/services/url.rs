//! The page's query string (`?persona=`, `?asof=`, `?profile=`, `?ruleset=`, `?lang=`).

/// The current query as `(name, value)` pairs, in order.
#[must_use]
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // UrlSearchParams iterates as [name, value] arrays.
    if let Ok(Some(iter)) = js_sys::try_iter(&params) {
        for entry in iter.flatten() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                out.push((k, v));
            }
        }
    }
    out
}

/// One query parameter, if present and not empty.
#[must_use]
pub fn param(name: &str) -> Option<String> {
    query_pairs()
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// The query with `name` set to `value` (or removed when `None`), other pairs kept.
#[must_use]
pub fn with_param(name: &str, value: Option<&str>) -> Vec<(String, String)> {
    let mut pairs: Vec<_> = query_pairs()
        .into_iter()
        .filter(|(k, _)| k != name)
        .collect();
    if let Some(v) = value {
        pairs.push((name.to_owned(), v.to_owned()));
    }
    pairs
}

/// `?a=1&b=2` for a list of pairs (empty string for none).
#[must_use]
pub fn search_string(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let params = web_sys::UrlSearchParams::new().ok();
    match params {
        Some(p) => {
            for (k, v) in pairs {
                p.append(k, v);
            }
            format!("?{}", String::from(p.to_string()))
        }
        None => String::new(),
    }
}
