//! Gather: the rules a room booking must meet, and its price.
//!
//! Every department configures its rooms as data: opening hours, blackout dates, a price table,
//! and per booking kind ([`BookingKind`]) who may book, how long, how far ahead, quiet hours,
//! closed weekdays, a monthly limit, an age limit, whether approval is needed and by whom, and
//! the cancellation rule. [`check`] applies those rules to a request and names every rule it
//! breaks ([`Breach`]); [`price`] computes what a private booking costs. Nothing here touches
//! the database: overlapping bookings are refused by the store's slot table, not by this module.
//!
//! Times are instants (UTC); the rules are local Europe/Copenhagen wall-clock times (a quiet
//! hour at 22:00 is 22:00 in summer and winter).

use crate::schedule::utc_to_local;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};

/// Bookings are made in whole steps of this many minutes; the store's slot table has one row
/// per step, which is what makes overlapping bookings impossible.
pub const SLOT_MINUTES: i64 = 15;

/// No booking lasts longer than this (a long weekend), which bounds availability queries.
pub const MAX_BOOKING_DAYS: i64 = 4;

named! {
    /// Where a booking's deposit stands.
    DepositStatus {
        /// No deposit is due (none set, or the booking never held the room).
        None = "none",
        /// Due or paid, held until after the booking.
        Held = "held",
        /// Paid back in full.
        Returned = "returned",
        /// Kept in part or whole, with a reason.
        Withheld = "withheld",
    }
}

/// Kinds of room use, in order of priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BookingKind {
    /// A community activity: free, open to all residents, may recur, has priority.
    Community,
    /// An association or partner (e.g. a §18-funded group).
    Association,
    /// A resident's private event, with price and deposit.
    Private,
    /// Letting to someone outside the department; off by default (side-activity rules).
    External,
}

impl BookingKind {
    /// Every kind, in priority order.
    pub const ALL: [BookingKind; 4] = [
        BookingKind::Community,
        BookingKind::Association,
        BookingKind::Private,
        BookingKind::External,
    ];

    /// Stable name (database, API, Fluent keys `booking-kind-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            BookingKind::Community => "community",
            BookingKind::Association => "association",
            BookingKind::Private => "private",
            BookingKind::External => "external",
        }
    }

    /// Parses the stable name.
    pub fn parse(s: &str) -> Option<BookingKind> {
        BookingKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether this kind is paid for (price table and deposit).
    pub fn is_paid(self) -> bool {
        matches!(self, BookingKind::Private | BookingKind::External)
    }
}

/// Who must approve a request of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approver {
    /// Confirmed at once.
    None,
    /// A board member of the department (or the housing organisation's staff).
    Board,
    /// The housing organisation's staff.
    Staff,
}

