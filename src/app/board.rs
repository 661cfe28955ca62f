//! The ask & offer board in the kiosk session: browsing and searching, posting in four screens,
//! replying, reporting, the code holder's view, and volunteers' moderation. The board's posts
//! are held in memory (folded once for search); the store worker does every disk write.

use super::{CodeLookup, Kiosk, Screen};
use crate::pin::Role;
use crate::store::worker::Command;
use crate::store::{BoardCommand, BoardEvent, MyPost};
use digidak_core::board::pdf::PaperLabels;
use digidak_core::board::{
    self, Category, Filter, PostDraft, PostKind, PostProblem, PostStatus, Searchable,
};
use digidak_protocol::{PostModerated, PostState};

/// What the UI can ask of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardAction {
    /// Show asks, offers, or both.
    FilterKind(Option<PostKind>),
    FilterCategory(Option<Category>),
    /// The search words (`drafts.board_search`) changed.
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

/// The board part of the kiosk's state.
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
    pub printed: Option<Result<std::path::PathBuf, String>>,
}

impl BoardState {
    pub(super) fn wipe(&mut self) {
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

    /// The post opened from the board.
    pub fn opened(&self) -> Option<&Searchable> {
        let id = self.open.as_ref()?;
        self.posts.iter().find(|p| &p.post.post.id == id)
    }
}

impl Kiosk {
    fn board(&self, c: BoardCommand) {
        self.store.send(Command::Board(c));
    }

    pub(super) fn refresh_board(&self) {
        self.board(BoardCommand::Refresh {
            now_ms: self.clock.unix_ms(),
        });
        if self.staff.is_some() {
            self.board(BoardCommand::RefreshQueue);
        }
    }

    fn go(&mut self, screen: Screen) {
        if self.screen() != screen {
            self.nav.push(screen);
        }
    }

    /// Replaces the screen on top (a step that should not be gone back to).
    fn replace(&mut self, screen: Screen) {
        self.nav.replace(screen);
    }

