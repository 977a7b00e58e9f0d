//! The start-up's pacing: User Timing marks (`performance.mark`) at its steps
//! (`strata:start`, `strata:engine`, `strata:profile`, `strata:evaluated`, `strata:catalog`),
//! which show in the browser's developer tools, Lighthouse and a bank's own real-user
//! monitoring and carry nothing about the customer; and the yields that cut the start-up into
//! short tasks, so a phone's main thread is never blocked for long and the tier card is
//! painted before the offers are worked out.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;

/// Marks `strata:<step>` on the page's performance timeline; nothing when it is missing.
pub fn mark(step: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("strata:{step}"));
    }
}

/// Waits `ms` milliseconds on the event loop (a `setTimeout`), at once without a window.
async fn timeout(ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Ends the current task: what follows runs in a task of its own, after the browser has
/// handled whatever input came in meanwhile.
pub async fn yield_now() {
    timeout(0).await;
}

/// Resolves once the browser has painted what was rendered so far: in the task after the
/// next animation frame. A hidden page gets no frames, so at most 100 ms later.
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let frame_window = window.clone();
        let after_frame = resolve.clone();
        let on_frame = Closure::once_into_js(move || {
            let _ =
                frame_window.set_timeout_with_callback_and_timeout_and_arguments_0(&after_frame, 0);
        });
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = JsFuture::from(promise).await;
}
