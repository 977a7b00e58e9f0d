//! Presentational components: props in, callbacks out, no I/O.

pub mod benefit_tile;
pub mod icon;
pub mod moment_list;
pub mod nav_link;
pub mod rec_card;
