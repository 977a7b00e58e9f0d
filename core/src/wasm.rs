//! JS bindings: translators only. Each call is `from_value` → one core call → `to_value`
//! (JSON-compatible: plain objects, decimal strings; results through JSON text, a lean one
//! through a small JS constructor), and every failure goes through
//! [`into_error`], which throws an `Error` named `StrataError` carrying the structured list.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::engine::Lean;
use crate::json::FromJson;
use crate::recommend::Options;
use crate::scenario::{Scenario, ScenarioKind};
use crate::summary::{EvaluateOptions, REASON_CODES, Shaped, Summary};
use crate::{CatalogChoice, Engine, Profile, Ruleset};

// The batch API (`Portfolio`), kept in its own file.
pub mod batch;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A date, `YYYY-MM-DD`. */
export type NaiveDate = string;
/** One problem, with the JSON path of the field at fault. */
export interface StrataIssue { type: string; path: string; message: string }
/** The fields only a staff-audience evaluation carries (`{ audience: "staff" }`). */
export type StaffOnly = "value";
/** An offer as a customer-audience result gives it: no score, lever or factors. */
export type CustomerRecommendation = Omit<Recommendation, "score" | "relevance" | "value" | "lever" | "factors">;
/** What `evaluate` returns by default (`audience: "customer"`): no staff-only field at all. */
export type CustomerEvaluation = Omit<Evaluation, StaffOnly | "recommendations"> & {
  recommendations?: CustomerRecommendation[];
};
/**
 * `evaluate(profile, asOf, options?)`: one profile on a date (`YYYY-MM-DD`). By default the
 * lean `Summary` a screen needs; `{ detail: "full" }` gives the whole evaluation (for the
 * customer unless `audience: "staff"`). Throws a `StrataError` on bad input.
 */
export interface Engine {
  evaluate(profile: Profile, asOf: NaiveDate, options: EvaluateOptions & { detail: "full"; audience: "staff" }): Evaluation;
  evaluate(profile: Profile, asOf: NaiveDate, options: EvaluateOptions & { detail: "full" }): CustomerEvaluation;
  evaluate(profile: Profile, asOf: NaiveDate, options?: EvaluateOptions & { detail?: "lean" }): Summary;
}
/** What every Strata function throws: `kind` says which input was at fault. */
export interface StrataError extends Error {
  name: "StrataError";
  kind: "ruleset" | "catalog" | "profile" | "input";
  errors: StrataIssue[];
}
"#;

/// A validated ruleset, ready to evaluate profiles.
#[wasm_bindgen(js_name = Engine)]
// Beside the engine, JS strings made once, which a lean result names by position: the tier
// ids, and the reason codes ([`crate::summary::REASON_CODES`]).
pub struct JsEngine(Engine, js_sys::Array, js_sys::Array);

