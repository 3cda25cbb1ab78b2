package dev.streamscout.store;

import java.time.Instant;

/**
 * A row of the {@code streamers} table: the last known state of a channel StreamScout watched.
 *
 * @param channelId   broadcaster's user id
 * @param login       broadcaster's login
 * @param displayName broadcaster's display name
 * @param viewerCount viewers at the last poll (0 once offline)
 * @param live        whether the stream was live at the last update
 * @param startedAt   when the current or last stream started, may be null
 * @param title       stream title, may be null
 * @param gameName    category, may be null
 * @param updatedAt   when this row was last changed (the observation time, not the wall clock)
 */
public record Streamer(
        String channelId,
        String login,
        String displayName,
        int viewerCount,
        boolean live,
        Instant startedAt,
        String title,
        String gameName,
        Instant updatedAt) {}
