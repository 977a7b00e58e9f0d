//! The engine alone as a JS package (strata-core with `--features wasm`, no UI), and its
//! benchmark in V8.
//!
//! [`package`] makes `dist-engine/` an npm package, `@strata/engine`: wasm-bindgen's glue,
//! wasm and TypeScript declarations, plus a `package.json` and a README.

use std::fs;
use std::path::Path;

use crate::Result;
use crate::proc::{self, Tools};
use crate::setup::WASM_TARGET;

/// Builds the engine package for `target` (`web` or `nodejs`) into `out`.
///
/// Built for speed (opt-level 3, `wasm-opt -O3`): the package serves product teams'
/// servers and batch jobs as well as pages, and the speed build evaluates 1.3-1.6 times
/// faster for about 64 KB more gzip (README, "Speed and size").
pub fn build(tools: &Tools, target: &str, out: &Path) -> Result {
    // Snippets are named by a hash of the crate: an earlier build's would linger.
    let snippets = out.join("snippets");
    if snippets.exists() {
        fs::remove_dir_all(&snippets)
            .map_err(|error| format!("cannot remove {}: {error}", snippets.display()))?;
    }
    wasm_package(
        tools,
        &["-p", "strata-core", "--features", "wasm"],
        "strata_core",
        &["--target", target],
        out,
        Build::Speed,
    )
}

/// What a wasm build is optimised for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// Smallest download: the customer's app and the widget.
    Size,
    /// Fastest evaluation: the engine package.
    Speed,
}

/// wasm-opt's flags after `-Oz` for every release wasm; Trunk takes the same from the pages'
/// `data-wasm-opt-params` (a test keeps them equal). No feature list: wasm-opt reads the
/// features rustc enabled from the wasm's own `target_features` section (the release
/// profile strips debug info only), then drops that section and `producers`, which no
/// browser reads.
pub const WASM_OPT_PARAMS: [&str; 2] = ["--strip-target-features", "--strip-producers"];

/// cargo (release, wasm32, `--lib` of the package in `cargo_args`) → wasm-bindgen
/// (`bindgen_args`, into `out`) → wasm-opt: `-Oz` for [`Build::Size`], the same size
/// optimisation the app gets from Trunk, or `-O3` for [`Build::Speed`]. `lib` is the crate's library name (`strata_core`); the optimised wasm is the one
/// wasm-bindgen wrote (named after `--out-name` when `bindgen_args` gives one).
pub fn wasm_package(
    tools: &Tools,
    cargo_args: &[&str],
    lib: &str,
    bindgen_args: &[&str],
    out: &Path,
    build: Build,
) -> Result {
    let mut cargo = tools.cargo();
    let (dir, opt) = match build {
        Build::Size => {
            tools.small_std(&mut cargo);
            (tools.wasm_release_dir(), "-Oz")
        }
        Build::Speed => {
            tools.fast_std(&mut cargo);
            (tools.wasm_speed_dir(), "-O3")
        }
    };
    proc::run(
        cargo
            .args(["build", "--release", "--lib", "--target", WASM_TARGET])
            .args(cargo_args),
    )?;
    let wasm = dir.join(format!("{WASM_TARGET}/release/{lib}.wasm"));
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
            .arg(opt)
            .args(WASM_OPT_PARAMS)
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
    let snippets = snippets(out)?;
    let manifest = out.join("package.json");
    fs::write(
        &manifest,
        package_json(env!("CARGO_PKG_VERSION"), &snippets),
    )
    .map_err(|error| format!("cannot write {}: {error}", manifest.display()))?;
    match FILES.iter().find(|name| !out.join(name).is_file()) {
        Some(missing) => Err(format!("the engine package lacks {missing}")),
        None => Ok(()),
    }
}

