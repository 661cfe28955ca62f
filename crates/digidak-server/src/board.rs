//! What only the server decides for the board: a post's status (moderation by the site's
//! volunteers, reports), when it expires (the site's period, by the server's clock), and which
//! replies belong to it. Every decision goes out to the site's kiosks as a `post.state` change;
//! replies as `post.replied` changes. Checks are the same rules as the kiosk's
//! ([`digidak_core::board`]), run again here because a kiosk may be old or hostile.

use super::KioskAuth;
use super::apply::{Applied, Refusal, emit};
use crate::ServerError;
use crate::storage::{NewPost, Tx};
use digidak_core::board::{
    self, Category, DAY_MS, DEFAULT_EXPIRY_DAYS, PostDraft, PostKind, PostStatus,
};
use digidak_protocol::{
    PostByCode, PostClosed, PostModerated, PostRecord, PostReply, PostState, kinds,
};

type Stored<T> = Result<T, ServerError>;

/// How long posts of `site` stay on the board.
pub fn post_days(tx: &mut dyn Tx, site: &str) -> Stored<u32> {
    Ok(tx.post_days(site)?.unwrap_or(DEFAULT_EXPIRY_DAYS))
}

/// A post and its site.
pub fn load(tx: &mut dyn Tx, id: &str) -> Stored<Option<(String, PostState)>> {
    tx.post(id)
}

fn load_at(tx: &mut dyn Tx, site: &str, id: &str) -> Stored<Option<PostState>> {
    Ok(load(tx, id)?.filter(|(s, _)| s == site).map(|(_, p)| p))
}

fn store_state(tx: &mut dyn Tx, site: &str, p: &PostState, now_ms: i64) -> Stored<()> {
    tx.save_post_state(p, now_ms)?;
    emit(tx, site, kinds::POST_STATE, p, now_ms)
}

fn month(ms: i64) -> String {
    digidak_core::activities::local_now(ms)
        .chars()
        .take(7)
        .collect()
}

