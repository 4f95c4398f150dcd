//! Reach: what outreach staff record about a resident they help, and the consent rules that
//! decide what may be stored.
//!
//! A [`Profile`] is everything about the person (name, how to reach them, languages,
//! interests, when they can, needs, and the sensitive categories of GDPR art. 9); the store
//! seals it as one value. Consent is a record of its own per [`ConsentScope`]:
//! `registration` must be active for a record to exist at all and for anything to be added to
//! it, and `sensitive` must be active for any [`SensitiveCategory`] to be stored.
//! [`check_consent`] is the one place that rule lives.

use serde::{Deserialize, Serialize};

named! {
    /// What a consent covers.
    ConsentScope {
        /// Being registered by outreach staff at all (name, contact details, the log).
        Registration = "registration",
        /// Sensitive categories (GDPR art. 9): loneliness, health, eviction risk, conflicts.
        Sensitive = "sensitive",
        /// Sharing with the municipality (e.g. a referral to the municipality's services).
        Municipality = "municipality",
        /// Taking part in measurements (surveys, impact follow-up).
        Measurement = "measurement",
    }
}

named! {
    /// How consent was given.
    ConsentMethod {
        /// Signed on paper.
        Written = "written",
        /// Said aloud to the caretaker.
        Verbal = "verbal",
        /// Given on a screen or by e-mail.
        Digital = "digital",
    }
}

named! {
    /// Sensitive categories (GDPR art. 9 and related): stored only under `sensitive` consent.
    SensitiveCategory {
        /// Loneliness or isolation.
        Loneliness = "loneliness",
        /// Mental health.
        MentalHealth = "mental_health",
        /// Physical health.
        PhysicalHealth = "physical_health",
        /// Risk of eviction.
        EvictionRisk = "eviction_risk",
        /// Conflict with neighbours.
        NeighbourConflict = "neighbour_conflict",
        /// Needs help with Danish.
        LanguageHelp = "language_help",
        /// Needs help with digital services.
        DigitalHelp = "digital_help",
    }
}

named! {
    /// How a contact happened.
    ContactKind {
        /// Knocked on the door.
        DoorKnock = "door_knock",
        /// A planned visit.
        Visit = "visit",
        /// A phone call.
        Phone = "phone",
        /// Met at an activity.
        AtActivity = "at_activity",
        /// Came by the office.
        DropIn = "drop_in",
    }
}

named! {
    /// Part of the day a person can come.
    DayPart {
        /// Before 12.
        Morning = "morning",
        /// 12–17.
        Afternoon = "afternoon",
        /// After 17.
        Evening = "evening",
    }
}

impl DayPart {
    /// The part of the day a start hour (0–23) falls in.
    pub fn of_hour(hour: u32) -> DayPart {
        match hour {
            0..12 => DayPart::Morning,
            12..17 => DayPart::Afternoon,
            _ => DayPart::Evening,
        }
    }

    /// The part of the day an offer starts in, read from its "when" text ("Tirsdage kl.
    /// 17.30–19.30", "Hver onsdag 10:00"): the hour after "kl.", else the first `HH.MM` or
    /// `HH:MM`. `None` when the text names no time.
    pub fn of_when_text(when: &str) -> Option<DayPart> {
        let hour = |digits: &str| digits.parse::<u32>().ok().filter(|h| *h < 24);
        if let Some((_, rest)) = when.split_once("kl.") {
            let digits: String = rest
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Some(h) = hour(&digits) {
                return Some(DayPart::of_hour(h));
            }
        }
        let bytes = when.as_bytes();
        (0..bytes.len()).find_map(|i| {
            let end = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let starts_number = i == 0 || !bytes[i - 1].is_ascii_digit();
            let minutes = bytes.get(i + end + 1..i + end + 3);
            (starts_number
                && (1..=2).contains(&end)
                && matches!(bytes.get(i + end), Some(b'.' | b':'))
                && minutes.is_some_and(|m| m.iter().all(u8::is_ascii_digit)))
            .then(|| hour(&when[i..i + end]))
            .flatten()
            .map(DayPart::of_hour)
        })
    }
}

named! {
    /// Access needs that decide which places suit the person.
    Need {
        /// No steps (wheelchair, rollator).
        StepFree = "step_free",
        /// A hearing loop.
        HearingLoop = "hearing_loop",
        /// Costs nothing.
        FreeOnly = "free_only",
    }
}

