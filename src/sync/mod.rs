//! Sync between kiosks and the server.
//!
//! - [`protocol`]: the JSON types both sides share (documented in `docs/sync.md`).
//! - [`client`]: the kiosk's blocking HTTP client for that protocol.
//! - [`schema`]: its JSON Schema (`docs/protocol.schema.json`), generated from the types.
//! - [`worker`]: the kiosk's sync thread: push the outbox, pull changes, heartbeat, backoff.

pub mod client;
pub mod protocol;
pub mod schema;
pub mod worker;

/// The UTC calendar day (year, month, day) of a Unix time in milliseconds.
pub fn civil_day(unix_ms: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-to-civil algorithm.
    let z = unix_ms.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `YYYY-MM-DD` (UTC) of a Unix time in milliseconds.
pub fn day_string(unix_ms: i64) -> String {
    let (y, m, d) = civil_day(unix_ms);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn days() {
        assert_eq!(super::day_string(0), "1970-01-01");
        assert_eq!(super::day_string(1_795_409_188_711), "2026-11-23");
        assert_eq!(super::day_string(951_782_400_000), "2000-02-29");
    }
}
