//! `cargo xtask fuzz [--seconds N] [TARGET...]`: coverage-guided fuzzing of the engine with
//! cargo-fuzz (libFuzzer), each target for N seconds, one after another.
//!
//! The targets live in `fuzz/` (its own workspace; see fuzz/Cargo.toml), their seeds in
//! `fuzz/corpus/<target>/` (the corpus the fuzzer grows there is gitignored), and a crash
//! leaves its input in `fuzz/artifacts/<target>/`. Any crash, hang or out-of-memory fails
//! the command, naming each input and how to reproduce it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::Result;
use crate::proc::{self, Tools};
use crate::setup::{self, Mode};

/// Every target, in the order they run: the documents first, then end to end, then the
/// JSON reader against `serde_json`.
pub const TARGETS: [&str; 5] = ["profile", "ruleset", "catalog", "evaluate", "json_diff"];

/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u32 = 30;

/// An input that takes longer than this is a hang. Core's slowest honest input (a lint of a
/// big ruleset) takes milliseconds; libFuzzer's own default is 20 minutes.
const TIMEOUT_SECONDS: u32 = 10;

/// libFuzzer's dictionary for the JSON targets, from the workspace root.
const DICTIONARY: &str = "fuzz/strata.dict";

/// What to fuzz, and for how long.
pub struct Options {
    /// Seconds per target.
    pub seconds: u32,
    /// Targets to run, in order.
    pub targets: Vec<&'static str>,
}

impl Options {
    /// Every target for `seconds` each.
    pub fn all(seconds: u32) -> Self {
        Options {
            seconds,
            targets: TARGETS.to_vec(),
        }
    }
}

/// `[--seconds N] [TARGET...]`; no target means all of them.
pub fn parse_args(args: &[String]) -> Result<Options> {
    let mut seconds = DEFAULT_SECONDS;
    let mut targets = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let value = if arg == "--seconds" {
            Some(
                iter.next()
                    .ok_or("`--seconds` needs a value, e.g. `--seconds 60`")?
                    .as_str(),
            )
        } else {
            arg.strip_prefix("--seconds=")
        };
        if let Some(value) = value {
            seconds = value
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("`--seconds {value}` is not a whole number above 0"))?;
            continue;
        }
        let target = TARGETS
            .iter()
            .find(|t| **t == arg.as_str())
            .ok_or_else(|| {
                format!(
                    "unknown fuzz target `{arg}`; the targets are {}",
                    TARGETS.join(", ")
                )
            })?;
        if !targets.contains(target) {
            targets.push(*target);
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    Ok(Options { seconds, targets })
}

/// Checks cargo-fuzz is there (`cargo xtask setup --test`), builds every target once, then runs each; fails naming every input
/// that crashed, after all targets have run.
pub fn run(tools: &Tools, options: &Options) -> Result {
    setup::cargo_fuzz(tools, Mode::Check)?;
    // One build for all targets: cargo compiles core once, then the five small binaries.
    proc::run(&mut cargo_fuzz(tools, "build"))?;
    let mut failures = Vec::new();
    let mut rates = Vec::new();
    for target in &options.targets {
        println!(
            "\n── fuzz target `{target}`, {} s ({}) ──",
            options.seconds,
            corpus(target)
        );
        let outcome = run_target(tools, target, options.seconds)?;
        if let Some((runs, seconds)) = outcome.done {
            rates.push(format!(
                "  {target:>10}: {runs} runs in {seconds} s ({} exec/s)",
                runs / seconds.max(1)
            ));
        }
        if !outcome.success {
            failures.push(failure(target, &outcome.inputs));
        }
    }
    println!("\nfuzzing, executions per target:");
    for line in &rates {
        println!("{line}");
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzzing found {} failing target(s):\n{}",
            failures.len(),
            failures.join("\n")
        ))
    }
}

/// What one libFuzzer run reported.
struct Outcome {
    success: bool,
    /// Inputs it wrote as crashes, hangs or out-of-memory (`fuzz/artifacts/…`).
    inputs: Vec<String>,
    /// `(runs, seconds)` from its closing "Done N runs in S second(s)".
    done: Option<(u64, u64)>,
}

fn run_target(tools: &Tools, target: &str, seconds: u32) -> Result<Outcome> {
    let mut command = cargo_fuzz(tools, "run");
    command.args([
        target.to_owned(),
        "--".to_owned(),
        format!("-max_total_time={seconds}"),
        format!("-timeout={TIMEOUT_SECONDS}"),
    ]);
    if target != "evaluate" {
        // JSON targets: the documents' field names and enum spellings (see the file).
        let dict = tools.root.join(DICTIONARY);
        command.arg(format!("-dict={}", dict.display()));
    }
    // libFuzzer reports on stderr; it is passed through and read for the crash inputs.
    let mut child = command
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start `{}`: {error}", proc::describe(&command)))?;
    let mut inputs = Vec::new();
    let mut done = None;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let line = line.map_err(|error| format!("reading libFuzzer's output: {error}"))?;
            eprintln!("{line}");
            if let Some(input) = artifact(&line) {
                inputs.push(input.to_owned());
            }
            done = done.or_else(|| runs(&line));
        }
    }
    let status = child
        .wait()
        .map_err(|error| format!("waiting for `{}`: {error}", proc::describe(&command)))?;
    Ok(Outcome {
        success: status.success(),
        inputs,
        done,
    })
}

