//! The display settings this device remembers: theme and text size (the language is kept by
//! `strata_ui::services::storage`). Nothing personal. They are applied as `data-theme` and
//! `data-text` on `<html>`; `web/prefs.js` applies the same keys before the first paint.

use strata_ui::services::storage;

const THEME: &str = "strata.theme";
const TEXT: &str = "strata.text";
/// Every key the app keeps, for "clear this device's data".
const KEYS: [&str; 3] = [storage::KEY, THEME, TEXT];

/// Light, dark, or the system's choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Text size on top of the system's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    /// As the system sets it.
    #[default]
    Standard,
    /// A quarter larger.
    Large,
    /// Half as large again.
    Larger,
}

impl Theme {
    /// Every choice, in the order shown.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored and attribute value.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.tag() == tag)
    }
}

impl TextSize {
    /// Every choice, in the order shown.
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Large, TextSize::Larger];

    /// The stored and attribute value.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.tag() == tag)
    }
}

/// The display settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prefs {
    /// Theme.
    pub theme: Theme,
    /// Text size.
    pub text: TextSize,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn get(key: &str) -> Option<String> {
    local().and_then(|s| s.get_item(key).ok().flatten())
}

/// The remembered settings (defaults where none or storage is off).
#[must_use]
pub fn load() -> Prefs {
    Prefs {
        theme: get(THEME)
            .and_then(|t| Theme::from_tag(&t))
            .unwrap_or_default(),
        text: get(TEXT)
            .and_then(|t| TextSize::from_tag(&t))
            .unwrap_or_default(),
    }
}

/// Remembers and applies the settings (storage may be off; then they last for this page).
pub fn save(p: Prefs) {
    if let Some(s) = local() {
        let _ = s.set_item(THEME, p.theme.tag());
        let _ = s.set_item(TEXT, p.text.tag());
    }
    apply(p);
}

/// Sets `data-theme` and `data-text` on `<html>`.
pub fn apply(p: Prefs) {
    if let Some(el) = gloo_utils::document().document_element() {
        let _ = el.set_attribute("data-theme", p.theme.tag());
        let _ = el.set_attribute("data-text", p.text.tag());
    }
}

/// Forgets everything the app keeps on this device and shows the defaults.
pub fn clear() {
    if let Some(s) = local() {
        for k in KEYS {
            let _ = s.remove_item(k);
        }
    }
    apply(Prefs::default());
}
