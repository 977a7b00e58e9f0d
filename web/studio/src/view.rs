//! The ruleset panel (shipped rulesets, the threshold form, the raw JSON with live lint) and
//! the comparison (matrix, moves, customers near a line, benefits, costs, histogram, export).

use std::rc::Rc;

use rust_decimal::Decimal;
use strata_core::batch::{cell_rows, yearly_cost_cents};
use strata_core::lint::lint;
use strata_core::ruleset::{Downgrade, DowngradeTo};
use strata_core::{Engine, Ruleset, benefits, parse_ruleset};
use strata_ui::format;
use strata_ui::i18n::{Locale, fill};
use yew::prelude::*;

use crate::i18n::{StudioMsg, st};
use crate::{BookRef, Policy, shipped, thresholds, with_metric, with_policy, with_threshold};

/// An optional engine as a prop (compared by identity).
#[derive(Clone)]
pub struct EngineProp(pub Rc<Option<Engine>>);

impl PartialEq for EngineProp {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`RulesetPanel`].
#[derive(Properties, PartialEq)]
pub struct RulesetProps {
    /// Language.
    pub locale: Locale,
    /// The current ruleset's shipped id (empty when it came from a file).
    pub current_id: String,
    /// The current ruleset.
    pub current: Ruleset,
    /// The candidate.
    pub candidate: Ruleset,
    /// Sets the current ruleset: (shipped id or empty, ruleset).
    pub on_current: Callback<(String, Ruleset)>,
    /// Sets the candidate.
    pub on_candidate: Callback<Ruleset>,
}

fn money_of(cents: i128, currency: &str, l: Locale) -> String {
    format::money(
        format::Amount::Held,
        Decimal::from_i128_with_scale(cents, 2),
        currency,
        l,
    )
}

