//! Entry point of the branch kiosk build (`kiosk.html` → `dist/kiosk/`).

fn main() {
    strata_web::start_kiosk();
}
