//! What-if: "if I add ¥…", "if I move ¥… from another bank", "if my assets stay at ¥…".
//! Core evaluates the scenario and says what changes (tier, benefits gained, upgraded and
//! lost) and where each tier is reached; this page lays it out. A slider and a typed amount
//! drive one value, and a polite live region announces the outcome.

use rust_decimal::Decimal;
use strata_core::benefits::{LevelChange, TierBenefit};
use strata_ui::components::tier_card::TierCard;
use strata_ui::format::{self, Amount};
use strata_ui::i18n::{fill, t};
use yew::prelude::*;

use crate::hooks::use_what_if;
use crate::i18n::AppMsg;
use crate::state::{Mode, WhatIf};
use crate::view::View;
use strata_ui::shared::Shared;

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
        (Mode::Keep, AppMsg::ModeStay, "stay"),
    ];
    let no_external = mode == Mode::Move && result.range.as_ref().is_none_or(|r| r.max.0.is_zero());
    let on_input = {
        let on = props.on_amount.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(a) = input_amount(&e) {
                on.emit(a);
            }
        })
    };
    let text = |b: &TierBenefit| b.text.get(tag).to_owned();
    let change_text = |u: &LevelChange| {
        fill(
            l,
            AppMsg::BenefitChange,
            &[("from", u.from.text.get(tag)), ("to", u.to.text.get(tag))],
        )
    };
    let list = |id: &'static str, title: AppMsg, class: &'static str, items: Vec<String>| {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <section class="section" aria-labelledby={format!("{id}-title")}>
                <h2 id={format!("{id}-title")}>{ t(l, title) }</h2>
                <ul class={classes!("card", "checklist", class)} data-testid={id}>
                    { for items.into_iter().map(|b| html! { <li>{ b }</li> }) }
                </ul>
            </section>
        }
    };
    let summary;
    let outcome = if let Some(o) = &result.outcome {
        let change = match o.after.rank.cmp(&o.before.rank) {
            std::cmp::Ordering::Less => AppMsg::Up,
            std::cmp::Ordering::Greater => AppMsg::Down,
            std::cmp::Ordering::Equal => AppMsg::Unchanged,
        };
        summary = fill(
            l,
            AppMsg::WhatIfSummary,
            &[("tier", o.after.name.get(tag)), ("change", t(l, change))],
        );
        let d = &o.benefits;
        let lost: Vec<String> = d
            .lost
            .iter()
            .map(text)
            .chain(d.downgraded.iter().map(change_text))
            .collect();
        let assets = Some(o.evaluation.assets.0);
        let evaluation = Shared::new(o.evaluation.clone());
        html! {
            <>
                if o.as_of != v.as_of {
                    <p class="note" data-testid="what-if-date">
                        { fill(l, AppMsg::WhatIfOn, &[("date", &c.date(o.as_of))]) }
                    </p>
                }
                <TierCard {evaluation} engine={v.engine.clone()} locale={l} {assets}
                          heading_id="what-if-tier" label={AttrValue::from(t(l, AppMsg::Result))} />
                { list("gained", AppMsg::NewBenefits, "gained", d.gained.iter().map(text).collect()) }
                { list("upgraded", AppMsg::UpgradedBenefits, "upgraded", d.upgraded.iter().map(change_text).collect()) }
                { list("lost", AppMsg::LostBenefits, "lost", lost) }
            </>
        }
    } else {
        summary = String::new();
        Html::default()
    };
    let (max, step) = result
        .range
        .as_ref()
        .map_or((Decimal::ZERO, Decimal::ONE), |r| (r.max.0, r.step.0));
    let marks = result
        .range
        .as_ref()
        .map(|r| r.marks.clone())
        .unwrap_or_default();
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
                           max={format::plain(max)} step={format::plain(step)}
                           value={format::plain(result.amount.min(max))}
                           aria-valuetext={c.money(Amount::Exact, result.amount)} list="what-if-marks"
                           oninput={on_input} data-testid="slider" />
                    <datalist id="what-if-marks">
                        { for marks.iter().map(|m| html! {
                            <option value={format::plain(m.amount.0)} label={m.tier.name.get(tag).to_owned()} />
                        }) }
                    </datalist>
                    if !marks.is_empty() {
                        <ul class="marks" data-testid="marks">
                            { for marks.iter().map(|m| {
                                let on = props.on_amount.clone();
                                let a = m.amount.0;
                                html! {
                                    <li>
                                        <button type="button" class="mark"
                                                onclick={Callback::from(move |_: MouseEvent| on.emit(a))}>
                                            { fill(l, AppMsg::MarkAt, &[("tier", m.tier.name.get(tag)), ("amount", &c.money(Amount::Needed, a))]) }
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                    }
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
