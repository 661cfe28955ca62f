//! Admin login attempts, counted in the database so the limits hold across server instances
//! and restarts. An attempt is counted *before* its password is checked, in one write
//! transaction, so parallel tries (to one instance or several) cannot slip past the limit; a
//! successful login gives its attempt back. Counted per (name, address) and per address, so a
//! stranger's wrong tries do not lock the admin out from their own address. Keys are stored
//! only as hashes.

use crate::storage::{LoginTries, Tx};
use crate::{ServerError, hash_secret};

/// Login attempts one address may make for one name in [`WINDOW_MS`] (then that name is
/// refused from that address, and only there, until the window ends).
pub const MAX_FAILURES: u32 = 5;
/// Login attempts one address may make for all names together in [`WINDOW_MS`].
pub const MAX_ADDRESS_FAILURES: u32 = 20;
/// How long a window of attempts lasts (15 minutes).
pub const WINDOW_MS: i64 = 15 * 60 * 1000;

fn named_key(name: &str, network: &str) -> String {
    hash_secret(&format!("name\u{0}{name}\u{0}{network}"))
}

fn address_key(network: &str) -> String {
    hash_secret(&format!("address\u{0}{network}"))
}

/// The attempts of a window still running at `now_ms` (a fresh one otherwise).
fn current(found: Option<LoginTries>, now_ms: i64) -> LoginTries {
    match found {
        Some(t) if now_ms - t.since_ms < WINDOW_MS => t,
        _ => LoginTries {
            count: 0,
            since_ms: now_ms,
        },
    }
}

/// Counts an attempt for `name` from `network`; false (nothing counted) when either limit is
/// reached.
pub fn begin(tx: &mut dyn Tx, name: &str, network: &str, now_ms: i64) -> Result<bool, ServerError> {
    tx.forget_login_tries(now_ms - WINDOW_MS)?;
    let (nk, ak) = (named_key(name, network), address_key(network));
    let named = current(tx.login_tries(&nk)?, now_ms);
    let address = current(tx.login_tries(&ak)?, now_ms);
    if named.count >= MAX_FAILURES || address.count >= MAX_ADDRESS_FAILURES {
        return Ok(false);
    }
    for (key, t) in [(&nk, named), (&ak, address)] {
        let next = LoginTries {
            count: t.count + 1,
            ..t
        };
        tx.put_login_tries(key, &next)?;
    }
    Ok(true)
}

/// The password was right: the name's tries from this address are forgotten, and this attempt
/// no longer counts against the address.
pub fn succeeded(tx: &mut dyn Tx, name: &str, network: &str) -> Result<(), ServerError> {
    tx.remove_login_tries(&named_key(name, network))?;
    let ak = address_key(network);
    if let Some(t) = tx.login_tries(&ak)? {
        let back = LoginTries {
            count: t.count.saturating_sub(1),
            ..t
        };
        tx.put_login_tries(&ak, &back)?;
    }
    Ok(())
}
