//! The lesson list: big tiles with a picture and a title, a row of topics to filter by, and
//! "I have a code" to continue a lesson started earlier.

use egui::{RichText, Sense, Stroke, WidgetInfo, vec2};

use super::act;
use crate::app::{Action, Kiosk, LessonAction, Screen};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::pictures::{self, Pictures};
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::i18n::num;
use digidak_core::lessons::Topic;

pub fn show(
    ui: &mut egui::Ui,
    kiosk: &Kiosk,
    pics: &mut Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    crate::ui::widgets::row_wrapped(ui, |ui| {
        crate::ui::widgets::column(ui, |ui| {
            crate::ui::bidi::label(ui, RichText::new(tr.tr("lessons-title")).heading());
            crate::ui::bidi::label(ui, RichText::new(tr.tr("lessons-hint")).color(theme::MUTED));
        });
    });
    let Some(library) = kiosk.lessons.library.clone() else {
        crate::ui::bidi::label(ui, tr.tr("lessons-loading"));
        return;
    };
    let lang = kiosk.lang;
    // Lessons not written in this language are offered below in nl, fr or en.
    let other = (!lang.is_base()).then(|| kiosk.other_lessons_lang());
    let mut topics = library.topics(lang);
    if let Some(other) = other {
        topics = digidak_core::lessons::Topic::ALL
            .into_iter()
            .filter(|t| topics.contains(t) || library.topics(other).contains(t))
            .collect();
    }
    let selected = kiosk.lessons.topic.filter(|t| topics.contains(t));
    crate::ui::widgets::row_wrapped(ui, |ui| {
        ui.spacing_mut().item_spacing = vec2(12.0, 12.0);
        let all = if selected.is_none() {
            Kind::Selected
        } else {
            Kind::Secondary
        };
        act(
            ui,
            None,
            &tr.tr("lessons-all-topics"),
            all,
            Action::Lesson(LessonAction::Filter(None)),
            actions,
        );
        for t in topics {
            let kind = if selected == Some(t) {
                Kind::Selected
            } else {
                Kind::Secondary
            };
            act(
                ui,
                None,
                &tr.tr(&topic_key(t)),
                kind,
                Action::Lesson(LessonAction::Filter(Some(t))),
                actions,
            );
        }
        act(
            ui,
            Some(Picto::Code),
            &tr.tr("lessons-have-code"),
            Kind::Primary,
            Action::Go(Screen::ResumeCode),
            actions,
        );
    });
    ui.add_space(8.0);
    // As many columns of equal tiles as fit, each at least 300 pixels (more with larger text).
    let scale = kiosk.text_scale.factor();
    let gap = 20.0;
    let avail = ui.available_width() - 8.0;
    let columns = ((avail + gap) / (300.0 * scale + gap)).floor().max(1.0);
    let width = ((avail - (columns - 1.0) * gap) / columns).max(240.0);
    let tiles: Vec<_> = library
        .list(lang, selected)
        // `list` gives lessons that have this language; one without it is left out, never a
        // panic in a frame.
        .filter_map(|lesson| {
            let text = lesson.text(lang)?;
            let minutes = tr.tr_args(
                "lessons-minutes",
                &[("minutes", num(lesson.minutes as f64))],
            );
            Some((lesson, text.title.as_str(), minutes))
        })
        .collect();
    // One height for all tiles, so rows line up.
    let height = tiles
        .iter()
        .map(|(_, title, minutes)| tile_height(ui, title, minutes, width))
        .fold(0.0, f32::max);
    crate::ui::widgets::row_wrapped(ui, |ui| {
        ui.spacing_mut().item_spacing = vec2(gap, gap);
        for (lesson, title, minutes) in &tiles {
            let size = vec2(width, height);
            if tile(ui, kiosk, pics, &lesson.picture, title, minutes, size).clicked() {
                actions.push(Action::Lesson(LessonAction::Open(lesson.id.clone())));
            }
        }
    });
    if tiles.is_empty() {
        widgets::message(ui, &tr.tr("lessons-none"), theme::NOTICE, theme::TEXT);
    }
    let Some(other) = other else {
        return;
    };
    // The other lessons, in the language chosen of nl, fr and en (each in its own name).
    let others: Vec<_> = library
        .lessons
        .iter()
        .filter(|l| l.text(lang).is_none() && selected.is_none_or(|t| l.topic == t))
        .filter_map(|l| {
            let text = l.text(other)?;
            let minutes = tr.tr_args("lessons-minutes", &[("minutes", num(l.minutes as f64))]);
            Some((l, text.title.as_str(), minutes))
        })
        .collect();
    ui.add_space(16.0);
    crate::ui::bidi::label(ui, RichText::new(tr.tr("lessons-other-languages")).strong());
    crate::ui::widgets::row_wrapped(ui, |ui| {
        ui.spacing_mut().item_spacing = vec2(12.0, 12.0);
        for l in digidak_core::lang::Lang::BASE {
            let kind = if l == other {
                Kind::Selected
            } else {
                Kind::Secondary
            };
            act(
                ui,
                None,
                &tr.native_name(l),
                kind,
                Action::Lesson(LessonAction::OtherLanguage(l)),
                actions,
            );
        }
    });
    ui.add_space(8.0);
    let height = others
        .iter()
        .map(|(_, title, minutes)| tile_height(ui, title, minutes, width))
        .fold(0.0, f32::max);
    crate::ui::widgets::row_wrapped(ui, |ui| {
        ui.spacing_mut().item_spacing = vec2(gap, gap);
        for (lesson, title, minutes) in &others {
            let size = vec2(width, height);
            if tile(ui, kiosk, pics, &lesson.picture, title, minutes, size).clicked() {
                actions.push(Action::Lesson(LessonAction::Open(lesson.id.clone())));
            }
        }
    });
}

