-- Portable SQL: runs on PostgreSQL 15 and on H2 in MODE=PostgreSQL (see docs STACK.md).
-- A link to the moment's peak in the stream's VOD (https://www.twitch.tv/videos/<id>?t=1h2m3s), set when
-- the stream's archive video and start were known. Null for older rows and for streams without a VOD.
ALTER TABLE moments ADD COLUMN vod_url VARCHAR(256);
