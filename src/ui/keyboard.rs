//! The kiosk's own on-screen keyboard, so a tablet or touch screen without a keyboard works the
//! same on every system: Belgian AZERTY for Dutch and French, QWERTY for English, a row of
//! digits, accents two taps away, `@` and `.` for e-mail addresses, a number pad for phone
//! numbers, and a key that hides it. Keys are at least [`MIN_TARGET`] on each side.
//!
//! Every text field of the kiosk goes through [`field`]. When a field is tapped by touch
//! (`input.keyboard = "auto"`, the default) or used at all (`"always"`), it becomes the
//! keyboard's target; [`panel`] then draws the keys at the bottom of the window (in place of
//! the language bar). A key press is kept for one frame and typed into the target field at its
//! cursor when the field is drawn, in the same frame. A physical keyboard keeps working.
//!
//! The keyboard's state lives in egui's memory, which the session wipe empties: nothing typed,
//! half typed or chosen on it survives a wipe.

use egui::text::{CCursor, CCursorRange};
use egui::text_edit::TextEditState;
use egui::{Align, Color32, CornerRadius, Id, Response, Sense, Ui, Vec2, vec2};

use super::Tr;
use super::picto::{self, Picto};
use super::theme::{self, MIN_TARGET};
use crate::config::KeyboardMode;
use digidak_core::lang::Lang;

/// What a text field expects, which decides the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FieldKind {
    /// Words: names, titles, messages, search.
    #[default]
    Text,
    /// An e-mail address: `@` and `.` on the first layer.
    Email,
    /// A web address (the admin's server address): `:` `/` `.` on the first layer.
    Url,
    /// A phone number: a number pad with `+`.
    Phone,
}

/// One key press, waiting to be typed into the target field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Press {
    Text(String),
    Erase,
}

#[derive(Debug, Clone, Default)]
struct State {
    /// The field the keys type into.
    target: Option<Id>,
    kind: FieldKind,
    /// The second layer: accented letters and signs.
    accents: bool,
    shift: bool,
    pending: Vec<Press>,
    /// Whether the last pointer input came from a finger (for `auto`).
    touch: bool,
    /// When the last touch event came (egui's input time, seconds).
    touch_time: f64,
    /// `input.keyboard` from the config.
    mode: KeyboardMode,
    /// The pass in which the target field was last drawn: a field that is gone closes it.
    seen_pass: u64,
    /// Frames left in which the target field asks to be scrolled into view (the window's
    /// free height changes one frame after the keyboard appears).
    reveal: u8,
}

fn state_id() -> Id {
    Id::unique("digidak-keyboard")
}

fn load(ctx: &egui::Context) -> State {
    ctx.data(|d| d.get_temp::<State>(state_id()))
        .unwrap_or_default()
}

fn save(ctx: &egui::Context, state: State) {
    ctx.data_mut(|d| d.insert_temp(state_id(), state));
}

/// Notes the configured mode and whether the last pointer input came from a finger or a
/// mouse. A touch screen reports a tap as touch events and, in the frames around them, the
/// pointer events they stand for: pointer input within half a second of a touch is the finger.
/// Call once a frame, before anything is drawn.
pub fn note_input(ctx: &egui::Context, mode: KeyboardMode) {
    let (now, touch, pointer) = ctx.input(|i| {
        let touch = i
            .events
            .iter()
            .any(|e| matches!(e, egui::Event::Touch { .. }));
        let pointer = i.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::PointerButton { .. } | egui::Event::MouseWheel { .. }
            )
        });
        (i.time, touch, pointer)
    });
    let mut s = load(ctx);
    let before = (s.mode, s.touch, s.touch_time);
    s.mode = mode;
    if touch {
        s.touch = true;
        s.touch_time = now;
    } else if pointer && now - s.touch_time > 0.5 {
        s.touch = false;
    }
    if before != (s.mode, s.touch, s.touch_time) {
        save(ctx, s);
    }
}

/// Whether the keyboard is open, so the window keeps room for it.
pub fn is_open(ctx: &egui::Context) -> bool {
    let s = load(ctx);
    s.target.is_some() && s.seen_pass + 1 >= ctx.cumulative_pass_nr()
}

