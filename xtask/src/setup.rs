//! `cargo xtask setup`: brings the machine up to the project's pinned tools. `serve` and
//! `test` run it first; every other command only checks ([`Mode::Check`]) and names what
//! is missing, so installing stays in one command.
//!
//! Idempotent and quick when everything is there: each step probes first and
//! installs only what is missing or at the wrong version, printing one line.
//! Quick steps run before the slow `cargo install`s so that a missing Node or
//! browser fails in seconds, not after an eight-minute compile.

use std::fs;
use std::path::Path;

use crate::Result;
use crate::proc::{self, Tools};

/// Trunk 0.21.14 is the last release that builds with our rustc (0.22 needs a newer one).
pub const TRUNK: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate pinned in Cargo.toml (and Trunk.toml's
/// `wasm_bindgen`): the CLI and the crate must agree exactly.
pub const WASM_BINDGEN: &str = "0.2.130";
/// cargo-fuzz for `cargo xtask fuzz`; 0.13.2 builds with our rustc (`--locked`).
pub const CARGO_FUZZ: &str = "0.13.2";
/// Playwright 1.65 needs Node 20 or newer.
const NODE_MIN_MAJOR: u32 = 20;
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's browser and its driver, used by Playwright and wasm-bindgen-test-runner.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Written into `node_modules` after a successful `npm ci`: a copy of the
/// lockfile it installed, so a changed lockfile triggers a fresh install.
const LOCK_STAMP: &str = "node_modules/.strata-lock-stamp";

/// What a missing or outdated tool leads to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Install it (`cargo xtask setup`, and `serve` and `test` before they start).
    Install,
    /// Fail, naming it and `cargo xtask setup` (every other command).
    Check,
}

/// What to set up besides the tools every build needs (wasm32 target, rust-src, Node and
/// its packages, trunk, wasm-bindgen).
#[derive(Clone, Copy, Default)]
pub struct Options {
    /// Debian's chromium and chromium-driver and a CJK font (`test`, `perf`).
    pub chromium: bool,
    /// cargo-fuzz (`test`, `fuzz`).
    pub fuzz: bool,
}

impl Options {
    /// Everything `cargo xtask test` needs.
    pub const TEST: Self = Self {
        chromium: true,
        fuzz: true,
    };
}

/// Installs (or checks) everything, cheapest checks first.
pub fn all(tools: &Tools, options: Options, mode: Mode) -> Result {
    wasm_target(tools, mode)?;
    rust_src(tools, mode)?;
    node(tools, mode)?;
    node_packages(tools, mode)?;
    if options.chromium {
        chromium(tools, mode)?;
    }
    trunk(tools, mode)?;
    wasm_bindgen(tools, mode)?;
    if options.fuzz {
        cargo_fuzz(tools, mode)?;
    }
    Ok(())
}

/// In [`Mode::Check`], the error for a missing `what`; in [`Mode::Install`], nothing, and
/// the caller goes on to install it.
fn missing(mode: Mode, what: &str) -> Result {
    match mode {
        Mode::Install => Ok(()),
        Mode::Check => Err(format!(
            "{what} is missing or not the pinned version: run `cargo xtask setup` \
             (`setup --test` also installs Chromium and cargo-fuzz)"
        )),
    }
}

/// Downloads every crate in Cargo.lock, for all targets, so that Trunk's
/// `cargo build --offline` finds the wasm32-only ones on a fresh machine.
/// Instant when they are all cached.
pub fn fetch_crates(tools: &Tools) -> Result {
    proc::run(tools.cargo().args(["fetch", "--quiet"]))?;
    // And the standard library's own dependencies, which release wasm builds compile
    // (see `Tools::small_std`); its manifest uses unstable Cargo features.
    let sysroot = proc::capture(tools.command("rustc").args(["--print", "sysroot"]))?;
    let library = std::path::Path::new(String::from_utf8_lossy(&sysroot).trim())
        .join("lib/rustlib/src/rust/library/Cargo.toml");
    proc::run(
        tools
            .cargo()
            .env("RUSTC_BOOTSTRAP", "1")
            .args(["fetch", "--quiet", "--manifest-path"])
            .arg(library),
    )
}

fn wasm_target(tools: &Tools, mode: Mode) -> Result {
    rustup_has(tools, mode, "target", WASM_TARGET, "the wasm32 target")
}

/// The standard library's source, which release wasm builds compile for size
/// (see `Tools::small_std`).
fn rust_src(tools: &Tools, mode: Mode) -> Result {
    rustup_has(tools, mode, "component", "rust-src", "rust-src")
}