// The lean result is built by this JS function from one text and a few numbers: measured
// several times faster than JSON text parsed by `JSON.parse` (or than serde-wasm-bindgen's
// property-by-property objects) for a summary. `text` holds the summary's strings joined by
// U+001F, which no id, date or decimal can contain; tiers and reason codes are positions in
// `tiers` and `codes`; an absent part is -1, an empty string or `undefined`. Keys in the
// order `Summary` serializes them, so the object equals `JSON.parse(evaluateJson(…))`.
#[wasm_bindgen(inline_js = r#"
export function leanSummary(tiers, codes, text, tier, qualified, target, potential, retention, onTrack, basis, change, offers) {
  const s = text.split("\u001f");
  const out = { id: s[0], tier: tiers[tier], qualified: tiers[qualified] };
  if (target >= 0) out.target = { tier: tiers[target], amount: s[1], progress: s[2] };
  if (potential >= 0) {
    const p = { tier: tiers[potential] };
    if (s[3]) p.move_needed = s[3];
    out.potential = p;
  }
  if (retention) {
    const r = { review_date: s[4], on_track: onTrack };
    if (s[5]) r.margin = s[5];
    out.retention = r;
  }
  out.reasons = change >= 0 ? [codes[basis], codes[change]] : [codes[basis]];
  if (offers !== undefined) out.offers = JSON.parse(offers);
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = leanSummary)]
    #[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
    fn lean_summary(
        tiers: &js_sys::Array,
        codes: &js_sys::Array,
        text: &str,
        tier: u32,
        qualified: u32,
        target: i32,
        potential: i32,
        retention: bool,
        on_track: bool,
        basis: i32,
        change: i32,
        offers: Option<&str>,
    ) -> JsValue;
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// Validates a ruleset object and, optionally, a product catalog for it; throws a
    /// `StrataError` listing every problem.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Ruleset")] ruleset: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Catalog | undefined")] catalog: JsValue,
    ) -> Result<JsEngine, JsValue> {
        let ruleset: Ruleset = from_js(ruleset, "ruleset")?;
        let catalog = if catalog.is_undefined() || catalog.is_null() {
            CatalogChoice::None
        } else {
            CatalogChoice::Given(Box::new(from_js::<Catalog>(catalog, "catalog")?))
        };
        build(ruleset, catalog)
    }

    /// An engine for a shipped ruleset (`cn-retail`, `cn-retail-5k`, `cn-star`,
    /// `cn-corporate`, `us-rewards`) with its default catalog, where it has one.
    pub fn builtin(id: &str) -> Result<JsEngine, JsValue> {
        let ruleset = crate::rulesets::builtin(id).ok_or_else(|| {
            let issue = [Issue::new(
                "unknown_ruleset",
                "$",
                &format!("no shipped ruleset `{id}`"),
            )];
            into_error("input", &issue[0].message, &issue)
        })?;
        build(ruleset, CatalogChoice::Shipped)
    }

    /// Evaluates a profile object on `asOf` (`YYYY-MM-DD`). By default the result is the lean
    /// `Summary` a screen needs (tier, target, potential, retention, reason codes, offers);
    /// `options.detail: "full"` gives the whole `Evaluation` (ladder trace, every gap,
    /// metrics, moments, factors, and with `explain` the exclusions). `options` may also set
    /// `top_n` and `audience` (`"customer"`, the default, or `"staff"`).
    // Declared in TS_TYPES instead, as overloads on `detail`: a generated signature would be
    // the first overload and match every call.
    #[wasm_bindgen(skip_typescript)]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
        #[wasm_bindgen(unchecked_param_type = "EvaluateOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let request = parse_request(options)?;
        let profile: Profile = from_js(profile, "profile")?;
        let as_of = parse_date(as_of)?;
        let shaped = crate::summary::evaluate(&self.0, &profile, as_of, &request)
            .map_err(|e| into_error("profile", &e.to_string(), &e))?;
        match &shaped {
            Shaped::Lean { profile, lean, .. } => self.lean_to_js(profile, lean),
            Shaped::Full(_) => via_json(&shaped),
        }
    }

    /// The same as `evaluate`, with JSON text in and out (the same view, lean by default).
    #[wasm_bindgen(js_name = evaluateJson)]
    pub fn evaluate_json(
        &self,
        profile: &str,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
        #[wasm_bindgen(unchecked_param_type = "EvaluateOptions | undefined")] options: JsValue,
    ) -> Result<String, JsValue> {
        let request = parse_request(options)?;
        let profile =
            Profile::from_json(profile).map_err(|e| into_error("profile", &e.to_string(), &e))?;
        let shaped = crate::summary::evaluate(&self.0, &profile, parse_date(as_of)?, &request)
            .map_err(|e| into_error("profile", &e.to_string(), &e))?;
        serde_json::to_string(&shaped)
            .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
    }

    /// The catalog, as a plain object (`undefined` without one).
    #[wasm_bindgen(getter, unchecked_return_type = "Catalog | undefined")]
    pub fn catalog(&self) -> Result<JsValue, JsValue> {
        self.0.catalog().map_or(Ok(JsValue::UNDEFINED), to_js)
    }

    /// The ruleset, as a plain object.
    #[wasm_bindgen(getter, unchecked_return_type = "Ruleset")]
    pub fn ruleset(&self) -> Result<JsValue, JsValue> {
        to_js(self.0.ruleset())
    }

    /// Evaluates a what-if scenario (`{ type: "add" | "move" | "keep", amount: "50000" }`):
    /// the evaluation in the scenario and what changes in tier and benefits.
    #[wasm_bindgen(js_name = whatIf, unchecked_return_type = "Outcome")]
    pub fn what_if(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options = parse_options(options)?;
        let profile: Profile = from_js(profile, "profile")?;
        let scenario: Scenario = from_js(scenario, "input")?;
        let outcome = self
            .0
            .what_if(&profile, parse_date(as_of)?, &scenario, &options)
            .map_err(|e| into_error("profile", &e.to_string(), &e))?;
        to_js(&outcome)
    }

    /// The slider for scenarios of a kind (`"add"`, `"move"`, `"keep"`): start, end, step
    /// and the amount at which each tier is reached.
    #[wasm_bindgen(js_name = scenarioRange, unchecked_return_type = "Range")]
    pub fn scenario_range(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
        #[wasm_bindgen(unchecked_param_type = "ScenarioKind")] kind: JsValue,
    ) -> Result<JsValue, JsValue> {
        let profile: Profile = from_js(profile, "profile")?;
        let kind: ScenarioKind = from_js(kind, "input")?;
        let range = self
            .0
            .scenario_range(&profile, parse_date(as_of)?, kind)
            .map_err(|e| into_error("profile", &e.to_string(), &e))?;
        to_js(&range)
    }

    /// The cut points of each axis the criteria compare (assets, age, education, others).
    #[wasm_bindgen(unchecked_return_type = "Axis[]")]
    pub fn probes(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.probes())
    }

    /// Every metric the ruleset uses: label per locale, unit, currency.
    #[wasm_bindgen(js_name = metricInfos, unchecked_return_type = "MetricInfo[]")]
    pub fn metric_infos(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.metric_infos())
    }

    /// Everything a tier brings (with `cumulative_benefits`, the tiers below's too).
    #[wasm_bindgen(js_name = tierBenefits, unchecked_return_type = "TierBenefit[]")]
    pub fn tier_benefits(&self, tier: &str) -> Result<JsValue, JsValue> {
        let i = self.tier_index(tier)?;
        to_js(&crate::benefits::of_tier(self.0.ruleset(), i))
    }

    /// What changes in benefits from one tier to another: gained, upgraded, downgraded, lost.
    #[wasm_bindgen(js_name = benefitDiff, unchecked_return_type = "BenefitDiff")]
    pub fn benefit_diff(&self, from: &str, to: &str) -> Result<JsValue, JsValue> {
        let (a, b) = (self.tier_index(from)?, self.tier_index(to)?);
        to_js(&crate::benefits::diff(self.0.ruleset(), a, b))
    }

    /// A tier's criteria as conditions, each metric's bounds merged.
    #[wasm_bindgen(unchecked_return_type = "Condition[]")]
    pub fn conditions(&self, tier: &str) -> Result<JsValue, JsValue> {
        let i = self.tier_index(tier)?;
        to_js(&self.0.conditions(i))
    }

    /// The summary of a lean evaluation as a JS object, through [`lean_summary`]: its
    /// strings from the [`Summary`], written into a reused buffer; its tiers as the [`Lean`]'s
    /// ladder positions and its reason codes as positions in [`crate::summary::REASON_CODES`].
    fn lean_to_js(&self, profile: &Profile, lean: &Lean) -> Result<JsValue, JsValue> {
        let s = Summary::of_lean(&self.0, profile, lean);
        let at = |rank: Option<usize>| rank.map_or(-1, |i| i as i32);
        let code = |c: &str| at(REASON_CODES.iter().position(|k| *k == c));
        let offers = if s.offers.is_empty() {
            None
        } else {
            Some(
                serde_json::to_string(&s.offers)
                    .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?,
            )
        };
        let build = |text: &mut String| {
            text.clear();
            s.write_strings(text);
            lean_summary(
                &self.1,
                &self.2,
                text,
                lean.tier as u32,
                lean.qualified as u32,
                at(lean.reach.map(|n| n.tier)),
                at(lean.potential.as_ref().map(|p| p.tier.rank)),
                s.retention.is_some(),
                s.retention.as_ref().is_some_and(|r| r.on_track),
                code(s.reasons.basis),
                s.reasons.change.map_or(-1, code),
                offers.as_deref(),
            )
        };
        Ok(LEAN_TEXT.with(|cell| match cell.try_borrow_mut() {
            Ok(mut text) => build(&mut text),
            Err(_) => build(&mut String::new()),
        }))
    }

    fn tier_index(&self, id: &str) -> Result<usize, JsValue> {
        self.0.tier_ids().position(|t| t == id).ok_or_else(|| {
            let issue = [Issue::new("unknown_tier", "$", &format!("no tier `{id}`"))];
            into_error("input", &issue[0].message, &issue)
        })
    }
}

