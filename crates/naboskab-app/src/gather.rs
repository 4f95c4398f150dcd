//! Gathering in a room: who may book, manage and approve what in a room (asked of the domain
//! policy with the room's department chain), the checks of a booking request before the
//! store applies the room's rules under its lock, which bookings a person may see, and the
//! messages every booking event sends (to the booker in their language, and to whoever
//! approves requests).

use crate::App;
use crate::error::{Error, FieldError, Result};
use crate::i18n::{self, Locale};
use crate::secrets::random_token;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use naboskab_domain::gather::{self, BookingKind, Breach};
use naboskab_domain::policy::decide;
use naboskab_domain::schedule::utc_to_local;
use naboskab_domain::{Action, Actor, Resource, Role};
use naboskab_store::StoreError;
use naboskab_store::gather::{
    self as store, Booking, BookingEvent, BookingOutcome, BookingStatus, Busy, NewBooking, Room,
    SeriesItem,
};
use naboskab_store::join::OwnedMessage;
use naboskab_store::orgs;
use naboskab_store::users::{self, MemberContact, User};

/// "Saturday 16 January 2027, 12:00–23:00" in `locale`.
pub fn span_text(locale: Locale, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let same_day = utc_to_local(start).date() == utc_to_local(end - Duration::seconds(1)).date();
    if same_day {
        format!(
            "{}–{}",
            i18n::format_datetime(locale, start),
            i18n::format_time(locale, end)
        )
    } else {
        format!(
            "{} – {}",
            i18n::format_datetime(locale, start),
            i18n::format_datetime(locale, end)
        )
    }
}

/// The department chain of a room (for the policy).
pub async fn room_chain(app: &App, room: &Room) -> Result<Vec<i64>> {
    Ok(orgs::chain(&app.db, room.details.department_id).await?)
}

/// Whether the actor may manage this room (its department's board and the housing
/// organisation's staff).
pub fn may_manage(actor: &Actor, chain: &[i64]) -> bool {
    decide(
        actor,
        Action::ManageRooms,
        &Resource::Organisation {
            chain: chain.to_vec(),
        },
    )
    .is_allowed()
}

/// Whether the actor may decide requests of this kind in this room.
pub fn may_approve(actor: &Actor, room: &Room, kind: BookingKind, chain: &[i64]) -> bool {
    let action = match room.rule(kind).approval {
        gather::Approver::Staff => Action::ApproveAsStaff,
        _ => Action::ApproveAsBoard,
    };
    decide(
        actor,
        action,
        &Resource::Organisation {
            chain: chain.to_vec(),
        },
    )
    .is_allowed()
}

/// The kinds the actor may book in this room (enabled and allowed by the room's rule).
pub fn bookable_kinds(actor: &Actor, room: &Room, chain: &[i64]) -> Vec<BookingKind> {
    BookingKind::ALL
        .into_iter()
        .filter(|k| {
            let rule = room.rule(*k);
            rule.enabled
                && decide(
                    actor,
                    Action::BookRoom,
                    &Resource::RoomKind {
                        chain: chain.to_vec(),
                        bookers: rule.bookers,
                    },
                )
                .is_allowed()
        })
        .collect()
}

/// The associations and partners the actor organises for (kind "association").
pub async fn own_associations(app: &App, actor: &Actor) -> Result<Vec<(i64, String)>> {
    let mut out = Vec::new();
    for m in &actor.memberships {
        if m.role == Role::Organiser
            && let Some(o) = orgs::organisation(&app.db, m.organisation_id).await?
        {
            out.push((o.id, o.name));
        }
    }
    Ok(out)
}

/// The form field a breach belongs to, for the API's problem document and the error summary.
pub fn breach_field(b: &Breach) -> &'static str {
    match b {
        Breach::KindClosed | Breach::MonthlyLimit(_) => "kind",
        Breach::AgeNotDeclared(_) => "age_declared",
        Breach::TooShort(_) | Breach::TooLong(_) | Breach::BadTimes => "end",
        _ => "start",
    }
}

/// Writes a room's booking messages: to the booker in their language for every event, and,
/// when a request waits for approval, to the people who decide it (the department's board, or
/// the housing organisation's staff, as the room's rule says) in theirs. Approvers' notices are
/// filed under the booking's account in the outbox: they are about that person's booking and
/// go with it when the account is erased.
pub struct BookingMessenger {
    base_url: String,
    room: Room,
    board: Vec<MemberContact>,
    staff: Vec<MemberContact>,
}

