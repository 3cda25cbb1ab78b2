package dev.streamscout.sim.world;

import dev.streamscout.sim.SimEndpoint;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP misbehaviour that tests switch on: the next N calls of an endpoint fail with a chosen
 * status, an endpoint answers slowly, Create Clip fails for chosen channels, and the Helix rate
 * limit is exhausted until a given instant.
 */
public final class FaultInjector {

    private record Armed(int remaining, int status) {}

    private final Map<SimEndpoint, Armed> armed = new EnumMap<>(SimEndpoint.class);
    private final Map<SimEndpoint, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Integer> clipFailures = new ConcurrentHashMap<>();
    private volatile long rateLimitExhaustedUntilMillis;

    /** The next {@code count} calls of {@code endpoint} answer {@code status}; replaces any earlier arming. */
    public synchronized void failNext(SimEndpoint endpoint, int count, int status) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        checkErrorStatus(status);
        if (count == 0) {
            armed.remove(endpoint);
        } else {
            armed.put(endpoint, new Armed(count, status));
        }
    }

    /** Consumes one armed failure for this call, if any. */
    public synchronized OptionalInt take(SimEndpoint endpoint) {
        Armed current = armed.get(endpoint);
        if (current == null) {
            return OptionalInt.empty();
        }
        if (current.remaining() <= 1) {
            armed.remove(endpoint);
        } else {
            armed.put(endpoint, new Armed(current.remaining() - 1, current.status()));
        }
        return OptionalInt.of(current.status());
    }

    /** Every call of {@code endpoint} is answered this much later; zero removes the delay. */
    public void delay(SimEndpoint endpoint, Duration delay) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (delay.isZero()) {
            delays.remove(endpoint);
        } else {
            delays.put(endpoint, delay);
        }
    }

    /** Sleeps for the endpoint's configured delay, if any (on the HTTP worker thread, like a slow backend). */
    public void applyDelay(SimEndpoint endpoint) {
        Duration delay = delays.get(endpoint);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Create Clip for this channel (login) answers {@code status} (403, 404, ...) until cleared with 0. */
    public void failClipsFor(String channelLogin, int status) {
        Objects.requireNonNull(channelLogin, "channelLogin");
        if (status == 0) {
            clipFailures.remove(channelLogin);
        } else {
            checkErrorStatus(status);
            clipFailures.put(channelLogin, status);
        }
    }

    public OptionalInt clipFailure(String channelLogin) {
        Integer status = clipFailures.get(channelLogin);
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Every Helix bucket is empty until this instant (epoch millis): 429 with {@code Ratelimit-Reset} at it. */
    public void exhaustRateLimitUntil(long epochMillis) {
        rateLimitExhaustedUntilMillis = epochMillis;
    }

    /** The instant (epoch millis) until which buckets are exhausted, or 0. */
    public long rateLimitExhaustedUntil() {
        return rateLimitExhaustedUntilMillis;
    }

    private static void checkErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status: " + status);
        }
    }
}
