//! The language choice, which every face remembers (the app also keeps its display settings,
//! in its own `services::prefs`). No personal data is ever stored.

use crate::i18n::Locale;

/// The storage key of the language.
pub const KEY: &str = "strata.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The remembered language, if any.
#[must_use]
pub fn load_locale() -> Option<Locale> {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|tag| Locale::from_tag(&tag))
}

/// Remembers the language (storage may be off in private mode; then it is simply not kept).
pub fn save_locale(locale: Locale) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, locale.tag());
    }
}
