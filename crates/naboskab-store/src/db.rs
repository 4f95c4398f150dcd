//! The thin adapter that lets one store function body run on SQLite and on PostgreSQL.
//!
//! SQL is written once, in the portable subset (`$1..$n` placeholders, `RETURNING`,
//! `ON CONFLICT`, no casts, no `now()`); parameters are typed [`Value`]s and rows come back as
//! [`Row`]s with typed getters. SQLite runs through rusqlite: a few reader connections and one
//! writer, every call on the blocking thread pool, write transactions serialised by an async
//! semaphore and opened with `BEGIN IMMEDIATE`. PostgreSQL runs through a sqlx pool.
//! SQLite binds `$n` by name, so a parameter may appear in any order or more than once.

use crate::error::StoreError;
pub use crate::row::{Cell, ColumnNames, Columns, Row};
use crate::seal::SealKey;
use rusqlite::types::ValueRef;
use sqlx::postgres::{PgArguments, PgPoolOptions, PgRow};
use sqlx::{Column as _, PgPool, Postgres, Row as _, TypeInfo};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A typed parameter. `None` binds a NULL of that type (PostgreSQL wants typed NULLs).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// BIGINT / INTEGER.
    Int(Option<i64>),
    /// DOUBLE PRECISION / REAL.
    Real(Option<f64>),
    /// TEXT.
    Text(Option<String>),
    /// BOOLEAN (INTEGER 0/1 on SQLite).
    Bool(Option<bool>),
    /// BYTEA / BLOB.
    Blob(Option<Vec<u8>>),
}

macro_rules! value_from {
    ($t:ty, $variant:ident, $conv:expr) => {
        impl From<$t> for Value {
            fn from(v: $t) -> Value {
                Value::$variant(Some($conv(v)))
            }
        }
        impl From<Option<$t>> for Value {
            fn from(v: Option<$t>) -> Value {
                Value::$variant(v.map($conv))
            }
        }
    };
}
value_from!(i64, Int, |v| v);
value_from!(i32, Int, i64::from);
value_from!(f64, Real, |v| v);
value_from!(bool, Bool, |v| v);
value_from!(String, Text, |v| v);
value_from!(&str, Text, |v: &str| v.to_owned());
value_from!(Vec<u8>, Blob, |v| v);

impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(Some(v.clone()))
    }
}
impl From<Option<&String>> for Value {
    fn from(v: Option<&String>) -> Value {
        Value::Text(v.cloned())
    }
}

/// SQL assembled at run time from static fragments only, with every value bound as a
/// parameter (`$1`, `$2`, … numbered as they are added). Used where filters are optional.
#[derive(Debug, Clone, Default)]
pub struct Sql {
    text: String,
    params: Vec<Value>,
}

impl Sql {
    /// Starts with a static fragment.
    pub fn new(fragment: &'static str) -> Sql {
        Sql {
            text: fragment.to_owned(),
            params: vec![],
        }
    }

    /// Appends a static fragment.
    pub fn push(&mut self, fragment: &'static str) -> &mut Sql {
        self.text.push_str(fragment);
        self
    }

    /// Appends a placeholder for `value`.
    pub fn bind(&mut self, value: impl Into<Value>) -> &mut Sql {
        self.params.push(value.into());
        self.text.push('$');
        self.text.push_str(&self.params.len().to_string());
        self
    }

    /// Appends `$a, $b, …` for every value (at least one value is required by SQL `IN`).
    pub fn bind_list<V: Into<Value>>(&mut self, values: impl IntoIterator<Item = V>) -> &mut Sql {
        let mut first = true;
        for v in values {
            if !first {
                self.text.push_str(", ");
            }
            first = false;
            self.bind(v);
        }
        if first {
            self.text.push_str("NULL");
        }
        self
    }

