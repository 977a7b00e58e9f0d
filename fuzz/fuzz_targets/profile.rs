//! Profile JSON from the fuzzer, evaluated against every shipped ruleset (cn-retail with its
//! shipped catalog) with recommendations: the path every bank's app takes per customer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use strata_core::Profile;

fuzz_target!(|data: &[u8]| {
    // Core reads text; turning bytes into text is the caller's job.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = Profile::from_json(text) else {
        return;
    };
    for engine in strata_fuzz::engines() {
        strata_fuzz::evaluate(
            engine,
            &profile,
            strata_fuzz::as_of(),
            &strata_fuzz::OPTIONS,
        );
    }
});
