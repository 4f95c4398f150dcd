//! Measure's survey pages for the people who run and read them: `GET /surveys` lists the
//! rounds the reader may see with the form for a new one; `POST /surveys` starts a round;
//! `GET /surveys/{id}[?department=]` is a round's report (a chart drawn on the server with the
//! same numbers in a table beside it); `POST /surveys/{id}/letters` prints a department's
//! letters, each with a new one-time code and its QR code, and `POST /surveys/{id}/codes` hands
//! over bare codes once, as a text file. The rules are `naboskab_app::surveys`.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::input::form_pairs;
use crate::spreadsheet::download as file_download;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::i18n::{self, Locale};
use naboskab_app::surveys::report::{self, BANDS, Figures, Report, Share};
use naboskab_app::surveys::{self, RoundForm, RoundView};
use naboskab_domain::survey::{AGE_BANDS, GENDERS};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "surveys.html")]
struct RoundsPage {
    ctx: PageCtx,
    rounds: Vec<RoundView>,
    /// Departments the reader may start a round in: (id, name, ticked).
    departments: Vec<(i64, String, bool)>,
    /// Languages besides Danish: (code, name, ticked).
    languages: Vec<(&'static str, &'static str, bool)>,
    title: String,
    opens_on: String,
    closes_on: String,
    who5: bool,
    errors: FormErrors,
}

fn field<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

