//! The batch JS API: a `Portfolio` filled from typed-array columns or JSON Lines text, tiered
//! whole by `tierAll` into typed arrays. No per-customer JS object crosses the boundary.
//!
//! Money crosses as `BigInt64Array` of cents: exact (an `f64` is not, past 2^53 cents or for
//! most decimal fractions), one copy per column rather than one string decode per value, and
//! it spans money's whole domain (below 10^15 with two decimals is below 10^17 cents, under
//! i64's 9.2 × 10^18). Dates cross as `Int32Array` of days since 1970-01-01.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{Issue, JsEngine, into_error, parse_date};
use crate::Profile;
use crate::batch::{History, Manual, Portfolio, Row, TierOptions};
use crate::error::{ProfileError, ProfileErrors};
use crate::profile::{Education, Family};

#[wasm_bindgen(typescript_custom_section)]
const TS_BATCH: &str = r#"
/** Customers as columns, one entry per customer in every column given. Money is in cents
 *  (`BigInt64Array`, never a float); dates are days since 1970-01-01 (`Int32Array`). */
export interface PortfolioColumns {
  /** Financial assets held here (the asset families' balances), in cents. Required. */
  assets: BigInt64Array;
  /** Customer ids, for `Portfolio.id(i)`. */
  ids?: string[];
  /** Loan balances here, in cents. */
  loans?: BigInt64Array;
  /** Product families held (loans and cards included). */
  productFamilies?: Uint8Array;
  /** Declared assets at other institutions, in cents. */
  external?: BigInt64Array;
  /** Linked household members' assets here, in cents. */
  household?: BigInt64Array;
  /** Birth dates; -2147483648 when unknown. */
  birthDate?: Int32Array;
  /** Education rank 1 (primary) – 7 (doctorate); 0 when unknown. */
  education?: Uint8Array;
  /** Average daily balance per family (`deposit`, `fund`, …), one column per month back from
   *  the as-of month: `monthly.deposit[0]` is last month. Zero counts as no balance. */
  monthly?: Record<string, BigInt64Array[]>;
  /** Fee income, one column per month back from the as-of month. */
  feeIncome?: BigInt64Array[];
  /** Tier ids the `history` and `manual` columns index. */
  tierIds?: string[];
  /** The tier the bank holds: an index into `tierIds`, 65535 for none. */
  history?: { tier: Uint16Array; since: Int32Array; reviewsBelow?: Uint32Array; belowSince?: Int32Array };
  /** A relationship manager's floor: an index into `tierIds` (65535 for none), until `expires`. */
  manual?: { tier: Uint16Array; expires: Int32Array };
  /** Declared inputs: integers at `scale` decimals (`{ values, scale: 2 }` for cents);
   *  -9223372036854775808n when the customer has none. */
  attributes?: Record<string, { values: BigInt64Array; scale: number }>;
}
/** The problems of one row that was not loaded or not tiered. */
export interface RowIssues { row: number; errors: StrataIssue[] }
/** Every row's tier as typed arrays; index `i` is the portfolio's row `i`. */
export interface TierColumns {
  /** Ladder position of the tier (0 = highest, as `tierIds`); 65535 when not tiered. */
  tier: Uint16Array;
  /** The plain ladder result. */
  qualified: Uint16Array;
  /** What decided the tier, an index into `rules`; 255 when not tiered. */
  rule: Uint8Array;
  /** `evaluate`'s `reach.tier.rank`: the nearest tier above that money reaches; 65535 for
   *  none (with `targets`). */
  target?: Uint16Array;
  /** `reach.amount` in cents; -9223372036854775808n when none (with `targets`). */
  targetCents?: BigInt64Array;
  /** The ruleset's tier ids, highest first. */
  tierIds: string[];
  /** `basis.type` names of the `rule` codes. */
  rules: string[];
  /** Rows this ruleset cannot tier, and why: the first 1,000 such rows (rows rejected when
   *  loaded were reported then). */
  errors: RowIssues[];
  /** How many rows this ruleset cannot tier (rows rejected when loaded not counted). */
  errorRows: number;
}
/** What `tierAll` computes beyond the tier. */
export interface TierAllOptions { targets?: boolean }
"#;

