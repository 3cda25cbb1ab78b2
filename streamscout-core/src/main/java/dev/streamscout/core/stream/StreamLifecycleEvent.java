package dev.streamscout.core.stream;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param videoId   id of the stream's archive video (its VOD) on ONLINE events when the monitor found
 *                  it, otherwise null; left out of the JSON when null, and absent in records written
 *                  before it existed, so old and new readers and writers understand each other
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamLifecycleEvent(
        @JsonProperty("type") Type type,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("login") String login,
        @JsonProperty("viewer_count") int viewerCount,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("observed_at") Instant observedAt,
        @JsonProperty("video_id") @JsonInclude(JsonInclude.Include.NON_NULL) String videoId) {

    public enum Type { ONLINE, OFFLINE, VIEWERS }

    @JsonCreator
    public StreamLifecycleEvent {
    }

    /** An event without an archive video id. */
    public StreamLifecycleEvent(Type type, String channelId, String login, int viewerCount, Instant startedAt,
            Instant observedAt) {
        this(type, channelId, login, viewerCount, startedAt, observedAt, null);
    }

    public static StreamLifecycleEvent online(StreamStatus s, Instant at) {
        return online(s, at, null);
    }

    /** Went online; {@code videoIdOrNull} is the stream's archive video when known. */
    public static StreamLifecycleEvent online(StreamStatus s, Instant at, String videoIdOrNull) {
        return new StreamLifecycleEvent(Type.ONLINE, s.channelId(), s.login(), s.viewerCount(), s.startedAt(), at,
                videoIdOrNull);
    }

    public static StreamLifecycleEvent viewers(StreamStatus s, Instant at) {
        return viewers(s, at, null);
    }

    /** Still online; {@code videoIdOrNull} repeats the archive video id when known (or first finds it). */
    public static StreamLifecycleEvent viewers(StreamStatus s, Instant at, String videoIdOrNull) {
        return new StreamLifecycleEvent(Type.VIEWERS, s.channelId(), s.login(), s.viewerCount(), s.startedAt(), at,
                videoIdOrNull);
    }

    public static StreamLifecycleEvent offline(String channelId, String login, Instant at) {
        return new StreamLifecycleEvent(Type.OFFLINE, channelId, login, 0, null, at);
    }
}
