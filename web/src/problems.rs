//! What the error card says about each bad field, in the customer's language.
//!
//! The engine's messages are English (they are also the API's, for developers). Here each
//! error type gets a Chinese sentence: whole where the app knows every part of it, or a
//! Chinese lead-in before the engine's own English detail where that detail is free text
//! (a parser message, an inconsistency described by the engine).

use strata_core::{ProfileError, RulesetError};

use crate::services::fetch::FetchError;

/// How the Chinese card says a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Zh {
    /// The whole message in Chinese.
    Whole(String),
    /// A Chinese lead-in, then the English detail (marked `lang="en"`).
    Lead(&'static str),
}

/// One problem: the field's JSON path (empty when there is none) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field at fault, or empty.
    pub path: String,
    /// The engine's message, in English.
    pub en: String,
    /// The Chinese rendering.
    pub zh: Zh,
}

impl Problem {
    /// A problem in a customer profile.
    #[must_use]
    pub fn of_profile(e: &ProfileError) -> Self {
        let zh = match e {
            ProfileError::Parse { .. } => Zh::Lead("数据格式有误"),
            ProfileError::Negative { value, .. } => {
                Zh::Whole(format!("不能为负数（当前为{value}）"))
            }
            ProfileError::FutureDate { date, as_of, .. } => {
                Zh::Whole(format!("日期{date}晚于计算日期{as_of}"))
            }
            ProfileError::Missing { metric, .. } => {
                Zh::Whole(format!("等级规则的“{metric}”指标需要此字段"))
            }
            ProfileError::UnknownTier { tier, .. } => Zh::Whole(format!("没有“{tier}”这个等级")),
            ProfileError::NoRate { currency, into, .. } => {
                Zh::Whole(format!("缺少{currency}兑{into}的汇率"))
            }
            ProfileError::Invalid { .. } => Zh::Lead("数据前后不一致"),
            ProfileError::Overflow { .. } => Zh::Lead("金额超出可计算的范围"),
        };
        Problem {
            path: e.path().to_owned(),
            en: e.to_string(),
            zh,
        }
    }

    /// A problem in a ruleset or catalog.
    #[must_use]
    pub fn of_ruleset(e: &RulesetError) -> Self {
        let zh = match e {
            RulesetError::Parse { .. } => Zh::Lead("格式有误"),
            RulesetError::UnknownMetric { metric, .. } => {
                Zh::Whole(format!("未知的指标“{metric}”"))
            }
            RulesetError::DuplicateId { id, .. } => Zh::Whole(format!("编号“{id}”重复")),
            RulesetError::NeverHolds { .. } => Zh::Lead("此条件永远无法满足"),
            RulesetError::ThresholdOrder { tier, above, .. } => {
                Zh::Whole(format!("等级“{tier}”的门槛高于其上一级“{above}”"))
            }
            RulesetError::MissingTranslation { locale, .. } => {
                Zh::Whole(format!("缺少“{locale}”语言的文字"))
            }
            RulesetError::NoFallback { .. } => {
                Zh::Whole("最后一个等级必须是没有条件的兜底等级".into())
            }
            RulesetError::Invalid { .. } => Zh::Lead("规则有误"),
        };
        Problem {
            path: e.path().to_owned(),
            en: e.to_string(),
            zh,
        }
    }

    /// Data that could not be fetched or was refused by its pin.
    #[must_use]
    pub fn of_fetch(e: &FetchError) -> Self {
        let zh = match e {
            FetchError::Network(_) => Zh::Lead("无法读取"),
            FetchError::Unverifiable(_) => Zh::Lead("无法校验"),
            FetchError::Mismatch { expected, actual } => {
                Zh::Whole(format!("SHA-256 为 {actual}，与指定的 {expected} 不符"))
            }
        };
        Problem {
            path: String::new(),
            en: e.to_string(),
            zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_problems_read_in_chinese() {
        let p = Problem::of_profile(&ProfileError::Negative {
            path: "$.holdings[0].balance".into(),
            value: "-500".into(),
        });
        assert_eq!(p.path, "$.holdings[0].balance");
        assert_eq!(p.en, "must not be negative (got -500)");
        assert_eq!(p.zh, Zh::Whole("不能为负数（当前为-500）".into()));
        let p = Problem::of_profile(&ProfileError::Parse {
            path: "$".into(),
            message: "expected value".into(),
        });
        assert_eq!(p.zh, Zh::Lead("数据格式有误"));
    }

    #[test]
    fn a_pin_mismatch_names_both_digests() {
        let p = Problem::of_fetch(&FetchError::Mismatch {
            expected: "aa".into(),
            actual: "bb".into(),
        });
        assert_eq!(p.zh, Zh::Whole("SHA-256 为 bb，与指定的 aa 不符".into()));
        assert_eq!(p.en, "SHA-256 is bb, but aa was pinned");
        assert!(p.path.is_empty());
    }
}
