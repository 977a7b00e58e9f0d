//! The hostile-input corpus ("Never crash, never lose a line", item 6): hundreds of broken,
//! extreme and malicious profiles, rulesets and catalogs, each run through the whole engine
//! (parse, validation, lint, catalog check, evaluation with recommendations).
//!
//! The corpus is data in `tests/hostile/`:
//! - `values.tsv`: hostile values by class (money, dec, count, date, id, metric, month);
//! - `fields.tsv`: fields of the shipped documents, each given every value of its class;
//! - `cases.tsv`: single mutations of one field with their own expectation;
//! - `base-profile.json`: a profile using every field, the base of profile cases.
//!
//! Whole-document cases (raw bytes, nesting, size, thousands of items) are built below.
//!
//! Every case must give a typed error whose path starts with `$` and whose message is not
//! empty, or a result; without a panic and within its time bound. A case marked `refused`
//! must give an error at exactly the path it names. Each case runs on its own thread under
//! `catch_unwind`, so one failure does not hide the rest: every failure is listed, by case
//! name, in one assertion message.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Once};
use std::thread;
use std::time::{Duration, Instant};
use std::{fs, str};

use chrono::NaiveDate;
use serde_json::Value;
use strata_core::recommend::Options;
use strata_core::{Engine, Profile, ProfileErrors, RulesetErrors, lint, parse_catalog};
use strata_core::{parse_ruleset, rulesets};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Time bound of an ordinary case (debug build, a shared machine).
const BOUND: Duration = Duration::from_secs(2);
/// Time bound of the cases that build megabytes or tens of thousands of items.
const HEAVY: Duration = Duration::from_secs(30);
/// How long past its bound a case may run before it is abandoned as hung.
const GRACE: Duration = Duration::from_secs(5);

/// Which document a case is, and the shipped document it starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Doc {
    /// A profile, evaluated against every shipped ruleset (cn-retail with its catalog).
    Profile,
    /// A ruleset derived from the shipped one with this id.
    Ruleset(&'static str),
    /// A catalog, checked against cn-retail.
    Catalog,
}

impl Doc {
    fn parse(s: &str) -> Doc {
        match s {
            "profile" => Doc::Profile,
            "catalog" => Doc::Catalog,
            _ => {
                let id = s
                    .strip_prefix("ruleset:")
                    .expect("profile, catalog or ruleset:<id>");
                let id = RULESETS
                    .into_iter()
                    .find(|r| *r == id)
                    .expect("a shipped ruleset id");
                Doc::Ruleset(id)
            }
        }
    }

    fn label(self) -> String {
        match self {
            Doc::Profile => "profile".into(),
            Doc::Catalog => "catalog".into(),
            Doc::Ruleset(id) => format!("ruleset:{id}"),
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Doc::Profile => "profile",
            Doc::Ruleset(_) => "ruleset",
            Doc::Catalog => "catalog",
        }
    }
}

const RULESETS: [&str; 5] = [
    "cn-retail",
    "cn-retail-5k",
    "cn-star",
    "cn-corporate",
    "us-rewards",
];

#[derive(Clone, Debug, PartialEq, Eq)]
enum Expect {
    /// A typed error or a result.
    Either,
    /// A typed error at exactly this path.
    Refused(String),
}

struct Case {
    name: String,
    doc: Doc,
    input: Vec<u8>,
    expect: Expect,
    bound: Duration,
    as_of: NaiveDate,
    options: Options,
}

fn date(s: &str) -> NaiveDate {
    s.parse()
        .unwrap_or_else(|e| panic!("`{s}` is not a YYYY-MM-DD date: {e}"))
}

fn as_of() -> NaiveDate {
    date("2026-11-25")
}

fn explain() -> Options {
    Options {
        top_n: None,
        explain: true,
        audience: strata_core::recommend::Audience::Staff,
    }
}

impl Case {
    fn new(name: impl Into<String>, doc: Doc, input: impl Into<Vec<u8>>, expect: Expect) -> Self {
        Case {
            name: name.into(),
            doc,
            input: input.into(),
            expect,
            bound: BOUND,
            as_of: as_of(),
            options: explain(),
        }
    }

    fn heavy(mut self) -> Self {
        self.bound = HEAVY;
        self
    }
}

fn refused(path: &str) -> Expect {
    Expect::Refused(path.to_owned())
}

// ---------------------------------------------------------------------------------------
// The base documents and the shared engines.

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn base_text(doc: Doc) -> String {
    match doc {
        Doc::Profile => read(&format!("{DIR}/base-profile.json")),
        Doc::Ruleset(id) => read(&format!("{ROOT}/rulesets/{id}.json")),
        Doc::Catalog => read(&format!("{ROOT}/catalogs/cn-retail.json")),
    }
}

fn base_value(doc: Doc) -> Value {
    serde_json::from_str(&base_text(doc)).expect("a shipped document is JSON")
}

/// A profile to evaluate and its as-of date.
type Rep = (Profile, NaiveDate);

