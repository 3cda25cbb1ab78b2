package dev.streamscout.core.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A live stream as Get Streams reports it at one poll.
 *
 * @param channelId   broadcaster's user id
 * @param login       broadcaster's login
 * @param displayName broadcaster's display name
 * @param viewerCount viewers at the time of the poll
 * @param startedAt   when the stream went live (used for VOD offsets)
 * @param title       stream title
 * @param gameName    category name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamStatus(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("login") String login,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("viewer_count") int viewerCount,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("title") String title,
        @JsonProperty("game_name") String gameName) {}
