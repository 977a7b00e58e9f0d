//! Compare tiers: one card per tier, highest first, the customer's own marked. Cards stack
//! on a phone and form a grid on wider screens; benefits fold away except for the own tier.

use yew::prelude::*;

use crate::components::benefit_list::BenefitList;
use crate::i18n::{Msg, t};
use crate::pages::home::Props;
use crate::sentences;
use crate::view::colour;

/// The compare screen.
#[component]
pub fn Compare(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let c = v.ctx();
    html! {
        <>
            <h1 tabindex="-1">{ t(l, Msg::CompareTitle) }</h1>
            <p class="intro">{ t(l, Msg::CompareIntro) }</p>
            <ol class="tier-list">
                { for v.engine().ruleset().tiers.iter().enumerate().map(|(rank, tier)| {
                    let current = rank == v.eval.tier.rank;
                    let id = format!("tier-{}", tier.id);
                    html! {
                        <li class={classes!("card", "tier-col", current.then_some("current"))}
                            style={format!("--tier-colour: {}", colour(Some(tier)))}
                            aria-current={current.then_some("true")} data-tier={tier.id.clone()}>
                            <article aria-labelledby={id.clone()}>
                                <div class="tier-head">
                                    <h2 {id}>{ tier.name.get(tag) }</h2>
                                    if current {
                                        <span class="badge">{ t(l, Msg::Current) }</span>
                                    }
                                </div>
                                if !tier.description.is_empty() {
                                    <p class="muted">{ tier.description.get(tag) }</p>
                                }
                                <dl>
                                    <dt>{ t(l, Msg::Criterion) }</dt>
                                    <dd>{ tier.criteria.as_ref().map_or_else(
                                        || t(l, Msg::Fallback).to_owned(),
                                        |cr| sentences::criterion(&c, cr)) }</dd>
                                    <dt>{ t(l, Msg::ServedBy) }</dt>
                                    <dd>{ sentences::maintainer(l, tier.maintained_by) }</dd>
                                </dl>
                                <details open={current}>
                                    <summary>{ t(l, Msg::NavBenefits) }</summary>
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
