//! The engine a face starts with: the embedded cn-retail ruleset and catalog, or a bank's
//! ruleset and catalog by URL (`?ruleset=`, `?catalog=`, each pinnable with
//! `?ruleset_sha256=` / `?catalog_sha256=`), as the app and the kiosk read them.

use strata_core::{Engine, RulesetErrors, catalogs, rulesets};

use crate::error::{ErrorKind, LoadError};
use crate::services::{fetch, url};

/// The default engine: cn-retail with its catalog.
pub fn default_engine() -> Result<Engine, RulesetErrors> {
    let engine = Engine::new(rulesets::cn_retail())?;
    match catalogs::for_ruleset("cn-retail") {
        Some(catalog) => engine.with_catalog(catalog),
        None => Ok(engine),
    }
}

/// An engine for a ruleset passed as JSON, with the shipped catalog for its id when that
/// catalog fits it (a bank's own ruleset may rename tiers; then there are no offers).
pub fn engine_from_json(json: &str) -> Result<Engine, RulesetErrors> {
    let engine = Engine::from_json(json)?;
    Ok(match catalogs::for_ruleset(&engine.ruleset().id) {
        Some(catalog) => engine.with_catalog_if_it_fits(catalog),
        None => engine,
    })
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
    let mut engine = match ruleset_url {
        Some(u) => engine_from_json(&fetch_pinned("ruleset", &u).await?)
            .map_err(|e| LoadError::of_ruleset(ErrorKind::Ruleset, &e, Some(u.clone())))?,
        // The default ruleset, built afresh rather than cloned from the shared engine
        // (an engine clone is kilobytes of wasm); the bank's catalog then replaces the offers.
        None => Engine::new(rulesets::cn_retail())
            .map_err(|e| LoadError::of_ruleset(ErrorKind::Ruleset, &e, None))?,
    };
    if let Some(u) = catalog_url {
        let json = fetch_pinned("catalog", &u).await?;
        engine = strata_core::parse_catalog(&json)
            .and_then(|c| engine.with_catalog(c))
            .map_err(|e| LoadError::of_ruleset(ErrorKind::Catalog, &e, Some(u.clone())))?;
    }
    Ok(engine)
}
