//! The fixture cases through the JS API in headless Chromium: results must equal the native
//! snapshots, byte for byte once parsed.

use strata_core::wasm::JsEngine;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

include!("case_list.rs");

fn json(v: &JsValue) -> serde_json::Value {
    let text: String = js_sys::JSON::stringify(v).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

fn js(v: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&v.to_string()).unwrap()
}

/// The JSON body of an insta snapshot (after its `---` header).
fn snapshot_body(snap: &str) -> serde_json::Value {
    let body = snap.splitn(3, "---\n").nth(2).unwrap();
    serde_json::from_str(body).unwrap()
}

/// The native summary of the full evaluation of a case (staff with one offer, or the
/// defaults), as JSON text.
fn summary_text(case: &serde_json::Value, staff_top_1: bool) -> String {
    use strata_core::recommend::{Audience, Options};
    let id = case["ruleset"].as_str().unwrap();
    let mut engine = strata_core::Engine::new(strata_core::rulesets::builtin(id).unwrap()).unwrap();
    if let Some(catalog) = strata_core::catalogs::for_ruleset(id) {
        engine = engine.with_catalog(catalog).unwrap();
    }
    let profile = strata_core::Profile::from_json(&case["profile"].to_string()).unwrap();
    let options = if staff_top_1 {
        Options {
            top_n: Some(1),
            explain: false,
            audience: Audience::Staff,
        }
    } else {
        Options::default()
    };
    let as_of = case["as_of"].as_str().unwrap().parse().unwrap();
    let full = engine.evaluate_with(&profile, as_of, &options).unwrap();
    serde_json::to_string(&strata_core::summary::Summary::of(&full)).unwrap()
}

macro_rules! check_cases {
    ($($name:literal),* $(,)?) => {
        $(
            {
                let case: serde_json::Value =
                    serde_json::from_str(include_str!(concat!("../fixtures/cases/", $name, ".json"))).unwrap();
                let expected = snapshot_body(include_str!(concat!("snapshots/it__fixtures__", $name, ".snap")));
                let engine = JsEngine::builtin(case["ruleset"].as_str().unwrap()).unwrap();
                let full = js(&serde_json::json!({ "detail": "full" }));
                let got = engine
                    .evaluate(js(&case["profile"]), case["as_of"].as_str().unwrap(), full)
                    .unwrap_or_else(|e| panic!("{}: {:?}", $name, e));
                assert_eq!(json(&got), expected, "{}", $name);
                // The default is the lean summary of the same evaluation.
                let lean = engine
                    .evaluate(js(&case["profile"]), case["as_of"].as_str().unwrap(), JsValue::UNDEFINED)
                    .unwrap_or_else(|e| panic!("{}: {:?}", $name, e));
                assert_eq!(json(&lean)["tier"], expected["tier"]["id"], "{}", $name);
                assert_eq!(json(&lean)["qualified"], expected["qualified"]["id"], "{}", $name);
                assert!(json(&lean).get("ladder").is_none(), "{}", $name);
                // The lean object (built by the package's JS) is, as text, the summary of the
                // full evaluation, key for key, and the text `evaluateJson` gives.
                let as_of = case["as_of"].as_str().unwrap();
                let text: String = js_sys::JSON::stringify(&lean).unwrap().into();
                assert_eq!(text, summary_text(&case, false), "{}", $name);
                let json_text = engine
                    .evaluate_json(&case["profile"].to_string(), as_of, JsValue::UNDEFINED)
                    .unwrap_or_else(|e| panic!("{}: {:?}", $name, e));
                assert_eq!(text, json_text, "{}", $name);
                // Staff and fewer offers too.
                let options = js(&serde_json::json!({ "audience": "staff", "top_n": 1 }));
                let lean = engine
                    .evaluate(js(&case["profile"]), as_of, options)
                    .unwrap_or_else(|e| panic!("{}: {:?}", $name, e));
                let text: String = js_sys::JSON::stringify(&lean).unwrap().into();
                assert_eq!(text, summary_text(&case, true), "{}", $name);
            }
        )*
    };
}

#[wasm_bindgen_test]
fn fixtures_match_native_snapshots() {
    for_each_case!(check_cases);
}

/// A fresh engine from the shipped JSON text, through the constructor a host page calls:
/// the ruleset's text and its catalog's (a variant's borrowed, addressed to the variant).
fn engine_from_text(ruleset: &str) -> JsEngine {
    let text = strata_core::rulesets::json(ruleset).unwrap_or_else(|| panic!("no `{ruleset}`"));
    let rules: serde_json::Value = serde_json::from_str(text).unwrap();
    let base = strata_core::catalogs::VARIANTS
        .iter()
        .find(|(variant, _)| *variant == ruleset)
        .map_or(ruleset, |(_, base)| *base);
    let catalog = strata_core::catalogs::json(base).map_or(JsValue::UNDEFINED, |text| {
        let mut catalog: serde_json::Value = serde_json::from_str(text).unwrap();
        catalog["ruleset"] = ruleset.into();
        js(&catalog)
    });
    JsEngine::new(js(&rules), catalog).unwrap_or_else(|e| panic!("{ruleset}: {e:?}"))
}

