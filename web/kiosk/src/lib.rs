//! The branch kiosk (`kiosk.html`, built to `dist/kiosk/`), for the lobby's "identify & guide" step: an attract screen, a
//! three-step touch questionnaire (assets, age, education) with an optional fourth (assets at
//! other banks), and the result — the tier the answers give, its main benefits, the way to the
//! next tier and where to go today — from the same engine as the customer app.
//!
//! Full screen on its own (no top bar, tabs or persona). After `?idle=` seconds (default 60)
//! without activity it warns for `?warn=` seconds (default 30, at least 20), then starts a
//! new session: the session component is remounted under a fresh key, so its reducer, every
//! answer and every node showing one are dropped. Nothing is ever stored, and nothing is
//! fetched: the ruleset is already in the page.
//!
//! Its own binary (`strata-kiosk`), so customers' phones never download the kiosk's
//! screens; what it shares with the app (error card, formats, services) is `strata-ui`.

pub mod i18n;
pub mod idle;
pub mod model;
pub mod screens;
pub mod take_away;
pub mod text;
pub mod warning;

use std::rc::Rc;

use chrono::NaiveDate;
use strata_core::Engine;
use strata_ui::components::error_card::{ErrorCard, reload};
use strata_ui::error::LoadError;
use strata_ui::i18n::{Locale, Msg, t};
use strata_ui::services::{clock, start_locale, url};
use strata_ui::shared::{EngineRef, Shared};
use yew::prelude::*;

use crate::i18n::{KioskMsg, kt};
use crate::idle::{idle_seconds, use_idle, warn_seconds};
use crate::model::{Bands, Elsewhere, KioskAction, KioskState, Question, Screen};
use crate::screens::{Attract, QuestionScreen, ResultScreen};
use crate::warning::IdleWarning;

/// Props of [`Kiosk`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The app's engine (the default ruleset, or the bank's).
    pub engine: EngineRef,
    /// The language each session starts in.
    pub locale: Locale,
}

/// A tap's callback that ignores the second click of a double tap (`detail` 2 or more): it
/// would land on whatever the next screen puts under the finger and answer for the
/// customer. Keyboard activation (`detail` 0) and single taps pass.
pub(crate) fn tap<T: 'static>(
    on: &Callback<T>,
    value: impl Fn() -> T + 'static,
) -> Callback<MouseEvent> {
    let on = on.clone();
    Callback::from(move |e: MouseEvent| {
        if e.detail() <= 1 {
            on.emit(value());
        }
    })
}

/// The kiosk build's root: the default engine, or the bank's ruleset and catalog by URL
/// (`?ruleset=`, `?catalog=`, each pinnable with `?…_sha256=`, as in the app), fetched once at
/// start-up; after that the kiosk needs no network.
#[component]
pub fn KioskApp() -> Html {
    let locale = *use_memo((), |()| start_locale());
    // The bank's rules by URL: no question is asked before they are here, so every band
    // comes from them.
    let load = use_state(|| {
        if url::param("ruleset").is_some() || url::param("catalog").is_some() {
            return Load::Fetching;
        }
        match strata_ui::engine::default_engine() {
            Err(e) => Load::Failed(LoadError::of_assembly(&e, None)),
            Ok(e) => Load::Ready(Rc::new(e)),
        }
    });
    // The kiosk's files stay cached by its service worker (dist/kiosk/sw.js), so it starts
    // again after a reload or restart without network. A host without sw.js (the dev
    // server) just has none.
    use_effect_with((), |()| {
        if let Some(w) = web_sys::window() {
            let register = w.navigator().service_worker().register("sw.js");
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(register).await;
            });
        }
    });
    {
        let load = load.clone();
        use_effect_with((), move |()| {
            if let Load::Fetching = &*load {
                wasm_bindgen_futures::spawn_local(async move {
                    let (ruleset, catalog) = (url::param("ruleset"), url::param("catalog"));
                    load.set(
                        match strata_ui::engine::load_engine(ruleset, catalog).await {
                            Ok(e) => Load::Ready(Rc::new(e)),
                            Err(e) => Load::Failed(e),
                        },
                    );
                });
            }
        });
    }
    // The detail of a failure is for the branch's staff and developers: the console.
    use_effect_with(matches!(&*load, Load::Failed(_)), {
        let load = load.clone();
        move |_| {
            if let Load::Failed(error) = &*load {
                error.report();
            }
        }
    });
    match &*load {
        Load::Fetching => html! {
            <main id="main" class="kiosk-main">
                <p class="loading" role="status">{ t(locale, Msg::Loading) }</p>
            </main>
        },
        Load::Ready(engine) => html! { <Kiosk engine={Shared(engine.clone())} {locale} /> },
        // The bank's data did not load (or, in a broken build, the shipped ruleset): the
        // customer is told in words and can try again; the detail is in the console.
        Load::Failed(error) => html! {
            <main id="main" class="kiosk-main">
                <ErrorCard error={error.clone()} {locale} level={1}
                           on_retry={Callback::from(|()| reload())} />
            </main>
        },
    }
}

