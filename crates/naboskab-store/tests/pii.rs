//! The personal-data registry (`pii-registry.txt`) covers every column that refers to a
//! person, on both engines: a new column named like a user id, a name, an address, a phone,
//! a note or a message fails this test until the registry says what it is and how it goes
//! away (GDPR-01), and a registry line for a column that no longer exists fails too.

use naboskab_store::{Backend, on_every_backend};
use std::collections::BTreeSet;

const REGISTRY: &str = include_str!("../pii-registry.txt");

/// Name parts that make a column look as if it refers to a person.
const PERSON_PARTS: [&str; 23] = [
    "user_id",
    "_by",
    "by_user",
    "email",
    "phone",
    "name",
    "sealed",
    "note",
    "message",
    "user_agent",
    "recipient",
    "body",
    "when_to_call",
    "password",
    "totp",
    "oidc_subject",
    "token_hash",
    "code_hash",
    "csrf",
    "reason",
    "title",
    "attendees",
    "street",
];

fn refers_to_a_person(column: &str) -> bool {
    PERSON_PARTS.iter().any(|p| column.contains(p)) || column == "subject_id"
}

fn registry() -> BTreeSet<String> {
    REGISTRY
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let column = parts.next().unwrap_or_default().to_owned();
            let kind = parts.next().unwrap_or_default();
            assert!(
                kind == "personal" || kind == "not-personal",
                "registry line for {column} must say personal or not-personal: {l}"
            );
            assert!(
                parts.next().is_some(),
                "registry line for {column} must say what it is: {l}"
            );
            column
        })
        .collect()
}

#[tokio::test]
async fn every_column_referring_to_a_person_is_in_the_registry() {
    let listed = registry();
    on_every_backend!(|db| {
        let sql = match db.backend() {
            Backend::Sqlite => {
                "SELECT m.name || '.' || p.name AS qualified FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            }
            Backend::Postgres => {
                "SELECT table_name || '.' || column_name AS qualified FROM information_schema.columns WHERE table_schema = current_schema()"
            }
        };
        let columns: BTreeSet<String> = db
            .query(sql, vec![])
            .await
            .expect("schema")
            .iter()
            .map(|r| r.string("qualified").expect("column"))
            .collect();
        assert!(columns.contains("app_user.email"), "the schema was read");
        let missing: Vec<&String> = columns
            .iter()
            .filter(|c| refers_to_a_person(c.split('.').nth(1).unwrap_or_default()))
            .filter(|c| !listed.contains(*c))
            .collect();
        assert!(
            missing.is_empty(),
            "columns that refer to a person but are not in pii-registry.txt: {missing:?}"
        );
        let gone: Vec<&String> = listed.iter().filter(|c| !columns.contains(*c)).collect();
        assert!(
            gone.is_empty(),
            "registry lines for columns that do not exist: {gone:?}"
        );
    });
}
