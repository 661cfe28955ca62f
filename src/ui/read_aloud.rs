//! "Read aloud" on every screen: the words a screen reader would find on it — headings,
//! text, choices, field labels and what was typed, errors — in reading order (top to bottom,
//! left to right), without the bars' buttons, and long numbers (codes) digit by digit.
//!
//! The words come from the same drawing code as the screen, in one extra pass of its own egui
//! context with AccessKit on, so every screen and every future screen reads itself without a
//! list of texts to keep in step. The pass runs only when the button is tapped; the speaking
//! itself happens on the speech thread, so a frame never waits for it.

use egui::accesskit::Role;

use super::Tr;
use super::pictures::Pictures;
use crate::app::{Action, Kiosk};
use digidak_core::i18n::Translations;

/// A small egui context kept for reading (fonts installed once).
pub struct Reader {
    ctx: egui::Context,
    pictures: Pictures,
    scale: Option<f32>,
}

impl Reader {
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        super::theme::install_fonts(&ctx);
        ctx.enable_accesskit();
        Self {
            ctx,
            pictures: Pictures::words_only(),
            scale: None,
        }
    }

    /// The words of the screen `kiosk` shows, at `size`.
    pub fn read(
        &mut self,
        kiosk: &mut Kiosk,
        translations: &Translations,
        size: egui::Vec2,
    ) -> String {
        let scale = kiosk.text_scale.factor();
        if self.scale != Some(scale) {
            self.scale = Some(scale);
            super::theme::apply(&self.ctx, scale);
        }
        let tr = Tr {
            translations,
            lang: kiosk.lang,
        };
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            ..Default::default()
        };
        let pictures = &mut self.pictures;
        let mut ignored: Vec<Action> = Vec::new();
        let output = self.ctx.run_ui(input, |ui| {
            super::draw(ui, kiosk, pictures, tr, true, &mut ignored);
        });
        // Nothing of this pass is painted: its textures and shapes go nowhere.
        let mut output = output;
        output.textures_delta.clear();
        let Some(update) = output.platform_output.accesskit_update else {
            return String::new();
        };
        let bars = bar_words(tr);
        let mut found: Vec<(egui::accesskit::Rect, String)> = update
            .nodes
            .iter()
            .filter(|(_, n)| {
                !matches!(n.role(), Role::Window | Role::Pane | Role::GenericContainer)
            })
            .filter_map(|(_, n)| {
                let b = n.bounds()?;
                let mut words = n.label().unwrap_or_default().trim().to_string();
                if let Some(v) = n.value().filter(|v| !v.trim().is_empty()) {
                    if !words.is_empty() {
                        words.push_str(": ");
                    }
                    words.push_str(v.trim());
                }
                (!words.is_empty() && !bars.contains(&words)).then_some((b, words))
            })
            .collect();
        // A wrapped text also has a node for each of its lines: read the text once.
        let whole = found.clone();
        found.retain(|(b, w)| {
            !whole.iter().any(|(ob, ow)| {
                ow.len() > w.len()
                    && ow.contains(w.as_str())
                    && ob.x0 <= b.x0 + 1.0
                    && ob.y0 <= b.y0 + 1.0
                    && ob.x1 >= b.x1 - 1.0
                    && ob.y1 >= b.y1 - 1.0
            })
        });
        found.sort_by(|a, b| {
            (a.0.y0, a.0.x0)
                .partial_cmp(&(b.0.y0, b.0.x0))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        found.dedup_by(|a, b| a.1 == b.1);
        // One sentence each, so a speech engine pauses between them.
        let sentences: Vec<String> = found
            .into_iter()
            .map(|(_, w)| {
                let mut w = digits_apart(&w);
                if !w.ends_with(['.', '?', '!', ':']) {
                    w.push('.');
                }
                w
            })
            .collect();
        sentences.join(" ")
    }
}

/// The bars' words (home, back, done, staff, languages, text size, read aloud): the same on
/// every screen, so not read.
fn bar_words(tr: Tr<'_>) -> Vec<String> {
    let mut words: Vec<String> = [
        "nav-home",
        "nav-back",
        "nav-done",
        "staff-open",
        "lesson-read-aloud",
        "read-aloud-no-voice",
    ]
    .iter()
    .map(|k| tr.tr(k))
    .collect();
    words.extend(
        digidak_core::lang::Lang::ALL
            .iter()
            .map(|&l| tr.native_name(l)),
    );
    words.extend(["A", "A+", "A++"].map(String::from));
    words
}

/// Runs of five digits or more (codes, phone numbers) spoken one digit at a time: "1234 5678"
/// becomes "1 2 3 4, 5 6 7 8". Shorter numbers (times, dates, years, counts) stay as they are.
pub fn digits_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            // A code may come in groups: "1234 5678".
            let mut j = i;
            let mut digits = 0;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (chars[j] == ' ' && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                }
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            if digits >= 5 {
                let groups: Vec<String> = run
                    .split(' ')
                    .map(|g| {
                        g.chars()
                            .map(|c| c.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                out.push_str(&groups.join(", "));
            } else {
                out.push_str(&run);
            }
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::digits_apart;

    #[test]
    fn codes_are_spoken_digit_by_digit_and_short_numbers_stay() {
        assert_eq!(
            digits_apart("Je code: 1234 5678"),
            "Je code: 1 2 3 4, 5 6 7 8"
        );
        assert_eq!(
            digits_apart("Nog 3 plaatsen om 14:00"),
            "Nog 3 plaatsen om 14:00"
        );
        assert_eq!(digits_apart("0470123456"), "0 4 7 0 1 2 3 4 5 6");
    }
}
