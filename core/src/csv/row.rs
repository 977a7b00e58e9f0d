//! One line split into cells, and a row's cells read with every problem collected.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Col, CsvError, CsvProblem, clipped, error};
use crate::dec::Money;
use crate::profile::{Family, MonthlyBalance};

/// Collects a row's problems while reading its cells.
pub(super) struct RowReader {
    pub(super) row: u64,
    pub(super) errors: Vec<CsvError>,
}

impl RowReader {
    pub(super) fn invalid(&mut self, col: Col, problem: CsvProblem) {
        self.errors.push(error(self.row, Some(col.name()), problem));
    }

    pub(super) fn missing(&mut self, col: Col, problem: CsvProblem) {
        self.errors.push(error(self.row, Some(col.name()), problem));
    }

    pub(super) fn date(&mut self, col: Col, cell: &str) -> Option<NaiveDate> {
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

    pub(super) fn money(&mut self, col: Col, cell: &str) -> Option<Money> {
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

    pub(super) fn count(&mut self, col: Col, cell: &str) -> Option<u32> {
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

    pub(super) fn flag(&mut self, col: Col, cell: &str) -> Option<bool> {
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

    pub(super) fn named<T>(
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
    pub(super) fn both<A, B, T>(
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
    pub(super) fn months(
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
pub(super) fn split(line: &str) -> Result<Vec<Cow<'_, str>>, CsvProblem> {
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
