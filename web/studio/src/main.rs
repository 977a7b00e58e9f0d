//! Entry point of the studio build (`studio.html` → `dist/studio/`).

fn main() {
    strata_studio::start();
}
