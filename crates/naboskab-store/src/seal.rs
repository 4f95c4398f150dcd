//! Sealing: encryption at rest for outreach records (health data under GDPR art. 9).
//!
//! A [`SealKey`] is 32 bytes from the installation's configuration; [`SealKey::seal`] turns
//! text into `v1.` + hex(nonce ‖ ChaCha20-Poly1305 ciphertext), with a fresh random 96-bit
//! nonce each time, and [`SealKey::open`] reverses it, refusing anything altered or sealed with
//! another key. The column name is bound in as associated data, so a sealed value copied into
//! another column does not open. The database file and its dumps hold only sealed text.
//!
//! Columns the store must match on while they are sealed (a sign-up's e-mail and phone, to
//! find the same person twice) also keep a [`SealKey::blind_index`]: an HMAC-SHA-256 of the
//! normalised value under a key derived from the same secret, so equal values can be found
//! without the database holding the value itself.

use crate::error::StoreError;
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::hmac;
use sha2::{Digest, Sha256};

const PREFIX: &str = "v1.";

/// The installation's sealing key: outreach records, contact requests and the contact details
/// of sign-ups, walk-ins and bookings are sealed with it.
pub struct SealKey {
    key: LessSafeKey,
    index_key: hmac::Key,
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(…)")
    }
}

impl SealKey {
    /// A key from 64 hexadecimal characters (32 bytes).
    pub fn from_hex(hex_key: &str) -> Result<SealKey, StoreError> {
        let bytes = hex::decode(hex_key.trim())
            .ok()
            .filter(|b| b.len() == 32)
            .ok_or_else(|| {
                StoreError::Config("outreach_key must be 64 hexadecimal characters".into())
            })?;
        SealKey::from_bytes(&bytes)
    }

    fn from_bytes(bytes: &[u8]) -> Result<SealKey, StoreError> {
        let unbound = UnboundKey::new(&CHACHA20_POLY1305, bytes)
            .map_err(|_| StoreError::Config("outreach_key has the wrong length".into()))?;
        // The index key is derived, so one configured secret serves both purposes without
        // the index ever revealing anything about the encryption key.
        let derived = hmac::sign(
            &hmac::Key::new(hmac::HMAC_SHA256, bytes),
            b"naboskab blind index v1",
        );
        Ok(SealKey {
            key: LessSafeKey::new(unbound),
            index_key: hmac::Key::new(hmac::HMAC_SHA256, derived.as_ref()),
        })
    }

    /// A key derived from a label, for tests and the demo only (anyone can derive it).
    pub fn for_tests(label: &str) -> SealKey {
        let digest = Sha256::digest(format!("naboskab test key: {label}").as_bytes());
        match SealKey::from_bytes(&digest) {
            Ok(k) => k,
            // A SHA-256 digest is always 32 bytes, the key length of ChaCha20-Poly1305.
            Err(_) => unreachable!("32-byte key"),
        }
    }

    /// A new random key as 64 hexadecimal characters.
    pub fn generate_hex() -> String {
        hex::encode(rand::random::<[u8; 32]>())
    }

    /// Seals `text` for the column `column`.
    pub fn seal(&self, column: &str, text: &str) -> Result<String, StoreError> {
        let nonce_bytes: [u8; NONCE_LEN] = rand::random();
        let mut data = text.as_bytes().to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce_bytes),
                Aad::from(column.as_bytes()),
                &mut data,
            )
            .map_err(|_| StoreError::Sealed)?;
        let mut out = String::with_capacity(PREFIX.len() + 2 * (NONCE_LEN + data.len()));
        out.push_str(PREFIX);
        out.push_str(&hex::encode(nonce_bytes));
        out.push_str(&hex::encode(&data));
        Ok(out)
    }

    /// Seals `text` for `column`, leaving an empty value empty (nothing to hide, and erasure
    /// by blanking stays visible).
    pub fn seal_optional(&self, column: &str, text: &str) -> Result<String, StoreError> {
        if text.is_empty() {
            return Ok(String::new());
        }
        self.seal(column, text)
    }

    /// Opens a value stored by [`SealKey::seal_optional`].
    pub fn open_optional(&self, column: &str, stored: &str) -> Result<String, StoreError> {
        if stored.is_empty() {
            return Ok(String::new());
        }
        self.open(column, stored)
    }

    /// A keyed fingerprint of `value` for `column`, equal for equal values after
    /// normalisation (see [`normalise_for_index`]); empty for an empty value. Lets the store
    /// find "the same e-mail" among sealed values.
    pub fn blind_index(&self, column: &str, value: &str) -> String {
        let normal = normalise_for_index(column, value);
        if normal.is_empty() {
            return String::new();
        }
        let mut ctx = hmac::Context::with_key(&self.index_key);
        ctx.update(column.as_bytes());
        ctx.update(&[0]);
        ctx.update(normal.as_bytes());
        hex::encode(&ctx.sign().as_ref()[..16])
    }

    /// Opens a value sealed for `column`; a value altered, sealed for another column or with
    /// another key is [`StoreError::Sealed`].
    pub fn open(&self, column: &str, sealed: &str) -> Result<String, StoreError> {
        let body = sealed.strip_prefix(PREFIX).ok_or(StoreError::Sealed)?;
        let bytes = hex::decode(body).map_err(|_| StoreError::Sealed)?;
        if bytes.len() < NONCE_LEN {
            return Err(StoreError::Sealed);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| StoreError::Sealed)?;
        let mut data = ciphertext.to_vec();
        let plain = self
            .key
            .open_in_place(nonce, Aad::from(column.as_bytes()), &mut data)
            .map_err(|_| StoreError::Sealed)?;
        String::from_utf8(plain.to_vec()).map_err(|_| StoreError::Sealed)
    }
}