/// `cargo fuzz <subcommand> -s none` at the workspace root.
///
/// No sanitizer (`-s none`): core is safe Rust (`unsafe_code` is forbidden), so
/// `AddressSanitizer` would find nothing and make each run several times slower. Without
/// one, cargo-fuzz passes rustc only stable flags (`-C passes=sancov-module` and LLVM
/// options), so the pinned stable toolchain builds the targets as it is: no
/// `RUSTC_BOOTSTRAP`, and the build in `fuzz/target/` is shared with a plain
/// `cargo fuzz run -s none` typed by hand.
fn cargo_fuzz(tools: &Tools, subcommand: &str) -> Command {
    let mut command = tools.cargo();
    command.args(["fuzz", subcommand, "-s", "none"]);
    command
}

/// The seed corpus of a target, for the banner.
fn corpus(target: &str) -> String {
    format!("fuzz/corpus/{target}/")
}

/// The input path in libFuzzer's "…; Test unit written to fuzz/artifacts/t/crash-…".
fn artifact(line: &str) -> Option<&str> {
    line.split_once("Test unit written to ")
        .map(|(_, path)| path.trim())
}

/// `(runs, seconds)` from libFuzzer's closing line "Done 3279379 runs in 61 second(s)".
fn runs(line: &str) -> Option<(u64, u64)> {
    let rest = line.strip_prefix("Done ")?;
    let (runs, rest) = rest.split_once(" runs in ")?;
    let seconds = rest.strip_suffix(" second(s)")?;
    Some((runs.parse().ok()?, seconds.parse().ok()?))
}

/// One failing target, its inputs and how to look at each.
fn failure(target: &str, inputs: &[String]) -> String {
    if inputs.is_empty() {
        return format!(
            "  {target}: libFuzzer failed without writing an input (see its output above)"
        );
    }
    inputs
        .iter()
        .map(|input| {
            format!(
                "  {target}: {input}\n    reproduce: cargo fuzz run -s none {target} {input}\n    \
                 minimize:  cargo fuzz tmin -s none {target} {input}"
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn defaults_to_every_target_for_30_seconds() {
        let options = parse_args(&[]).expect("no arguments are fine");
        assert_eq!(options.seconds, 30);
        assert_eq!(options.targets, TARGETS.to_vec());
    }

    #[test]
    fn reads_seconds_and_targets() {
        let options = parse_args(&strings(&["--seconds", "5", "json_diff", "profile"]))
            .expect("valid arguments");
        assert_eq!(options.seconds, 5);
        assert_eq!(options.targets, vec!["json_diff", "profile"]);
        let options =
            parse_args(&strings(&["ruleset", "--seconds=7", "ruleset"])).expect("valid arguments");
        assert_eq!(options.seconds, 7);
        assert_eq!(options.targets, vec!["ruleset"]);
    }

    #[test]
    fn refuses_bad_arguments() {
        assert!(parse_args(&strings(&["--seconds"])).is_err());
        assert!(parse_args(&strings(&["--seconds", "0"])).is_err());
        assert!(parse_args(&strings(&["--seconds", "ten"])).is_err());
        assert!(parse_args(&strings(&["--secs", "10"])).is_err());
        assert!(parse_args(&strings(&["profiles"])).is_err());
    }

    #[test]
    fn reads_libfuzzer_lines() {
        assert_eq!(
            artifact(
                "artifact_prefix='/w/fuzz/artifacts/profile/'; Test unit written to /w/fuzz/artifacts/profile/crash-1605a8\n"
            ),
            Some("/w/fuzz/artifacts/profile/crash-1605a8")
        );
        assert_eq!(artifact("#1024 pulse cov: 12"), None);
        assert_eq!(
            runs("Done 3279379 runs in 61 second(s)"),
            Some((3_279_379, 61))
        );
        assert_eq!(runs("#13 DONE cov: 831"), None);
    }

    /// The list here and fuzz/Cargo.toml's `[[bin]]` targets must agree.
    #[test]
    fn targets_match_the_fuzz_crate() {
        let manifest = crate::workspace_root().join("fuzz/Cargo.toml");
        let manifest = std::fs::read_to_string(manifest).expect("fuzz/Cargo.toml is readable");
        let bins: Vec<&str> = manifest
            .lines()
            .filter_map(|line| line.strip_prefix("name = \""))
            .filter_map(|rest| rest.strip_suffix('"'))
            .filter(|name| *name != "strata-fuzz")
            .collect();
        assert_eq!(bins, TARGETS.to_vec());
        assert!(crate::workspace_root().join(DICTIONARY).is_file());
        for target in TARGETS {
            let seeds = crate::workspace_root().join(corpus(target));
            assert!(seeds.is_dir(), "{} has no seed corpus", seeds.display());
        }
    }
}
