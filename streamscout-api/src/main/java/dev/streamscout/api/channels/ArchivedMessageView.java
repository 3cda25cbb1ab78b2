package dev.streamscout.api.channels;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.streamscout.core.chat.ChatMessage;
import java.time.Instant;
import java.util.List;

/** An archived chat message as {@code GET /api/channels/{id}/messages} shows it (text verbatim: escape it). */
public record ArchivedMessageView(
        @JsonProperty("message_id") String messageId,
        @JsonProperty("sent_at") Instant sentAt,
        @JsonProperty("user_id") String userId,
        @JsonProperty("username") String username,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("message") String message,
        @JsonProperty("emotes") List<String> emotes) {

    public static ArchivedMessageView of(ChatMessage m) {
        return new ArchivedMessageView(m.messageId(), Instant.ofEpochMilli(m.timestamp()), m.userId(), m.username(),
                m.displayName(), m.message(), m.emotes());
    }
}
