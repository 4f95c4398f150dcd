//! Fund: grant calls of municipalities and the applications to them, with their activities
//! and budget and income lines. The rules (who may, what adds up, deadlines) are the
//! application's and the domain's; this module keeps rows. Statuses and kinds are the
//! domain's enums here, their stable names only in SQL.

use crate::audit::{self, Auditor};
use crate::db::{Db, Row, Tx};
use crate::error::StoreError;
use crate::params;
use naboskab_domain::grants::{Applicant, ApplicationStatus, FocusArea, LineKind};

/// A municipality's grant call: where it belongs, and what the municipality wrote
/// ([`CallFields`], read through the call: `call.title`).
#[derive(Debug, Clone, PartialEq)]
pub struct GrantCall {
    /// Id.
    pub id: i64,
    /// The municipality (organisation) whose pool it is.
    pub municipality_id: i64,
    /// The municipality's name.
    pub municipality_name: String,
    /// The municipality's four-digit code.
    pub municipality_code: String,
    /// What the municipality wrote.
    pub fields: CallFields,
}

impl std::ops::Deref for GrantCall {
    type Target = CallFields;

    fn deref(&self) -> &CallFields {
        &self.fields
    }
}

/// What a call is made of, as written by the municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct CallFields {
    /// Title ("§ 18-puljen 2027").
    pub title: String,
    /// What the pool is for, in the municipality's words.
    pub description: String,
    /// The year the money is for.
    pub year: i32,
    /// The whole pool.
    pub pool_ore: i64,
    /// The most one application may get.
    pub max_amount_ore: i64,
    /// When applications may be submitted from (UTC seconds).
    pub opens_at: i64,
    /// When submitting ends (UTC seconds; the moment itself is too late).
    pub deadline_at: i64,
    /// What the call wants to fund.
    pub focus_areas: Vec<FocusArea>,
    /// Who may apply.
    pub applicants: Vec<Applicant>,
    /// Target groups, in the municipality's words.
    pub target_groups: String,
    /// Grants above this need certified accounts.
    pub certified_accounts_above_ore: Option<i64>,
    /// The municipality's questions to every applicant, one per entry.
    pub questions: Vec<String>,
    /// What the committee scores each application by (0–5 each), one per entry.
    pub criteria: Vec<String>,
    /// When the report on a grant is due (UTC seconds), when the call says.
    pub report_due_at: Option<i64>,
    /// The documents every application must attach ("Vedtægter", "Budget"), one per entry.
    pub documents: Vec<String>,
}

fn names<T: Copy>(values: &[T], name: fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|v| name(*v))
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_names<T>(text: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
    text.split(',').filter_map(|n| parse(n.trim())).collect()
}

fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The columns of a call, for `concat!` (queries are static text).
macro_rules! call_select {
    () => {
        "SELECT c.id, c.municipality_id, o.name AS municipality_name, o.municipality_code, c.title, c.description, c.year, c.pool_ore, c.max_amount_ore, c.opens_at, c.deadline_at, c.focus_areas, c.applicants, c.target_groups, c.certified_accounts_above_ore, c.questions, c.criteria, c.report_due_at, c.documents FROM grant_call c JOIN organisation o ON o.id = c.municipality_id"
    };
}

fn call_from(r: &Row) -> Result<GrantCall, StoreError> {
    Ok(GrantCall {
        id: r.i64("id")?,
        municipality_id: r.i64("municipality_id")?,
        municipality_name: r.string("municipality_name")?,
        municipality_code: r.opt_string("municipality_code")?.unwrap_or_default(),
        fields: CallFields {
            title: r.string("title")?,
            description: r.string("description")?,
            year: i32::try_from(r.i64("year")?)
                .map_err(|_| StoreError::Decode("column year: out of range".into()))?,
            pool_ore: r.i64("pool_ore")?,
            max_amount_ore: r.i64("max_amount_ore")?,
            opens_at: r.i64("opens_at")?,
            deadline_at: r.i64("deadline_at")?,
            focus_areas: parse_names(&r.string("focus_areas")?, FocusArea::parse),
            applicants: parse_names(&r.string("applicants")?, Applicant::parse),
            target_groups: r.string("target_groups")?,
            certified_accounts_above_ore: r.opt_i64("certified_accounts_above_ore")?,
            questions: lines_of(&r.string("questions")?),
            criteria: lines_of(&r.string("criteria")?),
            report_due_at: r.opt_i64("report_due_at")?,
            documents: lines_of(&r.string("documents")?),
        },
    })
}

