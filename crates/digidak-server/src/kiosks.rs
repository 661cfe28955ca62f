//! What the server decides about kiosks: adding one with a pairing code, pairing, revoking,
//! and a push stored and applied exactly once. Written over [`Tx`], so every backend keeps
//! the same rules.
//!
//! Push is idempotent: each op is keyed by (kiosk, index) and by its UUID, so a retried page,
//! or the same op in two pages, is stored and applied once.

use digidak_protocol::{
    OpResult, OpStatus, PROTOCOL_VERSION, PairResponse, PushRequest, PushResponse, kinds,
};

use crate::apply::Refusal;
use crate::storage::{KioskHeartbeat, NewOp, Tx};
use crate::{KioskAuth, ServerError, apply, hash_secret, normalize_code};

/// How long a pairing code stays valid.
pub const PAIRING_VALID_MS: i64 = 24 * 60 * 60 * 1000;

/// Registers a kiosk and returns its one-time pairing code.
pub fn add(tx: &mut dyn Tx, name: &str, site: &str, now_ms: i64) -> Result<String, ServerError> {
    let name = &digidak_core::text::clean_line(name, usize::MAX);
    if name.is_empty() || name.chars().count() > 60 {
        return Err(ServerError::BadRequest(
            "a kiosk name is 1 to 60 characters".into(),
        ));
    }
    let site_ok = (1..=40).contains(&site.len())
        && site
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !site_ok {
        return Err(ServerError::BadRequest(
            "a site id is 1 to 40 lowercase letters, digits and dashes".into(),
        ));
    }
    match tx.kiosk_revoked_by_name(name)? {
        Some(None) => {
            return Err(ServerError::Conflict(format!(
                "a kiosk named {name:?} exists; revoke it first or choose another name"
            )));
        }
        // A revoked kiosk keeps its history under a new name; the name is free again.
        Some(Some(revoked)) => tx.rename_kiosk(name, &format!("{name} (revoked {revoked})"))?,
        None => {}
    }
    let code = crate::pairing_code();
    tx.insert_kiosk(
        &uuid::Uuid::now_v7().to_string(),
        name,
        site,
        &hash_secret(&normalize_code(&code)),
        now_ms + PAIRING_VALID_MS,
        now_ms,
    )?;
    Ok(code)
}

/// Revokes a kiosk: its token stops working and the seats it held come back. False if there
/// is no such active kiosk.
pub fn revoke(tx: &mut dyn Tx, name: &str, now_ms: i64) -> Result<bool, ServerError> {
    let Some(id) = tx.revoke_kiosk(name, now_ms)? else {
        return Ok(false);
    };
    // Its operations are refused from now on: the seats it held come back.
    crate::seats::kiosk_gone(tx, &id, now_ms)?;
    Ok(true)
}

/// Trades a pairing code for a token (see [`crate::ServerStore::pair`]).
pub fn pair(
    tx: &mut dyn Tx,
    code: &str,
    first_index: u64,
    now_ms: i64,
) -> Result<PairResponse, ServerError> {
    let wrong =
        || ServerError::Unauthorized("this pairing code is unknown, used or expired".into());
    let code = normalize_code(code);
    if code.len() != 8 {
        return Err(wrong());
    }
    let Some(k) = tx.kiosk_by_pairing_hash(&hash_secret(&code))? else {
        return Err(wrong());
    };
    if k.expires_ms < now_ms {
        return Err(wrong());
    }
    let token = crate::random_hex(32);
    // Every pairing gets a range of short codes never given before (a kiosk paired again
    // may have lost its file, and with it the codes it made).
    let next_range = tx.max_code_range()?.saturating_add(1);
    let code_range = u32::try_from(next_range)
        .ok()
        .filter(|r| *r <= digidak_core::codes::MAX_RANGE);
    if code_range.is_none() {
        tracing::warn!("every range of short codes is given out: this kiosk gets none");
    }
    tx.complete_pairing(
        &k.id,
        &hash_secret(&token),
        first_index.clamp(1, i64::MAX as u64),
        code_range,
    )?;
    crate::activities::kiosk_joined(tx, &k.site, now_ms)?;
    Ok(PairResponse {
        token,
        kiosk_id: k.id,
        name: k.name,
        site: k.site,
        code_range,
    })
}

