//! One component per route.

pub mod benefits;
pub mod compare;
pub mod home;
pub mod kiosk;
pub mod not_found;
pub mod product;
pub mod settings;
pub mod what_if;
