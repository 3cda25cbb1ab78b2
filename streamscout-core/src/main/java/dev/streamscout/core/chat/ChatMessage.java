package dev.streamscout.core.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One chat message as it travels on the {@code chat-messages} topic.
 *
 * <p>The JSON field names are those of the seed schema ({@code channel_id, user_id, username,
 * message, timestamp, emotes}) plus the fields the detector and the archive need.
 *
 * @param channelId    Twitch room id (the {@code room-id} tag), the partitioning key
 * @param channelLogin channel login without the leading {@code #}
 * @param userId       sender's user id
 * @param username     sender's login
 * @param displayName  sender's display name (may differ from the login in case or script)
 * @param message      text with any {@code /me} ACTION framing removed
 * @param timestamp    event time: {@code tmi-sent-ts}, milliseconds since the epoch
 * @param emotes       emote names in order of appearance (one entry per occurrence)
 * @param messageId    Twitch message id, used to drop duplicates
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMessage(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("channel") String channelLogin,
        @JsonProperty("user_id") String userId,
        @JsonProperty("username") String username,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("message") String message,
        @JsonProperty("timestamp") long timestamp,
        @JsonProperty("emotes") List<String> emotes,
        @JsonProperty("message_id") String messageId) {

    public ChatMessage {
        Objects.requireNonNull(channelId, "channelId");
        message = message == null ? "" : message;
        emotes = emotes == null ? List.of() : List.copyOf(emotes);
    }

    /** Chat bot commands such as {@code !uptime}: the seed drops them before counting. */
    public boolean isCommand() {
        return CommandFilter.isCommand(message);
    }
}
