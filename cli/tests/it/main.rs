//! End-to-end tests of the `strata` binary: batches with bad lines in the middle, closed
//! pipes, oversized input and the exit statuses, all run through the real executable.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;

use serde_json::Value;

mod hostile_args;
mod scale;

const EVALUATE: [&str; 5] = [
    "evaluate",
    "--ruleset",
    "cn-retail",
    "--as-of",
    "2026-11-25",
];

/// The engine's limit on a line or a document (`strata_core::json::MAX_BYTES`).
const LIMIT: usize = 4 * 1024 * 1024;

/// A valid profile, one line.
fn profile(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","birth_date":"1991-04-18","education":"bachelor","holdings":[{{"product":"demand-cny","family":"deposit","balance":"162500.00"}}]}}"#
    )
}

/// `count` valid profiles, one per line, with ids `{prefix}{i}`.
fn profiles(prefix: &str, count: usize) -> String {
    (0..count)
        .map(|i| profile(&format!("{prefix}{i}")) + "\n")
        .collect()
}

fn strata() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strata"))
}

/// Starts `strata args` with `input` written to its stdin from a thread, so a full stdout
/// pipe cannot deadlock the two processes; the write may fail if strata stops reading early,
/// which some tests want.
fn start(args: &[&str], input: Vec<u8>) -> (std::process::Child, thread::JoinHandle<()>) {
    let mut child = strata()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("strata starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    (child, writer)
}

/// Runs `strata args` with `input` on stdin, capturing stdout and stderr.
fn run(args: &[&str], input: Vec<u8>) -> Output {
    let (child, writer) = start(args, input);
    let output = child.wait_with_output().expect("strata runs");
    writer.join().expect("the input writer ends");
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Every stdout line parsed as JSON: each must be a whole evaluation.
fn evaluations(output: &Output) -> Vec<Value> {
    let text = std::str::from_utf8(&output.stdout).expect("stdout is UTF-8");
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "the output ends with a whole line"
    );
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each output line is whole JSON"))
        .collect()
}

/// The customer ids of the evaluations, in order.
fn ids(output: &Output) -> Vec<String> {
    evaluations(output)
        .iter()
        .map(|e| {
            e["customer_id"]
                .as_str()
                .expect("an evaluation has an id")
                .to_owned()
        })
        .collect()
}

/// The per-line reports on stderr, as JSON.
fn reports(output: &Output) -> Vec<Value> {
    stderr(output)
        .lines()
        .filter(|line| line.starts_with('{'))
        .map(|line| serde_json::from_str(line).expect("a report is JSON"))
        .collect()
}

/// Asserts one report, for line `line`, with one error of type `kind`; returns its message.
fn the_report(output: &Output, line: u64, kind: &str) -> String {
    let reports = reports(output);
    assert_eq!(reports.len(), 1, "one report: {reports:?}");
    assert_eq!(reports[0]["line"], line, "{reports:?}");
    let errors = reports[0]["errors"].as_array().expect("errors is a list");
    assert!(errors.iter().any(|e| e["type"] == kind), "{reports:?}");
    errors[0]["message"].as_str().expect("a message").to_owned()
}

fn summary(output: &Output) -> String {
    let text = stderr(output);
    let last = text.lines().last().unwrap_or_default().to_owned();
    assert!(
        last.starts_with("strata: "),
        "the summary ends stderr: {text}"
    );
    last
}

/// A file under the temp dir, unique to this process and test, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> Self {
        let path = std::env::temp_dir().join(format!("strata-it-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("the temp file is written");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `good` lines, then `bad`, then `after` good lines.
fn batch(good: usize, bad: &[u8], after: usize) -> Vec<u8> {
    let mut input = profiles("a-", good).into_bytes();
    input.extend_from_slice(bad);
    input.push(b'\n');
    input.extend_from_slice(profiles("b-", after).as_bytes());
    input
}

/// The ids `batch(good, _, after)` should give, in order.
fn batch_ids(good: usize, after: usize) -> Vec<String> {
    let a = (0..good).map(|i| format!("a-{i}"));
    a.chain((0..after).map(|i| format!("b-{i}"))).collect()
}

#[test]
fn a_malformed_line_in_a_batch_is_reported_and_every_other_line_evaluated() {
    let output = run(&EVALUATE, batch(2000, br#"{"id": "broken""#, 10));
    assert_eq!(ids(&output), batch_ids(2000, 10));
    the_report(&output, 2001, "parse");
    assert_eq!(summary(&output), "strata: 2010 evaluated, 1 rejected");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_line_the_engine_panics_on_is_reported_and_the_rest_go_on() {
    // Two balances whose sum overflows a decimal: the engine panicked on this (and the
    // release CLI aborted mid-batch). Later it may be a typed error; either way, reported.
    let bad = r#"{"id":"x","birth_date":"1991-04-18","education":"bachelor","holdings":[{"product":"a","family":"deposit","balance":"40000000000000000000000000000"},{"product":"b","family":"deposit","balance":"40000000000000000000000000000"}]}"#;
    let output = run(&EVALUATE, batch(20, bad.as_bytes(), 10));
    assert_eq!(ids(&output), batch_ids(20, 10));
    let reports = reports(&output);
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert_eq!(reports[0]["line"], 21);
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    assert_eq!(summary(&output), "strata: 30 evaluated, 1 rejected");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_line_that_is_not_utf8_is_reported_with_the_offset_of_its_bad_byte() {
    let output = run(&EVALUATE, batch(3, b"{\"id\":\"\xff\"}", 3));
    assert_eq!(ids(&output), batch_ids(3, 3));
    let message = the_report(&output, 4, "not_utf8");
    assert!(message.contains("offset 7"), "{message}");
    assert_eq!(summary(&output), "strata: 6 evaluated, 1 rejected");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_line_over_the_limit_is_reported_with_its_size_and_skipped() {
    let spaces = 5 * 1024 * 1024;
    let line = format!(r#"{{"id":"{}"}}"#, " ".repeat(spaces));
    let output = run(&EVALUATE, batch(3, line.as_bytes(), 3));
    assert_eq!(ids(&output), batch_ids(3, 3));
    let message = the_report(&output, 4, "too_long");
    assert!(message.contains(&line.len().to_string()), "{message}");
    assert!(message.contains(&LIMIT.to_string()), "{message}");
    assert_eq!(summary(&output), "strata: 6 evaluated, 1 rejected");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_line_just_at_the_limit_is_read_and_one_byte_more_is_not() {
    // Padding spaces after the profile's closing brace are valid JSON whitespace.
    let at = profile("at") + &" ".repeat(LIMIT - profile("at").len());
    let over = profile("over") + &" ".repeat(LIMIT + 1 - profile("over").len());
    let input = format!("{at}\r\n{over}\n").into_bytes();
    let output = run(&EVALUATE, input);
    assert_eq!(ids(&output), ["at"]);
    the_report(&output, 2, "too_long");
}

#[test]
fn a_huge_line_costs_no_more_memory_than_the_limit() {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("skipped: no /usr/bin/time to measure the peak memory");
        return;
    }
    let file = TempFile::new("huge.jsonl", &{
        let mut input = format!(r#"{{"id":"{}"}}"#, " ".repeat(64 * 1024 * 1024)).into_bytes();
        input.push(b'\n');
        input.extend_from_slice(profiles("b-", 1).as_bytes());
        input
    });
    let output = Command::new(time)
        .args(["-f", "peak %M KB", env!("CARGO_BIN_EXE_strata")])
        .args(EVALUATE)
        .arg(file.path())
        .output()
        .expect("time runs strata");
    assert_eq!(ids(&output), ["b-0"]);
    let text = stderr(&output);
    let peak: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("peak ")?.strip_suffix(" KB")?.parse().ok())
        .expect("time reports the peak");
    // The line is 64 MiB; reading it whole would take at least that.
    assert!(peak < 32 * 1024, "peak {peak} KB: {text}");
}

#[test]
fn crlf_line_endings_and_blank_lines_are_read_and_counted() {
    let input = format!("{}\r\n\r\n{}\r\n{{\"id\":\r\n", profile("a"), profile("b"));
    let output = run(&EVALUATE, input.into_bytes());
    assert_eq!(ids(&output), ["a", "b"]);
    the_report(&output, 4, "parse");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn empty_input_evaluates_nothing_and_succeeds() {
    let output = run(&EVALUATE, Vec::new());
    assert!(output.stdout.is_empty());
    assert_eq!(summary(&output), "strata: 0 evaluated, 0 rejected");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_closed_stdout_ends_schema_and_lint_quietly() {
    for args in [&["schema", "profile"][..], &["lint", "cn-retail"]] {
        // Its reader already gone, so the first write fails, every time.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = strata()
            .args(args)
            .stdout(writer)
            .output()
            .expect("strata runs");
        assert!(stderr(&output).is_empty(), "{args:?}: {}", stderr(&output));
        assert!(matches!(output.status.code(), Some(0 | 141)), "{args:?}");
    }
}

#[test]
fn a_reader_that_stops_after_one_evaluation_ends_the_batch_quietly() {
    // More output than a pipe holds, so strata must meet the closed pipe.
    let (mut child, writer) = start(&EVALUATE, profiles("a-", 2000).into_bytes());
    let mut first = String::new();
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    stdout.read_line(&mut first).expect("one line");
    drop(stdout);
    let output = child.wait_with_output().expect("strata ends");
    writer.join().expect("the input writer ends");
    let first: Value = serde_json::from_str(&first).expect("the first line is whole");
    assert_eq!(first["customer_id"], "a-0");
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    assert!(matches!(output.status.code(), Some(0 | 141)));
}

#[test]
fn an_oversized_ruleset_or_catalog_is_refused_with_its_size() {
    let big = TempFile::new("big.json", &vec![b' '; LIMIT + 1]);
    let runs = [
        run(&["evaluate", "--ruleset", big.path()], Vec::new()),
        run(
            &["evaluate", "-r", "cn-retail", "--catalog", big.path()],
            Vec::new(),
        ),
        run(&["lint", big.path()], Vec::new()),
    ];
    for output in runs {
        let text = stderr(&output);
        assert!(text.contains(big.path()), "{text}");
        assert!(text.contains(&format!("{} bytes", LIMIT + 1)), "{text}");
        assert!(text.contains(&LIMIT.to_string()), "{text}");
        assert_eq!(output.status.code(), Some(2), "{text}");
    }
}

#[test]
fn usage_errors_and_unreadable_files_exit_with_2() {
    let missing_ruleset = run(&["evaluate"], Vec::new());
    assert_eq!(missing_ruleset.status.code(), Some(2));
    let no_such_file = run(
        &["evaluate", "-r", "cn-retail", "/no/such/profiles"],
        Vec::new(),
    );
    assert_eq!(no_such_file.status.code(), Some(2));
    assert!(stderr(&no_such_file).contains("/no/such/profiles"));
    let help = run(&["evaluate", "--help"], Vec::new());
    let help = String::from_utf8(help.stdout).expect("help is UTF-8");
    assert!(help.contains("Exit status:"), "{help}");
}

#[test]
fn staff_get_every_field_and_customers_none_of_the_staff_ones() {
    let input = format!("{}\n", profile("a")).into_bytes();
    let staff = run(&EVALUATE, input.clone());
    let staff = &evaluations(&staff)[0];
    assert!(staff.get("value").is_some(), "staff is the CLI's default");
    let mut args = EVALUATE.to_vec();
    args.extend(["--audience", "customer"]);
    let customer = run(&args, input);
    let customer = &evaluations(&customer)[0];
    assert!(customer.get("value").is_none());
    for r in customer["recommendations"].as_array().into_iter().flatten() {
        assert!(
            r.get("score").is_none() && r.get("factors").is_none(),
            "{r}"
        );
    }
}

#[test]
fn an_as_of_date_outside_the_domain_is_a_usage_error() {
    let out = run(
        &[
            "evaluate",
            "--ruleset",
            "cn-retail",
            "--as-of",
            "0001-01-01",
        ],
        Vec::new(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("between 1900 and 2200"),
        "{}",
        stderr(&out)
    );
}
