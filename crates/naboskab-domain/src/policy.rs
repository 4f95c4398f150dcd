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

use crate::gather::Bookers;
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
    /// The session passed a second factor (TOTP or a recovery code) after the password.
    pub second_factor: bool,
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
    /// Remove roles in an organisation, and see the members page's forms.
    ManageMembers,
    /// Grant a role in an organisation to someone else ([`Resource::RoleGrant`]): nobody
    /// grants themselves a role.
    GrantRole,
    /// Confirm a grant that waits for a second person ([`grant_needs_confirmation`]): an
    /// administrator of the organisation or a platform administrator, who is neither the
    /// person who granted it nor the person who gets it.
    ConfirmRoleGrant,
    /// Create organisations.
    CreateOrganisation,
    /// Create offers for an organisation ([`Resource::Organisation`]); edit, archive, change
    /// the times of, and keep the check-in list of one offer ([`Resource::Offer`]).
    ManageOffers,
    /// Approve offers waiting in a housing organisation's departments.
    ApproveOffers,
    /// Sign up for an activity, confirm or cancel one's sign-up (anyone, also without an
    /// account: the link in the confirmation message is the proof).
    SignUp,
    /// Sign a resident up on their behalf, recording how they consented: the offer's
    /// organisers and staff, and social caretakers anywhere.
    SignUpOthers,
    /// Configure a department's rooms, settle deposits, export private bookings and read
    /// room statistics: the department's board and the housing organisation's staff.
    ManageRooms,
    /// Approve or reject requests whose rule says "approved by the board": the department's
    /// board members and the housing organisation's staff.
    ApproveAsBoard,
    /// Approve or reject requests whose rule says "approved by staff": the housing
    /// organisation's staff.
    ApproveAsStaff,
    /// Book a room for a kind of use; the room's rule for that kind says who may
    /// ([`Resource::RoomKind`]).
    BookRoom,
    /// Read and write outreach records (contacts, consents, the contact log, follow-ups) held
    /// by a housing organisation: its social caretakers only. Nobody else, not even the
    /// platform's operators, reaches these records through the policy.
    WorkWithOutreach,
    /// Read one outreach record, stating why (a complaint, a data-subject request its holders
    /// cannot answer, a support case): platform administrators only, after a second factor.
    /// The reason is written to the audit log and shown in the person's export.
    InspectOutreachRecord,
    /// See how outreach referrals stand, as counts: an organisation's social caretakers and
    /// administrators exactly; a department's board and a municipality's officers with small
    /// cells suppressed (see [`sees_exact_outreach_counts`]).
    CountOutreach,
}

impl Action {
    /// Every action, for exhaustive tests.
    pub const ALL: [Action; 20] = [
        Action::ReadPublic,
        Action::ReadOwnAccount,
        Action::ManageOwnAccount,
        Action::AdministerPlatform,
        Action::ViewMembers,
        Action::ManageMembers,
        Action::GrantRole,
        Action::ConfirmRoleGrant,
        Action::CreateOrganisation,
        Action::ManageOffers,
        Action::ApproveOffers,
        Action::SignUp,
        Action::SignUpOthers,
        Action::ManageRooms,
        Action::ApproveAsBoard,
        Action::ApproveAsStaff,
        Action::BookRoom,
        Action::WorkWithOutreach,
        Action::InspectOutreachRecord,
        Action::CountOutreach,
    ];

