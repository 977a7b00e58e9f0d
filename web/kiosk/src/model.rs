//! The kiosk's pure parts: the answer bands derived from the ruleset, the synthetic profile
//! built from the answers, and the questionnaire's reducer. No I/O and no rendering, so all
//! of it is tested natively.
//!
//! A band is a half-open range `[lo, hi)` between two thresholds the ruleset compares at.
//! Every value inside a band passes and fails the same criteria, so the tier the engine gives
//! at the band's representative value is the tier the whole band guarantees; money bands are
//! represented by their lower end ("from ¥…"), so a gap to the next tier is an upper bound.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;
use strata_core::evaluation::{Evaluation, Gap};
use strata_core::profile::{Education, ExternalAsset, Family, Holding, Month, MonthlyBalance};
use strata_core::ruleset::{Criterion, Op, Ruleset, Threshold};
use strata_core::{Money, Profile};
use strata_ui::i18n::Locale;
use yew::Reducible;

/// A half-open band `[lo, hi)`; `hi` is `None` for the open-ended top band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band<T> {
    /// Lowest value in the band (inclusive).
    pub lo: T,
    /// First value above the band, if any.
    pub hi: Option<T>,
}

/// Asset thresholds used when the ruleset compares no asset metric (the domain table's).
const DEFAULT_ASSET_CUTS: [u32; 4] = [50_000, 200_000, 1_000_000, 10_000_000];
/// Age cuts used when the ruleset compares no age.
const DEFAULT_AGE_CUTS: [u32; 2] = [30, 60];
/// Education cuts (indices into [`Education::ALL`]) when the ruleset compares none: college.
const DEFAULT_EDUCATION_CUTS: [usize; 1] = [3];
/// How many months of balances a synthetic profile carries for averaged asset metrics.
const MONTHS: u32 = strata_core::metrics::MAX_MONTHS;

/// The answer bands the questionnaire offers, derived from the ruleset's thresholds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bands {
    /// Financial assets here (also used for assets at other banks).
    pub assets: Vec<Band<Decimal>>,
    /// Age in whole years.
    pub ages: Vec<Band<u32>>,
    /// Education, as indices into [`Education::ALL`].
    pub education: Vec<Band<usize>>,
    /// The ruleset compares averaged balances (`aum_avg_N`), so the profile needs months.
    pub averaged: bool,
}

/// Every comparison in a criterion tree.
fn comparisons<'a>(c: &'a Criterion, out: &mut Vec<&'a strata_core::ruleset::Comparison>) {
    match c {
        Criterion::All { all: cs } | Criterion::Any { any: cs } => {
            for c in cs {
                comparisons(c, out);
            }
        }
        Criterion::Compare(cmp) => out.push(cmp),
    }
}

/// The first value on the "upper" side of `op value` for a metric whose smallest step is
/// `step`: values `>= cut` and `< cut` fall on different sides of the comparison.
fn cuts_of(op: Op, value: Decimal, step: Decimal) -> Vec<Decimal> {
    match op {
        Op::Gte | Op::Lt => vec![value],
        Op::Gt | Op::Lte => vec![value + step],
        Op::Eq | Op::Ne => vec![value, value + step],
    }
}

fn is_asset_metric(id: &str) -> bool {
    id == "aum" || id.starts_with("aum_avg_")
}

/// Adds `c` to the sorted, distinct `cuts`. A ruleset has a handful of thresholds, so an
/// insertion keeps the bundle free of a sort routine per type.
fn add_cut<T: Ord>(cuts: &mut Vec<T>, c: T) {
    if let Err(i) = cuts.binary_search(&c) {
        cuts.insert(i, c);
    }
}

/// Bands between sorted, distinct cut points, starting at `zero`.
fn bands_from<T: Copy + PartialOrd>(zero: T, cuts: &[T]) -> Vec<Band<T>> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut lo = zero;
    for &c in cuts {
        if c > lo {
            out.push(Band { lo, hi: Some(c) });
            lo = c;
        }
    }
    out.push(Band { lo, hi: None });
    out
}