/// Lints a ruleset object: validation errors, gaps, overlaps, unreachable tiers.
#[wasm_bindgen(unchecked_return_type = "Finding[]")]
pub fn lint(
    #[wasm_bindgen(unchecked_param_type = "Ruleset")] ruleset: JsValue,
) -> Result<JsValue, JsValue> {
    let ruleset: Ruleset = from_js(ruleset, "ruleset")?;
    to_js(&crate::lint::lint(&ruleset))
}

/// Ids of the shipped rulesets.
#[wasm_bindgen(js_name = builtinRulesets)]
#[must_use]
pub fn builtin_rulesets() -> Vec<String> {
    crate::rulesets::ALL
        .iter()
        .map(|(id, _)| (*id).to_owned())
        .collect()
}

fn parse_request(options: JsValue) -> Result<EvaluateOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        Ok(EvaluateOptions::default())
    } else {
        from_js(options, "input")
    }
}

fn parse_options(options: JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        Ok(Options::default())
    } else {
        from_js(options, "input")
    }
}

fn parse_date(as_of: &str) -> Result<chrono::NaiveDate, JsValue> {
    crate::json::parse_date(as_of).ok_or_else(|| {
        let issue = [Issue::new(
            "invalid",
            "asOf",
            &format!("`{as_of}` is not a date like 2026-11-25"),
        )];
        into_error("input", &issue[0].message, &issue)
    })
}

