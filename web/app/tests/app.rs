//! The app in a browser: mounted into its own element (the test runner's output lives in
//! the body). Without a profile it shows no tier, only the error card with a retry; in demo
//! mode (`?demo=1`) it renders the demo customer's tier and reason sentences, and switches
//! language.
//! Each step waits for Yew's scheduler to finish its work (`yew::scheduler::flush`), not for
//! a timer: a slow machine cannot make it pass or fail by chance. Demo mode fetches its
//! personas from `/demo/` (the build copies them there); the test runner's server has no such
//! folder, so the page's `fetch` answers those requests with the same files.
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

/// The text of the element `selector` names, once every render Yew has queued is done. A
/// render that waits on a fetch (demo mode's personas) is awaited by letting the page run its
/// pending tasks between checks, a bounded number of times.
async fn text_of(root: &web_sys::Element, selector: &str) -> String {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if let Ok(Some(el)) = root.query_selector(selector) {
            return el.text_content().unwrap_or_default();
        }
        next_task().await;
    }
    panic!("{selector} is not rendered")
}

/// Resolves after the tasks the page has queued now (a zero-delay timeout).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ =
            gloo_utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Makes the page's `fetch` answer `/demo/<id>.json` with the shipped persona files, as the
/// release build's `dist/demo/` would.
fn serve_demo() {
    let files = js_sys::Object::new();
    for (id, json) in [
        ("wang-jianguo", include_str!("../demo/wang-jianguo.json")),
        ("zhao-min", include_str!("../demo/zhao-min.json")),
        ("zhou-tao", include_str!("../demo/zhou-tao.json")),
        ("xu-hui", include_str!("../demo/xu-hui.json")),
        ("chen-jing", include_str!("../demo/chen-jing.json")),
        ("li-wei", include_str!("../demo/li-wei.json")),
        ("sun-li", include_str!("../demo/sun-li.json")),
        ("liu-yang", include_str!("../demo/liu-yang.json")),
        ("zhang-xiaoyu", include_str!("../demo/zhang-xiaoyu.json")),
        ("he-qiang", include_str!("../demo/he-qiang.json")),
    ] {
        js_sys::Reflect::set(&files, &format!("/demo/{id}.json").into(), &json.into())
            .expect("a file set");
    }
    let install = js_sys::Function::new_with_args(
        "files",
        "const real = globalThis.fetch; \
         globalThis.fetch = (url, init) => Object.hasOwn(files, String(url)) \
           ? Promise.resolve(new Response(files[String(url)])) : real(url, init);",
    );
    install
        .call1(&wasm_bindgen::JsValue::NULL, &files)
        .expect("fetch wrapped");
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
    serve_demo();
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
