//! iCalendar (RFC 5545) feeds: per offer, per department, per room, one occurrence ("add
//! to calendar") and a person's private feed.
//!
//! A series becomes one VEVENT with `DTSTART;TZID=Europe/Copenhagen`, its RRULE and EXDATEs,
//! and a stable UID (`series-{id}@host`); every occurrence changed by hand is a VEVENT with
//! the same UID and a `RECURRENCE-ID`, `STATUS:CANCELLED` when cancelled. SEQUENCE follows the
//! stored change counters. Written with the `icalendar` crate, which escapes text, ends lines
//! in CRLF and folds them at 75 octets without splitting a UTF-8 character; it does not write
//! time-zone definitions, so the VTIMEZONE for Europe/Copenhagen (which calendar programs need
//! to read local times) is added as a fixed block.

use chrono::{DateTime, Utc};
use icalendar::{
    Calendar as ICalendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property,
};
use naboskab_domain::schedule::{self, TZID};
use naboskab_store::gather::{BookingStatus, Busy};
use naboskab_store::join::{Occurrence, SeriesRow};

/// Europe/Copenhagen since 1996: summer time from the last Sunday of March 02:00 to the last
/// Sunday of October 03:00.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Copenhagen",
    "X-LIC-LOCATION:Europe/Copenhagen",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// What a feed is about, for its events.
#[derive(Debug, Clone)]
pub struct EventInfo {
    /// Title.
    pub summary: String,
    /// Where.
    pub location: String,
    /// The offer's public page.
    pub url: String,
    /// Plain-text description.
    pub description: String,
}

/// Builds a calendar.
#[derive(Debug)]
pub struct Calendar {
    cal: ICalendar,
    host: String,
    stamp: DateTime<Utc>,
}

/// A local wall-clock time in Europe/Copenhagen.
fn local(t: chrono::NaiveDateTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: t,
        tzid: TZID.to_owned(),
    }
}

/// A property whose value is a local time (or a list of them) in Europe/Copenhagen.
fn local_property(key: &str, times: &[chrono::NaiveDateTime]) -> Property {
    let list: Vec<String> = times
        .iter()
        .map(|t| t.format("%Y%m%dT%H%M%S").to_string())
        .collect();
    let mut p = Property::new(key, list.join(","));
    p.add_parameter("TZID", TZID);
    p
}

impl Calendar {
    /// A calendar named `name`; `host` makes UIDs globally unique; `now` is the DTSTAMP.
    pub fn new(name: &str, host: &str, now: DateTime<Utc>) -> Calendar {
        let mut cal = ICalendar::new();
        cal.append_property(Property::new("PRODID", "-//Naboskab//Naboskab//DA"))
            .append_property(Property::new("METHOD", "PUBLISH"))
            .name(name)
            .timezone(TZID);
        Calendar {
            cal,
            host: host.to_owned(),
            stamp: now,
        }
    }

    /// A new event with its UID and the calendar's DTSTAMP.
    fn event(&self, uid: &str) -> Event {
        let mut e = Event::new();
        e.uid(uid).timestamp(self.stamp);
        e
    }

    fn common(e: &mut Event, info: &EventInfo) {
        e.summary(&info.summary);
        if !info.location.is_empty() {
            e.location(&info.location);
        }
        if !info.description.is_empty() {
            e.description(&info.description);
        }
        e.url(&info.url);
    }

    /// A series with its rule and exceptions, and its occurrences changed by hand.
    pub fn series(&mut self, s: &SeriesRow, info: &EventInfo, edited: &[&Occurrence]) {
        let uid = format!("series-{}@{}", s.id, self.host);
        let end = s.series.dtstart + chrono::Duration::minutes(s.series.duration_min);
        let mut e = self.event(&uid);
        e.starts(local(s.series.dtstart)).ends(local(end));
        if let Some(rule) = &s.series.rrule {
            e.add_property("RRULE", rule);
        }
        if !s.series.exdates.is_empty() {
            e.append_property(local_property("EXDATE", &s.series.exdates));
        }
        e.sequence(u32::try_from(s.sequence).unwrap_or(0));
        let place = if s.place.is_empty() {
            info.location.clone()
        } else {
            s.place.clone()
        };
        Self::common(
            &mut e,
            &EventInfo {
                location: place,
                ..info.clone()
            },
        );
        self.cal.push(e);
        for occ in edited.iter().filter(|o| o.series_id == s.id) {
            let Some(recurrence) = schedule::parse_local(&occ.recurrence_id) else {
                continue;
            };
            let mut e = self.event(&uid);
            e.append_property(local_property("RECURRENCE-ID", &[recurrence]));
            Self::occurrence_body(&mut e, occ, info);
            self.cal.push(e);
        }
    }

