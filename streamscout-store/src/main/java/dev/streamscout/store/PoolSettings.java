package dev.streamscout.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Sizes and timeouts of the HikariCP connection pool of a {@link Database}.
 *
 * @param minIdle           idle connections the pool keeps ready (0 to {@code maxSize})
 * @param maxSize           most connections open at once (at least 1)
 * @param connectionTimeout how long a caller waits for a connection before the call fails (at least 250 ms,
 *                          HikariCP's floor)
 * @param idleTimeout       how long a connection above {@code minIdle} may sit idle before it is closed
 *                          (0 for never, otherwise at least 10 s, HikariCP's floor)
 */
public record PoolSettings(int minIdle, int maxSize, Duration connectionTimeout, Duration idleTimeout) {

    /** The seed plan's pool: min 2, max 10 connections, 30 s connection timeout, 600 s idle timeout. */
    public static final PoolSettings DEFAULTS = new PoolSettings(2, 10, Duration.ofSeconds(30), Duration.ofSeconds(600));

    public PoolSettings {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool max size must be at least 1, got " + maxSize);
        }
        if (minIdle < 0 || minIdle > maxSize) {
            throw new IllegalArgumentException("pool min idle must be from 0 to the max size " + maxSize + ", got "
                    + minIdle);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("pool connection timeout must be at least 250 ms, got "
                    + connectionTimeout);
        }
        if (!idleTimeout.isZero() && idleTimeout.toMillis() < 10_000) {
            throw new IllegalArgumentException("pool idle timeout must be 0 (never) or at least 10 s, got "
                    + idleTimeout);
        }
    }
}
