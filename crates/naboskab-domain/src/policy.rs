//! The permission policy: the one place that decides who may do what.
//!
//! Every handler asks [`decide`] with the acting person (an [`Actor`]), what they want to do (an
//! [`Action`]) and on what (a [`Resource`]). Handlers never decide access themselves. A resource
//! names its organisation together with the organisations above it (a department's housing
//! organisation), so a membership high in the tree covers what is below it.
//!
//! Denials distinguish "not signed in" (the web layer answers 401 / a login redirect) from
//! "signed in but not allowed" (403). Objects a person may not even know about are answered
//! with 404 by the caller, so ids do not leak existence.

use crate::role::Role;
use serde::Serialize;

/// One role held in one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Membership {
    /// The organisation the role is held in.
    pub organisation_id: i64,
    /// The role.
    pub role: Role,
}

/// Who is acting: nobody (anonymous) or a signed-in user with their memberships.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    /// The user's id; `None` for an anonymous visitor.
    pub user_id: Option<i64>,
    /// Every membership of the user.
    pub memberships: Vec<Membership>,
}

impl Actor {
    /// An anonymous visitor.
    pub fn anonymous() -> Actor {
        Actor::default()
    }

    /// Whether the actor holds `role` anywhere.
    pub fn has_role(&self, role: Role) -> bool {
        self.memberships.iter().any(|m| m.role == role)
    }

    /// Whether the actor holds `role` in one of `orgs` (an organisation and its ancestors).
    pub fn has_role_in(&self, role: Role, orgs: &[i64]) -> bool {
        self.memberships
            .iter()
            .any(|m| m.role == role && orgs.contains(&m.organisation_id))
    }

    /// Whether any role held is a staff role (short sessions).
    pub fn is_staff(&self) -> bool {
        self.memberships.iter().any(|m| m.role.is_staff())
    }

    /// Whether the actor is a platform administrator.
    pub fn is_platform_admin(&self) -> bool {
        self.has_role(Role::PlatformAdmin)
    }
}

/// Something a person wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Action {
    /// Read public pages and public API data (offers, organisations, municipalities).
    ReadPublic,
    /// Read one's own account, sessions and tokens.
    ReadOwnAccount,
    /// Change one's own password, sign out everywhere, create or revoke one's API tokens.
    ManageOwnAccount,
    /// See the platform administration pages (all organisations and accounts).
    AdministerPlatform,
    /// See who holds which role in an organisation.
    ViewMembers,
    /// Grant or remove roles in an organisation.
    ManageMembers,
    /// Create organisations.
    CreateOrganisation,
    /// Create, edit and archive the offers of an organisation.
    ManageOffers,
    /// Approve offers waiting in a housing organisation's departments.
    ApproveOffers,
    /// Sign up for an activity, confirm or cancel one's sign-up (anyone, also without an
    /// account: the link in the confirmation message is the proof).
    SignUp,
    /// Sign a resident up on their behalf, recording how they consented: the offer's
    /// organisers and staff, and social caretakers anywhere.
    SignUpOthers,
}

impl Action {
    /// Every action, for exhaustive tests.
    pub const ALL: [Action; 11] = [
        Action::ReadPublic,
        Action::ReadOwnAccount,
        Action::ManageOwnAccount,
        Action::AdministerPlatform,
        Action::ViewMembers,
        Action::ManageMembers,
        Action::CreateOrganisation,
        Action::ManageOffers,
        Action::ApproveOffers,
        Action::SignUp,
        Action::SignUpOthers,
    ];
}

/// What an action is done on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    /// Public data; anyone may read it.
    Public,
    /// The actor's own account.
    OwnAccount,
    /// The installation as a whole.
    Platform,
    /// An organisation, listed with its ancestors (itself first).
    Organisation {
        /// The organisation and every organisation above it.
        chain: Vec<i64>,
    },
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Denial {
    /// Nobody is signed in; signing in may help.
    NotSignedIn,
    /// Signed in, but the roles held do not allow it.
    Forbidden,
}

/// The policy's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Decision {
    /// Go ahead.
    Allow,
    /// Refused.
    Deny(Denial),
}

