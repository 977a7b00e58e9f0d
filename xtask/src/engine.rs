//! The engine alone as a JS package (strata-core with `--features wasm`, no UI), and its
//! benchmark in V8.

use std::path::{Path, PathBuf};

use crate::Result;
use crate::proc::{self, Tools};

/// Builds the engine package for `target` (`web` or `nodejs`) into `out`.
pub fn build(tools: &Tools, target: &str, out: &Path) -> Result {
    proc::run(tools.cargo().args([
        "build",
        "-p",
        "strata-core",
        "--release",
        "--lib",
        "--features",
        "wasm",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let wasm = target_dir(tools).join("wasm32-unknown-unknown/release/strata_core.wasm");
    proc::run(
        tools
            .command("wasm-bindgen")
            .args(["--target", target, "--out-dir"])
            .arg(out)
            .arg(&wasm),
    )?;
    let bg = out.join("strata_core_bg.wasm");
    // The same size optimisation the app gets from Trunk.
    proc::run(
        tools
            .command("wasm-opt")
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-reference-types",
                "--enable-multivalue",
                "--enable-mutable-globals",
                "-o",
            ])
            .arg(&bg)
            .arg(&bg),
    )
}

fn target_dir(tools: &Tools) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| tools.root.join("target"), PathBuf::from)
}

/// Times the engine through its JS API in Node's V8 (the engine Chromium runs).
pub fn bench(tools: &Tools) -> Result {
    let out = target_dir(tools).join("strata-engine-node");
    build(tools, "nodejs", &out)?;
    proc::run(
        tools
            .command("node")
            .arg(tools.root.join("tests/bench/engine.mjs"))
            .arg(&out),
    )
}
