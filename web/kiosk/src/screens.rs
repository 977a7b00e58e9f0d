//! The kiosk's screens: attract, one question, the result. Props in, callbacks out; each
//! screen has one `h1` (focused by the session when the screen appears).

use strata_core::evaluation::Evaluation;
use strata_ui::format::Amount;
use strata_ui::hooks::use_css;
use strata_ui::i18n::{Locale, Msg, fill, t};
use strata_ui::sentences;
use strata_ui::shared::{EngineRef, Shared};
use strata_ui::tier::colour;
use yew::prelude::*;

use crate::i18n::{KioskMsg, kt};
use crate::model::{Chosen, Question, STEPS};
use crate::take_away::TakeAway;
use crate::tap;
use crate::text;

/// Props of [`Attract`].
#[derive(Properties, PartialEq)]
pub struct AttractProps {
    /// Display language.
    pub locale: Locale,
    /// "Touch to start".
    pub on_start: Callback<()>,
}

/// The attract screen: what the kiosk does and a large start button.
#[component]
pub fn Attract(props: &AttractProps) -> Html {
    let l = props.locale;
    let start = tap(&props.on_start, || ());
    html! {
        <section class="kiosk-attract" aria-labelledby="kiosk-title">
            <h1 id="kiosk-title" tabindex="-1">{ kt(l, KioskMsg::Title) }</h1>
            <p class="kiosk-tagline">{ kt(l, KioskMsg::Tagline) }</p>
            <button type="button" class="kiosk-primary kiosk-start" onclick={start}>
                { kt(l, KioskMsg::Start) }
            </button>
            <p class="kiosk-privacy">{ kt(l, KioskMsg::Privacy) }</p>
        </section>
    }
}

/// Props of [`QuestionScreen`].
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// Display language.
    pub locale: Locale,
    /// The question.
    pub question: Question,
    /// The answers offered, in order.
    pub options: Vec<AttrValue>,
    /// The answer given before, if the customer came back.
    pub chosen: Option<usize>,
    /// "None" was the answer given before (the optional question).
    #[prop_or_default]
    pub none_chosen: bool,
    /// "None" (the optional question only): nothing at other banks.
    pub on_none: Callback<()>,
    /// An answer (its index); the session moves on.
    pub on_answer: Callback<usize>,
    /// One screen back.
    pub on_back: Callback<()>,
    /// Skip (the optional question only).
    pub on_skip: Callback<()>,
}

