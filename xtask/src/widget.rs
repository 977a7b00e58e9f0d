//! `cargo xtask widget`: the embeddable widget bundle in `dist-widget/`.
//!
//! cargo (release, wasm32) → wasm-bindgen `--target web` → wasm-opt -Oz (binaryen 132, with
//! the flags index.html gives Trunk), plus the hand-written loader, stylesheet,
//! TypeScript declarations and README from `widget/`. The host page loads only
//! `strata-widget.js`; it fetches the glue and the wasm on the first mount.

use std::fs;
use std::path::Path;

use crate::Result;
use crate::proc::Tools;

/// What wasm-bindgen names the glue (`strata-widget-wasm.js`) and the wasm
/// (`strata-widget-wasm_bg.wasm`); the loader imports the glue by this name.
pub const GLUE: &str = "strata-widget-wasm";

/// Hand-written files copied as they are (`README.md` documents the API).
const COPIED: [&str; 4] = [
    "strata-widget.js",
    "strata-widget.css",
    "strata-widget.d.ts",
    "README.md",
];

/// Builds the widget bundle into `out` (emptied first).
pub fn build(tools: &Tools, out: &Path) -> Result {
    if out.exists() {
        fs::remove_dir_all(out)
            .map_err(|error| format!("cannot empty {}: {error}", out.display()))?;
    }
    crate::engine::wasm_package(
        tools,
        &["-p", "strata-widget"],
        "strata_widget",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            GLUE,
            // `__wbg_reset_state()`: after a trap (a panic, in the release build) the loader
            // starts a fresh instance of the same module, and the glue never calls the broken
            // one again (see strata-widget.js).
            "--experimental-reset-state-function",
        ],
        out,
        crate::engine::Build::Size,
    )?;
    let src = tools.root.join("widget");
    for name in COPIED {
        fs::copy(src.join(name), out.join(name))
            .map_err(|error| format!("cannot copy widget/{name} to {}: {error}", out.display()))?;
    }
    pin_assets(out)?;
    // After pinning: the loader's .gz must carry the integrity values.
    crate::precompress::dir(out)
}

/// The loader's placeholder for its assets' integrity (see strata-widget.js).
const INTEGRITY_PLACEHOLDER: &str = "const INTEGRITY = { glue: '', wasm: '', css: '' };";

/// Writes the SHA-384 of the glue, wasm and stylesheet into the loader, so it fetches them
/// with Subresource Integrity, then lists every file's value in `integrity.json` for the
/// host's `<script type="module" src=… integrity=…>`.
fn pin_assets(out: &Path) -> Result {
    let read = |name: &str| {
        fs::read(out.join(name)).map_err(|error| format!("cannot read {name}: {error}"))
    };
    let [glue, wasm, css] = [
        format!("{GLUE}.js"),
        format!("{GLUE}_bg.wasm"),
        "strata-widget.css".to_owned(),
    ]
    .map(|name| read(&name).map(|bytes| crate::harden::sri(&bytes)));
    let (glue, wasm, css) = (glue?, wasm?, css?);
    let loader = String::from_utf8(read("strata-widget.js")?)
        .map_err(|_| "strata-widget.js is not UTF-8".to_owned())?;
    if !loader.contains(INTEGRITY_PLACEHOLDER) {
        return Err(format!(
            "strata-widget.js lacks the line `{INTEGRITY_PLACEHOLDER}` the build fills in"
        ));
    }
    let loader = loader.replace(
        INTEGRITY_PLACEHOLDER,
        &format!("const INTEGRITY = {{ glue: '{glue}', wasm: '{wasm}', css: '{css}' }};"),
    );
    fs::write(out.join("strata-widget.js"), &loader)
        .map_err(|error| format!("cannot write strata-widget.js: {error}"))?;
    let listing = format!(
        "{{\n  \"strata-widget.js\": \"{}\",\n  \"{GLUE}.js\": \"{glue}\",\n  \"{GLUE}_bg.wasm\": \"{wasm}\",\n  \"strata-widget.css\": \"{css}\"\n}}\n",
        crate::harden::sri(loader.as_bytes())
    );
    fs::write(out.join("integrity.json"), listing)
        .map_err(|error| format!("cannot write integrity.json: {error}"))
}
