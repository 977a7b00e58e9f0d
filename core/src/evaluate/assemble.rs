//! One way to assemble an engine: a ruleset, validated once, and the catalog chosen
//! explicitly; also parsing the two documents with the first syntax problem's path.

use crate::Engine;
use crate::catalog::Catalog;
use crate::error::{RulesetError, RulesetErrors};
use crate::parse_catalog;
use crate::parse_ruleset;
use crate::review::Reviews;
use crate::ruleset::Ruleset;
use crate::validate::Crit;
use crate::validate::ruleset::Compiler;

/// Which product catalog an engine gets. The one way to assemble an engine is
/// [`Engine::assemble`], so every face picks the catalog the same way, and says which.
#[derive(Clone, Debug)]
pub enum CatalogChoice {
    /// No catalog: no offers.
    None,
    /// The catalog shipped for the ruleset's id, when there is one and it fits (a bank's own
    /// ruleset under a shipped id may rename tiers; then there are no offers).
    Shipped,
    /// This catalog; it must fit the ruleset.
    Given(Box<Catalog>),
}

/// Which document an assembly problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// The ruleset.
    Ruleset,
    /// The product catalog.
    Catalog,
}

impl Document {
    /// `ruleset` or `catalog`, as error envelopes name it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Document::Ruleset => "ruleset",
            Document::Catalog => "catalog",
        }
    }
}

/// Why an engine could not be assembled: the document and every problem in it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}: {errors}", document.name())]
pub struct AssemblyError {
    /// The document at fault.
    pub document: Document,
    /// Every problem, with its path.
    pub errors: RulesetErrors,
}

impl Engine {
    /// Validates a ruleset and adds the chosen catalog: the one way faces build an engine.
    pub fn assemble(ruleset: Ruleset, catalog: CatalogChoice) -> Result<Self, AssemblyError> {
        let engine = Engine::new(ruleset).map_err(|errors| AssemblyError {
            document: Document::Ruleset,
            errors,
        })?;
        match catalog {
            CatalogChoice::None => Ok(engine),
            CatalogChoice::Shipped => Ok(engine.with_shipped_catalog()),
            CatalogChoice::Given(c) => engine.with_catalog(*c).map_err(|errors| AssemblyError {
                document: Document::Catalog,
                errors,
            }),
        }
    }

    /// [`Engine::assemble`] from JSON text: the ruleset, and the catalog's text or `None` for
    /// the shipped one (`CatalogChoice::Shipped`).
    pub fn assemble_json(ruleset: &str, catalog: Option<&str>) -> Result<Self, AssemblyError> {
        let rs = parse_ruleset(ruleset).map_err(|errors| AssemblyError {
            document: Document::Ruleset,
            errors,
        })?;
        let choice = match catalog {
            None => CatalogChoice::Shipped,
            Some(json) => {
                let catalog = parse_catalog(json).map_err(|errors| AssemblyError {
                    document: Document::Catalog,
                    errors,
                })?;
                CatalogChoice::Given(Box::new(catalog))
            }
        };
        Engine::assemble(rs, choice)
    }

    /// Validates and compiles a ruleset, reporting every problem found.
    pub fn new(ruleset: Ruleset) -> Result<Self, RulesetErrors> {
        let mut c = Compiler::new(&ruleset);
        c.check();
        let criteria: Vec<Option<Crit>> = ruleset
            .tiers
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.criteria
                    .as_ref()
                    .and_then(|k| c.criterion(k, &format!("$.tiers[{i}].criteria")))
            })
            .collect();
        c.check_order(&criteria);
        let value = ruleset.value.as_ref().and_then(|v| c.value_model(v));
        c.moment_policy(&ruleset.moments);
        let reviews = match Reviews::compile(&ruleset.review.schedule) {
            Ok(r) => Some(r),
            Err(errs) => {
                for (i, message) in errs {
                    c.err(RulesetError::Invalid {
                        path: format!("$.review.schedule.dates[{i}]"),
                        message,
                    });
                }
                None
            }
        };
        if !c.errors.is_empty() {
            return Err(RulesetErrors(c.errors));
        }
        let uses_assets = c.defs.iter().any(|d| d.kind.uses_assets());
        Ok(Engine {
            metrics: c.defs,
            sources: c.sources,
            criteria,
            reviews: reviews.unwrap_or(Reviews::Monthly),
            uses_assets,
            value,
            catalog: None,
            catalog_index: crate::recommend::Index::default(),
            ruleset,
        })
    }

    /// Adds a product catalog, validated against this ruleset; every problem with its path.
    pub fn with_catalog(self, catalog: Catalog) -> Result<Self, RulesetErrors> {
        let errs = crate::validate::catalog::validate(&catalog, &self.ruleset);
        if errs.is_empty() {
            Ok(self.attach(catalog))
        } else {
            Err(RulesetErrors(errs))
        }
    }

    /// Adds `catalog` if it fits this ruleset, else gives the engine back without it: for a
    /// shipped catalog offered to a bank's own ruleset, which may rename its tiers.
    #[must_use]
    pub fn with_catalog_if_it_fits(self, catalog: Catalog) -> Self {
        if crate::validate::catalog::validate(&catalog, &self.ruleset).is_empty() {
            self.attach(catalog)
        } else {
            self
        }
    }

    /// Adds the catalog shipped for this ruleset's id, when there is one and it fits: what
    /// [`CatalogChoice::Shipped`] does. Apart so a face can draw the tier card, which needs no
    /// catalog, before it parses one (the customer app does).
    #[must_use]
    pub fn with_shipped_catalog(self) -> Self {
        match crate::catalogs::for_ruleset(&self.ruleset.id) {
            Some(c) => self.with_catalog_if_it_fits(c),
            None => self,
        }
    }

    /// Adds a validated catalog and its index.
    pub(crate) fn attach(mut self, catalog: Catalog) -> Self {
        let tiers: Vec<&str> = self.tier_ids().collect();
        self.catalog_index = crate::recommend::index(&catalog, &tiers);
        self.catalog = Some(catalog);
        self
    }

    /// Parses ruleset JSON text and compiles it.
    pub fn from_json(json: &str) -> Result<Self, RulesetErrors> {
        Self::new(parse_ruleset(json)?)
    }
}
