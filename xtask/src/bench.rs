//! `cargo xtask bench`: numbers, never pass or fail on speed.
//!
//! Three parts, each runnable alone: `peers` (Strata's engine package beside json-rules-engine,
//! the ZEN engine and plain JS in one Node process, `tests/bench/peers/`, then the batch JS API on the same package, `tests/bench/batch.mjs`), `cli` (the `strata`
//! binary over a generated 1,000,000-profile file, JSONL and CSV, `--output tier` with and
//! without recommendations: wall and CPU time, peak memory) and `engine` (the divan benchmarks of strata-core).

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::Result;
use crate::proc::{self, Tools};

/// The parts `cargo xtask bench` runs, in order, when none is named.
const PARTS: [&str; 3] = ["peers", "cli", "engine"];

/// Runs the named parts (all when `args` names none); arguments after `--` go to divan.
pub fn run(tools: &Tools, args: &[String]) -> Result {
    let (names, extra) = match args.iter().position(|a| a == "--") {
        Some(at) => (&args[..at], &args[at + 1..]),
        None => (args, &[][..]),
    };
    if let Some(bad) = names.iter().find(|n| !PARTS.contains(&n.as_str())) {
        return Err(format!(
            "unknown bench `{bad}`; choose from {}",
            PARTS.join(", ")
        ));
    }
    let wanted = |part: &str| names.is_empty() || names.iter().any(|n| n == part);
    if wanted("peers") {
        peers(tools)?;
    }
    if wanted("cli") {
        cli(tools)?;
    }
    if wanted("engine") {
        engine(tools, extra)?;
    }
    Ok(())
}

/// Where the peer benchmark and its npm packages live.
const PEERS_DIR: &str = "tests/bench/peers";
/// A copy of the lockfile last installed, so a second run skips npm.
const PEERS_STAMP: &str = "node_modules/.strata-lock-stamp";

/// `npm install` in the peers' folder when its lockfile changed since the last install. Not
/// `npm ci`: the registry here lacks some of ZEN's optional platform packages that the
/// lockfile lists, which `npm ci` refuses.
fn peer_packages(tools: &Tools) -> Result {
    let dir = tools.root.join(PEERS_DIR);
    let lockfile = dir.join("package-lock.json");
    let lock = fs::read(&lockfile)
        .map_err(|error| format!("cannot read {}: {error}", lockfile.display()))?;
    let stamp = dir.join(PEERS_STAMP);
    if fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        println!("✓ peer packages ({PEERS_DIR}/package-lock.json)");
        return Ok(());
    }
    println!("installing the peer packages (npm install in {PEERS_DIR}) …");
    proc::run(
        tools
            .command("npm")
            .args(["install", "--no-audit", "--no-fund", "--no-save"])
            .current_dir(&dir),
    )?;
    fs::write(&stamp, lock).map_err(|error| format!("cannot write {}: {error}", stamp.display()))
}

/// The engine package (speed-built, as shipped) against its peers.
fn peers(tools: &Tools) -> Result {
    crate::setup::all(
        tools,
        crate::setup::Options::default(),
        crate::setup::Mode::Check,
    )?;
    peer_packages(tools)?;
    let out = tools.target_dir().join("bench-engine");
    crate::engine::build(tools, "web", &out)?;
    proc::run(
        tools
            .command("node")
            .arg(tools.root.join(PEERS_DIR).join("peers.mjs"))
            .arg(&out),
    )?;
    // The batch JS API on the same package: tier evaluations per second over a million
    // customers passed as typed-array columns.
    proc::run(
        tools
            .command("node")
            .arg(tools.root.join("tests/bench/batch.mjs"))
            .arg(&out),
    )
}

/// Profiles in the CLI benchmark's input files.
const CLI_PROFILES: u32 = 1_000_000;