/// Closes the keyboard (a new screen, the hide key).
pub fn close(ctx: &egui::Context) {
    let mut s = load(ctx);
    if s.target.take().is_some() {
        s.pending.clear();
        s.accents = false;
        s.shift = false;
        save(ctx, s);
    }
}

/// A text field that the on-screen keyboard can type into. `key` names the field on its
/// screen (its label will do); `make` builds the `TextEdit` for the text, after any key
/// presses of this frame were typed into it.
pub fn field(
    ui: &mut Ui,
    key: &str,
    text: &mut String,
    kind: FieldKind,
    limit: usize,
    make: impl for<'t> FnOnce(&'t mut String) -> egui::TextEdit<'t>,
) -> Response {
    let ctx = ui.ctx().clone();
    let id = ui.make_persistent_id(("keyboard-field", key));
    let mut s = load(&ctx);
    let targeted = s.target == Some(id);
    if targeted && !s.pending.is_empty() {
        type_into(&ctx, id, text, limit, &std::mem::take(&mut s.pending));
    }
    let before_rtl = right_to_left_letters(text);
    let before = (before_rtl > 0 || ui.input(|i| !i.events.is_empty())).then(|| text.clone());
    let response = ui.add(make(text).id(id));
    // egui's TextEdit cannot edit right-to-left text (it neither reorders nor moves its cursor
    // the right way), so newly typed Arabic or Hebrew letters are refused rather than shown
    // garbled. Text that already holds them (a post a volunteer corrects) keeps them.
    if let Some(before) = before
        && right_to_left_letters(text) > before_rtl
    {
        *text = before;
    }
    if response.clicked() || response.gained_focus() {
        let wanted = match s.mode {
            KeyboardMode::Always => true,
            KeyboardMode::Auto => s.touch,
            KeyboardMode::Never => false,
        };
        if wanted && s.target != Some(id) {
            s.target = Some(id);
            s.kind = kind;
            s.accents = false;
            s.shift = false;
            s.reveal = 3;
        } else if !wanted {
            s.target = None;
        }
    }
    if s.target == Some(id) {
        s.seen_pass = ctx.cumulative_pass_nr();
        if !response.has_focus() {
            response.request_focus();
        }
        if s.reveal > 0 {
            s.reveal -= 1;
            response.scroll_to_me(Some(Align::Center));
            ctx.request_repaint();
        }
    }
    save(&ctx, s);
    response
}

/// How many right-to-left letters (Arabic, Hebrew, Syriac, Thaana, N'Ko) `text` holds.
pub fn right_to_left_letters(text: &str) -> usize {
    text.chars()
        .filter(|&c| {
            matches!(
                unicode_bidi::bidi_class(c),
                unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
            )
        })
        .count()
}

/// Types `presses` into `text` at the field's cursor (replacing a selection), keeping to
/// `limit` characters, and moves the cursor behind what was typed.
fn type_into(ctx: &egui::Context, id: Id, text: &mut String, limit: usize, presses: &[Press]) {
    let mut state = TextEditState::load(ctx, id).unwrap_or_default();
    let chars = text.chars().count();
    let (mut start, mut end) = match state.cursor.char_range() {
        Some(r) => {
            let [a, b] = r.sorted_cursors();
            (a.index.0.min(chars), b.index.0.min(chars))
        }
        None => (chars, chars),
    };
    for press in presses {
        let byte = |i: usize| text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
        match press {
            Press::Text(t) => {
                let after = text.chars().count() - (end - start);
                let room = limit.saturating_sub(after);
                let t: String = t.chars().take(room).collect();
                let (b0, b1) = (byte(start), byte(end));
                text.replace_range(b0..b1, &t);
                start += t.chars().count();
            }
            Press::Erase => {
                if start == end && start > 0 {
                    start -= 1;
                }
                let (b0, b1) = (byte(start), byte(end));
                text.replace_range(b0..b1, "");
            }
        }
        end = start;
    }
    state
        .cursor
        .set_char_range(Some(CCursorRange::one(CCursor::new(start))));
    state.store(ctx, id);
}

