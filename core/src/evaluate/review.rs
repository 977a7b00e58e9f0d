//! Review dates: when tiers are rated and downgrades can happen.

use chrono::{Datelike, Months, NaiveDate};

use crate::ruleset::Schedule;

/// A compiled review schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reviews {
    /// The last day of every month.
    Monthly,
    /// Fixed `(month, day)` dates every year, sorted.
    Dates(Vec<(u32, u32)>),
}

/// Parses `MM-DD`; 29 February is refused since it is not a date every year.
pub(crate) fn parse_month_day(s: &str) -> Result<(u32, u32), String> {
    let err = || format!("`{s}` is not a date like \"06-30\"");
    let (m, d) = s.split_once('-').ok_or_else(err)?;
    let digits = |x: &str| x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(m) || !digits(d) {
        return Err(err());
    }
    let (m, d): (u32, u32) = (m.parse().map_err(|_| err())?, d.parse().map_err(|_| err())?);
    // 2025 is a common year: a date valid there is valid every year.
    NaiveDate::from_ymd_opt(2025, m, d).ok_or_else(|| {
        if (m, d) == (2, 29) {
            "29 February is not a review date every year".to_owned()
        } else {
            err()
        }
    })?;
    Ok((m, d))
}

impl Reviews {
    pub(crate) fn compile(s: &Schedule) -> Result<Self, Vec<(usize, String)>> {
        match s {
            Schedule::Monthly => Ok(Reviews::Monthly),
            Schedule::Dates { dates } => {
                let mut out = Vec::new();
                let mut errs = Vec::new();
                for (i, d) in dates.iter().enumerate() {
                    match parse_month_day(d) {
                        Ok(md) if out.contains(&md) => {
                            errs.push((i, format!("`{d}` is listed twice")));
                        }
                        Ok(md) => out.push(md),
                        Err(e) => errs.push((i, e)),
                    }
                }
                if dates.is_empty() {
                    errs.push((0, "at least one review date is needed".to_owned()));
                }
                out.sort_unstable();
                if errs.is_empty() {
                    Ok(Reviews::Dates(out))
                } else {
                    Err(errs)
                }
            }
        }
    }

    /// The first review on or after `on`.
    pub(crate) fn next_on_or_after(&self, on: NaiveDate) -> NaiveDate {
        match self {
            Reviews::Monthly => month_end(on),
            Reviews::Dates(dates) => [on.year(), on.year() + 1]
                .into_iter()
                .flat_map(|y| {
                    dates
                        .iter()
                        .filter_map(move |&(m, d)| NaiveDate::from_ymd_opt(y, m, d))
                })
                .find(|d| *d >= on)
                .unwrap_or(on),
        }
    }

    /// The review `k` reviews after the first on or after `on` (k = 0 is that one).
    pub(crate) fn nth_from(&self, on: NaiveDate, k: u32) -> NaiveDate {
        let mut d = self.next_on_or_after(on);
        for _ in 0..k {
            d = self.next_on_or_after(d.succ_opt().unwrap_or(d));
        }
        d
    }
}

impl Reviews {
    /// How many reviews fall after `from` and on or before `to`.
    pub(crate) fn count_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut count = 0;
        let mut d = from;
        while let Some(next) = d.succ_opt().map(|n| self.next_on_or_after(n)) {
            if next > to || next <= d {
                break;
            }
            count += 1;
            d = next;
        }
        count
    }
}

/// The last day of `d`'s month.
pub(crate) fn month_end(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).unwrap_or(d);
    first
        .checked_add_months(Months::new(1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

/// `d` plus `n` months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
pub(crate) fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn fixed_dates_roll_into_next_year() {
        let r = Reviews::Dates(vec![(6, 30), (12, 31)]);
        assert_eq!(r.next_on_or_after(d("2026-11-25")), d("2026-12-31"));
        assert_eq!(r.next_on_or_after(d("2026-06-30")), d("2026-06-30"));
        assert_eq!(r.next_on_or_after(d("2027-01-01")), d("2027-06-30"));
        assert_eq!(r.nth_from(d("2026-11-25"), 1), d("2027-06-30"));
    }

    #[test]
    fn monthly_is_month_end() {
        assert_eq!(
            Reviews::Monthly.next_on_or_after(d("2028-02-10")),
            d("2028-02-29")
        );
        assert_eq!(
            Reviews::Monthly.nth_from(d("2026-11-25"), 2),
            d("2027-01-31")
        );
    }

    #[test]
    fn month_day_parsing() {
        assert_eq!(parse_month_day("06-30"), Ok((6, 30)));
        assert!(parse_month_day("02-29").is_err());
        assert!(parse_month_day("13-01").is_err());
        assert!(parse_month_day("6-30").is_err());
    }
}
