//! The rulesets shipped with Strata, embedded as JSON.

use crate::ruleset::Ruleset;

/// `(id, JSON text)` of every shipped ruleset.
pub const ALL: [(&str, &str); 5] = [
    ("cn-retail", crate::minify!("../rulesets/cn-retail.json")),
    (
        "cn-retail-5k",
        crate::minify!("../rulesets/cn-retail-5k.json"),
    ),
    ("cn-star", crate::minify!("../rulesets/cn-star.json")),
    (
        "cn-corporate",
        crate::minify!("../rulesets/cn-corporate.json"),
    ),
    ("us-rewards", crate::minify!("../rulesets/us-rewards.json")),
];

/// The JSON text of a shipped ruleset.
#[must_use]
pub fn json(id: &str) -> Option<&'static str> {
    ALL.iter().find(|(i, _)| *i == id).map(|(_, j)| *j)
}

/// A shipped ruleset by id.
#[must_use]
pub fn builtin(id: &str) -> Option<Ruleset> {
    json(id).and_then(|j| crate::parse_ruleset(j).ok())
}

/// The default ruleset: the seed retail tier table.
#[must_use]
pub fn cn_retail() -> Ruleset {
    // Parsed and validated by the test suite; an error here is a build defect.
    crate::parse_ruleset(crate::minify!("../rulesets/cn-retail.json"))
        .expect("shipped cn-retail ruleset parses")
}
