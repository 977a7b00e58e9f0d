//! Metrics: the numbers criteria compare, computed from a profile on an as-of date.
//!
//! Built-in metric ids: `aum` (current financial assets here), `aum_avg_<n>m` (average daily
//! assets over the last n complete months), `external_assets`, `aum_with_external`,
//! `aum_household` (`aum` plus the linked household members' assets the profile lists), `age`,
//! `education` (rank 1–7), `product_families`, `loan_balance`, `fee_income_<n>m`. Rulesets add
//! declared `inputs` and derived weighted-sum `metrics`.
//!
//! Every amount is in the ruleset's currency: the engine converts holdings and external assets
//! in another currency first ([`convert`]).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::profile::{Family, Month, Profile};
use crate::ruleset::Unit;

/// Longest averaging window, in months.
pub const MAX_MONTHS: u32 = 36;

/// How a metric is computed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    Aum,
    AumAvg(u32),
    External,
    AumWithExternal,
    AumHousehold,
    Age,
    Education,
    ProductFamilies,
    LoanBalance,
    FeeIncome(u32),
    Input {
        name: String,
        default: Option<Decimal>,
        unit: Unit,
    },
    Derived(Vec<Term>),
}

/// A compiled derived-metric term.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Term {
    pub source: TermSource,
    pub points: Decimal,
    pub per: Decimal,
}

/// What a compiled term reads.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum TermSource {
    Metric(Box<Kind>),
    AverageBalance { families: Vec<Family>, months: u32 },
    FeeIncome { months: u32 },
}

/// A metric the compiled ruleset uses.
#[derive(Clone, Debug)]
pub(crate) struct Def {
    pub id: String,
    pub kind: Kind,
    pub unit: Unit,
}

/// Parses a built-in metric id.
pub(crate) fn builtin(id: &str) -> Option<(Kind, Unit)> {
    let months = |prefix: &str| {
        id.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix('m'))
            // Written one way only: `aum_avg_3m`, never `aum_avg_03m` or `aum_avg_+3m`.
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'))
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| (1..=MAX_MONTHS).contains(n))
    };
    Some(match id {
        "aum" => (Kind::Aum, Unit::Money),
        "external_assets" => (Kind::External, Unit::Money),
        "aum_with_external" => (Kind::AumWithExternal, Unit::Money),
        "aum_household" => (Kind::AumHousehold, Unit::Money),
        "age" => (Kind::Age, Unit::Years),
        "education" => (Kind::Education, Unit::Rank),
        "product_families" => (Kind::ProductFamilies, Unit::Count),
        "loan_balance" => (Kind::LoanBalance, Unit::Money),
        _ => {
            if let Some(n) = months("aum_avg_") {
                (Kind::AumAvg(n), Unit::Money)
            } else if let Some(n) = months("fee_income_") {
                (Kind::FeeIncome(n), Unit::Money)
            } else {
                return None;
            }
        }
    })
}

impl Kind {
    /// Values this metric can take, for spotting criteria that never hold.
    pub(crate) fn domain(&self) -> (Option<Decimal>, Option<Decimal>) {
        match self {
            Kind::Aum
            | Kind::AumAvg(_)
            | Kind::External
            | Kind::AumWithExternal
            | Kind::AumHousehold
            | Kind::LoanBalance
            | Kind::FeeIncome(_)
            // Declared money, counts, years and ranks are never negative.
            | Kind::Input {
                unit: Unit::Money | Unit::Count | Unit::Years | Unit::Rank,
                ..
            } => (Some(Decimal::ZERO), None),
            Kind::Age => (
                Some(Decimal::ZERO),
                Some(Decimal::from(crate::domain::MAX_AGE)),
            ),
            Kind::Education => (Some(Decimal::ONE), Some(Decimal::from(7))),
            Kind::ProductFamilies => (Some(Decimal::ZERO), Some(Decimal::from(16))),
            Kind::Input { .. } | Kind::Derived(_) => (None, None),
        }
    }

    /// The largest value the metric takes for a customer whose profile parses (for the
    /// bounds of derived metrics, [`crate::domain`]).
    pub(crate) fn largest(&self) -> Decimal {
        match self {
            // A declared input is one value in the decimal grammar.
            Kind::Input { .. } => Decimal::from(crate::dec::MAX_WHOLE),
            // Bounded kinds say so in their domain; the rest are sums of amounts.
            _ => self.domain().1.unwrap_or_else(crate::domain::max_total),
        }
    }

    /// Whether the metric only takes whole values (so `> 28` means `>= 29`).
    pub(crate) fn is_integral(&self) -> bool {
        matches!(
            self,
            Kind::Age
                | Kind::Education
                | Kind::ProductFamilies
                | Kind::Input {
                    unit: Unit::Count | Unit::Years | Unit::Rank,
                    ..
                }
        )
    }

