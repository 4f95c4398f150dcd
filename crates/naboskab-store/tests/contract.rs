//! Contract tests: every store function, on SQLite always and on PostgreSQL whenever
//! `NABOSKAB_TEST_POSTGRES_URL` is set. Each test gets a fresh database or schema.

use naboskab_domain::{Membership, OrgKind, Role};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::outbox::{self, NewMessage};
use naboskab_store::testing::TestDb;
use naboskab_store::users::{self, NewUser, SessionLimits, TokenPurpose};
use naboskab_store::{Backend, StoreError, migrate};

const NOW: i64 = 1_790_000_000;

use naboskab_store::on_every_backend;

async fn user(db: &naboskab_store::Db, email: &str) -> i64 {
    users::create_user(
        db,
        &NewUser {
            email,
            display_name: "Test Person",
            password_hash: Some("$argon2id$x"),
            verified: false,
            locale: None,
        },
        NOW,
    )
    .await
    .expect("create user")
}

#[tokio::test]
async fn migrations_load_98_municipalities_and_rerun_is_a_no_op() {
    on_every_backend!(|db| {
        let all = orgs::municipalities(db).await.expect("list");
        assert_eq!(all.len(), 98);
        let htk = orgs::municipality(db, "0169")
            .await
            .expect("get")
            .expect("Høje-Taastrup");
        assert_eq!(htk.name, "Høje-Taastrup");
        assert_eq!(htk.region_code, "1084");
        assert!(orgs::municipality(db, "9999").await.expect("get").is_none());
        let org = orgs::organisation(db, htk.organisation_id)
            .await
            .expect("org")
            .expect("exists");
        assert_eq!(org.kind, OrgKind::Municipality);
        assert_eq!(migrate::migrate(db, NOW).await.expect("rerun"), 0);
        assert_eq!(orgs::municipalities(db).await.expect("list").len(), 98);
        assert_eq!(
            orgs::organisations_of_kind(db, OrgKind::Platform)
                .await
                .expect("platform")
                .len(),
            1
        );
    });
}

#[tokio::test]
async fn organisations_tree_areas_and_municipality_lookup() {
    on_every_backend!(|db| {
        let bo = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::HousingOrganisation),
                name: "Boligselskabet Test".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("housing org");
        let dep = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::Department),
                name: "Afdeling 1".into(),
                parent_id: Some(bo),
                municipality_code: Some("0169".into()),
                street: Some("Vej 1".into()),
                lat: Some(55.65),
                lon: Some(12.27),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("department");
        let area = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::HousingArea),
                name: "Området".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("area");
        orgs::add_department_to_area(db, area, dep)
            .await
            .expect("area link");
        orgs::add_department_to_area(db, area, dep)
            .await
            .expect("area link is idempotent");

        assert_eq!(orgs::chain(db, dep).await.expect("chain"), vec![dep, bo]);
        assert_eq!(orgs::children(db, bo).await.expect("children")[0].id, dep);
        assert_eq!(
            orgs::area_departments(db, area).await.expect("area deps")[0].id,
            dep
        );
        assert_eq!(
            orgs::areas_of_department(db, dep).await.expect("areas")[0].id,
            area
        );
        let d = orgs::organisation(db, dep)
            .await
            .expect("get")
            .expect("exists");
        assert_eq!(d.lat, Some(55.65));
        assert_eq!(d.street.as_deref(), Some("Vej 1"));
        let in_htk = orgs::organisations_in_municipality(db, "0169")
            .await
            .expect("in municipality");
        assert_eq!(in_htk.len(), 1);
        assert_eq!(
            orgs::organisations_of_kind(db, OrgKind::Department)
                .await
                .expect("kind")
                .len(),
            1
        );
        let partners = orgs::partner_organisations(db).await.expect("partners");
        assert_eq!(partners.len(), 3);
        assert!(
            orgs::organisation(db, 999_999)
                .await
                .expect("get")
                .is_none()
        );
    });
}

