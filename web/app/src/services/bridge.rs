//! How a native `WebView` or a parent page hands the app a profile without a URL:
//! `window.strataSetProfile(profile)` (an object or JSON text), or
//! `postMessage({ type: "strata:profile", profile }, origin)` from the same origin.
//! Messages from other origins are ignored: a profile is personal data.
//!
//! The other way, the host hears what went wrong through `window.strataOnError(errors, kind)`
//! when it defines that function (the widget's `onError` has the same arguments): every
//! problem as `{ type, path, message }`, which the customer never sees on screen.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

const FUNCTION: &str = "strataSetProfile";
const ON_ERROR: &str = "strataOnError";

/// Tells the host's `window.strataOnError(errors, kind)`, if it has one, what failed.
pub fn report(error: &strata_ui::error::LoadError) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str(ON_ERROR)) else {
        return;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let errors = js_sys::JSON::parse(&error.to_json())
        .and_then(|v| js_sys::Reflect::get(&v, &JsValue::from_str("errors")))
        .unwrap_or(JsValue::UNDEFINED);
    // The host's code may throw; that is the host's to report, not a failure of the app.
    let _ = f.call2(
        &JsValue::NULL,
        &errors,
        &JsValue::from_str(error.kind.tag()),
    );
}

/// Keeps the bridge installed; dropping it removes the function and the listener.
pub struct Bridge {
    _listener: Option<EventListener>,
    _function: Option<Closure<dyn Fn(JsValue)>>,
}

impl Drop for Bridge {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = js_sys::Reflect::delete_property(&w, &JsValue::from_str(FUNCTION));
        }
    }
}

/// JSON text of a value handed over from JS: strings as they are, objects stringified.
fn json_of(value: &JsValue) -> Option<String> {
    value.as_string().or_else(|| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
    })
}

/// Installs the bridge; `on_profile` gets the profile's JSON text.
#[must_use]
pub fn install(on_profile: impl Fn(String) + 'static) -> Bridge {
    let Some(window) = web_sys::window() else {
        return Bridge {
            _listener: None,
            _function: None,
        };
    };
    let on_profile = std::rc::Rc::new(on_profile);
    let call = on_profile.clone();
    let function = Closure::<dyn Fn(JsValue)>::new(move |value: JsValue| {
        if let Some(json) = json_of(&value) {
            call(json);
        }
    });
    let _ = js_sys::Reflect::set(
        &window,
        &JsValue::from_str(FUNCTION),
        function.as_ref().unchecked_ref(),
    );
    let origin = window.location().origin().unwrap_or_default();
    let listener = EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        if event.origin() != origin {
            return;
        }
        let data = event.data();
        let kind = js_sys::Reflect::get(&data, &JsValue::from_str("type"))
            .ok()
            .and_then(|k| k.as_string());
        if kind.as_deref() != Some("strata:profile") {
            return;
        }
        if let Some(json) = js_sys::Reflect::get(&data, &JsValue::from_str("profile"))
            .ok()
            .as_ref()
            .and_then(json_of)
        {
            on_profile(json);
        }
    });
    Bridge {
        _listener: Some(listener),
        _function: Some(function),
    }
}
