//! `digidak-server`: the central server kiosks sync to, and its admin commands.
//!
//! ```text
//! digidak-server serve --listen 127.0.0.1:8080 --db /var/lib/digidak/server.sqlite3
//! digidak-server kiosk add "PC 1" --site buurthuis-noord    prints a one-time pairing code
//! digidak-server kiosk list
//! digidak-server kiosk revoke "PC 1"
//! digidak-server usage                                       anonymous visit counts
//! digidak-server lessons                                     lessons opened/finished, initiations
//! digidak-server admin set NAME                              an admin of the admin web (password on stdin)
//! digidak-server admin remove NAME                           it can no longer log in; its sessions end
//! digidak-server backup --to FILE                            a consistent copy while serving
//! digidak-server --db NEW.sqlite3 demo                        example content for a first run
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};

use digidak_server::postgres::PgServerStore;
use digidak_server::sqlite::SqliteServerStore;
use digidak_server::{ServerError, ServerStore};

mod activity;
mod board;
mod partner;

use activity::{ActivityCmd, activity};
use board::{BoardCmd, board};
use partner::{PartnerCmd, partner};

/// Digidak server: the place kiosks of many sites sync to, the phone pages behind the kiosks'
/// QR codes, and the admin web (/admin).
///
/// Running it for real: give it a data folder of its own (--db /var/lib/digidak/server.sqlite3),
/// listen on 127.0.0.1 behind a reverse proxy that adds TLS (kiosks, phones and the admin web
/// use the https:// address; admin cookies are Secure), back it up while it runs with
/// `backup --to FILE` (SQLite's online backup API; never `cp` the live file), and create admin
/// accounts with `admin set NAME`. See the README's "Running it for real".
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// The server's database: a SQLite file (created if missing; `sqlite:PATH` also works),
    /// or a PostgreSQL address `postgres://USER@HOST/DB` for several server instances on one
    /// database (README, "Running on PostgreSQL"). Also read from `DIGIDAK_DB` when
    /// `DIGIDAK_SERVER_DB` is not set. [default: digidak-server.sqlite3]
    #[arg(long, env = "DIGIDAK_SERVER_DB", global = true)]
    db: Option<String>,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Serve the sync API until stopped (Ctrl-C or SIGTERM finish in-flight requests first).
    Serve {
        /// Address and port to listen on; port 0 picks a free one.
        #[arg(long, env = "DIGIDAK_SERVER_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
        /// The lessons the phone pages show (a folder like assets/lessons/); default: the
        /// built-in lessons. Use the same folder as the kiosks' `lessons.dir`.
        #[arg(long, env = "DIGIDAK_SERVER_LESSONS", value_name = "DIR")]
        lessons: Option<PathBuf>,
        /// Days after an activity that names and phone numbers of its sign-ups are kept, and
        /// days after a post ended that its replies are kept; then only the counts remain
        /// (checked at start and every hour).
        #[arg(long, env = "DIGIDAK_SERVER_KEEP_DAYS", default_value_t = 30)]
        keep_days: u32,
        /// Minutes an admin web session lasts without use (it lasts 12 hours at most).
        #[arg(long, env = "DIGIDAK_SERVER_ADMIN_IDLE_MINUTES", default_value_t = 30,
              value_parser = clap::value_parser!(u32).range(1..=720))]
        admin_idle_minutes: u32,
        /// Open connections at most; more wait until one closes.
        #[arg(long, env = "DIGIDAK_SERVER_MAX_CONNECTIONS", default_value_t = 512,
              value_parser = clap::value_parser!(u32).range(1..=100_000))]
        max_connections: u32,
        /// The kiosk release to recommend (MAJOR.MINOR.PATCH); kiosks older than it say so in
        /// admin mode. Default: this server's own release.
        #[arg(long, env = "DIGIDAK_SERVER_RECOMMEND_KIOSK", value_name = "VERSION",
              value_parser = release_number)]
        recommend_kiosk: Option<String>,
    },
    /// Manage kiosks.
    Kiosk {
        #[command(subcommand)]
        command: KioskCmd,
    },
    /// Show anonymous usage counts per site and day.
    Usage,
    /// Show lesson counts per site and month: lessons opened, finished, and initiations
    /// given by volunteers, by topic (tab separated, for a spreadsheet).
    Lessons,
    /// Bring the database's schema up to this release (serve does it too, at start). With
    /// --from and --to: copy a SQLite installation into a new PostgreSQL database.
    Migrate {
        /// The SQLite file to copy from (the server may keep running on it).
        #[arg(long, value_name = "FILE.sqlite3", requires = "to")]
        from: Option<PathBuf>,
        /// The new, empty PostgreSQL database to copy into (postgres://...).
        #[arg(long, value_name = "URL", requires = "from")]
        to: Option<String>,
    },
    /// Copy the database to FILE while the server runs (SQLite's online backup API): a
    /// consistent snapshot to keep elsewhere. On PostgreSQL: use pg_dump.
    Backup {
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Admin accounts of the admin web (`/admin`).
    Admin {
        #[command(subcommand)]
        command: AdminCmd,
    },
    /// Manage activities (times are local times in Europe/Brussels).
    Activity {
        #[command(subcommand)]
        command: ActivityCmd,
    },
    /// The ask & offer board: the paper board, how long posts stay, what waits.
    Board {
        #[command(subcommand)]
        command: BoardCmd,
    },
    /// Local partners of a site (the OCMW, a care organisation): "Wie kan helpen".
    Partner {
        #[command(subcommand)]
        command: PartnerCmd,
    },
    /// Fill a NEW database with example content marked "Voorbeeld" (activities, posts,
    /// sign-ups, a help call, a lesson resume code) and register a kiosk for the demo; prints
    /// `pairing-code CODE` and `resume-code CODE`. Refuses a database that has kiosks, so
    /// demo data never mixes with real data. `scripts/kiosk` uses it on a throwaway folder.
    Demo {
        /// The site of the example content (the demo config's site).
        #[arg(long, default_value = "demo-buurthuis")]
        site: String,
        /// The name of the kiosk that will show the demo.
        #[arg(long, default_value = "Demo kiosk")]
        kiosk: String,
        /// Also create this admin of the admin web, with password `voorbeeld-1234`.
        #[arg(long, value_name = "NAME")]
        admin: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCmd {
    /// Create an admin, or give one a new password: reads the password (at least 10
    /// characters) on standard input.
    Set { name: String },
    /// Remove an admin: it can no longer log in, and its open sessions end.
    Remove { name: String },
}

// Parsed once per run: the size of the biggest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum KioskCmd {
    /// Register a kiosk and print its one-time pairing code (valid 24 hours).
    Add {
        name: String,
        #[arg(long)]
        site: String,
    },
    /// List kiosks: name, site, last seen, version, pending operations.
    List,
    /// Revoke a kiosk: its next request is refused.
    Revoke { name: String },
}

/// Logs to stderr (the journal under systemd). Filter with `DIGIDAK_LOG` (e.g.
/// `DIGIDAK_LOG=debug`); the default is `info`. Logs never hold residents' names, phones or codes.
fn init_logs() {
    use tracing_subscriber::prelude::*;
    let filter = tracing_subscriber::EnvFilter::try_from_env("DIGIDAK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::registry()
        .with(filter)
        // Colours only on a terminal: the journal (systemd) keeps plain lines.
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())),
        )
        .try_init();
}
/// The demo admin's password (only ever set by `demo`, on a demo database).
const DEMO_PASSWORD: &str = "voorbeeld-1234";