/// Picks the rulesets and edits the candidate.
#[component]
pub fn RulesetPanel(props: &RulesetProps) -> Html {
    let l = props.locale;
    let json = serde_json_text(&props.candidate);
    let draft = use_state(|| json.clone());
    {
        let draft = draft.clone();
        use_effect_with(json.clone(), move |j| draft.set(j.clone()));
    }
    // The JSON box, open or closed: lint (which probes every cut of the ladder) runs for
    // the text shown, once per text, and not while the box is closed, so that a moving
    // slider never waits for it.
    let open_json = use_state(|| false);
    let findings = use_memo(((*draft).clone(), *open_json), |(text, open)| {
        if !open {
            return Vec::new();
        }
        match parse_ruleset(text) {
            Ok(rs) => lint(&rs)
                .into_iter()
                .map(|f| (f.path, f.message))
                .collect::<Vec<_>>(),
            Err(e) => {
                e.0.iter()
                    .map(|e| (e.path().to_owned(), e.to_string()))
                    .collect()
            }
        }
    });
    let on_toggle = {
        let open_json = open_json.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open_json.set(d.open());
            }
        })
    };
    let on_select = {
        let cb = props.on_current.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>()
                && let Some(rs) = strata_core::rulesets::builtin(&s.value())
            {
                cb.emit((s.value(), rs));
            }
        })
    };
    // A ruleset file: applied when it parses and assembles; else its text goes to the JSON
    // box, whose lint names each problem by path.
    let file_status = use_state(|| None::<FileStatus>);
    let on_file = |which: usize| {
        let (current, candidate) = (props.on_current.clone(), props.on_candidate.clone());
        let (status, draft, open_json) = (file_status.clone(), draft.clone(), open_json.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (current, candidate) = (current.clone(), candidate.clone());
            let (status, draft, open_json) = (status.clone(), draft.clone(), open_json.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(text) = crate::load::file_text(&file).await else {
                    return;
                };
                let name = file.name();
                let usable = parse_ruleset(&text)
                    .ok()
                    .filter(|rs| Engine::new(rs.clone()).is_ok());
                let Some(rs) = usable else {
                    status.set(Some(FileStatus::Refused(which, name)));
                    draft.set(text);
                    open_json.set(true);
                    return;
                };
                status.set(Some(FileStatus::Loaded(which, name)));
                if which == 0 {
                    current.emit((String::new(), rs));
                } else {
                    candidate.emit(rs);
                }
            });
        })
    };
    let on_candidate_pick = {
        let (cb, current) = (props.on_candidate.clone(), props.current.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let v = s.value();
                cb.emit(strata_core::rulesets::builtin(&v).unwrap_or_else(|| current.clone()));
            }
        })
    };
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                draft.set(t.value());
            }
        })
    };
    let on_apply = {
        let (cb, draft) = (props.on_candidate.clone(), draft.clone());
        Callback::from(move |_| {
            if let Ok(rs) = parse_ruleset(&draft)
                && Engine::new(rs.clone()).is_ok()
            {
                cb.emit(rs);
            }
        })
    };
    // The candidate is an edit of the current ruleset while it keeps the current one's id.
    let edit = props.candidate.id == props.current.id;
    let refs = thresholds(&props.candidate);
    let currency = props.candidate.currency.clone();
    let rows = refs.iter().enumerate().map(|(i, r)| {
        let tier = props.candidate.tiers.get(r.tier).map_or(String::new(), |t| {
            t.name.get(l.tag()).to_owned()
        });
        let id = format!("th-{i}");
        let mid = format!("metric-{i}");
        let on_value = {
            let (cb, rs, r) = (props.on_candidate.clone(), props.candidate.clone(), r.clone());
            Callback::from(move |e: InputEvent| {
                if let Some(inp) = e.target_dyn_into::<web_sys::HtmlInputElement>()
                    && let Ok(v) = inp.value().parse::<Decimal>()
                    && v >= Decimal::ZERO
                {
                    let next = with_threshold(&rs, &r, v.round_dp(2));
                    if crate::checked(&next).is_some() {
                        cb.emit(next);
                    }
                }
            })
        };
        let on_metric = {
            let (cb, rs, r) = (props.on_candidate.clone(), props.candidate.clone(), r.clone());
            Callback::from(move |e: Event| {
                if let Some(inp) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    let next = with_metric(&rs, &r, inp.value().trim());
                    if crate::checked(&next).is_some() {
                        cb.emit(next);
                    }
                }
            })
        };
        let max = (r.value * Decimal::from(3)).max(Decimal::from(100)).trunc();
        html! {
            <tr>
                <th scope="row">{ tier }</th>
                <td><input id={mid.clone()} type="text" value={r.metric.clone()}
                           aria-label={format!("{} {}", st(l, StudioMsg::Window), r.metric)}
                           onchange={on_metric} /></td>
                <td>
                    <input id={id.clone()} type="range" min="0" max={max.to_string()}
                           step="any" value={r.value.to_string()} oninput={on_value.clone()}
                           aria-label={format!("{} {}", st(l, StudioMsg::Thresholds), r.metric)} />
                    <input type="number" min="0" step="0.01" value={r.value.to_string()}
                           class="studio-threshold" oninput={on_value}
                           aria-label={format!("{} {} ({currency})", st(l, StudioMsg::Thresholds), r.metric)} />
                </td>
            </tr>
        }
    });
    let policy = policy_form(l, &props.candidate, &props.on_candidate);
    let status = (*file_status).as_ref().map(|s| {
        let (msg, which, name) = match s {
            FileStatus::Loaded(w, n) => (StudioMsg::FileLoaded, *w, n),
            FileStatus::Refused(w, n) => (StudioMsg::FileRefused, *w, n),
        };
        let what = st(l, if which == 0 { StudioMsg::Current } else { StudioMsg::Candidate });
        html! { <p id="ruleset-file-status" role="status">{ fill(l, msg, &[("file", name), ("what", what)]) }</p> }
    });
    let from_file = !edit && !shipped().contains(&props.candidate.id.as_str());
    html! {
        <section class="studio-panel" aria-labelledby="rules-h">
            <h2 id="rules-h">{ st(l, StudioMsg::Rulesets) }</h2>
            <p class="studio-row">
                <label>{ st(l, StudioMsg::Current) }
                    <select id="current-ruleset" onchange={on_select}>
                        if props.current_id.is_empty() {
                            <option value="" selected=true>{ fill(l, StudioMsg::FromFile, &[("id", &props.current.id)]) }</option>
                        }
                        { for shipped().into_iter().map(|id| html! {
                            <option value={id} selected={id == props.current_id}>{ id }</option>
                        }) }
                    </select></label>
                <label>{ st(l, StudioMsg::Candidate) }
                    <select id="candidate-ruleset" onchange={on_candidate_pick}>
                        <option value="" selected={edit}>{ st(l, StudioMsg::EditOfCurrent) }</option>
                        if from_file {
                            <option value={props.candidate.id.clone()} selected=true>{ fill(l, StudioMsg::FromFile, &[("id", &props.candidate.id)]) }</option>
                        }
                        { for shipped().into_iter().map(|id| html! {
                            <option value={id} selected={!edit && props.candidate.id == id}>{ id }</option>
                        }) }
                    </select></label>
            </p>
            <p class="studio-row">
                <label>{ st(l, StudioMsg::CurrentFile) }
                    <input id="current-file" type="file" accept=".json,application/json"
                           onchange={on_file(0)} /></label>
                <label>{ st(l, StudioMsg::CandidateFile) }
                    <input id="candidate-file" type="file" accept=".json,application/json"
                           onchange={on_file(1)} /></label>
            </p>
            { for status }
            <h3>{ st(l, StudioMsg::Thresholds) }</h3>
            <table class="studio-form">
                <tbody>{ for rows }</tbody>
            </table>
            { policy }
            <details open={*open_json} ontoggle={on_toggle}>
                <summary>{ st(l, StudioMsg::RawJson) }</summary>
                <label for="raw-json" class="visually-hidden">{ st(l, StudioMsg::RawJson) }</label>
                <textarea id="raw-json" rows="16" spellcheck="false" value={(*draft).clone()}
                          oninput={on_draft} />
                <button type="button" onclick={on_apply}>{ st(l, StudioMsg::Apply) }</button>
                <ul id="lint" class="studio-lint" aria-live="polite">
                    if findings.is_empty() {
                        <li>{ st(l, StudioMsg::NoProblems) }</li>
                    }
                    { for findings.iter().map(|(path, message)| html! {
                        <li><code>{ path.clone() }</code>{ " " }{ message.clone() }</li>
                    }) }
                </ul>
            </details>
        </section>
    }
}

