//! Everything that touches the outside world and more than one face reads: the URL, the
//! clock, local storage and the network. Only a face's root component calls these.

pub mod clock;
pub mod fetch;
pub mod storage;
pub mod timing;
pub mod url;

use crate::i18n::Locale;

/// The language a page starts in: `?lang=`, else the remembered choice, else Chinese.
#[must_use]
pub fn start_locale() -> Locale {
    url::param("lang")
        .and_then(|l| Locale::from_tag(&l))
        .or_else(storage::load_locale)
        .unwrap_or(Locale::ZhCn)
}
