//! A row read straight into a portfolio's columns, without a `Profile` in between: the
//! batch path's speed. A property test keeps it equal to [`Layout::read`].

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{Col, CsvErrors, CsvProblem, Layout, RowReader, clipped, error, risk_from_name, split};
use crate::Engine;
use crate::batch::{History, Manual, Portfolio, Row, to_cents};
use crate::dec::Money;
use crate::metrics::Kind;
use crate::profile::{Education, Family};

impl Layout {
    /// The cells of a data row, as many as the header has.
    pub(super) fn cells<'a>(
        &self,
        line: &'a str,
        row: u64,
    ) -> Result<Vec<Cow<'a, str>>, CsvErrors> {
        let cells = split(line).map_err(|p| CsvErrors(vec![error(row, None, p)]))?;
        if cells.len() != self.cols.len() {
            let problem = CsvProblem::Cells {
                found: cells.len(),
                expected: self.cols.len(),
            };
            return Err(CsvErrors(vec![error(row, None, problem)]));
        }
        Ok(cells)
    }

    /// The id a row gives (unquoted), or `""` when it has none or cannot be split: what a
    /// rejected row keeps.
    #[must_use]
    pub fn id_of(&self, line: &str) -> String {
        let at = self.cols.iter().position(|c| *c == Col::Id);
        split(line)
            .ok()
            .and_then(|cells| at.and_then(|i| cells.into_iter().nth(i)))
            .map(Cow::into_owned)
            .unwrap_or_default()
    }

    /// Reads one data row straight into `portfolio`'s columns, with the checks loading a
    /// profile makes against `engine` ([`Portfolio::push`]): the same rows load, with the
    /// same values, as [`Layout::read`] then [`Portfolio::push`], without building a profile.
    /// A row with problems keeps its place as a rejected row (with its id) and every problem
    /// is returned with its column. `scratch` is reused from row to row.
    pub fn push(
        &self,
        line: &str,
        row: u64,
        engine: &Engine,
        portfolio: &mut Portfolio,
        scratch: &mut Row,
    ) -> Result<usize, CsvErrors> {
        match self.row_into(line, row, engine, portfolio, scratch) {
            Ok(()) => portfolio.push_row(scratch).map_err(|e| {
                // The reader checks all the row checks do; kept for safety, worded by path.
                CsvErrors(
                    e.0.iter()
                        .map(|e| {
                            let detail = e.to_string();
                            error(row, Some(e.path()), CsvProblem::BadId { detail })
                        })
                        .collect(),
                )
            }),
            Err(e) => {
                portfolio.push_rejected(&self.id_of(line));
                Err(e)
            }
        }
    }

    fn row_into(
        &self,
        line: &str,
        row: u64,
        engine: &Engine,
        portfolio: &mut Portfolio,
        out: &mut Row,
    ) -> Result<(), CsvErrors> {
        if !portfolio.converted_for(engine) {
            let problem = CsvProblem::Currency {
                portfolio: portfolio.currency().to_owned(),
                ruleset: engine.ruleset().currency.clone(),
            };
            return Err(CsvErrors(vec![error(row, None, problem)]));
        }
        let cells = self.cells(line, row)?;
        let as_of = portfolio.as_of();
        let mut r = RowReader {
            row,
            errors: Vec::new(),
        };
        out.id.clear();
        out.assets = 0;
        out.loans = 0;
        out.product_families = 0;
        out.external = 0;
        out.household = 0;
        out.birth_date = None;
        out.education = None;
        out.balances.clear();
        out.fees.clear();
        out.history = None;
        out.manual = None;
        out.attributes.clear();
        let (mut risk_level, mut risk_on) = (None, None);
        let (mut avg3, mut avg6) = (None, None);
        let (mut tier, mut since, mut reviews_below, mut below_since) = (None, None, 0, None);
        let (mut manual, mut reason, mut expires) = (None, None, None);
        let mut id = None;
        let mut held = 0u32;
        // Each cell is at most 10^15 with two decimals: 16 of them stay far inside i64 cents.
        let cents = |m: Money| to_cents(m.0).unwrap_or(0);
        for (&col, cell) in self.cols.iter().zip(&cells) {
            let cell = cell.as_ref();
            if cell.is_empty() {
                continue;
            }
            match col {
                Col::Id => id = Some(cell),
                Col::BirthDate => out.birth_date = r.date(col, cell),
                Col::Education => {
                    out.education = r.named(col, cell, Education::from_name, |cell| {
                        CsvProblem::NotEducation { cell }
                    });
                }
                Col::Occupation => {}
                Col::RiskLevel => {
                    risk_level = r.named(col, cell, risk_from_name, |cell| {
                        CsvProblem::NotRiskLevel { cell }
                    });
                }
                Col::RiskAssessedOn => risk_on = r.date(col, cell),
                Col::Balance(family) => {
                    if let Some(balance) = r.money(col, cell) {
                        let c = cents(balance);
                        if family.is_asset() {
                            out.assets += c;
                        }
                        if family == Family::Loan {
                            out.loans += c;
                        }
                        held |= 1 << (family as u32);
                    }
                }
                Col::ExternalAssets => {
                    if let Some(balance) = r.money(col, cell) {
                        out.external += cents(balance);
                    }
                }
                Col::AumAvg3m => avg3 = r.money(col, cell),
                Col::AumAvg6m => avg6 = r.money(col, cell),
                Col::Tier => tier = Some(cell),
                Col::TierSince => since = r.date(col, cell),
                Col::ReviewsBelow => reviews_below = r.count(col, cell).unwrap_or(0),
                Col::BelowSince => below_since = r.date(col, cell),
                Col::ManualTier => manual = Some(cell),
                Col::ManualReason => reason = Some(cell),
                Col::ManualExpires => expires = r.date(col, cell),
                Col::AnnualIncome => {
                    let _ = r.money(col, cell);
                }
                Col::InvestmentExperienceYears => {
                    let _ = r.count(col, cell);
                }
                Col::Guardian => {
                    let _ = r.flag(col, cell);
                }
            }
        }
        out.product_families = held.count_ones() as u8;
        match id {
            Some(id) => id.clone_into(&mut out.id),
            None => r.missing(Col::Id, CsvProblem::NoId),
        }
        let risk_on = r.both(
            (Col::RiskLevel, risk_level),
            (Col::RiskAssessedOn, risk_on),
            |_, on| on,
        );
        let history = r.both((Col::Tier, tier), (Col::TierSince, since), |t, since| {
            (t, since)
        });
        if history.is_none() && (reviews_below > 0 || below_since.is_some()) {
            r.missing(Col::Tier, CsvProblem::HistoryNeedsTier);
        }
        let manual_pair = r.both(
            (Col::ManualTier, manual),
            (Col::ManualExpires, expires),
            |t, e| (t, e),
        );
        if manual_pair.is_none() && reason.is_some() {
            r.missing(Col::ManualTier, CsvProblem::ReasonNeedsManual);
        }
        for (k, month) in r.months(avg3, avg6, as_of).iter().enumerate() {
            for v in month.avg_daily.values() {
                out.balances
                    .push((k as u8 + 1, Family::Deposit, to_cents(v.0).unwrap_or(0)));
            }
        }
        if !r.errors.is_empty() {
            return Err(CsvErrors(r.errors));
        }
        // What evaluate checks against the ruleset and the as-of date, as loading a profile
        // does, so that the same rows load.
        if let Err(detail) = crate::domain::key(&out.id) {
            r.invalid(Col::Id, CsvProblem::BadId { detail });
        }
        let future = |r: &mut RowReader, col: Col, date: Option<NaiveDate>| {
            if let Some(date) = date.filter(|d| *d > as_of) {
                let (date, as_of) = (date.to_string(), as_of.to_string());
                r.invalid(col, CsvProblem::FutureDate { date, as_of });
            }
        };
        future(&mut r, Col::BirthDate, out.birth_date);
        future(&mut r, Col::RiskAssessedOn, risk_on);
        future(&mut r, Col::TierSince, history.map(|h| h.1));
        future(
            &mut r,
            Col::BelowSince,
            below_since.filter(|_| history.is_some()),
        );
        if let Some(b) = out.birth_date
            && b <= as_of
            && crate::metrics::age_on(b, as_of) > crate::domain::MAX_AGE as i32
        {
            let (date, as_of) = (b.to_string(), as_of.to_string());
            r.invalid(Col::BirthDate, CsvProblem::TooOld { date, as_of });
        }
        for (col, t) in [
            (Col::Tier, history.map(|h| h.0)),
            (Col::ManualTier, manual_pair.map(|m| m.0)),
        ] {
            if let Some(t) = t.filter(|t| engine.tier_index(t).is_none()) {
                r.invalid(col, CsvProblem::UnknownTier { tier: clipped(t) });
            }
        }
        for d in &engine.metrics {
            let col = match &d.kind {
                Kind::Age if out.birth_date.is_none() => Some(Col::BirthDate),
                Kind::Education if out.education.is_none() => Some(Col::Education),
                // The layout has no declared inputs.
                Kind::Input { default: None, .. } => None,
                _ => continue,
            };
            let problem = CsvProblem::MissingMetric {
                metric: d.id.clone(),
            };
            r.errors.push(error(row, col.map(Col::name), problem));
        }
        if !r.errors.is_empty() {
            return Err(CsvErrors(r.errors));
        }
        out.history = history.map(|(t, since)| History {
            tier: portfolio.tier(t),
            since,
            reviews_below,
            below_since,
        });
        out.manual = manual_pair.map(|(t, expires)| Manual {
            tier: portfolio.tier(t),
            expires,
        });
        Ok(())
    }
}
