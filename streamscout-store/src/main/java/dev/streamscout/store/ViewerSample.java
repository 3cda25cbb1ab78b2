package dev.streamscout.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a channel's viewer history: how many watched at {@code observedAt}.
 *
 * @param channelId   Twitch broadcaster id
 * @param observedAt  when the monitor's poll saw this count
 * @param viewerCount viewers at that time (never negative)
 */
public record ViewerSample(String channelId, Instant observedAt, int viewerCount) {

    public ViewerSample {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(observedAt, "observedAt");
        if (channelId.isBlank()) {
            throw new IllegalArgumentException("channelId must not be blank");
        }
        if (viewerCount < 0) {
            throw new IllegalArgumentException("viewerCount must not be negative, was " + viewerCount);
        }
    }
}
