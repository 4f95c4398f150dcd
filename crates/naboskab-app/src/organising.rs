//! Join, for organisers: an offer's schedules (a new series beside the others or replacing
//! one from a day on), one occurrence moved, given another place or cancelled with a reason
//! everyone signed up is told, and the check-in list (who came, walk-ins, an anonymous
//! headcount). Every use case works on a [`Managed`] offer or occurrence, made here only after
//! asking whether the actor may manage the offer.

use crate::error::{Error, FieldError, Result};
use crate::join::cancellation_notice;
use crate::offers::can_manage;
use crate::{App, Managed};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use naboskab_domain::Actor;
use naboskab_domain::schedule::{self, ScheduleError, Series};
use naboskab_store::join::{self, NewSeries, Occurrence, OccurrenceEdit, Participant, SeriesRow};
use naboskab_store::offers::{self, Offer};

/// How a new series repeats, as the form offers it.
pub const REPEATS: [&str; 6] = [
    "once",
    "weekly",
    "fortnightly",
    "monthly_first",
    "monthly_last",
    "rule",
];

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The longest place name and walk-in name, in characters.
const MAX_PLACE_CHARS: usize = 200;
const MAX_WALK_IN_CHARS: usize = 100;
const MAX_CANCEL_REASON_CHARS: usize = 500;

/// Refuses unless `actor` may manage `offer`: nobody signed in is
/// [`Error::SignInRequired`], anyone else [`Error::Forbidden`].
async fn require_manage(app: &App, actor: &Actor, offer: &Offer) -> Result<()> {
    if can_manage(app, actor, offer).await? {
        Ok(())
    } else if actor.user_id.is_none() {
        Err(Error::SignInRequired)
    } else {
        Err(Error::Forbidden)
    }
}

/// An offer `actor` may manage the schedules of.
pub async fn managed_offer(app: &App, actor: &Actor, id: i64) -> Result<Managed<Offer>> {
    if actor.user_id.is_none() {
        return Err(Error::SignInRequired);
    }
    let offer = offers::offer(&app.db, id).await?.ok_or(Error::NotFound)?;
    require_manage(app, actor, &offer).await?;
    Ok(Managed::checked(offer))
}

/// An occurrence of an offer `actor` may manage.
pub async fn managed_occurrence(app: &App, actor: &Actor, id: i64) -> Result<Managed<Occurrence>> {
    let occ = join::occurrence(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    let offer = offers::offer(&app.db, occ.offer_id)
        .await?
        .ok_or(Error::NotFound)?;
    require_manage(app, actor, &offer).await?;
    Ok(Managed::checked(occ))
}

/// The series of an offer, in the order they were added.
pub async fn series_of(app: &App, offer: &Managed<Offer>) -> Result<Vec<SeriesRow>> {
    Ok(join::series_of_offer(&app.db, offer.id).await?)
}

/// A new series as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct SeriesDraft {
    /// First start, local `YYYY-MM-DDTHH:MM`.
    pub start: String,
    /// Length in minutes.
    pub duration_min: String,
    /// One of [`REPEATS`].
    pub repeat: String,
    /// An RFC 5545 rule, when `repeat` is `rule`.
    pub rule: String,
    /// Last day, `YYYY-MM-DD` (empty: no end).
    pub until: String,
    /// Places (empty: no limit).
    pub capacity: String,
    /// "1" when people sign up.
    pub signup_required: String,
    /// Where, when not the offer's address.
    pub place: String,
    /// A series of the offer this one replaces from `from` onward (empty: added beside).
    pub replaces: String,
    /// The first day the replacement applies, `YYYY-MM-DD`.
    pub from: String,
}

