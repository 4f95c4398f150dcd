//! The applicant's report after the year on a granted application: what was spent on each
//! budget line, how many took part (suggested from the attendance and headcounts of the
//! activities' offers in the call's year, and editable), the volunteers' hours on them that
//! year (from the organisers' records), and what happened. What was granted
//! and not spent is shown as to be paid back. A report is made once, by the applicant.

use super::applications::{ApplicationView, Reader, application};
use super::{Amount, Problems, TEXT_MAX_CHARS, auditor};
use crate::App;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use chrono::NaiveDate;
use naboskab_domain::grants::{ApplicationStatus, wall_time_to_utc};
use naboskab_domain::{Actor, Role};
use naboskab_store::grants as store;
use naboskab_store::join::attendance_summary;

/// What the platform knows of the activities' attendance in the call's year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attendance {
    /// Attendances counted (present sign-ups, walk-ins, headcounts).
    pub attendances: i64,
    /// Different people among the signed-up attendees.
    pub people: i64,
    /// Volunteers who helped on the activities (the applicant's activities when none is
    /// linked to an offer) in the year, and their minutes.
    pub volunteers: i64,
    /// Minutes those volunteers helped.
    pub volunteer_minutes: i64,
}

/// The report as typed.
#[derive(Debug, Clone, Default)]
pub struct ReportDraft {
    /// Spent on each budget line, in the lines' order.
    pub spent: Vec<Amount>,
    /// How many took part, as typed.
    pub participants: String,
    /// What happened.
    pub narrative: String,
    /// The applicant declares the accounts certified by an auditor.
    pub accounts_certified: bool,
}

/// Whether the report on this application needs certified accounts: the call asks for them
/// above a threshold, and the grant is above it.
pub fn needs_certified_accounts(v: &ApplicationView) -> bool {
    match (
        v.call.certified_accounts_above_ore,
        v.application.amount_granted_ore,
    ) {
        (Some(threshold), Some(granted)) => granted > threshold,
        _ => false,
    }
}

/// A granted application the actor may report on.
async fn reportable(app: &App, actor: &Actor, id: i64) -> Result<ApplicationView> {
    let v = application(app, actor, id).await?;
    if v.reader != Reader::Applicant {
        return Err(Error::Forbidden);
    }
    if v.application.status != ApplicationStatus::Granted {
        return Err(Error::Conflict("grant-not-granted"));
    }
    Ok(v)
}

/// The application to report on, with the attendance of its activities' offers in the call's
/// year (Copenhagen's calendar year), to suggest how many took part.
pub async fn report_form(
    app: &App,
    actor: &Actor,
    id: i64,
) -> Result<(ApplicationView, Attendance)> {
    let v = reportable(app, actor, id).await?;
    let year_start = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(wall_time_to_utc)
    };
    let (Some(from), Some(to)) = (year_start(v.call.year), year_start(v.call.year + 1)) else {
        return Ok((v, Attendance::default()));
    };
    let mut seen = Attendance::default();
    let offers: Vec<i64> = v
        .application
        .fields
        .activities
        .iter()
        .filter_map(|a| a.offer_id)
        .collect();
    for offer in &offers {
        let s = attendance_summary(&app.db, *offer, from, to).await?;
        seen.attendances += s.participants;
        seen.people += s.unique_participants;
    }
    let hours =
        crate::volunteering::hours_in_year(app, &[v.application.organisation_id], v.call.year)
            .await?;
    let counted: Vec<_> = hours
        .iter()
        .filter(|h| offers.is_empty() || offers.contains(&h.offer_id))
        .collect();
    seen.volunteer_minutes = counted.iter().map(|h| h.minutes).sum();
    let mut people: Vec<i64> = counted.iter().map(|h| h.user_id).collect();
    people.sort_unstable();
    people.dedup();
    seen.volunteers = people.len() as i64;
    Ok((v, seen))
}

/// Reports on a granted application: every budget line's spending (not negative), how many
/// took part (0–1,000,000) and what happened (required); every problem is named.
pub async fn report(app: &App, actor: &Actor, id: i64, draft: &ReportDraft) -> Result<()> {
    let v = reportable(app, actor, id).await?;
    let mut p = Problems::default();
    let lines = &v.application.fields.budget;
    let spent: Vec<i64> = (0..lines.len())
        .map(|i| {
            let typed = draft.spent.get(i).cloned().unwrap_or_default();
            p.amount(&format!("spent[{i}]"), &typed, true).unwrap_or(0)
        })
        .collect();
    let participants = match draft.participants.trim().parse::<i64>() {
        Ok(n) if (0..=1_000_000).contains(&n) => n,
        _ => {
            p.add("participants", "field-invalid");
            0
        }
    };
    let narrative = p.text("narrative", &draft.narrative, true, TEXT_MAX_CHARS);
    if needs_certified_accounts(&v) && !draft.accounts_certified {
        p.add("accounts_certified", "field-grant-certified-required");
    }
    p.done(())?;
    let by = auditor(actor, Role::Organiser, "grant report");
    let reported = store::ReportFields {
        spent_ore: &spent,
        participants,
        narrative: &narrative,
        accounts_certified: draft.accounts_certified,
    };
    if !store::report(&app.db, id, &reported, &by, app.now()).await? {
        return Err(Error::Conflict("grant-not-granted"));
    }
    tracing::info!(application = id, "grant reported");
    Ok(())
}

/// How long before the report deadline the applicant is reminded.
pub const REMIND_BEFORE_SECONDS: i64 = 14 * 86_400;

/// Reminds the author of every granted application whose report is due within two weeks,
/// once (claimed in the database, so a restart or a second instance never sends twice), in
/// their language. Returns how many were reminded.
pub async fn remind_due(app: &App) -> Result<usize> {
    let now = app.now();
    let mut sent = 0;
    for (id, author) in store::due_for_report_reminder(&app.db, now, REMIND_BEFORE_SECONDS).await? {
        if !store::claim_report_reminder(&app.db, id, now).await? {
            continue;
        }
        let Some(a) = store::application(&app.db, id).await? else {
            continue;
        };
        let Some(due) = store::call(&app.db, a.call_id)
            .await?
            .and_then(|c| c.report_due_at)
        else {
            continue;
        };
        let user = match author {
            Some(u) => naboskab_store::users::user_by_id(&app.db, u).await?,
            None => None,
        };
        let Some(user) = user else {
            continue;
        };
        let locale = user
            .preferred_locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(Locale::Da);
        let due = chrono::DateTime::from_timestamp(due, 0)
            .map(|t| crate::i18n::format_datetime(locale, t))
            .unwrap_or_default();
        crate::messaging::queue_mail(
            app,
            locale,
            &user.email,
            Some(user.id),
            (
                "mail-grant-report-due-subject",
                "mail-grant-report-due-body",
            ),
            &[
                ("name", user.display_name.clone()),
                ("application", a.fields.title.clone()),
                ("due", due),
                (
                    "link",
                    format!("{}/grants/applications/{id}/report", app.config.base_url),
                ),
            ],
        )
        .await?;
        sent += 1;
    }
    Ok(sent)
}
