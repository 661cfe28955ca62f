//! Codes both sides agree on: the kiosk's own range of short codes, and phone tokens.
//!
//! - **Short codes** (8 digits for a sign-up, 12 for a post) are what residents type at a
//!   kiosk. Kiosks make them offline, so two kiosks must never draw the same one: the server
//!   gives each kiosk, when it pairs, a *range* (1 to [`MAX_RANGE`]); the kiosk's codes start
//!   with it as three digits, and the rest is random (checked against the kiosk's own file).
//!   A kiosk that never paired uses range 0 (`000…`). The server still refuses a code that is
//!   taken, whoever drew it (a kiosk one version older draws from the whole space).
//! - **Phone tokens** (128 random bits, 32 hex characters) are what a QR code and a phone link
//!   carry. Nobody can guess one; the server keeps only their SHA-256.

/// The highest range the server gives out (three digits).
pub const MAX_RANGE: u32 = 999;
/// Digits of the range at the start of a code.
pub const RANGE_DIGITS: usize = 3;
/// Hex characters of a phone token (16 random bytes: 128 bits).
pub const TOKEN_CHARS: usize = 32;

/// A new code of `digits` digits in `range` (0 when the kiosk has none): three digits of the
/// range, then random digits.
pub fn code_in(range: u32, digits: usize) -> String {
    debug_assert!(digits > RANGE_DIGITS);
    let random_digits = digits - RANGE_DIGITS;
    let n = uuid::Uuid::new_v4().as_u128() % 10u128.pow(random_digits as u32);
    format!(
        "{:0w1$}{n:0w2$}",
        range.min(MAX_RANGE),
        w1 = RANGE_DIGITS,
        w2 = random_digits
    )
}

/// A new phone token: 16 bytes from the operating system's random source, as hex.
pub fn phone_token() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut buf = [0u8; TOKEN_CHARS / 2];
    OsRng.fill_bytes(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `s` has the shape of a phone token (32 lowercase hex characters).
pub fn is_phone_token(s: &str) -> bool {
    s.len() == TOKEN_CHARS && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_start_with_their_range() {
        let c = code_in(42, 8);
        assert_eq!(c.len(), 8);
        assert!(c.starts_with("042"));
        assert!(code_in(0, 12).starts_with("000"));
        assert_eq!(code_in(999, 12).len(), 12);
    }

    #[test]
    fn tokens_are_128_bits_and_differ() {
        let (a, b) = (phone_token(), phone_token());
        assert!(is_phone_token(&a) && is_phone_token(&b));
        assert_ne!(a, b);
        assert!(!is_phone_token("48293750"));
        assert!(!is_phone_token(&a.to_uppercase()));
    }
}