#[tokio::test]
async fn users_are_unique_by_email_and_carry_memberships() {
    on_every_backend!(|db| {
        assert!(!users::has_users(db).await.expect("empty"));
        let id = user(db, "a@example.dk").await;
        assert!(users::has_users(db).await.expect("not empty"));
        let dup = users::create_user(
            db,
            &NewUser {
                email: "a@example.dk",
                display_name: "Other",
                password_hash: None,
                verified: true,
                locale: None,
            },
            NOW,
        )
        .await;
        assert!(matches!(dup, Err(StoreError::Conflict(_))), "{dup:?}");

        let u = users::user_by_email(db, "a@example.dk")
            .await
            .expect("by email")
            .expect("exists");
        assert_eq!(u.id, id);
        assert_eq!(u.email_verified_at, None);
        users::mark_email_verified(db, id, NOW + 5)
            .await
            .expect("verify");
        let u = users::user_by_id(db, id)
            .await
            .expect("by id")
            .expect("exists");
        assert_eq!(u.email_verified_at, Some(NOW + 5));
        users::set_preferred_locale(db, id, "ar")
            .await
            .expect("locale");
        assert_eq!(
            users::user_by_id(db, id)
                .await
                .expect("get")
                .expect("exists")
                .preferred_locale
                .as_deref(),
            Some("ar")
        );
        assert_eq!(users::list_users(db).await.expect("list").len(), 1);

        let platform = orgs::organisations_of_kind(db, OrgKind::Platform)
            .await
            .expect("platform")[0]
            .id;
        users::add_membership(db, id, platform, Role::PlatformAdmin, NOW)
            .await
            .expect("grant");
        users::add_membership(db, id, platform, Role::PlatformAdmin, NOW)
            .await
            .expect("grant twice");
        assert_eq!(
            users::memberships_of(db, id).await.expect("memberships"),
            vec![Membership {
                organisation_id: platform,
                role: Role::PlatformAdmin
            }]
        );
        assert_eq!(
            users::membership_views_of_user(db, id)
                .await
                .expect("views")[0]
                .organisation_name,
            "Naboskab"
        );
        assert_eq!(
            users::members_of_organisation(db, platform)
                .await
                .expect("members")[0]
                .user_id,
            id
        );
        assert!(
            users::remove_membership(db, id, platform, Role::PlatformAdmin)
                .await
                .expect("remove")
        );
        assert!(
            !users::remove_membership(db, id, platform, Role::PlatformAdmin)
                .await
                .expect("remove again")
        );
        assert!(
            users::memberships_of(db, id)
                .await
                .expect("memberships")
                .is_empty()
        );

        users::link_oidc(db, id, "https://idp.example", "sub-1")
            .await
            .expect("link");
        assert_eq!(
            users::user_by_oidc(db, "https://idp.example", "sub-1")
                .await
                .expect("oidc")
                .map(|u| u.id),
            Some(id)
        );
        assert!(
            users::user_by_oidc(db, "https://idp.example", "sub-2")
                .await
                .expect("oidc")
                .is_none()
        );
    });
}