fn build(ruleset: Ruleset, catalog: CatalogChoice) -> Result<JsEngine, JsValue> {
    let engine = Engine::assemble(ruleset, catalog)
        .map_err(|e| into_error(e.document.name(), &e.errors.to_string(), &e.errors))?;
    let tiers = engine.tier_ids().map(JsValue::from_str).collect();
    let codes = REASON_CODES.iter().map(|c| JsValue::from_str(c)).collect();
    Ok(JsEngine(engine, tiers, codes))
}

thread_local! {
    /// The text of the last lean result, kept for the next so it is not allocated per call.
    static LEAN_TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

#[derive(Serialize)]
struct Issue {
    #[serde(rename = "type")]
    kind: &'static str,
    path: String,
    message: String,
}

impl Issue {
    fn new(kind: &'static str, path: &str, message: &str) -> Self {
        Issue {
            kind,
            path: path.to_owned(),
            message: message.to_owned(),
        }
    }
}

// A JS value's JSON text, written by JS straight into a wasm buffer the caller reuses: no
// JS string crosses as a `JsValue` and no memory is allocated per call. The buffer is named
// by its address and length in the wasm memory (handed over once, `setMemory`); its view
// is kept while the buffer stays where it is, since making one costs as much as encoding a
// profile. `jsonInto` returns the bytes written; -1 when there is no text (`JSON.stringify`
// threw or gave `undefined`, read as "" like before); below -1, `-2 - n` when the buffer
// needs `n` bytes, the text then kept for `jsonAgain` (or `jsonTake`, as a string).
#[wasm_bindgen(inline_js = r#"
let memory = null, bytes = null, view = null, viewAt = -1, viewLen = -1, pending = "";
const encoder = new TextEncoder();
export function setMemory(m) { memory = m; }
export function jsonInto(value, at, len) {
  let s;
  try { s = JSON.stringify(value); } catch { s = undefined; }
  if (typeof s !== "string") return -1;
  pending = s;
  return jsonAgain(at, len);
}
export function jsonAgain(at, len) {
  if (bytes === null || bytes.byteLength === 0) {
    bytes = new Uint8Array(memory.buffer);
    view = null;
  }
  if (view === null || viewAt !== at || viewLen !== len) {
    view = bytes.subarray(at, at + len);
    viewAt = at;
    viewLen = len;
  }
  const s = pending, { read, written } = encoder.encodeInto(s, view);
  if (read < s.length) return -2 - 3 * s.length;
  pending = "";
  return written;
}
export function jsonTake() {
  const s = pending;
  pending = "";
  return s;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = setMemory)]
    fn set_memory(memory: &JsValue);
    #[wasm_bindgen(js_name = jsonInto)]
    fn json_into(value: &JsValue, at: usize, len: usize) -> i32;
    #[wasm_bindgen(js_name = jsonAgain)]
    fn json_again(at: usize, len: usize) -> i32;
    #[wasm_bindgen(js_name = jsonTake)]
    fn json_take() -> String;
}

