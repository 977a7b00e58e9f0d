//! A last-resort net around one input line's work: a panic there (a bug, in the engine or
//! here) becomes that line's error report instead of ending the batch and losing the rest.
//!
//! The panic hook stays quiet inside [`catch`] and keeps the message for the report; a panic
//! anywhere else still goes to the default hook.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    static MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Runs `work`, returning its panic's message and place if it panics.
///
/// `work` must leave nothing half-changed that outlives it: the caller discards whatever a
/// panicking call wrote (the engine itself is immutable, so it is unwind safe).
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDED.get() {
                MESSAGE.set(Some(describe(info)));
            } else {
                default(info);
            }
        }));
    });
    GUARDED.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    GUARDED.set(false);
    result.map_err(|payload| {
        MESSAGE.take().unwrap_or_else(|| {
            let text = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
            text.unwrap_or("a panic").to_owned()
        })
    })
}

/// The panic's message and where it happened: `message (at file:line:column)`.
fn describe(info: &PanicHookInfo<'_>) -> String {
    let message = info.payload_as_str().unwrap_or("a panic");
    match info.location() {
        Some(at) => format!("{message} (at {at})"),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::catch;

    #[test]
    fn a_panic_becomes_its_message_and_the_next_call_runs() {
        let err = catch(|| -> u32 { panic!("boom {}", 7) }).expect_err("panics");
        assert!(err.starts_with("boom 7 (at "), "{err}");
        assert!(err.contains("guard.rs"), "{err}");
        assert_eq!(catch(|| 1 + 1), Ok(2));
    }
}