impl Bands {
    /// The bands for a ruleset: money bands at its asset thresholds (cn-retail: ¥5万, ¥20万,
    /// ¥100万, ¥1000万), age bands at its age limits (16 and 28 → under 16, 16–28, 29 and
    /// over) and education bands at its levels (college). Defaults where it compares none.
    #[must_use]
    pub fn of(ruleset: &Ruleset) -> Self {
        let mut all = Vec::new();
        for tier in &ruleset.tiers {
            if let Some(c) = &tier.criteria {
                comparisons(c, &mut all);
            }
        }
        let cent = Decimal::new(1, 2);
        let mut money: Vec<Decimal> = Vec::new();
        let mut ages: Vec<u32> = Vec::new();
        let mut levels: Vec<usize> = Vec::new();
        let mut averaged = false;
        for cmp in all {
            let number = match &cmp.value {
                Threshold::Number(d) => Some(d.0),
                Threshold::Name(_) => None,
            };
            if is_asset_metric(&cmp.metric) {
                averaged |= cmp.metric != "aum";
                for c in number.map_or_else(Vec::new, |v| cuts_of(cmp.op, v, cent)) {
                    if c > Decimal::ZERO {
                        add_cut(&mut money, c);
                    }
                }
            } else if cmp.metric == "age" {
                // Ages are whole years: `> 28.5` and `>= 29` cut at the same place.
                for c in number.map_or_else(Vec::new, |v| cuts_of(cmp.op, v.ceil(), Decimal::ONE)) {
                    if let Ok(a) = u32::try_from(c)
                        && (1..=120).contains(&a)
                    {
                        add_cut(&mut ages, a);
                    }
                }
            } else if cmp.metric == "education" {
                // Levels by name, or by rank (1 = primary).
                let index = match &cmp.value {
                    Threshold::Name(n) => Education::from_name(n).map(|e| e.rank() - 1),
                    Threshold::Number(d) => u32::try_from(d.0.ceil())
                        .ok()
                        .and_then(|r| r.checked_sub(1)),
                };
                for c in index.map_or_else(Vec::new, |i| {
                    cuts_of(cmp.op, Decimal::from(i), Decimal::ONE)
                }) {
                    if let Ok(l) = usize::try_from(c)
                        && (1..Education::ALL.len()).contains(&l)
                    {
                        add_cut(&mut levels, l);
                    }
                }
            }
        }
        if money.is_empty() {
            money = DEFAULT_ASSET_CUTS
                .iter()
                .map(|&v| Decimal::from(v))
                .collect();
        }
        if ages.is_empty() {
            ages = DEFAULT_AGE_CUTS.to_vec();
        }
        if levels.is_empty() {
            levels = DEFAULT_EDUCATION_CUTS.to_vec();
        }
        Bands {
            assets: bands_from(Decimal::ZERO, &money),
            ages: bands_from(0, &ages),
            education: bands_from(0, &levels),
            averaged,
        }
    }
}

/// The age that stands for a band: its lower end, except for the band starting at birth
/// (a kiosk user "under 16" is taken as 15).
#[must_use]
pub fn representative_age(b: Band<u32>) -> u32 {
    match b {
        Band {
            lo: 0,
            hi: Some(hi),
        } => hi.saturating_sub(1),
        Band { lo, .. } => lo,
    }
}

/// A birth date that makes the customer exactly `age` on `as_of` (born a day before the
/// anniversary, so no birthday rule on the day itself tips it).
#[must_use]
pub fn birth_date(as_of: NaiveDate, age: u32) -> NaiveDate {
    as_of
        .checked_sub_months(Months::new(age.saturating_mul(12)))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .unwrap_or(as_of)
}

/// Which question a screen asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    /// Financial assets here.
    Assets,
    /// Age.
    Age,
    /// Highest education.
    Education,
    /// Assets at other banks (optional).
    External,
}

/// The number of required questions (the step indicator's total).
pub const STEPS: u8 = 3;

