//! Lessons in the local store: resume codes made at this kiosk ("continue later") and the
//! anonymous counts (opened, finished, initiations by topic). Each write queues its operation
//! for the server in the same transaction.

use rusqlite::{OptionalExtension, params};

use super::outbox::enqueue;
use super::{Store, StoreError};
use digidak_core::lang::Lang;
use digidak_core::lessons::resume::{self, RESUME_MS, Resume};
use digidak_protocol::{LessonEvent, ResumeSaved, kinds};

/// This kiosk's lesson counts for one month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonCounts {
    /// `YYYY-MM`.
    pub month: String,
    pub opened: u64,
    pub finished: u64,
    /// (topic id, initiations), most first.
    pub initiations: Vec<(String, u64)>,
}

impl Store {
    /// Makes a new resume code for `lesson` at `step` in `lang`, saves it and queues it for the
    /// server (so any kiosk can resume it).
    pub fn save_resume(
        &mut self,
        lesson: &str,
        step: usize,
        lang: Lang,
        now_ms: i64,
    ) -> Result<String, StoreError> {
        let sqlite = self.sqlite_owned();
        let tx = self.conn.transaction().map_err(&sqlite)?;
        let mut code = resume::new_code();
        // A clash among ten-digit codes is rare; try again rather than overwrite.
        for _ in 0..10 {
            let taken: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM lesson_resume WHERE code = ?1)",
                    [&code],
                    |r| r.get(0),
                )
                .map_err(&sqlite)?;
            if !taken {
                break;
            }
            code = resume::new_code();
        }
        tx.execute(
            "INSERT INTO lesson_resume (code, lesson, step, lang, created_ms, expires_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                code,
                lesson,
                step as i64,
                lang.code(),
                now_ms,
                now_ms + RESUME_MS
            ],
        )
        .map_err(&sqlite)?;
        let op = ResumeSaved {
            code: code.clone(),
            lesson: lesson.to_string(),
            step: step as u32,
            lang: lang.code().to_string(),
        };
        enqueue(&tx, kinds::LESSON_RESUME, &op, now_ms).map_err(&sqlite)?;
        tx.commit().map_err(&sqlite)?;
        Ok(code)
    }

    /// A resume code made at this kiosk, if it exists and has not expired.
    pub fn find_resume(&self, code: &str, now_ms: i64) -> Result<Option<Resume>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT lesson, step, lang FROM lesson_resume WHERE code = ?1 AND expires_ms > ?2",
                params![code, now_ms],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()
            .map_err(self.sqlite())?;
        Ok(row.and_then(|(lesson, step, lang)| {
            Some(Resume {
                lesson,
                step: usize::try_from(step).ok()?,
                lang: Lang::from_code(&lang)?,
            })
        }))
    }

    /// Counts a lesson event (`opened`, `finished`, `initiation`) and queues it for the server.
    pub fn record_lesson_event(
        &mut self,
        event: &str,
        topic: &str,
        lesson: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let sqlite = self.sqlite_owned();
        let day = digidak_core::time::day_string(now_ms);
        let tx = self.conn.transaction().map_err(&sqlite)?;
        tx.execute(
            "INSERT INTO lesson_counts (day, event, topic, lesson, count) VALUES (?1, ?2, ?3, ?4, 1)
             ON CONFLICT (day, event, topic, lesson) DO UPDATE SET count = count + 1",
            params![day, event, topic, lesson],
        )
        .map_err(&sqlite)?;
        let op = LessonEvent {
            event: event.to_string(),
            topic: topic.to_string(),
            lesson: lesson.to_string(),
            day,
        };
        enqueue(&tx, kinds::LESSON_EVENT, &op, now_ms).map_err(&sqlite)?;
        tx.commit().map_err(&sqlite)
    }

    /// This kiosk's counts for the month of `now_ms`.
    pub fn lesson_counts(&self, now_ms: i64) -> Result<LessonCounts, StoreError> {
        let month = digidak_core::time::day_string(now_ms)[..7].to_string();
        let mut counts = LessonCounts {
            month: month.clone(),
            ..LessonCounts::default()
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT event, topic, SUM(count) FROM lesson_counts
                 WHERE substr(day, 1, 7) = ?1 GROUP BY event, topic",
            )
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([&month], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(self.sqlite())?;
        for row in rows {
            let (event, topic, n) = row.map_err(self.sqlite())?;
            let n = n.max(0) as u64;
            match event.as_str() {
                "opened" => counts.opened += n,
                "finished" => counts.finished += n,
                "initiation" => counts.initiations.push((topic, n)),
                _ => {}
            }
        }
        counts
            .initiations
            .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(counts)
    }

    /// Checkpoints the WAL into the database and empties it, so values just forgotten do not
    /// linger in the log (the database has `secure_delete` on).
    pub(super) fn truncate_wal(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(self.sqlite())
    }

    pub(super) fn sqlite_owned(&self) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
        let path = self.path.clone();
        move |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        }
    }
}
