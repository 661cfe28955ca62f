//! The kiosk's own widgets: big buttons and tiles with a pictogram and a few words. Every one is
//! at least [`MIN_TARGET`] on each side, works by touch, mouse and keyboard, and carries its
//! visible text as its accessible name (which is also how tests find it).

use egui::{Color32, CornerRadius, Response, Sense, Stroke, TextStyle, Ui, Vec2, WidgetInfo, vec2};

use super::keyboard::{self, FieldKind};
use super::picto::{self, Picto};
use super::theme::{self, MIN_TARGET};

/// How a button looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The main thing to do on a screen.
    Primary,
    /// A positive, "go ahead" action (call a volunteer, confirm).
    Go,
    /// Everything else.
    Secondary,
    /// A choice that is currently selected (language, text size).
    Selected,
}

fn colors(kind: Kind, hovered: bool, enabled: bool) -> (Color32, Color32) {
    if !enabled {
        return (theme::SECONDARY, theme::DISABLED_TEXT);
    }
    match (kind, hovered) {
        (Kind::Primary | Kind::Selected, false) => (theme::PRIMARY, theme::ON_DARK),
        (Kind::Primary | Kind::Selected, true) => (theme::PRIMARY_HOVER, theme::ON_DARK),
        (Kind::Go, false) => (theme::GO, theme::ON_DARK),
        (Kind::Go, true) => (theme::GO_HOVER, theme::ON_DARK),
        (Kind::Secondary, false) => (theme::SECONDARY, theme::TEXT),
        (Kind::Secondary, true) => (theme::SECONDARY_HOVER, theme::TEXT),
    }
}

/// A button with an optional pictogram to the left of its text.
pub fn button(ui: &mut Ui, picto: Option<Picto>, text: &str, kind: Kind) -> Response {
    let font = TextStyle::Button.resolve(ui.style());
    button_full(ui, picto, text, kind, font, true, Vec2::ZERO)
}

/// Like [`button`], at least `min_size` (keys of a keypad share one size).
pub fn button_min(
    ui: &mut Ui,
    picto: Option<Picto>,
    text: &str,
    kind: Kind,
    min_size: Vec2,
) -> Response {
    let font = TextStyle::Button.resolve(ui.style());
    button_full(ui, picto, text, kind, font, true, min_size)
}

/// Like [`button`], with a given font (the text-size buttons show their own size).
pub fn button_sized(
    ui: &mut Ui,
    picto: Option<Picto>,
    text: &str,
    kind: Kind,
    font: egui::FontId,
) -> Response {
    button_full(ui, picto, text, kind, font, true, Vec2::ZERO)
}

/// A button that cannot be used right now. Drawn in its own colours rather than egui's faded
/// disabled look, which would drop the text below 7:1 contrast.
pub fn button_disabled(
    ui: &mut Ui,
    picto: Option<Picto>,
    text: &str,
    font: egui::FontId,
) -> Response {
    button_full(ui, picto, text, Kind::Secondary, font, false, Vec2::ZERO)
}

