//! Reach: what outreach staff record about a resident they help, and the consent rules that
//! decide what may be stored.
//!
//! A [`Profile`] is everything about the person (name, how to reach them, languages,
//! interests, when they can, needs, and the sensitive categories of GDPR art. 9); the store
//! seals it as one value. Consent is a record of its own per [`ConsentScope`]:
//! `registration` must be active for a record to exist at all and for anything to be added to
//! it, and `sensitive` must be active for any [`SensitiveCategory`] to be stored.
//! [`check_consent`] is the one place that rule lives.

use serde::{Deserialize, Serialize};

/// A closed set of named values with a stable name for the database, forms and Fluent keys.
macro_rules! named {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in the order forms show them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Stable name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// Parses the stable name.
            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

named! {
    /// What a consent covers.
    ConsentScope {
        /// Being registered by outreach staff at all (name, contact details, the log).
        Registration = "registration",
        /// Sensitive categories (GDPR art. 9): loneliness, health, eviction risk, conflicts.
        Sensitive = "sensitive",
        /// Sharing with the municipality (e.g. a referral to the municipality's services).
        Municipality = "municipality",
        /// Taking part in measurements (surveys, impact follow-up).
        Measurement = "measurement",
    }
}

named! {
    /// How consent was given.
    ConsentMethod {
        /// Signed on paper.
        Written = "written",
        /// Said aloud to the caretaker.
        Verbal = "verbal",
        /// Given on a screen or by e-mail.
        Digital = "digital",
    }
}

named! {
    /// Sensitive categories (GDPR art. 9 and related): stored only under `sensitive` consent.
    SensitiveCategory {
        /// Loneliness or isolation.
        Loneliness = "loneliness",
        /// Mental health.
        MentalHealth = "mental_health",
        /// Physical health.
        PhysicalHealth = "physical_health",
        /// Risk of eviction.
        EvictionRisk = "eviction_risk",
        /// Conflict with neighbours.
        NeighbourConflict = "neighbour_conflict",
        /// Needs help with Danish.
        LanguageHelp = "language_help",
        /// Needs help with digital services.
        DigitalHelp = "digital_help",
    }
}

named! {
    /// How a contact happened.
    ContactKind {
        /// Knocked on the door.
        DoorKnock = "door_knock",
        /// A planned visit.
        Visit = "visit",
        /// A phone call.
        Phone = "phone",
        /// Met at an activity.
        AtActivity = "at_activity",
        /// Came by the office.
        DropIn = "drop_in",
    }
}

named! {
    /// Part of the day a person can come.
    DayPart {
        /// Before 12.
        Morning = "morning",
        /// 12–17.
        Afternoon = "afternoon",
        /// After 17.
        Evening = "evening",
    }
}

named! {
    /// Access needs that decide which places suit the person.
    Need {
        /// No steps (wheelchair, rollator).
        StepFree = "step_free",
        /// A hearing loop.
        HearingLoop = "hearing_loop",
        /// Costs nothing.
        FreeOnly = "free_only",
    }
}

/// Everything outreach staff know about a person; sealed as one value at rest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// Name or alias.
    pub name: String,
    /// Phone number (optional).
    pub phone: String,
    /// E-mail address (optional).
    pub email: String,
    /// Languages spoken (codes: da, en, ar, …).
    pub languages: Vec<String>,
    /// Interests as Find's category slugs.
    pub interests: Vec<String>,
    /// Weekdays they can, 1 = Monday.
    pub weekdays: Vec<u8>,
    /// Parts of the day they can.
    pub day_parts: Vec<DayPart>,
    /// Access needs.
    pub needs: Vec<Need>,
    /// Age group as Find's target-group slug (e.g. `seniors`), when known.
    pub age_group: String,
    /// Sensitive categories; only with `sensitive` consent.
    pub sensitive: Vec<SensitiveCategory>,
}

/// Why a change is refused under the person's consents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentMissing {
    /// No active `registration` consent: nothing may be stored or added.
    Registration,
    /// Sensitive categories without active `sensitive` consent.
    Sensitive,
}

/// Whether a profile may be stored under the active consent scopes.
pub fn check_consent(active: &[ConsentScope], profile: &Profile) -> Result<(), ConsentMissing> {
    if !active.contains(&ConsentScope::Registration) {
        return Err(ConsentMissing::Registration);
    }
    if !profile.sensitive.is_empty() && !active.contains(&ConsentScope::Sensitive) {
        return Err(ConsentMissing::Sensitive);
    }
    Ok(())
}

/// Parses a comma-separated list of stable names, ignoring unknown ones.
pub fn parse_list<T: Copy>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    text.split(',').filter_map(|s| parse(s.trim())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_stored_without_registration_and_nothing_sensitive_without_its_consent() {
        let plain = Profile {
            name: "Karen".into(),
            ..Profile::default()
        };
        let sensitive = Profile {
            sensitive: vec![SensitiveCategory::Loneliness],
            ..plain.clone()
        };
        use ConsentScope::*;
        let table: [(&[ConsentScope], &Profile, Result<(), ConsentMissing>); 6] = [
            (&[], &plain, Err(ConsentMissing::Registration)),
            (&[Registration], &plain, Ok(())),
            (&[Registration], &sensitive, Err(ConsentMissing::Sensitive)),
            (&[Registration, Sensitive], &sensitive, Ok(())),
            (&[Sensitive], &sensitive, Err(ConsentMissing::Registration)),
            (
                &[Registration, Municipality, Measurement],
                &sensitive,
                Err(ConsentMissing::Sensitive),
            ),
        ];
        for (active, profile, expected) in table {
            assert_eq!(check_consent(active, profile), expected, "{active:?}");
        }
    }

    #[test]
    fn names_round_trip() {
        for s in SensitiveCategory::ALL {
            assert_eq!(SensitiveCategory::parse(s.as_str()), Some(*s));
        }
        assert_eq!(
            parse_list("visit, phone,nonsense", ContactKind::parse),
            vec![ContactKind::Visit, ContactKind::Phone]
        );
        let p = Profile {
            day_parts: vec![DayPart::Evening],
            sensitive: vec![SensitiveCategory::EvictionRisk],
            ..Profile::default()
        };
        let json = serde_json::to_string(&p).expect("json");
        assert!(json.contains("\"eviction_risk\""), "{json}");
        assert_eq!(serde_json::from_str::<Profile>(&json).expect("back"), p);
    }
}
