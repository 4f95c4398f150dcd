//! Organisers publish offers; staff approve newcomers; nobody edits another organisation's
//! offers (SEC-02); rich text is sanitised on the way in (SEC-05).

use crate::helpers::*;
use axum::http::StatusCode;
use naboskab_store::offers;

fn offer_id(location: &str) -> i64 {
    location
        .trim_start_matches("/offers/")
        .split('?')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("offer id in redirect")
}

#[tokio::test]
async fn an_organiser_creates_previews_and_publishes_an_offer_that_residents_then_find() {
    for app in TestApp::all().await {
        let mut org = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let form = org.get("/offers/new").await;
        assert_eq!(form.status, StatusCode::OK);
        let seniorklub = app.demo.org("assoc-seniorklub").expect("org").to_string();
        let dep = app.demo.org("dep-norreparken").expect("dep").to_string();
        let fields = |intent: &'static str| {
            vec![
                ("organisation", seniorklub.clone()),
                ("department", dep.clone()),
                ("kind", "activity".to_owned()),
                ("title", "Kortspil og kaffe".to_owned()),
                ("description", "Vi spiller <strong>whist</strong>.<script>alert(1)</script><img src=x onerror=alert(1)>".to_owned()),
                ("when_text", "Torsdage kl. 13".to_owned()),
                ("weekday", "4".to_owned()),
                ("category", "games".to_owned()),
                ("target_group", "elderly".to_owned()),
                ("language", "da".to_owned()),
                ("price", "10".to_owned()),
                ("newcomers_welcome", "1".to_owned()),
                ("title_ar", "ورق اللعب والقهوة".to_owned()),
                ("intent", intent.to_owned()),
            ]
        };
        let as_refs = |v: &Vec<(&'static str, String)>| {
            v.iter().map(|(k, x)| (*k, x.clone())).collect::<Vec<_>>()
        };
        let preview_fields = as_refs(&fields("preview"));
        let refs: Vec<(&str, &str)> = preview_fields
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        let preview = org.post_form("/offers/new", &refs).await;
        assert_eq!(preview.status, StatusCode::OK);
        let sel = scraper::Selector::parse("#preview-heading ~ .rich-text").expect("selector");
        let shown = preview
            .html()
            .select(&sel)
            .next()
            .expect("preview")
            .inner_html();
        assert!(shown.contains("<strong>whist</strong>"), "{shown}");
        assert!(
            !shown.contains("script") && !shown.contains("onerror") && !shown.contains("<img"),
            "sanitised in the preview: {shown}"
        );
        assert!(
            offers::offers_of_organisation(app.db(), seniorklub.parse().expect("id"))
                .await
                .expect("list")
                .iter()
                .all(|o| o.1 != "Kortspil og kaffe"),
            "preview stores nothing"
        );

        let publish_fields = as_refs(&fields("publish"));
        let refs: Vec<(&str, &str)> = publish_fields
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        let r = org.post_form("/offers/new", &refs).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let id = offer_id(r.location());
        let stored = offers::offer(app.db(), id)
            .await
            .expect("get")
            .expect("stored");
        assert_eq!(
            stored.status,
            naboskab_domain::offer::OfferStatus::Published,
            "the association has published in this housing organisation before"
        );
        assert_eq!(stored.price_ore, Some(1000));
        assert!(stored.description_html.contains("<strong>whist</strong>"));
        assert!(
            !stored.description_html.contains("script")
                && !stored.description_html.contains("onerror")
        );
        assert_eq!(
            stored.street, "Parkvej 14",
            "the department's address is used"
        );
        let found = app.client().get("/offers?q=kortspil").await;
        assert!(
            found
                .select_text(".offer-card .card__title")
                .contains(&"Kortspil og kaffe".to_owned()),
            "search sees it at once"
        );

        // Edit, then archive.
        let mut edit_fields = as_refs(&fields("publish"));
        edit_fields.retain(|(k, _)| *k != "title");
        edit_fields.push(("title", "Kortspil, kaffe og kage".to_owned()));
        let refs: Vec<(&str, &str)> = edit_fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            org.post_form(&format!("/offers/{id}/edit"), &refs)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            offers::offer(app.db(), id)
                .await
                .expect("get")
                .expect("stored")
                .title,
            "Kortspil, kaffe og kage"
        );
        assert_eq!(
            org.post_form(&format!("/offers/{id}/archive"), &[])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.client().get(&format!("/offers/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn bad_offer_input_is_named_and_kept() {
    for app in TestApp::all().await {
        let mut org = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let seniorklub = app.demo.org("assoc-seniorklub").expect("org").to_string();
        let r = org
            .post_form(
                "/offers/new",
                &[
                    ("organisation", &seniorklub),
                    ("kind", "party"),
                    ("title", ""),
                    ("price", "tyve kroner"),
                    ("description", "Min tekst"),
                    ("intent", "publish"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            r.select_text(".error-summary li").len(),
            3,
            "{:?}",
            r.select_text(".error-summary li")
        );
        assert_eq!(
            r.attr("#field-price", "value").as_deref(),
            Some("tyve kroner")
        );
        assert!(
            r.select_text("#field-description")
                .contains(&"Min tekst".to_owned())
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_association_new_to_a_housing_organisation_waits_for_approval_by_its_staff() {
    for app in TestApp::all().await {
        // Give the organiser a new association with no history in Vestegnens Almene Boliger.
        let new_assoc = naboskab_store::orgs::create_organisation(
            app.db(),
            &naboskab_store::orgs::NewOrganisation {
                kind: Some(naboskab_domain::OrgKind::Association),
                name: "Ny forening".into(),
                ..Default::default()
            },
            T0,
        )
        .await
        .expect("org");
        let organiser = app.demo.user("arrangoer@demo.naboskab.dk").expect("user");
        naboskab_store::users::add_membership(
            app.db(),
            organiser,
            new_assoc,
            naboskab_domain::Role::Organiser,
            T0,
        )
        .await
        .expect("role");
        let mut org = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let dep = app.demo.org("dep-norreparken").expect("dep").to_string();
        let r = org
            .post_form(
                "/offers/new",
                &[
                    ("organisation", &new_assoc.to_string()),
                    ("department", &dep),
                    ("kind", "activity"),
                    ("title", "Brætspilsaften"),
                    ("intent", "publish"),
                ],
            )
            .await;
        let id = offer_id(r.location());
        assert_eq!(
            offers::offer(app.db(), id)
                .await
                .expect("get")
                .expect("stored")
                .status,
            naboskab_domain::offer::OfferStatus::Pending
        );
        assert_eq!(
            app.client().get(&format!("/offers/{id}")).await.status,
            StatusCode::NOT_FOUND,
            "not public yet"
        );

        // A board member of another department's organisation cannot approve; the housing org admin can.
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        assert_eq!(
            resident
                .post_form(&format!("/offers/{id}/approve"), &[])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut staff = app.logged_in("boligorganisation@demo.naboskab.dk").await;
        let list = staff.get("/manage/offers").await;
        assert!(list.text.contains("Brætspilsaften"), "listed for approval");
        assert_eq!(
            staff
                .post_form(&format!("/offers/{id}/approve"), &[])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.client().get(&format!("/offers/{id}")).await.status,
            StatusCode::OK
        );

        // The housing organisation turns approval off: another new association publishes at once.
        let housing_org = naboskab_store::orgs::organisation(app.db(), dep.parse().expect("id"))
            .await
            .expect("get")
            .and_then(|d| d.parent_id)
            .expect("parent");
        let settings = staff
            .get(&format!("/organisations/{housing_org}/members"))
            .await;
        assert!(
            settings
                .text
                .contains("name=\"offers_need_approval\" value=\"1\" checked"),
            "on by default"
        );
        let r = staff
            .post_form(&format!("/organisations/{housing_org}/approval"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            !staff
                .get(&format!("/organisations/{housing_org}/members"))
                .await
                .text
                .contains("value=\"1\" checked"),
            "shown as off"
        );
        let other_assoc = naboskab_store::orgs::create_organisation(
            app.db(),
            &naboskab_store::orgs::NewOrganisation {
                kind: Some(naboskab_domain::OrgKind::Association),
                name: "Endnu en forening".into(),
                ..Default::default()
            },
            T0,
        )
        .await
        .expect("org");
        naboskab_store::users::add_membership(
            app.db(),
            organiser,
            other_assoc,
            naboskab_domain::Role::Organiser,
            T0,
        )
        .await
        .expect("role");
        let r = org
            .post_form(
                "/offers/new",
                &[
                    ("organisation", &other_assoc.to_string()),
                    ("department", &dep),
                    ("kind", "activity"),
                    ("title", "Skakklub"),
                    ("intent", "publish"),
                ],
            )
            .await;
        let id = offer_id(r.location());
        assert_eq!(
            app.client().get(&format!("/offers/{id}")).await.status,
            StatusCode::OK,
            "published without approval"
        );
        // Only the housing organisation's administrators may change the setting.
        assert_eq!(
            org.post_form(
                &format!("/organisations/{housing_org}/approval"),
                &[("offers_need_approval", "1")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_platform_administrator_edits_the_helplines_of_the_lonely_page() {
    for app in TestApp::all().await {
        let mut admin = app.logged_in("admin@demo.naboskab.dk").await;
        let r = admin
            .post_form(
                "/admin/helplines",
                &[
                    ("name", "Nattelinjen"),
                    ("phone", "ring mig"),
                    ("url", "javascript:x"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text.contains("Skriv telefonnummeret med cifre"),
            "{}",
            r.text
        );
        assert!(r.text.contains("https://"), "the address problem is named");
        assert!(
            r.text.contains("value=\"Nattelinjen\""),
            "what was typed is kept"
        );
        let r = admin
            .post_form(
                "/admin/helplines",
                &[
                    ("name", "Nattelinjen"),
                    ("phone", "+45 70 00 00 01"),
                    ("hours", "Hver nat kl. 22–06"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let lonely = app.client().get("/ensom").await;
        assert!(lonely.text.contains("Nattelinjen") && lonely.text.contains("Hver nat kl. 22–06"));
        let id = offers::helplines(app.db())
            .await
            .expect("list")
            .iter()
            .find(|h| h.name == "Nattelinjen")
            .expect("stored")
            .id;
        let r = admin
            .post_form(
                &format!("/admin/helplines/{id}"),
                &[
                    ("name", "Nattelinjen"),
                    ("phone", "70 00 00 01"),
                    ("delete", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            !app.client()
                .get("/ensom")
                .await
                .text
                .contains("Nattelinjen")
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn nobody_edits_another_organisations_offers() {
    for app in TestApp::all().await {
        // An offer of Kulturforeningen Broen, which the demo organiser does not belong to.
        let broen = app.demo.org("assoc-broen").expect("org");
        let theirs = offers::offers_of_organisation(app.db(), broen)
            .await
            .expect("list")[0]
            .0;
        let mut org = app.logged_in("arrangoer@demo.naboskab.dk").await;
        assert_eq!(
            org.get(&format!("/offers/{theirs}/edit")).await.status,
            StatusCode::NOT_FOUND
        );
        let before = offers::offer(app.db(), theirs)
            .await
            .expect("get")
            .expect("exists");
        let r = org
            .post_form(
                &format!("/offers/{theirs}/edit"),
                &[
                    ("title", "Overtaget"),
                    ("kind", "activity"),
                    ("intent", "publish"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(
            org.post_form(&format!("/offers/{theirs}/archive"), &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            offers::offer(app.db(), theirs)
                .await
                .expect("get")
                .expect("exists"),
            before,
            "nothing changed"
        );
        // Nor can they publish in someone else's name.
        let r = org
            .post_form(
                "/offers/new",
                &[
                    ("organisation", &broen.to_string()),
                    ("kind", "activity"),
                    ("title", "Falsk"),
                    ("intent", "publish"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Residents have no offers to manage.
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        assert_eq!(
            resident.get("/offers/new").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            resident.get("/manage/offers").await.status,
            StatusCode::FORBIDDEN
        );
        app.cleanup().await;
    }
}