fn button_full(
    ui: &mut Ui,
    picto: Option<Picto>,
    text: &str,
    kind: Kind,
    font: egui::FontId,
    enabled: bool,
    min_size: Vec2,
) -> Response {
    let enabled = enabled && ui.is_enabled();
    let pad = vec2(20.0, 12.0);
    let icon = if picto.is_some() {
        (font.size * 1.3).max(32.0)
    } else {
        0.0
    };
    let gap = if picto.is_some() { 12.0 } else { 0.0 };
    // A key of a fixed width (keypads) keeps to it: its words wrap inside it, and when even
    // one word and the pictogram do not fit side by side, the pictogram goes above the words.
    let fixed = min_size.x > 0.0;
    let beside = pad.x * 2.0 + icon + gap;
    let longest = longest_word(ui, text, &font);
    let stacked = fixed && picto.is_some() && beside + longest > min_size.x;
    let wrap_width = match (fixed, stacked) {
        (true, true) => min_size.x - pad.x * 2.0,
        (true, false) => min_size.x - beside,
        (false, _) => ui.available_width() - beside,
    }
    .max(longest);
    let mut job = egui::text::LayoutJob::simple(
        text.to_string(),
        font.clone(),
        Color32::PLACEHOLDER,
        wrap_width,
    );
    job.halign = egui::Align::Center;
    let galley = laid_out(ui, job, wrap_width);
    let text_size = galley.size();
    let size = if stacked {
        Vec2::new(
            (pad.x * 2.0 + text_size.x).max(MIN_TARGET),
            (pad.y * 2.0 + icon + 4.0 + text_size.y).max(MIN_TARGET),
        )
    } else {
        Vec2::new(
            (beside + text_size.x).max(MIN_TARGET),
            (pad.y * 2.0 + text_size.y.max(icon)).max(MIN_TARGET),
        )
    }
    .max(min_size);
    let sense = if enabled {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(size, sense);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, enabled, text));
    if ui.is_rect_visible(rect) {
        let (bg, fg) = colors(
            kind,
            response.hovered() || response.is_pointer_button_down_on(),
            enabled,
        );
        let p = ui.painter();
        p.rect_filled(rect, CornerRadius::same(12), bg);
        if kind == Kind::Selected {
            p.rect_stroke(
                rect.shrink(3.0),
                CornerRadius::same(10),
                Stroke::new(3.0, theme::ON_DARK),
                egui::StrokeKind::Inside,
            );
        }
        focus_ring(p, rect, &response, 2.0, 14);
        if stacked {
            let top = rect.center().y - (icon + 4.0 + text_size.y) / 2.0;
            let icon_rect = egui::Rect::from_center_size(
                egui::pos2(rect.center().x, top + icon / 2.0),
                Vec2::splat(icon),
            );
            if let Some(picto) = picto {
                picto::paint(p, icon_rect, picto, fg);
            }
            // A centred galley is anchored at its horizontal centre.
            p.galley(
                egui::pos2(rect.center().x, icon_rect.bottom() + 4.0),
                galley,
                fg,
            );
        } else {
            let content_w = icon + gap + text_size.x;
            let left = rect.center().x - content_w / 2.0;
            // The pictogram leads: on the left, or on the right when the screen reads from
            // the right.
            let rtl = super::bidi::rtl_ui(ui.ctx());
            let (icon_x, text_x) = if rtl {
                (
                    left + text_size.x + gap + icon / 2.0,
                    left + text_size.x / 2.0,
                )
            } else {
                (left + icon / 2.0, left + icon + gap + text_size.x / 2.0)
            };
            if let Some(picto) = picto {
                let icon_rect = egui::Rect::from_center_size(
                    egui::pos2(icon_x, rect.center().y),
                    Vec2::splat(icon),
                );
                picto::paint(p, icon_rect, picto, fg);
            }
            let text_pos = egui::pos2(text_x, rect.center().y - text_size.y / 2.0);
            p.galley(text_pos, galley, fg);
        }
    }
    response
}

/// How wide [`button_sized`] draws a button on one line.
pub fn button_width(ui: &Ui, picto: Option<Picto>, text: &str, font: &egui::FontId) -> f32 {
    let icon = if picto.is_some() {
        (font.size * 1.3).max(32.0) + 12.0
    } else {
        0.0
    };
    let text = ui
        .painter()
        .layout_no_wrap(text.to_string(), font.clone(), Color32::PLACEHOLDER)
        .size()
        .x;
    (40.0 + icon + text).max(MIN_TARGET)
}

