//! Joining an activity: an occurrence's page with its sign-up form (with an account, without
//! one, or by staff on a resident's behalf), the page behind the link in the confirmation
//! message (confirm the address, cancel), and the organiser's check-in list (tap to mark
//! present, walk-ins, anonymous headcount). A guest's place is held for a day until the
//! address is confirmed, then given back to the waitlist. Messages go through the outbox in the
//! participant's language.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::join as cases;
use naboskab_app::organising::{self, CheckIn, managed_occurrence};
use naboskab_domain::join::SignUpStatus;
use naboskab_domain::{Action, Resource};
use naboskab_store::join::{Occurrence, Participant, SignupResult};
use serde::Deserialize;

pub use naboskab_app::join::{CONSENT_METHODS, when_text};

/// What the sign-up form holds.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    name: String,
    email: String,
    phone: String,
    bring_friend: String,
    first_time: String,
    /// "1" when staff sign up someone else.
    on_behalf: String,
    consent_method: String,
}

#[derive(Template)]
#[template(path = "occurrence.html")]
struct OccurrencePage {
    ctx: PageCtx,
    occ: Occurrence,
    title: String,
    when: String,
    places_left: Option<i64>,
    is_past: bool,
    can_manage: bool,
    can_assist: bool,
    signed_in: bool,
    f: SignupForm,
    errors: FormErrors,
    consent_methods: Vec<(&'static str, String)>,
}

async fn occurrence_page(
    st: &AppState,
    ctx: &Ctx,
    occ: Occurrence,
    f: SignupForm,
    errors: FormErrors,
) -> AppResult<OccurrencePage> {
    let p = PageCtx::new(st, ctx);
    Ok(OccurrencePage {
        title: offer_title(st, &occ, ctx.locale).await?,
        when: when_text(ctx.locale, &occ),
        places_left: occ.places_left(),
        is_past: occ.ends_at.timestamp() < st.now(),
        can_manage: cases::can_manage_offer(&st.app, &ctx.actor, occ.offer_id).await?,
        can_assist: cases::can_assist(&st.app, &ctx.actor, occ.offer_id).await?,
        signed_in: ctx.user.is_some(),
        consent_methods: CONSENT_METHODS
            .iter()
            .map(|m| (*m, p.t(&format!("consent-{m}"))))
            .collect(),
        ctx: p,
        occ,
        f,
        errors,
    })
}

/// `GET /occurrences/{id}`
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let occ = cases::public_occurrence(&st.app, id).await?;
    Ok(page(
        &occurrence_page(&st, &ctx, occ, SignupForm::default(), FormErrors::default()).await?,
    ))
}

#[derive(Template)]
#[template(path = "signup_done.html")]
struct SignupDone {
    ctx: PageCtx,
    title: String,
    when: String,
    occurrence_id: i64,
    /// confirmed, waitlisted, already
    outcome: &'static str,
    position: i64,
    /// Where the confirmation went (guests), so they know to look.
    sent_to: String,
    /// The manage link, shown to people who signed in (or to staff who signed someone up).
    manage_href: Option<String>,
}

/// `POST /occurrences/{id}/signup`: a place or the waitlist.
pub async fn sign_up(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<SignupForm>,
) -> AppResult<Response> {
    let input = cases::SignUp {
        occurrence_id: id,
        person: ctx.person(&f.name, &f.phone, &f.email, f.on_behalf == "1"),
        locale: ctx.locale,
        bring_friend: f.bring_friend == "1",
        first_time: f.first_time == "1",
        on_behalf: (f.on_behalf == "1").then_some(f.consent_method.as_str()),
    };
    let checked = match cases::check_sign_up(&st.app, &ctx.actor, &input).await {
        Err(naboskab_app::Error::Invalid(problems)) => {
            let occ = cases::public_occurrence(&st.app, id).await?;
            let errors = FormErrors::new(ctx.locale, &problems);
            return Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &occurrence_page(&st, &ctx, occ, f, errors).await?,
            ));
        }
        other => other?,
    };
    st.check_guest_limit(&ctx)?;
    let done = cases::sign_up(&st.app, checked).await?;
    let (outcome, position, signed_up) = match done.result {
        SignupResult::Confirmed { .. } => ("confirmed", 0, true),
        SignupResult::Waitlisted { position, .. } => ("waitlisted", position, true),
        SignupResult::AlreadySignedUp { .. } => ("already", 0, false),
        SignupResult::Closed => return Err(AppError::Conflict("signup-closed")),
    };
    let occ = done.occurrence;
    let link = format!("/signups/{}", done.token);
    let p = PageCtx::new(&st, &ctx);
    Ok(page(&SignupDone {
        title: offer_title(&st, &occ, ctx.locale).await?,
        when: when_text(ctx.locale, &occ),
        occurrence_id: occ.id,
        outcome,
        position,
        sent_to: if done.verified {
            String::new()
        } else {
            done.sent_to
        },
        manage_href: (done.verified && signed_up).then_some(link),
        ctx: p,
    }))
}

