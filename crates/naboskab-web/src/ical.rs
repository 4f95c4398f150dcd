//! iCalendar (RFC 5545) feeds: per offer, per department, per room, one occurrence ("add
//! to calendar") and a person's private feed.
//!
//! A series becomes one VEVENT with `DTSTART;TZID=Europe/Copenhagen`, its RRULE and EXDATEs,
//! and a stable UID (`series-{id}@host`); every occurrence changed by hand is a VEVENT with
//! the same UID and a `RECURRENCE-ID`, `STATUS:CANCELLED` when cancelled. SEQUENCE follows the
//! stored change counters. The VTIMEZONE for Europe/Copenhagen is written out, since calendar
//! programs need it to read local times. Lines end in CRLF and are folded at 75 octets without
//! splitting a UTF-8 character.

use chrono::{DateTime, Utc};
use naboskab_domain::schedule::{self, TZID};
use naboskab_store::gather::{Booking, BookingStatus};
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

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A local wall-clock time as `20270105T140000`.
fn local(t: chrono::NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

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

/// Builds a calendar, line by line.
#[derive(Debug)]
pub struct Calendar {
    lines: Vec<String>,
    host: String,
    stamp: String,
}

impl Calendar {
    /// A calendar named `name`; `host` makes UIDs globally unique; `now` is the DTSTAMP.
    pub fn new(name: &str, host: &str, now: DateTime<Utc>) -> Calendar {
        let mut lines: Vec<String> = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Naboskab//Naboskab//DA",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        lines.push(format!("X-WR-CALNAME:{}", text(name)));
        lines.push(format!("X-WR-TIMEZONE:{TZID}"));
        lines.extend(VTIMEZONE.iter().map(|s| (*s).to_owned()));
        Calendar {
            lines,
            host: host.to_owned(),
            stamp: utc(now),
        }
    }

    fn common(&mut self, info: &EventInfo) {
        self.lines.push(format!("SUMMARY:{}", text(&info.summary)));
        if !info.location.is_empty() {
            self.lines
                .push(format!("LOCATION:{}", text(&info.location)));
        }
        if !info.description.is_empty() {
            self.lines
                .push(format!("DESCRIPTION:{}", text(&info.description)));
        }
        self.lines.push(format!("URL:{}", info.url));
    }

    /// A series with its rule and exceptions, and its occurrences changed by hand.
    pub fn series(&mut self, s: &SeriesRow, info: &EventInfo, edited: &[&Occurrence]) {
        let uid = format!("series-{}@{}", s.id, self.host);
        let end = s.series.dtstart + chrono::Duration::minutes(s.series.duration_min);
        self.lines.push("BEGIN:VEVENT".into());
        self.lines.push(format!("UID:{uid}"));
        self.lines.push(format!("DTSTAMP:{}", self.stamp));
        self.lines
            .push(format!("DTSTART;TZID={TZID}:{}", local(s.series.dtstart)));
        self.lines.push(format!("DTEND;TZID={TZID}:{}", local(end)));
        if let Some(rule) = &s.series.rrule {
            self.lines.push(format!("RRULE:{rule}"));
        }
        if !s.series.exdates.is_empty() {
            let list: Vec<String> = s.series.exdates.iter().map(|e| local(*e)).collect();
            self.lines
                .push(format!("EXDATE;TZID={TZID}:{}", list.join(",")));
        }
        self.lines.push(format!("SEQUENCE:{}", s.sequence));
        let place = if s.place.is_empty() {
            info.location.clone()
        } else {
            s.place.clone()
        };
        self.common(&EventInfo {
            location: place,
            ..info.clone()
        });
        self.lines.push("END:VEVENT".into());
        for occ in edited.iter().filter(|o| o.series_id == s.id) {
            let Some(recurrence) = schedule::parse_local(&occ.recurrence_id) else {
                continue;
            };
            self.lines.push("BEGIN:VEVENT".into());
            self.lines.push(format!("UID:{uid}"));
            self.lines.push(format!("DTSTAMP:{}", self.stamp));
            self.lines
                .push(format!("RECURRENCE-ID;TZID={TZID}:{}", local(recurrence)));
            self.occurrence_body(occ, info);
            self.lines.push("END:VEVENT".into());
        }
    }

    fn occurrence_body(&mut self, occ: &Occurrence, info: &EventInfo) {
        self.lines.push(format!(
            "DTSTART;TZID={TZID}:{}",
            local(schedule::utc_to_local(occ.starts_at))
        ));
        self.lines.push(format!(
            "DTEND;TZID={TZID}:{}",
            local(schedule::utc_to_local(occ.ends_at))
        ));
        self.lines.push(format!("SEQUENCE:{}", occ.sequence));
        if occ.cancelled {
            self.lines.push("STATUS:CANCELLED".into());
        }
        let mut info = info.clone();
        if !occ.place.is_empty() {
            info.location.clone_from(&occ.place);
        }
        if occ.cancelled && !occ.cancel_reason.is_empty() {
            info.description = occ.cancel_reason.clone();
        }
        self.common(&info);
    }

    /// One occurrence on its own ("add to calendar", personal feeds).
    pub fn occurrence(&mut self, occ: &Occurrence, info: &EventInfo) {
        self.lines.push("BEGIN:VEVENT".into());
        self.lines
            .push(format!("UID:occurrence-{}@{}", occ.id, self.host));
        self.lines.push(format!("DTSTAMP:{}", self.stamp));
        self.occurrence_body(occ, info);
        self.lines.push("END:VEVENT".into());
    }

    /// A room booking (room feeds): confirmed, tentative while waiting for approval, or
    /// cancelled (rejected, cancelled or displaced), so subscribers drop it.
    pub fn booking(&mut self, b: &Booking, info: &EventInfo) {
        self.lines.push("BEGIN:VEVENT".into());
        self.lines
            .push(format!("UID:booking-{}@{}", b.id, self.host));
        self.lines.push(format!("DTSTAMP:{}", self.stamp));
        self.lines.push(format!(
            "DTSTART;TZID={TZID}:{}",
            local(schedule::utc_to_local(b.start()))
        ));
        self.lines.push(format!(
            "DTEND;TZID={TZID}:{}",
            local(schedule::utc_to_local(b.end()))
        ));
        self.lines.push(format!("SEQUENCE:{}", b.sequence));
        let status = match b.status {
            BookingStatus::Confirmed => "CONFIRMED",
            BookingStatus::Requested => "TENTATIVE",
            _ => "CANCELLED",
        };
        self.lines.push(format!("STATUS:{status}"));
        self.common(info);
        self.lines.push("END:VEVENT".into());
    }

    /// The finished calendar: CRLF line ends, lines folded at 75 octets.
    pub fn finish(mut self) -> String {
        self.lines.push("END:VCALENDAR".into());
        let mut out = String::new();
        for line in &self.lines {
            fold_into(&mut out, line);
        }
        out
    }
}

/// Appends `line` folded at 75 octets (continuations start with a space) and CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        fold_into(&mut out, &format!("SUMMARY:{}", "æøå".repeat(40)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "æøå".repeat(40)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
