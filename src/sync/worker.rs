//! The kiosk's sync worker: a thread with its own connection to the kiosk's SQLite file.
//!
//! - Pushes the outbox in pages (index order); the server's answer per op marks it sent or
//!   dead (dead letters never block the rest).
//! - Pulls changes after its cursor and applies each page with the new cursor in one
//!   transaction.
//! - Runs right after each local write (a nudge), every few seconds, and with exponential
//!   backoff plus jitter while the network or the server is down.
//! - Checks the server's status after every (re)connect: a server that forgot operations it had
//!   acknowledged, or changes this kiosk has applied, raises an alarm and sync stops, instead
//!   of silently diverging.
//!
//! The UI reads a [`SyncStatus`] snapshot; nothing here ever runs on the UI thread.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::client::{SyncClient, SyncError};
use crate::store::{DeadLetter, Pairing, Store};
use digidak_core::clock::Clock;
use digidak_protocol::{Heartbeat, MAX_PULL_CHANGES, MAX_PUSH_OPS, PushRequest};

/// The file in the data folder that holds the kiosk's token (mode 0600, never in kiosk.toml).
pub const TOKEN_FILE: &str = "server-token";
/// How often to look for changes when all is well.
pub const POLL_INTERVAL: Duration = Duration::from_secs(3);
/// How often to send a heartbeat when there is nothing to push.
pub const HEARTBEAT_INTERVAL: Duration = Duration::from_secs(30);
/// How often the status is checked again while all goes well (after a reconnect it is checked
/// at once): a server restarted between two polls, e.g. updated, says what it recommends now.
pub const STATUS_INTERVAL: Duration = Duration::from_secs(600);
/// Backoff bounds while offline.
pub const BACKOFF_MIN: Duration = Duration::from_secs(1);
pub const BACKOFF_MAX: Duration = Duration::from_secs(60);

pub enum SyncCommand {
    /// Something was written locally: sync soon.
    Nudge,
    /// Ask the server where a resume code (made at any kiosk) continues. The answer goes to
    /// `reply`, from a short-lived thread, so sync itself never waits for it.
    LookupResume {
        code: String,
        reply: Sender<RemoteResume>,
    },
    /// Pair with a server using a one-time code.
    Pair {
        url: String,
        code: String,
    },
    Shutdown,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SyncState {
    /// No server yet: the kiosk works on its own.
    #[default]
    NotPaired,
    Online,
    /// The server cannot be reached (or had a problem); retrying.
    Offline,
    /// The server refused this kiosk's token: it must be paired again.
    Revoked,
    /// The server has less than this kiosk knows it had: sync is stopped.
    ServerBehind,
}

/// The server's answer about a resume code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteResume {
    Found(digidak_protocol::ResumeResponse),
    /// The server does not know it (or it expired).
    NotFound,
    /// Not paired, offline, or the server had a problem.
    Unavailable,
}

/// Why pairing did not work, so admin mode can say what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairError {
    /// The server does not know the code, or it was used or expired.
    WrongCode(String),
    /// No answer from that address.
    Unreachable(String),
    /// What was typed is not a web address.
    BadAddress(String),
    /// Anything else (a full disk, a server problem...), with the details.
    Other(String),
}

impl std::fmt::Display for PairError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PairError::WrongCode(m)
            | PairError::Unreachable(m)
            | PairError::BadAddress(m)
            | PairError::Other(m) => f.write_str(m),
        }
    }
}

impl From<SyncError> for PairError {
    fn from(e: SyncError) -> Self {
        let message = e.to_string();
        match e {
            SyncError::Unauthorized(_) => PairError::WrongCode(message),
            SyncError::Network(_) => PairError::Unreachable(message),
            SyncError::BadUrl(_) => PairError::BadAddress(message),
            _ => PairError::Other(message),
        }
    }
}

