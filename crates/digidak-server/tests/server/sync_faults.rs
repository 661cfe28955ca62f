//! Nothing lost, nothing doubled: real processes killed with SIGKILL, a server killed and
//! restarted, and a TCP proxy that drops, delays and cuts connections. After each ordeal every
//! operation the kiosk committed is on the server exactly once.
//!
//! A failing run prints its random seed; `DIGIDAK_TEST_SEED=<seed>` replays the same faults.

use crate::support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use digidak::store::Store;
use support::{
    ChildServer, InProcessServer, SyncedKiosk, assert_exactly_once, local_help_ids, server_ops,
};

/// A small deterministic random source, seeded per test and printed.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn seeded(test: &str) -> Self {
        let seed = std::env::var("DIGIDAK_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| support::now_ms() as u64);
        eprintln!("{test}: DIGIDAK_TEST_SEED={seed}");
        Self(seed)
    }

    /// splitmix64: good enough for picking faults, and reproducible.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }
}

/// Writes one random operation the way the kiosk's screens do, returning a help request id
/// when it made one.
fn random_write(store: &mut Store, rng: &mut Rng) -> Option<String> {
    let now = support::now_ms();
    match rng.range(0, 10) {
        0..=3 => Some(store.add_help_request(Some("Amal"), now).unwrap().id),
        4..=5 => {
            if let Some(open) = store.open_help_requests().unwrap().first() {
                store.mark_help_handled(&open.id, now).unwrap();
            }
            None
        }
        _ => {
            store.record_visit("home", now).unwrap();
            None
        }
    }
}

/// Run only as a child of `a_kiosk_killed_50_times_loses_and_doubles_nothing`: a kiosk without
/// a screen that writes and syncs until it is killed, printing each help request id after its
/// commit returned.
#[test]
fn child_kiosk() {
    let Ok(dir) = std::env::var("DIGIDAK_TEST_KIOSK_DIR") else {
        return;
    };
    let seed: u64 = std::env::var("DIGIDAK_TEST_CHILD_SEED")
        .unwrap()
        .parse()
        .unwrap();
    let mut rng = Rng(seed);
    let mut kiosk = SyncedKiosk::start(std::path::Path::new(&dir));
    let mut out = std::io::stdout().lock();
    writeln!(out, "started").unwrap();
    loop {
        if let Some(id) = random_write(&mut kiosk.store, &mut rng) {
            writeln!(out, "committed {id}").unwrap();
            out.flush().unwrap();
        }
        kiosk.sync.nudge();
        std::thread::sleep(Duration::from_millis(rng.range(0, 8)));
    }
}

