//! Sentences only the app shows, from the engine's codes: key moments, why a product is not
//! offered, a tier's criteria, risk ratings and tolerances, benefit categories. The words
//! are in [`crate::i18n::AppMsg`] and the tables below; what other faces say too (reasons,
//! the tier's basis) is in `strata_ui::sentences`.

use rust_decimal::Decimal;
use strata_core::catalog::RiskRating;
use strata_core::moments::{Moment, MomentKind};
use strata_core::profile::RiskLevel;
use strata_core::recommend::ExclusionRule;
use strata_core::ruleset::{BenefitCategory, Criterion, Op, Threshold};
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

/// A criterion in words: "本行金融资产 ≥ ¥1000万", "年龄 16–28" stays as two comparisons.
#[must_use]
pub fn criterion(c: &Ctx, cr: &Criterion) -> String {
    match cr {
        Criterion::All { all } => all
            .iter()
            .map(|x| criterion(c, x))
            .collect::<Vec<_>>()
            .join(t(c.locale, AppMsg::And)),
        Criterion::Any { any } => any
            .iter()
            .map(|x| criterion(c, x))
            .collect::<Vec<_>>()
            .join(t(c.locale, AppMsg::Or)),
        Criterion::Compare(cmp) => {
            let value = match &cmp.value {
                Threshold::Number(d) if money_metric(c, &cmp.metric) => {
                    c.money(Amount::Needed, d.0)
                }
                Threshold::Number(d) => format::plain(d.0),
                Threshold::Name(n) => education(c.locale, n).to_owned(),
            };
            let op = match cmp.op {
                Op::Gte => "≥",
                Op::Gt => ">",
                Op::Lte => "≤",
                Op::Lt => "<",
                Op::Eq => "=",
                Op::Ne => "≠",
            };
            fill(
                c.locale,
                AppMsg::Comparison,
                &[
                    ("metric", &metric_label(c, &cmp.metric)),
                    ("op", op),
                    ("value", &value),
                ],
            )
        }
    }
}

fn money_metric(c: &Ctx, id: &str) -> bool {
    use strata_core::ruleset::Unit;
    matches!(
        id,
        "aum" | "external_assets" | "aum_with_external" | "aum_household" | "liabilities"
    ) || c
        .ruleset
        .inputs
        .get(id)
        .is_some_and(|i| i.unit == Unit::Money)
        || c.ruleset
            .metrics
            .get(id)
            .is_some_and(|m| m.unit == Unit::Money)
}

/// A metric's label: the built-ins here, the rest from the ruleset.
#[must_use]
pub fn metric_label(c: &Ctx, id: &str) -> String {
    let builtin = match id {
        "aum" => Some(AppMsg::MetricAum),
        "aum_household" => Some(AppMsg::MetricHousehold),
        "age" => Some(AppMsg::MetricAge),
        "education" => Some(AppMsg::MetricEducation),
        "families" | "product_families" => Some(AppMsg::MetricFamilies),
        _ => None,
    };
    if let Some(b) = builtin {
        return t(c.locale, b).to_owned();
    }
    let tag = c.locale.tag();
    c.ruleset
        .metrics
        .get(id)
        .map(|m| m.label.get(tag))
        .or_else(|| c.ruleset.inputs.get(id).map(|i| i.label.get(tag)))
        .filter(|s| !s.is_empty())
        .map_or_else(|| id.to_owned(), str::to_owned)
}

/// An education level as a criterion names it (the name itself when unknown).
fn education(locale: Locale, name: &str) -> &str {
    use strata_core::profile::Education;
    let level = match name {
        "primary" => Education::Primary,
        "junior_secondary" => Education::JuniorSecondary,
        "senior_secondary" => Education::SeniorSecondary,
        "college" => Education::College,
        "bachelor" => Education::Bachelor,
        "master" => Education::Master,
        "doctorate" => Education::Doctorate,
        other => return other,
    };
    education_name(locale, level)
}

strata_ui::names! {
    /// An education level inside a criterion.
    fn education_name(strata_core::profile::Education) {
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
    use strata_core::rulesets;

    #[test]
    fn criteria_in_words() {
        let rs = rulesets::cn_retail();
        let en = Ctx {
            locale: Locale::En,
            ruleset: &rs,
            catalog: None,
        };
        let crit = rs.tiers[1].criteria.clone();
        let text = crit.map(|c| criterion(&en, &c)).unwrap_or_default();
        assert_eq!(text, "Financial assets with us ≥ ¥1,000,000");
        let zh = Ctx {
            locale: Locale::ZhCn,
            ..en
        };
        let potential = rs.tiers.iter().find_map(|t| {
            t.criteria
                .as_ref()
                .map(|c| criterion(&zh, c))
                .filter(|s| s.contains("学历"))
        });
        assert_eq!(
            potential.as_deref(),
            Some("本行金融资产 < ¥5万，且学历 ≥ 大专，且年龄 ≥ 16，且年龄 ≤ 28"),
            "the potential tier's criteria"
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