named! {
    /// What the person said to a referral (what they did is read from attendance).
    ReferralStatus {
        /// Suggested to the person; no answer yet.
        Suggested = "suggested",
        /// The person wants to go (and may be signed up).
        Accepted = "accepted",
        /// The person does not want to.
        Declined = "declined",
    }
}

/// Where a referral stands, from what the person said and the attendance records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Suggested, no answer yet.
    Suggested,
    /// Said no.
    Declined,
    /// Said yes; not signed up for a time (or a drop-in without attendance records).
    Accepted,
    /// Signed up for a time still to come.
    SignedUp,
    /// The time passed without the person checked in.
    DidNotCome,
    /// Came (checked in by the organiser).
    Attended,
    /// Still came four weeks or more after the first time.
    StillAfter4Weeks,
    /// Still came twelve weeks or more after the first time.
    StillAfter12Weeks,
}

impl Outcome {
    /// Stable name (Fluent keys `outreach-outcome-…`, counts).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Suggested => "suggested",
            Outcome::Declined => "declined",
            Outcome::Accepted => "accepted",
            Outcome::SignedUp => "signed_up",
            Outcome::DidNotCome => "did_not_come",
            Outcome::Attended => "attended",
            Outcome::StillAfter4Weeks => "still_4_weeks",
            Outcome::StillAfter12Weeks => "still_12_weeks",
        }
    }

    /// Every outcome, in funnel order.
    pub const ALL: [Outcome; 8] = [
        Outcome::Suggested,
        Outcome::Accepted,
        Outcome::SignedUp,
        Outcome::Attended,
        Outcome::StillAfter4Weeks,
        Outcome::StillAfter12Weeks,
        Outcome::DidNotCome,
        Outcome::Declined,
    ];
}

/// Where a referral stands. `signed_up` is the start of the time the person was signed up
/// for and whether they were checked in; `present_at` the starts of every time of the same
/// activity the person was checked in at (Unix seconds).
pub fn outcome(
    status: ReferralStatus,
    signed_up: Option<(i64, bool)>,
    present_at: &[i64],
    now: i64,
) -> Outcome {
    const WEEK: i64 = 7 * 86_400;
    if status == ReferralStatus::Declined {
        return Outcome::Declined;
    }
    if let Some(&first) = present_at.iter().min() {
        let last = present_at.iter().max().copied().unwrap_or(first);
        return if last - first >= 12 * WEEK {
            Outcome::StillAfter12Weeks
        } else if last - first >= 4 * WEEK {
            Outcome::StillAfter4Weeks
        } else {
            Outcome::Attended
        };
    }
    match (status, signed_up) {
        (_, Some((start, false))) if start + 86_400 <= now => Outcome::DidNotCome,
        (_, Some(_)) => Outcome::SignedUp,
        (ReferralStatus::Accepted, None) => Outcome::Accepted,
        _ => Outcome::Suggested,
    }
}

/// Everything outreach staff know about a person; sealed as one value at rest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// Name or alias.
    pub name: String,
    /// Phone number (optional).
    pub phone: String,
    /// E-mail address (optional).
    pub email: String,
    /// Languages spoken (codes: da, en, ar, …).
    pub languages: Vec<String>,
    /// Interests as Find's category slugs.
    pub interests: Vec<String>,
    /// Weekdays they can, 1 = Monday.
    pub weekdays: Vec<u8>,
    /// Parts of the day they can.
    pub day_parts: Vec<DayPart>,
    /// Access needs.
    pub needs: Vec<Need>,
    /// Age group as Find's target-group slug (e.g. `seniors`), when known.
    pub age_group: String,
    /// Sensitive categories; only with `sensitive` consent.
    pub sensitive: Vec<SensitiveCategory>,
}

/// Why a change is refused under the person's consents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentMissing {
    /// No active `registration` consent: nothing may be stored or added.
    Registration,
    /// Sensitive categories without active `sensitive` consent.
    Sensitive,
}

/// Whether a profile may be stored under the active consent scopes.
pub fn check_consent(active: &[ConsentScope], profile: &Profile) -> Result<(), ConsentMissing> {
    if !active.contains(&ConsentScope::Registration) {
        return Err(ConsentMissing::Registration);
    }
    if !profile.sensitive.is_empty() && !active.contains(&ConsentScope::Sensitive) {
        return Err(ConsentMissing::Sensitive);
    }
    Ok(())
}

