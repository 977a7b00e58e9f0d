//! A recommended product: name, pitch and one reason sentence, linking to its details.

use strata_core::recommend::{Reason, Recommendation};
use strata_ui::i18n::{Msg, t};
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::route::Route;
use crate::view::View;

/// Props of [`RecCard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to render.
    pub view: View,
    /// The recommendation.
    pub rec: Recommendation,
    /// The reason to show (see [`shown_reasons`]); none shows no reason.
    pub reason: Option<Reason>,
}

/// Whether two reasons tell the customer the same thing. Lifting to one tier reads the same
/// whatever the amount (it differs only by a product's minimum), and so does bringing
/// assets in; the other reasons differ by what they name.
fn same_message(a: &Reason, b: &Reason) -> bool {
    match (a, b) {
        (Reason::LiftsTier { tier: x, .. }, Reason::LiftsTier { tier: y, .. }) => x.id == y.id,
        (Reason::BringsAssets { .. }, Reason::BringsAssets { .. }) => true,
        _ => a == b,
    }
}

/// The reason each card in a list shows, given each card's reasons in order: its first
/// reason that no card above it shows, or its first reason when every one has been shown
/// already. So a list of cards reads differently card by card, and the first card always
/// shows its first reason.
#[must_use]
pub fn shown_reasons<'a>(cards: impl IntoIterator<Item = &'a [Reason]>) -> Vec<Option<&'a Reason>> {
    let mut shown: Vec<&Reason> = Vec::new();
    cards
        .into_iter()
        .map(|reasons| {
            let pick = reasons
                .iter()
                .find(|x| !shown.iter().any(|s| same_message(s, x)))
                .or_else(|| reasons.first());
            if let Some(p) = pick {
                shown.push(p);
            }
            pick
        })
        .collect()
}

/// One recommendation.
#[component]
pub fn RecCard(props: &Props) -> Html {
    let v = &props.view;
    let c = v.ctx();
    let r = &props.rec;
    let tag = v.locale.tag();
    let reason = props
        .reason
        .as_ref()
        .map(|x| strata_ui::sentences::reason(&c, x));
    html! {
        <li class="card rec" data-testid="rec" data-product={r.product.clone()}>
            <h3>{ r.name.get(tag) }</h3>
            <p class="pitch">{ r.pitch.get(tag) }</p>
            if let Some(reason) = reason {
                <p class="reason" data-testid="reason">{ reason }</p>
            }
            <NavLink to={Route::Product { id: r.product.clone() }} classes={classes!("more")}>
                { t(v.locale, Msg::Details) }
                <span class="visually-hidden">{ v.locale.colon() }{ r.name.get(tag) }</span>
            </NavLink>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strata_core::Text;
    use strata_core::catalog::Scenario;
    use strata_core::evaluation::TierRef;
    use strata_core::profile::Family;

    fn lifts(tier: &str, amount: &str) -> Reason {
        Reason::LiftsTier {
            tier: TierRef {
                id: tier.into(),
                name: Text::from_pairs(&[("en", tier)]),
                rank: 1,
            },
            amount: amount.parse().unwrap_or_else(|e| panic!("`{amount}`: {e}")),
            source: strata_core::recommend::LiftSource::TopUp,
        }
    }

    fn new_family(family: Family) -> Reason {
        Reason::NewFamily { family }
    }

    #[test]
    fn each_card_shows_a_reason_not_shown_above() {
        let cards = [
            vec![lifts("high", "37500"), new_family(Family::Fund)],
            vec![
                lifts("high", "50000"),
                new_family(Family::Fund),
                new_family(Family::PreciousMetal),
            ],
            vec![
                lifts("high", "37500"),
                new_family(Family::Fund),
                Reason::LifeStage {
                    tags: vec![Scenario::Retirement],
                },
            ],
        ];
        let shown = shown_reasons(cards.iter().map(Vec::as_slice));
        assert_eq!(
            shown,
            [Some(&cards[0][0]), Some(&cards[1][1]), Some(&cards[2][2])]
        );
    }

    #[test]
    fn falls_back_to_the_first_reason() {
        let cards = [
            vec![lifts("high", "37500")],
            vec![lifts("high", "37500")],
            vec![],
            vec![lifts("private", "9000000")],
        ];
        let shown = shown_reasons(cards.iter().map(Vec::as_slice));
        assert_eq!(
            shown,
            [
                Some(&cards[0][0]),
                Some(&cards[1][0]),
                None,
                Some(&cards[3][0])
            ]
        );
    }
}