impl BookingMessenger {
    /// The messenger for one room; reads who approves its requests only when a rule of the
    /// room asks for approval.
    pub async fn for_room(app: &App, room: &Room) -> Result<BookingMessenger> {
        let mut board = Vec::new();
        let mut staff = Vec::new();
        if BookingKind::ALL
            .iter()
            .any(|k| room.rule(*k).approval != gather::Approver::None)
        {
            let chain = room_chain(app, room).await?;
            board =
                users::contacts_with_role(&app.db, room.details.department_id, Role::BoardMember)
                    .await?;
            for org in &chain {
                staff
                    .extend(users::contacts_with_role(&app.db, *org, Role::HousingOrgAdmin).await?);
            }
        }
        Ok(BookingMessenger {
            base_url: app.config.base_url.clone(),
            room: room.clone(),
            board,
            staff,
        })
    }

    /// The messages for one event of one booking.
    pub fn messages(&self, b: &Booking, event: BookingEvent) -> Vec<OwnedMessage> {
        let room = &self.room;
        let locale = Locale::parse(&b.locale).unwrap_or(Locale::Da);
        let event_key = match event {
            BookingEvent::Confirmed | BookingEvent::Approved => "confirmed",
            BookingEvent::Requested => "requested",
            BookingEvent::Rejected => "rejected",
            BookingEvent::Cancelled => "cancelled",
            BookingEvent::Displaced => "displaced",
        };
        let key_text = if matches!(event, BookingEvent::Confirmed | BookingEvent::Approved) {
            room.details.key_instructions.clone()
        } else {
            String::new()
        };
        let args = [
            ("name", b.booker_name.clone()),
            ("room", room.details.name.clone()),
            ("when", span_text(locale, b.start(), b.end())),
            ("reason", b.reason.clone()),
            ("keys", key_text),
            ("link", format!("{}/bookings/{}", self.base_url, b.id)),
        ];
        let (subject, body) = i18n::render_message(
            locale,
            &format!("booking-mail-{event_key}-subject"),
            &format!("booking-mail-{event_key}-body"),
            &args,
        );
        let mut out = contact_messages(b, subject, body);
        if event == BookingEvent::Requested {
            out.extend(self.approver_messages(b));
        }
        out
    }

    /// "A request waits for your decision", to each approver in their language.
    fn approver_messages(&self, b: &Booking) -> Vec<OwnedMessage> {
        let approvers = match self.room.rule(b.kind).approval {
            gather::Approver::None => return vec![],
            // A department without board members on Naboskab falls back to the staff.
            gather::Approver::Board if !self.board.is_empty() => &self.board,
            gather::Approver::Board | gather::Approver::Staff => &self.staff,
        };
        approvers
            .iter()
            .map(|a| {
                let locale = a
                    .locale
                    .as_deref()
                    .and_then(Locale::parse)
                    .unwrap_or(Locale::Da);
                let kind = i18n::t(locale, &format!("booking-kind-{}", b.kind.as_str()));
                let args = [
                    ("name", b.booker_name.clone()),
                    ("room", self.room.details.name.clone()),
                    ("when", span_text(locale, b.start(), b.end())),
                    ("kind", kind),
                    ("title", b.title.clone()),
                    ("link", format!("{}/bookings/{}", self.base_url, b.id)),
                ];
                let (subject, body) = i18n::render_message(
                    locale,
                    "booking-mail-approve-subject",
                    "booking-mail-approve-body",
                    &args,
                );
                OwnedMessage {
                    channel: "email",
                    recipient: a.email.clone(),
                    subject,
                    body,
                }
            })
            .collect()
    }
}

/// One message to the booker: by e-mail when an address is known, else by text message.
fn contact_messages(b: &Booking, subject: String, body: String) -> Vec<OwnedMessage> {
    if !b.booker_email.is_empty() {
        vec![OwnedMessage {
            channel: "email",
            recipient: b.booker_email.clone(),
            subject,
            body,
        }]
    } else if !b.booker_phone.is_empty() {
        vec![OwnedMessage {
            channel: "sms",
            recipient: b.booker_phone.clone(),
            subject,
            body,
        }]
    } else {
        vec![]
    }
}

