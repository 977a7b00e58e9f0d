//! The branch kiosk's service worker: `web/kiosk/kiosk-sw.js` with the build's file list, written
//! to `dist/kiosk/sw.js`, so a kiosk that reloads without network still starts.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::Result;

/// The template's placeholders, filled in here.
const ASSETS: &str = "const ASSETS = [];";
const VERSION: &str = "const VERSION = '';";

/// Writes `sw.js` into the kiosk build folder `dist` from the template `template`.
pub fn service_worker(template: &Path, dist: &Path) -> Result {
    let source = fs::read_to_string(template)
        .map_err(|error| format!("cannot read {}: {error}", template.display()))?;
    let mut files = Vec::new();
    for entry in
        fs::read_dir(dist).map_err(|error| format!("cannot read {}: {error}", dist.display()))?
    {
        let path = entry
            .map_err(|error| format!("cannot read {}: {error}", dist.display()))?
            .path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let asset = ["js", "wasm", "css"]
            .iter()
            .any(|ext| name.ends_with(&format!(".{ext}")));
        if asset && name != "sw.js" {
            files.push((
                name,
                fs::read(&path)
                    .map_err(|error| format!("cannot read {}: {error}", path.display()))?,
            ));
        }
    }
    files.sort();
    let (sw, version) = fill(&source, &files)?;
    fs::write(dist.join("sw.js"), sw).map_err(|error| format!("cannot write sw.js: {error}"))?;
    println!(
        "kiosk service worker: {} files, version {version}",
        files.len() + 1
    );
    Ok(())
}

/// The worker's source with the page (`./`, first) and `files` listed, and a version that
/// changes whenever any file does.
fn fill(source: &str, files: &[(String, Vec<u8>)]) -> Result<(String, String)> {
    if !source.contains(ASSETS) || !source.contains(VERSION) {
        return Err(format!(
            "web/kiosk/kiosk-sw.js lacks `{ASSETS}` or `{VERSION}`"
        ));
    }
    let mut digest = Sha256::new();
    for (name, bytes) in files {
        digest.update(name.as_bytes());
        digest.update(bytes);
    }
    let version = digest.finalize()[..8]
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
    let list: Vec<String> = std::iter::once("'./'".to_owned())
        .chain(files.iter().map(|(name, _)| format!("'{name}'")))
        .collect();
    let sw = source
        .replace(ASSETS, &format!("const ASSETS = [{}];", list.join(", ")))
        .replace(VERSION, &format!("const VERSION = '{version}';"));
    Ok((sw, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_page_first_and_versions_by_content() {
        let src = "const ASSETS = [];\nconst VERSION = '';\n";
        let files = vec![
            ("a.js".to_owned(), b"1".to_vec()),
            ("a.wasm".to_owned(), b"2".to_vec()),
        ];
        let (sw, v1) = fill(src, &files).expect("fills");
        assert!(sw.contains("const ASSETS = ['./', 'a.js', 'a.wasm'];"));
        assert!(sw.contains(&format!("const VERSION = '{v1}';")));
        let changed = vec![
            ("a.js".to_owned(), b"1".to_vec()),
            ("a.wasm".to_owned(), b"3".to_vec()),
        ];
        assert_ne!(fill(src, &changed).expect("fills").1, v1);
        assert!(fill("nothing to fill", &files).is_err());
    }
}
