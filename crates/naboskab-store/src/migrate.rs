//! Embedded migrations: one SQL tree per backend with the same version numbers, applied in
//! order inside a transaction each, recorded with a checksum so an edited migration is
//! detected. Version 1 also loads the 98 municipalities from the embedded `kommuner.csv`.

use crate::db::{Backend, Db, Tx};
use crate::error::StoreError;
use crate::params;
use sha2::{Digest, Sha256};

/// One migration: its version, name and the SQL for each backend.
pub struct Migration {
    /// Version number; applied in ascending order.
    pub version: i64,
    /// Short name (the file name without version and extension).
    pub name: &'static str,
    /// SQLite script.
    pub sqlite: &'static str,
    /// PostgreSQL script.
    pub postgres: &'static str,
}

macro_rules! migration {
    ($version:expr, $name:literal) => {
        Migration {
            version: $version,
            name: $name,
            sqlite: include_str!(concat!("../migrations/sqlite/", $name, ".sql")),
            postgres: include_str!(concat!("../migrations/postgres/", $name, ".sql")),
        }
    };
}

/// Every migration, in order. Adding a file to only one of the two trees fails to compile.
pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_foundation"),
    migration!(2, "0002_find"),
    migration!(3, "0003_catalogue"),
    migration!(4, "0004_join"),
    migration!(5, "0005_gather"),
    migration!(6, "0006_reach"),
    migration!(7, "0007_second_factor"),
    migration!(8, "0008_referrals"),
    migration!(9, "0009_outreach_api"),
    migration!(10, "0010_no_show_followup"),
    migration!(11, "0011_harden"),
    migration!(12, "0012_sealed_contacts"),
    migration!(13, "0013_grants"),
    migration!(14, "0014_grant_reports"),
    migration!(15, "0015_partnerships"),
    migration!(16, "0016_volunteering"),
    migration!(17, "0017_grant_reviews"),
    migration!(18, "0018_grant_report_due"),
    migration!(19, "0019_grant_documents"),
    migration!(20, "0020_partnership_confirmed"),
    migration!(21, "0021_surveys"),
];

/// The municipalities fixture (kommunekode, navn, regionskode, region), embedded at build time.
pub const KOMMUNER_CSV: &str = include_str!("../fixtures/kommuner.csv");

fn checksum(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

/// Applies every pending migration; returns how many were applied.
pub async fn migrate(db: &Db, now: i64) -> Result<usize, StoreError> {
    let mut tx = db.begin().await?;
    Db::run_script_in(
        &mut tx,
        "CREATE TABLE IF NOT EXISTS schema_migration (
            version BIGINT PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )"
        .to_owned(),
    )
    .await?;
    tx.commit().await?;

    let mut applied = 0;
    for m in MIGRATIONS {
        let sql = match db.backend() {
            Backend::Sqlite => m.sqlite,
            Backend::Postgres => m.postgres,
        };
        let mut tx = db.begin().await?;
        if db.backend() == Backend::Postgres {
            // Serialise concurrent migrators and fail fast instead of queueing behind a lock.
            tx.execute("SELECT pg_advisory_xact_lock(7316)", params![])
                .await?;
            tx.execute("SET LOCAL lock_timeout = '5s'", params![])
                .await?;
        }
        let existing = tx
            .query_opt(
                "SELECT checksum FROM schema_migration WHERE version = $1",
                params![m.version],
            )
            .await?;
        match existing {
            Some(row) => {
                if row.string("checksum")? != checksum(sql) {
                    return Err(StoreError::Config(format!(
                        "migration {} ({}) was changed after it was applied",
                        m.version, m.name
                    )));
                }
                continue;
            }
            None => {
                Db::run_script_in(&mut tx, sql.to_owned()).await?;
                after_migration(&mut tx, m.version, now).await?;
                tx.execute(
                    "INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
                    params![m.version, m.name, checksum(sql), now],
                )
                .await?;
                tx.commit().await?;
                applied += 1;
            }
        }
    }
    Ok(applied)
}

