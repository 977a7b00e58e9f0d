//! `cargo xtask`: Strata's task runner. Each command runs the project's tools in order;
//! the tools themselves are installed by one command, `setup`.
//!
//! ```text
//! cargo xtask setup [--test]          pinned tools (below); --test adds Chromium and cargo-fuzz
//! cargo xtask serve [--port N] [--kiosk]  setup, then the dev server for the app or the kiosk
//! cargo xtask test [--quick]         setup --test, then everything CI checks, in order
//! cargo xtask build                  release build of the app into dist/, the kiosk into dist/kiosk/
//! cargo xtask studio                 release build of the studio alone into dist/studio/
//! cargo xtask size                   release build, then raw and gzip sizes of dist/,
//!                                    the engine package and the widget bundle
//! cargo xtask perf                   release build, then the tier card's first render (4× CPU)
//! cargo xtask bench [PART...] [-- ARGS]  peers (Strata beside json-rules-engine, ZEN, plain JS),
//!                                    cli (1M profiles through `strata`), engine (divan)
//! cargo xtask bench-wasm             the engine through its JS API in V8 (Node)
//! cargo xtask engine                 the engine alone as a JS package in dist-engine/
//! cargo xtask widget                 the embeddable widget bundle in dist-widget/
//! cargo xtask fuzz [--seconds N] [TARGET...]  cargo-fuzz targets in fuzz/, N s each (30)
//! ```
//!
//! `serve` and `test` run `setup` first, so those two commands do everything on a fresh
//! machine; the others check the tools they need and name what `setup` would install.
//!
//! What xtask depends on:
//! - crates: `sha2` and `base64` (CSP and SRI hashes, harden.rs), `zopfli` and `brotli`
//!   (the served `.gz` and `.br` files, precompress.rs); nothing else, so it builds in seconds;
//! - found on the machine: rustup with a stable Rust of at least the workspace's
//!   `rust-version`, Node.js 20+ with npm, `gzip` (size); as root, `setup` installs
//!   Node.js, npm, Chromium, its driver and a CJK font with `apt-get` when missing;
//! - installed by `setup` (setup.rs pins each version): the wasm32 target and rust-src
//!   (release wasm builds compile std, with `RUSTC_BOOTSTRAP=1`: proc.rs), trunk 0.21.14,
//!   wasm-bindgen-cli 0.2.130 (as Cargo.lock's crate), `tests/package-lock.json`'s packages
//!   (Playwright, TypeScript, binaryen's wasm-opt 132); with `--test`, Debian's Chromium
//!   and its driver at /usr/bin, fonts-wqy-zenhei, cargo-fuzz 0.13.2;
//! - files it reads: `Trunk.toml`, the pages `index.html` and `kiosk.html`, `web/kiosk-sw.js`,
//!   `widget/`'s loader, stylesheet, declarations and README, `xtask/templates/`,
//!   `tests/` (Playwright, the perf and bench scripts, tsconfig) and `fuzz/`.
//!
//! Errors are reported as one clear line, with exit code 1.

mod bench;
mod check;
mod engine;
mod fuzz;
mod harden;
mod kiosk;
mod perf;
mod precompress;
mod proc;
mod setup;
mod size;
mod widget;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use proc::Tools;
use setup::{Mode, Options};

/// Errors are plain messages: they are shown to a person, never matched on.
pub type Result<T = (), E = String> = std::result::Result<T, E>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup [--test]        install the pinned tools (wasm32 target, rust-src, trunk 0.21.14,
                        wasm-bindgen 0.2.130, Node packages in tests/ with wasm-opt);
                        --test also Debian's chromium, chromium-driver, a CJK font and
                        cargo-fuzz 0.13.2 (for test, perf and fuzz)
  serve [--port N] [--kiosk]
                        setup, then serve the app (or the kiosk) with live reload on
                        127.0.0.1 (port 8080)
  test [--quick]        setup --test, then fmt, clippy (host + wasm32), native tests, wasm
                        tests in headless Chromium, fuzzing (25 s per target), release
                        build, end-to-end tests; --quick stops before the fuzzing
  build                 release build: the app into dist/, the kiosk into dist/kiosk/,
                        the studio into dist/studio/
  studio                release build of the studio alone into dist/studio/
  size                  release build, then raw and gzip sizes of dist/, of the
                        engine package and of the widget bundle
  perf                  release build, then the tier card's first render in
                        Chromium at 360x640 with 4x CPU throttling (5 runs, median)
  bench [PART...] [-- ARGS]
                        benchmarks that print numbers (all parts when none named):
                        peers   the engine package beside json-rules-engine, GoRules
                                ZEN and plain JS on the seed ladder (Node)
                        cli     the strata CLI over 1,000,000 generated profiles
                                (JSONL and CSV): wall and CPU rates, peak memory
                        engine  cargo bench -p strata-core --bench '*' [-- ARGS]
  bench-wasm            the engine through its JS API in V8 (Node), µs per profile
  engine                the engine alone (no UI) as a JS package in dist-engine/
  widget                the embeddable widget (loader, wasm, CSS) in dist-widget/
  fuzz [--seconds N] [TARGET...]
                        coverage-guided fuzzing (cargo-fuzz 0.13.2, libFuzzer) of the
                        engine, each target N seconds (default 30), one after another:
                        profile, ruleset, catalog, evaluate, json_diff (default: all);
                        fails naming every crashing input in fuzz/artifacts/

