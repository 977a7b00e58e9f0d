//! What a tier brings and what changes between two tiers, compared by benefit kind and
//! level, never by text: a higher level of the same kind is an upgrade, not a loss and a gain.

pub use crate::output::benefits::{BenefitDiff, LevelChange, Marked, Standing, TierBenefit};

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

/// Everything tier `i` brings (as [`of_tier`]), each marked against the tier just below
/// (`i + 1`, the ladder being highest first): gained, upgraded or the same. On the lowest
/// tier everything is the same.
#[must_use]
pub fn against_below(rs: &Ruleset, i: usize) -> Vec<Marked> {
    let below = (i + 1 < rs.tiers.len()).then(|| of_tier(rs, i + 1));
    of_tier(rs, i)
        .into_iter()
        .map(|b| {
            let standing = match below.as_deref().map(|below| best(below, &b.kind)) {
                Some(None) => Standing::Gained,
                Some(Some(old)) if b.level > old.level => Standing::Upgraded,
                // Nothing below, or the same level (or lower) below.
                _ => Standing::Same,
            };
            Marked {
                benefit: b,
                standing,
            }
        })
        .collect()
}

/// The `n` benefits of tier `i` that say most about it, for a home screen: what it adds
/// over the tier below (gained or upgraded) before what it shares with it; one per
/// category in turn — extra services, brand and cards, branch channels, e-channels,
/// products: what sets a tier apart before what every tier offers — so the picks are not
/// three cards; the highest level first within a category. Levels compare within a kind
/// only, so they never rank one category against another.
#[must_use]
pub fn highlights(rs: &Ruleset, i: usize, n: usize) -> Vec<Marked> {
    const ORDER: [BenefitCategory; 5] = [
        BenefitCategory::ExtraServices,
        BenefitCategory::BrandCards,
        BenefitCategory::BranchChannels,
        BenefitCategory::EChannels,
        BenefitCategory::Products,
    ];
    let all = against_below(rs, i);
    let (adds, same): (Vec<Marked>, Vec<Marked>) =
        all.into_iter().partition(|m| m.standing != Standing::Same);
    let mut out = Vec::new();
    for mut pool in [adds, same] {
        // Highest level first; the sort is stable, so ties keep the ruleset's order.
        pool.sort_by_key(|m| std::cmp::Reverse(m.benefit.level));
        let mut by_category: Vec<Vec<Marked>> = ORDER
            .iter()
            .map(|c| {
                pool.iter()
                    .filter(|m| m.benefit.category == *c)
                    .cloned()
                    .collect()
            })
            .collect();
        for column in &mut by_category {
            column.reverse();
        }
        while out.len() < n && by_category.iter().any(|c| !c.is_empty()) {
            for column in &mut by_category {
                if out.len() < n {
                    out.extend(column.pop());
                }
            }
        }
    }
    out
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
