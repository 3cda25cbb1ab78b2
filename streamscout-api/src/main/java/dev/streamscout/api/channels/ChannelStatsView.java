package dev.streamscout.api.channels;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code GET /api/channels/{id}/stats} (seed 003 shape, times in epoch seconds).
 *
 * @param channelId     broadcaster's user id
 * @param messageCount  chat messages in the current window so far
 * @param currentWindow the window counted
 * @param lastUpdated   end of the newest minute summarised for the channel, null if none ever was
 */
public record ChannelStatsView(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("message_count") long messageCount,
        @JsonProperty("current_window") StatsWindow currentWindow,
        @JsonProperty("last_updated") Long lastUpdated) {}
