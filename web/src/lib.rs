//! Strata's customer-facing Yew app: the customer's tier and progress, computed on the
//! device by `strata-core`. Nothing personal leaves the page or is stored.

pub mod components;
pub mod format;
pub mod i18n;
pub mod state;

use chrono::NaiveDate;
use strata_core::evaluation::Evaluation;
use strata_core::ruleset::Ruleset;
use strata_core::{Engine, Profile, rulesets};
use yew::prelude::*;

use crate::components::tier_card::TierCard;
use crate::i18n::{Msg, t};
use crate::state::{Action, State};

/// The demo customer shown until a bank passes a real profile.
pub const DEMO_PROFILE: &str = include_str!("../demo/li-wei.json");

/// Evaluates the demo customer on the default ruleset; errors are shown, never thrown.
pub fn evaluate_demo(as_of: NaiveDate) -> Result<(Ruleset, Evaluation), String> {
    let engine = Engine::new(rulesets::cn_retail()).map_err(|e| e.to_string())?;
    let profile = Profile::from_json(DEMO_PROFILE).map_err(|e| e.to_string())?;
    let eval = engine
        .evaluate(&profile, as_of)
        .map_err(|e| e.to_string())?;
    Ok((engine.ruleset().clone(), eval))
}

/// Today on the device's clock (the engine itself never reads a clock).
fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The root component.
#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let result = use_memo((), |()| evaluate_demo(today()));
    let locale = state.locale;
    {
        // Keep <html lang> in step so screen readers pick the right voice.
        use_effect_with(locale, |locale| {
            if let Some(el) = gloo_utils::document().document_element() {
                let _ = el.set_attribute("lang", locale.tag());
            }
        });
    }
    let switch = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetLocale(state.locale.other())))
    };
    html! {
        <>
            <header class="top-bar">
                <span class="brand">{ "Strata" }</span>
                <button type="button" class="lang" onclick={switch}
                        lang={locale.other().tag()}>{ t(locale, Msg::SwitchLanguage) }</button>
            </header>
            <main>
                <h1>{ t(locale, Msg::Title) }</h1>
                { match &*result {
                    Ok((ruleset, eval)) => html! {
                        <TierCard evaluation={eval.clone()} ruleset={ruleset.clone()} {locale} />
                    },
                    Err(message) => html! {
                        <section class="error-card" role="alert">
                            <h2>{ t(locale, Msg::ErrorTitle) }</h2>
                            <p>{ message.clone() }</p>
                        </section>
                    },
                } }
                <p class="privacy">{ t(locale, Msg::Privacy) }</p>
            </main>
        </>
    }
}

/// Mounts the app on the document body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
