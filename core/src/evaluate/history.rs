//! Review and downgrade rules: the tier held since the last review, grace, and manual floors
//! applied on top of the plain ladder.

use chrono::NaiveDate;

use crate::Engine;
use crate::evaluation::{Basis, Change, ChangeReason};
use crate::profile::Profile;
use crate::review::add_months;
use crate::ruleset::{Downgrade, DowngradeTo};

/// Reviews still to come (one on `as_of` included) before a downgrade deferred over `reviews`.
fn reviews_left(reviews: u32, below: u32) -> u32 {
    reviews.saturating_sub(below)
}

impl Engine {
    /// Grace, deferral, tenure and never-downgrade against the tier the bank held.
    pub(crate) fn apply_history(
        &self,
        qualified: usize,
        p: &Profile,
        as_of: NaiveDate,
    ) -> (usize, Basis, Option<Change>) {
        let Some((h, prev)) = p
            .tier_history
            .as_ref()
            .and_then(|h| self.tier_index(&h.tier).map(|i| (h, i)))
        else {
            return (qualified, Basis::Qualified, None);
        };
        let change = |reason| {
            Some(Change {
                from: h.tier.clone(),
                reason,
            })
        };
        if qualified <= prev {
            let c = (qualified < prev)
                .then_some(())
                .and(change(ChangeReason::Upgrade));
            return (qualified, Basis::Qualified, c);
        }
        let review = &self.ruleset.review;
        let landing = match review.downgrade_to {
            DowngradeTo::OneDown => prev + 1,
            DowngradeTo::Qualified => qualified,
        };
        let landed = |reason| {
            let basis = if landing == qualified {
                Basis::Qualified
            } else {
                Basis::StepDown {
                    qualified: self.ruleset.tiers[qualified].id.clone(),
                }
            };
            (landing, basis, change(reason))
        };
        let tenure_end = add_months(h.since, review.min_tenure_months);
        if review.min_tenure_months > 0 && as_of < tenure_end {
            return (prev, Basis::MinimumTenure { until: tenure_end }, None);
        }
        match review.downgrade {
            Downgrade::Never => (prev, Basis::NeverDowngraded, None),
            Downgrade::AfterReviews { reviews } => {
                if h.reviews_below >= reviews {
                    landed(ChangeReason::Downgrade)
                } else {
                    let k = reviews_left(reviews, h.reviews_below) - 1;
                    (
                        prev,
                        Basis::DeferredDowngrade {
                            reviews_below: h.reviews_below,
                            reviews_allowed: reviews,
                            downgrade_review: self.reviews.nth_from(as_of, k),
                        },
                        None,
                    )
                }
            }
            Downgrade::Grace { months } => {
                let mut start = h.below_since.unwrap_or(as_of);
                if review.min_tenure_months > 0 && start < tenure_end {
                    start = tenure_end;
                }
                let until = add_months(start, months);
                if as_of < until {
                    (prev, Basis::Grace { until }, None)
                } else {
                    landed(ChangeReason::GraceExpired)
                }
            }
        }
    }

    /// The one date that decides the tier: the earliest day the engine would move the customer
    /// off `basis`'s tier if nothing changed from today, or the next review where no downgrade
    /// is pending; none when the tier cannot be lost (never-downgrade rulesets).
    pub(crate) fn at_stake(
        &self,
        basis: &Basis,
        p: &Profile,
        as_of: NaiveDate,
    ) -> Option<NaiveDate> {
        let review = &self.ruleset.review;
        match basis {
            Basis::Qualified | Basis::StepDown { .. } => Some(self.reviews.next_on_or_after(as_of)),
            Basis::Grace { until } | Basis::ManualFloor { until, .. } => Some(*until),
            Basis::DeferredDowngrade {
                downgrade_review, ..
            } => Some(*downgrade_review),
            Basis::NeverDowngraded => None,
            // Kept until the tenure ends; from then the ruleset's downgrade policy runs on.
            Basis::MinimumTenure { until } => {
                let h = p.tier_history.as_ref();
                match review.downgrade {
                    Downgrade::Never => None,
                    Downgrade::AfterReviews { reviews } => {
                        let left = reviews_left(reviews, h.map_or(0, |h| h.reviews_below));
                        Some(match left.checked_sub(1) {
                            Some(k) => self.reviews.nth_from(as_of, k).max(*until),
                            None => *until,
                        })
                    }
                    Downgrade::Grace { months } => {
                        let below = h.and_then(|h| h.below_since).unwrap_or(as_of);
                        Some(add_months(below.max(*until), months))
                    }
                }
            }
        }
    }
}