    /// Whether declared external assets change this metric ("potentially qualified").
    pub(crate) fn uses_assets(&self) -> bool {
        match self {
            Kind::Aum | Kind::AumAvg(_) | Kind::AumHousehold => true,
            Kind::Derived(terms) => terms.iter().any(|t| match &t.source {
                TermSource::Metric(k) => k.uses_assets(),
                TermSource::AverageBalance { .. } => true,
                TermSource::FeeIncome { .. } => false,
            }),
            _ => false,
        }
    }
}

/// Everything a metric computation reads.
pub(crate) struct Ctx<'a> {
    pub profile: &'a Profile,
    pub as_of: NaiveDate,
    /// Count declared external assets as if held here.
    pub with_external: bool,
}

/// A sum, product or ratio left [`Decimal`]'s range; names the values at fault (a JSON path
/// of the profile, such as `$.holdings`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Overflow(pub &'static str);

/// Checked sum: `None` past [`Decimal`]'s range.
pub(crate) fn total(values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, Decimal::checked_add)
}

/// `amount` of another currency in the ruleset's currency at `rate` (units of the ruleset's
/// currency per unit), rounded **down** to the cent: the engine never credits a customer with
/// more than they hold, so a gap is never understated (it may be a cent more per converted
/// amount). `None` past [`Decimal`]'s range; validation keeps rates at most
/// [`crate::domain::MAX_FX_RATE`] and converted amounts within money's domain.
pub(crate) fn convert(amount: Decimal, rate: Decimal) -> Option<Decimal> {
    amount.checked_mul(rate).map(|v| {
        v.round_dp_with_strategy(
            crate::dec::MONEY_DECIMALS as u32,
            RoundingStrategy::ToNegativeInfinity,
        )
    })
}

impl Ctx<'_> {
    /// The metric's value. Missing inputs were reported by validation; they read as zero here.
    /// Every step is checked: parsed documents cannot overflow (see [`crate::domain`]), a
    /// profile built in code with larger values gets [`Overflow`] instead of a panic.
    pub(crate) fn value(&self, kind: &Kind) -> Result<Decimal, Overflow> {
        let p = self.profile;
        let add = |a: Decimal, b: Decimal, at: &'static str| a.checked_add(b).ok_or(Overflow(at));
        Ok(match kind {
            Kind::Aum => add(self.aum()?, self.counted_external()?, "$.external_assets")?,
            Kind::AumAvg(n) => add(
                self.average(*n, Family::is_asset)?,
                self.counted_external()?,
                "$.external_assets",
            )?,
            Kind::External => self.external_total()?,
            Kind::AumWithExternal => add(self.aum()?, self.external_total()?, "$.external_assets")?,
            Kind::AumHousehold => add(
                add(self.aum()?, self.counted_external()?, "$.external_assets")?,
                total(p.household.iter().map(|m| m.aum.0)).ok_or(Overflow("$.household"))?,
                "$.household",
            )?,
            Kind::Age => p
                .birth_date
                .map_or(Decimal::ZERO, |b| Decimal::from(age_on(b, self.as_of))),
            Kind::Education => p
                .education
                .map_or(Decimal::ZERO, |e| Decimal::from(e.rank())),
            Kind::ProductFamilies => {
                let held: BTreeSet<Family> = p.holdings.iter().map(|h| h.family).collect();
                Decimal::from(held.len())
            }
            Kind::LoanBalance => total(
                p.holdings
                    .iter()
                    .filter(|h| h.family == Family::Loan)
                    .map(|h| h.balance.0),
            )
            .ok_or(Overflow("$.holdings"))?,
            Kind::FeeIncome(n) => self.fee_income(*n)?,
            Kind::Input { name, default, .. } => p
                .attributes
                .get(name)
                .map(|d| d.0)
                .or(*default)
                .unwrap_or_default(),
            Kind::Derived(terms) => {
                let mut sum = Decimal::ZERO;
                for t in terms {
                    let v = match &t.source {
                        TermSource::Metric(k) => self.value(k)?,
                        TermSource::AverageBalance { families, months } => add(
                            self.average(*months, |f| families.contains(&f))?,
                            self.external_in(families)?,
                            "$.external_assets",
                        )?,
                        TermSource::FeeIncome { months } => self.fee_income(*months)?,
                    };
                    let term = t
                        .points
                        .checked_mul(v)
                        .and_then(|x| x.checked_div(t.per))
                        .ok_or(Overflow("$"))?;
                    sum = add(sum, term, "$")?;
                }
                sum
            }
        })
    }

    fn aum(&self) -> Result<Decimal, Overflow> {
        total(
            self.profile
                .holdings
                .iter()
                .filter(|h| h.family.is_asset())
                .map(|h| h.balance.0),
        )
        .ok_or(Overflow("$.holdings"))
    }

    fn external_total(&self) -> Result<Decimal, Overflow> {
        total(self.profile.external_assets.iter().map(|e| e.balance.0))
            .ok_or(Overflow("$.external_assets"))
    }

    /// External assets added to an asset metric when counting them as held here.
    fn counted_external(&self) -> Result<Decimal, Overflow> {
        if self.with_external {
            self.external_total()
        } else {
            Ok(Decimal::ZERO)
        }
    }

    fn external_in(&self, families: &[Family]) -> Result<Decimal, Overflow> {
        if !self.with_external {
            return Ok(Decimal::ZERO);
        }
        total(
            self.profile
                .external_assets
                .iter()
                .filter(|e| families.contains(&e.family.unwrap_or(Family::Deposit)))
                .map(|e| e.balance.0),
        )
        .ok_or(Overflow("$.external_assets"))
    }

    /// Total over the `n` complete months before the as-of month after skipping `skip`, of
    /// the families `include` accepts.
    fn monthly_total(
        &self,
        skip: u32,
        n: u32,
        include: impl Fn(Family) -> bool,
    ) -> Result<Decimal, Overflow> {
        let mut sum = Decimal::ZERO;
        for m in window(self.as_of, skip + n).skip(skip as usize) {
            if let Some(r) = self.profile.monthly.iter().find(|r| r.month == m) {
                let month = total(
                    r.avg_daily
                        .iter()
                        .filter(|(f, _)| include(**f))
                        .map(|(_, v)| v.0),
                );
                sum = month
                    .and_then(|v| sum.checked_add(v))
                    .ok_or(Overflow("$.monthly"))?;
            }
        }
        Ok(sum)
    }

    /// Average over the `n` complete months before the as-of month; a month with no record
    /// counts as zero (the bank had nothing from the customer that month).
    fn average(&self, n: u32, include: impl Fn(Family) -> bool) -> Result<Decimal, Overflow> {
        Ok(per_month(self.monthly_total(0, n, include)?, n))
    }

    /// Average daily assets over `n` complete months, skipping the `skip` most recent.
    pub(crate) fn asset_average(&self, skip: u32, n: u32) -> Result<Decimal, Overflow> {
        Ok(per_month(self.monthly_total(skip, n, Family::is_asset)?, n))
    }

    fn fee_income(&self, n: u32) -> Result<Decimal, Overflow> {
        total(
            window(self.as_of, n)
                .filter_map(|m| self.profile.monthly.iter().find(|r| r.month == m))
                .filter_map(|r| r.fee_income.map(|d| d.0)),
        )
        .ok_or(Overflow("$.monthly"))
    }
}

