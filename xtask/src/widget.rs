//! `cargo xtask widget`: the embeddable widget bundle in `dist-widget/`.
//!
//! cargo (release, wasm32) → wasm-bindgen `--target web` → wasm-opt -Oz (binaryen 132, with
//! the wasm features index.html gives Trunk), plus the hand-written loader, stylesheet,
//! TypeScript declarations and README from `widget/`. The host page loads only
//! `strata-widget.js`; it fetches the glue and the wasm on the first mount.

use std::fs;
use std::path::Path;

use crate::Result;
use crate::proc::{self, Tools};

/// What wasm-bindgen names the glue (`strata-widget-wasm.js`) and the wasm
/// (`strata-widget-wasm_bg.wasm`); the loader imports the glue by this name.
pub const GLUE: &str = "strata-widget-wasm";

/// Hand-written files copied as they are (`README.md` documents the API).
const COPIED: [&str; 4] = [
    "strata-widget.js",
    "strata-widget.css",
    "strata-widget.d.ts",
    "README.md",
];

/// The wasm32 features rustc enables, as index.html passes them to Trunk's wasm-opt: the
/// release profile strips the wasm's `target_features` section, so wasm-opt is told.
pub const WASM_FEATURES: [&str; 8] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-call-indirect-overlong",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];

/// Builds the widget bundle into `out` (emptied first).
pub fn build(tools: &Tools, out: &Path) -> Result {
    proc::run(tools.cargo().args([
        "build",
        "-p",
        "strata-widget",
        "--release",
        "--lib",
        "--target",
        crate::install::WASM_TARGET,
    ]))?;
    if out.exists() {
        fs::remove_dir_all(out)
            .map_err(|error| format!("cannot empty {}: {error}", out.display()))?;
    }
    let wasm =
        crate::engine::target_dir(tools).join("wasm32-unknown-unknown/release/strata_widget.wasm");
    proc::run(
        tools
            .command("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                GLUE,
                "--out-dir",
            ])
            .arg(out)
            .arg(&wasm),
    )?;
    let bg = out.join(format!("{GLUE}_bg.wasm"));
    proc::run(
        tools
            .command("wasm-opt")
            .arg("-Oz")
            .args(WASM_FEATURES)
            .arg("-o")
            .arg(&bg)
            .arg(&bg),
    )?;
    let src = tools.root.join("widget");
    for name in COPIED {
        fs::copy(src.join(name), out.join(name))
            .map_err(|error| format!("cannot copy widget/{name} to {}: {error}", out.display()))?;
    }
    Ok(())
}
