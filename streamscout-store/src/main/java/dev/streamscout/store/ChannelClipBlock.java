package dev.streamscout.store;

import java.time.Instant;

/**
 * A channel Create Clip refused with 403 (clips disabled, followers/subscribers only): its moments
 * are stored without calling Twitch until {@code blockedUntil}.
 */
public record ChannelClipBlock(String channelId, String reason, Instant blockedAt, Instant blockedUntil) {

    public boolean activeAt(Instant now) {
        return now.isBefore(blockedUntil);
    }
}
