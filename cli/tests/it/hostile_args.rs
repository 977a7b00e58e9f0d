//! Hostile command lines for the `strata` binary: unknown flags, impossible dates, counts
//! out of range, paths that are directories, devices, missing or huge, broken ruleset and
//! catalog files, binary garbage on standard input.
//!
//! Every case must end by itself within [`BOUND`] with exit code 0, 1 or 2 and no panic
//! (no "panicked" on stderr, not 101, not killed by a signal). All failures are listed in
//! one assertion message, by case name.
//!
//! Self-contained so that it can live as its own test target (`tests/hostile_args.rs`) or
//! as `mod hostile_args;` of a single `tests/it/main.rs`.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

/// How long one run may take (debug build, a shared machine) before it is killed.
const BOUND: Duration = Duration::from_secs(15);

/// A name, the arguments after `strata`, and what standard input carries (none: closed).
pub type ArgCase = (&'static str, Vec<String>, Option<Vec<u8>>);

const RETAIL: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/rulesets/cn-retail.json"
));
const CATALOG: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/catalogs/cn-retail.json"
));

/// A valid cn-retail profile line.
const PROFILE: &str = r#"{"id": "c-1", "birth_date": "1990-05-12", "education": "bachelor", "holdings": [{"product": "demand", "family": "deposit", "balance": "162500.00"}]}"#;

/// The scratch directory with the hostile files, written once per test process.
fn dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("strata-hostile-args-{}", std::process::id()));
        fs::create_dir_all(d.join("a-directory")).expect("scratch directory");
        let huge = format!("{RETAIL}{}", " ".repeat(5 << 20));
        let mut invalid_utf8 = RETAIL.as_bytes().to_vec();
        invalid_utf8.insert(RETAIL.find(": \"").expect("a string") + 3, 0xFF);
        let files: Vec<(&str, Vec<u8>)> = vec![
            ("empty.json", Vec::new()),
            ("bom.json", format!("\u{feff}{RETAIL}").into_bytes()),
            ("deep.json", "[".repeat(1_000_000).into_bytes()),
            ("huge.json", huge.into_bytes()),
            ("invalid-utf8.json", invalid_utf8),
            ("not-json.json", b"tiers: [gold, silver]\n".to_vec()),
            (
                "reviews-max.json",
                RETAIL
                    .replacen("\"reviews\": 3", "\"reviews\": 4294967295", 1)
                    .into_bytes(),
            ),
            (
                "threshold-max.json",
                RETAIL
                    .replacen(
                        "\"value\": \"10000000\"",
                        "\"value\": \"79228162514264337593543950335\"",
                        1,
                    )
                    .into_bytes(),
            ),
            (
                "threshold-padded.json",
                RETAIL
                    .replacen("\"value\": \"10000000\"", "\"value\": \" 1e7 \"", 1)
                    .into_bytes(),
            ),
            (
                "tier-zero-width.json",
                RETAIL
                    .replacen("\"private_banking\"", "\" \\u200b\"", 1)
                    .into_bytes(),
            ),
            (
                "metric-plus.json",
                RETAIL
                    .replacen("\"metric\": \"aum\"", "\"metric\": \"aum_avg_+3m\"", 1)
                    .into_bytes(),
            ),
            (
                "catalog-weights-max.json",
                CATALOG
                    .replacen(
                        "\"next_tier\": \"1.5\"",
                        "\"next_tier\": \"79228162514264337593543950335\"",
                        1,
                    )
                    .into_bytes(),
            ),
            (
                "catalog-other-ruleset.json",
                CATALOG
                    .replacen("\"ruleset\": \"cn-retail\"", "\"ruleset\": \"cn-star\"", 1)
                    .into_bytes(),
            ),
            (
                "profiles.jsonl",
                format!("{PROFILE}\n\n{{}}\nnot json\n{PROFILE}\n").into_bytes(),
            ),
        ];
        for (name, bytes) in files {
            fs::write(d.join(name), bytes).expect("scratch file");
        }
        d
    })
}

