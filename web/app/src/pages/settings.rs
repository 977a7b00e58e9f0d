//! Settings: language, text size, theme, clearing what this device keeps, and, in demo mode
//! only, which persona is shown.

use strata_ui::format;
use strata_ui::i18n::{Locale, t};
use strata_ui::shared::Shared;
use yew::prelude::*;

use crate::data::Persona;
use crate::i18n::AppMsg;
use crate::services::prefs::{Prefs, TextSize, Theme};
use crate::view::View;

/// Props of [`Settings`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to render.
    pub view: View,
    /// The demo personas.
    pub personas: Shared<Vec<Persona>>,
    /// Whether this is demo mode: only then is the persona picker shown.
    pub demo: bool,
    /// The persona shown, if a persona is shown.
    pub current: Option<AttrValue>,
    /// The display settings now.
    pub prefs: Prefs,
    /// Pick a language.
    pub on_locale: Callback<Locale>,
    /// Change the display settings.
    pub on_prefs: Callback<Prefs>,
    /// Forget what this device keeps.
    pub on_clear: Callback<()>,
    /// Pick a persona.
    pub on_persona: Callback<String>,
}

/// One radio button of a group.
fn choice(
    name: &'static str,
    value: &'static str,
    checked: bool,
    label: Html,
    on: Callback<()>,
) -> Html {
    html! {
        <label class="choice">
            <input type="radio" {name} {value} {checked}
                   onchange={Callback::from(move |_: Event| on.emit(()))} />
            { label }
        </label>
    }
}

/// The settings screen.
#[component]
pub fn Settings(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let cleared = use_state(|| false);
    let prefs = props.prefs;
    let language = |option: Locale, label: &'static str| {
        let on = props.on_locale.clone();
        choice(
            "language",
            option.tag(),
            l == option,
            html! { <span lang={option.tag()}>{ label }</span> },
            Callback::from(move |()| on.emit(option)),
        )
    };
    let text_label = |s: TextSize| match s {
        TextSize::Standard => AppMsg::TextStandard,
        TextSize::Large => AppMsg::TextLarge,
        TextSize::Larger => AppMsg::TextLarger,
    };
    let theme_label = |s: Theme| match s {
        Theme::System => AppMsg::ThemeSystem,
        Theme::Light => AppMsg::ThemeLight,
        Theme::Dark => AppMsg::ThemeDark,
    };
    let clear = {
        let on = props.on_clear.clone();
        let cleared = cleared.clone();
        Callback::from(move |_: MouseEvent| {
            on.emit(());
            cleared.set(true);
        })
    };
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::SettingsTitle) }</h1>
            <fieldset class="card">
                <legend>{ t(l, AppMsg::Language) }</legend>
                { language(Locale::ZhCn, "简体中文") }
                { language(Locale::En, "English") }
            </fieldset>
            <fieldset class="card" data-testid="text-size">
                <legend>{ t(l, AppMsg::TextSize) }</legend>
                { for TextSize::ALL.into_iter().map(|s| {
                    let on = props.on_prefs.clone();
                    choice("text-size", s.tag(), prefs.text == s, html! { <span>{ t(l, text_label(s)) }</span> },
                           Callback::from(move |()| on.emit(Prefs { text: s, ..prefs })))
                }) }
            </fieldset>
            <fieldset class="card" data-testid="theme">
                <legend>{ t(l, AppMsg::Theme) }</legend>
                { for Theme::ALL.into_iter().map(|s| {
                    let on = props.on_prefs.clone();
                    choice("theme", s.tag(), prefs.theme == s, html! { <span>{ t(l, theme_label(s)) }</span> },
                           Callback::from(move |()| on.emit(Prefs { theme: s, ..prefs })))
                }) }
            </fieldset>
            <section class="card settings-data" aria-labelledby="device-data-title">
                <h2 id="device-data-title">{ t(l, AppMsg::DeviceData) }</h2>
                <p class="muted">{ t(l, AppMsg::DeviceDataHint) }</p>
                <button type="button" class="button" onclick={clear}
                        data-testid="clear-data">{ t(l, AppMsg::ClearData) }</button>
                <p role="status" class="settings-status">
                    if *cleared { { t(l, AppMsg::DataCleared) } }
                </p>
            </section>
            if props.demo {
                <fieldset class="card personas">
                    <legend>{ t(l, AppMsg::Persona) }</legend>
                    <p class="muted">{ t(l, AppMsg::PersonaHint) }</p>
                    { for props.personas.iter().map(|p| {
                        let id = p.id.clone();
                        let on = props.on_persona.clone();
                        let checked = props.current.as_deref() == Some(p.id.as_str());
                        html! {
                            <label class="choice persona">
                                <input type="radio" name="persona" value={p.id.clone()} {checked}
                                       onchange={Callback::from(move |_: Event| on.emit(id.clone()))} />
                                <span>
                                    <strong>{ p.name.get(tag) }</strong>
                                    <span class="muted">{ p.about.get(tag) }</span>
                                </span>
                            </label>
                        }
                    }) }
                </fieldset>
            }
            <p class="muted">{ t(l, AppMsg::AsOf) }{ l.colon() }{ format::date(v.as_of, l) }</p>
        </>
    }
}
