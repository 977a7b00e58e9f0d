//! The batch at scale: worker threads keep the input's order, `--output tier` lines, and CSV
//! input in the documented column layout with row- and column-anchored errors.

use serde_json::Value;

use super::{
    EVALUATE, TempFile, batch, batch_ids, evaluations, ids, reports, run, stderr, summary,
};

/// The args of `EVALUATE` followed by `more`.
fn with<'a>(more: &[&'a str]) -> Vec<&'a str> {
    EVALUATE
        .iter()
        .copied()
        .chain(more.iter().copied())
        .collect()
}

#[test]
fn many_workers_keep_the_input_order_and_report_bad_lines_in_place() {
    // Several chunks per worker, a bad line in the middle of them.
    let input = batch(3000, b"{not json", 2500);
    let one = run(&with(&["--jobs", "1", "--no-catalog"]), input.clone());
    let many = run(&with(&["--jobs", "3", "--no-catalog"]), input);
    assert_eq!(ids(&many), batch_ids(3000, 2500));
    assert_eq!(many.stdout, one.stdout);
    assert_eq!(reports(&many), reports(&one));
    assert_eq!(reports(&many)[0]["line"], 3001);
    assert_eq!(summary(&many), "strata: 5500 evaluated, 1 rejected");
    assert_eq!(many.status.code(), Some(1));
}

#[test]
fn the_tier_output_is_one_compact_line_per_customer() {
    let input = batch(2, b"", 0);
    let out = run(&with(&["--output", "tier"]), input);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = evaluations(&out);
    assert_eq!(lines.len(), 2);
    let line = &lines[0];
    assert_eq!(line["id"], "a-0");
    assert_eq!(line["tier"], "mid_lower");
    assert_eq!(line["qualified"], "mid_lower");
    assert_eq!(
        line["target"],
        serde_json::json!({"tier": "mid_upper", "amount": "37500", "progress": "0.8125"})
    );
    assert_eq!(line["reasons"], serde_json::json!(["qualified"]));
    let offers = line["offers"]
        .as_array()
        .expect("offers with the default catalog");
    assert!(
        !offers.is_empty() && offers.iter().all(Value::is_string),
        "{line}"
    );
    let text = std::str::from_utf8(&out.stdout).expect("UTF-8");
    assert!(text.lines().all(|l| l.len() < 400), "compact lines: {text}");
    let tiers_only = run(
        &with(&["--output", "tier", "--no-catalog"]),
        batch(1, b"", 0),
    );
    assert!(evaluations(&tiers_only)[0].get("offers").is_none());
}

const HEADER: &str = "id,birth_date,education,deposit,fund,external_assets,tier,tier_since";

#[test]
fn csv_rows_give_the_same_results_as_the_same_profiles_in_json() {
    let csv = format!(
        "{HEADER}\r\n\
         c-1,1991-04-18,bachelor,162500.00,,,,\r\n\
         \r\n\
         \"c-2\",1960-01-01,master,900000,200000.50,5000000,mid_upper,2024-01-01\r\n"
    );
    let json = concat!(
        r#"{"id":"c-1","birth_date":"1991-04-18","education":"bachelor","holdings":[{"product":"deposit","family":"deposit","balance":"162500.00"}]}"#,
        "\n",
        r#"{"id":"c-2","birth_date":"1960-01-01","education":"master","holdings":[{"product":"deposit","family":"deposit","balance":"900000"},{"product":"fund","family":"fund","balance":"200000.50"}],"external_assets":[{"balance":"5000000"}],"tier_history":{"tier":"mid_upper","since":"2024-01-01"}}"#,
        "\n"
    );
    let file = TempFile::new("profiles.csv", csv.as_bytes());
    let from_csv = run(&with(&[file.path()]), Vec::new());
    let from_stdin = run(&with(&["--input", "csv", "-"]), csv.clone().into_bytes());
    let from_json = run(&EVALUATE, json.as_bytes().to_vec());
    assert_eq!(from_csv.status.code(), Some(0), "{}", stderr(&from_csv));
    assert_eq!(from_csv.stdout, from_json.stdout);
    assert_eq!(from_stdin.stdout, from_json.stdout);
    assert_eq!(evaluations(&from_csv)[1]["tier"]["id"], "high_end");
}

#[test]
fn a_bad_csv_row_is_reported_with_its_line_and_column_and_the_rest_go_on() {
    let csv = format!(
        "{HEADER}\nc-1,1991-04-18,bachelor,100,,,,\nc-2,1991-02-30,phd,-1,,,,\nc-3\nc-4,1991-04-18,bachelor,100,,,,\n"
    );
    let out = run(&with(&["--input", "csv", "--no-catalog"]), csv.into_bytes());
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<Value> = evaluations(&out)
        .iter()
        .map(|e| e["customer_id"].clone())
        .collect();
    assert_eq!(ids, ["c-1", "c-4"]);
    let reports = reports(&out);
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert_eq!(reports[0]["line"], 3);
    let columns: Vec<&str> = reports[0]["errors"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| e["column"].as_str().expect("a column"))
        .collect();
    assert_eq!(columns, ["birth_date", "education", "deposit"]);
    assert_eq!(reports[1]["line"], 4);
    assert_eq!(reports[1]["errors"][0]["type"], "columns");
    assert_eq!(summary(&out), "strata: 2 evaluated, 2 rejected");
}

#[test]
fn a_bad_csv_header_stops_the_command_with_2() {
    let out = run(&with(&["--input", "csv"]), b"id,deposite\nc-1,5\n".to_vec());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let text = stderr(&out);
    assert!(
        text.contains("line 1") && text.contains("deposite"),
        "{text}"
    );
    let empty = run(&with(&["--input", "csv"]), Vec::new());
    assert_eq!(empty.status.code(), Some(2));
}
