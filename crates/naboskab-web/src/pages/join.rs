//! Joining an activity: an occurrence's page with its sign-up form (with an account, without
//! one, or by staff on a resident's behalf), the page behind the link in the confirmation
//! message (confirm the address, cancel), and the organiser's check-in list (tap to mark
//! present, walk-ins, anonymous headcount). A guest's place is held for a day until the
//! address is confirmed, then given back to the waitlist. Messages go through the outbox in the
//! participant's language.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::forms::check_contact;
use crate::i18n::{self, Locale};
use crate::security::{hash_token, random_token};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_domain::{Action, Resource};
use naboskab_store::join::{self, NewSignup, Occurrence, OwnedMessage, Participant, SignupResult};
use naboskab_store::{offers, orgs};
use serde::Deserialize;

/// How consent was given when staff sign a resident up.
pub const CONSENT_METHODS: [&str; 3] = ["in_person", "by_phone", "in_writing"];

/// "Tuesday 5 January 2027, 14:00–16:00" in the page's language.
pub fn when_text(locale: Locale, occ: &Occurrence) -> String {
    format!(
        "{}–{}",
        i18n::format_datetime(locale, occ.starts_at),
        i18n::format_time(locale, occ.ends_at)
    )
}

/// The title of an occurrence's offer in `locale`.
async fn offer_title(st: &AppState, occ: &Occurrence, locale: Locale) -> AppResult<String> {
    Ok(match offers::offer(&st.db, occ.offer_id).await? {
        Some(o) => o.localized(locale.code()).0.to_owned(),
        None => occ.offer_title.clone(),
    })
}

/// Messages to a participant about an occurrence, in their language: an e-mail when they gave
/// an address, a text message when they gave a phone number.
pub fn messages_for(
    base_url: &str,
    p: &Participant,
    occ: &Occurrence,
    subject_key: &str,
    body_key: &str,
    link: Option<&str>,
) -> Vec<OwnedMessage> {
    let locale = Locale::parse(&p.locale).unwrap_or(Locale::Da);
    let title = occ.offer_title.clone();
    let args = [
        ("name", p.name.clone()),
        ("offer", title),
        ("when", when_text(locale, occ)),
        ("reason", occ.cancel_reason.clone()),
        (
            "link",
            link.map(|l| format!("{base_url}{l}")).unwrap_or_default(),
        ),
    ];
    let (subject, body) = crate::accounts::render_message(locale, subject_key, body_key, &args);
    let mut out = Vec::new();
    if !p.email.is_empty() {
        out.push(OwnedMessage {
            channel: "email",
            recipient: p.email.clone(),
            subject: subject.clone(),
            body: body.clone(),
        });
    } else if !p.phone.is_empty() {
        out.push(OwnedMessage {
            channel: "sms",
            recipient: p.phone.clone(),
            subject,
            body,
        });
    }
    out
}

/// Whether the actor may see and mark the check-in list of an offer's occurrences.
async fn can_manage_offer(st: &AppState, ctx: &Ctx, offer_id: i64) -> AppResult<bool> {
    let Some(o) = offers::offer(&st.db, offer_id).await? else {
        return Ok(false);
    };
    crate::pages::offers::can_manage(st, ctx, &o).await
}

/// Whether the actor may sign residents up on their behalf for this offer (its organisers and
/// social caretakers).
async fn can_assist(st: &AppState, ctx: &Ctx, offer_id: i64) -> AppResult<bool> {
    let Some(o) = offers::offer(&st.db, offer_id).await? else {
        return Ok(false);
    };
    let chain = orgs::chain(&st.db, o.organisation_id).await?;
    Ok(naboskab_domain::policy::decide(
        &ctx.actor,
        Action::SignUpOthers,
        &Resource::Organisation { chain },
    )
    .is_allowed())
}

