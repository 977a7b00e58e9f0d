//! Metric columns: one value per customer, computed as [`crate::metrics`] computes it for a
//! profile, cached by the metric's definition.
//!
//! A value `v` is kept as `2·⌊v·10⁶⌋ + [v·10⁶ has a fraction]` in an `i128`. Every threshold the
//! ruleset grammar writes has at most six decimals, so `v op t` is exactly `g op 2·t·10⁶` for
//! each operator: comparisons are integer comparisons, and `v` rounded to cents (for gaps) is
//! recovered exactly.

use rust_decimal::Decimal;

use crate::metrics::{Kind, TermSource};
use crate::profile::Family;

use super::portfolio::Data;

/// `10⁶`: the fixed point's scale.
const SCALE: i128 = 1_000_000;

/// One metric's values; `overflow` lists the rows whose value left [`Decimal`]'s range.
#[derive(Clone, Debug, Default)]
pub(super) struct Column {
    pub values: Vec<i128>,
    pub overflow: Vec<usize>,
}

/// Columns computed so far, by metric definition.
#[derive(Clone, Debug, Default)]
pub(super) struct Cache {
    columns: Vec<(Kind, Column)>,
}

impl Cache {
    pub fn len(&self) -> usize {
        self.columns.len()
    }

    /// The index of `kind`'s column, computed (or extended to new rows) up to row `upto`
    /// when needed.
    pub fn ensure(&mut self, kind: &Kind, data: &Data, upto: usize) -> usize {
        let i = if let Some(i) = self.columns.iter().position(|(k, _)| k == kind) {
            i
        } else {
            self.columns.push((kind.clone(), Column::default()));
            self.columns.len() - 1
        };
        let column = &mut self.columns[i].1;
        let rows = upto.min(data.rejected.len());
        for row in column.values.len()..rows {
            let g = match whole_cents(kind, data, row) {
                Some(c) => c.checked_mul(CENT),
                None => value(kind, data, row).and_then(fixed),
            };
            if let Some(g) = g {
                column.values.push(g);
            } else {
                column.values.push(0);
                column.overflow.push(row);
            }
        }
        i
    }

    /// The index of `kind`'s column, when computed.
    pub fn index(&self, kind: &Kind) -> Option<usize> {
        self.columns.iter().position(|(k, _)| k == kind)
    }

    pub fn column(&self, i: usize) -> &Column {
        &self.columns[i].1
    }
}

/// `d` in the fixed point; `None` past i128 (never for a [`Decimal`]).
pub(super) fn fixed(d: Decimal) -> Option<i128> {
    let m = d.mantissa();
    let s = d.scale();
    let (floor, frac) = if s <= 6 {
        (m.checked_mul(10i128.pow(6 - s))?, false)
    } else {
        let div = 10i128.pow(s - 6);
        (m.div_euclid(div), m.rem_euclid(div) != 0)
    };
    floor.checked_mul(2)?.checked_add(i128::from(frac))
}

/// A fixed-point value rounded to cents as [`Decimal::round_dp`] rounds (half to even), in
/// cents.
pub(super) fn cents(g: i128) -> i128 {
    let floor = g.div_euclid(2);
    let frac = g.rem_euclid(2) == 1;
    let unit = SCALE / 100;
    let (q, r) = (floor.div_euclid(unit), floor.rem_euclid(unit));
    let half = unit / 2;
    let up = r > half || (r == half && (frac || q.rem_euclid(2) == 1));
    q + i128::from(up)
}

/// One cent in the fixed point.
const CENT: i128 = 2 * SCALE / 100;

/// The value in cents of a metric that sums amounts or counts (no division), straight from
/// the integer columns; `None` for the others.
fn whole_cents(kind: &Kind, d: &Data, row: usize) -> Option<i128> {
    let aum = i128::from(d.assets[row]);
    Some(match kind {
        Kind::Aum => aum,
        Kind::External => i128::from(d.external[row]),
        Kind::AumWithExternal => aum + i128::from(d.external[row]),
        Kind::AumHousehold => aum + i128::from(d.household[row]),
        Kind::LoanBalance => i128::from(d.loans[row]),
        Kind::FeeIncome(n) => fees(d, row, *n),
        Kind::Age => match d.age[row] {
            u8::MAX => 0,
            a => i128::from(a) * 100,
        },
        Kind::Education => i128::from(d.education[row]) * 100,
        Kind::ProductFamilies => i128::from(d.families[row]) * 100,
        _ => return None,
    })
}

fn money(c: i128) -> Decimal {
    Decimal::from_i128_with_scale(c, 2)
}

