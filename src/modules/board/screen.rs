//! The ask & offer board for residents: filters by ask/offer and category pictogram, a search
//! box, and the posts newest first (only the rows on screen are laid out, so a thousand posts
//! scroll smoothly); one post with "I can help" / "I'm interested" and "Report"; the reply
//! form; "report this post?". No phone number, e-mail or address of anyone is shown here:
//! replies reach the poster through the post code.

use crate::ui::keyboard::{self, FieldKind};
use egui::RichText;

use crate::ui::screens::act;
pub(super) mod moderate;
pub(super) mod post;

use super::{Board, BoardAction, BoardState, action};
use crate::app::{Action, Screen, TextScale};
use crate::drawn::DrawnPictures;
use crate::modules::{Page, StaffPlace, View};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::pictures::{self, Pictures};
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::board::{Category, PostKind, Searchable};
use digidak_core::i18n::num;

/// What the board's pages read: its state and a few facts of the kiosk.
pub(super) struct Cx<'a> {
    pub board: &'a BoardState,
    pub lang: digidak_core::lang::Lang,
    pub text_scale: TextScale,
    pub drawn: &'a DrawnPictures,
    pub now_ms: i64,
    pub phone_base_url: Option<&'a str>,
    pub site: &'a str,
}

/// Draws `page` from the board's state; what is typed goes straight into its drafts.
pub(super) fn show(page: Page, ui: &mut egui::Ui, board: &mut Board, view: &mut View<'_>) {
    let Board { drafts, state } = board;
    let cx = Cx {
        board: state,
        lang: view.lang,
        text_scale: view.text_scale,
        drawn: view.drawn,
        now_ms: view.now_ms,
        phone_base_url: view.phone_base_url.as_deref(),
        site: view.site,
    };
    let (tr, pics, actions) = (view.tr, &mut *view.pics, &mut *view.actions);
    match page {
        super::LIST => list(ui, &cx, pics, &mut drafts.search, tr, actions),
        super::POST => post(ui, &cx, pics, tr, actions),
        super::REPLY => reply(
            ui,
            &cx,
            &mut drafts.reply_message,
            &mut drafts.reply_contact,
            tr,
        ),
        super::REPORT => report(ui, tr, actions),
        super::NEW_KIND => post::kind(ui, &cx, pics, tr, actions),
        super::NEW_CATEGORY => post::category(ui, &cx, pics, tr, actions),
        super::NEW_TEXT => post::words(
            ui,
            &cx,
            pics,
            &mut drafts.post_title,
            &mut drafts.post_text,
            tr,
            actions,
        ),
        super::POSTED => post::posted(ui, &cx, tr, actions),
        super::CODE => post::code(ui, &cx, &drafts.post_code, tr, actions),
        super::MINE => post::mine(ui, &cx, tr, actions),
        _ => {
            let d = moderate::Decision {
                title: &mut drafts.edit_title,
                text: &mut drafts.edit_text,
                reason: &mut drafts.reject_reason,
            };
            moderate::show(ui, &cx, d, tr, actions);
        }
    }
}

/// The board's parts of the staff screens: the moderation queue for volunteers, the paper
/// board for the admin.
pub(super) fn staff(place: StaffPlace, ui: &mut egui::Ui, state: &BoardState, view: &mut View<'_>) {
    let tr = view.tr;
    let cx = Cx {
        board: state,
        lang: view.lang,
        text_scale: view.text_scale,
        drawn: view.drawn,
        now_ms: view.now_ms,
        phone_base_url: view.phone_base_url.as_deref(),
        site: view.site,
    };
    match place {
        StaffPlace::Volunteer => {
            let n = digidak_core::i18n::num(state.queue.len() as f64);
            act(
                ui,
                Some(Picto::Board),
                &tr.tr_args("volunteer-moderate", &[("count", n)]),
                Kind::Secondary,
                Action::Go(Screen::Module(super::MODERATE)),
                view.actions,
            );
        }
        StaffPlace::AdminRow => moderate::print_buttons(ui, &cx, tr, view.actions),
        StaffPlace::AdminBelow => moderate::printed(ui, &cx, tr),
    }
}

/// Where a category chip's words start (after its picture).
const CHIP_TEXT_LEFT: f32 = 58.0;

/// Height of one post in the board's list.
pub(super) const ROW_HEIGHT: f32 = 136.0;

