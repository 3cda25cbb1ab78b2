package dev.streamscout.api.live;

import java.util.Objects;

/**
 * One event to push, already in its wire form.
 *
 * @param type      the event type ({@code chat_rate}, {@code viewers}, {@code moment_started}, ...); the SSE
 *                  {@code event:} name
 * @param channelId the channel it is about
 * @param login     the channel's login, null when the event did not carry one
 * @param json      the JSON object sent as the SSE {@code data:} line or the WebSocket text frame
 */
public record LiveEvent(String type, String channelId, String login, String json) {

    public LiveEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(json, "json");
    }
}
