//! Sync benchmark: `cargo bench --bench sync` (or `scripts/bench-sync`).
//!
//! Everything is real: the server (axum + SQLite, `synchronous=FULL`) on 127.0.0.1 in this
//! process, kiosk stores on real files, real HTTP. It reports:
//! 1. server push throughput next to raw batched SQLite inserts on the same disk, in the same run;
//! 2. catch-up time for a kiosk with 500 ops to push and 5,000 changes to pull;
//! 3. p50/p99 latency of a sync round (push + pull) with 500 simulated kiosks syncing at once;
//!
//! each on SQLite and, when `TEST_POSTGRES_URL` names a cluster (scripts/bench-sync starts a
//! throwaway one), on PostgreSQL too, there with one and with two server instances.
//!
//! `DIGIDAK_BENCH_KIOSKS` and `DIGIDAK_BENCH_PUSH_OPS` change the sizes.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicI64;
use std::time::{Duration, Instant};

use digidak::store::{Pairing, Store};
use digidak::sync::client::SyncClient;
use digidak::sync::worker::{SyncContext, SyncHandle, SyncState, TOKEN_FILE};
use digidak_core::clock::{Clock, SystemClock};
use digidak_protocol::{
    Heartbeat, OP_SCHEMA, Op, PROTOCOL_VERSION, PullResponse, PushRequest, PushResponse, kinds,
};
use serde_json::json;

// The same in-process server the integration tests use.
#[path = "../../../tests/support/mod.rs"]
mod support;
use support::InProcessServer;
// And the same throwaway PostgreSQL (`TEST_POSTGRES_URL`, started by scripts/bench-sync).
#[path = "../tests/server/pg.rs"]
#[allow(dead_code)]
mod pg;

/// Where a figure is measured.
#[derive(Clone)]
enum Backend {
    Sqlite,
    /// The cluster's address; each figure gets a new database on it.
    Postgres(String),
}

impl Backend {
    fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres(_) => "PostgreSQL",
        }
    }

    /// A new, empty store for one figure: (its address for more instances, the store).
    fn open(&self, dir: &Path, name: &str) -> (String, Arc<dyn digidak_server::ServerStore>) {
        match self {
            Backend::Sqlite => {
                let path = dir.join(format!("{name}.sqlite3"));
                let store = digidak_server::sqlite::SqliteServerStore::open(&path).unwrap();
                (path.display().to_string(), Arc::new(store))
            }
            Backend::Postgres(cluster) => {
                let url = pg::fresh_db(cluster);
                let store = digidak_server::postgres::PgServerStore::open(&url).unwrap();
                (url, Arc::new(store))
            }
        }
    }

    /// A server on a new store.
    fn server(&self, dir: &Path, name: &str) -> InProcessServer {
        let (label, store) = self.open(dir, name);
        InProcessServer::start_store(store, Path::new(&label))
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn now_ms() -> i64 {
    SystemClock.unix_ms()
}

/// Registers and pairs a kiosk on the in-process server; returns its token.
fn paired(server: &InProcessServer, name: &str, site: &str) -> String {
    let code = server.add_kiosk(name, site);
    SyncClient::new(&server.url())
        .unwrap()
        .pair(&code, 1)
        .unwrap()
        .token
}

fn visit_op(index: u64) -> Op {
    Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kinds::USAGE_VISIT.into(),
        payload: json!({ "name": "home", "day": "2026-11-23" }),
        kiosk_time_ms: now_ms(),
        schema: OP_SCHEMA,
    }
}

fn help_op(index: u64) -> Op {
    Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kinds::HELP_REQUESTED.into(),
        payload: json!({ "id": uuid::Uuid::now_v7().to_string(), "created_at_ms": now_ms(),
                         "first_name": "Amal" }),
        kiosk_time_ms: now_ms(),
        schema: OP_SCHEMA,
    }
}