pub(super) fn list(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    search: &mut String,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    // The header scrolls with the posts, so some posts show on every screen and text size;
    // only the rows on screen are laid out, so a thousand posts scroll smoothly.
    let typing = keyboard::is_open(ui.ctx());
    let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
    if cx.board.reported && !typing {
        area = area.vertical_scroll_offset(0.0);
    }
    // On a low screen (1024x768, or big text) the ask/offer filters and the category pictures
    // fold behind one button, so posts show at once; the search box always shows.
    // (At 1280x800 and 1x the filters and two rows of posts fit; narrower or larger do not.)
    let low = ui.available_height() < 620.0
        && (ui.available_width() < 1150.0 || cx.text_scale.factor() > 1.0);
    let folded = low && !filters_open(ui);
    area.show_viewport(ui, |ui, viewport| {
        let fold = Fold { low, folded };
        list_content(ui, viewport, cx, pics, search, typing, fold, tr, actions);
    });
}

/// Whether the board's filters fold away (a low screen), and whether they are folded now.
#[derive(Clone, Copy)]
struct Fold {
    low: bool,
    folded: bool,
}

fn filters_id() -> egui::Id {
    egui::Id::unique("board-filters-open")
}

fn filters_open(ui: &egui::Ui) -> bool {
    ui.data(|d| d.get_temp::<bool>(filters_id()))
        .unwrap_or(false)
}

#[allow(clippy::too_many_arguments)]
fn list_content(
    ui: &mut egui::Ui,
    viewport: egui::Rect,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    search: &mut String,
    typing: bool,
    Fold { low, folded }: Fold,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let b = &cx.board;
    crate::ui::widgets::row_wrapped(ui, |ui| {
        // Low and large: the tile said where we are; the room goes to the posts.
        if !(low && cx.text_scale.factor() > 1.0) {
            crate::ui::bidi::label(ui, RichText::new(tr.tr("board-title")).heading());
            ui.add_space(16.0);
        }
        // ("Ask or offer something" and "I have a code" are pinned below the posts: see
        // `screens::pinned`.)
    });
    if b.reported {
        widgets::message(ui, &tr.tr("board-reported"), theme::NOTICE, theme::TEXT);
    }
    crate::ui::widgets::row_wrapped(ui, |ui| {
        let kinds = if folded {
            &[][..]
        } else {
            &[
                (None, "board-all"),
                (Some(PostKind::Ask), "board-asks"),
                (Some(PostKind::Offer), "board-offers"),
            ][..]
        };
        for &(kind, key) in kinds {
            let selected = b.filter.kind == kind;
            act(
                ui,
                None,
                &tr.tr(key),
                if selected {
                    Kind::Selected
                } else {
                    Kind::Secondary
                },
                action(BoardAction::FilterKind(kind)),
                actions,
            );
        }
        ui.add_space(16.0);
        // (The hint is drawn as it is given: put in display order; its name stays the words.)
        let hint = crate::ui::bidi::display_text(&tr.tr("board-search-hint"), tr.lang.is_rtl());
        let resp = keyboard::field(ui, "board-search", search, FieldKind::Text, 60, |search| {
            egui::TextEdit::singleline(search)
                .hint_text(hint)
                .desired_width(440.0)
                .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                .char_limit(60)
        });
        resp.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr.tr("board-search"))
        });
        if resp.changed() {
            actions.push(action(BoardAction::Search));
        }
        let chosen =
            usize::from(b.filter.kind.is_some()) + usize::from(b.filter.category.is_some());
        let fold_key = if folded {
            "board-filters-show"
        } else {
            "board-filters-hide"
        };
        let label = if chosen > 0 && folded {
            tr.tr_args("board-filters-chosen", &[("count", num(chosen as f64))])
        } else {
            tr.tr(fold_key)
        };
        if low && widgets::button(ui, None, &label, Kind::Secondary).clicked() {
            ui.data_mut(|d| d.insert_temp(filters_id(), folded));
        }
    });
    // While typing a search the pictures fold away, so the posts found show above the keys.
    if !typing && !folded {
        categories(ui, cx, pics, tr, actions);
    }
    let shown = &b.shown;
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr_args("board-count", &[("count", num(shown.len() as f64))]))
            .color(theme::MUTED),
    );
    if shown.is_empty() {
        crate::ui::bidi::label(
            ui,
            tr.tr(if b.posts.is_empty() {
                "board-empty"
            } else {
                "board-none-found"
            }),
        );
        return;
    }
    // The rows: space for all of them, laid out only where the viewport shows them.
    let top = ui.cursor().top();
    let origin = ui.min_rect().top();
    let seen_from = (viewport.top() + origin - top).max(0.0);
    let seen_to = (viewport.bottom() + origin - top).max(0.0);
    let first = ((seen_from / ROW_HEIGHT).floor() as usize).min(shown.len());
    let last = ((seen_to / ROW_HEIGHT).ceil() as usize).min(shown.len());
    // Each row keeps its own gap below it (see `row`), so rows sit exactly ROW_HEIGHT apart.
    ui.spacing_mut().item_spacing.y = 0.0;
    ui.add_space(first as f32 * ROW_HEIGHT);
    for &i in &shown[first..last] {
        row(ui, cx, pics, &b.posts[i], tr, actions);
    }
    ui.add_space((shown.len() - last) as f32 * ROW_HEIGHT);
}