/// The title of an occurrence's offer in `locale`.
async fn offer_title(st: &AppState, occ: &Occurrence, locale: Locale) -> AppResult<String> {
    Ok(naboskab_app::offers::title_in(&st.app, occ.offer_id, locale, &occ.offer_title).await?)
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignupPage {
    ctx: PageCtx,
    token: String,
    participant: Participant,
    position: Option<i64>,
    occ: Occurrence,
    title: String,
    when: String,
}

/// `GET /signups/{token}`: the sign-up behind a link, with buttons to confirm and cancel.
pub async fn manage(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let cases::LinkedSignUp {
        participant,
        occurrence: occ,
        position,
    } = cases::signup_by_link(&st.app, &token).await?;
    Ok(page(&SignupPage {
        ctx: PageCtx::new(&st, &ctx),
        title: offer_title(&st, &occ, ctx.locale).await?,
        when: when_text(ctx.locale, &occ),
        token,
        participant,
        position,
        occ,
    }))
}

/// `POST /signups/{token}/confirm`: the guest's address is confirmed.
pub async fn confirm(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    ctx.authorize(Action::SignUp, &Resource::Public)?;
    cases::confirm_by_link(&st.app, &token).await?;
    Ok(Redirect::to(&format!("/signups/{token}?notice=notice-signup-confirmed")).into_response())
}

/// `POST /signups/{token}/cancel`: gives the place back; the next on the waitlist gets it and
/// a message.
pub async fn cancel(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    ctx.authorize(Action::SignUp, &Resource::Public)?;
    cases::cancel_by_link(&st.app, &token).await?;
    Ok(Redirect::to(&format!("/signups/{token}?notice=notice-signup-cancelled")).into_response())
}

#[derive(Template)]
#[template(path = "attendance.html")]
struct AttendancePage {
    ctx: PageCtx,
    occ: Occurrence,
    title: String,
    when: String,
    participants: Vec<Participant>,
    walk_ins: Vec<(i64, String)>,
    present_count: i64,
}

/// `GET /occurrences/{id}/attendance`: the check-in list (works on a phone and on paper).
pub async fn attendance(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let occ = managed_occurrence(&st.app, &ctx.actor, id).await?;
    let (participants, walk_ins) = organising::check_in_list(&st.app, &occ).await?;
    let present_count = participants
        .iter()
        .filter(|p| p.present)
        .map(|p| p.places)
        .sum::<i64>()
        + walk_ins.len() as i64;
    Ok(page(&AttendancePage {
        ctx: PageCtx::new(&st, &ctx),
        title: offer_title(&st, &occ, ctx.locale).await?,
        when: when_text(ctx.locale, &occ),
        participants,
        walk_ins,
        present_count,
        occ: occ.into_inner(),
    }))
}

/// One check-in action.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AttendanceForm {
    /// Toggle this sign-up's presence.
    present: String,
    /// "1" to mark present, "0" to unmark.
    value: String,
    /// Add a walk-in with this name.
    walk_in: String,
    /// Set the anonymous headcount.
    headcount: String,
}

/// `POST /occurrences/{id}/attendance`
pub async fn mark_attendance(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<AttendanceForm>,
) -> AppResult<Response> {
    let occ = managed_occurrence(&st.app, &ctx.actor, id).await?;
    let change = CheckIn {
        present: f.present.parse::<i64>().ok().map(|id| (id, f.value == "1")),
        walk_in: f.walk_in,
        headcount: f.headcount,
    };
    organising::check_in(&st.app, &occ, &change).await?;
    Ok(Redirect::to(&format!("/occurrences/{}/attendance#list", occ.id)).into_response())
}