impl Question {
    /// A short stable id (keys, tests).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Question::Assets => "assets",
            Question::Age => "age",
            Question::Education => "education",
            Question::External => "external",
        }
    }

    /// The step number of a required question (1–3); `None` for the optional one.
    #[must_use]
    pub fn step(self) -> Option<u8> {
        match self {
            Question::Assets => Some(1),
            Question::Age => Some(2),
            Question::Education => Some(3),
            Question::External => None,
        }
    }

    fn next(self) -> Screen {
        match self {
            Question::Assets => Screen::Ask(Question::Age),
            Question::Age => Screen::Ask(Question::Education),
            Question::Education => Screen::Ask(Question::External),
            Question::External => Screen::Result,
        }
    }
}

/// What the kiosk shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Brand, one line and "touch to start".
    Attract,
    /// One question.
    Ask(Question),
    /// The tier, benefits, next tier and today's route.
    Result,
}

/// The answers so far, as band indices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// Asset band.
    pub assets: Option<usize>,
    /// Age band.
    pub age: Option<usize>,
    /// Education band.
    pub education: Option<usize>,
    /// Band of assets at other banks; `None` when skipped.
    pub external: Option<usize>,
}

impl Answers {
    /// The answer to `q`.
    #[must_use]
    pub fn get(&self, q: Question) -> Option<usize> {
        match q {
            Question::Assets => self.assets,
            Question::Age => self.age,
            Question::Education => self.education,
            Question::External => self.external,
        }
    }

    fn set(&mut self, q: Question, v: Option<usize>) {
        match q {
            Question::Assets => self.assets = v,
            Question::Age => self.age = v,
            Question::Education => self.education = v,
            Question::External => self.external = v,
        }
    }
}

/// What the customer told the kiosk, in values: the synthetic profile's inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chosen {
    /// Asset band.
    pub assets: Band<Decimal>,
    /// Age band.
    pub age: Band<u32>,
    /// Education band (indices into [`Education::ALL`]).
    pub education: Band<usize>,
    /// Band of assets elsewhere, when answered.
    pub external: Option<Band<Decimal>>,
}

impl Bands {
    /// The chosen bands, when every required answer is in range.
    #[must_use]
    pub fn chosen(&self, a: &Answers) -> Option<Chosen> {
        Some(Chosen {
            assets: *self.assets.get(a.assets?)?,
            age: *self.ages.get(a.age?)?,
            education: *self.education.get(a.education?)?,
            external: match a.external {
                Some(i) => Some(*self.assets.get(i)?),
                None => None,
            },
        })
    }

    /// A synthetic profile for the answers on `as_of`: the lower end of each money band, an
    /// age and education inside their bands. `None` until the required answers are given.
    #[must_use]
    pub fn profile(&self, a: &Answers, as_of: NaiveDate) -> Option<Profile> {
        let c = self.chosen(a)?;
        let aum = c.assets.lo;
        let mut p = Profile {
            id: "kiosk".into(),
            birth_date: Some(birth_date(as_of, representative_age(c.age))),
            education: Education::ALL.get(c.education.lo).copied(),
            ..Profile::default()
        };
        if aum > Decimal::ZERO {
            p.holdings.push(Holding {
                product: "kiosk-assets".into(),
                family: Family::Deposit,
                balance: Money(aum),
                currency: None,
                maturity_date: None,
            });
            if self.averaged {
                let mut month = Month::of(as_of);
                for _ in 0..MONTHS {
                    month = month.prev();
                    p.monthly.push(MonthlyBalance {
                        month,
                        avg_daily: BTreeMap::from([(Family::Deposit, Money(aum))]),
                        fee_income: None,
                    });
                }
            }
        }
        if let Some(ext) = c.external.filter(|e| e.lo > Decimal::ZERO) {
            p.external_assets.push(ExternalAsset {
                institution: None,
                family: None,
                balance: Money(ext.lo),
                currency: None,
            });
        }
        Some(p)
    }
}

/// The way to the next tier: the nearest tier above that money can reach.
#[derive(Clone, Debug, PartialEq)]
pub struct NextStep<'a> {
    /// The tier above.
    pub gap: &'a Gap,
    /// The most that is missing (from the band's lower end).
    pub amount: Decimal,
    /// The money threshold to reach, when the gap names one.
    pub threshold: Option<Decimal>,
}