    /// Actions on outreach records: the platform administrator's general override does not
    /// cover them.
    fn is_outreach(self) -> bool {
        matches!(
            self,
            Action::WorkWithOutreach | Action::InspectOutreachRecord | Action::CountOutreach
        )
    }
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
    /// One offer: its owning organisation with the organisations above it. Where the offer
    /// is placed (its department) gives nobody a say over it: a board member manages only
    /// the department's own offers, not an association's held in the same department.
    Offer {
        /// The owning organisation and every organisation above it.
        owner_chain: Vec<i64>,
    },
    /// A role granted, or waiting for confirmation, in an organisation.
    RoleGrant {
        /// The organisation and every organisation above it.
        chain: Vec<i64>,
        /// Who gets the role.
        grantee: i64,
        /// Who granted it (for a confirmation); `None` while granting.
        granted_by: Option<i64>,
    },
    /// One kind of use of a room: its department (with ancestors) and who the room's rule
    /// lets book that kind.
    RoomKind {
        /// The room's department and every organisation above it.
        chain: Vec<i64>,
        /// Who may book this kind here.
        bookers: Bookers,
    },
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Denial {
    /// Nobody is signed in; signing in may help.
    NotSignedIn,
    /// Signed in, but the roles held do not allow it.
    Forbidden,
    /// Allowed, but only after a second factor in this session (SEC-14).
    SecondFactorNeeded,
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

/// Allows `entitled` actors once their session has passed the second factor (SEC-14).
fn with_second_factor(actor: &Actor, entitled: bool) -> Decision {
    match (entitled, actor.second_factor) {
        (true, true) => Decision::Allow,
        (true, false) => Decision::Deny(Denial::SecondFactorNeeded),
        (false, _) => Decision::Deny(Denial::Forbidden),
    }
}

/// Whether outreach counts for the organisation `chain` are shown to `actor` exactly: to the
/// housing organisation's social caretakers and administrators, who work with the records.
/// Everyone else [`Action::CountOutreach`] allows sees cells under five suppressed.
pub fn sees_exact_outreach_counts(actor: &Actor, chain: &[i64]) -> bool {
    actor.has_role_in(Role::SocialCaretaker, chain)
        || actor.has_role_in(Role::HousingOrgAdmin, chain)
}

/// Whether granting `role` takes a second person: the social caretaker's role reads outreach
/// records (health data under GDPR art. 9), so one administrator alone cannot give it, not
/// even to a colleague, and never to themselves.
pub fn grant_needs_confirmation(role: Role) -> bool {
    role == Role::SocialCaretaker
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
    if let Resource::RoleGrant {
        grantee,
        granted_by,
        ..
    } = resource
        && (actor.user_id == Some(*grantee)
            || (action == Action::ConfirmRoleGrant
                && (granted_by.is_none() || actor.user_id == *granted_by)))
    {
        // Four eyes, before any override: nobody grants themselves a role or confirms a
        // grant they made (or one nobody made).
        return Decision::Deny(Denial::Forbidden);
    }
    if actor.is_platform_admin() && !action.is_outreach() {
        // The operator of the installation may administer everything but outreach records
        // (health data under GDPR art. 9, seen only by the outreach staff who hold them), once
        // the session has passed the second factor (SEC-14). Until then the operator has only
        // their other memberships, and is asked for the second factor where those fall short.
        if actor.second_factor {
            return Decision::Allow;
        }
        return match decide_by_membership(actor, action, resource) {
            Decision::Deny(Denial::Forbidden) => Decision::Deny(Denial::SecondFactorNeeded),
            other => other,
        };
    }
    decide_by_membership(actor, action, resource)
}

/// The rules for signed-in people by the roles they hold where the resource is.
fn decide_by_membership(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    match (action, resource) {
        (Action::ReadOwnAccount | Action::ManageOwnAccount, Resource::OwnAccount) => {
            Decision::Allow
        }
        (Action::ViewMembers | Action::ManageMembers, Resource::Organisation { chain })
        | (Action::GrantRole | Action::ConfirmRoleGrant, Resource::RoleGrant { chain, .. }) => {
            allow_if(actor.has_role_in(Role::HousingOrgAdmin, chain))
        }
        (Action::ManageOffers, Resource::Organisation { chain })
        | (Action::ManageOffers, Resource::Offer { owner_chain: chain }) => allow_if(
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
        (Action::ManageRooms | Action::ApproveAsBoard, Resource::Organisation { chain }) => {
            allow_if(
                actor.has_role_in(Role::BoardMember, chain)
                    || actor.has_role_in(Role::HousingOrgAdmin, chain),
            )
        }
        (Action::ApproveAsStaff, Resource::Organisation { chain }) => {
            allow_if(actor.has_role_in(Role::HousingOrgAdmin, chain))
        }
        (Action::BookRoom, Resource::RoomKind { chain, bookers }) => allow_if(
            (bookers.residents && actor.has_role_in(Role::Resident, chain))
                || (bookers.organisers && actor.has_role(Role::Organiser))
                || (bookers.board && actor.has_role_in(Role::BoardMember, chain))
                || (bookers.staff
                    && (actor.has_role_in(Role::HousingOrgAdmin, chain)
                        || actor.has_role_in(Role::SocialCaretaker, chain))),
        ),
        (Action::WorkWithOutreach, Resource::Organisation { chain }) => {
            with_second_factor(actor, actor.has_role_in(Role::SocialCaretaker, chain))
        }
        (Action::InspectOutreachRecord, Resource::Organisation { .. }) => {
            with_second_factor(actor, actor.is_platform_admin())
        }
        (Action::CountOutreach, Resource::Organisation { chain }) => allow_if(
            [
                Role::SocialCaretaker,
                Role::HousingOrgAdmin,
                Role::BoardMember,
                Role::MunicipalOfficer,
            ]
            .into_iter()
            .any(|r| actor.has_role_in(r, chain)),
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
            second_factor: true,
        }
    }

    #[test]
    fn outreach_records_are_for_the_owning_organisations_caretakers_only() {
        let owner = Resource::Organisation { chain: vec![3] };
        assert!(
            decide(
                &with(Role::SocialCaretaker, 3),
                Action::WorkWithOutreach,
                &owner
            )
            .is_allowed()
        );
        let password_only = Actor {
            second_factor: false,
            ..with(Role::SocialCaretaker, 3)
        };
        assert_eq!(
            decide(&password_only, Action::WorkWithOutreach, &owner),
            Decision::Deny(Denial::SecondFactorNeeded),
            "a password alone does not reach outreach records (SEC-14)"
        );
        assert!(
            !decide(
                &with(Role::SocialCaretaker, 4),
                Action::WorkWithOutreach,
                &owner
            )
            .is_allowed(),
            "a caretaker of another housing organisation"
        );
        for role in Role::ALL {
            if role == Role::SocialCaretaker {
                continue;
            }
            assert!(
                !decide(&with(role, 3), Action::WorkWithOutreach, &owner).is_allowed(),
                "{role:?}"
            );
        }
    }

    #[test]
    fn platform_admins_inspect_outreach_records_only_after_the_second_factor() {
        let any = Resource::Organisation { chain: vec![3] };
        let admin = with(Role::PlatformAdmin, 1);
        assert!(decide(&admin, Action::InspectOutreachRecord, &any).is_allowed());
        assert_eq!(
            decide(
                &Actor {
                    second_factor: false,
                    ..admin.clone()
                },
                Action::InspectOutreachRecord,
                &any
            ),
            Decision::Deny(Denial::SecondFactorNeeded)
        );
        assert!(!decide(&admin, Action::WorkWithOutreach, &any).is_allowed());
        assert!(!decide(&admin, Action::CountOutreach, &any).is_allowed());
        for role in Role::ALL.into_iter().filter(|r| *r != Role::PlatformAdmin) {
            assert!(
                !decide(&with(role, 3), Action::InspectOutreachRecord, &any).is_allowed(),
                "{role:?}"
            );
        }
    }

    #[test]
    fn a_platform_administrator_administers_only_after_the_second_factor() {
        let password_only = Actor {
            second_factor: false,
            ..with(Role::PlatformAdmin, 1)
        };
        for (action, resource) in [
            (Action::AdministerPlatform, Resource::Platform),
            (
                Action::ManageMembers,
                Resource::Organisation { chain: vec![3] },
            ),
            (
                Action::ManageOffers,
                Resource::Organisation { chain: vec![3] },
            ),
        ] {
            assert_eq!(
                decide(&password_only, action, &resource),
                Decision::Deny(Denial::SecondFactorNeeded),
                "{action:?}"
            );
            assert!(decide(&with(Role::PlatformAdmin, 1), action, &resource).is_allowed());
        }
        assert!(
            decide(
                &password_only,
                Action::ReadOwnAccount,
                &Resource::OwnAccount
            )
            .is_allowed()
        );
    }

    #[test]
    fn outreach_counts_are_for_the_organisation_its_boards_and_municipality() {
        // A department (30) of housing organisation 3.
        let department = Resource::Organisation { chain: vec![30, 3] };
        for role in [
            Role::SocialCaretaker,
            Role::HousingOrgAdmin,
            Role::BoardMember,
            Role::MunicipalOfficer,
        ] {
            let own = if role == Role::BoardMember { 30 } else { 3 };
            assert!(
                decide(&with(role, own), Action::CountOutreach, &department).is_allowed(),
                "{role:?}"
            );
            assert!(
                !decide(&with(role, 40), Action::CountOutreach, &department).is_allowed(),
                "{role:?} elsewhere"
            );
        }
        for role in [Role::Resident, Role::Organiser] {
            assert!(!decide(&with(role, 30), Action::CountOutreach, &department).is_allowed());
        }
        let chain = [30, 3];
        assert!(sees_exact_outreach_counts(
            &with(Role::SocialCaretaker, 3),
            &chain
        ));
        assert!(sees_exact_outreach_counts(
            &with(Role::HousingOrgAdmin, 3),
            &chain
        ));
        assert!(!sees_exact_outreach_counts(
            &with(Role::BoardMember, 30),
            &chain
        ));
        assert!(!sees_exact_outreach_counts(
            &with(Role::MunicipalOfficer, 3),
            &chain
        ));
    }

    #[test]
    fn rooms_are_managed_and_approved_only_in_ones_own_department() {
        let dept_a = Resource::Organisation { chain: vec![30, 3] };
        let dept_b = Resource::Organisation { chain: vec![40, 4] };
        for role in [Role::BoardMember, Role::HousingOrgAdmin] {
            let a = with(role, 30);
            assert!(decide(&a, Action::ManageRooms, &dept_a).is_allowed());
            assert!(decide(&a, Action::ApproveAsBoard, &dept_a).is_allowed());
            assert!(
                !decide(&a, Action::ApproveAsBoard, &dept_b).is_allowed(),
                "{role:?}"
            );
            assert!(
                !decide(&a, Action::ManageRooms, &dept_b).is_allowed(),
                "{role:?}"
            );
        }
        assert!(
            !decide(
                &with(Role::BoardMember, 30),
                Action::ApproveAsStaff,
                &dept_a
            )
            .is_allowed()
        );
        assert!(
            decide(
                &with(Role::HousingOrgAdmin, 3),
                Action::ApproveAsStaff,
                &dept_a
            )
            .is_allowed()
        );
        for role in [
            Role::Resident,
            Role::Organiser,
            Role::SocialCaretaker,
            Role::MunicipalOfficer,
        ] {
            let a = with(role, 30);
            for action in [
                Action::ManageRooms,
                Action::ApproveAsBoard,
                Action::ApproveAsStaff,
            ] {
                assert!(
                    !decide(&a, action, &dept_a).is_allowed(),
                    "{role:?} {action:?}"
                );
            }
        }
    }

    #[test]
    fn the_rooms_rule_says_who_may_book_a_kind() {
        let residents_only = Resource::RoomKind {
            chain: vec![30, 3],
            bookers: Bookers::parse("residents"),
        };
        assert!(decide(&with(Role::Resident, 30), Action::BookRoom, &residents_only).is_allowed());
        assert!(!decide(&with(Role::Resident, 40), Action::BookRoom, &residents_only).is_allowed());
        assert!(
            !decide(
                &with(Role::BoardMember, 30),
                Action::BookRoom,
                &residents_only
            )
            .is_allowed()
        );
        assert_eq!(
            decide(&Actor::anonymous(), Action::BookRoom, &residents_only),
            Decision::Deny(Denial::NotSignedIn)
        );
        let organisers = Resource::RoomKind {
            chain: vec![30, 3],
            bookers: Bookers::parse("organisers,staff"),
        };
        assert!(decide(&with(Role::Organiser, 77), Action::BookRoom, &organisers).is_allowed());
        assert!(
            decide(
                &with(Role::SocialCaretaker, 3),
                Action::BookRoom,
                &organisers
            )
            .is_allowed()
        );
        assert!(!decide(&with(Role::Resident, 30), Action::BookRoom, &organisers).is_allowed());
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

    #[test]
    fn nobody_grants_themselves_a_role_and_a_second_person_confirms_a_caretaker() {
        let admin = with(Role::HousingOrgAdmin, 3); // user 1
        let grant = |grantee, granted_by| Resource::RoleGrant {
            chain: vec![3],
            grantee,
            granted_by,
        };
        assert!(decide(&admin, Action::GrantRole, &grant(2, None)).is_allowed());
        assert!(
            !decide(&admin, Action::GrantRole, &grant(1, None)).is_allowed(),
            "to oneself"
        );
        assert!(
            !decide(
                &with(Role::HousingOrgAdmin, 4),
                Action::GrantRole,
                &grant(2, None)
            )
            .is_allowed(),
            "in another organisation"
        );
        assert!(
            !decide(&admin, Action::ConfirmRoleGrant, &grant(2, Some(1))).is_allowed(),
            "one's own grant"
        );
        assert!(
            !decide(&admin, Action::ConfirmRoleGrant, &grant(1, Some(5))).is_allowed(),
            "a grant to oneself"
        );
        assert!(decide(&admin, Action::ConfirmRoleGrant, &grant(2, Some(5))).is_allowed());
        // The platform administrator's override does not lift the four eyes.
        let operator = with(Role::PlatformAdmin, 99);
        assert!(decide(&operator, Action::ConfirmRoleGrant, &grant(2, Some(5))).is_allowed());
        assert!(!decide(&operator, Action::ConfirmRoleGrant, &grant(2, Some(1))).is_allowed());
        assert!(!decide(&operator, Action::GrantRole, &grant(1, None)).is_allowed());
        for role in Role::ALL {
            assert_eq!(
                grant_needs_confirmation(role),
                role == Role::SocialCaretaker,
                "{role:?}"
            );
            if role != Role::HousingOrgAdmin && role != Role::PlatformAdmin {
                assert!(
                    !decide(&with(role, 3), Action::ConfirmRoleGrant, &grant(2, Some(5)))
                        .is_allowed(),
                    "{role:?}"
                );
            }
        }
    }

    #[test]
    fn an_offer_is_managed_by_its_own_organisation_not_by_the_department_it_is_held_in() {
        // Association 40 holds an activity in department 30 of housing organisation 3.
        let associations = Resource::Offer {
            owner_chain: vec![40],
        };
        let departments_own = Resource::Offer {
            owner_chain: vec![30, 3],
        };
        for role in [Role::Organiser, Role::BoardMember, Role::SocialCaretaker] {
            assert!(
                !decide(&with(role, 30), Action::ManageOffers, &associations).is_allowed(),
                "{role:?} of the department, another association's offer"
            );
        }
        assert!(
            !decide(
                &with(Role::HousingOrgAdmin, 3),
                Action::ManageOffers,
                &associations
            )
            .is_allowed()
        );
        assert!(
            decide(
                &with(Role::Organiser, 40),
                Action::ManageOffers,
                &associations
            )
            .is_allowed()
        );
        assert!(
            decide(
                &with(Role::BoardMember, 30),
                Action::ManageOffers,
                &departments_own
            )
            .is_allowed()
        );
        assert!(
            decide(
                &with(Role::HousingOrgAdmin, 3),
                Action::ManageOffers,
                &departments_own
            )
            .is_allowed()
        );
        assert!(
            decide(
                &with(Role::PlatformAdmin, 1),
                Action::ManageOffers,
                &associations
            )
            .is_allowed()
        );
    }
}
