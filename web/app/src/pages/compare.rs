//! Compare tiers: one card per tier, highest first, the customer's own marked. Cards stack
//! on a phone and form a grid on wider screens; benefits fold away except for the own tier.

use strata_ui::i18n::{Msg, t};
use strata_ui::tier::colour;
use yew::prelude::*;

use crate::components::benefit_list::BenefitList;
use crate::i18n::AppMsg;
use crate::pages::home::Props;
use crate::sentences;

/// The compare screen.
#[component]
pub fn Compare(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let c = v.ctx();
    // Tier colours through the CSSOM: a strict CSP blocks style attributes.
    let list = use_node_ref();
    {
        let colours: Vec<String> = v
            .engine()
            .ruleset()
            .tiers
            .iter()
            .map(|t| colour(Some(t)))
            .collect();
        let list = list.clone();
        use_effect_with(colours, move |colours| {
            if let Some(ol) = list.cast::<web_sys::Element>() {
                let items = ol.children();
                for (i, c) in colours.iter().enumerate() {
                    if let Some(li) =
                        items
                            .item(u32::try_from(i).unwrap_or(u32::MAX))
                            .and_then(|e| {
                                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()
                            })
                    {
                        let _ = li.style().set_property("--tier-colour", c);
                    }
                }
            }
        });
    }
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::CompareTitle) }</h1>
            <p class="intro">{ t(l, AppMsg::CompareIntro) }</p>
            <ol class="tier-list" ref={list}>
                { for v.engine().ruleset().tiers.iter().enumerate().map(|(rank, tier)| {
                    let current = rank == v.eval.tier.rank;
                    let id = format!("tier-{}", tier.id);
                    html! {
                        <li class={classes!("card", "tier-col", current.then_some("current"))}
                            aria-current={current.then_some("true")} data-tier={tier.id.clone()}>
                            <article aria-labelledby={id.clone()}>
                                <div class="tier-head">
                                    <h2 {id}>{ tier.customer_name().get(tag) }</h2>
                                    if current {
                                        <span class="badge">{ t(l, AppMsg::Current) }</span>
                                    }
                                </div>
                                <dl>
                                    <dt>{ t(l, AppMsg::Criterion) }</dt>
                                    <dd>{ if tier.criteria.is_some() {
                                        sentences::conditions(&c, v.engine(), &v.engine().conditions(rank))
                                    } else {
                                        t(l, AppMsg::Fallback).to_owned()
                                    } }</dd>
                                    <dt>{ t(l, Msg::ServedBy) }</dt>
                                    <dd>{ strata_ui::sentences::maintainer(l, tier.maintained_by) }</dd>
                                </dl>
                                <details open={current}>
                                    <summary>{ t(l, AppMsg::NavBenefits) }</summary>
                                    <BenefitList benefits={tier.benefits.clone()} locale={l} level={3} />
                                </details>
                            </article>
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
