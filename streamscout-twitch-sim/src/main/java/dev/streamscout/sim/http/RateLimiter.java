package dev.streamscout.sim.http;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Helix's token bucket: {@code limit} points per minute per client and token, refilled
 * continuously; each request costs one point and an empty bucket answers 429. Every reply carries
 * the three {@code Ratelimit-*} headers, the reset being the epoch second when the bucket is full.
 */
final class RateLimiter {

    /** The outcome of one request against its bucket. */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds) {}

    private final int limit;
    private final double refillPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double points;
        long updatedMillis;

        Bucket(double points, long updatedMillis) {
            this.points = points;
            this.updatedMillis = updatedMillis;
        }
    }

    RateLimiter(int limitPerMinute, Clock clock) {
        this.limit = limitPerMinute;
        this.refillPerMilli = limitPerMinute / 60_000.0;
        this.clock = clock;
    }

    Decision take(String key) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
        synchronized (bucket) {
            long elapsed = Math.max(0, now - bucket.updatedMillis);
            bucket.points = Math.min(limit, bucket.points + elapsed * refillPerMilli);
            bucket.updatedMillis = now;
            boolean allowed = bucket.points >= 1.0;
            if (allowed) {
                bucket.points -= 1.0;
            }
            long millisToFull = (long) Math.ceil((limit - bucket.points) / refillPerMilli);
            long reset = (now + millisToFull + 999) / 1000;
            return new Decision(allowed, limit, (int) Math.floor(bucket.points), reset);
        }
    }
}
