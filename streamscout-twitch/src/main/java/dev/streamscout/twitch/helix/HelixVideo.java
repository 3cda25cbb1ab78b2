package dev.streamscout.twitch.helix;

import java.time.Instant;

/**
 * A video as Get Videos returns it; StreamScout asks only for a channel's latest archive (the VOD of
 * its current or last broadcast) to link moments to their place in it.
 *
 * @param id        video id: the VOD is at {@code https://www.twitch.tv/videos/<id>}
 * @param userId    the broadcaster's user id
 * @param streamId  the broadcast the archive was recorded from, or {@code null} (not an archive, or not given)
 * @param type      {@code archive}, {@code highlight} or {@code upload}
 * @param createdAt when the video was created (an archive: when its broadcast started), or {@code null}
 * @param url       the video's page, or {@code null}
 */
public record HelixVideo(String id, String userId, String streamId, String type, Instant createdAt, String url) {}
