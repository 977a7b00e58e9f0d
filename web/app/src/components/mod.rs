//! Presentational components: props in, callbacks out, no I/O.

pub mod benefit_list;
pub mod moment_list;
pub mod nav_link;
pub mod rec_card;