    /// The SQL text (for tests and logs).
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Builds a parameter list: `params![a, b, c]`.
#[macro_export]
macro_rules! params {
    () => { Vec::<$crate::db::Value>::new() };
    ($($v:expr),+ $(,)?) => { vec![$($crate::db::Value::from($v)),+] };
}

/// Which engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

type Conn = Arc<Mutex<rusqlite::Connection>>;

struct SqliteDb {
    path: PathBuf,
    writer: Conn,
    write_gate: Arc<Semaphore>,
    readers: Vec<Conn>,
    next_reader: AtomicUsize,
}

enum Inner {
    Sqlite(SqliteDb),
    Postgres(PgPool),
}

/// A handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
    commits: Arc<AtomicU64>,
    sealing: Option<Arc<SealKey>>,
}

const SQLITE_READERS: usize = 4;

/// Makes the SQLite file readable and writable by its owner only (mode 0600), creating it
/// empty when missing, and narrows an existing WAL and shared-memory file the same way.
/// SQLite gives the WAL and shared-memory files it creates the database file's mode, so
/// they follow; a backup is created the same way before it is written.
pub fn restrict_to_owner(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let io = |e: std::io::Error| StoreError::Config(format!("{}: {e}", path.display()));
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)
            .map_err(io)?;
        let mut files = vec![path.to_path_buf()];
        for suffix in ["-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            files.push(name.into());
        }
        for file in files.iter().filter(|f| f.exists()) {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
        }
    }
    Ok(())
}

fn open_sqlite_conn(path: &Path) -> Result<rusqlite::Connection, StoreError> {
    let conn = rusqlite::Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    conn.set_prepared_statement_cache_capacity(128);
    Ok(conn)
}

fn lock(conn: &Conn) -> Result<std::sync::MutexGuard<'_, rusqlite::Connection>, StoreError> {
    conn.lock()
        .map_err(|_| StoreError::Other("SQLite connection lock poisoned".into()))
}

fn sqlite_run(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[Value],
) -> Result<Vec<Row>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    for (i, v) in params.iter().enumerate() {
        let name = format!("${}", i + 1);
        let Some(idx) = stmt.parameter_index(&name)? else {
            continue;
        };
        match v {
            Value::Int(x) => stmt.raw_bind_parameter(idx, x)?,
            Value::Real(x) => stmt.raw_bind_parameter(idx, x)?,
            Value::Text(x) => stmt.raw_bind_parameter(idx, x)?,
            Value::Bool(x) => stmt.raw_bind_parameter(idx, x.map(i64::from))?,
            Value::Blob(x) => stmt.raw_bind_parameter(idx, x)?,
        }
    }
    let ncols = stmt.column_count();
    let names: ColumnNames = Arc::new(Columns::new(stmt.column_names().into_iter().map(Box::from)));
    let mut out = Vec::new();
    let mut rows = stmt.raw_query();
    while let Some(r) = rows.next()? {
        let mut cells = Vec::with_capacity(ncols);
        for c in 0..ncols {
            cells.push(match r.get_ref(c)? {
                ValueRef::Null => Cell::Null,
                ValueRef::Integer(v) => Cell::Int(v),
                ValueRef::Real(v) => Cell::Real(v),
                ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
            });
        }
        out.push(Row::new(names.clone(), cells));
    }
    Ok(out)
}

fn sqlite_exec(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[Value],
) -> Result<u64, StoreError> {
    let rows = sqlite_run(conn, sql, params)?;
    drop(rows);
    Ok(conn.changes())
}

fn pg_query<'q>(
    sql: impl sqlx::SqlSafeStr,
    params: &[Value],
) -> sqlx::query::Query<'q, Postgres, PgArguments> {
    let mut q = sqlx::query(sql);
    for v in params {
        q = match v.clone() {
            Value::Int(x) => q.bind(x),
            Value::Real(x) => q.bind(x),
            Value::Text(x) => q.bind(x),
            Value::Bool(x) => q.bind(x),
            Value::Blob(x) => q.bind(x),
        };
    }
    q
}

