//! End to end on realistic documents: a shipped ruleset, a profile seed and (for cn-retail)
//! the shipped catalog, with a few leaves replaced by extreme values (the decimal type's
//! limits, u32 limits, tiny fractions, `-0`, odd dates) or numbers the fuzzer spells, then
//! compiled and evaluated with recommendations on an as-of date that may be extreme too.
//!
//! Mutating parsed documents keeps them well-formed, so the fuzzer spends its time in the
//! engine's arithmetic rather than in the JSON reader's refusals.
#![no_main]

use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use strata_core::json::{self, Json};
use strata_core::recommend::{Audience, Options};
use strata_core::{Engine, Profile, catalogs, parse_catalog, parse_ruleset, rulesets};
use strata_fuzz::{Doc, PROFILES};

/// Values at the edges of what core reads: decimal's 96-bit range and 28-digit scale,
/// integer widths, JS's safe integers, `-0`.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "0.5",
    "12",
    "255",
    "65535",
    "2147483647",
    "-2147483648",
    "4294967295",
    "4294967296",
    "9007199254740991",
    "9007199254740992",
    "18446744073709551615",
    "40000000000000000000000000000",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "79228162514264337593543950336",
    "100000000000000000000000000000000000000",
    "0.0000000000000000000000000001",
    "0.00000000000000000000000000001",
    "1e-28",
    "1e28",
    "1E+400",
    "-1e-400",
];

/// Dates and months at chrono's and the calendar's edges.
const DATES: &[&str] = &[
    "0001-01-01",
    "9999-12-31",
    "1900-01-01",
    "2024-02-29",
    "2026-02-28",
    "2026-11-25",
    "2026-11-26",
    "2026-12-31",
    "0001-01",
    "9999-12",
    "2026-11",
    "2026-12",
    "",
];

/// A shipped document: its leaves to edit, and its tree to name them in descriptions.
struct Shipped {
    doc: Doc,
    tree: Json<'static>,
}

impl Shipped {
    fn new(text: &'static str) -> Self {
        Shipped {
            doc: Doc::new(text),
            tree: json::parse(text).expect("a shipped document parses"),
        }
    }
}

/// The shipped documents, prepared once: per ruleset `(ruleset, catalog if shipped)` in
/// the order of `rulesets::ALL` (that of `strata_fuzz::engines()`), and the profiles in the
/// order of `strata_fuzz::profiles()`.
struct Docs {
    rulesets: Vec<(Shipped, Option<Shipped>)>,
    profiles: Vec<Shipped>,
}

fn docs() -> &'static Docs {
    static DOCS: OnceLock<Docs> = OnceLock::new();
    DOCS.get_or_init(|| Docs {
        rulesets: rulesets::ALL
            .iter()
            .map(|(id, text)| (Shipped::new(text), catalogs::json(id).map(Shipped::new)))
            .collect(),
        profiles: PROFILES.iter().map(|text| Shipped::new(text)).collect(),
    })
}

/// One replacement leaf, as JSON text: a listed extreme or a number the fuzzer spells,
/// bare or quoted (money and counts are read from either); dates are always quoted.
fn value(u: &mut Unstructured<'_>) -> Result<String> {
    let number = match u.int_in_range(0..=3)? {
        0 => return Ok(format!("\"{}\"", u.choose(DATES)?)),
        1 => (*u.choose(NUMBERS)?).to_owned(),
        2 => u.arbitrary::<u64>()?.to_string(),
        _ => {
            // A decimal of up to 40 integer and 30 fraction digits, as JSON spells it.
            let mut s = String::new();
            if u.arbitrary()? {
                s.push('-');
            }
            let int_digits = u.int_in_range(1..=40)?;
            let frac_digits = u.int_in_range(0..=30)?;
            for i in 0..int_digits {
                let lowest = u8::from(i == 0 && int_digits > 1);
                s.push(char::from(b'0' + u.int_in_range(lowest..=9)?));
            }
            if frac_digits > 0 {
                s.push('.');
                for _ in 0..frac_digits {
                    s.push(char::from(b'0' + u.int_in_range(0..=9)?));
                }
            }
            s
        }
    };
    Ok(if u.arbitrary()? {
        format!("\"{number}\"")
    } else {
        number
    })
}