/// Every room (rooms are public; booking them is not), by department.
pub async fn rooms(app: &App) -> Result<Vec<Room>> {
    Ok(store::rooms(&app.db, None).await?)
}

/// Every room with its department's name, by department.
pub async fn rooms_with_departments(app: &App) -> Result<Vec<(Room, String)>> {
    let rooms = rooms(app).await?;
    let mut names: Vec<(i64, String)> = Vec::new();
    for r in &rooms {
        let id = r.details.department_id;
        if !names.iter().any(|(d, _)| *d == id)
            && let Some(o) = orgs::organisation(&app.db, id).await?
        {
            names.push((id, o.name));
        }
    }
    Ok(rooms
        .into_iter()
        .map(|r| {
            let name = names
                .iter()
                .find(|(d, _)| *d == r.details.department_id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            (r, name)
        })
        .collect())
}

/// The name of the department a room belongs to.
pub async fn department_name(app: &App, room: &Room) -> Result<String> {
    Ok(orgs::organisation(&app.db, room.details.department_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default())
}

/// A room by id, or 404.
pub async fn find_room(app: &App, id: i64) -> Result<Room> {
    store::room(&app.db, id).await?.ok_or(Error::NotFound)
}

/// When `room` is held between `from` and `to`, by start, as anyone may see it: the titles
/// of community and association use, nothing of who booked.
pub async fn taken_times(
    app: &App,
    room: &Room,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Busy>> {
    Ok(store::busy(
        &app.db,
        room.id,
        from.timestamp(),
        to.timestamp(),
        &BookingStatus::HOLDING,
    )
    .await?)
}

/// The bookings of the room's public calendar feed: every status (a cancelled booking tells
/// calendars to remove it), from a month back to 400 days ahead.
pub async fn feed_bookings(app: &App, room: &Room) -> Result<Vec<Busy>> {
    let now = app.now();
    Ok(store::busy(
        &app.db,
        room.id,
        now - 31 * 86_400,
        now + 400 * 86_400,
        &BookingStatus::ALL,
    )
    .await?)
}

/// Reads the kind, times and who is booking (the signed-in `user`, writing in `locale`);
/// names every field at fault in `problems`. A kind the actor may not book here is
/// [`Error::Forbidden`]; nobody signed in is [`Error::SignInRequired`].
#[allow(clippy::too_many_arguments)]
pub async fn check_request(
    app: &App,
    actor: &Actor,
    user: Option<&User>,
    locale: Locale,
    room: &Room,
    kind: &str,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    organisation: Option<i64>,
    problems: &mut Vec<FieldError>,
) -> Result<Option<NewBooking>> {
    let user = user.ok_or(Error::SignInRequired)?;
    let chain = room_chain(app, room).await?;
    let Some(kind) = BookingKind::parse(kind) else {
        problems.push(FieldError::new("kind", "field-booking-kind-required"));
        return Ok(None);
    };
    if !bookable_kinds(actor, room, &chain).contains(&kind) {
        return Err(Error::Forbidden);
    }
    let organisation_id = if kind == BookingKind::Association {
        let mine = own_associations(app, actor).await?;
        match organisation.filter(|o| mine.iter().any(|(id, _)| id == o)) {
            Some(o) => Some(o),
            None => {
                problems.push(FieldError::new(
                    "organisation",
                    "field-booking-organisation-required",
                ));
                None
            }
        }
    } else {
        None
    };
    let (Some(start), Some(end)) = (start, end) else {
        return Ok(None);
    };
    Ok(Some(NewBooking {
        room_id: room.id,
        kind,
        start,
        end,
        user_id: Some(user.id),
        booker_name: user.display_name.clone(),
        booker_email: user.email.clone(),
        booker_phone: String::new(),
        locale: locale.code().to_owned(),
        organisation_id,
        offer_id: None,
        title: String::new(),
        attendees: None,
        note: String::new(),
        age_declared: false,
        displace: false,
        idempotency_key: None,
    }))
}

/// One message for a recurring request: what was booked and what was not.
pub fn series_summary(base_url: &str, room: &Room, items: &[SeriesItem]) -> Vec<OwnedMessage> {
    let Some(first) = items.iter().find_map(|i| match &i.outcome {
        BookingOutcome::Booked(b) => Some(b),
        _ => None,
    }) else {
        return vec![];
    };
    let locale = Locale::parse(&first.locale).unwrap_or(Locale::Da);
    let list = |booked: bool| {
        items
            .iter()
            .filter(|i| matches!(i.outcome, BookingOutcome::Booked(_)) == booked)
            .map(|i| format!("- {}", span_text(locale, i.start, i.end)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let args = [
        ("name", first.booker_name.clone()),
        ("room", room.details.name.clone()),
        ("booked", list(true)),
        ("missing", list(false)),
        ("link", format!("{base_url}/rooms/{}", room.id)),
    ];
    let (subject, body) = i18n::render_message(
        locale,
        "booking-mail-series-subject",
        "booking-mail-series-body",
        &args,
    );
    contact_messages(first, subject, body)
}

/// A booking `user` may see (the booker, or the people who manage or approve its room), with
/// its room and the room's department chain; [`Error::NotFound`] for anyone else, so ids do
/// not tell that a booking exists.
pub async fn visible_booking(
    app: &App,
    actor: &Actor,
    user: Option<&User>,
    id: i64,
) -> Result<(Booking, Room, Vec<i64>)> {
    let user = user.ok_or(Error::SignInRequired)?;
    let b = store::booking(&app.db, id).await?.ok_or(Error::NotFound)?;
    let room = find_room(app, b.room_id).await?;
    let chain = room_chain(app, &room).await?;
    let is_booker = Some(user.id) == b.user_id;
    if !is_booker && !may_manage(actor, &chain) && !may_approve(actor, &room, b.kind, &chain) {
        return Err(Error::NotFound);
    }
    Ok((b, room, chain))
}

/// Books `room` once under its rules (the store checks them again under the room's lock, so
/// two requests for one time never both hold it); the booker, and whoever approves requests
/// of the kind, are told in their language.
pub async fn request_booking(app: &App, room: &Room, b: &NewBooking) -> Result<BookingOutcome> {
    let messenger = BookingMessenger::for_room(app, room).await?;
    let notify = |bk: &Booking, e: BookingEvent| messenger.messages(bk, e);
    let outcome = store::request_booking(&app.db, b, &notify, app.now()).await?;
    if let BookingOutcome::Booked(bk) = &outcome {
        tracing::info!(
            room = room.id,
            booking = bk.id,
            kind = bk.kind.as_str(),
            status = bk.status.as_str(),
            "room booked"
        );
    }
    Ok(outcome)
}

/// Books the same time every week until `last` (each week under the rules on its own); the
/// booker gets one message listing what was booked and what was not.
pub async fn request_weekly(
    app: &App,
    room: &Room,
    b: &NewBooking,
    last: NaiveDate,
) -> Result<Vec<SeriesItem>> {
    let first = utc_to_local(b.start);
    let minutes = (b.end - b.start).num_minutes();
    let dates = store::weekly_dates(first, minutes, last);
    let key = random_token(12);
    let base_url = app.config.base_url.clone();
    let r = room.clone();
    let summary = move |items: &[SeriesItem]| series_summary(&base_url, &r, items);
    Ok(store::request_series(&app.db, b, &dates, &key, &summary, app.now()).await?)
}

fn already_settled(e: StoreError, key: &'static str) -> Error {
    match e {
        StoreError::Conflict(_) => Error::Conflict(key),
        e => Error::Store(e),
    }
}

/// Approves (`decision` "approve") or rejects ("reject", with a reason) a request, by someone
/// who may approve the kind in its room; the booker is told. A request decided already is a
/// conflict.
pub async fn decide_request(
    app: &App,
    actor: &Actor,
    user: Option<&User>,
    id: i64,
    decision: &str,
    reason: &str,
) -> Result<Booking> {
    let (b, room, chain) = visible_booking(app, actor, user, id).await?;
    if !may_approve(actor, &room, b.kind, &chain) {
        return Err(Error::Forbidden);
    }
    let approve = match decision {
        "approve" => true,
        "reject" => false,
        _ => return Err(Error::field("decision", "field-invalid")),
    };
    let reason = reason.trim();
    if !approve && reason.is_empty() {
        return Err(Error::field("reason", "field-booking-reason-required"));
    }
    let by = user.map(|u| u.id).ok_or(Error::SignInRequired)?;
    let messenger = BookingMessenger::for_room(app, &room).await?;
    let notify = |bk: &Booking, e: BookingEvent| messenger.messages(bk, e);
    let done = store::decide(&app.db, id, approve, reason, by, &notify, app.now())
        .await
        .map_err(|e| already_settled(e, "booking-already-decided"))?;
    tracing::info!(booking = id, approve, "booking decided");
    Ok(done)
}

/// Cancels a booking, by its booker or the room's managers, under the room's notice rule (a
/// late cancellation forfeits the advance); the booker is told.
pub async fn cancel(
    app: &App,
    actor: &Actor,
    user: Option<&User>,
    id: i64,
    reason: &str,
) -> Result<Booking> {
    let (b, room, chain) = visible_booking(app, actor, user, id).await?;
    let by = user.map(|u| u.id).ok_or(Error::SignInRequired)?;
    if b.user_id != Some(by) && !may_manage(actor, &chain) {
        return Err(Error::Forbidden);
    }
    let messenger = BookingMessenger::for_room(app, &room).await?;
    let notify = |bk: &Booking, e: BookingEvent| messenger.messages(bk, e);
    store::cancel(&app.db, id, reason.trim(), by, &notify, app.now())
        .await
        .map_err(|e| already_settled(e, "booking-already-decided"))
}

/// Returns a deposit after the cleaning check, whole or with `withheld` kroner kept for a
/// stated reason, by the room's managers; once only.
pub async fn settle_deposit(
    app: &App,
    actor: &Actor,
    user: Option<&User>,
    id: i64,
    withheld: &str,
    reason: &str,
) -> Result<()> {
    let (_, _, chain) = visible_booking(app, actor, user, id).await?;
    if !may_manage(actor, &chain) {
        return Err(Error::Forbidden);
    }
    let withheld = naboskab_domain::offer::parse_price_kroner(withheld)
        .map_err(|_| Error::field("withheld", "field-price-invalid"))?
        .unwrap_or(0);
    let reason = reason.trim();
    if withheld > 0 && reason.is_empty() {
        return Err(Error::field("reason", "field-booking-reason-required"));
    }
    store::settle_deposit(&app.db, id, withheld, reason, app.now())
        .await
        .map_err(|e| already_settled(e, "booking-deposit-settled"))?;
    Ok(())
}

/// The name of the association a booking is for (empty when none).
pub async fn association_name(app: &App, b: &Booking) -> Result<String> {
    Ok(match b.organisation_id {
        Some(o) => orgs::organisation(&app.db, o)
            .await?
            .map(|o| o.name)
            .unwrap_or_default(),
        None => String::new(),
    })
}

/// What a person sees on their bookings overview.
pub struct BookingsOverview {
    /// Every room (to name the rooms of the bookings below).
    pub rooms: Vec<Room>,
    /// The requests waiting for this person's decision, oldest first.
    pub pending: Vec<Booking>,
    /// Their own bookings from a month back.
    pub mine: Vec<Booking>,
    /// The rooms they manage.
    pub managed: Vec<Room>,
    /// The departments they may add rooms to: (id, name).
    pub departments: Vec<(i64, String)>,
}

/// The requests waiting for the person's decision, the rooms and departments they manage, and
/// their own bookings.
pub async fn overview(app: &App, actor: &Actor, user: &User) -> Result<BookingsOverview> {
    let rooms = store::rooms(&app.db, None).await?;
    let mut decidable = Vec::new();
    let mut managed = Vec::new();
    for r in &rooms {
        let chain = room_chain(app, r).await?;
        if BookingKind::ALL
            .iter()
            .any(|k| may_approve(actor, r, *k, &chain))
        {
            decidable.push(r.id);
        }
        if may_manage(actor, &chain) {
            managed.push(r.clone());
        }
    }
    let mut departments = Vec::new();
    for d in orgs::organisations_of_kind(&app.db, naboskab_domain::OrgKind::Department).await? {
        if may_manage(actor, &orgs::chain(&app.db, d.id).await?) {
            departments.push((d.id, d.name));
        }
    }
    let mut pending = Vec::new();
    for b in store::pending(&app.db, &decidable).await? {
        if let Some(room) = rooms.iter().find(|r| r.id == b.room_id)
            && may_approve(actor, room, b.kind, &room_chain(app, room).await?)
        {
            pending.push(b);
        }
    }
    let mine = store::bookings_of_user(&app.db, user.id, app.now() - 86_400 * 30).await?;
    Ok(BookingsOverview {
        rooms,
        pending,
        mine,
        managed,
        departments,
    })
}