/// The category pictograms, in even rows: tap one to see only its posts, tap it again for all.
fn categories(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let chosen = cx.board.filter.category;
    let gap = 8.0;
    // As many columns as fit without breaking a word of any label; one column at the least.
    let font = egui::TextStyle::Small.resolve(ui.style());
    let longest = Category::ALL
        .iter()
        .map(|c| widgets::longest_word(ui, &tr.tr(&c.label_key()), &font))
        .fold(0.0, f32::max);
    let least = (CHIP_TEXT_LEFT + longest + 12.0).max(200.0);
    let cols = ((ui.available_width() + gap) / (least + gap))
        .floor()
        .clamp(1.0, 5.0) as usize;
    let width = (ui.available_width() - gap * (cols as f32 - 1.0)) / cols as f32;
    for row in Category::ALL.chunks(cols) {
        crate::ui::widgets::row(ui, |ui| {
            ui.spacing_mut().item_spacing = egui::vec2(gap, gap);
            for &c in row {
                let selected = chosen == Some(c);
                let label = tr.tr(&c.label_key());
                if picture_chip(ui, cx, pics, c.picture(), &label, width, selected).clicked() {
                    let next = if selected { None } else { Some(c) };
                    actions.push(action(BoardAction::FilterCategory(next)));
                }
            }
        });
    }
}

/// The frame of a choice (a category, ask or offer): filled when hovered, thick when chosen.
fn choice_frame(ui: &egui::Ui, rect: egui::Rect, resp: &egui::Response, selected: bool) {
    let hovered = resp.hovered() || resp.is_pointer_button_down_on();
    let fill = match (selected, hovered) {
        (true, _) => theme::TILE_HOVER,
        (false, true) => theme::TILE,
        (false, false) => theme::BAR,
    };
    let stroke = egui::Stroke::new(if selected { 4.0 } else { 1.5 }, theme::PRIMARY);
    ui.painter().rect_filled(rect, 12.0, fill);
    ui.painter()
        .rect_stroke(rect, 12.0, stroke, egui::StrokeKind::Inside);
}

/// A low button: a picture on the left, its words beside it (at most two lines).
fn picture_chip(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    picture: &str,
    text: &str,
    width: f32,
    selected: bool,
) -> egui::Response {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let job = egui::text::LayoutJob::simple(
        text.to_string(),
        font,
        theme::TEXT,
        width - CHIP_TEXT_LEFT - 8.0,
    );
    let galley = crate::ui::bidi::galley(ui, job);
    let height = (galley.size().y + 16.0).max(theme::MIN_TARGET);
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, text));
    if ui.is_rect_visible(rect) {
        choice_frame(ui, rect, &resp, selected);
        let p = ui.painter();
        // The picture leads: on the left, or on the right when the screen reads from the right.
        let rtl = crate::ui::bidi::rtl_ui(ui.ctx());
        let icon_x = if rtl {
            rect.right() - 30.0
        } else {
            rect.left() + 30.0
        };
        let icon = egui::Rect::from_center_size(
            egui::pos2(icon_x, rect.center().y),
            egui::Vec2::splat(40.0),
        );
        pictures::paint(ui.ctx(), p, pics, cx.drawn, picture, icon);
        let y = rect.center().y - galley.size().y / 2.0;
        let text_x = if rtl {
            rect.right() - CHIP_TEXT_LEFT - galley.size().x
        } else {
            rect.left() + CHIP_TEXT_LEFT
        };
        p.galley(egui::pos2(text_x, y), galley, theme::TEXT);
    }
    resp
}