fn path(name: &str) -> String {
    dir().join(name).to_string_lossy().into_owned()
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| (*s).to_owned()).collect()
}

fn evaluate(extra: &[&str]) -> Vec<String> {
    let mut a = args(&[
        "evaluate",
        "--ruleset",
        "cn-retail",
        "--as-of",
        "2026-11-25",
    ]);
    a.extend(args(extra));
    a
}

/// Standard input carrying `p` and a newline.
#[allow(clippy::unnecessary_wraps)] // It fills the table's stdin column as it is.
fn line(p: &str) -> Option<Vec<u8>> {
    Some(format!("{p}\n").into_bytes())
}

/// The corpus.
#[must_use]
pub fn cases() -> Vec<ArgCase> {
    let profile = line(PROFILE);
    let max_balance = PROFILE.replace("162500.00", "79228162514264337593543950335");
    let mut garbage: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    garbage.extend_from_slice(b"\n\xff\xfe\0\n");
    let mut mixed = Vec::new();
    for i in 0..1000 {
        let l = if i % 3 == 0 { "{\"id\": 1}" } else { PROFILE };
        mixed.extend_from_slice(l.as_bytes());
        mixed.push(b'\n');
    }
    let mut cases: Vec<ArgCase> = vec![
        ("no-arguments", vec![], None),
        ("help", args(&["--help"]), None),
        ("version", args(&["--version"]), None),
        ("unknown-subcommand", args(&["bogus"]), None),
        ("unknown-flag", args(&["evaluate", "--bogus"]), None),
        (
            "evaluate-without-ruleset",
            args(&["evaluate"]),
            profile.clone(),
        ),
        (
            "ruleset-flag-without-value",
            args(&["evaluate", "--ruleset"]),
            None,
        ),
        (
            "as-of-feb-30",
            evaluate(&["--as-of", "2026-02-30"]),
            profile.clone(),
        ),
        (
            "as-of-year-99999",
            evaluate(&["--as-of", "99999-01-01"]),
            profile.clone(),
        ),
        ("as-of-empty", evaluate(&["--as-of", ""]), profile.clone()),
        (
            "as-of-max",
            evaluate(&["--as-of", "+262142-12-31"]),
            profile.clone(),
        ),
        (
            "as-of-min",
            evaluate(&["--as-of=-262143-01-01"]),
            profile.clone(),
        ),
        (
            "as-of-year-0",
            evaluate(&["--as-of", "0000-01-01"]),
            profile.clone(),
        ),
        (
            "as-of-1900",
            evaluate(&["--as-of", "1900-01-01"]),
            profile.clone(),
        ),
        (
            "as-of-2200",
            evaluate(&["--as-of", "2200-12-31"]),
            profile.clone(),
        ),
        (
            "as-of-with-time",
            evaluate(&["--as-of", "2026-11-25T10:00"]),
            profile.clone(),
        ),
        ("top-n-negative", evaluate(&["--top-n=-1"]), profile.clone()),
        (
            "top-n-u32-max-plus-1",
            evaluate(&["--top-n", "4294967296"]),
            profile.clone(),
        ),
        ("top-n-zero", evaluate(&["--top-n", "0"]), profile.clone()),
        (
            "top-n-u32-max",
            evaluate(&["--top-n", "4294967295", "--explain"]),
            profile.clone(),
        ),
        (
            "top-n-text",
            evaluate(&["--top-n", "five"]),
            profile.clone(),
        ),
        (
            "ruleset-missing-file",
            args(&["evaluate", "--ruleset", "/nonexistent/r.json"]),
            profile.clone(),
        ),
        (
            "ruleset-directory",
            vec!["evaluate".into(), "--ruleset".into(), path("a-directory")],
            profile.clone(),
        ),
        (
            "ruleset-dev-null",
            args(&["evaluate", "--ruleset", "/dev/null"]),
            profile.clone(),
        ),
        (
            "ruleset-empty-id",
            args(&["evaluate", "--ruleset", ""]),
            profile.clone(),
        ),
        (
            "catalog-with-no-catalog",
            evaluate(&["--catalog", "x.json", "--no-catalog"]),
            profile.clone(),
        ),
        (
            "catalog-missing-file",
            evaluate(&["--catalog", "/nonexistent/c.json"]),
            profile.clone(),
        ),
        (
            "catalog-directory",
            {
                let mut a = evaluate(&["--catalog"]);
                a.push(path("a-directory"));
                a
            },
            profile.clone(),
        ),
        (
            "catalog-dev-null",
            evaluate(&["--catalog", "/dev/null"]),
            profile.clone(),
        ),
        (
            "catalog-is-a-ruleset",
            {
                let mut a = evaluate(&["--catalog"]);
                a.push(path("threshold-max.json"));
                a
            },
            profile.clone(),
        ),
        (
            "catalog-other-ruleset",
            {
                let mut a = evaluate(&["--catalog"]);
                a.push(path("catalog-other-ruleset.json"));
                a
            },
            profile.clone(),
        ),
        (
            "catalog-weights-max",
            {
                let mut a = evaluate(&["--catalog"]);
                a.push(path("catalog-weights-max.json"));
                a
            },
            profile.clone(),
        ),
        (
            "profiles-missing-file",
            evaluate(&["/nonexistent/p.jsonl"]),
            None,
        ),
        (
            "profiles-directory",
            {
                let mut a = evaluate(&[]);
                a.push(path("a-directory"));
                a
            },
            None,
        ),
        ("profiles-dev-null", evaluate(&["/dev/null"]), None),
        (
            "profiles-file-mixed",
            {
                let mut a = evaluate(&[]);
                a.push(path("profiles.jsonl"));
                a
            },
            None,
        ),
        ("stdin-closed", evaluate(&[]), None),
        ("stdin-empty", evaluate(&["-"]), Some(Vec::new())),
        ("stdin-binary-garbage", evaluate(&[]), Some(garbage)),
        ("stdin-nul-line", evaluate(&[]), Some(b"\0\0\0\n".to_vec())),
        (
            "stdin-bom-line",
            evaluate(&[]),
            line(&format!("\u{feff}{PROFILE}")),
        ),
        (
            "stdin-crlf",
            evaluate(&[]),
            Some(format!("{PROFILE}\r\n{PROFILE}\r\n").into_bytes()),
        ),
        (
            "stdin-deep-nesting",
            evaluate(&[]),
            line(&"[".repeat(1_000_000)),
        ),
        (
            "stdin-line-5-mib",
            evaluate(&[]),
            line(&format!("\"{}\"", "a".repeat(5 << 20))),
        ),
        ("stdin-1000-mixed-lines", evaluate(&[]), Some(mixed)),
        (
            "stdin-balance-max-decimal",
            evaluate(&[]),
            line(&max_balance),
        ),
        (
            "stdin-no-trailing-newline",
            evaluate(&[]),
            Some(PROFILE.as_bytes().to_vec()),
        ),
        ("schema-bogus", args(&["schema", "bogus"]), None),
        ("schema-missing", args(&["schema"]), None),
        ("schema-profile", args(&["schema", "profile"]), None),
        (
            "lint-missing-file",
            args(&["lint", "/nonexistent/r.json"]),
            None,
        ),
        (
            "lint-directory",
            vec!["lint".into(), path("a-directory")],
            None,
        ),
        ("lint-dev-null", args(&["lint", "/dev/null"]), None),
        (
            "lint-shipped-json",
            args(&["lint", "cn-star", "--json"]),
            None,
        ),
        (
            "lint-catalog-missing",
            args(&["lint", "cn-retail", "--catalog", "/nonexistent/c.json"]),
            None,
        ),
        (
            "lint-catalog-dev-null",
            args(&["lint", "cn-retail", "--catalog", "/dev/null"]),
            None,
        ),
    ];
    for file in [
        "empty.json",
        "bom.json",
        "deep.json",
        "huge.json",
        "invalid-utf8.json",
        "not-json.json",
        "reviews-max.json",
        "threshold-max.json",
        "threshold-padded.json",
        "tier-zero-width.json",
        "metric-plus.json",
    ] {
        let name: &'static str = Box::leak(format!("lint-{file}").into_boxed_str());
        cases.push((name, vec!["lint".into(), path(file), "--json".into()], None));
        let name: &'static str = Box::leak(format!("evaluate-with-{file}").into_boxed_str());
        let a = vec![
            "evaluate".into(),
            "--ruleset".into(),
            path(file),
            "--as-of".into(),
            "2026-11-25".into(),
        ];
        let history = PROFILE.replacen(
            "\"holdings\"",
            "\"tier_history\": {\"tier\": \"high_end\", \"since\": \"2020-01-31\", \"reviews_below\": 2}, \"holdings\"",
            1,
        );
        cases.push((name, a, line(&format!("{PROFILE}\n{history}"))));
    }
    cases
}

