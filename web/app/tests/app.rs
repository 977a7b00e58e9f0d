//! The app in a browser: mounted into its own element (the test runner's output lives in
//! the body), it renders the demo customer's tier and reason sentences, and switches language.
//! Each step waits for Yew's scheduler to finish its work (`yew::scheduler::flush`), not for
//! a timer: a slow machine cannot make it pass or fail by chance.
#![cfg(target_arch = "wasm32")]

use strata_web::App;
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
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

/// The text of the element `selector` names, once every render Yew has queued is done.
async fn text_of(root: &web_sys::Element, selector: &str) -> String {
    yew::scheduler::flush().await;
    match root.query_selector(selector) {
        Ok(Some(el)) => el.text_content().unwrap_or_default(),
        _ => panic!("{selector} is not rendered"),
    }
}

#[wasm_bindgen_test]
async fn renders_the_tier_and_reason_sentences_then_english() {
    let root = mount();
    let tier = text_of(&root, "#tier-name").await;
    assert!(tier.contains("中端客户"), "{tier}");
    let reason = text_of(&root, "[data-testid=reason]").await;
    // The demo customer's first offer fills a family not held; no tier-lift claim without
    // the means for new money.
    assert!(reason.contains("您尚未开通"), "{reason}");
    let button = root
        .query_selector("button.lang")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("the language button");
    button.click();
    let reason = text_of(&root, "[data-testid=reason]").await;
    assert!(reason.contains("You don't have any"), "{reason}");
    root.remove();
}
