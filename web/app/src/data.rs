//! Demo personas (`web/app/demo/*.json`), shown only in demo mode (`?demo=1` or
//! `?demo=<persona>`, with a banner saying so), so the app can be shown with no backend.
//! They are fetched in demo mode only, never built into the wasm.
//! The default engine is `strata_ui::engine::default_engine`.
//!
//! Personas are written for one anchor date (2026-11-25). Shown on another day, every date
//! in them moves by the same number of days, so "matures in 3 days" and "birthday this
//! month" stay true whatever the device clock says.

use chrono::{Datelike, Days, NaiveDate};
use strata_core::Text;
use strata_core::json::{self, Obj, Path};
use strata_core::profile::{Month, Profile};

/// A demo customer.
#[derive(Clone, Debug, PartialEq)]
pub struct Persona {
    /// Stable id (`?persona=` and the picker).
    pub id: String,
    /// Display name per locale.
    pub name: Text,
    /// One line on who they are and what is interesting about them.
    pub about: Text,
    /// The date the persona's dates were written for.
    pub anchor: NaiveDate,
    /// The profile as a bank would pass it.
    pub profile: Profile,
}

/// The persona demo mode shows when `?demo=` names none.
pub const DEFAULT_PERSONA: &str = "li-wei";

/// The value of the demo flag (`?demo=1`, `?demo=<persona>`, even `?demo`), when the page
/// has one and no bank profile (`?profile=`).
#[must_use]
pub fn demo_flag() -> Option<String> {
    let pairs = strata_ui::services::url::query_pairs();
    if pairs.iter().any(|(k, v)| k == "profile" && !v.is_empty()) {
        return None;
    }
    pairs.into_iter().find(|(k, _)| k == "demo").map(|(_, v)| v)
}

/// The persona demo mode shows for the flag's value: the persona it names, else the
/// default one; `None` without the flag. Unknown names fall back when the persona is looked
/// up, so a mistyped link still shows a demo customer, never a real-looking one.
#[must_use]
pub fn demo_persona(flag: Option<&str>) -> Option<String> {
    let flag = flag?.trim();
    let named = !flag.is_empty() && !matches!(flag, "1" | "true" | "yes" | "on");
    Some(if named { flag } else { DEFAULT_PERSONA }.to_owned())
}

/// Every persona's id, in the picker's order (highest tier first, then the rest). Each is a
/// file `web/app/demo/<id>.json`, which the build copies to `dist/demo/` (index.html's
/// `copy-dir`): demo mode fetches them, so the production wasm carries none of them.
pub const IDS: [&str; 10] = [
    "wang-jianguo",
    "zhao-min",
    "zhou-tao",
    "xu-hui",
    "chen-jing",
    "li-wei",
    "sun-li",
    "liu-yang",
    "zhang-xiaoyu",
    "he-qiang",
];

/// Where the build puts the persona files (absolute: a deep link such as
/// `/product/x?demo=1` must not resolve it against its own path).
pub const DIR: &str = "/demo/";

/// One persona from its JSON, read with the engine's own reader (the app links no other
/// JSON parser); `None` when it does not parse, which the tests rule out for the shipped ones.
#[must_use]
pub fn parse(json: &str) -> Option<Persona> {
    let tree = json::parse(json).ok()?;
    let f = Obj::open(&tree, &Path::Root).ok()?;
    Some(Persona {
        id: f.required("id").ok()?,
        name: f.required("name").ok()?,
        about: f.required("about").ok()?,
        anchor: f.required("anchor").ok()?,
        profile: f.required("profile").ok()?,
    })
}

/// Every demo persona, fetched from [`DIR`] all at once, in [`IDS`]' order. A file that
/// cannot be fetched or read is skipped; the caller says so when the one it wants is missing.
pub async fn load() -> Vec<Persona> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    // Every request is started before the first is awaited.
    let pending: Vec<_> = IDS
        .iter()
        .map(|id| window.fetch_with_str(&format!("{DIR}{id}.json")))
        .collect();
    let mut out = Vec::new();
    for request in pending {
        let Ok(response) = JsFuture::from(request).await else {
            continue;
        };
        let response: web_sys::Response = response.unchecked_into();
        if !response.ok() {
            continue;
        }
        let Ok(text) = response.text() else {
            continue;
        };
        if let Some(persona) = JsFuture::from(text)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .and_then(|t| parse(&t))
        {
            out.push(persona);
        }
    }
    out
}