/// The nearest tier above that money can reach, if any.
#[must_use]
pub fn next_step(e: &Evaluation) -> Option<NextStep<'_>> {
    let gap = e.above.iter().find(|g| g.reachable && g.amount.is_some())?;
    let amount = gap.amount?.0;
    let threshold = gap
        .shortfalls
        .iter()
        .filter(|s| s.missing.is_some() && is_asset_metric(&s.comparison.metric))
        .map(|s| s.comparison.threshold.0)
        .max();
    Some(NextStep {
        gap,
        amount,
        threshold,
    })
}

/// The kiosk session's state: the language, the screen, the answers and the idle warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskState {
    /// Display language (never stored).
    pub locale: Locale,
    /// The screen shown.
    pub screen: Screen,
    /// The answers so far.
    pub answers: Answers,
    /// The idle warning is shown.
    pub warning: bool,
}

impl KioskState {
    /// The attract screen in `locale`, nothing answered.
    #[must_use]
    pub fn new(locale: Locale) -> Self {
        KioskState {
            locale,
            screen: Screen::Attract,
            answers: Answers::default(),
            warning: false,
        }
    }
}

/// Every change the kiosk screens can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskAction {
    /// "Touch to start".
    Start,
    /// Switch the language.
    SetLocale(Locale),
    /// Answer the question shown with a band index; moves to the next screen.
    Answer(Question, usize),
    /// Skip the optional question.
    Skip,
    /// One screen back (from the first question: back to the attract screen, forgetting).
    Back,
    /// No activity for the idle time: warn (not on the attract screen).
    Idle,
    /// "I'm still here": close the warning.
    StillHere,
}

impl Reducible for KioskState {
    type Action = KioskAction;

    fn reduce(self: Rc<Self>, action: KioskAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            KioskAction::Start if s.screen == Screen::Attract => {
                s.screen = Screen::Ask(Question::Assets);
            }
            KioskAction::SetLocale(l) => s.locale = l,
            // Only the question on screen, and not under the warning (a stale double tap).
            KioskAction::Answer(q, i) if s.screen == Screen::Ask(q) && !s.warning => {
                s.answers.set(q, Some(i));
                s.screen = q.next();
            }
            KioskAction::Skip if s.screen == Screen::Ask(Question::External) && !s.warning => {
                s.answers.external = None;
                s.screen = Screen::Result;
            }
            KioskAction::Back if !s.warning => match s.screen {
                Screen::Ask(Question::Assets) => return Rc::new(KioskState::new(s.locale)),
                Screen::Ask(Question::Age) => s.screen = Screen::Ask(Question::Assets),
                Screen::Ask(Question::Education) => s.screen = Screen::Ask(Question::Age),
                Screen::Ask(Question::External) => s.screen = Screen::Ask(Question::Education),
                Screen::Attract | Screen::Result => return self,
            },
            KioskAction::Idle if s.screen != Screen::Attract => s.warning = true,
            KioskAction::StillHere => s.warning = false,
            _ => return self,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap_or_else(|e| panic!("`{s}`: {e}"))
    }

    fn money(v: u32) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn cn_retail_bands_follow_its_thresholds() {
        let b = Bands::of(&strata_core::rulesets::cn_retail());
        let los: Vec<Decimal> = b.assets.iter().map(|b| b.lo).collect();
        assert_eq!(los, [0, 50_000, 200_000, 1_000_000, 10_000_000].map(money));
        assert_eq!(b.assets[4].hi, None);
        assert_eq!(b.assets[1].hi, Some(money(200_000)));
        // 16 ≤ age ≤ 28: under 16, 16–28, 29 and over.
        assert_eq!(
            b.ages,
            [
                Band {
                    lo: 0,
                    hi: Some(16)
                },
                Band {
                    lo: 16,
                    hi: Some(29)
                },
                Band { lo: 29, hi: None }
            ]
        );
        // Education ≥ college: below college, college or above.
        assert_eq!(
            b.education,
            [Band { lo: 0, hi: Some(3) }, Band { lo: 3, hi: None }]
        );
        assert!(!b.averaged);
    }

