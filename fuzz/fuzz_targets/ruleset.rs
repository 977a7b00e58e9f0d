//! Ruleset JSON from the fuzzer: parsed, compiled, linted (the product team's path) and,
//! when it compiles, used to evaluate a few fixed profiles (the bank's path).
#![no_main]

use libfuzzer_sys::fuzz_target;
use strata_core::{Engine, lint, parse_ruleset};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ruleset = match parse_ruleset(text) {
        Ok(ruleset) => ruleset,
        Err(errors) => {
            let _ = errors.to_string();
            return;
        }
    };
    let _ = lint::lint(&ruleset);
    let Some(engine) = strata_fuzz::built(Engine::new(ruleset)) else {
        return;
    };
    strata_fuzz::evaluate_fixtures(&engine);
});
