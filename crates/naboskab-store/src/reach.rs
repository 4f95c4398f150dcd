//! Reach: outreach records under consent, sealed at rest, audited on every read and write.
//!
//! A contact record belongs to one housing organisation (its outreach staff hold it). Every
//! function that returns or changes a record writes one `audit_log` row in the same
//! transaction ([`crate::audit`]); a failing audit write fails the operation. Everything that
//! says who the person is or how they are (the [`Profile`], log notes, follow-up texts) is
//! sealed with the installation's [`SealKey`]. Consent rules come from
//! [`naboskab_domain::reach::check_consent`]: nothing is stored or added without active
//! registration consent, nothing sensitive without sensitive consent; withdrawing
//! registration consent erases the record.
//!
//! [`owner_of`] reads only who holds a record (no personal data, not audited) so the caller
//! can ask the policy before reading anything else.

use crate::audit::{self, Auditor};
use crate::db::{Db, Row, Tx};
use crate::error::StoreError;
use crate::offers::ContactRequest;
use crate::params;
use crate::seal::SealKey;
use chrono::NaiveDate;
use naboskab_domain::reach::{
    ConsentMethod, ConsentMissing, ConsentScope, ContactKind, Outcome, Profile, ReferralStatus,
    check_consent, outcome,
};
use sha2::{Digest, Sha256};

/// `audit_log.subject_type` of a contact record.
pub const SUBJECT: &str = "outreach_contact";
/// `audit_log.subject_type` of a caseload listing.
pub const CASELOAD: &str = "outreach_caseload";
/// `audit_log.subject_type` of the referral counts of a housing organisation.
pub const FUNNEL: &str = "outreach_funnel";
/// `audit_log.subject_type` of a listing of "contact me" requests.
pub const REQUESTS: &str = "contact_request";

const PROFILE_COLUMN: &str = "outreach_contact.sealed";
const NOTE_COLUMN: &str = "outreach_log.note_sealed";
const FOLLOWUP_COLUMN: &str = "outreach_followup.what_sealed";
const BUDDY_COLUMN: &str = "outreach_referral.buddy_sealed";

/// Who holds a record, and the links that are not personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The housing organisation whose outreach staff hold the record.
    pub housing_org_id: i64,
    /// The person's department.
    pub department_id: Option<i64>,
}

/// A new record.
#[derive(Debug, Clone)]
pub struct NewContact {
    /// Holding housing organisation.
    pub housing_org_id: i64,
    /// The person's department.
    pub department_id: Option<i64>,
    /// The caretaker following the person.
    pub caretaker_id: Option<i64>,
    /// The person's own account, if any.
    pub user_id: Option<i64>,
    /// The "contact me" request it came from; its plain copy is blanked.
    pub contact_request_id: Option<i64>,
    /// What is known.
    pub profile: Profile,
    /// Demo data.
    pub fictitious: bool,
}

/// A consent being given.
#[derive(Debug, Clone)]
pub struct NewConsent {
    /// What it covers.
    pub scope: ConsentScope,
    /// How it was given.
    pub method: ConsentMethod,
    /// The text the person agreed to (stored as its SHA-256).
    pub text: String,
}

/// A consent as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    /// Id.
    pub id: i64,
    /// What it covers.
    pub scope: ConsentScope,
    /// How it was given.
    pub method: ConsentMethod,
    /// SHA-256 of the text agreed to.
    pub text_hash: String,
    /// When.
    pub given_at: i64,
    /// Recorded by.
    pub recorded_by: Option<i64>,
    /// When withdrawn.
    pub withdrawn_at: Option<i64>,
    /// Withdrawal recorded by.
    pub withdrawn_by: Option<i64>,
}

impl Consent {
    /// Not withdrawn.
    pub fn is_active(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

/// One logged contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// Id.
    pub id: i64,
    /// How.
    pub kind: ContactKind,
    /// Local date.
    pub happened_on: NaiveDate,
    /// Duration.
    pub minutes: Option<i64>,
    /// Short note.
    pub note: String,
    /// By.
    pub by_user: Option<i64>,
    /// Written.
    pub created_at: i64,
}

/// A follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Id.
    pub id: i64,
    /// Due date.
    pub due_on: NaiveDate,
    /// What to do.
    pub what: String,
    /// When done.
    pub done_at: Option<i64>,
    /// Created by.
    pub created_by: Option<i64>,
}

/// A whole record as its holders see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Id.
    pub id: i64,
    /// Who holds it.
    pub holder: Holder,
    /// The caretaker following the person.
    pub caretaker_id: Option<i64>,
    /// The person's own account.
    pub user_id: Option<i64>,
    /// What is known.
    pub profile: Profile,
    /// Demo data.
    pub fictitious: bool,
    /// Created.
    pub created_at: i64,
    /// Last contact (or creation).
    pub last_contact_at: i64,
    /// Consents, oldest first.
    pub consents: Vec<Consent>,
    /// Logged contacts, newest first.
    pub log: Vec<LogEntry>,
    /// Follow-ups, by due date.
    pub followups: Vec<FollowUp>,
    /// Referrals, newest first, each with where it stands.
    pub referrals: Vec<Referral>,
}

/// A referral of the person to an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    /// Id.
    pub id: i64,
    /// The activity.
    pub offer_id: Option<i64>,
    /// Its title (empty when the offer is gone).
    pub offer_title: String,
    /// The time the person was signed up for.
    pub occurrence_id: Option<i64>,
    /// What the person said.
    pub status: ReferralStatus,
    /// Where it stands (said, and done according to attendance).
    pub outcome: Outcome,
    /// When the time signed up for starts.
    pub starts_at: Option<i64>,
    /// Who goes along the first time (empty when nobody).
    pub buddy: String,
    /// When referred.
    pub created_at: i64,
}

