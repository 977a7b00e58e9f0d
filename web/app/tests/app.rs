//! The app in a browser: mounted into its own element (the test runner's output lives in
//! the body). Without a profile it shows no tier, only the error card with a retry; in demo
//! mode (`?demo=1`) it renders the demo customer's tier and reason sentences, and switches
//! language.
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

/// Puts `search` (`?demo=1`) in the page's URL, as a link would.
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

#[wasm_bindgen_test]
async fn without_a_profile_no_tier_then_the_demo_in_both_languages() {
    set_search("");
    let root = mount();
    let card = text_of(&root, "[data-testid=error-card]").await;
    assert!(card.contains("暂时无法显示您的等级"), "{card}");
    assert!(
        !card.contains("profile"),
        "no technical detail on screen: {card}"
    );
    assert!(
        root.query_selector("[data-testid=retry]")
            .ok()
            .flatten()
            .is_some()
    );
    assert!(root.query_selector("#tier-name").ok().flatten().is_none());
    root.remove();

    set_search("?demo=1");
    let root = mount();
    let banner = text_of(&root, "[data-testid=demo-banner]").await;
    assert!(banner.contains("演示模式"), "{banner}");
    let tier = text_of(&root, "#tier-name").await;
    assert!(tier.contains("金卡"), "{tier}");
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
