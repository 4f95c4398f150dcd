//! Time-based one-time passwords (RFC 6238, HMAC-SHA-1, 30-second steps, 6 digits) as every
//! authenticator app reads them, through the `totp-lite` crate; the base32 secrets they are
//! set up with, through `data-encoding`; and one-time recovery codes.

use data_encoding::BASE32_NOPAD;
use totp_lite::{Sha1, totp_custom};

/// Seconds per step.
pub const STEP_S: i64 = 30;
/// Digits per code.
const DIGITS: u32 = 6;

/// A new random 160-bit secret.
pub fn new_secret() -> Vec<u8> {
    rand::random::<[u8; 20]>().to_vec()
}

/// RFC 4648 base32 without padding (how authenticator apps take a key by hand).
pub fn base32(bytes: &[u8]) -> String {
    BASE32_NOPAD.encode(bytes)
}

/// Reads base32 (any case, spaces and padding ignored); `None` for anything else.
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    BASE32_NOPAD.decode(clean.as_bytes()).ok()
}

/// The code for one time step, `digits` long; `None` before 1970.
fn code_with(secret: &[u8], step: i64, digits: u32) -> Option<u32> {
    let at = u64::try_from(step.checked_mul(STEP_S)?).ok()?;
    totp_custom::<Sha1>(STEP_S as u64, digits, secret, at)
        .parse()
        .ok()
}

/// The 6-digit code for the step containing `now` (Unix seconds).
pub fn code_at(secret: &[u8], now: i64) -> String {
    format!(
        "{:06}",
        code_with(secret, now.div_euclid(STEP_S), DIGITS).unwrap_or_default()
    )
}

/// The time step a typed code belongs to, allowing one step of clock drift either way;
/// `None` when it matches none.
pub fn matching_step(secret: &[u8], typed: &str, now: i64) -> Option<i64> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != DIGITS as usize || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let typed: u32 = digits.parse().ok()?;
    let step = now.div_euclid(STEP_S);
    [step - 1, step, step + 1]
        .into_iter()
        .find(|s| code_with(secret, *s, DIGITS) == Some(typed))
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn otpauth_uri(secret: &[u8], account: &str) -> String {
    let label: String = url_escape(&format!("Naboskab:{account}"));
    format!(
        "otpauth://totp/{label}?secret={}&issuer=Naboskab&algorithm=SHA1&digits=6&period=30",
        base32(secret)
    )
}

fn url_escape(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b':' | b'@' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Ten new recovery codes, each ten characters from an alphabet without look-alikes, in
/// groups of five ("K7QPM-3XWRT").
pub fn new_recovery_codes() -> Vec<String> {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..10)
        .map(|_| {
            let raw: Vec<char> = rand::random::<[u8; 10]>()
                .iter()
                .map(|b| CHARS[(*b as usize) % CHARS.len()] as char)
                .collect();
            format!(
                "{}-{}",
                raw[..5].iter().collect::<String>(),
                raw[5..].iter().collect::<String>()
            )
        })
        .collect()
}

/// A recovery code as typed, normalised for hashing (case and dashes do not matter).
pub fn normalise_recovery_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_test_vectors() {
        // RFC 6238 appendix B, SHA-1, 8 digits; the 6-digit codes are their last six.
        let secret = b"12345678901234567890";
        for (t, want) in [
            (59, 94_287_082),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ] {
            assert_eq!(code_with(secret, t / STEP_S, 8), Some(want), "T = {t}");
            assert_eq!(code_at(secret, t), format!("{:06}", want % 1_000_000));
        }
    }

    #[test]
    fn codes_match_within_one_step_only() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now);
        assert_eq!(matching_step(&secret, &code, now), Some(now / STEP_S));
        assert_eq!(
            matching_step(&secret, &code, now + STEP_S),
            Some(now / STEP_S)
        );
        assert_eq!(matching_step(&secret, &code, now + 3 * STEP_S), None);
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(matching_step(&secret, &spaced, now).is_some());
    }

    #[test]
    fn base32_round_trips_and_matches_rfc_4648() {
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(from_base32("mzxw6ytboi").as_deref(), Some(&b"foobar"[..]));
        let s = new_secret();
        assert_eq!(from_base32(&base32(&s)), Some(s));
        assert_eq!(from_base32("not base32!"), None);
        let uri = otpauth_uri(b"12345678901234567890", "kari@example.dk");
        assert!(uri.starts_with(
            "otpauth://totp/Naboskab:kari@example.dk?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        ));
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert!(codes.iter().all(|c| c.len() == 11));
        assert_eq!(normalise_recovery_code("k7qpm-3xwrt"), "K7QPM3XWRT");
    }
}
