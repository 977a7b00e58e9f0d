//! The browser's history as the app's router: the current route from the address bar,
//! `pushState` for a link, `replaceState` for a changed query, and `popstate` for the back
//! and forward buttons. A few lines instead of a router crate (yew-router and gloo-history
//! cost the bundle about 30 KB for seven fixed paths).

use gloo_events::EventListener;
use strata_ui::services::url;
use wasm_bindgen::JsValue;

use crate::route::Route;

/// The route the address bar names now.
#[must_use]
pub fn current() -> Route {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    Route::recognize(&path)
}

/// `route`'s URL with the page's query kept (persona, as-of date, profile URL), so a
/// reload or a shared link shows the same customer.
#[must_use]
pub fn href(route: &Route) -> String {
    format!(
        "{}{}",
        route.to_path(),
        url::search_string(&url::query_pairs())
    )
}

/// A new history entry for `route`, as following a link would make.
pub fn push(route: &Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href(route)));
    }
}

/// The current entry's URL changed to `route` with the query `pairs`, without a new entry.
pub fn replace(route: &Route, pairs: &[(String, String)]) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let url = format!("{}{}", route.to_path(), url::search_string(pairs));
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Calls `on_change` with the new route whenever the back or forward button moves the
/// history; listening stops when the returned listener is dropped.
#[must_use]
pub fn listen(on_change: impl Fn(Route) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "popstate", move |_| {
        on_change(current());
    }))
}