macro_rules! check_staff_cases {
    ($($name:literal),* $(,)?) => {
        $(
            {
                let case: serde_json::Value =
                    serde_json::from_str(include_str!(concat!("../fixtures/cases/", $name, ".json"))).unwrap();
                let expected = snapshot_body(include_str!(concat!("snapshots/it__fixtures__", $name, "--staff.snap")));
                let ruleset = case["ruleset"].as_str().unwrap();
                let staff = js(&serde_json::json!({ "audience": "staff", "detail": "full" }));
                let as_of = case["as_of"].as_str().unwrap();
                // Two engines, each built on its own: the same answer from both.
                let [a, b] = [engine_from_text(ruleset), engine_from_text(ruleset)].map(|engine| {
                    let got = engine
                        .evaluate(js(&case["profile"]), as_of, staff.clone())
                        .unwrap_or_else(|e| panic!("{}: {:?}", $name, e));
                    js_sys::JSON::stringify(&got).map(String::from).unwrap()
                });
                assert_eq!(a, b, "{}: two engines disagree", $name);
                let a: serde_json::Value = serde_json::from_str(&a).unwrap();
                assert_eq!(a, expected, "{}", $name);
            }
        )*
    };
}

/// Staff results (every field) from two engines built separately from the shipped JSON
/// text agree with each other, as text, and with the native staff snapshots.
#[wasm_bindgen_test]
fn engines_built_apart_agree_with_each_other_and_the_native_snapshots() {
    for_each_case!(check_staff_cases);
}

#[wasm_bindgen_test]
fn errors_arrive_as_strata_errors_with_paths() {
    let engine = JsEngine::builtin("cn-retail").unwrap();
    let bad = serde_json::json!({ "id": "x", "education": "phd", "birth_date": "1990-01-01" });
    let err = json(
        &engine
            .evaluate(js(&bad), "2026-11-25", JsValue::UNDEFINED)
            .err()
            .unwrap(),
    );
    // JSON.stringify drops an Error's own message/name but keeps the extra properties.
    assert_eq!(err["kind"], "profile");
    assert_eq!(err["errors"][0]["type"], "parse");
    assert_eq!(err["errors"][0]["path"], "$.education");

    let mut ruleset: serde_json::Value =
        serde_json::from_str(strata_core::rulesets::json("cn-retail").unwrap()).unwrap();
    ruleset["tiers"][0]["criteria"]["metric"] = "wealth".into();
    ruleset["tiers"][1]["id"] = "private_banking".into();
    let err = json(
        &JsEngine::new(js(&ruleset), JsValue::UNDEFINED)
            .err()
            .unwrap(),
    );
    assert_eq!(err["kind"], "ruleset");
    assert_eq!(err["errors"].as_array().unwrap().len(), 2);
    let paths: Vec<&str> = err["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"$.tiers[0].criteria.metric") && paths.contains(&"$.tiers[1].id"),
        "{paths:?}"
    );

    let neg = serde_json::json!({ "id": "x", "education": "college", "birth_date": "1990-01-01",
        "holdings": [{ "product": "d", "family": "deposit", "balance": 12.5 }] });
    let err = json(
        &engine
            .evaluate(js(&neg), "2026-11-25", JsValue::UNDEFINED)
            .err()
            .unwrap(),
    );
    assert_eq!(err["errors"][0]["path"], "$.holdings[0].balance");

    let err = json(
        &engine
            .evaluate(
                js(&serde_json::json!({ "id": "x" })),
                "25/11/2026",
                JsValue::UNDEFINED,
            )
            .err()
            .unwrap(),
    );
    assert_eq!(err["kind"], "input");
}

/// The profile's JSON text reaches the engine whole whatever its size or characters: a
/// non-ASCII id comes back as given, and a text larger than the reused buffer (here an id
/// of 20,000 CJK characters, 60 KB) is read whole, its error naming the field.
#[wasm_bindgen_test]
fn profiles_of_any_text_are_read_whole() {
    let engine = JsEngine::builtin("cn-retail").unwrap();
    let profile = serde_json::json!({ "id": "客户-😀-\u{7f}x", "birth_date": "1990-01-01",
        "education": "college",
        "holdings": [{ "product": "d", "family": "deposit", "balance": "60000.00" }] });
    let lean = engine
        .evaluate(js(&profile), "2026-11-25", JsValue::UNDEFINED)
        .map_err(|e| json(&e))
        .unwrap_err();
    // U+007F is a control character: refused, by path.
    assert_eq!(lean["errors"][0]["path"], "$.id");
    let mut profile = profile;
    profile["id"] = "客户-😀".into();
    let lean = json(
        &engine
            .evaluate(js(&profile), "2026-11-25", JsValue::UNDEFINED)
            .unwrap(),
    );
    assert_eq!(lean["id"], "客户-😀");
    assert_eq!(lean["tier"], "mid_lower");
    profile["id"] = "客".repeat(20_000).into();
    let err = json(
        &engine
            .evaluate(js(&profile), "2026-11-25", JsValue::UNDEFINED)
            .err()
            .unwrap(),
    );
    assert_eq!(err["errors"][0]["path"], "$.id");
    // And the next small profile still reads.
    profile["id"] = "c-1".into();
    let lean = json(
        &engine
            .evaluate(js(&profile), "2026-11-25", JsValue::UNDEFINED)
            .unwrap(),
    );
    assert_eq!(lean["id"], "c-1");
}
