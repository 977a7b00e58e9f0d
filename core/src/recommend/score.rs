//! The scoring factors, their weight patterns and product families' classes, shared by
//! ranking and catalog validation.

use rust_decimal::Decimal;

use crate::catalog::Product;
use crate::profile::Family;
use crate::recommend::FactorKind;

/// How many scoring factors there are.
pub(crate) const N_FACTORS: usize = 6;

/// The factors in the order of `[bool; N_FACTORS]` flags: value factors first, then relevance.
pub(crate) const KINDS: [FactorKind; N_FACTORS] = [
    FactorKind::NextTier,
    FactorKind::ExternalAssets,
    FactorKind::NewFamily,
    FactorKind::LifeStage,
    FactorKind::Bundle,
    FactorKind::TierFit,
];

/// The flags as bits, to index the precomputed scores.
pub(crate) fn bits(a: [bool; N_FACTORS]) -> u8 {
    a.iter()
        .enumerate()
        .fold(0, |acc, (k, on)| acc | (u8::from(*on) << k))
}

/// The flags of `bits`.
pub(crate) fn pattern(bits: u8) -> [bool; N_FACTORS] {
    std::array::from_fn(|k| bits & (1 << k) != 0)
}

/// `(relevance, value)`: 1 + the weights of the relevance and of the value factors that apply.
pub(crate) fn parts(weights: &[Decimal; N_FACTORS], a: [bool; N_FACTORS]) -> (Decimal, Decimal) {
    let sum = |range: std::ops::Range<usize>| {
        Decimal::ONE + range.filter(|k| a[*k]).map(|k| weights[k]).sum::<Decimal>()
    };
    (sum(2..N_FACTORS), sum(0..2))
}

/// Whether a product's page must carry a risk disclosure: anything with a risk rating, and
/// insurance.
pub(crate) fn needs_disclosure(pr: &Product) -> bool {
    pr.risk.is_some() || pr.family == Family::Insurance
}

/// Families that are investments: they need a risk rating.
pub(crate) fn is_investment(f: Family) -> bool {
    matches!(
        f,
        Family::WealthProduct
            | Family::Fund
            | Family::Bond
            | Family::Stock
            | Family::Trust
            | Family::PreciousMetal
            | Family::Derivative
    )
}

/// Families that never carry a risk rating.
pub(crate) fn is_riskless(f: Family) -> bool {
    matches!(
        f,
        Family::Deposit
            | Family::TimeDeposit
            | Family::Card
            | Family::Loan
            | Family::Payment
            | Family::SafeDepositBox
    )
}
