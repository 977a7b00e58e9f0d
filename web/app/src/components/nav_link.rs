//! A link to a route that keeps the query string (persona, as-of date, profile URL), so a
//! deep link or a reload shows the same customer, and marks the current page; and the tab
//! bar's icons (inline SVG, hidden from screen readers: the label beside it is the name).

use yew::prelude::*;

use crate::route::{Nav, Route};
use crate::services::history;

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

/// An anchor that navigates with the history API (through the root's [`Nav`]).
#[component]
pub fn NavLink(props: &Props) -> Html {
    let nav = use_context::<Nav>();
    let href = history::href(&props.to);
    let onclick = {
        let to = props.to.clone();
        let go = nav.as_ref().map(|n| n.go.clone());
        Callback::from(move |e: MouseEvent| {
            // Let the browser handle new tabs and windows.
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            if let Some(go) = &go {
                e.prevent_default();
                go.emit(to.clone());
            }
        })
    };
    let aria_current = nav.is_some_and(|n| n.route == props.to).then_some("page");
    html! {
        <a {href} {onclick} class={props.classes.clone()} aria-current={aria_current}
           data-testid={props.testid.clone()}>{ props.children.clone() }</a>
    }
}

/// The tab bar's icons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A house.
    Home,
    /// A gift.
    Benefits,
    /// Stacked tiers.
    Tiers,
    /// A slider.
    WhatIf,
    /// A gear.
    Settings,
}

/// An icon as inline SVG (24×24, stroked in the text's colour), `aria-hidden`.
pub fn icon(i: Icon) -> Html {
    let d = match i {
        Icon::Home => "M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10",
        Icon::Benefits => {
            "M4 11h16v9H4zM3 7h18v4H3zM12 7v13M12 7c-1-3-5-4-5-1s5 1 5 1zm0 0c1-3 5-4 5-1s-5 1-5 1z"
        }
        Icon::Tiers => "M12 3l9 4-9 4-9-4zM3 12l9 4 9-4M3 17l9 4 9-4",
        Icon::WhatIf => "M4 7h16M4 17h16M9 4v6M15 14v6",
        Icon::Settings => {
            "M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1"
        }
    };
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"
             focusable="false" fill="none" stroke="currentColor" stroke-width="1.8"
             stroke-linecap="round" stroke-linejoin="round">
            <path {d} />
        </svg>
    }
}
