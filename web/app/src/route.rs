//! The app's routes, in the browser's history so the back button and deep links work
//! (`services::history` reads and writes it), and the context links navigate through.

use yew::Callback;

/// Every screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Tier, progress, moments, recommendations.
    Home,
    /// Everything the tier brings.
    Benefits,
    /// All tiers side by side.
    Compare,
    /// What-if scenarios.
    WhatIf,
    /// One product.
    Product {
        /// Catalog product id.
        id: String,
    },
    /// Language and demo persona.
    Settings,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route's path; a product's id is percent-encoded.
    #[must_use]
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Benefits => "/benefits".to_owned(),
            Route::Compare => "/compare".to_owned(),
            Route::WhatIf => "/what-if".to_owned(),
            Route::Product { id } => format!("/product/{}", urlencoding::encode(id)),
            Route::Settings => "/settings".to_owned(),
            Route::NotFound => "/404".to_owned(),
        }
    }

    /// The route a path names. One trailing slash is ignored; an unknown path, or a product
    /// path without exactly one well-encoded id, is `NotFound`.
    #[must_use]
    pub fn recognize(pathname: &str) -> Self {
        let path = pathname
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(pathname);
        if let Some(id) = path.strip_prefix("/product/") {
            return match urlencoding::decode(id) {
                Ok(decoded) if !id.is_empty() && !id.contains('/') => Route::Product {
                    id: decoded.into_owned(),
                },
                _ => Route::NotFound,
            };
        }
        match path {
            "" | "/" => Route::Home,
            "/benefits" => Route::Benefits,
            "/compare" => Route::Compare,
            "/what-if" => Route::WhatIf,
            "/settings" => Route::Settings,
            _ => Route::NotFound,
        }
    }
}

/// What a link needs: the route shown now (to mark itself current) and a way to go.
#[derive(Clone, Debug, PartialEq)]
pub struct Nav {
    /// The route shown.
    pub route: Route,
    /// Shows a route as a new history entry.
    pub go: Callback<Route>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_recognises_its_own_path() {
        let all = [
            Route::Home,
            Route::Benefits,
            Route::Compare,
            Route::WhatIf,
            Route::Product {
                id: "fund-equity-growth".into(),
            },
            Route::Product {
                id: "a b/中".into(),
            },
            Route::Settings,
            Route::NotFound,
        ];
        for route in all {
            assert_eq!(
                Route::recognize(&route.to_path()),
                route.clone(),
                "{route:?}"
            );
        }
    }

    #[test]
    fn paths_match_as_yew_router_matched_them() {
        let cases = [
            ("/", Route::Home),
            ("", Route::Home),
            ("/benefits/", Route::Benefits),
            ("/what-if", Route::WhatIf),
            (
                "/product/deposit-3y",
                Route::Product {
                    id: "deposit-3y".into(),
                },
            ),
            ("/product/a%20b", Route::Product { id: "a b".into() }),
            ("/product/", Route::NotFound),
            ("/product/a/b", Route::NotFound),
            ("/products/x", Route::NotFound),
            ("/Benefits", Route::NotFound),
            ("/nowhere", Route::NotFound),
        ];
        for (path, route) in cases {
            assert_eq!(Route::recognize(path), route, "{path}");
        }
    }
}
