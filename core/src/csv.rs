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

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::Engine;
use crate::batch::to_cents;
use crate::batch::{History, Manual, Portfolio, Row};
use crate::dec::Money;
use crate::metrics::Kind;
use crate::profile::{
    Education, ExternalAsset, Family, Holding, ManualAssignment, MonthlyBalance, Profile,
    RiskAssessment, RiskLevel, TierHistory,
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

/// What is wrong in a CSV file, with the facts a message needs, so that each language can
/// word it (the studio in zh-CN and en); [`fmt::Display`] words it in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblem {
    /// A header name that is not a column of the layout (the error's column is its position).
    UnknownColumn {
        /// The name, clipped.
        name: String,
    },
    /// A column named twice in the header.
    DuplicateColumn,
    /// The header has no `id` column.
    NoIdColumn,
    /// A row with another number of cells than the header.
    Cells {
        /// Cells in the row.
        found: usize,
        /// Cells in the header.
        expected: usize,
    },
    /// A cell (1-based) opens a quote that the line never closes.
    UnclosedQuote {
        /// The cell's position.
        cell: usize,
    },
    /// A cell (1-based) has text after its closing quote.
    TextAfterQuote {
        /// The cell's position.
        cell: usize,
    },
    /// A cell (1-based) has a quote inside an unquoted cell.
    QuoteInside {
        /// The cell's position.
        cell: usize,
    },
    /// A row without an id.
    NoId,
    /// This column is empty though `given` is filled, and they go together.
    Needs {
        /// The column that is filled.
        given: &'static str,
    },
    /// `reviews_below` or `below_since` without a tier.
    HistoryNeedsTier,
    /// `manual_reason` without a manual tier.
    ReasonNeedsManual,
    /// Not a date `YYYY-MM-DD` within the years money and dates are checked for.
    NotDate {
        /// The cell, clipped.
        cell: String,
    },
    /// Not an amount.
    NotMoney {
        /// The cell, clipped.
        cell: String,
        /// Why, in English (for the console and the CLI).
        detail: String,
    },
    /// A negative amount.
    Negative {
        /// The cell, clipped.
        cell: String,
    },
    /// Not a whole number from 0 to 1000.
    NotCount {
        /// The cell, clipped.
        cell: String,
    },
    /// Not `true`, `false`, `1` or `0`.
    NotFlag {
        /// The cell, clipped.
        cell: String,
    },
    /// Not an education level of the profile schema.
    NotEducation {
        /// The cell, clipped.
        cell: String,
    },
    /// Not a risk level C1 to C5.
    NotRiskLevel {
        /// The cell, clipped.
        cell: String,
    },
    /// A 6-month average under half the 3-month one (the older months would be negative).
    Averages {
        /// The 3-month average.
        avg3: String,
        /// The 6-month average.
        avg6: String,
    },
    /// A date after the as-of date.
    FutureDate {
        /// The date.
        date: String,
        /// The as-of date.
        as_of: String,
    },
    /// A birth date that makes the customer older than any customer is.
    TooOld {
        /// The birth date.
        date: String,
        /// The as-of date.
        as_of: String,
    },
    /// A tier the ruleset does not have.
    UnknownTier {
        /// The tier id, clipped.
        tier: String,
    },
    /// A column the ruleset's criteria read is empty.
    MissingMetric {
        /// The metric that needs it.
        metric: String,
    },
    /// The portfolio was loaded for a ruleset of another currency or other exchange rates.
    Currency {
        /// The portfolio's currency.
        portfolio: String,
        /// The ruleset's currency.
        ruleset: String,
    },
    /// An id that is not a key (blank, too long, or with invisible characters).
    BadId {
        /// Why, in English.
        detail: String,
    },
}