/// What became of a ruleset file: (0 current / 1 candidate, file name).
#[derive(Clone, Debug, PartialEq)]
enum FileStatus {
    Loaded(usize, String),
    Refused(usize, String),
}

/// The candidate's review policy as a form: how a customer below the bar moves down, after
/// how many reviews or months, where to, and the minimum tenure.
fn policy_form(l: Locale, rs: &Ruleset, on_candidate: &Callback<Ruleset>) -> Html {
    let policy = Policy::of(rs);
    let emit = {
        let (cb, rs) = (on_candidate.clone(), rs.clone());
        move |p: &Policy| {
            let next = with_policy(&rs, p);
            if crate::checked(&next).is_some() {
                cb.emit(next);
            }
        }
    };
    let (kind, n) = match policy.downgrade {
        Downgrade::Never => ("never", None),
        Downgrade::AfterReviews { reviews } => ("after_reviews", Some(reviews)),
        Downgrade::Grace { months } => ("grace", Some(months)),
    };
    let on_kind = {
        let (emit, p) = (emit.clone(), policy.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let n = n.unwrap_or(2);
                let downgrade = match s.value().as_str() {
                    "after_reviews" => Downgrade::AfterReviews {
                        reviews: n.clamp(1, 24),
                    },
                    "grace" => Downgrade::Grace {
                        months: n.clamp(1, 120),
                    },
                    _ => Downgrade::Never,
                };
                emit(&Policy {
                    downgrade,
                    ..p.clone()
                });
            }
        })
    };
    let number = |f: fn(&mut Policy, u32)| {
        let (emit, p) = (emit.clone(), policy.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>()
                && let Ok(v) = i.value().trim().parse::<u32>()
            {
                let mut next = p.clone();
                f(&mut next, v);
                emit(&next);
            }
        })
    };
    let on_n = number(|p, v| match &mut p.downgrade {
        Downgrade::AfterReviews { reviews } => *reviews = v,
        Downgrade::Grace { months } => *months = v,
        Downgrade::Never => {}
    });
    let on_tenure = number(|p, v| p.min_tenure_months = v);
    let on_to = {
        let (emit, p) = (emit.clone(), policy.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let to = if s.value() == "qualified" {
                    DowngradeTo::Qualified
                } else {
                    DowngradeTo::OneDown
                };
                emit(&Policy { to, ..p.clone() });
            }
        })
    };
    let (n_label, n_max) = if kind == "grace" {
        (StudioMsg::GraceMonths, "120")
    } else {
        (StudioMsg::ReviewsBelow, "24")
    };
    let one_down = policy.to == DowngradeTo::OneDown;
    html! {
        <fieldset class="studio-policy">
            <legend>{ st(l, StudioMsg::Downgrade) }</legend>
            <label>{ st(l, StudioMsg::DowngradeWhen) }
                <select id="downgrade-kind" onchange={on_kind}>
                    <option value="never" selected={kind == "never"}>{ st(l, StudioMsg::DowngradeNever) }</option>
                    <option value="after_reviews" selected={kind == "after_reviews"}>{ st(l, StudioMsg::AfterReviewsOption) }</option>
                    <option value="grace" selected={kind == "grace"}>{ st(l, StudioMsg::GraceOption) }</option>
                </select></label>
            if let Some(n) = n {
                <label>{ st(l, n_label) }
                    <input id="downgrade-n" type="number" min="1" max={n_max} step="1"
                           value={n.to_string()} oninput={on_n} /></label>
            }
            <label>{ st(l, StudioMsg::DowngradeTo) }
                <select id="downgrade-to" onchange={on_to}>
                    <option value="one_down" selected={one_down}>{ st(l, StudioMsg::OneDown) }</option>
                    <option value="qualified" selected={!one_down}>{ st(l, StudioMsg::ToQualified) }</option>
                </select></label>
            <label>{ st(l, StudioMsg::MinTenure) }
                <input id="min-tenure" type="number" min="0" max="120" step="1"
                       value={policy.min_tenure_months.to_string()} oninput={on_tenure} /></label>
        </fieldset>
    }
}

