//! Entry point: mounts the app. Everything else lives in the library so tests can use it.

fn main() {
    strata_web::start();
}
