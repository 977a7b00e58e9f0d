//! Profiles from a flat CSV file: one row per customer, the columns a warehouse export has.
//!
//! The layout (documented in the README, shared by the CLI and the studio): a header row names
//! the columns, in any order, each at most once; `id` is required, every other column is
//! optional and an empty cell means "not given". Cells are comma-separated; a cell may be
//! quoted with `"` (a quote inside written `""`), but may not span lines, so a file can be
//! split at line breaks. Money is a decimal string as everywhere (`162500.00`), dates are
//! `YYYY-MM-DD`.
//!
//! Reading is pure: [`Layout::from_header`] checks the header once, [`Layout::read`] turns one
//! row into a [`Profile`] (the averages need the as-of date to know which months they cover).
//! Every problem names its row and column ([`CsvError`]).

//!
//! The parts: [`problem`] words what is wrong, `push` reads a row straight into a
//! portfolio's columns (the studio and the CLI's batch path), `row` splits a line and reads
//! its cells.

mod problem;
mod push;
mod row;
#[cfg(test)]
mod tests;

pub use problem::{CsvError, CsvErrors, CsvProblem};
use row::{RowReader, split};

use chrono::NaiveDate;

use crate::profile::{
    Education, ExternalAsset, Family, Holding, ManualAssignment, Profile, RiskAssessment,
    RiskLevel, TierHistory,
};

/// One column of the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Id,
    BirthDate,
    Education,
    Occupation,
    RiskLevel,
    RiskAssessedOn,
    /// A balance held in this family: one holding whose product id is the family's name.
    Balance(Family),
    ExternalAssets,
    AumAvg3m,
    AumAvg6m,
    Tier,
    TierSince,
    ReviewsBelow,
    BelowSince,
    ManualTier,
    ManualReason,
    ManualExpires,
    AnnualIncome,
    InvestmentExperienceYears,
    Guardian,
}

/// Every family, in the order their balance columns are documented.
const FAMILIES: [Family; 16] = [
    Family::Deposit,
    Family::TimeDeposit,
    Family::WealthProduct,
    Family::Fund,
    Family::Bond,
    Family::Stock,
    Family::Fx,
    Family::Trust,
    Family::PreciousMetal,
    Family::Derivative,
    Family::Insurance,
    Family::Pension,
    Family::Loan,
    Family::Card,
    Family::Payment,
    Family::SafeDepositBox,
];

impl Col {
    /// Every column, in documented order.
    fn all() -> impl Iterator<Item = Col> {
        let head = [
            Col::Id,
            Col::BirthDate,
            Col::Education,
            Col::Occupation,
            Col::RiskLevel,
            Col::RiskAssessedOn,
        ];
        let tail = [
            Col::ExternalAssets,
            Col::AumAvg3m,
            Col::AumAvg6m,
            Col::Tier,
            Col::TierSince,
            Col::ReviewsBelow,
            Col::BelowSince,
            Col::ManualTier,
            Col::ManualReason,
            Col::ManualExpires,
            Col::AnnualIncome,
            Col::InvestmentExperienceYears,
            Col::Guardian,
        ];
        head.into_iter()
            .chain(FAMILIES.into_iter().map(Col::Balance))
            .chain(tail)
    }

    fn name(self) -> &'static str {
        match self {
            Col::Id => "id",
            Col::BirthDate => "birth_date",
            Col::Education => "education",
            Col::Occupation => "occupation",
            Col::RiskLevel => "risk_level",
            Col::RiskAssessedOn => "risk_assessed_on",
            Col::Balance(f) => f.name(),
            Col::ExternalAssets => "external_assets",
            Col::AumAvg3m => "aum_avg_3m",
            Col::AumAvg6m => "aum_avg_6m",
            Col::Tier => "tier",
            Col::TierSince => "tier_since",
            Col::ReviewsBelow => "reviews_below",
            Col::BelowSince => "below_since",
            Col::ManualTier => "manual_tier",
            Col::ManualReason => "manual_reason",
            Col::ManualExpires => "manual_expires",
            Col::AnnualIncome => "annual_income",
            Col::InvestmentExperienceYears => "investment_experience_years",
            Col::Guardian => "guardian",
        }
    }
}

/// The column names of the layout, in documented order.
pub fn columns() -> impl Iterator<Item = &'static str> {
    Col::all().map(Col::name)
}
/// A checked header: which column each cell of a row is.
#[derive(Clone, Debug)]
pub struct Layout {
    cols: Vec<Col>,
}