/// The translation key of a topic's name.
pub fn topic_key(t: Topic) -> String {
    format!("topic-{}", t.id())
}

const ICON: f32 = 96.0;

fn tile_galleys(
    ui: &egui::Ui,
    title: &str,
    minutes: &str,
    width: f32,
) -> (std::sync::Arc<egui::Galley>, std::sync::Arc<egui::Galley>) {
    let text_w = width - ICON - 48.0;
    let font = egui::TextStyle::Button.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    (
        crate::ui::bidi::galley(
            ui,
            egui::text::LayoutJob::simple(title.to_string(), font, theme::TEXT, text_w),
        ),
        crate::ui::bidi::galley(
            ui,
            egui::text::LayoutJob::simple(minutes.to_string(), small, theme::MUTED, text_w),
        ),
    )
}

fn tile_height(ui: &egui::Ui, title: &str, minutes: &str, width: f32) -> f32 {
    let (t, m) = tile_galleys(ui, title, minutes, width);
    (t.size().y + 8.0 + m.size().y).max(ICON) + 32.0
}

/// A lesson tile: the picture on the left, the title and how long it takes on the right. Its
/// accessible name is the title.
fn tile(
    ui: &mut egui::Ui,
    kiosk: &Kiosk,
    pics: &mut Pictures,
    picture: &str,
    title: &str,
    minutes: &str,
    size: egui::Vec2,
) -> egui::Response {
    let icon = ICON;
    let (title_g, min_g) = tile_galleys(ui, title, minutes, size.x);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, title));
    if ui.is_rect_visible(rect) {
        let hovered = response.hovered() || response.is_pointer_button_down_on();
        let bg = if hovered {
            theme::TILE_HOVER
        } else {
            theme::TILE
        };
        let p = ui.painter();
        p.rect_filled(rect, 18.0, bg);
        p.rect_stroke(
            rect,
            18.0,
            Stroke::new(2.0, theme::PRIMARY),
            egui::StrokeKind::Inside,
        );
        if response.has_focus() {
            p.rect_stroke(
                rect.expand(3.0),
                20.0,
                Stroke::new(4.0, theme::FOCUS),
                egui::StrokeKind::Outside,
            );
        }
        let icon_rect = egui::Rect::from_min_size(
            rect.min + vec2(16.0, (rect.height() - icon) / 2.0),
            vec2(icon, icon),
        );
        pictures::paint(
            ui.ctx(),
            p,
            pics,
            &kiosk.lessons.pictures,
            picture,
            icon_rect,
        );
        let text_top = rect.center().y - (title_g.size().y + 8.0 + min_g.size().y) / 2.0;
        let x = icon_rect.right() + 16.0;
        let min_y = text_top + title_g.size().y + 8.0;
        p.galley(egui::pos2(x, text_top), title_g, theme::TEXT);
        p.galley(egui::pos2(x, min_y), min_g, theme::MUTED);
    }
    response
}

/// A lesson picture in the player.
pub fn picture(ui: &mut egui::Ui, kiosk: &Kiosk, pics: &mut Pictures, key: &str, size: f32) {
    pictures::show(ui, pics, &kiosk.lessons.pictures, key, size);
}