/// What suggestions look for, taken from a person's profile and where they live.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wants {
    /// Find's category codes.
    pub interests: Vec<String>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Weekdays they can (1 = Monday).
    pub weekdays: Vec<u8>,
    /// Parts of the day they can (empty: any).
    pub day_parts: Vec<DayPart>,
    /// Find's target-group code for their age, if known.
    pub age_group: String,
    /// Only step-free places.
    pub step_free: bool,
    /// Only places with a hearing loop.
    pub hearing_loop: bool,
    /// Only free offers.
    pub free_only: bool,
    /// Where they live (their department), for distances.
    pub home: Option<(f64, f64)>,
    /// How far away an offer may be, metres.
    pub radius_m: f64,
}

/// How far suggestions reach from a person's home.
pub const SUGGESTION_RADIUS_M: f64 = 5_000.0;

impl Wants {
    /// What to look for on behalf of `p` living at `home`.
    pub fn of(p: &Profile, home: Option<(f64, f64)>) -> Wants {
        Wants {
            interests: p.interests.clone(),
            languages: p.languages.clone(),
            weekdays: p.weekdays.clone(),
            day_parts: p.day_parts.clone(),
            age_group: p.age_group.clone(),
            step_free: p.needs.contains(&Need::StepFree),
            hearing_loop: p.needs.contains(&Need::HearingLoop),
            free_only: p.needs.contains(&Need::FreeOnly),
            home,
            radius_m: SUGGESTION_RADIUS_M,
        }
    }
}

/// What one offer shares with a person (found by the catalogue, ranked by [`rank`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fit {
    /// Shared interests (category codes).
    pub interests: Vec<String>,
    /// Languages the offer is held in that the person speaks.
    pub languages: Vec<String>,
    /// Whether the offer names any language (offers that name none are held in Danish).
    pub names_languages: bool,
    /// Its weekdays the person can.
    pub weekdays: Vec<u8>,
    /// The part of the day it starts in, when its time is known.
    pub day_part: Option<DayPart>,
    /// It is for the person's age group.
    pub age_group: bool,
    /// The age groups the offer names (children, young, adults, elderly), if any.
    pub age_targets: Vec<String>,
    /// Metres from the person's home.
    pub distance_m: Option<f64>,
    /// Step-free.
    pub step_free: bool,
    /// Has a hearing loop.
    pub hearing_loop: bool,
    /// Costs nothing.
    pub free: bool,
    /// Newcomers are welcomed.
    pub newcomers_welcome: bool,
}

/// Why an offer is suggested, in the order shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A shared interest (category code).
    Interest(String),
    /// Held in a language the person speaks other than Danish.
    Language(String),
    /// On a weekday the person can.
    Weekday(u8),
    /// At a time of day the person can.
    DayPart(DayPart),
    /// This far from home, metres (rounded to 100).
    Near(u32),
    /// For the person's age group (target-group code).
    ForAgeGroup(String),
    /// Newcomers are welcomed.
    NewcomersWelcome,
    /// Free.
    Free,
    /// Step-free.
    StepFree,
    /// Has a hearing loop.
    HearingLoop,
}