/// A button that asks before it destroys something: the first tap turns it into a question
/// with two big choices, and only "yes" answers `true`. What is being asked lives in egui's
/// memory, which the session wipe empties.
pub fn confirm(ui: &mut Ui, picto: Picto, text: &str, question: &str, yes: &str, no: &str) -> bool {
    let id = ui.make_persistent_id(("confirm", text));
    let asking = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    if !asking {
        if button(ui, Some(picto), text, Kind::Secondary).clicked() {
            ui.data_mut(|d| d.insert_temp(id, true));
        }
        return false;
    }
    let mut answer = false;
    egui::Frame::new()
        .fill(theme::NOTICE)
        .corner_radius(CornerRadius::same(12))
        .inner_margin(egui::Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            super::bidi::label(ui, egui::RichText::new(question).strong());
            ui.horizontal_wrapped(|ui| {
                if button(ui, Some(picto), yes, Kind::Primary).clicked() {
                    answer = true;
                    ui.data_mut(|d| d.remove::<bool>(id));
                }
                if button(ui, Some(Picto::Back), no, Kind::Secondary).clicked() {
                    ui.data_mut(|d| d.remove::<bool>(id));
                }
            });
        });
    answer
}

/// A square button with only a pictogram; `name` is what screen readers (and tests) call it.
pub fn icon_button(ui: &mut Ui, picto: Picto, name: &str) -> Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(MIN_TARGET), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, name));
    if ui.is_rect_visible(rect) {
        let (bg, fg) = colors(
            Kind::Secondary,
            response.hovered() || response.is_pointer_button_down_on(),
            true,
        );
        let p = ui.painter();
        p.rect_filled(rect, CornerRadius::same(12), bg);
        focus_ring(p, rect, &response, 2.0, 14);
        picto::paint(p, rect.shrink(14.0), picto, fg);
    }
    response
}

/// The first of `fonts` in which these buttons fit side by side in `width` (else the last):
/// a bar of buttons keeps to one row, its words getting a little smaller on a narrow screen
/// with large text rather than wrapping.
pub fn fitting_font(
    ui: &Ui,
    buttons: &[(Option<Picto>, &str)],
    width: f32,
    fonts: &[egui::FontId],
) -> egui::FontId {
    let gap = ui.spacing().item_spacing.x;
    fonts
        .iter()
        .find(|f| {
            let w: f32 = buttons
                .iter()
                .map(|(p, t)| button_width(ui, *p, t, f) + gap)
                .sum();
            w <= width
        })
        .or(fonts.last())
        .cloned()
        .unwrap_or_else(|| TextStyle::Button.resolve(ui.style()))
}

/// The width of the longest word of `text` in `font`: nothing narrower may hold it without
/// breaking a word.
pub fn longest_word(ui: &Ui, text: &str, font: &egui::FontId) -> f32 {
    text.split_whitespace()
        .map(|w| {
            ui.painter()
                .layout_no_wrap(w.to_string(), font.clone(), Color32::PLACEHOLDER)
                .size()
                .x
        })
        .fold(0.0, f32::max)
}

/// A home-screen tile: a large pictogram (`icon` px) above at most three words. The pictogram
/// shrinks (to 32 px at least) so the tile stays within `max_height`: the words never do. The
/// tile is `max_height` high at the least, so the tiles of a row line up.
pub fn tile(
    ui: &mut Ui,
    picto: Picto,
    text: &str,
    width: f32,
    icon: f32,
    max_height: f32,
) -> Response {
    let font = TextStyle::Heading.resolve(ui.style());
    let mut job = egui::text::LayoutJob::simple(text.to_string(), font, theme::TEXT, width - 32.0);
    job.halign = egui::Align::Center;
    let galley = laid_out(ui, job, width - 32.0);
    let icon = icon
        .min(max_height - (24.0 + 16.0 + galley.size().y + 24.0))
        .max(32.0);
    let size = vec2(
        width,
        (24.0 + icon + 16.0 + galley.size().y + 24.0)
            .max(max_height)
            .max(MIN_TARGET),
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, text));
    if ui.is_rect_visible(rect) {
        let p = ui.painter();
        tile_frame(p, rect, &response);
        let icon_rect = egui::Rect::from_center_size(
            egui::pos2(rect.center().x, rect.top() + 24.0 + icon / 2.0),
            Vec2::splat(icon),
        );
        picto::paint(p, icon_rect, picto, theme::PRIMARY);
        // A centred layout job is anchored at its horizontal centre.
        let anchor = egui::pos2(rect.center().x, icon_rect.bottom() + 16.0);
        p.galley(anchor, galley, theme::TEXT);
    }
    response
}

