//! JSON Schemas of the documents Strata reads and writes.

use schemars::generate::SchemaSettings;

/// The documents with a schema.
pub const DOCUMENTS: [&str; 4] = ["ruleset", "catalog", "profile", "evaluation"];

/// The JSON Schema of `doc` (`ruleset`, `catalog`, `profile` or `evaluation`).
#[must_use]
pub fn schema(doc: &str) -> Option<serde_json::Value> {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = match doc {
        "ruleset" => generator.into_root_schema_for::<crate::Ruleset>(),
        "catalog" => generator.into_root_schema_for::<crate::catalog::Catalog>(),
        "profile" => generator.into_root_schema_for::<crate::Profile>(),
        "evaluation" => generator.into_root_schema_for::<crate::Evaluation>(),
        _ => return None,
    };
    serde_json::to_value(schema).ok()
}
