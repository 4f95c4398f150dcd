//! Members and role grants: who holds which role in an organisation, who may give whom a
//! role, the four-eyes rule for the social caretaker's role (it reads outreach records, health
//! data under GDPR art. 9), one audit row for every grant, confirmation and removal, and the
//! mails that tell people. The platform overview of accounts lives here too. The policy
//! ([`naboskab_domain::policy`]) decides every step.

use crate::error::{Error, FieldError, Result};
use crate::i18n::{self, Locale};
use crate::{App, Managed, authorize, messaging};
use naboskab_domain::email::normalise_email;
use naboskab_domain::policy::{decide, grant_needs_confirmation};
use naboskab_domain::{Action, Actor, OrgKind, Resource, Role};
use naboskab_store::audit::Auditor;
use naboskab_store::orgs::{self, Organisation};
use naboskab_store::users::{self, GrantOutcome, MembershipView, User};

/// An organisation with the ids from it up to the platform (what the policy decides on).
#[derive(Debug, Clone)]
pub struct OrgInChain {
    /// The organisation.
    pub org: Organisation,
    /// Its id, its parent's, and so on up.
    pub chain: Vec<i64>,
}

/// The organisation `id`, once the actor may do `action` there (viewing or managing its
/// members).
pub async fn organisation_for(
    app: &App,
    actor: &Actor,
    id: i64,
    action: Action,
) -> Result<Managed<OrgInChain>> {
    let org = orgs::organisation(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    let chain = orgs::chain(&app.db, id).await?;
    authorize(
        actor,
        action,
        &Resource::Organisation {
            chain: chain.clone(),
        },
    )?;
    Ok(Managed::checked(OrgInChain { org, chain }))
}

/// Whether a role may be granted through the web (platform administrator only by the
/// command line).
pub fn grantable_on_web(role: Role) -> bool {
    role != Role::PlatformAdmin
}

/// One role held or waiting in an organisation, and whether the actor may confirm it.
#[derive(Debug, Clone)]
pub struct Member {
    /// The membership.
    pub membership: MembershipView,
    /// Whether the actor may confirm it (it waits for a second person).
    pub can_confirm: bool,
}

/// The members page's data: every role held or waiting, and for a housing organisation
/// whether new associations' offers wait for approval.
#[derive(Debug, Clone)]
pub struct Members {
    /// Roles held or waiting.
    pub members: Vec<Member>,
    /// `Some` for a housing organisation.
    pub offers_need_approval: Option<bool>,
}

/// The members of an organisation the actor may view.
pub async fn members(app: &App, actor: &Actor, at: &Managed<OrgInChain>) -> Result<Members> {
    let members = users::members_of_organisation(&app.db, at.org.id)
        .await?
        .into_iter()
        .map(|m| Member {
            can_confirm: may_confirm(actor, &at.chain, &m),
            membership: m,
        })
        .collect();
    let offers_need_approval = if at.org.kind == OrgKind::HousingOrganisation {
        Some(orgs::offers_need_approval(&app.db, at.org.id).await?)
    } else {
        None
    };
    Ok(Members {
        members,
        offers_need_approval,
    })
}

/// Whether the actor may confirm the pending grant `m`.
fn may_confirm(actor: &Actor, chain: &[i64], m: &MembershipView) -> bool {
    m.pending
        && decide(
            actor,
            Action::ConfirmRoleGrant,
            &Resource::RoleGrant {
                chain: chain.to_vec(),
                grantee: m.user_id,
                granted_by: m.granted_by,
            },
        )
        .is_allowed()
}

/// A grant or removal as typed: an e-mail address and a role name.
#[derive(Debug, Clone, Default)]
pub struct RoleChange {
    /// The person's e-mail address.
    pub email: String,
    /// The role's stable name.
    pub role: String,
    /// Remove the role rather than grant it.
    pub remove: bool,
}

/// What a grant or removal did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOutcome {
    /// Granted, removed or already so.
    Done,
    /// Granted, waiting for a second person.
    Pending,
}

