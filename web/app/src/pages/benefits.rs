//! Benefits: everything the current tier brings, by the ruleset's categories.

use strata_ui::i18n::{fill, t};
use yew::prelude::*;

use crate::components::benefit_list::BenefitList;
use crate::i18n::AppMsg;
use crate::pages::home::Props;

/// The benefits screen.
#[component]
pub fn Benefits(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let name = v.eval.tier.name.get(l.tag());
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::BenefitsTitle) }</h1>
            <p class="intro">{ fill(l, AppMsg::BenefitsIntro, &[("tier", name)]) }</p>
            if let Some(tier) = v.tier() {
                <BenefitList benefits={tier.benefits.clone()} locale={l} />
            }
        </>
    }
}
