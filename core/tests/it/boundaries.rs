//! Golden tests at every boundary of the seed tier table (domain.md §1).

use crate::common::{as_of, customer, retail};

#[test]
fn aum_boundaries() {
    let engine = retail();
    // (aum, expected tier, money missing for the nearest tier above that money can reach)
    let table = [
        ("0", "ordinary", Some("50000")),
        ("49999.99", "ordinary", Some("0.01")),
        ("50000", "mid_lower", Some("150000")),
        ("50000.00", "mid_lower", Some("150000")),
        ("199999.99", "mid_lower", Some("0.01")),
        ("200000", "mid_upper", Some("800000")),
        ("999999.99", "mid_upper", Some("0.01")),
        ("1000000", "high_end", Some("9000000")),
        ("9999999.99", "high_end", Some("0.01")),
        ("10000000", "private_banking", None),
        ("250000000", "private_banking", None),
    ];
    for (aum, tier, gap) in table {
        // Age 40, high-school education: the demographic tier never applies.
        let e = engine
            .evaluate(&customer(aum, "1986-01-01", "senior_secondary"), as_of())
            .unwrap();
        assert_eq!(e.tier.id, tier, "aum {aum}");
        let reachable = e.above.iter().find(|g| g.reachable);
        assert_eq!(
            reachable
                .and_then(|g| g.amount)
                .map(|a| a.to_string())
                .as_deref(),
            gap,
            "aum {aum}"
        );
    }
}

#[test]
fn potential_tier_by_age_on_the_as_of_date() {
    let engine = retail();
    // Birth dates relative to 2026-11-25: turning 16 and 29 on exactly that day.
    let table = [
        ("2010-11-26", "ordinary"),  // 15, the day before the 16th birthday
        ("2010-11-25", "potential"), // 16 today
        ("1997-11-26", "potential"), // 28, the day before the 29th birthday
        ("1997-11-25", "ordinary"),  // 29 today
    ];
    for (birth, tier) in table {
        let e = engine
            .evaluate(&customer("10000", birth, "bachelor"), as_of())
            .unwrap();
        assert_eq!(e.tier.id, tier, "born {birth}");
    }
}

#[test]
fn potential_tier_by_education() {
    let engine = retail();
    let table = [
        ("primary", "ordinary"),
        ("junior_secondary", "ordinary"),
        ("senior_secondary", "ordinary"),
        ("college", "potential"),
        ("bachelor", "potential"),
        ("master", "potential"),
        ("doctorate", "potential"),
    ];
    for (edu, tier) in table {
        let e = engine
            .evaluate(&customer("20000", "2002-03-04", edu), as_of())
            .unwrap();
        assert_eq!(e.tier.id, tier, "education {edu}");
    }
}

#[test]
fn potential_ends_at_the_asset_bar() {
    // A 24-year-old graduate with 50,000 is mid-tier, not potential: assets come first.
    let e = retail()
        .evaluate(&customer("50000", "2002-03-04", "master"), as_of())
        .unwrap();
    assert_eq!(e.tier.id, "mid_lower");
}

#[test]
fn the_table_gap_falls_to_ordinary_and_says_why() {
    // College-educated, age 35, under 50,000: the seed table leaves this open.
    let e = retail()
        .evaluate(&customer("10000", "1991-06-01", "bachelor"), as_of())
        .unwrap();
    assert_eq!(e.tier.id, "ordinary");
    let potential = e.ladder.iter().find(|c| c.tier == "potential").unwrap();
    assert!(!potential.matched);
    let next = e.next.unwrap();
    assert_eq!(next.tier.id, "potential");
    assert!(!next.reachable, "age cannot be bought");
    let reachable = e.above.iter().find(|g| g.reachable).unwrap();
    assert_eq!(reachable.tier.id, "mid_lower");
    assert_eq!(reachable.amount.unwrap().to_string(), "40000");
}

#[test]
fn explanation_lists_every_tier_down_to_the_match() {
    let e = retail()
        .evaluate(&customer("300000", "1980-01-01", "bachelor"), as_of())
        .unwrap();
    let tiers: Vec<&str> = e.ladder.iter().map(|c| c.tier.as_str()).collect();
    assert_eq!(tiers, ["private_banking", "high_end", "mid_upper"]);
    assert_eq!(e.ladder.iter().filter(|c| c.matched).count(), 1);
    let json = serde_json::to_value(&e.ladder[2].criteria).unwrap();
    assert_eq!(
        json,
        serde_json::json!({ "held": true, "metric": "aum", "unit": "money", "op": ">=", "threshold": "200000", "actual": "300000" })
    );
}

#[test]
fn potentially_qualified_with_external_assets() {
    let mut p = customer("180000", "1980-01-01", "bachelor");
    p.external_assets.push(strata_core::profile::ExternalAsset {
        institution: Some("another bank".into()),
        family: None,
        balance: "900000".parse().unwrap(),
        currency: None,
    });
    let e = retail().evaluate(&p, as_of()).unwrap();
    assert_eq!(e.tier.id, "mid_lower");
    let pot = e.potential.unwrap();
    assert_eq!(pot.tier.id, "high_end");
    assert_eq!(pot.move_needed.unwrap().to_string(), "820000");
    assert_eq!(pot.external_assets.to_string(), "900000");
}

#[test]
fn retention_names_the_review_and_the_margin() {
    let e = retail()
        .evaluate(&customer("230000", "1980-01-01", "bachelor"), as_of())
        .unwrap();
    let r = e.retention.unwrap();
    assert_eq!(r.tier, "mid_upper");
    assert_eq!(r.review_date.to_string(), "2026-11-30");
    assert!(r.on_track);
    assert_eq!(r.requirements[0].margin.to_string(), "30000");
    assert_eq!(r.requirements[0].comparison.threshold.to_string(), "200000");
}

#[test]
fn priority_service_is_the_tiers_own_field() {
    // 优先服务 for private banking, high-end and mid-upper only (domain.md §1): mid-lower is
    // routed to the priority counter but has "some value-added services" instead.
    let engine = retail();
    let table = [
        ("10000000", "private_banking", true),
        ("1000000", "high_end", true),
        ("200000", "mid_upper", true),
        ("50000", "mid_lower", false),
        ("0", "ordinary", false),
    ];
    for (aum, tier, priority) in table {
        let e = engine
            .evaluate(&customer(aum, "1986-01-01", "senior_secondary"), as_of())
            .unwrap();
        assert_eq!(e.tier.id, tier, "aum {aum}");
        assert_eq!(e.service.priority, priority, "{tier}");
    }
    // Absent means false, whatever the route.
    let mut v: serde_json::Value =
        serde_json::from_str(strata_core::rulesets::json("cn-retail").unwrap()).unwrap();
    v["tiers"][0].as_object_mut().unwrap().remove("priority");
    let engine = strata_core::Engine::from_json(&v.to_string()).unwrap();
    let e = engine
        .evaluate(
            &customer("10000000", "1986-01-01", "senior_secondary"),
            as_of(),
        )
        .unwrap();
    assert_eq!(e.tier.id, "private_banking");
    assert!(!e.service.priority);
}
