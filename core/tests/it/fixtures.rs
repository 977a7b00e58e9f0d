//! Snapshots of every case in `tests/fixtures/cases/` (insta), the same files the wasm test
//! evaluates through the JS API.

use std::fs;
use std::path::Path;

use serde::Deserialize;
use strata_core::recommend::{Audience, Options};
use strata_core::{Engine, Profile, catalogs, rulesets};

/// A fixture: a shipped ruleset, a date and a profile.
#[derive(Deserialize)]
pub struct Case {
    pub ruleset: String,
    pub as_of: chrono::NaiveDate,
    #[allow(dead_code)] // Documentation for the reader of the fixture.
    pub note: String,
    pub profile: serde_json::Value,
}

fn cases_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cases"))
}

#[test]
fn every_case_matches_its_snapshot() {
    let mut names: Vec<String> = fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in &names {
        let case: Case =
            serde_json::from_str(&fs::read_to_string(cases_dir().join(name)).unwrap()).unwrap();
        let mut engine = Engine::new(rulesets::builtin(&case.ruleset).unwrap()).unwrap();
        if let Some(catalog) = catalogs::for_ruleset(&case.ruleset) {
            engine = engine.with_catalog(catalog).unwrap();
        }
        let profile = Profile::from_json(&case.profile.to_string()).unwrap();
        // What a customer's device gets (the JS API's default, which the wasm test compares)…
        let eval = engine.evaluate(&profile, case.as_of).unwrap();
        let stem = name.trim_end_matches(".json");
        insta::assert_json_snapshot!(stem, eval);
        // …and what staff get: everything.
        let staff = Options {
            audience: Audience::Staff,
            ..Options::default()
        };
        let eval = engine.evaluate_with(&profile, case.as_of, &staff).unwrap();
        insta::assert_json_snapshot!(format!("{stem}--staff"), eval);
    }
    // The wasm test lists the cases by name (include_str! needs literals): keep it in step.
    let listed = include_str!("case_list.rs");
    for name in &names {
        let stem = name.trim_end_matches(".json");
        assert!(
            listed.contains(&format!("\"{stem}\"")),
            "add {stem} to tests/it/case_list.rs"
        );
    }
}
