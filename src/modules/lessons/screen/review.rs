//! Volunteer mode: the lessons whose facts were last checked more than a year ago ("nakijken"),
//! so that a volunteer asks for them to be checked against their sources. Draws nothing when
//! every lesson is current.

use egui::RichText;

use std::sync::Arc;

use crate::ui::Tr;
use crate::ui::widgets;
use digidak_core::i18n::text;
use digidak_core::lang::Lang;
use digidak_core::lessons::Library;

pub fn show(
    ui: &mut egui::Ui,
    library: Option<&Arc<Library>>,
    lang: Lang,
    now_ms: i64,
    tr: Tr<'_>,
) {
    let Some(library) = library else {
        return;
    };
    let due = library.needing_review(now_ms);
    if due.is_empty() {
        return;
    }
    widgets::card(ui, |ui| {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("lesson-review-title")).strong());
        crate::ui::bidi::label(ui, tr.tr("lesson-review-explain"));
        for lesson in due {
            let title = lesson
                .text(lang)
                .or_else(|| lesson.texts.values().next())
                .map_or(lesson.id.as_str(), |t| t.title.as_str());
            crate::ui::bidi::label(
                ui,
                tr.tr_args(
                    "lesson-review-item",
                    &[
                        ("title", text(title)),
                        ("date", text(&lesson.checked.to_string())),
                    ],
                ),
            );
        }
    });
}