/// The shipped personas read from the source tree, for native tests.
#[cfg(test)]
pub(crate) fn embedded() -> Vec<Persona> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
    IDS.iter()
        .filter_map(|id| {
            let path = dir.join(format!("{id}.json"));
            let json = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            parse(&json)
        })
        .collect()
}

/// The persona's profile with every date moved from its anchor to `as_of`.
#[must_use]
pub fn profile_for(persona: &Persona, as_of: NaiveDate) -> Profile {
    let days = (as_of - persona.anchor).num_days();
    let months = (as_of.year() - persona.anchor.year()) * 12 + as_of.month() as i32
        - persona.anchor.month() as i32;
    shift(&persona.profile, days, months)
}

fn shift_date(d: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        d.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(d)
}

fn shift_month(m: Month, months: i32) -> Month {
    let index = m.year * 12 + m.month as i32 - 1 + months;
    Month {
        year: index.div_euclid(12),
        month: index.rem_euclid(12) as u32 + 1,
    }
}

/// Moves every date of `p` by `days` (and every month record by `months`).
#[must_use]
pub fn shift(p: &Profile, days: i64, months: i32) -> Profile {
    if days == 0 && months == 0 {
        return p.clone();
    }
    let mut p = p.clone();
    let s = |d: NaiveDate| shift_date(d, days);
    p.birth_date = p.birth_date.map(s);
    if let Some(r) = &mut p.risk {
        r.assessed_on = s(r.assessed_on);
    }
    for h in &mut p.holdings {
        h.maturity_date = h.maturity_date.map(s);
    }
    for m in &mut p.monthly {
        m.month = shift_month(m.month, months);
    }
    if let Some(h) = &mut p.tier_history {
        h.since = s(h.since);
        h.below_since = h.below_since.map(s);
    }
    if let Some(m) = &mut p.manual_assignment {
        m.expires = s(m.expires);
    }
    for o in &mut p.offers {
        o.last_shown = o.last_shown.map(s);
        o.dismissed_on = o.dismissed_on.map(s);
        o.declined_on = o.declined_on.map(s);
    }
    for f in &mut p.cash_flows {
        f.date = s(f.date);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap_or_else(|e| panic!("`{s}`: {e}"))
    }

    #[test]
    fn every_persona_parses_and_evaluates() {
        let engine = strata_ui::engine::default_engine().expect("default engine");
        let all = embedded();
        assert_eq!(all.len(), IDS.len(), "a persona failed to parse");
        let mut tiers = std::collections::BTreeSet::new();
        for p in &all {
            let e = engine
                .evaluate(&profile_for(p, p.anchor), p.anchor)
                .unwrap_or_else(|e| panic!("{}: {e}", p.id));
            tiers.insert(e.tier.id.clone());
            // Relative-safe: a year later the persona still evaluates to the same tier.
            let later = day("2027-08-14");
            let moved = engine
                .evaluate(&profile_for(p, later), later)
                .unwrap_or_else(|e| panic!("{} moved: {e}", p.id));
            assert_eq!(moved.tier.id, e.tier.id, "{}", p.id);
            assert_eq!(moved.moments.len(), e.moments.len(), "{} moments", p.id);
        }
        assert_eq!(
            tiers.len(),
            engine.ruleset().tiers.len(),
            "every tier is reached"
        );
        assert!(all.iter().any(|p| p.id == DEFAULT_PERSONA));
    }

    #[test]
    fn every_persona_file_is_listed_and_names_itself() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("the demo folder")
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".json").map(str::to_owned)
            })
            .collect();
        files.sort();
        let mut ids: Vec<String> = IDS.iter().map(|id| (*id).to_owned()).collect();
        ids.sort();
        assert_eq!(files, ids);
        for (p, id) in embedded().iter().zip(IDS) {
            assert_eq!(p.id, id, "the file {id}.json holds its own id");
        }
    }

    #[test]
    fn the_demo_is_shown_only_when_asked_for() {
        assert_eq!(demo_persona(None), None);
        assert_eq!(demo_persona(Some("1")).as_deref(), Some(DEFAULT_PERSONA));
        assert_eq!(demo_persona(Some("")).as_deref(), Some(DEFAULT_PERSONA));
        assert_eq!(demo_persona(Some("xu-hui")).as_deref(), Some("xu-hui"));
    }

    #[test]
    fn months_shift_across_years() {
        let m = Month {
            year: 2026,
            month: 11,
        };
        assert_eq!(shift_month(m, 3).to_string(), "2027-02");
        assert_eq!(shift_month(m, -11).to_string(), "2025-12");
    }
}
