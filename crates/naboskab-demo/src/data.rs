//! The demo's seed content, kept as TOML files under `data/` and compiled into the binary: the
//! organisations, the accounts, the fictitious people, the rooms and their bookings, the
//! offers and the example helplines. The Rust modules only say how the content is seeded.

use naboskab_store::StoreError;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// The organisations (`data/organisations.toml`).
pub const ORGANISATIONS: (&str, &str) = (
    "organisations.toml",
    include_str!("../data/organisations.toml"),
);
/// The accounts and their further memberships (`data/accounts.toml`).
pub const ACCOUNTS: (&str, &str) = ("accounts.toml", include_str!("../data/accounts.toml"));
/// The fictitious people (`data/people.toml`).
pub const PEOPLE: (&str, &str) = ("people.toml", include_str!("../data/people.toml"));
/// The rooms and bookings (`data/rooms.toml`).
pub const ROOMS: (&str, &str) = ("rooms.toml", include_str!("../data/rooms.toml"));
/// The offers (`data/offers.toml`).
pub const OFFERS: (&str, &str) = ("offers.toml", include_str!("../data/offers.toml"));
/// The grant calls and applications (`data/grants.toml`).
pub const GRANTS: (&str, &str) = ("grants.toml", include_str!("../data/grants.toml"));
/// The volunteers (`data/volunteers.toml`).
pub const VOLUNTEERS: (&str, &str) = ("volunteers.toml", include_str!("../data/volunteers.toml"));
/// The partnerships (`data/partnerships.toml`).
pub const PARTNERSHIPS: (&str, &str) = (
    "partnerships.toml",
    include_str!("../data/partnerships.toml"),
);
/// The survey rounds (`data/surveys.toml`).
pub const SURVEYS: (&str, &str) = ("surveys.toml", include_str!("../data/surveys.toml"));
/// The example helplines (`data/helplines.toml`).
pub const HELPLINES: (&str, &str) = ("helplines.toml", include_str!("../data/helplines.toml"));

/// Reads one data file; a mistake in it names the file and the place.
pub fn read<T: DeserializeOwned>((name, text): (&str, &str)) -> Result<T, StoreError> {
    toml::from_str(text).map_err(|e| StoreError::Other(format!("demo data {name}: {e}")))
}

/// The fictitious people of `data/people.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// Residents signed up for activities.
    pub participants: Vec<String>,
    /// Residents who book private parties: (name, e-mail).
    pub guests: Vec<(String, String)>,
    /// A neighbour who came without signing up.
    pub walk_in: String,
    /// The people known to outreach staff.
    pub outreach: Outreach,
}

impl People {
    /// Reads `data/people.toml`; every list taken in turn must have something in it.
    pub fn load() -> Result<People, StoreError> {
        let people: People = read(PEOPLE)?;
        let o = &people.outreach;
        let empty = people.participants.is_empty()
            || people.guests.is_empty()
            || o.first_names.is_empty()
            || o.interests.is_empty()
            || o.languages.is_empty()
            || o.notes.is_empty()
            || o.follow_ups.is_empty();
        if empty {
            return Err(StoreError::Other(
                "demo data people.toml: a list is empty".into(),
            ));
        }
        Ok(people)
    }
}

/// The outreach part of `data/people.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outreach {
    /// First names.
    pub first_names: Vec<String>,
    /// Interests, taken in turn.
    pub interests: Vec<String>,
    /// Languages spoken, taken in turn.
    pub languages: Vec<Vec<String>>,
    /// Contact log notes, taken in turn.
    pub notes: Vec<String>,
    /// Follow-ups, taken in turn.
    pub follow_ups: Vec<String>,
    /// The neighbour who goes along.
    pub buddy: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_files_read_and_name_their_content() {
        let people = People::load().expect("people.toml");
        assert_eq!(people.outreach.first_names.len(), 40);
        let broken: Result<People, _> = read(("people.toml", "participants = 3"));
        assert!(
            broken
                .expect_err("not people")
                .to_string()
                .contains("people.toml"),
            "a mistake names the file"
        );
    }
}