impl Layout {
    /// Reads the header row: every name must be a column of the layout, at most once, and
    /// `id` must be there. A byte-order mark before the first name is skipped.
    pub fn from_header(line: &str) -> Result<Self, CsvErrors> {
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        let mut errors = Vec::new();
        let mut cols = Vec::new();
        let cells = split(line).map_err(|p| CsvErrors(vec![error(1, None, p)]))?;
        for (i, cell) in cells.iter().enumerate() {
            let name = cell.trim();
            match Col::all().find(|c| c.name() == name) {
                Some(c) if cols.contains(&c) => {
                    errors.push(error(1, Some(name), CsvProblem::DuplicateColumn));
                }
                Some(c) => cols.push(c),
                None => {
                    let name = crate::dec::clip(name).into_owned();
                    let column = (i + 1).to_string();
                    errors.push(error(1, Some(&column), CsvProblem::UnknownColumn { name }));
                    // Keeps positions aligned; the error stops the file anyway.
                    cols.push(Col::Occupation);
                }
            }
        }
        if !cols.contains(&Col::Id) {
            errors.push(error(1, None, CsvProblem::NoIdColumn));
        }
        if errors.is_empty() {
            Ok(Layout { cols })
        } else {
            Err(CsvErrors(errors))
        }
    }

    /// Reads one data row (`row` is its line number in the file) into a profile; the
    /// averages fill the monthly records of the complete months before `as_of`'s month.
    pub fn read(&self, line: &str, row: u64, as_of: NaiveDate) -> Result<Profile, CsvErrors> {
        let cells = self.cells(line, row)?;
        let mut r = RowReader {
            row,
            errors: Vec::new(),
        };
        let mut p = Profile::default();
        let (mut risk_level, mut risk_on) = (None, None);
        let (mut avg3, mut avg6) = (None, None);
        let (mut tier, mut since, mut reviews_below, mut below_since) = (None, None, 0, None);
        let (mut manual, mut reason, mut expires) = (None, None, None);
        let mut id = None;
        for (&col, cell) in self.cols.iter().zip(&cells) {
            let cell = cell.as_ref();
            if cell.is_empty() {
                continue;
            }
            match col {
                Col::Id => id = Some(cell),
                Col::BirthDate => p.birth_date = r.date(col, cell),
                Col::Education => {
                    p.education = r.named(col, cell, Education::from_name, |cell| {
                        CsvProblem::NotEducation { cell }
                    });
                }
                Col::Occupation => p.occupation = Some(cell.to_owned()),
                Col::RiskLevel => {
                    risk_level = r.named(col, cell, risk_from_name, |cell| {
                        CsvProblem::NotRiskLevel { cell }
                    });
                }
                Col::RiskAssessedOn => risk_on = r.date(col, cell),
                Col::Balance(family) => {
                    if let Some(balance) = r.money(col, cell) {
                        p.holdings.push(Holding {
                            product: family.name().to_owned(),
                            family,
                            balance,
                            currency: None,
                            maturity_date: None,
                        });
                    }
                }
                Col::ExternalAssets => {
                    if let Some(balance) = r.money(col, cell) {
                        p.external_assets.push(ExternalAsset {
                            institution: None,
                            family: None,
                            balance,
                            currency: None,
                        });
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
                Col::AnnualIncome => p.annual_income = r.money(col, cell),
                Col::InvestmentExperienceYears => {
                    p.investment_experience_years = r.count(col, cell);
                }
                Col::Guardian => p.guardian = r.flag(col, cell).unwrap_or(false),
            }
        }
        match id {
            Some(id) => id.clone_into(&mut p.id),
            None => r.missing(Col::Id, CsvProblem::NoId),
        }
        p.risk = r.both(
            (Col::RiskLevel, risk_level),
            (Col::RiskAssessedOn, risk_on),
            |level, assessed_on| RiskAssessment { level, assessed_on },
        );
        p.tier_history = r.both((Col::Tier, tier), (Col::TierSince, since), |t, since| {
            TierHistory {
                tier: t.to_owned(),
                since,
                reviews_below,
                below_since,
            }
        });
        if p.tier_history.is_none() && (reviews_below > 0 || below_since.is_some()) {
            r.missing(Col::Tier, CsvProblem::HistoryNeedsTier);
        }
        let manual_pair = r.both(
            (Col::ManualTier, manual),
            (Col::ManualExpires, expires),
            |t, e| (t, e),
        );
        match (manual_pair, reason) {
            (Some((tier, expires)), reason) => {
                p.manual_assignment = Some(ManualAssignment {
                    tier: tier.to_owned(),
                    reason: reason.unwrap_or_default().to_owned(),
                    expires,
                });
            }
            (None, Some(_)) => r.missing(Col::ManualTier, CsvProblem::ReasonNeedsManual),
            (None, None) => {}
        }
        p.monthly = r.months(avg3, avg6, as_of);
        if r.errors.is_empty() {
            Ok(p)
        } else {
            Err(CsvErrors(r.errors))
        }
    }
}

fn risk_from_name(name: &str) -> Option<RiskLevel> {
    Some(match name {
        "C1" => RiskLevel::C1,
        "C2" => RiskLevel::C2,
        "C3" => RiskLevel::C3,
        "C4" => RiskLevel::C4,
        "C5" => RiskLevel::C5,
        _ => return None,
    })
}

fn error(row: u64, column: Option<&str>, problem: CsvProblem) -> CsvError {
    CsvError {
        row,
        column: column.map(str::to_owned),
        problem,
    }
}

fn clipped(cell: &str) -> String {
    crate::dec::clip(cell).into_owned()
}