/// A button with one of the shared pictures above its words.
#[allow(clippy::too_many_arguments)]
pub(super) fn picture_button(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    picture: &str,
    text: &str,
    width: f32,
    icon: f32,
    selected: bool,
) -> egui::Response {
    let font = egui::TextStyle::Small.resolve(ui.style());
    // Never so narrow that a word breaks, never wider than the screen.
    let width = width
        .max(widgets::longest_word(ui, text, &font) + 16.0)
        .min(ui.available_width());
    let mut job = egui::text::LayoutJob::simple(text.to_string(), font, theme::TEXT, width - 8.0);
    job.halign = egui::Align::Center;
    let galley = crate::ui::bidi::galley(ui, job);
    let size = egui::vec2(
        width,
        (12.0 + icon + 6.0 + galley.size().y + 10.0).max(theme::MIN_TARGET),
    );
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::click());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
    if ui.is_rect_visible(rect) {
        choice_frame(ui, rect, &resp, selected);
        let p = ui.painter();
        let icon_rect = egui::Rect::from_center_size(
            egui::pos2(rect.center().x, rect.top() + 12.0 + icon / 2.0),
            egui::Vec2::splat(icon),
        );
        pictures::paint(ui.ctx(), p, pics, cx.drawn, picture, icon_rect);
        p.galley(
            egui::pos2(rect.center().x, icon_rect.bottom() + 6.0),
            galley,
            theme::TEXT,
        );
    }
    resp
}

fn kind_label(p: &Searchable, tr: Tr<'_>) -> String {
    let kind = format!(
        "{} · {}",
        tr.tr(p.kind.label_key()),
        tr.tr(&p.category.label_key())
    );
    // A local partner's offer carries its badge: the partner's name, which only the server
    // sets.
    match &p.post.post.partner {
        Some(name) => format!("{kind} · {}: {name}", tr.tr("partners-badge")),
        None => kind,
    }
}

/// One post in the list: picture, ask or offer, title, the start of the text.
fn row(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    p: &Searchable,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let (rect, resp) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), ROW_HEIGHT - 8.0),
        egui::Sense::click(),
    );
    ui.add_space(8.0);
    let title = &p.post.post.title;
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
    if resp.clicked() {
        actions.push(action(BoardAction::Open(p.post.post.id.clone())));
    }
    if !ui.is_rect_visible(rect) {
        return;
    }
    let hovered = resp.hovered() || resp.is_pointer_button_down_on();
    let painter = ui.painter_at(rect);
    let fill = if hovered { theme::TILE } else { theme::BAR };
    painter.rect_filled(rect, 14.0, fill);
    let accent = match p.kind {
        PostKind::Ask => theme::PRIMARY,
        PostKind::Offer => theme::GO,
    };
    painter.rect_stroke(
        rect,
        14.0,
        egui::Stroke::new(2.0, accent),
        egui::StrokeKind::Inside,
    );
    // The picture leads: on the left, or on the right when the screen reads from the right.
    let rtl = crate::ui::bidi::rtl_ui(ui.ctx());
    let pic_x = if rtl {
        rect.right() - 84.0
    } else {
        rect.left() + 12.0
    };
    let pic = egui::Rect::from_min_size(
        egui::pos2(pic_x, rect.top() + 12.0),
        egui::Vec2::splat(72.0),
    );
    let pixels = cx.drawn;
    pictures::paint(ui.ctx(), &painter, pics, pixels, p.category.picture(), pic);
    let x = if rtl {
        rect.left() + 12.0
    } else {
        pic.right() + 16.0
    };
    let width = if rtl {
        pic.left() - 16.0 - x
    } else {
        rect.right() - x - 12.0
    };
    let line = |text: String, style: egui::TextStyle, color: egui::Color32| {
        let font = style.resolve(ui.style());
        let mut job = egui::text::LayoutJob::simple_singleline(text, font, color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(width);
        crate::ui::bidi::galley(ui, job)
    };
    let label = line(kind_label(p, tr), egui::TextStyle::Small, accent);
    let heading = line(title.clone(), egui::TextStyle::Heading, theme::TEXT);
    let first = p.post.post.text.lines().next().unwrap_or("").to_string();
    let text = line(first, egui::TextStyle::Body, theme::MUTED);
    let mut y = rect.top() + 8.0;
    for g in [label, heading, text] {
        let h = g.size().y;
        // Right to left, each line ends beside the picture.
        let gx = if rtl { x + width - g.size().x } else { x };
        painter.galley(egui::pos2(gx, y), g, theme::TEXT);
        y += h + 2.0;
    }
}