fn serde_json_text(rs: &Ruleset) -> String {
    serde_json::to_string_pretty(rs).unwrap_or_default()
}

/// Props of [`Comparison`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// Language.
    pub locale: Locale,
    /// The portfolio and its tierings.
    pub book: BookRef,
    /// The current ruleset.
    pub current: Ruleset,
    /// The candidate.
    pub candidate: Ruleset,
    /// How long the last re-tiering took, in ms.
    pub timing: Option<f64>,
}

/// The comparison of the two tierings, drawn from their [`crate::Summary`] (counted once
/// per pair of tierings, never per redraw).
#[component]
pub fn Comparison(props: &CompareProps) -> Html {
    let l = props.locale;
    let summary = props.book.0.borrow().summary.clone();
    let Some(summary) = summary else {
        return html! {
            <section class="studio-panel" aria-labelledby="cmp-h">
                <h2 id="cmp-h">{ st(l, StudioMsg::Comparison) }</h2>
                <p>{ st(l, StudioMsg::Empty) }</p>
            </section>
        };
    };
    // The rulesets the summary counted (the props may already hold a newer candidate).
    let (cur, cand) = {
        let b = props.book.0.borrow();
        match (&b.current, &b.candidate) {
            (Some(c), Some(d)) if [c.serial, d.serial] == summary.serials => {
                (c.engine.ruleset().clone(), d.engine.ruleset().clone())
            }
            _ => (props.current.clone(), props.candidate.clone()),
        }
    };
    let (cur, cand) = (&cur, &cand);
    let currency = cand.currency.clone();
    let m = &summary.migration;
    let name = |rs: &Ruleset, i: usize| {
        rs.tiers
            .get(i)
            .map_or(String::new(), |t| t.name.get(l.tag()).to_owned())
    };
    let header = (0..m.to.len()).map(|j| html! { <th scope="col">{ name(cand, j) }</th> });
    let body = (0..m.from.len()).map(|i| {
        let cells = (0..m.to.len()).map(|j| {
            let c = m.cell(i, j);
            let n = m.customers[c];
            let text = fill(
                l,
                StudioMsg::MatrixCell,
                &[
                    ("n", &n.to_string()),
                    ("aum", &money_of(m.assets_cents[c], &currency, l)),
                ],
            );
            let export = (n > 0).then(|| {
                let label = fill(
                    l,
                    StudioMsg::ExportCell,
                    &[("from", &name(cur, i)), ("to", &name(cand, j))],
                );
                let book = props.book.0.clone();
                let file = format!("{}-to-{}.csv", m.from[i], m.to[j]);
                let onclick = Callback::from(move |_| {
                    let bk = book.borrow();
                    let (Some(p), Some(a), Some(b)) = (&bk.portfolio, &bk.current, &bk.candidate)
                    else {
                        return;
                    };
                    let mut csv = String::from("id,assets\n");
                    for r in cell_rows(&a.tiering, &b.tiering, i as u16, j as u16) {
                        let cents = p.assets()[r];
                        csv.push_str(&csv_cell(p.id(r).unwrap_or_default()));
                        csv.push(',');
                        csv.push_str(&Decimal::new(cents, 2).to_string());
                        csv.push('\n');
                    }
                    crate::load::download(&file, &csv);
                });
                html! { <button type="button" class="studio-export" aria-label={label}
                {onclick}>{ st(l, StudioMsg::Export) }</button> }
            });
            let class = if i == j {
                "same"
            } else if n > 0 {
                "moved"
            } else {
                ""
            };
            html! { <td class={class}>{ text }{ for export }</td> }
        });
        html! { <tr><th scope="row">{ name(cur, i) }</th>{ for cells }</tr> }
    });
    let near = &summary.near;
    let near_items = near.iter().map(|n| {
        html! {
            <li>{ fill(l, StudioMsg::NearLine, &[
                ("tier", &name(cand, n.tier)),
                ("metric", &n.metric),
                ("value", &format::money(format::Amount::Exact, n.value, &currency, l)),
                ("n", &n.customers.to_string()),
            ]) }</li>
        }
    });
    // Benefits gained and lost for each moved cell with customers.
    let mut changes = Vec::new();
    for i in 0..m.from.len() {
        for j in 0..m.to.len() {
            let n = m.customers[m.cell(i, j)];
            if n == 0 || m.from[i] == m.to[j] {
                continue;
            }
            let Some(i2) = cand.tiers.iter().position(|t| t.id == m.from[i]) else {
                continue;
            };
            let d = benefits::diff(cand, i2, j);
            let list = |v: &[benefits::TierBenefit]| {
                v.iter()
                    .map(|b| b.text.get(l.tag()).to_owned())
                    .collect::<Vec<_>>()
                    .join(l.list_separator())
            };
            changes.push(html! {
                <li><strong>{ format!("{} → {} ({n})", name(cur, i), name(cand, j)) }</strong>
                    if !d.gained.is_empty() { <p>{ fill(l, StudioMsg::Gained, &[("list", &list(&d.gained))]) }</p> }
                    if !d.lost.is_empty() { <p>{ fill(l, StudioMsg::Lost, &[("list", &list(&d.lost))]) }</p> }
                </li>
            });
        }
    }
    let cost = |rs: &Ruleset, counts: &[u64]| -> Option<i128> {
        let per: Vec<Option<i128>> = (0..rs.tiers.len())
            .map(|i| yearly_cost_cents(rs, i))
            .collect();
        if per.iter().all(Option::is_none) {
            return None;
        }
        Some(
            counts
                .iter()
                .zip(&per)
                .filter_map(|(n, c)| c.map(|c| c * i128::from(*n)))
                .sum(),
        )
    };
    let cost_line = match (
        cost(cur, &summary.current_counts),
        cost(cand, &summary.candidate_counts),
    ) {
        (None, None) => st(l, StudioMsg::NoCost).to_owned(),
        (x, y) => fill(
            l,
            StudioMsg::CostLine,
            &[
                ("current", &money_of(x.unwrap_or(0), &currency, l)),
                ("candidate", &money_of(y.unwrap_or(0), &currency, l)),
            ],
        ),
    };
    let svg = histogram_svg(&summary.histogram, cand, near, l);
    let timing = props.timing.map(|ms| {
        html! { <p id="retier-ms" class="studio-timing">{ fill(l, StudioMsg::Retiered, &[("ms", &format!("{ms:.0}"))]) }</p> }
    });
    // Which pair of tierings is drawn: tests wait for it to change, not for a time.
    let drawn = format!("{}-{}", summary.serials[0], summary.serials[1]);
    html! {
        <section class="studio-panel" aria-labelledby="cmp-h" data-summary={drawn}>
            <h2 id="cmp-h">{ st(l, StudioMsg::Comparison) }</h2>
            { for timing }
            <p class="studio-moves" aria-live="polite">
                <span id="upgrades">{ fill(l, StudioMsg::Upgrades, &[("n", &m.upgrades.to_string())]) }</span>
                { " · " }
                <span id="downgrades">{ fill(l, StudioMsg::Downgrades, &[("n", &m.downgrades.to_string())]) }</span>
                { " · " }
                <span>{ fill(l, StudioMsg::NotTiered, &[("n", &m.not_tiered.to_string())]) }</span>
            </p>
            <div class="studio-scroll" tabindex="0" role="region" aria-labelledby="matrix-cap">
                <table id="matrix" class="studio-matrix">
                    <caption id="matrix-cap">{ st(l, StudioMsg::Matrix) }</caption>
                    <thead><tr><td></td>{ for header }</tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            <h3>{ st(l, StudioMsg::Near) }</h3>
            <ul id="near">{ for near_items }</ul>
            <h3>{ st(l, StudioMsg::Cost) }</h3>
            <p id="cost">{ cost_line }</p>
            <h3>{ st(l, StudioMsg::Histogram) }</h3>
            { svg }
            <h3>{ st(l, StudioMsg::Benefits) }</h3>
            <ul id="benefit-changes">{ for changes }</ul>
        </section>
    }
}

