//! Fund's partnerships as pages: every partnership (`/partnerships`), one partnership's page,
//! and the parties' forms to start, change and end one. The rules are
//! `naboskab_app::partnerships`; these handlers parse, call one use case, render.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::links::place_href;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use naboskab_app::i18n::{self, Locale};
use naboskab_app::partnerships::{self, Choices, PartnershipDraft};
use naboskab_domain::Role;
use naboskab_domain::schedule::local_to_utc;
use naboskab_store::partnerships::{Links, Partnership};
use std::collections::BTreeMap;

/// A partnership as a list and the organisation pages show it.
pub struct PartnershipRow {
    /// Its page.
    pub href: String,
    /// What it is about.
    pub purpose: String,
    /// The parties' names, joined.
    pub parties: String,
    /// "From 1 August 2026", "1 August 2026 – 31 July 2027".
    pub period: String,
    /// Whether it holds today.
    pub current: bool,
}

/// The period of a partnership in the reader's words.
fn period(locale: Locale, p: &Partnership) -> String {
    let day = |d: NaiveDate| {
        i18n::format_date(
            locale,
            local_to_utc(d.and_hms_opt(12, 0, 0).unwrap_or_default()),
        )
    };
    match p.ends_on {
        Some(end) => format!("{} – {}", day(p.starts_on), day(end)),
        None => i18n::t_args(
            locale,
            "partnership-from",
            &[("date", FluentValue::from(day(p.starts_on)))],
        ),
    }
}

/// The rows for a list of partnerships.
pub fn rows(st: &AppState, locale: Locale, list: &[Partnership]) -> Vec<PartnershipRow> {
    let today = partnerships::today(&st.app);
    list.iter()
        .map(|p| PartnershipRow {
            href: format!("/partnerships/{}", p.id),
            purpose: p.purpose.clone(),
            parties: p
                .parties
                .iter()
                .map(|x| x.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            period: period(locale, p),
            current: p.is_current(today),
        })
        .collect()
}

/// Whether the actor runs any organisation (or the installation), and so may start a
/// partnership; which parties they may start one for, the use case decides.
fn may_start(ctx: &Ctx) -> bool {
    ctx.actor.is_platform_admin()
        || ctx.actor.memberships.iter().any(|m| {
            matches!(
                m.role,
                Role::Organiser
                    | Role::BoardMember
                    | Role::HousingOrgAdmin
                    | Role::MunicipalOfficer
            )
        })
}

/// Signed in and running an organisation, or the answer why not.
fn require_starter(ctx: &Ctx) -> AppResult<()> {
    ctx.require_user()?;
    if may_start(ctx) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Template)]
#[template(path = "partnerships.html")]
struct ListPage {
    ctx: PageCtx,
    partnerships: Vec<PartnershipRow>,
    /// Partnerships that wait for the reader's organisations to answer.
    awaiting: Vec<PartnershipRow>,
    can_start: bool,
}

/// `GET /partnerships`: every partnership all its parties confirmed, for everyone, and above
/// them those waiting for the reader's answer.
pub async fn index(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let list = partnerships::list(&st.app, None).await?;
    let awaiting = if ctx.actor.user_id.is_some() {
        partnerships::awaiting_answer(&st.app, &ctx.actor).await?
    } else {
        vec![]
    };
    Ok(page(&ListPage {
        partnerships: rows(&st, ctx.locale, &list),
        awaiting: rows(&st, ctx.locale, &awaiting),
        can_start: may_start(&ctx),
        ctx: PageCtx::new(&st, &ctx),
    }))
}

/// A link on a partnership's page.
struct LinkRow {
    href: String,
    title: String,
    note: String,
}

#[derive(Template)]
#[template(path = "partnership.html")]
struct ShowPage {
    ctx: PageCtx,
    id: i64,
    purpose: String,
    description: String,
    period: String,
    current: bool,
    parties: Vec<LinkRow>,
    offers: Vec<LinkRow>,
    rooms: Vec<LinkRow>,
    applications: Vec<LinkRow>,
    contacts: Vec<String>,
    can_manage: bool,
    /// The parties the reader runs that are asked to say yes: (id, name).
    to_answer: Vec<(i64, String)>,
    /// The parties that have not answered, by name.
    waiting_for: Vec<String>,
}

