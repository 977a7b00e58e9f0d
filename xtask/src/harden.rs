//! Post-processes Trunk's `dist/index.html` for a strict Content-Security-Policy.
//!
//! Trunk emits one inline start-up script that imports the JS glue and fetches the wasm.
//! This step makes that fetch carry Subresource Integrity (`fetch(url, { integrity })`, so a
//! swapped wasm is refused), then hashes the final script, and every inline classic script
//! (Trunk's inlined `web/prefs.js`), and writes the policy twice: as a
//! `<meta http-equiv>` first in `<head>` (protection even on a host that sends no header) and
//! in `dist/csp-header.txt`, the header a bank's web server should send (the meta form
//! cannot carry `frame-ancestors`). The CSS and JS glue already carry Trunk's `integrity`
//! attributes, and so does every script file (the fallback, `web/fallback.js`); this step
//! checks they are there.

use std::fs;
use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256, Sha384};

use crate::Result;

/// The policy without the script hashes; `{scripts}` is replaced by them.
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
object-src 'none'; base-uri 'none'; form-action 'none'";

/// Only a response header can say who may frame the page.
const HEADER_ONLY: &str = "; frame-ancestors 'self'";

/// The file holding the header value, next to index.html.
pub const HEADER_FILE: &str = "csp-header.txt";

/// The Subresource Integrity value (`sha384-<base64>`) of some bytes.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", STANDARD.encode(Sha384::digest(bytes)))
}

/// Hardens `dist/index.html` (built with Trunk's `--public-url public_url`) in place and
/// writes the header file.
pub fn app(dist: &Path, public_url: &str) -> Result {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index)
        .map_err(|error| format!("cannot read {}: {error}", index.display()))?;
    let (html, policy) = harden(&html, |name| {
        let path = dist.join(name.strip_prefix(public_url).unwrap_or(name));
        fs::read(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))
    })?;
    fs::write(&index, html)
        .map_err(|error| format!("cannot write {}: {error}", index.display()))?;
    let header = format!("{policy}{HEADER_ONLY}\n");
    fs::write(dist.join(HEADER_FILE), &header)
        .map_err(|error| format!("cannot write {HEADER_FILE}: {error}"))?;
    println!("Content-Security-Policy: {}", header.trim_end());
    Ok(())
}

/// The hardened page and its policy. `read` gives the bytes of an asset by its URL path.
fn harden(html: &str, read: impl Fn(&str) -> Result<Vec<u8>>) -> Result<(String, String)> {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err("index.html already has a CSP meta tag: harden runs once per build".into());
    }
    for (tag, what) in [
        ("<link rel=\"modulepreload\"", "JS glue"),
        ("<link rel=\"stylesheet\"", "CSS"),
    ] {
        let has_sri = html.match_indices(tag).any(|(at, _)| {
            html[at..]
                .split('>')
                .next()
                .is_some_and(|l| l.contains("integrity=\"sha"))
        });
        if !has_sri {
            return Err(format!("Trunk's {what} link has no integrity attribute"));
        }
    }
    // Every script file (the pages' fallback, web/fallback.js) is allowed by 'self' alone, so
    // each must carry the integrity Trunk gives a `<script data-trunk src>`.
    if let Some(bare) = html
        .match_indices("<script ")
        .filter_map(|(at, _)| html[at..].split('>').next())
        .find(|tag| tag.contains(" src=") && !tag.contains("integrity=\"sha"))
    {
        return Err(format!("a script file has no integrity attribute: {bare}>"));
    }
    // Chrome ignores (and warns about) `integrity` on a fetch preload; the fetch below
    // carries it instead, and still reuses the preloaded response.
    let html = &strip_preload_integrity(html);
    let open = "<script type=\"module\">";
    let starts: Vec<usize> = html.match_indices(open).map(|(at, _)| at).collect();
    let [start] = starts[..] else {
        return Err(format!(
            "expected exactly one inline start-up script in index.html, found {}",
            starts.len()
        ));
    };
    let body_start = start + open.len();
    let body_len = html[body_start..]
        .find("</script>")
        .ok_or("the start-up script is not closed")?;
    let script = &html[body_start..body_start + body_len];

    // `module_or_path: '/x_bg.wasm'` → the same URL fetched with its integrity.
    let key = "module_or_path: '";
    let at = script
        .find(key)
        .ok_or("the start-up script does not name the wasm (module_or_path)")?;
    let rest = &script[at + key.len()..];
    let end = rest.find('\'').ok_or("unterminated wasm path")?;
    let wasm = &rest[..end];
    let integrity = sri(&read(wasm)?);
    let script = format!(
        "{}module_or_path: fetch('{wasm}', {{ integrity: '{integrity}' }}){}",
        &script[..at],
        &rest[end + 1..]
    );

    // Inline classic scripts (index.html's web/prefs.js, inlined by Trunk) are allowed by
    // their hashes too, in page order, then the start-up script's.
    let hash = |body: &[u8]| format!(" 'sha256-{}'", STANDARD.encode(Sha256::digest(body)));
    let mut hashes: String = inline_classic_scripts(html).into_iter().map(hash).collect();
    hashes.push_str(&hash(script.as_bytes()));
    let policy = POLICY.replace("{scripts}", &hashes);
    let meta =
        format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    let head = html.find("<head>").ok_or("index.html has no <head>")? + "<head>".len();
    let page = format!(
        "{}{meta}{}{script}{}",
        &html[..head],
        &html[head..body_start],
        &html[body_start + body_len..]
    );
    Ok((page, policy))
}

