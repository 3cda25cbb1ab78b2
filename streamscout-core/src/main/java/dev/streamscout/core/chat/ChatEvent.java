package dev.streamscout.core.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * A structured chat event (the seed's "transactions"): a subscription, gift, raid, announcement or
 * cheer, from a USERNOTICE or a PRIVMSG carrying {@code bits}. Travels on the {@code chat-events}
 * topic beside chat and explains spikes (a raid floods chat without anything happening on stream).
 *
 * @param type         what kind of event
 * @param msgId        Twitch's {@code msg-id} as received ({@code sub}, {@code raid}, ...; {@code bits} for cheers)
 * @param eventId      Twitch's message {@code id}, used to drop duplicates
 * @param channelId    room id
 * @param channelLogin channel login without {@code #}
 * @param userId       the user who acted (subscriber, gifter, raider, cheerer)
 * @param username     that user's login
 * @param displayName  that user's display name
 * @param timestamp    {@code tmi-sent-ts}, milliseconds since the epoch
 * @param amount       the number that matters for the type: gifted subs, raid viewers, bits, cumulative months; 0 when none
 * @param systemMessage Twitch's human-readable {@code system-msg}, may be empty
 * @param message      what the user typed with the event, may be empty
 * @param attributes   the remaining {@code msg-param-*} tags, prefix removed, for types we do not model
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatEvent(
        @JsonProperty("type") ChatEventType type,
        @JsonProperty("msg_id") String msgId,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("channel") String channelLogin,
        @JsonProperty("user_id") String userId,
        @JsonProperty("username") String username,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("timestamp") long timestamp,
        @JsonProperty("amount") long amount,
        @JsonProperty("system_message") String systemMessage,
        @JsonProperty("message") String message,
        @JsonProperty("attributes") Map<String, String> attributes) {

    public ChatEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channelId, "channelId");
        systemMessage = systemMessage == null ? "" : systemMessage;
        message = message == null ? "" : message;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
