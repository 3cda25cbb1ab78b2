package dev.streamscout.core.detect;

import java.util.Arrays;

/**
 * Everything the {@link SeedSpikeDetector} remembers about one channel.
 *
 * <p>A plain mutable bean of primitives and primitive arrays, so that Flink serializes it with its
 * POJO serializer (no Kryo) and state stays cheap to copy and to evolve. Only the detector should
 * change it; the fields are public because Flink's POJO rules and the tests need them to be.
 */
public class SeedDetectorState {

    /** Counts of the last {@code windowSeconds} seconds, a ring indexed by {@link #recentPos}. */
    public int[] recent;
    /** Where the next second's count goes in {@link #recent}. */
    public int recentPos;
    /** Sum of {@link #recent}: the current window count. */
    public int windowSum;
    /** Seconds fed so far (saturates at the window length; a window exists once it is full). */
    public int secondsSeen;

    /** Past window counts, a ring indexed by {@link #baselinePos}; the first {@link #baselineSize} are valid. */
    public int[] baseline;
    public int baselinePos;
    public int baselineSize;
    /** Exact integer sums over the valid baseline entries, so mean and variance never drift. */
    public long baselineSum;
    public long baselineSumSquares;

    /** Start of the last second fed, or {@link Long#MIN_VALUE} before the first. */
    public long lastSecondMs = Long.MIN_VALUE;
    /** The second that fired last (its window end), or {@link Long#MIN_VALUE} if it never fired. */
    public long lastDetectionMs = Long.MIN_VALUE;

    public SeedDetectorState() {}

    @Override
    public String toString() {
        return "SeedDetectorState{lastSecondMs=" + lastSecondMs + ", recent=" + Arrays.toString(recent)
                + ", windowSum=" + windowSum + ", baselineSize=" + baselineSize
                + ", lastDetectionMs=" + lastDetectionMs + '}';
    }
}
