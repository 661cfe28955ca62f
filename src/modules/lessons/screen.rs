//! The lesson list: big tiles with a picture and a title, a row of topics to filter by, and
//! "I have a code" to continue a lesson started earlier.

use egui::{RichText, Sense, Stroke, WidgetInfo, vec2};

use crate::ui::screens::act;
pub(super) mod codes;
pub(super) mod player;
pub(super) mod practice;
pub(super) mod review;

use std::sync::Arc;

use super::{
    LESSON, LIST, LessonAction, LessonState, Lessons, RESUME_CODE, SAVED, TAKE_HOME, action,
    other_lessons_lang,
};
use crate::app::{Action, Screen, TextScale};
use crate::drawn::DrawnPictures;
use crate::modules::{Page, StaffPlace, View};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::pictures::{self, Pictures};
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::i18n::num;
use digidak_core::lang::Lang;
use digidak_core::lessons::Library;
use digidak_core::lessons::Topic;

/// What the lessons' pages read: their state and a few facts of the kiosk.
pub(super) struct Cx<'a> {
    pub lessons: &'a LessonState,
    pub lang: Lang,
    pub text_scale: TextScale,
    pub drawn: &'a DrawnPictures,
    pub phone_base_url: Option<&'a str>,
    pub library: Option<&'a Arc<Library>>,
    pub offered: &'a [Lang],
}

impl Cx<'_> {
    /// The language the lessons not in the resident's language are offered in.
    pub fn other_lessons_lang(&self) -> Lang {
        other_lessons_lang(self.lessons.other_lang, self.offered)
    }

    /// The phone page of a lesson (at a step, counted from 0), for a QR code.
    pub fn lesson_url(&self, id: &str, lang: Lang, step: Option<usize>) -> Option<String> {
        let base = self.phone_base_url?;
        Some(match step {
            Some(s) => format!(
                "{base}/lessons/{id}?lang={}&step={n}#step-{n}",
                lang.code(),
                n = s + 1
            ),
            None => format!("{base}/lessons/{id}?lang={}", lang.code()),
        })
    }
}

macro_rules! cx {
    ($state:expr, $view:expr) => {
        Cx {
            lessons: $state,
            lang: $view.lang,
            text_scale: $view.text_scale,
            drawn: $view.drawn,
            phone_base_url: $view.phone_base_url.as_deref(),
            library: $view.library,
            offered: $view.offered,
        }
    };
}

/// Draws `page` from the lessons' state; what is typed goes straight into its drafts.
pub(super) fn show(page: Page, ui: &mut egui::Ui, lessons: &mut Lessons, view: &mut View<'_>) {
    let Lessons { drafts, state } = lessons;
    let cx = cx!(state, view);
    let (tr, pics, actions) = (view.tr, &mut *view.pics, &mut *view.actions);
    match page {
        LIST => list(ui, &cx, pics, tr, actions),
        LESSON => player::show(ui, &cx, pics, &mut drafts.lesson_email, tr, actions),
        SAVED => codes::saved(ui, &cx, tr, actions),
        RESUME_CODE => codes::enter(ui, &cx, &drafts.resume_code, tr, actions),
        TAKE_HOME => codes::take_home(ui, &cx, tr),
        _ => {}
    }
}

/// A lesson's Back, read aloud, continue later and Next, pinned at the bottom.
pub(super) fn bar(ui: &mut egui::Ui, state: &LessonState, view: &mut View<'_>) -> bool {
    let cx = cx!(state, view);
    player::nav_panel(ui, &cx, view.tr, view.actions);
    true
}

