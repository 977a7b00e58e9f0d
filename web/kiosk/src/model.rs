//! The kiosk's pure parts: the answer bands from core's probes, the synthetic profile built
//! from the answers, and the questionnaire's reducer. No I/O and no rendering, so all of it
//! is tested natively.
//!
//! A band is a half-open range `[lo, hi)` between two of the cut points core gives
//! ([`Engine::probes`]). Every value inside a band passes and fails the same criteria, so the
//! tier the engine gives at the band's representative value is the tier the whole band
//! guarantees; money bands are represented by their lower end ("from ¥…"), so a gap to the
//! next tier is an upper bound.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;
use strata_core::probes::{Axis, AxisKind};
use strata_core::profile::{Education, ExternalAsset, Family, Holding, Month, MonthlyBalance};
use strata_core::{Engine, Money, Profile};
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

// Cut points for a question whose axis the ruleset does not compare: the answer cannot
// change the tier, but the questionnaire keeps its three steps.
/// Asset cuts when no asset metric is compared.
const DEFAULT_ASSET_CUTS: [u32; 4] = [50_000, 200_000, 1_000_000, 10_000_000];
/// Age cuts when no age is compared.
const DEFAULT_AGE_CUTS: [u32; 2] = [30, 60];
/// Education cuts (indices into [`Education::ALL`]) when none is compared: college.
const DEFAULT_EDUCATION_CUTS: [usize; 1] = [3];
/// How many months of balances a synthetic profile carries for averaged asset metrics.
const MONTHS: u32 = strata_core::metrics::MAX_MONTHS;

/// The answer bands the questionnaire offers, from core's probes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bands {
    /// Financial assets here (also used for assets at other banks).
    pub assets: Vec<Band<Decimal>>,
    /// Age in whole years.
    pub ages: Vec<Band<u32>>,
    /// Education, as indices into [`Education::ALL`].
    pub education: Vec<Band<usize>>,
    /// Core says an asset metric is averaged over months, so the profile needs months.
    pub averaged: bool,
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

/// The cuts of the axis of `kind`, each turned into a question's unit by `f` (dropped when
/// `None`); `default` when the ruleset compares none.
fn cuts_of<T: Copy + Ord>(
    axes: &[Axis],
    kind: AxisKind,
    f: impl Fn(Decimal) -> Option<T>,
    default: &[T],
) -> Vec<T> {
    let mut cuts: Vec<T> = axes
        .iter()
        .filter(|a| a.kind == kind)
        .flat_map(|a| a.cuts.iter().filter_map(|c| f(c.0)))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    if cuts.is_empty() {
        default.to_vec()
    } else {
        cuts
    }
}

