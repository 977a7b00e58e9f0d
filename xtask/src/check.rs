//! `cargo xtask test`: everything CI checks, in order, stopping at the first
//! failure. Cheap static checks come first so a typo fails in seconds.
//!
//! 1. rustfmt  2. clippy (host)  3. clippy (wasm32)  4. native tests
//! 5. wasm tests in headless Chromium  6. fuzzing (cargo-fuzz, 25 s per target)
//! 7. engine package + TypeScript check  8. release build  9. widget bundle
//! 10. end-to-end tests
//!
//! `--quick` stops after step 5, for local iteration.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::Result;
use crate::fuzz;
use crate::proc::{self, Tools};
use crate::setup::{self, CHROMEDRIVER, WASM_TARGET};

/// Runs the steps, timing each and printing a banner per step.
struct Steps {
    total: usize,
    done: Vec<(&'static str, Duration)>,
}

impl Steps {
    fn run(&mut self, name: &'static str, step: impl FnOnce() -> Result) -> Result {
        let (number, total) = (self.done.len() + 1, self.total);
        println!("\n━━━ [{number}/{total}] {name} ━━━");
        let started = Instant::now();
        let outcome = step();
        let elapsed = started.elapsed();
        match outcome {
            Ok(()) => {
                println!("✓ [{number}/{total}] {name} ({})", seconds(elapsed));
                self.done.push((name, elapsed));
                Ok(())
            }
            Err(error) => {
                println!(
                    "✗ [{number}/{total}] {name} FAILED after {}",
                    seconds(elapsed)
                );
                Err(format!("step {number}/{total} ({name}) failed: {error}"))
            }
        }
    }

    /// Times of the steps that passed, and the total, printed pass or fail.
    fn summary(&self, started: Instant) {
        println!("\n━━━ summary ━━━");
        for (name, elapsed) in &self.done {
            println!("  {:>8}  ✓ {name}", seconds(*elapsed));
        }
        let total = seconds(started.elapsed());
        println!("  {total:>8}  total, including setup");
    }
}

/// Seconds per fuzz target in `cargo xtask test`: five targets take about two minutes, plus
/// the fuzz build (about three minutes cold).
const FUZZ_SECONDS: u32 = 25;

fn seconds(duration: Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}

pub fn all(tools: &Tools, quick: bool) -> Result {
    let started = Instant::now();
    // `--quick` stops before the fuzzing, so it needs no cargo-fuzz.
    let options = setup::Options {
        fuzz: !quick,
        ..setup::Options::TEST
    };
    setup::all(tools, options, setup::Mode::Install)?;
    let mut steps = Steps {
        total: if quick { 5 } else { 10 },
        done: Vec::new(),
    };
    let outcome = run_steps(tools, &mut steps, quick);
    steps.summary(started);
    outcome?;
    if quick {
        println!("\nall checks passed (quick: no release build, no end-to-end tests)");
    } else {
        println!("\nall checks passed");
    }
    Ok(())
}

fn run_steps(tools: &Tools, steps: &mut Steps, quick: bool) -> Result {
    let cargo = |args: &[&str]| {
        let mut command = tools.cargo();
        command.args(args);
        command
    };
    let deny_warnings = ["--", "-D", "warnings"];

    steps.run("formatting (cargo fmt --check)", || {
        proc::run(&mut cargo(&["fmt", "--all", "--check"]))?;
        // fuzz/ is its own workspace, which `--all` does not reach.
        proc::run(&mut cargo(&[
            "fmt",
            "--all",
            "--check",
            "--manifest-path",
            "fuzz/Cargo.toml",
        ]))
    })?;
    steps.run("clippy, host", || {
        proc::run(cargo(&["clippy", "--workspace", "--all-targets"]).args(deny_warnings))
    })?;
    steps.run("clippy, wasm32", || {
        // Not --all-targets: the benches' divan is a native-only dev-dependency
        // (core/Cargo.toml), so benches do not build for wasm32; step 2 lints them.
        let targets = ["--lib", "--bins", "--tests", "--examples"];
        proc::run(
            cargo(&[
                "clippy",
                "-p",
                "strata-core",
                "-p",
                "strata-ui",
                "-p",
                "strata-web",
                "-p",
                "strata-kiosk",
                "-p",
                "strata-studio",
                "-p",
                "strata-widget",
            ])
            .args(targets)
            .args(["--features", "strata-core/wasm", "--target", WASM_TARGET])
            .args(deny_warnings),
        )
    })?;
    steps.run("native tests (unit, integration, doc)", || {
        // Not --all-targets: that would also run the divan benches.
        proc::run(&mut cargo(&[
            "test",
            "--workspace",
            "--lib",
            "--bins",
            "--tests",
        ]))?;
        proc::run(&mut cargo(&["test", "--workspace", "--doc"]))
    })?;
    steps.run(
        "wasm tests (wasm-bindgen-test-runner, headless Chromium)",
        || {
            proc::run(&mut wasm_test(cargo(&[
                "test",
                "-p",
                "strata-core",
                "--features",
                "wasm",
            ])))?;
            proc::run(&mut wasm_test(cargo(&["test", "-p", "strata-web"])))?;
            proc::run(&mut wasm_test(cargo(&["test", "-p", "strata-studio"])))
        },
    )?;
    if quick {
        return Ok(());
    }
    steps.run("fuzzing (cargo fuzz, 25 s per target)", || {
        // Long enough to replay the seeds and catch a regression in the paths they reach;
        // the long campaigns are run by hand (`cargo xtask fuzz --seconds N`).
        fuzz::run(tools, &fuzz::Options::all(FUZZ_SECONDS))
    })?;
    steps.run(
        "engine package + TypeScript declarations (tsc --strict)",
        || {
            crate::engine::package(tools, &tools.root.join("dist-engine"))?;
            proc::run(
                tools
                    .command("npx")
                    .args(["--no-install", "tsc", "-p", "types/tsconfig.json"])
                    .current_dir(tools.root.join("tests")),
            )
        },
    )?;
    steps.run("release build (trunk build --release)", || {
        crate::build_release(tools)
    })?;
    steps.run("widget bundle (dist-widget/)", || {
        crate::widget::build(tools, &tools.root.join("dist-widget"))
    })?;
    steps.run("end-to-end tests (Playwright, Chromium)", || {
        proc::run(
            tools
                .command("npx")
                // --no-install: never fetch; Playwright comes from tests/package-lock.json.
                .args(["--no-install", "playwright", "test"])
                .current_dir(tools.root.join("tests")),
        )
    })
}

/// Turns `cargo test …` into a wasm32 run under wasm-bindgen-test-runner.
///
/// Cargo runs each test binary in its package directory, which is where the
/// runner (0.2.130) reads `webdriver.json`: Chromium's flags (headless, no
/// sandbox as root, no background networking on a closed network).
fn wasm_test(mut command: Command) -> Command {
    command
        .args(["--target", WASM_TARGET, "--tests"])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        // Browser mode for every test binary, even one without
        // `wasm_bindgen_test_configure!(run_in_browser)`, which would run in Node.
        .env("WASM_BINDGEN_USE_BROWSER", "1")
        .env("CHROMEDRIVER", CHROMEDRIVER)
        // Chromium's first start on two busy cores can be slow.
        .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "30")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    command
}
