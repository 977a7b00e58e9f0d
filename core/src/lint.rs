//! Ruleset lint: gaps, overlaps and unreachable tiers, for the product team.