/// Checks and cleans a post's words as a kiosk sent them.
fn checked(r: &PostRecord) -> Result<PostRecord, Refusal> {
    if uuid::Uuid::parse_str(&r.id).is_err() {
        return Err(Refusal::invalid("post id is not a UUID"));
    }
    if board::normalize_code(&r.code).as_deref() != Some(r.code.as_str()) {
        return Err(Refusal::invalid(format!(
            "a post code is {} digits",
            board::CODE_DIGITS
        )));
    }
    let draft = PostDraft {
        kind: PostKind::from_id(&r.kind),
        category: Category::from_id(&r.category),
        title: r.title.clone(),
        text: r.text.clone(),
        languages: r.languages.clone(),
    };
    let p = board::check_post(&draft).map_err(|e| Refusal::invalid(format!("post: {e}")))?;
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

pub fn created(tx: &mut dyn Tx, kiosk: &KioskAuth, r: &PostRecord, now_ms: i64) -> Applied {
    let post = match checked(r) {
        Ok(p) => p,
        Err(reason) => return Ok(Err(reason)),
    };
    if let Some(other) = tx.post_id_by_code(&post.code)? {
        return Ok(Err(if other == post.id {
            Refusal::duplicate(format!("post {} exists already", post.id))
        } else {
            Refusal::taken("this post code is taken by another post")
        }));
    }
    if load(tx, &post.id)?.is_some() {
        return Ok(Err(Refusal::duplicate(format!(
            "post {} exists already",
            post.id
        ))));
    }
    let token_hash = match super::phone_token_hash(r.token.as_deref()) {
        Ok(h) => h,
        Err(reason) => return Ok(Err(Refusal::invalid(reason))),
    };
    if let Some(h) = &token_hash
        && tx.post_code_by_token_hash(h)?.is_some()
    {
        return Ok(Err(Refusal::taken(
            "this phone token is taken by another post",
        )));
    }
    tx.insert_post(&NewPost {
        site: &kiosk.site,
        kiosk_id: &kiosk.id,
        post: &post,
        created_ms: now_ms,
        month: &month(now_ms),
        token_hash: token_hash.as_deref(),
    })?;
    let state = board::waiting(post, now_ms);
    emit(tx, &kiosk.site, kinds::POST_STATE, &state, now_ms)?;
    Ok(Ok(()))
}

/// A volunteer's (or the admin web's) decision. Approving sets the expiry from now; a
/// reported post approved again keeps its own expiry if that is later.
pub fn moderated(tx: &mut dyn Tx, site: &str, m: &PostModerated, now_ms: i64) -> Applied {
    let Some(mut p) = load_at(tx, site, &m.id)? else {
        return Ok(Err(Refusal::missing(format!(
            "no post {} at this site",
            m.id
        ))));
    };
    let days = post_days(tx, site)?;
    match board::decide(&mut p, m, now_ms, days) {
        // The poster ended it meanwhile: nothing to decide.
        Ok(false) => return Ok(Ok(())),
        Ok(true) => {}
        Err(e) => return Ok(Err(Refusal::invalid(format!("post: {e}")))),
    }
    store_state(tx, site, &p, now_ms)?;
    Ok(Ok(()))
}

/// A report takes a public post off the board; reports of other posts change nothing.
pub fn reported(tx: &mut dyn Tx, site: &str, id: &str, now_ms: i64) -> Applied {
    let Some(mut p) = load_at(tx, site, id)? else {
        return Ok(Err(Refusal::missing(format!("no post {id} at this site"))));
    };
    if p.status == PostStatus::Public.id() {
        p.status = PostStatus::Reported.id().into();
        p.reports += 1;
        store_state(tx, site, &p, now_ms)?;
    }
    Ok(Ok(()))
}

fn by_code_at(tx: &mut dyn Tx, site: &str, b: &PostByCode) -> Stored<Option<PostState>> {
    Ok(load_at(tx, site, &b.id)?.filter(|p| p.post.code == b.code))
}

/// "Still needed": a public post stays another period from now.
pub fn renewed(tx: &mut dyn Tx, site: &str, b: &PostByCode, now_ms: i64) -> Applied {
    let Some(mut p) = by_code_at(tx, site, b)? else {
        return Ok(Err(Refusal::missing(
            "no post with this id and code at this site",
        )));
    };
    if p.status == PostStatus::Public.id() {
        let days = i64::from(post_days(tx, site)?);
        p.expires_ms = Some(now_ms.saturating_add(days * DAY_MS));
        store_state(tx, site, &p, now_ms)?;
    }
    Ok(Ok(()))
}

pub fn closed(tx: &mut dyn Tx, site: &str, c: &PostClosed, now_ms: i64) -> Applied {
    let b = PostByCode {
        id: c.id.clone(),
        code: c.code.clone(),
    };
    let Some(mut p) = by_code_at(tx, site, &b)? else {
        return Ok(Err(Refusal::missing(
            "no post with this id and code at this site",
        )));
    };
    if p.status == PostStatus::Closed.id() {
        return Ok(Ok(()));
    }
    p.status = PostStatus::Closed.id().into();
    p.helped = c.helped;
    p.ended_ms = Some(now_ms);
    if c.helped {
        tx.set_closed_month(&p.post.id, &month(now_ms))?;
    }
    store_state(tx, site, &p, now_ms)?;
    Ok(Ok(()))
}

pub fn replied(tx: &mut dyn Tx, site: &str, r: &PostReply, now_ms: i64) -> Applied {
    if uuid::Uuid::parse_str(&r.id).is_err() {
        return Ok(Err(Refusal::invalid("reply id is not a UUID")));
    }
    if load_at(tx, site, &r.post_id)?.is_none() {
        return Ok(Err(Refusal::missing(format!(
            "no post {} at this site",
            r.post_id
        ))));
    }
    let (message, contact) =
        match board::check_reply(&r.message, r.contact.as_deref().unwrap_or("")) {
            Ok(m) => m,
            Err(e) => return Ok(Err(Refusal::invalid(format!("reply: {e}")))),
        };
    let reply = PostReply {
        id: r.id.clone(),
        post_id: r.post_id.clone(),
        message,
        contact,
        created_ms: now_ms,
    };
    if !tx.insert_reply(site, &reply, &month(now_ms))? {
        return Ok(Err(Refusal::duplicate(format!(
            "reply {} exists already",
            r.id
        ))));
    }
    emit(tx, site, kinds::POST_REPLIED, &reply, now_ms)?;
    Ok(Ok(()))
}

/// The code of the post whose phone token is `token` (the phone page's key).
pub fn code_by_token(tx: &mut dyn Tx, token: &str) -> Stored<Option<String>> {
    if !digidak_core::codes::is_phone_token(token) {
        return Ok(None);
    }
    tx.post_code_by_token_hash(&super::hash_secret(token))
}

/// A post by its code, with its site and replies (oldest first): what the code holder sees.
pub fn by_code(tx: &mut dyn Tx, code: &str) -> Stored<Option<(String, PostState, Vec<PostReply>)>> {
    let Some(id) = tx.post_id_by_code(code)? else {
        return Ok(None);
    };
    let Some((site, post)) = load(tx, &id)? else {
        return Ok(None);
    };
    let replies = tx.replies(&post.post.id)?;
    Ok(Some((site, post, replies)))
}

/// Posts of a site in these statuses, newest first.
pub fn list(tx: &mut dyn Tx, site: &str, statuses: &[&str]) -> Stored<Vec<PostState>> {
    let mut posts = tx.posts(site)?;
    posts.retain(|p| statuses.contains(&p.status.as_str()));
    Ok(posts)
}

/// Empties the replies of posts that ended (closed, rejected or expired) more than `days` days
/// before `now_ms`: their messages and contacts, in the replies, in the stored operations and
/// in the change feed. The replies stay, empty, so the numbers still count them. Returns how
/// many replies were emptied. The same rule as [`board::replies_forgotten`].
pub fn forget_old_replies(tx: &mut dyn Tx, days: u32, now_ms: i64) -> Stored<usize> {
    tx.forget_replies(now_ms - i64::from(days) * DAY_MS)
}