/// What every case shares: the shipped engines and the representative profiles.
struct World {
    /// cn-retail with its catalog, then the other shipped rulesets without one.
    engines: Vec<Engine>,
    /// The shipped cn-retail catalog, for mutated cn-retail rulesets.
    catalog: strata_core::catalog::Catalog,
    /// Per shipped ruleset id: two fixture profiles and the base profile (cn-retail).
    reps: Vec<(&'static str, Vec<Rep>)>,
    /// The extreme profile for the top tier of each shipped ruleset.
    extreme: Vec<(String, Profile)>,
}

impl World {
    fn new() -> Self {
        let mut engines = Vec::new();
        for id in RULESETS {
            let engine = Engine::new(rulesets::builtin(id).expect("shipped")).expect("valid");
            engines.push(match strata_core::catalogs::for_ruleset(id) {
                Some(c) => engine.with_catalog(c).expect("the shipped catalog fits"),
                None => engine,
            });
        }
        let catalog = strata_core::catalogs::for_ruleset("cn-retail").expect("shipped catalog");
        let mut names: Vec<String> = fs::read_dir(format!("{ROOT}/tests/fixtures/cases"))
            .expect("fixtures")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| {
                std::path::Path::new(n)
                    .extension()
                    .is_some_and(|e| e == "json")
            })
            .collect();
        names.sort();
        let reps = RULESETS
            .iter()
            .map(|id| {
                let mut reps: Vec<Rep> = names
                    .iter()
                    .filter(|n| n.starts_with(&format!("{id}--")))
                    .take(2)
                    .map(|n| {
                        let v: Value = serde_json::from_str(&read(&format!(
                            "{ROOT}/tests/fixtures/cases/{n}"
                        )))
                        .expect("fixture");
                        let p = Profile::from_json(&v["profile"].to_string()).expect("fixture");
                        (p, date(v["as_of"].as_str().expect("as_of")))
                    })
                    .collect();
                if *id == "cn-retail" {
                    let p = Profile::from_json(&base_text(Doc::Profile)).expect("base profile");
                    reps.push((p, as_of()));
                }
                (*id, reps)
            })
            .collect();
        let extreme = engines
            .iter()
            .filter_map(|e| e.tier_ids().next())
            .map(|t| (t.to_owned(), extreme_profile(t)))
            .collect();
        World {
            engines,
            catalog,
            reps,
            extreme,
        }
    }

    /// The extreme profile holding `tier` (built afresh for a tier the shipped rulesets lack).
    fn extreme(&self, tier: &str) -> Profile {
        self.extreme
            .iter()
            .find(|(t, _)| t == tier)
            .map_or_else(|| extreme_profile(tier), |(_, p)| p.clone())
    }

    fn reps(&self, id: &str) -> &[Rep] {
        self.reps.iter().find(|(r, _)| *r == id).map_or_else(
            || panic!("no representative profiles for ruleset `{id}`"),
            |(_, reps)| reps.as_slice(),
        )
    }
}

/// Every product family, as profiles write them.
pub const FAMILIES: [&str; 16] = [
    "deposit",
    "time_deposit",
    "wealth_product",
    "fund",
    "bond",
    "stock",
    "fx",
    "trust",
    "precious_metal",
    "derivative",
    "insurance",
    "pension",
    "loan",
    "card",
    "payment",
    "safe_deposit_box",
];

/// A valid profile at the edges of every domain: balances just under 10^15 in every family,
/// born 1 January 1900, 36 months of history, flows, offers, a manual tier until 2200.
fn extreme_profile(tier: &str) -> Profile {
    const MAX: &str = "\"999999999999999.99\"";
    let holdings: Vec<String> = FAMILIES
        .iter()
        .map(|f| {
            format!(
                r#"{{"product": "p-{f}", "family": "{f}", "balance": {MAX}, "maturity_date": "2200-12-31"}}"#
            )
        })
        .collect();
    let avg: Vec<String> = FAMILIES.iter().map(|f| format!("\"{f}\": {MAX}")).collect();
    let monthly: Vec<String> = (0..36)
        .map(|i| {
            let m = 2023 * 12 + 10 + i; // 2023-11 … 2026-10
            format!(
                r#"{{"month": "{:04}-{:02}", "avg_daily": {{{}}}, "fee_income": {MAX}}}"#,
                m / 12,
                m % 12 + 1,
                avg.join(", ")
            )
        })
        .collect();
    let text = format!(
        r#"{{
        "id": "{id}", "birth_date": "1900-01-01", "education": "doctorate",
        "occupation": "{occupation}",
        "risk": {{"level": "C5", "assessed_on": "1900-01-01"}},
        "holdings": [{holdings}],
        "external_assets": [{{"balance": {MAX}}}, {{"balance": {MAX}, "family": "stock"}}],
        "monthly": [{monthly}],
        "tier_history": {{"tier": {tier}, "since": "1900-01-01", "reviews_below": 1000, "below_since": "1900-01-01"}},
        "manual_assignment": {{"tier": {tier}, "reason": "extreme", "expires": "2200-12-31"}},
        "interests": ["travel", "education", "retirement", "home", "youth", "business", "wealth", "family"],
        "offers": [{{"product": "demand-cny", "shown": 1000000, "last_shown": "1900-01-01", "dismissed_on": "1900-01-01", "declined_on": "2026-11-25"}}],
        "cash_flows": [
            {{"date": "2026-11-25", "amount": {MAX}, "kind": "salary"}},
            {{"date": "2026-11-25", "amount": "-999999999999999.99", "kind": "transfer"}},
            {{"date": "1900-01-01", "amount": "0.01"}}
        ]
    }}"#,
        id = "x".repeat(256),
        occupation = "经".repeat(1000),
        holdings = holdings.join(", "),
        monthly = monthly.join(", "),
        tier = serde_json::to_string(tier).expect("a string"),
    );
    Profile::from_json(&text).unwrap_or_else(|e| panic!("the extreme profile is valid: {e}"))
}

