//! Loading a portfolio: a synthetic one from a seed, or a file read in slices (CSV in the
//! documented layout, or the CLI's JSONL) with a progress bar; bad rows are listed with row
//! and column, the rest loaded.

use chrono::NaiveDate;
use strata_core::batch::Row;
use strata_core::batch::{Portfolio, Synthetic};
use strata_core::csv::{CsvError, Layout};
use strata_core::{Engine, Profile};
use strata_ui::i18n::{Locale, fill};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::BookRef;
use crate::i18n::{StudioMsg, st};
use crate::view::EngineProp;

/// Bytes read per slice of a file.
const CHUNK: f64 = 1024.0 * 1024.0;
/// Customers generated between two yields.
const GEN_SLICE: usize = 50_000;
/// Bad rows listed on screen (all are counted).
const LISTED: usize = 50;

/// What a load gave.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LoadReport {
    /// Customers loaded.
    pub loaded: u64,
    /// Rows refused.
    pub bad: u64,
    /// The first problems of the refused rows.
    pub errors: Vec<LoadError>,
}

/// A refused row's problem.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// A CSV row's, typed: the studio words it in the page's language.
    Csv(CsvError),
    /// A JSONL row's: (row, JSON path, core's message).
    Json(u64, String, String),
}

impl LoadReport {
    fn csv(&mut self, errors: Vec<CsvError>) {
        self.bad += 1;
        let room = LISTED.saturating_sub(self.errors.len());
        self.errors
            .extend(errors.into_iter().take(room).map(LoadError::Csv));
    }

    fn json(&mut self, row: u64, errors: &strata_core::ProfileErrors) {
        self.bad += 1;
        for e in &errors.0 {
            if self.errors.len() < LISTED {
                self.errors
                    .push(LoadError::Json(row, e.path().to_owned(), e.to_string()));
            }
        }
    }
}

