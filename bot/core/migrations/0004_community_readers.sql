-- The community page's reader count as it was captured ("55 readers"), so /ask can answer it.
ALTER TABLE community ADD COLUMN readers TEXT;
