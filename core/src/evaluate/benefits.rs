//! What a tier brings and what changes between two tiers, compared by benefit kind and
//! level, never by text: a higher level of the same kind is an upgrade, not a loss and a gain.

pub use crate::output::benefits::{BenefitDiff, LevelChange, TierBenefit};

use crate::ruleset::{Benefit, BenefitCategory, Ruleset};

/// Everything tier `i` brings, in category order: its own benefits and, with
/// `cumulative_benefits`, those of the tiers below whose kind it does not list itself.
#[must_use]
pub fn of_tier(rs: &Ruleset, i: usize) -> Vec<TierBenefit> {
    let Some(tier) = rs.tiers.get(i) else {
        return Vec::new();
    };
    let own = |t: &crate::ruleset::Tier| -> Vec<TierBenefit> {
        t.benefits
            .categories()
            .into_iter()
            .flat_map(|(category, items)| items.iter().map(move |b| item(category, b)))
            .collect()
    };
    let mut all = own(tier);
    if rs.cumulative_benefits {
        for below in rs.tiers.iter().skip(i + 1) {
            for b in own(below) {
                if !all.iter().any(|a| a.kind == b.kind) {
                    all.push(b);
                }
            }
        }
        all.sort_by_key(|b| category_order(b.category));
    }
    all
}

/// What changes from tier `from` to tier `to`.
#[must_use]
pub fn diff(rs: &Ruleset, from: usize, to: usize) -> BenefitDiff {
    let before = of_tier(rs, from);
    let after = of_tier(rs, to);
    let mut d = BenefitDiff::default();
    for kind in kinds(&after) {
        let new = best(&after, kind);
        match best(&before, kind) {
            None => d
                .gained
                .extend(after.iter().filter(|b| b.kind == kind).cloned()),
            Some(old) if new.is_some_and(|n| n.level > old.level) => {
                d.upgraded.extend(new.map(|n| LevelChange {
                    from: old.clone(),
                    to: n.clone(),
                }));
            }
            Some(old) if new.is_some_and(|n| n.level < old.level) => {
                d.downgraded.extend(new.map(|n| LevelChange {
                    from: old.clone(),
                    to: n.clone(),
                }));
            }
            Some(_) => d
                .kept
                .extend(after.iter().filter(|b| b.kind == kind).cloned()),
        }
    }
    for kind in kinds(&before) {
        if best(&after, kind).is_none() {
            d.lost
                .extend(before.iter().filter(|b| b.kind == kind).cloned());
        }
    }
    d
}

fn item(category: BenefitCategory, b: &Benefit) -> TierBenefit {
    TierBenefit {
        category,
        kind: b.kind.clone(),
        level: b.level,
        annual_cost: b.annual_cost,
        text: b.text.clone(),
    }
}

fn category_order(c: BenefitCategory) -> u8 {
    match c {
        BenefitCategory::BrandCards => 0,
        BenefitCategory::BranchChannels => 1,
        BenefitCategory::EChannels => 2,
        BenefitCategory::Products => 3,
        BenefitCategory::ExtraServices => 4,
    }
}

/// The distinct kinds in order of first appearance.
fn kinds(items: &[TierBenefit]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for b in items {
        if !out.contains(&b.kind.as_str()) {
            out.push(&b.kind);
        }
    }
    out
}

/// The highest-level benefit of a kind.
fn best<'a>(items: &'a [TierBenefit], kind: &str) -> Option<&'a TierBenefit> {
    items
        .iter()
        .filter(|b| b.kind == kind)
        .max_by_key(|b| b.level)
}
