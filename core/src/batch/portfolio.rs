//! A portfolio held as columns: what the metrics read, tier history and manual floors, one
//! entry per customer, for one as-of date.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::dec::Dec;
use crate::error::{ProfileError, ProfileErrors};
use crate::metrics::MAX_MONTHS;
use crate::profile::{Education, Family, Profile};
use crate::{Engine, domain};

use super::columns::Cache;

/// Marks a missing age or an absent tier index in the columns.
const ABSENT: u8 = u8::MAX;

/// One customer's inputs as a reader fills them: amounts in cents of the ruleset's currency
/// (already converted), months counted back from the as-of month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// The bank's customer id.
    pub id: String,
    /// Financial assets held here (the asset families' balances), in cents.
    pub assets: i64,
    /// Loan balances here, in cents.
    pub loans: i64,
    /// How many product families the customer holds (loans and cards included).
    pub product_families: u8,
    /// Declared assets at other institutions, in cents.
    pub external: i64,
    /// Linked household members' assets here, in cents.
    pub household: i64,
    /// Birth date, for `age`.
    pub birth_date: Option<NaiveDate>,
    /// Education, for `education`.
    pub education: Option<Education>,
    /// Average daily balances: `(months before the as-of month, 1–36, family, cents)`, one
    /// entry per month and family.
    pub balances: Vec<(u8, Family, i64)>,
    /// Fee income: `(months before the as-of month, 1–36, cents)`, one entry per month.
    pub fees: Vec<(u8, i64)>,
    /// The tier the bank holds.
    pub history: Option<History>,
    /// A relationship manager's floor.
    pub manual: Option<Manual>,
    /// Declared inputs: (index from [`Portfolio::attribute`], value).
    pub attributes: Vec<(u16, Dec)>,
}

/// The tier the bank holds for a customer, as in a profile's `tier_history`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct History {
    /// Index from [`Portfolio::tier`].
    pub tier: u16,
    /// Since when.
    pub since: NaiveDate,
    /// Consecutive completed reviews below the tier's bar.
    pub reviews_below: u32,
    /// When the customer first fell below the bar.
    pub below_since: Option<NaiveDate>,
}

/// A manual tier, as in a profile's `manual_assignment`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Manual {
    /// Index from [`Portfolio::tier`].
    pub tier: u16,
    /// First day it no longer applies.
    pub expires: NaiveDate,
}

/// Customers as columns for one as-of date, amounts in one ruleset's currency.
///
/// Rows keep their input order: a row that failed its checks stays as a rejected row, so that
/// row `i` of every result is input `i`.
#[derive(Clone, Debug)]
pub struct Portfolio {
    pub(super) data: Data,
    pub(super) cache: Cache,
}

/// Two portfolios are equal when they hold the same rows in the same columns (the metric
/// columns cached so far aside).
impl PartialEq for Portfolio {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
    }
}

/// The columns themselves (the cache borrows them while it fills).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Data {
    pub as_of: NaiveDate,
    pub currency: String,
    pub fx_rates: BTreeMap<String, Dec>,
    pub ids: String,
    pub id_end: Vec<usize>,
    pub rejected: Vec<bool>,
    pub assets: Vec<i64>,
    pub loans: Vec<i64>,
    pub families: Vec<u8>,
    pub external: Vec<i64>,
    pub household: Vec<i64>,
    pub age: Vec<u8>,
    pub education: Vec<u8>,
    /// Per row, the end of its months in `month_*` (compressed rows).
    pub month_end: Vec<u32>,
    pub month_k: Vec<u8>,
    /// Fee income per month, in cents (0 when none).
    pub month_fee: Vec<i64>,
    /// Per month, the end of its balances in `entry_*`.
    pub entry_end: Vec<u32>,
    pub entry_family: Vec<Family>,
    pub entry_cents: Vec<i64>,
    pub tier_names: Vec<String>,
    pub history_tier: Vec<u16>,
    pub history_since: Vec<NaiveDate>,
    pub history_reviews: Vec<u32>,
    pub history_below: Vec<Option<NaiveDate>>,
    pub manual_tier: Vec<u16>,
    pub manual_expires: Vec<NaiveDate>,
    pub attr_names: Vec<String>,
    /// Per attribute, its value per row (`None` when the row leaves it out).
    pub attrs: Vec<Vec<Option<Decimal>>>,
}

