//! The widget's view: a labelled region holding the app's [`TierCard`] (compact), plus the
//! tier's main benefits, the top recommendation with its reason and two buttons (full); or
//! an error card naming every bad field; or a loading line. Props in, [`Action`]s out: the
//! widget never navigates, the host decides what a tap does.

use strata_core::evaluation::Evaluation;
use strata_core::profile::Profile;
use strata_ui::components::error_card::words;
use strata_ui::components::tier_card::TierCard;
use strata_ui::error::LoadError;
use strata_ui::format::Amount;
use strata_ui::i18n::{Locale, Msg, fill, t};
use strata_ui::sentences::{self, Ctx};
use strata_ui::shared::{EngineRef, Shared};
use yew::prelude::*;

use crate::i18n::{WidgetMsg, wt};

/// How much the card shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// Tier name and badge colour, progress to the next tier with the amount missing.
    Compact,
    /// Compact, plus assets, main benefits, the top recommendation and two buttons.
    Full,
}

impl Variant {
    /// `compact` or `full` (the default for anything else).
    #[must_use]
    pub fn from_tag(tag: &str) -> Self {
        if tag.trim().eq_ignore_ascii_case("compact") {
            Variant::Compact
        } else {
            Variant::Full
        }
    }

    /// The name the host uses.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Variant::Compact => "compact",
            Variant::Full => "full",
        }
    }
}

/// What the widget shows. Engine, profile and evaluation compare by identity.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// No profile yet (a custom element waiting for `profile-src` or `.profile`).
    Loading,
    /// An input is bad: the error card.
    Failed(LoadError),
    /// The tier card.
    Card {
        /// Ruleset and catalog.
        engine: EngineRef,
        /// The customer.
        profile: Shared<Profile>,
        /// The customer's evaluation.
        eval: Shared<Evaluation>,
    },
}

/// What the customer tapped, for the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionKind {
    /// A recommended product, by id.
    Product(String),
    /// "Talk to my manager".
    TalkToManager,
    /// "See all benefits".
    SeeAllBenefits,
}

/// A tap, with the customer's tier id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// What was tapped.
    pub kind: ActionKind,
    /// The tier shown when it was tapped.
    pub tier: String,
}

impl ActionKind {
    /// The `type` the host receives.
    #[must_use]
    pub fn tag(&self) -> &'static str {
        match self {
            ActionKind::Product(_) => "product",
            ActionKind::TalkToManager => "talk_to_manager",
            ActionKind::SeeAllBenefits => "see_all_benefits",
        }
    }
}

/// Props of [`WidgetCard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to show.
    pub shown: Shown,
    /// Display language.
    pub locale: Locale,
    /// How much to show.
    pub variant: Variant,
    /// The region's accessible name (default: "Customer tier").
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// Called for every tap the host should handle.
    pub on_action: Callback<Action>,
}

/// The widget's root.
#[component]
pub fn WidgetCard(props: &Props) -> Html {
    let l = props.locale;
    let label = props
        .label
        .clone()
        .unwrap_or(AttrValue::Static(wt(l, WidgetMsg::Region)));
    let body = match &props.shown {
        Shown::Loading => html! {
            <p class="strata-status" role="status">{ t(l, Msg::Loading) }</p>
        },
        Shown::Failed(failure) => html! { <ErrorView failure={failure.clone()} locale={l} /> },
        Shown::Card {
            engine,
            profile,
            eval,
        } => html! {
            <Card engine={engine.clone()} profile={profile.clone()} eval={eval.clone()}
                  locale={l} variant={props.variant} on_action={props.on_action.clone()} />
        },
    };
    html! {
        <section class={classes!("strata", props.variant.tag())} aria-label={label} lang={l.tag()}
                 data-variant={props.variant.tag()}>
            { body }
        </section>
    }
}

/// Props of [`ErrorView`].
#[derive(Properties, PartialEq)]
struct ErrorProps {
    failure: LoadError,
    locale: Locale,
}

/// The failure in the customer's words, as the app's card says it (no JSON path: the
/// detail goes to the console and the host's `onError`). The app's `ErrorCard` offers a
/// retry; a widget's host decides that.
#[component]
fn ErrorView(props: &ErrorProps) -> Html {
    let l = props.locale;
    let (title, text) = words(props.failure.kind, false);
    html! {
        <div class="strata-error" role="alert" aria-labelledby="strata-error-title"
             data-testid="error-card" data-kind={props.failure.kind.tag()}>
            <h2 id="strata-error-title">{ t(l, title) }</h2>
            <p>{ t(l, text) }</p>
        </div>
    }
}

/// Props of [`Card`].
#[derive(Properties, PartialEq)]
struct CardProps {
    engine: EngineRef,
    profile: Shared<Profile>,
    eval: Shared<Evaluation>,
    locale: Locale,
    variant: Variant,
    on_action: Callback<Action>,
}

