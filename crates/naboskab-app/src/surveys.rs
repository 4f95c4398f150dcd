//! Measure: the anonymous loneliness survey. A housing organisation's staff (or the officers
//! of the municipality) start a round in one or more departments for a period; one-time codes
//! go out on letters; anyone with a code answers the Three-Item Loneliness Scale (and WHO-5
//! when the round asks it) without an account; the round's report shows the share with severe
//! loneliness with its Wilson interval beside the national reference lines.
//!
//! Anonymity is by construction (see `naboskab_store::surveys`): an answer holds its round,
//! its department and the answers only. Reports never describe fewer than
//! [`naboskab_domain::survey::MIN_CELL`] people, also not by subtracting one report from another: a round's
//! departments are shown one by one only where each, and the rest together, hold five or more
//! ([`naboskab_domain::survey::hidden_groups`]); a department whose figures are hidden cannot be asked for; one
//! department has one round at a time, and answers carry no time, so no two reports overlap
//! in part. Who may run and read is the policy's [`Action::RunSurveys`] and
//! [`Action::ReadSurveyReports`]; a round is shown to those who may read every department in
//! it, so nobody sees a part of a round that others see whole.

use crate::error::{Error, FieldError, Result};
use crate::i18n::Locale;
use crate::{App, authorize, calendar};
use chrono::NaiveDate;
use naboskab_domain::survey::{AGE_BANDS, GENDERS};
use naboskab_domain::{Action, Actor, OrgKind, Resource};
use naboskab_store::orgs::{self, Organisation};
use naboskab_store::surveys::{self as store, Answer, NewRound, Round, Submitted};
use naboskab_store::{Db, StoreError};
use rand::Rng;
use sha2::{Digest, Sha256};

/// The letters a code is made of: no 0/O, 1/I/L, so a code read aloud or typed from paper
/// comes out right.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// Characters in a code (about 59 bits).
const CODE_LENGTH: usize = 12;

/// The most codes issued at once.
pub const MAX_CODES_AT_ONCE: usize = 5_000;

/// A round as staff type it.
#[derive(Debug, Clone, Default)]
pub struct RoundForm {
    /// Its name.
    pub title: String,
    /// First day (YYYY-MM-DD).
    pub opens_on: String,
    /// Last day (YYYY-MM-DD).
    pub closes_on: String,
    /// Language codes besides Danish, which is always included.
    pub languages: Vec<String>,
    /// Whether WHO-5 is asked too.
    pub who5: bool,
    /// The departments asked.
    pub department_ids: Vec<i64>,
}

/// A round as its readers see it.
#[derive(Debug, Clone)]
pub struct RoundView {
    /// Id.
    pub id: i64,
    /// Its name.
    pub title: String,
    /// First day.
    pub opens_on: NaiveDate,
    /// Last day.
    pub closes_on: NaiveDate,
    /// The languages of the letters and the form, Danish first.
    pub languages: Vec<Locale>,
    /// Whether WHO-5 is asked.
    pub who5: bool,
    /// The departments, by name: id and name.
    pub departments: Vec<(i64, String)>,
    /// Codes issued in all.
    pub codes_issued: i64,
    /// Whether the reader may also issue codes.
    pub may_run: bool,
}

/// A department as the policy sees it for surveys: its chain and its municipality's
/// organisations.
pub(crate) async fn department_resource(db: &Db, department: &Organisation) -> Result<Resource> {
    let chain = orgs::chain(db, department.id).await?;
    let municipality = match department.municipality_code.as_deref() {
        Some(code) => orgs::organisations_of_kind(db, OrgKind::Municipality)
            .await?
            .into_iter()
            .filter(|m| m.municipality_code.as_deref() == Some(code))
            .map(|m| m.id)
            .collect(),
        None => vec![],
    };
    Ok(Resource::Department {
        chain,
        municipality,
    })
}

async fn department(db: &Db, id: i64) -> Result<Option<Organisation>> {
    Ok(orgs::organisation(db, id)
        .await?
        .filter(|o| o.kind == OrgKind::Department))
}

