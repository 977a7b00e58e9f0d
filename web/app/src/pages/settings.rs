//! Settings: the language and, in demo mode only, which persona is shown.

use strata_ui::format;
use strata_ui::i18n::{Locale, t};
use strata_ui::shared::Shared;
use yew::prelude::*;

use crate::data::Persona;
use crate::i18n::AppMsg;
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
    /// Pick a language.
    pub on_locale: Callback<Locale>,
    /// Pick a persona.
    pub on_persona: Callback<String>,
}

/// The settings screen.
#[component]
pub fn Settings(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let language = |option: Locale, label: &'static str| {
        let on = props.on_locale.clone();
        html! {
            <label class="choice">
                <input type="radio" name="language" value={option.tag()} checked={l == option}
                       onchange={Callback::from(move |_: Event| on.emit(option))} />
                <span lang={option.tag()}>{ label }</span>
            </label>
        }
    };
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::SettingsTitle) }</h1>
            <fieldset class="card">
                <legend>{ t(l, AppMsg::Language) }</legend>
                { language(Locale::ZhCn, "简体中文") }
                { language(Locale::En, "English") }
            </fieldset>
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