/// Scores an offer for a person: `None` when it breaks a need (step-free, hearing loop, free) or shares
/// nothing that matters (no interest, no language beyond Danish, not their age group);
/// otherwise the score (higher first) and the reasons in plain words.
pub fn rank(w: &Wants, f: &Fit) -> Option<(u32, Vec<Reason>)> {
    if (w.step_free && !f.step_free)
        || (w.hearing_loop && !f.hearing_loop)
        || (w.free_only && !f.free)
    {
        return None;
    }
    if !f.age_targets.is_empty()
        && !w.age_group.is_empty()
        && !f
            .age_targets
            .iter()
            .any(|t| age_groups_meet(&w.age_group, t))
    {
        // A youth club is no suggestion for someone of 80, whatever else fits.
        return None;
    }
    let foreign: Vec<&String> = f.languages.iter().filter(|l| *l != "da").collect();
    if f.interests.is_empty() && foreign.is_empty() && !f.age_group {
        return None;
    }
    let mut score: i64 = 0;
    let mut reasons = Vec::new();
    for i in f.interests.iter().take(2) {
        score += 30;
        reasons.push(Reason::Interest(i.clone()));
    }
    if let Some(l) = foreign.first() {
        score += 25;
        reasons.push(Reason::Language((*l).clone()));
    }
    let understood = w.languages.is_empty()
        || !f.languages.is_empty()
        || (!f.names_languages && w.languages.iter().any(|l| l == "da"));
    if !understood {
        // Held in Danish (or languages they do not speak): still shown, further down.
        score -= 20;
    }
    if let Some(d) = f.weekdays.first() {
        score += 15;
        reasons.push(Reason::Weekday(*d));
    } else if !w.weekdays.is_empty() {
        score -= 10;
    }
    match f.day_part {
        Some(part) if w.day_parts.contains(&part) => {
            score += 10;
            reasons.push(Reason::DayPart(part));
        }
        // At a time they said they cannot: still shown, further down.
        Some(_) if !w.day_parts.is_empty() => score -= 10,
        _ => {}
    }
    if let Some(d) = f.distance_m {
        let closeness = (1.0 - d / w.radius_m.max(1.0)).clamp(0.0, 1.0);
        score += (20.0 * closeness).round() as i64;
        reasons.push(Reason::Near(((d / 100.0).round() * 100.0) as u32));
    }
    if f.age_group {
        score += 15;
        reasons.push(Reason::ForAgeGroup(w.age_group.clone()));
    }
    if f.newcomers_welcome {
        score += 10;
        reasons.push(Reason::NewcomersWelcome);
    }
    if f.free {
        score += 5;
        reasons.push(Reason::Free);
    }
    if w.step_free {
        reasons.push(Reason::StepFree);
    }
    if w.hearing_loop {
        reasons.push(Reason::HearingLoop);
    }
    Some((score.max(1) as u32, reasons))
}

/// The target groups that say how old participants are.
pub const AGE_TARGETS: [&str; 4] = ["children", "young", "adults", "elderly"];

/// Whether a person of age group `person` fits an offer for age group `offer`.
pub fn age_groups_meet(person: &str, offer: &str) -> bool {
    match person {
        "children" => matches!(offer, "children" | "young"),
        "young" => matches!(offer, "young" | "adults"),
        "adults" => matches!(offer, "young" | "adults" | "elderly"),
        "elderly" => matches!(offer, "adults" | "elderly"),
        // Not an age group (families, newcomers, …): says nothing about age.
        _ => true,
    }
}

/// Parses a comma-separated list of stable names, ignoring unknown ones.
pub fn parse_list<T: Copy>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    text.split(',').filter_map(|s| parse(s.trim())).collect()
}

/// Counts below this are not shown to those who do not work with the records (boards,
/// municipalities): a count of 1 to 4 people could point at a neighbour.
pub const SMALL_CELL: i64 = 5;

