//! One benefit as a tile: its icon, its text and, when the tier adds it over the tier below,
//! a "new" or "upgraded" tag in words (colour only repeats what the tag says).

use strata_core::benefits::{Marked, Standing};
use strata_ui::i18n::{Locale, t};
use yew::prelude::*;

use crate::components::icon::BenefitIcon;
use crate::i18n::AppMsg;

/// The tag's words and class for a standing, if it gets one.
#[must_use]
pub fn tag(locale: Locale, standing: Standing) -> Option<(&'static str, &'static str)> {
    match standing {
        Standing::Gained => Some((t(locale, AppMsg::Gained), "gained")),
        Standing::Upgraded => Some((t(locale, AppMsg::Upgraded), "upgraded")),
        Standing::Same => None,
    }
}

/// Props of [`BenefitTile`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The benefit and how it stands against the tier below.
    pub marked: Marked,
    /// Display language.
    pub locale: Locale,
}

/// A benefit tile (an `<li>`).
#[component]
pub fn BenefitTile(props: &Props) -> Html {
    let b = &props.marked.benefit;
    let tag = tag(props.locale, props.marked.standing);
    html! {
        <li class={classes!("benefit-tile", tag.map(|(_, c)| c))} data-testid="benefit"
            data-kind={b.kind.clone()}>
            <BenefitIcon category={b.category} kind={b.kind.clone()} />
            <span class="benefit-text">{ b.text.get(props.locale.tag()) }</span>
            if let Some((words, _)) = tag {
                <span class="tag" data-testid="benefit-tag">{ words }</span>
            }
        </li>
    }
}
