//! Right-to-left text for egui. egui shapes Arabic (harfrust joins the letters of a run and
//! puts them right to left) but lays every line out left to right and never reorders mixed
//! text (egui issues 1016 and 5069): "الكود 4829 3750" would show its words in the wrong order.
//! Here each line is put in display order with the Unicode bidi algorithm (`unicode-bidi`)
//! before egui draws it, wrapped first in reading order so the first line holds the start of
//! the sentence.
//!
//! egui shapes each run of one font on its own, and reverses an Arabic run itself: so the
//! display string keeps every run of Arabic letters in reading order and reverses only the
//! order of the runs and the characters between them (spaces, punctuation, with brackets
//! mirrored). Digits, codes and Latin names keep their left-to-right order.
//!
//! The accessible name of a reordered label stays the text in reading order: "read aloud" and
//! screen readers read the sentence, not its display order.

use std::sync::Arc;

pub use digidak_core::bidi::{display_line, display_text, has_rtl, is_rtl_char, paragraph_is_rtl};
use egui::text::{LayoutJob, TextWrapping};
use egui::{Align, Response, RichText, Role, Ui, WidgetInfo, WidgetText};

/// Whether the interface reads right to left now (set once a frame by the UI).
pub fn rtl_ui(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(rtl_id()).unwrap_or(false))
}

pub fn set_rtl_ui(ctx: &egui::Context, rtl: bool) {
    ctx.data_mut(|d| d.insert_temp(rtl_id(), rtl));
}

fn rtl_id() -> egui::Id {
    egui::Id::unique("digidak-rtl-ui")
}

/// Lays out `job` (one format) wrapped at `width` in reading order, then puts each line in
/// display order. Right-to-left paragraphs are aligned right when `align_right` (a label: egui
/// places it by its right edge); else the job's own alignment stays (a galley painted at a
/// point).
pub fn layout(
    ui: &Ui,
    job: &LayoutJob,
    width: f32,
    rtl_ui: bool,
    align_right: bool,
) -> Arc<egui::Galley> {
    let logical = job.text.clone();
    let rtl = paragraph_is_rtl(&logical, rtl_ui);
    let max_rows = job.wrap.max_rows;
    let format = job
        .sections
        .first()
        .map(|s| s.format.clone())
        .unwrap_or_default();
    // Wrapped in reading order between words, each line measured as egui will draw it
    // (egui's rows count glyphs, and Arabic letters join into fewer glyphs than characters).
    let measure = |text: &str| {
        let job = LayoutJob::single_section(text.to_string(), format.clone());
        ui.fonts_mut(|f| f.layout_job(job)).size().x
    };
    let mut lines: Vec<String> = Vec::new();
    for paragraph in logical.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && width.is_finite() && measure(&candidate) > width {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
            // A word wider than the whole line (a long address) is cut where it must be,
            // as egui does.
            while width.is_finite() && measure(&line) > width && line.chars().count() > 1 {
                let mut head = String::new();
                for c in line.chars() {
                    head.push(c);
                    if measure(&head) > width {
                        head.pop();
                        break;
                    }
                }
                if head.is_empty() {
                    break;
                }
                let rest = line[head.len()..].to_string();
                lines.push(head);
                line = rest;
            }
        }
        lines.push(line);
    }
    let truncated = lines.len() > max_rows;
    lines.truncate(max_rows);
    // A job cut to its rows ends its last one with "…" (at the end of the sentence).
    if truncated && let Some(last) = lines.last_mut() {
        last.pop();
        last.push('…');
    }
    let lines: Vec<String> = lines.iter().map(|l| display_line(l, rtl)).collect();
    let mut shown = LayoutJob::single_section(lines.join("\n"), format);
    shown.wrap = TextWrapping::no_max_width();
    shown.halign = if job.halign == Align::Center {
        Align::Center
    } else if rtl && align_right {
        Align::RIGHT
    } else {
        job.halign
    };
    ui.fonts_mut(|f| f.layout_job(shown))
}

/// `job` laid out for painting: with a right-to-left letter in display order ([`layout`], at the
/// job's wrap width), else as egui does.
pub fn galley(ui: &Ui, job: LayoutJob) -> Arc<egui::Galley> {
    if has_rtl(&job.text) {
        let width = job.wrap.max_width;
        layout(ui, &job, width, rtl_ui(ui.ctx()), false)
    } else {
        ui.fonts_mut(|f| f.layout_job(job))
    }
}

/// A label that reads right in every direction: text without a right-to-left letter is an
/// ordinary egui label; other text is wrapped and reordered here.
pub fn label(ui: &mut Ui, text: impl Into<RichText>) -> Response {
    let rich: RichText = text.into();
    if !has_rtl(rich.text()) {
        return ui.label(rich);
    }
    let logical = rich.text().to_string();
    let job = WidgetText::from(rich).into_layout_job(
        ui.style(),
        egui::FontSelection::Default,
        ui.text_valign(),
    );
    let galley = layout(ui, &job, ui.available_width(), rtl_ui(ui.ctx()), true);
    let response = ui.add(egui::Label::new(galley));
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &logical));
    response
}
