//! The board in the kiosk's store: the site's posts and replies as the server last sent them,
//! and what residents and volunteers did here, applied at once (also offline) and queued for
//! the server, which decides. A post is kept as the server's [`PostState`] JSON, with its
//! status, code and expiry in columns to query.

use rusqlite::{OptionalExtension, Transaction, params};

use super::outbox::enqueue;
use super::{Store, StoreError};
use digidak_core::board::{CheckedPost, DAY_MS, DEFAULT_EXPIRY_DAYS, PostKind, PostStatus};
use digidak_protocol::{
    Change, PostByCode, PostClosed, PostModerated, PostRecord, PostReply, PostReported, PostState,
    kinds,
};

/// A post the code holder sees: where it stands and its replies, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyPost {
    pub post: PostState,
    pub replies: Vec<PostReply>,
}

/// Saves a post's state. The phone token of a post made here (only this kiosk has it: the
/// server keeps its hash) stays when the server's state replaces the kiosk's.
fn put(tx: &Transaction<'_>, p: &PostState) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO posts (id, code, state, status, created_ms, expires_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET code = ?2, status = ?4, created_ms = ?5, expires_ms = ?6,
             state = CASE WHEN json_extract(?3, '$.post.token') IS NULL
                            AND json_extract(posts.state, '$.post.token') IS NOT NULL
                          THEN json_set(?3, '$.post.token',
                                        json_extract(posts.state, '$.post.token'))
                          ELSE ?3 END",
    )?
    .execute(params![
        p.post.id,
        p.post.code,
        serde_json::to_string(p).expect("states serialize"),
        p.status,
        p.created_ms,
        p.expires_ms
    ])
}

fn put_reply(tx: &Transaction<'_>, r: &PostReply) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO post_replies (id, post_id, message, contact, created_ms)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET created_ms = ?5",
    )?
    .execute(params![r.id, r.post_id, r.message, r.contact, r.created_ms])
}

/// Applies a `post.state` or `post.replied` change inside the pull's transaction.
pub(super) fn apply_change(tx: &Transaction<'_>, change: &Change) -> rusqlite::Result<usize> {
    match change.kind.as_str() {
        kinds::POST_STATE => match serde_json::from_value::<PostState>(change.payload.clone()) {
            Ok(p) => put(tx, &p),
            Err(_) => Ok(0),
        },
        kinds::POST_REPLIED => match serde_json::from_value::<PostReply>(change.payload.clone()) {
            Ok(r) => put_reply(tx, &r),
            Err(_) => Ok(0),
        },
        _ => Ok(0),
    }
}

fn parse_states(
    rows: impl Iterator<Item = rusqlite::Result<String>>,
) -> rusqlite::Result<Vec<PostState>> {
    let mut out = Vec::new();
    for json in rows {
        if let Ok(p) = serde_json::from_str(&json?) {
            out.push(p);
        }
    }
    Ok(out)
}

impl Store {
    fn post(&self, id: &str) -> Result<Option<PostState>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT state FROM posts WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(self.sqlite())?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Changes a post here and queues the operation, in one transaction.
    fn change_post(
        &mut self,
        p: &PostState,
        kind: &str,
        op: &impl serde::Serialize,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let sqlite = self.sqlite_owned();
        let tx = self.conn.transaction().map_err(&sqlite)?;
        put(&tx, p).map_err(&sqlite)?;
        enqueue(&tx, kind, op, now_ms).map_err(&sqlite)?;
        tx.commit().map_err(&sqlite)
    }

    /// Saves a resident's post ("waiting for a volunteer") with a new code.
    pub fn create_post(&mut self, c: &CheckedPost, now_ms: i64) -> Result<PostState, StoreError> {
        self.create_post_to(c, None, now_ms)
    }

