//! Administration: the platform overview (accounts and organisations) and the member list of
//! an organisation, where its administrators grant and remove roles.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
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
use naboskab_store::orgs::{self, Organisation};
use naboskab_store::users::{self, MembershipView, User};
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
    members: Vec<(MembershipView, String)>,
    roles: Vec<(&'static str, String)>,
    errors: FormErrors,
    email: String,
}

async fn members_page(
    st: &AppState,
    ctx: &Ctx,
    org: Organisation,
    errors: FormErrors,
    email: String,
) -> AppResult<MembersPage> {
    let p = PageCtx::new(st, ctx);
    let members = users::members_of_organisation(&st.db, org.id)
        .await?
        .into_iter()
        .map(|m| {
            let label = p.t(&format!("role-{}", m.role.as_str()));
            (m, label)
        })
        .collect();
    let roles = Role::ALL
        .into_iter()
        .filter(|r| crate::accounts::grantable_on_web(*r))
        .map(|r| (r.as_str(), p.t(&format!("role-{}", r.as_str()))))
        .collect();
    Ok(MembersPage {
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
    let org = orgs::organisation(&st.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let chain = orgs::chain(&st.db, id).await?;
    ctx.authorize(action, &Resource::Organisation { chain })?;
    Ok(org)
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

/// `POST /organisations/{id}/members`: grants (or, with `remove=1`, removes) a role.
pub async fn change_member(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<MemberForm>,
) -> AppResult<Response> {
    let org = load_org(&st, &ctx, id, Action::ManageMembers).await?;
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
    if user.is_none() {
        errors.push(FieldError {
            field: "email".into(),
            key: "field-no-such-account",
        });
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
    if f.remove == "1" {
        users::remove_membership(&st.db, user.id, org.id, role).await?;
        tracing::info!(by = ?ctx.actor.user_id, user_id = user.id, org = org.id, role = role.as_str(), "role removed");
    } else {
        users::add_membership(&st.db, user.id, org.id, role, st.now()).await?;
        tracing::info!(by = ?ctx.actor.user_id, user_id = user.id, org = org.id, role = role.as_str(), "role granted");
    }
    Ok(Redirect::to(&format!(
        "/organisations/{}/members?notice=notice-members-updated",
        org.id
    ))
    .into_response())
}
