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

/// Lines the background writer may hold before new ones are dropped (never waited for).
/// tracing-appender's default, 128,000, allocates and touches a 4 MB queue at start: a tenth
/// of the kiosk's own memory, for bursts a kiosk never has.
pub const BUFFERED_LINES: usize = 1_000;

fn non_blocking<W: std::io::Write + Send + 'static>(
    writer: W,
) -> (tracing_appender::non_blocking::NonBlocking, WorkerGuard) {
    tracing_appender::non_blocking::NonBlockingBuilder::default()
        .buffered_lines_limit(BUFFERED_LINES)
        .lossy(true)
        .finish(writer)
}

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
    let (writer, guard) = non_blocking(appender);
    let _ = tracing_subscriber::registry()
        .with(filter())
        .with(fmt::layer().with_writer(std::io::stderr))
        .with(fmt::layer().with_ansi(false).with_writer(writer))
        .try_init();
    LogGuard(Some(guard))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    /// Lines written through the small queue all reach the file, in order, once the guard is
    /// dropped; the queue stays small.
    #[test]
    fn the_background_writer_delivers_every_line_of_a_normal_burst() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log");
        let file = std::fs::File::create(&path).unwrap();
        let (mut writer, guard) = super::non_blocking(file);
        // The fmt layer writes each event as one formatted line, one write call.
        for i in 0..super::BUFFERED_LINES / 2 {
            writer.write_all(format!("line {i}\n").as_bytes()).unwrap();
        }
        drop(guard);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), super::BUFFERED_LINES / 2);
        assert_eq!(lines[0], "line 0");
        assert_eq!(
            *lines.last().unwrap(),
            format!("line {}", super::BUFFERED_LINES / 2 - 1)
        );
    }
}
