//! The engine alone as a JS package (strata-core with `--features wasm`, no UI), and its
//! benchmark in V8.
//!
//! [`package`] makes `dist-engine/` an npm package, `@strata/engine`: wasm-bindgen's glue,
//! wasm and TypeScript declarations, plus a `package.json` and a README.

use std::fs;
use std::path::Path;

use crate::Result;
use crate::setup::WASM_TARGET;
use crate::proc::{self, Tools};

/// Builds the engine package for `target` (`web` or `nodejs`) into `out`.
pub fn build(tools: &Tools, target: &str, out: &Path) -> Result {
    wasm_package(
        tools,
        &["-p", "strata-core", "--features", "wasm"],
        "strata_core",
        &["--target", target],
        out,
    )
}

/// The wasm32 features rustc enables, as index.html passes them to Trunk's wasm-opt: the
/// release profile strips the wasm's `target_features` section, so wasm-opt is told.
const WASM_FEATURES: [&str; 8] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-call-indirect-overlong",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];

/// cargo (release, wasm32, `--lib` of the package in `cargo_args`) → wasm-bindgen
/// (`bindgen_args`, into `out`) → wasm-opt -Oz, the same size optimisation the app gets from
/// Trunk. `lib` is the crate's library name (`strata_core`); the optimised wasm is the one
/// wasm-bindgen wrote (named after `--out-name` when `bindgen_args` gives one).
pub fn wasm_package(
    tools: &Tools,
    cargo_args: &[&str],
    lib: &str,
    bindgen_args: &[&str],
    out: &Path,
) -> Result {
    proc::run(
        tools
            .small_std(&mut tools.cargo())
            .args(["build", "--release", "--lib", "--target", WASM_TARGET])
            .args(cargo_args),
    )?;
    let wasm = tools
        .wasm_release_dir()
        .join(format!("{WASM_TARGET}/release/{lib}.wasm"));
    proc::run(
        tools
            .command("wasm-bindgen")
            .args(bindgen_args)
            .arg("--out-dir")
            .arg(out)
            .arg(&wasm),
    )?;
    let name = bindgen_args
        .iter()
        .position(|a| *a == "--out-name")
        .and_then(|i| bindgen_args.get(i + 1))
        .map_or(lib, |n| n);
    let bg = out.join(format!("{name}_bg.wasm"));
    proc::run(
        tools
            .command("wasm-opt")
            .arg("-Oz")
            .args(WASM_FEATURES)
            .arg("-o")
            .arg(&bg)
            .arg(&bg),
    )
}

/// The package's name on npm.
pub const PACKAGE: &str = "@strata/engine";

/// Files of the package besides `package.json`, each checked to exist after the build.
const FILES: [&str; 5] = [
    "strata_core.js",
    "strata_core.d.ts",
    "strata_core_bg.wasm",
    "strata_core_bg.wasm.d.ts",
    "README.md",
];

/// Builds the engine for browsers and bundlers into `out` and makes it a package.
pub fn package(tools: &Tools, out: &Path) -> Result {
    build(tools, "web", out)?;
    let readme = out.join("README.md");
    fs::write(&readme, README)
        .map_err(|error| format!("cannot write {}: {error}", readme.display()))?;
    let manifest = out.join("package.json");
    fs::write(&manifest, package_json(env!("CARGO_PKG_VERSION")))
        .map_err(|error| format!("cannot write {}: {error}", manifest.display()))?;
    match FILES.iter().find(|name| !out.join(name).is_file()) {
        Some(missing) => Err(format!("the engine package lacks {missing}")),
        None => Ok(()),
    }
}

/// The package's README (usage, API, errors), written next to the code.
const README: &str = include_str!("../templates/engine-README.md");

/// `package.json`: an ES module with its declarations; the wasm is fetched next to the glue.
fn package_json(version: &str) -> String {
    let files = FILES
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        r#"{{
  "name": "{PACKAGE}",
  "version": "{version}",
  "description": "Strata's tiering engine (WebAssembly): a customer's tier, gap, benefits and recommendations, computed on the device.",
  "license": "Apache-2.0",
  "type": "module",
  "main": "strata_core.js",
  "module": "strata_core.js",
  "types": "strata_core.d.ts",
  "exports": {{
    ".": {{
      "types": "./strata_core.d.ts",
      "default": "./strata_core.js"
    }},
    "./strata_core_bg.wasm": "./strata_core_bg.wasm",
    "./package.json": "./package.json"
  }},
  "files": [{files}],
  "sideEffects": false
}}
"#
    )
}

/// Times the engine through its JS API in Node's V8 (the engine Chromium runs).
pub fn bench(tools: &Tools) -> Result {
    let out = tools.target_dir().join("strata-engine-node");
    build(tools, "nodejs", &out)?;
    proc::run(
        tools
            .command("node")
            .arg(tools.root.join("tests/bench/engine.mjs"))
            .arg(&out),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_json_names_the_module_and_its_types() {
        let json = package_json("1.2.3");
        for field in [
            r#""name": "@strata/engine""#,
            r#""version": "1.2.3""#,
            r#""type": "module""#,
            r#""main": "strata_core.js""#,
            r#""types": "strata_core.d.ts""#,
            r#""strata_core_bg.wasm""#,
        ] {
            assert!(json.contains(field), "{field} missing from {json}");
        }
        // Balanced braces and brackets: a cheap well-formedness check without a JSON parser.
        let count = |c: char| json.matches(c).count();
        assert_eq!(count('{'), count('}'));
        assert_eq!(count('['), count(']'));
    }

    #[test]
    fn the_readme_shows_typescript_use() {
        assert!(README.contains(PACKAGE));
        assert!(README.contains("```ts"));
    }
}
