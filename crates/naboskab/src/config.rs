//! Configuration: flags > environment (`NABOSKAB_*`) > optional TOML file > defaults.
//! Every subcommand takes the same configuration flags. Unknown keys in the file are an error
//! naming the key.

use clap::Args;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The configuration file's shape; every key is optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Address to listen on.
    pub bind: Option<String>,
    /// Folder for the SQLite file and backups.
    pub data_dir: Option<PathBuf>,
    /// `postgres://…`; unset means SQLite in the data folder.
    pub database_url: Option<String>,
    /// Where attached documents are kept: `s3://bucket/prefix` (built with the `s3`
    /// feature); unset means the `files` folder in the data folder.
    pub file_store: Option<String>,
    /// Public address, e.g. `https://naboskab.example.dk`.
    pub base_url: Option<String>,
    /// Default language: da, en or ar.
    pub locale: Option<String>,
    /// Time zone of dates shown and recurrences.
    pub time_zone: Option<String>,
    /// `text` or `json` logs.
    pub log_format: Option<String>,
    /// Trust `X-Forwarded-For` (behind a reverse proxy).
    pub trust_proxy: Option<bool>,
    /// Largest request body in bytes.
    pub body_limit: Option<usize>,
    /// Sign-ups and contact requests without an account per client address and hour.
    pub guest_requests_per_hour: Option<u32>,
    /// SMTP server; unset keeps mail in the outbox.
    pub smtp_host: Option<String>,
    /// SMTP port.
    pub smtp_port: Option<u16>,
    /// SMTP user.
    pub smtp_username: Option<String>,
    /// SMTP password.
    pub smtp_password: Option<String>,
    /// `From:` address of mails.
    pub smtp_from: Option<String>,
    /// STARTTLS on (true) or a plain local relay (false).
    pub smtp_starttls: Option<bool>,
    /// HTTP SMS provider endpoint; unset keeps text messages in the outbox.
    pub sms_url: Option<String>,
    /// Bearer token for the SMS provider.
    pub sms_token: Option<String>,
    /// Sender name on text messages.
    pub sms_sender: Option<String>,
    /// OpenID Connect issuer (a MitID broker).
    pub oidc_issuer: Option<String>,
    /// OpenID Connect client id.
    pub oidc_client_id: Option<String>,
    /// OpenID Connect client secret.
    pub oidc_client_secret: Option<String>,
    /// Label of the login button.
    pub oidc_label: Option<String>,
    /// Key that seals outreach records at rest: 64 hexadecimal characters. Unset: a key is
    /// generated once into `outreach.key` in the data folder.
    pub outreach_key: Option<String>,
    /// Outreach records without contact for this many days are erased [default: 365].
    pub outreach_retention_days: Option<u32>,
    /// A second address that serves only `/metrics`, without a token, for Prometheus on a
    /// private interface (e.g. `127.0.0.1:9100`). Unset: no such listener.
    pub metrics_bind: Option<String>,
    /// A bearer token that opens `/metrics` on the main address. Unset: `/metrics` is not
    /// served there at all.
    pub metrics_token: Option<String>,
}