// ---------------------------------------------------------------------------------------
// Running one case.

/// The outcome of a case's deciding step (parse, validation, or the first evaluation).
struct Outcome {
    /// `(path, message)` of each error; empty when the document was accepted.
    errors: Vec<(String, String)>,
    /// Errors anywhere in the case whose path or message is malformed.
    malformed: Vec<String>,
}

impl Outcome {
    fn new() -> Self {
        Outcome {
            errors: Vec::new(),
            malformed: Vec::new(),
        }
    }

    /// Checks errors from any step; `decide` makes them the outcome.
    fn errors<'e>(&mut self, errs: impl Iterator<Item = (&'e str, String)>, decide: bool) {
        for (path, message) in errs {
            // A path into the document, or `asOf`, the evaluation date the caller passes.
            if !(path.starts_with('$') || path == "asOf") || message.trim().is_empty() {
                self.malformed
                    .push(format!("error with path {path:?} and message {message:?}"));
            }
            if decide {
                self.errors.push((path.to_owned(), message));
            }
        }
    }

    fn ruleset_errors(&mut self, e: &RulesetErrors, decide: bool) {
        if e.0.is_empty() {
            self.malformed.push("an empty error list".into());
        }
        self.errors(e.0.iter().map(|e| (e.path(), e.to_string())), decide);
    }

    fn profile_errors(&mut self, e: &ProfileErrors, decide: bool) {
        if e.0.is_empty() {
            self.malformed.push("an empty error list".into());
        }
        self.errors(e.0.iter().map(|e| (e.path(), e.to_string())), decide);
    }
}

fn run(case: &Case, world: &World) -> Outcome {
    let mut out = Outcome::new();
    // The CLI reads text: bytes that are not UTF-8 are refused before the engine sees them.
    // Their lossy decoding goes through the engine anyway, for panics only.
    let text = match str::from_utf8(&case.input) {
        Ok(t) => t.to_owned(),
        Err(e) => {
            out.errors.push(("$".into(), format!("not UTF-8: {e}")));
            let lossy = String::from_utf8_lossy(&case.input).into_owned();
            run_text(case, &lossy, world, &mut Outcome::new());
            return out;
        }
    };
    run_text(case, &text, world, &mut out);
    out
}

fn run_text(case: &Case, text: &str, world: &World, out: &mut Outcome) {
    match case.doc {
        Doc::Profile => {
            let p = match Profile::from_json(text) {
                Ok(p) => p,
                Err(e) => return out.profile_errors(&e, true),
            };
            for (i, engine) in world.engines.iter().enumerate() {
                if let Err(e) = engine.evaluate_with(&p, case.as_of, &case.options) {
                    out.profile_errors(&e, i == 0);
                }
            }
        }
        Doc::Ruleset(base) => {
            let rs = match parse_ruleset(text) {
                Ok(rs) => rs,
                Err(e) => return out.ruleset_errors(&e, true),
            };
            for f in lint::lint(&rs) {
                if f.severity == lint::Severity::Error {
                    out.errors(std::iter::once((f.path.as_str(), f.message.clone())), false);
                }
            }
            let engine = match Engine::new(rs) {
                Ok(e) => e,
                Err(e) => return out.ruleset_errors(&e, true),
            };
            let engine = if base == "cn-retail" {
                match engine.clone().with_catalog(world.catalog.clone()) {
                    Ok(e) => e,
                    Err(e) => {
                        out.ruleset_errors(&e, false);
                        engine
                    }
                }
            } else {
                engine
            };
            evaluate_reps(&engine, world, base, &case.options, out);
        }
        Doc::Catalog => {
            let c = match parse_catalog(text) {
                Ok(c) => c,
                Err(e) => return out.ruleset_errors(&e, true),
            };
            let engine = match world.engines[0].clone().with_catalog(c) {
                Ok(e) => e,
                Err(e) => return out.ruleset_errors(&e, true),
            };
            evaluate_reps(&engine, world, "cn-retail", &case.options, out);
        }
    }
}

