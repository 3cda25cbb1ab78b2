package dev.streamscout.core.live;

import dev.streamscout.core.detect.DefaultDetectorState;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.SeedDetectorState;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.core.detect.SpikeDetector;
import java.util.OptionalLong;

/**
 * Reads, from a detector's per-channel state, the band it compares the next second against and
 * whether it is holding a candidate burst, for the live chart. Read <em>before</em> feeding a
 * second, the band is exactly what that second is judged by.
 *
 * <ul>
 *   <li>{@code seed}: the window count is compared with {@code mean + k x stddev} of past window
 *       counts; divided by the window length that is messages per second, and the band is
 *       {@code (mean ± k x stddev) / window}.</li>
 *   <li>{@code default}: the window activity (distinct chatters per second over the window, plus loud
 *       messages) is divided by {@code sqrt(recent baseline x slow level)} and fires above
 *       {@code threshold}; the baseline is that reference, the band runs from
 *       {@code reference / threshold} to {@code reference x threshold} (the score is a ratio, so its
 *       band is symmetric in ratio). It has no state for messages, so the band is in its activity unit.</li>
 * </ul>
 *
 * <p>Kept outside the detectors (which know nothing of live charts) and read through their public
 * state; a profile this class does not know gets no band and no candidate bursts.
 */
public final class DetectorBands {

    /** The default profile never lets its level fall below this (as {@code DefaultSpikeDetector}). */
    private static final double MIN_LEVEL = 0.05;

    private DetectorBands() {}

    /** The band the detector will judge the next second by; {@link BaselineBand#NONE} if unknown. */
    public static BaselineBand band(SpikeDetector<?> detector, Object state) {
        if (detector instanceof SeedSpikeDetector seed && state instanceof SeedDetectorState s) {
            return seedBand(seed, s);
        }
        if (detector instanceof DefaultSpikeDetector def && state instanceof DefaultDetectorState s) {
            return defaultBand(def, s);
        }
        return BaselineBand.NONE;
    }

    /**
     * The first second of the burst the detector is holding to its peak, if any. Only the default
     * profile holds bursts; the seed fires in the second it crosses, so it never has one.
     */
    public static OptionalLong candidateStart(SpikeDetector<?> detector, Object state) {
        if (detector instanceof DefaultSpikeDetector && state instanceof DefaultDetectorState s && s.active) {
            return OptionalLong.of(s.burstStartMs);
        }
        return OptionalLong.empty();
    }

    private static BaselineBand seedBand(SeedSpikeDetector detector, SeedDetectorState s) {
        if (s.baselineSize == 0) {
            return BaselineBand.NONE;
        }
        double window = detector.params().windowSeconds();
        double mean = s.baselineSum / (double) s.baselineSize;
        double variance = Math.max(0.0, s.baselineSumSquares / (double) s.baselineSize - mean * mean);
        double spread = detector.params().k() * Math.sqrt(variance);
        if (s.baselineSize < detector.params().warmupWindows()) {
            return new BaselineBand(mean / window, null, null);
        }
        return new BaselineBand(mean / window, Math.max(0.0, mean - spread) / window, (mean + spread) / window);
    }

    private static BaselineBand defaultBand(DefaultSpikeDetector detector, DefaultDetectorState s) {
        if (s.baseline < 0) {
            return BaselineBand.NONE;
        }
        double reference = Math.sqrt(s.baseline * Math.max(s.level, MIN_LEVEL));
        if (s.secondsSeen < detector.params().warmupSeconds()) {
            return new BaselineBand(reference, null, null);
        }
        double threshold = detector.params().threshold();
        return new BaselineBand(reference, reference / threshold, reference * threshold);
    }
}