/// Grants (or removes) a role in an organisation the actor manages. Every problem is named:
/// a role that cannot be granted here, an address with no account, a grant to oneself. The
/// social caretaker's role waits for a second person; any other holds at once and the person
/// is told.
pub async fn change_role(
    app: &App,
    actor: &Actor,
    at: &Managed<OrgInChain>,
    change: &RoleChange,
) -> Result<ChangeOutcome> {
    let mut problems = Vec::new();
    let role = Role::parse(&change.role).filter(|r| grantable_on_web(*r));
    if role.is_none() {
        problems.push(FieldError::new("role", "field-role-invalid"));
    }
    let user = match normalise_email(&change.email) {
        Ok(e) => users::user_by_email(&app.db, &e).await?,
        Err(_) => None,
    };
    match &user {
        None => problems.push(FieldError::new("email", "field-no-such-account")),
        Some(u) if !change.remove && Some(u.id) == actor.user_id => {
            problems.push(FieldError::new("email", "members-self-grant"))
        }
        Some(_) => {}
    }
    let (Some(role), Some(user), true) = (role, user, problems.is_empty()) else {
        return Err(Error::Invalid(problems));
    };
    if change.remove {
        revoke(app, actor, at, &user, role).await?;
        return Ok(ChangeOutcome::Done);
    }
    Ok(match grant(app, actor, at, &user, role).await? {
        GrantOutcome::Pending => ChangeOutcome::Pending,
        GrantOutcome::Granted | GrantOutcome::Unchanged => ChangeOutcome::Done,
    })
}

/// The audit row's role and purpose for a change made by the actor in `chain`.
fn auditor(actor: &Actor, chain: &[i64]) -> Auditor {
    let role = if actor.has_role_in(Role::HousingOrgAdmin, chain) {
        Role::HousingOrgAdmin
    } else {
        Role::PlatformAdmin
    };
    Auditor {
        user_id: actor.user_id,
        role: role.as_str().into(),
        purpose: "role administration".into(),
    }
}

/// Grants `role` to `grantee`: refused for a grant to oneself by the policy.
async fn grant(
    app: &App,
    actor: &Actor,
    at: &OrgInChain,
    grantee: &User,
    role: Role,
) -> Result<GrantOutcome> {
    let who = auditor(actor, &at.chain);
    authorize(
        actor,
        Action::GrantRole,
        &Resource::RoleGrant {
            chain: at.chain.clone(),
            grantee: grantee.id,
            granted_by: None,
        },
    )?;
    let pending = grant_needs_confirmation(role);
    let outcome = users::grant_membership(
        &app.db,
        grantee.id,
        at.org.id,
        role,
        pending,
        &who,
        app.now(),
    )
    .await?;
    match outcome {
        GrantOutcome::Granted => tell_granted(app, grantee, &at.org, role).await?,
        GrantOutcome::Pending => {
            ask_for_confirmation(app, actor.user_id, grantee, &at.org, role).await?
        }
        GrantOutcome::Unchanged => {}
    }
    tracing::info!(by = ?actor.user_id, user_id = grantee.id, org = at.org.id, role = role.as_str(), ?outcome, "role grant");
    Ok(outcome)
}

/// Removes a role (held or waiting), with its audit row.
async fn revoke(
    app: &App,
    actor: &Actor,
    at: &OrgInChain,
    grantee: &User,
    role: Role,
) -> Result<bool> {
    let who = auditor(actor, &at.chain);
    let removed =
        users::revoke_membership(&app.db, grantee.id, at.org.id, role, &who, app.now()).await?;
    tracing::info!(by = ?actor.user_id, user_id = grantee.id, org = at.org.id, role = role.as_str(), removed, "role removed");
    Ok(removed)
}

/// Confirms a grant waiting for a second person (the person's id and the role as sent by the
/// confirm button); the role then holds and the person is told. Not found when no such grant
/// waits.
pub async fn confirm(
    app: &App,
    actor: &Actor,
    at: &Managed<OrgInChain>,
    user_id: &str,
    role: &str,
) -> Result<()> {
    let role = Role::parse(role).ok_or(Error::NotFound)?;
    let grantee = match user_id.parse::<i64>() {
        Ok(id) => users::user_by_id(&app.db, id).await?,
        Err(_) => None,
    }
    .ok_or(Error::NotFound)?;
    let pending = users::members_of_organisation(&app.db, at.org.id)
        .await?
        .into_iter()
        .find(|m| m.user_id == grantee.id && m.role == role && m.pending)
        .ok_or(Error::NotFound)?;
    let who = auditor(actor, &at.chain);
    authorize(
        actor,
        Action::ConfirmRoleGrant,
        &Resource::RoleGrant {
            chain: at.chain.clone(),
            grantee: grantee.id,
            granted_by: pending.granted_by,
        },
    )?;
    if !users::confirm_membership(&app.db, grantee.id, at.org.id, role, &who, app.now()).await? {
        return Err(Error::NotFound);
    }
    tell_granted(app, &grantee, &at.org, role).await?;
    tracing::info!(by = ?actor.user_id, user_id = grantee.id, org = at.org.id, role = role.as_str(), "role grant confirmed");
    Ok(())
}

