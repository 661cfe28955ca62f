//! The server database's migrations, in order. Migration `i` brings the schema from version
//! `i` to `i + 1`. Never edit a migration that has shipped: add a new one.

pub(super) const MIGRATIONS: &[&str] = &[
    // 1: kiosks, the op log, the change feed, help requests, usage counts.
    "CREATE TABLE kiosks (
         id                TEXT PRIMARY KEY,
         name              TEXT NOT NULL UNIQUE,
         site              TEXT NOT NULL,
         pairing_hash      TEXT UNIQUE,
         pairing_expires_ms INTEGER,
         token_hash        TEXT UNIQUE,
         created_ms        INTEGER NOT NULL,
         revoked_ms        INTEGER,
         next_index        INTEGER NOT NULL DEFAULT 1,
         last_seen_ms      INTEGER,
         app_version       TEXT,
         outbox_len        INTEGER,
         dead_letters      INTEGER,
         last_success_ms   INTEGER,
         last_frame_ms     INTEGER,
         skew_ms           INTEGER
     ) STRICT;
     CREATE TABLE ops (
         kiosk_id      TEXT NOT NULL REFERENCES kiosks (id),
         idx           INTEGER NOT NULL,
         id            TEXT NOT NULL UNIQUE,
         kind          TEXT NOT NULL,
         payload       TEXT NOT NULL,
         kiosk_time_ms INTEGER NOT NULL,
         received_ms   INTEGER NOT NULL,
         rejected      TEXT,
         PRIMARY KEY (kiosk_id, idx)
     ) STRICT;
     CREATE TABLE changes (
         seq        INTEGER PRIMARY KEY AUTOINCREMENT,
         site       TEXT NOT NULL,
         kind       TEXT NOT NULL,
         payload    TEXT NOT NULL,
         created_ms INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX changes_site ON changes (site, seq);
     CREATE TABLE help_requests (
         id            TEXT PRIMARY KEY,
         site          TEXT NOT NULL,
         kiosk_id      TEXT NOT NULL,
         first_name    TEXT,
         created_at_ms INTEGER NOT NULL,
         handled_at_ms INTEGER
     ) STRICT;
     CREATE TABLE usage_counts (
         site  TEXT NOT NULL,
         day   TEXT NOT NULL,
         name  TEXT NOT NULL,
         count INTEGER NOT NULL,
         PRIMARY KEY (site, day, name)
     ) STRICT;",
    // 2: lessons: resume codes (any site may resume them) and anonymous counts.
    "CREATE TABLE lesson_resume (
         code       TEXT PRIMARY KEY,
         lesson     TEXT NOT NULL,
         step       INTEGER NOT NULL,
         lang       TEXT NOT NULL,
         created_ms INTEGER NOT NULL,
         expires_ms INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE lesson_counts (
         site   TEXT NOT NULL,
         day    TEXT NOT NULL,
         event  TEXT NOT NULL,
         topic  TEXT NOT NULL,
         lesson TEXT NOT NULL,
         count  INTEGER NOT NULL,
         PRIMARY KEY (site, day, event, topic, lesson)
     ) STRICT;",
    // 3: activities, seat blocks held by kiosks, sign-ups in arrival order.
    "CREATE TABLE activities (
         id         TEXT PRIMARY KEY,
         site       TEXT NOT NULL,
         record     TEXT NOT NULL,
         start      TEXT NOT NULL,
         deleted    INTEGER NOT NULL DEFAULT 0,
         updated_ms INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX activities_site ON activities (site, start);
     CREATE TABLE seat_blocks (
         activity_id TEXT NOT NULL,
         kiosk_id    TEXT NOT NULL,
         granted     INTEGER NOT NULL,
         used        INTEGER NOT NULL DEFAULT 0,
         PRIMARY KEY (activity_id, kiosk_id)
     ) STRICT;
     CREATE TABLE signups (
         id           TEXT PRIMARY KEY,
         activity_id  TEXT NOT NULL,
         site         TEXT NOT NULL,
         kiosk_id     TEXT,
         code         TEXT NOT NULL,
         first_name   TEXT,
         phone        TEXT,
         party        INTEGER NOT NULL,
         from_block   INTEGER NOT NULL,
         status       TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
         seq          INTEGER NOT NULL UNIQUE,
         created_ms   INTEGER NOT NULL,
         cancelled_ms INTEGER
     ) STRICT;
     CREATE INDEX signups_activity ON signups (activity_id, status, seq);
     CREATE INDEX signups_code ON signups (site, code);",
    // 4: check-ins at the door, and walk-ins.
    "ALTER TABLE signups ADD COLUMN checked_in_ms INTEGER;
     ALTER TABLE signups ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;",
    // 5: admin accounts for the admin web, and their sessions (only hashes of the tokens).
    "CREATE TABLE admins (
         name       TEXT PRIMARY KEY,
         hash       TEXT NOT NULL,
         created_ms INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE admin_sessions (
         token_hash TEXT PRIMARY KEY,
         admin      TEXT NOT NULL REFERENCES admins (name) ON DELETE CASCADE,
         csrf       TEXT NOT NULL,
         created_ms INTEGER NOT NULL,
         expires_ms INTEGER NOT NULL
     ) STRICT;",
    // 6: the ask & offer board: posts, replies, and each site's expiry period.
    "CREATE TABLE posts (
         id          TEXT PRIMARY KEY,
         site        TEXT NOT NULL,
         code        TEXT NOT NULL UNIQUE,
         kiosk_id    TEXT,
         record      TEXT NOT NULL,
         status      TEXT NOT NULL,
         reason      TEXT,
         created_ms  INTEGER NOT NULL,
         month       TEXT NOT NULL,
         approved_ms INTEGER,
         expires_ms  INTEGER,
         reports     INTEGER NOT NULL DEFAULT 0,
         helped      INTEGER NOT NULL DEFAULT 0,
         closed_month TEXT,
         updated_ms  INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX posts_site ON posts (site, status, created_ms);
     CREATE TABLE post_replies (
         id         TEXT PRIMARY KEY,
         post_id    TEXT NOT NULL REFERENCES posts (id),
         site       TEXT NOT NULL,
         message    TEXT NOT NULL,
         contact    TEXT,
         created_ms INTEGER NOT NULL,
         month      TEXT NOT NULL
     ) STRICT;
     CREATE INDEX post_replies_post ON post_replies (post_id, created_ms);
     CREATE TABLE site_settings (
         site      TEXT PRIMARY KEY,
         post_days INTEGER NOT NULL
     ) STRICT;",
    // 7: when a post was closed or rejected (its replies are forgotten some days later).
    "ALTER TABLE posts ADD COLUMN ended_ms INTEGER;
     UPDATE posts SET ended_ms = updated_ms WHERE status IN ('closed', 'rejected');",
    // 8: one code, one resident. Each kiosk's range of short codes (paired kiosks get one
    // now, in the order they were added; later ones when they pair); sign-up codes unique
    // (codes already shared before this version are marked and left as they are, never
    // matched again by a phone page); phone tokens, as their SHA-256 only.
    "ALTER TABLE kiosks ADD COLUMN code_range INTEGER;
     CREATE UNIQUE INDEX kiosks_code_range ON kiosks (code_range);
     UPDATE kiosks SET code_range = (
         SELECT COUNT(*) FROM kiosks k WHERE k.token_hash IS NOT NULL AND k.rowid <= kiosks.rowid)
     WHERE token_hash IS NOT NULL AND (
         SELECT COUNT(*) FROM kiosks k WHERE k.token_hash IS NOT NULL AND k.rowid <= kiosks.rowid)
         <= 999;
     ALTER TABLE signups ADD COLUMN shared_code INTEGER NOT NULL DEFAULT 0;
     UPDATE signups SET shared_code = 1
     WHERE code IN (SELECT code FROM signups GROUP BY code HAVING COUNT(*) > 1);
     CREATE UNIQUE INDEX signups_code_once ON signups (code) WHERE shared_code = 0;
     ALTER TABLE signups ADD COLUMN token_hash TEXT;
     CREATE UNIQUE INDEX signups_token ON signups (token_hash);
     ALTER TABLE posts ADD COLUMN token_hash TEXT;
     CREATE UNIQUE INDEX posts_token ON posts (token_hash);",
    // 9: seat blocks as leases (`server/seats.rs`): a lease number, its end, and whether the
    // server asked the seats back. Blocks lent before have no end until their kiosk syncs.
    "ALTER TABLE seat_blocks ADD COLUMN lease INTEGER NOT NULL DEFAULT 1;
     ALTER TABLE seat_blocks ADD COLUMN expires_ms INTEGER;
     ALTER TABLE seat_blocks ADD COLUMN recalled INTEGER NOT NULL DEFAULT 0;
     CREATE INDEX seat_blocks_kiosk ON seat_blocks (kiosk_id);",
    // 10: the protocol version each kiosk last pushed with (its app version is kept already).
    "ALTER TABLE kiosks ADD COLUMN protocol INTEGER;",
    // 11: local partners per site (`server/partners.rs`): the record as the admin saved it.
    "CREATE TABLE partners (
         id         TEXT PRIMARY KEY,
         site       TEXT NOT NULL,
         record     TEXT NOT NULL,
         deleted    INTEGER NOT NULL DEFAULT 0,
         created_ms INTEGER NOT NULL,
         updated_ms INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX partners_site ON partners (site, deleted);",
    // 12: partner accounts of the admin web and their sessions (by token hash); posts a
    // partner made (its badge) and asks a resident sent to a partner; which replies a partner
    // wrote (its answers through the post's code).
    "CREATE TABLE partner_accounts (
         login      TEXT PRIMARY KEY,
         partner_id TEXT NOT NULL,
         hash       TEXT NOT NULL,
         created_ms INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE partner_sessions (
         token_hash TEXT PRIMARY KEY,
         login      TEXT NOT NULL,
         partner_id TEXT NOT NULL,
         csrf       TEXT NOT NULL,
         created_ms INTEGER NOT NULL,
         expires_ms INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE partner_posts (
         post_id    TEXT PRIMARY KEY,
         partner_id TEXT NOT NULL,
         role       TEXT NOT NULL
     ) STRICT;
     CREATE INDEX partner_posts_partner ON partner_posts (partner_id, role);
     CREATE TABLE partner_replies (
         reply_id   TEXT PRIMARY KEY,
         partner_id TEXT NOT NULL
     ) STRICT;",
    // 13: care signals for one partner each: the personal part (note, phone) is emptied when
    // the partner handles it or after 30 days; kind, site and month stay for the counts.
    "CREATE TABLE signals (
         id         TEXT PRIMARY KEY,
         site       TEXT NOT NULL,
         partner_id TEXT NOT NULL,
         kind       TEXT NOT NULL,
         lang       TEXT NOT NULL,
         note       TEXT,
         phone      TEXT,
         created_ms INTEGER NOT NULL,
         month      TEXT NOT NULL,
         handled_ms INTEGER,
         outcome    TEXT
     ) STRICT;
     CREATE INDEX signals_partner ON signals (partner_id, handled_ms);",
    // 14: admin login attempts, so the limits hold across server instances and restarts
    // (`logins.rs`; keys are hashes).
    "CREATE TABLE login_tries (
         key      TEXT PRIMARY KEY,
         count    INTEGER NOT NULL,
         since_ms INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX login_tries_since ON login_tries (since_ms);",
    // 15: partners' uploaded logos, by the SHA-256 of the PNG the server made of each
    // (`digidak_core::logo`); a partner's record names its logo.
    "CREATE TABLE partner_logos (
         hash       TEXT PRIMARY KEY,
         png        BLOB NOT NULL,
         created_ms INTEGER NOT NULL
     ) STRICT;",
    // 16: when each partner login last logged in (the admin's list of logins).
    "ALTER TABLE partner_accounts ADD COLUMN last_login_ms INTEGER;",
    // 17: the sites a partner serves (one organisation on several sites, one login); an
    // existing partner serves the one site it had. `partners.site` stays its home site.
    "CREATE TABLE partner_sites (
         partner_id TEXT NOT NULL,
         site       TEXT NOT NULL,
         PRIMARY KEY (partner_id, site)
     ) STRICT;
     CREATE INDEX partner_sites_site ON partner_sites (site);
     INSERT INTO partner_sites (partner_id, site) SELECT id, site FROM partners;",
];