impl Decision {
    /// Whether the decision allows.
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

fn allow_if(cond: bool) -> Decision {
    if cond {
        Decision::Allow
    } else {
        Decision::Deny(Denial::Forbidden)
    }
}

/// Decides whether `actor` may do `action` on `resource`. Any combination not listed is
/// denied: the policy fails closed.
pub fn decide(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    if matches!(action, Action::ReadPublic | Action::SignUp) {
        return allow_if(*resource == Resource::Public);
    }
    if actor.user_id.is_none() {
        return Decision::Deny(Denial::NotSignedIn);
    }
    if actor.is_platform_admin() {
        // The operator of the installation may administer everything in this foundation
        // policy; reading other people's outreach records will need an explicit, logged reason.
        return Decision::Allow;
    }
    match (action, resource) {
        (Action::ReadOwnAccount | Action::ManageOwnAccount, Resource::OwnAccount) => {
            Decision::Allow
        }
        (Action::ViewMembers | Action::ManageMembers, Resource::Organisation { chain }) => {
            allow_if(actor.has_role_in(Role::HousingOrgAdmin, chain))
        }
        (Action::ManageOffers, Resource::Organisation { chain }) => allow_if(
            [
                Role::Organiser,
                Role::BoardMember,
                Role::HousingOrgAdmin,
                Role::SocialCaretaker,
            ]
            .into_iter()
            .any(|r| actor.has_role_in(r, chain)),
        ),
        (Action::SignUpOthers, Resource::Organisation { chain }) => allow_if(
            actor.has_role(Role::SocialCaretaker)
                || [Role::Organiser, Role::BoardMember, Role::HousingOrgAdmin]
                    .into_iter()
                    .any(|r| actor.has_role_in(r, chain)),
        ),
        (Action::ApproveOffers, Resource::Organisation { chain }) => allow_if(
            actor.has_role_in(Role::HousingOrgAdmin, chain)
                || actor.has_role_in(Role::SocialCaretaker, chain),
        ),
        _ => Decision::Deny(Denial::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(role: Role, org: i64) -> Actor {
        Actor {
            user_id: Some(1),
            memberships: vec![Membership {
                organisation_id: org,
                role,
            }],
        }
    }

    #[test]
    fn anonymous_reads_public_only() {
        let a = Actor::anonymous();
        assert_eq!(
            decide(&a, Action::ReadPublic, &Resource::Public),
            Decision::Allow
        );
        for action in Action::ALL
            .into_iter()
            .filter(|a| !matches!(a, Action::ReadPublic | Action::SignUp))
        {
            assert_eq!(
                decide(&a, action, &Resource::OwnAccount),
                Decision::Deny(Denial::NotSignedIn),
                "{action:?}"
            );
        }
    }

    #[test]
    fn own_account_is_for_every_signed_in_role() {
        for role in Role::ALL {
            let a = with(role, 5);
            assert!(decide(&a, Action::ReadOwnAccount, &Resource::OwnAccount).is_allowed());
            assert!(decide(&a, Action::ManageOwnAccount, &Resource::OwnAccount).is_allowed());
        }
    }

    #[test]
    fn only_platform_admins_administer_the_platform() {
        for role in Role::ALL {
            let d = decide(
                &with(role, 1),
                Action::AdministerPlatform,
                &Resource::Platform,
            );
            assert_eq!(d.is_allowed(), role == Role::PlatformAdmin, "{role:?}");
        }
    }

    #[test]
    fn housing_org_admin_manages_members_below_own_org_only() {
        let admin = with(Role::HousingOrgAdmin, 10);
        let own_department = Resource::Organisation {
            chain: vec![11, 10],
        };
        let other_department = Resource::Organisation {
            chain: vec![21, 20],
        };
        assert!(decide(&admin, Action::ManageMembers, &own_department).is_allowed());
        assert!(!decide(&admin, Action::ManageMembers, &other_department).is_allowed());
        let board = with(Role::BoardMember, 11);
        assert!(!decide(&board, Action::ManageMembers, &own_department).is_allowed());
    }

    #[test]
    fn offers_are_managed_by_their_organisations_people_only() {
        let own = Resource::Organisation { chain: vec![30] };
        for role in [
            Role::Organiser,
            Role::BoardMember,
            Role::HousingOrgAdmin,
            Role::SocialCaretaker,
        ] {
            assert!(
                decide(&with(role, 30), Action::ManageOffers, &own).is_allowed(),
                "{role:?}"
            );
            assert!(
                !decide(&with(role, 31), Action::ManageOffers, &own).is_allowed(),
                "{role:?} elsewhere"
            );
        }
        for role in [Role::Resident, Role::MunicipalOfficer] {
            assert!(
                !decide(&with(role, 30), Action::ManageOffers, &own).is_allowed(),
                "{role:?}"
            );
        }
        assert!(!decide(&with(Role::Organiser, 30), Action::ApproveOffers, &own).is_allowed());
        assert!(
            decide(
                &with(Role::HousingOrgAdmin, 30),
                Action::ApproveOffers,
                &own
            )
            .is_allowed()
        );
    }

    #[test]
    fn public_action_on_private_resource_is_denied() {
        let a = with(Role::Resident, 1);
        assert!(!decide(&a, Action::ReadPublic, &Resource::Platform).is_allowed());
    }
}