/// One sentence for screen readers, announced when an update changes it: the tier and the
/// amount to the next one.
fn summary(c: &Ctx, eval: &Evaluation) -> String {
    let tag = c.locale.tag();
    let tier = eval.tier.name.get(tag);
    match &eval.reach {
        Some(gap) => fill(
            c.locale,
            WidgetMsg::Summary,
            &[
                ("tier", tier),
                ("next", gap.tier.name.get(tag)),
                ("amount", &c.money(Amount::Needed, gap.amount.0)),
            ],
        ),
        None if eval.tier.rank == 0 => {
            format!("{tier}{}{}", c.locale.colon(), t(c.locale, Msg::TopTier))
        }
        None => tier.to_owned(),
    }
}

/// The tier card, and in the full variant what goes with it.
#[component]
fn Card(props: &CardProps) -> Html {
    let l = props.locale;
    let tag = l.tag();
    let ruleset = props.engine.ruleset();
    let c = Ctx {
        locale: l,
        ruleset,
        catalog: props.engine.catalog(),
    };
    let eval = &props.eval;
    let full = props.variant == Variant::Full;
    let assets = full.then_some(eval.assets.0);
    let emit = |kind: ActionKind| {
        let tier = eval.tier.id.clone();
        props.on_action.reform(move |_: MouseEvent| Action {
            kind: kind.clone(),
            tier: tier.clone(),
        })
    };
    let card = html! {
        <TierCard evaluation={eval.clone()} engine={props.engine.clone()} locale={l} {assets}
                  heading_id="strata-tier-name" />
    };
    let status = html! {
        <p class="strata-visually-hidden" role="status" data-testid="strata-summary">
            { summary(&c, eval) }
        </p>
    };
    if !full {
        // A header card has one thing to tap: what the tier brings (the host opens it).
        return html! {
            <>
                { card }
                <button type="button" class="strata-link strata-more" onclick={emit(ActionKind::SeeAllBenefits)}>
                    { t(l, Msg::AllBenefits) }
                </button>
                { status }
            </>
        };
    }
    let benefits = strata_ui::tier::headline_benefits(ruleset.tiers.get(eval.tier.rank), tag);
    let rec = eval.recommendations.first().map(|r| {
        let reason = r.reasons.first().map(|x| sentences::reason(&c, x));
        let name = r.name.get(tag).to_owned();
        html! {
            <div class="strata-block strata-rec" data-testid="strata-rec" data-product={r.product.clone()}>
                <h3>{ t(l, Msg::Recommendations) }</h3>
                <p class="strata-rec-name">{ name.clone() }</p>
                <p class="strata-rec-pitch">{ r.pitch.get(tag) }</p>
                if let Some(reason) = reason {
                    <p class="strata-rec-reason" data-testid="strata-reason">{ reason }</p>
                }
                <button type="button" class="strata-link" onclick={emit(ActionKind::Product(r.product.clone()))}>
                    { t(l, Msg::Details) }
                    <span class="strata-visually-hidden">{ l.colon() }{ name }</span>
                </button>
            </div>
        }
    });
    html! {
        <>
            { card }
            if !benefits.is_empty() {
                <div class="strata-block strata-benefits">
                    <h3>{ t(l, Msg::TopBenefits) }</h3>
                    <ul>
                        { for benefits.into_iter().map(|b| html! { <li>{ b }</li> }) }
                    </ul>
                </div>
            }
            { rec.unwrap_or_default() }
            <div class="strata-actions">
                <button type="button" class="strata-button" onclick={emit(ActionKind::SeeAllBenefits)}>
                    { t(l, Msg::AllBenefits) }
                </button>
                <button type="button" class="strata-button strata-primary" onclick={emit(ActionKind::TalkToManager)}>
                    { wt(l, WidgetMsg::TalkToManager) }
                </button>
            </div>
            { status }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_default_to_full() {
        assert_eq!(Variant::from_tag("compact"), Variant::Compact);
        assert_eq!(Variant::from_tag(" Compact "), Variant::Compact);
        assert_eq!(Variant::from_tag("full"), Variant::Full);
        assert_eq!(Variant::from_tag("huge"), Variant::Full);
    }

    #[test]
    fn the_summary_names_tier_and_gap_in_both_languages() {
        let engine = crate::input::engine(None, None).expect("default engine");
        let profile = r#"{ "id": "c-1", "birth_date": "1991-04-18", "education": "bachelor",
            "holdings": [{ "product": "demand-cny", "family": "deposit", "balance": "162500.00" }] }"#;
        let day = "2026-11-25".parse().expect("a date");
        let (_, eval) = crate::input::evaluate(&engine, profile, day).expect("evaluates");
        let ctx = |locale| Ctx {
            locale,
            ruleset: engine.ruleset(),
            catalog: engine.catalog(),
        };
        assert_eq!(
            summary(&ctx(Locale::ZhCn), &eval),
            "金卡：距离理财金还差¥3.75万"
        );
        assert_eq!(
            summary(&ctx(Locale::En), &eval),
            "Gold: ¥37,500 to go to Premier"
        );
    }
}
