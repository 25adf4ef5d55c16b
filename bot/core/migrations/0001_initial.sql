-- The archive: articles and their passages.
CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,
    guid          TEXT,
    url           TEXT,
    title         TEXT NOT NULL,
    author        TEXT,
    published     TEXT,              -- ISO 8601, UTC; NULL when the source gave no date
    ingested      TEXT NOT NULL,     -- ISO 8601, UTC
    body          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    simhash       INTEGER NOT NULL,  -- 64-bit fingerprint for near-duplicate detection (signed)
    score         REAL,
    updated       TEXT
);
CREATE UNIQUE INDEX articles_guid ON articles (source, guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_ingested ON articles (ingested);

CREATE TABLE passages (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;

-- Near-duplicates seen at ingest: kept so that re-ingesting the same input reports them again.
CREATE TABLE duplicates (
    content_hash TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seen         TEXT NOT NULL
) WITHOUT ROWID;

-- The community page: one profile, its rules.
CREATE TABLE community (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    founded     TEXT,
    moderators  TEXT NOT NULL DEFAULT '[]'  -- JSON list
);
CREATE TABLE rules (
    number INTEGER PRIMARY KEY,
    text   TEXT NOT NULL
);

-- Conditional GET state for feeds fetched by URL.
CREATE TABLE feed_state (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    checked       TEXT NOT NULL
);

-- Per-guild settings with declared defaults (see bot/domain/guild_settings.py).
CREATE TABLE guild_settings (
    guild_id            INTEGER PRIMARY KEY,
    timezone            TEXT NOT NULL DEFAULT 'UTC',
    digest_channel_id   INTEGER,
    digest_weekday      INTEGER NOT NULL DEFAULT 0 CHECK (digest_weekday BETWEEN 0 AND 6),
    digest_time         TEXT NOT NULL DEFAULT '09:00',
    digest_enabled      INTEGER NOT NULL DEFAULT 0,
    alerts_channel_id   INTEGER,
    escalation_hits     INTEGER NOT NULL DEFAULT 3,
    escalation_minutes  INTEGER NOT NULL DEFAULT 10,
    timeout_minutes     INTEGER NOT NULL DEFAULT 10,
    backtest_limit      INTEGER NOT NULL DEFAULT 200,
    updated             TEXT NOT NULL
);

CREATE TABLE filters (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    name        TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('keyword', 'regex', 'example')),
    pattern     TEXT NOT NULL,
    rule        INTEGER NOT NULL CHECK (rule BETWEEN 1 AND 3),
    action      TEXT NOT NULL CHECK (action IN ('flag', 'warn', 'remove', 'timeout')),
    allow_list  TEXT NOT NULL DEFAULT '[]',  -- JSON list
    shadow      INTEGER NOT NULL DEFAULT 1,
    enabled     INTEGER NOT NULL DEFAULT 1,
    created_by  INTEGER,
    created     TEXT NOT NULL
);
CREATE INDEX filters_guild ON filters (guild_id);

CREATE TABLE exemptions (
    guild_id    INTEGER NOT NULL,
    target_id   INTEGER NOT NULL,
    target_type TEXT NOT NULL CHECK (target_type IN ('role', 'channel')),
    PRIMARY KEY (guild_id, target_id)
) WITHOUT ROWID;

CREATE TABLE moderation_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    author_id   INTEGER NOT NULL,
    verdict     TEXT NOT NULL CHECK (verdict IN ('flag', 'remove')),
    rule        INTEGER,
    filters     TEXT NOT NULL,  -- JSON list of filter names
    action      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    excerpt     TEXT NOT NULL,
    decision    TEXT,           -- the moderator's decision on a flag: remove, dismiss, warn, timeout
    decided_by  INTEGER,
    decided     TEXT,
    created     TEXT NOT NULL
);
CREATE INDEX moderation_events_author ON moderation_events (guild_id, author_id, created);

CREATE TABLE digest_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    week        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'empty')),
    trigger     TEXT NOT NULL,   -- scheduled, startup, manual
    claimed     TEXT NOT NULL,
    posted      TEXT,
    channel_id  INTEGER,
    message_ids TEXT NOT NULL DEFAULT '[]',  -- JSON list
    attempts    INTEGER NOT NULL DEFAULT 0,
    error       TEXT,
    UNIQUE (guild_id, week)
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
