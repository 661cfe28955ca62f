//! The real kiosk binary in a real window under Xvfb: it paints a first frame, opens its store
//! and writes its log. Needs Xvfb (scripts/install-deps installs it); without it the test says
//! so and passes, except in CI (`CI` set), where a missing Xvfb is a failure.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process killed on drop.
pub(crate) struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Xvfb on a free display (it tells the number on `-displayfd`), killed on drop. None (and a
/// note) when Xvfb is not installed, except in CI, where that is a failure.
pub(crate) fn xvfb() -> Option<(Killed, String)> {
    let found = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join("Xvfb").exists()))
        .unwrap_or(false);
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "Xvfb is missing in CI: run scripts/install-deps"
        );
        eprintln!("SKIPPED: Xvfb is not installed (scripts/install-deps installs it)");
        return None;
    }
    // Xvfb picks a free display itself and tells it on `-displayfd`: a fixed number can meet
    // the lock and socket files a killed Xvfb left behind, and then nothing answers there.
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let child = Killed(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let n: u32 = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("Xvfb did not start")
        .trim()
        .parse()
        .expect("Xvfb told no display number");
    Some((child, format!(":{n}")))
}

#[test]
fn kiosk_paints_its_first_frame_in_a_real_window() {
    let Some((_xvfb, display)) = xvfb() else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let runtime = tempfile::tempdir().unwrap();
    let mut kiosk = Command::new(env!("CARGO_BIN_EXE_digidak"))
        .arg("--data")
        .arg(data.path())
        .env("DISPLAY", &display)
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env("DIGIDAK_REPORT_FIRST_FRAME", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = kiosk.stdout.take().unwrap();
    let kiosk = Killed(kiosk);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let first = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("no first frame within 60 s");
    assert!(first.starts_with("first-frame-unix-us="), "{first}");
    // The store worker opened the database, and the log reached its file.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !data.path().join("kiosk.sqlite3").exists() {
        assert!(Instant::now() < deadline, "no database in the data folder");
        std::thread::sleep(Duration::from_millis(20));
    }
    let logs = data.path().join("logs");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let has_log = std::fs::read_dir(&logs)
            .map(|d| {
                d.flatten()
                    .any(|e| std::fs::metadata(e.path()).is_ok_and(|m| m.len() > 0))
            })
            .unwrap_or(false);
        if has_log {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no log file in {}",
            logs.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    let mut kiosk = kiosk;
    assert!(
        kiosk.0.try_wait().unwrap().is_none(),
        "the kiosk exited on its own"
    );
}
