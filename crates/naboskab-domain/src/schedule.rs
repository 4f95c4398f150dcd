//! Schedules: when an offer's activities happen.
//!
//! A series is a local wall-clock start in Europe/Copenhagen, a duration, an optional RFC 5545
//! RRULE (FREQ daily, weekly, monthly or yearly with INTERVAL, BYDAY with ordinals, BYMONTHDAY,
//! BYMONTH, BYSETPOS, COUNT, UNTIL) and excluded dates (EXDATE). An activity at 14:00 stays at
//! 14:00 across daylight-saving changes. A local time that does not exist on a spring-forward
//! day is read with the offset before the gap (02:30 becomes 03:30 summer time), and one that
//! exists twice in October is the first of the two, as RFC 5545 §3.3.5 says.
//!
//! Expansion uses the `rrule` crate; every rule is validated here first, so only the supported
//! subset reaches it, and every expansion is bounded by a window and a count.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;
use std::fmt;

/// The zone of every schedule.
pub const TZID: &str = "Europe/Copenhagen";

/// How local times are written in the database, forms and the API: `2027-03-28T14:00`.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// Most occurrences one series yields in one expansion (a daily rule over a year is 366).
pub const MAX_OCCURRENCES: u16 = 1_000;

/// Longest activity, in minutes (a whole day).
pub const MAX_DURATION_MIN: i64 = 24 * 60;

/// Why a schedule was refused; each names the part of the input that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    /// The start is not a local date and time like `2027-01-05T14:00`.
    Start,
    /// The duration is not between 1 minute and a day.
    Duration,
    /// The recurrence rule is not one we accept; the text says which part.
    Rule(String),
    /// An excluded date is not a local date and time.
    Exdate(String),
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::Start => write!(f, "start must be a local date and time"),
            ScheduleError::Duration => {
                write!(f, "duration must be 1 to {MAX_DURATION_MIN} minutes")
            }
            ScheduleError::Rule(why) => write!(f, "recurrence rule: {why}"),
            ScheduleError::Exdate(v) => {
                write!(f, "excluded date '{v}' is not a local date and time")
            }
        }
    }
}

impl std::error::Error for ScheduleError {}

/// A checked series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// First local start.
    pub dtstart: NaiveDateTime,
    /// Length of each occurrence in minutes.
    pub duration_min: i64,
    /// The RRULE value (normalised: upper case, UNTIL in UTC), or `None` for a one-off event.
    pub rrule: Option<String>,
    /// Local starts that are left out.
    pub exdates: Vec<NaiveDateTime>,
}

/// One occurrence of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expanded {
    /// Its local start as the series defines it (iCalendar RECURRENCE-ID); stays the same
    /// when the occurrence is moved.
    pub recurrence_id: NaiveDateTime,
    /// Start in UTC.
    pub starts_at: DateTime<Utc>,
    /// End in UTC.
    pub ends_at: DateTime<Utc>,
}

/// Parses a local date and time (`2027-01-05T14:00`, seconds optional).
pub fn parse_local(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    NaiveDateTime::parse_from_str(s, LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .ok()
}

/// Writes a local date and time as [`LOCAL_FORMAT`].
pub fn format_local(t: NaiveDateTime) -> String {
    t.format(LOCAL_FORMAT).to_string()
}

/// The instant of a Copenhagen wall-clock time, resolved as RFC 5545 says: a time in the
/// spring-forward gap uses the offset before the gap; a time that occurs twice, the first.
pub fn local_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    match Copenhagen.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // The offset in force just before the gap (gaps are one hour long here).
            let before = local - Duration::hours(2);
            let offset = Copenhagen
                .offset_from_local_datetime(&before)
                .earliest()
                .map_or(3600, |o| o.fix().local_minus_utc());
            Utc.from_utc_datetime(&(local - Duration::seconds(i64::from(offset))))
        }
    }
}

/// The Copenhagen wall-clock time of an instant.
pub fn utc_to_local(t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&Copenhagen).naive_local()
}

const ALLOWED_PARTS: &[&str] = &[
    "FREQ",
    "INTERVAL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "COUNT",
    "UNTIL",
    "WKST",
];