fn pg_row(names: &ColumnNames, row: &PgRow) -> Result<Row, StoreError> {
    let mut cells = Vec::with_capacity(row.len());
    for (i, col) in row.columns().iter().enumerate() {
        let cell = match col.type_info().name() {
            "INT8" => row.try_get::<Option<i64>, _>(i)?.map(Cell::Int),
            "INT4" => row
                .try_get::<Option<i32>, _>(i)?
                .map(|v| Cell::Int(v.into())),
            "INT2" => row
                .try_get::<Option<i16>, _>(i)?
                .map(|v| Cell::Int(v.into())),
            "BOOL" => row
                .try_get::<Option<bool>, _>(i)?
                .map(|v| Cell::Int(v.into())),
            "FLOAT8" => row.try_get::<Option<f64>, _>(i)?.map(Cell::Real),
            "FLOAT4" => row
                .try_get::<Option<f32>, _>(i)?
                .map(|v| Cell::Real(v.into())),
            "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => {
                row.try_get::<Option<String>, _>(i)?.map(Cell::Text)
            }
            "BYTEA" => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Cell::Blob),
            other => {
                return Err(StoreError::Decode(format!(
                    "unsupported PostgreSQL type {other}"
                )));
            }
        };
        cells.push(cell.unwrap_or(Cell::Null));
    }
    Ok(Row::new(names.clone(), cells))
}

/// Decodes a PostgreSQL result, its column names read once and shared by every row.
fn pg_rows(rows: &[PgRow]) -> Result<Vec<Row>, StoreError> {
    let Some(first) = rows.first() else {
        return Ok(Vec::new());
    };
    let names: ColumnNames = Arc::new(Columns::new(
        first.columns().iter().map(|c| Box::from(c.name())),
    ));
    rows.iter().map(|r| pg_row(&names, r)).collect()
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StoreError::Other(format!("blocking task failed: {e}")))?
}

impl Db {
    /// Opens (creating if missing) the SQLite file at `path`.
    pub async fn open_sqlite(path: &Path) -> Result<Db, StoreError> {
        let path = path.to_path_buf();
        let p = path.clone();
        let (writer, readers) = blocking(move || {
            restrict_to_owner(&p)?;
            let writer = open_sqlite_conn(&p)?;
            let readers = (0..SQLITE_READERS)
                .map(|_| open_sqlite_conn(&p).map(|c| Arc::new(Mutex::new(c))))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((writer, readers))
        })
        .await?;
        Ok(Db {
            sealing: None,
            commits: Arc::default(),
            inner: Arc::new(Inner::Sqlite(SqliteDb {
                path,
                writer: Arc::new(Mutex::new(writer)),
                write_gate: Arc::new(Semaphore::new(1)),
                readers,
                next_reader: AtomicUsize::new(0),
            })),
        })
    }

    /// Connects to PostgreSQL. `search_path`, when given, selects a schema (used by tests to
    /// give each test its own schema).
    pub async fn connect_postgres(url: &str, search_path: Option<&str>) -> Result<Db, StoreError> {
        let mut opts: sqlx::postgres::PgConnectOptions = url
            .parse()
            .map_err(|e: sqlx::Error| StoreError::Config(format!("database URL: {e}")))?;
        if let Some(schema) = search_path {
            opts = opts.options([("search_path", schema)]);
        }
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .min_connections(0)
            .acquire_timeout(Duration::from_secs(3))
            .connect_with(opts)
            .await?;
        Ok(Db {
            sealing: None,
            commits: Arc::default(),
            inner: Arc::new(Inner::Postgres(pool)),
        })
    }

    /// A PostgreSQL handle that connects on first use (a server that is down now may come
    /// back later; queries meanwhile fail as [`StoreError::Unavailable`]).
    pub fn connect_postgres_lazy(url: &str) -> Result<Db, StoreError> {
        let opts: sqlx::postgres::PgConnectOptions = url
            .parse()
            .map_err(|e: sqlx::Error| StoreError::Config(format!("database URL: {e}")))?;
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .min_connections(0)
            .acquire_timeout(Duration::from_secs(2))
            .connect_lazy_with(opts);
        Ok(Db {
            sealing: None,
            commits: Arc::default(),
            inner: Arc::new(Inner::Postgres(pool)),
        })
    }

    /// This handle with the key the store seals contact details with (sign-ups, walk-ins,
    /// bookings). Without one, storing or reading those columns fails with
    /// [`StoreError::Config`] rather than writing them in plain text.
    pub fn with_sealing(mut self, key: Arc<SealKey>) -> Db {
        self.sealing = Some(key);
        self
    }