/// The families in the order of the profile schema (`Family::name`).
const FAMILIES: [Family; 16] = [
    Family::Deposit,
    Family::TimeDeposit,
    Family::WealthProduct,
    Family::Fund,
    Family::Bond,
    Family::Stock,
    Family::Fx,
    Family::Trust,
    Family::PreciousMetal,
    Family::Derivative,
    Family::Insurance,
    Family::Pension,
    Family::Loan,
    Family::Card,
    Family::Payment,
    Family::SafeDepositBox,
];

/// Rows whose reasons `tierAll` lists; `errorRows` counts them all.
const MAX_ROW_ISSUES: usize = 1000;

/// Days from 0001-01-01 to 1970-01-01, chrono's count from the common era.
const EPOCH_DAYS: i32 = 719_163;

/// Customers as columns for one as-of date: load once, tier under many rulesets.
#[wasm_bindgen(js_name = Portfolio)]
pub struct JsPortfolio(Portfolio);

#[derive(Serialize)]
struct RowIssues {
    row: usize,
    errors: Vec<Issue>,
}

fn issues(row: usize, e: &ProfileErrors) -> RowIssues {
    RowIssues {
        row,
        errors: e
            .0
            .iter()
            .map(|e| Issue::new(e.kind(), e.path(), &e.to_string()))
            .collect(),
    }
}

fn input_error(path: &str, message: &str) -> JsValue {
    let issue = [Issue::new("invalid", path, message)];
    into_error("input", message, &issue)
}

