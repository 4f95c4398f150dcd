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
    if r.start > r.now + Duration::days(rule.max_days_ahead) {
        out.push(Breach::TooFarAhead(rule.max_days_ahead));
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
mod tests {
    use super::*;
    use crate::schedule::{local_to_utc, parse_local};

    fn t(s: &str) -> DateTime<Utc> {
        local_to_utc(parse_local(s).expect("local time"))
    }

    fn room() -> RoomRules {
        RoomRules {
            opening: DailyWindow {
                from: 8 * 60,
                until: 60,
            },
            blackout: vec![(
                NaiveDate::from_ymd_opt(2027, 3, 1).expect("date"),
                NaiveDate::from_ymd_opt(2027, 3, 3).expect("date"),
            )],
            price_weekday_ore: 15_000,
            price_weekend_ore: 70_000,
            price_per_day: true,
            deposit_ore: 50_000,
        }
    }

    fn request(start: &str, end: &str) -> Request {
        Request {
            start: t(start),
            end: t(end),
            now: t("2027-01-10T12:00"),
            booked_this_month: 0,
            age_declared: true,
        }
    }

    /// Every rule of every kind, one row each: (kind, change to the rule, request, expected).
    #[test]
    fn every_kind_and_rule() {
        type Tweak = fn(&mut KindRule, &mut Request);
        type Case<'a> = (&'a str, Tweak, (&'a str, &'a str), Vec<Breach>);
        let cases: Vec<Case<'_>> = vec![
            (
                "fits",
                |_, _| {},
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![],
            ),
            (
                "closed kind",
                |k, _| k.enabled = false,
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![Breach::KindClosed],
            ),
            (
                "too short",
                |k, _| k.min_minutes = 300,
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![Breach::TooShort(300)],
            ),
            (
                "too long",
                |k, _| k.max_minutes = 120,
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![Breach::TooLong(120)],
            ),
            (
                "too far ahead",
                |k, _| k.max_days_ahead = 3,
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![Breach::TooFarAhead(3)],
            ),
            (
                "in the past",
                |_, _| {},
                ("2027-01-09T14:00", "2027-01-09T18:00"),
                vec![Breach::InThePast],
            ),
            (
                "opening hours (early)",
                |_, _| {},
                ("2027-01-16T07:00", "2027-01-16T09:00"),
                vec![Breach::OutsideOpeningHours(room().opening)],
            ),
            (
                "opening hours (past 01:00)",
                |k, _| k.max_minutes = 600,
                ("2027-01-16T20:00", "2027-01-17T02:00"),
                vec![Breach::OutsideOpeningHours(room().opening)],
            ),
            (
                "until 01:00 is open",
                |k, _| {
                    k.max_minutes = 600;
                },
                ("2027-01-16T20:00", "2027-01-17T01:00"),
                vec![],
            ),
            (
                "quiet hours",
                |k, _| k.quiet_hours = DailyWindow::parse("22:00", "07:00"),
                ("2027-01-16T20:00", "2027-01-16T23:00"),
                vec![Breach::QuietHours(DailyWindow {
                    from: 1320,
                    until: 420,
                })],
            ),
            (
                "closed weekday",
                |k, _| k.closed_weekdays[5] = true,
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![Breach::ClosedWeekday(Weekday::Sat)],
            ),
            (
                "blackout",
                |k, _| k.max_days_ahead = 365,
                ("2027-03-02T14:00", "2027-03-02T18:00"),
                vec![Breach::Blackout(
                    NaiveDate::from_ymd_opt(2027, 3, 2).expect("date"),
                )],
            ),
            (
                "monthly limit",
                |k, r| {
                    k.max_per_month = Some(1);
                    r.booked_this_month = 1;
                },
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![Breach::MonthlyLimit(1)],
            ),
            (
                "under the limit",
                |k, r| {
                    k.max_per_month = Some(2);
                    r.booked_this_month = 1;
                },
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![],
            ),
            (
                "age",
                |k, r| {
                    k.min_age = Some(21);
                    r.age_declared = false;
                },
                ("2027-01-16T14:00", "2027-01-16T18:00"),
                vec![Breach::AgeNotDeclared(21)],
            ),
            (
                "not on the step",
                |_, _| {},
                ("2027-01-16T14:10", "2027-01-16T18:00"),
                vec![Breach::BadTimes],
            ),
            (
                "end before start",
                |_, _| {},
                ("2027-01-16T18:00", "2027-01-16T14:00"),
                vec![Breach::BadTimes],
            ),
        ];
        for kind in BookingKind::ALL {
            for (name, tweak, (start, end), expected) in &cases {
                let mut rule = KindRule {
                    enabled: true,
                    min_minutes: 60,
                    max_minutes: 480,
                    max_days_ahead: 60,
                    quiet_hours: None,
                    closed_weekdays: [false; 7],
                    max_per_month: None,
                    min_age: None,
                    ..KindRule::default_for(kind)
                };
                let mut r = request(start, end);
                tweak(&mut rule, &mut r);
                assert_eq!(&check(&room(), &rule, &r), expected, "{kind:?}: {name}");
            }
        }
    }

    #[test]
    fn quiet_hours_follow_local_time_across_daylight_saving() {
        let q = DailyWindow::parse("22:00", "07:00").expect("window");
        // Summer (UTC+2) and winter (UTC+1): 21:00–22:00 local is fine, 21:30–22:30 is not.
        for day in ["2027-07-03", "2027-01-16"] {
            assert!(!q.overlaps(t(&format!("{day}T21:00")), t(&format!("{day}T22:00"))));
            assert!(q.overlaps(t(&format!("{day}T21:30")), t(&format!("{day}T22:30"))));
            assert!(q.overlaps(t(&format!("{day}T06:00")), t(&format!("{day}T08:00"))));
        }
        assert!(
            !DailyWindow { from: 0, until: 0 }
                .overlaps(t("2027-01-16T21:00"), t("2027-01-17T21:00"))
        );
    }

    #[test]
    fn private_events_are_priced_by_the_table_and_community_use_is_free() {
        let r = room();
        // Friday to Sunday by the day: 150 + 700 + 700 kr.
        let (p, d) = price(
            &r,
            BookingKind::Private,
            t("2027-01-15T10:00"),
            t("2027-01-17T18:00"),
        );
        assert_eq!((p, d), (15_000 + 70_000 + 70_000, 50_000));
        assert_eq!(
            price(
                &r,
                BookingKind::Community,
                t("2027-01-15T10:00"),
                t("2027-01-15T12:00")
            ),
            (0, 0)
        );
        let hourly = RoomRules {
            price_per_day: false,
            price_weekday_ore: 5_000,
            ..room()
        };
        assert_eq!(
            price(
                &hourly,
                BookingKind::Private,
                t("2027-01-14T10:00"),
                t("2027-01-14T12:30")
            )
            .0,
            15_000
        );
        // Saturday 23:00 to Sunday 01:00: two hours at the weekend price.
        assert_eq!(
            price(
                &hourly,
                BookingKind::External,
                t("2027-01-16T23:00"),
                t("2027-01-17T01:00")
            )
            .0,
            140_000
        );
        // Saturday noon to 01:00 is one weekend day, not two.
        assert_eq!(
            price(
                &r,
                BookingKind::Private,
                t("2027-01-16T12:00"),
                t("2027-01-17T01:00")
            )
            .0,
            70_000
        );
    }

    #[test]
    fn slots_cover_the_booking_in_steps() {
        let s = slots(t("2027-01-16T14:00"), t("2027-01-16T15:00"));
        assert_eq!(s.len(), 4);
        assert_eq!(s[0], t("2027-01-16T14:00").timestamp());
        assert_eq!(s[3] + SLOT_MINUTES * 60, t("2027-01-16T15:00").timestamp());
    }

    #[test]
    fn late_cancellation_forfeits_the_advance() {
        let rule = KindRule {
            advance_ore: 50_000,
            cancel_notice_days: 30,
            ..KindRule::default_for(BookingKind::Private)
        };
        let start = t("2027-02-20T12:00");
        assert_eq!(
            forfeited_on_cancel(&rule, start, t("2027-01-10T12:00"), 70_000),
            0
        );
        assert_eq!(
            forfeited_on_cancel(&rule, start, t("2027-02-01T12:00"), 70_000),
            50_000
        );
    }

    #[test]
    fn usage_counts_hours_by_kind_and_unused_prime_time() {
        // One week from Monday 11 January 2027: 5 evenings × 5 h + 2 weekend days × 12 h.
        let (from, to) = (
            t("2027-01-11T00:00").timestamp(),
            t("2027-01-18T00:00").timestamp(),
        );
        let spans = [
            (
                BookingKind::Community,
                t("2027-01-12T17:00").timestamp(),
                t("2027-01-12T19:00").timestamp(),
            ),
            (
                BookingKind::Private,
                t("2027-01-16T12:00").timestamp(),
                t("2027-01-16T18:00").timestamp(),
            ),
            (
                BookingKind::Association,
                t("2027-01-13T10:00").timestamp(),
                t("2027-01-13T12:00").timestamp(),
            ),
        ];
        let u = usage(&spans, from, to);
        assert_eq!(u.minutes, [120, 120, 360, 0]);
        assert_eq!(u.prime_minutes, (5 * 5 + 2 * 12) * 60);
        // The association's morning is not prime time; the other two are.
        assert_eq!(u.prime_unused_minutes, u.prime_minutes - 120 - 360);
        assert_eq!(u.community_share_percent(), Some(20));
        assert_eq!(usage(&[], from, to).community_share_percent(), None);
    }

    #[test]
    fn names_round_trip() {
        for k in BookingKind::ALL {
            assert_eq!(BookingKind::parse(k.as_str()), Some(k));
        }
        for a in Approver::ALL {
            assert_eq!(Approver::parse(a.as_str()), Some(a));
        }
        let b = Bookers::parse("residents, staff,king");
        assert_eq!(b.to_stored(), "residents,staff");
        assert_eq!(parse_minutes("24:00"), Some(1440));
        assert_eq!(parse_minutes("24:01"), None);
        assert_eq!(parse_minutes("7:5x"), None);
    }
}
