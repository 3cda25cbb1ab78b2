package dev.streamscout.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A clip created through the simulated Create Clip endpoint.
 *
 * @param id              clip slug
 * @param broadcasterId   channel's user id
 * @param broadcasterLogin channel's login
 * @param broadcasterName channel's display name
 * @param creatorId       user id of the token that created it
 * @param creatorName     display name of that user
 * @param gameId          category at creation time
 * @param language        channel language
 * @param title           clip title (the stream title unless one was given)
 * @param duration        seconds
 * @param vodOffset       seconds into the stream where the clip starts
 * @param createdAt       when Create Clip was called
 * @param readyAt         when Get Clips starts returning it
 */
public record SimClip(
        @JsonProperty("id") String id,
        @JsonProperty("broadcaster_id") String broadcasterId,
        @JsonProperty("broadcaster_login") String broadcasterLogin,
        @JsonProperty("broadcaster_name") String broadcasterName,
        @JsonProperty("creator_id") String creatorId,
        @JsonProperty("creator_name") String creatorName,
        @JsonProperty("game_id") String gameId,
        @JsonProperty("language") String language,
        @JsonProperty("title") String title,
        @JsonProperty("duration") double duration,
        @JsonProperty("vod_offset") long vodOffset,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("ready_at") Instant readyAt) {

    @JsonProperty("url")
    public String url() {
        return "https://clips.twitch.tv/" + id;
    }

    @JsonProperty("edit_url")
    public String editUrl() {
        return "https://clips.twitch.tv/" + id + "/edit";
    }

    @JsonProperty("embed_url")
    public String embedUrl() {
        return "https://clips.twitch.tv/embed?clip=" + id;
    }

    @JsonProperty("thumbnail_url")
    public String thumbnailUrl() {
        return "https://clips-media-assets2.twitch.tv/" + id + "-preview-480x272.jpg";
    }

    /** Whether Get Clips returns the clip at {@code now}. */
    public boolean isReadyAt(Instant now) {
        return !now.isBefore(readyAt);
    }
}
