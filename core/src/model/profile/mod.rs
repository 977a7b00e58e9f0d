//! The customer profile as a bank's app passes it.
//!
//! Parsing is strict (unknown fields are refused). Semantic checks that need the ruleset or
//! the as-of date (future birth date, negative balances, unknown tier ids) run in
//! [`crate::Engine::evaluate`], which reports every problem at once.

mod from_json;

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::dec::{Dec, Money};
use crate::error::{ProfileError, ProfileErrors};
use crate::json::FromJson;
use crate::model::life::LifeScenario as Scenario;

/// One customer, as of the bank's last data load.
#[derive(Clone, Debug, Default, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(hashmap_as_object))]
pub struct Profile {
    /// The bank's customer id (opaque; never sent anywhere).
    pub id: String,
    /// Birth date, needed when the ruleset uses `age`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Highest education completed, needed when the ruleset uses `education`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// Occupation as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<String>,
    /// Risk-tolerance questionnaire result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskAssessment>,
    /// Products held at this bank.
    #[serde(default)]
    pub holdings: Vec<Holding>,
    /// Assets the customer declared at other institutions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_assets: Vec<ExternalAsset>,
    /// Monthly average daily balances, one entry per month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monthly: Vec<MonthlyBalance>,
    /// The tier the bank's systems hold for the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_history: Option<TierHistory>,
    /// A relationship manager's manual assignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manual_assignment: Option<ManualAssignment>,
    /// Extra numeric inputs declared by the ruleset (`inputs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, Dec>,
    /// Life scenarios the customer shared (travel, education …), for scenario marketing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Scenario>,
    /// Offers shown before and what the customer did, for the contact policy. Offer ids and
    /// dates only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<OfferHistory>,
    /// Recent cash flows (salary, large transfers), for key moments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cash_flows: Vec<CashFlow>,
    /// A minor's guardian acts with them (for the ruleset's minors policy).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guardian: bool,
    /// Average yearly income over the last three years, for the qualified-investor test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_income: Option<Money>,
    /// Years of investment experience, for the qualified-investor test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
    pub investment_experience_years: Option<u32>,
    /// Exchange rates for holdings and external assets in another currency than the
    /// ruleset's (本外币一体): units of the ruleset's currency per one unit, by ISO 4217 code,
    /// e.g. `{"USD": "7.1234"}`; above 0, at most 1,000,000. They override the ruleset's own
    /// `fx_rates`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("propertyNames" = {"pattern": "^[A-Z]{3}$"}))
    )]
    pub fx_rates: BTreeMap<String, Dec>,
    /// Linked household members' financial assets here (a summary, not their profiles), for
    /// the `aum_household` metric. In the ruleset's currency.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub household: Vec<HouseholdMember>,
}

/// A linked customer whose assets may count for the household (家庭) tier.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HouseholdMember {
    /// The member's customer id (opaque; never sent anywhere).
    pub id: String,
    /// The member's financial assets here (their `aum`), in the ruleset's currency; never
    /// negative.
    pub aum: Money,
}

/// What happened to an offer before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct OfferHistory {
    /// Product id.
    pub product: String,
    /// Times shown without the customer acting.
    #[serde(default)]
    pub shown: u32,
    /// Last time shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_shown: Option<NaiveDate>,
    /// When the customer dismissed it ("not now").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dismissed_on: Option<NaiveDate>,
    /// When the customer declined it ("no").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_on: Option<NaiveDate>,
}

/// A money movement on the customer's accounts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CashFlow {
    /// Booking date.
    pub date: NaiveDate,
    /// Amount: positive in, negative out.
    #[cfg_attr(feature = "schema", schemars(with = "crate::dec::SignedMoney"))]
    pub amount: Money,
    /// What it was.
    #[serde(default)]
    pub kind: FlowKind,
}

/// Kinds of cash flow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum FlowKind {
    /// Salary paid in (代发工资).
    Salary,
    /// A transfer in or out.
    Transfer,
    /// Anything else.
    #[default]
    Other,
}

impl Profile {
    /// Parses a profile from JSON text, naming the field of the first syntax problem.
    pub fn from_json(json: &str) -> Result<Self, ProfileErrors> {
        crate::json::from_str(json).map_err(|e| {
            ProfileErrors(vec![ProfileError::Parse {
                path: e.path,
                message: e.message,
            }])
        })
    }
}

/// Education levels, ordered; criteria compare ranks (`college` = 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Education {
    /// Primary school or none (小学及以下).
    Primary,
    /// Junior secondary (初中).
    JuniorSecondary,
    /// Senior or vocational secondary (高中/中专).
    SeniorSecondary,
    /// Junior college (大专).
    College,
    /// Bachelor's degree (本科).
    Bachelor,
    /// Master's degree (硕士).
    Master,
    /// Doctorate (博士).
    Doctorate,
}

impl Education {
    /// Every level, lowest first.
    pub const ALL: [Education; 7] = [
        Education::Primary,
        Education::JuniorSecondary,
        Education::SeniorSecondary,
        Education::College,
        Education::Bachelor,
        Education::Master,
        Education::Doctorate,
    ];

    /// Rank used in criteria: primary = 1 … doctorate = 7.
    #[must_use]
    pub fn rank(self) -> u32 {
        self as u32 + 1
    }

    /// The level with this JSON name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.name() == name)
    }
}

/// Risk tolerance C1 (conservative) to C5, from the questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RiskAssessment {
    /// Tolerance level.
    pub level: RiskLevel,
    /// When the questionnaire was answered; it expires.
    pub assessed_on: NaiveDate,
}