/// Evaluates the representative profiles of ruleset `base` and the extreme profile.
fn evaluate_reps(engine: &Engine, world: &World, base: &str, options: &Options, out: &mut Outcome) {
    let extreme = (
        world.extreme(
            engine
                .tier_ids()
                .next()
                .expect("a compiled ruleset has a tier"),
        ),
        as_of(),
    );
    for (p, on) in world.reps(base).iter().chain(std::iter::once(&extreme)) {
        if let Err(e) = engine.evaluate_with(p, *on, options) {
            out.profile_errors(&e, false);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Panics: caught per case, with their message and location.

thread_local! {
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

const THREAD_PREFIX: &str = "hostile-case ";

/// Records panics of the case threads instead of printing them; other threads (the rest
/// of the test binary) keep the default hook.
fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let ours = thread::current()
                .name()
                .is_some_and(|n| n.starts_with(THREAD_PREFIX));
            if ours {
                let msg = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "(non-string payload)".into());
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                // The panic site is often in a dependency (rust_decimal's operators): name
                // the engine's line that called it too.
                let trace = std::backtrace::Backtrace::force_capture().to_string();
                let lines: Vec<&str> = trace.lines().map(str::trim).collect();
                let ours = lines
                    .iter()
                    .position(|l| l.starts_with("at ./src/"))
                    .map(|i| {
                        let at = lines[i].trim_start_matches("at ./");
                        let func = i
                            .checked_sub(1)
                            .and_then(|j| lines[j].split_once(": "))
                            .map_or("", |(_, f)| f);
                        format!(" (from {func} at core/{at})")
                    })
                    .unwrap_or_default();
                PANIC.with(|p| {
                    *p.borrow_mut() = Some(format!("panicked at {at}{ours}: {msg}"));
                });
            } else {
                default(info);
            }
        }));
    });
}

/// Runs every case, each on its own thread; returns the failures, one line each.
fn run_all(cases: Vec<Case>) -> (Vec<String>, Duration) {
    install_hook();
    let world = Arc::new(World::new());
    let mut failures = Vec::new();
    let mut times: Vec<(Duration, String)> = Vec::new();
    let started = Instant::now();
    for case in cases {
        let case = Arc::new(case);
        let (tx, rx) = mpsc::channel();
        let (c, w) = (Arc::clone(&case), Arc::clone(&world));
        thread::Builder::new()
            .name(format!("{THREAD_PREFIX}{}", case.name))
            .stack_size(64 << 20)
            .spawn(move || {
                let t = Instant::now();
                let r = panic::catch_unwind(AssertUnwindSafe(|| run(&c, &w)));
                let r = r.map_err(|_| {
                    PANIC
                        .with(|p| p.borrow_mut().take())
                        .unwrap_or_else(|| "panicked".into())
                });
                let _ = tx.send((r, t.elapsed()));
            })
            .expect("spawn");
        let name = &case.name;
        match rx.recv_timeout(case.bound + GRACE) {
            Err(_) => failures.push(format!(
                "{name}: HUNG, no result after {:?} (thread abandoned)",
                case.bound + GRACE
            )),
            Ok((Err(panic), _)) => failures.push(format!("{name}: PANIC {panic}")),
            Ok((Ok(out), took)) => {
                times.push((took, case.name.clone()));
                if took > case.bound {
                    failures.push(format!("{name}: SLOW, {took:?} > {:?}", case.bound));
                }
                for m in out.malformed {
                    failures.push(format!("{name}: MALFORMED {m}"));
                }
                if let Expect::Refused(path) = &case.expect {
                    if out.errors.is_empty() {
                        failures.push(format!("{name}: ACCEPTED, should be refused at {path}"));
                    } else if !out.errors.iter().any(|(p, _)| p == path) {
                        let got: Vec<String> = out
                            .errors
                            .iter()
                            .take(3)
                            .map(|(p, m)| format!("{p}: {m}"))
                            .collect();
                        failures.push(format!(
                            "{name}: WRONG PATH, refused but not at {path}: {}",
                            clip(&got.join("; "))
                        ));
                    }
                }
            }
        }
    }
    times.sort_unstable_by(|a, b| b.cmp(a));
    for (took, name) in times.iter().take(10) {
        eprintln!("slowest: {took:>12.3?} {name}");
    }
    (failures, started.elapsed())
}

/// The first half of `s`, cut at a character boundary.
fn half(s: &str) -> &str {
    let mut at = s.len() / 2;
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[..at]
}

fn clip(s: &str) -> String {
    match s.char_indices().nth(300) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------
// Building the cases.

const HOLE: &str = "\u{1}HOSTILE\u{1}";

/// `doc` with the node at `pointer` set to a placeholder (or removed), then serialized with
/// `raw` spliced in as text, so that invalid JSON and exact number spellings survive.
fn mutate(base: &Value, pointer: &str, raw: Option<&str>) -> String {
    let mut v = base.clone();
    let segs: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let (last, parents) = segs.split_last().expect("a pointer below the root");
    let mut node = &mut v;
    for s in parents {
        node = match node {
            Value::Object(m) => m.get_mut(s.as_str()),
            Value::Array(a) => s.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        }
        .unwrap_or_else(|| panic!("{pointer}: no `{s}`"));
    }
    let hole = Value::String(HOLE.into());
    match (node, raw) {
        (Value::Object(m), Some(_)) => {
            m.insert(last.clone(), hole);
        }
        (Value::Object(m), None) => {
            m.remove(last.as_str()).expect("removed member exists");
        }
        (Value::Array(a), r) => {
            let i: usize = last.parse().expect("an index");
            match r {
                Some(_) if i == a.len() => a.push(hole),
                Some(_) => a[i] = hole,
                None => {
                    a.remove(i);
                }
            }
        }
        _ => panic!("{pointer}: the parent is not a container"),
    }
    let text = serde_json::to_string_pretty(&v).expect("serialize");
    match raw {
        Some(raw) => {
            let quoted = serde_json::to_string(HOLE).expect("serialize");
            assert!(text.contains(&quoted), "{pointer}: placeholder lost");
            text.replacen(&quoted, raw, 1)
        }
        None => text,
    }
}

/// The JSON path the engine names for `pointer` in `base` (`$.tiers[0].criteria.value`).
fn json_path(base: &Value, pointer: &str) -> String {
    let mut path = String::from("$");
    let mut node = Some(base);
    for s in pointer.split('/').skip(1) {
        match node {
            Some(Value::Array(a)) => {
                let i: usize = s.parse().expect("index");
                let _ = write!(path, "[{i}]");
                node = a.get(i);
            }
            n => {
                if !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    let _ = write!(path, ".{s}");
                } else {
                    let _ = write!(path, "[{}]", serde_json::to_string(s).expect("key"));
                }
                node = n.and_then(|n| n.get(s));
            }
        }
    }
    path
}

