//! What-if: "if I add ¥…", "if I move ¥… from another bank", "if my assets stay at ¥…".
//! Core evaluates the scenario and says what changes (tier, benefits gained, upgraded and
//! lost) and where each tier is reached; this page lays it out. The slider starts at the gap
//! (core's `start`), reaches past every tier above (core's `max`) and draws each tier's mark
//! on its track, each stretch between two thresholds the same length so every one has room;
//! a typed amount drives the same value, and a polite live region says in words
//! what changes and when it is rated.

use rust_decimal::Decimal;
use strata_core::benefits::{LevelChange, TierBenefit};
use strata_core::evaluation::Basis;
use strata_core::scenario::Range;
use strata_ui::components::tier_card::TierCard;
use strata_ui::format::{self, Amount};
use strata_ui::hooks::use_css;
use strata_ui::i18n::{Locale, fill, t};
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

/// Slider positions per stretch between two stops.
const PER_STRETCH: u32 = 100;

/// The slider's stops: 0, each tier's mark and core's end, ascending. Each stretch between
/// two stops gets the same length of track, so every threshold (¥5万 and ¥1,000万 alike)
/// has room, sits on a tick, and the slider lands on it exactly.
fn stops(range: Option<&Range>) -> Vec<Decimal> {
    let mut s = vec![Decimal::ZERO];
    if let Some(r) = range {
        s.extend(r.marks.iter().map(|m| m.amount.0));
        s.push(r.max.0);
    }
    s.sort();
    s.dedup();
    s
}

/// The amount at a slider position: exact at a stop, whole units between.
fn amount_at(stops: &[Decimal], pos: u32) -> Decimal {
    let last = stops.len().saturating_sub(1);
    let i = usize::try_from(pos / PER_STRETCH)
        .unwrap_or(last)
        .min(last.saturating_sub(1));
    let (Some(lo), Some(hi)) = (stops.get(i), stops.get(i + 1)) else {
        return stops.first().copied().unwrap_or_default();
    };
    let into = pos
        .saturating_sub(u32::try_from(i).unwrap_or(0) * PER_STRETCH)
        .min(PER_STRETCH);
    if into == 0 {
        return *lo;
    }
    if into == PER_STRETCH {
        return *hi;
    }
    (lo + (hi - lo) * Decimal::from(into) / Decimal::from(PER_STRETCH)).round_dp(0)
}

/// The slider position nearest an amount.
fn position_of(stops: &[Decimal], amount: Decimal) -> u32 {
    let mut pos = 0;
    for (i, w) in stops.windows(2).enumerate() {
        let base = u32::try_from(i).unwrap_or(0) * PER_STRETCH;
        if let [lo, hi] = w {
            if amount >= *hi {
                pos = base + PER_STRETCH;
            } else if amount > *lo && hi > lo {
                let f = ((amount - lo) * Decimal::from(PER_STRETCH) / (hi - lo)).round();
                pos = base + u32::try_from(f).unwrap_or(0);
                break;
            } else {
                break;
            }
        }
    }
    pos
}

/// Where a stop sits on the track, in percent.
fn percent_of(stops: &[Decimal], amount: Decimal) -> String {
    let end = u32::try_from(stops.len().saturating_sub(1))
        .unwrap_or(1)
        .max(1)
        * PER_STRETCH;
    let p = Decimal::from(position_of(stops, amount)) * Decimal::ONE_HUNDRED / Decimal::from(end);
    format!("{}%", p.round_dp(2).normalize())
}

/// The label of the keep scenario: a finished sentence naming the average core rates.
fn keep_label(l: Locale, range: Option<&Range>) -> String {
    match range.and_then(|r| r.months) {
        Some(m) => fill(l, AppMsg::ModeStayAverage, &[("months", &m.to_string())]),
        None => t(l, AppMsg::ModeStay).to_owned(),
    }
}

