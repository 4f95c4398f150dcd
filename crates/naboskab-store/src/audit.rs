//! The audit log: who did what to which record, in which role and for what purpose.
//!
//! Rows are written inside the transaction of the read or write they describe, so a record
//! is never read or changed without its row, and a failing audit write fails the whole
//! operation (GDPR-05). The table is append-only (a trigger refuses UPDATE and DELETE).
//! Rows name records by id only, so an erased person's audit trail stays as pseudonymous
//! history.

use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::params;

/// Who is acting, in which role, and why: written with every audited operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auditor {
    /// The account acting; `None` for the system (the retention job).
    pub user_id: Option<i64>,
    /// The role the access was granted through (e.g. `social_caretaker`, `system`).
    pub role: String,
    /// Why (e.g. `caseload`, `follow-up`, `data-subject export`, `retention`).
    pub purpose: String,
}

impl Auditor {
    /// The system itself (scheduled jobs).
    pub fn system(purpose: &str) -> Auditor {
        Auditor {
            user_id: None,
            role: "system".into(),
            purpose: purpose.into(),
        }
    }
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    /// When.
    pub at: i64,
    /// The account acting.
    pub actor_user_id: Option<i64>,
    /// The role acted in.
    pub actor_role: String,
    /// What was done (`read`, `create`, `update`, `erase`, …).
    pub action: String,
    /// The kind of record.
    pub subject_type: String,
    /// The record's id.
    pub subject_id: Option<String>,
    /// Why.
    pub purpose: String,
}

/// Writes one audit row inside `tx`.
pub async fn record_in(
    tx: &mut Tx,
    who: &Auditor,
    action: &str,
    subject_type: &str,
    subject_id: Option<i64>,
    now: i64,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO audit_log (at, actor_user_id, actor_role, action, subject_type, subject_id, purpose) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        params![
            now,
            who.user_id,
            who.role.as_str(),
            action,
            subject_type,
            subject_id.map(|i| i.to_string()),
            who.purpose.as_str()
        ],
    )
    .await
    .map(|_| ())
}

const ROWS_ABOUT: &str = "SELECT at, actor_user_id, actor_role, action, subject_type, subject_id, purpose FROM audit_log WHERE subject_type = $1 AND subject_id = $2 ORDER BY id";

/// Every audit row about one record, oldest first.
pub async fn rows_about(
    db: &Db,
    subject_type: &str,
    subject_id: i64,
) -> Result<Vec<AuditRow>, StoreError> {
    audit_rows(
        &db.query(ROWS_ABOUT, params![subject_type, subject_id.to_string()])
            .await?,
    )
}

/// [`rows_about`] inside a transaction (so it includes rows the transaction wrote).
pub async fn rows_about_in(
    tx: &mut Tx,
    subject_type: &str,
    subject_id: i64,
) -> Result<Vec<AuditRow>, StoreError> {
    audit_rows(
        &tx.query(ROWS_ABOUT, params![subject_type, subject_id.to_string()])
            .await?,
    )
}

fn audit_rows(rows: &[crate::db::Row]) -> Result<Vec<AuditRow>, StoreError> {
    rows.iter()
        .map(|r| {
            Ok(AuditRow {
                at: r.i64("at")?,
                actor_user_id: r.opt_i64("actor_user_id")?,
                actor_role: r.opt_string("actor_role")?.unwrap_or_default(),
                action: r.string("action")?,
                subject_type: r.string("subject_type")?,
                subject_id: r.opt_string("subject_id")?,
                purpose: r.opt_string("purpose")?.unwrap_or_default(),
            })
        })
        .collect()
}
