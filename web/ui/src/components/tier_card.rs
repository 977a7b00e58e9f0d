//! The tier card: tier name, colour and mark, assets, progress to the next reachable tier —
//! or, where a face asks for it and the tier is at risk, the amount that keeps it and the
//! review date first (保级) — and why the tier is what it is (grace, deferred downgrade) or
//! could be (assets elsewhere).

use rust_decimal::Decimal;
use strata_core::evaluation::{ChangeReason, Evaluation, Reach, Retention};
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
    /// When the tier is at risk, show what keeps it (amount and review date) instead of the
    /// next tier: a customer about to lose a tier needs that first.
    #[prop_or(false)]
    pub keep_first: bool,
}

/// What keeps the tier, when the customer is not on track to keep it at the next review and
/// money closes the gap: the retention to show in place of the next tier.
#[must_use]
pub fn at_risk(e: &Evaluation) -> Option<&Retention> {
    e.retention
        .as_ref()
        .filter(|r| !r.on_track && r.amount_to_keep.is_some_and(|a| a.0 > Decimal::ZERO))
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
    let keep = props.keep_first.then(|| at_risk(e)).flatten().map(|r| {
        let amount = r
            .amount_to_keep
            .map(|a| c.money(Amount::Needed, a.0))
            .unwrap_or_default();
        html! {
            <div class="keep" data-testid="keep">
                <p class="progress-label">
                    <span>{ t(locale, Msg::KeepTier) }</span>
                    <strong data-testid="keep-amount">{ amount }</strong>
                </p>
                <p class="review" data-testid="review-date">
                    { fill(locale, Msg::ReviewOn, &[("date", &c.date(r.review_date))]) }
                </p>
            </div>
        }
    });
    // With the keep block shown, its date is the only one on the card; otherwise the basis
    // sentence says core's deciding date.
    let basis = if keep.is_some() {
        None
    } else {
        sentences::basis(&c, &e.basis, e.retention.as_ref().map(|r| r.review_date))
    };
    let potential = e.potential.as_ref().map(|p| sentences::potential(&c, p));
    let upgraded = e
        .change
        .as_ref()
        .is_some_and(|ch| ch.reason == ChangeReason::Upgrade);
    html! {
        <section class="tier-card" aria-labelledby={props.heading_id.clone()} ref={card}>
            <svg class="tier-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M6 3h12l4 6-10 12L2 9z M2 9h20 M9 3l3 6 3-6 M12 9v12" />
            </svg>
            <p class="tier-label">{ props.label.clone().unwrap_or(AttrValue::Static(t(locale, Msg::YourTier))) }</p>
            <h2 id={props.heading_id.clone()} class="tier-name" data-tier={e.tier.id.clone()}
                elementtiming="tier-card">{ e.tier.name.get(tag) }</h2>
            if upgraded {
                <p class="note">{ t(locale, Msg::Congrats) }</p>
            }
            if let Some(aum) = props.assets {
                <p class="assets"><span>{ t(locale, Msg::Assets) }</span> <strong data-testid="assets">{ c.money(Amount::Held, aum) }</strong></p>
            }
            if let Some(k) = keep {
                { k }
            } else {
            { progress.unwrap_or_else(|| if e.tier.rank == 0 {
                html! { <p class="top">{ t(locale, Msg::TopTier) }</p> }
            } else {
                Html::default()
            }) }
            }
            if let Some(b) = basis {
                <p class="note" data-testid="basis">{ b }</p>
            }
            if let Some(p) = potential {
                <p class="note" data-testid="potential">{ p }</p>
            }
        </section>
    }
}
