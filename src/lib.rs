//! Digidak kiosk: software for neighbourhood computer rooms. See `ARCHITECTURE.md`.

pub mod activities;
pub mod app;
pub mod bidi;
pub mod board;
pub mod clock;
pub mod codes;
pub mod config;
pub mod i18n;
pub mod idle;
pub mod lang;
pub mod lessons;
pub mod logging;
pub mod pin;
pub mod server;
pub mod speech;
pub mod store;
pub mod sync;
pub mod text;
pub mod ui;

/// The data folder when neither `--data`, `DIGIDAK_DATA` nor `storage.data_dir` names one:
/// `~/.local/share/digidak` on Linux.
pub fn default_data_dir() -> std::path::PathBuf {
    directories::ProjectDirs::from("be", "Digidak", "digidak")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::path::PathBuf::from("digidak-data"))
}

/// The bundled Noto Sans (SIL Open Font License, `assets/fonts/OFL.txt`): the kiosk's text and
/// the paper board's.
pub const FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
/// Arabic script (Arabic, Persian, Pashto), for language names in their own script.
pub const FONT_ARABIC: &[u8] = include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf");
/// Ethiopic script (Tigrinya, Amharic), for language names in their own script.
pub const FONT_ETHIOPIC: &[u8] = include_bytes!("../assets/fonts/NotoSansEthiopic-Regular.ttf");
