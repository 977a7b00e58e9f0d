//! Idle handling for the branch kiosk: an idle timer restarted by any pointer, touch, wheel or
//! key activity, and the countdown of the warning that follows it.
//!
//! Both run on the browser's own `setTimeout` / `setInterval` (so a test's fake clock drives
//! them) and are cleared when the component using them goes away.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Seconds without activity before the warning (`?idle=`), by default.
pub const DEFAULT_IDLE: u32 = 60;
/// The shortest idle time accepted.
pub const MIN_IDLE: u32 = 5;
/// Seconds the warning gives (`?warn=`), by default.
pub const DEFAULT_WARN: u32 = 30;
/// The least time the warning gives to respond (WCAG 2.2.1 asks for at least 20 s).
pub const MIN_WARN: u32 = 20;
/// The longest idle or warning time accepted (an hour).
pub const MAX_SECONDS: u32 = 3600;

/// Events that count as someone using the kiosk.
const ACTIVITY: [&str; 4] = ["pointerdown", "keydown", "wheel", "touchstart"];

fn seconds(param: Option<&str>, default: u32, min: u32) -> u32 {
    param
        .and_then(|s| s.trim().parse::<u32>().ok())
        .map_or(default, |s| s.clamp(min, MAX_SECONDS))
}

/// The idle time from `?idle=`: 60 s by default, clamped to 5 s – 1 h.
#[must_use]
pub fn idle_seconds(param: Option<&str>) -> u32 {
    seconds(param, DEFAULT_IDLE, MIN_IDLE)
}

/// The warning's countdown from `?warn=`: 30 s by default, never under 20 s, at most 1 h.
#[must_use]
pub fn warn_seconds(param: Option<&str>) -> u32 {
    seconds(param, DEFAULT_WARN, MIN_WARN)
}

/// Whole seconds left until `deadline` (both in milliseconds since the epoch), rounded up.
#[must_use]
pub fn seconds_left(deadline_ms: f64, now_ms: f64) -> u32 {
    let left = ((deadline_ms - now_ms) / 1000.0).ceil();
    if left <= 0.0 {
        0
    } else {
        left.min(f64::from(u32::MAX)) as u32
    }
}

/// What the polite live region says with `remaining` of `total` seconds left: the count at
/// every tenth second, then at 5 s, so a screen reader hears it at most every 5 s rather than
/// every second. `None` at the start (the assertive announcement covers it) and at zero.
#[must_use]
pub fn polite_mark(remaining: u32, total: u32) -> Option<u32> {
    if remaining == 0 {
        return None;
    }
    let step = if remaining > 10 { 10 } else { 5 };
    let mark = remaining.div_ceil(step) * step;
    (mark < total).then_some(mark)
}

// The page's own timer functions. Ids stay JS values: they need not fit an `i32` (a test's
// fake clock hands out ids above 2³¹, which `web_sys`'s `i32` handles would truncate, so
// the timer would never be cleared).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = setInterval)]
    fn set_interval(handler: &js_sys::Function, ms: i32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval(id: &JsValue);
}

