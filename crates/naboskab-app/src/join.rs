//! Joining an activity: signing up (with an account, as a guest, or by staff on a resident's
//! behalf), the messages that go with it in the participant's language, cancelling (the next
//! on the waitlist moves up and is told) and giving back the places of guests who never
//! confirmed their address.

use crate::contact::check_contact;
use crate::error::{Error, FieldError, Result};
use crate::i18n::{self, Locale};
use crate::secrets::{hash_token, random_token};
use crate::{App, offers as offer_cases};
use naboskab_domain::join::SignUpStatus;
use naboskab_domain::{Action, Actor, Resource};
use naboskab_store::join::{self, NewSignup, Occurrence, OwnedMessage, Participant, SignupResult};
use naboskab_store::{offers, orgs};

/// How consent was given when staff sign a resident up.
pub const CONSENT_METHODS: [&str; 3] = ["in_person", "by_phone", "in_writing"];

/// How long a guest's place is held before the address is confirmed.
pub const UNCONFIRMED_HOLD_S: i64 = 24 * 3_600;

/// "Tuesday 5 January 2027, 14:00–16:00" in `locale`.
pub fn when_text(locale: Locale, occ: &Occurrence) -> String {
    format!(
        "{}–{}",
        i18n::format_datetime(locale, occ.starts_at),
        i18n::format_time(locale, occ.ends_at)
    )
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
    let args = [
        ("name", p.name.clone()),
        ("offer", occ.offer_title.clone()),
        ("when", when_text(locale, occ)),
        ("reason", occ.cancel_reason.clone()),
        (
            "link",
            link.map(|l| format!("{base_url}{l}")).unwrap_or_default(),
        ),
    ];
    let (subject, body) = i18n::render_message(locale, subject_key, body_key, &args);
    let mut out = Vec::new();
    if !p.email.is_empty() {
        out.push(OwnedMessage {
            channel: "email",
            recipient: p.email.clone(),
            subject,
            body,
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

/// A published occurrence (of a published offer), or [`Error::NotFound`].
pub async fn public_occurrence(app: &App, id: i64) -> Result<Occurrence> {
    let occ = join::occurrence(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    offer_cases::published(app, occ.offer_id).await?;
    Ok(occ)
}

/// Whether `actor` may see and mark the check-in list of an offer's occurrences.
pub async fn can_manage_offer(app: &App, actor: &Actor, offer_id: i64) -> Result<bool> {
    match offers::offer(&app.db, offer_id).await? {
        Some(o) => offer_cases::can_manage(app, actor, &o).await,
        None => Ok(false),
    }
}

/// Whether `actor` may sign residents up on their behalf for this offer (its organisers and
/// social caretakers).
pub async fn can_assist(app: &App, actor: &Actor, offer_id: i64) -> Result<bool> {
    let Some(o) = offers::offer(&app.db, offer_id).await? else {
        return Ok(false);
    };
    let chain = orgs::chain(&app.db, o.organisation_id).await?;
    Ok(naboskab_domain::policy::decide(
        actor,
        Action::SignUpOthers,
        &Resource::Organisation { chain },
    )
    .is_allowed())
}

/// Who signs up.
#[derive(Debug, Clone)]
pub enum Person<'a> {
    /// The signed-in person, with their account's name and (confirmed) address.
    Account {
        /// The account.
        user_id: i64,
        /// Its display name.
        name: &'a str,
        /// Its address.
        email: &'a str,
    },
    /// A name and a phone or e-mail as typed: a guest (who confirms through a link) or, with
    /// [`SignUp::on_behalf`], a resident signed up by staff.
    Typed {
        /// Name.
        name: &'a str,
        /// Phone.
        phone: &'a str,
        /// E-mail.
        email: &'a str,
    },
}

/// A sign-up as asked for.
#[derive(Debug, Clone)]
pub struct SignUp<'a> {
    /// The occurrence.
    pub occurrence_id: i64,
    /// Who.
    pub person: Person<'a>,
    /// The language for their messages.
    pub locale: Locale,
    /// Bringing a friend (+1 place).
    pub bring_friend: bool,
    /// First time: the organiser will greet them.
    pub first_time: bool,
    /// Staff signing a resident up: how the resident consented (one of [`CONSENT_METHODS`]).
    pub on_behalf: Option<&'a str>,
}

/// A sign-up that passed the policy and the checks, ready for [`sign_up`].
#[derive(Debug)]
pub struct CheckedSignUp {
    /// The occurrence.
    pub occurrence: Occurrence,
    signup: NewSignup,
}

/// What a sign-up got.
#[derive(Debug)]
pub struct SignedUp {
    /// The occurrence.
    pub occurrence: Occurrence,
    /// Confirmed, waitlisted, already signed up or closed.
    pub result: SignupResult,
    /// The secret of the sign-up's own link (`/signups/{token}`).
    pub token: String,
    /// Where the message went (address or number); empty when none was sent.
    pub sent_to: String,
    /// The address was confirmed already (an account, or staff signing up).
    pub verified: bool,
}

/// Checks a sign-up: the occurrence is public and takes sign-ups, staff signing someone up may
/// do so for this offer and recorded the consent, and the person's details are usable.
/// Answers [`Error::Invalid`] naming every field at fault.
pub async fn check_sign_up(app: &App, actor: &Actor, s: &SignUp<'_>) -> Result<CheckedSignUp> {
    if !naboskab_domain::policy::decide(actor, Action::SignUp, &Resource::Public).is_allowed() {
        return Err(Error::Forbidden);
    }
    let occurrence = public_occurrence(app, s.occurrence_id).await?;
    if !occurrence.signup_required {
        return Err(Error::Conflict("signup-drop-in"));
    }
    if s.on_behalf.is_some() && !can_assist(app, actor, occurrence.offer_id).await? {
        return Err(Error::Forbidden);
    }
    let mut problems: Vec<FieldError> = Vec::new();
    let locale = s.locale.code().to_owned();
    let mut signup = match (&s.person, s.on_behalf) {
        (
            Person::Account {
                user_id,
                name,
                email,
            },
            None,
        ) => NewSignup {
            user_id: Some(*user_id),
            name: (*name).to_owned(),
            email: (*email).to_owned(),
            locale,
            verified: true,
            ..Default::default()
        },
        (Person::Typed { name, phone, email }, _) => {
            let c = check_contact(name, phone, email, &mut problems);
            NewSignup {
                name: c.name,
                email: c.email,
                phone: c.phone,
                locale,
                verified: s.on_behalf.is_some(),
                ..Default::default()
            }
        }
        // Staff sign someone else up with the details they typed, never as themselves.
        (Person::Account { .. }, Some(_)) => {
            check_contact("", "", "", &mut problems);
            NewSignup::default()
        }
    };
    if let Some(method) = s.on_behalf {
        if CONSENT_METHODS.contains(&method) {
            signup.assisted_by = actor.user_id;
            signup.consent_method = method.to_owned();
        } else {
            problems.push(FieldError::new(
                "consent_method",
                "field-consent-method-required",
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    signup.occurrence_id = occurrence.id;
    signup.bring_friend = s.bring_friend;
    signup.first_time = s.first_time;
    Ok(CheckedSignUp { occurrence, signup })
}

/// Signs up: a place while there is room, else the waitlist (decided in the store under the
/// occurrence's lock). A new sign-up gets its message through the outbox: a confirmation link
/// for guests, a receipt with the cancellation link for everyone else.
pub async fn sign_up(app: &App, checked: CheckedSignUp) -> Result<SignedUp> {
    let CheckedSignUp {
        occurrence,
        mut signup,
    } = checked;
    let token = random_token(32);
    signup.token_hash = hash_token(&token);
    let locale = Locale::parse(&signup.locale).unwrap_or(Locale::Da);
    let mut titled = occurrence.clone();
    titled.offer_title =
        offer_cases::title_in(app, occurrence.offer_id, locale, &occurrence.offer_title).await?;
    let tell = |status| signup_messages(&app.config.base_url, &titled, &signup, status, &token);
    let result = join::sign_up_telling(&app.db, &signup, &tell, app.now()).await?;
    let status = match result {
        SignupResult::Confirmed { .. } => Some(SignUpStatus::Confirmed),
        SignupResult::Waitlisted { .. } => Some(SignUpStatus::Waitlisted),
        SignupResult::AlreadySignedUp { .. } | SignupResult::Closed => None,
    };
    let sent_to = match status {
        Some(status) => {
            tracing::info!(
                occurrence = occurrence.id,
                status = status.as_str(),
                assisted = signup.assisted_by.is_some(),
                "signed up"
            );
            tell(status).pop().map(|m| m.recipient).unwrap_or_default()
        }
        None => String::new(),
    };
    Ok(SignedUp {
        occurrence,
        result,
        token,
        sent_to,
        verified: signup.verified,
    })
}

/// The message a new sign-up sends, in the person's language: a confirmation link for
/// guests, a receipt with the cancellation link (or the waitlist's) for everyone else.
fn signup_messages(
    base_url: &str,
    occ: &Occurrence,
    signup: &NewSignup,
    status: SignUpStatus,
    token: &str,
) -> Vec<OwnedMessage> {
    let participant = Participant {
        id: 0,
        occurrence_id: occ.id,
        user_id: signup.user_id,
        name: signup.name.clone(),
        email: signup.email.clone(),
        phone: signup.phone.clone(),
        locale: signup.locale.clone(),
        status,
        arrival: 0,
        places: if signup.bring_friend { 2 } else { 1 },
        first_time: signup.first_time,
        verified: signup.verified,
        assisted_by: signup.assisted_by,
        consent_method: signup.consent_method.clone(),
        present: false,
    };
    let (subject_key, body_key) = match (signup.verified, status) {
        (false, _) => ("signup-confirm-mail-subject", "signup-confirm-mail-body"),
        (true, SignUpStatus::Waitlisted) => {
            ("signup-waitlist-mail-subject", "signup-waitlist-mail-body")
        }
        (true, _) => ("signup-mail-subject", "signup-mail-body"),
    };
    let link = format!("/signups/{token}");
    messages_for(
        base_url,
        &participant,
        occ,
        subject_key,
        body_key,
        Some(&link),
    )
}

/// The sign-up behind the link in a confirmation message, with its occurrence and, while it
/// waits, its place on the waitlist. An unknown link is [`Error::NotFound`].
pub struct LinkedSignUp {
    /// The sign-up.
    pub participant: Participant,
    /// Its occurrence.
    pub occurrence: Occurrence,
    /// Its place on the waitlist (1 is next), when waitlisted.
    pub position: Option<i64>,
}

async fn by_link(app: &App, token: &str) -> Result<(Participant, Occurrence)> {
    let participant = join::participant_by_token(&app.db, &hash_token(token))
        .await?
        .ok_or(Error::NotFound)?;
    let occurrence = join::occurrence(&app.db, participant.occurrence_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((participant, occurrence))
}

/// The sign-up behind a link (anyone holding the link may see it: the link is the secret).
pub async fn signup_by_link(app: &App, token: &str) -> Result<LinkedSignUp> {
    let (participant, occurrence) = by_link(app, token).await?;
    let position = join::waitlist_position(&app.db, &participant).await?;
    Ok(LinkedSignUp {
        participant,
        occurrence,
        position,
    })
}

/// Confirms the address of the guest whose link this is, so the place is kept.
pub async fn confirm_by_link(app: &App, token: &str) -> Result<()> {
    let (participant, _) = by_link(app, token).await?;
    Ok(join::verify_signup(&app.db, participant.id, app.now()).await?)
}

/// Cancels the sign-up behind a link; whoever moves up from the waitlist is told.
pub async fn cancel_by_link(app: &App, token: &str) -> Result<()> {
    let (participant, _) = by_link(app, token).await?;
    cancel_and_promote(app, participant.id).await?;
    Ok(())
}

/// Cancels a sign-up and tells whoever moves up from the waitlist.
pub async fn cancel_and_promote(app: &App, signup_id: i64) -> Result<Vec<Participant>> {
    app.catalogue.refresh(&app.db).await?;
    let notify = notice(app, "promoted-mail-subject", "promoted-mail-body");
    Ok(join::cancel_signup(&app.db, signup_id, &notify, app.now()).await?)
}

/// Gives back the places of guests who did not confirm their address within a day; the next
/// on each waitlist moves up and is told. Returns how many sign-ups were released.
pub async fn release_unconfirmed(app: &App) -> Result<usize> {
    let ids = join::unconfirmed_since(&app.db, app.now(), UNCONFIRMED_HOLD_S).await?;
    for id in &ids {
        cancel_and_promote(app, *id).await?;
    }
    if !ids.is_empty() {
        tracing::info!(released = ids.len(), "unconfirmed guest sign-ups released");
    }
    Ok(ids.len())
}

/// Tells everyone signed up that an occurrence was cancelled (used by the store's callback).
pub fn cancellation_notice(
    app: &App,
) -> impl Fn(&Participant, &Occurrence) -> Vec<OwnedMessage> + Send + Sync + 'static {
    notice(app, "cancelled-mail-subject", "cancelled-mail-body")
}

/// A message about an occurrence for the store's transaction callbacks, which cannot await:
/// titles come from the catalogue, which holds every published offer's titles in memory.
fn notice(
    app: &App,
    subject_key: &'static str,
    body_key: &'static str,
) -> impl Fn(&Participant, &Occurrence) -> Vec<OwnedMessage> + Send + Sync + 'static {
    let base = app.config.base_url.clone();
    let catalogue = app.catalogue.clone();
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
