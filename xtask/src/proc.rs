//! Running programs: the search path every tool sees, and helpers that turn
//! a failed or missing program into a clear error message.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Result;

/// Where the project's tools are, and how to start them.
pub struct Tools {
    /// The workspace root; every command runs there unless it says otherwise.
    pub root: PathBuf,
    /// `PATH` for every child: npm's binaryen (wasm-opt 132) first, so Trunk
    /// picks it over Debian's older one, then cargo's bin directory, where
    /// `cargo install` puts trunk and wasm-bindgen even when the caller's
    /// `PATH` lacks it.
    path: OsString,
}

impl Tools {
    pub fn new(root: PathBuf) -> Self {
        let mut dirs = vec![
            root.join("tests/node_modules/binaryen/bin"),
            cargo_bin_dir(),
        ];
        dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
        // A directory in PATH cannot contain ':'; ours come from the filesystem,
        // so fall back to the caller's PATH rather than fail if one ever does.
        let path =
            env::join_paths(&dirs).unwrap_or_else(|_| env::var_os("PATH").unwrap_or_default());
        Self { root, path }
    }

    /// A command for `program`, run at the workspace root with our `PATH`.
    ///
    /// With `PATH` set on the command, std looks `program` up in that `PATH`,
    /// so tools installed in this very run are found.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.current_dir(&self.root).env("PATH", &self.path);
        command
    }

    /// The cargo that runs us (`$CARGO`), so host and toolchain always agree.
    pub fn cargo(&self) -> Command {
        self.command(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
    }

    /// `trunk` with what it needs: our `PATH` (wasm-opt 132) and no version
    /// check, since the network is closed.
    pub fn trunk(&self) -> Command {
        let mut trunk = self.command("trunk");
        trunk.env("TRUNK_SKIP_VERSION_CHECK", "true");
        trunk
    }

    /// Where cargo puts build output (`CARGO_TARGET_DIR` or `target/`).
    pub fn target_dir(&self) -> PathBuf {
        env::var_os("CARGO_TARGET_DIR").map_or_else(|| self.root.join("target"), PathBuf::from)
    }

    /// Where release wasm is built: its own folder, because [`Tools::small_std`]'s
    /// settings would otherwise rebuild the host's artifacts back and forth.
    pub fn wasm_release_dir(&self) -> PathBuf {
        self.target_dir().join("wasm-release")
    }

    /// Makes `command` (a cargo or Trunk release build for wasm32) build Rust's
    /// standard library from source for size (rust-src, `optimize_for_size`) and
    /// turn panics into an immediate trap, so no panic message or formatting code
    /// is linked: about 34 KB gzip off the app. Both are unstable options of the
    /// pinned stable toolchain, hence `RUSTC_BOOTSTRAP`; only these release wasm
    /// builds get it, never tests or the CLI. A panic in the browser is then a
    /// bare "unreachable" trap; debug builds (`cargo xtask serve`, wasm tests)
    /// keep their messages.
    ///
    /// The release profile is built for speed (the CLI, the engine package); these builds
    /// override its `opt-level` to `z`, so the customer's downloads stay small.
    pub fn small_std<'a>(&self, command: &'a mut Command) -> &'a mut Command {
        command
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z")
            .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
            .env("CARGO_TARGET_DIR", self.wasm_release_dir());
        wasm_std(command)
    }

    /// Where speed-built release wasm goes (the engine package): apart from
    /// [`Tools::wasm_release_dir`], whose size settings would otherwise rebuild each other's
    /// artifacts back and forth.
    pub fn wasm_speed_dir(&self) -> PathBuf {
        self.target_dir().join("wasm-speed")
    }

    /// Like [`Tools::small_std`] but for speed: the release profile's `opt-level` 3 for the
    /// crates and the standard library alike, with the same immediate-abort panics (no
    /// formatting code, and a trap is what a wasm panic is anyway).
    pub fn fast_std<'a>(&self, command: &'a mut Command) -> &'a mut Command {
        command.env("CARGO_TARGET_DIR", self.wasm_speed_dir());
        wasm_std(command)
    }
}

