//! Ruleset validation: the `Compiler` resolves every metric id to a slot and every threshold
//! to a decimal, and collects *every* problem with its JSON path.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;

use crate::domain;
use crate::error::RulesetError;
use crate::metrics::{self, Kind, MAX_MONTHS, TermSource};
use crate::output::value::IndicatorKind;
use crate::profile::Education;
use crate::ruleset::{
    Criterion, Downgrade, MomentPolicy, Op, Ruleset, Source, Threshold, Unit, ValueModel,
};
use crate::text::Text;
use crate::validate::Crit;
use crate::validate::Interval;
use crate::validate::fx_rate;
use crate::validate::is_hex_colour;

/// Validation state while compiling.
pub(crate) struct Compiler<'a> {
    pub(crate) rs: &'a Ruleset,
    pub(crate) errors: Vec<RulesetError>,
    pub(crate) defs: Vec<metrics::Def>,
    pub(crate) slots: HashMap<String, usize>,
    pub(crate) derived: BTreeMap<String, (Kind, Unit)>,
    pub(crate) sources: HashMap<String, Vec<(Source, Decimal, Decimal)>>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(rs: &'a Ruleset) -> Self {
        Compiler {
            rs,
            errors: Vec::new(),
            defs: Vec::new(),
            slots: HashMap::new(),
            derived: BTreeMap::new(),
            sources: HashMap::new(),
        }
    }

    pub(crate) fn err(&mut self, e: RulesetError) {
        self.errors.push(e);
    }

    pub(crate) fn invalid(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.err(RulesetError::Invalid {
            path: path.into(),
            message: message.into(),
        });
    }

    pub(crate) fn text(&mut self, t: &Text, path: &str) {
        self.errors.extend(t.missing(&self.rs.locales, path));
    }

    /// Everything but criteria and their order.
    pub(crate) fn check(&mut self) {
        let rs = self.rs;
        if let Err(m) = domain::id(&rs.id) {
            self.invalid("$.id", m);
        }
        if rs.version.trim().is_empty() {
            self.invalid("$.version", "must not be empty");
        }
        if rs.currency.len() != 3 || !rs.currency.chars().all(|c| c.is_ascii_uppercase()) {
            self.invalid(
                "$.currency",
                format!("`{}` is not an ISO 4217 code such as CNY", rs.currency),
            );
        }
        for (code, r) in &rs.fx_rates {
            let path = format!("$.fx_rates.{code}");
            if let Err(m) = fx_rate(code, r.0) {
                self.invalid(path, m);
            } else if *code == rs.currency {
                self.invalid(path, format!("{code} is the ruleset's own currency"));
            }
        }
        if rs.locales.is_empty() {
            self.invalid("$.locales", "at least one locale is needed");
        }
        if !rs.name.is_empty() {
            self.text(&rs.name, "$.name");
        }
        for (name, def) in &rs.inputs {
            let path = format!("$.inputs.{name}");
            if let Err(m) = domain::id(name) {
                self.invalid(path.clone(), m);
            }
            if metrics::builtin(name).is_some() {
                self.err(RulesetError::DuplicateId {
                    path: path.clone(),
                    id: name.clone(),
                });
            }
            if !def.label.is_empty() {
                self.text(&def.label, &format!("{path}.label"));
            }
        }
        for (name, m) in &rs.metrics {
            let path = format!("$.metrics.{name}");
            if let Err(e) = domain::id(name) {
                self.invalid(path.clone(), e);
            }
            if metrics::builtin(name).is_some() || rs.inputs.contains_key(name) {
                self.err(RulesetError::DuplicateId {
                    path: path.clone(),
                    id: name.clone(),
                });
            }
            self.text(&m.label, &format!("{path}.label"));
            if m.terms.is_empty() {
                self.invalid(format!("{path}.terms"), "at least one term is needed");
            }
            let mut terms = Vec::new();
            for (i, t) in m.terms.iter().enumerate() {
                let tp = format!("{path}.terms[{i}]");
                if t.per.0 <= Decimal::ZERO {
                    self.invalid(format!("{tp}.per"), "must be greater than zero");
                    continue;
                }
                let source = match &t.source {
                    Source::Metric(id) => {
                        if let Some((k, _)) = metrics::builtin(id) {
                            TermSource::Metric(Box::new(k))
                        } else if let Some(def) = rs.inputs.get(id) {
                            TermSource::Metric(Box::new(Kind::Input {
                                name: id.clone(),
                                default: def.default.map(|d| d.0),
                                unit: def.unit,
                            }))
                        } else {
                            self.err(RulesetError::UnknownMetric {
                                path: format!("{tp}.source.metric"),
                                metric: id.clone(),
                            });
                            continue;
                        }
                    }
                    Source::AverageBalance { families, months } => {
                        if families.is_empty() {
                            self.invalid(
                                format!("{tp}.source.average_balance.families"),
                                "at least one family is needed",
                            );
                        }
                        self.months(*months, &format!("{tp}.source.average_balance.months"));
                        TermSource::AverageBalance {
                            families: families.clone(),
                            months: *months,
                        }
                    }
                    Source::FeeIncome { months } => {
                        self.months(*months, &format!("{tp}.source.fee_income.months"));
                        TermSource::FeeIncome { months: *months }
                    }
                };
                terms.push(metrics::Term {
                    source,
                    points: t.points.0,
                    per: t.per.0,
                });
            }
            self.metric_bound(&terms, &path);
            self.sources.insert(
                name.clone(),
                m.terms
                    .iter()
                    .map(|t| (t.source.clone(), t.points.0, t.per.0))
                    .collect(),
            );
            self.derived
                .insert(name.clone(), (Kind::Derived(terms), m.unit));
        }
        match &rs.review.downgrade {
            Downgrade::AfterReviews { reviews } => {
                self.count(
                    *reviews,
                    1,
                    domain::MAX_REVIEWS,
                    "$.review.downgrade.reviews",
                );
            }
            Downgrade::Grace { months } => {
                let max = domain::MAX_POLICY_MONTHS;
                self.count(*months, 1, max, "$.review.downgrade.months");
            }
            Downgrade::Never => {}
        }
        let max = domain::MAX_POLICY_MONTHS;
        self.count(
            rs.review.min_tenure_months,
            0,
            max,
            "$.review.min_tenure_months",
        );
        if let Some(v) = &rs.vulnerability {
            for (i, band) in v.elderly.iter().enumerate() {
                let path = format!("$.vulnerability.elderly[{i}]");
                self.count(
                    band.from_age,
                    0,
                    domain::MAX_AGE,
                    &format!("{path}.from_age"),
                );
                if let Some(t) = band.max_term_months {
                    let at = format!("{path}.max_term_months");
                    self.count(t, 0, domain::MAX_TERM_MONTHS, &at);
                }
            }
            if let Some(m) = &v.minors {
                let path = "$.vulnerability.minors.below_age";
                self.count(m.below_age, 0, domain::MAX_AGE, path);
            }
        }
        if rs.tiers.is_empty() {
            self.invalid("$.tiers", "at least one tier is needed");
        } else if rs.tiers.len() > 64 {
            self.invalid("$.tiers", "at most 64 tiers");
        }
        let mut ids = BTreeSet::new();
        let last = rs.tiers.len().saturating_sub(1);
        for (i, t) in rs.tiers.iter().enumerate() {
            let path = format!("$.tiers[{i}]");
            if let Err(m) = domain::id(&t.id) {
                self.invalid(format!("{path}.id"), m);
            } else if !ids.insert(t.id.as_str()) {
                self.err(RulesetError::DuplicateId {
                    path: format!("{path}.id"),
                    id: t.id.clone(),
                });
            }
            self.text(&t.name, &format!("{path}.name"));
            if !t.display_name.is_empty() {
                self.text(&t.display_name, &format!("{path}.display_name"));
            }
            if !t.description.is_empty() {
                self.text(&t.description, &format!("{path}.description"));
            }
            for (cat, items) in [
                ("brand_cards", &t.benefits.brand_cards),
                ("branch_channels", &t.benefits.branch_channels),
                ("e_channels", &t.benefits.e_channels),
                ("products", &t.benefits.products),
                ("extra_services", &t.benefits.extra_services),
            ] {
                for (k, item) in items.iter().enumerate() {
                    let at = format!("{path}.benefits.{cat}[{k}]");
                    if let Err(m) = domain::id(&item.kind) {
                        self.invalid(format!("{at}.kind"), m);
                    }
                    self.count(item.level, 0, domain::MAX_LEVEL, &format!("{at}.level"));
                    if item
                        .annual_cost
                        .is_some_and(|c| c.0.is_sign_negative() && !c.0.is_zero())
                    {
                        self.invalid(format!("{at}.annual_cost"), "must not be negative");
                    }
                    self.text(&item.text, &format!("{at}.text"));
                }
            }
            if let Some(c) = &t.color
                && !is_hex_colour(c)
            {
                self.invalid(
                    format!("{path}.color"),
                    format!("`{c}` is not a colour like #1a2b3c"),
                );
            }
            match (&t.criteria, i == last) {
                (Some(_), true) => self.err(RulesetError::NoFallback { path: format!("{path}.criteria") }),
                (None, false) => self.invalid(
                    format!("{path}.criteria"),
                    "only the last tier may have no criteria: it would match everyone and hide the tiers below",
                ),
                _ => {}
            }
        }
    }

    /// Compiles the value model's indicator metrics; checks weights, stars and the churn rule.
    pub(crate) fn value_model(&mut self, v: &ValueModel) -> Option<[(IndicatorKind, usize); 4]> {
        let mut slots = Vec::new();
        for (kind, name, ind) in [
            (IndicatorKind::Contribution, "contribution", &v.contribution),
            (IndicatorKind::Risk, "risk", &v.risk),
            (IndicatorKind::Reputation, "reputation", &v.reputation),
            (IndicatorKind::Relatedness, "relatedness", &v.relatedness),
        ] {
            let path = format!("$.value.{name}");
            if ind.full_at.0 <= Decimal::ZERO {
                self.invalid(format!("{path}.full_at"), "must be greater than zero");
            }
            let max_weight = Decimal::from(domain::MAX_WEIGHT);
            self.within(
                ind.weight.0,
                Decimal::ZERO,
                max_weight,
                &format!("{path}.weight"),
            );
            if let Some(slot) = self.slot(&ind.metric, &format!("{path}.metric")) {
                slots.push((kind, slot));
            }
        }
        if v.stars.windows(2).any(|w| w[0].0 >= w[1].0) {
            self.invalid("$.value.stars", "thresholds must rise");
        }
        for (i, star) in v.stars.iter().enumerate() {
            let path = format!("$.value.stars[{i}]");
            self.within(star.0, Decimal::ZERO, Decimal::ONE_HUNDRED, &path);
        }
        if let Some(c) = &v.churn {
            self.months(c.months, "$.value.churn.months");
            let hundred = Decimal::ONE_HUNDRED;
            self.within(
                c.min_score.0,
                Decimal::ZERO,
                hundred,
                "$.value.churn.min_score",
            );
            if c.drop_percent.0 <= Decimal::ZERO || c.drop_percent.0 > Decimal::ONE_HUNDRED {
                self.invalid("$.value.churn.drop_percent", "must be between 0 and 100");
            }
        }
        slots.try_into().ok()
    }

    pub(crate) fn moment_policy(&mut self, m: &MomentPolicy) {
        if m.large_flow.is_sign_negative() && !m.large_flow.is_zero() {
            self.invalid("$.moments.large_flow", "must not be negative");
        }
        for (name, v) in [
            ("near_tier_percent", m.near_tier_percent),
            ("downgrade_margin_percent", m.downgrade_margin_percent),
        ] {
            let path = format!("$.moments.{name}");
            self.within(v.0, Decimal::ZERO, Decimal::ONE_HUNDRED, &path);
        }
    }

    pub(crate) fn months(&mut self, n: u32, path: &str) {
        self.count(n, 1, MAX_MONTHS, path);
    }

    /// A whole number within `lo..=hi`.
    pub(crate) fn count(&mut self, n: u32, lo: u32, hi: u32, path: &str) {
        if !(lo..=hi).contains(&n) {
            self.invalid(path, format!("must be between {lo} and {hi} (got {n})"));
        }
    }

    /// A decimal within `lo..=hi`.
    pub(crate) fn within(&mut self, v: Decimal, lo: Decimal, hi: Decimal, path: &str) {
        if v < lo || v > hi {
            self.invalid(path, format!("must be between {lo} and {hi} (got {v})"));
        }
    }

    /// Refuses a derived metric that some customer could push beyond [`domain::MAX_METRIC`]:
    /// each term's largest value is `|points| × the source's largest / per`.
    pub(crate) fn metric_bound(&mut self, terms: &[metrics::Term], path: &str) {
        let limit = Decimal::from_i128_with_scale(domain::MAX_METRIC, 0);
        let mut bound = Some(Decimal::ZERO);
        for t in terms {
            let largest = match &t.source {
                TermSource::Metric(k) => k.largest(),
                TermSource::AverageBalance { .. } | TermSource::FeeIncome { .. } => {
                    domain::max_total()
                }
            };
            let term = t.points.abs().checked_mul(largest).and_then(|x| {
                (x <= limit * Decimal::ONE_HUNDRED)
                    .then_some(x)?
                    .checked_div(t.per)
            });
            bound = bound.zip(term).and_then(|(b, t)| b.checked_add(t));
        }
        if bound.is_none_or(|b| b > limit) {
            self.invalid(
                format!("{path}.terms"),
                "`points` and `per` let this metric reach beyond 10^25 for some customer: \
                 lower `points` or raise `per`",
            );
        }
    }

    pub(crate) fn slot(&mut self, id: &str, path: &str) -> Option<usize> {
        if let Some(&s) = self.slots.get(id) {
            return Some(s);
        }
        let (kind, unit) = if let Some(b) = metrics::builtin(id) {
            b
        } else if let Some(def) = self.rs.inputs.get(id) {
            (
                Kind::Input {
                    name: id.to_owned(),
                    default: def.default.map(|d| d.0),
                    unit: def.unit,
                },
                def.unit,
            )
        } else if let Some(d) = self.derived.get(id) {
            d.clone()
        } else {
            self.err(RulesetError::UnknownMetric {
                path: path.to_owned(),
                metric: id.to_owned(),
            });
            return None;
        };
        self.defs.push(metrics::Def {
            id: id.to_owned(),
            kind,
            unit,
        });
        self.slots.insert(id.to_owned(), self.defs.len() - 1);
        Some(self.defs.len() - 1)
    }

    pub(crate) fn criterion(&mut self, c: &Criterion, path: &str) -> Option<Crit> {
        match c {
            Criterion::All { all } | Criterion::Any { any: all } => {
                let key = if matches!(c, Criterion::All { .. }) {
                    "all"
                } else {
                    "any"
                };
                if all.is_empty() {
                    self.invalid(
                        format!("{path}.{key}"),
                        format!("`{key}` needs at least one criterion"),
                    );
                    return None;
                }
                let kids: Vec<Option<Crit>> = all
                    .iter()
                    .enumerate()
                    .map(|(i, k)| self.criterion(k, &format!("{path}.{key}[{i}]")))
                    .collect();
                let kids: Vec<Crit> = kids.into_iter().collect::<Option<_>>()?;
                if key == "all" {
                    self.never_holds_all(&kids, &format!("{path}.all"));
                    Some(Crit::All(kids))
                } else {
                    Some(Crit::Any(kids))
                }
            }
            Criterion::Compare(cmp) => {
                let slot = self.slot(&cmp.metric, &format!("{path}.metric"));
                let value = match &cmp.value {
                    Threshold::Number(d) => Some(d.0),
                    Threshold::Name(n) if cmp.metric == "education" => {
                        let e = Education::from_name(n).map(|e| Decimal::from(e.rank()));
                        if e.is_none() {
                            let names: Vec<&str> =
                                Education::ALL.iter().map(|e| e.name()).collect();
                            self.invalid(
                                format!("{path}.value"),
                                format!(
                                    "unknown education level `{n}`; expected one of {}",
                                    names.join(", ")
                                ),
                            );
                        }
                        e
                    }
                    Threshold::Name(n) => {
                        self.invalid(format!("{path}.value"), format!("`{n}` is not a number"));
                        None
                    }
                };
                let (slot, value) = (slot?, value?);
                self.threshold(slot, value, &format!("{path}.value"));
                let crit = Crit::Cmp {
                    slot,
                    op: cmp.op,
                    value,
                };
                self.never_holds_all(std::slice::from_ref(&crit), path);
                Some(crit)
            }
        }
    }

    /// A threshold within its metric's domain: ages up to [`domain::MAX_AGE`], money with at
    /// most two decimals (the currency's), counts, years and ranks whole.
    pub(crate) fn threshold(&mut self, slot: usize, value: Decimal, path: &str) {
        let d = &self.defs[slot];
        let (kind, unit) = (d.kind.clone(), d.unit);
        if kind == Kind::Age {
            let max = Decimal::from(domain::MAX_AGE);
            self.within(value, Decimal::ZERO, max, path);
        }
        if unit == Unit::Money && value.scale() > crate::dec::MONEY_DECIMALS as u32 {
            let n = crate::dec::MONEY_DECIMALS;
            self.invalid(
                path,
                format!("`{value}` has more than {n} decimals; money has {n}"),
            );
        }
    }

    /// Reports an `all` whose comparisons on one metric leave no value possible.
    pub(crate) fn never_holds_all(&mut self, kids: &[Crit], path: &str) {
        let mut by_slot: BTreeMap<usize, Vec<(Op, Decimal)>> = BTreeMap::new();
        for k in kids {
            if let Crit::Cmp { slot, op, value } = k {
                by_slot.entry(*slot).or_default().push((*op, *value));
            }
        }
        for (slot, cmps) in by_slot {
            let d = &self.defs[slot];
            let mut iv = Interval::domain(&d.kind);
            for (op, v) in &cmps {
                iv.apply(*op, *v, d.kind.is_integral());
            }
            if iv.is_empty() {
                let text: Vec<String> = cmps
                    .iter()
                    .map(|(op, v)| format!("{} {} {v}", d.id, op.name()))
                    .collect();
                let reason = if cmps.len() == 1 {
                    format!("{} is outside the values {} can take", text.join(""), d.id)
                } else {
                    format!("{} contradict each other", text.join(" and "))
                };
                self.err(RulesetError::NeverHolds {
                    path: path.to_owned(),
                    reason,
                });
            }
        }
    }

    /// Lower bounds down the ladder must not rise: a lower tier asking more than the one
    /// above it is almost always a typo.
    pub(crate) fn check_order(&mut self, criteria: &[Option<Crit>]) {
        let mut last: HashMap<usize, (Decimal, String)> = HashMap::new();
        for (i, c) in criteria.iter().enumerate() {
            let mut bounds = Vec::new();
            match c {
                Some(Crit::Cmp {
                    slot,
                    op: Op::Gte | Op::Gt,
                    value,
                }) => {
                    bounds.push((*slot, *value, format!("$.tiers[{i}].criteria.value")));
                }
                Some(Crit::All(kids)) => {
                    for (k, kid) in kids.iter().enumerate() {
                        if let Crit::Cmp {
                            slot,
                            op: Op::Gte | Op::Gt,
                            value,
                        } = kid
                        {
                            bounds.push((
                                *slot,
                                *value,
                                format!("$.tiers[{i}].criteria.all[{k}].value"),
                            ));
                        }
                    }
                }
                _ => {}
            }
            let id = self.rs.tiers[i].id.clone();
            for (slot, value, path) in bounds {
                if let Some((above_v, above)) = last.get(&slot)
                    && value > *above_v
                {
                    self.err(RulesetError::ThresholdOrder {
                        path,
                        tier: id.clone(),
                        above: above.clone(),
                        metric: self.defs[slot].id.clone(),
                        op: ">=".into(),
                        value: value.normalize().to_string(),
                    });
                }
                last.insert(slot, (value, id.clone()));
            }
        }
    }
}