Only setup installs; serve and test run it first, every other command checks
that what it needs is there.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result {
    let Some((command, rest)) = args.split_first() else {
        print!("{USAGE}");
        return Err("no command given".into());
    };
    let tools = Tools::new(workspace_root());
    // Every command but setup, serve and test only checks for its tools.
    let check = |options| setup::all(&tools, options, Mode::Check);
    match command.as_str() {
        "setup" => {
            let test = parse_flags(rest, &["--test"])?.contains(&"--test");
            let options = if test {
                Options::TEST
            } else {
                Options::default()
            };
            setup::all(&tools, options, Mode::Install)
        }
        "serve" => {
            // `--kiosk` serves the branch kiosk (kiosk.html) instead of the app.
            let kiosk = rest.iter().any(|a| a == "--kiosk");
            let rest: Vec<String> = rest.iter().filter(|a| *a != "--kiosk").cloned().collect();
            serve(&tools, parse_port(&rest)?, kiosk)
        }
        "build" => {
            parse_flags(rest, &[])?;
            check(Options::default())?;
            build_release(&tools)
        }
        "test" => {
            let quick = parse_flags(rest, &["--quick"])?.contains(&"--quick");
            check::all(&tools, quick)
        }
        "size" => {
            parse_flags(rest, &[])?;
            check(Options::default())?;
            build_release(&tools)?;
            size::report(&tools.root.join("dist"))?;
            let (engine, widget) = (
                tools.root.join("dist-engine"),
                tools.root.join("dist-widget"),
            );
            engine::package(&tools, &engine)?;
            widget::build(&tools, &widget)?;
            let kiosk = tools.root.join("dist/kiosk");
            let studio = tools.root.join("dist/studio");
            size::packages(&[
                ("branch kiosk (dist/kiosk/: its own build)", &kiosk),
                (
                    "studio (dist/studio/: its own build, no transfer budget)",
                    &studio,
                ),
                ("engine package (dist-engine/: glue + wasm)", &engine),
                (
                    "widget bundle (dist-widget/: loader + glue + wasm + css)",
                    &widget,
                ),
            ])
        }
        "perf" => {
            parse_flags(rest, &[])?;
            check(Options {
                chromium: true,
                fuzz: false,
            })?;
            build_release(&tools)?;
            perf::first_render(&tools)?;
            perf::studio(&tools)
        }
        "studio" => {
            parse_flags(rest, &[])?;
            check(Options::default())?;
            setup::fetch_crates(&tools)?;
            build_studio(&tools)?;
            size::report(&tools.root.join("dist/studio"))
        }
        "bench" => bench::run(&tools, rest),
        "bench-wasm" => {
            parse_flags(rest, &[])?;
            check(Options::default())?;
            engine::bench(&tools)
        }
        "engine" => {
            parse_flags(rest, &[])?;
            check(Options::default())?;
            let out = tools.root.join("dist-engine");
            engine::package(&tools, &out)?;
            size::report(&out)
        }
        "widget" => {
            parse_flags(rest, &[])?;
            check(Options::default())?;
            let out = tools.root.join("dist-widget");
            widget::build(&tools, &out)?;
            size::report(&out)
        }
        "fuzz" => fuzz::run(&tools, &fuzz::parse_args(rest)?),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            print!("{USAGE}");
            Err(format!("unknown command `{other}`"))
        }
    }
}

/// The workspace root: xtask always lives one level below it, so this holds
/// wherever the repository is cloned (CI clones it into another folder).
fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .expect("xtask's manifest directory has a parent")
        .to_path_buf()
}

/// Accepts only the given flags, so a typo fails loudly instead of being ignored.
fn parse_flags<'a>(args: &[String], allowed: &[&'a str]) -> Result<Vec<&'a str>> {
    args.iter()
        .map(|arg| {
            allowed
                .iter()
                .find(|flag| **flag == arg.as_str())
                .copied()
                .ok_or_else(|| format!("unexpected argument `{arg}`; see `cargo xtask help`"))
        })
        .collect()
}