/// The op with every NUL character taken out of its payload's strings and keys, as texts are
/// cleaned of control characters anyway (and not every database's text can hold a NUL). Its id
/// and kind are left as sent: an id with a NUL is not a UUID, a kind with one is unknown.
fn without_nul_payload(op: &digidak_protocol::Op) -> std::borrow::Cow<'_, digidak_protocol::Op> {
    fn has(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::String(s) => s.contains('\0'),
            serde_json::Value::Array(items) => items.iter().any(has),
            serde_json::Value::Object(map) => map.iter().any(|(k, v)| k.contains('\0') || has(v)),
            _ => false,
        }
    }
    fn strip(v: serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::String(s) => serde_json::Value::String(s.replace('\0', "")),
            serde_json::Value::Array(items) => items.into_iter().map(strip).collect(),
            serde_json::Value::Object(map) => map
                .into_iter()
                .map(|(k, v)| (k.replace('\0', ""), strip(v)))
                .collect(),
            other => other,
        }
    }
    if !has(&op.payload) {
        return std::borrow::Cow::Borrowed(op);
    }
    let mut clean = op.clone();
    clean.payload = strip(clean.payload);
    std::borrow::Cow::Owned(clean)
}

/// `s` with each NUL character replaced by U+FFFD (as the op log keeps an id or kind).
fn without_nul(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\0') {
        std::borrow::Cow::Owned(s.replace('\0', "\u{fffd}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// An op's payload as the op log keeps it: without the phone token of a sign-up or a post,
/// without the note and phone of a care signal (only the partner's inbox keeps those).
fn stored_payload(op: &digidak_protocol::Op) -> String {
    if op.kind == kinds::SIGNAL_CREATED {
        let mut p = op.payload.clone();
        if let Some(o) = p.as_object_mut() {
            o.remove("note");
            o.remove("phone");
        }
        return p.to_string();
    }
    let has_token = matches!(
        op.kind.as_str(),
        kinds::SIGNUP_CREATED | kinds::POST_CREATED
    ) && op.payload.get("token").is_some();
    if !has_token {
        return op.payload.to_string();
    }
    let mut p = op.payload.clone();
    if let Some(o) = p.as_object_mut() {
        o.remove("token");
    }
    p.to_string()
}

/// A queued push ([`crate::group_commit::PushJob`]) inside the caller's transaction: its
/// token, if it came as one, is checked here first (a revoked or unknown token is refused).
/// `ServerError::Unauthorized` comes only before anything is written (a group commit relies
/// on it).
pub(crate) fn push_as(
    tx: &mut dyn Tx,
    who: &crate::group_commit::Pusher,
    request: &PushRequest,
    now_ms: i64,
) -> Result<(KioskAuth, PushResponse), ServerError> {
    let kiosk = match who {
        crate::group_commit::Pusher::Kiosk(k) => k.clone(),
        crate::group_commit::Pusher::TokenHash(hash) => tx
            .kiosk_by_token_hash(hash)?
            .ok_or_else(|| ServerError::Unauthorized(UNKNOWN_TOKEN.into()))?,
    };
    let resp = push(tx, &kiosk, request, now_ms)?;
    Ok((kiosk, resp))
}

/// What a push with a token no paired, unrevoked kiosk holds is told.
pub const UNKNOWN_TOKEN: &str =
    "this kiosk is not paired or was revoked: pair it again in admin mode";

/// One push inside the caller's transaction: stores and applies each new op once, answers
/// each op, tends the kiosk's seat leases and records its heartbeat.
pub fn push(
    tx: &mut dyn Tx,
    kiosk: &KioskAuth,
    request: &PushRequest,
    now_ms: i64,
) -> Result<PushResponse, ServerError> {
    let cursor = tx
        .kiosk_cursor(&kiosk.id)?
        .ok_or_else(|| ServerError::Unauthorized("this kiosk is not known here".into()))?;
    let mut next = cursor.next_index;
    let mut results = Vec::with_capacity(request.ops.len());
    // The op log keeps no phone token (only the sign-up's or post's row keeps its hash).
    let cleaned: Vec<_> = request.ops.iter().map(without_nul_payload).collect();
    let ops: Vec<&digidak_protocol::Op> = cleaned.iter().map(|op| op.as_ref()).collect();
    let stored: Vec<String> = ops.iter().map(|op| stored_payload(op)).collect();
    // The new ops of an ordinary page (consecutive indexes from the kiosk's next, distinct
    // ids) are stored in one go; any other op below is stored on its own.
    let mut batch: Vec<NewOp<'_>> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (op, payload) in ops.iter().zip(&stored) {
        if op.index < next && batch.is_empty() {
            continue;
        }
        if op.index != next + batch.len() as u64
            || !ids.insert(op.id.as_str())
            || op.id.contains('\0')
            || op.kind.contains('\0')
        {
            break;
        }
        batch.push(NewOp {
            kiosk_id: &kiosk.id,
            index: op.index,
            id: &op.id,
            kind: &op.kind,
            payload,
            kiosk_time_ms: op.kiosk_time_ms,
            received_ms: now_ms,
        });
    }
    let batch_from = batch.first().map(|op| op.index);
    let batched = tx.insert_ops(&batch)?;
    for (op, payload) in ops.iter().zip(&stored) {
        if op.index > next {
            // A gap: the kiosk must send `next` first. Nothing after it is taken.
            break;
        }
        if op.index < next {
            // Seen before: the same op again is fine; a different op at that index is not.
            let logged_id = without_nul(&op.id);
            let status = match tx.op_at(&kiosk.id, op.index)? {
                Some((id, None)) if id == logged_id => OpStatus::Accepted,
                Some((id, Some(reason))) if id == logged_id => OpStatus::Rejected { reason },
                Some(_) => OpStatus::Rejected {
                    reason: format!("index {} was used by another operation", op.index),
                },
                // Indexes before the kiosk's first pairing index were never pushed here.
                None => OpStatus::Rejected {
                    reason: format!("index {} is before this kiosk's first index", op.index),
                },
            };
            results.push(OpResult {
                id: op.id.clone(),
                index: op.index,
                status,
            });
            continue;
        }
        // An id or kind with a NUL character (which not every database's text can hold) is
        // logged with U+FFFD in its place; the op is refused below (not a UUID, unknown kind).
        let (logged_id, logged_kind) = (without_nul(&op.id), without_nul(&op.kind));
        let row = NewOp {
            kiosk_id: &kiosk.id,
            index: op.index,
            id: &logged_id,
            kind: &logged_kind,
            payload,
            kiosk_time_ms: op.kiosk_time_ms,
            received_ms: now_ms,
        };
        // The op's UUID must be new: the store says so without a query of its own.
        let in_batch = batch_from
            .and_then(|from| op.index.checked_sub(from))
            .and_then(|i| batched.get(i as usize).copied())
            .filter(|_| {
                batch
                    .get((op.index - batch_from.unwrap_or(0)) as usize)
                    .is_some_and(|b| b.id == op.id)
            });
        let inserted = match in_batch {
            Some(inserted) => inserted,
            None => tx.insert_op(&row)?,
        };
        let outcome = if !inserted {
            // Keep the log complete without breaking the unique id: store under a marker.
            let marker = format!("{logged_id}#{}:{}", kiosk.id, op.index);
            tx.insert_op(&NewOp { id: &marker, ..row })?;
            Err(Refusal::duplicate(format!(
                "operation id {logged_id} was used by another operation"
            )))
        } else if uuid::Uuid::parse_str(&op.id).is_err() {
            Err(Refusal::invalid("operation id is not a UUID"))
        } else {
            apply::apply(tx, kiosk, op, now_ms)?
        };
        if let Err(reason) = &outcome {
            tx.reject_op(&kiosk.id, op.index, &without_nul(&reason.to_string()))?;
        }
        next += 1;
        results.push(OpResult {
            id: op.id.clone(),
            index: op.index,
            status: match outcome {
                Ok(()) => OpStatus::Accepted,
                Err(refusal) => OpStatus::Rejected {
                    reason: refusal.to_string(),
                },
            },
        });
    }
    // Leases: ended ones come back, and a kiosk whose whole outbox is in gets new ones.
    let whole_outbox = results.len() == request.ops.len()
        && request.ops.len() as u64 >= request.heartbeat.outbox_len;
    crate::seats::tend(tx, kiosk, whole_outbox, request.protocol, now_ms)?;
    // What the backend keeps back (counts, heartbeats, new ops) is written by whoever ends the
    // transaction or savepoint (`Tx::flush`), once for a whole group of pushes.
    let hb = &request.heartbeat;
    tx.save_heartbeat(
        &kiosk.id,
        &KioskHeartbeat {
            next_index: next,
            last_seen_ms: now_ms,
            app_version: hb.app_version.chars().take(40).collect(),
            outbox_len: hb.outbox_len.min(i64::MAX as u64) as i64,
            dead_letters: hb.dead_letters.min(i64::MAX as u64) as i64,
            last_success_ms: hb.last_success_ms,
            last_frame_ms: hb.last_frame_ms,
            skew_ms: hb.kiosk_time_ms.saturating_sub(now_ms),
            protocol: request.protocol,
        },
    )?;
    Ok(PushResponse {
        results,
        next_index: next,
        server_time_ms: now_ms,
        code_range: cursor.code_range,
        protocol: Some(PROTOCOL_VERSION),
        min_protocol: Some(digidak_protocol::MIN_PROTOCOL_VERSION),
    })
}