impl CsvProblem {
    /// The stable machine-readable type: `unknown_column`, `duplicate_column`,
    /// `missing_column`, `columns` (a row with the wrong number of cells), `quote`, `missing`,
    /// `invalid`, `future_date`, `unknown_tier`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        use CsvProblem as P;
        match self {
            P::UnknownColumn { .. } => "unknown_column",
            P::DuplicateColumn => "duplicate_column",
            P::NoIdColumn => "missing_column",
            P::Cells { .. } => "columns",
            P::UnclosedQuote { .. } | P::TextAfterQuote { .. } | P::QuoteInside { .. } => "quote",
            P::NoId
            | P::Needs { .. }
            | P::HistoryNeedsTier
            | P::ReasonNeedsManual
            | P::MissingMetric { .. } => "missing",
            P::FutureDate { .. } => "future_date",
            P::UnknownTier { .. } => "unknown_tier",
            P::NotDate { .. }
            | P::NotMoney { .. }
            | P::Negative { .. }
            | P::NotCount { .. }
            | P::NotFlag { .. }
            | P::NotEducation { .. }
            | P::NotRiskLevel { .. }
            | P::Averages { .. }
            | P::TooOld { .. }
            | P::Currency { .. }
            | P::BadId { .. } => "invalid",
        }
    }
}

/// A problem in a CSV file, anchored to its row (the file's line number, the header being
/// row 1) and, where it has one, its column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    /// The row, counted like the file's lines (the header is 1).
    pub row: u64,
    /// The column's name in the header (or, for an unnamed cell, its 1-based position).
    pub column: Option<String>,
    /// What is wrong.
    pub problem: CsvProblem,
}

impl CsvError {
    /// The stable machine-readable type ([`CsvProblem::kind`]).
    #[must_use]
    pub fn kind(&self) -> &'static str {
        self.problem.kind()
    }

    /// What is wrong, in English, without row and column.
    #[must_use]
    pub fn message(&self) -> String {
        self.to_message()
    }

    fn to_message(&self) -> String {
        use CsvProblem as P;
        let column = self.column.as_deref().unwrap_or_default();
        match &self.problem {
            P::UnknownColumn { name } => {
                format!("`{name}` is not a column of the layout (the README lists the CSV columns)")
            }
            P::DuplicateColumn => format!("column `{column}` appears twice"),
            P::NoIdColumn => "the header has no `id` column".to_owned(),
            P::Cells { found, expected } => {
                format!("the row has {found} cells; the header has {expected}")
            }
            P::UnclosedQuote { cell } => format!(
                "cell {cell} opens a quote that the line never closes (a cell may not span lines)"
            ),
            P::TextAfterQuote { cell } => format!("cell {cell} has text after its closing quote"),
            P::QuoteInside { cell } => format!(
                "cell {cell} has a quote inside it; quote the whole cell and write \"\" for a quote"
            ),
            P::NoId => "every row needs an id".to_owned(),
            P::Needs { given } => format!("`{given}` needs `{column}` too"),
            P::HistoryNeedsTier => "`reviews_below` and `below_since` need a tier".to_owned(),
            P::ReasonNeedsManual => "`manual_reason` needs a manual tier".to_owned(),
            P::NotDate { cell } => format!(
                "`{cell}` is not a date like 2026-11-25 between {} and {}",
                crate::domain::FIRST_YEAR,
                crate::domain::LAST_YEAR
            ),
            P::NotMoney { detail, .. } => detail.clone(),
            P::Negative { cell } => format!("`{cell}` is negative; amounts here never are"),
            P::NotCount { cell } => format!("`{cell}` is not a whole number from 0 to 1000"),
            P::NotFlag { cell } => format!("`{cell}` is not true, false, 1 or 0"),
            P::NotEducation { cell } => format!("`{cell}` is not an education level"),
            P::NotRiskLevel { cell } => format!("`{cell}` is not a risk level C1 to C5"),
            P::Averages { avg3, avg6 } => format!(
                "a 6-month average of {avg6} under half the 3-month average {avg3} would need \
                 negative balances in the older months"
            ),
            P::FutureDate { date, as_of } => format!("{date} is after the as-of date {as_of}"),
            P::TooOld { date, as_of } => format!(
                "{date} makes the customer older than {} on {as_of}",
                crate::domain::MAX_AGE
            ),
            P::UnknownTier { tier } => format!("`{tier}` is not a tier of this ruleset"),
            P::MissingMetric { metric } => {
                format!("the ruleset's `{metric}` needs this column for every customer")
            }
            P::Currency { portfolio, ruleset } => format!(
                "the portfolio is in {portfolio}; this ruleset needs {ruleset}: load it again"
            ),
            P::BadId { detail } => format!("the id {detail}"),
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.to_message();
        match &self.column {
            Some(c) => write!(f, "row {}, column {c}: {message}", self.row),
            None => write!(f, "row {}: {message}", self.row),
        }
    }
}

