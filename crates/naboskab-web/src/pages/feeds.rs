//! Atom feeds of new offers per department and per municipality, announced on their pages
//! with `<link rel="alternate">`.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use naboskab_app::{find, places};
use naboskab_domain::{Action, Resource};
use naboskab_store::catalogue::OfferQuery;

/// Escapes text for XML.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

async fn feed(
    st: &AppState,
    ctx: &Ctx,
    title: &str,
    self_path: &str,
    page_path: &str,
    q: OfferQuery,
) -> AppResult<Response> {
    let newest_offers = find::newest(&st.app, q, 30).await?;
    let base = &st.config.base_url;
    let mut entries = String::new();
    let mut newest = 0;
    for o in &newest_offers {
        let (t, d) = o.localized(ctx.locale.code());
        newest = newest.max(o.updated_at);
        entries.push_str(&format!(
            "<entry><id>{base}/offers/{id}</id><title>{title}</title><link rel=\"alternate\" type=\"text/html\" href=\"{base}/offers/{id}\"/><updated>{updated}</updated><published>{published}</published><summary type=\"html\">{summary}</summary></entry>\n",
            id = o.id,
            title = xml(t),
            updated = rfc3339(o.updated_at),
            published = rfc3339(o.created_at),
            summary = xml(d),
        ));
    }
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<id>{base}{self_path}</id>\n<title>{title}</title>\n<link rel=\"self\" href=\"{base}{self_path}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{base}{page_path}\"/>\n<updated>{updated}</updated>\n<author><name>Naboskab</name></author>\n{entries}</feed>\n",
        lang = ctx.locale.code(),
        title = xml(title),
        updated = rfc3339(if newest == 0 { st.now() } else { newest }),
    );
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(r)
}

/// `GET /departments/{id}/feed.atom`
pub async fn department_feed(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let dep = places::department(&st.app, id).await?;
    let title = crate::i18n::t_args(
        ctx.locale,
        "feed-title",
        &[("place", dep.name.clone().into())],
    );
    let title = crate::i18n::strip_isolation(&title);
    feed(
        &st,
        &ctx,
        &title,
        &format!("/departments/{id}/feed.atom"),
        &format!("/departments/{id}"),
        OfferQuery {
            department_id: Some(id),
            ..Default::default()
        },
    )
    .await
}

/// `GET /municipalities/{code}/feed.atom`
pub async fn municipality_feed(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let m = places::municipality(&st.app, &code).await?;
    let code = m.code.clone();
    let title = crate::i18n::strip_isolation(&crate::i18n::t_args(
        ctx.locale,
        "feed-title",
        &[("place", m.name.clone().into())],
    ));
    feed(
        &st,
        &ctx,
        &title,
        &format!("/municipalities/{code}/feed.atom"),
        &format!("/municipalities/{code}"),
        OfferQuery {
            municipality_code: Some(m.code),
            ..Default::default()
        },
    )
    .await
}
