//! The error card of the app and the kiosk (the widget draws the same words in its own
//! card): one sentence in the customer's language saying the tier cannot be shown, and a
//! way on — try again, or dismiss when an earlier result still shows. No JSON path, parser
//! message or URL: those go to the console and the host's `onError` (`LoadError::report`).

use yew::prelude::*;

use crate::error::{ErrorKind, LoadError};
use crate::i18n::{Locale, Msg, t};

/// Props of [`ErrorCard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The failure (its kind picks the sentence; its detail is not shown).
    pub error: LoadError,
    /// Display language.
    pub locale: Locale,
    /// "Try again", when nothing else shows.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
    /// "Dismiss", when an earlier result still shows below.
    #[prop_or_default]
    pub on_dismiss: Option<Callback<()>>,
    /// Heading level: 1 when the card is all the screen shows, else 2.
    #[prop_or(2)]
    pub level: u8,
}

/// What the customer is told about a failure: a title and one sentence.
#[must_use]
pub fn words(kind: ErrorKind, kept: bool) -> (Msg, Msg) {
    match (kept, kind) {
        (true, _) => (Msg::NotUpdatedTitle, Msg::NotUpdatedText),
        (false, ErrorKind::Network | ErrorKind::Integrity) => {
            (Msg::NotShownTitle, Msg::NetworkText)
        }
        (false, _) => (Msg::NotShownTitle, Msg::NotShownText),
    }
}

/// A failure in the customer's words.
#[component]
pub fn ErrorCard(props: &Props) -> Html {
    let l = props.locale;
    let (title, text) = words(props.error.kind, props.on_dismiss.is_some());
    let heading = if props.level <= 1 {
        html! { <h1 id="error-title" tabindex="-1">{ t(l, title) }</h1> }
    } else {
        html! { <h2 id="error-title">{ t(l, title) }</h2> }
    };
    html! {
        <section class="error-card" role="alert" aria-labelledby="error-title"
                 data-testid="error-card" data-kind={props.error.kind.tag()}>
            { heading }
            <p>{ t(l, text) }</p>
            if let Some(retry) = &props.on_retry {
                <button type="button" class="button" data-testid="retry"
                        onclick={retry.reform(|_: MouseEvent| ())}>{ t(l, Msg::Retry) }</button>
            }
            if let Some(dismiss) = &props.on_dismiss {
                <button type="button" class="button"
                        onclick={dismiss.reform(|_: MouseEvent| ())}>{ t(l, Msg::Dismiss) }</button>
            }
        </section>
    }
}

/// Reloads the page: the data a face reads at start-up is read again.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
