//! Password rules (reliability bar SEC-10, OWASP ASVS 5.0 V6.2): at least 12 and at most 128
//! characters, no composition rules, paste allowed, and none of the most common passwords.
//! Hashing lives in the web crate (Argon2id); this module only judges the text.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Shortest accepted password, in characters.
pub const MIN_LEN: usize = 12;
/// Longest accepted password, in characters (also bounds the hashing cost).
pub const MAX_LEN: usize = 128;

/// The common-password list shipped with the binary: the 10,000 most frequent passwords
/// of the zxcvbn frequency list plus Danish ones, lower-cased.
pub const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Shorter than [`MIN_LEN`].
    #[error("too short")]
    TooShort,
    /// Longer than [`MAX_LEN`].
    #[error("too long")]
    TooLong,
    /// On the common-password list, or the same as the e-mail address.
    #[error("too common")]
    TooCommon,
}

fn common() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON_PASSWORDS.lines().filter(|l| !l.is_empty()).collect())
}

/// Judges a new password for the account with the given e-mail address.
pub fn check_new_password(password: &str, email: &str) -> Result<(), PasswordError> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordError::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordError::TooLong);
    }
    let lower = password.to_lowercase();
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    if common().contains(lower.as_str())
        || lower == email.to_lowercase()
        || (!local.is_empty() && lower == local)
    {
        return Err(PasswordError::TooCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_limits() {
        assert_eq!(
            check_new_password("kort", "a@b.dk"),
            Err(PasswordError::TooShort)
        );
        assert_eq!(
            check_new_password("elleve-tegn", "a@b.dk"),
            Err(PasswordError::TooShort)
        );
        assert_eq!(check_new_password("tolv-tegn-ok", "a@b.dk"), Ok(()));
        let p64: String = "æ".repeat(64);
        assert_eq!(check_new_password(&p64, "a@b.dk"), Ok(()));
        let p128: String = "x7".repeat(64);
        assert_eq!(check_new_password(&p128, "a@b.dk"), Ok(()));
        let p129 = format!("{p128}z");
        assert_eq!(
            check_new_password(&p129, "a@b.dk"),
            Err(PasswordError::TooLong)
        );
    }

    #[test]
    fn no_composition_rules() {
        assert_eq!(
            check_new_password("alle små bogstaver her", "a@b.dk"),
            Ok(())
        );
    }

    #[test]
    fn every_common_password_is_refused() {
        let mut checked = 0;
        for p in COMMON_PASSWORDS.lines().take(3000) {
            assert!(
                check_new_password(p, "someone@example.dk").is_err(),
                "{p} accepted"
            );
            checked += 1;
        }
        assert_eq!(checked, 3000);
        assert_eq!(
            check_new_password("PasswordPassword", "a@b.dk"),
            Err(PasswordError::TooCommon)
        );
        assert_eq!(
            check_new_password("adgangskode123", "a@b.dk"),
            Err(PasswordError::TooCommon)
        );
    }

    #[test]
    fn email_as_password_is_refused() {
        assert_eq!(
            check_new_password("someone.long@example.dk", "someone.long@example.dk"),
            Err(PasswordError::TooCommon)
        );
    }
}
