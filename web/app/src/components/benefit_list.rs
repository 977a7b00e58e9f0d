//! A tier's benefits grouped by the ruleset's categories.

use strata_core::ruleset::Benefits;
use strata_ui::i18n::{Locale, t};
use yew::prelude::*;

use crate::i18n::AppMsg;
use crate::sentences;

/// Props of [`BenefitList`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The benefits.
    pub benefits: Benefits,
    /// Display language.
    pub locale: Locale,
    /// Heading level of the category titles (2 on the Benefits page, 3 inside a card).
    #[prop_or(2)]
    pub level: u8,
}

/// Every category with its items; empty categories say so.
#[component]
pub fn BenefitList(props: &Props) -> Html {
    let l = props.locale;
    html! {
        <div class="benefits">
            { for props.benefits.categories().into_iter().map(|(cat, items)| {
                let title = sentences::category(l, cat);
                let heading = if props.level <= 2 {
                    html! { <h2>{ title }</h2> }
                } else {
                    html! { <h3>{ title }</h3> }
                };
                html! {
                    <section class="benefit-group">
                        { heading }
                        if items.is_empty() {
                            <p class="muted">{ t(l, AppMsg::NoBenefits) }</p>
                        } else {
                            <ul>
                                { for items.iter().map(|i| html! { <li>{ i.text.get(l.tag()) }</li> }) }
                            </ul>
                        }
                    </section>
                }
            }) }
        </div>
    }
}
