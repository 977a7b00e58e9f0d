//! Compare tiers: a table with the tiers as columns, highest first, and rows for who
//! qualifies, who serves and each benefit category. The row labels stay in view while the
//! table scrolls sideways on a phone; the customer's own column is highlighted. A tier named
//! by `?tier=` (the kiosk's take-away QR code opens `/compare?tier=<id>`) is highlighted and
//! scrolled into view instead, and the page works without a customer profile: then no column
//! is "yours". What each tier adds over the tier to its right is tagged "new" or "upgraded".
//! A tier's description (its target segments) is for staff and is never shown here.

use strata_core::benefits::{self, Marked};
use strata_core::ruleset::BenefitCategory;
use strata_ui::i18n::{Locale, Msg, t};
use strata_ui::sentences::Ctx;
use strata_ui::shared::EngineRef;
use strata_ui::tier::colour;
use yew::prelude::*;

use crate::components::benefit_tile::tag;
use crate::components::icon::BenefitIcon;
use crate::i18n::AppMsg;
use crate::sentences;

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Display language.
    pub locale: Locale,
    /// Ruleset (tiers, benefits) and catalog.
    pub engine: EngineRef,
    /// The customer's tier rank, when there is a customer.
    #[prop_or_default]
    pub current: Option<usize>,
    /// A tier id to highlight and scroll to (`?tier=`); an unknown id is ignored.
    #[prop_or_default]
    pub chosen: Option<AttrValue>,
}

/// Every category in the ruleset's order.
const CATEGORIES: [BenefitCategory; 5] = [
    BenefitCategory::BrandCards,
    BenefitCategory::BranchChannels,
    BenefitCategory::EChannels,
    BenefitCategory::Products,
    BenefitCategory::ExtraServices,
];

/// The benefits of one category from a tier's marked benefits.
#[must_use]
pub fn in_category(marked: &[Marked], c: BenefitCategory) -> Vec<&Marked> {
    marked.iter().filter(|m| m.benefit.category == c).collect()
}

/// Cell `i` of a row's cells as an HTML element.
fn cell(cells: &web_sys::HtmlCollection, i: usize) -> Option<web_sys::HtmlElement> {
    let e = cells.item(u32::try_from(i).ok()?)?;
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()
}

