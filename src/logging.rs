//! Logs with `tracing`: to stderr, and to a daily file in `<data dir>/logs/` written by a
//! background thread (so the UI thread never waits on the log file). Filter with `DIGIDAK_LOG`
//! (e.g. `DIGIDAK_LOG=debug`); the default is `info`. Logs never hold residents' names.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt;
use tracing_subscriber::prelude::*;

/// Keeps the file writer alive; drop it last so the final lines reach the file.
#[must_use]
pub struct LogGuard(#[allow(dead_code)] Option<WorkerGuard>);

fn filter() -> EnvFilter {
    EnvFilter::try_from_env("DIGIDAK_LOG").unwrap_or_else(|_| EnvFilter::new("info"))
}

/// Logs to stderr only (for command-line tools such as `--check-config`).
pub fn init_stderr() -> LogGuard {
    let _ = tracing_subscriber::registry()
        .with(filter())
        .with(fmt::layer().with_writer(std::io::stderr))
        .try_init();
    LogGuard(None)
}

/// Logs to stderr and to `<data_dir>/logs/digidak.log.<date>`. If the folder cannot be made,
/// says so on stderr and goes on with stderr only.
pub fn init(data_dir: &Path) -> LogGuard {
    let dir = data_dir.join("logs");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!(
            "digidak: cannot create the log folder {}: {e}; logging to stderr only",
            dir.display()
        );
        return init_stderr();
    }
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("digidak.log")
        .max_log_files(14)
        .build(&dir);
    let appender = match appender {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "digidak: cannot open a log file in {}: {e}; logging to stderr only",
                dir.display()
            );
            return init_stderr();
        }
    };
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let _ = tracing_subscriber::registry()
        .with(filter())
        .with(fmt::layer().with_writer(std::io::stderr))
        .with(fmt::layer().with_ansi(false).with_writer(writer))
        .try_init();
    LogGuard(Some(guard))
}
