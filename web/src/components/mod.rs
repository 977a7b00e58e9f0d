//! Presentational components: props in, callbacks out, no I/O.

pub mod tier_card;
