//! A recommended product: name, pitch and the reason sentences, linking to its details.

use strata_core::recommend::Recommendation;
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::i18n::{Msg, t};
use crate::route::Route;
use crate::sentences;
use crate::view::View;

/// Props of [`RecCard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to render.
    pub view: View,
    /// The recommendation.
    pub rec: Recommendation,
}

/// One recommendation.
#[component]
pub fn RecCard(props: &Props) -> Html {
    let v = &props.view;
    let c = v.ctx();
    let r = &props.rec;
    let tag = v.locale.tag();
    let reason = r.reasons.first().map(|x| sentences::reason(&c, x));
    html! {
        <li class="card rec" data-testid="rec" data-product={r.product.clone()}>
            <h3>{ r.name.get(tag) }</h3>
            <p class="pitch">{ r.pitch.get(tag) }</p>
            if let Some(reason) = reason {
                <p class="reason" data-testid="reason">{ reason }</p>
            }
            <NavLink to={Route::Product { id: r.product.clone() }} classes={classes!("more")}>
                { t(v.locale, Msg::Details) }
                <span class="visually-hidden">{ if v.locale == crate::i18n::Locale::ZhCn { "：" } else { ": " } }{ r.name.get(tag) }</span>
            </NavLink>
        </li>
    }
}
