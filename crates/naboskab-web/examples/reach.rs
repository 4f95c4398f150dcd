//! Benchmark for Reach, in process (no load generator: these are one caretaker's requests):
//! 1. suggestions for one person over the demo plus 100,000 generated offers (a fifth of them
//!    near Taastrup, so thousands share something with each person), eight different people
//!    200 times each;
//! 2. the caseload page (`GET /outreach`) of a caretaker following 250 people, through the
//!    whole router (session, policy, audit row, opening 250 sealed records, rendering), 500
//!    times.
//!
//! Prints the median and the 99th percentile of each. SQLite in a temporary folder, or the
//! PostgreSQL database named by `DATABASE_URL` (it must be empty).
//! `cargo run --release -p naboskab-web --example reach [offers]`.

use naboskab_domain::reach::{Need, Profile, Wants};
use naboskab_store::catalogue::Catalogue;
use naboskab_store::seal::SealKey;
use std::sync::Arc;
use std::time::Instant;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let offers: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir()?;
    // Contact details are sealed at rest: the handle carries the key, as in the server.
    let key = Arc::new(SealKey::for_tests("bench"));
    let db = naboskab_store::open(
        std::env::var("DATABASE_URL").ok().as_deref(),
        &dir.path().join("naboskab.db"),
    )
    .await?
    .with_sealing(key.clone());
    let now = chrono::Utc::now().timestamp();
    naboskab_store::migrate::migrate(&db, now).await?;
    let ids = naboskab_demo::seed(
        &db,
        "bench-password-2026",
        &key,
        &naboskab_app::files::FileStore::in_memory(),
        now,
    )
    .await?
    .ok_or("the database must be empty")?;
    naboskab_demo::offers::add_generated(&db, offers, now).await?;
    let catalogue = Catalogue::new();
    let held = catalogue.refresh(&db).await?;
    // Nørreparken, Taastrup.
    let home = Some((55.6555, 12.2960));
    let people: Vec<Wants> = (0..8)
        .map(|i| {
            let p = Profile {
                languages: [vec!["da"], vec!["ar", "da"], vec!["tr"], vec!["da", "en"]][i % 4]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                interests: [
                    vec!["food", "crafts"],
                    vec!["movement"],
                    vec!["language", "culture"],
                    vec!["games", "music", "digital"],
                ][i % 4]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                weekdays: vec![(i % 5 + 1) as u8, 4],
                age_group: ["elderly", "adults", "young", "elderly"][i % 4].into(),
                needs: if i % 3 == 0 {
                    vec![Need::StepFree]
                } else {
                    vec![]
                },
                ..Profile::default()
            };
            Wants::of(&p, home)
        })
        .collect();
    let mut times = Vec::new();
    let mut shown = 0;
    for round in 0..200 {
        for w in &people {
            let started = Instant::now();
            let found = catalogue.suggestions(&db, w, 6).await?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            if round == 0 {
                shown += found.len();
            }
        }
    }
    let (median, p99) = quantiles(&mut times);
    println!(
        "suggestions: {held} offers in the catalogue, {} lists ({shown} suggestions in the first round): median {median:.2} ms, p99 {p99:.2} ms",
        times.len(),
    );
    caseload(&db, &ids, key, now).await
}

fn quantiles(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

/// Fills the demo caretaker's caseload up to 250 people and times the page.
async fn caseload(
    db: &naboskab_store::Db,
    ids: &naboskab_demo::DemoIds,
    key: Arc<SealKey>,
    now: i64,
) -> Result<(), Box<dyn std::error::Error>> {
    use axum::body::Body;
    use axum::http::Request;
    use naboskab_domain::reach::{ConsentMethod, ConsentScope};
    use naboskab_store::reach::{self, NewConsent, NewContact};
    use tower::ServiceExt;

    let org = ids.org("org-taastrup").ok_or("demo housing organisation")?;
    let caretaker = ids
        .user("vicevaert@demo.naboskab.dk")
        .ok_or("demo caretaker")?;
    let held = db
        .query_one(
            "SELECT COUNT(*) AS held FROM outreach_contact WHERE housing_org_id = $1",
            naboskab_store::params![org],
        )
        .await?
        .i64("held")? as usize;
    let who = naboskab_store::audit::Auditor::system("benchmark data");
    let consent = [NewConsent {
        scope: ConsentScope::Registration,
        method: ConsentMethod::Verbal,
        text: "benchmark".into(),
    }];
    for i in held..250 {
        let c = NewContact {
            housing_org_id: org,
            department_id: ids.org(["dep-norreparken", "dep-sondergaarden", "dep-engbo"][i % 3]),
            caretaker_id: Some(caretaker),
            user_id: None,
            contact_request_id: None,
            profile: Profile {
                name: format!("Person {i} (fiktiv)"),
                phone: "20304050".into(),
                interests: vec!["food".into()],
                ..Profile::default()
            },
            fictitious: true,
        };
        let id = reach::create_contact(db, &key, &c, &consent, &who, now)
            .await?
            .map_err(|m| format!("{m:?}"))?;
        if i % 2 == 0 {
            let due = chrono::Utc::now().date_naive() + chrono::Duration::days(i as i64 % 20 - 5);
            reach::add_followup(db, &key, id, due, "Ring og hør, hvordan det går", &who, now)
                .await?
                .map_err(|m| format!("{m:?}"))?;
        }
    }
    naboskab_web::install_crypto_provider();
    let state = naboskab_web::AppState::new(
        naboskab_web::WebConfig {
            outreach_key: key,
            ..naboskab_web::WebConfig::default()
        },
        db.clone(),
        Arc::new(naboskab_web::clock::SystemClock),
        Arc::new(naboskab_app::messaging::KeepInOutbox),
    );
    let cookie = naboskab_web::accounts::start_session(&state, caretaker, None).await?;
    let cookie = cookie.split(';').next().unwrap_or_default().to_owned();
    // The caretaker has passed two-step sign-in in this session.
    let secret = cookie.split_once('=').map(|(_, v)| v).unwrap_or_default();
    naboskab_store::users::mark_second_factor(db, &naboskab_web::security::hash_token(secret), now)
        .await?;
    let app = naboskab_web::app(state);
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..500 {
        let req = Request::get("/outreach")
            .header("cookie", &cookie)
            .body(Body::empty())?;
        let started = Instant::now();
        let resp = app.clone().oneshot(req).await?;
        let body = axum::body::to_bytes(resp.into_body(), usize::MAX).await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        size = body.len();
    }
    let rows = String::from_utf8_lossy(
        &axum::body::to_bytes(
            app.oneshot(
                Request::get("/outreach")
                    .header("cookie", &cookie)
                    .body(Body::empty())?,
            )
            .await?
            .into_body(),
            usize::MAX,
        )
        .await?,
    )
    .matches("<tr><th scope=\"row\">")
    .count();
    if rows < 250 {
        return Err(format!("the caseload page shows {rows} people, not 250").into());
    }
    let (median, p99) = quantiles(&mut times);
    println!(
        "caseload page: {rows} people, {} KB, {} requests: median {median:.2} ms, p99 {p99:.2} ms",
        size / 1024,
        times.len()
    );
    Ok(())
}
