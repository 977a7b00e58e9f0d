//! The engine's two error boundaries: rulesets and profiles.
//!
//! Each error names the JSON path of the offending field (`$.tiers[2].criteria.metric`) and
//! serializes to a stable `{ "type", "path", "message" }` shape for JS and the CLI.

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeStruct;

/// A problem in a ruleset.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RulesetError {
    /// Not valid JSON, or not the ruleset shape (unknown field, wrong type).
    #[error("{message}")]
    Parse {
        /// Where.
        path: String,
        /// Parser message.
        message: String,
    },
    /// A criterion or term names a metric that does not exist.
    #[error("unknown metric `{metric}`")]
    UnknownMetric {
        /// Where.
        path: String,
        /// The name used.
        metric: String,
    },
    /// Two tiers, inputs or metrics share an id.
    #[error("duplicate id `{id}`")]
    DuplicateId {
        /// Where.
        path: String,
        /// The id.
        id: String,
    },
    /// A criterion that no customer can ever meet.
    #[error("criterion can never hold: {reason}")]
    NeverHolds {
        /// Where.
        path: String,
        /// Why.
        reason: String,
    },
    /// A lower tier asks more of a metric than a higher one.
    #[error(
        "threshold out of order: `{tier}` needs {metric} {op} {value}, more than `{above}` above it"
    )]
    ThresholdOrder {
        /// Where.
        path: String,
        /// Tier id.
        tier: String,
        /// The tier above.
        above: String,
        /// Metric.
        metric: String,
        /// Operator.
        op: String,
        /// Threshold.
        value: String,
    },
    /// A text lacks one of the ruleset's locales.
    #[error("missing `{locale}` translation")]
    MissingTranslation {
        /// Where.
        path: String,
        /// Locale.
        locale: String,
    },
    /// The last tier has criteria, so some customers would get no tier.
    #[error("the last tier must be a fallback without criteria")]
    NoFallback {
        /// Where.
        path: String,
    },
    /// A value out of its allowed range.
    #[error("{message}")]
    Invalid {
        /// Where.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl RulesetError {
    /// Stable machine-readable type.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            RulesetError::Parse { .. } => "parse",
            RulesetError::UnknownMetric { .. } => "unknown_metric",
            RulesetError::DuplicateId { .. } => "duplicate_id",
            RulesetError::NeverHolds { .. } => "never_holds",
            RulesetError::ThresholdOrder { .. } => "threshold_order",
            RulesetError::MissingTranslation { .. } => "missing_translation",
            RulesetError::NoFallback { .. } => "no_fallback",
            RulesetError::Invalid { .. } => "invalid",
        }
    }

    /// JSON path of the offending field.
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            RulesetError::Parse { path, .. }
            | RulesetError::UnknownMetric { path, .. }
            | RulesetError::DuplicateId { path, .. }
            | RulesetError::NeverHolds { path, .. }
            | RulesetError::ThresholdOrder { path, .. }
            | RulesetError::MissingTranslation { path, .. }
            | RulesetError::NoFallback { path }
            | RulesetError::Invalid { path, .. } => path,
        }
    }
}

/// A problem in a customer profile.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// Not valid JSON, or not the profile shape (unknown field, unknown education value …).
    #[error("{message}")]
    Parse {
        /// Where.
        path: String,
        /// Parser message.
        message: String,
    },
    /// A balance that cannot be negative is.
    #[error("must not be negative (got {value})")]
    Negative {
        /// Where.
        path: String,
        /// The value.
        value: String,
    },
    /// A date that cannot be after the as-of date is.
    #[error("{date} is after the as-of date {as_of}")]
    FutureDate {
        /// Where.
        path: String,
        /// The date.
        date: String,
        /// The as-of date.
        as_of: String,
    },
    /// The ruleset needs a field the profile leaves out.
    #[error("required by the ruleset's `{metric}` metric")]
    Missing {
        /// Where.
        path: String,
        /// The metric needing it.
        metric: String,
    },
    /// A tier id the ruleset does not have.
    #[error("unknown tier `{tier}`")]
    UnknownTier {
        /// Where.
        path: String,
        /// The id.
        tier: String,
    },
    /// An amount in a currency with no exchange rate into the ruleset's, in the profile's
    /// `fx_rates` or the ruleset's.
    #[error("no exchange rate from {currency} to {into}: give `fx_rates.{currency}`")]
    NoRate {
        /// The amount's `currency` field.
        path: String,
        /// Its currency.
        currency: String,
        /// The ruleset's currency.
        into: String,
    },
    /// Any other inconsistency.
    #[error("{message}")]
    Invalid {
        /// Where.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A sum, product or ratio left the range the engine computes in. The domains of
    /// [`crate::domain`] keep parsed documents clear of it; this is the net beneath them for
    /// profiles built in code.
    #[error("the values at this path add up beyond what the engine can compute ({metric})")]
    Overflow {
        /// The values that caused it (a list such as `$.holdings`, or one field).
        path: String,
        /// The metric being computed.
        metric: String,
    },
}

impl ProfileError {
    /// Stable machine-readable type.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            ProfileError::Parse { .. } => "parse",
            ProfileError::Negative { .. } => "negative",
            ProfileError::FutureDate { .. } => "future_date",
            ProfileError::Missing { .. } => "missing",
            ProfileError::UnknownTier { .. } => "unknown_tier",
            ProfileError::NoRate { .. } => "no_rate",
            ProfileError::Invalid { .. } => "invalid",
            ProfileError::Overflow { .. } => "overflow",
        }
    }

    /// JSON path of the offending field.
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            ProfileError::Parse { path, .. }
            | ProfileError::Negative { path, .. }
            | ProfileError::FutureDate { path, .. }
            | ProfileError::Missing { path, .. }
            | ProfileError::UnknownTier { path, .. }
            | ProfileError::NoRate { path, .. }
            | ProfileError::Invalid { path, .. }
            | ProfileError::Overflow { path, .. } => path,
        }
    }
}

macro_rules! error_list {
    ($list:ident, $item:ident, $what:literal) => {
        /// Every problem found, in document order.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
        #[serde(transparent)]
        pub struct $list(pub Vec<$item>);

        impl fmt::Display for $list {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{} {}", self.0.len(), $what)?;
                for e in &self.0 {
                    write!(f, "\n  {}: {e}", e.path())?;
                }
                Ok(())
            }
        }

        impl std::error::Error for $list {}

        impl Serialize for $item {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct(stringify!($item), 3)?;
                st.serialize_field("type", self.kind())?;
                st.serialize_field("path", self.path())?;
                st.serialize_field("message", &self.to_string())?;
                st.end()
            }
        }
    };
}

error_list!(RulesetErrors, RulesetError, "ruleset problem(s)");
error_list!(ProfileErrors, ProfileError, "profile problem(s)");
