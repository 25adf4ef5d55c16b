-- Feeds each guild follows (see bot/domain/sources.py), with their polling state.
CREATE TABLE sources (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id             INTEGER NOT NULL,
    url                  TEXT NOT NULL,
    label                TEXT NOT NULL,
    interval_minutes     INTEGER NOT NULL DEFAULT 15 CHECK (interval_minutes >= 5),
    announce_channel_id  INTEGER,
    enabled              INTEGER NOT NULL DEFAULT 1,
    etag                 TEXT,
    last_modified        TEXT,
    last_polled          TEXT,
    last_success         TEXT,
    last_error           TEXT,
    last_error_at        TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    next_poll            TEXT NOT NULL,
    alerted              INTEGER NOT NULL DEFAULT 0,
    primed               INTEGER NOT NULL DEFAULT 0,  -- the first poll marked the feed's items seen
    created_by           INTEGER,
    created              TEXT NOT NULL,
    UNIQUE (guild_id, url)
);
CREATE INDEX sources_due ON sources (enabled, next_poll);

-- Items a source has already seen (GUID, link or content hash), so each is announced once.
CREATE TABLE source_items (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    item_key  TEXT NOT NULL,
    seen      TEXT NOT NULL,  -- last time the item was in the feed
    PRIMARY KEY (source_id, item_key)
) WITHOUT ROWID;
