//! The ask & offer board: browsing and searching, posting in four screens, replying,
//! reporting, the code holder's view, volunteers' moderation and the admin's paper board. The
//! board's posts are held in memory (folded once for search); the store worker does every disk
//! write. No egui (but in `screen.rs`), no I/O.

mod screen;

use std::any::Any;

use super::{CodeLookup, Ctx, Module, ModuleAction, Page, Pinned, Refresh, StaffPlace, Tile};
use crate::app::{Action, Screen};
use crate::pin::Role;
use crate::store::worker::{Command, Event};
use crate::store::{BoardCommand, BoardEvent, MyPost};
use crate::ui::picto::Picto;
use digidak_core::board::pdf::PaperLabels;
use digidak_core::board::{
    self, Category, Filter, PostDraft, PostKind, PostProblem, PostStatus, Searchable,
};
use digidak_protocol::{PostModerated, PostState};

pub const ID: &str = "board";
/// The board: filters, search and the posts, newest first.
pub const LIST: Page = Page::resident(ID, 0);
/// One post, with "I can help" / "I'm interested" and "Report".
pub const POST: Page = Page::resident(ID, 1);
/// A reply: a short message and, if wanted, how to reach the replier.
pub const REPLY: Page = Page::resident(ID, 2);
/// "Report this post?"
pub const REPORT: Page = Page::resident(ID, 3);
/// Posting, step 1 of 4: ask or offer.
pub const NEW_KIND: Page = Page::resident(ID, 4);
/// Step 2: the category.
pub const NEW_CATEGORY: Page = Page::resident(ID, 5);
/// Step 3: title, text, languages.
pub const NEW_TEXT: Page = Page::resident(ID, 6);
/// Step 4: the post code and its QR code.
pub const POSTED: Page = Page::resident(ID, 7);
/// Typing a post code.
pub const CODE: Page = Page::resident(ID, 8);
/// The code holder's post: status, replies, renew, end.
pub const MINE: Page = Page::resident(ID, 9);
/// Volunteer mode: new and reported posts to approve, edit or reject.
pub const MODERATE: Page = Page::staff(ID, 10);

/// An action of the board's pages, as the kiosk's [`Action`].
pub fn action(what: BoardAction) -> Action {
    Action::Module(ModuleAction::new(ID, what))
}

/// What the board's pages can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardAction {
    /// Send the new ask to this local partner too, or not (a second tap undoes it).
    ToggleSendTo(String),
    /// Show asks, offers, or both.
    FilterKind(Option<PostKind>),
    FilterCategory(Option<Category>),
    /// The search words (`drafts.search`) changed.
    Search,
    /// Open a post of the board.
    Open(String),
    /// Start a new post (screen 1 of 4).
    StartPost,
    ChooseKind(PostKind),
    ChooseCategory(Category),
    ToggleLanguage(String),
    /// Save the new post (screen 3 of 4) and show its code.
    Publish,
    StartReply,
    SendReply,
    /// "Report" (asks first), then "yes, report".
    AskReport,
    ConfirmReport,
    CodeDigit(char),
    CodeErase,
    CodeSubmit,
    /// The code holder: "still needed", "it helped", "remove it".
    Renew,
    Close {
        helped: bool,
    },
    /// Volunteer mode.
    Approve(String),
    Edit(String),
    /// Approve with the corrections in `drafts.edit_title` / `edit_text`.
    SaveEdit,
    Reject(String),
    /// Reject with `drafts.reject_reason`.
    ConfirmReject,
    CancelDecision,
    /// Admin mode: the paper board as PDF, in these words; `new_only`: only the posts
    /// approved in the last seven days.
    Print {
        labels: Box<PaperLabels>,
        subheading: String,
        new_only: bool,
    },
}

/// What was typed on the board's pages. Wiped with the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardDrafts {
    /// The words searched.
    pub search: String,
    /// A new post's title and text.
    pub post_title: String,
    pub post_text: String,
    /// A reply's message and how to reach the replier.
    pub reply_message: String,
    pub reply_contact: String,
    /// A post code being typed.
    pub post_code: String,
    /// Volunteer mode: a post's corrected title and text, and why it is rejected.
    pub edit_title: String,
    pub edit_text: String,
    pub reject_reason: String,
}

/// The board module: what was typed, and the rest of its state.
#[derive(Debug, Default)]
pub struct Board {
    pub drafts: BoardDrafts,
    pub state: BoardState,
}

