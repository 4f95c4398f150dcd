//! Middleware, outermost first: request log and metrics ([`observe`]), security headers
//! ([`security_headers`]), then [`context`], which identifies the caller, picks the language,
//! enforces CSRF on state-changing requests and renders every error response (HTML or
//! problem+json) in the caller's language.

use crate::context::Ctx;
use crate::error::{AppError, RenderableError};
use crate::i18n::{self, Locale};
use crate::security::{constant_time_eq, random_token};
use crate::state::AppState;
use crate::templates::{self, Rendered};
use axum::body::Body;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use naboskab_app::sessions::{self, Credential};
use naboskab_domain::Actor;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::Instant;

/// Name of the language cookie.
pub const LANG_COOKIE: &str = "naboskab_lang";

/// Parses the `Cookie` header.
pub fn cookies(headers: &HeaderMap) -> HashMap<String, String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            Some((k.to_owned(), v.to_owned()))
        })
        .collect()
}

fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query?).ok()?;
    pairs.into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// The pattern of the route a request matched (`/signups/{token}`), for logs and metrics:
/// never the path itself, which may carry a secret.
fn matched_route(req: &Request) -> String {
    req.extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned())
}

/// Logs each request as one structured line, counts it, and adds `X-Request-Id`.
pub async fn observe(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let route = matched_route(&req);
    let request_id = random_token(8);
    let mut resp = next.run(req).await;
    let elapsed = start.elapsed().as_secs_f64();
    let status = resp.status().as_u16();
    st.metrics.observe(method.as_str(), &route, status, elapsed);
    if route != "/healthz" && route != "/metrics" {
        tracing::info!(
            target: "naboskab::http",
            request_id = %request_id,
            method = %method,
            route = %route,
            status,
            ms = elapsed * 1000.0,
            "request"
        );
    }
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

/// Security headers on every response (SEC-09).
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    if h.get(header::CONTENT_TYPE)
        .is_some_and(|v| v == "application/json")
    {
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
    }
    let set = |h: &mut HeaderMap, k: &'static str, v: &'static str| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "same-origin");
    set(
        h,
        "strict-transport-security",
        "max-age=31536000; includeSubDomains",
    );
    set(h, "x-frame-options", "DENY");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(
        h,
        "permissions-policy",
        "camera=(), microphone=(), payment=()",
    );
    resp
}

fn client_ip(req: &Request, trust_proxy: bool) -> String {
    if trust_proxy
        && let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
    {
        return first.trim().to_owned();
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "local".to_owned())
}

