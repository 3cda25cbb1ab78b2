package dev.streamscout.job.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A record of the {@code channel-stats} topic, in the seed 003 schema: messages of one channel in one
 * 10-minute event-time window. Times are epoch seconds.
 */
public record ChannelStats(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("message_count") long messageCount,
        @JsonProperty("window_start") long windowStart,
        @JsonProperty("window_end") long windowEnd,
        @JsonProperty("window_duration_seconds") long windowDurationSeconds) {
}
