//! Amounts in other currencies (本外币一体) and household assets.

use serde_json::{Value, json};
use strata_core::{Engine, Evaluation, Profile, ProfileErrors, rulesets};

use crate::common::{as_of, retail};

fn profile(v: &Value) -> Profile {
    Profile::from_json(&v.to_string()).unwrap()
}

fn metric(e: &Evaluation, id: &str) -> String {
    e.metrics
        .iter()
        .find(|m| m.metric == id)
        .map_or_else(|| panic!("no metric {id}"), |m| m.value.to_string())
}

fn errors(engine: &Engine, v: &Value) -> ProfileErrors {
    match engine.evaluate(&profile(v), as_of()) {
        Ok(e) => panic!("expected an error, got tier {}", e.tier.id),
        Err(e) => e,
    }
}

fn kinds(e: &ProfileErrors) -> Vec<(&str, &str)> {
    e.0.iter().map(|e| (e.kind(), e.path())).collect()
}

/// cn-retail with default rates and `aum_household` for mid-upper.
fn engine_with(edit: impl Fn(&mut Value)) -> Engine {
    let mut v: Value = serde_json::from_str(rulesets::json("cn-retail").unwrap()).unwrap();
    edit(&mut v);
    Engine::from_json(&v.to_string()).unwrap()
}

#[test]
fn a_usd_holding_is_converted_at_the_profiles_rate() {
    // 20,000.00 CNY + 5,000.00 USD at 7.1234 = 20,000 + 35,617 = 55,617.00 → mid_lower.
    let p = profile(&json!({
        "id": "fx",
        "birth_date": "1980-01-01",
        "education": "bachelor",
        "holdings": [
            {"product": "demand-cny", "family": "deposit", "balance": "20000.00"},
            {"product": "demand-usd", "family": "deposit", "balance": "5000.00", "currency": "USD"},
            {"product": "loan", "family": "loan", "balance": "1000.00", "currency": "USD"},
        ],
        "external_assets": [{"balance": "100000.00", "currency": "HKD"}],
        "fx_rates": {"USD": "7.1234", "HKD": "0.9123"}
    }));
    let e = retail().evaluate(&p, as_of()).unwrap();
    assert_eq!(e.tier.id, "mid_lower");
    assert_eq!(metric(&e, "aum"), "55617");
    // The next tier's gap is in CNY: 200,000 − 55,617.
    assert_eq!(e.next.unwrap().amount.unwrap().to_string(), "144383");
    // External HKD 100,000 at 0.9123 = 91,230 CNY: 146,847 with it, still mid_lower, so no
    // potential; with 200,000 HKD it would be.
    assert!(e.potential.is_none());
    // The CNY holding is the same with or without `currency: "CNY"`.
    let mut v = serde_json::to_value(&p).unwrap();
    v["holdings"][0]["currency"] = json!("CNY");
    let same = retail().evaluate(&profile(&v), as_of()).unwrap();
    assert_eq!(metric(&same, "aum"), "55617");
}

#[test]
fn the_ruleset_gives_default_rates_and_the_profiles_win() {
    let engine = engine_with(|v| v["fx_rates"] = json!({"USD": "7", "EUR": "7.8"}));
    let usd = json!({
        "id": "fx",
        "birth_date": "1980-01-01",
        "education": "bachelor",
        "holdings": [
            {"product": "demand-usd", "family": "deposit", "balance": "10000.00", "currency": "USD"},
            {"product": "td-eur", "family": "time_deposit", "balance": "1000.00", "currency": "EUR"},
        ]
    });
    let e = engine.evaluate(&profile(&usd), as_of()).unwrap();
    assert_eq!(metric(&e, "aum"), "77800");
    let mut own = usd.clone();
    own["fx_rates"] = json!({"USD": "7.2"});
    let e = engine.evaluate(&profile(&own), as_of()).unwrap();
    assert_eq!(metric(&e, "aum"), "79800");
    // Without the ruleset's defaults, the same profile lacks a rate for EUR.
    let errs = errors(&retail(), &own);
    assert_eq!(kinds(&errs), [("no_rate", "$.holdings[1].currency")]);
    assert_eq!(
        errs.0[0].to_string(),
        "no exchange rate from EUR to CNY: give `fx_rates.EUR`"
    );
}

#[test]
fn a_currency_without_a_rate_is_an_error_at_its_currency_field() {
    let v = json!({
        "id": "fx",
        "birth_date": "1980-01-01",
        "education": "bachelor",
        "fx_rates": {"USD": "7.1", "usd": "7", "JPY": "0", "GBP": "1000000.000001", "CNY": "1"},
        "holdings": [
            {"product": "a", "family": "deposit", "balance": "1.00"},
            {"product": "b", "family": "deposit", "balance": "1.00", "currency": "USD"},
            {"product": "c", "family": "fund", "balance": "1.00", "currency": "CHF"},
            {"product": "d", "family": "fund", "balance": "1.00", "currency": "Usd"},
        ],
        "external_assets": [{"balance": "1.00", "currency": "CHF"}]
    });
    let errs = errors(&retail(), &v);
    let mut got = kinds(&errs);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            ("invalid", "$.fx_rates.CNY"),
            ("invalid", "$.fx_rates.GBP"),
            ("invalid", "$.fx_rates.JPY"),
            ("invalid", "$.fx_rates.usd"),
            ("invalid", "$.holdings[3].currency"),
            ("no_rate", "$.external_assets[0].currency"),
            ("no_rate", "$.holdings[2].currency"),
        ]
    );
}

