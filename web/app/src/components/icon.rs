//! Benefit icons: a small set of inline SVGs keyed by a benefit's kind, falling back to its
//! category. Decoration only (`aria-hidden`): the benefit's text carries the meaning.

use strata_core::ruleset::BenefitCategory;
use yew::prelude::*;

/// One of the icons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A bank card.
    Card,
    /// A branch building.
    Branch,
    /// A mobile phone.
    Phone,
    /// A telephone handset.
    Hotline,
    /// A rising chart.
    Invest,
    /// A star.
    Star,
    /// A person.
    Person,
    /// A shield.
    Shield,
    /// A price tag.
    Tag,
    /// A house.
    Home,
}

impl Icon {
    /// The icon for a benefit: by its kind where one fits, else by its category.
    #[must_use]
    pub fn of(category: BenefitCategory, kind: &str) -> Icon {
        match kind {
            "relationship_manager" | "butler" => Icon::Person,
            "hotline" | "phone_banking" => Icon::Hotline,
            "insurance" | "safe_deposit_box" => Icon::Shield,
            "merchant_offers" | "preferential_pricing" => Icon::Tag,
            "loans" | "mortgage" => Icon::Home,
            "debit_card" | "credit_card" | "signature_card" => Icon::Card,
            _ => match category {
                BenefitCategory::BrandCards => Icon::Card,
                BenefitCategory::BranchChannels => Icon::Branch,
                BenefitCategory::EChannels => Icon::Phone,
                BenefitCategory::Products => Icon::Invest,
                BenefitCategory::ExtraServices => Icon::Star,
            },
        }
    }

    /// The icon's path (24 × 24, stroked).
    fn path(self) -> &'static str {
        match self {
            Icon::Card => "M3 6h18v12H3z M3 10h18 M7 15h4",
            Icon::Branch => "M3 21h18 M5 21V10 M19 21V10 M3 10l9-6 9 6 M10 21v-5h4v5",
            Icon::Phone => "M8 3h8v18H8z M11 18h2",
            Icon::Hotline => {
                "M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z"
            }
            Icon::Invest => "M4 20h16 M7 16v-3 M12 16v-7 M17 16V6",
            Icon::Star => "M12 3l2.6 5.6 6.1.7-4.5 4.2 1.2 6-5.4-3-5.4 3 1.2-6-4.5-4.2 6.1-.7z",
            Icon::Person => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21a8 8 0 0 1 16 0",
            Icon::Shield => "M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z",
            Icon::Tag => "M3 12V4h8l10 10-8 8z M7.5 7.5h.01",
            Icon::Home => "M3 11l9-7 9 7 M5 10v10h14V10 M10 20v-5h4v5",
        }
    }
}

/// Props of [`BenefitIcon`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The benefit's category.
    pub category: BenefitCategory,
    /// The benefit's kind.
    #[prop_or_default]
    pub kind: AttrValue,
}

/// A benefit's icon, hidden from assistive technology.
#[component]
pub fn BenefitIcon(props: &Props) -> Html {
    let icon = Icon::of(props.category, &props.kind);
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={icon.path()} />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_pick_their_icon_and_others_fall_back_to_the_category() {
        assert_eq!(
            Icon::of(BenefitCategory::ExtraServices, "relationship_manager"),
            Icon::Person
        );
        assert_eq!(
            Icon::of(BenefitCategory::BrandCards, "signature_card"),
            Icon::Card
        );
        assert_eq!(
            Icon::of(BenefitCategory::EChannels, "new_thing"),
            Icon::Phone
        );
        assert_eq!(
            Icon::of(BenefitCategory::Products, "planning"),
            Icon::Invest
        );
    }

    #[test]
    fn every_icon_has_a_path() {
        for i in [
            Icon::Card,
            Icon::Branch,
            Icon::Phone,
            Icon::Hotline,
            Icon::Invest,
            Icon::Star,
            Icon::Person,
            Icon::Shield,
            Icon::Tag,
            Icon::Home,
        ] {
            assert!(i.path().starts_with('M'), "{i:?}");
        }
    }
}
