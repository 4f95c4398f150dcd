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
    /// Open and change a municipality's grant calls, read and score the applications to
    /// them, and decide: the municipality's officers.
    ManageGrantCalls,
    /// Write, submit and report an organisation's grant applications: its organisers and,
    /// for a department, its board.
    ApplyForGrants,
    /// Start, change and end partnerships that an organisation is a party to, and read their
    /// contact people and linked applications: the organisation's organisers, board,
    /// administrators and municipal officers.
    ManagePartnerships,
    /// See which activities in a department stand on one volunteer and which volunteers carry
    /// too many (names of volunteers included): the department's board and its housing
    /// organisation's administrators and social caretakers.
    FollowVolunteering,
    /// Run anonymous loneliness surveys in a department (create rounds, issue one-time
    /// codes): its housing organisation's administrators and social caretakers, and the
    /// officers of the municipality it lies in.
    RunSurveys,
    /// Read a department's survey reports (never an answer): those who run surveys there and
    /// the department's board.
    ReadSurveyReports,
    /// Read a department's impact in numbers (offers by group and weekday, participation,
    /// room use): as for referral counts, its board, its housing organisation's administrators
    /// and caretakers, and the officers of its municipality.
    ReadImpact,
}

impl Action {
    /// Every action, for exhaustive tests.
    pub const ALL: [Action; 27] = [
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
        Action::ManageGrantCalls,
        Action::ApplyForGrants,
        Action::ManagePartnerships,
        Action::FollowVolunteering,
        Action::RunSurveys,
        Action::ReadSurveyReports,
        Action::ReadImpact,
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
    /// A department as a place people live: its organisation chain and the municipality
    /// organisations of the municipality it lies in (whose officers have a say in it).
    Department {
        /// The department and every organisation above it.
        chain: Vec<i64>,
        /// The municipality organisations (kind municipality) of its kommunekode.
        municipality: Vec<i64>,
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

/// Whether `actor` holds a role that reads survey reports somewhere ([`Action::RunSurveys`]
/// and [`Action::ReadSurveyReports`] decide where): for the menu and the list of rounds.
pub fn reads_surveys_somewhere(actor: &Actor) -> bool {
    actor.is_platform_admin()
        || [
            Role::HousingOrgAdmin,
            Role::SocialCaretaker,
            Role::BoardMember,
            Role::MunicipalOfficer,
        ]
        .into_iter()
        .any(|r| actor.has_role(r))
}

/// Whether `actor` holds a role that runs surveys somewhere ([`Action::RunSurveys`] decides
/// where): for the form that starts a round.
pub fn runs_surveys_somewhere(actor: &Actor) -> bool {
    actor.is_platform_admin()
        || [
            Role::HousingOrgAdmin,
            Role::SocialCaretaker,
            Role::MunicipalOfficer,
        ]
        .into_iter()
        .any(|r| actor.has_role(r))
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
        (Action::ManageGrantCalls, Resource::Organisation { chain }) => {
            allow_if(actor.has_role_in(Role::MunicipalOfficer, chain))
        }
        (Action::ApplyForGrants, Resource::Organisation { chain }) => allow_if(
            actor.has_role_in(Role::Organiser, chain)
                || actor.has_role_in(Role::BoardMember, chain),
        ),
        (Action::FollowVolunteering, Resource::Organisation { chain }) => allow_if(
            [
                Role::BoardMember,
                Role::HousingOrgAdmin,
                Role::SocialCaretaker,
            ]
            .into_iter()
            .any(|r| actor.has_role_in(r, chain)),
        ),
        (Action::ManagePartnerships, Resource::Organisation { chain }) => allow_if(
            [
                Role::Organiser,
                Role::BoardMember,
                Role::HousingOrgAdmin,
                Role::MunicipalOfficer,
            ]
            .into_iter()
            .any(|r| actor.has_role_in(r, chain)),
        ),
        (
            Action::RunSurveys,
            Resource::Department {
                chain,
                municipality,
            },
        ) => allow_if(
            actor.has_role_in(Role::HousingOrgAdmin, chain)
                || actor.has_role_in(Role::SocialCaretaker, chain)
                || actor.has_role_in(Role::MunicipalOfficer, municipality),
        ),
        (
            Action::ReadSurveyReports | Action::ReadImpact,
            Resource::Department {
                chain,
                municipality,
            },
        ) => allow_if(
            [
                Role::HousingOrgAdmin,
                Role::SocialCaretaker,
                Role::BoardMember,
            ]
            .into_iter()
            .any(|r| actor.has_role_in(r, chain))
                || actor.has_role_in(Role::MunicipalOfficer, municipality),
        ),
        _ => Decision::Deny(Denial::Forbidden),
    }
}

/// Who someone is to a grant application, which decides what they see and may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum GrantReader {
    /// The applicant organisation's organisers (a department's board for the department):
    /// may change it while it is open.
    Applicant,
    /// The call's municipality's officers: may decide.
    Municipality,
    /// The administrators of a housing organisation whose department an activity names:
    /// read only.
    HousingOrganisation,
    /// A platform administrator after the second factor: read only (support); deciding stays
    /// with the municipality and writing with the applicant.
    Platform,
}

/// Who `actor` is to a grant application of the organisation `applicant` (with ancestors), to
/// a call of the municipality `municipality` (with ancestors), naming the departments
/// `departments` (each with ancestors); `None`: nobody (the application does not exist for
/// them). A role held says more than the platform administrator's override.
pub fn grant_reader(
    actor: &Actor,
    applicant: &[i64],
    municipality: &[i64],
    departments: &[Vec<i64>],
) -> Option<GrantReader> {
    if actor.has_role_in(Role::Organiser, applicant)
        || actor.has_role_in(Role::BoardMember, applicant)
    {
        Some(GrantReader::Applicant)
    } else if actor.has_role_in(Role::MunicipalOfficer, municipality) {
        Some(GrantReader::Municipality)
    } else if departments
        .iter()
        .any(|chain| actor.has_role_in(Role::HousingOrgAdmin, chain))
    {
        Some(GrantReader::HousingOrganisation)
    } else if actor.is_platform_admin() && actor.second_factor {
        Some(GrantReader::Platform)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
