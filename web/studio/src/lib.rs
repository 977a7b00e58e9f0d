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

use strata_core::batch::{Portfolio, TierOptions, Tiering};
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

/// The loaded portfolio and its tierings, shared by the screens; the portfolio is large, so
/// it is never cloned.
#[derive(Default)]
pub struct Book {
    /// The portfolio, once loaded.
    pub portfolio: Option<Portfolio>,
    /// Under the current ruleset.
    pub current: Option<Tiering>,
    /// Under the candidate.
    pub candidate: Option<Tiering>,
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
pub const SLICE: usize = 100_000;

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
/// changes.
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
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(engine) = Engine::new(rs) else {
                return;
            };
            let t0 = load::now();
            let live = || generation.borrow()[which] == mine;
            if let Some(Ok(t)) = tier_sliced(&book, &engine, &live).await {
                {
                    let mut b = book.borrow_mut();
                    if which == 0 {
                        b.current = Some(t);
                    } else {
                        b.candidate = Some(t);
                    }
                }
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
            }
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
    let current_id = use_state(|| "cn-retail".to_owned());
    let current = use_memo((*current_id).clone(), |id| {
        rulesets::builtin(id).unwrap_or_else(rulesets::cn_retail)
    });
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
        let current_id = current_id.clone();
        let candidate = candidate.clone();
        Callback::from(move |id: String| {
            candidate.set(rulesets::builtin(&id).unwrap_or_else(rulesets::cn_retail));
            current_id.set(id);
        })
    };
    let on_candidate = {
        let candidate = candidate.clone();
        Callback::from(move |rs: Ruleset| candidate.set(rs))
    };
    let engine = Rc::new(Engine::new((*current).clone()).ok());
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