/// A CSV cell: quoted when it holds a comma, a quote or a line break.
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Bins of AUM (cents): ¥0–1k, 1k–10k, … per decade, up to ¥100m and over.
pub const EDGES: [i64; 6] = [
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
];

fn histogram_svg(
    counts: &[u64],
    rs: &Ruleset,
    near: &[strata_core::batch::NearThreshold],
    l: Locale,
) -> Html {
    let tiers = rs.tiers.len().min(counts.len() / (EDGES.len() + 1));
    let bins = EDGES.len() + 1;
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let (width, row_h, left) = (700u64, 60u64, 160u64);
    let col_w = (width - left) / bins as u64;
    // x of an amount on the decade scale (log10 of yuan, from ¥100).
    let x_of = |v: Decimal| -> u64 {
        let mut decade = 0u64;
        let mut edge = Decimal::from(1000);
        while v >= edge && decade < bins as u64 {
            edge *= Decimal::from(10);
            decade += 1;
        }
        left + decade * col_w
    };
    let mut parts = Vec::new();
    for tier in 0..tiers {
        let y0 = tier as u64 * row_h;
        parts.push(html! {
            <text x="4" y={(y0 + row_h / 2).to_string()} class="hist-label">
                { rs.tiers[tier].name.get(l.tag()).to_owned() }</text>
        });
        for bin in 0..bins {
            let n = counts[tier * bins + bin];
            let bh = n * (row_h - 10) / max;
            parts.push(html! {
                <rect x={(left + bin as u64 * col_w + 2).to_string()}
                      y={(y0 + row_h - 4 - bh).to_string()}
                      width={(col_w - 4).to_string()} height={bh.to_string()}
                      class="hist-bar"><title>{ n.to_string() }</title></rect>
            });
        }
        for th in near.iter().filter(|n| n.tier == tier) {
            let x = x_of(th.value).to_string();
            parts.push(html! {
                <line x1={x.clone()} x2={x} y1={y0.to_string()} y2={(y0 + row_h).to_string()}
                      class="hist-threshold" />
            });
        }
    }
    let height = tiers as u64 * row_h;
    html! {
        <svg id="histogram" class="studio-hist" role="img"
             aria-label={st(l, StudioMsg::Histogram)}
             viewBox={format!("0 0 {width} {height}")}>
            { for parts }
        </svg>
    }
}
