//! Bad input and bad days: malformed forms, oversized bodies, wrong methods, a database that
//! is down and comes back.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naboskab_app::messaging::KeepInOutbox;
use naboskab_web::clock::TestClock;
use naboskab_web::{AppState, WebConfig};
use std::sync::Arc;

#[tokio::test]
async fn oversized_bodies_get_413_and_malformed_forms_never_500() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let token = c.csrf("/login").await;
        let big = format!("csrf_token={token}&email={}", "a".repeat(2 * 1024 * 1024));
        let r = c
            .send(
                Request::post("/login")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(big))
                    .expect("req"),
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(r.text.contains("for stort"), "localized: {}", r.text);

        for body in ["%%%", "email=%FF%FE&password=x", "email=a&email=b", "=&&=="] {
            let r = c
                .send(
                    Request::post("/login")
                        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .header("x-csrf-token", token.clone())
                        .body(Body::from(body))
                        .expect("req"),
                )
                .await;
            assert!(r.status.is_client_error(), "{body}: {}", r.status);
        }
        let wrong_type = c
            .send(
                Request::post("/login")
                    .header(header::CONTENT_TYPE, "text/plain")
                    .header("x-csrf-token", token)
                    .body(Body::from("hi"))
                    .expect("req"),
            )
            .await;
        assert_eq!(wrong_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let method = c
            .send(Request::delete("/").body(Body::empty()).expect("req"))
            .await;
        assert!(method.status.is_client_error());
        app.cleanup().await;
    }
}

#[tokio::test]
async fn readyz_reports_a_database_that_is_down_and_pages_answer_503_until_it_is_back() {
    let Ok(url) = std::env::var(naboskab_store::testing::POSTGRES_ENV) else {
        return; // This outage test needs a PostgreSQL server to cut off; SQLite files are never "down".
    };
    // A proxy in front of PostgreSQL that we can cut and restore.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    let target = url
        .split('@')
        .nth(1)
        .and_then(|h| h.split('/').next())
        .unwrap_or("127.0.0.1:5432")
        .to_owned();
    let proxied = url.replacen(&target, &format!("127.0.0.1:{port}"), 1);
    let db = naboskab_store::Db::connect_postgres_lazy(&proxied).expect("lazy");
    let state = AppState::new(
        WebConfig::default(),
        db,
        Arc::new(TestClock::at(T0)),
        Arc::new(KeepInOutbox),
    );
    let app = naboskab_web::app(state);
    let mut c = Client {
        router: app,
        cookies: Default::default(),
        headers: vec![],
    };

    assert_eq!(
        c.get("/healthz").await.status,
        StatusCode::OK,
        "the process is up"
    );
    assert_eq!(
        c.get("/readyz").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let page = c.get("/municipalities").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.text.contains("midlertidigt utilgængelig"));

    // The database comes back.
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("rebind");
    let proxy = tokio::spawn(async move {
        loop {
            let Ok((mut inbound, _)) = listener.accept().await else {
                return;
            };
            let target = target.clone();
            tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    let mut ready = false;
    for _ in 0..50 {
        if c.get("/readyz").await.status == StatusCode::OK {
            ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(ready, "recovered without a restart");
    proxy.abort();
}
