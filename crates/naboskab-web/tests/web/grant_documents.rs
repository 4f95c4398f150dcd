//! Documents attached to grant applications, as their users meet them on every backend: the
//! call names what it requires, an application cannot be submitted without it (the draft is
//! kept), a file is refused by its content whatever its name, whoever reads the application
//! downloads its documents under their own names, nobody else learns they exist, and removing
//! a document or erasing an application deletes the files too.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

const ORGANISER: &str = "arrangoer@demo.naboskab.dk";
const OFFICER: &str = "kommune@demo.naboskab.dk";
const RESIDENT: &str = "beboer@demo.naboskab.dk";

/// A small real PDF.
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn open_call(app: &TestApp) -> i64 {
    app.db()
        .query_one("SELECT MAX(id) AS id FROM grant_call", vec![])
        .await
        .expect("call")
        .i64("id")
        .expect("id")
}

fn id_in(location: &str) -> i64 {
    location
        .trim_start_matches("/grants/applications/")
        .split(['?', '/'])
        .next()
        .and_then(|s| s.parse().ok())
        .expect("application id")
}

async fn files_under(app: &TestApp, application: i64) -> Vec<String> {
    app.state
        .app
        .config
        .files
        .keys_written_before(&format!("grant/{application}"), i64::MAX)
        .await
        .expect("list")
}