/// The rows of letter keys for a language and layer (the digits row and the bottom row are
/// the same everywhere).
fn letter_rows(lang: Lang, accents: bool) -> [&'static [&'static str]; 3] {
    // Ukrainian: Cyrillic first, Latin (for e-mail and web addresses) on the second layer.
    if lang == Lang::Uk {
        return if accents {
            letter_rows(Lang::En, false)
        } else {
            [
                &["й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ї"],
                &["ф", "і", "в", "а", "п", "р", "о", "л", "д", "ж", "є"],
                &["я", "ч", "с", "м", "и", "т", "ь", "б", "ю"],
            ]
        };
    }
    if accents {
        // The language's own letters first; the signs below are the same for all.
        let own: Option<&'static [&'static str]> = match lang {
            Lang::Tr => Some(&["ç", "ğ", "ı", "İ", "ö", "ş", "ü", "â", "î", "é"]),
            Lang::Pl => Some(&["ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "é"]),
            Lang::Ro => Some(&["ă", "â", "î", "ș", "ț", "é", "è", "ç", "ö", "ü"]),
            _ => None,
        };
        if let Some(own) = own {
            return [
                own,
                &["ô", "ö", "ü", "ñ", "à", "ê", "ë", "€", "!", "?"],
                &["(", ")", ":", ";", "/", "&", "@", "+", "\""],
            ];
        }
        return [
            &["é", "è", "ê", "ë", "à", "â", "ä", "ç", "ï", "î"],
            &["ô", "ö", "ü", "ù", "û", "ñ", "œ", "€", "!", "?"],
            &["(", ")", ":", ";", "/", "&", "@", "+", "\""],
        ];
    }
    match lang {
        // Belgian AZERTY, as on the PCs in the room.
        Lang::Nl | Lang::Fr => [
            &["a", "z", "e", "r", "t", "y", "u", "i", "o", "p"],
            &["q", "s", "d", "f", "g", "h", "j", "k", "l", "m"],
            &["w", "x", "c", "v", "b", "n", ",", ".", "-"],
        ],
        // Arabic is not typed here: egui's text fields cannot edit right-to-left text (see
        // `field`), so Arabic readers get Latin letters and digits for names, codes and addresses.
        Lang::En | Lang::Tr | Lang::Pl | Lang::Ro | Lang::Ar | Lang::Uk => [
            &["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"],
            &["a", "s", "d", "f", "g", "h", "j", "k", "l", "'"],
            &["z", "x", "c", "v", "b", "n", "m", ",", "."],
        ],
    }
}

const DIGITS: [&str; 10] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];

/// What a tap on the keyboard asks for.
enum Tap {
    Press(Press),
    Shift,
    Layer,
    Hide,
}

/// Draws the keyboard at the bottom of the window when a field is its target. Call before the
/// screen's content (and instead of the language bar) so the content makes room for it.
pub fn panel(ui: &mut Ui, lang: Lang, tr: Tr<'_>) {
    let ctx = ui.ctx().clone();
    if !is_open(&ctx) {
        close(&ctx);
        return;
    }
    let s = load(&ctx);
    let mut taps = Vec::new();
    egui::Panel::bottom("keyboard")
        .frame(
            egui::Frame::new()
                .fill(theme::OVERLAY)
                .inner_margin(egui::Margin::symmetric(8, 8)),
        )
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing = vec2(6.0, 6.0);
            if s.kind == FieldKind::Phone {
                number_pad(ui, tr, &mut taps);
            } else {
                letters(ui, lang, &s, tr, &mut taps);
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, tr.tr("keyboard-name")));
    if taps.is_empty() {
        return;
    }
    let mut s = load(&ctx);
    for tap in taps {
        match tap {
            Tap::Press(p) => {
                s.pending.push(p);
                // One capital, as on a phone: shift lets go after a letter.
                s.shift = false;
            }
            Tap::Shift => s.shift = !s.shift,
            Tap::Layer => s.accents = !s.accents,
            Tap::Hide => {
                s.target = None;
                s.pending.clear();
                ctx.memory_mut(|m| m.stop_text_input());
            }
        }
    }
    save(&ctx, s);
    ctx.request_repaint();
}

