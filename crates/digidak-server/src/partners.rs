//! Local partners of a site: what the server decides before a partner is stored and sent to
//! the site's kiosks (the shared rules of [`digidak_core::partners`], run again here), free of
//! any storage type: the stores ([`super::partner_store`]) call these.

use digidak_core::partners::check_partner;
use digidak_protocol::PartnerRecord;

use super::ServerError;

/// Checks and cleans a partner an admin saved (a new one gets its UUID here).
pub fn prepare(p: &PartnerRecord) -> Result<PartnerRecord, ServerError> {
    let mut p = p.clone();
    if p.id.is_empty() {
        p.id = uuid::Uuid::now_v7().to_string();
    }
    check_partner(&p, digidak_core::lessons::is_lesson_id)
        .map_err(|e| ServerError::BadRequest(e.to_string()))
}

/// A site id as kiosks and activities have it.
pub fn check_site(site: &str) -> Result<(), ServerError> {
    let ok = (1..=40).contains(&site.len())
        && site
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ServerError::BadRequest(
            "a site id is 1 to 40 lowercase letters, digits and dashes".into(),
        ))
    }
}

/// The partners of a site by name, removed ones left out.
pub fn sorted(mut list: Vec<PartnerRecord>) -> Vec<PartnerRecord> {
    list.retain(|p| !p.deleted);
    list.sort_by_key(|p| p.name.to_lowercase());
    list
}

// --- The rules over the storage seam (`storage::Tx`): every backend keeps them alike. -------

use digidak_protocol::{PostModerated, PostRecord, PostReply, PostState, SignalCreated, kinds};

use super::apply::{Applied, Refusal, emit};
use super::partner_store::{Inbox, InboxPost};
use super::storage::{NewSignal, Tx};
use super::{KioskAuth, board};

/// Adds or changes a partner of `site` and tells the kiosks of every site it serves
/// (`partner.saved`). A new partner serves `site`; a partner saved from another site than one
/// it serves is refused. Its uploaded logo stays as it was (only [`set_logo`] changes it).
pub fn save(
    tx: &mut dyn Tx,
    site: &str,
    p: &PartnerRecord,
    now_ms: i64,
) -> Result<PartnerRecord, ServerError> {
    check_site(site)?;
    let (home, logo) = match tx.partner(&p.id)? {
        Some((home, old)) => {
            if !tx.partner_sites(&p.id)?.iter().any(|s| s == site) {
                return Err(ServerError::BadRequest(
                    "this partner does not serve this site".into(),
                ));
            }
            (home, old.logo)
        }
        None => (site.to_string(), String::new()),
    };
    store(tx, &home, &PartnerRecord { logo, ..p.clone() }, now_ms)
}

/// Stores a partner (its home site `home`) and sends it to the kiosks of every site it
/// serves; a new one serves its home site.
fn store(
    tx: &mut dyn Tx,
    home: &str,
    p: &PartnerRecord,
    now_ms: i64,
) -> Result<PartnerRecord, ServerError> {
    check_site(home)?;
    let p = prepare(p)?;
    let mut sites = tx.partner_sites(&p.id)?;
    if sites.is_empty() {
        sites = vec![home.to_string()];
        tx.set_partner_sites(&p.id, &sites)?;
    }
    tx.put_partner(home, &p, now_ms)?;
    for site in &sites {
        emit(tx, site, kinds::PARTNER_SAVED, &p, now_ms)?;
    }
    Ok(p)
}

/// The sites an admin gave a partner (site ids, any separator of commas and spaces), checked,
/// without doubles, sorted.
pub fn parse_sites(text: &str) -> Result<Vec<String>, ServerError> {
    let mut sites: Vec<String> = text
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    for s in &sites {
        check_site(s)?;
    }
    sites.sort();
    sites.dedup();
    if sites.is_empty() {
        return Err(ServerError::BadRequest(
            "a partner serves at least one site".into(),
        ));
    }
    Ok(sites)
}

/// Sets the sites a partner (not removed) serves: every one of them gets it
/// (`partner.saved`); a site it no longer serves gets it as removed (`deleted`), so that
/// site's kiosks forget it as if it were deleted. Its home site stays unless it is taken
/// away (then the first of the new ones). Its posts stay where they are; its inbox shows only
/// what is on the sites it serves now.
pub fn set_sites(
    tx: &mut dyn Tx,
    id: &str,
    sites: &[String],
    now_ms: i64,
) -> Result<Vec<String>, ServerError> {
    let (home, p) = live(tx, id)?;
    let sites = parse_sites(&sites.join(","))?;
    let old = tx.partner_sites(id)?;
    tx.set_partner_sites(id, &sites)?;
    let home = if sites.contains(&home) {
        home
    } else {
        sites[0].clone()
    };
    store(tx, &home, &p, now_ms)?;
    let gone = PartnerRecord {
        deleted: true,
        ..p.clone()
    };
    for site in old.iter().filter(|s| !sites.contains(s)) {
        emit(tx, site, kinds::PARTNER_SAVED, &gone, now_ms)?;
    }
    Ok(sites)
}

