//! The engine a face starts with: the embedded cn-retail ruleset and catalog, or a bank's
//! ruleset and catalog by URL (`?ruleset=`, `?catalog=`, each pinnable with
//! `?ruleset_sha256=` / `?catalog_sha256=`), as the app and the kiosk read them.

use strata_core::{
    AssemblyError, CatalogChoice, Document, Engine, parse_catalog, parse_ruleset, rulesets,
};

use crate::error::LoadError;
use crate::services::{fetch, url};

/// The default engine: cn-retail with its catalog.
pub fn default_engine() -> Result<Engine, AssemblyError> {
    Engine::assemble(rulesets::cn_retail(), CatalogChoice::Shipped)
}

/// The default engine without its catalog yet: all the tier card needs, sooner. The catalog
/// follows with [`Engine::with_shipped_catalog`].
pub fn card_engine() -> Result<Engine, AssemblyError> {
    Engine::assemble(rulesets::cn_retail(), CatalogChoice::None)
}

/// The engine for a ruleset and a catalog given as JSON text, each `None` for the embedded
/// cn-retail one. Without a catalog, the shipped one for the ruleset's id where it fits:
/// core's one way to assemble an engine.
pub fn engine_from_json(
    ruleset: Option<&str>,
    catalog: Option<&str>,
) -> Result<Engine, AssemblyError> {
    let fault = |document| move |errors| AssemblyError { document, errors };
    let rs = match ruleset {
        Some(json) => parse_ruleset(json).map_err(fault(Document::Ruleset))?,
        None => rulesets::cn_retail(),
    };
    let choice = match catalog {
        Some(json) => CatalogChoice::Given(Box::new(
            parse_catalog(json).map_err(fault(Document::Catalog))?,
        )),
        None => CatalogChoice::Shipped,
    };
    Engine::assemble(rs, choice)
}

/// The text at `u`, pinned to `?<name>_sha256=` when the host gives one, or the error
/// saying why not.
pub async fn fetch_pinned(name: &str, u: &str) -> Result<String, LoadError> {
    let pin = url::param(&format!("{name}_sha256"));
    fetch::text(u, pin.as_deref())
        .await
        .map_err(|e| LoadError::of_fetch(&e, Some(u.to_owned())))
}

/// The engine for a bank's ruleset and/or catalog by URL: the ruleset replaces the default
/// one (with its shipped catalog when there is one); a catalog replaces the offers.
pub async fn load_engine(
    ruleset_url: Option<String>,
    catalog_url: Option<String>,
) -> Result<Engine, LoadError> {
    let ruleset = match &ruleset_url {
        Some(u) => Some(fetch_pinned("ruleset", u).await?),
        None => None,
    };
    let catalog = match &catalog_url {
        Some(u) => Some(fetch_pinned("catalog", u).await?),
        None => None,
    };
    engine_from_json(ruleset.as_deref(), catalog.as_deref()).map_err(|e| {
        let url = match e.document {
            Document::Ruleset => ruleset_url.clone(),
            Document::Catalog => catalog_url.clone(),
        };
        LoadError::of_assembly(&e, url)
    })
}
