//! Naboskab's web layer: server-rendered HTML pages, the JSON API under `/api/v1` with its
//! OpenAPI document, Fluent translations, sessions, CSRF, security headers, rate limits, the
//! outbox worker and the demo data.
//!
//! Start at [`app`], which builds the router from [`routes`] and wraps it in the layers of
//! [`layers`].

pub mod accounts;
pub mod api;
pub mod cache;
pub mod context;
pub mod error;
pub mod input;
pub mod layers;
pub mod links;
pub mod metrics;
pub mod outreach_export;
pub mod pages;
pub mod ratelimit;
pub mod routes;
pub mod security;
pub mod spreadsheet;
pub mod state;
pub mod templates;
pub mod views;

pub use naboskab_app::{clock, i18n};

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use error::AppError;
pub use state::{AppState, OidcConfig, WebConfig};

/// Builds the whole application.
pub fn app(state: AppState) -> Router {
    let mut with_context: Router<AppState> = Router::new();
    let mut with_files: Router<AppState> = Router::new();
    for route in routes::app_routes() {
        if layers::FILE_ROUTES.contains(&route.path) {
            with_files = with_files.route(route.path, route.handler);
        } else {
            with_context = with_context.route(route.path, route.handler);
        }
    }
    let with_files = with_files
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            layers::UPLOAD_LIMIT,
        ));
    let with_context = with_context
        .fallback(|| async { AppError::NotFound })
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            state.config.body_limit,
        ))
        .merge(with_files)
        .layer(from_fn_with_state(state.clone(), layers::context));
    let mut bare: Router<AppState> = Router::new();
    for route in routes::bare_routes() {
        bare = bare.route(route.path, route.handler);
    }
    bare.merge(with_context)
        .layer(from_fn(layers::security_headers))
        .layer(from_fn_with_state(state.clone(), layers::observe))
        .with_state(state)
}

/// The router of the separate metrics address (`metrics_bind`): `/metrics` only, without a
/// token, for a listener on a private interface that Prometheus scrapes.
pub fn metrics_app(state: AppState) -> Router {
    Router::new()
        .route(
            "/metrics",
            axum::routing::get(pages::ops::metrics_on_private_address),
        )
        .layer(from_fn(layers::security_headers))
        .with_state(state)
}

/// Installs the process-wide TLS crypto provider (ring) used by the HTTP and SMTP clients.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
