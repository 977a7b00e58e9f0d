//! Key moments as cards: "your deposit matures in 5 days", with a product to consider.

use strata_core::moments::MomentKind;
use strata_ui::i18n::t;
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::i18n::AppMsg;
use crate::route::Route;
use crate::sentences;
use crate::view::View;

/// A class per kind, for the card's accent colour.
fn kind_class(k: &MomentKind) -> &'static str {
    match k {
        MomentKind::Maturity { .. } => "maturity",
        MomentKind::Birthday { .. } => "birthday",
        MomentKind::Salary { .. } | MomentKind::LargeInflow { .. } => "inflow",
        MomentKind::LargeOutflow { .. } => "outflow",
        MomentKind::NearNextTier { .. } => "near",
        MomentKind::DowngradeRisk { .. } => "downgrade_risk",
        MomentKind::ChurnRisk { .. } => "churn_risk",
        MomentKind::RiskAssessmentDue { .. } => "risk_assessment_due",
    }
}

/// Props of [`MomentList`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to render.
    pub view: View,
    /// Leave out the downgrade-risk moment: the tier card already says what keeps the tier
    /// and when, and one review date on a screen is enough.
    #[prop_or(false)]
    pub hide_keep: bool,
}

/// The evaluation's key moments.
#[component]
pub fn MomentList(props: &Props) -> Html {
    let v = &props.view;
    let c = v.ctx();
    let shown: Vec<_> = v
        .eval
        .moments
        .iter()
        .filter(|m| !(props.hide_keep && matches!(m.kind, MomentKind::DowngradeRisk { .. })))
        .collect();
    if shown.is_empty() {
        return html! { <p class="muted">{ t(v.locale, AppMsg::NoMoments) }</p> };
    }
    html! {
        <ul class="cards moments">
            { for shown.into_iter().map(|m| {
                let kind = kind_class(&m.kind);
                html! {
                    <li class={classes!("card", "moment", format!("moment-{kind}"))} data-testid="moment">
                        <p>{ sentences::moment(&c, m) }</p>
                        if let Some(p) = &m.product {
                            <NavLink to={Route::Product { id: p.clone() }} classes={classes!("more")}>
                                { sentences::moment_action(&c, p) }
                            </NavLink>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
