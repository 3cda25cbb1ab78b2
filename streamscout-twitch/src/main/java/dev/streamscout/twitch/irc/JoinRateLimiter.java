package dev.streamscout.twitch.irc;

import java.util.ArrayDeque;

/**
 * Twitch's JOIN limit as a sliding window: at most {@code permits} JOINs in any {@code windowMs}
 * (20 per 10 s per account). One instance serves every connection of a pool, and rejoins after a
 * reconnect go through it too, so a reconnect never becomes a JOIN storm. Thread-safe.
 */
final class JoinRateLimiter {

    private final int permits;
    private final long windowMs;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    JoinRateLimiter(int permits, long windowMs) {
        this.permits = permits;
        this.windowMs = windowMs;
    }

    /** Takes a permit if one is free at {@code nowMs}. */
    synchronized boolean tryAcquire(long nowMs) {
        while (!recent.isEmpty() && nowMs - recent.peekFirst() >= windowMs) {
            recent.pollFirst();
        }
        if (recent.size() >= permits) {
            return false;
        }
        recent.addLast(nowMs);
        return true;
    }
}
