//! The columnar batch path: a whole portfolio tiered at once.
//!
//! A [`Portfolio`] holds customers as columns (amounts in cents, dates, tier history), filled
//! from profiles or row by row, for one as-of date. [`Portfolio::tier_all`] gives every
//! customer's tier by the same rules as [`crate::Engine::evaluate`] (ladder, review policy,
//! grace, deferral, manual floors) without building an evaluation per customer. The metric
//! columns a ruleset's criteria read are computed once and cached by the metric's definition,
//! so re-tiering under an edited ruleset recomputes only the metrics that changed.

mod columns;
mod compare;
mod portfolio;
mod synthetic;
mod tiering;

pub use compare::{
    Migration, NearThreshold, cell_rows, histogram, histogram_add, migration, yearly_cost_cents,
};
pub(crate) use portfolio::to_cents;
pub use portfolio::{History, Manual, Portfolio, Row};
pub use synthetic::Synthetic;
pub use tiering::{NO_AMOUNT, NONE, Rule, TierOptions, Tiering};

/// Why a whole batch could not be tiered (a row's own problems are reported per row).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// The portfolio's amounts were converted into another currency, or at other default
    /// exchange rates, than this ruleset's.
    #[error(
        "the portfolio is in {portfolio} at its ruleset's exchange rates; this ruleset needs \
         {ruleset} at its own: load the portfolio again with it"
    )]
    Currency {
        /// The portfolio's currency.
        portfolio: String,
        /// The ruleset's currency.
        ruleset: String,
    },
    /// A threshold with more than six decimals, which the ruleset grammar never writes.
    #[error("{path}: the batch path compares thresholds of at most six decimals")]
    Threshold {
        /// The criterion's JSON path.
        path: String,
    },
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{Portfolio, TierOptions};
    use crate::ruleset::{Criterion, Threshold};
    use crate::{Engine, Profile, Ruleset, rulesets};

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date")
    }

    fn customer(aum: &str) -> Profile {
        Profile::from_json(&format!(
            r#"{{ "id": "c{aum}", "birth_date": "1990-05-12", "education": "bachelor",
                 "holdings": [{{ "product": "d", "family": "deposit", "balance": "{aum}" }}] }}"#
        ))
        .unwrap_or_default()
    }

    fn engine(rs: Ruleset) -> Engine {
        Engine::new(rs).unwrap_or_else(|e| panic!("{e}"))
    }

    /// cn-retail with mid-upper's bar moved to `bar`.
    fn mid_upper_at(bar: i64) -> Ruleset {
        let mut rs = rulesets::cn_retail();
        if let Some(Criterion::Compare(c)) = &mut rs.tiers[2].criteria {
            c.value = Threshold::Number(crate::Dec(bar.into()));
        }
        rs
    }

    fn portfolio(engine: &Engine) -> Portfolio {
        let profiles: Vec<Profile> = ["240000", "210000", "199999.99", "40000"]
            .map(customer)
            .to_vec();
        let (p, rejected) =
            Portfolio::from_profiles(engine, as_of(), &profiles).unwrap_or_else(|e| panic!("{e}"));
        assert!(rejected.is_empty());
        p
    }

    #[test]
    fn a_column_is_computed_once_per_definition() {
        let current = engine(rulesets::cn_retail());
        let mut p = portfolio(&current);
        assert_eq!(p.cached_columns(), 0);
        let before = p.tier_all(&current, TierOptions::default());
        // cn-retail's criteria read aum, education and age.
        assert_eq!(p.cached_columns(), 3);
        assert_eq!(p.tier_all(&current, TierOptions::default()), before);
        assert_eq!(p.cached_columns(), 3);
    }

    #[test]
    fn a_moved_threshold_reuses_the_columns() {
        let current = engine(rulesets::cn_retail());
        let mut p = portfolio(&current);
        let before = p.tier_all(&current, TierOptions::default()).map(|t| t.tier);
        let candidate = engine(mid_upper_at(220_000));
        let after = p
            .tier_all(&candidate, TierOptions::default())
            .map(|t| t.tier);
        assert_eq!(p.cached_columns(), 3);
        // 210,000 falls from mid-upper (2) to mid-lower (3); the rest stay.
        assert_eq!(before, Ok(vec![2, 2, 3, 5]));
        assert_eq!(after, Ok(vec![2, 3, 3, 5]));
    }

    #[test]
    fn a_changed_metric_gets_its_own_column() {
        let current = engine(rulesets::cn_retail());
        let mut p = portfolio(&current);
        let _ = p.tier_all(&current, TierOptions::default());
        let mut rs = rulesets::cn_retail();
        if let Some(Criterion::Compare(c)) = &mut rs.tiers[0].criteria {
            c.metric = "aum_with_external".into();
        }
        let _ = p.tier_all(&engine(rs), TierOptions::default());
        assert_eq!(p.cached_columns(), 4);
    }

    #[test]
    fn rows_added_after_tiering_extend_the_columns() {
        let current = engine(rulesets::cn_retail());
        let mut p = portfolio(&current);
        let _ = p.tier_all(&current, TierOptions::default());
        assert_eq!(p.push(&current, &customer("1000000")), Ok(4));
        let tiers = p.tier_all(&current, TierOptions::default()).map(|t| t.tier);
        assert_eq!(tiers, Ok(vec![2, 2, 3, 5, 1]));
        assert_eq!(p.cached_columns(), 3);
    }

    #[test]
    fn slices_in_order_give_the_whole() {
        let current = engine(rulesets::cn_retail());
        let mut whole = portfolio(&current);
        let all = whole.tier_all(&current, TierOptions::default());
        let mut sliced = portfolio(&current);
        let mut tiers = Vec::new();
        for start in [0, 3] {
            let part = sliced.tier_rows(&current, TierOptions::default(), start..start + 3);
            tiers.extend(part.map(|t| t.tier).unwrap_or_default());
        }
        assert_eq!(Ok(tiers), all.map(|t| t.tier));
        // Past the end, or backwards, is clamped to nothing, not a panic.
        for rows in [9..20, std::ops::Range { start: 5, end: 2 }] {
            let none = sliced.tier_rows(&current, TierOptions::default(), rows);
            assert_eq!(none.map(|t| t.tier.len()), Ok(0));
        }
    }

    #[test]
    fn a_bad_row_is_refused_with_every_problem_and_keeps_its_place() {
        use super::{History, Row};
        use crate::error::ProfileError;
        use crate::profile::Family;
        let current = engine(rulesets::cn_retail());
        let mut p = Portfolio::new(&current, as_of()).unwrap_or_else(|e| panic!("{e}"));
        let held = p.tier("high_end");
        let row = Row {
            id: "bad".into(),
            assets: -1,
            product_families: 17,
            birth_date: NaiveDate::from_ymd_opt(2027, 1, 1),
            balances: vec![
                (2, Family::Fund, 5),
                (1, Family::Deposit, 5),
                (37, Family::Fund, 1),
            ],
            fees: vec![(0, 1)],
            history: Some(History {
                tier: held + 1,
                since: as_of(),
                reviews_below: 0,
                below_since: None,
            }),
            ..Row::default()
        };
        let Err(errors) = p.push_row(&row) else {
            panic!("a bad row was accepted");
        };
        let paths: Vec<&str> = errors.0.iter().map(ProfileError::path).collect();
        assert_eq!(
            paths,
            [
                "assets",
                "balances[1]",
                "balances[2]",
                "fees[0]",
                "birth_date",
                "product_families",
                "history.tier"
            ]
        );
        assert!(matches!(errors.0[0], ProfileError::Negative { .. }));
        assert!(p.is_rejected(0));
        assert_eq!(p.id(0), Some("bad"));
        let good = Row {
            id: "good".into(),
            assets: 30_000_000,
            birth_date: NaiveDate::from_ymd_opt(1980, 1, 1),
            education: Some(crate::profile::Education::Master),
            ..Row::default()
        };
        assert_eq!(p.push_row(&good), Ok(1));
        let t = p.tier_all(&current, TierOptions::default());
        assert_eq!(t.map(|t| t.tier), Ok(vec![super::NONE, 2]));
    }

    #[test]
    fn a_profile_evaluate_refuses_is_refused() {
        let current = engine(rulesets::cn_retail());
        let mut p = Portfolio::new(&current, as_of()).unwrap_or_else(|e| panic!("{e}"));
        let mut young = customer("100");
        young.birth_date = NaiveDate::from_ymd_opt(2030, 1, 1);
        let Err(errors) = p.push(&current, &young) else {
            panic!("a birth date after the as-of date was accepted");
        };
        assert_eq!(Err(errors), current.evaluate(&young, as_of()).map(|_| ()));
        assert!(Portfolio::new(&current, NaiveDate::MAX).is_err());
    }

    #[test]
    fn another_currency_is_refused() {
        let current = engine(rulesets::cn_retail());
        let mut p = portfolio(&current);
        let usd = engine(rulesets::builtin("us-rewards").unwrap_or_else(rulesets::cn_retail));
        assert!(matches!(
            p.tier_all(&usd, TierOptions::default()),
            Err(super::BatchError::Currency { .. })
        ));
        assert!(p.push(&usd, &customer("1")).is_err());
        assert!(p.is_rejected(4));
    }
}
