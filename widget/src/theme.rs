//! The host's theme, checked for contrast before it is used: every text colour the widget
//! draws on a themed background must reach WCAG 2.1 AA's 4.5:1. A host colour that breaks a
//! pair is refused (the loader unsets it, so the default shows) with a console warning that
//! names both colours and the ratio.
//!
//! The loader reads each property as the page resolved it (from `theme` or the page's CSS)
//! and hands it here normalised by the browser (`#rrggbb`, or `rgba(…)` when translucent).

use std::fmt::Write as _;

/// WCAG 2.1 AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// A colour property a host can set, with the default `strata-widget.css` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prop {
    /// The tier card's background (default: the ruleset's tier colour).
    TierColour,
    /// Text on the tier card.
    TierText,
    /// Buttons, links, the focus ring.
    Accent,
    /// Text on the primary button.
    AccentText,
    /// The full card's background.
    Surface,
    /// Text.
    Text,
    /// Secondary text.
    Muted,
}

impl Prop {
    /// Every property, in the order the loader reads them.
    pub const ALL: [Prop; 7] = [
        Prop::TierColour,
        Prop::TierText,
        Prop::Accent,
        Prop::AccentText,
        Prop::Surface,
        Prop::Text,
        Prop::Muted,
    ];

    /// The custom property's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Prop::TierColour => "--strata-tier-colour",
            Prop::TierText => "--strata-tier-text",
            Prop::Accent => "--strata-accent",
            Prop::AccentText => "--strata-accent-text",
            Prop::Surface => "--strata-surface",
            Prop::Text => "--strata-text",
            Prop::Muted => "--strata-muted",
        }
    }

    /// The stylesheet's default; `None` for the tier colour, which is the ruleset's.
    fn default(self) -> Option<Rgb> {
        let hex = match self {
            Prop::TierColour => return None,
            Prop::TierText | Prop::AccentText | Prop::Surface => "#ffffff",
            Prop::Accent => "#1d5fbf",
            Prop::Text => "#1c2024",
            Prop::Muted => "#4f5964",
        };
        parse(hex)
    }
}

/// Text over background, each pair the stylesheet draws.
const PAIRS: [(Prop, Prop); 5] = [
    (Prop::TierText, Prop::TierColour),
    (Prop::Text, Prop::Surface),
    (Prop::Muted, Prop::Surface),
    (Prop::Accent, Prop::Surface),
    (Prop::AccentText, Prop::Accent),
];

/// An opaque colour.
pub type Rgb = [u8; 3];

/// `#rgb`, `#rrggbb`, or `rgb(r, g, b)` / `rgba(r, g, b, 1)`; `None` for anything else,
/// translucent colours included (what shows through is not known here).
#[must_use]
pub fn parse(text: &str) -> Option<Rgb> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
        return match hex.len() {
            3 => Some([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17]),
            6 => Some([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?]),
            _ => None,
        };
    }
    let inner = text
        .strip_prefix("rgba(")
        .or_else(|| text.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    let channel = |p: &str| p.parse::<u8>().ok();
    match parts.as_slice() {
        [red, green, blue] => Some([channel(red)?, channel(green)?, channel(blue)?]),
        [red, green, blue, alpha] if alpha.parse::<f64>().ok()? >= 1.0 => {
            Some([channel(red)?, channel(green)?, channel(blue)?])
        }
        _ => None,
    }
}

/// WCAG's relative luminance.
fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG's contrast ratio, 1 to 21.
#[must_use]
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// What the check decided: the properties to unset and a warning for each refusal.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verdict {
    /// Host properties refused (the default applies).
    pub refused: Vec<Prop>,
    /// One sentence per refused pair, for the console.
    pub warnings: Vec<String>,
}

/// `hex` of a colour, for the warning.
fn hex(c: Rgb) -> String {
    c.iter().fold(String::from("#"), |mut s, v| {
        let _ = write!(s, "{v:02x}");
        s
    })
}