#[tokio::test]
async fn sessions_expire_when_idle_absolute_or_disabled_and_password_change_ends_them() {
    on_every_backend!(|db| {
        let id = user(db, "s@example.dk").await;
        let limits = SessionLimits {
            idle_s: 1800,
            absolute_s: 12 * 3600,
        };
        users::create_session(db, "h1", id, "csrf1", limits, Some("test"), NOW)
            .await
            .expect("session");
        let s = users::live_session(db, "h1", NOW + 10)
            .await
            .expect("live")
            .expect("exists");
        assert_eq!((s.user_id, s.csrf_token.as_str()), (id, "csrf1"));
        // Idle for 31 minutes: gone.
        assert!(
            users::live_session(db, "h1", NOW + 31 * 60)
                .await
                .expect("idle")
                .is_none()
        );

        users::create_session(db, "h2", id, "c", limits, None, NOW)
            .await
            .expect("session");
        for minute in (20..12 * 60).step_by(20) {
            users::touch_session(db, "h2", NOW + minute * 60)
                .await
                .expect("touch");
        }
        assert!(
            users::live_session(db, "h2", NOW + 12 * 3600)
                .await
                .expect("absolute")
                .is_none()
        );

        users::create_session(db, "h3", id, "c", limits, None, NOW)
            .await
            .expect("session");
        users::create_session(db, "h4", id, "c", limits, None, NOW)
            .await
            .expect("session");
        assert_eq!(
            users::count_sessions_of_user(db, id).await.expect("count"),
            2
        );
        users::delete_session(db, "h3").await.expect("logout");
        assert!(
            users::live_session(db, "h3", NOW)
                .await
                .expect("gone")
                .is_none()
        );
        assert_eq!(
            users::delete_sessions_of_user(db, id)
                .await
                .expect("everywhere"),
            1
        );

        users::create_session(db, "h5", id, "c", limits, None, NOW)
            .await
            .expect("session");
        let tok = users::create_api_token(db, id, "script", "th1", None, NOW + 3600, NOW)
            .await
            .expect("token");
        users::set_password(db, id, "$argon2id$new", NOW)
            .await
            .expect("password");
        assert!(
            users::live_session(db, "h5", NOW)
                .await
                .expect("after password")
                .is_none()
        );
        assert!(
            users::api_token_user(db, "th1", NOW)
                .await
                .expect("token after password")
                .is_none()
        );
        assert!(
            !users::revoke_api_token(db, id, tok, NOW)
                .await
                .expect("already revoked")
        );

        users::create_session(db, "h6", id, "c", limits, None, NOW)
            .await
            .expect("session");
        users::set_disabled(db, id, true, NOW)
            .await
            .expect("disable");
        assert!(
            users::live_session(db, "h6", NOW)
                .await
                .expect("disabled")
                .is_none()
        );
        users::set_disabled(db, id, false, NOW)
            .await
            .expect("enable");

        users::create_session(
            db,
            "h7",
            id,
            "c",
            SessionLimits {
                idle_s: 10,
                absolute_s: 10,
            },
            None,
            NOW,
        )
        .await
        .expect("s");
        assert_eq!(users::purge_expired(db, NOW + 11).await.expect("purge"), 1);
        // Outbox messages go 30 days after they were sent, with the names in them.
        let message = naboskab_store::outbox::enqueue(
            db,
            &naboskab_store::outbox::NewMessage {
                channel: "email",
                recipient: "gone@example.dk",
                subject: "Påmindelse",
                body: "Hej Ulla",
                user_id: None,
            },
            NOW,
        )
        .await
        .expect("queued");
        naboskab_store::outbox::mark_sent(db, message, NOW + 60)
            .await
            .expect("sent");
        let keep = naboskab_store::outbox::KEEP_S;
        assert_eq!(
            users::purge_expired(db, NOW + keep).await.expect("purge"),
            0
        );
        assert_eq!(
            users::purge_expired(db, NOW + 60 + keep)
                .await
                .expect("purge"),
            1
        );
        assert!(
            naboskab_store::outbox::recent(db, 10)
                .await
                .expect("outbox")
                .iter()
                .all(|m| m.recipient != "gone@example.dk")
        );
        assert_eq!(
            users::count_sessions_of_user(db, id).await.expect("count"),
            0
        );
        assert!(matches!(
            users::set_password(db, 424_242, "x", NOW).await,
            Err(StoreError::NotFound)
        ));
    });
}

