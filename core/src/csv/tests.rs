//! The CSV layout's unit tests: header checks, cell reading, every problem's row and column.

use rust_decimal::Decimal;

use super::*;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date")
}

fn read(header: &str, row: &str) -> Result<Profile, CsvErrors> {
    Layout::from_header(header)?.read(row, 2, as_of())
}

#[test]
fn a_full_row_reads_into_the_profile_the_json_would_give() {
    let p = read(
        "id,birth_date,education,deposit,fund,card,external_assets,tier,tier_since,reviews_below,risk_level,risk_assessed_on",
        "c-1,1991-04-18,bachelor,162500.00,1000,0,300000.00,mid_lower,2025-01-01,1,C3,2026-06-01",
    )
    .expect("a valid row");
    let json = Profile::from_json(
        r#"{"id":"c-1","birth_date":"1991-04-18","education":"bachelor",
        "risk":{"level":"C3","assessed_on":"2026-06-01"},
        "holdings":[{"product":"deposit","family":"deposit","balance":"162500.00"},
                    {"product":"fund","family":"fund","balance":"1000"},
                    {"product":"card","family":"card","balance":"0"}],
        "external_assets":[{"balance":"300000.00"}],
        "tier_history":{"tier":"mid_lower","since":"2025-01-01","reviews_below":1}}"#,
    )
    .expect("valid json");
    assert_eq!(p, json);
}

#[test]
fn empty_cells_are_not_given_and_quotes_unescape() {
    let p = read(
        "id,occupation,deposit,birth_date",
        r#""c,""2""","a ""quoted"" job",,"#,
    )
    .expect("a valid row");
    assert_eq!(p.id, r#"c,"2""#);
    assert_eq!(p.occupation.as_deref(), Some(r#"a "quoted" job"#));
    assert!(p.holdings.is_empty());
    assert_eq!(p.birth_date, None);
}

#[test]
fn averages_give_back_both_windows_exactly() {
    let p = read("id,aum_avg_3m,aum_avg_6m", "c,300.00,200.01").expect("valid");
    let months: Vec<String> = p.monthly.iter().map(|m| m.month.to_string()).collect();
    assert_eq!(
        months,
        [
            "2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05"
        ]
    );
    let total = |n: usize| -> Decimal {
        p.monthly[..n]
            .iter()
            .map(|m| m.avg_daily[&Family::Deposit].0)
            .sum()
    };
    assert_eq!(total(3), Decimal::new(90000, 2));
    assert_eq!(total(6), Decimal::new(120_006, 2));
    let err = read("id,aum_avg_3m,aum_avg_6m", "c,300,100").expect_err("inconsistent");
    assert_eq!(err.0[0].column.as_deref(), Some("aum_avg_6m"));
}

#[test]
fn every_bad_cell_is_reported_with_row_and_column() {
    let err = read(
        "id,birth_date,education,deposit,tier,guardian",
        "c,1991-13-01,phd,-5,gold,yes",
    )
    .expect_err("bad cells");
    let got: Vec<(&str, Option<&str>)> = err
        .0
        .iter()
        .map(|e| (e.kind(), e.column.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("invalid", Some("birth_date")),
            ("invalid", Some("education")),
            ("invalid", Some("deposit")),
            ("invalid", Some("guardian")),
            ("missing", Some("tier_since")),
        ]
    );
    assert!(err.0.iter().all(|e| e.row == 2));
    assert!(err.to_string().starts_with("row 2, column birth_date: "));
}

#[test]
fn the_header_is_checked_whole() {
    let err = Layout::from_header("deposite,deposit,deposit").expect_err("bad header");
    let kinds: Vec<&str> = err.0.iter().map(CsvError::kind).collect();
    assert_eq!(
        kinds,
        ["unknown_column", "duplicate_column", "missing_column"]
    );
    assert_eq!(err.0[0].column.as_deref(), Some("1"));
    assert!(Layout::from_header("\u{feff}id").is_ok());
}

#[test]
fn rows_of_the_wrong_shape_are_refused() {
    let layout = Layout::from_header("id,deposit").expect("header");
    let kinds = |line: &str| {
        layout
            .read(line, 7, as_of())
            .expect_err("bad row")
            .0
            .iter()
            .map(|e| (e.kind(), e.row))
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds("c"), [("columns", 7)]);
    assert_eq!(kinds("c,1,2"), [("columns", 7)]);
    assert_eq!(kinds(r#""c,1"#), [("quote", 7)]);
    assert_eq!(kinds(r#""c"x,1"#), [("quote", 7)]);
    assert_eq!(kinds(r#"c"x,1"#), [("quote", 7)]);
    assert_eq!(kinds(",1"), [("missing", 7)]);
}

#[test]
fn every_documented_column_is_accepted_once() {
    let header: Vec<&str> = columns().collect();
    assert_eq!(header.len(), 35);
    let layout = Layout::from_header(&header.join(",")).expect("the full layout");
    let row = vec![""; header.len()].join(",");
    let err = layout.read(&row, 2, as_of()).expect_err("no id");
    assert_eq!(err.0[0].column.as_deref(), Some("id"));
}
