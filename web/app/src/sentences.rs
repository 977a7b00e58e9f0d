//! Sentences only the app shows, from the engine's codes: key moments, why a product is not
//! offered, a tier's criteria, risk ratings and tolerances, benefit categories. The words
//! are in [`crate::i18n::AppMsg`] and the tables below; what other faces say too (reasons,
//! the tier's basis) is in `strata_ui::sentences`.

use rust_decimal::Decimal;
use strata_core::Engine;
use strata_core::catalog::RiskRating;
use strata_core::conditions::{Bound, Condition};
use strata_core::describe::MetricInfo;
use strata_core::moments::{Moment, MomentKind};
use strata_core::probes::AxisKind;
use strata_core::profile::Education;
use strata_core::profile::RiskLevel;
use strata_core::recommend::ExclusionRule;
use strata_core::ruleset::{BenefitCategory, Unit};
use strata_ui::format::{self, Amount};
use strata_ui::i18n::{Locale, fill, t};
use strata_ui::sentences::{Ctx, family};

use crate::i18n::AppMsg;

/// The sentence for a key moment.
#[must_use]
pub fn moment(c: &Ctx, m: &Moment) -> String {
    let l = c.locale;
    match &m.kind {
        MomentKind::Maturity {
            holding,
            date,
            days,
            amount,
            ..
        } => {
            let msg = match *days {
                0 => AppMsg::MaturityToday,
                1 => AppMsg::MaturityTomorrow,
                _ => AppMsg::MaturityInDays,
            };
            fill(
                l,
                msg,
                &[
                    ("product", &c.product_name(holding)),
                    ("amount", &c.money(Amount::Held, amount.0)),
                    ("days", &days.to_string()),
                    ("date", &c.date(*date)),
                ],
            )
        }
        MomentKind::Birthday { date, age } => fill(
            l,
            AppMsg::Birthday,
            &[("date", &c.date(*date)), ("age", &age.to_string())],
        ),
        MomentKind::Salary { date, amount } => dated(c, AppMsg::Salary, *date, amount.0),
        MomentKind::LargeInflow { date, amount } => dated(c, AppMsg::LargeInflow, *date, amount.0),
        MomentKind::LargeOutflow { date, amount } => {
            dated(c, AppMsg::LargeOutflow, *date, amount.0)
        }
        MomentKind::NearNextTier { tier, amount } => fill(
            l,
            AppMsg::NearNextTier,
            &[
                ("amount", &c.money(Amount::Needed, amount.0)),
                ("tier", tier.name.get(l.tag())),
            ],
        ),
        MomentKind::DowngradeRisk {
            tier,
            review_date,
            keep_amount,
        } => {
            let msg = if keep_amount.0 > Decimal::ZERO {
                AppMsg::KeepTier
            } else {
                AppMsg::CloseToBar
            };
            fill(
                l,
                msg,
                &[
                    ("tier", &c.tier_name(tier)),
                    ("date", &c.date(*review_date)),
                    ("amount", &c.money(Amount::Needed, keep_amount.0)),
                ],
            )
        }
        MomentKind::ChurnRisk { drop_percent } => fill(
            l,
            AppMsg::ChurnRisk,
            &[("percent", &format::plain(drop_percent.0))],
        ),
        MomentKind::RiskAssessmentDue { expired_on } => match expired_on {
            Some(d) => fill(l, AppMsg::RiskAssessmentExpired, &[("date", &c.date(*d))]),
            None => t(l, AppMsg::RiskAssessmentDue).to_owned(),
        },
    }
}

/// A moment with a date and an amount.
fn dated(c: &Ctx, msg: AppMsg, date: chrono::NaiveDate, amount: Decimal) -> String {
    fill(
        c.locale,
        msg,
        &[
            ("date", &c.date(date)),
            ("amount", &c.money(Amount::Held, amount)),
        ],
    )
}

/// A short suggestion for the moment's product: "看看：…" / "Consider: …".
#[must_use]
pub fn moment_action(c: &Ctx, product: &str) -> String {
    fill(
        c.locale,
        AppMsg::Consider,
        &[("product", &c.product_name(product))],
    )
}

