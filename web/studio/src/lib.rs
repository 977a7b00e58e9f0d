//! The studio (`studio.html`, built to `dist/studio/`): a bank's product team loads a
//! portfolio (a CSV in the documented layout, the CLI's JSONL, or a synthetic one from a
//! seed), edits a candidate ruleset and sees, while a threshold moves, how every customer
//! would move. Every figure comes from `strata_core::batch`; this crate lays it out.
//!
//! Its own binary, so customers' phones never download it. The portfolio stays in the page:
//! nothing is sent or stored.

pub mod i18n;
pub mod load;
pub mod view;

use std::cell::RefCell;
use std::rc::Rc;

use strata_core::batch::{
    Migration, NearThreshold, Portfolio, TierOptions, Tiering, histogram_add,
};
use strata_core::ruleset::{Criterion, Threshold};
use strata_core::{Dec, Engine, Ruleset, rulesets};
use strata_ui::services::{clock, start_locale};
use yew::prelude::*;

use crate::i18n::{StudioMsg, st};
use crate::load::LoadReport;

/// A money threshold in the candidate ruleset the form edits: where it is and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdRef {
    /// The tier's ladder position.
    pub tier: usize,
    /// The path of the comparison inside the tier's criteria (indices into `all` / `any`).
    pub at: Vec<usize>,
    /// The metric compared (its window is part of the name, e.g. `aum_avg_3m`).
    pub metric: String,
    /// The threshold.
    pub value: rust_decimal::Decimal,
}

/// Every numeric threshold of `rs`, tier by tier.
#[must_use]
pub fn thresholds(rs: &Ruleset) -> Vec<ThresholdRef> {
    fn walk(c: &Criterion, tier: usize, at: &mut Vec<usize>, out: &mut Vec<ThresholdRef>) {
        match c {
            Criterion::All { all: cs } | Criterion::Any { any: cs } => {
                for (i, c) in cs.iter().enumerate() {
                    at.push(i);
                    walk(c, tier, at, out);
                    at.pop();
                }
            }
            Criterion::Compare(cmp) => {
                if let Threshold::Number(Dec(v)) = cmp.value {
                    out.push(ThresholdRef {
                        tier,
                        at: at.clone(),
                        metric: cmp.metric.clone(),
                        value: v,
                    });
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, t) in rs.tiers.iter().enumerate() {
        if let Some(c) = &t.criteria {
            walk(c, i, &mut Vec::new(), &mut out);
        }
    }
    out
}

/// The comparison at `r` in `rs`, to edit.
fn comparison_mut<'a>(
    rs: &'a mut Ruleset,
    r: &ThresholdRef,
) -> Option<&'a mut strata_core::ruleset::Comparison> {
    let mut c = rs.tiers.get_mut(r.tier)?.criteria.as_mut()?;
    for &i in &r.at {
        c = match c {
            Criterion::All { all: cs } | Criterion::Any { any: cs } => cs.get_mut(i)?,
            Criterion::Compare(_) => return None,
        };
    }
    match c {
        Criterion::Compare(cmp) => Some(cmp),
        _ => None,
    }
}

/// `rs` with the threshold at `r` set to `value`.
#[must_use]
pub fn with_threshold(rs: &Ruleset, r: &ThresholdRef, value: rust_decimal::Decimal) -> Ruleset {
    let mut rs = rs.clone();
    if let Some(cmp) = comparison_mut(&mut rs, r) {
        cmp.value = Threshold::Number(Dec(value));
    }
    rs
}

/// `rs` with the metric at `r` renamed (a window such as `aum_avg_3m` → `aum_avg_6m`).
#[must_use]
pub fn with_metric(rs: &Ruleset, r: &ThresholdRef, metric: &str) -> Ruleset {
    let mut rs = rs.clone();
    if let Some(cmp) = comparison_mut(&mut rs, r) {
        metric.clone_into(&mut cmp.metric);
    }
    rs
}

/// The review policy a form sets: how and when a customer below their tier's bar moves down.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// Never, after reviews, or after months of grace.
    pub downgrade: strata_core::ruleset::Downgrade,
    /// Where a downgrade lands.
    pub to: strata_core::ruleset::DowngradeTo,
    /// Months a tier is kept at least.
    pub min_tenure_months: u32,
}

impl Policy {
    /// `rs`'s policy.
    #[must_use]
    pub fn of(rs: &Ruleset) -> Policy {
        Policy {
            downgrade: rs.review.downgrade.clone(),
            to: rs.review.downgrade_to,
            min_tenure_months: rs.review.min_tenure_months,
        }
    }
}

