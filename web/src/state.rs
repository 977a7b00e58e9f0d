//! The app's state: one reducer, changed only through [`Action`].

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Locale;

/// Everything the screens read.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The display language.
    pub locale: Locale,
}

impl Default for State {
    fn default() -> Self {
        State {
            locale: Locale::ZhCn,
        }
    }
}

/// Every change the UI can ask for.
#[derive(Clone, Copy, Debug)]
pub enum Action {
    /// Show the app in this language.
    SetLocale(Locale),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLocale(locale) => Rc::new(State { locale }),
        }
    }
}