    /// The key contact details are sealed with (see [`Db::with_sealing`]).
    pub fn sealing(&self) -> Result<&SealKey, StoreError> {
        self.sealing.as_deref().ok_or_else(no_sealing_key)
    }

    /// How many write transactions this handle (and its clones) has committed; caches of
    /// database content compare it to notice writes made in this process at once.
    pub fn commits(&self) -> u64 {
        self.commits.load(Ordering::Acquire)
    }

    /// Which engine this is.
    pub fn backend(&self) -> Backend {
        match &*self.inner {
            Inner::Sqlite(_) => Backend::Sqlite,
            Inner::Postgres(_) => Backend::Postgres,
        }
    }

    /// The SQLite file, if this is SQLite.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match &*self.inner {
            Inner::Sqlite(s) => Some(&s.path),
            Inner::Postgres(_) => None,
        }
    }

    fn reader(s: &SqliteDb) -> Conn {
        let i = s.next_reader.fetch_add(1, Ordering::Relaxed) % s.readers.len().max(1);
        s.readers
            .get(i)
            .cloned()
            .unwrap_or_else(|| s.writer.clone())
    }

    /// Runs a read-only query outside any transaction.
    pub async fn query(
        &self,
        sql: &'static str,
        params: Vec<Value>,
    ) -> Result<Vec<Row>, StoreError> {
        match &*self.inner {
            Inner::Sqlite(s) => {
                let conn = Self::reader(s);
                blocking(move || sqlite_run(&*lock(&conn)?, sql, &params)).await
            }
            Inner::Postgres(pool) => {
                let rows = pg_query(sql, &params).fetch_all(pool).await?;
                pg_rows(&rows)
            }
        }
    }

    /// Runs a query assembled with [`Sql`] from static fragments and bound values.
    pub async fn query_built(&self, sql: Sql) -> Result<Vec<Row>, StoreError> {
        let Sql { text, params } = sql;
        match &*self.inner {
            Inner::Sqlite(s) => {
                let conn = Self::reader(s);
                blocking(move || sqlite_run(&*lock(&conn)?, &text, &params)).await
            }
            Inner::Postgres(pool) => {
                let rows = pg_query(sqlx::AssertSqlSafe(text), &params)
                    .fetch_all(pool)
                    .await?;
                pg_rows(&rows)
            }
        }
    }

    /// Runs a read-only query and returns the first row, if any.
    pub async fn query_opt(
        &self,
        sql: &'static str,
        params: Vec<Value>,
    ) -> Result<Option<Row>, StoreError> {
        Ok(self.query(sql, params).await?.into_iter().next())
    }

    /// Runs a read-only query that must return one row.
    pub async fn query_one(
        &self,
        sql: &'static str,
        params: Vec<Value>,
    ) -> Result<Row, StoreError> {
        self.query_opt(sql, params)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Runs one statement in its own write transaction; returns the rows it changed.
    pub async fn execute(&self, sql: &'static str, params: Vec<Value>) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        let n = tx.execute(sql, params).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Opens a write transaction (`BEGIN IMMEDIATE` on SQLite, so reads inside it see the
    /// latest data and the write cannot fail on a stale snapshot).
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        match &*self.inner {
            Inner::Sqlite(s) => {
                let permit = s
                    .write_gate
                    .clone()
                    .acquire_owned()
                    .await
                    .map_err(|_| StoreError::Unavailable("database closed".into()))?;
                let conn = s.writer.clone();
                let c = conn.clone();
                blocking(move || {
                    let g = lock(&c)?;
                    if !g.is_autocommit() {
                        g.execute_batch("ROLLBACK")?;
                    }
                    g.execute_batch("BEGIN IMMEDIATE")?;
                    Ok(())
                })
                .await?;
                Ok(Tx {
                    sealing: self.sealing.clone(),
                    commits: self.commits.clone(),
                    inner: TxInner::Sqlite {
                        conn,
                        _permit: permit,
                        done: false,
                    },
                })
            }
            Inner::Postgres(pool) => Ok(Tx {
                sealing: self.sealing.clone(),
                commits: self.commits.clone(),
                inner: TxInner::Postgres(Some(Box::new(pool.begin().await?))),
            }),
        }
    }

    /// Runs a script of several statements (migrations) in the current connection, outside the
    /// parameter machinery.
    pub(crate) async fn run_script_in(tx: &mut Tx, script: String) -> Result<(), StoreError> {
        match &mut tx.inner {
            TxInner::Sqlite { conn, .. } => {
                let c = conn.clone();
                blocking(move || Ok(lock(&c)?.execute_batch(&script)?)).await
            }
            TxInner::Postgres(tx) => {
                sqlx::raw_sql(sqlx::AssertSqlSafe(script))
                    .execute(&mut ***pg(tx)?)
                    .await?;
                Ok(())
            }
        }
    }

    /// Runs statements built at run time (DDL naming a test schema). Never pass user input.
    pub async fn execute_unchecked(&self, sql: &str) -> Result<(), StoreError> {
        match &*self.inner {
            Inner::Sqlite(s) => {
                let conn = s.writer.clone();
                let sql = sql.to_owned();
                blocking(move || Ok(lock(&conn)?.execute_batch(&sql)?)).await
            }
            Inner::Postgres(pool) => {
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
                    .execute(pool)
                    .await?;
                Ok(())
            }
        }
    }

    /// Whether the database answers (used by `/readyz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.query("SELECT 1", vec![]).await.map(|_| ())
    }

    /// Writes a consistent copy of a live SQLite database to `dest` (online backup API).
    pub async fn backup_sqlite_to(&self, dest: &Path) -> Result<(), StoreError> {
        let Inner::Sqlite(s) = &*self.inner else {
            return Err(StoreError::Config(
                "backup of PostgreSQL is done with pg_dump".into(),
            ));
        };
        let conn = Self::reader(s);
        let dest = dest.to_path_buf();
        blocking(move || {
            let src = lock(&conn)?;
            restrict_to_owner(&dest)?;
            let mut out = rusqlite::Connection::open(&dest)?;
            let backup = rusqlite::backup::Backup::new(&src, &mut out)?;
            backup.run_to_completion(256, Duration::from_millis(0), None)?;
            Ok(())
        })
        .await
    }

    /// Closes PostgreSQL connections (SQLite files close when the last handle is dropped).
    pub async fn close(&self) {
        if let Inner::Postgres(pool) = &*self.inner {
            pool.close().await;
        }
    }

    /// Runs `sql` directly on the SQLite writer connection, for maintenance such as
    /// `PRAGMA wal_checkpoint(TRUNCATE)`. No-op on PostgreSQL.
    pub async fn sqlite_maintenance(&self, sql: &'static str) -> Result<(), StoreError> {
        if let Inner::Sqlite(s) = &*self.inner {
            let _permit = s
                .write_gate
                .acquire()
                .await
                .map_err(|_| StoreError::Unavailable("closed".into()))?;
            let conn = s.writer.clone();
            blocking(move || Ok(lock(&conn)?.execute_batch(sql)?)).await?;
        }
        Ok(())
    }
}

