//! Operations endpoints and static files: `/healthz` (process up), `/readyz` (database
//! reachable), `/metrics` (Prometheus), `/static/*` (assets embedded in the binary),
//! and the demo-only outbox page.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::security::constant_time_eq;
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use naboskab_app::messaging;
use naboskab_domain::{Action, Resource};
use naboskab_store::outbox::OutboxMessage;

/// `GET /healthz`
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: 200 when the database answers, 503 otherwise.
pub async fn readyz(State(st): State<AppState>) -> Response {
    match st.app.database_answers().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// `GET /metrics` on the site's own address: private by default. It answers only a scraper
/// that presents the configured `metrics_token` as a bearer token (401 otherwise); with no
/// token configured it does not exist here (404), and Prometheus reads it from the separate
/// `metrics_bind` address instead ([`metrics_on_private_address`]).
pub async fn metrics(State(st): State<AppState>, headers: HeaderMap) -> Response {
    let Some(expected) = st.config.metrics_token.as_deref() else {
        return AppError::NotFound.into_response();
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !constant_time_eq(presented.trim(), expected) {
        let mut r = StatusCode::UNAUTHORIZED.into_response();
        r.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return r;
    }
    render_metrics(&st).await
}

/// `GET /metrics` on the separate metrics address (`metrics_bind`, meant for a private
/// interface): no token needed there.
pub async fn metrics_on_private_address(State(st): State<AppState>) -> Response {
    render_metrics(&st).await
}

async fn render_metrics(st: &AppState) -> Response {
    let pending = messaging::waiting_count(&st.app)
        .await
        .map_or(-1, |n| n as i64);
    let body = st.metrics.render(&[(
        "naboskab_outbox_pending",
        "Messages waiting for delivery.",
        pending,
    )]);
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    r
}

const APP_CSS: &str = include_str!("../../static/app.css");
const FAVICON: &str = include_str!("../../static/favicon.svg");

/// `GET /static/{file}`: assets compiled into the binary, cached for a year (URLs carry a
/// version).
pub async fn static_file(Path(file): Path<String>) -> Response {
    let (body, ctype) = match file.as_str() {
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        "favicon.svg" => (FAVICON, "image/svg+xml"),
        _ => return AppError::NotFound.into_response(),
    };
    let mut r = body.into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    r
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    ctx: PageCtx,
    messages: Vec<(OutboxMessage, Vec<String>)>,
}

/// The web links in a message body, so the demo's mails can be followed with a click.
fn links_in(body: &str) -> Vec<String> {
    body.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(str::to_owned)
        .collect()
}

/// `GET /demo/outbox`: the mails the demo "sent". Exists only in demo mode.
pub async fn demo_outbox(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if !st.config.demo {
        return Err(AppError::NotFound);
    }
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let messages = messaging::newest(&st.app, 50)
        .await?
        .into_iter()
        .map(|m| {
            let links = links_in(&m.body);
            (m, links)
        })
        .collect();
    Ok(page(&OutboxPage {
        ctx: PageCtx::new(&st, &ctx),
        messages,
    }))
}