/// `GET /partnerships/{id}`: a partnership; its contact people and linked applications for
/// the people who run a party.
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let v = partnerships::view(&st.app, &ctx.actor, id).await?;
    let p = &v.partnership;
    let link = |prefix: &str, list: &[naboskab_store::partnerships::Linked]| {
        list.iter()
            .map(|l| LinkRow {
                href: format!("{prefix}/{}", l.id),
                title: l.title.clone(),
                note: String::new(),
            })
            .collect()
    };
    Ok(page(&ShowPage {
        id: p.id,
        purpose: p.purpose.clone(),
        description: p.description.clone(),
        period: period(ctx.locale, p),
        current: v.current,
        parties: p
            .parties
            .iter()
            .map(|x| {
                let kind = ctx.t(&format!("org-kind-{}", x.kind.as_str()));
                LinkRow {
                    href: place_href(x.kind, x.organisation_id, x.municipality_code.as_deref()),
                    title: x.name.clone(),
                    note: if x.confirmed {
                        kind
                    } else {
                        format!("{kind} · {}", ctx.t("partnership-party-asked"))
                    },
                }
            })
            .collect(),
        waiting_for: p
            .parties
            .iter()
            .filter(|x| !x.confirmed)
            .map(|x| x.name.clone())
            .collect(),
        to_answer: v.to_answer.clone(),
        offers: link("/offers", &p.offers),
        rooms: link("/rooms", &p.rooms),
        applications: link("/grants/applications", &p.applications),
        contacts: p
            .contacts
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        can_manage: v.can_manage,
        ctx: PageCtx::new(&st, &ctx),
    }))
}

/// A choice in the form: value, label, ticked.
type Choice = (i64, String, bool);

#[derive(Template)]
#[template(path = "partnership_form.html")]
struct FormPage {
    ctx: PageCtx,
    action: String,
    heading: String,
    values: BTreeMap<String, String>,
    parties: Vec<Choice>,
    offers: Vec<Choice>,
    rooms: Vec<Choice>,
    applications: Vec<Choice>,
    /// How many organisations could take part and are not listed (a search finds them).
    unlisted: i64,
    /// Whether parties are saved, so what they hold can be linked.
    linkable: bool,
    errors: FormErrors,
}

impl FormPage {
    fn v(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }

    fn bad(&self, key: &str) -> bool {
        self.errors.get(key).is_some()
    }
}

/// The form as typed: the texts, and the ticked parties and links.
struct Form {
    values: BTreeMap<String, String>,
    links: Links,
}

impl Form {
    fn parse(body: &str) -> Form {
        let pairs = crate::input::form_pairs(body);
        let mut f = Form {
            values: BTreeMap::new(),
            links: Links::default(),
        };
        for (k, v) in pairs {
            let list = match k.as_str() {
                "party" => &mut f.links.parties,
                "offer" => &mut f.links.offers,
                "room" => &mut f.links.rooms,
                "application" => &mut f.links.applications,
                _ => {
                    f.values.entry(k).or_insert(v);
                    continue;
                }
            };
            // A value that is no id is one no form offered: it names the field.
            list.push(v.trim().parse().unwrap_or(-1));
        }
        f
    }