enum TxInner {
    Sqlite {
        conn: Conn,
        _permit: OwnedSemaphorePermit,
        done: bool,
    },
    Postgres(Option<Box<sqlx::Transaction<'static, Postgres>>>),
}

type PgTx = Box<sqlx::Transaction<'static, Postgres>>;

fn pg(tx: &mut Option<PgTx>) -> Result<&mut PgTx, StoreError> {
    tx.as_mut()
        .ok_or_else(|| StoreError::Other("transaction already finished".into()))
}

/// Either the pool or an open transaction: for reads needed both on their own and inside a
/// write (a read inside a write must use the transaction's connection, or a PostgreSQL pool
/// whose connections all wait on one row lock could starve).
pub enum Reader<'a> {
    /// Read through the pool.
    Pool(&'a Db),
    /// Read inside this transaction.
    Tx(&'a mut Tx),
}

fn no_sealing_key() -> StoreError {
    StoreError::Config("no sealing key: contact details cannot be stored or read".into())
}

impl Reader<'_> {
    /// The sealing key of the pool or transaction read through.
    pub fn sealing(&self) -> Result<&SealKey, StoreError> {
        match self {
            Reader::Pool(db) => db.sealing(),
            Reader::Tx(tx) => tx.sealing(),
        }
    }

    /// Runs a query assembled with [`Sql`].
    pub async fn query_built(&mut self, sql: Sql) -> Result<Vec<Row>, StoreError> {
        match self {
            Reader::Pool(db) => db.query_built(sql).await,
            Reader::Tx(tx) => tx.query_built(sql).await,
        }
    }
}

/// A write transaction. Dropping it without [`Tx::commit`] rolls it back.
pub struct Tx {
    inner: TxInner,
    commits: Arc<AtomicU64>,
    sealing: Option<Arc<SealKey>>,
}

impl Tx {
    /// The key of the [`Db`] this transaction was begun on (see [`Db::with_sealing`]).
    pub fn sealing(&self) -> Result<&SealKey, StoreError> {
        self.sealing.as_deref().ok_or_else(no_sealing_key)
    }