impl Record {
    /// The scopes with active consent.
    pub fn active_scopes(&self) -> Vec<ConsentScope> {
        active_scopes(&self.consents)
    }
}

fn active_scopes(consents: &[Consent]) -> Vec<ConsentScope> {
    consents
        .iter()
        .filter(|c| c.is_active())
        .map(|c| c.scope)
        .collect()
}

/// One line of a caseload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadEntry {
    /// Record id.
    pub id: i64,
    /// Name or alias.
    pub name: String,
    /// Department.
    pub department_id: Option<i64>,
    /// Caretaker following the person.
    pub caretaker_id: Option<i64>,
    /// Last contact.
    pub last_contact_at: i64,
    /// The earliest open follow-up.
    pub next_due: Option<NaiveDate>,
    /// Open follow-ups.
    pub open_followups: i64,
    /// Demo data.
    pub fictitious: bool,
}

fn parse_date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Decode(format!("not a date: {text}")))
}

fn hash_text(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn seal_profile(key: &SealKey, p: &Profile) -> Result<String, StoreError> {
    let json = serde_json::to_string(p).map_err(|e| StoreError::Decode(e.to_string()))?;
    key.seal(PROFILE_COLUMN, &json)
}

fn open_profile(key: &SealKey, sealed: &str) -> Result<Profile, StoreError> {
    serde_json::from_str(&key.open(PROFILE_COLUMN, sealed)?)
        .map_err(|e| StoreError::Decode(e.to_string()))
}

fn consent_from(r: &Row) -> Result<Consent, StoreError> {
    let scope = r.string("scope")?;
    let method = r.string("method")?;
    Ok(Consent {
        id: r.i64("id")?,
        scope: ConsentScope::parse(&scope)
            .ok_or_else(|| StoreError::Decode(format!("consent scope {scope}")))?,
        method: ConsentMethod::parse(&method)
            .ok_or_else(|| StoreError::Decode(format!("consent method {method}")))?,
        text_hash: r.string("text_hash")?,
        given_at: r.i64("given_at")?,
        recorded_by: r.opt_i64("recorded_by")?,
        withdrawn_at: r.opt_i64("withdrawn_at")?,
        withdrawn_by: r.opt_i64("withdrawn_by")?,
    })
}

async fn consents_in(tx: &mut Tx, contact_id: i64) -> Result<Vec<Consent>, StoreError> {
    tx.query(
        "SELECT id, scope, method, text_hash, given_at, recorded_by, withdrawn_at, withdrawn_by FROM outreach_consent WHERE contact_id = $1 ORDER BY id",
        params![contact_id],
    )
    .await?
    .iter()
    .map(consent_from)
    .collect()
}

async fn insert_consent(
    tx: &mut Tx,
    contact_id: i64,
    c: &NewConsent,
    by: Option<i64>,
    now: i64,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO outreach_consent (contact_id, scope, method, text_hash, given_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)",
        params![contact_id, c.scope.as_str(), c.method.as_str(), hash_text(&c.text), now, by],
    )
    .await
    .map(|_| ())
}

/// Who holds a record (not audited: no personal data), or `None`.
pub async fn owner_of(db: &Db, id: i64) -> Result<Option<Holder>, StoreError> {
    db.query_opt(
        "SELECT housing_org_id, department_id FROM outreach_contact WHERE id = $1",
        params![id],
    )
    .await?
    .map(|r| {
        Ok(Holder {
            housing_org_id: r.i64("housing_org_id")?,
            department_id: r.opt_i64("department_id")?,
        })
    })
    .transpose()
}

