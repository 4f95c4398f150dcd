//! Administration: the platform overview (accounts and organisations), the helplines shown on
//! the lonely page, and the member list of an organisation, where its administrators grant and
//! remove roles and (for a housing organisation) choose whether new associations' offers wait
//! for approval.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::grants;
use crate::pages::public::{OrgLink, org_href};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_domain::email::normalise_email;
use naboskab_domain::{Action, Resource, Role};
use naboskab_store::offers::{self, Helpline};
use naboskab_store::orgs::{self, Organisation};
use naboskab_store::users::{self, GrantOutcome, MembershipView, User};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    ctx: PageCtx,
    users: Vec<(User, Vec<String>)>,
    organisations: Vec<OrgLink>,
}

/// `GET /admin`
pub async fn overview(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.authorize(Action::AdministerPlatform, &Resource::Platform)?;
    let p = PageCtx::new(&st, &ctx);
    let mut list = Vec::new();
    for u in users::list_users(&st.db).await? {
        let roles = users::membership_views_of_user(&st.db, u.id)
            .await?
            .into_iter()
            .map(|m| {
                format!(
                    "{} · {}",
                    p.t(&format!("role-{}", m.role.as_str())),
                    m.organisation_name
                )
            })
            .collect();
        list.push((u, roles));
    }
    let organisations = orgs::partner_organisations(&st.db)
        .await?
        .iter()
        .map(|o| OrgLink {
            name: o.name.clone(),
            href: format!("/organisations/{}/members", o.id),
            kind_label: p.t(&format!("org-kind-{}", o.kind.as_str())),
            address: String::new(),
        })
        .collect();
    Ok(page(&AdminPage {
        ctx: p,
        users: list,
        organisations,
    }))
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    ctx: PageCtx,
    org: Organisation,
    org_href: String,
    /// Each role held or waiting, its label, and whether the viewer may confirm it.
    members: Vec<(MembershipView, String, bool)>,
    roles: Vec<(&'static str, String)>,
    errors: FormErrors,
    email: String,
    /// For a housing organisation: whether new associations' offers wait for approval.
    approval: Option<bool>,
}

async fn members_page(
    st: &AppState,
    ctx: &Ctx,
    org: Organisation,
    errors: FormErrors,
    email: String,
) -> AppResult<MembersPage> {
    let p = PageCtx::new(st, ctx);
    let chain = orgs::chain(&st.db, org.id).await?;
    let members = users::members_of_organisation(&st.db, org.id)
        .await?
        .into_iter()
        .map(|m| {
            let label = p.t(&format!("role-{}", m.role.as_str()));
            let can_confirm = grants::may_confirm(ctx, &chain, &m);
            (m, label, can_confirm)
        })
        .collect();
    let roles = Role::ALL
        .into_iter()
        .filter(|r| crate::accounts::grantable_on_web(*r))
        .map(|r| (r.as_str(), p.t(&format!("role-{}", r.as_str()))))
        .collect();
    let approval = if org.kind == naboskab_domain::OrgKind::HousingOrganisation {
        Some(orgs::offers_need_approval(&st.db, org.id).await?)
    } else {
        None
    };
    Ok(MembersPage {
        approval,
        org_href: org_href(&org),
        ctx: p,
        org,
        members,
        roles,
        errors,
        email,
    })
}

async fn load_org(st: &AppState, ctx: &Ctx, id: i64, action: Action) -> AppResult<Organisation> {
    Ok(load_org_with_chain(st, ctx, id, action).await?.0)
}

/// The organisation and its chain, once the actor may do `action` there.
async fn load_org_with_chain(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    action: Action,
) -> AppResult<(Organisation, Vec<i64>)> {
    let org = orgs::organisation(&st.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let chain = orgs::chain(&st.db, id).await?;
    ctx.authorize(
        action,
        &Resource::Organisation {
            chain: chain.clone(),
        },
    )?;
    Ok((org, chain))
}

/// `GET /organisations/{id}/members`
pub async fn members(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let org = load_org(&st, &ctx, id, Action::ViewMembers).await?;
    Ok(page(
        &members_page(&st, &ctx, org, FormErrors::default(), String::new()).await?,
    ))
}

/// The grant / remove form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct MemberForm {
    email: String,
    role: String,
    #[serde(rename = "remove")]
    remove: String,
}

/// `POST /organisations/{id}/members`: grants (or, with `remove=1`, removes) a role. Nobody
/// grants themselves a role; the social caretaker's role waits for a second person.
pub async fn change_member(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<MemberForm>,
) -> AppResult<Response> {
    let (org, chain) = load_org_with_chain(&st, &ctx, id, Action::ManageMembers).await?;
    let mut errors = Vec::new();
    let role = Role::parse(&f.role).filter(|r| crate::accounts::grantable_on_web(*r));
    if role.is_none() {
        errors.push(FieldError {
            field: "role".into(),
            key: "field-role-invalid",
        });
    }
    let user = match normalise_email(&f.email) {
        Ok(e) => users::user_by_email(&st.db, &e).await?,
        Err(_) => None,
    };
    match &user {
        None => errors.push(FieldError {
            field: "email".into(),
            key: "field-no-such-account",
        }),
        Some(u) if f.remove != "1" && Some(u.id) == ctx.actor.user_id => errors.push(FieldError {
            field: "email".into(),
            key: "members-self-grant",
        }),
        Some(_) => {}
    }
    let (Some(role), Some(user), true) = (role, user, errors.is_empty()) else {
        let p = members_page(
            &st,
            &ctx,
            org,
            FormErrors::new(ctx.locale, &errors),
            f.email,
        )
        .await?;
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    };
    let notice = if f.remove == "1" {
        grants::revoke(&st, &ctx, &org, &chain, &user, role).await?;
        "notice-members-updated"
    } else {
        match grants::grant(&st, &ctx, &org, chain, &user, role).await? {
            GrantOutcome::Pending => "notice-members-pending",
            GrantOutcome::Granted | GrantOutcome::Unchanged => "notice-members-updated",
        }
    };
    Ok(Redirect::to(&format!(
        "/organisations/{}/members?notice={notice}",
        org.id
    ))
    .into_response())
}

/// The confirmation form of a grant waiting for a second person.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ConfirmForm {
    user: String,
    role: String,
}

