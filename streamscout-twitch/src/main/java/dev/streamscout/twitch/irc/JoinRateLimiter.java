package dev.streamscout.twitch.irc;

import java.util.ArrayDeque;

/**
 * Twitch's JOIN limit as a sliding window: at most {@code permits} JOINs in any {@code windowMs}
 * (20 per 10 s per account). One instance serves every connection of a pool, and rejoins after a
 * reconnect go through it too, so a reconnect never becomes a JOIN storm. Thread-safe.
 *
 * <p>Each permit is held a tenth longer than the window. A permit is taken when a JOIN is queued for
 * the connections' writer, which may send it later (behind a write to a connection being dropped), while
 * Twitch counts JOINs as they arrive: without the margin, a burst sent late and the next one sent on
 * time met in Twitch's window (the simulator saw 23 JOINs in 10 s after three dropped connections).
 */
final class JoinRateLimiter {

    private final int permits;
    private final long heldMs;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    JoinRateLimiter(int permits, long windowMs) {
        this.permits = permits;
        this.heldMs = windowMs + windowMs / 10;
    }

    /** Takes a permit if one is free at {@code nowMs}. */
    synchronized boolean tryAcquire(long nowMs) {
        while (!recent.isEmpty() && nowMs - recent.peekFirst() >= heldMs) {
            recent.pollFirst();
        }
        if (recent.size() >= permits) {
            return false;
        }
        recent.addLast(nowMs);
        return true;
    }
}