/// The width of one key when `units` keys (and their gaps) share the row.
fn key_width(ui: &Ui, units: f32) -> f32 {
    let gap = ui.spacing().item_spacing.x;
    ((ui.available_width() - gap * (units - 1.0)) / units)
        .clamp(MIN_TARGET, 110.0)
        .floor()
}

fn key_height(ui: &Ui) -> f32 {
    // A little taller on a tall screen, never under the smallest target.
    (ui.ctx().content_rect().height() / 12.0).clamp(MIN_TARGET, 80.0)
}

fn letters(ui: &mut Ui, lang: Lang, s: &State, tr: Tr<'_>, taps: &mut Vec<Tap>) {
    let w = key_width(ui, 12.0);
    let h = key_height(ui);
    let size = vec2(w, h);
    let centred = |ui: &mut Ui, units: f32, add: &mut dyn FnMut(&mut Ui)| {
        let gap = ui.spacing().item_spacing.x;
        let row = units * w + (units - 1.0).max(0.0) * gap;
        ui.horizontal(|ui| {
            ui.add_space(((ui.available_width() - row) / 2.0).max(0.0));
            add(ui);
        });
    };
    let cased = |k: &str| {
        if s.shift {
            // Turkish writes the capital of i with its dot.
            if lang == Lang::Tr && k == "i" {
                "İ".to_string()
            } else {
                k.to_uppercase()
            }
        } else {
            k.to_string()
        }
    };
    centred(ui, 12.0, &mut |ui| {
        for d in DIGITS {
            if key(ui, d, d, size, false).clicked() {
                taps.push(Tap::Press(Press::Text(d.into())));
            }
        }
        if icon_key(
            ui,
            Picto::Erase,
            &tr.tr("keyboard-erase"),
            vec2(w * 2.0 + 6.0, h),
        )
        .clicked()
        {
            taps.push(Tap::Press(Press::Erase));
        }
    });
    let rows = letter_rows(lang, s.accents);
    for (i, row) in rows.iter().enumerate() {
        let extra = if i == 2 { 2.0 } else { 0.0 };
        centred(ui, row.len() as f32 + extra, &mut |ui| {
            if i == 2 {
                let (text, name) = if s.shift {
                    ("abc", tr.tr("keyboard-lower"))
                } else {
                    ("ABC", tr.tr("keyboard-upper"))
                };
                if key(ui, text, &name, vec2(w * 2.0 + 6.0, h), s.shift).clicked() {
                    taps.push(Tap::Shift);
                }
            }
            for k in row.iter() {
                let k = cased(k);
                if key(ui, &k, &k, size, false).clicked() {
                    taps.push(Tap::Press(Press::Text(k)));
                }
            }
        });
    }
    // The bottom row: the accents layer, what the field needs, space, hide.
    let signs: Vec<&str> = match s.kind {
        FieldKind::Email => vec!["@", "."],
        FieldKind::Url => vec![":", "/", "."],
        _ => vec!["'", "?"],
    }
    .into_iter()
    .filter(|k| !rows.iter().any(|r| r.contains(k)))
    .collect();
    let units = 2.0 + signs.len() as f32 + 4.0 + 3.0;
    centred(ui, units, &mut |ui| {
        let (text, name) = match (s.accents, lang) {
            (true, Lang::Uk) => ("абв", tr.tr("keyboard-letters")),
            (false, Lang::Uk) => ("abc", tr.tr("keyboard-accents")),
            (true, _) => ("abc", tr.tr("keyboard-letters")),
            (false, Lang::Tr) => ("ç ğ ş", tr.tr("keyboard-accents")),
            (false, Lang::Pl) => ("ą ć ł", tr.tr("keyboard-accents")),
            (false, Lang::Ro) => ("ă ș ț", tr.tr("keyboard-accents")),
            (false, _) => ("é à ç", tr.tr("keyboard-accents")),
        };
        if key(ui, text, &name, vec2(w * 2.0 + 6.0, h), s.accents).clicked() {
            taps.push(Tap::Layer);
        }
        for sign in &signs {
            if key(ui, sign, sign, size, false).clicked() {
                taps.push(Tap::Press(Press::Text((*sign).into())));
            }
        }
        let space = tr.tr("keyboard-space");
        if key(ui, &space, &space, vec2(w * 4.0 + 18.0, h), false).clicked() {
            taps.push(Tap::Press(Press::Text(" ".into())));
        }
        let hide = tr.tr("keyboard-hide");
        if icon_key(ui, Picto::Done, &hide, vec2(w * 3.0 + 12.0, h)).clicked() {
            taps.push(Tap::Hide);
        }
    });
}

