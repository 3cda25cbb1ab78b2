package dev.streamscout.core.detect;

import java.util.Objects;
import java.util.Optional;

/**
 * The seed behaviour, kept as the {@code seed} profile: message counts in windows of
 * {@code windowSeconds} sliding by one second, compared with the mean and standard deviation of the
 * last {@code baselineWindows} window counts; fire when {@code count > mean + k * stddev}, then stay
 * quiet for the cooldown.
 *
 * <p>On top of the seed it has two guards the seed lacked, both configurable: a warm-up (no firing
 * until the baseline holds {@code warmupWindows} values) and an absolute floor on the window count.
 *
 * <p>Seconds must be fed in order; every second should be fed, quiet ones with a zero count. A skipped
 * second is treated as a zero-count second for the windows and the baseline, but only the second
 * actually passed in can fire, so callers that need every detection (the Flink operator does) feed
 * every second. Mean and variance come from exact integer sums, so results are reproducible bit for
 * bit.
 */
public final class SeedSpikeDetector implements SpikeDetector<SeedDetectorState> {

    public static final String PROFILE = "seed";

    /**
     * Window counts are integers, so a baseline spread below one message says more about how flat the
     * baseline was than about the spike; intensity divides by at least this much.
     */
    static final double MIN_INTENSITY_STDDEV = 1.0;

    private static final long SECOND_MS = 1000L;

    private final SeedDetectorParams params;

    public SeedSpikeDetector(SeedDetectorParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public SeedDetectorParams params() {
        return params;
    }

    @Override
    public String profile() {
        return PROFILE;
    }

    @Override
    public SeedDetectorState newState() {
        SeedDetectorState state = new SeedDetectorState();
        reshape(state);
        return state;
    }

    @Override
    public Class<SeedDetectorState> stateType() {
        return SeedDetectorState.class;
    }

    @Override
    public Optional<Detection> onSecond(SeedDetectorState state, ChatSecond second) {
        Objects.requireNonNull(second, "second");
        return onSecond(state, second.startMs(), second.messages());
    }

    /** The seed only looks at message counts. */
    @Override
    public Optional<Detection> onSecond(SeedDetectorState state, long secondStartMs, int count) {
        Objects.requireNonNull(state, "state");
        if (Math.floorMod(secondStartMs, SECOND_MS) != 0) {
            throw new IllegalArgumentException("not the start of a second: " + secondStartMs);
        }
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count + " at " + secondStartMs);
        }
        if (state.recent == null || state.recent.length != params.windowSeconds()
                || state.baseline == null || state.baseline.length != params.baselineWindows()) {
            // New state, or state written under other window/baseline sizes (parameters changed
            // across a restart): start the windows afresh but keep the cooldown.
            reshape(state);
        }
        if (state.lastSecondMs != Long.MIN_VALUE) {
            if (secondStartMs <= state.lastSecondMs) {
                throw new IllegalArgumentException("second " + secondStartMs
                        + " is not after the previous one " + state.lastSecondMs);
            }
            fillSkippedSeconds(state, secondStartMs);
        }
        push(state, secondStartMs, count);
        if (state.secondsSeen < params.windowSeconds()) {
            return Optional.empty(); // no full window yet
        }
        Optional<Detection> detection = evaluate(state, secondStartMs);
        addToBaseline(state, state.windowSum); // after evaluating: the baseline excludes the current window
        detection.ifPresent(d -> state.lastDetectionMs = secondStartMs);
        return detection;
    }

    private void fillSkippedSeconds(SeedDetectorState state, long secondStartMs) {
        long skipped = (secondStartMs - state.lastSecondMs) / SECOND_MS - 1;
        // Beyond this many zero seconds both rings hold nothing but zeros; more changes nothing.
        long toFill = Math.min(skipped, (long) params.windowSeconds() + params.baselineWindows());
        long fillFrom = secondStartMs - toFill * SECOND_MS;
        for (long s = fillFrom; s < secondStartMs; s += SECOND_MS) {
            push(state, s, 0);
            if (state.secondsSeen >= params.windowSeconds()) {
                addToBaseline(state, state.windowSum);
            }
        }
    }

    private void push(SeedDetectorState state, long secondStartMs, int count) {
        int window = params.windowSeconds();
        state.windowSum += count - state.recent[state.recentPos];
        state.recent[state.recentPos] = count;
        state.recentPos = (state.recentPos + 1) % window;
        state.secondsSeen = Math.min(state.secondsSeen + 1, window);
        state.lastSecondMs = secondStartMs;
    }

    private Optional<Detection> evaluate(SeedDetectorState state, long secondStartMs) {
        int windowCount = state.windowSum;
        if (state.baselineSize < params.warmupWindows()
                || windowCount < params.minWindowCount()
                || inCooldown(state, secondStartMs)) {
            return Optional.empty();
        }
        double n = state.baselineSize;
        double mean = state.baselineSum / n;
        double variance = Math.max(0.0, state.baselineSumSquares / n - mean * mean);
        double stddev = Math.sqrt(variance);
        if (windowCount <= mean + params.k() * stddev) {
            return Optional.empty();
        }
        double intensity = (windowCount - mean) / Math.max(stddev, MIN_INTENSITY_STDDEV);
        long windowStartMs = secondStartMs - (params.windowSeconds() - 1) * SECOND_MS;
        return Optional.of(new Detection(PROFILE, windowStartMs, peakSecond(state, secondStartMs),
                secondStartMs, windowCount, mean, stddev, intensity));
    }

    private boolean inCooldown(SeedDetectorState state, long secondStartMs) {
        return state.lastDetectionMs != Long.MIN_VALUE
                && secondStartMs - state.lastDetectionMs < params.cooldown().toMillis();
    }

    /** The busiest second of the current window; the latest wins a tie. */
    private long peakSecond(SeedDetectorState state, long lastSecondMs) {
        int window = params.windowSeconds();
        long peak = lastSecondMs;
        int best = -1;
        for (int i = 0; i < window; i++) { // recentPos is the oldest slot after a push
            int count = state.recent[(state.recentPos + i) % window];
            if (count >= best) {
                best = count;
                peak = lastSecondMs - (long) (window - 1 - i) * SECOND_MS;
            }
        }
        return peak;
    }

    private void addToBaseline(SeedDetectorState state, int windowCount) {
        int capacity = params.baselineWindows();
        if (state.baselineSize == capacity) {
            long evicted = state.baseline[state.baselinePos];
            state.baselineSum -= evicted;
            state.baselineSumSquares -= evicted * evicted;
        } else {
            state.baselineSize++;
        }
        state.baseline[state.baselinePos] = windowCount;
        state.baselineSum += windowCount;
        state.baselineSumSquares += (long) windowCount * windowCount;
        state.baselinePos = (state.baselinePos + 1) % capacity;
    }

    private void reshape(SeedDetectorState state) {
        state.recent = new int[params.windowSeconds()];
        state.recentPos = 0;
        state.windowSum = 0;
        state.secondsSeen = 0;
        state.baseline = new int[params.baselineWindows()];
        state.baselinePos = 0;
        state.baselineSize = 0;
        state.baselineSum = 0;
        state.baselineSumSquares = 0;
        state.lastSecondMs = Long.MIN_VALUE;
    }
}
