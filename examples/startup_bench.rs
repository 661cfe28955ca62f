//! Start-up benchmark: process start to first painted frame, memory (PSS) and idle CPU, for the
//! kiosk and for a bare eframe window, in the same run. Run it with `scripts/bench-startup`,
//! which builds both in release mode, provides a display (Xvfb) when there is none, and runs it
//! once more pinned to one core (`taskset -c 0`).
//!
//! With `BENCH_SERVER_BIN` set (the script does), each run also starts Chromium in kiosk mode on
//! a digidak-server's `/lessons` page: time until its window is mapped, PSS of all its processes.
//! The kiosk runs with real content: the 11 built-in lessons, and a warm data folder (made
//! once, before the first run) holding 1,000 board posts and 50 activities as if pulled from
//! the server.
//!
//! ```text
//! startup_bench KIOSK_BIN BARE_BIN [RUNS] [IDLE_SECS]
//! ```

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

#[path = "../benches/support/seed.rs"]
mod seed;

struct Sample {
    first_frame_ms: f64,
    pss_mib: f64,
    idle_ticks: u64,
}

fn unix_us() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_micros()
}

/// utime + stime of a process, in clock ticks (`None` once it is gone).
fn read_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the ")" that ends the command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

fn cpu_ticks(pid: u32) -> u64 {
    read_ticks(pid).expect("the program is running")
}

/// Proportional set size of a process in KiB (`None` once it is gone).
fn read_pss(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    rollup
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

fn pss_kib(pid: u32) -> u64 {
    read_pss(pid).expect("the program is running")
}

/// A start that ended before its first frame: how it ended and the end of what it wrote on
/// stderr.
struct Failed {
    status: String,
    stderr: String,
}

fn measure(mut cmd: Command, idle: Duration) -> Result<Sample, Failed> {
    cmd.env("DIGIDAK_REPORT_FIRST_FRAME", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = unix_us();
    let mut child: Child = cmd.spawn().expect("starting the program");
    let stdout = child.stdout.take().unwrap();
    // stderr is read on a thread (a full pipe would stop the program) and kept for a report.
    let stderr = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            text.push_str(&line);
            text.push('\n');
            if text.len() > 16_000 {
                text.drain(..text.len() - 8_000);
            }
        }
        text
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut first_frame_us = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(v) = line.strip_prefix("first-frame-unix-us=") {
            first_frame_us = Some(v.trim().parse::<u128>().unwrap());
            break;
        }
        assert!(Instant::now() < deadline, "no first frame within 60 s");
    }
    let Some(first) = first_frame_us else {
        let status = child.wait().map(|s| s.to_string()).unwrap_or_default();
        let stderr = err_reader.join().unwrap_or_default();
        return Err(Failed { status, stderr });
    };
    // Let start-up work (fonts, store, window manager) settle before measuring memory and idle.
    std::thread::sleep(Duration::from_secs(2));
    let pss = pss_kib(child.id());
    let before = cpu_ticks(child.id());
    std::thread::sleep(idle);
    let after = cpu_ticks(child.id());
    child.kill().ok();
    child.wait().ok();
    Ok(Sample {
        first_frame_ms: (first.saturating_sub(start)) as f64 / 1000.0,
        pss_mib: pss as f64 / 1024.0,
        idle_ticks: after - before,
    })
}

/// `measure`, reporting a start that ended before its first frame (and counting it) instead
/// of stopping the whole benchmark.
fn measure_or_report(
    name: &str,
    cmd: Command,
    idle: Duration,
    failed: &mut usize,
) -> Option<Sample> {
    match measure(cmd, idle) {
        Ok(s) => Some(s),
        Err(f) => {
            *failed += 1;
            println!("{name} ENDED BEFORE ITS FIRST FRAME: {}", f.status);
            for line in f.stderr.lines() {
                println!("  {name} stderr: {line}");
            }
            None
        }
    }
}

/// Every process in the tree under `root` (Chromium starts a dozen), `root` included.
fn process_tree(root: u32) -> Vec<u32> {
    let mut parent = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let rest = &stat[stat.rfind(')').unwrap_or(0) + 2..];
        if let Some(ppid) = rest
            .split_whitespace()
            .nth(1)
            .and_then(|v| v.parse::<u32>().ok())
        {
            parent.push((pid, ppid));
        }
    }
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let p = tree[i];
        tree.extend(parent.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    tree
}

fn tree_pss_kib(root: u32) -> u64 {
    process_tree(root).into_iter().filter_map(read_pss).sum()
}

fn tree_ticks(root: u32) -> u64 {
    process_tree(root).into_iter().filter_map(read_ticks).sum()
}

