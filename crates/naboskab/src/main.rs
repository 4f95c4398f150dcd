//! The `naboskab` command: serve the site, migrate, seed the demo, add users, create API
//! tokens, back up, print the default configuration.

mod config;

use anyhow::{Context, Result, anyhow};
use clap::{Parser, Subcommand};
use config::{Config, ConfigArgs};
use naboskab_app::clock::{Clock, SystemClock};
use naboskab_app::delivery::{HttpSmsGateway, SmtpMailer};
use naboskab_app::files::FileStore;
use naboskab_app::messaging::{Channels, KeepInOutbox, Mailer};
use naboskab_domain::Role;
use naboskab_store::seal::SealKey;
use naboskab_store::{Db, migrate, users};
use naboskab_web::{AppState, WebConfig};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "naboskab",
    version,
    about = "Naboskab: activities, places and help against loneliness in social-housing areas"
)]
struct Cli {
    #[command(flatten)]
    config: ConfigArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (migrates the database first).
    Serve {
        /// Seed the demo data if the database is empty, and show the demo outbox.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Seed the demo data into an empty database.
    Demo {
        /// Also add this many generated offers (for load tests and benchmarks).
        #[arg(long, default_value_t = 0)]
        extra_offers: usize,
        /// Also add this many weekly activities with sign-up in one department (benchmarks).
        #[arg(long, default_value_t = 0)]
        extra_series: usize,
        /// Also add practice rooms holding this many community bookings (benchmarks).
        #[arg(long, default_value_t = 0)]
        extra_bookings: usize,
        /// Also add this many submitted applications to the newest grant call (benchmarks).
        #[arg(long, default_value_t = 0)]
        extra_applications: usize,
        /// Also add this many generated answers to the newest closed survey round (benchmarks).
        #[arg(long, default_value_t = 0)]
        extra_survey_answers: usize,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Anonymous loneliness surveys.
    Survey {
        #[command(subcommand)]
        command: SurveyCommand,
    },
    /// Write a consistent copy of the SQLite database (PostgreSQL: use pg_dump).
    Backup {
        /// Output file [default: <data-dir>/backup-<time>.db].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Show configuration.
    Config {
        /// Print the default configuration file.
        #[arg(long)]
        print_default: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account (e-mail counts as confirmed).
    Add {
        /// E-mail address.
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// Password (or set NABOSKAB_NEW_PASSWORD); at least 12 characters.
        #[arg(long, env = "NABOSKAB_NEW_PASSWORD", hide_env_values = true)]
        password: String,
        /// Role to grant, e.g. platform_admin, housing_org_admin, resident.
        #[arg(long)]
        role: Option<String>,
        /// Organisation id the role is held in (the platform for platform_admin).
        #[arg(long)]
        org: Option<i64>,
    },
}

#[derive(Subcommand)]
enum SurveyCommand {
    /// Print new one-time codes for a round, one a line (only their hashes are kept: print
    /// them into the letters now, they cannot be shown again).
    Codes {
        /// The round's id.
        #[arg(long)]
        round: i64,
        /// How many codes (1–5000).
        #[arg(long)]
        count: usize,
        /// The department the codes are for (needed when the round has more than one).
        #[arg(long)]
        department: Option<i64>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API bearer token for a user and print it.
    Create {
        /// The user's e-mail.
        #[arg(long)]
        user: String,
        /// A name for the token.
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().flatten_event(true).init();
    } else {
        builder.init();
    }
}

async fn open_db(cfg: &Config) -> Result<Db> {
    if cfg.database_url.is_none() {
        std::fs::create_dir_all(&cfg.data_dir)
            .with_context(|| format!("cannot create data folder {}", cfg.data_dir.display()))?;
    }
    let db = naboskab_store::open(
        cfg.database_url.as_deref(),
        &cfg.data_dir.join("naboskab.db"),
    )
    .await
    .context("cannot open the database")?
    .with_sealing(Arc::new(outreach_key(cfg)?));
    let applied = migrate::migrate(&db, SystemClock.now())
        .await
        .context("migration failed")?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    Ok(db)
}

fn demo_password() -> String {
    std::env::var("NABOSKAB_DEMO_PASSWORD")
        .unwrap_or_else(|_| naboskab_demo::DEFAULT_PASSWORD.to_owned())
}

/// Where attached documents are kept: the configured bucket, or `files` in the data folder.
fn file_store(cfg: &Config) -> Result<FileStore> {
    let files = match cfg.file_store.as_deref() {
        None => FileStore::on_disk(&cfg.data_dir.join("files")),
        #[cfg(feature = "s3")]
        Some(url) if url.starts_with("s3://") => FileStore::s3(url),
        Some(other) => {
            return Err(anyhow!(
                "file_store {other:?}: only s3://bucket/prefix is known, and only in a server built with --features s3"
            ));
        }
    };
    files.map_err(|e| anyhow!("file store: {e}"))
}

async fn seed_demo(db: &Db, cfg: &Config) -> Result<()> {
    match naboskab_demo::seed(
        db,
        &demo_password(),
        &outreach_key(cfg)?,
        &file_store(cfg)?,
        SystemClock.now(),
    )
    .await
    .map_err(|e| anyhow!(e))?
    {
        Some(_) => tracing::info!("demo data seeded"),
        None => tracing::info!("database has accounts already; demo data not seeded"),
    }
    Ok(())
}

/// The key sealing outreach records: configured, or generated once into the data folder's
/// `outreach.key` (readable by the owner only).
fn outreach_key(cfg: &Config) -> Result<SealKey> {
    if let Some(hex_key) = &cfg.outreach_key {
        return SealKey::from_hex(hex_key).map_err(|e| anyhow!(e));
    }
    let path = cfg.data_dir.join("outreach.key");
    if !path.exists() {
        std::fs::create_dir_all(&cfg.data_dir)
            .with_context(|| format!("creating {}", cfg.data_dir.display()))?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(&path)
            .with_context(|| format!("creating {}", path.display()))?;
        std::io::Write::write_all(&mut file, SealKey::generate_hex().as_bytes())
            .with_context(|| format!("writing {}", path.display()))?;
        tracing::info!(path = %path.display(), "generated the outreach key; back it up apart from the database");
    }
    let hex_key =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    SealKey::from_hex(&hex_key).map_err(|e| anyhow!("{}: {e}", path.display()))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

async fn serve(cfg: Config, demo: bool) -> Result<()> {
    let started = std::time::Instant::now();
    let db = open_db(&cfg).await?;
    if demo {
        seed_demo(&db, &cfg).await?;
    }
    let email: Arc<dyn Mailer> = match (&cfg.smtp, demo) {
        (Some(smtp), false) => Arc::new(SmtpMailer::new(smtp).map_err(|e| anyhow!(e))?),
        _ => Arc::new(KeepInOutbox),
    };
    let sms: Arc<dyn Mailer> = match (&cfg.sms, demo) {
        (Some(sms), false) => Arc::new(HttpSmsGateway::new(sms.clone())),
        _ => Arc::new(KeepInOutbox),
    };
    let mailer: Arc<dyn Mailer> = Arc::new(Channels { email, sms });
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let seal_key = Arc::new(outreach_key(&cfg)?);
    let sealed = naboskab_store::seal_plain_rows(&db)
        .await
        .context("sealing personal details stored before sealing")?;
    if sealed > 0 {
        tracing::info!(sealed, "sealed personal details stored in plain text");
    }
    let web = WebConfig {
        base_url: cfg.base_url.clone(),
        demo,
        trust_proxy: cfg.trust_proxy,
        oidc: cfg.oidc.clone(),
        body_limit: cfg.body_limit,
        guest_requests_per_hour: cfg.guest_requests_per_hour,
        outreach_key: seal_key,
        outreach_retention_days: cfg.outreach_retention_days,
        metrics_token: cfg.metrics_token.clone(),
        files: file_store(&cfg)?,
    };
    let state = AppState::new(web, db.clone(), clock.clone(), mailer.clone());
    let loading = std::time::Instant::now();
    let offers = state
        .app
        .catalogue
        .refresh(&db)
        .await
        .context("loading the offer catalogue")?;
    tracing::info!(
        offers,
        ms = loading.elapsed().as_millis() as u64,
        "offer catalogue loaded"
    );
    naboskab_app::jobs::spawn_all(&state.app, mailer);
    if let Some(metrics_bind) = &cfg.metrics_bind {
        let listener = tokio::net::TcpListener::bind(metrics_bind)
            .await
            .with_context(|| format!("cannot listen on {metrics_bind} for metrics"))?;
        tracing::info!(address = %metrics_bind, "metrics served on a separate address");
        let metrics = naboskab_web::metrics_app(state.clone());
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, metrics).await {
                tracing::error!(error = %e, "metrics listener stopped");
            }
        });
    }
    let listener = tokio::net::TcpListener::bind(&cfg.bind)
        .await
        .with_context(|| format!("cannot listen on {}", cfg.bind))?;
    tracing::info!(
        address = %cfg.bind,
        base_url = %cfg.base_url,
        backend = ?db.backend(),
        demo,
        ready_ms = started.elapsed().as_millis() as u64,
        "Naboskab is ready"
    );
    axum::serve(
        listener,
        naboskab_web::app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("server error")?;
    db.close().await;
    Ok(())
}

async fn run(cli: Cli) -> Result<()> {
    if let Command::Config { print_default } = &cli.command {
        if *print_default {
            print!("{}", config::default_toml());
        } else {
            let c = config::resolve(&cli.config).map_err(|e| anyhow!(e))?;
            println!(
                "bind = {:?}\ndata_dir = {:?}\ndatabase = {}\nfile_store = {:?}\nbase_url = {:?}\nlocale = {:?}\ntime_zone = {:?}\nlog_format = {:?}\nsmtp = {}\noidc = {}",
                c.bind,
                c.data_dir,
                if c.database_url.is_some() {
                    "postgresql"
                } else {
                    "sqlite"
                },
                c.file_store.clone().unwrap_or_else(|| c
                    .data_dir
                    .join("files")
                    .display()
                    .to_string()),
                c.base_url,
                c.locale,
                c.time_zone,
                c.log_format,
                if c.smtp.is_some() {
                    "configured"
                } else {
                    "outbox only"
                },
                if c.oidc.is_some() {
                    "configured"
                } else {
                    "off"
                }
            );
        }
        return Ok(());
    }
    let cfg = config::resolve(&cli.config).map_err(|e| anyhow!(e))?;
    init_logging(&cfg.log_format);
    naboskab_web::install_crypto_provider();
    match cli.command {
        Command::Serve { demo } => serve(cfg, demo).await,
        Command::Migrate => {
            open_db(&cfg).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::Demo {
            extra_offers,
            extra_series,
            extra_bookings,
            extra_applications,
            extra_survey_answers,
        } => {
            let db = open_db(&cfg).await?;
            seed_demo(&db, &cfg).await?;
            if extra_offers > 0 {
                let started = std::time::Instant::now();
                let n = naboskab_demo::offers::add_generated(&db, extra_offers, SystemClock.now())
                    .await?;
                println!(
                    "added {n} generated offers in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
            if extra_series > 0 {
                let started = std::time::Instant::now();
                let dep =
                    naboskab_demo::join::add_generated_series(&db, extra_series, SystemClock.now())
                        .await?;
                println!(
                    "added {extra_series} weekly activities to department {dep} in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
            if extra_bookings > 0 {
                let started = std::time::Instant::now();
                let (dep, rooms) = naboskab_demo::gather::add_generated_bookings(
                    &db,
                    extra_bookings,
                    SystemClock.now(),
                )
                .await?;
                let ids: Vec<String> = rooms.iter().map(i64::to_string).collect();
                println!(
                    "added {extra_bookings} bookings in rooms {} of department {dep} in {:.1} s",
                    ids.join(","),
                    started.elapsed().as_secs_f64()
                );
            }
            if extra_applications > 0 {
                let started = std::time::Instant::now();
                let call = naboskab_demo::grants::add_generated_applications(
                    &db,
                    extra_applications,
                    SystemClock.now(),
                )
                .await?;
                println!(
                    "added {extra_applications} applications to call {call} in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
            if extra_survey_answers > 0 {
                let started = std::time::Instant::now();
                let round =
                    naboskab_demo::surveys::add_generated_answers(&db, extra_survey_answers)
                        .await?;
                println!(
                    "added {extra_survey_answers} answers to survey round {round} in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    password,
                    role,
                    org,
                },
        } => {
            let db = open_db(&cfg).await?;
            let now = SystemClock.now();
            let id =
                naboskab_app::accounts::create_account(&db, &email, &name, &password, true, now)
                    .await
                    .map_err(|e| anyhow!(e))?;
            if let Some(role) = role {
                let role = Role::parse(&role).ok_or_else(|| anyhow!("unknown role '{role}'"))?;
                let org = match (org, role) {
                    (Some(o), _) => o,
                    (None, Role::PlatformAdmin) => naboskab_store::orgs::organisations_of_kind(
                        &db,
                        naboskab_domain::OrgKind::Platform,
                    )
                    .await?
                    .first()
                    .map(|o| o.id)
                    .ok_or_else(|| anyhow!("platform organisation missing"))?,
                    (None, _) => {
                        return Err(anyhow!("--org is required for role {}", role.as_str()));
                    }
                };
                naboskab_store::orgs::organisation(&db, org)
                    .await?
                    .ok_or_else(|| anyhow!("no organisation with id {org}"))?;
                users::add_membership(&db, id, org, role, now).await?;
            }
            println!("created account {id} for {email}");
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Create { user, name },
        } => {
            let db = open_db(&cfg).await?;
            let email = naboskab_domain::email::normalise_email(&user)
                .map_err(|_| anyhow!("'{user}' is not an e-mail address"))?;
            let u = users::user_by_email(&db, &email)
                .await?
                .ok_or_else(|| anyhow!("no account with e-mail {email}"))?;
            let secret =
                naboskab_app::accounts::issue_api_token(&db, u.id, &name, None, SystemClock.now())
                    .await?;
            println!("{secret}");
            Ok(())
        }
        Command::Survey {
            command:
                SurveyCommand::Codes {
                    round,
                    count,
                    department,
                },
        } => {
            let db = open_db(&cfg).await?;
            let codes = naboskab_app::surveys::issue_codes(&db, round, department, count)
                .await
                .map_err(|e| match e {
                    naboskab_app::Error::NotFound => anyhow!("no survey round with id {round}"),
                    naboskab_app::Error::Invalid(_)
                        if count == 0 || count > naboskab_app::surveys::MAX_CODES_AT_ONCE =>
                    {
                        anyhow!("--count must be from 1 to 5000")
                    }
                    naboskab_app::Error::Invalid(_) => anyhow!(
                        "the round has several departments (or not this one): name one with --department"
                    ),
                    other => anyhow!(other),
                })?;
            for code in codes {
                println!("{code}");
            }
            Ok(())
        }
        Command::Backup { out } => {
            let db = open_db(&cfg).await?;
            if db.sqlite_path().is_none() {
                println!(
                    "This installation uses PostgreSQL. Back it up with pg_dump, e.g.:\n  pg_dump -Fc -f naboskab.dump \"$NABOSKAB_DATABASE_URL\"\nand restore with pg_restore -d <new database> naboskab.dump"
                );
                return Ok(());
            }
            let out = out.unwrap_or_else(|| {
                cfg.data_dir.join(format!(
                    "backup-{}.db",
                    chrono::Utc::now().format("%Y%m%dT%H%M%SZ")
                ))
            });
            if out.exists() {
                return Err(anyhow!(
                    "{} exists already; choose another --out",
                    out.display()
                ));
            }
            db.backup_sqlite_to(&out).await?;
            println!("wrote {}", out.display());
            Ok(())
        }
        Command::Config { .. } => Ok(()),
    }
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(32)
        .build();
    let runtime = match runtime {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
