-- Portable SQL: runs on PostgreSQL 15 and on H2 in MODE=PostgreSQL (see docs STACK.md).
-- Indexes for the API's channel lookup by login (ChannelQueries.resolve): a channel the monitor no
-- longer lists is found from its chat summaries or moments, newest first. Every other API query
-- already has its index: clips (peak_at) and (channel_id, peak_at), moments (channel_id, peak_at),
-- the primary keys of chat_summary_minute and viewer_timeseries (channel_id, time) and streamers.
CREATE INDEX chat_summary_minute_login_idx ON chat_summary_minute (channel_login, minute_at);
CREATE INDEX moments_login_peak_at_idx ON moments (channel_login, peak_at);
