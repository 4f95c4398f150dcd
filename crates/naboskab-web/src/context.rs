//! The request context: who is asking (session cookie or API bearer token, with their
//! memberships), in which language, and the CSRF token for their forms. Built once per
//! request by [`crate::layers::context`] and read by handlers through the [`Ctx`] extractor.

use crate::error::AppError;
use crate::i18n::{self, Locale};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use naboskab_domain::policy::{self, Action, Actor, Decision, Denial, Resource};
use naboskab_store::users::User;

/// What every handler knows about the request.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// Chosen language.
    pub locale: Locale,
    /// The acting person, with memberships.
    pub actor: Actor,
    /// Their account, if signed in.
    pub user: Option<User>,
    /// SHA-256 of the session cookie, if signed in through a session.
    pub session_hash: Option<String>,
    /// The token forms must carry (session-bound, or the anonymous cookie's).
    pub csrf_token: String,
    /// Whether the request authenticated with an API bearer token.
    pub via_bearer: bool,
    /// Whether the request is for the JSON API.
    pub is_api: bool,
    /// Path and query of the request (for the language switcher and return links).
    pub path_and_query: String,
    /// The client's address (for rate limits), as far as it can be known.
    pub client_ip: String,
}

impl Ctx {
    /// Who signs up from a form: the signed-in person as themselves, or the details typed (a
    /// guest, or a resident signed up by staff on their behalf).
    pub fn person<'a>(
        &'a self,
        name: &'a str,
        phone: &'a str,
        email: &'a str,
        on_behalf: bool,
    ) -> naboskab_app::join::Person<'a> {
        match (&self.user, on_behalf) {
            (Some(u), false) => naboskab_app::join::Person::Account {
                user_id: u.id,
                name: &u.display_name,
                email: &u.email,
            },
            _ => naboskab_app::join::Person::Typed { name, phone, email },
        }
    }

    /// Text in the request's language.
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.locale, key)
    }

    /// Asks the policy; maps a denial to 401 (not signed in) or 403.
    pub fn authorize(&self, action: Action, resource: &Resource) -> Result<(), AppError> {
        match policy::decide(&self.actor, action, resource) {
            Decision::Allow => Ok(()),
            Decision::Deny(Denial::NotSignedIn) => Err(AppError::Unauthorized),
            Decision::Deny(Denial::SecondFactorNeeded) => Err(AppError::SecondFactorNeeded),
            Decision::Deny(Denial::Forbidden) => {
                tracing::info!(user = ?self.actor.user_id, ?action, "permission denied");
                Err(AppError::Forbidden)
            }
        }
    }

    /// The signed-in user, or 401.
    pub fn require_user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal("request context missing".into()))
    }
}
