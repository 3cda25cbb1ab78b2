-- Portable SQL: runs on PostgreSQL 15 and on H2 in MODE=PostgreSQL (see docs STACK.md).
-- TIMESTAMP WITH TIME ZONE (not the TIMESTAMPTZ alias) and plain VARCHAR (H2 maps TEXT to CLOB).

-- Last known state of every channel the stream monitor has seen.
CREATE TABLE streamers (
    channel_id   VARCHAR(64)              NOT NULL PRIMARY KEY,
    login        VARCHAR(64)              NOT NULL,
    display_name VARCHAR(64),
    viewer_count INTEGER                  NOT NULL DEFAULT 0,
    is_live      BOOLEAN                  NOT NULL DEFAULT FALSE,
    started_at   TIMESTAMP WITH TIME ZONE,
    title        VARCHAR,
    game_name    VARCHAR,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per detected moment, whatever became of its Create Clip request.
CREATE TABLE clips (
    moment_id      VARCHAR(96)              NOT NULL PRIMARY KEY,
    clip_id        VARCHAR(128),
    channel_id     VARCHAR(64)              NOT NULL,
    channel_login  VARCHAR(64),
    peak_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    url            VARCHAR,
    edit_url       VARCHAR,
    title          VARCHAR,
    intensity      DOUBLE PRECISION         NOT NULL,
    message_count  INTEGER                  NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    failure_reason VARCHAR
);

-- The API's time-range query, and per-channel history.
CREATE INDEX clips_peak_at_idx ON clips (peak_at);
CREATE INDEX clips_channel_peak_at_idx ON clips (channel_id, peak_at);
