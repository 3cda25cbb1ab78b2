package dev.streamscout.core.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Parameters of the seed detector: "count messages in 5 s windows sliding by 1 s, fire when the
 * count exceeds mean + k standard deviations of the recent counts, then cool down for 30 s".
 *
 * @param windowSeconds   window length in seconds (the window slides by one second)
 * @param k               threshold in standard deviations: fire when {@code count > mean + k * stddev}
 * @param baselineWindows how many past window counts (one per second) form the baseline; the current
 *                        window is never part of it
 * @param warmupWindows   the baseline must hold at least this many window counts before anything fires,
 *                        so a channel that was just joined does not fire on its first messages
 * @param minWindowCount  absolute floor on the window count, so that near-silent chat (where one extra
 *                        message is several standard deviations) does not fire
 * @param cooldown        after a detection the channel cannot fire again for this long, in event time
 */
public record SeedDetectorParams(
        int windowSeconds,
        double k,
        int baselineWindows,
        int warmupWindows,
        int minWindowCount,
        Duration cooldown) implements Serializable {

    public SeedDetectorParams {
        Objects.requireNonNull(cooldown, "cooldown");
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("windowSeconds must be >= 1, was " + windowSeconds);
        }
        if (!Double.isFinite(k) || k < 0) {
            throw new IllegalArgumentException("k must be a finite number >= 0, was " + k);
        }
        if (baselineWindows < 2) {
            throw new IllegalArgumentException("baselineWindows must be >= 2, was " + baselineWindows);
        }
        if (warmupWindows < 1 || warmupWindows > baselineWindows) {
            throw new IllegalArgumentException(
                    "warmupWindows must be in 1.." + baselineWindows + ", was " + warmupWindows);
        }
        if (minWindowCount < 1) {
            throw new IllegalArgumentException("minWindowCount must be >= 1, was " + minWindowCount);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative, was " + cooldown);
        }
    }

    /** The seed's values: 5 s windows, k = 1, 5 minutes of baseline, 30 s warm-up, 5 messages, 30 s cooldown. */
    public static SeedDetectorParams defaults() {
        return new SeedDetectorParams(5, 1.0, 300, 30, 5, Duration.ofSeconds(30));
    }

    public SeedDetectorParams withWindowSeconds(int value) {
        return new SeedDetectorParams(value, k, baselineWindows, warmupWindows, minWindowCount, cooldown);
    }

    public SeedDetectorParams withK(double value) {
        return new SeedDetectorParams(windowSeconds, value, baselineWindows, warmupWindows, minWindowCount, cooldown);
    }

    public SeedDetectorParams withBaselineWindows(int value) {
        return new SeedDetectorParams(windowSeconds, k, value, warmupWindows, minWindowCount, cooldown);
    }

    public SeedDetectorParams withWarmupWindows(int value) {
        return new SeedDetectorParams(windowSeconds, k, baselineWindows, value, minWindowCount, cooldown);
    }

    public SeedDetectorParams withMinWindowCount(int value) {
        return new SeedDetectorParams(windowSeconds, k, baselineWindows, warmupWindows, value, cooldown);
    }

    public SeedDetectorParams withCooldown(Duration value) {
        return new SeedDetectorParams(windowSeconds, k, baselineWindows, warmupWindows, minWindowCount, value);
    }
}
