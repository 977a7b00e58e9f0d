//! A synthetic portfolio, the same for the same seed: AUM spread over decades as a retail
//! book is (most customers under ¥100,000, a few over ¥10m), six months of average deposit
//! balances around it, ages 18–85 and every education level.

use chrono::{Datelike, NaiveDate};

use crate::error::ProfileErrors;
use crate::profile::{Education, Family};

use super::portfolio::{Portfolio, Row};

/// Per-mille weights of AUM decades: ¥10–100, ¥100–1,000, …, ¥10m–100m.
const DECADES: [u64; 7] = [60, 140, 300, 290, 160, 45, 5];

const EDUCATION: [Education; 7] = [
    Education::Primary,
    Education::JuniorSecondary,
    Education::SeniorSecondary,
    Education::College,
    Education::Bachelor,
    Education::Master,
    Education::Doctorate,
];

/// A deterministic generator of customers (splitmix64).
#[derive(Clone, Debug)]
pub struct Synthetic {
    state: u64,
    next_id: u64,
}

impl Synthetic {
    /// A generator for `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Synthetic {
            state: seed,
            next_id: 1,
        }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// The next customer, for a portfolio as of `as_of`.
    pub fn row(&mut self, as_of: NaiveDate) -> Row {
        let mut pick = self.below(1000);
        let mut decade = 0;
        for (d, w) in DECADES.iter().enumerate() {
            if pick < *w {
                decade = d;
                break;
            }
            pick -= w;
        }
        // Cents from 10^(d+3) up to 10^(d+4): ¥10 × 10^d to ¥100 × 10^d.
        let low = 10u64.pow(decade as u32 + 3);
        let assets = low + self.below(9 * low);
        let age = 18 + self.below(68) as i32;
        let birth_date = NaiveDate::from_ymd_opt(
            as_of.year() - age,
            1 + self.below(12) as u32,
            1 + self.below(28) as u32,
        );
        let education = EDUCATION.get(self.below(7) as usize).copied();
        let balances = (1..=6u8)
            .map(|m| {
                // Each month's average within ±15 % of today's assets.
                let pct = 85 + self.below(31);
                (m, Family::Deposit, (assets * pct / 100) as i64)
            })
            .collect();
        let id = format!("S{:07}", self.next_id);
        self.next_id += 1;
        Row {
            id,
            assets: assets as i64,
            product_families: 1 + self.below(4) as u8,
            birth_date,
            education,
            balances,
            ..Row::default()
        }
    }

    /// Adds `n` customers to `portfolio`.
    pub fn fill(&mut self, portfolio: &mut Portfolio, n: usize) -> Result<(), ProfileErrors> {
        portfolio.reserve(n);
        let as_of = portfolio.as_of();
        for _ in 0..n {
            portfolio.push_row(&self.row(as_of))?;
        }
        Ok(())
    }
}
