//! Amounts and dates per locale. zh-CN writes large sums in 万 (10⁴) and 亿 (10⁸).

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::i18n::Locale;

/// Formats a money amount in `currency` for `locale`: `¥3.75万` / `¥37,500`.
#[must_use]
pub fn money(amount: Decimal, currency: &str, locale: Locale) -> String {
    let symbol = match currency {
        "CNY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        other => return format!("{} {other}", grouped(amount, 2)),
    };
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    let abs = amount.abs();
    if locale == Locale::ZhCn {
        let yi = Decimal::from(100_000_000);
        let wan = Decimal::from(10_000);
        if abs >= yi {
            return format!("{sign}{symbol}{}亿", trimmed(abs / yi, 2));
        }
        if abs >= wan {
            return format!("{sign}{symbol}{}万", trimmed(abs / wan, 2));
        }
    }
    format!("{sign}{symbol}{}", grouped(abs, 2))
}

/// Formats a date for `locale`: `2026年11月28日` / `28 Nov 2026`.
#[must_use]
pub fn date(d: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Locale::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let m = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
            format!("{} {m} {}", d.day(), d.year())
        }
    }
}

/// A plain number with at most two decimals, for `<input>` values: `37500`, `0.5`.
#[must_use]
pub fn plain(v: Decimal) -> String {
    trimmed(v, 2)
}

/// At most `dp` decimals, trailing zeros dropped: 3.7500 → "3.75", 5.00 → "5".
fn trimmed(v: Decimal, dp: u32) -> String {
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// Thousands separators; cents only when there are any.
fn grouped(v: Decimal, dp: u32) -> String {
    let s = trimmed(v.abs(), dp);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
        if frac.len() == 1 {
            out.push('0');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|e| panic!("`{s}`: {e}"))
    }

    #[test]
    fn chinese_uses_wan_and_yi() {
        let zh = Locale::ZhCn;
        assert_eq!(money(d("37500"), "CNY", zh), "¥3.75万");
        assert_eq!(money(d("10000000"), "CNY", zh), "¥1000万");
        assert_eq!(money(d("250000000"), "CNY", zh), "¥2.5亿");
        assert_eq!(money(d("9999.5"), "CNY", zh), "¥9,999.50");
        assert_eq!(money(d("0.01"), "CNY", zh), "¥0.01");
    }

    #[test]
    fn dates_per_locale() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
        assert_eq!(date(day, Locale::ZhCn), "2026年11月28日");
        assert_eq!(date(day, Locale::En), "28 Nov 2026");
        assert_eq!(plain(d("37500.00")), "37500");
    }

    #[test]
    fn english_groups_thousands() {
        let en = Locale::En;
        assert_eq!(money(d("37500"), "CNY", en), "¥37,500");
        assert_eq!(money(d("1234567.8"), "USD", en), "$1,234,567.80");
        assert_eq!(money(d("-100"), "USD", en), "-$100");
        assert_eq!(money(d("100"), "GBP", en), "100 GBP");
    }
}
