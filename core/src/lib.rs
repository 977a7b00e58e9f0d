//! Strata's tiering engine.
//!
//! A bank's product team writes a [`Ruleset`] (an ordered ladder of tiers with criteria over
//! metrics, benefits, review and downgrade policy). [`Engine::new`] validates it once, reporting
//! every problem with its JSON path; [`Engine::evaluate`] then gives a customer's tier, the
//! criteria behind it, the gap to each tier above, the tier assets held elsewhere would give,
//! and what keeps the tier at the next review.
//!
//! The crate is pure: no clock, no I/O. The caller passes the as-of date and the data.
//!
//! ```
//! use strata_core::{Engine, Profile, rulesets};
//!
//! let engine = Engine::new(rulesets::cn_retail()).expect("the shipped ruleset is valid");
//! let profile = Profile::from_json(r#"{
//!     "id": "c-1", "birth_date": "1990-05-12", "education": "bachelor",
//!     "holdings": [{ "product": "demand", "family": "deposit", "balance": "162500.00" }]
//! }"#).expect("valid profile");
//! let eval = engine.evaluate(&profile, "2026-11-25".parse().expect("date")).expect("evaluates");
//! assert_eq!(eval.tier.id, "mid_lower");
//! assert_eq!(eval.next.expect("a tier above").amount.expect("money").to_string(), "37500");
//! ```

pub mod batch;
pub mod catalogs;
pub mod conditions;
pub mod csv;
pub mod dec;
pub mod describe;
pub mod domain;
#[doc(hidden)]
pub mod embed;
pub mod error;
pub mod evaluate;
pub mod lint;
pub mod model;
pub mod output;
pub mod probes;
pub mod read;
pub mod recommend;
pub mod rulesets;
#[cfg(feature = "schema")]
pub mod schema;
pub mod summary;
pub mod validate;
#[cfg(feature = "wasm")]
pub mod wasm;

// The paths before the folders, kept so code and callers written against them still build.
pub use evaluate as engine;
pub use evaluate::{benefits, moments, review, scenario, value};
pub use model::{catalog, metrics, profile, ruleset, text};
pub use output::evaluation;
pub use read as json;

pub use dec::{Dec, Money};
pub use engine::{AssemblyError, CatalogChoice, Document, Engine, parse_catalog, parse_ruleset};
pub use error::{ProfileError, ProfileErrors, RulesetError, RulesetErrors};
pub use evaluation::Evaluation;
pub use profile::Profile;
pub use ruleset::Ruleset;
pub use text::Text;
