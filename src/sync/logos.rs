//! Partners' uploaded logos on the kiosk: the sync worker fetches each logo a partner names
//! (`PartnerRecord.logo`, the SHA-256 of the PNG the server made) from the paired server's
//! `/partner-logo/{hash}`, at most [`MAX_LOGO_BYTES`], checks that the bytes' SHA-256 is that
//! name and that they decode as PNG, and keeps it as `logos/{hash}.png` in the data folder
//! (written to a temporary file, then renamed). Logos no partner names any more are removed.
//! A logo that cannot be fetched never stops sync: it is logged (its name only, which is
//! public) and tried again later.
//!
//! The store worker reads the files back and decodes them for the partners module
//! ([`read_logo`], off the UI thread).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::client::{SyncClient, SyncError};
use digidak_core::lessons::Pixels;
use digidak_core::lessons::photo::{PhotoKind, check_photo, draw_photo};
use digidak_core::logo::{is_logo_hash, logo_hash};

/// The folder in the data folder that holds the logos.
pub const LOGO_DIR: &str = "logos";
/// The most a logo's answer may weigh (the server's are at most 256 x 256 pixels).
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;
/// The size the kiosk draws a logo at (pixels, square; the card scales it).
pub const LOGO_DRAW_PX: u32 = 128;

/// Why a logo was not kept.
#[derive(Debug, thiserror::Error)]
pub enum LogoError {
    #[error("{0}")]
    Fetch(#[from] SyncError),
    #[error("{0:?} cannot name a logo")]
    BadName(String),
    #[error("the logo's bytes do not match its name")]
    WrongHash,
    #[error("the logo is not a readable PNG: {0}")]
    NotPng(String),
    #[error("cannot write the logo in the data folder: {0}")]
    Write(#[from] std::io::Error),
}

/// What one round did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LogoRound {
    /// Logos fetched and kept now.
    pub fetched: usize,
    /// Logos that could not be fetched or were refused (tried again later).
    pub failed: usize,
    /// Files removed because no partner names them any more.
    pub removed: usize,
}

/// Where logo `hash` is kept, if `hash` can name a logo at all.
pub fn logo_path(data_dir: &Path, hash: &str) -> Option<PathBuf> {
    is_logo_hash(hash).then(|| data_dir.join(LOGO_DIR).join(format!("{hash}.png")))
}

/// The logos kept in `data_dir` (by name).
pub fn kept_logos(data_dir: &Path) -> BTreeSet<String> {
    let Ok(entries) = std::fs::read_dir(data_dir.join(LOGO_DIR)) else {
        return BTreeSet::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let hash = name.strip_suffix(".png")?;
            is_logo_hash(hash).then(|| hash.to_string())
        })
        .collect()
}

/// Checks a logo's answer: its SHA-256 is `hash` and it decodes as PNG.
pub fn check_logo(hash: &str, bytes: &[u8]) -> Result<(), LogoError> {
    if logo_hash(bytes) != hash {
        return Err(LogoError::WrongHash);
    }
    check_photo(bytes, PhotoKind::Png).map_err(LogoError::NotPng)?;
    Ok(())
}

/// Fetches logo `hash` from `client`'s server, checks it and keeps it in `data_dir`.
pub fn fetch_logo(client: &SyncClient, data_dir: &Path, hash: &str) -> Result<(), LogoError> {
    let Some(path) = logo_path(data_dir, hash) else {
        return Err(LogoError::BadName(hash.to_string()));
    };
    let bytes = client.partner_logo(hash, MAX_LOGO_BYTES)?;
    check_logo(hash, &bytes)?;
    let dir = data_dir.join(LOGO_DIR);
    std::fs::create_dir_all(&dir)?;
    let tmp = dir.join(format!("{hash}.png.tmp"));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(&bytes)?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, &path)?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// One round: fetches each of `wanted` not kept yet (skipping `skip`, the ones that failed a
/// moment ago), removes kept logos not in `wanted`. Never fails: what went wrong is logged
/// and counted, and the names that failed are returned in `failed_names`.
pub fn sync_logos(
    client: &SyncClient,
    data_dir: &Path,
    wanted: &BTreeSet<String>,
    skip: &BTreeSet<String>,
    failed_names: &mut BTreeSet<String>,
) -> LogoRound {
    let mut round = LogoRound::default();
    let kept = kept_logos(data_dir);
    for hash in wanted.iter().filter(|h| is_logo_hash(h)) {
        if kept.contains(hash) || skip.contains(hash) {
            continue;
        }
        match fetch_logo(client, data_dir, hash) {
            Ok(()) => {
                tracing::info!(logo = %hash, "partner logo fetched");
                round.fetched += 1;
            }
            Err(e) => {
                tracing::warn!(logo = %hash, error = %e, "partner logo not fetched, will retry");
                round.failed += 1;
                failed_names.insert(hash.clone());
                if let Some(path) = logo_path(data_dir, hash) {
                    let _ = std::fs::remove_file(path.with_extension("png.tmp"));
                }
            }
        }
    }
    for hash in kept.difference(wanted) {
        if let Some(path) = logo_path(data_dir, hash)
            && std::fs::remove_file(&path).is_ok()
        {
            round.removed += 1;
        }
    }
    round
}

/// Reads and draws kept logo `hash` ([`LOGO_DRAW_PX`] square) for the UI; `None` when it is
/// not kept (yet) or not readable. Runs on the store worker's thread.
pub fn read_logo(data_dir: &Path, hash: &str) -> Option<Pixels> {
    let path = logo_path(data_dir, hash)?;
    let bytes = std::fs::read(&path).ok()?;
    if bytes.len() > MAX_LOGO_BYTES {
        return None;
    }
    let photo = check_photo(&bytes, PhotoKind::Png).ok()?;
    match draw_photo(&photo, LOGO_DRAW_PX) {
        Ok(px) => Some(px),
        Err(e) => {
            tracing::warn!(logo = %hash, error = %e, "partner logo not drawn");
            None
        }
    }
}
