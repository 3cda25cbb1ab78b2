package dev.streamscout.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.streamscout.core.stream.StreamStatus;
import java.time.Instant;

/**
 * A snapshot of one synthetic channel and its current stream, as Get Streams would report it.
 *
 * @param id          broadcaster user id (numeric string, stable for a seed)
 * @param login       broadcaster login (lower case)
 * @param displayName broadcaster display name
 * @param live        whether the channel is live; offline channels are absent from Get Streams
 * @param streamId    id of the current stream (changes each time the channel goes live)
 * @param viewerCount current viewers (0 when offline)
 * @param startedAt   when the current stream went live
 * @param title       stream title
 * @param gameId      category id
 * @param gameName    category name
 * @param language    broadcaster language (ISO 639-1)
 * @param videoId     id of the current stream's archive video (the last stream's while offline), as Get
 *                    Videos reports it
 */
public record SimChannel(
        @JsonProperty("id") String id,
        @JsonProperty("login") String login,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("live") boolean live,
        @JsonProperty("stream_id") String streamId,
        @JsonProperty("viewer_count") int viewerCount,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("title") String title,
        @JsonProperty("game_id") String gameId,
        @JsonProperty("game_name") String gameName,
        @JsonProperty("language") String language,
        @JsonProperty("video_id") String videoId) {

    /** The same facts in the core model that the ingest side publishes. */
    public StreamStatus toStreamStatus() {
        return new StreamStatus(id, login, displayName, viewerCount, startedAt, title, gameName);
    }
}
