package dev.streamscout.core.detect;

import java.io.Serializable;

/**
 * Parameters of the {@code default} profile ({@link DefaultSpikeDetector}). Each value and the
 * measurement behind it is documented in {@code docs/detection.md}.
 *
 * @param windowSeconds        length of the activity window in seconds; equal to
 *                             {@link MomentExplainer#CHATTER_WINDOW_SECONDS} so that chatters are
 *                             counted over the same window
 * @param threshold            the one threshold: fire when the intensity exceeds it
 * @param baselineSeconds      time constant of the short ("recent") baseline, an EWMA of activity
 * @param levelSeconds         time constant of the slow channel level, an EWMA of activity over hours
 * @param loudWeight           extra activity per loud message (shouting, a repeated token or character)
 * @param spikeCap             activity above {@code spikeCap x baseline} is clipped before it enters the
 *                             baselines, so a burst does not raise the bar for the next one
 * @param warmupSeconds        no firing until this many seconds have been seen
 * @param minMessagesPerSecond absolute floor: the window must hold at least this many messages per second
 * @param holdSeconds          a burst is reported once its intensity has not reached a new high for this long
 * @param cooldownSeconds      after a report, no new burst starts for this long
 * @param burstSeconds         length of the short window that can also start a burst (0: no short trigger);
 *                             at most {@code windowSeconds}, since it is read from the same ring
 * @param burstDeviations      a burst also starts when the message rate over the last {@code burstSeconds}
 *                             is above {@code spikeCap} times its own baseline and more than this many
 *                             standard deviations above it
 */
public record DefaultDetectorParams(
        int windowSeconds,
        double threshold,
        int baselineSeconds,
        int levelSeconds,
        double loudWeight,
        double spikeCap,
        int warmupSeconds,
        double minMessagesPerSecond,
        int holdSeconds,
        int cooldownSeconds,
        int burstSeconds,
        double burstDeviations) implements Serializable {

    public DefaultDetectorParams {
        if (windowSeconds < 1 || windowSeconds > 600) {
            throw new IllegalArgumentException("windowSeconds must be in 1..600, was " + windowSeconds);
        }
        if (!Double.isFinite(threshold) || threshold <= 0) {
            throw new IllegalArgumentException("threshold must be a positive number, was " + threshold);
        }
        if (baselineSeconds < 1 || levelSeconds < 1) {
            throw new IllegalArgumentException("baseline and level time constants must be >= 1 s");
        }
        if (!Double.isFinite(loudWeight) || loudWeight < 0) {
            throw new IllegalArgumentException("loudWeight must be >= 0, was " + loudWeight);
        }
        if (!Double.isFinite(spikeCap) || spikeCap < 1) {
            throw new IllegalArgumentException("spikeCap must be >= 1, was " + spikeCap);
        }
        if (warmupSeconds < 0 || holdSeconds < 0 || cooldownSeconds < 0) {
            throw new IllegalArgumentException("warm-up, hold and cooldown must not be negative");
        }
        if (!Double.isFinite(minMessagesPerSecond) || minMessagesPerSecond < 0) {
            throw new IllegalArgumentException("minMessagesPerSecond must be >= 0, was " + minMessagesPerSecond);
        }
        if (burstSeconds < 0 || burstSeconds > windowSeconds) {
            throw new IllegalArgumentException("burstSeconds must be in 0..windowSeconds, was " + burstSeconds);
        }
        if (!Double.isFinite(burstDeviations) || burstDeviations < 0) {
            throw new IllegalArgumentException("burstDeviations must be >= 0, was " + burstDeviations);
        }
    }

    /** The values chosen by measurement on the dev set (see docs/detection.md). */
    public static DefaultDetectorParams defaults() {
        return new DefaultDetectorParams(MomentExplainer.CHATTER_WINDOW_SECONDS, 2.5, 600, 7200, 1.0, 3.0, 300,
                0.5, 3, 60, 5, 10.0);
    }

    public DefaultDetectorParams withThreshold(double value) {
        return new DefaultDetectorParams(windowSeconds, value, baselineSeconds, levelSeconds, loudWeight, spikeCap,
                warmupSeconds, minMessagesPerSecond, holdSeconds, cooldownSeconds, burstSeconds, burstDeviations);
    }

    public DefaultDetectorParams withWarmupSeconds(int value) {
        return new DefaultDetectorParams(windowSeconds, threshold, baselineSeconds, levelSeconds, loudWeight, spikeCap,
                value, minMessagesPerSecond, holdSeconds, cooldownSeconds, burstSeconds, burstDeviations);
    }

    public DefaultDetectorParams withMinMessagesPerSecond(double value) {
        return new DefaultDetectorParams(windowSeconds, threshold, baselineSeconds, levelSeconds, loudWeight, spikeCap,
                warmupSeconds, value, holdSeconds, cooldownSeconds, burstSeconds, burstDeviations);
    }

    public DefaultDetectorParams withHoldSeconds(int value) {
        return new DefaultDetectorParams(windowSeconds, threshold, baselineSeconds, levelSeconds, loudWeight, spikeCap,
                warmupSeconds, minMessagesPerSecond, value, cooldownSeconds, burstSeconds, burstDeviations);
    }

    public DefaultDetectorParams withCooldownSeconds(int value) {
        return new DefaultDetectorParams(windowSeconds, threshold, baselineSeconds, levelSeconds, loudWeight, spikeCap,
                warmupSeconds, minMessagesPerSecond, holdSeconds, value, burstSeconds, burstDeviations);
    }

    public DefaultDetectorParams withBaselineSeconds(int value) {
        return new DefaultDetectorParams(windowSeconds, threshold, value, levelSeconds, loudWeight, spikeCap,
                warmupSeconds, minMessagesPerSecond, holdSeconds, cooldownSeconds, burstSeconds, burstDeviations);
    }

    public DefaultDetectorParams withLevelSeconds(int value) {
        return new DefaultDetectorParams(windowSeconds, threshold, baselineSeconds, value, loudWeight, spikeCap,
                warmupSeconds, minMessagesPerSecond, holdSeconds, cooldownSeconds, burstSeconds, burstDeviations);
    }

    public DefaultDetectorParams withLoudWeight(double value) {
        return new DefaultDetectorParams(windowSeconds, threshold, baselineSeconds, levelSeconds, value, spikeCap,
                warmupSeconds, minMessagesPerSecond, holdSeconds, cooldownSeconds, burstSeconds, burstDeviations);
    }

    public DefaultDetectorParams withBurst(int seconds, double deviations) {
        return new DefaultDetectorParams(windowSeconds, threshold, baselineSeconds, levelSeconds, loudWeight, spikeCap,
                warmupSeconds, minMessagesPerSecond, holdSeconds, cooldownSeconds, seconds, deviations);
    }
}
