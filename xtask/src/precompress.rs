//! The served `.br` and `.gz` files: next to each wasm, js, css and html file of a build,
//! the same bytes compressed once with Brotli (quality 11) and once with Zopfli. A server
//! sends the file as is (nginx `brotli_static on;` and `gzip_static on;`, tests/serve.mjs
//! alike): Brotli to every browser and web view that takes it (all current ones, over
//! HTTPS), about 15 % smaller than the gzip; Zopfli's ordinary gzip, 4–5 % smaller than
//! `gzip -9`, to the rest. Both are too slow to run per request but fine once per release.
//! These are the transfers `cargo xtask size` reports.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Result;

/// The file kinds a browser downloads and a server compresses.
pub const KINDS: [&str; 4] = ["wasm", "js", "css", "html"];

/// Writes `<file>.br` and `<file>.gz` for every wasm, js, css and html file of the build in `dir`.
pub fn dir(dir: &Path) -> Result {
    for path in assets(dir)? {
        file(&path)?;
    }
    Ok(())
}

/// The wasm, js, css and html files of the build in `dir`, recursively (Trunk puts JS
/// snippets in subfolders), except a folder with its own index.html: that is another
/// build (dist/kiosk/), compressed and reported on its own.
pub fn assets(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.retain(|path| {
        path.extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| KINDS.contains(&ext))
    });
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result {
    let entries =
        fs::read_dir(dir).map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?
            .path();
        if path.is_dir() {
            if !path.join("index.html").is_file() {
                collect(&path, files)?;
            }
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// `path` + `.gz`.
pub fn gz_of(path: &Path) -> PathBuf {
    with_suffix(path, ".gz")
}

/// `path` + `.br`.
pub fn br_of(path: &Path) -> PathBuf {
    with_suffix(path, ".br")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Compresses one file into `<file>.gz` and `<file>.br`.
fn file(path: &Path) -> Result {
    let raw = fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    for (out, packed) in [
        (gz_of(path), compress(&raw)),
        (br_of(path), compress_br(&raw)),
    ] {
        let packed =
            packed.map_err(|error| format!("cannot compress {}: {error}", path.display()))?;
        fs::write(&out, packed)
            .map_err(|error| format!("cannot write {}: {error}", out.display()))?;
    }
    Ok(())
}

/// Brotli of `raw` at its best quality (11) with a 4 MiB window (22): bigger than any
/// asset, and the window every decoder accepts.
pub fn compress_br(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: raw.len(),
        ..brotli::enc::BrotliEncoderParams::default()
    };
    let mut out = Vec::with_capacity(raw.len() / 2);
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params)?;
    Ok(out)
}

/// Zopfli's gzip of `raw`, with its default 15 iterations.
pub fn compress(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len() / 2);
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        raw,
        &mut out,
    )?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    #[test]
    fn gz_name_appends_the_suffix() {
        assert_eq!(
            gz_of(Path::new("dist/app_bg.wasm")),
            PathBuf::from("dist/app_bg.wasm.gz")
        );
    }

    #[test]
    fn br_name_appends_the_suffix() {
        assert_eq!(
            br_of(Path::new("dist/app_bg.wasm")),
            PathBuf::from("dist/app_bg.wasm.br")
        );
    }

    #[test]
    fn brotli_decodes_to_the_input_and_beats_the_gzip() {
        let raw = b"strata strata strata tier tier tier 1234567890 ".repeat(300);
        let packed = compress_br(&raw).expect("compresses");
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &packed[..], &mut out).expect("decodes");
        assert_eq!(out, raw);
        assert!(packed.len() <= compress(&raw).expect("gzip").len());
    }

    #[test]
    fn output_is_gzip_that_inflates_to_the_input() {
        let raw = b"strata strata strata tier tier tier ".repeat(100);
        let packed = compress(&raw).expect("compresses");
        // gzip magic, and far smaller than the repetitive input.
        assert_eq!(packed.get(..2), Some(&[0x1f, 0x8b][..]));
        assert!(packed.len() < raw.len() / 10, "{} bytes", packed.len());
        let mut child = std::process::Command::new("gzip")
            .args(["-d", "-c"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("gzip runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(&packed)
            .expect("writes");
        let out = child.wait_with_output().expect("gzip ends");
        assert_eq!(out.stdout, raw);
    }
}
