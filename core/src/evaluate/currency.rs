//! Currency: exchange rates and a profile converted into the ruleset's currency.

use rust_decimal::Decimal;

use crate::Engine;
use crate::dec::Money;
use crate::error::{ProfileError, ProfileErrors};
use crate::evaluate::overflow;
use crate::metrics::{self};
use crate::profile::Profile;
use crate::validate::fx_rate;

impl Engine {
    /// The rate of `currency` into the ruleset's currency: 1 for the ruleset's own (or none
    /// given), else the profile's `fx_rates`, else the ruleset's.
    pub(crate) fn rate(&self, p: &Profile, currency: Option<&str>) -> Option<Decimal> {
        match currency {
            None => Some(Decimal::ONE),
            Some(c) if c == self.ruleset.currency => Some(Decimal::ONE),
            Some(c) => p
                .fx_rates
                .get(c)
                .or_else(|| self.ruleset.fx_rates.get(c))
                .map(|r| r.0),
        }
    }

    /// The profile's rates and the currency of each amount: codes, a rate for each currency
    /// used, and converted amounts within money's domain.
    pub(crate) fn currency_errors(&self, p: &Profile) -> Vec<ProfileError> {
        let mut errs = Vec::new();
        for (code, r) in &p.fx_rates {
            let path = format!("$.fx_rates.{code}");
            if let Err(message) = fx_rate(code, r.0) {
                errs.push(ProfileError::Invalid { path, message });
            } else if *code == self.ruleset.currency {
                let message = format!("{code} is the ruleset's own currency");
                errs.push(ProfileError::Invalid { path, message });
            }
        }
        // Paths are written only for an amount with a currency: every evaluation passes here.
        let amounts = p
            .holdings
            .iter()
            .enumerate()
            .map(|(i, h)| ("holdings", i, h.currency.as_deref(), h.balance))
            .chain(
                p.external_assets
                    .iter()
                    .enumerate()
                    .map(|(i, e)| ("external_assets", i, e.currency.as_deref(), e.balance)),
            );
        let into = &self.ruleset.currency;
        for (list, i, currency, balance) in amounts {
            let Some(c) = currency else { continue };
            let at = format!("$.{list}[{i}]");
            let path = format!("{at}.currency");
            if let Err(message) = fx_rate(c, Decimal::ONE) {
                errs.push(ProfileError::Invalid { path, message });
                continue;
            }
            match self.rate(p, Some(c)) {
                None => errs.push(ProfileError::NoRate {
                    path,
                    currency: c.to_owned(),
                    into: into.clone(),
                }),
                // A bad rate is reported above.
                Some(rate) if fx_rate(c, rate).is_err() => {}
                Some(rate) => {
                    let max = Decimal::from(crate::dec::MAX_WHOLE);
                    if metrics::convert(balance.0, rate).is_none_or(|v| v > max) {
                        errs.push(ProfileError::Invalid {
                            path: format!("{at}.balance"),
                            message: format!(
                                "{balance} {c} at {rate} is 10^15 {into} or more, beyond what an \
                                 amount may be"
                            ),
                        });
                    }
                }
            }
        }
        errs
    }

    /// The profile with every amount in the ruleset's currency (borrowed when it already
    /// is): what every evaluation step reads.
    pub(crate) fn in_currency<'p>(
        &self,
        p: &'p Profile,
    ) -> Result<std::borrow::Cow<'p, Profile>, ProfileErrors> {
        match self.in_ruleset_currency(p) {
            Ok(Some(converted)) => Ok(std::borrow::Cow::Owned(converted)),
            Ok(None) => Ok(std::borrow::Cow::Borrowed(p)),
            Err(e) => Err(overflow(e, "fx_rates")),
        }
    }

    /// The profile with every amount in the ruleset's currency, or `None` when it already is.
    pub(crate) fn in_ruleset_currency(
        &self,
        p: &Profile,
    ) -> Result<Option<Profile>, metrics::Overflow> {
        let foreign = |c: &Option<String>| c.as_ref().is_some_and(|c| *c != self.ruleset.currency);
        if !p.holdings.iter().any(|h| foreign(&h.currency))
            && !p.external_assets.iter().any(|e| foreign(&e.currency))
        {
            return Ok(None);
        }
        let mut q = p.clone();
        let convert = |currency: &mut Option<String>, balance: &mut Money, at: &'static str| {
            let rate = self
                .rate(p, currency.as_deref())
                .ok_or(metrics::Overflow(at))?;
            balance.0 = metrics::convert(balance.0, rate).ok_or(metrics::Overflow(at))?;
            *currency = None;
            Ok(())
        };
        for h in &mut q.holdings {
            convert(&mut h.currency, &mut h.balance, "$.holdings")?;
        }
        for e in &mut q.external_assets {
            convert(&mut e.currency, &mut e.balance, "$.external_assets")?;
        }
        Ok(Some(q))
    }
}
