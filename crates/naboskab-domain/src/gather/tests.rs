//! The booking rules, kind by kind and rule by rule.

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
        partner: false,
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
            "a partner books earlier",
            |k, r| {
                k.max_days_ahead = 3;
                k.partner_days_ahead = Some(30);
                r.partner = true;
            },
            ("2027-01-16T14:00", "2027-01-16T18:00"),
            vec![],
        ),
        (
            "a partner's window ends too",
            |k, r| {
                k.max_days_ahead = 3;
                k.partner_days_ahead = Some(5);
                r.partner = true;
            },
            ("2027-01-16T14:00", "2027-01-16T18:00"),
            vec![Breach::TooFarAhead(5)],
        ),
        (
            "others wait for the partners' window",
            |k, r| {
                k.max_days_ahead = 3;
                k.partner_days_ahead = Some(30);
                r.partner = false;
            },
            ("2027-01-16T14:00", "2027-01-16T18:00"),
            vec![Breach::TooFarAhead(3)],
        ),
        (
            "a shorter partners' window never shortens",
            |k, r| {
                k.partner_days_ahead = Some(1);
                r.partner = true;
            },
            ("2027-01-16T14:00", "2027-01-16T18:00"),
            vec![],
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
        !DailyWindow { from: 0, until: 0 }.overlaps(t("2027-01-16T21:00"), t("2027-01-17T21:00"))
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