/// Checks and normalises an RRULE value (with or without the `RRULE:` prefix): only the parts
/// above, FREQ daily to yearly, COUNT at most 1,000, UNTIL as a date or local time (turned into
/// UTC as RFC 5545 requires with a zoned start).
pub fn normalise_rule(rule: &str) -> Result<String, ScheduleError> {
    let rule = rule.trim();
    let rule = rule
        .strip_prefix("RRULE:")
        .or_else(|| rule.strip_prefix("rrule:"))
        .unwrap_or(rule);
    if rule.is_empty() {
        return Err(ScheduleError::Rule("empty".into()));
    }
    let mut parts = Vec::new();
    let mut freq = None;
    for part in rule.split(';').filter(|p| !p.is_empty()) {
        let Some((key, value)) = part.split_once('=') else {
            return Err(ScheduleError::Rule(format!("'{part}' has no '='")));
        };
        let key = key.trim().to_ascii_uppercase();
        let value = value.trim().to_ascii_uppercase();
        if !ALLOWED_PARTS.contains(&key.as_str()) {
            return Err(ScheduleError::Rule(format!("{key} is not supported")));
        }
        if parts.iter().any(|(k, _): &(String, String)| *k == key) {
            return Err(ScheduleError::Rule(format!("{key} is given twice")));
        }
        let value = match key.as_str() {
            "FREQ" => {
                if !["DAILY", "WEEKLY", "MONTHLY", "YEARLY"].contains(&value.as_str()) {
                    return Err(ScheduleError::Rule(format!(
                        "FREQ={value}: use DAILY, WEEKLY, MONTHLY or YEARLY"
                    )));
                }
                freq = Some(value.clone());
                value
            }
            "COUNT" | "INTERVAL" => match value.parse::<u32>() {
                Ok(n) if (1..=u32::from(MAX_OCCURRENCES)).contains(&n) => value,
                _ => {
                    return Err(ScheduleError::Rule(format!(
                        "{key}={value}: a number from 1 to {MAX_OCCURRENCES}"
                    )));
                }
            },
            "UNTIL" => until_utc(&value)
                .ok_or_else(|| ScheduleError::Rule(format!("UNTIL={value} is not a date")))?,
            _ => value,
        };
        parts.push((key, value));
    }
    if freq.is_none() {
        return Err(ScheduleError::Rule("FREQ is missing".into()));
    }
    if parts.iter().any(|(k, _)| k == "COUNT") && parts.iter().any(|(k, _)| k == "UNTIL") {
        return Err(ScheduleError::Rule("use COUNT or UNTIL, not both".into()));
    }
    let normal = parts
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(";");
    // Let the rrule crate judge the rest (BYDAY grammar, ranges), so nothing it would refuse
    // is ever stored.
    normal
        .parse::<rrule::RRule<rrule::Unvalidated>>()
        .map_err(|e| ScheduleError::Rule(e.to_string()))?;
    Ok(normal)
}

/// UNTIL as UTC text: a date means the end of that local day; a local time is converted;
/// a UTC time is kept.
fn until_utc(value: &str) -> Option<String> {
    let utc = if let Some(v) = value.strip_suffix('Z') {
        NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S")
            .ok()
            .map(|t| Utc.from_utc_datetime(&t))?
    } else if value.len() == 8 {
        let day = chrono::NaiveDate::parse_from_str(value, "%Y%m%d").ok()?;
        local_to_utc(day.and_hms_opt(23, 59, 59)?)
    } else {
        local_to_utc(NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()?)
    };
    Some(utc.format("%Y%m%dT%H%M%SZ").to_string())
}

