//! Presentational components: props in, callbacks out, no I/O.

pub mod benefit_list;
pub mod error_card;
pub mod moment_list;
pub mod nav_link;
pub mod rec_card;
pub mod tier_card;
