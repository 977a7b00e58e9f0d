//! What every page reads: the language, the engine, the profile and its evaluation, bundled
//! so pages take one prop and re-render only when one of them changes.

use chrono::NaiveDate;
use strata_core::evaluation::Evaluation;
use strata_core::ruleset::Tier;
use strata_core::{Engine, Profile};
use strata_ui::i18n::Locale;
use strata_ui::sentences::Ctx;
use strata_ui::shared::{EngineRef, Shared};

/// The data a page renders.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// Language.
    pub locale: Locale,
    /// Ruleset and catalog.
    pub engine: EngineRef,
    /// The customer's profile.
    pub profile: Shared<Profile>,
    /// The date evaluated on.
    pub as_of: NaiveDate,
    /// The evaluation.
    pub eval: Shared<Evaluation>,
    /// Whether the offers are still to come (the catalog is added after the tier card).
    pub offers_pending: bool,
}

impl View {
    /// The engine.
    #[must_use]
    pub fn engine(&self) -> &Engine {
        &self.engine.0
    }

    /// What sentences need.
    #[must_use]
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            locale: self.locale,
            ruleset: self.engine.0.ruleset(),
            catalog: self.engine.0.catalog(),
        }
    }

    /// The customer's tier as the ruleset defines it.
    #[must_use]
    pub fn tier(&self) -> Option<&Tier> {
        self.engine.0.ruleset().tiers.get(self.eval.tier.rank)
    }
}