/// Whether a partner (not removed) serves a site.
fn serves(tx: &mut dyn Tx, id: &str, site: &str) -> Result<bool, ServerError> {
    Ok(tx.partner(id)?.is_some_and(|(_, p)| !p.deleted)
        && tx.partner_sites(id)?.iter().any(|s| s == site))
}

/// Gives a partner (not removed) the logo an admin uploaded, made by
/// [`digidak_core::logo::prepare_logo`], or none (`None`: the category picture shows again);
/// the site's kiosks get the record again (`partner.saved` naming the logo's hash).
pub fn set_logo(
    tx: &mut dyn Tx,
    id: &str,
    logo: Option<&digidak_core::logo::Logo>,
    now_ms: i64,
) -> Result<PartnerRecord, ServerError> {
    let (site, p) = live(tx, id)?;
    let hash = match logo {
        Some(l) => {
            tx.put_logo(&l.hash, &l.png, now_ms)?;
            l.hash.clone()
        }
        None => String::new(),
    };
    store(tx, &site, &PartnerRecord { logo: hash, ..p }, now_ms)
}

/// Removes a partner (kiosks forget it); false if there is none or it was removed already.
pub fn remove(tx: &mut dyn Tx, id: &str, now_ms: i64) -> Result<bool, ServerError> {
    match tx.partner(id)? {
        Some((site, p)) if !p.deleted => {
            save(tx, &site, &PartnerRecord { deleted: true, ..p }, now_ms)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// A partner that is not removed, and its site.
pub fn live(tx: &mut dyn Tx, id: &str) -> Result<(String, PartnerRecord), ServerError> {
    match tx.partner(id)? {
        Some((site, p)) if !p.deleted => Ok((site, p)),
        _ => Err(ServerError::NotFound("no such partner".into())),
    }
}

/// Routes an ask to the partner its poster chose (`route_to` of `post.created`), inside the
/// push's transaction, after the post was created: only to a partner of the kiosk's site that
/// is not removed and helps with the ask's category. Otherwise (removed meanwhile) the post
/// stays, unrouted.
pub fn routed(tx: &mut dyn Tx, kiosk: &KioskAuth, r: &PostRecord) -> Result<(), ServerError> {
    let Some(partner_id) = r.route_to.as_deref() else {
        return Ok(());
    };
    let covers = serves(tx, partner_id, &kiosk.site)?
        && tx
            .partner(partner_id)?
            .is_some_and(|(_, p)| p.categories.contains(&r.category));
    if r.kind != "ask" || !covers {
        tracing::warn!("an ask was sent to a partner that cannot take it: not routed");
        return Ok(());
    }
    tx.add_partner_post(&r.id, partner_id, "routed")
}

/// A care signal from a kiosk (`signal.created`), inside the push's transaction: only with
/// the resident's consent, only for a partner of the kiosk's site that is not removed. Kept
/// for that partner alone (no change goes to kiosks).
pub fn signal_created(
    tx: &mut dyn Tx,
    kiosk: &KioskAuth,
    s: &SignalCreated,
    now_ms: i64,
) -> Applied {
    let s = match digidak_core::partners::check_signal(s) {
        Ok(s) => s,
        Err(reason) => return Ok(Err(Refusal::invalid(reason))),
    };
    let ours = serves(tx, &s.partner_id, &kiosk.site)?;
    if !ours {
        return Ok(Err(Refusal::missing("no such partner at this site")));
    }
    let month: String = digidak_core::activities::local_now(now_ms)
        .chars()
        .take(7)
        .collect();
    let inserted = tx.insert_signal(&NewSignal {
        id: &s.id,
        site: &kiosk.site,
        partner_id: &s.partner_id,
        kind: &s.kind,
        lang: &s.lang,
        note: &s.note,
        phone: s.phone.as_deref(),
        created_ms: now_ms,
        month: &month,
    })?;
    if !inserted {
        return Ok(Err(Refusal::duplicate(format!(
            "signal {} exists already",
            s.id
        ))));
    }
    Ok(Ok(()))
}

/// The partner posts an offer on the board of one of its sites (`None`: its home site), with
/// its badge; it waits for a volunteer like a resident's post unless the partner is trusted.
/// A site it does not serve is refused.
pub fn post_offer(
    tx: &mut dyn Tx,
    partner_id: &str,
    site: Option<&str>,
    category: &str,
    title: &str,
    text: &str,
    now_ms: i64,
) -> Result<PostState, ServerError> {
    let (home, partner) = live(tx, partner_id)?;
    let site = site.map_or(home, String::from);
    if !tx.partner_sites(partner_id)?.contains(&site) {
        return Err(ServerError::BadRequest("you do not serve this site".into()));
    }
    let poster = KioskAuth {
        id: format!("partner:{partner_id}"),
        name: partner.name.clone(),
        site: site.clone(),
    };
    let mut record = PostRecord {
        id: uuid::Uuid::now_v7().to_string(),
        code: String::new(),
        kind: "offer".into(),
        category: category.into(),
        title: title.into(),
        text: text.into(),
        languages: Vec::new(),
        token: None,
        partner: None,
        route_to: None,
    };
    // A code nobody has (the partner never needs it: its inbox shows the replies).
    let mut outcome = Err(Refusal::invalid(""));
    for _ in 0..5 {
        record.code = digidak_core::board::new_code(0);
        outcome = board::created(tx, &poster, &record, now_ms)?;
        if outcome
            .as_ref()
            .err()
            .is_none_or(|e| e.kind != super::apply::RefusalKind::Taken)
        {
            break;
        }
    }
    outcome?;
    // Its badge: the partner's name on the record every kiosk of the site gets.
    let (_, mut state) = board::load(tx, &record.id)?
        .ok_or_else(|| ServerError::Unavailable("the post was not stored".into()))?;
    state.post.partner = Some(partner.name.clone());
    tx.save_post_state(&state, now_ms)?;
    emit(tx, &site, kinds::POST_STATE, &state, now_ms)?;
    tx.add_partner_post(&record.id, partner_id, "offer")?;
    if partner.trusted {
        let approve = PostModerated {
            id: record.id.clone(),
            decision: "approve".into(),
            reason: None,
            title: None,
            text: None,
            category: None,
        };
        board::moderated(tx, &site, &approve, now_ms)??;
    }
    let (_, state) = board::load(tx, &record.id)?
        .ok_or_else(|| ServerError::Unavailable("the post was not stored".into()))?;
    Ok(state)
}

fn inbox_posts(
    tx: &mut dyn Tx,
    partner_id: &str,
    sites: &[String],
    role: &str,
) -> Result<Vec<InboxPost>, ServerError> {
    let ids = tx.partner_post_ids(partner_id, role)?;
    let mine = tx.partner_reply_ids(partner_id)?;
    let mut out = Vec::new();
    for id in ids {
        let Some((s, post)) = board::load(tx, &id)? else {
            continue;
        };
        if !sites.contains(&s) || post.status == "rejected" {
            continue;
        }
        let mut replies = tx.replies(&id)?;
        if role == "routed" {
            replies.retain(|r| mine.contains(&r.id));
        }
        out.push(InboxPost {
            site: s,
            post,
            replies,
        });
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.post.created_ms));
    Ok(out)
}

/// What a partner sees, on every site it serves (`None` for an unknown or removed partner).
pub fn inbox(tx: &mut dyn Tx, partner_id: &str) -> Result<Option<Inbox>, ServerError> {
    let Ok((site, partner)) = live(tx, partner_id) else {
        return Ok(None);
    };
    let sites = tx.partner_sites(partner_id)?;
    Ok(Some(Inbox {
        offers: inbox_posts(tx, partner_id, &sites, "offer")?,
        asks: inbox_posts(tx, partner_id, &sites, "routed")?,
        site,
        sites,
        partner,
    }))
}

/// The partner answers an ask sent to it: a reply the resident reads behind the post's code,
/// signed with the partner's name and contact.
pub fn answer_ask(
    tx: &mut dyn Tx,
    partner_id: &str,
    post_id: &str,
    message: &str,
    now_ms: i64,
) -> Result<(), ServerError> {
    let (_, partner) = live(tx, partner_id)?;
    let sites = tx.partner_sites(partner_id)?;
    let site = match board::load(tx, post_id)? {
        Some((site, _)) if sites.contains(&site) => site,
        _ => String::new(),
    };
    if site.is_empty() || tx.partner_post_role(post_id, partner_id)?.as_deref() != Some("routed") {
        return Err(ServerError::NotFound("this ask was not sent to you".into()));
    }
    let contact = [partner.name.as_str(), partner.contact.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let reply = PostReply {
        id: uuid::Uuid::now_v7().to_string(),
        post_id: post_id.into(),
        message: message.into(),
        contact: Some(contact),
        created_ms: now_ms,
    };
    board::replied(tx, &site, &reply, now_ms)??;
    tx.add_partner_reply(&reply.id, partner_id)
}

/// The partner marks its open signal handled (`contact` or `referred`): its note and phone
/// are emptied at once. False if it is not this partner's open signal.
pub fn handle_signal(
    tx: &mut dyn Tx,
    partner_id: &str,
    id: &str,
    outcome: &str,
    now_ms: i64,
) -> Result<usize, ServerError> {
    if !["contact", "referred"].contains(&outcome) {
        return Err(ServerError::BadRequest(
            "a signal is handled with contact or referred".into(),
        ));
    }
    Ok(usize::from(
        tx.handle_signal(id, partner_id, now_ms, outcome)?,
    ))
}

/// Empties the note and phone of signals older than `days`; returns how many.
pub fn forget_old_signals(tx: &mut dyn Tx, days: u32, now_ms: i64) -> Result<usize, ServerError> {
    tx.forget_signals(now_ms - i64::from(days) * 24 * 60 * 60 * 1000)
}