/// Adds rustup's `kind` (`target` or `component`) `name` unless it is installed.
fn rustup_has(tools: &Tools, mode: Mode, kind: &str, name: &str, what: &str) -> Result {
    let installed = proc::capture(tools.command("rustup").args([kind, "list", "--installed"]))
        .map_err(|error| format!("{error}\n  ({what} is managed with rustup)"))?;
    if String::from_utf8_lossy(&installed)
        .lines()
        .any(|line| line.trim() == name)
    {
        println!("✓ {name}");
        return Ok(());
    }
    missing(mode, what)?;
    println!("installing {what} …");
    proc::run(tools.command("rustup").args([kind, "add", name]))
}

fn node(tools: &Tools, mode: Mode) -> Result {
    let probe_node = || proc::probe(tools.command("node").arg("--version"));
    let probe_npm = || proc::probe(tools.command("npm").arg("--version"));
    if probe_node().is_none() || probe_npm().is_none() {
        missing(mode, "Node.js or npm")?;
        apt_install(tools, &["nodejs", "npm"], "Node.js and npm")?;
    }
    let version = probe_node().ok_or("`node --version` failed after installing nodejs")?;
    let version = version.trim();
    let npm = probe_npm().ok_or("`npm --version` failed after installing npm")?;
    match node_major(version) {
        Some(major) if major >= NODE_MIN_MAJOR => {
            println!("✓ node {version}, npm {}", npm.trim());
            Ok(())
        }
        _ => Err(format!(
            "node {version} is too old: Playwright needs Node {NODE_MIN_MAJOR} or newer \
             (Debian 12's own nodejs is 18; install Node {NODE_MIN_MAJOR}+ and rerun)"
        )),
    }
}

/// `v20.20.2` → 20.
fn node_major(version: &str) -> Option<u32> {
    version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()?
        .parse()
        .ok()
}

/// `npm ci` in tests/ when `node_modules` is missing or the lockfile changed
/// since the last install; it brings Playwright and binaryen (wasm-opt 132).
fn node_packages(tools: &Tools, mode: Mode) -> Result {
    let dir = tools.root.join("tests");
    let lockfile = dir.join("package-lock.json");
    let lock = fs::read(&lockfile)
        .map_err(|error| format!("cannot read {}: {error}", lockfile.display()))?;
    let stamp = dir.join(LOCK_STAMP);
    let wasm_opt = dir.join("node_modules/binaryen/bin/wasm-opt");
    if fs::read(&stamp).is_ok_and(|installed| installed == lock) && wasm_opt.is_file() {
        println!("✓ Node packages (tests/package-lock.json)");
        return Ok(());
    }
    missing(mode, "the Node packages of tests/package-lock.json")?;
    println!("installing Node packages (npm ci in tests/) …");
    proc::run(
        tools
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            // Playwright must never fetch a browser: we use Debian's Chromium.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    if !wasm_opt.is_file() {
        return Err(format!(
            "npm ci did not install {}; is binaryen still in tests/package.json?",
            wasm_opt.display()
        ));
    }
    fs::write(&stamp, lock).map_err(|error| format!("cannot write {}: {error}", stamp.display()))
}

fn chromium(tools: &Tools, mode: Mode) -> Result {
    if !(Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file()) {
        missing(mode, "Chromium or ChromeDriver")?;
        apt_install(
            tools,
            &["chromium", "chromium-driver"],
            "Chromium and ChromeDriver",
        )?;
    }
    let browser = proc::probe(tools.command(CHROMIUM).arg("--version")).unwrap_or_default();
    let driver = proc::probe(tools.command(CHROMEDRIVER).arg("--version")).unwrap_or_default();
    // "Chromium 156.0.8078.73 built on Debian …" / "ChromeDriver 156.0.8078.73 (…)"
    let version_of = |text: &str| text.split_whitespace().nth(1).unwrap_or("?").to_owned();
    let (browser, driver) = (version_of(&browser), version_of(&driver));
    let major = |version: &str| version.split('.').next().unwrap_or("").to_owned();
    if major(&browser) != major(&driver) {
        // A driver must match its browser's major version, or sessions fail to start.
        return Err(format!(
            "chromium {browser} and chromedriver {driver} differ; \
             run `apt-get install -y chromium chromium-driver` to bring them level"
        ));
    }
    println!("✓ chromium {browser}, chromedriver {driver}");
    // Screenshots of the zh-CN screens need a CJK font; a bare machine has none.
    if !Path::new(CJK_FONT).is_file() {
        missing(mode, "a CJK font (fonts-wqy-zenhei)")?;
        apt_install(
            tools,
            &["fonts-wqy-zenhei"],
            "a CJK font for zh-CN screenshots",
        )?;
    }
    println!("✓ CJK font (fonts-wqy-zenhei)");
    Ok(())
}

/// The font file fonts-wqy-zenhei installs.
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

