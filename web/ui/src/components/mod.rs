//! Components more than one face shows: props in, callbacks out, no I/O.

pub mod error_card;
pub mod tier_card;