/// The compare screen.
#[component]
pub fn Compare(props: &Props) -> Html {
    let l = props.locale;
    let tag_ = l.tag();
    let engine = &props.engine.0;
    let rs = engine.ruleset();
    let c = Ctx {
        locale: l,
        ruleset: rs,
        catalog: engine.catalog(),
    };
    let current = props.current;
    let chosen = props
        .chosen
        .as_ref()
        .and_then(|id| rs.tiers.iter().position(|t| t.id == id.as_str()));
    // Tier colours through the CSSOM: a strict CSP blocks style attributes.
    let head = use_node_ref();
    let scroller = use_node_ref();
    {
        let colours: Vec<String> = rs.tiers.iter().map(|t| colour(Some(t))).collect();
        let head = head.clone();
        use_effect_with(colours, move |colours| {
            if let Some(tr) = head.cast::<web_sys::Element>() {
                let cells = tr.children();
                // The first cell heads the row labels.
                for (i, c) in colours.iter().enumerate() {
                    if let Some(cell) = cell(&cells, i + 1) {
                        let _ = cell.style().set_property("--tier-colour", c);
                    }
                }
            }
        });
    }
    {
        // The chosen tier's column just right of the sticky row labels, so a phone shows it
        // without the customer hunting for it.
        let (head, scroller) = (head.clone(), scroller.clone());
        use_effect_with(chosen, move |chosen| {
            let tr = head.cast::<web_sys::Element>();
            let region = scroller.cast::<web_sys::Element>();
            if let (Some(i), Some(tr), Some(region)) = (chosen, tr, region) {
                let cells = tr.children();
                if let (Some(corner), Some(col)) = (cell(&cells, 0), cell(&cells, i + 1)) {
                    region.set_scroll_left(col.offset_left() - corner.offset_width());
                }
            }
        });
    }
    let marked: Vec<Vec<Marked>> = (0..rs.tiers.len())
        .map(|i| benefits::against_below(rs, i))
        .collect();
    let cell_class = |rank: usize| {
        classes!(
            (Some(rank) == current).then_some("current"),
            (Some(rank) == chosen).then_some("chosen")
        )
    };
    html! {
        <>
            <h1 tabindex="-1">{ t(l, AppMsg::CompareTitle) }</h1>
            <p class="intro">{ t(l, AppMsg::CompareIntro) }</p>
            <p class="scroll-hint muted" id="compare-hint">{ t(l, AppMsg::ScrollHint) }</p>
            <div class="table-scroll" role="region" tabindex="0" ref={scroller}
                 aria-labelledby="compare-caption" aria-describedby="compare-hint">
                <table class="compare" data-testid="compare">
                    <caption id="compare-caption" class="visually-hidden">{ t(l, AppMsg::CompareTitle) }</caption>
                    <thead>
                        <tr ref={head}>
                            <th scope="col" class="corner">{ t(l, AppMsg::TierColumn) }</th>
                            { for rs.tiers.iter().enumerate().map(|(rank, tier)| html! {
                                <th scope="col" class={classes!("tier-head", cell_class(rank))}
                                    data-tier={tier.id.clone()}
                                    aria-current={(Some(rank) == current).then_some("true")}>
                                    <span class="tier-title">{ tier.customer_name().get(tag_) }</span>
                                    if Some(rank) == current {
                                        <span class="badge">{ t(l, AppMsg::Current) }</span>
                                    }
                                    if Some(rank) == chosen {
                                        <span class="badge" data-testid="chosen">{ t(l, AppMsg::Chosen) }</span>
                                    }
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{ t(l, AppMsg::Criterion) }</th>
                            { for rs.tiers.iter().enumerate().map(|(rank, tier)| html! {
                                <td class={cell_class(rank)}>{ if tier.criteria.is_some() {
                                    sentences::conditions(&c, engine, &engine.conditions(rank))
                                } else {
                                    t(l, AppMsg::Fallback).to_owned()
                                } }</td>
                            }) }
                        </tr>
                        <tr>
                            <th scope="row">{ t(l, Msg::ServedBy) }</th>
                            { for rs.tiers.iter().enumerate().map(|(rank, tier)| html! {
                                <td class={cell_class(rank)}>{ strata_ui::sentences::maintainer(l, tier.maintained_by) }</td>
                            }) }
                        </tr>
                        { for CATEGORIES.iter().map(|&cat| html! {
                            <tr>
                                <th scope="row">
                                    <BenefitIcon category={cat} />
                                    { sentences::category(l, cat) }
                                </th>
                                { for marked.iter().enumerate().map(|(rank, m)| {
                                    let items = in_category(m, cat);
                                    html! {
                                        <td class={cell_class(rank)}>
                                            if items.is_empty() {
                                                <span class="none" aria-hidden="true">{ "—" }</span>
                                                <span class="visually-hidden">{ t(l, AppMsg::NoBenefits) }</span>
                                            } else {
                                                <ul>
                                                    { for items.into_iter().map(|m| {
                                                        let tag = tag(l, m.standing);
                                                        html! {
                                                            <li class={classes!(tag.map(|(_, c)| c))}>
                                                                { m.benefit.text.get(tag_) }
                                                                if let Some((words, _)) = tag {
                                                                    <span class="tag">{ words }</span>
                                                                }
                                                            </li>
                                                        }
                                                    }) }
                                                </ul>
                                            }
                                        </td>
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_benefit_sits_in_exactly_one_category_row() {
        let rs = strata_core::rulesets::cn_retail();
        for i in 0..rs.tiers.len() {
            let m = benefits::against_below(&rs, i);
            let total: usize = CATEGORIES.iter().map(|&c| in_category(&m, c).len()).sum();
            assert_eq!(total, m.len());
        }
    }
}