fn fields<'a>(pairs: &'a [(String, String)], key: &'a str) -> impl Iterator<Item = &'a str> {
    pairs
        .iter()
        .filter(move |(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

async fn rounds_page(
    st: &AppState,
    ctx: &Ctx,
    form: &RoundForm,
    errors: FormErrors,
) -> AppResult<RoundsPage> {
    ctx.require_user()?;
    let rounds = surveys::rounds(&st.app, &ctx.actor).await?;
    let departments = surveys::departments_to_survey(&st.app, &ctx.actor).await?;
    Ok(RoundsPage {
        ctx: PageCtx::new(st, ctx),
        rounds,
        departments: departments
            .into_iter()
            .map(|(id, name)| (id, name, form.department_ids.contains(&id)))
            .collect(),
        languages: Locale::ALL
            .iter()
            .filter(|l| **l != Locale::Da)
            .map(|l| {
                (
                    l.code(),
                    l.native_name(),
                    form.languages.iter().any(|x| x == l.code()),
                )
            })
            .collect(),
        title: form.title.clone(),
        opens_on: form.opens_on.clone(),
        closes_on: form.closes_on.clone(),
        who5: form.who5,
        errors,
    })
}

/// `GET /surveys`: the rounds the reader may see, and the form for a new one.
pub async fn list(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let blank = RoundForm {
        who5: true,
        ..RoundForm::default()
    };
    let none = FormErrors::new(ctx.locale, &[]);
    Ok(page(&rounds_page(&st, &ctx, &blank, none).await?))
}

/// `POST /surveys`: starts a round; a problem shows the form again as typed.
pub async fn create(State(st): State<AppState>, ctx: Ctx, body: String) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    let form = RoundForm {
        title: field(&pairs, "title").to_owned(),
        opens_on: field(&pairs, "opens_on").to_owned(),
        closes_on: field(&pairs, "closes_on").to_owned(),
        languages: fields(&pairs, "languages").map(str::to_owned).collect(),
        who5: field(&pairs, "who5") == "1",
        department_ids: fields(&pairs, "department_ids")
            .filter_map(|d| d.trim().parse().ok())
            .collect(),
    };
    match surveys::create_round(&st.app, &ctx.actor, &form).await {
        Ok(id) => Ok(
            Redirect::to(&format!("/surveys/{id}?notice=notice-survey-round-started"))
                .into_response(),
        ),
        Err(naboskab_app::Error::Invalid(problems)) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &rounds_page(&st, &ctx, &form, errors).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// One bar of a chart: its label, its share as text and its geometry in the chart's units
/// (0–100 wide).
struct Bar {
    label: String,
    text: String,
    /// Where the bar ends, and the interval's ends.
    end: f64,
    low: f64,
    high: f64,
    /// Its row's top.
    y: i64,
}

/// The chart of shares with severe loneliness, with its reference lines, told apart by their
/// dashes and labelled: (x, label, the label's baseline, dash pattern).
struct Chart {
    bars: Vec<Bar>,
    references: Vec<(f64, String, i64, &'static str)>,
    height: i64,
}

/// The chart's scale: shares from 0 to this are drawn across the width.
const CHART_MAX: f64 = 0.5;

fn percent(locale: Locale, share: f64) -> String {
    let tenths = (share * 1000.0).round() / 10.0;
    let text = format!("{tenths:.1}");
    match locale {
        Locale::Da => format!("{} %", text.replace('.', ",")),
        _ => format!("{text} %"),
    }
}

fn chart(locale: Locale, rows: &[(String, &Figures)], report: &Report) -> Chart {
    let x = |share: f64| (share.min(CHART_MAX) / CHART_MAX * 100.0 * 10.0).round() / 10.0;
    let bars: Vec<Bar> = rows
        .iter()
        .filter_map(|(label, f)| f.severe.map(|s| (label, s)))
        .enumerate()
        .map(|(i, (label, s))| Bar {
            label: label.clone(),
            text: format!(
                "{} ({}–{})",
                percent(locale, s.share),
                percent(locale, s.low),
                percent(locale, s.high)
            ),
            end: x(s.share),
            low: x(s.low),
            high: x(s.high),
            y: 10 + 34 * i as i64,
        })
        .collect();
    let height = 24 + 34 * bars.len() as i64;
    Chart {
        references: vec![
            (
                x(report.national),
                i18n::t(locale, "survey-reference-national"),
                height - 7,
                "2 1",
            ),
            (
                x(report.social_housing),
                i18n::t(locale, "survey-reference-social-housing"),
                height - 2,
                "0.6 0.8",
            ),
        ],
        bars,
        height,
    }
}

/// A row of the report's table: label, respondents, share, interval, mean, WHO-5 poor.
type FigureRow = (String, String, String, String, String, String);

fn figure_row(locale: Locale, label: String, f: &Figures) -> FigureRow {
    let dash = || "–".to_owned();
    let share = |s: Option<Share>| s.map(|s| percent(locale, s.share)).unwrap_or_else(dash);
    (
        label,
        i18n::format_integer(locale, f.respondents as i64),
        share(f.severe),
        f.severe
            .map(|s| format!("{}–{}", percent(locale, s.low), percent(locale, s.high)))
            .unwrap_or_else(dash),
        f.mean_score
            .map(|m| {
                let t = format!("{m:.1}");
                if locale == Locale::Da {
                    t.replace('.', ",")
                } else {
                    t
                }
            })
            .unwrap_or_else(dash),
        share(f.who5_poor),
    )
}

#[derive(Template)]
#[template(path = "survey_report.html")]
struct ReportPage {
    ctx: PageCtx,
    report: Report,
    summary: String,
    rows: Vec<FigureRow>,
    chart: Chart,
    /// (label, count or "–")
    bands: Vec<(String, String)>,
    ages: Vec<(String, String)>,
    genders: Vec<(String, String)>,
    trend: Vec<FigureRow>,
    /// Departments to choose from: (id, name, chosen).
    departments: Vec<(i64, String, bool)>,
    /// The round's languages besides Danish, for the letters: (code, name).
    letter_languages: Vec<(&'static str, &'static str)>,
    errors: FormErrors,
}

fn counts(locale: Locale, labels: Vec<String>, cells: &[Option<u64>]) -> Vec<(String, String)> {
    labels
        .into_iter()
        .zip(cells)
        .map(|(l, c)| {
            (
                l,
                c.map(|n| i18n::format_integer(locale, n as i64))
                    .unwrap_or_else(|| "–".into()),
            )
        })
        .collect()
}

fn labels(locale: Locale, prefix: &str, all: &[&str]) -> Vec<String> {
    all.iter()
        .map(|c| i18n::t(locale, &format!("{prefix}-{}", c.replace('+', "-plus"))))
        .chain([i18n::t(locale, "survey-not-given")])
        .collect()
}

fn report_page(st: &AppState, ctx: &Ctx, report: Report, errors: FormErrors) -> ReportPage {
    let l = ctx.locale;
    let whole = i18n::t(l, "survey-report-whole");
    let name = report
        .department
        .as_ref()
        .map(|(_, n)| n.clone())
        .unwrap_or(whole);
    let mut rows = vec![figure_row(l, name.clone(), &report.figures)];
    let mut charted: Vec<(String, &Figures)> = vec![(name, &report.figures)];
    for g in &report.groups {
        let label = g
            .department
            .as_ref()
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| i18n::t(l, "survey-report-together"));
        rows.push(figure_row(l, label.clone(), &g.figures));
        charted.push((label, &g.figures));
    }
    let chart = chart(l, &charted, &report);
    let f = &report.figures;
    let summary = if f.suppressed() {
        i18n::t_args(
            l,
            "survey-report-too-few",
            &[("n", (f.respondents as i64).into())],
        )
    } else {
        i18n::t_args(
            l,
            "survey-report-summary",
            &[
                ("n", (f.respondents as i64).into()),
                (
                    "share",
                    f.severe
                        .map(|s| percent(l, s.share))
                        .unwrap_or_default()
                        .into(),
                ),
            ],
        )
    };
    let band_labels = BANDS
        .iter()
        .map(|(lo, hi)| {
            i18n::t_args(
                l,
                "survey-band",
                &[
                    ("low", i64::from(*lo).into()),
                    ("high", i64::from(*hi).into()),
                ],
            )
        })
        .collect();
    let trend = report
        .trend
        .iter()
        .map(|p| figure_row(l, p.title.clone(), &p.figures))
        .collect();
    let chosen = report.department.as_ref().map(|(id, _)| *id);
    ReportPage {
        ctx: PageCtx::new(st, ctx),
        summary,
        rows,
        chart,
        bands: counts(l, band_labels, &report.bands),
        ages: counts(l, labels(l, "survey-age", &AGE_BANDS), &report.by_age),
        genders: counts(l, labels(l, "survey-gender", &GENDERS), &report.by_gender),
        trend,
        departments: report
            .round
            .departments
            .iter()
            .map(|(id, n)| (*id, n.clone(), Some(*id) == chosen))
            .collect(),
        letter_languages: report
            .round
            .languages
            .iter()
            .filter(|l| **l != Locale::Da)
            .map(|l| (l.code(), l.native_name()))
            .collect(),
        report,
        errors,
    }
}

/// `?department=`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DepartmentQuery {
    department: String,
}

/// `GET /surveys/{id}[?department=]`: the round's report, or one department's; a department
/// whose figures would describe fewer than five people is refused on the whole round's page.
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DepartmentQuery>,
) -> AppResult<Response> {
    ctx.require_user()?;
    let department = match q.department.trim() {
        "" => None,
        d => Some(d.parse::<i64>().unwrap_or(-1)),
    };
    match report::report(&st.app, &ctx.actor, id, department).await {
        Ok(r) => {
            let none = FormErrors::new(ctx.locale, &[]);
            Ok(page(&report_page(&st, &ctx, r, none)))
        }
        Err(naboskab_app::Error::Invalid(problems)) => {
            let whole = report::report(&st.app, &ctx.actor, id, None).await?;
            let errors = FormErrors::new(ctx.locale, &problems);
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &report_page(&st, &ctx, whole, errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// What a form for codes or letters asked for, once the reader is found to make codes for
/// round `id` (answered before what they typed): the department (if a number) and the count
/// (refused with `count_problem` when not one).
async fn code_request(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    body: &str,
    count_problem: &'static str,
) -> AppResult<(Vec<(String, String)>, Option<i64>, usize)> {
    ctx.require_user()?;
    if !surveys::round(&st.app, &ctx.actor, id).await?.may_run {
        return Err(AppError::Forbidden);
    }
    let pairs = form_pairs(body);
    let department = field(&pairs, "department").trim().parse::<i64>().ok();
    let count = field(&pairs, "count")
        .trim()
        .parse::<usize>()
        .map_err(|_| AppError::field("count", count_problem))?;
    Ok((pairs, department, count))
}

/// `POST /surveys/{id}/codes`: makes `count` one-time codes for `department` and hands them
/// over as a text file, one a line with the address that opens the questionnaire. They are
/// kept only as hashes and cannot be shown again.
pub async fn codes(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let (_, department, count) = code_request(&st, &ctx, id, &body, "field-survey-count").await?;
    let codes = surveys::issue_codes_as(&st.app, &ctx.actor, id, department, count).await?;
    let mut text = String::new();
    for code in codes {
        text.push_str(&format!(
            "{code}\t{}/survey?code={code}\n",
            st.config.base_url
        ));
    }
    file_download(
        "text/plain; charset=utf-8",
        &format!("survey-{id}-codes.txt"),
        text.into_bytes(),
    )
}

/// `POST /surveys/{id}/letters`: makes `count` letters for `department`, each with a new code
/// and its QR code, in Danish and `language`, as one PDF to print.
pub async fn letters(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let (pairs, department, count) =
        code_request(&st, &ctx, id, &body, "field-survey-letters").await?;
    let language = match field(&pairs, "language").trim() {
        "" => None,
        code => Some(
            Locale::parse(code)
                .ok_or_else(|| AppError::field("language", "field-survey-language"))?,
        ),
    };
    let printed = surveys::letters::letters_pdf(
        &st.app,
        &ctx.actor,
        id,
        department.unwrap_or(-1),
        count,
        language,
    )
    .await?;
    file_download("application/pdf", &printed.file_name, printed.pdf.bytes)
}
