//! Grant applications on paper: the application as a PDF for the committee (everything the
//! reader may see of it, in the reader's language, the municipality's scores for the
//! municipality only) and the decision letter as a PDF, in Danish and, when the applicant
//! reads another language, in theirs on the following page. Typeset by `naboskab_pdf`, off
//! the async workers.

use chrono::DateTime;
use naboskab_domain::Actor;
use naboskab_domain::grants::Question;
use naboskab_pdf::{Block, Document, Fact, Letter, Part, Section, Sheet, Table};
use naboskab_store::grants::Line;
use naboskab_store::users;

use super::applications::{ApplicationView, Reader, application};
use super::{documents, reviews};
use crate::App;
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
pub use crate::printing::Printed;
use crate::printing::{plain as t_args, typeset};

/// The application `id` as a PDF in `locale`, for whoever may read it: the same facts,
/// activities, budget, answers and documents as its page, and for the call's municipality
/// the scores per criterion.
pub async fn application_pdf(app: &App, actor: &Actor, id: i64, locale: Locale) -> Result<Printed> {
    let v = application(app, actor, id).await?;
    let review = reviews::review_of(app, &v).await?;
    let sheet = application_sheet(app, &v, review.as_ref(), locale);
    let title = t_args(
        locale,
        "pdf-application-title",
        &[
            ("number", id.to_string()),
            ("application", v.application.fields.title.clone()),
        ],
    );
    typeset(
        Document {
            title,
            parts: vec![Part::Sheet(sheet)],
        },
        format!("application-{id}.pdf"),
    )
    .await
}

/// The decision letter on application `id`, once decided, for its applicant and the call's
/// municipality: in Danish and, when the person who wrote the application reads another of
/// the languages, in theirs too.
pub async fn decision_letter_pdf(app: &App, actor: &Actor, id: i64) -> Result<Printed> {
    let v = application(app, actor, id).await?;
    if !matches!(v.reader, Reader::Applicant | Reader::Municipality) {
        return Err(Error::Forbidden);
    }
    if !has_letter(&v) {
        return Err(Error::NotFound);
    }
    let author = match v.application.created_by {
        Some(id) => users::user_by_id(&app.db, id).await?,
        None => None,
    };
    let theirs = author
        .as_ref()
        .and_then(|u| u.preferred_locale.as_deref())
        .and_then(Locale::parse)
        .unwrap_or(Locale::Da);
    let mut languages = vec![Locale::Da];
    if theirs != Locale::Da {
        languages.push(theirs);
    }
    let name = author.map(|u| u.display_name);
    let parts = languages
        .into_iter()
        .map(|locale| Part::Letter(decision_letter(app, &v, name.as_deref(), locale)))
        .collect();
    let title = t_args(
        Locale::Da,
        "pdf-letter-title",
        &[("application", v.application.fields.title.clone())],
    );
    typeset(Document { title, parts }, format!("decision-{id}.pdf")).await
}

/// Whether `v` has a decision letter its reader may have: decided, and read by the
/// applicant or the call's municipality.
pub fn has_letter(v: &ApplicationView) -> bool {
    v.application.status.is_decided()
        && matches!(v.reader, Reader::Applicant | Reader::Municipality)
}

/// Typesets on the blocking pool; a failure is the template's, never the input's.
fn date(locale: Locale, at: i64) -> String {
    i18n::format_date(locale, DateTime::from_timestamp(at, 0).unwrap_or_default())
}

fn moment(locale: Locale, at: i64) -> String {
    i18n::format_datetime(locale, DateTime::from_timestamp(at, 0).unwrap_or_default())
}

fn fact(locale: Locale, key: &str, value: String) -> Fact {
    Fact {
        label: i18n::t(locale, key),
        value,
    }
}

fn section(locale: Locale, key: &str, blocks: Vec<Block>) -> Section {
    Section {
        heading: i18n::t(locale, key),
        blocks,
    }
}

fn text(text: String) -> Block {
    Block::Text { text }
}

/// The line at the foot of each page: where the original is, and when this was printed.
fn footer(app: &App, v: &ApplicationView, locale: Locale) -> String {
    let printed = t_args(
        locale,
        "pdf-printed",
        &[("date", moment(locale, app.now()))],
    );
    format!(
        "Naboskab · {}/grants/applications/{} · {printed}",
        app.config.base_url, v.application.id
    )
}

