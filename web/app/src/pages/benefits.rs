//! Benefits: everything the customer's tier brings as an icon grid by category, with what it
//! adds over the tier below (new or upgraded) first in each category and tagged in words.

use strata_core::benefits::{self, Marked, Standing};
use strata_core::ruleset::BenefitCategory;
use strata_ui::i18n::{fill, t};
use yew::prelude::*;

use crate::components::benefit_tile::BenefitTile;
use crate::components::icon::BenefitIcon;
use crate::i18n::AppMsg;
use crate::pages::home::Props;
use crate::sentences;

/// The categories in the ruleset's order, each with its benefits: new first, then upgraded,
/// then the rest, in the ruleset's order within each.
#[must_use]
pub fn grouped(marked: Vec<Marked>) -> Vec<(BenefitCategory, Vec<Marked>)> {
    let rank = |s: Standing| match s {
        Standing::Gained => 0,
        Standing::Upgraded => 1,
        Standing::Same => 2,
    };
    let mut out: Vec<(BenefitCategory, Vec<Marked>)> = Vec::new();
    for m in marked {
        match out.iter_mut().find(|(c, _)| *c == m.benefit.category) {
            Some((_, items)) => items.push(m),
            None => out.push((m.benefit.category, vec![m])),
        }
    }
    for (_, items) in &mut out {
        items.sort_by_key(|m| rank(m.standing));
    }
    out
}

/// A category's id in element ids.
#[must_use]
pub fn category_id(c: BenefitCategory) -> &'static str {
    match c {
        BenefitCategory::BrandCards => "brand_cards",
        BenefitCategory::BranchChannels => "branch_channels",
        BenefitCategory::EChannels => "e_channels",
        BenefitCategory::Products => "products",
        BenefitCategory::ExtraServices => "extra_services",
    }
}

/// The benefits screen.
#[component]
pub fn Benefits(props: &Props) -> Html {
    let v = &props.view;
    let l = v.locale;
    let tag = l.tag();
    let rs = v.engine().ruleset();
    let rank = v.eval.tier.rank;
    let name = v.eval.tier.name.get(tag);
    let marked = benefits::against_below(rs, rank);
    let count = |s: Standing| {
        marked
            .iter()
            .filter(|m| m.standing == s)
            .count()
            .to_string()
    };
    let adds = rs.tiers.get(rank + 1).map(|below| {
        fill(
            l,
            AppMsg::AddsOverBelow,
            &[
                ("below", below.customer_name().get(tag)),
                ("gained", &count(Standing::Gained)),
                ("upgraded", &count(Standing::Upgraded)),
            ],
        )
    });
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::BenefitsTitle) }</h1>
            <p class="intro">{ fill(l, AppMsg::BenefitsIntro, &[("tier", name)]) }</p>
            if let Some(adds) = adds {
                <p class="intro" data-testid="adds">{ adds }</p>
            }
            { for grouped(marked).into_iter().map(|(cat, items)| {
                let id = format!("cat-{}", category_id(cat));
                html! {
                    <section class="section benefit-cat" aria-labelledby={id.clone()}>
                        <h2 {id}>
                            <BenefitIcon category={cat} />
                            { sentences::category(l, cat) }
                        </h2>
                        <ul class="benefit-grid">
                            { for items.into_iter().map(|m| html! { <BenefitTile marked={m} locale={l} /> }) }
                        </ul>
                    </section>
                }
            }) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_category_lists_new_then_upgraded_then_the_rest() {
        let rs = strata_core::rulesets::cn_retail();
        let gold = rs
            .tiers
            .iter()
            .position(|t| t.id == "mid_lower")
            .unwrap_or_default();
        let groups = grouped(benefits::against_below(&rs, gold));
        assert_eq!(groups.len(), 5);
        assert_eq!(groups[0].0, BenefitCategory::BrandCards);
        for (_, items) in &groups {
            let ranks: Vec<u8> = items
                .iter()
                .map(|m| match m.standing {
                    Standing::Gained => 0,
                    Standing::Upgraded => 1,
                    Standing::Same => 2,
                })
                .collect();
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
        }
        // Gold over Growth: the gold debit card is an upgrade, the wealth centre is new.
        let kinds = |s: Standing| -> Vec<String> {
            groups
                .iter()
                .flat_map(|(_, i)| i.iter())
                .filter(|m| m.standing == s)
                .map(|m| m.benefit.kind.clone())
                .collect()
        };
        assert!(kinds(Standing::Upgraded).contains(&"signature_card".to_owned()));
        assert!(kinds(Standing::Gained).contains(&"wealth_centre".to_owned()));
    }
}