/// What the municipality wrote, as the parameters `$1`…`$15` of the statements that write a
/// call (title … required documents).
fn call_values(f: &CallFields) -> Vec<crate::Value> {
    params![
        f.title.as_str(),
        f.description.as_str(),
        i64::from(f.year),
        f.pool_ore,
        f.max_amount_ore,
        f.opens_at,
        f.deadline_at,
        names(&f.focus_areas, FocusArea::as_str),
        names(&f.applicants, Applicant::as_str),
        f.target_groups.as_str(),
        f.certified_accounts_above_ore,
        f.questions.join("\n"),
        f.criteria.join("\n"),
        f.report_due_at,
        f.documents.join("\n")
    ]
}

/// Opens a call for a municipality; returns its id. The creation is audited.
pub async fn create_call(
    db: &Db,
    municipality_id: i64,
    f: &CallFields,
    by: &Auditor,
    now: i64,
) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let mut values = call_values(f);
    values.extend(params![municipality_id, by.user_id, now]);
    let id = tx
        .query_one(
            "INSERT INTO grant_call (title, description, year, pool_ore, max_amount_ore, opens_at, deadline_at, focus_areas, applicants, target_groups, certified_accounts_above_ore, questions, criteria, report_due_at, documents, municipality_id, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id",
            values,
        )
        .await?
        .i64("id")?;
    audit::record_in(&mut tx, by, "create", "grant_call", Some(id), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a call's fields (audited); `false` when there is no such call.
pub async fn update_call(
    db: &Db,
    id: i64,
    f: &CallFields,
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let mut values = call_values(f);
    values.extend(params![now, id]);
    let n = tx
        .execute(
            "UPDATE grant_call SET title = $1, description = $2, year = $3, pool_ore = $4, max_amount_ore = $5, opens_at = $6, deadline_at = $7, focus_areas = $8, applicants = $9, target_groups = $10, certified_accounts_above_ore = $11, questions = $12, criteria = $13, report_due_at = $14, documents = $15, updated_at = $16 WHERE id = $17",
            values,
        )
        .await?;
    if n == 1 {
        audit::record_in(&mut tx, by, "update", "grant_call", Some(id), now).await?;
    }
    tx.commit().await?;
    Ok(n == 1)
}

/// One call.
pub async fn call(db: &Db, id: i64) -> Result<Option<GrantCall>, StoreError> {
    db.query(concat!(call_select!(), " WHERE c.id = $1"), params![id])
        .await?
        .first()
        .map(call_from)
        .transpose()
}

/// Every call, newest deadline first; with `municipality_id`, that municipality's only.
pub async fn calls(db: &Db, municipality_id: Option<i64>) -> Result<Vec<GrantCall>, StoreError> {
    let rows = match municipality_id {
        Some(m) => {
            db.query(
                concat!(
                    call_select!(),
                    " WHERE c.municipality_id = $1 ORDER BY c.deadline_at DESC, c.id"
                ),
                params![m],
            )
            .await?
        }
        None => {
            db.query(
                concat!(call_select!(), " ORDER BY c.deadline_at DESC, c.id"),
                vec![],
            )
            .await?
        }
    };
    rows.iter().map(call_from).collect()
}

/// One activity an application asks money for.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// What it is.
    pub title: String,
    /// Who it is for.
    pub target_group: String,
    /// How many are expected.
    pub expected_participants: i64,
    /// The offer on the platform it is, if there is one.
    pub offer_id: Option<i64>,
    /// The department it takes place in, if any.
    pub department_id: Option<i64>,
}

/// One budget or income line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// What the money is for, or where it comes from.
    pub text: String,
    /// Amount, never negative.
    pub amount_ore: i64,
    /// What was spent on it, once reported (budget lines only).
    pub spent_ore: Option<i64>,
}

/// The applicant's report after the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// How many took part.
    pub participants: i64,
    /// What happened, in the applicant's words.
    pub narrative: String,
    /// When it was reported.
    pub reported_at: i64,
    /// The applicant declared the accounts certified by an auditor.
    pub accounts_certified: bool,
}

/// What an applicant writes.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicationFields {
    /// Title.
    pub title: String,
    /// What the money will do, in the applicant's words.
    pub summary: String,
    /// Activities.
    pub activities: Vec<Activity>,
    /// Budget lines.
    pub budget: Vec<Line>,
    /// Income lines.
    pub income: Vec<Line>,
    /// The amount asked for.
    pub amount_applied_ore: i64,
    /// Answers to the call's questions, in order.
    pub answers: Vec<String>,
}

