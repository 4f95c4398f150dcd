//! Kinds of organisation. Departments belong to a housing organisation; housing areas group
//! departments (possibly of several organisations); municipalities are organisations too, so a
//! municipal officer's membership has somewhere to point.

use serde::{Deserialize, Serialize};

/// The kind of an organisation, as stored in `organisation.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// Almen boligorganisation.
    HousingOrganisation,
    /// Afdeling: belongs to one housing organisation, has an address and a municipality.
    Department,
    /// Boligområde: groups departments.
    HousingArea,
    /// Kommune.
    Municipality,
    /// Forening, optionally with a CVR number.
    Association,
    /// GP, health centre, region.
    HealthActor,
    /// Sports club.
    SportsClub,
    /// Any other partner.
    OtherPartner,
    /// The installation itself; platform administrators are members of it.
    Platform,
}

impl OrgKind {
    /// Every kind.
    pub const ALL: [OrgKind; 9] = [
        OrgKind::HousingOrganisation,
        OrgKind::Department,
        OrgKind::HousingArea,
        OrgKind::Municipality,
        OrgKind::Association,
        OrgKind::HealthActor,
        OrgKind::SportsClub,
        OrgKind::OtherPartner,
        OrgKind::Platform,
    ];

    /// Stable name used in the database, the API and Fluent keys (`org-kind-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::HousingOrganisation => "housing_organisation",
            OrgKind::Department => "department",
            OrgKind::HousingArea => "housing_area",
            OrgKind::Municipality => "municipality",
            OrgKind::Association => "association",
            OrgKind::HealthActor => "health_actor",
            OrgKind::SportsClub => "sports_club",
            OrgKind::OtherPartner => "other_partner",
            OrgKind::Platform => "platform",
        }
    }

    /// Parses the stable name.
    pub fn parse(s: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Validates a Danish CVR number: eight digits, weighted modulus 11 (2,7,6,5,4,3,2,1).
pub fn valid_cvr(cvr: &str) -> bool {
    let digits: Vec<u32> = cvr.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 8 || cvr.len() != 8 || digits.first() == Some(&0) {
        return false;
    }
    const WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];
    digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum::<u32>() % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn cvr_checksum() {
        // Real CVR of Landsbyggefonden's public record style numbers are not needed: a number
        // built to satisfy the checksum, and one digit off.
        assert!(valid_cvr("10000009") || valid_cvr("10000017"));
        let good = (10_000_000u32..10_000_200)
            .map(|n| n.to_string())
            .find(|s| valid_cvr(s))
            .expect("some CVR in range");
        let mut bad = good.clone().into_bytes();
        bad[7] = if bad[7] == b'9' { b'0' } else { bad[7] + 1 };
        assert!(!valid_cvr(&String::from_utf8(bad).expect("ascii")));
        assert!(!valid_cvr("1234567"));
        assert!(!valid_cvr("1234567a"));
    }
}