/// The CLI over [`CLI_PROFILES`] generated profiles: `--output tier` from JSONL and CSV, and
/// full evaluations with recommendations from JSONL, each with wall time, CPU time (user +
/// system: other work on the machine slows the wall clock, not this) and peak memory.
fn cli(tools: &Tools) -> Result {
    proc::run(
        tools
            .cargo()
            .args(["build", "--release", "-p", "strata-cli", "--quiet"]),
    )?;
    let strata = tools.target_dir().join("release/strata");
    let dir = tools.target_dir().join("bench-cli");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let jsonl = dir.join("profiles-1m.jsonl");
    let csv = dir.join("profiles-1m.csv");
    generate(&jsonl, &csv)?;
    let small = dir.join("profiles-100k.jsonl");
    head_lines(&jsonl, &small, CLI_PROFILES / 10)?;
    println!(
        "CLI benchmark: {} cores; profiles/min from wall time and from CPU time",
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    );
    let base = [
        "evaluate",
        "--ruleset",
        "cn-retail",
        "--as-of",
        "2026-11-25",
    ];
    let tier = ["--output", "tier", "--no-catalog"];
    let offers = ["--output", "tier"];
    let runs: [(&str, &Path, &[&str], u32); 5] = [
        ("tier, JSONL, 1M", &jsonl, &tier, CLI_PROFILES),
        ("tier, CSV, 1M", &csv, &tier, CLI_PROFILES),
        (
            "tier, JSONL, 100k (memory)",
            &small,
            &tier,
            CLI_PROFILES / 10,
        ),
        ("tier + offers, JSONL, 1M", &jsonl, &offers, CLI_PROFILES),
        ("tier + offers, CSV, 1M", &csv, &offers, CLI_PROFILES),
    ];
    for (label, input, flags, n) in runs {
        let mut command = Command::new(&strata);
        command.args(base).args(flags).arg(input);
        let measured = measure(&mut command)?;
        let per_min = |s: f64| (f64::from(n) / s * 60.0).round();
        println!(
            "  {label:<30} {:>6.2} s wall {:>12} /min   {:>6.2} s CPU {:>12} /min CPU   peak {:>4} MB",
            measured.wall,
            thousands(per_min(measured.wall)),
            measured.cpu,
            thousands(per_min(measured.cpu)),
            measured.peak_kb / 1024,
        );
    }
    Ok(())
}

/// What one run cost.
struct Measured {
    wall: f64,
    cpu: f64,
    peak_kb: u64,
}

/// Runs `command` under `/usr/bin/time` (output to /dev/null) for its CPU time and peak RSS.
fn measure(command: &mut Command) -> Result<Measured> {
    let report = std::env::temp_dir().join(format!("strata-bench-time-{}", std::process::id()));
    let mut timed = Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg("%U %S %M")
        .arg("-o")
        .arg(&report)
        .arg(command.get_program())
        .args(command.get_args())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let start = Instant::now();
    let status = timed
        .status()
        .map_err(|e| format!("cannot run /usr/bin/time (Debian's `time` package): {e}"))?;
    let wall = start.elapsed().as_secs_f64();
    let text = fs::read_to_string(&report).map_err(|e| format!("no time report: {e}"))?;
    let _ = fs::remove_file(&report);
    // Exit 1 (rejected lines) would be a generator bug; anything but 0 is reported.
    if !status.success() {
        return Err(format!("`{}` failed ({status})", proc::describe(command)));
    }
    let fields: Vec<f64> = text
        .split_whitespace()
        .rev()
        .take(3)
        .filter_map(|f| f.parse().ok())
        .collect();
    match fields[..] {
        [peak, sys, user] => Ok(Measured {
            wall,
            cpu: user + sys,
            peak_kb: peak as u64,
        }),
        _ => Err(format!("cannot read the time report `{}`", text.trim())),
    }
}

