package dev.streamscout.twitch.helix;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the last response said about one Helix rate-limit bucket ({@code Ratelimit-Remaining},
 * {@code Ratelimit-Reset}). Helix has a general bucket and a separate per-user one for Create Clip,
 * so a client keeps one of these for each. Thread-safe.
 */
final class RateLimitBucket {

    private int remaining = -1;
    private long resetEpochSeconds;

    /** Takes the headers of a response on this bucket; responses without them change nothing. */
    synchronized void update(HttpHeaders headers) {
        OptionalLong left = longHeader(headers, "Ratelimit-Remaining");
        OptionalLong reset = longHeader(headers, "Ratelimit-Reset");
        if (left.isPresent()) {
            remaining = (int) Math.max(0, Math.min(Integer.MAX_VALUE, left.getAsLong()));
        }
        if (reset.isPresent()) {
            resetEpochSeconds = reset.getAsLong();
        }
    }

    /**
     * How long a request must wait before it is sent: until the reset when the bucket was reported
     * empty, else nothing. Once the reset has passed the bucket is full again, whatever was last said.
     */
    synchronized long millisUntilUsable(long nowMillis) {
        if (remaining != 0) {
            return 0;
        }
        return Math.max(0, resetEpochSeconds * 1000 - nowMillis);
    }

    /** Points left as last reported, or -1 before any response carried the header. */
    synchronized int remaining() {
        return remaining;
    }

    /** {@code Ratelimit-Reset} as epoch seconds, when present and numeric. */
    static OptionalLong resetOf(HttpHeaders headers) {
        return longHeader(headers, "Ratelimit-Reset");
    }

    private static OptionalLong longHeader(HttpHeaders headers, String name) {
        // Header names are case-insensitive in the JDK client (twitch-cli sends them lower-case).
        Optional<String> value = headers.firstValue(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
