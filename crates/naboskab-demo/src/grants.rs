//! Demo data for Fund: Høje-Taastrup's § 18 calls (`data/grants.toml`): last year's, decided
//! (granted and reported on, granted, refused), and this year's, open (a draft, submitted).
//! Activities are linked to the demo's offers by title, so the housing organisation whose
//! department holds them can read the application.

use crate::{DemoIds, data};
use naboskab_app::files::FileStore;
use naboskab_domain::grants::{Applicant, ApplicationStatus, FocusArea};
use naboskab_store::audit::Auditor;
use naboskab_store::grant_documents::{self, NewDocument};
use naboskab_store::grants::{self as store, Activity, ApplicationFields, CallFields, Line};
use naboskab_store::{Db, StoreError, params};
use serde::Deserialize;

/// `data/grants.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GrantsFile {
    call: Vec<CallData>,
    application: Vec<ApplicationData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CallData {
    key: String,
    title: String,
    description: String,
    year: i32,
    pool_kroner: i64,
    max_kroner: i64,
    opens_in_days: i64,
    deadline_in_days: i64,
    focus_areas: Vec<String>,
    applicants: Vec<String>,
    target_groups: String,
    certified_above_kroner: Option<i64>,
    questions: Vec<String>,
    criteria: Vec<String>,
    report_due_in_days: Option<i64>,
    #[serde(default)]
    documents: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApplicationData {
    call: String,
    organisation: String,
    author: Option<String>,
    title: String,
    summary: String,
    amount_kroner: i64,
    answers: Vec<String>,
    status: String,
    decision_kroner: Option<i64>,
    decision_reason: Option<String>,
    spent_kroner: Option<Vec<i64>>,
    report_participants: Option<i64>,
    report_narrative: Option<String>,
    activity: Vec<ActivityData>,
    budget: Vec<LineData>,
    income: Vec<LineData>,
    #[serde(default)]
    document: Vec<DocumentData>,
}

/// A document attached to a demo application: a one-page PDF with `title` on it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentData {
    /// The call's required document it is, by name; absent for another document.
    requirement: Option<String>,
    file: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivityData {
    title: String,
    target_group: String,
    participants: i64,
    offer: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineData {
    text: String,
    kroner: i64,
}

const DAY: i64 = 86_400;

fn unknown(what: &str, name: &str) -> StoreError {
    StoreError::Other(format!("demo data grants.toml: unknown {what} {name:?}"))
}

fn named<T>(
    names: &[String],
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<Vec<T>, StoreError> {
    names
        .iter()
        .map(|n| parse(n).ok_or_else(|| unknown(what, n)))
        .collect()
}

/// The offer with this title and, when it has one, its department.
async fn offer_titled(db: &Db, title: &str) -> Result<(i64, Option<i64>), StoreError> {
    let row = db
        .query_opt(
            "SELECT MIN(id) AS id FROM offer WHERE title = $1",
            params![title],
        )
        .await?
        .ok_or_else(|| unknown("offer", title))?;
    let id = row.opt_i64("id")?.ok_or_else(|| unknown("offer", title))?;
    let department = naboskab_store::offers::offer(db, id)
        .await?
        .and_then(|o| o.department_id);
    Ok((id, department))
}

fn lines(lines: &[LineData]) -> Vec<Line> {
    lines
        .iter()
        .map(|l| Line {
            text: l.text.clone(),
            amount_ore: l.kroner * 100,
            spent_ore: None,
        })
        .collect()
}

/// A one-page PDF showing `title` in Helvetica (Latin-1 text), for demo documents.
fn one_page_pdf(title: &str) -> Vec<u8> {
    let text: Vec<u8> = title
        .chars()
        .map(|c| match c {
            '(' | ')' | '\\' => b'-',
            c => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        })
        .collect();
    let mut stream = b"BT /F1 20 Tf 60 760 Td (".to_vec();
    stream.extend(text);
    stream.extend(b") Tj ET");
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes(), stream, b"\nendstream".to_vec()].concat(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    pdf
}

/// Attaches a demo application's documents: bytes into the file store, rows into the store.
async fn attach_documents(
    db: &Db,
    files: &FileStore,
    application_id: i64,
    required: &[String],
    documents: &[DocumentData],
    by: &Auditor,
    at: i64,
) -> Result<(), StoreError> {
    for (i, d) in documents.iter().enumerate() {
        let requirement = match &d.requirement {
            Some(name) => Some(
                required
                    .iter()
                    .position(|r| r == name)
                    .ok_or_else(|| unknown("required document", name))?,
            ),
            None => None,
        };
        let bytes = one_page_pdf(&d.title);
        let key = format!("grant/{application_id}/demo-{i}");
        let fields = NewDocument {
            requirement,
            file_name: d.file.clone(),
            media_type: "application/pdf".into(),
            size_bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
            sha256: hex_sha256(&bytes),
            storage_key: key.clone(),
        };
        files
            .put(&key, bytes)
            .await
            .map_err(|e| StoreError::Other(format!("demo document {}: {e}", d.file)))?;
        grant_documents::add(db, application_id, &fields, usize::MAX, by, at).await?;
    }
    Ok(())
}

fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// Seeds the calls and the applications, with their documents in `files`.
pub async fn seed(db: &Db, files: &FileStore, ids: &DemoIds, now: i64) -> Result<(), StoreError> {
    let file: GrantsFile = data::read(data::GRANTS)?;
    let kommune = ids
        .org("kommune")
        .ok_or_else(|| unknown("organisation", "kommune"))?;
    let officer = Auditor {
        user_id: ids.user("kommune@demo.naboskab.dk"),
        role: "municipal_officer".into(),
        purpose: "demo".into(),
    };
    let mut calls = Vec::new();
    for c in &file.call {
        let fields = CallFields {
            title: c.title.clone(),
            description: c.description.clone(),
            year: c.year,
            pool_ore: c.pool_kroner * 100,
            max_amount_ore: c.max_kroner * 100,
            opens_at: now + c.opens_in_days * DAY,
            deadline_at: now + c.deadline_in_days * DAY,
            focus_areas: named(&c.focus_areas, FocusArea::parse, "focus area")?,
            applicants: named(&c.applicants, Applicant::parse, "applicant")?,
            target_groups: c.target_groups.clone(),
            certified_accounts_above_ore: c.certified_above_kroner.map(|k| k * 100),
            questions: c.questions.clone(),
            criteria: c.criteria.clone(),
            report_due_at: c.report_due_in_days.map(|d| now + d * DAY),
            documents: c.documents.clone(),
        };
        let id = store::create_call(db, kommune, &fields, &officer, fields.opens_at - DAY).await?;
        calls.push((c.key.clone(), id, fields));
    }
    for a in &file.application {
        let (_, call_id, call) = calls
            .iter()
            .find(|(key, _, _)| *key == a.call)
            .ok_or_else(|| unknown("call", &a.call))?;
        let organisation = ids
            .org(&a.organisation)
            .ok_or_else(|| unknown("organisation", &a.organisation))?;
        let status =
            ApplicationStatus::parse(&a.status).ok_or_else(|| unknown("status", &a.status))?;
        let mut activities = Vec::new();
        for x in &a.activity {
            let (offer_id, department_id) = match &x.offer {
                Some(title) => {
                    let (id, department) = offer_titled(db, title).await?;
                    (Some(id), department)
                }
                None => (None, None),
            };
            activities.push(Activity {
                title: x.title.clone(),
                target_group: x.target_group.clone(),
                expected_participants: x.participants,
                offer_id,
                department_id,
            });
        }
        let fields = ApplicationFields {
            title: a.title.clone(),
            summary: a.summary.clone(),
            activities,
            budget: lines(&a.budget),
            income: lines(&a.income),
            amount_applied_ore: a.amount_kroner * 100,
            answers: a.answers.clone(),
        };
        let author = Auditor {
            user_id: a.author.as_deref().and_then(|e| ids.user(e)),
            role: "organiser".into(),
            purpose: "demo".into(),
        };
        let written = (call.opens_at + 5 * DAY).min(now);
        let saved_as = if status == ApplicationStatus::Draft {
            ApplicationStatus::Draft
        } else {
            ApplicationStatus::Submitted
        };
        let id = store::create_application(
            db,
            *call_id,
            organisation,
            &fields,
            saved_as,
            &author,
            written,
        )
        .await?;
        attach_documents(
            db,
            files,
            id,
            &call.documents,
            &a.document,
            &author,
            written,
        )
        .await?;
        if status.is_decided() {
            let granted = a.decision_kroner.map(|k| k * 100);
            let reason = a.decision_reason.clone().unwrap_or_default();
            store::decide(
                db,
                id,
                granted,
                &reason,
                &officer,
                call.deadline_at + 20 * DAY,
            )
            .await?;
        }
        if status == ApplicationStatus::Reported {
            let spent: Vec<i64> = a.spent_kroner.iter().flatten().map(|k| k * 100).collect();
            let narrative = a.report_narrative.clone().unwrap_or_default();
            let participants = a.report_participants.unwrap_or_default();
            store::report(
                db,
                id,
                &store::ReportFields {
                    spent_ore: &spent,
                    participants,
                    narrative: &narrative,
                    accounts_certified: true,
                },
                &author,
                now - 10 * DAY,
            )
            .await?;
        }
    }
    Ok(())
}

/// Adds `count` submitted applications to the newest call, spread over the demo's
/// associations, each with three activities, six budget lines, two income lines and an
/// answer to every question (for benchmarks of the review list and the committee's export).
/// Returns the call's id.
pub async fn add_generated_applications(
    db: &Db,
    count: usize,
    now: i64,
) -> Result<i64, StoreError> {
    let call = store::calls(db, None)
        .await?
        .into_iter()
        .max_by_key(|c| c.deadline_at)
        .ok_or_else(|| unknown("call", "newest"))?;
    let associations =
        naboskab_store::orgs::organisations_of_kind(db, naboskab_domain::OrgKind::Association)
            .await?;
    let by = Auditor {
        user_id: None,
        role: "organiser".into(),
        purpose: "generated".into(),
    };
    let line = |text: String, kroner: i64| Line {
        text,
        amount_ore: kroner * 100,
        spent_ore: None,
    };
    for n in 0..count {
        let Some(org) = associations.get(n % associations.len().max(1)) else {
            break;
        };
        let fields = ApplicationFields {
            title: format!("Fællesskab i opgangen nr. {}", n + 1),
            summary: "Kaffe, samtale og gåture for naboer, der sidder meget alene.".into(),
            activities: (1..=3)
                .map(|k| Activity {
                    title: format!("Aktivitet {k}"),
                    target_group: "Ældre og nytilflyttere".into(),
                    expected_participants: 10 + k,
                    offer_id: None,
                    department_id: None,
                })
                .collect(),
            budget: (1..=6)
                .map(|k| line(format!("Budgetpost {k}"), 1_000 + (n as i64 % 7) * 250 + k))
                .collect(),
            income: vec![
                line("Egenbetaling".into(), 500),
                line("Lokal sponsor".into(), 250 + n as i64 % 5),
            ],
            amount_applied_ore: 500_000 + (n as i64 % 50) * 1_000,
            answers: call
                .questions
                .iter()
                .map(|line| {
                    let q = naboskab_domain::grants::Question::parse(line);
                    match q.options().first() {
                        Some(option) => option.clone(),
                        None if q.is_number() => (20 + n % 30).to_string(),
                        None => format!("Svar på: {}", q.text),
                    }
                })
                .collect(),
        };
        store::create_application(
            db,
            call.id,
            org.id,
            &fields,
            ApplicationStatus::Submitted,
            &by,
            now,
        )
        .await?;
    }
    Ok(call.id)
}
