//! Strata's embeddable widget: the customer's tier card for any host page, built by
//! `cargo xtask widget` into `dist-widget/`.
//!
//! This crate is the wasm half. The hand-written loader (`strata-widget.js`, with
//! `strata-widget.css`) does the DOM work a host needs: a shadow root per widget, the
//! stylesheet, theme properties, events, the `<strata-tier-card>` element. It hands this
//! crate's [`Widget`] a `<div>` inside the shadow root; the widget renders the shared
//! `TierCard` (strata-ui) there with Yew and reports taps through one JS function.
//!
//! Every input is checked ([`input`]): a bad profile, ruleset, catalog or option renders an
//! error card in the customer's words, and [`Widget::render`] returns every problem with
//! its JSON path for the host's `onError` (and the console). Nothing here throws on bad
//! data and nothing navigates.

pub mod card;
pub mod i18n;
pub mod input;

use std::rc::Rc;

use chrono::NaiveDate;
use strata_core::Engine;
use strata_ui::error::{ErrorKind, LoadError};
use strata_ui::i18n::Locale;
use strata_ui::shared::Shared;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, AttrValue, Callback};

use crate::card::{Action, ActionKind, Shown, Variant, WidgetCard};

/// One widget: its options, its data and the Yew app rendering them.
#[wasm_bindgen]
pub struct Widget {
    root: web_sys::Element,
    app: Option<AppHandle<WidgetCard>>,
    on_action: Callback<Action>,
    locale: Locale,
    variant: Variant,
    label: Option<AttrValue>,
    as_of: Result<NaiveDate, LoadError>,
    engine: Result<Rc<Engine>, LoadError>,
    profile: Option<Result<String, LoadError>>,
}

#[wasm_bindgen]
impl Widget {
    /// A widget rendering into `root` (a `<div>` in a shadow root) that calls `emit` with
    /// `{ type, tier, product? }` for each tap. Nothing shows until [`Widget::render`].
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new(root: web_sys::Element, emit: js_sys::Function) -> Widget {
        let on_action = Callback::from(move |action: Action| {
            let _ = emit.call1(&JsValue::NULL, &action_to_js(&action));
        });
        Widget {
            root,
            app: None,
            on_action,
            locale: Locale::ZhCn,
            variant: Variant::Full,
            label: None,
            as_of: Ok(strata_ui::services::clock::today()),
            engine: input::engine(None, None),
            profile: None,
        }
    }

    /// Language (`zh-CN` or `en`; anything else is `zh-CN`), variant (`compact` or `full`,
    /// the default), as-of date (`YYYY-MM-DD`; empty for today) and the region's label
    /// (empty for the default).
    pub fn configure(&mut self, locale: &str, variant: &str, as_of: &str, label: &str) {
        self.locale = Locale::from_tag(locale).unwrap_or(Locale::ZhCn);
        self.variant = Variant::from_tag(variant);
        self.as_of = input::as_of(Some(as_of), strata_ui::services::clock::today());
        self.label = (!label.trim().is_empty()).then(|| AttrValue::from(label.trim().to_owned()));
    }

    /// The ruleset and catalog: objects, JSON text, or `undefined` for the embedded
    /// cn-retail ones.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&mut self, ruleset: JsValue, catalog: JsValue) {
        self.engine = json_text(&ruleset, ErrorKind::Ruleset).and_then(|r| {
            let c = json_text(&catalog, ErrorKind::Catalog)?;
            input::engine(r.as_deref(), c.as_deref())
        });
    }

    /// The customer's profile: an object or JSON text (`undefined`: none yet, "loading").
    #[wasm_bindgen(js_name = setProfile)]
    pub fn set_profile(&mut self, profile: JsValue) {
        self.profile = json_text(&profile, ErrorKind::Profile).transpose();
    }

    /// Shows an error instead of the profile, e.g. a `profile-src` that could not be
    /// fetched (`kind` is `network` then; `path` names the attribute).
    pub fn fail(&mut self, kind: &str, path: &str, message: &str) {
        let kind = ErrorKind::from_tag(kind);
        self.profile = Some(Err(LoadError::one(kind, kind.tag(), path, message)));
    }

    /// Renders what the widget has now; returns `{ kind, errors: [{ type, path, message }] }`
    /// when an input is bad (the error card shows them), `undefined` otherwise.
    pub fn render(&mut self) -> Result<JsValue, JsError> {
        let shown = self.shown();
        let failure = match &shown {
            Shown::Failed(f) => {
                // The detail is for the developer: the console and the host's onError.
                f.report();
                Some(f.to_json())
            }
            Shown::Loading | Shown::Card { .. } => None,
        };
        let props = card::Props {
            shown,
            locale: self.locale,
            variant: self.variant,
            label: self.label.clone(),
            on_action: self.on_action.clone(),
        };
        match &mut self.app {
            Some(app) => app.update(props),
            None => {
                self.app = Some(
                    yew::Renderer::<WidgetCard>::with_root_and_props(self.root.clone(), props)
                        .render(),
                );
            }
        }
        match failure {
            None => Ok(JsValue::UNDEFINED),
            Some(json) => js_sys::JSON::parse(&json)
                .map_err(|_| JsError::new("strata-widget: could not report the errors")),
        }
    }

    /// Removes the Yew app and everything it rendered; the widget is gone after this.
    pub fn destroy(self) {
        if let Some(app) = self.app {
            app.destroy();
        }
    }
}

impl Widget {
    /// What the inputs give: the first bad input in the order they are needed, or loading
    /// without a profile, or the card.
    fn shown(&self) -> Shown {
        let engine = match (&self.as_of, &self.engine) {
            (Err(f), _) | (Ok(_), Err(f)) => return Shown::Failed(f.clone()),
            (Ok(_), Ok(engine)) => engine,
        };
        let as_of = self.as_of.clone().unwrap_or_default();
        match &self.profile {
            None => Shown::Loading,
            Some(Err(f)) => Shown::Failed(f.clone()),
            Some(Ok(json)) => match input::evaluate(engine, json, as_of) {
                Ok((profile, eval)) => Shown::Card {
                    engine: Shared(engine.clone()),
                    profile: Shared(profile),
                    eval: Shared(eval),
                },
                Err(f) => Shown::Failed(f),
            },
        }
    }
}

/// A host value as JSON text: strings as they are, objects through `JSON.stringify`;
/// `undefined` and `null` are none.
fn json_text(value: &JsValue, kind: ErrorKind) -> Result<Option<String>, LoadError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(text) = value.as_string() {
        return Ok(Some(text));
    }
    let bad = |message: &str| LoadError::one(kind, "parse", "$", message);
    match js_sys::JSON::stringify(value) {
        Ok(text) => text
            .as_string()
            .map(Some)
            .ok_or_else(|| bad("not a JSON object or JSON text")),
        Err(_) => Err(bad("cannot be turned into JSON (a cycle or a BigInt?)")),
    }
}

/// `{ type, tier, product? }` for the host.
fn action_to_js(action: &Action) -> JsValue {
    let object = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&object, &key.into(), &value.into());
    };
    set("type", action.kind.tag());
    set("tier", &action.tier);
    if let ActionKind::Product(id) = &action.kind {
        set("product", id);
    }
    object.into()
}
