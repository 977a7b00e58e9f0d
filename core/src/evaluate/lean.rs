//! The lean evaluation: what [`crate::summary::Summary`] shows, computed alone, without the
//! ladder trace, every gap, metrics, customer value or moments. It runs the same steps as
//! [`Engine::evaluate_with`] for what it computes (placement, the nearest reachable gap,
//! potential, retention, offers), so its summary is the full evaluation's (a test checks it
//! over every fixture and random variations of them).

use chrono::NaiveDate;

use crate::Engine;
use crate::dec::Dec;
use crate::error::ProfileErrors;
use crate::evaluate::gaps::{nearest, progress};
use crate::evaluate::ladder::here;
use crate::evaluation::{Basis, Change, Potential, Retention};
use crate::profile::Profile;
use crate::recommend::{Audience, Options, Recommendation};

/// The parts of an evaluation a summary reads; the same values as the [`crate::Evaluation`]
/// fields of the same names.
#[derive(Clone, Debug, PartialEq)]
pub struct Lean {
    /// The tier the customer has, as a ladder position.
    pub tier: usize,
    /// The plain ladder's tier, as a ladder position.
    pub qualified: usize,
    /// Why the tier is what it is.
    pub basis: Basis,
    /// The change from the tier held, if any.
    pub change: Option<Change>,
    /// The nearest tier above within reach of money (the evaluation's `reach`, less its bar).
    pub reach: Option<Near>,
    /// The tier declared external assets would give.
    pub potential: Option<Potential>,
    /// What keeps the tier at the next review.
    pub retention: Option<Retention>,
    /// The offers, best first (with a catalog).
    pub recommendations: Vec<Recommendation>,
}

/// The nearest tier above within reach of money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Near {
    /// The tier, as a ladder position.
    pub tier: usize,
    /// The money that reaches it.
    pub amount: Dec,
    /// The share of the deciding bar already met, from 0 to 1.
    pub progress: Dec,
}

impl Engine {
    /// Evaluates only what a summary shows: the parts of [`Engine::evaluate_with`]'s result
    /// that [`crate::summary::Summary`] reads, at a fraction of the work. `options.explain`
    /// is ignored (a summary has no place for the exclusions).
    pub fn lean(
        &self,
        profile: &Profile,
        as_of: NaiveDate,
        options: &Options,
    ) -> Result<Lean, ProfileErrors> {
        let staff = options.audience == Audience::Staff;
        let placed = self.placed(profile, as_of, staff)?;
        let (tier, vals) = (placed.tier, &placed.vals);
        let profile = placed.profile.as_ref();
        // Gaps nearest first, computed only up to the first reachable one.
        let near = nearest((0..tier).rev().map(|j| self.open(j, vals)));
        let (recommendations, _) = self.offers(
            &here(profile, as_of),
            tier,
            near.as_ref().map(|(o, a)| (o.rank, *a)),
            self.risk(profile, as_of),
            &Options {
                explain: false,
                ..options.clone()
            },
        )?;
        let at_stake = self.at_stake(&placed.basis, profile, as_of);
        Ok(Lean {
            tier,
            qualified: placed.qualified,
            potential: self.potential(profile, as_of, tier, vals)?,
            retention: self.retention(tier, vals, as_of, at_stake),
            reach: near.map(|(o, amount)| Near {
                tier: o.rank,
                amount: Dec(amount),
                progress: Dec(progress(&o.shortfalls, amount).0),
            }),
            basis: placed.basis,
            change: placed.change,
            recommendations,
        })
    }

    /// A tier's id, by ladder position.
    #[must_use]
    pub fn tier_id(&self, i: usize) -> &str {
        &self.ruleset.tiers[i].id
    }
}