/// A property of `o`, `None` when undefined or null.
fn get(o: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(o, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// A typed-array column of `n` entries at `path`, or a typed error.
fn column<T: JsCast>(v: JsValue, path: &str, n: Option<usize>, kind: &str) -> Result<T, JsValue> {
    let len = js_sys::Reflect::get(&v, &"length".into())
        .ok()
        .and_then(|l| l.as_f64());
    let Ok(a) = v.dyn_into::<T>() else {
        return Err(input_error(path, &format!("`{path}` must be a {kind}")));
    };
    match (n, len) {
        (Some(n), Some(len)) if len as usize != n => Err(input_error(
            path,
            &format!("`{path}` has {len} entries; `assets` has {n}"),
        )),
        _ => Ok(a),
    }
}

fn i64s(o: &JsValue, path: &str, key: &str, n: usize) -> Result<Option<Vec<i64>>, JsValue> {
    get(o, key)
        .map(|v| {
            column::<js_sys::BigInt64Array>(v, path, Some(n), "BigInt64Array").map(|a| a.to_vec())
        })
        .transpose()
}

fn i32s(o: &JsValue, path: &str, key: &str, n: usize) -> Result<Option<Vec<i32>>, JsValue> {
    get(o, key)
        .map(|v| column::<js_sys::Int32Array>(v, path, Some(n), "Int32Array").map(|a| a.to_vec()))
        .transpose()
}

fn u8s(o: &JsValue, path: &str, key: &str, n: usize) -> Result<Option<Vec<u8>>, JsValue> {
    get(o, key)
        .map(|v| column::<js_sys::Uint8Array>(v, path, Some(n), "Uint8Array").map(|a| a.to_vec()))
        .transpose()
}

fn u16s(o: &JsValue, path: &str, key: &str, n: usize) -> Result<Option<Vec<u16>>, JsValue> {
    get(o, key)
        .map(|v| column::<js_sys::Uint16Array>(v, path, Some(n), "Uint16Array").map(|a| a.to_vec()))
        .transpose()
}

fn strings(v: JsValue, path: &str) -> Result<Vec<String>, JsValue> {
    let a = column::<js_sys::Array>(v, path, None, "string array")?;
    a.iter()
        .enumerate()
        .map(|(i, s)| {
            s.as_string()
                .ok_or_else(|| input_error(&format!("{path}[{i}]"), "must be a string"))
        })
        .collect()
}

/// Monthly columns: `[months back - 1]` of `n` entries each, at most 36.
fn months(v: JsValue, path: &str, n: usize) -> Result<Vec<Vec<i64>>, JsValue> {
    let a = column::<js_sys::Array>(v, path, None, "array of BigInt64Array")?;
    if a.length() > crate::metrics::MAX_MONTHS {
        return Err(input_error(path, "at most 36 months"));
    }
    a.iter()
        .enumerate()
        .map(|(k, c)| {
            column::<js_sys::BigInt64Array>(c, &format!("{path}[{k}]"), Some(n), "BigInt64Array")
                .map(|c| c.to_vec())
        })
        .collect()
}

fn date(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(EPOCH_DAYS)?)
}

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// An empty portfolio on `asOf` (`YYYY-MM-DD`), its amounts in `engine`'s currency.
    #[wasm_bindgen(constructor)]
    pub fn new(
        engine: &JsEngine,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
    ) -> Result<JsPortfolio, JsValue> {
        Portfolio::new(&engine.0, parse_date(as_of)?)
            .map(JsPortfolio)
            .map_err(|e| into_error("input", &e.to_string(), &e))
    }

    /// How many rows, rejected ones included.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn length(&self) -> usize {
        self.0.len()
    }

    /// The id of row `i`.
    #[must_use]
    pub fn id(&self, i: usize) -> Option<String> {
        self.0.id(i).map(str::to_owned)
    }

    /// Appends profiles from JSON Lines text (one profile per line; blank lines skipped),
    /// each checked as `evaluate` checks it against `engine`. Returns the problems of the
    /// rows not loaded; they keep their place and are never tiered.
    #[wasm_bindgen(js_name = pushJsonl, unchecked_return_type = "RowIssues[]")]
    pub fn push_jsonl(&mut self, engine: &JsEngine, text: &str) -> Result<JsValue, JsValue> {
        let mut bad = Vec::new();
        for line in text.split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let result = match Profile::from_json(line) {
                Ok(p) => self.0.push(&engine.0, &p),
                Err(e) => {
                    self.0.push_rejected("");
                    Err(e)
                }
            };
            if let Err(e) = result {
                bad.push(issues(self.0.len() - 1, &e));
            }
        }
        super::to_js(&bad)
    }

    /// Appends customers from typed-array columns (`PortfolioColumns`). Returns the problems
    /// of the rows not loaded; they keep their place and are never tiered. Throws a
    /// `StrataError` of kind `input` when a column is missing, mistyped or of the wrong length.
    #[wasm_bindgen(js_name = pushColumns, unchecked_return_type = "RowIssues[]")]
    pub fn push_columns(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PortfolioColumns")] columns: JsValue,
    ) -> Result<JsValue, JsValue> {
        let c = &columns;
        let assets = get(c, "assets")
            .ok_or_else(|| input_error("assets", "`assets` is required"))
            .and_then(|v| column::<js_sys::BigInt64Array>(v, "assets", None, "BigInt64Array"))?
            .to_vec();
        let n = assets.len();
        let ids = get(c, "ids").map(|v| strings(v, "ids")).transpose()?;
        if ids.as_ref().is_some_and(|ids| ids.len() != n) {
            return Err(input_error("ids", "`ids` must have one id per row"));
        }
        let loans = i64s(c, "loans", "loans", n)?;
        let families = u8s(c, "productFamilies", "productFamilies", n)?;
        let external = i64s(c, "external", "external", n)?;
        let household = i64s(c, "household", "household", n)?;
        let birth = i32s(c, "birthDate", "birthDate", n)?;
        let education = u8s(c, "education", "education", n)?;
        let mut monthly: Vec<(Family, Vec<Vec<i64>>)> = Vec::new();
        if let Some(m) = get(c, "monthly") {
            for f in FAMILIES {
                if let Some(v) = get(&m, f.name()) {
                    monthly.push((f, months(v, &format!("monthly.{}", f.name()), n)?));
                }
            }
        }
        let fees = get(c, "feeIncome")
            .map(|v| months(v, "feeIncome", n))
            .transpose()?
            .unwrap_or_default();
        let tier_ids: Vec<u16> = match get(c, "tierIds") {
            Some(v) => {
                let ids = strings(v, "tierIds")?;
                // Rulesets have at most 64 tiers; the table holds far more than any file.
                if ids.len() >= usize::from(u16::MAX) {
                    return Err(input_error("tierIds", "at most 65,534 tier ids"));
                }
                ids.iter().map(|t| self.0.tier(t)).collect()
            }
            None => Vec::new(),
        };
        let history = get(c, "history")
            .map(|h| -> Result<_, JsValue> {
                let tier = u16s(&h, "history.tier", "tier", n)?
                    .ok_or_else(|| input_error("history.tier", "`history.tier` is required"))?;
                let since = i32s(&h, "history.since", "since", n)?
                    .ok_or_else(|| input_error("history.since", "`history.since` is required"))?;
                let reviews = get(&h, "reviewsBelow")
                    .map(|v| {
                        column::<js_sys::Uint32Array>(
                            v,
                            "history.reviewsBelow",
                            Some(n),
                            "Uint32Array",
                        )
                        .map(|a| a.to_vec())
                    })
                    .transpose()?;
                let below = i32s(&h, "history.belowSince", "belowSince", n)?;
                Ok((tier, since, reviews, below))
            })
            .transpose()?;
        let manual = get(c, "manual")
            .map(|m| -> Result<_, JsValue> {
                let tier = u16s(&m, "manual.tier", "tier", n)?
                    .ok_or_else(|| input_error("manual.tier", "`manual.tier` is required"))?;
                let expires = i32s(&m, "manual.expires", "expires", n)?
                    .ok_or_else(|| input_error("manual.expires", "`manual.expires` is required"))?;
                Ok((tier, expires))
            })
            .transpose()?;
        let mut attributes: Vec<(u16, u32, Vec<i64>)> = Vec::new();
        if let Some(a) = get(c, "attributes") {
            let names = js_sys::Object::keys(a.unchecked_ref::<js_sys::Object>());
            for name in names.iter().filter_map(|k| k.as_string()) {
                let path = format!("attributes.{name}");
                let spec = get(&a, &name).unwrap_or(JsValue::UNDEFINED);
                let values = i64s(&spec, &format!("{path}.values"), "values", n)?
                    .ok_or_else(|| input_error(&path, "needs `values` and `scale`"))?;
                let scale = get(&spec, "scale")
                    .and_then(|s| s.as_f64())
                    .filter(|s| s.fract() == 0.0 && (0.0..=6.0).contains(s))
                    .ok_or_else(|| input_error(&format!("{path}.scale"), "a whole number 0–6"))?;
                attributes.push((self.0.attribute(&name), scale as u32, values));
            }
        }
        let index = |t: u16| tier_ids.get(usize::from(t)).copied();
        let deepest = monthly.iter().map(|(_, m)| m.len()).max().unwrap_or(0);
        self.0.reserve(n);
        let mut bad = Vec::new();
        let mut r = Row::default();
        for i in 0..n {
            let at = |v: &Option<Vec<i64>>| v.as_ref().map_or(0, |v| v[i]);
            ids.as_ref()
                .map(|ids| ids[i].as_str())
                .unwrap_or_default()
                .clone_into(&mut r.id);
            r.assets = assets[i];
            r.loans = at(&loans);
            r.external = at(&external);
            r.household = at(&household);
            r.product_families = families.as_ref().map_or(0, |f| f[i]);
            let mut problems = Vec::new();
            r.education = None;
            if let Some(e) = education.as_ref().map(|e| e[i]).filter(|e| *e != 0) {
                r.education = Education::ALL.get(usize::from(e) - 1).copied();
                if r.education.is_none() {
                    problems.push(ProfileError::Invalid {
                        path: "education".into(),
                        message: format!("{e} is not an education rank 1–7 (0 when unknown)"),
                    });
                }
            }
            // A date past chrono's range (±262,000 years) is refused, never read as absent.
            let mut day = |days: i32, path: &str| {
                date(days).or_else(|| {
                    problems.push(ProfileError::Invalid {
                        path: path.to_owned(),
                        message: format!("{days} days from 1970-01-01 is not a date"),
                    });
                    None
                })
            };
            r.birth_date = birth
                .as_ref()
                .and_then(|b| (b[i] != i32::MIN).then(|| day(b[i], "birthDate")).flatten());
            r.balances.clear();
            for k in 0..deepest {
                for (f, m) in &monthly {
                    if let Some(v) = m.get(k).map(|c| c[i]).filter(|v| *v != 0) {
                        r.balances.push((k as u8 + 1, *f, v));
                    }
                }
            }
            r.fees.clear();
            for (k, m) in fees.iter().enumerate() {
                if m[i] != 0 {
                    r.fees.push((k as u8 + 1, m[i]));
                }
            }
            r.history = None;
            if let Some((tier, since, reviews, below)) = &history
                && tier[i] != u16::MAX
            {
                let since = day(since[i], "history.since");
                let below_since = below
                    .as_ref()
                    .filter(|b| b[i] != i32::MIN)
                    .and_then(|b| day(b[i], "history.belowSince"));
                r.history = since.map(|since| History {
                    tier: index(tier[i]).unwrap_or(u16::MAX),
                    since,
                    reviews_below: reviews.as_ref().map_or(0, |r| r[i]),
                    below_since,
                });
            }
            r.manual = None;
            if let Some((tier, expires)) = &manual
                && tier[i] != u16::MAX
            {
                r.manual = day(expires[i], "manual.expires").map(|expires| Manual {
                    tier: index(tier[i]).unwrap_or(u16::MAX),
                    expires,
                });
            }
            r.attributes.clear();
            for (a, scale, values) in &attributes {
                if values[i] != i64::MIN {
                    r.attributes
                        .push((*a, crate::Dec(Decimal::new(values[i], *scale))));
                }
            }
            if !problems.is_empty() {
                self.0.push_rejected(&r.id);
                bad.push(issues(self.0.len() - 1, &ProfileErrors(problems)));
            } else if let Err(e) = self.0.push_row(&r) {
                bad.push(issues(self.0.len() - 1, &e));
            }
        }
        super::to_js(&bad)
    }

    /// Every row's tier under `engine` (`TierColumns`), by the rules of `evaluate`. Metric
    /// columns are computed on first use and kept: tiering again under an edited ruleset
    /// recomputes only the metrics it changed. `options.targets` (default true) adds the
    /// nearest reachable tier above and its amount.
    #[wasm_bindgen(js_name = tierAll, unchecked_return_type = "TierColumns")]
    pub fn tier_all(
        &mut self,
        engine: &JsEngine,
        #[wasm_bindgen(unchecked_param_type = "TierAllOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.tier_rows(engine, 0, self.0.len(), options)
    }

    /// `tierAll` for rows `start` to `end` (exclusive, clamped): entry `i` of each array is
    /// row `start + i`. Slices in order keep a page responsive on a large portfolio.
    #[wasm_bindgen(js_name = tierRows, unchecked_return_type = "TierColumns")]
    pub fn tier_rows(
        &mut self,
        engine: &JsEngine,
        start: usize,
        end: usize,
        #[wasm_bindgen(unchecked_param_type = "TierAllOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let targets = get(&options, "targets").is_none_or(|t| t.is_truthy());
        let t = self
            .0
            .tier_rows(&engine.0, TierOptions { targets }, start..end)
            .map_err(|e| {
                let issue = [Issue::new("batch", "$", &e.to_string())];
                into_error("ruleset", &e.to_string(), &issue)
            })?;
        let out = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            // Reflect::set only fails on frozen or non-objects; a fresh object is neither.
            let _ = js_sys::Reflect::set(&out, &k.into(), v);
        };
        set("tier", &js_sys::Uint16Array::from(t.tier.as_slice()).into());
        set(
            "qualified",
            &js_sys::Uint16Array::from(t.qualified.as_slice()).into(),
        );
        set("rule", &js_sys::Uint8Array::from(t.rule.as_slice()).into());
        if targets {
            set(
                "target",
                &js_sys::Uint16Array::from(t.target.as_slice()).into(),
            );
            set(
                "targetCents",
                &js_sys::BigInt64Array::from(t.target_cents.as_slice()).into(),
            );
        }
        let ids: Vec<&str> = engine.0.tier_ids().collect();
        set("tierIds", &super::to_js(&ids)?);
        let rules: Vec<&str> = crate::batch::Rule::ALL.iter().map(|r| r.name()).collect();
        set("rules", &super::to_js(&rules)?);
        // Every row not tiered is 65535 in `tier`; the reasons of the first rows suffice to
        // fix a file, and a million of them would take seconds to cross.
        let mut by_row = std::collections::BTreeMap::<usize, Vec<Issue>>::new();
        for (row, e) in t.errors() {
            if by_row.len() < MAX_ROW_ISSUES || by_row.contains_key(&row) {
                by_row
                    .entry(row)
                    .or_default()
                    .push(Issue::new(e.kind(), e.path(), &e.to_string()));
            }
        }
        let first = start.min(end).min(self.0.len());
        let mut seen = vec![false; t.tier.len()];
        for (row, _) in &t.not_tiered {
            if let Some(s) = row.checked_sub(first).and_then(|i| seen.get_mut(i)) {
                *s = true;
            }
        }
        let rows = seen.iter().filter(|s| **s).count();
        set("errorRows", &JsValue::from(rows as u32));
        let errors: Vec<RowIssues> = by_row
            .into_iter()
            .map(|(row, errors)| RowIssues { row, errors })
            .collect();
        set("errors", &super::to_js(&errors)?);
        Ok(out.into())
    }
}
