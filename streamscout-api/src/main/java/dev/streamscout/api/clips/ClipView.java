package dev.streamscout.api.clips;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.streamscout.core.highlight.Clip;
import java.time.Instant;

/** A clip as {@code GET /v1.0/clip} shows it: times as ISO-8601 instants, names in snake_case. */
public record ClipView(
        @JsonProperty("moment_id") String momentId,
        @JsonProperty("clip_id") String clipId,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("channel") String channel,
        @JsonProperty("peak_at") Instant peakAt,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("url") String url,
        @JsonProperty("edit_url") String editUrl,
        @JsonProperty("title") String title,
        @JsonProperty("intensity") double intensity,
        @JsonProperty("message_count") int messageCount,
        @JsonProperty("status") String status,
        @JsonProperty("failure_reason") String failureReason) {

    public static ClipView of(Clip clip) {
        return new ClipView(clip.momentId(), clip.clipId(), clip.channelId(), clip.channelLogin(),
                Instant.ofEpochMilli(clip.peakMs()), Instant.ofEpochMilli(clip.createdMs()), clip.url(),
                clip.editUrl(), clip.title(), clip.intensity(), clip.messageCount(), clip.status().name(),
                clip.failureReason());
    }
}
