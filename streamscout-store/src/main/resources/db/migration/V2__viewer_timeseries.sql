-- Portable SQL: runs on PostgreSQL 15 and on H2 in MODE=PostgreSQL (see docs STACK.md).

-- Viewer count of every monitored live channel, one row per Get Streams poll that saw it.
-- The primary key makes a replayed observation (same channel, same instant) a no-op, so the
-- monitor may write with INSERT ... ON CONFLICT DO NOTHING and retry freely.
CREATE TABLE viewer_timeseries (
    channel_id   VARCHAR(64)              NOT NULL,
    observed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    viewer_count INTEGER                  NOT NULL,
    PRIMARY KEY (channel_id, observed_at)
);

-- The primary key already serves "one channel between two instants"; this index serves
-- "every channel between two instants" (trends, retention deletes).
CREATE INDEX viewer_timeseries_observed_at_idx ON viewer_timeseries (observed_at);