fn is_same_origin(origin: &str, st: &AppState, headers: &HeaderMap) -> bool {
    if origin == st.config.base_url {
        return true;
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    !host.is_empty() && (origin == format!("http://{host}") || origin == format!("https://{host}"))
}

/// The routes whose forms carry files (`multipart/form-data`): they take bodies up to
/// [`UPLOAD_LIMIT`] instead of the configured body limit.
pub const FILE_ROUTES: &[&str] = &[
    "/grants/applications/{id}/documents",
    "/api/v1/grants/applications/{id}/documents",
];

/// The largest body a file route takes: the largest document and room for the form around it.
pub const UPLOAD_LIMIT: usize = naboskab_domain::documents::MAX_DOCUMENT_BYTES + 64 * 1024;

/// Whether a state-changing request passes the CSRF rules: not cross-site, and carrying the
/// token in the `X-CSRF-Token` header or the `csrf_token` form field (of a URL-encoded form,
/// or, on a route that takes files, of a `multipart/form-data` one). Returns the request
/// (with its body restored) when it passes.
async fn check_csrf(
    st: &AppState,
    req: Request,
    expected: &str,
    takes_files: bool,
) -> Result<Request, AppError> {
    let headers = req.headers();
    if headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site") {
        return Err(AppError::Csrf);
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
        && !is_same_origin(origin, st, headers)
    {
        return Err(AppError::Csrf);
    }
    if let Some(token) = headers.get("x-csrf-token").and_then(|v| v.to_str().ok()) {
        return if constant_time_eq(token, expected) {
            Ok(req)
        } else {
            Err(AppError::Csrf)
        };
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let multipart = takes_files && content_type.starts_with("multipart/form-data");
    if !multipart && !content_type.starts_with("application/x-www-form-urlencoded") {
        return Err(AppError::Csrf);
    }
    let limit = if multipart {
        UPLOAD_LIMIT
    } else {
        st.config.body_limit
    };
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| AppError::PayloadTooLarge)?;
    let token = if multipart {
        multipart_token(&parts.headers, bytes.clone()).await
    } else {
        let fields: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
        fields
            .into_iter()
            .find(|(k, _)| k == "csrf_token")
            .map(|(_, v)| v)
            .unwrap_or_default()
    };
    if !constant_time_eq(&token, expected) {
        return Err(AppError::Csrf);
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The `csrf_token` field of a `multipart/form-data` body (forms put it first); empty when
/// there is none or the body cannot be read.
async fn multipart_token(headers: &axum::http::HeaderMap, bytes: axum::body::Bytes) -> String {
    use axum::extract::FromRequest;
    let mut copy = Request::new(Body::from(bytes));
    if let Some(ct) = headers.get(header::CONTENT_TYPE) {
        copy.headers_mut().insert(header::CONTENT_TYPE, ct.clone());
    }
    let Ok(mut form) = axum::extract::Multipart::from_request(copy, &()).await else {
        return String::new();
    };
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("csrf_token") {
            return field.text().await.unwrap_or_default();
        }
    }
    String::new()
}

fn pick_locale(
    req: &Request,
    jar: &HashMap<String, String>,
    preferred: Option<&str>,
) -> (Locale, bool) {
    if let Some(l) = query_param(req.uri().query(), "lang")
        .as_deref()
        .and_then(Locale::parse)
    {
        return (l, true);
    }
    if let Some(l) = jar.get(LANG_COOKIE).and_then(|c| Locale::parse(c)) {
        return (l, false);
    }
    if let Some(l) = preferred.and_then(Locale::parse) {
        return (l, false);
    }
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    (
        Locale::from_accept_language(accept).unwrap_or(Locale::Da),
        false,
    )
}

/// Identifies the caller, chooses the language, checks CSRF, runs the handler and renders any
/// error response.
pub async fn context(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let jar = cookies(req.headers());
    let path_and_query = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let is_api = req.uri().path().starts_with("/api/");
    let route = matched_route(&req);
    let ip = client_ip(&req, st.config.trust_proxy);

    let mut ctx = Ctx {
        locale: pick_locale(&req, &jar, None).0,
        actor: Actor::anonymous(),
        user: None,
        session_hash: None,
        csrf_token: String::new(),
        via_bearer: false,
        is_api,
        path_and_query,
        client_ip: ip,
    };

    let identified = identify(&st, req.headers(), &jar, &mut ctx).await;
    if let Err(e) = identified {
        return render_error(&st, &ctx, RenderableError::from(&e));
    }
    let (locale, from_query) = pick_locale(
        &req,
        &jar,
        ctx.user
            .as_ref()
            .and_then(|u| u.preferred_locale.as_deref()),
    );
    ctx.locale = locale;

    let mut set_cookies: Vec<String> = Vec::new();
    if from_query {
        set_cookies.push(
            st.config
                .cookie(LANG_COOKIE, locale.code(), Some(365 * 24 * 3600)),
        );
        if let Some(u) = &ctx.user
            && u.preferred_locale.as_deref() != Some(locale.code())
        {
            let _ = sessions::remember_language(&st.app, u.id, locale.code()).await;
        }
    }
    if ctx.csrf_token.is_empty() {
        match jar.get(st.config.csrf_cookie()).filter(|t| t.len() >= 32) {
            Some(t) => ctx.csrf_token = t.clone(),
            None => {
                ctx.csrf_token = random_token(32);
                set_cookies.push(
                    st.config
                        .cookie(st.config.csrf_cookie(), &ctx.csrf_token, None),
                );
            }
        }
    }

    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let has_session_cookie = jar.contains_key(st.config.session_cookie());
    let needs_csrf = unsafe_method && !ctx.via_bearer && (!is_api || has_session_cookie);
    let req = if needs_csrf {
        match check_csrf(
            &st,
            req,
            &ctx.csrf_token,
            FILE_ROUTES.contains(&route.as_str()),
        )
        .await
        {
            Ok(r) => r,
            Err(e) => {
                // The route's pattern, never the path or query: sign-up links carry their
                // secret in the path, and a query may hold anything (SEC-12). The anonymous
                // survey's routes log no address either.
                if route.starts_with("/survey") {
                    tracing::warn!(route = %route, "CSRF check failed");
                } else {
                    tracing::warn!(ip = %ctx.client_ip, route = %route, "CSRF check failed");
                }
                return with_cookies(
                    render_error(&st, &ctx, RenderableError::from(&e)),
                    &set_cookies,
                );
            }
        }
    } else {
        req
    };

    let mut req = req;
    req.extensions_mut().insert(ctx.clone());
    let mut resp = next.run(req).await;

    if resp.status().is_client_error() || resp.status().is_server_error() {
        let err = resp
            .extensions()
            .get::<RenderableError>()
            .cloned()
            .or_else(|| AppError::from_status(resp.status()).map(|e| RenderableError::from(&e)));
        let already_rendered = resp.extensions().get::<Rendered>().is_some();
        if let (Some(err), false) = (err, already_rendered) {
            let mut rendered = render_error(&st, &ctx, err);
            for (k, v) in resp.headers() {
                if k == header::SET_COOKIE || k == header::LOCATION {
                    rendered.headers_mut().append(k, v.clone());
                }
            }
            resp = rendered;
        }
    }
    if ctx.user.is_some() {
        resp.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    with_cookies(resp, &set_cookies)
}

fn with_cookies(mut resp: Response, cookies: &[String]) -> Response {
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

/// Asks the application who the request's credential stands for: an API token, else the
/// session cookie.
async fn identify(
    st: &AppState,
    headers: &HeaderMap,
    jar: &HashMap<String, String>,
    ctx: &mut Ctx,
) -> Result<(), AppError> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let credential = match (bearer, jar.get(st.config.session_cookie())) {
        (Some(token), _) => {
            ctx.via_bearer = true;
            Credential::Bearer(token)
        }
        (None, Some(cookie)) => Credential::Session(cookie),
        (None, None) => Credential::Anonymous,
    };
    let caller = sessions::identify(&st.app, credential).await?;
    if let Some(csrf) = caller.csrf_token {
        ctx.csrf_token = csrf;
    }
    ctx.session_hash = caller.session_hash;
    ctx.actor = caller.actor;
    ctx.user = caller.user;
    Ok(())
}

/// Renders an error as a localized HTML page or as `application/problem+json`.
pub fn render_error(st: &AppState, ctx: &Ctx, err: RenderableError) -> Response {
    let title = i18n::t(ctx.locale, err.title_key);
    let mut resp = if ctx.is_api {
        let errors: Vec<serde_json::Value> = err
            .fields
            .iter()
            .map(|f| serde_json::json!({ "field": f.field, "detail": i18n::t(ctx.locale, f.key), "code": f.key }))
            .collect();
        let mut body = serde_json::json!({
            "type": format!("https://naboskab.dk/problems/{}", err.code),
            "title": title,
            "status": err.status.as_u16(),
            "code": err.code,
        });
        if let Some(first) = errors.first() {
            body["detail"] = first["detail"].clone();
        }
        if !errors.is_empty() {
            body["errors"] = serde_json::Value::Array(errors);
        }
        if let Some((start, end)) = err.taken {
            let when = naboskab_app::gather::span_text(ctx.locale, start, end);
            body["detail"] = i18n::strip_isolation(&i18n::t_args(
                ctx.locale,
                "booking-taken-by",
                &[("when", fluent_bundle::FluentValue::from(when))],
            ))
            .into();
            body["conflict"] = serde_json::json!({
                "start": naboskab_domain::schedule::rfc3339_local(start),
                "end": naboskab_domain::schedule::rfc3339_local(end),
            });
        }
        let mut r = (err.status, body.to_string()).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json; charset=utf-8"),
        );
        if err.status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        r
    } else if err.status == StatusCode::UNAUTHORIZED || err.code == "second_factor_needed" {
        let next = urlencode(&ctx.path_and_query);
        let to = if err.status == StatusCode::UNAUTHORIZED {
            "/login"
        } else {
            "/two-factor"
        };
        let mut r = StatusCode::SEE_OTHER.into_response();
        if let Ok(v) = HeaderValue::from_str(&format!("{to}?next={next}")) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        r
    } else {
        templates::error_page(st, ctx, &err)
    };
    if let Some(s) = err.retry_after
        && let Ok(v) = HeaderValue::from_str(&s.to_string())
    {
        resp.headers_mut().insert(header::RETRY_AFTER, v);
    }
    resp.extensions_mut().insert(Rendered);
    resp
}

/// Percent-encodes a string for a query parameter.
pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)])
        .map(|e| e.trim_start_matches("x=").to_owned())
        .unwrap_or_default()
}