/// Whether the policy allows `action` in every department of `ids` (and there is one).
async fn allowed_everywhere(app: &App, actor: &Actor, action: Action, ids: &[i64]) -> Result<bool> {
    if ids.is_empty() {
        return Ok(false);
    }
    for id in ids {
        let Some(dep) = department(&app.db, *id).await? else {
            return Ok(false);
        };
        let resource = department_resource(&app.db, &dep).await?;
        if !naboskab_domain::policy::decide(actor, action, &resource).is_allowed() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The departments `actor` may start a round in, by name.
pub async fn departments_to_survey(app: &App, actor: &Actor) -> Result<Vec<(i64, String)>> {
    let mut out = Vec::new();
    for dep in orgs::organisations_of_kind(&app.db, OrgKind::Department).await? {
        let resource = department_resource(&app.db, &dep).await?;
        if naboskab_domain::policy::decide(actor, Action::RunSurveys, &resource).is_allowed() {
            out.push((dep.id, dep.name));
        }
    }
    Ok(out)
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Starts a round; returns its id. Every department must be one `actor` may run surveys in;
/// a department already asked in an overlapping period is refused (one round at a time).
pub async fn create_round(app: &App, actor: &Actor, form: &RoundForm) -> Result<i64> {
    let user = actor.user_id.ok_or(Error::SignInRequired)?;
    if !naboskab_domain::policy::runs_surveys_somewhere(actor) {
        return Err(Error::Forbidden);
    }
    let mut problems = Vec::new();
    let title = form.title.trim();
    if title.is_empty() || title.chars().count() > 120 {
        problems.push(FieldError::new("title", "field-required"));
    }
    let opens = parse_day(&form.opens_on);
    let closes = parse_day(&form.closes_on);
    if opens.is_none() {
        problems.push(FieldError::new("opens_on", "field-date-invalid"));
    }
    match (opens, closes) {
        (_, None) => problems.push(FieldError::new("closes_on", "field-date-invalid")),
        (Some(o), Some(c)) if c < o => {
            problems.push(FieldError::new(
                "closes_on",
                "field-survey-closes-before-opens",
            ));
        }
        _ => {}
    }
    let mut languages = vec![Locale::Da.code().to_owned()];
    for code in &form.languages {
        match Locale::parse(code) {
            Some(l) if !languages.iter().any(|x| x == l.code()) => {
                languages.push(l.code().to_owned());
            }
            Some(_) => {}
            None => problems.push(FieldError::new("languages", "field-survey-language")),
        }
    }
    let mut department_ids = form.department_ids.clone();
    department_ids.sort_unstable();
    department_ids.dedup();
    if department_ids.is_empty() {
        problems.push(FieldError::new(
            "department_ids",
            "field-survey-departments",
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    // Every department must exist and be the actor's to survey; one that is not is refused
    // as a whole, whether it is unknown or someone else's.
    let mut runner = None;
    for id in &department_ids {
        let dep = department(&app.db, *id).await?.ok_or_else(|| {
            Error::Invalid(vec![FieldError::new(
                "department_ids",
                "field-survey-departments",
            )])
        })?;
        let resource = department_resource(&app.db, &dep).await?;
        authorize(actor, Action::RunSurveys, &resource)?;
        runner.get_or_insert(running_organisation(actor, &resource));
    }
    let round = NewRound {
        title: title.to_owned(),
        organisation_id: runner.flatten().unwrap_or(department_ids[0]),
        opens_on: form.opens_on.trim().to_owned(),
        closes_on: form.closes_on.trim().to_owned(),
        languages,
        who5: form.who5,
        department_ids,
    };
    match store::create_round(&app.db, &round, Some(user), app.now()).await {
        Ok(id) => {
            tracing::info!(round = id, "survey round started");
            Ok(id)
        }
        Err(StoreError::Conflict(_)) => Err(Error::Invalid(vec![FieldError::new(
            "opens_on",
            "field-survey-overlap",
        )])),
        Err(e) => Err(e.into()),
    }
}

/// The organisation on whose behalf `actor` runs a survey in a department: the municipality
/// when they are its officer, else the housing organisation (the top of the chain).
fn running_organisation(actor: &Actor, resource: &Resource) -> Option<i64> {
    let Resource::Department {
        chain,
        municipality,
    } = resource
    else {
        return None;
    };
    municipality
        .iter()
        .find(|m| {
            actor.memberships.iter().any(|x| {
                x.organisation_id == **m && x.role == naboskab_domain::Role::MunicipalOfficer
            })
        })
        .or(chain.last())
        .copied()
}

async fn view(app: &App, actor: &Actor, round: &Round) -> Result<RoundView> {
    let mut departments = Vec::new();
    for id in &round.fields.department_ids {
        if let Some(dep) = department(&app.db, *id).await? {
            departments.push((dep.id, dep.name));
        }
    }
    departments.sort_by(|a, b| a.1.cmp(&b.1));
    let day = |s: &str| parse_day(s).unwrap_or_default();
    Ok(RoundView {
        id: round.id,
        title: round.fields.title.clone(),
        opens_on: day(&round.fields.opens_on),
        closes_on: day(&round.fields.closes_on),
        languages: round
            .fields
            .languages
            .iter()
            .filter_map(|l| Locale::parse(l))
            .collect(),
        who5: round.fields.who5,
        departments,
        codes_issued: round.codes_issued.iter().sum(),
        may_run: allowed_everywhere(app, actor, Action::RunSurveys, &round.fields.department_ids)
            .await?,
    })
}

/// The rounds `actor` may read (every department of the round), newest first; forbidden to
/// people who read surveys nowhere.
pub async fn rounds(app: &App, actor: &Actor) -> Result<Vec<RoundView>> {
    if actor.user_id.is_none() {
        return Err(Error::SignInRequired);
    }
    if !naboskab_domain::policy::reads_surveys_somewhere(actor) {
        return Err(Error::Forbidden);
    }
    let mut out = Vec::new();
    for round in store::rounds(&app.db).await? {
        if allowed_everywhere(
            app,
            actor,
            Action::ReadSurveyReports,
            &round.fields.department_ids,
        )
        .await?
        {
            out.push(view(app, actor, &round).await?);
        }
    }
    Ok(out)
}

/// One round `actor` may read; a round they may not is not found.
pub async fn round(app: &App, actor: &Actor, id: i64) -> Result<RoundView> {
    if actor.user_id.is_none() {
        return Err(Error::SignInRequired);
    }
    let round = store::round(&app.db, id).await?.ok_or(Error::NotFound)?;
    if !allowed_everywhere(
        app,
        actor,
        Action::ReadSurveyReports,
        &round.fields.department_ids,
    )
    .await?
    {
        return Err(Error::NotFound);
    }
    view(app, actor, &round).await
}

/// A code as stored: SHA-256 of its letters, upper case, without spaces or dashes.
fn code_hash(code: &str) -> Option<String> {
    let letters: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (letters.len() == CODE_LENGTH && letters.bytes().all(|b| CODE_ALPHABET.contains(&b)))
        .then(|| hex::encode(Sha256::digest(letters.as_bytes())))
}

fn new_code() -> String {
    let mut rng = rand::rng();
    let letters: Vec<u8> = (0..CODE_LENGTH)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())])
        .collect();
    letters
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// Makes `count` new one-time codes for one department of a round (the round's only one when
/// `department_id` is `None`) and returns them, grouped `ABCD-EFGH-JKMN`. Only their hashes
/// are kept: a code is printed once and cannot be shown again. For the operator's command
/// line and for [`issue_codes_as`].
pub async fn issue_codes(
    db: &Db,
    round_id: i64,
    department_id: Option<i64>,
    count: usize,
) -> Result<Vec<String>> {
    if count == 0 || count > MAX_CODES_AT_ONCE {
        return Err(Error::Invalid(vec![FieldError::new(
            "count",
            "field-survey-count",
        )]));
    }
    let round = store::round(db, round_id).await?.ok_or(Error::NotFound)?;
    let department_id = match (department_id, round.fields.department_ids.as_slice()) {
        (Some(d), ids) if ids.contains(&d) => d,
        (None, [only]) => *only,
        _ => {
            return Err(Error::Invalid(vec![FieldError::new(
                "department_id",
                "field-survey-departments",
            )]));
        }
    };
    let codes: Vec<String> = (0..count).map(|_| new_code()).collect();
    let hashes: Vec<String> = codes.iter().filter_map(|c| code_hash(c)).collect();
    store::add_codes(db, round.id, department_id, &hashes).await?;
    Ok(codes)
}

/// [`issue_codes`] for a signed-in person who may run surveys in every department of the round.
pub async fn issue_codes_as(
    app: &App,
    actor: &Actor,
    round_id: i64,
    department_id: Option<i64>,
    count: usize,
) -> Result<Vec<String>> {
    let view = round(app, actor, round_id).await?;
    if !view.may_run {
        return Err(Error::Forbidden);
    }
    issue_codes(&app.db, round_id, department_id, count).await
}

/// What a code opens: the round's questionnaire.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    /// The round's languages, Danish first.
    pub languages: Vec<Locale>,
    /// Whether WHO-5 is asked.
    pub who5: bool,
    /// Last day answers are taken.
    pub closes_on: NaiveDate,
    /// Whether answers are taken today.
    pub open_today: bool,
}

/// The questionnaire an unused code opens; an unknown or used code is one answer:
/// `Conflict("survey-code-not-valid")`.
pub async fn questionnaire(app: &App, code: &str) -> Result<Questionnaire> {
    let invalid = Error::Conflict("survey-code-not-valid");
    let Some(hash) = code_hash(code) else {
        return Err(invalid);
    };
    let Some((round_id, _)) = store::code(&app.db, &hash).await? else {
        return Err(invalid);
    };
    let round = store::round(&app.db, round_id).await?.ok_or(invalid)?;
    let today = calendar::today(app).format("%Y-%m-%d").to_string();
    Ok(Questionnaire {
        languages: round
            .fields
            .languages
            .iter()
            .filter_map(|l| Locale::parse(l))
            .collect(),
        who5: round.fields.who5,
        closes_on: parse_day(&round.fields.closes_on).unwrap_or_default(),
        open_today: round.fields.opens_on <= today && today <= round.fields.closes_on,
    })
}

/// An answer as sent: every item as given (a missing item is `None`).
#[derive(Debug, Clone, Default)]
pub struct AnswerForm {
    /// The one-time code.
    pub code: String,
    /// The three T-ILS items, each 1–3.
    pub tils: [Option<i64>; 3],
    /// The five WHO-5 items, each 0–5, or none at all.
    pub who5: Option<[Option<i64>; 5]>,
    /// An age band, or none.
    pub age_band: Option<String>,
    /// A gender, or none.
    pub gender: Option<String>,
}

fn item(value: Option<i64>, range: std::ops::RangeInclusive<i64>) -> Option<u8> {
    value
        .filter(|v| range.contains(v))
        .and_then(|v| u8::try_from(v).ok())
}

/// Stores an answer for an unused code. Items out of range, an unknown age band or gender are
/// refused naming the field; an unknown or used code is one answer,
/// `Conflict("survey-code-not-valid")`; a round that takes no answers today is
/// `Conflict("survey-round-closed")` and the code stays usable.
pub async fn submit(app: &App, form: &AnswerForm) -> Result<()> {
    let mut problems = Vec::new();
    let mut tils = [0u8; 3];
    for (i, (slot, value)) in tils.iter_mut().zip(form.tils).enumerate() {
        match item(value, 1..=3) {
            Some(v) => *slot = v,
            None => problems.push(FieldError::new(
                ["tils_1", "tils_2", "tils_3"][i],
                "field-survey-item",
            )),
        }
    }
    let who5 = match form.who5 {
        None => None,
        Some(items) if items.iter().all(Option::is_none) => None,
        Some(items) => {
            let mut out = [0u8; 5];
            for (i, (slot, value)) in out.iter_mut().zip(items).enumerate() {
                match item(value, 0..=5) {
                    Some(v) => *slot = v,
                    None => problems.push(FieldError::new(
                        ["who5_1", "who5_2", "who5_3", "who5_4", "who5_5"][i],
                        "field-survey-item",
                    )),
                }
            }
            Some(out)
        }
    };
    let choice =
        |value: &Option<String>, allowed: &[&str], field: &str, problems: &mut Vec<FieldError>| {
            match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                None => None,
                Some(v) if allowed.contains(&v) => Some(v.to_owned()),
                Some(_) => {
                    problems.push(FieldError::new(field, "field-survey-choice"));
                    None
                }
            }
        };
    let age_band = choice(&form.age_band, &AGE_BANDS, "age_band", &mut problems);
    let gender = choice(&form.gender, &GENDERS, "gender", &mut problems);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let Some(hash) = code_hash(&form.code) else {
        return Err(Error::Conflict("survey-code-not-valid"));
    };
    let Some((round_id, _)) = store::code(&app.db, &hash).await? else {
        return Err(Error::Conflict("survey-code-not-valid"));
    };
    let round = store::round(&app.db, round_id).await?;
    let who5 = who5.filter(|_| round.is_some_and(|r| r.fields.who5));
    let answer = Answer {
        department_id: 0,
        tils,
        who5,
        age_band,
        gender,
    };
    let today = calendar::today(app).format("%Y-%m-%d").to_string();
    match store::submit(&app.db, &hash, &answer, &today).await? {
        // Nothing about the answer or the code is logged.
        Submitted::Stored => Ok(()),
        Submitted::UnknownCode => Err(Error::Conflict("survey-code-not-valid")),
        Submitted::NotOpen => Err(Error::Conflict("survey-round-closed")),
    }
}

pub mod letters;
pub mod report;
