//! What Strata's three faces share — the customer app (`strata-web`), the branch kiosk
//! (`strata-kiosk`) and the embeddable widget (`strata-widget`): components more than one
//! face shows (the tier card, the error card), money and date formats, the message tables
//! in zh-CN and en, the one load-error type, and the browser services (URL, clock,
//! storage, fetch) that the app and the kiosk both read.
//!
//! Nothing here is a screen of its own, and nothing knows which face it is in.

pub mod components;
pub mod engine;
pub mod error;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod sentences;
pub mod services;
pub mod shared;
pub mod tier;
