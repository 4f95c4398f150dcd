//! Measure's anonymous survey over HTTP, on every backend: staff start a round and make codes;
//! an answer sent with a code leaves neither the code nor the sender's address in the
//! database or the log; a code answers once, also when fifty people send it at once; and an
//! attacker holding every report the roles can reach learns nothing about fewer than five
//! people.

use crate::helpers::{Client, LogBuffer, TestApp, bearer_from, pdf_qr_codes, pdf_text};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naboskab_store::params;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

const HOUSING_ADMIN: &str = "boligorganisation@demo.naboskab.dk";
const CARETAKER: &str = "vicevaert@demo.naboskab.dk";
const OFFICER: &str = "kommune@demo.naboskab.dk";
const BOARD: &str = "bestyrelse@demo.naboskab.dk";
const RESIDENT: &str = "beboer@demo.naboskab.dk";
const ORGANISER: &str = "arrangoer@demo.naboskab.dk";
const ADMIN: &str = "admin@demo.naboskab.dk";

/// The address every answer in these tests comes from (behind the trusted proxy).
const SENDER: &str = "203.0.113.77";

fn trusting_proxy() -> naboskab_web::WebConfig {
    naboskab_web::WebConfig {
        trust_proxy: true,
        ..crate::helpers::demo_config()
    }
}

async fn apps() -> Vec<TestApp> {
    let mut out = Vec::new();
    for db in naboskab_store::testing::TestDb::all()
        .await
        .expect("databases")
    {
        out.push(TestApp::with(db, trusting_proxy()).await);
    }
    if std::env::var(naboskab_store::testing::POSTGRES_ENV).is_ok() {
        assert_eq!(out.len(), 2, "PostgreSQL configured but not used");
    }
    out
}

