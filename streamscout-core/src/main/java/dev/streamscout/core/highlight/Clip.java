package dev.streamscout.core.highlight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A row of the {@code clips} table: one per moment, whatever the outcome of the Create Clip call.
 *
 * @param momentId      {@link Moment#id()}, the primary key (one clip attempt per moment)
 * @param clipId        Twitch clip id, null unless Twitch accepted the request
 * @param channelId     broadcaster's user id
 * @param channelLogin  broadcaster's login
 * @param peakMs        the moment's peak, epoch milliseconds
 * @param createdMs     when StreamScout asked for the clip, epoch milliseconds
 * @param url           public clip URL, null unless created
 * @param editUrl       edit URL Twitch returned, null unless accepted
 * @param title         the title sent with Create Clip
 * @param intensity     the moment's intensity
 * @param messageCount  messages in the detection window at the peak
 * @param status        outcome
 * @param failureReason why it failed or was skipped, null otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Clip(
        @JsonProperty("moment_id") String momentId,
        @JsonProperty("clip_id") String clipId,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("channel") String channelLogin,
        @JsonProperty("peak_ms") long peakMs,
        @JsonProperty("created_ms") long createdMs,
        @JsonProperty("url") String url,
        @JsonProperty("edit_url") String editUrl,
        @JsonProperty("title") String title,
        @JsonProperty("intensity") double intensity,
        @JsonProperty("message_count") int messageCount,
        @JsonProperty("status") ClipStatus status,
        @JsonProperty("failure_reason") String failureReason) {}