impl SeriesDraft {
    /// The checked series, or every problem by field.
    fn check(&self) -> std::result::Result<NewSeries, Vec<FieldError>> {
        let mut problems = Vec::new();
        let mut bad = |field: &str, key: &'static str| problems.push(FieldError::new(field, key));
        let start = schedule::parse_local(&self.start);
        if start.is_none() {
            bad("start", "field-datetime-invalid");
        }
        let duration = match self.duration_min.trim().parse::<i64>() {
            Ok(d) if (1..=schedule::MAX_DURATION_MIN).contains(&d) => d,
            _ => {
                bad("duration_min", "field-duration-invalid");
                0
            }
        };
        let day = start.map_or("MO", |s| BYDAY[s.weekday().num_days_from_monday() as usize]);
        let mut rule = match self.repeat.as_str() {
            "once" | "" => None,
            "weekly" => Some(format!("FREQ=WEEKLY;BYDAY={day}")),
            "fortnightly" => Some(format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={day}")),
            "monthly_first" => Some(format!("FREQ=MONTHLY;BYDAY=1{day}")),
            "monthly_last" => Some(format!("FREQ=MONTHLY;BYDAY=-1{day}")),
            "rule" => Some(self.rule.trim().to_owned()),
            _ => {
                bad("repeat", "field-choose-from-list");
                None
            }
        };
        let until = self.until.trim();
        if !until.is_empty() {
            match NaiveDate::parse_from_str(until, "%Y-%m-%d") {
                Ok(d) => {
                    if let Some(r) = &mut rule
                        && !r.contains("UNTIL=")
                        && !r.contains("COUNT=")
                    {
                        r.push_str(&format!(";UNTIL={}", d.format("%Y%m%d")));
                    }
                }
                Err(_) => bad("until", "field-date-invalid"),
            }
        }
        let capacity = match self.capacity.trim() {
            "" => None,
            c => match c.parse::<i64>() {
                Ok(n) if (1..=10_000).contains(&n) => Some(n),
                _ => {
                    bad("capacity", "field-number-invalid");
                    None
                }
            },
        };
        if self.place.chars().count() > MAX_PLACE_CHARS {
            bad("place", "field-too-long");
        }
        let series = match (start, problems.is_empty()) {
            (Some(s), true) => {
                match Series::new(&schedule::format_local(s), duration, rule.as_deref(), &[]) {
                    Ok(series) => Some(series),
                    Err(ScheduleError::Rule(_)) => {
                        problems.push(FieldError::new("rule", "field-rule-invalid"));
                        None
                    }
                    Err(_) => {
                        problems.push(FieldError::new("start", "field-datetime-invalid"));
                        None
                    }
                }
            }
            _ => None,
        };
        match series {
            Some(series) if problems.is_empty() => Ok(NewSeries {
                series,
                place: self.place.trim().to_owned(),
                signup_required: self.signup_required == "1",
                capacity,
            }),
            _ => Err(problems),
        }
    }

    /// The series this one replaces and the first local day it applies, when it replaces
    /// one of `known`.
    fn replacing(
        &self,
        known: &[SeriesRow],
    ) -> std::result::Result<Option<(i64, NaiveDateTime)>, FieldError> {
        let replaces = self.replaces.trim();
        if replaces.is_empty() {
            return Ok(None);
        }
        let series = replaces
            .parse::<i64>()
            .ok()
            .filter(|r| known.iter().any(|s| s.id == *r))
            .ok_or_else(|| FieldError::new("replaces", "field-choose-from-list"))?;
        let from = NaiveDate::parse_from_str(self.from.trim(), "%Y-%m-%d")
            .map_err(|_| FieldError::new("from", "field-date-invalid"))?;
        Ok(Some((series, from.and_time(chrono::NaiveTime::MIN))))
    }
}

/// Adds a series to an offer the actor manages: beside the others, or replacing one of its
/// series from a day on (the occurrences before that day stay as they were).
pub async fn add_series(
    app: &App,
    actor: &Actor,
    offer: &Managed<Offer>,
    draft: &SeriesDraft,
) -> Result<()> {
    let known = series_of(app, offer).await?;
    let (series, replacing) = match (draft.check(), draft.replacing(&known)) {
        (Ok(series), Ok(replacing)) => (series, replacing),
        (Err(mut problems), Err(p)) => {
            problems.push(p);
            return Err(Error::Invalid(problems));
        }
        (Err(problems), _) => return Err(Error::Invalid(problems)),
        (_, Err(p)) => return Err(Error::Invalid(vec![p])),
    };
    match replacing {
        Some((old, from)) => join::split_series(&app.db, old, from, &series, app.now()).await?,
        None => join::create_series(&app.db, offer.id, &series, app.now()).await?,
    };
    tracing::info!(offer = offer.id, by = ?actor.user_id, "series added");
    Ok(())
}

/// A change to one occurrence as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct OccurrenceDraft {
    /// Start, local `YYYY-MM-DDTHH:MM` (unchanged: not moved).
    pub start: String,
    /// Where.
    pub place: String,
    /// Why it is cancelled, told to everyone signed up.
    pub cancel_reason: String,
    /// "1" to cancel it.
    pub cancel: String,
}

