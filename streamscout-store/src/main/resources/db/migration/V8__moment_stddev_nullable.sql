-- Portable SQL: runs on PostgreSQL 15 and on H2 in MODE=PostgreSQL (see docs STACK.md).
-- The baseline's spread exists only where the detector has one (the seed profile's standard deviation).
-- The default profile and viewer drops have none; they used to store 0, which reads as a perfectly flat
-- baseline ("± 0.0" on the dashboard). NULL now says "none"; older rows of those kinds follow.
ALTER TABLE moments ALTER COLUMN baseline_stddev DROP NOT NULL;
UPDATE moments SET baseline_stddev = NULL
    WHERE moment_type = 'viewer_drop' OR profile IS NULL OR profile <> 'seed';