/// `total` over `n` months. Most profiles in a batch have no monthly history; their zero
/// needs no decimal division.
fn per_month(total: Decimal, n: u32) -> Decimal {
    if total.is_zero() {
        Decimal::ZERO
    } else {
        total / Decimal::from(n.max(1))
    }
}

/// The `n` complete months before the month of `as_of`, newest first.
pub(crate) fn window(as_of: NaiveDate, n: u32) -> impl Iterator<Item = Month> {
    let mut m = Month::of(as_of);
    (0..n).map(move |_| {
        m = m.prev();
        m
    })
}

/// Age in whole years on `on`.
#[must_use]
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn age_turns_on_the_birthday() {
        assert_eq!(age_on(d("2000-05-12"), d("2016-05-11")), 15);
        assert_eq!(age_on(d("2000-05-12"), d("2016-05-12")), 16);
        // Born on 29 February: a year older on 1 March in common years.
        assert_eq!(age_on(d("2004-02-29"), d("2021-02-28")), 16);
        assert_eq!(age_on(d("2004-02-29"), d("2021-03-01")), 17);
    }

    #[test]
    fn builtin_ids() {
        assert!(matches!(
            builtin("aum_avg_3m"),
            Some((Kind::AumAvg(3), Unit::Money))
        ));
        assert!(builtin("aum_avg_0m").is_none());
        assert!(builtin("aum_avg_37m").is_none());
        assert!(builtin("aum_avg_03m").is_none());
        assert!(builtin("aum_avg_+3m").is_none());
        assert!(matches!(
            builtin("fee_income_12m"),
            Some((Kind::FeeIncome(12), _))
        ));
        assert!(builtin("wealth").is_none());
    }

    #[test]
    fn window_crosses_years() {
        let months: Vec<String> = window(d("2026-02-10"), 3).map(|m| m.to_string()).collect();
        assert_eq!(months, ["2026-01", "2025-12", "2025-11"]);
    }
}