/// The board's state but for what was typed.
#[derive(Debug, Default)]
pub struct BoardState {
    /// The public board, newest first.
    pub posts: Vec<Searchable>,
    pub filter: Filter,
    /// Positions in `posts` that pass the filter.
    pub shown: Vec<usize>,
    /// The post opened from the board.
    pub open: Option<String>,
    /// A new post: its choices so far (the words are in the drafts).
    pub kind: Option<PostKind>,
    pub category: Option<Category>,
    pub languages: Vec<String>,
    pub problem: Option<PostProblem>,
    awaiting: bool,
    /// The post just made: its code is shown.
    pub created: Option<PostState>,
    pub replied: bool,
    pub reported: bool,
    pub lookup: CodeLookup,
    /// The code holder's post.
    pub mine: Option<MyPost>,
    /// Volunteer mode: posts waiting for a decision, and the one being edited or rejected.
    pub queue: Vec<PostState>,
    pub editing: Option<String>,
    pub rejecting: Option<String>,
    /// Admin mode: where the paper board went, or why not.
    pub printed: Option<Result<std::path::PathBuf, crate::app::StoreFault>>,
    /// The site's local partners (as the store last had them): an ask in a category one of
    /// them covers may go to it too.
    pub partners: Vec<digidak_protocol::PartnerRecord>,
    /// Their uploaded logos, for "... kan ook helpen" (read and drawn by the store worker).
    pub partner_logos: crate::modules::partners::Logos,
    /// The partner the resident chose to send the new ask to as well (none by default).
    pub send_to: Option<String>,
}

impl BoardState {
    fn wipe(&mut self) {
        let posts = std::mem::take(&mut self.posts);
        *self = Self {
            posts,
            ..Self::default()
        };
        self.research();
    }

    fn research(&mut self) {
        self.shown = board::search(&self.posts, &self.filter);
    }

    /// The code of the code holder's post being shown.
    fn mine_code(&self) -> Option<String> {
        self.mine.as_ref().map(|m| m.post.post.code.clone())
    }

    /// The local partners that cover the new ask's category (none for an offer).
    pub fn partners_for_new_ask(&self) -> Vec<&digidak_protocol::PartnerRecord> {
        match (self.kind, self.category) {
            (Some(PostKind::Ask), Some(c)) => {
                digidak_core::partners::covering(&self.partners, c.id())
            }
            _ => Vec::new(),
        }
    }

    /// The post opened from the board.
    pub fn opened(&self) -> Option<&Searchable> {
        let id = self.open.as_ref()?;
        self.posts.iter().find(|p| &p.post.post.id == id)
    }
}

/// Asks the store for the board's posts, and for the moderation queue of staff.
fn refresh(now_ms: i64, staff: bool) -> Vec<Command> {
    let mut commands = vec![Command::Board(BoardCommand::Refresh { now_ms })];
    if staff {
        commands.push(Command::Board(BoardCommand::RefreshQueue));
    }
    commands
}

fn send(ctx: &Ctx<'_>, c: BoardCommand) {
    ctx.send(Command::Board(c));
}

impl Board {
    fn refresh_now(ctx: &Ctx<'_>) {
        for c in refresh(ctx.now_ms, ctx.staff) {
            ctx.send(c);
        }
    }

