//! Contract tests for offers and search, on SQLite always and PostgreSQL when configured.
//! The search behaviour table (stemming, synonyms, folding, typos, filters, distance, paging)
//! runs here against both backends.

use naboskab_domain::OrgKind;
use naboskab_store::catalogue::{Catalogue, Cursor, FindParams, OfferQuery};
use naboskab_store::offers::{self, ContactRequest, Helpline, Offer, Translation};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::{Db, users};

const NOW: i64 = 1_790_000_000;

use naboskab_store::on_every_backend;

async fn org(db: &Db) -> i64 {
    orgs::create_organisation(
        db,
        &NewOrganisation {
            kind: Some(OrgKind::Association),
            name: "Forening".into(),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("org")
}

fn offer(org: i64, title: &str, description: &str) -> Offer {
    Offer {
        organisation_id: org,
        kind: "activity".into(),
        status: naboskab_domain::offer::OfferStatus::Published,
        title: title.into(),
        description_html: format!("<p>{description}</p>"),
        ..Default::default()
    }
}

/// Near Taastrup station and 7 km west, in Hedehusene.
const TAASTRUP: (f64, f64) = (55.6517, 12.2995);
const HEDEHUSENE: (f64, f64) = (55.6470, 12.1960);

async fn seed(db: &Db) -> Vec<i64> {
    let o = org(db).await;
    let mut list = vec![
        Offer {
            categories: vec!["food".into()],
            target_groups: vec!["families".into()],
            languages: vec!["da".into(), "ar".into()],
            weekdays: vec!["2".into()],
            lat: Some(TAASTRUP.0),
            lon: Some(TAASTRUP.1),
            ..offer(
                o,
                "Fællesspisning i fælleshuset",
                "Vi laver mad sammen og spiser ved lange borde.",
            )
        },
        Offer {
            categories: vec!["crafts".into()],
            target_groups: vec!["elderly".into()],
            languages: vec!["da".into()],
            weekdays: vec!["2".into()],
            step_free: true,
            lat: Some(HEDEHUSENE.0),
            lon: Some(HEDEHUSENE.1),
            ..offer(o, "Strikkeklub", "Vi strikker og drikker kaffe.")
        },
        Offer {
            categories: vec!["learning".into()],
            target_groups: vec!["children".into()],
            languages: vec!["da".into(), "ar".into()],
            weekdays: vec!["3".into()],
            price_ore: Some(2500),
            lat: Some(TAASTRUP.0 + 0.002),
            lon: Some(TAASTRUP.1),
            ..offer(o, "Lektiecafé for børn", "Frivillige hjælper med lektier.")
        },
        Offer {
            categories: vec!["language".into()],
            target_groups: vec!["newcomers".into()],
            languages: vec!["ar".into(), "da".into()],
            newcomers_welcome: true,
            translations: vec![Translation {
                locale: "ar".into(),
                title: "مقهى اللغة".into(),
                description_html: "<p>تحدث الدنماركية مع الجيران</p>".into(),
            }],
            ..offer(o, "Sprogcafé", "Snak dansk med naboer over en kop te.")
        },
        Offer {
            status: naboskab_domain::offer::OfferStatus::Draft,
            ..offer(o, "Hemmelig fællesspisning", "Kladde, ikke offentlig.")
        },
        Offer {
            categories: vec!["movement".into()],
            target_groups: vec!["elderly".into()],
            ..offer(o, "Gåtur for ældre", "Vi går en tur i parken hver torsdag.")
        },
    ];
    let mut ids = vec![];
    for o in list.drain(..) {
        ids.push(offers::create_offer(db, &o, NOW).await.expect("create"));
    }
    ids
}

async fn titles(
    db: &Db,
    text: &str,
    filters: OfferQuery,
    centre: Option<(f64, f64, f64)>,
) -> Vec<String> {
    // A fresh catalogue each time: every search here also proves a full load.
    let catalogue = Catalogue::new();
    let page = catalogue
        .find(
            db,
            &FindParams {
                text: text.into(),
                filters,
                centre,
                after: None,
                limit: 50,
            },
        )
        .await
        .expect("find");
    let ids: Vec<i64> = page.items.iter().map(|f| f.id).collect();
    catalogue
        .cards(&ids, "da")
        .expect("cards")
        .into_iter()
        .map(|c| c.title)
        .collect()
}

#[tokio::test]
async fn offers_round_trip_with_tags_translations_and_status() {
    on_every_backend!(|db| {
        let ids = seed(db).await;
        let o = offers::offer(db, ids[3])
            .await
            .expect("get")
            .expect("exists");
        assert_eq!(o.title, "Sprogcafé");
        assert_eq!(o.languages, vec!["ar", "da"]);
        assert!(o.newcomers_welcome);
        assert_eq!(o.localized("ar").0, "مقهى اللغة");
        assert_eq!(o.localized("en").0, "Sprogcafé", "falls back to Danish");
        let mut changed = o.clone();
        changed.title = "Sprogcafé og te".into();
        changed.translations.clear();
        changed.categories = vec!["language".into(), "games".into()];
        offers::update_offer(db, o.id, &changed, NOW + 10)
            .await
            .expect("update");
        let again = offers::offer(db, o.id).await.expect("get").expect("exists");
        assert_eq!(again.title, "Sprogcafé og te");
        assert!(again.translations.is_empty());
        assert_eq!(again.categories, vec!["games", "language"]);
        assert_eq!(again.updated_at, NOW + 10);
        offers::set_status(db, o.id, naboskab_domain::offer::OfferStatus::Archived, NOW)
            .await
            .expect("archive");
        assert!(
            titles(db, "sprogcafé", OfferQuery::default(), None)
                .await
                .is_empty(),
            "archived offers are not found"
        );
        assert!(
            offers::update_offer(db, 999_999, &changed, NOW)
                .await
                .is_err()
        );
        assert_eq!(
            offers::offers_of_organisation(db, o.organisation_id)
                .await
                .expect("list")
                .len(),
            6
        );
        let dep = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::Department),
                name: "Afd".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("dep");
        let placed = Offer {
            department_id: Some(dep),
            ..offer(o.organisation_id, "Bingo", "Tal og kaffe")
        };
        offers::create_offer(db, &placed, NOW)
            .await
            .expect("placed");
        assert_eq!(
            offers::organisations_active_in(db, dep)
                .await
                .expect("partners"),
            vec![o.organisation_id]
        );
        let cats = offers::categories(db).await.expect("categories");
        assert_eq!(cats.len(), 14);
        assert_eq!(cats[1].name("en"), "Food and communal dining");
    });
}

#[tokio::test]
async fn search_behaviour_is_the_same_on_every_backend() {
    on_every_backend!(|db| {
        seed(db).await;
        let none = OfferQuery::default;
        // Stemming, synonyms, folding, typos, every word must match.
        assert_eq!(
            titles(db, "fællesspisninger", none(), None).await,
            vec!["Fællesspisning i fælleshuset"]
        );
        assert_eq!(
            titles(db, "spisning", none(), None).await,
            vec!["Fællesspisning i fælleshuset"]
        );
        assert_eq!(titles(db, "strik", none(), None).await, vec!["Strikkeklub"]);
        assert_eq!(
            titles(db, "barn", none(), None).await,
            vec!["Lektiecafé for børn"]
        );
        assert_eq!(
            titles(db, "faellesspisning", none(), None).await,
            vec!["Fællesspisning i fælleshuset"]
        );
        assert_eq!(
            titles(db, "lektiecafe", none(), None).await,
            vec!["Lektiecafé for børn"]
        );
        assert_eq!(
            titles(db, "strikkekulb", none(), None).await,
            vec!["Strikkeklub"],
            "one typo"
        );
        assert_eq!(
            titles(db, "gaatur aeldre", none(), None).await,
            vec!["Gåtur for ældre"]
        );
        assert!(titles(db, "gåtur børn", none(), None).await.is_empty());
        // Across translations.
        assert_eq!(titles(db, "اللغة", none(), None).await, vec!["Sprogcafé"]);
        // Literal input never errors.
        for q in [
            "\"kaffe\"",
            "kaffe*",
            "title:kaffe",
            "kaffe OR te",
            "NEAR(kaffe)",
            "'; DROP TABLE offer; --",
            "%",
            "\\",
        ] {
            let r = titles(db, q, none(), None).await;
            assert!(r.len() <= 6, "{q}");
        }
        assert_eq!(
            titles(db, "\"kaffe\"", none(), None).await,
            vec!["Strikkeklub"]
        );
        // Drafts are never found.
        assert!(
            !titles(db, "hemmelig", none(), None)
                .await
                .iter()
                .any(|t| t.contains("Hemmelig"))
        );
    });
}

#[tokio::test]
async fn filters_distance_and_ranking() {
    on_every_backend!(|db| {
        seed(db).await;
        let q = |f: fn(&mut OfferQuery)| {
            let mut o = OfferQuery::default();
            f(&mut o);
            o
        };
        assert_eq!(
            titles(db, "", q(|o| o.category = Some("crafts".into())), None).await,
            vec!["Strikkeklub"]
        );
        let elderly = titles(db, "", q(|o| o.target_group = Some("elderly".into())), None).await;
        assert_eq!(
            elderly,
            vec!["Gåtur for ældre", "Strikkeklub"],
            "newest first when browsing"
        );
        assert_eq!(
            titles(db, "", q(|o| o.language = Some("ar".into())), None)
                .await
                .len(),
            3
        );
        assert_eq!(
            titles(db, "", q(|o| o.weekday = Some("2".into())), None)
                .await
                .len(),
            2
        );
        assert!(
            !titles(db, "", q(|o| o.free = true), None)
                .await
                .contains(&"Lektiecafé for børn".to_owned())
        );
        assert_eq!(
            titles(db, "", q(|o| o.accessible = true), None).await,
            vec!["Strikkeklub"]
        );
        assert_eq!(
            titles(db, "", q(|o| o.newcomers_welcome = true), None).await,
            vec!["Sprogcafé"]
        );
        // Within 1 km of Taastrup station: the two in Taastrup, nearest first; Hedehusene is 6.6 km away.
        let near = titles(
            db,
            "",
            OfferQuery::default(),
            Some((TAASTRUP.0, TAASTRUP.1, 1000.0)),
        )
        .await;
        assert_eq!(
            near,
            vec!["Fællesspisning i fælleshuset", "Lektiecafé for børn"]
        );
        let wide = titles(
            db,
            "",
            OfferQuery::default(),
            Some((TAASTRUP.0, TAASTRUP.1, 10_000.0)),
        )
        .await;
        assert_eq!(wide.len(), 3);
        assert_eq!(wide[2], "Strikkeklub");
        let page = Catalogue::new()
            .find(
                db,
                &FindParams {
                    text: "kaffe".into(),
                    centre: Some((TAASTRUP.0, TAASTRUP.1, 10_000.0)),
                    limit: 10,
                    ..Default::default()
                },
            )
            .await
            .expect("find");
        let d = page.items[0].distance_m.expect("distance");
        assert!((6_000..7_500).contains(&d), "{d} m");
        // Titles weigh more than descriptions.
        let o = org(db).await;
        offers::create_offer(db, &offer(o, "Kaffeklub", "Hygge."), NOW)
            .await
            .expect("create");
        let ranked = titles(db, "kaffe", OfferQuery::default(), None).await;
        assert_eq!(ranked[0], "Kaffeklub");
    });
}

#[tokio::test]
async fn paging_with_a_cursor_is_stable_when_offers_are_added() {
    on_every_backend!(|db| {
        let o = org(db).await;
        for i in 0..25 {
            offers::create_offer(
                db,
                &offer(o, &format!("Klub nummer {i}"), "Fællesskab og kaffe"),
                NOW,
            )
            .await
            .expect("create");
        }
        // One catalogue for the whole reading, as in a running server: it must notice the
        // offer added between pages and still page without duplicates or gaps.
        let catalogue = Catalogue::new();
        for text in ["", "kaffe"] {
            let mut seen = vec![];
            let mut after: Option<Cursor> = None;
            let mut pages = 0;
            loop {
                let page = catalogue
                    .find(
                        db,
                        &FindParams {
                            text: text.into(),
                            after,
                            limit: 10,
                            ..Default::default()
                        },
                    )
                    .await
                    .expect("find");
                seen.extend(page.items.iter().map(|f| f.id));
                pages += 1;
                if pages == 1 {
                    // Someone adds an offer while the resident reads page 1.
                    offers::create_offer(db, &offer(o, "Ny klub", "Fællesskab og kaffe"), NOW)
                        .await
                        .expect("create");
                }
                match page.next {
                    Some(c) => after = Some(Cursor::decode(&c.encode()).expect("round trip")),
                    None => break,
                }
            }
            let unique: std::collections::BTreeSet<_> = seen.iter().collect();
            assert_eq!(
                unique.len(),
                seen.len(),
                "no duplicates across pages ({text:?})"
            );
            assert!(
                seen.len() >= 25,
                "nothing skipped ({text:?}): {}",
                seen.len()
            );
        }
        assert!(Cursor::decode("x~1~2").is_none());
        assert!(Cursor::decode("1~2").is_none());
    });
}

#[tokio::test]
async fn the_catalogue_follows_edits_archiving_and_writes_from_another_process() {
    for t in naboskab_store::testing::TestDb::all()
        .await
        .expect("test databases")
    {
        let db = &t.db;
        let o = org(db).await;
        let id = offers::create_offer(db, &offer(o, "Strikkeklub", "Vi strikker."), NOW)
            .await
            .expect("create");
        let catalogue = Catalogue::new();
        let search = |text: &'static str| {
            let catalogue = &catalogue;
            async move {
                let page = catalogue
                    .find(
                        db,
                        &FindParams {
                            text: text.into(),
                            limit: 10,
                            ..Default::default()
                        },
                    )
                    .await
                    .expect("find");
                page.items.iter().map(|f| f.id).collect::<Vec<_>>()
            }
        };
        assert_eq!(search("strik").await, vec![id]);

        // An edit in this process is seen by the very next search: old words no longer match.
        let mut edited = offers::offer(db, id).await.expect("read").expect("offer");
        edited.title = "Korsang".into();
        edited.description_html = "<p>Vi synger.</p>".into();
        offers::update_offer(db, id, &edited, NOW)
            .await
            .expect("update");
        assert_eq!(search("strik").await, Vec::<i64>::new());
        assert_eq!(search("korsang").await, vec![id]);
        assert_eq!(
            catalogue.cards(&[id], "da").expect("cards")[0].title,
            "Korsang"
        );

        // Archived offers leave the catalogue.
        offers::set_status(db, id, naboskab_domain::offer::OfferStatus::Archived, NOW)
            .await
            .expect("archive");
        assert_eq!(search("korsang").await, Vec::<i64>::new());
        assert!(catalogue.cards(&[id], "da").expect("cards").is_empty());

        // Another process adds an offer: seen once the recheck interval has passed.
        let other = t.another_handle().await.expect("second handle");
        let added = offers::create_offer(&other, &offer(o, "Bogklub", "Vi læser."), NOW)
            .await
            .expect("create elsewhere");
        other.close().await;
        tokio::time::sleep(naboskab_store::catalogue::RECHECK).await;
        assert_eq!(search("bogklub").await, vec![added]);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn lonely_page_data_helplines_caretakers_and_contact_requests() {
    on_every_backend!(|db| {
        let hid = offers::add_helpline(
            db,
            &Helpline {
                name: "Eksempel-linjen".into(),
                phone: "70 00 00 00".into(),
                is_example: true,
                ..Default::default()
            },
            1,
        )
        .await
        .expect("helpline");
        let lines = offers::helplines(db).await.expect("helplines");
        assert_eq!((lines[0].id, lines[0].is_example), (hid, true));

        let bo = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::HousingOrganisation),
                name: "Bo".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("bo");
        let dep = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::Department),
                name: "Afd".into(),
                parent_id: Some(bo),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("dep");
        let u = users::create_user(
            db,
            &users::NewUser {
                email: "v@example.dk",
                display_name: "Vicevært",
                password_hash: None,
                verified: true,
                locale: None,
            },
            NOW,
        )
        .await
        .expect("user");
        users::add_membership(db, u, bo, naboskab_domain::Role::SocialCaretaker, NOW)
            .await
            .expect("role");
        offers::set_staff_profile(db, u, "12 34 56 78", "Tirsdag 10–12", "")
            .await
            .expect("profile");
        let chain = orgs::chain(db, dep).await.expect("chain");
        let staff = offers::caretakers_for(db, &chain)
            .await
            .expect("caretakers");
        assert_eq!(staff.len(), 1);
        assert_eq!(
            (staff[0].name.as_str(), staff[0].phone.as_str()),
            ("Vicevært", "12 34 56 78")
        );

        let key = naboskab_store::seal::SealKey::for_tests("offers");
        let id = offers::create_contact_request(
            db,
            &key,
            &ContactRequest {
                department_id: Some(dep),
                name: "Inger".into(),
                phone: "20 30 40 50".into(),
                consent_text: "Ja tak".into(),
                preferred_language: "da".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("request");
        let reqs = offers::contact_requests_for(db, &key, dep)
            .await
            .expect("list");
        assert_eq!(
            (reqs[0].id, reqs[0].name.as_str(), reqs[0].created_at),
            (id, "Inger", NOW)
        );
    });
}

#[tokio::test]
async fn a_card_names_its_organisation_and_its_department_apart() {
    on_every_backend!(|db| {
        let association = org(db).await;
        let department = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::Department),
                name: "Afdeling Blomsterhaven".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("department");
        let id = offers::create_offer(
            db,
            &Offer {
                department_id: Some(department),
                ..offer(association, "Strikkecafé", "Vi strikker.")
            },
            NOW,
        )
        .await
        .expect("offer");
        let catalogue = Catalogue::new();
        catalogue
            .find(
                db,
                &FindParams {
                    text: "strik".into(),
                    filters: OfferQuery::default(),
                    centre: None,
                    after: None,
                    limit: 10,
                },
            )
            .await
            .expect("load");
        let card = catalogue.cards(&[id], "da").expect("cards").remove(0);
        assert_eq!(
            (
                card.organisation_name.as_str(),
                card.department_name.as_deref()
            ),
            ("Forening", Some("Afdeling Blomsterhaven")),
            "two columns called name are read as the two names they are"
        );
    });
}

#[tokio::test]
async fn open_data_pages_list_only_published_offers_and_their_owners_with_totals() {
    on_every_backend!(|db| {
        let owner = org(db).await;
        let quiet = org(db).await;
        let mut ids = Vec::new();
        for n in 0..3 {
            ids.push(
                offers::create_offer(db, &offer(owner, &format!("Madklub {n}"), "Mad"), NOW)
                    .await
                    .expect("offer"),
            );
        }
        let draft = Offer {
            status: naboskab_domain::offer::OfferStatus::Draft,
            ..offer(quiet, "Kladde", "Ikke offentlig endnu")
        };
        offers::create_offer(db, &draft, NOW).await.expect("draft");

        let first = naboskab_store::published::offers_page(db, 1, 2)
            .await
            .expect("page 1");
        let second = naboskab_store::published::offers_page(db, 2, 2)
            .await
            .expect("page 2");
        assert_eq!(first.total, 3, "the draft is not counted");
        let listed: Vec<i64> = first
            .items
            .iter()
            .chain(&second.items)
            .map(|o| o.id)
            .collect();
        assert_eq!(
            listed, ids,
            "every published offer once, by id, across the pages"
        );

        let owners = naboskab_store::published::organisations_page(db, 1, 10)
            .await
            .expect("owners");
        assert_eq!(owners.total, 1);
        assert_eq!(
            owners.items.iter().map(|o| o.id).collect::<Vec<_>>(),
            vec![owner]
        );
    });
}