/// One question with large answer buttons, the step indicator and a back button.
#[component]
pub fn QuestionScreen(props: &QuestionProps) -> Html {
    let l = props.locale;
    let (title, hint) = match props.question {
        Question::Assets => (KioskMsg::AssetsQuestion, KioskMsg::AssetsHint),
        Question::Age => (KioskMsg::AgeQuestion, KioskMsg::AgeHint),
        Question::Education => (KioskMsg::EducationQuestion, KioskMsg::EducationHint),
        Question::External => (KioskMsg::ExternalQuestion, KioskMsg::ExternalHint),
    };
    let step = match props.question.step() {
        Some(n) => html! {
            <p class="kiosk-step" id="kiosk-step" data-testid="kiosk-step">
                <span aria-hidden="true">{ format!("{n}/{STEPS}") }</span>
                <span class="visually-hidden">
                    { fill(l, KioskMsg::Step, &[("n", &n.to_string()), ("total", &STEPS.to_string())]) }
                </span>
            </p>
        },
        None => html! {
            <p class="kiosk-step" id="kiosk-step" data-testid="kiosk-step">{ kt(l, KioskMsg::Optional) }</p>
        },
    };
    let back = tap(&props.on_back, || ());
    let skip = tap(&props.on_skip, || ());
    html! {
        <section class="kiosk-question" aria-labelledby="kiosk-question">
            { step }
            // Focus lands on the heading; the step above it is read with it.
            <h1 id="kiosk-question" tabindex="-1" aria-describedby="kiosk-step">{ kt(l, title) }</h1>
            <p class="kiosk-hint">{ kt(l, hint) }</p>
            <ul class="kiosk-options" aria-labelledby="kiosk-question">
                if props.question == Question::External {
                    <li>
                        <button type="button" class={classes!("kiosk-option", props.none_chosen.then_some("chosen"))}
                                data-testid="kiosk-option" onclick={tap(&props.on_none, || ())}>
                            { kt(l, KioskMsg::NoneElsewhere) }
                            if props.none_chosen {
                                <span class="visually-hidden">{ kt(l, KioskMsg::Chosen) }</span>
                            }
                        </button>
                    </li>
                }
                { for props.options.iter().enumerate().map(|(i, label)| {
                    let chosen = props.chosen == Some(i);
                    let on = tap(&props.on_answer, move || i);
                    html! {
                        <li>
                            <button type="button" class={classes!("kiosk-option", chosen.then_some("chosen"))}
                                    data-testid="kiosk-option" onclick={on}>
                                { label.clone() }
                                if chosen {
                                    <span class="visually-hidden">{ kt(l, KioskMsg::Chosen) }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <div class="kiosk-nav">
                <button type="button" class="kiosk-secondary kiosk-back" onclick={back}>
                    { kt(l, KioskMsg::Back) }
                </button>
                if props.question == Question::External {
                    <button type="button" class="kiosk-secondary kiosk-skip" onclick={skip}>
                        { kt(l, KioskMsg::Skip) }
                    </button>
                }
            </div>
        </section>
    }
}

/// Props of [`ResultScreen`].
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// Display language.
    pub locale: Locale,
    /// The engine (the ruleset's benefits, colours, currency).
    pub engine: EngineRef,
    /// The evaluation of the synthetic profile.
    pub eval: Shared<Evaluation>,
    /// The bands the customer chose.
    pub chosen: Chosen,
    /// The answers as the questions showed them: assets, age, education, elsewhere.
    pub answers: [Option<AttrValue>; 4],
    /// What the take-away QR code encodes (no code when `None`).
    #[prop_or_default]
    pub take_away: Option<AttrValue>,
    /// "Start over".
    pub on_restart: Callback<()>,
}

/// The result: the tier with its colour, today's route, the main benefits, the way to the
/// next tier, what assets elsewhere would bring, and the answers it rests on.
#[component]
pub fn ResultScreen(props: &ResultProps) -> Html {
    let l = props.locale;
    let tag = l.tag();
    let e = &props.eval;
    let rs = props.engine.0.ruleset();
    let currency = rs.currency.as_str();
    let tier = rs.tiers.get(e.tier.rank);
    let card = use_node_ref();
    use_css(card.clone(), vec![("--tier-colour", colour(tier))]);
    let benefits = strata_ui::tier::headline_benefits(tier, tag);
    let (place, what) = text::route(l, e.service.route);
    let route_id = text::route_id(e.service.route);
    let next = e.reach.as_ref().map(|r| text::next_tier(l, currency, r));
    let potential = text::potential(l, currency, e, &props.chosen);
    let lo = props.chosen.assets.lo;
    // At the top tier there is nothing to move up to: no "you need less to move up".
    let top = e.tier.rank == 0;
    let assumed_msg = if top {
        KioskMsg::AssumedTop
    } else {
        KioskMsg::Assumed
    };
    let assumed = (!lo.is_zero()).then(|| {
        fill(
            l,
            assumed_msg,
            &[(
                "x",
                &strata_ui::format::money(Amount::Held, lo, currency, l),
            )],
        )
    });
    let not_answered = AttrValue::Static(kt(l, KioskMsg::NotAnswered));
    let rows = [
        t(l, Msg::Assets),
        kt(l, KioskMsg::Age),
        kt(l, KioskMsg::Education),
        kt(l, KioskMsg::External),
    ];
    let restart = tap(&props.on_restart, || ());
    html! {
        // Three columns in reading order on a landscape screen; on a portrait screen or a
        // phone the columns dissolve into one flow.
        <div class="kiosk-result">
          <div class="kiosk-col">
            <div class="tier-card kiosk-tier" ref={card}>
                <h1 tabindex="-1" data-testid="kiosk-tier" data-tier={e.tier.id.clone()}>
                    <span class="kiosk-eyebrow">{ kt(l, KioskMsg::YourTier) }</span>
                    { " " }
                    <span class="kiosk-tier-name">{ e.tier.name.get(tag) }</span>
                </h1>
                if let Some(a) = assumed {
                    <p class="kiosk-assumed">{ a }</p>
                }
            </div>
            <section class="card kiosk-card kiosk-route" aria-labelledby="kiosk-route-title"
                     data-route={route_id}>
                <h2 id="kiosk-route-title">{ kt(l, KioskMsg::Route) }</h2>
                <p class="kiosk-place" data-testid="kiosk-route">{ place }</p>
                <p>{ what }</p>
                if e.service.priority {
                    <p class="kiosk-badge" data-testid="kiosk-priority">{ kt(l, KioskMsg::Priority) }</p>
                }
                <p class="kiosk-muted">
                    { t(l, Msg::ServedBy) }{ l.colon() }{ sentences::maintainer(l, e.service.maintained_by) }
                </p>
            </section>
          </div>
          <div class="kiosk-col">
            <section class="card kiosk-card" aria-labelledby="kiosk-benefits-title">
                <h2 id="kiosk-benefits-title">{ kt(l, KioskMsg::Benefits) }</h2>
                <ul class="checklist" data-testid="kiosk-benefits">
                    { for benefits.into_iter().map(|b| html! { <li>{ b }</li> }) }
                </ul>
            </section>
            if next.is_some() || e.tier.rank == 0 {
                <section class="card kiosk-card" aria-labelledby="kiosk-next-title">
                    <h2 id="kiosk-next-title">{ kt(l, KioskMsg::Next) }</h2>
                    <p data-testid="kiosk-next">{ next.unwrap_or_else(|| t(l, Msg::TopTier).to_owned()) }</p>
                </section>
            }
            if let Some(p) = potential {
                <section class="card kiosk-card" aria-labelledby="kiosk-potential-title">
                    <h2 id="kiosk-potential-title">{ kt(l, KioskMsg::Potential) }</h2>
                    <p data-testid="kiosk-potential">{ p }</p>
                </section>
            }
          </div>
          <div class="kiosk-col">
            <section class="card kiosk-card kiosk-answers-card" aria-labelledby="kiosk-answers-title">
                <h2 id="kiosk-answers-title">{ kt(l, KioskMsg::Answers) }</h2>
                <dl class="kiosk-answers" data-testid="kiosk-answers">
                    { for rows.iter().zip(props.answers.iter()).map(|(m, a)| html! {
                        <div>
                            <dt>{ *m }</dt>
                            <dd>{ a.clone().unwrap_or_else(|| not_answered.clone()) }</dd>
                        </div>
                    }) }
                </dl>
                <p class="kiosk-muted">{ kt(l, KioskMsg::Estimate) }</p>
            </section>
            if let Some(text) = props.take_away.clone() {
                <TakeAway locale={l} {text} />
            }
            <button type="button" class="kiosk-primary kiosk-restart" onclick={restart}>
                { kt(l, KioskMsg::StartOver) }
            </button>
          </div>
        </div>
    }
}