/// What admin mode shows about sync.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncStatus {
    pub state: SyncState,
    pub pairing: Option<Pairing>,
    pub pending: u64,
    pub dead: u64,
    pub dead_letters: Vec<DeadLetter>,
    pub last_success_ms: Option<i64>,
    pub last_error: Option<String>,
    /// Set when the server is behind this kiosk.
    pub alarm: Option<String>,
    /// The answer to the last pairing attempt: Ok(name) or Err(message).
    pub pair_result: Option<Result<String, PairError>>,
    /// A pairing attempt is under way.
    pub pairing_busy: bool,
    /// How many pairing attempts have been answered (to tell a new answer from an old one).
    pub pair_answers: u64,
    /// Kiosk clock minus server clock, measured (logged, never used for ordering).
    pub skew_ms: Option<i64>,
    /// Changes of kinds this release does not know (from a newer server), kept until an
    /// update applies them: (kind, count). Shown in admin mode.
    pub kept_changes: Vec<(String, u64)>,
    /// The kiosk release the server recommends (from its last status answer).
    pub recommended_version: Option<String>,
}

/// The UI's end of the sync worker.
pub struct SyncHandle {
    tx: Sender<SyncCommand>,
    status: Arc<Mutex<SyncStatus>>,
    thread: Option<JoinHandle<()>>,
}

/// What the worker needs from the kiosk.
pub struct SyncContext {
    pub data_dir: PathBuf,
    pub clock: Arc<dyn Clock>,
    /// When the UI last painted a frame (Unix ms), for the heartbeat.
    pub last_frame_ms: Arc<AtomicI64>,
    /// Called after pulled changes were written: the UI reloads what it shows.
    pub on_data: Arc<dyn Fn() + Send + Sync>,
    /// Called after the status changed in a way the UI should show at once.
    pub on_status: Arc<dyn Fn() + Send + Sync>,
}

impl SyncHandle {
    /// Starts the worker on `rx`; `tx` is the matching sender (others may hold clones of it to
    /// nudge, e.g. the store worker after each write).
    pub fn spawn(ctx: SyncContext, tx: Sender<SyncCommand>, rx: Receiver<SyncCommand>) -> Self {
        let status = Arc::new(Mutex::new(SyncStatus::default()));
        let shared = status.clone();
        let thread = std::thread::Builder::new()
            .name("digidak-sync".into())
            .spawn(move || Worker::new(ctx, shared).run(rx))
            .expect("spawning the sync thread");
        Self {
            tx,
            status,
            thread: Some(thread),
        }
    }

    pub fn nudge(&self) {
        let _ = self.tx.send(SyncCommand::Nudge);
    }

    pub fn pair(&self, url: String, code: String) {
        let _ = self.tx.send(SyncCommand::Pair { url, code });
    }

    /// Asks the server about a resume code; the answer arrives on `reply`.
    pub fn lookup_resume(&self, code: String, reply: Sender<RemoteResume>) {
        if let Err(e) = self.tx.send(SyncCommand::LookupResume { code, reply }) {
            let SyncCommand::LookupResume { reply, .. } = e.0 else {
                return;
            };
            let _ = reply.send(RemoteResume::Unavailable);
        }
    }

