//! The studio in a browser, mounted into its own element: a generated portfolio gives the
//! migration matrix; a moved threshold and a changed downgrade rule move customers; a
//! malformed CSV row is worded in both languages from core's typed error.
//! Each step waits for a condition on the page (Yew's scheduler flushed, the studio's slices
//! run between timers), bounded by a deadline, never for a fixed time.
#![cfg(target_arch = "wasm32")]

use strata_core::csv::Layout;
use strata_studio::Studio;
use strata_studio::i18n::load_error;
use strata_studio::load::{LoadError, yield_now};
use strata_ui::i18n::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = gloo_utils::document();
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<Studio>::with_root(root.clone()).render();
    root
}

fn set_search(search: &str) {
    let history = gloo_utils::window().history().expect("a history");
    let path = gloo_utils::window().location().pathname().expect("a path");
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        )
        .expect("the URL replaced");
}

/// The text of `selector` once `ok` holds for it, or a panic after 60 s of slices.
async fn wait_for(root: &web_sys::Element, selector: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = strata_studio::load::now();
    loop {
        yew::scheduler::flush().await;
        if let Ok(Some(el)) = root.query_selector(selector) {
            let text = el.text_content().unwrap_or_default();
            if ok(&text) {
                return text;
            }
        }
        assert!(
            strata_studio::load::now() - start < 60_000.0,
            "{selector} never showed what was awaited"
        );
        yield_now().await;
    }
}

fn element<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<T>().ok())
        .unwrap_or_else(|| panic!("{selector} is not rendered"))
}

/// Types `value` into an input or picks it in a select, as a person would.
fn set(root: &web_sys::Element, selector: &str, value: &str, event: &str) {
    let el: web_sys::HtmlElement = element(root, selector);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let e = web_sys::Event::new_with_event_init_dict(event, &init).expect("an event");
    el.dispatch_event(&e).expect("dispatched");
}

fn count(text: &str) -> u64 {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn a_generated_portfolio_moves_with_a_threshold_and_a_downgrade_rule() {
    set_search("?lang=zh-CN&asof=2026-11-25");
    let root = mount();
    wait_for(&root, "h1", |t| t.contains("分层规则工作室")).await;
    set(&root, "#gen-count", "3000", "input");
    yew::scheduler::flush().await;
    let generate: web_sys::HtmlButtonElement = element(&root, "form button[type=submit]");
    generate.click();
    wait_for(&root, ".studio-loaded", |t| {
        t.contains("已载入 3000 位客户")
    })
    .await;
    let before = wait_for(&root, "#downgrades", |t| t.contains("降级：")).await;
    assert_eq!(count(&before), 0, "{before}");
    // Mid-upper (the third threshold) from ¥200,000 to ¥250,000: some move down.
    let threshold: web_sys::HtmlInputElement = root
        .query_selector_all(".studio-threshold")
        .ok()
        .and_then(|all| all.item(2))
        .and_then(|n| n.dyn_into().ok())
        .expect("a third threshold");
    threshold.set_value("250000");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    threshold
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).expect("event"))
        .expect("dispatched");
    let moved = wait_for(&root, "#downgrades", |t| count(t) > 0).await;
    // The generated customers hold no tier yet, so the downgrade rule changes nothing for
    // them; the form still writes it into the candidate, which the JSON shows.
    set(&root, "#downgrade-kind", "grace", "change");
    wait_for(&root, "#raw-json", |_| true).await;
    let json: web_sys::HtmlTextAreaElement = element(&root, "#raw-json");
    let start = strata_studio::load::now();
    while !json.value().contains("\"grace\"") {
        assert!(
            strata_studio::load::now() - start < 30_000.0,
            "{}",
            json.value()
        );
        yew::scheduler::flush().await;
        yield_now().await;
    }
    let months: web_sys::HtmlInputElement = element(&root, "#downgrade-n");
    assert!(!months.value().is_empty());
    assert_eq!(
        wait_for(&root, "#downgrades", |t| count(t) > 0).await,
        moved
    );
    root.remove();
}

#[wasm_bindgen_test]
fn a_bad_csv_cell_is_worded_in_both_languages() {
    let layout = Layout::from_header("id,birth_date,deposit").expect("a header");
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
    let errors = layout
        .read("c2,1985-05-05,not-money", 3, as_of)
        .expect_err("a bad amount");
    let e = LoadError::Csv(errors.0[0].clone());
    let zh = load_error(Locale::ZhCn, &e);
    let en = load_error(Locale::En, &e);
    assert_eq!(
        zh,
        "第 3 行，deposit：“not-money”不是金额，请写成 162500.00 的格式（最多两位小数）"
    );
    assert_eq!(
        en,
        "Row 3, deposit: `not-money` is not an amount like 162500.00 (two decimals at most)"
    );
}