#[test]
fn rates_are_bounded_and_a_converted_amount_stays_money() {
    // The largest rate with the largest amount is beyond money's domain once converted.
    let v = json!({
        "id": "fx",
        "birth_date": "1980-01-01",
        "education": "bachelor",
        "fx_rates": {"XAU": "1000000"},
        "holdings": [
            {"product": "gold", "family": "precious_metal", "balance": "999999999.99", "currency": "XAU"},
            {"product": "gold2", "family": "precious_metal", "balance": "1000000000.00", "currency": "XAU"},
        ]
    });
    let errs = errors(&retail(), &v);
    assert_eq!(kinds(&errs), [("invalid", "$.holdings[1].balance")]);
    // A ruleset's rates: a code, a rate in (0, 10^6], never its own currency.
    let mut rs: Value = serde_json::from_str(rulesets::json("cn-retail").unwrap()).unwrap();
    rs["fx_rates"] = json!({"CNY": "1", "US": "7", "USD": "-7", "EUR": "7.8"});
    let Err(e) = Engine::from_json(&rs.to_string()) else {
        panic!("expected the ruleset to be refused")
    };
    let paths: Vec<&str> = e.0.iter().map(strata_core::RulesetError::path).collect();
    assert_eq!(paths, ["$.fx_rates.CNY", "$.fx_rates.US", "$.fx_rates.USD"]);
}

#[test]
fn conversions_round_down_to_the_cent_so_a_gap_is_never_understated() {
    // 7,000.00 USD at 7.142857 is 49,999.999 CNY: rounded down to 49,999.99, ordinary with
    // 0.01 to go; half-up would make it 50,000.00 and mid-lower, a tier not reached.
    let at = |usd: &str| {
        let p = profile(&json!({
            "id": "fx",
            "birth_date": "1980-01-01",
            "education": "senior_secondary",
            "fx_rates": {"USD": "7.142857"},
            "holdings": [
                {"product": "usd", "family": "deposit", "balance": usd, "currency": "USD"},
            ]
        }));
        retail().evaluate(&p, as_of()).unwrap()
    };
    let e = at("7000.00");
    assert_eq!(e.tier.id, "ordinary");
    assert_eq!(metric(&e, "aum"), "49999.99");
    let reachable = e.above.iter().find(|g| g.reachable).unwrap();
    assert_eq!(reachable.tier.id, "mid_lower");
    assert_eq!(reachable.amount.unwrap().to_string(), "0.01");
    // 7,000.01 USD = 50,000.0704… → 50,000.07.
    let e = at("7000.01");
    assert_eq!(e.tier.id, "mid_lower");
    assert_eq!(metric(&e, "aum"), "50000.07");
    // Each amount is rounded, not the sum: two halves of a cent never make one.
    let p = profile(&json!({
        "id": "fx",
        "birth_date": "1980-01-01",
        "education": "senior_secondary",
        "fx_rates": {"USD": "0.005"},
        "holdings": [
            {"product": "a", "family": "deposit", "balance": "1.00", "currency": "USD"},
            {"product": "b", "family": "deposit", "balance": "1.00", "currency": "USD"},
        ]
    }));
    let e = retail().evaluate(&p, as_of()).unwrap();
    assert_eq!(metric(&e, "aum"), "0");
}

#[test]
fn household_assets_count_where_a_tier_says_aum_household() {
    // Mid-upper by the household's assets: the customer's own plus linked members'.
    let engine = engine_with(|v| {
        v["tiers"][2]["criteria"] =
            json!({"metric": "aum_household", "op": ">=", "value": "200000"});
    });
    let v = json!({
        "id": "h",
        "birth_date": "1980-01-01",
        "education": "bachelor",
        "holdings": [{"product": "demand-cny", "family": "deposit", "balance": "120000.00"}],
        "household": [{"id": "spouse-1", "aum": "50000.00"}, {"id": "child-1", "aum": "10000.00"}]
    });
    let e = engine.evaluate(&profile(&v), as_of()).unwrap();
    assert_eq!(e.tier.id, "mid_lower");
    assert_eq!(metric(&e, "aum_household"), "180000");
    assert_eq!(metric(&e, "aum"), "120000");
    // The gap is money the customer can bring.
    let next = e.next.unwrap();
    assert_eq!(next.tier.id, "mid_upper");
    assert!(next.reachable);
    assert_eq!(next.amount.unwrap().to_string(), "20000");
    let mut more = v.clone();
    more["household"][0]["aum"] = json!("70000.00");
    let e = engine.evaluate(&profile(&more), as_of()).unwrap();
    assert_eq!(e.tier.id, "mid_upper");
    // cn-retail itself does not count the household.
    let e = retail().evaluate(&profile(&more), as_of()).unwrap();
    assert_eq!(e.tier.id, "mid_lower");
    // Members' assets are checked like any amount.
    let mut bad = v;
    bad["household"][0]["aum"] = json!("-1.00");
    bad["household"][1]["id"] = json!(" ");
    let errs = errors(&engine, &bad);
    assert_eq!(
        kinds(&errs),
        [
            ("negative", "$.household[0].aum"),
            ("invalid", "$.household[1].id")
        ]
    );
}