/// The lessons' part of the volunteer screen: "give a lesson" and the lessons to check again.
pub(super) fn staff(place: StaffPlace, ui: &mut egui::Ui, view: &mut View<'_>) {
    if place != StaffPlace::Volunteer {
        return;
    }
    let tr = view.tr;
    ui.add_space(8.0);
    act(
        ui,
        Some(Picto::Lessons),
        &tr.tr("volunteer-give-lesson"),
        Kind::Secondary,
        Action::Go(Screen::Module(LIST)),
        view.actions,
    );
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr("volunteer-give-lesson-explain")).color(theme::MUTED),
    );
    review::show(ui, view.library, view.lang, view.now_ms, tr);
}

/// Admin mode: this month's counts.
pub(super) fn facts(state: &LessonState, tr: Tr<'_>) -> Vec<(String, String)> {
    vec![(tr.tr("admin-lessons-month"), lesson_counts_fact(state, tr))]
}

fn lesson_counts_fact(state: &LessonState, tr: Tr<'_>) -> String {
    let Some(c) = &state.counts else {
        return "…".into();
    };
    let mut s = tr.tr_args(
        "admin-lessons-counts",
        &[
            ("month", digidak_core::i18n::text(&c.month)),
            ("opened", num(c.opened as f64)),
            ("finished", num(c.finished as f64)),
        ],
    );
    let list = if c.initiations.is_empty() {
        tr.tr("admin-lessons-none")
    } else {
        c.initiations
            .iter()
            .map(|(topic, n)| {
                let name = digidak_core::lessons::Topic::from_id(topic)
                    .map(|t| tr.tr(&topic_key(t)))
                    .unwrap_or_else(|| topic.clone());
                format!("{name} {n}")
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    s.push('\n');
    s.push_str(&tr.tr_args(
        "admin-lessons-initiations",
        &[("list", digidak_core::i18n::text(&list))],
    ));
    s
}

pub(super) fn list(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
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
    let Some(library) = cx.library else {
        crate::ui::bidi::label(ui, tr.tr("lessons-loading"));
        return;
    };
    let lang = cx.lang;
    // Lessons not written in this language are offered below in nl, fr or en.
    let other = (!lang.is_base()).then(|| cx.other_lessons_lang());
    let mut topics = library.topics(lang);
    if let Some(other) = other {
        topics = digidak_core::lessons::Topic::ALL
            .into_iter()
            .filter(|t| topics.contains(t) || library.topics(other).contains(t))
            .collect();
    }
    let selected = cx.lessons.topic.filter(|t| topics.contains(t));
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
            action(LessonAction::Filter(None)),
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
                action(LessonAction::Filter(Some(t))),
                actions,
            );
        }
        act(
            ui,
            Some(Picto::Code),
            &tr.tr("lessons-have-code"),
            Kind::Primary,
            Action::Go(Screen::Module(RESUME_CODE)),
            actions,
        );
    });
    ui.add_space(8.0);
    // As many columns of equal tiles as fit, each at least 300 pixels (more with larger text).
    let scale = cx.text_scale.factor();
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
            if tile(ui, cx, pics, &lesson.picture, title, minutes, size).clicked() {
                actions.push(action(LessonAction::Open(lesson.id.clone())));
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
                action(LessonAction::OtherLanguage(l)),
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
            if tile(ui, cx, pics, &lesson.picture, title, minutes, size).clicked() {
                actions.push(action(LessonAction::Open(lesson.id.clone())));
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
    cx: &Cx<'_>,
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
        pictures::paint(ui.ctx(), p, pics, cx.drawn, picture, icon_rect);
        let text_top = rect.center().y - (title_g.size().y + 8.0 + min_g.size().y) / 2.0;
        let x = icon_rect.right() + 16.0;
        let min_y = text_top + title_g.size().y + 8.0;
        p.galley(egui::pos2(x, text_top), title_g, theme::TEXT);
        p.galley(egui::pos2(x, min_y), min_g, theme::MUTED);
    }
    response
}

/// A lesson picture in the player.
pub(super) fn picture(ui: &mut egui::Ui, cx: &Cx<'_>, pics: &mut Pictures, key: &str, size: f32) {
    pictures::show(ui, pics, cx.drawn, key, size);
}