impl Portfolio {
    /// An empty portfolio for `as_of`, its amounts in `engine`'s currency.
    pub fn new(engine: &Engine, as_of: NaiveDate) -> Result<Self, ProfileErrors> {
        let years = domain::FIRST_YEAR..=domain::LAST_YEAR;
        if !years.contains(&as_of.year()) {
            return Err(ProfileErrors(vec![ProfileError::Invalid {
                path: "asOf".into(),
                message: format!(
                    "the as-of date {as_of} is outside {}–{}",
                    domain::FIRST_YEAR,
                    domain::LAST_YEAR
                ),
            }]));
        }
        let rs = engine.ruleset();
        Ok(Portfolio {
            data: Data {
                as_of,
                currency: rs.currency.clone(),
                fx_rates: rs.fx_rates.clone(),
                ids: String::new(),
                id_end: Vec::new(),
                rejected: Vec::new(),
                assets: Vec::new(),
                loans: Vec::new(),
                families: Vec::new(),
                external: Vec::new(),
                household: Vec::new(),
                age: Vec::new(),
                education: Vec::new(),
                month_end: Vec::new(),
                month_k: Vec::new(),
                month_fee: Vec::new(),
                entry_end: Vec::new(),
                entry_family: Vec::new(),
                entry_cents: Vec::new(),
                tier_names: Vec::new(),
                history_tier: Vec::new(),
                history_since: Vec::new(),
                history_reviews: Vec::new(),
                history_below: Vec::new(),
                manual_tier: Vec::new(),
                manual_expires: Vec::new(),
                attr_names: Vec::new(),
                attrs: Vec::new(),
            },
            cache: Cache::default(),
        })
    }