/// One post: everything about it, and what a reader can do.
pub(super) fn post(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let Some(p) = cx.board.opened() else {
        crate::ui::bidi::label(ui, tr.tr("board-post-gone"));
        return;
    };
    let r = &p.post.post;
    crate::ui::widgets::row(ui, |ui| {
        pictures::show(ui, pics, cx.drawn, p.category.picture(), 96.0);
        crate::ui::widgets::column(ui, |ui| {
            crate::ui::bidi::label(ui, RichText::new(kind_label(p, tr)).color(theme::PRIMARY));
            crate::ui::bidi::label(ui, RichText::new(&r.title).heading());
            crate::ui::bidi::label(
                ui,
                RichText::new(tr.tr_args("board-number", &[("number", p.number.clone().into())]))
                    .color(theme::MUTED),
            );
        });
    });
    if !r.text.is_empty() {
        crate::ui::bidi::label(ui, &r.text);
    }
    if !r.languages.is_empty() {
        crate::ui::bidi::label(
            ui,
            crate::ui::screens::spoken_as("board-spoken", &r.languages, tr),
        );
    }
    if cx.board.replied {
        widgets::message(ui, &tr.tr("board-replied"), theme::GO_BG, theme::TEXT);
    }
    ui.add_space(8.0);
    crate::ui::widgets::row_wrapped(ui, |ui| {
        let reply = match p.kind {
            PostKind::Ask => "board-can-help",
            PostKind::Offer => "board-interested",
        };
        act(
            ui,
            Some(Picto::Done),
            &tr.tr(reply),
            Kind::Go,
            action(BoardAction::StartReply),
            actions,
        );
        act(
            ui,
            Some(Picto::Flag),
            &tr.tr("board-report"),
            Kind::Secondary,
            action(BoardAction::AskReport),
            actions,
        );
    });
}

/// "I can help": a short message and, if the replier wants, how to reach them.
pub(super) fn reply(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    message: &mut String,
    contact: &mut String,
    tr: Tr<'_>,
) {
    let Some(p) = cx.board.opened() else {
        crate::ui::bidi::label(ui, tr.tr("board-post-gone"));
        return;
    };
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr_args(
            "board-reply-to",
            &[("title", p.post.post.title.clone().into())],
        ))
        .heading(),
    );
    let hint = tr.tr("board-reply-hint");
    crate::ui::bidi::label(ui, RichText::new(&hint).color(theme::MUTED));
    widgets::text_field(
        ui,
        &tr.tr("board-reply-message"),
        message,
        digidak_core::board::MESSAGE_MAX,
        true,
    );
    if cx.board.problem != Some(digidak_core::board::PostProblem::NoMessage)
        || digidak_core::text::clean_line(message, usize::MAX)
            .trim()
            .is_empty()
    {
        problem(ui, cx, tr);
    }
    ui.add_space(8.0);
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr("board-reply-contact-why")).color(theme::MUTED),
    );
    widgets::text_field(
        ui,
        &tr.tr("board-reply-contact"),
        contact,
        digidak_core::board::CONTACT_MAX,
        false,
    );
}

/// "Report this post?": it leaves the board until a volunteer looks at it.
pub(super) fn report(ui: &mut egui::Ui, tr: Tr<'_>, actions: &mut Vec<Action>) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("board-report-title")).heading());
    crate::ui::bidi::label(ui, tr.tr("board-report-explain"));
    ui.add_space(16.0);
    crate::ui::widgets::row_wrapped(ui, |ui| {
        act(
            ui,
            Some(Picto::Flag),
            &tr.tr("board-report-yes"),
            Kind::Primary,
            action(BoardAction::ConfirmReport),
            actions,
        );
        act(
            ui,
            Some(Picto::Back),
            &tr.tr("board-report-no"),
            Kind::Secondary,
            Action::Back,
            actions,
        );
    });
}

/// What is wrong with what was typed on a board screen (a post, a reply, a decision), if
/// anything.
pub(super) fn problem(ui: &mut egui::Ui, cx: &Cx<'_>, tr: Tr<'_>) {
    if let Some(p) = cx.board.problem {
        widgets::message(ui, &tr.tr(p.key()), theme::ERROR_BG, theme::ERROR_TEXT);
    }
}