fn tsv(file: &str) -> Vec<Vec<String>> {
    read(&format!("{DIR}/{file}"))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// Every field of `fields.tsv` with every value of its class in `values.tsv`.
fn field_cases() -> Vec<Case> {
    let values = tsv("values.tsv");
    let mut bases: Vec<(Doc, Value)> = Vec::new();
    let mut cases = Vec::new();
    for row in tsv("fields.tsv") {
        let [doc, pointer, class, rest @ ..] = row.as_slice() else {
            panic!("fields.tsv: {row:?}");
        };
        let doc = Doc::parse(doc);
        if !bases.iter().any(|(d, _)| *d == doc) {
            bases.push((doc, base_value(doc)));
        }
        let base = &bases.iter().find(|(d, _)| *d == doc).expect("base").1;
        let also_refused: Vec<&str> = rest.first().map_or(Vec::new(), |r| r.split(',').collect());
        let path = json_path(base, pointer);
        let mut n = 0;
        for v in &values {
            let [vclass, label, expect, raw] = v.as_slice() else {
                panic!("values.tsv: {v:?}");
            };
            if vclass != class {
                continue;
            }
            n += 1;
            let expect = if expect == "refused" || also_refused.contains(&label.as_str()) {
                refused(&path)
            } else {
                Expect::Either
            };
            cases.push(Case::new(
                format!("{}{pointer}={class}:{label}", doc.label()),
                doc,
                mutate(base, pointer, Some(raw)),
                expect,
            ));
        }
        assert!(n > 0, "fields.tsv: no values of class {class}");
    }
    cases
}

/// The single mutations of `cases.tsv`.
fn table_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for row in tsv("cases.tsv") {
        let [name, doc, op, pointer, expect, raw @ ..] = row.as_slice() else {
            panic!("cases.tsv: {row:?}");
        };
        let doc = Doc::parse(doc);
        let raw = match op.as_str() {
            "set" => Some(raw.first().expect("raw text").as_str()),
            "remove" => None,
            _ => panic!("cases.tsv: op {op}"),
        };
        let expect = match expect.strip_prefix("refused ") {
            Some(path) => refused(path),
            None if expect == "either" => Expect::Either,
            None => panic!("cases.tsv: expect {expect}"),
        };
        let text = mutate(&base_value(doc), pointer, raw);
        cases.push(Case::new(name.clone(), doc, text, expect));
    }
    cases
}