async fn post_json(c: &mut Client, path: &str, body: &Value) -> crate::helpers::Resp {
    c.send(
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await
}

fn org(app: &TestApp, key: &str) -> i64 {
    app.demo.org(key).expect("demo organisation")
}

/// A demo round's id by its title.
async fn round_titled(app: &TestApp, title: &str) -> i64 {
    app.db()
        .query_one(
            "SELECT id FROM survey_round WHERE title = $1",
            params![title],
        )
        .await
        .expect("demo round")
        .i64("id")
        .expect("id")
}

fn answer(code: &str, tils: [i64; 3]) -> Value {
    json!({"code": code, "tils": tils, "who5": null, "age_band": "65-74", "gender": null})
}

/// Makes `count` codes for a round's department on the round's page, as its staff would.
async fn codes(staff: &mut Client, round: i64, department: i64, count: usize) -> Vec<String> {
    let r = staff
        .post_form(
            &format!("/surveys/{round}/codes"),
            &[
                ("department", &department.to_string()),
                ("count", &count.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.header("content-disposition").starts_with("attachment"));
    assert_eq!(r.header("cache-control"), "no-store");
    r.text
        .lines()
        .map(|l| {
            let (code, address) = l.split_once('\t').expect("code and address");
            assert_eq!(address, format!("http://naboskab.test/survey?code={code}"));
            code.to_owned()
        })
        .collect()
}

fn found(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[tokio::test]
async fn an_answer_leaves_no_trace_of_its_code_or_its_sender() {
    for app in apps().await {
        let log = LogBuffer::default();
        let _guard = log.capture();
        let north = org(&app, "dep-norreparken");
        let mut session = app.logged_in(HOUSING_ADMIN).await;
        let mut api = bearer_from(&mut session, &app).await;

        // A round in Nørreparken this winter; the same department again in an overlapping
        // period is refused, naming the field.
        let round = json!({"department_ids": [north], "opens_on": "2026-11-01", "closes_on": "2026-12-31", "languages": ["ar"], "who5": true});
        let made = post_json(&mut api, "/api/v1/surveys/rounds", &round).await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
        let id = made.json()["id"].as_i64().expect("id");
        assert_eq!(made.json()["languages"], json!(["da", "ar"]));
        let again =
            json!({"department_ids": [north], "opens_on": "2026-12-15", "closes_on": "2027-01-15"});
        let refused = post_json(&mut api, "/api/v1/surveys/rounds", &again).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text.contains("opens_on"), "{}", refused.text);
        let listed = api.get("/api/v1/surveys/rounds").await.json();
        assert!(
            listed["items"]
                .as_array()
                .expect("items")
                .iter()
                .any(|r| r["id"] == id)
        );

        let codes = codes(&mut session, id, north, 3).await;
        assert_eq!(codes.len(), 3);
        let mut anyone = app.client();
        anyone
            .headers
            .push(("x-forwarded-for".into(), SENDER.into()));

        // Through the API: stored, with nothing in the reply that identifies the answer.
        let r = post_json(
            &mut anyone,
            "/api/v1/surveys/answers",
            &answer(&codes[0], [3, 3, 2]),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(r.json(), json!({"status": "stored"}));
        assert!(r.header("location").is_empty());
        // Used and unknown codes get the same answer.
        let used = post_json(
            &mut anyone,
            "/api/v1/surveys/answers",
            &answer(&codes[0], [1, 1, 1]),
        )
        .await;
        let unknown = post_json(
            &mut anyone,
            "/api/v1/surveys/answers",
            &answer("ABCD-EFGH-JKMN", [1, 1, 1]),
        )
        .await;
        assert_eq!(used.status, StatusCode::CONFLICT);
        assert_eq!(used.text, unknown.text);
        // An item out of range is named, and the code stays usable.
        let bad = post_json(
            &mut anyone,
            "/api/v1/surveys/answers",
            &answer(&codes[1], [1, 2, 4]),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text.contains("tils_3"), "{}", bad.text);

        // Through the questionnaire, from the letter's address, in lower case with spaces.
        let typed = codes[1].to_lowercase().replace('-', " ");
        let form = anyone
            .get(&format!("/survey?code={}", typed.replace(' ', "+")))
            .await;
        assert_eq!(form.status, StatusCode::OK);
        assert_eq!(
            form.select_text("fieldset legend").len(),
            8,
            "three T-ILS and five WHO-5 items"
        );
        let sent = anyone
            .post_form(
                "/survey",
                &[
                    ("code", &typed),
                    ("tils_1", "1"),
                    ("tils_2", "2"),
                    ("tils_3", "1"),
                    ("age_band", ""),
                    ("gender", "woman"),
                ],
            )
            .await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.text);
        assert!(sent.text.contains("Tak for dine svar"));
        // WHO-5 half answered is named; the T-ILS answers stay chosen.
        let half = anyone
            .post_form(
                "/survey",
                &[
                    ("code", &codes[2]),
                    ("tils_1", "3"),
                    ("tils_2", "3"),
                    ("tils_3", "3"),
                    ("who5_1", "2"),
                ],
            )
            .await;
        assert_eq!(half.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(half.text.contains("#field-who5_2"), "{}", half.text);
        assert_eq!(half.attr("#tils_3-3", "checked").as_deref(), Some(""));

        let stored = app
            .db()
            .query(
                "SELECT * FROM survey_answer WHERE round_id = $1",
                params![id],
            )
            .await
            .expect("answers");
        assert_eq!(stored.len(), 2);
        let columns: BTreeSet<&str> = stored[0].names().iter().map(|c| &**c).collect();
        for forbidden in ["created_at", "user_id", "ip", "code", "code_hash", "id"] {
            assert!(
                !columns.contains(forbidden),
                "answers have no {forbidden} column"
            );
        }

        // Neither used code, its hash nor the sender's address is anywhere in the database,
        // and the log names the routes only.
        let contents = app
            .db
            .as_ref()
            .expect("test db")
            .raw_contents()
            .await
            .expect("contents");
        let log = log.text();
        for code in &codes[..2] {
            let hash = format!("{:x}", Sha256::digest(code.replace('-', "").as_bytes()));
            assert!(!found(&contents, code) && !found(&contents, &code.replace('-', "")));
            assert!(!found(&contents, &hash), "the used code's hash is gone");
            assert!(
                !log.contains(code.as_str())
                    && !log.contains(&code.replace('-', ""))
                    && !log.contains(&typed)
            );
        }
        assert!(!found(&contents, SENDER), "the sender's address is stored");
        assert!(
            !log.contains(SENDER),
            "the sender's address is logged: {log}"
        );
        assert!(log.contains("/api/v1/surveys/answers"), "{log}");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn fifty_people_sending_one_code_at_once_store_one_answer() {
    for app in apps().await {
        let north = org(&app, "dep-norreparken");
        let mut staff = app.logged_in(HOUSING_ADMIN).await;
        let r = staff
            .post_form(
                "/surveys",
                &[
                    ("title", "Vinter"),
                    ("opens_on", "2026-11-01"),
                    ("closes_on", "2026-12-31"),
                    ("department_ids", &north.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let id: i64 = r
            .location()
            .trim_start_matches("/surveys/")
            .split('?')
            .next()
            .expect("id")
            .parse()
            .expect("id");
        let code = codes(&mut staff, id, north, 1).await.remove(0);
        let body = answer(&code, [2, 2, 2]).to_string();
        let sends = (0..50).map(|_| {
            let router = app.router.clone();
            let body = body.clone();
            tokio::spawn(async move {
                use tower::ServiceExt;
                let req = Request::post("/api/v1/surveys/answers")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body))
                    .expect("request");
                router.oneshot(req).await.expect("infallible").status()
            })
        });
        let mut by_status: BTreeMap<u16, usize> = BTreeMap::new();
        for s in sends.collect::<Vec<_>>() {
            *by_status
                .entry(s.await.expect("task").as_u16())
                .or_default() += 1;
        }
        assert_eq!(by_status, BTreeMap::from([(201, 1), (409, 49)]));
        let n = app
            .db()
            .query(
                "SELECT tils_1 FROM survey_answer WHERE round_id = $1",
                params![id],
            )
            .await
            .expect("answers")
            .len();
        assert_eq!(n, 1);
        app.cleanup().await;
    }
}

/// What one report told: the departments it covers and how many answered in them.
struct Seen {
    scope: BTreeSet<i64>,
    respondents: u64,
    shows_figures: bool,
}

#[tokio::test]
async fn an_attacker_with_every_reachable_report_learns_nothing_about_fewer_than_five() {
    for app in apps().await {
        // The demo's 2026 round: Nørreparken 38, Søndergården 9, Engbo 2 answers.
        let id = round_titled(&app, "Trivselsundersøgelse 2026").await;
        let departments =
            ["dep-norreparken", "dep-sondergaarden", "dep-engbo"].map(|k| org(&app, k));
        let mut truth: BTreeMap<i64, u64> = BTreeMap::new();
        for d in departments {
            let n = app
                .db()
                .query(
                    "SELECT tils_1 FROM survey_answer WHERE round_id = $1 AND department_id = $2",
                    params![id, d],
                )
                .await
                .expect("answers")
                .len() as u64;
            truth.insert(d, n);
        }
        assert_eq!(truth.values().copied().collect::<Vec<_>>(), vec![38, 9, 2]);
        let whole: BTreeSet<i64> = departments.into_iter().collect();

        let mut seen: Vec<Seen> = Vec::new();
        for who in [HOUSING_ADMIN, CARETAKER, OFFICER, ADMIN] {
            let mut session = app.logged_in(who).await;
            let mut api = bearer_from(&mut session, &app).await;
            let r = api
                .get(&format!("/api/v1/surveys/rounds/{id}/report"))
                .await;
            assert_eq!(r.status, StatusCode::OK, "{who}: {}", r.text);
            let j = r.json();
            assert_eq!(j["respondents"], 49);
            assert_eq!(
                j["reference"],
                json!({"national": 0.124, "social_housing": 0.146})
            );
            let ci = j["severe_ci95"].as_array().expect("interval");
            let share = j["severe_share"].as_f64().expect("share");
            assert!(ci[0].as_f64().expect("low") < share && share < ci[1].as_f64().expect("high"));
            seen.push(Seen {
                scope: whole.clone(),
                respondents: 49,
                shows_figures: true,
            });
            for d in departments {
                let r = api
                    .get(&format!(
                        "/api/v1/surveys/rounds/{id}/report?department={d}"
                    ))
                    .await;
                match r.status {
                    StatusCode::OK => seen.push(Seen {
                        scope: BTreeSet::from([d]),
                        respondents: r.json()["respondents"].as_u64().expect("n"),
                        shows_figures: r.json()["suppressed"] == false,
                    }),
                    StatusCode::UNPROCESSABLE_ENTITY => assert!(r.text.contains("department")),
                    other => panic!("{who} department {d}: {other}"),
                }
            }
            // The page: its table names the departments it shows one by one; the rest are one
            // row together.
            let page = session.get(&format!("/surveys/{id}")).await;
            assert_eq!(page.status, StatusCode::OK);
            let rows = page.select_text("main table tbody th[scope=row]");
            let mut shown: BTreeSet<i64> = BTreeSet::new();
            for d in departments {
                let name = naboskab_store::orgs::organisation(app.db(), d)
                    .await
                    .expect("organisation")
                    .expect("found")
                    .name;
                if rows.contains(&name) {
                    shown.insert(d);
                }
            }
            if rows.iter().any(|r| r == "Øvrige afdelinger samlet") {
                let rest: BTreeSet<i64> = whole.difference(&shown).copied().collect();
                let n = rest.iter().map(|d| truth[d]).sum();
                seen.push(Seen {
                    scope: rest,
                    respondents: n,
                    shows_figures: true,
                });
            }
            for d in &shown {
                seen.push(Seen {
                    scope: BTreeSet::from([*d]),
                    respondents: truth[d],
                    shows_figures: true,
                });
            }
            // A department's own page of figures is refused the same way.
            let narrow = session
                .get(&format!("/surveys/{id}?department={}", departments[2]))
                .await;
            assert_eq!(narrow.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(narrow.text.contains("færre end 5 personer"));
        }
        // Only Nørreparken stands alone; Søndergården is hidden with Engbo, so the whole round
        // minus Nørreparken is 11 people, never Engbo's 2.
        assert!(
            seen.iter()
                .any(|s| s.scope == BTreeSet::from([departments[0]]))
        );
        assert!(
            !seen
                .iter()
                .any(|s| s.scope == BTreeSet::from([departments[1]]))
        );
        assert!(
            !seen
                .iter()
                .any(|s| s.scope == BTreeSet::from([departments[2]]))
        );
        for a in seen.iter().filter(|s| s.shows_figures) {
            assert!(a.respondents >= 5, "a report of {} people", a.respondents);
            assert_eq!(a.respondents, a.scope.iter().map(|d| truth[d]).sum::<u64>());
            for b in seen.iter().filter(|s| s.shows_figures) {
                if b.scope.is_subset(&a.scope) && b.scope != a.scope {
                    let left = a.respondents - b.respondents;
                    assert!(
                        left == 0 || left >= 5,
                        "subtracting two reports leaves {left} people"
                    );
                }
            }
        }

        // The open round with four answers: counted, nothing more.
        let open = round_titled(&app, "Ensomhed i Vestervang og Fløng").await;
        let mut session = app.logged_in(OFFICER).await;
        let mut api = bearer_from(&mut session, &app).await;
        let j = api
            .get(&format!("/api/v1/surveys/rounds/{open}/report"))
            .await
            .json();
        assert_eq!(j["respondents"], 4);
        assert_eq!(j["suppressed"], true);
        assert_eq!(
            (
                j["severe_share"].clone(),
                j["severe_ci95"].clone(),
                j["mean_score"].clone()
            ),
            (Value::Null, Value::Null, Value::Null)
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn only_those_who_may_read_every_department_see_a_round() {
    let app = TestApp::sqlite().await;
    let id = round_titled(&app, "Trivselsundersøgelse 2026").await;
    for (who, list, report) in [
        (HOUSING_ADMIN, StatusCode::OK, StatusCode::OK),
        (CARETAKER, StatusCode::OK, StatusCode::OK),
        (OFFICER, StatusCode::OK, StatusCode::OK),
        // The board reads Nørreparken only, not the other two departments of the round.
        (BOARD, StatusCode::OK, StatusCode::NOT_FOUND),
        (ORGANISER, StatusCode::FORBIDDEN, StatusCode::NOT_FOUND),
        (RESIDENT, StatusCode::FORBIDDEN, StatusCode::NOT_FOUND),
    ] {
        let mut c = app.logged_in(who).await;
        assert_eq!(c.get("/surveys").await.status, list, "{who} /surveys");
        assert_eq!(
            c.get(&format!("/surveys/{id}")).await.status,
            report,
            "{who} report"
        );
        let codes = c
            .post_form(
                &format!("/surveys/{id}/codes"),
                &[("department", "0"), ("count", "1")],
            )
            .await;
        assert!(
            codes.status.is_client_error(),
            "{who} makes no codes: {}",
            codes.status
        );
    }
    // The board starts no round in Nørreparken, and an officer none outside the municipality.
    let mut board = app.logged_in(BOARD).await;
    let north = org(&app, "dep-norreparken").to_string();
    let r = board
        .post_form(
            "/surveys",
            &[
                ("title", "X"),
                ("opens_on", "2027-01-01"),
                ("closes_on", "2027-01-31"),
                ("department_ids", &north),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.client().get("/surveys").await.status,
        StatusCode::SEE_OTHER
    );
    // The questionnaire in Arabic runs right to left.
    let ar = app.client().get("/survey?lang=ar").await;
    assert_eq!(ar.attr("html", "dir").as_deref(), Some("rtl"));
    app.cleanup().await;
}

/// How many codes a round's department has had issued.
async fn codes_issued(app: &TestApp, round: i64, department: i64) -> i64 {
    app.db()
        .query_one(
            "SELECT codes_issued FROM survey_round_department WHERE round_id = $1 AND department_id = $2",
            params![round, department],
        )
        .await
        .expect("issued")
        .i64("codes_issued")
        .expect("count")
}

#[tokio::test]
async fn letters_carry_a_new_code_each_whose_qr_code_opens_the_questionnaire() {
    for app in apps().await {
        let id = round_titled(&app, "Ensomhed i Vestervang og Fløng").await;
        let vestervang = org(&app, "dep-vestervang");
        let mut officer = app.logged_in(OFFICER).await;
        let page = officer.get(&format!("/surveys/{id}")).await;
        assert_eq!(
            page.attr("#field-letters-language option[value=ar]", "lang")
                .as_deref(),
            Some("ar")
        );
        let before = codes_issued(&app, id, vestervang).await;

        let r = officer
            .post_form(
                &format!("/surveys/{id}/letters"),
                &[
                    ("department", &vestervang.to_string()),
                    ("language", "ar"),
                    ("count", "3"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.header("content-type"), "application/pdf");
        let facts = crate::helpers::pdf_facts(&r.bytes);
        assert_eq!(facts.pages, 3, "one letter per address");
        let text = pdf_text(&r.bytes);
        assert!(
            text.contains("Hvordan har du det med andre mennesker?"),
            "{text}"
        );
        assert!(text.contains("كيف تشعر تجاه"), "{text}");
        assert!(text.contains("Afd. 2 Vestervang"));
        // Each page's QR code is its own link with its own code, printed beside it.
        let scanned = pdf_qr_codes(&r.bytes);
        assert_eq!(scanned.len(), 3, "{scanned:?}");
        let codes: BTreeSet<&str> = scanned
            .iter()
            .map(|link| {
                link.strip_prefix("http://naboskab.test/survey?code=")
                    .expect("the questionnaire's address")
            })
            .collect();
        assert_eq!(codes.len(), 3, "three different codes");
        for code in &codes {
            assert!(text.contains(code), "{code} is printed");
            let opened = app.client().get(&format!("/survey?code={code}")).await;
            assert_eq!(opened.status, StatusCode::OK);
            assert_eq!(opened.select_text("fieldset legend").len(), 3);
        }
        let after = codes_issued(&app, id, vestervang).await;
        assert_eq!(after, before + 3);

        // A language the round does not use, too many letters, and someone else's round are
        // refused.
        let english = officer
            .post_form(
                &format!("/surveys/{id}/letters"),
                &[
                    ("department", &vestervang.to_string()),
                    ("language", "en"),
                    ("count", "3"),
                ],
            )
            .await;
        assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY);
        let many = officer
            .post_form(
                &format!("/surveys/{id}/letters"),
                &[
                    ("department", &vestervang.to_string()),
                    ("language", "ar"),
                    ("count", "1001"),
                ],
            )
            .await;
        assert_eq!(many.status, StatusCode::UNPROCESSABLE_ENTITY);
        let mut housing = app.logged_in(HOUSING_ADMIN).await;
        let theirs = housing
            .post_form(
                &format!("/surveys/{id}/letters"),
                &[("department", &vestervang.to_string()), ("count", "1")],
            )
            .await;
        assert_eq!(
            theirs.status,
            StatusCode::NOT_FOUND,
            "the housing organisation above Taastrup does not see Vestegn's round"
        );
        app.cleanup().await;
    }
}