/// Where the kiosk's engine stands.
enum Load {
    /// The bank's ruleset or catalog is on its way.
    Fetching,
    /// Ready to ask.
    Ready(Rc<Engine>),
    /// The bank's data could not be used, or the shipped ruleset does not build.
    Failed(LoadError),
}

/// One session's identity: a fresh key and the date it evaluates on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Session {
    key: u32,
    as_of: NaiveDate,
}

/// The kiosk: reads its timings once and starts a new session on every reset.
#[component]
pub fn Kiosk(props: &Props) -> Html {
    let timings = use_memo((), |()| {
        (
            idle_seconds(url::param("idle").as_deref()),
            warn_seconds(url::param("warn").as_deref()),
        )
    });
    let session = use_state(|| Session {
        key: 0,
        as_of: clock::as_of(),
    });
    let on_reset = {
        let session = session.clone();
        // A kiosk runs for days: each session reads today's date afresh.
        Callback::from(move |()| {
            session.set(Session {
                key: session.key.wrapping_add(1),
                as_of: clock::as_of(),
            });
        })
    };
    let (idle, warn) = *timings;
    html! {
        <KioskSession key={session.key.to_string()} engine={props.engine.clone()}
                      locale={props.locale} as_of={session.as_of} {idle} {warn} {on_reset} />
    }
}

/// Props of [`KioskSession`].
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    /// The engine.
    pub engine: EngineRef,
    /// The language the session starts in.
    pub locale: Locale,
    /// The date evaluated on.
    pub as_of: NaiveDate,
    /// Seconds without activity before the warning.
    pub idle: u32,
    /// Seconds the warning gives.
    pub warn: u32,
    /// Forget everything and start a new session.
    pub on_reset: Callback<()>,
}