impl OccurrenceDraft {
    fn cancels(&self) -> bool {
        self.cancel == "1"
    }
}

/// Moves, relocates or cancels one occurrence of an offer the actor manages; everyone signed
/// up is told of a move or a cancellation in their language.
pub async fn change_occurrence(
    app: &App,
    actor: &Actor,
    occ: &Managed<Occurrence>,
    draft: &OccurrenceDraft,
) -> Result<()> {
    let mut problems = Vec::new();
    let new_start = match schedule::parse_local(&draft.start) {
        Some(s) if s != schedule::utc_to_local(occ.starts_at) => Some(s),
        Some(_) => None,
        None => {
            problems.push(FieldError::new("start", "field-datetime-invalid"));
            None
        }
    };
    if draft.cancels() && draft.cancel_reason.trim().is_empty() {
        problems.push(FieldError::new(
            "cancel_reason",
            "field-cancel-reason-required",
        ));
    }
    if draft.place.chars().count() > MAX_PLACE_CHARS
        || draft.cancel_reason.chars().count() > MAX_CANCEL_REASON_CHARS
    {
        problems.push(FieldError::new("place", "field-too-long"));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let place = draft.place.trim();
    let edit = OccurrenceEdit {
        new_start,
        place: (place != occ.place).then(|| place.to_owned()),
        cancel_reason: draft
            .cancels()
            .then(|| draft.cancel_reason.trim().to_owned()),
    };
    app.catalogue.refresh(&app.db).await?;
    let notify = cancellation_notice(app);
    join::edit_occurrence(&app.db, occ.id, &edit, &notify, app.now()).await?;
    tracing::info!(occurrence = occ.id, cancel = draft.cancels(), by = ?actor.user_id, "occurrence changed");
    Ok(())
}

/// The check-in list of an occurrence: who signed up (confirmed first) and who came without.
pub async fn check_in_list(
    app: &App,
    occ: &Managed<Occurrence>,
) -> Result<(Vec<Participant>, Vec<(i64, String)>)> {
    Ok((
        join::participants(&app.db, occ.id).await?,
        join::walk_ins(&app.db, occ.id).await?,
    ))
}

/// One change to the check-in list as typed; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckIn {
    /// A sign-up of this occurrence marked as came (`Some(true)`) or not (`Some(false)`).
    pub present: Option<(i64, bool)>,
    /// Someone who came without signing up.
    pub walk_in: String,
    /// The anonymous headcount.
    pub headcount: String,
}

/// Applies a change to the check-in list of an occurrence the actor manages. A sign-up of
/// another occurrence is [`Error::NotFound`]; the parts that are fine are stored even when
/// another part is refused, and the refused ones are named.
pub async fn check_in(app: &App, occ: &Managed<Occurrence>, change: &CheckIn) -> Result<()> {
    let mut problems = Vec::new();
    if let Some((signup, came)) = change.present {
        let belongs = join::participants(&app.db, occ.id)
            .await?
            .iter()
            .any(|p| p.id == signup);
        if !belongs {
            return Err(Error::NotFound);
        }
        join::set_present(&app.db, signup, came).await?;
    }
    let walk_in = change.walk_in.trim();
    if !walk_in.is_empty() {
        if walk_in.chars().count() > MAX_WALK_IN_CHARS {
            problems.push(FieldError::new("walk_in", "field-too-long"));
        } else {
            join::add_walk_in(&app.db, occ.id, walk_in, app.now()).await?;
        }
    }
    let headcount = change.headcount.trim();
    if !headcount.is_empty() {
        match headcount.parse::<i64>() {
            Ok(n) if (0..=10_000).contains(&n) => {
                join::set_headcount(&app.db, occ.id, Some(n)).await?
            }
            _ => problems.push(FieldError::new("headcount", "field-number-invalid")),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}
