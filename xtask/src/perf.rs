//! `cargo xtask perf`: how fast the tier card first shows on a slow phone, and the studio's
//! re-tiering and loading of a million customers.
//!
//! Builds the release app into dist/, then runs `tests/perf/first-render.mjs` with Node:
//! five loads of Home in Debian's Chromium at 360×640 with the CPU throttled 4× and the
//! cache disabled, each time from navigation start to the tier card painted, and the
//! median. It reports numbers against the 1 s budget; it never fails on them.

use crate::Result;
use crate::proc::{self, Tools};

pub fn first_render(tools: &Tools) -> Result {
    proc::run(
        tools
            .command("node")
            .arg(tools.root.join("tests/perf/first-render.mjs"))
            .current_dir(tools.root.join("tests")),
    )?;
    println!("transfer sizes (raw and gzip) of each asset: cargo xtask size");
    Ok(())
}

/// The studio line: headless Chromium generates 1,000,000 customers in `dist/studio/`, loads
/// and tiers a 1,000,000-row CSV, moves a threshold, and prints the re-tier time, the longest
/// task while the slider moves, and the CSV load (`tests/perf/studio.mjs`).
pub fn studio(tools: &Tools) -> Result {
    proc::run(
        tools
            .command("node")
            .arg(tools.root.join("tests/perf/studio.mjs"))
            .current_dir(tools.root.join("tests")),
    )
}
