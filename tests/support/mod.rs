//! Shared helpers for the sync tests: a real server on 127.0.0.1 (in this process, or as a
//! child process that can be killed), real kiosk stores on temp folders with their real sync
//! worker, and a way to read the server's database file to count what arrived.
#![allow(dead_code)]

pub mod admin;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use digidak::store::Store;
use digidak::sync::worker::{SyncContext, SyncHandle, SyncState, SyncStatus};
use digidak_core::clock::SystemClock;
use digidak_server::sqlite::SqliteServerStore;

/// Waits until `check` holds, polling every 20 ms; panics with `what` after `timeout`.
pub fn wait_until(timeout: Duration, what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(
            start.elapsed() < timeout,
            "timed out after {timeout:?}: {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The server running inside the test process on its own tokio runtime thread.
pub struct InProcessServer {
    pub addr: SocketAddr,
    pub store: Arc<dyn digidak_server::ServerStore>,
    pub db: PathBuf,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl InProcessServer {
    pub fn start(db: &Path) -> Self {
        Self::start_at(db, "127.0.0.1:0".parse().unwrap())
    }

    /// Starts on a given address (e.g. the one a stopped server had).
    pub fn start_at(db: &Path, addr: SocketAddr) -> Self {
        Self::start_with(db, addr, |state| state)
    }

    /// Starts with a state changed by `configure` (another clock, idle time).
    pub fn start_with(
        db: &Path,
        addr: SocketAddr,
        configure: impl FnOnce(digidak_server::http::AppState) -> digidak_server::http::AppState
        + Send
        + 'static,
    ) -> Self {
        Self::serve(open_server_store(db), db, addr, configure)
    }

    /// Serves `store` (any backend: several may serve one PostgreSQL database).
    pub fn start_store(store: Arc<dyn digidak_server::ServerStore>, label: &Path) -> Self {
        Self::serve(store, label, "127.0.0.1:0".parse().unwrap(), |state| state)
    }

    fn serve(
        store: Arc<dyn digidak_server::ServerStore>,
        db: &Path,
        addr: SocketAddr,
        configure: impl FnOnce(digidak_server::http::AppState) -> digidak_server::http::AppState
        + Send
        + 'static,
    ) -> Self {
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (addr_tx, addr_rx) = mpsc::channel();
        let served = store.clone();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                let state = configure(digidak_server::http::AppState::new(served, None));
                digidak_server::http::serve_with(listener, state, async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
            });
        });
        Self {
            addr: addr_rx.recv().unwrap(),
            store,
            db: db.to_path_buf(),
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn add_kiosk(&self, name: &str, site: &str) -> String {
        self.store.add_kiosk(name, site, now_ms()).unwrap()
    }
}

impl Drop for InProcessServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A push request with a test heartbeat.
pub fn page(ops: Vec<digidak_protocol::Op>) -> digidak_protocol::PushRequest {
    digidak_protocol::PushRequest {
        protocol: digidak_protocol::PROTOCOL_VERSION,
        heartbeat: digidak_protocol::Heartbeat {
            app_version: "test".into(),
            kiosk_time_ms: now_ms(),
            ..Default::default()
        },
        ops,
    }
}

/// A paired client straight on the protocol: (client, token).
pub fn paired_client(
    server: &InProcessServer,
    name: &str,
    site: &str,
) -> (digidak::sync::client::SyncClient, String) {
    let code = server.add_kiosk(name, site);
    let client = digidak::sync::client::SyncClient::new(&server.url()).unwrap();
    let resp = client.pair(&code, 1).unwrap();
    assert_eq!(resp.name, name);
    assert_eq!(resp.site, site);
    (client, resp.token)
}

pub fn now_ms() -> i64 {
    use digidak_core::clock::Clock;
    SystemClock.unix_ms()
}

/// The `digidak-server` binary cargo built for the server crate's tests (only those: a
/// package's tests get only its own binaries).
pub fn server_bin() -> &'static str {
    match option_env!("CARGO_BIN_EXE_digidak-server") {
        Some(bin) => bin,
        None => panic!("the server binary is there for crates/digidak-server/tests only"),
    }
}

/// Whether the server's tests run on PostgreSQL this time: `TEST_SERVER_BACKEND=postgres`
/// (`scripts/test` runs the server's tests once on each backend).
pub fn on_postgres() -> bool {
    std::env::var("TEST_SERVER_BACKEND").is_ok_and(|b| b == "postgres")
}

/// The database a test's server uses for `path`: the SQLite file itself, or on PostgreSQL a
/// database of its own on the test cluster (`TEST_POSTGRES_URL`), the same one each time for
/// the same path (a test that restarts its server finds its data). A `postgres://` address
/// is used as it is.
pub fn server_db(path: &Path) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    let text = path.display().to_string();
    if !on_postgres() || digidak_server::postgres::is_postgres_url(&text) {
        return text;
    }
    static DATABASES: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let mut known = DATABASES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(url) = known.get(&text) {
        return url.clone();
    }
    let cluster = std::env::var("TEST_POSTGRES_URL")
        .expect("TEST_SERVER_BACKEND=postgres needs TEST_POSTGRES_URL (scripts/test sets both)");
    let name = format!(
        "t_{}_{}",
        std::process::id(),
        &digidak_server::hash_secret(&text)[..16]
    );
    let url = digidak_server::postgres::create_database(&cluster, &name).unwrap();
    known.insert(text, url.clone());
    url
}

