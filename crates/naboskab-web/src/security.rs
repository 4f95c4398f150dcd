//! Secrets for the adapters: constant-time comparison of presented secrets (CSRF tokens,
//! bearer tokens); tokens, their hashes and password hashing are the application's
//! ([`naboskab_app::secrets`]), re-exported here.

use subtle::ConstantTimeEq;

pub use naboskab_app::secrets::{hash_password, hash_token, random_token, verify_password};

/// Compares two strings in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }
}