impl Approver {
    /// Every choice.
    pub const ALL: [Approver; 3] = [Approver::None, Approver::Board, Approver::Staff];

    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Approver::None => "none",
            Approver::Board => "board",
            Approver::Staff => "staff",
        }
    }

    /// Parses the stable name.
    pub fn parse(s: &str) -> Option<Approver> {
        Approver::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Groups of people who may book a kind (a set; stored as comma-separated names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bookers {
    /// Residents of the department.
    pub residents: bool,
    /// Organisers of an association or partner.
    pub organisers: bool,
    /// Board members of the department.
    pub board: bool,
    /// Staff of the housing organisation (and social caretakers working there).
    pub staff: bool,
}

impl Bookers {
    /// The names of the groups, in the order shown.
    pub const NAMES: [&'static str; 4] = ["residents", "organisers", "board", "staff"];

    /// Parses `residents,board`; unknown names are ignored.
    pub fn parse(s: &str) -> Bookers {
        let has = |n: &str| s.split(',').any(|p| p.trim() == n);
        Bookers {
            residents: has("residents"),
            organisers: has("organisers"),
            board: has("board"),
            staff: has("staff"),
        }
    }

    /// Whether the group with this name is in the set.
    pub fn contains(self, name: &str) -> bool {
        match name {
            "residents" => self.residents,
            "organisers" => self.organisers,
            "board" => self.board,
            "staff" => self.staff,
            _ => false,
        }
    }

    /// The stored form.
    pub fn to_stored(self) -> String {
        Bookers::NAMES
            .into_iter()
            .filter(|n| self.contains(n))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A daily window of local wall-clock time, in minutes after midnight. `until` at or before
/// `from` runs past midnight (22:00–07:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyWindow {
    /// Start, minutes after midnight.
    pub from: u16,
    /// End, minutes after midnight (1440 is midnight at the end of the day).
    pub until: u16,
}

impl DailyWindow {
    /// Parses `HH:MM` times (24:00 allowed for `until`).
    pub fn parse(from: &str, until: &str) -> Option<DailyWindow> {
        Some(DailyWindow {
            from: parse_minutes(from)?,
            until: parse_minutes(until)?,
        })
    }

    /// Whether any local minute of `[start, end)` falls inside the window.
    pub fn overlaps(self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        if self.from == self.until {
            return false;
        }
        // Walk the booking in local minutes, a day at a time; bookings are at most a few days.
        let (ls, le) = (utc_to_local(start), utc_to_local(end));
        let mut day = ls.date() - Duration::days(1);
        while day <= le.date() {
            let midnight = day.and_time(NaiveTime::MIN);
            let from = midnight + Duration::minutes(i64::from(self.from));
            let until = if self.until > self.from {
                midnight + Duration::minutes(i64::from(self.until))
            } else {
                midnight + Duration::minutes(1440 + i64::from(self.until))
            };
            if from < le && ls < until {
                return true;
            }
            day += Duration::days(1);
        }
        false
    }

    /// `HH:MM–HH:MM` for forms and messages.
    pub fn format(self) -> (String, String) {
        (format_minutes(self.from), format_minutes(self.until))
    }
}

/// Parses `HH:MM` into minutes after midnight; `24:00` is 1440.
pub fn parse_minutes(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let total = h.checked_mul(60)?.checked_add(m)?;
    (m < 60 && total <= 1440).then_some(total)
}

/// Formats minutes after midnight as `HH:MM`.
pub fn format_minutes(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The rules of one booking kind in one room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindRule {
    /// The kind.
    pub kind: BookingKind,
    /// Whether this kind can be booked at all.
    pub enabled: bool,
    /// Who may book.
    pub bookers: Bookers,
    /// Shortest booking, minutes.
    pub min_minutes: i64,
    /// Longest booking, minutes.
    pub max_minutes: i64,
    /// How far ahead a booking may start, days.
    pub max_days_ahead: i64,
    /// How far ahead a partner of the department may book, days, when partners may book
    /// earlier than others (priority booking); `None`: partners wait like everyone else.
    pub partner_days_ahead: Option<i64>,
    /// When bookings of this kind may not take place (noise), if any.
    pub quiet_hours: Option<DailyWindow>,
    /// Local weekdays on which this kind may not start (Monday is index 0).
    pub closed_weekdays: [bool; 7],
    /// At most this many bookings of this kind per booker per calendar month.
    pub max_per_month: Option<i64>,
    /// The booker must declare being at least this old.
    pub min_age: Option<i64>,
    /// Who approves.
    pub approval: Approver,
    /// Cancelling less than this many days before the start forfeits the advance.
    pub cancel_notice_days: i64,
    /// Part of the price paid in advance and forfeited by a late cancellation, øre.
    pub advance_ore: i64,
}

impl KindRule {
    /// How far ahead this booker may start a booking, days: the partners' window when the
    /// booking is a partner's and that window is the longer one.
    pub fn days_ahead_for(&self, partner: bool) -> i64 {
        match self.partner_days_ahead {
            Some(days) if partner => days.max(self.max_days_ahead),
            _ => self.max_days_ahead,
        }
    }

    /// The rule a new room starts with for a kind: community activities and associations free
    /// and at once for staff and boards, private events by residents with the board's approval,
    /// external letting off.
    pub fn default_for(kind: BookingKind) -> KindRule {
        let base = KindRule {
            kind,
            enabled: true,
            bookers: Bookers {
                board: true,
                staff: true,
                ..Bookers::default()
            },
            min_minutes: 60,
            max_minutes: 8 * 60,
            max_days_ahead: 180,
            partner_days_ahead: None,
            quiet_hours: None,
            closed_weekdays: [false; 7],
            max_per_month: None,
            min_age: None,
            approval: Approver::None,
            cancel_notice_days: 0,
            advance_ore: 0,
        };
        match kind {
            BookingKind::Community => base,
            BookingKind::Association => KindRule {
                bookers: Bookers {
                    organisers: true,
                    ..base.bookers
                },
                approval: Approver::Board,
                ..base
            },
            BookingKind::Private => KindRule {
                bookers: Bookers {
                    residents: true,
                    ..Bookers::default()
                },
                min_minutes: 2 * 60,
                max_minutes: 16 * 60,
                max_days_ahead: 90,
                quiet_hours: Some(DailyWindow {
                    from: 60,
                    until: 8 * 60,
                }),
                max_per_month: Some(1),
                min_age: Some(18),
                approval: Approver::Board,
                cancel_notice_days: 30,
                ..base
            },
            BookingKind::External => KindRule {
                enabled: false,
                approval: Approver::Staff,
                ..base
            },
        }
    }
}

/// Rules of the room that hold for every kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomRules {
    /// When the room can be used at all.
    pub opening: DailyWindow,
    /// Local dates on which the room cannot be booked (renovation, the department meeting).
    pub blackout: Vec<(NaiveDate, NaiveDate)>,
    /// Price per unit on Monday–Friday, øre.
    pub price_weekday_ore: i64,
    /// Price per unit on Saturday and Sunday, øre.
    pub price_weekend_ore: i64,
    /// Unit of the price table.
    pub price_per_day: bool,
    /// Deposit for paid kinds, øre.
    pub deposit_ore: i64,
}

/// A request to check.
#[derive(Debug, Clone)]
pub struct Request {
    /// Start.
    pub start: DateTime<Utc>,
    /// End.
    pub end: DateTime<Utc>,
    /// Now (requests in the past are refused).
    pub now: DateTime<Utc>,
    /// Bookings of this kind the booker already holds in the start's month in this room.
    pub booked_this_month: i64,
    /// The booker declared being old enough.
    pub age_declared: bool,
    /// The booking is for a partner of the department (an organisation in a current
    /// partnership with it), which may book as far ahead as the rule lets partners.
    pub partner: bool,
}

/// A rule the request breaks. The web layer turns each into a localized sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breach {
    /// End not after start, or not on whole slot steps.
    BadTimes,
    /// The start is in the past.
    InThePast,
    /// This kind cannot be booked in this room.
    KindClosed,
    /// Shorter than allowed (minutes).
    TooShort(i64),
    /// Longer than allowed (minutes).
    TooLong(i64),
    /// Starts more days ahead than allowed.
    TooFarAhead(i64),
    /// Outside the room's opening hours.
    OutsideOpeningHours(DailyWindow),
    /// Inside the kind's quiet hours.
    QuietHours(DailyWindow),
    /// Starts on a weekday closed for this kind.
    ClosedWeekday(Weekday),
    /// The room is closed on that date.
    Blackout(NaiveDate),
    /// The booker already has the monthly maximum.
    MonthlyLimit(i64),
    /// The booker must declare this age.
    AgeNotDeclared(i64),
}

/// Checks a request against the room's and the kind's rules; an empty list means it may be
/// booked (if the room is free).
pub fn check(room: &RoomRules, rule: &KindRule, r: &Request) -> Vec<Breach> {
    let mut out = Vec::new();
    let minutes = (r.end - r.start).num_minutes();
    let on_step = |t: DateTime<Utc>| t.timestamp() % (SLOT_MINUTES * 60) == 0;
    if minutes <= 0 || !on_step(r.start) || !on_step(r.end) || minutes > MAX_BOOKING_DAYS * 1440 {
        return vec![Breach::BadTimes];
    }
    if !rule.enabled {
        out.push(Breach::KindClosed);
    }
    if r.start < r.now {
        out.push(Breach::InThePast);
    }
    if minutes < rule.min_minutes {
        out.push(Breach::TooShort(rule.min_minutes));
    }
    if minutes > rule.max_minutes {
        out.push(Breach::TooLong(rule.max_minutes));
    }
    let days_ahead = rule.days_ahead_for(r.partner);
    if r.start > r.now + Duration::days(days_ahead) {
        out.push(Breach::TooFarAhead(days_ahead));
    }
    let closed = DailyWindow {
        from: room.opening.until % 1440,
        until: room.opening.from,
    };
    if room.opening.from != room.opening.until % 1440 && closed.overlaps(r.start, r.end) {
        out.push(Breach::OutsideOpeningHours(room.opening));
    }
    if let Some(q) = rule.quiet_hours
        && q.overlaps(r.start, r.end)
    {
        out.push(Breach::QuietHours(q));
    }
    let local_start = utc_to_local(r.start);
    let weekday = local_start.weekday();
    if rule.closed_weekdays[weekday.num_days_from_monday() as usize] {
        out.push(Breach::ClosedWeekday(weekday));
    }
    let last_day = utc_to_local(r.end - Duration::seconds(1)).date();
    let mut day = local_start.date();
    while day <= last_day {
        if room.blackout.iter().any(|(a, b)| *a <= day && day <= *b) {
            out.push(Breach::Blackout(day));
            break;
        }
        day += Duration::days(1);
    }
    if let Some(n) = rule.max_per_month
        && r.booked_this_month >= n
    {
        out.push(Breach::MonthlyLimit(n));
    }
    if let Some(age) = rule.min_age
        && !r.age_declared
    {
        out.push(Breach::AgeNotDeclared(age));
    }
    out
}

/// What a booking costs, øre: (price, deposit). Free kinds cost nothing.
///
/// Per hour: each started hour at the price of its local day. Per day: each started 24 hours
/// from the start, at the price of the day that period starts on (a party from Saturday noon to
/// 01:00 is one weekend day; Friday 10:00 to Sunday 18:00 is Friday, Saturday and Sunday).
/// Saturday and Sunday take the weekend price.
pub fn price(
    room: &RoomRules,
    kind: BookingKind,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> (i64, i64) {
    if !kind.is_paid() || end <= start {
        return (0, 0);
    }
    let unit_price = |d: NaiveDate| {
        if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            room.price_weekend_ore
        } else {
            room.price_weekday_ore
        }
    };
    let total = if room.price_per_day {
        let mut t = start;
        let mut sum = 0;
        while t < end {
            sum += unit_price(utc_to_local(t).date());
            t += Duration::days(1);
        }
        sum
    } else {
        let mut t = start;
        let mut sum = 0;
        while t < end {
            sum += unit_price(utc_to_local(t).date());
            t += Duration::hours(1);
        }
        sum
    };
    (total, room.deposit_ore)
}

/// The slot steps `[start, end)` covers, as Unix seconds (one row each in the slot table).
pub fn slots(start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<i64> {
    let step = SLOT_MINUTES * 60;
    let first = start.timestamp().div_euclid(step) * step;
    (first..end.timestamp()).step_by(step as usize).collect()
}

/// What a cancellation forfeits: the advance when cancelled inside the notice period.
pub fn forfeited_on_cancel(
    rule: &KindRule,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    price_ore: i64,
) -> i64 {
    if rule.advance_ore > 0 && start - now < Duration::days(rule.cancel_notice_days) {
        rule.advance_ore.min(price_ore)
    } else {
        0
    }
}

/// Prime time for use statistics: weekday evenings 17–22 and weekends 10–22, local time.
pub fn is_prime_time(local_hour_start: chrono::NaiveDateTime) -> bool {
    let h = local_hour_start.hour();
    match local_hour_start.weekday() {
        Weekday::Sat | Weekday::Sun => (10..22).contains(&h),
        _ => (17..22).contains(&h),
    }
}

/// How a room was used in a period, for the board and the impact dashboard.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// Minutes booked per kind, in [`BookingKind::ALL`] order.
    pub minutes: [i64; 4],
    /// Prime-time minutes in the period ([`is_prime_time`]).
    pub prime_minutes: i64,
    /// Prime-time minutes nobody booked.
    pub prime_unused_minutes: i64,
}

impl Usage {
    /// Minutes booked for one kind.
    pub fn minutes_of(&self, kind: BookingKind) -> i64 {
        self.minutes[kind as usize]
    }

    /// Minutes booked in all.
    pub fn total_minutes(&self) -> i64 {
        self.minutes.iter().sum()
    }

    /// Community use as a whole percentage of booked time; `None` when nothing was booked.
    pub fn community_share_percent(&self) -> Option<i64> {
        let total = self.total_minutes();
        (total > 0).then(|| (self.minutes_of(BookingKind::Community) * 100 + total / 2) / total)
    }
}

/// Sums confirmed, non-overlapping bookings `(kind, start, end)` (Unix seconds, clipped to the
/// period) of one room over `[from, to)`, and the prime time left unused.
pub fn usage(spans: &[(BookingKind, i64, i64)], from: i64, to: i64) -> Usage {
    let mut u = Usage::default();
    for (kind, start, end) in spans {
        u.minutes[*kind as usize] += (end.min(&to) - start.max(&from)).max(0) / 60;
    }
    let mut hour = from;
    while hour < to {
        let local = utc_to_local(DateTime::from_timestamp(hour, 0).unwrap_or_default());
        if is_prime_time(local) {
            let booked: i64 = spans
                .iter()
                .map(|(_, s, e)| ((*e).min(hour + 3600) - (*s).max(hour)).max(0))
                .sum();
            u.prime_minutes += 60;
            u.prime_unused_minutes += (3600 - booked.min(3600)) / 60;
        }
        hour += 3600;
    }
    u
}

#[cfg(test)]
mod tests;