/// Focuses the screen's heading (or `el` when given and still in the page).
fn focus(el: Option<web_sys::HtmlElement>) {
    let el = el.filter(|e| e.is_connected()).or_else(|| {
        gloo_utils::document()
            .query_selector("#main h1")
            .ok()
            .flatten()
            .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
    });
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// One customer's session: the screens, the answers and the idle warning.
#[component]
pub fn KioskSession(props: &SessionProps) -> Html {
    let state = {
        let locale = props.locale;
        use_reducer(move || KioskState::new(locale))
    };
    let bands = use_memo(props.engine.clone(), |e| Bands::of(&e.0));
    let l = state.locale;
    // Where focus was when the warning opened, to return it there.
    let before_warning = use_mut_ref(|| None::<web_sys::HtmlElement>);

    use_effect_with(l, |l| {
        if let Some(el) = gloo_utils::document().document_element() {
            let _ = el.set_attribute("lang", l.tag());
        }
        gloo_utils::document().set_title(t(*l, Msg::Brand));
    });
    // A new screen: back to the top, focus on its heading.
    use_effect_with(state.screen, |_| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        focus(None);
    });
    {
        let before_warning = before_warning.clone();
        use_effect_with(state.warning, move |&warning| {
            if !warning && let Some(el) = before_warning.borrow_mut().take() {
                focus(Some(el));
            }
        });
    }
    let on_idle = {
        let dispatcher = state.dispatcher();
        let before_warning = before_warning.clone();
        Callback::from(move |()| {
            *before_warning.borrow_mut() = gloo_utils::document()
                .active_element()
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            dispatcher.dispatch(KioskAction::Idle);
        })
    };
    use_idle(
        state.screen != Screen::Attract && !state.warning,
        props.idle,
        on_idle,
    );

    let evaluation = {
        let shown = state.screen == Screen::Result;
        use_memo(
            (
                props.engine.clone(),
                bands.clone(),
                state.answers,
                props.as_of,
                shown,
            ),
            |(engine, bands, answers, as_of, shown)| {
                if !*shown {
                    return None;
                }
                let profile = bands.profile(answers, *as_of)?;
                engine.0.evaluate(&profile, *as_of).ok().map(Shared::new)
            },
        )
    };

    let dispatch = |a: KioskAction| {
        let d = state.dispatcher();
        Callback::from(move |()| d.dispatch(a))
    };
    let currency = props.engine.0.ruleset().currency.clone();
    let labels = |q: Question| -> Vec<AttrValue> {
        match q {
            Question::Assets | Question::External => bands
                .assets
                .iter()
                .map(|b| text::money_band(l, &currency, *b).into())
                .collect(),
            Question::Age => bands
                .ages
                .iter()
                .map(|b| text::age_band(l, *b).into())
                .collect(),
            Question::Education => bands
                .education
                .iter()
                .map(|b| text::education_band(l, *b).into())
                .collect(),
        }
    };
    let screen = match state.screen {
        Screen::Attract => html! { <Attract locale={l} on_start={dispatch(KioskAction::Start)} /> },
        Screen::Ask(q) => {
            let on_answer = {
                let d = state.dispatcher();
                Callback::from(move |i: usize| d.dispatch(KioskAction::Answer(q, i)))
            };
            let none_chosen =
                q == Question::External && state.answers.external == Some(Elsewhere::Nothing);
            html! {
                <QuestionScreen key={q.id()} locale={l} question={q} options={labels(q)}
                                chosen={state.answers.get(q)} {none_chosen} {on_answer}
                                on_none={dispatch(KioskAction::NoneElsewhere)}
                                on_back={dispatch(KioskAction::Back)} on_skip={dispatch(KioskAction::Skip)} />
            }
        }
        Screen::Result => match (&*evaluation, bands.chosen(&state.answers)) {
            (Some(eval), Some(chosen)) => {
                let a = &state.answers;
                let pick =
                    |q: Question, i: Option<usize>| i.and_then(|i| labels(q).into_iter().nth(i));
                let answers = [
                    pick(Question::Assets, a.assets),
                    pick(Question::Age, a.age),
                    pick(Question::Education, a.education),
                    match a.external {
                        Some(Elsewhere::Nothing) => {
                            Some(AttrValue::Static(kt(l, KioskMsg::NoneElsewhere)))
                        }
                        Some(Elsewhere::Band(i)) => pick(Question::External, Some(i)),
                        None => None,
                    },
                ];
                let take_away = take_away_text(&eval.tier.id).map(AttrValue::from);
                html! {
                    <ResultScreen locale={l} engine={props.engine.clone()}
                                  eval={eval.clone()} {chosen} {answers} {take_away}
                                  on_restart={props.on_reset.clone()} />
                }
            }
            _ => html! {
                <section class="card kiosk-card" aria-labelledby="kiosk-error">
                    <h1 id="kiosk-error" tabindex="-1">{ t(l, Msg::NotShownTitle) }</h1>
                    <p>{ kt(l, KioskMsg::Error) }</p>
                    <button type="button" class="kiosk-primary" onclick={tap(&props.on_reset, || ())}>
                        { kt(l, KioskMsg::StartOver) }
                    </button>
                </section>
            },
        },
    };
    let switch = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(KioskAction::SetLocale(l.other())))
    };
    let toggle_large = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(KioskAction::ToggleLarge))
    };
    let name = match state.screen {
        Screen::Attract => "attract",
        Screen::Ask(_) => "question",
        Screen::Result => "result",
    };
    html! {
        <div class={classes!("kiosk", state.large.then_some("kiosk-large"))} data-screen={name}>
            <div class="kiosk-screen" inert={state.warning}>
                <header class="kiosk-bar">
                    <span class="kiosk-brand">{ t(l, Msg::Brand) }</span>
                    <div class="kiosk-tools">
                        <button type="button" class="pill kiosk-tool kiosk-large-toggle" onclick={toggle_large}
                                aria-pressed={if state.large { "true" } else { "false" }}>
                            <span class="kiosk-large-mark" aria-hidden="true">{ "A+" }</span>
                            { kt(l, KioskMsg::LargeText) }
                        </button>
                        <button type="button" class="lang kiosk-lang kiosk-tool" onclick={switch}
                                lang={l.other().tag()}>{ t(l, Msg::SwitchLanguage) }</button>
                    </div>
                </header>
                <main id="main" class="kiosk-main">{ screen }</main>
            </div>
            if state.warning {
                <IdleWarning locale={l} seconds={props.warn}
                             on_still_here={dispatch(KioskAction::StillHere)}
                             on_timeout={props.on_reset.clone()} />
            }
        </div>
    }
}

/// What the result's QR code encodes for `tier`: the page `?benefits=` names (the bank's own
/// benefits page), else the app's compare page beside the kiosk (`../compare`), with the
/// tier and the bank's `?ruleset=` URL. `None` when the page is not an http(s) address.
fn take_away_text(tier: &str) -> Option<String> {
    let base = gloo_utils::document().base_uri().ok().flatten()?;
    let page = url::param("benefits").unwrap_or_else(|| "../compare".to_owned());
    let page = web_sys::Url::new_with_base(&page, &base).ok()?;
    if !matches!(page.protocol().as_str(), "https:" | "http:") {
        return None;
    }
    // The page's own query (the app's `?lang=`, say) stays; a fragment would swallow ours.
    page.set_hash("");
    Some(take_away::link(
        &page.href(),
        tier,
        url::param("ruleset").as_deref(),
    ))
}

/// Mounts the kiosk on the document body.
pub fn start() {
    yew::Renderer::<KioskApp>::new().render();
}
