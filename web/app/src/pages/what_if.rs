//! What-if: "if I add ¥…", "if I move ¥… from another bank", "if my assets stay at ¥… for
//! three months". A slider and a typed amount drive one value; tier, gap and benefits
//! update live and a polite live region announces the outcome.

use rust_decimal::Decimal;
use strata_core::Text;
use strata_core::ruleset::Benefits;
use strata_ui::components::tier_card::TierCard;
use strata_ui::format::{self, Amount};
use strata_ui::i18n::{fill, t};
use yew::prelude::*;

use crate::hooks::use_what_if;
use crate::i18n::AppMsg;
use crate::state::{Mode, WhatIf};
use crate::view::View;
use crate::what_if;

/// Props of [`WhatIfPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to render.
    pub view: View,
    /// The scenario.
    pub input: WhatIf,
    /// Pick a scenario.
    pub on_mode: Callback<Mode>,
    /// Set the amount.
    pub on_amount: Callback<Decimal>,
    /// Back to the start.
    pub on_reset: Callback<()>,
}

fn all(b: &Benefits) -> Vec<&Text> {
    b.categories()
        .into_iter()
        .flat_map(|(_, items)| items.iter())
        .collect()
}

fn input_amount(e: &Event) -> Option<Decimal> {
    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
    el.value().trim().parse::<Decimal>().ok()
}

/// The what-if screen.
#[component]
pub fn WhatIfPage(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let c = v.ctx();
    let result = use_what_if(v, props.input);
    let mode = props.input.mode;
    let modes = [
        (Mode::Add, AppMsg::ModeAdd, "add"),
        (Mode::Move, AppMsg::ModeMove, "move"),
        (Mode::Stay, AppMsg::ModeStay, "stay"),
    ];
    let no_external = mode == Mode::Move && what_if::external(&v.profile).is_zero();
    let on_input = {
        let on = props.on_amount.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(a) = input_amount(&e) {
                on.emit(a);
            }
        })
    };
    let ruleset = v.engine().ruleset();
    let summary;
    let outcome = if let Some(e) = &result.eval {
        let now = v.eval.tier.rank;
        let then = e.tier.rank;
        let change = match then.cmp(&now) {
            std::cmp::Ordering::Less => AppMsg::Up,
            std::cmp::Ordering::Greater => AppMsg::Down,
            std::cmp::Ordering::Equal => AppMsg::Unchanged,
        };
        summary = fill(
            l,
            AppMsg::WhatIfSummary,
            &[("tier", e.tier.name.get(tag)), ("change", t(l, change))],
        );
        let before = v.tier().map(|x| all(&x.benefits)).unwrap_or_default();
        let after_tier = ruleset.tiers.get(then);
        let after = after_tier.map(|x| all(&x.benefits)).unwrap_or_default();
        let gained: Vec<_> = after.iter().filter(|b| !before.contains(b)).collect();
        let lost: Vec<_> = before.iter().filter(|b| !after.contains(b)).collect();
        let assets = Some(result.assets);
        html! {
            <>
                <TierCard evaluation={e.clone()} engine={v.engine.clone()} locale={l} {assets}
                          heading_id="what-if-tier" label={AttrValue::from(t(l, AppMsg::Result))} />
                if !gained.is_empty() {
                    <section class="section" aria-labelledby="gained-title">
                        <h2 id="gained-title">{ t(l, AppMsg::NewBenefits) }</h2>
                        <ul class="card checklist gained" data-testid="gained">
                            { for gained.iter().map(|b| html! { <li>{ b.get(tag) }</li> }) }
                        </ul>
                    </section>
                }
                if !lost.is_empty() {
                    <section class="section" aria-labelledby="lost-title">
                        <h2 id="lost-title">{ t(l, AppMsg::LostBenefits) }</h2>
                        <ul class="card checklist lost" data-testid="lost">
                            { for lost.iter().map(|b| html! { <li>{ b.get(tag) }</li> }) }
                        </ul>
                    </section>
                }
            </>
        }
    } else {
        summary = String::new();
        Html::default()
    };
    let amount_text = c.money(Amount::Exact, result.amount);
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::WhatIfTitle) }</h1>
            <p class="intro">{ t(l, AppMsg::WhatIfIntro) }</p>
            <fieldset class="card modes">
                <legend>{ t(l, AppMsg::ModeLabel) }</legend>
                { for modes.iter().map(|(m, msg, value)| {
                    let on = props.on_mode.clone();
                    let m = *m;
                    html! {
                        <label class="choice">
                            <input type="radio" name="mode" value={*value} checked={mode == m}
                                   onchange={Callback::from(move |_: Event| on.emit(m))} />
                            <span>{ t(l, *msg) }</span>
                        </label>
                    }
                }) }
            </fieldset>
            if no_external {
                <p class="card muted">{ t(l, AppMsg::NoExternal) }</p>
            } else {
                <div class="card amount">
                    <label for="what-if-amount">{ t(l, AppMsg::AmountLabel) }</label>
                    <div class="amount-row">
                        <input id="what-if-amount" type="number" inputmode="decimal" min="0"
                               step="any" value={format::plain(result.amount)}
                               oninput={on_input.clone()} data-testid="amount" />
                        <output for="what-if-amount" class="amount-text">{ amount_text }</output>
                    </div>
                    <input type="range" aria-label={t(l, AppMsg::SliderLabel)} min="0"
                           max={format::plain(result.max)} step={format::plain(result.step)}
                           value={format::plain(result.amount.min(result.max))}
                           aria-valuetext={c.money(Amount::Exact, result.amount)}
                           oninput={on_input} data-testid="slider" />
                    <button type="button" class="button secondary"
                            onclick={props.on_reset.reform(|_: MouseEvent| ())}>{ t(l, AppMsg::Reset) }</button>
                </div>
            }
            <p class="live" aria-live="polite" data-testid="what-if-summary">
                { t(l, AppMsg::Result) }{ l.colon() }{ summary }
            </p>
            { outcome }
        </>
    }
}