/// Budget or income lines with their total; with `spent`, the reported spending beside.
fn lines_table(locale: Locale, lines: &[Line], total_ore: i64, spent: Option<i64>) -> Block {
    let money = |ore| i18n::format_money(locale, ore);
    let mut columns = vec![
        i18n::t(locale, "grant-line-text"),
        i18n::t(locale, "grant-line-amount"),
    ];
    if spent.is_some() {
        columns.push(i18n::t(locale, "grant-spent"));
    }
    let rows = lines
        .iter()
        .map(|l| {
            let mut row = vec![l.text.clone(), money(l.amount_ore)];
            if spent.is_some() {
                row.push(l.spent_ore.map(money).unwrap_or_default());
            }
            row
        })
        .collect();
    let mut total = vec![i18n::t(locale, "grant-total"), money(total_ore)];
    if let Some(spent) = spent {
        total.push(money(spent));
    }
    Block::Table(Table {
        numeric: columns.iter().enumerate().map(|(i, _)| i > 0).collect(),
        columns,
        rows,
        total: Some(total),
    })
}

fn application_sheet(
    app: &App,
    v: &ApplicationView,
    review: Option<&reviews::Review>,
    locale: Locale,
) -> Sheet {
    let a = &v.application;
    let money = |ore| i18n::format_money(locale, ore);
    let mut facts = vec![
        fact(locale, "grant-number", a.id.to_string()),
        fact(locale, "grant-organisation", a.organisation_name.clone()),
        fact(
            locale,
            "grant-status",
            i18n::t(locale, &format!("grant-status-{}", a.status)),
        ),
    ];
    if let Some(at) = a.submitted_at {
        facts.push(fact(locale, "grant-submitted-at", moment(locale, at)));
    }
    facts.push(fact(
        locale,
        "grant-amount-applied",
        money(a.fields.amount_applied_ore),
    ));
    if let Some(granted) = a.amount_granted_ore {
        facts.push(fact(locale, "grant-amount-granted", money(granted)));
    }
    let mut sections = vec![section(
        locale,
        "grant-summary",
        vec![text(a.fields.summary.clone())],
    )];
    sections.push(section(
        locale,
        "grant-activities",
        vec![if a.fields.activities.is_empty() {
            text(i18n::t(locale, "grant-no-activities"))
        } else {
            Block::Table(Table {
                columns: vec![
                    i18n::t(locale, "grant-activity-title"),
                    i18n::t(locale, "grant-activity-target"),
                    i18n::t(locale, "grant-activity-participants"),
                ],
                numeric: vec![false, false, true],
                rows: a
                    .fields
                    .activities
                    .iter()
                    .map(|x| {
                        vec![
                            x.title.clone(),
                            x.target_group.clone(),
                            i18n::format_integer(locale, x.expected_participants),
                        ]
                    })
                    .collect(),
                total: None,
            })
        }],
    ));
    sections.push(section(
        locale,
        "grant-budget",
        vec![lines_table(
            locale,
            &a.fields.budget,
            v.budget_total_ore,
            v.spent_total_ore,
        )],
    ));
    sections.push(section(
        locale,
        "grant-income",
        vec![lines_table(
            locale,
            &a.fields.income,
            v.income_total_ore,
            None,
        )],
    ));
    if !v.call.questions.is_empty() {
        let answers = v
            .call
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| Fact {
                label: Question::parse(q).text,
                value: a.fields.answers.get(i).cloned().unwrap_or_default(),
            })
            .collect();
        sections.push(section(
            locale,
            "grant-answers",
            vec![Block::Facts { facts: answers }],
        ));
    }
    sections.push(section(
        locale,
        "grant-documents",
        vec![if v.documents.is_empty() {
            text(i18n::t(locale, "grant-no-documents"))
        } else {
            let other = i18n::t(locale, "grant-document-other");
            Block::Table(Table {
                columns: vec![
                    i18n::t(locale, "grant-document-what"),
                    i18n::t(locale, "grant-document-file"),
                    i18n::t(locale, "grant-document-size"),
                ],
                numeric: vec![false, false, true],
                rows: v
                    .documents
                    .iter()
                    .map(|d| {
                        vec![
                            documents::requirement_of(&v.call, d)
                                .map_or_else(|| other.clone(), str::to_owned),
                            d.fields.file_name.clone(),
                            i18n::format_size(locale, d.fields.size_bytes),
                        ]
                    })
                    .collect(),
                total: None,
            })
        }],
    ));
    if a.status.is_decided() && !a.decision_reason.is_empty() {
        sections.push(section(
            locale,
            "grant-decide",
            vec![text(a.decision_reason.clone())],
        ));
    }
    if let Some(report) = &a.report {
        let mut facts = vec![
            fact(
                locale,
                "grant-participants",
                i18n::format_integer(locale, report.participants),
            ),
            fact(
                locale,
                "grant-status-reported",
                date(locale, report.reported_at),
            ),
        ];
        if let Some(back) = v.to_pay_back_ore {
            facts.push(fact(locale, "grant-to-pay-back", money(back)));
        }
        if report.accounts_certified {
            facts.push(fact(locale, "grant-reported-certified", "✓".to_owned()));
        }
        sections.push(section(
            locale,
            "grant-report",
            vec![Block::Facts { facts }, text(report.narrative.clone())],
        ));
    }
    if let Some(review) = review.filter(|r| !r.criteria.is_empty()) {
        let not_scored = i18n::t(locale, "grant-not-scored");
        sections.push(section(
            locale,
            "grant-review",
            vec![Block::Table(Table {
                columns: vec![
                    i18n::t(locale, "grant-criteria"),
                    i18n::t(locale, "grant-points"),
                ],
                numeric: vec![false, true],
                rows: review
                    .criteria
                    .iter()
                    .map(|(criterion, score)| {
                        vec![
                            criterion.clone(),
                            score.map_or_else(|| not_scored.clone(), |s| s.to_string()),
                        ]
                    })
                    .collect(),
                total: review.points.map(|(got, most)| {
                    vec![i18n::t(locale, "grant-total"), format!("{got} / {most}")]
                }),
            })],
        ));
    }
    Sheet {
        lang: locale.code().to_owned(),
        rtl: locale.dir() == "rtl",
        heading: a.fields.title.clone(),
        subheading: format!("{} · {}", v.call.title, v.call.municipality_name),
        facts,
        sections,
        footer: footer(app, v, locale),
    }
}