/// One tick on the slider's track, placed through the CSSOM (no inline style under the CSP).
#[derive(Properties, PartialEq)]
struct TickProps {
    at: String,
}

#[component]
fn Tick(props: &TickProps) -> Html {
    let node = use_node_ref();
    use_css(node.clone(), vec![("--at", props.at.clone())]);
    html! {
        <li class="tick" ref={node}></li>
    }
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
    let range = result.range.as_ref();
    // The tier's name a customer reads (its display name), by rank.
    let tier_name = |rank: usize, fallback: &str| -> String {
        v.engine().ruleset().tiers.get(rank).map_or_else(
            || fallback.to_owned(),
            |t| t.customer_name().get(tag).to_owned(),
        )
    };
    let modes = [
        (Mode::Add, t(l, AppMsg::ModeAdd).to_owned(), "add"),
        (Mode::Move, t(l, AppMsg::ModeMove).to_owned(), "move"),
        (Mode::Keep, keep_label(l, range), "stay"),
    ];
    let no_external = mode == Mode::Move && range.is_none_or(|r| r.max.0.is_zero());
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
    let mut summary = String::new();
    let outcome = if let Some(o) = &result.outcome {
        let after = tier_name(o.after.rank, o.after.name.get(tag));
        let says = match o.after.rank.cmp(&o.before.rank) {
            std::cmp::Ordering::Less => AppMsg::SaysUp,
            std::cmp::Ordering::Greater => AppMsg::SaysDown,
            std::cmp::Ordering::Equal => AppMsg::SaysSame,
        };
        let d = &o.benefits;
        let lost: Vec<String> = d
            .lost
            .iter()
            .map(text)
            .chain(d.downgraded.iter().map(change_text))
            .collect();
        // Rated later (keep): say on which day, as the sentence's opening.
        if o.as_of != v.as_of {
            summary.push_str(&fill(l, AppMsg::WhatIfOn, &[("date", &c.date(o.as_of))]));
        }
        summary.push_str(&fill(l, says, &[("tier", &after)]));
        let counts = [
            (d.gained.len(), AppMsg::CountGained),
            (d.upgraded.len(), AppMsg::CountUpgraded),
            (lost.len(), AppMsg::CountLost),
        ];
        let parts: Vec<String> = counts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, m)| fill(l, *m, &[("n", &n.to_string())]))
            .collect();
        if !parts.is_empty() {
            summary.push_str(&fill(
                l,
                AppMsg::BenefitCounts,
                &[("list", &parts.join(t(l, AppMsg::ListSep)))],
            ));
        }
        let e = &o.evaluation;
        // One date: the tier card's basis sentence says core's deciding date for a grace,
        // deferral, tenure or floor; for a plain result, the next review is said here.
        let dates: Vec<String> = match (&e.basis, &e.retention) {
            (Basis::Qualified | Basis::StepDown { .. }, Some(r)) => {
                vec![fill(
                    l,
                    AppMsg::NextReview,
                    &[("date", &c.date(r.review_date))],
                )]
            }
            _ => Vec::new(),
        };
        let assets = Some(e.assets.0);
        let evaluation = Shared::new(e.clone());
        html! {
            <>
                if !dates.is_empty() {
                    <ul class="card what-if-dates" data-testid="what-if-dates">
                        { for dates.into_iter().map(|d| html! { <li>{ d }</li> }) }
                    </ul>
                }
                <TierCard {evaluation} engine={v.engine.clone()} locale={l} {assets}
                          heading_id="what-if-tier" label={AttrValue::from(t(l, AppMsg::Result))} />
                { list("gained", AppMsg::NewBenefits, "gained", d.gained.iter().map(text).collect()) }
                { list("upgraded", AppMsg::UpgradedBenefits, "upgraded", d.upgraded.iter().map(change_text).collect()) }
                { list("lost", AppMsg::LostBenefits, "lost", lost) }
            </>
        }
    } else {
        Html::default()
    };
    let marks = range.map(|r| r.marks.clone()).unwrap_or_default();
    let stops = stops(range);
    let end = u32::try_from(stops.len().saturating_sub(1)).unwrap_or(0) * PER_STRETCH;
    let on_slide = {
        let on = props.on_amount.clone();
        let stops = stops.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(pos) = el.value().parse::<u32>() {
                on.emit(amount_at(&stops, pos));
            }
        })
    };
    let amount_text = c.money(Amount::Exact, result.amount);
    let amount_label = match mode {
        Mode::Add => AppMsg::AmountAdd,
        Mode::Move => AppMsg::AmountMove,
        Mode::Keep => AppMsg::AmountKeep,
    };
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::WhatIfTitle) }</h1>
            <p class="intro">{ t(l, AppMsg::WhatIfIntro) }</p>
            <fieldset class="card modes">
                <legend>{ t(l, AppMsg::ModeLabel) }</legend>
                { for modes.into_iter().map(|(m, label, value)| {
                    let on = props.on_mode.clone();
                    html! {
                        <label class="choice">
                            <input type="radio" name="mode" value={value} checked={mode == m}
                                   onchange={Callback::from(move |_: Event| on.emit(m))} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </fieldset>
            if no_external {
                <p class="card muted">{ t(l, AppMsg::NoExternal) }</p>
            } else {
                <div class="card amount">
                    <label for="what-if-amount">{ t(l, amount_label) }</label>
                    <div class="amount-row">
                        <input id="what-if-amount" type="number" inputmode="decimal" min="0"
                               step="any" value={format::plain(result.amount)}
                               oninput={on_input.clone()} data-testid="amount" />
                        <output for="what-if-amount" class="amount-text">{ amount_text }</output>
                    </div>
                    <div class="slider">
                        <input type="range" aria-label={t(l, AppMsg::SliderLabel)} min="0"
                               max={end.to_string()} step="1"
                               value={position_of(&stops, result.amount).to_string()}
                               aria-valuetext={c.money(Amount::Exact, result.amount)}
                               oninput={on_slide} data-testid="slider" />
                        // The thresholds drawn on the track; the buttons below say them in words.
                        <ol class="ticks" aria-hidden="true" data-testid="ticks">
                            { for marks.iter().map(|m| html! {
                                <Tick at={percent_of(&stops, m.amount.0)} />
                            }) }
                        </ol>
                    </div>
                    if !marks.is_empty() {
                        <ul class="marks" data-testid="marks">
                            { for marks.iter().map(|m| {
                                let on = props.on_amount.clone();
                                let a = m.amount.0;
                                let name = tier_name(m.tier.rank, m.tier.name.get(tag));
                                html! {
                                    <li>
                                        <button type="button" class="mark"
                                                onclick={Callback::from(move |_: MouseEvent| on.emit(a))}>
                                            { fill(l, AppMsg::MarkAt, &[("tier", &name), ("amount", &c.money(Amount::Needed, a))]) }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slider_lands_on_every_threshold_exactly() {
        let d = |n: i64| Decimal::from(n);
        let stops = vec![
            d(0),
            Decimal::new(3_751_234, 2),
            d(1_000_000),
            d(12_000_000),
        ];
        for (i, s) in stops.iter().enumerate() {
            let pos = u32::try_from(i).unwrap_or(0) * PER_STRETCH;
            assert_eq!(amount_at(&stops, pos), *s);
            assert_eq!(position_of(&stops, *s), pos);
        }
        assert_eq!(amount_at(&stops, 3 * PER_STRETCH + 7), d(12_000_000));
        assert_eq!(position_of(&stops, d(99_000_000)), 3 * PER_STRETCH);
        assert_eq!(percent_of(&stops, d(1_000_000)), "66.67%");
        let mid = amount_at(&stops, 150);
        assert!(mid > stops[1] && mid < stops[2]);
    }
}