/// The server store of a test for `db` on this pass's backend (see [`server_db`]).
pub fn open_server_store(db: &Path) -> Arc<dyn digidak_server::ServerStore> {
    if on_postgres() {
        let url = server_db(db);
        Arc::new(digidak_server::postgres::PgServerStore::open(&url).unwrap())
    } else {
        Arc::new(SqliteServerStore::open(db).unwrap())
    }
}

/// The rows of a query on the server's database (SQLite or PostgreSQL), each value
/// as text: integers in decimal, flags as `0`/`1`, NULL as `None`.
pub fn server_rows(db: &Path, sql: &str) -> Vec<Vec<Option<String>>> {
    if on_postgres() {
        let rows = digidak_server::postgres::query_text(&server_db(db), sql).unwrap();
        return rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|v| {
                        v.map(|t| match t.as_str() {
                            "t" => "1".to_string(),
                            "f" => "0".to_string(),
                            _ => t,
                        })
                    })
                    .collect()
            })
            .collect();
    }
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => None,
                rusqlite::types::ValueRef::Integer(v) => Some(v.to_string()),
                rusqlite::types::ValueRef::Real(v) => Some(v.to_string()),
                rusqlite::types::ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                rusqlite::types::ValueRef::Blob(_) => Some("BLOB".to_string()),
            })
            .collect())
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Everything the server's database holds, as bytes to search for what must not be there:
/// on SQLite its file and its WAL; on PostgreSQL every row of every table as text (what a
/// dump would hold).
pub fn server_contents(db: &Path) -> Vec<Vec<u8>> {
    if !on_postgres() {
        return ["", "-wal"]
            .iter()
            .filter_map(|ext| std::fs::read(format!("{}{ext}", db.display())).ok())
            .collect();
    }
    let tables = server_rows(
        db,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    tables
        .into_iter()
        .filter_map(|t| t[0].clone())
        .map(|table| {
            let rows = server_rows(db, &format!("SELECT t::text FROM {table} t"));
            rows.into_iter()
                .filter_map(|r| r[0].clone())
                .collect::<Vec<_>>()
                .join("\n")
                .into_bytes()
        })
        .collect()
}

/// On PostgreSQL (`TEST_SERVER_BACKEND=postgres`) says that a test is about SQLite itself
/// (its file, its backup API, its migrations, or the previous release, which has only SQLite)
/// and returns true: the test then returns at once. It ran in the SQLite pass.
pub fn sqlite_only(why: &str) -> bool {
    if on_postgres() {
        eprintln!("SKIPPED on PostgreSQL: {why}");
    }
    on_postgres()
}

/// True in the PostgreSQL pass of the server's tests: tests that already run on every
/// backend themselves (the conformance suite, the several-instances tests) run once, in the
/// first pass.
pub fn once_per_run() -> bool {
    on_postgres()
}

/// `text` as an SQL string literal.
pub fn sql_text(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Runs a `digidak-server` admin command on `db` and returns its stdout.
pub fn server_cli(db: &Path, args: &[&str]) -> String {
    let out = Command::new(server_bin())
        .arg("--db")
        .arg(server_db(db))
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "digidak-server {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `digidak-server` as a child process, so a test can SIGKILL it.
pub struct ChildServer {
    pub child: Child,
    pub addr: SocketAddr,
}

impl ChildServer {
    /// Starts on `listen` (`127.0.0.1:0` picks a port) and waits for "listening on".
    pub fn start(db: &Path, listen: &str) -> Self {
        let db = server_db(db);
        Self::start_bin(Path::new(server_bin()), Path::new(&db), listen)
    }

    /// The same with another build of the server (the previous release's).
    pub fn start_bin(bin: &Path, db: &Path, listen: &str) -> Self {
        let mut child = Command::new(bin)
            .args(["serve", "--listen", listen, "--db"])
            .arg(db)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .parse()
            .unwrap();
        Self { child, addr }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A `digidak-server` child process on `dir/server.sqlite3`, and a headless kiosk in
/// `dir/kiosk` paired to it as "PC 1" of site "noord" (through the admin CLI).
pub struct ChildSetup {
    pub db: PathBuf,
    pub server: ChildServer,
    pub kiosk_dir: PathBuf,
    pub kiosk: SyncedKiosk,
}

pub fn child_server_and_kiosk(dir: &Path) -> ChildSetup {
    let db = dir.join("server.sqlite3");
    let code = server_cli(&db, &["kiosk", "add", "PC 1", "--site", "noord"]);
    let server = ChildServer::start(&db, "127.0.0.1:0");
    let kiosk_dir = dir.join("kiosk");
    let kiosk = SyncedKiosk::start(&kiosk_dir);
    kiosk.pair(&server.url(), code.trim()).unwrap();
    ChildSetup {
        db,
        server,
        kiosk_dir,
        kiosk,
    }
}

/// A kiosk without a screen: its real store and its real sync worker on a data folder.
pub struct SyncedKiosk {
    pub dir: PathBuf,
    pub store: Store,
    pub sync: SyncHandle,
}

impl SyncedKiosk {
    pub fn start(dir: &Path) -> Self {
        let store = Store::open_in(dir).unwrap();
        let (tx, rx) = mpsc::channel();
        let sync = SyncHandle::spawn(
            SyncContext {
                data_dir: dir.to_path_buf(),
                clock: Arc::new(SystemClock),
                last_frame_ms: Arc::new(AtomicI64::new(0)),
                on_data: Arc::new(|| {}),
                on_status: Arc::new(|| {}),
            },
            tx,
            rx,
        );
        Self {
            dir: dir.to_path_buf(),
            store,
            sync,
        }
    }

    /// Pairs with `url` using `code` and waits for the answer.
    pub fn pair(&self, url: &str, code: &str) -> Result<String, String> {
        let answered = self.sync.status().pair_answers;
        self.sync.pair(url.to_string(), code.to_string());
        let mut result = None;
        wait_until(Duration::from_secs(20), "pairing answer", || {
            let s = self.sync.status();
            result = s.pair_result;
            s.pair_answers > answered
        });
        result.unwrap().map_err(|e| e.to_string())
    }

    pub fn status(&self) -> SyncStatus {
        self.sync.status()
    }

    /// Waits until the outbox is empty and sync is online.
    pub fn wait_synced(&self, timeout: Duration) {
        self.sync.nudge();
        let start = Instant::now();
        loop {
            let s = self.sync.status();
            if s.state == SyncState::Online
                && self.store.outbox_counts().unwrap().pending == 0
                && s.pending == 0
            {
                return;
            }
            assert!(
                start.elapsed() < timeout,
                "outbox not pushed after {timeout:?}: {s:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Every op the kiosk in `dir` ever wrote: (index, id, kind, status).
pub fn kiosk_outbox(dir: &Path) -> Vec<(i64, String, String, String)> {
    let conn = rusqlite::Connection::open(dir.join(digidak::store::DB_FILE)).unwrap();
    let mut stmt = conn
        .prepare("SELECT idx, id, kind, status FROM outbox ORDER BY idx")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// What the server's database holds for one kiosk: (index, id, kind, rejected?) in order.
pub fn server_ops(db: &Path, kiosk_name: &str) -> Vec<(i64, String, String, bool)> {
    server_rows(
        db,
        &format!(
            "SELECT o.idx, o.id, o.kind, CASE WHEN o.rejected IS NULL THEN 0 ELSE 1 END FROM ops o
             JOIN kiosks k ON k.id = o.kiosk_id WHERE k.name = {} ORDER BY o.idx",
            sql_text(kiosk_name)
        ),
    )
    .into_iter()
    .map(|r| {
        let text = |i: usize| r[i].clone().unwrap_or_default();
        (text(0).parse().unwrap(), text(1), text(2), text(3) == "1")
    })
    .collect()
}

/// Help request ids the server holds for a site.
pub fn server_help_ids(db: &Path, site: &str) -> Vec<String> {
    server_rows(
        db,
        &format!(
            "SELECT id FROM help_requests WHERE site = {} ORDER BY id",
            sql_text(site)
        ),
    )
    .into_iter()
    .map(|r| r[0].clone().unwrap_or_default())
    .collect()
}

/// The sum of the server's usage counts for a site.
pub fn server_usage_total(db: &Path, site: &str) -> i64 {
    let rows = server_rows(
        db,
        &format!(
            "SELECT COALESCE(SUM(count), 0) FROM usage_counts WHERE site = {}",
            sql_text(site)
        ),
    );
    rows[0][0].as_deref().unwrap_or("0").parse().unwrap()
}

/// The exactly-once check: the server holds every op the kiosk wrote, once, in the kiosk's
/// order, with each effect applied once (help requests by id, usage visits by count).
pub fn assert_exactly_once(kiosk_dir: &Path, server_db: &Path, kiosk_name: &str, site: &str) {
    let local = kiosk_outbox(kiosk_dir);
    let remote = server_ops(server_db, kiosk_name);
    assert!(
        local.iter().all(|(_, _, _, status)| status == "sent"),
        "every local op is acknowledged"
    );
    let local_ids: Vec<(i64, &str)> = local.iter().map(|o| (o.0, o.1.as_str())).collect();
    let remote_ids: Vec<(i64, &str)> = remote.iter().map(|o| (o.0, o.1.as_str())).collect();
    assert_eq!(
        local_ids.len(),
        remote_ids.len(),
        "as many ops on the server"
    );
    assert_eq!(local_ids, remote_ids, "the same ops, in the same order");
    assert!(remote.iter().all(|o| !o.3), "no op was rejected");
    let visits = local.iter().filter(|o| o.2 == "usage.visit").count() as i64;
    assert_eq!(
        server_usage_total(server_db, site),
        visits,
        "each visit counted once"
    );
    let mut local_help = local_help_ids(kiosk_dir);
    local_help.sort();
    assert_eq!(server_help_ids(server_db, site), local_help);
}

/// Ids of the help requests made at this kiosk (from the payloads in its outbox).
pub fn local_help_ids(dir: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.join(digidak::store::DB_FILE)).unwrap();
    let mut stmt = conn
        .prepare("SELECT json_extract(payload, '$.id') FROM outbox WHERE kind = 'help.requested'")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// A volunteer's "approve", as it is.
pub fn approve(id: &str) -> digidak_protocol::PostModerated {
    digidak_protocol::PostModerated {
        id: id.into(),
        decision: "approve".into(),
        reason: None,
        title: None,
        text: None,
        category: None,
    }
}