#[tokio::test]
async fn api_tokens_are_listed_used_and_revoked_by_their_owner_only() {
    on_every_backend!(|db| {
        let a = user(db, "a@example.dk").await;
        let b = user(db, "b@example.dk").await;
        let t = users::create_api_token(
            db,
            a,
            "integration",
            "hash-a",
            Some(NOW + 60),
            NOW + 3600,
            NOW,
        )
        .await
        .expect("create");
        assert_eq!(
            users::api_token_user(db, "hash-a", NOW + 100)
                .await
                .expect("use"),
            Some(users::TokenHolder {
                user_id: a,
                second_factor: false
            }),
            "the second factor it was made with has lapsed"
        );
        assert_eq!(
            users::api_token_user(db, "hash-a", NOW + 59)
                .await
                .expect("use")
                .map(|h| h.second_factor),
            Some(true)
        );
        let listed = users::api_tokens_of_user(db, a, NOW).await.expect("list");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].last_used_at, Some(NOW + 100));
        assert!(
            !users::revoke_api_token(db, b, t, NOW)
                .await
                .expect("not b's")
        );
        assert!(
            users::revoke_api_token(db, a, t, NOW)
                .await
                .expect("revoke")
        );
        assert_eq!(
            users::api_token_user(db, "hash-a", NOW)
                .await
                .expect("revoked"),
            None
        );
        assert!(
            users::api_tokens_of_user(db, a, NOW)
                .await
                .expect("list")
                .is_empty()
        );
    });
}

#[tokio::test]
async fn one_time_tokens_work_once_and_expire() {
    on_every_backend!(|db| {
        let id = user(db, "t@example.dk").await;
        users::create_auth_token(db, "r1", id, TokenPurpose::ResetPassword, NOW + 1800, NOW)
            .await
            .expect("create");
        assert_eq!(
            users::peek_auth_token(db, "r1", TokenPurpose::ResetPassword, NOW)
                .await
                .expect("peek"),
            Some(id)
        );
        assert_eq!(
            users::peek_auth_token(db, "r1", TokenPurpose::VerifyEmail, NOW)
                .await
                .expect("wrong purpose"),
            None
        );
        assert_eq!(
            users::consume_auth_token(db, "r1", TokenPurpose::ResetPassword, NOW)
                .await
                .expect("use"),
            Some(id)
        );
        assert_eq!(
            users::consume_auth_token(db, "r1", TokenPurpose::ResetPassword, NOW)
                .await
                .expect("reuse"),
            None
        );
        users::create_auth_token(db, "r2", id, TokenPurpose::VerifyEmail, NOW + 1800, NOW)
            .await
            .expect("create");
        assert_eq!(
            users::consume_auth_token(db, "r2", TokenPurpose::VerifyEmail, NOW + 1800)
                .await
                .expect("expired"),
            None
        );

        users::save_oidc_login(db, "state1", "nonce1", "verifier1", NOW)
            .await
            .expect("save");
        assert_eq!(
            users::take_oidc_login(db, "state1", NOW + 60)
                .await
                .expect("take"),
            Some(("nonce1".to_owned(), "verifier1".to_owned()))
        );
        assert_eq!(
            users::take_oidc_login(db, "state1", NOW + 60)
                .await
                .expect("retake"),
            None
        );
        users::save_oidc_login(db, "state2", "n", "v", NOW)
            .await
            .expect("save");
        assert_eq!(
            users::take_oidc_login(db, "state2", NOW + 901)
                .await
                .expect("stale"),
            None
        );
    });
}