/// How a value is compared for a blind index: e-mail addresses without case or surrounding
/// space; phone numbers by their digits, without the Danish country code (`+45 20 30 40 50`
/// and `20304050` are the same number); anything else trimmed and without case.
pub fn normalise_for_index(column: &str, value: &str) -> String {
    let value = value.trim();
    if column.ends_with("phone") {
        let digits: String = value.chars().filter(char::is_ascii_digit).collect();
        let national = digits
            .strip_prefix("0045")
            .or_else(|| digits.strip_prefix("45").filter(|d| d.len() == 8))
            .unwrap_or(&digits);
        national.to_owned()
    } else {
        value.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_text_opens_only_with_its_key_and_column() {
        let key = SealKey::for_tests("a");
        let sealed = key
            .seal("note", "Føler sig ensom siden foråret")
            .expect("seal");
        assert!(sealed.starts_with("v1."));
        assert!(
            !sealed.contains("ensom"),
            "no plain text in the sealed value"
        );
        assert_ne!(
            sealed,
            key.seal("note", "Føler sig ensom siden foråret")
                .expect("seal"),
            "a fresh nonce each time"
        );
        assert_eq!(
            key.open("note", &sealed).expect("open"),
            "Føler sig ensom siden foråret"
        );
        assert!(matches!(key.open("name", &sealed), Err(StoreError::Sealed)));
        assert!(matches!(
            SealKey::for_tests("b").open("note", &sealed),
            Err(StoreError::Sealed)
        ));
        let mut altered = sealed.clone();
        let last = altered.pop().expect("char");
        altered.push(if last == '0' { '1' } else { '0' });
        assert!(matches!(
            key.open("note", &altered),
            Err(StoreError::Sealed)
        ));
        assert!(matches!(key.open("note", "plain"), Err(StoreError::Sealed)));
    }

    #[test]
    fn blind_indexes_match_equal_values_only_under_the_same_key() {
        let key = SealKey::for_tests("a");
        let phone = key.blind_index("signup.phone", "+45 20 30 40 50");
        assert_eq!(phone, key.blind_index("signup.phone", "20304050"));
        assert_eq!(phone, key.blind_index("signup.phone", "0045 2030 4050"));
        assert_ne!(phone, key.blind_index("signup.phone", "20304051"));
        assert_ne!(phone, key.blind_index("signup.email", "20304050"));
        assert_ne!(
            phone,
            SealKey::for_tests("b").blind_index("signup.phone", "20304050")
        );
        assert!(!phone.contains("20304050"));
        assert_eq!(
            key.blind_index("signup.email", " Inge@Example.DK "),
            key.blind_index("signup.email", "inge@example.dk")
        );
        assert_eq!(key.blind_index("signup.phone", "  "), "");
    }

    #[test]
    fn empty_values_stay_empty_when_sealed() {
        let key = SealKey::for_tests("a");
        assert_eq!(key.seal_optional("x", "").expect("seal"), "");
        assert_eq!(key.open_optional("x", "").expect("open"), "");
        let sealed = key.seal_optional("x", "Inge").expect("seal");
        assert_eq!(key.open_optional("x", &sealed).expect("open"), "Inge");
    }

    #[test]
    fn keys_come_from_64_hex_characters() {
        let hex_key = SealKey::generate_hex();
        assert_eq!(hex_key.len(), 64);
        let a = SealKey::from_hex(&hex_key).expect("key");
        let b = SealKey::from_hex(&hex_key).expect("key");
        let sealed = a.seal("x", "hej").expect("seal");
        assert_eq!(b.open("x", &sealed).expect("open"), "hej");
        assert!(SealKey::from_hex("abc").is_err());
        assert!(SealKey::from_hex(&"zz".repeat(32)).is_err());
    }
}
