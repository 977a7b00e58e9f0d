//! The app's routes, in the browser's history so the back button and deep links work.
//!
//! `Routable` is written out rather than derived: the derive matches paths with
//! route-recognizer's automaton, about 4 KB of the bundle for seven fixed paths that a
//! `match` on the segments recognises just as well.

use std::collections::HashMap;

use yew_router::Routable;

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

/// Each route's pattern, as the derive would list them.
const PATTERNS: [&str; 7] = [
    "/",
    "/benefits",
    "/compare",
    "/what-if",
    "/product/:id",
    "/settings",
    "/404",
];

impl Routable for Route {
    fn from_path(path: &str, params: &HashMap<&str, &str>) -> Option<Self> {
        Some(match path {
            "/" => Route::Home,
            "/benefits" => Route::Benefits,
            "/compare" => Route::Compare,
            "/what-if" => Route::WhatIf,
            "/product/:id" => Route::Product {
                id: urlencoding::decode(params.get("id")?).ok()?.into_owned(),
            },
            "/settings" => Route::Settings,
            "/404" => Route::NotFound,
            _ => return None,
        })
    }

    fn to_path(&self) -> String {
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

    fn routes() -> Vec<&'static str> {
        PATTERNS.to_vec()
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound)
    }

    /// One trailing slash is ignored, as the derive does; an unknown path is `NotFound`.
    /// Fixed paths are their own patterns, so [`Routable::from_path`] names them; a product's
    /// id is decoded here without building a parameter map (a hashed map costs 1 KB of wasm).
    fn recognize(pathname: &str) -> Option<Self> {
        let path = pathname
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(pathname);
        let path = if path.is_empty() { "/" } else { path };
        let route = match path.strip_prefix("/product/") {
            Some(id) if !id.is_empty() && !id.contains('/') => {
                urlencoding::decode(id).map_or(Route::NotFound, |id| Route::Product {
                    id: id.into_owned(),
                })
            }
            Some(_) => Route::NotFound,
            None => Self::from_path(path, &HashMap::new()).unwrap_or(Route::NotFound),
        };
        Some(route)
    }
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
                Some(route.clone()),
                "{route:?}"
            );
        }
    }

    #[test]
    fn paths_match_as_the_derive_matched_them() {
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
            assert_eq!(Route::recognize(path), Some(route), "{path}");
        }
    }

    #[test]
    fn patterns_build_routes() {
        let id = HashMap::from([("id", "x%2Fy")]);
        assert_eq!(
            Route::from_path("/product/:id", &id),
            Some(Route::Product { id: "x/y".into() })
        );
        assert_eq!(Route::from_path("/product/:id", &HashMap::new()), None);
        assert_eq!(Route::routes().len(), 7);
        assert_eq!(Route::not_found_route(), Some(Route::NotFound));
    }
}
