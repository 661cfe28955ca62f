//! Digidak's core rules: what the kiosk and the server both apply. Activities (seats' inputs,
//! dates in words, codes), the board's rules, the lessons' content model, text cleaning, time,
//! languages and translations. See `ARCHITECTURE.md`.
//!
//! No egui, no HTTP, no SQL, no threads: everything here is a function of its inputs (the one
//! file access is [`lessons::load`] reading a lesson folder that an admin named). The wire types
//! live one crate below, in `digidak-protocol`.

pub mod activities;
pub mod bidi;
pub mod board;
pub mod clock;
pub mod codes;
pub mod i18n;
pub mod lang;
pub mod lessons;
pub mod logo;
pub mod partners;
pub mod strengths;
pub mod text;
pub mod time;
pub mod version;

/// The bundled Noto Sans (SIL Open Font License, `assets/fonts/OFL.txt`): the kiosk's text and
/// the paper board's.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
/// Arabic script (Arabic, Persian, Pashto), for language names in their own script.
pub const FONT_ARABIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf");
/// Ethiopic script (Tigrinya, Amharic), for language names in their own script.
pub const FONT_ETHIOPIC: &[u8] =
    include_bytes!("../../../assets/fonts/NotoSansEthiopic-Regular.ttf");
