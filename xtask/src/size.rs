//! `cargo xtask size`: what a phone downloads. Lists dist/'s wasm, js, css and
//! html assets with raw and gzip sizes (`gzip -9`, as a server would send
//! them, roughly), then the engine package's and the widget bundle's, each
//! with its total. It only reports; no threshold fails it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;
use crate::proc;

const KINDS: [&str; 4] = ["wasm", "js", "css", "html"];

struct Asset {
    name: String,
    raw: u64,
    gzip: u64,
}

pub fn report(dist: &Path) -> Result {
    let assets = measure(dist)?;
    print!("\n{}", table(&assets));
    Ok(())
}

/// Each package's table, then one line per package with its total raw and gzip bytes.
pub fn packages(list: &[(&str, &Path)]) -> Result {
    let mut lines = String::new();
    for (label, dir) in list {
        let assets = measure(dir)?;
        print!("\n{}", table(&assets));
        let raw: u64 = assets.iter().map(|asset| asset.raw).sum();
        let gzip: u64 = assets.iter().map(|asset| asset.gzip).sum();
        let _ = writeln!(
            lines,
            "{label}: {} bytes, {} gzip bytes",
            grouped(raw),
            grouped(gzip)
        );
    }
    print!("\n{lines}");
    Ok(())
}

/// Raw and gzip sizes of every wasm, js, css and html file below `dist`, biggest first.
fn measure(dist: &Path) -> Result<Vec<Asset>> {
    let mut files = Vec::new();
    collect(dist, &mut files)?;
    let mut assets = Vec::new();
    for path in files {
        let kind = path.extension().and_then(|ext| ext.to_str()).unwrap_or("");
        if !KINDS.contains(&kind) {
            continue;
        }
        let raw = fs::metadata(&path)
            .map_err(|error| format!("cannot stat {}: {error}", path.display()))?
            .len();
        let gzip = proc::capture(Command::new("gzip").args(["-9", "-c"]).arg(&path))?.len() as u64;
        let name = path
            .strip_prefix(dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        assets.push(Asset { name, raw, gzip });
    }
    if assets.is_empty() {
        return Err(format!(
            "no wasm, js, css or html files in {}",
            dist.display()
        ));
    }
    // Biggest first: that is where the bytes are.
    assets.sort_by(|a, b| b.raw.cmp(&a.raw).then_with(|| a.name.cmp(&b.name)));
    Ok(assets)
}

/// Every file below `dir`, recursively, except other builds' folders (Trunk puts JS snippets in subfolders).
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result {
    let entries =
        fs::read_dir(dir).map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?
            .path();
        if path.is_dir() {
            // A folder with its own index.html is another build (dist/kiosk/): reported apart.
            if !path.join("index.html").is_file() {
                collect(&path, files)?;
            }
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn table(assets: &[Asset]) -> String {
    let width = assets
        .iter()
        .map(|asset| asset.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("total".len());
    let row =
        |name: &str, raw: &str, gzip: &str| format!("{name:<width$}  {raw:>12}  {gzip:>12}\n");
    let raw: u64 = assets.iter().map(|asset| asset.raw).sum();
    let gzip: u64 = assets.iter().map(|asset| asset.gzip).sum();
    std::iter::once(row("asset", "raw bytes", "gzip bytes"))
        .chain(
            assets
                .iter()
                .map(|asset| row(&asset.name, &grouped(asset.raw), &grouped(asset.gzip))),
        )
        .chain(std::iter::once(row("total", &grouped(raw), &grouped(gzip))))
        .collect()
}

/// 1234567 → "1,234,567", so sizes read at a glance.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn table_has_a_total() {
        let assets = [
            Asset {
                name: "app_bg.wasm".into(),
                raw: 2000,
                gzip: 900,
            },
            Asset {
                name: "index.html".into(),
                raw: 500,
                gzip: 300,
            },
        ];
        let table = table(&assets);
        assert!(
            table.lines().last().is_some_and(|line| {
                line.starts_with("total") && line.contains("2,500") && line.contains("1,200")
            }),
            "{table}"
        );
    }
}
