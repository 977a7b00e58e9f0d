//! The idle warning: a modal alert dialog with a visible countdown and a large "I'm still
//! here" button (WCAG 2.2.1: at least 20 s to respond with a simple action).
//!
//! Screen readers hear the warning once, assertively, when it opens (the region empties
//! 3 s later), then a polite update every 10 s and at 5 s, never every second. The visible count is plain text in the
//! dialog's description.

use strata_ui::i18n::{Locale, fill, fill_template};
use yew::prelude::*;

use crate::i18n::{KioskMsg, kt};
use crate::idle::{polite_mark, use_countdown};

/// Props of [`IdleWarning`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Display language.
    pub locale: Locale,
    /// Seconds the countdown gives.
    pub seconds: u32,
    /// "I'm still here" (or Escape).
    pub on_still_here: Callback<()>,
    /// The countdown reached zero.
    pub on_timeout: Callback<()>,
}

/// The warning, counting down from the moment it is mounted.
#[component]
pub fn IdleWarning(props: &Props) -> Html {
    let l = props.locale;
    let left = use_countdown(props.seconds, props.on_timeout.clone());
    let button = use_node_ref();
    // The assertive region is filled after it is in the page, so it is announced.
    let opened = use_state_eq(|| false);
    {
        let button = button.clone();
        let opened = opened.setter();
        use_effect_with((), move |()| {
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
            opened.set(true);
        });
    }
    let sentence = kt(l, KioskMsg::IdleText);
    let (before, after) = sentence.split_once("{n}").unwrap_or((sentence, ""));
    let still = crate::tap(&props.on_still_here, || ());
    let on_key = {
        let on = props.on_still_here.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on.emit(());
            }
        })
    };
    // Said once as it opens; emptied a few seconds later, so no stale count stays behind
    // for a screen reader user reading the dialog.
    let assertive = (*opened && left + 3 > props.seconds)
        .then(|| fill_template(sentence, &[("n", &props.seconds.to_string())]));
    let polite = polite_mark(left, props.seconds)
        .map(|n| fill(l, KioskMsg::IdleLeft, &[("n", &n.to_string())]));
    html! {
        <div class="kiosk-backdrop">
            <div class="kiosk-dialog" role="alertdialog" aria-modal="true"
                 aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-text"
                 onkeydown={on_key}>
                <h2 id="kiosk-idle-title">{ kt(l, KioskMsg::IdleTitle) }</h2>
                <p id="kiosk-idle-text">
                    { before }<strong class="kiosk-countdown" data-testid="kiosk-countdown">{ left }</strong>{ after }
                </p>
                <p class="visually-hidden" aria-live="assertive" aria-atomic="true"
                   data-testid="kiosk-announce">{ assertive }</p>
                <p class="visually-hidden" aria-live="polite" aria-atomic="true"
                   data-testid="kiosk-announce-polite">{ polite }</p>
                <button type="button" class="kiosk-primary" ref={button} onclick={still}>
                    { kt(l, KioskMsg::StillHere) }
                </button>
            </div>
        </div>
    }
}