fn trunk(tools: &Tools, mode: Mode) -> Result {
    let version = proc::probe(tools.trunk().arg("--version"));
    if version
        .as_deref()
        .is_some_and(|text| has_version(text, TRUNK))
    {
        println!("✓ trunk {TRUNK}");
        return Ok(());
    }
    missing(mode, &format!("trunk {TRUNK}"))?;
    println!("installing trunk {TRUNK} (cargo install, several minutes) …");
    // --locked: trunk's own lockfile is what builds with our rustc.
    proc::run(
        tools
            .cargo()
            .args(["install", "--locked", &format!("trunk@{TRUNK}")]),
    )
}

fn wasm_bindgen(tools: &Tools, mode: Mode) -> Result {
    // The runner comes with the CLI; check both so a half-install is redone.
    let ok = |program: &str| {
        proc::probe(tools.command(program).arg("--version"))
            .is_some_and(|text| has_version(&text, WASM_BINDGEN))
    };
    if ok("wasm-bindgen") && ok("wasm-bindgen-test-runner") {
        println!("✓ wasm-bindgen {WASM_BINDGEN} (and wasm-bindgen-test-runner)");
        return Ok(());
    }
    missing(mode, &format!("wasm-bindgen-cli {WASM_BINDGEN}"))?;
    println!("installing wasm-bindgen-cli {WASM_BINDGEN} (cargo install, a few minutes) …");
    // Not --locked: a crate in its lockfile is missing from our registry mirror.
    proc::run(
        tools
            .cargo()
            .args(["install", &format!("wasm-bindgen-cli@{WASM_BINDGEN}")]),
    )
}

/// cargo-fuzz, for `cargo xtask fuzz` and `test` only: the other commands never need it.
pub fn cargo_fuzz(tools: &Tools, mode: Mode) -> Result {
    let version = proc::probe(tools.cargo().args(["fuzz", "--version"]));
    if version
        .as_deref()
        .is_some_and(|text| has_version(text, CARGO_FUZZ))
    {
        println!("✓ cargo-fuzz {CARGO_FUZZ}");
        return Ok(());
    }
    missing(mode, &format!("cargo-fuzz {CARGO_FUZZ}"))?;
    println!("installing cargo-fuzz {CARGO_FUZZ} (cargo install, about two minutes) …");
    proc::run(
        tools
            .cargo()
            .args(["install", "--locked", &format!("cargo-fuzz@{CARGO_FUZZ}")]),
    )
}

/// Whether `--version` output names exactly `version` ("trunk 0.21.14").
fn has_version(output: &str, version: &str) -> bool {
    output
        .split_whitespace()
        .any(|word| word.trim_start_matches('v') == version)
}

/// Installs Debian packages when we are root; otherwise says what to run.
fn apt_install(tools: &Tools, packages: &[&str], what: &str) -> Result {
    let list = packages.join(" ");
    let is_root = proc::probe(tools.command("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err(format!(
            "{what} missing; install them as root: `apt-get update && apt-get install -y {list}`"
        ));
    }
    println!("installing {list} (apt-get) …");
    proc::run(tools.command("apt-get").arg("update"))?;
    proc::run(
        tools
            .command("apt-get")
            .args(["install", "-y"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_match_whole_words_only() {
        assert!(has_version("trunk 0.21.14\n", "0.21.14"));
        assert!(has_version("wasm-bindgen 0.2.130", "0.2.130"));
        assert!(!has_version("wasm-bindgen 0.2.1300", "0.2.130"));
        assert!(!has_version("trunk 0.21.1", "0.21.14"));
    }

    #[test]
    fn node_major_parses() {
        assert_eq!(node_major("v20.20.2\n"), Some(20));
        assert_eq!(node_major("18.19.0"), Some(18));
        assert_eq!(node_major("garbage"), None);
    }

    /// The pinned CLI must match the crate in Cargo.lock and Trunk.toml's pin.
    #[test]
    fn wasm_bindgen_pins_agree() {
        let root = crate::workspace_root();
        let lock = fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock is readable");
        let locked = lock
            .split("[[package]]")
            .find(|package| package.contains("\nname = \"wasm-bindgen\"\n"))
            .expect("Cargo.lock has wasm-bindgen");
        assert!(
            locked.contains(&format!("\nversion = \"{WASM_BINDGEN}\"\n")),
            "Cargo.lock's wasm-bindgen differs from xtask's {WASM_BINDGEN}"
        );
        let trunk_toml =
            fs::read_to_string(root.join("Trunk.toml")).expect("Trunk.toml is readable");
        assert!(
            trunk_toml.contains(&format!("wasm_bindgen = \"{WASM_BINDGEN}\"")),
            "Trunk.toml's wasm_bindgen differs from xtask's {WASM_BINDGEN}"
        );
    }
}
