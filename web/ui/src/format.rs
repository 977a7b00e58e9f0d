//! Amounts and dates per locale. zh-CN writes large sums in 万 (10⁴) and 亿 (10⁸).
//!
//! Money is never shown in the customer's favour by rounding. Every amount says what it is
//! ([`Amount`]), and the kind decides the direction: what the customer still needs (a gap,
//! the amount that keeps a tier, a threshold, a product's minimum) rounds up to the unit
//! shown, so adding the amount shown always reaches the goal (¥37,512.34 → ¥3.76万, never
//! ¥3.75万); what the customer holds or received rounds down, so the screen never credits
//! more than there is; an amount the customer typed is shown exactly.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::i18n::Locale;

/// What an amount of money is, which decides how it may be rounded for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// Still to reach: a gap, the amount that keeps a tier, a threshold, a minimum, a move
    /// that lifts a tier. Rounds up (away from zero) to the unit shown.
    Needed,
    /// Held or received: assets here or elsewhere, a balance, a flow. Rounds down (toward
    /// zero) to the unit shown.
    Held,
    /// Chosen by the customer (the what-if amount): shown exactly, in 万 / 亿 only when that
    /// needs no more than two decimals.
    Exact,
}

impl Amount {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Amount::Needed => RoundingStrategy::AwayFromZero,
            Amount::Held => RoundingStrategy::ToZero,
            // Money has at most two decimals; a third from a computation rounds half up.
            Amount::Exact => RoundingStrategy::MidpointAwayFromZero,
        }
    }
}