    fn occurrence_body(e: &mut Event, occ: &Occurrence, info: &EventInfo) {
        e.starts(local(schedule::utc_to_local(occ.starts_at)))
            .ends(local(schedule::utc_to_local(occ.ends_at)))
            .sequence(u32::try_from(occ.sequence).unwrap_or(0));
        if occ.cancelled {
            e.status(EventStatus::Cancelled);
        }
        let mut info = info.clone();
        if !occ.place.is_empty() {
            info.location.clone_from(&occ.place);
        }
        if occ.cancelled && !occ.cancel_reason.is_empty() {
            info.description = occ.cancel_reason.clone();
        }
        Self::common(e, &info);
    }

    /// One occurrence on its own ("add to calendar", personal feeds).
    pub fn occurrence(&mut self, occ: &Occurrence, info: &EventInfo) {
        let mut e = self.event(&format!("occurrence-{}@{}", occ.id, self.host));
        Self::occurrence_body(&mut e, occ, info);
        self.cal.push(e);
    }

    /// A room booking (room feeds): confirmed, tentative while waiting for approval, or
    /// cancelled (rejected, cancelled or displaced), so subscribers drop it.
    pub fn booking(&mut self, b: &Busy, info: &EventInfo) {
        let mut e = self.event(&format!("booking-{}@{}", b.id, self.host));
        e.starts(local(schedule::utc_to_local(b.start())))
            .ends(local(schedule::utc_to_local(b.end())))
            .sequence(u32::try_from(b.sequence).unwrap_or(0))
            .status(match b.status {
                BookingStatus::Confirmed => EventStatus::Confirmed,
                BookingStatus::Requested => EventStatus::Tentative,
                _ => EventStatus::Cancelled,
            });
        Self::common(&mut e, info);
        self.cal.push(e);
    }

    /// The finished calendar (CRLF line ends, lines folded at 75 octets by the crate) with
    /// the VTIMEZONE block the crate does not write, before the first event.
    pub fn finish(self) -> String {
        let text = self.cal.to_string();
        let timezone: String = VTIMEZONE.iter().map(|l| format!("{l}\r\n")).collect();
        let at = text
            .find("BEGIN:VEVENT")
            .or_else(|| text.find("END:VCALENDAR"))
            .unwrap_or(text.len());
        format!("{}{timezone}{}", &text[..at], &text[at..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(summary: &str) -> EventInfo {
        EventInfo {
            summary: summary.into(),
            location: "Fælleshuset; sal 2, stuen".into(),
            url: "https://naboskab.example.dk/offers/1".into(),
            description: String::new(),
        }
    }

    #[test]
    fn long_lines_fold_at_75_octets_text_is_escaped_and_the_timezone_is_defined() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let mut cal = Calendar::new("Strik, kaffe; snak", "example.dk", now);
        let start = schedule::parse_local("2027-01-05T14:00").unwrap_or_default();
        let occ = Occurrence {
            id: 7,
            series_id: 1,
            offer_id: 1,
            offer_title: String::new(),
            recurrence_id: String::new(),
            starts_at: schedule::local_to_utc(start),
            ends_at: schedule::local_to_utc(start + chrono::Duration::hours(2)),
            place: String::new(),
            cancelled: false,
            cancel_reason: String::new(),
            edited: false,
            signup_required: false,
            capacity: None,
            confirmed_places: 0,
            headcount: None,
            sequence: 0,
            department_id: None,
        };
        cal.occurrence(&occ, &info(&"æøå".repeat(40)));
        let out = cal.finish();
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}\r\n", "æøå".repeat(40))));
        assert!(unfolded.contains("LOCATION:Fælleshuset\\; sal 2\\, stuen"));
        assert!(unfolded.contains("DTSTART;TZID=Europe/Copenhagen:20270105T140000"));
        let tz = unfolded.find("BEGIN:VTIMEZONE").expect("VTIMEZONE");
        assert!(tz < unfolded.find("BEGIN:VEVENT").expect("event"));
        assert!(unfolded.contains("UID:occurrence-7@example.dk"));
    }
}
