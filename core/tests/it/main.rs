//! strata-core's one integration-test binary: golden tables, validation, review policy,
//! snapshots over the JSON fixtures, property tests, the JSON Schemas against the reader,
//! and the same fixtures through the JS API in headless Chromium.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod boundaries;
#[cfg(not(target_arch = "wasm32"))]
mod columnar;
#[cfg(not(target_arch = "wasm32"))]
mod csv_columns;
#[cfg(not(target_arch = "wasm32"))]
mod currency;
#[cfg(not(target_arch = "wasm32"))]
mod domains;
#[cfg(not(target_arch = "wasm32"))]
mod fixtures;
#[cfg(not(target_arch = "wasm32"))]
mod hostile;
#[cfg(not(target_arch = "wasm32"))]
mod layout;
#[cfg(not(target_arch = "wasm32"))]
mod lean;
#[cfg(not(target_arch = "wasm32"))]
mod profiles;
#[cfg(not(target_arch = "wasm32"))]
mod props;
#[cfg(not(target_arch = "wasm32"))]
mod recommend;
#[cfg(not(target_arch = "wasm32"))]
mod review;
#[cfg(not(target_arch = "wasm32"))]
mod scenarios;
#[cfg(all(not(target_arch = "wasm32"), feature = "schema"))]
mod schema;
#[cfg(not(target_arch = "wasm32"))]
mod studio;
#[cfg(not(target_arch = "wasm32"))]
mod validation;
#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
mod wasm_api;
#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
mod wasm_batch;