/// `--port N` or `--port=N`; 8080 when absent.
fn parse_port(args: &[String]) -> Result<u16> {
    let mut port = 8080;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let value = if arg == "--port" {
            iter.next()
                .ok_or("`--port` needs a value, e.g. `--port 8081`")?
                .as_str()
        } else if let Some(value) = arg.strip_prefix("--port=") {
            value
        } else {
            return Err(format!(
                "unexpected argument `{arg}`; see `cargo xtask help`"
            ));
        };
        port = value
            .parse()
            .map_err(|_| format!("`--port {value}` is not a port number (1-65535)"))?;
        if port == 0 {
            return Err("`--port 0` is not a usable port".into());
        }
    }
    Ok(port)
}

fn serve(tools: &Tools, port: u16, kiosk: bool) -> Result {
    setup::all(tools, Options::default(), Mode::Install)?;
    setup::fetch_crates(tools)?;
    let port = port.to_string();
    let (what, page) = if kiosk {
        ("the branch kiosk", "kiosk.html")
    } else {
        ("the app", "index.html")
    };
    println!("serving {what} at http://127.0.0.1:{port}/ (Ctrl-C stops)");
    proc::run(tools.trunk().args([
        "serve",
        page,
        "--address",
        "127.0.0.1",
        "--port",
        &port,
        "--offline",
    ]))
}

/// `trunk build --release`: the app into dist/ and the branch kiosk into dist/kiosk/, each
/// then hardened (CSP and SRI). Shared by `build`, `size` and `test`.
pub fn build_release(tools: &Tools) -> Result {
    setup::fetch_crates(tools)?;
    proc::run(
        tools
            .small_std(&mut tools.trunk())
            .args(["build", "--release", "--offline"]),
    )?;
    harden::app(&tools.root.join("dist"), "/")?;
    // The kiosk after the app: Trunk empties the dist folder it builds into.
    proc::run(tools.small_std(&mut tools.trunk()).args([
        "build",
        "kiosk.html",
        "--release",
        "--offline",
        "--dist",
        "dist/kiosk",
        "--public-url",
        "/kiosk/",
    ]))?;
    harden::app(&tools.root.join("dist/kiosk"), "/kiosk/")?;
    kiosk::service_worker(
        &tools.root.join("web/kiosk/kiosk-sw.js"),
        &tools.root.join("dist/kiosk"),
    )?;
    build_studio(tools)?;
    // Last: the .gz files must hold the final bytes (after hardening and the worker).
    precompress::dir(&tools.root.join("dist"))?;
    precompress::dir(&tools.root.join("dist/kiosk"))
}

/// The studio into dist/studio/, hardened and precompressed: a product team's page, never a
/// customer's, so it is built with the ordinary std (for speed, not size).
pub fn build_studio(tools: &Tools) -> Result {
    proc::run(tools.trunk().args([
        "build",
        "studio.html",
        "--release",
        "--offline",
        "--dist",
        "dist/studio",
        "--public-url",
        "/studio/",
    ]))?;
    harden::app(&tools.root.join("dist/studio"), "/studio/")?;
    precompress::dir(&tools.root.join("dist/studio"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn port_defaults_to_8080() {
        assert_eq!(parse_port(&[]), Ok(8080));
    }

    #[test]
    fn port_accepts_both_spellings() {
        assert_eq!(parse_port(&strings(&["--port", "9000"])), Ok(9000));
        assert_eq!(parse_port(&strings(&["--port=9001"])), Ok(9001));
    }

    #[test]
    fn port_rejects_bad_values() {
        assert!(parse_port(&strings(&["--port"])).is_err());
        assert!(parse_port(&strings(&["--port", "http"])).is_err());
        assert!(parse_port(&strings(&["--port", "70000"])).is_err());
        assert!(parse_port(&strings(&["--port", "0"])).is_err());
        assert!(parse_port(&strings(&["--prot", "80"])).is_err());
    }

    #[test]
    fn flags_are_checked() {
        assert_eq!(
            parse_flags(&strings(&["--quick"]), &["--quick"]),
            Ok(vec!["--quick"])
        );
        assert_eq!(parse_flags(&[], &["--quick"]), Ok(vec![]));
        assert!(parse_flags(&strings(&["--quik"]), &["--quick"]).is_err());
    }

    #[test]
    fn root_holds_the_workspace_manifest() {
        assert!(workspace_root().join("Cargo.toml").is_file());
        assert!(workspace_root().join("xtask").is_dir());
    }
}
