//! A link to a route that keeps the query string (persona, as-of date, profile URL), so a
//! deep link or a reload shows the same customer, and marks the current page.

use strata_ui::services::url;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

/// Props of [`NavLink`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Where to.
    pub to: Route,
    /// Classes of the anchor.
    #[prop_or_default]
    pub classes: Classes,
    /// Content.
    #[prop_or_default]
    pub children: Html,
    /// Test id.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// An anchor that navigates with the history API.
#[component]
pub fn NavLink(props: &Props) -> Html {
    let navigator = use_navigator();
    let current = use_route::<Route>();
    let pairs = url::query_pairs();
    let href = format!("{}{}", props.to.to_path(), url::search_string(&pairs));
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            // Let the browser handle new tabs and windows.
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            if let Some(nav) = &navigator {
                e.prevent_default();
                let _ = nav.push_with_query(&to, &url::query_pairs());
            }
        })
    };
    let aria_current = (current.as_ref() == Some(&props.to)).then_some("page");
    html! {
        <a {href} {onclick} class={props.classes.clone()} aria-current={aria_current}
           data-testid={props.testid.clone()}>{ props.children.clone() }</a>
    }
}