/// `POST /organisations/{id}/members/confirm`: a second administrator (or a platform
/// administrator) confirms a grant; the person then holds the role and is told.
pub async fn confirm_member(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ConfirmForm>,
) -> AppResult<Response> {
    let (org, chain) = load_org_with_chain(&st, &ctx, id, Action::ViewMembers).await?;
    let role = Role::parse(&f.role).ok_or(AppError::NotFound)?;
    let user = match f.user.parse::<i64>() {
        Ok(uid) => users::user_by_id(&st.db, uid).await?,
        Err(_) => None,
    }
    .ok_or(AppError::NotFound)?;
    if !grants::confirm(&st, &ctx, &org, chain, &user, role).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!(
        "/organisations/{}/members?notice=notice-members-confirmed",
        org.id
    ))
    .into_response())
}

/// The approval setting form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ApprovalForm {
    offers_need_approval: String,
}

/// `POST /organisations/{id}/approval`: a housing organisation's administrators choose whether
/// offers from associations new to them wait for approval.
pub async fn set_approval(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ApprovalForm>,
) -> AppResult<Response> {
    let org = load_org(&st, &ctx, id, Action::ManageMembers).await?;
    if org.kind != naboskab_domain::OrgKind::HousingOrganisation {
        return Err(AppError::NotFound);
    }
    let on = f.offers_need_approval == "1";
    orgs::set_offers_need_approval(&st.db, org.id, on).await?;
    tracing::info!(by = ?ctx.actor.user_id, org = org.id, on, "approval setting changed");
    Ok(Redirect::to(&format!(
        "/organisations/{}/members?notice=notice-settings-saved",
        org.id
    ))
    .into_response())
}

#[derive(Template)]
#[template(path = "admin_helplines.html")]
struct HelplinesPage {
    ctx: PageCtx,
    /// The stored helplines with the id prefix of their form's fields, and what was typed in
    /// place of the one whose form had problems (its fields carry the `field-…` ids the error
    /// summary links to).
    helplines: Vec<(String, Helpline)>,
    /// The "add" form's prefix and values.
    new_one: (String, Helpline),
    errors: FormErrors,
}