/// The metric's value for `row`, as [`crate::metrics::Ctx::value`] gives it without external
/// assets counted; `None` on overflow.
fn value(kind: &Kind, d: &Data, row: usize) -> Option<Decimal> {
    let aum = i128::from(d.assets[row]);
    Some(match kind {
        Kind::Aum => money(aum),
        Kind::AumAvg(n) => average(d, row, *n, Family::is_asset)?,
        Kind::External => money(i128::from(d.external[row])),
        Kind::AumWithExternal => money(aum + i128::from(d.external[row])),
        Kind::AumHousehold => money(aum + i128::from(d.household[row])),
        Kind::Age => match d.age[row] {
            u8::MAX => Decimal::ZERO,
            a => Decimal::from(a),
        },
        Kind::Education => Decimal::from(d.education[row]),
        Kind::ProductFamilies => Decimal::from(d.families[row]),
        Kind::LoanBalance => money(i128::from(d.loans[row])),
        Kind::FeeIncome(n) => money(fees(d, row, *n)),
        Kind::Input { name, default, .. } => d
            .attr_names
            .iter()
            .position(|a| a == name)
            .and_then(|a| d.attrs[a][row])
            .or(*default)
            .unwrap_or_default(),
        Kind::Derived(terms) => {
            let mut sum = Decimal::ZERO;
            for t in terms {
                let v = match &t.source {
                    TermSource::Metric(k) => value(k, d, row)?,
                    TermSource::AverageBalance { families, months } => {
                        average(d, row, *months, |f| families.contains(&f))?
                    }
                    TermSource::FeeIncome { months } => money(fees(d, row, *months)),
                };
                let term = t.points.checked_mul(v)?.checked_div(t.per)?;
                sum = sum.checked_add(term)?;
            }
            sum
        }
    })
}

/// Indices of the row's months within `n` months back from the as-of month.
fn months(d: &Data, row: usize, n: u32) -> impl Iterator<Item = usize> + '_ {
    let start = row.checked_sub(1).map_or(0, |r| d.month_end[r] as usize);
    let end = d.month_end[row] as usize;
    (start..end).filter(move |&m| u32::from(d.month_k[m]) <= n)
}

/// Average daily balance of the `include`d families over `n` months (a month without a
/// record counts as zero), as the profile path divides it.
fn average(d: &Data, row: usize, n: u32, include: impl Fn(Family) -> bool) -> Option<Decimal> {
    let mut sum = 0i128;
    for m in months(d, row, n) {
        let start = m.checked_sub(1).map_or(0, |x| d.entry_end[x] as usize);
        for e in start..d.entry_end[m] as usize {
            if include(d.entry_family[e]) {
                sum += i128::from(d.entry_cents[e]);
            }
        }
    }
    money(sum).checked_div(Decimal::from(n.max(1)))
}

fn fees(d: &Data, row: usize, n: u32) -> i128 {
    months(d, row, n).map(|m| i128::from(d.month_fee[m])).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|e| panic!("`{s}`: {e}"))
    }

    #[test]
    fn fixed_point_orders_as_decimals_do() {
        let values = [
            "-1.0000005",
            "-1",
            "0",
            "0.0000001",
            "0.000001",
            "1.5",
            "1.5000001",
        ];
        let gs: Vec<i128> = values
            .iter()
            .map(|v| fixed(dec(v)).unwrap_or_default())
            .collect();
        assert!(gs.windows(2).all(|w| w[0] < w[1]), "{gs:?}");
        // A value between two millionths sits strictly between them.
        let t = fixed(dec("0.000001")).unwrap_or_default();
        assert!(fixed(dec("0.0000011")).unwrap_or_default() > t);
        assert_eq!(fixed(dec("0.0000010")), Some(t));
    }

    #[test]
    fn cents_round_half_to_even_as_round_dp() {
        for v in [
            "1.005",
            "1.015",
            "1.0050001",
            "-1.005",
            "-1.015",
            "2.344999",
            "0.125",
            "7",
            "-0.0049",
            "123456789012345.675",
        ] {
            let d = dec(v);
            let c = cents(fixed(d).unwrap_or_default());
            assert_eq!(Decimal::from_i128_with_scale(c, 2), d.round_dp(2), "{v}");
        }
    }

    #[test]
    fn a_scale_does_not_change_a_quotient() {
        // The columns sum cents; a profile's amounts keep the scale they were written in.
        for (a, b) in [("100", "100.00"), ("33.3", "33.30"), ("1", "1.00")] {
            for n in 1..=36 {
                assert_eq!(dec(a) / Decimal::from(n), dec(b) / Decimal::from(n));
                let points = dec("0.005");
                assert_eq!(
                    points * (dec(a) / Decimal::from(n)),
                    points * (dec(b) / Decimal::from(n))
                );
            }
        }
    }
}
