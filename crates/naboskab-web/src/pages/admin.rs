//! Administration: the platform overview (accounts and organisations), the helplines shown on
//! the lonely page, and the member list of an organisation, where its administrators grant and
//! remove roles and (for a housing organisation) choose whether new associations' offers wait
//! for approval.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::public::{OrgLink, org_href};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::Managed;
use naboskab_app::helplines;
use naboskab_app::members::{self, ChangeOutcome, OrgInChain, RoleChange};
use naboskab_domain::{Action, Resource, Role};
use naboskab_store::offers::Helpline;
use naboskab_store::orgs::Organisation;
use naboskab_store::users::{MembershipView, User};
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
    let overview = members::platform_overview(&st.app, &ctx.actor).await?;
    let p = PageCtx::new(&st, &ctx);
    let users = overview
        .accounts
        .into_iter()
        .map(|(u, memberships)| {
            let roles = memberships
                .into_iter()
                .map(|m| {
                    format!(
                        "{} · {}",
                        p.t(&format!("role-{}", m.role.as_str())),
                        m.organisation_name
                    )
                })
                .collect();
            (u, roles)
        })
        .collect();
    let organisations = overview
        .organisations
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
        users,
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
    at: Managed<OrgInChain>,
    errors: FormErrors,
    email: String,
) -> AppResult<MembersPage> {
    let p = PageCtx::new(st, ctx);
    let listed = members::members(&st.app, &ctx.actor, &at).await?;
    let members = listed
        .members
        .into_iter()
        .map(|m| {
            let label = p.t(&format!("role-{}", m.membership.role.as_str()));
            (m.membership, label, m.can_confirm)
        })
        .collect();
    let roles = Role::ALL
        .into_iter()
        .filter(|r| members::grantable_on_web(*r))
        .map(|r| (r.as_str(), p.t(&format!("role-{}", r.as_str()))))
        .collect();
    let org = at.into_inner().org;
    Ok(MembersPage {
        approval: listed.offers_need_approval,
        org_href: org_href(&org),
        ctx: p,
        org,
        members,
        roles,
        errors,
        email,
    })
}

/// `GET /organisations/{id}/members`
pub async fn members(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let at = members::organisation_for(&st.app, &ctx.actor, id, Action::ViewMembers).await?;
    Ok(page(
        &members_page(&st, &ctx, at, FormErrors::default(), String::new()).await?,
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
    let at = members::organisation_for(&st.app, &ctx.actor, id, Action::ManageMembers).await?;
    let change = RoleChange {
        email: f.email,
        role: f.role,
        remove: f.remove == "1",
    };
    let notice = match members::change_role(&st.app, &ctx.actor, &at, &change).await {
        Ok(ChangeOutcome::Pending) => "notice-members-pending",
        Ok(ChangeOutcome::Done) => "notice-members-updated",
        Err(naboskab_app::Error::Invalid(problems)) => {
            let p = members_page(
                &st,
                &ctx,
                at,
                FormErrors::new(ctx.locale, &problems),
                change.email,
            )
            .await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/organisations/{id}/members?notice={notice}")).into_response())
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
    let at = members::organisation_for(&st.app, &ctx.actor, id, Action::ViewMembers).await?;
    members::confirm(&st.app, &ctx.actor, &at, &f.user, &f.role).await?;
    Ok(Redirect::to(&format!(
        "/organisations/{id}/members?notice=notice-members-confirmed"
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
    let at = members::organisation_for(&st.app, &ctx.actor, id, Action::ManageMembers).await?;
    members::set_offers_need_approval(&st.app, &ctx.actor, &at, f.offers_need_approval == "1")
        .await?;
    Ok(Redirect::to(&format!(
        "/organisations/{id}/members?notice=notice-settings-saved"
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
        let mut helplines: Vec<(String, Helpline)> = helplines::list(&st.app)
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
    /// The helpline as typed, trimmed.
    fn helpline(&self, id: i64) -> Helpline {
        Helpline {
            id,
            name: self.name.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            hours: self.hours.trim().to_owned(),
            description: self.description.trim().to_owned(),
            url: self.url.trim().to_owned(),
            is_example: self.is_example == "1",
        }
    }
}

async fn save_helpline(st: &AppState, ctx: &Ctx, id: i64, f: HelplineForm) -> AppResult<Response> {
    if id != 0 && f.delete == "1" {
        helplines::delete(&st.app, &ctx.actor, id).await?;
        return Ok(Redirect::to("/admin/helplines?notice=notice-settings-saved").into_response());
    }
    let h = f.helpline(id);
    match helplines::save(&st.app, &ctx.actor, &h).await {
        Ok(()) => Ok(Redirect::to("/admin/helplines?notice=notice-settings-saved").into_response()),
        Err(naboskab_app::Error::Invalid(problems)) => {
            let p = HelplinesPage::new(st, ctx, FormErrors::new(ctx.locale, &problems), Some(h))
                .await?;
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(e) => Err(e.into()),
    }
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