impl HelplinesPage {
    async fn new(
        st: &AppState,
        ctx: &Ctx,
        errors: FormErrors,
        draft: Option<Helpline>,
    ) -> AppResult<HelplinesPage> {
        let mut helplines: Vec<(String, Helpline)> = offers::helplines(&st.db)
            .await?
            .into_iter()
            .map(|h| (format!("hl{}", h.id), h))
            .collect();
        let mut new_one = ("new".to_owned(), Helpline::default());
        if let Some(d) = draft {
            match helplines.iter_mut().find(|(_, h)| h.id == d.id) {
                Some(slot) => *slot = ("field".to_owned(), d),
                None => new_one = ("field".to_owned(), d),
            }
        }
        Ok(HelplinesPage {
            ctx: PageCtx::new(st, ctx),
            helplines,
            new_one,
            errors,
        })
    }
}

/// `GET /admin/helplines`: the national helplines shown on the lonely page.
pub async fn helplines(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.authorize(Action::AdministerPlatform, &Resource::Platform)?;
    Ok(page(
        &HelplinesPage::new(&st, &ctx, FormErrors::default(), None).await?,
    ))
}

/// A helpline as typed.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct HelplineForm {
    name: String,
    phone: String,
    hours: String,
    description: String,
    url: String,
    is_example: String,
    delete: String,
}

impl HelplineForm {
    fn check(&self, id: i64) -> (Helpline, Vec<FieldError>) {
        let h = Helpline {
            id,
            name: self.name.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            hours: self.hours.trim().to_owned(),
            description: self.description.trim().to_owned(),
            url: self.url.trim().to_owned(),
            is_example: self.is_example == "1",
        };
        let mut errors = Vec::new();
        let mut need = |field: &str, ok: bool, key: &'static str| {
            if !ok {
                errors.push(FieldError {
                    field: field.into(),
                    key,
                });
            }
        };
        need(
            "name",
            (1..=200).contains(&h.name.chars().count()),
            "field-required",
        );
        need(
            "phone",
            h.phone.chars().any(|c| c.is_ascii_digit())
                && h.phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-()".contains(c))
                && h.phone.len() <= 30,
            "field-helpline-phone-invalid",
        );
        need(
            "url",
            h.url.is_empty() || h.url.starts_with("https://") || h.url.starts_with("http://"),
            "field-url-invalid",
        );
        need("hours", h.hours.chars().count() <= 200, "field-too-long");
        need(
            "description",
            h.description.chars().count() <= 1000,
            "field-too-long",
        );
        (h, errors)
    }
}

async fn save_helpline(st: &AppState, ctx: &Ctx, id: i64, f: HelplineForm) -> AppResult<Response> {
    ctx.authorize(Action::AdministerPlatform, &Resource::Platform)?;
    if id != 0 && f.delete == "1" {
        offers::delete_helpline(&st.db, id).await?;
        tracing::info!(by = ?ctx.actor.user_id, helpline = id, "helpline removed");
        return Ok(Redirect::to("/admin/helplines?notice=notice-settings-saved").into_response());
    }
    let (h, errors) = f.check(id);
    if !errors.is_empty() {
        let p = HelplinesPage::new(st, ctx, FormErrors::new(ctx.locale, &errors), Some(h)).await?;
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    }
    if id == 0 {
        let next = offers::helplines(&st.db).await?.len() as i64 + 1;
        offers::add_helpline(&st.db, &h, next).await?;
    } else {
        offers::update_helpline(&st.db, &h).await?;
    }
    tracing::info!(by = ?ctx.actor.user_id, helpline = id, "helpline saved");
    Ok(Redirect::to("/admin/helplines?notice=notice-settings-saved").into_response())
}

/// `POST /admin/helplines`: adds a helpline.
pub async fn add_helpline(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<HelplineForm>,
) -> AppResult<Response> {
    save_helpline(&st, &ctx, 0, f).await
}

/// `POST /admin/helplines/{id}`: changes (or, with `delete=1`, removes) a helpline.
pub async fn change_helpline(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<HelplineForm>,
) -> AppResult<Response> {
    if id <= 0 {
        return Err(AppError::NotFound);
    }
    save_helpline(&st, &ctx, id, f).await
}