fn now_ms() -> i64 {
    digidak_server::http::now_ms()
}

fn main() -> ExitCode {
    init_logs();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("digidak-server: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The database `--db` (or `DIGIDAK_SERVER_DB`, or `DIGIDAK_DB`) names, else the default file.
fn database(db: Option<String>) -> String {
    db.or_else(|| std::env::var("DIGIDAK_DB").ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "digidak-server.sqlite3".into())
}

/// Opens the database `--db` names: PostgreSQL for a `postgres://` address, else SQLite.
fn open_store(db: &str) -> anyhow::Result<Arc<dyn ServerStore>> {
    if digidak_server::postgres::is_postgres_url(db) {
        let store = PgServerStore::open(db).context("opening the PostgreSQL database")?;
        return Ok(Arc::new(store));
    }
    let path = db.strip_prefix("sqlite:").unwrap_or(db);
    let store =
        SqliteServerStore::open(std::path::Path::new(path)).context("opening the database")?;
    Ok(Arc::new(store))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Cmd::Migrate {
        from: Some(from),
        to: Some(to),
    } = &cli.command
    {
        if !digidak_server::postgres::is_postgres_url(to) {
            eprintln!("digidak-server: --to must be a postgres:// address");
            return Ok(ExitCode::from(2));
        }
        return match digidak_server::postgres::copy_from_sqlite(from, to) {
            Ok(report) => {
                for (table, rows) in report {
                    println!("{table}\t{rows}");
                }
                println!(
                    "copied {} to {}",
                    from.display(),
                    digidak_server::postgres::shown_url(to)
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(ServerError::Conflict(m) | ServerError::BadRequest(m)) => {
                eprintln!("digidak-server: {m}");
                Ok(ExitCode::from(2))
            }
            Err(e) => Err(anyhow::Error::new(e).context("copying the database")),
        };
    }
    let store = open_store(&database(cli.db))?;
    match cli.command {
        Cmd::Migrate { .. } => {
            println!("the database's schema is up to date");
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Serve {
            listen,
            lessons,
            keep_days,
            admin_idle_minutes,
            max_connections,
            recommend_kiosk,
        } => {
            let limits = digidak_server::http::EdgeLimits {
                max_connections: max_connections as usize,
                ..Default::default()
            };
            let idle = std::time::Duration::from_secs(u64::from(admin_idle_minutes) * 60);
            serve(
                store.clone(),
                &listen,
                lessons,
                keep_days,
                idle,
                limits,
                recommend_kiosk.as_deref(),
            )
        }
        Cmd::Kiosk { command } => kiosk(&*store, command),
        Cmd::Usage => {
            for (site, day, name, count) in store.usage_counts()? {
                println!("{site}\t{day}\t{name}\t{count}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Activity { command } => activity(&*store, command),
        Cmd::Board { command } => board(&*store, command),
        Cmd::Partner { command } => partner(&*store, command),
        Cmd::Demo { site, kiosk, admin } => {
            match digidak_server::demo::seed(&*store, &site, &kiosk, now_ms()) {
                Ok(seed) => {
                    if let Some(name) = admin {
                        let hash = digidak_server::admin_web::hash_password(DEMO_PASSWORD)
                            .map_err(anyhow::Error::msg)?;
                        store.set_admin(&name, &hash, now_ms())?;
                        println!("admin {name} {DEMO_PASSWORD}");
                    }
                    println!("pairing-code {}", seed.pairing_code);
                    println!("resume-code {}", seed.resume_code);
                    Ok(ExitCode::SUCCESS)
                }
                Err(ServerError::Conflict(m) | ServerError::BadRequest(m)) => {
                    eprintln!("digidak-server: {m}");
                    Ok(ExitCode::from(2))
                }
                Err(e) => Err(e.into()),
            }
        }
        Cmd::Backup { to } => {
            if to.exists() {
                eprintln!(
                    "digidak-server: {} exists; choose a new file name",
                    to.display()
                );
                return Ok(ExitCode::from(2));
            }
            store
                .backup(&to)
                .with_context(|| format!("writing the backup to {}", to.display()))?;
            println!("backup written to {}", to.display());
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Admin {
            command: AdminCmd::Remove { name },
        } => {
            let name = digidak_core::text::clean_line(&name, usize::MAX);
            if store.remove_admin(&name)? {
                println!("admin {name:?} removed; its sessions ended");
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("digidak-server: no admin named {name:?}");
                Ok(ExitCode::from(2))
            }
        }
        Cmd::Admin {
            command: AdminCmd::Set { name },
        } => {
            // The same cleaning as the login form's, so the name typed there matches.
            let name = digidak_core::text::clean_line(&name, usize::MAX);
            if name.is_empty() || name.chars().count() > 64 {
                eprintln!("digidak-server: an admin name is 1 to 64 characters");
                return Ok(ExitCode::from(2));
            }
            let mut line = String::new();
            if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                eprint!("Password for {name} (at least 10 characters): ");
            }
            std::io::stdin()
                .read_line(&mut line)
                .context("reading the password")?;
            match digidak_server::admin_web::hash_password(line.trim_end_matches(['\n', '\r'])) {
                Ok(hash) => {
                    store.set_admin(&name, &hash, now_ms())?;
                    println!("admin {name:?} can log in at /admin (its open sessions ended)");
                    Ok(ExitCode::SUCCESS)
                }
                Err(m) => {
                    eprintln!("digidak-server: {m}");
                    Ok(ExitCode::from(2))
                }
            }
        }
        Cmd::Lessons => {
            println!("site\tmonth\tevent\ttopic\tcount");
            for (site, month, event, topic, count) in store.lesson_counts()? {
                println!("{site}\t{month}\t{event}\t{topic}\t{count}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn kiosk(store: &dyn ServerStore, command: KioskCmd) -> anyhow::Result<ExitCode> {
    match command {
        KioskCmd::Add { name, site } => match store.add_kiosk(&name, &site, now_ms()) {
            Ok(code) => {
                println!("{code}");
                eprintln!(
                    "Pairing code for {name:?} at site {site:?}, valid 24 hours. On the kiosk: \
                     admin mode, enter the server address and this code."
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(ServerError::BadRequest(m) | ServerError::Conflict(m)) => {
                eprintln!("digidak-server: {m}");
                Ok(ExitCode::from(2))
            }
            Err(e) => Err(e.into()),
        },
        KioskCmd::List => {
            println!(
                "name\tsite\tstatus\tlast seen\tversion\tpending ops\tdead letters\tlast frame\tclock skew\tprotocol"
            );
            for k in store.list_kiosks()? {
                let status = if k.revoked {
                    "revoked"
                } else if k.paired {
                    "paired"
                } else {
                    "waiting for pairing"
                };
                let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
                // The protocol of its last push, flagged when older than this server's.
                let protocol = match k.protocol {
                    None => "-".to_string(),
                    Some(p) if p < digidak_protocol::MIN_PROTOCOL_VERSION => {
                        format!("{p} (too old: refused)")
                    }
                    Some(p) if p < digidak_protocol::PROTOCOL_VERSION => {
                        format!("{p} (older)")
                    }
                    Some(p) => p.to_string(),
                };
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    k.name,
                    k.site,
                    status,
                    k.last_seen_ms
                        .map(format_ms)
                        .unwrap_or_else(|| "never".into()),
                    k.app_version.unwrap_or_else(|| "-".into()),
                    opt(k.outbox_len),
                    opt(k.dead_letters),
                    // When the kiosk last painted its screen: a frozen screen shows here.
                    k.last_frame_ms.map(format_ms).unwrap_or_else(|| "-".into()),
                    k.skew_ms
                        .map(|s| format!("{:+.1} s", s as f64 / 1000.0))
                        .unwrap_or_else(|| "-".into()),
                    protocol,
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        KioskCmd::Revoke { name } => {
            if store.revoke_kiosk(&name, now_ms())? {
                println!("revoked {name:?}");
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("digidak-server: no active kiosk named {name:?}");
                Ok(ExitCode::from(2))
            }
        }
    }
}

/// UTC time for the admin's eye.
fn format_ms(ms: i64) -> String {
    let (y, m, d) = digidak_core::time::civil_day(ms);
    let secs = ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// A release number as `--recommend-kiosk` takes it.
fn release_number(v: &str) -> Result<String, String> {
    digidak_core::version::parse(v)
        .map(|_| v.trim().to_string())
        .ok_or_else(|| format!("{v:?} is not a release number like 0.2.0"))
}

fn serve(
    store: Arc<dyn ServerStore>,
    listen: &str,
    lessons: Option<PathBuf>,
    keep_days: u32,
    admin_idle: std::time::Duration,
    limits: digidak_server::http::EdgeLimits,
    recommend_kiosk: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let retention = store.clone();
    let mut state = digidak_server::http::AppState::new(store, lessons).with_admin_idle(admin_idle);
    if let Some(version) = recommend_kiosk {
        state = state.with_recommended_kiosk_version(version);
    }
    tracing::info!(
        lessons = state.lessons.lessons.len(),
        left_out = state.lessons.problems.len(),
        from = %state.lessons.origin,
        "lessons for the phone pages"
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        let addr = listener.local_addr()?;
        // Tests and scripts read this line to find the port.
        println!("listening on http://{addr}");
        tracing::info!(%addr, "digidak-server started");
        // Personal data of past activities and ended posts: kept `keep_days`, then only
        // counts.
        tokio::spawn(async move {
            let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                hourly.tick().await;
                let store = retention.clone();
                let done = tokio::task::spawn_blocking(move || {
                    let now = now_ms();
                    // Care signals nobody handled: their note and phone after 30 days.
                    let signals = digidak_server::PartnerAccounts::forget_old_signals(
                        &*store,
                        digidak_core::partners::KEEP_SIGNAL_DAYS,
                        now,
                    )?;
                    if signals > 0 {
                        tracing::info!(signals, "old care signals forgotten");
                    }
                    Ok::<_, ServerError>((
                        store.forget_old_signups(keep_days, now)?,
                        store.forget_old_replies(keep_days, now)?,
                    ))
                })
                .await;
                match done {
                    Ok(Ok((signups, replies))) if signups + replies > 0 => {
                        tracing::info!(signups, replies, "old personal data forgotten")
                    }
                    Ok(Err(e)) => tracing::error!(error = %e, "forgetting old personal data"),
                    _ => {}
                }
            }
        });
        digidak_server::http::serve_with_limits(listener, state, limits, shutdown_signal()).await?;
        tracing::info!("digidak-server stopped");
        Ok::<_, anyhow::Error>(ExitCode::SUCCESS)
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing requests under way");
}
