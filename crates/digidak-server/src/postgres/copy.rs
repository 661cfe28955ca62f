//! `digidak-server migrate --from FILE.sqlite3 --to postgres://...`: copies an installation
//! from SQLite to a new PostgreSQL database, every table, row for row.
//!
//! The SQLite file is read in one read transaction (a consistent snapshot: the server may keep
//! running on it meanwhile), the PostgreSQL side is written in one transaction (all or
//! nothing). The tables and their columns are PostgreSQL's own schema, read from
//! `information_schema`; each value is converted to its column's type. The feed's sequence
//! numbers are kept, so paired kiosks carry on pulling where they were.

use std::path::Path;

use postgres::types::ToSql;

use crate::ServerError;

/// The tables in an order that satisfies their foreign keys.
const ORDER: &[&str] = &[
    "kiosks",
    "ops",
    "changes",
    "help_requests",
    "usage_counts",
    "lesson_resume",
    "lesson_counts",
    "activities",
    "seat_blocks",
    "signups",
    "admins",
    "admin_sessions",
    "posts",
    "post_replies",
    "site_settings",
    "login_tries",
    "partners",
    "partner_accounts",
    "partner_sessions",
    "partner_posts",
    "partner_replies",
    "signals",
    "partner_logos",
    "partner_sites",
];

/// How many rows of each table were copied.
pub type CopyReport = Vec<(String, u64)>;

/// A value for a column of PostgreSQL's type (a NULL of that type too).
enum Value {
    Int(Option<i64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
}

impl Value {
    fn sql(&self) -> &(dyn ToSql + Sync) {
        match self {
            Value::Int(v) => v,
            Value::Bool(v) => v,
            Value::Text(v) => v,
            Value::Bytes(v) => v,
        }
    }
}

fn convert(
    table: &str,
    column: &str,
    pg_type: &str,
    v: rusqlite::types::ValueRef<'_>,
) -> Result<Value, ServerError> {
    use rusqlite::types::ValueRef;
    let bad = || {
        ServerError::BadRequest(format!(
            "{table}.{column}: a value SQLite holds does not fit PostgreSQL's {pg_type}"
        ))
    };
    Ok(match (pg_type, v) {
        ("bigint", ValueRef::Null) => Value::Int(None),
        ("boolean", ValueRef::Null) => Value::Bool(None),
        ("text", ValueRef::Null) => Value::Text(None),
        ("bigint", ValueRef::Integer(i)) => Value::Int(Some(i)),
        ("boolean", ValueRef::Integer(i)) => Value::Bool(Some(i != 0)),
        ("text", ValueRef::Text(t)) => {
            Value::Text(Some(String::from_utf8(t.to_vec()).map_err(|_| bad())?))
        }
        ("text", ValueRef::Integer(i)) => Value::Text(Some(i.to_string())),
        ("bytea", ValueRef::Null) => Value::Bytes(None),
        ("bytea", ValueRef::Blob(b)) => Value::Bytes(Some(b.to_vec())),
        _ => return Err(bad()),
    })
}

/// Copies every table of the SQLite file at `from` into the PostgreSQL database `to`, which
/// must be new (its schema is made here; a database that holds kiosks or changes is refused).
pub fn copy_from_sqlite(from: &Path, to: &str) -> Result<CopyReport, ServerError> {
    // Opening migrates both to this server's schema (the SQLite file in place, as `serve`
    // would).
    drop(crate::sqlite::SqliteServerStore::open(from)?);
    let target = super::PgServerStore::open(to)?;
    let source = digidak_sqlite::open_read_only(from).map_err(|e| ServerError::Open {
        path: from.display().to_string(),
        detail: e.to_string(),
    })?;
    let mut conn = target.conn()?;
    let mut t = conn.client.transaction()?;
    t.execute("SELECT pg_advisory_xact_lock($1)", &[&super::WRITE_LOCK])?;
    let used: i64 = t
        .query_one(
            "SELECT (SELECT COUNT(*) FROM kiosks) + (SELECT COUNT(*) FROM changes)",
            &[],
        )?
        .get(0);
    if used > 0 {
        return Err(ServerError::Conflict(format!(
            "{} holds data already: migrate into a new, empty database",
            super::shown_url(to)
        )));
    }
    // One snapshot of the whole file.
    source.execute_batch("BEGIN")?;
    let mut report = Vec::new();
    for table in ORDER {
        let columns: Vec<(String, String)> = t
            .query(
                "SELECT column_name, data_type FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1
                 ORDER BY ordinal_position",
                &[table],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
        let list = names.join(", ");
        let marks: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
        let overriding = if *table == "changes" {
            " OVERRIDING SYSTEM VALUE"
        } else {
            ""
        };
        let insert = t.prepare(&format!(
            "INSERT INTO {table} ({list}){overriding} VALUES ({})",
            marks.join(", ")
        ))?;
        let mut select = source.prepare(&format!("SELECT {list} FROM {table}"))?;
        let mut rows = select.query([])?;
        let mut n = 0u64;
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(columns.len());
            for (i, (name, pg_type)) in columns.iter().enumerate() {
                values.push(convert(table, name, pg_type, row.get_ref(i)?)?);
            }
            let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(Value::sql).collect();
            t.execute(&insert, &params)?;
            n += 1;
        }
        report.push((table.to_string(), n));
    }
    source.execute_batch("COMMIT")?;
    // The feed continues after the highest copied number.
    t.execute(
        "SELECT setval(pg_get_serial_sequence('changes', 'seq'),
                       GREATEST((SELECT COALESCE(MAX(seq), 0) FROM changes), 1),
                       (SELECT COUNT(*) > 0 FROM changes))",
        &[],
    )?;
    t.commit()?;
    Ok(report)
}
