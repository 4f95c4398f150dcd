//! The data-subject export of an outreach record (GDPR art. 15 and 20), shared by the page
//! that hands it over as JSON and the API: the record, its consents, contact log, follow-ups
//! and referrals, and its audit trail, in one stable shape. The same wire shapes serve the
//! API's record answers.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use naboskab_domain::reach::Profile;
use naboskab_store::reach::{self as store, Record};
use serde::Serialize;
use utoipa::ToSchema;

/// A consent.
#[derive(Serialize, ToSchema)]
pub struct ConsentOut {
    /// registration, sensitive, municipality or measurement.
    pub scope: String,
    /// written, verbal or digital.
    pub method: String,
    /// When given.
    pub given_at: String,
    /// When withdrawn.
    pub withdrawn_at: Option<String>,
    /// SHA-256 of the consent text read out or handed over.
    pub text_sha256: String,
}

/// A logged contact.
#[derive(Serialize, ToSchema)]
pub struct LogOut {
    /// door_knock, visit, phone, at_activity or drop_in.
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Minutes.
    pub minutes: Option<i64>,
    /// Short note.
    pub note: String,
}

/// A follow-up.
#[derive(Serialize, ToSchema)]
pub struct FollowUpOut {
    /// Id.
    pub id: i64,
    /// Due (`YYYY-MM-DD`).
    pub due: String,
    /// What to do.
    pub what: String,
    /// When done.
    pub done_at: Option<String>,
}

/// A referral and where it stands.
#[derive(Serialize, ToSchema)]
pub struct ReferralOut {
    /// Id.
    pub id: i64,
    /// The activity (offer id).
    pub offer_id: Option<i64>,
    /// Its title.
    pub activity: String,
    /// What the person said: suggested, accepted or declined.
    pub status: String,
    /// Where it stands, from attendance: suggested, accepted, signed_up, attended,
    /// still_4_weeks, still_12_weeks, did_not_come or declined.
    pub outcome: String,
    /// The time signed up for (occurrence id).
    pub occurrence_id: Option<i64>,
    /// When that time starts.
    pub starts_at: Option<String>,
    /// Who goes along the first time (may be empty).
    pub buddy: String,
    /// When referred.
    pub created_at: String,
}

/// A consent on the wire (the API and the data-subject export).
pub fn consent_out(c: &store::Consent) -> ConsentOut {
    ConsentOut {
        scope: c.scope.as_str().into(),
        method: c.method.as_str().into(),
        given_at: at_text(c.given_at),
        withdrawn_at: c.withdrawn_at.map(at_text),
        text_sha256: c.text_hash.clone(),
    }
}

/// A logged contact on the wire.
pub fn log_out(l: &store::LogEntry) -> LogOut {
    LogOut {
        kind: l.kind.as_str().into(),
        date: l.happened_on.to_string(),
        minutes: l.minutes,
        note: l.note.clone(),
    }
}

/// A follow-up on the wire.
pub fn followup_out(f: &store::FollowUp) -> FollowUpOut {
    FollowUpOut {
        id: f.id,
        due: f.due_on.to_string(),
        what: f.what.clone(),
        done_at: f.done_at.map(at_text),
    }
}

/// A referral on the wire.
pub fn referral_out(x: &store::Referral) -> ReferralOut {
    ReferralOut {
        id: x.id,
        offer_id: x.offer_id,
        activity: x.offer_title.clone(),
        status: x.status.as_str().into(),
        outcome: x.outcome.as_str().into(),
        occurrence_id: x.occurrence_id,
        starts_at: x.starts_at.map(at_text),
        buddy: x.buddy.clone(),
        created_at: at_text(x.created_at),
    }
}

/// Everything about a person, as handed to them (GDPR art. 15 and 20).
#[derive(serde::Serialize)]
pub struct Export {
    pub exported_at: String,
    pub record: ExportRecord,
    /// Who looked at or changed the record: when, in which role, what, why.
    pub access_log: Vec<ExportAccess>,
}

#[derive(serde::Serialize)]
pub struct ExportRecord {
    pub id: i64,
    pub housing_organisation: String,
    pub department: Option<String>,
    pub created_at: String,
    pub last_contact_at: String,
    pub profile: Profile,
    pub consents: Vec<ConsentOut>,
    pub contact_log: Vec<LogOut>,
    pub follow_ups: Vec<FollowUpOut>,
    pub referrals: Vec<ReferralOut>,
}

#[derive(serde::Serialize)]
pub struct ExportAccess {
    pub at: String,
    pub role: String,
    pub action: String,
    pub purpose: String,
}

/// A time as RFC 3339 in Danish local time (exports and the API).
pub fn at_text(t: i64) -> String {
    naboskab_domain::schedule::rfc3339_local(
        chrono::DateTime::from_timestamp(t, 0).unwrap_or_default(),
    )
}

/// Reads the export (one audit row, action `export`) after the policy said yes.
pub async fn export_of(st: &AppState, ctx: &Ctx, id: i64) -> AppResult<Export> {
    let (r, trail) = naboskab_app::reach::read_export(&st.app, &ctx.actor, id).await?;
    export_view(st, r, trail).await
}

/// A record and its audit trail as the export shows them.
pub async fn export_view(
    st: &AppState,
    r: Record,
    trail: Vec<naboskab_store::audit::AuditRow>,
) -> AppResult<Export> {
    let name_of = |org: Option<i64>| async move {
        match org {
            Some(o) => naboskab_app::places::name_of(&st.app, o).await,
            None => Ok(None),
        }
    };
    Ok(Export {
        exported_at: at_text(st.now()),
        record: ExportRecord {
            id: r.id,
            housing_organisation: name_of(Some(r.holder.housing_org_id))
                .await?
                .unwrap_or_default(),
            department: name_of(r.holder.department_id).await?,
            created_at: at_text(r.created_at),
            last_contact_at: at_text(r.last_contact_at),
            consents: r.consents.iter().map(consent_out).collect(),
            contact_log: r.log.iter().map(log_out).collect(),
            follow_ups: r.followups.iter().map(followup_out).collect(),
            referrals: r.referrals.iter().map(referral_out).collect(),
            profile: r.profile,
        },
        access_log: trail
            .into_iter()
            .map(|a| ExportAccess {
                at: at_text(a.at),
                role: a.actor_role,
                action: a.action,
                purpose: a.purpose,
            })
            .collect(),
    })
}
