//! PINs for the volunteer and admin modes: argon2 hashes in the config, never the PINs
//! themselves, and a pad that locks for a minute after five wrong tries.

use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Who a PIN unlocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Volunteer,
    Admin,
}

/// Wrong tries allowed before the pad locks.
pub const MAX_TRIES: u32 = 5;
/// How long the pad stays locked.
pub const LOCKOUT: Duration = Duration::from_secs(60);
/// Shortest and longest PIN.
pub const PIN_LEN: std::ops::RangeInclusive<usize> = 4..=8;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PinError {
    #[error("a PIN is 4 to 8 digits (0-9), nothing else")]
    BadFormat,
    #[error("could not hash the PIN: {0}")]
    Hash(String),
}

/// Checks that a PIN is 4 to 8 digits.
pub fn check_format(pin: &str) -> Result<(), PinError> {
    if PIN_LEN.contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(PinError::BadFormat)
    }
}

/// Hashes a PIN with argon2id and a random salt, as a PHC string for `kiosk.toml`.
pub fn hash_pin(pin: &str) -> Result<String, PinError> {
    check_format(pin)?;
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PinError::Hash(e.to_string()))
}

/// Checks that a string is an argon2 PHC hash; used by config validation.
pub fn check_hash(phc: &str) -> Result<(), String> {
    let parsed = PasswordHash::new(phc).map_err(|e| e.to_string())?;
    if parsed.algorithm.as_str().starts_with("argon2") {
        Ok(())
    } else {
        Err(format!("algorithm {} is not argon2", parsed.algorithm))
    }
}

/// The configured PIN hashes. Verifying costs tens of milliseconds on purpose (argon2), so
/// callers run it off the UI thread.
#[derive(Debug, Clone)]
pub struct PinHashes {
    pub admin: String,
    pub volunteer: Option<String>,
}

impl PinHashes {
    /// Which role this PIN unlocks, if any. The admin PIN wins if both would match.
    pub fn verify(&self, pin: &str) -> Option<Role> {
        if check_format(pin).is_err() {
            return None;
        }
        let matches = |phc: &str| {
            PasswordHash::new(phc)
                .map(|h| {
                    Argon2::default()
                        .verify_password(pin.as_bytes(), &h)
                        .is_ok()
                })
                .unwrap_or(false)
        };
        if matches(&self.admin) {
            Some(Role::Admin)
        } else if self.volunteer.as_deref().is_some_and(matches) {
            Some(Role::Volunteer)
        } else {
            None
        }
    }
}

/// Counts wrong PINs and locks the pad after [`MAX_TRIES`] for [`LOCKOUT`].
/// Survives session wipes on purpose: "I'm done" must not reset a brute-force attempt.
#[derive(Debug, Clone, Default)]
pub struct PinGuard {
    failures: u32,
    locked_until: Option<Instant>,
}

impl PinGuard {
    /// Time left before the pad opens again, or `None` when it is open.
    pub fn locked_for(&self, now: Instant) -> Option<Duration> {
        self.locked_until
            .filter(|until| *until > now)
            .map(|until| until - now)
    }

    /// Records the outcome of a try.
    pub fn record(&mut self, ok: bool, now: Instant) {
        if ok {
            *self = Self::default();
            return;
        }
        if self.locked_until.is_some_and(|until| until <= now) {
            self.locked_until = None;
        }
        self.failures += 1;
        if self.failures >= MAX_TRIES {
            self.failures = 0;
            self.locked_until = Some(now + LOCKOUT);
        }
    }

    /// Wrong tries since the last success or lockout.
    pub fn failures(&self) -> u32 {
        self.failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify_each_role() {
        let hashes = PinHashes {
            admin: hash_pin("1357").unwrap(),
            volunteer: Some(hash_pin("2468").unwrap()),
        };
        assert_eq!(hashes.verify("1357"), Some(Role::Admin));
        assert_eq!(hashes.verify("2468"), Some(Role::Volunteer));
        assert_eq!(hashes.verify("0000"), None);
        assert_eq!(hashes.verify("13a7"), None);
        assert!(check_hash(&hashes.admin).is_ok());
        assert!(check_hash("not-a-hash").is_err());
    }

    #[test]
    fn pin_format() {
        assert!(check_format("1234").is_ok());
        assert!(check_format("12345678").is_ok());
        assert_eq!(check_format("123"), Err(PinError::BadFormat));
        assert_eq!(check_format("123456789"), Err(PinError::BadFormat));
        assert_eq!(check_format("12 4"), Err(PinError::BadFormat));
        assert!(hash_pin("12").is_err());
    }

    #[test]
    fn five_wrong_lock_for_a_minute() {
        let t0 = Instant::now();
        let mut guard = PinGuard::default();
        for _ in 0..4 {
            guard.record(false, t0);
            assert_eq!(guard.locked_for(t0), None);
        }
        guard.record(false, t0);
        assert_eq!(guard.locked_for(t0), Some(LOCKOUT));
        assert_eq!(
            guard.locked_for(t0 + Duration::from_secs(59)),
            Some(Duration::from_secs(1))
        );
        assert_eq!(guard.locked_for(t0 + LOCKOUT), None);
    }

    #[test]
    fn success_resets_the_count() {
        let t0 = Instant::now();
        let mut guard = PinGuard::default();
        for _ in 0..4 {
            guard.record(false, t0);
        }
        guard.record(true, t0);
        guard.record(false, t0);
        assert_eq!(guard.failures(), 1);
        assert_eq!(guard.locked_for(t0), None);
    }
}
