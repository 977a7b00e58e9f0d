//! How the strict reader reads a ruleset.

use crate::Ruleset;
use crate::dec::Dec;
use crate::json::{Error, FromJson, Json, Obj, Path, expected};
use crate::ruleset::Benefit;
use crate::ruleset::Benefits;
use crate::ruleset::ChurnRule;
use crate::ruleset::Criterion;
use crate::ruleset::DerivedMetric;
use crate::ruleset::Downgrade;
use crate::ruleset::DowngradeTo;
use crate::ruleset::ElderlyBand;
use crate::ruleset::Indicator;
use crate::ruleset::InputDef;
use crate::ruleset::Maintainer;
use crate::ruleset::Minors;
use crate::ruleset::MomentPolicy;
use crate::ruleset::Op;
use crate::ruleset::Review;
use crate::ruleset::Schedule;
use crate::ruleset::ServiceRoute;
use crate::ruleset::Source;
use crate::ruleset::Term;
use crate::ruleset::Threshold;
use crate::ruleset::Tier;
use crate::ruleset::Unit;
use crate::ruleset::ValueModel;
use crate::ruleset::Vulnerability;
use crate::ruleset::criterion::RawCriterion;
use crate::ruleset::one;
use crate::{json_names, json_struct};

json_struct!(Ruleset {
    id: required,
    version: required,
    name: or_default,
    currency: required,
    fx_rates: or_default,
    locales: required,
    cumulative_benefits: or_default,
    inputs: or_default,
    metrics: or_default,
    review: required,
    tiers: required,
    value: optional,
    moments: or_default,
    vulnerability: optional,
});
json_struct!(Vulnerability {
    elderly: or_default,
    minors: optional,
});
json_struct!(ElderlyBand {
    from_age: required,
    max_risk: optional,
    max_term_months: optional,
});
json_struct!(Minors {
    below_age: required,
    credit: or_default,
    investment_needs_guardian: or_default,
});
json_struct!(ValueModel {
    contribution: required,
    risk: required,
    reputation: required,
    relatedness: required,
    stars: required,
    churn: optional,
});
json_struct!(Indicator {
    metric: required,
    full_at: required,
    invert: or_default,
    weight: required,
});
json_struct!(ChurnRule {
    min_score: required,
    months: required,
    drop_percent: required,
});
json_struct!(MomentPolicy {
    maturity_days: required,
    recent_days: required,
    large_flow: required,
    near_tier_percent: required,
    downgrade_margin_percent: required,
});
json_names!(Unit {
    Money = "money",
    Points = "points",
    Years = "years",
    Count = "count",
    Rank = "rank",
    Number = "number",
});
json_struct!(InputDef {
    unit: required,
    label: or_default,
    default: optional,
});
json_struct!(DerivedMetric {
    label: required,
    unit: required,
    terms: required,
});
json_struct!(Term {
    source: required,
    points: required,
    per: or_else(one),
});

impl FromJson for Source {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        const FORMS: &str = "an object with one of `metric`, `average_balance`, `fee_income`";
        let Json::Object(members) = v else {
            return expected(v, path, FORMS);
        };
        let [(key, inner)] = members.as_slice() else {
            return expected(v, path, &format!("{FORMS} (exactly one)"));
        };
        let path = path.key(key);
        match &**key {
            "metric" => String::read(inner, &path).map(Source::Metric),
            "average_balance" => {
                let o = Obj::new(inner, &path, &["families", "months"])?;
                Ok(Source::AverageBalance {
                    families: o.required("families")?,
                    months: o.required("months")?,
                })
            }
            "fee_income" => {
                let o = Obj::new(inner, &path, &["months"])?;
                Ok(Source::FeeIncome {
                    months: o.required("months")?,
                })
            }
            _ => Err(Error::at(
                &path,
                format!(
                    "unknown field `{key}`; expected one of `metric`, `average_balance`, \
                     `fee_income`"
                ),
            )),
        }
    }
}