impl Bands {
    /// The bands for an engine's ruleset, at the cut points of its assets, age and education
    /// axes (cn-retail: ¥5万, ¥20万, ¥100万, ¥1000万; under 16, 16–28, 29 and over; below
    /// college, college or above). Defaults where it compares none.
    #[must_use]
    pub fn of(engine: &Engine) -> Self {
        let probes = engine.probes();
        let money = cuts_of(
            &probes,
            AxisKind::Assets,
            |c| (c > Decimal::ZERO).then_some(c),
            &DEFAULT_ASSET_CUTS.map(Decimal::from),
        );
        // The question asks whole years: a cut between two ages falls at the next one.
        let ages = cuts_of(
            &probes,
            AxisKind::Age,
            |c| {
                u32::try_from(c.ceil())
                    .ok()
                    .filter(|a| (1..=120).contains(a))
            },
            &DEFAULT_AGE_CUTS,
        );
        // Core's education axis is by rank (1 = primary); the question by index.
        let levels = cuts_of(
            &probes,
            AxisKind::Education,
            |c| {
                usize::try_from(c.ceil())
                    .ok()
                    .and_then(|r| r.checked_sub(1))
                    .filter(|i| (1..Education::ALL.len()).contains(i))
            },
            &DEFAULT_EDUCATION_CUTS,
        );
        Bands {
            assets: bands_from(Decimal::ZERO, &money),
            ages: bands_from(0, &ages),
            education: bands_from(0, &levels),
            averaged: probes
                .iter()
                .any(|a| a.kind == AxisKind::Assets && a.averaged),
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

/// The answer about other banks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// "None": nothing at other banks.
    Nothing,
    /// A band of assets there.
    Band(usize),
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
    /// Assets at other banks; `None` when skipped.
    pub external: Option<Elsewhere>,
}

impl Answers {
    /// The band chosen for `q` (not "none").
    #[must_use]
    pub fn get(&self, q: Question) -> Option<usize> {
        match q {
            Question::Assets => self.assets,
            Question::Age => self.age,
            Question::Education => self.education,
            Question::External => match self.external {
                Some(Elsewhere::Band(i)) => Some(i),
                Some(Elsewhere::Nothing) | None => None,
            },
        }
    }

    fn set(&mut self, q: Question, v: usize) {
        match q {
            Question::Assets => self.assets = Some(v),
            Question::Age => self.age = Some(v),
            Question::Education => self.education = Some(v),
            Question::External => self.external = Some(Elsewhere::Band(v)),
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
                Some(Elsewhere::Band(i)) => Some(*self.assets.get(i)?),
                Some(Elsewhere::Nothing) | None => None,
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
    /// Large text, for this session only.
    pub large: bool,
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
            large: false,
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
    /// "None" to the optional question: nothing at other banks.
    NoneElsewhere,
    /// Large text on or off.
    ToggleLarge,
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
                s.answers.set(q, i);
                s.screen = q.next();
            }
            KioskAction::Skip if s.screen == Screen::Ask(Question::External) && !s.warning => {
                s.answers.external = None;
                s.screen = Screen::Result;
            }
            KioskAction::NoneElsewhere
                if s.screen == Screen::Ask(Question::External) && !s.warning =>
            {
                s.answers.external = Some(Elsewhere::Nothing);
                s.screen = Screen::Result;
            }
            KioskAction::ToggleLarge if !s.warning => s.large = !s.large,
            KioskAction::Back if !s.warning => match s.screen {
                // Forgets the answers; the text size chosen stays for whoever is reading.
                Screen::Ask(Question::Assets) => {
                    return Rc::new(KioskState {
                        large: s.large,
                        ..KioskState::new(s.locale)
                    });
                }
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

    fn engine(id: &str) -> Engine {
        let rs = strata_core::rulesets::builtin(id).expect("shipped");
        Engine::assemble(rs, strata_core::CatalogChoice::None).expect("engine")
    }

    #[test]
    fn cn_retail_bands_follow_its_cut_points() {
        let b = Bands::of(&engine("cn-retail"));
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
        let engine = engine("us-rewards");
        let b = Bands::of(&engine);
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
        let b = Bands::of(&engine);
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
        let b = Bands::of(&engine);
        let as_of = day("2026-11-25");
        // ¥5万–20万, 29 or over, college or above, ¥20万–100万 elsewhere.
        let a = Answers {
            assets: Some(1),
            age: Some(2),
            education: Some(1),
            external: Some(Elsewhere::Band(2)),
        };
        let p = b.profile(&a, as_of).expect("profile");
        let e = engine.evaluate(&p, as_of).expect("evaluates");
        assert_eq!(e.tier.id, "mid_lower");
        // The band's lower end stands for the customer: core's reach from there.
        let next = e.reach.expect("a tier above");
        assert_eq!(next.tier.id, "mid_upper");
        assert_eq!(next.amount.0, money(150_000));
        assert_eq!(next.bar.map(|d| d.0), Some(money(200_000)));
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
            external: Some(Elsewhere::Band(0)),
        };
        let p = b.profile(&young, as_of).expect("profile");
        assert!(p.external_assets.is_empty());
        let e = engine.evaluate(&p, as_of).expect("evaluates");
        assert_eq!(e.tier.id, "potential");
        assert!(e.potential.is_none());
        assert_eq!(e.reach.map(|n| n.amount.0), Some(money(50_000)));
    }

    #[test]
    fn no_profile_until_the_required_answers_are_in_range() {
        let b = Bands::of(&engine("cn-retail"));
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
        a.external = Some(Elsewhere::Band(99));
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

    #[test]
    fn none_elsewhere_answers_the_optional_question_with_nothing() {
        use KioskAction::{Answer, NoneElsewhere, Start};
        let s = run(&[Start, Answer(Question::Assets, 1), Answer(Question::Age, 2)]);
        // Only on the question it answers.
        assert_eq!(s.clone().reduce(NoneElsewhere), s);
        let s = s
            .reduce(Answer(Question::Education, 1))
            .reduce(NoneElsewhere);
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.answers.external, Some(Elsewhere::Nothing));
        assert_eq!(s.answers.get(Question::External), None);
        let b = Bands::of(&engine("cn-retail"));
        let p = b.profile(&s.answers, day("2026-11-25")).expect("profile");
        assert!(p.external_assets.is_empty());
        assert_eq!(b.chosen(&s.answers).expect("chosen").external, None);
    }

    #[test]
    fn large_text_stays_through_the_session_until_it_resets() {
        use KioskAction::{Answer, Back, Idle, Start, ToggleLarge};
        let s = run(&[ToggleLarge, Start, Answer(Question::Assets, 1)]);
        assert!(s.large);
        assert_eq!(s.answers.assets, Some(1));
        // Back to the start forgets the answers, not the text size.
        let s = s.reduce(Back).reduce(Back);
        assert_eq!(s.screen, Screen::Attract);
        assert!(s.large);
        assert_eq!(s.answers, Answers::default());
        // Not under the idle warning; a new session (a new state) starts small.
        let s = s.reduce(Start).reduce(Idle).reduce(ToggleLarge);
        assert!(s.large);
        assert!(!KioskState::new(Locale::En).large);
    }
}
