//! Strata's customer-facing Yew app: the customer's tier, benefits, progress, what-if and
//! recommendations, computed on the device by `strata-core`. Nothing personal leaves the
//! page or is stored; only the language choice is remembered.
//!
//! The root ([`App`]) owns the one reducer and all I/O (query string, clock, storage, fetch,
//! the JS bridge); pages and components get props and callbacks.

pub mod components;
pub mod data;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod sentences;
pub mod services;
pub mod state;
pub mod view;

use std::rc::Rc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use strata_core::recommend::{Audience, Options};
use strata_core::{Engine, Profile};
use strata_ui::components::error_card::{ErrorCard, reload};
use strata_ui::engine::{fetch_pinned, load_engine};
use strata_ui::error::LoadError;
use strata_ui::i18n::{Locale, Msg, t};
use strata_ui::services::fetch::FetchError;
use strata_ui::services::{clock, start_locale, storage, timing, url};
use strata_ui::shared::Shared;
use yew::prelude::*;

use crate::components::nav_link::{Icon, NavLink, icon};
use crate::data::{DEFAULT_PERSONA, Persona, demo_flag};
use crate::i18n::AppMsg;
use crate::route::{Nav, Route};
use crate::services::prefs::{self, Prefs};
use crate::services::{bridge, history};
use crate::state::{Action, Customer, Mode, State};
use crate::view::View;

/// Evaluation options for every page: the customer audience (the customer's own device, no
/// staff-only field), every offer, no exclusions (the product page asks for those itself).
fn options() -> Options {
    Options {
        top_n: None,
        explain: false,
        audience: Audience::Customer,
    }
}

/// Parses and checks a profile from the bank against the engine: the profile, or the error
/// card's content naming every bad field.
pub fn check_profile(
    engine: &Engine,
    json: &str,
    as_of: NaiveDate,
    source: Option<String>,
) -> Result<Profile, LoadError> {
    let fail = |e| LoadError::of_profile(&e, source.clone());
    let profile = Profile::from_json(json).map_err(fail)?;
    // The full evaluation, so every problem it can meet (an overflow in customer value or
    // assets too) is reported here with the profile's source; before the catalog is added
    // it works out no offers, so it costs little.
    engine.evaluate(&profile, as_of).map_err(fail)?;
    Ok(profile)
}

/// The persona to show for an id, falling back to the default.
fn persona<'a>(all: &'a [Persona], id: &str) -> Option<&'a Persona> {
    all.iter()
        .find(|p| p.id == id)
        .or_else(|| all.iter().find(|p| p.id == DEFAULT_PERSONA))
}

/// Whether Compare, open without a customer, leaves out the error card: only when no profile
/// was asked for (the kiosk's QR code); a profile or ruleset that failed still says so.
fn quiet_on_compare(open_compare: bool, error: &LoadError) -> bool {
    open_compare && *error == LoadError::no_profile()
}

/// The root component: the app shell with the default engine, without its catalog at
/// first: the tier card needs only the ruleset, and the catalog is added once it is painted
/// ([`Shell`]). The engine is assembled in a task after the one that started the wasm (which
/// compiles it), so neither blocks the page for long; meanwhile the page shows the stand-in
/// index.html painted.
#[component]
pub fn App() -> Html {
    let engine = use_state(|| None::<Result<Rc<Engine>, strata_core::AssemblyError>>);
    {
        let engine = engine.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                timing::yield_now().await;
                let assembled = strata_ui::engine::card_engine().map(Rc::new);
                timing::mark("engine");
                engine.set(Some(assembled));
            });
        });
    }
    match &*engine {
        None => stand_in(start_locale()),
        Some(Ok(engine)) => html! {
            <Shell engine={Shared(engine.clone())} />
        },
        // Only a broken build gets here: the shipped ruleset is tested.
        Some(Err(e)) => html! {
            <main id="main">
                <ErrorCard error={LoadError::of_assembly(e, None)}
                           locale={Locale::ZhCn} level={1} on_retry={Callback::from(|()| reload())} />
            </main>
        },
    }
}

/// What index.html paints before the wasm (its `data-skeleton`), in the page's language:
/// the header, Home's heading and the tier card's stand-in, at the same places.
fn stand_in(locale: Locale) -> Html {
    html! {
        <div data-skeleton="" aria-busy="true">
            <header class="top-bar"><span class="brand">{ t(locale, Msg::Brand) }</span></header>
            <main id="main">
                <h1>{ t(locale, AppMsg::Title) }</h1>
                { skeleton_card(locale) }
            </main>
        </div>
    }
}

