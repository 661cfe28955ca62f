//! The PostgreSQL schema's migrations, in order (migration `i` brings version `i` to `i + 1`).
//! The tables and columns are SQLite's (`crate::schema`) in
//! PostgreSQL's types: every integer is a `BIGINT`, flags are `BOOLEAN`, records and payloads
//! are JSON text. Never edit a migration that has shipped: add a new one.

pub(super) const MIGRATIONS: &[&str] = &[
    // 1: everything SQLite's migrations 1 to 10 made.
    "CREATE TABLE kiosks (
         id                 TEXT PRIMARY KEY,
         name               TEXT NOT NULL UNIQUE,
         site               TEXT NOT NULL,
         pairing_hash       TEXT UNIQUE,
         pairing_expires_ms BIGINT,
         token_hash         TEXT UNIQUE,
         created_ms         BIGINT NOT NULL,
         revoked_ms         BIGINT,
         next_index         BIGINT NOT NULL DEFAULT 1,
         last_seen_ms       BIGINT,
         app_version        TEXT,
         outbox_len         BIGINT,
         dead_letters       BIGINT,
         last_success_ms    BIGINT,
         last_frame_ms      BIGINT,
         skew_ms            BIGINT,
         code_range         BIGINT UNIQUE,
         protocol           BIGINT
     );
     CREATE TABLE ops (
         kiosk_id      TEXT NOT NULL REFERENCES kiosks (id),
         idx           BIGINT NOT NULL,
         id            TEXT NOT NULL UNIQUE,
         kind          TEXT NOT NULL,
         payload       TEXT NOT NULL,
         kiosk_time_ms BIGINT NOT NULL,
         received_ms   BIGINT NOT NULL,
         rejected      TEXT,
         PRIMARY KEY (kiosk_id, idx)
     );
     CREATE TABLE changes (
         seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         site       TEXT NOT NULL,
         kind       TEXT NOT NULL,
         payload    TEXT NOT NULL,
         created_ms BIGINT NOT NULL
     );
     CREATE INDEX changes_site ON changes (site, seq);
     CREATE TABLE help_requests (
         id            TEXT PRIMARY KEY,
         site          TEXT NOT NULL,
         kiosk_id      TEXT NOT NULL,
         first_name    TEXT,
         created_at_ms BIGINT NOT NULL,
         handled_at_ms BIGINT
     );
     CREATE TABLE usage_counts (
         site  TEXT NOT NULL,
         day   TEXT NOT NULL,
         name  TEXT NOT NULL,
         count BIGINT NOT NULL,
         PRIMARY KEY (site, day, name)
     );
     CREATE TABLE lesson_resume (
         code       TEXT PRIMARY KEY,
         lesson     TEXT NOT NULL,
         step       BIGINT NOT NULL,
         lang       TEXT NOT NULL,
         created_ms BIGINT NOT NULL,
         expires_ms BIGINT NOT NULL
     );
     CREATE TABLE lesson_counts (
         site   TEXT NOT NULL,
         day    TEXT NOT NULL,
         event  TEXT NOT NULL,
         topic  TEXT NOT NULL,
         lesson TEXT NOT NULL,
         count  BIGINT NOT NULL,
         PRIMARY KEY (site, day, event, topic, lesson)
     );
     CREATE TABLE activities (
         id         TEXT PRIMARY KEY,
         site       TEXT NOT NULL,
         record     TEXT NOT NULL,
         start      TEXT NOT NULL,
         deleted    BOOLEAN NOT NULL DEFAULT FALSE,
         updated_ms BIGINT NOT NULL
     );
     CREATE INDEX activities_site ON activities (site, start);
     CREATE TABLE seat_blocks (
         activity_id TEXT NOT NULL,
         kiosk_id    TEXT NOT NULL,
         granted     BIGINT NOT NULL,
         used        BIGINT NOT NULL DEFAULT 0,
         lease       BIGINT NOT NULL DEFAULT 1,
         expires_ms  BIGINT,
         recalled    BOOLEAN NOT NULL DEFAULT FALSE,
         PRIMARY KEY (activity_id, kiosk_id)
     );
     CREATE INDEX seat_blocks_kiosk ON seat_blocks (kiosk_id);
     CREATE TABLE signups (
         id            TEXT PRIMARY KEY,
         activity_id   TEXT NOT NULL,
         site          TEXT NOT NULL,
         kiosk_id      TEXT,
         code          TEXT NOT NULL,
         first_name    TEXT,
         phone         TEXT,
         party         BIGINT NOT NULL,
         from_block    BOOLEAN NOT NULL,
         status        TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
         seq           BIGINT NOT NULL UNIQUE,
         created_ms    BIGINT NOT NULL,
         cancelled_ms  BIGINT,
         checked_in_ms BIGINT,
         walk_in       BOOLEAN NOT NULL DEFAULT FALSE,
         shared_code   BOOLEAN NOT NULL DEFAULT FALSE,
         token_hash    TEXT UNIQUE
     );
     CREATE INDEX signups_activity ON signups (activity_id, status, seq);
     CREATE INDEX signups_code ON signups (site, code);
     CREATE UNIQUE INDEX signups_code_once ON signups (code) WHERE NOT shared_code;
     CREATE TABLE admins (
         name       TEXT PRIMARY KEY,
         hash       TEXT NOT NULL,
         created_ms BIGINT NOT NULL
     );
     CREATE TABLE admin_sessions (
         token_hash TEXT PRIMARY KEY,
         admin      TEXT NOT NULL REFERENCES admins (name) ON DELETE CASCADE,
         csrf       TEXT NOT NULL,
         created_ms BIGINT NOT NULL,
         expires_ms BIGINT NOT NULL
     );
     CREATE TABLE posts (
         id           TEXT PRIMARY KEY,
         site         TEXT NOT NULL,
         code         TEXT NOT NULL UNIQUE,
         kiosk_id     TEXT,
         record       TEXT NOT NULL,
         status       TEXT NOT NULL,
         reason       TEXT,
         created_ms   BIGINT NOT NULL,
         month        TEXT NOT NULL,
         approved_ms  BIGINT,
         expires_ms   BIGINT,
         reports      BIGINT NOT NULL DEFAULT 0,
         helped       BOOLEAN NOT NULL DEFAULT FALSE,
         closed_month TEXT,
         updated_ms   BIGINT NOT NULL,
         ended_ms     BIGINT,
         token_hash   TEXT UNIQUE
     );
     CREATE INDEX posts_site ON posts (site, status, created_ms);
     CREATE TABLE post_replies (
         id         TEXT PRIMARY KEY,
         post_id    TEXT NOT NULL REFERENCES posts (id),
         site       TEXT NOT NULL,
         message    TEXT NOT NULL,
         contact    TEXT,
         created_ms BIGINT NOT NULL,
         month      TEXT NOT NULL
     );
     CREATE INDEX post_replies_post ON post_replies (post_id, created_ms);
     CREATE TABLE site_settings (
         site      TEXT PRIMARY KEY,
         post_days BIGINT NOT NULL
     );",
    // 2: admin login attempts (SQLite's migration 11).
    "CREATE TABLE login_tries (
         key      TEXT PRIMARY KEY,
         count    BIGINT NOT NULL,
         since_ms BIGINT NOT NULL
     );
     CREATE INDEX login_tries_since ON login_tries (since_ms);",
    // 3: local partners, their accounts and sessions, their posts and answers, and care
    // signals (SQLite's migrations 11 to 13).
    "CREATE TABLE partners (
         id         TEXT PRIMARY KEY,
         site       TEXT NOT NULL,
         record     TEXT NOT NULL,
         deleted    BOOLEAN NOT NULL DEFAULT FALSE,
         created_ms BIGINT NOT NULL,
         updated_ms BIGINT NOT NULL
     );
     CREATE INDEX partners_site ON partners (site, deleted);
     CREATE TABLE partner_accounts (
         login      TEXT PRIMARY KEY,
         partner_id TEXT NOT NULL,
         hash       TEXT NOT NULL,
         created_ms BIGINT NOT NULL
     );
     CREATE TABLE partner_sessions (
         token_hash TEXT PRIMARY KEY,
         login      TEXT NOT NULL,
         partner_id TEXT NOT NULL,
         csrf       TEXT NOT NULL,
         created_ms BIGINT NOT NULL,
         expires_ms BIGINT NOT NULL
     );
     CREATE TABLE partner_posts (
         post_id    TEXT PRIMARY KEY,
         partner_id TEXT NOT NULL,
         role       TEXT NOT NULL
     );
     CREATE INDEX partner_posts_partner ON partner_posts (partner_id, role);
     CREATE TABLE partner_replies (
         reply_id   TEXT PRIMARY KEY,
         partner_id TEXT NOT NULL
     );
     CREATE TABLE signals (
         id         TEXT PRIMARY KEY,
         site       TEXT NOT NULL,
         partner_id TEXT NOT NULL,
         kind       TEXT NOT NULL,
         lang       TEXT NOT NULL,
         note       TEXT,
         phone      TEXT,
         created_ms BIGINT NOT NULL,
         month      TEXT NOT NULL,
         handled_ms BIGINT,
         outcome    TEXT
     );
     CREATE INDEX signals_partner ON signals (partner_id, handled_ms);",
    // 4: partners' uploaded logos (SQLite's migration 15).
    "CREATE TABLE partner_logos (
         hash       TEXT PRIMARY KEY,
         png        BYTEA NOT NULL,
         created_ms BIGINT NOT NULL
     );",
    // 5: when each partner login last logged in (SQLite's migration 16).
    "ALTER TABLE partner_accounts ADD COLUMN last_login_ms BIGINT;",
    // 6: the op log without its foreign key to `kiosks`. Checking it cost a lookup per op of
    // every push (PostgreSQL checks a foreign key row by row), about a third of a push's
    // insert; an op's kiosk is always the kiosk that pushed it, authenticated by its row,
    // and kiosks are revoked, never deleted. SQLite keeps its (cheap) check.
    "ALTER TABLE ops DROP CONSTRAINT IF EXISTS ops_kiosk_id_fkey;",
    // 7: the sites a partner serves (SQLite's migration 17); an existing partner serves the
    // one site it had.
    "CREATE TABLE partner_sites (
         partner_id TEXT NOT NULL,
         site       TEXT NOT NULL,
         PRIMARY KEY (partner_id, site)
     );
     CREATE INDEX partner_sites_site ON partner_sites (site);
     INSERT INTO partner_sites (partner_id, site) SELECT id, site FROM partners;",
];
