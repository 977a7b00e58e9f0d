//! Text in several locales, as rulesets carry it.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

/// A string per locale tag, e.g. `{ "zh-CN": "私人银行客户", "en": "Private banking" }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "Record<string, string>"))]
// Shared, not copied: an evaluation hands the ruleset's and catalog's texts to every offer,
// benefit and tier it names, and a clone is then a reference count, not a map of strings.
pub struct Text(pub Arc<BTreeMap<String, String>>);

impl Text {
    /// The text in `locale`, else in the first locale that has it, else empty.
    #[must_use]
    pub fn get(&self, locale: &str) -> &str {
        self.0
            .get(locale)
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// A `MissingTranslation` error at `path` for each of `locales` this text lacks (or has
    /// only blank).
    #[must_use]
    pub fn missing(&self, locales: &[String], path: &str) -> Vec<crate::RulesetError> {
        locales
            .iter()
            .filter(|l| self.0.get(*l).is_none_or(|s| s.trim().is_empty()))
            .map(|l| crate::RulesetError::MissingTranslation {
                path: path.to_owned(),
                locale: l.clone(),
            })
            .collect()
    }

    /// Whether there is no text at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Builds a text from `(locale, text)` pairs.
    #[must_use]
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        Text(Arc::new(
            pairs
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
        ))
    }
}

impl crate::json::FromJson for Text {
    fn read(
        v: &crate::json::Json<'_>,
        path: &crate::json::Path<'_>,
    ) -> Result<Self, crate::json::Error> {
        crate::json::FromJson::read(v, path).map(|map| Text(Arc::new(map)))
    }
}