/// Flags shared by every subcommand; each also reads `NABOSKAB_<NAME>`.
#[derive(Debug, Clone, Args, Default)]
pub struct ConfigArgs {
    /// TOML configuration file.
    #[arg(long, env = "NABOSKAB_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "NABOSKAB_BIND", global = true)]
    pub bind: Option<String>,
    /// Folder for the SQLite file [default: ./data].
    #[arg(long, env = "NABOSKAB_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// PostgreSQL URL (postgres://…); unset = SQLite in the data folder.
    #[arg(long, env = "NABOSKAB_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Public base URL [default: http://<bind>].
    #[arg(long, env = "NABOSKAB_BASE_URL", global = true)]
    pub base_url: Option<String>,
    /// Default language: da, en or ar [default: da].
    #[arg(long, env = "NABOSKAB_LOCALE", global = true)]
    pub locale: Option<String>,
    /// Time zone [default: Europe/Copenhagen].
    #[arg(long, env = "NABOSKAB_TIME_ZONE", global = true)]
    pub time_zone: Option<String>,
    /// Log format: text or json [default: text].
    #[arg(long, env = "NABOSKAB_LOG_FORMAT", global = true)]
    pub log_format: Option<String>,
    /// Trust X-Forwarded-For from a reverse proxy.
    #[arg(long, env = "NABOSKAB_TRUST_PROXY", global = true)]
    pub trust_proxy: Option<bool>,
    /// Sign-ups and contact requests without an account per client address and hour
    /// [default: 10].
    #[arg(long, env = "NABOSKAB_GUEST_REQUESTS_PER_HOUR", global = true)]
    pub guest_requests_per_hour: Option<u32>,
    /// SMTP server host.
    #[arg(long, env = "NABOSKAB_SMTP_HOST", global = true)]
    pub smtp_host: Option<String>,
    /// OpenID Connect issuer URL.
    #[arg(long, env = "NABOSKAB_OIDC_ISSUER", global = true)]
    pub oidc_issuer: Option<String>,
    /// OpenID Connect client id.
    #[arg(long, env = "NABOSKAB_OIDC_CLIENT_ID", global = true)]
    pub oidc_client_id: Option<String>,
    /// OpenID Connect client secret.
    #[arg(
        long,
        env = "NABOSKAB_OIDC_CLIENT_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub oidc_client_secret: Option<String>,
    /// Key sealing outreach records (64 hexadecimal characters).
    #[arg(
        long,
        env = "NABOSKAB_OUTREACH_KEY",
        global = true,
        hide_env_values = true
    )]
    pub outreach_key: Option<String>,
    /// A second, private address serving only `/metrics` (no token there).
    #[arg(long, env = "NABOSKAB_METRICS_BIND", global = true)]
    pub metrics_bind: Option<String>,
    /// Bearer token for `/metrics` on the main address (unset: not served there).
    #[arg(
        long,
        env = "NABOSKAB_METRICS_TOKEN",
        global = true,
        hide_env_values = true
    )]
    pub metrics_token: Option<String>,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on.
    pub bind: String,
    /// Data folder.
    pub data_dir: PathBuf,
    /// PostgreSQL URL, if any.
    pub database_url: Option<String>,
    /// Where attached documents are kept, when not in the data folder.
    pub file_store: Option<String>,
    /// Public base URL.
    pub base_url: String,
    /// Default language.
    pub locale: String,
    /// Time zone.
    pub time_zone: String,
    /// Log format.
    pub log_format: String,
    /// Trust proxy headers.
    pub trust_proxy: bool,
    /// Body limit.
    pub body_limit: usize,
    /// Guest requests per address and hour.
    pub guest_requests_per_hour: u32,
    /// SMTP settings.
    pub smtp: Option<naboskab_app::delivery::SmtpConfig>,
    /// SMS provider settings.
    pub sms: Option<naboskab_app::delivery::SmsConfig>,
    /// OIDC settings.
    pub oidc: Option<naboskab_web::OidcConfig>,
    /// Outreach sealing key as configured (else the data folder's key file).
    pub outreach_key: Option<String>,
    /// Days without contact before an outreach record is erased.
    pub outreach_retention_days: u32,
    /// A second, private address serving only `/metrics`.
    pub metrics_bind: Option<String>,
    /// Bearer token for `/metrics` on the main address.
    pub metrics_token: Option<String>,
}

/// Reads the TOML file, naming an unknown key or a bad value.
pub fn read_file(path: &std::path::Path) -> Result<FileConfig, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))
}