    fn act(&mut self, action: BoardAction, ctx: &mut Ctx<'_>) {
        let now_ms = ctx.now_ms;
        let Board { drafts, state: b } = self;
        match action {
            BoardAction::FilterKind(k) => {
                b.filter.kind = k;
                b.research();
            }
            BoardAction::FilterCategory(c) => {
                b.filter.category = c;
                b.research();
            }
            BoardAction::Search => {
                b.filter.words = drafts.search.clone();
                b.research();
            }
            BoardAction::Open(id) => {
                b.open = Some(id);
                b.replied = false;
                b.reported = false;
                ctx.push(POST);
            }
            BoardAction::StartPost => {
                b.send_to = None;
                // Which partners could take an ask, for the last step.
                ctx.send(Command::RefreshPartners { now_ms });
                b.kind = None;
                b.category = None;
                b.languages = vec![ctx.lang.code().to_string()];
                b.problem = None;
                b.created = None;
                drafts.post_title.clear();
                drafts.post_text.clear();
                ctx.push(NEW_KIND);
            }
            BoardAction::ChooseKind(k) => {
                b.kind = Some(k);
                ctx.push(NEW_CATEGORY);
            }
            BoardAction::ChooseCategory(c) => {
                b.category = Some(c);
                ctx.push(NEW_TEXT);
            }
            BoardAction::ToggleSendTo(id) => {
                b.send_to = if b.send_to.as_deref() == Some(id.as_str()) {
                    None
                } else {
                    Some(id)
                };
            }
            BoardAction::ToggleLanguage(l) => {
                if let Some(i) = b.languages.iter().position(|x| *x == l) {
                    b.languages.remove(i);
                } else if board::is_language(&l) && b.languages.len() < board::MAX_LANGUAGES {
                    b.languages.push(l);
                }
            }
            BoardAction::Publish => {
                if b.awaiting {
                    return;
                }
                let draft = PostDraft {
                    kind: b.kind,
                    category: b.category,
                    title: drafts.post_title.clone(),
                    text: drafts.post_text.clone(),
                    languages: b.languages.clone(),
                };
                match board::check_post(&draft) {
                    Ok(post) => {
                        b.problem = None;
                        b.awaiting = true;
                        // Only to a partner that covers this ask (the category may have
                        // changed since the tap).
                        let route_to = b
                            .send_to
                            .clone()
                            .filter(|id| b.partners_for_new_ask().iter().any(|p| &p.id == id));
                        send(
                            ctx,
                            BoardCommand::Create {
                                post,
                                route_to,
                                now_ms,
                            },
                        );
                    }
                    Err(p) => b.problem = Some(p),
                }
            }
            BoardAction::StartReply => {
                b.problem = None;
                drafts.reply_message.clear();
                drafts.reply_contact.clear();
                ctx.push(REPLY);
            }
            BoardAction::SendReply => {
                let Some(post_id) = b.open.clone() else {
                    return;
                };
                match board::check_reply(&drafts.reply_message, &drafts.reply_contact) {
                    Ok((message, contact)) => {
                        b.problem = None;
                        // Saved at once: nothing typed stays on screen for the next person.
                        drafts.reply_message.clear();
                        drafts.reply_contact.clear();
                        b.replied = true;
                        send(
                            ctx,
                            BoardCommand::Reply {
                                post_id,
                                message,
                                contact,
                                now_ms,
                            },
                        );
                        ctx.back();
                    }
                    Err(p) => b.problem = Some(p),
                }
            }
            BoardAction::AskReport => ctx.push(REPORT),
            BoardAction::ConfirmReport => {
                if let Some(id) = b.open.clone() {
                    tracing::info!("a post was reported");
                    b.reported = true;
                    send(ctx, BoardCommand::Report { id, now_ms });
                    // The post has left the board: back to the board, which says so.
                    while ctx.can_go_back() && ctx.screen() != Screen::Module(LIST) {
                        ctx.back();
                    }
                }
            }
            BoardAction::CodeDigit(d) => {
                if d.is_ascii_digit() && drafts.post_code.len() < board::CODE_DIGITS {
                    drafts.post_code.push(d);
                }
                b.lookup = CodeLookup::Idle;
            }
            BoardAction::CodeErase => {
                drafts.post_code.pop();
                b.lookup = CodeLookup::Idle;
            }
            BoardAction::CodeSubmit => match board::normalize_code(&drafts.post_code) {
                None => b.lookup = CodeLookup::Invalid,
                Some(code) => {
                    b.lookup = CodeLookup::Looking;
                    send(ctx, BoardCommand::FindCode { code });
                }
            },
            BoardAction::Renew => {
                if let Some(code) = b.mine_code() {
                    send(ctx, BoardCommand::Renew { code, now_ms });
                }
            }
            BoardAction::Close { helped } => {
                if let Some(code) = b.mine_code() {
                    send(
                        ctx,
                        BoardCommand::Close {
                            code,
                            helped,
                            now_ms,
                        },
                    );
                }
            }
            BoardAction::Print {
                labels,
                subheading,
                new_only,
            } => {
                if ctx.role == Some(Role::Admin) {
                    b.printed = None;
                    let posts: Vec<PostState> = b.posts.iter().map(|s| s.post.clone()).collect();
                    let posts = board::pdf::paper_posts(&posts, now_ms, new_only);
                    let paper = board::pdf::paper_board(&posts, &labels, subheading);
                    let day: String = digidak_core::activities::local_now(now_ms)
                        .chars()
                        .take(10)
                        .collect();
                    let name = if new_only {
                        format!("board-{day}-new")
                    } else {
                        format!("board-{day}")
                    };
                    send(
                        ctx,
                        BoardCommand::Print {
                            board: Box::new(paper),
                            name,
                        },
                    );
                }
            }
            other => self.handle_moderation(other, ctx),
        }
    }

