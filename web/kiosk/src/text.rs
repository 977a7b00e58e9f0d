//! The kiosk's labels and sentences in both languages, from [`crate::i18n`] templates and the
//! shared money format (¥, 万 and 亿 in Chinese).

use rust_decimal::Decimal;
use strata_core::evaluation::Evaluation;
use strata_core::profile::Education;
use strata_core::ruleset::ServiceRoute;
use strata_ui::format::{self, Amount};
use strata_ui::i18n::{Locale, fill};

use crate::i18n::{KioskMsg, kt};
use crate::model::{Band, Chosen, NextStep};

/// The first letter in upper case (English labels that start with a level's name).
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A money band: "¥5万（含）至¥20万" / "¥50,000 to under ¥200,000". Its bounds are
/// thresholds to reach, so they never round down.
#[must_use]
pub fn money_band(l: Locale, currency: &str, b: Band<Decimal>) -> String {
    let m = |d| format::money(Amount::Needed, d, currency, l);
    match b.hi {
        Some(hi) if b.lo.is_zero() => fill(l, KioskMsg::MoneyUnder, &[("x", &m(hi))]),
        Some(hi) => fill(l, KioskMsg::MoneyRange, &[("lo", &m(b.lo)), ("hi", &m(hi))]),
        None => fill(l, KioskMsg::MoneyAtLeast, &[("x", &m(b.lo))]),
    }
}

/// An age band: "16–28岁" / "16 to 28".
#[must_use]
pub fn age_band(l: Locale, b: Band<u32>) -> String {
    match b.hi {
        Some(hi) if b.lo == 0 => fill(l, KioskMsg::AgeUnder, &[("n", &hi.to_string())]),
        Some(hi) if hi == b.lo + 1 => fill(l, KioskMsg::AgeOne, &[("n", &b.lo.to_string())]),
        Some(hi) => fill(
            l,
            KioskMsg::AgeRange,
            &[("lo", &b.lo.to_string()), ("hi", &(hi - 1).to_string())],
        ),
        None => fill(l, KioskMsg::AgeAtLeast, &[("n", &b.lo.to_string())]),
    }
}

/// An education level's name.
#[must_use]
pub fn level(l: Locale, e: Education) -> &'static str {
    kt(
        l,
        match e {
            Education::Primary => KioskMsg::Primary,
            Education::JuniorSecondary => KioskMsg::JuniorSecondary,
            Education::SeniorSecondary => KioskMsg::SeniorSecondary,
            Education::College => KioskMsg::College,
            Education::Bachelor => KioskMsg::Bachelor,
            Education::Master => KioskMsg::Master,
            Education::Doctorate => KioskMsg::Doctorate,
        },
    )
}

/// An education band: "大专及以上" / "College or above".
#[must_use]
pub fn education_band(l: Locale, b: Band<usize>) -> String {
    let name = |i: usize| Education::ALL.get(i).map_or("", |e| level(l, *e));
    let text = match b.hi {
        Some(hi) if b.lo == 0 => fill(l, KioskMsg::EducationBelow, &[("x", name(hi))]),
        Some(hi) if hi == b.lo + 1 => name(b.lo).to_owned(),
        Some(hi) => fill(
            l,
            KioskMsg::EducationRange,
            &[("lo", name(b.lo)), ("hi", name(hi - 1))],
        ),
        None => fill(l, KioskMsg::EducationAtLeast, &[("x", name(b.lo))]),
    };
    capitalised(&text)
}

/// Where to go today and what happens there.
#[must_use]
pub fn route(l: Locale, r: ServiceRoute) -> (&'static str, &'static str) {
    let (name, text) = match r {
        ServiceRoute::PrivateBankingCentre => (
            KioskMsg::RoutePrivateBanking,
            KioskMsg::RoutePrivateBankingText,
        ),
        ServiceRoute::RelationshipManager => (KioskMsg::RouteManager, KioskMsg::RouteManagerText),
        ServiceRoute::WealthCentre => {
            (KioskMsg::RouteWealthCentre, KioskMsg::RouteWealthCentreText)
        }
        ServiceRoute::PriorityCounter => (KioskMsg::RoutePriority, KioskMsg::RoutePriorityText),
        ServiceRoute::SelfService => (KioskMsg::RouteSelfService, KioskMsg::RouteSelfServiceText),
        ServiceRoute::Counter => (KioskMsg::RouteCounter, KioskMsg::RouteCounterText),
        ServiceRoute::CorporateDepartment => {
            (KioskMsg::RouteCorporate, KioskMsg::RouteCorporateText)
        }
    };
    (kt(l, name), kt(l, text))
}

/// A route's id as rulesets write it (`priority_counter`), for tests and styling; by hand,
/// so the bundle needs no JSON serializer for it.
#[must_use]
pub fn route_id(r: ServiceRoute) -> &'static str {
    match r {
        ServiceRoute::PrivateBankingCentre => "private_banking_centre",
        ServiceRoute::RelationshipManager => "relationship_manager",
        ServiceRoute::WealthCentre => "wealth_centre",
        ServiceRoute::PriorityCounter => "priority_counter",
        ServiceRoute::SelfService => "self_service",
        ServiceRoute::Counter => "counter",
        ServiceRoute::CorporateDepartment => "corporate_department",
    }
}