/// Merges flags and environment (already merged by clap) over the file over defaults.
pub fn resolve(args: &ConfigArgs) -> Result<Config, String> {
    let file = match &args.config {
        Some(p) => read_file(p)?,
        None => FileConfig::default(),
    };
    let bind = args
        .bind
        .clone()
        .or(file.bind)
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let locale = args
        .locale
        .clone()
        .or(file.locale)
        .unwrap_or_else(|| "da".into());
    if !["da", "en", "ar"].contains(&locale.as_str()) {
        return Err(format!(
            "locale '{locale}' is not shipped: use da, en or ar"
        ));
    }
    let time_zone = args
        .time_zone
        .clone()
        .or(file.time_zone)
        .unwrap_or_else(|| "Europe/Copenhagen".into());
    if time_zone != "Europe/Copenhagen" {
        return Err(format!(
            "time_zone '{time_zone}': only Europe/Copenhagen is supported"
        ));
    }
    let log_format = args
        .log_format
        .clone()
        .or(file.log_format)
        .unwrap_or_else(|| "text".into());
    if !["text", "json"].contains(&log_format.as_str()) {
        return Err(format!("log_format '{log_format}': use text or json"));
    }
    let base_url = args
        .base_url
        .clone()
        .or(file.base_url)
        .unwrap_or_else(|| format!("http://{bind}"))
        .trim_end_matches('/')
        .to_owned();
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err(format!(
            "base_url '{base_url}' must start with http:// or https://"
        ));
    }
    let smtp_host = args.smtp_host.clone().or(file.smtp_host);
    let smtp = smtp_host.map(|host| naboskab_app::delivery::SmtpConfig {
        host,
        port: file.smtp_port.unwrap_or(587),
        username: file.smtp_username.clone(),
        password: file.smtp_password.clone(),
        from: file
            .smtp_from
            .clone()
            .unwrap_or_else(|| "Naboskab <noreply@naboskab.dk>".into()),
        starttls: file.smtp_starttls.unwrap_or(true),
    });
    let sms = match file.sms_url.clone() {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            Some(naboskab_app::delivery::SmsConfig {
                url,
                token: file.sms_token.clone(),
                sender: file.sms_sender.clone().unwrap_or_else(|| "Naboskab".into()),
            })
        }
        Some(url) => return Err(format!("sms_url '{url}' must start with https://")),
        None => None,
    };
    let metrics_token = args
        .metrics_token
        .clone()
        .or(file.metrics_token.clone())
        .filter(|t| !t.trim().is_empty());
    if metrics_token.as_ref().is_some_and(|t| t.trim().len() < 32) {
        return Err("metrics_token must be at least 32 characters".into());
    }
    let issuer = args.oidc_issuer.clone().or(file.oidc_issuer);
    let oidc = match issuer {
        None => None,
        Some(issuer) => Some(naboskab_web::OidcConfig {
            issuer,
            client_id: args
                .oidc_client_id
                .clone()
                .or(file.oidc_client_id)
                .ok_or("oidc_client_id is required with oidc_issuer")?,
            client_secret: args
                .oidc_client_secret
                .clone()
                .or(file.oidc_client_secret)
                .ok_or("oidc_client_secret is required with oidc_issuer")?,
            label: file.oidc_label.unwrap_or_else(|| "MitID".into()),
        }),
    };
    Ok(Config {
        bind,
        data_dir: args
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("./data")),
        database_url: args
            .database_url
            .clone()
            .or(file.database_url)
            .filter(|u| !u.is_empty()),
        file_store: file.file_store.filter(|u| !u.trim().is_empty()),
        base_url,
        locale,
        time_zone,
        log_format,
        trust_proxy: args.trust_proxy.or(file.trust_proxy).unwrap_or(false),
        body_limit: file.body_limit.unwrap_or(1024 * 1024),
        guest_requests_per_hour: args
            .guest_requests_per_hour
            .or(file.guest_requests_per_hour)
            .unwrap_or(10),
        smtp,
        sms,
        oidc,
        outreach_key: args
            .outreach_key
            .clone()
            .or(file.outreach_key)
            .filter(|k| !k.trim().is_empty()),
        outreach_retention_days: file.outreach_retention_days.unwrap_or(365),
        metrics_bind: args
            .metrics_bind
            .clone()
            .or(file.metrics_bind)
            .filter(|b| !b.trim().is_empty()),
        metrics_token,
    })
}