    #[test]
    fn averaged_rulesets_get_monthly_balances() {
        let rs = strata_core::rulesets::builtin("us-rewards").expect("shipped");
        let b = Bands::of(&rs);
        assert!(b.averaged);
        assert!(b.assets.len() > 3);
        let answers = Answers {
            assets: Some(2),
            age: Some(0),
            education: Some(0),
            external: None,
        };
        let as_of = day("2026-11-25");
        let p = b.profile(&answers, as_of).expect("profile");
        assert_eq!(p.monthly.len(), MONTHS as usize);
        let engine = strata_core::Engine::new(rs.clone()).expect("engine");
        let lo = engine.evaluate(&p, as_of).expect("evaluates");
        // The band's lower end and its top give the same tier.
        let top = Answers {
            assets: Some(2),
            ..answers
        };
        let mut high = b.profile(&top, as_of).expect("profile");
        let hi = b.assets[2].hi.expect("bounded") - Decimal::ONE;
        for m in &mut high.monthly {
            m.avg_daily.insert(Family::Deposit, Money(hi));
        }
        high.holdings[0].balance = Money(hi);
        assert_eq!(
            engine.evaluate(&high, as_of).expect("evaluates").tier.id,
            lo.tier.id
        );
    }

    #[test]
    fn a_birth_date_gives_exactly_the_age() {
        let as_of = day("2026-11-25");
        assert_eq!(birth_date(as_of, 28), day("1998-11-24"));
        assert_eq!(
            strata_core::metrics::age_on(birth_date(as_of, 28), as_of),
            28
        );
        let leap = day("2028-02-29");
        assert_eq!(strata_core::metrics::age_on(birth_date(leap, 16), leap), 16);
        assert_eq!(
            representative_age(Band {
                lo: 0,
                hi: Some(16)
            }),
            15
        );
        assert_eq!(representative_age(Band { lo: 29, hi: None }), 29);
    }

    /// Every combination of answers: the tier at the band's representative equals the tier
    /// at the band's other end, so the tier shown is the one the band guarantees.
    #[test]
    fn every_band_guarantees_its_tier() {
        let engine = strata_ui::engine::default_engine().expect("engine");
        let b = Bands::of(engine.ruleset());
        let as_of = day("2026-11-25");
        let mut tiers = std::collections::BTreeSet::new();
        for assets in 0..b.assets.len() {
            for age in 0..b.ages.len() {
                for education in 0..b.education.len() {
                    let a = Answers {
                        assets: Some(assets),
                        age: Some(age),
                        education: Some(education),
                        external: None,
                    };
                    let p = b.profile(&a, as_of).expect("profile");
                    let tier = engine.evaluate(&p, as_of).expect("evaluates").tier.id;
                    // The band's highest values.
                    let mut q = p.clone();
                    if let Some(hi) = b.assets[assets].hi {
                        let top = hi - Decimal::new(1, 2);
                        q.holdings = vec![Holding {
                            product: "kiosk-assets".into(),
                            family: Family::Deposit,
                            balance: Money(top),
                            currency: None,
                            maturity_date: None,
                        }];
                    }
                    let oldest = b.ages[age].hi.map_or(99, |h| h - 1);
                    q.birth_date = Some(birth_date(as_of, oldest));
                    let level = b.education[education].hi.map_or(6, |h| h - 1);
                    q.education = Education::ALL.get(level).copied();
                    let other = engine.evaluate(&q, as_of).expect("evaluates").tier.id;
                    assert_eq!(tier, other, "{a:?}");
                    tiers.insert(tier);
                }
            }
        }
        assert_eq!(
            tiers.len(),
            engine.ruleset().tiers.len(),
            "every tier reachable"
        );
    }

