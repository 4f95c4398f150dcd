//! Roles a person can hold. A role is always held *in* an organisation (a membership), except
//! the platform administrator, which is held in the platform organisation.

use serde::{Deserialize, Serialize};

/// A role, as stored in `membership.role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Lives in a department (afdeling).
    Resident,
    /// Runs activities for an association or a department.
    Organiser,
    /// Elected member of a department board (afdelingsbestyrelse).
    BoardMember,
    /// Outreach staff (social vicevært) of a housing organisation.
    SocialCaretaker,
    /// Administrator of a housing organisation.
    HousingOrgAdmin,
    /// Officer of a municipality (kommune).
    MunicipalOfficer,
    /// Operator of the whole Naboskab installation.
    PlatformAdmin,
}

impl Role {
    /// Every role, in the order they are shown.
    pub const ALL: [Role; 7] = [
        Role::Resident,
        Role::Organiser,
        Role::BoardMember,
        Role::SocialCaretaker,
        Role::HousingOrgAdmin,
        Role::MunicipalOfficer,
        Role::PlatformAdmin,
    ];

    /// The stable name used in the database, the API and the Fluent keys (`role-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Organiser => "organiser",
            Role::BoardMember => "board_member",
            Role::SocialCaretaker => "social_caretaker",
            Role::HousingOrgAdmin => "housing_org_admin",
            Role::MunicipalOfficer => "municipal_officer",
            Role::PlatformAdmin => "platform_admin",
        }
    }

    /// Parses the stable name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Staff roles reach other people's data; their sessions are short (30 min idle, 12 h
    /// absolute) and, once outreach data exists, they need a second factor.
    pub fn is_staff(self) -> bool {
        matches!(
            self,
            Role::SocialCaretaker
                | Role::HousingOrgAdmin
                | Role::MunicipalOfficer
                | Role::PlatformAdmin
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("king"), None);
    }
}
