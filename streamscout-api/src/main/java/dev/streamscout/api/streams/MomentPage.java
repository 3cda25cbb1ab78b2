package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code GET /streams/{id}/moments}: one page, newest peak first.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record MomentPage(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("login") String login,
        @JsonProperty("moments") List<MomentView> moments,
        @JsonProperty("next_cursor") String nextCursor) {}