/// Who signs up: the signed-in person (with their account's name and address, confirmed), or
/// the name and phone or e-mail typed, checked into `problems`: a guest (confirmed later
/// through the link) or a resident signed up by staff (`on_behalf`, confirmed by staff).
pub fn person_signing_up(
    ctx: &Ctx,
    name: &str,
    phone: &str,
    email: &str,
    on_behalf: bool,
    problems: &mut Vec<FieldError>,
) -> NewSignup {
    let locale = ctx.locale.code().to_owned();
    match (&ctx.user, on_behalf) {
        (Some(u), false) => NewSignup {
            user_id: Some(u.id),
            name: u.display_name.clone(),
            email: u.email.clone(),
            locale,
            verified: true,
            ..Default::default()
        },
        _ => {
            let c = check_contact(name, phone, email, problems);
            NewSignup {
                name: c.name,
                email: c.email,
                phone: c.phone,
                locale,
                verified: on_behalf,
                ..Default::default()
            }
        }
    }
}

/// Refuses a guest (no account) who has sent too many sign-ups from this address this hour.
pub fn check_guest_limit(st: &AppState, ctx: &Ctx) -> AppResult<()> {
    let now = st.now();
    if ctx.user.is_none() && !st.signup_per_ip.try_acquire(&ctx.client_ip, now) {
        return Err(AppError::TooManyRequests(
            st.signup_per_ip.retry_after(&ctx.client_ip, now),
        ));
    }
    Ok(())
}

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
        can_manage: can_manage_offer(st, ctx, occ.offer_id).await?,
        can_assist: can_assist(st, ctx, occ.offer_id).await?,
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

/// A published occurrence, or 404.
async fn public_occurrence(st: &AppState, id: i64) -> AppResult<Occurrence> {
    let occ = join::occurrence(&st.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    match offers::offer(&st.db, occ.offer_id).await? {
        Some(o) if o.status == "published" => Ok(occ),
        _ => Err(AppError::NotFound),
    }
}

/// `GET /occurrences/{id}`
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let occ = public_occurrence(&st, id).await?;
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
    ctx.authorize(Action::SignUp, &Resource::Public)?;
    let occ = public_occurrence(&st, id).await?;
    let assisted = f.on_behalf == "1";
    if assisted && !can_assist(&st, &ctx, occ.offer_id).await? {
        return Err(AppError::Forbidden);
    }
    let mut problems = Vec::new();
    let mut signup = person_signing_up(&ctx, &f.name, &f.phone, &f.email, assisted, &mut problems);
    if assisted && !CONSENT_METHODS.contains(&f.consent_method.as_str()) {
        problems.push(FieldError {
            field: "consent_method".into(),
            key: "field-consent-method-required",
        });
    }
    if !problems.is_empty() {
        let errors = FormErrors::new(ctx.locale, &problems);
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &occurrence_page(&st, &ctx, occ, f, errors).await?,
        ));
    }
    check_guest_limit(&st, &ctx)?;
    let now = st.now();
    let token = random_token(32);
    signup.occurrence_id = occ.id;
    signup.token_hash = hash_token(&token);
    signup.bring_friend = f.bring_friend == "1";
    signup.first_time = f.first_time == "1";
    if assisted {
        signup.assisted_by = ctx.actor.user_id;
        signup.consent_method.clone_from(&f.consent_method);
    }
    let result = join::sign_up(&st.db, &signup, now).await?;
    let (outcome, position, signup_id) = match result {
        SignupResult::Confirmed { id } => ("confirmed", 0, Some(id)),
        SignupResult::Waitlisted { id, position } => ("waitlisted", position, Some(id)),
        SignupResult::AlreadySignedUp { .. } => ("already", 0, None),
        SignupResult::Closed => return Err(AppError::Conflict("signup-closed")),
    };
    let sent_to = if signup_id.is_some() {
        tracing::info!(occurrence = occ.id, outcome, assisted, "signed up");
        send_signup_message(&st, &occ, &signup, outcome, &token).await?
    } else {
        String::new()
    };
    let link = format!("/signups/{token}");
    let p = PageCtx::new(&st, &ctx);
    Ok(page(&SignupDone {
        title: offer_title(&st, &occ, ctx.locale).await?,
        when: when_text(ctx.locale, &occ),
        occurrence_id: occ.id,
        outcome,
        position,
        sent_to: if signup.verified {
            String::new()
        } else {
            sent_to
        },
        manage_href: (signup.verified && signup_id.is_some()).then_some(link),
        ctx: p,
    }))
}