    /// A portfolio of `profiles`, each checked as [`Engine::evaluate`] checks it; the problems
    /// of the rejected ones by row.
    pub fn from_profiles<'p>(
        engine: &Engine,
        as_of: NaiveDate,
        profiles: impl IntoIterator<Item = &'p Profile>,
    ) -> Result<(Self, Vec<(usize, ProfileErrors)>), ProfileErrors> {
        let mut portfolio = Portfolio::new(engine, as_of)?;
        let mut rejected = Vec::new();
        for p in profiles {
            if let Err(e) = portfolio.push(engine, p) {
                rejected.push((portfolio.len() - 1, e));
            }
        }
        Ok((portfolio, rejected))
    }

    /// Adds a profile, checked as [`Engine::evaluate`] checks it against `engine` (which must
    /// be in the portfolio's currency). A profile with problems is added as a rejected row
    /// and its problems returned.
    pub fn push(&mut self, engine: &Engine, profile: &Profile) -> Result<usize, ProfileErrors> {
        match self.row_of(engine, profile) {
            Ok(row) => self.push_row(&row),
            Err(e) => {
                self.push_rejected(&profile.id);
                Err(e)
            }
        }
    }

    /// The row a profile gives, or its problems.
    fn row_of(&mut self, engine: &Engine, profile: &Profile) -> Result<Row, ProfileErrors> {
        let d = &self.data;
        if engine.ruleset().currency != d.currency || engine.ruleset().fx_rates != d.fx_rates {
            return Err(ProfileErrors(vec![ProfileError::Invalid {
                path: "$".into(),
                message: super::BatchError::Currency {
                    portfolio: d.currency.clone(),
                    ruleset: engine.ruleset().currency.clone(),
                }
                .to_string(),
            }]));
        }
        let as_of = d.as_of;
        engine.validate(profile, as_of)?;
        let converted = engine
            .in_ruleset_currency(profile)
            .map_err(|e| overflow(e.0, "fx_rates"))?;
        let p = converted.as_ref().unwrap_or(profile);
        let mut errs = Vec::new();
        let mut cents = |v: Decimal, path: &dyn Fn() -> String| {
            to_cents(v).unwrap_or_else(|| {
                errs.push(ProfileError::Invalid {
                    path: path(),
                    message: format!("{v} is not an amount in cents within money's domain"),
                });
                0
            })
        };
        let mut row = Row {
            id: p.id.clone(),
            birth_date: p.birth_date,
            education: p.education,
            ..Row::default()
        };
        let mut assets = 0i128;
        let mut loans = 0i128;
        let mut held = 0u32;
        for (i, h) in p.holdings.iter().enumerate() {
            let c = i128::from(cents(h.balance.0, &|| format!("$.holdings[{i}].balance")));
            if h.family.is_asset() {
                assets += c;
            }
            if h.family == Family::Loan {
                loans += c;
            }
            held |= 1 << (h.family as u32);
        }
        row.product_families = held.count_ones() as u8;
        let mut external = 0i128;
        for (i, e) in p.external_assets.iter().enumerate() {
            let path = || format!("$.external_assets[{i}].balance");
            external += i128::from(cents(e.balance.0, &path));
        }
        let mut household = 0i128;
        for (i, m) in p.household.iter().enumerate() {
            household += i128::from(cents(m.aum.0, &|| format!("$.household[{i}].aum")));
        }
        let now = month_index(as_of.year(), as_of.month());
        let mut months: Vec<_> = p
            .monthly
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let k = now - month_index(m.month.year, m.month.month);
                (1..=i64::from(MAX_MONTHS))
                    .contains(&k)
                    .then_some((k as u8, i, m))
            })
            .collect();
        months.sort_by_key(|(k, _, _)| *k);
        for (k, i, m) in months {
            for (f, v) in &m.avg_daily {
                let path = || format!("$.monthly[{i}].avg_daily.{}", f.name());
                row.balances.push((k, *f, cents(v.0, &path)));
            }
            if let Some(fee) = m.fee_income {
                row.fees
                    .push((k, cents(fee.0, &|| format!("$.monthly[{i}].fee_income"))));
            }
        }
        if !errs.is_empty() {
            return Err(ProfileErrors(errs));
        }
        let sum = |v: i128, path: &'static str, metric: &str| {
            i64::try_from(v).map_err(|_| overflow(path, metric))
        };
        row.assets = sum(assets, "$.holdings", "aum")?;
        row.loans = sum(loans, "$.holdings", "loan_balance")?;
        row.external = sum(external, "$.external_assets", "external_assets")?;
        row.household = sum(household, "$.household", "aum_household")?;
        row.history = p.tier_history.as_ref().map(|h| History {
            tier: self.tier(&h.tier),
            since: h.since,
            reviews_below: h.reviews_below,
            below_since: h.below_since,
        });
        row.manual = p.manual_assignment.as_ref().map(|m| Manual {
            tier: self.tier(&m.tier),
            expires: m.expires,
        });
        row.attributes = p
            .attributes
            .iter()
            .map(|(name, v)| (self.attribute(name), *v))
            .collect();
        Ok(row)
    }

    /// Adds a row a reader filled, after the checks that need no ruleset (amounts not
    /// negative, dates not after the as-of date, indices known); every problem at once, with
    /// the row's field as path. A row with problems is added as a rejected row.
    pub fn push_row(&mut self, row: &Row) -> Result<usize, ProfileErrors> {
        if let Err(e) = self.check(row) {
            self.push_rejected(&row.id);
            return Err(e);
        }
        let d = &mut self.data;
        d.ids.push_str(&row.id);
        d.id_end.push(d.ids.len());
        d.rejected.push(false);
        d.assets.push(row.assets);
        d.loans.push(row.loans);
        d.families.push(row.product_families);
        d.external.push(row.external);
        d.household.push(row.household);
        d.age.push(
            row.birth_date
                .map_or(ABSENT, |b| crate::metrics::age_on(b, d.as_of) as u8),
        );
        d.education
            .push(row.education.map_or(0, |e| e.rank() as u8));
        let mut balances = row.balances.iter().peekable();
        let mut fees = row.fees.iter().peekable();
        loop {
            let next_k = match (balances.peek(), fees.peek()) {
                (Some(b), Some(f)) => b.0.min(f.0),
                (Some(b), None) => b.0,
                (None, Some(f)) => f.0,
                (None, None) => break,
            };
            d.month_k.push(next_k);
            d.month_fee
                .push(fees.next_if(|f| f.0 == next_k).map_or(0, |f| f.1));
            while let Some((_, f, c)) = balances.next_if(|b| b.0 == next_k) {
                d.entry_family.push(*f);
                d.entry_cents.push(*c);
            }
            d.entry_end.push(d.entry_family.len() as u32);
        }
        d.month_end.push(d.month_k.len() as u32);
        let h = row.history;
        d.history_tier.push(h.map_or(u16::MAX, |h| h.tier));
        d.history_since.push(h.map_or(d.as_of, |h| h.since));
        d.history_reviews.push(h.map_or(0, |h| h.reviews_below));
        d.history_below.push(h.and_then(|h| h.below_since));
        d.manual_tier.push(row.manual.map_or(u16::MAX, |m| m.tier));
        d.manual_expires
            .push(row.manual.map_or(d.as_of, |m| m.expires));
        for column in &mut d.attrs {
            column.push(None);
        }
        for (a, v) in &row.attributes {
            if let Some(slot) = d.attrs.get_mut(usize::from(*a)).and_then(|c| c.last_mut()) {
                *slot = Some(v.0);
            }
        }
        Ok(d.rejected.len() - 1)
    }

    /// Makes room for `rows` more rows, so that a reader that knows its size loads without
    /// growing every column many times.
    pub fn reserve(&mut self, rows: usize) {
        let d = &mut self.data;
        d.id_end.reserve(rows);
        d.rejected.reserve(rows);
        d.assets.reserve(rows);
        d.loans.reserve(rows);
        d.families.reserve(rows);
        d.external.reserve(rows);
        d.household.reserve(rows);
        d.age.reserve(rows);
        d.education.reserve(rows);
        d.month_end.reserve(rows);
        d.history_tier.reserve(rows);
        d.history_since.reserve(rows);
        d.history_reviews.reserve(rows);
        d.history_below.reserve(rows);
        d.manual_tier.reserve(rows);
        d.manual_expires.reserve(rows);
        for column in &mut d.attrs {
            column.reserve(rows);
        }
    }

    /// Adds a row that failed its checks: it keeps its place and is never tiered.
    pub fn push_rejected(&mut self, id: &str) {
        let d = &mut self.data;
        d.ids.push_str(id);
        d.id_end.push(d.ids.len());
        d.rejected.push(true);
        d.assets.push(0);
        d.loans.push(0);
        d.families.push(0);
        d.external.push(0);
        d.household.push(0);
        d.age.push(ABSENT);
        d.education.push(0);
        d.month_end.push(d.month_k.len() as u32);
        d.history_tier.push(u16::MAX);
        d.history_since.push(d.as_of);
        d.history_reviews.push(0);
        d.history_below.push(None);
        d.manual_tier.push(u16::MAX);
        d.manual_expires.push(d.as_of);
        for column in &mut d.attrs {
            column.push(None);
        }
    }

    fn check(&self, row: &Row) -> Result<(), ProfileErrors> {
        let d = &self.data;
        let mut errs = Vec::new();
        let mut neg = |path: &dyn Fn() -> String, v: i64| {
            if v < 0 {
                errs.push(ProfileError::Negative {
                    path: path(),
                    value: Decimal::new(v, 2).to_string(),
                });
            }
        };
        neg(&|| "assets".into(), row.assets);
        neg(&|| "loans".into(), row.loans);
        neg(&|| "external".into(), row.external);
        neg(&|| "household".into(), row.household);
        for (i, (_, _, c)) in row.balances.iter().enumerate() {
            neg(&|| format!("balances[{i}]"), *c);
        }
        for (i, (_, c)) in row.fees.iter().enumerate() {
            neg(&|| format!("fees[{i}]"), *c);
        }
        let months = |k: u8| (1..=MAX_MONTHS as u8).contains(&k);
        let mut last = (0u8, None);
        for (i, (k, f, _)) in row.balances.iter().enumerate() {
            if !months(*k) || (*k, Some(*f)) <= last {
                errs.push(ProfileError::Invalid {
                    path: format!("balances[{i}]"),
                    message: "months count 1–36 back from the as-of month, in order, each family \
                              once a month"
                        .into(),
                });
            }
            last = (*k, Some(*f));
        }
        let mut last = 0u8;
        for (i, (k, _)) in row.fees.iter().enumerate() {
            if !months(*k) || *k <= last {
                errs.push(ProfileError::Invalid {
                    path: format!("fees[{i}]"),
                    message: "months count 1–36 back from the as-of month, in order, once each"
                        .into(),
                });
            }
            last = *k;
        }
        let mut future = |path: &str, date: Option<NaiveDate>| {
            if let Some(date) = date.filter(|x| *x > d.as_of) {
                errs.push(ProfileError::FutureDate {
                    path: path.to_owned(),
                    date: date.to_string(),
                    as_of: d.as_of.to_string(),
                });
            }
        };
        future("birth_date", row.birth_date);
        future("history.since", row.history.map(|h| h.since));
        future(
            "history.below_since",
            row.history.and_then(|h| h.below_since),
        );
        if let Some(b) = row.birth_date
            && b <= d.as_of
            && crate::metrics::age_on(b, d.as_of) > domain::MAX_AGE as i32
        {
            errs.push(ProfileError::Invalid {
                path: "birth_date".into(),
                message: format!(
                    "{b} makes the customer older than {} on {}",
                    domain::MAX_AGE,
                    d.as_of
                ),
            });
        }
        if row.product_families > 16 {
            errs.push(ProfileError::Invalid {
                path: "product_families".into(),
                message: format!("{} families; there are 16", row.product_families),
            });
        }
        let known = |t: u16| usize::from(t) < d.tier_names.len();
        if row.history.is_some_and(|h| !known(h.tier)) {
            errs.push(ProfileError::Invalid {
                path: "history.tier".into(),
                message: "not a tier index of this portfolio".into(),
            });
        }
        if row.manual.is_some_and(|m| !known(m.tier)) {
            errs.push(ProfileError::Invalid {
                path: "manual.tier".into(),
                message: "not a tier index of this portfolio".into(),
            });
        }
        for (i, (a, _)) in row.attributes.iter().enumerate() {
            if usize::from(*a) >= d.attr_names.len() {
                errs.push(ProfileError::Invalid {
                    path: format!("attributes[{i}]"),
                    message: "not an attribute index of this portfolio".into(),
                });
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(ProfileErrors(errs))
        }
    }

    /// The index of a tier id in this portfolio's table (for [`History`] and [`Manual`]),
    /// added when new. Ids are matched against each ruleset when tiering.
    pub fn tier(&mut self, id: &str) -> u16 {
        intern(&mut self.data.tier_names, id)
    }

    /// The index of a declared input's name (for [`Row::attributes`]), added when new.
    pub fn attribute(&mut self, name: &str) -> u16 {
        let d = &mut self.data;
        let i = intern(&mut d.attr_names, name);
        if usize::from(i) == d.attrs.len() {
            d.attrs.push(vec![None; d.rejected.len()]);
        }
        i
    }

    /// How many rows, rejected ones included.
    #[must_use]
    pub fn len(&self) -> usize {
        self.data.rejected.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.data.rejected.is_empty()
    }

    /// The as-of date.
    #[must_use]
    pub fn as_of(&self) -> NaiveDate {
        self.data.as_of
    }

    /// The currency its amounts are in.
    #[must_use]
    pub fn currency(&self) -> &str {
        &self.data.currency
    }

    /// Whether its amounts were converted as `engine`'s ruleset converts them (its currency
    /// and exchange rates).
    #[must_use]
    pub fn converted_for(&self, engine: &Engine) -> bool {
        let rs = engine.ruleset();
        rs.currency == self.data.currency && rs.fx_rates == self.data.fx_rates
    }

    /// The id of row `i`.
    #[must_use]
    pub fn id(&self, i: usize) -> Option<&str> {
        let end = *self.data.id_end.get(i)?;
        let start = i.checked_sub(1).map_or(0, |j| self.data.id_end[j]);
        self.data.ids.get(start..end)
    }

    /// Whether row `i` failed its checks when added.
    #[must_use]
    pub fn is_rejected(&self, i: usize) -> bool {
        self.data.rejected.get(i).copied().unwrap_or(true)
    }

    /// How many metric columns are cached (for tests of the cache).
    #[must_use]
    pub fn cached_columns(&self) -> usize {
        self.cache.len()
    }
}

/// Index of `s` in `names`, added when new. Ids past u16 share the last index; a portfolio
/// never has that many distinct tier ids (rulesets have at most 64 tiers).
fn intern(names: &mut Vec<String>, s: &str) -> u16 {
    if let Some(i) = names.iter().position(|n| n == s) {
        return i as u16;
    }
    names.push(s.to_owned());
    (names.len() - 1).min(usize::from(u16::MAX - 1)) as u16
}

/// Months since year 0, for counting back from the as-of month.
fn month_index(year: i32, month: u32) -> i64 {
    i64::from(year) * 12 + i64::from(month)
}

/// `v` in cents, when it is a whole number of cents within i64.
pub(crate) fn to_cents(v: Decimal) -> Option<i64> {
    let c = v.checked_mul(Decimal::ONE_HUNDRED)?;
    if c.fract().is_zero() {
        i64::try_from(c.trunc().mantissa() / 10i128.pow(c.trunc().scale())).ok()
    } else {
        None
    }
}

pub(super) fn overflow(path: &str, metric: &str) -> ProfileErrors {
    ProfileErrors(vec![ProfileError::Overflow {
        path: path.to_owned(),
        metric: metric.to_owned(),
    }])
}
