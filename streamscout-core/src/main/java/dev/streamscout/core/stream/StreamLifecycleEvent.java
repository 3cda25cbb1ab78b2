package dev.streamscout.core.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What goes on the {@code stream-lifecycle} topic: a channel went online, went offline, or
 * reported a new viewer count while online.
 *
 * @param type      what happened
 * @param channelId broadcaster's user id (the record key)
 * @param login     broadcaster's login
 * @param viewerCount viewers at the poll that produced the event (0 when offline)
 * @param startedAt when the stream went live, null when unknown or offline
 * @param observedAt when the monitor saw it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamLifecycleEvent(
        @JsonProperty("type") Type type,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("login") String login,
        @JsonProperty("viewer_count") int viewerCount,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("observed_at") Instant observedAt) {

    public enum Type { ONLINE, OFFLINE, VIEWERS }

    public static StreamLifecycleEvent online(StreamStatus s, Instant at) {
        return new StreamLifecycleEvent(Type.ONLINE, s.channelId(), s.login(), s.viewerCount(), s.startedAt(), at);
    }

    public static StreamLifecycleEvent viewers(StreamStatus s, Instant at) {
        return new StreamLifecycleEvent(Type.VIEWERS, s.channelId(), s.login(), s.viewerCount(), s.startedAt(), at);
    }

    public static StreamLifecycleEvent offline(String channelId, String login, Instant at) {
        return new StreamLifecycleEvent(Type.OFFLINE, channelId, login, 0, null, at);
    }
}