json_struct!(Review {
    schedule: required,
    downgrade: required,
    downgrade_to: or_default,
    min_tenure_months: or_default,
});

/// The `type` of an internally tagged object, from `names`.
pub(crate) fn tag<T: Copy>(
    o: &Obj<'_, '_>,
    path: &Path<'_>,
    names: &[(&str, T)],
) -> Result<T, Error> {
    match o.get("type") {
        Some(t) => crate::json::one_of(t, &path.key("type"), names),
        None => Err(Error::at(&path.key("type"), "missing field `type`")),
    }
}

impl FromJson for Schedule {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        let o = Obj::open(v, path)?;
        if tag(&o, path, &[("monthly", false), ("dates", true)])? {
            o.only(&["type", "dates"])?;
            Ok(Schedule::Dates {
                dates: o.required("dates")?,
            })
        } else {
            o.only(&["type"])?;
            Ok(Schedule::Monthly)
        }
    }
}

impl FromJson for Downgrade {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        let o = Obj::open(v, path)?;
        match tag(
            &o,
            path,
            &[("never", 0), ("after_reviews", 1), ("grace", 2)],
        )? {
            0 => {
                o.only(&["type"])?;
                Ok(Downgrade::Never)
            }
            1 => {
                o.only(&["type", "reviews"])?;
                Ok(Downgrade::AfterReviews {
                    reviews: o.required("reviews")?,
                })
            }
            _ => {
                o.only(&["type", "months"])?;
                Ok(Downgrade::Grace {
                    months: o.required("months")?,
                })
            }
        }
    }
}

json_names!(DowngradeTo {
    OneDown = "one_down",
    Qualified = "qualified",
});
json_struct!(Tier {
    id: required,
    name: required,
    display_name: or_default,
    description: or_default,
    criteria: optional,
    benefits: or_default,
    maintained_by: required,
    service_route: required,
    priority: or_default,
    color: optional,
});
json_struct!(Benefits {
    brand_cards: or_default,
    branch_channels: or_default,
    e_channels: or_default,
    products: or_default,
    extra_services: or_default,
});
json_struct!(Benefit {
    kind: required,
    level: or_default,
    annual_cost: optional,
    text: required,
});
json_names!(Maintainer {
    RelationshipManager = "relationship_manager",
    Outlet = "outlet",
    Teller = "teller",
    LargeCustomerDepartment = "large_customer_department",
    SpecialistTeam = "specialist_team",
});
json_names!(ServiceRoute {
    PrivateBankingCentre = "private_banking_centre",
    RelationshipManager = "relationship_manager",
    WealthCentre = "wealth_centre",
    PriorityCounter = "priority_counter",
    SelfService = "self_service",
    Counter = "counter",
    CorporateDepartment = "corporate_department",
});
json_struct!(RawCriterion {
    all: optional,
    any: optional,
    metric: optional,
    op: optional,
    value: optional,
});

impl FromJson for Criterion {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        RawCriterion::read(v, path)?
            .try_into()
            .map_err(|m: String| Error::at(path, m))
    }
}

impl FromJson for Threshold {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        // A string that is not a decimal is a level name; the engine checks the name.
        match v {
            // A string that starts like a number is read as one, so that "1e5" or too many
            // decimals get the grammar's message rather than "unknown level".
            Json::String(s) if s.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c)) => {
                s.parse::<Dec>()
                    .map(Threshold::Number)
                    .map_err(|m| crate::json::Error::at(path, m))
            }
            Json::String(s) => Ok(Threshold::Name(s.to_string())),
            Json::Number(n) => crate::json::number_dec(n, path).map(|d| Threshold::Number(Dec(d))),
            _ => expected(
                v,
                path,
                "a decimal string such as \"50000\", or a level name",
            ),
        }
    }
}

json_names!(Op {
    Gte = ">=",
    Gt = ">",
    Lte = "<=",
    Lt = "<",
    Eq = "==",
    Ne = "!=",
});
