//! Catalog validation against its ruleset: every problem with its JSON path.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::catalog::Catalog;
use crate::domain;
use crate::error::RulesetError;
use crate::recommend::score::is_investment;
use crate::recommend::score::is_riskless;
use crate::recommend::score::needs_disclosure;
use crate::ruleset::Ruleset;

fn invalid(errs: &mut Vec<RulesetError>, path: String, message: String) {
    errs.push(RulesetError::Invalid { path, message });
}

/// Validates a catalog against the ruleset it names; every problem with its path.
pub(crate) fn validate(c: &Catalog, rs: &Ruleset) -> Vec<RulesetError> {
    let mut errs = Vec::new();
    if c.ruleset != rs.id {
        invalid(
            &mut errs,
            "$.ruleset".into(),
            format!(
                "the catalog is for ruleset `{}`, not `{}`",
                c.ruleset, rs.id
            ),
        );
    }
    let tier_ok = |id: &str| rs.tiers.iter().any(|t| t.id == id);
    let p = &c.policy;
    let mut count = |path: &str, n: u32, lo: u32, hi: u32| {
        if !(lo..=hi).contains(&n) {
            let message = format!("must be between {lo} and {hi} (got {n})");
            invalid(&mut errs, path.into(), message);
        }
    };
    count("$.policy.top_n", p.top_n, 1, domain::MAX_TOP_N);
    count("$.policy.per_family", p.per_family, 1, domain::MAX_TOP_N);
    let months = domain::MAX_POLICY_MONTHS;
    count("$.policy.risk_valid_months", p.risk_valid_months, 1, months);
    count(
        "$.policy.lift.inflow_days",
        p.lift.inflow_days,
        0,
        domain::MAX_DAYS,
    );
    let k = &p.contact;
    for (name, days) in [
        ("rest_after_dismiss_days", k.rest_after_dismiss_days),
        ("rest_after_decline_days", k.rest_after_decline_days),
        ("rest_after_impressions_days", k.rest_after_impressions_days),
    ] {
        count(
            &format!("$.policy.contact.{name}"),
            days,
            0,
            domain::MAX_DAYS,
        );
    }
    let mut within = |path: String, v: Decimal, hi: u32| {
        if v.is_sign_negative() || v > Decimal::from(hi) {
            invalid(
                &mut errs,
                path,
                format!("must be between 0 and {hi} (got {v})"),
            );
        }
    };
    let w = &p.weights;
    for (name, v) in [
        ("next_tier", w.next_tier),
        ("new_family", w.new_family),
        ("life_stage", w.life_stage),
        ("bundle", w.bundle),
        ("external_assets", w.external_assets),
        ("tier_fit", w.tier_fit),
    ] {
        within(format!("$.policy.weights.{name}"), v.0, domain::MAX_WEIGHT);
    }
    within(
        "$.policy.lift.top_up_percent".into(),
        p.lift.top_up_percent.0,
        100,
    );
    for (i, pr) in c.products.iter().enumerate() {
        let path = format!("$.products[{i}].priority");
        within(path, pr.priority.0, domain::MAX_PRIORITY);
    }
    for (family, text) in &p.disclosures {
        let path = format!("$.policy.disclosures.{}", family.name());
        errs.extend(text.missing(&c.locales, &path));
    }
    let mut ids = BTreeSet::new();
    for (i, pr) in c.products.iter().enumerate() {
        let path = format!("$.products[{i}]");
        if let Err(m) = domain::id(&pr.id) {
            invalid(&mut errs, format!("{path}.id"), m);
        } else if !ids.insert(pr.id.as_str()) {
            errs.push(RulesetError::DuplicateId {
                path: format!("{path}.id"),
                id: pr.id.clone(),
            });
        }
        for (field, text) in [("name", &pr.name), ("pitch", &pr.pitch)] {
            errs.extend(text.missing(&c.locales, &format!("{path}.{field}")));
        }
        match (pr.risk, is_investment(pr.family), is_riskless(pr.family)) {
            (None, true, _) => invalid(
                &mut errs,
                format!("{path}.risk"),
                "an investment product needs a risk rating R1–R5".into(),
            ),
            (Some(_), _, true) => invalid(
                &mut errs,
                format!("{path}.risk"),
                "deposits, cards, loans and services carry no risk rating".into(),
            ),
            _ => {}
        }
        if pr.min_amount.is_sign_negative() && !pr.min_amount.is_zero() {
            invalid(
                &mut errs,
                format!("{path}.min_amount"),
                "must not be negative".into(),
            );
        }
        if let Some(max) = pr.max_amount
            && max.0 < pr.min_amount.0
        {
            let message = format!("{max} is below the minimum {}", pr.min_amount);
            invalid(&mut errs, format!("{path}.max_amount"), message);
        }
        if let Some(t) = pr.term_months.filter(|t| *t > domain::MAX_TERM_MONTHS) {
            let message = format!("must be at most {} (got {t})", domain::MAX_TERM_MONTHS);
            invalid(&mut errs, format!("{path}.term_months"), message);
        }
        if let Some(h) = pr
            .cooling_off_hours
            .filter(|h| *h > domain::MAX_COOLING_OFF_HOURS)
        {
            let message = format!(
                "must be at most {} (got {h})",
                domain::MAX_COOLING_OFF_HOURS
            );
            invalid(&mut errs, format!("{path}.cooling_off_hours"), message);
        }
        for (k, need) in pr.requires.iter().enumerate() {
            let at = format!("{path}.requires[{k}]");
            match (&need.product, need.family) {
                (Some(id), None) => {
                    if let Err(m) = domain::id(id) {
                        invalid(&mut errs, format!("{at}.product"), m);
                    } else if *id == pr.id {
                        let message = "a product cannot require itself".into();
                        invalid(&mut errs, format!("{at}.product"), message);
                    }
                }
                (None, Some(_)) => {}
                _ => invalid(
                    &mut errs,
                    at,
                    "name exactly one of `product` or `family`".into(),
                ),
            }
        }
        if pr.qualified_investor && c.policy.qualified_investor.is_none() {
            let message = "needs the catalog's `policy.qualified_investor` test".into();
            invalid(&mut errs, format!("{path}.qualified_investor"), message);
        }
        if needs_disclosure(pr) && c.disclosure(pr).is_none() {
            let message = format!(
                "its page must show a risk disclosure: give `disclosure`, or one for `{}` in \
                 `policy.disclosures`",
                pr.family.name()
            );
            invalid(&mut errs, format!("{path}.disclosure"), message);
        }
        if let Some(d) = &pr.disclosure {
            errs.extend(d.missing(&c.locales, &format!("{path}.disclosure")));
        }
        if let Some(a) = pr.age {
            for (end, v) in [("min", a.min), ("max", a.max)] {
                if let Some(v) = v.filter(|v| *v > domain::MAX_AGE) {
                    let max = domain::MAX_AGE;
                    let message = format!("must be between 0 and {max} (got {v})");
                    invalid(&mut errs, format!("{path}.age.{end}"), message);
                }
            }
        }
        if let Some(a) = pr.age
            && let (Some(lo), Some(hi)) = (a.min, a.max)
            && lo > hi
        {
            invalid(
                &mut errs,
                format!("{path}.age"),
                format!("min {lo} is above max {hi}"),
            );
        }
        if let Some(w) = pr.available
            && let (Some(from), Some(until)) = (w.from, w.until)
            && from > until
        {
            invalid(
                &mut errs,
                format!("{path}.available"),
                format!("from {from} is after until {until}"),
            );
        }
        for (k, t) in pr.tiers.iter().enumerate() {
            if !tier_ok(t) {
                invalid(
                    &mut errs,
                    format!("{path}.tiers[{k}]"),
                    format!("unknown tier `{t}`"),
                );
            }
        }
    }
    for (tier, b) in &c.bundles {
        let path = format!("$.bundles.{tier}");
        if !tier_ok(tier) {
            errs.push(RulesetError::Invalid {
                path: path.clone(),
                message: format!("unknown tier `{tier}`"),
            });
        }
        errs.extend(b.name.missing(&c.locales, &format!("{path}.name")));
        for (k, id) in b.products.iter().enumerate() {
            match c.products.iter().find(|p| &p.id == id) {
                None => errs.push(RulesetError::Invalid {
                    path: format!("{path}.products[{k}]"),
                    message: format!("unknown product `{id}`"),
                }),
                Some(p) if !p.tiers.is_empty() && !p.tiers.contains(tier) => {
                    errs.push(RulesetError::Invalid {
                        path: format!("{path}.products[{k}]"),
                        message: format!("`{id}` is not offered to `{tier}`"),
                    });
                }
                Some(_) => {}
            }
        }
    }
    for tier in c.strategy.keys() {
        if !tier_ok(tier) {
            errs.push(RulesetError::Invalid {
                path: format!("$.strategy.{tier}"),
                message: format!("unknown tier `{tier}`"),
            });
        }
    }
    errs
}
