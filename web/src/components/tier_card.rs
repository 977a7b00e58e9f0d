//! The tier card: tier name and badge, assets, and progress to the next reachable tier.

use strata_core::evaluation::Evaluation;
use strata_core::ruleset::Ruleset;
use yew::prelude::*;

use crate::format::money;
use crate::i18n::{Locale, Msg, t};

/// Props of [`TierCard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The evaluation shown.
    pub evaluation: Evaluation,
    /// The ruleset (names, colours, currency).
    pub ruleset: Ruleset,
    /// Display language.
    pub locale: Locale,
}

/// The customer's tier at a glance.
#[component]
pub fn TierCard(props: &Props) -> Html {
    let Props {
        evaluation: e,
        ruleset,
        locale,
    } = props;
    let tag = locale.tag();
    let tier = &ruleset.tiers[e.tier.rank];
    let colour = tier.color.clone().unwrap_or_else(|| "#56606b".into());
    let aum = e
        .metrics
        .iter()
        .find(|m| m.metric == "aum")
        .map(|m| money(m.value.0, &ruleset.currency, *locale));
    let progress = e.above.iter().find(|g| g.reachable && g.amount.is_some()).map(|gap| {
        let amount = gap.amount.unwrap_or_default().0;
        let target = gap
            .shortfalls
            .iter()
            .filter_map(|s| s.missing.map(|_| s.comparison.threshold.0))
            .max()
            .unwrap_or_default();
        let have = (target - amount).max(rust_decimal::Decimal::ZERO);
        let pct = if target.is_zero() {
            0
        } else {
            (have * rust_decimal::Decimal::ONE_HUNDRED / target)
                .round()
                .try_into()
                .unwrap_or(0u8)
        };
        let label = t(*locale, Msg::ToNext).replace("{tier}", gap.tier.name.get(tag));
        html! {
            <div class="progress">
                <p class="progress-label">
                    <span>{ label }</span>
                    <strong data-testid="gap-amount">{ money(amount, &ruleset.currency, *locale) }</strong>
                </p>
                <div class="bar" role="progressbar" aria-label={t(*locale, Msg::Progress)}
                     aria-valuemin="0" aria-valuemax="100" aria-valuenow={pct.to_string()}>
                    <div class="bar-fill" style={format!("width: {pct}%")}></div>
                </div>
            </div>
        }
    });
    html! {
        <section class="tier-card" aria-labelledby="tier-name" style={format!("--tier-colour: {colour}")}>
            <p class="tier-label">{ t(*locale, Msg::YourTier) }</p>
            <h2 id="tier-name" class="tier-name" data-tier={e.tier.id.clone()}>{ e.tier.name.get(tag) }</h2>
            if let Some(aum) = aum {
                <p class="assets"><span>{ t(*locale, Msg::Assets) }</span> <strong>{ aum }</strong></p>
            }
            { progress.unwrap_or_else(|| if e.tier.rank == 0 {
                html! { <p class="top">{ t(*locale, Msg::TopTier) }</p> }
            } else {
                Html::default()
            }) }
        </section>
    }
}
