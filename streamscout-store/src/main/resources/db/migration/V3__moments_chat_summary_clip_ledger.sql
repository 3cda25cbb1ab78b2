-- Portable SQL: runs on PostgreSQL 15 and on H2 in MODE=PostgreSQL (see docs STACK.md).
-- Lists (top tokens, emotes, samples, cause tags, top chatters) are JSON arrays in VARCHAR columns:
-- nothing queries inside them, and VARCHAR keeps H2 away from CLOBs.

-- Every detected moment, whatever became of its clip (the clip outcome is the clips row with the
-- same moment_id). The id is channel:peak-second, so a replayed moment is a no-op insert.
CREATE TABLE moments (
    id                 VARCHAR(96)              NOT NULL PRIMARY KEY,
    channel_id         VARCHAR(64)              NOT NULL,
    channel_login      VARCHAR(64),
    moment_type        VARCHAR(32)              NOT NULL,
    start_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    peak_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    intensity          DOUBLE PRECISION         NOT NULL,
    baseline_mean      DOUBLE PRECISION         NOT NULL,
    baseline_stddev    DOUBLE PRECISION         NOT NULL,
    rate               DOUBLE PRECISION         NOT NULL,
    message_count      INTEGER                  NOT NULL,
    unique_chatters    INTEGER                  NOT NULL,
    top_tokens         VARCHAR,
    top_emotes         VARCHAR,
    sample_messages    VARCHAR,
    cause_tags         VARCHAR,
    profile            VARCHAR(32),
    stream_started_at  TIMESTAMP WITH TIME ZONE,
    vod_offset_seconds BIGINT,
    detected_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- "Moments of a channel by time" and "moments by time".
CREATE INDEX moments_channel_peak_at_idx ON moments (channel_id, peak_at);
CREATE INDEX moments_peak_at_idx ON moments (peak_at);

-- Chat analytics per channel and minute (seed 004). Written with a portable MERGE, so a replayed
-- minute overwrites itself with the same numbers.
CREATE TABLE chat_summary_minute (
    channel_id      VARCHAR(64)              NOT NULL,
    minute_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    channel_login   VARCHAR(64),
    message_count   INTEGER                  NOT NULL,
    unique_chatters INTEGER                  NOT NULL,
    top_chatters    VARCHAR,
    top_emotes      VARCHAR,
    sentiment_score DOUBLE PRECISION         NOT NULL,
    PRIMARY KEY (channel_id, minute_at)
);

CREATE INDEX chat_summary_minute_minute_at_idx ON chat_summary_minute (minute_at);

-- The durable guard that makes Create Clip at-most-once per moment across restarts and replays: a
-- moment is claimed (INSERT ... ON CONFLICT DO NOTHING) before Twitch is called; a moment whose
-- claim already exists is never sent again.
CREATE TABLE clip_requests (
    moment_id    VARCHAR(96)              NOT NULL PRIMARY KEY,
    channel_id   VARCHAR(64)              NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Channels where Create Clip answered 403 (clips disabled, or followers/subscribers only). Until
-- blocked_until their moments are stored without calling Create Clip.
CREATE TABLE channel_clip_blocks (
    channel_id    VARCHAR(64)              NOT NULL PRIMARY KEY,
    reason        VARCHAR                  NOT NULL,
    blocked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE NOT NULL
);