/// What [`Tools::small_std`] and [`Tools::fast_std`] share: std built from source, panics
/// that trap.
fn wasm_std(command: &mut Command) -> &mut Command {
    command
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort");
    // Added to the caller's RUSTFLAGS (or its encoded form) rather than set for the
    // target alone: cargo would ignore target flags whenever RUSTFLAGS is set. With
    // `--target` (Trunk and `wasm_package` always pass it), RUSTFLAGS reach only the
    // wasm, not build scripts or proc macros.
    let panic = ["-Zunstable-options", "-Cpanic=immediate-abort"];
    match env::var("CARGO_ENCODED_RUSTFLAGS") {
        Ok(encoded) if !encoded.is_empty() => {
            command.env("CARGO_ENCODED_RUSTFLAGS", join(&encoded, &panic, "\x1f"))
        }
        _ => command.env(
            "RUSTFLAGS",
            join(&env::var("RUSTFLAGS").unwrap_or_default(), &panic, " "),
        ),
    }
}

/// `flags` followed by `more`, each separated by `separator`.
fn join(flags: &str, more: &[&str], separator: &str) -> String {
    std::iter::once(flags)
        .filter(|f| !f.trim().is_empty())
        .chain(more.iter().copied())
        .collect::<Vec<_>>()
        .join(separator)
}

/// `$CARGO_HOME/bin`, or `~/.cargo/bin` when `CARGO_HOME` is unset.
fn cargo_bin_dir() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// The command line as a person would type it, for messages.
pub fn describe(command: &Command) -> String {
    // `$CARGO` is a long toolchain path; its file name says enough.
    let program = Path::new(command.get_program());
    let mut line = program
        .file_name()
        .unwrap_or(program.as_os_str())
        .to_string_lossy()
        .into_owned();
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// Runs `command` with inherited stdio; a non-zero exit is an error naming it.
pub fn run(command: &mut Command) -> Result {
    let status = command
        .status()
        .map_err(|error| format!("could not start `{}`: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs `command` quietly and returns its stdout, or `None` when the program
/// is missing or fails: for probes such as `trunk --version`.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs `command` and returns its stdout, failing with its stderr when it fails.
pub fn capture(command: &mut Command) -> Result<Vec<u8>> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("could not start `{}`: {error}", describe(command)))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!(
            "`{}` failed ({}): {}",
            describe(command),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_flags_join_the_callers() {
        let panic = ["-Zunstable-options", "-Cpanic=immediate-abort"];
        assert_eq!(
            join("", &panic, " "),
            "-Zunstable-options -Cpanic=immediate-abort"
        );
        assert_eq!(
            join("-Dwarnings", &panic, " "),
            "-Dwarnings -Zunstable-options -Cpanic=immediate-abort"
        );
        assert_eq!(
            join("-Dwarnings", &panic, "\x1f"),
            "-Dwarnings\x1f-Zunstable-options\x1f-Cpanic=immediate-abort"
        );
    }

    #[test]
    fn path_puts_binaryen_first() {
        let tools = Tools::new(PathBuf::from("/repo"));
        let first = env::split_paths(&tools.path).next();
        assert_eq!(
            first,
            Some(PathBuf::from("/repo/tests/node_modules/binaryen/bin"))
        );
    }

    #[test]
    fn probe_reads_stdout_and_tolerates_missing_programs() {
        let tools = Tools::new(PathBuf::from("/"));
        assert_eq!(
            probe(tools.command("echo").arg("hi")).as_deref(),
            Some("hi\n")
        );
        assert_eq!(probe(&mut tools.command("xtask-no-such-program")), None);
        assert_eq!(probe(&mut tools.command("false")), None);
    }

    #[test]
    fn run_names_the_failed_command() {
        let tools = Tools::new(PathBuf::from("/"));
        let error = run(tools.command("sh").args(["-c", "exit 3"])).expect_err("exit 3 fails");
        assert!(error.contains("sh -c exit 3"), "{error}");
    }
}