fn number_pad(ui: &mut Ui, tr: Tr<'_>, taps: &mut Vec<Tap>) {
    let gap = ui.spacing().item_spacing.x;
    let w = ((ui.available_width() - 3.0 * gap) / 4.0)
        .clamp(MIN_TARGET, 150.0)
        .floor();
    let h = key_height(ui);
    let row_w = 4.0 * w + 3.0 * gap;
    let space = tr.tr("keyboard-space");
    let erase = tr.tr("keyboard-erase");
    let hide = tr.tr("keyboard-hide");
    let rows: [[&str; 3]; 4] = [
        ["1", "2", "3"],
        ["4", "5", "6"],
        ["7", "8", "9"],
        ["+", "0", ""],
    ];
    for (i, row) in rows.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.add_space(((ui.available_width() - row_w) / 2.0).max(0.0));
            for k in row.iter().filter(|k| !k.is_empty()) {
                if key(ui, k, k, vec2(w, h), false).clicked() {
                    taps.push(Tap::Press(Press::Text((*k).into())));
                }
            }
            let last = match i {
                0 => Some((Picto::Erase, &erase, Tap::Press(Press::Erase), 1.0)),
                3 => Some((Picto::Done, &hide, Tap::Hide, 2.0)),
                _ => None,
            };
            if let Some((icon, name, tap, units)) = last {
                let width = w * units + gap * (units - 1.0);
                if icon_key(ui, icon, name, vec2(width, h)).clicked() {
                    taps.push(tap);
                }
            } else if i == 1 && key(ui, &space, &space, vec2(w, h), false).clicked() {
                taps.push(Tap::Press(Press::Text(" ".into())));
            }
        });
    }
}

/// One key: white on the dark keyboard, inverted while a finger is on it, so every press shows.
fn key(ui: &mut Ui, text: &str, name: &str, size: Vec2, on: bool) -> Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    if ui.is_rect_visible(rect) {
        let (bg, fg) = key_colors(&response, on);
        let p = ui.painter();
        p.rect_filled(rect, CornerRadius::same(8), bg);
        let font = egui::FontId::new((size.y * 0.42).clamp(22.0, 34.0), theme::bold());
        p.text(rect.center(), egui::Align2::CENTER_CENTER, text, font, fg);
    }
    response
}

/// A key with a pictogram and a word (erase, hide).
fn icon_key(ui: &mut Ui, icon: Picto, name: &str, size: Vec2) -> Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    if ui.is_rect_visible(rect) {
        let (bg, fg) = key_colors(&response, false);
        let p = ui.painter();
        p.rect_filled(rect, CornerRadius::same(8), bg);
        let side = (size.y * 0.5).min(40.0);
        let font = egui::FontId::new(20.0, theme::bold());
        let galley = p.layout(name.to_string(), font, fg, size.x - side - 24.0);
        let content = side + 8.0 + galley.size().x;
        let left = rect.center().x - content / 2.0;
        let icon_rect = egui::Rect::from_center_size(
            egui::pos2(left + side / 2.0, rect.center().y),
            Vec2::splat(side),
        );
        picto::paint(p, icon_rect, icon, fg);
        let pos = egui::pos2(left + side + 8.0, rect.center().y - galley.size().y / 2.0);
        p.galley(pos, galley, fg);
    }
    response
}

fn key_colors(response: &Response, on: bool) -> (Color32, Color32) {
    let pressed = response.is_pointer_button_down_on();
    if pressed || on {
        (theme::NOTICE, theme::TEXT)
    } else {
        (theme::BAR, theme::TEXT)
    }
}