impl std::error::Error for CsvError {}

/// The stable JSON shape: `{ "type", "row", "column"?, "message" }`.
impl Serialize for CsvError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", self.kind())?;
        m.serialize_entry("row", &self.row)?;
        if let Some(c) = &self.column {
            m.serialize_entry("column", c)?;
        }
        m.serialize_entry("message", &self.to_message())?;
        m.end()
    }
}

/// Every problem of one row (or of the header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct CsvErrors(pub Vec<CsvError>);

impl fmt::Display for CsvErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CsvErrors {}

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

impl Layout {
    /// The cells of a data row, as many as the header has.
    fn cells<'a>(&self, line: &'a str, row: u64) -> Result<Vec<Cow<'a, str>>, CsvErrors> {
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

/// Collects a row's problems while reading its cells.
struct RowReader {
    row: u64,
    errors: Vec<CsvError>,
}

impl RowReader {
    fn invalid(&mut self, col: Col, problem: CsvProblem) {
        self.errors.push(error(self.row, Some(col.name()), problem));
    }

    fn missing(&mut self, col: Col, problem: CsvProblem) {
        self.errors.push(error(self.row, Some(col.name()), problem));
    }

    fn date(&mut self, col: Col, cell: &str) -> Option<NaiveDate> {
        let date = crate::json::parse_date(cell);
        if date.is_none() {
            self.invalid(
                col,
                CsvProblem::NotDate {
                    cell: clipped(cell),
                },
            );
        }
        date
    }

    fn money(&mut self, col: Col, cell: &str) -> Option<Money> {
        match cell.parse::<Money>() {
            Ok(m) if m.0.is_sign_negative() && !m.0.is_zero() => {
                self.invalid(
                    col,
                    CsvProblem::Negative {
                        cell: clipped(cell),
                    },
                );
                None
            }
            Ok(m) => Some(m),
            Err(detail) => {
                let cell = clipped(cell);
                self.invalid(col, CsvProblem::NotMoney { cell, detail });
                None
            }
        }
    }

