//! The anonymous questionnaire, for anyone with a one-time code from a letter (the letter's
//! QR code opens `GET /survey?code=…`): `GET /survey` asks for the code, or shows the
//! questions the code's round asks; `POST /survey` stores the answer and thanks. No account,
//! no cookie beyond the usual CSRF one; the request log names the route only, never the code
//! or the address it came from.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::input::form_pairs;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use naboskab_app::surveys::{self, AnswerForm, Questionnaire};
use naboskab_domain::survey::{AGE_BANDS, GENDERS, TILS_ITEMS, WHO5_ITEMS};
use serde::Deserialize;

/// `?code=` as typed or scanned.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeQuery {
    code: String,
}

/// One question with its options: (field, question key, [(value, label key, checked)]).
type Question = (String, String, Vec<(String, String, bool)>);

#[derive(Template)]
#[template(path = "survey.html")]
struct SurveyPage {
    ctx: PageCtx,
    /// The code as typed (kept when the form comes back).
    code: String,
    /// The questions, when the code opened them.
    tils: Vec<Question>,
    who5: Vec<Question>,
    /// (value, label key, chosen)
    ages: Vec<(String, String, bool)>,
    genders: Vec<(String, String, bool)>,
    /// A problem with the code itself (unknown, used, closed), as a message.
    code_problem: Option<String>,
    errors: FormErrors,
}

#[derive(Template)]
#[template(path = "survey_thanks.html")]
struct ThanksPage {
    ctx: PageCtx,
}

/// What was typed, by field (empty when nothing).
struct Typed(Vec<(String, String)>);

impl Typed {
    fn v(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .unwrap_or_default()
    }

    fn number(&self, key: &str) -> Option<i64> {
        self.v(key).parse().ok()
    }
}

fn questions(
    items: &[&str],
    prefix: &str,
    values: std::ops::RangeInclusive<i64>,
    typed: &Typed,
) -> Vec<Question> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = format!("{prefix}_{}", i + 1);
            let options = values
                .clone()
                .map(|v| {
                    let value = v.to_string();
                    let checked = typed.v(&field) == value;
                    (value, format!("survey-{prefix}-option-{v}"), checked)
                })
                .collect();
            (field, format!("survey-{prefix}-{item}"), options)
        })
        .collect()
}

fn choices(all: &[&str], key: &str, typed: &Typed, field: &str) -> Vec<(String, String, bool)> {
    all.iter()
        .map(|c| {
            let label = format!("{key}-{}", c.replace('+', "-plus"));
            ((*c).to_owned(), label, typed.v(field) == *c)
        })
        .collect()
}

/// Which questions the page shows.
#[derive(Clone, Copy)]
enum Asks {
    /// Only the code field.
    Nothing,
    /// The T-ILS items (and age and gender).
    Tils,
    /// WHO-5 as well.
    Who5Too,
}

impl Asks {
    fn of(q: &Questionnaire) -> Asks {
        if q.who5 { Asks::Who5Too } else { Asks::Tils }
    }

    /// At least the T-ILS items (a refused item is one of them).
    fn max_tils(self) -> Asks {
        match self {
            Asks::Nothing => Asks::Tils,
            other => other,
        }
    }

    /// What to show again when the code was refused: the questions that were answered, so
    /// nothing typed is lost while the code is corrected.
    fn as_typed(typed: &Typed) -> Asks {
        let any =
            |prefix: &str, n: usize| (1..=n).any(|i| !typed.v(&format!("{prefix}_{i}")).is_empty());
        if any("who5", 5) {
            Asks::Who5Too
        } else if any("tils", 3) {
            Asks::Tils
        } else {
            Asks::Nothing
        }
    }
}

fn survey_page(
    st: &AppState,
    ctx: &Ctx,
    code: &str,
    asks: Asks,
    typed: &Typed,
    code_problem: Option<&str>,
    errors: FormErrors,
) -> SurveyPage {
    SurveyPage {
        ctx: PageCtx::new(st, ctx),
        code: code.to_owned(),
        tils: match asks {
            Asks::Nothing => vec![],
            _ => questions(&TILS_ITEMS, "tils", 1..=3, typed),
        },
        who5: match asks {
            Asks::Who5Too => questions(&WHO5_ITEMS, "who5", 0..=5, typed),
            _ => vec![],
        },
        ages: choices(&AGE_BANDS, "survey-age", typed, "age_band"),
        genders: choices(&GENDERS, "survey-gender", typed, "gender"),
        code_problem: code_problem.map(|k| naboskab_app::i18n::t(ctx.locale, k)),
        errors,
    }
}

/// `GET /survey[?code=]`: the code form, or the questionnaire the code opens.
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Query(q): Query<CodeQuery>,
) -> AppResult<Response> {
    let typed = Typed(vec![]);
    let none = FormErrors::new(ctx.locale, &[]);
    if q.code.trim().is_empty() {
        return Ok(page(&survey_page(
            &st,
            &ctx,
            "",
            Asks::Nothing,
            &typed,
            None,
            none,
        )));
    }
    Ok(match surveys::questionnaire(&st.app, &q.code).await {
        Ok(opened) if opened.open_today => page(&survey_page(
            &st,
            &ctx,
            &q.code,
            Asks::of(&opened),
            &typed,
            None,
            none,
        )),
        Ok(_) => page_with_status(
            StatusCode::CONFLICT,
            &survey_page(
                &st,
                &ctx,
                &q.code,
                Asks::Nothing,
                &typed,
                Some("survey-round-closed"),
                none,
            ),
        ),
        Err(naboskab_app::Error::Conflict(key)) => page_with_status(
            StatusCode::CONFLICT,
            &survey_page(&st, &ctx, &q.code, Asks::Nothing, &typed, Some(key), none),
        ),
        Err(e) => return Err(e.into()),
    })
}

/// `POST /survey`: stores the answer and thanks; a problem shows the form again with what was
/// chosen.
pub async fn submit(State(st): State<AppState>, ctx: Ctx, body: String) -> AppResult<Response> {
    let typed = Typed(form_pairs(&body));
    let code = typed.v("code").to_owned();
    let who5: [Option<i64>; 5] = std::array::from_fn(|i| typed.number(&format!("who5_{}", i + 1)));
    let form = AnswerForm {
        code: code.clone(),
        tils: std::array::from_fn(|i| typed.number(&format!("tils_{}", i + 1))),
        who5: Some(who5),
        age_band: Some(typed.v("age_band").to_owned()),
        gender: Some(typed.v("gender").to_owned()),
    };
    let none = FormErrors::new(ctx.locale, &[]);
    match surveys::submit(&st.app, &form).await {
        Ok(()) => Ok(page(&ThanksPage {
            ctx: PageCtx::new(&st, &ctx),
        })),
        Err(naboskab_app::Error::Invalid(problems)) => {
            let asks = match surveys::questionnaire(&st.app, &code).await {
                Ok(opened) => Asks::of(&opened),
                Err(_) => Asks::as_typed(&typed).max_tils(),
            };
            let errors = FormErrors::new(ctx.locale, &problems);
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &survey_page(&st, &ctx, &code, asks, &typed, None, errors),
            ))
        }
        Err(naboskab_app::Error::Conflict(key)) => Ok(page_with_status(
            StatusCode::CONFLICT,
            &survey_page(
                &st,
                &ctx,
                &code,
                Asks::as_typed(&typed),
                &typed,
                Some(key),
                none,
            ),
        )),
        Err(e) => Err(e.into()),
    }
}
