//! One component per route.

pub mod benefits;
pub mod compare;
pub mod home;
pub mod not_found;
pub mod product;
pub mod settings;
pub mod what_if;