    fn count(&mut self, col: Col, cell: &str) -> Option<u32> {
        let n = cell
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| cell.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= 1000);
        if n.is_none() {
            self.invalid(
                col,
                CsvProblem::NotCount {
                    cell: clipped(cell),
                },
            );
        }
        n
    }

    fn flag(&mut self, col: Col, cell: &str) -> Option<bool> {
        match cell {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => {
                self.invalid(
                    col,
                    CsvProblem::NotFlag {
                        cell: clipped(cell),
                    },
                );
                None
            }
        }
    }

    fn named<T>(
        &mut self,
        col: Col,
        cell: &str,
        from: impl Fn(&str) -> Option<T>,
        what: fn(String) -> CsvProblem,
    ) -> Option<T> {
        let v = from(cell);
        if v.is_none() {
            self.invalid(col, what(clipped(cell)));
        }
        v
    }

    /// Two columns that go together: both given, or neither.
    fn both<A, B, T>(
        &mut self,
        (ca, a): (Col, Option<A>),
        (cb, b): (Col, Option<B>),
        make: impl FnOnce(A, B) -> T,
    ) -> Option<T> {
        match (a, b) {
            (Some(a), Some(b)) => Some(make(a, b)),
            (None, None) => None,
            (Some(_), None) => {
                self.missing(cb, CsvProblem::Needs { given: ca.name() });
                None
            }
            (None, Some(_)) => {
                self.missing(ca, CsvProblem::Needs { given: cb.name() });
                None
            }
        }
    }

    /// Monthly records that give back the 3- and 6-month averages exactly: the three
    /// complete months before `as_of`'s month at the 3-month average, the three before them
    /// at `2 × avg6 − avg3` (what the older months must have averaged). Counted as demand
    /// deposits. Only multiplication and subtraction, so nothing is rounded.
    fn months(
        &mut self,
        avg3: Option<Money>,
        avg6: Option<Money>,
        as_of: NaiveDate,
    ) -> Vec<MonthlyBalance> {
        let (recent, older, n) = match (avg3, avg6) {
            (None, None) => return Vec::new(),
            (Some(a3), None) => (a3.0, None, 3),
            (None, Some(a6)) => (a6.0, Some(a6.0), 6),
            (Some(a3), Some(a6)) => {
                let older = a6.0 * Decimal::TWO - a3.0;
                if older.is_sign_negative() && !older.is_zero() {
                    self.invalid(
                        Col::AumAvg6m,
                        CsvProblem::Averages {
                            avg3: a3.to_string(),
                            avg6: a6.to_string(),
                        },
                    );
                    return Vec::new();
                }
                (a3.0, Some(older), 6)
            }
        };
        crate::metrics::window(as_of, n)
            .enumerate()
            .map(|(i, month)| {
                let v = if i < 3 {
                    recent
                } else {
                    older.unwrap_or(recent)
                };
                MonthlyBalance {
                    month,
                    avg_daily: std::iter::once((Family::Deposit, Money(v))).collect(),
                    fee_income: None,
                }
            })
            .collect()
    }
}