fn decision_letter(app: &App, v: &ApplicationView, author: Option<&str>, locale: Locale) -> Letter {
    let a = &v.application;
    let money = |ore| i18n::format_money(locale, ore);
    let common = [
        ("municipality", v.call.municipality_name.clone()),
        ("application", a.fields.title.clone()),
        ("call", v.call.title.clone()),
        ("applied", money(a.fields.amount_applied_ore)),
        ("amount", money(a.amount_granted_ore.unwrap_or_default())),
    ];
    let mut paragraphs = Vec::new();
    if let Some(name) = author {
        paragraphs.push(t_args(
            locale,
            "letter-greeting",
            &[("name", name.to_owned())],
        ));
    }
    let subject = if a.amount_granted_ore.is_some() {
        paragraphs.push(t_args(locale, "letter-grant-granted-body", &common));
        if !a.decision_reason.is_empty() {
            paragraphs.push(t_args(
                locale,
                "letter-grant-note",
                &[("note", a.decision_reason.clone())],
            ));
        }
        paragraphs.push(match v.call.report_due_at {
            Some(due) => t_args(
                locale,
                "letter-grant-report-by",
                &[("due", date(locale, due))],
            ),
            None => i18n::t(locale, "letter-grant-report"),
        });
        t_args(locale, "letter-grant-granted-subject", &common)
    } else {
        paragraphs.push(t_args(locale, "letter-grant-refused-body", &common));
        paragraphs.push(t_args(
            locale,
            "letter-grant-reason",
            &[("reason", a.decision_reason.clone())],
        ));
        t_args(locale, "letter-grant-refused-subject", &common)
    };
    paragraphs.push(t_args(
        locale,
        "letter-see-online",
        &[(
            "link",
            format!("{}/grants/applications/{}", app.config.base_url, a.id),
        )],
    ));
    let mut recipient: Vec<String> = author.map(str::to_owned).into_iter().collect();
    recipient.push(a.organisation_name.clone());
    Letter {
        lang: locale.code().to_owned(),
        rtl: locale.dir() == "rtl",
        sender: vec![v.call.municipality_name.clone(), v.call.title.clone()],
        recipient,
        date: date(locale, a.decided_at.unwrap_or(a.updated_at)),
        subject,
        paragraphs,
        closing: vec![
            i18n::t(locale, "letter-closing"),
            v.call.municipality_name.clone(),
        ],
        footer: footer(app, v, locale),
    }
}
