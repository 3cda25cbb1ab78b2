package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Body of {@code GET /streams/{id}/metrics}: a channel's chat and viewers over time, and its top chatters and emotes. */
public record StreamMetrics(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("login") String login,
        @JsonProperty("from") Instant from,
        @JsonProperty("to") Instant to,
        @JsonProperty("resolution_seconds") int resolutionSeconds,
        @JsonProperty("points") List<MetricPoint> points,
        @JsonProperty("top_chatters") List<ChatterCount> topChatters,
        @JsonProperty("top_emotes") List<EmoteCount> topEmotes) {}