    /// A copy of the current status (the lock is held only to copy).
    pub fn status(&self) -> SyncStatus {
        self.status
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

impl Drop for SyncHandle {
    fn drop(&mut self) {
        let _ = self.tx.send(SyncCommand::Shutdown);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Exponential backoff with full jitter.
struct Backoff {
    failures: u32,
}

impl Backoff {
    fn next(&mut self) -> Duration {
        self.failures = self.failures.saturating_add(1);
        let ceiling = BACKOFF_MIN
            .saturating_mul(1u32 << self.failures.min(10))
            .min(BACKOFF_MAX);
        // Full jitter: anywhere in [ceiling/2, ceiling], so a room of kiosks does not retry in step.
        let half = ceiling / 2;
        half + half.mul_f64(jitter())
    }
}

fn jitter() -> f64 {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    f64::from(OsRng.next_u32()) / f64::from(u32::MAX)
}

enum Failure {
    Sync(SyncError),
    Store(crate::store::StoreError),
    Behind(String),
}

impl From<SyncError> for Failure {
    fn from(e: SyncError) -> Self {
        Failure::Sync(e)
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        Failure::Store(e)
    }
}

struct Session {
    client: SyncClient,
    token: String,
}

struct Worker {
    ctx: SyncContext,
    shared: Arc<Mutex<SyncStatus>>,
    status: SyncStatus,
    session: Option<Session>,
    backoff: Backoff,
    checked: bool,
    /// When the status was last checked.
    checked_at: Option<Instant>,
    last_push: Option<Instant>,
    /// The partners' logos should be looked at (at start, after pulled changes, and a while
    /// after one failed).
    logos_due: bool,
    /// Logos that failed, and when: tried again after [`LOGO_RETRY`].
    logos_failed: std::collections::BTreeSet<String>,
    logos_failed_at: Option<Instant>,
}

/// How long a logo that could not be fetched waits before it is tried again.
pub const LOGO_RETRY: Duration = Duration::from_secs(60);

/// Reads the token file, if any.
fn read_token(data_dir: &Path) -> Option<String> {
    std::fs::read_to_string(data_dir.join(TOKEN_FILE))
        .ok()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Writes the token file with mode 0600, durably, before the pairing is recorded.
/// Pairs the kiosk whose data folder is `data_dir` (and whose store is `store`) with the server
/// at `url` using a one-time `code`: the token goes to the data folder, the pairing record and
/// code range to the store. Returns the kiosk's name on the server. The sync worker's `Pair`
/// command and `digidak pair` both use it.
pub fn pair_store(
    data_dir: &Path,
    store: &mut Store,
    url: &str,
    code: &str,
) -> Result<String, PairError> {
    let other = |e: &dyn std::fmt::Display| PairError::Other(e.to_string());
    let client = SyncClient::new(url)?;
    let first = store.first_unsent_index().map_err(|e| other(&e))?;
    let resp = client.pair(code, first)?;
    write_token(data_dir, &resp.token)
        .map_err(|e| PairError::Other(format!("cannot save the token in the data folder: {e}")))?;
    store
        .set_pairing(&Pairing {
            server_url: client.base_url().to_string(),
            kiosk_id: resp.kiosk_id,
            name: resp.name.clone(),
            site: resp.site,
        })
        .map_err(|e| other(&e))?;
    if let Some(range) = resp.code_range {
        store.set_code_range(range).map_err(|e| other(&e))?;
    }
    Ok(resp.name)
}

fn write_token(data_dir: &Path, token: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let tmp = data_dir.join(format!("{TOKEN_FILE}.tmp"));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    f.write_all(token.as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&tmp, data_dir.join(TOKEN_FILE))?;
    if let Ok(dir) = std::fs::File::open(data_dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

impl Worker {
    fn new(ctx: SyncContext, shared: Arc<Mutex<SyncStatus>>) -> Self {
        Self {
            ctx,
            shared,
            status: SyncStatus::default(),
            session: None,
            backoff: Backoff { failures: 0 },
            checked: false,
            checked_at: None,
            last_push: None,
            logos_due: true,
            logos_failed: Default::default(),
            logos_failed_at: None,
        }
    }

    fn publish(&mut self, store: Option<&Store>, notify: bool) {
        if let Some(store) = store {
            if let Ok(c) = store.outbox_counts() {
                self.status.pending = c.pending;
                self.status.dead = c.dead;
            }
            if let Ok(d) = store.dead_letters(20) {
                self.status.dead_letters = d;
            }
            if let Ok(k) = store.kept_changes() {
                self.status.kept_changes = k;
            }
        }
        let changed = {
            let mut shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
            let changed = shared.state != self.status.state
                || shared.pending != self.status.pending
                || shared.dead != self.status.dead
                || shared.alarm != self.status.alarm
                || shared.kept_changes != self.status.kept_changes
                || shared.pair_result != self.status.pair_result
                || shared.pairing_busy != self.status.pairing_busy
                || shared.pairing != self.status.pairing;
            *shared = self.status.clone();
            changed
        };
        // Timestamps alone do not wake an idle screen.
        if changed || notify {
            (self.ctx.on_status)();
        }
    }

    fn run(mut self, rx: Receiver<SyncCommand>) {
        let mut store = match Store::open_in(&self.ctx.data_dir) {
            Ok(mut s) => {
                s.set_clock(self.ctx.clock.clone());
                s
            }
            Err(e) => {
                tracing::error!(error = %e, "sync cannot open the store");
                self.status.last_error = Some(e.to_string());
                self.publish(None, true);
                for cmd in rx {
                    if matches!(cmd, SyncCommand::Shutdown) {
                        break;
                    }
                }
                return;
            }
        };
        self.load_session(&store);
        self.publish(Some(&store), true);
        let mut next_at = Instant::now();
        loop {
            let wait = next_at.saturating_duration_since(Instant::now());
            match rx.recv_timeout(wait) {
                Ok(SyncCommand::Nudge) => {
                    // While backing off, a local write waits for the next try like everything else.
                    if self.backoff.failures == 0 {
                        next_at = Instant::now();
                    }
                }
                Ok(SyncCommand::LookupResume { code, reply }) => {
                    self.lookup_resume(code, reply);
                    continue;
                }
                Ok(SyncCommand::Pair { url, code }) => {
                    self.status.pairing_busy = true;
                    self.status.pair_result = None;
                    self.publish(Some(&store), true);
                    self.pair(&mut store, &url, &code);
                    self.status.pairing_busy = false;
                    self.status.pair_answers += 1;
                    self.publish(Some(&store), true);
                    next_at = Instant::now();
                }
                Ok(SyncCommand::Shutdown) | Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {}
            }
            if Instant::now() < next_at {
                continue;
            }
            if self.session.is_none() {
                self.status.state = SyncState::NotPaired;
                self.publish(Some(&store), false);
                next_at = Instant::now() + Duration::from_secs(3600);
                continue;
            }
            let delay = match self.sync_once(&mut store) {
                Ok(more) => {
                    self.backoff.failures = 0;
                    self.status.state = SyncState::Online;
                    self.status.last_error = None;
                    self.status.last_success_ms = Some(self.ctx.clock.unix_ms());
                    if more { Duration::ZERO } else { POLL_INTERVAL }
                }
                Err(failure) => self.on_failure(failure),
            };
            self.publish(Some(&store), false);
            next_at = Instant::now() + delay;
        }
        tracing::debug!("sync worker stopped");
    }

    fn on_failure(&mut self, failure: Failure) -> Duration {
        self.checked = false;
        match failure {
            Failure::Sync(SyncError::Unauthorized(message)) => {
                tracing::warn!(%message, "server refused this kiosk's token");
                self.status.state = SyncState::Revoked;
                self.status.last_error = Some(message);
                Duration::from_secs(60)
            }
            Failure::Behind(message) => {
                tracing::error!(%message, "the server is behind this kiosk: sync stopped");
                self.status.state = SyncState::ServerBehind;
                self.status.alarm = Some(message.clone());
                self.status.last_error = Some(message);
                Duration::from_secs(60)
            }
            Failure::Sync(e) => {
                let delay = self.backoff.next();
                if e.is_retryable() {
                    tracing::info!(error = %e, retry_in = ?delay, "sync failed, will retry");
                } else {
                    tracing::error!(error = %e, retry_in = ?delay, "server refused a sync request");
                }
                self.status.state = SyncState::Offline;
                self.status.last_error = Some(e.to_string());
                delay
            }
            Failure::Store(e) => {
                tracing::error!(error = %e, "sync could not use the local store");
                self.status.last_error = Some(e.to_string());
                self.backoff.next()
            }
        }
    }

    fn load_session(&mut self, store: &Store) {
        self.status.pairing = store.pairing().ok().flatten();
        self.session = match (&self.status.pairing, read_token(&self.ctx.data_dir)) {
            (Some(p), Some(token)) => match SyncClient::new(&p.server_url) {
                Ok(client) => Some(Session { client, token }),
                Err(e) => {
                    self.status.last_error = Some(e.to_string());
                    None
                }
            },
            _ => None,
        };
        self.status.state = if self.session.is_some() {
            SyncState::Offline
        } else {
            SyncState::NotPaired
        };
    }

    fn lookup_resume(&self, code: String, reply: Sender<RemoteResume>) {
        let Some(session) = &self.session else {
            let _ = reply.send(RemoteResume::Unavailable);
            (self.ctx.on_status)();
            return;
        };
        let client = session.client.clone();
        let token = session.token.clone();
        let wake = self.ctx.on_status.clone();
        let spawned = std::thread::Builder::new()
            .name("digidak-resume".into())
            .spawn(move || {
                let answer = match client.resume(&token, &code) {
                    Ok(r) => RemoteResume::Found(r),
                    Err(SyncError::Refused { status: 404, .. }) => RemoteResume::NotFound,
                    Err(e) => {
                        tracing::warn!(error = %e, "resume code lookup failed");
                        RemoteResume::Unavailable
                    }
                };
                let _ = reply.send(answer);
                wake();
            });
        if spawned.is_err() {
            tracing::error!("could not start the resume lookup");
        }
    }

    fn pair(&mut self, store: &mut Store, url: &str, code: &str) {
        let result = pair_store(&self.ctx.data_dir, store, url, code);
        match &result {
            Ok(name) => {
                tracing::info!(kiosk = %name, "paired with the server");
                self.status.alarm = None;
                self.checked = false;
                self.backoff.failures = 0;
                self.load_session(store);
            }
            Err(e) => tracing::warn!(error = %e, "pairing failed"),
        }
        self.status.pair_result = Some(result);
    }

    /// One round: status check (after a reconnect), push, pull. `Ok(true)` when more work waits.
    fn sync_once(&mut self, store: &mut Store) -> Result<bool, Failure> {
        // (The caller checks that the kiosk is paired; without a session there is nothing to do.)
        let Some(session) = self.session.as_ref() else {
            return Ok(false);
        };
        let stale = self
            .checked_at
            .is_none_or(|t| t.elapsed() >= STATUS_INTERVAL);
        if !self.checked || stale {
            let status = session.client.status(&session.token)?;
            let acked = store.acked_index()?;
            if status.next_index <= acked {
                return Err(Failure::Behind(format!(
                    "the server expects operation {} but had already accepted up to {acked}: it may \
                     have been restored from an old backup",
                    status.next_index
                )));
            }
            let cursor = store.cursor()?;
            if status.last_seq < cursor {
                return Err(Failure::Behind(format!(
                    "the server's newest change is {} but this kiosk already applied up to {cursor}: \
                     it may have been restored from an old backup",
                    status.last_seq
                )));
            }
            self.status.recommended_version = status.recommended_version.clone();
            // A kiosk paired before code ranges existed gets its range here.
            if let Some(range) = status.code_range
                && store.code_range()? != range
            {
                store.set_code_range(range)?;
            }
            self.checked = true;
            self.checked_at = Some(Instant::now());
        }
        let more_to_push = self.push(store)?;
        let more_to_pull = self.pull(store)?;
        if !more_to_pull {
            self.logos(store);
        }
        Ok(more_to_push || more_to_pull)
    }

    /// Fetches the partners' logos this kiosk does not have yet and removes those no partner
    /// names any more (`super::logos`). Never fails the round: a logo that cannot be fetched
    /// is logged and tried again after [`LOGO_RETRY`].
    fn logos(&mut self, store: &Store) {
        if self
            .logos_failed_at
            .is_some_and(|t| t.elapsed() >= LOGO_RETRY)
        {
            self.logos_failed.clear();
            self.logos_failed_at = None;
            self.logos_due = true;
        }
        let Some(session) = self.session.as_ref() else {
            return;
        };
        if !self.logos_due {
            return;
        }
        let wanted = match store.partners() {
            Ok(list) => list
                .into_iter()
                .filter(|p| !p.logo.is_empty())
                .map(|p| p.logo)
                .collect(),
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the partners for their logos");
                return;
            }
        };
        self.logos_due = false;
        let skip = self.logos_failed.clone();
        let round = super::logos::sync_logos(
            &session.client,
            &self.ctx.data_dir,
            &wanted,
            &skip,
            &mut self.logos_failed,
        );
        if round.failed > 0 && self.logos_failed_at.is_none() {
            self.logos_failed_at = Some(Instant::now());
        }
        if round.fetched > 0 || round.removed > 0 {
            tracing::debug!(
                fetched = round.fetched,
                removed = round.removed,
                "partner logos"
            );
            (self.ctx.on_data)();
        }
    }

    fn push(&mut self, store: &mut Store) -> Result<bool, Failure> {
        // (The caller checks that the kiosk is paired; without a session there is nothing to do.)
        let Some(session) = self.session.as_ref() else {
            return Ok(false);
        };
        let ops = store.pending_ops(MAX_PUSH_OPS)?;
        let heartbeat_due = self
            .last_push
            .is_none_or(|t| t.elapsed() >= HEARTBEAT_INTERVAL);
        if ops.is_empty() && !heartbeat_due {
            return Ok(false);
        }
        let counts = store.outbox_counts()?;
        let frame = self.ctx.last_frame_ms.load(Ordering::Relaxed);
        let request = PushRequest {
            protocol: session.client.protocol(),
            heartbeat: Heartbeat {
                app_version: env!("CARGO_PKG_VERSION").to_string(),
                outbox_len: counts.pending,
                dead_letters: counts.dead,
                last_success_ms: self.status.last_success_ms,
                last_frame_ms: (frame > 0).then_some(frame),
                kiosk_time_ms: self.ctx.clock.unix_ms(),
            },
            ops,
        };
        let sent_at = self.ctx.clock.unix_ms();
        let resp = session.client.push(&session.token, &request)?;
        self.last_push = Some(Instant::now());
        let skew = sent_at - resp.server_time_ms;
        if skew.abs() > 60_000
            && self
                .status
                .skew_ms
                .is_none_or(|s| (s - skew).abs() > 60_000)
        {
            tracing::warn!(
                skew_ms = skew,
                "this kiosk's clock differs from the server's"
            );
        }
        self.status.skew_ms = Some(skew);
        // Seat leases end by the server's clock: the store corrects its own by this.
        store.set_skew_ms(skew)?;
        // A kiosk paired before code ranges existed takes its range from the answer.
        if let Some(range) = resp.code_range
            && store.code_range()? != range
        {
            store.set_code_range(range)?;
        }
        store.apply_push_results(&resp.results, self.ctx.clock.unix_ms())?;
        for r in &resp.results {
            if let digidak_protocol::OpStatus::Rejected { reason } = &r.status {
                tracing::warn!(index = r.index, %reason, "the server rejected an operation: dead letter");
            }
        }
        if let Some(first) = request.ops.first()
            && resp.results.is_empty()
        {
            // The server took nothing: it expects an index this kiosk cannot give.
            return Err(Failure::Behind(format!(
                "the server expects operation {} but this kiosk's next is {}",
                resp.next_index, first.index
            )));
        }
        Ok(request.ops.len() == MAX_PUSH_OPS)
    }

    fn pull(&mut self, store: &mut Store) -> Result<bool, Failure> {
        // (The caller checks that the kiosk is paired; without a session there is nothing to do.)
        let Some(session) = self.session.as_ref() else {
            return Ok(false);
        };
        let mut changed = false;
        // A bounded number of pages per round, so a huge backlog does not starve the pushes.
        for _ in 0..20 {
            let after = store.cursor()?;
            let page = session
                .client
                .pull(&session.token, after, MAX_PULL_CHANGES)?;
            if page.last_seq < after {
                return Err(Failure::Behind(format!(
                    "the server's newest change is {} but this kiosk already applied up to {after}",
                    page.last_seq
                )));
            }
            let cursor = page.changes.last().map_or(after, |c| c.seq);
            if page.changes.iter().any(|c| c.seq <= after) {
                return Err(Failure::Sync(SyncError::BadResponse(
                    "the server sent changes out of order".into(),
                )));
            }
            if store.apply_changes(&page.changes, cursor)? > 0 {
                changed = true;
                self.logos_due = true;
            }
            if !page.more {
                if changed {
                    (self.ctx.on_data)();
                }
                // Applying may have queued an op (a recalled seat block given back): push it
                // now rather than at the next tick, so the seats reach whoever waits.
                return Ok(changed && store.outbox_counts()?.pending > 0);
            }
        }
        if changed {
            (self.ctx.on_data)();
        }
        Ok(true)
    }
}