    /// Volunteer mode: approve, edit, reject.
    fn handle_moderation(&mut self, action: BoardAction, ctx: &mut Ctx<'_>) {
        if !ctx.staff {
            return;
        }
        let now_ms = ctx.now_ms;
        let Board { drafts, state: b } = self;
        let decision = |id: &str, decision: &str| PostModerated {
            id: id.to_string(),
            decision: decision.into(),
            reason: None,
            title: None,
            text: None,
            category: None,
        };
        let m = match action {
            BoardAction::Approve(id) => Some(decision(&id, "approve")),
            BoardAction::Edit(id) => {
                if let Some(p) = b.queue.iter().find(|p| p.post.id == id) {
                    drafts.edit_title = p.post.title.clone();
                    drafts.edit_text = p.post.text.clone();
                    b.editing = Some(id);
                    b.rejecting = None;
                    b.problem = None;
                }
                None
            }
            BoardAction::SaveEdit => {
                let Some(id) = b.editing.clone() else { return };
                let title = board::clean_text(&drafts.edit_title, board::TITLE_MAX, false);
                if title.is_empty() {
                    b.problem = Some(PostProblem::NoTitle);
                    return;
                }
                let mut m = decision(&id, "approve");
                m.title = Some(title);
                m.text = Some(board::clean_text(&drafts.edit_text, board::TEXT_MAX, true));
                Some(m)
            }
            BoardAction::Reject(id) => {
                drafts.reject_reason.clear();
                b.rejecting = Some(id);
                b.editing = None;
                b.problem = None;
                None
            }
            BoardAction::ConfirmReject => {
                let Some(id) = b.rejecting.clone() else {
                    return;
                };
                let reason = board::clean_text(&drafts.reject_reason, board::REASON_MAX, false);
                if reason.is_empty() {
                    b.problem = Some(PostProblem::NoReason);
                    return;
                }
                let mut m = decision(&id, "reject");
                m.reason = Some(reason);
                Some(m)
            }
            BoardAction::CancelDecision => {
                b.editing = None;
                b.rejecting = None;
                b.problem = None;
                None
            }
            _ => None,
        };
        if let Some(m) = m {
            tracing::info!(decision = %m.decision, "a volunteer moderated a post");
            b.editing = None;
            b.rejecting = None;
            b.problem = None;
            drafts.edit_title.clear();
            drafts.edit_text.clear();
            drafts.reject_reason.clear();
            // Shown at once: the post leaves the queue before the store answers.
            b.queue.retain(|p| p.post.id != m.id);
            send(
                ctx,
                BoardCommand::Moderate {
                    decision: m,
                    now_ms,
                },
            );
        }
    }

    fn on_board_event(&mut self, ev: BoardEvent, ctx: &mut Ctx<'_>) {
        let Board { drafts, state: b } = self;
        match ev {
            BoardEvent::Posts(list) => {
                b.posts = list;
                b.research();
                // The code holder's view follows the server's decisions.
                if let Some(code) = b.mine_code() {
                    send(ctx, BoardCommand::FindCode { code });
                }
            }
            BoardEvent::Queue(list) => b.queue = list,
            BoardEvent::Created(p) => {
                if std::mem::take(&mut b.awaiting) {
                    b.created = Some(p);
                    drafts.post_title.clear();
                    drafts.post_text.clear();
                    // The four steps are done: "back" goes to the board, not into the form.
                    while matches!(
                        ctx.screen(),
                        Screen::Module(NEW_KIND | NEW_CATEGORY | NEW_TEXT)
                    ) {
                        ctx.back();
                    }
                    ctx.push(POSTED);
                }
            }
            BoardEvent::Found { code, post } => {
                let asked = b.lookup == CodeLookup::Looking;
                let following = b.mine.as_ref().is_some_and(|m| m.post.post.code == code);
                if asked || following {
                    b.lookup = if post.is_some() {
                        CodeLookup::Found
                    } else {
                        CodeLookup::NotFound
                    };
                    b.mine = post;
                    if asked && b.mine.is_some() {
                        drafts.post_code.clear();
                        ctx.replace(MINE);
                    }
                }
            }
            BoardEvent::Replied => {}
            BoardEvent::Printed(r) => b.printed = Some(r),
        }
    }
}