    /// Runs a query inside the transaction.
    pub async fn query(
        &mut self,
        sql: &'static str,
        params: Vec<Value>,
    ) -> Result<Vec<Row>, StoreError> {
        match &mut self.inner {
            TxInner::Sqlite { conn, .. } => {
                let c = conn.clone();
                blocking(move || sqlite_run(&*lock(&c)?, sql, &params)).await
            }
            TxInner::Postgres(tx) => {
                let rows = pg_query(sql, &params).fetch_all(&mut ***pg(tx)?).await?;
                pg_rows(&rows)
            }
        }
    }

    /// Runs a query assembled with [`Sql`] inside the transaction.
    pub async fn query_built(&mut self, sql: Sql) -> Result<Vec<Row>, StoreError> {
        let Sql { text, params } = sql;
        match &mut self.inner {
            TxInner::Sqlite { conn, .. } => {
                let c = conn.clone();
                blocking(move || sqlite_run(&*lock(&c)?, &text, &params)).await
            }
            TxInner::Postgres(tx) => {
                let rows = pg_query(sqlx::AssertSqlSafe(text), &params)
                    .fetch_all(&mut ***pg(tx)?)
                    .await?;
                pg_rows(&rows)
            }
        }
    }

    /// Runs a query inside the transaction and returns its first row, if any.
    pub async fn query_opt(
        &mut self,
        sql: &'static str,
        params: Vec<Value>,
    ) -> Result<Option<Row>, StoreError> {
        Ok(self.query(sql, params).await?.into_iter().next())
    }

    /// Runs a query that must return one row.
    pub async fn query_one(
        &mut self,
        sql: &'static str,
        params: Vec<Value>,
    ) -> Result<Row, StoreError> {
        self.query_opt(sql, params)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Runs a statement; returns the number of rows changed.
    pub async fn execute(
        &mut self,
        sql: &'static str,
        params: Vec<Value>,
    ) -> Result<u64, StoreError> {
        match &mut self.inner {
            TxInner::Sqlite { conn, .. } => {
                let c = conn.clone();
                blocking(move || sqlite_exec(&*lock(&c)?, sql, &params)).await
            }
            TxInner::Postgres(tx) => Ok(pg_query(sql, &params)
                .execute(&mut ***pg(tx)?)
                .await?
                .rows_affected()),
        }
    }

    /// Commits.
    pub async fn commit(mut self) -> Result<(), StoreError> {
        match &mut self.inner {
            TxInner::Sqlite { conn, done, .. } => {
                let c = conn.clone();
                blocking(move || Ok(lock(&c)?.execute_batch("COMMIT")?)).await?;
                *done = true;
            }
            TxInner::Postgres(tx) => match tx.take() {
                Some(tx) => tx.commit().await?,
                None => return Err(StoreError::Other("transaction already finished".into())),
            },
        }
        self.commits.fetch_add(1, Ordering::Release);
        Ok(())
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        if let TxInner::Sqlite {
            conn, done: false, ..
        } = &self.inner
        {
            // Roll back before the write permit is released, so the next writer starts clean.
            if let Ok(c) = conn.lock()
                && !c.is_autocommit()
            {
                let _ = c.execute_batch("ROLLBACK");
            }
        }
    }
}