/// `rs` with its review policy set to `p` (its review dates kept).
#[must_use]
pub fn with_policy(rs: &Ruleset, p: &Policy) -> Ruleset {
    let mut rs = rs.clone();
    rs.review.downgrade = p.downgrade.clone();
    rs.review.downgrade_to = p.to;
    rs.review.min_tenure_months = p.min_tenure_months;
    rs
}

/// A tiering and the engine it was made under.
pub struct Tiered {
    /// Every row's tier.
    pub tiering: Tiering,
    /// The ruleset's engine.
    pub engine: Rc<Engine>,
    /// Bumped each time a tiering is stored, so a summary knows which it counted.
    pub serial: u32,
}

/// What the comparison shows, counted once per pair of tierings (in slices), so that a
/// redraw reads a few hundred numbers instead of a million rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The serials of the current and candidate tierings counted.
    pub serials: [u32; 2],
    /// The migration matrix.
    pub migration: Migration,
    /// Customers within 5 % below each money threshold of the candidate.
    pub near: Vec<NearThreshold>,
    /// Customers per candidate tier and AUM bin ([`view::EDGES`]).
    pub histogram: Vec<u64>,
    /// Customers per current tier.
    pub current_counts: Vec<u64>,
    /// Customers per candidate tier.
    pub candidate_counts: Vec<u64>,
}

/// The loaded portfolio, its tierings and their summary, shared by the screens; the
/// portfolio is large, so it is never cloned.
#[derive(Default)]
pub struct Book {
    /// The portfolio, once loaded.
    pub portfolio: Option<Portfolio>,
    /// Under the current ruleset.
    pub current: Option<Tiered>,
    /// Under the candidate.
    pub candidate: Option<Tiered>,
    /// A tiering under way for the current ruleset (0) or the candidate (1).
    pub pending: [bool; 2],
    /// The comparison of the stored tierings, once counted.
    pub summary: Option<Rc<Summary>>,
    serial: u32,
}

impl Book {
    /// Stores a tiering (0: current, 1: candidate).
    pub fn store(&mut self, which: usize, tiering: Tiering, engine: Rc<Engine>) {
        self.serial = self.serial.wrapping_add(1);
        let t = Some(Tiered {
            tiering,
            engine,
            serial: self.serial,
        });
        if which == 0 {
            self.current = t;
        } else {
            self.candidate = t;
        }
        self.pending[which] = false;
    }

    /// Forgets the tierings and their summary (a new portfolio).
    pub fn reset(&mut self, portfolio: Portfolio) {
        self.portfolio = Some(portfolio);
        self.current = None;
        self.candidate = None;
        self.summary = None;
    }

    fn serials(&self) -> Option<[u32; 2]> {
        Some([
            self.current.as_ref()?.serial,
            self.candidate.as_ref()?.serial,
        ])
    }
}

/// Counts the comparison of `book`'s two tierings in slices of [`SLICE`] rows, yielding
/// between them; `None` when either tiering is missing or under way, or when `live` turns
/// false or a tiering is replaced meanwhile (whoever replaced it counts again).
pub async fn summarize(book: &Rc<RefCell<Book>>, live: &dyn Fn() -> bool) -> Option<Summary> {
    let (serials, len, current, candidate) = {
        let b = book.borrow();
        if b.pending.iter().any(|p| *p) {
            return None;
        }
        let len = b.portfolio.as_ref()?.len();
        let (c, d) = (b.current.as_ref()?, b.candidate.as_ref()?);
        if c.tiering.tier.len() != len || d.tiering.tier.len() != len {
            return None;
        }
        (b.serials()?, len, c.engine.clone(), d.engine.clone())
    };
    let (cur, cand) = (current.ruleset(), candidate.ruleset());
    let bins = view::EDGES.len() + 1;
    let mut sum = Summary {
        serials,
        migration: Migration::new(cur, cand),
        near: Vec::new(),
        histogram: vec![0; cand.tiers.len() * bins],
        current_counts: vec![0; cur.tiers.len()],
        candidate_counts: vec![0; cand.tiers.len()],
    };
    let mut start = 0;
    while start < len {
        if !live() || book.borrow().serials() != Some(serials) {
            return None;
        }
        {
            let mut held = book.borrow_mut();
            let Book {
                portfolio,
                current: Some(now),
                candidate: Some(then),
                ..
            } = &mut *held
            else {
                return None;
            };
            let p = portfolio.as_mut()?;
            let rows = start..(start + SLICE).min(len);
            let (a, t) = (&now.tiering, &then.tiering);
            sum.migration.add_rows(a, t, p.assets(), rows.clone());
            histogram_add(
                &mut sum.histogram,
                t,
                p.assets(),
                &view::EDGES,
                rows.clone(),
            );
            for (counts, tiering) in [(&mut sum.current_counts, a), (&mut sum.candidate_counts, t)]
            {
                for &x in &tiering.tier[rows.clone()] {
                    if let Some(n) = counts.get_mut(usize::from(x)) {
                        *n += 1;
                    }
                }
            }
            let near = p.near_thresholds_in(&candidate, 5, rows.clone());
            if sum.near.is_empty() {
                sum.near = near;
            } else {
                for (n, part) in sum.near.iter_mut().zip(near) {
                    n.customers += part.customers;
                }
            }
            start = rows.end;
        }
        if start < len {
            load::yield_now().await;
        }
    }
    (live() && book.borrow().serials() == Some(serials)).then_some(sum)
}