/// The buffer [`json_text`] reuses: its size when first used, and the most it keeps between
/// calls (a bigger document's buffer is freed after it).
const JSON_BUF: usize = 16 * 1024;
const JSON_BUF_KEEP: usize = 1024 * 1024;

thread_local! {
    static JSON_TEXT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `read` on the JSON text of `v` (empty when `JSON.stringify` gives none).
fn json_text<R>(v: &JsValue, read: impl FnOnce(&str) -> R) -> Option<R> {
    let mut read = Some(read);
    let mut out = None;
    with_json_text(v, &mut |text| out = read.take().map(|r| r(text)));
    out
}

// Not generic, so that its code is not repeated for each type read.
fn with_json_text(v: &JsValue, read: &mut dyn FnMut(&str)) {
    JSON_TEXT.with(|cell| {
        // A `toJSON` that calls back into the engine finds the buffer in use: the nested
        // call takes the text as a string instead.
        let Ok(mut buf) = cell.try_borrow_mut() else {
            let text = js_sys::JSON::stringify(v)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            return read(&text);
        };
        if buf.len() < JSON_BUF {
            // The first use: JS needs the memory to write into.
            set_memory(&wasm_bindgen::memory());
            buf.resize(JSON_BUF, 0);
        }
        // JS writes through the address: the buffer is not borrowed across the call.
        let mut n = json_into(v, buf.as_mut_ptr() as usize, buf.len());
        if n < -1 {
            let need = (-2 - i64::from(n)) as usize;
            // Past what the reader accepts, the text comes as a string, so that the error
            // names its exact size.
            if need > 3 * crate::json::MAX_BYTES {
                return read(&json_take());
            }
            buf.resize(need, 0);
            n = json_again(buf.as_mut_ptr() as usize, buf.len());
        }
        let text = usize::try_from(n)
            .ok()
            .and_then(|n| buf.get(..n))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default();
        read(text);
        if buf.len() > JSON_BUF_KEEP {
            *buf = Vec::new();
        }
    });
}

/// Reads a JS value through its JSON text: one reader (`crate::json`) for files and objects
/// alike, so that every parse error names its field the same way.
fn from_js<T: FromJson>(v: JsValue, kind: &'static str) -> Result<T, JsValue> {
    let read = json_text(&v, crate::json::from_str).unwrap_or_else(|| {
        // `with_json_text` always reads; kept as an error rather than a panic.
        crate::json::from_str("")
    });
    read.map_err(|e| {
        let issue = [Issue::new("parse", &e.path, &e.message)];
        into_error(kind, &e.to_string(), &issue)
    })
}

/// A full result crosses as one JSON text that the JS engine parses: measured 1.36 times
/// faster for a full evaluation with offers than setting each property from wasm (about 400
/// of them, each string decoded on its own). A lean result goes through [`lean_summary`].
fn via_json<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    let text =
        serde_json::to_string(v).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// The one way errors reach JS: an `Error` named `StrataError` with `kind` and `errors`.
/// (`JsError` cannot carry extra properties, hence a plain `js_sys::Error`.)
fn into_error(kind: &str, message: &str, errors: &(impl Serialize + ?Sized)) -> JsValue {
    let err = js_sys::Error::new(message);
    err.set_name("StrataError");
    let list = to_js(errors).unwrap_or(JsValue::NULL);
    // Reflect::set only fails on frozen or non-objects; a fresh Error is neither.
    let _ = js_sys::Reflect::set(&err, &"kind".into(), &kind.into());
    let _ = js_sys::Reflect::set(&err, &"errors".into(), &list);
    err.into()
}
