package dev.streamscout.twitch.helix;

import java.time.Instant;

/**
 * A published clip as Get Clips returns it.
 *
 * @param id              clip id
 * @param url             public clip URL
 * @param broadcasterId   channel the clip was taken from
 * @param title           clip title
 * @param createdAt       when the clip was created
 * @param duration        length in seconds (precision 0.1)
 * @param broadcasterName channel display name
 * @param embedUrl        URL for an embedded player
 * @param thumbnailUrl    preview image
 * @param viewCount       views so far
 * @param vodOffset       seconds into the VOD where the clip starts, or {@code null} when there is no VOD
 */
public record HelixClip(
        String id,
        String url,
        String broadcasterId,
        String title,
        Instant createdAt,
        double duration,
        String broadcasterName,
        String embedUrl,
        String thumbnailUrl,
        int viewCount,
        Integer vodOffset) {}