impl Series {
    /// Checks a series as typed: start, duration, rule (optional) and excluded dates.
    pub fn new(
        dtstart: &str,
        duration_min: i64,
        rrule: Option<&str>,
        exdates: &[&str],
    ) -> Result<Series, ScheduleError> {
        let dtstart = parse_local(dtstart).ok_or(ScheduleError::Start)?;
        if !(1..=MAX_DURATION_MIN).contains(&duration_min) {
            return Err(ScheduleError::Duration);
        }
        let rrule = match rrule.map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => Some(normalise_rule(r)?),
            None => None,
        };
        let exdates = exdates
            .iter()
            .map(|e| e.trim())
            .filter(|e| !e.is_empty())
            .map(|e| parse_local(e).ok_or_else(|| ScheduleError::Exdate(e.to_owned())))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Series {
            dtstart,
            duration_min,
            rrule,
            exdates,
        })
    }

    /// The occurrences starting in `[from, to)`, in order (at most [`MAX_OCCURRENCES`]).
    pub fn expand(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Expanded> {
        let length = Duration::minutes(self.duration_min);
        let one = |local: NaiveDateTime, start: DateTime<Utc>| Expanded {
            recurrence_id: local,
            starts_at: start,
            ends_at: start + length,
        };
        let Some(rule) = &self.rrule else {
            let start = local_to_utc(self.dtstart);
            return if start >= from && start < to && !self.exdates.contains(&self.dtstart) {
                vec![one(self.dtstart, start)]
            } else {
                vec![]
            };
        };
        match simple_weekly(rule) {
            Some((interval, days)) => self.expand_weekly(interval, &days, from, to),
            None => self.expand_with_rrule(rule, from, to),
        }
    }

    /// The general path: the `rrule` crate.
    fn expand_with_rrule(
        &self,
        rule: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<Expanded> {
        let length = Duration::minutes(self.duration_min);
        let one = |local: NaiveDateTime, start: DateTime<Utc>| Expanded {
            recurrence_id: local,
            starts_at: start,
            ends_at: start + length,
        };
        // Expand in floating wall-clock time (local times written as if they were UTC), then
        // resolve each local time on its own: so a start in a spring-forward gap moves only
        // that occurrence, as RFC 5545 says, and EXDATEs match local times exactly.
        let floating = |t: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&t);
        let dtstart = floating(self.dtstart);
        let Ok(rule) = floating_until(rule)
            .parse::<rrule::RRule<rrule::Unvalidated>>()
            .and_then(|r| r.validate(dtstart))
        else {
            return vec![];
        };
        let mut set = rrule::RRuleSet::new(dtstart).rrule(rule);
        for ex in &self.exdates {
            set = set.exdate(floating(*ex));
        }
        let margin = Duration::days(1);
        set.after(floating(utc_to_local(from) - margin))
            .before(floating(utc_to_local(to) + margin))
            .all(MAX_OCCURRENCES)
            .dates
            .into_iter()
            .map(|d| d.naive_utc())
            .map(|local| (local, local_to_utc(local)))
            .filter(|(_, start)| *start >= from && *start < to)
            .map(|(local, start)| one(local, start))
            .collect()
    }

    /// The common case, weekly on given weekdays every `interval` weeks without COUNT or
    /// UNTIL, by date arithmetic: the same occurrences as the general path (a property test
    /// compares them) at a fraction of the cost.
    fn expand_weekly(
        &self,
        interval: i64,
        days: &[u32],
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<Expanded> {
        let length = Duration::minutes(self.duration_min);
        let time = self.dtstart.time();
        let first_monday = self.dtstart.date()
            - Duration::days(i64::from(self.dtstart.weekday().num_days_from_monday()));
        let lo = utc_to_local(from).date() - Duration::days(1);
        let hi = utc_to_local(to).date() + Duration::days(1);
        let period = 7 * interval;
        let mut k = ((lo - first_monday).num_days() / period - 1).max(0);
        let mut out = Vec::new();
        loop {
            let monday = first_monday + Duration::days(k * period);
            if monday > hi || out.len() >= usize::from(MAX_OCCURRENCES) {
                break;
            }
            for d in days {
                let local = (monday + Duration::days(i64::from(*d))).and_time(time);
                if local < self.dtstart || self.exdates.contains(&local) {
                    continue;
                }
                let start = local_to_utc(local);
                if start >= from && start < to {
                    out.push(Expanded {
                        recurrence_id: local,
                        starts_at: start,
                        ends_at: start + length,
                    });
                }
            }
            k += 1;
        }
        out
    }
}

/// `Some((interval, weekdays from Monday = 0))` when the rule is only FREQ=WEEKLY with
/// optional INTERVAL and plain BYDAY (no ordinals, COUNT, UNTIL, WKST or other parts).
fn simple_weekly(rule: &str) -> Option<(i64, Vec<u32>)> {
    let mut weekly = false;
    let mut interval = 1;
    let mut days = Vec::new();
    for part in rule.split(';') {
        let (key, value) = part.split_once('=')?;
        match key {
            "FREQ" if value == "WEEKLY" => weekly = true,
            "INTERVAL" => interval = value.parse().ok()?,
            "BYDAY" => {
                for d in value.split(',') {
                    let n = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
                        .iter()
                        .position(|x| *x == d)?;
                    days.push(n as u32);
                }
            }
            _ => return None,
        }
    }
    if !weekly || interval < 1 || days.is_empty() {
        return None;
    }
    days.sort_unstable();
    days.dedup();
    Some((interval, days))
}

/// The rule with its UTC `UNTIL` turned into local wall-clock time, for floating expansion.
fn floating_until(rule: &str) -> String {
    rule.split(';')
        .map(|part| {
            match part
                .strip_prefix("UNTIL=")
                .and_then(|v| v.strip_suffix('Z'))
            {
                Some(v) => match NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S") {
                    Ok(t) => format!(
                        "UNTIL={}Z",
                        utc_to_local(Utc.from_utc_datetime(&t)).format("%Y%m%dT%H%M%S")
                    ),
                    Err(_) => part.to_owned(),
                },
                None => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// A time with the Copenhagen offset, e.g. `2027-01-05T14:00:00+01:00`.
pub fn rfc3339_local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Copenhagen).to_rfc3339()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn local(s: &str) -> NaiveDateTime {
        parse_local(s).expect("local time")
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("rfc3339")
            .with_timezone(&Utc)
    }

    fn starts(series: &Series, from: &str, to: &str) -> Vec<String> {
        series
            .expand(utc(from), utc(to))
            .iter()
            .map(|e| e.starts_at.to_rfc3339())
            .collect()
    }

    fn locals(series: &Series, from: &str, to: &str) -> Vec<String> {
        series
            .expand(utc(from), utc(to))
            .iter()
            .map(|e| format_local(utc_to_local(e.starts_at)))
            .collect()
    }

    #[test]
    fn weekly_activity_keeps_its_wall_clock_time_across_both_dst_changes() {
        // Sundays 14:00; summer time starts 2027-03-28 and ends 2027-10-31.
        let s = Series::new("2027-03-21T14:00", 120, Some("FREQ=WEEKLY;BYDAY=SU"), &[])
            .expect("series");
        assert_eq!(
            starts(&s, "2027-03-20T00:00:00Z", "2027-04-05T00:00:00Z"),
            vec![
                "2027-03-21T13:00:00+00:00",
                "2027-03-28T12:00:00+00:00",
                "2027-04-04T12:00:00+00:00"
            ]
        );
        assert_eq!(
            starts(&s, "2027-10-23T00:00:00Z", "2027-11-08T00:00:00Z"),
            vec![
                "2027-10-24T12:00:00+00:00",
                "2027-10-31T13:00:00+00:00",
                "2027-11-07T13:00:00+00:00"
            ]
        );
        assert!(
            locals(&s, "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")
                .iter()
                .all(|l| l.ends_with("T14:00"))
        );
    }

    #[test]
    fn times_that_do_not_exist_or_exist_twice_follow_rfc_5545() {
        // 02:30 on 2027-03-28 does not exist: read with the offset before the gap (03:30 CEST).
        assert_eq!(
            local_to_utc(local("2027-03-28T02:30")).to_rfc3339(),
            "2027-03-28T01:30:00+00:00"
        );
        // 02:30 on 2027-10-31 exists twice: the first one (CEST, +02:00).
        assert_eq!(
            local_to_utc(local("2027-10-31T02:30")).to_rfc3339(),
            "2027-10-31T00:30:00+00:00"
        );
        let daily =
            Series::new("2027-03-27T02:30", 30, Some("FREQ=DAILY;COUNT=3"), &[]).expect("series");
        assert_eq!(
            starts(&daily, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"),
            vec![
                "2027-03-27T01:30:00+00:00",
                "2027-03-28T01:30:00+00:00",
                "2027-03-29T00:30:00+00:00"
            ]
        );
        let october =
            Series::new("2027-10-30T02:30", 30, Some("FREQ=DAILY;COUNT=3"), &[]).expect("series");
        assert_eq!(
            starts(&october, "2027-10-01T00:00:00Z", "2027-11-05T00:00:00Z"),
            vec![
                "2027-10-30T00:30:00+00:00",
                "2027-10-31T00:30:00+00:00",
                "2027-11-01T01:30:00+00:00"
            ]
        );
    }

    #[test]
    fn rule_table() {
        // (start, rule, excluded, window start, expected local starts)
        type Case<'a> = (&'a str, &'a str, &'a [&'a str], &'a str, &'a [&'a str]);
        let cases: &[Case<'_>] = &[
            // Second Tuesday of the month.
            (
                "2027-01-12T19:00",
                "FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
                &[],
                "2027-01-01",
                &["2027-01-12T19:00", "2027-02-09T19:00", "2027-03-09T19:00"],
            ),
            // Last Friday.
            (
                "2027-01-29T17:00",
                "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3",
                &[],
                "2027-01-01",
                &["2027-01-29T17:00", "2027-02-26T17:00", "2027-03-26T17:00"],
            ),
            // First Thursday.
            (
                "2027-01-07T10:00",
                "FREQ=MONTHLY;BYDAY=1TH;COUNT=2",
                &[],
                "2027-01-01",
                &["2027-01-07T10:00", "2027-02-04T10:00"],
            ),
            // Last weekday of the month (BYSETPOS).
            (
                "2027-01-29T12:00",
                "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
                &[],
                "2027-01-01",
                &["2027-01-29T12:00", "2027-02-26T12:00", "2027-03-31T12:00"],
            ),
            // Fortnightly with an excluded date.
            (
                "2027-01-05T14:00",
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=4",
                &["2027-01-19T14:00"],
                "2027-01-01",
                &["2027-01-05T14:00", "2027-02-02T14:00", "2027-02-16T14:00"],
            ),
            // The 29th of February only in leap years.
            (
                "2028-02-29T12:00",
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2",
                &[],
                "2028-01-01",
                &["2028-02-29T12:00", "2032-02-29T12:00"],
            ),
            // The 31st skips short months.
            (
                "2027-01-31T18:00",
                "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3",
                &[],
                "2027-01-01",
                &["2027-01-31T18:00", "2027-03-31T18:00", "2027-05-31T18:00"],
            ),
            // UNTIL as a local date includes that day.
            (
                "2027-01-04T09:00",
                "FREQ=DAILY;UNTIL=20270106",
                &[],
                "2027-01-01",
                &["2027-01-04T09:00", "2027-01-05T09:00", "2027-01-06T09:00"],
            ),
        ];
        for (start, rule, ex, from, expected) in cases {
            let s =
                Series::new(start, 60, Some(rule), ex).unwrap_or_else(|e| panic!("{rule}: {e}"));
            let from = utc(&format!("{from}T00:00:00Z"));
            let got: Vec<String> = s
                .expand(from, from + Duration::days(366 * 6))
                .iter()
                .map(|e| format_local(e.recurrence_id))
                .collect();
            assert_eq!(&got, expected, "{rule}");
        }
    }

    #[test]
    fn one_off_events_and_the_window() {
        let s = Series::new("2027-06-01T18:00", 90, None, &[]).expect("series");
        let got = s.expand(utc("2027-06-01T00:00:00Z"), utc("2027-06-02T00:00:00Z"));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].ends_at - got[0].starts_at, Duration::minutes(90));
        assert!(
            s.expand(utc("2027-06-02T00:00:00Z"), utc("2027-07-01T00:00:00Z"))
                .is_empty()
        );
        // The window is half-open: an occurrence starting at `to` belongs to the next window.
        let w = Series::new("2027-01-04T09:00", 60, Some("FREQ=DAILY"), &[]).expect("series");
        assert_eq!(
            w.expand(utc("2027-01-04T08:00:00Z"), utc("2027-01-05T08:00:00Z"))
                .len(),
            1
        );
    }

    #[test]
    fn bad_rules_are_named() {
        for (rule, needle) in [
            ("FREQ=HOURLY", "FREQ=HOURLY"),
            ("FREQ=WEEKLY;BYHOUR=3", "BYHOUR"),
            ("BYDAY=MO", "FREQ is missing"),
            ("FREQ=WEEKLY;COUNT=0", "COUNT"),
            ("FREQ=WEEKLY;COUNT=2;UNTIL=20270101", "not both"),
            ("FREQ=WEEKLY;UNTIL=tomorrow", "UNTIL"),
            ("FREQ=WEEKLY;BYDAY=XX", ""),
            ("FREQ=WEEKLY;FREQ=DAILY", "twice"),
        ] {
            match normalise_rule(rule) {
                Err(ScheduleError::Rule(why)) => assert!(why.contains(needle), "{rule}: {why}"),
                other => panic!("{rule} gave {other:?}"),
            }
        }
        assert_eq!(
            normalise_rule("rrule:freq=weekly;byday=tu").expect("ok"),
            "FREQ=WEEKLY;BYDAY=TU"
        );
        assert_eq!(
            Series::new("tuesday", 60, None, &[]),
            Err(ScheduleError::Start)
        );
        assert_eq!(
            Series::new("2027-01-01T10:00", 0, None, &[]),
            Err(ScheduleError::Duration)
        );
    }

    #[test]
    fn the_weekly_shortcut_gives_exactly_what_the_general_expansion_gives() {
        // Starts every 13 hours over two years (so every weekday, times through the night and
        // both DST changes), one to three weekdays, every one to three weeks, with exclusions.
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
        let mut start = NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 30, 0))
            .expect("date");
        for i in 0..1_400usize {
            let picked: Vec<&str> = (0..1 + i % 3).map(|k| days[(i + 2 * k) % 7]).collect();
            let rule = format!(
                "FREQ=WEEKLY;INTERVAL={};BYDAY={}",
                1 + i % 3,
                picked.join(",")
            );
            let exdate = start + Duration::weeks(2 + (i % 4) as i64);
            let s = Series {
                dtstart: start,
                duration_min: 45,
                rrule: Some(rule.clone()),
                exdates: vec![exdate],
            };
            let from = local_to_utc(start) + Duration::days((i % 40) as i64);
            let to = from + Duration::days(200);
            assert!(simple_weekly(&rule).is_some());
            assert_eq!(
                s.expand(from, to),
                s.expand_with_rrule(&rule, from, to),
                "{rule} from {start}"
            );
            start += Duration::hours(13);
        }
        assert!(simple_weekly("FREQ=WEEKLY;BYDAY=1TU").is_none());
        assert!(simple_weekly("FREQ=WEEKLY;BYDAY=TU;COUNT=3").is_none());
        assert!(simple_weekly("FREQ=MONTHLY;BYDAY=TU").is_none());
    }

    #[test]
    fn every_weekly_occurrence_is_on_its_weekday_at_its_time_for_any_start() {
        // Property over many starts (every 11 hours over two years, times of day included).
        let mut start = NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 15, 0))
            .expect("date");
        for _ in 0..1_600 {
            let s = Series {
                dtstart: start,
                duration_min: 60,
                rrule: Some("FREQ=WEEKLY".into()),
                exdates: vec![],
            };
            let from = local_to_utc(start);
            let all = s.expand(from, from + Duration::days(400));
            assert!((57..=58).contains(&all.len()), "{start}: {}", all.len());
            for e in &all {
                let l = utc_to_local(e.starts_at);
                assert_eq!(e.recurrence_id.time(), start.time(), "nominal time kept");
                assert_eq!(l.date().weekday(), start.date().weekday());
                // Only a time inside the spring-forward gap is moved (by the gap, an hour).
                let nominal = l.date().and_time(start.time());
                if !matches!(Copenhagen.from_local_datetime(&nominal), LocalResult::None) {
                    assert_eq!(l.time(), start.time(), "{start} → {l}");
                }
            }
            start += Duration::hours(11);
        }
    }
}