    fn of(p: &Partnership) -> Form {
        let ids = |l: &[naboskab_store::partnerships::Linked]| l.iter().map(|x| x.id).collect();
        let values = [
            ("purpose", p.purpose.clone()),
            ("description", p.description.clone()),
            ("starts_on", p.starts_on.to_string()),
            (
                "ends_on",
                p.ends_on.map(|d| d.to_string()).unwrap_or_default(),
            ),
            ("contacts", p.contacts.clone()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        Form {
            values,
            links: Links {
                parties: p.parties.iter().map(|x| x.organisation_id).collect(),
                offers: ids(&p.offers),
                rooms: ids(&p.rooms),
                applications: ids(&p.applications),
            },
        }
    }

    fn v(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }

    fn draft(&self) -> PartnershipDraft {
        PartnershipDraft {
            purpose: self.v("purpose"),
            description: self.v("description"),
            starts_on: self.v("starts_on"),
            ends_on: self.v("ends_on"),
            contacts: self.v("contacts"),
            links: self.links.clone(),
        }
    }
}

/// The form page for `f`, offering `choices`.
fn form_page(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    heading: &str,
    f: Form,
    choices: Choices,
    errors: FormErrors,
) -> FormPage {
    let tick = |list: Vec<(i64, String)>, chosen: &[i64]| -> Vec<Choice> {
        list.into_iter()
            .map(|(id, label)| (id, label, chosen.contains(&id)))
            .collect()
    };
    let titled = |l: Vec<naboskab_store::partnerships::Linked>| {
        l.into_iter().map(|x| (x.id, x.title)).collect::<Vec<_>>()
    };
    FormPage {
        ctx: PageCtx::new(st, ctx),
        action,
        heading: ctx.t(heading),
        parties: tick(
            choices
                .parties
                .iter()
                .map(|o| {
                    let kind = ctx.t(&format!("org-kind-{}", o.kind.as_str()));
                    (o.id, format!("{} ({kind})", o.name))
                })
                .collect(),
            &f.links.parties,
        ),
        unlisted: i64::try_from(choices.unlisted).unwrap_or(i64::MAX),
        linkable: !f.links.parties.is_empty(),
        offers: tick(titled(choices.offers), &f.links.offers),
        rooms: tick(titled(choices.rooms), &f.links.rooms),
        applications: tick(titled(choices.applications), &f.links.applications),
        values: f.values,
        errors,
    }
}

/// Where a partnership's form is sent and its heading: a new one's (`None`), or partnership
/// `id`'s.
fn target(id: Option<i64>) -> (String, &'static str) {
    match id {
        None => ("/partnerships/new".to_owned(), "partnership-new"),
        Some(id) => (format!("/partnerships/{id}/edit"), "partnership-edit"),
    }
}

/// The form for `f` with the parties listed by its search (`party_search`), answered with
/// `status`.
async fn form_response(
    st: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    f: Form,
    status: StatusCode,
    errors: FormErrors,
) -> AppResult<Response> {
    let (action, heading) = target(id);
    let choices =
        partnerships::choices(&st.app, &ctx.actor, &f.links.parties, &f.v("party_search")).await?;
    let p = form_page(st, ctx, action, heading, f, choices, errors);
    Ok(page_with_status(status, &p))
}

/// The form for `f` as it stands, nothing refused.
async fn form_as_is(st: &AppState, ctx: &Ctx, id: Option<i64>, f: Form) -> AppResult<Response> {
    form_response(st, ctx, id, f, StatusCode::OK, FormErrors::default()).await
}

/// Whether the form was sent to search for parties (nothing is saved).
fn is_search(f: &Form) -> bool {
    f.v("intent") == "search"
}

/// The form again with every problem named (422), or the error as it is.
async fn refused(
    st: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    f: Form,
    e: naboskab_app::Error,
) -> AppResult<Response> {
    let naboskab_app::Error::Invalid(problems) = e else {
        return Err(e.into());
    };
    let errors = FormErrors::new(ctx.locale, &problems);
    form_response(st, ctx, id, f, StatusCode::UNPROCESSABLE_ENTITY, errors).await
}

fn saved(id: i64) -> Response {
    Redirect::to(&format!(
        "/partnerships/{id}?notice=notice-partnership-saved"
    ))
    .into_response()
}

/// `GET /partnerships/new`: the form for a new partnership (people who run an organisation).
pub async fn new_form(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    require_starter(&ctx)?;
    let f = Form {
        values: BTreeMap::new(),
        links: Links::default(),
    };
    form_as_is(&st, &ctx, None, f).await
}

/// `POST /partnerships/new`: starts the partnership.
pub async fn create(State(st): State<AppState>, ctx: Ctx, body: String) -> AppResult<Response> {
    require_starter(&ctx)?;
    let f = Form::parse(&body);
    if is_search(&f) {
        return form_as_is(&st, &ctx, None, f).await;
    }
    match partnerships::start(&st.app, &ctx.actor, &f.draft()).await {
        Ok(id) => Ok(saved(id)),
        Err(e) => refused(&st, &ctx, None, f, e).await,
    }
}

/// `GET /partnerships/{id}/edit`: a partnership's form (the people who run a party).
pub async fn edit_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let p = partnerships::managed(&st.app, &ctx.actor, id).await?;
    form_as_is(&st, &ctx, Some(id), Form::of(&p)).await
}

/// `POST /partnerships/{id}/edit`: changes the partnership.
pub async fn update(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let f = Form::parse(&body);
    if is_search(&f) {
        partnerships::managed(&st.app, &ctx.actor, id).await?;
        return form_as_is(&st, &ctx, Some(id), f).await;
    }
    match partnerships::change(&st.app, &ctx.actor, id, &f.draft()).await {
        Ok(()) => Ok(saved(id)),
        Err(e) => refused(&st, &ctx, Some(id), f, e).await,
    }
}

/// `POST /partnerships/{id}/answer`: a party asked to take part says yes (`answer=yes`) or no,
/// for the organisation `organisation` the reader runs.
pub async fn answer(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    ctx.require_user()?;
    let f = Form::parse(&body);
    let organisation: i64 = f
        .v("organisation")
        .parse()
        .map_err(|_| AppError::field("organisation", "field-invalid"))?;
    let accept = match f.v("answer").as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::field("answer", "field-required")),
    };
    partnerships::answer(&st.app, &ctx.actor, id, organisation, accept).await?;
    Ok(if accept {
        Redirect::to(&format!(
            "/partnerships/{id}?notice=notice-partnership-confirmed"
        ))
    } else {
        Redirect::to("/partnerships?notice=notice-partnership-declined")
    }
    .into_response())
}

/// `POST /partnerships/{id}/end`: ends (deletes) the partnership once the box is ticked.
pub async fn end(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let f = Form::parse(&body);
    partnerships::end(&st.app, &ctx.actor, id, f.v("confirm") == "yes").await?;
    Ok(Redirect::to("/partnerships?notice=notice-partnership-ended").into_response())
}
