//! Entry point of the branch kiosk build (`kiosk.html` → `dist/kiosk/`).

fn main() {
    strata_kiosk::start();
}