/// The JS snippets wasm-bindgen wrote beside the glue (`snippets/<crate>-<hash>/inline0.js`,
/// from `inline_js`; the glue imports them), as paths relative to `out`, sorted.
fn snippets(out: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let dir = out.join("snippets");
    let Ok(crates) = fs::read_dir(&dir) else {
        return Ok(found);
    };
    for entry in crates {
        let entry = entry.map_err(|error| format!("cannot list {}: {error}", dir.display()))?;
        let files = fs::read_dir(entry.path())
            .map_err(|error| format!("cannot list {}: {error}", entry.path().display()))?;
        for file in files {
            let file = file.map_err(|error| format!("cannot list {}: {error}", dir.display()))?;
            found.push(format!(
                "snippets/{}/{}",
                entry.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            ));
        }
    }
    found.sort();
    Ok(found)
}

/// The package's README (usage, API, errors), written next to the code.
const README: &str = include_str!("../templates/engine-README.md");

/// `package.json`: an ES module with its declarations; the wasm is fetched next to the glue,
/// which imports the `snippets` (listed one by one, each a file to publish).
fn package_json(version: &str, snippets: &[String]) -> String {
    let files = FILES
        .iter()
        .copied()
        .chain(snippets.iter().map(String::as_str))
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
        let json = package_json(
            "1.2.3",
            &["snippets/strata-core-0123/inline0.js".to_owned()],
        );
        for field in [
            r#""name": "@strata/engine""#,
            r#""version": "1.2.3""#,
            r#""type": "module""#,
            r#""main": "strata_core.js""#,
            r#""types": "strata_core.d.ts""#,
            r#""strata_core_bg.wasm""#,
            r#""snippets/strata-core-0123/inline0.js""#,
        ] {
            assert!(json.contains(field), "{field} missing from {json}");
        }
        // Balanced braces and brackets: a cheap well-formedness check without a JSON parser.
        let count = |c: char| json.matches(c).count();
        assert_eq!(count('{'), count('}'));
        assert_eq!(count('['), count(']'));
    }

    /// Each page Trunk builds (a root `*.html` with a `rel="rust"` link) gives wasm-opt the
    /// same flags as [`wasm_package`], and none lists wasm features of its own.
    #[test]
    fn every_page_passes_wasm_opt_the_same_flags() {
        let root = crate::workspace_root();
        let expected = format!("data-wasm-opt-params=\"{}\"", WASM_OPT_PARAMS.join(" "));
        let mut pages = 0;
        for entry in fs::read_dir(&root).expect("the workspace root is readable") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_none_or(|ext| ext != "html") {
                continue;
            }
            let html = fs::read_to_string(&path).expect("a page is readable");
            if !html.contains("rel=\"rust\"") {
                continue;
            }
            pages += 1;
            let name = path.display();
            assert!(html.contains(&expected), "{name} lacks `{expected}`");
            assert!(
                html.contains("data-wasm-opt=\"z\""),
                "{name}: not -Oz as wasm_package"
            );
            assert!(!html.contains("--enable-"), "{name} lists wasm features");
            // The tests' profiles are served by tests/serve.mjs, never copied into a build.
            assert!(
                !html.contains("test-data"),
                "{name} copies test data into dist/"
            );
        }
        assert!(
            pages >= 2,
            "expected the app's and the kiosk's pages, found {pages}"
        );
    }

    /// wasm-opt reads the wasm features from the `target_features` section, which the
    /// release profile must keep: `strip = true` (or `"symbols"`) would drop it.
    #[test]
    fn the_release_profile_keeps_the_target_features_section() {
        let manifest = fs::read_to_string(crate::workspace_root().join("Cargo.toml"))
            .expect("Cargo.toml is readable");
        let release = manifest
            .split("[profile.release]")
            .nth(1)
            .and_then(|rest| rest.split("\n[").next())
            .expect("Cargo.toml has [profile.release]");
        assert!(
            release.contains("strip = \"debuginfo\""),
            "[profile.release] must strip debug info only: {release}"
        );
    }

    #[test]
    fn the_readme_shows_typescript_use() {
        assert!(README.contains(PACKAGE));
        assert!(README.contains("```ts"));
    }
}