/// Checks the host's colours (`given`: property and the browser's value) against each other
/// and the defaults; `tiers` are the ruleset's tier colours, the card's background when the
/// host sets none. A colour that cannot be read is refused as well: its contrast is unknown.
#[must_use]
pub fn check(given: &[(Prop, String)], tiers: &[Rgb]) -> Verdict {
    let mut verdict = Verdict::default();
    let mut host: Vec<(Prop, Rgb)> = Vec::new();
    for (prop, value) in given {
        if let Some(c) = parse(value) {
            host.push((*prop, c));
        } else {
            verdict.refused.push(*prop);
            verdict.warnings.push(format!(
                "strata-widget: theme refused: {} is {value:?}, whose contrast cannot be \
                 checked (use an opaque colour); the default is used.",
                prop.name()
            ));
        }
    }
    // Refusing one colour puts a default beside the others, which may fail in turn: check
    // again until every pair left passes.
    loop {
        let colours = |p: Prop| -> Vec<Rgb> {
            match host.iter().find(|(q, _)| *q == p) {
                Some((_, c)) => vec![*c],
                None => p.default().map_or_else(|| tiers.to_vec(), |c| vec![c]),
            }
        };
        let failing = PAIRS.iter().find_map(|&(fg, bg)| {
            let given = |p: Prop| host.iter().any(|(q, _)| *q == p);
            if !given(fg) && !given(bg) {
                return None;
            }
            colours(fg).iter().find_map(|&f| {
                colours(bg).iter().find_map(|&b| {
                    let ratio = contrast(f, b);
                    (ratio < MIN_CONTRAST).then_some((fg, f, bg, b, ratio))
                })
            })
        });
        let Some((fg, f, bg, b, ratio)) = failing else {
            break;
        };
        let dropped: Vec<Prop> = [fg, bg]
            .into_iter()
            .filter(|p| host.iter().any(|(q, _)| q == p))
            .collect();
        host.retain(|(p, _)| !dropped.contains(p));
        verdict.warnings.push(format!(
            "strata-widget: theme refused: text {} on {} has a contrast of {ratio:.2}:1, under \
             WCAG AA's {MIN_CONTRAST}:1 ({} on {}); the default is used for {}.",
            hex(f),
            hex(b),
            fg.name(),
            bg.name(),
            dropped
                .iter()
                .map(|p| p.name())
                .collect::<Vec<_>>()
                .join(" and ")
        ));
        verdict.refused.extend(dropped);
    }
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(pairs: &[(Prop, &str)]) -> Vec<(Prop, String)> {
        pairs.iter().map(|(p, v)| (*p, (*v).to_owned())).collect()
    }

    const RETAIL: [Rgb; 2] = [[0x2f, 0x5d, 0x94], [0x56, 0x60, 0x6b]];

    #[test]
    fn colours_parse_as_browsers_write_them() {
        assert_eq!(parse("#8a1538"), Some([0x8a, 0x15, 0x38]));
        assert_eq!(parse("#fff"), Some([255, 255, 255]));
        assert_eq!(parse("rgb(0, 100, 0)"), Some([0, 100, 0]));
        assert_eq!(parse("rgba(0, 100, 0, 1)"), Some([0, 100, 0]));
        assert_eq!(parse("rgba(0, 100, 0, 0.5)"), None);
        assert_eq!(parse("red"), None);
        assert_eq!(parse("#12345"), None);
        assert_eq!(parse("rgb(300, 0, 0)"), None);
    }

    #[test]
    fn contrast_follows_wcag() {
        let ratio = contrast([0, 0, 0], [255, 255, 255]);
        assert!((ratio - 21.0).abs() < 1e-9);
        assert!((contrast([9, 9, 9], [9, 9, 9]) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1, just AA.
        let grey = contrast([0x76, 0x76, 0x76], [255, 255, 255]);
        assert!(grey > 4.5 && grey < 4.6, "{grey}");
        // The defaults pass: white on the default accent, the muted grey on white.
        assert!(contrast([255, 255, 255], [0x1d, 0x5f, 0xbf]) >= MIN_CONTRAST);
        assert!(contrast([0x4f, 0x59, 0x64], [255, 255, 255]) >= MIN_CONTRAST);
    }

    #[test]
    fn a_readable_theme_is_kept() {
        let v = check(
            &given(&[
                (Prop::TierColour, "#8a1538"),
                (Prop::Accent, "#8a1538"),
                (Prop::Surface, "#ffffff"),
            ]),
            &RETAIL,
        );
        assert_eq!(v, Verdict::default());
        // No host colours: nothing to check, whatever the ruleset's colours are.
        assert_eq!(check(&[], &[[255, 255, 0]]), Verdict::default());
    }

    #[test]
    fn an_unreadable_tier_colour_is_refused_with_a_warning() {
        // White text on a light yellow card.
        let v = check(&given(&[(Prop::TierColour, "#ffe066")]), &RETAIL);
        assert_eq!(v.refused, [Prop::TierColour]);
        assert_eq!(v.warnings.len(), 1);
        let w = &v.warnings[0];
        assert!(
            w.starts_with("strata-widget: theme refused: text #ffffff on #ffe066"),
            "{w}"
        );
        assert!(
            w.contains("--strata-tier-text on --strata-tier-colour"),
            "{w}"
        );
        assert!(w.contains("under WCAG AA's 4.5:1"), "{w}");
        // Dark text makes the same card readable.
        let v = check(
            &given(&[(Prop::TierColour, "#ffe066"), (Prop::TierText, "#1c2024")]),
            &RETAIL,
        );
        assert_eq!(v, Verdict::default());
    }

    #[test]
    fn a_tier_text_is_checked_against_every_tier_colour() {
        // Dark text reads on none of the ruleset's dark cards.
        let v = check(&given(&[(Prop::TierText, "#1c2024")]), &RETAIL);
        assert_eq!(v.refused, [Prop::TierText]);
    }

    #[test]
    fn a_refusal_that_breaks_another_pair_refuses_that_too() {
        // A dark surface with light text, but an accent that is unreadable on it: accent and
        // surface go; the light text and muted grey on the default white surface then go too.
        let v = check(
            &given(&[
                (Prop::Surface, "#111111"),
                (Prop::Text, "#eeeeee"),
                (Prop::Muted, "#bbbbbb"),
                (Prop::Accent, "#222288"),
            ]),
            &RETAIL,
        );
        for p in [Prop::Accent, Prop::Surface, Prop::Text, Prop::Muted] {
            assert!(v.refused.contains(&p), "{p:?} in {:?}", v.refused);
        }
        assert!(v.warnings.len() >= 3);
    }

    #[test]
    fn a_colour_that_cannot_be_read_is_refused() {
        let v = check(&given(&[(Prop::Accent, "rgba(0, 0, 0, 0.2)")]), &RETAIL);
        assert_eq!(v.refused, [Prop::Accent]);
        assert!(v.warnings[0].contains("cannot be checked"));
    }
}