/// Splits one line into cells: commas separate, `"…"` quotes (with `""` for a quote). A
/// quoted cell is unescaped into its own string; the rest borrow the line.
fn split(line: &str) -> Result<Vec<Cow<'_, str>>, CsvProblem> {
    let mut cells = Vec::with_capacity(32);
    let bytes = line.as_bytes();
    let mut i = 0;
    loop {
        if bytes.get(i) == Some(&b'"') {
            let mut cell = String::new();
            let mut j = i + 1;
            loop {
                let Some(k) = line[j..].find('"').map(|k| j + k) else {
                    return Err(CsvProblem::UnclosedQuote {
                        cell: cells.len() + 1,
                    });
                };
                cell.push_str(&line[j..k]);
                if bytes.get(k + 1) == Some(&b'"') {
                    cell.push('"');
                    j = k + 2;
                } else {
                    i = k + 1;
                    break;
                }
            }
            cells.push(Cow::Owned(cell));
            match bytes.get(i) {
                None => return Ok(cells),
                Some(b',') => i += 1,
                Some(_) => {
                    return Err(CsvProblem::TextAfterQuote { cell: cells.len() });
                }
            }
        } else {
            let end = line[i..].find(',').map_or(line.len(), |k| i + k);
            let cell = &line[i..end];
            if cell.contains('"') {
                return Err(CsvProblem::QuoteInside {
                    cell: cells.len() + 1,
                });
            }
            cells.push(Cow::Borrowed(cell));
            if end == line.len() {
                return Ok(cells);
            }
            i = end + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date")
    }

    fn read(header: &str, row: &str) -> Result<Profile, CsvErrors> {
        Layout::from_header(header)?.read(row, 2, as_of())
    }

    #[test]
    fn a_full_row_reads_into_the_profile_the_json_would_give() {
        let p = read(
            "id,birth_date,education,deposit,fund,card,external_assets,tier,tier_since,reviews_below,risk_level,risk_assessed_on",
            "c-1,1991-04-18,bachelor,162500.00,1000,0,300000.00,mid_lower,2025-01-01,1,C3,2026-06-01",
        )
        .expect("a valid row");
        let json = Profile::from_json(
            r#"{"id":"c-1","birth_date":"1991-04-18","education":"bachelor",
            "risk":{"level":"C3","assessed_on":"2026-06-01"},
            "holdings":[{"product":"deposit","family":"deposit","balance":"162500.00"},
                        {"product":"fund","family":"fund","balance":"1000"},
                        {"product":"card","family":"card","balance":"0"}],
            "external_assets":[{"balance":"300000.00"}],
            "tier_history":{"tier":"mid_lower","since":"2025-01-01","reviews_below":1}}"#,
        )
        .expect("valid json");
        assert_eq!(p, json);
    }

    #[test]
    fn empty_cells_are_not_given_and_quotes_unescape() {
        let p = read(
            "id,occupation,deposit,birth_date",
            r#""c,""2""","a ""quoted"" job",,"#,
        )
        .expect("a valid row");
        assert_eq!(p.id, r#"c,"2""#);
        assert_eq!(p.occupation.as_deref(), Some(r#"a "quoted" job"#));
        assert!(p.holdings.is_empty());
        assert_eq!(p.birth_date, None);
    }

    #[test]
    fn averages_give_back_both_windows_exactly() {
        let p = read("id,aum_avg_3m,aum_avg_6m", "c,300.00,200.01").expect("valid");
        let months: Vec<String> = p.monthly.iter().map(|m| m.month.to_string()).collect();
        assert_eq!(
            months,
            [
                "2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05"
            ]
        );
        let total = |n: usize| -> Decimal {
            p.monthly[..n]
                .iter()
                .map(|m| m.avg_daily[&Family::Deposit].0)
                .sum()
        };
        assert_eq!(total(3), Decimal::new(90000, 2));
        assert_eq!(total(6), Decimal::new(120_006, 2));
        let err = read("id,aum_avg_3m,aum_avg_6m", "c,300,100").expect_err("inconsistent");
        assert_eq!(err.0[0].column.as_deref(), Some("aum_avg_6m"));
    }

    #[test]
    fn every_bad_cell_is_reported_with_row_and_column() {
        let err = read(
            "id,birth_date,education,deposit,tier,guardian",
            "c,1991-13-01,phd,-5,gold,yes",
        )
        .expect_err("bad cells");
        let got: Vec<(&str, Option<&str>)> = err
            .0
            .iter()
            .map(|e| (e.kind(), e.column.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("invalid", Some("birth_date")),
                ("invalid", Some("education")),
                ("invalid", Some("deposit")),
                ("invalid", Some("guardian")),
                ("missing", Some("tier_since")),
            ]
        );
        assert!(err.0.iter().all(|e| e.row == 2));
        assert!(err.to_string().starts_with("row 2, column birth_date: "));
    }

    #[test]
    fn the_header_is_checked_whole() {
        let err = Layout::from_header("deposite,deposit,deposit").expect_err("bad header");
        let kinds: Vec<&str> = err.0.iter().map(CsvError::kind).collect();
        assert_eq!(
            kinds,
            ["unknown_column", "duplicate_column", "missing_column"]
        );
        assert_eq!(err.0[0].column.as_deref(), Some("1"));
        assert!(Layout::from_header("\u{feff}id").is_ok());
    }

    #[test]
    fn rows_of_the_wrong_shape_are_refused() {
        let layout = Layout::from_header("id,deposit").expect("header");
        let kinds = |line: &str| {
            layout
                .read(line, 7, as_of())
                .expect_err("bad row")
                .0
                .iter()
                .map(|e| (e.kind(), e.row))
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("c"), [("columns", 7)]);
        assert_eq!(kinds("c,1,2"), [("columns", 7)]);
        assert_eq!(kinds(r#""c,1"#), [("quote", 7)]);
        assert_eq!(kinds(r#""c"x,1"#), [("quote", 7)]);
        assert_eq!(kinds(r#"c"x,1"#), [("quote", 7)]);
        assert_eq!(kinds(",1"), [("missing", 7)]);
    }

    #[test]
    fn every_documented_column_is_accepted_once() {
        let header: Vec<&str> = columns().collect();
        assert_eq!(header.len(), 35);
        let layout = Layout::from_header(&header.join(",")).expect("the full layout");
        let row = vec![""; header.len()].join(",");
        let err = layout.read(&row, 2, as_of()).expect_err("no id");
        assert_eq!(err.0[0].column.as_deref(), Some("id"));
    }
}
