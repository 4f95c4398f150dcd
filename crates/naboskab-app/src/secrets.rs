//! Secrets: random tokens (256-bit by default, from the OS generator) for links and cookies,
//! their SHA-256 hashes (only hashes are stored), and Argon2id password hashing with the OWASP
//! parameters (m = 19 MiB, t = 2, p = 1), run off the async threads.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A random URL-safe token of `bytes` random bytes (base64 without padding).
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 of a token, hex encoded: what the database stores for sessions and tokens.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn argon2() -> Result<Argon2<'static>, String> {
    let params = Params::new(19_456, 2, 1, None).map_err(|e| e.to_string())?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password (Argon2id, random 128-bit salt); returns the PHC string.
pub async fn hash_password(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        argon2()?
            .hash_password_with_salt(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// A valid hash of a random password, checked when the e-mail is unknown so that known and
/// unknown addresses take the same time.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$WzSBV8s0HQRyZpl3GpVx2bwv9g9Vq7PxEGd7rRdIBbE";

/// Checks a password against a stored PHC string (or against a dummy when there is none).
pub async fn verify_password(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let (hash, real) = match stored {
            Some(h) => (h, true),
            None => (DUMMY_HASH.to_owned(), false),
        };
        let Ok(parsed) = argon2::PasswordHash::new(&hash) else {
            return false;
        };
        let Ok(a) = argon2() else { return false };
        a.verify_password(password.as_bytes(), &parsed).is_ok() && real
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_long() {
        let set: std::collections::HashSet<String> = (0..1000).map(|_| random_token(32)).collect();
        assert_eq!(set.len(), 1000);
        assert!(set.iter().all(|t| t.len() >= 43), "256 bits in base64url");
    }

    #[tokio::test]
    async fn argon2id_with_owasp_parameters_and_exact_verification() {
        let long = format!("{}X{}", "a".repeat(72), "tail");
        let h = hash_password(long.clone()).await.expect("hash");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_password(long.clone(), Some(h.clone())).await);
        let mut byte73 = long.clone().into_bytes();
        byte73[72] = b'Y';
        assert!(!verify_password(String::from_utf8(byte73).expect("ascii"), Some(h.clone())).await);
        assert!(!verify_password(long.to_uppercase(), Some(h.clone())).await);
        let h2 = hash_password(long.clone()).await.expect("hash");
        assert_ne!(h, h2, "salts are unique");
        assert!(!verify_password("anything".into(), None).await);
    }
}
