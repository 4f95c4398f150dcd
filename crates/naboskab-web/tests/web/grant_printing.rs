//! Grant applications on paper, as their users meet them on every backend: the committee's
//! PDF of an application in the reader's language, the municipality's scores in it for the
//! municipality only, and the decision letter for the applicant and the municipality once
//! decided, in Danish and the applicant's language; nobody else gets either.

use crate::helpers::*;
use axum::http::StatusCode;

const ORGANISER: &str = "arrangoer@demo.naboskab.dk";
const OFFICER: &str = "kommune@demo.naboskab.dk";
const HOUSING: &str = "boligorganisation@demo.naboskab.dk";

/// The first demo application in `status` to the call of `year`, with its title.
async fn demo_application(app: &TestApp, year: i64, status: &str) -> (i64, String) {
    let row = app
        .db()
        .query_one(
            "SELECT a.id, a.title FROM grant_application a JOIN grant_call c ON c.id = a.call_id \
             WHERE c.year = $1 AND a.status = $2 ORDER BY a.id LIMIT 1",
            naboskab_store::params![year, status],
        )
        .await
        .expect("demo application");
    (
        row.i64("id").expect("id"),
        row.string("title").expect("title"),
    )
}

/// Øre as the Danish pages write money: "42.000,00 kr.".
fn danish_money(ore: i64) -> String {
    let kroner = (ore / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in kroner.chars().enumerate() {
        if i > 0 && (kroner.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    format!("{grouped},{:02} kr.", ore % 100)
}

/// The text of the PDF at `path`, as a separate reader extracts it, words single-spaced.
async fn text_of(c: &mut Client, path: &str) -> String {
    let r = c.get(path).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text);
    pdf_text(&r.bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fetches `path` as a PDF and reads what a PDF reader shows of it.
async fn pdf(c: &mut Client, path: &str) -> PdfFacts {
    let r = c.get(path).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text);
    assert_eq!(r.header("content-type"), "application/pdf");
    assert!(
        r.header("content-disposition").starts_with("attachment;"),
        "a file to save"
    );
    pdf_facts(&r.bytes)
}

#[tokio::test]
async fn the_committee_prints_an_application_with_the_scores_only_the_municipality_reads() {
    for app in TestApp::all().await {
        let (id, title) = demo_application(&app, 2026, "reported").await;
        let path = format!("/grants/applications/{id}/application.pdf");

        let mut officer = app.logged_in(OFFICER).await;
        let page = officer.get(&format!("/grants/applications/{id}")).await;
        assert!(page.text.contains(&path), "the page links to the PDF");
        let call = app
            .db()
            .query_one(
                "SELECT call_id FROM grant_application WHERE id = $1",
                naboskab_store::params![id],
            )
            .await
            .expect("call")
            .i64("call_id")
            .expect("call id");
        let list = officer
            .get(&format!("/grants/calls/{call}/applications"))
            .await;
        assert!(
            list.text.contains(&path),
            "the committee's list links each PDF"
        );
        let row = app
            .db()
            .query_one(
                "SELECT amount_applied_ore, summary FROM grant_application WHERE id = $1",
                naboskab_store::params![id],
            )
            .await
            .expect("application");
        let applied = danish_money(row.i64("amount_applied_ore").expect("applied"));
        let summary = row.string("summary").expect("summary");
        let text = text_of(&mut officer, &path).await;
        for expected in [title.as_str(), "Ansøgt beløb", &applied, &summary] {
            assert!(
                text.contains(expected),
                "{expected:?} in the PDF's text: {text}"
            );
        }
        let printed = pdf(&mut officer, &path).await;
        assert_eq!(printed.title, format!("Ansøgning nr. {id}: {title}"));
        assert_eq!(printed.languages, ["da"]);
        assert!(printed.pages >= 1);
        for heading in [
            "Aktiviteter",
            "Budget",
            "Indtægter",
            "Rapport",
            "Kommunens vurdering",
        ] {
            assert!(
                printed.outline.iter().any(|h| h == heading),
                "{heading} in {:?}",
                printed.outline
            );
        }

        let mut applicant = app.logged_in(ORGANISER).await;
        let theirs = pdf(&mut applicant, &path).await;
        assert!(theirs.outline.iter().any(|h| h == "Budget"));
        assert!(
            !theirs.outline.iter().any(|h| h == "Kommunens vurdering"),
            "the scores are the municipality's: {:?}",
            theirs.outline
        );

        // In the reader's language, Arabic included.
        let mut arabic = app.logged_in(OFFICER).await;
        arabic.headers.push(("accept-language".into(), "ar".into()));
        let arabic_text = text_of(&mut arabic, &path).await;
        assert!(arabic_text.contains("المبلغ المطلوب"), "{arabic_text}");
        assert!(
            arabic_text.contains(&summary),
            "what the applicant wrote, as written: {arabic_text}"
        );
        let in_arabic = pdf(&mut arabic, &path).await;
        assert_eq!(in_arabic.languages, ["ar"]);
        assert!(in_arabic.title.contains(&title), "{}", in_arabic.title);
        assert!(
            in_arabic.outline.iter().any(|h| h == "الميزانية"),
            "{:?}",
            in_arabic.outline
        );

        for who in ["beboer@demo.naboskab.dk", "vicevaert@demo.naboskab.dk"] {
            let mut c = app.logged_in(who).await;
            assert_eq!(c.get(&path).await.status, StatusCode::NOT_FOUND, "{who}");
        }
        let mut anonymous = app.client();
        let r = anonymous.get(&path).await;
        assert!(
            r.status == StatusCode::SEE_OTHER && r.location().starts_with("/login"),
            "anonymous: {} {}",
            r.status,
            r.location()
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_decision_letter_is_the_applicants_and_the_municipalitys_in_both_languages() {
    for app in TestApp::all().await {
        let (id, title) = demo_application(&app, 2027, "submitted").await;
        let letter = format!("/grants/applications/{id}/decision.pdf");
        let mut officer = app.logged_in(OFFICER).await;
        assert_eq!(
            officer.get(&letter).await.status,
            StatusCode::NOT_FOUND,
            "no letter before the decision"
        );
        let page = officer.get(&format!("/grants/applications/{id}")).await;
        assert!(!page.text.contains(&letter), "no link before the decision");

        // The applicant reads Arabic: the letter is in Danish, then in Arabic.
        app.db()
            .execute(
                "UPDATE app_user SET preferred_locale = 'ar' WHERE id = \
                 (SELECT created_by FROM grant_application WHERE id = $1)",
                naboskab_store::params![id],
            )
            .await
            .expect("author reads Arabic");
        let decided = officer
            .post_form(
                &format!("/grants/applications/{id}/decide"),
                &[("decision", "refuse"), ("reason", "Puljen er brugt op")],
            )
            .await;
        assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.text);
        let page = officer.get(&format!("/grants/applications/{id}")).await;
        assert!(page.text.contains(&letter), "the page links to the letter");

        let text = text_of(&mut officer, &letter).await;
        assert_eq!(
            text.matches("Puljen er brugt op").count(),
            2,
            "the reason on the Danish page and on the Arabic one: {text}"
        );
        assert!(
            text.contains("Begrundelse:") && text.contains("السبب"),
            "{text}"
        );
        let printed = pdf(&mut officer, &letter).await;
        assert_eq!(printed.title, format!("Afgørelse om {title}"));
        assert_eq!(printed.pages, 2, "a page in Danish and one in Arabic");
        assert_eq!(printed.languages, ["da"], "Danish first");
        let mut applicant = app.logged_in(ORGANISER).await;
        assert_eq!(pdf(&mut applicant, &letter).await.pages, 2);

        // Housing staff read the application (it names their departments), not the letter.
        let mut housing = app.logged_in(HOUSING).await;
        assert_eq!(
            housing
                .get(&format!("/grants/applications/{id}/application.pdf"))
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(housing.get(&letter).await.status, StatusCode::FORBIDDEN);
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        assert_eq!(resident.get(&letter).await.status, StatusCode::NOT_FOUND);
        app.cleanup().await;
    }
}