/// Milliseconds since the page started.
#[must_use]
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Lets the browser paint and handle input before the next slice of work.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Props of [`LoadPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub locale: Locale,
    /// Where the portfolio goes.
    pub book: BookRef,
    /// The current ruleset's engine (its currency and dates).
    pub engine: EngineProp,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Done / total, while loading.
    pub progress: Option<(u64, u64)>,
    /// Reports progress.
    pub on_progress: Callback<(u64, u64)>,
    /// Reports the end of a load.
    pub on_loaded: Callback<LoadReport>,
    /// The last load's report.
    pub report: Option<LoadReport>,
}

/// The portfolio panel.
#[component]
pub fn LoadPanel(props: &Props) -> Html {
    let l = props.locale;
    let count = use_state(|| "1000000".to_owned());
    let seed = use_state(|| "1".to_owned());
    let on_generate = {
        let (count, seed) = (count.clone(), seed.clone());
        let book = props.book.0.clone();
        let engine = props.engine.0.clone();
        let (on_progress, on_loaded, as_of) = (
            props.on_progress.clone(),
            props.on_loaded.clone(),
            props.as_of,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let n: usize = count.trim().parse().unwrap_or(0).min(5_000_000);
            let s: u64 = seed.trim().parse().unwrap_or(1);
            let (book, engine) = (book.clone(), engine.clone());
            let (on_progress, on_loaded) = (on_progress.clone(), on_loaded.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(engine) = engine.as_ref() else {
                    return;
                };
                let Ok(mut p) = Portfolio::new(engine, as_of) else {
                    return;
                };
                let mut g = Synthetic::new(s);
                let mut done = 0;
                while done < n {
                    let k = GEN_SLICE.min(n - done);
                    if g.fill(&mut p, k).is_err() {
                        break;
                    }
                    done += k;
                    on_progress.emit((done as u64, n as u64));
                    yield_now().await;
                }
                let loaded = p.len() as u64;
                book.borrow_mut().reset(p);
                on_loaded.emit(LoadReport {
                    loaded,
                    ..LoadReport::default()
                });
            });
        })
    };
    let on_file = {
        let book = props.book.0.clone();
        let engine = props.engine.0.clone();
        let (on_progress, on_loaded, as_of) = (
            props.on_progress.clone(),
            props.on_loaded.clone(),
            props.as_of,
        );
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (book, engine) = (book.clone(), engine.clone());
            let (on_progress, on_loaded) = (on_progress.clone(), on_loaded.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(engine) = engine.as_ref() else {
                    return;
                };
                if let Some((p, report)) = read_file(&file, engine, as_of, &on_progress).await {
                    book.borrow_mut().reset(p);
                    on_loaded.emit(report);
                }
            });
        })
    };
    let progress = props.progress.map(|(done, total)| {
        html! {
            <div class="studio-progress">
                <label for="load-progress">{ st(l, StudioMsg::Loading) }</label>
                <progress id="load-progress" max={total.to_string()} value={done.to_string()}>
                    { format!("{done} / {total}") }
                </progress>
            </div>
        }
    });
    let report = props.report.as_ref().map(|r| {
        let summary = fill(
            l,
            StudioMsg::Loaded,
            &[("n", &r.loaded.to_string()), ("bad", &r.bad.to_string())],
        );
        let more = (r.bad > r.errors.len() as u64).then(|| {
            html! { <p>{ fill(l, StudioMsg::MoreErrors,
            &[("n", &(r.bad - r.errors.len() as u64).to_string())]) }</p> }
        });
        html! {
            <div class="studio-report" role="status">
                <p class="studio-loaded">{ summary }</p>
                if !r.errors.is_empty() {
                    <ul class="studio-errors">
                        { for r.errors.iter().map(|e| html! { <li>{ crate::i18n::load_error(l, e) }</li> }) }
                    </ul>
                }
                { for more }
            </div>
        }
    });
    let on_count = {
        let count = count.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                count.set(i.value());
            }
        })
    };
    let on_seed = {
        let seed = seed.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                seed.set(i.value());
            }
        })
    };
    html! {
        <section class="studio-panel" aria-labelledby="load-h">
            <h2 id="load-h">{ st(l, StudioMsg::Portfolio) }</h2>
            <form class="studio-row" onsubmit={on_generate}>
                <label>{ st(l, StudioMsg::Customers) }
                    <input id="gen-count" type="number" min="1" max="5000000"
                           value={(*count).clone()} oninput={on_count} /></label>
                <label>{ st(l, StudioMsg::Seed) }
                    <input id="gen-seed" type="number" min="0" value={(*seed).clone()}
                           oninput={on_seed} /></label>
                <button type="submit">{ st(l, StudioMsg::Generate) }</button>
            </form>
            <p class="studio-row"><label>{ st(l, StudioMsg::LoadFile) }
                <input id="portfolio-file" type="file" accept=".csv,.jsonl,.ndjson,text/csv"
                       onchange={on_file} /></label></p>
            { for progress }
            { for report }
        </section>
    }
}

/// Reads `file` in slices of [`CHUNK`] bytes: CSV when its first line is a header of the
/// layout, else JSONL. CSV rows go straight into the portfolio's columns.
async fn read_file(
    file: &web_sys::File,
    engine: &Engine,
    as_of: NaiveDate,
    on_progress: &Callback<(u64, u64)>,
) -> Option<(Portfolio, LoadReport)> {
    let size = file.size();
    let mut p = Portfolio::new(engine, as_of).ok()?;
    // About 40 bytes a row in a lean export: room for the whole file at once.
    p.reserve((size / 40.0).min(5_000_000.0) as usize);
    let mut report = LoadReport::default();
    let mut carry = String::new();
    let mut layout: Option<Option<Layout>> = None;
    let mut scratch = Row::default();
    let mut line_no: u64 = 0;
    let mut offset = 0.0;
    while offset < size {
        let end = (offset + CHUNK).min(size);
        let blob = file.slice_with_f64_and_f64(offset, end).ok()?;
        let text = JsFuture::from(blob.text()).await.ok()?.as_string()?;
        carry.push_str(&text);
        offset = end;
        let last = offset >= size;
        let cut = if last {
            carry.len()
        } else {
            carry.rfind('\n').map_or(0, |i| i + 1)
        };
        let rest = carry.split_off(cut);
        let body = std::mem::replace(&mut carry, rest);
        for line in body.lines() {
            line_no += 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let row = line_no;
            match &layout {
                Some(Some(h)) => {
                    if let Err(e) = h.push(line, row, engine, &mut p, &mut scratch) {
                        report.csv(e.0);
                    }
                }
                Some(None) => push_json(&mut p, engine, line, row, &mut report),
                // The first line decides: a JSON object, or a CSV header.
                None if line.trim_start().starts_with('{') => {
                    layout = Some(None);
                    push_json(&mut p, engine, line, row, &mut report);
                }
                None => match Layout::from_header(line) {
                    Ok(h) => layout = Some(Some(h)),
                    Err(e) => {
                        report.csv(e.0);
                        on_progress.emit((size as u64, size as u64));
                        return Some((p, report));
                    }
                },
            }
        }
        on_progress.emit((offset as u64, size as u64));
        crate::load::yield_now().await;
    }
    report.loaded = p.len() as u64 - report.bad;
    Some((p, report))
}

fn push_json(p: &mut Portfolio, engine: &Engine, line: &str, row: u64, report: &mut LoadReport) {
    let pushed = match Profile::from_json(line) {
        Ok(profile) => p.push(engine, &profile).map(|_| ()),
        Err(e) => {
            p.push_rejected("");
            Err(e)
        }
    };
    if let Err(e) = pushed {
        report.json(row, &e);
    }
}

/// The whole text of a small file (a ruleset), read in the page.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// A download of `text` as `name` through a Blob URL (nothing leaves the browser).
pub fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = gloo_utils::document();
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
