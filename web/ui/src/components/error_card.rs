//! The error card of the app and the kiosk: what could not be loaded, each problem with the
//! field's JSON path, in the user's language; the app keeps working with a demo customer.
//! The widget draws the same problems with [`problem_item`] in its own card.

use yew::prelude::*;

use crate::error::{LoadError, Problem, Zh};
use crate::i18n::{Locale, Msg, t};

/// Props of [`ErrorCard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The failure.
    pub error: LoadError,
    /// Display language.
    pub locale: Locale,
    /// Hide the card.
    pub on_dismiss: Callback<()>,
    /// Whether the app goes on with a demo customer (the kiosk does not: it stops).
    #[prop_or(true)]
    pub fallback: bool,
}

/// One problem as a list item: "Field `$.path`: what is wrong", in the card's language.
pub fn problem_item(l: Locale, p: &Problem) -> Html {
    html! {
        <li>
            if !p.path.is_empty() {
                <span>{ t(l, Msg::ErrorField) }{ " " }</span>
                <code data-testid="error-path">{ p.path.clone() }</code>
                <span>{ l.colon() }</span>
            }
            { problem(l, p) }
        </li>
    }
}

/// What is wrong, in the card's language: in Chinese whole, or a Chinese lead-in before the
/// engine's English detail (marked as English for screen readers).
fn problem(l: Locale, p: &Problem) -> Html {
    match (l, &p.zh) {
        (Locale::ZhCn, Zh::Whole(text)) => html! { <span>{ text.clone() }</span> },
        (Locale::ZhCn, Zh::Lead(lead)) => html! {
            <>
                <span>{ *lead }{ "：" }</span>
                <span lang="en">{ p.en.clone() }</span>
            </>
        },
        (Locale::En, _) => html! { <span>{ p.en.clone() }</span> },
    }
}

/// A load failure, named field by field.
#[component]
pub fn ErrorCard(props: &Props) -> Html {
    let l = props.locale;
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="error-card" role="alert" aria-labelledby="error-title" data-testid="error-card">
            <h2 id="error-title">{ props.error.kind.title(l) }</h2>
            if let Some(src) = &props.error.source {
                <p class="muted"><code>{ src.clone() }</code></p>
            }
            <ul class="problems">
                { for props.error.problems.iter().map(|p| problem_item(l, p)) }
            </ul>
            if props.fallback {
                <p>{ t(l, Msg::ErrorFallback) }</p>
                <button type="button" class="button" onclick={dismiss}>{ t(l, Msg::Dismiss) }</button>
            }
        </section>
    }
}
