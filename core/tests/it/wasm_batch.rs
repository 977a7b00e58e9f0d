//! The batch JS API in headless Chromium: typed-array columns and JSON Lines in, typed arrays
//! out, the same tiers as `evaluate`, and bad input reported by row or thrown as a typed error.

use js_sys::{Array, BigInt64Array, Int32Array, Object, Reflect, Uint8Array, Uint16Array};
use strata_core::wasm::JsEngine;
use strata_core::wasm::batch::JsPortfolio;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn set(o: &Object, k: &str, v: &JsValue) {
    Reflect::set(o, &k.into(), v).unwrap();
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap()
}

fn strings(items: &[&str]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from(*s))
        .collect::<Array>()
        .into()
}

/// Days since 1970-01-01.
fn days(iso: &str) -> i32 {
    let d: chrono::NaiveDate = iso.parse().unwrap();
    (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32
}

/// Four customers: mid-upper, mid-lower kept by a deferred downgrade, potential, and one
/// with a negative balance.
fn columns() -> Object {
    let c = Object::new();
    let cents: [i64; 4] = [25_000_000, 6_000_000, 1_000_000, -100];
    set(&c, "assets", &BigInt64Array::from(&cents[..]).into());
    set(&c, "ids", &strings(&["a", "b", "c", "d"]));
    let birth = [
        days("1980-01-01"),
        days("1970-05-05"),
        days("2002-03-03"),
        days("1990-01-01"),
    ];
    set(&c, "birthDate", &Int32Array::from(&birth[..]).into());
    set(
        &c,
        "education",
        &Uint8Array::from(&[5u8, 3, 4, 5][..]).into(),
    );
    set(&c, "tierIds", &strings(&["high_end"]));
    let history = Object::new();
    set(
        &history,
        "tier",
        &Uint16Array::from(&[65535u16, 0, 65535, 65535][..]).into(),
    );
    let since = [0, days("2024-01-01"), 0, 0];
    set(&history, "since", &Int32Array::from(&since[..]).into());
    set(&c, "history", &history.into());
    c
}

#[wasm_bindgen_test]
fn columns_in_typed_arrays_out() {
    let engine = JsEngine::builtin("cn-retail").unwrap();
    let mut p = JsPortfolio::new(&engine, "2026-11-25").unwrap();
    let bad = p.push_columns(columns().into()).unwrap();
    // The negative balance is reported by row and column; the row keeps its place.
    let bad: Array = bad.unchecked_into();
    assert_eq!(bad.length(), 1);
    let first = bad.get(0);
    assert_eq!(get(&first, "row").as_f64(), Some(3.0));
    let issue = get(&get(&first, "errors"), "0");
    assert_eq!(get(&issue, "path").as_string().as_deref(), Some("assets"));
    assert_eq!(get(&issue, "type").as_string().as_deref(), Some("negative"));
    assert_eq!(p.length(), 4);
    assert_eq!(p.id(2).as_deref(), Some("c"));

    let t = p.tier_all(&engine, JsValue::UNDEFINED).unwrap();
    let tier: Uint16Array = get(&t, "tier").unchecked_into();
    // mid_upper, high_end kept (deferred downgrade), potential, not tiered.
    assert_eq!(tier.to_vec(), [2, 1, 4, 65535]);
    let rules: Array = get(&t, "rules").unchecked_into();
    let rule: Uint8Array = get(&t, "rule").unchecked_into();
    let names: Vec<String> = rule
        .to_vec()
        .iter()
        .take(3)
        .map(|r| rules.get(u32::from(*r)).as_string().unwrap())
        .collect();
    assert_eq!(names, ["qualified", "deferred_downgrade", "qualified"]);
    let target: Uint16Array = get(&t, "target").unchecked_into();
    let cents: BigInt64Array = get(&t, "targetCents").unchecked_into();
    // mid-upper's customer is 750,000 short of high-end.
    assert_eq!(target.get_index(0), 1);
    assert_eq!(cents.get_index(0), 75_000_000);

    // Without targets, no target columns.
    let options = Object::new();
    set(&options, "targets", &false.into());
    let lean = p.tier_all(&engine, options.into()).unwrap();
    assert!(get(&lean, "target").is_undefined());
}

#[wasm_bindgen_test]
fn jsonl_in_with_a_bad_line() {
    let engine = JsEngine::builtin("cn-retail").unwrap();
    let mut p = JsPortfolio::new(&engine, "2026-11-25").unwrap();
    let text = "{\"id\":\"a\",\"birth_date\":\"1980-01-01\",\"education\":\"bachelor\",\
                \"holdings\":[{\"product\":\"d\",\"family\":\"deposit\",\"balance\":\"1200000\"}]}\r\n\
                \n\
                {\"id\":\"b\",\"holdings\":\"none\"}\n";
    let bad: Array = p.push_jsonl(&engine, text).unwrap().unchecked_into();
    assert_eq!(bad.length(), 1);
    assert_eq!(get(&bad.get(0), "row").as_f64(), Some(1.0));
    let t = p.tier_all(&engine, JsValue::UNDEFINED).unwrap();
    let tier: Uint16Array = get(&t, "tier").unchecked_into();
    assert_eq!(tier.to_vec(), [1, 65535]);
}

#[wasm_bindgen_test]
fn a_column_of_the_wrong_length_throws() {
    let engine = JsEngine::builtin("cn-retail").unwrap();
    let mut p = JsPortfolio::new(&engine, "2026-11-25").unwrap();
    let c = columns();
    set(&c, "education", &Uint8Array::from(&[5u8][..]).into());
    let err = p.push_columns(c.into()).unwrap_err();
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("StrataError")
    );
    assert_eq!(get(&err, "kind").as_string().as_deref(), Some("input"));
    let issue = get(&get(&err, "errors"), "0");
    assert_eq!(
        get(&issue, "path").as_string().as_deref(),
        Some("education")
    );
    // Nothing was loaded.
    assert_eq!(p.length(), 0);
}

