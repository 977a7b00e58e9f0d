//! Not found: an unknown path, with the way home.

use strata_ui::i18n::{Locale, t};
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::i18n::AppMsg;
use crate::route::Route;

/// Props of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Display language.
    pub locale: Locale,
}

/// The not-found screen.
#[component]
pub fn NotFound(props: &Props) -> Html {
    let l = props.locale;
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::NotFound) }</h1>
            <NavLink to={Route::Home} classes={classes!("button")}>{ t(l, AppMsg::GoHome) }</NavLink>
        </>
    }
}