/// `1234567.0` → `1,234,567`.
fn thousands(x: f64) -> String {
    let digits = format!("{x:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Writes the first `n` lines of `from` into `to` unless it exists.
fn head_lines(from: &Path, to: &Path, n: u32) -> Result {
    if to.is_file() {
        return Ok(());
    }
    let text = fs::read_to_string(from).map_err(|e| format!("{}: {e}", from.display()))?;
    let mut out = String::new();
    for line in text.lines().take(n as usize) {
        out.push_str(line);
        out.push('\n');
    }
    fs::write(to, out).map_err(|e| format!("{}: {e}", to.display()))
}

/// The CSV header of the generated file: the documented layout's columns it fills.
const CSV_HEADER: &str = "id,birth_date,education,deposit,time_deposit,wealth_product,fund,\
insurance,external_assets,tier,tier_since";

/// Education levels and held tiers the generator picks from.
const EDU: [&str; 5] = [
    "senior_secondary",
    "college",
    "bachelor",
    "master",
    "primary",
];
const TIERS: [&str; 6] = [
    "private_banking",
    "high_end",
    "mid_upper",
    "mid_lower",
    "potential",
    "ordinary",
];

/// Generates the JSONL and CSV inputs (the same profiles) unless both exist: a deterministic
/// mix over every cn-retail tier (log-spread AUM across families, ages, education, declared
/// external assets, a tier history on some).
fn generate(jsonl: &Path, csv: &Path) -> Result {
    if jsonl.is_file() && csv.is_file() {
        return Ok(());
    }
    println!(
        "generating {} profiles into {} …",
        thousands(f64::from(CLI_PROFILES)),
        jsonl
            .parent()
            .map_or(PathBuf::new(), Path::to_path_buf)
            .display()
    );
    let open = |p: &Path| {
        fs::File::create(p)
            .map(|f| BufWriter::with_capacity(1 << 20, f))
            .map_err(|e| format!("{}: {e}", p.display()))
    };
    let (mut j, mut c) = (open(jsonl)?, open(csv)?);
    let write_err = |e: std::io::Error| format!("writing the bench input: {e}");
    writeln!(c, "{CSV_HEADER}").map_err(write_err)?;
    let mut seed: u64 = 42;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    for i in 0..CLI_PROFILES {
        // Total AUM log-spread from ¥100 to ¥50m, in whole yuan, split over four families.
        let exp = f64::from((next() % 1_000) as u32) / 1_000.0;
        let aum = (100.0 * (500_000.0f64).powf(exp)).round() as u64;
        let deposit = aum * 4 / 10;
        let time = aum * 3 / 10;
        let wealth = aum * 2 / 10;
        let fund = aum - deposit - time - wealth;
        let insurance = if next() % 4 == 0 { 20_000 } else { 0 };
        let external = if next() % 5 == 0 { aum * 2 } else { 0 };
        let year = 1940 + next() % 70;
        let month = 1 + next() % 12;
        let day = 1 + next() % 28;
        let edu = EDU[(next() % EDU.len() as u64) as usize];
        let tier = (next() % 3 == 0).then(|| TIERS[(next() % TIERS.len() as u64) as usize]);
        let birth = format!("{year}-{month:02}-{day:02}");
        let insurance_holding = if insurance > 0 {
            format!(r#",{{"product":"insurance","family":"insurance","balance":"{insurance}.00"}}"#)
        } else {
            String::new()
        };
        let external_assets = if external > 0 {
            format!(r#","external_assets":[{{"balance":"{external}.00"}}]"#)
        } else {
            String::new()
        };
        let history = tier.map_or_else(String::new, |t| {
            format!(r#","tier_history":{{"tier":"{t}","since":"2025-01-01"}}"#)
        });
        let line = format!(
            r#"{{"id":"c{i}","birth_date":"{birth}","education":"{edu}","holdings":[{{"product":"deposit","family":"deposit","balance":"{deposit}.00"}},{{"product":"time_deposit","family":"time_deposit","balance":"{time}.00"}},{{"product":"wealth_product","family":"wealth_product","balance":"{wealth}.00"}},{{"product":"fund","family":"fund","balance":"{fund}.00"}}{insurance_holding}]{external_assets}{history}}}"#
        );
        writeln!(j, "{line}").map_err(write_err)?;
        let opt = |x: u64| {
            if x > 0 {
                format!("{x}.00")
            } else {
                String::new()
            }
        };
        writeln!(
            c,
            "c{i},{birth},{edu},{deposit}.00,{time}.00,{wealth}.00,{fund}.00,{},{},{},{}",
            opt(insurance),
            opt(external),
            tier.unwrap_or(""),
            if tier.is_some() { "2025-01-01" } else { "" },
        )
        .map_err(write_err)?;
    }
    j.flush().map_err(write_err)?;
    c.flush().map_err(write_err)
}

/// The divan benchmarks of strata-core; `extra` goes to the bench binary (filters, options).
fn engine(tools: &Tools, extra: &[String]) -> Result {
    let mut cargo = tools.cargo();
    // `--bench '*'`: every bench target, but not the lib's unit tests in bench mode.
    cargo.args(["bench", "-p", "strata-core", "--bench", "*"]);
    if !extra.is_empty() {
        cargo.arg("--").args(extra);
    }
    proc::run(&mut cargo)
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1000.0), "1,000");
        assert_eq!(thousands(12_345_678.4), "12,345,678");
    }
}