/// Chromium in kiosk mode on `url`: time from start until its window is mapped (xdotool), the
/// PSS of all its processes once the page settled, and their CPU ticks while idle.
fn measure_chromium(url: &str, idle: Duration) -> Sample {
    use std::os::unix::process::CommandExt;
    let profile = tempdir();
    let mut cmd = Command::new("chromium");
    cmd.args([
        "--kiosk",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--password-store=basic",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(url)
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .process_group(0);
    // Chromium refuses to run as root without --no-sandbox (CI and this bench run as root).
    if std::fs::read_to_string("/proc/self/status")
        .map(|s| s.lines().any(|l| l.starts_with("Uid:\t0\t")))
        .unwrap_or(false)
    {
        cmd.arg("--no-sandbox");
    }
    let start = unix_us();
    let child = cmd.spawn().expect("starting chromium");
    let pid = child.id();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mapped = loop {
        let found = Command::new("xdotool")
            // Chromium does not set _NET_WM_PID on this window; its class is on this
            // display only while this run's Chromium is up.
            .args(["search", "--onlyvisible", "--class", "chromium"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if found {
            break unix_us();
        }
        assert!(Instant::now() < deadline, "no chromium window within 60 s");
        std::thread::sleep(Duration::from_millis(10));
    };
    std::thread::sleep(Duration::from_secs(2));
    let pss = tree_pss_kib(pid);
    let before = tree_ticks(pid);
    std::thread::sleep(idle);
    let after = tree_ticks(pid);
    let _ = Command::new("kill")
        .arg("--")
        .arg(format!("-{pid}"))
        .status();
    let mut child = child;
    child.wait().ok();
    std::thread::sleep(Duration::from_millis(300));
    std::fs::remove_dir_all(&profile).ok();
    Sample {
        first_frame_ms: (mapped.saturating_sub(start)) as f64 / 1000.0,
        pss_mib: pss as f64 / 1024.0,
        idle_ticks: after.saturating_sub(before),
    }
}

/// A child process killed when dropped (also when a run panics).
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

/// `digidak-server serve` on a free port with a fresh database, for Chromium's page.
fn start_server(bin: &str, dir: &std::path::Path) -> (Killed, String) {
    let mut child = Command::new(bin)
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(dir.join("server.sqlite3"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting digidak-server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .expect("the server's first line")
        .to_string();
    (Killed(child), base)
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: startup_bench KIOSK_BIN BARE_BIN [RUNS] [IDLE_SECS]");
        std::process::exit(2);
    }
    let runs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(5);
    let idle = Duration::from_secs(args.get(4).and_then(|s| s.parse().ok()).unwrap_or(10));
    let data = tempdir();
    seed::seed_activities(&data, 50);
    seed::seed_posts(&data, 1_000);
    let cpus = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Cpus_allowed_list:"))
                .map(|v| v.trim().to_string())
        })
        .unwrap_or_default();
    println!(
        "kiosk data: 11 built-in lessons, 1,000 board posts, 50 activities; CPUs allowed: {cpus}"
    );
    // Chromium in kiosk mode on the server's lesson page, when BENCH_SERVER_BIN names a
    // digidak-server (scripts/bench-startup sets it) and chromium is installed.
    let server = std::env::var("BENCH_SERVER_BIN").ok().and_then(|bin| {
        let found = Command::new("chromium")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        found.then(|| start_server(&bin, &data))
    });
    let mut kiosk = Vec::new();
    let mut bare = Vec::new();
    let mut chromium = Vec::new();
    let mut failed = 0;
    for run in 1..=runs {
        // Alternate, so both see the same machine state.
        let mut cmd = Command::new(&args[1]);
        cmd.arg("--data").arg(&data);
        let k = measure_or_report("kiosk", cmd, idle, &mut failed);
        let b = measure_or_report("bare", Command::new(&args[2]), idle, &mut failed);
        let show = |s: &Option<Sample>| match s {
            Some(s) => format!(
                "{:7.1} ms {:6.1} MiB {} ticks",
                s.first_frame_ms, s.pss_mib, s.idle_ticks
            ),
            None => "ended before its first frame".to_string(),
        };
        println!("run {run}: kiosk {} | bare {}", show(&k), show(&b));
        kiosk.extend(k);
        bare.extend(b);
        if let Some((_, base)) = &server {
            let c = measure_chromium(&format!("{base}/lessons"), idle);
            println!(
                "       chromium kiosk: window mapped {:7.1} ms {:6.1} MiB {} ticks",
                c.first_frame_ms, c.pss_mib, c.idle_ticks
            );
            chromium.push(c);
        }
    }
    drop(server);
    let stat = |v: &[Sample]| {
        (
            median(v.iter().map(|s| s.first_frame_ms).collect()),
            median(v.iter().map(|s| s.pss_mib).collect()),
            v.iter().map(|s| s.idle_ticks).max().unwrap_or(0),
        )
    };
    let (kf, kp, kt) = stat(&kiosk);
    let (bf, bp, bt) = stat(&bare);
    println!();
    println!(
        "medians of {runs} runs      first frame      PSS   idle CPU ticks in {} s (max)",
        idle.as_secs()
    );
    println!("kiosk (digidak)          {kf:8.1} ms {kp:7.1} MiB   {kt}");
    println!("bare eframe window       {bf:8.1} ms {bp:7.1} MiB   {bt}");
    if !chromium.is_empty() {
        let (cf, cp, ct) = stat(&chromium);
        println!("chromium kiosk (mapped)  {cf:8.1} ms {cp:7.1} MiB   {ct}   (/lessons page)");
    }
    println!(
        "kiosk / bare             {:8.2} x  {:7.2} x",
        kf / bf,
        kp / bp
    );
    if failed > 0 {
        println!("{failed} start(s) ended before their first frame (see above)");
    }
    let ok = kf / bf <= 1.3 && kp / bp <= 1.2 && kt == 0 && failed == 0;
    println!(
        "goal (first frame <= 1.3x, PSS <= 1.2x, 0 idle ticks, every start painted): {}",
        if ok { "met" } else { "NOT met" }
    );
    std::fs::remove_dir_all(&data).ok();
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "digidak-bench-{}-{}",
        std::process::id(),
        unix_us()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
