package dev.streamscout.twitch.irc;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect delay with jitter: the n-th consecutive failure waits
 * {@code initial * 2^(n-1)}, capped at {@code max}, drawn uniformly from the upper half
 * ({@code [d/2, d]}) so that many connections dropped together do not come back together.
 */
final class Backoff {

    private final long initialMs;
    private final long maxMs;

    Backoff(Duration initial, Duration max) {
        this.initialMs = initial.toMillis();
        this.maxMs = max.toMillis();
    }

    long delayMs(int failures) {
        long delay = initialMs;
        for (int i = 1; i < failures && delay < maxMs; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, maxMs);
        return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    }
}