#[tokio::test]
async fn an_application_is_submitted_only_with_the_documents_its_call_requires() {
    for app in TestApp::all().await {
        let call = open_call(&app).await;
        let club = app.demo.org("assoc-seniorklub").expect("club").to_string();
        let mut organiser = app.logged_in(ORGANISER).await;
        let call_page = organiser.get(&format!("/grants/calls/{call}")).await;
        assert!(
            call_page.text.contains("Vedtægter"),
            "the call names what it requires"
        );
        let form = [
            ("organisation", club.as_str()),
            ("title", "Strikkecafé i fælleshuset"),
            ("activities[0].title", "Strikkecafé"),
            ("budget_lines[0].text", "Garn"),
            ("budget_lines[0].amount_ore", "2.000"),
            ("amount_applied_ore", "2.000"),
            ("intent", "submit"),
        ];
        let r = organiser
            .post_form(&format!("/grants/calls/{call}/apply"), &form)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(
            r.text
                .contains("kan ikke indsendes endnu: vedhæft først de bilag")
        );
        assert!(
            r.text.contains("Strikkecafé i fælleshuset"),
            "what was typed stays"
        );
        let id = app
            .db()
            .query_one(
                "SELECT id FROM grant_application WHERE title = $1 AND status = 'draft'",
                naboskab_store::params!["Strikkecafé i fælleshuset"],
            )
            .await
            .expect("the draft is saved")
            .i64("id")
            .expect("id");
        let path = format!("/grants/applications/{id}");

        let page = organiser.get(&path).await;
        assert_eq!(
            page.select_text("#documents-heading ~ ul li"),
            ["Vedtægter", "Budget og regnskab for sidste år"],
            "both are missing"
        );
        assert_eq!(
            page.attr("form[action$='/documents']", "enctype")
                .as_deref(),
            Some("multipart/form-data")
        );

        // A script called .pdf is refused by its content, named, and nothing is kept.
        let r = organiser
            .post_multipart(
                &format!("{path}/documents"),
                &[
                    ("requirement", None, b"0"),
                    ("file", Some("vedtaegter.pdf"), b"<script>alert(1)</script>"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("Filen kan ikke bruges"), "{}", r.text);
        assert!(files_under(&app, id).await.is_empty());

        // A form without the CSRF token is refused before anything is read or stored.
        let (content_type, body) =
            multipart_body(&[("requirement", None, b"0"), ("file", Some("v.pdf"), PDF)]);
        let r = organiser
            .send(
                axum::http::Request::post(format!("{path}/documents"))
                    .header(axum::http::header::CONTENT_TYPE, content_type)
                    .body(axum::body::Body::from(body))
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(files_under(&app, id).await.is_empty());

        let r = organiser
            .post_multipart(
                &format!("{path}/documents"),
                &[
                    ("requirement", None, b"0"),
                    ("file", Some("C:\\Users\\Aisha\\Vedtægter 2027.pdf"), PDF),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page = organiser.get(&local(r.location())).await;
        assert!(page.text.contains("Bilaget er vedhæftet"));
        assert!(
            page.text.contains("Vedtægter 2027.pdf"),
            "the name without the folder"
        );
        assert_eq!(
            page.select_text("#documents-heading ~ ul li"),
            ["Budget og regnskab for sidste år"]
        );

        // Still one missing: submitting keeps it a draft and says why.
        let edit = format!("{path}/edit");
        let r = organiser.post_form(&edit, &form[1..]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("kan ikke indsendes endnu"));

        let r = organiser
            .post_multipart(
                &format!("{path}/documents"),
                &[
                    ("requirement", None, b"1"),
                    ("file", Some("regnskab.pdf"), PDF),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let r = organiser.post_form(&edit, &form[1..]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert!(
            organiser
                .get(&local(r.location()))
                .await
                .text
                .contains("Ansøgningen er indsendt")
        );

        // Submitted: the only statutes cannot go, the municipality requires them; the page
        // offers no way to, and the route refuses.
        let page = organiser.get(&path).await;
        let statutes = page
            .attr("a[href*='/documents/']", "href")
            .expect("a download link");
        assert!(
            page.select_text("form[action$='/remove'] button")
                .is_empty()
        );
        let r = organiser
            .post_form(&format!("{statutes}/remove"), &[])
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.text.contains("kommunen kræver dette bilag"), "{}", r.text);

        // The municipality downloads it as it was sent, under its name.
        let mut officer = app.logged_in(OFFICER).await;
        let r = officer.get(&statutes).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.bytes, PDF);
        assert_eq!(r.header("content-type"), "application/pdf");
        assert!(
            r.header("content-disposition")
                .contains("filename*=UTF-8''Vedt%C3%A6gter%202027.pdf"),
            "{}",
            r.header("content-disposition")
        );
        assert_eq!(r.header("cache-control"), "no-store");
        let r = officer
            .post_multipart(
                &format!("{path}/documents"),
                &[("requirement", None, b""), ("file", Some("x.pdf"), PDF)],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "the municipality only reads"
        );

        // Nobody else learns it exists; a document is found only under its own application.
        let mut resident = app.logged_in(RESIDENT).await;
        assert_eq!(resident.get(&statutes).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.client().get(&statutes).await.status,
            StatusCode::SEE_OTHER,
            "sign in first"
        );
        let demo_document = app
            .db()
            .query_one(
                "SELECT MIN(id) AS id FROM grant_document WHERE application_id <> $1",
                naboskab_store::params![id],
            )
            .await
            .expect("a demo document")
            .i64("id")
            .expect("id");
        assert_eq!(
            organiser
                .get(&format!("{path}/documents/{demo_document}"))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "the organiser's own other document, under the wrong application"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn removing_a_document_or_erasing_its_application_deletes_the_file() {
    for app in TestApp::all().await {
        let call = open_call(&app).await;
        let club = app.demo.org("assoc-seniorklub").expect("club").to_string();
        let mut organiser = app.logged_in(ORGANISER).await;
        let r = organiser
            .post_form(
                &format!("/grants/calls/{call}/apply"),
                &[
                    ("organisation", club.as_str()),
                    ("title", "Banko"),
                    ("budget_lines[0].text", "Præmier"),
                    ("budget_lines[0].amount_ore", "1.000"),
                    ("amount_applied_ore", "1.000"),
                    ("intent", "save"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let id = id_in(r.location());
        let path = format!("/grants/applications/{id}");
        for name in ["program.pdf", "plakat.pdf"] {
            let r = organiser
                .post_multipart(
                    &format!("{path}/documents"),
                    &[("requirement", None, b""), ("file", Some(name), PDF)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        }
        assert_eq!(files_under(&app, id).await.len(), 2);
        let first = organiser
            .get(&path)
            .await
            .attr("a[href*='/documents/']", "href")
            .expect("link");
        let r = organiser.post_form(&format!("{first}/remove"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(
            files_under(&app, id).await.len(),
            1,
            "the file went with its row"
        );
        assert_eq!(organiser.get(&first).await.status, StatusCode::NOT_FOUND);

        // The application is erased with its rows (as when its organisation is deleted): the
        // daily sweep deletes its file once it is an hour old, and leaves every other file.
        let all_files = || async {
            app.state
                .app
                .config
                .files
                .keys_written_before("grant", i64::MAX)
                .await
                .expect("all")
                .len()
        };
        let before = all_files().await;
        app.db()
            .execute(
                "DELETE FROM grant_application WHERE id = $1",
                naboskab_store::params![id],
            )
            .await
            .expect("erase");
        assert_eq!(
            naboskab_app::grants::documents::sweep(&app.state.app)
                .await
                .expect("sweep"),
            0,
            "a file younger than an hour may be an upload on its way"
        );
        let wall_clock = chrono::Utc::now().timestamp();
        app.clock.advance(wall_clock - app.state.now() + 2 * 3600);
        assert_eq!(
            naboskab_app::grants::documents::sweep(&app.state.app)
                .await
                .expect("sweep"),
            1
        );
        assert!(files_under(&app, id).await.is_empty());
        assert_eq!(
            all_files().await,
            before - 1,
            "only the erased one's file went"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_api_client_attaches_the_documents_and_then_submits() {
    for app in TestApp::all().await {
        let call = open_call(&app).await;
        let club = app.demo.org("assoc-seniorklub").expect("club");
        let mut session = app.logged_in(ORGANISER).await;
        let mut api = bearer_from(&mut session, &app).await;
        let body = json!({
            "call_id": call,
            "organisation_id": club,
            "title": "Syværksted for alle aldre",
            "budget_lines": [{"text": "Symaskiner", "amount_ore": 800_000}],
            "amount_applied_ore": 800_000
        });
        let r = api
            .send(
                Request::post("/api/v1/grants/applications")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body.to_string()))
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(
            r.json()["missing_documents"],
            json!(["Vedtægter", "Budget og regnskab for sidste år"])
        );
        let id = r.json()["id"].as_i64().expect("id");
        let submit = format!("/api/v1/grants/applications/{id}/submit");
        let r = api
            .send(Request::post(&submit).body(Body::empty()).expect("request"))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(r.json()["errors"][0]["field"], "submit");

        let upload = |query: &str, bytes: &'static [u8]| {
            Request::post(format!(
                "/api/v1/grants/applications/{id}/documents?{query}"
            ))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(bytes))
            .expect("request")
        };
        let r = api
            .send(upload("file_name=budget.xlsx&requirement=1", PDF))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a PDF named .xlsx"
        );
        assert_eq!(r.json()["errors"][0]["field"], "file");
        let r = api.send(upload("file_name=v.pdf&requirement=7", PDF)).await;
        assert_eq!(r.json()["errors"][0]["field"], "requirement", "{}", r.text);
        let r = api
            .send(upload(
                "file_name=V%C3%A6dt%C3%A6gter.pdf&requirement=0",
                PDF,
            ))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let statutes = r.json();
        assert_eq!(statutes["requirement"], "Vedtægter");
        assert_eq!(statutes["file_name"], "Vædtægter.pdf");
        assert_eq!(statutes["media_type"], "application/pdf");
        assert_eq!(statutes["size_bytes"], PDF.len());
        let r = api
            .send(upload("file_name=regnskab.pdf&requirement=1", PDF))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);

        let r = api
            .send(Request::post(&submit).body(Body::empty()).expect("request"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["status"], "submitted");
        assert_eq!(r.json()["missing_documents"], json!([]));

        // Submitted: the only statutes stay; the token reads the document where it says.
        let document = statutes["id"].as_i64().expect("id");
        let r = api
            .send(
                Request::delete(format!(
                    "/api/v1/grants/applications/{id}/documents/{document}"
                ))
                .body(Body::empty())
                .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        let url = statutes["url"].as_str().expect("url");
        let r = api.get(&local(url)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.bytes, PDF);
        app.cleanup().await;
    }
}