#[tokio::test]
async fn outbox_stores_claims_retries_and_delivers() {
    on_every_backend!(|db| {
        let id = outbox::enqueue(
            db,
            &NewMessage {
                channel: "email",
                recipient: "x@example.dk",
                subject: "Hej",
                body: "Æblegrød ✓",
                user_id: None,
            },
            NOW,
        )
        .await
        .expect("enqueue");
        let due = outbox::due(db, NOW, 10).await.expect("due");
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].body, "Æblegrød ✓");
        assert!(outbox::claim(db, id, NOW, 60).await.expect("claim"));
        assert!(
            !outbox::claim(db, id, NOW, 60)
                .await
                .expect("second claim loses")
        );
        outbox::mark_failed(db, id, "connection refused", NOW + 120)
            .await
            .expect("fail");
        assert!(
            outbox::due(db, NOW + 60, 10)
                .await
                .expect("not yet")
                .is_empty()
        );
        assert_eq!(
            outbox::due(db, NOW + 120, 10).await.expect("again")[0].attempts,
            1
        );
        outbox::mark_sent(db, id, NOW + 130).await.expect("sent");
        assert!(
            outbox::due(db, NOW + 9999, 10)
                .await
                .expect("none")
                .is_empty()
        );
        let recent = outbox::recent(db, 5).await.expect("recent");
        assert_eq!(
            (
                recent[0].sent_at,
                recent[0].attempts,
                recent[0].last_error.clone()
            ),
            (Some(NOW + 130), 2, None)
        );
        assert_eq!(outbox::backoff_seconds(0), 60);
        assert_eq!(outbox::backoff_seconds(50), 6 * 3600);
    });
}

#[tokio::test]
async fn audit_log_is_append_only() {
    on_every_backend!(|db| {
        db.execute(
            "INSERT INTO audit_log (at, action, subject_type) VALUES ($1, 'read', 'test')",
            naboskab_store::params![NOW],
        )
        .await
        .expect("append");
        assert!(
            db.execute("UPDATE audit_log SET action = 'x'", vec![])
                .await
                .is_err()
        );
        assert!(db.execute("DELETE FROM audit_log", vec![]).await.is_err());
        assert_eq!(
            db.query_one("SELECT COUNT(*) AS count FROM audit_log", vec![])
                .await
                .expect("count")
                .i64("count")
                .expect("n"),
            1
        );
    });
}

#[tokio::test]
async fn sqlite_runs_with_durable_settings_and_backs_up_online() {
    let t = TestDb::sqlite().await.expect("sqlite");
    assert_eq!(t.db.backend(), Backend::Sqlite);
    let mode =
        t.db.query_one("PRAGMA journal_mode", vec![])
            .await
            .expect("mode")
            .string("journal_mode")
            .expect("text");
    assert_eq!(mode, "wal");
    let sync =
        t.db.query_one("PRAGMA synchronous", vec![])
            .await
            .expect("sync")
            .i64("synchronous")
            .expect("int");
    assert_eq!(sync, 2, "synchronous=FULL");
    let fk =
        t.db.query_one("PRAGMA foreign_keys", vec![])
            .await
            .expect("fk")
            .i64("foreign_keys")
            .expect("int");
    assert_eq!(fk, 1);
    let dir = tempfile::tempdir().expect("dir");
    let copy = dir.path().join("copy.db");
    t.db.backup_sqlite_to(&copy).await.expect("backup");
    let restored = naboskab_store::Db::open_sqlite(&copy)
        .await
        .expect("open copy");
    assert_eq!(
        orgs::municipalities(&restored).await.expect("list").len(),
        98
    );
}

#[tokio::test]
async fn concurrent_writers_never_see_database_locked() {
    on_every_backend!(|db| {
        let mut tasks = Vec::new();
        for i in 0..50 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                users::create_user(
                    &db,
                    &NewUser {
                        email: &format!("p{i}@example.dk"),
                        display_name: "P",
                        password_hash: None,
                        verified: true,
                        locale: None,
                    },
                    NOW,
                )
                .await
            }));
        }
        for t in tasks {
            t.await.expect("join").expect("no busy error");
        }
        assert_eq!(users::list_users(db).await.expect("list").len(), 50);
    });
}

/// SQLite only (PostgreSQL keeps its files under its own account): the database file, its
/// WAL and shared-memory files and a backup are readable by the owner only, even under a
/// permissive umask, and a file created wider is narrowed when it is opened.
#[cfg(unix)]
#[tokio::test]
async fn sqlite_files_and_backups_are_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("naboskab.db");
    // A file left readable by everyone (an older version, a copy by hand) is narrowed too.
    std::fs::write(&path, b"").expect("touch");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let db = naboskab_store::Db::open_sqlite(&path).await.expect("open");
    migrate::migrate(&db, NOW).await.expect("migrate");
    user(&db, "mode@example.dk").await;
    let wal = dir.path().join("naboskab.db-wal");
    let shm = dir.path().join("naboskab.db-shm");
    for p in [&path, &wal, &shm] {
        assert_eq!(mode(p), 0o600, "{}", p.display());
    }
    let copy = dir.path().join("backup.db");
    db.backup_sqlite_to(&copy).await.expect("backup");
    assert_eq!(mode(&copy), 0o600, "backup");
}