    #[test]
    fn the_result_names_the_next_tier_and_the_potential_one() {
        let engine = strata_ui::engine::default_engine().expect("engine");
        let b = Bands::of(engine.ruleset());
        let as_of = day("2026-11-25");
        // ¥5万–20万, 29 or over, college or above, ¥20万–100万 elsewhere.
        let a = Answers {
            assets: Some(1),
            age: Some(2),
            education: Some(1),
            external: Some(2),
        };
        let p = b.profile(&a, as_of).expect("profile");
        let e = engine.evaluate(&p, as_of).expect("evaluates");
        assert_eq!(e.tier.id, "mid_lower");
        let next = next_step(&e).expect("a tier above");
        assert_eq!(next.gap.tier.id, "mid_upper");
        assert_eq!(next.amount, money(150_000));
        assert_eq!(next.threshold, Some(money(200_000)));
        let potential = e.potential.expect("potential");
        assert_eq!(potential.tier.id, "mid_upper");
        assert_eq!(potential.move_needed.map(|d| d.0), Some(money(150_000)));
        // The service route comes from the tier.
        assert_eq!(
            e.service.route,
            strata_core::ruleset::ServiceRoute::PriorityCounter
        );
        // Nothing elsewhere, young and college-educated with little: potential.
        let young = Answers {
            assets: Some(0),
            age: Some(1),
            education: Some(1),
            external: Some(0),
        };
        let p = b.profile(&young, as_of).expect("profile");
        assert!(p.external_assets.is_empty());
        let e = engine.evaluate(&p, as_of).expect("evaluates");
        assert_eq!(e.tier.id, "potential");
        assert!(e.potential.is_none());
        assert_eq!(next_step(&e).map(|n| n.amount), Some(money(50_000)));
    }

    #[test]
    fn no_profile_until_the_required_answers_are_in_range() {
        let b = Bands::of(&strata_core::rulesets::cn_retail());
        let as_of = day("2026-11-25");
        let mut a = Answers {
            assets: Some(1),
            age: Some(1),
            education: None,
            external: None,
        };
        assert!(b.profile(&a, as_of).is_none());
        a.education = Some(9);
        assert!(b.profile(&a, as_of).is_none());
        a.education = Some(0);
        assert!(b.profile(&a, as_of).is_some());
        a.external = Some(99);
        assert!(b.profile(&a, as_of).is_none());
    }

    fn run(actions: &[KioskAction]) -> Rc<KioskState> {
        actions
            .iter()
            .fold(Rc::new(KioskState::new(Locale::ZhCn)), |s, a| s.reduce(*a))
    }

    #[test]
    fn the_questionnaire_goes_forward_back_and_skips() {
        use KioskAction::{Answer, Back, Skip, Start};
        let s = run(&[Start, Answer(Question::Assets, 2), Answer(Question::Age, 1)]);
        assert_eq!(s.screen, Screen::Ask(Question::Education));
        let s = s.reduce(Back);
        assert_eq!(s.screen, Screen::Ask(Question::Age));
        // The answer given stays (shown as chosen) until changed.
        assert_eq!(s.answers.age, Some(1));
        // A stale tap for another question does nothing.
        let s = s.reduce(Answer(Question::Assets, 0));
        assert_eq!(s.answers.assets, Some(2));
        let s = s
            .reduce(Answer(Question::Age, 2))
            .reduce(Answer(Question::Education, 0))
            .reduce(Skip);
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.answers.external, None);
        assert_eq!(s.answers.age, Some(2));
        // Back from the first question forgets everything.
        let s = run(&[Start, Answer(Question::Assets, 2), Back, Back]);
        assert_eq!(*s, KioskState::new(Locale::ZhCn));
    }

    #[test]
    fn the_idle_warning_blocks_answers_and_never_shows_on_attract() {
        use KioskAction::{Answer, Idle, SetLocale, Start, StillHere};
        let s = run(&[Idle]);
        assert!(!s.warning);
        let s = run(&[SetLocale(Locale::En), Start, Idle]);
        assert!(s.warning);
        let s = s.reduce(Answer(Question::Assets, 1));
        assert_eq!(s.answers.assets, None);
        let s = s.reduce(StillHere).reduce(Answer(Question::Assets, 1));
        assert!(!s.warning);
        assert_eq!(s.answers.assets, Some(1));
        assert_eq!(s.locale, Locale::En);
    }
}