/// Up to `max` edits of `doc`'s leaves.
fn edits(u: &mut Unstructured<'_>, doc: &Shipped, max: usize) -> Result<Vec<(usize, String)>> {
    let n = doc.doc.leaves();
    let count = u.int_in_range(0..=max)?;
    (0..count)
        .map(|_| Ok((u.choose_index(n)?, value(u)?)))
        .collect()
}

/// The fixtures' as-of date, a day near it, or one at chrono's edges.
fn as_of(u: &mut Unstructured<'_>) -> Result<NaiveDate> {
    let fixed = strata_fuzz::as_of();
    Ok(match u.int_in_range(0..=3)? {
        0 => fixed,
        1 => fixed
            .checked_add_days(Days::new(u.int_in_range(0..=40_000)?))
            .unwrap_or(fixed),
        2 => fixed
            .checked_sub_days(Days::new(u.int_in_range(0..=40_000)?))
            .unwrap_or(fixed),
        _ => *u.choose(&[NaiveDate::MIN, NaiveDate::MAX])?,
    })
}

/// The `id` member of a shipped document.
fn id_of<'a>(doc: &'a Json<'_>) -> &'a str {
    match doc {
        Json::Object(members) => members
            .iter()
            .find(|(k, _)| k == "id")
            .and_then(|(_, v)| match v {
                Json::String(s) => Some(s.as_ref()),
                _ => None,
            })
            .unwrap_or("?"),
        _ => "?",
    }
}

/// Prints a document's edits as `path = value`.
fn describe(what: &str, doc: &Json<'_>, edits: &[(usize, String)]) {
    eprintln!("{what} {}:", id_of(doc));
    for (leaf, text) in edits {
        let path = strata_fuzz::leaf_path(doc, *leaf).unwrap_or_default();
        eprintln!("  {path} = {text}");
    }
}

fn run(u: &mut Unstructured<'_>) -> Result<()> {
    let docs = docs();
    let bank = u.choose_index(docs.rulesets.len())?;
    let (ruleset, catalog) = &docs.rulesets[bank];
    let person = u.choose_index(docs.profiles.len())?;
    let profile = &docs.profiles[person];
    let ruleset_edits = edits(u, ruleset, 4)?;
    let profile_edits = edits(u, profile, 4)?;
    let catalog_edits = match catalog {
        Some(catalog) => edits(u, catalog, 2)?,
        None => Vec::new(),
    };
    let options = Options {
        top_n: u.arbitrary()?,
        explain: u.arbitrary()?,
        audience: if u.arbitrary()? {
            Audience::Staff
        } else {
            Audience::Customer
        },
    };
    let as_of = as_of(u)?;
    if std::env::var_os("STRATA_FUZZ_DESCRIBE").is_some() {
        // To read a crash input: `STRATA_FUZZ_DESCRIBE=1 fuzz/target/…/evaluate FILE`.
        describe("ruleset", &ruleset.tree, &ruleset_edits);
        describe("profile", &profile.tree, &profile_edits);
        if let Some(catalog) = catalog {
            describe("catalog", &catalog.tree, &catalog_edits);
        }
        eprintln!("options {options:?}, as of {as_of}");
    }

    // Unedited documents are taken as built once: parsing dominated each run.
    let edited_engine;
    let engine = if ruleset_edits.is_empty() && catalog_edits.is_empty() {
        &strata_fuzz::engines()[bank]
    } else {
        let Ok(ruleset) = parse_ruleset(&ruleset.doc.edited(&ruleset_edits)) else {
            return Ok(());
        };
        let Ok(mut engine) = Engine::new(ruleset) else {
            return Ok(());
        };
        if let Some(catalog) = catalog {
            if let Ok(catalog) = parse_catalog(&catalog.doc.edited(&catalog_edits)) {
                // A catalog that no longer fits the mutated ruleset is left out, as the
                // CLI does.
                engine = engine.with_catalog_if_it_fits(catalog);
            }
        }
        edited_engine = engine;
        &edited_engine
    };
    let edited_profile;
    let profile = if profile_edits.is_empty() {
        &strata_fuzz::profiles()[person]
    } else {
        let Ok(parsed) = Profile::from_json(&profile.doc.edited(&profile_edits)) else {
            return Ok(());
        };
        edited_profile = parsed;
        &edited_profile
    };
    strata_fuzz::evaluate(engine, profile, as_of, &options);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    // Running out of bytes ends the input early; what was built so far was exercised.
    let _ = run(&mut Unstructured::new(data));
});