/// Why a product is not recommended.
#[must_use]
pub fn exclusion(c: &Ctx, rule: &ExclusionRule) -> String {
    let l = c.locale;
    let msg = match rule {
        ExclusionRule::SwitchedOff | ExclusionRule::Unavailable => AppMsg::NotOnSale,
        ExclusionRule::IneligibleTier { .. } => AppMsg::OtherTiers,
        ExclusionRule::Age { .. } => AppMsg::OutsideAge,
        ExclusionRule::Held => AppMsg::AlreadyHeld,
        ExclusionRule::Declined { until } | ExclusionRule::Resting { until } => {
            return fill(l, AppMsg::Resting, &[("date", &c.date(*until))]);
        }
        ExclusionRule::BelowMinimum { min_amount, .. } => {
            return fill(
                l,
                AppMsg::BelowMinimum,
                &[("amount", &c.money(Amount::Needed, min_amount.0))],
            );
        }
        ExclusionRule::Unsuitable { rating, tolerance } => {
            return fill(
                l,
                AppMsg::Unsuitable,
                &[
                    ("rating", &risk_rating(l, *rating)),
                    ("tolerance", &risk_level(l, *tolerance)),
                ],
            );
        }
        ExclusionRule::RiskAssessmentDue { .. } => AppMsg::AssessFirst,
        // Said without the customer's age: the rule, not the number, is what matters.
        ExclusionRule::ElderlyPolicy { .. } => AppMsg::ElderlyPolicy,
        ExclusionRule::MinorPolicy { .. } => AppMsg::MinorPolicy,
        ExclusionRule::MissingPrerequisite { requires } => {
            let what = match (&requires.product, requires.family) {
                (Some(id), _) => c.product_name(id),
                (None, Some(f)) => family(l, f).to_owned(),
                (None, None) => String::new(),
            };
            return fill(l, AppMsg::NeedsFirst, &[("what", &what)]);
        }
        ExclusionRule::NotQualifiedInvestor => AppMsg::QualifiedOnly,
        ExclusionRule::FamilyLimit | ExclusionRule::RankedOut { .. } => AppMsg::NotTopPick,
    };
    t(l, msg).to_owned()
}

/// A tier's conditions in words, as a bank writes them: "大专及以上学历、16–28 岁",
/// "近 3 个月日均金融资产 ¥20万及以上". Core merges each metric's bounds and names the
/// metric; this only words it.
#[must_use]
pub fn conditions(c: &Ctx, engine: &Engine, conds: &[Condition]) -> String {
    let l = c.locale;
    conds
        .iter()
        .map(|cond| match cond {
            Condition::AnyOf { any } => any
                .iter()
                .map(|g| conditions(c, engine, g))
                .collect::<Vec<_>>()
                .join(t(l, AppMsg::Or)),
            Condition::Within { metric, min, max } => within(c, engine, metric, *min, *max),
            Condition::Equals {
                metric,
                value,
                equal,
            } => {
                let info = engine.metric_info(metric);
                let msg = if *equal {
                    AppMsg::EqualTo
                } else {
                    AppMsg::OtherThan
                };
                fill(
                    l,
                    msg,
                    &[
                        ("metric", &label(c, info.as_ref(), metric)),
                        ("value", &value_text(c, info.as_ref(), value.0)),
                    ],
                )
            }
        })
        .collect::<Vec<_>>()
        .join(t(l, AppMsg::And))
}

/// One metric's range in words.
fn within(
    c: &Ctx,
    engine: &Engine,
    metric: &str,
    min: Option<Bound>,
    max: Option<Bound>,
) -> String {
    let l = c.locale;
    let info = engine.metric_info(metric);
    let whole = info
        .as_ref()
        .is_some_and(|i| matches!(i.unit, Unit::Years | Unit::Rank | Unit::Count));
    // A whole number's exclusive end is the next whole number in: `< 29` reads "28 or under".
    let inclusive = |b: Bound, up: bool| -> (Decimal, bool) {
        match (whole, b.inclusive, up) {
            (true, false, true) => (b.value.0 + Decimal::ONE, true),
            (true, false, false) => (b.value.0 - Decimal::ONE, true),
            _ => (b.value.0, b.inclusive),
        }
    };
    let min = min.map(|b| inclusive(b, true));
    let max = max.map(|b| inclusive(b, false));
    let axis = info.as_ref().map(|i| i.axis);
    let level = min.and_then(|(rank, _)| {
        Education::ALL
            .iter()
            .copied()
            .find(|e| Decimal::from(e.rank()) == rank)
    });
    if let (Some(AxisKind::Education), Some(level)) = (axis, level) {
        return fill(
            l,
            AppMsg::EducationAtLeast,
            &[("level", education_name(l, level))],
        );
    }
    if axis == Some(AxisKind::Age) {
        let years = |y: Decimal| format::plain(y);
        return match (min, max) {
            (Some((lo, _)), Some((hi, _))) => fill(
                l,
                AppMsg::AgeBetween,
                &[("min", &years(lo)), ("max", &years(hi))],
            ),
            (Some((lo, _)), None) => fill(l, AppMsg::AgeAtLeast, &[("min", &years(lo))]),
            (None, Some((hi, _))) => fill(l, AppMsg::AgeAtMost, &[("max", &years(hi))]),
            (None, None) => String::new(),
        };
    }
    let name = label(c, info.as_ref(), metric);
    let money = |x: Decimal| value_text(c, info.as_ref(), x);
    match (min, max) {
        (Some((lo, _)), Some((hi, _))) => fill(
            l,
            AppMsg::Between,
            &[("metric", &name), ("min", &money(lo)), ("max", &money(hi))],
        ),
        (Some((lo, true)), None) => fill(
            l,
            AppMsg::AtLeast,
            &[("metric", &name), ("value", &money(lo))],
        ),
        (Some((lo, false)), None) => fill(
            l,
            AppMsg::Above,
            &[("metric", &name), ("value", &money(lo))],
        ),
        (None, Some((hi, true))) => fill(
            l,
            AppMsg::AtMost,
            &[("metric", &name), ("value", &money(hi))],
        ),
        (None, Some((hi, false))) => fill(
            l,
            AppMsg::Below,
            &[("metric", &name), ("value", &money(hi))],
        ),
        (None, None) => String::new(),
    }
}