#[test]
fn a_kiosk_killed_50_times_loses_and_doubles_nothing() {
    let mut rng = Rng::seeded("kiosk kills");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let kiosk_dir = dir.path().join("kiosk");
    {
        let kiosk = SyncedKiosk::start(&kiosk_dir);
        kiosk
            .pair(&server.url(), &server.add_kiosk("PC 1", "noord"))
            .unwrap();
    }

    let mut printed: Vec<String> = Vec::new();
    let mut answers_lost = 0;
    for _ in 0..50 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "sync_faults::child_kiosk",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("DIGIDAK_TEST_KIOSK_DIR", &kiosk_dir)
            .env("DIGIDAK_TEST_CHILD_SEED", rng.next().to_string())
            .env("RUST_LOG", "off")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // The test harness may print on the same line before ours.
        for line in lines.by_ref() {
            if line.unwrap().ends_with("started") {
                break;
            }
        }
        // Let it write and sync for a random while, then pull the plug.
        std::thread::sleep(Duration::from_millis(rng.range(30, 400)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        for line in lines.map_while(Result::ok) {
            if let Some((_, id)) = line.split_once("committed ") {
                printed.push(id.to_string());
            }
        }
        // Did the server take a page whose answer the kiosk never recorded? Then the next
        // start must resend it, and the server must not apply it twice.
        let acked = {
            let store = Store::open_in(&kiosk_dir).unwrap();
            store.acked_index().unwrap() as usize
        };
        if server_ops(&db, "PC 1").len() > acked {
            answers_lost += 1;
        }
    }
    eprintln!(
        "{} help requests printed, {answers_lost} kills fell between the server's commit and the kiosk's",
        printed.len()
    );
    assert!(
        answers_lost > 0,
        "no kill fell between the server's commit and the kiosk's: the resend path went untested"
    );

    // Restart once more and let it finish.
    let kiosk = SyncedKiosk::start(&kiosk_dir);
    kiosk.wait_synced(Duration::from_secs(60));
    drop(kiosk);
    let local = local_help_ids(&kiosk_dir);
    for id in &printed {
        assert!(local.contains(id), "committed help request {id} is lost");
    }
    assert!(printed.len() > 50, "the kiosk did write: {}", printed.len());
    assert_exactly_once(&kiosk_dir, &db, "PC 1", "noord");
}

#[test]
fn a_server_killed_and_restarted_during_pushes_loses_and_doubles_nothing() {
    let mut rng = Rng::seeded("server kills");
    let dir = tempfile::tempdir().unwrap();
    let support::ChildSetup {
        db,
        mut server,
        kiosk_dir,
        kiosk,
    } = support::child_server_and_kiosk(dir.path());
    let addr = server.addr;

    // A writer keeps adding operations, as a busy room would.
    let writing = Arc::new(AtomicBool::new(true));
    let written = Arc::new(AtomicU64::new(0));
    let writer = {
        let (writing, written) = (writing.clone(), written.clone());
        let kiosk_dir = kiosk_dir.clone();
        let mut rng = rng.clone();
        std::thread::spawn(move || {
            let mut store = Store::open_in(&kiosk_dir).unwrap();
            while writing.load(Ordering::Relaxed) {
                random_write(&mut store, &mut rng);
                written.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    for _ in 0..10 {
        std::thread::sleep(Duration::from_millis(rng.range(50, 600)));
        kiosk.sync.nudge();
        std::thread::sleep(Duration::from_millis(rng.range(0, 30)));
        server.kill(); // SIGKILL, mid-push or not
        std::thread::sleep(Duration::from_millis(rng.range(0, 300)));
        server = ChildServer::start(&db, &addr.to_string());
    }
    writing.store(false, Ordering::Relaxed);
    writer.join().unwrap();
    assert!(written.load(Ordering::Relaxed) > 100);
    kiosk.wait_synced(Duration::from_secs(120));
    drop(kiosk);
    server.kill();
    assert_exactly_once(&kiosk_dir, &db, "PC 1", "noord");
}

/// What the proxy did, by kind.
#[derive(Debug, Default)]
struct Faults {
    /// Requests closed before the server saw them.
    refused: AtomicU64,
    /// Answers dropped whole (the server did the work).
    dropped: AtomicU64,
    /// Answers cut in the middle.
    cut: AtomicU64,
    /// The network got better: no more faults from now on.
    healed: AtomicBool,
}

impl Faults {
    fn all_kinds_seen(&self, at_least: u64) -> bool {
        [&self.refused, &self.dropped, &self.cut]
            .iter()
            .all(|c| c.load(Ordering::Relaxed) >= at_least)
    }
}

/// A TCP proxy in front of `upstream` that injects faults at random, chunk by chunk (so a
/// long-lived keep-alive connection meets them too): requests refused, answers dropped after
/// the server did the work, answers cut in the middle, and delays.
fn fault_proxy(upstream: SocketAddr, rng: Rng) -> (SocketAddr, Arc<Faults>) {
    let rng = Arc::new(std::sync::Mutex::new(rng));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let faults = Arc::new(Faults::default());
    let counter = faults.clone();
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { continue };
            let Ok(server) = TcpStream::connect(upstream) else {
                continue;
            };
            let (rng, counter) = (rng.clone(), counter.clone());
            std::thread::spawn(move || relay(client, server, rng, counter));
        }
    });
    (addr, faults)
}

type SharedRng = Arc<std::sync::Mutex<Rng>>;

fn roll(rng: &SharedRng, lo: u64, hi: u64) -> u64 {
    rng.lock().unwrap().range(lo, hi)
}

/// A roll of 0..100 for what to do with the next chunk; 99 (harmless) once healed.
fn roll_fault(rng: &SharedRng, faults: &Faults) -> u64 {
    if faults.healed.load(Ordering::Relaxed) {
        99
    } else {
        roll(rng, 0, 100)
    }
}

fn relay(client: TcpStream, server: TcpStream, rng: SharedRng, faults: Arc<Faults>) {
    let close = {
        let (c, s) = (client.try_clone().unwrap(), server.try_clone().unwrap());
        Arc::new(move || {
            let _ = c.shutdown(Shutdown::Both);
            let _ = s.shutdown(Shutdown::Both);
        })
    };
    // Requests: sometimes refused before the server sees them, sometimes late.
    let up = {
        let (mut from, mut to) = (client.try_clone().unwrap(), server.try_clone().unwrap());
        let (rng, close, faults) = (rng.clone(), close.clone(), faults.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 16 * 1024];
            while let Ok(n) = from.read(&mut buf) {
                if n == 0 {
                    break;
                }
                match roll_fault(&rng, &faults) {
                    0..=2 => {
                        faults.refused.fetch_add(1, Ordering::Relaxed);
                        break;
                    }
                    3..=12 => std::thread::sleep(Duration::from_millis(roll(&rng, 20, 300))),
                    _ => {}
                }
                if to.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
            close();
        })
    };
    // Answers: sometimes dropped (the server did the work), cut mid-way, or late.
    let (mut from, mut to) = (server, client);
    let mut buf = [0u8; 16 * 1024];
    while let Ok(n) = from.read(&mut buf) {
        if n == 0 {
            break;
        }
        match roll_fault(&rng, &faults) {
            0..=4 => {
                faults.dropped.fetch_add(1, Ordering::Relaxed);
                break;
            }
            5..=9 if n > 1 => {
                faults.cut.fetch_add(1, Ordering::Relaxed);
                let cut = roll(&rng, 1, n as u64) as usize;
                let _ = to.write_all(&buf[..cut]);
                break;
            }
            10..=19 => std::thread::sleep(Duration::from_millis(roll(&rng, 20, 300))),
            _ => {}
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    close();
    let _ = up.join();
}

#[test]
fn a_faulty_network_converges_exactly_once() {
    let rng = Rng::seeded("faulty network");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let (proxy, faults) = fault_proxy(server.addr, rng.clone());
    let kiosk_dir = dir.path().join("kiosk");
    {
        // Paired directly, then pointed at the proxy (as if the network went bad afterwards).
        let kiosk = SyncedKiosk::start(&kiosk_dir);
        kiosk
            .pair(&server.url(), &server.add_kiosk("PC 1", "noord"))
            .unwrap();
    }
    {
        let mut store = Store::open_in(&kiosk_dir).unwrap();
        let mut pairing = store.pairing().unwrap().unwrap();
        pairing.server_url = format!("http://{proxy}");
        store.set_pairing(&pairing).unwrap();
    }
    let mut kiosk = SyncedKiosk::start(&kiosk_dir);

    // Write until the proxy has done each kind of harm a few times (and at least 300 ops).
    let mut rng2 = rng.clone();
    let started = std::time::Instant::now();
    let mut writes = 0;
    while writes < 300 || !faults.all_kinds_seen(2) {
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "the proxy did not get to inject every kind of fault: {faults:?}"
        );
        random_write(&mut kiosk.store, &mut rng2);
        writes += 1;
        kiosk.sync.nudge();
        std::thread::sleep(Duration::from_millis(rng2.range(0, 30)));
    }
    // Then the network gets better, as it does: the kiosk catches up by itself (its backoff
    // waits at most a minute), with every op on the server once.
    faults.healed.store(true, Ordering::Relaxed);
    kiosk.wait_synced(Duration::from_secs(150));
    drop(kiosk);
    eprintln!("{writes} writes through a proxy that did {faults:?}");
    assert_exactly_once(&kiosk_dir, &db, "PC 1", "noord");
}
