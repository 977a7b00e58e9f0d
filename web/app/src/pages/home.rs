//! Home: the tier card, key moments, top recommendations and the main benefits.

use strata_ui::components::tier_card::TierCard;
use strata_ui::i18n::{Msg, t};
use yew::prelude::*;

use crate::components::moment_list::MomentList;
use crate::components::nav_link::NavLink;
use crate::components::rec_card::{RecCard, shown_reasons};
use crate::i18n::AppMsg;
use crate::route::Route;
use crate::view::View;

/// Recommendations shown on Home (the rest are a product page away).
const TOP: usize = 3;

/// Props of every page that only reads.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to render.
    pub view: View,
}

/// The home screen.
#[component]
pub fn Home(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let assets = Some(v.eval.assets.0);
    let top_benefits = strata_ui::tier::headline_benefits(v.tier(), tag);
    let recs = &v.eval.recommendations[..v.eval.recommendations.len().min(TOP)];
    // One reason per card, each saying something the cards above do not.
    let reasons = shown_reasons(recs.iter().map(|r| r.reasons.as_slice()));
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::Title) }</h1>
            <TierCard evaluation={v.eval.clone()} engine={v.engine.clone()}
                      locale={l} {assets} />
            <section aria-labelledby="moments-title" class="section">
                <h2 id="moments-title">{ t(l, AppMsg::Moments) }</h2>
                <MomentList view={v.clone()} />
            </section>
            <section aria-labelledby="recs-title" class="section">
                <h2 id="recs-title">{ t(l, Msg::Recommendations) }</h2>
                if recs.is_empty() {
                    <p class="muted">{ t(l, AppMsg::NoRecommendations) }</p>
                } else {
                    <ul class="cards">
                        { for recs.iter().zip(reasons).map(|(r, reason)| html! {
                            <RecCard view={v.clone()} rec={r.clone()} reason={reason.cloned()} />
                        }) }
                    </ul>
                }
            </section>
            <section aria-labelledby="benefits-title" class="section">
                <h2 id="benefits-title">{ t(l, Msg::TopBenefits) }</h2>
                <ul class="card checklist">
                    { for top_benefits.into_iter().map(|b| html! { <li>{ b }</li> }) }
                </ul>
                <NavLink to={Route::Benefits} classes={classes!("more")}>{ t(l, Msg::AllBenefits) }</NavLink>
            </section>
        </>
    }
}