impl BoardState {
    /// The code holder's post: "still needed?" is asked now.
    pub fn renewable(&self, now_ms: i64) -> bool {
        self.mine
            .as_ref()
            .is_some_and(|m| board::renewable(&m.post, now_ms))
    }

    /// When the replies of the code holder's post will be wiped (it has ended).
    pub fn replies_wiped_on(&self, now_ms: i64) -> Option<i64> {
        let m = self.mine.as_ref()?;
        board::replies_wiped_on(&m.post, now_ms)
    }

    /// The status of a post as one of [`PostStatus`].
    pub fn status(p: &PostState) -> Option<PostStatus> {
        PostStatus::from_id(&p.status)
    }
}

impl Module for Board {
    fn id(&self) -> &'static str {
        ID
    }

    fn tile(&self) -> Option<Tile> {
        Some(Tile {
            picto: Picto::Board,
            label: "tile-board",
            opens: LIST,
        })
    }

    /// Only what was typed counts: the posts and a post opened are no one's input.
    fn is_clean(&self) -> bool {
        self.drafts == BoardDrafts::default()
    }

    fn wipe(&mut self) {
        self.drafts = BoardDrafts::default();
        self.state.wipe();
    }

    fn opened(&mut self, page: Page, ctx: &mut Ctx<'_>) {
        if page == LIST || page == MODERATE {
            Self::refresh_now(ctx);
        }
        if page == CODE {
            self.drafts.post_code.clear();
            self.state.lookup = CodeLookup::Idle;
            self.state.mine = None;
        }
    }

    fn staff_opened(&mut self, ctx: &mut Ctx<'_>) {
        // The queue (volunteers) and the posts (the admin's paper board).
        Self::refresh_now(ctx);
    }

    fn handle(&mut self, action: &ModuleAction, ctx: &mut Ctx<'_>) {
        if let Some(what) = action.get::<BoardAction>() {
            self.act(what.clone(), ctx);
        }
    }

    fn on_event(&mut self, event: Event, ctx: &mut Ctx<'_>) -> Option<Event> {
        match event {
            Event::Board(ev) => {
                self.on_board_event(ev, ctx);
                None
            }
            // The partners module takes the list too.
            Event::Partners {
                list,
                strengths,
                offers,
            } => {
                let ask = self.state.partner_logos.to_ask(&list);
                if !ask.is_empty() {
                    ctx.send(Command::LoadPartnerLogos { hashes: ask });
                }
                self.state.partners = list.clone();
                Some(Event::Partners {
                    list,
                    strengths,
                    offers,
                })
            }
            // The partners module takes the logos too (each takes those it asked for).
            Event::PartnerLogos(answers) => {
                self.state.partner_logos.answered(&answers);
                Some(Event::PartnerLogos(answers))
            }
            other => Some(other),
        }
    }

    fn on_failed(&mut self, command: &Command, _ctx: &mut Ctx<'_>) -> bool {
        if let Command::LoadPartnerLogos { hashes } = command {
            // Asked again with the next list; the partners module hears of it too.
            self.state.partner_logos.failed(hashes);
        }
        false
    }

    fn refresh(&self) -> Refresh {
        refresh
    }

    fn scrolls_itself(&self, page: Page) -> bool {
        // Only the rows on screen are drawn.
        page == LIST
    }

    fn show(&mut self, page: Page, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        screen::show(page, ui, self, view);
    }

    fn show_staff(&mut self, place: StaffPlace, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        screen::staff(place, ui, &self.state, view);
    }

    fn pinned(&self, page: Page) -> Option<Pinned> {
        let main = |picto, label, what| Pinned {
            picto,
            label,
            action: action(what),
            beside: None,
            not_while_typing: false,
        };
        match page {
            NEW_TEXT => Some(main(Picto::Done, "board-publish", BoardAction::Publish)),
            REPLY if self.state.opened().is_some() => Some(main(
                Picto::Done,
                "board-reply-send",
                BoardAction::SendReply,
            )),
            // While typing a search the posts found need the room more than a new post does;
            // the board's other way in, "I have a code", stands beside it.
            LIST => Some(Pinned {
                beside: Some((
                    Picto::Code,
                    "board-have-code",
                    Action::Go(Screen::Module(CODE)),
                )),
                not_while_typing: true,
                ..main(Picto::Plus, "board-new", BoardAction::StartPost)
            }),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::bench::Bench;
    use digidak_protocol::PostRecord;

    fn post(id: &str, title: &str, status: &str) -> PostState {
        PostState {
            post: PostRecord {
                id: id.into(),
                code: "123456789012".into(),
                kind: "ask".into(),
                category: Category::ALL[0].id().into(),
                title: title.into(),
                text: "Een brief van de gemeente".into(),
                languages: vec!["nl".into()],
                token: None,
                partner: None,
                route_to: None,
            },
            status: status.into(),
            reason: None,
            created_ms: 0,
            expires_ms: None,
            reports: 0,
            helped: false,
            approved_ms: None,
            ended_ms: None,
        }
    }

    fn act(b: &mut Bench, m: &mut Board, what: BoardAction) {
        b.act(m, ModuleAction::new(ID, what));
    }

    /// The board is open with two posts on it.
    fn open_board() -> (Board, Bench) {
        let mut m = Board::default();
        let mut b = Bench::new();
        b.open(&mut m, LIST);
        assert_eq!(
            b.asked(),
            vec![Command::Board(BoardCommand::Refresh { now_ms: b.now_ms })],
            "opening the board asks for its posts (not for the queue: no staff)"
        );
        let posts = ["Hulp met een brief", "Fiets te leen"]
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Searchable::new(post(&format!("p{i}"), t, "public")))
            .collect();
        assert!(b.answer(&mut m, Event::Board(BoardEvent::Posts(posts))));
        (m, b)
    }

    #[test]
    fn posting_goes_through_four_steps_and_back_from_the_code_goes_to_the_board() {
        let (mut m, mut b) = open_board();
        act(&mut b, &mut m, BoardAction::StartPost);
        assert_eq!(b.screen(), Screen::Module(NEW_KIND));
        // The site's local partners are asked for, for the last step (an ask may go there).
        assert!(matches!(b.asked()[..], [Command::RefreshPartners { .. }]));
        assert_eq!(
            m.state.languages,
            vec!["nl".to_string()],
            "the kiosk's language"
        );
        act(&mut b, &mut m, BoardAction::ChooseKind(PostKind::Ask));
        assert_eq!(b.screen(), Screen::Module(NEW_CATEGORY));
        act(
            &mut b,
            &mut m,
            BoardAction::ChooseCategory(Category::ALL[1]),
        );
        assert_eq!(b.screen(), Screen::Module(NEW_TEXT));
        assert_eq!(
            m.pinned(NEW_TEXT).map(|p| p.label),
            Some("board-publish"),
            "publish is the words' main action"
        );
        // No title: told, nothing saved.
        act(&mut b, &mut m, BoardAction::Publish);
        assert_eq!(m.state.problem, Some(PostProblem::NoTitle));
        assert!(b.asked().is_empty());
        m.drafts.post_title = "Wie helpt mij?".into();
        act(&mut b, &mut m, BoardAction::Publish);
        act(&mut b, &mut m, BoardAction::Publish);
        let asked = b.asked();
        assert_eq!(asked.len(), 1, "a second tap while saving sends nothing");
        assert!(matches!(
            &asked[0],
            Command::Board(BoardCommand::Create { post, .. }) if post.title == "Wie helpt mij?"
        ));
        let created = post("new", "Wie helpt mij?", "waiting");
        assert!(b.answer(&mut m, Event::Board(BoardEvent::Created(created.clone()))));
        assert_eq!(b.screen(), Screen::Module(POSTED));
        assert_eq!(m.state.created, Some(created));
        assert!(
            m.drafts.post_title.is_empty(),
            "saved: the words leave the form"
        );
        b.nav.pop();
        assert_eq!(
            b.screen(),
            Screen::Module(LIST),
            "the steps are not gone back to"
        );
    }

    #[test]
    fn a_reply_is_checked_sent_once_and_forgotten_on_screen() {
        let (mut m, mut b) = open_board();
        act(&mut b, &mut m, BoardAction::Open("p0".into()));
        assert_eq!(b.screen(), Screen::Module(POST));
        act(&mut b, &mut m, BoardAction::StartReply);
        assert_eq!(b.screen(), Screen::Module(REPLY));
        act(&mut b, &mut m, BoardAction::SendReply);
        assert_eq!(m.state.problem, Some(PostProblem::NoMessage));
        m.drafts.reply_message = "Ik kan helpen".into();
        act(&mut b, &mut m, BoardAction::SendReply);
        assert!(matches!(
            &b.asked()[..],
            [Command::Board(BoardCommand::Reply { post_id, .. })] if post_id == "p0"
        ));
        assert!(m.state.replied);
        assert!(m.drafts.reply_message.is_empty());
        assert_eq!(b.screen(), Screen::Module(POST), "back to the post");
    }

    #[test]
    fn search_and_filters_narrow_the_board() {
        let (mut m, mut b) = open_board();
        assert_eq!(m.state.shown.len(), 2);
        m.drafts.search = "FIETS".into();
        act(&mut b, &mut m, BoardAction::Search);
        assert_eq!(m.state.shown, vec![1], "accents and capitals ignored");
        act(
            &mut b,
            &mut m,
            BoardAction::FilterKind(Some(PostKind::Offer)),
        );
        assert!(m.state.shown.is_empty());
    }

    #[test]
    fn moderation_is_for_staff_and_a_rejection_needs_a_reason() {
        let (mut m, mut b) = open_board();
        let queue = vec![post("w1", "Wacht", "waiting")];
        b.answer(&mut m, Event::Board(BoardEvent::Queue(queue)));
        b.asked();
        act(&mut b, &mut m, BoardAction::Approve("w1".into()));
        assert!(b.asked().is_empty(), "residents do not moderate");
        b.role = Some(Role::Volunteer);
        act(&mut b, &mut m, BoardAction::Reject("w1".into()));
        act(&mut b, &mut m, BoardAction::ConfirmReject);
        assert_eq!(m.state.problem, Some(PostProblem::NoReason));
        m.drafts.reject_reason = "Geen advertenties".into();
        act(&mut b, &mut m, BoardAction::ConfirmReject);
        assert!(matches!(
            &b.asked()[..],
            [Command::Board(BoardCommand::Moderate { decision, .. })]
                if decision.decision == "reject" && decision.reason.as_deref() == Some("Geen advertenties")
        ));
        assert!(
            m.state.queue.is_empty(),
            "the post leaves the queue at once"
        );
        assert!(m.drafts.reject_reason.is_empty());
        // Staff mode asks for the queue too.
        m.staff_opened(&mut b.ctx());
        assert_eq!(
            b.asked(),
            vec![
                Command::Board(BoardCommand::Refresh { now_ms: b.now_ms }),
                Command::Board(BoardCommand::RefreshQueue),
            ]
        );
    }

    #[test]
    fn the_wipe_forgets_what_was_typed_opened_and_filtered_but_keeps_the_posts() {
        let (mut m, mut b) = open_board();
        act(&mut b, &mut m, BoardAction::Open("p1".into()));
        act(&mut b, &mut m, BoardAction::StartReply);
        m.drafts.reply_message = "Half".into();
        m.drafts.search = "fiets".into();
        act(&mut b, &mut m, BoardAction::Search);
        act(&mut b, &mut m, BoardAction::FilterKind(Some(PostKind::Ask)));
        assert!(!m.is_clean());
        m.wipe();
        assert!(m.is_clean());
        assert_eq!(m.drafts, BoardDrafts::default());
        assert!(m.state.open.is_none() && m.state.filter.words.is_empty());
        assert_eq!(m.state.filter.kind, None);
        assert_eq!(m.state.posts.len(), 2, "the board is nobody's");
        assert_eq!(m.state.shown.len(), 2, "and all of it shows again");
    }

    #[test]
    fn opening_the_code_page_starts_afresh() {
        let (mut m, mut b) = open_board();
        b.open(&mut m, CODE);
        for d in "12a3".chars() {
            act(&mut b, &mut m, BoardAction::CodeDigit(d));
        }
        assert_eq!(m.drafts.post_code, "123");
        act(&mut b, &mut m, BoardAction::CodeSubmit);
        assert_eq!(m.state.lookup, CodeLookup::Invalid);
        b.open(&mut m, CODE);
        assert!(m.drafts.post_code.is_empty());
        assert_eq!(m.state.lookup, CodeLookup::Idle);
    }
}