/// An application as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Application {
    /// Id.
    pub id: i64,
    /// The call.
    pub call_id: i64,
    /// The applicant organisation.
    pub organisation_id: i64,
    /// The applicant's name.
    pub organisation_name: String,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// What was written.
    pub fields: ApplicationFields,
    /// The amount granted, once granted.
    pub amount_granted_ore: Option<i64>,
    /// Why it was refused (or a note with the grant).
    pub decision_reason: String,
    /// Created.
    pub created_at: i64,
    /// Last changed.
    pub updated_at: i64,
    /// When it was last submitted.
    pub submitted_at: Option<i64>,
    /// When it was decided.
    pub decided_at: Option<i64>,
    /// Who wrote it (the decision letter goes to them).
    pub created_by: Option<i64>,
    /// The report, once made.
    pub report: Option<Report>,
}

/// What the applicant wrote, saved in `status` at `now`, as the parameters `$1`…`$7` of the
/// statements that write an application (title, summary, status, amount applied, answers, the
/// time, and the time of submission when submitted).
fn application_values(
    f: &ApplicationFields,
    status: ApplicationStatus,
    now: i64,
) -> Vec<crate::Value> {
    params![
        f.title.as_str(),
        f.summary.as_str(),
        status.as_str(),
        f.amount_applied_ore,
        f.answers.join("\n"),
        now,
        (status == ApplicationStatus::Submitted).then_some(now)
    ]
}

/// Writes an application's activities and lines (replacing any there were) and the audit row
/// of its save in `status`, inside `tx`.
async fn write_parts(
    tx: &mut Tx,
    id: i64,
    f: &ApplicationFields,
    status: ApplicationStatus,
    by: &Auditor,
    now: i64,
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM grant_activity WHERE application_id = $1",
        params![id],
    )
    .await?;
    tx.execute(
        "DELETE FROM grant_line WHERE application_id = $1",
        params![id],
    )
    .await?;
    for (i, a) in f.activities.iter().enumerate() {
        tx.execute(
            "INSERT INTO grant_activity (application_id, position, title, target_group, expected_participants, offer_id, department_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            params![
                id,
                i as i64,
                a.title.as_str(),
                a.target_group.as_str(),
                a.expected_participants,
                a.offer_id,
                a.department_id
            ],
        )
        .await?;
    }
    for (kind, lines) in [(LineKind::Budget, &f.budget), (LineKind::Income, &f.income)] {
        for (i, l) in lines.iter().enumerate() {
            tx.execute(
                "INSERT INTO grant_line (application_id, kind, position, text, amount_ore) VALUES ($1, $2, $3, $4, $5)",
                params![id, kind.as_str(), i as i64, l.text.as_str(), l.amount_ore],
            )
            .await?;
        }
    }
    audit::record_in(tx, by, status.as_str(), "grant_application", Some(id), now).await?;
    Ok(())
}

