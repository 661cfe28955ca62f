//! What only the server decides for the board: a post's status (moderation by the site's
//! volunteers, reports), when it expires (the site's period, by the server's clock), and which
//! replies belong to it. Every decision goes out to the site's kiosks as a `post.state` change;
//! replies as `post.replied` changes. Checks are the same rules as the kiosk's
//! ([`digidak_core::board`]), run again here because a kiosk may be old or hostile.

use rusqlite::{Connection, OptionalExtension, params};

use super::KioskAuth;
use super::apply::{Reason, emit};
use digidak_core::board::{
    self, Category, DAY_MS, DEFAULT_EXPIRY_DAYS, PostDraft, PostKind, PostStatus,
};
use digidak_protocol::{
    PostByCode, PostClosed, PostModerated, PostRecord, PostReply, PostState, kinds,
};

type Applied = rusqlite::Result<Result<(), Reason>>;

/// How long posts of `site` stay on the board.
pub fn post_days(conn: &Connection, site: &str) -> rusqlite::Result<u32> {
    Ok(conn
        .query_row(
            "SELECT post_days FROM site_settings WHERE site = ?1",
            [site],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(DEFAULT_EXPIRY_DAYS))
}

pub fn set_post_days(conn: &Connection, site: &str, days: u32) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO site_settings (site, post_days) VALUES (?1, ?2)
         ON CONFLICT (site) DO UPDATE SET post_days = ?2",
        params![site, days],
    )?;
    Ok(())
}

const STATE_COLUMNS: &str = "site, record, status, reason, created_ms, expires_ms, reports, helped,
     approved_ms, ended_ms FROM posts";

fn row_state(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, Option<PostState>)> {
    let record: String = r.get(1)?;
    let post: Option<PostRecord> = serde_json::from_str(&record).ok();
    Ok((
        r.get(0)?,
        match post {
            Some(post) => Some(PostState {
                post,
                status: r.get(2)?,
                reason: r.get(3)?,
                created_ms: r.get(4)?,
                expires_ms: r.get(5)?,
                reports: r.get(6)?,
                helped: r.get(7)?,
                approved_ms: r.get(8)?,
                ended_ms: r.get(9)?,
            }),
            None => None,
        },
    ))
}

/// A post and its site.
pub fn load(conn: &Connection, id: &str) -> rusqlite::Result<Option<(String, PostState)>> {
    let row = conn
        .prepare_cached(&format!("SELECT {STATE_COLUMNS} WHERE id = ?1"))?
        .query_row([id], row_state)
        .optional()?;
    Ok(row.and_then(|(site, s)| Some((site, s?))))
}

fn load_at(conn: &Connection, site: &str, id: &str) -> rusqlite::Result<Option<PostState>> {
    Ok(load(conn, id)?.filter(|(s, _)| s == site).map(|(_, p)| p))
}

fn store_state(tx: &Connection, site: &str, p: &PostState, now_ms: i64) -> rusqlite::Result<()> {
    let record = serde_json::to_string(&p.post).expect("records serialize");
    tx.execute(
        "UPDATE posts SET record = ?2, status = ?3, reason = ?4, expires_ms = ?5, reports = ?6,
                helped = ?7, updated_ms = ?8, approved_ms = ?9, ended_ms = ?10 WHERE id = ?1",
        params![
            p.post.id,
            record,
            p.status,
            p.reason,
            p.expires_ms,
            p.reports,
            p.helped,
            now_ms,
            p.approved_ms,
            p.ended_ms
        ],
    )?;
    emit(tx, site, kinds::POST_STATE, p, now_ms)
}

fn month(ms: i64) -> String {
    digidak_core::activities::local_now(ms)
        .chars()
        .take(7)
        .collect()
}

/// Checks and cleans a post's words as a kiosk sent them.
fn checked(r: &PostRecord) -> Result<PostRecord, Reason> {
    if uuid::Uuid::parse_str(&r.id).is_err() {
        return Err("post id is not a UUID".into());
    }
    if board::normalize_code(&r.code).as_deref() != Some(r.code.as_str()) {
        return Err(format!("a post code is {} digits", board::CODE_DIGITS));
    }
    let draft = PostDraft {
        kind: PostKind::from_id(&r.kind),
        category: Category::from_id(&r.category),
        title: r.title.clone(),
        text: r.text.clone(),
        languages: r.languages.clone(),
    };
    let p = board::check_post(&draft).map_err(|e| format!("post: {e}"))?;
    Ok(PostRecord {
        id: r.id.clone(),
        code: r.code.clone(),
        kind: p.kind.id().into(),
        category: p.category.id().into(),
        title: p.title,
        text: p.text,
        languages: p.languages,
        // Only its hash is kept (in its own column); kiosks never see it.
        token: None,
        // Only the server gives a partner's badge; the routing is kept apart (`partners`).
        partner: None,
        route_to: None,
    })
}

