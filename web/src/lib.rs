//! Strata's customer-facing Yew app (placeholder until the engine lands).

use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    html! { <main><h1>{ "Strata" }</h1></main> }
}

/// Mounts the app on the document body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