/// The category taxonomy seeded by migration 2 (code, Danish, English, Arabic). Staff can
/// add and rename categories later; this is only the start.
pub const CATEGORIES: [(&str, &str, &str, &str); 14] = [
    (
        "movement",
        "Motion og sport",
        "Movement and sport",
        "الرياضة والحركة",
    ),
    (
        "food",
        "Mad og fællesspisning",
        "Food and communal dining",
        "الطعام والوجبات المشتركة",
    ),
    (
        "crafts",
        "Håndarbejde og værksted",
        "Crafts and workshop",
        "الأشغال اليدوية والورشة",
    ),
    (
        "culture",
        "Kultur og oplevelser",
        "Culture and outings",
        "الثقافة والرحلات",
    ),
    (
        "nature",
        "Natur og havebrug",
        "Nature and gardening",
        "الطبيعة والبستنة",
    ),
    (
        "learning",
        "Læring og lektiecafé",
        "Learning and homework café",
        "التعلم ومقهى الواجبات",
    ),
    ("health", "Sundhed", "Health", "الصحة"),
    (
        "self_help",
        "Selvhjælp og samtale",
        "Self-help and conversation",
        "المساعدة الذاتية والحوار",
    ),
    (
        "digital",
        "Digital hjælp",
        "Digital help",
        "المساعدة الرقمية",
    ),
    (
        "games",
        "Spil og hygge",
        "Games and cosy times",
        "الألعاب والسمر",
    ),
    (
        "music",
        "Musik og sang",
        "Music and singing",
        "الموسيقى والغناء",
    ),
    ("language", "Sprogcafé", "Language café", "مقهى اللغة"),
    (
        "volunteering",
        "Frivilligt arbejde",
        "Volunteering",
        "العمل التطوعي",
    ),
    (
        "advice",
        "Rådgivning og hjælp",
        "Advice and help",
        "الاستشارة والمساعدة",
    ),
];

/// Data steps that belong to a migration.
async fn after_migration(tx: &mut Tx, version: i64, now: i64) -> Result<(), StoreError> {
    if version == 2 {
        for (i, (code, da, en, ar)) in CATEGORIES.iter().enumerate() {
            tx.execute(
                "INSERT INTO category (code, sort_order, name_da, name_en, name_ar) VALUES ($1, $2, $3, $4, $5)",
                params![*code, i as i64, *da, *en, *ar],
            )
            .await?;
        }
    }
    if version == 1 {
        tx.execute(
            "INSERT INTO organisation (kind, name, description, created_at) VALUES ('platform', 'Naboskab', '', $1)",
            params![now],
        )
        .await?;
        for line in KOMMUNER_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split(',').map(str::trim).collect();
            let [code, name, region_code, region_name] = cols[..] else {
                return Err(StoreError::Config(format!(
                    "bad line in kommuner.csv: {line}"
                )));
            };
            let org = tx
                .query_one(
                    "INSERT INTO organisation (kind, name, municipality_code, description, created_at)
                     VALUES ('municipality', $1, $2, '', $3) RETURNING id",
                    params![name, code, now],
                )
                .await?
                .i64("id")?;
            tx.execute(
                "INSERT INTO municipality (code, name, region_code, region_name, organisation_id) VALUES ($1, $2, $3, $4, $5)",
                params![code, name, region_code, region_name, org],
            )
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_trees_hold_the_same_versions() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let versions = |sub: &str| -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(dir.join(sub))
                .expect("migrations dir")
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".sql"))
                .collect();
            v.sort();
            v
        };
        let sqlite = versions("sqlite");
        let postgres = versions("postgres");
        assert_eq!(sqlite, postgres, "migration trees differ");
        assert_eq!(
            sqlite.len(),
            MIGRATIONS.len(),
            "a migration file is not listed in MIGRATIONS"
        );
        for (file, m) in sqlite.iter().zip(MIGRATIONS) {
            assert_eq!(file, &format!("{}.sql", m.name));
            assert!(file.starts_with(&format!("{:04}_", m.version)));
        }
    }

    #[test]
    fn fixture_has_98_municipalities() {
        assert_eq!(
            KOMMUNER_CSV
                .lines()
                .skip(1)
                .filter(|l| !l.trim().is_empty())
                .count(),
            98
        );
    }
}