#[tokio::test]
async fn api_tokens_stop_working_when_they_expire_and_can_be_revoked_all_at_once() {
    on_every_backend!(|db| {
        let a = user(db, "expiry@example.dk").await;
        users::create_api_token(db, a, "one", "exp-1", Some(NOW + 90_000), NOW + 3600, NOW)
            .await
            .expect("create");
        users::create_api_token(db, a, "two", "exp-2", None, NOW + 7200, NOW)
            .await
            .expect("create");
        let listed = users::api_tokens_of_user(db, a, NOW).await.expect("list");
        assert_eq!(
            listed.iter().map(|t| t.expires_at).collect::<Vec<_>>(),
            vec![NOW + 3600, NOW + 7200]
        );
        assert_eq!(
            users::api_token_user(db, "exp-1", NOW + 3599)
                .await
                .expect("use")
                .map(|h| h.second_factor),
            Some(true),
            "the second factor is capped at the token's end, not beyond"
        );
        assert_eq!(
            users::api_token_user(db, "exp-1", NOW + 3600)
                .await
                .expect("use"),
            None
        );
        assert_eq!(
            users::api_tokens_of_user(db, a, NOW + 3600)
                .await
                .expect("list")
                .len(),
            1
        );
        assert_eq!(
            users::revoke_api_tokens_of_user(db, a, NOW)
                .await
                .expect("revoke"),
            2
        );
        assert_eq!(
            users::api_token_user(db, "exp-2", NOW).await.expect("use"),
            None
        );
    });
}

#[tokio::test]
async fn a_new_one_time_link_ends_the_older_ones_and_using_one_ends_them_all() {
    on_every_backend!(|db| {
        let id = user(db, "links@example.dk").await;
        for (i, hash) in ["l1", "l2", "l3"].into_iter().enumerate() {
            users::create_auth_token(
                db,
                hash,
                id,
                TokenPurpose::ResetPassword,
                NOW + 1800,
                NOW + i as i64,
            )
            .await
            .expect("create");
        }
        users::create_auth_token(db, "v1", id, TokenPurpose::VerifyEmail, NOW + 1800, NOW)
            .await
            .expect("create");
        for old in ["l1", "l2"] {
            assert_eq!(
                users::consume_auth_token(db, old, TokenPurpose::ResetPassword, NOW + 5)
                    .await
                    .expect("old"),
                None,
                "{old} ended by the newer link"
            );
        }
        assert_eq!(
            users::auth_tokens_made_since(db, id, TokenPurpose::ResetPassword, NOW - 1)
                .await
                .expect("count"),
            3
        );
        assert_eq!(
            users::consume_auth_token(db, "l3", TokenPurpose::ResetPassword, NOW + 5)
                .await
                .expect("newest"),
            Some(id)
        );
        assert_eq!(
            users::peek_auth_token(db, "v1", TokenPurpose::VerifyEmail, NOW + 5)
                .await
                .expect("other purpose"),
            Some(id),
            "links for another purpose are left alone"
        );
    });
}