pub fn created(tx: &Connection, kiosk: &KioskAuth, r: &PostRecord, now_ms: i64) -> Applied {
    let post = match checked(r) {
        Ok(p) => p,
        Err(reason) => return Ok(Err(reason)),
    };
    let taken: Option<String> = tx
        .query_row("SELECT id FROM posts WHERE code = ?1", [&post.code], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(other) = taken {
        return Ok(Err(if other == post.id {
            format!("post {} exists already", post.id)
        } else {
            "this post code is taken by another post".into()
        }));
    }
    if load(tx, &post.id)?.is_some() {
        return Ok(Err(format!("post {} exists already", post.id)));
    }
    let token_hash = match super::phone_token_hash(r.token.as_deref()) {
        Ok(h) => h,
        Err(reason) => return Ok(Err(reason)),
    };
    if let Some(h) = &token_hash
        && tx
            .query_row("SELECT 1 FROM posts WHERE token_hash = ?1", [h], |_| Ok(()))
            .optional()?
            .is_some()
    {
        return Ok(Err("this phone token is taken by another post".into()));
    }
    let record = serde_json::to_string(&post).expect("records serialize");
    tx.execute(
        "INSERT INTO posts (id, site, code, kiosk_id, record, status, created_ms, month, updated_ms,
                            token_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, 'waiting', ?6, ?7, ?6, ?8)",
        params![
            post.id,
            kiosk.site,
            post.code,
            kiosk.id,
            record,
            now_ms,
            month(now_ms),
            token_hash
        ],
    )?;
    let state = board::waiting(post, now_ms);
    emit(tx, &kiosk.site, kinds::POST_STATE, &state, now_ms)?;
    Ok(Ok(()))
}

/// A volunteer's (or the admin web's) decision. Approving sets the expiry from now; a
/// reported post approved again keeps its own expiry if that is later.
pub fn moderated(tx: &Connection, site: &str, m: &PostModerated, now_ms: i64) -> Applied {
    let Some(mut p) = load_at(tx, site, &m.id)? else {
        return Ok(Err(format!("no post {} at this site", m.id)));
    };
    match board::decide(&mut p, m, now_ms, post_days(tx, site)?) {
        // The poster ended it meanwhile: nothing to decide.
        Ok(false) => return Ok(Ok(())),
        Ok(true) => {}
        Err(e) => return Ok(Err(format!("post: {e}"))),
    }
    store_state(tx, site, &p, now_ms)?;
    Ok(Ok(()))
}

/// A report takes a public post off the board; reports of other posts change nothing.
pub fn reported(tx: &Connection, site: &str, id: &str, now_ms: i64) -> Applied {
    let Some(mut p) = load_at(tx, site, id)? else {
        return Ok(Err(format!("no post {id} at this site")));
    };
    if p.status == PostStatus::Public.id() {
        p.status = PostStatus::Reported.id().into();
        p.reports += 1;
        store_state(tx, site, &p, now_ms)?;
    }
    Ok(Ok(()))
}

fn by_code_at(tx: &Connection, site: &str, b: &PostByCode) -> rusqlite::Result<Option<PostState>> {
    Ok(load_at(tx, site, &b.id)?.filter(|p| p.post.code == b.code))
}

/// "Still needed": a public post stays another period from now.
pub fn renewed(tx: &Connection, site: &str, b: &PostByCode, now_ms: i64) -> Applied {
    let Some(mut p) = by_code_at(tx, site, b)? else {
        return Ok(Err("no post with this id and code at this site".into()));
    };
    if p.status == PostStatus::Public.id() {
        let days = i64::from(post_days(tx, site)?);
        p.expires_ms = Some(now_ms.saturating_add(days * DAY_MS));
        store_state(tx, site, &p, now_ms)?;
    }
    Ok(Ok(()))
}

pub fn closed(tx: &Connection, site: &str, c: &PostClosed, now_ms: i64) -> Applied {
    let b = PostByCode {
        id: c.id.clone(),
        code: c.code.clone(),
    };
    let Some(mut p) = by_code_at(tx, site, &b)? else {
        return Ok(Err("no post with this id and code at this site".into()));
    };
    if p.status == PostStatus::Closed.id() {
        return Ok(Ok(()));
    }
    p.status = PostStatus::Closed.id().into();
    p.helped = c.helped;
    p.ended_ms = Some(now_ms);
    if c.helped {
        tx.execute(
            "UPDATE posts SET closed_month = ?2 WHERE id = ?1",
            params![p.post.id, month(now_ms)],
        )?;
    }
    store_state(tx, site, &p, now_ms)?;
    Ok(Ok(()))
}

