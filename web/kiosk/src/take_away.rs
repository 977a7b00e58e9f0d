//! The result to take away: a QR code the customer scans with a phone, opening the app's
//! page of what the tier brings. It encodes only the tier's id and that page's address —
//! never an answer, an amount or anything else about the customer.
//!
//! Drawn here as one SVG path from the `qrcode` crate's modules (no image or SVG features,
//! no canvas), so the strict CSP needs nothing new.

use std::fmt::Write as _;

use qrcode::{EcLevel, QrCode};
use strata_ui::i18n::Locale;
use yew::prelude::*;

use crate::i18n::{KioskMsg, kt};

/// The quiet zone around the code, in modules (the standard's minimum).
const QUIET: usize = 4;

/// Percent-encodes a query value (ids are plain ASCII; anything else is escaped).
fn encode(s: &str) -> String {
    s.bytes()
        .fold(String::with_capacity(s.len()), |mut out, b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                out.push(char::from(b));
            } else {
                let _ = write!(out, "%{b:02X}");
            }
            out
        })
}

/// The page the code opens: `page` (the app's benefits page for the ruleset) with the
/// tier's id, and the bank's ruleset URL when the kiosk was given one, so the page shows the
/// same rules. Nothing else goes in.
#[must_use]
pub fn link(page: &str, tier: &str, ruleset: Option<&str>) -> String {
    let join = if page.contains('?') { '&' } else { '?' };
    let mut out = format!("{page}{join}tier={}", encode(tier));
    if let Some(r) = ruleset {
        out.push_str("&ruleset=");
        out.push_str(&encode(r));
    }
    out
}

/// The code's modules for `text`: its width and, row by row, whether each is dark.
#[must_use]
pub fn modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((code.width(), dark))
}

/// SVG path data drawing each dark module as a unit square, offset by the quiet zone.
#[must_use]
pub fn path(width: usize, dark: &[bool]) -> String {
    let mut d = String::new();
    for (i, _) in dark.iter().enumerate().filter(|(_, on)| **on) {
        let (x, y) = (i % width + QUIET, i / width + QUIET);
        let _ = write!(d, "M{x} {y}h1v1h-1z");
    }
    d
}

/// Props of [`TakeAway`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Display language.
    pub locale: Locale,
    /// What the code encodes ([`link`]).
    pub text: AttrValue,
}

/// The QR code with what it is for and what it holds; nothing when the text does not fit a
/// code (a very long benefits address).
#[component]
pub fn TakeAway(props: &Props) -> Html {
    let l = props.locale;
    let Some((width, dark)) = modules(&props.text) else {
        return Html::default();
    };
    let size = (width + 2 * QUIET).to_string();
    let view_box = format!("0 0 {size} {size}");
    html! {
        <section class="card kiosk-card kiosk-take-away" aria-labelledby="kiosk-take-away-title">
            <h2 id="kiosk-take-away-title">{ kt(l, KioskMsg::TakeAway) }</h2>
            <div class="kiosk-qr-row">
                <svg class="kiosk-qr" viewBox={view_box} role="img" data-testid="kiosk-qr"
                     aria-label={kt(l, KioskMsg::QrLabel)} shape-rendering="crispEdges">
                    <rect width={size.clone()} height={size} fill="#ffffff" />
                    <path d={path(width, &dark)} fill="#000000" />
                </svg>
                <div>
                    <p>{ kt(l, KioskMsg::TakeAwayText) }</p>
                    <p class="kiosk-muted">{ kt(l, KioskMsg::TakeAwayPrivacy) }</p>
                    <p class="kiosk-qr-text" data-testid="kiosk-qr-text">{ props.text.clone() }</p>
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a code back as a phone would: the modules drawn 4 px each on white.
    fn read(width: usize, dark: &[bool]) -> String {
        let scale = 4;
        let side = (width + 2 * QUIET) * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (mx, my) = (x / scale, y / scale);
            let inside =
                (QUIET..QUIET + width).contains(&mx) && (QUIET..QUIET + width).contains(&my);
            if inside && dark[(my - QUIET) * width + (mx - QUIET)] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn the_code_holds_the_tier_and_the_page_and_nothing_else() {
        let text = link("https://bank.example/compare", "mid_lower", None);
        assert_eq!(text, "https://bank.example/compare?tier=mid_lower");
        let (width, dark) = modules(&text).expect("fits");
        assert_eq!(read(width, &dark), text);
        // The drawing has one square per dark module.
        let squares = path(width, &dark).matches('M').count();
        assert_eq!(squares, dark.iter().filter(|d| **d).count());
    }

    #[test]
    fn a_banks_ruleset_goes_along_escaped() {
        let text = link(
            "https://bank.example/app/compare?lang=en",
            "gold tier",
            Some("/bank/rules v2.json"),
        );
        assert_eq!(
            text,
            "https://bank.example/app/compare?lang=en&tier=gold%20tier&ruleset=%2Fbank%2Frules%20v2.json"
        );
        let (width, dark) = modules(&text).expect("fits");
        assert_eq!(read(width, &dark), text);
    }

    #[test]
    fn text_too_long_for_a_code_draws_none() {
        assert!(modules(&"x".repeat(5_000)).is_none());
    }
}