/// A metric's label, as core describes it.
fn label(c: &Ctx, info: Option<&MetricInfo>, id: &str) -> String {
    info.map_or_else(|| id.to_owned(), |i| i.label.get(c.locale.tag()).to_owned())
}

/// A value in the metric's unit: money in the ruleset's currency, else the number.
fn value_text(c: &Ctx, info: Option<&MetricInfo>, v: Decimal) -> String {
    if info.is_some_and(|i| i.unit == Unit::Money) {
        c.money(Amount::Needed, v)
    } else {
        format::plain(v)
    }
}

strata_ui::names! {
    /// An education level inside a criterion.
    fn education_name(Education) {
        Primary => "小学", "primary school";
        JuniorSecondary => "初中", "junior secondary";
        SeniorSecondary => "高中/中专", "senior secondary";
        College => "大专", "college";
        Bachelor => "本科", "bachelor's degree";
        Master => "硕士", "master's degree";
        Doctorate => "博士", "doctorate";
    }
}

strata_ui::names! {
    /// The word for a product risk rating.
    fn risk_word(RiskRating) {
        R1 => "低风险", "low";
        R2 => "中低风险", "medium-low";
        R3 => "中风险", "medium";
        R4 => "中高风险", "medium-high";
        R5 => "高风险", "high";
    }
}

strata_ui::names! {
    /// The word for a customer's risk tolerance.
    fn tolerance_word(RiskLevel) {
        C1 => "保守型", "conservative";
        C2 => "稳健型", "cautious";
        C3 => "平衡型", "balanced";
        C4 => "成长型", "growth";
        C5 => "进取型", "aggressive";
    }
}

/// A product risk rating in words: "R3 中风险" / "R3 medium".
#[must_use]
pub fn risk_rating(locale: Locale, r: RiskRating) -> String {
    fill(
        locale,
        AppMsg::RiskRatingName,
        &[
            ("level", &r.level().to_string()),
            ("word", risk_word(locale, r)),
        ],
    )
}

/// A customer's risk tolerance in words: "C3 平衡型" / "C3 balanced".
#[must_use]
pub fn risk_level(locale: Locale, l: RiskLevel) -> String {
    let n = match l {
        RiskLevel::C1 => 1,
        RiskLevel::C2 => 2,
        RiskLevel::C3 => 3,
        RiskLevel::C4 => 4,
        RiskLevel::C5 => 5,
    };
    fill(
        locale,
        AppMsg::RiskLevelName,
        &[
            ("level", &n.to_string()),
            ("word", tolerance_word(locale, l)),
        ],
    )
}

strata_ui::names! {
    /// A benefit category's heading.
    pub fn category(BenefitCategory) {
        BrandCards => "品牌与银行卡", "Brand and cards";
        BranchChannels => "网点服务", "Branch channels";
        EChannels => "电子渠道", "E-channels";
        Products => "可选产品", "Products offered";
        ExtraServices => "增值服务", "Extra services";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_in_words() {
        let engine = strata_ui::engine::default_engine().expect("engine");
        let rs = engine.ruleset();
        let en = Ctx {
            locale: Locale::En,
            ruleset: rs,
            catalog: None,
        };
        let text = conditions(&en, &engine, &engine.conditions(1));
        assert_eq!(text, "Financial assets with us of ¥1,000,000 or more");
        let zh = Ctx {
            locale: Locale::ZhCn,
            ..en
        };
        let potential = engine
            .tier_ids()
            .position(|t| t == "potential")
            .expect("tier");
        assert_eq!(
            conditions(&zh, &engine, &engine.conditions(potential)),
            "本行金融资产低于¥5万、大专及以上学历、16–28 岁",
        );
    }

    #[test]
    fn risk_words_in_both_languages() {
        assert_eq!(risk_rating(Locale::ZhCn, RiskRating::R3), "R3 中风险");
        assert_eq!(risk_rating(Locale::En, RiskRating::R5), "R5 high");
        assert_eq!(risk_level(Locale::ZhCn, RiskLevel::C3), "C3 平衡型");
        assert_eq!(risk_level(Locale::En, RiskLevel::C1), "C1 conservative");
    }
}
