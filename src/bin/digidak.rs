//! `digidak`: the kiosk.
//!
//! ```text
//! digidak [--config PATH] [--data DIR] [--windowed]   run the kiosk
//! digidak --check-config [--config PATH]              validate a config and its lessons: exit 0, or 2
//! digidak hash-pin                                    read a PIN on stdin, print its argon2 hash
//! digidak [--data DIR] pair URL CODE                  pair with a server without the screen
//! ```

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};

use digidak::app::Kiosk;
use digidak::config;
use digidak::ui::KioskUi;
use digidak::ui::eframe_app::KioskApp;
use digidak_core::clock::SystemClock;
use digidak_core::i18n::Translations;

/// Digidak kiosk: lessons, activities and help for a neighbourhood computer room.
///
/// Settings come from built-in defaults, then the config file (the built-in demo config if
/// --config is not given), then DIGIDAK_* environment variables, then these flags.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// The kiosk config file (see kiosk-config/kiosk.toml). Default: the built-in demo config.
    #[arg(long, env = "DIGIDAK_CONFIG", value_name = "PATH", global = true)]
    config: Option<PathBuf>,
    /// The folder for the database and logs. Wins over storage.data_dir in the config.
    #[arg(long, env = "DIGIDAK_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    /// Run in a normal window instead of fullscreen (for trying things out).
    #[arg(long, env = "DIGIDAK_WINDOWED")]
    windowed: bool,
    /// Check the config and its lessons and exit: 0 if all is valid, 2 with every problem if not.
    #[arg(long)]
    check_config: bool,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Read a PIN (4 to 8 digits) on standard input and print its argon2 hash for kiosk.toml.
    HashPin,
    /// Pair this kiosk (its data folder) with a server, as admin mode's pairing form does:
    /// URL is the server's address, CODE a one-time code from `digidak-server kiosk add`.
    Pair { url: String, code: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("digidak: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(Cmd::HashPin) = cli.command {
        return hash_pin();
    }
    let env: Vec<(String, String)> = std::env::vars().collect();
    let loaded = match config::load(cli.config.as_deref(), &env) {
        Ok(loaded) => loaded,
        Err(errors) => {
            eprint!("digidak: {errors}");
            return Ok(ExitCode::from(2));
        }
    };
    if cli.check_config {
        let c = &loaded.config;
        // Lessons are checked too: a broken one would be left out at start-up.
        let lessons = digidak_core::lessons::load(&c.lessons.source());
        println!(
            "{}: the config is valid (kiosk \"{}\", site \"{}\", languages {}).",
            loaded.origin,
            c.kiosk.name,
            c.kiosk.site,
            c.languages
                .offered
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(", ")
        );
        println!(
            "{}: {} lessons load.",
            lessons.origin,
            lessons.lessons.len()
        );
        if !lessons.problems.is_empty() {
            eprintln!(
                "digidak: {} lesson(s) would be left out:",
                lessons.problems.len()
            );
            for p in &lessons.problems {
                eprintln!("  {p}");
            }
            return Ok(ExitCode::from(2));
        }
        return Ok(ExitCode::SUCCESS);
    }

    let data_dir = cli
        .data
        .or_else(|| loaded.config.storage.data_dir.clone())
        .unwrap_or_else(digidak::default_data_dir);
    if let Some(Cmd::Pair { url, code }) = &cli.command {
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("creating the data folder {}", data_dir.display()))?;
        let mut store = digidak::store::Store::open_in(&data_dir)
            .with_context(|| format!("opening the kiosk's store in {}", data_dir.display()))?;
        return match digidak::sync::worker::pair_store(&data_dir, &mut store, url, code) {
            Ok(name) => {
                println!("paired with {url} as {name:?}");
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("digidak: pairing failed: {e}");
                Ok(ExitCode::from(2))
            }
        };
    }
    let _log = digidak::logging::init(&data_dir);
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        config = %loaded.origin,
        data = %data_dir.display(),
        kiosk = %loaded.config.kiosk.name,
        "starting the kiosk"
    );
    // Each language is parsed when first shown (the tests check that all of them parse).
    let translations = Translations::load_on_demand();
    let kiosk = Kiosk::new(
        loaded.config,
        loaded.origin,
        data_dir,
        Arc::new(SystemClock),
    );
    let kiosk_mode = !cli.windowed;
    memory::trim_after_start();
    eframe::run_native(
        "Digidak",
        KioskApp::native_options(kiosk_mode),
        Box::new(move |_cc| {
            Ok(Box::new(KioskApp::new(
                KioskUi::new(kiosk, translations),
                kiosk_mode,
            )))
        }),
    )
    .map_err(|e| {
        // Logged here, while the log file is still open (main's report comes after it closed).
        tracing::error!(error = %e, "the window could not run");
        anyhow::anyhow!("the window could not run: {e}")
    })?;
    tracing::info!("kiosk closed");
    Ok(ExitCode::SUCCESS)
}

fn hash_pin() -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("PIN (4 to 8 digits): ");
        std::io::stderr().flush().ok();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the PIN")?;
    match digidak::pin::hash_pin(line.trim()) {
        Ok(hash) => {
            println!("{hash}");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("digidak: {e}");
            Ok(ExitCode::from(2))
        }
    }
}

/// The allocator's part of the kiosk's memory (measured with `scripts/bench-startup`; README
/// "Performance").
mod memory {
    /// Once start-up has settled (fonts, store, lessons, the first frames), returns the
    /// heap's free pages to the system, from a short-lived thread.
    pub fn trim_after_start() {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        {
            let _ = std::thread::Builder::new()
                .name("digidak-trim".into())
                .stack_size(64 * 1024)
                .spawn(|| {
                    std::thread::sleep(std::time::Duration::from_millis(1500));
                    // SAFETY: malloc_trim is thread-safe; it only gives free memory back.
                    unsafe {
                        libc::malloc_trim(0);
                    }
                });
        }
    }
}
