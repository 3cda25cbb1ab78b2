package dev.streamscout.job.analytics;

import java.io.Serializable;
import java.time.Duration;

/**
 * When a fall in viewers is an anomaly worth a {@code viewer_drop} moment: between two consecutive
 * polls of the same live stream, the count fell by at least {@code minDropFraction} of the earlier
 * count, the earlier count was at least {@code minViewers} (tiny channels jump around), and the polls
 * are at most {@code maxGap} apart (a long gap is missing data, not a drop). Going offline is the end
 * of the stream, not a drop.
 *
 * @param minDropFraction e.g. 0.4: 1000 → 600 or fewer viewers
 * @param minViewers      earlier count below this never fires
 * @param maxGap          polls further apart are not compared
 */
public record ViewerDropRule(double minDropFraction, int minViewers, Duration maxGap) implements Serializable {

    public ViewerDropRule {
        if (!(minDropFraction > 0 && minDropFraction < 1)) {
            throw new IllegalArgumentException("minDropFraction must be in (0, 1), was " + minDropFraction);
        }
        if (minViewers < 1) {
            throw new IllegalArgumentException("minViewers must be >= 1, was " + minViewers);
        }
        if (maxGap == null || maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("maxGap must be positive, was " + maxGap);
        }
    }

    /** 40% drop, from at least 50 viewers, polls at most 5 minutes apart (the monitor polls every 60 s). */
    public static ViewerDropRule defaults() {
        return new ViewerDropRule(0.4, 50, Duration.ofMinutes(5));
    }

    /** The fraction of viewers lost, when the step from {@code before} to {@code after} is a drop; else negative. */
    public double dropFraction(int before, long beforeMs, int after, long afterMs) {
        if (before < minViewers || afterMs <= beforeMs || afterMs - beforeMs > maxGap.toMillis()) {
            return -1;
        }
        double lost = (before - after) / (double) before;
        return lost >= minDropFraction ? lost : -1;
    }
}