    /// The same, an ask sent to a local partner too when `route_to` names one (the server
    /// routes it only to a partner of the site that covers the ask's category).
    pub fn create_post_to(
        &mut self,
        c: &CheckedPost,
        route_to: Option<String>,
        now_ms: i64,
    ) -> Result<PostState, StoreError> {
        let route_to = route_to.filter(|_| c.kind == PostKind::Ask);
        // A code of this kiosk's range (see `digidak_core::codes`), not used here yet.
        let range = self.code_range()?;
        let mut code = digidak_core::board::new_code(range);
        while self.post_by_code(&code)?.is_some() {
            code = digidak_core::board::new_code(range);
        }
        let record = PostRecord {
            id: uuid::Uuid::now_v7().to_string(),
            code,
            kind: c.kind.id().into(),
            category: c.category.id().into(),
            title: c.title.clone(),
            text: c.text.clone(),
            languages: c.languages.clone(),
            token: Some(digidak_core::codes::phone_token()),
            partner: None,
            route_to,
        };
        let state = digidak_core::board::waiting(record.clone(), now_ms);
        self.change_post(&state, kinds::POST_CREATED, &record, now_ms)?;
        Ok(state)
    }

    fn states(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<PostState>, StoreError> {
        let sqlite = self.sqlite();
        let mut stmt = self.conn.prepare_cached(sql).map_err(&sqlite)?;
        let rows = stmt.query_map(p, |r| r.get(0)).map_err(&sqlite)?;
        parse_states(rows).map_err(&sqlite)
    }

    /// The public board at `now_ms`: approved, not expired, newest first.
    pub fn board_posts(&self, now_ms: i64) -> Result<Vec<PostState>, StoreError> {
        self.states(
            "SELECT state FROM posts WHERE status = 'public' AND expires_ms > ?1
             ORDER BY created_ms DESC, id",
            [now_ms],
        )
    }

    /// What volunteers decide on: new and reported posts, oldest first.
    pub fn moderation_queue(&self) -> Result<Vec<PostState>, StoreError> {
        self.states(
            "SELECT state FROM posts WHERE status IN ('waiting', 'reported')
             ORDER BY created_ms, id",
            [],
        )
    }

    /// The post with this code and its replies.
    pub fn post_by_code(&self, code: &str) -> Result<Option<MyPost>, StoreError> {
        let Some(post) = self
            .states("SELECT state FROM posts WHERE code = ?1", [code])?
            .pop()
        else {
            return Ok(None);
        };
        let sqlite = self.sqlite();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, post_id, message, contact, created_ms FROM post_replies
                 WHERE post_id = ?1 ORDER BY created_ms, id",
            )
            .map_err(&sqlite)?;
        let replies = stmt
            .query_map([&post.post.id], |r| {
                Ok(PostReply {
                    id: r.get(0)?,
                    post_id: r.get(1)?,
                    message: r.get(2)?,
                    contact: r.get(3)?,
                    created_ms: r.get(4)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(&sqlite)?;
        Ok(Some(MyPost { post, replies }))
    }

    /// A volunteer's decision, shown here at once; the server's decision follows.
    pub fn moderate_post(&mut self, m: &PostModerated, now_ms: i64) -> Result<bool, StoreError> {
        let Some(mut p) = self.post(&m.id)? else {
            return Ok(false);
        };
        // The server's rule, with the default period until the server's decision arrives.
        if !matches!(
            digidak_core::board::decide(&mut p, m, now_ms, DEFAULT_EXPIRY_DAYS),
            Ok(true)
        ) {
            return Ok(false);
        }
        self.change_post(&p, kinds::POST_MODERATED, m, now_ms)?;
        Ok(true)
    }

    /// Someone reported a public post: it leaves this board now.
    pub fn report_post(&mut self, id: &str, now_ms: i64) -> Result<bool, StoreError> {
        let Some(mut p) = self.post(id)? else {
            return Ok(false);
        };
        if p.status != PostStatus::Public.id() {
            return Ok(false);
        }
        p.status = PostStatus::Reported.id().into();
        p.reports += 1;
        let op = PostReported { id: id.to_string() };
        self.change_post(&p, kinds::POST_REPORTED, &op, now_ms)?;
        Ok(true)
    }

    /// "Still needed": another period from now (the server sets the site's period).
    pub fn renew_post(&mut self, code: &str, now_ms: i64) -> Result<bool, StoreError> {
        let Some(MyPost { post: mut p, .. }) = self.post_by_code(code)? else {
            return Ok(false);
        };
        if p.status != PostStatus::Public.id() {
            return Ok(false);
        }
        p.expires_ms = Some(now_ms + i64::from(DEFAULT_EXPIRY_DAYS) * DAY_MS);
        let op = PostByCode {
            id: p.post.id.clone(),
            code: code.to_string(),
        };
        self.change_post(&p, kinds::POST_RENEWED, &op, now_ms)?;
        Ok(true)
    }

    /// The code holder ends the post; `helped` counts a match.
    pub fn close_post(
        &mut self,
        code: &str,
        helped: bool,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let Some(MyPost { post: mut p, .. }) = self.post_by_code(code)? else {
            return Ok(false);
        };
        p.status = PostStatus::Closed.id().into();
        p.helped = helped;
        p.ended_ms = Some(now_ms);
        let op = PostClosed {
            id: p.post.id.clone(),
            code: code.to_string(),
            helped,
        };
        self.change_post(&p, kinds::POST_CLOSED, &op, now_ms)?;
        Ok(true)
    }

    /// Saves a reply (already checked) and queues it.
    pub fn reply_to_post(
        &mut self,
        post_id: &str,
        message: &str,
        contact: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let reply = PostReply {
            id: uuid::Uuid::now_v7().to_string(),
            post_id: post_id.to_string(),
            message: message.to_string(),
            contact: contact.map(str::to_string),
            created_ms: now_ms,
        };
        let sqlite = self.sqlite_owned();
        let tx = self.conn.transaction().map_err(&sqlite)?;
        put_reply(&tx, &reply).map_err(&sqlite)?;
        enqueue(&tx, kinds::POST_REPLIED, &reply, now_ms).map_err(&sqlite)?;
        tx.commit().map_err(&sqlite)
    }

    /// Writes the paper board to `<data>/exports/`; returns the file's path.
    pub fn export_board_pdf(
        &self,
        board: &digidak_core::board::pdf::PaperBoard,
        name: &str,
    ) -> Result<std::path::PathBuf, StoreError> {
        let dir = self
            .path
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("exports");
        let safe: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let path = dir.join(format!("{safe}.pdf"));
        let io = |source| StoreError::Export {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        std::fs::write(&path, digidak_core::board::pdf::render(board)).map_err(io)?;
        Ok(path)
    }
}

impl Store {
    /// Empties the replies of posts that ended more than `days` days before `now_ms`: their
    /// messages and contacts, here and in the sent operations' copies (pending ones still go
    /// out; the server forgets them by the same rule). Returns how many replies were emptied.
    pub fn forget_old_replies(&mut self, days: u32, now_ms: i64) -> Result<usize, StoreError> {
        let ended: Vec<String> = self
            .states("SELECT state FROM posts WHERE status != 'waiting'", [])?
            .into_iter()
            .filter(|p| digidak_core::board::replies_forgotten(p, now_ms, days))
            .map(|p| p.post.id)
            .collect();
        let sqlite = self.sqlite_owned();
        let tx = self.conn.transaction().map_err(&sqlite)?;
        let mut n = 0;
        for id in &ended {
            n += tx
                .execute(
                    "UPDATE post_replies SET message = '', contact = NULL
                     WHERE post_id = ?1 AND (message != '' OR contact IS NOT NULL)",
                    [id],
                )
                .map_err(&sqlite)?;
            tx.execute(
                "UPDATE outbox SET payload = json_set(payload, '$.message', '', '$.contact', NULL)
                 WHERE kind = ?2 AND status != 'pending'
                   AND json_extract(payload, '$.post_id') = ?1",
                params![id, kinds::POST_REPLIED],
            )
            .map_err(&sqlite)?;
        }
        tx.commit().map_err(&sqlite)?;
        if n > 0 {
            self.truncate_wal()?;
        }
        Ok(n)
    }
}

/// What the UI asks of the board (one variant of the store worker's commands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardCommand {
    /// The public board at `now_ms`.
    Refresh {
        now_ms: i64,
    },
    /// Volunteer mode: new and reported posts.
    RefreshQueue,
    Create {
        post: CheckedPost,
        /// An ask the resident chose to send to a local partner too (its id).
        route_to: Option<String>,
        now_ms: i64,
    },
    FindCode {
        code: String,
    },
    Moderate {
        decision: PostModerated,
        now_ms: i64,
    },
    Report {
        id: String,
        now_ms: i64,
    },
    Renew {
        code: String,
        now_ms: i64,
    },
    Close {
        code: String,
        helped: bool,
        now_ms: i64,
    },
    Reply {
        post_id: String,
        message: String,
        contact: Option<String>,
        now_ms: i64,
    },
    /// Admin mode: the paper board as PDF.
    Print {
        board: Box<digidak_core::board::pdf::PaperBoard>,
        /// The file's name without `.pdf`, e.g. `board-2026-11-23`.
        name: String,
    },
}

/// What the store tells the UI about the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardEvent {
    /// The public board, newest first, ready to search.
    Posts(Vec<digidak_core::board::Searchable>),
    Queue(Vec<PostState>),
    /// A resident's post is saved (its code is shown).
    Created(PostState),
    /// The answer to a code: `None` when no post has it.
    Found {
        code: String,
        post: Option<MyPost>,
    },
    /// A reply is saved and queued.
    Replied,
    /// Where the paper board went, or why not.
    Printed(Result<std::path::PathBuf, super::StoreFault>),
}

impl BoardCommand {
    pub fn kind(&self) -> &'static str {
        match self {
            BoardCommand::Refresh { .. } => "board_refresh",
            BoardCommand::RefreshQueue => "board_refresh_queue",
            BoardCommand::Create { .. } => "board_create",
            BoardCommand::FindCode { .. } => "board_find_code",
            BoardCommand::Moderate { .. } => "board_moderate",
            BoardCommand::Report { .. } => "board_report",
            BoardCommand::Renew { .. } => "board_renew",
            BoardCommand::Close { .. } => "board_close",
            BoardCommand::Reply { .. } => "board_reply",
            BoardCommand::Print { .. } => "board_print",
        }
    }

    /// Whether it queues an operation for the server.
    pub fn writes(&self) -> bool {
        !matches!(
            self,
            BoardCommand::Refresh { .. }
                | BoardCommand::RefreshQueue
                | BoardCommand::FindCode { .. }
                | BoardCommand::Print { .. }
        )
    }
}

impl Store {
    fn board_event(&self, now_ms: i64) -> Result<BoardEvent, StoreError> {
        let posts = self.board_posts(now_ms)?;
        Ok(BoardEvent::Posts(
            posts
                .into_iter()
                .filter_map(digidak_core::board::Searchable::new)
                .collect(),
        ))
    }

    /// Carries out a board command; the events to send back, in order.
    pub fn board_command(&mut self, c: &BoardCommand) -> Result<Vec<BoardEvent>, StoreError> {
        let found = |s: &Store, code: &str| -> Result<BoardEvent, StoreError> {
            Ok(BoardEvent::Found {
                code: code.to_string(),
                post: s.post_by_code(code)?,
            })
        };
        Ok(match c {
            BoardCommand::Refresh { now_ms } => vec![self.board_event(*now_ms)?],
            BoardCommand::RefreshQueue => vec![BoardEvent::Queue(self.moderation_queue()?)],
            BoardCommand::Create {
                post,
                route_to,
                now_ms,
            } => {
                let p = self.create_post_to(post, route_to.clone(), *now_ms)?;
                vec![
                    BoardEvent::Created(p),
                    BoardEvent::Queue(self.moderation_queue()?),
                ]
            }
            BoardCommand::FindCode { code } => vec![found(self, code)?],
            BoardCommand::Moderate { decision, now_ms } => {
                self.moderate_post(decision, *now_ms)?;
                vec![
                    BoardEvent::Queue(self.moderation_queue()?),
                    self.board_event(*now_ms)?,
                ]
            }
            BoardCommand::Report { id, now_ms } => {
                self.report_post(id, *now_ms)?;
                vec![
                    self.board_event(*now_ms)?,
                    BoardEvent::Queue(self.moderation_queue()?),
                ]
            }
            BoardCommand::Renew { code, now_ms } => {
                self.renew_post(code, *now_ms)?;
                vec![found(self, code)?, self.board_event(*now_ms)?]
            }
            BoardCommand::Close {
                code,
                helped,
                now_ms,
            } => {
                self.close_post(code, *helped, *now_ms)?;
                vec![found(self, code)?, self.board_event(*now_ms)?]
            }
            BoardCommand::Reply {
                post_id,
                message,
                contact,
                now_ms,
            } => {
                self.reply_to_post(post_id, message, contact.as_deref(), *now_ms)?;
                vec![BoardEvent::Replied]
            }
            BoardCommand::Print { board, name } => vec![BoardEvent::Printed(
                self.export_board_pdf(board, name)
                    .map_err(super::StoreFault::from),
            )],
        })
    }
}
