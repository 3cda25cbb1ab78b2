package dev.streamscout.ingest.observe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Messages per second over a sliding window, from a monotonic counter sampled about once a second
 * ({@code chat_message_rate}). Sampling a counter, rather than timing each message, costs the IRC
 * reader nothing.
 */
public final class ChatRate {

    private record Sample(long atNanos, long count) {}

    private final LongSupplier counter;
    private final LongSupplier nanoClock;
    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /**
     * @param counter       total messages so far
     * @param windowSeconds how far back the rate looks
     */
    public ChatRate(LongSupplier counter, int windowSeconds) {
        this(counter, windowSeconds, System::nanoTime);
    }

    ChatRate(LongSupplier counter, int windowSeconds, LongSupplier nanoClock) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("windowSeconds must be positive, was " + windowSeconds);
        }
        this.windowNanos = windowSeconds * 1_000_000_000L;
        sample();
    }

    /** Takes a sample now and drops those older than the window (keeping one as the baseline). */
    public synchronized void sample() {
        long now = nanoClock.getAsLong();
        samples.addLast(new Sample(now, counter.getAsLong()));
        while (samples.size() > 2 && now - samples.peekFirst().atNanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** Messages per second between the oldest and newest sample; 0 until two samples exist. */
    public synchronized double perSecond() {
        if (samples.size() < 2) {
            return 0.0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long elapsed = last.atNanos() - first.atNanos();
        return elapsed <= 0 ? 0.0 : (last.count() - first.count()) * 1e9 / elapsed;
    }
}
