//! Role grants: who may give whom a role, the four-eyes rule for the social caretaker's role
//! (it reads outreach records, health data under GDPR art. 9), one audit row for every grant,
//! confirmation and removal, and the mails that tell people. Pages (and any later API) call
//! these; the policy ([`naboskab_domain::policy`]) decides every step.

use crate::accounts::queue_mail;
use crate::context::Ctx;
use crate::error::AppError;
use crate::i18n::{self, Locale};
use crate::state::AppState;
use naboskab_domain::OrgKind;
use naboskab_domain::policy::grant_needs_confirmation;
use naboskab_domain::{Action, Resource, Role};
use naboskab_store::audit::Auditor;
use naboskab_store::orgs::{self, Organisation};
use naboskab_store::users::{self, GrantOutcome, User};

/// The audit row's role and purpose for a change made by `ctx`'s actor in `chain`.
fn auditor(ctx: &Ctx, chain: &[i64]) -> Auditor {
    let role = if ctx.actor.has_role_in(Role::HousingOrgAdmin, chain) {
        Role::HousingOrgAdmin
    } else {
        Role::PlatformAdmin
    };
    Auditor {
        user_id: ctx.actor.user_id,
        role: role.as_str().into(),
        purpose: "role administration".into(),
    }
}

fn locale_of(user: &User) -> Locale {
    user.preferred_locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or(Locale::Da)
}

/// The mails' words: the role in `locale`, the organisation and a link to its members page.
fn grant_mail_args(
    st: &AppState,
    locale: Locale,
    person: &str,
    org: &Organisation,
    role: Role,
) -> [(&'static str, String); 4] {
    [
        ("person", person.to_owned()),
        ("role", i18n::t(locale, &format!("role-{}", role.as_str()))),
        ("org", org.name.clone()),
        (
            "link",
            format!("{}/organisations/{}/members", st.config.base_url, org.id),
        ),
    ]
}

/// Tells `user` by mail that they now hold `role` in `org`.
async fn tell_granted(
    st: &AppState,
    user: &User,
    org: &Organisation,
    role: Role,
) -> Result<(), AppError> {
    let locale = locale_of(user);
    queue_mail(
        st,
        locale,
        &user.email,
        Some(user.id),
        "mail-role-granted-subject",
        "mail-role-granted-body",
        &grant_mail_args(st, locale, &user.display_name, org, role),
    )
    .await
}

/// Tells the organisation's other administrators that a grant waits for one of them; when it
/// has no other administrator, the platform administrators are asked instead.
async fn ask_for_confirmation(
    st: &AppState,
    granter: Option<i64>,
    grantee: &User,
    org: &Organisation,
    role: Role,
) -> Result<(), AppError> {
    let granter_email = match granter {
        Some(id) => users::user_by_id(&st.db, id).await?.map(|u| u.email),
        None => None,
    };
    let is_second_person = |c: &users::MemberContact| {
        Some(&c.email) != granter_email.as_ref() && c.email != grantee.email
    };
    let mut confirmers = Vec::new();
    for chain_org in [Some(org.id), org.parent_id].into_iter().flatten() {
        confirmers
            .extend(users::contacts_with_role(&st.db, chain_org, Role::HousingOrgAdmin).await?);
    }
    confirmers.retain(is_second_person);
    if confirmers.is_empty() {
        for platform in orgs::organisations_of_kind(&st.db, OrgKind::Platform).await? {
            confirmers
                .extend(users::contacts_with_role(&st.db, platform.id, Role::PlatformAdmin).await?);
        }
        confirmers.retain(is_second_person);
    }
    for c in confirmers {
        let locale = c
            .locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(Locale::Da);
        queue_mail(
            st,
            locale,
            &c.email,
            None,
            "mail-role-confirm-subject",
            "mail-role-confirm-body",
            &grant_mail_args(st, locale, &grantee.display_name, org, role),
        )
        .await?;
    }
    Ok(())
}

/// Grants `role` in `org` to `grantee` as the actor: refused (403) for a grant to oneself;
/// the social caretaker's role waits for a second person, any other holds at once and the
/// person is told.
pub async fn grant(
    st: &AppState,
    ctx: &Ctx,
    org: &Organisation,
    chain: Vec<i64>,
    grantee: &User,
    role: Role,
) -> Result<GrantOutcome, AppError> {
    let who = auditor(ctx, &chain);
    ctx.authorize(
        Action::GrantRole,
        &Resource::RoleGrant {
            chain,
            grantee: grantee.id,
            granted_by: None,
        },
    )?;
    let pending = grant_needs_confirmation(role);
    let outcome =
        users::grant_membership(&st.db, grantee.id, org.id, role, pending, &who, st.now()).await?;
    match outcome {
        GrantOutcome::Granted => tell_granted(st, grantee, org, role).await?,
        GrantOutcome::Pending => {
            ask_for_confirmation(st, ctx.actor.user_id, grantee, org, role).await?
        }
        GrantOutcome::Unchanged => {}
    }
    tracing::info!(by = ?ctx.actor.user_id, user_id = grantee.id, org = org.id, role = role.as_str(), ?outcome, "role grant");
    Ok(outcome)
}

/// Whether the actor may confirm the pending grant `m` (for the members page's buttons).
pub fn may_confirm(ctx: &Ctx, chain: &[i64], m: &users::MembershipView) -> bool {
    m.pending
        && naboskab_domain::policy::decide(
            &ctx.actor,
            Action::ConfirmRoleGrant,
            &Resource::RoleGrant {
                chain: chain.to_vec(),
                grantee: m.user_id,
                granted_by: m.granted_by,
            },
        )
        .is_allowed()
}

/// Confirms a pending grant as a second person; the role then holds and the person is told.
/// Returns whether there was such a grant waiting.
pub async fn confirm(
    st: &AppState,
    ctx: &Ctx,
    org: &Organisation,
    chain: Vec<i64>,
    grantee: &User,
    role: Role,
) -> Result<bool, AppError> {
    let pending = users::members_of_organisation(&st.db, org.id)
        .await?
        .into_iter()
        .find(|m| m.user_id == grantee.id && m.role == role && m.pending);
    let Some(pending) = pending else {
        return Ok(false);
    };
    let who = auditor(ctx, &chain);
    ctx.authorize(
        Action::ConfirmRoleGrant,
        &Resource::RoleGrant {
            chain,
            grantee: grantee.id,
            granted_by: pending.granted_by,
        },
    )?;
    let confirmed =
        users::confirm_membership(&st.db, grantee.id, org.id, role, &who, st.now()).await?;
    if confirmed {
        tell_granted(st, grantee, org, role).await?;
        tracing::info!(by = ?ctx.actor.user_id, user_id = grantee.id, org = org.id, role = role.as_str(), "role grant confirmed");
    }
    Ok(confirmed)
}

/// Removes a role (held or waiting) as the actor, with its audit row.
pub async fn revoke(
    st: &AppState,
    ctx: &Ctx,
    org: &Organisation,
    chain: &[i64],
    grantee: &User,
    role: Role,
) -> Result<bool, AppError> {
    let who = auditor(ctx, chain);
    let removed =
        users::revoke_membership(&st.db, grantee.id, org.id, role, &who, st.now()).await?;
    tracing::info!(by = ?ctx.actor.user_id, user_id = grantee.id, org = org.id, role = role.as_str(), removed, "role removed");
    Ok(removed)
}
