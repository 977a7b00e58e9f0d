//! How the strict reader reads a profile.

use crate::Profile;
use crate::json::{Error, FromJson, Json, JsonKey, Path, expected};
use crate::profile::CashFlow;
use crate::profile::Education;
use crate::profile::ExternalAsset;
use crate::profile::Family;
use crate::profile::FlowKind;
use crate::profile::Holding;
use crate::profile::HouseholdMember;
use crate::profile::ManualAssignment;
use crate::profile::Month;
use crate::profile::MonthlyBalance;
use crate::profile::OfferHistory;
use crate::profile::RiskAssessment;
use crate::profile::RiskLevel;
use crate::profile::TierHistory;
use crate::{json_names, json_struct};

json_struct!(Profile {
    id: required,
    birth_date: optional,
    education: optional,
    occupation: optional,
    risk: optional,
    holdings: or_default,
    external_assets: or_default,
    monthly: or_default,
    tier_history: optional,
    manual_assignment: optional,
    attributes: or_default,
    interests: or_default,
    offers: or_default,
    cash_flows: or_default,
    guardian: or_default,
    annual_income: optional,
    investment_experience_years: optional,
    fx_rates: or_default,
    household: or_default,
});
json_struct!(HouseholdMember {
    id: required,
    aum: required,
});
json_struct!(OfferHistory {
    product: required,
    shown: or_default,
    last_shown: optional,
    dismissed_on: optional,
    declined_on: optional,
});
json_struct!(CashFlow {
    date: required,
    amount: required,
    kind: or_default,
});
json_names!(FlowKind {
    Salary = "salary",
    Transfer = "transfer",
    Other = "other",
});
json_names!(Education {
    Primary = "primary",
    JuniorSecondary = "junior_secondary",
    SeniorSecondary = "senior_secondary",
    College = "college",
    Bachelor = "bachelor",
    Master = "master",
    Doctorate = "doctorate",
});
json_struct!(RiskAssessment {
    level: required,
    assessed_on: required,
});
json_names!(RiskLevel {
    C1 = "C1",
    C2 = "C2",
    C3 = "C3",
    C4 = "C4",
    C5 = "C5",
});
json_names!(Family {
    Deposit = "deposit",
    TimeDeposit = "time_deposit",
    WealthProduct = "wealth_product",
    Fund = "fund",
    Bond = "bond",
    Stock = "stock",
    Fx = "fx",
    Trust = "trust",
    PreciousMetal = "precious_metal",
    Derivative = "derivative",
    Insurance = "insurance",
    Pension = "pension",
    Loan = "loan",
    Card = "card",
    Payment = "payment",
    SafeDepositBox = "safe_deposit_box",
});

impl JsonKey for Family {
    fn read_key(k: &str, path: &Path<'_>) -> Result<Self, Error> {
        Family::read(&Json::String(k.into()), path)
    }
}

json_struct!(Holding {
    product: required,
    family: required,
    balance: or_default,
    currency: optional,
    maturity_date: optional,
});
json_struct!(ExternalAsset {
    institution: optional,
    family: optional,
    balance: required,
    currency: optional,
});
json_struct!(MonthlyBalance {
    month: required,
    avg_daily: required,
    fee_income: optional,
});

impl FromJson for Month {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        match v {
            Json::String(s) => s.parse().map_err(|m: String| Error::at(path, m)),
            _ => expected(v, path, "a month string such as \"2026-10\""),
        }
    }
}

json_struct!(TierHistory {
    tier: required,
    since: required,
    reviews_below: or_default,
    below_since: optional,
});
json_struct!(ManualAssignment {
    tier: required,
    reason: required,
    expires: required,
});
