//! The app's state: one reducer, changed only through [`Action`]. Pure: the root does the
//! I/O (fetch, storage, clock, messages) and dispatches what it found.

use std::rc::Rc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use strata_core::{Engine, Profile};
use strata_ui::error::LoadError;
use strata_ui::i18n::Locale;
use strata_ui::shared::{EngineRef, Shared};
use yew::Reducible;

/// Whose profile is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Customer {
    /// A demo persona by id (demo mode only, `?demo=`).
    Persona(String),
    /// A profile the bank passed (URL, JS call or message).
    External(Shared<Profile>),
    /// Waiting for the bank's profile.
    Loading,
    /// No profile to show: none was given, or it could not be used. Never a demo customer.
    Unavailable,
}

/// What-if scenario kinds: core's, so the app has no scenario logic of its own.
pub use strata_core::scenario::ScenarioKind as Mode;

/// The what-if inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// Which scenario.
    pub mode: Mode,
    /// The amount; `None` means the scenario's starting point.
    pub amount: Option<Decimal>,
}

impl Default for WhatIf {
    fn default() -> Self {
        WhatIf {
            mode: Mode::Add,
            amount: None,
        }
    }
}

/// Everything the screens read.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The display language.
    pub locale: Locale,
    /// The engine (ruleset and catalog).
    pub engine: EngineRef,
    /// Whether the offers are still to come: the app draws the tier card from the ruleset
    /// alone and adds the shipped catalog right after (lib.rs).
    pub offers_pending: bool,
    /// Whose profile is shown.
    pub customer: Customer,
    /// The date evaluated on.
    pub as_of: NaiveDate,
    /// The last load failure, until dismissed.
    pub error: Option<LoadError>,
    /// The what-if inputs.
    pub what_if: WhatIf,
}

impl State {
    /// A fresh state.
    #[must_use]
    pub fn new(locale: Locale, engine: Rc<Engine>, customer: Customer, as_of: NaiveDate) -> Self {
        State {
            locale,
            offers_pending: engine.catalog().is_none(),
            engine: Shared(engine),
            customer,
            as_of,
            error: None,
            what_if: WhatIf::default(),
        }
    }
}

/// Every change the UI can ask for.
#[derive(Clone, Debug)]
pub enum Action {
    /// Show the app in this language.
    SetLocale(Locale),
    /// Show a demo persona.
    SelectPersona(String),
    /// Wait for the bank's profile.
    Loading,
    /// The bank's profile arrived and evaluates.
    ProfileLoaded(Shared<Profile>),
    /// The bank's ruleset arrived and is valid (with its catalog, if any: no offers pending).
    RulesetLoaded(Rc<Engine>),
    /// The same engine with the shipped catalog added (or none for its ruleset): the offers
    /// are no longer pending.
    CatalogAdded(Rc<Engine>),
    /// Loading failed: nothing is shown if nothing was yet, and the error is kept.
    Failed(LoadError),
    /// Hide the error card.
    DismissError,
    /// Pick a what-if scenario (its amount starts afresh).
    SetMode(Mode),
    /// Set the what-if amount.
    SetAmount(Decimal),
    /// Back to the scenario's starting point.
    ResetWhatIf,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLocale(locale) => s.locale = locale,
            Action::SelectPersona(id) => {
                s.customer = Customer::Persona(id);
                s.what_if = WhatIf::default();
            }
            Action::Loading => s.customer = Customer::Loading,
            Action::ProfileLoaded(p) => {
                s.customer = Customer::External(p);
                s.error = None;
                s.what_if = WhatIf::default();
            }
            Action::RulesetLoaded(engine) | Action::CatalogAdded(engine) => {
                s.engine = Shared(engine);
                s.offers_pending = false;
            }
            Action::Failed(error) => {
                if s.customer == Customer::Loading {
                    s.customer = Customer::Unavailable;
                }
                s.error = Some(error);
            }
            Action::DismissError => s.error = None,
            Action::SetMode(mode) => {
                s.what_if = WhatIf { mode, amount: None };
            }
            Action::SetAmount(a) => s.what_if.amount = Some(a.max(Decimal::ZERO)),
            Action::ResetWhatIf => s.what_if.amount = None,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strata_ui::error::ErrorKind;

    fn state() -> Rc<State> {
        let engine = Rc::new(strata_ui::engine::default_engine().expect("engine"));
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
        Rc::new(State::new(Locale::ZhCn, engine, Customer::Loading, day))
    }

    fn error() -> LoadError {
        LoadError {
            kind: ErrorKind::Network,
            source: None,
            problems: vec![],
        }
    }

    #[test]
    fn a_failed_load_shows_no_customer_and_keeps_the_error() {
        let s = state().reduce(Action::Failed(error()));
        assert_eq!(s.customer, Customer::Unavailable);
        assert!(s.error.is_some());
        // A later failure keeps the customer shown.
        let s = state()
            .reduce(Action::SelectPersona("li-wei".into()))
            .reduce(Action::Failed(error()));
        assert_eq!(s.customer, Customer::Persona("li-wei".into()));
        let s = s.reduce(Action::DismissError);
        assert!(s.error.is_none());
    }

    #[test]
    fn offers_are_pending_until_the_catalog_is_added() {
        let bare = strata_ui::engine::card_engine().expect("engine");
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
        let s = Rc::new(State::new(
            Locale::ZhCn,
            Rc::new(bare.clone()),
            Customer::Loading,
            day,
        ));
        assert!(s.offers_pending);
        let s = s.reduce(Action::CatalogAdded(Rc::new(bare.with_shipped_catalog())));
        assert!(!s.offers_pending);
        assert!(s.engine.0.catalog().is_some());
        assert!(!state().offers_pending);
    }

    #[test]
    fn what_if_amounts_are_never_negative_and_reset_with_the_mode() {
        let s = state().reduce(Action::SetAmount(Decimal::from(-5)));
        assert_eq!(s.what_if.amount, Some(Decimal::ZERO));
        let s = s
            .reduce(Action::SetAmount(Decimal::from(500)))
            .reduce(Action::SetMode(Mode::Keep));
        assert_eq!(
            s.what_if,
            WhatIf {
                mode: Mode::Keep,
                amount: None
            }
        );
        let s = s.reduce(Action::SelectPersona("he-qiang".into()));
        assert_eq!(s.what_if, WhatIf::default());
        assert_eq!(s.reduce(Action::SetLocale(Locale::En)).locale, Locale::En);
    }
}