/// Whole-document cases for each kind: raw bytes, nesting, size, duplicates, wrong types.
fn structural_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for doc in [Doc::Profile, Doc::Ruleset("cn-retail"), Doc::Catalog] {
        let k = doc.kind();
        let text = base_text(doc);
        let base = base_value(doc);
        let name = |n: &str| format!("{k}:structure/{n}");
        let whole = [
            ("empty", String::new()),
            ("whitespace", " \n\t\r ".into()),
            ("null", "null".into()),
            ("true", "true".into()),
            ("zero", "0".into()),
            ("string", "\"{}\"".into()),
            ("array", "[]".into()),
            ("array-of-document", format!("[{text}]")),
            ("trailing-garbage", format!("{text}x")),
            ("trailing-comma", format!("{text},")),
            ("two-documents", format!("{text}\n{text}")),
            ("trailing-nul", format!("{text}\0")),
            ("leading-nul", format!("\0{text}")),
            ("comment", format!("// a comment\n{text}")),
            ("truncated", half(&text).to_owned()),
            ("single-quotes", text.replace('"', "'")),
            ("deep-arrays-1e6", "[".repeat(1_000_000)),
            ("deep-objects-1e6", "{\"a\":".repeat(1_000_000)),
            (
                "deep-closed-129",
                format!("{}{}", "[".repeat(129), "]".repeat(129)),
            ),
            (
                "over-4-mib-whitespace",
                format!("{text}{}", " ".repeat(5 << 20)),
            ),
            ("string-10-mb", format!("\"{}\"", "a".repeat(10_000_000))),
        ];
        for (n, t) in whole {
            // Nested and cut documents fail below the root; the rest at it.
            let expect = if n.starts_with("deep") || n == "truncated" {
                Expect::Either
            } else {
                refused("$")
            };
            let big = t.len() > 1 << 20;
            let case = Case::new(name(n), doc, t, expect);
            cases.push(if big { case.heavy() } else { case });
        }
        cases.push(Case::new(name("empty-object"), doc, "{}", refused("$.id")));
        cases.push(Case::new(
            name("bom"),
            doc,
            format!("\u{feff}{text}"),
            Expect::Either,
        ));
        cases.push(Case::new(
            name("crlf-and-tabs"),
            doc,
            text.replace('\n', "\r\n\t"),
            Expect::Either,
        ));
        cases.push(Case::new(
            name("minified"),
            doc,
            base.to_string(),
            Expect::Either,
        ));
        cases.push(Case::new(
            name("duplicate-top-key"),
            doc,
            text.replacen('{', "{\"id\": \"dup\",", 1),
            refused("$.id"),
        ));
        cases.push(Case::new(
            name("unknown-top-key"),
            doc,
            text.replacen('{', "{\"__proto__\": {},", 1),
            refused("$.__proto__"),
        ));
        cases.push(Case::new(
            name("nul-in-id"),
            doc,
            mutate(&base, "/id", Some("\"a\0b\"")),
            refused("$.id"),
        ));
        cases.push(Case::new(
            name("raw-newline-in-id"),
            doc,
            mutate(&base, "/id", Some("\"a\nb\"")),
            refused("$.id"),
        ));
        cases.push(Case::new(
            name("lone-low-surrogate-id"),
            doc,
            mutate(&base, "/id", Some("\"\\udc00x\"")),
            refused("$.id"),
        ));
        cases.push(Case::new(
            name("bad-escape-id"),
            doc,
            mutate(&base, "/id", Some("\"\\x41\"")),
            refused("$.id"),
        ));
        cases.push(Case::new(
            name("id-100k"),
            doc,
            mutate(&base, "/id", Some(&format!("\"{}\"", "i".repeat(100_000)))),
            Expect::Either,
        ));
        cases.push(
            Case::new(
                name("id-3-mib"),
                doc,
                mutate(
                    &base,
                    "/id",
                    Some(&format!("\"{}\"", "\\u00e9".repeat(500_000))),
                ),
                Expect::Either,
            )
            .heavy(),
        );
        cases.push(Case::new(
            name("deep-in-unknown-field"),
            doc,
            mutate(
                &base,
                "/zz",
                Some(&format!("{}{}", "[".repeat(126), "]".repeat(126))),
            ),
            refused("$.zz"),
        ));
        cases.push(Case::new(
            name("deep-in-id"),
            doc,
            mutate(&base, "/id", Some(&"[".repeat(100_000))),
            Expect::Either,
        ));
        let mut bytes = text.clone().into_bytes();
        let at = text.find(": \"").expect("a string member") + 3;
        bytes.insert(at, 0xFF);
        cases.push(Case::new(name("invalid-utf8-ff"), doc, bytes, refused("$")));
        let mut bytes = text.clone().into_bytes();
        bytes.splice(at..at, [0xC0, 0x80]);
        cases.push(Case::new(
            name("invalid-utf8-overlong-nul"),
            doc,
            bytes,
            refused("$"),
        ));
        let mut bytes = text.clone().into_bytes();
        bytes.splice(at..at, [0xED, 0xA0, 0x80]);
        cases.push(Case::new(
            name("invalid-utf8-encoded-surrogate"),
            doc,
            bytes,
            refused("$"),
        ));
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        cases.push(Case::new(name("utf16le"), doc, utf16, refused("$")));
        // Every node set to null, and to a value of the wrong type.
        for (pointer, v) in nodes(&base, doc) {
            let wrong = match v {
                Value::Object(_) | Value::Null => "[]",
                Value::Array(_) | Value::Number(_) => "{}",
                Value::String(_) => "[\"x\"]",
                Value::Bool(_) => "\"true\"",
            };
            for (label, raw) in [("null", "null"), ("wrong-type", wrong)] {
                cases.push(Case::new(
                    format!("{}{pointer}={label}", doc.label()),
                    doc,
                    mutate(&base, &pointer, Some(raw)),
                    Expect::Either,
                ));
            }
        }
    }
    cases.extend(big_cases());
    cases
}

/// Pointers of the nodes of `v`, skipping translated texts and all but the first few
/// products, bundles, tiers and months (the rest repeat their shape).
fn nodes(v: &Value, doc: Doc) -> Vec<(String, Value)> {
    fn walk(v: &Value, at: &str, doc: Doc, out: &mut Vec<(String, Value)>) {
        let children: Vec<(String, &Value)> = match v {
            Value::Object(m) => m
                .iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "name" | "description" | "pitch" | "label" | "benefits"
                    )
                })
                .map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v))
                .collect(),
            Value::Array(a) => {
                let keep = match doc {
                    Doc::Profile => 2,
                    _ => 3,
                };
                a.iter()
                    .take(keep)
                    .enumerate()
                    .map(|(i, v)| (i.to_string(), v))
                    .collect()
            }
            _ => Vec::new(),
        };
        for (k, child) in children {
            let p = format!("{at}/{k}");
            out.push((p.clone(), child.clone()));
            walk(child, &p, doc, out);
        }
    }
    let mut out = Vec::new();
    walk(v, "", doc, &mut out);
    out
}

