//! The numbers a coordinator reports per site and month: visits by module, lessons opened and
//! finished, initiations by topic, sign-ups, people expected and people who came, board posts, replies and matches. Counts only:
//! nothing here can point to a person.

use rusqlite::Connection;

/// One figure: site, month (`YYYY-MM`), what, how many.
pub type NumberRow = (String, String, String, i64);

/// Every figure, ordered by site, month and name.
pub fn all(conn: &Connection) -> rusqlite::Result<Vec<NumberRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT site, month, what, n FROM (
           SELECT site, substr(day, 1, 7) AS month, 'visits.' || name AS what, SUM(count) AS n
             FROM usage_counts GROUP BY site, month, what
           UNION ALL
           SELECT site, substr(day, 1, 7), 'lessons.' || event, SUM(count)
             FROM lesson_counts WHERE event != 'initiation' GROUP BY site, substr(day, 1, 7), event
           UNION ALL
           SELECT site, substr(day, 1, 7), 'initiations.' || topic, SUM(count)
             FROM lesson_counts WHERE event = 'initiation' GROUP BY site, substr(day, 1, 7), topic
           UNION ALL
           SELECT s.site, substr(a.start, 1, 7), 'signups', COUNT(*)
             FROM signups s JOIN activities a ON a.id = s.activity_id
             WHERE s.status != 'cancelled' GROUP BY s.site, substr(a.start, 1, 7)
           UNION ALL
           SELECT s.site, substr(a.start, 1, 7), 'people.expected', SUM(s.party)
             FROM signups s JOIN activities a ON a.id = s.activity_id
             WHERE s.status = 'confirmed' GROUP BY s.site, substr(a.start, 1, 7)
           UNION ALL
           SELECT s.site, substr(a.start, 1, 7), 'people.came', SUM(s.party)
             FROM signups s JOIN activities a ON a.id = s.activity_id
             WHERE s.checked_in_ms IS NOT NULL GROUP BY s.site, substr(a.start, 1, 7)
           UNION ALL
           SELECT site, month, 'signals.' || kind, COUNT(*) FROM signals GROUP BY site, month, kind
           UNION ALL {}
         ) ORDER BY site, month, what",
        BOARD_NUMBERS_SQL
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// Posts, replies and matches per site and month, for the coordinator's numbers.
const BOARD_NUMBERS_SQL: &str = "
           SELECT site, month, 'board.posts', COUNT(*) FROM posts GROUP BY site, month
           UNION ALL
           SELECT site, month, 'board.replies', COUNT(*) FROM post_replies GROUP BY site, month
           UNION ALL
           SELECT site, closed_month, 'board.matches', COUNT(*) FROM posts
             WHERE helped = 1 AND closed_month IS NOT NULL GROUP BY site, closed_month";

/// The same figures on PostgreSQL (sums cast back to `BIGINT`, flags as booleans).
pub const POSTGRES_SQL: &str = "
    SELECT site, month, what, n FROM (
      SELECT site, substr(day, 1, 7) AS month, 'visits.' || name AS what, SUM(count)::BIGINT AS n
        FROM usage_counts GROUP BY site, substr(day, 1, 7), 'visits.' || name
      UNION ALL
      SELECT site, substr(day, 1, 7), 'lessons.' || event, SUM(count)::BIGINT
        FROM lesson_counts WHERE event != 'initiation'
        GROUP BY site, substr(day, 1, 7), event
      UNION ALL
      SELECT site, substr(day, 1, 7), 'initiations.' || topic, SUM(count)::BIGINT
        FROM lesson_counts WHERE event = 'initiation' GROUP BY site, substr(day, 1, 7), topic
      UNION ALL
      SELECT s.site, substr(a.start, 1, 7), 'signups', COUNT(*)
        FROM signups s JOIN activities a ON a.id = s.activity_id
        WHERE s.status != 'cancelled' GROUP BY s.site, substr(a.start, 1, 7)
      UNION ALL
      SELECT s.site, substr(a.start, 1, 7), 'people.expected', SUM(s.party)::BIGINT
        FROM signups s JOIN activities a ON a.id = s.activity_id
        WHERE s.status = 'confirmed' GROUP BY s.site, substr(a.start, 1, 7)
      UNION ALL
      SELECT s.site, substr(a.start, 1, 7), 'people.came', SUM(s.party)::BIGINT
        FROM signups s JOIN activities a ON a.id = s.activity_id
        WHERE s.checked_in_ms IS NOT NULL GROUP BY s.site, substr(a.start, 1, 7)
      UNION ALL
      SELECT site, month, 'signals.' || kind, COUNT(*) FROM signals GROUP BY site, month, kind
      UNION ALL
      SELECT site, month, 'board.posts', COUNT(*) FROM posts GROUP BY site, month
      UNION ALL
      SELECT site, month, 'board.replies', COUNT(*) FROM post_replies GROUP BY site, month
      UNION ALL
      SELECT site, closed_month, 'board.matches', COUNT(*) FROM posts
        WHERE helped AND closed_month IS NOT NULL GROUP BY site, closed_month
    ) AS figures ORDER BY site, month, what";
