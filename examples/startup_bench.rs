//! Start-up benchmark: process start to first painted frame, memory (PSS) and idle CPU, for the
//! kiosk and for a bare eframe window, in the same run. Run it with `scripts/bench-startup`,
//! which builds both in release mode, provides a display (Xvfb) when there is none, and runs it
//! once more pinned to one core (`taskset -c 0`).
//!
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

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the ")" that ends the command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn pss_kib(pid: u32) -> u64 {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap();
    rollup
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

fn measure(mut cmd: Command, idle: Duration) -> Sample {
    cmd.env("DIGIDAK_REPORT_FIRST_FRAME", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let start = unix_us();
    let mut child: Child = cmd.spawn().expect("starting the program");
    let stdout = child.stdout.take().unwrap();
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
    let first = first_frame_us.expect("the program ended before its first frame");
    // Let start-up work (fonts, store, window manager) settle before measuring memory and idle.
    std::thread::sleep(Duration::from_secs(2));
    let pss = pss_kib(child.id());
    let before = cpu_ticks(child.id());
    std::thread::sleep(idle);
    let after = cpu_ticks(child.id());
    child.kill().ok();
    child.wait().ok();
    Sample {
        first_frame_ms: (first.saturating_sub(start)) as f64 / 1000.0,
        pss_mib: pss as f64 / 1024.0,
        idle_ticks: after - before,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
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
    let mut kiosk = Vec::new();
    let mut bare = Vec::new();
    for run in 1..=runs {
        // Alternate, so both see the same machine state.
        let mut cmd = Command::new(&args[1]);
        cmd.arg("--data").arg(&data);
        let k = measure(cmd, idle);
        let b = measure(Command::new(&args[2]), idle);
        println!(
            "run {run}: kiosk {:7.1} ms {:6.1} MiB {} ticks | bare {:7.1} ms {:6.1} MiB {} ticks",
            k.first_frame_ms, k.pss_mib, k.idle_ticks, b.first_frame_ms, b.pss_mib, b.idle_ticks
        );
        kiosk.push(k);
        bare.push(b);
    }
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
    println!(
        "kiosk / bare             {:8.2} x  {:7.2} x",
        kf / bf,
        kp / bp
    );
    let ok = kf / bf <= 1.3 && kp / bp <= 1.2 && kt == 0;
    println!(
        "goal (first frame <= 1.3x, PSS <= 1.2x, 0 idle ticks): {}",
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
