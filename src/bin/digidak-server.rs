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
//! digidak-server backup --to FILE                            a consistent copy while serving
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context;
use clap::{Parser, Subcommand};

use digidak::server::sqlite::SqliteServerStore;
use digidak::server::{ServerError, ServerStore};

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
    /// The server's SQLite database (created if missing).
    #[arg(
        long,
        env = "DIGIDAK_SERVER_DB",
        default_value = "digidak-server.sqlite3",
        global = true
    )]
    db: PathBuf,
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
        /// Days after an activity that names and phone numbers of its sign-ups are kept;
        /// then only the counts remain (checked at start and every hour).
        #[arg(long, env = "DIGIDAK_SERVER_KEEP_DAYS", default_value_t = 30)]
        keep_days: u32,
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
    /// Copy the database to FILE while the server runs (SQLite's online backup API): a
    /// consistent snapshot to keep elsewhere.
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
}

#[derive(Debug, Subcommand)]
enum BoardCmd {
    /// Write the site's posts on the board now as an A4 PDF with tear-off strips.
    Pdf {
        #[arg(long)]
        site: String,
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
        /// nl, fr or en.
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// Days a post stays on the board after approval or renewal (default 28).
    Expiry {
        #[arg(long)]
        site: String,
        #[arg(long)]
        days: u32,
    },
    /// List a site's posts (status, expiry, title), newest first.
    List {
        #[arg(long)]
        site: String,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCmd {
    /// Create an admin, or give one a new password: reads the password (at least 10
    /// characters) on standard input.
    Set { name: String },
}

// Parsed once per run: the size of the biggest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum ActivityCmd {
    /// Create an activity, or a monthly series of them (--every "2 wednesday" --months 6).
    Add {
        #[arg(long)]
        site: String,
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long)]
        place: String,
        /// Start, e.g. 2026-12-09T14:00.
        #[arg(long)]
        start: String,
        /// End time on the same day, e.g. 16:00.
        #[arg(long)]
        end: String,
        #[arg(long)]
        capacity: u32,
        /// Sign-ups close this many hours before the start.
        #[arg(long, default_value_t = 0)]
        close_hours_before: u32,
        /// Most people in one sign-up.
        #[arg(long, default_value_t = 4)]
        max_party: u32,
        /// Seats each kiosk may confirm while offline.
        #[arg(long, default_value_t = 2)]
        block: u32,
        /// A picture name (see assets/lessons/pictures).
        #[arg(long, default_value = "calendar")]
        picture: String,
        /// Languages spoken, comma separated.
        #[arg(long, default_value = "nl")]
        languages: String,
        /// A monthly series: "2 wednesday" (1-4, or "last").
        #[arg(long)]
        every: Option<String>,
        /// How many months the series runs.
        #[arg(long, default_value_t = 1)]
        months: u32,
    },
    /// Change an activity: give only what changes. --cancel: it does not take place.
    Edit {
        id: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        capacity: Option<u32>,
        #[arg(long)]
        max_party: Option<u32>,
        #[arg(long)]
        block: Option<u32>,
        /// Languages spoken, comma separated.
        #[arg(long)]
        languages: Option<String>,
        #[arg(long)]
        cancel: bool,
    },
    /// List a site's activities with their seats.
    List {
        #[arg(long)]
        site: String,
    },
    /// The sign-ups of an activity as CSV (names and phones: keep the file safe).
    Signups { id: String },
    /// Forget names and phones of sign-ups of activities that ended more than DAYS ago.
    Forget {
        #[arg(long, default_value_t = 30)]
        days: u32,
    },
    /// The site's coming activities as an iCalendar file (.ics), for a calendar app.
    Ics {
        #[arg(long)]
        site: String,
    },
}

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

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn main() -> ExitCode {
    let _log = digidak::logging::init_stderr();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("digidak-server: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let store = SqliteServerStore::open(&cli.db).context("opening the database")?;
    match cli.command {
        Cmd::Serve {
            listen,
            lessons,
            keep_days,
        } => serve(store, &listen, lessons, keep_days),
        Cmd::Kiosk { command } => kiosk(store, command),
        Cmd::Usage => {
            for (site, day, name, count) in store.usage_counts()? {
                println!("{site}\t{day}\t{name}\t{count}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Activity { command } => activity(store, command),
        Cmd::Board { command } => board(store, command),
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
            command: AdminCmd::Set { name },
        } => {
            let name = name.trim().to_string();
            if name.is_empty() || name.len() > 64 {
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
            match digidak::server::admin_web::hash_password(line.trim_end_matches(['\n', '\r'])) {
                Ok(hash) => {
                    store.set_admin(&name, &hash, now_ms())?;
                    println!("admin {name:?} can log in at /admin");
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

fn activity(store: SqliteServerStore, command: ActivityCmd) -> anyhow::Result<ExitCode> {
    match command {
        ActivityCmd::Add {
            site,
            title,
            description,
            place,
            start,
            end,
            capacity,
            close_hours_before,
            max_party,
            block,
            picture,
            languages,
            every,
            months,
        } => {
            let refuse = |m: String| {
                eprintln!("digidak-server: {m}");
                Ok(ExitCode::from(2))
            };
            let Some(first) = digidak::activities::parse_local(&start) else {
                return refuse(format!("--start {start:?} is not like 2026-12-09T14:00"));
            };
            let Ok(end_time) = end.parse::<jiff::civil::Time>() else {
                return refuse(format!("--end {end:?} is not a time like 16:00"));
            };
            let dates = match &every {
                None => vec![first.date()],
                Some(rule) => match parse_every(rule) {
                    Some((nth, weekday)) => {
                        digidak::activities::monthly_series(first.date(), nth, weekday, months)
                            .into_iter()
                            .filter(|d| *d >= first.date())
                            .collect()
                    }
                    None => {
                        return refuse(format!(
                            "--every {rule:?} is not like \"2 wednesday\" or \"last friday\""
                        ));
                    }
                },
            };
            for date in dates {
                let s = date.to_datetime(first.time());
                let e = date.to_datetime(end_time);
                let deadline = s
                    .checked_sub(jiff::Span::new().hours(i64::from(close_hours_before)))
                    .unwrap_or(s);
                let fmt = |d: jiff::civil::DateTime| d.strftime("%Y-%m-%dT%H:%M").to_string();
                let record = digidak::sync::protocol::ActivityRecord {
                    id: uuid::Uuid::now_v7().to_string(),
                    title: title.clone(),
                    description: description.clone(),
                    picture: picture.clone(),
                    place: place.clone(),
                    start: fmt(s),
                    end: fmt(e),
                    deadline: fmt(deadline),
                    capacity,
                    max_party,
                    block,
                    languages: split_list(&languages),
                    deleted: false,
                };
                match store.save_activity(&site, &record, now_ms()) {
                    Ok(()) => println!("{}\t{}\t{}", record.id, record.start, record.title),
                    Err(ServerError::BadRequest(m)) => return refuse(m),
                    Err(e) => return Err(e.into()),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        ActivityCmd::Edit {
            id,
            title,
            description,
            place,
            capacity,
            max_party,
            block,
            languages,
            cancel,
        } => {
            let Some((site, mut a)) = find_activity(&store, &id)? else {
                eprintln!("digidak-server: no activity {id:?} (see `activity list --site ...`)");
                return Ok(ExitCode::from(2));
            };
            a.title = title.unwrap_or(a.title);
            a.description = description.unwrap_or(a.description);
            a.place = place.unwrap_or(a.place);
            a.capacity = capacity.unwrap_or(a.capacity);
            a.max_party = max_party.unwrap_or(a.max_party);
            a.block = block.unwrap_or(a.block);
            if let Some(l) = languages {
                a.languages = split_list(&l);
            }
            a.deleted |= cancel;
            match store.save_activity(&site, &a, now_ms()) {
                Ok(()) => {
                    println!("{}\t{}\t{}", a.id, a.start, a.title);
                    Ok(ExitCode::SUCCESS)
                }
                Err(ServerError::BadRequest(m)) => {
                    eprintln!("digidak-server: {m}");
                    Ok(ExitCode::from(2))
                }
                Err(e) => Err(e.into()),
            }
        }
        ActivityCmd::List { site } => {
            println!("id\tstart\ttitle\tcapacity\tconfirmed\tfree\twaitlisted");
            for a in store.activities(&site)? {
                let r = &a.activity;
                if r.deleted {
                    continue;
                }
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.id, r.start, r.title, r.capacity, a.confirmed, a.free, a.waitlisted
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ActivityCmd::Forget { days } => {
            let n = store.forget_old_signups(days, now_ms())?;
            println!("forgot the names and phone numbers of {n} sign-ups");
            Ok(ExitCode::SUCCESS)
        }
        ActivityCmd::Ics { site } => {
            print!(
                "{}",
                digidak::activities::ics(&store.activities(&site)?, now_ms())
            );
            Ok(ExitCode::SUCCESS)
        }
        ActivityCmd::Signups { id } => {
            println!("{}", digidak::activities::CSV_HEADER);
            for s in store.signups(&id)? {
                println!(
                    "{}",
                    digidak::activities::csv_line(
                        &s.seq.to_string(),
                        &s.code,
                        &s.first_name,
                        s.phone.as_deref(),
                        s.party,
                        &s.status,
                        s.checked_in_ms
                    )
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The site and record of an activity, by id.
fn find_activity(
    store: &SqliteServerStore,
    id: &str,
) -> anyhow::Result<Option<(String, digidak::sync::protocol::ActivityRecord)>> {
    Ok(store
        .activity_site(id)?
        .map(|site| {
            store.activities(&site).map(|l| {
                l.into_iter()
                    .find(|a| a.activity.id == id)
                    .map(|a| (site, a.activity))
            })
        })
        .transpose()?
        .flatten())
}

/// "2 wednesday" or "last friday".
fn parse_every(rule: &str) -> Option<(u8, jiff::civil::Weekday)> {
    use jiff::civil::Weekday::*;
    let mut words = rule.split_whitespace();
    let nth = match words.next()?.to_ascii_lowercase().as_str() {
        "last" => 5,
        n => n
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()
            .filter(|n| (1..=4).contains(n))?,
    };
    let day = match words.next()?.to_ascii_lowercase().as_str() {
        "monday" => Monday,
        "tuesday" => Tuesday,
        "wednesday" => Wednesday,
        "thursday" => Thursday,
        "friday" => Friday,
        "saturday" => Saturday,
        "sunday" => Sunday,
        _ => return None,
    };
    Some((nth, day))
}

fn kiosk(store: SqliteServerStore, command: KioskCmd) -> anyhow::Result<ExitCode> {
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
                "name\tsite\tstatus\tlast seen\tversion\tpending ops\tdead letters\tlast frame\tclock skew"
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
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
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
    let (y, m, d) = digidak::sync::civil_day(ms);
    let secs = ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60
    )
}

fn serve(
    store: SqliteServerStore,
    listen: &str,
    lessons: Option<PathBuf>,
    keep_days: u32,
) -> anyhow::Result<ExitCode> {
    let store: Arc<SqliteServerStore> = Arc::new(store);
    let retention = store.clone();
    let state = digidak::server::http::AppState::new(store, lessons);
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
        // Personal data of past activities: kept `keep_days`, then only counts.
        tokio::spawn(async move {
            let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                hourly.tick().await;
                let store = retention.clone();
                let done = tokio::task::spawn_blocking(move || {
                    store.forget_old_signups(keep_days, now_ms())
                })
                .await;
                match done {
                    Ok(Ok(n)) if n > 0 => {
                        tracing::info!(signups = n, "old personal data forgotten")
                    }
                    Ok(Err(e)) => tracing::error!(error = %e, "forgetting old personal data"),
                    _ => {}
                }
            }
        });
        digidak::server::http::serve_with(listener, state, shutdown_signal()).await?;
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

fn board(store: SqliteServerStore, command: BoardCmd) -> anyhow::Result<ExitCode> {
    use digidak::server::BoardStore;
    match command {
        BoardCmd::Pdf { site, to, lang } => {
            let lang = digidak::lang::Lang::from_code(&lang)
                .ok_or_else(|| anyhow::anyhow!("--lang must be nl, fr or en"))?;
            let tr = digidak::i18n::Translations::load()?;
            let now = digidak::server::http::now_ms();
            let bytes = digidak::server::admin_board_pdf(&store, &tr, lang, &site, now)?;
            std::fs::write(&to, bytes).with_context(|| format!("writing {}", to.display()))?;
            println!("paper board written to {}", to.display());
        }
        BoardCmd::Expiry { site, days } => {
            store.set_post_days(&site, days)?;
            println!("posts of {site} stay {days} days");
        }
        BoardCmd::List { site } => {
            for p in store.posts(
                &site,
                &["waiting", "public", "reported", "rejected", "closed"],
            )? {
                let expires = p
                    .expires_ms
                    .map(digidak::activities::local_now)
                    .unwrap_or_default();
                println!(
                    "{}\t{}\t{}\t{}",
                    p.status, expires, p.post.kind, p.post.title
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
