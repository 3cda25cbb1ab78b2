package dev.streamscout.twitch.helix;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link HelixClient} does by itself before it reports a failure.
 *
 * <ul>
 *   <li>Rate limit: when a response said {@code Ratelimit-Remaining: 0}, the next request on that
 *       bucket waits until {@code Ratelimit-Reset} (epoch seconds); a 429 waits until the reset and
 *       tries again. Waiting for one call never exceeds {@code maxRateLimitWait}; a 429 that would
 *       need longer fails with that 429. {@link Duration#ZERO} turns all of this off.</li>
 *   <li>503: tried again {@code serviceUnavailableRetries} times after {@code serviceUnavailableDelay}
 *       (Twitch: "retry once").</li>
 *   <li>401: when the token supplier is a {@link dev.streamscout.twitch.auth.RenewableToken} and
 *       {@code renewOnUnauthorized}, the token is renewed and the request sent once more.</li>
 * </ul>
 *
 * <p>All waits are scheduled, never slept, so the {@code *Async} calls stay non-blocking.
 *
 * @param maxRateLimitWait         longest total wait for the rate limit within one call
 * @param serviceUnavailableRetries how often a 503 is tried again (0 or more)
 * @param serviceUnavailableDelay  pause before such a retry
 * @param renewOnUnauthorized      whether a 401 renews a renewable token and retries once
 */
public record HelixRetryPolicy(Duration maxRateLimitWait, int serviceUnavailableRetries,
        Duration serviceUnavailableDelay, boolean renewOnUnauthorized) {

    /** Longest wait for the rate-limit bucket in {@link #standard()}: Twitch refills it within a minute. */
    public static final Duration STANDARD_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);
    /** Pause before the single 503 retry in {@link #standard()}. */
    public static final Duration STANDARD_UNAVAILABLE_DELAY = Duration.ofMillis(500);

    public HelixRetryPolicy {
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        Objects.requireNonNull(serviceUnavailableDelay, "serviceUnavailableDelay");
        if (maxRateLimitWait.isNegative() || serviceUnavailableDelay.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
        if (serviceUnavailableRetries < 0) {
            throw new IllegalArgumentException("serviceUnavailableRetries must be >= 0: " + serviceUnavailableRetries);
        }
    }

    /** Twitch's guidance: honour the rate limit (at most 60 s), retry a 503 once, renew on 401. */
    public static HelixRetryPolicy standard() {
        return new HelixRetryPolicy(STANDARD_MAX_RATE_LIMIT_WAIT, 1, STANDARD_UNAVAILABLE_DELAY, true);
    }

    /**
     * Every response is reported as it came: for callers with their own retry schedule, such as the
     * clip maker (seed: attempts at 0, 3 and 6 s).
     */
    public static HelixRetryPolicy none() {
        return new HelixRetryPolicy(Duration.ZERO, 0, Duration.ZERO, false);
    }

    public HelixRetryPolicy withMaxRateLimitWait(Duration value) {
        return new HelixRetryPolicy(value, serviceUnavailableRetries, serviceUnavailableDelay, renewOnUnauthorized);
    }

    public HelixRetryPolicy withServiceUnavailableDelay(Duration value) {
        return new HelixRetryPolicy(maxRateLimitWait, serviceUnavailableRetries, value, renewOnUnauthorized);
    }

    boolean honoursRateLimit() {
        return !maxRateLimitWait.isZero();
    }
}
