-- Portable SQL: runs on PostgreSQL 15 and on H2 in MODE=PostgreSQL (see docs STACK.md).
-- GET /v1.0/clip?broadcaster= takes an id or a login and filters (channel_id = ? OR channel_login = ?)
-- (ClipQueries). V1 indexed only the id side, so a login could not use an index and the query walked
-- every clip in the time range. With this one PostgreSQL answers either form from two index ranges
-- (a BitmapOr of clips_channel_peak_at_idx and this index).
CREATE INDEX clips_login_peak_at_idx ON clips (channel_login, peak_at);