/// Customer risk tolerance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum RiskLevel {
    /// Conservative.
    C1,
    /// Cautious.
    C2,
    /// Balanced.
    C3,
    /// Growth.
    C4,
    /// Aggressive.
    C5,
}

/// Product families, as in the domain table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, FromJson)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Family {
    /// Demand deposit (活期).
    Deposit,
    /// Time deposit (定期).
    TimeDeposit,
    /// Bank wealth-management product (理财).
    WealthProduct,
    /// Mutual fund.
    Fund,
    /// Bond (incl. government bonds).
    Bond,
    /// Stock (third-party custody).
    Stock,
    /// Foreign exchange.
    Fx,
    /// Trust.
    Trust,
    /// Precious metal.
    PreciousMetal,
    /// Derivative.
    Derivative,
    /// Life or property insurance sold by the bank.
    Insurance,
    /// Pension / retirement account.
    Pension,
    /// Any loan (a liability).
    Loan,
    /// Debit or credit card.
    Card,
    /// Collection, payment and settlement services.
    Payment,
    /// Safe-deposit box.
    SafeDepositBox,
}

impl Family {
    /// Whether any amount put into this family raises the balance here: insurance counts in
    /// AUM at its cash value but a premium is not a deposit, and pension contributions are
    /// capped by law.
    #[must_use]
    pub fn is_investable(self) -> bool {
        self.is_asset() && !matches!(self, Family::Insurance | Family::Pension)
    }

    /// Whether balances in this family count as financial assets (AUM).
    #[must_use]
    pub fn is_asset(self) -> bool {
        !matches!(
            self,
            Family::Loan | Family::Card | Family::Payment | Family::SafeDepositBox
        )
    }
}

/// A product the customer holds.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Holding {
    /// Product id (the catalog's, where there is one).
    pub product: String,
    /// Product family.
    pub family: Family,
    /// Current balance (outstanding principal for a loan); never negative.
    #[serde(default)]
    pub balance: Money,
    /// ISO 4217 code of `balance` when it is not the ruleset's currency (a USD deposit);
    /// converted at `fx_rates`, rounded down to the cent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Z]{3}$")))]
    pub currency: Option<String>,
    /// Maturity date, for time deposits, wealth products and loans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity_date: Option<NaiveDate>,
}

/// Assets the customer declared at another institution.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ExternalAsset {
    /// Free-text label such as "another bank".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// Family, where known; counted as a demand deposit otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<Family>,
    /// Amount; never negative.
    pub balance: Money,
    /// ISO 4217 code of `balance` when it is not the ruleset's currency; converted at
    /// `fx_rates`, rounded down to the cent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Z]{3}$")))]
    pub currency: Option<String>,
}

/// A month's average daily balances.
#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(hashmap_as_object))]
pub struct MonthlyBalance {
    /// The month, `YYYY-MM`.
    pub month: Month,
    /// Average daily balance per family (loans included, as liabilities).
    #[cfg_attr(
        feature = "schema",
        schemars(extend("propertyNames" = {"$ref": "#/$defs/Family"}))
    )]
    pub avg_daily: BTreeMap<Family, Money>,
    /// Fee income the customer brought that month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_income: Option<Money>,
}

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "string"))]
pub struct Month {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
}

impl Month {
    /// The month containing `date`.
    #[must_use]
    pub fn of(date: NaiveDate) -> Self {
        use chrono::Datelike;
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month before.
    #[must_use]
    pub fn prev(self) -> Self {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for Month {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let err = || {
            format!(
                "`{}` is not a month like \"2026-10\" between {} and {}",
                crate::dec::clip(s),
                crate::domain::FIRST_YEAR,
                crate::domain::LAST_YEAR
            )
        };
        let (y, m) = s.split_once('-').ok_or_else(err)?;
        let year: i32 = y.parse().map_err(|_| err())?;
        let month: u32 = m.parse().map_err(|_| err())?;
        let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4
            || m.len() != 2
            || !digits(y)
            || !digits(m)
            || !(1..=12).contains(&month)
            || !(crate::domain::FIRST_YEAR..=crate::domain::LAST_YEAR).contains(&year)
        {
            return Err(err());
        }
        Ok(Month { year, month })
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Month {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Month".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" })
    }
}

/// The tier the bank's systems currently hold for the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TierHistory {
    /// The tier id.
    pub tier: String,
    /// Since when.
    pub since: NaiveDate,
    /// Consecutive completed reviews below the tier's bar.
    #[serde(default)]
    pub reviews_below: u32,
    /// When the customer first fell below the bar, if they are below it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below_since: Option<NaiveDate>,
}

/// A relationship manager's manual tier: a floor until it expires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, FromJson)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ManualAssignment {
    /// The tier id.
    pub tier: String,
    /// Why, as the manager wrote it.
    pub reason: String,
    /// First day it no longer applies.
    pub expires: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::Family;

    #[test]
    fn family_names_are_the_json_names() {
        use Family::*;
        for f in [
            Deposit,
            TimeDeposit,
            WealthProduct,
            Fund,
            Bond,
            Stock,
            Fx,
            Trust,
            PreciousMetal,
            Derivative,
            Insurance,
            Pension,
            Loan,
            Card,
            Payment,
            SafeDepositBox,
        ] {
            assert_eq!(serde_json::to_value(f).ok(), Some(f.name().into()));
            let name = format!("\"{}\"", f.name());
            assert_eq!(crate::json::from_str::<Family>(&name).ok(), Some(f));
        }
    }
}