/// The default configuration as a commented TOML file.
pub fn default_toml() -> String {
    r#"# Naboskab configuration. Every key is optional; flags and NABOSKAB_* environment
# variables override this file. Unknown keys are an error.

# Address to listen on.
bind = "127.0.0.1:8080"
# Folder for the SQLite database file (created if missing).
data_dir = "./data"
# PostgreSQL instead of SQLite, e.g. "postgres://naboskab@db.example/naboskab".
# database_url = ""
# Attached documents (grant applications' budgets, statutes, accounts) are kept in the
# `files` folder of data_dir. With a server built with `--features s3`, an S3-compatible
# bucket instead; credentials, region and endpoint from the AWS_* environment variables.
# file_store = "s3://naboskab-files/production"
# Public address; cookies get Secure and the __Host- prefix when it is https.
# base_url = "https://naboskab.example.dk"
# Default language: da, en or ar.
locale = "da"
# Time zone for dates and recurring activities.
time_zone = "Europe/Copenhagen"
# Log format: text or json.
log_format = "text"
# Trust X-Forwarded-For from a reverse proxy in front of Naboskab.
trust_proxy = false
# Largest request body in bytes.
body_limit = 1048576
# Sign-ups and "contact me" requests without an account, per client address and hour.
guest_requests_per_hour = 10

# Key that seals outreach records at rest (64 hexadecimal characters, e.g. from
# `openssl rand -hex 32`). Unset: one is generated into outreach.key in data_dir. Back it up
# apart from the database: records cannot be read without it.
# outreach_key = ""
# Outreach records without contact for this many days are erased by a daily job.
outreach_retention_days = 365

# /metrics is private by default. Either serve it on a second address that only Prometheus
# reaches (no token there):
# metrics_bind = "127.0.0.1:9100"
# or open it on the main address to a scraper presenting this bearer token (32+ characters):
# metrics_token = "…"

# Text messages through an HTTP SMS provider (JSON POST of to, from, text); without sms_url,
# texts stay in the outbox.
# sms_url = "https://sms.example.dk/send"
# sms_token = ""
# sms_sender = "Naboskab"

# SMTP delivery; without smtp_host, mails stay in the outbox.
# smtp_host = "smtp.example.dk"
# smtp_port = 587
# smtp_username = ""
# smtp_password = ""
# smtp_from = "Naboskab <noreply@naboskab.example.dk>"
# smtp_starttls = true

# Login through a MitID broker (OpenID Connect).
# oidc_issuer = "https://broker.example/"
# oidc_client_id = ""
# oidc_client_secret = ""
# oidc_label = "MitID"
"#
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let c = resolve(&ConfigArgs::default()).expect("defaults");
        assert_eq!(c.bind, "127.0.0.1:8080");
        assert_eq!(c.data_dir, PathBuf::from("./data"));
        assert_eq!(c.database_url, None);
        assert_eq!(c.locale, "da");
        assert_eq!(c.time_zone, "Europe/Copenhagen");
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
    }

    #[test]
    fn the_printed_default_file_parses_to_the_defaults() {
        let f: FileConfig = toml::from_str(&default_toml()).expect("parses");
        assert_eq!(f.bind.as_deref(), Some("127.0.0.1:8080"));
        assert_eq!(f.locale.as_deref(), Some("da"));
    }

    #[test]
    fn unknown_key_is_named() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "bind = \"0.0.0.0:1\"\ndatabse_url = \"x\"\n").expect("write");
        let err = read_file(&p).expect_err("unknown key");
        assert!(err.contains("databse_url"), "{err}");
    }

    #[test]
    fn flags_beat_file_and_file_beats_defaults() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "bind = \"0.0.0.0:9000\"\nlocale = \"en\"\n").expect("write");
        let args = ConfigArgs {
            config: Some(p),
            locale: Some("ar".into()),
            ..Default::default()
        };
        let c = resolve(&args).expect("resolve");
        assert_eq!(c.bind, "0.0.0.0:9000");
        assert_eq!(c.locale, "ar");
    }

    #[test]
    fn bad_values_are_named() {
        let args = ConfigArgs {
            locale: Some("de".into()),
            ..Default::default()
        };
        assert!(resolve(&args).expect_err("locale").contains("de"));
        let args = ConfigArgs {
            oidc_issuer: Some("https://idp".into()),
            ..Default::default()
        };
        assert!(resolve(&args).expect_err("oidc").contains("oidc_client_id"));
        let args = ConfigArgs {
            metrics_token: Some("short".into()),
            ..Default::default()
        };
        assert!(resolve(&args).expect_err("token").contains("metrics_token"));
    }

    #[test]
    fn metrics_are_private_unless_configured() {
        let c = resolve(&ConfigArgs::default()).expect("resolve");
        assert_eq!((c.metrics_bind, c.metrics_token), (None, None));
        let args = ConfigArgs {
            metrics_bind: Some("127.0.0.1:9100".into()),
            metrics_token: Some("x".repeat(40)),
            ..Default::default()
        };
        let c = resolve(&args).expect("resolve");
        assert_eq!(c.metrics_bind.as_deref(), Some("127.0.0.1:9100"));
        assert_eq!(c.metrics_token.map(|t| t.len()), Some(40));
    }
}
