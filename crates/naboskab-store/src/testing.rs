//! Fresh databases for tests: a temporary SQLite file, or a new schema in the PostgreSQL named
//! by `NABOSKAB_TEST_POSTGRES_URL`. Used by this crate's contract tests and the web tests.

use crate::db::Db;
use crate::error::StoreError;
use crate::migrate::migrate;
use rand::RngCore;

/// Runs a test body once per available backend (SQLite always, PostgreSQL when
/// `NABOSKAB_TEST_POSTGRES_URL` is set, and then it must be used), each on a fresh database:
/// `on_every_backend!(|db| { … })`.
#[macro_export]
macro_rules! on_every_backend {
    (|$db:ident| $body:block) => {{
        let dbs = $crate::testing::TestDb::all().await.expect("test databases");
        if std::env::var($crate::testing::POSTGRES_ENV).is_ok() {
            assert_eq!(dbs.len(), 2, "PostgreSQL was configured but not used");
        }
        for t in dbs {
            let $db = &t.db;
            $body
            t.cleanup().await;
        }
    }};
}

/// The environment variable naming the PostgreSQL used by tests.
pub const POSTGRES_ENV: &str = "NABOSKAB_TEST_POSTGRES_URL";

/// The key test databases seal contact details with (the same for every handle on one test
/// database, as one installation has one key).
pub fn test_sealing_key() -> std::sync::Arc<crate::seal::SealKey> {
    std::sync::Arc::new(crate::seal::SealKey::for_tests("store"))
}

/// A migrated database that cleans up after itself.
pub struct TestDb {
    /// The handle.
    pub db: Db,
    _dir: Option<tempfile::TempDir>,
    schema: Option<(String, String)>,
}

impl TestDb {
    /// A fresh, migrated SQLite database in a temporary directory.
    pub async fn sqlite() -> Result<TestDb, StoreError> {
        let dir = tempfile::tempdir().map_err(|e| StoreError::Other(e.to_string()))?;
        let db = Db::open_sqlite(&dir.path().join("naboskab.db"))
            .await?
            .with_sealing(test_sealing_key());
        migrate(&db, 1_780_000_000).await?;
        Ok(TestDb {
            db,
            _dir: Some(dir),
            schema: None,
        })
    }

    /// A fresh, migrated schema in the test PostgreSQL, or `None` when the variable is unset.
    pub async fn postgres() -> Result<Option<TestDb>, StoreError> {
        let Ok(url) = std::env::var(POSTGRES_ENV) else {
            return Ok(None);
        };
        let schema = format!("t_{}", hex::encode(rand::rng().next_u64().to_le_bytes()));
        let admin = Db::connect_postgres(&url, None).await?;
        admin
            .execute_unchecked(&format!("CREATE SCHEMA {schema}"))
            .await?;
        admin.close().await;
        let db = Db::connect_postgres(&url, Some(&schema))
            .await?
            .with_sealing(test_sealing_key());
        migrate(&db, 1_780_000_000).await?;
        Ok(Some(TestDb {
            db,
            _dir: None,
            schema: Some((url, schema)),
        }))
    }

    /// Every backend available to this test run: SQLite always, PostgreSQL when configured.
    pub async fn all() -> Result<Vec<TestDb>, StoreError> {
        let mut out = vec![TestDb::sqlite().await?];
        if let Some(pg) = TestDb::postgres().await? {
            out.push(pg);
        }
        Ok(out)
    }

    /// A second, independent handle on the same database, as another process would have.
    pub async fn another_handle(&self) -> Result<Db, StoreError> {
        let db = match (&self.schema, self.db.sqlite_path()) {
            (Some((url, schema)), _) => Db::connect_postgres(url, Some(schema)).await?,
            (None, Some(path)) => Db::open_sqlite(path).await?,
            (None, None) => return Err(StoreError::Other("no database to reopen".into())),
        };
        Ok(db.with_sealing(test_sealing_key()))
    }

    /// Everything the database holds, as bytes someone with the disk or a backup would see:
    /// the SQLite file after a WAL checkpoint, or a `pg_dump` of the test schema (schema and
    /// data). Erasure tests search it for canary strings (GDPR-02).
    pub async fn raw_contents(&self) -> Result<Vec<u8>, StoreError> {
        if let Some(path) = self.db.sqlite_path() {
            self.db
                .sqlite_maintenance("PRAGMA wal_checkpoint(TRUNCATE)")
                .await?;
            return std::fs::read(path).map_err(|e| StoreError::Other(e.to_string()));
        }
        let Some((url, schema)) = &self.schema else {
            return Err(StoreError::Other("no database to read".into()));
        };
        let out = std::process::Command::new("pg_dump")
            .args(["--dbname", url, "--schema", schema, "--no-owner"])
            .output()
            .map_err(|e| StoreError::Other(format!("pg_dump could not run: {e}")))?;
        if !out.status.success() {
            return Err(StoreError::Other(format!(
                "pg_dump failed: {}",
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        Ok(out.stdout)
    }

    /// Drops the PostgreSQL schema (SQLite files go with the temporary directory).
    pub async fn cleanup(self) {
        self.db.close().await;
        if let Some((url, schema)) = self.schema
            && let Ok(admin) = Db::connect_postgres(&url, None).await
        {
            let _ = admin
                .execute_unchecked(&format!("DROP SCHEMA {schema} CASCADE"))
                .await;
            admin.close().await;
        }
    }
}
