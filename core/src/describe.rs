//! What each metric is, for a screen: its label per locale, its unit and currency. Built-in
//! metrics are described here once; a ruleset's declared metrics and inputs by their labels.

use serde::Serialize;

use crate::engine::Engine;
use crate::metrics::Kind;
use crate::probes::{AxisKind, axis_kind};
use crate::ruleset::Unit;
use crate::text::Text;

/// A metric as a screen names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MetricInfo {
    /// Metric id.
    pub id: String,
    /// Label per locale (zh-CN and en for built-ins; the ruleset's locales otherwise).
    pub label: Text,
    /// Unit.
    pub unit: Unit,
    /// What it measures, for wording: assets, age, education, or another quantity.
    pub axis: AxisKind,
    /// ISO 4217 code of a money metric: the ruleset's currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Months of history an average or a sum over time reads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
}

impl Engine {
    /// Every metric the ruleset uses, described.
    #[must_use]
    pub fn metric_infos(&self) -> Vec<MetricInfo> {
        self.metrics
            .iter()
            .map(|d| self.info(&d.id, &d.kind, d.unit))
            .collect()
    }

    /// One metric the ruleset uses, described; `None` for an id it does not use.
    #[must_use]
    pub fn metric_info(&self, id: &str) -> Option<MetricInfo> {
        self.metrics
            .iter()
            .find(|d| d.id == id)
            .map(|d| self.info(&d.id, &d.kind, d.unit))
    }

    fn info(&self, id: &str, kind: &Kind, unit: Unit) -> MetricInfo {
        let rs = self.ruleset();
        let label = rs
            .metrics
            .get(id)
            .map(|m| m.label.clone())
            .or_else(|| rs.inputs.get(id).map(|i| i.label.clone()))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| builtin_label(kind, id));
        let months = match kind {
            Kind::AumAvg(n) | Kind::FeeIncome(n) => Some(*n),
            _ => None,
        };
        MetricInfo {
            id: id.to_owned(),
            label,
            unit,
            axis: axis_kind(kind),
            currency: (unit == Unit::Money).then(|| rs.currency.clone()),
            months,
        }
    }
}

/// The label of a built-in metric, in zh-CN and en; the id for anything else.
fn builtin_label(kind: &Kind, id: &str) -> Text {
    let (zh, en): (String, String) = match kind {
        Kind::Aum => ("本行金融资产".into(), "Financial assets with us".into()),
        Kind::AumAvg(n) => (
            format!("近 {n} 个月日均金融资产"),
            format!("Average daily financial assets over the last {n} months"),
        ),
        Kind::External => (
            "他行金融资产".into(),
            "Financial assets at other banks".into(),
        ),
        Kind::AumWithExternal => (
            "本行及他行金融资产".into(),
            "Financial assets with us and at other banks".into(),
        ),
        Kind::AumHousehold => (
            "家庭在本行金融资产".into(),
            "Household financial assets with us".into(),
        ),
        Kind::Age => ("年龄".into(), "Age".into()),
        Kind::Education => ("学历".into(), "Education".into()),
        Kind::ProductFamilies => ("持有产品类别数".into(), "Product types held".into()),
        Kind::LoanBalance => ("本行贷款余额".into(), "Loan balance with us".into()),
        Kind::FeeIncome(n) => (
            format!("近 {n} 个月中间业务收入"),
            format!("Fee income over the last {n} months"),
        ),
        Kind::Input { .. } | Kind::Derived(_) => (id.to_owned(), id.to_owned()),
    };
    Text::from_pairs(&[("zh-CN", &zh), ("en", &en)])
}
