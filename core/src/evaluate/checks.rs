//! Profile checks against the ruleset: every problem that would make an evaluation wrong,
//! with its JSON path, and the warnings that do not.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use crate::Engine;
use crate::dec::Money;
use crate::domain;
use crate::error::{ProfileError, ProfileErrors};
use crate::evaluation::Warning;
use crate::metrics::{self, Kind};
use crate::profile::Profile;
use crate::ruleset::Unit;

impl Engine {
    /// Semantic checks of a profile against this ruleset, all at once; returns warnings.
    pub(crate) fn validate(
        &self,
        p: &Profile,
        as_of: NaiveDate,
    ) -> Result<Vec<Warning>, ProfileErrors> {
        let mut errs = Vec::new();
        let mut warnings = Vec::new();
        // The path is written only for an error: every evaluation passes here.
        let mut neg = |path: &dyn Fn() -> String, v: Money| {
            if v.is_sign_negative() && !v.is_zero() {
                errs.push(ProfileError::Negative {
                    path: path(),
                    value: v.to_string(),
                });
            }
        };
        for (i, h) in p.holdings.iter().enumerate() {
            neg(&|| format!("$.holdings[{i}].balance"), h.balance);
        }
        for (i, e) in p.external_assets.iter().enumerate() {
            neg(&|| format!("$.external_assets[{i}].balance"), e.balance);
        }
        for (i, m) in p.monthly.iter().enumerate() {
            for (f, v) in &m.avg_daily {
                neg(&|| format!("$.monthly[{i}].avg_daily.{}", f.name()), *v);
            }
            if let Some(fee) = m.fee_income {
                neg(&|| format!("$.monthly[{i}].fee_income"), fee);
            }
        }
        for (i, m) in p.household.iter().enumerate() {
            neg(&|| format!("$.household[{i}].aum"), m.aum);
        }
        // Only assets count as assets: a loan or a card at another bank is a debt, and
        // counting it would tell the customer to "move" money they owe.
        for (i, e) in p.external_assets.iter().enumerate() {
            if let Some(f) = e.family.filter(|f| !f.is_asset()) {
                errs.push(ProfileError::Invalid {
                    path: format!("$.external_assets[{i}].family"),
                    message: format!(
                        "`{}` is not an asset: external assets hold only what the customer owns",
                        f.name()
                    ),
                });
            }
        }
        if let Err(message) = domain::key(&p.id) {
            errs.push(ProfileError::Invalid {
                path: "$.id".into(),
                message,
            });
        }
        for (i, h) in p.holdings.iter().enumerate() {
            if let Err(message) = domain::key(&h.product) {
                let path = format!("$.holdings[{i}].product");
                errs.push(ProfileError::Invalid { path, message });
            }
        }
        for (i, m) in p.household.iter().enumerate() {
            if let Err(message) = domain::key(&m.id) {
                let path = format!("$.household[{i}].id");
                errs.push(ProfileError::Invalid { path, message });
            }
        }
        errs.extend(self.currency_errors(p));
        let years = domain::FIRST_YEAR..=domain::LAST_YEAR;
        if !years.contains(&as_of.year()) {
            errs.push(ProfileError::Invalid {
                // The JS API's name for the argument (`evaluate(profile, asOf)`).
                path: "asOf".into(),
                message: format!(
                    "the as-of date {as_of} is outside {}–{}",
                    domain::FIRST_YEAR,
                    domain::LAST_YEAR
                ),
            });
        }
        if let Some(b) = p.birth_date
            && b <= as_of
            && metrics::age_on(b, as_of) > domain::MAX_AGE as i32
        {
            errs.push(ProfileError::Invalid {
                path: "$.birth_date".into(),
                message: format!(
                    "{b} makes the customer older than {} on {as_of}",
                    domain::MAX_AGE
                ),
            });
        }
        for (name, v) in &p.attributes {
            let Some(def) = self.ruleset.inputs.get(name) else {
                continue;
            };
            let path = format!("$.attributes.{name}");
            let whole = matches!(def.unit, Unit::Count | Unit::Years | Unit::Rank);
            if (def.unit == Unit::Money || whole) && v.is_sign_negative() && !v.is_zero() {
                let value = v.to_string();
                errs.push(ProfileError::Negative { path, value });
                continue;
            }
            let decimals = if whole {
                0
            } else {
                crate::dec::MONEY_DECIMALS as u32
            };
            if (whole || def.unit == Unit::Money) && v.normalize().scale() > decimals {
                let message = if whole {
                    format!("{v} is not a whole number")
                } else {
                    format!("{v} has more than {decimals} decimals; money has {decimals}")
                };
                errs.push(ProfileError::Invalid { path, message });
            }
        }
        let mut seen = BTreeSet::new();
        for (i, m) in p.monthly.iter().enumerate() {
            if !seen.insert(m.month) {
                errs.push(ProfileError::Invalid {
                    path: format!("$.monthly[{i}].month"),
                    message: format!("month {} is listed twice", m.month),
                });
            }
        }
        let mut future = |path: &str, d: Option<NaiveDate>| {
            if let Some(d) = d.filter(|d| *d > as_of) {
                errs.push(ProfileError::FutureDate {
                    path: path.to_owned(),
                    date: d.to_string(),
                    as_of: as_of.to_string(),
                });
            }
        };
        future("$.birth_date", p.birth_date);
        future("$.risk.assessed_on", p.risk.as_ref().map(|r| r.assessed_on));
        future(
            "$.tier_history.since",
            p.tier_history.as_ref().map(|h| h.since),
        );
        future(
            "$.tier_history.below_since",
            p.tier_history.as_ref().and_then(|h| h.below_since),
        );
        if let Some(h) = &p.tier_history
            && self.tier_index(&h.tier).is_none()
        {
            errs.push(ProfileError::UnknownTier {
                path: "$.tier_history.tier".into(),
                tier: h.tier.clone(),
            });
        }
        if let Some(m) = &p.manual_assignment
            && self.tier_index(&m.tier).is_none()
        {
            errs.push(ProfileError::UnknownTier {
                path: "$.manual_assignment.tier".into(),
                tier: m.tier.clone(),
            });
        }
        for d in &self.metrics {
            let missing = match &d.kind {
                Kind::Age if p.birth_date.is_none() => Some("$.birth_date".to_owned()),
                Kind::Education if p.education.is_none() => Some("$.education".to_owned()),
                Kind::Input {
                    name,
                    default: None,
                    ..
                } if !p.attributes.contains_key(name) => Some(format!("$.attributes.{name}")),
                _ => None,
            };
            if let Some(path) = missing {
                errs.push(ProfileError::Missing {
                    path,
                    metric: d.id.clone(),
                });
            }
        }
        for name in p.attributes.keys() {
            if !self.ruleset.inputs.contains_key(name) {
                warnings.push(Warning::UnknownAttribute { name: name.clone() });
            }
        }
        // Months an average reads but the profile lacks count as zero: say so.
        let window = self.longest_window();
        if window > 0 && p.monthly.is_empty() {
            warnings.push(Warning::NoHistory { months: window });
        } else if window > 0 {
            for m in metrics::window(as_of, window) {
                if !p.monthly.iter().any(|r| r.month == m) {
                    warnings.push(Warning::MissingMonth {
                        month: m.to_string(),
                    });
                }
            }
        }
        if errs.is_empty() {
            Ok(warnings)
        } else {
            Err(ProfileErrors(errs))
        }
    }
}