/// The panic line, its message, and the engine's frame that called the panicking code.
fn panic_summary(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().map(str::trim).collect();
    let at = lines.iter().position(|l| l.contains("panicked at"));
    let mut s = at.map_or_else(String::new, |i| {
        format!(
            "{} {}",
            lines[i],
            lines.get(i + 1).copied().unwrap_or_default()
        )
    });
    if let Some(i) = lines.iter().position(|l| l.contains("strata_core::")) {
        let frame = lines[i].split_once(": ").map_or(lines[i], |(_, f)| f);
        let file = lines.get(i + 1).copied().unwrap_or_default();
        s = format!("{s} (from {frame} {file})");
    }
    s
}

/// What went wrong with one run, if anything.
fn check(name: &str, argv: &[String], stdin: Option<&[u8]>) -> Option<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(argv)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("RUST_BACKTRACE", "1")
        .spawn()
        .expect("spawn strata");
    let started = Instant::now();
    let feeder = child
        .stdin
        .take()
        .zip(stdin.map(<[u8]>::to_vec))
        .map(|(mut pipe, bytes)| {
            // A broken pipe (the binary stopped reading) is not this test's concern.
            thread::spawn(move || drop(pipe.write_all(&bytes)))
        });
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = thread::spawn(move || {
        let mut b = Vec::new();
        drop(out.read_to_end(&mut b));
        b.len()
    });
    let err = thread::spawn(move || {
        let mut b = Vec::new();
        drop(err.read_to_end(&mut b));
        String::from_utf8_lossy(&b).into_owned()
    });
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if started.elapsed() > BOUND {
            drop(child.kill());
            drop(child.wait());
            break None;
        }
        thread::sleep(Duration::from_millis(10));
    };
    let took = started.elapsed();
    if let Some(f) = feeder {
        drop(f.join());
    }
    let _ = out.join();
    let stderr = err.join().unwrap_or_default();
    let tail: String = {
        let t = stderr.trim();
        let cut = t.char_indices().rev().nth(400).map_or(0, |(i, _)| i);
        t[cut..].replace('\n', " | ")
    };
    let Some(status) = status else {
        return Some(format!("{name}: HUNG, killed after {took:?}"));
    };
    if stderr.contains("panicked") {
        return Some(format!(
            "{name}: PANIC ({status}): {}",
            panic_summary(&stderr)
        ));
    }
    match status.code() {
        Some(0..=2) => None,
        Some(c) => Some(format!("{name}: EXIT {c}: {tail}")),
        None => Some(format!("{name}: KILLED by a signal ({status}): {tail}")),
    }
}

#[test]
fn hostile_arguments_never_crash_the_cli() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let started = Instant::now();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, argv, stdin)| check(name, argv, stdin.as_deref()))
        .collect();
    drop(fs::remove_dir_all(dir()));
    eprintln!(
        "hostile arguments: {} cases, {} failures, {:?}",
        cases.len(),
        failures.len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} of {} hostile command lines failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