/// Tens of thousands of items, thousands of tiers, and options and dates at their limits.
fn big_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let profile = base_value(Doc::Profile);
    let retail = base_value(Doc::Ruleset("cn-retail"));
    let catalog = base_value(Doc::Catalog);
    let holding = r#"{"product": "p", "family": "deposit", "balance": "1.00"}"#;
    let many = |item: &str, n: usize| format!("[{}]", vec![item; n].join(","));
    cases.push(
        Case::new(
            "profile:big/holdings-60k",
            Doc::Profile,
            mutate(&profile, "/holdings", Some(&many(holding, 60_000))),
            Expect::Either,
        )
        .heavy(),
    );
    cases.push(
        Case::new(
            "profile:big/external-assets-60k",
            Doc::Profile,
            mutate(
                &profile,
                "/external_assets",
                Some(&many(r#"{"balance": "999999999999999.99"}"#, 60_000)),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let flows: Vec<String> = (0..30_000)
        .map(|i| {
            format!(
                r#"{{"date": "2026-11-{:02}", "amount": "{}100000.00"}}"#,
                i % 25 + 1,
                if i % 2 == 0 { "" } else { "-" }
            )
        })
        .collect();
    cases.push(
        Case::new(
            "profile:big/cash-flows-30k",
            Doc::Profile,
            mutate(
                &profile,
                "/cash_flows",
                Some(&format!("[{}]", flows.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let offers: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"product": "o{i}", "shown": {i}, "last_shown": "2026-11-01"}}"#))
        .collect();
    cases.push(
        Case::new(
            "profile:big/offers-20k",
            Doc::Profile,
            mutate(
                &profile,
                "/offers",
                Some(&format!("[{}]", offers.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let months: Vec<String> = (0..3_000)
        .map(|i| {
            let m = 1900 * 12 + i;
            format!(
                r#"{{"month": "{:04}-{:02}", "avg_daily": {{"deposit": "999999999999999.99"}}, "fee_income": "999999999999999.99"}}"#,
                m / 12,
                m % 12 + 1
            )
        })
        .collect();
    cases.push(
        Case::new(
            "profile:big/monthly-3000",
            Doc::Profile,
            mutate(
                &profile,
                "/monthly",
                Some(&format!("[{}]", months.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let attrs: Vec<String> = (0..20_000).map(|i| format!("\"a{i}\": \"{i}\"")).collect();
    cases.push(
        Case::new(
            "profile:big/attributes-20k",
            Doc::Profile,
            mutate(
                &profile,
                "/attributes",
                Some(&format!("{{{}}}", attrs.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    for (label, on) in [
        ("min", NaiveDate::MIN),
        ("max", NaiveDate::MAX),
        ("0001-01-01", date("0001-01-01")),
        ("1900-01-01", date("1900-01-01")),
        ("2200-12-31", date("2200-12-31")),
        ("9999-12-31", date("9999-12-31")),
    ] {
        let mut c = Case::new(
            format!("profile:as-of/{label}"),
            Doc::Profile,
            base_text(Doc::Profile),
            Expect::Either,
        );
        c.as_of = on;
        cases.push(c);
        let mut c = Case::new(
            format!("profile:as-of/{label}/no-dates"),
            Doc::Profile,
            r#"{"id": "n", "birth_date": "1990-01-01", "education": "college", "holdings": [{"product": "demand-cny", "family": "deposit", "balance": "60000"}]}"#,
            Expect::Either,
        );
        c.as_of = on;
        cases.push(c);
    }
    // A thousand tiers (refused: at most 64) and 64 (allowed).
    let tier = |i: usize, n: usize| {
        let crit = if i + 1 == n {
            String::new()
        } else {
            format!(
                r#""criteria": {{"metric": "aum", "op": ">=", "value": "{}"}},"#,
                (n - i) * 1000
            )
        };
        format!(
            r#"{{"id": "t{i}", "name": {{"zh-CN": "层{i}", "en": "T{i}"}}, {crit} "maintained_by": "teller", "service_route": "counter"}}"#
        )
    };
    for n in [1000, 65, 64] {
        let tiers: Vec<String> = (0..n).map(|i| tier(i, n)).collect();
        let expect = if n > 64 {
            refused("$.tiers")
        } else {
            Expect::Either
        };
        cases.push(
            Case::new(
                format!("ruleset:big/tiers-{n}"),
                Doc::Ruleset("cn-retail"),
                mutate(&retail, "/tiers", Some(&format!("[{}]", tiers.join(",")))),
                expect,
            )
            .heavy(),
        );
    }
    // Tiers out of order: reversed ladder.
    let mut reversed = retail.clone();
    if let Some(Value::Array(t)) = reversed.get_mut("tiers") {
        t.reverse();
    }
    cases.push(Case::new(
        "ruleset:structure/tiers-reversed",
        Doc::Ruleset("cn-retail"),
        reversed.to_string(),
        refused("$.tiers[0].criteria"),
    ));
    // Criteria nested as deep as the reader allows, and a very wide `any`.
    let mut deep = String::from(r#"{"metric": "aum", "op": ">=", "value": "10000000"}"#);
    for _ in 0..60 {
        deep = format!(r#"{{"all": [{deep}]}}"#);
    }
    cases.push(Case::new(
        "ruleset:big/criteria-nested-60",
        Doc::Ruleset("cn-retail"),
        mutate(&retail, "/tiers/0/criteria", Some(&deep)),
        Expect::Either,
    ));
    let wide: Vec<String> = (0..5_000)
        .map(|i| {
            format!(
                r#"{{"metric": "aum", "op": "==", "value": "{}"}}"#,
                10_000_000 + i
            )
        })
        .collect();
    cases.push(
        Case::new(
            "ruleset:big/criteria-any-5000",
            Doc::Ruleset("cn-retail"),
            mutate(
                &retail,
                "/tiers/0/criteria",
                Some(&format!(r#"{{"any": [{}]}}"#, wide.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let metrics: Vec<String> = (1..=36)
        .flat_map(|m| {
            [
                format!(r#"{{"metric": "aum_avg_{m}m", "op": ">=", "value": "{m}"}}"#),
                format!(r#"{{"metric": "fee_income_{m}m", "op": ">=", "value": "{m}"}}"#),
            ]
        })
        .collect();
    cases.push(
        Case::new(
            "ruleset:big/criteria-every-window",
            Doc::Ruleset("cn-retail"),
            mutate(
                &retail,
                "/tiers/0/criteria",
                Some(&format!(r#"{{"all": [{}]}}"#, metrics.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let terms: Vec<String> = (0..10_000)
        .map(|i| {
            format!(
                r#"{{"source": {{"average_balance": {{"families": ["deposit", "fund"], "months": {}}}}}, "points": "79228162514264337593543950335", "per": "0.0000000000000000000000000001"}}"#,
                i % 36 + 1
            )
        })
        .collect();
    cases.push(
        Case::new(
            "ruleset:big/derived-10k-max-terms",
            Doc::Ruleset("cn-retail"),
            mutate(
                &retail,
                "/metrics/contribution/terms",
                Some(&format!("[{}]", terms.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let inputs: Vec<String> = (0..10_000)
        .map(|i| format!(r#""in{i}": {{"unit": "money", "default": "{i}"}}"#))
        .collect();
    cases.push(
        Case::new(
            "ruleset:big/inputs-10k",
            Doc::Ruleset("cn-retail"),
            mutate(
                &retail,
                "/inputs",
                Some(&format!("{{{}}}", inputs.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let days: Vec<String> = (1..=12)
        .flat_map(|m| (1..=28).map(move |d| format!("\"{m:02}-{d:02}\"")))
        .collect();
    cases.push(
        Case::new(
            "ruleset:big/review-336-dates",
            Doc::Ruleset("cn-retail"),
            mutate(
                &retail,
                "/review/schedule",
                Some(&format!(
                    r#"{{"type": "dates", "dates": [{}]}}"#,
                    days.join(",")
                )),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    // Ten thousand products.
    let product = catalog["products"][0].clone();
    let products: Vec<String> = (0..10_000)
        .map(|i| {
            let mut p = product.clone();
            p["id"] = Value::String(format!("p{i}"));
            p["min_amount"] = Value::String(format!("{i}"));
            p.to_string()
        })
        .collect();
    cases.push(
        Case::new(
            "catalog:big/products-10k",
            Doc::Catalog,
            mutate(
                &catalog,
                "/products",
                Some(&format!("[{}]", products.join(","))),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    let bundle: Vec<String> = (0..20_000).map(|_| "\"demand-cny\"".to_owned()).collect();
    cases.push(
        Case::new(
            "catalog:big/bundle-20k-items",
            Doc::Catalog,
            mutate(
                &catalog,
                "/bundles/ordinary",
                Some(&format!(
                    r#"{{"name": {{"zh-CN": "大", "en": "Big"}}, "products": [{}]}}"#,
                    bundle.join(",")
                )),
            ),
            Expect::Either,
        )
        .heavy(),
    );
    for (label, top_n, explain) in [
        ("top-n-0", Some(0), true),
        ("top-n-1", Some(1), false),
        ("top-n-u32-max", Some(u32::MAX), true),
        ("top-n-u32-max-no-explain", Some(u32::MAX), false),
    ] {
        let mut c = Case::new(
            format!("catalog:options/{label}"),
            Doc::Catalog,
            base_text(Doc::Catalog),
            Expect::Either,
        );
        c.options = Options {
            top_n,
            explain,
            audience: strata_core::recommend::Audience::Staff,
        };
        cases.push(c);
    }
    cases
}

fn all_cases() -> Vec<Case> {
    let mut cases = field_cases();
    cases.extend(table_cases());
    cases.extend(structural_cases());
    cases
}

#[test]
fn hostile_corpus_never_panics_and_refuses_what_it_must() {
    // `STRATA_HOSTILE=<part of a name>` runs only the matching cases.
    let only = std::env::var("STRATA_HOSTILE").ok();
    let mut cases = all_cases();
    let total = cases.len();
    if let Some(only) = &only {
        cases.retain(|c| c.name.contains(only.as_str()));
    }
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    let dup = names.windows(2).find(|w| w[0] == w[1]);
    assert!(dup.is_none(), "duplicate case name {dup:?}");
    let count = |k: &str| cases.iter().filter(|c| c.doc.kind() == k).count();
    let counts = format!(
        "{} cases: {} profile, {} ruleset, {} catalog",
        cases.len(),
        count("profile"),
        count("ruleset"),
        count("catalog")
    );
    assert!(total >= 300, "{counts}");
    let (failures, took) = run_all(cases);
    eprintln!(
        "hostile corpus: {counts}; {} failures; {took:?}",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} hostile case(s) failed ({counts}):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