/// Sends the sign-up's message through the outbox: a confirmation link for guests, a receipt
/// with the cancellation link for everyone else. Returns where it went.
pub async fn send_signup_message(
    st: &AppState,
    occ: &Occurrence,
    signup: &NewSignup,
    status: &str,
    token: &str,
) -> AppResult<String> {
    let locale = Locale::parse(&signup.locale).unwrap_or(Locale::Da);
    let participant = Participant {
        id: 0,
        occurrence_id: occ.id,
        user_id: signup.user_id,
        name: signup.name.clone(),
        email: signup.email.clone(),
        phone: signup.phone.clone(),
        locale: signup.locale.clone(),
        status: status.to_owned(),
        arrival: 0,
        places: if signup.bring_friend { 2 } else { 1 },
        first_time: signup.first_time,
        verified: signup.verified,
        assisted_by: signup.assisted_by,
        consent_method: signup.consent_method.clone(),
        present: false,
    };
    let mut occ = occ.clone();
    occ.offer_title = offer_title(st, &occ, locale).await?;
    let (subject_key, body_key) = match (signup.verified, status) {
        (false, _) => ("signup-confirm-mail-subject", "signup-confirm-mail-body"),
        (true, "waitlisted") => ("signup-waitlist-mail-subject", "signup-waitlist-mail-body"),
        (true, _) => ("signup-mail-subject", "signup-mail-body"),
    };
    let link = format!("/signups/{token}");
    let mut sent_to = String::new();
    for m in messages_for(
        &st.config.base_url,
        &participant,
        &occ,
        subject_key,
        body_key,
        Some(&link),
    ) {
        naboskab_store::outbox::enqueue(
            &st.db,
            &naboskab_store::outbox::NewMessage {
                channel: m.channel,
                recipient: &m.recipient,
                subject: &m.subject,
                body: &m.body,
                user_id: signup.user_id,
            },
            st.now(),
        )
        .await?;
        sent_to = m.recipient;
    }
    Ok(sent_to)
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

async fn by_token(st: &AppState, token: &str) -> AppResult<(Participant, Occurrence)> {
    let p = join::participant_by_token(&st.db, &hash_token(token))
        .await?
        .ok_or(AppError::NotFound)?;
    let occ = join::occurrence(&st.db, p.occurrence_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((p, occ))
}

/// `GET /signups/{token}`: the sign-up behind a link, with buttons to confirm and cancel.
pub async fn manage(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let (participant, occ) = by_token(&st, &token).await?;
    let position = join::waitlist_position(&st.db, &participant).await?;
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
    let (participant, _) = by_token(&st, &token).await?;
    join::verify_signup(&st.db, participant.id, st.now()).await?;
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
    let (participant, _) = by_token(&st, &token).await?;
    cancel_and_promote(&st, participant.id).await?;
    Ok(Redirect::to(&format!("/signups/{token}?notice=notice-signup-cancelled")).into_response())
}

/// Cancels a sign-up and tells whoever moves up from the waitlist.
pub async fn cancel_and_promote(st: &AppState, signup_id: i64) -> AppResult<Vec<Participant>> {
    st.catalogue.refresh(&st.db).await?;
    let notify = notice(st, "promoted-mail-subject", "promoted-mail-body");
    Ok(join::cancel_signup(&st.db, signup_id, &notify, st.now()).await?)
}

/// How long a guest's place is held before the address is confirmed.
pub const UNCONFIRMED_HOLD_S: i64 = 24 * 3_600;

/// Gives back the places of guests who did not confirm their address within a day; the next
/// on each waitlist moves up and is told. Returns how many sign-ups were released.
pub async fn release_unconfirmed(st: &AppState) -> AppResult<usize> {
    let ids = join::unconfirmed_since(&st.db, st.now(), UNCONFIRMED_HOLD_S).await?;
    for id in &ids {
        cancel_and_promote(st, *id).await?;
    }
    if !ids.is_empty() {
        tracing::info!(released = ids.len(), "unconfirmed guest sign-ups released");
    }
    Ok(ids.len())
}

/// Runs [`release_unconfirmed`] every minute until the process ends.
pub async fn run_release_loop(st: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tick.tick().await;
        if let Err(e) = release_unconfirmed(&st).await {
            tracing::warn!(error = %e, "unconfirmed sign-ups could not be released");
        }
    }
}

/// Tells everyone signed up that an occurrence was cancelled (used by the store's callback).
pub fn cancellation_notice(
    st: &AppState,
) -> impl Fn(&Participant, &Occurrence) -> Vec<OwnedMessage> + Send + Sync + 'static {
    notice(st, "cancelled-mail-subject", "cancelled-mail-body")
}