/// A tile's frame: light blue, darker under a finger, a blue border, the focus ring.
fn tile_frame(p: &egui::Painter, rect: egui::Rect, response: &Response) {
    let hovered = response.hovered() || response.is_pointer_button_down_on();
    let fill = if hovered {
        theme::TILE_HOVER
    } else {
        theme::TILE
    };
    p.rect_filled(rect, CornerRadius::same(20), fill);
    p.rect_stroke(
        rect,
        CornerRadius::same(20),
        Stroke::new(2.0, theme::PRIMARY),
        egui::StrokeKind::Inside,
    );
    focus_ring(p, rect, response, 3.0, 22);
}

/// The orange ring around a control that has the keyboard's focus.
fn focus_ring(p: &egui::Painter, rect: egui::Rect, response: &Response, gap: f32, radius: u8) {
    if response.has_focus() {
        p.rect_stroke(
            rect.expand(gap),
            CornerRadius::same(radius),
            Stroke::new(4.0, theme::FOCUS),
            egui::StrokeKind::Outside,
        );
    }
}

/// A home-screen tile for a low screen: the pictogram (`icon` px) beside the words, `pad` px
/// around and between them.
pub fn tile_beside(
    ui: &mut Ui,
    picto: Picto,
    text: &str,
    width: f32,
    icon: f32,
    pad: f32,
) -> Response {
    let font = TextStyle::Heading.resolve(ui.style());
    let wrap = width - icon - 3.0 * pad;
    let galley = laid_out(
        ui,
        egui::text::LayoutJob::simple(text.to_string(), font, theme::TEXT, wrap),
        wrap,
    );
    let size = vec2(
        width,
        (galley.size().y.max(icon) + 2.0 * pad).max(MIN_TARGET),
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, text));
    if ui.is_rect_visible(rect) {
        let p = ui.painter();
        tile_frame(p, rect, &response);
        let icon_rect = egui::Rect::from_center_size(
            egui::pos2(rect.left() + pad + icon / 2.0, rect.center().y),
            Vec2::splat(icon),
        );
        picto::paint(p, icon_rect, picto, theme::PRIMARY);
        let pos = egui::pos2(
            icon_rect.right() + pad,
            rect.center().y - galley.size().y / 2.0,
        );
        p.galley(pos, galley, theme::TEXT);
    }
    response
}

/// A framed message (errors, notices) in full-width, readable text.
pub fn message(ui: &mut Ui, text: &str, bg: Color32, fg: Color32) {
    egui::Frame::new()
        .fill(bg)
        .corner_radius(CornerRadius::same(10))
        .inner_margin(egui::Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            super::bidi::label(ui, egui::RichText::new(text).color(fg));
        });
}

/// A full-width card with a blue border: one post in a list, one reply.
pub fn card<R>(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::new()
        .fill(theme::BAR)
        .stroke(egui::Stroke::new(2.0, theme::PRIMARY))
        .corner_radius(CornerRadius::same(12))
        .inner_margin(egui::Margin::same(12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add_contents(ui)
        })
        .inner
}

/// A code to keep, big, in a white frame (resume, sign-up and post codes).
pub fn big_code(ui: &mut Ui, code: &str) {
    // As big as a heading and a half, but never wider than the screen: then a little smaller.
    let mut font = egui::FontId::new(
        ui.text_style_height(&TextStyle::Heading) * 1.5,
        theme::bold(),
    );
    let room = ui.available_width() - 2.0 * 28.0 - 8.0;
    let wide = ui
        .painter()
        .layout_no_wrap(code.to_string(), font.clone(), Color32::PLACEHOLDER)
        .size()
        .x;
    if wide > room {
        font.size = (font.size * room / wide).floor().max(16.0);
    }
    egui::Frame::new()
        .fill(Color32::WHITE)
        .stroke(Stroke::new(3.0, theme::PRIMARY))
        .corner_radius(12)
        .inner_margin(egui::Margin::symmetric(28, 16))
        .show(ui, |ui| {
            super::bidi::label(ui, egui::RichText::new(code).font(font));
        });
}