/// Stores a new application in `status` (a draft, or submitted at once); returns its id.
pub async fn create_application(
    db: &Db,
    call_id: i64,
    organisation_id: i64,
    f: &ApplicationFields,
    status: ApplicationStatus,
    by: &Auditor,
    now: i64,
) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let mut values = application_values(f, status, now);
    values.extend(params![call_id, organisation_id, by.user_id]);
    let id = tx
        .query_one(
            "INSERT INTO grant_application (title, summary, status, amount_applied_ore, answers, created_at, updated_at, submitted_at, call_id, organisation_id, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10) RETURNING id",
            values,
        )
        .await?
        .i64("id")?;
    write_parts(&mut tx, id, f, status, by, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces what an application says and sets its status, if it is still `draft` or
/// `submitted` (the applicant's to change); `false` when it was decided meanwhile (or is
/// gone), and nothing changes.
pub async fn update_application(
    db: &Db,
    id: i64,
    f: &ApplicationFields,
    status: ApplicationStatus,
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let mut values = application_values(f, status, now);
    values.push(id.into());
    let n = tx
        .execute(
            "UPDATE grant_application SET title = $1, summary = $2, status = $3, amount_applied_ore = $4, answers = $5, updated_at = $6, submitted_at = $7
             WHERE id = $8 AND status IN ('draft', 'submitted')",
            values,
        )
        .await?;
    if n == 1 {
        write_parts(&mut tx, id, f, status, by, now).await?;
    }
    tx.commit().await?;
    Ok(n == 1)
}

/// The municipality's decision on a submitted application: granted with an amount, or
/// refused with a reason. Audited; `false` when it is not (or no longer) submitted, so two
/// officers deciding at once decide once.
pub async fn decide(
    db: &Db,
    id: i64,
    granted_ore: Option<i64>,
    reason: &str,
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let status = if granted_ore.is_some() {
        ApplicationStatus::Granted
    } else {
        ApplicationStatus::Refused
    };
    let mut tx = db.begin().await?;
    let n = tx
        .execute(
            "UPDATE grant_application SET status = $1, amount_granted_ore = $2, decision_reason = $3, decided_at = $4, decided_by = $5, updated_at = $4
             WHERE id = $6 AND status = 'submitted'",
            params![status.as_str(), granted_ore, reason, now, by.user_id, id],
        )
        .await?;
    if n == 1 {
        audit::record_in(
            &mut tx,
            by,
            status.as_str(),
            "grant_application",
            Some(id),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(n == 1)
}

/// What an applicant reports on a granted application.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportFields<'a> {
    /// Spent on each budget line, in the lines' order.
    pub spent_ore: &'a [i64],
    /// How many took part.
    pub participants: i64,
    /// What happened.
    pub narrative: &'a str,
    /// The accounts are certified by an auditor.
    pub accounts_certified: bool,
}

/// The applicant's report on a granted application: what was spent on each budget line (in
/// the lines' order), how many took part, and what happened. Audited; `false` when the
/// application is not (or no longer) granted, so a report is made once.
pub async fn report(
    db: &Db,
    id: i64,
    r: &ReportFields<'_>,
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let n = tx
        .execute(
            "UPDATE grant_application SET status = $1, report_participants = $2, report_narrative = $3, reported_at = $4, updated_at = $4, accounts_certified = $6
             WHERE id = $5 AND status = 'granted'",
            params![
                ApplicationStatus::Reported.as_str(),
                r.participants,
                r.narrative,
                now,
                id,
                r.accounts_certified
            ],
        )
        .await?;
    if n == 1 {
        for (position, spent) in r.spent_ore.iter().enumerate() {
            tx.execute(
                "UPDATE grant_line SET spent_ore = $1 WHERE application_id = $2 AND kind = $3 AND position = $4",
                params![*spent, id, LineKind::Budget.as_str(), position as i64],
            )
            .await?;
        }
        audit::record_in(&mut tx, by, "reported", "grant_application", Some(id), now).await?;
    }
    tx.commit().await?;
    Ok(n == 1)
}

/// The columns of an application, for `concat!`.
macro_rules! application_select {
    () => {
        "SELECT a.id, a.call_id, a.organisation_id, o.name AS organisation_name, a.title, a.summary, a.status, a.amount_applied_ore, a.amount_granted_ore, a.decision_reason, a.answers, a.created_at, a.updated_at, a.submitted_at, a.decided_at, a.created_by, a.report_participants, a.report_narrative, a.reported_at, a.accounts_certified FROM grant_application a JOIN organisation o ON o.id = a.organisation_id"
    };
}

fn application_from(r: &Row) -> Result<Application, StoreError> {
    Ok(Application {
        id: r.i64("id")?,
        call_id: r.i64("call_id")?,
        organisation_id: r.i64("organisation_id")?,
        organisation_name: r.string("organisation_name")?,
        status: r.parsed("status", ApplicationStatus::parse)?,
        fields: ApplicationFields {
            title: r.string("title")?,
            summary: r.string("summary")?,
            activities: vec![],
            budget: vec![],
            income: vec![],
            amount_applied_ore: r.i64("amount_applied_ore")?,
            answers: r
                .string("answers")?
                .split('\n')
                .map(str::to_owned)
                .collect(),
        },
        amount_granted_ore: r.opt_i64("amount_granted_ore")?,
        decision_reason: r.string("decision_reason")?,
        created_at: r.i64("created_at")?,
        updated_at: r.i64("updated_at")?,
        submitted_at: r.opt_i64("submitted_at")?,
        decided_at: r.opt_i64("decided_at")?,
        created_by: r.opt_i64("created_by")?,
        report: match (r.opt_i64("reported_at")?, r.opt_i64("report_participants")?) {
            (Some(reported_at), Some(participants)) => Some(Report {
                participants,
                narrative: r.string("report_narrative")?,
                reported_at,
                accounts_certified: r.bool("accounts_certified")?,
            }),
            _ => None,
        },
    })
}

/// Fills in the activities and lines of `apps`, with one query for each.
async fn with_parts(db: &Db, mut apps: Vec<Application>) -> Result<Vec<Application>, StoreError> {
    if apps.is_empty() {
        return Ok(apps);
    }
    let ids: Vec<i64> = apps.iter().map(|a| a.id).collect();
    let mut sql = crate::db::Sql::new(
        "SELECT application_id, title, target_group, expected_participants, offer_id, department_id FROM grant_activity WHERE application_id IN (",
    );
    sql.bind_list(ids.iter().copied())
        .push(") ORDER BY application_id, position");
    for r in db.query_built(sql).await? {
        let app_id = r.i64("application_id")?;
        if let Some(a) = apps.iter_mut().find(|a| a.id == app_id) {
            a.fields.activities.push(Activity {
                title: r.string("title")?,
                target_group: r.string("target_group")?,
                expected_participants: r.i64("expected_participants")?,
                offer_id: r.opt_i64("offer_id")?,
                department_id: r.opt_i64("department_id")?,
            });
        }
    }
    let mut sql = crate::db::Sql::new(
        "SELECT application_id, kind, text, amount_ore, spent_ore FROM grant_line WHERE application_id IN (",
    );
    sql.bind_list(ids.iter().copied())
        .push(") ORDER BY application_id, kind, position");
    for r in db.query_built(sql).await? {
        let app_id = r.i64("application_id")?;
        let kind = r.parsed("kind", LineKind::parse)?;
        if let Some(a) = apps.iter_mut().find(|a| a.id == app_id) {
            let line = Line {
                text: r.string("text")?,
                amount_ore: r.i64("amount_ore")?,
                spent_ore: r.opt_i64("spent_ore")?,
            };
            match kind {
                LineKind::Budget => a.fields.budget.push(line),
                LineKind::Income => a.fields.income.push(line),
            }
        }
    }
    Ok(apps)
}

/// One application with its activities and lines.
pub async fn application(db: &Db, id: i64) -> Result<Option<Application>, StoreError> {
    let apps = db
        .query(
            concat!(application_select!(), " WHERE a.id = $1"),
            params![id],
        )
        .await?
        .iter()
        .map(application_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(with_parts(db, apps).await?.pop())
}

/// The applications to a call, optionally only those in `status`, oldest first.
pub async fn applications_of_call(
    db: &Db,
    call_id: i64,
    status: Option<ApplicationStatus>,
) -> Result<Vec<Application>, StoreError> {
    let rows = match status {
        Some(s) => {
            db.query(
                concat!(
                    application_select!(),
                    " WHERE a.call_id = $1 AND a.status = $2 ORDER BY a.id"
                ),
                params![call_id, s.as_str()],
            )
            .await?
        }
        None => {
            db.query(
                concat!(application_select!(), " WHERE a.call_id = $1 ORDER BY a.id"),
                params![call_id],
            )
            .await?
        }
    };
    let apps = rows
        .iter()
        .map(application_from)
        .collect::<Result<_, _>>()?;
    with_parts(db, apps).await
}

/// The applications of the organisations `organisation_ids`, newest first.
pub async fn applications_of_organisations(
    db: &Db,
    organisation_ids: &[i64],
) -> Result<Vec<Application>, StoreError> {
    if organisation_ids.is_empty() {
        return Ok(vec![]);
    }
    let mut sql = crate::db::Sql::new(concat!(
        application_select!(),
        " WHERE a.organisation_id IN ("
    ));
    sql.bind_list(organisation_ids.iter().copied())
        .push(") ORDER BY a.id DESC");
    let apps = db
        .query_built(sql)
        .await?
        .iter()
        .map(application_from)
        .collect::<Result<_, _>>()?;
    with_parts(db, apps).await
}

/// Granted applications whose report is due within `ahead` seconds of `now` (and not yet
/// past) and whose applicant was not reminded: `(application id, author)`.
pub async fn due_for_report_reminder(
    db: &Db,
    now: i64,
    ahead: i64,
) -> Result<Vec<(i64, Option<i64>)>, StoreError> {
    db.query(
        "SELECT a.id, a.created_by FROM grant_application a JOIN grant_call c ON c.id = a.call_id
         WHERE a.status = 'granted' AND a.report_reminded_at IS NULL AND c.report_due_at IS NOT NULL
           AND c.report_due_at > $1 AND c.report_due_at <= $2 ORDER BY a.id",
        params![now, now + ahead],
    )
    .await?
    .iter()
    .map(|r| Ok((r.i64("id")?, r.opt_i64("created_by")?)))
    .collect()
}

/// Claims the report reminder of an application: `true` for exactly one caller, also when
/// two instances run the job at once.
pub async fn claim_report_reminder(db: &Db, id: i64, now: i64) -> Result<bool, StoreError> {
    Ok(db
        .execute(
            "UPDATE grant_application SET report_reminded_at = $1 WHERE id = $2 AND report_reminded_at IS NULL",
            params![now, id],
        )
        .await?
        == 1)
}