/// A housing organisation's choice whether offers from associations new to it wait for
/// approval; not found for any other kind of organisation.
pub async fn set_offers_need_approval(
    app: &App,
    actor: &Actor,
    at: &Managed<OrgInChain>,
    on: bool,
) -> Result<()> {
    if at.org.kind != OrgKind::HousingOrganisation {
        return Err(Error::NotFound);
    }
    orgs::set_offers_need_approval(&app.db, at.org.id, on).await?;
    tracing::info!(by = ?actor.user_id, org = at.org.id, on, "approval setting changed");
    Ok(())
}

fn locale_or_danish(code: Option<&str>) -> Locale {
    code.and_then(Locale::parse).unwrap_or(Locale::Da)
}

/// The mails' words: the role in `locale`, the organisation and a link to its members page.
fn grant_mail_args(
    app: &App,
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
            format!("{}/organisations/{}/members", app.config.base_url, org.id),
        ),
    ]
}

/// Tells `user` by mail that they now hold `role` in `org`.
async fn tell_granted(app: &App, user: &User, org: &Organisation, role: Role) -> Result<()> {
    let locale = locale_or_danish(user.preferred_locale.as_deref());
    messaging::queue_mail(
        app,
        locale,
        &user.email,
        Some(user.id),
        ("mail-role-granted-subject", "mail-role-granted-body"),
        &grant_mail_args(app, locale, &user.display_name, org, role),
    )
    .await
}

/// Tells the organisation's other administrators that a grant waits for one of them; when it
/// has no other administrator, the platform administrators are asked instead.
async fn ask_for_confirmation(
    app: &App,
    granter: Option<i64>,
    grantee: &User,
    org: &Organisation,
    role: Role,
) -> Result<()> {
    let granter_email = match granter {
        Some(id) => users::user_by_id(&app.db, id).await?.map(|u| u.email),
        None => None,
    };
    let is_second_person = |c: &users::MemberContact| {
        Some(&c.email) != granter_email.as_ref() && c.email != grantee.email
    };
    let mut confirmers = Vec::new();
    for chain_org in [Some(org.id), org.parent_id].into_iter().flatten() {
        confirmers
            .extend(users::contacts_with_role(&app.db, chain_org, Role::HousingOrgAdmin).await?);
    }
    confirmers.retain(is_second_person);
    if confirmers.is_empty() {
        for platform in orgs::organisations_of_kind(&app.db, OrgKind::Platform).await? {
            confirmers.extend(
                users::contacts_with_role(&app.db, platform.id, Role::PlatformAdmin).await?,
            );
        }
        confirmers.retain(is_second_person);
    }
    for c in confirmers {
        let locale = locale_or_danish(c.locale.as_deref());
        messaging::queue_mail(
            app,
            locale,
            &c.email,
            None,
            ("mail-role-confirm-subject", "mail-role-confirm-body"),
            &grant_mail_args(app, locale, &grantee.display_name, org, role),
        )
        .await?;
    }
    Ok(())
}

/// The roles the actor holds or waits for, with their organisations.
pub async fn own_roles(app: &App, actor: &Actor) -> Result<Vec<MembershipView>> {
    authorize(actor, Action::ReadOwnAccount, &Resource::OwnAccount)?;
    let user_id = actor.user_id.ok_or(Error::SignInRequired)?;
    Ok(users::membership_views_of_user(&app.db, user_id).await?)
}

/// The platform overview: every account with the roles it holds, and every party.
#[derive(Debug, Clone)]
pub struct PlatformOverview {
    /// Accounts with their memberships.
    pub accounts: Vec<(User, Vec<MembershipView>)>,
    /// Every organisation except municipalities and the platform.
    pub organisations: Vec<Organisation>,
}

/// The platform overview, for platform administrators.
pub async fn platform_overview(app: &App, actor: &Actor) -> Result<PlatformOverview> {
    authorize(actor, Action::AdministerPlatform, &Resource::Platform)?;
    let mut accounts = Vec::new();
    for u in users::list_users(&app.db).await? {
        let roles = users::membership_views_of_user(&app.db, u.id).await?;
        accounts.push((u, roles));
    }
    Ok(PlatformOverview {
        accounts,
        organisations: orgs::partner_organisations(&app.db).await?,
    })
}