/// Formats `amount` of `kind` in `currency` for `locale`: `¥3.76万` / `¥37,512.34`.
#[must_use]
pub fn money(kind: Amount, amount: Decimal, currency: &str, locale: Locale) -> String {
    let strategy = kind.strategy();
    let symbol = match currency {
        "CNY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        other => return format!("{} {other}", grouped(amount, strategy)),
    };
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    let abs = amount.abs();
    if locale == Locale::ZhCn {
        for (unit, word) in [
            (Decimal::from(100_000_000), "亿"),
            (Decimal::from(10_000), "万"),
        ] {
            if abs < unit {
                continue;
            }
            let scaled = abs / unit;
            let shown = scaled.round_dp_with_strategy(2, strategy);
            // An exact amount that needs more than two decimals of 万 is written out in full.
            if kind == Amount::Exact && shown != scaled {
                break;
            }
            return format!("{sign}{symbol}{}{word}", shown.normalize());
        }
    }
    format!("{sign}{symbol}{}", grouped(abs, strategy))
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

/// A plain number with at most two decimals, for `<input>` values and percentages: `37500`,
/// `0.5`. Not for money on screen: that is [`money`], which rounds by the amount's kind.
#[must_use]
pub fn plain(v: Decimal) -> String {
    v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// Thousands separators; cents only when there are any, rounded by `strategy`.
fn grouped(v: Decimal, strategy: RoundingStrategy) -> String {
    let s = v
        .abs()
        .round_dp_with_strategy(2, strategy)
        .normalize()
        .to_string();
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

    /// The amount a formatted string stands for, read back the way a customer reads it.
    fn read_back(shown: &str) -> Decimal {
        let (negative, rest) = match shown.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, shown),
        };
        let rest = rest.trim_start_matches(['¥', '$', '€']);
        let rest = rest.split(' ').next().unwrap_or(rest);
        let (digits, unit) = if let Some(n) = rest.strip_suffix('亿') {
            (n, Decimal::from(100_000_000))
        } else if let Some(n) = rest.strip_suffix('万') {
            (n, Decimal::from(10_000))
        } else {
            (rest, Decimal::ONE)
        };
        let value = d(&digits.replace(',', "")) * unit;
        if negative { -value } else { value }
    }

    #[test]
    fn a_gap_rounds_up_and_a_holding_down_in_wan_and_yi() {
        let zh = Locale::ZhCn;
        let money = |kind, s| money(kind, d(s), "CNY", zh);
        // The case: a gap of ¥37,512.34 is never shown as ¥3.75万.
        assert_eq!(money(Amount::Needed, "37512.34"), "¥3.76万");
        assert_eq!(money(Amount::Held, "37512.34"), "¥3.75万");
        assert_eq!(money(Amount::Exact, "37512.34"), "¥37,512.34");
        // Exact in the unit: the same whatever the kind.
        for kind in [Amount::Needed, Amount::Held, Amount::Exact] {
            assert_eq!(money(kind, "37500"), "¥3.75万");
            assert_eq!(money(kind, "10000000"), "¥1000万");
            assert_eq!(money(kind, "250000000"), "¥2.5亿");
            assert_eq!(money(kind, "9999.5"), "¥9,999.50");
            assert_eq!(money(kind, "0.01"), "¥0.01");
            assert_eq!(money(kind, "0"), "¥0");
        }
        assert_eq!(money(Amount::Needed, "9140000.01"), "¥914.01万");
        assert_eq!(money(Amount::Held, "9149999.99"), "¥914.99万");
        assert_eq!(money(Amount::Needed, "100000001"), "¥1.01亿");
        assert_eq!(money(Amount::Held, "199999999.99"), "¥1.99亿");
        assert_eq!(money(Amount::Exact, "123456789"), "¥123,456,789");
        // Under 万: cents, rounded by kind when a computation gave more.
        assert_eq!(money(Amount::Needed, "9999.991"), "¥10,000");
        assert_eq!(money(Amount::Needed, "1.001"), "¥1.01");
        assert_eq!(money(Amount::Held, "1.009"), "¥1");
        assert_eq!(money(Amount::Needed, "-37512.34"), "-¥3.76万");
    }

    #[test]
    fn english_shows_the_exact_amount_with_cents_rounded_by_kind() {
        let en = Locale::En;
        for kind in [Amount::Needed, Amount::Held, Amount::Exact] {
            assert_eq!(money(kind, d("37500"), "CNY", en), "¥37,500");
            assert_eq!(money(kind, d("37512.34"), "CNY", en), "¥37,512.34");
            assert_eq!(money(kind, d("1234567.8"), "USD", en), "$1,234,567.80");
            assert_eq!(money(kind, d("-100"), "USD", en), "-$100");
            assert_eq!(money(kind, d("100"), "GBP", en), "100 GBP");
            assert_eq!(money(kind, d("2500"), "EUR", en), "€2,500");
        }
        assert_eq!(money(Amount::Needed, d("0.001"), "USD", en), "$0.01");
        assert_eq!(money(Amount::Held, d("10.019"), "GBP", en), "10.01 GBP");
        // Other currencies in Chinese: their symbol with 万, the rest by code.
        assert_eq!(
            money(Amount::Needed, d("37512.34"), "USD", Locale::ZhCn),
            "$3.76万"
        );
        assert_eq!(
            money(Amount::Held, d("37512.34"), "GBP", Locale::ZhCn),
            "37,512.34 GBP"
        );
    }

    /// Amounts across every unit boundary and at random, with up to four decimals.
    fn amounts() -> Vec<Decimal> {
        let mut out = Vec::new();
        for base in [
            0i64,
            1,
            99,
            9_999,
            10_000,
            37_512,
            99_999_999,
            100_000_000,
            123_456_789_012,
        ] {
            for cents in [0i64, 1, 49, 50, 51, 99] {
                for extra in [0i64, 1, 50, 99] {
                    // base + cents/100 + extra/10000
                    let v = Decimal::from(base * 10_000 + cents * 100 + extra);
                    out.push(v / Decimal::from(10_000));
                }
            }
        }
        // A fixed linear congruential sequence: the same cases every run.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..5_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let cents = (x >> 11) % 10_000_000_000_000;
            out.push(Decimal::from(cents) / Decimal::ONE_HUNDRED);
        }
        out
    }

    #[test]
    fn a_formatted_gap_is_never_less_and_a_holding_never_more_than_the_amount() {
        for locale in [Locale::ZhCn, Locale::En] {
            for currency in ["CNY", "USD", "EUR", "GBP"] {
                for v in amounts() {
                    let needed = money(Amount::Needed, v, currency, locale);
                    assert!(
                        read_back(&needed) >= v,
                        "{needed} < {v} ({currency}, {locale:?})"
                    );
                    let held = money(Amount::Held, v, currency, locale);
                    assert!(
                        read_back(&held) <= v,
                        "{held} > {v} ({currency}, {locale:?})"
                    );
                    let exact = money(Amount::Exact, v, currency, locale);
                    assert_eq!(
                        read_back(&exact),
                        v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
                        "{exact} ({currency})"
                    );
                    // Never off by more than one unit of the last digit shown.
                    let step = if needed.ends_with('亿') {
                        d("1000000")
                    } else if needed.ends_with('万') {
                        d("100")
                    } else {
                        d("0.01")
                    };
                    assert!(read_back(&needed) - v < step, "{needed} for {v}");
                    assert!(v - read_back(&held) < step, "{held} for {v}");
                }
            }
        }
    }

    #[test]
    fn dates_per_locale() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
        assert_eq!(date(day, Locale::ZhCn), "2026年11月28日");
        assert_eq!(date(day, Locale::En), "28 Nov 2026");
        let first = NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date");
        assert_eq!(date(first, Locale::ZhCn), "2027年1月1日");
        assert_eq!(date(first, Locale::En), "1 Jan 2027");
    }

    #[test]
    fn plain_numbers_for_inputs() {
        assert_eq!(plain(d("37500.00")), "37500");
        assert_eq!(plain(d("0.5")), "0.5");
        assert_eq!(plain(d("12.345")), "12.35");
    }
}
