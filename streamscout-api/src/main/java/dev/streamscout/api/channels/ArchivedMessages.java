package dev.streamscout.api.channels;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code GET /api/channels/{id}/messages} (JSON form): oldest first. */
public record ArchivedMessages(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("login") String login,
        @JsonProperty("messages") List<ArchivedMessageView> messages,
        @JsonProperty("count") int count) {}