pub fn replied(tx: &Connection, site: &str, r: &PostReply, now_ms: i64) -> Applied {
    if uuid::Uuid::parse_str(&r.id).is_err() {
        return Ok(Err("reply id is not a UUID".into()));
    }
    if load_at(tx, site, &r.post_id)?.is_none() {
        return Ok(Err(format!("no post {} at this site", r.post_id)));
    }
    let (message, contact) =
        match board::check_reply(&r.message, r.contact.as_deref().unwrap_or("")) {
            Ok(m) => m,
            Err(e) => return Ok(Err(format!("reply: {e}"))),
        };
    let inserted = tx.execute(
        "INSERT INTO post_replies (id, post_id, site, message, contact, created_ms, month)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
        params![
            r.id,
            r.post_id,
            site,
            message,
            contact,
            now_ms,
            month(now_ms)
        ],
    )?;
    if inserted == 0 {
        return Ok(Err(format!("reply {} exists already", r.id)));
    }
    let reply = PostReply {
        id: r.id.clone(),
        post_id: r.post_id.clone(),
        message,
        contact,
        created_ms: now_ms,
    };
    emit(tx, site, kinds::POST_REPLIED, &reply, now_ms)?;
    Ok(Ok(()))
}

/// The code of the post whose phone token is `token` (the phone page's key).
pub fn code_by_token(conn: &Connection, token: &str) -> rusqlite::Result<Option<String>> {
    if !digidak_core::codes::is_phone_token(token) {
        return Ok(None);
    }
    conn.prepare_cached("SELECT code FROM posts WHERE token_hash = ?1")?
        .query_row([super::hash_secret(token)], |r| r.get(0))
        .optional()
}

/// A post by its code, with its site and replies (oldest first): what the code holder sees.
pub fn by_code(
    conn: &Connection,
    code: &str,
) -> rusqlite::Result<Option<(String, PostState, Vec<PostReply>)>> {
    let id: Option<String> = conn
        .query_row("SELECT id FROM posts WHERE code = ?1", [code], |r| r.get(0))
        .optional()?;
    let Some((site, post)) = (match id {
        Some(id) => load(conn, &id)?,
        None => None,
    }) else {
        return Ok(None);
    };
    let replies = replies(conn, &post.post.id)?;
    Ok(Some((site, post, replies)))
}

pub fn replies(conn: &Connection, post_id: &str) -> rusqlite::Result<Vec<PostReply>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, post_id, message, contact, created_ms FROM post_replies
         WHERE post_id = ?1 ORDER BY created_ms, id",
    )?;
    let rows = stmt.query_map([post_id], |r| {
        Ok(PostReply {
            id: r.get(0)?,
            post_id: r.get(1)?,
            message: r.get(2)?,
            contact: r.get(3)?,
            created_ms: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// Posts of a site in these statuses, newest first.
pub fn list(conn: &Connection, site: &str, statuses: &[&str]) -> rusqlite::Result<Vec<PostState>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STATE_COLUMNS} WHERE site = ?1 ORDER BY created_ms DESC, id"
    ))?;
    let rows = stmt.query_map([site], row_state)?;
    let mut out = Vec::new();
    for row in rows {
        if let (_, Some(p)) = row?
            && statuses.contains(&p.status.as_str())
        {
            out.push(p);
        }
    }
    Ok(out)
}

/// Empties the replies of posts that ended (closed, rejected or expired) more than `days` days
/// before `now_ms`: their messages and contacts, in the replies, in the stored operations and
/// in the change feed. The replies stay, empty, so the numbers still count them. Returns how
/// many replies were emptied. The same rule as [`board::replies_forgotten`].
pub fn forget_old_replies(tx: &Connection, days: u32, now_ms: i64) -> rusqlite::Result<usize> {
    let cutoff = now_ms - i64::from(days) * DAY_MS;
    let ended = "SELECT id FROM posts WHERE status != 'waiting'
                   AND COALESCE(ended_ms, expires_ms) < ?1";
    let n = tx.execute(
        &format!(
            "UPDATE post_replies SET message = '', contact = NULL
             WHERE (message != '' OR contact IS NOT NULL) AND post_id IN ({ended})"
        ),
        [cutoff],
    )?;
    if n > 0 {
        for table in ["ops", "changes"] {
            tx.execute(
                &format!(
                    "UPDATE {table} SET payload = json_set(payload, '$.message', '', '$.contact', NULL)
                     WHERE kind = ?2 AND json_extract(payload, '$.post_id') IN ({ended})"
                ),
                params![cutoff, kinds::POST_REPLIED],
            )?;
        }
    }
    Ok(n)
}

/// Posts, replies and matches per site and month, for the coordinator's numbers.
pub const NUMBERS_SQL: &str = "
           SELECT site, month, 'board.posts', COUNT(*) FROM posts GROUP BY site, month
           UNION ALL
           SELECT site, month, 'board.replies', COUNT(*) FROM post_replies GROUP BY site, month
           UNION ALL
           SELECT site, closed_month, 'board.matches', COUNT(*) FROM posts
             WHERE helped = 1 AND closed_month IS NOT NULL GROUP BY site, closed_month";
