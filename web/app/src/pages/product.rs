//! Product detail: pitch, risk rating against the customer's tolerance, minimum amount, the
//! required disclosure (the general wealth-product line and the catalog's own), the cooling-off
//! period, why it is recommended (or the rule that keeps it out), and the actions the host app
//! receives as the widget's `strata-action` events ("apply", "talk to my manager").

use chrono::Months;
use strata_core::recommend::{Audience, Options};
use strata_ui::format::Amount;
use strata_ui::i18n::{fill, t};
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::i18n::AppMsg;
use crate::route::Route;
use crate::sentences;
use crate::services::bridge;
use crate::view::View;

/// Props of [`Product`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to render.
    pub view: View,
    /// Catalog product id.
    pub id: AttrValue,
}

/// The product screen.
#[component]
pub fn Product(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let c = v.ctx();
    // The one page that says why an offer is not made: its own evaluation with the
    // exclusions, kept while engine, profile and date stay the same.
    // Not while the offers are coming: there is nothing to explain yet.
    let explained = use_memo(
        (
            v.engine.clone(),
            v.profile.clone(),
            v.as_of,
            v.offers_pending,
        ),
        |(engine, profile, as_of, pending)| {
            if *pending {
                return None;
            }
            let options = Options {
                top_n: None,
                explain: true,
                audience: Audience::Customer,
            };
            engine.0.evaluate_with(profile, *as_of, &options).ok()
        },
    );
    let back = html! {
        <NavLink to={Route::Home} classes={classes!("back")}>{ "← " }{ t(l, AppMsg::Back) }</NavLink>
    };
    if v.offers_pending {
        return html! {
            <>
                { back }
                { crate::skeleton_card(l) }
            </>
        };
    }
    let Some(catalog) = v.engine().catalog() else {
        return html! { <>{ back }<h1 tabindex="-1">{ t(l, AppMsg::ProductUnknown) }</h1></> };
    };
    let Some(p) = catalog.products.iter().find(|p| p.id == props.id.as_str()) else {
        return html! { <>{ back }<h1 tabindex="-1">{ t(l, AppMsg::ProductUnknown) }</h1></> };
    };
    let valid_months = catalog.policy.risk_valid_months;
    let tolerance = v.profile.risk.as_ref().map(|r| {
        let expired = r
            .assessed_on
            .checked_add_months(Months::new(valid_months))
            .is_some_and(|until| v.as_of >= until);
        (r.level, expired)
    });
    let tolerance_text = match tolerance {
        None => t(l, AppMsg::RiskNotAssessed).to_owned(),
        Some((level, false)) => sentences::risk_level(l, level),
        Some((level, true)) => fill(
            l,
            AppMsg::RiskExpired,
            &[("level", &sentences::risk_level(l, level))],
        ),
    };
    let suitable = p.risk.map(|rating| match tolerance {
        Some((level, false)) => level as u8 >= rating as u8,
        _ => rating.level() == 1,
    });
    let rec = v.eval.recommendations.iter().find(|r| r.product == p.id);
    // "Apply" only where the engine offers it to this customer; the manager is always there.
    let can_apply = rec.is_some();
    let tier = v.eval.tier.id.clone();
    let id = p.id.clone();
    let apply = {
        let (tier, id) = (tier.clone(), id.clone());
        Callback::from(move |_: MouseEvent| bridge::emit_action("apply", &tier, Some(&id)))
    };
    let manager = Callback::from(move |_: MouseEvent| {
        bridge::emit_action("talk_to_manager", &tier, Some(&id));
    });
    // Rated products carry the regulator's line for wealth products as well as their own.
    let general = p.risk.is_some().then(|| t(l, AppMsg::WealthDisclosure));
    let excluded = explained
        .as_ref()
        .as_ref()
        .and_then(|e| e.not_recommended.iter().find(|x| x.product == p.id));
    html! {
        <>
            { back }
            <h1 tabindex="-1">{ p.name.get(tag) }</h1>
            <p class="intro">{ p.pitch.get(tag) }</p>
            <dl class="card facts">
                <dt>{ t(l, AppMsg::Family) }</dt>
                <dd>{ strata_ui::sentences::family(l, p.family) }</dd>
                <dt>{ t(l, AppMsg::MinAmount) }</dt>
                <dd data-testid="min-amount">{ if p.min_amount.0.is_zero() { t(l, AppMsg::NoMinimum).to_owned() } else { c.money(Amount::Needed, p.min_amount.0) } }</dd>
                <dt>{ t(l, AppMsg::RiskRating) }</dt>
                <dd data-testid="risk">{ p.risk.map_or_else(|| t(l, AppMsg::RiskNone).to_owned(), |r| sentences::risk_rating(l, r)) }</dd>
                <dt>{ t(l, AppMsg::YourTolerance) }</dt>
                <dd data-testid="tolerance">{ tolerance_text }</dd>
                if let Some(h) = p.cooling_off_hours {
                    <dt>{ t(l, AppMsg::CoolingOff) }</dt>
                    <dd data-testid="cooling-off">{ fill(l, AppMsg::CoolingOffHours, &[("hours", &h.to_string())]) }</dd>
                }
            </dl>
            // The disclosure a product page must show, as text (it comes from the catalog).
            if general.is_some() || catalog.disclosure(p).is_some() {
                <section aria-labelledby="disclosure-title" class="card disclosure" data-testid="disclosure">
                    <h2 id="disclosure-title">{ t(l, AppMsg::RiskDisclosure) }</h2>
                    if let Some(g) = general {
                        <p class="disclosure-general">{ g }</p>
                    }
                    if let Some(d) = catalog.disclosure(p) {
                        <p>{ d.get(tag) }</p>
                    }
                </section>
            }
            if let Some(ok) = suitable {
                <p class={classes!("suitability", (!ok).then_some("warn"))}>
                    { t(l, if ok { AppMsg::Suitable } else { AppMsg::NotSuitable }) }
                </p>
            }
            <section aria-labelledby="why-title" class="section">
                if let Some(r) = rec {
                    <h2 id="why-title">{ t(l, AppMsg::WhyRecommended) }</h2>
                    <ul class="card checklist" data-testid="reasons">
                        { for r.reasons.iter().map(|x| html! { <li>{ strata_ui::sentences::reason(&c, x) }</li> }) }
                    </ul>
                } else {
                    <h2 id="why-title">{ t(l, AppMsg::NotRecommended) }</h2>
                    if let Some(x) = excluded {
                        <p class="card" data-testid="excluded">{ sentences::exclusion(&c, &x.rule) }</p>
                    }
                }
            </section>
            <div class="product-actions" data-testid="product-actions">
                if can_apply {
                    <button type="button" class="button primary" onclick={apply}
                            data-testid="apply">{ t(l, AppMsg::Apply) }</button>
                }
                <button type="button" class="button" onclick={manager}
                        data-testid="talk-to-manager">{ t(l, AppMsg::TalkToManager) }</button>
            </div>
        </>
    }
}
