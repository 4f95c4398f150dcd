//! Page templates (askama, compiled and HTML-escaped by default) and the context every page
//! shares: language and direction, the language switcher, the signed-in user, the CSRF token
//! for forms, and a one-line notice.

use crate::context::Ctx;
use crate::error::{AppError, FieldError, RenderableError};
use crate::i18n::{self, Locale};
use crate::state::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use fluent_bundle::FluentValue;

/// Bumped with the stylesheet so browsers fetch the new one.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One entry of the language switcher.
#[derive(Debug, Clone)]
pub struct LangLink {
    /// Code.
    pub code: &'static str,
    /// Name in the language itself.
    pub name: &'static str,
    /// The current page in that language.
    pub href: String,
    /// Whether it is the current language.
    pub current: bool,
}

/// The signed-in user as pages show them.
#[derive(Debug, Clone)]
pub struct UserView {
    /// Display name.
    pub name: String,
    /// E-mail.
    pub email: String,
}

/// What the layout needs on every page.
#[derive(Debug, Clone)]
pub struct PageCtx {
    /// Language.
    pub locale: Locale,
    /// `lang` attribute.
    pub lang: &'static str,
    /// `dir` attribute.
    pub dir: &'static str,
    /// Switcher entries.
    pub languages: Vec<LangLink>,
    /// Signed-in user.
    pub user: Option<UserView>,
    /// Whether to show the administration link.
    pub is_platform_admin: bool,
    /// Whether to show "my offers" (organisers, boards, staff).
    pub manages_offers: bool,
    /// Whether the outreach caseload is in the menu (social caretakers).
    pub does_outreach: bool,
    /// Sees outreach referrals as counts (housing organisation staff, boards, municipalities).
    pub counts_outreach: bool,
    /// Whether the survey rounds are in the menu.
    pub reads_surveys: bool,
    /// CSRF token for forms.
    pub csrf_token: String,
    /// A notice shown at the top of the page.
    pub flash: Option<String>,
    /// Demo mode.
    pub demo: bool,
    /// Cache-busting version for assets.
    pub asset_version: &'static str,
}

impl PageCtx {
    /// Builds the page context for a request.
    pub fn new(st: &AppState, ctx: &Ctx) -> PageCtx {
        let (path, query) = ctx
            .path_and_query
            .split_once('?')
            .unwrap_or((&ctx.path_and_query, ""));
        let kept: Vec<(String, String)> =
            serde_urlencoded::from_str::<Vec<(String, String)>>(query)
                .unwrap_or_default()
                .into_iter()
                .filter(|(k, _)| k != "lang" && k != "notice")
                .collect();
        let languages = Locale::ALL
            .into_iter()
            .map(|l| {
                let mut q = kept.clone();
                q.push(("lang".into(), l.code().into()));
                LangLink {
                    code: l.code(),
                    name: l.native_name(),
                    href: format!(
                        "{path}?{}",
                        serde_urlencoded::to_string(&q).unwrap_or_default()
                    ),
                    current: l == ctx.locale,
                }
            })
            .collect();
        let flash = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .unwrap_or_default()
            .into_iter()
            .find(|(k, _)| k == "notice")
            .map(|(_, v)| v)
            .filter(|k| k.starts_with("notice-") && i18n::has_key(k))
            .map(|k| i18n::t(ctx.locale, &k));
        PageCtx {
            locale: ctx.locale,
            lang: ctx.locale.code(),
            dir: ctx.locale.dir(),
            languages,
            user: ctx.user.as_ref().map(|u| UserView {
                name: u.display_name.clone(),
                email: u.email.clone(),
            }),
            is_platform_admin: ctx.actor.is_platform_admin(),
            manages_offers: ctx.actor.memberships.iter().any(|m| {
                matches!(
                    m.role,
                    naboskab_domain::Role::Organiser
                        | naboskab_domain::Role::BoardMember
                        | naboskab_domain::Role::HousingOrgAdmin
                        | naboskab_domain::Role::SocialCaretaker
                )
            }),
            does_outreach: ctx.actor.has_role(naboskab_domain::Role::SocialCaretaker),
            reads_surveys: naboskab_domain::policy::reads_surveys_somewhere(&ctx.actor),
            counts_outreach: [
                naboskab_domain::Role::HousingOrgAdmin,
                naboskab_domain::Role::BoardMember,
                naboskab_domain::Role::MunicipalOfficer,
            ]
            .into_iter()
            .any(|r| ctx.actor.has_role(r)),
            csrf_token: ctx.csrf_token.clone(),
            flash,
            demo: st.config.demo,
            asset_version: ASSET_VERSION,
        }
    }

    /// Text for a key.
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.locale, key)
    }

    /// Text for a key with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        i18n::t_args(
            self.locale,
            key,
            &[(name, FluentValue::from(value.to_owned()))],
        )
    }

    /// Text for a key with a number argument (plural rules apply).
    pub fn tn(&self, key: &str, name: &str, value: &i64) -> String {
        i18n::t_args(self.locale, key, &[(name, FluentValue::from(*value))])
    }

    /// A timestamp as local date and time.
    pub fn datetime(&self, ts: &i64) -> String {
        chrono::DateTime::from_timestamp(*ts, 0)
            .map(|d| i18n::format_datetime(self.locale, d))
            .unwrap_or_default()
    }

    /// A phone number for a `tel:` link (digits and a leading +).
    pub fn tel(&self, phone: &str) -> String {
        phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }

    /// A number with the language's separators.
    pub fn number(&self, n: &i64) -> String {
        i18n::format_integer(self.locale, *n)
    }
}

/// Field problems of a submitted form, ready to show.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    /// `(field, message)` pairs in form order.
    pub items: Vec<(String, String)>,
}

impl FormErrors {
    /// Localizes field errors.
    pub fn new(locale: Locale, errors: &[FieldError]) -> FormErrors {
        FormErrors {
            items: errors
                .iter()
                .map(|e| (e.field.clone(), i18n::t(locale, e.key)))
                .collect(),
        }
    }

    /// The message for a field, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Renders a page with status 200.
pub fn page<T: Template>(t: &T) -> Response {
    page_with_status(StatusCode::OK, t)
}

/// Renders a page with a status; error statuses are marked as already rendered.
pub fn page_with_status<T: Template>(status: StatusCode, t: &T) -> Response {
    match t.render() {
        Ok(html) => {
            let mut r = (status, Html(html)).into_response();
            if status.is_client_error() || status.is_server_error() {
                r.extensions_mut().insert(Rendered);
            }
            r
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: PageCtx,
    status: u16,
    title: String,
    fields: FormErrors,
    help: String,
}

/// The localized HTML error page.
pub fn error_page(st: &AppState, ctx: &Ctx, err: &RenderableError) -> Response {
    let page_ctx = PageCtx::new(st, ctx);
    let t = ErrorPage {
        title: page_ctx.t(err.title_key),
        fields: FormErrors::new(ctx.locale, &err.fields),
        status: err.status.as_u16(),
        help: page_ctx.t(&format!("{}-help", err.title_key)),
        ctx: page_ctx,
    };
    match t.render() {
        Ok(html) => (err.status, Html(html)).into_response(),
        Err(_) => (err.status, err.status.canonical_reason().unwrap_or("Error")).into_response(),
    }
}
/// Marks a response whose error body the handler rendered itself (a form shown again with its
/// problems), so the context layer leaves it alone.
#[derive(Debug, Clone, Copy)]
pub struct Rendered;
