package dev.streamscout.core.detect;

/**
 * Everything the {@link DefaultSpikeDetector} remembers about one channel. A mutable Flink POJO of
 * primitives and primitive arrays; only the detector should change it.
 */
public class DefaultDetectorState {

    /** Messages and loud messages of the last window's seconds, rings indexed by {@link #ringPos}. */
    public int[] messages;
    public int[] loud;
    public int ringPos;
    public long messageSum;
    public long loudSum;
    /** Whether this channel's chat has usernames (else activity counts messages, not chatters). */
    public boolean chattersKnown;
    /** Seconds fed so far (including quiet and skipped ones), for the warm-up. */
    public long secondsSeen;
    /** Start of the last second fed, or {@link Long#MIN_VALUE} before the first. */
    public long lastSecondMs = Long.MIN_VALUE;
    /** Short baseline and slow level of activity per second; negative before the first second. */
    public double baseline = -1;
    public double level = -1;
    /**
     * Baseline of the message rate over the short burst window (an EWMA; negative before the first
     * second) and of its squared deviation from that baseline.
     */
    public double rateBaseline = -1;
    public double rateVariance;

    /** A burst being held to its peak. */
    public boolean active;
    public long burstStartMs;
    public long peakMs;
    public double peakIntensity;
    public int peakWindowMessages;
    public double peakBaseline;
    /** When the burst last reached a new high. */
    public long peakSetMs;
    /** The second a detection was last reported, or {@link Long#MIN_VALUE}. */
    public long lastDetectionMs = Long.MIN_VALUE;

    public DefaultDetectorState() {}
}
