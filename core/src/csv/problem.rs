//! What can be wrong in a CSV file, worded per language by the caller.

use std::fmt;

use serde::Serialize;

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
