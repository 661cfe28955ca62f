//! Activities in the kiosk's store: what the server last said about each activity of the site,
//! the site's sign-ups, and sign-ups made here. A sign-up is confirmed at once from this
//! kiosk's block of seats while it has room (also offline); beyond it, it waits for the
//! server's decision ("not yet confirmed"). Each write queues its operation in the same
//! transaction.

use rusqlite::{OptionalExtension, Transaction, params};

use super::outbox::enqueue;
use super::{Store, StoreError};
use digidak_core::activities::seats::{KioskLease, server_now};
use digidak_core::activities::{SignupProblem, check_signup, clean_phone, local_now, new_code};
use digidak_protocol::{
    ActivityRecord, ActivityState, BlockReleased, Change, SignupCancelled, SignupCreated,
    SignupStatus, kinds,
};

/// An activity as a resident sees it at this kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityView {
    pub record: ActivityRecord,
    /// What the next sign-up gets while online: the largest party confirmed now, from this
    /// kiosk's own block or from the seats nobody holds when nobody waits
    /// ([`digidak_core::activities::seats::places_left`]).
    pub places_left: u32,
    /// Seats this kiosk confirms on its own, also offline (what is left of its live lease).
    pub mine: u32,
    pub waitlisted: u32,
}

/// Where a sign-up stands, as this kiosk knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignupState {
    Confirmed,
    /// Made here beyond this kiosk's block: the server has not decided yet.
    Pending,
    /// On the waitlist, at this place (1 = next), when known.
    Waitlisted(Option<u32>),
    Cancelled,
}

/// One sign-up with its activity (for the code holder, or a volunteer's list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignupView {
    pub id: String,
    pub code: String,
    pub first_name: String,
    pub phone: Option<String>,
    pub party: u32,
    pub state: SignupState,
    pub activity: Option<ActivityRecord>,
    /// Checked in at the door, at this time.
    pub checked_in_ms: Option<i64>,
    /// The phone link's secret, only on the sign-up just made here (for its QR code).
    pub token: Option<String>,
    /// The server's decision has come back. A sign-up confirmed here from the block and not
    /// yet decided is "confirmed, not yet final" to the resident (`docs/sync.md`).
    pub decided: bool,
}

/// Applies an `activity.saved` or `signup.status` change inside the pull's transaction.
pub(super) fn apply_change(
    tx: &Transaction<'_>,
    change: &Change,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    match change.kind.as_str() {
        kinds::ACTIVITY_SAVED => {
            let Ok(s) = serde_json::from_value::<ActivityState>(change.payload.clone()) else {
                return Ok(0);
            };
            let me: Option<String> = tx
                .query_row(
                    "SELECT value FROM meta WHERE key = 'pairing.kiosk_id'",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            let my_block = s
                .blocks
                .iter()
                .find(|(k, _)| Some(k) == me.as_ref())
                .map_or(0, |(_, n)| *n);
            let lease = s.leases.iter().find(|l| Some(&l.kiosk_id) == me.as_ref());
            let record = serde_json::to_string(&s.activity).expect("records serialize");
            let n = tx.execute(
                "INSERT INTO activities (id, record, start, free, confirmed, waitlisted, my_block,
                                         lease, lease_expires_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (id) DO UPDATE SET record = ?2, start = ?3, free = ?4,
                     confirmed = ?5, waitlisted = ?6, my_block = ?7, lease = ?8,
                     lease_expires_ms = ?9",
                params![
                    s.activity.id,
                    record,
                    s.activity.start,
                    s.free,
                    s.confirmed,
                    s.waitlisted,
                    lease.map_or(my_block, |l| l.granted),
                    lease.map_or(0, |l| l.lease),
                    lease.map(|l| l.expires_ms)
                ],
            )?;
            if let Some(l) = lease.filter(|l| l.recalled) {
                give_back(tx, &s.activity.id, l.lease, now_ms)?;
            }
            Ok(n)
        }
        kinds::SIGNUP_STATUS => {
            let Ok(s) = serde_json::from_value::<SignupStatus>(change.payload.clone()) else {
                return Ok(0);
            };
            // A cancellation made here stands even if older news says "confirmed".
            tx.execute(
                "INSERT INTO signups (id, activity_id, code, first_name, phone, party, status, seq,
                                      created_ms, checked_in_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9)
                 ON CONFLICT (id) DO UPDATE SET
                     status = CASE WHEN signups.status = 'cancelled' THEN 'cancelled' ELSE ?7 END,
                     seq = ?8,
                     checked_in_ms = CASE
                         WHEN signups.checked_in_ms IS NULL THEN ?9
                         WHEN ?9 IS NULL THEN signups.checked_in_ms
                         ELSE MIN(signups.checked_in_ms, ?9) END",
                params![
                    s.id,
                    s.activity_id,
                    s.code,
                    s.first_name,
                    s.phone,
                    s.party,
                    s.status,
                    s.seq as i64,
                    s.checked_in_ms
                ],
            )
        }
        _ => Ok(0),
    }
}

