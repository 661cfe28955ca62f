//! Look and feel: the bundled font, text sizes (scaled 1x to 2x), and a palette whose text
//! pairs all reach a contrast of at least 7:1 (WCAG AAA).

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

/// The smallest side of anything a person taps, in logical pixels.
pub const MIN_TARGET: f32 = 64.0;

pub const BG: Color32 = Color32::from_rgb(0xF7, 0xF7, 0xF2);
pub const TEXT: Color32 = Color32::from_rgb(0x11, 0x11, 0x11);
pub const MUTED: Color32 = Color32::from_rgb(0x33, 0x33, 0x33);
pub const PRIMARY: Color32 = Color32::from_rgb(0x0B, 0x4F, 0x8A);
pub const PRIMARY_HOVER: Color32 = Color32::from_rgb(0x08, 0x3A, 0x66);
pub const GO: Color32 = Color32::from_rgb(0x0F, 0x5E, 0x2E);
pub const GO_HOVER: Color32 = Color32::from_rgb(0x0A, 0x45, 0x21);
pub const ON_DARK: Color32 = Color32::WHITE;
pub const SECONDARY: Color32 = Color32::from_rgb(0xE2, 0xE4, 0xE8);
pub const SECONDARY_HOVER: Color32 = Color32::from_rgb(0xCF, 0xD3, 0xDA);
pub const TILE: Color32 = Color32::from_rgb(0xE3, 0xEC, 0xF7);
pub const TILE_HOVER: Color32 = Color32::from_rgb(0xCC, 0xDD, 0xF1);
pub const BAR: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
/// A calm green behind good news ("sent", "right").
pub const GO_BG: Color32 = Color32::from_rgb(0xE3, 0xF4, 0xE8);
pub const NOTICE: Color32 = Color32::from_rgb(0xFF, 0xF1, 0xB8);
pub const ERROR_BG: Color32 = Color32::from_rgb(0xFC, 0xE8, 0xE6);
pub const ERROR_TEXT: Color32 = Color32::from_rgb(0x7A, 0x00, 0x00);
pub const OVERLAY: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);
pub const FOCUS: Color32 = Color32::from_rgb(0xB3, 0x5C, 0x00);
pub const DISABLED_TEXT: Color32 = Color32::from_rgb(0x44, 0x44, 0x44);

/// Every (text, background) pair the UI uses, for the contrast test.
pub const TEXT_PAIRS: &[(&str, Color32, Color32)] = &[
    ("body", TEXT, BG),
    ("muted", MUTED, BG),
    ("primary button", ON_DARK, PRIMARY),
    ("primary hover", ON_DARK, PRIMARY_HOVER),
    ("go button", ON_DARK, GO),
    ("go hover", ON_DARK, GO_HOVER),
    ("secondary button", TEXT, SECONDARY),
    ("secondary hover", TEXT, SECONDARY_HOVER),
    ("disabled button", DISABLED_TEXT, SECONDARY),
    ("tile", TEXT, TILE),
    ("tile hover", TEXT, TILE_HOVER),
    ("bar", TEXT, BAR),
    ("notice", TEXT, NOTICE),
    ("good news", TEXT, GO_BG),
    ("ask label", PRIMARY, BAR),
    ("offer label", GO, BAR),
    ("error", ERROR_TEXT, ERROR_BG),
    ("overlay", ON_DARK, OVERLAY),
];

/// Base text sizes at 1x, in logical pixels.
const BODY: f32 = 24.0;
const BUTTON: f32 = 26.0;
const HEADING: f32 = 38.0;
const SMALL: f32 = 20.0;

/// The family used for headings, tiles and buttons.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Installs Noto Sans (regular and bold) before egui's default fonts, which stay as fallback.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans".into(),
        FontData::from_static(digidak_core::FONT_REGULAR).into(),
    );
    fonts.font_data.insert(
        "noto-sans-bold".into(),
        FontData::from_static(digidak_core::FONT_BOLD).into(),
    );
    // Other scripts (language names in their own script) come after Noto Sans.
    for (name, data) in [
        ("noto-sans-arabic", digidak_core::FONT_ARABIC),
        ("noto-sans-ethiopic", digidak_core::FONT_ETHIOPIC),
    ] {
        fonts
            .font_data
            .insert(name.into(), FontData::from_static(data).into());
    }
    let mut fallback = vec![
        "noto-sans-arabic".to_string(),
        "noto-sans-ethiopic".to_string(),
    ];
    fallback.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    let mut regular = vec!["noto-sans".to_string()];
    regular.extend(fallback.iter().cloned());
    let mut bold_fonts = vec!["noto-sans-bold".to_string()];
    bold_fonts.extend(fallback);
    fonts.families.insert(FontFamily::Proportional, regular);
    fonts.families.insert(bold(), bold_fonts);
    ctx.set_fonts(fonts);
}

/// Applies the palette and text sizes for a text scale (1.0 to 2.0).
pub fn apply(ctx: &egui::Context, scale: f32) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Body,
                FontId::new(BODY * scale, FontFamily::Proportional),
            ),
            (TextStyle::Button, FontId::new(BUTTON * scale, bold())),
            // Headings start large, so they grow half as fast as body text.
            (
                TextStyle::Heading,
                FontId::new(HEADING * (1.0 + (scale - 1.0) / 2.0), bold()),
            ),
            (
                TextStyle::Small,
                FontId::new(SMALL * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(BODY * scale, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(16.0, 16.0);
        // Text is read, not selected: a finger that swipes over words scrolls the screen, and
        // a tap on words never leaves a selection behind for the next person.
        style.interaction.selectable_labels = false;
        style.spacing.button_padding = egui::vec2(20.0, 14.0);
        let v = &mut style.visuals;
        *v = egui::Visuals::light();
        v.panel_fill = BG;
        v.window_fill = BG;
        v.extreme_bg_color = Color32::WHITE;
        v.override_text_color = Some(TEXT);
        v.selection.stroke = egui::Stroke::new(3.0, FOCUS);
        v.widgets.inactive.bg_stroke = egui::Stroke::new(2.0, MUTED);
        v.text_cursor.stroke = egui::Stroke::new(3.0, TEXT);
    });
}

/// The font of the always-visible bars: they grow at most 1.25x, so that at 2x text the
/// content, not the chrome, gets the screen. At 1x it is already large and bold.
pub fn chrome_font(scale: f32) -> FontId {
    FontId::new(BUTTON * scale.min(1.25), bold())
}

/// The small font of the staff corner.
pub fn chrome_small_font(scale: f32) -> FontId {
    FontId::new(SMALL * scale.min(1.25), FontFamily::Proportional)
}

/// WCAG relative luminance.
pub fn luminance(c: Color32) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_text_reaches_7_to_1() {
        for (name, fg, bg) in TEXT_PAIRS {
            let ratio = contrast(*fg, *bg);
            assert!(ratio >= 7.0, "{name}: contrast {ratio:.2} is below 7:1");
        }
    }

    #[test]
    fn contrast_formula() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
