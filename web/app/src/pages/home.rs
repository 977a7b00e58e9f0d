//! Home, as the tier page of a mobile banking app: the tier card (colour, mark, progress to
//! the nearest reachable tier — or, when the tier is at risk, the amount that keeps it and
//! the date that decides it first), the one next action right under it (on a 360×640 phone
//! both sit above the fold, demo banner or not), the three benefits that say most about the
//! tier, then key moments and offers.

use strata_core::benefits;
use strata_core::evaluation::{Evaluation, TierRef};
use strata_ui::components::tier_card::{TierCard, at_risk};
use strata_ui::i18n::{Msg, fill, t};
use yew::prelude::*;

use crate::components::benefit_tile::BenefitTile;
use crate::components::moment_list::MomentList;
use crate::components::nav_link::NavLink;
use crate::components::rec_card::{RecCard, shown_reasons};
use crate::i18n::AppMsg;
use crate::route::Route;
use crate::view::View;

/// Recommendations shown on Home (the rest are a product page away).
const TOP: usize = 3;

/// Benefits shown on Home.
const HIGHLIGHTS: usize = 3;

/// Props of every page that only reads.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to render.
    pub view: View,
}

/// The one thing Home asks the customer to do next.
#[derive(Clone, Debug, PartialEq)]
pub enum NextAction {
    /// Work out what keeps the tier (What-if).
    Keep,
    /// Work out how to reach the nearest reachable tier (What-if).
    Reach(TierRef),
    /// Look at the top offer.
    Offer(String),
}

/// The next action: keeping an at-risk tier comes before reaching the next one, and an offer
/// comes last, for a customer with no tier within reach.
#[must_use]
pub fn next_action(e: &Evaluation) -> Option<NextAction> {
    if at_risk(e).is_some() {
        return Some(NextAction::Keep);
    }
    if let Some(r) = &e.reach {
        return Some(NextAction::Reach(r.tier.clone()));
    }
    e.recommendations
        .first()
        .map(|r| NextAction::Offer(r.product.clone()))
}

/// The home screen.
#[component]
pub fn Home(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let c = v.ctx();
    let assets = Some(v.eval.assets.0);
    let highlights = benefits::highlights(v.engine().ruleset(), v.eval.tier.rank, HIGHLIGHTS);
    let recs = &v.eval.recommendations[..v.eval.recommendations.len().min(TOP)];
    // One reason per card, each saying something the cards above do not.
    let reasons = shown_reasons(recs.iter().map(|r| r.reasons.as_slice()));
    let action = next_action(&v.eval).map(|a| {
        let (to, text) = match a {
            NextAction::Keep => (Route::WhatIf, t(l, AppMsg::ActionKeep).to_owned()),
            NextAction::Reach(tier) => (
                Route::WhatIf,
                fill(l, AppMsg::ActionReach, &[("tier", tier.name.get(tag))]),
            ),
            NextAction::Offer(id) => {
                let text = fill(l, AppMsg::ActionOffer, &[("product", &c.product_name(&id))]);
                (Route::Product { id }, text)
            }
        };
        html! {
            <NavLink {to} classes={classes!("button", "primary", "next-action")}
                     testid={AttrValue::Static("next-action")}>{ text }</NavLink>
        }
    });
    let tier_name = v.eval.tier.name.get(tag);
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::Title) }</h1>
            <TierCard evaluation={v.eval.clone()} engine={v.engine.clone()}
                      locale={l} {assets} keep_first={true} />
            if let Some(action) = action {
                { action }
            } else if v.offers_pending {
                // The top offer may become the next action: its place is kept meanwhile, so
                // nothing under the card moves when it comes.
                <div class="next-action-placeholder" aria-hidden="true"></div>
            }
            if !highlights.is_empty() {
                <section aria-labelledby="highlights-title" class="section highlights">
                    <h2 id="highlights-title">{ fill(l, AppMsg::HighlightsTitle, &[("tier", tier_name)]) }</h2>
                    <ul class="highlight-grid" data-testid="highlights">
                        { for highlights.into_iter().map(|m| html! {
                            <BenefitTile marked={m} locale={l} />
                        }) }
                    </ul>
                    <NavLink to={Route::Benefits} classes={classes!("more")}>{ t(l, Msg::AllBenefits) }</NavLink>
                </section>
            }
            <section aria-labelledby="moments-title" class="section">
                <h2 id="moments-title">{ t(l, AppMsg::Moments) }</h2>
                <MomentList view={v.clone()} hide_keep={at_risk(&v.eval).is_some()} />
            </section>
            <section aria-labelledby="recs-title" class="section"
                     aria-busy={if v.offers_pending { "true" } else { "false" }}>
                <h2 id="recs-title">{ t(l, Msg::Recommendations) }</h2>
                if v.offers_pending {
                    <p class="muted" role="status">{ t(l, Msg::Loading) }</p>
                } else if recs.is_empty() {
                    <p class="muted">{ t(l, AppMsg::NoRecommendations) }</p>
                } else {
                    <ul class="cards">
                        { for recs.iter().zip(reasons).map(|(r, reason)| html! {
                            <RecCard view={v.clone()} rec={r.clone()} reason={reason.cloned()} />
                        }) }
                    </ul>
                }
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strata_core::recommend::{Audience, Options};

    fn evaluate(id: &str) -> Evaluation {
        let engine = strata_ui::engine::default_engine().expect("engine");
        let all = crate::data::embedded();
        let p = all.iter().find(|p| p.id == id).expect("persona");
        let opts = Options {
            top_n: None,
            explain: false,
            audience: Audience::Customer,
        };
        engine
            .evaluate_with(&p.profile, p.anchor, &opts)
            .expect("evaluation")
    }

    #[test]
    fn keeping_an_at_risk_tier_comes_before_the_next_tier() {
        let e = evaluate("zhou-tao");
        assert!(e.reach.is_some());
        assert_eq!(next_action(&e), Some(NextAction::Keep));
    }

    #[test]
    fn otherwise_the_nearest_reachable_tier_then_the_top_offer() {
        let e = evaluate("li-wei");
        assert!(matches!(next_action(&e), Some(NextAction::Reach(t)) if t.id == "mid_upper"));
        let top = evaluate("wang-jianguo");
        let first = top.recommendations.first().map(|r| r.product.clone());
        assert_eq!(next_action(&top), first.map(NextAction::Offer));
    }
}