/// The digits typed so far on a number pad (`placeholder` while empty). Named "code: …" for
/// screen readers and tests, apart from the keys, which carry the same digits.
pub fn typed_code(ui: &mut Ui, shown: &str, typed: &str) {
    let font = egui::FontId::new(
        ui.text_style_height(&TextStyle::Heading) * 1.2,
        theme::bold(),
    );
    let resp = super::bidi::label(ui, egui::RichText::new(shown).font(font));
    resp.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, format!("code: {typed}")));
}

/// A visible label above a text field that carries it as its name (for screen readers and
/// tests), typed into by the on-screen keyboard too. `lines`: a few lines instead of one.
pub fn text_field(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    limit: usize,
    lines: bool,
) -> Response {
    field(ui, label, text, FieldKind::Text, limit, lines)
}

/// Like [`text_field`], for a field that expects `kind` (the keyboard shows what fits).
pub fn field(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    kind: FieldKind,
    limit: usize,
    lines: bool,
) -> Response {
    let l = super::bidi::label(ui, label);
    let width = ui.available_width();
    keyboard::field(ui, label, text, kind, limit, |text| {
        let edit = if lines {
            egui::TextEdit::multiline(text).desired_rows(3)
        } else {
            egui::TextEdit::singleline(text).min_size(vec2(0.0, MIN_TARGET))
        };
        edit.char_limit(limit)
            .desired_width(width)
            .margin(egui::Margin::symmetric(16, 12))
            .font(TextStyle::Body)
    })
    .labelled_by(l.id)
}

/// A widget's words laid out: right-to-left text (Arabic) in display order (`bidi`).
fn laid_out(ui: &Ui, job: egui::text::LayoutJob, wrap: f32) -> std::sync::Arc<egui::Galley> {
    if super::bidi::has_rtl(&job.text) {
        super::bidi::layout(ui, &job, wrap, super::bidi::rtl_ui(ui.ctx()), false)
    } else {
        ui.painter().layout_job(job)
    }
}

/// A row of widgets: left to right, or from the right in a right-to-left interface (Arabic),
/// so the first one stands where the reader starts.
pub fn row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> egui::InnerResponse<R> {
    row_with(ui, false, false, add)
}

/// [`row`] for a bar: from the right in a right-to-left interface wherever it stands.
pub fn bar_row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> egui::InnerResponse<R> {
    row_with(ui, false, true, add)
}

/// [`row`] that wraps onto more lines when its widgets do not fit.
pub fn row_wrapped<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> egui::InnerResponse<R> {
    row_with(ui, true, false, add)
}

fn row_with<R>(
    ui: &mut Ui,
    wrap: bool,
    bar: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    // (Only where the page runs from the right: a row inside a left-aligned box (the itsme
    // practice's phone) would take the whole width from the right edge, so it stays left to
    // right.)
    let from_right =
        bar || ui.layout().is_vertical() && ui.layout().horizontal_align() == egui::Align::Max;
    let layout = if super::bidi::rtl_ui(ui.ctx()) && from_right {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    }
    .with_main_wrap(wrap);
    let size = vec2(
        ui.available_size_before_wrap().x,
        ui.spacing().interact_size.y,
    );
    ui.allocate_ui_with_layout(size, layout, add)
}

/// A column of widgets: aligned left, or right in a right-to-left interface (where a width
/// limit then keeps its right edge). Inside a row it takes only its content's width.
pub fn column<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> egui::InnerResponse<R> {
    if super::bidi::rtl_ui(ui.ctx()) && ui.layout().is_vertical() {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), add)
    } else {
        ui.vertical(add)
    }
}

/// A bar of actions (a screen's pinned action, a lesson's Back / Later / Next): a wrapping row,
/// or one row from the right in a right-to-left interface (egui wraps rows only left to right).
pub fn action_row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> egui::InnerResponse<R> {
    if super::bidi::rtl_ui(ui.ctx()) {
        bar_row(ui, add)
    } else {
        row_wrapped(ui, add)
    }
}
