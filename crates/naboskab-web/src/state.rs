//! Application state shared by every request: configuration, database, clock, mailer, rate
//! limiters and metrics. Passed through axum's `State`; there are no globals.

use crate::metrics::Metrics;
use crate::ratelimit::{RateLimiter, SignInThrottle};
use naboskab_app::clock::Clock;
use naboskab_app::messaging::Mailer;
use naboskab_app::{App, AppConfig};
use naboskab_store::Db;
use naboskab_store::seal::SealKey;
use std::sync::Arc;

/// OpenID Connect settings (login through a MitID broker).
#[derive(Debug, Clone, PartialEq)]
pub struct OidcConfig {
    /// Issuer URL; discovery is read from `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    /// Client id registered with the provider.
    pub client_id: String,
    /// Client secret.
    pub client_secret: String,
    /// Label on the login button ("MitID").
    pub label: String,
}

/// What the web layer needs to know about the installation.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Public base URL, e.g. `https://naboskab.example.dk` (no trailing slash).
    pub base_url: String,
    /// Demo mode: shows the outbox page and the demo banner.
    pub demo: bool,
    /// Trust `X-Forwarded-For` from a reverse proxy for the client address.
    pub trust_proxy: bool,
    /// OpenID Connect login, if configured.
    pub oidc: Option<OidcConfig>,
    /// Largest accepted request body in bytes.
    pub body_limit: usize,
    /// Sign-ups and "contact me" requests without an account, per client address and hour.
    pub guest_requests_per_hour: u32,
    /// The key outreach records are sealed with.
    pub outreach_key: Arc<SealKey>,
    /// Outreach records without contact for this many days are erased.
    pub outreach_retention_days: u32,
    /// A bearer token that opens `/metrics` on the site's address; `None` keeps it closed
    /// there (serve it on a separate private address instead).
    pub metrics_token: Option<String>,
    /// Where attached documents are kept (memory unless the server says otherwise).
    pub files: naboskab_app::files::FileStore,
}

impl WebConfig {
    /// Whether cookies must be `Secure` (and `__Host-` prefixed): when served over https.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// The session cookie's name.
    pub fn session_cookie(&self) -> &'static str {
        if self.secure_cookies() {
            "__Host-naboskab_session"
        } else {
            "naboskab_session"
        }
    }

    /// The device cookie's name: a browser that signed in before (see
    /// [`crate::ratelimit::SignInThrottle`]).
    pub fn device_cookie(&self) -> &'static str {
        if self.secure_cookies() {
            "__Host-naboskab_device"
        } else {
            "naboskab_device"
        }
    }

    /// The anonymous CSRF cookie's name.
    pub fn csrf_cookie(&self) -> &'static str {
        if self.secure_cookies() {
            "__Host-naboskab_csrf"
        } else {
            "naboskab_csrf"
        }
    }

    /// A `Set-Cookie` value with the installation's flags.
    pub fn cookie(&self, name: &str, value: &str, max_age_s: Option<i64>) -> String {
        let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
        if self.secure_cookies() {
            c.push_str("; Secure");
        }
        if let Some(age) = max_age_s {
            c.push_str(&format!("; Max-Age={age}"));
        }
        c
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            base_url: "http://127.0.0.1:8080".into(),
            demo: false,
            trust_proxy: false,
            oidc: None,
            body_limit: 1024 * 1024,
            guest_requests_per_hour: 10,
            // Installations always pass their own key (see `naboskab serve`); this one is
            // for tests.
            outreach_key: naboskab_store::testing::test_sealing_key(),
            outreach_retention_days: 365,
            metrics_token: None,
            files: naboskab_app::files::FileStore::in_memory(),
        }
    }
}

/// Everything a handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The use cases' application: the database, the clock and the offer catalogue.
    pub app: App,
    /// Configuration.
    pub config: Arc<WebConfig>,
    /// Delivers outbox messages.
    pub mailer: Arc<dyn Mailer>,
    /// Login attempts per client address (10 a minute).
    pub login_per_ip: Arc<RateLimiter>,
    /// Failed passwords and two-step codes, per account, address and device
    /// ([`SignInThrottle`] has the numbers).
    pub sign_in: Arc<SignInThrottle>,
    /// Registrations and reset requests per client address (10 an hour).
    pub signup_per_ip: Arc<RateLimiter>,
    /// Request counters for `/metrics`.
    pub metrics: Arc<Metrics>,
    /// HTTP client for OpenID Connect.
    pub http: reqwest::Client,
    /// Calendar pages computed in the last second.
    pub calendar_cache: Arc<crate::cache::ShortCache<crate::views::CalendarView>>,
}

impl AppState {
    /// Builds the state with the standard rate limits.
    pub fn new(
        config: WebConfig,
        db: Db,
        clock: Arc<dyn Clock>,
        mailer: Arc<dyn Mailer>,
    ) -> AppState {
        let guest_limit = config.guest_requests_per_hour as usize;
        // One key for everything sealed: outreach records (passed explicitly) and the contact
        // details the store seals on its own (`App::new` puts it on the handle).
        let app = App::new(
            db,
            clock,
            AppConfig {
                base_url: config.base_url.clone(),
                outreach_key: config.outreach_key.clone(),
                outreach_retention_days: config.outreach_retention_days,
                files: config.files.clone(),
            },
        );
        AppState {
            config: Arc::new(config),
            app,
            mailer,
            login_per_ip: Arc::new(RateLimiter::new(10, 60)),
            sign_in: Arc::new(SignInThrottle::default()),
            signup_per_ip: Arc::new(RateLimiter::new(guest_limit, 3600)),
            metrics: Arc::new(Metrics::default()),
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap_or_default(),
            calendar_cache: Arc::new(crate::cache::ShortCache::new(
                std::time::Duration::from_secs(1),
                512,
            )),
        }
    }

    /// Now, in seconds since the epoch.
    pub fn now(&self) -> i64 {
        self.app.now()
    }

    /// Refuses a guest (no account) who has sent too many sign-ups or requests from this
    /// address this hour.
    pub fn check_guest_limit(&self, ctx: &crate::context::Ctx) -> crate::error::AppResult<()> {
        let now = self.now();
        if ctx.user.is_none() && !self.signup_per_ip.try_acquire(&ctx.client_ip, now) {
            return Err(crate::error::AppError::TooManyRequests(
                self.signup_per_ip.retry_after(&ctx.client_ip, now),
            ));
        }
        Ok(())
    }
}