/// A browser timer (`setTimeout` or `setInterval`), cleared when dropped.
struct Timer {
    id: JsValue,
    repeat: bool,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    fn new(ms: u32, repeat: bool, f: impl FnMut() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut()>::new(f);
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        let function = callback.as_ref().unchecked_ref();
        let id = if repeat {
            set_interval(function, ms)
        } else {
            set_timeout(function, ms)
        }
        .ok()?;
        Some(Timer {
            id,
            repeat,
            _callback: callback,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if self.repeat {
            clear_interval(&self.id);
        } else {
            clear_timeout(&self.id);
        }
    }
}

/// Calls `on_idle` once `seconds` pass with no pointer, touch, wheel or key activity on the
/// page, while `active`. Activity restarts the wait; turning `active` off stops it.
#[hook]
pub fn use_idle(active: bool, seconds: u32, on_idle: Callback<()>) {
    // The latest callback, without restarting the timer on every render.
    let latest = use_mut_ref(|| on_idle.clone());
    *latest.borrow_mut() = on_idle;
    use_effect_with((active, seconds), move |&(active, seconds)| {
        let mut keep = None;
        if active {
            let timer: Rc<RefCell<Option<Timer>>> = Rc::new(RefCell::new(None));
            let arm = {
                let timer = timer.clone();
                Rc::new(move || {
                    let latest = latest.clone();
                    let fire = move || {
                        let cb = latest.borrow().clone();
                        cb.emit(());
                    };
                    // Replacing the timer clears the previous one.
                    *timer.borrow_mut() = Timer::new(seconds.saturating_mul(1000), false, fire);
                })
            };
            arm();
            let document = gloo_utils::document();
            let options = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: true,
            };
            let listeners: Vec<EventListener> = ACTIVITY
                .iter()
                .map(|&name| {
                    let arm = arm.clone();
                    EventListener::new_with_options(&document, name, options, move |_| arm())
                })
                .collect();
            keep = Some((timer, listeners));
        }
        move || drop(keep)
    });
}

/// Counts down from `seconds` once mounted, one step a second on the page's clock, and calls
/// `on_zero` when it reaches zero. Returns the whole seconds left.
#[hook]
pub fn use_countdown(seconds: u32, on_zero: Callback<()>) -> u32 {
    let left = use_state_eq(|| seconds);
    let latest = use_mut_ref(|| on_zero.clone());
    *latest.borrow_mut() = on_zero;
    {
        let set = left.setter();
        use_effect_with(seconds, move |&seconds| {
            set.set(seconds);
            let deadline = js_sys::Date::now() + f64::from(seconds) * 1000.0;
            let mut done = false;
            let timer = Timer::new(1000, true, move || {
                let n = seconds_left(deadline, js_sys::Date::now());
                set.set(n);
                if n == 0 && !done {
                    done = true;
                    let cb = latest.borrow().clone();
                    cb.emit(());
                }
            });
            move || drop(timer)
        });
    }
    *left
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_and_warning_times_are_clamped() {
        assert_eq!(idle_seconds(None), 60);
        assert_eq!(idle_seconds(Some("90")), 90);
        assert_eq!(idle_seconds(Some("1")), MIN_IDLE);
        assert_eq!(idle_seconds(Some("-3")), 60);
        assert_eq!(idle_seconds(Some("soon")), 60);
        assert_eq!(idle_seconds(Some("999999")), MAX_SECONDS);
        assert_eq!(warn_seconds(None), 30);
        assert_eq!(warn_seconds(Some("5")), 20, "never under 20 s");
        assert_eq!(warn_seconds(Some(" 45 ")), 45);
        assert_eq!(warn_seconds(Some("20")), 20);
    }

    #[test]
    fn seconds_left_round_up_and_stop_at_zero() {
        assert_eq!(seconds_left(30_000.0, 0.0), 30);
        assert_eq!(seconds_left(30_000.0, 1.0), 30);
        assert_eq!(seconds_left(30_000.0, 1_000.0), 29);
        assert_eq!(seconds_left(30_000.0, 29_999.0), 1);
        assert_eq!(seconds_left(30_000.0, 30_000.0), 0);
        assert_eq!(seconds_left(30_000.0, 45_000.0), 0);
    }

    #[test]
    fn announcements_come_at_most_every_five_seconds() {
        let said: Vec<Option<u32>> = (0..=30).rev().map(|r| polite_mark(r, 30)).collect();
        // 30 → nothing (the assertive start says it), then 20, 10 and 5.
        let mut changes: Vec<u32> = said.iter().flatten().copied().collect();
        changes.dedup();
        assert_eq!(changes, [20, 10, 5]);
        assert_eq!(polite_mark(30, 30), None);
        assert_eq!(polite_mark(21, 30), None);
        assert_eq!(polite_mark(0, 30), None);
        // A 23 s warning: 20, 10, 5.
        let mut marks: Vec<u32> = (1..=23).rev().filter_map(|r| polite_mark(r, 23)).collect();
        marks.dedup();
        assert_eq!(marks, [20, 10, 5]);
    }
}
