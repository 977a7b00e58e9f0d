//! A what-if request: the change a customer imagines (add money, move it from another
//! bank, keep an average), read from JSON and applied to a copy of the profile.

use serde::Serialize;

use crate::dec::Money;
use crate::json::{Error, FromJson, Json, Obj, Path};

/// Product id of the money a scenario adds, so it never matches a catalog product.
pub const ADDED: &str = "what-if";

/// A change the customer imagines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Scenario {
    /// Bring `amount` of new money today, held as a deposit.
    Add {
        /// The amount.
        amount: Money,
    },
    /// Move `amount` here from the assets declared at other banks (at most what is declared).
    Move {
        /// The amount.
        amount: Money,
    },
    /// Keep the assets here at `amount` from today, so that the averages the ruleset reads
    /// follow; evaluated when the longest of them has passed, reviews in between counted.
    Keep {
        /// The amount.
        amount: Money,
    },
}

/// The kind of a scenario, for its slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ScenarioKind {
    /// [`Scenario::Add`].
    Add,
    /// [`Scenario::Move`].
    Move,
    /// [`Scenario::Keep`].
    Keep,
}

crate::json_names!(ScenarioKind {
    Add = "add",
    Move = "move",
    Keep = "keep",
});

impl Scenario {
    /// A scenario of `kind` with `amount`.
    #[must_use]
    pub fn new(kind: ScenarioKind, amount: Money) -> Self {
        match kind {
            ScenarioKind::Add => Scenario::Add { amount },
            ScenarioKind::Move => Scenario::Move { amount },
            ScenarioKind::Keep => Scenario::Keep { amount },
        }
    }

    /// Its kind.
    #[must_use]
    pub fn kind(&self) -> ScenarioKind {
        match self {
            Scenario::Add { .. } => ScenarioKind::Add,
            Scenario::Move { .. } => ScenarioKind::Move,
            Scenario::Keep { .. } => ScenarioKind::Keep,
        }
    }

    /// Its amount.
    #[must_use]
    pub fn amount(&self) -> Money {
        match self {
            Scenario::Add { amount } | Scenario::Move { amount } | Scenario::Keep { amount } => {
                *amount
            }
        }
    }
}

impl FromJson for Scenario {
    fn read(v: &Json<'_>, path: &Path<'_>) -> Result<Self, Error> {
        let o = Obj::open(v, path)?;
        let kind = crate::ruleset::tag(
            &o,
            path,
            &[
                ("add", ScenarioKind::Add),
                ("move", ScenarioKind::Move),
                ("keep", ScenarioKind::Keep),
            ],
        )?;
        o.only(&["type", "amount"])?;
        Ok(Scenario::new(kind, o.required("amount")?))
    }
}