/// How to reach the next tier, in words; the amount is the most that is missing.
#[must_use]
pub fn next_tier(l: Locale, currency: &str, n: &NextStep) -> String {
    let m = |d| format::money(Amount::Needed, d, currency, l);
    let tier = n.gap.tier.name.get(l.tag());
    match n.threshold {
        Some(threshold) => fill(
            l,
            KioskMsg::NextThreshold,
            &[
                ("threshold", &m(threshold)),
                ("tier", tier),
                ("gap", &m(n.amount)),
            ],
        ),
        None => fill(
            l,
            KioskMsg::NextAmount,
            &[("tier", tier), ("gap", &m(n.amount))],
        ),
    }
}

/// What the assets at other banks would bring, when the customer gave a band.
#[must_use]
pub fn potential(l: Locale, currency: &str, eval: &Evaluation, chosen: &Chosen) -> Option<String> {
    let band = chosen.external?;
    // The top tier has no higher tier for assets elsewhere to bring.
    if eval.tier.rank == 0 {
        return None;
    }
    // "At least" what is held elsewhere rounds down; "at most" what to move rounds up.
    let (held, needed) = (
        |d| format::money(Amount::Held, d, currency, l),
        |d| format::money(Amount::Needed, d, currency, l),
    );
    Some(match &eval.potential {
        Some(p) => {
            let tier = p.tier.name.get(l.tag());
            let ext = held(p.external_assets.0);
            match p.move_needed {
                Some(mv) => fill(
                    l,
                    KioskMsg::PotentialMove,
                    &[("ext", &ext), ("move", &needed(mv.0)), ("tier", tier)],
                ),
                None => fill(
                    l,
                    KioskMsg::PotentialCounted,
                    &[("ext", &ext), ("tier", tier)],
                ),
            }
        }
        None => fill(
            l,
            KioskMsg::PotentialSame,
            &[("band", &money_band(l, currency, band))],
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bands;

    #[test]
    fn bands_read_naturally_in_both_languages() {
        let b = Bands::of(&strata_core::rulesets::cn_retail());
        let zh: Vec<String> = b
            .assets
            .iter()
            .map(|x| money_band(Locale::ZhCn, "CNY", *x))
            .collect();
        assert_eq!(
            zh,
            [
                "¥5万以下",
                "¥5万（含）至¥20万",
                "¥20万（含）至¥100万",
                "¥100万（含）至¥1000万",
                "¥1000万及以上"
            ]
        );
        assert_eq!(
            money_band(Locale::En, "CNY", b.assets[1]),
            "¥50,000 to under ¥200,000"
        );
        assert_eq!(
            money_band(Locale::En, "CNY", b.assets[4]),
            "¥10,000,000 or more"
        );
        let ages: Vec<String> = b.ages.iter().map(|x| age_band(Locale::En, *x)).collect();
        assert_eq!(ages, ["Under 16", "16 to 28", "29 or over"]);
        let ages: Vec<String> = b.ages.iter().map(|x| age_band(Locale::ZhCn, *x)).collect();
        assert_eq!(ages, ["16岁以下", "16–28岁", "29岁及以上"]);
        let edu: Vec<String> = b
            .education
            .iter()
            .map(|x| education_band(Locale::En, *x))
            .collect();
        assert_eq!(edu, ["Below college", "College or above"]);
        assert_eq!(education_band(Locale::ZhCn, b.education[1]), "大专及以上");
        assert_eq!(
            education_band(Locale::En, Band { lo: 4, hi: Some(5) }),
            "Bachelor's degree"
        );
        assert_eq!(
            education_band(Locale::En, Band { lo: 2, hi: Some(5) }),
            "Senior secondary school to bachelor's degree"
        );
        assert_eq!(
            age_band(
                Locale::En,
                Band {
                    lo: 30,
                    hi: Some(31)
                }
            ),
            "30"
        );
    }

    #[test]
    fn every_route_has_a_place_and_a_line() {
        for r in [
            ServiceRoute::PrivateBankingCentre,
            ServiceRoute::RelationshipManager,
            ServiceRoute::WealthCentre,
            ServiceRoute::PriorityCounter,
            ServiceRoute::SelfService,
            ServiceRoute::Counter,
            ServiceRoute::CorporateDepartment,
        ] {
            for l in [Locale::ZhCn, Locale::En] {
                let (a, b) = route(l, r);
                assert!(!a.is_empty() && !b.is_empty());
            }
            // The id is the ruleset's own spelling.
            let json = serde_json::to_string(&r).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", route_id(r)));
        }
        assert_eq!(
            route(Locale::En, ServiceRoute::WealthCentre).0,
            "The wealth centre"
        );
    }
}
