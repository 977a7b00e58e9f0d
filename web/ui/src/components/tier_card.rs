//! The tier card: tier name and badge colour, assets, progress to the next reachable tier,
//! and why the tier is what it is (grace, deferred downgrade) or could be (assets elsewhere).

use rust_decimal::Decimal;
use strata_core::evaluation::{ChangeReason, Evaluation, Reach};
use yew::prelude::*;

use crate::format::Amount;
use crate::hooks::use_css;
use crate::i18n::{Locale, Msg, fill, t};
use crate::sentences::{self, Ctx};
use crate::shared::{EngineRef, Shared};
use crate::tier::colour;

/// Props of [`TierCard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The evaluation shown.
    pub evaluation: Shared<Evaluation>,
    /// The engine whose ruleset names the tiers (names, colours, currency).
    pub engine: EngineRef,
    /// Display language.
    pub locale: Locale,
    /// Assets here, when the ruleset has them.
    #[prop_or_default]
    pub assets: Option<Decimal>,
    /// Element id of the heading (several cards may share a page).
    #[prop_or(AttrValue::Static("tier-name"))]
    pub heading_id: AttrValue,
    /// Heading text above the tier name.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// Core's progress toward the nearest reachable tier as a whole percentage, rounded down so
/// the bar never shows more than is met.
#[must_use]
pub fn progress_percent(reach: &Reach) -> u8 {
    (reach.progress.0 * Decimal::ONE_HUNDRED)
        .floor()
        .try_into()
        .unwrap_or(0u8)
        .min(100)
}

/// The customer's tier at a glance.
#[component]
pub fn TierCard(props: &Props) -> Html {
    let e = &props.evaluation;
    let locale = props.locale;
    let ruleset = props.engine.ruleset();
    let c = Ctx {
        locale,
        ruleset,
        catalog: None,
    };
    let tag = locale.tag();
    let tier = ruleset.tiers.get(e.tier.rank);
    let next = e.reach.as_ref();
    let card = use_node_ref();
    let bar = use_node_ref();
    use_css(card.clone(), vec![("--tier-colour", colour(tier))]);
    let pct = next.map_or(0, progress_percent);
    use_css(bar.clone(), vec![("width", format!("{pct}%"))]);
    let progress = next.map(|gap| {
        let amount = gap.amount.0;
        let label = fill(locale, Msg::ToNext, &[("tier", gap.tier.name.get(tag))]);
        html! {
            <div class="progress">
                <p class="progress-label">
                    <span>{ label }</span>
                    <strong data-testid="gap-amount">{ c.money(Amount::Needed, amount) }</strong>
                </p>
                <div class="bar" role="progressbar" aria-label={t(locale, Msg::Progress)}
                     aria-valuemin="0" aria-valuemax="100" aria-valuenow={pct.to_string()}
                     aria-valuetext={format!("{pct}%")}>
                    <div class="bar-fill" ref={bar}></div>
                </div>
            </div>
        }
    });
    let basis = sentences::basis(&c, &e.basis);
    let potential = e.potential.as_ref().map(|p| sentences::potential(&c, p));
    let upgraded = e
        .change
        .as_ref()
        .is_some_and(|ch| ch.reason == ChangeReason::Upgrade);
    html! {
        <section class="tier-card" aria-labelledby={props.heading_id.clone()} ref={card}>
            <p class="tier-label">{ props.label.clone().unwrap_or(AttrValue::Static(t(locale, Msg::YourTier))) }</p>
            <h2 id={props.heading_id.clone()} class="tier-name" data-tier={e.tier.id.clone()}
                elementtiming="tier-card">{ e.tier.name.get(tag) }</h2>
            if upgraded {
                <p class="note">{ t(locale, Msg::Congrats) }</p>
            }
            if let Some(aum) = props.assets {
                <p class="assets"><span>{ t(locale, Msg::Assets) }</span> <strong data-testid="assets">{ c.money(Amount::Held, aum) }</strong></p>
            }
            { progress.unwrap_or_else(|| if e.tier.rank == 0 {
                html! { <p class="top">{ t(locale, Msg::TopTier) }</p> }
            } else {
                Html::default()
            }) }
            if let Some(b) = basis {
                <p class="note" data-testid="basis">{ b }</p>
            }
            if let Some(p) = potential {
                <p class="note" data-testid="potential">{ p }</p>
            }
        </section>
    }
}