/// Creates a record with the consents given at the first meeting; refused (nothing stored)
/// when they do not cover the profile.
pub async fn create_contact(
    db: &Db,
    key: &SealKey,
    c: &NewContact,
    consents: &[NewConsent],
    who: &Auditor,
    now: i64,
) -> Result<Result<i64, ConsentMissing>, StoreError> {
    let scopes: Vec<ConsentScope> = consents.iter().map(|c| c.scope).collect();
    if let Err(missing) = check_consent(&scopes, &c.profile) {
        return Ok(Err(missing));
    }
    let sealed = seal_profile(key, &c.profile)?;
    let mut tx = db.begin().await?;
    let id = tx
        .query_one(
            "INSERT INTO outreach_contact (housing_org_id, department_id, caretaker_id, user_id, contact_request_id, sealed, fictitious, created_by, created_at, updated_at, last_contact_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9) RETURNING id",
            params![
                c.housing_org_id,
                c.department_id,
                c.caretaker_id,
                c.user_id,
                c.contact_request_id,
                sealed,
                c.fictitious,
                who.user_id,
                now
            ],
        )
        .await?
        .i64("id")?;
    for consent in consents {
        insert_consent(&mut tx, id, consent, who.user_id, now).await?;
    }
    if let Some(request) = c.contact_request_id {
        // The sealed record now holds what the request said; the plain copy goes.
        tx.execute(
            "UPDATE contact_request SET name = '', phone = '', email = '', when_to_call = '', message = '', handled_at = $2 WHERE id = $1",
            params![request, now],
        )
        .await?;
    }
    audit::record_in(&mut tx, who, "create", SUBJECT, Some(id), now).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Reads a whole record (one audit row), or `None`.
pub async fn record(
    db: &Db,
    key: &SealKey,
    id: i64,
    who: &Auditor,
    now: i64,
) -> Result<Option<Record>, StoreError> {
    let mut tx = db.begin().await?;
    let record = record_in(&mut tx, key, id, who, "read", now).await?;
    if record.is_some() {
        tx.commit().await?;
    }
    Ok(record)
}

/// Everything about the person for a data-subject request (GDPR art. 15): the record and
/// every audit row about it, this export's own row included (one audit row, action
/// `export`).
pub async fn export(
    db: &Db,
    key: &SealKey,
    id: i64,
    who: &Auditor,
    now: i64,
) -> Result<Option<(Record, Vec<audit::AuditRow>)>, StoreError> {
    record_with_trail(db, key, id, who, "export", now).await
}

/// The record and its audit trail for a platform administrator who stated why (one audit
/// row, action `inspect`, the reason in its purpose: the person sees it in their export).
pub async fn inspect(
    db: &Db,
    key: &SealKey,
    id: i64,
    who: &Auditor,
    now: i64,
) -> Result<Option<(Record, Vec<audit::AuditRow>)>, StoreError> {
    record_with_trail(db, key, id, who, "inspect", now).await
}

async fn record_with_trail(
    db: &Db,
    key: &SealKey,
    id: i64,
    who: &Auditor,
    action: &str,
    now: i64,
) -> Result<Option<(Record, Vec<audit::AuditRow>)>, StoreError> {
    let mut tx = db.begin().await?;
    let Some(record) = record_in(&mut tx, key, id, who, action, now).await? else {
        return Ok(None);
    };
    let trail = audit::rows_about_in(&mut tx, SUBJECT, id).await?;
    tx.commit().await?;
    Ok(Some((record, trail)))
}

async fn record_in(
    tx: &mut Tx,
    key: &SealKey,
    id: i64,
    who: &Auditor,
    action: &str,
    now: i64,
) -> Result<Option<Record>, StoreError> {
    let Some(r) = tx
        .query_opt(
            "SELECT housing_org_id, department_id, caretaker_id, user_id, sealed, fictitious, created_at, last_contact_at FROM outreach_contact WHERE id = $1",
            params![id],
        )
        .await?
    else {
        return Ok(None);
    };
    audit::record_in(tx, who, action, SUBJECT, Some(id), now).await?;
    let consents = consents_in(tx, id).await?;
    let log = tx
        .query(
            "SELECT id, kind, happened_on, minutes, note_sealed, by_user, created_at FROM outreach_log WHERE contact_id = $1 ORDER BY happened_on DESC, id DESC",
            params![id],
        )
        .await?
        .iter()
        .map(|l| {
            let kind = l.string("kind")?;
            Ok(LogEntry {
                id: l.i64("id")?,
                kind: ContactKind::parse(&kind)
                    .ok_or_else(|| StoreError::Decode(format!("contact kind {kind}")))?,
                happened_on: parse_date(&l.string("happened_on")?)?,
                minutes: l.opt_i64("minutes")?,
                note: key.open(NOTE_COLUMN, &l.string("note_sealed")?)?,
                by_user: l.opt_i64("by_user")?,
                created_at: l.i64("created_at")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let followups = tx
        .query(
            "SELECT id, due_on, what_sealed, done_at, created_by FROM outreach_followup WHERE contact_id = $1 ORDER BY due_on, id",
            params![id],
        )
        .await?
        .iter()
        .map(|f| {
            Ok(FollowUp {
                id: f.i64("id")?,
                due_on: parse_date(&f.string("due_on")?)?,
                what: key.open(FOLLOWUP_COLUMN, &f.string("what_sealed")?)?,
                done_at: f.opt_i64("done_at")?,
                created_by: f.opt_i64("created_by")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let profile = open_profile(key, &r.string("sealed")?)?;
    let user_id = r.opt_i64("user_id")?;
    let referrals = referrals_in(tx, key, id, &profile, user_id, now).await?;
    let record = Record {
        id,
        holder: Holder {
            housing_org_id: r.i64("housing_org_id")?,
            department_id: r.opt_i64("department_id")?,
        },
        caretaker_id: r.opt_i64("caretaker_id")?,
        user_id,
        profile,
        fictitious: r.bool("fictitious")?,
        created_at: r.i64("created_at")?,
        last_contact_at: r.i64("last_contact_at")?,
        consents,
        log,
        followups,
        referrals,
    };
    Ok(Some(record))
}

/// Opens a write on a record: the transaction, its active consent scopes, and the audit row
/// for `action`. `None` when the record does not exist.
async fn write_on(
    db: &Db,
    id: i64,
    who: &Auditor,
    action: &str,
    now: i64,
) -> Result<Option<(Tx, Vec<ConsentScope>)>, StoreError> {
    let mut tx = db.begin().await?;
    let exists = tx
        .query_opt("SELECT id FROM outreach_contact WHERE id = $1", params![id])
        .await?
        .is_some();
    if !exists {
        return Ok(None);
    }
    let scopes = active_scopes(&consents_in(&mut tx, id).await?);
    audit::record_in(&mut tx, who, action, SUBJECT, Some(id), now).await?;
    Ok(Some((tx, scopes)))
}

/// Replaces what is known about the person; refused when consent does not cover it.
pub async fn update_profile(
    db: &Db,
    key: &SealKey,
    id: i64,
    profile: &Profile,
    caretaker_id: Option<i64>,
    who: &Auditor,
    now: i64,
) -> Result<Result<(), ConsentMissing>, StoreError> {
    let Some((mut tx, scopes)) = write_on(db, id, who, "update", now).await? else {
        return Err(StoreError::NotFound);
    };
    if let Err(missing) = check_consent(&scopes, profile) {
        return Ok(Err(missing));
    }
    tx.execute(
        "UPDATE outreach_contact SET sealed = $2, caretaker_id = $3, updated_at = $4 WHERE id = $1",
        params![id, seal_profile(key, profile)?, caretaker_id, now],
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Records a consent given later (e.g. to sensitive categories).
pub async fn give_consent(
    db: &Db,
    id: i64,
    consent: &NewConsent,
    who: &Auditor,
    now: i64,
) -> Result<(), StoreError> {
    let Some((mut tx, _)) = write_on(db, id, who, "consent", now).await? else {
        return Err(StoreError::NotFound);
    };
    insert_consent(&mut tx, id, consent, who.user_id, now).await?;
    tx.commit().await
}

/// What withdrawing a consent did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withdrawal {
    /// Registration withdrawn: the record is erased.
    Erased,
    /// Sensitive consent withdrawn: the sensitive categories are removed.
    SensitiveRemoved,
    /// Another scope withdrawn.
    Withdrawn,
    /// No active consent of that scope.
    NotActive,
}

/// Withdraws every active consent of `scope` in one action. Registration: the record is
/// erased (audited); sensitive: the sensitive categories are removed from the profile.
pub async fn withdraw_consent(
    db: &Db,
    key: &SealKey,
    id: i64,
    scope: ConsentScope,
    who: &Auditor,
    now: i64,
) -> Result<Withdrawal, StoreError> {
    if scope == ConsentScope::Registration {
        return Ok(if erase(db, id, who, now).await? {
            Withdrawal::Erased
        } else {
            Withdrawal::NotActive
        });
    }
    let Some((mut tx, scopes)) = write_on(db, id, who, "withdraw", now).await? else {
        return Err(StoreError::NotFound);
    };
    if !scopes.contains(&scope) {
        return Ok(Withdrawal::NotActive);
    }
    tx.execute(
        "UPDATE outreach_consent SET withdrawn_at = $3, withdrawn_by = $4 WHERE contact_id = $1 AND scope = $2 AND withdrawn_at IS NULL",
        params![id, scope.as_str(), now, who.user_id],
    )
    .await?;
    if scope != ConsentScope::Sensitive {
        tx.commit().await?;
        return Ok(Withdrawal::Withdrawn);
    }
    let sealed = tx
        .query_one(
            "SELECT sealed FROM outreach_contact WHERE id = $1",
            params![id],
        )
        .await?
        .string("sealed")?;
    let mut profile = open_profile(key, &sealed)?;
    profile.sensitive.clear();
    tx.execute(
        "UPDATE outreach_contact SET sealed = $2, updated_at = $3 WHERE id = $1",
        params![id, seal_profile(key, &profile)?, now],
    )
    .await?;
    tx.commit().await?;
    Ok(Withdrawal::SensitiveRemoved)
}

/// A contact being logged.
#[derive(Debug, Clone)]
pub struct NewLogEntry {
    /// How.
    pub kind: ContactKind,
    /// Local date.
    pub happened_on: NaiveDate,
    /// Duration.
    pub minutes: Option<i64>,
    /// Short note.
    pub note: String,
}

/// Logs a contact (needs active registration consent); moves "last contact" on.
pub async fn add_log(
    db: &Db,
    key: &SealKey,
    id: i64,
    entry: &NewLogEntry,
    who: &Auditor,
    now: i64,
) -> Result<Result<i64, ConsentMissing>, StoreError> {
    let Some((mut tx, scopes)) = write_on(db, id, who, "log", now).await? else {
        return Err(StoreError::NotFound);
    };
    if !scopes.contains(&ConsentScope::Registration) {
        return Ok(Err(ConsentMissing::Registration));
    }
    let log_id = tx
        .query_one(
            "INSERT INTO outreach_log (contact_id, kind, happened_on, minutes, note_sealed, by_user, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            params![
                id,
                entry.kind.as_str(),
                entry.happened_on.to_string(),
                entry.minutes,
                key.seal(NOTE_COLUMN, &entry.note)?,
                who.user_id,
                now
            ],
        )
        .await?
        .i64("id")?;
    tx.execute(
        "UPDATE outreach_contact SET last_contact_at = $2, updated_at = $2 WHERE id = $1",
        params![id, now],
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(log_id))
}

/// Adds a follow-up (needs active registration consent).
pub async fn add_followup(
    db: &Db,
    key: &SealKey,
    id: i64,
    due_on: NaiveDate,
    what: &str,
    who: &Auditor,
    now: i64,
) -> Result<Result<i64, ConsentMissing>, StoreError> {
    let Some((mut tx, scopes)) = write_on(db, id, who, "follow-up", now).await? else {
        return Err(StoreError::NotFound);
    };
    if !scopes.contains(&ConsentScope::Registration) {
        return Ok(Err(ConsentMissing::Registration));
    }
    let followup_id = tx
        .query_one(
            "INSERT INTO outreach_followup (contact_id, due_on, what_sealed, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            params![
                id,
                due_on.to_string(),
                key.seal(FOLLOWUP_COLUMN, what)?,
                who.user_id,
                now
            ],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(Ok(followup_id))
}

/// Marks a follow-up of this record done.
pub async fn complete_followup(
    db: &Db,
    id: i64,
    followup_id: i64,
    who: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let Some((mut tx, _)) = write_on(db, id, who, "follow-up done", now).await? else {
        return Err(StoreError::NotFound);
    };
    let changed = tx
        .execute(
            "UPDATE outreach_followup SET done_at = $3 WHERE id = $2 AND contact_id = $1 AND done_at IS NULL",
            params![id, followup_id, now],
        )
        .await?;
    tx.commit().await?;
    Ok(changed > 0)
}

/// Who a record's referrals are looked up for: the record, the person's account and phone
/// (attendance is matched through the sign-up, the account or the phone number).
struct Referred<'a> {
    contact_id: i64,
    user_id: Option<i64>,
    phone: &'a str,
}

/// A record's id, opened profile and the person's account.
struct OpenedRecord {
    id: i64,
    profile: Profile,
    user_id: Option<i64>,
}

/// Whom to look referrals up for, from opened records.
fn referred(records: &[OpenedRecord]) -> Vec<Referred<'_>> {
    records
        .iter()
        .map(|r| Referred {
            contact_id: r.id,
            user_id: r.user_id,
            phone: &r.profile.phone,
        })
        .collect()
}

/// The referrals of one record, newest first, each with where it stands.
async fn referrals_in(
    tx: &mut Tx,
    key: &SealKey,
    contact_id: i64,
    profile: &Profile,
    user_id: Option<i64>,
    now: i64,
) -> Result<Vec<Referral>, StoreError> {
    let one = [Referred {
        contact_id,
        user_id,
        phone: &profile.phone,
    }];
    Ok(referrals_of(tx, key, &one, now)
        .await?
        .pop()
        .unwrap_or_default())
}

/// The referrals of many records, newest first, each with where it stands, in the order of
/// `people`: two queries whatever their number (the referrals, then every check-in at the
/// same activities through a sign-up, account or phone of theirs).
async fn referrals_of(
    tx: &mut Tx,
    key: &SealKey,
    people: &[Referred<'_>],
    now: i64,
) -> Result<Vec<Vec<Referral>>, StoreError> {
    let mut out: Vec<Vec<Referral>> = people.iter().map(|_| Vec::new()).collect();
    if people.is_empty() {
        return Ok(out);
    }
    let mut sql = crate::db::Sql::new(
        "SELECT r.contact_id, r.id, r.offer_id, COALESCE(f.title, '') AS offer_title, r.occurrence_id, r.signup_id, r.status, r.created_at, o.starts_at, s.present, r.buddy_sealed
         FROM outreach_referral r LEFT JOIN offer f ON f.id = r.offer_id LEFT JOIN occurrence o ON o.id = r.occurrence_id LEFT JOIN signup s ON s.id = r.signup_id
         WHERE r.contact_id IN (",
    );
    sql.bind_list(people.iter().map(|p| p.contact_id))
        .push(") ORDER BY r.id DESC");
    let rows = tx.query_built(sql).await?;
    if rows.is_empty() {
        return Ok(out);
    }
    let offers: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.opt_i64("offer_id").transpose())
        .collect::<Result<_, _>>()?;
    let signups: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.opt_i64("signup_id").transpose())
        .collect::<Result<_, _>>()?;
    // Phones are compared by their blind index: sign-ups keep their phone sealed.
    let phone_index: Vec<String> = people
        .iter()
        .map(|p| key.blind_index("signup.phone", p.phone))
        .collect();
    let mut present = crate::db::Sql::new(
        "SELECT o.offer_id, s.id, s.user_id, s.phone_index, o.starts_at FROM signup s JOIN occurrence o ON o.id = s.occurrence_id
         WHERE s.present = ",
    );
    present
        .bind(true)
        .push(" AND o.offer_id IN (")
        .bind_list(offers)
        .push(") AND (s.id IN (")
        .bind_list(signups)
        .push(") OR s.user_id IN (")
        .bind_list(people.iter().filter_map(|p| p.user_id))
        .push(") OR s.phone_index IN (")
        .bind_list(phone_index.iter().filter(|i| !i.is_empty()).cloned())
        .push("))");
    // `(offer, sign-up, account, phone index, start)` of every check-in that may be theirs.
    let checked_in: Vec<(i64, i64, Option<i64>, String, i64)> = tx
        .query_built(present)
        .await?
        .iter()
        .map(|r| {
            Ok((
                r.i64("offer_id")?,
                r.i64("id")?,
                r.opt_i64("user_id")?,
                r.string("phone_index")?,
                r.i64("starts_at")?,
            ))
        })
        .collect::<Result<_, StoreError>>()?;
    for row in &rows {
        let contact_id = row.i64("contact_id")?;
        let Some(i) = people.iter().position(|p| p.contact_id == contact_id) else {
            continue;
        };
        let person = &people[i];
        let status_text = row.string("status")?;
        let status = ReferralStatus::parse(&status_text)
            .ok_or_else(|| StoreError::Decode(format!("referral status {status_text}")))?;
        let offer_id = row.opt_i64("offer_id")?;
        let signup_id = row.opt_i64("signup_id")?;
        let starts_at = row.opt_i64("starts_at")?;
        let signed_up = match (starts_at, signup_id) {
            (Some(start), Some(_)) => Some((start, row.opt_i64("present")?.unwrap_or(0) != 0)),
            _ => None,
        };
        // Every time of the same activity the person was checked in at: through this
        // sign-up, their account, or their phone number.
        let present_at: Vec<i64> = checked_in
            .iter()
            .filter(|(offer, signup, user, phone, _)| {
                Some(*offer) == offer_id
                    && (Some(*signup) == signup_id
                        || (user.is_some() && *user == person.user_id)
                        || (!phone_index[i].is_empty() && *phone == phone_index[i]))
            })
            .map(|c| c.4)
            .collect();
        out[i].push(Referral {
            id: row.i64("id")?,
            offer_id,
            offer_title: row.string("offer_title")?,
            occurrence_id: row.opt_i64("occurrence_id")?,
            status,
            outcome: outcome(status, signed_up, &present_at, now),
            starts_at,
            buddy: match row.opt_string("buddy_sealed")? {
                Some(sealed) => key.open(BUDDY_COLUMN, &sealed)?,
                None => String::new(),
            },
            created_at: row.i64("created_at")?,
        });
    }
    Ok(out)
}

/// A referral being made.
#[derive(Debug, Clone)]
pub struct NewReferral {
    /// The activity.
    pub offer_id: i64,
    /// The time the person was signed up for.
    pub occurrence_id: Option<i64>,
    /// That sign-up.
    pub signup_id: Option<i64>,
    /// What the person said.
    pub status: ReferralStatus,
    /// Who goes along the first time (a neighbour, a volunteer); empty when nobody.
    pub buddy: String,
}

/// Refers the person to an activity (needs active registration consent).
pub async fn refer(
    db: &Db,
    key: &SealKey,
    id: i64,
    r: &NewReferral,
    who: &Auditor,
    now: i64,
) -> Result<Result<i64, ConsentMissing>, StoreError> {
    let Some((mut tx, scopes)) = write_on(db, id, who, "refer", now).await? else {
        return Err(StoreError::NotFound);
    };
    if !scopes.contains(&ConsentScope::Registration) {
        return Ok(Err(ConsentMissing::Registration));
    }
    let buddy = match r.buddy.trim() {
        "" => None,
        b => Some(key.seal(BUDDY_COLUMN, b)?),
    };
    let referral = tx
        .query_one(
            "INSERT INTO outreach_referral (contact_id, offer_id, occurrence_id, signup_id, status, buddy_sealed, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            params![id, r.offer_id, r.occurrence_id, r.signup_id, r.status.as_str(), buddy, who.user_id, now],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(Ok(referral))
}

/// Records what the person said to a referral of this record.
pub async fn set_referral_status(
    db: &Db,
    id: i64,
    referral_id: i64,
    status: ReferralStatus,
    who: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let Some((mut tx, _)) = write_on(db, id, who, "referral answer", now).await? else {
        return Err(StoreError::NotFound);
    };
    let changed = tx
        .execute(
            "UPDATE outreach_referral SET status = $3, updated_at = $4 WHERE id = $2 AND contact_id = $1",
            params![id, referral_id, status.as_str(), now],
        )
        .await?;
    tx.commit().await?;
    Ok(changed > 0)
}

/// Adds a follow-up `what` (due `due_on`) to each record whose person a referral signed up
/// but who did not come (the time is a day past and they were not checked in there or at a
/// later time of the same activity), once per referral. Each record looked at gets one audit
/// row as the system's (`follow-up` when one was added, else `read`). Returns how many were
/// added.
pub async fn follow_up_no_shows(
    db: &Db,
    key: &SealKey,
    what: &str,
    due_on: NaiveDate,
    now: i64,
) -> Result<usize, StoreError> {
    let candidates: Vec<(i64, i64)> = db
        .query(
            "SELECT r.contact_id, r.id FROM outreach_referral r JOIN signup s ON s.id = r.signup_id JOIN occurrence o ON o.id = s.occurrence_id
             WHERE r.no_show_asked_at IS NULL AND r.status <> 'declined' AND s.present = $1 AND o.starts_at <= $2
             ORDER BY r.id",
            params![false, now - 86_400],
        )
        .await?
        .iter()
        .map(|r| Ok((r.i64("contact_id")?, r.i64("id")?)))
        .collect::<Result<_, StoreError>>()?;
    let who = Auditor::system("no-show follow-up");
    let mut added = 0;
    for (contact_id, referral_id) in candidates {
        let mut tx = db.begin().await?;
        let Some(c) = tx
            .query_opt(
                "SELECT sealed, user_id FROM outreach_contact WHERE id = $1",
                params![contact_id],
            )
            .await?
        else {
            continue;
        };
        let profile = open_profile(key, &c.string("sealed")?)?;
        let referrals = referrals_in(
            &mut tx,
            key,
            contact_id,
            &profile,
            c.opt_i64("user_id")?,
            now,
        )
        .await?;
        let no_show = referrals
            .iter()
            .any(|r| r.id == referral_id && r.outcome == Outcome::DidNotCome);
        let may_add = active_scopes(&consents_in(&mut tx, contact_id).await?)
            .contains(&ConsentScope::Registration);
        let add = no_show && may_add;
        let action = if add { "follow-up" } else { "read" };
        audit::record_in(&mut tx, &who, action, SUBJECT, Some(contact_id), now).await?;
        if add {
            tx.execute(
                "INSERT INTO outreach_followup (contact_id, due_on, what_sealed, created_by, created_at) VALUES ($1, $2, $3, $4, $5)",
                params![contact_id, due_on.to_string(), key.seal(FOLLOWUP_COLUMN, what)?, None::<i64>, now],
            )
            .await?;
            added += 1;
        }
        tx.execute(
            "UPDATE outreach_referral SET no_show_asked_at = $2 WHERE id = $1",
            params![referral_id, now],
        )
        .await?;
        tx.commit().await?;
    }
    Ok(added)
}

/// Referral outcomes counted for one department and caretaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelRow {
    /// The people's department.
    pub department_id: Option<i64>,
    /// The caretaker following them.
    pub caretaker_id: Option<i64>,
    /// Referrals per outcome, in the order of [`Outcome::ALL`].
    pub counts: [i64; 8],
}

/// Whose referrals are counted.
#[derive(Debug, Clone, Copy)]
pub enum CountScope<'a> {
    /// Records held by these housing organisations.
    HousingOrgs(&'a [i64]),
    /// Records of people living in these departments.
    Departments(&'a [i64]),
    /// Records of people living in departments in one municipality.
    Municipality {
        /// The municipality's organisation (for the audit row).
        org_id: i64,
        /// Its kommunekode.
        code: &'a str,
    },
}

/// How the referrals of the records in `scope` stand, counted per department and caretaker
/// (one audit row per organisation counted for: the count reads every referral). Three
/// queries, however many records.
pub async fn funnel(
    db: &Db,
    key: &SealKey,
    scope: CountScope<'_>,
    who: &Auditor,
    now: i64,
) -> Result<Vec<FunnelRow>, StoreError> {
    let mut sql = crate::db::Sql::new(
        "SELECT c.id, c.department_id, c.caretaker_id, c.sealed, c.user_id FROM outreach_contact c
         WHERE EXISTS (SELECT 1 FROM outreach_referral r WHERE r.contact_id = c.id) AND ",
    );
    let audited: Vec<i64> = match scope {
        CountScope::HousingOrgs(ids) | CountScope::Departments(ids) if ids.is_empty() => {
            return Ok(vec![]);
        }
        CountScope::HousingOrgs(ids) => {
            sql.push("c.housing_org_id IN (")
                .bind_list(ids.iter().copied());
            ids.to_vec()
        }
        CountScope::Departments(ids) => {
            sql.push("c.department_id IN (")
                .bind_list(ids.iter().copied());
            ids.to_vec()
        }
        CountScope::Municipality { org_id, code } => {
            sql.push("c.department_id IN (SELECT id FROM organisation WHERE municipality_code = ")
                .bind(code);
            vec![org_id]
        }
    };
    sql.push(") ORDER BY c.id");
    let mut tx = db.begin().await?;
    let rows = tx.query_built(sql).await?;
    for org in audited {
        audit::record_in(&mut tx, who, "count referrals", FUNNEL, Some(org), now).await?;
    }
    let people: Vec<OpenedRecord> = rows
        .iter()
        .map(|r| {
            Ok(OpenedRecord {
                id: r.i64("id")?,
                profile: open_profile(key, &r.string("sealed")?)?,
                user_id: r.opt_i64("user_id")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    let all = referrals_of(&mut tx, key, &referred(&people), now).await?;
    let mut out: Vec<FunnelRow> = Vec::new();
    for (r, referrals) in rows.iter().zip(all) {
        let (department_id, caretaker_id) =
            (r.opt_i64("department_id")?, r.opt_i64("caretaker_id")?);
        let row = match out
            .iter_mut()
            .position(|f| f.department_id == department_id && f.caretaker_id == caretaker_id)
        {
            Some(i) => &mut out[i],
            None => {
                out.push(FunnelRow {
                    department_id,
                    caretaker_id,
                    counts: [0; 8],
                });
                let last = out.len() - 1;
                &mut out[last]
            }
        };
        for referral in referrals {
            if let Some(i) = Outcome::ALL.iter().position(|o| *o == referral.outcome) {
                row.counts[i] += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(out)
}

/// The records held by these housing organisations (one audit row for the listing), names
/// opened, by the earliest open follow-up then name.
pub async fn caseload(
    db: &Db,
    key: &SealKey,
    housing_orgs: &[i64],
    who: &Auditor,
    now: i64,
) -> Result<Vec<CaseloadEntry>, StoreError> {
    if housing_orgs.is_empty() {
        return Ok(vec![]);
    }
    let mut tx = db.begin().await?;
    let mut sql = crate::db::Sql::new(
        "SELECT c.id, c.sealed, c.department_id, c.caretaker_id, c.last_contact_at, c.fictitious, MIN(f.due_on) AS min, COUNT(f.id) AS count
         FROM outreach_contact c LEFT JOIN outreach_followup f ON f.contact_id = c.id AND f.done_at IS NULL
         WHERE c.housing_org_id IN (",
    );
    sql.bind_list(housing_orgs.iter().copied());
    sql.push(") GROUP BY c.id, c.sealed, c.department_id, c.caretaker_id, c.last_contact_at, c.fictitious");
    let rows = tx.query_built(sql).await?;
    for org in housing_orgs {
        audit::record_in(&mut tx, who, "list", CASELOAD, Some(*org), now).await?;
    }
    let mut out = rows
        .iter()
        .map(|r| {
            Ok(CaseloadEntry {
                id: r.i64("id")?,
                name: open_profile(key, &r.string("sealed")?)?.name,
                department_id: r.opt_i64("department_id")?,
                caretaker_id: r.opt_i64("caretaker_id")?,
                last_contact_at: r.i64("last_contact_at")?,
                fictitious: r.bool("fictitious")?,
                next_due: r.opt_string("min")?.map(|d| parse_date(&d)).transpose()?,
                open_followups: r.i64("count")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    tx.commit().await?;
    out.sort_by(|a, b| {
        (a.next_due.is_none(), a.next_due, a.name.to_lowercase()).cmp(&(
            b.next_due.is_none(),
            b.next_due,
            b.name.to_lowercase(),
        ))
    });
    Ok(out)
}

/// The sign-ups referrals of a record made on the person's behalf (not through an account of
/// their own) for times still to come and not cancelled: they are cancelled through Join before
/// [`erase`], so the waitlist moves on.
pub async fn upcoming_referral_signups(db: &Db, id: i64, now: i64) -> Result<Vec<i64>, StoreError> {
    db.query(
        "SELECT s.id FROM outreach_referral r JOIN signup s ON s.id = r.signup_id JOIN occurrence o ON o.id = s.occurrence_id
         WHERE r.contact_id = $1 AND s.user_id IS NULL AND s.status <> 'cancelled' AND o.ends_at > $2 ORDER BY s.id",
        params![id, now],
    )
    .await?
    .iter()
    .map(|r| r.i64("id"))
    .collect()
}

/// A referral still waiting for what the person does, with whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingReferral {
    /// The record.
    pub contact_id: i64,
    /// The person's name or alias.
    pub name: String,
    /// The referral (outcome suggested, said yes, or signed up for a time to come).
    pub referral: Referral,
}

/// The referrals of these housing organisations' records still waiting for an outcome, the
/// soonest time first, then the oldest (one audit row per organisation).
pub async fn waiting_referrals(
    db: &Db,
    key: &SealKey,
    housing_orgs: &[i64],
    who: &Auditor,
    now: i64,
) -> Result<Vec<WaitingReferral>, StoreError> {
    if housing_orgs.is_empty() {
        return Ok(vec![]);
    }
    let mut tx = db.begin().await?;
    // Records with a referral not declined and not yet shown to have come (what attendance
    // says is settled per referral below).
    let mut sql = crate::db::Sql::new(
        "SELECT c.id, c.sealed, c.user_id FROM outreach_contact c
         WHERE EXISTS (SELECT 1 FROM outreach_referral r LEFT JOIN signup s ON s.id = r.signup_id
                       WHERE r.contact_id = c.id AND r.status <> 'declined' AND (s.id IS NULL OR s.present = ",
    );
    sql.bind(false)
        .push(")) AND c.housing_org_id IN (")
        .bind_list(housing_orgs.iter().copied())
        .push(") ORDER BY c.id");
    let rows = tx.query_built(sql).await?;
    for org in housing_orgs {
        audit::record_in(&mut tx, who, "list referrals", CASELOAD, Some(*org), now).await?;
    }
    let people: Vec<OpenedRecord> = rows
        .iter()
        .map(|r| {
            Ok(OpenedRecord {
                id: r.i64("id")?,
                profile: open_profile(key, &r.string("sealed")?)?,
                user_id: r.opt_i64("user_id")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    let all = referrals_of(&mut tx, key, &referred(&people), now).await?;
    let mut out = Vec::new();
    for (person, referrals) in people.iter().zip(all) {
        for referral in referrals {
            if matches!(
                referral.outcome,
                Outcome::Suggested | Outcome::Accepted | Outcome::SignedUp
            ) {
                out.push(WaitingReferral {
                    contact_id: person.id,
                    name: person.profile.name.clone(),
                    referral,
                });
            }
        }
    }
    tx.commit().await?;
    out.sort_by_key(|w| {
        (
            w.referral.starts_at.is_none(),
            w.referral.starts_at,
            w.referral.created_at,
        )
    });
    Ok(out)
}

/// Erases a record and everything under it (consents, log, follow-ups, referrals). The
/// sign-ups its referrals made on the person's behalf go too: cancelled ones are deleted, and
/// the rest lose name, address and phone (they stay as anonymous attendance). The audit row
/// stays, naming the record by id only. Returns whether there was one.
pub async fn erase(db: &Db, id: i64, who: &Auditor, now: i64) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    tx.execute(
        "DELETE FROM signup WHERE user_id IS NULL AND status = 'cancelled'
           AND id IN (SELECT signup_id FROM outreach_referral WHERE contact_id = $1 AND signup_id IS NOT NULL)",
        params![id],
    )
    .await?;
    tx.execute(
        "UPDATE signup SET name = '', email = '', phone = '', name_index = '', email_index = '', phone_index = '', updated_at = $2 WHERE user_id IS NULL
           AND id IN (SELECT signup_id FROM outreach_referral WHERE contact_id = $1 AND signup_id IS NOT NULL)",
        params![id, now],
    )
    .await?;
    let n = tx
        .execute("DELETE FROM outreach_contact WHERE id = $1", params![id])
        .await?;
    if n == 0 {
        return Ok(false);
    }
    audit::record_in(&mut tx, who, "erase", SUBJECT, Some(id), now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Erases every record without contact since `cutoff` (the retention job); each erasure is
/// audited as the system's. Returns how many.
pub async fn purge_inactive(db: &Db, cutoff: i64, now: i64) -> Result<usize, StoreError> {
    let ids: Vec<i64> = db
        .query(
            "SELECT id FROM outreach_contact WHERE last_contact_at < $1 ORDER BY id",
            params![cutoff],
        )
        .await?
        .iter()
        .map(|r| r.i64("id"))
        .collect::<Result<_, _>>()?;
    let who = Auditor::system("retention");
    let mut erased = 0;
    for id in ids {
        if erase(db, id, &who, now).await? {
            erased += 1;
        }
    }
    Ok(erased)
}

/// The "contact me" requests not yet taken up, for departments of these housing
/// organisations (one audit row per organisation), newest first.
pub async fn open_requests(
    db: &Db,
    key: &SealKey,
    housing_orgs: &[i64],
    who: &Auditor,
    now: i64,
) -> Result<Vec<ContactRequest>, StoreError> {
    if housing_orgs.is_empty() {
        return Ok(vec![]);
    }
    let mut tx = db.begin().await?;
    let mut sql = crate::db::Sql::new(
        "SELECT r.id, r.department_id, r.name, r.phone, r.email, r.preferred_language, r.when_to_call, r.message, r.consent_text, r.created_at
         FROM contact_request r JOIN organisation d ON d.id = r.department_id
         WHERE r.handled_at IS NULL AND d.parent_id IN (",
    );
    sql.bind_list(housing_orgs.iter().copied());
    sql.push(") ORDER BY r.created_at DESC, r.id DESC");
    let rows = tx.query_built(sql).await?;
    for org in housing_orgs {
        audit::record_in(&mut tx, who, "list", REQUESTS, Some(*org), now).await?;
    }
    let out = rows
        .iter()
        .map(|r| crate::offers::contact_request_from(key, r))
        .collect::<Result<Vec<_>, _>>()?;
    tx.commit().await?;
    Ok(out)
}