/// The bodies of the page's inline classic scripts (`<script>` with no attributes), as
/// Trunk writes a `<link data-trunk rel="inline">` script file.
fn inline_classic_scripts(html: &str) -> Vec<&[u8]> {
    html.match_indices("<script>")
        .filter_map(|(at, open)| {
            let body = &html[at + open.len()..];
            body.find("</script>").map(|end| &body.as_bytes()[..end])
        })
        .collect()
}

/// The page without `integrity` attributes on `<link rel="preload" … as="fetch">`.
fn strip_preload_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link rel=\"preload\"") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push_str(&rest[..at]);
        let tag = &rest[at..end];
        match (tag.contains("as=\"fetch\""), tag.find(" integrity=\"")) {
            (true, Some(i)) => {
                let close = tag[i + 12..]
                    .find('"')
                    .map_or(tag.len(), |c| i + 12 + c + 1);
                out.push_str(&tag[..i]);
                out.push_str(&tag[close..]);
            }
            _ => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><link rel=\"stylesheet\" href=\"/s.css\" integrity=\"sha384-x\"/>\
<link rel=\"modulepreload\" href=\"/a.js\" integrity=\"sha384-y\"/></head><body>\
<script type=\"module\">\nimport init from '/a.js';\nconst wasm = await init({ module_or_path: '/a_bg.wasm' });\n</script></body></html>";

    #[test]
    fn wasm_fetch_gets_integrity_and_the_script_its_hash() {
        let (page, policy) = harden(PAGE, |path| {
            assert_eq!(path, "/a_bg.wasm");
            Ok(b"wasm".to_vec())
        })
        .expect("a Trunk page hardens");
        let expected = format!("sha384-{}", STANDARD.encode(Sha384::digest(b"wasm")));
        assert!(page.contains(&format!(
            "module_or_path: fetch('/a_bg.wasm', {{ integrity: '{expected}' }}) }});"
        )));
        let script = page
            .split("<script type=\"module\">")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .expect("script kept");
        let hash = STANDARD.encode(Sha256::digest(script.as_bytes()));
        assert!(policy.contains(&format!("'sha256-{hash}'")));
        assert!(page.starts_with("<html><head>\n    <meta http-equiv=\"Content-Security-Policy\""));
        assert!(!policy.contains("'unsafe-inline'") && !policy.contains("'unsafe-eval'"));
    }

    #[test]
    fn inline_classic_scripts_are_allowed_by_their_hashes() {
        let prefs = "(() => { window.x = 1; })();";
        let page = PAGE.replace("<head>", &format!("<head><script>{prefs}</script>"));
        let (hardened, policy) = harden(&page, |_| Ok(Vec::new())).expect("hardens");
        let hash = STANDARD.encode(Sha256::digest(prefs.as_bytes()));
        assert!(policy.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}' 'sha256-"
        )));
        assert_eq!(policy.matches("'sha256-").count(), 2);
        assert!(hardened.contains(&format!("<script>{prefs}</script>")));
        // An injected inline script is still refused: its hash is not in the policy.
        let (_, plain) = harden(PAGE, |_| Ok(Vec::new())).expect("hardens");
        assert_eq!(plain.matches("'sha256-").count(), 1);
    }

    #[test]
    fn fetch_preloads_lose_their_ignored_integrity() {
        let page = "<head><link rel=\"preload\" href=\"/a.wasm\" integrity=\"sha384-z\" as=\"fetch\">\
<link rel=\"preload\" href=\"/f.woff2\" integrity=\"sha384-w\" as=\"font\"></head>";
        assert_eq!(
            strip_preload_integrity(page),
            "<head><link rel=\"preload\" href=\"/a.wasm\" as=\"fetch\">\
<link rel=\"preload\" href=\"/f.woff2\" integrity=\"sha384-w\" as=\"font\"></head>"
        );
    }

    #[test]
    fn refuses_pages_it_cannot_vouch_for() {
        let ok = |_: &str| Ok(Vec::new());
        let twice = PAGE.replace("</body>", "<script type=\"module\">x</script></body>");
        assert!(harden(&twice, ok).is_err());
        let no_sri = PAGE.replace(" integrity=\"sha384-y\"", "");
        assert!(harden(&no_sri, ok).is_err());
        let script = "<script src=\"/f.js\" defer integrity=\"sha384-f\"></script></head>";
        assert!(harden(&PAGE.replace("</head>", script), ok).is_ok());
        let bare_script = PAGE.replace("</head>", "<script src=\"/f.js\" defer></script></head>");
        assert!(harden(&bare_script, ok).is_err());
        let done = harden(PAGE, ok).expect("first run").0;
        assert!(harden(&done, ok).is_err());
        let missing = |_: &str| Err("gone".to_owned());
        assert!(harden(PAGE, missing).is_err());
    }
}