/// The tier card's stand-in while it loads, the same as index.html's; also the product
/// page's while the offers are coming.
pub(crate) fn skeleton_card(locale: Locale) -> Html {
    html! {
        <div class="skeleton-card" role="status" aria-busy="true">
            <p class="visually-hidden">{ t(locale, Msg::Loading) }</p>
            <div class="skeleton-line"></div>
            <div class="skeleton-line wide"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-line bar"></div>
        </div>
    }
}

/// Props of [`Shell`].
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The default engine.
    pub engine: strata_ui::shared::EngineRef,
}

/// Header, error card, the current page and the tab bar; owns the state and the I/O.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    // Demo mode's personas, fetched only in demo mode (data.rs).
    let personas = use_state(|| Rc::new(Vec::<Persona>::new()));
    let state = {
        let engine = props.engine.0.clone();
        use_reducer(move || {
            let locale = start_locale();
            // A bank's profile, else the demo only when asked for (`?demo=`), else nothing:
            // production never shows a demo customer.
            let customer = if url::param("profile").is_some() {
                Customer::Loading
            } else if let Some(id) = data::demo_persona(demo_flag().as_deref()) {
                Customer::Persona(id)
            } else {
                Customer::Unavailable
            };
            let mut state = State::new(locale, engine, customer, clock::as_of());
            if state.customer == Customer::Unavailable {
                state.error = Some(LoadError::no_profile());
            }
            state
        })
    };
    // The router: the address bar's route, changed by links and the back button.
    let route_state = use_state(history::current);
    let route = (*route_state).clone();
    {
        let route_state = route_state.clone();
        use_effect_with((), move |()| {
            let listener = history::listen(move |r| route_state.set(r));
            move || drop(listener)
        });
    }
    let nav = Nav {
        route: route.clone(),
        go: {
            let route_state = route_state.clone();
            Callback::from(move |to: Route| {
                history::push(&to);
                route_state.set(to);
            })
        },
    };
    let display = use_state(prefs::load);
    let locale = state.locale;

    // The engine as of the latest render, for the JS bridge installed once.
    let engine_now = use_mut_ref(|| state.engine.0.clone());
    *engine_now.borrow_mut() = state.engine.0.clone();

    {
        // Keep <html lang> in step so screen readers pick the right voice.
        use_effect_with(locale, |locale| {
            if let Some(el) = gloo_utils::document().document_element() {
                let _ = el.set_attribute("lang", locale.tag());
            }
            gloo_utils::document().set_title(t(*locale, Msg::Brand));
        });
    }
    {
        // A new page: back to the top and focus on its heading, as a page load would.
        use_effect_with(route.clone(), |_| {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            if let Ok(Some(h)) = gloo_utils::document().query_selector("main h1")
                && let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h)
            {
                let _ = h.focus();
            }
        });
    }
    {
        // The start-up, in short tasks so the phone's main thread is never blocked long: the
        // bank's data by URL (ruleset and catalog first: the profile is checked against them),
        // the profile checked and its tier card drawn in a task of its own, and once that is
        // painted, the shipped catalog added for the offers.
        let dispatcher = state.dispatcher();
        let engine = state.engine.0.clone();
        let as_of = state.as_of;
        use_effect_with((), move |()| {
            let [ruleset_url, catalog_url, profile_url] =
                ["ruleset", "catalog", "profile"].map(url::param);
            wasm_bindgen_futures::spawn_local(async move {
                let fail = |error| dispatcher.dispatch(Action::Failed(error));
                let mut engine = engine;
                // The bank's engine comes with its catalog (or none): nothing to add then.
                let mut bank_engine = false;
                if ruleset_url.is_some() || catalog_url.is_some() {
                    match load_engine(ruleset_url, catalog_url).await {
                        Ok(e) => {
                            bank_engine = true;
                            engine = Rc::new(e);
                            dispatcher.dispatch(Action::RulesetLoaded(engine.clone()));
                        }
                        Err(error) => fail(error),
                    }
                }
                if let Some(u) = profile_url {
                    let json = fetch_pinned("profile", &u).await;
                    timing::yield_now().await;
                    match json
                        .and_then(|json| check_profile(&engine, &json, as_of, Some(u.clone())))
                    {
                        Ok(p) => {
                            timing::mark("profile");
                            dispatcher.dispatch(Action::ProfileLoaded(Shared::new(p)));
                        }
                        Err(error) => fail(error),
                    }
                }
                if !bank_engine {
                    timing::after_paint().await;
                    let with_catalog = Rc::new((*engine).clone().with_shipped_catalog());
                    timing::mark("catalog");
                    timing::yield_now().await;
                    dispatcher.dispatch(Action::CatalogAdded(with_catalog));
                }
            });
        });
    }
    {
        // Demo mode: its personas, fetched (never built into the wasm). Without the one
        // asked for (or the default), the customer is unavailable and the error card says so.
        let dispatcher = state.dispatcher();
        let personas = personas.clone();
        let wanted = match &state.customer {
            Customer::Persona(id) => Some(id.clone()),
            _ => None,
        };
        use_effect_with((), move |()| {
            if let Some(id) = wanted {
                wasm_bindgen_futures::spawn_local(async move {
                    let all = data::load().await;
                    if persona(&all, &id).is_none() {
                        dispatcher.dispatch(Action::Loading);
                        dispatcher.dispatch(Action::Failed(LoadError::of_fetch(
                            &FetchError::Network("the demo personas could not be loaded".into()),
                            Some(data::DIR.to_owned()),
                        )));
                    }
                    personas.set(Rc::new(all));
                });
            }
        });
    }
    {
        // A native WebView or parent page may hand over a profile at any time.
        let dispatcher = state.dispatcher();
        let as_of = state.as_of;
        let engine_now = engine_now.clone();
        use_effect_with((), move |()| {
            let bridge = bridge::install(move |json| {
                let engine = engine_now.borrow().clone();
                match check_profile(&engine, &json, as_of, None) {
                    Ok(p) => dispatcher.dispatch(Action::ProfileLoaded(Shared::new(p))),
                    Err(error) => dispatcher.dispatch(Action::Failed(error)),
                }
            });
            move || drop(bridge)
        });
    }

    let set_locale = {
        let state = state.clone();
        Callback::from(move |l: Locale| {
            storage::save_locale(l);
            state.dispatch(Action::SetLocale(l));
        })
    };
    let switch = set_locale.reform(move |_: MouseEvent| locale.other());
    let on_persona = {
        let state = state.clone();
        let route = route.clone();
        Callback::from(move |id: String| {
            // In the URL too, so a reload or a shared link shows the same persona.
            let mut pairs = url::with_param("demo", Some(&id));
            pairs.retain(|(k, _)| k != "profile");
            history::replace(&route, &pairs);
            state.dispatch(Action::SelectPersona(id));
        })
    };
    let on_prefs = {
        let display = display.clone();
        Callback::from(move |p: Prefs| {
            prefs::save(p);
            display.set(p);
        })
    };
    let on_clear = {
        let display = display.clone();
        Callback::from(move |()| {
            prefs::clear();
            display.set(Prefs::default());
        })
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::DismissError))
    };

    {
        // The technical detail of a failure goes to the console and the host's onError,
        // never to the screen.
        use_effect_with(state.error.clone(), |error| {
            if let Some(error) = error {
                error.report();
                bridge::report(error);
            }
        });
    }
    let demo = matches!(state.customer, Customer::Persona(_));
    let unavailable = state.customer == Customer::Unavailable;
    let retry = Callback::from(|()| reload());

    let current_persona = match &state.customer {
        Customer::Persona(id) => persona(&personas, id).map(|p| AttrValue::from(p.id.clone())),
        _ => None,
    };
    // Memoised so that a re-render keeps the same shared profile and evaluation, and
    // pages compared by identity (`Shared`) re-render only when they change.
    let profile = use_memo(
        (state.customer.clone(), state.as_of, personas.clone()),
        |(customer, as_of, personas)| match customer {
            Customer::Persona(id) => {
                persona(personas, id).map(|p| Shared::new(data::profile_for(p, *as_of)))
            }
            Customer::External(p) => Some(p.clone()),
            Customer::Loading | Customer::Unavailable => None,
        },
    );
    let profile = (*profile).clone();
    let evaluation = {
        let engine = state.engine.clone();
        let as_of = state.as_of;
        use_memo(
            (engine, profile.clone(), as_of),
            |(engine, profile, as_of)| {
                profile
                    .as_ref()
                    .map(|p| engine.evaluate_with(p, *as_of, &options()).map(Shared::new))
                    .inspect(|_| timing::mark("evaluated"))
            },
        )
    };

    // A tier a link names (the kiosk's take-away QR code opens `/compare?tier=<id>`).
    let chosen = url::param("tier").map(AttrValue::from);
    // Compare needs no customer: from a QR code it shows every tier, none of them "yours".
    let open_compare = unavailable && route == Route::Compare;
    let loaded = open_compare || unavailable || (evaluation.is_some() && profile.is_some());
    let page = match (&*evaluation, profile) {
        _ if open_compare => html! {
            <pages::compare::Compare {locale} engine={state.engine.clone()} chosen={chosen.clone()} />
        },
        // The error card above says why there is nothing to show.
        _ if unavailable => Html::default(),
        // The same stand-in index.html paints before the wasm, so the page does not move
        // between the two and again when the card comes.
        (None, _) | (_, None) => html! {
            <>
                if route == Route::Home {
                    <h1>{ t(locale, AppMsg::Title) }</h1>
                }
                { skeleton_card(locale) }
            </>
        },
        // Only a broken build gets here: every persona evaluates (data.rs's tests).
        (Some(Err(e)), _) => html! {
            <ErrorCard error={LoadError::of_profile(e, None)} {locale} level={1}
                       on_retry={retry.clone()} />
        },
        (Some(Ok(eval)), Some(profile)) => {
            let view = View {
                locale,
                engine: state.engine.clone(),
                profile,
                as_of: state.as_of,
                eval: eval.clone(),
                offers_pending: state.offers_pending,
            };
            match route.clone() {
                Route::Home => html! { <pages::home::Home {view} /> },
                Route::Benefits => html! { <pages::benefits::Benefits {view} /> },
                Route::Compare => html! {
                    <pages::compare::Compare {locale} engine={state.engine.clone()}
                        current={Some(eval.tier.rank)} chosen={chosen.clone()} />
                },
                Route::WhatIf => {
                    let on_mode = {
                        let state = state.clone();
                        Callback::from(move |m: Mode| state.dispatch(Action::SetMode(m)))
                    };
                    let on_amount = {
                        let state = state.clone();
                        Callback::from(move |a: Decimal| state.dispatch(Action::SetAmount(a)))
                    };
                    let on_reset = {
                        let state = state.clone();
                        Callback::from(move |()| state.dispatch(Action::ResetWhatIf))
                    };
                    html! {
                        <pages::what_if::WhatIfPage {view} input={state.what_if}
                                                    {on_mode} {on_amount} {on_reset} />
                    }
                }
                Route::Product { id } => {
                    html! { <pages::product::Product {view} id={AttrValue::from(id)} /> }
                }
                Route::Settings => html! {
                    <pages::settings::Settings {view} personas={Shared((*personas).clone())} {demo}
                        current={current_persona} prefs={*display} on_locale={set_locale.clone()}
                        on_prefs={on_prefs} on_clear={on_clear} on_persona={on_persona} />
                },
                Route::NotFound => html! { <pages::not_found::NotFound {locale} /> },
            }
        }
    };
    let tabs = [
        (Route::Home, AppMsg::NavHome, Icon::Home),
        (Route::Benefits, AppMsg::NavBenefits, Icon::Benefits),
        (Route::Compare, AppMsg::NavCompare, Icon::Tiers),
        (Route::WhatIf, AppMsg::NavWhatIf, Icon::WhatIf),
        (Route::Settings, AppMsg::NavSettings, Icon::Settings),
    ];
    html! {
        <ContextProvider<Nav> context={nav}>
            <header class="top-bar">
                <span class="brand">{ t(locale, Msg::Brand) }</span>
                <button type="button" class="lang" onclick={switch}
                        lang={locale.other().tag()}>{ t(locale, Msg::SwitchLanguage) }</button>
            </header>
            <main id="main">
                if demo {
                    <p class="demo-banner" role="note" data-testid="demo-banner">{ t(locale, AppMsg::DemoBanner) }</p>
                }
                if let Some(error) = state.error.as_ref().filter(|e| !quiet_on_compare(open_compare, e)) {
                    if unavailable {
                        <ErrorCard error={error.clone()} {locale} level={1} on_retry={retry} />
                    } else {
                        <ErrorCard error={error.clone()} {locale} on_dismiss={dismiss} />
                    }
                }
                { page }
                // Under the page once it is drawn: while it loads this line would sit under
                // the stand-in and jump down when the page comes (a layout shift).
                if loaded {
                    <p class="privacy">{ t(locale, AppMsg::Privacy) }</p>
                }
            </main>
            <nav class="tabs" aria-label={t(locale, AppMsg::NavMain)}>
                { for tabs.into_iter().map(|(r, m, i)| html! {
                    <NavLink to={r} classes={classes!("tab")}>
                        { icon(i) }<span class="tab-label">{ t(locale, m) }</span>
                    </NavLink>
                }) }
            </nav>
        </ContextProvider<Nav>>
    }
}

/// Mounts the app on the document body.
pub fn start() {
    timing::mark("start");
    yew::Renderer::<App>::new().render();
}