/// The book behind a handle whose identity changes with each update, for Yew props.
#[derive(Clone, Default)]
pub struct BookRef(pub Rc<RefCell<Book>>, pub u32);

impl PartialEq for BookRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

/// Rows tiered per slice before yielding to the event loop, so a moving slider never holds
/// the page long.
pub const SLICE: usize = 50_000;

/// Tiers `book`'s portfolio under `engine` in slices, yielding between them.
pub async fn tier_sliced(
    book: &Rc<RefCell<Book>>,
    engine: &Engine,
    live: &dyn Fn() -> bool,
) -> Option<Result<Tiering, strata_core::batch::BatchError>> {
    let len = book.borrow().portfolio.as_ref()?.len();
    let mut all = Tiering::default();
    let mut start = 0;
    while start < len {
        if !live() {
            return None;
        }
        let part = {
            let mut b = book.borrow_mut();
            let p = b.portfolio.as_mut()?;
            p.tier_rows(engine, TierOptions { targets: false }, start..start + SLICE)
        };
        match part {
            Ok(t) => {
                all.tier.extend(t.tier);
                all.qualified.extend(t.qualified);
                all.rule.extend(t.rule);
            }
            Err(e) => return Some(Err(e)),
        }
        start += SLICE;
        if start < len {
            load::yield_now().await;
        }
    }
    live().then_some(Ok(all))
}

thread_local! {
    /// The last ruleset a form checked and its engine: the re-tiering that follows the edit
    /// takes it instead of assembling the same ruleset again within one input event.
    static CHECKED: RefCell<Option<(Ruleset, Rc<Engine>)>> = const { RefCell::new(None) };
}

/// `rs`'s engine when it assembles (kept for the re-tiering the edit starts), else `None`.
#[must_use]
pub fn checked(rs: &Ruleset) -> Option<Rc<Engine>> {
    if let Some(e) =
        CHECKED.with_borrow(|c| c.as_ref().filter(|(r, _)| r == rs).map(|c| c.1.clone()))
    {
        return Some(e);
    }
    let engine = Rc::new(Engine::new(rs.clone()).ok()?);
    CHECKED.set(Some((rs.clone(), engine.clone())));
    Some(engine)
}

/// The shipped rulesets' ids.
#[must_use]
pub fn shipped() -> Vec<&'static str> {
    rulesets::ALL.iter().map(|(id, _)| *id).collect()
}

/// What a re-tiering run needs from the root component.
#[derive(Clone)]
struct Retier {
    book: Rc<RefCell<Book>>,
    timing: UseStateHandle<Option<f64>>,
    version: UseStateHandle<u32>,
    /// Runs started, per tiering, and a tick for redraws.
    generation: Rc<RefCell<[u32; 3]>>,
    loads: u32,
}