/// A row of counts as shown with small-cell suppression, and its total: `None` where the
/// number is hidden. Counts from 1 to 4 are hidden, and so is the total when it is below 5.
/// When one count alone is hidden and the total is shown, the total would give it away, so the
/// smallest other non-zero count is hidden too (or the total, when there is none).
pub fn suppress_small_cells(cells: &[i64]) -> (Vec<Option<i64>>, Option<i64>) {
    let small = |n: i64| (1..SMALL_CELL).contains(&n);
    let total: i64 = cells.iter().sum();
    let mut shown: Vec<Option<i64>> = cells
        .iter()
        .map(|&n| if small(n) { None } else { Some(n) })
        .collect();
    let mut total_shown = if small(total) { None } else { Some(total) };
    if total_shown.is_some() && shown.iter().filter(|c| c.is_none()).count() == 1 {
        let partner = shown
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.filter(|n| *n > 0).map(|n| (n, i)))
            .min();
        match partner {
            Some((_, i)) => shown[i] = None,
            None => total_shown = None,
        }
    }
    (shown, total_shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_stored_without_registration_and_nothing_sensitive_without_its_consent() {
        let plain = Profile {
            name: "Karen".into(),
            ..Profile::default()
        };
        let sensitive = Profile {
            sensitive: vec![SensitiveCategory::Loneliness],
            ..plain.clone()
        };
        use ConsentScope::*;
        let table: [(&[ConsentScope], &Profile, Result<(), ConsentMissing>); 6] = [
            (&[], &plain, Err(ConsentMissing::Registration)),
            (&[Registration], &plain, Ok(())),
            (&[Registration], &sensitive, Err(ConsentMissing::Sensitive)),
            (&[Registration, Sensitive], &sensitive, Ok(())),
            (&[Sensitive], &sensitive, Err(ConsentMissing::Registration)),
            (
                &[Registration, Municipality, Measurement],
                &sensitive,
                Err(ConsentMissing::Sensitive),
            ),
        ];
        for (active, profile, expected) in table {
            assert_eq!(check_consent(active, profile), expected, "{active:?}");
        }
    }

    fn fit(interests: &[&str]) -> Fit {
        Fit {
            interests: interests.iter().map(|s| s.to_string()).collect(),
            ..Fit::default()
        }
    }

    #[test]
    fn suggestions_rank_by_what_fits_and_respect_needs() {
        let w = Wants {
            interests: vec!["food".into(), "crafts".into()],
            languages: vec!["ar".into(), "da".into()],
            weekdays: vec![2],
            day_parts: vec![DayPart::Afternoon],
            age_group: "elderly".into(),
            step_free: false,
            hearing_loop: false,
            free_only: false,
            home: Some((55.65, 12.29)),
            radius_m: 5_000.0,
        };
        let score = |f: &Fit| rank(&w, f).map(|(s, _)| s);
        let base = fit(&["food"]);
        // Each thing that fits lifts the offer.
        let better = [
            Fit {
                interests: vec!["food".into(), "crafts".into()],
                ..base.clone()
            },
            Fit {
                languages: vec!["ar".into()],
                names_languages: true,
                ..base.clone()
            },
            Fit {
                weekdays: vec![2],
                ..base.clone()
            },
            Fit {
                day_part: Some(DayPart::Afternoon),
                ..base.clone()
            },
            Fit {
                age_group: true,
                ..base.clone()
            },
            Fit {
                distance_m: Some(400.0),
                ..base.clone()
            },
            Fit {
                newcomers_welcome: true,
                ..base.clone()
            },
            Fit {
                free: true,
                ..base.clone()
            },
        ];
        for b in &better {
            assert!(score(b) > score(&base), "{b:?}");
        }
        // At a time of day they cannot: below one at an unknown time.
        assert!(
            score(&Fit {
                day_part: Some(DayPart::Evening),
                ..base.clone()
            }) < score(&base)
        );
        // Nearer ranks above further away.
        let near = Fit {
            distance_m: Some(300.0),
            ..base.clone()
        };
        let far = Fit {
            distance_m: Some(4_000.0),
            ..base.clone()
        };
        assert!(score(&near) > score(&far));
        // Nothing shared: not suggested.
        assert_eq!(score(&Fit::default()), None);
        assert_eq!(
            score(&Fit {
                distance_m: Some(50.0),
                free: true,
                ..Fit::default()
            }),
            None
        );
        // An offer for another age group is no suggestion.
        assert_eq!(
            score(&Fit {
                age_targets: vec!["young".into()],
                ..base.clone()
            }),
            None
        );
        assert!(
            score(&Fit {
                age_targets: vec!["adults".into(), "young".into()],
                ..base.clone()
            })
            .is_some()
        );
        // Needs are hard limits.
        let needs = Wants {
            step_free: true,
            hearing_loop: true,
            free_only: true,
            ..w.clone()
        };
        assert_eq!(rank(&needs, &base), None);
        let suits = Fit {
            step_free: true,
            hearing_loop: true,
            free: true,
            ..base.clone()
        };
        assert!(rank(&needs, &suits).is_some());
        assert_eq!(
            rank(
                &needs,
                &Fit {
                    hearing_loop: false,
                    ..suits.clone()
                }
            ),
            None,
            "no hearing loop"
        );
        // A person without Danish: offers in their language rank above Danish ones.
        let arabic_only = Wants {
            languages: vec!["ar".into()],
            ..w.clone()
        };
        let in_danish = Fit {
            names_languages: true,
            ..base.clone()
        };
        let in_arabic = Fit {
            languages: vec!["ar".into()],
            names_languages: true,
            ..base.clone()
        };
        let s = |f: &Fit| rank(&arabic_only, f).map(|(s, _)| s);
        assert!(s(&in_arabic) > s(&in_danish));
        // Reasons in the order shown.
        let (_, reasons) = rank(
            &w,
            &Fit {
                languages: vec!["ar".into()],
                names_languages: true,
                weekdays: vec![2],
                distance_m: Some(420.0),
                age_group: true,
                ..base.clone()
            },
        )
        .expect("fits");
        assert_eq!(
            reasons,
            vec![
                Reason::Interest("food".into()),
                Reason::Language("ar".into()),
                Reason::Weekday(2),
                Reason::Near(400),
                Reason::ForAgeGroup("elderly".into()),
            ]
        );
    }

    #[test]
    fn a_referrals_outcome_comes_from_attendance() {
        use ReferralStatus::*;
        let day = 86_400;
        let week = 7 * day;
        let now = 1_000 * week;
        type Case = (ReferralStatus, Option<(i64, bool)>, Vec<i64>, Outcome);
        let table: [Case; 10] = [
            (Suggested, None, vec![], Outcome::Suggested),
            (Declined, None, vec![], Outcome::Declined),
            (Accepted, None, vec![], Outcome::Accepted),
            (
                Accepted,
                Some((now + day, false)),
                vec![],
                Outcome::SignedUp,
            ),
            (
                Accepted,
                Some((now - 2 * day, false)),
                vec![],
                Outcome::DidNotCome,
            ),
            (
                Accepted,
                Some((now - 2 * day, true)),
                vec![now - 2 * day],
                Outcome::Attended,
            ),
            (
                Accepted,
                Some((now - 5 * week, true)),
                vec![now - 5 * week, now - week],
                Outcome::StillAfter4Weeks,
            ),
            (
                Accepted,
                Some((now - 13 * week, true)),
                vec![now - 13 * week, now - 6 * week, now - week],
                Outcome::StillAfter12Weeks,
            ),
            // Came on their own after saying nothing: attendance counts, not words.
            (Suggested, None, vec![now - week], Outcome::Attended),
            // Once only, five weeks ago: attended, not "still".
            (
                Accepted,
                Some((now - 5 * week, true)),
                vec![now - 5 * week],
                Outcome::Attended,
            ),
        ];
        for (status, signed_up, present, want) in table {
            assert_eq!(
                outcome(status, signed_up, &present, now),
                want,
                "{status:?} {signed_up:?} {present:?}"
            );
        }
    }

    #[test]
    fn small_cells_are_hidden_and_cannot_be_worked_out_from_the_total() {
        type Case<'a> = (&'a [i64], &'a [Option<i64>], Option<i64>);
        let cases: [Case; 6] = [
            (&[0, 0, 0], &[Some(0), Some(0), Some(0)], Some(0)),
            (&[7, 12, 0], &[Some(7), Some(12), Some(0)], Some(19)),
            // 3 alone hidden would be 22 - 7 - 12: the 7 goes too.
            (&[7, 12, 3], &[None, Some(12), None], Some(22)),
            (&[2, 4, 0], &[None, None, Some(0)], Some(6)),
            (&[1, 0, 2], &[None, Some(0), None], None),
            // Nothing else to hide with the 3: the total goes.
            (&[3, 0, 0], &[None, Some(0), Some(0)], None),
        ];
        for (cells, shown, total) in cases {
            assert_eq!(
                suppress_small_cells(cells),
                (shown.to_vec(), total),
                "{cells:?}"
            );
        }
    }

    #[test]
    fn the_time_of_day_is_read_from_the_when_text() {
        let cases = [
            ("Tirsdage kl. 17.30–19.30", Some(DayPart::Evening)),
            ("Onsdage kl. 10–12", Some(DayPart::Morning)),
            ("Hver anden torsdag kl.13.00", Some(DayPart::Afternoon)),
            ("Every Wednesday 09:30-11:00", Some(DayPart::Morning)),
            ("Sidste fredag i måneden 18.00", Some(DayPart::Evening)),
            ("Efter aftale", None),
            ("Lørdage i lige uger", None),
            ("Tlf. 2030 4050", None),
        ];
        for (text, part) in cases {
            assert_eq!(DayPart::of_when_text(text), part, "{text}");
        }
    }

    #[test]
    fn names_round_trip() {
        for s in SensitiveCategory::ALL {
            assert_eq!(SensitiveCategory::parse(s.as_str()), Some(*s));
        }
        assert_eq!(
            parse_list("visit, phone,nonsense", ContactKind::parse),
            vec![ContactKind::Visit, ContactKind::Phone]
        );
        let p = Profile {
            day_parts: vec![DayPart::Evening],
            sensitive: vec![SensitiveCategory::EvictionRisk],
            ..Profile::default()
        };
        let json = serde_json::to_string(&p).expect("json");
        assert!(json.contains("\"eviction_risk\""), "{json}");
        assert_eq!(serde_json::from_str::<Profile>(&json).expect("back"), p);
    }
}