fn request(ops: Vec<Op>) -> PushRequest {
    PushRequest {
        protocol: PROTOCOL_VERSION,
        heartbeat: Heartbeat {
            app_version: "bench".into(),
            kiosk_time_ms: now_ms(),
            ..Heartbeat::default()
        },
        ops,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Figure 1: pushes `total` ops in pages of 200 through HTTP, and inserts as many rows of the same
/// shape straight into SQLite in transactions of 200, on the same disk with the same settings.
fn push_throughput(dir: &Path, total: usize, backend: &Backend) -> f64 {
    let page = digidak_protocol::MAX_PUSH_OPS;
    let server = backend.server(dir, "throughput");
    let token = paired(&server, "bench", "bench");
    let pages: Vec<PushRequest> = (0..total / page)
        .map(|p| {
            request(
                (1..=page as u64)
                    .map(|i| visit_op((p * page) as u64 + i))
                    .collect(),
            )
        })
        .collect();
    // The bodies are encoded before the clock starts: this measures the server, not the
    // client's JSON encoder (both share this machine's two cores).
    let bodies: Vec<Vec<u8>> = pages
        .iter()
        .map(|r| serde_json::to_vec(r).unwrap())
        .collect();
    let http = reqwest::blocking::Client::new();
    let push_url = format!("{}/api/v1/push", server.url());
    let start = Instant::now();
    for body in bodies {
        let resp = http
            .post(&push_url)
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .unwrap();
        assert!(resp.status().is_success());
        let _ = resp.bytes().unwrap();
    }
    let server_secs = start.elapsed().as_secs_f64();
    assert_eq!(
        server.store.usage_counts().unwrap()[0].3 as usize,
        pages.len() * page,
        "every op was taken"
    );
    drop(server);
    let server_rate = (pages.len() * page) as f64 / server_secs;
    if let Backend::Postgres(_) = backend {
        println!(
            "push throughput on PostgreSQL: {server_rate:.0} ops/s over HTTP ({} ops, pages of {page})",
            pages.len() * page
        );
        return server_rate;
    }

    let raw_pages: Vec<Vec<Op>> = pages.into_iter().map(|r| r.ops).collect();
    let mut conn = rusqlite::Connection::open(dir.join("raw.sqlite3")).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         CREATE TABLE ops (kiosk_id TEXT NOT NULL, idx INTEGER NOT NULL, id TEXT NOT NULL UNIQUE,
                           kind TEXT NOT NULL, payload TEXT NOT NULL, kiosk_time_ms INTEGER NOT NULL,
                           received_ms INTEGER NOT NULL, rejected TEXT,
                           PRIMARY KEY (kiosk_id, idx)) STRICT;",
    )
    .unwrap();
    let start = Instant::now();
    for ops in &raw_pages {
        let tx = conn.transaction().unwrap();
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO ops (kiosk_id, idx, id, kind, payload, kiosk_time_ms, received_ms)
                     VALUES ('k', ?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .unwrap();
            for op in ops {
                stmt.execute(rusqlite::params![
                    op.index as i64,
                    op.id,
                    op.kind,
                    op.payload.to_string(),
                    op.kiosk_time_ms,
                    now_ms()
                ])
                .unwrap();
            }
        }
        tx.commit().unwrap();
    }
    let raw_secs = start.elapsed().as_secs_f64();
    let n = (raw_pages.len() * page) as f64;
    let raw_rate = n / raw_secs;
    println!(
        "push throughput on SQLite: server {server_rate:.0} ops/s over HTTP, raw batched SQLite \
         inserts {raw_rate:.0} ops/s ({} ops, pages of {page}): {:.0}% (goal >= 30%)",
        n,
        100.0 * server_rate / raw_rate
    );
    server_rate
}

/// Figure 2: a kiosk that was offline: 500 ops to push, 5,000 changes of its site to pull.
fn catch_up(dir: &Path, backend: &Backend) {
    let server = backend.server(dir, "catchup");
    // Another kiosk of the site made 5,000 help requests: 5,000 changes to pull.
    let other = paired(&server, "other", "noord");
    let client = SyncClient::new(&server.url()).unwrap();
    for p in 0..25u64 {
        let resp = client
            .push(
                &other,
                &request((1..=200).map(|i| help_op(p * 200 + i)).collect()),
            )
            .unwrap();
        assert_eq!(resp.results.len(), 200);
    }
    // This kiosk pairs, then works offline and makes 500 operations.
    let kiosk_dir = dir.join(format!("catchup-kiosk-{}", backend.name()));
    let ctx = |dir: &Path| SyncContext {
        data_dir: dir.to_path_buf(),
        clock: Arc::new(SystemClock),
        last_frame_ms: Arc::new(AtomicI64::new(0)),
        on_data: Arc::new(|| {}),
        on_status: Arc::new(|| {}),
    };
    {
        // Paired (token file and pairing saved as the sync worker would), without syncing yet.
        let code = server.store.add_kiosk("late", "noord", now_ms()).unwrap();
        let resp = client.pair(&code, 1).unwrap();
        let mut store = Store::open_in(&kiosk_dir).unwrap();
        std::fs::write(kiosk_dir.join(TOKEN_FILE), &resp.token).unwrap();
        store
            .set_pairing(&Pairing {
                server_url: server.url(),
                kiosk_id: resp.kiosk_id,
                name: resp.name,
                site: resp.site,
            })
            .unwrap();
        for _ in 0..500 {
            store.record_visit("home", now_ms()).unwrap();
        }
    }
    let store = Store::open_in(&kiosk_dir).unwrap();
    let last_seq = 5_000;
    let start = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    let sync = SyncHandle::spawn(ctx(&kiosk_dir), tx, rx);
    loop {
        let s = sync.status();
        if s.state == SyncState::Online
            && store.outbox_counts().unwrap().pending == 0
            && store.cursor().unwrap() >= last_seq
        {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(120), "{s:?}");
        std::thread::sleep(Duration::from_millis(2));
    }
    let took = start.elapsed();
    let open = store.open_help_requests().unwrap().len();
    assert_eq!(open, 5_000);
    println!(
        "catch-up on {}: 500 ops pushed and 5,000 changes pulled and applied in {:.0} ms \
         (goal <= 2000 ms)",
        backend.name(),
        ms(took)
    );
}

/// Figure 3: `kiosks` kiosks sync at once, `rounds` times: push one op with a heartbeat, then
/// pull; through `instances` server instances on one database (kiosk `i` uses instance
/// `i % instances`).
fn many_kiosks(dir: &Path, kiosks: usize, rounds: usize, backend: &Backend, instances: usize) {
    let (label, store) = backend.open(dir, &format!("many-{instances}"));
    let mut servers = vec![InProcessServer::start_store(store, Path::new(&label))];
    for _ in 1..instances {
        let Backend::Postgres(_) = backend else {
            unreachable!("several instances share a PostgreSQL database");
        };
        let more = digidak_server::postgres::PgServerStore::open(&label).unwrap();
        servers.push(InProcessServer::start_store(
            Arc::new(more),
            Path::new(&label),
        ));
    }
    let tokens: Vec<(String, String)> = (0..kiosks)
        .map(|i| {
            let server = &servers[i % instances];
            let token = paired(server, &format!("kiosk {i}"), &format!("site-{}", i % 50));
            (server.url(), token)
        })
        .collect();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (latencies, errors) = rt.block_on(async move {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .pool_max_idle_per_host(kiosks)
            .build()
            .unwrap();
        let barrier = Arc::new(tokio::sync::Barrier::new(kiosks));
        let mut tasks = Vec::new();
        for (url, token) in tokens {
            let (http, barrier) = (http.clone(), barrier.clone());
            tasks.push(tokio::spawn(async move {
                let mut samples = Vec::new();
                let mut errors = 0;
                let mut cursor = 0;
                for round in 0..rounds {
                    barrier.wait().await;
                    let start = Instant::now();
                    let push = http
                        .post(format!("{url}/api/v1/push"))
                        .bearer_auth(&token)
                        .json(&request(vec![visit_op(round as u64 + 1)]))
                        .send()
                        .await;
                    let ok = match push {
                        Ok(r) if r.status().is_success() => r.json::<PushResponse>().await.is_ok(),
                        _ => false,
                    };
                    let pull = http
                        .get(format!(
                            "{url}/api/v1/changes?protocol=1&after={cursor}&limit=500"
                        ))
                        .bearer_auth(&token)
                        .send()
                        .await;
                    let ok = ok
                        && match pull {
                            Ok(r) if r.status().is_success() => {
                                match r.json::<PullResponse>().await {
                                    Ok(page) => {
                                        cursor = page.changes.last().map_or(cursor, |c| c.seq);
                                        true
                                    }
                                    Err(_) => false,
                                }
                            }
                            _ => false,
                        };
                    if ok {
                        samples.push(start.elapsed());
                    } else {
                        errors += 1;
                    }
                }
                (samples, errors)
            }));
        }
        let mut all = Vec::new();
        let mut errors = 0;
        for t in tasks {
            let (s, e) = t.await.unwrap();
            all.extend(s);
            errors += e;
        }
        (all, errors)
    });
    let mut sorted = latencies;
    sorted.sort();
    drop(servers);
    println!(
        "{kiosks} kiosks syncing at once on {} through {instances} instance(s) ({rounds} rounds \
         of push + pull, {} samples): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms, {errors} errors \
         (goal p99 <= 250 ms, 0 errors)",
        backend.name(),
        sorted.len(),
        ms(percentile(&sorted, 0.50)),
        ms(percentile(&sorted, 0.99)),
        ms(*sorted.last().unwrap()),
    );
}

fn main() {
    // `cargo bench` passes --bench. Under `cargo test --all-targets` it does not: then this is
    // a smoke test of the benchmark itself, with small sizes.
    let quick = !std::env::args().any(|a| a == "--bench");
    // On the real disk (not a RAM-backed /tmp), so fsync costs what it costs.
    let dir = tempfile::Builder::new()
        .prefix(".digidak-bench-")
        .tempdir_in(std::env::var("DIGIDAK_BENCH_DIR").unwrap_or_else(|_| ".".into()))
        .unwrap();
    println!("digidak sync benchmark, files in {}", dir.path().display());
    if quick {
        println!("(a quick smoke run with small sizes, not a measurement: use cargo bench)");
    }
    let (ops, kiosks) = if quick {
        (400, 20)
    } else {
        (
            env_usize("DIGIDAK_BENCH_PUSH_OPS", 20_000),
            env_usize("DIGIDAK_BENCH_KIOSKS", 500),
        )
    };
    let postgres = match std::env::var("TEST_POSTGRES_URL") {
        Ok(url) if url != "skip" => Some(Backend::Postgres(url)),
        _ => {
            println!(
                "PostgreSQL: not measured (TEST_POSTGRES_URL is not set; scripts/bench-sync \
                 starts a throwaway cluster)"
            );
            None
        }
    };
    let sqlite_rate = push_throughput(dir.path(), ops, &Backend::Sqlite);
    if let Some(pg) = &postgres {
        let pg_rate = push_throughput(dir.path(), ops, pg);
        println!(
            "push throughput, PostgreSQL vs SQLite: {:.0}% (goal >= 50%)",
            100.0 * pg_rate / sqlite_rate
        );
    }
    catch_up(dir.path(), &Backend::Sqlite);
    if let Some(pg) = &postgres {
        catch_up(dir.path(), pg);
    }
    many_kiosks(dir.path(), kiosks, 5, &Backend::Sqlite, 1);
    if let Some(pg) = &postgres {
        many_kiosks(dir.path(), kiosks, 5, pg, 1);
        many_kiosks(dir.path(), kiosks, 5, pg, 2);
    }
}
