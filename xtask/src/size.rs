//! `cargo xtask size`: what a phone downloads. Lists dist/'s wasm, js, css and
//! html assets with raw bytes, `gzip -9` bytes (a server compressing on the fly)
//! and served bytes (the build's precompressed `.br` and `.gz`, which a server sends as
//! is: the transfer), then the engine package's and the widget bundle's, each with its
//! total. It only reports; no threshold fails it.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

use crate::Result;
use crate::{precompress, proc};

struct Asset {
    name: String,
    raw: u64,
    gzip: u64,
    /// The precompressed `.gz`: what a client that takes no Brotli downloads.
    served: u64,
    /// The precompressed `.br`: what browsers and web views download over HTTPS.
    brotli: u64,
}

pub fn report(dist: &Path) -> Result {
    let assets = measure(dist)?;
    print!("\n{}", table(&assets));
    // The app's budget (issue 4) counts what the phone downloads to run it: Brotli, which
    // every browser and WebView the app supports takes over HTTPS; gzip is the fallback.
    let code = || {
        assets.iter().filter(|asset| {
            !Path::new(&asset.name)
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("html"))
        })
    };
    let brotli: u64 = code().map(|asset| asset.brotli).sum();
    let gz: u64 = code().map(|asset| asset.served).sum();
    println!(
        "\ntransfer (wasm + js + css, served .br): {} bytes; budget {} bytes ({})",
        grouped(brotli),
        grouped(BUDGET),
        if brotli <= BUDGET { "within" } else { "OVER" }
    );
    println!(
        "transfer to a client without Brotli (served .gz): {} bytes",
        grouped(gz)
    );
    Ok(())
}

/// Issue 4's transfer budget, 250 KB, read strictly as 250,000 bytes.
const BUDGET: u64 = 250_000;

/// Each package's table, then one line per package with its totals.
pub fn packages(list: &[(&str, &Path)]) -> Result {
    let mut lines = String::new();
    for (label, dir) in list {
        let assets = measure(dir)?;
        print!("\n{}", table(&assets));
        let [raw, gzip, served, brotli] = totals(&assets);
        let _ = writeln!(
            lines,
            "{label}: {} bytes, {} gzip bytes, {} served (.gz) bytes, {} served (.br) bytes",
            grouped(raw),
            grouped(gzip),
            grouped(served),
            grouped(brotli)
        );
    }
    print!("\n{lines}");
    Ok(())
}

fn totals(assets: &[Asset]) -> [u64; 4] {
    [
        assets.iter().map(|asset| asset.raw).sum(),
        assets.iter().map(|asset| asset.gzip).sum(),
        assets.iter().map(|asset| asset.served).sum(),
        assets.iter().map(|asset| asset.brotli).sum(),
    ]
}

/// Raw, `gzip -9` and served sizes of every wasm, js, css and html file of the build
/// in `dist`, biggest first. Served is the build's precompressed `.gz` (Zopfli) and `.br`
/// (Brotli, see precompress.rs), or the same compression done here when the build has none.
fn measure(dist: &Path) -> Result<Vec<Asset>> {
    let mut assets = Vec::new();
    for path in precompress::assets(dist)? {
        let raw =
            fs::read(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let gzip = proc::capture(Command::new("gzip").args(["-9", "-c"]).arg(&path))?.len() as u64;
        let cannot = |error: std::io::Error| format!("cannot compress {}: {error}", path.display());
        let served = match fs::metadata(precompress::gz_of(&path)) {
            Ok(meta) => meta.len(),
            Err(_) => precompress::compress(&raw).map_err(cannot)?.len() as u64,
        };
        let brotli = match fs::metadata(precompress::br_of(&path)) {
            Ok(meta) => meta.len(),
            Err(_) => precompress::compress_br(&raw).map_err(cannot)?.len() as u64,
        };
        let name = path
            .strip_prefix(dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        assets.push(Asset {
            name,
            raw: raw.len() as u64,
            gzip,
            served,
            brotli,
        });
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

fn table(assets: &[Asset]) -> String {
    let width = assets
        .iter()
        .map(|asset| asset.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("total".len());
    let row = |name: &str, numbers: [u64; 4]| {
        let [raw, gzip, served, brotli] = numbers.map(grouped);
        format!("{name:<width$}  {raw:>12}  {gzip:>12}  {served:>12}  {brotli:>12}\n")
    };
    let header = format!(
        "{:<width$}  {:>12}  {:>12}  {:>12}  {:>12}\n",
        "asset", "raw bytes", "gzip -9", "served .gz", "served .br"
    );
    std::iter::once(header)
        .chain(assets.iter().map(|asset| {
            row(
                &asset.name,
                [asset.raw, asset.gzip, asset.served, asset.brotli],
            )
        }))
        .chain(std::iter::once(row("total", totals(assets))))
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
                served: 850,
                brotli: 700,
            },
            Asset {
                name: "index.html".into(),
                raw: 500,
                gzip: 300,
                served: 290,
                brotli: 250,
            },
        ];
        let table = table(&assets);
        assert!(
            table.lines().last().is_some_and(|line| {
                line.starts_with("total")
                    && line.contains("2,500")
                    && line.contains("1,200")
                    && line.contains("1,140")
                    && line.contains("950")
            }),
            "{table}"
        );
    }
}
