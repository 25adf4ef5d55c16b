-- Alerts and notices to deliver on Discord, kept until delivered (retried with backoff).
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    guild_id     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('alert', 'dm')),
    payload      TEXT NOT NULL,          -- JSON, see bot/moderation/outbox.py
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_attempt TEXT NOT NULL,
    created      TEXT NOT NULL,
    delivered    TEXT,
    message_id   INTEGER,
    last_error   TEXT
);
CREATE INDEX outbox_pending ON outbox (guild_id, delivered);

-- What the bot did about a flagged or removed message ("message removed", "deletion failed: ...").
ALTER TABLE moderation_events ADD COLUMN outcome TEXT;