#[wasm_bindgen_test]
fn another_currency_throws() {
    let engine = JsEngine::builtin("cn-retail").unwrap();
    let usd = JsEngine::builtin("us-rewards").unwrap();
    let mut p = JsPortfolio::new(&engine, "2026-11-25").unwrap();
    p.push_columns(columns().into()).unwrap();
    let err = p.tier_all(&usd, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "kind").as_string().as_deref(), Some("ruleset"));
}

#[wasm_bindgen_test]
fn rows_a_ruleset_cannot_tier_are_counted_and_explained() {
    let engine = JsEngine::builtin("cn-retail").unwrap();
    let mut p = JsPortfolio::new(&engine, "2026-11-25").unwrap();
    let c = Object::new();
    set(
        &c,
        "assets",
        &BigInt64Array::from(&[100i64, 200, 300][..]).into(),
    );
    p.push_columns(c.into()).unwrap();
    // cn-retail reads age and education, which these rows lack.
    let t = p.tier_all(&engine, JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&t, "errorRows").as_f64(), Some(3.0));
    let errors: Array = get(&t, "errors").unchecked_into();
    assert_eq!(errors.length(), 3);
    let reasons: Array = get(&errors.get(0), "errors").unchecked_into();
    let paths: Vec<String> = reasons
        .iter()
        .map(|r| get(&r, "path").as_string().unwrap())
        .collect();
    // In the order evaluate reports them: the ruleset's metrics in order of use.
    assert_eq!(paths, ["$.education", "$.birth_date"]);
    // cn-star reads balances only: the same rows tier there.
    let star = JsEngine::builtin("cn-star").unwrap();
    let t = p.tier_all(&star, JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&t, "errorRows").as_f64(), Some(0.0));
}
