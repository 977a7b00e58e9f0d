//! Catalog JSON from the fuzzer: parsed, validated against the shipped cn-retail ruleset and,
//! when it fits, used for recommendations to a few fixed profiles.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use strata_core::{Engine, parse_catalog, rulesets};

/// cn-retail without a catalog, compiled once; each input gets a clone to attach to.
fn cn_retail() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(rulesets::cn_retail()).expect("cn-retail compiles"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(catalog) = parse_catalog(text) else {
        return;
    };
    let Some(engine) = strata_fuzz::built(cn_retail().clone().with_catalog(catalog)) else {
        return;
    };
    strata_fuzz::evaluate_fixtures(&engine);
});
