//! What only the app reads from the outside world: profiles the host hands over and the
//! browser's history (the URL, clock, storage and fetch are `strata_ui::services`, shared
//! with the kiosk). Only the root component calls these.

pub mod bridge;
pub mod history;
pub mod prefs;
