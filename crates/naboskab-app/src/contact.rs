//! Checks shared by forms where a person leaves their name and a way to reach them (the
//! lonely page's "contact me", sign-up without an account, assisted sign-up). Each problem is
//! named by its field and a Fluent key.

use crate::error::FieldError;

/// A name, phone and e-mail as checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDetails {
    /// Trimmed name.
    pub name: String,
    /// Phone with only digits, `+` and spaces kept; empty when none was given.
    pub phone: String,
    /// Normalised e-mail; empty when none was given.
    pub email: String,
}

/// Checks a name (required, at most 100 characters) and a phone or an e-mail (at least one;
/// a phone has 8–15 digits). Problems are added to `problems`.
pub fn check_contact(
    name: &str,
    phone: &str,
    email: &str,
    problems: &mut Vec<FieldError>,
) -> ContactDetails {
    let mut bad = |field: &str, key: &'static str| {
        problems.push(FieldError {
            field: field.into(),
            key,
        })
    };
    let name = name.trim();
    if name.is_empty() {
        bad("name", "field-required");
    } else if name.chars().count() > 100 {
        bad("name", "field-too-long");
    }
    let phone_kept: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+' || *c == ' ')
        .collect();
    let digits = phone_kept.chars().filter(char::is_ascii_digit).count();
    if phone.trim().is_empty() && email.trim().is_empty() {
        bad("phone", "field-phone-or-email");
    } else if !phone.trim().is_empty() && !(8..=15).contains(&digits) {
        bad("phone", "field-phone-invalid");
    }
    let email = if email.trim().is_empty() {
        String::new()
    } else {
        match naboskab_domain::email::normalise_email(email) {
            Ok(e) => e,
            Err(_) => {
                bad("email", "field-email-invalid");
                email.trim().to_owned()
            }
        }
    };
    ContactDetails {
        name: name.to_owned(),
        phone: phone_kept.trim().to_owned(),
        email,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(name: &str, phone: &str, email: &str) -> Vec<&'static str> {
        let mut p = Vec::new();
        check_contact(name, phone, email, &mut p);
        p.iter().map(|e| e.key).collect()
    }

    #[test]
    fn name_and_one_way_to_reach_are_needed() {
        assert_eq!(
            fields("", "", ""),
            vec!["field-required", "field-phone-or-email"]
        );
        assert_eq!(fields("Karin", "20 30 40 50", ""), Vec::<&str>::new());
        assert_eq!(fields("Karin", "", "karin@example.dk"), Vec::<&str>::new());
        assert_eq!(fields("Karin", "123", ""), vec!["field-phone-invalid"]);
        assert_eq!(fields("Karin", "", "karin"), vec!["field-email-invalid"]);
        let mut p = Vec::new();
        let c = check_contact(" Karin ", "+45 20-30-40-50", " Karin@Example.dk ", &mut p);
        assert_eq!(c.name, "Karin");
        assert_eq!(c.phone, "+45 20304050");
        assert_eq!(c.email, "karin@example.dk");
    }
}
