package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.streamscout.store.StreamOverview;
import dev.streamscout.store.Streamer;
import java.time.Instant;

/** A watched channel as {@code GET /streams} shows it. */
public record StreamView(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("login") String login,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("is_live") boolean live,
        @JsonProperty("viewer_count") int viewerCount,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("title") String title,
        @JsonProperty("game_name") String gameName,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("chat_messages_last_minute") int chatMessagesLastMinute,
        @JsonProperty("last_moment_at") Instant lastMomentAt) {

    public static StreamView of(StreamOverview o) {
        Streamer s = o.streamer();
        return new StreamView(s.channelId(), s.login(), s.displayName(), s.live(), s.viewerCount(), s.startedAt(),
                s.title(), s.gameName(), s.updatedAt(), o.chatMessagesLastMinute(), o.lastMomentAt());
    }
}