/// A message about an occurrence for the store's transaction callbacks, which cannot await:
/// titles come from the catalogue, which holds every published offer's titles in memory.
fn notice(
    st: &AppState,
    subject_key: &'static str,
    body_key: &'static str,
) -> impl Fn(&Participant, &Occurrence) -> Vec<OwnedMessage> + Send + Sync + 'static {
    let base = st.config.base_url.clone();
    let catalogue = st.catalogue.clone();
    move |p, occ| {
        let mut occ = occ.clone();
        if let Some(card) = catalogue
            .cards(&[occ.offer_id], &p.locale)
            .ok()
            .and_then(|c| c.into_iter().next())
        {
            occ.offer_title = card.title;
        }
        messages_for(&base, p, &occ, subject_key, body_key, None)
    }
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

pub async fn managed_occurrence(st: &AppState, ctx: &Ctx, id: i64) -> AppResult<Occurrence> {
    let occ = join::occurrence(&st.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let o = offers::offer(&st.db, occ.offer_id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::pages::offers::require_manage(st, ctx, &o).await?;
    Ok(occ)
}

/// `GET /occurrences/{id}/attendance`: the check-in list (works on a phone and on paper).
pub async fn attendance(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let occ = managed_occurrence(&st, &ctx, id).await?;
    let participants = join::participants(&st.db, id).await?;
    let walk_ins = join::walk_ins(&st.db, id).await?;
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
        occ,
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
    let occ = managed_occurrence(&st, &ctx, id).await?;
    let mut problems = Vec::new();
    if let Ok(signup) = f.present.parse::<i64>() {
        let belongs = join::participants(&st.db, occ.id)
            .await?
            .iter()
            .any(|p| p.id == signup);
        if !belongs {
            return Err(AppError::NotFound);
        }
        join::set_present(&st.db, signup, f.value == "1").await?;
    }
    let walk_in = f.walk_in.trim();
    if !walk_in.is_empty() {
        if walk_in.chars().count() > 100 {
            problems.push(FieldError {
                field: "walk_in".into(),
                key: "field-too-long",
            });
        } else {
            join::add_walk_in(&st.db, occ.id, walk_in, st.now()).await?;
        }
    }
    if !f.headcount.trim().is_empty() {
        match f.headcount.trim().parse::<i64>() {
            Ok(n) if (0..=10_000).contains(&n) => {
                join::set_headcount(&st.db, occ.id, Some(n)).await?
            }
            _ => problems.push(FieldError {
                field: "headcount".into(),
                key: "field-number-invalid",
            }),
        }
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    Ok(Redirect::to(&format!("/occurrences/{}/attendance#list", occ.id)).into_response())
}