/// The server recalled this kiosk's lease `lease` on an activity (someone waits): it stops
/// confirming from it and queues `block.released`, once per lease, in the pull's
/// transaction. Every block sign-up made here under the lease is already in the outbox
/// before it, so the server honours each of them.
fn give_back(
    tx: &Transaction<'_>,
    activity_id: &str,
    lease: u32,
    now_ms: i64,
) -> rusqlite::Result<()> {
    let used: Option<u32> = tx
        .query_row(
            "UPDATE activities SET released_lease = ?2
             WHERE id = ?1 AND released_lease < ?2 RETURNING block_used",
            params![activity_id, lease],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(used) = used {
        let op = BlockReleased {
            activity_id: activity_id.to_string(),
            lease,
            used,
        };
        enqueue(tx, kinds::BLOCK_RELEASED, &op, now_ms)?;
    }
    Ok(())
}

/// This kiosk's lease on an activity, from its row.
fn lease_of(tx: &Transaction<'_>, activity_id: &str) -> rusqlite::Result<Option<KioskLease>> {
    tx.query_row(
        "SELECT my_block, block_used, lease, released_lease, lease_expires_ms
         FROM activities WHERE id = ?1",
        [activity_id],
        |r| {
            Ok(KioskLease {
                granted: r.get(0)?,
                used: r.get(1)?,
                lease: r.get(2)?,
                released: r.get(3)?,
                expires_ms: r.get(4)?,
            })
        },
    )
    .optional()
}

impl Store {
    /// The activities that have not ended yet at `now_ms`, by start time.
    pub fn upcoming_activities(&self, now_ms: i64) -> Result<Vec<ActivityView>, StoreError> {
        let now = local_now(now_ms);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.record, a.free, a.waitlisted, a.my_block, a.block_used, a.lease,
                        a.released_lease, a.lease_expires_ms,
                        (SELECT COALESCE(SUM(party), 0) FROM signups s
                          WHERE s.activity_id = a.id AND s.made_here = 1 AND s.from_block = 0
                            AND s.status = 'pending')
                 FROM activities a ORDER BY a.start, a.id",
            )
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| {
                let lease = KioskLease {
                    granted: r.get(3)?,
                    used: r.get(4)?,
                    lease: r.get(5)?,
                    released: r.get(6)?,
                    expires_ms: r.get(7)?,
                };
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    lease,
                    r.get::<_, i64>(8)?,
                ))
            })
            .map_err(self.sqlite())?;
        let server_now = server_now(now_ms, self.skew_ms()?);
        let mut out = Vec::new();
        for row in rows {
            let (json, free, waitlisted, lease, pending) = row.map_err(self.sqlite())?;
            let mine = lease.left(server_now);
            let Ok(record) = serde_json::from_str::<ActivityRecord>(&json) else {
                continue;
            };
            if record.deleted || record.end.as_str() <= now.as_str() {
                continue;
            }
            let clamp = |v: i64| v.clamp(0, i64::from(u32::MAX)) as u32;
            out.push(ActivityView {
                record,
                places_left: digidak_core::activities::seats::places_left(
                    mine,
                    clamp(free),
                    clamp(waitlisted),
                    clamp(pending),
                ),
                mine,
                waitlisted: clamp(waitlisted),
            });
        }
        Ok(out)
    }

    /// Signs a resident up. `Ok(Err(problem))` when the sign-up cannot be taken (nothing is
    /// written).
    pub fn create_signup(
        &mut self,
        activity_id: &str,
        first_name: &str,
        phone: Option<&str>,
        party: u32,
        now_ms: i64,
    ) -> Result<Result<SignupView, SignupProblem>, StoreError> {
        self.add_signup(activity_id, first_name, phone, party, false, now_ms)
    }

    /// A volunteer adds someone at the door: confirmed and checked in at once.
    pub fn add_walk_in(
        &mut self,
        activity_id: &str,
        first_name: &str,
        party: u32,
        now_ms: i64,
    ) -> Result<Result<SignupView, SignupProblem>, StoreError> {
        self.add_signup(activity_id, first_name, None, party, true, now_ms)
    }

    fn add_signup(
        &mut self,
        activity_id: &str,
        first_name: &str,
        phone: Option<&str>,
        party: u32,
        walk_in: bool,
        now_ms: i64,
    ) -> Result<Result<SignupView, SignupProblem>, StoreError> {
        let sqlite = self.sqlite_owned();
        let tx = self.conn.transaction().map_err(&sqlite)?;
        let row: Option<String> = tx
            .query_row(
                "SELECT record FROM activities WHERE id = ?1",
                [activity_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(&sqlite)?;
        let Some(json) = row else {
            return Ok(Err(SignupProblem::Deleted));
        };
        let lease = lease_of(&tx, activity_id)
            .map_err(&sqlite)?
            .unwrap_or_default();
        let skew = super::outbox::skew_in(&tx).map_err(&sqlite)?;
        let Ok(activity) = serde_json::from_str::<ActivityRecord>(&json) else {
            return Ok(Err(SignupProblem::Deleted));
        };
        // A walk-in arrives after the deadline by nature.
        let at = if walk_in {
            String::new()
        } else {
            local_now(now_ms)
        };
        if let Err(p) = check_signup(&activity, first_name, phone, party, &at) {
            return Ok(Err(p));
        }
        let name = digidak_core::text::clean_name(first_name);
        let phone = phone.and_then(|p| clean_phone(p).ok().flatten());
        // From the block only within a live lease, by the server's clock as this kiosk best
        // knows it (`activities::seats`).
        let from_block = !walk_in && lease.may_confirm(party, server_now(now_ms, skew));
        if from_block {
            tx.execute(
                "UPDATE activities SET block_used = block_used + ?2 WHERE id = ?1",
                params![activity_id, party],
            )
            .map_err(&sqlite)?;
        }
        let id = uuid::Uuid::now_v7().to_string();
        // A code of this kiosk's range, not used here yet (the range keeps it apart from every
        // other kiosk's; the server refuses a taken one all the same).
        let range = super::outbox::code_range_in(&tx).map_err(&sqlite)?;
        let mut code = new_code(range);
        let mut tries = 0;
        while tx
            .query_row("SELECT 1 FROM signups WHERE code = ?1", [&code], |_| Ok(()))
            .optional()
            .map_err(&sqlite)?
            .is_some()
        {
            tries += 1;
            code = new_code(if tries < 10_000 { range } else { 0 });
        }
        let token = digidak_core::codes::phone_token();
        let confirmed = from_block || walk_in;
        let status = if confirmed { "confirmed" } else { "pending" };
        let checked_in = walk_in.then_some(now_ms);
        tx.execute(
            "INSERT INTO signups (id, activity_id, code, first_name, phone, party, from_block,
                                  made_here, status, created_ms, checked_in_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?10)",
            params![
                id,
                activity_id,
                code,
                name,
                phone,
                party,
                from_block,
                status,
                now_ms,
                checked_in
            ],
        )
        .map_err(&sqlite)?;
        let op = SignupCreated {
            id: id.clone(),
            activity_id: activity_id.to_string(),
            code: code.clone(),
            first_name: name.clone(),
            phone: phone.clone(),
            party,
            from_block,
            walk_in,
            token: (!walk_in).then(|| token.clone()),
        };
        if walk_in {
            let at = digidak_protocol::SignupCheckedIn {
                id: id.clone(),
                at_ms: now_ms,
            };
            enqueue(&tx, kinds::SIGNUP_CREATED, &op, now_ms).map_err(&sqlite)?;
            enqueue(&tx, kinds::SIGNUP_CHECKED_IN, &at, now_ms).map_err(&sqlite)?;
        } else {
            enqueue(&tx, kinds::SIGNUP_CREATED, &op, now_ms).map_err(&sqlite)?;
        }
        tx.commit().map_err(&sqlite)?;
        Ok(Ok(SignupView {
            id,
            code,
            first_name: name,
            phone,
            party,
            state: if confirmed {
                SignupState::Confirmed
            } else {
                SignupState::Pending
            },
            activity: Some(activity),
            checked_in_ms: checked_in,
            token: (!walk_in).then_some(token),
            decided: false,
        }))
    }

    /// The sign-up with this code, with its activity. A code shared by several sign-ups
    /// (made before codes were unique) shows none of them: a lookup never mixes residents.
    pub fn signups_by_code(&self, code: &str) -> Result<Vec<SignupView>, StoreError> {
        let list = self.signups_where("s.code = ?1", code)?;
        if list.len() > 1 {
            tracing::warn!(
                count = list.len(),
                "a code is shared by several sign-ups: shown to nobody"
            );
            return Ok(Vec::new());
        }
        Ok(list)
    }

    /// An activity's sign-ups, in arrival order (those not yet sent last).
    pub fn signups_of(&self, activity_id: &str) -> Result<Vec<SignupView>, StoreError> {
        self.signups_where("s.activity_id = ?1", activity_id)
    }

    fn signups_where(&self, filter: &str, value: &str) -> Result<Vec<SignupView>, StoreError> {
        let sql = format!(
            "SELECT s.id, s.code, s.first_name, s.phone, s.party, s.status, a.record,
                    CASE WHEN s.status = 'waitlisted' AND s.seq IS NOT NULL THEN
                      (SELECT COUNT(*) FROM signups w WHERE w.activity_id = s.activity_id
                         AND w.status = 'waitlisted' AND w.seq < s.seq) + 1 END,
                    s.checked_in_ms, s.seq IS NOT NULL
             FROM signups s LEFT JOIN activities a ON a.id = s.activity_id
             WHERE {filter} ORDER BY s.seq IS NULL, s.seq, s.created_ms"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(self.sqlite())?;
        let rows = stmt
            .query_map([value], |r| {
                let status: String = r.get(5)?;
                let position: Option<i64> = r.get(7)?;
                let record: Option<String> = r.get(6)?;
                Ok(SignupView {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    first_name: r.get(2)?,
                    phone: r.get(3)?,
                    party: r.get(4)?,
                    state: match status.as_str() {
                        "confirmed" => SignupState::Confirmed,
                        "waitlisted" => SignupState::Waitlisted(position.map(|p| p as u32)),
                        "cancelled" => SignupState::Cancelled,
                        _ => SignupState::Pending,
                    },
                    activity: record.and_then(|j| serde_json::from_str(&j).ok()),
                    checked_in_ms: r.get(8)?,
                    token: None,
                    decided: r.get(9)?,
                })
            })
            .map_err(self.sqlite())?;
        rows.collect::<Result<_, _>>().map_err(self.sqlite())
    }

    /// Cancels the sign-up with this code if it is not cancelled yet; returns how many (0 or
    /// 1). A code shared by several sign-ups (made before codes were unique) cancels nothing.
    pub fn cancel_signups(&mut self, code: &str, now_ms: i64) -> Result<usize, StoreError> {
        let sqlite = self.sqlite_owned();
        let tx = self.conn.transaction().map_err(&sqlite)?;
        let shared: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM signups WHERE code = ?1",
                [code],
                |r| r.get(0),
            )
            .map_err(&sqlite)?;
        if shared > 1 {
            return Ok(0);
        }
        let ids: Vec<String> = tx
            .prepare("SELECT id FROM signups WHERE code = ?1 AND status != 'cancelled'")
            .and_then(|mut s| {
                s.query_map([code], |r| r.get(0))?
                    .collect::<Result<Vec<String>, _>>()
            })
            .map_err(&sqlite)?;
        for id in &ids {
            tx.execute(
                "UPDATE signups SET status = 'cancelled' WHERE id = ?1",
                [id],
            )
            .map_err(&sqlite)?;
            enqueue(
                &tx,
                kinds::SIGNUP_CANCELLED,
                &SignupCancelled { id: id.clone() },
                now_ms,
            )
            .map_err(&sqlite)?;
        }
        tx.commit().map_err(&sqlite)?;
        Ok(ids.len())
    }

    /// Checks a sign-up in at the door (a volunteer tapped the name). A second tap changes
    /// nothing; another kiosk's check-in of the same person is merged by the server.
    pub fn check_in(&mut self, id: &str, now_ms: i64) -> Result<bool, StoreError> {
        let sqlite = self.sqlite_owned();
        let tx = self.conn.transaction().map_err(&sqlite)?;
        let changed = tx
            .execute(
                "UPDATE signups SET checked_in_ms = ?2
                 WHERE id = ?1 AND checked_in_ms IS NULL AND status != 'cancelled'",
                params![id, now_ms],
            )
            .map_err(&sqlite)?;
        if changed > 0 {
            let op = digidak_protocol::SignupCheckedIn {
                id: id.to_string(),
                at_ms: now_ms,
            };
            enqueue(&tx, kinds::SIGNUP_CHECKED_IN, &op, now_ms).map_err(&sqlite)?;
        }
        tx.commit().map_err(&sqlite)?;
        Ok(changed > 0)
    }

    /// Removes names and phone numbers of sign-ups for activities that ended more than
    /// `days` days before `now_ms`; keeps the rest (counts). Returns how many were cleared.
    pub fn forget_old_signups(&mut self, days: u32, now_ms: i64) -> Result<usize, StoreError> {
        let cutoff = local_now(now_ms - i64::from(days) * 86_400_000);
        let ended: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id, record FROM activities")
                .map_err(self.sqlite())?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(self.sqlite())?;
            rows.filter_map(Result::ok)
                .filter(|(_, json)| {
                    serde_json::from_str::<ActivityRecord>(json)
                        .is_ok_and(|a| a.end.as_str() < cutoff.as_str())
                })
                .map(|(id, _)| id)
                .collect()
        };
        let mut n = 0;
        for id in ended {
            n += self
                .conn
                .execute(
                    "UPDATE signups SET first_name = '', phone = NULL
                     WHERE activity_id = ?1 AND (first_name != '' OR phone IS NOT NULL)",
                    [&id],
                )
                .map_err(self.sqlite())?;
            // The sent operations kept a copy.
            self.conn
                .execute(
                    "UPDATE outbox SET payload = json_set(payload, '$.first_name', '', '$.phone', NULL)
                     WHERE kind = ?2 AND status != 'pending'
                       AND json_extract(payload, '$.activity_id') = ?1",
                    params![id, kinds::SIGNUP_CREATED],
                )
                .map_err(self.sqlite())?;
        }
        if n > 0 {
            self.truncate_wal()?;
        }
        Ok(n)
    }

    /// Saves activities an admin made or changed here: shown at once (also offline), and
    /// queued for the server, which grants seat blocks and tells the other kiosks.
    pub fn save_activities(
        &mut self,
        records: &[ActivityRecord],
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let sqlite = self.sqlite_owned();
        let tx = self.conn.transaction().map_err(&sqlite)?;
        for a in records {
            let json = serde_json::to_string(a).expect("records serialize");
            tx.execute(
                "INSERT INTO activities (id, record, start, free) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET record = ?2, start = ?3",
                params![a.id, json, a.start, a.capacity],
            )
            .map_err(&sqlite)?;
            enqueue(&tx, kinds::ACTIVITY_SAVED, a, now_ms).map_err(&sqlite)?;
        }
        tx.commit().map_err(&sqlite)
    }

    /// Writes an activity's list to `<data>/exports/` as CSV; returns the file's path.
    pub fn export_csv(&self, activity_id: &str) -> Result<std::path::PathBuf, StoreError> {
        let list = self.signups_of(activity_id)?;
        let title = list
            .iter()
            .find_map(|s| s.activity.as_ref())
            .map(|a| format!("{}-{}", &a.start[..10], a.title))
            .unwrap_or_else(|| activity_id.to_string());
        let safe: String = title
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .take(60)
            .collect();
        let dir = self
            .path
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("exports");
        let path = dir.join(format!("{safe}.csv"));
        let mut out = String::from(digidak_core::activities::CSV_HEADER);
        out.push('\n');
        for (i, s) in list.iter().enumerate() {
            let status = match s.state {
                SignupState::Confirmed => "confirmed",
                SignupState::Pending => "pending",
                SignupState::Waitlisted(_) => "waitlisted",
                SignupState::Cancelled => "cancelled",
            };
            out.push_str(&digidak_core::activities::csv_line(
                &(i + 1).to_string(),
                &s.code,
                &s.first_name,
                s.phone.as_deref(),
                s.party,
                status,
                s.checked_in_ms,
            ));
            out.push('\n');
        }
        let io = |source| StoreError::Export {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        std::fs::write(&path, out).map_err(io)?;
        Ok(path)
    }
}
