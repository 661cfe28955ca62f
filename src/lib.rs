//! Digidak kiosk: software for neighbourhood computer rooms. See `ARCHITECTURE.md`.
//!
//! The kiosk's store, sync worker, app state and UI. The rules it shares with the server are in
//! `digidak-core`, the wire types in `digidak-protocol`.

pub mod app;
pub mod config;
pub mod drawn;
pub mod idle;
pub mod logging;
pub mod modules;
pub mod pin;
pub mod speech;
pub mod store;
pub mod sync;
pub mod ui;

/// The data folder when neither `--data`, `DIGIDAK_DATA` nor `storage.data_dir` names one:
/// `~/.local/share/digidak` on Linux.
pub fn default_data_dir() -> std::path::PathBuf {
    directories::ProjectDirs::from("be", "Digidak", "digidak")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::path::PathBuf::from("digidak-data"))
}