/// Tiers the portfolio under `rs` (0: current, 1: candidate) whenever it or the portfolio
/// changes, then counts the comparison when the other tiering is ready.
#[hook]
fn use_retier(which: usize, rs: Ruleset, ctx: Retier) {
    use_effect_with((rs, ctx.loads), move |(rs, _)| {
        let rs = rs.clone();
        let Retier {
            book,
            timing,
            version,
            generation,
            ..
        } = ctx;
        generation.borrow_mut()[which] += 1;
        let mine = generation.borrow()[which];
        let Some(engine) = checked(&rs) else {
            // The older run stops at its next slice; its tiering stays the latest.
            book.borrow_mut().pending[which] = false;
            return;
        };
        book.borrow_mut().pending[which] = true;
        wasm_bindgen_futures::spawn_local(async move {
            let t0 = load::now();
            let live = || generation.borrow()[which] == mine;
            // Each slice in a task of its own: not the first after the input that started
            // the run, nor the first count after the last tiering slice.
            load::yield_now().await;
            let Some(Ok(t)) = tier_sliced(&book, &engine, &live).await else {
                return;
            };
            book.borrow_mut().store(which, t, engine);
            load::yield_now().await;
            let Some(summary) = summarize(&book, &live).await else {
                return;
            };
            book.borrow_mut().summary = Some(Rc::new(summary));
            if which == 1 {
                timing.set(Some(load::now() - t0));
            }
            // A fresh number each time: two runs that end together both redraw.
            let tick = {
                let mut g = generation.borrow_mut();
                g[2] = g[2].wrapping_add(1);
                g[2]
            };
            version.set(tick);
        });
    });
}

/// The studio's root component.
#[component]
pub fn Studio() -> Html {
    let locale = use_state(start_locale);
    let book = use_mut_ref(Book::default);
    let version = use_state(|| 0u32);
    let loads = use_state(|| 0u32);
    // The shipped id of the current ruleset, empty when it came from a file.
    let current_id = use_state(|| "cn-retail".to_owned());
    let current = use_state(rulesets::cn_retail);
    let candidate = use_state(|| (*current).clone());
    let report = use_state(|| None::<LoadReport>);
    let progress = use_state(|| None::<(u64, u64)>);
    let timing = use_state(|| None::<f64>);
    let as_of = *use_memo((), |()| clock::as_of());
    let l = *locale;

    // Re-tier under the current ruleset when it or the portfolio changes, and under the
    // candidate when it or the portfolio changes. A newer run makes an older one stop at its
    // next slice, so a moving slider never queues work.
    let generation = use_mut_ref(|| [0u32; 3]);
    let ctx = Retier {
        book: book.clone(),
        timing: timing.clone(),
        version: version.clone(),
        generation,
        loads: *loads,
    };
    use_retier(0, (*current).clone(), ctx.clone());
    use_retier(1, (*candidate).clone(), ctx);

    let on_loaded = {
        let report = report.clone();
        let progress = progress.clone();
        let loads = loads.clone();
        Callback::from(move |r: LoadReport| {
            progress.set(None);
            loads.set(*loads + 1);
            report.set(Some(r));
        })
    };
    let on_lang = {
        let locale = locale.clone();
        Callback::from(move |_| locale.set(locale.other()))
    };
    let on_current = {
        let (current_id, current, candidate) =
            (current_id.clone(), current.clone(), candidate.clone());
        Callback::from(move |(id, rs): (String, Ruleset)| {
            candidate.set(rs.clone());
            current.set(rs);
            current_id.set(id);
        })
    };
    let on_candidate = {
        let candidate = candidate.clone();
        Callback::from(move |rs: Ruleset| candidate.set(rs))
    };
    let engine = (*use_memo((*current).clone(), |rs| {
        Rc::new(Engine::new(rs.clone()).ok())
    }))
    .clone();
    html! {
        <div class="studio" lang={l.tag()}>
            <header class="studio-head">
                <h1>{ st(l, StudioMsg::Title) }</h1>
                <p class="studio-privacy" role="note">{ st(l, StudioMsg::Privacy) }</p>
                <button type="button" class="studio-lang" onclick={on_lang}
                        lang={l.other().tag()}>{ st(l, StudioMsg::Language) }</button>
            </header>
            <main id="main" class="studio-main">
                <load::LoadPanel locale={l} book={BookRef(book.clone(), *version)}
                                 engine={view::EngineProp(engine)} {as_of}
                                 progress={*progress}
                                 on_progress={Callback::from({
                                     let progress = progress.clone();
                                     move |p| progress.set(Some(p))
                                 })}
                                 {on_loaded} report={(*report).clone()} />
                <view::RulesetPanel locale={l} current_id={(*current_id).clone()}
                                    current={(*current).clone()}
                                    candidate={(*candidate).clone()}
                                    {on_current} {on_candidate} />
                <view::Comparison locale={l} book={BookRef(book.clone(), *version)}
                                  current={(*current).clone()}
                                  candidate={(*candidate).clone()} timing={*timing} />
            </main>
        </div>
    }
}

/// Mounts the studio.
pub fn start() {
    yew::Renderer::<Studio>::new().render();
}
