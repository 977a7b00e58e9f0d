//! `cargo xtask bench`: numbers, never pass or fail on speed.
//!
//! Three parts, each runnable alone: `peers` (Strata's engine package beside json-rules-engine,
//! the ZEN engine and plain JS in one Node process, `tests/bench/peers/`), `cli` (the `strata`
//! binary over a generated 1,000,000-profile file, JSONL and CSV, wall and CPU time, peak
//! memory) and `engine` (the divan benchmarks of strata-core).

use std::fs;

use crate::Result;
use crate::proc::{self, Tools};

/// The parts `cargo xtask bench` runs, in order, when none is named.
const PARTS: [&str; 2] = ["peers", "engine"];

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
    crate::install::all(tools, crate::install::Options { chromium: false })?;
    peer_packages(tools)?;
    let out = tools.target_dir().join("bench-engine");
    crate::engine::build(tools, "web", &out)?;
    proc::run(
        tools
            .command("node")
            .arg(tools.root.join(PEERS_DIR).join("peers.mjs"))
            .arg(&out),
    )
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