#[tokio::test]
async fn a_pending_grant_grants_nothing_until_a_second_person_confirms_it() {
    on_every_backend!(|db| {
        let org = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::HousingOrganisation),
                name: "Boligselskabet Fire Øjne".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("org");
        let granter = user(db, "granter@example.dk").await;
        let grantee = user(db, "grantee@example.dk").await;
        let second = user(db, "second@example.dk").await;
        let by = |id| naboskab_store::audit::Auditor {
            user_id: Some(id),
            role: "housing_org_admin".into(),
            purpose: "role administration".into(),
        };
        assert_eq!(
            users::grant_membership(
                db,
                grantee,
                org,
                Role::SocialCaretaker,
                true,
                &by(granter),
                NOW
            )
            .await
            .expect("grant"),
            users::GrantOutcome::Pending
        );
        assert_eq!(
            users::grant_membership(
                db,
                grantee,
                org,
                Role::SocialCaretaker,
                true,
                &by(granter),
                NOW
            )
            .await
            .expect("again"),
            users::GrantOutcome::Unchanged
        );
        assert!(
            users::memberships_of(db, grantee)
                .await
                .expect("m")
                .is_empty(),
            "pending grants nothing"
        );
        let view = users::members_of_organisation(db, org)
            .await
            .expect("members");
        assert_eq!(view.len(), 1);
        assert!(view[0].pending);
        assert_eq!(view[0].granted_by, Some(granter));
        for not_a_second_person in [granter, grantee] {
            assert!(
                !users::confirm_membership(
                    db,
                    grantee,
                    org,
                    Role::SocialCaretaker,
                    &by(not_a_second_person),
                    NOW
                )
                .await
                .expect("confirm"),
                "{not_a_second_person}"
            );
        }
        assert!(
            users::confirm_membership(
                db,
                grantee,
                org,
                Role::SocialCaretaker,
                &by(second),
                NOW + 1
            )
            .await
            .expect("confirm")
        );
        assert_eq!(
            users::memberships_of(db, grantee).await.expect("m"),
            vec![Membership {
                organisation_id: org,
                role: Role::SocialCaretaker
            }]
        );
        assert!(
            users::revoke_membership(
                db,
                grantee,
                org,
                Role::SocialCaretaker,
                &by(second),
                NOW + 2
            )
            .await
            .expect("revoke")
        );
        let actions: Vec<String> = db
            .query(
                "SELECT action FROM audit_log WHERE subject_type = $1 ORDER BY id",
                naboskab_store::params![users::GRANT_SUBJECT],
            )
            .await
            .expect("audit")
            .iter()
            .map(|r| r.string("action").expect("text"))
            .collect();
        assert_eq!(actions, ["grant-pending", "grant-confirm", "revoke"]);
    });
}

#[tokio::test]
async fn a_device_is_known_to_an_account_once_it_signed_in_there() {
    on_every_backend!(|db| {
        let a = user(db, "device@example.dk").await;
        let b = user(db, "other-device@example.dk").await;
        assert_eq!(
            users::known_device(db, a, "d1", 3600, NOW)
                .await
                .expect("k"),
            None
        );
        users::remember_device(db, a, "d1", false, NOW)
            .await
            .expect("remember");
        assert_eq!(
            users::known_device(db, a, "d1", 3600, NOW)
                .await
                .expect("k"),
            Some(false)
        );
        assert_eq!(
            users::known_device(db, b, "d1", 3600, NOW)
                .await
                .expect("k"),
            None,
            "per account"
        );
        users::remember_device(db, a, "d1", true, NOW + 10)
            .await
            .expect("second factor");
        users::remember_device(db, a, "d1", false, NOW + 20)
            .await
            .expect("password again");
        assert_eq!(
            users::known_device(db, a, "d1", 3600, NOW + 20)
                .await
                .expect("k"),
            Some(true),
            "a later password sign-in keeps the second factor's mark"
        );
        assert_eq!(
            users::known_device(db, a, "d1", 3600, NOW + 3620)
                .await
                .expect("k"),
            None,
            "unused too long"
        );
        users::purge_expired(db, NOW + 20 + users::KNOWN_DEVICE_S)
            .await
            .expect("purge");
        let left = db
            .query_one("SELECT COUNT(*) AS count FROM known_device", vec![])
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert_eq!(left, 0, "forgotten after 180 days unused");
    });
}