    pub(super) fn handle_board(&mut self, action: BoardAction) {
        let now_ms = self.clock.unix_ms();
        let b = &mut self.board;
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
                b.filter.words = self.drafts.board_search.clone();
                b.research();
            }
            BoardAction::Open(id) => {
                b.open = Some(id);
                b.replied = false;
                b.reported = false;
                self.go(Screen::BoardPost);
            }
            BoardAction::StartPost => {
                b.kind = None;
                b.category = None;
                b.languages = vec![self.lang.code().to_string()];
                b.problem = None;
                b.created = None;
                self.drafts.post_title.clear();
                self.drafts.post_text.clear();
                self.go(Screen::BoardNewKind);
            }
            BoardAction::ChooseKind(k) => {
                b.kind = Some(k);
                self.go(Screen::BoardNewCategory);
            }
            BoardAction::ChooseCategory(c) => {
                b.category = Some(c);
                self.go(Screen::BoardNewText);
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
                    title: self.drafts.post_title.clone(),
                    text: self.drafts.post_text.clone(),
                    languages: b.languages.clone(),
                };
                match board::check_post(&draft) {
                    Ok(post) => {
                        b.problem = None;
                        b.awaiting = true;
                        self.board(BoardCommand::Create { post, now_ms });
                    }
                    Err(p) => b.problem = Some(p),
                }
            }
            BoardAction::StartReply => {
                b.problem = None;
                self.drafts.reply_message.clear();
                self.drafts.reply_contact.clear();
                self.go(Screen::BoardReply);
            }
            BoardAction::SendReply => {
                let Some(post_id) = b.open.clone() else {
                    return;
                };
                match board::check_reply(&self.drafts.reply_message, &self.drafts.reply_contact) {
                    Ok((message, contact)) => {
                        b.problem = None;
                        // Saved at once: nothing typed stays on screen for the next person.
                        self.drafts.reply_message.clear();
                        self.drafts.reply_contact.clear();
                        b.replied = true;
                        self.board(BoardCommand::Reply {
                            post_id,
                            message,
                            contact,
                            now_ms,
                        });
                        self.nav.pop();
                    }
                    Err(p) => b.problem = Some(p),
                }
            }
            BoardAction::AskReport => self.go(Screen::BoardReport),
            BoardAction::ConfirmReport => {
                if let Some(id) = b.open.clone() {
                    tracing::info!("a post was reported");
                    b.reported = true;
                    self.board(BoardCommand::Report { id, now_ms });
                    // The post has left the board: back to the board, which says so.
                    while self.nav.can_go_back() && self.screen() != Screen::Board {
                        self.nav.pop();
                    }
                }
            }
            BoardAction::CodeDigit(d) => {
                if d.is_ascii_digit() && self.drafts.post_code.len() < board::CODE_DIGITS {
                    self.drafts.post_code.push(d);
                }
                b.lookup = CodeLookup::Idle;
            }
            BoardAction::CodeErase => {
                self.drafts.post_code.pop();
                b.lookup = CodeLookup::Idle;
            }
            BoardAction::CodeSubmit => match board::normalize_code(&self.drafts.post_code) {
                None => b.lookup = CodeLookup::Invalid,
                Some(code) => {
                    b.lookup = CodeLookup::Looking;
                    self.board(BoardCommand::FindCode { code });
                }
            },
            BoardAction::Renew => {
                if let Some(code) = b.mine_code() {
                    self.board(BoardCommand::Renew { code, now_ms });
                }
            }
            BoardAction::Close { helped } => {
                if let Some(code) = b.mine_code() {
                    self.board(BoardCommand::Close {
                        code,
                        helped,
                        now_ms,
                    });
                }
            }
            BoardAction::Print {
                labels,
                subheading,
                new_only,
            } => {
                if self.staff == Some(Role::Admin) {
                    self.board.printed = None;
                    let posts: Vec<PostState> =
                        self.board.posts.iter().map(|s| s.post.clone()).collect();
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
                    self.board(BoardCommand::Print {
                        board: Box::new(paper),
                        name,
                    });
                }
            }
            other => self.handle_moderation(other, now_ms),
        }
    }

    /// Volunteer mode: approve, edit, reject.
    fn handle_moderation(&mut self, action: BoardAction, now_ms: i64) {
        if self.staff.is_none() {
            return;
        }
        let b = &mut self.board;
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
                    self.drafts.edit_title = p.post.title.clone();
                    self.drafts.edit_text = p.post.text.clone();
                    b.editing = Some(id);
                    b.rejecting = None;
                    b.problem = None;
                }
                None
            }
            BoardAction::SaveEdit => {
                let Some(id) = b.editing.clone() else { return };
                let title = board::clean_text(&self.drafts.edit_title, board::TITLE_MAX, false);
                if title.is_empty() {
                    b.problem = Some(PostProblem::NoTitle);
                    return;
                }
                let mut m = decision(&id, "approve");
                m.title = Some(title);
                m.text = Some(board::clean_text(
                    &self.drafts.edit_text,
                    board::TEXT_MAX,
                    true,
                ));
                Some(m)
            }
            BoardAction::Reject(id) => {
                self.drafts.reject_reason.clear();
                b.rejecting = Some(id);
                b.editing = None;
                b.problem = None;
                None
            }
            BoardAction::ConfirmReject => {
                let Some(id) = b.rejecting.clone() else {
                    return;
                };
                let reason =
                    board::clean_text(&self.drafts.reject_reason, board::REASON_MAX, false);
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
            self.drafts.edit_title.clear();
            self.drafts.edit_text.clear();
            self.drafts.reject_reason.clear();
            // Shown at once: the post leaves the queue before the store answers.
            b.queue.retain(|p| p.post.id != m.id);
            self.board(BoardCommand::Moderate {
                decision: m,
                now_ms,
            });
        }
    }

    pub(super) fn on_board_event(&mut self, ev: BoardEvent) {
        let b = &mut self.board;
        match ev {
            BoardEvent::Posts(list) => {
                b.posts = list;
                b.research();
                // The code holder's view follows the server's decisions.
                if let Some(code) = b.mine_code() {
                    self.board(BoardCommand::FindCode { code });
                }
            }
            BoardEvent::Queue(list) => b.queue = list,
            BoardEvent::Created(p) => {
                if std::mem::take(&mut b.awaiting) {
                    b.created = Some(p);
                    self.drafts.post_title.clear();
                    self.drafts.post_text.clear();
                    // The four steps are done: "back" goes to the board, not into the form.
                    while matches!(
                        self.screen(),
                        Screen::BoardNewKind | Screen::BoardNewCategory | Screen::BoardNewText
                    ) {
                        self.nav.pop();
                    }
                    self.go(Screen::BoardPosted);
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
                        self.drafts.post_code.clear();
                        self.replace(Screen::BoardMine);
                    }
                }
            }
            BoardEvent::Replied => {}
            BoardEvent::Printed(r) => b.printed = Some(r),
        }
    }

    /// The code holder's post: "still needed?" is asked now.
    pub fn board_renewable(&self) -> bool {
        self.board
            .mine
            .as_ref()
            .is_some_and(|m| board::renewable(&m.post, self.clock.unix_ms()))
    }

    /// The code holder's post is on the board now.
    pub fn board_on_board(&self, p: &PostState) -> bool {
        board::on_board(p, self.clock.unix_ms())
    }

    /// When the replies of the code holder's post will be wiped (it has ended).
    pub fn board_replies_wiped_on(&self) -> Option<i64> {
        let m = self.board.mine.as_ref()?;
        board::replies_wiped_on(&m.post, self.clock.unix_ms())
    }

    /// The status of the code holder's post as one of [`PostStatus`].
    pub fn board_status(p: &PostState) -> Option<PostStatus> {
        PostStatus::from_id(&p.status)
    }
}
